//! Every released format version keeps loading.
//!
//! `tests/formats/` holds frozen scenario files, never edited once added:
//!
//! - `vN.ron`: a rich scenario of format version N, written by `io::to_ron` when N was current,
//!   that sets every field of every entity and, between them, uses every value of every list-kind
//!   enum (markets, kinds, capabilities, ...).
//! - `vN-*.ron`: smaller files of version N: the fewest fields a file needs, a hand-written file,
//!   and the host governance and consent values the rich file could not also hold.
//!
//! Each must load (migrated when older), validate with no problems, and say in its text a format
//! version no newer than [`FORMAT_VERSION`]. When the format changes, bump `FORMAT_VERSION`, add a
//! migration, and freeze a `vN.ron` of the new version beside the old files (with a row in
//! `RICH` below); `every_released_version_has_a_frozen_file` fails until then.

#![expect(clippy::panic, reason = "test helpers: a panic is a failed test")]

use std::fs;
use std::path::{Path, PathBuf};

use peaceops::io;
use peaceops::model::{Catalogue, FORMAT_VERSION, Scenario, validate};

const FORMATS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/formats");

/// What each rich `vN.ron` holds, so a migration that loses entities is caught.
struct Rich {
    file: &'static str,
    title_starts: &'static str,
    regions: usize,
    groups: usize,
    missions: usize,
    actors: usize,
    activities: usize,
    findings: usize,
    custom: usize,
}

const RICH: &[Rich] = &[
    Rich {
        file: "v1.ron",
        title_starts: "Format version 1, frozen: every field of every entity",
        regions: 4,
        groups: 3,
        missions: 9,
        actors: 15,
        activities: 5,
        findings: 4,
        custom: 2,
    },
    Rich {
        file: "v2.ron",
        title_starts: "Format version 2, frozen: every field of every entity",
        regions: 4,
        groups: 3,
        missions: 9,
        actors: 15,
        activities: 5,
        findings: 4,
        custom: 2,
    },
    Rich {
        file: "v3.ron",
        title_starts: "Format version 3, frozen: every field of every entity",
        regions: 4,
        groups: 3,
        missions: 9,
        actors: 15,
        activities: 5,
        findings: 4,
        custom: 2,
    },
    Rich {
        file: "v4.ron",
        title_starts: "Format version 4, frozen: every field of every entity",
        regions: 4,
        groups: 3,
        missions: 9,
        actors: 15,
        activities: 5,
        findings: 4,
        custom: 2,
    },
];

/// Every `.ron` file in `tests/formats/`, sorted.
fn frozen_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(FORMATS)
        .unwrap_or_else(|e| panic!("cannot list {FORMATS}: {e}"))
        .map(|entry| {
            entry
                .unwrap_or_else(|e| panic!("cannot list {FORMATS}: {e}"))
                .path()
        })
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no frozen files in {FORMATS}");
    files
}

fn name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The number after the top-level `format_version:` in a file's text (comments skipped).
fn version_in_text(text: &str) -> Option<u32> {
    let code: String = text
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n");
    let after = code.split_once("format_version")?.1.trim_start();
    let digits: String = after
        .strip_prefix(':')?
        .trim_start()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

/// The version a file's name claims: `v12.ron` and `v12-anything.ron` claim 12.
fn version_in_name(file: &str) -> Option<u32> {
    let rest = file.strip_prefix('v')?.strip_suffix(".ron")?;
    let digits = rest.split('-').next()?;
    digits.parse().ok()
}

#[test]
fn the_version_parser_reads_what_it_should() {
    assert_eq!(
        version_in_text("// format_version: 9\n(\n    format_version: 1,\n"),
        Some(1)
    );
    assert_eq!(
        version_in_text("(format_version:12, title: \"\")"),
        Some(12)
    );
    assert_eq!(version_in_text("(title: \"\")"), None);
    assert_eq!(version_in_name("v1.ron"), Some(1));
    assert_eq!(version_in_name("v23-minimal.ron"), Some(23));
    assert_eq!(version_in_name("old.ron"), None);
}

#[test]
fn frozen_files_load_and_validate() {
    let catalogue = Catalogue::builtin().unwrap_or_else(|e| panic!("{e}"));
    let mut failures = Vec::new();
    for path in frozen_files() {
        let file = name(&path);
        let text = read(&path);
        match version_in_text(&text) {
            None => failures.push(format!("{file}: no `format_version: N` in the text")),
            Some(v) if v == 0 || v > FORMAT_VERSION => failures.push(format!(
                "{file}: format_version {v} is not a released version (1 to {FORMAT_VERSION})"
            )),
            Some(v) if version_in_name(&file) != Some(v) => failures.push(format!(
                "{file}: the name should start with `v{v}` (its format_version) then `.ron` or `-`"
            )),
            Some(_) => {}
        }
        let scenario = match io::load(&path) {
            Ok(s) => s,
            Err(e) => {
                failures.push(format!("{file}: does not load: {e}"));
                continue;
            }
        };
        if scenario.format_version != FORMAT_VERSION {
            failures.push(format!(
                "{file}: loaded as version {}, not migrated to {FORMAT_VERSION}",
                scenario.format_version
            ));
        }
        // Warnings (an activity dated outside its mission) do not make a file invalid.
        for p in validate(&scenario, Some(catalogue))
            .into_iter()
            .filter(|p| p.is_error())
        {
            failures.push(format!("{file}: {p}"));
        }
        // The rules read every field; on an old file they still speak only of what is in it.
        for f in peaceops::rules::evaluate(&scenario) {
            let ids: Vec<String> = f.entities(&scenario).iter().map(|e| e.key()).collect();
            for id in ids.iter().filter(|id| !id.starts_with("link:")) {
                if !scenario.all_ids().any(|known| known == id) {
                    failures.push(format!(
                        "{file}: {:?} names {id:?}, not in the file",
                        f.rule
                    ));
                }
            }
            if f.message(&scenario).trim().is_empty() {
                failures.push(format!("{file}: {:?} has no sentence", f.rule));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_released_version_has_a_frozen_file() {
    let names: Vec<String> = frozen_files().iter().map(|p| name(p)).collect();
    for v in 1..=FORMAT_VERSION {
        let rich = format!("v{v}.ron");
        assert!(
            names.contains(&rich),
            "format version {v} has no frozen file tests/formats/{rich}: write a scenario that \
             sets every field with io::to_ron and save it there"
        );
        assert!(
            RICH.iter().any(|r| r.file == rich),
            "tests/formats/{rich} has no row in RICH (tests/formats.rs)"
        );
    }
}

fn counts(s: &Scenario) -> [usize; 7] {
    [
        s.host.regions.len(),
        s.groups.len(),
        s.missions.len(),
        s.actors.len(),
        s.activities.len(),
        s.checklist.findings.len(),
        s.checklist.custom.len(),
    ]
}

#[test]
fn rich_files_keep_their_content() {
    for r in RICH {
        let path = Path::new(FORMATS).join(r.file);
        let s = io::load(&path).unwrap_or_else(|e| panic!("{e}"));
        assert!(
            s.title.starts_with(r.title_starts),
            "{}: title {:?}",
            r.file,
            s.title
        );
        let want = [
            r.regions,
            r.groups,
            r.missions,
            r.actors,
            r.activities,
            r.findings,
            r.custom,
        ];
        assert_eq!(
            counts(&s),
            want,
            "{}: regions, groups, missions, actors, activities, findings, custom items",
            r.file
        );
        assert!(
            s.timeline.is_some() && s.host.minimal_security.is_some(),
            "{}: optional fields lost",
            r.file
        );
        // Milestones came with version 3: older files have none, newer ones keep theirs.
        let since_v3 = r.file != "v1.ron" && r.file != "v2.ron";
        assert_eq!(
            s.milestones.len(),
            if since_v3 { 2 } else { 0 },
            "{}: milestones",
            r.file
        );
        // Options came with version 4: an older file is one option, the current plan, holding
        // every activity and checklist entry it had (counted above, in the working copy).
        let current = s
            .current_option()
            .unwrap_or_else(|| panic!("{}: no current option", r.file));
        assert!(current.activities.is_empty(), "{}", r.file);
        if r.file == "v4.ron" {
            let names: Vec<&str> = s.options.iter().map(|o| o.id.as_str()).collect();
            assert_eq!(names, ["current", "option-b", "option-c"], "{}", r.file);
            let b = &s.options[1];
            assert_eq!(
                (
                    b.activities.len(),
                    b.checklist.findings.len(),
                    b.checklist.custom.len(),
                    b.missions.len()
                ),
                (4, 1, 1, 2),
                "{}: option B",
                r.file
            );
            assert_eq!(
                s.runs[0].option.as_ref().map(|o| o.as_str()),
                Some("option-b")
            );
        } else {
            assert_eq!(s.options.len(), 1, "{}: options", r.file);
            assert_eq!(
                (current.id.as_str(), current.name.as_str()),
                ("current", "Current plan"),
                "{}",
                r.file
            );
        }
    }
}

#[test]
fn every_older_file_migrates_to_one_option_keeping_every_activity_and_decision() {
    // The migration to options must not lose a single activity or checklist entry of any
    // frozen file, rich or small: each is compared with the file's own text parsed alone.
    for path in frozen_files() {
        let file = name(&path);
        let text = read(&path);
        if version_in_text(&text).is_none_or(|v| v >= 4) {
            continue;
        }
        let s = io::load(&path).unwrap_or_else(|e| panic!("{file}: {e}"));
        let raw: ron::Value = ron::Options::default()
            .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
            .from_str(&text)
            .unwrap_or_else(|e| panic!("{file}: {e}"));
        let activities = count_in(&raw, &["activities"]);
        let decisions = count_in(&raw, &["checklist", "findings"]);
        let custom = count_in(&raw, &["checklist", "custom"]);
        assert_eq!(s.options.len(), 1, "{file}");
        assert!(s.current_option().is_some(), "{file}");
        assert_eq!(
            (
                s.activities.len(),
                s.checklist.findings.len(),
                s.checklist.custom.len()
            ),
            (activities, decisions, custom),
            "{file}: activities, decisions and custom items after migration"
        );
    }
}

/// The length of the list at a path of field names in a parsed RON value (0 when absent).
fn count_in(v: &ron::Value, path: &[&str]) -> usize {
    let mut v = v;
    for field in path {
        let ron::Value::Map(m) = v else { return 0 };
        let Some(next) = m.get(&ron::Value::String((*field).to_owned())) else {
            return 0;
        };
        v = next;
    }
    match v {
        ron::Value::Seq(items) => items.len(),
        _ => 0,
    }
}

#[test]
fn the_current_rich_file_saves_back_byte_for_byte() {
    // Written by to_ron when its version was current: while it still is, saving it again must
    // give the same bytes (the writer has not changed what it writes).
    let path = Path::new(FORMATS).join(format!("v{FORMAT_VERSION}.ron"));
    let text = read(&path);
    let s = io::parse(&text, &path).unwrap_or_else(|e| panic!("{e}"));
    let again = io::to_ron(&s).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        again == text,
        "{}: to_ron no longer writes this file's bytes; if the format changed, bump FORMAT_VERSION \
         and freeze a new file instead of editing this one",
        path.display()
    );
}
