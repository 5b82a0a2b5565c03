//! Cooperation with other actors (§IV.4, §V, §VI(c)).

use crate::model::{ActivityKind as K, ActorKind, Governance};

use super::context::Ctx;
use super::text::{LIST, count, join, quote};
use super::{EntityRef, Finding, RuleId};

/// Tags that build state capacity when done indirectly.
const STATE_CAPACITY: &[K] = &[
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
];

/// §IV.4, §V: capacity building for host institutions while the state is captured or corrupt, or
/// while a targeted group has ties to officials.
pub(super) fn capacity_to_captured_state(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let governance = ctx.s.host.governance;
    let state_compromised = matches!(governance, Governance::Captured | Governance::Corrupt);
    for (m, items) in ctx.by_mission.iter().enumerate() {
        let mut acts = Vec::new();
        let mut tied = Vec::new();
        for i in items {
            let l = &ctx.live[*i];
            if l.a.is_direct() {
                continue;
            }
            let for_host = ctx.has_partner(l, |k| k == ActorKind::HostAgency)
                || (l.a.has_any(STATE_CAPACITY) && !ctx.has_partner(l, ActorKind::is_community));
            if !for_host {
                continue;
            }
            let tied_here: Vec<usize> = ctx
                .groups(l)
                .iter()
                .copied()
                .filter(|g| ctx.s.groups[*g].ties_to_officials)
                .collect();
            if state_compromised || !tied_here.is_empty() {
                acts.push(*i);
                for g in tied_here {
                    if !tied.contains(&g) {
                        tied.push(g);
                    }
                }
            }
        }
        if acts.is_empty() {
            continue;
        }
        let why = if state_compromised {
            format!("the state is {}", governance.label())
        } else {
            let names: Vec<String> = tied.iter().map(|g| quote(&ctx.s.groups[*g].name)).collect();
            format!(
                "{}, which it targets, {} ties to officials",
                join(&names, LIST),
                if tied.len() == 1 { "has" } else { "have" }
            )
        };
        let mut involved = ctx.activity_refs(&acts);
        involved.extend(
            tied.iter()
                .map(|g| EntityRef::Group(ctx.s.groups[*g].id.clone())),
        );
        out.push(Finding {
            rule: RuleId::CapacityToCapturedState,
            subject: vec![ctx.mission_ref(m)],
            involved,
            message: format!(
                "{} builds the capacity of host institutions ({}) while {why}: the new capacity may serve the criminals inside the state",
                ctx.mission(m).describe(),
                ctx.titles(&acts)
            ),
        });
    }
}

/// §V, §VI(c): a transnational group against which no activity involves a neighbouring
/// government or a regional organization.
pub(super) fn no_regional_approach(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let groups = &ctx.s.groups;
    let mut covered = vec![false; groups.len()];
    let mut general = false;
    for l in ctx
        .live
        .iter()
        .filter(|l| ctx.has_partner(l, ActorKind::is_regional))
    {
        let targets = ctx.groups(l);
        if targets.is_empty() {
            general = true;
        }
        for g in targets {
            covered[*g] = true;
        }
    }
    if general {
        return;
    }
    for (g, group) in groups.iter().enumerate() {
        if !group.transnational || covered[g] {
            continue;
        }
        out.push(Finding {
            rule: RuleId::NoRegionalApproach,
            subject: vec![EntityRef::Group(group.id.clone())],
            involved: Vec::new(),
            message: format!(
                "{} reaches across borders, but no activity against it involves a neighbouring government or a regional organization",
                quote(&group.name)
            ),
        });
    }
}

/// §V: activities exist and none works with civil society, communities, women or youth.
pub(super) fn no_community_approach(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    if ctx.live.is_empty()
        || ctx
            .live
            .iter()
            .any(|l| ctx.has_partner(l, ActorKind::is_community))
    {
        return;
    }
    out.push(Finding {
        rule: RuleId::NoCommunityApproach,
        subject: Vec::new(),
        involved: Vec::new(),
        message: format!(
            "none of the {} works with civil society, local communities, women or youth: the plan is state-centred only",
            count(ctx.live.len(), "activity", "activities")
        ),
    });
}

/// §V: drivers-side activities with no development partner, or development actors nobody
/// coordinates with.
pub(super) fn security_development_split(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let drivers: Vec<usize> = (0..ctx.live.len())
        .filter(|i| ctx.live[*i].a.is_drivers())
        .collect();
    if !drivers.is_empty()
        && !drivers
            .iter()
            .any(|i| ctx.has_partner(&ctx.live[*i], ActorKind::is_development))
    {
        out.push(Finding {
            rule: RuleId::SecurityDevelopmentSplit,
            subject: Vec::new(),
            involved: ctx.activity_refs(&drivers),
            message: format!(
                "{} target the drivers of crime ({}), but none has a development actor (UNDP, UN-Habitat, the World Bank, a donor) as partner",
                count(drivers.len(), "activity", "activities"),
                ctx.titles(&drivers)
            ),
        });
    }
    let actors = &ctx.s.actors;
    let mut engaged = vec![false; actors.len()];
    for l in &ctx.live {
        for p in ctx.partners(l) {
            engaged[*p] = true;
        }
    }
    for m in &ctx.s.missions {
        for p in &m.partners {
            if let Some(i) = actors.iter().position(|a| &a.id == p) {
                engaged[i] = true;
            }
        }
    }
    for (i, actor) in actors.iter().enumerate() {
        if !actor.kind.is_development() || engaged[i] {
            continue;
        }
        out.push(Finding {
            rule: RuleId::SecurityDevelopmentSplit,
            subject: vec![EntityRef::Actor(actor.id.clone())],
            involved: Vec::new(),
            message: format!(
                "{} ({}) is present, but no activity or mission is coordinated with it: security and development may pull apart",
                actor.name,
                actor.kind.label()
            ),
        });
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
    let by_mission = ctx.s.missions.iter().any(|m| {
        m.partners
            .iter()
            .any(|p| panels.iter().any(|i| &ctx.s.actors[*i].id == p))
    });
    if by_activity || by_mission {
        return;
    }
    let host = if ctx.s.host.name.is_empty() {
        "the host state"
    } else {
        &ctx.s.host.name
    };
    let message = if panels.is_empty() {
        format!(
            "a sanctions panel of experts monitors {host}, but it is not on the board and no activity or mission draws on its findings"
        )
    } else {
        let names: Vec<&str> = panels
            .iter()
            .map(|i| ctx.s.actors[*i].name.as_str())
            .collect();
        format!(
            "{} monitors {host}, but no activity or mission draws on its findings",
            join(&names, LIST)
        )
    };
    out.push(Finding {
        rule: RuleId::PanelOfExpertsUnused,
        subject: Vec::new(),
        involved: panels
            .iter()
            .map(|i| EntityRef::Actor(ctx.s.actors[*i].id.clone()))
            .collect(),
        message,
    });
}
