//! Scenario files: reading (bounded, checked, migrated) and writing (pretty, atomic, durable).
//! No UI here; errors are typed and name the file.

mod error;
mod load;
mod migrate;
mod reference;
mod save;

pub use error::{LoadError, SaveError};
pub use load::{MAX_FILE_BYTES, MAX_NESTING, load, parse, read_bounded};
pub use reference::{BLANK, REFERENCES, Reference};
pub use save::{save, to_ron, write_atomic};
