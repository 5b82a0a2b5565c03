//! Reading and writing scenario files through the public API (`peaceops::io`).
//!
//! - `tests/malformed/`: files that are not scenarios at all. Each must fail to load with the
//!   error variant (and, for parse errors, the line) the table below states, with a one-line
//!   message that starts with the file's path, and never panic.
//! - `tests/invalid/`: files that parse but contradict themselves. Each loads, and validation
//!   reports every problem the table below states, all at once.
//! - `scenarios/*.ron`: the reference scenarios. Each loads, validates, and round-trips.
//! - Saving is atomic: a failed save leaves the previous file byte-identical and no temp files.

#![expect(
    clippy::panic,
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "test helpers: a failed unwrap or a panic is a failed test"
)]

use std::collections::BTreeMap;
use std::fs;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use peaceops::io::{self, LoadError, MAX_FILE_BYTES, SaveError};
use peaceops::model::{
    Activity, ActivityId, ActivityKind, ActivityStatus, Actor, ActorId, ActorKind, Capability,
    Catalogue, CheckStatus, CrimeGroup, CustomItem, CustomItemId, FindingKey, GroupId, Market,
    Mission, MissionId, MissionKind, Organization, ProblemKind, Region, RegionId, RegionKind,
    Scenario, Timeline, YearMonth, validate,
};

const MALFORMED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/malformed");
const INVALID: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/invalid");
const SCENARIOS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/scenarios");

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/// What loading a malformed file must give.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Expect {
    /// `LoadError::Parse` at this line (and, when given, this column).
    Parse(usize, Option<usize>),
    /// `LoadError::NotUtf8` at this line and column.
    NotUtf8(usize, usize),
    /// `LoadError::Empty`.
    Empty,
    /// `LoadError::TooNew` with this found version.
    TooNew(u32),
    /// `LoadError::UnknownVersion` with this found version.
    UnknownVersion(u32),
}

use Expect::{Empty, NotUtf8, Parse, TooNew, UnknownVersion};

/// Every file in `tests/malformed/` and what loading it must give. Lines and columns count from 1.
const MALFORMED_TABLE: &[(&str, Expect)] = &[
    // Truncated files (written without a final newline: cut off mid-line).
    ("truncated-mid-struct.ron", Parse(6, None)),
    ("truncated-mid-string.ron", Parse(3, None)),
    ("truncated-mid-list.ron", Parse(11, None)),
    ("truncated-before-closing-paren.ron", Parse(5, None)),
    // Wrong types.
    ("wrong-type-string-for-number.ron", Parse(12, None)),
    ("wrong-type-number-for-list.ron", Parse(6, None)),
    ("wrong-type-number-for-string.ron", Parse(3, None)),
    ("wrong-type-string-for-bool.ron", Parse(7, None)),
    ("wrong-type-format-version-string.ron", Parse(2, None)),
    // Unknown enum variants and fields (deny_unknown_fields), duplicated fields.
    ("unknown-enum-variant.ron", Parse(9, None)),
    ("unknown-enum-variant-in-list.ron", Parse(11, None)),
    ("unknown-field-typo.ron", Parse(10, None)),
    ("unknown-field-top-level.ron", Parse(3, None)),
    ("duplicate-field.ron", Parse(5, None)),
    // Missing required fields: reported where the struct that lacks them closes.
    ("missing-field-mission-kind.ron", Parse(11, None)),
    ("missing-field-host.ron", Parse(5, None)),
    ("missing-field-format-version.ron", Parse(4, None)),
    // Numbers out of range.
    ("huge-personnel-beyond-u32.ron", Parse(12, None)),
    ("huge-format-version.ron", Parse(2, None)),
    ("negative-format-version.ron", Parse(2, None)),
    ("negative-personnel.ron", Parse(12, None)),
    // Bad dates.
    ("bad-date-month-13.ron", Parse(11, None)),
    ("bad-date-yesterday.ron", Parse(11, None)),
    ("bad-date-year-out-of-range.ron", Parse(4, None)),
    // Nesting where none belongs, 65 levels deep (beyond the 64-level limit).
    ("deep-nesting-65-levels.ron", Parse(5, None)),
    ("deep-nesting-65-levels-in-notes.ron", Parse(6, None)),
    // Not RON, or more than one scenario.
    ("trailing-garbage.ron", Parse(6, Some(1))),
    ("two-scenarios-concatenated.ron", Parse(6, Some(1))),
    ("json-not-ron.ron", Parse(1, Some(1))),
    ("unterminated-block-comment.ron", Parse(3, None)),
    ("nul-bytes.ron", Parse(4, Some(1))),
    // Not UTF-8 text.
    ("binary-png-header.ron", NotUtf8(1, 1)),
    ("invalid-utf8-in-title.ron", NotUtf8(3, 16)),
    ("latin1-encoded.ron", NotUtf8(3, 17)),
    ("utf16-with-bom.ron", NotUtf8(1, 1)),
    // Nothing there.
    ("empty.ron", Empty),
    ("whitespace-only.ron", Empty),
    // Versions.
    ("format-version-99.ron", TooNew(99)),
    ("format-version-99-new-fields.ron", TooNew(99)),
    ("format-version-0.ron", UnknownVersion(0)),
];

/// Every file in `tests/invalid/` and the problems validation (with the built-in catalogue) must
/// report, with how many of each.
const INVALID_TABLE: &[(&str, &[(ProblemKind, usize)])] = &[
    ("position-nan.ron", &[(ProblemKind::PositionOutOfRange, 1)]),
    (
        "position-infinite.ron",
        &[(ProblemKind::PositionOutOfRange, 2)],
    ),
    (
        "position-1e400.ron",
        &[(ProblemKind::PositionOutOfRange, 2)],
    ),
    (
        "position-out-of-range.ron",
        &[(ProblemKind::PositionOutOfRange, 2)],
    ),
    ("duplicate-ids.ron", &[(ProblemKind::DuplicateId, 2)]),
    ("dangling-ids.ron", &[(ProblemKind::DanglingReference, 4)]),
    (
        "wrong-kind-reference.ron",
        &[(ProblemKind::DanglingReference, 3)],
    ),
    ("end-before-start.ron", &[(ProblemKind::EndBeforeStart, 3)]),
    ("predecessor-loop.ron", &[(ProblemKind::SelfReference, 1)]),
    ("self-predecessor.ron", &[(ProblemKind::SelfReference, 1)]),
    ("bad-template.ron", &[(ProblemKind::DanglingReference, 1)]),
    ("bad-ids.ron", &[(ProblemKind::BadId, 2)]),
    (
        "many-problems.ron",
        &[
            (ProblemKind::EndBeforeStart, 2),
            (ProblemKind::BadId, 1),
            (ProblemKind::DuplicateId, 1),
            (ProblemKind::SelfReference, 2),
            (ProblemKind::DanglingReference, 2),
            (ProblemKind::PositionOutOfRange, 2),
        ],
    ),
];

fn variant(e: &LoadError) -> &'static str {
    match e {
        LoadError::NotFound { .. } => "NotFound",
        LoadError::IsDirectory { .. } => "IsDirectory",
        LoadError::NotAFile { .. } => "NotAFile",
        LoadError::TooLarge { .. } => "TooLarge",
        LoadError::Io { .. } => "Io",
        LoadError::Empty { .. } => "Empty",
        LoadError::NotUtf8 { .. } => "NotUtf8",
        LoadError::Parse { .. } => "Parse",
        LoadError::TooNew { .. } => "TooNew",
        LoadError::UnknownVersion { .. } => "UnknownVersion",
    }
}

/// Loads without letting a panic escape: a panic becomes an `Err` with its message.
fn load_caught(path: &Path) -> Result<Result<Scenario, LoadError>, String> {
    catch_unwind(AssertUnwindSafe(|| io::load(path))).map_err(|p| {
        p.downcast_ref::<String>()
            .cloned()
            .or_else(|| p.downcast_ref::<&str>().map(|s| (*s).to_owned()))
            .unwrap_or_else(|| "a panic".to_owned())
    })
}

/// Checks the one-line message rule; returns what is wrong, if anything.
fn message_problem(path: &Path, e: &LoadError) -> Option<String> {
    let msg = e.to_string();
    let shown = path.display().to_string();
    if msg.contains('\n') || msg.contains('\r') {
        return Some(format!("message is not one line: {msg:?}"));
    }
    if !msg.starts_with(&shown) {
        return Some(format!(
            "message does not start with the path {shown:?}: {msg:?}"
        ));
    }
    let rest = &msg[shown.len()..];
    if !rest.starts_with(':') {
        return Some(format!("path is not followed by ':' in {msg:?}"));
    }
    match e {
        LoadError::Parse { line, column, .. } | LoadError::NotUtf8 { line, column, .. } => {
            let prefix = format!(":{line}:{column}: ");
            if !rest.starts_with(&prefix) {
                return Some(format!("message lacks `{prefix}` after the path: {msg:?}"));
            }
            if e.position() != Some((*line, *column)) {
                return Some(format!(
                    "position() {:?} disagrees with the fields",
                    e.position()
                ));
            }
            if *line == 0 || *column == 0 {
                return Some(format!("line and column count from 1: {msg:?}"));
            }
            if rest[prefix.len()..].trim().is_empty() {
                return Some(format!("no explanation after the position: {msg:?}"));
            }
        }
        _ => {
            if e.position().is_some() {
                return Some(format!("{} has a position: {msg:?}", variant(e)));
            }
            if rest[1..].trim().is_empty() {
                return Some(format!("no explanation after the path: {msg:?}"));
            }
        }
    }
    None
}

/// Checks that loading `path` fails as `expect` says; returns what is wrong, if anything.
fn check_malformed(path: &Path, expect: Expect) -> Option<String> {
    let e = match load_caught(path) {
        Err(panic) => return Some(format!("PANICKED: {panic}")),
        Ok(Ok(s)) => return Some(format!("loaded without error (title {:?})", s.title)),
        Ok(Err(e)) => e,
    };
    if let Some(p) = message_problem(path, &e) {
        return Some(p);
    }
    let ok = match (expect, &e) {
        (Parse(l, c), LoadError::Parse { line, column, .. }) => {
            *line == l && c.is_none_or(|c| *column == c)
        }
        (NotUtf8(l, c), LoadError::NotUtf8 { line, column, .. }) => *line == l && *column == c,
        (Empty, LoadError::Empty { .. }) => true,
        (
            TooNew(v),
            LoadError::TooNew {
                found, supported, ..
            },
        ) => *found == v && *supported == peaceops::model::FORMAT_VERSION,
        (UnknownVersion(v), LoadError::UnknownVersion { found, .. }) => *found == v,
        _ => false,
    };
    (!ok).then(|| format!("expected {expect:?}, got {} ({e})", variant(&e)))
}

fn ron_files(dir: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot list {dir}: {e}"))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

fn reference_scenarios() -> Vec<PathBuf> {
    let files: Vec<PathBuf> = ron_files(SCENARIOS)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    assert!(!files.is_empty(), "no scenarios/*.ron found");
    files
}

fn file_names(dir: &str) -> Vec<String> {
    ron_files(dir)
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect()
}

fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temporary folder")
}

/// Names in a folder, sorted.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("list folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn temp_files(dir: &Path) -> Vec<String> {
    listing(dir)
        .into_iter()
        .filter(|n| n.starts_with('.'))
        .collect()
}

fn write(path: &Path, bytes: impl AsRef<[u8]>) {
    fs::write(path, bytes).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
}

fn ym(s: &str) -> YearMonth {
    s.parse().expect("a valid year-month")
}

/// A scenario that uses most of the model, with text that needs escaping.
fn rich_scenario() -> Scenario {
    let mut s = Scenario::new("Kosovo — \"rule of law\" after 2008 ✓");
    s.description = "Line one.\nLine two with a tab\tand a backslash \\ and /* not a comment */ // nor this\r\nand r#\"raw\"#.".into();
    s.timeline = Some(Timeline {
        start: ym("1999-06"),
        end: ym("2020-12"),
    });
    s.host.name = "Kosovo".into();
    s.host.policing_gap = true;
    s.host.minimal_security = Some(ym("2000-03"));
    s.host.neighbours = vec!["Serbia".into(), "Albania".into(), "North Macedonia".into()];
    s.host.regions = vec![
        Region {
            id: RegionId::from("north"),
            name: "Mitrovica North".into(),
            kind: RegionKind::Border,
            sources: Vec::new(),
        },
        Region {
            id: RegionId::from("pristina"),
            name: "Prishtinë/Priština".into(),
            kind: RegionKind::Centre,
            sources: Vec::new(),
        },
    ];
    let mut g = CrimeGroup::new(GroupId::from("clans"), "Smuggling clans");
    g.markets = vec![Market::Smuggling, Market::Drugs];
    g.regions = vec![RegionId::from("north")];
    g.ties_to_officials = true;
    s.groups.push(g);
    let mut unmik = Mission::new(
        MissionId::from("unmik"),
        "UN Interim Administration Mission in Kosovo",
        ym("1999-06"),
    );
    unmik.acronym = "UNMIK".into();
    unmik.capabilities = vec![Capability::Police, Capability::Judicial];
    unmik.mandate.executive = true;
    unmik.end = Some(ym("2008-12"));
    unmik.personnel = u32::MAX;
    s.missions.push(unmik);
    let mut eulex = Mission::new(
        MissionId::from("eulex"),
        "EU Rule of Law Mission in Kosovo",
        ym("2008-12"),
    );
    eulex.acronym = "EULEX Kosovo".into();
    eulex.organization = Organization::Eu;
    eulex.kind = MissionKind::Civilian;
    eulex.predecessor = Some(MissionId::from("unmik"));
    eulex.handover.planned = true;
    eulex.handover.notes = "Case files: \"lost\".".into();
    eulex.partners = vec![ActorId::from("kp")];
    s.missions.push(eulex);
    s.actors.push(Actor {
        id: ActorId::from("kp"),
        name: "Kosovo Police".into(),
        kind: ActorKind::HostAgency,
        notes: String::new(),
        sources: Vec::new(),
    });
    let mut a = Activity::new(
        ActivityId::from("act-1"),
        "Joint investigations",
        -0.333_333_333_333_333_3,
        0.1,
    );
    a.mission = Some(MissionId::from("eulex"));
    a.kinds = vec![ActivityKind::Investigation, ActivityKind::Prosecution];
    a.groups = vec![GroupId::from("clans")];
    a.region = Some(RegionId::from("north"));
    a.start = Some(ym("2009-01"));
    a.end = Some(ym("2012-06"));
    a.partners = vec![ActorId::from("kp")];
    a.status = ActivityStatus::Underway;
    a.notes = "émigrés, 日本語, emoji 🕊".into();
    s.activities.push(a);
    s.activities
        .push(Activity::new(ActivityId::from("act-2"), "Edge", -1.0, 1.0));
    s.activities.push(Activity::new(
        ActivityId::from("act-3"),
        "Tiny",
        1e-10,
        -0.0,
    ));
    s.checklist.set(
        FindingKey::new("unregulated-handover", vec!["eulex".into(), "unmik".into()]),
        CheckStatus::Mitigated,
        "A handover plan now covers case files.".into(),
    );
    s.checklist.custom.push(CustomItem {
        id: CustomItemId::from("c-1"),
        title: "Ask about witness protection".into(),
        status: CheckStatus::Open,
        note: String::new(),
        sources: Vec::new(),
    });
    s
}

// ---------------------------------------------------------------------------------------------
// Malformed files
// ---------------------------------------------------------------------------------------------

#[test]
fn malformed_table_and_folder_agree() {
    let on_disk = file_names(MALFORMED);
    let in_table: Vec<String> = {
        let mut v: Vec<String> = MALFORMED_TABLE
            .iter()
            .map(|(n, _)| (*n).to_owned())
            .collect();
        v.sort();
        v
    };
    let mut dup = in_table.clone();
    dup.dedup();
    assert_eq!(
        dup.len(),
        in_table.len(),
        "a file is listed twice in MALFORMED_TABLE"
    );
    assert_eq!(
        on_disk, in_table,
        "tests/malformed/ and MALFORMED_TABLE differ"
    );
    assert!(
        on_disk.len() >= 22,
        "only {} malformed files",
        on_disk.len()
    );
}

#[test]
fn malformed_files_fail_with_the_expected_error() {
    let mut failures = Vec::new();
    for (name, expect) in MALFORMED_TABLE {
        let path = Path::new(MALFORMED).join(name);
        if let Some(problem) = check_malformed(&path, *expect) {
            failures.push(format!("{name}: {problem}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} malformed files misbehave:\n{}",
        failures.len(),
        MALFORMED_TABLE.len(),
        failures.join("\n")
    );
}

#[test]
fn too_new_message_says_to_update_peaceops() {
    for name in ["format-version-99.ron", "format-version-99-new-fields.ron"] {
        let path = Path::new(MALFORMED).join(name);
        let e = io::load(&path).expect_err(name);
        let msg = e.to_string();
        assert!(
            matches!(e, LoadError::TooNew { found: 99, .. }),
            "{name}: {msg}"
        );
        assert!(msg.contains("update PeaceOps"), "{name}: {msg}");
        assert!(
            msg.contains("99"),
            "{name}: the message names the version: {msg}"
        );
    }
}

#[test]
fn unknown_version_message_names_the_version() {
    let path = Path::new(MALFORMED).join("format-version-0.ron");
    let e = io::load(&path).expect_err("version 0");
    assert!(
        matches!(e, LoadError::UnknownVersion { found: 0, .. }),
        "{e}"
    );
    assert!(e.to_string().contains("version 0"), "{e}");
}

#[test]
fn parse_errors_explain_in_words() {
    // The message after the position says what is wrong, naming the offending word.
    let cases = [
        ("unknown-field-typo.ron", "organisation"),
        ("unknown-enum-variant.ron", "Nasa"),
        ("missing-field-mission-kind.ron", "kind"),
        ("missing-field-host.ron", "host"),
        ("bad-date-month-13.ron", "2008-13"),
        ("bad-date-yesterday.ron", "yesterday"),
    ];
    for (name, word) in cases {
        let path = Path::new(MALFORMED).join(name);
        let e = io::load(&path).expect_err(name);
        assert!(e.to_string().contains(word), "{name}: {e}");
    }
}

#[test]
fn crlf_line_endings_keep_line_numbers() {
    let dir = tempdir();
    for (name, expect) in [
        ("unknown-field-typo.ron", Parse(10, None)),
        ("bad-date-month-13.ron", Parse(11, None)),
        ("trailing-garbage.ron", Parse(6, Some(1))),
    ] {
        let text = fs::read_to_string(Path::new(MALFORMED).join(name)).unwrap();
        let path = dir.path().join(name);
        write(&path, text.replace('\n', "\r\n"));
        if let Some(p) = check_malformed(&path, expect) {
            panic!("{name} with CRLF: {p}");
        }
    }
}

/// `groups: ` followed by `depth` opening and `depth` closing brackets, on line 5.
fn nested_groups(depth: usize, close: bool) -> String {
    let mut s = String::from(
        "(\n    format_version: 1,\n    title: \"Nested\",\n    host: (name: \"Kosovo\"),\n    groups: ",
    );
    s.push_str(&"[".repeat(depth));
    if close {
        s.push_str(&"]".repeat(depth));
        s.push_str(",\n)\n");
    }
    s
}

#[test]
fn ten_thousand_nested_brackets_fail_without_overflow() {
    let dir = tempdir();
    let cases: Vec<(&str, String, Expect)> = vec![
        (
            "closed-lists.ron",
            nested_groups(10_000, true),
            Parse(5, None),
        ),
        (
            "unclosed-lists.ron",
            nested_groups(10_000, false),
            Parse(5, None),
        ),
        ("top-level-parens.ron", "(".repeat(10_000), Parse(1, None)),
        (
            "top-level-lists.ron",
            format!("{}{}", "[".repeat(10_000), "]".repeat(10_000)),
            Parse(1, None),
        ),
        ("top-level-maps.ron", "{".repeat(10_000), Parse(1, None)),
        (
            "nested-some.ron",
            format!(
                "(\n    format_version: 1,\n    title: \"x\",\n    host: (name: \"y\"),\n    timeline: {}\n)\n",
                "Some(".repeat(10_000)
            ),
            Parse(5, None),
        ),
        (
            "newer-version-deep.ron",
            format!(
                "(\n    format_version: 99,\n    title: \"x\",\n    host: (name: \"y\"),\n    future: {}{},\n)\n",
                "(".repeat(10_000),
                ")".repeat(10_000)
            ),
            // Not TooNew (nesting this deep cannot be read at all) but it must not overflow.
            Parse(5, None),
        ),
    ];
    let mut failures = Vec::new();
    for (name, text, expect) in cases {
        let path = dir.path().join(name);
        write(&path, &text);
        // Run on a thread with a modest stack, so unbounded recursion would show here.
        let p = path.clone();
        let outcome = std::thread::Builder::new()
            .stack_size(1024 * 1024)
            .spawn(move || check_malformed(&p, expect))
            .expect("spawn")
            .join();
        match outcome {
            Ok(None) => {}
            Ok(Some(problem)) => failures.push(format!("{name}: {problem}")),
            Err(_) => failures.push(format!("{name}: PANICKED")),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn deep_nesting_reports_the_nesting_or_the_type() {
    // 65 levels at a place that takes a list of structs: the file is refused at the brackets.
    let path = Path::new(MALFORMED).join("deep-nesting-65-levels.ron");
    let e = io::load(&path).expect_err("deep nesting");
    let LoadError::Parse { line, column, .. } = e else {
        panic!("expected Parse, got {e}")
    };
    assert_eq!(line, 5, "{e}");
    assert!(
        (13..=15).contains(&column),
        "column {column} should point at the brackets: {e}"
    );
}

#[test]
fn huge_unterminated_string_fails_on_its_line() {
    let dir = tempdir();
    let path = dir.path().join("huge-unterminated-string.ron");
    let mut text = String::from("(\n    format_version: 1,\n    title: \"");
    text.push_str(&"x".repeat(16 * 1024 * 1024));
    write(&path, &text);
    if let Some(p) = check_malformed(&path, Parse(3, None)) {
        panic!("{p}");
    }
}

#[test]
fn huge_but_valid_string_loads() {
    let dir = tempdir();
    let path = dir.path().join("huge-description.ron");
    let long = "Organized crime in the Sahel. ".repeat(500_000); // 15 MB
    let text = format!(
        "(\n    format_version: 1,\n    title: \"Long\",\n    description: \"{long}\",\n    host: (name: \"Mali\"),\n)\n"
    );
    assert!((text.len() as u64) < MAX_FILE_BYTES);
    write(&path, &text);
    let s = io::load(&path).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(s.description, long);
    assert_eq!(s.host.name, "Mali");
}

/// A deterministic stream of bytes (xorshift), so failures reproduce.
fn garbage(len: usize, mut seed: u64) -> Vec<u8> {
    (0..len)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed >> 24) as u8
        })
        .collect()
}

/// Line and column (from 1, in characters) of the first byte that is not UTF-8.
fn first_bad_byte(bytes: &[u8]) -> Option<(usize, usize)> {
    let e = std::str::from_utf8(bytes).err()?;
    let good = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap();
    let line = 1 + good.matches('\n').count();
    let col = 1 + good.rsplit('\n').next().unwrap().chars().count();
    Some((line, col))
}

#[test]
fn generated_binary_garbage_is_not_utf8() {
    let dir = tempdir();
    let mut failures = Vec::new();
    for seed in 1..=20u64 {
        let bytes = garbage(4096, seed.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        let path = dir.path().join(format!("garbage-{seed}.bin"));
        write(&path, &bytes);
        let expect = match first_bad_byte(&bytes) {
            Some((l, c)) => NotUtf8(l, c),
            None => continue,
        };
        if let Some(p) = check_malformed(&path, expect) {
            failures.push(format!("seed {seed}: {p}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn invalid_utf8_column_counts_characters() {
    // Two-byte characters before the bad byte: the column counts characters, as parse errors do.
    let dir = tempdir();
    let path = dir.path().join("accents-then-bad-byte.ron");
    let mut bytes = b"(\n    format_version: 1,\n".to_vec();
    bytes.extend_from_slice("    title: \"Guinée ".as_bytes()); // 19 characters, 20 bytes
    bytes.push(0xff);
    bytes.extend_from_slice(b"\",\n    host: (name: \"x\"),\n)\n");
    write(&path, &bytes);
    if let Some(p) = check_malformed(&path, NotUtf8(3, 20)) {
        panic!("{p}");
    }
}

#[test]
fn garbage_text_fails_cleanly() {
    // UTF-8 but not RON: random printable text, control characters, lone punctuation.
    let dir = tempdir();
    let mut failures = Vec::new();
    let mut cases: Vec<String> = vec![
        ")".into(),
        "(".into(),
        "\"".into(),
        "r#\"".into(),
        "/*".into(),
        "//".into(),
        "#![enable(implicit_some)]".into(),
        "#![enable(no_such_extension)]\n(format_version: 1, title: \"x\", host: (name: \"y\"))".into(),
        "(format_version: 1, title: \"x\", host: (name: \"y\"), activities: [(id: \"a\", title: \"t\", x: 0.5e, y: 0)])".into(),
        "(format_version: 1, title: \"\\u{110000}\", host: (name: \"y\"))".into(),
        "(format_version: 1, title: \"\\q\", host: (name: \"y\"))".into(),
        "\u{feff}\u{feff}(".into(),
        "\u{0}".repeat(100),
    ];
    for seed in 1..=50u64 {
        let text: String = garbage(512, seed)
            .into_iter()
            .map(|b| char::from(b' ' + b % 95))
            .collect();
        cases.push(text);
    }
    for (i, text) in cases.iter().enumerate() {
        let path = dir.path().join(format!("text-{i}.ron"));
        write(&path, text);
        match load_caught(&path) {
            Err(panic) => failures.push(format!("case {i} {text:?}: PANICKED: {panic}")),
            Ok(Ok(_)) => failures.push(format!("case {i} {text:?}: loaded")),
            Ok(Err(e)) => {
                if let Some(p) = message_problem(&path, &e) {
                    failures.push(format!("case {i} {text:?}: {p}"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_prefix_of_a_scenario_fails_cleanly_within_the_text() {
    let full = io::to_ron(&rich_scenario()).expect("to_ron");
    let full = full.trim_end();
    let path = Path::new("prefix.ron");
    assert!(io::parse(full, path).is_ok(), "the whole text parses");
    let mut failures = Vec::new();
    for (cut, _) in full.char_indices().skip(1) {
        let prefix = &full[..cut];
        let result = catch_unwind(AssertUnwindSafe(|| io::parse(prefix, path)));
        let e = match result {
            Err(_) => {
                failures.push(format!("cut at {cut}: PANICKED"));
                continue;
            }
            Ok(Ok(_)) => {
                failures.push(format!("cut at {cut}: parsed"));
                continue;
            }
            Ok(Err(e)) => e,
        };
        if let Some(p) = message_problem(path, &e) {
            failures.push(format!("cut at {cut}: {p}"));
        }
        if let Some((line, column)) = e.position() {
            let lines: Vec<&str> = prefix.split('\n').collect();
            let in_range = line <= lines.len() && column <= lines[line - 1].chars().count() + 1;
            if !in_range {
                failures.push(format!(
                    "cut at {cut}: position {line}:{column} is outside the text: {e}"
                ));
            }
        }
        if failures.len() > 20 {
            break;
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_file_cut_inside_a_character_fails_cleanly() {
    let dir = tempdir();
    let path = dir.path().join("cut-in-a-character.ron");
    let text = "(\n    format_version: 1,\n    title: \"Guinée";
    let bytes = text.as_bytes();
    write(&path, &bytes[..bytes.len() - 2]); // "Guin" + the first byte of "é"
    let e = io::load(&path).expect_err("cut file");
    assert!(
        matches!(e, LoadError::NotUtf8 { .. } | LoadError::Parse { .. }),
        "{e}"
    );
    assert_eq!(e.position().map(|p| p.0), Some(3), "{e}");
    if let Some(p) = message_problem(&path, &e) {
        panic!("{p}");
    }
}

// ---------------------------------------------------------------------------------------------
// Paths that are not scenario files
// ---------------------------------------------------------------------------------------------

#[test]
fn a_directory_is_refused() {
    let dir = tempdir();
    for path in [dir.path().to_path_buf(), PathBuf::from(MALFORMED)] {
        let e = io::load(&path).expect_err("a folder");
        assert!(
            matches!(e, LoadError::IsDirectory { .. }),
            "{}: {e}",
            variant(&e)
        );
        assert!(
            message_problem(&path, &e).is_none(),
            "{:?}",
            message_problem(&path, &e)
        );
    }
}

#[test]
fn a_missing_file_is_not_found() {
    let dir = tempdir();
    let path = dir.path().join("no-such-scenario.ron");
    let e = io::load(&path).expect_err("missing file");
    assert!(
        matches!(e, LoadError::NotFound { .. }),
        "{}: {e}",
        variant(&e)
    );
    assert!(
        message_problem(&path, &e).is_none(),
        "{:?}",
        message_problem(&path, &e)
    );
}

#[test]
fn a_file_over_64_mib_is_too_large() {
    let dir = tempdir();
    let path = dir.path().join("too-large.ron");
    let f = fs::File::create(&path).unwrap();
    f.set_len(64 * 1024 * 1024 + 1).unwrap();
    drop(f);
    let e = io::load(&path).expect_err("too large");
    match &e {
        LoadError::TooLarge { size, limit, .. } => {
            assert_eq!(*size, 64 * 1024 * 1024 + 1);
            assert_eq!(*limit, MAX_FILE_BYTES);
            assert_eq!(MAX_FILE_BYTES, 64 * 1024 * 1024);
        }
        other => panic!("expected TooLarge, got {}: {other}", variant(other)),
    }
    assert!(
        message_problem(&path, &e).is_none(),
        "{:?}",
        message_problem(&path, &e)
    );
    assert!(matches!(
        io::read_bounded(&path),
        Err(LoadError::TooLarge { .. })
    ));
}

#[test]
fn a_huge_file_is_refused_before_reading() {
    // A sparse 1 GiB file: had it been read, the size seen would be at most the limit plus one.
    let dir = tempdir();
    let path = dir.path().join("one-gib.ron");
    let f = fs::File::create(&path).unwrap();
    f.set_len(1 << 30).unwrap();
    drop(f);
    match io::load(&path) {
        Err(LoadError::TooLarge { size, .. }) => {
            assert_eq!(size, 1 << 30, "the size comes from the metadata");
        }
        Err(e) => panic!("expected TooLarge, got {}: {e}", variant(&e)),
        Ok(_) => panic!("a 1 GiB file loaded"),
    }
}

#[test]
fn a_file_of_exactly_64_mib_is_read() {
    // The limit is inclusive: exactly 64 MiB is read (and, being NUL bytes, fails to parse).
    let dir = tempdir();
    let path = dir.path().join("exactly-64-mib.ron");
    let f = fs::File::create(&path).unwrap();
    f.set_len(MAX_FILE_BYTES).unwrap();
    drop(f);
    let bytes = io::read_bounded(&path).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(bytes.len() as u64, MAX_FILE_BYTES);
    match io::load(&path) {
        Err(LoadError::Parse {
            line: 1, column: 1, ..
        }) => {}
        Err(e) => panic!("expected a parse error at 1:1, got {}: {e}", variant(&e)),
        Ok(_) => panic!("NUL bytes loaded"),
    }
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_is_an_io_error() {
    use std::os::unix::fs::PermissionsExt;
    if !unprivileged::run_as_nobody("an_unreadable_file_is_an_io_error") {
        return;
    }
    let dir = tempdir();
    let path = dir.path().join("secret.ron");
    write(
        &path,
        "(format_version: 1, title: \"x\", host: (name: \"y\"))",
    );
    fs::set_permissions(&path, fs::Permissions::from_mode(0o000)).unwrap();
    let e = io::load(&path).expect_err("unreadable");
    assert!(matches!(e, LoadError::Io { .. }), "{}: {e}", variant(&e));
    assert!(
        message_problem(&path, &e).is_none(),
        "{:?}",
        message_problem(&path, &e)
    );
}

/// Permission tests must assert for real, and CI runs as root, for whom file permissions are not
/// enforced. So a permission test, when run as root, runs itself again in a child process as the
/// unprivileged user `nobody` (through util-linux's `setpriv`), and passes only when that child
/// ran it and passed. When the case cannot be built (no `setpriv`, the child still privileged),
/// the test fails: it never skips.
#[cfg(unix)]
mod unprivileged {
    use std::fs;
    use std::os::unix::fs::PermissionsExt;
    use std::process::Command;

    /// Set in the child, so it runs the test body instead of spawning again.
    const CHILD: &str = "PEACEOPS_TEST_UNPRIVILEGED_CHILD";
    /// The user and group id of `nobody` on Debian and most Linux systems.
    const NOBODY: &str = "65534";

    /// Whether this process has file permissions enforced on it (it is not root).
    pub fn enforced() -> bool {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let probe = dir.path().join("probe");
        fs::write(&probe, "x").expect("write probe");
        fs::set_permissions(&probe, fs::Permissions::from_mode(0o000)).expect("chmod probe");
        fs::File::open(&probe).is_err()
    }

    /// Returns `true` when the caller should run the test body here (this process is
    /// unprivileged); otherwise runs `test` as `nobody` in a child process, asserts that it ran and
    /// passed, and returns `false`.
    pub fn run_as_nobody(test: &str) -> bool {
        if std::env::var_os(CHILD).is_some() {
            assert!(
                enforced(),
                "the child process still has file permissions waived"
            );
            return true;
        }
        if enforced() {
            return true;
        }
        // The test binary may sit in a folder `nobody` cannot enter (a checkout under /root):
        // run a copy from a fresh folder it can.
        let exe = std::env::current_exe().expect("the test binary's path");
        let dir = tempfile::tempdir().expect("a temporary folder");
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).expect("chmod");
        let copy = dir.path().join("test-binary");
        fs::copy(&exe, &copy).expect("copy the test binary");
        fs::set_permissions(&copy, fs::Permissions::from_mode(0o755)).expect("chmod");
        let out = Command::new("setpriv")
            .args([
                &format!("--reuid={NOBODY}"),
                &format!("--regid={NOBODY}"),
                "--clear-groups",
                "--",
            ])
            .arg(&copy)
            .args(["--exact", test, "--test-threads=1", "--nocapture"])
            .env(CHILD, "1")
            .env("TMPDIR", "/tmp")
            .output()
            .unwrap_or_else(|e| {
                panic!(
                    "cannot run {test} unprivileged: `setpriv` (util-linux) failed to start: {e}"
                )
            });
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            out.status.success() && stdout.contains("1 passed"),
            "{test} as nobody: {}\n--- stdout\n{stdout}\n--- stderr\n{stderr}",
            out.status
        );
        false
    }
}

// ---------------------------------------------------------------------------------------------
// Invalid (parsable but self-contradicting) files
// ---------------------------------------------------------------------------------------------

fn counts(kinds: impl IntoIterator<Item = ProblemKind>) -> BTreeMap<String, usize> {
    let mut m = BTreeMap::new();
    for k in kinds {
        *m.entry(format!("{k:?}")).or_insert(0) += 1;
    }
    m
}

#[test]
fn invalid_table_and_folder_agree() {
    let on_disk = file_names(INVALID);
    let mut in_table: Vec<String> = INVALID_TABLE.iter().map(|(n, _)| (*n).to_owned()).collect();
    in_table.sort();
    assert_eq!(on_disk, in_table, "tests/invalid/ and INVALID_TABLE differ");
}

#[test]
fn invalid_files_load_and_report_every_problem() {
    let cat = Catalogue::builtin().expect("catalogue");
    let mut failures = Vec::new();
    for (name, expected) in INVALID_TABLE {
        let path = Path::new(INVALID).join(name);
        let s = match load_caught(&path) {
            Err(panic) => {
                failures.push(format!("{name}: PANICKED: {panic}"));
                continue;
            }
            Ok(Err(e)) => {
                failures.push(format!("{name}: does not load: {e}"));
                continue;
            }
            Ok(Ok(s)) => s,
        };
        let problems = match catch_unwind(AssertUnwindSafe(|| validate(&s, Some(cat)))) {
            Ok(p) => p,
            Err(_) => {
                failures.push(format!("{name}: validate PANICKED"));
                continue;
            }
        };
        let got = counts(problems.iter().map(|p| p.kind));
        let want = counts(
            expected
                .iter()
                .flat_map(|(k, n)| std::iter::repeat_n(*k, *n)),
        );
        if got != want {
            failures.push(format!(
                "{name}: expected {want:?}, got {got:?}:\n  {}",
                problems
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("\n  ")
            ));
        }
        for p in &problems {
            let text = p.to_string();
            if p.location.trim().is_empty() || p.message.trim().is_empty() || text.contains('\n') {
                failures.push(format!(
                    "{name}: problem without a one-line location and message: {p:?}"
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn nan_and_infinite_positions_parse() {
    for name in [
        "position-nan.ron",
        "position-infinite.ron",
        "position-1e400.ron",
    ] {
        let s = io::load(&Path::new(INVALID).join(name)).unwrap_or_else(|e| panic!("{e}"));
        assert!(
            s.activities
                .iter()
                .any(|a| !a.x.is_finite() || !a.y.is_finite()),
            "{name}: expected a non-finite position"
        );
    }
}

#[test]
fn problems_name_the_entity() {
    let s = io::load(&Path::new(INVALID).join("dangling-ids.ron")).unwrap();
    let problems = validate(&s, None);
    let all: String = problems.iter().map(|p| format!("{p}\n")).collect();
    for word in ["act-1", "unmik", "smugglers", "south", "interpol"] {
        assert!(all.contains(word), "{word:?} not named in:\n{all}");
    }
    for word in ["\"clan\"", "\"kp\""] {
        assert!(
            !all.contains(word),
            "{word} exists and must not be reported:\n{all}"
        );
    }
}

#[test]
fn template_check_is_skipped_without_a_catalogue() {
    let s = io::load(&Path::new(INVALID).join("bad-template.ron")).unwrap();
    assert!(validate(&s, None).is_empty());
    let s = io::load(&Path::new(INVALID).join("many-problems.ron")).unwrap();
    let with = validate(&s, Some(Catalogue::builtin().unwrap())).len();
    let without = validate(&s, None).len();
    assert_eq!(
        with,
        without + 1,
        "only the template problem depends on the catalogue"
    );
}

#[test]
fn validate_reports_all_problems_in_a_built_scenario() {
    // Built in code: one problem of every kind at once.
    let mut s = Scenario::new("All at once");
    s.timeline = Some(Timeline {
        start: ym("2010-01"),
        end: ym("2009-01"),
    });
    let mut m = Mission::new(MissionId::from("m"), "M", ym("2010-01"));
    m.predecessor = Some(MissionId::from("m"));
    s.missions.push(m);
    s.missions
        .push(Mission::new(MissionId::from("m"), "M again", ym("2010-01")));
    s.actors.push(Actor {
        id: ActorId::from("has space"),
        name: "A".into(),
        kind: ActorKind::Other,
        notes: String::new(),
        sources: Vec::new(),
    });
    let mut a = Activity::new(ActivityId::from("a"), "A", f64::NAN, 2.0);
    a.mission = Some(MissionId::from("nowhere"));
    s.activities.push(a);
    let got = counts(validate(&s, None).into_iter().map(|p| p.kind));
    let want = counts([
        ProblemKind::EndBeforeStart,
        ProblemKind::SelfReference,
        ProblemKind::DuplicateId,
        ProblemKind::BadId,
        ProblemKind::PositionOutOfRange,
        ProblemKind::PositionOutOfRange,
        ProblemKind::DanglingReference,
    ]);
    assert_eq!(got, want);
}

// ---------------------------------------------------------------------------------------------
// Reference scenarios
// ---------------------------------------------------------------------------------------------

#[test]
fn reference_scenarios_load_and_validate() {
    let cat = Catalogue::builtin().expect("catalogue");
    let mut failures = Vec::new();
    for path in reference_scenarios() {
        match load_caught(&path) {
            Err(panic) => failures.push(format!("{}: PANICKED: {panic}", path.display())),
            Ok(Err(e)) => failures.push(format!("{e}")),
            Ok(Ok(s)) => {
                let problems = validate(&s, Some(cat));
                if !problems.is_empty() {
                    failures.push(format!(
                        "{}: {} problem(s):\n  {}",
                        path.display(),
                        problems.len(),
                        problems
                            .iter()
                            .map(ToString::to_string)
                            .collect::<Vec<_>>()
                            .join("\n  ")
                    ));
                }
                if s.format_version != peaceops::model::FORMAT_VERSION {
                    failures.push(format!(
                        "{}: format_version {}",
                        path.display(),
                        s.format_version
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn reference_scenarios_round_trip() {
    let dir = tempdir();
    let mut failures = Vec::new();
    for path in reference_scenarios() {
        let shown = path.display().to_string();
        let Ok(original) = io::load(&path) else {
            failures.push(format!(
                "{shown}: does not load (see reference_scenarios_load_and_validate)"
            ));
            continue;
        };
        let name = path.file_name().unwrap();
        let first = dir.path().join("first").join(name);
        let second = dir.path().join("second").join(name);
        fs::create_dir_all(first.parent().unwrap()).unwrap();
        fs::create_dir_all(second.parent().unwrap()).unwrap();
        if let Err(e) = io::save(&first, &original) {
            failures.push(format!("{shown}: save failed: {e}"));
            continue;
        }
        let reloaded = match io::load(&first) {
            Ok(s) => s,
            Err(e) => {
                failures.push(format!("{shown}: the saved file does not load: {e}"));
                continue;
            }
        };
        if reloaded != original {
            failures.push(format!("{shown}: load → save → load is not equal"));
        }
        let first_bytes = fs::read(&first).unwrap();
        let text = io::to_ron(&original).expect("to_ron");
        if text.as_bytes() != first_bytes {
            failures.push(format!("{shown}: save did not write exactly to_ron's text"));
        }
        io::save(&second, &reloaded).expect("second save");
        if fs::read(&second).unwrap() != first_bytes {
            failures.push(format!(
                "{shown}: saving twice does not give identical bytes"
            ));
        }
        if io::to_ron(&reloaded).expect("to_ron") != text {
            failures.push(format!("{shown}: to_ron is not stable across a round trip"));
        }
        if temp_files(first.parent().unwrap()).len() + temp_files(second.parent().unwrap()).len()
            > 0
        {
            failures.push(format!("{shown}: temp files left behind"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_rich_scenario_round_trips() {
    let dir = tempdir();
    let path = dir.path().join("rich.ron");
    let s = rich_scenario();
    assert!(validate(&s, None).is_empty(), "{:#?}", validate(&s, None));
    io::save(&path, &s).unwrap_or_else(|e| panic!("{e}"));
    let back = io::load(&path).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(back, s);
    assert_eq!(
        back.activities[0].x.to_bits(),
        s.activities[0].x.to_bits(),
        "floats round-trip exactly"
    );
    assert_eq!(back.missions[0].personnel, u32::MAX);
    let text = io::to_ron(&s).unwrap();
    assert_eq!(io::parse(&text, &path).unwrap(), s, "parse(to_ron(s)) == s");
    assert_eq!(
        text.as_bytes(),
        fs::read(&path).unwrap(),
        "save writes to_ron's text"
    );
    assert!(text.ends_with('\n'));
}

#[test]
fn a_crlf_reference_scenario_loads_the_same() {
    let dir = tempdir();
    for path in reference_scenarios() {
        let Ok(original) = io::load(&path) else {
            continue;
        };
        let text = fs::read_to_string(&path).unwrap();
        let crlf = dir.path().join(path.file_name().unwrap());
        write(&crlf, text.replace("\r\n", "\n").replace('\n', "\r\n"));
        match io::load(&crlf) {
            Ok(s) => assert_eq!(s, original, "{}", path.display()),
            Err(e) => panic!("{}: with CRLF line endings: {e}", path.display()),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Saving
// ---------------------------------------------------------------------------------------------

fn assert_save_error_message(path: &Path, e: &SaveError) {
    let msg = e.to_string();
    assert!(!msg.contains('\n'), "one line: {msg:?}");
    assert!(
        msg.starts_with(&path.display().to_string()),
        "starts with the path: {msg:?}"
    );
}

#[test]
fn saving_into_a_missing_folder_fails_and_creates_nothing() {
    let dir = tempdir();
    let path = dir
        .path()
        .join("missing")
        .join("deeper")
        .join("scenario.ron");
    let e = io::save(&path, &rich_scenario()).expect_err("no such folder");
    assert!(matches!(e, SaveError::Io { .. }), "{e}");
    assert_save_error_message(&path, &e);
    assert!(
        !dir.path().join("missing").exists(),
        "the folder was created"
    );
    assert!(
        listing(dir.path()).is_empty(),
        "something was created: {:?}",
        listing(dir.path())
    );
}

#[test]
fn saving_replaces_the_content_and_leaves_no_temp_files() {
    let dir = tempdir();
    let path = dir.path().join("scenario.ron");
    write(
        &path,
        "old content, much longer than it needs to be ".repeat(10_000),
    );
    let s = rich_scenario();
    io::save(&path, &s).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        fs::read(&path).unwrap(),
        io::to_ron(&s).unwrap().into_bytes()
    );
    assert_eq!(io::load(&path).unwrap(), s);
    // The previous version is kept beside it as FILE.ron.bak; nothing else is left.
    assert_eq!(
        listing(dir.path()),
        vec!["scenario.ron".to_owned(), "scenario.ron.bak".to_owned()]
    );
    assert_eq!(
        fs::read_to_string(io::backup_path(&path)).unwrap(),
        "old content, much longer than it needs to be ".repeat(10_000)
    );
    // Again, over the file it just wrote: the backup is now the first save.
    let mut s2 = s.clone();
    s2.title = "Second".into();
    io::save(&path, &s2).unwrap();
    assert_eq!(io::load(&path).unwrap(), s2);
    assert_eq!(io::load(&io::backup_path(&path)).unwrap(), s);
    assert_eq!(
        listing(dir.path()),
        vec!["scenario.ron".to_owned(), "scenario.ron.bak".to_owned()]
    );
}

#[cfg(unix)]
#[test]
fn saving_keeps_an_existing_files_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempdir();
    // A read-only file (0444) is refused instead: see tests/saves.rs.
    for mode in [0o600, 0o640, 0o664, 0o644] {
        let path = dir.path().join(format!("mode-{mode:o}.ron"));
        write(&path, "old");
        fs::set_permissions(&path, fs::Permissions::from_mode(mode)).unwrap();
        io::save(&path, &rich_scenario()).unwrap_or_else(|e| panic!("mode {mode:o}: {e}"));
        let got = fs::metadata(&path).unwrap().permissions().mode() & 0o7777;
        assert_eq!(got, mode, "mode {mode:o} became {got:o}");
        assert_eq!(io::load(&path).unwrap(), rich_scenario());
    }
    assert!(temp_files(dir.path()).is_empty());
}

#[cfg(unix)]
#[test]
fn a_new_file_gets_the_usual_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempdir();
    let usual = dir.path().join("usual");
    fs::File::create(&usual).unwrap();
    let path = dir.path().join("new.ron");
    io::save(&path, &rich_scenario()).unwrap();
    let want = fs::metadata(&usual).unwrap().permissions().mode() & 0o7777;
    let got = fs::metadata(&path).unwrap().permissions().mode() & 0o7777;
    assert_eq!(
        got, want,
        "a new scenario file has mode {got:o}, a new file {want:o}"
    );
}

#[cfg(unix)]
#[test]
fn saving_through_a_symlink_keeps_the_link() {
    let dir = tempdir();
    let real = dir.path().join("real.ron");
    let link = dir.path().join("link.ron");
    write(&real, "old");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    io::save(&link, &rich_scenario()).unwrap();
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink(),
        "the link was replaced by a file"
    );
    assert_eq!(io::load(&real).unwrap(), rich_scenario());
    assert!(temp_files(dir.path()).is_empty());
}

#[cfg(unix)]
#[test]
fn a_save_that_cannot_create_its_temp_file_leaves_the_old_file() {
    use std::os::unix::fs::PermissionsExt;
    if !unprivileged::run_as_nobody("a_save_that_cannot_create_its_temp_file_leaves_the_old_file") {
        return;
    }
    let dir = tempdir();
    let folder = dir.path().join("read-only");
    fs::create_dir(&folder).unwrap();
    let path = folder.join("scenario.ron");
    let old = b"(format_version: 1, title: \"old\", host: (name: \"Kosovo\"))\n";
    write(&path, old);
    fs::set_permissions(&folder, fs::Permissions::from_mode(0o555)).unwrap();
    let result = io::save(&path, &rich_scenario());
    fs::set_permissions(&folder, fs::Permissions::from_mode(0o755)).unwrap();
    let e = result.expect_err("a read-only folder");
    assert!(matches!(e, SaveError::Io { .. }), "{e}");
    assert_save_error_message(&path, &e);
    assert!(e.to_string().contains("unchanged"), "{e}");
    assert_eq!(fs::read(&path).unwrap(), old, "the old file changed");
    assert_eq!(
        listing(&folder),
        vec!["scenario.ron".to_owned()],
        "temp files left behind"
    );
}

#[test]
fn a_save_whose_temp_name_is_too_long_is_atomic() {
    // A file name of 250 bytes is allowed, but a temp name built from it may not be: then the save
    // must fail cleanly (old file intact) or succeed; either way no temp file remains.
    let dir = tempdir();
    let path = dir.path().join(format!("{}.ron", "k".repeat(246)));
    let old = b"(format_version: 1, title: \"old\", host: (name: \"Kosovo\"))\n";
    if fs::write(&path, old).is_err() {
        eprintln!("skipped: this file system does not take 250-byte names");
        return;
    }
    match io::save(&path, &rich_scenario()) {
        Ok(()) => assert_eq!(io::load(&path).unwrap(), rich_scenario()),
        Err(e) => {
            assert_save_error_message(&path, &e);
            assert_eq!(fs::read(&path).unwrap(), old, "the old file changed");
        }
    }
    assert_eq!(
        listing(dir.path()).len(),
        1,
        "temp files left: {:?}",
        listing(dir.path())
    );
}

#[test]
fn a_save_that_cannot_rename_leaves_the_target_and_no_temp_files() {
    // The target is a non-empty folder: the temp file is written, the rename fails.
    let dir = tempdir();
    let target = dir.path().join("scenario.ron");
    fs::create_dir(&target).unwrap();
    write(&target.join("inside.txt"), "keep me");
    let e = io::save(&target, &rich_scenario()).expect_err("a folder cannot be replaced");
    assert!(matches!(e, SaveError::Io { .. }), "{e}");
    assert_save_error_message(&target, &e);
    assert!(target.is_dir());
    assert_eq!(
        fs::read_to_string(target.join("inside.txt")).unwrap(),
        "keep me"
    );
    assert_eq!(
        listing(dir.path()),
        vec!["scenario.ron".to_owned()],
        "temp files left behind"
    );
}

#[test]
fn write_atomic_writes_exact_bytes() {
    let dir = tempdir();
    let path = dir.path().join("bytes.bin");
    let bytes = garbage(10_000, 42);
    io::write_atomic(&path, &bytes).unwrap();
    assert_eq!(fs::read(&path).unwrap(), bytes);
    io::write_atomic(&path, b"").unwrap();
    assert_eq!(fs::read(&path).unwrap(), b"");
    assert_eq!(listing(dir.path()), vec!["bytes.bin".to_owned()]);
}

#[test]
fn saving_removes_temp_files_that_killed_saves_left_behind() {
    let dir = tempdir();
    let path = dir.path().join("scenario.ron");
    io::save(&path, &rich_scenario()).unwrap();
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    let make = |name: &str, old: bool| {
        let p = dir.path().join(name);
        write(&p, b"(format_version: 1, title: \"half a sav");
        if old {
            fs::File::options()
                .write(true)
                .open(&p)
                .unwrap()
                .set_modified(hour_ago)
                .unwrap();
        }
    };
    // Left by saves killed mid-write an hour ago: removed.
    make(".scenario.ron.a1B2c3.tmp", true);
    make(".scenario.ron.bak.tmp", true);
    // Maybe another program's save still writing, or not ours: kept.
    make(".scenario.ron.Zz9Yy8.tmp", false);
    make(".scenario.ron.notes.tmp", true);
    make(".other.ron.a1B2c3.tmp", true);
    make("scenario.ron.a1B2c3.tmp", true);

    io::save(&path, &rich_scenario()).unwrap();
    assert_eq!(
        listing(dir.path()),
        vec![
            ".other.ron.a1B2c3.tmp".to_owned(),
            ".scenario.ron.Zz9Yy8.tmp".to_owned(),
            ".scenario.ron.notes.tmp".to_owned(),
            "scenario.ron".to_owned(),
            "scenario.ron.a1B2c3.tmp".to_owned(),
            "scenario.ron.bak".to_owned(),
        ]
    );
    assert_eq!(io::load(&path).unwrap(), rich_scenario());
}
