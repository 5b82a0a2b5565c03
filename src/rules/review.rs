//! Findings joined with the room's checklist state: each current finding with its status and
//! note, and the decisions whose finding no longer fires (shown as resolved, never dropped).

use std::collections::{HashMap, HashSet};

use crate::model::{CheckStatus, FindingKey, FindingState, Scenario};

use super::Finding;

/// A current finding with the room's decision on it.
#[derive(Clone, Debug)]
pub struct ReviewRow<'a> {
    /// The finding.
    pub finding: &'a Finding,
    /// Its key in the checklist.
    pub key: FindingKey,
    /// The room's status (open if undecided).
    pub status: CheckStatus,
    /// The room's note (empty if none).
    pub note: &'a str,
}

/// The checklist as the room sees it.
#[derive(Clone, Debug)]
pub struct Review<'a> {
    /// Current findings, in the rules' order.
    pub rows: Vec<ReviewRow<'a>>,
    /// Decisions on findings that no longer fire: resolved by a change to the scenario.
    pub resolved: Vec<&'a FindingState>,
}

impl<'a> Review<'a> {
    /// Joins findings with the checklist state of the scenario they were found in.
    pub fn new(findings: &'a [Finding], scenario: &'a Scenario) -> Self {
        let checklist = &scenario.checklist;
        let states: HashMap<&FindingKey, &FindingState> =
            checklist.findings.iter().map(|s| (&s.key, s)).collect();
        let rows: Vec<ReviewRow<'a>> = findings
            .iter()
            .map(|finding| {
                let key = finding.key(scenario);
                // No hashing of keys for a checklist without decisions.
                let state = if states.is_empty() {
                    None
                } else {
                    states.get(&key)
                };
                ReviewRow {
                    finding,
                    status: state.map(|s| s.status).unwrap_or_default(),
                    note: state.map(|s| s.note.as_str()).unwrap_or_default(),
                    key,
                }
            })
            .collect();
        let resolved = if checklist.findings.is_empty() {
            Vec::new()
        } else {
            let firing: HashSet<&FindingKey> = rows.iter().map(|r| &r.key).collect();
            checklist
                .findings
                .iter()
                .filter(|s| !firing.contains(&s.key))
                .collect()
        };
        Self { rows, resolved }
    }

    /// How many current findings are still open.
    pub fn open_count(&self) -> usize {
        self.rows
            .iter()
            .filter(|r| r.status == CheckStatus::Open)
            .count()
    }
}
