//! Native file dialogs (rfd) behind a trait, so tests and machines without a dialog can answer
//! them; and the UI preferences kept in eframe's storage (never scenarios).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

/// What a file dialog gave back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Picked {
    /// The user picked this path.
    Path(PathBuf),
    /// The user closed the dialog.
    Cancelled,
    /// No dialog could be shown (no desktop portal, no zenity).
    Unavailable,
}

/// What kind of file a save dialog is for: it sets the dialog's title and filter. Exports
/// (reports, tables) add their kinds here.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum FileKind {
    /// A PeaceOps scenario (`.ron`).
    Scenario,
    /// A report export (HTML, Markdown, CSV, SVG).
    Export(crate::report::Format),
    /// An exercise script as an MSEL spreadsheet (CSV).
    Msel,
}

impl FileKind {
    /// The dialog's title.
    pub fn title(self) -> &'static str {
        match self {
            FileKind::Scenario => "Save the PeaceOps scenario",
            FileKind::Export(f) => f.dialog_title(),
            FileKind::Msel => "The exercise script (MSEL, CSV)",
        }
    }

    /// The filter's name and the file extensions it shows.
    pub fn filter(self) -> (&'static str, &'static [&'static str]) {
        match self {
            FileKind::Scenario => ("PeaceOps scenario", &["ron"]),
            FileKind::Export(f) => (f.label(), f.extensions()),
            FileKind::Msel => ("MSEL spreadsheet (CSV)", &["csv"]),
        }
    }
}

/// Shows open and save dialogs.
pub trait FileDialogs {
    /// Asks for a scenario file to open.
    fn open(&mut self, dir: Option<&Path>) -> Picked;
    /// Asks where to save a file of `kind`, starting in `dir`, suggesting a file name.
    fn save(&mut self, kind: FileKind, dir: Option<&Path>, file_name: &str) -> Picked;
    /// Asks for one or more scenario files (breakout groups' files to import as options).
    /// Dialogs that pick one file at a time give that one.
    fn open_many(&mut self, dir: Option<&Path>) -> PickedMany {
        match self.open(dir) {
            Picked::Path(p) => PickedMany::Paths(vec![p]),
            Picked::Cancelled => PickedMany::Cancelled,
            Picked::Unavailable => PickedMany::Unavailable,
        }
    }
    /// Opens a file with the system's usual program for it (an exported report in a browser);
    /// says why not when that fails.
    fn open_externally(&mut self, path: &Path) -> Result<(), String>;
    /// Asks for a file of `kind` to read (an MSEL to import); by default, as [`Self::open`].
    fn open_kind(&mut self, kind: FileKind, dir: Option<&Path>) -> Picked {
        let _ = kind;
        self.open(dir)
    }
}

/// What a dialog that picks several files gave back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PickedMany {
    /// The user picked these paths (at least one).
    Paths(Vec<PathBuf>),
    /// The user closed the dialog.
    Cancelled,
    /// No dialog could be shown (no desktop portal, no zenity).
    Unavailable,
}

/// The system's opener: `xdg-open` on Linux and the BSDs, `open` on macOS, `explorer` on
/// Windows.
fn opener() -> &'static str {
    if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    }
}

/// How long the opener is given to say it failed; one still running after it is opening the
/// file (some start the program themselves and wait for it).
const OPENER_WAIT: Duration = Duration::from_millis(1500);

/// The platform's dialogs through rfd.
#[derive(Debug, Default)]
pub struct NativeDialogs;

/// rfd answers `None` both when the user cancels and when it could show no dialog at all. Nobody
/// closes a dialog this fast, so a quicker `None` means there was no dialog.
const NO_DIALOG: Duration = Duration::from_millis(250);

fn classify(result: Option<PathBuf>, started: Instant) -> Picked {
    match result {
        Some(p) => Picked::Path(p),
        None if started.elapsed() < NO_DIALOG => Picked::Unavailable,
        None => Picked::Cancelled,
    }
}

fn dialog(kind: FileKind, dir: Option<&Path>) -> rfd::FileDialog {
    let (name, extensions) = kind.filter();
    let d = rfd::FileDialog::new()
        .add_filter(name, extensions)
        .add_filter("All files", &["*"]);
    match dir {
        Some(dir) => d.set_directory(dir),
        None => d,
    }
}

impl FileDialogs for NativeDialogs {
    fn open(&mut self, dir: Option<&Path>) -> Picked {
        let started = Instant::now();
        classify(
            dialog(FileKind::Scenario, dir)
                .set_title("Open a PeaceOps scenario")
                .pick_file(),
            started,
        )
    }

    fn open_kind(&mut self, kind: FileKind, dir: Option<&Path>) -> Picked {
        let started = Instant::now();
        classify(
            dialog(kind, dir).set_title(kind.title()).pick_file(),
            started,
        )
    }

    fn save(&mut self, kind: FileKind, dir: Option<&Path>, file_name: &str) -> Picked {
        let started = Instant::now();
        classify(
            dialog(kind, dir)
                .set_title(kind.title())
                .set_file_name(file_name)
                .save_file(),
            started,
        )
    }

    fn open_many(&mut self, dir: Option<&Path>) -> PickedMany {
        let started = Instant::now();
        let picked = dialog(FileKind::Scenario, dir)
            .set_title("Import breakout groups' scenario files as options")
            .pick_files()
            .filter(|v| !v.is_empty());
        // rfd's `None` is both "cancelled" and "no dialog": told apart as for one file.
        match picked {
            Some(paths) => PickedMany::Paths(paths),
            None => match classify(None, started) {
                Picked::Unavailable => PickedMany::Unavailable,
                _ => PickedMany::Cancelled,
            },
        }
    }

    fn open_externally(&mut self, path: &Path) -> Result<(), String> {
        if !path.is_file() {
            return Err("the file is not there any more".into());
        }
        let name = opener();
        let mut child = std::process::Command::new(name)
            .arg(path)
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .map_err(|e| format!("the system's opener ({name}) could not be started: {e}"))?;
        let started = Instant::now();
        while started.elapsed() < OPENER_WAIT {
            match child.try_wait() {
                Ok(Some(status)) if status.success() => return Ok(()),
                // explorer answers 1 even when it opened the file.
                Ok(Some(_)) if cfg!(windows) => return Ok(()),
                Ok(Some(status)) => {
                    return Err(format!(
                        "the system's opener ({name}) found no program for it ({status})"
                    ));
                }
                Ok(None) => std::thread::sleep(Duration::from_millis(20)),
                Err(e) => return Err(format!("the system's opener ({name}) failed: {e}")),
            }
        }
        // Still running: it is showing the file. Reap it when it ends.
        std::thread::spawn(move || child.wait());
        Ok(())
    }
}

/// UI preferences, remembered between runs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    /// Recently opened or saved files, newest first.
    pub recent: Vec<PathBuf>,
    /// UI zoom factor.
    pub zoom: f32,
    /// Dark theme rather than light.
    pub dark: bool,
}

impl Default for Prefs {
    fn default() -> Self {
        Self {
            recent: Vec::new(),
            zoom: 1.0,
            dark: false,
        }
    }
}

impl Prefs {
    /// Storage key.
    pub const KEY: &'static str = "peaceops-prefs";
    /// Recent files kept.
    pub const RECENT: usize = 8;

    /// Puts a file at the top of the recent list.
    pub fn remember(&mut self, path: &Path) {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
        self.recent.retain(|p| p != &path);
        self.recent.insert(0, path);
        self.recent.truncate(Self::RECENT);
    }
}
