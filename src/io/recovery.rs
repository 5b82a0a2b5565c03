//! Recovery copies of unsaved work, so a crash, a kill or a power cut never costs a workshop its
//! morning. While a scenario has unsaved changes, a copy is written (by [`Autosaver`], off the UI
//! thread) to a per-user data folder, never next to or over the user's file. An exit with nothing
//! unsaved removes it; the next start finds copies left by sessions that are gone and offers them
//! back, newest first.
//!
//! Each session has its own id (random, never reused like a process id) and holds an advisory
//! lock on `recovery-ID.lock` for as long as it runs: the system releases the lock when the
//! process dies however it dies, so a copy whose lock can be taken belongs to a session that is
//! gone. A copy that cannot be read back is moved aside to `recovery-ID.ron.corrupt`, never
//! deleted.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::load::{DiskStamp, MAX_FILE_BYTES, from_ron, options, read_capped, utf8};
use super::save::write_atomic;
use super::{LoadError, SaveError};
use crate::model::Scenario;

/// Environment variable that moves the recovery folder (tests, portable installs).
pub const DATA_DIR_ENV: &str = "PEACEOPS_DATA_DIR";

/// The largest recovery copy read back: a copy carries a little more than the scenario (and is
/// written less compactly), so it may be larger than any scenario file PeaceOps opens.
pub const MAX_RECOVERY_BYTES: u64 = 4 * MAX_FILE_BYTES;

/// A recovery copy: the scenario and where it belonged.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Snapshot {
    /// The file the scenario was being edited from, if it had one.
    #[serde(default)]
    pub path: Option<PathBuf>,
    /// The name shown in the title bar at the time.
    pub name: String,
    /// When it was written (seconds since 1970).
    pub written_unix_secs: u64,
    /// How the file looked on disk when the session opened or last saved it, so a restored copy
    /// can tell whether the file changed after the crash.
    #[serde(default)]
    pub disk: Option<DiskStamp>,
    /// The unsaved scenario.
    pub scenario: Scenario,
}

impl Snapshot {
    /// A snapshot taken now.
    pub fn now(scenario: Scenario, path: Option<PathBuf>, name: String) -> Self {
        let written_unix_secs = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        Self {
            path,
            name,
            written_unix_secs,
            disk: None,
            scenario,
        }
    }

    /// The same snapshot, recording how its file looked on disk.
    pub fn with_disk(mut self, disk: Option<DiskStamp>) -> Self {
        self.disk = disk;
        self
    }
}

/// A recovery copy found at start-up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// The recovery file.
    pub file: PathBuf,
    /// What it was ("kosovo.ron", or a scenario title).
    pub name: String,
    /// When it was written (seconds since 1970).
    pub written_unix_secs: u64,
}

/// What a look at the recovery folder found.
#[derive(Debug, Default)]
pub struct Scan {
    /// Copies of sessions that are gone, newest first.
    pub found: Vec<Found>,
    /// Copies that could not be read back, moved aside (to `….corrupt`), with why.
    pub set_aside: Vec<(PathBuf, LoadError)>,
}

/// The folder of recovery copies.
#[derive(Clone, Debug)]
pub struct RecoveryStore {
    dir: PathBuf,
    session: String,
    /// The lock that tells other sessions this one runs (taken at the first write).
    lock: Arc<Mutex<Option<File>>>,
}

/// A session id: random enough that no two sessions, of any process, share one.
fn new_session_id() -> String {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u32(std::process::id());
    h.write_u128(
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos()),
    );
    format!("{:016x}", h.finish())
}

impl RecoveryStore {
    /// The per-user folder: `$PEACEOPS_DATA_DIR/recovery` if set, else the platform's data folder
    /// (`~/.local/share/peaceops/recovery` on Linux).
    pub fn default_dir() -> Option<PathBuf> {
        if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|d| !d.is_empty()) {
            return Some(PathBuf::from(dir).join("recovery"));
        }
        directories::ProjectDirs::from("", "", "PeaceOps")
            .map(|d| d.data_local_dir().join("recovery"))
    }

    /// A store in `dir`, for a new session.
    pub fn new(dir: PathBuf) -> Self {
        Self {
            dir,
            session: new_session_id(),
            lock: Arc::new(Mutex::new(None)),
        }
    }

    /// The folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// This session's id.
    pub fn session(&self) -> &str {
        &self.session
    }

    /// This session's recovery file.
    pub fn own_file(&self) -> PathBuf {
        self.dir.join(format!("recovery-{}.ron", self.session))
    }

    fn lock_file(&self, session: &str) -> PathBuf {
        self.dir.join(format!("recovery-{session}.lock"))
    }

    /// Takes this session's lock, once.
    fn hold_lock(&self) -> Result<(), SaveError> {
        let mut held = self.lock.lock().unwrap_or_else(|e| e.into_inner());
        if held.is_some() {
            return Ok(());
        }
        let path = self.lock_file(&self.session);
        let err = |step: &'static str| {
            let path = path.clone();
            move |source| SaveError::Io { path, step, source }
        };
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(err("creating the session lock"))?;
        file.try_lock().map_err(|e| SaveError::Io {
            path: path.clone(),
            step: "locking the session",
            source: match e {
                std::fs::TryLockError::Error(e) => e,
                std::fs::TryLockError::WouldBlock => std::io::ErrorKind::WouldBlock.into(),
            },
        })?;
        *held = Some(file);
        Ok(())
    }

    /// Writes this session's recovery copy, atomically and durably: when this returns `Ok`, the
    /// copy survives a crash or a power cut.
    pub fn write(&self, snapshot: &Snapshot) -> Result<(), SaveError> {
        let file = self.own_file();
        std::fs::create_dir_all(&self.dir).map_err(|source| SaveError::Io {
            path: self.dir.clone(),
            step: "creating the recovery folder",
            source,
        })?;
        self.hold_lock()?;
        let text =
            ron::ser::to_string_pretty(snapshot, ron::ser::PrettyConfig::new().depth_limit(4))
                .map_err(|e| SaveError::Serialize {
                    path: file.clone(),
                    message: e.to_string(),
                })?;
        write_atomic(&file, text.as_bytes())
    }

    /// Removes this session's recovery copy, if any.
    pub fn clear(&self) {
        // Nothing to do when there is none; any other failure leaves a copy that the next start
        // offers back, which is the safe side.
        let _ = std::fs::remove_file(self.own_file());
    }

    /// Ends the session: removes its copy and its lock file. Only for an exit with nothing
    /// unsaved.
    pub fn end(&self) {
        self.clear();
        let mut held = self.lock.lock().unwrap_or_else(|e| e.into_inner());
        if held.take().is_some() {
            let _ = std::fs::remove_file(self.lock_file(&self.session));
        }
    }

    /// Whether the session with this id still runs (holds its lock).
    fn alive(&self, session: &str) -> bool {
        if session == self.session {
            return true;
        }
        let Ok(file) = File::open(self.lock_file(session)) else {
            // No lock file: a session of an older PeaceOps, or one that never got to lock.
            return false;
        };
        matches!(file.try_lock(), Err(std::fs::TryLockError::WouldBlock))
    }

    /// Recovery copies left by sessions that are gone, newest first. Copies that cannot be read
    /// are moved aside and reported in [`Scan::set_aside`].
    pub fn scan(&self) -> Scan {
        let mut scan = Scan::default();
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return scan;
        };
        let mut found: Vec<(u64, SystemTime, Found)> = Vec::new();
        for e in entries.filter_map(Result::ok) {
            let name = e.file_name().to_string_lossy().into_owned();
            let Some(session) = name
                .strip_prefix("recovery-")
                .and_then(|n| n.strip_suffix(".ron"))
            else {
                continue;
            };
            if self.alive(session) {
                continue;
            }
            let file = e.path();
            match read_snapshot(&file) {
                Ok(snap) => {
                    let modified = e
                        .metadata()
                        .and_then(|m| m.modified())
                        .unwrap_or(UNIX_EPOCH);
                    found.push((
                        snap.written_unix_secs,
                        modified,
                        Found {
                            file,
                            name: snap.name,
                            written_unix_secs: snap.written_unix_secs,
                        },
                    ));
                }
                Err(error) => {
                    let mut aside = file.clone().into_os_string();
                    aside.push(".corrupt");
                    let aside = PathBuf::from(aside);
                    // Kept, never deleted: if it cannot be moved it stays where it is.
                    let kept = if std::fs::rename(&file, &aside).is_ok() {
                        aside
                    } else {
                        file
                    };
                    scan.set_aside.push((kept, error));
                }
            }
        }
        found.sort_by_key(|f| std::cmp::Reverse((f.0, f.1)));
        scan.found = found.into_iter().map(|(_, _, f)| f).collect();
        scan
    }

    /// Recovery copies left by sessions that are gone, newest first (see [`Self::scan`]).
    pub fn find(&self) -> Vec<Found> {
        self.scan().found
    }

    /// Reads a recovery copy.
    pub fn load(found: &Found) -> Result<Snapshot, LoadError> {
        read_snapshot(&found.file)
    }

    /// Deletes a recovery copy (after it was restored or discarded), and its session's lock.
    pub fn discard(found: &Found) -> std::io::Result<()> {
        match std::fs::remove_file(&found.file) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e),
            _ => {}
        }
        let lock = found.file.with_extension("lock");
        let _ = std::fs::remove_file(lock);
        Ok(())
    }

    /// Restores a copy into this session: the copy is written as this session's own, durably,
    /// and only then is the old one deleted, so a crash at any moment leaves the work in one
    /// copy or the other. Returns the snapshot; an error means nothing was deleted.
    pub fn claim(&self, found: &Found) -> Result<Snapshot, ClaimError> {
        let snap = Self::load(found).map_err(ClaimError::Load)?;
        self.write(&snap).map_err(ClaimError::Save)?;
        Self::discard(found).map_err(|source| ClaimError::Discard {
            file: found.file.clone(),
            source,
        })?;
        Ok(snap)
    }
}

/// Why a recovery copy could not be restored.
#[derive(Debug, thiserror::Error)]
pub enum ClaimError {
    /// The copy could not be read; it is left in place.
    #[error("the recovery copy could not be read and was left in place: {0}")]
    Load(LoadError),
    /// This session's copy could not be written; the old one is left in place.
    #[error(
        "the work could not be copied into this session's recovery copy, so the old copy was left in place: {0}"
    )]
    Save(SaveError),
    /// Restored, but the old copy could not be removed (it will be offered again).
    #[error("restored, but the old recovery copy {} could not be removed: {source}", file.display())]
    Discard {
        /// The old copy.
        file: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
}

/// Reads a recovery copy strictly: whole UTF-8 and a whole snapshot, or an error.
fn read_snapshot(file: &Path) -> Result<Snapshot, LoadError> {
    let (bytes, _) = read_capped(file, MAX_RECOVERY_BYTES)?;
    let text = utf8(&bytes, file)?;
    options()
        .from_str::<Snapshot>(text)
        .map_err(|e| from_ron(&e, text, file))
}

enum Message {
    Write(Box<Snapshot>, Option<Sender<Result<(), String>>>),
    Clear,
}

/// Writes recovery copies on a background thread, so the window never waits on the disk. Only
/// the newest pending snapshot is written.
pub struct Autosaver {
    store: RecoveryStore,
    tx: Option<Sender<Message>>,
    err_tx: Sender<String>,
    errors: Receiver<String>,
    thread: Option<JoinHandle<()>>,
}

fn perform(store: &RecoveryStore, msg: Message, errors: &Sender<String>) {
    match msg {
        Message::Write(s, reply) => {
            let result = store.write(&s).map_err(|e| e.to_string());
            match reply {
                Some(reply) => {
                    let _ = reply.send(result);
                }
                None => {
                    if let Err(e) = result {
                        let _ = errors.send(format!("The recovery copy could not be written: {e}"));
                    }
                }
            }
        }
        Message::Clear => store.clear(),
    }
}

impl Autosaver {
    /// Starts the writer thread.
    pub fn spawn(store: RecoveryStore) -> Self {
        let (tx, rx) = channel::<Message>();
        let (err_tx, errors) = channel::<String>();
        let worker = store.clone();
        let worker_errors = err_tx.clone();
        let thread = std::thread::Builder::new()
            .name("peaceops-autosave".into())
            .spawn(move || {
                while let Ok(mut msg) = rx.recv() {
                    // Skip to the newest message: older snapshots are out of date. A write
                    // someone waits for is never skipped.
                    while !matches!(msg, Message::Write(_, Some(_)))
                        && let Ok(newer) = rx.try_recv()
                    {
                        msg = newer;
                    }
                    perform(&worker, msg, &worker_errors);
                }
            })
            .ok();
        // Without a thread, writes happen on the caller's thread rather than not at all.
        let tx = thread.as_ref().map(|_| tx);
        Self {
            store,
            tx,
            err_tx,
            errors,
            thread,
        }
    }

    /// The store it writes to.
    pub fn store(&self) -> &RecoveryStore {
        &self.store
    }

    /// Queues a snapshot to write.
    pub fn write(&self, snapshot: Snapshot) {
        self.send(Message::Write(Box::new(snapshot), None));
    }

    /// Writes a snapshot and waits until it is durably on disk (after anything queued before
    /// it). `Err` says why it could not be written.
    pub fn write_durably(&self, snapshot: Snapshot) -> Result<(), String> {
        let (tx, rx) = channel();
        self.send(Message::Write(Box::new(snapshot), Some(tx)));
        rx.recv()
            .unwrap_or_else(|_| Err("the recovery writer stopped".to_owned()))
    }

    /// Restores a recovery copy into this session (see [`RecoveryStore::claim`]), in order with
    /// the copies this autosaver writes.
    pub fn claim(&self, found: &Found) -> Result<Snapshot, ClaimError> {
        let snap = RecoveryStore::load(found).map_err(ClaimError::Load)?;
        self.write_durably(snap.clone()).map_err(|e| {
            ClaimError::Save(SaveError::Io {
                path: self.store.own_file(),
                step: "writing the recovery copy",
                source: std::io::Error::other(e),
            })
        })?;
        RecoveryStore::discard(found).map_err(|source| ClaimError::Discard {
            file: found.file.clone(),
            source,
        })?;
        Ok(snap)
    }

    /// Queues removal of the recovery copy (the work is saved, or knowingly discarded).
    pub fn clear(&self) {
        self.send(Message::Clear);
    }

    fn send(&self, msg: Message) {
        let msg = match &self.tx {
            Some(tx) => match tx.send(msg) {
                Ok(()) => return,
                Err(unsent) => unsent.0,
            },
            None => msg,
        };
        perform(&self.store, msg, &self.err_tx);
    }

    /// An error from the writer, to show the user once.
    pub fn take_error(&self) -> Option<String> {
        self.errors.try_recv().ok()
    }

    /// Waits until everything queued is done; later requests run on the caller's thread.
    pub fn flush(&mut self) {
        self.tx = None;
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

impl Drop for Autosaver {
    fn drop(&mut self) {
        self.flush();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_are_written_found_by_others_and_cleared() {
        let dir = tempfile::tempdir().unwrap();
        let mine = RecoveryStore::new(dir.path().to_owned());
        let mut saver = Autosaver::spawn(mine.clone());
        let mut s = Scenario::new("unsaved");
        s.host.name = "Somewhere".into();
        saver.write(Snapshot::now(s.clone(), None, "x".into()));
        saver.flush();
        assert!(mine.own_file().exists());
        // This session's own copy is not offered back to it, nor to another running session ...
        assert!(mine.find().is_empty());
        let other = RecoveryStore::new(dir.path().to_owned());
        assert!(other.find().is_empty(), "the first session still runs");
        // ... but a copy left by a session that is gone is.
        let gone = dir.path().join("recovery-999999999.ron");
        std::fs::rename(mine.own_file(), &gone).unwrap();
        let found = mine.find();
        assert_eq!(found.len(), 1);
        assert_eq!(
            (found[0].file.as_path(), found[0].name.as_str()),
            (gone.as_path(), "x")
        );
        let back = RecoveryStore::load(&found[0]).unwrap();
        assert_eq!(back.scenario, s);
        RecoveryStore::discard(&found[0]).unwrap();
        assert!(!gone.exists());
    }

    #[test]
    fn a_session_that_ends_releases_its_copy_to_the_next() {
        let dir = tempfile::tempdir().unwrap();
        let first = RecoveryStore::new(dir.path().to_owned());
        first
            .write(&Snapshot::now(Scenario::new("a"), None, "a".into()))
            .unwrap();
        let second = RecoveryStore::new(dir.path().to_owned());
        assert_ne!(
            first.session(),
            second.session(),
            "ids are unique, not the pid"
        );
        assert!(second.find().is_empty());
        drop(first);
        assert_eq!(second.find().len(), 1, "the lock went with the session");
    }

    #[test]
    fn every_copy_is_listed_newest_first() {
        let dir = tempfile::tempdir().unwrap();
        let store = RecoveryStore::new(dir.path().to_owned());
        for (i, name) in ["old", "newest", "middle"].iter().enumerate() {
            let mut snap = Snapshot::now(Scenario::new(*name), None, (*name).into());
            snap.written_unix_secs = [100, 300, 200][i];
            std::fs::create_dir_all(dir.path()).unwrap();
            let text = ron::ser::to_string(&snap).unwrap();
            std::fs::write(dir.path().join(format!("recovery-{name}.ron")), text).unwrap();
        }
        let names: Vec<String> = store.find().into_iter().map(|f| f.name).collect();
        assert_eq!(names, ["newest", "middle", "old"]);
    }

    #[test]
    fn a_corrupt_copy_is_set_aside_never_deleted() {
        let dir = tempfile::tempdir().unwrap();
        let store = RecoveryStore::new(dir.path().to_owned());
        let snap = Snapshot::now(Scenario::new("a"), None, "a".into());
        let mut bytes = ron::ser::to_string(&snap).unwrap().into_bytes();
        bytes.insert(20, 0xff);
        let copy = dir.path().join("recovery-bad.ron");
        std::fs::write(&copy, &bytes).unwrap();
        let scan = store.scan();
        assert!(scan.found.is_empty(), "not offered: it is not whole");
        assert_eq!(scan.set_aside.len(), 1);
        let aside = dir.path().join("recovery-bad.ron.corrupt");
        assert_eq!(scan.set_aside[0].0, aside);
        assert_eq!(std::fs::read(&aside).unwrap(), bytes, "kept byte for byte");
        assert!(matches!(scan.set_aside[0].1, LoadError::NotUtf8 { .. }));
    }

    #[test]
    fn claiming_writes_the_own_copy_before_removing_the_old() {
        let dir = tempfile::tempdir().unwrap();
        let old = RecoveryStore::new(dir.path().to_owned());
        let s = Scenario::new("work");
        old.write(&Snapshot::now(s.clone(), None, "w".into()))
            .unwrap();
        let old_file = old.own_file();
        drop(old);
        let new = RecoveryStore::new(dir.path().to_owned());
        let found = new.find().remove(0);
        // If the own copy cannot be written, the old copy stays.
        let blocked = RecoveryStore {
            dir: dir.path().join("not-a-folder"),
            ..new.clone()
        };
        std::fs::write(dir.path().join("not-a-folder"), "").unwrap();
        assert!(matches!(blocked.claim(&found), Err(ClaimError::Save(_))));
        assert!(old_file.exists());
        let snap = new.claim(&found).unwrap();
        assert_eq!(snap.scenario, s);
        assert!(!old_file.exists());
        assert_eq!(
            RecoveryStore::load(&Found {
                file: new.own_file(),
                ..found
            })
            .unwrap()
            .scenario,
            s
        );
    }

    #[test]
    fn copies_larger_than_a_scenario_file_restore() {
        let dir = tempfile::tempdir().unwrap();
        let store = RecoveryStore::new(dir.path().to_owned());
        let mut s = Scenario::new("big");
        // Over the scenario cap once written as a copy, but within the recovery cap.
        s.description = "x".repeat(usize::try_from(MAX_FILE_BYTES).unwrap() + 1024);
        store
            .write(&Snapshot::now(s.clone(), None, "big".into()))
            .unwrap();
        let file = store.own_file();
        assert!(std::fs::metadata(&file).unwrap().len() > MAX_FILE_BYTES);
        let back = RecoveryStore::load(&Found {
            file,
            name: String::new(),
            written_unix_secs: 0,
        })
        .unwrap();
        assert_eq!(back.scenario.description.len(), s.description.len());
    }

    #[test]
    fn clear_removes_the_copy() {
        let dir = tempfile::tempdir().unwrap();
        let mut saver = Autosaver::spawn(RecoveryStore::new(dir.path().join("nested")));
        saver.write(Snapshot::now(Scenario::new("a"), None, "a".into()));
        saver.clear();
        saver.flush();
        assert!(!saver.store().own_file().exists());
    }
}
