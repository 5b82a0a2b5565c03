//! Writing scenario files: pretty, diff-friendly RON, saved atomically and durably.

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

use ron::extensions::Extensions;
use ron::ser::PrettyConfig;

use super::SaveError;
use crate::model::Scenario;

/// The scenario as pretty RON: one field a line down to each entity, short lists on one line,
/// `Some` left out. This is exactly what [`save`] writes.
pub fn to_ron(scenario: &Scenario) -> Result<String, ron::Error> {
    let config = PrettyConfig::new()
        .depth_limit(3)
        .indentor("  ")
        .extensions(Extensions::IMPLICIT_SOME);
    let mut text = ron::Options::default().to_string_pretty(scenario, config)?;
    text.push('\n');
    Ok(text)
}

/// Saves a scenario to `path` atomically and durably (see [`write_atomic`]), keeping the
/// previous version of the file as `FILE.ron.bak`.
pub fn save(path: &Path, scenario: &Scenario) -> Result<(), SaveError> {
    let text = to_ron(scenario).map_err(|e| SaveError::Serialize {
        path: path.to_owned(),
        message: e.to_string(),
    })?;
    write_file(path, text.as_bytes(), true)
}

/// The backup of a file: `FILE.ron` → `FILE.ron.bak`, in the same folder.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(".bak");
    path.with_file_name(name)
}

/// Writes `bytes` to `path` so that a failure at any point leaves the previous file byte-identical:
/// a temporary file in the same folder is written and synced to disk, then renamed over the
/// target, then the folder is synced so the rename itself survives a power cut. A symlink is
/// followed, so the link stays a link. A new file gets the usual permissions; an existing file
/// keeps its own.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    write_file(path, bytes, false)
}

fn write_file(path: &Path, bytes: &[u8], keep_backup: bool) -> Result<(), SaveError> {
    let target: PathBuf = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
    let err = |step: &'static str| {
        let path = path.to_owned();
        move |source| SaveError::Io { path, step, source }
    };
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_owned(),
        _ => PathBuf::from("."),
    };
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "scenario".to_owned());
    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder
        .prefix(&prefix)
        .suffix(".tmp")
        .rand_bytes(TEMP_RANDOM_CHARS);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // The umask still applies, so this is usually 0644.
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder
        .tempfile_in(&dir)
        .map_err(err("creating a temporary file"))?;
    if let Ok(meta) = std::fs::metadata(&target) {
        tmp.as_file()
            .set_permissions(meta.permissions())
            .map_err(err("copying permissions"))?;
    }
    tmp.write_all(bytes).map_err(err("writing"))?;
    tmp.as_file().sync_all().map_err(err("syncing to disk"))?;
    if keep_backup && target.is_file() {
        keep_previous(&target, &dir, &name).map_err(err("keeping the previous version as .bak"))?;
    }
    tmp.persist(&target).map_err(|e| SaveError::Io {
        path: path.to_owned(),
        step: "renaming into place",
        source: e.error,
    })?;
    sync_dir(&dir).map_err(err("syncing the folder"))?;
    remove_stale_temp_files(&dir, &name, STALE_AFTER);
    Ok(())
}

/// Random characters in a temporary file's name (`.FILE.ron.XXXXXX.tmp`).
const TEMP_RANDOM_CHARS: usize = 6;

/// A temporary file of ours this old was left by a save that was killed or lost power: no save
/// takes this long, so no other save (of another PeaceOps, say) can still be writing it.
const STALE_AFTER: std::time::Duration = std::time::Duration::from_secs(10 * 60);

/// Whether `entry` is one of the temporary files saving `name` makes: `.NAME.XXXXXX.tmp` or the
/// backup's `.NAME.bak.tmp`.
fn is_our_temp_file(entry: &str, name: &str) -> bool {
    let Some(middle) = entry
        .strip_prefix('.')
        .and_then(|e| e.strip_prefix(name))
        .and_then(|e| e.strip_prefix('.'))
        .and_then(|e| e.strip_suffix(".tmp"))
    else {
        return false;
    };
    middle == "bak"
        || (middle.len() == TEMP_RANDOM_CHARS && middle.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// Removes the temporary files that saves of `name` killed mid-write left in `dir`, once they
/// are older than `age`. Best effort: the save itself has succeeded, and a file that cannot be
/// listed or removed now is tried again at the next save.
fn remove_stale_temp_files(dir: &Path, name: &str, age: std::time::Duration) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let now = std::time::SystemTime::now();
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(file_name) = file_name.to_str() else {
            continue;
        };
        if !is_our_temp_file(file_name, name) {
            continue;
        }
        let stale = entry
            .metadata()
            .ok()
            .filter(std::fs::Metadata::is_file)
            .and_then(|m| m.modified().ok())
            .and_then(|modified| now.duration_since(modified).ok())
            .is_some_and(|elapsed| elapsed >= age);
        if stale {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Makes `FILE.bak` the current content of `target`, replacing an older backup in one step: a
/// hard link (or, where links are not possible, a copy) under a temporary name, then a rename.
fn keep_previous(target: &Path, dir: &Path, name: &str) -> std::io::Result<()> {
    let staging = dir.join(format!(".{name}.bak.tmp"));
    match std::fs::remove_file(&staging) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e),
        _ => {}
    }
    if std::fs::hard_link(target, &staging).is_err() {
        std::fs::copy(target, &staging)?;
        File::open(&staging)?.sync_all()?;
    }
    std::fs::rename(&staging, backup_path(target))
}

#[cfg(unix)]
fn sync_dir(dir: &Path) -> std::io::Result<()> {
    File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> std::io::Result<()> {
    // Windows has no directory handles to sync; the rename is already durable there.
    Ok(())
}
