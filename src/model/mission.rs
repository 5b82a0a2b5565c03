//! Multilateral peace operations: who deploys them, what they can do, when, and how they hand over.

use serde::{Deserialize, Serialize};

use super::choice::choice;
use super::{ActorId, Claim, MissionId, YearMonth};

choice! {
    /// The organization that deploys the mission (§I, note 1).
    pub enum Organization {
        UnPko => "UN peacekeeping", "A UN peacekeeping operation (MINUSTAH, MINUSMA, UNMIL).";
        UnSpm => "UN political mission", "A UN special political mission or peacebuilding office (UNIOGBIS, UNAMA).";
        Eu => "EU", "A European Union CSDP mission or operation (EULEX Kosovo, EUCAP Sahel Mali).";
        Au => "AU", "An African Union mission (AMISOM, MISAHEL).";
        Nato => "NATO", "A NATO-led operation (KFOR, ISAF, SFOR).";
        Osce => "OSCE", "An OSCE field mission (OMIK).";
        Ecowas => "ECOWAS", "An ECOWAS mission.";
        OtherRec => "other REC", "A mission of another regional economic community or arrangement.";
        AdHoc => "ad hoc coalition", "An ad hoc coalition of states (RAMSI, JF-G5S).";
    }
}

impl Organization {
    /// The deploying body as a number: equal for organizations that are one body (the UN).
    pub fn body_index(self) -> u8 {
        match self {
            Organization::UnPko | Organization::UnSpm => 0,
            Organization::Eu => 1,
            Organization::Au => 2,
            Organization::Nato => 3,
            Organization::Osce => 4,
            Organization::Ecowas => 5,
            Organization::OtherRec => 6,
            Organization::AdHoc => 7,
        }
    }

    /// The deploying body: UN peacekeeping and UN political missions are both the UN.
    pub fn body(self) -> &'static str {
        match self {
            Organization::UnPko | Organization::UnSpm => "UN",
            Organization::Eu => "EU",
            Organization::Au => "AU",
            Organization::Nato => "NATO",
            Organization::Osce => "OSCE",
            Organization::Ecowas => "ECOWAS",
            Organization::OtherRec => "REC",
            Organization::AdHoc => "ad hoc coalition",
        }
    }
}

choice! {
    /// What the mission mainly is.
    pub enum MissionKind {
        Military => "military", "A military operation; soldiers lack the training for evidence and policing (§IV, fifth challenge).";
        Police => "police", "A police mission: advisers, formed units, investigators.";
        Civilian => "civilian", "A civilian mission: rule of law, justice, political work.";
        Multidimensional => "multidimensional", "Military, police and civilian components under one head.";
        PoliceCivilian => "police and civilian", "Police and civilian components without troops, e.g. RAMSI's police with investigators, detention and judicial officers (§III).";
    }
}

impl MissionKind {
    /// Whether the mission has police: a police, police-and-civilian or multidimensional one.
    pub fn has_police(self) -> bool {
        matches!(
            self,
            MissionKind::Police | MissionKind::PoliceCivilian | MissionKind::Multidimensional
        )
    }

    /// The components a mission of this kind has: a multidimensional one all three, a police
    /// and civilian one two, the others their own.
    pub fn components(self) -> &'static [Component] {
        match self {
            MissionKind::Military => &[Component::Military],
            MissionKind::Police => &[Component::Police],
            MissionKind::Civilian => &[Component::Civilian],
            MissionKind::PoliceCivilian => &[Component::Police, Component::Civilian],
            MissionKind::Multidimensional => {
                &[Component::Military, Component::Police, Component::Civilian]
            }
        }
    }

    /// Whether the mission is not military: police, civilian or police and civilian.
    pub fn is_non_military(self) -> bool {
        matches!(
            self,
            MissionKind::Police | MissionKind::Civilian | MissionKind::PoliceCivilian
        )
    }
}

choice! {
    /// The component of a mission that carries out an activity (format version 2). Rules read
    /// it: a multidimensional mission's troops doing raids are the military in crime fighting
    /// (§IV.5), as MINUSTAH's contingents in Haiti.
    pub enum Component {
        Military => "military component", "The mission's troops and contingents.";
        Police => "police component", "The mission's police: advisers, formed police units, gendarmerie.";
        Civilian => "civilian component", "The mission's civilians: rule of law, justice, political, analysis.";
    }
}

choice! {
    /// Capabilities the paper names for work against organized crime (§III, §IV).
    pub enum Capability {
        Police => "police", "Individual police officers able to patrol, arrest and advise.";
        FormedPoliceUnits => "formed police units", "Formed police units able to act robustly as a unit, as MINUSTAH did against gangs (§V).";
        Gendarmerie => "gendarmerie", "Gendarmerie or specialized units (KFOR's Multinational Specialized Units) that fill a policing gap (§IV, §V).";
        Military => "military", "Troops: area security, escorts, cordons, force protection.";
        Analysis => "intelligence / analysis cell", "An intelligence or analysis cell such as MINUSTAH's Joint Mission Analysis Centre (§V).";
        Investigators => "investigators", "Investigators able to build organized crime cases and secure evidence.";
        Judicial => "prosecutors / judges", "International prosecutors and judges (UNMIK, EULEX Kosovo, RAMSI, §III).";
        Corrections => "corrections", "Corrections and detention officers (RAMSI, §III).";
        Border => "border management", "Border and customs specialists.";
        Training => "training teams", "Trainers and mentors for host institutions; the EU's niche (§III).";
    }
}

impl Capability {
    /// Police-type capabilities: individual police, formed units or gendarmerie.
    pub const POLICE_LIKE: &'static [Capability] = &[
        Capability::Police,
        Capability::FormedPoliceUnits,
        Capability::Gendarmerie,
    ];
}

choice! {
    /// What a handover from a predecessor mission covers (§V, sixth challenge).
    pub enum HandoverScope {
        CaseFiles => "case files and records", "Case files, records and evidence; lost in the UNMIK-to-EULEX handover, so cases were dropped (§V).";
        Intelligence => "intelligence", "Intelligence holdings and informant networks.";
        Detainees => "detainees", "People in the predecessor's custody.";
        Personnel => "personnel", "Staff who stay on ('re-hatting').";
        Equipment => "equipment and premises", "Equipment, vehicles and premises.";
        Programmes => "programmes and partners", "Running programmes and relationships with local partners.";
    }
}

/// The mission's mandate as it bears on organized crime (§III).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Mandate {
    /// An explicit organized crime task (few missions have one, §III).
    pub organized_crime: bool,
    /// Executive powers: the mission may police, investigate, prosecute or judge itself (UNMIK, EULEX).
    pub executive: bool,
    /// A rule-of-law or security sector reform task.
    pub rule_of_law: bool,
    /// Public-security tasks: patrols, crowd control, law and order (§V, fourth challenge).
    pub public_security: bool,
    /// Transitional or executive authority: the mission is the government, as UNMIK in Kosovo
    /// and UNTAET in East Timor were (§III); it does not act on a host government's consent.
    /// Format version 2.
    pub transitional_authority: bool,
}

/// How the mission takes over from its predecessor, if it has one (§V, sixth challenge).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Handover {
    /// Whether a handover plan exists.
    pub planned: bool,
    /// What the plan covers.
    pub covers: Vec<HandoverScope>,
    /// Free notes on the handover.
    pub notes: String,
    /// Where the facts in the handover notes come from, one short claim each (paper, general knowledge,
    /// invented or PeaceOps's reasoning); empty for the room's own. Added after format 2.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Claim>,
}

/// A multilateral peace operation on the board.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mission {
    /// Stable id.
    pub id: MissionId,
    /// Full name.
    pub name: String,
    /// Acronym, used in messages when set (KFOR, EULEX Kosovo).
    #[serde(default)]
    pub acronym: String,
    /// Deploying organization.
    pub organization: Organization,
    /// Military, police, civilian or multidimensional.
    pub kind: MissionKind,
    /// What it can do.
    #[serde(default)]
    pub capabilities: Vec<Capability>,
    /// Its mandate.
    #[serde(default)]
    pub mandate: Mandate,
    /// First month of deployment.
    pub start: YearMonth,
    /// Last month of deployment, planned or actual; `None` when open-ended.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<YearMonth>,
    /// The mission this one follows in sequence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub predecessor: Option<MissionId>,
    /// The handover from the predecessor.
    #[serde(default)]
    pub handover: Handover,
    /// Missions with which an intelligence-sharing arrangement exists (either side may list it).
    #[serde(default)]
    pub intel_sharing: Vec<MissionId>,
    /// Other actors the mission works with as a standing arrangement.
    #[serde(default)]
    pub partners: Vec<ActorId>,
    /// Whether an oversight or accountability mechanism covers its law-enforcement work (§IV, sixth challenge).
    #[serde(default)]
    pub oversight: bool,
    /// Authorized personnel.
    #[serde(default)]
    pub personnel: u32,
    /// Not a multilateral peace operation by SIPRI's definition, though it acts beside them
    /// (the JF-G5S, Figure 2 note a). Format version 2.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub not_peace_operation: bool,
    /// Free notes.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// Where the facts in the notes come from, one short claim each (paper, general
    /// knowledge or invented); empty for the room's own entities.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Claim>,
}

impl Mission {
    /// A new mission with neutral defaults, for the editor.
    pub fn new(id: MissionId, name: impl Into<String>, start: YearMonth) -> Self {
        Self {
            id,
            name: name.into(),
            acronym: String::new(),
            organization: Organization::UnPko,
            kind: MissionKind::Multidimensional,
            capabilities: Vec::new(),
            mandate: Mandate::default(),
            start,
            end: None,
            predecessor: None,
            handover: Handover::default(),
            intel_sharing: Vec::new(),
            partners: Vec::new(),
            oversight: false,
            personnel: 0,
            not_peace_operation: false,
            notes: String::new(),
            sources: Vec::new(),
        }
    }

    /// The name to use in messages: the acronym if set, else the name.
    pub fn short_name(&self) -> &str {
        if self.acronym.trim().is_empty() {
            &self.name
        } else {
            &self.acronym
        }
    }

    /// Whether the mission has the capability.
    pub fn has(&self, capability: Capability) -> bool {
        self.capabilities.contains(&capability)
    }

    /// Whether the mission has any of the capabilities.
    pub fn has_any(&self, capabilities: &[Capability]) -> bool {
        capabilities.iter().any(|c| self.has(*c))
    }

    /// Planned life in months, if the end is known.
    pub fn duration_months(&self) -> Option<i32> {
        self.end.map(|e| self.start.months_until(e) + 1)
    }

    /// "KFOR (NATO, military)": how findings name a mission.
    pub fn describe(&self) -> String {
        format!(
            "{} ({}, {})",
            self.short_name(),
            self.organization.body(),
            self.kind.label()
        )
    }
}
