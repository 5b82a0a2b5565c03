//! The room's checklist state: what it decided about each risk finding, and items it added itself.
//! Findings are recomputed from the scenario; only the room's decisions are saved, keyed by rule id
//! and the triggering entities' ids, so they survive unrelated edits.

use serde::{Deserialize, Serialize};

use super::choice::choice;
use super::{Claim, CustomItemId};

choice! {
    /// What the room decided about a finding.
    #[derive(Default)]
    pub enum CheckStatus {
        #[default]
        Open => "open", "Not yet dealt with.";
        Mitigated => "mitigated", "The plan now addresses the risk.";
        Accepted => "accepted", "The room accepts the risk, knowingly.";
        NotApplicable => "not applicable", "The risk does not apply in this case.";
    }
}

/// What identifies a finding across edits: its rule and the sorted ids of the entities it is about.
/// Keys are normalised as they are read (entities sorted, repeats dropped), so a key written by
/// hand in another order still matches its finding.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(from = "KeyAsWritten")]
pub struct FindingKey {
    /// Stable rule id, e.g. `"unregulated-handover"`.
    pub rule: String,
    /// Ids of the entities the finding is about, sorted.
    pub entities: Vec<String>,
}

/// A key as the file has it, before normalising.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct KeyAsWritten {
    rule: String,
    entities: Vec<String>,
}

impl From<KeyAsWritten> for FindingKey {
    fn from(k: KeyAsWritten) -> Self {
        FindingKey::new(k.rule, k.entities)
    }
}

impl FindingKey {
    /// A key; the entity ids are sorted so their order never matters.
    pub fn new(rule: impl Into<String>, mut entities: Vec<String>) -> Self {
        entities.sort();
        entities.dedup();
        Self {
            rule: rule.into(),
            entities,
        }
    }
}

/// The room's decision on one finding.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FindingState {
    /// Which finding.
    pub key: FindingKey,
    /// Open, mitigated, accepted or not applicable.
    #[serde(default)]
    pub status: CheckStatus,
    /// The room's note.
    #[serde(default)]
    pub note: String,
}

/// A checklist item a facilitator added by hand.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CustomItem {
    /// Stable id.
    pub id: CustomItemId,
    /// What to check.
    pub title: String,
    /// Open, mitigated, accepted or not applicable.
    #[serde(default)]
    pub status: CheckStatus,
    /// The room's note.
    #[serde(default)]
    pub note: String,
    /// Where the facts in the note come from, one short claim each (paper, general knowledge,
    /// invented or PeaceOps's reasoning); empty for the room's own. Added after format 2.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Claim>,
}

/// The checklist state saved with a scenario.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Checklist {
    /// Decisions on findings; a decision stays when its finding stops firing.
    pub findings: Vec<FindingState>,
    /// Items added by hand.
    pub custom: Vec<CustomItem>,
}

impl Checklist {
    /// The decision on a finding, if the room made one. Of two decisions on one finding (a
    /// validation problem) the later counts, here as in the checklist the window shows.
    pub fn state(&self, key: &FindingKey) -> Option<&FindingState> {
        self.findings.iter().rfind(|s| &s.key == key)
    }

    /// Records a decision. A decision back to open with no note is removed, so files carry only
    /// what the room actually decided.
    pub fn set(&mut self, key: FindingKey, status: CheckStatus, note: String) {
        let keep = status != CheckStatus::Open || !note.trim().is_empty();
        // The later of duplicates, the one [`Self::state`] and the window show.
        match self.findings.iter().rposition(|s| s.key == key) {
            Some(i) if keep => {
                self.findings[i].status = status;
                self.findings[i].note = note;
            }
            Some(i) => {
                self.findings.remove(i);
            }
            None if keep => self.findings.push(FindingState { key, status, note }),
            None => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_ignores_entity_order() {
        let a = FindingKey::new("r", vec!["b".into(), "a".into()]);
        let b = FindingKey::new("r", vec!["a".into(), "b".into()]);
        assert_eq!(a, b);
    }

    #[test]
    fn keys_are_normalised_on_load() {
        let text = r#"(rule: "r", entities: ["b", "a", "b"])"#;
        let k: FindingKey = ron::from_str(text).unwrap();
        assert_eq!(k, FindingKey::new("r", vec!["a".into(), "b".into()]));
        assert!(ron::from_str::<FindingKey>(r#"(rule: "r", entities: [], x: 1)"#).is_err());
    }

    #[test]
    fn the_later_of_two_decisions_is_shown_and_edited() {
        let k = FindingKey::new("r", vec!["a".into()]);
        let mut c = Checklist {
            findings: vec![
                FindingState {
                    key: k.clone(),
                    status: CheckStatus::Accepted,
                    note: "first".into(),
                },
                FindingState {
                    key: k.clone(),
                    status: CheckStatus::Mitigated,
                    note: "second".into(),
                },
            ],
            custom: Vec::new(),
        };
        assert_eq!(c.state(&k).map(|s| s.note.as_str()), Some("second"));
        c.set(k.clone(), CheckStatus::NotApplicable, "edited".into());
        assert_eq!(c.findings[0].note, "first");
        assert_eq!(c.findings[1].note, "edited");
        assert_eq!(c.state(&k).map(|s| s.note.as_str()), Some("edited"));
    }

    #[test]
    fn set_records_and_clears() {
        let mut c = Checklist::default();
        let k = FindingKey::new("r", vec!["a".into()]);
        c.set(k.clone(), CheckStatus::Mitigated, "done".into());
        assert_eq!(c.state(&k).map(|s| s.status), Some(CheckStatus::Mitigated));
        c.set(k.clone(), CheckStatus::Accepted, "ok".into());
        assert_eq!(c.findings.len(), 1);
        c.set(k.clone(), CheckStatus::Open, String::new());
        assert!(c.state(&k).is_none());
    }
}
