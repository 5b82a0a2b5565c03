//! What the format-2 model can say and validation must check: groups' approach periods (reversed,
//! overlapping, outside the scenario's time), activities' components against their missions'
//! kinds, and catalogue templates that carry the component doing their work.

#![expect(
    clippy::unwrap_used,
    reason = "test helpers: a failed unwrap is a failed test"
)]

mod common;

use common::{activity, base, group, mission, ym};
use peaceops::model::{
    ActivityId, ActivityKind as K, Approach, ApproachPeriod, Catalogue, Component, MissionKind,
    Organization, PeaceRole, Problem, ProblemKind, Scenario, Severity, StateRelation, TemplateId,
    Timeline, validate,
};

fn period(from: Option<&str>, to: Option<&str>, approach: Approach) -> ApproachPeriod {
    ApproachPeriod {
        from: from.map(ym),
        to: to.map(ym),
        approach,
    }
}

/// Kosovo as the paper tells it (§IV): the "war heroes" were left alone at first and pursued
/// later. One mission deployed 1999–2020.
fn war_heroes(periods: Vec<ApproachPeriod>) -> Scenario {
    let mut s = base();
    s.missions.push(mission(
        "eulex",
        MissionKind::Civilian,
        Organization::Eu,
        "1999-06",
        Some("2020-12"),
    ));
    let mut g = group(
        "war-heroes",
        "War heroes",
        StateRelation::Parasitic,
        PeaceRole::Partner,
    );
    g.approach_periods = periods;
    s.groups.push(g);
    s
}

fn problems_of(s: &Scenario, kind: ProblemKind) -> Vec<Problem> {
    validate(s, None)
        .into_iter()
        .filter(|p| p.kind == kind)
        .collect()
}

#[test]
fn consecutive_periods_are_no_problem() {
    let s = war_heroes(vec![
        period(None, Some("2008-11"), Approach::None),
        period(Some("2008-12"), None, Approach::Coercive),
    ]);
    assert_eq!(validate(&s, None), Vec::new());
}

#[test]
fn a_reversed_period_is_an_error() {
    let s = war_heroes(vec![period(
        Some("2009-01"),
        Some("2008-12"),
        Approach::Coercive,
    )]);
    let p = problems_of(&s, ProblemKind::EndBeforeStart);
    assert_eq!(p.len(), 1, "{p:?}");
    assert_eq!(p[0].severity, Severity::Error);
    assert_eq!(p[0].location, "crime group 'War heroes' (war-heroes)");
    assert_eq!(
        p[0].message,
        "approach period 1 (coercive, 2009-01 to 2008-12) ends before it starts"
    );
}

#[test]
fn overlapping_periods_with_different_approaches_are_an_error() {
    let s = war_heroes(vec![
        period(None, Some("2008-12"), Approach::None),
        period(Some("2008-06"), None, Approach::Coercive),
    ]);
    let p = problems_of(&s, ProblemKind::PeriodsOverlap);
    assert_eq!(p.len(), 1, "{p:?}");
    assert_eq!(p[0].severity, Severity::Error);
    assert_eq!(
        p[0].message,
        "approach periods 1 (none, until 2008-12) and 2 (coercive, from 2008-06 on) cover the same months, with different approaches; only period 1 counts there"
    );
}

#[test]
fn overlapping_periods_that_agree_are_a_warning() {
    let s = war_heroes(vec![
        period(Some("2000-01"), Some("2005-12"), Approach::CoOptive),
        period(Some("2005-12"), Some("2007-12"), Approach::CoOptive),
    ]);
    let p = problems_of(&s, ProblemKind::PeriodsOverlap);
    assert_eq!(p.len(), 1, "{p:?}");
    assert_eq!(p[0].severity, Severity::Warning);
}

#[test]
fn a_period_outside_the_scenarios_time_is_a_warning() {
    // Outside the missions' deployments (no timeline set) …
    let mut s = war_heroes(vec![period(
        Some("2025-01"),
        Some("2026-12"),
        Approach::Coercive,
    )]);
    let p = problems_of(&s, ProblemKind::PeriodOutsideScenario);
    assert_eq!(p.len(), 1, "{p:?}");
    assert_eq!(p[0].severity, Severity::Warning);
    assert_eq!(
        p[0].message,
        "approach period 1 (coercive, 2025-01 to 2026-12) lies outside the scenario's time (1999-06 to 2020-12): nothing on the board falls in it"
    );
    // … and outside the timeline when one is set, even if the missions reach it.
    s.groups[0].approach_periods = vec![period(None, Some("1999-12"), Approach::None)];
    assert!(problems_of(&s, ProblemKind::PeriodOutsideScenario).is_empty());
    s.timeline = Some(Timeline {
        start: ym("2001-01"),
        end: ym("2010-12"),
    });
    assert_eq!(problems_of(&s, ProblemKind::PeriodOutsideScenario).len(), 1);
    // A period that reaches into the scenario's time is fine.
    s.groups[0].approach_periods = vec![period(None, Some("2001-01"), Approach::None)];
    assert!(problems_of(&s, ProblemKind::PeriodOutsideScenario).is_empty());
}

fn with_component(kind: MissionKind, component: Component) -> Scenario {
    let mut s = base();
    s.missions.push(mission(
        "m",
        kind,
        Organization::UnPko,
        "2004-06",
        Some("2017-10"),
    ));
    let mut a = activity("raids", "m", -0.8, 0.8, &[K::Raid]);
    a.component = Some(component);
    s.activities.push(a);
    s
}

#[test]
fn soldiers_of_a_mission_without_troops_are_an_error() {
    for kind in [
        MissionKind::Police,
        MissionKind::Civilian,
        MissionKind::PoliceCivilian,
    ] {
        let s = with_component(kind, Component::Military);
        let p = problems_of(&s, ProblemKind::ComponentNotInMission);
        assert_eq!(p.len(), 1, "{kind:?}: {p:?}");
        assert_eq!(p[0].severity, Severity::Error, "{kind:?}");
        assert_eq!(
            p[0].message,
            format!(
                "is assigned to the military component of M, a {} mission without troops; assign it to another component or mission, or change the mission's kind",
                kind.label()
            )
        );
    }
    for kind in [MissionKind::Military, MissionKind::Multidimensional] {
        let s = with_component(kind, Component::Military);
        assert_eq!(validate(&s, None), Vec::new(), "{kind:?}");
    }
}

#[test]
fn police_of_a_civilian_mission_is_a_warning() {
    let s = with_component(MissionKind::Civilian, Component::Police);
    let p = problems_of(&s, ProblemKind::ComponentNotInMission);
    assert_eq!(p.len(), 1, "{p:?}");
    assert_eq!(p[0].severity, Severity::Warning);
    for kind in [
        MissionKind::Police,
        MissionKind::PoliceCivilian,
        MissionKind::Multidimensional,
        // KFOR's Multinational Specialized Units: gendarmerie in a military operation (§IV).
        MissionKind::Military,
    ] {
        let s = with_component(kind, Component::Police);
        assert_eq!(validate(&s, None), Vec::new(), "{kind:?}");
    }
}

#[test]
fn a_component_without_a_mission_is_a_warning() {
    let mut s = with_component(MissionKind::Multidimensional, Component::Civilian);
    s.activities[0].mission = None;
    let p = problems_of(&s, ProblemKind::ComponentNotInMission);
    assert_eq!(p.len(), 1, "{p:?}");
    assert_eq!(p[0].severity, Severity::Warning);
    assert_eq!(
        p[0].message,
        "is assigned to a civilian component, but to no mission"
    );
}

#[test]
fn the_shipped_scenarios_have_no_component_or_period_errors() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let s = peaceops::io::load(&path).unwrap();
        let errors: Vec<Problem> = validate(&s, None)
            .into_iter()
            .filter(Problem::is_error)
            .collect();
        assert_eq!(errors, Vec::new(), "{}", path.display());
    }
}

fn template(id: &str) -> &'static peaceops::model::Template {
    Catalogue::builtin()
        .unwrap()
        .get(&TemplateId::from(id))
        .unwrap()
}

#[test]
fn templates_carry_the_component_that_does_the_work() {
    assert_eq!(
        template("military-raids").component,
        Some(Component::Military)
    );
    assert_eq!(
        template("counternarcotics-raids").component,
        Some(Component::Military)
    );
    assert_eq!(
        template("executive-policing").component,
        Some(Component::Police)
    );
    assert_eq!(
        template("international-prosecution-trials").component,
        Some(Component::Civilian)
    );
    // Done by the mission as a whole: conduct and discipline.
    assert_eq!(template("conduct-and-discipline").component, None);
}

#[test]
fn the_picker_gives_a_multidimensional_missions_troops_the_raids() {
    // MINUSTAH (§IV.5 names Haiti): its military contingents raiding are the military in crime
    // fighting, and the rules must see it.
    let minustah = mission(
        "minustah",
        MissionKind::Multidimensional,
        Organization::UnPko,
        "2004-06",
        Some("2017-10"),
    );
    let a = template("military-raids").instantiate_in(ActivityId::from("a1"), &minustah);
    assert_eq!(a.mission, Some(minustah.id.clone()));
    assert_eq!(a.component, Some(Component::Military));
    assert_eq!(a.kinds, template("military-raids").kinds);

    let mut s = base();
    s.missions.push(minustah.clone());
    s.activities.push(a);
    let fired: Vec<_> =
        peaceops::rules::evaluate_rule(&s, peaceops::rules::RuleId::MilitaryPolicing);
    assert_eq!(fired.len(), 1, "military-policing for MINUSTAH's troops");

    // A police mission has no troops: the raid is its own, with no component.
    let police = mission(
        "unpol",
        MissionKind::Police,
        Organization::UnPko,
        "2004-06",
        None,
    );
    let b = template("military-raids").instantiate_in(ActivityId::from("a2"), &police);
    assert_eq!(b.component, None);
    // Without a mission there is no component to give.
    assert_eq!(
        template("military-raids")
            .instantiate(ActivityId::from("a3"))
            .component,
        None
    );
}

#[test]
fn a_milestone_needs_a_label_and_a_month_in_the_scenarios_time() {
    use peaceops::model::Milestone;
    let mut s = war_heroes(Vec::new());
    s.milestones = vec![Milestone::new(
        ym("2008-02"),
        "Kosovo declares independence",
    )];
    assert!(problems_of(&s, ProblemKind::EmptyLabel).is_empty());
    assert!(problems_of(&s, ProblemKind::MilestoneOutsideScenario).is_empty());

    // An empty (or blank) label is an error.
    s.milestones.push(Milestone::new(ym("2010-01"), "  "));
    let p = problems_of(&s, ProblemKind::EmptyLabel);
    assert_eq!(p.len(), 1, "{p:?}");
    assert_eq!(p[0].severity, Severity::Error);
    assert!(
        p[0].message.contains("milestone 2 (2010-01)"),
        "{}",
        p[0].message
    );

    // Before the first mission or after the last: a warning naming the scenario's time.
    s.milestones[1].label = "Later".into();
    s.milestones.push(Milestone::new(ym("1998-12"), "Before"));
    s.milestones.push(Milestone::new(ym("2021-01"), "After"));
    let p = problems_of(&s, ProblemKind::MilestoneOutsideScenario);
    assert_eq!(p.len(), 2, "{p:?}");
    assert!(p.iter().all(|p| p.severity == Severity::Warning));
    assert!(
        p[0].message.contains("1999-06 to 2020-12"),
        "{}",
        p[0].message
    );
    // The scenario's own timeline is its time when it has one.
    s.timeline = Some(Timeline {
        start: ym("1990-01"),
        end: ym("2030-12"),
    });
    assert!(problems_of(&s, ProblemKind::MilestoneOutsideScenario).is_empty());
}
