//! Reports from the window (issue 14): File → Export writes through the save dialog, falls back
//! to the path field when no dialog exists, shows an error once with the path, and Ctrl+E repeats
//! the last export. Also: the report's chart looks (colours, shapes) are the window's.

#![cfg(feature = "gui")]

mod common;

use egui::Key;
use egui_kittest::kittest::Queryable;
use peaceops::files::Picked;
use peaceops::model::{CheckStatus, Quadrant, Source};
use peaceops::report;
use peaceops::theme;

use common::harness::{click, ctrl, harness_with, scenario_path};

fn export_menu(h: &mut common::harness::H, item: &str) {
    click(h, "File");
    click(h, "Export");
    click(h, item);
}

#[test]
fn file_export_html_writes_the_debrief_through_the_dialog_and_ctrl_e_repeats_it() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("kosovo.html");
    let (mut h, script) = harness_with(Some(scenario_path("kosovo-2008.ron")));
    script.answer(Picked::Path(out.clone()));
    export_menu(&mut h, "HTML debrief…");
    assert_eq!(script.asked(), 1, "the save dialog was shown");
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("Kosovo"), "the open scenario's debrief");
    let notice = h.state().notice().unwrap();
    assert!(!notice.error, "{}", notice.text);
    assert!(
        notice.text.contains(&out.display().to_string()),
        "{}",
        notice.text
    );

    // Ctrl+E writes it again, with no dialog.
    std::fs::remove_file(&out).unwrap();
    ctrl(&mut h, Key::E);
    assert_eq!(script.asked(), 1, "no second dialog");
    assert!(out.is_file(), "written again");
}

#[test]
fn without_a_dialog_the_path_field_takes_the_export_and_a_failure_is_shown_with_its_path() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, script) = harness_with(Some(scenario_path("haiti-minustah.ron")));
    script.answer(Picked::Unavailable);
    export_menu(&mut h, "Findings as CSV…");
    let out = dir.path().join("typed.csv");
    let suggested = h.get_by_label("File path").value().unwrap_or_default();
    assert!(suggested.ends_with("-findings.csv"), "{suggested}");
    // Replace the suggestion with a path of the test's own.
    ctrl(&mut h, Key::A);
    h.get_by_label("File path")
        .type_text(&out.display().to_string());
    h.run();
    let typed = h.get_by_label("File path").value().unwrap_or_default();
    assert_eq!(typed, out.display().to_string());
    click(&mut h, "Export");
    let bytes = std::fs::read(&out).unwrap_or_default();
    assert!(
        bytes.starts_with(report::BOM),
        "the CSV was written: {:?}",
        h.state().notice()
    );

    // Into a folder that is not there: an error naming the file, and nothing written.
    let missing = dir.path().join("gone").join("chart.svg");
    script.answer(Picked::Path(missing.clone()));
    export_menu(&mut h, "Chart as SVG…");
    let notice = h.state().notice().unwrap();
    assert!(notice.error, "{}", notice.text);
    let shown = missing.display().to_string();
    assert_eq!(
        notice.text.matches(&shown).count(),
        1,
        "the path once: {}",
        notice.text
    );
    assert!(!missing.exists());
}

#[test]
fn the_report_chart_uses_the_window_colours_and_shapes() {
    for i in 0..60 {
        let c = theme::mission_color(i);
        let r = report::mission_color(i);
        assert_eq!((c.r(), c.g(), c.b()), (r.0, r.1, r.2), "mission {i} colour");
        let shape = format!("{:?}", theme::mission_shape(i));
        assert_eq!(
            shape,
            format!("{:?}", report::mission_shape(i)),
            "mission {i} shape"
        );
    }
    let same = |c: egui::Color32, r: report::Rgb| (c.r(), c.g(), c.b()) == (r.0, r.1, r.2);
    assert!(same(theme::unassigned_color(false), report::UNASSIGNED));
    assert!(same(theme::marker_outline(false), report::OUTLINE));
    assert!(same(theme::axis_color(false), report::AXIS));
    for q in Quadrant::ALL {
        assert!(
            same(theme::quadrant_tint(*q, false), report::quadrant_tint(*q)),
            "{q:?}"
        );
    }
    for s in CheckStatus::ALL {
        assert!(
            same(theme::status_color(*s, false), report::status_color(*s)),
            "{s:?}"
        );
    }
    for s in [
        Source::Paper("§V".into()),
        Source::GeneralKnowledge,
        Source::Invented,
        Source::Reasoning,
    ] {
        assert!(
            same(
                theme::provenance_color(&s, false),
                report::provenance_color(&s)
            ),
            "{s:?}"
        );
    }
}

#[test]
fn after_an_export_open_the_report_hands_it_to_the_systems_opener_and_a_failure_names_the_path() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("kosovo.html");
    let (mut h, script) = harness_with(Some(scenario_path("kosovo-2008.ron")));
    script.answer(Picked::Path(out.clone()));
    export_menu(&mut h, "HTML debrief…");
    assert!(out.is_file());
    // Offered after the export; a click hands the file to the opener.
    click(&mut h, "Open the report");
    assert_eq!(script.opened(), vec![out.clone()]);
    let notice = h.state().notice().unwrap();
    assert!(!notice.error, "{}", notice.text);
    assert!(notice.text.contains("Opened"), "{}", notice.text);

    // When the opener fails, the window says so, with the path.
    script.answer(Picked::Path(out.clone()));
    export_menu(&mut h, "HTML debrief…");
    script.answer_open(Err("no program for text/html".into()));
    click(&mut h, "Open the report");
    assert_eq!(script.opened().len(), 2);
    let notice = h.state().notice().unwrap();
    assert!(notice.error, "{}", notice.text);
    assert!(
        notice.text.contains(&out.display().to_string()) && notice.text.contains("no program"),
        "{}",
        notice.text
    );
    assert!(
        h.query_by_label("Open the report").is_none(),
        "no offer on the error"
    );
}

#[test]
fn exporting_into_a_folder_that_cannot_be_written_reports_the_error_with_the_path() {
    // Tests may run as root, who writes anywhere: a "folder" that is a regular file cannot
    // hold a file for anyone.
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("not-a-folder");
    std::fs::write(&blocker, "a file").unwrap();
    let out = blocker.join("kosovo.html");
    let (mut h, script) = harness_with(Some(scenario_path("kosovo-2008.ron")));
    script.answer(Picked::Path(out.clone()));
    export_menu(&mut h, "HTML debrief…");
    let notice = h.state().notice().unwrap();
    assert!(notice.error, "{}", notice.text);
    assert!(
        notice.text.contains(&out.display().to_string()),
        "the path: {}",
        notice.text
    );
    assert_eq!(
        std::fs::read_to_string(&blocker).unwrap(),
        "a file",
        "untouched"
    );
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(left.len(), 1, "nothing left behind: {left:?}");
    assert!(h.query_by_label("Open the report").is_none());
}
