//! The open document: the scenario on screen, where it is saved, its undo history, whether it
//! has unsaved changes, and what is derived from it (risk findings, quadrant counts), recomputed
//! once per change rather than every frame. No UI here, so the window's logic is testable alone.
//!
//! The document also holds the room's [`Lens`] (the timeline's date cursor): the findings, the
//! checklist rows and the quadrant counts are those of the board through it, recomputed when the
//! scenario or the lens changes.
//!
//! While an exercise runs, the room sees the plan with the run's delivered injects applied
//! ([`room_board`]): the findings, rows and counts are those of that board.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::compare::OptionSummary;
use crate::io::{LoadError, SaveError, load, save};
use crate::lens::{Board, Lens};
use crate::model::{
    Catalogue, CheckStatus, Edit, EditError, FindingKey, FindingState, History, OptionId,
    PlanOption, Problem, Run, RunId, Scenario, Stepped,
};
use crate::rules::{Finding, Review, evaluate, evaluate_at};

/// A current finding with the room's decision on it (owned, unlike [`Review`]).
#[derive(Clone, Debug, PartialEq)]
pub struct CheckRow {
    /// Index into [`Document::findings`].
    pub finding: usize,
    /// Its checklist key.
    pub key: FindingKey,
    /// The room's status.
    pub status: CheckStatus,
    /// The room's note.
    pub note: String,
}

/// What is derived from the scenario.
#[derive(Clone, Debug, Default)]
struct Derived {
    findings: Vec<Finding>,
    rows: Vec<CheckRow>,
    resolved: Vec<FindingState>,
    open: usize,
    counts: [usize; 4],
    problems: Vec<Problem>,
    /// The own problems of each option that is not current (`model::option_problems`), by id,
    /// kept while neither the base nor the option (its name, mission changes and activities)
    /// changes: an edit or a switch then checks the activities of the options it touches only
    /// (`options/switch_in_document_1000` in benches/options.rs).
    option_problems: HashMap<OptionId, Vec<Problem>>,
    board: Board,
    /// The scenario the room sees, when it is not the scenario itself: the board of the run it
    /// is in (see [`room_board`]), else the current option's with its mission changes applied.
    room: Option<Scenario>,
    /// Why the run's board could not be made (the room then sees the plan).
    room_error: Option<String>,
    options: OptionsDerived,
}

/// What is derived from the mandate options: every option's summary, for the switcher.
#[derive(Clone, Debug, Default)]
struct OptionsDerived {
    summaries: Vec<OptionSummary>,
    /// Each option's open findings and quadrant counts as a plan (all time, outside any run),
    /// by id, as of the last refresh: kept while neither the shared base nor the option
    /// changes, so an edit or a switch reruns the rules on the current option only, not on
    /// every option (`options/switch_in_document_1000` in benches/options.rs). The current
    /// option is missing while a run's board is on screen (its plan was not evaluated).
    plans: HashMap<OptionId, Plan>,
}

/// An option's open findings (all time, with its own checklist) and quadrant counts.
type Plan = (usize, [usize; 4]);

/// What the scenario was before a refresh, for the option summaries to know what to keep.
#[derive(Clone, Copy, Debug)]
enum Before<'a> {
    /// The scenario has not changed (only the replayed step).
    Same,
    /// It was this scenario.
    Was(&'a Scenario),
    /// Only the current option changed: every option's content is as it was.
    Switched,
    /// Unknown (a new document): every option is summarized again.
    Unknown,
}

/// A closed run looked at again, read-only, after its first `steps` deliveries or skips.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Replay {
    /// Which run.
    pub run: RunId,
    /// How many of its deliveries (and skips) have happened on the board.
    pub steps: usize,
}

/// The run the room is in: the one replayed, else the open one (the last open run, if several).
pub fn room_run<'a>(s: &'a Scenario, replay: Option<&Replay>) -> Option<&'a Run> {
    match replay {
        Some(r) => s.runs.iter().find(|x| x.id == r.run),
        None => s.runs.iter().rev().find(|r| r.is_open()),
    }
}

/// The scenario the room sees, when it is not the plan itself: while a run is open, the plan
/// after the injects it delivered (`exercise::run_board`); while a closed run is replayed, after
/// its first steps. `None`: no run, the room sees the plan.
pub fn room_board(
    s: &Scenario,
    replay: Option<&Replay>,
) -> Option<Result<Scenario, crate::exercise::RunError>> {
    let run = room_run(s, replay)?;
    let steps = replay.map_or(usize::MAX, |r| r.steps);
    Some(crate::exercise::run_board_upto(s, &run.id, steps))
}

/// Where the document came from, for the title bar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// A new, never saved scenario.
    New,
    /// A file on disk.
    File(PathBuf),
    /// A reference scenario shipped with PeaceOps (saved elsewhere, never over the original).
    Reference(String),
}

/// The open document.
#[derive(Debug)]
pub struct Document {
    scenario: Scenario,
    origin: Origin,
    saved: Scenario,
    dirty: bool,
    history: History,
    revision: u64,
    derived: Derived,
    lens: Lens,
    /// A closed run replayed, if one is.
    replay: Option<Replay>,
    /// Bumped on every change of the scenario or the lens.
    view_revision: u64,
    /// Bumped on every change of the scenario or of the replayed step: of what the room sees.
    room_revision: u64,
}

impl Document {
    /// A document for a scenario.
    pub fn new(scenario: Scenario, origin: Origin) -> Self {
        let mut doc = Self {
            saved: scenario.clone(),
            scenario,
            origin,
            dirty: false,
            history: History::default(),
            revision: 0,
            derived: Derived::default(),
            lens: Lens::ALL_TIME,
            replay: None,
            view_revision: 0,
            room_revision: 0,
        };
        doc.refresh(Before::Unknown);
        doc
    }

    /// A document whose scenario has never been saved as it is (restored from a recovery copy):
    /// it starts with unsaved changes.
    pub fn unsaved(scenario: Scenario, origin: Origin) -> Self {
        let mut doc = Self::new(scenario, origin);
        doc.saved = Scenario::new("");
        doc.dirty = doc.scenario != doc.saved;
        doc
    }

    /// A document restored from a recovery copy on top of what its file holds: the restored
    /// work is one undo step away from `on_disk` (the file as it is now, or `None` when there is
    /// no file), and counts as unsaved.
    pub fn restored(on_disk: Option<Scenario>, restored: Scenario, origin: Origin) -> Self {
        let Some(on_disk) = on_disk else {
            return Self::unsaved(restored, origin);
        };
        let mut doc = Self::new(on_disk, origin);
        if doc.scenario != restored {
            doc.history.record(doc.scenario.clone(), None, 0.0);
            doc.history.seal();
            doc.scenario = restored;
            doc.changed(Before::Unknown);
        }
        doc
    }

    /// Opens a file.
    pub fn open(path: &Path) -> Result<Self, LoadError> {
        Ok(Self::new(load(path)?, Origin::File(path.to_owned())))
    }

    /// The scenario.
    pub fn scenario(&self) -> &Scenario {
        &self.scenario
    }

    /// Where it came from.
    pub fn origin(&self) -> &Origin {
        &self.origin
    }

    /// The file it saves to, if any.
    pub fn path(&self) -> Option<&Path> {
        match &self.origin {
            Origin::File(p) => Some(p),
            _ => None,
        }
    }

    /// The name for the title bar: the file name, or the scenario title for unsaved ones.
    pub fn display_name(&self) -> String {
        match &self.origin {
            Origin::File(p) => p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| p.display().to_string()),
            Origin::Reference(name) => format!("{name} (reference, not saved)"),
            Origin::New => format!("{} (not saved)", self.scenario.title),
        }
    }

    /// The few words the status bar shows about saving (short: it shares the bar with messages
    /// at any zoom); [`Self::save_state_hint`] says more.
    pub fn save_state(&self) -> &'static str {
        match (self.is_dirty(), self.origin()) {
            (true, Origin::Reference(_)) => "Unsaved copy of a reference",
            (true, _) => "Unsaved changes",
            (false, Origin::Reference(_)) => "Reference copy (Save as… to keep)",
            (false, Origin::New) => "Not saved yet",
            (false, Origin::File(_)) => "All changes saved",
        }
    }

    /// What [`Self::save_state`] means, for a hover.
    pub fn save_state_hint(&self) -> &'static str {
        match self.origin() {
            Origin::Reference(_) => {
                "A shipped reference scenario opens as a copy and is never saved over: Save as… to keep your changes in a file of your own."
            }
            Origin::New => "This scenario has no file yet: Save as… to keep it.",
            Origin::File(_) => "Whether everything on screen is in the file (Ctrl+S saves).",
        }
    }

    /// Whether there are changes since the last load or save.
    pub fn is_dirty(&self) -> bool {
        self.dirty
    }

    /// Bumped on every change; views cache what they derive by it.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Bumped on every change of the scenario or of the lens: views that show the board
    /// through the lens cache by it.
    pub fn view_revision(&self) -> u64 {
        self.view_revision
    }

    /// Bumped on every change of the scenario or of the step a replay is at: views that show
    /// [`Self::room`] whatever the lens (the timeline) cache by it.
    pub fn room_revision(&self) -> u64 {
        self.room_revision
    }

    /// How the room looks at the scenario (all time, or as of a month).
    pub fn lens(&self) -> Lens {
        self.lens
    }

    /// Looks through another lens: the findings, rows and counts become those of its board.
    /// Not an edit: no undo step, the file does not change.
    pub fn set_lens(&mut self, lens: Lens) {
        if lens != self.lens {
            self.lens = lens;
            self.view_revision += 1;
            self.relens();
        }
    }

    /// Every option's name, open findings (all time) and quadrant counts, in the scenario's
    /// order, for the option switcher; computed when the scenario changes.
    pub fn option_summaries(&self) -> &[OptionSummary] {
        &self.derived.options.summaries
    }

    /// The scenario as the room sees it: the board of the run it is in (see [`room_board`]), else
    /// the current option with its mission changes applied (the scenario itself when it has
    /// none). Findings, rows and counts are of this scenario: read a finding's entities and
    /// sentence, and index missions, against it.
    pub fn room(&self) -> &Scenario {
        self.derived.room.as_ref().unwrap_or(&self.scenario)
    }

    /// The run the room is in (replayed, else open), if any.
    pub fn room_run(&self) -> Option<&Run> {
        room_run(&self.scenario, self.replay.as_ref())
    }

    /// Why the run's board could not be made, if it could not (the room sees the plan).
    pub fn room_error(&self) -> Option<&str> {
        self.derived.room_error.as_deref()
    }

    /// The closed run replayed, if one is.
    pub fn replay(&self) -> Option<&Replay> {
        self.replay.as_ref()
    }

    /// Replays a closed run (read-only) up to a step, or stops replaying. Not an edit.
    pub fn set_replay(&mut self, replay: Option<Replay>) {
        if replay != self.replay {
            self.replay = replay;
            self.view_revision += 1;
            self.room_revision += 1;
            self.refresh(Before::Same);
        }
    }

    /// What the lens shows of the scenario (which missions and activities).
    pub fn board(&self) -> &Board {
        &self.derived.board
    }

    /// Applies an edit as one undo step (merged with the previous one when they share a key and
    /// follow within a second and a half). `now_secs` is the UI clock.
    pub fn apply(&mut self, edit: Edit, now_secs: f64) -> Result<(), EditError> {
        if let Edit::SwitchOption(to) = &edit {
            // No copy of the scenario: the undo step switches back (see `History`).
            let from = self.scenario.current_option.clone();
            self.scenario.switch_option(to)?;
            if let Some(from) = from
                && self.scenario.current_option.as_ref() != Some(&from)
            {
                self.history.record_switch(from);
                self.changed(Before::Switched);
            }
            return Ok(());
        }
        let key = edit.merge_key();
        let before = self.scenario.clone();
        edit.apply(&mut self.scenario)?;
        if self.scenario != before {
            self.changed(Before::Was(&before));
            self.history.record(before, key, now_secs);
        }
        Ok(())
    }

    /// Ends the current merge: the next edit is its own undo step.
    pub fn seal_undo_step(&mut self) {
        self.history.seal();
    }

    /// Undoes one step; returns whether there was one.
    pub fn undo(&mut self) -> bool {
        let stepped = self.history.undo(&mut self.scenario);
        self.stepped(stepped, History::replaced_by_undo)
    }

    /// Redoes one step; returns whether there was one.
    pub fn redo(&mut self) -> bool {
        let stepped = self.history.redo(&mut self.scenario);
        self.stepped(stepped, History::replaced_by_redo)
    }

    /// After an undo or redo: what changed, compared with what it replaced (kept in the
    /// history), so the option summaries are kept for the options the step does not touch.
    fn stepped(
        &mut self,
        stepped: Option<Stepped>,
        replaced: fn(&History) -> Option<&Scenario>,
    ) -> bool {
        match stepped {
            None => false,
            Some(Stepped::Switched) => {
                self.changed(Before::Switched);
                true
            }
            Some(Stepped::Replaced) => {
                let history = std::mem::take(&mut self.history);
                self.changed(replaced(&history).map_or(Before::Unknown, Before::Was));
                self.history = history;
                true
            }
        }
    }

    /// Whether there is something to undo.
    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    /// Whether there is something to redo.
    pub fn can_redo(&self) -> bool {
        self.history.can_redo()
    }

    /// Saves to `path` (atomically); the document then belongs to that file.
    pub fn save_to(&mut self, path: &Path) -> Result<(), SaveError> {
        save(path, &self.scenario)?;
        self.saved = self.scenario.clone();
        self.origin = Origin::File(path.to_owned());
        self.dirty = false;
        Ok(())
    }

    /// Current findings, in the rules' order.
    pub fn findings(&self) -> &[Finding] {
        &self.derived.findings
    }

    /// Current findings with the room's decisions.
    pub fn check_rows(&self) -> &[CheckRow] {
        &self.derived.rows
    }

    /// Decisions whose finding no longer fires at any time (as of a month, a decision whose
    /// finding does not hold then is kept aside, not resolved).
    pub fn resolved(&self) -> &[FindingState] {
        &self.derived.resolved
    }

    /// How many current findings are open.
    pub fn open_findings(&self) -> usize {
        self.derived.open
    }

    /// Validation problems of the scenario (dangling references, dates, positions...), warnings
    /// included.
    pub fn problems(&self) -> &[Problem] {
        &self.derived.problems
    }

    /// How many of the problems are errors (not warnings).
    pub fn error_count(&self) -> usize {
        self.derived
            .problems
            .iter()
            .filter(|p| p.is_error())
            .count()
    }

    /// Activities per quadrant, in `Quadrant::ALL` order: all of them for all time, else those
    /// under way in the lens's month.
    pub fn quadrant_counts(&self) -> [usize; 4] {
        self.derived.counts
    }

    fn changed(&mut self, before: Before<'_>) {
        if let Some(r) = &self.replay
            && !self.scenario.runs.iter().any(|x| x.id == r.run)
        {
            self.replay = None;
        }
        self.revision += 1;
        self.view_revision += 1;
        self.room_revision += 1;
        // The current option first: after a switch away from the saved one, the whole
        // comparison need not run (`options/switch_in_document_1000`, benches/options.rs).
        self.dirty = self.scenario.current_option != self.saved.current_option
            || self.scenario != self.saved;
        self.refresh(before);
    }

    /// After a change of the scenario (or of the replayed step): everything.
    fn refresh(&mut self, before: Before<'_>) {
        let s = &self.scenario;
        let old = std::mem::take(&mut self.derived.option_problems);
        let base_same = same_base_as(before, s);
        let mut kept = HashMap::with_capacity(s.options.len());
        self.derived.problems =
            crate::cli::all_problems_with(s, Catalogue::builtin().ok(), &[], &mut |o| {
                let problems = match old.get(&o.id) {
                    Some(p) if base_same && same_option_as(before, o, true) => p.clone(),
                    _ => crate::model::option_problems(s, o),
                };
                kept.insert(o.id.clone(), problems.clone());
                problems
            });
        self.derived.option_problems = kept;
        let in_run;
        (self.derived.room, self.derived.room_error, in_run) =
            match room_board(&self.scenario, self.replay.as_ref()) {
                Some(Ok(board)) => (Some(board), None, true),
                found => (
                    match self.scenario.board_scenario() {
                        std::borrow::Cow::Owned(board) => Some(board),
                        std::borrow::Cow::Borrowed(_) => None,
                    },
                    found.and_then(Result::err).map(|e| e.to_string()),
                    false,
                ),
            };
        // The room's summary (all time), for the switcher's line of the current option.
        let mut room_plan = None;
        if !self.lens.is_all_time() {
            // The resolved decisions are those of all time, whatever the month: found once per
            // change of the scenario, not per move of the cursor.
            let room = self.room();
            let all_time = evaluate(room);
            let review = Review::new(&all_time, room);
            room_plan = Some((review.open_count(), room.quadrant_counts()));
            let resolved = review.resolved.iter().map(|s| (*s).clone()).collect();
            self.derived.resolved = resolved;
        }
        self.relens();
        let room_plan = room_plan.unwrap_or((self.derived.open, self.derived.counts));
        self.summarize_options(before, room_plan, in_run);
    }

    /// After a change of the scenario: each option's summary. The current one's is the room's
    /// (`room_plan`, found by `refresh`); another's is kept from the last refresh when neither
    /// the base nor the option changed since `before`, else found on its own board.
    fn summarize_options(&mut self, before: Before<'_>, room_plan: Plan, in_run: bool) {
        let s = &self.scenario;
        let old = std::mem::take(&mut self.derived.options.plans);
        let base_same = same_base_as(before, s);
        let mut plans = HashMap::with_capacity(s.options.len());
        let summaries = s
            .options
            .iter()
            .map(|o| {
                let (open, counts) = if s.is_current(&o.id) {
                    if !in_run {
                        plans.insert(o.id.clone(), room_plan);
                    }
                    room_plan
                } else {
                    let kept = old
                        .get(&o.id)
                        .filter(|_| base_same && same_option_as(before, o, false));
                    let plan = match kept {
                        Some(plan) => *plan,
                        None => match s.option_scenario(&o.id) {
                            Ok(board) => {
                                let findings = evaluate(&board);
                                let open = Review::new(&findings, &board).open_count();
                                (open, board.quadrant_counts())
                            }
                            Err(_) => (0, [0; 4]),
                        },
                    };
                    plans.insert(o.id.clone(), plan);
                    plan
                };
                OptionSummary {
                    id: o.id.clone(),
                    name: o.name.clone(),
                    open,
                    counts,
                }
            })
            .collect();
        self.derived.options = OptionsDerived { summaries, plans };
    }

    /// After a change of the lens: what the lens shows (of the current option's board).
    fn relens(&mut self) {
        let options = std::mem::take(&mut self.derived.options);
        let room = self.derived.room.as_ref().unwrap_or(&self.scenario);
        let findings = evaluate_at(room, &self.lens);
        let review = Review::new(&findings, room);
        // As of a month, `resolved` stays the all-time list found by `refresh` (or by the last
        // all-time look, if the scenario has not changed since).
        if self.lens.is_all_time() {
            self.derived.resolved = review.resolved.iter().map(|s| (*s).clone()).collect();
        }
        let open = review.open_count();
        // The review's keys are moved, not copied: made once per finding, they were a tenth of
        // `options/switch_in_document_1000` (benches/options.rs).
        let rows = review
            .rows
            .into_iter()
            .enumerate()
            .map(|(i, r)| CheckRow {
                finding: i,
                key: r.key,
                status: r.status,
                note: r.note.to_owned(),
            })
            .collect();
        let board = Board::new(room, self.lens);
        self.derived = Derived {
            options,
            room: self.derived.room.take(),
            room_error: self.derived.room_error.take(),
            rows,
            resolved: std::mem::take(&mut self.derived.resolved),
            open,
            counts: board.counts,
            problems: std::mem::take(&mut self.derived.problems),
            option_problems: std::mem::take(&mut self.derived.option_problems),
            findings,
            board,
        };
    }
}

/// Whether two scenarios share the base an option's summary is found on: everything but the
/// options' activities, checklists and entries. Runs and injects are left out: no rule reads
/// them, and an exercise's deliveries would otherwise summarize every option again.
fn same_base(a: &Scenario, b: &Scenario) -> bool {
    // The short lists first: an edit of the working copy changes none of them.
    a.host == b.host
        && a.missions == b.missions
        && a.groups == b.groups
        && a.actors == b.actors
        && a.timeline == b.timeline
        && a.milestones == b.milestones
        && a.format_version == b.format_version
        && a.title == b.title
        && a.description == b.description
}

/// Whether the scenario has the base it had `before` (see [`same_base`]).
fn same_base_as(before: Before<'_>, s: &Scenario) -> bool {
    match before {
        Before::Same | Before::Switched => true,
        Before::Was(b) => same_base(b, s),
        Before::Unknown => false,
    }
}

/// Whether an option (not current in its scenario) has the activities, checklist and mission
/// changes it had `before`, where it may have been the current one (the working copy); with
/// `named`, also its name (in its problems' locations). Its rationale and sources change
/// neither its summary nor its problems.
fn same_option_as(before: Before<'_>, o: &PlanOption, named: bool) -> bool {
    let before = match before {
        Before::Same | Before::Switched => return true,
        Before::Unknown => return false,
        Before::Was(b) => b,
    };
    let Some(was) = before.option(&o.id) else {
        return false;
    };
    (!named || was.name == o.name)
        && was.missions == o.missions
        && before.option_checklist(was) == &o.checklist
        && before.option_activities(was) == o.activities.as_slice()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Activity, CheckStatus};

    #[test]
    fn edits_undo_and_dirty_state() {
        let mut doc = Document::new(Scenario::new("t"), Origin::New);
        assert!(!doc.is_dirty());
        let a = Activity::new("a1".into(), "Raids", -0.5, 0.5);
        doc.apply(Edit::AddActivity(a), 0.0).unwrap();
        assert!(doc.is_dirty());
        assert_eq!(doc.quadrant_counts()[0], 1);
        assert!(doc.undo());
        assert!(!doc.is_dirty(), "back to the saved state");
        assert_eq!(doc.quadrant_counts()[0], 0);
        assert!(doc.redo());
        assert!(doc.is_dirty());
    }

    #[test]
    fn the_lens_changes_rows_and_counts_and_decisions_are_shared_across_dates() {
        use crate::model::{Mission, YearMonth};
        let ym = |t: &str| t.parse::<YearMonth>().unwrap();
        let mut s = Scenario::new("t");
        s.missions
            .push(Mission::new("m".into(), "M", ym("2000-01")));
        let mut a = Activity::new("a1".into(), "Raids", -0.5, 0.5);
        a.mission = Some("m".into());
        a.start = Some(ym("2003-01"));
        s.activities.push(a);
        let mut doc = Document::new(s, Origin::New);
        let all = doc.check_rows().to_vec();
        assert!(!all.is_empty());
        let key = all[0].key.clone();
        doc.apply(
            Edit::SetFinding {
                key: key.clone(),
                status: CheckStatus::Mitigated,
                note: "n".into(),
            },
            0.0,
        )
        .unwrap();
        let revision = doc.revision();
        doc.set_lens(Lens::at(ym("2001-01")));
        assert_eq!(doc.revision(), revision, "a lens is not an edit");
        assert!(!doc.is_dirty() || doc.can_undo());
        assert_eq!(doc.quadrant_counts(), [0; 4], "nothing under way in 2001");
        assert!(
            doc.resolved().is_empty(),
            "a decision on a finding that does not hold yet is not resolved"
        );
        doc.set_lens(Lens::at(ym("2004-01")));
        assert_eq!(doc.quadrant_counts().iter().sum::<usize>(), 1);
        let row = doc.check_rows().iter().find(|r| r.key == key);
        if let Some(row) = row {
            assert_eq!(
                row.status,
                CheckStatus::Mitigated,
                "same key, same decision"
            );
        }
        doc.set_lens(Lens::ALL_TIME);
        assert_eq!(doc.check_rows().len(), all.len());
    }

    #[test]
    fn an_open_run_shows_its_board_and_a_replay_steps_through_a_closed_one() {
        use crate::model::{Run, WallTime};
        let text = include_str!("../scenarios/kosovo-exercise.ron");
        let s = crate::io::parse(text, Path::new("kosovo-exercise.ron")).unwrap();
        // The inject that adds a group: its findings name an entity the plan does not have.
        let adds = s
            .injects
            .iter()
            .find(|i| {
                i.effects
                    .iter()
                    .any(|e| matches!(e, crate::model::Effect::AddGroup(_)))
            })
            .unwrap()
            .clone();
        let mut doc = Document::new(s.clone(), Origin::New);
        let plan_rows = doc.check_rows().to_vec();
        let run = RunId::from("r1");
        doc.apply(Edit::StartRun(Run::new("r1", "A", WallTime(0))), 0.0)
            .unwrap();
        assert_eq!(doc.check_rows(), &plan_rows[..], "nothing delivered yet");
        let edit =
            crate::exercise::delivery_edit(doc.scenario(), &run, &adds, WallTime(1)).unwrap();
        doc.apply(edit, 1.0).unwrap();
        let board = crate::exercise::run_board(doc.scenario(), &run).unwrap();
        assert!(doc.room() == &board, "the room sees the run's board");
        assert_eq!(doc.scenario().groups, s.groups, "the plan is unchanged");
        let want: Vec<FindingKey> = evaluate(&board).iter().map(|f| f.key(&board)).collect();
        let got: Vec<FindingKey> = doc.check_rows().iter().map(|r| r.key.clone()).collect();
        assert_eq!(got, want, "findings resolved against the board");
        assert_ne!(doc.check_rows(), &plan_rows[..]);
        // Every finding's sentence can be said on the board it came from.
        for f in doc.findings() {
            let _ = f.message(doc.room());
        }
        doc.apply(
            Edit::EndRun {
                run: run.clone(),
                when: WallTime(2),
            },
            2.0,
        )
        .unwrap();
        assert_eq!(
            doc.check_rows(),
            &plan_rows[..],
            "a closed run leaves the plan"
        );
        doc.set_replay(Some(Replay {
            run: run.clone(),
            steps: 1,
        }));
        assert!(
            doc.room().groups == board.groups,
            "replayed to its first step"
        );
        doc.set_replay(Some(Replay { run, steps: 0 }));
        assert_eq!(doc.check_rows(), &plan_rows[..]);
        assert!(doc.undo(), "the end of the run is one step");
        assert!(doc.replay().is_some());
        doc.set_replay(None);
        assert!(doc.room() == &board, "open again: the run's board");
    }

    #[test]
    fn finding_status_shows_in_rows() {
        let mut doc = Document::new(Scenario::new("t"), Origin::New);
        doc.apply(
            Edit::AddActivity(Activity::new("a1".into(), "Raids", -0.5, 0.5)),
            0.0,
        )
        .unwrap();
        let row = doc
            .check_rows()
            .first()
            .cloned()
            .expect("an activity alone fires some rule");
        doc.apply(
            Edit::SetFinding {
                key: row.key.clone(),
                status: CheckStatus::Accepted,
                note: "ok".into(),
            },
            1.0,
        )
        .unwrap();
        let after = doc.check_rows().iter().find(|r| r.key == row.key).unwrap();
        assert_eq!(
            (after.status, after.note.as_str()),
            (CheckStatus::Accepted, "ok")
        );
    }

    /// The summaries the document keeps are those found from scratch; while a run is on
    /// screen, the current option's is the run's board, so only the others are compared.
    fn assert_summaries_fresh(doc: &Document, what: &str) {
        let want = crate::compare::summaries(doc.scenario());
        let got = doc.option_summaries();
        assert_eq!(got.len(), want.len(), "{what}: one summary per option");
        for (g, w) in got.iter().zip(&want) {
            if doc.room_run().is_some() && doc.scenario().is_current(&w.id) {
                continue;
            }
            assert_eq!(g, w, "{what}: the summary of {:?}", w.id);
        }
        let problems = crate::cli::all_problems(doc.scenario(), Catalogue::builtin().ok());
        assert_eq!(doc.problems(), &problems[..], "{what}: the problems");
    }

    #[test]
    fn another_options_problems_follow_the_base_and_its_name() {
        use crate::model::{CrimeGroup, GroupId, ProblemKind};
        // Opened with two problems in the other option: an activity naming a group the base
        // lacks, and one placed off the chart.
        let mut s = haiti();
        let other = s
            .options
            .iter()
            .find(|o| !s.is_current(&o.id))
            .map(|o| o.id.clone())
            .unwrap();
        let o = s.options.iter_mut().find(|o| o.id == other).unwrap();
        o.activities[0].groups.push(GroupId::from("grp-ghost"));
        o.activities[1].x = 5.0;
        let mut doc = Document::new(s, Origin::New);
        let of_kind = |doc: &Document, kind: ProblemKind| {
            doc.problems()
                .iter()
                .filter(|p| p.kind == kind)
                .map(|p| p.location.clone())
                .collect::<Vec<_>>()
        };
        assert_summaries_fresh(&doc, "opened");
        let dangling = of_kind(&doc, ProblemKind::DanglingReference);
        assert!(
            dangling.iter().any(|l| l.contains(other.as_str())),
            "the other option's activity names a missing group: {dangling:?}"
        );
        // A base edit resolves the other option's reference.
        let group = CrimeGroup::new(GroupId::from("grp-ghost"), "Ghost");
        doc.apply(Edit::AddGroup(group), 0.0).unwrap();
        assert_summaries_fresh(&doc, "a group added to the base");
        assert!(
            of_kind(&doc, ProblemKind::DanglingReference)
                .iter()
                .all(|l| !l.contains(other.as_str()))
        );
        // The other option's name is in its problems' places.
        doc.apply(
            Edit::RenameOption {
                id: other.clone(),
                name: "Renamed plan".into(),
            },
            10.0,
        )
        .unwrap();
        assert_summaries_fresh(&doc, "the other option renamed");
        let off_chart = of_kind(&doc, ProblemKind::PositionOutOfRange);
        assert!(
            off_chart.iter().any(|l| l.contains("Renamed plan")),
            "{off_chart:?}"
        );
        doc.apply(Edit::SwitchOption(other), 20.0).unwrap();
        assert_summaries_fresh(&doc, "switched to it");
        assert!(doc.undo());
        assert_summaries_fresh(&doc, "the switch undone");
        assert!(doc.undo() && doc.undo());
        assert_summaries_fresh(&doc, "back to the start");
        assert!(!of_kind(&doc, ProblemKind::DanglingReference).is_empty());
    }

    fn haiti() -> Scenario {
        let text = include_str!("../scenarios/haiti-minustah.ron");
        crate::io::parse(text, Path::new("haiti-minustah.ron")).unwrap()
    }

    fn other_option(doc: &Document) -> OptionId {
        let s = doc.scenario();
        s.options
            .iter()
            .find(|o| !s.is_current(&o.id))
            .map(|o| o.id.clone())
            .unwrap()
    }

    #[test]
    fn a_switch_is_undone_and_redone_exactly_and_keeps_the_steps_around_it() {
        let mut doc = Document::new(haiti(), Origin::New);
        let opened = doc.scenario().clone();
        let a = doc.scenario().activities[0].id.clone();
        let moved = Edit::MoveActivity {
            id: a,
            x: 0.9,
            y: -0.9,
        };
        doc.apply(moved, 0.0).unwrap();
        let before = doc.scenario().clone();
        let other = other_option(&doc);
        doc.apply(Edit::SwitchOption(other.clone()), 10.0).unwrap();
        let switched = doc.scenario().clone();
        assert_eq!(doc.scenario().current_option.as_ref(), Some(&other));
        assert!(doc.undo());
        assert!(doc.scenario() == &before, "the switch undone, exactly");
        assert_eq!(
            doc.findings(),
            Document::new(before.clone(), Origin::New).findings()
        );
        assert!(doc.redo());
        assert!(doc.scenario() == &switched, "the switch redone, exactly");
        assert!(doc.undo() && doc.undo());
        assert!(doc.scenario() == &opened, "and the move before it undone");
        assert!(!doc.is_dirty());
        // A switch to the current option is no step.
        let current = doc.scenario().current_option.clone().unwrap();
        doc.apply(Edit::SwitchOption(current), 20.0).unwrap();
        assert!(!doc.can_undo());
        // An unknown option is an error and changes nothing.
        assert!(
            doc.apply(Edit::SwitchOption("nowhere".into()), 30.0)
                .is_err()
        );
        assert!(doc.scenario() == &opened);
    }

    #[test]
    fn option_summaries_after_each_kind_of_edit_are_found_again() {
        use crate::model::{Capability, MissionChange, MissionId};
        let mut doc = Document::new(haiti(), Origin::New);
        assert_summaries_fresh(&doc, "opened");
        let a = doc.scenario().activities[0].id.clone();
        doc.apply(
            Edit::MoveActivity {
                id: a,
                x: 0.9,
                y: -0.9,
            },
            0.0,
        )
        .unwrap();
        assert_summaries_fresh(&doc, "an activity of the current option moved");
        let before = doc.option_summaries().to_vec();
        let other = other_option(&doc);
        doc.apply(Edit::SwitchOption(other.clone()), 10.0).unwrap();
        assert_summaries_fresh(&doc, "switched");
        assert_eq!(
            doc.option_summaries(),
            &before[..],
            "a switch changes no summary"
        );
        assert!(doc.undo());
        assert_summaries_fresh(&doc, "the switch undone");
        assert!(doc.redo());
        assert_summaries_fresh(&doc, "the switch redone");
        // An edit of the base changes the other options' summaries too.
        let before = doc.option_summaries().to_vec();
        let mut m = doc
            .scenario()
            .mission(&MissionId::from("minustah"))
            .unwrap()
            .clone();
        m.capabilities.retain(|c| *c != Capability::Analysis);
        m.end = None;
        doc.apply(Edit::UpdateMission(m), 20.0).unwrap();
        assert_summaries_fresh(&doc, "a mission of the base changed");
        assert_ne!(doc.option_summaries(), &before[..]);
        let row = doc.check_rows()[0].key.clone();
        doc.apply(
            Edit::SetFinding {
                key: row,
                status: CheckStatus::Accepted,
                note: "n".into(),
            },
            30.0,
        )
        .unwrap();
        assert_summaries_fresh(&doc, "a checklist decision in the current option");
        // Back to the first option: the decision goes with the option it was made in.
        doc.apply(Edit::SwitchOption(other_option(&doc)), 40.0)
            .unwrap();
        assert_summaries_fresh(&doc, "switched after a decision");
        doc.apply(
            Edit::RenameOption {
                id: other.clone(),
                name: "Renamed".into(),
            },
            50.0,
        )
        .unwrap();
        assert_summaries_fresh(&doc, "an option renamed");
        doc.apply(
            Edit::SetMissionChanges {
                option: other.clone(),
                changes: vec![MissionChange::Leave(MissionId::from("minujusth"))],
            },
            60.0,
        )
        .unwrap();
        assert_summaries_fresh(&doc, "another option's mission changes");
        let ids = vec![doc.scenario().activities[1].id.clone()];
        doc.apply(
            Edit::CopyActivities {
                ids,
                to: other.clone(),
                remove: true,
            },
            70.0,
        )
        .unwrap();
        assert_summaries_fresh(&doc, "an activity moved to another option");
        doc.set_lens(Lens::at("2010-01".parse().unwrap()));
        doc.apply(Edit::SwitchOption(other), 80.0).unwrap();
        assert_summaries_fresh(&doc, "switched as of a month");
        doc.apply(Edit::DeleteOption(other_option(&doc)), 90.0)
            .unwrap();
        assert_summaries_fresh(&doc, "an option deleted");
        assert!(doc.undo());
        assert_summaries_fresh(&doc, "the delete undone");
    }

    /// A small deterministic generator for the edit sequences below.
    struct Lcg(u64);

    impl Lcg {
        fn below(&mut self, n: usize) -> usize {
            self.0 = self
                .0
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            ((self.0 >> 33) % n.max(1) as u64) as usize
        }
    }

    /// One edit of many kinds, picked at random; errors (an option that cannot be deleted, an
    /// id already taken) are fine: the document is then unchanged.
    fn random_step(doc: &mut Document, rng: &mut Lcg, step: usize) {
        use crate::model::{
            EntityId, MissionChange, MissionId, PlanOption, Run, WallTime, YearMonth,
        };
        let now = step as f64 * 10.0;
        let s = doc.scenario().clone();
        let option = |rng: &mut Lcg| s.options[rng.below(s.options.len())].id.clone();
        let edit = match rng.below(16) {
            0 | 1 if !s.activities.is_empty() => {
                let a = &s.activities[rng.below(s.activities.len())];
                Edit::MoveActivity {
                    id: a.id.clone(),
                    x: rng.below(21) as f64 / 10.0 - 1.0,
                    y: rng.below(21) as f64 / 10.0 - 1.0,
                }
            }
            2 | 3 => Edit::SwitchOption(option(rng)),
            4 => {
                doc.undo();
                return;
            }
            5 => {
                doc.redo();
                return;
            }
            6 => {
                let mut m = s.missions[rng.below(s.missions.len())].clone();
                m.end = m.end.map(|e| YearMonth::from_index(e.index() - 12));
                m.capabilities.pop();
                Edit::UpdateMission(m)
            }
            7 if !doc.check_rows().is_empty() => {
                let rows = doc.check_rows();
                Edit::SetFinding {
                    key: rows[rng.below(rows.len())].key.clone(),
                    status: [
                        CheckStatus::Accepted,
                        CheckStatus::Mitigated,
                        CheckStatus::Open,
                    ][rng.below(3)],
                    note: String::new(),
                }
            }
            8 => Edit::RenameOption {
                id: option(rng),
                name: format!("Option {step}"),
            },
            9 => Edit::AddOption(PlanOption::duplicate(
                &s,
                OptionId::from(format!("o{step}").as_str()),
                format!("Copy {step}"),
            )),
            10 => Edit::DeleteOption(option(rng)),
            11 => Edit::MoveOption {
                id: option(rng),
                to: rng.below(s.options.len()),
            },
            12 if !s.activities.is_empty() => Edit::CopyActivities {
                ids: vec![s.activities[rng.below(s.activities.len())].id.clone()],
                to: option(rng),
                remove: rng.below(2) == 0,
            },
            13 => Edit::SetMissionChanges {
                option: option(rng),
                changes: if rng.below(2) == 0 {
                    Vec::new()
                } else {
                    vec![MissionChange::Leave(MissionId::from("minujusth"))]
                },
            },
            14 => match doc.room_run() {
                Some(r) => Edit::EndRun {
                    run: r.id.clone(),
                    when: WallTime(step as u64),
                },
                None => Edit::StartRun(Run::new(&format!("r{step}"), "A", WallTime(0))),
            },
            15 => {
                doc.set_lens(if doc.lens().is_all_time() {
                    Lens::at("2008-01".parse().unwrap())
                } else {
                    Lens::ALL_TIME
                });
                return;
            }
            _ => Edit::Delete(EntityId::Group(
                s.groups[rng.below(s.groups.len())].id.clone(),
            )),
        };
        let _ = doc.apply(edit, now);
    }

    #[test]
    fn option_summaries_stay_those_found_again_through_random_edits() {
        let mut others_changed = 0;
        for seed in 0..6 {
            let mut rng = Lcg(seed);
            let mut doc = Document::new(haiti(), Origin::New);
            for step in 0..60 {
                let before = doc.option_summaries().to_vec();
                random_step(&mut doc, &mut rng, step);
                assert_summaries_fresh(&doc, &format!("seed {seed}, step {step}"));
                // Whether the edits reached options other than the current one at all: the
                // test is worth something only if they did.
                let s = doc.scenario();
                others_changed += doc
                    .option_summaries()
                    .iter()
                    .filter(|o| !s.is_current(&o.id))
                    .filter(|o| {
                        before
                            .iter()
                            .any(|b| b.id == o.id && (b.open, b.counts) != (o.open, o.counts))
                    })
                    .count();
            }
        }
        assert!(
            others_changed >= 5,
            "the edits reached the other options only {others_changed} times"
        );
    }
}
