//! The board as of a month (issue 11): the rules, the counts and the vacuums through a lens,
//! on the shipped Kosovo scenario and on small hand-made ones.

#![expect(
    clippy::unwrap_used,
    reason = "test helpers: a failed unwrap is a failed test"
)]

use std::path::Path;

use peaceops::io;
use peaceops::lens::{Board, Lens, MissionTimeline, policing_vacuums};
use peaceops::model::{Activity, Mission, MissionKind, Scenario, YearMonth};
use peaceops::rules::{Finding, RuleId, evaluate, evaluate_at};

fn ym(s: &str) -> YearMonth {
    s.parse().unwrap()
}

fn kosovo() -> Scenario {
    io::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/kosovo-2008.ron")).unwrap()
}

fn ids(s: &Scenario, found: &[Finding], rule: RuleId) -> Vec<Vec<String>> {
    found
        .iter()
        .filter(|f| f.rule == rule)
        .map(|f| f.key(s).entities)
        .collect()
}

#[test]
fn all_time_is_evaluate() {
    let s = kosovo();
    assert_eq!(evaluate_at(&s, &Lens::ALL_TIME), evaluate(&s));
}

#[test]
fn kosovo_handover_risk_appears_when_eulex_deploys() {
    let s = kosovo();
    let rule = RuleId::UnregulatedHandover;
    let before = evaluate_at(&s, &Lens::at(ym("2008-06")));
    assert!(
        ids(&s, &before, rule).is_empty(),
        "no handover before EULEX deploys: {:?}",
        ids(&s, &before, rule)
    );
    for month in ["2008-12", "2009-06", "2012-12"] {
        let after = evaluate_at(&s, &Lens::at(ym(month)));
        let keys = ids(&s, &after, rule);
        assert!(
            keys.iter()
                .any(|k| k.contains(&"unmik".to_owned()) && k.contains(&"eulex".to_owned())),
            "{month}: the UNMIK → EULEX handover without case files: {keys:?}"
        );
    }
    // The all-time board has it too, under the same key (decisions are shared across dates).
    let all = evaluate(&s);
    let at = evaluate_at(&s, &Lens::at(ym("2009-06")));
    let key = |f: &[Finding]| {
        f.iter()
            .find(|f| f.rule == rule)
            .map(|f| f.key(&s))
            .unwrap()
    };
    assert_eq!(key(&all), key(&at));
}

#[test]
fn findings_differ_before_during_and_after_the_handover() {
    let s = kosovo();
    let at = |m: &str| evaluate_at(&s, &Lens::at(ym(m)));
    let names = |found: &[Finding]| {
        let mut v: Vec<String> = found
            .iter()
            .map(|f| {
                let k = f.key(&s);
                format!("{} {}", k.rule, k.entities.join(","))
            })
            .collect();
        v.sort();
        v
    };
    let (before, during, after) = (at("2005-06"), at("2008-12"), at("2010-06"));
    assert_ne!(names(&before), names(&during));
    assert_ne!(names(&during), names(&after));
    // In 2005 UNMIK's work is under way; by 2010 it is over, and only the handover from it
    // still names UNMIK.
    let unmik = |found: &[Finding]| {
        found
            .iter()
            .filter(|f| f.key(&s).entities.contains(&"unmik".to_owned()))
            .map(|f| f.rule)
            .collect::<Vec<_>>()
    };
    assert!(unmik(&before).len() > 1, "{:?}", names(&before));
    assert_eq!(
        unmik(&after),
        vec![RuleId::UnregulatedHandover],
        "{:?}",
        names(&after)
    );
}

#[test]
fn coercion_before_minimal_security_disappears_once_it_is_established() {
    let mut s = Scenario::new("t");
    s.host.minimal_security = Some(ym("2001-01"));
    let mut m = Mission::new("m".into(), "M", ym("2000-01"));
    m.kind = MissionKind::Police;
    s.missions.push(m);
    let mut raid = Activity::new("raid".into(), "Raids", -0.7, 0.7);
    raid.mission = Some("m".into());
    raid.start = Some(ym("2000-03"));
    s.activities.push(raid);
    let rule = RuleId::BeforeMinimalSecurity;
    let has = |lens: Lens| evaluate_at(&s, &lens).iter().any(|f| f.rule == rule);
    assert!(has(Lens::ALL_TIME));
    assert!(!has(Lens::at(ym("2000-02"))), "the raid has not begun");
    assert!(has(Lens::at(ym("2000-06"))));
    assert!(
        !has(Lens::at(ym("2001-01"))),
        "minimal security is established"
    );
}

#[test]
fn counts_at_a_date_in_kosovo() {
    let s = kosovo();
    assert_eq!(Board::new(&s, Lens::ALL_TIME).counts, s.quadrant_counts());
    let at = Board::new(&s, Lens::at(ym("2005-06")));
    // By hand from the file: in 2005-06 UNMIK's policing, investigations, trials, border work,
    // the 'not for sale' campaign and off-limits list, and KFOR's and OMIK's work are under way.
    let shown: Vec<&str> = s
        .activities
        .iter()
        .enumerate()
        .filter(|(i, _)| at.shows_activity(*i))
        .map(|(_, a)| a.id.as_str())
        .collect();
    assert!(shown.contains(&"act-not-for-sale"), "{shown:?}");
    assert!(!shown.iter().any(|id| id.contains("eulex")), "{shown:?}");
    assert_eq!(at.counts.iter().sum::<usize>(), shown.len());
    assert!(shown.len() < s.activities.len());
    let later = Board::new(&s, Lens::at(ym("2006-06")));
    assert_eq!(
        at.counts.iter().sum::<usize>() - later.counts.iter().sum::<usize>(),
        1,
        "the campaign ended in 2005-12"
    );
}

#[test]
fn vacuum_between_two_police_missions_with_a_gap_and_none_when_they_overlap() {
    let police = |id: &str, start: &str, end: Option<&str>| {
        let mut m = Mission::new(id.into(), id, ym(start));
        m.kind = MissionKind::Police;
        m.end = end.map(ym);
        m
    };
    let mut s = Scenario::new("t");
    s.missions.push(police("first", "2004-06", Some("2017-10")));
    s.missions
        .push(police("second", "2018-01", Some("2019-10")));
    let v = policing_vacuums(&s);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!((v[0].from, v[0].to), (ym("2017-11"), ym("2017-12")));
    s.missions[1].start = ym("2017-10");
    assert!(policing_vacuums(&s).is_empty());
    assert!(MissionTimeline::build(&s).vacuums.is_empty());
}
