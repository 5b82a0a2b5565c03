//! Mandate options in the real window (issue 12), by accessible labels: duplicate the plan
//! into a new option, move an activity out of it, compare the two and see their counts differ;
//! import a second scenario file as an option.

#![cfg(feature = "gui")]

mod common;

use common::harness::{H, click, copy_of, ctrl_shift, harness_with, wheel_at};
use egui::Key;
use egui_kittest::kittest::{NodeT, Queryable};
use peaceops::files::Picked;

fn option_names(h: &H) -> Vec<String> {
    h.state()
        .document()
        .scenario()
        .options
        .iter()
        .map(|o| o.name.clone())
        .collect()
}

fn current_name(h: &H) -> String {
    let s = h.state().document().scenario();
    s.current_option()
        .map(|o| o.name.clone())
        .unwrap_or_default()
}

/// The accessible summaries of the charts on screen ("Quadrant chart. Direct × consequences:
/// 3, …").
fn chart_summaries(h: &H) -> Vec<String> {
    h.query_all_by_label_contains("Quadrant chart.")
        .map(|n| n.accesskit_node().label().unwrap_or_default())
        .collect()
}

fn open_options_menu(h: &mut H) {
    click(h, "Options");
}

#[test]
fn duplicate_move_an_activity_out_and_compare_shows_different_counts() {
    let (_dir, path) = copy_of("kosovo-2008.ron");
    let (mut h, _script) = harness_with(Some(path));
    assert_eq!(
        option_names(&h),
        ["Current plan"],
        "a v3 file has one option"
    );
    let activities = h.state().document().scenario().activities.len();

    open_options_menu(&mut h);
    click(&mut h, "Duplicate current option");
    assert_eq!(option_names(&h), ["Current plan", "Current plan (copy)"]);
    assert_eq!(
        current_name(&h),
        "Current plan (copy)",
        "the copy goes on the board"
    );
    assert_eq!(
        h.state().document().scenario().activities.len(),
        activities,
        "a duplicate has every activity"
    );
    // The option bar names each option with its open risks.
    let open = h.state().document().open_findings();
    assert!(
        h.query_by_label(&format!("Option Current plan (copy) ({open} open)"))
            .is_some(),
        "the option bar shows the current option's open-risk count"
    );

    // A third, empty option to move an activity to; then back to the copy.
    open_options_menu(&mut h);
    click(&mut h, "New empty option");
    assert_eq!(current_name(&h), "Option 3");
    assert!(h.state().document().scenario().activities.is_empty());
    h.get_by_label_contains("Option Current plan (copy) (")
        .click();
    h.run();
    assert_eq!(current_name(&h), "Current plan (copy)");

    // Select the first activity in the editor's list and move it out.
    let (title, mission) = {
        let s = h.state().document().scenario();
        let a = &s.activities[0];
        let m = a
            .mission
            .as_ref()
            .and_then(|m| s.mission(m))
            .map_or("no mission".to_owned(), |m| m.short_name().to_owned());
        (a.title.clone(), m)
    };
    click(&mut h, "Activities");
    h.get_by_label_contains(&format!("{title} — {mission}"))
        .click();
    h.run();
    click(&mut h, "Move or copy to option");
    click(&mut h, "Move to Option 3");
    assert_eq!(
        h.state().document().scenario().activities.len(),
        activities - 1,
        "the activity left the copy"
    );
    let s = h.state().document().scenario();
    let third = s.options.iter().find(|o| o.name == "Option 3").unwrap();
    assert_eq!(third.activities.len(), 1, "and is in Option 3");
    assert_eq!(third.activities[0].title, title);

    // Compare: the plan and its copy, two charts whose counts differ.
    ctrl_shift(&mut h, Key::K);
    let charts = chart_summaries(&h);
    assert_eq!(charts.len(), 2, "one chart per option compared: {charts:?}");
    assert_ne!(charts[0], charts[1], "the counts differ");
    assert!(
        h.query_all_by_label_contains("Findings only in Current plan (")
            .count()
            == 2,
        "the table lists the findings only in each option first"
    );
    // The table draws the rows on screen: scroll down to the activity only in the plan.
    let show = format!("Show in Current plan: {title}");
    let table = h.get_by_label("What differs").rect().center() + egui::vec2(0.0, 80.0);
    for _ in 0..40 {
        if h.query_by_label(&show).is_some() {
            break;
        }
        wheel_at(&mut h, table, 3.0);
    }
    assert!(
        h.query_by_label_contains("Activities only in Current plan (1)")
            .is_some(),
        "the table lists the activity only in the plan"
    );
    // A click on it puts the plan on the board with the activity selected.
    h.get_by_label(&show).click();
    h.run();
    assert_eq!(current_name(&h), "Current plan");
    assert!(
        matches!(
            h.state().selection(),
            Some(peaceops::command::Selection::Activity(id)) if h.state().document().scenario().activity(id).is_some_and(|a| a.title == title)
        ),
        "the activity is selected in its option"
    );
    assert!(chart_summaries(&h).len() == 1, "back on the board");

    // Deleting an option is undoable.
    open_options_menu(&mut h);
    click(&mut h, "Delete option");
    assert_eq!(option_names(&h).len(), 2);
    common::harness::ctrl(&mut h, Key::Z);
    assert_eq!(option_names(&h).len(), 3, "Undo brings the option back");
}

#[test]
fn a_second_file_imports_as_an_option_named_after_it() {
    let (_dir, path) = copy_of("kosovo-2008.ron");
    let (_dir2, group) = copy_of("kosovo-2008.ron");
    // The group's file: the same base, one activity fewer.
    let mut g = peaceops::io::load(&group).unwrap();
    let removed = g.activities.remove(0);
    let group_file = group.with_file_name("group-north.ron");
    peaceops::io::save(&group_file, &g).unwrap();

    let (mut h, script) = harness_with(Some(path));
    script.answer(Picked::Path(group_file));
    open_options_menu(&mut h);
    click(&mut h, "Import option from file…");
    assert!(
        h.query_by_label_contains("Same base").is_some(),
        "the import dialog says the base matches"
    );
    click(&mut h, "Import as options");
    assert_eq!(option_names(&h), ["Current plan", "group-north"]);
    let s = h.state().document().scenario();
    let imported = s.option_by_name("group-north").unwrap();
    assert_eq!(imported.activities.len(), s.activities.len() - 1);
    assert!(!imported.activities.iter().any(|a| a.id == removed.id));
    assert_eq!(
        current_name(&h),
        "Current plan",
        "the board keeps its option"
    );
}
