//! Challenges of engaging at all (§II, §III, §IV): each rule's detection and its sentence, side
//! by side, after the family's rows of the rule table (`table.rs`).

use crate::model::{
    ActivityKind as K, Approach, Capability as C, Component, Consent, Governance, JusticeLink,
    Level, MissionKind, PeaceRole, StateRelation, YearMonth,
};

use super::context::{
    Ctx, DEVELOPMENT, LOCAL, Live, activities, activities_and, group, ix, kinds, mission,
};
use super::finding::{At, Finding, Ix};
use super::table::Rule;
use super::text::{Names, count, count_of, is_activity, is_group, join, thousands, verb};

/// This family's rows of the rule table (`table.rs`): each rule's id (its type below), stable
/// key, family and priority, in checklist order.
macro_rules! rows {
    ([$($rows:tt)*] $next:ident $($rest:ident)*) => {
        $next! { [$($rows)*
            /// Host consent is not full, the state is captured, or groups are tied to officials (§IV.1).
            SovereigntyConsent = "sovereignty-consent", Engaging, priority 1, engaging;
            /// An activity needs a capability its mission lacks (§IV.2).
            CapabilityGap = "capability-gap", Engaging, priority 3, engaging;
            /// Long-term work by a short-lived mission with nobody to carry it on (§IV.2).
            ShortCommitment = "short-commitment", Engaging, priority 3, engaging;
            /// Coercion against a partner, a service provider or a co-opted group (§IV.3).
            InterlocutorTradeoff = "interlocutor-tradeoff", Engaging, priority 2, engaging;
            /// Less than a fifth of activities on the drivers side (§IV.4).
            LawEnforcementOnly = "law-enforcement-only", Engaging, priority 3, engaging;
            /// A military mission doing law enforcement (§IV.5).
            MilitaryPolicing = "military-policing", Engaging, priority 2, engaging;
            /// Detention, arrest or prosecution without oversight in a weak justice system (§IV.6).
            AccountabilityGap = "accountability-gap", Engaging, priority 2, engaging;
            /// The most harmful group is left alone while others are targeted (§IV.7).
            ExternalAgenda = "external-agenda", Engaging, priority 3, engaging;
            /// A large mission with no conduct-and-discipline activity (§III, §IV).
            MissionFootprint = "mission-footprint", Engaging, priority 3, engaging;
            /// The first activity against crime starts long after the first mission (§IV).
            LateStart = "late-start", Engaging, priority 3, engaging;
            /// Co-optation with no transition plan, or of a predatory group (§II).
            CoOptationWithoutTransition = "co-optation-without-transition", Engaging, priority 2, engaging;
        ] $($rest)* }
    };
}
pub(super) use rows;

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

/// `sovereignty-consent` (§IV.1): a mission plans direct action while consent cannot be assumed.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct SovereigntyConsent {
    mission: Ix,
    /// Consent is not full.
    not_full: bool,
    /// The state is captured.
    captured: bool,
    /// Groups have ties to officials or a partner role (they are among the finding's entities).
    tied: bool,
    /// High sovereignty sensitivity and direct investigation, prosecution or adjudication.
    sensitive: bool,
}

/// Consent not full, state captured, groups tied to officials or partners, high sovereignty
/// sensitivity over investigation and prosecution — and direct action planned.
impl Rule for SovereigntyConsent {
    fn detect(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
        let host = &ctx.s.host;
        let not_full = host.consent != Consent::Full;
        let captured = host.governance == Governance::Captured;
        let tied: Vec<At> = (0..ctx.s.groups.len())
            .filter(|g| {
                let g = &ctx.s.groups[*g];
                g.ties_to_officials || g.role == PeaceRole::Partner
            })
            .map(group)
            .collect();
        let sovereign_powers = [K::Investigation, K::Prosecution, K::Adjudication];
        let mut direct: Vec<&Live> = Vec::new();
        for (m, items) in ctx.by_mission.iter().enumerate() {
            // A mission with transitional authority is the government (UNMIK, UNTAET, §III): it
            // does not act on a host's consent.
            if ctx.mission(m).mandate.transitional_authority {
                continue;
            }
            direct.clear();
            direct.extend(items.iter().filter(|l| l.direct() && !l.internal()));
            if direct.is_empty() {
                continue;
            }
            let detail = SovereigntyConsent {
                mission: ix(m),
                not_full,
                captured,
                tied: !tied.is_empty(),
                sensitive: host.sovereignty_sensitivity == Level::High
                    && direct.iter().any(|l| l.has_any(kinds(&sovereign_powers))),
            };
            if !(detail.not_full || detail.captured || detail.tied || detail.sensitive) {
                continue;
            }
            out.push(Finding::new(
                &[mission(m)],
                activities_and(direct.iter().copied(), &tied),
                detail,
            ));
        }
    }

    fn sentence(&self, f: &Finding, n: &Names<'_>) -> String {
        let inv = &f.involved;
        let mut why: Vec<String> = Vec::new();
        if self.not_full {
            why.push(format!(
                "the host's consent is {}",
                n.0.host.consent.label()
            ));
        }
        if self.captured {
            why.push("the state is captured by organized crime".to_owned());
        }
        if self.tied {
            let tied = count_of(inv, is_group);
            why.push(format!(
                "{} {} ties to officials or a partner role",
                n.groups(inv),
                if tied == 1 { "has" } else { "have" }
            ));
        }
        if self.sensitive {
            why.push(
                "the government guards investigation and prosecution as sovereign powers"
                    .to_owned(),
            );
        }
        format!(
            "{} plans {} against crime ({}) while {}: consent for it cannot be assumed",
            n.mission(self.mission),
            count(
                count_of(inv, is_activity),
                "direct activity",
                "direct activities"
            ),
            n.activities(inv),
            join(&why, 4)
        )
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

/// `capability-gap` (§IV.2): an activity needs a capability its implementing mission lacks.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct CapabilityGap {
    mission: Ix,
    activity: Ix,
    /// The needs not met, as bits over [`NEEDS`].
    missing: u32,
}

impl Rule for CapabilityGap {
    fn detect(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
        for l in &ctx.live {
            let Some(m) = l.mission() else { continue };
            let has = ctx.capabilities[m];
            let direct = l.direct();
            let mut missing: u32 = 0;
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
                    &[mission(m), l.at()],
                    &[],
                    CapabilityGap {
                        mission: ix(m),
                        activity: l.index,
                        missing,
                    },
                ));
            }
        }
    }

    fn sentence(&self, _: &Finding, n: &Names<'_>) -> String {
        let missing: Vec<&str> = NEEDS
            .iter()
            .enumerate()
            .filter(|(i, _)| self.missing & (1 << i) != 0)
            .map(|(_, need)| need.name)
            .collect();
        format!(
            "{} needs {}, which {} lacks",
            n.activity(self.activity),
            join(&missing, 4),
            n.mission(self.mission)
        )
    }
}

/// `short-commitment` (§IV.2): drivers-side work by a short-lived mission, or outliving it, with
/// no development or local partner to carry it on.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct ShortCommitment {
    mission: Ix,
    activity: Ix,
    why: ShortWhy,
}

/// Why the commitment is short.
#[derive(Clone, Copy, Debug, PartialEq)]
enum ShortWhy {
    /// The activity runs to `end`, after its mission ends (`mission_end`).
    Outlives {
        end: YearMonth,
        mission_end: YearMonth,
    },
    /// The mission is planned for only so many months.
    ShortMission { months: i32 },
}

impl Rule for ShortCommitment {
    fn detect(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
        for l in &ctx.live {
            let Some(m) = l.mission() else { continue };
            if !l.drivers() {
                continue;
            }
            let mission_ = ctx.mission(m);
            let months = mission_.duration_months();
            let short = months.is_some_and(|d| d < SHORT_MISSION_MONTHS);
            let why = match (l.end(), mission_.end) {
                (Some(end), Some(mission_end)) if end.index() > mission_end.index() => {
                    ShortWhy::Outlives { end, mission_end }
                }
                _ if short => ShortWhy::ShortMission {
                    months: months.unwrap_or_default(),
                },
                _ => continue,
            };
            if l.has_partner(DEVELOPMENT | LOCAL) {
                continue;
            }
            out.push(Finding::new_few(
                &[mission(m), l.at()],
                &[],
                ShortCommitment {
                    mission: ix(m),
                    activity: l.index,
                    why,
                },
            ));
        }
    }

    fn sentence(&self, _: &Finding, n: &Names<'_>) -> String {
        let why = match self.why {
            ShortWhy::Outlives { end, mission_end } => format!(
                "runs to {end}, after {} ends in {mission_end}",
                n.mission(self.mission)
            ),
            ShortWhy::ShortMission { months } => format!(
                "is run by {}, planned for only {months} months",
                n.mission(self.mission)
            ),
        };
        format!(
            "{} works on the drivers of crime, which takes years, but {why}, and no development or local partner is named to carry it on",
            n.activity(self.activity)
        )
    }
}

/// `interlocutor-tradeoff` (§IV.3): coercion against a group with a partner role, local
/// legitimacy, or being co-opted.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct InterlocutorTradeoff {
    activity: Ix,
    group: Ix,
    /// The activity's mission.
    by: Option<Ix>,
    /// The group has a partner role.
    partner: bool,
    /// It provides services with local legitimacy.
    legitimacy: bool,
    /// It is being co-opted when the activity starts.
    co_opted: bool,
}

impl Rule for InterlocutorTradeoff {
    fn detect(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
        for l in ctx.live.iter().filter(|l| l.coercive()) {
            for g in ctx.groups(l) {
                let grp = &ctx.s.groups[*g];
                let detail = InterlocutorTradeoff {
                    activity: l.index,
                    group: ix(*g),
                    by: l.mission().map(ix),
                    partner: grp.role == PeaceRole::Partner,
                    legitimacy: grp.local_legitimacy,
                    co_opted: grp.approach_at(l.start()) == Approach::CoOptive,
                };
                if !(detail.partner || detail.legitimacy || detail.co_opted) {
                    continue;
                }
                let by: &[At] = match l.mission() {
                    Some(m) => &[mission(m)],
                    None => &[],
                };
                out.push(Finding::new_few(&[l.at(), group(*g)], by, detail));
            }
        }
    }

    fn sentence(&self, _: &Finding, n: &Names<'_>) -> String {
        let mut why: Vec<&str> = Vec::new();
        if self.partner {
            why.push("has a partner role (access to or control over the government)");
        }
        if self.legitimacy {
            why.push("provides services with local legitimacy");
        }
        if self.co_opted {
            why.push("is being co-opted");
        }
        let by = self
            .by
            .map(|m| format!(" ({})", n.mission_short(m)))
            .unwrap_or_default();
        format!(
            "{}{by} acts coercively against {}, which {}: the room trades stability or support for enforcement",
            n.activity(self.activity),
            n.group(self.group),
            join(&why, 3)
        )
    }
}

/// `law-enforcement-only` (§IV.4): activities exist and fewer than a fifth are on the drivers
/// side.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct LawEnforcementOnly {
    /// Live activities on the drivers side.
    drivers: usize,
    /// Live activities.
    total: usize,
}

impl Rule for LawEnforcementOnly {
    fn detect(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
        let total = ctx.live.len();
        if total == 0 {
            return;
        }
        let drivers = ctx.live.iter().filter(|l| l.drivers()).count();
        if drivers * 5 >= total {
            return;
        }
        out.push(Finding::new(
            &[],
            Vec::new(),
            LawEnforcementOnly { drivers, total },
        ));
    }

    fn sentence(&self, _: &Finding, _: &Names<'_>) -> String {
        let (drivers, total) = (self.drivers, self.total);
        let share = match (drivers, total) {
            (_, 1) => "the only activity does not target the drivers of crime".to_owned(),
            (0, _) => format!("none of the {total} activities targets the drivers of crime"),
            (d, _) => format!(
                "only {d} of the {total} activities ({}%) {} the drivers of crime",
                d * 100 / total.max(1),
                verb(d, "targets", "target")
            ),
        };
        format!("{share}; the plan treats organized crime as a law-enforcement problem")
    }
}

/// `military-policing` (§IV.5): soldiers do law enforcement: a military mission, or the military
/// component of any mission (MINUSTAH's contingents in Haiti).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct MilitaryPolicing {
    mission: Ix,
    activity: Ix,
    /// Done by the military component of a mission that is not military as a whole.
    by_component: bool,
}

impl Rule for MilitaryPolicing {
    fn detect(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
        for l in &ctx.live {
            let Some(m) = l.mission() else { continue };
            if !l.military() || !l.direct() || !l.has_any(kinds(LAW_ENFORCEMENT)) {
                continue;
            }
            let by_component = ctx.s.activities[l.index as usize].component
                == Some(Component::Military)
                && ctx.mission(m).kind != MissionKind::Military;
            out.push(Finding::new_few(
                &[mission(m), l.at()],
                &[],
                MilitaryPolicing {
                    mission: ix(m),
                    activity: l.index,
                    by_component,
                },
            ));
        }
    }

    fn sentence(&self, _: &Finding, n: &Names<'_>) -> String {
        let tasks: Vec<&str> =
            n.0.activities
                .get(self.activity as usize)
                .map(|a| {
                    a.kinds
                        .iter()
                        .filter(|k| LAW_ENFORCEMENT.contains(k))
                        .map(|k| k.label())
                        .collect()
                })
                .unwrap_or_default();
        let who = if self.by_component {
            format!("the military component of {}", n.mission(self.mission))
        } else {
            n.mission(self.mission)
        };
        format!(
            "{who} runs {}, a law-enforcement task ({})",
            n.activity(self.activity),
            join(&tasks, 4)
        )
    }
}

/// `accountability-gap` (§IV.6): detention, arrest or prosecution by a mission with no oversight
/// while the host's justice chain is weak.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct AccountabilityGap {
    mission: Ix,
    /// Weak or absent links of the host's justice chain.
    weak_links: usize,
}

impl Rule for AccountabilityGap {
    fn detect(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
        let weak = ctx.s.host.justice_chain.weak_links();
        if weak < WEAK_CHAIN_LINKS {
            return;
        }
        for (m, items) in ctx.by_mission.iter().enumerate() {
            if ctx.mission(m).oversight {
                continue;
            }
            let acts: Vec<&Live> = items
                .iter()
                .filter(|l| {
                    l.direct() && l.has_any(kinds(&[K::Detention, K::Arrest, K::Prosecution]))
                })
                .collect();
            if acts.is_empty() {
                continue;
            }
            out.push(Finding::new(
                &[mission(m)],
                activities(acts),
                AccountabilityGap {
                    mission: ix(m),
                    weak_links: weak,
                },
            ));
        }
    }

    fn sentence(&self, f: &Finding, n: &Names<'_>) -> String {
        format!(
            "{} detains, arrests or prosecutes ({}) with no oversight mechanism, while {} of the {} links of the host's justice chain are weak or absent",
            n.mission(self.mission),
            n.activities(&f.involved),
            self.weak_links,
            JusticeLink::ALL.len()
        )
    }
}

/// `external-agenda` (§IV.7): the group most harmful to the population is targeted by nothing
/// while others are.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct ExternalAgenda {
    group: Ix,
}

impl Rule for ExternalAgenda {
    fn detect(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
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
                &[group(g)],
                others.clone(),
                ExternalAgenda { group: ix(g) },
            ));
        }
    }

    fn sentence(&self, f: &Finding, n: &Names<'_>) -> String {
        let g = n.0.groups.get(self.group as usize);
        format!(
            "{} does the most harm to the host population (harm {}), yet no activity targets it while activities target {}",
            n.group(self.group),
            g.map_or("high", |g| g.harm.label()),
            n.groups(&f.involved)
        )
    }
}

/// `mission-footprint` (§III, §IV): a large mission plans no conduct-and-discipline or
/// anti-exploitation activity.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct MissionFootprint {
    mission: Ix,
    personnel: u32,
}

/// A detail for tests of the sentence helpers.
#[cfg(test)]
pub(super) fn probe() -> MissionFootprint {
    MissionFootprint {
        mission: 0,
        personnel: 1,
    }
}

impl Rule for MissionFootprint {
    fn detect(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
        for (m, items) in ctx.by_mission.iter().enumerate() {
            let personnel = ctx.mission(m).personnel;
            if personnel < LARGE_MISSION
                || items
                    .iter()
                    .any(|l| l.has_any(kinds(&[K::ConductDiscipline])))
            {
                continue;
            }
            out.push(Finding::new(
                &[mission(m)],
                Vec::new(),
                MissionFootprint {
                    mission: ix(m),
                    personnel,
                },
            ));
        }
    }

    fn sentence(&self, _: &Finding, n: &Names<'_>) -> String {
        format!(
            "{} deploys {} personnel but plans no conduct-and-discipline or anti-exploitation activity; a large presence can feed prostitution, black markets and hard-currency crime",
            n.mission(self.mission),
            thousands(self.personnel)
        )
    }
}

/// `late-start` (§IV): the first activity against a group starts more than 24 months after the
/// first mission deployed (the longer groups are left untouched, the more they entrench). With
/// no group on the board, the first activity of any kind counts.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct LateStart {
    /// The group; `None` when there are none on the board.
    group: Option<Ix>,
    /// The first mission deployed, and when (a month index, see `YearMonth::index`: with the
    /// other details at most 28 bytes, every finding is 88, `rules/10000` in benches/domain.rs).
    mission: Ix,
    deployed: i32,
    /// The first activity (against the group), and when it starts (a month index).
    activity: Ix,
    start: i32,
    /// Months from `deployed` to `start`.
    months: i32,
}

impl Rule for LateStart {
    fn detect(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
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
        let late = |group: Option<usize>, l: &Live, start: i32| LateStart {
            group: group.map(ix),
            mission: ix(m),
            deployed,
            activity: l.index,
            start,
            months: start - deployed,
        };
        let dated = || ctx.live.iter().filter_map(|l| Some((l, l.start_index()?)));
        if ctx.s.groups.is_empty() {
            if let Some((l, start)) = dated().min_by_key(|(_, s)| *s)
                && start - deployed > LATE_START_MONTHS
            {
                out.push(Finding::new_few(
                    &[],
                    &[mission(m), l.at()],
                    late(None, l, start),
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
            if start - deployed <= LATE_START_MONTHS {
                continue;
            }
            let l = &ctx.live[i];
            out.push(Finding::new_few(
                &[group(g)],
                &[mission(m), l.at()],
                late(Some(g), l, start),
            ));
        }
    }

    fn sentence(&self, _: &Finding, n: &Names<'_>) -> String {
        let target = match self.group {
            Some(g) => format!("against {}", n.group(g)),
            None => "against organized crime".to_owned(),
        };
        format!(
            "the first activity {target}, {} ({}), starts {} months after {} deployed ({}); groups left untouched entrench",
            n.activity(self.activity),
            YearMonth::from_index(self.start),
            self.months,
            n.mission_short(self.mission),
            YearMonth::from_index(self.deployed)
        )
    }
}

/// `co-optation-without-transition` (§II): a group approached co-optively with no transition
/// plan, or a predatory group co-opted.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct CoOptationWithoutTransition {
    group: Ix,
    /// The group is predatory (whatever the plan).
    predatory: bool,
}

impl Rule for CoOptationWithoutTransition {
    fn detect(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
        for (g, grp) in ctx.s.groups.iter().enumerate() {
            if !grp.ever(Approach::CoOptive) {
                continue;
            }
            let predatory = grp.relation == StateRelation::Predatory;
            if !predatory && grp.transition_plan {
                continue;
            }
            out.push(Finding::new(
                &[group(g)],
                Vec::new(),
                CoOptationWithoutTransition {
                    group: ix(g),
                    predatory,
                },
            ));
        }
    }

    fn sentence(&self, _: &Finding, n: &Names<'_>) -> String {
        let g = n.group(self.group);
        if self.predatory {
            format!(
                "{g} is predatory, in violent competition with the state, yet is being co-opted; predatory groups rarely can be"
            )
        } else {
            format!(
                "{g} is being co-opted with no transition plan to insert it into the licit system; the calm it buys may be mistaken for peace"
            )
        }
    }
}
