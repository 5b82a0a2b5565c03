//! The timeline and the date cursor in the real window (issue 11), by accessible labels: the
//! cursor moves the chart's counts, the checklist and the status bar; play advances and stops;
//! a click on an activity bar selects it; dragging a mission's end is one undo step.

#![cfg(feature = "gui")]
#![expect(
    clippy::unwrap_used,
    reason = "test helpers: a missing node or a failed unwrap is a failed test"
)]

mod common;

use common::harness::{H, ctrl, harness_with, scenario_path};
use egui::{Key, Modifiers};
use egui_kittest::kittest::{NodeT, Queryable};
use peaceops::command::Selection;
use peaceops::lens::Lens;
use peaceops::model::YearMonth;

fn ym(s: &str) -> YearMonth {
    s.parse().unwrap()
}

/// Kosovo with the timeline open.
fn kosovo() -> H {
    let (mut h, _script) = harness_with(Some(scenario_path("kosovo-2008.ron")));
    ctrl(&mut h, Key::T);
    assert_eq!(
        h.state().timeline_state(),
        (true, false),
        "Ctrl+T opens the timeline"
    );
    h
}

fn chart_summary(h: &H) -> String {
    h.get_by_label_contains("Quadrant chart.")
        .accesskit_node()
        .label()
        .unwrap_or_default()
}

/// The checklist's header line, "N open of M findings, K risks", as shown.
fn checklist_header(h: &H) -> String {
    let rows = h.state().document().check_rows().len();
    let wanted = format!(" open of {rows} findings");
    assert!(
        h.query_by_label_contains(&wanted).is_some(),
        "the checklist header says{wanted}"
    );
    wanted
}

fn press(h: &mut H, key: Key) {
    h.key_press_modifiers(Modifiers::NONE, key);
    h.run();
}

#[test]
fn the_cursor_moves_the_chart_counts_the_checklist_and_the_status_bar() {
    let mut h = kosovo();
    let (chart, list) = (chart_summary(&h), checklist_header(&h));
    assert!(h.query_by_label_contains("as of 19").is_none());
    // → from all time goes to the first month of the timeline.
    press(&mut h, Key::ArrowRight);
    assert_eq!(h.state().document().lens(), Lens::at(ym("1999-06")));
    assert_ne!(chart_summary(&h), chart, "counts as of 1999-06");
    assert_ne!(checklist_header(&h), list, "findings as of 1999-06");
    assert_eq!(
        h.query_all_by_label("as of 1999-06").count(),
        2,
        "the status bar and the timeline say so"
    );
    press(&mut h, Key::ArrowRight);
    assert_eq!(h.state().document().lens(), Lens::at(ym("1999-07")));
    press(&mut h, Key::End);
    assert_eq!(h.state().document().lens(), Lens::at(ym("2012-12")));
    press(&mut h, Key::Home);
    assert_eq!(h.state().document().lens(), Lens::at(ym("1999-06")));
    // All time is one click away, and gives back the same chart and checklist.
    h.query_all_by_label("All time").next().unwrap().click();
    h.run();
    assert_eq!(h.state().document().lens(), Lens::ALL_TIME);
    assert_eq!((chart_summary(&h), checklist_header(&h)), (chart, list));
}

#[test]
fn play_advances_month_by_month_and_stops_at_the_end() {
    let mut h = kosovo();
    press(&mut h, Key::End);
    for _ in 0..3 {
        press(&mut h, Key::ArrowLeft);
    }
    assert_eq!(h.state().document().lens(), Lens::at(ym("2012-09")));
    h.get_by_label("Play").click();
    h.run_steps(2);
    assert!(h.state().timeline_state().1, "playing");
    let at = h.state().document().lens().at.unwrap();
    assert!(at > ym("2012-09"), "advanced to {at}");
    h.run_steps(20);
    assert_eq!(h.state().document().lens(), Lens::at(ym("2012-12")));
    assert!(!h.state().timeline_state().1, "stopped at the end");
    // Space plays again from the start; a click stops it.
    press(&mut h, Key::Home);
    h.key_press(Key::Space);
    h.run_steps(2);
    assert!(h.state().timeline_state().1);
    h.get_by_label("Pause").click();
    h.run_steps(2);
    assert!(!h.state().timeline_state().1, "a click on Pause stops it");
}

#[test]
fn clicking_an_activity_bar_selects_it() {
    let mut h = kosovo();
    h.get_by_label("Activity UNMIK executive policing").click();
    h.run();
    assert_eq!(
        h.state().selection(),
        Some(&Selection::Activity("act-unmik-policing".into()))
    );
}

#[test]
fn dragging_a_missions_end_is_one_undo_step() {
    let mut h = kosovo();
    let before = h.state().document().scenario().missions[0].end;
    assert_eq!(before, Some(ym("2008-11")));
    let bar = h.get_by_label("Mission UNMIK").rect();
    let from = egui::pos2(bar.right() - 1.0, bar.center().y);
    h.hover_at(from);
    h.run();
    h.event(egui::Event::PointerButton {
        pos: from,
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: Modifiers::NONE,
    });
    h.run();
    let mut to = from;
    for _ in 0..6 {
        to.x += 12.0;
        h.hover_at(to);
        h.run();
    }
    h.event(egui::Event::PointerButton {
        pos: to,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    h.run();
    let after = h.state().document().scenario().missions[0].end;
    assert!(after > before, "{after:?}");
    assert!(h.state().document().can_undo());
    ctrl(&mut h, Key::Z);
    assert_eq!(h.state().document().scenario().missions[0].end, before);
    assert!(!h.state().document().can_undo(), "one drag, one undo step");
}
