//! Typed errors for reading and writing scenario files. Each names the file; parse errors also
//! name the line and column, so a one-line message tells the user where to look.

use std::path::PathBuf;

/// Why a scenario file could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file does not exist.
    #[error("{}: no such file", path.display())]
    NotFound {
        /// The file.
        path: PathBuf,
    },
    /// The path is a folder.
    #[error("{}: is a folder, not a scenario file", path.display())]
    IsDirectory {
        /// The path.
        path: PathBuf,
    },
    /// The path is not a regular file: a named pipe, a socket or a device.
    #[error("{}: is a {kind}, not a scenario file; not read", path.display())]
    NotAFile {
        /// The path.
        path: PathBuf,
        /// What it is ("named pipe (FIFO)", "socket", "device").
        kind: &'static str,
    },
    /// The file is larger than PeaceOps reads.
    #[error("{}: {size} bytes is over the {limit}-byte limit for this kind of file ({} MiB); not read", path.display(), limit / (1024 * 1024))]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size in bytes (at least).
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// Reading failed.
    #[error("{}: cannot read: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The file is empty.
    #[error("{}: the file is empty; expected a scenario starting with `(format_version: …`", path.display())]
    Empty {
        /// The file.
        path: PathBuf,
    },
    /// The file is not UTF-8 text.
    #[error("{}:{line}:{column}: not UTF-8 text (is this a binary file?)", path.display())]
    NotUtf8 {
        /// The file.
        path: PathBuf,
        /// Line of the first invalid byte, from 1.
        line: usize,
        /// Column of the first invalid byte, from 1.
        column: usize,
    },
    /// The text is not a valid scenario.
    #[error("{}:{line}:{column}: {message}", path.display())]
    Parse {
        /// The file.
        path: PathBuf,
        /// Line, from 1.
        line: usize,
        /// Column, from 1.
        column: usize,
        /// What was expected or found.
        message: String,
    },
    /// Written by a newer PeaceOps.
    #[error("{}: written by a newer PeaceOps (format version {found}; this one reads versions up to {supported}); update PeaceOps to open it", path.display())]
    TooNew {
        /// The file.
        path: PathBuf,
        /// The file's version.
        found: u32,
        /// The newest version this build reads.
        supported: u32,
    },
    /// A version no PeaceOps ever wrote.
    #[error("{}: format version {found} was never written by PeaceOps (versions start at 1)", path.display())]
    UnknownVersion {
        /// The file.
        path: PathBuf,
        /// The file's version.
        found: u32,
    },
}

impl LoadError {
    /// The line and column the error points at, if it has one.
    pub fn position(&self) -> Option<(usize, usize)> {
        match self {
            LoadError::Parse { line, column, .. } | LoadError::NotUtf8 { line, column, .. } => {
                Some((*line, *column))
            }
            _ => None,
        }
    }
}

/// Why a scenario could not be saved. The previous file, if any, is unchanged.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// The scenario could not be written as RON.
    #[error("{}: cannot write the scenario as RON: {message}", path.display())]
    Serialize {
        /// The target file.
        path: PathBuf,
        /// What the serializer said.
        message: String,
    },
    /// The file is read-only: PeaceOps does not replace a file its owner protected.
    #[error("{}: the file is read-only, so it was not saved over; use Save as… to save a copy elsewhere", path.display())]
    ReadOnly {
        /// The target file.
        path: PathBuf,
    },
    /// The scenario would be written larger than PeaceOps opens.
    #[error("{}: the scenario would take {size} bytes, over the {limit}-byte limit PeaceOps opens (64 MiB); not saved, the previous file is unchanged", path.display())]
    TooLarge {
        /// The target file.
        path: PathBuf,
        /// The size it would have.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// A file-system step failed.
    #[error("{}: cannot save ({step}): {source}; the previous file is unchanged", path.display())]
    Io {
        /// The target file.
        path: PathBuf,
        /// Which step: creating the temporary file, writing, syncing, renaming.
        step: &'static str,
        /// What the system said.
        source: std::io::Error,
    },
}
