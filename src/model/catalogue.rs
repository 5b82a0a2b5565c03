//! The activity catalogue: templates from the paper's examples (§II Figure 1, §III), embedded in
//! the binary from `assets/catalogue.ron`. Adding an activity from a template places it at the
//! template's default position with its kind tags.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::{Activity, ActivityId, ActivityKind, Market, Quadrant, TemplateId};

/// The catalogue text, as shipped.
pub const CATALOGUE_RON: &str = include_str!("../../assets/catalogue.ron");

/// One activity template.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Template {
    /// Stable id, saved in activities made from it.
    pub id: TemplateId,
    /// Title given to new activities.
    pub title: String,
    /// Default position: consequences (−1) … drivers (+1).
    pub x: f64,
    /// Default position: indirect (−1) … direct (+1).
    pub y: f64,
    /// Kind tags given to new activities.
    pub kinds: Vec<ActivityKind>,
    /// Markets it usually targets.
    #[serde(default)]
    pub markets: Vec<Market>,
    /// First line of the explanation: what the activity is.
    pub what: String,
    /// Second line: why it matters or what to watch for.
    pub why: String,
    /// Missions that did it, as named in the paper.
    pub missions: Vec<String>,
    /// The paper section it comes from, e.g. "§III".
    pub section: String,
}

impl Template {
    /// The template's quadrant.
    pub fn quadrant(&self) -> Quadrant {
        Quadrant::of(self.x, self.y)
    }

    /// A new activity from this template.
    pub fn instantiate(&self, id: ActivityId) -> Activity {
        let mut a = Activity::new(id, self.title.clone(), self.x, self.y);
        a.template = Some(self.id.clone());
        a.kinds = self.kinds.clone();
        a.markets = self.markets.clone();
        a
    }

    /// Whether the template matches a search text (title, explanation, missions, tags).
    pub fn matches(&self, query: &str) -> bool {
        let q = query.trim().to_lowercase();
        if q.is_empty() {
            return true;
        }
        q.split_whitespace().all(|word| {
            self.title.to_lowercase().contains(word)
                || self.what.to_lowercase().contains(word)
                || self.why.to_lowercase().contains(word)
                || self
                    .missions
                    .iter()
                    .any(|m| m.to_lowercase().contains(word))
                || self.kinds.iter().any(|k| k.label().contains(word))
        })
    }
}

/// All templates.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalogue {
    /// Templates in display order.
    pub templates: Vec<Template>,
}

/// The shipped catalogue could not be read (a build defect, caught by the tests).
#[derive(Clone, Debug, thiserror::Error)]
#[error("the built-in activity catalogue (assets/catalogue.ron) is broken: {0}")]
pub struct CatalogueError(pub String);

impl Catalogue {
    /// Parses a catalogue.
    pub fn parse(text: &str) -> Result<Self, CatalogueError> {
        ron::from_str(text).map_err(|e| CatalogueError(e.to_string()))
    }

    /// The built-in catalogue, parsed once.
    pub fn builtin() -> Result<&'static Catalogue, CatalogueError> {
        static CELL: OnceLock<Result<Catalogue, CatalogueError>> = OnceLock::new();
        CELL.get_or_init(|| Catalogue::parse(CATALOGUE_RON))
            .as_ref()
            .map_err(Clone::clone)
    }

    /// The template with this id.
    pub fn get(&self, id: &TemplateId) -> Option<&Template> {
        self.templates.iter().find(|t| &t.id == id)
    }
}
