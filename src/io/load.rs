//! Reading scenario files: bounded in size and nesting, UTF-8 checked, version checked, migrated.

use std::fs::File;
use std::io::{ErrorKind, Read};
use std::path::Path;

use ron::extensions::Extensions;
use serde::{Deserialize, Serialize};

use super::LoadError;
use super::migrate;
use crate::model::{FORMAT_VERSION, Scenario};

/// Files larger than this are refused before reading (64 MiB).
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Deepest nesting of brackets the parser follows; a scenario needs about six.
pub const MAX_NESTING: usize = 64;

/// The RON options every scenario read uses: `Some` may be left out, nesting is bounded.
pub(super) fn options() -> ron::Options {
    ron::Options::default()
        .with_default_extension(Extensions::IMPLICIT_SOME)
        .with_recursion_limit(MAX_NESTING)
}

/// Reads and parses a scenario file, migrating older format versions.
pub fn load(path: &Path) -> Result<Scenario, LoadError> {
    load_stamped(path).map(|(scenario, _)| scenario)
}

/// What a file looked like on disk when it was read or written (size, modification time, file
/// id), to notice that another program, or another PeaceOps, has changed it since.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DiskStamp {
    /// Size in bytes.
    pub len: u64,
    /// Modification time, nanoseconds since 1970.
    pub modified_nanos: u128,
    /// The file's inode (0 where there is none): a save that replaces the file changes it.
    pub file_id: u64,
}

impl DiskStamp {
    /// The stamp of the file at `path` now; `None` when there is no such file.
    pub fn of(path: &Path) -> Option<Self> {
        std::fs::metadata(path).ok().map(|m| Self::from_meta(&m))
    }

    fn from_meta(meta: &std::fs::Metadata) -> Self {
        let modified_nanos = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos());
        #[cfg(unix)]
        let file_id = std::os::unix::fs::MetadataExt::ino(meta);
        #[cfg(not(unix))]
        let file_id = 0;
        Self {
            len: meta.len(),
            modified_nanos,
            file_id,
        }
    }
}

/// [`load`], also giving the file's text, for messages that point at lines of it
/// ([`super::decision_lines`]).
pub fn load_with_text(path: &Path) -> Result<(Scenario, String), LoadError> {
    let (bytes, _) = read_capped(path, MAX_FILE_BYTES)?;
    let text = String::from_utf8(bytes)
        .map_err(|e| not_utf8(e.as_bytes(), e.utf8_error().valid_up_to(), path))?;
    parse(&text, path).map(|s| (s, text))
}

/// [`load`], also giving the file's [`DiskStamp`] as it was read.
pub fn load_stamped(path: &Path) -> Result<(Scenario, DiskStamp), LoadError> {
    let (bytes, meta) = read_capped(path, MAX_FILE_BYTES)?;
    let stamp = DiskStamp::from_meta(&meta);
    let text = utf8(&bytes, path)?;
    parse(text, path).map(|s| (s, stamp))
}

/// The bytes as text, or where the first byte that is not UTF-8 sits.
pub(super) fn utf8<'b>(bytes: &'b [u8], path: &Path) -> Result<&'b str, LoadError> {
    std::str::from_utf8(bytes).map_err(|e| not_utf8(bytes, e.valid_up_to(), path))
}

/// Where the first byte that is not UTF-8 sits, after `valid_up_to` bytes that are.
fn not_utf8(bytes: &[u8], valid_up_to: usize, path: &Path) -> LoadError {
    // The prefix is valid UTF-8 by construction.
    let prefix = std::str::from_utf8(&bytes[..valid_up_to]).unwrap_or_default();
    let (line, column) = line_column(prefix);
    LoadError::NotUtf8 {
        path: path.to_owned(),
        line,
        column,
    }
}

/// Reads at most [`MAX_FILE_BYTES`] of a regular file; refuses folders, named pipes, sockets and
/// devices at once (before opening them: opening a pipe would wait for a writer) and larger files
/// before reading.
pub fn read_bounded(path: &Path) -> Result<Vec<u8>, LoadError> {
    read_capped(path, MAX_FILE_BYTES).map(|(bytes, _)| bytes)
}

/// [`read_bounded`] with another cap; also gives the metadata of the file that was read.
pub(super) fn read_capped(
    path: &Path,
    cap: u64,
) -> Result<(Vec<u8>, std::fs::Metadata), LoadError> {
    let io_err = |source: std::io::Error| match source.kind() {
        ErrorKind::NotFound => LoadError::NotFound {
            path: path.to_owned(),
        },
        ErrorKind::IsADirectory => LoadError::IsDirectory {
            path: path.to_owned(),
        },
        _ => LoadError::Io {
            path: path.to_owned(),
            source,
        },
    };
    let meta = std::fs::metadata(path).map_err(io_err)?;
    check_regular(path, &meta)?;
    let too_large = |size| LoadError::TooLarge {
        path: path.to_owned(),
        size,
        limit: cap,
    };
    if meta.len() > cap {
        return Err(too_large(meta.len()));
    }
    let file = open_no_wait(path).map_err(io_err)?;
    // The path may have been replaced between the look and the open: look at what was opened.
    let meta = file.metadata().map_err(io_err)?;
    check_regular(path, &meta)?;
    // The size can change between the check and the read: the `take` bounds what is read
    // whatever the metadata said, and the buffer never grows past the cap plus one byte.
    let capacity = usize::try_from(meta.len().min(cap) + 1).unwrap_or(0);
    let mut bytes = Vec::with_capacity(capacity);
    (&file)
        .take(cap + 1)
        .read_to_end(&mut bytes)
        .map_err(io_err)?;
    if bytes.len() as u64 > cap {
        return Err(too_large(bytes.len() as u64));
    }
    Ok((bytes, meta))
}

/// Refuses anything but a regular file, by name.
fn check_regular(path: &Path, meta: &std::fs::Metadata) -> Result<(), LoadError> {
    let kind = meta.file_type();
    if kind.is_file() {
        return Ok(());
    }
    if kind.is_dir() {
        return Err(LoadError::IsDirectory {
            path: path.to_owned(),
        });
    }
    Err(LoadError::NotAFile {
        path: path.to_owned(),
        kind: special_kind(&kind),
    })
}

#[cfg(unix)]
fn special_kind(kind: &std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if kind.is_fifo() {
        "named pipe (FIFO)"
    } else if kind.is_socket() {
        "socket"
    } else if kind.is_char_device() || kind.is_block_device() {
        "device"
    } else {
        "special file"
    }
}

#[cfg(not(unix))]
fn special_kind(_kind: &std::fs::FileType) -> &'static str {
    "special file"
}

/// Opens for reading without waiting: a pipe swapped in after the type check opens at once
/// (and is then refused) instead of blocking until some writer appears.
#[cfg(unix)]
fn open_no_wait(path: &Path) -> std::io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open_no_wait(path: &Path) -> std::io::Result<File> {
    File::open(path)
}

/// Only the version, to explain a failed parse or pick a migration.
#[derive(Deserialize)]
struct VersionProbe {
    format_version: u32,
}

/// Parses scenario text; `path` is only used in messages.
pub fn parse(text: &str, path: &Path) -> Result<Scenario, LoadError> {
    // A UTF-8 byte-order mark (some Windows editors write one) is not part of the scenario;
    // positions are then counted as an editor shows them, without it.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(LoadError::Empty {
            path: path.to_owned(),
        });
    }
    match options().from_str::<Scenario>(text) {
        Ok(mut scenario) if scenario.format_version == FORMAT_VERSION => {
            // A hand-written file may list no options: it has one plan, the current one.
            scenario.ensure_option();
            Ok(scenario)
        }
        Ok(scenario) if scenario.format_version > FORMAT_VERSION => Err(LoadError::TooNew {
            path: path.to_owned(),
            found: scenario.format_version,
            supported: FORMAT_VERSION,
        }),
        // Older, and parsed as the current types already: migrated without a second parse.
        Ok(scenario) => migrate::upgrade_parsed(scenario, path),
        Err(parse_error) => {
            // A file of another version may fail to parse as this one: say so instead. Skipping
            // an unknown value costs the parser two levels of its limit per bracket, so the
            // probe allows twice the nesting the scenario parser does.
            let probe_options = options().with_recursion_limit(2 * MAX_NESTING + 2);
            if let Ok(probe) = probe_options.from_str::<VersionProbe>(text)
                && probe.format_version != FORMAT_VERSION
            {
                return upgrade_or_refuse(probe.format_version, text, path);
            }
            Err(from_ron(&parse_error, text, path))
        }
    }
}

/// Refuses a newer version; hands an older one to the migrations.
fn upgrade_or_refuse(found: u32, text: &str, path: &Path) -> Result<Scenario, LoadError> {
    if found > FORMAT_VERSION {
        Err(LoadError::TooNew {
            path: path.to_owned(),
            found,
            supported: FORMAT_VERSION,
        })
    } else {
        migrate::upgrade(found, text, path)
    }
}

/// Turns a RON error into a one-line message at its position.
pub(super) fn from_ron(e: &ron::error::SpannedError, text: &str, path: &Path) -> LoadError {
    use ron::Error as E;
    let message = match &e.code {
        E::Eof => "the file ends too early (is it cut off?)".to_owned(),
        E::ExceededRecursionLimit => {
            format!("brackets nest deeper than {MAX_NESTING} levels; a scenario needs far fewer")
        }
        E::TrailingCharacters => "unexpected text after the end of the scenario".to_owned(),
        other => number_kind(text, e.span.start)
            .map(|hint| format!("{other}: {hint}"))
            .unwrap_or_else(|| other.to_string()),
    };
    let pos = match e.code {
        E::Eof => {
            let (line, column) = line_column(text);
            ron::error::Position { line, col: column }
        }
        // RON points just after the scenario; point at the unexpected text itself.
        E::TrailingCharacters => {
            let end = offset_of(text, e.span.start);
            let rest = &text[end..];
            let skipped = rest.len() - skip_blank(rest).len();
            let (line, column) = line_column(&text[..end + skipped]);
            ron::error::Position { line, col: column }
        }
        _ => e.span.start,
    };
    // RON counts lines by LF only; people's editors also break lines at CR, LS and NEL.
    let (line, col) = line_column(&text[..offset_of(text, pos)]);
    let pos = ron::error::Position { line, col };
    LoadError::Parse {
        path: path.to_owned(),
        line: pos.line.max(1),
        column: pos.col.max(1),
        message,
    }
}

/// The byte offset of a RON position (line and column from 1, columns in characters).
fn offset_of(text: &str, pos: ron::error::Position) -> usize {
    let mut offset = 0;
    for (i, line) in text.split_inclusive('\n').enumerate() {
        if i + 1 == pos.line {
            let col: usize = line
                .char_indices()
                .nth(pos.col.saturating_sub(1))
                .map_or(line.len(), |(b, _)| b);
            return offset + col;
        }
        offset += line.len();
    }
    text.len()
}

/// `text` without leading whitespace and comments.
fn skip_blank(mut text: &str) -> &str {
    loop {
        let trimmed = text.trim_start();
        if let Some(rest) = trimmed.strip_prefix("//") {
            text = rest.split_once('\n').map_or("", |(_, r)| r);
        } else if let Some(rest) = trimmed.strip_prefix("/*") {
            text = rest.split_once("*/").map_or("", |(_, r)| r);
        } else {
            return trimmed;
        }
    }
}

/// Line and column (from 1) just after the end of `prefix`. Lines end at LF, CR, CRLF (one
/// break), NEL, LS and PS; columns count characters.
pub(super) fn line_column(prefix: &str) -> (usize, usize) {
    let (mut line, mut column) = (1, 1);
    let mut after_cr = false;
    for c in prefix.chars() {
        match c {
            '\n' if after_cr => {}
            '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}' => {
                line += 1;
                column = 1;
            }
            _ => column += 1,
        }
        after_cr = c == '\r';
    }
    (line, column)
}

/// When a parse error sits on a number of the wrong kind, what was expected: a decimal number
/// `1.0` or `1e3` where a whole number goes (RON stops after the `1`), a hexadecimal `0x1` where a
/// decimal number goes. `None` when the error is about something else.
fn number_kind(text: &str, at: ron::error::Position) -> Option<String> {
    let offset = offset_of(text, at);
    let is_token = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '+' | '-');
    let start = text[..offset]
        .char_indices()
        .rev()
        .take_while(|(_, c)| is_token(*c))
        .last()
        .map_or(offset, |(i, _)| i);
    let end = text[offset..]
        .char_indices()
        .find(|(_, c)| !is_token(*c))
        .map_or(text.len(), |(i, _)| offset + i);
    let token = &text[start..end];
    let digits = token.trim_start_matches(['+', '-']);
    if !digits.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let lower = digits.to_ascii_lowercase();
    if ["0x", "0b", "0o"].iter().any(|p| lower.starts_with(p)) {
        Some(format!(
            "expected a decimal number like 0.5, found `{token}` (hexadecimal, binary and octal are whole numbers only)"
        ))
    } else if digits.contains(['.', 'e', 'E']) {
        Some(format!("expected a whole number like 12, found `{token}`"))
    } else {
        None
    }
}
