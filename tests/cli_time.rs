//! The command line through time (issue 11): `peaceops check --at MONTH` and
//! `peaceops timeline FILE [--json]`, on the real binary.

#![expect(
    clippy::panic,
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "test helpers: a failed unwrap is a failed test"
)]

use std::process::{Command, Output};

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_peaceops");
const ROOT: &str = env!("CARGO_MANIFEST_DIR");
const SHIPPED: &[&str] = &[
    "scenarios/blank.ron",
    "scenarios/guinea-bissau.ron",
    "scenarios/haiti-minustah.ron",
    "scenarios/kosovo-2008.ron",
    "scenarios/mali-sahel.ron",
];
const KOSOVO: &str = "scenarios/kosovo-2008.ron";

fn run(args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .current_dir(ROOT)
        .output()
        .expect("run peaceops")
}

fn out(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn err(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

fn json(o: &Output) -> Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", out(o)))
}

fn rules(v: &Value) -> Vec<String> {
    v["files"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn check_at_works_on_every_shipped_scenario() {
    for file in SHIPPED {
        for month in ["2005-01", "2013-06", "2018-02"] {
            let o = run(&["check", "--at", month, file]);
            assert_eq!(o.status.code(), Some(0), "{file} at {month}: {}", err(&o));
            assert!(
                out(&o).contains(&format!("  as of {month}: ")),
                "{file}: {}",
                out(&o)
            );
            let o = run(&["check", "--json", "--at", month, file]);
            assert_eq!(o.status.code(), Some(0), "{file}: {}", err(&o));
            let v = json(&o);
            assert_eq!(v["at"], month, "{file}");
            assert_eq!(v["exit_code"], 0);
        }
    }
}

#[test]
fn check_at_evaluates_the_board_of_that_month() {
    let before = json(&run(&["check", "--json", "--at", "2008-06", KOSOVO]));
    let after = json(&run(&["check", "--json", "--at", "2009-01", KOSOVO]));
    let all = json(&run(&["check", "--json", KOSOVO]));
    assert!(all.get("at").is_none(), "all time says no month");
    let handover = "unregulated-handover".to_owned();
    assert!(!rules(&before).contains(&handover), "{:?}", rules(&before));
    assert!(rules(&after).contains(&handover), "{:?}", rules(&after));
    // The counts are the counts of that month: fewer than all activities.
    let q = |v: &Value| -> u64 {
        v["files"][0]["summary"]["quadrants"]
            .as_object()
            .unwrap()
            .values()
            .map(|n| n.as_u64().unwrap())
            .sum()
    };
    assert_eq!(q(&all), 15);
    assert!(q(&before) < q(&all) && q(&before) > 0, "{}", q(&before));
    // The totals of the file stay the file's.
    assert_eq!(before["files"][0]["summary"]["activities"], 15);
}

#[test]
fn an_invalid_month_is_a_one_line_usage_error() {
    for bad in ["2008-13", "x", "2008", ""] {
        let o = run(&["check", "--at", bad, KOSOVO]);
        assert_eq!(o.status.code(), Some(2), "{bad:?}");
        assert!(o.stdout.is_empty(), "{bad:?}: {}", out(&o));
        let e = err(&o);
        assert_eq!(e.lines().count(), 1, "{bad:?}: {e}");
        assert!(e.contains("--at"), "{e}");
    }
}

#[test]
fn timeline_lists_lanes_handovers_milestones_and_vacuums_in_order() {
    let o = run(&["timeline", KOSOVO]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let text = out(&o);
    let at = |needle: &str| {
        text.find(needle)
            .unwrap_or_else(|| panic!("{needle:?} missing in\n{text}"))
    };
    assert!(at("missions") < at("handovers"));
    assert!(at("handovers") < at("milestones"));
    assert!(at("milestones") < at("policing vacuums"));
    assert!(
        text.contains("UNMIK → EULEX Kosovo: plan partial"),
        "{text}"
    );
    // UN lanes come before EU lanes, EU before NATO.
    assert!(at("    UN ") < at("    EU ") && at("    EU ") < at("    NATO "));

    let v = json(&run(&["timeline", "--json", KOSOVO]));
    assert_eq!(v["start"], "1999-06");
    let h = &v["handovers"][0];
    assert_eq!(
        (h["from"].as_str(), h["to"].as_str()),
        (Some("unmik"), Some("eulex"))
    );
    assert_eq!(h["plan"], "partial");
    let months: Vec<&str> = v["milestones"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["at"].as_str().unwrap())
        .collect();
    let mut sorted = months.clone();
    sorted.sort_unstable();
    assert_eq!(months, sorted, "milestones in date order");
    assert!(months.len() >= 3, "{months:?}");
    assert!(v["vacuums"].is_array());
}

#[test]
fn timeline_of_an_unreadable_file_exits_2() {
    let o = run(&["timeline", "tests/malformed/does-not-exist.ron"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(err(&o).lines().count(), 1, "{}", err(&o));
    let o = run(&["timeline", "--json", "tests/malformed/does-not-exist.ron"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(json(&o)["error"]["message"].is_string());
}
