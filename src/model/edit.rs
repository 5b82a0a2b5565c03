//! Edits: every change the window makes to a scenario, as data. The window gathers edits during
//! a frame and applies them after it, so each is one undo step and can be tested without a UI.

use super::{
    Activity, ActivityId, Actor, ActorId, CheckStatus, CrimeGroup, CustomItem, CustomItemId,
    Delivery, FindingKey, GroupId, HostState, Inject, InjectId, LogEntry, Milestone, Mission,
    MissionChange, MissionId, OptionId, PlanOption, RegionId, Run, RunId, Scenario, Timeline,
    WallTime,
};

/// Which entity an edit or a reference concerns.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum EntityId {
    /// A region of the host state.
    Region(RegionId),
    /// A crime group.
    Group(GroupId),
    /// A mission.
    Mission(MissionId),
    /// Another actor.
    Actor(ActorId),
    /// An activity.
    Activity(ActivityId),
}

impl EntityId {
    /// The id as text.
    pub fn as_str(&self) -> &str {
        match self {
            EntityId::Region(id) => id.as_str(),
            EntityId::Group(id) => id.as_str(),
            EntityId::Mission(id) => id.as_str(),
            EntityId::Actor(id) => id.as_str(),
            EntityId::Activity(id) => id.as_str(),
        }
    }
}

/// One change to a scenario.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Title, description and timeline.
    SetMeta {
        /// New title.
        title: String,
        /// New description.
        description: String,
        /// New timeline.
        timeline: Option<Timeline>,
    },
    /// Replace the host state (regions included).
    SetHost(HostState),
    /// Add a crime group (its id must be new).
    AddGroup(CrimeGroup),
    /// Replace the crime group with the same id.
    UpdateGroup(CrimeGroup),
    /// Add a mission (its id must be new).
    AddMission(Mission),
    /// Replace the mission with the same id.
    UpdateMission(Mission),
    /// Add another actor (its id must be new).
    AddActor(Actor),
    /// Replace the actor with the same id.
    UpdateActor(Actor),
    /// Add an activity (its id must be new).
    AddActivity(Activity),
    /// Replace the activity with the same id.
    UpdateActivity(Activity),
    /// Move an activity on the chart (clamped to [-1, 1]).
    MoveActivity {
        /// Which activity.
        id: ActivityId,
        /// Consequences (−1) … drivers (+1).
        x: f64,
        /// Indirect (−1) … direct (+1).
        y: f64,
    },
    /// Delete an entity and every reference to it.
    Delete(EntityId),
    /// Record the room's decision on a finding.
    SetFinding {
        /// Which finding.
        key: FindingKey,
        /// Its status.
        status: CheckStatus,
        /// Its note.
        note: String,
    },
    /// Record one decision on several findings at once (the instances of one rule in the
    /// checklist), keeping each one's note: one undo step.
    SetFindings {
        /// Which findings.
        keys: Vec<FindingKey>,
        /// Their status.
        status: CheckStatus,
    },
    /// Add a checklist item by hand (its id must be new).
    AddCustom(CustomItem),
    /// Replace the custom item with the same id.
    UpdateCustom(CustomItem),
    /// Delete a custom item.
    DeleteCustom(CustomItemId),
    /// Several edits as one undo step, applied in order; if one fails, none is applied.
    Batch(Vec<Edit>),
    /// Add an inject to the exercise script, at the end (its id must be new among injects).
    AddInject(Inject),
    /// Replace the inject with the same id.
    UpdateInject(Inject),
    /// Delete an inject (runs keep their record of it).
    DeleteInject(InjectId),
    /// Move an inject to another place in the script.
    MoveInject {
        /// Which inject.
        id: InjectId,
        /// Its new index (clamped to the list).
        to: usize,
    },
    /// Start a run of the exercise (its id must be new among runs), on the run's option, or
    /// the current one when it names none.
    StartRun(Run),
    /// Close a run.
    EndRun {
        /// Which run.
        run: RunId,
        /// When it ended.
        when: WallTime,
    },
    /// Record that an inject was delivered or skipped in a run. The plan itself is unchanged:
    /// the room sees it with the run's delivered injects applied (`exercise::run_board`).
    RecordDelivery {
        /// Which run.
        run: RunId,
        /// What was done.
        delivery: Delivery,
    },
    /// Withdraw a run's last delivery ("Undo delivery"), even after later log entries.
    WithdrawDelivery {
        /// Which run.
        run: RunId,
    },
    /// Add an entry to a run's decision log.
    AddLogEntry {
        /// Which run.
        run: RunId,
        /// The entry.
        entry: LogEntry,
    },
    /// Replace the scenario's milestones (add, change or delete one: the list is short).
    SetMilestones(Vec<Milestone>),
    /// Replace an entry of a run's decision log.
    UpdateLogEntry {
        /// Which run.
        run: RunId,
        /// Its index in the log.
        index: usize,
        /// The new entry.
        entry: LogEntry,
    },
    /// Add a mandate option at the end of the list (its id and name must be new). It does not
    /// become current; batch a [`Edit::SwitchOption`] for that.
    AddOption(PlanOption),
    /// Rename an option (the name must be new).
    RenameOption {
        /// Which option.
        id: OptionId,
        /// Its new name.
        name: String,
    },
    /// Replace an option's rationale.
    SetOptionRationale {
        /// Which option.
        id: OptionId,
        /// Its new rationale.
        rationale: String,
    },
    /// Delete an option with its activities and checklist; never the last one. Deleting the
    /// current option makes its neighbour (the next, else the previous) current.
    DeleteOption(OptionId),
    /// Move an option to another place in the list.
    MoveOption {
        /// Which option.
        id: OptionId,
        /// Its new index (clamped to the list).
        to: usize,
    },
    /// Make another option current (see `Scenario::switch_option`).
    SwitchOption(OptionId),
    /// Copy activities of the current option into another option (replacing any it has with
    /// the same id: the same id means the same activity), or move them when `remove`.
    CopyActivities {
        /// Which activities of the current option.
        ids: Vec<ActivityId>,
        /// The option they go to (not the current one).
        to: OptionId,
        /// Remove them from the current option (a move).
        remove: bool,
    },
    /// Replace an option's changes to the base's missions.
    SetMissionChanges {
        /// Which option.
        option: OptionId,
        /// Its changes, in order.
        changes: Vec<MissionChange>,
    },
}

/// Why an edit could not be applied; the scenario is unchanged.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    /// No entity has the id.
    #[error("nothing with id {0:?} exists in this scenario")]
    NotFound(String),
    /// The id is already taken.
    #[error("the id {0:?} is already used in this scenario")]
    DuplicateId(String),
    /// Another option already has the name.
    #[error("another option is already named {0:?}")]
    DuplicateName(String),
    /// The edit would leave the scenario without any option.
    #[error("the last option cannot be deleted: a scenario has at least one")]
    LastOption,
    /// Activities cannot be copied from an option to itself.
    #[error("the activities are already in option {0:?}")]
    SameOption(String),
    /// A mission change does not fit the base (a change or leave of a mission the base does not
    /// have, an addition whose id the base uses).
    #[error("option {option:?}: {problem}")]
    MissionChange {
        /// The option.
        option: String,
        /// What does not fit.
        problem: String,
    },
}

impl Edit {
    /// Edits with the same key in quick succession make one undo step (typing a title is one
    /// change, not one per letter).
    pub fn merge_key(&self) -> Option<String> {
        Some(match self {
            Edit::SetMeta { .. } => "meta".to_owned(),
            Edit::SetHost(_) => "host".to_owned(),
            Edit::UpdateGroup(g) => format!("group:{}", g.id),
            Edit::UpdateMission(m) => format!("mission:{}", m.id),
            Edit::UpdateActor(a) => format!("actor:{}", a.id),
            Edit::UpdateActivity(a) => format!("activity:{}", a.id),
            Edit::SetFinding { key, .. } => {
                format!("finding:{}:{}", key.rule, key.entities.join(","))
            }
            Edit::UpdateCustom(c) => format!("custom:{}", c.id),
            Edit::UpdateInject(i) => format!("inject:{}", i.id),
            Edit::UpdateLogEntry { run, index, .. } => format!("log:{run}:{index}"),
            Edit::RenameOption { id, .. } => format!("option-name:{id}"),
            Edit::SetOptionRationale { id, .. } => format!("option-rationale:{id}"),
            Edit::SetMilestones(_) => "milestones".to_owned(),
            _ => return None,
        })
    }

    /// Applies the edit. On error the scenario is unchanged.
    pub fn apply(self, s: &mut Scenario) -> Result<(), EditError> {
        match self {
            Edit::SetMeta {
                title,
                description,
                timeline,
            } => {
                s.title = title;
                s.description = description;
                s.timeline = timeline;
            }
            Edit::SetHost(host) => s.host = host,
            Edit::SetMilestones(milestones) => s.milestones = milestones,
            Edit::AddGroup(g) => {
                free(s, g.id.as_str())?;
                s.groups.push(g);
            }
            Edit::UpdateGroup(g) => {
                let slot = find(&mut s.groups, |x| x.id == g.id, g.id.as_str())?;
                *slot = g;
            }
            Edit::AddMission(m) => {
                free(s, m.id.as_str())?;
                s.missions.push(m);
            }
            Edit::UpdateMission(m) => {
                let slot = find(&mut s.missions, |x| x.id == m.id, m.id.as_str())?;
                *slot = m;
            }
            Edit::AddActor(a) => {
                free(s, a.id.as_str())?;
                s.actors.push(a);
            }
            Edit::UpdateActor(a) => {
                let slot = find(&mut s.actors, |x| x.id == a.id, a.id.as_str())?;
                *slot = a;
            }
            Edit::AddActivity(a) => {
                free(s, a.id.as_str())?;
                s.activities.push(a);
            }
            Edit::UpdateActivity(a) => {
                let slot = find(&mut s.activities, |x| x.id == a.id, a.id.as_str())?;
                *slot = a;
            }
            Edit::MoveActivity { id, x, y } => {
                let a = find(&mut s.activities, |a| a.id == id, id.as_str())?;
                a.x = clamp_axis(x);
                a.y = clamp_axis(y);
            }
            Edit::Delete(id) => delete(s, &id)?,
            Edit::SetFinding { key, status, note } => s.checklist.set(key, status, note),
            Edit::SetFindings { keys, status } => {
                // In one pass over the decisions, not one search per key: a rule can have many
                // instances. Decisions back to open with no note are dropped, as `set` does.
                let findings = &mut s.checklist.findings;
                let mut at: std::collections::HashMap<FindingKey, usize> = findings
                    .iter()
                    .enumerate()
                    .map(|(i, f)| (f.key.clone(), i))
                    .collect();
                for key in keys {
                    match at.get(&key) {
                        Some(i) => findings[*i].status = status,
                        None if status != CheckStatus::Open => {
                            at.insert(key.clone(), findings.len());
                            findings.push(super::FindingState {
                                key,
                                status,
                                note: String::new(),
                            });
                        }
                        None => {}
                    }
                }
                findings.retain(|f| f.status != CheckStatus::Open || !f.note.trim().is_empty());
            }
            Edit::AddCustom(c) => {
                free(s, c.id.as_str())?;
                s.checklist.custom.push(c);
            }
            Edit::UpdateCustom(c) => {
                let slot = find(&mut s.checklist.custom, |x| x.id == c.id, c.id.as_str())?;
                *slot = c;
            }
            Edit::DeleteCustom(id) => {
                let before = s.checklist.custom.len();
                s.checklist.custom.retain(|c| c.id != id);
                if s.checklist.custom.len() == before {
                    return Err(EditError::NotFound(id.0.to_string()));
                }
            }
            Edit::Batch(edits) => {
                // All or nothing: a failing edit halfway must not leave half an inject applied.
                let mut copy = s.clone();
                for edit in edits {
                    edit.apply(&mut copy)?;
                }
                *s = copy;
            }
            Edit::AddInject(i) => {
                if s.inject(&i.id).is_some() {
                    return Err(EditError::DuplicateId(i.id.0));
                }
                s.injects.push(i);
            }
            Edit::UpdateInject(i) => {
                let slot = find(&mut s.injects, |x| x.id == i.id, i.id.as_str())?;
                *slot = i;
            }
            Edit::DeleteInject(id) => {
                let at = position(&s.injects, |x| x.id == id, id.as_str())?;
                s.injects.remove(at);
            }
            Edit::MoveInject { id, to } => {
                let at = position(&s.injects, |x| x.id == id, id.as_str())?;
                let inject = s.injects.remove(at);
                let to = to.min(s.injects.len());
                s.injects.insert(to, inject);
            }
            Edit::StartRun(mut run) => {
                if s.runs.iter().any(|r| r.id == run.id) {
                    return Err(EditError::DuplicateId(run.id.0));
                }
                // A run is of the option it was started on, whatever is current later.
                if run.option.is_none() {
                    run.option = s.current_option.clone();
                }
                s.runs.push(run);
            }
            Edit::EndRun { run, when } => {
                find(&mut s.runs, |r| r.id == run, run.as_str())?.ended = Some(when);
            }
            Edit::RecordDelivery { run, delivery } => {
                find(&mut s.runs, |r| r.id == run, run.as_str())?
                    .deliveries
                    .push(delivery);
            }
            Edit::WithdrawDelivery { run } => {
                let r = find(&mut s.runs, |r| r.id == run, run.as_str())?;
                if r.deliveries.pop().is_none() {
                    return Err(EditError::NotFound(format!("a delivery in run {run}")));
                }
            }
            Edit::AddLogEntry { run, entry } => {
                find(&mut s.runs, |r| r.id == run, run.as_str())?
                    .log
                    .push(entry);
            }
            Edit::UpdateLogEntry { run, index, entry } => {
                let log = &mut find(&mut s.runs, |r| r.id == run, run.as_str())?.log;
                let slot = log
                    .get_mut(index)
                    .ok_or_else(|| EditError::NotFound(format!("{run} log entry {}", index + 1)))?;
                *slot = entry;
            }
            Edit::AddOption(o) => {
                if s.option(&o.id).is_some() {
                    return Err(EditError::DuplicateId(o.id.0.to_string()));
                }
                name_free(s, &o.name, None)?;
                s.options.push(o);
            }
            Edit::RenameOption { id, name } => {
                name_free(s, &name, Some(&id))?;
                find(&mut s.options, |o| o.id == id, id.as_str())?.name = name;
            }
            Edit::SetOptionRationale { id, rationale } => {
                find(&mut s.options, |o| o.id == id, id.as_str())?.rationale = rationale;
            }
            Edit::DeleteOption(id) => {
                let at = position(&s.options, |o| o.id == id, id.as_str())?;
                if s.options.len() == 1 {
                    return Err(EditError::LastOption);
                }
                if s.is_current(&id) {
                    let neighbour = if at + 1 < s.options.len() {
                        at + 1
                    } else {
                        at - 1
                    };
                    let next = s.options[neighbour].id.clone();
                    s.switch_option(&next)?;
                }
                s.options.remove(at);
            }
            Edit::MoveOption { id, to } => {
                let at = position(&s.options, |o| o.id == id, id.as_str())?;
                let o = s.options.remove(at);
                let to = to.min(s.options.len());
                s.options.insert(to, o);
            }
            Edit::SwitchOption(id) => s.switch_option(&id)?,
            Edit::CopyActivities { ids, to, remove } => {
                if s.is_current(&to) {
                    return Err(EditError::SameOption(to.0.to_string()));
                }
                let target = position(&s.options, |o| o.id == to, to.as_str())?;
                let mut picked = Vec::with_capacity(ids.len());
                for id in &ids {
                    let a = s
                        .activity(id)
                        .ok_or_else(|| EditError::NotFound(id.to_string()))?;
                    picked.push(a.clone());
                }
                let into = &mut s.options[target].activities;
                for a in picked {
                    match into.iter_mut().find(|x| x.id == a.id) {
                        Some(slot) => *slot = a,
                        None => into.push(a),
                    }
                }
                if remove {
                    s.activities.retain(|a| !ids.contains(&a.id));
                }
            }
            Edit::SetMissionChanges { option, changes } => {
                let at = position(&s.options, |o| o.id == option, option.as_str())?;
                if let Some(problem) = changes.iter().find_map(|c| mission_change_problem(s, c)) {
                    return Err(EditError::MissionChange {
                        option: option.to_string(),
                        problem,
                    });
                }
                s.options[at].missions = changes;
            }
        }
        Ok(())
    }
}

/// Refuses a name another option has (`except`: the option being renamed).
fn name_free(s: &Scenario, name: &str, except: Option<&OptionId>) -> Result<(), EditError> {
    let taken = s
        .options
        .iter()
        .any(|o| Some(&o.id) != except && o.name.trim() == name.trim());
    if taken {
        Err(EditError::DuplicateName(name.to_owned()))
    } else {
        Ok(())
    }
}

/// What is wrong with a mission change against the base, if anything.
pub(super) fn mission_change_problem(s: &Scenario, c: &MissionChange) -> Option<String> {
    match c {
        MissionChange::Add(m) if s.mission(&m.id).is_some() => Some(format!(
            "adds mission {:?}, but the base has a mission with that id",
            m.id.0
        )),
        MissionChange::Leave(id) if s.mission(id).is_none() => Some(format!(
            "leaves out mission {:?}, which the base does not have",
            id.0
        )),
        MissionChange::Change(m) if s.mission(&m.id).is_none() => Some(format!(
            "changes mission {:?}, which the base does not have",
            m.id.0
        )),
        _ => None,
    }
}

fn position<T>(items: &[T], hit: impl Fn(&T) -> bool, id: &str) -> Result<usize, EditError> {
    items
        .iter()
        .position(hit)
        .ok_or_else(|| EditError::NotFound(id.to_owned()))
}

/// Keeps a position on the chart: finite and within [-1, 1].
fn clamp_axis(v: f64) -> f64 {
    if v.is_finite() {
        v.clamp(-1.0, 1.0)
    } else {
        0.0
    }
}

fn find<'a, T>(
    items: &'a mut [T],
    pred: impl Fn(&T) -> bool,
    id: &str,
) -> Result<&'a mut T, EditError> {
    items
        .iter_mut()
        .find(|x| pred(x))
        .ok_or_else(|| EditError::NotFound(id.to_owned()))
}

fn free(s: &Scenario, id: &str) -> Result<(), EditError> {
    if s.all_ids().any(|x| x == id) {
        Err(EditError::DuplicateId(id.to_owned()))
    } else {
        Ok(())
    }
}

fn delete(s: &mut Scenario, id: &EntityId) -> Result<(), EditError> {
    delete_in_working_copy(s, id)?;
    if !matches!(id, EntityId::Activity(_)) {
        s.forget_in_options(id);
    }
    Ok(())
}

fn delete_in_working_copy(s: &mut Scenario, id: &EntityId) -> Result<(), EditError> {
    let missing = || EditError::NotFound(id.as_str().to_owned());
    match id {
        EntityId::Region(r) => {
            let before = s.host.regions.len();
            s.host.regions.retain(|x| &x.id != r);
            if s.host.regions.len() == before {
                return Err(missing());
            }
            for g in &mut s.groups {
                g.regions.retain(|x| x != r);
            }
            for a in &mut s.activities {
                if a.region.as_ref() == Some(r) {
                    a.region = None;
                }
            }
        }
        EntityId::Group(g) => {
            let before = s.groups.len();
            s.groups.retain(|x| &x.id != g);
            if s.groups.len() == before {
                return Err(missing());
            }
            for a in &mut s.activities {
                a.groups.retain(|x| x != g);
            }
        }
        EntityId::Mission(m) => {
            let before = s.missions.len();
            s.missions.retain(|x| &x.id != m);
            if s.missions.len() == before {
                return Err(missing());
            }
            for other in &mut s.missions {
                if other.predecessor.as_ref() == Some(m) {
                    other.predecessor = None;
                }
                other.intel_sharing.retain(|x| x != m);
            }
            for a in &mut s.activities {
                if a.mission.as_ref() == Some(m) {
                    a.mission = None;
                }
            }
        }
        EntityId::Actor(p) => {
            let before = s.actors.len();
            s.actors.retain(|x| &x.id != p);
            if s.actors.len() == before {
                return Err(missing());
            }
            for m in &mut s.missions {
                m.partners.retain(|x| x != p);
            }
            for a in &mut s.activities {
                a.partners.retain(|x| x != p);
            }
        }
        EntityId::Activity(a) => {
            let before = s.activities.len();
            s.activities.retain(|x| &x.id != a);
            if s.activities.len() == before {
                return Err(missing());
            }
        }
    }
    Ok(())
}

/// Everything in the scenario that refers to an entity, in plain words ("activity 'Raids'
/// (implementing mission)"), so the window can say what deleting it would change.
pub fn references(s: &Scenario, id: &EntityId) -> Vec<String> {
    let mut out = Vec::new();
    match id {
        EntityId::Region(r) => {
            for g in s.groups.iter().filter(|g| g.regions.contains(r)) {
                out.push(format!("crime group '{}' (regions)", g.name));
            }
            for a in s.activities.iter().filter(|a| a.region.as_ref() == Some(r)) {
                out.push(format!("activity '{}' (region)", a.title));
            }
        }
        EntityId::Group(g) => {
            for a in s.activities.iter().filter(|a| a.groups.contains(g)) {
                out.push(format!("activity '{}' (targeted groups)", a.title));
            }
        }
        EntityId::Mission(m) => {
            for other in &s.missions {
                if other.predecessor.as_ref() == Some(m) {
                    out.push(format!("mission '{}' (predecessor)", other.short_name()));
                }
                if other.intel_sharing.contains(m) {
                    out.push(format!(
                        "mission '{}' (intelligence sharing)",
                        other.short_name()
                    ));
                }
            }
            for a in s
                .activities
                .iter()
                .filter(|a| a.mission.as_ref() == Some(m))
            {
                out.push(format!("activity '{}' (implementing mission)", a.title));
            }
        }
        EntityId::Actor(p) => {
            for m in s.missions.iter().filter(|m| m.partners.contains(p)) {
                out.push(format!("mission '{}' (partners)", m.short_name()));
            }
            for a in s.activities.iter().filter(|a| a.partners.contains(p)) {
                out.push(format!("activity '{}' (partners)", a.title));
            }
        }
        EntityId::Activity(_) => {}
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{MissionKind, Organization, YearMonth};

    fn ym(s: &str) -> YearMonth {
        s.parse().unwrap()
    }

    fn scenario() -> Scenario {
        let mut s = Scenario::new("t");
        s.missions
            .push(Mission::new("m1".into(), "One", ym("2000-01")));
        let mut m2 = Mission::new("m2".into(), "Two", ym("2001-01"));
        m2.predecessor = Some("m1".into());
        m2.intel_sharing = vec!["m1".into()];
        m2.kind = MissionKind::Police;
        m2.organization = Organization::Eu;
        s.missions.push(m2);
        let mut a = Activity::new("a1".into(), "Raids", -0.5, 0.5);
        a.mission = Some("m1".into());
        s.activities.push(a);
        s
    }

    #[test]
    fn delete_mission_removes_every_reference() {
        let mut s = scenario();
        let id = EntityId::Mission("m1".into());
        let refs = references(&s, &id);
        assert_eq!(refs.len(), 3, "{refs:?}");
        Edit::Delete(id.clone()).apply(&mut s).unwrap();
        assert!(s.missions.iter().all(|m| m.id.as_str() != "m1"));
        assert_eq!(s.missions[0].predecessor, None);
        assert!(s.missions[0].intel_sharing.is_empty());
        assert_eq!(s.activities[0].mission, None);
        assert!(references(&s, &id).is_empty());
        assert!(crate::model::validate(&s, None).is_empty());
    }

    #[test]
    fn errors_leave_the_scenario_unchanged() {
        let mut s = scenario();
        let before = s.clone();
        let dup = Mission::new("a1".into(), "Clash", ym("2000-01"));
        assert_eq!(
            Edit::AddMission(dup).apply(&mut s),
            Err(EditError::DuplicateId("a1".into()))
        );
        let ghost = Edit::Delete(EntityId::Group("nope".into()));
        assert!(ghost.apply(&mut s).is_err());
        assert_eq!(s, before);
    }

    #[test]
    fn move_clamps_to_the_chart() {
        let mut s = scenario();
        Edit::MoveActivity {
            id: "a1".into(),
            x: 3.0,
            y: f64::NAN,
        }
        .apply(&mut s)
        .unwrap();
        assert_eq!((s.activities[0].x, s.activities[0].y), (1.0, 0.0));
    }
}
