//! The real `peaceops` binary: `peaceops check FILE...` and `--json`, with exit codes
//! 0 (valid), 1 (problems), 2 (unreadable or usage error).

#![expect(
    clippy::panic,
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "test helpers: a failed unwrap or a panic is a failed test"
)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use peaceops::io;
use peaceops::model::{Catalogue, validate};
use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_peaceops");
const ROOT: &str = env!("CARGO_MANIFEST_DIR");
const MALFORMED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/malformed");
const INVALID: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/invalid");
const SCENARIOS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/scenarios");

fn files_in(dir: &str, ext: Option<&str>) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot list {dir}: {e}"))
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_file())
        .filter(|p| ext.is_none_or(|x| p.extension().is_some_and(|e| e == x)))
        .collect();
    v.sort();
    v
}

fn references() -> Vec<PathBuf> {
    let v = files_in(SCENARIOS, Some("ron"));
    assert!(!v.is_empty(), "no scenarios/*.ron");
    v
}

fn malformed(name: &str) -> PathBuf {
    Path::new(MALFORMED).join(name)
}

fn invalid(name: &str) -> PathBuf {
    Path::new(INVALID).join(name)
}

fn run<I, S>(args: I) -> Output
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    Command::new(BIN)
        .args(args)
        .current_dir(ROOT)
        .output()
        .expect("run peaceops")
}

fn check<P: AsRef<Path>>(files: &[P], json: bool) -> Output {
    let mut args: Vec<std::ffi::OsString> = vec!["check".into()];
    if json {
        args.push("--json".into());
    }
    args.extend(files.iter().map(|f| f.as_ref().as_os_str().to_owned()));
    run(args)
}

fn code(o: &Output) -> i32 {
    o.status.code().expect("exited normally, not by a signal")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("stderr is UTF-8")
}

fn describe(o: &Output) -> String {
    format!(
        "exit {:?}\n--- stdout\n{}\n--- stderr\n{}",
        o.status.code(),
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

fn assert_no_panic(o: &Output) {
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(!err.contains("panicked"), "{}", describe(o));
    assert!(!err.contains("RUST_BACKTRACE"), "{}", describe(o));
}

fn json(o: &Output) -> Value {
    serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("--json output is not JSON ({e}):\n{}", describe(o)))
}

// ---------------------------------------------------------------------------------------------
// Exit codes and text output
// ---------------------------------------------------------------------------------------------

#[test]
fn reference_scenarios_check_clean() {
    let all = references();
    let o = check(&all, false);
    assert_no_panic(&o);
    assert_eq!(code(&o), 0, "{}", describe(&o));
    let out = stdout(&o);
    for path in &all {
        assert!(
            out.contains(&path.display().to_string()),
            "{} not reported:\n{out}",
            path.display()
        );
    }
    assert_eq!(
        out.matches("valid: no problems").count(),
        all.len(),
        "{out}"
    );
    assert!(stderr(&o).is_empty(), "{}", describe(&o));
    // One at a time too.
    for path in &all {
        let o = check(&[path], false);
        assert_eq!(code(&o), 0, "{}: {}", path.display(), describe(&o));
    }
}

#[test]
fn an_invalid_file_exits_1_and_prints_its_problems() {
    let cat = Catalogue::builtin().unwrap();
    for name in [
        "many-problems.ron",
        "dangling-ids.ron",
        "position-nan.ron",
        "predecessor-loop.ron",
    ] {
        let path = invalid(name);
        let o = check(&[&path], false);
        assert_no_panic(&o);
        assert_eq!(code(&o), 1, "{name}: {}", describe(&o));
        let out = stdout(&o);
        let problems = validate(&io::load(&path).unwrap(), Some(cat));
        assert!(!problems.is_empty());
        assert!(
            out.contains(&format!("{} problem(s)", problems.len())),
            "{name}:\n{out}"
        );
        for p in &problems {
            assert!(
                out.contains(&p.to_string()),
                "{name}: problem {p} not printed:\n{out}"
            );
        }
    }
}

#[test]
fn every_invalid_file_exits_1() {
    for path in files_in(INVALID, None) {
        let o = check(&[&path], false);
        assert_no_panic(&o);
        assert_eq!(code(&o), 1, "{}: {}", path.display(), describe(&o));
    }
}

/// Checks that `line` is `path:line:column: message` with positive numbers and a message.
fn assert_positioned(line: &str, path: &str) -> (usize, usize) {
    let rest = line
        .strip_prefix(path)
        .and_then(|r| r.strip_prefix(':'))
        .unwrap_or_else(|| panic!("{line:?} does not start with {path:?}:"));
    let mut parts = rest.splitn(3, ':');
    let l: usize = parts
        .next()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no line number in {line:?}"));
    let c: usize = parts
        .next()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no column in {line:?}"));
    let msg = parts
        .next()
        .unwrap_or_else(|| panic!("no message in {line:?}"));
    assert!(l >= 1 && c >= 1, "{line:?}");
    assert!(msg.starts_with(' ') && !msg.trim().is_empty(), "{line:?}");
    (l, c)
}

#[test]
fn a_malformed_file_exits_2_with_one_positioned_line() {
    let cases = [
        ("unknown-field-typo.ron", 10),
        ("truncated-mid-list.ron", 11),
        ("bad-date-yesterday.ron", 11),
        ("trailing-garbage.ron", 6),
        ("invalid-utf8-in-title.ron", 3),
        ("binary-png-header.ron", 1),
    ];
    for (name, want_line) in cases {
        let path = malformed(name);
        let shown = path.display().to_string();
        let o = check(&[&path], false);
        assert_no_panic(&o);
        assert_eq!(code(&o), 2, "{name}: {}", describe(&o));
        let err = stderr(&o);
        assert!(err.ends_with('\n'), "{name}: {err:?}");
        assert_eq!(
            err.lines().count(),
            1,
            "{name}: stderr is not one line: {err:?}"
        );
        let line = err.trim_end_matches('\n');
        let (l, _) = assert_positioned(line, &shown);
        assert_eq!(l, want_line, "{name}: {line}");
        let e = io::load(&path).unwrap_err();
        assert_eq!(line, e.to_string(), "{name}: the CLI prints the load error");
        assert!(stdout(&o).is_empty(), "{name}: {}", describe(&o));
    }
}

#[test]
fn a_relative_path_is_reported_as_given() {
    let given = "tests/malformed/unknown-field-typo.ron";
    let o = run(["check", given]);
    assert_eq!(code(&o), 2, "{}", describe(&o));
    let err = stderr(&o);
    let (l, _) = assert_positioned(err.trim_end(), given);
    assert_eq!(l, 10);
}

#[test]
fn every_malformed_file_exits_2_without_panicking() {
    let mut failures = Vec::new();
    for path in files_in(MALFORMED, None) {
        let shown = path.display().to_string();
        let o = check(&[&path], false);
        let err = String::from_utf8_lossy(&o.stderr).into_owned();
        if err.contains("panicked") || o.status.code().is_none() {
            failures.push(format!("{shown}: crashed: {}", describe(&o)));
            continue;
        }
        if o.status.code() != Some(2) {
            failures.push(format!("{shown}: exit {:?}", o.status.code()));
        }
        let trimmed = err.strip_suffix('\n').unwrap_or(&err);
        if trimmed.is_empty() || trimmed.contains('\n') {
            failures.push(format!("{shown}: stderr is not one line: {err:?}"));
        } else if !trimmed.starts_with(&format!("{shown}:")) {
            failures.push(format!(
                "{shown}: stderr does not start with the path: {err:?}"
            ));
        } else {
            match io::load(&path) {
                Ok(_) => failures.push(format!("{shown}: loads in the library")),
                Err(e) => {
                    if trimmed != e.to_string() {
                        failures.push(format!(
                            "{shown}: stderr {trimmed:?} is not the load error {e}"
                        ));
                    }
                    if let Some((l, c)) = e.position()
                        && !trimmed.starts_with(&format!("{shown}:{l}:{c}: "))
                    {
                        failures.push(format!("{shown}: stderr lacks :{l}:{c}: {err:?}"));
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn generated_hostile_files_exit_2_without_panicking() {
    let dir = tempfile::tempdir().unwrap();
    let cases: Vec<(&str, Vec<u8>)> = vec![
        (
            "brackets.ron",
            format!(
                "(\n    format_version: 1,\n    groups: {}{},\n)",
                "[".repeat(10_000),
                "]".repeat(10_000)
            )
            .into_bytes(),
        ),
        ("parens.ron", "(".repeat(10_000).into_bytes()),
        (
            "binary.ron",
            (0..4096u32)
                .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
                .collect(),
        ),
    ];
    for (name, bytes) in cases {
        let path = dir.path().join(name);
        fs::write(&path, bytes).unwrap();
        let o = check(&[&path], false);
        assert_no_panic(&o);
        assert_eq!(code(&o), 2, "{name}: {}", describe(&o));
        assert_eq!(stderr(&o).lines().count(), 1, "{name}: {}", describe(&o));
    }
    // A folder and a missing file are unreadable too.
    for path in [dir.path().to_path_buf(), dir.path().join("missing.ron")] {
        let o = check(&[&path], false);
        assert_no_panic(&o);
        assert_eq!(code(&o), 2, "{}: {}", path.display(), describe(&o));
        let err = stderr(&o);
        assert_eq!(err.lines().count(), 1, "{err:?}");
        assert!(err.starts_with(&path.display().to_string()), "{err:?}");
    }
}

#[test]
fn mixing_files_gives_the_highest_code() {
    let good = references()[0].clone();
    let bad = invalid("dangling-ids.ron");
    let broken = malformed("unknown-field-typo.ron");
    let cases: Vec<(Vec<&Path>, i32)> = vec![
        (vec![&good, &bad], 1),
        (vec![&bad, &good], 1),
        (vec![&good, &broken], 2),
        (vec![&broken, &good], 2),
        (vec![&good, &bad, &broken], 2),
        (vec![&broken, &bad, &good], 2),
        (vec![&bad, &broken], 2),
        (vec![&good, &good], 0),
    ];
    for (files, want) in cases {
        for as_json in [false, true] {
            let o = check(&files, as_json);
            assert_no_panic(&o);
            assert_eq!(code(&o), want, "{files:?} json={as_json}: {}", describe(&o));
            if as_json {
                let v = json(&o);
                assert_eq!(v["exit_code"], want, "{files:?}");
                assert_eq!(v["files"].as_array().unwrap().len(), files.len());
            } else {
                // Every readable file is still reported, whatever the others are.
                for f in &files {
                    if *f != broken.as_path() {
                        assert!(
                            stdout(&o).contains(&f.display().to_string()),
                            "{}",
                            describe(&o)
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn check_without_files_is_a_usage_error() {
    for args in [vec!["check"], vec!["check", "--json"]] {
        let o = run(&args);
        assert_no_panic(&o);
        assert_eq!(code(&o), 2, "{args:?}: {}", describe(&o));
        let err = stderr(&o);
        assert!(err.to_lowercase().contains("usage"), "{args:?}: {err}");
        assert!(o.stdout.is_empty(), "{args:?}: {}", describe(&o));
    }
}

// ---------------------------------------------------------------------------------------------
// JSON
// ---------------------------------------------------------------------------------------------

fn assert_string(v: &Value, what: &str) -> String {
    v.as_str()
        .unwrap_or_else(|| panic!("{what} is not a string: {v}"))
        .to_owned()
}

fn assert_count(v: &Value, what: &str) -> u64 {
    v.as_u64()
        .unwrap_or_else(|| panic!("{what} is not a count: {v}"))
}

/// Checks the shape of one readable file's report and returns it.
fn assert_readable_report(f: &Value, path: &Path) {
    let s = io::load(path).unwrap();
    let p = path.display().to_string();
    assert_eq!(f["path"], p.as_str());
    let problems = validate(&s, Some(Catalogue::builtin().unwrap()));
    let want_status = if problems.is_empty() {
        "valid"
    } else {
        "problems"
    };
    assert_eq!(f["status"], want_status, "{p}: {f}");
    assert!(
        f.get("error").is_none_or(Value::is_null),
        "{p}: a readable file has no error: {f}"
    );

    let sum = &f["summary"];
    assert_eq!(
        assert_string(&sum["title"], "summary.title"),
        s.title,
        "{p}"
    );
    assert_eq!(
        assert_string(&sum["host"], "summary.host"),
        s.host.name,
        "{p}"
    );
    assert_eq!(
        assert_count(&sum["groups"], "groups"),
        s.groups.len() as u64,
        "{p}"
    );
    assert_eq!(
        assert_count(&sum["missions"], "missions"),
        s.missions.len() as u64,
        "{p}"
    );
    assert_eq!(
        assert_count(&sum["actors"], "actors"),
        s.actors.len() as u64,
        "{p}"
    );
    assert_eq!(
        assert_count(&sum["activities"], "activities"),
        s.activities.len() as u64,
        "{p}"
    );
    let q = &sum["quadrants"];
    let counts = s.quadrant_counts();
    let names = [
        "direct_consequences",
        "indirect_consequences",
        "direct_drivers",
        "indirect_drivers",
    ];
    for (i, name) in names.iter().enumerate() {
        assert_eq!(
            assert_count(&q[name], name),
            counts[i] as u64,
            "{p}: quadrants.{name}"
        );
    }
    let total: u64 = names.iter().map(|n| q[n].as_u64().unwrap()).sum();
    assert_eq!(total, s.activities.len() as u64, "{p}");

    let ps = f["problems"]
        .as_array()
        .unwrap_or_else(|| panic!("{p}: problems is not a list: {f}"));
    assert_eq!(ps.len(), problems.len(), "{p}");
    for (j, pr) in ps.iter().enumerate() {
        assert_string(&pr["kind"], "problem.kind");
        assert_eq!(
            assert_string(&pr["location"], "problem.location"),
            problems[j].location
        );
        assert_eq!(
            assert_string(&pr["message"], "problem.message"),
            problems[j].message
        );
    }

    let fs_ = f["findings"]
        .as_array()
        .unwrap_or_else(|| panic!("{p}: findings is not a list: {f}"));
    for finding in fs_ {
        let rule = assert_string(&finding["rule"], "finding.rule");
        assert!(
            !rule.is_empty() && rule.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
            "{p}: rule id {rule:?} is not kebab-case"
        );
        assert!(
            !assert_string(&finding["message"], "finding.message")
                .trim()
                .is_empty()
        );
        // Family, title and section come from the built-in risk texts (assets/risks.ron).
        assert!(
            !assert_string(&finding["family"], "finding.family")
                .trim()
                .is_empty(),
            "{p}: finding without a family: {finding}"
        );
        assert!(
            !assert_string(&finding["title"], "finding.title")
                .trim()
                .is_empty(),
            "{p}: finding without a title: {finding}"
        );
        assert!(
            !assert_string(&finding["section"], "finding.section")
                .trim()
                .is_empty(),
            "{p}: finding without a section: {finding}"
        );
        let status = assert_string(&finding["status"], "finding.status");
        assert!(
            ["open", "mitigated", "accepted", "not-applicable"].contains(&status.as_str()),
            "{status}"
        );
        let ents = finding["entities"]
            .as_array()
            .unwrap_or_else(|| panic!("entities: {finding}"));
        for e in ents {
            let kind = assert_string(&e["kind"], "entity.kind");
            assert!(
                [
                    "mission",
                    "group",
                    "activity",
                    "actor",
                    "region",
                    "justice-link"
                ]
                .contains(&kind.as_str()),
                "{p}: entity kind {kind:?}"
            );
            assert!(!assert_string(&e["id"], "entity.id").is_empty());
        }
    }
}

#[test]
fn json_reports_reference_scenarios() {
    let all = references();
    let o = check(&all, true);
    assert_no_panic(&o);
    assert_eq!(code(&o), 0, "{}", describe(&o));
    let v = json(&o);
    assert_eq!(v["exit_code"], 0);
    let files = v["files"].as_array().expect("files is a list");
    assert_eq!(files.len(), all.len());
    let mut sourced = 0;
    for (f, path) in files.iter().zip(&all) {
        assert_readable_report(f, path);
        assert_eq!(f["status"], "valid");
        assert_eq!(f["problems"], Value::Array(vec![]));
        // Every printed risk text says where it comes from (issue 16): `why` is the paper at the
        // rule's section, the mitigations are PeaceOps's advice.
        let findings = f["findings"].as_array().expect("findings is a list");
        sourced += findings.len();
        for finding in findings {
            let source = &finding["why_source"];
            assert_eq!(source["kind"], "paper", "{finding}");
            assert_eq!(source["section"], finding["section"], "{finding}");
            assert_eq!(
                source["badge"],
                format!("paper {}", finding["section"].as_str().unwrap_or("")),
                "{finding}"
            );
            assert_eq!(
                finding["mitigations_source"]["kind"], "reasoning",
                "{finding}"
            );
        }
    }
    assert!(sourced > 0, "the reference scenarios fire risks");
}

#[test]
fn json_reports_problems_and_findings() {
    let dir = tempfile::tempdir().unwrap();
    // Contested consent, a military mission policing directly: the rules must find risks.
    let path = dir.path().join("risky.ron");
    fs::write(
        &path,
        r#"(
    format_version: 1,
    title: "Risky",
    host: (name: "Haiti", consent: Contested, governance: Captured, policing_gap: true),
    groups: [(id: "gangs", name: "Gangs", relation: Predatory, role: Spoiler, ties_to_officials: true)],
    missions: [
        (id: "force", name: "A force", organization: AdHoc, kind: Military, capabilities: [Military], start: "2004-06", end: "2005-01"),
    ],
    activities: [
        (id: "act-1", title: "Street policing", mission: "force", kinds: [Policing, Arrest, Investigation], groups: ["gangs"], x: -0.8, y: 0.8),
        (id: "act-2", title: "Training", mission: "force", kinds: [Training], x: -0.5, y: -0.5),
        (id: "act-3", title: "Jobs", mission: "force", kinds: [Development], x: 0.5, y: -0.5),
        (id: "act-4", title: "Campaign", mission: "force", kinds: [Campaign], x: 0.5, y: 0.5),
    ],
)
"#,
    )
    .unwrap();
    let bad = invalid("many-problems.ron");
    let o = check(&[&path, &bad], true);
    assert_no_panic(&o);
    assert_eq!(code(&o), 1, "{}", describe(&o));
    let v = json(&o);
    assert_eq!(v["exit_code"], 1);
    let files = v["files"].as_array().unwrap();
    assert_eq!(files.len(), 2);
    assert_readable_report(&files[0], &path);
    assert_readable_report(&files[1], &bad);
    assert_eq!(files[0]["status"], "valid");
    assert_eq!(files[1]["status"], "problems");
    let findings = files[0]["findings"].as_array().unwrap();
    assert!(
        !findings.is_empty(),
        "the risky scenario has no findings: {}",
        files[0]
    );
    assert!(
        findings
            .iter()
            .any(|f| f["entities"].as_array().is_some_and(|e| !e.is_empty())),
        "no finding names an entity: {}",
        files[0]
    );
    assert!(findings.iter().all(|f| f["status"] == "open"));
    let q = &files[0]["summary"]["quadrants"];
    for name in [
        "direct_consequences",
        "indirect_consequences",
        "direct_drivers",
        "indirect_drivers",
    ] {
        assert_eq!(q[name], 1, "{name}");
    }
    let kinds: Vec<&str> = files[1]["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["kind"].as_str().unwrap())
        .collect();
    for k in [
        "duplicate-id",
        "bad-id",
        "dangling-reference",
        "self-reference",
        "end-before-start",
        "position-out-of-range",
    ] {
        assert!(kinds.contains(&k), "{k} missing from {kinds:?}");
    }
}

#[test]
fn json_reports_unreadable_files() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.ron");
    let parse = malformed("unknown-field-typo.ron");
    let utf8 = malformed("invalid-utf8-in-title.ron");
    let too_new = malformed("format-version-99.ron");
    let o = check(&[&parse, &utf8, &missing, &too_new], true);
    assert_no_panic(&o);
    assert_eq!(code(&o), 2, "{}", describe(&o));
    let v = json(&o);
    assert_eq!(v["exit_code"], 2);
    let files = v["files"].as_array().unwrap();
    assert_eq!(files.len(), 4);
    let expect: [(&Path, Option<(u64, u64)>); 4] = [
        (&parse, Some((10, 13))), // `organisation` starts at column 13
        (&utf8, Some((3, 16))),
        (&missing, None),
        (&too_new, None),
    ];
    for (f, (path, pos)) in files.iter().zip(expect) {
        let p = path.display().to_string();
        assert_eq!(f["path"], p.as_str(), "{f}");
        assert_eq!(f["status"], "unreadable", "{f}");
        let err = &f["error"];
        let message = assert_string(&err["message"], "error.message");
        assert!(message.starts_with(&p), "{message}");
        assert!(!message.contains('\n'), "{message:?}");
        assert_eq!(message, io::load(path).unwrap_err().to_string());
        match pos {
            Some((line, column)) => {
                assert_eq!(assert_count(&err["line"], "error.line"), line, "{f}");
                assert_eq!(assert_count(&err["column"], "error.column"), column, "{f}");
                assert!(message.starts_with(&format!("{p}:{line}:")), "{message}");
            }
            None => {
                assert!(err["line"].is_null(), "{f}");
                assert!(err["column"].is_null(), "{f}");
            }
        }
        assert!(f.get("summary").is_none_or(Value::is_null), "{f}");
        assert_eq!(f["problems"], Value::Array(vec![]), "{f}");
        assert_eq!(f["findings"], Value::Array(vec![]), "{f}");
    }
    assert!(
        stderr(&o).is_empty(),
        "--json reports errors in the JSON: {}",
        describe(&o)
    );
}

#[test]
fn text_output_lists_every_finding() {
    // The text report lists each finding the JSON report has, under its family.
    let mut files = references();
    files.push(invalid("many-problems.ron"));
    let mut listed = 0;
    for path in files {
        let text = check(&[&path], false);
        let js = json(&check(&[&path], true));
        let out = stdout(&text);
        let findings = js["files"][0]["findings"].as_array().unwrap().clone();
        assert!(
            out.contains(&format!("risks: {} finding(s)", findings.len())),
            "{}: {out}",
            path.display()
        );
        for f in &findings {
            let message = f["message"].as_str().unwrap();
            assert!(
                out.contains(message),
                "{}: finding {} ({message}) is counted but not listed:\n{out}",
                path.display(),
                f["rule"]
            );
            listed += 1;
        }
    }
    assert!(
        listed > 0 || references().len() == 1,
        "no reference scenario has any finding"
    );
}

/// The JSON findings are exactly what the rules find, in their order, with the room's decisions:
/// rule, key, sentence, entities and status all agree with `evaluate()` and `Review`.
#[test]
fn json_findings_are_the_rules_findings_with_the_rooms_decisions() {
    let mut files = references();
    files.push(Path::new(ROOT).join("tests/golden/filled-checklist.ron"));
    for path in files {
        let s = io::load(&path).unwrap();
        let found = peaceops::rules::evaluate(&s);
        let review = peaceops::rules::Review::new(&found, &s);
        let v = json(&check(&[&path], true));
        let rows = v["files"][0]["findings"].as_array().unwrap();
        assert_eq!(rows.len(), review.rows.len(), "{}", path.display());
        for (row, expected) in rows.iter().zip(&review.rows) {
            let f = expected.finding;
            assert_eq!(row["rule"], f.rule.as_str(), "{}", path.display());
            assert_eq!(row["message"], f.message(&s).as_str());
            assert_eq!(row["key"]["rule"], expected.key.rule.as_str());
            let key_ids: Vec<&str> = row["key"]["entities"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| e.as_str().unwrap())
                .collect();
            assert_eq!(key_ids, expected.key.entities);
            let ids: Vec<String> = row["entities"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| e["id"].as_str().unwrap().to_owned())
                .collect();
            let want: Vec<String> = f.entities(&s).iter().map(|e| e.key()).collect();
            assert_eq!(ids, want, "{}: {}", path.display(), f.rule.as_str());
            let status = match expected.status {
                peaceops::model::CheckStatus::Open => "open",
                peaceops::model::CheckStatus::Mitigated => "mitigated",
                peaceops::model::CheckStatus::Accepted => "accepted",
                peaceops::model::CheckStatus::NotApplicable => "not-applicable",
            };
            assert_eq!(row["status"], status);
            assert_eq!(row["note"], expected.note);
        }
        let resolved = v["files"][0]["resolved"].as_array().unwrap();
        assert_eq!(resolved.len(), review.resolved.len(), "{}", path.display());
        let custom = v["files"][0]["custom"].as_array().unwrap();
        assert_eq!(custom.len(), s.checklist.custom.len());
        for (c, want) in custom.iter().zip(&s.checklist.custom) {
            assert_eq!(c["title"], want.title.as_str());
            assert_eq!(c["note"], want.note.as_str());
        }
    }
}

/// Output piped into a reader that stops early (`| head -1`): no panic, no error message, and
/// the exit status is still the check's.
#[cfg(unix)]
#[test]
fn a_closed_pipe_is_not_an_error() {
    use std::io::Read;
    use std::process::Stdio;
    for json in [false, true] {
        let mut args: Vec<String> = vec!["check".into()];
        if json {
            args.push("--json".into());
        }
        // Enough output to fill the pipe's buffer many times over.
        for _ in 0..40 {
            args.push(
                Path::new(SCENARIOS)
                    .join("kosovo-2008.ron")
                    .display()
                    .to_string(),
            );
        }
        let mut child = Command::new(BIN)
            .args(&args)
            .current_dir(ROOT)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = [0u8; 16];
        child.stdout.take().unwrap().read_exact(&mut first).unwrap();
        // stdout's read end is dropped: the program's next writes fail with EPIPE.
        let out = child.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!err.contains("panicked"), "json={json}: {err}");
        assert!(err.is_empty(), "json={json}: unexpected stderr {err:?}");
        assert_eq!(out.status.code(), Some(0), "json={json}: {err}");
    }
}
