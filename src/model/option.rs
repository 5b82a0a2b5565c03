//! Mandate options: alternative plans for one scenario. The host, groups, missions and actors
//! are a shared base; each option has its own activities, checklist state, rationale and the
//! changes to missions a mandate decision makes (a mission added, left out, or changed).
//!
//! Working-copy rule: the current option's activities and checklist live in
//! `Scenario::activities` and `Scenario::checklist`, so every rule, view and report reads the
//! current option unchanged; its [`PlanOption`] entry keeps only its name, rationale and
//! mission changes. The other options hold their own activities and checklist.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use super::{
    Activity, ActivityId, Checklist, Claim, EditError, EntityId, Mission, MissionId, OptionId,
    Scenario,
};

/// A change an option makes to the base's missions.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum MissionChange {
    /// A mission only this option deploys (its id is new to the base).
    Add(Mission),
    /// A base mission this option leaves out.
    Leave(MissionId),
    /// A base mission as this option has it (same id; other capabilities, dates, mandate…).
    Change(Mission),
}

impl MissionChange {
    /// The mission it concerns.
    pub fn mission(&self) -> &MissionId {
        match self {
            MissionChange::Add(m) | MissionChange::Change(m) => &m.id,
            MissionChange::Leave(id) => id,
        }
    }

    /// The change in plain words, with the base for names ("adds MINUJUSTH (2017-10 to …)",
    /// "leaves out MINUSTAH", "changes MINUSTAH: capabilities, end").
    pub fn sentence(&self, base: &Scenario) -> String {
        match self {
            MissionChange::Add(m) => format!("adds {}", m.describe()),
            MissionChange::Leave(id) => format!(
                "leaves out {}",
                base.mission(id).map_or(id.as_str(), |m| m.short_name())
            ),
            MissionChange::Change(m) => match base.mission(&m.id) {
                Some(old) => {
                    let fields = changed_fields(old, m);
                    if fields.is_empty() {
                        format!("keeps {} as it is", m.short_name())
                    } else {
                        format!("changes {}: {}", m.short_name(), fields.join(", "))
                    }
                }
                None => format!("changes {}, which the base does not have", m.short_name()),
            },
        }
    }
}

/// The fields of a mission that differ, by their names in the file.
fn changed_fields(a: &Mission, b: &Mission) -> Vec<&'static str> {
    let mut out = Vec::new();
    let mut diff = |same: bool, name| {
        if !same {
            out.push(name);
        }
    };
    diff(a.name == b.name && a.acronym == b.acronym, "name");
    diff(a.organization == b.organization, "organization");
    diff(a.kind == b.kind, "kind");
    diff(a.start == b.start, "start");
    diff(a.end == b.end, "end");
    diff(a.mandate == b.mandate, "mandate");
    diff(a.capabilities == b.capabilities, "capabilities");
    diff(a.predecessor == b.predecessor, "predecessor");
    diff(a.handover == b.handover, "handover");
    diff(a.intel_sharing == b.intel_sharing, "intel_sharing");
    diff(a.partners == b.partners, "partners");
    diff(a.oversight == b.oversight, "oversight");
    diff(a.personnel == b.personnel, "personnel");
    if out.is_empty() && a != b {
        out.push("other fields");
    }
    out
}

/// One mandate option.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanOption {
    /// Stable id.
    pub id: OptionId,
    /// Name shown in the switcher and the comparison ("Follow-on with police units").
    pub name: String,
    /// Why a planner would choose it, in a few sentences.
    #[serde(default)]
    pub rationale: String,
    /// Where the facts in the rationale come from, one short claim each.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Claim>,
    /// Its activities (empty for the current option: they are `Scenario::activities`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub activities: Vec<Activity>,
    /// Its checklist state (empty for the current option: it is `Scenario::checklist`).
    #[serde(default, skip_serializing_if = "checklist_is_empty")]
    pub checklist: Checklist,
    /// What it changes in the base's missions, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub missions: Vec<MissionChange>,
}

fn checklist_is_empty(c: &Checklist) -> bool {
    c.findings.is_empty() && c.custom.is_empty()
}

impl PlanOption {
    /// The id of the option a file without options gets (format 3 and older).
    pub const DEFAULT_ID: &'static str = "current";
    /// The name of that option.
    pub const DEFAULT_NAME: &'static str = "Current plan";

    /// An empty option.
    pub fn new(id: OptionId, name: impl Into<String>) -> Self {
        Self {
            id,
            name: name.into(),
            rationale: String::new(),
            sources: Vec::new(),
            activities: Vec::new(),
            checklist: Checklist::default(),
            missions: Vec::new(),
        }
    }

    /// The one option of a scenario that has not named any: "Current plan".
    pub fn current_plan() -> Self {
        Self::new(OptionId::from(Self::DEFAULT_ID), Self::DEFAULT_NAME)
    }

    /// A copy of the scenario's current option under a new id and name: the same activities
    /// (same ids, so a comparison matches them), checklist, rationale and mission changes.
    pub fn duplicate(s: &Scenario, id: OptionId, name: impl Into<String>) -> Self {
        let from = s.current_option();
        Self {
            id,
            name: name.into(),
            rationale: from.map(|o| o.rationale.clone()).unwrap_or_default(),
            sources: from.map(|o| o.sources.clone()).unwrap_or_default(),
            activities: s.activities.clone(),
            checklist: s.checklist.clone(),
            missions: from.map(|o| o.missions.clone()).unwrap_or_default(),
        }
    }
}

/// An option cannot be found or shown.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum OptionError {
    /// No option has this name or id.
    #[error("no option is named {name:?}; the options are: {}", names_list(known))]
    UnknownOption {
        /// What was asked for.
        name: String,
        /// The names the scenario has, in order.
        known: Vec<String>,
    },
}

fn names_list(names: &[String]) -> String {
    if names.is_empty() {
        "(none)".to_owned()
    } else {
        names.join(", ")
    }
}

/// Applies mission changes to a list of missions, skipping any that do not fit (a change or a
/// leave of a mission the list does not have, an addition whose id is taken): validation
/// reports those. A mission left out is removed with the references other missions make to it.
pub fn apply_mission_changes(missions: &mut Vec<Mission>, changes: &[MissionChange]) {
    for change in changes {
        match change {
            MissionChange::Add(m) => {
                if missions.iter().all(|x| x.id != m.id) {
                    missions.push(m.clone());
                }
            }
            MissionChange::Change(m) => {
                if let Some(slot) = missions.iter_mut().find(|x| x.id == m.id) {
                    *slot = m.clone();
                }
            }
            MissionChange::Leave(id) => {
                missions.retain(|x| &x.id != id);
                for other in missions.iter_mut() {
                    if other.predecessor.as_ref() == Some(id) {
                        other.predecessor = None;
                    }
                    other.intel_sharing.retain(|x| x != id);
                }
            }
        }
    }
}

impl Scenario {
    /// The current option's entry (name, rationale, mission changes).
    pub fn current_option(&self) -> Option<&PlanOption> {
        let id = self.current_option.as_ref()?;
        self.option(id)
    }

    /// The option with this id.
    pub fn option(&self, id: &OptionId) -> Option<&PlanOption> {
        self.options.iter().find(|o| &o.id == id)
    }

    /// The option with this name (exactly, else ignoring case), else with this id.
    pub fn option_by_name(&self, name: &str) -> Option<&PlanOption> {
        let name = name.trim();
        self.options
            .iter()
            .find(|o| o.name == name)
            .or_else(|| {
                self.options
                    .iter()
                    .find(|o| o.name.to_lowercase() == name.to_lowercase())
            })
            .or_else(|| self.options.iter().find(|o| o.id.as_str() == name))
    }

    /// The option with this name or id, or an error listing the names.
    pub fn find_option(&self, name: &str) -> Result<&PlanOption, OptionError> {
        self.option_by_name(name)
            .ok_or_else(|| OptionError::UnknownOption {
                name: name.to_owned(),
                known: self.options.iter().map(|o| o.name.clone()).collect(),
            })
    }

    /// Whether this is the current option.
    pub fn is_current(&self, id: &OptionId) -> bool {
        self.current_option.as_ref() == Some(id)
    }

    /// The activities of an option (the working copy for the current one).
    pub fn option_activities<'s>(&'s self, o: &'s PlanOption) -> &'s [Activity] {
        if self.is_current(&o.id) {
            &self.activities
        } else {
            &o.activities
        }
    }

    /// The checklist of an option (the working copy for the current one).
    pub fn option_checklist<'s>(&'s self, o: &'s PlanOption) -> &'s Checklist {
        if self.is_current(&o.id) {
            &self.checklist
        } else {
            &o.checklist
        }
    }

    /// Makes another option current: the working copy goes back into the current option's entry
    /// and the new one's activities and checklist become the working copy. Moves the lists, no
    /// deep copy. Switching to the current option changes nothing.
    pub fn switch_option(&mut self, id: &OptionId) -> Result<(), EditError> {
        if self.is_current(id) {
            return Ok(());
        }
        let to = self
            .options
            .iter()
            .position(|o| &o.id == id)
            .ok_or_else(|| EditError::NotFound(id.to_string()))?;
        let from = self
            .current_option
            .as_ref()
            .and_then(|c| self.options.iter().position(|o| &o.id == c))
            .ok_or_else(|| EditError::NotFound("the current option".to_owned()))?;
        let (activities, checklist) = (
            std::mem::take(&mut self.activities),
            std::mem::take(&mut self.checklist),
        );
        let old = &mut self.options[from];
        old.activities = activities;
        old.checklist = checklist;
        let new = &mut self.options[to];
        self.activities = std::mem::take(&mut new.activities);
        self.checklist = std::mem::take(&mut new.checklist);
        self.current_option = Some(id.clone());
        Ok(())
    }

    /// A standalone scenario of one option: the shared base with its activities and checklist,
    /// its mission changes applied, and only that option listed (current). Other options'
    /// activities are not copied.
    pub fn option_scenario(&self, id: &OptionId) -> Result<Scenario, OptionError> {
        let o = self.option(id).ok_or_else(|| OptionError::UnknownOption {
            name: id.to_string(),
            known: self.options.iter().map(|o| o.name.clone()).collect(),
        })?;
        let mut missions = self.missions.clone();
        apply_mission_changes(&mut missions, &o.missions);
        // Field by field: `..o.clone()` would copy the option's activities only to drop them
        // (half the time of `compare_4x1000` in benches/options.rs).
        let entry = PlanOption {
            id: o.id.clone(),
            name: o.name.clone(),
            rationale: o.rationale.clone(),
            sources: o.sources.clone(),
            activities: Vec::new(),
            checklist: Checklist::default(),
            missions: o.missions.clone(),
        };
        Ok(Scenario {
            format_version: self.format_version,
            title: self.title.clone(),
            description: self.description.clone(),
            description_sources: self.description_sources.clone(),
            timeline: self.timeline,
            host: self.host.clone(),
            groups: self.groups.clone(),
            missions,
            actors: self.actors.clone(),
            activities: self.option_activities(o).to_vec(),
            milestones: self.milestones.clone(),
            checklist: self.option_checklist(o).clone(),
            injects: self.injects.clone(),
            runs: self.runs.clone(),
            options: vec![entry],
            current_option: Some(o.id.clone()),
        })
    }

    /// The board of the current option: the scenario with the current option's mission changes
    /// applied; borrowed when it has none (the usual case, and no copy).
    pub fn board_scenario(&self) -> Cow<'_, Scenario> {
        match self.current_option() {
            Some(o) if !o.missions.is_empty() => match self.option_scenario(&o.id) {
                Ok(s) => Cow::Owned(s),
                Err(_) => Cow::Borrowed(self),
            },
            _ => Cow::Borrowed(self),
        }
    }

    /// Gives a scenario with no options the one option "Current plan", current (what a file of
    /// format 3 or older, or a hand-written one without options, means).
    pub fn ensure_option(&mut self) {
        if self.options.is_empty() {
            let o = PlanOption::current_plan();
            self.current_option = Some(o.id.clone());
            self.options.push(o);
        }
    }

    /// Every activity id of every option (the working copy's first), for fresh ids that no
    /// option uses: the same id in two options means the same activity.
    pub fn activity_ids_of_all_options(&self) -> impl Iterator<Item = &ActivityId> {
        self.activities
            .iter()
            .chain(self.options.iter().flat_map(|o| o.activities.iter()))
            .map(|a| &a.id)
    }

    /// Clears references to a deleted entity from the activities of options other than the
    /// current one (the working copy is cleared by the delete itself) and from mission changes.
    pub(super) fn forget_in_options(&mut self, id: &EntityId) {
        for o in &mut self.options {
            for a in &mut o.activities {
                match id {
                    EntityId::Region(r) if a.region.as_ref() == Some(r) => a.region = None,
                    EntityId::Group(g) => a.groups.retain(|x| x != g),
                    EntityId::Mission(m) if a.mission.as_ref() == Some(m) => a.mission = None,
                    EntityId::Actor(p) => a.partners.retain(|x| x != p),
                    _ => {}
                }
            }
            match id {
                EntityId::Mission(m) => {
                    o.missions.retain(|c| match c {
                        MissionChange::Leave(x) => x != m,
                        MissionChange::Change(x) => &x.id != m,
                        MissionChange::Add(_) => true,
                    });
                    for c in &mut o.missions {
                        if let MissionChange::Add(x) | MissionChange::Change(x) = c {
                            if x.predecessor.as_ref() == Some(m) {
                                x.predecessor = None;
                            }
                            x.intel_sharing.retain(|y| y != m);
                        }
                    }
                }
                EntityId::Actor(p) => {
                    for c in &mut o.missions {
                        if let MissionChange::Add(x) | MissionChange::Change(x) = c {
                            x.partners.retain(|y| y != p);
                        }
                    }
                }
                _ => {}
            }
        }
    }
}
