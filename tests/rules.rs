//! The risk rules against their own explanations in `assets/risks.ron`: for every rule a minimal
//! scenario that fires it and the nearest scenario that does not, thresholds at their boundary;
//! dropped activities; the checklist state across edits and save/load; robustness against
//! dangling references; and the risk texts themselves.

mod common;

use std::collections::HashSet;
use std::path::Path;

use common::{
    act_mut, activity, actor, base, group, group_mut, key, mission, mission_mut, region, ym,
};
use peaceops::io::{parse, to_ron};
use peaceops::model::{
    ActivityKind as K, ActivityStatus, ActorId, ActorKind, Approach, Capability as C, Capacity,
    CheckStatus, Consent, CustomItem, CustomItemId, Governance, GroupId, HandoverScope,
    JusticeLink, Level, MissionId, MissionKind, Organization, PeaceRole, RegionId, RegionKind,
    Scenario, StateRelation, validate,
};
use peaceops::rules::{
    EntityRef, Family, Finding, Review, RiskCatalogue, RuleId, evaluate, evaluate_rule,
};

// ---------------------------------------------------------------------------------------------
// Assertion helpers
// ---------------------------------------------------------------------------------------------

/// A finding with its entities and sentence worked out against the scenario it came from.
#[derive(Debug, PartialEq)]
struct Seen {
    rule: RuleId,
    subject: Vec<EntityRef>,
    involved: Vec<EntityRef>,
    message: String,
    key: peaceops::model::FindingKey,
}

impl Seen {
    fn new(s: &Scenario, f: &Finding) -> Self {
        Self {
            rule: f.rule,
            subject: f.subject(s),
            involved: f.involved(s),
            message: f.message(s),
            key: f.key(s),
        }
    }

    fn key(&self) -> peaceops::model::FindingKey {
        self.key.clone()
    }
}

fn seen(s: &Scenario, findings: &[Finding]) -> Vec<Seen> {
    findings.iter().map(|f| Seen::new(s, f)).collect()
}

fn messages(findings: &[Seen]) -> Vec<&str> {
    findings.iter().map(|f| f.message.as_str()).collect()
}

/// Runs one rule, asserts it fires, that every finding carries the rule, and that `evaluate`
/// reports the same findings for that rule.
fn fires(s: &Scenario, rule: RuleId) -> Vec<Seen> {
    let found = seen(s, &evaluate_rule(s, rule));
    assert!(!found.is_empty(), "{rule} should fire but is quiet");
    for f in &found {
        assert_eq!(f.rule, rule, "finding of {rule} carries rule {}", f.rule);
        assert!(!f.message.trim().is_empty(), "{rule}: empty message");
    }
    let all: Vec<Finding> = evaluate(s).into_iter().filter(|f| f.rule == rule).collect();
    assert_eq!(
        seen(s, &all),
        found,
        "{rule}: evaluate and evaluate_rule disagree"
    );
    found
}

/// Runs one rule and asserts it fires exactly once; returns that finding.
fn fires_once(s: &Scenario, rule: RuleId) -> Seen {
    let mut found = fires(s, rule);
    assert_eq!(
        found.len(),
        1,
        "{rule} should fire once, got {:?}",
        messages(&found)
    );
    found.remove(0)
}

/// Asserts the rule does not fire (and that `evaluate` agrees).
fn quiet(s: &Scenario, rule: RuleId) {
    let found = seen(s, &evaluate_rule(s, rule));
    assert!(
        found.is_empty(),
        "{rule} should be quiet but fires: {:?}",
        messages(&found)
    );
    assert!(
        evaluate(s).iter().all(|f| f.rule != rule),
        "{rule}: evaluate reports a finding evaluate_rule does not"
    );
}

fn assert_mentions(f: &Seen, words: &[&str]) {
    for w in words {
        assert!(
            f.message.contains(w),
            "{}: message should mention {w:?}: {}",
            f.rule,
            f.message
        );
    }
}

fn m_ref(id: &str) -> EntityRef {
    EntityRef::Mission(MissionId::from(id))
}
fn a_ref(id: &str) -> EntityRef {
    EntityRef::Activity(peaceops::model::ActivityId::from(id))
}
fn g_ref(id: &str) -> EntityRef {
    EntityRef::Group(GroupId::from(id))
}
fn actor_ref(id: &str) -> EntityRef {
    EntityRef::Actor(ActorId::from(id))
}
fn r_ref(id: &str) -> EntityRef {
    EntityRef::Region(RegionId::from(id))
}

use MissionKind::{Civilian, Military, Multidimensional, Police};
use Organization::{Au, Eu, Nato, UnPko, UnSpm};

// ---------------------------------------------------------------------------------------------
// §IV.1 sovereignty-consent
// ---------------------------------------------------------------------------------------------

fn sovereignty_scenario() -> Scenario {
    let mut s = base();
    s.host.consent = Consent::Conditional;
    s.missions
        .push(mission("kfor", Military, Nato, "1999-06", None));
    s.activities
        .push(activity("a1", "kfor", -0.5, 0.5, &[K::Policing]));
    s
}

#[test]
fn sovereignty_consent_fires_when_consent_is_conditional_and_direct_activity_planned() {
    let s = sovereignty_scenario();
    let f = fires_once(&s, RuleId::SovereigntyConsent);
    assert_eq!(f.subject, vec![m_ref("kfor")]);
    assert_eq!(f.key(), key(RuleId::SovereigntyConsent, &["kfor"]));
    assert!(f.involved.contains(&a_ref("a1")));
    assert_mentions(&f, &["KFOR", "'Task a1'", "conditional"]);
}

#[test]
fn sovereignty_consent_quiet_when_consent_is_full() {
    let mut s = sovereignty_scenario();
    s.host.consent = Consent::Full;
    quiet(&s, RuleId::SovereigntyConsent);
}

#[test]
fn sovereignty_consent_fires_when_activity_sits_on_the_direct_axis() {
    let mut s = sovereignty_scenario();
    act_mut(&mut s, "a1").y = 0.0;
    fires_once(&s, RuleId::SovereigntyConsent);
}

#[test]
fn sovereignty_consent_quiet_when_activity_is_indirect() {
    let mut s = sovereignty_scenario();
    act_mut(&mut s, "a1").y = -0.01;
    quiet(&s, RuleId::SovereigntyConsent);
}

#[test]
fn sovereignty_consent_fires_when_state_is_captured() {
    let mut s = sovereignty_scenario();
    s.host.consent = Consent::Full;
    s.host.governance = Governance::Captured;
    let f = fires_once(&s, RuleId::SovereigntyConsent);
    assert_mentions(&f, &["KFOR", "captured"]);
}

#[test]
fn sovereignty_consent_fires_when_group_has_ties_to_officials() {
    let mut s = sovereignty_scenario();
    s.host.consent = Consent::Full;
    let mut g = group(
        "g1",
        "War heroes",
        StateRelation::Parasitic,
        PeaceRole::Evader,
    );
    g.ties_to_officials = true;
    s.groups.push(g);
    let f = fires_once(&s, RuleId::SovereigntyConsent);
    assert!(f.involved.contains(&g_ref("g1")));
    assert_mentions(&f, &["KFOR", "'War heroes'"]);
}

#[test]
fn sovereignty_consent_quiet_when_group_has_no_ties_and_no_partner_role() {
    let mut s = sovereignty_scenario();
    s.host.consent = Consent::Full;
    s.groups.push(group(
        "g1",
        "War heroes",
        StateRelation::Parasitic,
        PeaceRole::Evader,
    ));
    quiet(&s, RuleId::SovereigntyConsent);
}

#[test]
fn sovereignty_consent_fires_when_sensitive_host_and_direct_investigation() {
    let mut s = sovereignty_scenario();
    s.host.consent = Consent::Full;
    s.host.sovereignty_sensitivity = Level::High;
    act_mut(&mut s, "a1").kinds = vec![K::Investigation];
    let f = fires_once(&s, RuleId::SovereigntyConsent);
    assert_mentions(&f, &["KFOR", "sovereign"]);
}

#[test]
fn sovereignty_consent_quiet_when_sensitive_host_but_only_policing() {
    let mut s = sovereignty_scenario();
    s.host.consent = Consent::Full;
    s.host.sovereignty_sensitivity = Level::High;
    quiet(&s, RuleId::SovereigntyConsent);
}

#[test]
fn sovereignty_consent_quiet_when_investigation_and_sensitivity_only_medium() {
    let mut s = sovereignty_scenario();
    s.host.consent = Consent::Full;
    s.host.sovereignty_sensitivity = Level::Medium;
    act_mut(&mut s, "a1").kinds = vec![K::Investigation];
    quiet(&s, RuleId::SovereigntyConsent);
}

// ---------------------------------------------------------------------------------------------
// §IV.2 capability-gap
// ---------------------------------------------------------------------------------------------

fn capability_scenario() -> Scenario {
    let mut s = base();
    let mut m = mission("unmik", Multidimensional, UnPko, "1999-06", None);
    m.capabilities = vec![C::Police];
    s.missions.push(m);
    s.activities
        .push(activity("a1", "unmik", -0.5, 0.5, &[K::Investigation]));
    s
}

#[test]
fn capability_gap_fires_when_direct_investigation_without_investigators() {
    let s = capability_scenario();
    let f = fires_once(&s, RuleId::CapabilityGap);
    assert_eq!(f.subject, vec![m_ref("unmik"), a_ref("a1")]);
    assert_eq!(f.key(), key(RuleId::CapabilityGap, &["a1", "unmik"]));
    assert_mentions(&f, &["'Task a1'", "investigators", "UNMIK"]);
}

#[test]
fn capability_gap_quiet_when_mission_has_investigators() {
    let mut s = capability_scenario();
    mission_mut(&mut s, "unmik")
        .capabilities
        .push(C::Investigators);
    quiet(&s, RuleId::CapabilityGap);
}

#[test]
fn capability_gap_fires_when_direct_investigation_has_only_trainers() {
    let mut s = capability_scenario();
    mission_mut(&mut s, "unmik").capabilities = vec![C::Training];
    fires_once(&s, RuleId::CapabilityGap);
}

#[test]
fn capability_gap_quiet_when_indirect_investigation_has_trainers() {
    let mut s = capability_scenario();
    mission_mut(&mut s, "unmik").capabilities = vec![C::Training];
    act_mut(&mut s, "a1").y = -0.5;
    quiet(&s, RuleId::CapabilityGap);
}

#[test]
fn capability_gap_fires_when_direct_policing_by_mission_with_only_military() {
    let mut s = capability_scenario();
    mission_mut(&mut s, "unmik").capabilities = vec![C::Military];
    act_mut(&mut s, "a1").kinds = vec![K::Policing];
    let f = fires_once(&s, RuleId::CapabilityGap);
    assert_mentions(&f, &["police"]);
}

#[test]
fn capability_gap_quiet_when_direct_raid_by_mission_with_military() {
    let mut s = capability_scenario();
    mission_mut(&mut s, "unmik").capabilities = vec![C::Military];
    act_mut(&mut s, "a1").kinds = vec![K::Raid];
    quiet(&s, RuleId::CapabilityGap);
}

/// risks.ron: "raids need police or military … Done indirectly, trainers also satisfy these
/// needs": supporting host raids indirectly is covered by police, military or trainers.
#[test]
fn capability_gap_quiet_when_indirect_raid_by_mission_with_military() {
    let mut s = capability_scenario();
    mission_mut(&mut s, "unmik").capabilities = vec![C::Military];
    let a = act_mut(&mut s, "a1");
    a.kinds = vec![K::Raid];
    a.y = -0.5;
    quiet(&s, RuleId::CapabilityGap);
}

/// risks.ron: "analysis needs an analysis cell; vetting needs police or investigators; resource
/// monitoring needs military, border or analysis capability. Done indirectly, trainers also
/// satisfy these needs."
#[test]
fn capability_gap_quiet_when_indirect_vetting_analysis_or_monitoring_has_trainers() {
    let mut still_firing = Vec::new();
    for kind in [K::Vetting, K::Analysis, K::ResourceMonitoring] {
        let mut s = capability_scenario();
        mission_mut(&mut s, "unmik").capabilities = vec![C::Training];
        let a = act_mut(&mut s, "a1");
        a.kinds = vec![kind];
        a.y = -0.5;
        let found = evaluate_rule(&s, RuleId::CapabilityGap);
        if !found.is_empty() {
            still_firing.push(format!("{kind}: {:?}", messages(&seen(&s, &found))));
        }
    }
    assert!(
        still_firing.is_empty(),
        "indirect activities with trainers should satisfy the need: {still_firing:?}"
    );
}

#[test]
fn capability_gap_fires_when_indirect_vetting_without_police_investigators_or_trainers() {
    let mut s = capability_scenario();
    mission_mut(&mut s, "unmik").capabilities = vec![C::Judicial];
    let a = act_mut(&mut s, "a1");
    a.kinds = vec![K::Vetting];
    a.y = -0.5;
    fires_once(&s, RuleId::CapabilityGap);
}

#[test]
fn capability_gap_quiet_when_activity_has_no_mission() {
    let mut s = capability_scenario();
    act_mut(&mut s, "a1").mission = None;
    quiet(&s, RuleId::CapabilityGap);
}

// ---------------------------------------------------------------------------------------------
// §IV.2 short-commitment
// ---------------------------------------------------------------------------------------------

/// A mission of 23 months (2000-01 … 2001-11) with a drivers-side activity and no partner.
fn short_commitment_scenario() -> Scenario {
    let mut s = base();
    s.missions
        .push(mission("misahel", Civilian, Au, "2000-01", Some("2001-11")));
    s.activities
        .push(activity("a1", "misahel", 0.5, -0.5, &[K::Governance]));
    s
}

#[test]
fn short_commitment_fires_when_mission_lasts_23_months() {
    let s = short_commitment_scenario();
    let f = fires_once(&s, RuleId::ShortCommitment);
    assert_eq!(f.subject, vec![m_ref("misahel"), a_ref("a1")]);
    assert_eq!(f.key(), key(RuleId::ShortCommitment, &["a1", "misahel"]));
    assert_mentions(&f, &["'Task a1'", "MISAHEL", "23 months"]);
}

#[test]
fn short_commitment_quiet_when_mission_lasts_24_months() {
    let mut s = short_commitment_scenario();
    mission_mut(&mut s, "misahel").end = Some(ym("2001-12"));
    quiet(&s, RuleId::ShortCommitment);
}

#[test]
fn short_commitment_quiet_when_mission_is_open_ended() {
    let mut s = short_commitment_scenario();
    mission_mut(&mut s, "misahel").end = None;
    quiet(&s, RuleId::ShortCommitment);
}

#[test]
fn short_commitment_quiet_when_development_partner_named() {
    let mut s = short_commitment_scenario();
    s.actors
        .push(actor("undp", "UNDP Testland", ActorKind::Undp));
    act_mut(&mut s, "a1").partners.push(ActorId::from("undp"));
    quiet(&s, RuleId::ShortCommitment);
}

#[test]
fn short_commitment_quiet_when_local_partner_named() {
    for kind in [
        ActorKind::HostAgency,
        ActorKind::CivilSociety,
        ActorKind::Community,
        ActorKind::WomensGroup,
        ActorKind::YouthGroup,
    ] {
        let mut s = short_commitment_scenario();
        s.actors.push(actor("p1", "Local partner", kind));
        act_mut(&mut s, "a1").partners.push(ActorId::from("p1"));
        quiet(&s, RuleId::ShortCommitment);
    }
}

#[test]
fn short_commitment_fires_when_only_partner_is_not_development_or_local() {
    let mut s = short_commitment_scenario();
    s.actors
        .push(actor("interpol", "INTERPOL", ActorKind::Interpol));
    act_mut(&mut s, "a1")
        .partners
        .push(ActorId::from("interpol"));
    fires_once(&s, RuleId::ShortCommitment);
}

#[test]
fn short_commitment_fires_when_activity_sits_on_the_drivers_axis() {
    let mut s = short_commitment_scenario();
    act_mut(&mut s, "a1").x = 0.0;
    fires_once(&s, RuleId::ShortCommitment);
}

#[test]
fn short_commitment_quiet_when_activity_is_on_consequences_side() {
    let mut s = short_commitment_scenario();
    act_mut(&mut s, "a1").x = -0.01;
    quiet(&s, RuleId::ShortCommitment);
}

#[test]
fn short_commitment_fires_when_activity_outlives_long_mission() {
    let mut s = short_commitment_scenario();
    mission_mut(&mut s, "misahel").end = Some(ym("2005-12"));
    act_mut(&mut s, "a1").end = Some(ym("2006-01"));
    let f = fires_once(&s, RuleId::ShortCommitment);
    assert_mentions(&f, &["'Task a1'", "2006-01", "2005-12", "MISAHEL"]);
}

#[test]
fn short_commitment_quiet_when_activity_ends_with_long_mission() {
    let mut s = short_commitment_scenario();
    mission_mut(&mut s, "misahel").end = Some(ym("2005-12"));
    act_mut(&mut s, "a1").end = Some(ym("2005-12"));
    quiet(&s, RuleId::ShortCommitment);
}

// ---------------------------------------------------------------------------------------------
// §IV.3 interlocutor-tradeoff
// ---------------------------------------------------------------------------------------------

fn interlocutor_scenario() -> Scenario {
    let mut s = base();
    s.missions.push(mission(
        "minustah",
        Multidimensional,
        UnPko,
        "2004-06",
        None,
    ));
    s.groups.push(group(
        "g1",
        "Port traders",
        StateRelation::Symbiotic,
        PeaceRole::Partner,
    ));
    let mut a = activity("a1", "minustah", -0.5, 0.5, &[K::Raid]);
    a.groups = vec![GroupId::from("g1")];
    s.activities.push(a);
    s
}

#[test]
fn interlocutor_tradeoff_fires_when_coercion_targets_a_peace_partner() {
    let s = interlocutor_scenario();
    let f = fires_once(&s, RuleId::InterlocutorTradeoff);
    assert_eq!(f.subject, vec![a_ref("a1"), g_ref("g1")]);
    assert_eq!(f.key(), key(RuleId::InterlocutorTradeoff, &["a1", "g1"]));
    assert_eq!(f.involved, vec![m_ref("minustah")]);
    assert_mentions(&f, &["'Task a1'", "'Port traders'", "MINUSTAH", "partner"]);
}

#[test]
fn interlocutor_tradeoff_quiet_when_group_is_a_spoiler() {
    let mut s = interlocutor_scenario();
    group_mut(&mut s, "g1").role = PeaceRole::Spoiler;
    quiet(&s, RuleId::InterlocutorTradeoff);
}

#[test]
fn interlocutor_tradeoff_fires_when_group_has_local_legitimacy() {
    let mut s = interlocutor_scenario();
    let g = group_mut(&mut s, "g1");
    g.role = PeaceRole::Spoiler;
    g.local_legitimacy = true;
    let f = fires_once(&s, RuleId::InterlocutorTradeoff);
    assert_mentions(&f, &["local legitimacy"]);
}

#[test]
fn interlocutor_tradeoff_fires_when_group_is_being_co_opted() {
    let mut s = interlocutor_scenario();
    let g = group_mut(&mut s, "g1");
    g.role = PeaceRole::Spoiler;
    g.approach = Approach::CoOptive;
    let f = fires_once(&s, RuleId::InterlocutorTradeoff);
    assert_mentions(&f, &["co-opted"]);
}

#[test]
fn interlocutor_tradeoff_fires_just_left_of_the_drivers_axis() {
    let mut s = interlocutor_scenario();
    act_mut(&mut s, "a1").x = -0.01;
    fires_once(&s, RuleId::InterlocutorTradeoff);
}

#[test]
fn interlocutor_tradeoff_quiet_when_activity_on_drivers_axis() {
    let mut s = interlocutor_scenario();
    act_mut(&mut s, "a1").x = 0.0;
    quiet(&s, RuleId::InterlocutorTradeoff);
}

#[test]
fn interlocutor_tradeoff_quiet_when_activity_is_indirect() {
    let mut s = interlocutor_scenario();
    act_mut(&mut s, "a1").y = -0.01;
    quiet(&s, RuleId::InterlocutorTradeoff);
}

// ---------------------------------------------------------------------------------------------
// §IV.4 law-enforcement-only
// ---------------------------------------------------------------------------------------------

/// `total` activities, `drivers` of them on the drivers side (x = 0, the axis counts as drivers).
fn law_enforcement_scenario(drivers: usize, total: usize) -> Scenario {
    let mut s = base();
    for i in 0..total {
        let x = if i < drivers { 0.0 } else { -0.5 };
        s.activities
            .push(activity(&format!("a{i}"), "", x, 0.5, &[K::Policing]));
    }
    s
}

#[test]
fn law_enforcement_only_fires_when_1_of_6_on_drivers_side() {
    let s = law_enforcement_scenario(1, 6);
    let f = fires_once(&s, RuleId::LawEnforcementOnly);
    assert!(f.subject.is_empty());
    assert_eq!(f.key(), key(RuleId::LawEnforcementOnly, &[]));
    assert_mentions(&f, &["1 of the 6"]);
}

#[test]
fn law_enforcement_only_quiet_when_1_of_5_on_drivers_side() {
    let s = law_enforcement_scenario(1, 5);
    quiet(&s, RuleId::LawEnforcementOnly);
}

#[test]
fn law_enforcement_only_fires_when_no_activity_on_drivers_side() {
    let s = law_enforcement_scenario(0, 1);
    fires_once(&s, RuleId::LawEnforcementOnly);
}

#[test]
fn law_enforcement_only_quiet_when_there_are_no_activities() {
    let s = law_enforcement_scenario(0, 0);
    quiet(&s, RuleId::LawEnforcementOnly);
}

// ---------------------------------------------------------------------------------------------
// §IV.5 military-policing
// ---------------------------------------------------------------------------------------------

fn military_policing_scenario() -> Scenario {
    let mut s = base();
    s.missions
        .push(mission("kfor", Military, Nato, "1999-06", None));
    s.activities
        .push(activity("a1", "kfor", -0.5, 0.5, &[K::Arrest]));
    s
}

#[test]
fn military_policing_fires_when_military_mission_arrests() {
    let s = military_policing_scenario();
    let f = fires_once(&s, RuleId::MilitaryPolicing);
    assert_eq!(f.subject, vec![m_ref("kfor"), a_ref("a1")]);
    assert_eq!(f.key(), key(RuleId::MilitaryPolicing, &["a1", "kfor"]));
    assert_mentions(&f, &["KFOR", "'Task a1'", "arrests"]);
}

#[test]
fn military_policing_quiet_when_mission_is_police() {
    let mut s = military_policing_scenario();
    mission_mut(&mut s, "kfor").kind = Police;
    quiet(&s, RuleId::MilitaryPolicing);
}

#[test]
fn military_policing_fires_for_every_law_enforcement_tag() {
    for kind in [
        K::Policing,
        K::Raid,
        K::Arrest,
        K::Detention,
        K::Investigation,
    ] {
        let mut s = military_policing_scenario();
        act_mut(&mut s, "a1").kinds = vec![kind];
        let f = fires_once(&s, RuleId::MilitaryPolicing);
        assert_mentions(&f, &[kind.label()]);
    }
}

#[test]
fn military_policing_quiet_when_only_area_security() {
    let mut s = military_policing_scenario();
    act_mut(&mut s, "a1").kinds = vec![K::Security];
    quiet(&s, RuleId::MilitaryPolicing);
}

#[test]
fn military_policing_quiet_when_activity_is_indirect() {
    let mut s = military_policing_scenario();
    act_mut(&mut s, "a1").y = -0.01;
    quiet(&s, RuleId::MilitaryPolicing);
}

// ---------------------------------------------------------------------------------------------
// §IV.6 accountability-gap
// ---------------------------------------------------------------------------------------------

/// Two weak links (policing weak, corrections absent), a mission without oversight detaining.
fn accountability_scenario() -> Scenario {
    let mut s = base();
    s.host.justice_chain.policing = Capacity::Weak;
    s.host.justice_chain.corrections = Capacity::Absent;
    s.missions
        .push(mission("kfor", Military, Nato, "1999-06", None));
    s.activities
        .push(activity("a1", "kfor", -0.5, 0.5, &[K::Detention]));
    s
}

#[test]
fn accountability_gap_fires_when_2_weak_links_and_no_oversight() {
    let s = accountability_scenario();
    let f = fires_once(&s, RuleId::AccountabilityGap);
    assert_eq!(f.subject, vec![m_ref("kfor")]);
    assert_eq!(f.key(), key(RuleId::AccountabilityGap, &["kfor"]));
    assert_eq!(f.involved, vec![a_ref("a1")]);
    assert_mentions(&f, &["KFOR", "'Task a1'", "2 of the 5"]);
}

#[test]
fn accountability_gap_quiet_when_only_1_weak_link() {
    let mut s = accountability_scenario();
    s.host.justice_chain.corrections = Capacity::Moderate;
    quiet(&s, RuleId::AccountabilityGap);
}

#[test]
fn accountability_gap_quiet_when_mission_has_oversight() {
    let mut s = accountability_scenario();
    mission_mut(&mut s, "kfor").oversight = true;
    quiet(&s, RuleId::AccountabilityGap);
}

#[test]
fn accountability_gap_fires_for_arrest_and_prosecution() {
    for kind in [K::Arrest, K::Prosecution] {
        let mut s = accountability_scenario();
        act_mut(&mut s, "a1").kinds = vec![kind];
        fires_once(&s, RuleId::AccountabilityGap);
    }
}

#[test]
fn accountability_gap_quiet_when_detention_is_indirect() {
    let mut s = accountability_scenario();
    act_mut(&mut s, "a1").y = -0.01;
    quiet(&s, RuleId::AccountabilityGap);
}

// ---------------------------------------------------------------------------------------------
// §IV.7 external-agenda
// ---------------------------------------------------------------------------------------------

fn external_agenda_scenario() -> Scenario {
    let mut s = base();
    let mut harmful = group(
        "g-kidnap",
        "Kidnappers",
        StateRelation::Predatory,
        PeaceRole::Spoiler,
    );
    harmful.harm = Level::High;
    let mut other = group(
        "g-smuggle",
        "Smugglers",
        StateRelation::Symbiotic,
        PeaceRole::Evader,
    );
    other.harm = Level::Low;
    s.groups.push(harmful);
    s.groups.push(other);
    let mut a = activity("a1", "", -0.5, 0.5, &[K::Border]);
    a.groups = vec![GroupId::from("g-smuggle")];
    s.activities.push(a);
    s
}

#[test]
fn external_agenda_fires_when_most_harmful_group_untargeted() {
    let s = external_agenda_scenario();
    let f = fires_once(&s, RuleId::ExternalAgenda);
    assert_eq!(f.subject, vec![g_ref("g-kidnap")]);
    assert_eq!(f.key(), key(RuleId::ExternalAgenda, &["g-kidnap"]));
    assert_eq!(f.involved, vec![g_ref("g-smuggle")]);
    assert_mentions(&f, &["'Kidnappers'", "'Smugglers'", "high"]);
}

#[test]
fn external_agenda_quiet_when_most_harmful_group_also_targeted() {
    let mut s = external_agenda_scenario();
    act_mut(&mut s, "a1").groups.push(GroupId::from("g-kidnap"));
    quiet(&s, RuleId::ExternalAgenda);
}

#[test]
fn external_agenda_quiet_when_untargeted_group_is_less_harmful() {
    let mut s = external_agenda_scenario();
    group_mut(&mut s, "g-kidnap").harm = Level::Low;
    group_mut(&mut s, "g-smuggle").harm = Level::Medium;
    quiet(&s, RuleId::ExternalAgenda);
}

#[test]
fn external_agenda_fires_when_untargeted_group_shares_the_highest_harm() {
    let mut s = external_agenda_scenario();
    group_mut(&mut s, "g-smuggle").harm = Level::High;
    let f = fires_once(&s, RuleId::ExternalAgenda);
    assert_eq!(f.subject, vec![g_ref("g-kidnap")]);
}

#[test]
fn external_agenda_quiet_when_no_group_is_targeted() {
    let mut s = external_agenda_scenario();
    act_mut(&mut s, "a1").groups.clear();
    quiet(&s, RuleId::ExternalAgenda);
}

// ---------------------------------------------------------------------------------------------
// §III, §IV mission-footprint
// ---------------------------------------------------------------------------------------------

fn footprint_scenario(personnel: u32) -> Scenario {
    let mut s = base();
    let mut m = mission("unmil", Multidimensional, UnPko, "2003-10", None);
    m.personnel = personnel;
    s.missions.push(m);
    s.activities
        .push(activity("a1", "unmil", -0.5, 0.5, &[K::Policing]));
    s
}

#[test]
fn mission_footprint_fires_when_1000_personnel_and_no_conduct_activity() {
    let s = footprint_scenario(1000);
    let f = fires_once(&s, RuleId::MissionFootprint);
    assert_eq!(f.subject, vec![m_ref("unmil")]);
    assert_eq!(f.key(), key(RuleId::MissionFootprint, &["unmil"]));
    assert_mentions(&f, &["UNMIL", "1,000"]);
}

#[test]
fn mission_footprint_quiet_when_999_personnel() {
    let s = footprint_scenario(999);
    quiet(&s, RuleId::MissionFootprint);
}

#[test]
fn mission_footprint_quiet_when_conduct_and_discipline_planned() {
    let mut s = footprint_scenario(1000);
    s.activities
        .push(activity("cd", "unmil", 0.5, 0.5, &[K::ConductDiscipline]));
    quiet(&s, RuleId::MissionFootprint);
}

#[test]
fn mission_footprint_fires_when_conduct_activity_belongs_to_another_mission() {
    let mut s = footprint_scenario(1000);
    s.missions
        .push(mission("unomil", Civilian, UnPko, "2003-10", None));
    s.activities
        .push(activity("cd", "unomil", 0.5, 0.5, &[K::ConductDiscipline]));
    let f = fires_once(&s, RuleId::MissionFootprint);
    assert_eq!(f.subject, vec![m_ref("unmil")]);
}

// ---------------------------------------------------------------------------------------------
// §IV late-start
// ---------------------------------------------------------------------------------------------

fn late_start_scenario(first_activity: &str) -> Scenario {
    let mut s = base();
    s.missions
        .push(mission("unmik", Multidimensional, UnPko, "1999-06", None));
    let mut a = activity("a1", "unmik", -0.5, 0.5, &[K::Investigation]);
    a.start = Some(ym(first_activity));
    s.activities.push(a);
    s
}

#[test]
fn late_start_fires_when_first_activity_starts_25_months_after_deployment() {
    let s = late_start_scenario("2001-07");
    let f = fires_once(&s, RuleId::LateStart);
    assert!(f.subject.is_empty());
    assert_eq!(f.key(), key(RuleId::LateStart, &[]));
    assert!(f.involved.contains(&m_ref("unmik")));
    assert!(f.involved.contains(&a_ref("a1")));
    assert_mentions(
        &f,
        &["'Task a1'", "UNMIK", "25 months", "2001-07", "1999-06"],
    );
}

#[test]
fn late_start_quiet_when_first_activity_starts_24_months_after_deployment() {
    let s = late_start_scenario("2001-06");
    quiet(&s, RuleId::LateStart);
}

#[test]
fn late_start_quiet_when_an_earlier_activity_exists() {
    let mut s = late_start_scenario("2001-07");
    let mut early = activity("a0", "unmik", 0.5, 0.5, &[K::Analysis]);
    early.start = Some(ym("2000-01"));
    s.activities.push(early);
    quiet(&s, RuleId::LateStart);
}

#[test]
fn late_start_fires_when_activity_takes_a_later_missions_start() {
    let mut s = late_start_scenario("2001-07");
    s.activities.clear();
    s.missions
        .push(mission("eulex", Civilian, Eu, "2008-12", None));
    // No own start: it starts when its mission deploys, 114 months after UNMIK.
    s.activities
        .push(activity("a1", "eulex", -0.5, 0.5, &[K::Investigation]));
    let f = fires_once(&s, RuleId::LateStart);
    assert_mentions(&f, &["UNMIK", "114 months"]);
}

// ---------------------------------------------------------------------------------------------
// §II co-optation-without-transition
// ---------------------------------------------------------------------------------------------

fn co_optation_scenario() -> Scenario {
    let mut s = base();
    let mut g = group("g1", "Militia", StateRelation::Parasitic, PeaceRole::Evader);
    g.approach = Approach::CoOptive;
    g.transition_plan = false;
    s.groups.push(g);
    s
}

#[test]
fn co_optation_without_transition_fires_when_co_opted_without_plan() {
    let s = co_optation_scenario();
    let f = fires_once(&s, RuleId::CoOptationWithoutTransition);
    assert_eq!(f.subject, vec![g_ref("g1")]);
    assert_eq!(f.key(), key(RuleId::CoOptationWithoutTransition, &["g1"]));
    assert_mentions(&f, &["'Militia'", "transition"]);
}

#[test]
fn co_optation_without_transition_quiet_when_transition_plan_exists() {
    let mut s = co_optation_scenario();
    group_mut(&mut s, "g1").transition_plan = true;
    quiet(&s, RuleId::CoOptationWithoutTransition);
}

#[test]
fn co_optation_without_transition_fires_when_predatory_group_co_opted_even_with_plan() {
    let mut s = co_optation_scenario();
    let g = group_mut(&mut s, "g1");
    g.transition_plan = true;
    g.relation = StateRelation::Predatory;
    let f = fires_once(&s, RuleId::CoOptationWithoutTransition);
    assert_mentions(&f, &["'Militia'", "predatory"]);
}

#[test]
fn co_optation_without_transition_quiet_when_approach_is_coercive() {
    let mut s = co_optation_scenario();
    group_mut(&mut s, "g1").approach = Approach::Coercive;
    quiet(&s, RuleId::CoOptationWithoutTransition);
}

// ---------------------------------------------------------------------------------------------
// §V.1 fragmented-justice-chain
// ---------------------------------------------------------------------------------------------

fn justice_chain_scenario() -> Scenario {
    let mut s = base();
    s.host.justice_chain.prosecution = Capacity::Weak;
    s.activities
        .push(activity("a1", "", -0.5, 0.5, &[K::Arrest]));
    s
}

#[test]
fn fragmented_justice_chain_fires_when_weak_prosecution_unaddressed() {
    let s = justice_chain_scenario();
    let f = fires_once(&s, RuleId::FragmentedJusticeChain);
    assert_eq!(f.subject, vec![EntityRef::Link(JusticeLink::Prosecution)]);
    assert_eq!(
        f.key(),
        key(RuleId::FragmentedJusticeChain, &["link:prosecution"])
    );
    assert_mentions(&f, &["prosecution", "policing", "weak", "Testland"]);
}

#[test]
fn fragmented_justice_chain_quiet_when_prosecution_addressed() {
    let mut s = justice_chain_scenario();
    s.activities
        .push(activity("a2", "", -0.5, -0.5, &[K::Prosecution]));
    quiet(&s, RuleId::FragmentedJusticeChain);
}

#[test]
fn fragmented_justice_chain_quiet_when_prosecution_moderate() {
    let mut s = justice_chain_scenario();
    s.host.justice_chain.prosecution = Capacity::Moderate;
    quiet(&s, RuleId::FragmentedJusticeChain);
}

#[test]
fn fragmented_justice_chain_fires_when_link_absent() {
    let mut s = justice_chain_scenario();
    s.host.justice_chain.prosecution = Capacity::Absent;
    let f = fires_once(&s, RuleId::FragmentedJusticeChain);
    assert_mentions(&f, &["absent"]);
}

#[test]
fn fragmented_justice_chain_quiet_when_no_link_addressed() {
    let mut s = justice_chain_scenario();
    act_mut(&mut s, "a1").kinds = vec![K::Governance];
    quiet(&s, RuleId::FragmentedJusticeChain);
}

// ---------------------------------------------------------------------------------------------
// §V.2 turf-overlap
// ---------------------------------------------------------------------------------------------

/// UNMIK (until 2008-12) and EULEX (from 2008-12) both investigate the same group.
fn turf_scenario() -> Scenario {
    let mut s = base();
    s.missions.push(mission(
        "unmik",
        Multidimensional,
        UnPko,
        "1999-06",
        Some("2008-12"),
    ));
    s.missions
        .push(mission("eulex", Civilian, Eu, "2008-12", None));
    s.groups.push(group(
        "g1",
        "Drenica clan",
        StateRelation::Parasitic,
        PeaceRole::Partner,
    ));
    for (id, m) in [("a1", "unmik"), ("a2", "eulex")] {
        let mut a = activity(id, m, -0.5, 0.5, &[K::Investigation]);
        a.groups = vec![GroupId::from("g1")];
        s.activities.push(a);
    }
    s
}

#[test]
fn turf_overlap_fires_when_overlapping_missions_investigate_same_group() {
    let s = turf_scenario();
    let f = fires_once(&s, RuleId::TurfOverlap);
    assert_eq!(f.subject, vec![m_ref("unmik"), m_ref("eulex")]);
    assert_eq!(f.key(), key(RuleId::TurfOverlap, &["eulex", "unmik"]));
    assert_eq!(f.involved, vec![g_ref("g1")]);
    assert_mentions(&f, &["UNMIK", "EULEX", "investigation", "'Drenica clan'"]);
}

#[test]
fn turf_overlap_quiet_when_second_mission_starts_month_after_first_ends() {
    let mut s = turf_scenario();
    mission_mut(&mut s, "unmik").end = Some(ym("2008-11"));
    quiet(&s, RuleId::TurfOverlap);
}

#[test]
fn turf_overlap_quiet_when_kinds_differ() {
    let mut s = turf_scenario();
    act_mut(&mut s, "a2").kinds = vec![K::Prosecution];
    quiet(&s, RuleId::TurfOverlap);
}

#[test]
fn turf_overlap_quiet_when_groups_differ() {
    let mut s = turf_scenario();
    s.groups.push(group(
        "g2",
        "Other clan",
        StateRelation::Parasitic,
        PeaceRole::Evader,
    ));
    act_mut(&mut s, "a2").groups = vec![GroupId::from("g2")];
    quiet(&s, RuleId::TurfOverlap);
}

#[test]
fn turf_overlap_quiet_when_shared_kind_is_coordination_or_conduct() {
    for kind in [K::Coordination, K::ConductDiscipline] {
        let mut s = turf_scenario();
        act_mut(&mut s, "a1").kinds = vec![kind];
        act_mut(&mut s, "a2").kinds = vec![kind];
        quiet(&s, RuleId::TurfOverlap);
    }
}

#[test]
fn turf_overlap_fires_when_same_kind_in_same_region() {
    let mut s = turf_scenario();
    s.host
        .regions
        .push(region("r-north", "Mitrovica", RegionKind::Border));
    for id in ["a1", "a2"] {
        let a = act_mut(&mut s, id);
        a.groups.clear();
        a.region = Some(RegionId::from("r-north"));
    }
    let f = fires_once(&s, RuleId::TurfOverlap);
    assert_eq!(f.involved, vec![r_ref("r-north")]);
    assert_mentions(&f, &["Mitrovica"]);
}

// ---------------------------------------------------------------------------------------------
// §V.3 organizational-geopolitics
// ---------------------------------------------------------------------------------------------

fn geopolitics_scenario() -> Scenario {
    let mut s = base();
    s.missions
        .push(mission("kfor", Military, Nato, "1999-06", Some("2008-12")));
    s.missions
        .push(mission("eulex", Civilian, Eu, "2008-12", None));
    s
}

#[test]
fn organizational_geopolitics_fires_when_nato_and_eu_overlap() {
    let s = geopolitics_scenario();
    let f = fires_once(&s, RuleId::OrganizationalGeopolitics);
    assert!(f.subject.is_empty());
    assert_eq!(f.key(), key(RuleId::OrganizationalGeopolitics, &[]));
    assert_eq!(f.involved, vec![m_ref("kfor"), m_ref("eulex")]);
    assert_mentions(&f, &["KFOR (NATO)", "EULEX (EU)", "2 organizations"]);
}

#[test]
fn organizational_geopolitics_quiet_when_second_starts_month_after_first_ends() {
    let mut s = geopolitics_scenario();
    mission_mut(&mut s, "kfor").end = Some(ym("2008-11"));
    quiet(&s, RuleId::OrganizationalGeopolitics);
}

#[test]
fn organizational_geopolitics_quiet_when_both_missions_are_un() {
    let mut s = geopolitics_scenario();
    mission_mut(&mut s, "kfor").organization = UnPko;
    mission_mut(&mut s, "eulex").organization = UnSpm;
    quiet(&s, RuleId::OrganizationalGeopolitics);
}

// ---------------------------------------------------------------------------------------------
// §V.4 military-public-security
// ---------------------------------------------------------------------------------------------

fn military_public_security_scenario() -> Scenario {
    let mut s = base();
    let mut kfor = mission("kfor", Military, Nato, "1999-06", None);
    kfor.mandate.public_security = true;
    let mut unmik = mission("unmik", Multidimensional, UnPko, "1999-06", None);
    unmik.capabilities = vec![C::Police];
    s.missions.push(kfor);
    s.missions.push(unmik);
    s
}

#[test]
fn military_public_security_fires_when_mandate_beside_multidimensional_with_police() {
    let s = military_public_security_scenario();
    let f = fires_once(&s, RuleId::MilitaryPublicSecurity);
    assert_eq!(f.subject, vec![m_ref("kfor")]);
    assert_eq!(f.key(), key(RuleId::MilitaryPublicSecurity, &["kfor"]));
    assert_eq!(f.involved, vec![m_ref("unmik")]);
    assert_mentions(&f, &["KFOR", "UNMIK"]);
}

#[test]
fn military_public_security_quiet_when_multidimensional_mission_has_no_police() {
    let mut s = military_public_security_scenario();
    mission_mut(&mut s, "unmik").capabilities = vec![C::Judicial];
    quiet(&s, RuleId::MilitaryPublicSecurity);
}

#[test]
fn military_public_security_fires_beside_civilian_or_police_mission() {
    for kind in [Civilian, Police] {
        let mut s = military_public_security_scenario();
        let m = mission_mut(&mut s, "unmik");
        m.kind = kind;
        m.capabilities.clear();
        fires_once(&s, RuleId::MilitaryPublicSecurity);
    }
}

#[test]
fn military_public_security_quiet_when_no_public_security_task() {
    let mut s = military_public_security_scenario();
    mission_mut(&mut s, "kfor").mandate.public_security = false;
    quiet(&s, RuleId::MilitaryPublicSecurity);
}

#[test]
fn military_public_security_fires_when_direct_law_enforcement_shows_public_security() {
    let mut s = military_public_security_scenario();
    mission_mut(&mut s, "kfor").mandate.public_security = false;
    s.activities
        .push(activity("a1", "kfor", -0.5, 0.5, &[K::Raid]));
    fires_once(&s, RuleId::MilitaryPublicSecurity);
}

#[test]
fn military_public_security_quiet_when_law_enforcement_is_indirect() {
    let mut s = military_public_security_scenario();
    mission_mut(&mut s, "kfor").mandate.public_security = false;
    s.activities
        .push(activity("a1", "kfor", -0.5, -0.01, &[K::Raid]));
    quiet(&s, RuleId::MilitaryPublicSecurity);
}

#[test]
fn military_public_security_quiet_when_missions_do_not_overlap() {
    let mut s = military_public_security_scenario();
    mission_mut(&mut s, "kfor").end = Some(ym("2000-01"));
    mission_mut(&mut s, "unmik").start = ym("2000-02");
    quiet(&s, RuleId::MilitaryPublicSecurity);
}

// ---------------------------------------------------------------------------------------------
// §V.5 intelligence-not-shared
// ---------------------------------------------------------------------------------------------

fn intelligence_scenario() -> Scenario {
    let mut s = base();
    s.missions
        .push(mission("unmik", Multidimensional, UnPko, "1999-06", None));
    s.missions
        .push(mission("kfor", Military, Nato, "1999-06", None));
    s.groups.push(group(
        "g1",
        "Brothel ring",
        StateRelation::Parasitic,
        PeaceRole::Evader,
    ));
    let mut a1 = activity("a1", "unmik", 0.5, 0.5, &[K::Analysis]);
    a1.groups = vec![GroupId::from("g1")];
    let mut a2 = activity("a2", "kfor", -0.5, 0.5, &[K::Raid]);
    a2.groups = vec![GroupId::from("g1")];
    s.activities.push(a1);
    s.activities.push(a2);
    s
}

#[test]
fn intelligence_not_shared_fires_when_missions_target_same_group_without_arrangement() {
    let s = intelligence_scenario();
    let f = fires_once(&s, RuleId::IntelligenceNotShared);
    assert_eq!(f.subject, vec![m_ref("unmik"), m_ref("kfor")]);
    assert_eq!(
        f.key(),
        key(RuleId::IntelligenceNotShared, &["kfor", "unmik"])
    );
    assert_eq!(f.involved, vec![g_ref("g1")]);
    assert_mentions(&f, &["UNMIK", "KFOR", "'Brothel ring'"]);
}

#[test]
fn intelligence_not_shared_quiet_when_later_mission_lists_arrangement() {
    let mut s = intelligence_scenario();
    mission_mut(&mut s, "kfor")
        .intel_sharing
        .push(MissionId::from("unmik"));
    quiet(&s, RuleId::IntelligenceNotShared);
}

#[test]
fn intelligence_not_shared_quiet_when_earlier_mission_lists_arrangement() {
    let mut s = intelligence_scenario();
    mission_mut(&mut s, "unmik")
        .intel_sharing
        .push(MissionId::from("kfor"));
    quiet(&s, RuleId::IntelligenceNotShared);
}

#[test]
fn intelligence_not_shared_quiet_when_missions_target_different_groups() {
    let mut s = intelligence_scenario();
    s.groups.push(group(
        "g2",
        "Fuel smugglers",
        StateRelation::Symbiotic,
        PeaceRole::Evader,
    ));
    act_mut(&mut s, "a2").groups = vec![GroupId::from("g2")];
    quiet(&s, RuleId::IntelligenceNotShared);
}

#[test]
fn intelligence_not_shared_fires_when_missions_work_in_same_region() {
    let mut s = intelligence_scenario();
    s.host
        .regions
        .push(region("r-north", "Mitrovica", RegionKind::Border));
    for id in ["a1", "a2"] {
        let a = act_mut(&mut s, id);
        a.groups.clear();
        a.region = Some(RegionId::from("r-north"));
    }
    let f = fires_once(&s, RuleId::IntelligenceNotShared);
    assert_eq!(f.involved, vec![r_ref("r-north")]);
    assert_mentions(&f, &["Mitrovica"]);
}

#[test]
fn intelligence_not_shared_quiet_when_missions_do_not_overlap() {
    let mut s = intelligence_scenario();
    mission_mut(&mut s, "unmik").end = Some(ym("2000-12"));
    mission_mut(&mut s, "kfor").start = ym("2001-01");
    quiet(&s, RuleId::IntelligenceNotShared);
}

// ---------------------------------------------------------------------------------------------
// §V.6 unregulated-handover
// ---------------------------------------------------------------------------------------------

/// UNMIK → EULEX with no handover plan.
fn handover_scenario() -> Scenario {
    let mut s = base();
    s.missions.push(mission(
        "unmik",
        Multidimensional,
        UnPko,
        "1999-06",
        Some("2008-12"),
    ));
    let mut eulex = mission("eulex", Civilian, Eu, "2008-12", None);
    eulex.predecessor = Some(MissionId::from("unmik"));
    s.missions.push(eulex);
    s
}

#[test]
fn unregulated_handover_fires_when_successor_has_no_plan() {
    let s = handover_scenario();
    let f = fires_once(&s, RuleId::UnregulatedHandover);
    assert_eq!(f.subject, vec![m_ref("unmik"), m_ref("eulex")]);
    assert_eq!(
        f.key(),
        key(RuleId::UnregulatedHandover, &["eulex", "unmik"])
    );
    assert_mentions(&f, &["EULEX", "UNMIK", "no handover plan"]);
}

#[test]
fn unregulated_handover_quiet_when_plan_exists_and_predecessor_ran_no_cases() {
    let mut s = handover_scenario();
    mission_mut(&mut s, "eulex").handover.planned = true;
    s.activities
        .push(activity("a1", "unmik", -0.5, 0.5, &[K::Policing]));
    quiet(&s, RuleId::UnregulatedHandover);
}

#[test]
fn unregulated_handover_fires_when_plan_leaves_out_case_files_of_investigations() {
    let mut s = handover_scenario();
    let h = &mut mission_mut(&mut s, "eulex").handover;
    h.planned = true;
    h.covers = vec![HandoverScope::Personnel, HandoverScope::Intelligence];
    s.activities
        .push(activity("a1", "unmik", -0.5, 0.5, &[K::Investigation]));
    let f = fires_once(&s, RuleId::UnregulatedHandover);
    assert_eq!(f.subject, vec![m_ref("unmik"), m_ref("eulex")]);
    assert_mentions(&f, &["EULEX", "UNMIK", "'Task a1'", "case files"]);
}

#[test]
fn unregulated_handover_fires_for_each_kind_of_case_work() {
    for kind in [
        K::Investigation,
        K::Prosecution,
        K::Adjudication,
        K::Detention,
    ] {
        let mut s = handover_scenario();
        mission_mut(&mut s, "eulex").handover.planned = true;
        s.activities
            .push(activity("a1", "unmik", -0.5, 0.5, &[kind]));
        fires_once(&s, RuleId::UnregulatedHandover);
    }
}

#[test]
fn unregulated_handover_quiet_when_plan_covers_case_files() {
    let mut s = handover_scenario();
    let h = &mut mission_mut(&mut s, "eulex").handover;
    h.planned = true;
    h.covers = vec![HandoverScope::CaseFiles];
    s.activities
        .push(activity("a1", "unmik", -0.5, 0.5, &[K::Investigation]));
    quiet(&s, RuleId::UnregulatedHandover);
}

#[test]
fn unregulated_handover_quiet_when_case_work_is_successors_own() {
    let mut s = handover_scenario();
    mission_mut(&mut s, "eulex").handover.planned = true;
    s.activities
        .push(activity("a1", "eulex", -0.5, 0.5, &[K::Investigation]));
    quiet(&s, RuleId::UnregulatedHandover);
}

/// UNMIL alone, ending 2018-03, with an activity set to run past it.
fn outliving_scenario(activity_end: &str) -> Scenario {
    let mut s = base();
    s.missions.push(mission(
        "unmil",
        Multidimensional,
        UnPko,
        "2003-10",
        Some("2018-03"),
    ));
    let mut a = activity("a1", "unmil", 0.5, -0.5, &[K::Governance]);
    a.end = Some(ym(activity_end));
    s.activities.push(a);
    s
}

#[test]
fn unregulated_handover_fires_when_activity_outlives_mission_without_successor() {
    let s = outliving_scenario("2018-04");
    let f = fires_once(&s, RuleId::UnregulatedHandover);
    assert_eq!(f.subject, vec![m_ref("unmil"), a_ref("a1")]);
    assert_eq!(f.key(), key(RuleId::UnregulatedHandover, &["a1", "unmil"]));
    assert_mentions(&f, &["'Task a1'", "2018-04", "UNMIL", "2018-03"]);
}

#[test]
fn unregulated_handover_quiet_when_activity_ends_with_mission() {
    let s = outliving_scenario("2018-03");
    quiet(&s, RuleId::UnregulatedHandover);
}

#[test]
fn unregulated_handover_quiet_when_outliving_activity_has_successor_mission() {
    let mut s = outliving_scenario("2018-04");
    let mut next = mission("unpol", Police, UnSpm, "2018-04", None);
    next.predecessor = Some(MissionId::from("unmil"));
    next.handover.planned = true;
    next.handover.covers = vec![HandoverScope::CaseFiles, HandoverScope::Programmes];
    s.missions.push(next);
    quiet(&s, RuleId::UnregulatedHandover);
}

// ---------------------------------------------------------------------------------------------
// §V no-joint-analysis
// ---------------------------------------------------------------------------------------------

fn joint_analysis_scenario() -> Scenario {
    let mut s = base();
    let mut m = mission("minustah", Multidimensional, UnPko, "2004-06", None);
    m.capabilities = vec![C::Military, C::FormedPoliceUnits];
    s.missions.push(m);
    s.activities
        .push(activity("a1", "minustah", -0.5, 0.5, &[K::Raid]));
    s
}

#[test]
fn no_joint_analysis_fires_when_military_and_police_without_analysis_cell() {
    let s = joint_analysis_scenario();
    let f = fires_once(&s, RuleId::NoJointAnalysis);
    assert_eq!(f.subject, vec![m_ref("minustah")]);
    assert_eq!(f.key(), key(RuleId::NoJointAnalysis, &["minustah"]));
    assert_eq!(f.involved, vec![a_ref("a1")]);
    assert_mentions(&f, &["MINUSTAH"]);
}

#[test]
fn no_joint_analysis_quiet_when_mission_has_analysis_cell() {
    let mut s = joint_analysis_scenario();
    mission_mut(&mut s, "minustah")
        .capabilities
        .push(C::Analysis);
    quiet(&s, RuleId::NoJointAnalysis);
}

#[test]
fn no_joint_analysis_quiet_when_mission_has_no_activities() {
    let mut s = joint_analysis_scenario();
    s.activities.clear();
    quiet(&s, RuleId::NoJointAnalysis);
}

#[test]
fn no_joint_analysis_quiet_when_mission_has_no_police_component() {
    let mut s = joint_analysis_scenario();
    mission_mut(&mut s, "minustah").capabilities = vec![C::Military];
    quiet(&s, RuleId::NoJointAnalysis);
}

#[test]
fn no_joint_analysis_fires_when_military_kind_has_gendarmerie() {
    let mut s = joint_analysis_scenario();
    let m = mission_mut(&mut s, "minustah");
    m.kind = Military;
    m.capabilities = vec![C::Gendarmerie];
    fires_once(&s, RuleId::NoJointAnalysis);
}

#[test]
fn no_joint_analysis_fires_when_police_kind_has_military() {
    let mut s = joint_analysis_scenario();
    let m = mission_mut(&mut s, "minustah");
    m.kind = Police;
    m.capabilities = vec![C::Military];
    fires_once(&s, RuleId::NoJointAnalysis);
}

// ---------------------------------------------------------------------------------------------
// §IV.4, §V capacity-to-captured-state
// ---------------------------------------------------------------------------------------------

fn captured_state_scenario() -> Scenario {
    let mut s = base();
    s.host.governance = Governance::Corrupt;
    let mut m = mission("eucap", Civilian, Eu, "2012-07", None);
    m.capabilities = vec![C::Training];
    s.missions.push(m);
    s.activities
        .push(activity("a1", "eucap", -0.5, -0.5, &[K::Training]));
    s
}

#[test]
fn capacity_to_captured_state_fires_when_training_corrupt_state() {
    let s = captured_state_scenario();
    let f = fires_once(&s, RuleId::CapacityToCapturedState);
    assert_eq!(f.subject, vec![m_ref("eucap")]);
    assert_eq!(f.key(), key(RuleId::CapacityToCapturedState, &["eucap"]));
    assert_eq!(f.involved, vec![a_ref("a1")]);
    assert_mentions(&f, &["EUCAP", "'Task a1'", "corrupt"]);
}

#[test]
fn capacity_to_captured_state_fires_when_state_captured() {
    let mut s = captured_state_scenario();
    s.host.governance = Governance::Captured;
    let f = fires_once(&s, RuleId::CapacityToCapturedState);
    assert_mentions(&f, &["captured"]);
}

#[test]
fn capacity_to_captured_state_quiet_when_state_merely_weak() {
    let mut s = captured_state_scenario();
    s.host.governance = Governance::Weak;
    quiet(&s, RuleId::CapacityToCapturedState);
}

#[test]
fn capacity_to_captured_state_quiet_when_activity_on_direct_axis() {
    let mut s = captured_state_scenario();
    act_mut(&mut s, "a1").y = 0.0;
    quiet(&s, RuleId::CapacityToCapturedState);
}

#[test]
fn capacity_to_captured_state_quiet_when_community_partner() {
    let mut s = captured_state_scenario();
    s.actors
        .push(actor("cso", "Citizens' watch", ActorKind::CivilSociety));
    act_mut(&mut s, "a1").partners.push(ActorId::from("cso"));
    quiet(&s, RuleId::CapacityToCapturedState);
}

#[test]
fn capacity_to_captured_state_fires_when_host_agency_partner_even_with_community() {
    let mut s = captured_state_scenario();
    s.actors
        .push(actor("cso", "Citizens' watch", ActorKind::CivilSociety));
    s.actors
        .push(actor("police", "National police", ActorKind::HostAgency));
    let a = act_mut(&mut s, "a1");
    a.kinds = vec![K::Governance];
    a.partners = vec![ActorId::from("cso"), ActorId::from("police")];
    fires_once(&s, RuleId::CapacityToCapturedState);
}

#[test]
fn capacity_to_captured_state_quiet_when_untagged_activity_without_host_partner() {
    let mut s = captured_state_scenario();
    act_mut(&mut s, "a1").kinds = vec![K::Governance];
    quiet(&s, RuleId::CapacityToCapturedState);
}

#[test]
fn capacity_to_captured_state_fires_when_targeted_group_tied_to_officials() {
    let mut s = captured_state_scenario();
    s.host.governance = Governance::Functioning;
    let mut g = group(
        "g1",
        "Cocaine network",
        StateRelation::Symbiotic,
        PeaceRole::Partner,
    );
    g.ties_to_officials = true;
    s.groups.push(g);
    act_mut(&mut s, "a1").groups = vec![GroupId::from("g1")];
    let f = fires_once(&s, RuleId::CapacityToCapturedState);
    assert!(f.involved.contains(&g_ref("g1")));
    assert_mentions(&f, &["EUCAP", "'Cocaine network'"]);
}

#[test]
fn capacity_to_captured_state_quiet_when_targeted_group_has_no_ties() {
    let mut s = captured_state_scenario();
    s.host.governance = Governance::Functioning;
    s.groups.push(group(
        "g1",
        "Cocaine network",
        StateRelation::Symbiotic,
        PeaceRole::Evader,
    ));
    act_mut(&mut s, "a1").groups = vec![GroupId::from("g1")];
    quiet(&s, RuleId::CapacityToCapturedState);
}

// ---------------------------------------------------------------------------------------------
// §V, §VI(c) no-regional-approach
// ---------------------------------------------------------------------------------------------

fn regional_scenario() -> Scenario {
    let mut s = base();
    let mut g = group(
        "g1",
        "Sahel traffickers",
        StateRelation::Parasitic,
        PeaceRole::Evader,
    );
    g.transnational = true;
    s.groups.push(g);
    s.actors.push(actor(
        "niger",
        "Government of Niger",
        ActorKind::NeighbouringGovernment,
    ));
    let mut a = activity("a1", "", -0.5, 0.5, &[K::Border]);
    a.groups = vec![GroupId::from("g1")];
    s.activities.push(a);
    s
}

#[test]
fn no_regional_approach_fires_when_transnational_group_has_no_regional_partner() {
    let s = regional_scenario();
    let f = fires_once(&s, RuleId::NoRegionalApproach);
    assert_eq!(f.subject, vec![g_ref("g1")]);
    assert_eq!(f.key(), key(RuleId::NoRegionalApproach, &["g1"]));
    assert_mentions(&f, &["'Sahel traffickers'"]);
}

#[test]
fn no_regional_approach_quiet_when_neighbour_partners_activity_against_group() {
    let mut s = regional_scenario();
    act_mut(&mut s, "a1").partners.push(ActorId::from("niger"));
    quiet(&s, RuleId::NoRegionalApproach);
}

#[test]
fn no_regional_approach_quiet_when_regional_organization_partners_activity() {
    let mut s = regional_scenario();
    s.actors
        .push(actor("ecowas", "ECOWAS", ActorKind::RegionalOrganization));
    act_mut(&mut s, "a1").partners.push(ActorId::from("ecowas"));
    quiet(&s, RuleId::NoRegionalApproach);
}

#[test]
fn no_regional_approach_quiet_when_group_not_transnational() {
    let mut s = regional_scenario();
    group_mut(&mut s, "g1").transnational = false;
    quiet(&s, RuleId::NoRegionalApproach);
}

#[test]
fn no_regional_approach_quiet_when_regional_activity_targets_no_particular_group() {
    let mut s = regional_scenario();
    let mut general = activity("a2", "", 0.5, -0.5, &[K::Coordination]);
    general.partners = vec![ActorId::from("niger")];
    s.activities.push(general);
    quiet(&s, RuleId::NoRegionalApproach);
}

#[test]
fn no_regional_approach_fires_when_regional_activity_targets_another_group() {
    let mut s = regional_scenario();
    s.groups.push(group(
        "g2",
        "Local gang",
        StateRelation::Predatory,
        PeaceRole::Spoiler,
    ));
    let mut other = activity("a2", "", -0.5, 0.5, &[K::Raid]);
    other.groups = vec![GroupId::from("g2")];
    other.partners = vec![ActorId::from("niger")];
    s.activities.push(other);
    let f = fires_once(&s, RuleId::NoRegionalApproach);
    assert_eq!(f.subject, vec![g_ref("g1")]);
}

// ---------------------------------------------------------------------------------------------
// §V no-community-approach
// ---------------------------------------------------------------------------------------------

fn community_scenario() -> Scenario {
    let mut s = base();
    s.actors
        .push(actor("police", "National police", ActorKind::HostAgency));
    let mut a = activity("a1", "", -0.5, -0.5, &[K::Training]);
    a.partners = vec![ActorId::from("police")];
    s.activities.push(a);
    s
}

#[test]
fn no_community_approach_fires_when_only_state_partners() {
    let s = community_scenario();
    let f = fires_once(&s, RuleId::NoCommunityApproach);
    assert!(f.subject.is_empty());
    assert_eq!(f.key(), key(RuleId::NoCommunityApproach, &[]));
    assert_mentions(&f, &["The only activity"]);
}

#[test]
fn no_community_approach_quiet_when_an_activity_partners_community_actor() {
    for kind in [
        ActorKind::CivilSociety,
        ActorKind::Community,
        ActorKind::WomensGroup,
        ActorKind::YouthGroup,
    ] {
        let mut s = community_scenario();
        s.actors.push(actor("c1", "Community partner", kind));
        act_mut(&mut s, "a1").partners.push(ActorId::from("c1"));
        quiet(&s, RuleId::NoCommunityApproach);
    }
}

#[test]
fn no_community_approach_fires_when_community_actor_on_board_but_not_partner() {
    let mut s = community_scenario();
    s.actors
        .push(actor("c1", "Market women", ActorKind::WomensGroup));
    fires_once(&s, RuleId::NoCommunityApproach);
}

#[test]
fn no_community_approach_quiet_when_there_are_no_activities() {
    let mut s = community_scenario();
    s.activities.clear();
    quiet(&s, RuleId::NoCommunityApproach);
}

// ---------------------------------------------------------------------------------------------
// §V security-development-split
// ---------------------------------------------------------------------------------------------

fn split_scenario() -> Scenario {
    let mut s = base();
    s.activities
        .push(activity("a1", "", 0.5, -0.5, &[K::Governance]));
    s
}

#[test]
fn security_development_split_fires_when_drivers_activity_lacks_development_partner() {
    let s = split_scenario();
    let f = fires_once(&s, RuleId::SecurityDevelopmentSplit);
    assert!(f.subject.is_empty());
    assert_eq!(f.key(), key(RuleId::SecurityDevelopmentSplit, &[]));
    assert_eq!(f.involved, vec![a_ref("a1")]);
    assert_mentions(&f, &["'Task a1'"]);
}

#[test]
fn security_development_split_quiet_when_drivers_activity_has_development_partner() {
    for kind in [
        ActorKind::Undp,
        ActorKind::UnHabitat,
        ActorKind::WorldBank,
        ActorKind::Donor,
    ] {
        let mut s = split_scenario();
        s.actors.push(actor("dev", "Development partner", kind));
        act_mut(&mut s, "a1").partners.push(ActorId::from("dev"));
        quiet(&s, RuleId::SecurityDevelopmentSplit);
    }
}

#[test]
fn security_development_split_quiet_when_no_drivers_activity() {
    let mut s = split_scenario();
    act_mut(&mut s, "a1").x = -0.01;
    quiet(&s, RuleId::SecurityDevelopmentSplit);
}

/// No drivers-side work; UNDP is on the board but nobody works with it.
fn idle_development_actor_scenario() -> Scenario {
    let mut s = base();
    s.missions
        .push(mission("unmil", Multidimensional, UnPko, "2003-10", None));
    s.actors
        .push(actor("undp", "UNDP Liberia", ActorKind::Undp));
    s.activities
        .push(activity("a1", "unmil", -0.5, 0.5, &[K::Policing]));
    s
}

#[test]
fn security_development_split_fires_when_development_actor_unused() {
    let s = idle_development_actor_scenario();
    let f = fires_once(&s, RuleId::SecurityDevelopmentSplit);
    assert_eq!(f.subject, vec![actor_ref("undp")]);
    assert_eq!(f.key(), key(RuleId::SecurityDevelopmentSplit, &["undp"]));
    assert_mentions(&f, &["UNDP Liberia"]);
}

#[test]
fn security_development_split_quiet_when_mission_lists_development_actor() {
    let mut s = idle_development_actor_scenario();
    mission_mut(&mut s, "unmil")
        .partners
        .push(ActorId::from("undp"));
    quiet(&s, RuleId::SecurityDevelopmentSplit);
}

#[test]
fn security_development_split_quiet_when_activity_lists_development_actor() {
    let mut s = idle_development_actor_scenario();
    act_mut(&mut s, "a1").partners.push(ActorId::from("undp"));
    quiet(&s, RuleId::SecurityDevelopmentSplit);
}

// ---------------------------------------------------------------------------------------------
// §V panel-of-experts-unused
// ---------------------------------------------------------------------------------------------

fn panel_scenario() -> Scenario {
    let mut s = base();
    s.host.sanctions_panel = true;
    s.missions
        .push(mission("unmil", Multidimensional, UnPko, "2003-10", None));
    s.activities
        .push(activity("a1", "unmil", -0.5, 0.5, &[K::ResourceMonitoring]));
    s
}

#[test]
fn panel_of_experts_unused_fires_when_host_monitored_and_no_panel_on_board() {
    let s = panel_scenario();
    let f = fires_once(&s, RuleId::PanelOfExpertsUnused);
    assert!(f.subject.is_empty());
    assert_eq!(f.key(), key(RuleId::PanelOfExpertsUnused, &[]));
    assert_mentions(&f, &["Testland"]);
}

#[test]
fn panel_of_experts_unused_quiet_when_host_not_monitored_and_no_panel() {
    let mut s = panel_scenario();
    s.host.sanctions_panel = false;
    quiet(&s, RuleId::PanelOfExpertsUnused);
}

#[test]
fn panel_of_experts_unused_fires_when_panel_on_board_but_unused() {
    let mut s = panel_scenario();
    s.host.sanctions_panel = false;
    s.actors.push(actor(
        "poe",
        "Panel of Experts on Liberia",
        ActorKind::PanelOfExperts,
    ));
    let f = fires_once(&s, RuleId::PanelOfExpertsUnused);
    assert_eq!(f.involved, vec![actor_ref("poe")]);
    assert_mentions(&f, &["Panel of Experts on Liberia", "Testland"]);
}

#[test]
fn panel_of_experts_unused_quiet_when_activity_lists_panel() {
    let mut s = panel_scenario();
    s.actors.push(actor(
        "poe",
        "Panel of Experts on Liberia",
        ActorKind::PanelOfExperts,
    ));
    act_mut(&mut s, "a1").partners.push(ActorId::from("poe"));
    quiet(&s, RuleId::PanelOfExpertsUnused);
}

#[test]
fn panel_of_experts_unused_quiet_when_mission_lists_panel() {
    let mut s = panel_scenario();
    s.actors.push(actor(
        "poe",
        "Panel of Experts on Liberia",
        ActorKind::PanelOfExperts,
    ));
    mission_mut(&mut s, "unmil")
        .partners
        .push(ActorId::from("poe"));
    quiet(&s, RuleId::PanelOfExpertsUnused);
}

// ---------------------------------------------------------------------------------------------
// §VI(a) capital-centric
// ---------------------------------------------------------------------------------------------

fn capital_scenario() -> Scenario {
    let mut s = base();
    s.host
        .regions
        .push(region("r-cap", "Capital district", RegionKind::Centre));
    s.host
        .regions
        .push(region("r-north", "Northern border", RegionKind::Border));
    s.host
        .regions
        .push(region("r-bush", "Eastern forests", RegionKind::Hinterland));
    let mut g = group(
        "g1",
        "Timber barons",
        StateRelation::Parasitic,
        PeaceRole::Evader,
    );
    g.regions = vec![RegionId::from("r-north")];
    s.groups.push(g);
    let mut a = activity("a1", "", -0.5, 0.5, &[K::Policing]);
    a.region = Some(RegionId::from("r-cap"));
    s.activities.push(a);
    s
}

#[test]
fn capital_centric_fires_when_group_in_border_region_and_activities_only_in_capital() {
    let s = capital_scenario();
    let f = fires_once(&s, RuleId::CapitalCentric);
    assert_eq!(f.subject, vec![g_ref("g1")]);
    assert_eq!(f.key(), key(RuleId::CapitalCentric, &["g1"]));
    assert_eq!(f.involved, vec![r_ref("r-north")]);
    assert_mentions(&f, &["'Timber barons'", "Northern border"]);
}

#[test]
fn capital_centric_quiet_when_activity_in_border_region() {
    let mut s = capital_scenario();
    act_mut(&mut s, "a1").region = Some(RegionId::from("r-north"));
    quiet(&s, RuleId::CapitalCentric);
}

#[test]
fn capital_centric_quiet_when_group_only_in_centre() {
    let mut s = capital_scenario();
    group_mut(&mut s, "g1").regions = vec![RegionId::from("r-cap")];
    quiet(&s, RuleId::CapitalCentric);
}

#[test]
fn capital_centric_fires_when_group_in_hinterland() {
    let mut s = capital_scenario();
    group_mut(&mut s, "g1").regions = vec![RegionId::from("r-bush")];
    let f = fires_once(&s, RuleId::CapitalCentric);
    assert_mentions(&f, &["Eastern forests"]);
}

#[test]
fn capital_centric_quiet_when_activity_in_any_of_the_groups_peripheral_regions() {
    let mut s = capital_scenario();
    group_mut(&mut s, "g1").regions = vec![RegionId::from("r-north"), RegionId::from("r-bush")];
    act_mut(&mut s, "a1").region = Some(RegionId::from("r-bush"));
    quiet(&s, RuleId::CapitalCentric);
}

// ---------------------------------------------------------------------------------------------
// §VI(b) not-intelligence-led
// ---------------------------------------------------------------------------------------------

fn intelligence_led_scenario() -> Scenario {
    let mut s = base();
    s.missions
        .push(mission("unmik", Multidimensional, UnPko, "1999-06", None));
    s.missions.push(mission(
        "omik",
        Civilian,
        Organization::Osce,
        "1999-07",
        None,
    ));
    s.activities
        .push(activity("a1", "unmik", -0.5, 0.5, &[K::Policing]));
    s
}

#[test]
fn not_intelligence_led_fires_when_no_analysis_anywhere() {
    let s = intelligence_led_scenario();
    let f = fires_once(&s, RuleId::NotIntelligenceLed);
    assert!(f.subject.is_empty());
    assert_eq!(f.key(), key(RuleId::NotIntelligenceLed, &[]));
    assert_mentions(&f, &["1 activity"]);
}

#[test]
fn not_intelligence_led_quiet_when_any_mission_has_analysis_cell() {
    let mut s = intelligence_led_scenario();
    mission_mut(&mut s, "omik").capabilities.push(C::Analysis);
    quiet(&s, RuleId::NotIntelligenceLed);
}

#[test]
fn not_intelligence_led_quiet_when_analysis_activity_planned() {
    let mut s = intelligence_led_scenario();
    s.activities
        .push(activity("a2", "", 0.5, -0.5, &[K::Analysis]));
    quiet(&s, RuleId::NotIntelligenceLed);
}

#[test]
fn not_intelligence_led_quiet_when_there_are_no_activities() {
    let mut s = intelligence_led_scenario();
    s.activities.clear();
    quiet(&s, RuleId::NotIntelligenceLed);
}

// ---------------------------------------------------------------------------------------------
// §VI(e) before-minimal-security
// ---------------------------------------------------------------------------------------------

fn minimal_security_scenario(activity_start: &str) -> Scenario {
    let mut s = base();
    s.host.minimal_security = Some(ym("2005-01"));
    s.missions.push(mission(
        "minustah",
        Multidimensional,
        UnPko,
        "2004-06",
        None,
    ));
    let mut a = activity("a1", "minustah", -0.5, 0.5, &[K::Raid]);
    a.start = Some(ym(activity_start));
    s.activities.push(a);
    s
}

#[test]
fn before_minimal_security_fires_when_coercion_starts_month_before() {
    let s = minimal_security_scenario("2004-12");
    let f = fires_once(&s, RuleId::BeforeMinimalSecurity);
    assert_eq!(f.subject, vec![a_ref("a1")]);
    assert_eq!(f.key(), key(RuleId::BeforeMinimalSecurity, &["a1"]));
    assert_eq!(f.involved, vec![m_ref("minustah")]);
    assert_mentions(&f, &["'Task a1'", "2004-12", "2005-01"]);
}

#[test]
fn before_minimal_security_quiet_when_coercion_starts_that_month() {
    let s = minimal_security_scenario("2005-01");
    quiet(&s, RuleId::BeforeMinimalSecurity);
}

#[test]
fn before_minimal_security_fires_when_start_taken_from_mission() {
    let mut s = minimal_security_scenario("2004-12");
    act_mut(&mut s, "a1").start = None; // the mission deploys 2004-06
    let f = fires_once(&s, RuleId::BeforeMinimalSecurity);
    assert_mentions(&f, &["2004-06"]);
}

#[test]
fn before_minimal_security_quiet_when_activity_not_coercive() {
    let mut s = minimal_security_scenario("2004-12");
    act_mut(&mut s, "a1").x = 0.0;
    quiet(&s, RuleId::BeforeMinimalSecurity);
}

#[test]
fn before_minimal_security_fires_once_for_all_coercion_when_no_date_set() {
    let mut s = minimal_security_scenario("2004-12");
    s.host.minimal_security = None;
    s.activities
        .push(activity("a2", "minustah", -0.2, 0.2, &[K::Arrest]));
    s.activities
        .push(activity("a3", "minustah", 0.5, 0.5, &[K::Campaign]));
    let f = fires_once(&s, RuleId::BeforeMinimalSecurity);
    assert!(f.subject.is_empty());
    assert_eq!(f.key(), key(RuleId::BeforeMinimalSecurity, &[]));
    assert_eq!(f.involved, vec![a_ref("a1"), a_ref("a2")]);
    assert_mentions(&f, &["'Task a1'", "'Task a2'"]);
}

#[test]
fn before_minimal_security_quiet_when_no_date_set_and_no_coercion() {
    let mut s = minimal_security_scenario("2004-12");
    s.host.minimal_security = None;
    act_mut(&mut s, "a1").y = -0.5;
    quiet(&s, RuleId::BeforeMinimalSecurity);
}

// ---------------------------------------------------------------------------------------------
// Dropped activities
// ---------------------------------------------------------------------------------------------

#[test]
fn dropped_activity_does_not_trigger_a_rule() {
    let mut s = military_policing_scenario();
    fires_once(&s, RuleId::MilitaryPolicing);
    act_mut(&mut s, "a1").status = ActivityStatus::Dropped;
    quiet(&s, RuleId::MilitaryPolicing);
    // Every other status is live.
    for status in [
        ActivityStatus::Proposed,
        ActivityStatus::Planned,
        ActivityStatus::Underway,
        ActivityStatus::Done,
    ] {
        act_mut(&mut s, "a1").status = status;
        fires_once(&s, RuleId::MilitaryPolicing);
    }
}

#[test]
fn dropped_activities_are_not_counted_in_shares() {
    // 1 of 6 on the drivers side fires; dropping one consequences activity leaves 1 of 5.
    let mut s = law_enforcement_scenario(1, 6);
    fires_once(&s, RuleId::LawEnforcementOnly);
    act_mut(&mut s, "a5").status = ActivityStatus::Dropped;
    quiet(&s, RuleId::LawEnforcementOnly);
}

#[test]
fn dropped_activity_does_not_cover_a_risk() {
    // A dropped activity in the border region does not count as presence there.
    let mut s = capital_scenario();
    let mut a = activity("a2", "", -0.5, 0.5, &[K::Border]);
    a.region = Some(RegionId::from("r-north"));
    s.activities.push(a);
    quiet(&s, RuleId::CapitalCentric);
    act_mut(&mut s, "a2").status = ActivityStatus::Dropped;
    fires_once(&s, RuleId::CapitalCentric);
}

// ---------------------------------------------------------------------------------------------
// Checklist state
// ---------------------------------------------------------------------------------------------

/// A capability gap on (unmik, a1) with a decision recorded on it.
fn decided_scenario() -> (Scenario, peaceops::model::FindingKey) {
    let mut s = capability_scenario();
    s.activities
        .push(activity("a0", "unmik", 0.5, -0.5, &[K::Governance]));
    let k = key(RuleId::CapabilityGap, &["unmik", "a1"]);
    s.checklist.set(
        k.clone(),
        CheckStatus::Accepted,
        "UNODC lends investigators".to_owned(),
    );
    (s, k)
}

fn row_state(s: &Scenario, k: &peaceops::model::FindingKey) -> Option<(CheckStatus, String)> {
    let findings = evaluate(s);
    let review = Review::new(&findings, s);
    review
        .rows
        .iter()
        .find(|r| &r.key == k)
        .map(|r| (r.status, r.note.to_owned()))
}

#[test]
fn checklist_decision_is_attached_to_its_finding() {
    let (s, k) = decided_scenario();
    let findings = evaluate(&s);
    let review = Review::new(&findings, &s);
    let row = review
        .rows
        .iter()
        .find(|r| r.key == k)
        .expect("the decided finding fires");
    assert_eq!(row.finding.rule, RuleId::CapabilityGap);
    assert_eq!(row.status, CheckStatus::Accepted);
    assert_eq!(row.note, "UNODC lends investigators");
    assert!(review.resolved.is_empty());
    // Other findings stay open.
    assert!(
        review
            .rows
            .iter()
            .filter(|r| r.key != k)
            .all(|r| r.status == CheckStatus::Open && r.note.is_empty())
    );
    assert_eq!(review.open_count(), review.rows.len() - 1);
}

#[test]
fn checklist_decision_survives_unrelated_edits() {
    let (mut s, k) = decided_scenario();
    let before = row_state(&s, &k).expect("fires before the edits");

    // Rename the mission.
    let m = mission_mut(&mut s, "unmik");
    m.name = "United Nations Interim Administration Mission in Kosovo".to_owned();
    m.acronym = "UNMIK-renamed".to_owned();
    // Add an unrelated activity.
    s.activities
        .push(activity("a9", "", 0.3, -0.3, &[K::Campaign]));
    // Reorder activities.
    s.activities.reverse();
    assert_eq!(s.activities[0].id.as_str(), "a9");

    let findings = evaluate(&s);
    let review = Review::new(&findings, &s);
    let row = review
        .rows
        .iter()
        .find(|r| r.key == k)
        .expect("same finding after the edits");
    assert_eq!((row.status, row.note.to_owned()), before);
    // The finding was recomputed: it names the mission by its new name.
    assert!(
        row.finding.message(&s).contains("UNMIK-renamed"),
        "{}",
        row.finding.message(&s)
    );
    assert!(review.resolved.is_empty());
}

#[test]
fn checklist_decision_on_finding_that_stops_firing_is_resolved_with_note() {
    let (mut s, k) = decided_scenario();
    mission_mut(&mut s, "unmik")
        .capabilities
        .push(C::Investigators);
    let findings = evaluate(&s);
    let review = Review::new(&findings, &s);
    assert!(review.rows.iter().all(|r| r.key != k));
    assert_eq!(review.resolved.len(), 1);
    let resolved = review.resolved[0];
    assert_eq!(resolved.key, k);
    assert_eq!(resolved.status, CheckStatus::Accepted);
    assert_eq!(resolved.note, "UNODC lends investigators");

    // Undoing the fix brings the decision back onto the finding.
    mission_mut(&mut s, "unmik").capabilities = vec![C::Police];
    assert_eq!(
        row_state(&s, &k),
        Some((
            CheckStatus::Accepted,
            "UNODC lends investigators".to_owned()
        ))
    );
}

#[test]
fn checklist_decision_survives_save_and_load() {
    let (mut s, k) = decided_scenario();
    // A second decision whose finding no longer fires (resolved).
    let gone = key(RuleId::MissionFootprint, &["unmik"]);
    s.checklist.set(
        gone.clone(),
        CheckStatus::Mitigated,
        "conduct team planned".to_owned(),
    );

    let text = to_ron(&s).expect("serializes");
    let loaded = parse(&text, Path::new("checklist-roundtrip.ron")).expect("parses back");
    assert_eq!(loaded.checklist, s.checklist);
    assert_eq!(loaded, s);

    assert_eq!(
        row_state(&loaded, &k),
        Some((
            CheckStatus::Accepted,
            "UNODC lends investigators".to_owned()
        ))
    );
    let findings = evaluate(&loaded);
    let review = Review::new(&findings, &loaded);
    assert_eq!(review.resolved.len(), 1);
    assert_eq!(review.resolved[0].key, gone);
    assert_eq!(review.resolved[0].status, CheckStatus::Mitigated);
    assert_eq!(review.resolved[0].note, "conduct team planned");
    assert_eq!(evaluate(&loaded), evaluate(&s));
}

#[test]
fn checklist_custom_items_survive_save_and_load() {
    let mut s = base();
    s.checklist.custom.push(CustomItem {
        id: CustomItemId::from("c1"),
        title: "Ask the troop contributors about rotation dates".to_owned(),
        status: CheckStatus::Open,
        note: String::new(),
        sources: Vec::new(),
    });
    s.checklist.custom.push(CustomItem {
        id: CustomItemId::from("c2"),
        title: "Brief the \"Panel\" on: timber, charcoal".to_owned(),
        status: CheckStatus::NotApplicable,
        note: "No panel this year.\nRevisit in March.".to_owned(),
        sources: Vec::new(),
    });
    let text = to_ron(&s).expect("serializes");
    let loaded = parse(&text, Path::new("custom-items.ron")).expect("parses back");
    assert_eq!(loaded.checklist.custom, s.checklist.custom);
    assert_eq!(loaded, s);
}

// ---------------------------------------------------------------------------------------------
// Robustness
// ---------------------------------------------------------------------------------------------

#[test]
fn evaluate_never_panics_on_dangling_references_and_loops() {
    let mut s = base();
    s.host.sanctions_panel = true;
    s.host.minimal_security = Some(ym("2001-01"));
    s.host.justice_chain.policing = Capacity::Absent;
    s.host.justice_chain.prosecution = Capacity::Weak;
    s.host
        .regions
        .push(region("r1", "Border", RegionKind::Border));

    let mut g = group("g1", "Ring", StateRelation::Predatory, PeaceRole::Partner);
    g.regions = vec![RegionId::from("r1"), RegionId::from("no-such-region")];
    g.transnational = true;
    g.approach = Approach::CoOptive;
    s.groups.push(g);

    // A loop of three, a self-reference, and a predecessor that does not exist.
    for (id, pred) in [("m1", "m3"), ("m2", "m1"), ("m3", "m2")] {
        let mut m = mission(id, Military, Nato, "2000-01", Some("2000-12"));
        m.predecessor = Some(MissionId::from(pred));
        m.capabilities = vec![C::Police, C::Military];
        m.personnel = 5000;
        m.intel_sharing = vec![MissionId::from("ghost"), MissionId::from(id)];
        m.partners = vec![ActorId::from("no-such-actor")];
        s.missions.push(m);
    }
    let mut selfish = mission("m4", Civilian, Eu, "2000-06", None);
    selfish.predecessor = Some(MissionId::from("m4"));
    s.missions.push(selfish);
    let mut orphan = mission("m5", Police, UnPko, "2000-06", Some("2001-01"));
    orphan.predecessor = Some(MissionId::from("ghost"));
    s.missions.push(orphan);
    // A duplicate mission id.
    s.missions.push(mission("m1", Police, Au, "1999-01", None));

    let all_kinds: Vec<K> = K::ALL.to_vec();
    let mut a = activity("a1", "no-such-mission", -0.5, 0.5, &all_kinds);
    a.groups = vec![GroupId::from("no-such-group"), GroupId::from("g1")];
    a.region = Some(RegionId::from("no-such-region"));
    a.partners = vec![ActorId::from("no-such-actor")];
    a.end = Some(ym("2030-01"));
    s.activities.push(a);
    let mut b = activity("a2", "m1", -0.5, 0.5, &all_kinds);
    b.groups = vec![GroupId::from("g1"), GroupId::from("g1")];
    b.region = Some(RegionId::from("r1"));
    b.start = Some(ym("2000-12"));
    b.end = Some(ym("1999-01")); // ends before it starts
    s.activities.push(b);
    let mut c = activity("a3", "m2", f64::NAN, 5.0, &all_kinds);
    c.groups = vec![GroupId::from("g1")];
    c.region = Some(RegionId::from("r1"));
    s.activities.push(c);
    s.activities
        .push(activity("a3", "m3", -2.0, f64::INFINITY, &[K::Detention]));
    s.activities.push(activity("", "", 0.0, 0.0, &[]));

    assert!(
        !validate(&s, None).is_empty(),
        "the scenario is meant to be broken"
    );

    let findings = evaluate(&s);
    for rule in RuleId::ALL {
        let one = evaluate_rule(&s, *rule);
        let from_all: Vec<&Finding> = findings.iter().filter(|f| f.rule == *rule).collect();
        assert_eq!(from_all, one.iter().collect::<Vec<_>>(), "{rule}");
    }
    // Findings never name an entity that does not exist: dangling references are skipped.
    let missions: HashSet<&str> = s.missions.iter().map(|m| m.id.as_str()).collect();
    let groups: HashSet<&str> = s.groups.iter().map(|g| g.id.as_str()).collect();
    let activities: HashSet<&str> = s.activities.iter().map(|a| a.id.as_str()).collect();
    let actors: HashSet<&str> = s.actors.iter().map(|a| a.id.as_str()).collect();
    let regions: HashSet<&str> = s.host.regions.iter().map(|r| r.id.as_str()).collect();
    for f in &findings {
        for e in f.entities(&s) {
            let ok = match &e {
                EntityRef::Mission(id) => missions.contains(id.as_str()),
                EntityRef::Group(id) => groups.contains(id.as_str()),
                EntityRef::Activity(id) => activities.contains(id.as_str()),
                EntityRef::Actor(id) => actors.contains(id.as_str()),
                EntityRef::Region(id) => regions.contains(id.as_str()),
                EntityRef::Link(_) => true,
            };
            assert!(ok, "{}: names missing {e:?}: {}", f.rule, f.message(&s));
        }
    }
    // The review joins them without trouble either.
    let review = Review::new(&findings, &s);
    assert_eq!(review.rows.len(), findings.len());
}

#[test]
fn evaluate_lists_findings_in_rule_order() {
    let mut s = capability_scenario();
    s.host.consent = Consent::Contested;
    s.host.sanctions_panel = true;
    mission_mut(&mut s, "unmik").personnel = 2000;
    s.missions
        .push(mission("kfor", Military, Nato, "1999-06", None));
    s.activities
        .push(activity("a2", "kfor", -0.5, 0.5, &[K::Arrest]));
    let findings = evaluate(&s);
    let order: Vec<usize> = findings
        .iter()
        .map(|f| {
            RuleId::ALL
                .iter()
                .position(|r| *r == f.rule)
                .expect("known rule")
        })
        .collect();
    assert!(order.len() >= 5, "{:?}", messages(&seen(&s, &findings)));
    assert!(order.windows(2).all(|w| w[0] <= w[1]), "{order:?}");
    let expected: Vec<Finding> = RuleId::ALL
        .iter()
        .flat_map(|r| evaluate_rule(&s, *r))
        .collect();
    assert_eq!(findings, expected);
}

#[test]
fn empty_scenario_has_no_findings() {
    assert!(
        evaluate(&base()).is_empty(),
        "{:?}",
        messages(&seen(&base(), &evaluate(&base())))
    );
}

// ---------------------------------------------------------------------------------------------
// Risk texts
// ---------------------------------------------------------------------------------------------

#[test]
fn every_rule_has_complete_risk_text_in_its_family() {
    let cat = RiskCatalogue::builtin().expect("the built-in risk texts parse");
    assert_eq!(cat.rules.len(), RuleId::ALL.len());
    use RuleId as R;
    let other_actors = [
        R::CapacityToCapturedState,
        R::NoRegionalApproach,
        R::NoCommunityApproach,
        R::SecurityDevelopmentSplit,
        R::PanelOfExpertsUnused,
    ];
    let requirements = [
        R::CapitalCentric,
        R::NotIntelligenceLed,
        R::BeforeMinimalSecurity,
    ];
    let between = [
        R::FragmentedJusticeChain,
        R::TurfOverlap,
        R::OrganizationalGeopolitics,
        R::MilitaryPublicSecurity,
        R::IntelligenceNotShared,
        R::UnregulatedHandover,
        R::NoJointAnalysis,
    ];
    let engaging = [
        R::SovereigntyConsent,
        R::CapabilityGap,
        R::ShortCommitment,
        R::InterlocutorTradeoff,
        R::LawEnforcementOnly,
        R::MilitaryPolicing,
        R::AccountabilityGap,
        R::ExternalAgenda,
        R::MissionFootprint,
        R::LateStart,
        R::CoOptationWithoutTransition,
    ];
    assert_eq!(
        engaging.len() + between.len() + other_actors.len() + requirements.len(),
        RuleId::ALL.len()
    );
    for rule in RuleId::ALL {
        let info = cat
            .get(*rule)
            .unwrap_or_else(|| panic!("{rule} has no risk text"));
        assert_eq!(info.id, *rule);
        assert!(!info.title.trim().is_empty(), "{rule}: empty title");
        assert!(
            info.section.starts_with('§'),
            "{rule}: section {:?}",
            info.section
        );
        assert!(
            !info.explanation.trim().is_empty(),
            "{rule}: empty explanation"
        );
        assert!(!info.mitigations.is_empty(), "{rule}: no mitigation");
        assert!(
            info.mitigations.iter().all(|m| !m.trim().is_empty()),
            "{rule}: blank mitigation"
        );
        let family = if engaging.contains(rule) {
            Family::Engaging
        } else if between.contains(rule) {
            Family::BetweenMissions
        } else if other_actors.contains(rule) {
            Family::OtherActors
        } else if requirements.contains(rule) {
            Family::Requirements
        } else {
            panic!("{rule} is in no group of the issue");
        };
        assert_eq!(info.family, family, "{rule}");
        // Stable ids parse back.
        assert_eq!(RuleId::parse(rule.as_str()), Some(*rule));
    }
    // Engaging rules cite §II or §IV; the others their family's section.
    for rule in engaging {
        let section = &cat.get(rule).expect("present").section;
        assert!(
            section.contains("§IV") || section.contains("§II"),
            "{rule}: {section}"
        );
    }
    for rule in between.iter().chain(&other_actors) {
        let section = &cat.get(*rule).expect("present").section;
        assert!(section.contains("§V"), "{rule}: {section}");
    }
    for rule in requirements {
        let section = &cat.get(rule).expect("present").section;
        assert!(section.contains("§VI"), "{rule}: {section}");
    }
}
