//! Cooperation with other actors (§IV.4, §V, §VI(c)): detection. The sentences are in
//! `sentences.rs`.

use crate::model::{ActivityKind as K, ActorKind, Governance};

use super::context::{
    COMMUNITY, Ctx, DEVELOPMENT, HOST_AGENCY, REGIONAL, actor, group, kinds, mission,
};
use super::finding::{At, Detail};
use super::{Finding, RuleId};

/// Tags that build state capacity when done indirectly.
const STATE_CAPACITY: u64 = kinds(&[
    K::Training,
    K::Policing,
    K::Arrest,
    K::Investigation,
    K::Prosecution,
    K::Adjudication,
    K::Corrections,
    K::Detention,
    K::Border,
    K::Vetting,
]);

/// Why capacity building is risky: the state itself, or the groups it targets.
pub(super) mod captured {
    /// The state is captured or corrupt.
    pub const STATE: u8 = 0;
    /// Targeted groups have ties to officials.
    pub const TIED_GROUPS: u8 = 1;
}

/// §IV.4, §V: capacity building for host institutions while the state is captured or corrupt, or
/// while a targeted group has ties to officials.
pub(super) fn capacity_to_captured_state(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let compromised = matches!(
        ctx.s.host.governance,
        Governance::Captured | Governance::Corrupt
    );
    let (mut acts, mut tied): (Vec<usize>, Vec<At>) = (Vec::new(), Vec::new());
    for (m, items) in ctx.by_mission.iter().enumerate() {
        acts.clear();
        tied.clear();
        for i in items {
            let l = &ctx.live[*i];
            if l.direct() {
                continue;
            }
            let for_host = l.has_partner(HOST_AGENCY)
                || (l.has_any(STATE_CAPACITY) && !l.has_partner(COMMUNITY));
            if !for_host {
                continue;
            }
            let mut tied_here = false;
            for g in ctx
                .groups(l)
                .iter()
                .filter(|g| ctx.s.groups[**g].ties_to_officials)
            {
                tied_here = true;
                if !tied.contains(&group(*g)) {
                    tied.push(group(*g));
                }
            }
            if compromised || tied_here {
                acts.push(*i);
            }
        }
        if acts.is_empty() {
            continue;
        }
        out.push(Finding::new(
            RuleId::CapacityToCapturedState,
            &[mission(m)],
            ctx.activities_and(&acts, &tied),
            Detail::Variant(if compromised {
                captured::STATE
            } else {
                captured::TIED_GROUPS
            }),
        ));
    }
}

/// §V, §VI(c): a transnational group against which no activity involves a neighbouring
/// government or a regional organization.
pub(super) fn no_regional_approach(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let groups = &ctx.s.groups;
    let mut covered = vec![false; groups.len()];
    for l in ctx.live.iter().filter(|l| l.has_partner(REGIONAL)) {
        let targets = ctx.groups(l);
        if targets.is_empty() {
            // A regional activity against no group in particular covers them all.
            return;
        }
        for g in targets {
            covered[*g] = true;
        }
    }
    for (g, grp) in groups.iter().enumerate() {
        if grp.transnational && !covered[g] {
            out.push(Finding::new(
                RuleId::NoRegionalApproach,
                &[group(g)],
                Vec::new(),
                Detail::None,
            ));
        }
    }
}

/// §V: activities exist and none works with civil society, communities, women or youth.
pub(super) fn no_community_approach(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    if ctx.live.is_empty() || ctx.live.iter().any(|l| l.has_partner(COMMUNITY)) {
        return;
    }
    out.push(Finding::new(
        RuleId::NoCommunityApproach,
        &[],
        Vec::new(),
        Detail::Numbers(ctx.live.len() as i64, 0),
    ));
}

/// §V: drivers-side activities with no development partner, or development actors nobody
/// coordinates with.
pub(super) fn security_development_split(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let drivers: Vec<usize> = (0..ctx.live.len())
        .filter(|i| ctx.live[*i].drivers())
        .collect();
    if !drivers.is_empty()
        && !drivers
            .iter()
            .any(|i| ctx.live[*i].has_partner(DEVELOPMENT))
    {
        out.push(Finding::new(
            RuleId::SecurityDevelopmentSplit,
            &[],
            ctx.activities(&drivers),
            Detail::None,
        ));
    }
    let actors = &ctx.s.actors;
    if !actors.iter().any(|a| a.kind.is_development()) {
        return;
    }
    let mut engaged = vec![false; actors.len()];
    for l in &ctx.live {
        for p in ctx.partners(l) {
            engaged[*p] = true;
        }
    }
    for p in ctx.s.missions.iter().flat_map(|m| &m.partners) {
        if let Some(i) = ctx.actor_index.get(p.as_str()) {
            engaged[i] = true;
        }
    }
    for (i, a) in actors.iter().enumerate() {
        if a.kind.is_development() && !engaged[i] {
            out.push(Finding::new(
                RuleId::SecurityDevelopmentSplit,
                &[actor(i)],
                Vec::new(),
                Detail::None,
            ));
        }
    }
}

/// §V: a sanctions panel of experts is present and nothing draws on it.
pub(super) fn panel_of_experts_unused(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let panels: Vec<usize> = (0..ctx.s.actors.len())
        .filter(|i| ctx.s.actors[*i].kind == ActorKind::PanelOfExperts)
        .collect();
    if !ctx.s.host.sanctions_panel && panels.is_empty() {
        return;
    }
    let by_activity = ctx
        .live
        .iter()
        .any(|l| ctx.partners(l).iter().any(|p| panels.contains(p)));
    let by_mission = ctx.s.missions.iter().flat_map(|m| &m.partners).any(|p| {
        ctx.actor_index
            .get(p.as_str())
            .is_some_and(|i| panels.contains(&i))
    });
    if by_activity || by_mission {
        return;
    }
    out.push(Finding::new(
        RuleId::PanelOfExpertsUnused,
        &[],
        panels.into_iter().map(actor).collect(),
        Detail::None,
    ));
}
