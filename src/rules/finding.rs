//! What a rule returns: a finding that names its rule and the entities that trigger it.

use serde::{Deserialize, Serialize};

use crate::model::{
    ActivityId, ActorId, FindingKey, GroupId, JusticeLink, MissionId, RegionId, Scenario, YearMonth,
};

/// Stable rule ids; scripts and saved checklist state depend on them. Written as their kebab-case
/// string (`"unregulated-handover"`) in RON and JSON alike.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RuleId {
    /// Host consent is not full, the state is captured, or groups are tied to officials (§IV.1).
    SovereigntyConsent,
    /// An activity needs a capability its mission lacks (§IV.2).
    CapabilityGap,
    /// Long-term work by a short-lived mission with nobody to carry it on (§IV.2).
    ShortCommitment,
    /// Coercion against a partner, a service provider or a co-opted group (§IV.3).
    InterlocutorTradeoff,
    /// Less than a fifth of activities on the drivers side (§IV.4).
    LawEnforcementOnly,
    /// A military mission doing law enforcement (§IV.5).
    MilitaryPolicing,
    /// Detention, arrest or prosecution without oversight in a weak justice system (§IV.6).
    AccountabilityGap,
    /// The most harmful group is left alone while others are targeted (§IV.7).
    ExternalAgenda,
    /// A large mission with no conduct-and-discipline activity (§III, §IV).
    MissionFootprint,
    /// The first activity against crime starts long after the first mission (§IV).
    LateStart,
    /// Co-optation with no transition plan, or of a predatory group (§II).
    CoOptationWithoutTransition,
    /// Weak links of the justice chain that no activity addresses (§V.1).
    FragmentedJusticeChain,
    /// Two missions doing the same thing to the same group or region at once (§V.2).
    TurfOverlap,
    /// Missions of several organizations at once (§V.3).
    OrganizationalGeopolitics,
    /// A military mission with public-security tasks beside civilian or police ones (§V.4).
    MilitaryPublicSecurity,
    /// Missions on the same groups or regions with no intelligence sharing (§V.5).
    IntelligenceNotShared,
    /// A succession with no (or a partial) handover plan, or work left running (§V.6).
    UnregulatedHandover,
    /// Military and police components without an analysis capability (§V).
    NoJointAnalysis,
    /// Capacity building for a captured or corrupt state (§IV.4, §V).
    CapacityToCapturedState,
    /// A transnational group with no regional approach (§V, §VI(c)).
    NoRegionalApproach,
    /// No activity works with civil society, communities, women or youth (§V).
    NoCommunityApproach,
    /// Security and development actors not working together (§V).
    SecurityDevelopmentSplit,
    /// A sanctions panel of experts nobody draws on (§V).
    PanelOfExpertsUnused,
    /// Groups in border regions or hinterlands where no activity takes place (§VI(a)).
    CapitalCentric,
    /// No analysis capability and no analysis activity (§VI(b)).
    NotIntelligenceLed,
    /// Coercion before minimal security is established (§VI(e)).
    BeforeMinimalSecurity,
}

impl RuleId {
    /// Every rule, in the order findings are listed.
    pub const ALL: &'static [RuleId] = &[
        RuleId::SovereigntyConsent,
        RuleId::CapabilityGap,
        RuleId::ShortCommitment,
        RuleId::InterlocutorTradeoff,
        RuleId::LawEnforcementOnly,
        RuleId::MilitaryPolicing,
        RuleId::AccountabilityGap,
        RuleId::ExternalAgenda,
        RuleId::MissionFootprint,
        RuleId::LateStart,
        RuleId::CoOptationWithoutTransition,
        RuleId::FragmentedJusticeChain,
        RuleId::TurfOverlap,
        RuleId::OrganizationalGeopolitics,
        RuleId::MilitaryPublicSecurity,
        RuleId::IntelligenceNotShared,
        RuleId::UnregulatedHandover,
        RuleId::NoJointAnalysis,
        RuleId::CapacityToCapturedState,
        RuleId::NoRegionalApproach,
        RuleId::NoCommunityApproach,
        RuleId::SecurityDevelopmentSplit,
        RuleId::PanelOfExpertsUnused,
        RuleId::CapitalCentric,
        RuleId::NotIntelligenceLed,
        RuleId::BeforeMinimalSecurity,
    ];

    /// The stable id, e.g. `"unregulated-handover"`.
    pub fn as_str(self) -> &'static str {
        use RuleId as R;
        match self {
            R::SovereigntyConsent => "sovereignty-consent",
            R::CapabilityGap => "capability-gap",
            R::ShortCommitment => "short-commitment",
            R::InterlocutorTradeoff => "interlocutor-tradeoff",
            R::LawEnforcementOnly => "law-enforcement-only",
            R::MilitaryPolicing => "military-policing",
            R::AccountabilityGap => "accountability-gap",
            R::ExternalAgenda => "external-agenda",
            R::MissionFootprint => "mission-footprint",
            R::LateStart => "late-start",
            R::CoOptationWithoutTransition => "co-optation-without-transition",
            R::FragmentedJusticeChain => "fragmented-justice-chain",
            R::TurfOverlap => "turf-overlap",
            R::OrganizationalGeopolitics => "organizational-geopolitics",
            R::MilitaryPublicSecurity => "military-public-security",
            R::IntelligenceNotShared => "intelligence-not-shared",
            R::UnregulatedHandover => "unregulated-handover",
            R::NoJointAnalysis => "no-joint-analysis",
            R::CapacityToCapturedState => "capacity-to-captured-state",
            R::NoRegionalApproach => "no-regional-approach",
            R::NoCommunityApproach => "no-community-approach",
            R::SecurityDevelopmentSplit => "security-development-split",
            R::PanelOfExpertsUnused => "panel-of-experts-unused",
            R::CapitalCentric => "capital-centric",
            R::NotIntelligenceLed => "not-intelligence-led",
            R::BeforeMinimalSecurity => "before-minimal-security",
        }
    }

    /// The rule with this stable id.
    pub fn parse(id: &str) -> Option<RuleId> {
        RuleId::ALL.iter().copied().find(|r| r.as_str() == id)
    }
}

impl Serialize for RuleId {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for RuleId {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        RuleId::parse(&s).ok_or_else(|| serde::de::Error::custom(format!("unknown rule id {s:?}")))
    }
}

impl std::fmt::Display for RuleId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The four families of challenges the checklist groups findings by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Family {
    /// Challenges of engaging at all (§II, §IV).
    Engaging,
    /// Cooperation between and within missions (§V).
    BetweenMissions,
    /// Cooperation with other actors (§V).
    OtherActors,
    /// What engagement requires (§VI).
    Requirements,
}

impl Family {
    /// Every family, in display order.
    pub const ALL: &'static [Family] = &[
        Family::Engaging,
        Family::BetweenMissions,
        Family::OtherActors,
        Family::Requirements,
    ];

    /// Heading for the checklist.
    pub fn label(self) -> &'static str {
        match self {
            Family::Engaging => "Engaging at all",
            Family::BetweenMissions => "Between and within missions",
            Family::OtherActors => "With other actors",
            Family::Requirements => "What engagement requires",
        }
    }

    /// Where in the paper.
    pub fn section(self) -> &'static str {
        match self {
            Family::Engaging => "§IV",
            Family::BetweenMissions => "§V",
            Family::OtherActors => "§V",
            Family::Requirements => "§VI",
        }
    }
}

/// An entity a finding names, by id.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityRef {
    /// A mission.
    Mission(MissionId),
    /// A crime group.
    Group(GroupId),
    /// An activity.
    Activity(ActivityId),
    /// Another actor.
    Actor(ActorId),
    /// A region.
    Region(RegionId),
    /// A link of the host's justice chain.
    Link(JusticeLink),
}

impl EntityRef {
    /// The id used in checklist keys (`"link:prosecution"` for a justice-chain link).
    pub fn key(&self) -> String {
        match self {
            EntityRef::Mission(id) => id.0.clone(),
            EntityRef::Group(id) => id.0.clone(),
            EntityRef::Activity(id) => id.0.clone(),
            EntityRef::Actor(id) => id.0.clone(),
            EntityRef::Region(id) => id.0.clone(),
            EntityRef::Link(link) => format!("link:{}", link.label()),
        }
    }

    /// The kind of entity, for scripts.
    pub fn kind(&self) -> &'static str {
        match self {
            EntityRef::Mission(_) => "mission",
            EntityRef::Group(_) => "group",
            EntityRef::Activity(_) => "activity",
            EntityRef::Actor(_) => "actor",
            EntityRef::Region(_) => "region",
            EntityRef::Link(_) => "justice-link",
        }
    }
}

impl Serialize for EntityRef {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("EntityRef", 2)?;
        s.serialize_field("kind", self.kind())?;
        s.serialize_field("id", &self.key())?;
        s.end()
    }
}

/// Index of an entity in its list of the scenario the finding came from.
pub(crate) type Ix = u32;

/// An entity by its index in the scenario (what rules record; ids are looked up on demand).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum At {
    Mission(Ix),
    Group(Ix),
    Activity(Ix),
    Actor(Ix),
    Region(Ix),
    Link(JusticeLink),
}

impl At {
    fn resolve(self, s: &Scenario) -> Option<EntityRef> {
        let i = self.index();
        Some(match self {
            At::Mission(_) => EntityRef::Mission(s.missions.get(i)?.id.clone()),
            At::Group(_) => EntityRef::Group(s.groups.get(i)?.id.clone()),
            At::Activity(_) => EntityRef::Activity(s.activities.get(i)?.id.clone()),
            At::Actor(_) => EntityRef::Actor(s.actors.get(i)?.id.clone()),
            At::Region(_) => EntityRef::Region(s.host.regions.get(i)?.id.clone()),
            At::Link(l) => EntityRef::Link(l),
        })
    }

    fn index(self) -> usize {
        match self {
            At::Mission(i) | At::Group(i) | At::Activity(i) | At::Actor(i) | At::Region(i) => {
                i as usize
            }
            At::Link(_) => 0,
        }
    }
}

/// Up to two entities, kept inline: most findings are about one or two things, and making a
/// finding should not cost an allocation for them.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Few {
    items: [At; 2],
    len: u8,
}

impl Few {
    fn new(items: &[At]) -> Self {
        debug_assert!(
            items.len() <= 2,
            "a finding's subject has at most two entities"
        );
        let mut few = Few {
            items: [At::Link(JusticeLink::Policing); 2],
            len: 0,
        };
        for (slot, item) in few.items.iter_mut().zip(items) {
            *slot = *item;
            few.len += 1;
        }
        few
    }
}

impl std::ops::Deref for Few {
    type Target = [At];

    fn deref(&self) -> &[At] {
        &self.items[..usize::from(self.len)]
    }
}

/// Any number of entities; up to two kept inline.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Many {
    Inline(Few),
    Heap(Vec<At>),
}

impl std::ops::Deref for Many {
    type Target = [At];

    fn deref(&self) -> &[At] {
        match self {
            Many::Inline(few) => few,
            Many::Heap(v) => v,
        }
    }
}

/// One risk the rules found in a scenario. It refers to the scenario's entities by position, so
/// it is cheap to make; its entities' ids and its sentence are worked out when asked for, from
/// the same scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    /// Which rule.
    pub rule: RuleId,
    /// The entities the finding is about (none, one or two): they make its checklist key.
    pub(crate) subject: Few,
    /// Further entities it names (activities to highlight, the other side of a pair).
    pub(crate) involved: Many,
    /// What the sentence needs beyond the entities.
    pub(crate) detail: Detail,
}

/// What a finding's sentence says beyond naming its entities.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Detail {
    /// No more than the entities.
    None,
    /// Reasons as bit flags (meaning depends on the rule).
    Flags(u64),
    /// Two numbers (counts, months).
    Numbers(i64, i64),
    /// Dates: an activity's and a limit.
    Dates(YearMonth, YearMonth),
    /// A variant of the rule's sentence.
    Variant(u8),
    /// Kinds of work (bits over `ActivityKind::ALL`) done directly and through host capacity.
    Kinds {
        /// Done by the missions themselves.
        direct: u64,
        /// Done through host capacity.
        indirect: u64,
    },
}

impl Finding {
    pub(crate) fn new(rule: RuleId, subject: &[At], involved: Vec<At>, detail: Detail) -> Self {
        Self {
            rule,
            subject: Few::new(subject),
            involved: Many::Heap(involved),
            detail,
        }
    }

    /// A finding that names at most two further entities (no allocation).
    pub(crate) fn new_few(rule: RuleId, subject: &[At], involved: &[At], detail: Detail) -> Self {
        Self {
            rule,
            subject: Few::new(subject),
            involved: Many::Inline(Few::new(involved)),
            detail,
        }
    }

    /// The entities the finding is about, which make its checklist key; `s` is the scenario it
    /// was found in.
    pub fn subject(&self, s: &Scenario) -> Vec<EntityRef> {
        self.subject.iter().filter_map(|a| a.resolve(s)).collect()
    }

    /// Further entities it names.
    pub fn involved(&self, s: &Scenario) -> Vec<EntityRef> {
        self.involved.iter().filter_map(|a| a.resolve(s)).collect()
    }

    /// Every entity named, subject first, without repeats.
    pub fn entities(&self, s: &Scenario) -> Vec<EntityRef> {
        let mut out: Vec<EntityRef> = Vec::with_capacity(self.subject.len() + self.involved.len());
        // A seen-set, not `out.contains`: a finding can name every activity of a large scenario.
        let mut seen: rustc_hash::FxHashSet<EntityRef> = rustc_hash::FxHashSet::default();
        for e in self
            .subject
            .iter()
            .chain(self.involved.iter())
            .filter_map(|a| a.resolve(s))
        {
            if seen.insert(e.clone()) {
                out.push(e);
            }
        }
        out
    }

    /// The key that keeps the room's decision on this finding across edits.
    pub fn key(&self, s: &Scenario) -> FindingKey {
        FindingKey::new(
            self.rule.as_str(),
            self.subject(s).iter().map(EntityRef::key).collect(),
        )
    }

    /// The sentence, in plain words, naming the entities.
    pub fn message(&self, s: &Scenario) -> String {
        super::sentences::message(self, s)
    }

    /// Positions in `scenario.activities` of the activities the finding names (to highlight).
    pub fn activity_indices(&self) -> impl Iterator<Item = usize> + '_ {
        self.subject
            .iter()
            .chain(self.involved.iter())
            .filter_map(|a| match a {
                At::Activity(i) => Some(*i as usize),
                _ => None,
            })
    }
}
