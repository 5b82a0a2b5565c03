//! The lens: the scenario as the room sees it, and what it yields. Today a lens has one
//! parameter, the month the board is seen "as of" (`None`: all time); the mandate option and the
//! inject a run has reached come later as further fields (see ARCHITECTURE.md).
//!
//! All dating lives here (and in `model::date`): which missions and activities are active in a
//! month, the quadrant counts at a month, the policing vacuums between police missions, and the
//! timeline's lanes, handovers and markers. The rules see a lens only through
//! [`crate::rules::evaluate_at`], which builds their context from it; no rule reads a date of the
//! lens, and no view dates anything itself.

use serde::Serialize;

use crate::model::{
    Activity, Capability, HandoverScope, Mission, Scenario, Source, Timeline, YearMonth,
};

/// How the room looks at the scenario. The default is "all time", the whole plan at once.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Lens {
    /// The month the board is seen as of; `None` for all time.
    pub at: Option<YearMonth>,
}

impl Lens {
    /// The whole plan at once.
    pub const ALL_TIME: Lens = Lens { at: None };

    /// The board as of a month.
    pub fn at(month: YearMonth) -> Self {
        Self { at: Some(month) }
    }

    /// Whether the lens shows all time (no date).
    pub fn is_all_time(&self) -> bool {
        self.at.is_none()
    }

    /// "as of 2008-06", or "all time".
    pub fn label(&self) -> String {
        match self.at {
            Some(at) => format!("as of {at}"),
            None => "all time".to_owned(),
        }
    }

    /// Whether a mission is seen: always for all time, else if deployed in the month.
    pub fn shows_mission(&self, m: &Mission) -> bool {
        self.at.is_none_or(|at| deployed(m, at))
    }

    /// Whether an activity is seen: always for all time, else if under way in the month (its
    /// own dates, else its mission's; see `Activity::active_on`). `mission` is its mission.
    pub fn shows_activity(&self, a: &Activity, mission: Option<&Mission>) -> bool {
        self.at.is_none_or(|at| a.active_on(mission, at))
    }
}

/// Whether a mission is deployed in a month (from its start to its end, if any).
pub fn deployed(m: &Mission, at: YearMonth) -> bool {
    m.start <= at && m.end.is_none_or(|e| at <= e)
}

/// Whether a mission can police: a police, police-and-civilian or multidimensional mission, or
/// one with police officers or formed police units. A military mission's gendarmerie does not
/// count: it is the substitute the paper describes for a policing vacuum (§IV.5), not its end.
pub fn polices(m: &Mission) -> bool {
    m.kind.has_police() || m.has_any(&[Capability::Police, Capability::FormedPoliceUnits])
}

/// Index of each mission id (the first of duplicates wins; validation reports the duplicate).
fn mission_index(s: &Scenario) -> rustc_hash::FxHashMap<&str, usize> {
    let mut map = rustc_hash::FxHashMap::default();
    map.reserve(s.missions.len());
    for (i, m) in s.missions.iter().enumerate() {
        map.entry(m.id.as_str()).or_insert(i);
    }
    map
}

/// What a lens shows of a scenario: which missions and activities, and the quadrant counts.
/// Built once per change of the scenario or the lens (never per frame), in one pass over the
/// activities: a mask, not a copy.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Board {
    /// The lens it was built for.
    pub lens: Lens,
    /// For each mission, whether it is seen.
    pub missions: Vec<bool>,
    /// For each activity, whether it is seen.
    pub activities: Vec<bool>,
    /// Seen activities per quadrant, in `Quadrant::ALL` order (all time: every activity, as
    /// `Scenario::quadrant_counts`).
    pub counts: [usize; 4],
}

impl Board {
    /// The board of a scenario through a lens.
    pub fn new(s: &Scenario, lens: Lens) -> Self {
        if lens.at.is_none() {
            // All time shows everything: no activity's mission to look up (a hash lookup per
            // activity and option, 2 % of `options/compare_4x1000`, benches/options.rs).
            return Self {
                lens,
                missions: vec![true; s.missions.len()],
                activities: vec![true; s.activities.len()],
                counts: s.quadrant_counts(),
            };
        }
        let index = mission_index(s);
        let missions = s.missions.iter().map(|m| lens.shows_mission(m)).collect();
        let mut counts = [0; 4];
        let activities = s
            .activities
            .iter()
            .map(|a| {
                let mission = a
                    .mission
                    .as_ref()
                    .and_then(|m| index.get(m.as_str()))
                    .map(|i| &s.missions[*i]);
                let shown = lens.shows_activity(a, mission);
                if shown {
                    counts[a.quadrant().index()] += 1;
                }
                shown
            })
            .collect();
        Self {
            lens,
            missions,
            activities,
            counts,
        }
    }

    /// Whether the activity at this index is seen.
    pub fn shows_activity(&self, i: usize) -> bool {
        self.activities.get(i).copied().unwrap_or(false)
    }

    /// Whether the mission at this index is seen.
    pub fn shows_mission(&self, i: usize) -> bool {
        self.missions.get(i).copied().unwrap_or(false)
    }
}

/// A run of months, first and last included, in which no police-capable mission is deployed
/// (§III, §IV.5: a policing gap or vacuum invites military substitutes).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Vacuum {
    /// First month without police.
    pub from: YearMonth,
    /// Last month without police.
    pub to: YearMonth,
}

impl Vacuum {
    /// Its length in months.
    pub fn months(&self) -> i32 {
        self.from.months_until(self.to) + 1
    }
}

/// The policing vacuums within the scenario's timeline: every run of months with no mission
/// that [`polices`]. None when the scenario has no dates.
pub fn policing_vacuums(s: &Scenario) -> Vec<Vacuum> {
    let Some(span) = s.effective_timeline() else {
        return Vec::new();
    };
    let (lo, hi) = (span.start.index(), span.end.index());
    // Police deployments as month ranges clipped to the span, swept in order of start.
    let mut runs: Vec<(i32, i32)> = s
        .missions
        .iter()
        .filter(|m| polices(m))
        .map(|m| (m.start.index(), m.end.map_or(hi, YearMonth::index)))
        .filter(|(a, b)| a <= b)
        .map(|(a, b)| (a.max(lo), b.min(hi)))
        .filter(|(a, b)| a <= b)
        .collect();
    runs.sort_unstable();
    let mut out = Vec::new();
    let mut covered_to = lo - 1;
    for (a, b) in runs {
        if a > covered_to + 1 {
            out.push(Vacuum {
                from: YearMonth::from_index(covered_to + 1),
                to: YearMonth::from_index(a - 1),
            });
        }
        covered_to = covered_to.max(b);
    }
    if covered_to < hi {
        out.push(Vacuum {
            from: YearMonth::from_index(covered_to + 1),
            to: YearMonth::from_index(hi),
        });
    }
    out
}

/// How far a successor's handover is planned (§V, sixth challenge).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum HandoverPlan {
    /// A plan that covers case files and records.
    Planned,
    /// A plan that leaves case files and records out (what went wrong from UNMIK to EULEX).
    Partial,
    /// No plan.
    None,
}

impl HandoverPlan {
    /// The plan of a mission's handover from its predecessor.
    pub fn of(m: &Mission) -> Self {
        if !m.handover.planned {
            HandoverPlan::None
        } else if m.handover.covers.contains(&HandoverScope::CaseFiles) {
            HandoverPlan::Planned
        } else {
            HandoverPlan::Partial
        }
    }

    /// "planned", "partial" or "none".
    pub fn label(self) -> &'static str {
        match self {
            HandoverPlan::Planned => "planned",
            HandoverPlan::Partial => "partial",
            HandoverPlan::None => "none",
        }
    }
}

/// One activity on its mission's lane.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Bar {
    /// Index into `scenario.activities`.
    pub activity: usize,
    /// First month (its own, else its mission's).
    pub start: YearMonth,
    /// Last month (its own, else its mission's, else the timeline's end).
    pub end: YearMonth,
    /// Whether it has no end of its own or its mission's (drawn to the timeline's end).
    pub open_ended: bool,
}

/// One mission's lane.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lane {
    /// Index into `scenario.missions`.
    pub mission: usize,
    /// First month of deployment.
    pub start: YearMonth,
    /// Last month (the timeline's end when open-ended).
    pub end: YearMonth,
    /// Whether the mission has no end date.
    pub open_ended: bool,
    /// Its activities that have a start, in scenario order.
    pub bars: Vec<Bar>,
}

/// A predecessor → successor arrow.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HandoverLink {
    /// Index of the predecessor.
    pub from: usize,
    /// Index of the successor.
    pub to: usize,
    /// The month of the handover: the successor's first month.
    pub at: YearMonth,
    /// How far it is planned.
    pub plan: HandoverPlan,
    /// What the plan covers.
    pub covers: Vec<HandoverScope>,
}

/// What a vertical marker on the timeline stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkKind {
    /// The month minimal security was established (§VI(e)).
    MinimalSecurity,
    /// A milestone of the scenario, by index into `scenario.milestones`.
    Milestone(usize),
}

/// A vertical marker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mark {
    /// The month.
    pub at: YearMonth,
    /// What it says.
    pub label: String,
    /// What it stands for.
    pub kind: MarkKind,
    /// Where it comes from (empty when the scenario does not say).
    pub sources: Vec<Source>,
}

/// The mission timeline: one lane per mission (grouped by deploying organization, then by
/// start), the handovers between them, the minimal-security month and the milestones as
/// markers (in date order), and the policing vacuums.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MissionTimeline {
    /// The months covered; `None` when the scenario has no dates (then everything is empty).
    pub span: Option<Timeline>,
    /// Mission lanes, grouped by deploying body (UN, EU, …) in order of first deployment.
    pub lanes: Vec<Lane>,
    /// Successions, in order of the handover month.
    pub handovers: Vec<HandoverLink>,
    /// Markers, in date order.
    pub marks: Vec<Mark>,
    /// Months with no police-capable mission.
    pub vacuums: Vec<Vacuum>,
}

impl MissionTimeline {
    /// The timeline of a scenario, in time linear in its size (plus sorting the missions).
    pub fn build(s: &Scenario) -> Self {
        let Some(span) = s.effective_timeline() else {
            return Self::default();
        };
        let index = mission_index(s);
        let mut lanes: Vec<Lane> = s
            .missions
            .iter()
            .enumerate()
            .map(|(i, m)| Lane {
                mission: i,
                start: m.start,
                end: m.end.unwrap_or(span.end.max(m.start)),
                open_ended: m.end.is_none(),
                bars: Vec::new(),
            })
            .collect();
        for (i, a) in s.activities.iter().enumerate() {
            let Some(m) = a.mission.as_ref().and_then(|m| index.get(m.as_str())) else {
                continue;
            };
            let mission = &s.missions[*m];
            let start = a.start.unwrap_or(mission.start);
            let end = a.end.or(mission.end);
            lanes[*m].bars.push(Bar {
                activity: i,
                start,
                end: end.unwrap_or(span.end).max(start),
                open_ended: end.is_none(),
            });
        }
        lanes.sort_by_key(|l| {
            let m = &s.missions[l.mission];
            (m.organization.body_index(), m.start, l.mission)
        });
        let mut handovers: Vec<HandoverLink> = s
            .missions
            .iter()
            .enumerate()
            .filter_map(|(to, m)| {
                let from = *index.get(m.predecessor.as_ref()?.as_str())?;
                (from != to).then(|| HandoverLink {
                    from,
                    to,
                    at: m.start,
                    plan: HandoverPlan::of(m),
                    covers: m.handover.covers.clone(),
                })
            })
            .collect();
        handovers.sort_by_key(|h| (h.at, h.to));
        let mut marks: Vec<Mark> = s
            .milestones
            .iter()
            .enumerate()
            .map(|(i, ms)| Mark {
                at: ms.at,
                label: ms.label.clone(),
                kind: MarkKind::Milestone(i),
                sources: ms.sources.iter().map(|c| c.source.clone()).collect(),
            })
            .collect();
        if let Some(at) = s.host.minimal_security {
            marks.push(Mark {
                at,
                label: "minimal security established".to_owned(),
                kind: MarkKind::MinimalSecurity,
                sources: Vec::new(),
            });
        }
        // Stable: on one month, milestones keep their file order and minimal security follows.
        marks.sort_by_key(|m| m.at);
        Self {
            span: Some(span),
            lanes,
            handovers,
            marks,
            vacuums: policing_vacuums(s),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Activity, Milestone, MissionKind};

    fn ym(s: &str) -> YearMonth {
        s.parse().unwrap()
    }

    fn police(id: &str, start: &str, end: Option<&str>) -> Mission {
        let mut m = Mission::new(id.into(), id, ym(start));
        m.kind = MissionKind::Police;
        m.end = end.map(ym);
        m
    }

    fn span(s: &mut Scenario, from: &str, to: &str) {
        s.timeline = Some(Timeline {
            start: ym(from),
            end: ym(to),
        });
    }

    #[test]
    fn a_gap_between_two_police_missions_is_a_vacuum() {
        let mut s = Scenario::new("t");
        span(&mut s, "2000-01", "2010-12");
        s.missions.push(police("a", "2000-01", Some("2004-06")));
        s.missions.push(police("b", "2005-01", None));
        assert_eq!(
            policing_vacuums(&s),
            vec![Vacuum {
                from: ym("2004-07"),
                to: ym("2004-12")
            }]
        );
        assert_eq!(policing_vacuums(&s)[0].months(), 6);
    }

    #[test]
    fn overlapping_or_adjacent_police_missions_leave_no_vacuum() {
        let mut s = Scenario::new("t");
        span(&mut s, "2000-01", "2010-12");
        s.missions.push(police("a", "2000-01", Some("2005-06")));
        s.missions.push(police("b", "2005-01", Some("2007-12")));
        s.missions.push(police("c", "2008-01", None));
        assert_eq!(policing_vacuums(&s), Vec::new());
    }

    #[test]
    fn a_military_mission_does_not_end_a_vacuum() {
        let mut s = Scenario::new("t");
        span(&mut s, "2000-01", "2001-12");
        let mut kfor = Mission::new("kfor".into(), "KFOR", ym("2000-01"));
        kfor.kind = MissionKind::Military;
        kfor.capabilities.push(Capability::Gendarmerie);
        s.missions.push(kfor);
        s.missions.push(police("p", "2001-01", None));
        assert_eq!(
            policing_vacuums(&s),
            vec![Vacuum {
                from: ym("2000-01"),
                to: ym("2000-12")
            }]
        );
    }

    #[test]
    fn counts_at_a_date_count_what_is_under_way() {
        let mut s = Scenario::new("t");
        s.missions.push(police("m", "2000-01", Some("2009-12")));
        let mut early = Activity::new("early".into(), "Early", -0.5, 0.5);
        early.mission = Some("m".into());
        early.end = Some(ym("2003-12"));
        let mut late = Activity::new("late".into(), "Late", 0.5, -0.5);
        late.mission = Some("m".into());
        late.start = Some(ym("2005-01"));
        s.activities.push(early);
        s.activities.push(late);
        let all = Board::new(&s, Lens::ALL_TIME);
        assert_eq!(all.counts, s.quadrant_counts());
        assert_eq!(all.counts.iter().sum::<usize>(), 2);
        let in_2002 = Board::new(&s, Lens::at(ym("2002-06")));
        assert_eq!(in_2002.activities, vec![true, false]);
        assert_eq!(in_2002.counts.iter().sum::<usize>(), 1);
        let in_2006 = Board::new(&s, Lens::at(ym("2006-06")));
        assert_eq!(in_2006.activities, vec![false, true]);
        assert_eq!(
            in_2006.counts[crate::model::Quadrant::of(0.5, -0.5).index()],
            1
        );
        let in_2011 = Board::new(&s, Lens::at(ym("2011-01")));
        assert_eq!(in_2011.counts, [0; 4], "the mission has left");
        assert_eq!(in_2011.missions, vec![false]);
    }

    #[test]
    fn the_timeline_groups_lanes_and_orders_marks() {
        let mut s = Scenario::new("t");
        span(&mut s, "1999-01", "2012-12");
        let mut eu = police("eu", "2008-12", None);
        eu.organization = crate::model::Organization::Eu;
        eu.predecessor = Some("un".into());
        eu.handover.planned = true;
        eu.handover.covers.push(HandoverScope::Personnel);
        s.missions.push(eu);
        s.missions.push(police("un", "1999-06", Some("2008-11")));
        s.milestones
            .push(Milestone::new(ym("2008-02"), "independence"));
        s.host.minimal_security = Some(ym("1999-09"));
        let mut a = Activity::new("a".into(), "A", 0.0, 0.0);
        a.mission = Some("eu".into());
        s.activities.push(a);
        let t = MissionTimeline::build(&s);
        let order: Vec<usize> = t.lanes.iter().map(|l| l.mission).collect();
        assert_eq!(order, vec![1, 0], "UN lanes before EU lanes");
        assert_eq!(
            t.lanes[1].end,
            ym("2012-12"),
            "open-ended to the span's end"
        );
        assert!(t.lanes[1].bars[0].open_ended);
        assert_eq!(t.handovers.len(), 1);
        assert_eq!(
            (t.handovers[0].from, t.handovers[0].to, t.handovers[0].plan),
            (1, 0, HandoverPlan::Partial)
        );
        let marks: Vec<&str> = t.marks.iter().map(|m| m.label.as_str()).collect();
        assert_eq!(marks, vec!["minimal security established", "independence"]);
        // Before UNMIK deploys, nobody polices.
        assert_eq!(
            t.vacuums,
            vec![Vacuum {
                from: ym("1999-01"),
                to: ym("1999-05")
            }]
        );
    }

    #[test]
    fn an_undated_scenario_has_an_empty_timeline() {
        assert_eq!(
            MissionTimeline::build(&Scenario::new("t")),
            MissionTimeline::default()
        );
    }
}
