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

/// Presses at `from`, moves the pointer in steps to `to`, and releases: a real drag.
fn drag(h: &mut H, from: egui::Pos2, to: egui::Pos2) {
    h.hover_at(from);
    h.run();
    h.event(egui::Event::PointerButton {
        pos: from,
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: Modifiers::NONE,
    });
    h.run();
    let steps = 8;
    for k in 1..=steps {
        h.hover_at(from + (to - from) * (k as f32 / steps as f32));
        h.run();
    }
    h.event(egui::Event::PointerButton {
        pos: to,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    h.run();
}

/// Points per month on the timeline, from a bar `months` long.
fn per_month(bar: egui::Rect, months: i32) -> f32 {
    bar.width() / months as f32
}

#[test]
fn dragging_a_missions_end_moves_it_by_the_months_dragged_in_one_undo_step() {
    let mut h = kosovo();
    let m = h.state().document().scenario().missions[0].clone();
    assert_eq!((m.start, m.end), (ym("1999-06"), Some(ym("2008-11"))));
    let bar = h.get_by_label("Mission UNMIK").rect();
    let pm = per_month(bar, m.start.months_until(ym("2008-11")) + 1);
    assert!(pm > 2.0, "{pm} points a month");
    let from = egui::pos2(bar.right() - 1.0, bar.center().y);
    drag(&mut h, from, from + egui::vec2(7.0 * pm, 0.0));
    assert_eq!(
        h.state().document().scenario().missions[0].end,
        Some(ym("2009-06")),
        "seven months later"
    );
    assert_eq!(h.state().document().scenario().missions[0].start, m.start);
    ctrl(&mut h, Key::Z);
    assert_eq!(h.state().document().scenario().missions[0].end, m.end);
    assert!(!h.state().document().can_undo(), "one drag, one undo step");
}

#[test]
fn dragging_a_missions_or_an_activitys_start_moves_its_first_month() {
    let mut h = kosovo();
    let m = h.state().document().scenario().missions[0].clone();
    let months = m.start.months_until(m.end.unwrap()) + 1;
    let bar = h.get_by_label("Mission UNMIK").rect();
    let pm = per_month(bar, months);
    let from = egui::pos2(bar.left() + 1.0, bar.center().y);
    drag(&mut h, from, from + egui::vec2(4.0 * pm, 0.0));
    let after = h.state().document().scenario().missions[0].clone();
    assert_eq!(after.start, ym("1999-10"), "four months later");
    assert_eq!(after.end, m.end, "the end stays");
    ctrl(&mut h, Key::Z);
    assert_eq!(h.state().document().scenario().missions[0].start, m.start);

    // An activity's start, earlier by two months, on its own bar.
    let s = h.state().document().scenario().clone();
    let a = s
        .activities
        .iter()
        .find(|a| a.id.as_str() == "act-eulex-war-crimes")
        .or_else(|| {
            s.activities
                .iter()
                .find(|a| a.start.is_some() && a.end.is_some())
        })
        .unwrap()
        .clone();
    let (start, end) = (a.start.unwrap(), a.end.unwrap());
    let bar = h.get_by_label(&format!("Activity {}", a.title)).rect();
    let pm = per_month(bar, start.months_until(end) + 1);
    let from = egui::pos2(bar.left() + 1.0, bar.center().y);
    drag(&mut h, from, from - egui::vec2(2.0 * pm, 0.0));
    let now = h
        .state()
        .document()
        .scenario()
        .activity(&a.id)
        .unwrap()
        .clone();
    assert_eq!(now.start, Some(start.plus_months(-2)), "two months earlier");
    assert_eq!(now.end, a.end);
    ctrl(&mut h, Key::Z);
    assert_eq!(
        h.state()
            .document()
            .scenario()
            .activity(&a.id)
            .unwrap()
            .start,
        a.start
    );
}

/// The months the timeline shows, as its axis says ("… months shown 1999-06 to 2012-12").
fn months_shown(h: &H) -> (YearMonth, YearMonth) {
    let label = h
        .get_by_label_contains("Timeline cursor")
        .accesskit_node()
        .label()
        .unwrap_or_default();
    let (_, range) = label.rsplit_once("months shown ").unwrap();
    let (a, b) = range.split_once(" to ").unwrap();
    (ym(a), ym(b))
}

#[test]
fn the_wheel_zooms_the_months_dragging_pans_them_and_a_double_click_shows_them_all() {
    // A short frame, so two clicks a frame apart make a double click.
    let recovery = tempfile::tempdir().unwrap();
    let (mut h, _script) = common::harness::harness_stepped(
        Some(scenario_path("kosovo-2008.ron")),
        recovery.path().to_owned(),
        0.05,
    );
    ctrl(&mut h, Key::T);
    let all = months_shown(&h);
    assert_eq!(all, (ym("1999-06"), ym("2012-12")));
    let axis = h.get_by_label_contains("Timeline cursor").rect();
    // Wheel up over the middle of the axis: fewer months, still around the middle.
    common::harness::wheel_at(&mut h, axis.center(), -3.0);
    let (lo, hi) = months_shown(&h);
    let shown = lo.months_until(hi);
    assert!(
        shown < all.0.months_until(all.1) * 3 / 4,
        "zoomed in: {lo} to {hi}"
    );
    assert!(lo > all.0 && hi < all.1, "around the pointer: {lo} to {hi}");

    // Dragging the background to the right shows earlier months.
    let lanes = h.get_by_label("Mission UNMIK").rect();
    let from = egui::pos2(axis.center().x, lanes.bottom() + 40.0);
    drag(&mut h, from, from + egui::vec2(120.0, 0.0));
    let (lo2, hi2) = months_shown(&h);
    assert!(lo2 < lo, "panned to earlier months: {lo2} (was {lo})");
    assert!(
        (lo2.months_until(hi2) - shown).abs() <= 1,
        "as many months as before (a month partly shown at either end)"
    );

    // A double click shows the whole span again.
    h.hover_at(from);
    h.run();
    for _ in 0..2 {
        for pressed in [true, false] {
            h.event(egui::Event::PointerButton {
                pos: from,
                button: egui::PointerButton::Primary,
                pressed,
                modifiers: Modifiers::NONE,
            });
        }
        h.step();
    }
    h.run();
    assert_eq!(months_shown(&h), all);
    assert!(
        !h.state().document().can_undo(),
        "zooming and panning edit nothing"
    );
}

#[test]
fn milestones_are_added_changed_and_deleted_in_their_window_and_validated() {
    let mut h = kosovo();
    let before = h.state().document().scenario().milestones.clone();
    h.get_by_label("Milestones…").click();
    h.run();
    // Add one.
    let month = h.get_by_label("New milestone month");
    month.focus();
    h.run();
    ctrl(&mut h, Key::A);
    h.get_by_label("New milestone month").type_text("2005-10");
    h.run();
    h.get_by_label("New milestone label").focus();
    h.run();
    h.get_by_label("New milestone label")
        .type_text("Eide report");
    h.run();
    assert_eq!(
        h.get_by_label("New milestone month").value().as_deref(),
        Some("2005-10")
    );
    h.get_by_label("Add milestone").click();
    h.run();
    let now = h.state().document().scenario().milestones.clone();
    assert_eq!(now.len(), before.len() + 1);
    let k = now.iter().position(|m| m.label == "Eide report").unwrap();
    assert_eq!(now[k].at, ym("2005-10"));
    assert!(
        h.state()
            .document()
            .problems()
            .iter()
            .all(|p| p.kind != peaceops::model::ProblemKind::EmptyLabel)
    );

    // Clear its label: a validation problem.
    let label = format!("Milestone {} label", k + 1);
    h.get_by_label(&label).focus();
    h.run();
    ctrl(&mut h, Key::A);
    h.key_press(Key::Backspace);
    h.run();
    assert_eq!(h.state().document().scenario().milestones[k].label, "");
    assert!(
        h.state()
            .document()
            .problems()
            .iter()
            .any(|p| p.kind == peaceops::model::ProblemKind::EmptyLabel),
        "{:?}",
        h.state().document().problems()
    );

    // Move it out of the scenario's time: another problem (a warning).
    let month = format!("Milestone {} month", k + 1);
    h.get_by_label(&month).focus();
    h.run();
    ctrl(&mut h, Key::A);
    h.get_by_label(&month).type_text("1990-01");
    h.run();
    assert_eq!(
        h.state().document().scenario().milestones[k].at,
        ym("1990-01")
    );
    assert!(
        h.state()
            .document()
            .problems()
            .iter()
            .any(|p| p.kind == peaceops::model::ProblemKind::MilestoneOutsideScenario)
    );

    // Delete it: back to the milestones there were.
    h.get_by_label(&format!("Delete {}", k + 1)).click();
    h.run();
    assert_eq!(h.state().document().scenario().milestones, before);
    // And undo brings it back.
    ctrl(&mut h, Key::Z);
    assert_eq!(
        h.state().document().scenario().milestones.len(),
        before.len() + 1
    );
}
