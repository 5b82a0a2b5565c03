//! Mandate options in the domain: the working copy, switching, the option edits with undo,
//! each option's board (mission changes applied) and findings, runs started on an option, the
//! comparison of options, and the breakout import and merge of groups' files.

#![expect(
    clippy::unwrap_used,
    reason = "test helpers: a failed unwrap or a panic is a failed test"
)]

use std::collections::BTreeSet;
use std::path::Path;

use peaceops::compare::compare;
use peaceops::document::{Document, Origin};
use peaceops::exercise::run_board;
use peaceops::io;
use peaceops::lens::Lens;
use peaceops::merge::{BaseKind, GroupPlan, ImportError, check_base, import_option, merge};
use peaceops::model::{
    Activity, ActivityId, ActivityKind, Capability, CheckStatus, Edit, EditError, EntityId,
    FindingKey, Mission, MissionChange, MissionId, MissionKind, OptionId, PlanOption, ProblemKind,
    Run, Scenario, WallTime, validate,
};
use peaceops::rules::evaluate;

fn kosovo() -> Scenario {
    let path = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/scenarios/kosovo-2008.ron"
    ));
    io::load(path).unwrap()
}

fn keys(s: &Scenario) -> BTreeSet<FindingKey> {
    evaluate(s).iter().map(|f| f.key(s)).collect()
}

fn option_errors(s: &Scenario) -> Vec<String> {
    validate(s, None)
        .into_iter()
        .filter(|p| p.is_error())
        .map(|p| p.to_string())
        .collect()
}

/// Kosovo with a second option "B": the current plan less its first three activities, plus
/// one of its own.
fn with_b() -> Scenario {
    let mut s = kosovo();
    let mut b = PlanOption::duplicate(&s, OptionId::from("b"), "B");
    b.activities.drain(..3);
    let mut own = Activity::new(ActivityId::from("b-own"), "Only in B", 0.5, 0.5);
    own.kinds = vec![ActivityKind::Campaign];
    b.activities.push(own);
    s.options.push(b);
    s
}

#[test]
fn switching_moves_the_working_copy_and_back_loses_nothing() {
    let s = with_b();
    let mut t = s.clone();
    let a_activities = t.activities.clone();
    let b_activities = t.option(&"b".into()).unwrap().activities.clone();
    t.switch_option(&"b".into()).unwrap();
    assert_eq!(t.activities, b_activities);
    assert!(t.current_option().unwrap().activities.is_empty());
    assert_eq!(
        t.option(&"current".into()).unwrap().activities,
        a_activities
    );
    assert!(option_errors(&t).is_empty(), "{:?}", option_errors(&t));
    t.switch_option(&"current".into()).unwrap();
    assert_eq!(t, s);
    assert_eq!(
        t.switch_option(&"nope".into()),
        Err(EditError::NotFound("nope".into()))
    );
    assert_eq!(t, s, "a failed switch changes nothing");
}

#[test]
fn validation_refuses_files_that_break_the_working_copy_rule() {
    let good = with_b();
    assert!(
        option_errors(&good).is_empty(),
        "{:?}",
        option_errors(&good)
    );
    let kinds = |s: &Scenario| -> Vec<ProblemKind> {
        validate(s, None)
            .into_iter()
            .filter(|p| p.is_error())
            .map(|p| p.kind)
            .collect()
    };

    let mut unknown = good.clone();
    unknown.current_option = Some("ghost".into());
    assert!(kinds(&unknown).contains(&ProblemKind::OptionWorkingCopy));

    let mut none = good.clone();
    none.current_option = None;
    assert!(kinds(&none).contains(&ProblemKind::OptionWorkingCopy));

    let mut holding = good.clone();
    let a = holding.activities[0].clone();
    holding.options[0].activities.push(a);
    assert!(kinds(&holding).contains(&ProblemKind::OptionWorkingCopy));

    let mut same_id = good.clone();
    same_id.options[1].id = "current".into();
    assert!(kinds(&same_id).contains(&ProblemKind::DuplicateId));

    let mut same_name = good.clone();
    same_name.options[1].name = "current plan".into();
    assert!(kinds(&same_name).contains(&ProblemKind::OptionName));

    let mut dangling = good.clone();
    dangling.options[1].activities[0].mission = Some("no-such-mission".into());
    assert!(kinds(&dangling).contains(&ProblemKind::DanglingReference));

    let mut twice = good.clone();
    let first = twice.options[1].activities[0].clone();
    twice.options[1].activities.push(first);
    assert!(kinds(&twice).contains(&ProblemKind::DuplicateId));
}

#[test]
fn a_file_without_options_loads_as_one_current_plan() {
    let text = r#"(format_version: 4, title: "Hand-written", host: (name: "Testland"),
        activities: [(id: "a1", title: "Raids", x: -0.5, y: 0.5)])"#;
    let s = io::parse(text, Path::new("hand.ron")).unwrap();
    let o = s.current_option().unwrap();
    assert_eq!(
        (o.id.as_str(), o.name.as_str()),
        ("current", "Current plan")
    );
    assert_eq!(s.activities.len(), 1);
    assert!(option_errors(&s).is_empty());
}

#[test]
fn option_edits_refuse_what_would_break_the_file_and_change_nothing() {
    let mut s = Scenario::new("t");
    let before = s.clone();
    assert_eq!(
        Edit::DeleteOption("current".into()).apply(&mut s),
        Err(EditError::LastOption)
    );
    assert_eq!(
        Edit::AddOption(PlanOption::new("x".into(), "Current plan")).apply(&mut s),
        Err(EditError::DuplicateName("Current plan".into()))
    );
    assert_eq!(
        Edit::AddOption(PlanOption::new("current".into(), "Other")).apply(&mut s),
        Err(EditError::DuplicateId("current".into()))
    );
    assert!(matches!(
        Edit::SetMissionChanges {
            option: "current".into(),
            changes: vec![MissionChange::Leave("ghost".into())],
        }
        .apply(&mut s),
        Err(EditError::MissionChange { .. })
    ));
    assert_eq!(
        Edit::CopyActivities {
            ids: vec![],
            to: "current".into(),
            remove: false
        }
        .apply(&mut s),
        Err(EditError::SameOption("current".into()))
    );
    assert_eq!(s, before);
}

#[test]
fn deleting_the_current_option_makes_its_neighbour_current_with_its_activities() {
    let mut s = with_b();
    let b_activities = s.option(&"b".into()).unwrap().activities.clone();
    Edit::DeleteOption("current".into()).apply(&mut s).unwrap();
    assert_eq!(s.options.len(), 1);
    assert_eq!(s.current_option.as_ref().map(OptionId::as_str), Some("b"));
    assert_eq!(s.activities, b_activities);
    assert!(option_errors(&s).is_empty(), "{:?}", option_errors(&s));
}

#[test]
fn moving_activities_to_another_option_is_one_undo_step() {
    let s = with_b();
    let mut doc = Document::new(s.clone(), Origin::New);
    let id = s.activities[0].id.clone();
    doc.apply(
        Edit::CopyActivities {
            ids: vec![id.clone()],
            to: "b".into(),
            remove: true,
        },
        0.0,
    )
    .unwrap();
    assert!(doc.scenario().activity(&id).is_none(), "moved out");
    let b = doc.scenario().option(&"b".into()).unwrap();
    assert!(b.activities.iter().any(|a| a.id == id), "moved in");
    let counts = doc.option_summaries();
    assert_eq!(counts.len(), 2);
    assert_eq!(
        counts[0].counts.iter().sum::<usize>(),
        s.activities.len() - 1
    );
    assert!(doc.undo());
    assert_eq!(doc.scenario(), &s);
}

#[test]
fn switching_in_the_document_shows_the_other_option_and_undo_comes_back() {
    let s = with_b();
    let mut doc = Document::new(s.clone(), Origin::New);
    let a_findings = doc.findings().len();
    doc.apply(Edit::SwitchOption("b".into()), 0.0).unwrap();
    let b = s.option_scenario(&"b".into()).unwrap();
    assert_eq!(doc.findings().len(), evaluate(&b).len());
    assert_eq!(doc.quadrant_counts(), b.quadrant_counts());
    assert!(doc.undo());
    assert_eq!(doc.findings().len(), a_findings);
}

#[test]
fn an_options_findings_do_not_depend_on_the_other_options() {
    let s = with_b();
    let a_before = keys(&s.option_scenario(&"current".into()).unwrap());
    let b_before = keys(&s.option_scenario(&"b".into()).unwrap());
    // Change B beyond recognition: every activity of it becomes a military raid.
    let mut t = s.clone();
    for a in &mut t.options[1].activities {
        a.kinds = vec![ActivityKind::Raid];
        a.x = -0.9;
        a.y = 0.9;
    }
    assert_ne!(keys(&t.option_scenario(&"b".into()).unwrap()), b_before);
    assert_eq!(
        keys(&t.option_scenario(&"current".into()).unwrap()),
        a_before
    );
    // And the document's findings (the current option's) are A's alone.
    let doc = Document::new(t, Origin::New);
    let shown: BTreeSet<FindingKey> = doc.check_rows().iter().map(|r| r.key.clone()).collect();
    assert_eq!(shown, a_before);
    // The checklist is per option: a decision in B is not A's.
    let mut u = s.clone();
    let key = b_before.iter().next().unwrap().clone();
    u.options[1]
        .checklist
        .set(key.clone(), CheckStatus::Accepted, "B decided".into());
    assert!(u.checklist.state(&key).is_none());
    let b_board = u.option_scenario(&"b".into()).unwrap();
    assert_eq!(
        b_board.checklist.state(&key).map(|d| d.status),
        Some(CheckStatus::Accepted)
    );
}

#[test]
fn the_board_applies_the_current_options_mission_changes() {
    let mut s = kosovo();
    assert!(
        matches!(s.board_scenario(), std::borrow::Cow::Borrowed(_)),
        "no changes, no copy"
    );
    let left = s.missions[0].id.clone();
    let mut changed = s.missions[1].clone();
    changed.capabilities = vec![Capability::Police];
    let added = Mission::new(
        MissionId::from("new-mission"),
        "A new mission",
        s.missions[0].start,
    );
    let changes = vec![
        MissionChange::Leave(left.clone()),
        MissionChange::Change(changed.clone()),
        MissionChange::Add(added),
    ];
    Edit::SetMissionChanges {
        option: "current".into(),
        changes,
    }
    .apply(&mut s)
    .unwrap();
    let board = s.board_scenario();
    assert!(board.mission(&left).is_none());
    assert_eq!(board.mission(&changed.id), Some(&changed));
    assert!(board.mission(&"new-mission".into()).is_some());
    assert!(
        board
            .missions
            .iter()
            .all(|m| m.predecessor.as_ref() != Some(&left))
    );
    // The document evaluates that board, and says so.
    let doc = Document::new(s.clone(), Origin::New);
    assert!(doc.room().mission(&left).is_none());
    assert_eq!(doc.findings().len(), evaluate(&board).len());
    // Activities that name the left-out mission are warned about, not errors.
    let warned = validate(&s, None)
        .into_iter()
        .any(|p| !p.is_error() && p.message.contains("leaves out"));
    assert_eq!(
        warned,
        s.activities
            .iter()
            .any(|a| a.mission.as_ref() == Some(&left))
    );
}

#[test]
fn a_run_is_seen_on_the_option_it_was_started_on() {
    let mut s = with_b();
    let mut run = Run::new("r1", "Group B's run", WallTime(1_796_154_000));
    run.option = Some("b".into());
    s.runs.push(run);
    let board = run_board(&s, &"r1".into()).unwrap();
    assert_eq!(board.activities, s.option(&"b".into()).unwrap().activities);
    let mut gone = s.clone();
    gone.options.pop();
    gone.runs[0].option = Some("b".into());
    assert!(run_board(&gone, &"r1".into()).is_err());
}

#[test]
fn a_run_started_in_the_window_keeps_its_option_after_a_switch() {
    let mut doc = Document::new(with_b(), Origin::New);
    doc.apply(Edit::SwitchOption("b".into()), 0.0).unwrap();
    doc.apply(
        Edit::StartRun(Run::new("r1", "On B", WallTime(1_796_154_000))),
        1.0,
    )
    .unwrap();
    doc.apply(Edit::SwitchOption("current".into()), 2.0)
        .unwrap();
    let s = doc.scenario();
    assert_eq!(s.runs[0].option.as_ref().map(OptionId::as_str), Some("b"));
    let board = run_board(s, &"r1".into()).unwrap();
    assert_eq!(board.activities, s.option(&"b".into()).unwrap().activities);
}

#[test]
fn fresh_ids_avoid_the_activities_of_every_option() {
    let mut s = Scenario::new("t");
    let mut b = PlanOption::new("b".into(), "B");
    b.activities
        .push(Activity::new("activity-1".into(), "In B", 0.1, 0.1));
    s.options.push(b);
    assert_ne!(s.fresh_id("activity"), "activity-1");
}

// ---------------------------------------------------------------------------------------------
// Compare
// ---------------------------------------------------------------------------------------------

#[test]
fn compare_finds_what_is_only_in_a_only_in_b_and_in_both() {
    let s = with_b();
    let (a, b): (OptionId, OptionId) = ("current".into(), "b".into());
    let c = compare(&s, &[a.clone(), b.clone()], &Lens::ALL_TIME).unwrap();
    let ka = keys(&s.option_scenario(&a).unwrap());
    let kb = keys(&s.option_scenario(&b).unwrap());
    let only_a: BTreeSet<_> = c.findings_only_in(0).map(|f| f.key.clone()).collect();
    let only_b: BTreeSet<_> = c.findings_only_in(1).map(|f| f.key.clone()).collect();
    let both: BTreeSet<_> = c.findings_in_all().map(|f| f.key.clone()).collect();
    assert_eq!(only_a, ka.difference(&kb).cloned().collect());
    assert_eq!(only_b, kb.difference(&ka).cloned().collect());
    assert_eq!(both, ka.intersection(&kb).cloned().collect());
    assert!(!only_b.is_empty(), "B's own activity raises something");
    assert!(!both.is_empty());
    // Activities: the three B dropped are only in A, its own only in B, the rest in both.
    let only_a: Vec<&str> = c.activities_only_in(0).map(|r| r.id.as_str()).collect();
    let first3: Vec<&str> = s.activities[..3].iter().map(|a| a.id.as_str()).collect();
    assert_eq!(only_a, first3);
    let only_b: Vec<&str> = c.activities_only_in(1).map(|r| r.id.as_str()).collect();
    assert_eq!(only_b, ["b-own"]);
    assert_eq!(c.activities_in_all().count(), s.activities.len() - 3);
    assert!(c.activities.iter().all(|r| !r.changed));
    // Counts and per-rule counts add up to each column's findings.
    for (i, col) in c.columns.iter().enumerate() {
        let per_rule: usize = c.rules.iter().map(|r| r.counts[i]).sum();
        assert_eq!(per_rule, col.findings.len());
        assert_eq!(col.counts, col.board.quadrant_counts());
    }
}

#[test]
fn compare_marks_an_activity_changed_and_names_mission_changes() {
    let mut s = with_b();
    let moved = s.options[1].activities[0].id.clone();
    s.options[1].activities[0].x = -s.options[1].activities[0].x.clamp(-0.9, 0.9) - 0.05;
    let left = s.missions[0].id.clone();
    s.options[1].missions = vec![MissionChange::Leave(left)];
    let c = compare(&s, &[], &Lens::ALL_TIME).unwrap();
    let row = c.activities.iter().find(|r| r.id == moved).unwrap();
    assert!(row.changed && row.in_all());
    assert!(c.columns[0].mission_changes.is_empty());
    assert_eq!(c.columns[1].mission_changes.len(), 1);
    assert!(
        c.columns[1].mission_changes[0].starts_with("leaves out"),
        "{:?}",
        c.columns[1].mission_changes
    );
    assert!(compare(&s, &["ghost".into()], &Lens::ALL_TIME).is_err());
}

// ---------------------------------------------------------------------------------------------
// Breakout import and merge
// ---------------------------------------------------------------------------------------------

/// A group's copy of the base: the same base, its own plan.
fn group_file(base: &Scenario, keep: usize, own: &str) -> Scenario {
    let mut g = base.clone();
    g.activities.truncate(keep);
    g.activities.push(Activity::new(
        own.into(),
        format!("{own}'s idea"),
        0.4,
        -0.4,
    ));
    g
}

#[test]
fn import_refuses_a_file_with_another_base_and_says_why() {
    let base = kosovo();
    let mut other = base.clone();
    other.host.name = "Elsewhere".into();
    other.missions[0].end = None;
    other.missions[0].kind = MissionKind::Military;
    let gone = other.actors.remove(0).id;
    let report = check_base(&base, &other);
    assert!(!report.matches());
    let host = report
        .differences
        .iter()
        .find(|d| d.kind == BaseKind::Host)
        .unwrap();
    assert_eq!(host.fields, ["name"]);
    let mission = report
        .differences
        .iter()
        .find(|d| d.kind == BaseKind::Mission)
        .unwrap();
    assert_eq!(mission.id, base.missions[0].id.as_str());
    assert!(mission.fields.contains(&"kind".to_owned()), "{mission:?}");
    assert!(
        report
            .differences
            .iter()
            .any(|d| d.kind == BaseKind::Actor && d.id == gone.as_str() && d.fields.is_empty())
    );
    let err = import_option(&base, &other, "group-x", &[]).unwrap_err();
    let text = err.to_string();
    assert!(text.contains("host differs in name"), "{text}");
    assert!(text.contains("is missing from the group's file"), "{text}");
    assert!(matches!(err, ImportError::BaseDiffers { .. }));
}

#[test]
fn import_adds_a_groups_plan_as_an_option_and_offers_its_extras() {
    let base = kosovo();
    let mut g = group_file(&base, 2, "g-own");
    let mut extra = Mission::new(
        "group-mission".into(),
        "The group's mission",
        base.missions[0].start,
    );
    extra.kind = MissionKind::Police;
    g.missions.push(extra);
    g.activities[2].mission = Some("group-mission".into());
    let report = check_base(&base, &g);
    assert!(report.matches(), "{:?}", report.differences);
    assert_eq!(report.extras.len(), 1);
    assert_eq!(report.extras[0].id, "group-mission");

    // Skipped: the reference is cleared and reported.
    let skipped = import_option(&base, &g, "Group A", &[]).unwrap();
    let s = &skipped.scenario;
    assert_eq!(s.missions, base.missions);
    let o = s.option(&skipped.option).unwrap();
    assert_eq!(o.name, "Group A");
    assert_eq!(o.activities.len(), 3);
    assert_eq!(o.activities[2].mission, None);
    assert!(
        skipped.notes.iter().any(|n| n.contains("group-mission")),
        "{:?}",
        skipped.notes
    );
    assert!(option_errors(s).is_empty(), "{:?}", option_errors(s));
    assert_eq!(
        s.activities, base.activities,
        "the plenary's own plan is untouched"
    );

    // Added: the base gains the mission, the activity keeps it.
    let added = import_option(
        &base,
        &g,
        "Group A",
        &[EntityId::Mission("group-mission".into())],
    )
    .unwrap();
    let s = &added.scenario;
    assert!(s.mission(&"group-mission".into()).is_some());
    let o = s.option(&added.option).unwrap();
    assert_eq!(
        o.activities[2].mission.as_ref().map(MissionId::as_str),
        Some("group-mission")
    );
    assert!(option_errors(s).is_empty(), "{:?}", option_errors(s));
    assert!(import_option(&base, &g, "x", &[EntityId::Mission("nope".into())]).is_err());
}

#[test]
fn merging_three_group_files_round_trips_through_a_file() {
    let base = kosovo();
    let groups: Vec<GroupPlan> = ["group-a", "group-b", "group-c"]
        .iter()
        .enumerate()
        .map(|(i, name)| GroupPlan {
            name: (*name).to_owned(),
            scenario: group_file(&base, i + 1, &format!("{name}-own")),
        })
        .collect();
    let merged = merge(&base, &groups, false).unwrap();
    let s = &merged.scenario;
    let names: Vec<&str> = s.options.iter().map(|o| o.name.as_str()).collect();
    assert_eq!(names, ["Current plan", "group-a", "group-b", "group-c"]);
    for (i, o) in s.options[1..].iter().enumerate() {
        assert_eq!(o.activities.len(), i + 2, "{}", o.name);
    }
    assert!(option_errors(s).is_empty(), "{:?}", option_errors(s));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plenary.ron");
    io::save(&path, s).unwrap();
    let back = io::load(&path).unwrap();
    assert_eq!(&back, s);
    // Compare works on the plenary file: each group's own activity is only in its column.
    let c = compare(&back, &[], &Lens::ALL_TIME).unwrap();
    for (i, g) in ["group-a", "group-b", "group-c"].iter().enumerate() {
        let only: Vec<&str> = c.activities_only_in(i + 1).map(|r| r.id.as_str()).collect();
        assert_eq!(only, [format!("{g}-own")], "{g}");
    }
    // A group whose base differs refuses the whole merge.
    let mut bad = groups.clone();
    bad[1].scenario.host.name = "Elsewhere".into();
    assert!(merge(&base, &bad, false).is_err());
}
