//! Milestones: dated events of the scenario's story (format version 3), drawn on the timeline
//! as markers, e.g. "2008-02 declaration of independence".

use serde::{Deserialize, Serialize};

use super::{Claim, YearMonth};

/// A dated event with a label, such as a declaration, an election or a Security Council
/// resolution; the timeline marks it, the rules do not read it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Milestone {
    /// The month it happened (or is planned).
    pub at: YearMonth,
    /// What happened, in a few words.
    pub label: String,
    /// Where the date and the event come from (paper, general knowledge or invented).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Claim>,
}

impl Milestone {
    /// A milestone with no sources.
    pub fn new(at: YearMonth, label: impl Into<String>) -> Self {
        Self {
            at,
            label: label.into(),
            sources: Vec::new(),
        }
    }
}
