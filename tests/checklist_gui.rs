//! The grouped risk checklist in the real window, by accessible labels: one row per rule in
//! priority order with a "top risks" line; a rule's status set for all its findings at once or,
//! expanded, for one; saved keys are the findings' own; and the format-2 fields in the editor.

#![cfg(feature = "gui")]

mod common;

use common::harness::{H, Script, click_in_view, harness_sized, scenario_path};
use egui_kittest::kittest::{NodeT, Queryable};
use peaceops::files::Prefs;
use peaceops::model::CheckStatus;
use peaceops::rules::RuleId;

/// Kosovo in a window of the program's default size.
fn kosovo() -> (H, Script) {
    harness_sized(
        Some(scenario_path("kosovo-2008.ron")),
        [1280.0, 800.0],
        Prefs::default(),
    )
}

/// The statuses of the current findings of one rule.
fn statuses(h: &H, rule: RuleId) -> Vec<CheckStatus> {
    let doc = h.state().document();
    doc.check_rows()
        .iter()
        .filter(|r| doc.findings()[r.finding].rule == rule)
        .map(|r| r.status)
        .collect()
}

#[test]
fn one_row_per_rule_in_priority_order_with_top_risks() {
    let (h, _s) = kosovo();
    assert!(
        h.query_all(
            egui_kittest::kittest::By::new()
                .label_contains("Top risks: Consent and sovereignty · Before minimal security")
        )
        .next()
        .is_some(),
        "the top risks line starts with the preconditions"
    );
    // Eight findings of one rule, one row: one status control, one expander.
    assert_eq!(
        h.query_all_by_label("Status of Coercion against a partner or provider")
            .count(),
        1
    );
    assert_eq!(
        h.query_all_by_label("Expand Coercion against a partner or provider")
            .count(),
        1
    );
    // Kosovo's collapsed list fits on one screen: the last rule's row is laid out too.
    assert!(
        h.query_by_label("Status of Security and development apart")
            .is_some(),
        "the last row is on screen"
    );
}

#[test]
fn a_rules_status_is_set_for_all_its_findings_or_one_by_one() {
    let (mut h, _s) = kosovo();
    let keys_before: Vec<_> = h
        .state()
        .document()
        .check_rows()
        .iter()
        .map(|r| r.key.clone())
        .collect();
    h.get_by_label("Status of Consent and sovereignty").click();
    h.run();
    h.get_by_label("mitigated").click();
    h.run();
    let all = statuses(&h, RuleId::SovereigntyConsent);
    assert!(all.len() > 1, "{all:?}");
    assert!(all.iter().all(|s| *s == CheckStatus::Mitigated), "{all:?}");
    // One undo step for the group.
    let saved = &h.state().document().scenario().checklist.findings;
    assert_eq!(saved.len(), all.len());
    for state in saved {
        assert!(
            keys_before.contains(&state.key),
            "saved keys are the findings' own"
        );
    }

    // Expanded, each finding has its own status control.
    h.get_by_label("Expand Turf overlap").click();
    h.run();
    let one = h
        .query_all(egui_kittest::kittest::By::new().label_contains("Status of Turf overlap: "))
        .count();
    assert_eq!(one, statuses(&h, RuleId::TurfOverlap).len());
    h.query_all(egui_kittest::kittest::By::new().label_contains("Status of Turf overlap: "))
        .next()
        .unwrap()
        .click();
    h.run();
    h.get_by_label("accepted").click();
    h.run();
    let turf = statuses(&h, RuleId::TurfOverlap);
    assert_eq!(
        turf.iter().filter(|s| **s == CheckStatus::Accepted).count(),
        1,
        "{turf:?}"
    );
    // The group now shows mixed.
    let group = h.get_by_label("Status of Turf overlap");
    assert_eq!(
        group.accesskit_node().value().as_deref(),
        Some("mixed"),
        "{:?}",
        group.accesskit_node()
    );
}

#[test]
fn a_groups_approach_over_time_is_edited_in_the_form() {
    // At the window's default size: the form's buttons lie wholly in the panel, so a pointer
    // click on them lands (not on the chart beside it).
    let (mut h, _s) = kosovo();
    h.get_by_label("Crime groups").click();
    h.run();
    h.query_all(egui_kittest::kittest::By::new().label_contains("the 'war heroes'"))
        .next()
        .unwrap()
        .click();
    h.run();
    assert!(h.query_by_label("Period 2 approach").is_some());
    click_in_view(&mut h, "Add approach period");
    let periods = h
        .state()
        .document()
        .scenario()
        .groups
        .iter()
        .find(|g| g.id.as_str() == "war-heroes")
        .map(|g| g.approach_periods.len());
    assert_eq!(periods, Some(3));
    click_in_view(&mut h, "Remove period 1");
    let first = h
        .state()
        .document()
        .scenario()
        .groups
        .iter()
        .find(|g| g.id.as_str() == "war-heroes")
        .map(|g| g.approach_periods[0].from);
    assert!(first.is_some_and(|f| f.is_some()), "period 2 is now first");
}
