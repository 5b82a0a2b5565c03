//! Cooperation between and within missions (§V): each rule's detection and its sentence, side by
//! side, after the family's rows of the rule table (`table.rs`).

use crate::model::{
    ActivityKind as K, Capability as C, HandoverScope, JusticeLink, MissionKind, YearMonth,
};

use super::context::{Ctx, Kinds, Live, activities, group, ix, kinds, mission, region};
use super::engaging::LAW_ENFORCEMENT;
use super::finding::{At, Finding, Ix};
use super::pairs::by_pair;
use super::table::Rule;
use super::text::{LIST, Names, join, places, verb};

/// This family's rows of the rule table (`table.rs`): each rule's id (its type below), stable
/// key, family and priority, in checklist order.
macro_rules! rows {
    ([$($rows:tt)*] $next:ident $($rest:ident)*) => {
        $next! { [$($rows)*
            /// Weak links of the justice chain that no activity addresses (§V.1).
            FragmentedJusticeChain = "fragmented-justice-chain", BetweenMissions, priority 4, missions;
            /// Two missions doing the same thing to the same group or region at once (§V.2).
            TurfOverlap = "turf-overlap", BetweenMissions, priority 4, missions;
            /// Missions of several organizations at once (§V.3).
            OrganizationalGeopolitics = "organizational-geopolitics", BetweenMissions, priority 4, missions;
            /// A military mission with public-security tasks beside civilian or police ones (§V.4).
            MilitaryPublicSecurity = "military-public-security", BetweenMissions, priority 4, missions;
            /// Missions on the same groups or regions with no intelligence sharing (§V.5).
            IntelligenceNotShared = "intelligence-not-shared", BetweenMissions, priority 4, missions;
            /// A succession with no (or a partial) handover plan, or work left running (§V.6).
            UnregulatedHandover = "unregulated-handover", BetweenMissions, priority 4, missions;
            /// Military and police components without an analysis capability (§V).
            NoJointAnalysis = "no-joint-analysis", BetweenMissions, priority 4, missions;
        ] $($rest)* }
    };
}
pub(super) use rows;

/// `fragmented-justice-chain` (§V.1): some links of the justice chain are addressed while a weak
/// one is addressed by none.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct FragmentedJusticeChain {
    /// The weak link nobody addresses.
    link: JusticeLink,
    /// The links activities address, as bits over `JusticeLink::ALL`.
    addressed: u32,
}

impl Rule for FragmentedJusticeChain {
    fn detect(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
        let tags = ctx.live.iter().fold(0, |acc, l| acc | l.kinds);
        let addressed: u32 = K::ALL
            .iter()
            .filter(|k| tags & (1 << **k as Kinds) != 0)
            .filter_map(|k| k.justice_link())
            .fold(0, |acc, link| acc | 1 << link as usize);
        if addressed == 0 {
            return;
        }
        for link in JusticeLink::ALL {
            if addressed & (1 << *link as usize) != 0
                || !ctx.s.host.justice_chain.get(*link).is_weak()
            {
                continue;
            }
            out.push(Finding::new(
                &[At::Link(*link)],
                Vec::new(),
                FragmentedJusticeChain {
                    link: *link,
                    addressed,
                },
            ));
        }
    }

    fn sentence(&self, _: &Finding, n: &Names<'_>) -> String {
        let addressed: Vec<&str> = JusticeLink::ALL
            .iter()
            .filter(|l| self.addressed & (1 << **l as usize) != 0)
            .map(|l| l.label())
            .collect();
        format!(
            "activities address {}, but none addresses {}, which is {} in {}: cases will stall at that link",
            join(&addressed, 5),
            self.link.label(),
            n.0.host.justice_chain.get(self.link).label(),
            n.host()
        )
    }
}

/// `turf-overlap` (§V.2): two missions that do the same kind of work in the same mode (both
/// directly, or both through host capacity) against the same group or in the same region, their
/// activities there running at the same time (a mission and its own predecessor excepted).
/// Training the host's police is not a turf battle with policing the streets.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct TurfOverlap {
    i: Ix,
    j: Ix,
    /// Kinds of work both do directly (bits over `ActivityKind::ALL`).
    direct: Kinds,
    /// Kinds of work both do through host capacity.
    indirect: Kinds,
}

impl Rule for TurfOverlap {
    fn detect(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
        let ng = ctx.s.groups.len();
        for run in by_pair(ctx.meetings()) {
            let direct = run.iter().fold(0, |acc, m| acc | m.shared_direct);
            let indirect = run.iter().fold(0, |acc, m| acc | m.shared_indirect);
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
                &[mission(i), mission(j)],
                places,
                TurfOverlap {
                    i: ix(i),
                    j: ix(j),
                    direct,
                    indirect,
                },
            ));
        }
    }

    fn sentence(&self, f: &Finding, n: &Names<'_>) -> String {
        let labels = |bits: Kinds| -> Vec<&str> {
            K::ALL
                .iter()
                .enumerate()
                .filter(|(b, _)| bits & (1 << b) != 0)
                .map(|(_, k)| k.label())
                .collect()
        };
        let mut work: Vec<String> = Vec::new();
        if self.direct != 0 {
            work.push(join(&labels(self.direct), 4));
        }
        if self.indirect != 0 {
            work.push(format!(
                "support to host {}",
                join(&labels(self.indirect), 4)
            ));
        }
        format!(
            "{} and {} both run {} {} at the same time: who leads?",
            n.mission(self.i),
            n.mission(self.j),
            join(&work, 2),
            places(n, &f.involved)
        )
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

/// `organizational-geopolitics` (§V.3): missions of two or more deploying organizations are
/// active at the same time. The finding names the missions; the sentence needs nothing more.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct OrganizationalGeopolitics;

impl Rule for OrganizationalGeopolitics {
    fn detect(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
        let missions = &ctx.s.missions;
        // UN peacekeeping and UN political missions are one body: compare bodies, not
        // organizations.
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
        out.push(Finding::new(&[], members, OrganizationalGeopolitics));
    }

    fn sentence(&self, f: &Finding, n: &Names<'_>) -> String {
        let mut bodies: Vec<&str> = Vec::new();
        let mut names: Vec<String> = Vec::new();
        for m in f.involved.iter().filter_map(|a| match a {
            At::Mission(i) => n.0.missions.get(*i as usize),
            _ => None,
        }) {
            let body = m.organization.body();
            if !bodies.contains(&body) {
                bodies.push(body);
            }
            if m.not_peace_operation {
                names.push(format!(
                    "{} ({body}; not a peace operation by SIPRI's definition)",
                    m.short_name()
                ));
            } else {
                names.push(format!("{} ({body})", m.short_name()));
            }
        }
        format!(
            "missions of {} organizations are deployed at the same time: {}; their members' politics will shape whether they cooperate",
            bodies.len(),
            join(&names, 6)
        )
    }
}

/// `military-public-security` (§V.4): a military mission with public-security tasks deployed
/// beside civilian or police missions. The sentence says two chains of command police the same
/// streets only when a parallel mission polices (police, police-like capability or
/// law-enforcement activities).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct MilitaryPublicSecurity {
    mission: Ix,
    /// How many of the parallel missions the finding names (its involved entities) police:
    /// they come first, then the others. A count rather than two lists of its own keeps every
    /// finding at 88 bytes (`rules/10000`, benches/domain.rs).
    policing: u32,
}

impl Rule for MilitaryPublicSecurity {
    fn detect(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
        let missions = &ctx.s.missions;
        let enforces = |m: usize| {
            ctx.by_mission[m]
                .iter()
                .any(|l| l.direct() && l.has_any(kinds(LAW_ENFORCEMENT)))
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
            let (policing, others): (Vec<usize>, Vec<usize>) =
                parallel.into_iter().partition(polices);
            out.push(Finding::new(
                &[mission(m)],
                policing
                    .iter()
                    .chain(&others)
                    .copied()
                    .map(mission)
                    .collect(),
                MilitaryPublicSecurity {
                    mission: ix(m),
                    policing: ix(policing.len()),
                },
            ));
        }
    }

    fn sentence(&self, f: &Finding, n: &Names<'_>) -> String {
        let (police, rest) = f
            .involved
            .split_at((self.policing as usize).min(f.involved.len()));
        let military = n.mission(self.mission);
        let beside = if rest.is_empty() {
            String::new()
        } else {
            format!(", beside {}", n.missions(rest, LIST))
        };
        if police.is_empty() {
            format!(
                "{military} has public-security tasks while {} {} in parallel without police: the military's law enforcement may stay disjointed, outside one international structure",
                n.missions(rest, LIST),
                verb(rest.len(), "works", "work")
            )
        } else {
            format!(
                "{military} has public-security tasks while {} {} in parallel{beside}: two chains of command police the same streets",
                n.missions(police, LIST),
                verb(police.len(), "polices", "police")
            )
        }
    }
}

/// `intelligence-not-shared` (§V.5): two missions whose activities target the same groups or
/// take place in the same regions at the same time, with no intelligence-sharing arrangement
/// between them (a mission and its own predecessor excepted).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct IntelligenceNotShared {
    i: Ix,
    j: Ix,
}

/// A detail for tests of findings' keys.
#[cfg(test)]
pub(super) fn probe_intelligence() -> IntelligenceNotShared {
    IntelligenceNotShared { i: 0, j: 1 }
}

impl Rule for IntelligenceNotShared {
    fn detect(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
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
                &[mission(i), mission(j)],
                run.iter().map(|m| place(m.place as usize, ng)).collect(),
                IntelligenceNotShared { i: ix(i), j: ix(j) },
            ));
        }
    }

    fn sentence(&self, f: &Finding, n: &Names<'_>) -> String {
        format!(
            "{} and {} work {} at the same time with no intelligence-sharing arrangement between them; one may raid what the other is watching",
            n.mission_short(self.i),
            n.mission_short(self.j),
            places(n, &f.involved)
        )
    }
}

/// `unregulated-handover` (§V.6): a succession with no handover plan (or one that leaves case
/// files out while the predecessor ran cases), or an activity running past its mission's end
/// with no successor.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum UnregulatedHandover {
    /// `next` follows `from` with no handover plan.
    NoPlan { from: Ix, next: Ix },
    /// `next`'s plan leaves out case files, though `from` runs case work (`case`).
    NoCaseFiles { from: Ix, next: Ix, case: Ix },
    /// `activity` runs to `end`, after `mission` ends (`mission_end`), and none succeeds it.
    Outlives {
        mission: Ix,
        activity: Ix,
        end: YearMonth,
        mission_end: YearMonth,
    },
}

impl Rule for UnregulatedHandover {
    fn detect(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
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
            let (from, to) = (ix(p), ix(n));
            if !next.handover.planned {
                out.push(Finding::new(
                    &[mission(p), mission(n)],
                    Vec::new(),
                    UnregulatedHandover::NoPlan { from, next: to },
                ));
            } else if !next.handover.covers.contains(&HandoverScope::CaseFiles)
                && let Some(case) = ctx.by_mission[p]
                    .iter()
                    .find(|l| l.has_any(kinds(&case_work)))
            {
                out.push(Finding::new_few(
                    &[mission(p), mission(n)],
                    &[case.at()],
                    UnregulatedHandover::NoCaseFiles {
                        from,
                        next: to,
                        case: case.index,
                    },
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
                &[mission(m), l.at()],
                Vec::new(),
                UnregulatedHandover::Outlives {
                    mission: ix(m),
                    activity: l.index,
                    end,
                    mission_end,
                },
            ));
        }
    }

    fn sentence(&self, _: &Finding, n: &Names<'_>) -> String {
        match *self {
            UnregulatedHandover::NoPlan { from, next } => format!(
                "{} follows {} with no handover plan: cases, records and contacts may be lost in the transition",
                n.mission_short(next),
                n.mission_short(from)
            ),
            UnregulatedHandover::NoCaseFiles { from, next, case } => format!(
                "{}'s handover plan from {} leaves out case files and records, though {} runs case work such as {}: cases may be dropped if records are lost in the transition",
                n.mission_short(next),
                n.mission_short(from),
                n.mission_short(from),
                n.activity(case)
            ),
            UnregulatedHandover::Outlives {
                mission,
                activity,
                end,
                mission_end,
            } => format!(
                "{} runs to {end}, after {} ends in {mission_end}, and no mission succeeds it: who carries the work on?",
                n.activity(activity),
                n.mission_short(mission)
            ),
        }
    }
}

/// `no-joint-analysis` (§V): a mission with military and police components acts against crime
/// without an analysis capability to join them up.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct NoJointAnalysis {
    mission: Ix,
}

impl Rule for NoJointAnalysis {
    fn detect(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
        for (m, mission_) in ctx.s.missions.iter().enumerate() {
            let military = mission_.kind == MissionKind::Military
                || mission_.has(C::Military)
                || ctx.by_mission[m].iter().any(Live::military);
            let police = matches!(
                mission_.kind,
                MissionKind::Police | MissionKind::PoliceCivilian
            ) || mission_.has_any(C::POLICE_LIKE);
            if !military || !police || mission_.has(C::Analysis) || ctx.by_mission[m].is_empty() {
                continue;
            }
            out.push(Finding::new(
                &[mission(m)],
                activities(&ctx.by_mission[m]),
                NoJointAnalysis { mission: ix(m) },
            ));
        }
    }

    fn sentence(&self, _: &Finding, n: &Names<'_>) -> String {
        format!(
            "{} has military and police components acting against crime but no intelligence / analysis cell to join them up",
            n.mission(self.mission)
        )
    }
}
