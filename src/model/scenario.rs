//! The scenario: everything on the board, as saved in a `.ron` file.

use serde::{Deserialize, Serialize};

use super::{
    Activity, Actor, Checklist, Claim, CrimeGroup, HostState, Inject, Milestone, Mission, OptionId,
    PlanOption, Run, YearMonth,
};

/// The file format version this build writes. Older versions are migrated on load
/// (see `io::migrate`); newer ones are refused. Kept apart from the crate version.
pub const FORMAT_VERSION: u32 = 4;

/// The months a scenario's timeline covers (the date filter's range).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Timeline {
    /// First month shown.
    pub start: YearMonth,
    /// Last month shown.
    pub end: YearMonth,
}

/// A whole scenario: host state, crime groups, missions, other actors, activities and checklist.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Format version of the file; see [`FORMAT_VERSION`].
    pub format_version: u32,
    /// Title shown in the window.
    pub title: String,
    /// Where the facts come from and what is invented.
    #[serde(default)]
    pub description: String,
    /// Where the facts in the description come from, one short claim each (paper, general knowledge,
    /// invented or PeaceOps's reasoning); empty for the room's own. Added after format 2.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub description_sources: Vec<Claim>,
    /// The period the scenario covers, in months; `None` to take it from the missions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeline: Option<Timeline>,
    /// The host state.
    pub host: HostState,
    /// Organized crime groups.
    #[serde(default)]
    pub groups: Vec<CrimeGroup>,
    /// Missions, in parallel and in sequence.
    #[serde(default)]
    pub missions: Vec<Mission>,
    /// Other actors.
    #[serde(default)]
    pub actors: Vec<Actor>,
    /// Planned activities of the current option (the working copy; see `model::option`).
    #[serde(default)]
    pub activities: Vec<Activity>,
    /// Dated events of the story, for the timeline (format version 3).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub milestones: Vec<Milestone>,
    /// The room's checklist state for the current option.
    #[serde(default)]
    pub checklist: Checklist,
    /// The exercise script: events injected one by one, each with its effects.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub injects: Vec<Inject>,
    /// Runs of the exercise, each with what was delivered and its decision log.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub runs: Vec<Run>,
    /// The mandate options, in the switcher's order (format version 4). The current one's
    /// activities and checklist are `activities` and `checklist` above.
    #[serde(default)]
    pub options: Vec<PlanOption>,
    /// Which option is current.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_option: Option<OptionId>,
}

impl Default for Scenario {
    fn default() -> Self {
        Self::new("Untitled scenario")
    }
}

impl Scenario {
    /// An empty scenario of the current format version, with one option, "Current plan".
    pub fn new(title: impl Into<String>) -> Self {
        let option = PlanOption::current_plan();
        Self {
            format_version: FORMAT_VERSION,
            title: title.into(),
            description: String::new(),
            description_sources: Vec::new(),
            timeline: None,
            host: HostState::default(),
            groups: Vec::new(),
            missions: Vec::new(),
            actors: Vec::new(),
            activities: Vec::new(),
            milestones: Vec::new(),
            checklist: Checklist::default(),
            injects: Vec::new(),
            runs: Vec::new(),
            current_option: Some(option.id.clone()),
            options: vec![option],
        }
    }

    /// Every id in the scenario, of every kind.
    pub fn all_ids(&self) -> impl Iterator<Item = &str> {
        self.host
            .regions
            .iter()
            .map(|r| r.id.as_str())
            .chain(self.groups.iter().map(|g| g.id.as_str()))
            .chain(self.missions.iter().map(|m| m.id.as_str()))
            .chain(self.actors.iter().map(|a| a.id.as_str()))
            .chain(self.activities.iter().map(|a| a.id.as_str()))
            .chain(self.checklist.custom.iter().map(|c| c.id.as_str()))
    }

    /// The inject with this id.
    pub fn inject(&self, id: &super::InjectId) -> Option<&Inject> {
        self.injects.iter().find(|i| &i.id == id)
    }

    /// An id not used by anything in the scenario, `prefix-N`, nor by an activity of any
    /// option (the same activity id in two options means the same activity).
    pub fn fresh_id(&self, prefix: &str) -> String {
        let others = self
            .options
            .iter()
            .flat_map(|o| o.activities.iter().map(|a| a.id.as_str()));
        super::fresh_id(prefix, self.all_ids().chain(others))
    }

    /// The mission with this id.
    pub fn mission(&self, id: &super::MissionId) -> Option<&Mission> {
        self.missions.iter().find(|m| &m.id == id)
    }

    /// The crime group with this id.
    pub fn group(&self, id: &super::GroupId) -> Option<&CrimeGroup> {
        self.groups.iter().find(|g| &g.id == id)
    }

    /// The actor with this id.
    pub fn actor(&self, id: &super::ActorId) -> Option<&Actor> {
        self.actors.iter().find(|a| &a.id == id)
    }

    /// The activity with this id.
    pub fn activity(&self, id: &super::ActivityId) -> Option<&Activity> {
        self.activities.iter().find(|a| &a.id == id)
    }

    /// Whether the activity is under way in `date` (its dates, else its mission's).
    pub fn active_on(&self, a: &Activity, date: YearMonth) -> bool {
        a.active_on(a.mission.as_ref().and_then(|m| self.mission(m)), date)
    }

    /// Number of activities in each quadrant, in [`Quadrant::ALL`](super::Quadrant::ALL) order.
    pub fn quadrant_counts(&self) -> [usize; 4] {
        let mut counts = [0; 4];
        for a in &self.activities {
            counts[a.quadrant().index()] += 1;
        }
        counts
    }

    /// The timeline: the one set in the file, else from the earliest to the latest date of any
    /// mission or activity; `None` when the scenario has no dates at all.
    pub fn effective_timeline(&self) -> Option<Timeline> {
        if let Some(t) = self.timeline {
            return Some(t);
        }
        let dates = self
            .missions
            .iter()
            .flat_map(|m| [Some(m.start), m.end])
            .chain(self.activities.iter().flat_map(|a| [a.start, a.end]))
            .flatten();
        let (mut lo, mut hi): (Option<YearMonth>, Option<YearMonth>) = (None, None);
        for d in dates {
            lo = Some(lo.map_or(d, |l| l.min(d)));
            hi = Some(hi.map_or(d, |h| h.max(d)));
        }
        Some(Timeline {
            start: lo?,
            end: hi?,
        })
    }
}
