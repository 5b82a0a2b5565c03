//! Cooperation between and within missions (§V).

use crate::model::{ActivityKind as K, Capability as C, HandoverScope, JusticeLink, MissionKind};

use super::context::Ctx;
use super::engaging::LAW_ENFORCEMENT;
use super::pairs::{Buckets, IndexSet, PairTable, Shared};
use super::text::{LIST, join, quote};
use super::{EntityRef, Finding, RuleId};

/// §V.1: some links of the justice chain are addressed while weak ones are addressed by none.
pub(super) fn fragmented_justice_chain(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let mut addressed = [false; 5];
    for l in &ctx.live {
        for k in &l.a.kinds {
            if let Some(link) = k.justice_link() {
                addressed[link as usize] = true;
            }
        }
    }
    if !addressed.iter().any(|a| *a) {
        return;
    }
    let names: Vec<&str> = JusticeLink::ALL
        .iter()
        .filter(|l| addressed[**l as usize])
        .map(|l| l.label())
        .collect();
    let host = &ctx.s.host;
    for link in JusticeLink::ALL {
        let capacity = host.justice_chain.get(*link);
        if addressed[*link as usize] || !capacity.is_weak() {
            continue;
        }
        out.push(Finding {
            rule: RuleId::FragmentedJusticeChain,
            subject: vec![EntityRef::Link(*link)],
            involved: Vec::new(),
            message: format!(
                "activities address {}, but none addresses {}, which is {} in {}: cases will stall at that link",
                join(&names, 5),
                link.label(),
                capacity.label(),
                if host.name.is_empty() { "the host state" } else { &host.name }
            ),
        });
    }
}

/// "on 'A' and 'B' and in Mitrovica": what two missions share.
fn shared_names(ctx: &Ctx<'_>, shared: &Shared) -> String {
    let groups: Vec<String> = shared
        .groups
        .iter()
        .map(|g| quote(&ctx.s.groups[g].name))
        .collect();
    let regions: Vec<String> = shared
        .regions
        .iter()
        .map(|r| ctx.s.host.regions[r].name.clone())
        .collect();
    match (groups.is_empty(), regions.is_empty()) {
        (false, true) => format!("on {}", join(&groups, LIST)),
        (true, false) => format!("in {}", join(&regions, LIST)),
        _ => format!("on {} and in {}", join(&groups, LIST), join(&regions, LIST)),
    }
}

fn shared_refs(ctx: &Ctx<'_>, shared: &Shared) -> impl Iterator<Item = EntityRef> {
    let groups: Vec<EntityRef> = shared
        .groups
        .iter()
        .map(|g| EntityRef::Group(ctx.s.groups[g].id.clone()))
        .collect();
    let regions: Vec<EntityRef> = shared
        .regions
        .iter()
        .map(|r| EntityRef::Region(ctx.s.host.regions[r].id.clone()))
        .collect();
    groups.into_iter().chain(regions)
}

/// Tags that do not make a turf battle: coordinating is the cure, and conduct is internal.
const NOT_TURF: &[K] = &[K::Coordination, K::ConductDiscipline];

/// §V.2: two missions whose activities of the same kind, against the same group or in the same
/// region, run at the same time (a mission and its own predecessor excepted).
pub(super) fn turf_overlap(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let n = ctx.s.missions.len();
    if n < 2 {
        return;
    }
    let (ng, nr, nk) = (ctx.s.groups.len(), ctx.s.host.regions.len(), K::ALL.len());
    // Buckets: (kind, group) first, then (kind, region).
    let mut buckets = Buckets::new(nk * (ng + nr));
    for l in &ctx.live {
        let Some(m) = l.mission else { continue };
        for k in l.a.kinds.iter().filter(|k| !NOT_TURF.contains(k)) {
            let k = *k as usize;
            for g in ctx.groups(l) {
                buckets.add(k * ng + g, m, ctx, l);
            }
            if let Some(r) = l.region {
                buckets.add(nk * ng + k * nr + r, m, ctx, l);
            }
        }
    }
    let mut pairs = PairTable::new(n);
    buckets.for_each_meeting(ctx, |bucket, i, j| {
        let shared = pairs.get(i, j);
        if bucket < nk * ng {
            shared.kinds |= 1 << (bucket / ng.max(1));
            shared.groups.insert(bucket % ng.max(1));
        } else {
            let b = bucket - nk * ng;
            shared.kinds |= 1 << (b / nr.max(1));
            shared.regions.insert(b % nr.max(1));
        }
    });
    for (i, j, shared) in pairs.into_pairs() {
        let kinds: Vec<&str> = K::ALL
            .iter()
            .enumerate()
            .filter(|(b, _)| shared.kinds & (1 << b) != 0)
            .map(|(_, k)| k.label())
            .collect();
        out.push(Finding {
            rule: RuleId::TurfOverlap,
            subject: vec![ctx.mission_ref(i), ctx.mission_ref(j)],
            involved: shared_refs(ctx, &shared).collect(),
            message: format!(
                "{} and {} both run {} {} at the same time: who leads?",
                ctx.mission(i).describe(),
                ctx.mission(j).describe(),
                join(&kinds, 4),
                shared_names(ctx, &shared)
            ),
        });
    }
}

/// §V.3: missions of two or more deploying organizations are active at the same time.
pub(super) fn organizational_geopolitics(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let missions = &ctx.s.missions;
    let mut involved = vec![false; missions.len()];
    for i in 0..missions.len() {
        for j in i + 1..missions.len() {
            if missions[i].organization.body() != missions[j].organization.body()
                && ctx.overlap(i, j)
            {
                involved[i] = true;
                involved[j] = true;
            }
        }
    }
    let members: Vec<usize> = (0..missions.len()).filter(|i| involved[*i]).collect();
    if members.is_empty() {
        return;
    }
    let mut bodies: Vec<&str> = Vec::new();
    for m in &members {
        let body = missions[*m].organization.body();
        if !bodies.contains(&body) {
            bodies.push(body);
        }
    }
    let names: Vec<String> = members
        .iter()
        .map(|m| {
            format!(
                "{} ({})",
                missions[*m].short_name(),
                missions[*m].organization.body()
            )
        })
        .collect();
    out.push(Finding {
        rule: RuleId::OrganizationalGeopolitics,
        subject: Vec::new(),
        involved: members.iter().map(|m| ctx.mission_ref(*m)).collect(),
        message: format!(
            "missions of {} organizations are deployed at the same time: {}; their members' politics will shape whether they cooperate",
            bodies.len(),
            join(&names, 6)
        ),
    });
}

/// §V.4: a military mission with public-security tasks deployed beside civilian or police missions.
pub(super) fn military_public_security(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let missions = &ctx.s.missions;
    for (m, mission) in missions.iter().enumerate() {
        if mission.kind != MissionKind::Military {
            continue;
        }
        let public_security = mission.mandate.public_security
            || ctx.by_mission[m].iter().any(|i| {
                let a = ctx.live[*i].a;
                a.is_direct() && a.has_any(LAW_ENFORCEMENT)
            });
        if !public_security {
            continue;
        }
        let parallel: Vec<usize> = (0..missions.len())
            .filter(|o| *o != m && ctx.overlap(m, *o))
            .filter(|o| {
                let other = &missions[*o];
                matches!(other.kind, MissionKind::Civilian | MissionKind::Police)
                    || (other.kind == MissionKind::Multidimensional
                        && other.has_any(C::POLICE_LIKE))
            })
            .collect();
        if parallel.is_empty() {
            continue;
        }
        let names: Vec<String> = parallel.iter().map(|o| missions[*o].describe()).collect();
        out.push(Finding {
            rule: RuleId::MilitaryPublicSecurity,
            subject: vec![ctx.mission_ref(m)],
            involved: parallel.iter().map(|o| ctx.mission_ref(*o)).collect(),
            message: format!(
                "{} has public-security tasks while {} work{} in parallel: two chains of command police the same streets",
                mission.describe(),
                join(&names, LIST),
                if parallel.len() == 1 { "s" } else { "" }
            ),
        });
    }
}

/// §V.5: two missions whose activities target the same groups or take place in the same regions
/// at the same time, with no intelligence-sharing arrangement between them (a mission and its
/// own predecessor excepted).
pub(super) fn intelligence_not_shared(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let missions = &ctx.s.missions;
    let n = missions.len();
    if n < 2 {
        return;
    }
    let (ng, nr) = (ctx.s.groups.len(), ctx.s.host.regions.len());
    let mut buckets = Buckets::new(ng + nr);
    for l in &ctx.live {
        let Some(m) = l.mission else { continue };
        for g in ctx.groups(l) {
            buckets.add(*g, m, ctx, l);
        }
        if let Some(r) = l.region {
            buckets.add(ng + r, m, ctx, l);
        }
    }
    // Arrangements; either side may list them.
    let index: std::collections::HashMap<&str, usize> = missions
        .iter()
        .enumerate()
        .map(|(i, m)| (m.id.as_str(), i))
        .collect();
    let mut shares = vec![IndexSet::default(); n];
    for (i, m) in missions.iter().enumerate() {
        for other in &m.intel_sharing {
            if let Some(j) = index.get(other.as_str()) {
                shares[i].insert(*j);
                shares[*j].insert(i);
            }
        }
    }
    let mut pairs = PairTable::new(n);
    buckets.for_each_meeting(ctx, |bucket, i, j| {
        if shares[i].contains(j) {
            return;
        }
        let shared = pairs.get(i, j);
        if bucket < ng {
            shared.groups.insert(bucket);
        } else {
            shared.regions.insert(bucket - ng);
        }
    });
    for (i, j, shared) in pairs.into_pairs() {
        out.push(Finding {
            rule: RuleId::IntelligenceNotShared,
            subject: vec![ctx.mission_ref(i), ctx.mission_ref(j)],
            involved: shared_refs(ctx, &shared).collect(),
            message: format!(
                "{} and {} work {} at the same time with no intelligence-sharing arrangement between them; one may raid what the other is watching",
                ctx.mission(i).short_name(),
                ctx.mission(j).short_name(),
                shared_names(ctx, &shared)
            ),
        });
    }
}

/// §V.6: a succession with no handover plan (or one that leaves case files out while the
/// predecessor ran cases), or an activity running past its mission's end with no successor.
pub(super) fn unregulated_handover(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let missions = &ctx.s.missions;
    let case_work = [
        K::Investigation,
        K::Prosecution,
        K::Adjudication,
        K::Detention,
    ];
    for (n, next) in missions.iter().enumerate() {
        let Some(p) = ctx.predecessor[n] else {
            continue;
        };
        let prev = &missions[p];
        let message = if !next.handover.planned {
            format!(
                "{} follows {} with no handover plan: cases, records and contacts may be lost in the transition",
                next.short_name(),
                prev.short_name()
            )
        } else if !next.handover.covers.contains(&HandoverScope::CaseFiles)
            && let Some(case) = ctx.by_mission[p]
                .iter()
                .find(|i| ctx.live[**i].a.has_any(&case_work))
        {
            format!(
                "{}'s handover plan from {} leaves out case files and records, though {} runs case work such as {}; cases were dropped when records were lost from UNMIK to EULEX",
                next.short_name(),
                prev.short_name(),
                prev.short_name(),
                quote(&ctx.live[*case].a.title)
            )
        } else {
            continue;
        };
        out.push(Finding {
            rule: RuleId::UnregulatedHandover,
            subject: vec![ctx.mission_ref(p), ctx.mission_ref(n)],
            involved: Vec::new(),
            message,
        });
    }
    for l in &ctx.live {
        let Some(m) = l.mission else { continue };
        let mission = ctx.mission(m);
        let (Some(end), Some(mission_end)) = (l.a.end, mission.end) else {
            continue;
        };
        if end <= mission_end || ctx.has_successor[m] {
            continue;
        }
        out.push(Finding {
            rule: RuleId::UnregulatedHandover,
            subject: vec![ctx.mission_ref(m), l.entity()],
            involved: Vec::new(),
            message: format!(
                "{} runs to {end}, after {} ends in {mission_end}, and no mission succeeds it: who carries the work on?",
                quote(&l.a.title),
                mission.short_name()
            ),
        });
    }
}

/// §V: a mission with military and police components acts against crime without an analysis
/// capability to join them up.
pub(super) fn no_joint_analysis(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for (m, mission) in ctx.s.missions.iter().enumerate() {
        let military = mission.kind == MissionKind::Military || mission.has(C::Military);
        let police = mission.kind == MissionKind::Police || mission.has_any(C::POLICE_LIKE);
        if !military || !police || mission.has(C::Analysis) || ctx.by_mission[m].is_empty() {
            continue;
        }
        out.push(Finding {
            rule: RuleId::NoJointAnalysis,
            subject: vec![ctx.mission_ref(m)],
            involved: ctx.activity_refs(&ctx.by_mission[m]),
            message: format!(
                "{} has military and police components acting against crime but no intelligence / analysis cell to join them up, as MINUSTAH's JMAC did",
                mission.describe()
            ),
        });
    }
}
