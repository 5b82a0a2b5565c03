//! Clear messages for odd but honest files (issue 15): a byte-order mark, other line breaks,
//! deep newer files, numbers of the wrong kind; and the validation problems the room would
//! otherwise never hear about (checklist keys, ids, dates).

#![expect(
    clippy::panic,
    clippy::unwrap_used,
    reason = "tests: a failed unwrap or a panic is a failed test"
)]

use std::path::Path;

use peaceops::io::{self, LoadError};
use peaceops::model::{
    CheckStatus, FindingKey, FindingState, Mission, MissionId, ProblemKind, Scenario, Severity,
    YearMonth, validate,
};

const KOSOVO: &str = include_str!("../scenarios/kosovo-2008.ron");

fn parse(text: &str) -> Result<Scenario, LoadError> {
    io::parse(text, Path::new("t.ron"))
}

fn parse_err(text: &str) -> LoadError {
    match parse(text) {
        Ok(_) => panic!("parsed:\n{text}"),
        Err(e) => e,
    }
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let with_bom = format!("\u{feff}{KOSOVO}");
    let s = parse(&with_bom).expect("a UTF-8 BOM is accepted");
    assert_eq!(s, parse(KOSOVO).unwrap());
    // And it is read from a file as well.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bom.ron");
    std::fs::write(&path, with_bom).unwrap();
    assert!(io::load(&path).is_ok());
}

/// A scenario with an unknown field on line 4 (after two line breaks of the given kind).
fn bad_on_line_4(newline: &str) -> String {
    [
        "(",
        "    format_version: 1,",
        "    title: \"t\",",
        "    colour: 1,",
        "    host: (name: \"h\"),",
        ")",
    ]
    .join(newline)
}

#[test]
fn line_numbers_count_every_kind_of_line_break() {
    for (name, nl) in [
        ("LF", "\n"),
        ("CRLF", "\r\n"),
        ("CR", "\r"),
        ("LS", "\u{2028}"),
        ("NEL", "\u{85}"),
    ] {
        let e = parse_err(&bad_on_line_4(nl));
        assert_eq!(
            e.position(),
            Some((4, 5)),
            "{name}: the unknown field is at line 4, column 5: {e}"
        );
    }
}

#[test]
fn end_of_file_position_counts_cr_lines() {
    let e = parse_err("(\r    format_version: 1,\r    title: \"t\",\r");
    assert_eq!(e.position().map(|p| p.0), Some(4), "{e}");
}

fn nested(depth: usize) -> String {
    let mut t = String::new();
    for _ in 0..depth {
        t.push_str("(a: ");
    }
    t.push('1');
    for _ in 0..depth {
        t.push(')');
    }
    t
}

#[test]
fn a_newer_file_is_named_at_any_depth_the_parser_accepts() {
    for depth in [1, 20, 31, 32, 40, 50, 60] {
        let text = format!(
            "(format_version: 99, title: \"t\", host: (name: \"h\"), future: {})",
            nested(depth)
        );
        let e = parse_err(&text);
        assert!(
            matches!(e, LoadError::TooNew { found: 99, .. }),
            "depth {depth}: {e}"
        );
    }
}

#[test]
fn numbers_of_the_wrong_kind_say_what_was_expected() {
    let at = KOSOVO.find("personnel: ").expect("Kosovo names personnel");
    let old = KOSOVO[at..].split(',').next().unwrap();
    for bad in ["1.0", "1e3", "12.5"] {
        let text = KOSOVO.replacen(old, &format!("personnel: {bad}"), 1);
        let e = parse_err(&text).to_string();
        assert!(
            e.contains("whole number"),
            "personnel: {bad} should say a whole number is expected: {e}"
        );
    }
    // A position is a decimal number; hex is not one.
    let x = &KOSOVO[KOSOVO.find("x: ").unwrap()..];
    let old = x.split(',').next().unwrap();
    let e = parse_err(&KOSOVO.replacen(old, "x: 0x1", 1)).to_string();
    assert!(e.contains("decimal number"), "{e}");
}

fn ym(s: &str) -> YearMonth {
    s.parse().unwrap()
}

fn kinds(s: &Scenario) -> Vec<(ProblemKind, Severity)> {
    validate(s, None)
        .into_iter()
        .map(|p| (p.kind, p.severity))
        .collect()
}

#[test]
fn ids_outside_the_plain_alphabet_are_reported() {
    for id in [
        "k\u{200b}for",
        "kfor\u{0}",
        "\u{202e}kfor",
        "kf\u{43e}r",
        "k for",
    ] {
        let mut s = Scenario::new("t");
        s.missions
            .push(Mission::new(MissionId(id.into()), "KFOR", ym("1999-06")));
        let problems = validate(&s, None);
        assert_eq!(
            problems.iter().map(|p| p.kind).collect::<Vec<_>>(),
            [ProblemKind::BadId],
            "{id:?}: {problems:?}"
        );
    }
    let mut s = Scenario::new("t");
    s.missions.push(Mission::new(
        MissionId("kfor-2.a_b".into()),
        "KFOR",
        ym("1999-06"),
    ));
    assert!(validate(&s, None).is_empty());
}

#[test]
fn repeated_references_and_successors_before_predecessors_are_reported() {
    let mut s = parse(KOSOVO).unwrap();
    let g = s.groups[0].id.clone();
    let a = &mut s.activities[0];
    a.groups = vec![g.clone(), g.clone(), g];
    let problems = kinds(&s);
    assert_eq!(
        problems
            .iter()
            .filter(|p| p.0 == ProblemKind::RepeatedReference)
            .count(),
        1,
        "{problems:?}"
    );

    let mut s = Scenario::new("t");
    let first = Mission::new(MissionId("a".into()), "A", ym("2005-01"));
    let mut second = Mission::new(MissionId("b".into()), "B", ym("2004-01"));
    second.predecessor = Some(MissionId("a".into()));
    s.missions = vec![first, second];
    assert_eq!(
        kinds(&s),
        [(ProblemKind::SuccessorBeforePredecessor, Severity::Error)]
    );
}

#[test]
fn an_activity_outside_its_missions_dates_is_a_warning() {
    let mut s = parse(KOSOVO).unwrap();
    assert!(validate(&s, None).is_empty(), "Kosovo is clean");
    let i = s
        .activities
        .iter()
        .position(|a| a.mission.is_some())
        .unwrap();
    s.activities[i].start = Some(ym("1950-01"));
    assert_eq!(
        kinds(&s),
        [(ProblemKind::OutsideMission, Severity::Warning)]
    );
    let p = &validate(&s, None)[0];
    assert!(p.to_string().starts_with("warning: "), "{p}");
    assert!(!p.is_error());
}

#[test]
fn checklist_keys_in_another_order_still_apply() {
    let s = parse(KOSOVO).unwrap();
    let findings = peaceops::rules::evaluate(&s);
    let f = findings
        .iter()
        .find(|f| f.key(&s).entities.len() >= 2)
        .expect("Kosovo has a finding about two entities");
    let key = f.key(&s);
    let mut reversed = key.entities.clone();
    reversed.reverse();
    // Written by hand in another order (not through `FindingKey::new`, which sorts).
    let mut by_hand = s.clone();
    by_hand.checklist.findings.push(FindingState {
        key: FindingKey {
            rule: key.rule.clone(),
            entities: reversed,
        },
        status: CheckStatus::Mitigated,
        note: "done".into(),
    });
    let text = io::to_ron(&by_hand).unwrap();
    let back = parse(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    let findings = peaceops::rules::evaluate(&back);
    let review = peaceops::rules::Review::new(&findings, &back);
    let row = review.rows.iter().find(|r| r.key == key).unwrap();
    assert_eq!(row.status, CheckStatus::Mitigated, "the decision applies");
    assert!(review.resolved.is_empty(), "and is not shown as resolved");
}

#[test]
fn duplicate_decisions_and_unknown_rules_are_problems() {
    let mut s = parse(KOSOVO).unwrap();
    let key = FindingKey::new("no-such-rule", vec!["kfor".into()]);
    let state = FindingState {
        key,
        status: CheckStatus::Accepted,
        note: String::new(),
    };
    s.checklist.findings = vec![state.clone(), state];
    let problems = peaceops::cli::all_problems(&s, None);
    let kinds: Vec<ProblemKind> = problems.iter().map(|p| p.kind).collect();
    assert_eq!(
        kinds,
        [
            ProblemKind::UnknownRule,
            ProblemKind::UnknownRule,
            ProblemKind::DuplicateDecision
        ],
        "{problems:?}"
    );
}

/// A scenario whose checklist has a decision on an unknown rule (line 8) and two decisions on
/// one finding (lines 9 and 12, the second written with its entities in another order).
const DECISIONS: &str = "#![enable(implicit_some)]
(
  format_version: 2,
  title: \"Decisions\",
  host: (name: \"H\"),
  checklist: (
    findings: [
      (key: (rule: \"no-such-rule\", entities: [\"a\"]), status: Accepted),
      (key: (rule: \"unregulated-handover\", entities: [\"a\", \"b\"]),
        status: Mitigated,
        note: \"first, (with brackets] in the note\"),
      (key: (rule: \"unregulated-handover\", entities: [\"b\", \"a\"]), status: Accepted),
    ],
  ),
)
";

#[test]
fn checklist_problems_point_at_their_lines() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("decisions.ron");
    std::fs::write(&path, DECISIONS).unwrap();
    let report = peaceops::cli::report(&path);
    let located: Vec<(ProblemKind, Option<usize>)> =
        report.problems.iter().map(|p| (p.kind, p.line)).collect();
    assert_eq!(
        located,
        [
            (ProblemKind::UnknownRule, Some(8)),
            (ProblemKind::DuplicateDecision, Some(12)),
        ],
        "{:?}",
        report.problems
    );
    // The text output says the line; JSON carries it as a number.
    let mut out = Vec::new();
    let mut err = Vec::new();
    let code = peaceops::cli::check(std::slice::from_ref(&path), false, &mut out, &mut err);
    assert_eq!(code, peaceops::cli::EXIT_PROBLEMS);
    let text = String::from_utf8(out).unwrap();
    assert!(
        text.contains("    - line 8: checklist decision 1 on no-such-rule [a]: rule"),
        "{text}"
    );
    assert!(
        text.contains("    - line 12: checklist decision 3 on unregulated-handover [a, b]: decides the same finding as decision 2"),
        "{text}"
    );
    let mut out = Vec::new();
    peaceops::cli::check(std::slice::from_ref(&path), true, &mut out, &mut err);
    let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(json["files"][0]["problems"][1]["line"], 12, "{json}");
}
