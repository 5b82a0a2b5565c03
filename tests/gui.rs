//! The real window, driven through egui_kittest by accessible labels, as a user would: open a
//! reference scenario, add a group, a mission and an activity from the catalogue, move it, undo
//! and redo, mark a finding, save and reload; and survive bad files and missing file dialogs.

#![cfg(feature = "gui")]
#![expect(
    clippy::panic,
    clippy::unwrap_used,
    reason = "test helpers: a missing node or a failed unwrap is a failed test"
)]

mod common;

use std::path::{Path, PathBuf};

use common::harness::{Script, ctrl, ctrl_shift, harness_in, harness_with, scenario_path};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use peaceops::app::PeaceOpsApp;
use peaceops::files::Picked;
use peaceops::model::{Activity, ActivityId, CheckStatus, Quadrant};

fn harness() -> (Harness<'static, PeaceOpsApp>, Script) {
    harness_with(None)
}

fn open_kosovo(h: &mut Harness<'static, PeaceOpsApp>) {
    h.get_by_label("Scenarios").click();
    h.run();
    h.get_by_label("Kosovo around 2008 (UNMIK, KFOR, OMIK, EULEX)")
        .click();
    h.run();
    assert!(h.state().document().scenario().title.contains("Kosovo"));
}

fn first_by_label<'h>(
    h: &'h Harness<'static, PeaceOpsApp>,
    label: &'h str,
) -> egui_kittest::Node<'h> {
    h.query_all_by_label(label)
        .next()
        .unwrap_or_else(|| panic!("nothing labelled {label:?}"))
}

/// The chart's accessible summary, e.g. "Quadrant chart. Direct × consequences: 10, …".
fn chart_summary(h: &Harness<'static, PeaceOpsApp>) -> String {
    h.get_by_label_contains("Quadrant chart.")
        .accesskit_node()
        .label()
        .unwrap_or_default()
}

#[test]
fn a_workshop_session_from_reference_scenario_to_saved_file() {
    let (mut h, script) = harness();
    open_kosovo(&mut h);
    let groups_before = h.state().document().scenario().groups.len();
    let missions_before = h.state().document().scenario().missions.len();

    // A crime group, named by typing.
    h.get_by_label("Crime groups").click();
    h.run();
    h.get_by_label("Add crime group").click();
    h.run();
    let name = h.get_by_label("Group name");
    name.focus();
    name.type_text(" of the north");
    h.run();
    let s = h.state().document().scenario();
    assert_eq!(s.groups.len(), groups_before + 1);
    assert_eq!(
        s.groups.last().unwrap().name,
        "New crime group of the north"
    );

    // A mission, with an acronym.
    h.get_by_label("Missions").click();
    h.run();
    h.get_by_label("Add mission").click();
    h.run();
    let acronym = h.get_by_label("Acronym");
    acronym.focus();
    acronym.type_text("TESTMIS");
    h.run();
    let s = h.state().document().scenario();
    assert_eq!(s.missions.len(), missions_before + 1);
    assert_eq!(s.missions.last().unwrap().acronym, "TESTMIS");

    // An activity from the catalogue: the quadrant count on the chart goes up by one.
    let drivers_before = h.state().document().quadrant_counts()[Quadrant::DirectDrivers.index()];
    assert!(
        chart_summary(&h).contains(&format!("Direct × drivers: {drivers_before}")),
        "{}",
        chart_summary(&h)
    );
    first_by_label(&h, "Add from catalogue…").click();
    h.run();
    let search = h.get_by_label("Search catalogue");
    search.focus();
    search.type_text("gangs DDR");
    h.run();
    h.get_by_label("Add DDR programme for gangs").click();
    h.run();
    let s = h.state().document().scenario();
    let added = s.activities.last().unwrap().clone();
    assert_eq!(added.template.as_ref().unwrap().as_str(), "gang-ddr");
    assert_eq!(added.quadrant(), Quadrant::DirectDrivers);
    assert!(
        chart_summary(&h).contains(&format!("Direct × drivers: {}", drivers_before + 1)),
        "{}",
        chart_summary(&h)
    );
    // Close the catalogue window.
    h.get_by_label("Close window").click();
    h.run();

    // Move it across the axis by its position control: it changes quadrant.
    h.get_by_role_and_label(Role::SpinButton, "Consequences - drivers")
        .set_value_accesskit(-0.4);
    h.run();
    let moved = h
        .state()
        .document()
        .scenario()
        .activities
        .last()
        .unwrap()
        .clone();
    assert_eq!(moved.x, -0.4);
    assert_eq!(moved.quadrant(), Quadrant::DirectConsequences);

    // Undo puts it back, redo moves it again.
    ctrl(&mut h, Key::Z);
    assert_eq!(
        h.state().document().scenario().activities.last().unwrap().x,
        added.x
    );
    ctrl_shift(&mut h, Key::Z);
    assert_eq!(
        h.state().document().scenario().activities.last().unwrap().x,
        -0.4
    );

    // Mark a risk mitigated from its row: every "Consent and sovereignty" finding, and only those.
    let consent: Vec<_> = {
        let doc = h.state().document();
        doc.check_rows()
            .iter()
            .filter(|r| {
                doc.findings()[r.finding].rule == peaceops::rules::RuleId::SovereigntyConsent
            })
            .map(|r| r.key.clone())
            .collect()
    };
    assert!(!consent.is_empty());
    first_by_label(&h, "Status of Consent and sovereignty").click();
    h.run();
    h.get_by_label("mitigated").click();
    h.run();
    let doc = h.state().document();
    let decided: Vec<_> = doc
        .check_rows()
        .iter()
        .filter(|r| r.status != CheckStatus::Open)
        .map(|r| (r.key.clone(), r.status))
        .collect();
    let expected: Vec<_> = consent
        .iter()
        .map(|k| (k.clone(), CheckStatus::Mitigated))
        .collect();
    assert_eq!(
        decided, expected,
        "that rule's findings, and only those, are mitigated"
    );
    assert!(doc.is_dirty());
    assert!(h.state().title().starts_with("● "), "{}", h.state().title());

    // Save as a new file, then open it again: the same scenario.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("workshop.ron");
    script.answer(Picked::Path(file.clone()));
    ctrl_shift(&mut h, Key::S);
    assert!(file.exists(), "{:?}", h.state().notice());
    assert!(!h.state().document().is_dirty());
    assert!(
        h.state().title().starts_with("workshop.ron"),
        "{}",
        h.state().title()
    );
    let saved = h.state().document().scenario().clone();

    script.answer(Picked::Path(file.clone()));
    ctrl(&mut h, Key::O);
    assert_eq!(h.state().document().scenario(), &saved);
    assert_eq!(h.state().document().path(), Some(file.as_path()));
    let decided = h
        .state()
        .document()
        .check_rows()
        .iter()
        .filter(|r| r.status == CheckStatus::Mitigated)
        .count();
    assert_eq!(
        decided,
        expected.len(),
        "the room's decision came back with the file"
    );
}

#[test]
fn a_malformed_file_is_reported_and_the_scenario_on_screen_kept() {
    let (mut h, script) = harness();
    open_kosovo(&mut h);
    let before = h.state().document().scenario().clone();
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("broken.ron");
    std::fs::write(
        &bad,
        "(format_version: 1, title: \"x\",\n host: (name: 12))",
    )
    .unwrap();
    script.answer(Picked::Path(bad.clone()));
    ctrl(&mut h, Key::O);
    let notice = h.state().notice().expect("an error is shown").clone();
    assert!(notice.error);
    assert!(
        notice.text.contains(&format!("{}:2:", bad.display())),
        "{}",
        notice.text
    );
    assert_eq!(h.state().document().scenario(), &before);
    // The message is on screen, and can be dismissed.
    h.get_by_label_contains("broken.ron:2:");
    h.get_by_label("Dismiss").click();
    h.run();
    assert!(h.state().notice().is_none());
}

#[test]
fn every_malformed_test_file_keeps_the_window_alive() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/malformed");
    let (mut h, script) = harness();
    open_kosovo(&mut h);
    let before = h.state().document().scenario().clone();
    let mut n = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        script.answer(Picked::Path(path.clone()));
        ctrl(&mut h, Key::O);
        let notice = h.state().notice().expect("an error is shown");
        assert!(notice.error, "{}: {}", path.display(), notice.text);
        // Each message names its file, so the previous file's message cannot pass for this one's.
        assert!(
            notice.text.contains(&path.display().to_string()),
            "the message names the file: {}",
            notice.text
        );
        assert_eq!(
            h.state().document().scenario(),
            &before,
            "{}",
            path.display()
        );
        n += 1;
    }
    assert!(n >= 12, "only {n} malformed files");
}

#[test]
fn with_no_file_dialog_a_path_field_is_offered() {
    let (mut h, script) = harness();
    script.answer(Picked::Unavailable);
    ctrl(&mut h, Key::O);
    h.get_by_label_contains("No file dialog could be shown");
    let field = h.get_by_label("File path");
    field.focus();
    field.type_text(&scenario_path("haiti-minustah.ron").display().to_string());
    h.run();
    h.get_by_label("Open file").click();
    h.run();
    assert!(h.state().document().scenario().title.contains("Haiti"));

    // Saving works the same way.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("typed.ron");
    script.answer(Picked::Unavailable);
    ctrl_shift(&mut h, Key::S);
    let field = h.get_by_label("File path");
    field.focus();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    field.type_text(&file.display().to_string());
    h.run();
    h.get_by_label("Save file").click();
    h.run();
    assert_eq!(
        peaceops::io::load(&file).unwrap_or_else(|e| panic!("{e}")),
        peaceops::io::load(&scenario_path("haiti-minustah.ron")).unwrap(),
        "the typed path holds the scenario: {:?}",
        h.state().notice()
    );
    assert_eq!(h.state().document().path(), Some(file.as_path()));
}

#[test]
fn unsaved_changes_are_asked_about_before_new() {
    let (mut h, _script) = harness();
    open_kosovo(&mut h);
    h.get_by_label("Missions").click();
    h.run();
    h.get_by_label("Add mission").click();
    h.run();
    assert!(h.state().document().is_dirty());

    ctrl(&mut h, Key::N);
    h.get_by_label_contains("changes that are not saved");
    h.get_by_label("Cancel").click();
    h.run();
    assert!(
        h.state().document().scenario().title.contains("Kosovo"),
        "kept"
    );

    ctrl(&mut h, Key::N);
    h.get_by_label("Discard changes").click();
    h.run();
    assert_eq!(
        h.state().document().scenario().missions.len(),
        0,
        "a new scenario"
    );
    assert!(!h.state().document().is_dirty());
}

#[test]
fn deleting_a_referenced_mission_asks_and_removes_references() {
    let (mut h, _script) = harness();
    open_kosovo(&mut h);
    h.get_by_label("Missions").click();
    h.run();
    h.get_by_label_contains("KFOR — NATO").click();
    h.run();
    h.get_by_label("Delete mission").click();
    h.run();
    h.get_by_label_contains("is referred to by");
    h.get_by_label("Delete and remove references").click();
    h.run();
    let s = h.state().document().scenario();
    assert!(s.missions.iter().all(|m| m.acronym != "KFOR"));
    assert!(
        peaceops::model::validate(s, None).is_empty(),
        "no dangling reference"
    );
    // And it can be undone.
    ctrl(&mut h, Key::Z);
    assert!(
        h.state()
            .document()
            .scenario()
            .missions
            .iter()
            .any(|m| m.acronym == "KFOR")
    );
}

#[test]
fn zoom_and_theme_are_preferences() {
    let (mut h, _script) = harness();
    ctrl(&mut h, Key::Plus);
    assert!((h.state().prefs().zoom - 1.1).abs() < 1e-6);
    assert!((h.ctx.zoom_factor() - 1.1).abs() < 1e-6);
    ctrl(&mut h, Key::Num0);
    assert!((h.state().prefs().zoom - 1.0).abs() < 1e-6);
    h.get_by_label("View").click();
    h.run();
    h.get_by_label("Light / dark theme").click();
    h.run();
    assert!(h.state().prefs().dark);
}

#[test]
fn an_idle_window_requests_no_repaint() {
    let (mut h, _script) = harness_with(Some(scenario_path("kosovo-2008.ron")));
    h.run();
    assert!(!h.ctx.has_requested_repaint());
}

#[test]
fn opening_a_file_from_the_command_line() {
    let (h, _script) = harness_with(Some(scenario_path("guinea-bissau.ron")));
    assert!(
        h.state()
            .document()
            .scenario()
            .title
            .contains("Guinea-Bissau")
    );
    assert!(h.state().title().starts_with("guinea-bissau.ron"));
}

#[test]
fn the_fonts_draw_every_character_of_the_shipped_texts() {
    let (h, _script) = harness();
    let mut texts: Vec<(String, String)> = vec![
        (
            "assets/catalogue.ron".into(),
            peaceops::model::CATALOGUE_RON.into(),
        ),
        ("assets/risks.ron".into(), peaceops::rules::RISKS_RON.into()),
        (
            "scenarios/blank.ron".into(),
            peaceops::io::BLANK.text.into(),
        ),
    ];
    for r in peaceops::io::REFERENCES {
        texts.push((format!("scenarios/{}", r.file), r.text.into()));
    }
    let font = egui::FontId::proportional(16.0);
    for (name, text) in texts {
        let missing: Vec<char> = h.ctx.fonts_mut(|f| {
            let mut chars: Vec<char> = text.chars().filter(|c| !f.has_glyph(&font, *c)).collect();
            chars.sort_unstable();
            chars.dedup();
            chars
        });
        let missing: Vec<char> = missing.into_iter().filter(|c| !c.is_control()).collect();
        assert!(missing.is_empty(), "{name}: no glyph for {missing:?}");
    }
}

fn recovery_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "ron"));
    files
}

#[test]
fn unsaved_work_survives_a_crash_and_is_offered_back() {
    let data = tempfile::tempdir().unwrap();
    let dir = data.path().join("recovery");
    // The user's own file (a shipped reference would open as a copy, never saved over).
    let own = tempfile::tempdir().unwrap();
    let kosovo = own.path().join("kosovo.ron");
    std::fs::copy(scenario_path("kosovo-2008.ron"), &kosovo).unwrap();
    let (mut h, _script) = harness_in(Some(kosovo.clone()), dir.clone());
    h.get_by_label("Missions").click();
    h.run();
    h.get_by_label("Add mission").click();
    h.run();
    let edited = h.state().document().scenario().clone();
    h.state_mut().flush_recovery();
    let files = recovery_files(&dir);
    assert_eq!(
        files.len(),
        1,
        "a recovery copy of the unsaved work: {files:?}"
    );
    let copy = std::fs::read_to_string(&files[0]).unwrap();
    assert!(copy.contains("New mission"));
    assert!(
        !std::fs::read_to_string(&kosovo)
            .unwrap()
            .contains("New mission"),
        "the user's file is untouched"
    );

    // The program dies without a clean exit; the copy stays. The next start (another process)
    // finds it.
    drop(h);
    let left = dir.join("recovery-999999999.ron");
    std::fs::rename(&files[0], &left).unwrap();
    let (mut h, _script) = harness_in(None, dir.clone());
    h.get_by_label("Restore unsaved work?");
    h.get_by_label("Restore").click();
    h.run();
    let doc = h.state().document();
    assert_eq!(doc.scenario(), &edited);
    assert!(doc.is_dirty(), "restored work is not saved yet");
    assert_eq!(
        doc.path(),
        Some(kosovo.as_path()),
        "it still belongs to its file"
    );
    assert!(!left.exists(), "the old copy is gone once restored");
}

#[test]
fn a_discarded_recovery_copy_is_deleted_and_saving_removes_the_own_copy() {
    let data = tempfile::tempdir().unwrap();
    let dir = data.path().join("recovery");
    // A copy left by a session that died.
    let store = peaceops::io::RecoveryStore::new(dir.clone());
    let snap = peaceops::io::Snapshot::now(
        peaceops::model::Scenario::new("Lost work"),
        None,
        "Lost work".into(),
    );
    store.write(&snap).unwrap();
    let left = dir.join("recovery-999999998.ron");
    std::fs::rename(store.own_file(), &left).unwrap();

    // Offered at start; discarded on request.
    let (mut h, script) = harness_in(None, dir.clone());
    h.get_by_label_contains("work on Lost work");
    h.get_by_label("Discard").click();
    h.run();
    assert!(!left.exists());

    // This session's own copy: written while there are unsaved changes, removed once saved.
    h.get_by_label("Missions").click();
    h.run();
    h.get_by_label("Add mission").click();
    h.run();
    h.state_mut().flush_recovery();
    assert_eq!(recovery_files(&dir).len(), 1);
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("saved.ron");
    script.answer(Picked::Path(file.clone()));
    ctrl_shift(&mut h, Key::S);
    assert!(!h.state().document().is_dirty(), "{:?}", h.state().notice());
    h.state_mut().flush_recovery();
    assert!(
        recovery_files(&dir).is_empty(),
        "saved: no recovery copy left"
    );
}

#[test]
fn invalid_files_open_with_their_problems_listed() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/invalid");
    let (mut h, script) = harness();
    let mut n = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        script.answer(Picked::Path(path.clone()));
        ctrl(&mut h, Key::O);
        assert_eq!(h.state().document().path(), Some(path.as_path()));
        let problems = h.state().document().problems().len();
        assert!(problems > 0, "{}", path.display());
        // The chart, the checklist and the Problems window all draw (NaN positions included).
        h.get_by_label_contains("Quadrant chart.");
        assert!(h.query_all_by_label_contains("problem(s)").count() >= 1);
        n += 1;
    }
    assert!(n >= 5);
}

/// Where an activity's marker is on screen: the chart shows -1.2 … 1.2 on both axes.
fn marker_position(h: &Harness<'static, PeaceOpsApp>, x: f64, y: f64) -> egui::Pos2 {
    let rect = h.get_by_label_contains("Quadrant chart.").rect();
    let fx = ((x + 1.2) / 2.4) as f32;
    let fy = ((y + 1.2) / 2.4) as f32;
    egui::pos2(
        rect.left() + fx * rect.width(),
        rect.bottom() - fy * rect.height(),
    )
}

fn activity(h: &Harness<'static, PeaceOpsApp>, id: &ActivityId) -> Activity {
    h.state()
        .document()
        .scenario()
        .activities
        .iter()
        .find(|a| &a.id == id)
        .cloned()
        .unwrap()
}

#[test]
fn the_chart_selects_by_click_and_moves_by_drag() {
    let (mut h, _script) = harness_with(Some(scenario_path("kosovo-2008.ron")));
    let omik = h
        .state()
        .document()
        .scenario()
        .activities
        .iter()
        .find(|a| a.x > 0.0 && a.y < 0.0)
        .cloned()
        .unwrap();
    let at = marker_position(&h, omik.x, omik.y);

    // Click: the activity opens in the editor.
    h.hover_at(at);
    h.run();
    h.event(egui::Event::PointerButton {
        pos: at,
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: Modifiers::NONE,
    });
    h.run();
    h.event(egui::Event::PointerButton {
        pos: at,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    h.run();
    let title = h.get_by_label("Activity title");
    assert_eq!(title.value().as_deref(), Some(omik.title.as_str()));

    // Drag: it moves to where it is dropped, in one undo step. (The editor opening may have moved
    // the chart, so the marker is found again.)
    let at = marker_position(&h, omik.x, omik.y);
    let to = marker_position(&h, -0.5, 0.5);
    h.drag_at(at);
    h.run();
    for k in 1..=5 {
        h.hover_at(at + (to - at) * (k as f32 / 5.0));
        h.run();
    }
    h.drop_at(to);
    h.run();
    let moved = activity(&h, &omik.id);
    assert!(
        (moved.x + 0.5).abs() < 0.05 && (moved.y - 0.5).abs() < 0.05,
        "{moved:?}"
    );
    ctrl(&mut h, Key::Z);
    let back = activity(&h, &omik.id);
    assert_eq!(
        (back.x, back.y),
        (omik.x, omik.y),
        "one drag, one undo step"
    );
}

#[test]
fn a_new_activity_is_scrolled_into_view_in_the_list() {
    let (mut h, _script) = harness_with(Some(scenario_path("kosovo-2008.ron")));
    h.get_by_label("Activities").click();
    h.run();
    let first = h.state().document().scenario().activities[0].clone();
    // List rows read "title — mission".
    let first_row = |h: &Harness<'static, PeaceOpsApp>| {
        h.query_by_label_contains(&format!("{} — ", first.title))
            .is_some()
    };
    assert!(first_row(&h), "the list starts at the top");
    assert!(
        h.query_by_label_contains("New activity — no mission")
            .is_none()
    );

    // Kosovo has more activities than the list shows: the new one, last, is scrolled to.
    h.get_by_label("Add activity").click();
    h.run();
    assert!(
        h.query_by_label_contains("New activity — no mission")
            .is_some()
    );
    assert!(!first_row(&h), "the list scrolled down");

    // Picking a row that is already in view does not move the list.
    let before = h.state().document().scenario().activities.len();
    assert!(before > 8);
    let visible = h.state().document().scenario().activities[before - 3]
        .title
        .clone();
    h.get_by_label_contains(&format!("{visible} — ")).click();
    h.run();
    assert!(
        h.query_by_label_contains("New activity — no mission")
            .is_some()
    );
}

fn catalogue_search(query: &str) -> Harness<'static, PeaceOpsApp> {
    let (mut h, _script) = harness();
    open_kosovo(&mut h);
    first_by_label(&h, "Add from catalogue…").click();
    h.run();
    let search = h.get_by_label("Search catalogue");
    search.focus();
    search.type_text(query);
    h.run();
    h
}

#[test]
fn the_catalogue_picker_shows_where_each_sentence_comes_from() {
    // The military raids template: its paper sentences carry "paper §V.5" and "paper §V.4",
    // its own advice "PeaceOps"; KFOR is named by the paper, so the missions line carries the
    // paper badge too (the template's section, §V.5).
    let h = catalogue_search("raid brothels");
    assert!(h.query_all_by_label("Source: paper §V.5").count() >= 2);
    assert!(h.query_all_by_label("Source: paper §V.4").next().is_some());
    assert!(h.query_all_by_label("Source: PeaceOps").next().is_some());
    assert!(
        h.query_all_by_label("Source: general knowledge")
            .next()
            .is_none()
    );
    // Vetting: the paper names no mission, so its examples are marked general knowledge.
    let h = catalogue_search("vetting certifying");
    assert!(
        h.query_all_by_label("Source: general knowledge")
            .next()
            .is_some()
    );
    assert!(h.query_all_by_label("Source: paper §III").next().is_some());
}

#[test]
fn the_editor_shows_where_an_entitys_facts_come_from() {
    let (mut h, _script) = harness_with(Some(scenario_path("kosovo-2008.ron")));
    h.get_by_label("Activities").click();
    h.run();
    assert!(h.query_all_by_label("Source: invented").next().is_none());
    h.get_by_label_contains("UNMIK executive policing — ")
        .click();
    h.run();
    // Its notes rest on the paper (§III) and on inventions (the dates): both badges show.
    assert!(h.query_all_by_label("Source: paper §III").next().is_some());
    assert!(h.query_all_by_label("Source: invented").next().is_some());
}

#[test]
fn the_editor_shows_where_the_description_and_the_regions_come_from() {
    let (mut h, _script) = harness_with(Some(scenario_path("kosovo-2008.ron")));
    // The description's claims (§V.3: the great powers' politics) show on the Scenario tab.
    assert!(h.query_all_by_label("Source: paper §V.3").next().is_none());
    h.get_by_label("Scenario").click();
    h.run();
    assert!(h.query_all_by_label("Source: paper §V.3").next().is_some());
    // A region's claims show under the region on the Host state tab.
    let camp = "Camp Bondsteel, the US camp, lies near Ferizaj/Uroševac";
    assert!(h.query_all_by_label(camp).next().is_none());
    h.get_by_label("Host state").click();
    h.run();
    assert!(h.query_all_by_label(camp).next().is_some());
}
