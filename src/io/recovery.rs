//! Recovery copies of unsaved work, so a crash, a kill or a power cut never costs a workshop its
//! morning. While a scenario has unsaved changes, a copy is written (by [`Autosaver`], off the UI
//! thread) to a per-user data folder, never next to or over the user's file. A clean exit removes
//! it; the next start finds copies left by processes that are gone and offers them back.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread::JoinHandle;
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::load::{from_ron, options, read_bounded};
use super::save::write_atomic;
use super::{LoadError, SaveError};
use crate::model::Scenario;

/// Environment variable that moves the recovery folder (tests, portable installs).
pub const DATA_DIR_ENV: &str = "PEACEOPS_DATA_DIR";

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
            scenario,
        }
    }
}

/// A recovery copy found at start-up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// The recovery file.
    pub file: PathBuf,
}

/// The folder of recovery copies.
#[derive(Clone, Debug)]
pub struct RecoveryStore {
    dir: PathBuf,
    pid: u32,
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

    /// A store in `dir`, for this process.
    pub fn new(dir: PathBuf) -> Self {
        Self {
            dir,
            pid: std::process::id(),
        }
    }

    /// The folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// This process's recovery file.
    pub fn own_file(&self) -> PathBuf {
        self.dir.join(format!("recovery-{}.ron", self.pid))
    }

    /// Writes this process's recovery copy (atomically).
    pub fn write(&self, snapshot: &Snapshot) -> Result<(), SaveError> {
        let file = self.own_file();
        std::fs::create_dir_all(&self.dir).map_err(|source| SaveError::Io {
            path: self.dir.clone(),
            step: "creating the recovery folder",
            source,
        })?;
        let text =
            ron::ser::to_string_pretty(snapshot, ron::ser::PrettyConfig::new().depth_limit(4))
                .map_err(|e| SaveError::Serialize {
                    path: file.clone(),
                    message: e.to_string(),
                })?;
        write_atomic(&file, text.as_bytes())
    }

    /// Removes this process's recovery copy, if any.
    pub fn clear(&self) {
        // Nothing to do when there is none; any other failure leaves a copy that the next start
        // offers back, which is the safe side.
        let _ = std::fs::remove_file(self.own_file());
    }

    /// Recovery copies left by processes that are no longer running, newest first.
    pub fn find(&self) -> Vec<Found> {
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let mut found: Vec<(SystemTime, Found)> = entries
            .filter_map(Result::ok)
            .filter_map(|e| {
                let name = e.file_name().to_string_lossy().into_owned();
                let pid: u32 = name
                    .strip_prefix("recovery-")?
                    .strip_suffix(".ron")?
                    .parse()
                    .ok()?;
                if pid == self.pid || process_alive(pid) {
                    return None;
                }
                let modified = e
                    .metadata()
                    .and_then(|m| m.modified())
                    .unwrap_or(UNIX_EPOCH);
                Some((modified, Found { file: e.path() }))
            })
            .collect();
        found.sort_by_key(|f| std::cmp::Reverse(f.0));
        found.into_iter().map(|(_, f)| f).collect()
    }

    /// Reads a recovery copy.
    pub fn load(found: &Found) -> Result<Snapshot, LoadError> {
        let bytes = read_bounded(&found.file)?;
        let text = String::from_utf8_lossy(&bytes);
        options()
            .from_str::<Snapshot>(&text)
            .map_err(|e| from_ron(&e, &text, &found.file))
    }

    /// Deletes a recovery copy (after it was restored or discarded).
    pub fn discard(found: &Found) -> std::io::Result<()> {
        match std::fs::remove_file(&found.file) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        }
    }
}

/// Whether a process with this id is running PeaceOps. On systems without `/proc` every other
/// process counts as gone, so a copy is offered rather than lost.
fn process_alive(pid: u32) -> bool {
    let proc_dir = Path::new("/proc").join(pid.to_string());
    match std::fs::read(proc_dir.join("cmdline")) {
        Ok(cmdline) => String::from_utf8_lossy(&cmdline).contains("peaceops"),
        Err(_) => false,
    }
}

enum Message {
    Write(Box<Snapshot>),
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
        Message::Write(s) => {
            if let Err(e) = store.write(&s) {
                let _ = errors.send(format!("The recovery copy could not be written: {e}"));
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
                    // Skip to the newest message: older snapshots are out of date.
                    while let Ok(newer) = rx.try_recv() {
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
        self.send(Message::Write(Box::new(snapshot)));
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
        // This process's own copy is not offered back to it ...
        assert!(mine.find().is_empty());
        // ... but a copy left by a process that is gone is.
        let gone = dir.path().join("recovery-999999999.ron");
        std::fs::rename(mine.own_file(), &gone).unwrap();
        let found = mine.find();
        assert_eq!(found, vec![Found { file: gone.clone() }]);
        let back = RecoveryStore::load(&found[0]).unwrap();
        assert_eq!(back.scenario, s);
        RecoveryStore::discard(&found[0]).unwrap();
        assert!(!gone.exists());
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
