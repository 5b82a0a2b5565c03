//! Rule titles, explanations and mitigations, from `assets/risks.ron` (embedded).

use std::sync::OnceLock;

use serde::Deserialize;

use super::{Family, Finding, RuleId};
use crate::model::{Claim, Scenario};

/// The risk texts, as shipped.
pub const RISKS_RON: &str = include_str!("../../assets/risks.ron");

/// What the checklist says about a rule.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RiskInfo {
    /// Which rule.
    pub id: RuleId,
    /// Which family it is listed under: the rule table's ([`RuleId::family`]), not written in
    /// the texts.
    #[serde(skip, default = "no_family")]
    pub family: Family,
    /// Short title.
    pub title: String,
    /// Paper section, e.g. "§V.6".
    pub section: String,
    /// Where the checklist lists the rule's findings: 1 first (preconditions such as consent and
    /// minimal security), then do-no-harm risks, then whether the mission can do it, then
    /// coordination. The rule table's ([`RuleId::priority`]), not written in the texts.
    #[serde(skip)]
    pub priority: u8,
    /// Why the rule has its priority, in a sentence.
    pub priority_reason: String,
    /// What the paper says, for a student: the point in own words, one sentence a claim, each
    /// with its section (a sentence that is PeaceOps's own step says so: `Reasoning`).
    pub paper: Vec<Claim>,
    /// How the rule decides (thresholds, tags): shown folded away, after the paper's point.
    pub explanation: String,
    /// Suggested mitigations; placeholders such as `{missions}` in them stand for the finding's
    /// entities (see [`RiskInfo::mitigations_for`]).
    pub mitigations: Vec<String>,
}

impl RiskInfo {
    /// What the paper says as one text, sentence after sentence, without sources.
    pub fn paper_text(&self) -> String {
        let sentences: Vec<&str> = self.paper.iter().map(|c| c.text.as_str()).collect();
        sentences.join(" ")
    }

    /// The mitigations for one finding, their placeholders (`{missions}`, `{groups}`,
    /// `{activities}`, `{actors}`, `{subject}`, each with an optional `|fallback`) filled with
    /// the names of the finding's entities.
    pub fn mitigations_for(&self, finding: &Finding, scenario: &Scenario) -> Vec<String> {
        self.mitigations
            .iter()
            .map(|m| super::text::fill(m, finding, scenario))
            .collect()
    }
}

/// Placeholder until [`RiskCatalogue::parse`] sets the family from the rule table.
fn no_family() -> Family {
    Family::Engaging
}

/// All rule texts.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RiskCatalogue {
    /// One entry per rule.
    pub rules: Vec<RiskInfo>,
}

/// The shipped risk texts could not be read (a build defect, caught by the tests).
#[derive(Clone, Debug, thiserror::Error)]
#[error("the built-in risk texts (assets/risks.ron) are broken: {0}")]
pub struct RiskInfoError(pub String);

impl RiskCatalogue {
    /// Parses risk texts and checks that every rule has exactly one entry.
    pub fn parse(text: &str) -> Result<Self, RiskInfoError> {
        let mut cat: RiskCatalogue =
            ron::from_str(text).map_err(|e| RiskInfoError(e.to_string()))?;
        for info in &mut cat.rules {
            info.family = info.id.family();
            info.priority = info.id.priority();
        }
        for rule in RuleId::ALL {
            let n = cat.rules.iter().filter(|r| r.id == *rule).count();
            if n != 1 {
                return Err(RiskInfoError(format!(
                    "rule {rule} has {n} entries, expected 1"
                )));
            }
        }
        Ok(cat)
    }

    /// The built-in texts, parsed once.
    pub fn builtin() -> Result<&'static RiskCatalogue, RiskInfoError> {
        static CELL: OnceLock<Result<RiskCatalogue, RiskInfoError>> = OnceLock::new();
        CELL.get_or_init(|| RiskCatalogue::parse(RISKS_RON))
            .as_ref()
            .map_err(Clone::clone)
    }

    /// The texts of one rule.
    pub fn get(&self, rule: RuleId) -> Option<&RiskInfo> {
        self.rules.iter().find(|r| r.id == rule)
    }

    /// A rule's priority (1 first); rules without texts come last.
    pub fn priority(&self, rule: RuleId) -> u8 {
        self.get(rule).map_or(u8::MAX, |r| r.priority)
    }
}

/// The name of a priority band, for the checklist's headings.
pub fn priority_label(priority: u8) -> &'static str {
    match priority {
        1 => "Preconditions",
        2 => "Do no harm",
        3 => "Can the missions do it?",
        4 => "Coordination",
        _ => "Other",
    }
}
