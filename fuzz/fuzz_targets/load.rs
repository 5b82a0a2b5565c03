//! Fuzz target: arbitrary bytes through the steps `peaceops::io::load` takes after reading the
//! file — the UTF-8 check, then `io::parse` — and, when a scenario comes out, validation, the
//! risk rules and a save-and-reload round trip.
//!
//! A crash is any panic, an error message that is not one line starting with the path (and the
//! position, when it has one), or a parsed scenario that does not come back equal from `to_ron`.

#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use peaceops::io::{self, LoadError};
use peaceops::model::{Catalogue, Scenario, validate};

const PATH: &str = "fuzz.ron";

fuzz_target!(|bytes: &[u8]| {
    // `io::load` reads the file, refuses text that is not UTF-8 (`LoadError::NotUtf8`), then parses.
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    match io::parse(text, Path::new(PATH)) {
        Err(e) => check_message(&e, text),
        Ok(s) => {
            let _ = validate(&s, Catalogue::builtin().ok());
            let _ = peaceops::rules::evaluate(&s);
            round_trip(&s);
        }
    }
});

/// Errors are one line: `fuzz.ron: …`, or `fuzz.ron:LINE:COLUMN: …` within the text.
fn check_message(e: &LoadError, text: &str) {
    let msg = e.to_string();
    assert!(!msg.contains(['\n', '\r']), "not one line: {msg:?}");
    let rest = msg
        .strip_prefix(PATH)
        .and_then(|r| r.strip_prefix(':'))
        .unwrap_or_else(|| panic!("does not start with {PATH:?}: {msg:?}"));
    if let Some((line, column)) = e.position() {
        let prefix = format!("{line}:{column}: ");
        assert!(
            rest.starts_with(&prefix),
            "no `{prefix}` after the path: {msg:?}"
        );
        let lines: Vec<&str> = text.split('\n').collect();
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
