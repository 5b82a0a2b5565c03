//! Writing scenario files: pretty, diff-friendly RON, saved atomically and durably.

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

use ron::extensions::Extensions;
use ron::ser::PrettyConfig;

use super::SaveError;
use super::load::MAX_FILE_BYTES;
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
///
/// Refused before anything is written: a read-only file, and a scenario whose text would be over
/// [`MAX_FILE_BYTES`] (PeaceOps could not open it again). A file with other hard links is
/// written in place after a durable backup, so every name keeps the new content.
pub fn save(path: &Path, scenario: &Scenario) -> Result<(), SaveError> {
    let text = to_ron(scenario).map_err(|e| SaveError::Serialize {
        path: path.to_owned(),
        message: e.to_string(),
    })?;
    if text.len() as u64 > MAX_FILE_BYTES {
        return Err(SaveError::TooLarge {
            path: path.to_owned(),
            size: text.len() as u64,
            limit: MAX_FILE_BYTES,
        });
    }
    write_file(path, text.as_bytes(), true)
}

/// The file a save of `path` writes: symlinks followed to their final target, even when that
/// target does not exist yet (the link then points at the new file).
pub fn resolve_target(path: &Path) -> PathBuf {
    if let Ok(real) = std::fs::canonicalize(path) {
        return real;
    }
    // A dangling link: follow it by hand (at most 40 hops, as the kernel does).
    let mut current = path.to_owned();
    for _ in 0..40 {
        match std::fs::read_link(&current) {
            Ok(next) => {
                current = match current.parent() {
                    Some(dir) if next.is_relative() => dir.join(next),
                    _ => next,
                };
            }
            Err(_) => break,
        }
    }
    current
}

/// Whether the file's permissions forbid writing it (for anyone, root included: PeaceOps
/// respects a protection even where the system would let it through).
fn is_read_only(meta: &std::fs::Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        meta.permissions().mode() & 0o222 == 0
    }
    #[cfg(not(unix))]
    {
        meta.permissions().readonly()
    }
}

/// Whether the file has names other than its own and those saving gives it for a moment (the
/// backup, and the backup's staging name while another save of it runs).
fn has_other_names(meta: &std::fs::Metadata, dir: &Path, name: &str) -> bool {
    let links = link_count(meta);
    if links <= 1 {
        return false;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let backup = format!("{name}.bak");
        let ours = std::fs::read_dir(dir)
            .map(|entries| {
                entries
                    .flatten()
                    .filter(|e| {
                        let n = e.file_name();
                        let n = n.to_string_lossy();
                        n == backup || is_our_temp_file(&n, name)
                    })
                    .filter(|e| e.metadata().is_ok_and(|m| m.ino() == meta.ino()))
                    .count() as u64
            })
            .unwrap_or(0);
        links - 1 > ours
    }
    #[cfg(not(unix))]
    {
        let _ = (dir, name);
        true
    }
}

/// How many names the file has (hard links).
fn link_count(meta: &std::fs::Metadata) -> u64 {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        meta.nlink()
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        1
    }
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
    let target = resolve_target(path);
    let err = |step: &'static str| {
        let path = path.to_owned();
        move |source| SaveError::Io { path, step, source }
    };
    let existing = std::fs::metadata(&target).ok().filter(|m| m.is_file());
    if existing.as_ref().is_some_and(is_read_only) {
        return Err(SaveError::ReadOnly {
            path: path.to_owned(),
        });
    }
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
    if keep_backup
        && existing
            .as_ref()
            .is_some_and(|m| has_other_names(m, &dir, &name))
    {
        // Renaming over a file with other names would leave them on the old content: write
        // this one in place instead, after a durable backup (a crash mid-write leaves the
        // previous content whole in `.bak`).
        keep_previous(&target, &dir, &name, true)
            .map_err(err("keeping the previous version as .bak"))?;
        sync_dir(&dir).map_err(err("syncing the folder"))?;
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .open(&target)
            .map_err(err("opening the file to write it in place"))?;
        file.set_len(0).map_err(err("writing"))?;
        file.write_all(bytes).map_err(err("writing"))?;
        file.sync_all().map_err(err("syncing to disk"))?;
        return Ok(());
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
    if keep_backup && existing.is_some() {
        keep_previous(&target, &dir, &name, false)
            .map_err(err("keeping the previous version as .bak"))?;
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

/// Whether `entry` is one of the temporary files saving `name` makes: `.NAME.XXXXXX.tmp`, the
/// backup's `.NAME.bak.XXXXXX.tmp`, or `.NAME.bak.tmp` (older PeaceOps).
fn is_our_temp_file(entry: &str, name: &str) -> bool {
    let Some(middle) = entry
        .strip_prefix('.')
        .and_then(|e| e.strip_prefix(name))
        .and_then(|e| e.strip_prefix('.'))
        .and_then(|e| e.strip_suffix(".tmp"))
    else {
        return false;
    };
    let random =
        |m: &str| m.len() == TEMP_RANDOM_CHARS && m.chars().all(|c| c.is_ascii_alphanumeric());
    middle == "bak" || random(middle) || middle.strip_prefix("bak.").is_some_and(random)
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
/// hard link (or a durable copy, where links are not possible or `copy` asks for one) under a
/// temporary name unique to this save, then a rename. Two saves of one file at once never share
/// the staging name.
fn keep_previous(target: &Path, dir: &Path, name: &str, copy: bool) -> std::io::Result<()> {
    let prefix = format!(".{name}.bak.");
    let mut builder = tempfile::Builder::new();
    builder
        .prefix(&prefix)
        .suffix(".tmp")
        .rand_bytes(TEMP_RANDOM_CHARS);
    let linked = if copy {
        None
    } else {
        builder
            .make_in(dir, |staging| std::fs::hard_link(target, staging))
            .ok()
    };
    let staging = match linked {
        Some(staging) => staging.into_temp_path(),
        None => builder
            .make_in(dir, |staging| {
                let mut out = std::fs::OpenOptions::new()
                    .write(true)
                    .create_new(true)
                    .open(staging)?;
                std::io::copy(&mut File::open(target)?, &mut out)?;
                out.sync_all()
            })?
            .into_temp_path(),
    };
    let staging_name = staging.to_path_buf();
    staging.persist(backup_path(target)).map_err(|e| e.error)?;
    // When another save made the backup from the same file meanwhile, the staging name and the
    // backup are one file, and POSIX makes the rename a no-op that leaves the staging name.
    match std::fs::remove_file(&staging_name) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
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
