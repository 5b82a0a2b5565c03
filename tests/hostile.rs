//! Hostile and unusual inputs (issue 15): special files, terminal escapes, long chains. The
//! special files are made by the tests themselves (a FIFO, a socket, a device), never committed.

#![expect(
    clippy::panic,
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "tests: a failed unwrap or a panic is a failed test"
)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use peaceops::io::{self, LoadError};
use peaceops::model::{Mission, MissionId, ProblemKind, Scenario, YearMonth, validate};

const BIN: &str = env!("CARGO_BIN_EXE_peaceops");
const KOSOVO: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/scenarios/kosovo-2008.ron");
const HAITI: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/scenarios/haiti-minustah.ron");

/// Runs `peaceops ARGS`, killing it (and failing) if it has not finished within 30 s. Its output
/// is drained while it runs, so a report longer than a pipe's buffer cannot stall it.
fn run_bounded(args: &[&std::ffi::OsStr]) -> Output {
    use std::io::Read;
    let mut child = Command::new(BIN)
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start peaceops");
    let drain = |mut pipe: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            let _ = pipe.read_to_end(&mut bytes);
            bytes
        })
    };
    let out = drain(Box::new(child.stdout.take().expect("stdout")));
    let err = drain(Box::new(child.stderr.take().expect("stderr")));
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("poll the child") {
            break status;
        }
        if started.elapsed() > Duration::from_secs(30) {
            let _ = child.kill();
            let _ = child.wait();
            let printed = out.join().unwrap_or_default();
            panic!(
                "peaceops {args:?} hung (killed after 30 s); it had printed:\n{}",
                String::from_utf8_lossy(&printed)
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Output {
        status,
        stdout: out.join().expect("stdout reader"),
        stderr: err.join().expect("stderr reader"),
    }
}

fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("run mkfifo");
    assert!(status.success(), "mkfifo {path:?} failed");
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("stderr is UTF-8")
}

#[test]
fn a_fifo_is_refused_at_once_by_load() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("x.ron");
    mkfifo(&fifo);
    // On a thread, so a regression hangs only that thread and the test fails instead of hanging.
    let (tx, rx) = std::sync::mpsc::channel();
    let path = fifo.clone();
    std::thread::spawn(move || {
        let _ = tx.send(io::load(&path).map(|_| ()));
    });
    let result = rx
        .recv_timeout(Duration::from_secs(10))
        .expect("loading a FIFO must not wait for a writer");
    let e = result.expect_err("a FIFO is not a scenario file");
    assert!(
        matches!(e, LoadError::NotAFile { .. }),
        "a FIFO is named as such, got {e:?}"
    );
    let message = e.to_string();
    assert!(message.contains("named pipe"), "{message}");
    assert!(
        message.contains("x.ron"),
        "the message names the file: {message}"
    );
    assert!(!message.contains('\n'), "one line: {message}");
}

#[test]
fn a_socket_and_a_device_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let socket = dir.path().join("s.ron");
    let _listener = std::os::unix::net::UnixListener::bind(&socket).expect("bind a socket");
    let e = io::load(&socket).expect_err("a socket is not a scenario file");
    assert!(e.to_string().contains("socket"), "{e}");
    for device in ["/dev/zero", "/dev/null", "/dev/urandom"] {
        let started = Instant::now();
        let e = io::load(Path::new(device)).expect_err("a device is not a scenario file");
        assert!(
            matches!(e, LoadError::NotAFile { kind: "device", .. }),
            "{device}: {e:?}"
        );
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "{device} was read before being refused"
        );
    }
}

#[test]
fn a_symlink_to_a_fifo_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe");
    mkfifo(&fifo);
    let link = dir.path().join("link.ron");
    std::os::unix::fs::symlink(&fifo, &link).unwrap();
    let e = io::load(&link).expect_err("refused");
    assert!(matches!(e, LoadError::NotAFile { .. }), "{e:?}");
}

#[test]
fn check_of_a_fifo_among_valid_files_reports_the_valid_ones() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("x.ron");
    mkfifo(&fifo);
    let folder = dir.path().join("folder.ron");
    std::fs::create_dir(&folder).unwrap();
    let args = [
        std::ffi::OsStr::new("check"),
        KOSOVO.as_ref(),
        fifo.as_os_str(),
        folder.as_os_str(),
        HAITI.as_ref(),
    ];
    let o = run_bounded(&args);
    assert_eq!(o.status.code(), Some(2), "unreadable files: exit 2");
    let out = stdout(&o);
    assert!(out.contains("kosovo-2008.ron: "), "{out}");
    assert!(out.contains("haiti-minustah.ron: "), "{out}");
    let err = stderr(&o);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 2, "one line per unreadable file:\n{err}");
    assert!(
        lines[0].contains("x.ron") && lines[0].contains("named pipe"),
        "{err}"
    );
    assert!(
        lines[1].contains("folder.ron") && lines[1].contains("folder"),
        "{err}"
    );

    // JSON: the same, as whole JSON.
    let mut json_args = args.to_vec();
    json_args.insert(1, "--json".as_ref());
    let o = run_bounded(&json_args);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("whole JSON");
    let files = v["files"].as_array().expect("files");
    let statuses: Vec<&str> = files
        .iter()
        .map(|f| f["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["valid", "unreadable", "unreadable", "valid"]);
    assert_eq!(v["exit_code"], 2);
}

#[test]
fn check_of_no_readable_file_is_whole_json() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.ron");
    let o = run_bounded(&["check".as_ref(), "--json".as_ref(), missing.as_os_str()]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("whole JSON");
    assert_eq!(v["files"][0]["status"], "unreadable");
    assert_eq!(v["exit_code"], 2);
}

/// What a hostile file might put in its text fields.
const NASTY: [&str; 8] = [
    "\u{1b}[2J\u{1b}[H",                          // clear the screen
    "\u{1b}]0;owned\u{7}",                        // set the terminal's title
    "\n  valid: no problems\nfake.ron: Forged\n", // forged report lines
    "nul\u{0}byte",                               // NUL
    "\u{202e}gnp.exe",                            // right-to-left override
    "carriage\rreturn",                           // overwrite the line
    "next\u{85}line\u{2028}sep",                  // NEL and LS
    "zero\u{200b}width\u{2066}isolate\u{2069}",   // invisible
];

fn hostile_scenario() -> Scenario {
    let mut s = io::load(Path::new(KOSOVO)).unwrap();
    s.title = NASTY[0].to_owned() + NASTY[1];
    s.host.name = NASTY[2].to_owned();
    s.activities[0].title = NASTY[4].to_owned();
    s.missions[0].acronym = NASTY[5].to_owned();
    s.groups[0].name = NASTY[6].to_owned();
    s.checklist.custom.push(peaceops::model::CustomItem {
        id: "custom-1".into(),
        title: NASTY[3].to_owned(),
        status: peaceops::model::CheckStatus::Open,
        note: NASTY[7].to_owned(),
        sources: Vec::new(),
    });
    // A problem whose location names the hostile activity title.
    s.activities[0].x = 7.0;
    s
}

fn assert_terminal_safe(text: &str) {
    for c in text.chars() {
        assert!(
            c == '\n' || !peaceops::cli::needs_escape(c),
            "{c:?} reached the terminal raw in:\n{text}"
        );
    }
}

#[test]
fn text_output_escapes_control_and_bidi_characters() {
    let dir = tempfile::tempdir().unwrap();
    // The file name itself is hostile too.
    let path = dir.path().join("evil\u{1b}[31m\nname.ron");
    io::save(&path, &hostile_scenario()).unwrap();
    let o = run_bounded(&["check".as_ref(), path.as_os_str()]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let out = stdout(&o);
    assert_terminal_safe(&out);
    assert!(out.contains(r"\u{1b}[2J"), "escapes are shown: {out}");
    assert!(out.contains(r"\u{202e}gnp.exe"), "{out}");
    assert!(out.contains(r"evil\u{1b}[31m\u{a}name.ron: "), "{out}");
    assert!(out.contains(r"nul\u{0}byte"), "{out}");
    assert!(
        !out.lines().any(|l| l.trim() == "valid: no problems"),
        "no forged verdict line: {out}"
    );
    assert!(
        !out.lines().any(|l| l.starts_with("fake.ron")),
        "no forged file header: {out}"
    );
    // One problem per line: the problem names the hostile title on its own line.
    let problem_lines: Vec<&str> = out.lines().filter(|l| l.starts_with("    - ")).collect();
    assert_eq!(problem_lines.len(), 1, "{out}");
    assert!(problem_lines[0].contains(r"\u{202e}"), "{out}");

    // An unreadable hostile file name: the error on stderr is escaped too.
    let missing = dir.path().join("gone\u{1b}]0;x\u{7}.ron");
    let o = run_bounded(&["check".as_ref(), missing.as_os_str()]);
    let err = stderr(&o);
    assert_terminal_safe(&err);
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn json_output_keeps_the_text_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.ron");
    let s = hostile_scenario();
    io::save(&path, &s).unwrap();
    let o = run_bounded(&["check".as_ref(), "--json".as_ref(), path.as_os_str()]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(v["files"][0]["summary"]["title"], s.title.as_str());
    assert_eq!(v["files"][0]["summary"]["host"], s.host.name.as_str());
}

#[test]
fn terminal_safe_leaves_plain_text_alone() {
    let plain = "Kosovo · UNMIK → EULEX, “quotes” and é";
    assert!(matches!(
        peaceops::cli::terminal_safe(plain),
        std::borrow::Cow::Borrowed(_)
    ));
    assert_eq!(
        peaceops::cli::terminal_safe("a\u{1b}b\tc"),
        r"a\u{1b}b\u{9}c"
    );
}

fn ym(s: &str) -> YearMonth {
    s.parse().unwrap()
}

/// Missions m0 … m(n-1), each succeeding the one before.
fn chain(n: usize) -> Scenario {
    let mut s = Scenario::new("chain");
    for i in 0..n {
        let mut m = Mission::new(
            MissionId::from(format!("m{i}")),
            format!("Mission {i}"),
            ym("2000-01"),
        );
        if i > 0 {
            m.predecessor = Some(MissionId::from(format!("m{}", i - 1)));
        }
        s.missions.push(m);
    }
    s
}

#[test]
fn a_long_predecessor_chain_is_valid_and_a_loop_in_it_reported_once() {
    let s = chain(5_000);
    assert!(validate(&s, None).is_empty());
    let mut looped = chain(5_000);
    // m0 succeeds m4999: one loop through all of them.
    looped.missions[0].predecessor = Some(MissionId("m4999".into()));
    let loops: Vec<_> = validate(&looped, None)
        .into_iter()
        .filter(|p| p.kind == ProblemKind::SelfReference)
        .collect();
    assert_eq!(loops.len(), 1, "{loops:?}");
    assert!(
        loops[0]
            .message
            .starts_with("predecessor chain loops: m0 -> m4999 -> m4998")
    );

    // A tail leading into a loop: the loop is named once, from where the walk entered it.
    let mut tail = chain(3);
    tail.missions[0].predecessor = Some(MissionId("m1".into()));
    tail.missions[1].predecessor = Some(MissionId("m2".into()));
    tail.missions[2].predecessor = Some(MissionId("m1".into()));
    let loops: Vec<String> = validate(&tail, None)
        .into_iter()
        .filter(|p| p.kind == ProblemKind::SelfReference)
        .map(|p| format!("{}: {}", p.location, p.message))
        .collect();
    assert_eq!(
        loops,
        ["mission 'Mission 0' (m0): predecessor chain loops: m1 -> m2"]
    );
}

#[test]
fn a_missing_file_under_a_hostile_name_is_one_line() {
    let e = io::load(&PathBuf::from("/nonexistent/a.ron")).expect_err("missing");
    assert!(matches!(e, LoadError::NotFound { .. }));
}
