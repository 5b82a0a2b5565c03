//! Organized crime groups and how they relate to the state and the peace process (§I, §II).

use serde::{Deserialize, Serialize};

use super::choice::{Level, choice};
use super::{Claim, GroupId, RegionId, YearMonth};

choice! {
    /// How the group relates to the state (§I).
    pub enum StateRelation {
        Predatory => "predatory", "In violent competition with the state; unlikely to be co-opted, needs law-enforcement answers (§I, §II).";
        Parasitic => "parasitic", "Coexists with the state and targets state resources (§I).";
        Symbiotic => "symbiotic", "Coexists with the state without targeting its resources (§I).";
    }
}

choice! {
    /// The group's role in the peace process (§I).
    pub enum PeaceRole {
        Spoiler => "spoiler", "Supports spoilers or competes with the state, e.g. Taliban and Haqqani networks taxing opium; of direct relevance to a mission (§I).";
        Evader => "evader", "Settles where the state is absent and exploits resources with its own armed groups (CAR, DRC, Liberia, Haitian drug traders with gangs); of direct relevance (§I).";
        Partner => "partner", "Has access to or control over the host government (Kosovo's 'war heroes', Guinea-Bissau); of indirect relevance (§I).";
    }
}

choice! {
    /// Criminal markets, following the paper's list (§III).
    pub enum Market {
        Drugs => "drugs and narcotics", "Production and trafficking of drugs and narcotics (§III).";
        NaturalResources => "natural resources", "Illicit economic activity and illicit trade in natural resources (§III).";
        Arms => "arms trafficking", "Trafficking of arms (§III).";
        Persons => "trafficking in persons", "Trafficking of persons (§III).";
        GangViolence => "gang violence", "Gang violence, protection and extortion (§III).";
        FinancialCrime => "financial crime and corruption", "Financial crime, fraud and corruption (§III).";
        Kidnapping => "kidnapping", "Kidnapping for ransom (§III).";
        CulturalHeritage => "cultural heritage", "Destruction of and trade in cultural heritage (§III).";
        Smuggling => "smuggling", "Smuggling of licit goods: fuel, cigarettes, consumer goods (§III).";
        Prostitution => "prostitution", "Prostitution, which mission personnel can themselves attract (§III).";
        BlackMarkets => "black markets", "Black markets the mission's presence stimulates, e.g. in cigarettes (§III).";
    }
}

choice! {
    /// How missions approach the group (§II).
    #[derive(Default)]
    pub enum Approach {
        #[default]
        None => "none", "No deliberate approach yet.";
        Coercive => "coercive", "Working against the group: law enforcement, raids, arrests (§II).";
        CoOptive => "co-optive", "Working with the group; can buy short-term stability but, without a transition, stability may be mistaken for peace (§II).";
    }
}

/// How missions approach a group over a stretch of time (format version 2): the paper's "war
/// heroes" in Bosnia and Kosovo were left alone at first and pursued later (§IV).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApproachPeriod {
    /// First month; `None` from the beginning.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<YearMonth>,
    /// Last month; `None` open-ended.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<YearMonth>,
    /// The approach in that stretch.
    pub approach: Approach,
}

impl ApproachPeriod {
    /// Whether the period covers the month.
    pub fn covers(&self, month: YearMonth) -> bool {
        self.from.is_none_or(|f| f <= month) && self.to.is_none_or(|t| month <= t)
    }
}

/// An organized crime group on the board.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CrimeGroup {
    /// Stable id.
    pub id: GroupId,
    /// Name shown to the room.
    pub name: String,
    /// Predatory, parasitic or symbiotic (§I).
    pub relation: StateRelation,
    /// Spoiler, evader or partner (§I).
    pub role: PeaceRole,
    /// Markets the group works in.
    #[serde(default)]
    pub markets: Vec<Market>,
    /// Whether the group reaches across the host's borders.
    #[serde(default)]
    pub transnational: bool,
    /// Regions where the group operates.
    #[serde(default)]
    pub regions: Vec<RegionId>,
    /// Whether the group has ties to officials (the 'partner' pattern, §I, §IV).
    #[serde(default)]
    pub ties_to_officials: bool,
    /// Whether the group has links to armed, insurgent or extremist groups (§V nexus).
    #[serde(default)]
    pub armed_links: bool,
    /// Whether the group provides services to the population with local legitimacy (§IV, third challenge).
    #[serde(default)]
    pub local_legitimacy: bool,
    /// How much harm the group does to the host population (§IV, seventh challenge).
    #[serde(default)]
    pub harm: Level,
    /// Coercive, co-optive or none yet (§II): the approach outside the periods below.
    #[serde(default)]
    pub approach: Approach,
    /// The approach over time, where it changed (format version 2); months no period covers
    /// take [`Self::approach`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub approach_periods: Vec<ApproachPeriod>,
    /// Whether a transition plan inserts the group into the licit system or ends it (§II).
    #[serde(default)]
    pub transition_plan: bool,
    /// Free notes.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// Where the facts in the notes come from, one short claim each (paper, general
    /// knowledge or invented); empty for the room's own entities.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Claim>,
}

impl CrimeGroup {
    /// A new group with neutral defaults, for the editor.
    pub fn new(id: GroupId, name: impl Into<String>) -> Self {
        Self {
            id,
            name: name.into(),
            relation: StateRelation::Parasitic,
            role: PeaceRole::Evader,
            markets: Vec::new(),
            transnational: false,
            regions: Vec::new(),
            ties_to_officials: false,
            armed_links: false,
            local_legitimacy: false,
            harm: Level::default(),
            approach: Approach::default(),
            approach_periods: Vec::new(),
            transition_plan: false,
            notes: String::new(),
            sources: Vec::new(),
        }
    }
}

impl CrimeGroup {
    /// The approach in a month: the first period that covers it, else [`Self::approach`];
    /// with no month known, [`Self::approach`].
    pub fn approach_at(&self, month: Option<YearMonth>) -> Approach {
        month
            .and_then(|m| self.approach_periods.iter().find(|p| p.covers(m)))
            .map_or(self.approach, |p| p.approach)
    }

    /// Whether the group is approached this way at any time.
    pub fn ever(&self, approach: Approach) -> bool {
        self.approach == approach || self.approach_periods.iter().any(|p| p.approach == approach)
    }
}
