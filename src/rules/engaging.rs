//! Challenges of engaging at all (§II, §III, §IV).

use crate::model::{
    ActivityKind as K, Approach, Capability as C, Consent, Governance, JusticeLink, Level,
    MissionKind, PeaceRole, StateRelation,
};

use super::context::Ctx;
use super::text::{LIST, count, join, quote};
use super::{EntityRef, Finding, RuleId};

/// Planned life under which a mission counts as short-lived (months).
pub(super) const SHORT_MISSION_MONTHS: i32 = 24;
/// Months after the first deployment past which the first activity counts as late.
pub(super) const LATE_START_MONTHS: i32 = 24;
/// Personnel from which a mission's footprint needs conduct-and-discipline work.
pub(super) const LARGE_MISSION: u32 = 1000;
/// Weak or absent links from which the host's justice chain counts as weak.
pub(super) const WEAK_CHAIN_LINKS: usize = 2;

/// Tags that are law enforcement when done directly (§IV.5).
pub(super) const LAW_ENFORCEMENT: &[K] = &[
    K::Policing,
    K::Raid,
    K::Arrest,
    K::Detention,
    K::Investigation,
];

/// §IV.1: consent not full, state captured, groups tied to officials or partners, high
/// sovereignty sensitivity over investigation and prosecution — and direct action planned.
pub(super) fn sovereignty_consent(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let host = &ctx.s.host;
    let mut reasons: Vec<String> = Vec::new();
    if host.consent != Consent::Full {
        reasons.push(format!("the host's consent is {}", host.consent.label()));
    }
    if host.governance == Governance::Captured {
        reasons.push("the state is captured by organized crime".to_owned());
    }
    let tied: Vec<_> = ctx
        .s
        .groups
        .iter()
        .filter(|g| g.ties_to_officials || g.role == PeaceRole::Partner)
        .collect();
    if !tied.is_empty() {
        let names: Vec<String> = tied.iter().map(|g| quote(&g.name)).collect();
        reasons.push(format!(
            "{} {} ties to officials or a partner role",
            join(&names, LIST),
            if tied.len() == 1 { "has" } else { "have" }
        ));
    }
    let sovereign_powers = [K::Investigation, K::Prosecution, K::Adjudication];
    for (m, items) in ctx.by_mission.iter().enumerate() {
        let direct: Vec<usize> = items
            .iter()
            .copied()
            .filter(|i| ctx.live[*i].a.is_direct() && !ctx.live[*i].a.is_internal())
            .collect();
        if direct.is_empty() {
            continue;
        }
        let mut why = reasons.clone();
        if host.sovereignty_sensitivity == Level::High
            && direct
                .iter()
                .any(|i| ctx.live[*i].a.has_any(&sovereign_powers))
        {
            why.push(
                "the government guards investigation and prosecution as sovereign powers"
                    .to_owned(),
            );
        }
        if why.is_empty() {
            continue;
        }
        let mut involved: Vec<EntityRef> = ctx.activity_refs(&direct);
        involved.extend(tied.iter().map(|g| EntityRef::Group(g.id.clone())));
        out.push(Finding {
            rule: RuleId::SovereigntyConsent,
            subject: vec![ctx.mission_ref(m)],
            involved,
            message: format!(
                "{} plans {} against crime ({}) while {}: consent for it cannot be assumed",
                ctx.mission(m).describe(),
                count(direct.len(), "direct activity", "direct activities"),
                ctx.titles(&direct),
                join(&why, 4)
            ),
        });
    }
}

/// A capability an activity needs: any one of `any_of` will do.
struct Need {
    name: &'static str,
    any_of: &'static [C],
}

const POLICE: Need = Need {
    name: "police (police, formed police units or gendarmerie)",
    any_of: C::POLICE_LIKE,
};
const FORCE_OR_TRAINERS: Need = Need {
    name: "police, military or trainers",
    any_of: &[
        C::Police,
        C::FormedPoliceUnits,
        C::Gendarmerie,
        C::Military,
        C::Training,
    ],
};
const POLICE_OR_TRAINERS: Need = Need {
    name: "police or trainers",
    any_of: &[C::Police, C::FormedPoliceUnits, C::Gendarmerie, C::Training],
};
const FORCE: Need = Need {
    name: "police or military",
    any_of: &[C::Police, C::FormedPoliceUnits, C::Gendarmerie, C::Military],
};
const SECURITY: Need = Need {
    name: "military or formed units",
    any_of: &[C::Military, C::FormedPoliceUnits, C::Gendarmerie],
};
const INVESTIGATORS: Need = Need {
    name: "investigators",
    any_of: &[C::Investigators],
};
const INVESTIGATORS_OR_TRAINERS: Need = Need {
    name: "investigators or trainers",
    any_of: &[C::Investigators, C::Training],
};
const JUDICIAL: Need = Need {
    name: "prosecutors / judges",
    any_of: &[C::Judicial],
};
const JUDICIAL_OR_TRAINERS: Need = Need {
    name: "prosecutors / judges or trainers",
    any_of: &[C::Judicial, C::Training],
};
const CORRECTIONS: Need = Need {
    name: "corrections officers",
    any_of: &[C::Corrections],
};
const CORRECTIONS_OR_TRAINERS: Need = Need {
    name: "corrections officers or trainers",
    any_of: &[C::Corrections, C::Training],
};
const BORDER: Need = Need {
    name: "border management",
    any_of: &[C::Border],
};
const BORDER_OR_TRAINERS: Need = Need {
    name: "border specialists or trainers",
    any_of: &[C::Border, C::Training],
};
const ANALYSIS: Need = Need {
    name: "an intelligence / analysis cell",
    any_of: &[C::Analysis],
};
const TRAINING: Need = Need {
    name: "training teams",
    any_of: &[C::Training],
};
const VETTING: Need = Need {
    name: "police or investigators",
    any_of: &[
        C::Police,
        C::FormedPoliceUnits,
        C::Gendarmerie,
        C::Investigators,
    ],
};
const MONITORING: Need = Need {
    name: "military, border or analysis capability",
    any_of: &[C::Military, C::Border, C::Analysis],
};

const ANALYSIS_OR_TRAINERS: Need = Need {
    name: "an analysis cell or trainers",
    any_of: &[C::Analysis, C::Training],
};
const VETTING_OR_TRAINERS: Need = Need {
    name: "police, investigators or trainers",
    any_of: &[
        C::Police,
        C::FormedPoliceUnits,
        C::Gendarmerie,
        C::Investigators,
        C::Training,
    ],
};
const MONITORING_OR_TRAINERS: Need = Need {
    name: "military, border, analysis capability or trainers",
    any_of: &[C::Military, C::Border, C::Analysis, C::Training],
};

/// What a tag needs, done directly or through host capacity.
fn need(kind: K, direct: bool) -> Option<&'static Need> {
    Some(match (kind, direct) {
        (K::Policing | K::Arrest, true) => &POLICE,
        (K::Policing | K::Arrest, false) => &POLICE_OR_TRAINERS,
        (K::Raid, true) => &FORCE,
        (K::Raid, false) => &FORCE_OR_TRAINERS,
        (K::Security, _) => &SECURITY,
        (K::Investigation, true) => &INVESTIGATORS,
        (K::Investigation, false) => &INVESTIGATORS_OR_TRAINERS,
        (K::Prosecution | K::Adjudication, true) => &JUDICIAL,
        (K::Prosecution | K::Adjudication, false) => &JUDICIAL_OR_TRAINERS,
        (K::Corrections | K::Detention, true) => &CORRECTIONS,
        (K::Corrections | K::Detention, false) => &CORRECTIONS_OR_TRAINERS,
        (K::Border, true) => &BORDER,
        (K::Border, false) => &BORDER_OR_TRAINERS,
        (K::Analysis, true) => &ANALYSIS,
        (K::Analysis, false) => &ANALYSIS_OR_TRAINERS,
        (K::Training, _) => &TRAINING,
        (K::Vetting, true) => &VETTING,
        (K::Vetting, false) => &VETTING_OR_TRAINERS,
        (K::ResourceMonitoring, true) => &MONITORING,
        (K::ResourceMonitoring, false) => &MONITORING_OR_TRAINERS,
        _ => return None,
    })
}

/// §IV.2: an activity needs a capability its implementing mission lacks.
pub(super) fn capability_gap(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for l in &ctx.live {
        let Some(m) = l.mission else { continue };
        let mission = ctx.mission(m);
        let direct = l.a.is_direct();
        let mut missing: Vec<&'static str> = Vec::new();
        for kind in &l.a.kinds {
            if let Some(n) = need(*kind, direct)
                && !mission.has_any(n.any_of)
                && !missing.contains(&n.name)
            {
                missing.push(n.name);
            }
        }
        if missing.is_empty() {
            continue;
        }
        out.push(Finding {
            rule: RuleId::CapabilityGap,
            subject: vec![ctx.mission_ref(m), l.entity()],
            involved: Vec::new(),
            message: format!(
                "{} needs {}, which {} lacks",
                quote(&l.a.title),
                join(&missing, 4),
                mission.describe()
            ),
        });
    }
}

/// §IV.2: drivers-side work by a short-lived mission, or outliving it, with no development or
/// local partner to carry it on.
pub(super) fn short_commitment(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for l in &ctx.live {
        let Some(m) = l.mission else { continue };
        if !l.a.is_drivers() {
            continue;
        }
        let mission = ctx.mission(m);
        let short = mission
            .duration_months()
            .filter(|d| *d < SHORT_MISSION_MONTHS);
        let outlives = match (l.a.end, mission.end) {
            (Some(a), Some(e)) if a > e => Some((a, e)),
            _ => None,
        };
        if short.is_none() && outlives.is_none() {
            continue;
        }
        if ctx.has_partner(l, |k| k.is_development() || k.is_local()) {
            continue;
        }
        let why = match (short, outlives) {
            (_, Some((a, e))) => format!("runs to {a}, after {} ends in {e}", mission.describe()),
            (Some(d), None) => format!(
                "is run by {}, planned for only {d} months",
                mission.describe()
            ),
            (None, None) => continue,
        };
        out.push(Finding {
            rule: RuleId::ShortCommitment,
            subject: vec![ctx.mission_ref(m), l.entity()],
            involved: Vec::new(),
            message: format!(
                "{} works on the drivers of crime, which takes years, but {why}, and no development or local partner is named to carry it on",
                quote(&l.a.title)
            ),
        });
    }
}

/// §IV.3: coercion against a peace-process partner, a group with local legitimacy, or a group
/// being co-opted.
pub(super) fn interlocutor_tradeoff(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for l in ctx.live.iter().filter(|l| l.a.is_coercive()) {
        for g in ctx.groups(l) {
            let group = &ctx.s.groups[*g];
            let mut why: Vec<&str> = Vec::new();
            if group.role == PeaceRole::Partner {
                why.push("has a partner role (access to or control over the government)");
            }
            if group.local_legitimacy {
                why.push("provides services with local legitimacy");
            }
            if group.approach == Approach::CoOptive {
                why.push("is being co-opted");
            }
            if why.is_empty() {
                continue;
            }
            let by = l
                .mission
                .map(|m| format!(" ({})", ctx.mission(m).short_name()))
                .unwrap_or_default();
            out.push(Finding {
                rule: RuleId::InterlocutorTradeoff,
                subject: vec![l.entity(), EntityRef::Group(group.id.clone())],
                involved: l.mission.map(|m| ctx.mission_ref(m)).into_iter().collect(),
                message: format!(
                    "{}{by} acts coercively against {}, which {}: the room trades stability or support for enforcement",
                    quote(&l.a.title),
                    quote(&group.name),
                    join(&why, 3)
                ),
            });
        }
    }
}

/// §IV.4: activities exist and fewer than a fifth are on the drivers side.
pub(super) fn law_enforcement_only(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let n = ctx.live.len();
    if n == 0 {
        return;
    }
    let drivers = ctx.live.iter().filter(|l| l.a.is_drivers()).count();
    if drivers * 5 >= n {
        return;
    }
    out.push(Finding {
        rule: RuleId::LawEnforcementOnly,
        subject: Vec::new(),
        involved: Vec::new(),
        message: format!(
            "only {drivers} of {} ({}%) target the drivers of crime; the plan treats organized crime as a law-enforcement problem",
            count(n, "activity", "activities"),
            drivers * 100 / n
        ),
    });
}

/// §IV.5: a military mission implements law-enforcement activities.
pub(super) fn military_policing(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for l in &ctx.live {
        let Some(m) = l.mission else { continue };
        let mission = ctx.mission(m);
        if mission.kind != MissionKind::Military || !l.a.is_direct() {
            continue;
        }
        let tasks: Vec<&str> =
            l.a.kinds
                .iter()
                .filter(|k| LAW_ENFORCEMENT.contains(k))
                .map(|k| k.label())
                .collect();
        if tasks.is_empty() {
            continue;
        }
        out.push(Finding {
            rule: RuleId::MilitaryPolicing,
            subject: vec![ctx.mission_ref(m), l.entity()],
            involved: Vec::new(),
            message: format!(
                "{} runs {}, a law-enforcement task ({})",
                mission.describe(),
                quote(&l.a.title),
                join(&tasks, 4)
            ),
        });
    }
}

/// §IV.6: detention, arrest or prosecution by a mission with no oversight while the host's
/// justice chain is weak.
pub(super) fn accountability_gap(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let chain = &ctx.s.host.justice_chain;
    let weak = chain.weak_links();
    if weak < WEAK_CHAIN_LINKS {
        return;
    }
    for (m, items) in ctx.by_mission.iter().enumerate() {
        let mission = ctx.mission(m);
        if mission.oversight {
            continue;
        }
        let acts: Vec<usize> = items
            .iter()
            .copied()
            .filter(|i| {
                let a = ctx.live[*i].a;
                a.is_direct() && a.has_any(&[K::Detention, K::Arrest, K::Prosecution])
            })
            .collect();
        if acts.is_empty() {
            continue;
        }
        out.push(Finding {
            rule: RuleId::AccountabilityGap,
            subject: vec![ctx.mission_ref(m)],
            involved: ctx.activity_refs(&acts),
            message: format!(
                "{} detains, arrests or prosecutes ({}) with no oversight mechanism, while {weak} of {} links of the host's justice chain are weak or absent",
                mission.describe(),
                ctx.titles(&acts),
                JusticeLink::ALL.len()
            ),
        });
    }
}

/// §IV.7: the group most harmful to the population is targeted by nothing while others are.
pub(super) fn external_agenda(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let groups = &ctx.s.groups;
    let mut targeted = vec![false; groups.len()];
    for l in &ctx.live {
        for g in ctx.groups(l) {
            targeted[*g] = true;
        }
    }
    if !targeted.iter().any(|t| *t) {
        return;
    }
    let Some(max) = groups.iter().map(|g| g.harm).max() else {
        return;
    };
    let others: Vec<String> = groups
        .iter()
        .zip(&targeted)
        .filter(|(_, t)| **t)
        .map(|(g, _)| quote(&g.name))
        .collect();
    for (g, _) in groups
        .iter()
        .zip(&targeted)
        .filter(|(g, t)| g.harm == max && !**t)
    {
        out.push(Finding {
            rule: RuleId::ExternalAgenda,
            subject: vec![EntityRef::Group(g.id.clone())],
            involved: groups
                .iter()
                .zip(&targeted)
                .filter(|(_, t)| **t)
                .map(|(g, _)| EntityRef::Group(g.id.clone()))
                .collect(),
            message: format!(
                "{} does the most harm to the host population (harm {}), yet no activity targets it while activities target {}",
                quote(&g.name),
                g.harm.label(),
                join(&others, LIST)
            ),
        });
    }
}

/// "16,000".
fn thousands(n: u32) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// §III, §IV: a large mission plans no conduct-and-discipline or anti-exploitation activity.
pub(super) fn mission_footprint(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for (m, items) in ctx.by_mission.iter().enumerate() {
        let mission = ctx.mission(m);
        if mission.personnel < LARGE_MISSION {
            continue;
        }
        if items
            .iter()
            .any(|i| ctx.live[*i].a.has(K::ConductDiscipline))
        {
            continue;
        }
        out.push(Finding {
            rule: RuleId::MissionFootprint,
            subject: vec![ctx.mission_ref(m)],
            involved: Vec::new(),
            message: format!(
                "{} deploys {} personnel but plans no conduct-and-discipline or anti-exploitation activity; a large presence can feed prostitution, black markets and hard-currency crime",
                mission.describe(),
                thousands(mission.personnel)
            ),
        });
    }
}

/// §IV: the first activity against crime starts more than 24 months after the first mission.
pub(super) fn late_start(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let Some((m, first_mission)) = ctx
        .s
        .missions
        .iter()
        .enumerate()
        .min_by_key(|(_, m)| m.start)
    else {
        return;
    };
    let Some((l, start)) = ctx
        .live
        .iter()
        .filter_map(|l| Some((l, l.start?)))
        .min_by_key(|(_, s)| *s)
    else {
        return;
    };
    let gap = first_mission.start.months_until(start);
    if gap <= LATE_START_MONTHS {
        return;
    }
    out.push(Finding {
        rule: RuleId::LateStart,
        subject: Vec::new(),
        involved: vec![ctx.mission_ref(m), l.entity()],
        message: format!(
            "the first activity against organized crime, {} ({start}), starts {gap} months after {} deployed ({}); groups left untouched entrench",
            quote(&l.a.title),
            first_mission.short_name(),
            first_mission.start
        ),
    });
}

/// §II: a group approached co-optively with no transition plan, or a predatory group co-opted.
pub(super) fn co_optation_without_transition(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for g in &ctx.s.groups {
        if g.approach != Approach::CoOptive {
            continue;
        }
        let message = if g.relation == StateRelation::Predatory {
            format!(
                "{} is predatory, in violent competition with the state, yet is being co-opted; predatory groups rarely can be",
                quote(&g.name)
            )
        } else if !g.transition_plan {
            format!(
                "{} is being co-opted with no transition plan to insert it into the licit system; the calm it buys may be mistaken for peace",
                quote(&g.name)
            )
        } else {
            continue;
        };
        out.push(Finding {
            rule: RuleId::CoOptationWithoutTransition,
            subject: vec![EntityRef::Group(g.id.clone())],
            involved: Vec::new(),
            message,
        });
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn thousands() {
        assert_eq!(super::thousands(16000), "16,000");
        assert_eq!(super::thousands(999), "999");
        assert_eq!(super::thousands(1_234_567), "1,234,567");
    }
}
