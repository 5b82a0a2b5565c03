//! Cooperation with other actors (§IV.4, §V, §VI(c)): each rule's detection and its sentence,
//! side by side, after the family's rows of the rule table (`table.rs`).

use crate::model::{ActivityKind as K, ActorKind, Governance};

use super::context::{
    COMMUNITY, Ctx, DEVELOPMENT, HOST_AGENCY, Kinds, Live, REGIONAL, activities, activities_and,
    actor, group, ix, kinds, mission,
};
use super::finding::{At, Finding, Ix};
use super::table::Rule;
use super::text::{LIST, Names, count, count_of, is_activity, is_actor, is_group, verb};

/// This family's rows of the rule table (`table.rs`): each rule's id (its type below), stable
/// key, family and priority, in checklist order.
macro_rules! rows {
    ([$($rows:tt)*] $next:ident $($rest:ident)*) => {
        $next! { [$($rows)*
            /// Capacity building for a captured or corrupt state (§IV.4, §V).
            CapacityToCapturedState = "capacity-to-captured-state", OtherActors, priority 2, actors;
            /// A transnational group with no regional approach (§V, §VI(c)).
            NoRegionalApproach = "no-regional-approach", OtherActors, priority 4, actors;
            /// No activity works with civil society, communities, women or youth (§V).
            NoCommunityApproach = "no-community-approach", OtherActors, priority 4, actors;
            /// Security and development actors not working together (§V).
            SecurityDevelopmentSplit = "security-development-split", OtherActors, priority 4, actors;
            /// A sanctions panel of experts nobody draws on (§V).
            PanelOfExpertsUnused = "panel-of-experts-unused", OtherActors, priority 4, actors;
        ] $($rest)* }
    };
}
pub(super) use rows;

/// Tags that build state capacity when done indirectly.
const STATE_CAPACITY: Kinds = kinds(&[
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

/// `capacity-to-captured-state` (§IV.4, §V): capacity building for host institutions while the
/// state is captured or corrupt, or while a targeted group has ties to officials.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct CapacityToCapturedState {
    mission: Ix,
    /// The state itself is captured or corrupt (else: targeted groups have ties to officials,
    /// named among the finding's entities).
    state: bool,
}

impl Rule for CapacityToCapturedState {
    fn detect(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
        let compromised = matches!(
            ctx.s.host.governance,
            Governance::Captured | Governance::Corrupt
        );
        let (mut acts, mut tied): (Vec<&Live>, Vec<At>) = (Vec::new(), Vec::new());
        // Groups already in `tied`, marked: no `tied.contains` in the loop over activities.
        let mut listed = vec![false; ctx.s.groups.len()];
        for (m, items) in ctx.by_mission.iter().enumerate() {
            acts.clear();
            for t in &tied {
                if let At::Group(g) = t {
                    listed[*g as usize] = false;
                }
            }
            tied.clear();
            for l in items {
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
                    if !listed[*g] {
                        listed[*g] = true;
                        tied.push(group(*g));
                    }
                }
                if compromised || tied_here {
                    acts.push(l);
                }
            }
            if acts.is_empty() {
                continue;
            }
            out.push(Finding::new(
                &[mission(m)],
                activities_and(acts.iter().copied(), &tied),
                CapacityToCapturedState {
                    mission: ix(m),
                    state: compromised,
                },
            ));
        }
    }

    fn sentence(&self, f: &Finding, n: &Names<'_>) -> String {
        let inv = &f.involved;
        let why = if self.state {
            format!("the state is {}", n.0.host.governance.label())
        } else {
            format!(
                "{}, which it targets, {} ties to officials",
                n.groups(inv),
                if count_of(inv, is_group) == 1 {
                    "has"
                } else {
                    "have"
                }
            )
        };
        format!(
            "{} builds the capacity of host institutions ({}) while {why}: the new capacity may serve the criminals inside the state",
            n.mission(self.mission),
            n.activities(inv)
        )
    }
}

/// `no-regional-approach` (§V, §VI(c)): a transnational group against which no activity involves
/// a neighbouring government or a regional organization.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct NoRegionalApproach {
    group: Ix,
}

impl Rule for NoRegionalApproach {
    fn detect(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
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
                    &[group(g)],
                    Vec::new(),
                    NoRegionalApproach { group: ix(g) },
                ));
            }
        }
    }

    fn sentence(&self, _: &Finding, n: &Names<'_>) -> String {
        format!(
            "{} reaches across borders, but no activity against it involves a neighbouring government or a regional organization",
            n.group(self.group)
        )
    }
}

/// `no-community-approach` (§V): activities exist and none works with civil society,
/// communities, women or youth.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct NoCommunityApproach {
    /// Live activities.
    activities: usize,
}

impl Rule for NoCommunityApproach {
    fn detect(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
        if ctx.live.is_empty() || ctx.live.iter().any(|l| l.has_partner(COMMUNITY)) {
            return;
        }
        out.push(Finding::new(
            &[],
            Vec::new(),
            NoCommunityApproach {
                activities: ctx.live.len(),
            },
        ));
    }

    fn sentence(&self, _: &Finding, _: &Names<'_>) -> String {
        let who = match self.activities {
            1 => "the only activity does not work".to_owned(),
            n => format!("none of the {n} activities works"),
        };
        format!(
            "{who} with civil society, local communities, women or youth: the plan is state-centred only"
        )
    }
}

/// `security-development-split` (§V): drivers-side activities with no development partner, or
/// development actors nobody coordinates with.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum SecurityDevelopmentSplit {
    /// No drivers-side activity (the finding's entities) has a development partner.
    NoDevelopmentPartner,
    /// A development actor no activity or mission works with.
    Unengaged { actor: Ix },
}

impl Rule for SecurityDevelopmentSplit {
    fn detect(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
        let drivers: Vec<&Live> = ctx.live.iter().filter(|l| l.drivers()).collect();
        if !drivers.is_empty() && !drivers.iter().any(|l| l.has_partner(DEVELOPMENT)) {
            out.push(Finding::new(
                &[],
                activities(drivers),
                SecurityDevelopmentSplit::NoDevelopmentPartner,
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
                    &[actor(i)],
                    Vec::new(),
                    SecurityDevelopmentSplit::Unengaged { actor: ix(i) },
                ));
            }
        }
    }

    fn sentence(&self, f: &Finding, n: &Names<'_>) -> String {
        match *self {
            SecurityDevelopmentSplit::Unengaged { actor } => {
                let kind =
                    n.0.actors
                        .get(actor as usize)
                        .map_or("", |a| a.kind.label());
                format!(
                    "{} ({kind}) is present, but no activity or mission is coordinated with it: security and development may pull apart",
                    n.actor(actor)
                )
            }
            SecurityDevelopmentSplit::NoDevelopmentPartner => {
                let inv = &f.involved;
                let k = count_of(inv, is_activity);
                format!(
                    "{} {} the drivers of crime ({}), but {} a development actor (UNDP, UN-Habitat, the World Bank, a donor) as partner",
                    count(k, "activity", "activities"),
                    verb(k, "targets", "target"),
                    n.activities(inv),
                    verb(k, "it does not have", "none has")
                )
            }
        }
    }
}

/// `panel-of-experts-unused` (§V): a sanctions panel of experts is present and nothing draws on
/// it. The finding names the panels on the board, if any.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct PanelOfExpertsUnused;

impl Rule for PanelOfExpertsUnused {
    fn detect(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
        let panels: Vec<usize> = (0..ctx.s.actors.len())
            .filter(|i| ctx.s.actors[*i].kind == ActorKind::PanelOfExperts)
            .collect();
        if !ctx.s.host.sanctions_panel && panels.is_empty() {
            return;
        }
        // A mark per actor, not `panels.contains`: the board may list many panels.
        let mut panel = vec![false; ctx.s.actors.len()];
        for i in &panels {
            panel[*i] = true;
        }
        let by_activity = ctx
            .live
            .iter()
            .any(|l| ctx.partners(l).iter().any(|p| panel[*p]));
        let by_mission = ctx
            .s
            .missions
            .iter()
            .flat_map(|m| &m.partners)
            .any(|p| ctx.actor_index.get(p.as_str()).is_some_and(|i| panel[i]));
        if by_activity || by_mission {
            return;
        }
        out.push(Finding::new(
            &[],
            panels.into_iter().map(actor).collect(),
            PanelOfExpertsUnused,
        ));
    }

    fn sentence(&self, f: &Finding, n: &Names<'_>) -> String {
        let panels = n.list(&f.involved, is_actor, |a| n.actor(a.ix()), LIST);
        if panels.is_empty() {
            format!(
                "a sanctions panel of experts monitors {}, but it is not on the board and no activity or mission draws on its findings",
                n.host()
            )
        } else {
            format!(
                "{panels} monitors {}, but no activity or mission draws on its findings",
                n.host()
            )
        }
    }
}
