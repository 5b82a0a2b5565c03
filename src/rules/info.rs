//! Rule titles, explanations and mitigations, from `assets/risks.ron` (embedded).

use std::sync::OnceLock;

use serde::Deserialize;

use super::{Family, RuleId};

/// The risk texts, as shipped.
pub const RISKS_RON: &str = include_str!("../../assets/risks.ron");

/// What the checklist says about a rule.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RiskInfo {
    /// Which rule.
    pub id: RuleId,
    /// Which family it is listed under.
    pub family: Family,
    /// Short title.
    pub title: String,
    /// Paper section, e.g. "§V.6".
    pub section: String,
    /// When it fires and why it matters, thresholds included.
    pub explanation: String,
    /// Suggested mitigations.
    pub mitigations: Vec<String>,
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
        let cat: RiskCatalogue = ron::from_str(text).map_err(|e| RiskInfoError(e.to_string()))?;
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
}
