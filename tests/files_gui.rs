//! Files behave as users expect, in the real window (issues 9 and 15): a shipped reference
//! opened by path is never saved over; a file changed on disk is not silently overwritten; a
//! read-only file is refused with Save as offered; every recovery copy is listed; a restored copy
//! undoes back to its file; the path field takes the keyboard; a long error can be read whole.

#![cfg(feature = "gui")]
#![expect(
    clippy::unwrap_used,
    reason = "test helpers: a missing node or a failed unwrap is a failed test"
)]

mod common;

use std::path::{Path, PathBuf};

use common::harness::{H, Script, add_mission, ctrl, harness_in, harness_with, scenario_path};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use peaceops::files::{FileKind, Picked};
use peaceops::io::{self, RecoveryStore, Snapshot};
use peaceops::model::{Activity, Edit, Scenario};

struct Setup {
    h: H,
    script: Script,
}

/// The window with `file` open, recovery copies in a folder of the test's own.
fn start(file: Option<PathBuf>) -> Setup {
    let (h, script) = harness_with(file);
    Setup { h, script }
}

fn shipped(name: &str) -> PathBuf {
    scenario_path(name)
}

/// An edit made as the window makes them (through the document's commands).
fn edit(h: &mut H) {
    add_mission(h);
    assert!(h.state().document().is_dirty());
}

fn sha256(path: &Path) -> String {
    let out = std::process::Command::new("sha256sum")
        .arg(path)
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap()
}

fn user_file(dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::copy(shipped("haiti-minustah.ron"), &path).unwrap();
    path
}

#[test]
fn a_shipped_file_opened_by_path_is_never_saved_over() {
    let kosovo = shipped("kosovo-2008.ron");
    let before = sha256(&kosovo);
    let mut s = start(Some(kosovo.clone()));
    // One consistent status: a reference copy, never "All changes saved".
    s.h.get_by_label_contains("as a copy");
    s.h.get_by_label("Reference copy (Save as… to keep)");
    assert_eq!(s.h.query_all_by_label("All changes saved").count(), 0);
    edit(&mut s.h);
    // Ctrl+S asks where (the dialog is cancelled): the shipped file is not written.
    ctrl(&mut s.h, Key::S);
    assert_eq!(s.script.saves_asked().len(), 1, "Save as was asked");
    assert_eq!(sha256(&kosovo), before);
    assert!(s.h.state().document().is_dirty());
    // Saving as the shipped file itself is refused too.
    s.script.answer(Picked::Path(kosovo.clone()));
    s.h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    s.h.run();
    assert_eq!(sha256(&kosovo), before);
    assert!(s.h.state().notice().unwrap().error);
}

#[test]
fn save_as_starts_in_the_files_folder() {
    let dir = tempfile::tempdir().unwrap();
    let path = user_file(dir.path(), "mine.ron");
    let mut s = start(Some(path));
    s.h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    s.h.run();
    let asked = s.script.saves_asked();
    assert_eq!(asked, [(FileKind::Scenario, Some(dir.path().to_owned()))]);
}

#[test]
fn a_file_changed_on_disk_is_not_silently_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = user_file(dir.path(), "mine.ron");
    let mut s = start(Some(path.clone()));
    edit(&mut s.h);
    // Another window saves the file meanwhile.
    let theirs = Scenario::new("Saved by another window");
    io::save(&path, &theirs).unwrap();
    ctrl(&mut s.h, Key::S);
    s.h.get_by_label("The file changed on disk");
    assert_eq!(io::load(&path).unwrap(), theirs, "nothing written yet");
    // Reload: their version on screen.
    s.h.get_by_label("Reload from disk").click();
    s.h.run();
    assert_eq!(s.h.state().document().scenario(), &theirs);
    assert!(!s.h.state().document().is_dirty());

    // Again, and this time overwrite.
    edit(&mut s.h);
    let mine = s.h.state().document().scenario().clone();
    io::save(&path, &Scenario::new("Another change")).unwrap();
    ctrl(&mut s.h, Key::S);
    s.h.get_by_label("Overwrite").click();
    s.h.run();
    assert_eq!(io::load(&path).unwrap(), mine);
    assert!(!s.h.state().document().is_dirty());
    // Our own save is not a change on disk: the next save asks nothing.
    edit(&mut s.h);
    ctrl(&mut s.h, Key::S);
    assert_eq!(
        s.h.query_all_by_label("The file changed on disk").count(),
        0
    );
    assert!(!s.h.state().document().is_dirty());
}

#[test]
fn a_read_only_file_is_refused_and_save_as_offered() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = user_file(dir.path(), "protected.ron");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    let before = std::fs::read(&path).unwrap();
    let mut s = start(Some(path.clone()));
    edit(&mut s.h);
    let elsewhere = dir.path().join("copy.ron");
    s.script.answer(Picked::Path(elsewhere.clone()));
    ctrl(&mut s.h, Key::S);
    assert_eq!(std::fs::read(&path).unwrap(), before, "not written");
    assert_eq!(s.script.saves_asked().len(), 1, "Save as was offered");
    assert!(elsewhere.exists(), "and saved where the user chose");
    assert_eq!(s.h.state().document().path(), Some(elsewhere.as_path()));
}

#[test]
fn the_path_field_takes_the_keyboard() {
    let mut s = start(None);
    s.script.answer(Picked::Unavailable);
    ctrl(&mut s.h, Key::O);
    let field = s.h.get_by_label("File path");
    assert!(field.is_focused(), "the path field has the keyboard");
    // Typing goes straight into it.
    s.h.get_by_label("File path").type_text("typed.ron");
    s.h.run();
    assert!(
        s.h.get_by_label("File path")
            .value()
            .unwrap_or_default()
            .ends_with("typed.ron")
    );
}

/// A copy left by a session that is gone, written `secs` after 1970.
fn dead_copy(dir: &Path, name: &str, secs: u64) -> Scenario {
    let store = RecoveryStore::new(dir.to_owned());
    let mut scenario = Scenario::new(name);
    scenario.description = format!("unsaved work on {name}");
    let mut snap = Snapshot::now(scenario.clone(), None, name.to_owned());
    snap.written_unix_secs = secs;
    store.write(&snap).unwrap();
    scenario
}

#[test]
fn every_recovery_copy_is_listed_newest_first() {
    let recovery = tempfile::tempdir().unwrap();
    dead_copy(recovery.path(), "Older work", 1_700_000_000);
    let newer = dead_copy(recovery.path(), "Newer work", 1_800_000_000);
    let (mut h, _script) = harness_in(None, recovery.path().to_owned());
    h.get_by_label("Restore unsaved work?");
    let older_y = h.get_by_label_contains("work on Older work").rect().top();
    let newer_y = h.get_by_label_contains("work on Newer work").rect().top();
    assert!(newer_y < older_y, "newest first");
    // Discarding one keeps the other on offer.
    let discard = h
        .query_all_by_label("Discard")
        .min_by(|a, b| a.rect().top().total_cmp(&b.rect().top()))
        .unwrap();
    discard.click();
    h.run();
    assert_eq!(
        h.query_all_by_label_contains("work on Newer work").count(),
        0
    );
    h.get_by_label_contains("work on Older work");
    let _ = newer;
}

#[test]
fn a_restored_copy_undoes_back_to_its_file() {
    let recovery = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = user_file(dir.path(), "mine.ron");
    let on_disk = io::load(&path).unwrap();
    // A session edited the file and died.
    {
        let mut session = peaceops::session::Session::new(Some(recovery.path().to_owned()));
        session.open(&path).unwrap();
        session
            .document_mut()
            .apply(
                Edit::AddActivity(Activity::new("a-new".into(), "Unsaved idea", 0.3, 0.3)),
                0.0,
            )
            .unwrap();
        assert_eq!(session.autosave(0.0), Some(1.0));
        assert_eq!(session.autosave(5.0), None);
        session.flush_recovery();
    }
    let (mut h, _script) = harness_in(None, recovery.path().to_owned());
    h.get_by_label("Restore").click();
    h.run();
    assert!(h.state().document().is_dirty());
    assert_eq!(h.state().document().path(), Some(path.as_path()));
    ctrl(&mut h, Key::Z);
    assert_eq!(h.state().document().scenario(), &on_disk);
    assert!(
        !h.state().document().is_dirty(),
        "back to the file as saved"
    );
}

#[test]
fn a_long_error_can_be_read_whole() {
    let dir = tempfile::tempdir().unwrap();
    let deep = dir.path().join(
        "a-folder-with-a-rather-long-name/and-another-one-inside-it/and-a-third/missing-file.ron",
    );
    let mut s = start(Some(deep.clone()));
    let text = s.h.state().notice().unwrap().text.clone();
    assert!(text.len() > 90, "{text}");
    let whole = format!("Error: {text}");
    // Cut to fit in the status bar (whole for screen readers and on hover) ...
    assert_eq!(s.h.query_all_by_label(&whole).count(), 1);
    assert_eq!(s.h.query_all_by_label("Problems").count(), 0);
    // ... and whole in the Problems window on request.
    s.h.get_by_label("Details").click();
    s.h.run();
    s.h.get_by_label("Problems");
    assert_eq!(s.h.query_all_by_label(&whole).count(), 2);
}
