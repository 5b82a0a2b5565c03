//! The reference scenarios fire what the paper narrates for them: Kosovo's handover, intelligence,
//! parallel military and civilian missions and great-power politics; Guinea-Bissau's captured
//! state; and Haiti's gang DDR and quick-impact projects keep it off a law-enforcement-only plan.

#![expect(
    clippy::panic,
    reason = "test helpers: a file that does not load is a failed test"
)]

use std::path::Path;
use std::process::Command;

use peaceops::io::{REFERENCES, load};
use peaceops::model::{Scenario, validate};
use peaceops::rules::{EntityRef, RuleId, evaluate};

fn scenario(file: &str) -> Scenario {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("scenarios")
        .join(file);
    load(&path).unwrap_or_else(|e| panic!("{e}"))
}

fn fired(s: &Scenario) -> Vec<RuleId> {
    evaluate(s).iter().map(|f| f.rule).collect()
}

/// The subjects' ids of the findings of one rule.
fn subjects(s: &Scenario, rule: RuleId) -> Vec<Vec<String>> {
    evaluate(s)
        .iter()
        .filter(|f| f.rule == rule)
        .map(|f| {
            let mut ids: Vec<String> = f.subject(s).iter().map(EntityRef::key).collect();
            ids.sort();
            ids
        })
        .collect()
}

#[test]
fn kosovo_fires_what_the_paper_narrates() {
    let s = scenario("kosovo-2008.ron");
    let rules = fired(&s);
    for rule in [
        RuleId::UnregulatedHandover,
        RuleId::IntelligenceNotShared,
        RuleId::MilitaryPublicSecurity,
        RuleId::OrganizationalGeopolitics,
    ] {
        assert!(
            rules.contains(&rule),
            "Kosovo should fire {rule}: {rules:?}"
        );
    }
    // The UNMIK to EULEX handover, KFOR's unwillingness to share with UNMIK, KFOR's public
    // security beside civilian missions.
    assert!(
        subjects(&s, RuleId::UnregulatedHandover)
            .contains(&vec!["eulex".to_owned(), "unmik".to_owned()]),
        "{:?}",
        subjects(&s, RuleId::UnregulatedHandover)
    );
    assert!(
        subjects(&s, RuleId::IntelligenceNotShared)
            .contains(&vec!["kfor".to_owned(), "unmik".to_owned()]),
        "{:?}",
        subjects(&s, RuleId::IntelligenceNotShared)
    );
    assert_eq!(
        subjects(&s, RuleId::MilitaryPublicSecurity),
        vec![vec!["kfor".to_owned()]]
    );
    let geo = evaluate(&s)
        .into_iter()
        .find(|f| f.rule == RuleId::OrganizationalGeopolitics)
        .map(|f| f.message(&s))
        .unwrap_or_default();
    for body in ["UN", "NATO", "OSCE", "EU"] {
        assert!(geo.contains(&format!("({body})")), "{geo}");
    }
}

#[test]
fn guinea_bissau_fires_what_the_paper_narrates() {
    let s = scenario("guinea-bissau.ron");
    let rules = fired(&s);
    assert!(
        rules.contains(&RuleId::CapacityToCapturedState),
        "{rules:?}"
    );
    assert!(rules.contains(&RuleId::SovereigntyConsent), "{rules:?}");
    let capture = evaluate(&s)
        .into_iter()
        .find(|f| f.rule == RuleId::CapacityToCapturedState)
        .map(|f| f.message(&s))
        .unwrap_or_default();
    assert!(capture.contains("captured"), "{capture}");
}

#[test]
fn haiti_gang_ddr_and_quick_impact_projects_keep_it_off_law_enforcement_only() {
    let s = scenario("haiti-minustah.ron");
    let drivers: Vec<&str> = s
        .activities
        .iter()
        .filter(|a| a.is_drivers() && a.is_live())
        .filter_map(|a| a.template.as_ref().map(|t| t.as_str()))
        .collect();
    assert!(drivers.contains(&"gang-ddr"), "{drivers:?}");
    assert!(drivers.contains(&"quick-impact-projects"), "{drivers:?}");
    assert!(!fired(&s).contains(&RuleId::LawEnforcementOnly));
    // Without them (and the other drivers-side work) the plan is law enforcement only.
    let mut enforcement_only = s.clone();
    enforcement_only.activities.retain(|a| !a.is_drivers());
    assert!(fired(&enforcement_only).contains(&RuleId::LawEnforcementOnly));
}

#[test]
fn every_reference_scenario_is_valid_and_embedded() {
    for r in REFERENCES {
        let on_disk = scenario(r.file);
        assert!(validate(&on_disk, None).is_empty(), "{}", r.file);
        assert!(
            !on_disk.description.is_empty(),
            "{} says where its facts come from",
            r.file
        );
    }
}

#[test]
fn check_json_lists_the_reference_findings() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    let out = Command::new(env!("CARGO_BIN_EXE_peaceops"))
        .args(["check", "--json"])
        .arg(dir.join("kosovo-2008.ron"))
        .arg(dir.join("guinea-bissau.ron"))
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(0));
    let json: serde_json::Value =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}"));
    let rules = |i: usize| -> Vec<String> {
        json["files"][i]["findings"]
            .as_array()
            .map(|f| {
                f.iter()
                    .filter_map(|x| x["rule"].as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    };
    for rule in [
        "unregulated-handover",
        "intelligence-not-shared",
        "military-public-security",
        "organizational-geopolitics",
    ] {
        assert!(rules(0).iter().any(|r| r == rule), "{rule}: {:?}", rules(0));
    }
    for rule in ["capacity-to-captured-state", "sovereignty-consent"] {
        assert!(rules(1).iter().any(|r| r == rule), "{rule}: {:?}", rules(1));
    }
}

/// The Scenarios menu offers every shipped scenario (except the blank template), and nothing else.
#[test]
fn the_scenarios_menu_lists_every_shipped_scenario() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    let mut shipped: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".ron") && n != "blank.ron")
        .collect();
    shipped.sort();
    let mut listed: Vec<String> = REFERENCES.iter().map(|r| r.file.to_owned()).collect();
    listed.sort();
    assert_eq!(listed, shipped);
    for r in REFERENCES {
        let s = scenario(r.file);
        assert!(!r.name.is_empty(), "{}", r.file);
        assert!(
            s.title
                .split_whitespace()
                .next()
                .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
                .is_some_and(|w| !w.is_empty() && r.name.contains(w)),
            "{}: menu label {:?} does not name the scenario {:?}",
            r.file,
            r.name,
            s.title
        );
    }
}
