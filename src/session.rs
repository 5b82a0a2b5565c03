//! The file flow without a window: New, Open, Save, Save as, the guard for unsaved changes,
//! noticing a file changed on disk, and recovery copies (writing them while work is unsaved,
//! restoring them after a crash). The window (`app.rs`) asks the questions these answers call for
//! and draws; everything decided here is tested here, without egui.

use std::path::{Path, PathBuf};

use crate::document::{Document, Origin};
use crate::io::{
    Autosaver, BLANK, ClaimError, DiskStamp, Found, LoadError, REFERENCES, RecoveryStore,
    Reference, SaveError, Scan, Snapshot, load, load_stamped,
};
use crate::model::Scenario;

/// A recovery copy is written after this many seconds without a change ...
pub const AUTOSAVE_QUIET_SECS: f64 = 1.0;
/// ... or at the latest this long after the first unsaved change, even while typing goes on.
pub const AUTOSAVE_MAX_SECS: f64 = 3.0;

/// How a save went, and what the window should ask next.
#[derive(Debug)]
pub enum SaveOutcome {
    /// Saved to this file.
    Saved(PathBuf),
    /// The document has no file of its own yet (new, or a shipped reference): ask where (Save
    /// as).
    NeedsPath,
    /// The file changed on disk since it was opened or last saved (another program, another
    /// PeaceOps, or after a crash): ask whether to overwrite it, save elsewhere, or reload it.
    ChangedOnDisk(PathBuf),
    /// The save failed and the file is unchanged; a read-only file ([`SaveError::ReadOnly`])
    /// calls for Save as.
    Failed(SaveError),
}

/// What opening a file found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Opened {
    /// Validation errors (not warnings) in the file.
    pub errors: usize,
    /// Set when the file is one of the shipped reference scenarios: it opened as a copy that is
    /// never saved over the original.
    pub reference: Option<&'static str>,
}

/// The open document and everything about its file.
pub struct Session {
    doc: Document,
    /// How the document's file looked when it was opened or last saved.
    disk: Option<DiskStamp>,
    autosaver: Option<Autosaver>,
    /// The revision, and whether it had unsaved changes, last written to the recovery copy (or
    /// removed from it).
    autosaved: Option<(u64, bool)>,
    /// When the first change not yet in the recovery copy was made, the last one, and its
    /// revision.
    pending: Option<(f64, f64, u64)>,
    /// The user chose to drop the unsaved changes (Discard, then quit).
    discarded: bool,
}

/// The blank scenario New starts from.
pub fn blank() -> Scenario {
    // The blank template is embedded and tested; if it were broken, start from an empty one.
    BLANK
        .load()
        .unwrap_or_else(|_| Scenario::new("New scenario"))
}

/// The shipped reference scenario a path is, if it is one: a file of the source tree's
/// `scenarios/` folder, or a file named like a reference that holds exactly its text.
pub fn shipped_reference(path: &Path) -> Option<&'static Reference> {
    let name = path.file_name()?.to_str()?;
    let reference = REFERENCES.iter().find(|r| r.file == name)?;
    let shipped_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    let in_shipped_dir = match (
        std::fs::canonicalize(path.parent().unwrap_or(Path::new("."))),
        std::fs::canonicalize(&shipped_dir),
    ) {
        (Ok(dir), Ok(shipped)) => dir == shipped,
        _ => false,
    };
    let same_text = || {
        crate::io::read_bounded(path)
            .is_ok_and(|bytes| bytes.as_slice() == reference.text.as_bytes())
    };
    (in_shipped_dir || same_text()).then_some(reference)
}

/// A file name from a title: "Kosovo 2008" → "kosovo-2008.ron".
pub fn suggested_file_name(title: &str) -> String {
    let mut name = String::new();
    for c in title.chars() {
        if c.is_alphanumeric() {
            name.extend(c.to_lowercase());
        } else if !name.ends_with('-') && !name.is_empty() {
            name.push('-');
        }
    }
    let name = name.trim_end_matches('-');
    if name.is_empty() {
        "scenario.ron".to_owned()
    } else {
        format!("{name}.ron")
    }
}

impl Session {
    /// A session on a blank scenario; recovery copies go to `recovery` (none when `None`).
    pub fn new(recovery: Option<PathBuf>) -> Self {
        Self {
            doc: Document::new(blank(), Origin::New),
            disk: None,
            autosaver: recovery.map(|dir| Autosaver::spawn(RecoveryStore::new(dir))),
            autosaved: Some((0, false)),
            pending: None,
            discarded: false,
        }
    }

    /// The open document.
    pub fn document(&self) -> &Document {
        &self.doc
    }

    /// The open document, to edit it.
    pub fn document_mut(&mut self) -> &mut Document {
        &mut self.doc
    }

    /// Whether leaving the document (New, Open, Quit) should first ask about unsaved changes.
    pub fn needs_guard(&self) -> bool {
        self.doc.is_dirty()
    }

    /// Replaces the document; what it replaces is saved or knowingly discarded.
    fn set_document(&mut self, doc: Document, disk: Option<DiskStamp>) {
        self.doc = doc;
        self.disk = disk;
        // A new document starts at revision 0: the recovery copy is brought in step next tick.
        self.autosaved = None;
        self.pending = None;
        self.discarded = false;
    }

    /// Starts a new, blank scenario.
    pub fn new_document(&mut self) {
        self.set_document(Document::new(blank(), Origin::New), None);
    }

    /// Opens a file. A shipped reference scenario opens as a copy (never saved over); any other
    /// file is remembered as it is on disk, to notice later changes. On error the document on
    /// screen stays.
    pub fn open(&mut self, path: &Path) -> Result<Opened, LoadError> {
        let (scenario, stamp) = load_stamped(path)?;
        let reference = shipped_reference(path);
        let origin = match reference {
            Some(r) => Origin::Reference(r.file.to_owned()),
            None => Origin::File(path.to_owned()),
        };
        let disk = reference.is_none().then_some(stamp);
        self.set_document(Document::new(scenario, origin), disk);
        Ok(Opened {
            errors: self.doc.error_count(),
            reference: reference.map(|r| r.name),
        })
    }

    /// Opens the shipped reference scenario `index` (of [`REFERENCES`]) as an unsaved copy.
    pub fn open_reference(
        &mut self,
        index: usize,
    ) -> Option<Result<&'static Reference, LoadError>> {
        let r = REFERENCES.get(index)?;
        Some(r.load().map(|s| {
            self.set_document(Document::new(s, Origin::Reference(r.name.to_owned())), None);
            r
        }))
    }

    /// Reads the document's file again, dropping the changes on screen.
    pub fn reload(&mut self) -> Result<Opened, LoadError> {
        let Some(path) = self.doc.path().map(Path::to_owned) else {
            return Ok(Opened {
                errors: self.doc.error_count(),
                reference: None,
            });
        };
        self.open(&path)
    }

    /// Whether the document's file differs from how it was when opened or last saved.
    pub fn changed_on_disk(&self) -> bool {
        match (self.doc.path(), self.disk) {
            (Some(path), Some(stamp)) => DiskStamp::of(path) != Some(stamp),
            // A file not read by this session (a restored copy of an older PeaceOps, say):
            // nothing to compare with.
            _ => false,
        }
    }

    /// Saves to the document's own file, unless it changed on disk meanwhile (then the
    /// window asks) or there is none (then the window asks where).
    pub fn save(&mut self) -> SaveOutcome {
        let Some(path) = self.doc.path().map(Path::to_owned) else {
            return SaveOutcome::NeedsPath;
        };
        if self.changed_on_disk() {
            return SaveOutcome::ChangedOnDisk(path);
        }
        self.write(&path)
    }

    /// Saves over the document's file even though it changed on disk (the user chose to).
    pub fn overwrite(&mut self) -> SaveOutcome {
        match self.doc.path().map(Path::to_owned) {
            Some(path) => self.write(&path),
            None => SaveOutcome::NeedsPath,
        }
    }

    /// Saves to a file the user picked (Save as); the document then belongs to it.
    pub fn save_as(&mut self, path: &Path) -> SaveOutcome {
        if shipped_reference(path).is_some_and(|_| {
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("scenarios")
                .canonicalize()
                .ok()
                .zip(path.parent().and_then(|d| d.canonicalize().ok()))
                .is_some_and(|(a, b)| a == b)
        }) {
            // The shipped originals are never saved over, not even by name.
            return SaveOutcome::Failed(SaveError::ReadOnly {
                path: path.to_owned(),
            });
        }
        self.write(path)
    }

    fn write(&mut self, path: &Path) -> SaveOutcome {
        match self.doc.save_to(path) {
            Ok(()) => {
                self.disk = DiskStamp::of(path);
                SaveOutcome::Saved(path.to_owned())
            }
            Err(e) => SaveOutcome::Failed(e),
        }
    }

    /// The folder Save as and Open start in: the document's file's folder, else that of the
    /// most recent file; always absolute, so a dialog never falls back to the working folder.
    pub fn start_dir(&self, recent: &[PathBuf]) -> Option<PathBuf> {
        let dir = self
            .doc
            .path()
            .and_then(Path::parent)
            .map(Path::to_owned)
            .or_else(|| recent.first().and_then(|p| p.parent()).map(Path::to_owned))?;
        let dir = if dir.as_os_str().is_empty() {
            PathBuf::from(".")
        } else {
            dir
        };
        Some(std::path::absolute(&dir).unwrap_or(dir))
    }

    /// The file name Save as suggests: the file's own, else one made from the title.
    pub fn suggested_name(&self) -> String {
        match self.doc.origin() {
            Origin::File(p) => p.file_name().map(|n| n.to_string_lossy().into_owned()),
            Origin::Reference(_) | Origin::New => None,
        }
        .unwrap_or_else(|| suggested_file_name(&self.doc.scenario().title))
    }

    // Recovery

    /// Copies of unsaved work left by sessions that are gone (none without a recovery folder).
    pub fn scan_recovery(&self) -> Scan {
        self.autosaver
            .as_ref()
            .map(|s| s.store().scan())
            .unwrap_or_default()
    }

    /// Restores a recovery copy: it becomes this session's document, unsaved, one undo step away
    /// from its file as the file is now. The old copy is deleted only once this session's copy
    /// is durably written. `Ok(true)` when the file changed on disk after the crash (saving will
    /// then ask first).
    pub fn restore(&mut self, found: &Found) -> Result<bool, ClaimError> {
        let snap = match &self.autosaver {
            Some(saver) => saver.claim(found)?,
            None => RecoveryStore::load(found).map_err(ClaimError::Load)?,
        };
        let on_disk = snap.path.as_deref().and_then(|p| load(p).ok());
        let origin = match &snap.path {
            Some(p) => Origin::File(p.clone()),
            None => Origin::New,
        };
        let doc = Document::restored(on_disk, snap.scenario, origin);
        self.set_document(doc, snap.disk);
        // The claim wrote this very work as this session's copy.
        self.autosaved = Some((self.doc.revision(), self.doc.is_dirty()));
        Ok(self.changed_on_disk())
    }

    /// Deletes a recovery copy the user chose not to restore.
    pub fn discard_recovery(found: &Found) -> std::io::Result<()> {
        RecoveryStore::discard(found)
    }

    fn snapshot(&self) -> Snapshot {
        Snapshot::now(
            self.doc.scenario().clone(),
            self.doc.path().map(Path::to_owned),
            self.doc.display_name(),
        )
        .with_disk(self.disk)
    }

    /// Keeps the recovery copy in step with the document at UI time `now` (seconds): written
    /// shortly after changes stop, and at least every few seconds while they go on; removed once
    /// everything is saved. Returns how long to wait before calling again, when something is
    /// pending.
    pub fn autosave(&mut self, now: f64) -> Option<f64> {
        let saver = self.autosaver.as_ref()?;
        let rev = self.doc.revision();
        let dirty = self.doc.is_dirty();
        if self.autosaved == Some((rev, dirty)) {
            self.pending = None;
            return None;
        }
        if !dirty {
            saver.clear();
            self.autosaved = Some((rev, false));
            self.pending = None;
            return None;
        }
        let (first, last, seen) = self.pending.unwrap_or((now, now, rev));
        let last = if seen == rev { last } else { now };
        self.pending = Some((first, last, rev));
        let wait = (AUTOSAVE_QUIET_SECS - (now - last)).min(AUTOSAVE_MAX_SECS - (now - first));
        if wait <= 0.0 {
            saver.write(self.snapshot());
            self.autosaved = Some((rev, true));
            self.pending = None;
            None
        } else {
            Some(wait)
        }
    }

    /// An error from the recovery writer, to show once.
    pub fn take_recovery_error(&self) -> Option<String> {
        self.autosaver.as_ref().and_then(Autosaver::take_error)
    }

    /// Waits until the copies already handed to the writer are on disk, writing nothing new
    /// (what the autosave timing has not yet asked for stays pending).
    pub fn wait_for_recovery_writer(&mut self) {
        if let Some(s) = self.autosaver.as_mut() {
            s.flush();
        }
    }

    /// Writes pending recovery work (changes still waiting for their quiet second included) and
    /// waits until it is on disk.
    pub fn flush_recovery(&mut self) {
        let rev = self.doc.revision();
        let pending = self.doc.is_dirty() && self.autosaved != Some((rev, true));
        let snapshot = pending.then(|| self.snapshot());
        if let Some(s) = self.autosaver.as_mut() {
            if let Some(snapshot) = snapshot {
                s.write(snapshot);
                self.autosaved = Some((rev, true));
                self.pending = None;
            }
            s.flush();
        }
    }

    /// The user chose to drop the unsaved changes (Discard, then quit): the exit may remove the
    /// recovery copy.
    pub fn discard_changes(&mut self) {
        self.discarded = true;
    }

    /// The program exits: with nothing unsaved (or the changes knowingly discarded) the recovery
    /// copy is removed; otherwise the newest work is written to it and kept for the next start.
    pub fn exit(&mut self) {
        let keep = (self.doc.is_dirty() && !self.discarded).then(|| self.snapshot());
        let Some(saver) = self.autosaver.as_mut() else {
            return;
        };
        if let Some(snapshot) = keep {
            let _ = saver.write_durably(snapshot);
            saver.flush();
        } else {
            saver.clear();
            saver.flush();
            saver.store().end();
        }
    }

    /// The recovery folder, if copies are kept.
    pub fn recovery_store(&self) -> Option<&RecoveryStore> {
        self.autosaver.as_ref().map(Autosaver::store)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Activity, Edit};

    fn add_activity(s: &mut Session, id: &str) {
        s.document_mut()
            .apply(
                Edit::AddActivity(Activity::new(id.into(), "Raids", -0.5, 0.5)),
                0.0,
            )
            .unwrap();
    }

    fn saved_file(dir: &Path, name: &str) -> PathBuf {
        let path = dir.join(name);
        crate::io::save(&path, &Scenario::new("on disk")).unwrap();
        path
    }

    #[test]
    fn new_open_save_and_guard() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = Session::new(None);
        assert!(!s.needs_guard());
        add_activity(&mut s, "a1");
        assert!(s.needs_guard(), "unsaved changes are guarded");
        assert!(
            matches!(s.save(), SaveOutcome::NeedsPath),
            "a new scenario asks where"
        );
        let path = dir.path().join("x.ron");
        assert!(matches!(s.save_as(&path), SaveOutcome::Saved(p) if p == path));
        assert!(!s.needs_guard());
        assert_eq!(s.document().save_state(), "All changes saved");
        let other = saved_file(dir.path(), "other.ron");
        let opened = s.open(&other).unwrap();
        assert_eq!(
            opened,
            Opened {
                errors: 0,
                reference: None
            }
        );
        assert_eq!(s.document().path(), Some(other.as_path()));
        s.new_document();
        assert_eq!(s.document().path(), None);
        // A failed open keeps the document.
        add_activity(&mut s, "a2");
        assert!(s.open(&dir.path().join("missing.ron")).is_err());
        assert!(s.needs_guard());
    }

    #[test]
    fn a_change_on_disk_is_noticed_before_saving() {
        let dir = tempfile::tempdir().unwrap();
        let path = saved_file(dir.path(), "x.ron");
        let mut s = Session::new(None);
        s.open(&path).unwrap();
        add_activity(&mut s, "a1");
        // Another program writes the file.
        std::fs::write(&path, crate::io::to_ron(&Scenario::new("theirs")).unwrap()).unwrap();
        assert!(matches!(s.save(), SaveOutcome::ChangedOnDisk(p) if p == path));
        assert_eq!(load(&path).unwrap().title, "theirs", "nothing written yet");
        // Overwrite, knowingly.
        assert!(matches!(s.overwrite(), SaveOutcome::Saved(_)));
        assert_eq!(load(&path).unwrap().activities.len(), 1);
        // After our own save, our own file is not "changed".
        add_activity(&mut s, "a2");
        assert!(matches!(s.save(), SaveOutcome::Saved(_)));
        // Reload drops the changes on screen.
        add_activity(&mut s, "a3");
        s.reload().unwrap();
        assert_eq!(s.document().scenario().activities.len(), 2);
        assert!(!s.needs_guard());
    }

    #[test]
    fn a_shipped_reference_opened_by_path_is_never_saved_over() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/kosovo-2008.ron");
        let before = std::fs::read(&path).unwrap();
        let mut s = Session::new(None);
        let opened = s.open(&path).unwrap();
        assert!(opened.reference.is_some());
        assert_eq!(s.document().path(), None);
        add_activity(&mut s, "a1");
        assert!(matches!(s.save(), SaveOutcome::NeedsPath));
        assert!(matches!(
            s.save_as(&path),
            SaveOutcome::Failed(SaveError::ReadOnly { .. })
        ));
        assert_eq!(std::fs::read(&path).unwrap(), before);
        // A byte-identical copy elsewhere is a reference too; an edited one is the user's file.
        let dir = tempfile::tempdir().unwrap();
        let copy = dir.path().join("kosovo-2008.ron");
        std::fs::write(&copy, &before).unwrap();
        assert!(shipped_reference(&copy).is_some());
        std::fs::write(&copy, [before.as_slice(), b"\n"].concat()).unwrap();
        assert!(shipped_reference(&copy).is_none());
    }

    #[test]
    fn save_as_starts_in_the_files_folder() {
        let dir = tempfile::tempdir().unwrap();
        let path = saved_file(dir.path(), "x.ron");
        let mut s = Session::new(None);
        assert_eq!(s.start_dir(&[]), None);
        s.open(&path).unwrap();
        assert_eq!(s.start_dir(&[]).as_deref(), Some(dir.path()));
        assert_eq!(s.suggested_name(), "x.ron");
        // A relative path starts in an absolute folder.
        let mut rel = Session::new(None);
        rel.doc = Document::new(Scenario::new("t"), Origin::File("x.ron".into()));
        assert!(rel.start_dir(&[]).unwrap().is_absolute());
    }

    #[test]
    fn recovery_copies_follow_the_work_and_restore_with_an_undo_step() {
        let data = tempfile::tempdir().unwrap();
        let dir = data.path().join("recovery");
        let files = tempfile::tempdir().unwrap();
        let path = saved_file(files.path(), "x.ron");
        let mut s = Session::new(Some(dir.clone()));
        s.open(&path).unwrap();
        add_activity(&mut s, "a1");
        assert_eq!(s.autosave(10.0), Some(AUTOSAVE_QUIET_SECS));
        assert_eq!(s.autosave(11.5), None, "written after a quiet second");
        s.flush_recovery();
        let work = s.document().scenario().clone();
        // The session dies without exiting (no `exit`): the copy stays, its lock goes.
        drop(s);
        let gone = std::fs::read_dir(&dir)
            .unwrap()
            .filter_map(Result::ok)
            .map(|e| e.path())
            .find(|p| p.extension().is_some_and(|e| e == "ron"))
            .unwrap();

        let mut next = Session::new(Some(dir.clone()));
        let found = next.scan_recovery().found;
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].name, "x.ron");
        let changed = next.restore(&found[0]).unwrap();
        assert!(!changed);
        assert_eq!(next.document().scenario(), &work);
        assert!(next.needs_guard(), "restored work is unsaved");
        assert!(!gone.exists(), "the old copy is gone ...");
        assert!(
            next.recovery_store().unwrap().own_file().exists(),
            "... once the work is in this session's copy"
        );
        assert!(
            next.document_mut().undo(),
            "one step back to the file on disk"
        );
        assert_eq!(next.document().scenario(), &load(&path).unwrap());
        assert!(!next.needs_guard());
    }

    #[test]
    fn a_restored_copy_notices_its_file_changed_after_the_crash() {
        let data = tempfile::tempdir().unwrap();
        let dir = data.path().join("recovery");
        let files = tempfile::tempdir().unwrap();
        let path = saved_file(files.path(), "x.ron");
        let stamp = DiskStamp::of(&path);
        let store = RecoveryStore::new(dir.clone());
        let snap = Snapshot::now(Scenario::new("mine"), Some(path.clone()), "x.ron".into())
            .with_disk(stamp);
        store.write(&snap).unwrap();
        drop(store);
        std::thread::sleep(std::time::Duration::from_millis(20));
        crate::io::save(&path, &Scenario::new("changed after the crash")).unwrap();
        let mut s = Session::new(Some(dir));
        let found = s.scan_recovery().found;
        assert!(s.restore(&found[0]).unwrap(), "the change is noticed");
        assert!(matches!(s.save(), SaveOutcome::ChangedOnDisk(_)));
    }

    #[test]
    fn exit_keeps_the_copy_while_work_is_unsaved() {
        let data = tempfile::tempdir().unwrap();
        let dir = data.path().join("recovery");
        let mut s = Session::new(Some(dir.clone()));
        add_activity(&mut s, "a1");
        // No autosave tick ran yet: the exit itself writes the copy.
        s.exit();
        let own = s.recovery_store().unwrap().own_file();
        assert!(own.exists(), "unsaved work is kept for the next start");
        let mut s = Session::new(Some(dir.clone()));
        add_activity(&mut s, "a1");
        s.discard_changes();
        s.exit();
        assert!(!s.recovery_store().unwrap().own_file().exists());
    }

    #[test]
    fn file_names_from_titles() {
        assert_eq!(
            suggested_file_name("Kosovo around 2008: UNMIK"),
            "kosovo-around-2008-unmik.ron"
        );
        assert_eq!(suggested_file_name("  "), "scenario.ron");
    }
}
