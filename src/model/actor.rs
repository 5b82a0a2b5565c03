//! Other actors the missions work beside (§V): host agencies, neighbours, agencies, communities.

use serde::{Deserialize, Serialize};

use super::choice::choice;
use super::{ActorId, Claim};

choice! {
    /// What kind of actor (§V).
    pub enum ActorKind {
        HostAgency => "host agency", "A host government agency: police, customs, ministry, anti-corruption body. National ownership is essential, but a corrupt agency can frustrate work (§V).";
        NeighbouringGovernment => "neighbouring government", "The government of a neighbouring state; needed for a regional approach, though it may resist outside coordination (§V, §VI(c)).";
        RegionalOrganization => "regional organization", "A regional organization or economic community (ECOWAS, G5 Sahel).";
        Unodc => "UNODC", "The UN Office on Drugs and Crime: technical assistance, analysis (§V).";
        Undp => "UNDP", "The UN Development Programme: governance, community resilience, the Global Focal Point (§V).";
        UnHabitat => "UN-Habitat", "UN-Habitat: community resilience against crime (§V).";
        WorldBank => "World Bank", "The World Bank: the structural causes crime exploits, such as unemployment and weak institutions (§V).";
        Donor => "development donor", "A bilateral development agency or donor.";
        Interpol => "INTERPOL", "INTERPOL: police intelligence across borders (§V).";
        PanelOfExperts => "panel of experts", "A sanctions panel of experts whose findings bear on the mission's work (§V).";
        CivilSociety => "civil society", "Civil society organizations and media (§V).";
        Community => "local community", "Local communities and their leaders (§V).";
        WomensGroup => "women's group", "Women's organizations (§V).";
        YouthGroup => "youth group", "Youth organizations (§V).";
        Other => "other", "Another actor.";
    }
}

impl ActorKind {
    /// Development actors (§V: security and development actors must pull together).
    pub fn is_development(self) -> bool {
        matches!(
            self,
            ActorKind::Undp | ActorKind::UnHabitat | ActorKind::WorldBank | ActorKind::Donor
        )
    }

    /// Local actors who stay after the missions leave: host agencies and society.
    pub fn is_local(self) -> bool {
        matches!(self, ActorKind::HostAgency) || self.is_community()
    }

    /// Civil society, communities, women and youth: a bottom-up approach (§V).
    pub fn is_community(self) -> bool {
        matches!(
            self,
            ActorKind::CivilSociety
                | ActorKind::Community
                | ActorKind::WomensGroup
                | ActorKind::YouthGroup
        )
    }

    /// Neighbours and regional organizations: a regional approach (§VI(c)).
    pub fn is_regional(self) -> bool {
        matches!(
            self,
            ActorKind::NeighbouringGovernment | ActorKind::RegionalOrganization
        )
    }
}

/// Another actor on the board.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Actor {
    /// Stable id.
    pub id: ActorId,
    /// Name shown to the room.
    pub name: String,
    /// What kind of actor.
    pub kind: ActorKind,
    /// Free notes.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// Where the facts in the notes come from, one short claim each (paper, general
    /// knowledge or invented); empty for the room's own entities.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Claim>,
}
