//! `peaceops options`, `compare`, `check --option`, `report --option` and `merge`, run as the
//! program: output, JSON forms and exit statuses, on the shipped Haiti scenario (three mandate
//! options) and on group files made from the Kosovo one.

#![expect(
    clippy::unwrap_used,
    reason = "test helpers: a failed unwrap is a failed test"
)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use peaceops::io;
use peaceops::model::{Activity, Scenario, Source};
use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_peaceops");

fn scenario(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("scenarios")
        .join(name)
}

fn haiti() -> PathBuf {
    scenario("haiti-minustah.ron")
}

fn run(args: &[&str]) -> Output {
    Command::new(BIN).args(args).output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn json(o: &Output) -> Value {
    serde_json::from_slice(&o.stdout).unwrap()
}

#[test]
fn the_shipped_haiti_scenario_has_three_sourced_options_a_planner_would_weigh() {
    let s = io::load(&haiti()).unwrap();
    assert_eq!(s.options.len(), 3);
    for o in &s.options {
        assert!(
            o.rationale.len() > 100,
            "{}: a rationale of substance",
            o.name
        );
        assert!(
            o.sources
                .iter()
                .any(|c| matches!(c.source, Source::Paper(_))),
            "{}: rests on the paper",
            o.name
        );
        assert!(
            o.sources.iter().any(|c| c.source == Source::Invented),
            "{}: says what is invented",
            o.name
        );
    }
    let names: Vec<&str> = s.options.iter().map(|o| o.name.as_str()).collect();
    assert!(names.iter().any(|n| n.contains("JMAC")), "{names:?}");
}

#[test]
fn options_lists_each_option_with_its_counts() {
    let o = run(&["options", haiti().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(text.contains("3 option(s)"), "{text}");
    assert!(text.contains("* MINUJUSTH as deployed (current)"), "{text}");
    let o = run(&["options", "--json", haiti().to_str().unwrap()]);
    let v = json(&o);
    let options = v["options"].as_array().unwrap();
    assert_eq!(options.len(), 3);
    assert_eq!(options[0]["current"], true);
    let s = io::load(&haiti()).unwrap();
    for (row, opt) in options.iter().zip(&s.options) {
        let board = s.option_scenario(&opt.id).unwrap();
        assert_eq!(row["activities"], board.activities.len());
        assert_eq!(row["id"], opt.id.as_str());
    }
    assert_eq!(options[1]["mission_changes"].as_array().unwrap().len(), 1);
}

#[test]
fn compare_prints_what_is_only_in_each_option_and_in_all() {
    let o = run(&[
        "compare",
        haiti().to_str().unwrap(),
        "--options",
        "current,keep-jmac",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(
        text.contains("activities only in Follow-on keeping the police units and the JMAC (2):"),
        "{text}"
    );
    assert!(text.contains("findings in all:"), "{text}");
    let o = run(&[
        "compare",
        "--json",
        haiti().to_str().unwrap(),
        "--options",
        "MINUJUSTH as deployed,Follow-on keeping the police units and the JMAC",
    ]);
    let v = json(&o);
    let cols = v["options"].as_array().unwrap();
    assert_eq!(cols.len(), 2);
    let only_b: Vec<&str> = cols[1]["only_activities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap())
        .collect();
    assert_eq!(only_b, ["act-jmac-follow-on", "act-fpu-intel-operations"]);
    assert!(cols[0]["only_activities"].as_array().unwrap().is_empty());
    // Each finding's "in" agrees with the columns' own lists.
    for f in v["findings"].as_array().unwrap() {
        let ins: Vec<&str> = f["in"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x.as_str().unwrap())
            .collect();
        let only_in_b = cols[1]["only_findings"]
            .as_array()
            .unwrap()
            .contains(&f["key"]);
        assert_eq!(only_in_b, ins == ["keep-jmac"], "{f}");
    }
    let at = run(&[
        "compare",
        "--json",
        "--at",
        "2018-06",
        haiti().to_str().unwrap(),
    ]);
    assert_eq!(json(&at)["at"], "2018-06");
}

#[test]
fn an_unknown_option_is_exit_2_with_the_names() {
    let h = haiti();
    let h = h.to_str().unwrap();
    for args in [
        vec!["compare", h, "--options", "current,nowhere"],
        vec!["check", "--option", "nowhere", h],
        vec!["report", h, "--format", "md", "--option", "nowhere"],
    ] {
        let o = run(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = stderr(&o);
        assert!(
            err.contains("no option is named \"nowhere\"")
                && err.contains("MINUJUSTH as deployed")
                && err.contains("Justice support without police units or JMAC"),
            "{args:?}: {err}"
        );
    }
}

#[test]
fn check_and_report_take_one_option() {
    let h = haiti();
    let h = h.to_str().unwrap();
    let o = run(&["check", "--json", "--option", "keep-jmac", h]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v = json(&o);
    let file = &v["files"][0];
    assert_eq!(
        file["option"],
        "Follow-on keeping the police units and the JMAC"
    );
    assert_eq!(file["summary"]["activities"], 18);
    assert_eq!(file["other_options"].as_array().unwrap().len(), 2);
    let s = io::load(&haiti()).unwrap();
    let board = s.option_scenario(&"keep-jmac".into()).unwrap();
    assert_eq!(
        file["findings"].as_array().unwrap().len(),
        peaceops::rules::evaluate(&board).len()
    );
    let md = run(&["report", h, "--format", "md", "--option", "justice-only"]);
    assert_eq!(md.status.code(), Some(0), "{}", stderr(&md));
    let text = stdout(&md);
    assert!(
        text.contains("**Mandate option: Justice support without police units or JMAC**"),
        "{text}"
    );
    assert!(
        text.contains("Other options in the file: MINUJUSTH as deployed"),
        "{text}"
    );
}

fn group(base: &Scenario, keep: usize, own: &str) -> Scenario {
    let mut g = base.clone();
    g.activities.truncate(keep);
    g.activities
        .push(Activity::new(own.into(), format!("{own}'s idea"), 0.3, 0.3));
    g
}

#[test]
fn merge_combines_three_group_files_and_refuses_another_base() {
    let dir = tempfile::tempdir().unwrap();
    let base_path = scenario("kosovo-2008.ron");
    let base = io::load(&base_path).unwrap();
    let mut groups = Vec::new();
    for (i, name) in ["red", "green", "blue"].iter().enumerate() {
        let path = dir.path().join(format!("{name}.ron"));
        io::save(&path, &group(&base, i + 1, &format!("{name}-own"))).unwrap();
        groups.push(path);
    }
    let out = dir.path().join("plenary.ron");
    let mut args: Vec<String> = vec!["merge".into(), base_path.display().to_string()];
    args.extend(groups.iter().map(|g| g.display().to_string()));
    args.extend(["-o".into(), out.display().to_string()]);
    let argv: Vec<&str> = args.iter().map(String::as_str).collect();
    let o = run(&argv);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let plenary = io::load(&out).unwrap();
    let names: Vec<&str> = plenary.options.iter().map(|o| o.name.as_str()).collect();
    assert_eq!(names, ["Current plan", "red", "green", "blue"]);
    let c = run(&["compare", "--json", out.to_str().unwrap()]);
    let v = json(&c);
    assert_eq!(v["options"][3]["only_activities"][0], "blue-own");

    // Writing over an existing file is refused.
    let again = run(&argv);
    assert_eq!(again.status.code(), Some(2));
    assert!(
        stderr(&again).contains("already exists"),
        "{}",
        stderr(&again)
    );

    // A group whose base differs refuses the merge, says why, and writes nothing.
    let mut other = group(&base, 1, "odd-own");
    other.missions[0].end = None;
    other.host.name = "Elsewhere".into();
    let odd = dir.path().join("odd.ron");
    io::save(&odd, &other).unwrap();
    let out2 = dir.path().join("plenary2.ron");
    let o = run(&[
        "merge",
        base_path.to_str().unwrap(),
        groups[0].to_str().unwrap(),
        odd.to_str().unwrap(),
        "-o",
        out2.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("odd: its base differs"), "{err}");
    assert!(err.contains("host differs in name"), "{err}");
    assert!(err.contains("nothing was written"), "{err}");
    assert!(!out2.exists());
}
