//! The activity catalogue: templates from the paper's examples (§II Figure 1, §III) and
//! recommendations (§VI), embedded in
//! the binary from `assets/catalogue.ron`. Adding an activity from a template places it at the
//! template's default position with its kind tags.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::{
    Activity, ActivityId, ActivityKind, Claim, Component, Market, Mission, Quadrant, TemplateId,
};

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
    /// The mission component that does this work, where one does (military raids: the
    /// military component); given to new activities of a mission that has that component.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub component: Option<Component>,
    /// Markets it usually targets.
    #[serde(default)]
    pub markets: Vec<Market>,
    /// First line of the explanation: what the activity is, in PeaceOps's words.
    pub what: String,
    /// Why it matters or what to watch for: sentences, each saying whether it paraphrases the
    /// paper (with section) or is PeaceOps's own reasoning.
    pub why: Vec<Claim>,
    /// Missions the paper itself names for this activity.
    #[serde(default)]
    pub paper_missions: Vec<String>,
    /// Further examples of missions that did it, from general knowledge (not from the paper).
    #[serde(default)]
    pub other_missions: Vec<String>,
    /// The paper section it comes from, e.g. "§III".
    pub section: String,
    /// What the template rests on: an example in the paper, a recommendation, or a risk.
    #[serde(default)]
    pub basis: Basis,
}

/// What a catalogue template rests on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Basis {
    /// The paper gives examples of missions doing it.
    #[default]
    Example,
    /// It rests on what the paper asks for (mostly §VI), not on an example of a mission.
    Recommendation,
    /// It answers a risk the paper warns of, not an example of a mission.
    Risk,
}

impl Basis {
    /// A short sentence for the catalogue: what the template rests on.
    pub fn label(self) -> &'static str {
        match self {
            Basis::Example => "an example in the paper",
            Basis::Recommendation => "a recommendation of the paper, not an example",
            Basis::Risk => "a risk the paper warns of, not an example",
        }
    }
}

impl Template {
    /// The template's quadrant.
    pub fn quadrant(&self) -> Quadrant {
        Quadrant::of(self.x, self.y)
    }

    /// Every mission named: first those the paper names, then the other examples.
    pub fn missions(&self) -> impl Iterator<Item = &str> {
        self.paper_missions
            .iter()
            .chain(&self.other_missions)
            .map(String::as_str)
    }

    /// The explanation as one text, sentence after sentence, without sources.
    pub fn why_text(&self) -> String {
        let mut out = String::new();
        for c in &self.why {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&c.text);
        }
        out
    }

    /// A new activity from this template.
    pub fn instantiate(&self, id: ActivityId) -> Activity {
        let mut a = Activity::new(id, self.title.clone(), self.x, self.y);
        a.template = Some(self.id.clone());
        a.kinds = self.kinds.clone();
        a.markets = self.markets.clone();
        a
    }

    /// A new activity from this template, implemented by `mission`: carried out by the
    /// template's component if the mission has one of that kind (a multidimensional mission's
    /// troops do its military raids), else by the mission as a whole.
    pub fn instantiate_in(&self, id: ActivityId, mission: &Mission) -> Activity {
        let mut a = self.instantiate(id);
        a.mission = Some(mission.id.clone());
        a.component = self
            .component
            .filter(|c| mission.kind.components().contains(c));
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
                || self
                    .why
                    .iter()
                    .any(|c| c.text.to_lowercase().contains(word))
                || self.missions().any(|m| m.to_lowercase().contains(word))
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
