//! Undo and redo by snapshots of the whole scenario, one step per settled change: edits with the
//! same merge key within [`History::MERGE_SECS`] make one step. Time is passed in, so the
//! history is deterministic and testable.

use super::Scenario;

/// Undo and redo stacks.
#[derive(Clone, Debug, Default)]
pub struct History {
    undo: Vec<Scenario>,
    redo: Vec<Scenario>,
    last: Option<(String, f64)>,
}

impl History {
    /// Edits with the same key closer together than this (seconds) merge into one step.
    pub const MERGE_SECS: f64 = 1.5;
    /// Steps kept; older ones are forgotten.
    pub const LIMIT: usize = 100;

    /// Records the state before an edit at time `now_secs`.
    pub fn record(&mut self, before: &Scenario, merge_key: Option<String>, now_secs: f64) {
        let merges = match (&self.last, &merge_key) {
            (Some((last, t)), Some(key)) => last == key && now_secs - t < Self::MERGE_SECS,
            _ => false,
        };
        if !merges || self.undo.is_empty() {
            self.undo.push(before.clone());
            if self.undo.len() > Self::LIMIT {
                self.undo.remove(0);
            }
        }
        self.redo.clear();
        self.last = merge_key.map(|k| (k, now_secs));
    }

    /// Ends merging: the next edit starts a new step even with the same key.
    pub fn seal(&mut self) {
        self.last = None;
    }

    /// Goes back one step; returns whether there was one.
    pub fn undo(&mut self, current: &mut Scenario) -> bool {
        self.last = None;
        match self.undo.pop() {
            Some(prev) => {
                self.redo.push(std::mem::replace(current, prev));
                true
            }
            None => false,
        }
    }

    /// Goes forward one step; returns whether there was one.
    pub fn redo(&mut self, current: &mut Scenario) -> bool {
        self.last = None;
        match self.redo.pop() {
            Some(next) => {
                self.undo.push(std::mem::replace(current, next));
                true
            }
            None => false,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typing_merges_and_undo_redo_round_trip() {
        let mut h = History::default();
        let mut s = Scenario::new("a");
        for (i, t) in ["ab", "abc", "abcd"].iter().enumerate() {
            h.record(&s, Some("meta".into()), i as f64 * 0.2);
            s.title = (*t).into();
        }
        h.record(&s, Some("host".into()), 1.0);
        s.host.name = "X".into();
        assert!(h.undo(&mut s));
        assert_eq!((s.title.as_str(), s.host.name.as_str()), ("abcd", ""));
        assert!(h.undo(&mut s));
        assert_eq!(s.title, "a");
        assert!(!h.undo(&mut s));
        assert!(h.redo(&mut s));
        assert!(h.redo(&mut s));
        assert_eq!((s.title.as_str(), s.host.name.as_str()), ("abcd", "X"));
        assert!(!h.redo(&mut s));
    }

    #[test]
    fn same_key_after_a_pause_is_a_new_step() {
        let mut h = History::default();
        let mut s = Scenario::new("a");
        h.record(&s, Some("meta".into()), 0.0);
        s.title = "b".into();
        h.record(&s, Some("meta".into()), 5.0);
        s.title = "c".into();
        assert!(h.undo(&mut s));
        assert_eq!(s.title, "b");
    }
}
