//! Cooperation between and within missions (§V): detection. The sentences are in
//! `sentences.rs`.

use crate::model::{ActivityKind as K, Capability as C, HandoverScope, JusticeLink, MissionKind};

use super::context::{Ctx, group, kinds, mission, region};
use super::engaging::LAW_ENFORCEMENT;
use super::finding::{At, Detail};
use super::pairs::by_pair;
use super::{Finding, RuleId};

/// §V.1: some links of the justice chain are addressed while weak ones are addressed by none.
pub(super) fn fragmented_justice_chain(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let tags = ctx.live.iter().fold(0u64, |acc, l| acc | l.kinds);
    let addressed: u64 = K::ALL
        .iter()
        .filter(|k| tags & (1 << **k as u64) != 0)
        .filter_map(|k| k.justice_link())
        .fold(0, |acc, link| acc | 1 << link as usize);
    if addressed == 0 {
        return;
    }
    for link in JusticeLink::ALL {
        if addressed & (1 << *link as usize) != 0 || !ctx.s.host.justice_chain.get(*link).is_weak()
        {
            continue;
        }
        out.push(Finding::new(
            RuleId::FragmentedJusticeChain,
            &[At::Link(*link)],
            Vec::new(),
            Detail::Flags(addressed),
        ));
    }
}

/// §V.2: two missions that do the same kind of work in the same mode (both directly, or both
/// through host capacity) against the same group or in the same region, their activities there
/// running at the same time (a mission and its own predecessor excepted). Training the host's
/// police is not a turf battle with policing the streets.
pub(super) fn turf_overlap(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let ng = ctx.s.groups.len();
    for run in by_pair(ctx.meetings()) {
        let direct = run.iter().fold(0u64, |acc, m| acc | m.shared_direct);
        let indirect = run.iter().fold(0u64, |acc, m| acc | m.shared_indirect);
        if direct == 0 && indirect == 0 {
            continue;
        }
        // Places come in order (groups, then regions), once each per pair.
        let places: Vec<At> = run
            .iter()
            .filter(|m| m.shared_direct | m.shared_indirect != 0)
            .map(|m| place(m.place as usize, ng))
            .collect();
        let (i, j) = (run[0].i as usize, run[0].j as usize);
        out.push(Finding::new(
            RuleId::TurfOverlap,
            &[mission(i), mission(j)],
            places,
            Detail::Kinds { direct, indirect },
        ));
    }
}

/// A meeting place as a finding's entity.
fn place(p: usize, groups: usize) -> At {
    if p < groups {
        group(p)
    } else {
        region(p - groups)
    }
}

/// §V.3: missions of two or more deploying organizations are active at the same time.
pub(super) fn organizational_geopolitics(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let missions = &ctx.s.missions;
    // UN peacekeeping and UN political missions are one body: compare bodies, not organizations.
    let body: Vec<u8> = missions
        .iter()
        .map(|m| m.organization.body_index())
        .collect();
    let mut involved = vec![false; missions.len()];
    for i in 0..missions.len() {
        for j in i + 1..missions.len() {
            if body[i] != body[j] && ctx.overlap(i, j) {
                involved[i] = true;
                involved[j] = true;
            }
        }
    }
    let members: Vec<At> = (0..missions.len())
        .filter(|i| involved[*i])
        .map(mission)
        .collect();
    if members.is_empty() {
        return;
    }
    out.push(Finding::new(
        RuleId::OrganizationalGeopolitics,
        &[],
        members,
        Detail::None,
    ));
}

/// §V.4: a military mission with public-security tasks deployed beside civilian or police
/// missions. The sentence says two chains of command police the same streets only when a
/// parallel mission polices (police, police-like capability or law-enforcement activities).
pub(super) fn military_public_security(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let missions = &ctx.s.missions;
    let enforces = |m: usize| {
        ctx.by_mission[m].iter().any(|i| {
            let l = &ctx.live[*i];
            l.direct() && l.has_any(kinds(LAW_ENFORCEMENT))
        })
    };
    for (m, mission_) in missions.iter().enumerate() {
        if mission_.kind != MissionKind::Military {
            continue;
        }
        if !mission_.mandate.public_security && !enforces(m) {
            continue;
        }
        let parallel: Vec<usize> = (0..missions.len())
            .filter(|o| *o != m && ctx.overlap(m, *o))
            .filter(|o| {
                let other = &missions[*o];
                other.kind.is_non_military()
                    || (other.kind == MissionKind::Multidimensional
                        && other.has_any(C::POLICE_LIKE))
            })
            .collect();
        if parallel.is_empty() {
            continue;
        }
        // Missions that police first: the sentence names them apart from the others.
        let polices = |o: &usize| {
            let other = &missions[*o];
            matches!(
                other.kind,
                MissionKind::Police | MissionKind::PoliceCivilian
            ) || other.has_any(C::POLICE_LIKE)
                || enforces(*o)
        };
        let (policing, others): (Vec<usize>, Vec<usize>) = parallel.into_iter().partition(polices);
        out.push(Finding::new(
            RuleId::MilitaryPublicSecurity,
            &[mission(m)],
            policing
                .iter()
                .chain(&others)
                .copied()
                .map(mission)
                .collect(),
            Detail::Numbers(policing.len() as i64, others.len() as i64),
        ));
    }
}

/// §V.5: two missions whose activities target the same groups or take place in the same regions
/// at the same time, with no intelligence-sharing arrangement between them (a mission and its
/// own predecessor excepted).
pub(super) fn intelligence_not_shared(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let missions = &ctx.s.missions;
    let ng = ctx.s.groups.len();
    // Arrangements; either side may list them.
    let shares = |i: usize, j: usize| {
        let listed = |a: usize, b: usize| {
            missions[a]
                .intel_sharing
                .iter()
                .any(|o| ctx.mission_index.get(o.as_str()) == Some(b))
        };
        listed(i, j) || listed(j, i)
    };
    for run in by_pair(ctx.meetings()) {
        let (i, j) = (run[0].i as usize, run[0].j as usize);
        if shares(i, j) {
            continue;
        }
        out.push(Finding::new(
            RuleId::IntelligenceNotShared,
            &[mission(i), mission(j)],
            run.iter().map(|m| place(m.place as usize, ng)).collect(),
            Detail::None,
        ));
    }
}

/// Which kind of unregulated handover a finding is.
pub(super) mod handover {
    /// No handover plan.
    pub const NO_PLAN: u8 = 0;
    /// A plan that leaves out case files while the predecessor ran case work.
    pub const NO_CASE_FILES: u8 = 1;
    /// An activity outlives its mission, which has no successor.
    pub const OUTLIVES: u8 = 2;
}

/// §V.6: a succession with no handover plan (or one that leaves case files out while the
/// predecessor ran cases), or an activity running past its mission's end with no successor.
pub(super) fn unregulated_handover(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let case_work = [
        K::Investigation,
        K::Prosecution,
        K::Adjudication,
        K::Detention,
    ];
    for (n, next) in ctx.s.missions.iter().enumerate() {
        let Some(p) = ctx.predecessor[n] else {
            continue;
        };
        if !next.handover.planned {
            out.push(Finding::new(
                RuleId::UnregulatedHandover,
                &[mission(p), mission(n)],
                Vec::new(),
                Detail::Variant(handover::NO_PLAN),
            ));
        } else if !next.handover.covers.contains(&HandoverScope::CaseFiles)
            && let Some(case) = ctx.by_mission[p]
                .iter()
                .find(|i| ctx.live[**i].has_any(kinds(&case_work)))
        {
            out.push(Finding::new_few(
                RuleId::UnregulatedHandover,
                &[mission(p), mission(n)],
                &[ctx.live[*case].at()],
                Detail::Variant(handover::NO_CASE_FILES),
            ));
        }
    }
    for l in &ctx.live {
        let Some(m) = l.mission() else { continue };
        let (Some(end), Some(mission_end)) = (l.end(), ctx.mission(m).end) else {
            continue;
        };
        if end <= mission_end || ctx.has_successor[m] {
            continue;
        }
        out.push(Finding::new(
            RuleId::UnregulatedHandover,
            &[mission(m), l.at()],
            Vec::new(),
            Detail::Variant(handover::OUTLIVES),
        ));
    }
}

/// §V: a mission with military and police components acts against crime without an analysis
/// capability to join them up.
pub(super) fn no_joint_analysis(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for (m, mission_) in ctx.s.missions.iter().enumerate() {
        let military = mission_.kind == MissionKind::Military
            || mission_.has(C::Military)
            || ctx.by_mission[m].iter().any(|i| ctx.live[*i].military());
        let police = matches!(
            mission_.kind,
            MissionKind::Police | MissionKind::PoliceCivilian
        ) || mission_.has_any(C::POLICE_LIKE);
        if !military || !police || mission_.has(C::Analysis) || ctx.by_mission[m].is_empty() {
            continue;
        }
        out.push(Finding::new(
            RuleId::NoJointAnalysis,
            &[mission(m)],
            ctx.activities(&ctx.by_mission[m]),
            Detail::None,
        ));
    }
}
