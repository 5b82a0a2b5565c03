//! Exercise mode in the real window (issue 13), by accessible labels: start a run in the
//! facilitator's console, preview and deliver an inject and see the checklist change, log a
//! decision with Ctrl+D, end the run and see it in the hot wash; step through a closed run; the
//! room's screen never shows controller notes.

#![cfg(feature = "gui")]
#![expect(
    clippy::unwrap_used,
    reason = "test helpers: a missing node or a failed unwrap is a failed test"
)]

mod common;

use std::collections::HashSet;

use common::harness::{H, click_in_view, ctrl, harness_with, scenario_path};
use egui::Key;
use egui_kittest::kittest::{NodeT, Queryable};
use peaceops::lens::Lens;
use peaceops::model::{FindingKey, LogKind, YearMonth};
use peaceops::rules::evaluate_at;

fn ym(s: &str) -> YearMonth {
    s.parse().unwrap()
}

/// The shipped exercise with the console open and a run started.
fn started() -> H {
    let (mut h, _script) = harness_with(Some(scenario_path("kosovo-exercise.ron")));
    ctrl(&mut h, Key::J);
    assert!(h.query_by_label("Facilitator's console").is_some());
    let name = h.get_by_label("Run name");
    name.focus();
    name.type_text("Group A");
    h.run();
    click_in_view(&mut h, "Start exercise");
    let runs = &h.state().document().scenario().runs;
    assert_eq!(runs.len(), 1);
    assert_eq!(runs[0].name, "Group A");
    assert!(runs[0].is_open());
    h
}

/// Every text the window's accessibility tree carries (labels and values).
fn all_text(h: &H) -> Vec<String> {
    h.query_all_by(|_| true)
        .flat_map(|n| {
            let a = n.accesskit_node();
            [a.label(), a.value()]
        })
        .flatten()
        .collect()
}

fn keys_of_plan_at_lens(h: &H) -> HashSet<FindingKey> {
    let doc = h.state().document();
    evaluate_at(doc.scenario(), &doc.lens())
        .iter()
        .map(|f| f.key(doc.scenario()))
        .collect()
}

#[test]
fn a_run_from_start_to_hot_wash() {
    let mut h = started();
    // The first pending inject is shown with its preview: KFOR stops sharing intelligence.
    assert!(
        h.query_all_by_label_contains("KFOR raids brothels")
            .next()
            .is_some(),
        "the first inject is listed and shown"
    );
    let (raised, cleared) = {
        let doc = h.state().document();
        let m01 = doc.scenario().injects[0].clone();
        let p =
            peaceops::exercise::preview_at(doc.room(), &Lens::at(m01.at.unwrap()), &m01).unwrap();
        let raised: Vec<String> = p
            .raised
            .iter()
            .map(|i| p.findings[*i].message(&p.after))
            .collect();
        (raised, p.cleared.len())
    };
    assert!(!raised.is_empty());
    assert!(
        h.query_by_label(&format!(
            "Raises {}, clears {cleared}, changes 0",
            raised.len()
        ))
        .is_some(),
        "the preview says how many risks it raises and clears"
    );
    for m in &raised {
        let start: String = m.chars().take(20).collect();
        assert!(
            all_text(&h)
                .iter()
                .any(|t| t.starts_with(&format!("Raised: {start}"))),
            "the preview names {m}"
        );
    }

    click_in_view(&mut h, "Deliver");
    {
        let doc = h.state().document();
        let run = doc.room_run().unwrap();
        assert_eq!(run.delivered().count(), 1);
        assert_eq!(
            doc.lens(),
            Lens::at(ym("2008-06")),
            "the cursor moved to its month"
        );
        // The checklist is the run's board: the raised risks are on it, though the plan
        // itself (at the same month) does not have them.
        let shown: Vec<String> = doc
            .findings()
            .iter()
            .map(|f| f.message(doc.room()))
            .collect();
        for m in &raised {
            assert!(shown.contains(m), "{m} is on the checklist after delivery");
        }
    }
    let plan_keys = keys_of_plan_at_lens(&h);
    let doc = h.state().document();
    let room_keys: HashSet<FindingKey> = doc.check_rows().iter().map(|r| r.key.clone()).collect();
    assert_ne!(room_keys, plan_keys, "the delivery changed the checklist");
    let header = format!(" open of {} findings", doc.check_rows().len());
    assert!(
        h.query_by_label_contains(&header).is_some(),
        "the checklist's header counts the run's board"
    );
    assert!(
        h.query_all_by_label_contains("[delivered]")
            .next()
            .is_some(),
        "the console shows the inject as delivered"
    );

    // Ctrl+D, type, Enter: one entry, linked to the inject, stamped with the scenario month.
    ctrl(&mut h, Key::D);
    h.event(egui::Event::Text("Set up a liaison cell with KFOR".into()));
    h.run();
    h.key_press(Key::Enter);
    h.run();
    let run = h.state().document().room_run().unwrap().clone();
    assert_eq!(run.log.len(), 1, "one keystroke recorded the entry");
    let e = &run.log[0];
    assert_eq!(e.text, "Set up a liaison cell with KFOR");
    assert_eq!(e.kind, LogKind::Decision);
    assert_eq!(e.inject.as_ref().map(|i| i.as_str()), Some("m01"));
    assert_eq!(e.at, Some(ym("2008-06")));

    // Entries are editable afterwards: click one, change it, save; its stamp stays.
    h.query_all_by_label_contains("decision: Set up a liaison cell")
        .next()
        .unwrap()
        .click();
    h.run();
    let field = h.get_by_label("Log entry");
    field.focus();
    h.run();
    ctrl(&mut h, Key::A);
    h.get_by_label("Log entry")
        .type_text("Set up a liaison cell with KFOR this week");
    h.run();
    click_in_view(&mut h, "Save entry");
    let log = &h.state().document().room_run().unwrap().log;
    assert_eq!(log.len(), 1, "edited, not added");
    assert_eq!(log[0].text, "Set up a liaison cell with KFOR this week");
    assert_eq!(log[0].when, e.when);

    // Back to the injects' page, then end.
    click_in_view(&mut h, "Injects");
    click_in_view(&mut h, "End exercise");
    let doc = h.state().document();
    assert!(!doc.scenario().runs[0].is_open(), "the run is closed");
    assert!(
        doc.room_run().is_none(),
        "a closed run no longer shapes the board"
    );
    assert!(h.query_by_label("Hot wash").is_some(), "the hot wash shows");
    assert!(
        h.query_by_label_contains("1 injects delivered, 0 skipped")
            .is_some()
    );
    assert!(
        h.query_all_by_label_contains("Set up a liaison cell with KFOR this week")
            .next()
            .is_some(),
        "the decision log is in the summary"
    );
    let wash = peaceops::exercise::hot_wash(doc.scenario(), &doc.scenario().runs[0]);
    assert!(!wash.steps[0].raised.is_empty());
    for (_, m) in &wash.steps[0].raised {
        assert!(
            h.query_all_by_label(&format!("Raised: {m}"))
                .next()
                .is_some(),
            "the hot wash lists what the inject raised"
        );
    }
}

#[test]
fn a_closed_run_is_replayed_read_only_step_by_step() {
    let mut h = started();
    click_in_view(&mut h, "Deliver");
    click_in_view(&mut h, "Skip");
    click_in_view(&mut h, "End exercise");
    let before = h.state().document().scenario().clone();
    click_in_view(&mut h, "Step through this run");
    assert_eq!(h.state().document().replay().map(|r| r.steps), Some(0));
    assert!(
        h.query_by_label("Deliver").is_none(),
        "a replay cannot deliver"
    );
    let at_start: Vec<_> = h.state().document().check_rows().to_vec();
    click_in_view(&mut h, "Next inject");
    let doc = h.state().document();
    assert_eq!(doc.replay().map(|r| r.steps), Some(1));
    assert_ne!(
        doc.check_rows(),
        &at_start[..],
        "the first inject is on the board"
    );
    assert_eq!(
        doc.scenario(),
        &before,
        "replaying changes nothing in the file"
    );
}

#[test]
fn the_rooms_screen_never_shows_controller_notes() {
    let mut h = started();
    click_in_view(&mut h, "Deliver");
    let s = h.state().document().scenario().clone();
    h.state_mut().set_second_screen(None);
    h.key_press(Key::F11);
    h.run();
    assert!(h.state().presenting());
    let text = all_text(&h);
    let m01 = s.injects.iter().find(|i| i.id.as_str() == "m01").unwrap();
    assert!(
        text.iter().any(|t| t.contains(&m01.title)),
        "the room sees the delivered inject's title"
    );
    assert!(
        text.iter().any(|t| t.contains(&m01.text)),
        "and the text read to it"
    );
    assert!(
        text.iter().any(|t| t.starts_with("New risks: ")),
        "and the risks it raised"
    );
    for i in &s.injects {
        for secret in [&i.controller_notes, &i.expected_action] {
            if secret.is_empty() {
                continue;
            }
            // A wrapped label may be split into lines: look for the text's opening words.
            let opening: String = secret.chars().take(24).collect();
            assert!(
                !text.iter().any(|t| t.contains(opening.as_str())),
                "the room's screen shows a controller's text of {}",
                i.id
            );
        }
    }
}

#[test]
fn injects_are_authored_in_the_console_with_effects_from_forms() {
    let (mut h, _script) = harness_with(Some(scenario_path("kosovo-exercise.ron")));
    ctrl(&mut h, Key::J);
    let before = h.state().document().scenario().injects.clone();
    click_in_view(&mut h, "Add inject");
    let title = h.get_by_label("Inject title");
    title.focus();
    title.type_text(" about the north");
    h.run();
    // The effect form starts on "Consent changes"; pick Contested from its list.
    click_in_view(&mut h, "Consent");
    h.get_by_label("contested").click();
    h.run();
    click_in_view(&mut h, "Add effect");
    click_in_view(&mut h, "Add to the script");
    let injects = &h.state().document().scenario().injects;
    assert_eq!(injects.len(), before.len() + 1);
    let new = injects.last().unwrap().clone();
    assert_eq!(new.title, "New inject about the north");
    assert_eq!(
        new.effects,
        vec![peaceops::model::Effect::SetConsent(
            peaceops::model::Consent::Contested
        )]
    );

    click_in_view(&mut h, "Move up");
    let injects = &h.state().document().scenario().injects;
    assert_eq!(injects[injects.len() - 2].id, new.id, "moved up one place");
    click_in_view(&mut h, "Duplicate inject");
    let injects = &h.state().document().scenario().injects;
    assert_eq!(injects.len(), before.len() + 2);
    let copy = &injects[injects.len() - 2];
    assert_ne!(copy.id, new.id);
    assert_eq!(copy.effects, new.effects, "the copy has the same effects");
    click_in_view(&mut h, "Delete inject");
    assert_eq!(
        h.state().document().scenario().injects.len(),
        before.len() + 1
    );
    ctrl(&mut h, Key::Z);
    assert_eq!(
        h.state().document().scenario().injects.len(),
        before.len() + 2,
        "Undo brings it back"
    );
}

#[test]
fn the_msel_goes_out_and_back_in_through_the_file_menu() {
    use peaceops::files::Picked;
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("msel.csv");
    let (mut h, script) = harness_with(Some(scenario_path("kosovo-exercise.ron")));
    let menu = |h: &mut H, item: &str| {
        common::harness::click(h, "File");
        common::harness::click(h, "Exercise script (MSEL)");
        common::harness::click(h, item);
    };
    script.answer(Picked::Path(csv.clone()));
    menu(&mut h, "Export MSEL (CSV)…");
    let bytes = std::fs::read(&csv).unwrap();
    assert!(bytes.starts_with("\u{feff}".as_bytes()), "UTF-8 with BOM");
    // The same ids again are refused as a whole: nothing imported, the file named.
    let n = h.state().document().scenario().injects.len();
    script.answer(Picked::Path(csv.clone()));
    menu(&mut h, "Import MSEL (CSV)…");
    let notice = h.state().notice().unwrap();
    assert!(notice.error, "{}", notice.text);
    assert!(notice.text.contains(&csv.display().to_string()));
    assert_eq!(h.state().document().scenario().injects.len(), n);
    // Into a scenario without injects, all of them come in as one undo step.
    ctrl(&mut h, Key::J);
    for _ in 0..n {
        click_in_view(&mut h, "Delete inject");
    }
    assert!(h.state().document().scenario().injects.is_empty());
    script.answer(Picked::Path(csv.clone()));
    menu(&mut h, "Import MSEL (CSV)…");
    assert_eq!(
        h.state().document().scenario().injects.len(),
        n,
        "{:?}",
        h.state().notice()
    );
    // No dialog on this system: the path field, as for Open.
    script.answer(Picked::Unavailable);
    menu(&mut h, "Export MSEL (CSV)…");
    assert!(h.query_by_label("File path").is_some());
}

/// The width of a mission's bar on the timeline, as a share of KFOR's (which no inject ends):
/// the span may change with it.
fn unmik_bar(h: &H) -> f32 {
    h.get_by_label("Mission UNMIK").rect().width() / h.get_by_label("Mission KFOR").rect().width()
}

#[test]
fn the_timeline_shows_the_rooms_board_in_a_run_and_in_a_replay() {
    let mut h = started();
    ctrl(&mut h, Key::T);
    let plan = unmik_bar(&h);
    // m04 ends UNMIK in 2008-11.
    h.get_by_label_contains("UNMIK's executive role ends early")
        .click();
    h.run();
    click_in_view(&mut h, "Deliver");
    let ended = h
        .state()
        .document()
        .room()
        .mission(&"unmik".into())
        .unwrap()
        .end;
    assert_eq!(ended, Some(ym("2008-11")), "the room's UNMIK ends early");
    let run = unmik_bar(&h);
    assert!(run < plan * 0.95, "the bar ends early: {run} vs {plan}");
    click_in_view(&mut h, "End exercise");
    assert!(
        (unmik_bar(&h) - plan).abs() < 0.01,
        "a closed run no longer shapes the timeline"
    );
    click_in_view(&mut h, "Step through this run");
    assert!((unmik_bar(&h) - plan).abs() < 0.01, "before the first step");
    click_in_view(&mut h, "Next inject");
    assert!(
        (unmik_bar(&h) - run).abs() < 0.01,
        "the replay's first step is the delivery of m04"
    );
}

#[test]
fn a_malformed_msel_is_refused_whole_naming_the_file_the_row_and_the_column() {
    use peaceops::files::Picked;
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("broken msel.csv");
    // Row 2 is good; row 3 has an id with a space and a month that is not one.
    std::fs::write(
        &csv,
        "MSEL #,Scenario Time,Event Synopsis,Inject,Effects\n\
         x01,2008-07,Fine,Read this,\n\
         bad id,July 2008,Broken,Read this,\n",
    )
    .unwrap();
    let (mut h, script) = harness_with(Some(scenario_path("kosovo-exercise.ron")));
    let before = h.state().document().scenario().clone();
    let revision = h.state().document().revision();
    script.answer(Picked::Path(csv.clone()));
    common::harness::click(&mut h, "File");
    common::harness::click(&mut h, "Exercise script (MSEL)");
    common::harness::click(&mut h, "Import MSEL (CSV)…");
    let doc = h.state().document();
    assert_eq!(doc.scenario(), &before, "nothing imported, not even row 2");
    assert_eq!(doc.revision(), revision, "no edit, nothing to undo");
    let notice = h.state().notice().unwrap().clone();
    assert!(notice.error, "{}", notice.text);
    // The whole message, as the user reads it in the Problems window (Details).
    click_in_view(&mut h, "Details");
    let shown = all_text(&h)
        .into_iter()
        .find(|t| t.starts_with("Error: ") && t.contains("nothing imported"))
        .unwrap_or_else(|| panic!("the error is shown: {}", notice.text));
    for part in [
        csv.display().to_string(),
        "row 3, column \"MSEL #\"".to_owned(),
        "row 3, column \"Scenario Time\"".to_owned(),
    ] {
        assert!(shown.contains(&part), "{shown:?} names {part}");
    }
    assert!(
        !shown.contains("row 2"),
        "the good row is not blamed: {shown}"
    );
}

#[test]
fn a_draft_typed_in_the_console_stays_with_its_file_when_another_is_opened() {
    use peaceops::files::Picked;
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("group-a.ron"), dir.path().join("other.ron"));
    std::fs::copy(scenario_path("kosovo-exercise.ron"), &a).unwrap();
    std::fs::copy(scenario_path("kosovo-2008.ron"), &b).unwrap();
    let (mut h, script) = harness_with(Some(a.clone()));
    ctrl(&mut h, Key::J);
    click_in_view(&mut h, "Start exercise");
    ctrl(&mut h, Key::S);
    assert!(!h.state().document().is_dirty(), "the run is saved");
    // Half an entry, not recorded.
    ctrl(&mut h, Key::D);
    h.event(egui::Event::Text("The room wants a liaison".into()));
    h.run();
    script.answer(Picked::Path(b.clone()));
    ctrl(&mut h, Key::O);
    assert_eq!(h.state().document().path(), Some(b.as_path()));
    let notice = h.state().notice().unwrap().text.clone();
    assert!(
        notice.contains("for group-a.ron (the decision-log entry) is kept"),
        "the user is told the draft is kept: {notice}"
    );
    assert!(
        !all_text(&h)
            .iter()
            .any(|t| t.contains("The room wants a liaison")),
        "the other file's console does not show it"
    );
    // Back to the first file: the entry is there to finish.
    script.answer(Picked::Path(a.clone()));
    ctrl(&mut h, Key::O);
    assert_eq!(h.state().document().path(), Some(a.as_path()));
    ctrl(&mut h, Key::D);
    assert_eq!(
        h.get_by_label("Log entry")
            .accesskit_node()
            .value()
            .as_deref(),
        Some("The room wants a liaison")
    );
    h.event(egui::Event::Text(" cell".into()));
    h.run();
    h.key_press(Key::Enter);
    h.run();
    let log = &h.state().document().room_run().unwrap().log;
    assert_eq!(log.len(), 1);
    assert_eq!(log[0].text, "The room wants a liaison cell");
}

#[test]
fn quitting_with_an_unrecorded_entry_says_so_first() {
    use common::harness::{frame_with, key_event};
    let mut h = started();
    ctrl(&mut h, Key::D);
    h.event(egui::Event::Text("Ask KFOR about".into()));
    h.run();
    let quit = key_event(egui::Modifiers::COMMAND, Key::Q);
    let commands = frame_with(&mut h, quit.clone());
    assert!(!commands.contains(&egui::ViewportCommand::Close));
    h.run();
    let notice = h.state().notice().unwrap().text.clone();
    assert!(
        notice.contains("the decision-log entry you were writing in the console is not recorded"),
        "{notice}"
    );
    assert!(
        h.query_by_label_contains("changes that are not saved")
            .is_none(),
        "one thing at a time"
    );
    // Again: a knowing choice, on to the unsaved run's question.
    frame_with(&mut h, quit);
    h.run();
    assert!(
        h.query_by_label_contains("changes that are not saved")
            .is_some()
    );
}
