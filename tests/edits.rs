//! Properties of edits and the undo history, on generated scenarios of up to a few hundred
//! activities with many missions in parallel and in sequence:
//!
//! - applying any edit and undoing it gives back the scenario exactly; redo gives the edit again;
//! - deleting any entity leaves no dangling reference;
//! - every finding names only entities that exist;
//! - a finding's checklist key does not change under unrelated edits (renames, notes, custom
//!   items), so the room's decisions stay attached to their findings;
//! - the history keeps at most its limit of steps, a new edit clears redo, typing merges.
//!
//! Case counts are moderate; set `PROPTEST_CASES` to run more.

#![expect(
    clippy::unwrap_used,
    reason = "test helpers: a failed unwrap or a panic is a failed test"
)]

use std::collections::BTreeSet;

use peaceops::document::{Document, Origin};
use peaceops::model::{
    Activity, ActivityId, Actor, ActorId, ActorKind, CheckStatus, CrimeGroup, CustomItem,
    CustomItemId, Delivery, DeliveryState, Edit, Effect, EntityId, FindingKey, GroupId, History,
    Inject, InjectId, LogEntry, LogKind, Mission, MissionChange, MissionId, OptionId, PlanOption,
    ProblemKind, Run, RunId, Scenario, Timeline, WallTime, YearMonth, validate,
};
use peaceops::rules::{EntityRef, evaluate};
use peaceops::synthetic::{Rng, Size, scenario};
use proptest::prelude::*;

fn config(cases: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(cases);
    ProptestConfig {
        failure_persistence: None,
        ..ProptestConfig::with_cases(cases)
    }
}

/// A generated scenario: up to 300 activities, up to 60 missions (many in sequence, so
/// predecessor chains), up to 40 groups; with some of its findings decided by the room and a
/// custom item, so checklist edits have something to change.
fn generated() -> impl Strategy<Value = Scenario> {
    (0usize..300, 1usize..60, 0usize..40, any::<u64>()).prop_map(|(a, m, g, seed)| {
        let mut s = scenario(
            Size {
                activities: a,
                missions: m,
                groups: g,
            },
            seed,
        );
        let found = evaluate(&s);
        let mut rng = Rng::new(seed ^ 0x5eed);
        for f in &found {
            if !rng.chance(0.2) {
                continue;
            }
            let status = *rng.pick(CheckStatus::ALL);
            s.checklist
                .set(f.key(&s), status, format!("note {}", rng.below(100)));
        }
        s.checklist.custom.push(CustomItem {
            id: CustomItemId::from("custom-1"),
            title: "A question of the room's".into(),
            status: CheckStatus::Open,
            note: String::new(),
            sources: Vec::new(),
        });
        with_exercise(&mut s);
        with_options(&mut s);
        s
    })
}

/// Gives a scenario a second option, "Alternative": a copy of the current one that changes its
/// first mission (another end), so option edits have something to switch, copy and delete.
fn with_options(s: &mut Scenario) {
    let mut alt = PlanOption::duplicate(s, OptionId::from("alt"), "Alternative");
    alt.rationale = "Why not".into();
    if let Some(m) = s.missions.first() {
        let mut changed = m.clone();
        changed.end = Some(changed.start.plus_months(12));
        alt.missions.push(MissionChange::Change(changed));
    }
    s.options.push(alt);
}

/// Gives a scenario an inject and an open run with one log entry, so exercise edits have
/// something to change.
fn with_exercise(s: &mut Scenario) {
    let mut i = Inject::new("inject-1", "Something happens");
    i.effects = vec![Effect::SetConsent(peaceops::model::Consent::Contested)];
    s.injects.push(i);
    let mut run = Run::new("run-1", "A run", WallTime(1_796_154_000));
    run.deliveries.push(Delivery {
        inject: InjectId::from("inject-1"),
        state: DeliveryState::Delivered,
        when: WallTime(1_796_154_050),
    });
    run.log.push(LogEntry {
        when: WallTime(1_796_154_100),
        at: None,
        inject: None,
        kind: LogKind::Decision,
        text: "decided".into(),
        findings: Vec::new(),
        activities: Vec::new(),
    });
    s.runs.push(run);
}

/// Every entity of the scenario.
fn entities(s: &Scenario) -> Vec<EntityId> {
    let mut v: Vec<EntityId> = Vec::new();
    v.extend(
        s.host
            .regions
            .iter()
            .map(|r| EntityId::Region(r.id.clone())),
    );
    v.extend(s.groups.iter().map(|g| EntityId::Group(g.id.clone())));
    v.extend(s.missions.iter().map(|m| EntityId::Mission(m.id.clone())));
    v.extend(s.actors.iter().map(|a| EntityId::Actor(a.id.clone())));
    v.extend(
        s.activities
            .iter()
            .map(|a| EntityId::Activity(a.id.clone())),
    );
    v
}

/// Every kind of edit the window makes, built for this scenario from a random number.
fn edits(s: &Scenario, pick: u64) -> Vec<Edit> {
    let mut rng = Rng::new(pick);
    let mut v = vec![Edit::SetMeta {
        title: format!("{} (edited)", s.title),
        description: "changed".into(),
        timeline: Some(Timeline {
            start: YearMonth::new(1995, 1).unwrap(),
            end: YearMonth::new(2020, 12).unwrap(),
        }),
    }];
    let mut host = s.host.clone();
    host.name = "Otherland".into();
    host.minimal_security = None;
    v.push(Edit::SetHost(host));
    let mut milestones = s.milestones.clone();
    milestones.push(peaceops::model::Milestone::new(
        YearMonth::new(2001, 3).unwrap(),
        "An added milestone",
    ));
    v.push(Edit::SetMilestones(milestones));

    v.push(Edit::AddGroup(CrimeGroup::new(
        GroupId::from(s.fresh_id("g").as_str()),
        "A new group",
    )));
    if !s.groups.is_empty() {
        let mut g = rng.pick(&s.groups).clone();
        g.name.push_str(" (renamed)");
        g.transnational = !g.transnational;
        v.push(Edit::UpdateGroup(g));
    }
    v.push(Edit::AddMission(Mission::new(
        MissionId::from(s.fresh_id("m").as_str()),
        "A new mission",
        YearMonth::new(2005, 3).unwrap(),
    )));
    if !s.missions.is_empty() {
        let mut m = rng.pick(&s.missions).clone();
        m.acronym = "EDITED".into();
        m.end = None;
        v.push(Edit::UpdateMission(m));
    }
    v.push(Edit::AddActor(Actor {
        id: ActorId::from(s.fresh_id("actor").as_str()),
        name: "A new actor".into(),
        kind: ActorKind::CivilSociety,
        notes: String::new(),
        sources: Vec::new(),
    }));
    if !s.actors.is_empty() {
        let mut a = rng.pick(&s.actors).clone();
        a.name.push_str(" (renamed)");
        v.push(Edit::UpdateActor(a));
    }
    v.push(Edit::AddActivity(Activity::new(
        ActivityId::from(s.fresh_id("a").as_str()),
        "A new activity",
        0.3,
        -0.4,
    )));
    if !s.activities.is_empty() {
        let mut a = rng.pick(&s.activities).clone();
        a.title.push_str(" (retitled)");
        a.groups.clear();
        v.push(Edit::UpdateActivity(a.clone()));
        v.push(Edit::MoveActivity {
            id: a.id.clone(),
            x: -a.x,
            y: 0.9,
        });
    }
    let all = entities(s);
    if !all.is_empty() {
        v.push(Edit::Delete(rng.pick(&all).clone()));
    }
    let found = evaluate(s);
    if !found.is_empty() {
        let f = rng.pick(&found);
        v.push(Edit::SetFinding {
            key: f.key(s),
            status: CheckStatus::Accepted,
            note: "decided in a property test".into(),
        });
    }
    if found.len() >= 2 {
        v.push(Edit::SetFindings {
            keys: found.iter().take(3).map(|f| f.key(s)).collect(),
            status: CheckStatus::Mitigated,
        });
    }
    v.push(Edit::AddCustom(CustomItem {
        id: CustomItemId::from("custom-2"),
        title: "Another question".into(),
        status: CheckStatus::Mitigated,
        note: "n".into(),
        sources: Vec::new(),
    }));
    v.push(Edit::UpdateCustom(CustomItem {
        id: CustomItemId::from("custom-1"),
        title: "Reworded".into(),
        status: CheckStatus::NotApplicable,
        note: "why".into(),
        sources: Vec::new(),
    }));
    v.push(Edit::DeleteCustom(CustomItemId::from("custom-1")));
    v.push(Edit::Batch(vec![
        Edit::SetFinding {
            key: FindingKey {
                rule: "late-start".into(),
                entities: vec![],
            },
            status: CheckStatus::Accepted,
            note: "batched".into(),
        },
        Edit::DeleteCustom(CustomItemId::from("custom-1")),
    ]));
    v.push(Edit::AddInject(Inject::new("inject-2", "Another event")));
    let mut i = Inject::new("inject-1", "Reworded event");
    i.at = Some(YearMonth::new(2006, 5).unwrap());
    v.push(Edit::UpdateInject(i));
    v.push(Edit::MoveInject {
        id: InjectId::from("inject-1"),
        to: 5,
    });
    v.push(Edit::DeleteInject(InjectId::from("inject-1")));
    v.push(Edit::StartRun(Run::new(
        "run-2",
        "Second run",
        WallTime(1_796_155_000),
    )));
    v.push(Edit::EndRun {
        run: RunId::from("run-1"),
        when: WallTime(1_796_156_000),
    });
    v.push(Edit::RecordDelivery {
        run: RunId::from("run-1"),
        delivery: Delivery {
            inject: InjectId::from("inject-1"),
            state: DeliveryState::Skipped,
            when: WallTime(1_796_155_500),
        },
    });
    let entry = LogEntry {
        when: WallTime(1_796_155_600),
        at: Some(YearMonth::new(2008, 12).unwrap()),
        inject: Some(InjectId::from("inject-1")),
        kind: LogKind::Improvement,
        text: "log it".into(),
        findings: Vec::new(),
        activities: Vec::new(),
    };
    v.push(Edit::WithdrawDelivery {
        run: RunId::from("run-1"),
    });
    v.push(Edit::AddLogEntry {
        run: RunId::from("run-1"),
        entry: entry.clone(),
    });
    v.push(Edit::UpdateLogEntry {
        run: RunId::from("run-1"),
        index: 0,
        entry,
    });
    let alt = OptionId::from("alt");
    v.push(Edit::AddOption(PlanOption::new(
        OptionId::from("opt-3"),
        "Third option",
    )));
    v.push(Edit::RenameOption {
        id: alt.clone(),
        name: "Alternative B".into(),
    });
    v.push(Edit::SetOptionRationale {
        id: alt.clone(),
        rationale: "Because".into(),
    });
    v.push(Edit::DeleteOption(if rng.chance(0.5) {
        alt.clone()
    } else {
        OptionId::from(PlanOption::DEFAULT_ID)
    }));
    v.push(Edit::MoveOption {
        id: alt.clone(),
        to: 0,
    });
    v.push(Edit::SwitchOption(alt.clone()));
    let ids: Vec<ActivityId> = s.activities.iter().take(3).map(|a| a.id.clone()).collect();
    v.push(Edit::CopyActivities {
        ids,
        to: alt.clone(),
        remove: rng.chance(0.5),
    });
    let changes = s
        .missions
        .last()
        .map(|m| vec![MissionChange::Leave(m.id.clone())])
        .unwrap_or_default();
    v.push(Edit::SetMissionChanges {
        option: alt,
        changes,
    });
    v
}

/// The name of an edit's kind, for coverage and messages.
fn kind(e: &Edit) -> &'static str {
    match e {
        Edit::SetMeta { .. } => "SetMeta",
        Edit::SetHost(_) => "SetHost",
        Edit::AddGroup(_) => "AddGroup",
        Edit::UpdateGroup(_) => "UpdateGroup",
        Edit::AddMission(_) => "AddMission",
        Edit::UpdateMission(_) => "UpdateMission",
        Edit::AddActor(_) => "AddActor",
        Edit::UpdateActor(_) => "UpdateActor",
        Edit::AddActivity(_) => "AddActivity",
        Edit::UpdateActivity(_) => "UpdateActivity",
        Edit::MoveActivity { .. } => "MoveActivity",
        Edit::Delete(_) => "Delete",
        Edit::SetFinding { .. } => "SetFinding",
        Edit::SetFindings { .. } => "SetFindings",
        Edit::AddCustom(_) => "AddCustom",
        Edit::UpdateCustom(_) => "UpdateCustom",
        Edit::DeleteCustom(_) => "DeleteCustom",
        Edit::Batch(_) => "Batch",
        Edit::AddInject(_) => "AddInject",
        Edit::UpdateInject(_) => "UpdateInject",
        Edit::DeleteInject(_) => "DeleteInject",
        Edit::MoveInject { .. } => "MoveInject",
        Edit::StartRun(_) => "StartRun",
        Edit::EndRun { .. } => "EndRun",
        Edit::RecordDelivery { .. } => "RecordDelivery",
        Edit::WithdrawDelivery { .. } => "WithdrawDelivery",
        Edit::AddLogEntry { .. } => "AddLogEntry",
        Edit::UpdateLogEntry { .. } => "UpdateLogEntry",
        Edit::AddOption(_) => "AddOption",
        Edit::RenameOption { .. } => "RenameOption",
        Edit::SetOptionRationale { .. } => "SetOptionRationale",
        Edit::DeleteOption(_) => "DeleteOption",
        Edit::MoveOption { .. } => "MoveOption",
        Edit::SwitchOption(_) => "SwitchOption",
        Edit::CopyActivities { .. } => "CopyActivities",
        Edit::SetMissionChanges { .. } => "SetMissionChanges",
        Edit::SetMilestones(_) => "SetMilestones",
    }
}

/// Dangling references, as validation words them.
fn dangling(s: &Scenario) -> Vec<String> {
    validate(s, None)
        .into_iter()
        .filter(|p| p.kind == ProblemKind::DanglingReference)
        .map(|p| p.to_string())
        .collect()
}

fn exists(s: &Scenario, e: &EntityRef) -> bool {
    match e {
        EntityRef::Mission(id) => s.missions.iter().any(|m| &m.id == id),
        EntityRef::Group(id) => s.groups.iter().any(|g| &g.id == id),
        EntityRef::Activity(id) => s.activities.iter().any(|a| &a.id == id),
        EntityRef::Actor(id) => s.actors.iter().any(|a| &a.id == id),
        EntityRef::Region(id) => s.host.regions.iter().any(|r| &r.id == id),
        EntityRef::Link(_) => true,
    }
}

fn keys(s: &Scenario) -> BTreeSet<FindingKey> {
    evaluate(s).iter().map(|f| f.key(s)).collect()
}

proptest! {
    #![proptest_config(config(24))]

    /// Every kind of edit, applied then undone, leaves the scenario exactly as it was; redo
    /// brings the edit back.
    #[test]
    fn edit_then_undo_is_the_identity(s in generated(), pick in any::<u64>()) {
        let list = edits(&s, pick);
        for edit in list {
            let what = kind(&edit);
            let mut doc = Document::new(s.clone(), Origin::New);
            let mut expected = s.clone();
            edit.clone().apply(&mut expected).unwrap();
            doc.apply(edit, 0.0).unwrap();
            prop_assert_eq!(doc.scenario(), &expected, "{} applied", what);
            if expected != s {
                prop_assert!(doc.undo(), "{}: nothing to undo", what);
                prop_assert!(doc.scenario() == &s, "{}: undo did not restore the scenario", what);
                prop_assert!(!doc.is_dirty(), "{}", what);
                prop_assert!(doc.redo(), "{}: nothing to redo", what);
                prop_assert!(doc.scenario() == &expected, "{}: redo differs", what);
            }
        }
    }

    /// Deleting any entity removes every reference to it.
    #[test]
    fn every_delete_leaves_no_dangling_reference(s in generated()) {
        prop_assert!(dangling(&s).is_empty(), "the generator made dangling references");
        for id in entities(&s) {
            let mut t = s.clone();
            Edit::Delete(id.clone()).apply(&mut t).unwrap();
            prop_assert!(dangling(&t).is_empty(), "after deleting {:?}: {:?}", id, dangling(&t));
            prop_assert!(!entities(&t).contains(&id), "{:?} is still there", id);
        }
    }

    /// Findings name only entities that exist, and every finding has a non-empty sentence.
    #[test]
    fn findings_name_only_existing_entities(s in generated()) {
        for f in evaluate(&s) {
            for e in f.entities(&s) {
                prop_assert!(exists(&s, &e), "{:?} names {:?}, which does not exist", f.rule, e);
            }
            prop_assert!(!f.message(&s).trim().is_empty(), "{:?}", f.rule);
        }
    }

    /// Renaming entities, editing notes and custom items change no finding's key: the room's
    /// decisions stay attached.
    #[test]
    fn keys_are_stable_under_unrelated_edits(s in generated()) {
        let before = keys(&s);
        let mut t = s.clone();
        t.title.push_str(" (v2)");
        for g in &mut t.groups {
            g.name.push_str(" (renamed)");
        }
        for m in &mut t.missions {
            m.name.push_str(" (renamed)");
        }
        for a in &mut t.actors {
            a.name.push_str(" (renamed)");
            a.notes.push_str(" more notes");
        }
        for a in &mut t.activities {
            a.title.push_str(" (retitled)");
            a.notes.push_str(" more notes");
        }
        Edit::AddCustom(CustomItem {
            id: CustomItemId::from("custom-x"),
            title: "x".into(),
            status: CheckStatus::Open,
            note: String::new(),
            sources: Vec::new(),
        })
        .apply(&mut t)
        .unwrap();
        prop_assert_eq!(keys(&t), before);
    }
}

/// The generator exercises every kind of edit (so the identity property covers them all).
#[test]
fn the_edit_generator_covers_every_kind() {
    let s = scenario(
        Size {
            activities: 30,
            missions: 6,
            groups: 5,
        },
        7,
    );
    let mut s = s;
    s.checklist.custom.push(CustomItem {
        id: CustomItemId::from("custom-1"),
        title: "q".into(),
        status: CheckStatus::Open,
        note: String::new(),
        sources: Vec::new(),
    });
    with_exercise(&mut s);
    with_options(&mut s);
    let kinds: BTreeSet<&str> = edits(&s, 1).iter().map(kind).collect();
    assert_eq!(kinds.len(), 37, "{kinds:?}");
}

// ---------------------------------------------------------------------------------------------
// The history
// ---------------------------------------------------------------------------------------------

fn numbered(n: usize) -> Scenario {
    Scenario::new(format!("step {n}"))
}

#[test]
fn history_keeps_at_most_its_limit() {
    let mut h = History::default();
    let mut current = numbered(0);
    for n in 1..=History::LIMIT + 20 {
        h.record(current.clone(), None, n as f64 * 10.0);
        current = numbered(n);
    }
    let mut undone = 0;
    while h.undo(&mut current).is_some() {
        undone += 1;
    }
    assert_eq!(undone, History::LIMIT);
    // The oldest steps were forgotten, the newest kept.
    assert_eq!(current, numbered(20));
}

#[test]
fn a_new_edit_clears_redo() {
    let mut doc = Document::new(Scenario::new("t"), Origin::New);
    doc.apply(
        Edit::AddActivity(Activity::new("a1".into(), "One", 0.1, 0.1)),
        0.0,
    )
    .unwrap();
    assert!(doc.undo());
    assert!(doc.can_redo());
    doc.apply(
        Edit::AddActivity(Activity::new("a2".into(), "Two", 0.2, 0.2)),
        5.0,
    )
    .unwrap();
    assert!(!doc.can_redo(), "redo is gone after a new edit");
    assert!(!doc.redo());
    assert_eq!(doc.scenario().activities.len(), 1);
    assert_eq!(doc.scenario().activities[0].title, "Two");
}

fn retitle(doc: &mut Document, title: &str, at: f64) {
    doc.apply(
        Edit::SetMeta {
            title: title.into(),
            description: String::new(),
            timeline: None,
        },
        at,
    )
    .unwrap();
}

#[test]
fn typing_merges_into_one_step_and_a_pause_or_seal_splits() {
    let mut doc = Document::new(Scenario::new(""), Origin::New);
    // Typing "Kos" quickly: one step.
    retitle(&mut doc, "K", 0.0);
    retitle(&mut doc, "Ko", 0.3);
    retitle(&mut doc, "Kos", 0.6);
    assert!(doc.undo());
    assert_eq!(doc.scenario().title, "");
    assert!(!doc.can_undo());
    assert!(doc.redo());
    assert_eq!(doc.scenario().title, "Kos");

    // A pause longer than the merge window starts a new step.
    retitle(&mut doc, "Koso", 10.0);
    retitle(&mut doc, "Kosov", 10.0 + History::MERGE_SECS + 0.1);
    assert!(doc.undo());
    assert_eq!(doc.scenario().title, "Koso");

    // So does sealing (focus left the field), even within the window.
    retitle(&mut doc, "Kosovo", 20.0);
    doc.seal_undo_step();
    retitle(&mut doc, "Kosovo!", 20.1);
    assert!(doc.undo());
    assert_eq!(doc.scenario().title, "Kosovo");

    // Edits with different keys never merge.
    let id = ActivityId::from("a1");
    doc.apply(
        Edit::AddActivity(Activity::new(id.clone(), "A", 0.1, 0.1)),
        30.0,
    )
    .unwrap();
    doc.apply(Edit::MoveActivity { id, x: 0.5, y: 0.5 }, 30.1)
        .unwrap();
    assert!(doc.undo());
    assert_eq!(doc.scenario().activities[0].x, 0.1);
    assert!(doc.undo());
    assert!(doc.scenario().activities.is_empty());
}

/// A failed edit changes nothing and records no step.
#[test]
fn a_failed_edit_is_no_step() {
    let mut doc = Document::new(Scenario::new("t"), Origin::New);
    let e = doc.apply(
        Edit::Delete(EntityId::Mission(MissionId::from("nope"))),
        0.0,
    );
    assert!(e.is_err());
    assert!(!doc.can_undo());
    assert!(!doc.is_dirty());
}
