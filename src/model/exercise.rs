//! What an exercise keeps in the file: the scripted events (injects, an MSEL in HSEEP's terms),
//! each with its effects on the scenario, and the runs of the exercise with their decision logs.
//! How effects are applied, previewed and replayed lives in `crate::exercise`.

use std::collections::HashSet;
use std::fmt;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::choice::{Level, choice};
use super::{
    ActivityId, Approach, Capability, Consent, CrimeGroup, FindingKey, GroupId, HandoverScope,
    MissionId, PeaceRole, Problem, ProblemKind, Scenario, Severity, YearMonth, is_id_char,
};

/// Id of an inject (an event of the exercise script).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct InjectId(pub String);

/// Id of a run of the exercise.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct RunId(pub String);

macro_rules! id_text {
    ($($name:ident),+) => {$(
        impl $name {
            /// The id as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                Self(s.to_owned())
            }
        }
    )+};
}
id_text!(InjectId, RunId);

/// One change an inject makes to the scenario. Each becomes the same [`super::Edit`] the editor
/// would make (see `exercise::edits_for`), so delivering an inject is an ordinary, undoable
/// change of the scenario.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Effect {
    /// The host government's consent changes (§IV, first challenge).
    SetConsent(Consent),
    /// Trust in the host police changes.
    SetPoliceTrust(Level),
    /// Minimal security is reached (or lost: `None`) in a month (§VI(e)).
    SetMinimalSecurity(Option<YearMonth>),
    /// A mission ends in a month (e.g. ends early).
    EndMission {
        /// Which mission.
        mission: MissionId,
        /// Its last month.
        end: YearMonth,
    },
    /// A mission loses a capability (e.g. its formed police units leave).
    RemoveCapability {
        /// Which mission.
        mission: MissionId,
        /// The capability it loses.
        capability: Capability,
    },
    /// A mission gains a capability.
    AddCapability {
        /// Which mission.
        mission: MissionId,
        /// The capability it gains.
        capability: Capability,
    },
    /// A mission's handover from its predecessor no longer covers something (e.g. case records).
    HandoverDrops {
        /// The successor mission, whose handover it is.
        mission: MissionId,
        /// What is no longer handed over.
        scope: HandoverScope,
    },
    /// Whether a mission's handover is planned at all.
    SetHandoverPlanned {
        /// The successor mission.
        mission: MissionId,
        /// Planned or not.
        planned: bool,
    },
    /// Whether a mission shares intelligence with another (both directions are separate).
    SetIntelSharing {
        /// The mission that shares (or stops sharing).
        mission: MissionId,
        /// The mission it shares with.
        with: MissionId,
        /// Shares or not.
        shares: bool,
    },
    /// Whether a mission's work is under an oversight mechanism (§IV.6).
    SetOversight {
        /// Which mission.
        mission: MissionId,
        /// Overseen or not.
        oversight: bool,
    },
    /// A group's role in the peace process changes (e.g. turns spoiler, §I).
    SetGroupRole {
        /// Which group.
        group: GroupId,
        /// Its new role.
        role: PeaceRole,
    },
    /// A group is found to have (or lose) ties to officials.
    SetGroupTies {
        /// Which group.
        group: GroupId,
        /// Ties to officials or not.
        ties_to_officials: bool,
    },
    /// The missions' approach to a group changes.
    SetGroupApproach {
        /// Which group.
        group: GroupId,
        /// The new approach.
        approach: Approach,
    },
    /// A new group appears.
    AddGroup(CrimeGroup),
}

/// One event of the exercise script (an MSEL entry).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Inject {
    /// Stable id, also the MSEL number.
    pub id: InjectId,
    /// The scenario month it happens in; `None` when the facilitator chooses.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<YearMonth>,
    /// Short title (the event synopsis).
    pub title: String,
    /// The text read to the room.
    #[serde(default)]
    pub text: String,
    /// Notes for the controllers, never shown on the room's screen.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub controller_notes: String,
    /// What the players are expected to do.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub expected_action: String,
    /// The paper section it illustrates, e.g. `"§V"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    /// The controller responsible for delivering it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub controller: String,
    /// What it changes in the scenario, in order.
    #[serde(default)]
    pub effects: Vec<Effect>,
}

impl Inject {
    /// An inject with a title and nothing else.
    pub fn new(id: &str, title: &str) -> Self {
        Self {
            id: InjectId::from(id),
            at: None,
            title: title.to_owned(),
            text: String::new(),
            controller_notes: String::new(),
            expected_action: String::new(),
            section: None,
            controller: String::new(),
            effects: Vec::new(),
        }
    }
}

/// A moment in wall-clock time, in whole seconds since 1970 (UTC), written in files as
/// `"2026-12-01T19:40:00Z"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct WallTime(pub u64);

impl WallTime {
    /// Now.
    pub fn now() -> Self {
        Self(
            SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |d| d.as_secs()),
        )
    }
}

impl fmt::Display for WallTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let t = UNIX_EPOCH + Duration::from_secs(self.0);
        write!(f, "{}", humantime::format_rfc3339_seconds(t))
    }
}

impl Serialize for WallTime {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for WallTime {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        let t = humantime::parse_rfc3339(&text).map_err(|e| {
            serde::de::Error::custom(format!(
                "{text:?} is not a UTC time like \"2026-12-01T19:40:00Z\" ({e})"
            ))
        })?;
        let secs = t
            .duration_since(UNIX_EPOCH)
            .map_err(|_| serde::de::Error::custom(format!("{text:?} is before 1970")))?
            .as_secs();
        Ok(Self(secs))
    }
}

choice! {
    /// What became of an inject in a run.
    pub enum DeliveryState {
        Delivered => "delivered", "Read to the room; its effects were applied.";
        Skipped => "skipped", "Left out by the facilitator.";
    }
}

/// An inject delivered or skipped in a run.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Delivery {
    /// Which inject.
    pub inject: InjectId,
    /// Delivered or skipped.
    pub state: DeliveryState,
    /// When (wall clock).
    pub when: WallTime,
}

choice! {
    /// What a decision-log entry records (HSEEP's evaluator notes, the hot wash's headings).
    #[derive(Default)]
    pub enum LogKind {
        #[default]
        Decision => "decision", "What the room decided to do.";
        Observation => "observation", "What an evaluator saw.";
        Question => "question", "A question the room raised or left open.";
        Strength => "strength", "Something that went well, for the after-action report.";
        Improvement => "area for improvement", "Something to do better, for the improvement plan.";
    }
}

/// One entry of a run's decision log.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LogEntry {
    /// When it was written (wall clock).
    pub when: WallTime,
    /// The scenario month the board showed, if a date was set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<YearMonth>,
    /// The inject it responds to: the last one delivered when it was written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inject: Option<InjectId>,
    /// Decision, observation, ...
    #[serde(default)]
    pub kind: LogKind,
    /// What was said or decided.
    pub text: String,
    /// Findings it concerns.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub findings: Vec<FindingKey>,
    /// Activities it concerns.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub activities: Vec<ActivityId>,
}

/// One run of the exercise: which injects were delivered or skipped, in order, and the decision
/// log. Several runs per scenario are kept, each replayable.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Run {
    /// Stable id.
    pub id: RunId,
    /// Name, e.g. "Workshop Pristina, group A".
    pub name: String,
    /// When it started.
    pub started: WallTime,
    /// When it ended; `None` while it is open.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ended: Option<WallTime>,
    /// Injects delivered or skipped, in order.
    #[serde(default)]
    pub deliveries: Vec<Delivery>,
    /// The decision log, in order of writing.
    #[serde(default)]
    pub log: Vec<LogEntry>,
    /// The mandate option the run was started on (format version 4); `None`: the current one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub option: Option<super::OptionId>,
}

impl Run {
    /// A new open run.
    pub fn new(id: &str, name: &str, started: WallTime) -> Self {
        Self {
            id: RunId::from(id),
            name: name.to_owned(),
            started,
            ended: None,
            deliveries: Vec::new(),
            log: Vec::new(),
            option: None,
        }
    }

    /// Whether the run is still open.
    pub fn is_open(&self) -> bool {
        self.ended.is_none()
    }

    /// What became of an inject in this run, if anything yet.
    pub fn state_of(&self, inject: &InjectId) -> Option<DeliveryState> {
        self.deliveries
            .iter()
            .rev()
            .find(|d| &d.inject == inject)
            .map(|d| d.state)
    }

    /// The injects delivered, in order.
    pub fn delivered(&self) -> impl Iterator<Item = &InjectId> {
        self.deliveries
            .iter()
            .filter(|d| d.state == DeliveryState::Delivered)
            .map(|d| &d.inject)
    }
}

/// Problems of the exercise script and runs: ids empty, badly formed or used twice (errors);
/// effects naming missions or groups the scenario does not have, and runs naming injects or
/// activities that are gone (warnings: deleting a mission in the editor must not make the file
/// invalid; delivering such an inject fails with a clear message, and a run keeps its record).
pub fn validate_exercise(s: &Scenario) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut push = |severity, kind, location: String, message: String| {
        out.push(Problem {
            kind,
            severity,
            location,
            message,
            line: None,
        });
    };
    let mut ids = HashSet::new();
    for i in &s.injects {
        let here = format!("inject '{}' ({})", i.title, i.id);
        if i.id.0.is_empty() || !i.id.0.chars().all(is_id_char) {
            push(
                Severity::Error,
                ProblemKind::BadId,
                here.clone(),
                format!(
                    "id {:?} must be non-empty and hold only letters, digits, '-', '_' and '.'",
                    i.id.0
                ),
            );
        } else if !ids.insert(i.id.as_str()) {
            push(
                Severity::Error,
                ProblemKind::DuplicateId,
                here.clone(),
                format!("id {:?} is used by another inject", i.id.0),
            );
        }
        for m in effect_missions(&i.effects) {
            if s.mission(m).is_none() {
                push(
                    Severity::Warning,
                    ProblemKind::DanglingReference,
                    here.clone(),
                    format!(
                        "effects name the mission {:?}, which does not exist; delivering it will fail",
                        m.0
                    ),
                );
            }
        }
        let added: HashSet<&GroupId> = i
            .effects
            .iter()
            .filter_map(|e| match e {
                Effect::AddGroup(g) => Some(&g.id),
                _ => None,
            })
            .collect();
        for g in effect_groups(&i.effects) {
            if s.group(g).is_none() && !added.contains(g) {
                push(
                    Severity::Warning,
                    ProblemKind::DanglingReference,
                    here.clone(),
                    format!(
                        "effects name the crime group {:?}, which does not exist; delivering it will fail",
                        g.0
                    ),
                );
            }
        }
    }
    // Log entries name activities; looked up in a set, not by a search of the activities per
    // entry, which made loading a run of 2,000 entries quadratic
    // (`load_validate_run/200_injects_2000_entries` in benches/exercise.rs).
    // Made only when there are runs: every check of the scenario (each edit, each switch of
    // option in the window) comes here, most of them with no exercise.
    let activities: HashSet<&str> = if s.runs.is_empty() {
        HashSet::new()
    } else {
        s.activities.iter().map(|a| a.id.as_str()).collect()
    };
    let mut runs = HashSet::new();
    for r in &s.runs {
        let here = format!("run '{}' ({})", r.name, r.id);
        if r.id.0.is_empty() || !r.id.0.chars().all(is_id_char) {
            push(
                Severity::Error,
                ProblemKind::BadId,
                here.clone(),
                format!(
                    "id {:?} must be non-empty and hold only letters, digits, '-', '_' and '.'",
                    r.id.0
                ),
            );
        } else if !runs.insert(r.id.as_str()) {
            push(
                Severity::Error,
                ProblemKind::DuplicateId,
                here.clone(),
                format!("id {:?} is used by another run", r.id.0),
            );
        }
        if let Some(end) = r.ended
            && end < r.started
        {
            push(
                Severity::Error,
                ProblemKind::EndBeforeStart,
                here.clone(),
                format!("ended {end}, before it started {}", r.started),
            );
        }
        for d in &r.deliveries {
            if s.inject(&d.inject).is_none() {
                push(
                    Severity::Warning,
                    ProblemKind::DanglingReference,
                    here.clone(),
                    format!(
                        "records inject {:?}, which is no longer in the script",
                        d.inject.0
                    ),
                );
            }
        }
        for (n, e) in r.log.iter().enumerate() {
            for a in &e.activities {
                if !activities.contains(a.as_str()) {
                    push(
                        Severity::Warning,
                        ProblemKind::DanglingReference,
                        here.clone(),
                        format!(
                            "log entry {} names activity {:?}, which no longer exists",
                            n + 1,
                            a.0
                        ),
                    );
                }
            }
        }
    }
    out
}

fn effect_missions(effects: &[Effect]) -> impl Iterator<Item = &MissionId> {
    effects.iter().flat_map(|e| match e {
        Effect::EndMission { mission, .. }
        | Effect::RemoveCapability { mission, .. }
        | Effect::AddCapability { mission, .. }
        | Effect::HandoverDrops { mission, .. }
        | Effect::SetHandoverPlanned { mission, .. }
        | Effect::SetOversight { mission, .. } => vec![mission],
        Effect::SetIntelSharing { mission, with, .. } => vec![mission, with],
        _ => vec![],
    })
}

fn effect_groups(effects: &[Effect]) -> impl Iterator<Item = &GroupId> {
    effects.iter().filter_map(|e| match e {
        Effect::SetGroupRole { group, .. }
        | Effect::SetGroupTies { group, .. }
        | Effect::SetGroupApproach { group, .. } => Some(group),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wall_time_round_trips_as_rfc3339() {
        let t = WallTime(1_796_154_000);
        let text = ron::to_string(&t).unwrap();
        assert_eq!(text, "\"2026-12-01T19:40:00Z\"");
        assert_eq!(ron::from_str::<WallTime>(&text).unwrap(), t);
    }

    #[test]
    fn a_log_entry_naming_a_missing_activity_is_a_warning_and_a_present_one_is_not() {
        let mut s = crate::synthetic::scenario(
            crate::synthetic::Size {
                activities: 20,
                missions: 3,
                groups: 4,
            },
            1,
        );
        let entry = |activity: ActivityId| LogEntry {
            when: WallTime(1_796_154_000),
            at: None,
            inject: None,
            kind: LogKind::ALL[0],
            text: "The room decided".to_owned(),
            findings: Vec::new(),
            activities: vec![activity],
        };
        let mut run = Run::new("run-1", "Run", WallTime(1_796_154_000));
        run.log.push(entry(s.activities[7].id.clone()));
        run.log.push(entry(ActivityId("gone".into())));
        s.runs = vec![run];
        let dangling: Vec<_> = validate_exercise(&s)
            .into_iter()
            .filter(|p| p.kind == ProblemKind::DanglingReference)
            .collect();
        assert_eq!(dangling.len(), 1, "{dangling:?}");
        assert!(dangling[0].message.contains("log entry 2"), "{dangling:?}");
        assert!(dangling[0].message.contains("\"gone\""), "{dangling:?}");
        assert_eq!(dangling[0].severity, Severity::Warning);
    }

    #[test]
    fn a_bad_wall_time_says_what_is_expected() {
        let err = ron::from_str::<WallTime>("\"yesterday\"").unwrap_err();
        assert!(err.to_string().contains("is not a UTC time"), "{err}");
    }
}
