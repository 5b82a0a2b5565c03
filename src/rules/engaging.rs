//! Challenges of engaging at all (§II, §III, §IV): detection. The sentences are in
//! `sentences.rs`.

use crate::model::{
    ActivityKind as K, Approach, Capability as C, Consent, Governance, Level, PeaceRole,
    StateRelation,
};

use super::context::{Ctx, DEVELOPMENT, LOCAL, group, kinds, mission};
use super::finding::{At, Detail};
use super::{Finding, RuleId};

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

/// Reasons for `sovereignty-consent`, as bit flags.
pub(super) mod consent {
    /// Consent is not full.
    pub const NOT_FULL: u64 = 1;
    /// The state is captured.
    pub const CAPTURED: u64 = 2;
    /// Groups have ties to officials or a partner role.
    pub const TIED: u64 = 4;
    /// High sovereignty sensitivity and direct investigation, prosecution or adjudication.
    pub const SENSITIVE: u64 = 8;
}

/// §IV.1: consent not full, state captured, groups tied to officials or partners, high
/// sovereignty sensitivity over investigation and prosecution — and direct action planned.
pub(super) fn sovereignty_consent(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let host = &ctx.s.host;
    let mut reasons = 0;
    if host.consent != Consent::Full {
        reasons |= consent::NOT_FULL;
    }
    if host.governance == Governance::Captured {
        reasons |= consent::CAPTURED;
    }
    let tied: Vec<At> = (0..ctx.s.groups.len())
        .filter(|g| {
            let g = &ctx.s.groups[*g];
            g.ties_to_officials || g.role == PeaceRole::Partner
        })
        .map(group)
        .collect();
    if !tied.is_empty() {
        reasons |= consent::TIED;
    }
    let sovereign_powers = [K::Investigation, K::Prosecution, K::Adjudication];
    let mut direct: Vec<usize> = Vec::new();
    for (m, items) in ctx.by_mission.iter().enumerate() {
        // A mission with transitional authority is the government (UNMIK, UNTAET, §III): it
        // does not act on a host's consent.
        if ctx.mission(m).mandate.transitional_authority {
            continue;
        }
        direct.clear();
        direct.extend(
            items
                .iter()
                .copied()
                .filter(|i| ctx.live[*i].direct() && !ctx.live[*i].internal()),
        );
        if direct.is_empty() {
            continue;
        }
        let mut why = reasons;
        if host.sovereignty_sensitivity == Level::High
            && direct
                .iter()
                .any(|i| ctx.live[*i].has_any(kinds(&sovereign_powers)))
        {
            why |= consent::SENSITIVE;
        }
        if why == 0 {
            continue;
        }
        out.push(Finding::new(
            RuleId::SovereigntyConsent,
            &[mission(m)],
            ctx.activities_and(&direct, &tied),
            Detail::Flags(why),
        ));
    }
}

/// A capability an activity needs: any one of `any_of` will do.
pub(super) struct Need {
    /// How the sentence names it.
    pub name: &'static str,
    /// The capabilities that meet it, as bits over `Capability::ALL`.
    any_of: u32,
}

const fn need_of(name: &'static str, any_of: &'static [C]) -> Need {
    let mut bits = 0;
    let mut i = 0;
    while i < any_of.len() {
        bits |= 1 << any_of[i] as u32;
        i += 1;
    }
    Need { name, any_of: bits }
}

/// Every need, indexed by the bit a capability-gap finding keeps for it.
pub(super) const NEEDS: [Need; 20] = [
    need_of(
        "police (police, formed police units or gendarmerie)",
        C::POLICE_LIKE,
    ),
    need_of(
        "police or trainers",
        &[C::Police, C::FormedPoliceUnits, C::Gendarmerie, C::Training],
    ),
    need_of(
        "police or military",
        &[C::Police, C::FormedPoliceUnits, C::Gendarmerie, C::Military],
    ),
    need_of(
        "police, military or trainers",
        &[
            C::Police,
            C::FormedPoliceUnits,
            C::Gendarmerie,
            C::Military,
            C::Training,
        ],
    ),
    need_of(
        "military or formed units",
        &[C::Military, C::FormedPoliceUnits, C::Gendarmerie],
    ),
    need_of("investigators", &[C::Investigators]),
    need_of(
        "investigators or trainers",
        &[C::Investigators, C::Training],
    ),
    need_of("prosecutors / judges", &[C::Judicial]),
    need_of(
        "prosecutors / judges or trainers",
        &[C::Judicial, C::Training],
    ),
    need_of("corrections officers", &[C::Corrections]),
    need_of(
        "corrections officers or trainers",
        &[C::Corrections, C::Training],
    ),
    need_of("border management", &[C::Border]),
    need_of("border specialists or trainers", &[C::Border, C::Training]),
    need_of("an intelligence / analysis cell", &[C::Analysis]),
    need_of("an analysis cell or trainers", &[C::Analysis, C::Training]),
    need_of("training teams", &[C::Training]),
    need_of(
        "police or investigators",
        &[
            C::Police,
            C::FormedPoliceUnits,
            C::Gendarmerie,
            C::Investigators,
        ],
    ),
    need_of(
        "police, investigators or trainers",
        &[
            C::Police,
            C::FormedPoliceUnits,
            C::Gendarmerie,
            C::Investigators,
            C::Training,
        ],
    ),
    need_of(
        "military, border or analysis capability",
        &[C::Military, C::Border, C::Analysis],
    ),
    need_of(
        "military, border, analysis capability or trainers",
        &[C::Military, C::Border, C::Analysis, C::Training],
    ),
];

/// Which need (its index in [`NEEDS`]) a tag has, done directly or through host capacity.
fn need(kind: K, direct: bool) -> Option<usize> {
    Some(match (kind, direct) {
        (K::Policing | K::Arrest, true) => 0,
        (K::Policing | K::Arrest, false) => 1,
        (K::Raid, true) => 2,
        (K::Raid, false) => 3,
        (K::Security, _) => 4,
        (K::Investigation, true) => 5,
        (K::Investigation, false) => 6,
        (K::Prosecution | K::Adjudication, true) => 7,
        (K::Prosecution | K::Adjudication, false) => 8,
        (K::Corrections | K::Detention, true) => 9,
        (K::Corrections | K::Detention, false) => 10,
        (K::Border, true) => 11,
        (K::Border, false) => 12,
        (K::Analysis, true) => 13,
        (K::Analysis, false) => 14,
        (K::Training, _) => 15,
        (K::Vetting, true) => 16,
        (K::Vetting, false) => 17,
        (K::ResourceMonitoring, true) => 18,
        (K::ResourceMonitoring, false) => 19,
        _ => return None,
    })
}

/// §IV.2: an activity needs a capability its implementing mission lacks.
pub(super) fn capability_gap(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for l in &ctx.live {
        let Some(m) = l.mission() else { continue };
        let has = ctx.capabilities[m];
        let direct = l.direct();
        let mut missing: u64 = 0;
        let mut tags = l.kinds;
        while tags != 0 {
            let bit = tags.trailing_zeros() as usize;
            tags &= tags - 1;
            if let Some(n) = K::ALL.get(bit).and_then(|k| need(*k, direct))
                && has & NEEDS[n].any_of == 0
            {
                missing |= 1 << n;
            }
        }
        if missing != 0 {
            out.push(Finding::new_few(
                RuleId::CapabilityGap,
                &[mission(m), l.at()],
                &[],
                Detail::Flags(missing),
            ));
        }
    }
}

/// §IV.2: drivers-side work by a short-lived mission, or outliving it, with no development or
/// local partner to carry it on.
pub(super) fn short_commitment(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for l in &ctx.live {
        let Some(m) = l.mission() else { continue };
        if !l.drivers() {
            continue;
        }
        let mission_ = ctx.mission(m);
        let short = mission_
            .duration_months()
            .is_some_and(|d| d < SHORT_MISSION_MONTHS);
        let outlives = matches!((l.end_index(), mission_.end), (Some(a), Some(e)) if a > e.index());
        if !short && !outlives {
            continue;
        }
        if l.has_partner(DEVELOPMENT | LOCAL) {
            continue;
        }
        out.push(Finding::new(
            RuleId::ShortCommitment,
            &[mission(m), l.at()],
            Vec::new(),
            Detail::Variant(u8::from(outlives)),
        ));
    }
}

/// Why a coerced group is an interlocutor, as bit flags.
pub(super) mod interlocutor {
    /// Partner role.
    pub const PARTNER: u64 = 1;
    /// Services with local legitimacy.
    pub const LEGITIMACY: u64 = 2;
    /// Being co-opted.
    pub const CO_OPTED: u64 = 4;
}

/// §IV.3: coercion against a group with a partner role, local legitimacy, or being co-opted.
pub(super) fn interlocutor_tradeoff(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for l in ctx.live.iter().filter(|l| l.coercive()) {
        for g in ctx.groups(l) {
            let grp = &ctx.s.groups[*g];
            let mut why = 0;
            if grp.role == PeaceRole::Partner {
                why |= interlocutor::PARTNER;
            }
            if grp.local_legitimacy {
                why |= interlocutor::LEGITIMACY;
            }
            if grp.approach_at(l.start()) == Approach::CoOptive {
                why |= interlocutor::CO_OPTED;
            }
            if why == 0 {
                continue;
            }
            let by: &[At] = match l.mission() {
                Some(m) => &[mission(m)],
                None => &[],
            };
            out.push(Finding::new_few(
                RuleId::InterlocutorTradeoff,
                &[l.at(), group(*g)],
                by,
                Detail::Flags(why),
            ));
        }
    }
}

/// §IV.4: activities exist and fewer than a fifth are on the drivers side.
pub(super) fn law_enforcement_only(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let n = ctx.live.len();
    if n == 0 {
        return;
    }
    let drivers = ctx.live.iter().filter(|l| l.drivers()).count();
    if drivers * 5 >= n {
        return;
    }
    out.push(Finding::new(
        RuleId::LawEnforcementOnly,
        &[],
        Vec::new(),
        Detail::Numbers(drivers as i64, n as i64),
    ));
}

/// §IV.5: soldiers do law enforcement: a military mission, or the military component of any
/// mission (MINUSTAH's contingents in Haiti).
pub(super) fn military_policing(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for l in &ctx.live {
        let Some(m) = l.mission() else { continue };
        if !l.military() || !l.direct() || !l.has_any(kinds(LAW_ENFORCEMENT)) {
            continue;
        }
        out.push(Finding::new(
            RuleId::MilitaryPolicing,
            &[mission(m), l.at()],
            Vec::new(),
            Detail::None,
        ));
    }
}

/// §IV.6: detention, arrest or prosecution by a mission with no oversight while the host's
/// justice chain is weak.
pub(super) fn accountability_gap(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let weak = ctx.s.host.justice_chain.weak_links();
    if weak < WEAK_CHAIN_LINKS {
        return;
    }
    for (m, items) in ctx.by_mission.iter().enumerate() {
        if ctx.mission(m).oversight {
            continue;
        }
        let acts: Vec<usize> = items
            .iter()
            .copied()
            .filter(|i| {
                let l = &ctx.live[*i];
                l.direct() && l.has_any(kinds(&[K::Detention, K::Arrest, K::Prosecution]))
            })
            .collect();
        if acts.is_empty() {
            continue;
        }
        out.push(Finding::new(
            RuleId::AccountabilityGap,
            &[mission(m)],
            ctx.activities(&acts),
            Detail::Numbers(weak as i64, 5),
        ));
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
    let others: Vec<At> = (0..groups.len())
        .filter(|g| targeted[*g])
        .map(group)
        .collect();
    for g in (0..groups.len()).filter(|g| groups[*g].harm == max && !targeted[*g]) {
        out.push(Finding::new(
            RuleId::ExternalAgenda,
            &[group(g)],
            others.clone(),
            Detail::None,
        ));
    }
}

/// §III, §IV: a large mission plans no conduct-and-discipline or anti-exploitation activity.
pub(super) fn mission_footprint(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for (m, items) in ctx.by_mission.iter().enumerate() {
        if ctx.mission(m).personnel < LARGE_MISSION
            || items
                .iter()
                .any(|i| ctx.live[*i].has_any(kinds(&[K::ConductDiscipline])))
        {
            continue;
        }
        out.push(Finding::new(
            RuleId::MissionFootprint,
            &[mission(m)],
            Vec::new(),
            Detail::None,
        ));
    }
}

/// §IV: the first activity against a group starts more than 24 months after the first mission
/// deployed (the longer groups are left untouched, the more they entrench). With no group on the
/// board, the first activity of any kind counts.
pub(super) fn late_start(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let Some((m, first)) = ctx
        .s
        .missions
        .iter()
        .enumerate()
        .min_by_key(|(_, m)| m.start)
    else {
        return;
    };
    let deployed = first.start.index();
    let dated = || ctx.live.iter().filter_map(|l| Some((l, l.start_index()?)));
    if ctx.s.groups.is_empty() {
        if let Some((l, start)) = dated().min_by_key(|(_, s)| *s)
            && start - deployed > LATE_START_MONTHS
        {
            out.push(Finding::new_few(
                RuleId::LateStart,
                &[],
                &[mission(m), l.at()],
                Detail::Numbers(i64::from(start - deployed), 0),
            ));
        }
        return;
    }
    // The first activity against each group, in one pass.
    let mut firsts: Vec<Option<(usize, i32)>> = vec![None; ctx.s.groups.len()];
    for (i, l) in ctx.live.iter().enumerate() {
        let Some(start) = l.start_index() else {
            continue;
        };
        for g in ctx.groups(l) {
            if firsts[*g].is_none_or(|(_, s)| start < s) {
                firsts[*g] = Some((i, start));
            }
        }
    }
    for (g, first) in firsts.iter().enumerate() {
        let Some((i, start)) = *first else { continue };
        let gap = start - deployed;
        if gap <= LATE_START_MONTHS {
            continue;
        }
        out.push(Finding::new_few(
            RuleId::LateStart,
            &[group(g)],
            &[mission(m), ctx.live[i].at()],
            Detail::Numbers(i64::from(gap), 0),
        ));
    }
}

/// §II: a group approached co-optively with no transition plan, or a predatory group co-opted.
pub(super) fn co_optation_without_transition(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for (g, grp) in ctx.s.groups.iter().enumerate() {
        if !grp.ever(Approach::CoOptive) {
            continue;
        }
        let predatory = grp.relation == StateRelation::Predatory;
        if !predatory && grp.transition_plan {
            continue;
        }
        out.push(Finding::new(
            RuleId::CoOptationWithoutTransition,
            &[group(g)],
            Vec::new(),
            Detail::Variant(u8::from(predatory)),
        ));
    }
}
