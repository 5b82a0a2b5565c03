//! The validation pass: every semantic problem of a scenario at once, never a panic. Parsing
//! (in `io`) catches what is not a scenario at all; this catches a scenario that contradicts itself.

use rustc_hash::FxHashMap;
use std::fmt;

use serde::Serialize;

use super::{Catalogue, Scenario, YearMonth};

/// What kind of problem.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ProblemKind {
    /// An id is empty or used twice.
    DuplicateId,
    /// An id is empty or has spaces.
    BadId,
    /// A reference names an entity that does not exist.
    DanglingReference,
    /// Something refers to itself, or a chain of predecessors loops.
    SelfReference,
    /// An end date before its start date.
    EndBeforeStart,
    /// A position outside [-1, 1] or not a number.
    PositionOutOfRange,
}

/// One semantic problem, with where it is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// What kind.
    pub kind: ProblemKind,
    /// Where: the entity, by kind, name and id.
    pub location: String,
    /// What is wrong, in plain words.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location, self.message)
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Entity {
    Region,
    Group,
    Mission,
    Actor,
    Activity,
    Custom,
}

impl Entity {
    fn noun(self) -> &'static str {
        match self {
            Entity::Region => "region",
            Entity::Group => "crime group",
            Entity::Mission => "mission",
            Entity::Actor => "actor",
            Entity::Activity => "activity",
            Entity::Custom => "checklist item",
        }
    }
}

struct Checker<'a> {
    ids: FxHashMap<&'a str, Entity>,
    problems: Vec<Problem>,
}

impl<'a> Checker<'a> {
    // Locations are written only when there is a problem to report: a valid scenario of ten
    // thousand activities must not pay for ten thousand sentences.
    fn push(&mut self, kind: ProblemKind, location: &Loc<'_>, message: String) {
        self.problems.push(Problem {
            kind,
            location: location.write(),
            message,
        });
    }

    fn declare(&mut self, entity: Entity, id: &'a str, location: &Loc<'_>) {
        if id.is_empty() || id.chars().any(char::is_whitespace) {
            self.push(
                ProblemKind::BadId,
                location,
                format!("id {id:?} must be non-empty and without spaces"),
            );
        }
        if let Some(first) = self.ids.insert(id, entity) {
            self.push(
                ProblemKind::DuplicateId,
                location,
                format!("id {id:?} is already used by a {}", first.noun()),
            );
        }
    }

    fn reference(&mut self, expected: Entity, id: &str, location: &Loc<'_>, field: &str) {
        match self.ids.get(id) {
            Some(found) if *found == expected => {}
            Some(found) => self.push(
                ProblemKind::DanglingReference,
                location,
                format!(
                    "{field} names {id:?}, which is a {}, not a {}",
                    found.noun(),
                    expected.noun()
                ),
            ),
            None => self.push(
                ProblemKind::DanglingReference,
                location,
                format!(
                    "{field} names {} {id:?}, which does not exist",
                    expected.noun()
                ),
            ),
        }
    }

    fn dates(&mut self, start: Option<YearMonth>, end: Option<YearMonth>, location: &Loc<'_>) {
        if let (Some(s), Some(e)) = (start, end)
            && e < s
        {
            self.push(
                ProblemKind::EndBeforeStart,
                location,
                format!("ends {e}, before it starts {s}"),
            );
        }
    }

    fn position(&mut self, axis: &str, value: f64, location: &Loc<'_>) {
        if !value.is_finite() || !(-1.0..=1.0).contains(&value) {
            self.push(
                ProblemKind::PositionOutOfRange,
                location,
                format!("{axis} is {value}, outside -1 … 1"),
            );
        }
    }
}

/// Where a problem is: an entity by kind, name and id, written out only when needed.
enum Loc<'s> {
    Entity(&'static str, &'s str, &'s str),
    Text(&'static str),
}

impl Loc<'_> {
    fn write(&self) -> String {
        match self {
            Loc::Entity(kind, name, id) => format!("{kind} '{name}' ({id})"),
            Loc::Text(t) => (*t).to_owned(),
        }
    }
}

fn loc<'s>(kind: &'static str, name: &'s str, id: &'s str) -> Loc<'s> {
    Loc::Entity(kind, name, id)
}

/// Checks a scenario and returns every problem found (empty when valid). `catalogue` is used to
/// check template references; pass `None` to skip that check.
pub fn validate(scenario: &Scenario, catalogue: Option<&Catalogue>) -> Vec<Problem> {
    let mut c = Checker {
        ids: FxHashMap::with_capacity_and_hasher(
            scenario.activities.len() + scenario.missions.len() + scenario.groups.len() + 16,
            Default::default(),
        ),
        problems: Vec::new(),
    };

    // Pass 1: declare every id, so references can point forwards.
    for r in &scenario.host.regions {
        c.declare(
            Entity::Region,
            r.id.as_str(),
            &loc("region", &r.name, r.id.as_str()),
        );
    }
    for g in &scenario.groups {
        c.declare(
            Entity::Group,
            g.id.as_str(),
            &loc("crime group", &g.name, g.id.as_str()),
        );
    }
    for m in &scenario.missions {
        c.declare(
            Entity::Mission,
            m.id.as_str(),
            &loc("mission", m.short_name(), m.id.as_str()),
        );
    }
    for a in &scenario.actors {
        c.declare(
            Entity::Actor,
            a.id.as_str(),
            &loc("actor", &a.name, a.id.as_str()),
        );
    }
    for a in &scenario.activities {
        c.declare(
            Entity::Activity,
            a.id.as_str(),
            &loc("activity", &a.title, a.id.as_str()),
        );
    }
    for i in &scenario.checklist.custom {
        c.declare(
            Entity::Custom,
            i.id.as_str(),
            &loc("checklist item", &i.title, i.id.as_str()),
        );
    }

    // Pass 2: references, dates and positions.
    if let Some(t) = scenario.timeline {
        c.dates(Some(t.start), Some(t.end), &Loc::Text("scenario timeline"));
    }
    for g in &scenario.groups {
        let here = loc("crime group", &g.name, g.id.as_str());
        for r in &g.regions {
            c.reference(Entity::Region, r.as_str(), &here, "regions");
        }
    }
    for m in &scenario.missions {
        let here = loc("mission", m.short_name(), m.id.as_str());
        c.dates(Some(m.start), m.end, &here);
        if let Some(p) = &m.predecessor {
            if p == &m.id {
                c.push(
                    ProblemKind::SelfReference,
                    &here,
                    "is its own predecessor".into(),
                );
            } else {
                c.reference(Entity::Mission, p.as_str(), &here, "predecessor");
            }
        }
        for other in &m.intel_sharing {
            if other == &m.id {
                c.push(
                    ProblemKind::SelfReference,
                    &here,
                    "lists itself in intelligence sharing".into(),
                );
            } else {
                c.reference(Entity::Mission, other.as_str(), &here, "intel_sharing");
            }
        }
        for p in &m.partners {
            c.reference(Entity::Actor, p.as_str(), &here, "partners");
        }
    }
    predecessor_loops(scenario, &mut c);
    for a in &scenario.activities {
        let here = loc("activity", &a.title, a.id.as_str());
        c.position("x", a.x, &here);
        c.position("y", a.y, &here);
        if let Some(m) = &a.mission {
            c.reference(Entity::Mission, m.as_str(), &here, "mission");
        }
        for g in &a.groups {
            c.reference(Entity::Group, g.as_str(), &here, "groups");
        }
        if let Some(r) = &a.region {
            c.reference(Entity::Region, r.as_str(), &here, "region");
        }
        for p in &a.partners {
            c.reference(Entity::Actor, p.as_str(), &here, "partners");
        }
        c.dates(a.start, a.end, &here);
        if let (Some(cat), Some(t)) = (catalogue, &a.template)
            && cat.get(t).is_none()
        {
            c.push(
                ProblemKind::DanglingReference,
                &here,
                format!(
                    "template names {:?}, which is not in the activity catalogue",
                    t.as_str()
                ),
            );
        }
    }
    c.problems
}

/// Reports each chain of predecessors that loops back on itself (once per loop). Linear: each
/// mission is walked once; a walk stops at a mission an earlier walk already passed.
fn predecessor_loops(scenario: &Scenario, c: &mut Checker<'_>) {
    // Missions by id (the last of duplicates, as a map would keep), and each one's predecessor.
    let index: FxHashMap<&str, usize> = scenario
        .missions
        .iter()
        .enumerate()
        .map(|(i, m)| (m.id.as_str(), i))
        .collect();
    let pred = |i: usize| -> Option<usize> {
        let m = &scenario.missions[i];
        let p = m.predecessor.as_ref()?.as_str();
        if p == m.id.as_str() {
            return None;
        }
        index.get(p).copied()
    };
    // The walk that first reached each mission (0: none yet).
    let mut walk_of: Vec<usize> = vec![0; scenario.missions.len()];
    for (start, m) in scenario.missions.iter().enumerate() {
        let Some(&first) = index.get(m.id.as_str()) else {
            continue;
        };
        if walk_of[first] != 0 {
            continue;
        }
        let walk = start + 1;
        let mut path: Vec<usize> = vec![first];
        walk_of[first] = walk;
        let mut cur = first;
        while let Some(p) = pred(cur) {
            if walk_of[p] == walk {
                // Back to a mission of this walk: the path from it on is the loop.
                let pos = path.iter().position(|&i| i == p).unwrap_or(0);
                let cycle: Vec<&str> = path[pos..]
                    .iter()
                    .map(|&i| scenario.missions[i].id.as_str())
                    .collect();
                c.push(
                    ProblemKind::SelfReference,
                    &loc("mission", m.short_name(), m.id.as_str()),
                    format!("predecessor chain loops: {}", cycle.join(" -> ")),
                );
                break;
            }
            if walk_of[p] != 0 {
                // An earlier walk went on from here: any loop ahead is reported already.
                break;
            }
            walk_of[p] = walk;
            path.push(p);
            cur = p;
        }
    }
}
