//! Undo and redo by snapshots of the whole scenario, one step per settled change: edits with the
//! same merge key within [`History::MERGE_SECS`] make one step. A switch of the current option
//! is a step of its own that switches back, with no snapshot: it changes no content, and a
//! copy of every option on each switch was most of the window's switch
//! (`options/switch_in_document_1000` in benches/options.rs). Time is passed in, so the history
//! is deterministic and testable.

use super::{OptionId, Scenario};

/// One step back (or forward).
#[derive(Clone, Debug)]
enum Step {
    /// The whole scenario as it was (boxed: a switch step is an id).
    Snapshot(Box<Scenario>),
    /// The option that was current: undoing (or redoing) switches to it.
    Switch(OptionId),
}

/// What an undo or redo did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stepped {
    /// The scenario was replaced by a snapshot; [`History::replaced_by_undo`] (after an undo) or
    /// [`History::replaced_by_redo`] (after a redo) is what it was.
    Replaced,
    /// Only the current option changed.
    Switched,
}

/// Undo and redo stacks.
#[derive(Clone, Debug, Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    last: Option<(String, f64)>,
}

impl History {
    /// Edits with the same key closer together than this (seconds) merge into one step.
    pub const MERGE_SECS: f64 = 1.5;
    /// Steps kept; older ones are forgotten.
    pub const LIMIT: usize = 100;

    /// Records the state before an edit at time `now_secs`.
    pub fn record(&mut self, before: Scenario, merge_key: Option<String>, now_secs: f64) {
        let merges = match (&self.last, &merge_key) {
            (Some((last, t)), Some(key)) => last == key && now_secs - t < Self::MERGE_SECS,
            _ => false,
        };
        if !merges || self.undo.is_empty() {
            self.push_undo(Step::Snapshot(Box::new(before)));
        }
        self.redo.clear();
        self.last = merge_key.map(|k| (k, now_secs));
    }

    /// Records a switch of the current option away from `from` (a step of its own).
    pub fn record_switch(&mut self, from: OptionId) {
        self.push_undo(Step::Switch(from));
        self.redo.clear();
        self.last = None;
    }

    fn push_undo(&mut self, step: Step) {
        self.undo.push(step);
        if self.undo.len() > Self::LIMIT {
            self.undo.remove(0);
        }
    }

    /// Ends merging: the next edit starts a new step even with the same key.
    pub fn seal(&mut self) {
        self.last = None;
    }

    /// Goes back one step; returns what it did, `None` when there was nothing to undo.
    pub fn undo(&mut self, current: &mut Scenario) -> Option<Stepped> {
        self.last = None;
        let (stepped, back) = step(self.undo.pop()?, current)?;
        self.redo.push(back);
        Some(stepped)
    }

    /// Goes forward one step; returns what it did, `None` when there was nothing to redo.
    pub fn redo(&mut self, current: &mut Scenario) -> Option<Stepped> {
        self.last = None;
        let (stepped, back) = step(self.redo.pop()?, current)?;
        self.undo.push(back);
        Some(stepped)
    }

    /// After an undo that replaced the scenario: the scenario as it was before the undo.
    pub fn replaced_by_undo(&self) -> Option<&Scenario> {
        match self.redo.last() {
            Some(Step::Snapshot(s)) => Some(s.as_ref()),
            _ => None,
        }
    }

    /// After a redo that replaced the scenario: the scenario as it was before the redo.
    pub fn replaced_by_redo(&self) -> Option<&Scenario> {
        match self.undo.last() {
            Some(Step::Snapshot(s)) => Some(s.as_ref()),
            _ => None,
        }
    }

    /// Whether there is something to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether there is something to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Forgets everything (a new document).
    pub fn clear(&mut self) {
        *self = Self::default();
    }
}

/// Takes `step` on `current`: what it did, and the step that takes it back. `None` (and the
/// step dropped) when a switch cannot be made, which the edits that led here rule out.
fn step(step: Step, current: &mut Scenario) -> Option<(Stepped, Step)> {
    match step {
        Step::Snapshot(mut s) => {
            std::mem::swap(current, &mut *s);
            Some((Stepped::Replaced, Step::Snapshot(s)))
        }
        Step::Switch(to) => {
            let from = current.current_option.clone()?;
            current.switch_option(&to).ok()?;
            Some((Stepped::Switched, Step::Switch(from)))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typing_merges_and_undo_redo_round_trip() {
        let mut h = History::default();
        let mut s = Scenario::new("a");
        for (i, t) in ["ab", "abc", "abcd"].iter().enumerate() {
            h.record(s.clone(), Some("meta".into()), i as f64 * 0.2);
            s.title = (*t).into();
        }
        h.record(s.clone(), Some("host".into()), 1.0);
        s.host.name = "X".into();
        assert!(h.undo(&mut s).is_some());
        assert_eq!((s.title.as_str(), s.host.name.as_str()), ("abcd", ""));
        assert!(h.undo(&mut s).is_some());
        assert_eq!(s.title, "a");
        assert!(h.undo(&mut s).is_none());
        assert!(h.redo(&mut s).is_some());
        assert!(h.redo(&mut s).is_some());
        assert_eq!((s.title.as_str(), s.host.name.as_str()), ("abcd", "X"));
        assert!(h.redo(&mut s).is_none());
    }

    #[test]
    fn a_switch_step_switches_back_and_forth_and_ends_a_merge() {
        use crate::model::PlanOption;
        let mut s = Scenario::new("a");
        s.activities
            .push(crate::model::Activity::new("x".into(), "X", 0.5, 0.5));
        s.ensure_option();
        let b = PlanOption::duplicate(&s, "b".into(), "B");
        s.options.push(b);
        let first = s.current_option.clone().unwrap();
        let mut h = History::default();
        h.record(s.clone(), Some("meta".into()), 0.0);
        s.title = "t".into();
        h.record_switch(first.clone());
        s.switch_option(&"b".into()).unwrap();
        let switched = s.clone();
        h.record(s.clone(), Some("meta".into()), 0.1);
        s.title = "u".into();
        assert_eq!(
            h.undo(&mut s),
            Some(Stepped::Replaced),
            "not merged across the switch"
        );
        assert_eq!(h.replaced_by_undo().map(|x| x.title.as_str()), Some("u"));
        assert_eq!(h.undo(&mut s), Some(Stepped::Switched));
        assert_eq!(s.current_option.as_ref(), Some(&first));
        assert_eq!(h.undo(&mut s), Some(Stepped::Replaced));
        assert_eq!(s.title, "a");
        assert_eq!(h.redo(&mut s), Some(Stepped::Replaced));
        assert_eq!(h.redo(&mut s), Some(Stepped::Switched));
        assert!(s == switched);
    }

    #[test]
    fn same_key_after_a_pause_is_a_new_step() {
        let mut h = History::default();
        let mut s = Scenario::new("a");
        h.record(s.clone(), Some("meta".into()), 0.0);
        s.title = "b".into();
        h.record(s.clone(), Some("meta".into()), 5.0);
        s.title = "c".into();
        assert!(h.undo(&mut s).is_some());
        assert_eq!(s.title, "b");
    }
}
