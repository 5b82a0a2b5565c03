//! Fuzz target: arbitrary bytes written to a file and read by `peaceops::io::load`, the whole path
//! a user's file takes (the size and file-type checks, the bounded read, the UTF-8 check, parsing
//! and migration) and, when a scenario comes out, validation, the risk rules with every finding's
//! sentence, entities and checklist key rendered, the checklist review, and a save-and-reload
//! round trip.
//!
//! A crash is any panic, an error message that is not one line starting with the path (and the
//! position, when it has one), a finding with no sentence, or a parsed
//! scenario that does not come back equal from `to_ron`.

#![no_main]

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use peaceops::io::{self, LoadError};
use peaceops::model::{Catalogue, Scenario, validate};
use peaceops::rules::{Review, evaluate};

const PATH: &str = "fuzz.ron";

/// The file each input is written to, in a folder of the fuzzer's own (kept for the whole run).
fn file() -> &'static Path {
    static FILE: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    let (_dir, path) = FILE.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("no temporary folder: {e}"));
        let path = dir.path().join(PATH);
        (dir, path)
    });
    path
}

fuzz_target!(|bytes: &[u8]| {
    let path = file();
    std::fs::write(path, bytes).unwrap_or_else(|e| panic!("cannot write the input: {e}"));
    match io::load(path) {
        Err(e) => check_message(&e, path, bytes),
        Ok(s) => {
            let _ = validate(&s, Catalogue::builtin().ok());
            render_findings(&s);
            round_trip(&s);
        }
    }
});

/// Every finding renders: a non-empty sentence, its entities, a key; the review
/// pairs the checklist with the findings without panicking.
fn render_findings(s: &Scenario) {
    let findings = evaluate(s);
    for f in &findings {
        let message = f.message(s);
        // Titles are quoted as they are (line breaks included); the text output escapes them.
        assert!(!message.trim().is_empty(), "{:?}: no sentence", f.rule);
        let _ = f.entities(s);
        let _ = f.key(s);
    }
    let review = Review::new(&findings, s);
    let _ = review.open_count();
}

/// Errors are one line: `PATH: …`, or `PATH:LINE:COLUMN: …` within the text.
fn check_message(e: &LoadError, path: &Path, bytes: &[u8]) {
    let msg = e.to_string();
    assert!(!msg.contains(['\n', '\r']), "not one line: {msg:?}");
    let shown = path.display().to_string();
    let rest = msg
        .strip_prefix(shown.as_str())
        .and_then(|r| r.strip_prefix(':'))
        .unwrap_or_else(|| panic!("does not start with {shown:?}: {msg:?}"));
    let text = String::from_utf8_lossy(bytes);
    if let Some((line, column)) = e.position() {
        let prefix = format!("{line}:{column}: ");
        assert!(
            rest.starts_with(&prefix),
            "no `{prefix}` after the path: {msg:?}"
        );
        let lines = lines(&text);
        assert!(
            line >= 1
                && column >= 1
                && line <= lines.len()
                && column <= lines[line - 1].chars().count() + 1,
            "position {line}:{column} is outside the text: {msg:?}"
        );
    }
    assert!(!rest.trim().is_empty(), "no explanation: {msg:?}");
}

/// The text's lines as a user's editor counts them: CRLF, LF, CR, LS and NEL each end one.
fn lines(text: &str) -> Vec<&str> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let end = match c {
            '\r' if chars.peek().is_some_and(|(_, n)| *n == '\n') => {
                chars.next();
                i + 2
            }
            '\r' | '\n' => i + 1,
            '\u{2028}' | '\u{85}' => i + c.len_utf8(),
            _ => continue,
        };
        out.push(&text[start..i]);
        start = end;
    }
    out.push(&text[start..]);
    out
}

/// Whatever parses is written back and read again unchanged (NaN as some NaN).
fn round_trip(s: &Scenario) {
    let text = io::to_ron(s).unwrap_or_else(|e| panic!("to_ron failed: {e}"));
    let back = io::parse(&text, Path::new(PATH))
        .unwrap_or_else(|e| panic!("to_ron's text does not parse: {e}\n{text}"));
    let zeroed = |s: &Scenario| {
        let mut s = s.clone();
        for a in &mut s.activities {
            a.x = 0.0;
            a.y = 0.0;
        }
        s
    };
    assert!(
        zeroed(s) == zeroed(&back),
        "round trip changed the scenario:\n{text}"
    );
    for (a, b) in s.activities.iter().zip(&back.activities) {
        for (u, v) in [(a.x, b.x), (a.y, b.y)] {
            assert!(
                if u.is_nan() {
                    v.is_nan()
                } else {
                    u.to_bits() == v.to_bits()
                },
                "float {u:?} came back as {v:?}"
            );
        }
    }
    let again = io::to_ron(&back).unwrap_or_else(|e| panic!("to_ron failed: {e}"));
    assert!(again == text, "to_ron is not stable");
}
