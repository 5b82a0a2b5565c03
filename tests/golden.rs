//! Golden files: the exact `peaceops check` output, text and JSON, of every shipped scenario and
//! of a scenario with a filled checklist (every status, notes, custom items, a decision whose
//! finding no longer fires). A change to a rule, a sentence or the report layout shows up as a
//! diff of `tests/golden/*.txt` / `*.json`, which is what a reviewer reads.
//!
//! To accept a deliberate change, regenerate them and review the diff:
//!
//! ```sh
//! UPDATE_GOLDEN=1 cargo test --test golden
//! git diff tests/golden
//! ```

#![expect(
    clippy::panic,
    clippy::unwrap_used,
    reason = "test helpers: a failed unwrap or a panic is a failed test"
)]

use std::path::{Path, PathBuf};

use peaceops::cli::check;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The inputs, as paths relative to the repository root (the way a user types them, and so the
/// way they appear in the output).
fn inputs() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("scenarios"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .map(|p| Path::new("scenarios").join(p.file_name().unwrap()))
        .collect();
    files.sort();
    assert!(files.len() >= 5, "the shipped scenarios: {files:?}");
    files.push(PathBuf::from("tests/golden/filled-checklist.ron"));
    files
}

/// Runs `check` from the repository root, as a user in a checkout would.
fn output(file: &Path, json: bool) -> (u8, String) {
    let mut out = Vec::new();
    let mut err = Vec::new();
    let cwd = std::env::current_dir().unwrap();
    assert_eq!(
        cwd.canonicalize().unwrap(),
        root().canonicalize().unwrap(),
        "cargo runs integration tests from the package root"
    );
    let code = check(&[file.to_owned()], json, &mut out, &mut err);
    let err = String::from_utf8(err).unwrap();
    assert!(
        err.is_empty(),
        "{}: unexpected stderr: {err}",
        file.display()
    );
    (code, String::from_utf8(out).unwrap())
}

fn golden_path(file: &Path, ext: &str) -> PathBuf {
    let stem = file.file_stem().unwrap().to_string_lossy();
    root().join("tests/golden").join(format!("{stem}.{ext}"))
}

/// The first line where two texts differ, for a readable failure.
fn first_difference(expected: &str, actual: &str) -> String {
    for (i, (e, a)) in expected.lines().zip(actual.lines()).enumerate() {
        if e != a {
            return format!("line {}:\n  expected: {e}\n  actual:   {a}", i + 1);
        }
    }
    format!(
        "one text is a prefix of the other ({} vs {} lines)",
        expected.lines().count(),
        actual.lines().count()
    )
}

fn compare(file: &Path, ext: &str, actual: &str) -> Option<String> {
    let golden = golden_path(file, ext);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&golden, actual).unwrap();
        return None;
    }
    let expected = std::fs::read_to_string(&golden).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; run `UPDATE_GOLDEN=1 cargo test --test golden` to create it",
            golden.display()
        )
    });
    (expected != actual).then(|| {
        format!(
            "{} differs from the output for {}: {}",
            golden.display(),
            file.display(),
            first_difference(&expected, actual)
        )
    })
}

#[test]
fn check_output_matches_the_golden_files() {
    let mut failures = Vec::new();
    for file in inputs() {
        let (code, text) = output(&file, false);
        assert_eq!(code, 0, "{} is a valid file:\n{text}", file.display());
        let (code, json) = output(&file, true);
        assert_eq!(code, 0, "{}", file.display());
        failures.extend(compare(&file, "txt", &text));
        failures.extend(compare(&file, "json", &json));
    }
    assert!(
        failures.is_empty(),
        "{}\n\nIf the change is deliberate: UPDATE_GOLDEN=1 cargo test --test golden, then review `git diff tests/golden`.",
        failures.join("\n\n")
    );
}

/// No golden file is left over from a scenario that is gone or renamed.
#[test]
fn every_golden_file_has_its_input() {
    let expected: Vec<String> = inputs()
        .iter()
        .flat_map(|f| {
            ["txt", "json"].map(|ext| {
                golden_path(f, ext)
                    .file_name()
                    .unwrap()
                    .to_string_lossy()
                    .into_owned()
            })
        })
        .collect();
    for entry in std::fs::read_dir(root().join("tests/golden")).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if name.ends_with(".ron") {
            continue;
        }
        assert!(
            expected.contains(&name),
            "tests/golden/{name} has no input scenario"
        );
    }
}

/// The filled checklist really exercises what the goldens are meant to pin: every status on a
/// current finding, a note, a decision whose finding no longer fires, custom items of every status.
#[test]
fn the_filled_checklist_covers_every_status() {
    let (_, json) = output(Path::new("tests/golden/filled-checklist.ron"), true);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let file = &v["files"][0];
    let statuses = |list: &serde_json::Value| -> Vec<String> {
        let mut s: Vec<String> = list
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["status"].as_str().unwrap().to_owned())
            .collect();
        s.sort();
        s.dedup();
        s
    };
    let all = ["accepted", "mitigated", "not-applicable", "open"];
    assert_eq!(statuses(&file["findings"]), all);
    assert_eq!(statuses(&file["custom"]), all);
    assert!(!file["resolved"].as_array().unwrap().is_empty());
    assert!(
        file["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["status"] == "open" && f["note"] != ""),
        "an open finding with a note"
    );
}
