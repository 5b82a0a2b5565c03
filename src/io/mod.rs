//! Scenario files: reading (bounded, checked, migrated) and writing (pretty, atomic, durable).
//! No UI here; errors are typed and name the file.

mod error;
mod load;
mod migrate;
mod positions;
mod recovery;
mod reference;
mod save;

pub use error::{LoadError, SaveError};
pub use load::{
    DiskStamp, MAX_FILE_BYTES, MAX_NESTING, load, load_stamped, load_with_text, parse, read_bounded,
};
pub use positions::decision_lines;
pub use recovery::{
    Autosaver, ClaimError, DATA_DIR_ENV, Found, MAX_RECOVERY_BYTES, RecoveryStore, Scan, Snapshot,
};
pub use reference::{BLANK, REFERENCES, Reference};
pub use save::{backup_path, resolve_target, save, to_ron, write_atomic};
