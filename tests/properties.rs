//! Property tests of the file format and of the passes that read a scenario.
//!
//! - Round trip: any scenario, written by `io::to_ron` and read back by `io::parse`, comes back
//!   equal, every float bit for bit (NaN stays NaN), and writing it again gives the same bytes.
//! - Validation and the risk rules never panic, whatever the scenario contradicts.
//! - `io::parse` never panics, on arbitrary text or on mutations of a real scenario's text, and its
//!   errors are one line that starts with the path (and the position, when it has one).
//!
//! Strategies here cover every field of every entity. Ids come from one small pool shared by all
//! kinds of entity, so references sometimes dangle, sometimes name the wrong kind, and ids repeat.
//!
//! Case counts are kept moderate so the file runs in seconds; set `PROPTEST_CASES` to run more.

#![expect(
    clippy::unwrap_used,
    reason = "test helpers: a failed unwrap is a failed test"
)]

use std::path::Path;

use peaceops::io::{self, LoadError};
use peaceops::model::{
    Activity, ActivityId, ActivityKind, ActivityStatus, Actor, ActorId, ActorKind, Approach,
    ApproachPeriod, Capability, Capacity, CheckStatus, Checklist, Component, Consent, CrimeGroup,
    CustomItem, CustomItemId, FindingKey, FindingState, Governance, GroupId, Handover,
    HandoverScope, HostState, JusticeChain, Level, MAX_YEAR, MIN_YEAR, Mandate, Market, Milestone,
    Mission, MissionId, MissionKind, Organization, PeaceRole, Region, RegionId, RegionKind,
    Resource, Scenario, StateRelation, TemplateId, Timeline, YearMonth, validate,
};
use peaceops::synthetic::{self, Size};
use proptest::prelude::*;
use proptest::sample::select;

const PATH: &str = "prop.ron";

/// Cases per property, unless `PROPTEST_CASES` says otherwise.
fn config(cases: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(cases);
    ProptestConfig {
        // Regressions are kept as plain tests at the end of this file, not in a side file.
        failure_persistence: None,
        ..ProptestConfig::with_cases(cases)
    }
}

// ---------------------------------------------------------------------------------------------
// Strategies: text, ids, dates, numbers
// ---------------------------------------------------------------------------------------------

/// Pieces of text that are hard for a RON writer: quotes, escapes, raw-string and comment
/// look-alikes, RON keywords, control characters, line and paragraph separators, emoji.
const TRICKY: &[&str] = &[
    "",
    "\"",
    "\\",
    "\\\"",
    "#",
    "\"#",
    "#\"",
    "r\"",
    "r#\"raw\"#",
    "r##\"",
    "\"##",
    "'",
    "b\"",
    "/*",
    "*/",
    "//",
    "\n",
    "\r",
    "\r\n",
    "\t",
    "\0",
    "\u{7f}",
    "\u{1b}[31m",
    "\u{85}",
    "\u{2028}",
    "\u{2029}",
    "\u{feff}",
    "\u{200b}",
    "\u{10ffff}",
    "\\u{41}",
    "\\n",
    "None",
    "Some(",
    ")",
    "(",
    "[",
    "]",
    ",",
    ":",
    "#![enable(implicit_some)]",
    "format_version: 1",
    "NaN",
    "inf",
    "-0.0",
    "🕊",
    "👩🏽‍⚖️",
    "🇺🇳",
    "é",
    "e\u{301}",
    "日本語",
    "עברית",
    "\u{fffd}",
];

/// Arbitrary text: empty, any characters (controls included), or a run of tricky pieces.
fn text() -> BoxedStrategy<String> {
    prop_oneof![
        1 => Just(String::new()),
        3 => prop::collection::vec(any::<char>(), 0..12).prop_map(String::from_iter),
        2 => any::<String>(),
        4 => prop::collection::vec(select(TRICKY), 0..6).prop_map(|v| v.concat()),
        2 => "[a-z \"\\\\#\\n\\r\\t/*r(){}\\[\\],:'é🕊]{0,16}",
    ]
    .boxed()
}

/// A small pool of ids shared by every kind of entity, so that ids repeat and references dangle
/// or name the wrong kind; a few are not valid ids at all.
const IDS: &[&str] = &[
    "a", "b", "c", "m1", "m2", "g", "r", "act-1", "", "x y", "a\"b", "é",
];

fn id() -> BoxedStrategy<String> {
    prop_oneof![
        9 => select(IDS).prop_map(str::to_owned),
        1 => text(),
    ]
    .boxed()
}

fn ids<T: From<&'static str> + std::fmt::Debug + Clone + 'static>() -> BoxedStrategy<Vec<T>> {
    prop::collection::vec(select(IDS).prop_map(T::from), 0..4).boxed()
}

fn opt_id<T: From<&'static str> + std::fmt::Debug + Clone + 'static>() -> BoxedStrategy<Option<T>> {
    prop::option::of(select(IDS).prop_map(T::from)).boxed()
}

fn year_month() -> BoxedStrategy<YearMonth> {
    prop_oneof![
        (MIN_YEAR..=MAX_YEAR, 1u8..=12u8),
        // The edges of the allowed range.
        (select(&[MIN_YEAR, MAX_YEAR][..]), select(&[1u8, 12][..])),
    ]
    .prop_filter_map("a year-month in range", |(y, m)| YearMonth::new(y, m))
    .boxed()
}

fn opt_date() -> BoxedStrategy<Option<YearMonth>> {
    prop::option::of(year_month()).boxed()
}

fn list<T: std::fmt::Debug + Clone + 'static>(
    s: impl Strategy<Value = T> + 'static,
) -> BoxedStrategy<Vec<T>> {
    prop::collection::vec(s, 0..4).boxed()
}

fn one_of<T: std::fmt::Debug + Clone + 'static>(all: &'static [T]) -> BoxedStrategy<T> {
    select(all).boxed()
}

/// Finite floats that are hard to print and read back: zeros of both signs, subnormals, the
/// largest and smallest magnitudes, values outside [-1, 1], and arbitrary bit patterns.
fn finite_f64() -> BoxedStrategy<f64> {
    const EDGES: &[f64] = &[
        0.0,
        -0.0,
        1.0,
        -1.0,
        0.1,
        -0.333_333_333_333_333_3,
        1e-10,
        5e-324,
        -5e-324,
        2.225_073_858_507_201e-308, // the largest subnormal
        f64::MIN_POSITIVE,
        -f64::MIN_POSITIVE,
        1e308,
        -1e308,
        f64::MAX,
        f64::MIN,
        f64::EPSILON,
        1.000_000_000_000_000_2,
        9_007_199_254_740_993.0,
        1e22,
        1e23,
        123_456_789_012_345_680.0,
        2.5,
        -7.0,
    ];
    prop_oneof![
        3 => select(EDGES),
        3 => any::<u64>().prop_map(f64::from_bits).prop_filter("finite", |v| v.is_finite()),
        2 => -2.0..2.0f64,
        2 => prop::num::f64::NORMAL | prop::num::f64::SUBNORMAL | prop::num::f64::ZERO
            | prop::num::f64::POSITIVE | prop::num::f64::NEGATIVE,
    ]
    .boxed()
}

/// Any float, NaN (with several payloads and both signs) and the infinities included.
fn any_f64() -> BoxedStrategy<f64> {
    const SPECIAL: &[u64] = &[
        0x7ff8_0000_0000_0000, // the usual quiet NaN
        0xfff8_0000_0000_0000, // negative quiet NaN
        0x7ff8_0000_0000_0001, // quiet NaN with a payload
        0x7ff0_0000_0000_0001, // signalling NaN
        0xffff_ffff_ffff_ffff,
        0x7ff0_0000_0000_0000, // +inf
        0xfff0_0000_0000_0000, // -inf
    ];
    prop_oneof![
        2 => finite_f64(),
        2 => select(SPECIAL).prop_map(f64::from_bits),
        1 => any::<f64>(),
    ]
    .boxed()
}

// ---------------------------------------------------------------------------------------------
// Strategies: entities and scenarios
// ---------------------------------------------------------------------------------------------

fn region() -> BoxedStrategy<Region> {
    (id(), text(), one_of(RegionKind::ALL))
        .prop_map(|(id, name, kind)| Region {
            id: RegionId::from(id),
            name,
            kind,
            sources: Vec::new(),
        })
        .boxed()
}

fn host() -> BoxedStrategy<HostState> {
    let chain = (
        one_of(Capacity::ALL),
        one_of(Capacity::ALL),
        one_of(Capacity::ALL),
        one_of(Capacity::ALL),
        one_of(Capacity::ALL),
    )
        .prop_map(
            |(policing, investigation, prosecution, adjudication, corrections)| JusticeChain {
                policing,
                investigation,
                prosecution,
                adjudication,
                corrections,
            },
        );
    (
        (
            text(),
            one_of(Governance::ALL),
            one_of(Consent::ALL),
            one_of(Level::ALL),
            chain,
            any::<bool>(),
            opt_date(),
        ),
        (
            list(region()),
            list(text()),
            list(one_of(Resource::ALL)),
            one_of(Level::ALL),
            any::<bool>(),
            text(),
        ),
    )
        .prop_map(
            |(
                (name, governance, consent, sovereignty_sensitivity, justice_chain, gap, security),
                (regions, neighbours, natural_resources, police_trust, sanctions_panel, notes),
            )| HostState {
                name,
                governance,
                consent,
                sovereignty_sensitivity,
                justice_chain,
                policing_gap: gap,
                minimal_security: security,
                regions,
                neighbours,
                natural_resources,
                police_trust,
                sanctions_panel,
                notes,
                sources: Vec::new(),
            },
        )
        .boxed()
}

fn group() -> BoxedStrategy<CrimeGroup> {
    (
        (
            id(),
            text(),
            one_of(StateRelation::ALL),
            one_of(PeaceRole::ALL),
            list(one_of(Market::ALL)),
            any::<bool>(),
            ids::<RegionId>(),
        ),
        (
            any::<bool>(),
            any::<bool>(),
            any::<bool>(),
            one_of(Level::ALL),
            one_of(Approach::ALL),
            any::<bool>(),
            text(),
        ),
        prop::collection::vec(
            (opt_date(), opt_date(), one_of(Approach::ALL))
                .prop_map(|(from, to, approach)| ApproachPeriod { from, to, approach }),
            0..3,
        ),
    )
        .prop_map(
            |(
                (id, name, relation, role, markets, transnational, regions),
                (ties, armed, legitimacy, harm, approach, transition_plan, notes),
                approach_periods,
            )| CrimeGroup {
                id: GroupId::from(id),
                name,
                relation,
                role,
                markets,
                transnational,
                regions,
                ties_to_officials: ties,
                armed_links: armed,
                local_legitimacy: legitimacy,
                harm,
                approach,
                approach_periods,
                transition_plan,
                notes,
                sources: Vec::new(),
            },
        )
        .boxed()
}

fn mission() -> BoxedStrategy<Mission> {
    let mandate = any::<[bool; 5]>().prop_map(|[a, b, c, d, e]| Mandate {
        organized_crime: a,
        executive: b,
        rule_of_law: c,
        public_security: d,
        transitional_authority: e,
    });
    let handover = (any::<bool>(), list(one_of(HandoverScope::ALL)), text()).prop_map(
        |(planned, covers, notes)| Handover {
            planned,
            covers,
            notes,
            sources: Vec::new(),
        },
    );
    let personnel = prop_oneof![any::<u32>(), select(&[0u32, 1, u32::MAX][..])];
    (
        (
            id(),
            text(),
            text(),
            one_of(Organization::ALL),
            one_of(MissionKind::ALL),
            list(one_of(Capability::ALL)),
            mandate,
            year_month(),
        ),
        (
            opt_date(),
            opt_id::<MissionId>(),
            handover,
            ids::<MissionId>(),
            ids::<ActorId>(),
            any::<bool>(),
            personnel,
            text(),
        ),
        any::<bool>(),
    )
        .prop_map(
            |(
                (id, name, acronym, organization, kind, capabilities, mandate, start),
                (end, predecessor, handover, intel_sharing, partners, oversight, personnel, notes),
                not_peace_operation,
            )| Mission {
                id: MissionId::from(id),
                name,
                acronym,
                organization,
                kind,
                capabilities,
                mandate,
                start,
                end,
                predecessor,
                handover,
                intel_sharing,
                partners,
                oversight,
                personnel,
                not_peace_operation,
                notes,
                sources: Vec::new(),
            },
        )
        .boxed()
}

fn actor() -> BoxedStrategy<Actor> {
    (id(), text(), one_of(ActorKind::ALL), text())
        .prop_map(|(id, name, kind, notes)| Actor {
            id: ActorId::from(id),
            name,
            kind,
            notes,
            sources: Vec::new(),
        })
        .boxed()
}

fn template_id() -> BoxedStrategy<Option<TemplateId>> {
    prop::option::of(prop_oneof![
        select(&["police-training", "raids", "no-such-template"][..]).prop_map(TemplateId::from),
        text().prop_map(TemplateId::from),
    ])
    .boxed()
}

fn activity(position: &BoxedStrategy<f64>) -> BoxedStrategy<Activity> {
    (
        (
            id(),
            text(),
            template_id(),
            opt_id::<MissionId>(),
            position.clone(),
            position.clone(),
            list(one_of(ActivityKind::ALL)),
            ids::<GroupId>(),
        ),
        (
            list(one_of(Market::ALL)),
            opt_id::<RegionId>(),
            opt_date(),
            opt_date(),
            ids::<ActorId>(),
            one_of(ActivityStatus::ALL),
            text(),
        ),
        prop::option::of(one_of(Component::ALL)),
    )
        .prop_map(
            |(
                (id, title, template, mission, x, y, kinds, groups),
                (markets, region, start, end, partners, status, notes),
                component,
            )| Activity {
                id: ActivityId::from(id),
                title,
                short: String::new(),
                template,
                mission,
                x,
                y,
                kinds,
                component,
                groups,
                markets,
                region,
                start,
                end,
                partners,
                status,
                notes,
                sources: Vec::new(),
            },
        )
        .boxed()
}

fn checklist() -> BoxedStrategy<Checklist> {
    let finding = (
        text(),
        prop::collection::vec(id(), 0..4),
        one_of(CheckStatus::ALL),
        text(),
    )
        .prop_map(|(rule, entities, status, note)| FindingState {
            // A file may hold unsorted, repeated entities, but loading normalises them (see
            // tests/messages.rs), so round trips start from a normalised key.
            key: FindingKey::new(rule, entities),
            status,
            note,
        });
    let custom =
        (id(), text(), one_of(CheckStatus::ALL), text()).prop_map(|(id, title, status, note)| {
            CustomItem {
                id: CustomItemId::from(id),
                title,
                status,
                note,
                sources: Vec::new(),
            }
        });
    (list(finding), list(custom))
        .prop_map(|(findings, custom)| Checklist { findings, custom })
        .boxed()
}

fn milestone() -> BoxedStrategy<Milestone> {
    (year_month(), text())
        .prop_map(|(at, label)| Milestone::new(at, label))
        .boxed()
}

fn timeline() -> BoxedStrategy<Option<Timeline>> {
    prop::option::of((year_month(), year_month()).prop_map(|(start, end)| Timeline { start, end }))
        .boxed()
}

fn effect() -> BoxedStrategy<peaceops::model::Effect> {
    use peaceops::model::Effect as E;
    prop_oneof![
        one_of(Consent::ALL).prop_map(E::SetConsent),
        one_of(Level::ALL).prop_map(E::SetPoliceTrust),
        prop::option::of(year_month()).prop_map(E::SetMinimalSecurity),
        (id(), year_month()).prop_map(|(m, end)| E::EndMission {
            mission: MissionId::from(m),
            end
        }),
        (id(), one_of(Capability::ALL)).prop_map(|(m, capability)| E::RemoveCapability {
            mission: MissionId::from(m),
            capability
        }),
        (id(), one_of(HandoverScope::ALL)).prop_map(|(m, scope)| E::HandoverDrops {
            mission: MissionId::from(m),
            scope
        }),
        (id(), id(), any::<bool>()).prop_map(|(m, w, shares)| E::SetIntelSharing {
            mission: MissionId::from(m),
            with: MissionId::from(w),
            shares
        }),
        (id(), one_of(PeaceRole::ALL)).prop_map(|(g, role)| E::SetGroupRole {
            group: GroupId::from(g),
            role
        }),
        group().prop_map(E::AddGroup),
    ]
    .boxed()
}

fn inject() -> BoxedStrategy<peaceops::model::Inject> {
    (
        (id(), prop::option::of(year_month()), text(), text()),
        (
            text(),
            text(),
            prop::option::of(text()),
            text(),
            list(effect()),
        ),
    )
        .prop_map(
            |(
                (id, at, title, text),
                (controller_notes, expected_action, section, controller, effects),
            )| {
                peaceops::model::Inject {
                    id: peaceops::model::InjectId(id),
                    at,
                    title,
                    text,
                    controller_notes,
                    expected_action,
                    section,
                    controller,
                    effects,
                }
            },
        )
        .boxed()
}

fn wall_time() -> BoxedStrategy<peaceops::model::WallTime> {
    // Up to the year 9999, the last RFC 3339 can write.
    (0u64..253_402_300_799)
        .prop_map(peaceops::model::WallTime)
        .boxed()
}

fn run() -> BoxedStrategy<peaceops::model::Run> {
    use peaceops::model::{Delivery, DeliveryState, InjectId, LogEntry, LogKind, Run, RunId};
    let delivery =
        (id(), one_of(DeliveryState::ALL), wall_time()).prop_map(|(i, state, when)| Delivery {
            inject: InjectId(i),
            state,
            when,
        });
    let entry = (
        (
            wall_time(),
            prop::option::of(year_month()),
            prop::option::of(id()),
        ),
        (one_of(LogKind::ALL), text(), list(id())),
    )
        .prop_map(|((when, at, inject), (kind, text, activities))| LogEntry {
            when,
            at,
            inject: inject.map(InjectId),
            kind,
            text,
            findings: Vec::new(),
            activities: activities.into_iter().map(ActivityId::from).collect(),
        });
    (
        (id(), text(), wall_time(), prop::option::of(wall_time())),
        (list(delivery), list(entry)),
    )
        .prop_map(|((id, name, started, ended), (deliveries, log))| Run {
            option: None,
            id: RunId(id),
            name,
            started,
            ended,
            deliveries,
            log,
        })
        .boxed()
}

/// Any scenario of the current format version, with positions drawn from `position`.
fn scenario_with(position: &BoxedStrategy<f64>) -> BoxedStrategy<Scenario> {
    (
        (text(), text(), timeline(), host(), list(milestone())),
        (
            list(group()),
            list(mission()),
            list(actor()),
            prop::collection::vec(activity(position), 0..5),
            checklist(),
        ),
        (list(inject()), list(run())),
    )
        .prop_map(
            |(
                (title, description, timeline, host, milestones),
                (groups, missions, actors, activities, checklist),
                (injects, runs),
            )| {
                Scenario {
                    format_version: peaceops::model::FORMAT_VERSION,
                    title,
                    description,
                    description_sources: Vec::new(),
                    timeline,
                    host,
                    groups,
                    missions,
                    actors,
                    activities,
                    milestones,
                    checklist,
                    injects,
                    runs,
                    options: vec![peaceops::model::PlanOption::current_plan()],
                    current_option: Some(peaceops::model::PlanOption::DEFAULT_ID.into()),
                }
            },
        )
        .boxed()
}

fn scenario_finite() -> BoxedStrategy<Scenario> {
    scenario_with(&finite_f64())
}

fn scenario_any() -> BoxedStrategy<Scenario> {
    scenario_with(&any_f64())
}

// ---------------------------------------------------------------------------------------------
// Checks
// ---------------------------------------------------------------------------------------------

/// Every float of a scenario, in order (the activities' positions).
fn floats(s: &Scenario) -> Vec<f64> {
    s.activities.iter().flat_map(|a| [a.x, a.y]).collect()
}

/// The scenario with every float set to zero, so `==` compares the rest.
fn without_floats(s: &Scenario) -> Scenario {
    let mut s = s.clone();
    for a in &mut s.activities {
        a.x = 0.0;
        a.y = 0.0;
    }
    s
}

/// Whether `back` equals `original`: every float bit for bit, except that a NaN need only come
/// back as a NaN (RON writes every NaN as `NaN`, without sign or payload).
fn same(original: &Scenario, back: &Scenario) -> Result<(), String> {
    if without_floats(original) != without_floats(back) {
        return Err(format!(
            "scenarios differ:\noriginal: {original:#?}\nback: {back:#?}"
        ));
    }
    for (i, (a, b)) in floats(original).into_iter().zip(floats(back)).enumerate() {
        let ok = if a.is_nan() {
            b.is_nan()
        } else {
            a.to_bits() == b.to_bits()
        };
        if !ok {
            return Err(format!(
                "float {i} changed: {a:?} ({:#018x}) came back as {b:?} ({:#018x})",
                a.to_bits(),
                b.to_bits()
            ));
        }
    }
    Ok(())
}

/// to_ron, parse, compare; then to_ron again must give the same bytes.
fn round_trip(s: &Scenario) -> Result<(), TestCaseError> {
    let text = io::to_ron(s).map_err(|e| TestCaseError::fail(format!("to_ron failed: {e}")))?;
    let back = io::parse(&text, Path::new(PATH))
        .map_err(|e| TestCaseError::fail(format!("parse failed: {e}\ntext:\n{text}")))?;
    same(s, &back).map_err(|e| TestCaseError::fail(format!("{e}\ntext:\n{text}")))?;
    let again = io::to_ron(&back).map_err(|e| TestCaseError::fail(format!("to_ron: {e}")))?;
    prop_assert_eq!(&again, &text, "to_ron is not stable across a round trip");
    Ok(())
}

/// The one-line rule for load errors: one line, starting with the path and `:`, then the position
/// when there is one, then an explanation; the position lies within the text.
fn error_problem(e: &LoadError, text: &str) -> Option<String> {
    let msg = e.to_string();
    if msg.contains('\n') || msg.contains('\r') {
        return Some(format!("message is not one line: {msg:?}"));
    }
    let Some(rest) = msg.strip_prefix(PATH) else {
        return Some(format!("message does not start with {PATH:?}: {msg:?}"));
    };
    if !rest.starts_with(':') {
        return Some(format!("path is not followed by ':' in {msg:?}"));
    }
    if let Some((line, column)) = e.position() {
        let prefix = format!(":{line}:{column}: ");
        if !rest.starts_with(&prefix) {
            return Some(format!("message lacks `{prefix}` after the path: {msg:?}"));
        }
        if rest[prefix.len()..].trim().is_empty() {
            return Some(format!("no explanation after the position: {msg:?}"));
        }
        // Lines end at LF, CR, CRLF, NEL, LS and PS, as the loader counts them.
        let lines_text = text
            .replace("\r\n", "\n")
            .replace(['\r', '\u{85}', '\u{2028}', '\u{2029}'], "\n");
        let lines: Vec<&str> = lines_text.split('\n').collect();
        let in_text = line >= 1
            && column >= 1
            && line <= lines.len()
            && column <= lines[line - 1].chars().count() + 1;
        if !in_text {
            return Some(format!(
                "position {line}:{column} is outside the text: {msg:?}"
            ));
        }
    } else if rest[1..].trim().is_empty() {
        return Some(format!("no explanation after the path: {msg:?}"));
    }
    None
}

/// Parses `text` the way `io::load` does after its UTF-8 check. An error must follow the
/// one-line rule; a scenario must survive validation and the rules, and round-trip.
fn parse_checked(text: &str) -> Result<(), TestCaseError> {
    match io::parse(text, Path::new(PATH)) {
        Err(e) => match error_problem(&e, text) {
            Some(p) => Err(TestCaseError::fail(format!("{p}\ntext: {text:?}"))),
            None => Ok(()),
        },
        Ok(s) => {
            let _ = validate(&s, peaceops::model::Catalogue::builtin().ok());
            let _ = peaceops::rules::evaluate(&s);
            round_trip(&s)
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Mutations of a real scenario's text
// ---------------------------------------------------------------------------------------------

/// RON fragments to insert: they take the parser down paths random bytes rarely reach.
const FRAGMENTS: &[&str] = &[
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ",",
    ":",
    "\"",
    "'",
    "#",
    "r#\"",
    "\"#",
    "/*",
    "*/",
    "//",
    "\n",
    "Some(",
    "None",
    "true",
    "false",
    "NaN",
    "inf",
    "-inf",
    "1e400",
    "-0",
    "0x",
    "0b",
    "1_000",
    "18446744073709551616",
    "\\u{",
    "\\",
    "#![enable(implicit_some)]\n",
    "#![enable(unwrap_newtypes)]\n",
    "format_version: 2,",
    "format_version: 0,",
    "id: \"a\",",
    "x: ",
    "\u{feff}",
    "é",
    "🕊",
    "\0",
];

#[derive(Clone, Debug)]
enum Mutation {
    Flip(usize, u8),
    Set(usize, u8),
    Insert(usize, Vec<u8>),
    Delete(usize, usize),
    Duplicate(usize, usize),
    Truncate(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let pos = any::<usize>();
    prop_oneof![
        3 => (pos, 0u8..8).prop_map(|(p, bit)| Mutation::Flip(p, 1 << bit)),
        2 => (pos, any::<u8>()).prop_map(|(p, b)| Mutation::Set(p, b)),
        2 => (pos, prop::collection::vec(any::<u8>(), 1..4)).prop_map(|(p, v)| Mutation::Insert(p, v)),
        3 => (pos, select(FRAGMENTS)).prop_map(|(p, f)| Mutation::Insert(p, f.as_bytes().to_vec())),
        2 => (pos, 1usize..40).prop_map(|(p, n)| Mutation::Delete(p, n)),
        1 => (pos, 1usize..40).prop_map(|(p, n)| Mutation::Duplicate(p, n)),
        1 => pos.prop_map(Mutation::Truncate),
    ]
}

fn mutate(bytes: &mut Vec<u8>, m: &Mutation) {
    let len = bytes.len();
    let at = |p: usize| if len == 0 { 0 } else { p % (len + 1) };
    match m {
        Mutation::Flip(p, mask) if len > 0 => bytes[p % len] ^= mask,
        Mutation::Set(p, b) if len > 0 => bytes[p % len] = *b,
        Mutation::Flip(..) | Mutation::Set(..) => {}
        Mutation::Insert(p, v) => {
            let i = at(*p);
            bytes.splice(i..i, v.iter().copied());
        }
        Mutation::Delete(p, n) => {
            let i = at(*p);
            let end = (i + n).min(len);
            bytes.drain(i..end);
        }
        Mutation::Duplicate(p, n) => {
            let i = at(*p);
            let end = (i + n).min(len);
            let copy = bytes[i..end].to_vec();
            bytes.splice(end..end, copy);
        }
        Mutation::Truncate(p) => bytes.truncate(at(*p)),
    }
}

fn seed_text(seed: u64) -> String {
    let s = synthetic::scenario(
        Size {
            activities: 20,
            missions: 4,
            groups: 4,
        },
        seed,
    );
    io::to_ron(&s).unwrap()
}

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

/// Every place a validation problem can be about, written as validation writes it.
fn locations(s: &Scenario) -> std::collections::HashSet<String> {
    let mut out = std::collections::HashSet::new();
    let mut add = |kind: &str, name: &str, id: &str| {
        out.insert(format!("{kind} '{name}' ({id})"));
    };
    for r in &s.host.regions {
        add("region", &r.name, r.id.as_str());
    }
    for g in &s.groups {
        add("crime group", &g.name, g.id.as_str());
    }
    for m in &s.missions {
        add("mission", m.short_name(), m.id.as_str());
    }
    for a in &s.actors {
        add("actor", &a.name, a.id.as_str());
    }
    for a in &s.activities {
        add("activity", &a.title, a.id.as_str());
    }
    for c in &s.checklist.custom {
        add("checklist item", &c.title, c.id.as_str());
    }
    for i in &s.injects {
        add("inject", &i.title, i.id.as_str());
    }
    for r in &s.runs {
        add("run", &r.name, r.id.as_str());
    }
    for (i, m) in s.milestones.iter().enumerate() {
        let name = format!("{} {}", m.at, m.label.trim());
        add("milestone", name.trim(), &(i + 1).to_string());
    }
    for o in &s.options {
        add("option", &o.name, o.id.as_str());
    }
    out.insert("options".to_owned());
    out.insert("scenario timeline".to_owned());
    out
}

/// Whether a finding's entity is in the scenario.
fn entity_exists(s: &Scenario, e: &peaceops::rules::EntityRef) -> bool {
    use peaceops::rules::EntityRef;
    match e {
        EntityRef::Mission(id) => s.missions.iter().any(|m| &m.id == id),
        EntityRef::Group(id) => s.groups.iter().any(|g| &g.id == id),
        EntityRef::Activity(id) => s.activities.iter().any(|a| &a.id == id),
        EntityRef::Actor(id) => s.actors.iter().any(|a| &a.id == id),
        EntityRef::Region(id) => s.host.regions.iter().any(|r| &r.id == id),
        EntityRef::Link(_) => true,
    }
}

proptest! {
    #![proptest_config(config(256))]

    /// a. Finite positions: parse(to_ron(s)) == s, bit for bit, and to_ron is stable.
    #[test]
    fn round_trip_is_exact(s in scenario_finite()) {
        round_trip(&s)?;
    }

    /// a. NaN and the infinities round-trip too (NaN as some NaN).
    #[test]
    fn round_trip_keeps_nan_and_infinities(s in scenario_any()) {
        round_trip(&s)?;
    }

    /// b. Validation and the rules never panic, whatever the scenario contradicts, and what they
    /// say is about the scenario: every problem names a place that exists in it, every finding
    /// names only entities that exist and has a sentence.
    #[test]
    fn validation_and_rules_speak_only_of_what_exists(s in scenario_any()) {
        let places = locations(&s);
        for p in validate(&s, None)
            .into_iter()
            .chain(validate(&s, peaceops::model::Catalogue::builtin().ok()))
        {
            prop_assert!(places.contains(&p.location), "problem at an unknown place: {p:?}");
            prop_assert!(!p.message.trim().is_empty(), "{p:?}");
        }
        for f in peaceops::rules::evaluate(&s) {
            for e in f.entities(&s) {
                prop_assert!(entity_exists(&s, &e), "{:?} names {e:?}, which does not exist", f.rule);
            }
            // (A sentence quotes titles as they are, line breaks included; the command line's
            // text output escapes them.)
            let m = f.message(&s);
            prop_assert!(!m.trim().is_empty(), "{:?}: {m:?}", f.rule);
        }
    }
}

proptest! {
    #![proptest_config(config(512))]

    /// c. Arbitrary text: no panic; errors are one line starting with the path.
    #[test]
    fn parse_never_panics_on_arbitrary_text(text in prop_oneof![
        any::<String>(),
        prop::collection::vec(any::<char>(), 0..64).prop_map(String::from_iter),
        prop::collection::vec(select(FRAGMENTS), 0..24).prop_map(|v| v.concat()),
        prop::collection::vec(select(TRICKY), 0..24).prop_map(|v| v.concat()),
    ]) {
        parse_checked(&text)?;
    }
}

proptest! {
    #![proptest_config(config(256))]

    /// c. Mutations of a valid scenario's text: no panic; errors are one line starting with the
    /// path; whatever still parses validates, evaluates and round-trips.
    #[test]
    fn parse_never_panics_on_mutated_scenarios(
        seed in any::<u64>(),
        // Mostly one or two mutations, so that some texts still parse and go further.
        mutations in prop_oneof![
            4 => prop::collection::vec(mutation(), 1..=1),
            3 => prop::collection::vec(mutation(), 2..4),
            1 => prop::collection::vec(mutation(), 4..12),
        ],
    ) {
        let mut bytes = seed_text(seed).into_bytes();
        for m in &mutations {
            mutate(&mut bytes, m);
        }
        // `io::load` refuses text that is not UTF-8 before parsing; parse what is left of it anyway.
        let text = String::from_utf8_lossy(&bytes);
        parse_checked(&text)?;
    }
}

// ---------------------------------------------------------------------------------------------
// Plain tests: the seed text and the checks themselves
// ---------------------------------------------------------------------------------------------

#[test]
fn the_mutation_seed_parses() {
    for seed in [0, 1, u64::MAX] {
        let text = seed_text(seed);
        let s = io::parse(&text, Path::new(PATH)).unwrap();
        assert!(validate(&s, None).is_empty());
    }
}

#[test]
fn edge_floats_round_trip_exactly() {
    let mut s = Scenario::new("floats");
    let values = [
        0.0,
        -0.0,
        5e-324,
        -5e-324,
        f64::MIN_POSITIVE,
        f64::MAX,
        f64::MIN,
        1e308,
        -1e308,
        f64::EPSILON,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NAN,
    ];
    for (i, pair) in values.chunks(2).enumerate() {
        let y = pair.get(1).copied().unwrap_or(0.5);
        s.activities.push(Activity::new(
            format!("a{i}").as_str().into(),
            "t",
            pair[0],
            y,
        ));
    }
    round_trip(&s).unwrap();
}
