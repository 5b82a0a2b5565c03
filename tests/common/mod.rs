//! Scenario-building helpers shared by the integration tests.
//!
//! Each test file that needs them declares `mod common;`. Not every file uses every helper.

#![expect(
    clippy::panic,
    reason = "test helpers: a failed unwrap or a panic is a failed test"
)]
#![allow(dead_code)]

use peaceops::model::{
    Activity, ActivityId, ActivityKind, Actor, ActorId, ActorKind, Capacity, Consent, CrimeGroup,
    FindingKey, Governance, GroupId, JusticeChain, Level, Mission, MissionId, MissionKind,
    Organization, PeaceRole, Region, RegionId, RegionKind, Scenario, StateRelation, YearMonth,
};
use peaceops::rules::RuleId;

/// A year-month from text such as `"2008-12"`; panics on a malformed date (a test typo).
pub fn ym(s: &str) -> YearMonth {
    s.parse()
        .unwrap_or_else(|e| panic!("bad test date {s:?}: {e}"))
}

/// A quiet baseline: an empty scenario whose host state ("Testland") triggers nothing by itself —
/// functioning governance, full consent, low sovereignty sensitivity, every justice-chain link
/// strong, no sanctions panel, no regions, no minimal-security date.
pub fn base() -> Scenario {
    let mut s = Scenario::new("Test scenario");
    s.host.name = "Testland".to_owned();
    s.host.governance = Governance::Functioning;
    s.host.consent = Consent::Full;
    s.host.sovereignty_sensitivity = Level::Low;
    s.host.justice_chain = strong_chain();
    s.host.sanctions_panel = false;
    s.host.minimal_security = None;
    s
}

/// A justice chain with every link strong.
pub fn strong_chain() -> JusticeChain {
    JusticeChain {
        policing: Capacity::Strong,
        investigation: Capacity::Strong,
        prosecution: Capacity::Strong,
        adjudication: Capacity::Strong,
        corrections: Capacity::Strong,
    }
}

/// A mission with acronym `id` in upper case (so messages name "KFOR" for id `"kfor"`), named
/// "Operation <id>", with no capabilities, no mandate tasks, no personnel.
/// `end` is `None` for an open-ended mission.
pub fn mission(
    id: &str,
    kind: MissionKind,
    org: Organization,
    start: &str,
    end: Option<&str>,
) -> Mission {
    let mut m = Mission::new(MissionId::from(id), format!("Operation {id}"), ym(start));
    m.acronym = id.to_uppercase();
    m.kind = kind;
    m.organization = org;
    m.end = end.map(ym);
    m
}

/// An activity titled "Task <id>" at position (`x`, `y`) with the kind tags, implemented by
/// `mission` (`""` leaves it unassigned). Proposed, no dates, no groups, no partners, no region.
pub fn activity(id: &str, mission: &str, x: f64, y: f64, kinds: &[ActivityKind]) -> Activity {
    let mut a = Activity::new(ActivityId::from(id), format!("Task {id}"), x, y);
    a.mission = (!mission.is_empty()).then(|| MissionId::from(mission));
    a.kinds = kinds.to_vec();
    a
}

/// A crime group with neutral attributes besides its relation and role: not transnational, no
/// ties, no legitimacy, medium harm, no approach, no transition plan, no regions.
pub fn group(id: &str, name: &str, relation: StateRelation, role: PeaceRole) -> CrimeGroup {
    let mut g = CrimeGroup::new(GroupId::from(id), name);
    g.relation = relation;
    g.role = role;
    g
}

/// Another actor.
pub fn actor(id: &str, name: &str, kind: ActorKind) -> Actor {
    Actor {
        id: ActorId::from(id),
        name: name.to_owned(),
        kind,
        notes: String::new(),
        sources: Vec::new(),
    }
}

/// A region of the host state.
pub fn region(id: &str, name: &str, kind: RegionKind) -> Region {
    Region {
        id: RegionId::from(id),
        name: name.to_owned(),
        kind,
        sources: Vec::new(),
    }
}

/// The checklist key a finding of `rule` about the entities `ids` has.
pub fn key(rule: RuleId, ids: &[&str]) -> FindingKey {
    FindingKey::new(rule.as_str(), ids.iter().map(|s| (*s).to_owned()).collect())
}

/// The activity with this id; panics if missing.
pub fn act_mut<'a>(s: &'a mut Scenario, id: &str) -> &'a mut Activity {
    s.activities
        .iter_mut()
        .find(|a| a.id.as_str() == id)
        .unwrap_or_else(|| panic!("no activity {id:?} in the test scenario"))
}

/// The mission with this id; panics if missing.
pub fn mission_mut<'a>(s: &'a mut Scenario, id: &str) -> &'a mut Mission {
    s.missions
        .iter_mut()
        .find(|m| m.id.as_str() == id)
        .unwrap_or_else(|| panic!("no mission {id:?} in the test scenario"))
}

/// The crime group with this id; panics if missing.
pub fn group_mut<'a>(s: &'a mut Scenario, id: &str) -> &'a mut CrimeGroup {
    s.groups
        .iter_mut()
        .find(|g| g.id.as_str() == id)
        .unwrap_or_else(|| panic!("no group {id:?} in the test scenario"))
}

#[cfg(feature = "gui")]
pub mod harness;
#[cfg(feature = "gui")]
pub mod render;
