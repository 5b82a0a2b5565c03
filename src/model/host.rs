//! The host state: the country where missions deploy, and what the paper says matters about it.

use serde::{Deserialize, Serialize};

use super::choice::{Capacity, Level, choice};
use super::{Claim, RegionId, YearMonth};

choice! {
    /// The state of governance (§I): weak, corrupt or contested states, up to state capture.
    #[derive(Default)]
    pub enum Governance {
        Functioning => "functioning", "Institutions work and are broadly legitimate; organized crime is a policing matter.";
        #[default]
        Weak => "weak", "Institutions exist but lack reach and capacity, leaving spaces where crime thrives (§I).";
        Corrupt => "corrupt", "Officials are bought or take part in crime; building their capacity can strengthen criminals (§V).";
        Contested => "contested", "Authority is disputed by armed groups or rival claimants; crime may finance the fight (§I).";
        Captured => "captured", "Organized crime controls the sovereign government, as reportedly in Guinea-Bissau (§I).";
    }
}

choice! {
    /// The host government's consent to the missions (§IV, first challenge).
    #[derive(Default)]
    pub enum Consent {
        #[default]
        Full => "full", "The government consents to the missions and to their work on organized crime.";
        Conditional => "conditional", "Consent holds for the mandate but not for everything; investigations may be blocked.";
        Contested => "contested", "Parts of the government or armed forces resist; officials implicated in crime cannot be assumed to consent (§IV).";
        Absent => "absent", "No meaningful consent: the mission works without, or against, the government's will.";
    }
}

choice! {
    /// A link of the criminal justice chain (§III): what a case goes through from street to prison.
    pub enum JusticeLink {
        Policing => "policing", "Police who patrol, respond and arrest.";
        Investigation => "investigation", "Investigators who build cases and secure evidence.";
        Prosecution => "prosecution", "Prosecutors who bring cases to court.";
        Adjudication => "adjudication", "Judges and courts who try cases.";
        Corrections => "corrections", "Prisons and detention that hold and rehabilitate the convicted.";
    }
}

choice! {
    /// Where a region lies relative to the state's centre (§VI(a)).
    #[derive(Default)]
    pub enum RegionKind {
        Centre => "centre", "The capital and the centre, where missions usually concentrate.";
        Border => "border region", "A border region; organized crime thrives where goods and people cross (§VI(a)).";
        Hinterland => "hinterland", "A hinterland or 'ungoverned space' the state barely reaches (§VI(a)).";
        #[default]
        Other => "other", "Another named region.";
    }
}

choice! {
    /// Natural resources that armed and criminal groups exploit (§I).
    pub enum Resource {
        Coltan => "coltan", "Coltan, plundered in the DRC (§I).";
        Diamonds => "diamonds", "Diamonds, subject to bans and monitoring in Angola, Côte d'Ivoire, Liberia, Sierra Leone (§III).";
        Gold => "gold", "Gold, artisanal and industrial (§I).";
        Timber => "timber", "Timber, plundered in Liberia and elsewhere (§I, §III).";
        Charcoal => "charcoal", "Charcoal, whose export ban AMISOM supported in Somalia (§III).";
        Oil => "oil and fuel", "Oil and fuel, smuggled and siphoned.";
        Rubber => "rubber", "Rubber from plantations, exploited by armed groups in some conflicts (not named in the paper).";
        OtherMinerals => "other minerals", "Other minerals: tin, tungsten, uranium and the like.";
        Wildlife => "wildlife", "Wildlife and ivory.";
        Fisheries => "fisheries", "Fish stocks and coastal waters.";
    }
}

/// Capacity of each link of the host's criminal justice chain (§III, §V.1).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct JusticeChain {
    /// Police who patrol, respond and arrest.
    pub policing: Capacity,
    /// Investigators.
    pub investigation: Capacity,
    /// Prosecutors.
    pub prosecution: Capacity,
    /// Judges and courts.
    pub adjudication: Capacity,
    /// Prisons and detention.
    pub corrections: Capacity,
}

impl JusticeChain {
    /// The capacity of one link.
    pub fn get(&self, link: JusticeLink) -> Capacity {
        match link {
            JusticeLink::Policing => self.policing,
            JusticeLink::Investigation => self.investigation,
            JusticeLink::Prosecution => self.prosecution,
            JusticeLink::Adjudication => self.adjudication,
            JusticeLink::Corrections => self.corrections,
        }
    }

    /// The capacity of one link, to change it.
    pub fn get_mut(&mut self, link: JusticeLink) -> &mut Capacity {
        match link {
            JusticeLink::Policing => &mut self.policing,
            JusticeLink::Investigation => &mut self.investigation,
            JusticeLink::Prosecution => &mut self.prosecution,
            JusticeLink::Adjudication => &mut self.adjudication,
            JusticeLink::Corrections => &mut self.corrections,
        }
    }

    /// How many links are absent or weak.
    pub fn weak_links(&self) -> usize {
        JusticeLink::ALL
            .iter()
            .filter(|l| self.get(**l).is_weak())
            .count()
    }
}

/// A region of the host state, referred to by groups and activities.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Region {
    /// Stable id.
    pub id: RegionId,
    /// Name shown to the room.
    pub name: String,
    /// Centre, border region, hinterland or other.
    #[serde(default)]
    pub kind: RegionKind,
    /// Where the facts in the region's name and kind come from, one short claim each (paper, general knowledge,
    /// invented or PeaceOps's reasoning); empty for the room's own. Added after format 2.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Claim>,
}

/// The country where the missions deploy.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HostState {
    /// Name of the country or territory.
    pub name: String,
    /// Functioning, weak, corrupt, contested or captured (§I).
    #[serde(default)]
    pub governance: Governance,
    /// Consent to the missions (§IV).
    #[serde(default)]
    pub consent: Consent,
    /// How strongly the government guards investigative and prosecutorial powers as sovereign (§IV).
    #[serde(default)]
    pub sovereignty_sensitivity: Level,
    /// Capacity of each link of the criminal justice chain.
    #[serde(default)]
    pub justice_chain: JusticeChain,
    /// Whether there is a policing gap or vacuum that invites military or gendarmerie substitutes (§IV).
    #[serde(default)]
    pub policing_gap: bool,
    /// When minimal security is (or is planned to be) established; `None` if not yet in sight (§VI(e)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minimal_security: Option<YearMonth>,
    /// Named regions: the centre, border regions, hinterlands.
    #[serde(default)]
    pub regions: Vec<Region>,
    /// Neighbouring states, which matter because crime crosses borders (§V, §VI(c)).
    #[serde(default)]
    pub neighbours: Vec<String>,
    /// Natural resources exploited by armed and criminal groups (§I).
    #[serde(default)]
    pub natural_resources: Vec<Resource>,
    /// How far the population trusts the police (Haiti: distrust drove people to gangs, §III).
    #[serde(default)]
    pub police_trust: Level,
    /// Whether a UN sanctions panel of experts monitors the country (§V).
    #[serde(default)]
    pub sanctions_panel: bool,
    /// Anything else the room should know: economy, unemployment, weapons, the missions' own effect.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// Where the facts in the notes come from, one short claim each (paper, general
    /// knowledge or invented); empty for the room's own entities.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Claim>,
}
