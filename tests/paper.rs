//! The rules say what the paper says: for each precision problem of issue 10 a pair of
//! scenarios drawn from the paper's own accounts, one that fires and the nearest one that does
//! not; the format-2 fields (mission components, transitional authority, approach periods,
//! police-and-civilian missions); and sentences that are true of the scenario they name.

#![expect(
    clippy::panic,
    reason = "test helpers: a file that does not load is a failed test"
)]

mod common;

use std::path::Path;

use common::{act_mut, activity, base, group, group_mut, mission, mission_mut, ym};
use peaceops::io::load;
use peaceops::model::{
    ActivityKind as K, Approach, ApproachPeriod, Capability as C, Capacity, Component, Consent,
    GroupId, MissionKind, Organization, PeaceRole, Scenario, StateRelation,
};
use peaceops::rules::{RuleId, evaluate};

fn messages(s: &Scenario, rule: RuleId) -> Vec<String> {
    evaluate(s)
        .iter()
        .filter(|f| f.rule == rule)
        .map(|f| f.message(s))
        .collect()
}

fn fires(s: &Scenario, rule: RuleId) -> Vec<String> {
    let m = messages(s, rule);
    assert!(!m.is_empty(), "{rule} should fire");
    m
}

fn quiet(s: &Scenario, rule: RuleId) {
    let m = messages(s, rule);
    assert!(m.is_empty(), "{rule} should be quiet: {m:?}");
}

fn shipped(file: &str) -> Scenario {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("scenarios")
        .join(file);
    load(&path).unwrap_or_else(|e| panic!("{e}"))
}

// ---------------------------------------------------------------------------------------------
// Detention by soldiers is not the corrections link (§IV.6, §V.1)
// ---------------------------------------------------------------------------------------------

/// ISAF's raids on opium stores and heroin labs, with detention; the host's police and
/// corrections are weak (§III).
fn isaf_raids() -> Scenario {
    let mut s = base();
    s.host.justice_chain.policing = Capacity::Weak;
    s.host.justice_chain.corrections = Capacity::Weak;
    s.missions.push(mission(
        "isaf",
        MissionKind::Military,
        Organization::Nato,
        "2001-12",
        None,
    ));
    s.activities.push(activity(
        "raids",
        "isaf",
        -0.8,
        0.8,
        &[K::Raid, K::Detention],
    ));
    s
}

#[test]
fn raids_with_detention_address_no_link_of_the_justice_chain() {
    // Detention used to count as corrections: "activities address corrections, but none
    // addresses policing". Detention by soldiers addresses no link, so nothing is addressed.
    quiet(&isaf_raids(), RuleId::FragmentedJusticeChain);
}

#[test]
fn corrections_work_is_the_corrections_link() {
    // RAMSI added detention officers: corrections work addresses corrections, and policing,
    // weak and unaddressed, stalls the chain.
    let mut s = isaf_raids();
    act_mut(&mut s, "raids").kinds = vec![K::Corrections];
    let m = fires(&s, RuleId::FragmentedJusticeChain);
    assert_eq!(m.len(), 1, "{m:?}");
    assert!(m[0].starts_with("Activities address corrections"), "{m:?}");
    assert!(m[0].contains("none addresses policing"), "{m:?}");
}

#[test]
fn kosovo_detention_by_kfor_does_not_fill_the_corrections_link() {
    let s = shipped("kosovo-2008.ron");
    let m = fires(&s, RuleId::FragmentedJusticeChain);
    assert!(
        m.iter().any(|m| m.contains("none addresses corrections")),
        "{m:?}"
    );
}

// ---------------------------------------------------------------------------------------------
// Area security and escorts are not coercion against a group unless they target one
// ---------------------------------------------------------------------------------------------

/// KFOR secures the area and escorts EULEX's arrests (§V: "military escort is often required
/// for arrests"); minimal security is not yet established; the smugglers provide services.
fn escorts() -> Scenario {
    let mut s = base();
    s.host.minimal_security = Some(ym("2010-01"));
    let mut g = group(
        "smugglers",
        "North smugglers",
        StateRelation::Parasitic,
        PeaceRole::Evader,
    );
    g.local_legitimacy = true;
    s.groups.push(g);
    s.missions.push(mission(
        "kfor",
        MissionKind::Military,
        Organization::Nato,
        "2008-12",
        None,
    ));
    s.activities
        .push(activity("escorts", "kfor", -0.6, 0.6, &[K::Security]));
    s
}

#[test]
fn area_security_with_no_target_is_not_coercion() {
    let s = escorts();
    quiet(&s, RuleId::BeforeMinimalSecurity);
    quiet(&s, RuleId::InterlocutorTradeoff);
}

#[test]
fn area_security_against_a_group_is_coercion() {
    // A cordon against the smugglers themselves acts against them.
    let mut s = escorts();
    act_mut(&mut s, "escorts").groups = vec![GroupId::from("smugglers")];
    fires(&s, RuleId::BeforeMinimalSecurity);
    fires(&s, RuleId::InterlocutorTradeoff);
}

#[test]
fn escorting_an_arrest_is_coercion_through_the_arrest() {
    let mut s = escorts();
    act_mut(&mut s, "escorts").kinds = vec![K::Security, K::Arrest];
    fires(&s, RuleId::BeforeMinimalSecurity);
}

// ---------------------------------------------------------------------------------------------
// Turf needs the same mode and the same kind of work (§V.2)
// ---------------------------------------------------------------------------------------------

/// EUPM trains the Bosnian police while EUFOR Althea does law enforcement itself, against the
/// same group at the same time.
fn bosnia() -> Scenario {
    let mut s = base();
    s.groups.push(group(
        "networks",
        "Smuggling networks",
        StateRelation::Parasitic,
        PeaceRole::Evader,
    ));
    s.missions.push(mission(
        "eupm",
        MissionKind::Police,
        Organization::Eu,
        "2003-01",
        None,
    ));
    s.missions.push(mission(
        "eufor",
        MissionKind::Military,
        Organization::Eu,
        "2004-12",
        None,
    ));
    let mut training = activity("training", "eupm", -0.5, -0.6, &[K::Training, K::Policing]);
    training.groups = vec![GroupId::from("networks")];
    let mut enforcement = activity("enforcement", "eufor", -0.7, 0.7, &[K::Policing]);
    enforcement.groups = vec![GroupId::from("networks")];
    s.activities.push(training);
    s.activities.push(enforcement);
    s
}

#[test]
fn training_police_is_no_turf_battle_with_policing() {
    quiet(&bosnia(), RuleId::TurfOverlap);
}

#[test]
fn two_missions_policing_directly_is_a_turf_battle() {
    // UNMIK and EULEX saw KFOR's specialized units as encroaching on their policing (§V.2).
    let mut s = bosnia();
    act_mut(&mut s, "training").y = 0.6;
    let m = fires(&s, RuleId::TurfOverlap);
    assert!(m[0].contains("both run policing"), "{m:?}");
}

#[test]
fn two_missions_training_the_same_police_is_a_turf_battle_said_so() {
    let mut s = bosnia();
    act_mut(&mut s, "enforcement").y = -0.7;
    let m = fires(&s, RuleId::TurfOverlap);
    assert!(m[0].contains("support to host policing"), "{m:?}");
}

// ---------------------------------------------------------------------------------------------
// Sentences true of their scenario: military-public-security (§V.4)
// ---------------------------------------------------------------------------------------------

/// ISAF with public-security tasks beside UNAMA, a civilian political mission that does no
/// policing.
fn afghanistan() -> Scenario {
    let mut s = base();
    let mut isaf = mission(
        "isaf",
        MissionKind::Military,
        Organization::Nato,
        "2001-12",
        None,
    );
    isaf.mandate.public_security = true;
    s.missions.push(isaf);
    s.missions.push(mission(
        "unama",
        MissionKind::Civilian,
        Organization::UnSpm,
        "2002-03",
        None,
    ));
    s.activities
        .push(activity("governance", "unama", 0.5, -0.5, &[K::Governance]));
    s
}

#[test]
fn a_civilian_mission_that_does_not_police_is_not_said_to_police() {
    let m = fires(&afghanistan(), RuleId::MilitaryPublicSecurity);
    assert!(!m[0].contains("police the same streets"), "{m:?}");
    assert!(m[0].contains("UNAMA"), "{m:?}");
}

#[test]
fn a_parallel_mission_that_polices_is_two_chains_of_command() {
    // Kosovo: UNMIK's executive policing beside KFOR.
    let mut s = afghanistan();
    act_mut(&mut s, "governance").kinds = vec![K::Policing];
    act_mut(&mut s, "governance").x = -0.5;
    act_mut(&mut s, "governance").y = 0.5;
    let m = fires(&s, RuleId::MilitaryPublicSecurity);
    assert!(
        m[0].contains("two chains of command police the same streets"),
        "{m:?}"
    );
}

#[test]
fn a_police_and_civilian_mission_counts_as_parallel_police() {
    // RAMSI: police and civilians, no troops.
    let mut s = afghanistan();
    mission_mut(&mut s, "unama").kind = MissionKind::PoliceCivilian;
    let m = fires(&s, RuleId::MilitaryPublicSecurity);
    assert!(m[0].contains("police the same streets"), "{m:?}");
}

// ---------------------------------------------------------------------------------------------
// Plurals and articles for 0, 1 and many
// ---------------------------------------------------------------------------------------------

#[test]
fn counts_read_right_for_none_one_and_many() {
    let mut s = base();
    s.missions.push(mission(
        "kfor",
        MissionKind::Military,
        Organization::Nato,
        "1999-06",
        None,
    ));
    s.activities
        .push(activity("a1", "kfor", -0.5, 0.5, &[K::Raid]));
    s.activities
        .push(activity("a2", "kfor", -0.5, 0.5, &[K::Raid]));
    let m = fires(&s, RuleId::LawEnforcementOnly);
    assert!(
        m[0].starts_with("None of the 2 activities targets"),
        "{m:?}"
    );
    assert!(!m[0].contains("0 of"), "{m:?}");
    // One drivers-side activity among many, developed with no development partner.
    for i in 3..=8 {
        s.activities
            .push(activity(&format!("a{i}"), "kfor", -0.5, 0.5, &[K::Raid]));
    }
    s.activities
        .push(activity("d1", "kfor", 0.5, 0.5, &[K::Campaign]));
    let m = fires(&s, RuleId::LawEnforcementOnly);
    assert!(m[0].starts_with("Only 1 of the 9 activities"), "{m:?}");
    assert!(m[0].contains("targets the drivers"), "{m:?}");
    let split = fires(&s, RuleId::SecurityDevelopmentSplit);
    assert!(
        split[0].starts_with("1 activity targets the drivers"),
        "{split:?}"
    );
    assert!(
        split[0].contains("it does not have a development actor"),
        "{split:?}"
    );
}

#[test]
fn a_title_with_its_own_quotes_is_not_quoted_twice() {
    let mut s = base();
    s.missions.push(mission(
        "unmik",
        MissionKind::Multidimensional,
        Organization::UnPko,
        "1999-06",
        Some("2000-01"),
    ));
    let mut a = activity("campaign", "unmik", 0.5, 0.6, &[K::Campaign]);
    a.title = "'Not for sale' campaign".to_owned();
    s.activities.push(a);
    let m = fires(&s, RuleId::ShortCommitment);
    assert!(
        m[0].contains("\u{201c}'Not for sale' campaign\u{201d}"),
        "{m:?}"
    );
    assert!(!m[0].contains("''"), "{m:?}");
}

// ---------------------------------------------------------------------------------------------
// Format 2: components, transitional authority, approach periods (§III, §IV)
// ---------------------------------------------------------------------------------------------

/// MINUSTAH, a multidimensional mission, raids gang strongholds (§III: a robust mandate to
/// "tackle the risk of a resurgence in gang violence").
fn minustah() -> Scenario {
    let mut s = base();
    s.missions.push(mission(
        "minustah",
        MissionKind::Multidimensional,
        Organization::UnPko,
        "2004-06",
        None,
    ));
    s.activities.push(activity(
        "raids",
        "minustah",
        -0.8,
        0.8,
        &[K::Raid, K::Arrest],
    ));
    s
}

#[test]
fn a_multidimensional_missions_troops_raiding_are_the_military_policing() {
    let mut s = minustah();
    act_mut(&mut s, "raids").component = Some(Component::Military);
    let m = fires(&s, RuleId::MilitaryPolicing);
    assert!(
        m[0].starts_with("The military component of MINUSTAH"),
        "{m:?}"
    );
}

#[test]
fn a_multidimensional_missions_formed_police_units_raiding_are_not() {
    let mut s = minustah();
    quiet(&s, RuleId::MilitaryPolicing);
    act_mut(&mut s, "raids").component = Some(Component::Police);
    quiet(&s, RuleId::MilitaryPolicing);
}

#[test]
fn a_military_missions_activity_without_a_component_is_military() {
    let mut s = minustah();
    mission_mut(&mut s, "minustah").kind = MissionKind::Military;
    fires(&s, RuleId::MilitaryPolicing);
}

#[test]
fn a_transitional_authority_does_not_act_on_the_hosts_consent() {
    // UNMIK was the government of Kosovo (§III).
    let mut s = minustah();
    s.host.consent = Consent::Conditional;
    fires(&s, RuleId::SovereigntyConsent);
    mission_mut(&mut s, "minustah")
        .mandate
        .transitional_authority = true;
    quiet(&s, RuleId::SovereigntyConsent);
}

/// "War heroes" left alone at first and co-opted only for a while (§IV).
fn war_heroes() -> Scenario {
    let mut s = minustah();
    let mut g = group(
        "heroes",
        "War heroes",
        StateRelation::Symbiotic,
        PeaceRole::Evader,
    );
    g.transition_plan = true;
    s.groups.push(g);
    let a = act_mut(&mut s, "raids");
    a.groups = vec![GroupId::from("heroes")];
    a.start = Some(ym("2008-12"));
    s
}

#[test]
fn coercion_of_a_group_co_opted_at_that_time_is_an_interlocutor_tradeoff() {
    let mut s = war_heroes();
    quiet(&s, RuleId::InterlocutorTradeoff);
    group_mut(&mut s, "heroes").approach_periods = vec![ApproachPeriod {
        from: Some(ym("2004-06")),
        to: None,
        approach: Approach::CoOptive,
    }];
    fires(&s, RuleId::InterlocutorTradeoff);
}

#[test]
fn coercion_after_the_co_optive_period_ended_is_no_interlocutor_tradeoff() {
    let mut s = war_heroes();
    // Co-opted outside the periods, but coerced from the month the raids start.
    group_mut(&mut s, "heroes").approach = Approach::CoOptive;
    group_mut(&mut s, "heroes").approach_periods = vec![
        ApproachPeriod {
            from: None,
            to: Some(ym("2008-11")),
            approach: Approach::CoOptive,
        },
        ApproachPeriod {
            from: Some(ym("2008-12")),
            to: None,
            approach: Approach::Coercive,
        },
    ];
    quiet(&s, RuleId::InterlocutorTradeoff);
}

#[test]
fn a_co_optive_period_without_transition_plan_fires_co_optation() {
    let mut s = war_heroes();
    group_mut(&mut s, "heroes").transition_plan = false;
    quiet(&s, RuleId::CoOptationWithoutTransition);
    group_mut(&mut s, "heroes").approach_periods = vec![ApproachPeriod {
        from: None,
        to: Some(ym("2006-01")),
        approach: Approach::CoOptive,
    }];
    fires(&s, RuleId::CoOptationWithoutTransition);
}

#[test]
fn late_start_looks_at_the_first_activity_against_each_group() {
    // An early activity against someone else does not make the first against the heroes early.
    let mut s = war_heroes();
    s.groups.push(group(
        "gangs",
        "Gangs",
        StateRelation::Predatory,
        PeaceRole::Spoiler,
    ));
    let mut early = activity("early", "minustah", -0.5, -0.5, &[K::Training]);
    early.groups = vec![GroupId::from("gangs")];
    early.start = Some(ym("2004-07"));
    s.activities.push(early);
    let m = fires(&s, RuleId::LateStart);
    assert_eq!(m.len(), 1, "{m:?}");
    assert!(m[0].contains("against 'War heroes'"), "{m:?}");
    // Pursued within two years: quiet.
    act_mut(&mut s, "raids").start = Some(ym("2006-06"));
    quiet(&s, RuleId::LateStart);
}

#[test]
fn no_joint_analysis_reads_a_military_component() {
    let mut s = minustah();
    mission_mut(&mut s, "minustah").capabilities = vec![C::FormedPoliceUnits];
    quiet(&s, RuleId::NoJointAnalysis);
    act_mut(&mut s, "raids").component = Some(Component::Military);
    fires(&s, RuleId::NoJointAnalysis);
}

// ---------------------------------------------------------------------------------------------
// The shipped scenarios
// ---------------------------------------------------------------------------------------------

const SHIPPED: &[&str] = &[
    "kosovo-2008.ron",
    "guinea-bissau.ron",
    "haiti-minustah.ron",
    "mali-sahel.ron",
    "blank.ron",
];

#[test]
fn shipped_sentences_start_in_upper_case_with_counts_and_quotes_right() {
    for file in SHIPPED {
        let s = shipped(file);
        for f in evaluate(&s) {
            let m = f.message(&s);
            let first = m.chars().next().unwrap_or(' ');
            assert!(!first.is_lowercase(), "{file}: {m}");
            for bad in [
                "0 of",
                "1 activity target ",
                "''",
                "1 activities",
                "s works in",
            ] {
                assert!(!m.contains(bad), "{file}: {bad:?} in {m}");
            }
        }
    }
}

#[test]
fn haiti_fires_military_policing_for_minustahs_military_component() {
    let s = shipped("haiti-minustah.ron");
    let m = fires(&s, RuleId::MilitaryPolicing);
    assert!(
        m.iter()
            .any(|m| m.starts_with("The military component of MINUSTAH")),
        "{m:?}"
    );
}

#[test]
fn kosovo_unmik_holds_transitional_authority_and_is_not_asked_for_consent() {
    let s = shipped("kosovo-2008.ron");
    let unmik = s.missions.iter().find(|m| m.id.as_str() == "unmik");
    assert!(unmik.is_some_and(|m| m.mandate.transitional_authority));
    for f in evaluate(&s)
        .iter()
        .filter(|f| f.rule == RuleId::SovereigntyConsent)
    {
        assert!(!f.message(&s).starts_with("UNMIK"), "{}", f.message(&s));
    }
}

#[test]
fn mali_jf_g5s_is_not_a_sipri_peace_operation() {
    let s = shipped("mali-sahel.ron");
    let jf = s
        .missions
        .iter()
        .find(|m| m.acronym.contains("G5"))
        .unwrap_or_else(|| panic!("JF-G5S on the board"));
    assert!(jf.not_peace_operation);
    let m = fires(&s, RuleId::OrganizationalGeopolitics);
    assert!(
        m[0].contains("not a peace operation by SIPRI's definition"),
        "{m:?}"
    );
}

// ---------------------------------------------------------------------------------------------
// Explanations for a student (risks.ron) and the command line
// ---------------------------------------------------------------------------------------------

#[test]
fn the_student_facing_texts_name_no_rule_ids_or_coordinates() {
    let texts = peaceops::rules::RiskCatalogue::builtin().unwrap_or_else(|e| panic!("{e}"));
    for info in &texts.rules {
        let student = info
            .paper
            .iter()
            .map(|c| c.text.as_str())
            .chain(std::iter::once(info.priority_reason.as_str()))
            .chain(info.mitigations.iter().map(String::as_str));
        for text in student {
            for rule in RuleId::ALL {
                assert!(!text.contains(rule.as_str()), "{}: {text}", info.id);
            }
            for coordinate in ["x ≥", "x <", "y ≥", "y <", "x >", "y >", "kind tag"] {
                assert!(!text.contains(coordinate), "{}: {text}", info.id);
            }
        }
        assert!(
            info.paper
                .iter()
                .any(|c| matches!(c.source, peaceops::model::Source::Paper(_))),
            "{}: the paper's section",
            info.id
        );
        assert!(info.paper.len() >= 2, "{}: two or three sentences", info.id);
        assert!((1..=4).contains(&info.priority), "{}", info.id);
        assert!(
            info.mitigations.len() >= 2 && info.mitigations[0].contains('{')
                || [
                    "law-enforcement-only",
                    "no-community-approach",
                    "not-intelligence-led"
                ]
                .contains(&info.id.as_str()),
            "{}: the first mitigation names the finding's entities",
            info.id
        );
    }
    // Preconditions first: consent and minimal security.
    assert_eq!(texts.priority(RuleId::SovereigntyConsent), 1);
    assert_eq!(texts.priority(RuleId::BeforeMinimalSecurity), 1);
    assert!(texts.priority(RuleId::TurfOverlap) > texts.priority(RuleId::SovereigntyConsent));
}

#[test]
fn the_first_mitigation_names_the_findings_entities() {
    let texts = peaceops::rules::RiskCatalogue::builtin().unwrap_or_else(|e| panic!("{e}"));
    let s = shipped("kosovo-2008.ron");
    let found = evaluate(&s);
    for f in &found {
        let info = texts
            .get(f.rule)
            .unwrap_or_else(|| panic!("texts for {}", f.rule));
        let m = info.mitigations_for(f, &s);
        assert!(m.iter().all(|m| !m.contains('{')), "{}: {m:?}", f.rule);
    }
    let handover = found
        .iter()
        .find(|f| f.rule == RuleId::UnregulatedHandover)
        .unwrap_or_else(|| panic!("Kosovo's handover"));
    let m = texts
        .get(RuleId::UnregulatedHandover)
        .map(|i| i.mitigations_for(handover, &s))
        .unwrap_or_default();
    assert!(m[0].contains("UNMIK and EULEX Kosovo"), "{m:?}");
}

#[test]
fn check_prints_mitigations_and_json_carries_priority_why_and_mitigations() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    let run = |json: bool| {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_peaceops"));
        cmd.arg("check");
        if json {
            cmd.arg("--json");
        }
        cmd.arg(dir.join("kosovo-2008.ron"))
            .output()
            .unwrap_or_else(|e| panic!("{e}"))
    };
    let text = String::from_utf8_lossy(&run(false).stdout).into_owned();
    assert!(
        text.contains("          - Write a handover plan for UNMIK and EULEX Kosovo"),
        "{text}"
    );
    let out = run(true);
    let json: serde_json::Value =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}"));
    let findings = json["files"][0]["findings"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert!(!findings.is_empty());
    for f in &findings {
        assert!(
            f["priority"].as_u64().is_some_and(|p| (1..=4).contains(&p)),
            "{f}"
        );
        assert!(f["why"].as_str().is_some_and(|w| !w.is_empty()), "{f}");
        // The paper's section is on each sentence of `why`.
        assert!(
            f["why_claims"]
                .as_array()
                .is_some_and(|c| c.iter().any(|c| c["source"]["kind"] == "paper"
                    && c["source"]["section"]
                        .as_str()
                        .is_some_and(|s| s.starts_with('§')))),
            "{f}"
        );
        assert!(
            f["mitigations"]
                .as_array()
                .is_some_and(|m| !m.is_empty() && m.iter().all(|m| m.is_string())),
            "{f}"
        );
    }
}

#[test]
fn one_edit_sets_a_rules_findings_and_keeps_their_notes() {
    use peaceops::model::{CheckStatus, Edit};
    let mut s = shipped("kosovo-2008.ron");
    let keys: Vec<_> = evaluate(&s)
        .iter()
        .filter(|f| f.rule == RuleId::InterlocutorTradeoff)
        .map(|f| f.key(&s))
        .collect();
    assert!(keys.len() > 2);
    Edit::SetFinding {
        key: keys[0].clone(),
        status: CheckStatus::Open,
        note: "ask the room".to_owned(),
    }
    .apply(&mut s)
    .unwrap_or_else(|e| panic!("{e}"));
    Edit::SetFindings {
        keys: keys.clone(),
        status: CheckStatus::Accepted,
    }
    .apply(&mut s)
    .unwrap_or_else(|e| panic!("{e}"));
    for k in &keys {
        assert_eq!(
            s.checklist.state(k).map(|f| f.status),
            Some(CheckStatus::Accepted)
        );
    }
    assert_eq!(
        s.checklist.state(&keys[0]).map(|f| f.note.as_str()),
        Some("ask the room")
    );
    // Back to open: only the one with a note stays.
    Edit::SetFindings {
        keys: keys.clone(),
        status: CheckStatus::Open,
    }
    .apply(&mut s)
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(s.checklist.findings.len(), 1);
}
