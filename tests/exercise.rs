//! The exercise: injects' effects applied for real, previews that tell the truth, replays that
//! match delivery, and runs that survive save, load, recovery and the MSEL spreadsheet.

#![expect(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test helpers: a failed unwrap is a failed test"
)]

use std::path::Path;
use std::process::Command;

use peaceops::document::{Document, Origin};
use peaceops::exercise::{
    Preview, Seen, delivery_edit, delivery_lens, hot_wash, msel, preview, preview_at, run_board,
    scenario_after, skip_edit,
};
use peaceops::io::{RecoveryStore, Snapshot, load, save, to_ron};
use peaceops::model::{
    DeliveryState, Edit, Effect, FindingKey, Inject, LogEntry, LogKind, ProblemKind, Run, RunId,
    Scenario, WallTime, section_exists, validate,
};
use peaceops::rules::evaluate;

fn exercise() -> Scenario {
    load(Path::new("scenarios/kosovo-exercise.ron")).expect("the shipped exercise loads")
}

/// Findings as (key, sentence), sorted: what the room sees.
fn seen(s: &Scenario) -> Vec<(FindingKey, String)> {
    let mut k: Vec<(FindingKey, String)> = evaluate(s)
        .iter()
        .map(|f| (f.key(s), f.message(s)))
        .collect();
    k.sort_by(|a, b| (&a.0.rule, &a.0.entities).cmp(&(&b.0.rule, &b.0.entities)));
    k
}

fn started(s: &Scenario) -> Document {
    let mut doc = Document::new(s.clone(), Origin::New);
    doc.apply(
        Edit::StartRun(Run::new("run-1", "Test run", WallTime(1_796_154_000))),
        0.0,
    )
    .unwrap();
    doc.seal_undo_step();
    doc
}

#[test]
fn the_shipped_exercise_raises_what_its_controller_notes_promise() {
    let s = exercise();
    assert!(s.injects.len() >= 8, "{} injects", s.injects.len());
    assert!(validate(&s, None).is_empty(), "{:?}", validate(&s, None));
    for i in &s.injects {
        assert!(
            !i.controller_notes.is_empty() && !i.expected_action.is_empty(),
            "{}",
            i.id
        );
        let section = i.section.as_deref().unwrap_or("");
        assert!(section_exists(section), "{}: {section:?}", i.id);
    }
    // Delivered in order, each inject raises (or sharpens) the risk its notes name.
    let expect = [
        ("m01", "intelligence-not-shared", "raised"),
        ("m05", "unregulated-handover", "raised"),
        ("m08", "sovereignty-consent", "changed"),
        ("m09", "accountability-gap", "raised"),
        ("m10", "no-regional-approach", "raised"),
    ];
    let mut now = s.clone();
    for i in &s.injects {
        let p = preview(&now, &evaluate(&now), i).unwrap();
        for (id, rule, how) in expect {
            if id == i.id.as_str() {
                let list = if how == "raised" {
                    &p.raised
                } else {
                    &p.changed
                };
                assert!(
                    list.iter().any(|n| p.findings[*n].rule.as_str() == rule),
                    "{id} should have {how} {rule}"
                );
            }
        }
        if i.controller_notes.contains("No effect") {
            assert!(p.raised.is_empty() && p.cleared.is_empty(), "{}", i.id);
        }
        now = p.after;
    }
}

#[test]
fn delivering_then_undoing_leaves_the_scenario_byte_identical() {
    let s = exercise();
    let mut doc = started(&s);
    let start = to_ron(doc.scenario()).unwrap();
    let run = RunId::from("run-1");
    for (n, i) in s.injects.iter().enumerate() {
        let edit =
            delivery_edit(doc.scenario(), &run, i, WallTime(1_796_154_000 + n as u64)).unwrap();
        doc.apply(edit, n as f64 * 10.0).unwrap();
        doc.seal_undo_step();
    }
    // The plan is untouched; the room's board has every effect.
    let board = run_board(doc.scenario(), &run).unwrap();
    let mut plan = doc.scenario().clone();
    plan.runs.clear();
    let mut original = s.clone();
    original.runs.clear();
    assert_eq!(plan, original, "a run never rewrites the plan");
    assert_eq!(board.host.consent, peaceops::model::Consent::Contested);
    assert_ne!(seen(&board), seen(&s));
    assert_eq!(doc.scenario().runs[0].delivered().count(), s.injects.len());
    for _ in &s.injects {
        assert!(doc.undo(), "each delivery is one undo step");
    }
    assert_eq!(to_ron(doc.scenario()).unwrap(), start);
    assert_eq!(seen(&run_board(doc.scenario(), &run).unwrap()), seen(&s));
    assert!(doc.undo());
    assert_eq!(to_ron(doc.scenario()).unwrap(), to_ron(&s).unwrap());
}

#[test]
fn undo_delivery_withdraws_the_last_one_even_after_log_entries() {
    let s = exercise();
    let mut doc = started(&s);
    let run = RunId::from("run-1");
    let edit = delivery_edit(doc.scenario(), &run, &s.injects[0], WallTime(2)).unwrap();
    doc.apply(edit, 0.0).unwrap();
    doc.seal_undo_step();
    let entry = LogEntry {
        when: WallTime(3),
        at: None,
        inject: Some(s.injects[0].id.clone()),
        kind: LogKind::Decision,
        text: "Set up a liaison cell".into(),
        findings: vec![],
        activities: vec![],
    };
    doc.apply(
        Edit::AddLogEntry {
            run: run.clone(),
            entry,
        },
        1.0,
    )
    .unwrap();
    doc.seal_undo_step();
    doc.apply(Edit::WithdrawDelivery { run: run.clone() }, 2.0)
        .unwrap();
    let r = &doc.scenario().runs[0];
    assert!(r.deliveries.is_empty());
    assert_eq!(r.log.len(), 1, "the log keeps what was said");
    assert_eq!(seen(&run_board(doc.scenario(), &run).unwrap()), seen(&s));
}

#[test]
fn the_preview_equals_the_findings_after_delivery() {
    let s = exercise();
    let mut doc = started(&s);
    let run = RunId::from("run-1");
    for i in &s.injects {
        let board = run_board(doc.scenario(), &run).unwrap();
        let p = preview(&board, &evaluate(&board), i).unwrap();
        let edit = delivery_edit(doc.scenario(), &run, i, WallTime(1_796_154_000)).unwrap();
        doc.apply(edit, 0.0).unwrap();
        doc.seal_undo_step();
        let after = run_board(doc.scenario(), &run).unwrap();
        assert_eq!(seen(&p.after), seen(&after), "after {}", i.id);
        let from_preview: Vec<FindingKey> = p.findings.iter().map(|f| f.key(&p.after)).collect();
        let from_run: Vec<FindingKey> = evaluate(&after).iter().map(|f| f.key(&after)).collect();
        assert_eq!(from_preview, from_run, "after {}", i.id);
    }
}

#[test]
fn the_hot_wash_replays_the_run_inject_by_inject() {
    let s = exercise();
    let mut doc = started(&s);
    let run = RunId::from("run-1");
    for (n, i) in s.injects.iter().enumerate() {
        let edit = if n == 1 {
            skip_edit(&run, &i.id, WallTime(10 + n as u64))
        } else {
            delivery_edit(doc.scenario(), &run, i, WallTime(10 + n as u64)).unwrap()
        };
        doc.apply(edit, 0.0).unwrap();
        doc.seal_undo_step();
    }
    for (kind, inject, text) in [
        (
            LogKind::Strength,
            Some("m01"),
            "Liaison cell set up within the hour",
        ),
        (
            LogKind::Improvement,
            Some("m05"),
            "No inventory of case files",
        ),
        (
            LogKind::Question,
            None,
            "Who chairs the coordination meeting?",
        ),
    ] {
        let entry = LogEntry {
            when: WallTime(100),
            at: None,
            inject: inject.map(Into::into),
            kind,
            text: text.into(),
            findings: vec![],
            activities: vec![],
        };
        doc.apply(
            Edit::AddLogEntry {
                run: run.clone(),
                entry,
            },
            0.0,
        )
        .unwrap();
    }
    let s2 = doc.scenario();
    let wash = hot_wash(s2, &s2.runs[0]);
    assert_eq!((wash.delivered, wash.skipped), (s.injects.len() - 1, 1));
    assert_eq!(wash.steps.len(), s.injects.len());
    assert!(wash.stopped.is_none());
    let m05 = &wash.steps[4];
    assert_eq!(m05.delivery.inject.as_str(), "m05");
    assert!(
        m05.raised
            .iter()
            .any(|(k, _)| k.rule == "unregulated-handover")
    );
    assert_eq!(m05.log.len(), 1);
    assert_eq!(wash.strengths.len(), 1);
    assert_eq!(wash.improvements[0].text, "No inventory of case files");
    assert_eq!(wash.unlinked.len(), 1);
    assert!(
        wash.steps[1].raised.is_empty(),
        "a skipped inject raises nothing"
    );
}

/// Raised and cleared findings of a preview, as (key, sentence), sorted.
fn raised_and_cleared(p: &Preview) -> (Vec<Seen>, Vec<Seen>) {
    let sort = |mut v: Vec<Seen>| {
        v.sort_by(|a, b| (&a.0.rule, &a.0.entities).cmp(&(&b.0.rule, &b.0.entities)));
        v
    };
    let raised = p
        .raised
        .iter()
        .map(|n| {
            (
                p.findings[*n].key(&p.after),
                p.findings[*n].message(&p.after),
            )
        })
        .collect();
    (sort(raised), sort(p.cleared.clone()))
}

#[test]
fn the_hot_wash_lists_what_the_console_previewed_at_each_injects_month() {
    let s = exercise();
    let mut doc = started(&s);
    let run = RunId::from("run-1");
    let mut previewed = Vec::new();
    let mut all_time_differs = false;
    for (n, i) in s.injects.iter().enumerate() {
        // What the console shows before Deliver, then what Deliver does (the cursor moves to
        // the inject's month).
        let lens = delivery_lens(i, doc.lens());
        let p = preview_at(doc.room(), &lens, i).unwrap();
        let all_time = preview(doc.room(), &evaluate(doc.room()), i).unwrap();
        all_time_differs |= raised_and_cleared(&all_time) != raised_and_cleared(&p);
        previewed.push(raised_and_cleared(&p));
        let edit = delivery_edit(doc.scenario(), &run, i, WallTime(10 + n as u64)).unwrap();
        doc.apply(edit, 0.0).unwrap();
        doc.seal_undo_step();
        doc.set_lens(lens);
    }
    assert!(
        all_time_differs,
        "an inject raises or clears something else at its month than of all time"
    );
    let wash = hot_wash(doc.scenario(), &doc.scenario().runs[0]);
    assert!(wash.stopped.is_none());
    for (step, (raised, cleared)) in wash.steps.iter().zip(&previewed) {
        let id = step.delivery.inject.as_str();
        assert_eq!(&step.raised, raised, "{id} raised");
        assert_eq!(&step.cleared, cleared, "{id} cleared");
    }
}

#[test]
fn after_an_inject_equals_delivering_up_to_it_in_order() {
    let s = exercise();
    for upto in ["m01", "m05", "m10"] {
        let mut delivered = s.clone();
        for i in &s.injects {
            peaceops::exercise::apply_inject(&mut delivered, i).unwrap();
            if i.id.as_str() == upto {
                break;
            }
        }
        let after = scenario_after(&s, upto).unwrap();
        assert_eq!(
            to_ron(&after).unwrap(),
            to_ron(&delivered).unwrap(),
            "{upto}"
        );
        assert_eq!(seen(&after), seen(&delivered), "{upto}");
    }
    assert_ne!(seen(&scenario_after(&s, "m10").unwrap()), seen(&s));
}

#[test]
fn skipping_changes_only_the_run() {
    let s = exercise();
    let mut doc = started(&s);
    let before = doc.scenario().clone();
    doc.apply(
        skip_edit(&RunId::from("run-1"), &s.injects[0].id, WallTime(1)),
        0.0,
    )
    .unwrap();
    let after = doc.scenario();
    assert_eq!(
        after.runs[0].state_of(&s.injects[0].id),
        Some(DeliveryState::Skipped)
    );
    assert_eq!(
        (&after.host, &after.missions, &after.groups),
        (&before.host, &before.missions, &before.groups)
    );
}

fn long_run(s: &Scenario, injects: usize, entries: usize) -> Scenario {
    let mut s = s.clone();
    let template = s.injects[0].clone();
    s.injects = (0..injects)
        .map(|n| {
            let mut i = template.clone();
            i.id = format!("x{n}").as_str().into();
            i
        })
        .collect();
    let mut run = Run::new(
        "r1",
        "Pristina workshop, group \"A\"",
        WallTime(1_796_154_000),
    );
    run.ended = Some(WallTime(1_796_160_000));
    let ids: Vec<_> = s.injects.iter().map(|i| i.id.clone()).collect();
    for (n, id) in ids.iter().enumerate() {
        run.deliveries.push(peaceops::model::Delivery {
            inject: id.clone(),
            state: if n % 7 == 0 {
                DeliveryState::Skipped
            } else {
                DeliveryState::Delivered
            },
            when: WallTime(1_796_154_000 + n as u64),
        });
    }
    let finding = evaluate(&s)[0].key(&s);
    for n in 0..entries {
        run.log.push(LogEntry {
            when: WallTime(1_796_154_000 + n as u64),
            at: Some("2008-12".parse().unwrap()),
            inject: Some(ids[n % ids.len()].clone()),
            kind: LogKind::ALL[n % LogKind::ALL.len()],
            text: format!("Entry {n}: the room decides «x», then 'y'\nand z"),
            findings: if n % 3 == 0 {
                vec![finding.clone()]
            } else {
                vec![]
            },
            activities: vec![s.activities[n % s.activities.len()].id.clone()],
        });
    }
    s.runs = vec![run];
    s
}

#[test]
fn runs_and_logs_round_trip_through_save_load_and_recovery() {
    let s = long_run(&exercise(), 200, 2000);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("run.ron");
    save(&path, &s).unwrap();
    assert_eq!(load(&path).unwrap(), s);

    let store = RecoveryStore::new(dir.path().join("recovery"));
    store
        .write(&Snapshot::now(
            s.clone(),
            Some(path.clone()),
            "run.ron".into(),
        ))
        .unwrap();
    // The session ends without clearing its copy, as a killed one would.
    drop(store);
    let found = RecoveryStore::new(dir.path().join("recovery")).find();
    assert_eq!(found.len(), 1);
    assert_eq!(RecoveryStore::load(&found[0]).unwrap().scenario, s);
}

#[test]
fn an_inject_naming_a_mission_that_is_gone_is_a_problem() {
    let mut s = exercise();
    Edit::Delete(peaceops::model::EntityId::Mission("eulex".into()))
        .apply(&mut s)
        .unwrap();
    let problems = validate(&s, None);
    assert!(
        problems
            .iter()
            .any(|p| p.kind == ProblemKind::DanglingReference
                && !p.is_error()
                && p.location.starts_with("inject 'Case records lost")
                && p.message.contains("\"eulex\"")),
        "{problems:?}"
    );
    let mut dup = exercise();
    dup.injects.push(Inject::new("m01", "Again"));
    assert!(
        validate(&dup, None)
            .iter()
            .any(|p| p.kind == ProblemKind::DuplicateId)
    );
    let err = peaceops::exercise::apply_inject(&mut s.clone(), &exercise().injects[4]).unwrap_err();
    assert!(err.to_string().contains("\"eulex\""), "{err}");
}

#[test]
fn the_shipped_msel_survives_a_spreadsheet() {
    let s = exercise();
    let bytes = msel::export(&s).unwrap();
    let mut empty = s.clone();
    empty.injects.clear();
    assert_eq!(msel::import(&bytes, &empty).unwrap(), s.injects);
    // The same file saved by a spreadsheet that uses ';' reads the same.
    let mut semi = Vec::new();
    {
        let mut r = csv::Reader::from_reader(&bytes[3..]);
        let mut w = csv::WriterBuilder::new()
            .delimiter(b';')
            .from_writer(&mut semi);
        w.write_record(r.headers().unwrap()).unwrap();
        for rec in r.records() {
            w.write_record(&rec.unwrap()).unwrap();
        }
    }
    assert_eq!(msel::import(&semi, &empty).unwrap(), s.injects);
}

fn peaceops(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_peaceops"))
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn the_command_line_lists_injects_and_runs() {
    let out = peaceops(&["injects", "--json", "scenarios/kosovo-exercise.ron"]);
    assert!(out.status.success());
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), exercise().injects.len());
    assert_eq!(list[4]["id"], "m05");
    assert_eq!(
        list[4]["effects"][0],
        "the handover to EULEX Kosovo no longer covers case files and records"
    );

    let text = peaceops(&["injects", "scenarios/kosovo-exercise.ron"]);
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(
        text.contains("10. [m10]") && text.contains("when the facilitator chooses"),
        "{text}"
    );

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("runs.ron");
    save(&path, &long_run(&exercise(), 3, 5)).unwrap();
    let out = peaceops(&["runs", path.to_str().unwrap()]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(out.status.success());
    assert!(
        text.contains("2 delivered, 1 skipped; 1 strength, 1 area for improvement"),
        "{text}"
    );
    assert!(text.contains("raises intelligence-not-shared"), "{text}");
    assert!(
        text.contains("then 'y'\\u{a}and z"),
        "log text is terminal-safe: {text}"
    );
    let json = peaceops(&["runs", "--json", path.to_str().unwrap()]);
    let runs: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(runs[0]["log"].as_array().unwrap().len(), 5);
    assert_eq!(runs[0]["started"], "2026-12-01T19:40:00Z");
}

#[test]
fn msel_import_writes_a_new_file_or_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let csv_path = dir.path().join("msel.csv");
    let out_path = dir.path().join("new.ron");
    let src = "scenarios/kosovo-exercise.ron";
    let export = peaceops(&["msel", "export", src, csv_path.to_str().unwrap()]);
    assert!(
        export.status.success(),
        "{}",
        String::from_utf8_lossy(&export.stderr)
    );
    let refused = peaceops(&[
        "msel",
        "export",
        src,
        dir.path().join("x.ron").to_str().unwrap(),
    ]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(!dir.path().join("x.ron").exists());

    let import = peaceops(&[
        "msel",
        "import",
        src,
        csv_path.to_str().unwrap(),
        out_path.to_str().unwrap(),
    ]);
    assert!(
        import.status.success(),
        "{}",
        String::from_utf8_lossy(&import.stderr)
    );
    assert_eq!(load(&out_path).unwrap().injects, exercise().injects);
    let again = peaceops(&[
        "msel",
        "import",
        src,
        csv_path.to_str().unwrap(),
        out_path.to_str().unwrap(),
    ]);
    assert_eq!(again.status.code(), Some(2), "never over an existing file");

    let bad = dir.path().join("bad.csv");
    std::fs::write(
        &bad,
        "MSEL #,Event Synopsis,Scenario Time\nok,Fine,2008-13\n",
    )
    .unwrap();
    let target = dir.path().join("bad.ron");
    let out = peaceops(&[
        "msel",
        "import",
        src,
        bad.to_str().unwrap(),
        target.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("row 2, column \"Scenario Time\""), "{err}");
    assert!(!target.exists(), "nothing imported, nothing written");
}

#[test]
fn effects_read_back_from_the_file_as_written() {
    let e = vec![
        Effect::SetConsent(peaceops::model::Consent::Contested),
        Effect::SetOversight {
            mission: "kfor".into(),
            oversight: false,
        },
    ];
    let text = ron::to_string(&e).unwrap();
    assert_eq!(ron::from_str::<Vec<Effect>>(&text).unwrap(), e);
}

#[test]
fn check_after_an_inject_equals_delivering_in_order() {
    let file = "scenarios/kosovo-exercise.ron";
    let keys_of = |out: &std::process::Output| -> Vec<String> {
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        v["files"][0]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| format!("{}:{}", f["key"]["rule"], f["key"]["entities"]))
            .collect()
    };
    let before = peaceops(&["check", "--json", file]);
    let after = peaceops(&["check", "--json", "--after", "m05", file]);
    assert_eq!(after.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&after.stdout).unwrap();
    assert_eq!(json["after"], "m05");
    let (before, after) = (keys_of(&before), keys_of(&after));
    let expected = seen(&scenario_after(&exercise(), "m05").unwrap());
    assert_eq!(after.len(), expected.len());
    assert!(
        after
            .iter()
            .any(|k| k.starts_with("\"unregulated-handover\""))
    );
    assert!(
        !before
            .iter()
            .any(|k| k.starts_with("\"unregulated-handover\""))
    );

    let text = peaceops(&["check", "--after", "m05", file]);
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(
        text.contains("after the injects up to m05: Case records lost in the handover"),
        "{text}"
    );

    let unknown = peaceops(&["check", "--after", "nope", file]);
    assert_eq!(unknown.status.code(), Some(2));
    let err = String::from_utf8(unknown.stderr).unwrap();
    assert!(
        err.contains("no inject has the id \"nope\"; the injects are: m01, m02"),
        "{err}"
    );
}
