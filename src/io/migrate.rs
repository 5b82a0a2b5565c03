//! Migrations from older format versions to [`FORMAT_VERSION`].
//!
//! Version 1 is the first released format, so there is nothing to migrate yet. When a change
//! needs a new version: bump `FORMAT_VERSION`, keep the old types in `io/legacy/vN.rs` (parsed
//! with `super::load::options()`), add an arm below that parses them and converts each step up
//! to the current types, and add a saved file of the old version to `tests/formats/` so it keeps
//! loading. Adding a field with `#[serde(default)]` needs no new version.

use std::path::Path;

use super::LoadError;
use crate::model::{FORMAT_VERSION, Scenario};

/// Brings the text of an older version up to the current model, or says the version is unknown.
pub(super) fn upgrade(found: u32, _text: &str, path: &Path) -> Result<Scenario, LoadError> {
    debug_assert!(
        found != FORMAT_VERSION,
        "the current version needs no migration"
    );
    // No released version precedes version 1.
    Err(LoadError::UnknownVersion {
        path: path.to_owned(),
        found,
    })
}
