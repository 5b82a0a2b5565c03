//! The rule table, declared once: each rule's stable id, family, priority and the type that is
//! both its detector and its finding's detail. The type lives in its family's file
//! (`engaging.rs`, `missions.rs`, `actors.rs`, `requirements.rs`), where the rule's detection
//! and its sentence sit side by side; the sentence can read only what the detector put in the
//! detail. Adding a rule: one line here, the rule's type in its family's file, its texts in
//! `assets/risks.ron`, its tests.

use super::context::Ctx;
use super::finding::Finding;
use super::text::Names;
use super::{Family, actors, engaging, missions, requirements};

/// A rule: what it looks for, and how its findings read. The implementing type is the finding's
/// detail: whatever the sentence says beyond the finding's entities.
pub(super) trait Rule {
    /// Appends the rule's findings in the scenario to `out`.
    fn detect(ctx: &Ctx<'_>, out: &mut Vec<Finding>);

    /// The finding's sentence (capitalised by the caller), naming entities through `n`.
    fn sentence(&self, f: &Finding, n: &Names<'_>) -> String;
}

macro_rules! rules {
    ($(
        $(#[doc = $doc:literal])*
        $id:ident = $key:literal, $family:ident, priority $priority:literal, $module:ident;
    )*) => {
        /// Stable rule ids; scripts and saved checklist state depend on them. Written as their
        /// kebab-case string (`"unregulated-handover"`) in RON and JSON alike.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum RuleId {
            $( $(#[doc = $doc])* $id, )*
        }

        impl RuleId {
            /// Every rule, in the order findings are listed.
            pub const ALL: &'static [RuleId] = &[ $( RuleId::$id, )* ];

            /// The stable id, e.g. `"unregulated-handover"`.
            pub fn as_str(self) -> &'static str {
                match self { $( RuleId::$id => $key, )* }
            }

            /// The family the checklist lists the rule under.
            pub fn family(self) -> Family {
                match self { $( RuleId::$id => Family::$family, )* }
            }

            /// Where the checklist lists the rule's findings: 1 first (preconditions such as
            /// consent and minimal security), then do-no-harm risks, then whether the missions
            /// can do it, then coordination. The reason is in `assets/risks.ron`.
            pub fn priority(self) -> u8 {
                match self { $( RuleId::$id => $priority, )* }
            }
        }

        /// What a finding's sentence says beyond naming its entities: the detail of its rule.
        #[derive(Clone, Debug, PartialEq)]
        pub(crate) enum Detail {
            $( $(#[doc = $doc])* $id($module::$id), )*
        }

        $(
            impl From<$module::$id> for Detail {
                fn from(d: $module::$id) -> Self {
                    Detail::$id(d)
                }
            }
        )*

        impl Detail {
            /// The rule whose detail this is.
            pub(super) fn rule(&self) -> RuleId {
                match self { $( Detail::$id(_) => RuleId::$id, )* }
            }

            /// The finding's sentence.
            pub(super) fn sentence(&self, f: &Finding, n: &Names<'_>) -> String {
                match self { $( Detail::$id(d) => d.sentence(f, n), )* }
            }
        }

        /// Runs one rule's detector.
        pub(super) fn detect(rule: RuleId, ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
            match rule { $( RuleId::$id => <$module::$id as Rule>::detect(ctx, out), )* }
        }
    };
}

rules! {
    /// Host consent is not full, the state is captured, or groups are tied to officials (§IV.1).
    SovereigntyConsent = "sovereignty-consent", Engaging, priority 1, engaging;
    /// An activity needs a capability its mission lacks (§IV.2).
    CapabilityGap = "capability-gap", Engaging, priority 3, engaging;
    /// Long-term work by a short-lived mission with nobody to carry it on (§IV.2).
    ShortCommitment = "short-commitment", Engaging, priority 3, engaging;
    /// Coercion against a partner, a service provider or a co-opted group (§IV.3).
    InterlocutorTradeoff = "interlocutor-tradeoff", Engaging, priority 2, engaging;
    /// Less than a fifth of activities on the drivers side (§IV.4).
    LawEnforcementOnly = "law-enforcement-only", Engaging, priority 3, engaging;
    /// A military mission doing law enforcement (§IV.5).
    MilitaryPolicing = "military-policing", Engaging, priority 2, engaging;
    /// Detention, arrest or prosecution without oversight in a weak justice system (§IV.6).
    AccountabilityGap = "accountability-gap", Engaging, priority 2, engaging;
    /// The most harmful group is left alone while others are targeted (§IV.7).
    ExternalAgenda = "external-agenda", Engaging, priority 3, engaging;
    /// A large mission with no conduct-and-discipline activity (§III, §IV).
    MissionFootprint = "mission-footprint", Engaging, priority 3, engaging;
    /// The first activity against crime starts long after the first mission (§IV).
    LateStart = "late-start", Engaging, priority 3, engaging;
    /// Co-optation with no transition plan, or of a predatory group (§II).
    CoOptationWithoutTransition = "co-optation-without-transition", Engaging, priority 2, engaging;
    /// Weak links of the justice chain that no activity addresses (§V.1).
    FragmentedJusticeChain = "fragmented-justice-chain", BetweenMissions, priority 4, missions;
    /// Two missions doing the same thing to the same group or region at once (§V.2).
    TurfOverlap = "turf-overlap", BetweenMissions, priority 4, missions;
    /// Missions of several organizations at once (§V.3).
    OrganizationalGeopolitics = "organizational-geopolitics", BetweenMissions, priority 4, missions;
    /// A military mission with public-security tasks beside civilian or police ones (§V.4).
    MilitaryPublicSecurity = "military-public-security", BetweenMissions, priority 4, missions;
    /// Missions on the same groups or regions with no intelligence sharing (§V.5).
    IntelligenceNotShared = "intelligence-not-shared", BetweenMissions, priority 4, missions;
    /// A succession with no (or a partial) handover plan, or work left running (§V.6).
    UnregulatedHandover = "unregulated-handover", BetweenMissions, priority 4, missions;
    /// Military and police components without an analysis capability (§V).
    NoJointAnalysis = "no-joint-analysis", BetweenMissions, priority 4, missions;
    /// Capacity building for a captured or corrupt state (§IV.4, §V).
    CapacityToCapturedState = "capacity-to-captured-state", OtherActors, priority 2, actors;
    /// A transnational group with no regional approach (§V, §VI(c)).
    NoRegionalApproach = "no-regional-approach", OtherActors, priority 4, actors;
    /// No activity works with civil society, communities, women or youth (§V).
    NoCommunityApproach = "no-community-approach", OtherActors, priority 4, actors;
    /// Security and development actors not working together (§V).
    SecurityDevelopmentSplit = "security-development-split", OtherActors, priority 4, actors;
    /// A sanctions panel of experts nobody draws on (§V).
    PanelOfExpertsUnused = "panel-of-experts-unused", OtherActors, priority 4, actors;
    /// Groups in border regions or hinterlands where no activity takes place (§VI(a)).
    CapitalCentric = "capital-centric", Requirements, priority 4, requirements;
    /// No analysis capability and no analysis activity (§VI(b)).
    NotIntelligenceLed = "not-intelligence-led", Requirements, priority 4, requirements;
    /// Coercion before minimal security is established (§VI(e)).
    BeforeMinimalSecurity = "before-minimal-security", Requirements, priority 1, requirements;
}
