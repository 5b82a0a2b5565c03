//! The validation pass: every semantic problem of a scenario at once, never a panic. Parsing
//! (in `io`) catches what is not a scenario at all; this catches a scenario that contradicts itself.

use rustc_hash::{FxHashMap, FxHashSet};
use std::fmt;

use serde::Serialize;

use super::{Catalogue, FindingKey, Scenario, YearMonth};

/// The characters an id may hold: ASCII letters and digits, `-`, `_` and `.`. Ids are written by
/// people in files and diffs and compared exactly, so nothing invisible (zero-width spaces,
/// direction marks, NUL) or look-alike (Cyrillic `о` for Latin `o`) may make two different ids
/// display the same.
pub fn is_id_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')
}

/// How serious a problem is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    /// The scenario contradicts itself; `check` calls the file invalid.
    #[default]
    Error,
    /// Worth a look, but the scenario is consistent (an activity dated outside its mission).
    Warning,
}

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
    /// The same entity named twice in one list.
    RepeatedReference,
    /// A mission that starts before the mission it succeeds.
    SuccessorBeforePredecessor,
    /// An activity that starts outside its mission's period (a warning).
    OutsideMission,
    /// Two checklist decisions on one finding.
    DuplicateDecision,
    /// A checklist decision on a rule PeaceOps does not have.
    UnknownRule,
    /// Two approach periods of a group cover the same months.
    PeriodsOverlap,
    /// An approach period outside the scenario's time (a warning).
    PeriodOutsideScenario,
    /// An activity assigned to a component its mission's kind does not have.
    ComponentNotInMission,
    /// The mandate options break the working-copy rule: no current option or an unknown one,
    /// or the current option's entry holding activities or a checklist of its own.
    OptionWorkingCopy,
    /// Two options share a name (or a name is empty).
    OptionName,
    /// A milestone with no label (the timeline would show a bare mark).
    EmptyLabel,
    /// A milestone outside the scenario's time (a warning: the timeline cannot show it).
    MilestoneOutsideScenario,
}

/// One semantic problem, with where it is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// What kind.
    pub kind: ProblemKind,
    /// An error, or only a warning.
    pub severity: Severity,
    /// Where: the entity, by kind, name and id.
    pub location: String,
    /// What is wrong, in plain words.
    pub message: String,
    /// The line of the file it is on (from 1), when known: checklist decisions read from a
    /// file have one; problems of entities are located by name and id instead.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
}

impl Problem {
    /// Whether it makes the scenario invalid (an error, not a warning).
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.severity == Severity::Warning {
            f.write_str("warning: ")?;
        }
        if let Some(line) = self.line {
            write!(f, "line {line}: ")?;
        }
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
            severity: Severity::Error,
            location: location.write(),
            message,
            line: None,
        });
    }

    fn warn(&mut self, kind: ProblemKind, location: &Loc<'_>, message: String) {
        self.problems.push(Problem {
            kind,
            severity: Severity::Warning,
            location: location.write(),
            message,
            line: None,
        });
    }

    fn declare(&mut self, entity: Entity, id: &'a str, location: &Loc<'_>) {
        if id.is_empty() || id.chars().any(char::is_whitespace) {
            self.push(
                ProblemKind::BadId,
                location,
                format!("id {id:?} must be non-empty and without spaces"),
            );
        } else if let Some((at, c)) = id.char_indices().find(|(_, c)| !is_id_char(*c)) {
            let position = id[..at].chars().count() + 1;
            self.push(
                ProblemKind::BadId,
                location,
                format!(
                    "id {id:?} has U+{:04X} at character {position}; ids use only letters a–z and A–Z, digits, '-', '_' and '.' (nothing invisible or look-alike)",
                    u32::from(c)
                ),
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

    /// Reports each id named more than once in one list.
    fn repeats<'i>(
        &mut self,
        ids: impl IntoIterator<Item = &'i str>,
        location: &Loc<'_>,
        field: &str,
    ) {
        let mut seen: FxHashSet<&str> = FxHashSet::default();
        let mut reported: FxHashSet<&str> = FxHashSet::default();
        for id in ids {
            if !seen.insert(id) && reported.insert(id) {
                self.push(
                    ProblemKind::RepeatedReference,
                    location,
                    format!("{field} names {id:?} more than once"),
                );
            }
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
    validate_with(scenario, catalogue, &mut |o| option_problems(scenario, o))
}

/// [`validate`], with the own problems of the options that are not current from `own` (see
/// [`validate_options_with`]).
pub fn validate_with(
    scenario: &Scenario,
    catalogue: Option<&Catalogue>,
    own: &mut dyn FnMut(&super::PlanOption) -> Vec<Problem>,
) -> Vec<Problem> {
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
    // Missions the current option adds are on its board, so its activities may name them
    // (an addition whose id the base has is reported by `validate_options`).
    for change in scenario
        .current_option()
        .map_or(&[][..], |o| &o.missions[..])
    {
        if let super::MissionChange::Add(m) = change {
            c.ids.entry(m.id.as_str()).or_insert(Entity::Mission);
        }
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

    // Missions by id, for dates (the first of duplicates).
    let mut missions: FxHashMap<&str, &super::Mission> = FxHashMap::default();
    for m in &scenario.missions {
        missions.entry(m.id.as_str()).or_insert(m);
    }

    // The catalogue's templates by id, for the activities' references: a search of the
    // catalogue per activity was a fourteenth of `options/switch_in_document_1000`
    // (benches/options.rs).
    let templates: Option<FxHashSet<&str>> =
        catalogue.map(|cat| cat.templates.iter().map(|t| t.id.as_str()).collect());

    // Pass 2: references, dates and positions.
    if let Some(t) = scenario.timeline {
        c.dates(Some(t.start), Some(t.end), &Loc::Text("scenario timeline"));
    }
    for g in &scenario.groups {
        let here = loc("crime group", &g.name, g.id.as_str());
        for r in &g.regions {
            c.reference(Entity::Region, r.as_str(), &here, "regions");
        }
        c.repeats(g.regions.iter().map(|r| r.as_str()), &here, "regions");
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
        c.repeats(
            m.intel_sharing.iter().map(|r| r.as_str()),
            &here,
            "intel_sharing",
        );
        c.repeats(m.partners.iter().map(|r| r.as_str()), &here, "partners");
    }
    let in_loops = predecessor_loops(scenario, &mut c);
    for m in &scenario.missions {
        // In a loop every mission succeeds itself: the loop is the problem, not the dates.
        if let Some(p) = m
            .predecessor
            .as_ref()
            .and_then(|p| missions.get(p.as_str()))
            && p.id != m.id
            && m.start < p.start
            && !in_loops.contains(m.id.as_str())
        {
            c.push(
                ProblemKind::SuccessorBeforePredecessor,
                &loc("mission", m.short_name(), m.id.as_str()),
                format!(
                    "starts {}, before its predecessor {} starts {}",
                    m.start,
                    p.short_name(),
                    p.start
                ),
            );
        }
    }
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
        c.repeats(a.groups.iter().map(|r| r.as_str()), &here, "groups");
        c.repeats(a.partners.iter().map(|r| r.as_str()), &here, "partners");
        c.dates(a.start, a.end, &here);
        if let Some(m) = a.mission.as_ref().and_then(|m| missions.get(m.as_str())) {
            outside_mission(&mut c, a.start, a.end, m, &here);
        }
        if let Some(t) = &a.template
            && templates
                .as_ref()
                .is_some_and(|ids| !ids.contains(t.as_str()))
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
    approach_periods(scenario, &mut c);
    milestones(scenario, &mut c);
    components(scenario, &missions, &mut c);
    c.problems.extend(super::validate_exercise(scenario));
    c.problems.extend(validate_options_with(scenario, own));
    c.problems
}

fn problem(kind: ProblemKind, severity: Severity, location: String, message: String) -> Problem {
    Problem {
        kind,
        severity,
        location,
        message,
        line: None,
    }
}

/// Problems of the mandate options: the working-copy rule (exactly one current option, known,
/// whose entry holds no activities or checklist: they are the scenario's own), option ids and
/// names (unique, well formed), mission changes that do not fit the base, and the activities
/// of the other options (ids unique within the option, references to what exists in that
/// option's board, positions on the chart). An activity naming a mission its option leaves out
/// is a warning: on the board it has no mission.
pub fn validate_options(s: &Scenario) -> Vec<Problem> {
    validate_options_with(s, &mut |o| option_problems(s, o))
}

/// [`validate_options`], with each option's own problems (those [`option_problems`] finds)
/// from `own` for the options that are not current: a caller that keeps them while neither
/// the base nor the option changes need not look at every option's activities again.
pub fn validate_options_with(
    s: &Scenario,
    own: &mut dyn FnMut(&super::PlanOption) -> Vec<Problem>,
) -> Vec<Problem> {
    use super::OptionId;
    let mut out = Vec::new();
    let err = Severity::Error;
    if s.options.is_empty() {
        if s.current_option.is_some() {
            out.push(problem(
                ProblemKind::OptionWorkingCopy,
                err,
                "options".into(),
                "a current option is named, but the scenario lists no options".into(),
            ));
        }
        return out;
    }
    match &s.current_option {
        None => out.push(problem(
            ProblemKind::OptionWorkingCopy,
            err,
            "options".into(),
            "no option is current (current_option is missing)".into(),
        )),
        Some(id) if s.option(id).is_none() => out.push(problem(
            ProblemKind::OptionWorkingCopy,
            err,
            "current_option".into(),
            format!("names option {:?}, which does not exist", id.0),
        )),
        Some(_) => {}
    }
    let mut ids: FxHashSet<&OptionId> = FxHashSet::default();
    let mut names: FxHashMap<String, &str> = FxHashMap::default();
    for o in &s.options {
        let here = format!("option '{}' ({})", o.name, o.id);
        if o.id.0.is_empty() || !o.id.0.chars().all(is_id_char) {
            out.push(problem(
                ProblemKind::BadId,
                err,
                here.clone(),
                format!(
                    "id {:?} must be non-empty and hold only letters, digits, '-', '_' and '.'",
                    o.id.0
                ),
            ));
        } else if !ids.insert(&o.id) {
            out.push(problem(
                ProblemKind::DuplicateId,
                err,
                here.clone(),
                format!("id {:?} is used by another option", o.id.0),
            ));
        }
        let name = o.name.trim();
        if name.is_empty() {
            out.push(problem(
                ProblemKind::OptionName,
                err,
                here.clone(),
                "has no name".into(),
            ));
        } else if let Some(first) = names.insert(name.to_lowercase(), o.id.as_str()) {
            out.push(problem(
                ProblemKind::OptionName,
                err,
                here.clone(),
                format!("has the same name as option {first:?}"),
            ));
        }
        let current = s.is_current(&o.id);
        if current
            && (!o.activities.is_empty()
                || !o.checklist.findings.is_empty()
                || !o.checklist.custom.is_empty())
        {
            out.push(problem(
                ProblemKind::OptionWorkingCopy,
                err,
                here.clone(),
                "is current, so its activities and checklist are the scenario's own; its entry must hold none".into(),
            ));
        }
        if current {
            out.extend(option_problems(s, o));
        } else {
            out.extend(own(o));
        }
    }
    out
}

/// An option's own problems: its mission changes that do not fit the base, its activities that
/// name a mission it leaves out, and, when it is not current, its activities' ids, positions
/// and references against its board (the current option's activities are the scenario's own,
/// checked by [`validate`]). They depend only on the base, the option's name, mission changes
/// and activities.
pub fn option_problems(s: &Scenario, o: &super::PlanOption) -> Vec<Problem> {
    use super::MissionChange;
    let mut out = Vec::new();
    let err = Severity::Error;
    let here = format!("option '{}' ({})", o.name, o.id);
    let current = s.is_current(&o.id);
    for c in &o.missions {
        if let Some(p) = super::edit::mission_change_problem(s, c) {
            out.push(problem(
                ProblemKind::DanglingReference,
                err,
                here.clone(),
                p,
            ));
        }
    }
    // What this option's board has: the base's missions with its changes.
    let left: FxHashSet<&str> = o
        .missions
        .iter()
        .filter_map(|c| match c {
            MissionChange::Leave(id) => Some(id.as_str()),
            _ => None,
        })
        .collect();
    let added: FxHashSet<&str> = o
        .missions
        .iter()
        .filter_map(|c| match c {
            MissionChange::Add(m) => Some(m.id.as_str()),
            _ => None,
        })
        .collect();
    let activities = s.option_activities(o);
    for a in activities {
        if let Some(m) = &a.mission
            && left.contains(m.as_str())
        {
            out.push(problem(
                    ProblemKind::DanglingReference,
                    Severity::Warning,
                    format!("{here}, activity '{}' ({})", a.title, a.id),
                    format!(
                        "names mission {:?}, which this option leaves out; on its board the activity has no mission",
                        m.0
                    ),
                ));
        }
    }
    if current {
        // The working copy is checked with the scenario itself, against the base; only
        // the missions this option adds are its own.
        return out;
    }
    // The base's ids by kind, looked up once per reference: a scan of the base's lists
    // per activity made the options' check grow as activities × missions.
    let regions: FxHashSet<&str> = s.host.regions.iter().map(|r| r.id.as_str()).collect();
    let groups: FxHashSet<&str> = s.groups.iter().map(|g| g.id.as_str()).collect();
    let missions: FxHashSet<&str> = s.missions.iter().map(|m| m.id.as_str()).collect();
    let actors: FxHashSet<&str> = s.actors.iter().map(|a| a.id.as_str()).collect();
    let in_base = |id: &str| {
        regions.contains(id) || groups.contains(id) || missions.contains(id) || actors.contains(id)
    };
    let mut seen: FxHashSet<&str> =
        FxHashSet::with_capacity_and_hasher(activities.len(), Default::default());
    for a in activities {
        // Worded only for a problem: most activities have none.
        let at = || format!("{here}, activity '{}' ({})", a.title, a.id);
        // Byte by byte: the id characters are ASCII, and a byte of a longer character is none
        // of them (per character, this was a tenth of `switch_in_document_1000`).
        if a.id.0.is_empty() || !a.id.0.bytes().all(|b| is_id_char(char::from(b))) {
            out.push(problem(
                ProblemKind::BadId,
                err,
                at(),
                format!(
                    "id {:?} must be non-empty and hold only letters, digits, '-', '_' and '.'",
                    a.id.0
                ),
            ));
        } else if !seen.insert(a.id.as_str()) || in_base(a.id.as_str()) {
            out.push(problem(
                ProblemKind::DuplicateId,
                err,
                at(),
                format!("id {:?} is already used in this option or the base", a.id.0),
            ));
        }
        for (axis, v) in [("x", a.x), ("y", a.y)] {
            if !v.is_finite() || !(-1.0..=1.0).contains(&v) {
                out.push(problem(
                    ProblemKind::PositionOutOfRange,
                    err,
                    at(),
                    format!("{axis} is {v}, outside -1 … 1"),
                ));
            }
        }
        let mut dangling = |field: &str, id: &str, exists: bool| {
            if !exists {
                out.push(problem(
                    ProblemKind::DanglingReference,
                    err,
                    at(),
                    format!("{field} names {id:?}, which does not exist"),
                ));
            }
        };
        if let Some(m) = &a.mission {
            let exists = missions.contains(m.as_str()) || added.contains(m.as_str());
            dangling("mission", m.as_str(), exists);
        }
        for g in &a.groups {
            dangling("groups", g.as_str(), groups.contains(g.as_str()));
        }
        if let Some(r) = &a.region {
            dangling("region", r.as_str(), regions.contains(r.as_str()));
        }
        for p in &a.partners {
            dangling("partners", p.as_str(), actors.contains(p.as_str()));
        }
    }
    out
}

/// Warns when an activity starts outside its mission's period (before the mission starts, or
/// after it ends). Ending after the mission is not warned about: work planned to outlive its
/// mission is a plan the risk rules weigh (who carries it on), not a slip.
fn outside_mission(
    c: &mut Checker<'_>,
    start: Option<YearMonth>,
    end: Option<YearMonth>,
    m: &super::Mission,
    here: &Loc<'_>,
) {
    let Some(begins) = start.or(end) else {
        return;
    };
    if m.end.is_some_and(|e| e < m.start) {
        // The mission's own dates contradict each other; that is reported already.
        return;
    }
    if begins < m.start || m.end.is_some_and(|e| begins > e) {
        // Worded only for a warning: formatting it for every activity cost the
        // `check/100000` benchmark (benches/domain.rs) two dates per activity.
        let period = match m.end {
            Some(e) => format!("{} to {e}", m.start),
            None => format!("from {}", m.start),
        };
        c.warn(
            ProblemKind::OutsideMission,
            here,
            format!(
                "starts {begins}, outside its mission {}'s period ({period})",
                m.short_name()
            ),
        );
    }
}

/// Problems of the room's checklist decisions: two decisions on one finding (only the last is
/// shown and edited), and decisions on rules this PeaceOps does not have (they could never
/// apply). `known_rule` says whether a rule id exists. Keys are compared as loaded, which sorts
/// their entities. `decision_lines` gives the line of each decision in the file it was read
/// from (`io::decision_lines`), so each problem points at its line; pass `&[]` when there is
/// no file text (a scenario edited in the window).
pub fn validate_checklist(
    scenario: &Scenario,
    known_rule: impl Fn(&str) -> bool,
    decision_lines: &[usize],
) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut seen: FxHashMap<&FindingKey, usize> = FxHashMap::default();
    for (i, state) in scenario.checklist.findings.iter().enumerate() {
        let key = &state.key;
        let line = decision_lines.get(i).copied();
        let location = format!(
            "checklist decision {} on {} [{}]",
            i + 1,
            key.rule,
            key.entities.join(", ")
        );
        if !known_rule(&key.rule) {
            problems.push(Problem {
                kind: ProblemKind::UnknownRule,
                severity: Severity::Error,
                location: location.clone(),
                message: format!(
                    "rule {:?} does not exist in this PeaceOps, so the decision can never apply",
                    key.rule
                ),
                line,
            });
        }
        if let Some(first) = seen.insert(key, i) {
            problems.push(Problem {
                kind: ProblemKind::DuplicateDecision,
                severity: Severity::Error,
                location,
                message: format!(
                    "decides the same finding as decision {}; only this later one is shown and edited",
                    first + 1
                ),
                line,
            });
        }
    }
    problems
}

/// Reports each chain of predecessors that loops back on itself (once per loop). Linear: each
/// mission is walked once; a walk stops at a mission an earlier walk already passed.
/// Returns the ids of the missions in loops.
fn predecessor_loops<'s>(scenario: &'s Scenario, c: &mut Checker<'_>) -> FxHashSet<&'s str> {
    let mut in_loops: FxHashSet<&str> = FxHashSet::default();
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
                in_loops.extend(cycle.iter().copied());
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
    in_loops
}

/// "coercive, 2004-01 to 2006-12": an approach period as the problems name it.
fn period_text(p: &super::ApproachPeriod) -> String {
    let when = match (p.from, p.to) {
        (Some(f), Some(t)) => format!("{f} to {t}"),
        (Some(f), None) => format!("from {f} on"),
        (None, Some(t)) => format!("until {t}"),
        (None, None) => "at all times".to_owned(),
    };
    format!("{}, {when}", p.approach.label())
}

/// Problems of groups' approach periods: a period that ends before it starts (an error); two
/// periods that cover the same months (an error if their approaches differ, since only the first
/// listed counts; a warning if they agree); a period wholly outside the scenario's time (its
/// timeline, else its missions' deployments: a warning, nothing on the board can fall in it).
fn approach_periods(scenario: &Scenario, c: &mut Checker<'_>) {
    let span = scenario_span(scenario);
    for g in &scenario.groups {
        let here = loc("crime group", &g.name, g.id.as_str());
        for (i, p) in g.approach_periods.iter().enumerate() {
            if let (Some(f), Some(t)) = (p.from, p.to)
                && t < f
            {
                c.push(
                    ProblemKind::EndBeforeStart,
                    &here,
                    format!(
                        "approach period {} ({}) ends before it starts",
                        i + 1,
                        period_text(p)
                    ),
                );
                continue;
            }
            if let Some((first, last)) = span {
                let after = p.from.is_some_and(|f| f > last);
                let before = p.to.is_some_and(|t| t < first);
                if after || before {
                    c.warn(
                        ProblemKind::PeriodOutsideScenario,
                        &here,
                        format!(
                            "approach period {} ({}) lies outside the scenario's time ({first} to {last}): nothing on the board falls in it",
                            i + 1,
                            period_text(p)
                        ),
                    );
                }
            }
        }
        // Periods in pairs: a group has a handful.
        for (i, a) in g.approach_periods.iter().enumerate() {
            for (j, b) in g.approach_periods.iter().enumerate().skip(i + 1) {
                let reversed = |p: &super::ApproachPeriod| matches!((p.from, p.to), (Some(f), Some(t)) if t < f);
                if reversed(a) || reversed(b) {
                    continue;
                }
                let overlap = a.from.is_none_or(|af| b.to.is_none_or(|bt| af <= bt))
                    && b.from.is_none_or(|bf| a.to.is_none_or(|at| bf <= at));
                if !overlap {
                    continue;
                }
                let message = format!(
                    "approach periods {} ({}) and {} ({}) cover the same months",
                    i + 1,
                    period_text(a),
                    j + 1,
                    period_text(b)
                );
                if a.approach == b.approach {
                    c.warn(ProblemKind::PeriodsOverlap, &here, message);
                } else {
                    c.push(
                        ProblemKind::PeriodsOverlap,
                        &here,
                        format!(
                            "{message}, with different approaches; only period {} counts there",
                            i + 1
                        ),
                    );
                }
            }
        }
    }
}

/// Problems of milestones: an empty label (an error: a mark that says nothing); a month outside
/// the scenario's time (a warning: its timeline, else its missions' deployments).
fn milestones(scenario: &Scenario, c: &mut Checker<'_>) {
    let span = scenario_span(scenario);
    for (i, m) in scenario.milestones.iter().enumerate() {
        let name = format!("{} {}", m.at, m.label.trim());
        let number = (i + 1).to_string();
        let here = loc("milestone", name.trim(), &number);
        if m.label.trim().is_empty() {
            c.push(
                ProblemKind::EmptyLabel,
                &here,
                format!("milestone {} ({}) has no label", i + 1, m.at),
            );
        }
        if let Some((first, last)) = span
            && (m.at < first || m.at > last)
        {
            c.warn(
                ProblemKind::MilestoneOutsideScenario,
                &here,
                format!(
                    "milestone {} ({}) lies outside the scenario's time ({first} to {last}): the timeline cannot show it",
                    i + 1,
                    m.at
                ),
            );
        }
    }
}

/// The scenario's time: its timeline, else from its first mission's start to its last
/// mission's end (`None` if a mission is open-ended or there are none).
fn scenario_span(scenario: &Scenario) -> Option<(YearMonth, YearMonth)> {
    if let Some(t) = scenario.timeline {
        return (t.start <= t.end).then_some((t.start, t.end));
    }
    let first = scenario.missions.iter().map(|m| m.start).min()?;
    let mut last = first;
    for m in &scenario.missions {
        last = last.max(m.end?);
    }
    Some((first, last))
}

/// Problems of activities' components against their missions' kinds: soldiers of a police,
/// civilian or police-and-civilian mission (an error: it has none, and the rules would count
/// the activity as military); police of a purely civilian mission (a warning: perhaps the
/// mission is police and civilian); a component with no mission (a warning: it says nothing).
fn components(
    scenario: &Scenario,
    missions: &FxHashMap<&str, &super::Mission>,
    c: &mut Checker<'_>,
) {
    use super::{Component, MissionKind};
    for a in &scenario.activities {
        let Some(component) = a.component else {
            continue;
        };
        let here = loc("activity", &a.title, a.id.as_str());
        let Some(m) = a.mission.as_ref() else {
            c.warn(
                ProblemKind::ComponentNotInMission,
                &here,
                format!("is assigned to a {}, but to no mission", component.label()),
            );
            continue;
        };
        // A dangling mission is reported already.
        let Some(m) = missions.get(m.as_str()) else {
            continue;
        };
        let kind = m.kind;
        match (component, kind) {
            (
                Component::Military,
                MissionKind::Police | MissionKind::Civilian | MissionKind::PoliceCivilian,
            ) => c.push(
                ProblemKind::ComponentNotInMission,
                &here,
                format!(
                    "is assigned to the military component of {}, a {} mission without troops; assign it to another component or mission, or change the mission's kind",
                    m.short_name(),
                    kind.label()
                ),
            ),
            (Component::Police, MissionKind::Civilian) => c.warn(
                ProblemKind::ComponentNotInMission,
                &here,
                format!(
                    "is assigned to the police component of {}, a civilian mission; if it has police, make its kind police and civilian",
                    m.short_name()
                ),
            ),
            _ => {}
        }
    }
}
