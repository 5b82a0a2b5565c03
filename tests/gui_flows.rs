//! The window's file flows and checklist, driven through egui_kittest by accessible labels: the
//! paths where a user can lose work (the commonest save, save-then-continue from the
//! unsaved-changes question, quitting and closing with unsaved changes, a cancelled delete, a
//! recovery copy that cannot be read), the File and Edit menus and every shortcut, and every
//! decision the room makes on the checklist.

#![cfg(feature = "gui")]
#![expect(
    clippy::panic,
    clippy::unwrap_used,
    reason = "test helpers: a missing node or a failed unwrap is a failed test"
)]

mod common;

use common::harness::{
    H, add_mission, click, click_at, click_in_view, click_menu, close_button_frame, copy_of, ctrl,
    ctrl_shift, frame_with, harness_in, harness_stepped, harness_with, key_event, menu_entry,
    scenario_path, wheel_at,
};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::{NodeT, Queryable};
use peaceops::files::Picked;
use peaceops::io;
use peaceops::model::{CheckStatus, FindingKey};
use peaceops::rules::RuleId;

fn missions(h: &H) -> usize {
    h.state().document().scenario().missions.len()
}

// ---------------------------------------------------------------------------------------------
// Saving
// ---------------------------------------------------------------------------------------------

#[test]
fn ctrl_s_saves_over_the_open_file_without_asking() {
    let (_dir, path) = copy_of("haiti-minustah.ron");
    let old = std::fs::read(&path).unwrap();
    let (mut h, script) = harness_with(Some(path.clone()));
    add_mission(&mut h);
    assert!(h.state().document().is_dirty());
    ctrl(&mut h, Key::S);
    assert_eq!(
        script.asked(),
        0,
        "a file with a path is saved without a dialog"
    );
    assert!(!h.state().document().is_dirty(), "{:?}", h.state().notice());
    assert_eq!(
        &io::load(&path).unwrap(),
        h.state().document().scenario(),
        "the file holds what is on screen"
    );
    assert_eq!(
        std::fs::read(io::backup_path(&path)).unwrap(),
        old,
        "the previous version is kept as .bak"
    );
    assert!(
        !h.state().title().starts_with("● "),
        "{}",
        h.state().title()
    );
}

#[test]
fn save_in_the_unsaved_changes_question_saves_then_continues() {
    let (_dir, path) = copy_of("haiti-minustah.ron");
    let (mut h, script) = harness_with(Some(path.clone()));
    add_mission(&mut h);
    let edited = h.state().document().scenario().clone();
    ctrl(&mut h, Key::N);
    h.get_by_label_contains("changes that are not saved");
    click(&mut h, "Save");
    assert_eq!(script.asked(), 0);
    assert_eq!(io::load(&path).unwrap(), edited, "saved first");
    assert_eq!(missions(&h), 0, "then the new scenario");
    assert!(!h.state().document().is_dirty());
}

#[test]
fn save_in_the_question_asks_where_for_an_unsaved_scenario_and_continues_after() {
    let (mut h, script) = harness_with(None);
    add_mission(&mut h);
    let edited = h.state().document().scenario().clone();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("plan.ron");
    script.answer(Picked::Path(file.clone()));
    // Never a shipped file: this test saves over what it opened.
    let (_gb_dir, gb) = copy_of("guinea-bissau.ron");
    script.answer(Picked::Path(gb.clone()));
    ctrl(&mut h, Key::O);
    click(&mut h, "Save");
    assert_eq!(
        io::load(&file).unwrap(),
        edited,
        "saved where the dialog said"
    );
    assert!(
        h.state()
            .document()
            .scenario()
            .title
            .contains("Guinea-Bissau"),
        "then the file was opened"
    );

    // A cancelled save dialog cancels the whole step: nothing is lost, nothing opened.
    ctrl(&mut h, Key::N);
    assert_eq!(h.state().document().path(), None);
    add_mission(&mut h);
    let before = h.state().document().scenario().clone();
    ctrl(&mut h, Key::N);
    click(&mut h, "Save");
    assert_eq!(h.state().document().scenario(), &before);
    assert!(h.state().document().is_dirty());
}

#[test]
fn save_through_the_typed_path_then_continues() {
    let (mut h, script) = harness_with(None);
    add_mission(&mut h);
    let edited = h.state().document().scenario().clone();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("typed.ron");
    script.answer(Picked::Unavailable);
    ctrl(&mut h, Key::N);
    click(&mut h, "Save");
    let field = h.get_by_label("File path");
    field.focus();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("File path")
        .type_text(&file.display().to_string());
    h.run();
    click(&mut h, "Save file");
    assert_eq!(io::load(&file).unwrap(), edited);
    assert_eq!(missions(&h), 0, "New went ahead after the typed save");
    assert!(!h.state().document().is_dirty());
}

// ---------------------------------------------------------------------------------------------
// Quitting and closing
// ---------------------------------------------------------------------------------------------

fn closes(commands: &[egui::ViewportCommand]) -> bool {
    commands.contains(&egui::ViewportCommand::Close)
}

fn holds_close(commands: &[egui::ViewportCommand]) -> bool {
    commands.contains(&egui::ViewportCommand::CancelClose)
}

#[test]
fn quitting_with_unsaved_changes_asks_first() {
    let (mut h, _script) = harness_with(Some(scenario_path("kosovo-2008.ron")));
    add_mission(&mut h);
    let quit = key_event(Modifiers::COMMAND, Key::Q);
    assert!(!closes(&frame_with(&mut h, quit.clone())), "asked first");
    h.run();
    h.get_by_label_contains("changes that are not saved");
    click(&mut h, "Cancel");
    assert!(h.state().document().is_dirty(), "still there");
    assert!(
        holds_close(&close_button_frame(&mut h)),
        "and closing is still held"
    );
    h.run();
    click(&mut h, "Cancel");

    frame_with(&mut h, quit);
    h.run();
    // Discard: the window goes, and is no longer held.
    h.get_by_label("Discard changes").click();
    h.run();
    let commands = close_button_frame(&mut h);
    assert!(!holds_close(&commands), "{commands:?}");
    assert!(
        h.query_by_label_contains("changes that are not saved")
            .is_none()
    );
}

#[test]
fn quitting_with_nothing_unsaved_closes_at_once() {
    let (mut h, _script) = harness_with(Some(scenario_path("kosovo-2008.ron")));
    assert!(closes(&frame_with(
        &mut h,
        key_event(Modifiers::COMMAND, Key::Q)
    )));
    let (mut h, _script) = harness_with(Some(scenario_path("kosovo-2008.ron")));
    assert!(!holds_close(&close_button_frame(&mut h)));
}

#[test]
fn closing_the_window_with_unsaved_changes_is_held_and_asked() {
    let (mut h, _script) = harness_with(Some(scenario_path("kosovo-2008.ron")));
    add_mission(&mut h);
    assert!(
        holds_close(&close_button_frame(&mut h)),
        "the close is held"
    );
    h.run();
    h.get_by_label_contains("changes that are not saved");
    assert!(h.state().document().is_dirty());
}

// ---------------------------------------------------------------------------------------------
// Deleting, recovery
// ---------------------------------------------------------------------------------------------

#[test]
fn cancelling_a_delete_changes_nothing() {
    let (mut h, _script) = harness_with(Some(scenario_path("kosovo-2008.ron")));
    let before = h.state().document().scenario().clone();
    click(&mut h, "Missions");
    h.get_by_label_contains("KFOR — NATO").click();
    h.run();
    click(&mut h, "Delete mission");
    h.get_by_label_contains("is referred to by");
    click(&mut h, "Cancel");
    assert_eq!(h.state().document().scenario(), &before);
    assert!(!h.state().document().is_dirty());
    assert!(h.query_by_label_contains("is referred to by").is_none());
}

#[test]
fn an_unreadable_recovery_copy_neither_crashes_nor_is_lost() {
    let data = tempfile::tempdir().unwrap();
    let dir = data.path().join("recovery");
    std::fs::create_dir_all(&dir).unwrap();
    let garbage: &[u8] = b"(not a recovery copy \xff\xfe at all";
    std::fs::write(dir.join("recovery-424242.ron"), garbage).unwrap();
    let (mut h, _script) = harness_in(None, dir.clone());
    h.run();
    // Whatever the window says about it, it runs, and the bytes are still in the folder.
    h.get_by_label("File");
    let kept = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(Result::ok)
        .any(|e| std::fs::read(e.path()).is_ok_and(|b| b == garbage));
    assert!(kept, "the unreadable copy was deleted");
}

// ---------------------------------------------------------------------------------------------
// Menus and shortcuts
// ---------------------------------------------------------------------------------------------

fn menu_item_enabled(h: &H, label: &str) -> bool {
    !menu_entry(h, label).accesskit_node().is_disabled()
}

#[test]
fn the_edit_menu_undoes_and_redoes_and_greys_out_what_it_cannot() {
    let (mut h, _script) = harness_with(Some(scenario_path("kosovo-2008.ron")));
    let before = missions(&h);
    click(&mut h, "Edit");
    assert!(!menu_item_enabled(&h, "Undo"), "nothing to undo yet");
    assert!(!menu_item_enabled(&h, "Redo"));
    h.key_press(Key::Escape);
    h.run();

    add_mission(&mut h);
    click(&mut h, "Edit");
    assert!(menu_item_enabled(&h, "Undo"));
    assert!(!menu_item_enabled(&h, "Redo"));
    click_menu(&mut h, "Undo");
    assert_eq!(missions(&h), before);

    click(&mut h, "Edit");
    assert!(menu_item_enabled(&h, "Redo"));
    click_menu(&mut h, "Redo");
    assert_eq!(missions(&h), before + 1);

    // Ctrl+Z and Ctrl+Y do the same.
    ctrl(&mut h, Key::Z);
    assert_eq!(missions(&h), before);
    ctrl(&mut h, Key::Y);
    assert_eq!(missions(&h), before + 1);
}

#[test]
fn the_file_menu_runs_new_open_save_as_and_open_recent() {
    let (_mali_dir, mali) = copy_of("mali-sahel.ron");
    let (mut h, script) = harness_with(Some(mali));
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("mali-plan.ron");

    script.answer(Picked::Path(file.clone()));
    click(&mut h, "File");
    click_menu(&mut h, "Save as…");
    assert!(file.exists(), "{:?}", h.state().notice());
    assert_eq!(h.state().document().path(), Some(file.as_path()));

    click(&mut h, "File");
    click_menu(&mut h, "New");
    assert_eq!(missions(&h), 0);
    assert_eq!(h.state().document().path(), None);

    click(&mut h, "File");
    click(&mut h, "Open recent");
    click(&mut h, &file.display().to_string());
    assert_eq!(h.state().document().path(), Some(file.as_path()));
    assert!(h.state().document().scenario().title.contains("Mali"));

    let (_haiti_dir, haiti) = copy_of("haiti-minustah.ron");
    script.answer(Picked::Path(haiti));
    click(&mut h, "File");
    click_menu(&mut h, "Open…");
    assert!(h.state().document().scenario().title.contains("Haiti"));

    add_mission(&mut h);
    let (_copy_dir, copy) = copy_of("haiti-minustah.ron");
    script.answer(Picked::Path(copy.clone()));
    click(&mut h, "File");
    click_menu(&mut h, "Save as…");
    click(&mut h, "File");
    click_menu(&mut h, "Save");
    assert_eq!(&io::load(&copy).unwrap(), h.state().document().scenario());
}

#[test]
fn every_shortcut_does_its_command() {
    let (mut h, _script) = harness_with(Some(scenario_path("kosovo-2008.ron")));
    // Ctrl+K: the catalogue, with its search field.
    ctrl(&mut h, Key::K);
    h.get_by_label("Search catalogue");
    click(&mut h, "Close window");
    // Ctrl+= and Ctrl++ zoom in, Ctrl+- out, Ctrl+0 resets.
    ctrl(&mut h, Key::Equals);
    assert!((h.state().prefs().zoom - 1.1).abs() < 1e-6);
    ctrl(&mut h, Key::Plus);
    assert!((h.state().prefs().zoom - 1.2).abs() < 1e-6);
    ctrl(&mut h, Key::Minus);
    assert!((h.state().prefs().zoom - 1.1).abs() < 1e-6);
    ctrl(&mut h, Key::Num0);
    assert!((h.state().prefs().zoom - 1.0).abs() < 1e-6);
    // Ctrl+Shift+Z redoes, like Ctrl+Y.
    add_mission(&mut h);
    let n = missions(&h);
    ctrl(&mut h, Key::Z);
    assert_eq!(missions(&h), n - 1);
    ctrl_shift(&mut h, Key::Z);
    assert_eq!(missions(&h), n);
}

#[test]
fn undo_with_nothing_to_undo_says_so() {
    let (mut h, _script) = harness_with(Some(scenario_path("kosovo-2008.ron")));
    ctrl(&mut h, Key::Z);
    let notice = h.state().notice().expect("a word to the user").clone();
    assert!(notice.text.contains("Nothing to undo"), "{}", notice.text);
    ctrl(&mut h, Key::Y);
    assert!(
        h.state().notice().unwrap().text.contains("Nothing to redo"),
        "{:?}",
        h.state().notice()
    );
}

// ---------------------------------------------------------------------------------------------
// The checklist
// ---------------------------------------------------------------------------------------------

/// Where to click to pick a checklist row: right of its status control, on the row itself.
fn row_point(h: &H, status_label: &str) -> egui::Pos2 {
    let combo = h
        .query_all_by_label_contains(status_label)
        .next()
        .unwrap_or_else(|| panic!("no row {status_label:?}"));
    let r = combo.rect();
    egui::pos2(r.right() + 60.0, r.center().y)
}

/// Where to click to pick the first rule row with this title.
fn first_row(h: &H, title: &str) -> egui::Pos2 {
    row_point(h, &format!("Status of {title}"))
}

/// Expands a rule's row and returns where to click to pick its first finding.
fn first_instance(h: &mut H, title: &str) -> egui::Pos2 {
    click(h, &format!("Expand {title}"));
    row_point(h, &format!("Status of {title}:"))
}

fn status_of(h: &H, key: &FindingKey) -> CheckStatus {
    h.state()
        .document()
        .check_rows()
        .iter()
        .find(|r| &r.key == key)
        .map(|r| r.status)
        .unwrap_or_else(|| panic!("no row for {key:?}"))
}

/// The key of the first current finding of a rule, in the window's order.
fn first_key(h: &H, rule: RuleId) -> FindingKey {
    let doc = h.state().document();
    doc.check_rows()
        .iter()
        .find(|r| doc.findings()[r.finding].rule == rule)
        .map(|r| r.key.clone())
        .unwrap()
}

/// Picks `status` in the open status menu.
fn pick_status(h: &mut H, status: CheckStatus) {
    let label = status.label();
    let option = h
        .query_all_by_label(label)
        .rfind(|n| n.accesskit_node().role() != Role::ComboBox)
        .unwrap_or_else(|| panic!("no option {label:?}"));
    option.click();
    h.run();
}

#[test]
fn every_status_can_be_set_on_a_finding_and_undone() {
    // Guinea-Bissau's few findings all fit in the list without scrolling.
    let (mut h, _script) = harness_with(Some(scenario_path("guinea-bissau.ron")));
    let key = first_key(&h, RuleId::FragmentedJusticeChain);
    let title = "Fragmented justice chain";
    for status in [
        CheckStatus::Accepted,
        CheckStatus::NotApplicable,
        CheckStatus::Mitigated,
        CheckStatus::Open,
    ] {
        let label = format!("Status of {title}");
        h.query_all_by_label(&label).next().unwrap().click();
        h.run();
        pick_status(&mut h, status);
        assert_eq!(status_of(&h, &key), status, "set to {status:?}");
        // Only that finding changed.
        let decided: Vec<&FindingKey> = h
            .state()
            .document()
            .check_rows()
            .iter()
            .filter(|r| r.status != CheckStatus::Open)
            .map(|r| &r.key)
            .collect();
        let expected: Vec<&FindingKey> = if status == CheckStatus::Open {
            vec![]
        } else {
            vec![&key]
        };
        assert_eq!(decided, expected);
    }
    // Back to open with no note leaves nothing in the file.
    assert!(
        h.state()
            .document()
            .scenario()
            .checklist
            .findings
            .is_empty()
    );
    // Undo steps back through the decisions.
    ctrl(&mut h, Key::Z);
    assert_eq!(status_of(&h, &key), CheckStatus::Mitigated);
    ctrl(&mut h, Key::Z);
    assert_eq!(status_of(&h, &key), CheckStatus::NotApplicable);
}

#[test]
fn a_note_on_a_finding_is_written_in_its_detail() {
    let (mut h, _script) = harness_with(Some(scenario_path("guinea-bissau.ron")));
    let key = first_key(&h, RuleId::CapacityToCapturedState);
    let at = first_instance(&mut h, "Building a captured state's capacity");
    click_at(&mut h, at);
    let note = h.get_by_label("Note");
    note.focus();
    note.type_text("Vet the unit's officers first");
    h.run();
    let row = h
        .state()
        .document()
        .check_rows()
        .iter()
        .find(|r| r.key == key)
        .unwrap()
        .clone();
    assert_eq!(row.note, "Vet the unit's officers first");
    assert_eq!(row.status, CheckStatus::Open, "a note alone keeps it open");
    // The detail's own status control sets the status of the same finding.
    click_in_view(&mut h, "Finding status");
    pick_status(&mut h, CheckStatus::Accepted);
    assert_eq!(status_of(&h, &key), CheckStatus::Accepted);
    let saved = h
        .state()
        .document()
        .scenario()
        .checklist
        .state(&key)
        .unwrap();
    assert_eq!(saved.note, "Vet the unit's officers first");
}

#[test]
fn custom_items_are_added_edited_and_deleted() {
    let (mut h, _script) = harness_with(Some(scenario_path("guinea-bissau.ron")));
    let before = h.state().document().scenario().checklist.custom.len();
    click(&mut h, "Add checklist item");
    assert_eq!(
        h.state().document().scenario().checklist.custom.len(),
        before + 1
    );
    let title = h.get_by_label("Item title");
    title.focus();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Item title")
        .type_text("Who escorts arrests?");
    h.run();
    let note = h.get_by_label("Item note");
    note.focus();
    note.type_text("KFOR, case by case");
    h.run();
    click_in_view(&mut h, "Item status");
    pick_status(&mut h, CheckStatus::Mitigated);
    let item = h
        .state()
        .document()
        .scenario()
        .checklist
        .custom
        .last()
        .unwrap()
        .clone();
    assert_eq!(item.title, "Who escorts arrests?");
    assert_eq!(item.note, "KFOR, case by case");
    assert_eq!(item.status, CheckStatus::Mitigated);
    // Its row shows at the end of the list, with its status.
    let list = first_row(&h, "Consent and sovereignty");
    wheel_at(&mut h, list, 20.0);
    h.get_by_label("Status of Who escorts arrests?");

    click_in_view(&mut h, "Delete item");
    assert_eq!(
        h.state().document().scenario().checklist.custom.len(),
        before
    );
    ctrl(&mut h, Key::Z);
    assert_eq!(
        h.state().document().scenario().checklist.custom.last(),
        Some(&item),
        "delete is undoable"
    );
}

#[test]
fn a_decision_whose_finding_stops_firing_is_kept_and_can_be_forgotten() {
    let (mut h, _script) = harness_with(Some(scenario_path("guinea-bissau.ron")));
    let key = first_key(&h, RuleId::OrganizationalGeopolitics);
    let at = first_instance(&mut h, "Geopolitics of the organizations");
    click_at(&mut h, at);
    click_in_view(&mut h, "Finding status");
    pick_status(&mut h, CheckStatus::Mitigated);
    assert_eq!(status_of(&h, &key), CheckStatus::Mitigated);

    // ECOMIB leaves the plan: one organization is left, no geopolitics between organizations.
    click(&mut h, "Missions");
    h.get_by_label_contains("ECOMIB — ").click();
    h.run();
    // Nothing refers to ECOMIB: it goes without a question.
    click(&mut h, "Delete mission");
    let doc = h.state().document();
    assert!(doc.check_rows().iter().all(|r| r.key != key), "resolved");
    assert!(
        doc.resolved().iter().any(|s| s.key == key),
        "the decision is kept"
    );

    let list = first_row(&h, "Consent and sovereignty");
    wheel_at(&mut h, list, 20.0);
    let resolved = h
        .get_by_label_contains("Resolved: Geopolitics of the organizations")
        .rect()
        .center();
    click_at(&mut h, resolved);
    h.run();
    click_in_view(&mut h, "Forget this decision");
    let doc = h.state().document();
    assert!(doc.resolved().is_empty());
    assert!(doc.scenario().checklist.state(&key).is_none());
}

// ---------------------------------------------------------------------------------------------
// Autosave timing
// ---------------------------------------------------------------------------------------------

fn copies(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect()
}

/// Runs one frame at `t` seconds of the window's clock, then waits for what the autosave timing
/// handed to the copy writer (without writing what is still pending).
fn frame_at(h: &mut H, t: f64) {
    h.input_mut().time = Some(t);
    h.step();
    h.state_mut().wait_for_recovery_writer();
}

/// Kosovo with a clock of a sixtieth of a second a frame, so a few frames take no time to speak of.
fn timed(dir: &std::path::Path) -> (H, common::harness::Script) {
    harness_stepped(
        Some(scenario_path("kosovo-2008.ron")),
        dir.to_owned(),
        1.0 / 60.0,
    )
}

fn now(h: &H) -> f64 {
    h.ctx.input(|i| i.time)
}

#[test]
fn a_recovery_copy_is_written_a_second_after_changes_stop() {
    let data = tempfile::tempdir().unwrap();
    let dir = data.path().join("recovery");
    let (mut h, _script) = timed(&dir);
    add_mission(&mut h);
    let t0 = now(&h);
    frame_at(&mut h, t0 + 0.5);
    assert!(
        copies(&dir).is_empty(),
        "not while the room may still be typing"
    );
    frame_at(&mut h, t0 + 1.1);
    let written = copies(&dir);
    assert_eq!(written.len(), 1, "a second after the last change");
    assert!(
        std::fs::read_to_string(&written[0])
            .unwrap()
            .contains("New mission")
    );
}

#[test]
fn changes_that_go_on_are_copied_at_least_every_three_seconds() {
    let data = tempfile::tempdir().unwrap();
    let dir = data.path().join("recovery");
    let (mut h, _script) = timed(&dir);
    add_mission(&mut h);
    let t0 = now(&h);
    // A change every half second: the room never pauses for the quiet second.
    let mut t = t0;
    while t < t0 + 2.4 {
        t += 0.5;
        h.input_mut().time = Some(t);
        click(&mut h, "Add mission");
        frame_at(&mut h, t + 0.01);
        assert!(copies(&dir).is_empty(), "at {:.1} s: too early", t - t0);
    }
    frame_at(&mut h, t0 + 3.1);
    assert_eq!(
        copies(&dir).len(),
        1,
        "three seconds after the first change"
    );
}

#[test]
fn flushing_writes_changes_still_waiting_for_their_quiet_second() {
    let data = tempfile::tempdir().unwrap();
    let dir = data.path().join("recovery");
    let (mut h, _script) = timed(&dir);
    add_mission(&mut h);
    h.state_mut().wait_for_recovery_writer();
    assert!(copies(&dir).is_empty(), "the quiet second has not passed");
    h.state_mut().flush_recovery();
    let written = copies(&dir);
    assert_eq!(written.len(), 1, "flushing writes the pending work");
    assert!(
        std::fs::read_to_string(&written[0])
            .unwrap()
            .contains("New mission")
    );
}
