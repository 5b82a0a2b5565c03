//! The exercise in the debrief: the script (without the controllers' notes, which players never
//! see) and each run's hot wash, so an after-action report can be handed out.

use serde::Serialize;

use crate::exercise::{cli::describe, hot_wash};
use crate::model::Scenario;
use crate::rules::RiskCatalogue;

/// The exercise section; `None` in a report when the scenario has no injects.
#[derive(Clone, Debug, Serialize)]
pub struct ExerciseReport {
    /// The script, in order.
    pub injects: Vec<InjectRow>,
    /// The runs, in order.
    pub runs: Vec<RunRow>,
}

/// One inject of the script.
#[derive(Clone, Debug, Serialize)]
pub struct InjectRow {
    /// Its id (MSEL number).
    pub id: String,
    /// Its month, or "facilitator's choice".
    pub when: String,
    /// Its title.
    pub title: String,
    /// The paper section it illustrates.
    pub section: String,
    /// What the room was expected to do.
    pub expected_action: String,
    /// Its effects, in words.
    pub effects: Vec<String>,
}

/// One run's hot wash.
#[derive(Clone, Debug, Serialize)]
pub struct RunRow {
    /// Its name.
    pub name: String,
    /// When it started and ended (UTC).
    pub period: String,
    /// Injects delivered.
    pub delivered: usize,
    /// Injects skipped.
    pub skipped: usize,
    /// Each delivery or skip, in order.
    pub steps: Vec<StepRow>,
    /// Log entries linked to no delivered inject.
    pub unlinked: Vec<LogRow>,
    /// Strengths noted.
    pub strengths: Vec<String>,
    /// Areas for improvement noted.
    pub improvements: Vec<String>,
    /// Why the replay stopped early, if it did.
    pub stopped: String,
}

/// One delivery or skip of a run.
#[derive(Clone, Debug, Serialize)]
pub struct StepRow {
    /// The inject's id.
    pub inject: String,
    /// Its title.
    pub title: String,
    /// "delivered" or "skipped".
    pub state: &'static str,
    /// Risks it raised (rule titles with their sentences).
    pub raised: Vec<String>,
    /// Risks it cleared.
    pub cleared: Vec<String>,
    /// What the room and the evaluators wrote after it.
    pub log: Vec<LogRow>,
}

/// One entry of a decision log.
#[derive(Clone, Debug, Serialize)]
pub struct LogRow {
    /// When (UTC).
    pub when: String,
    /// Decision, observation, question, strength or area for improvement.
    pub kind: &'static str,
    /// What was said.
    pub text: String,
}

fn log_row(e: &crate::model::LogEntry) -> LogRow {
    LogRow {
        when: e.when.to_string(),
        kind: e.kind.label(),
        text: e.text.clone(),
    }
}

/// The exercise section of a scenario's report, if it has a script.
pub fn exercise_report(s: &Scenario) -> Option<ExerciseReport> {
    if s.injects.is_empty() && s.runs.is_empty() {
        return None;
    }
    let texts = RiskCatalogue::builtin().ok();
    let risk = |(k, m): &(crate::model::FindingKey, String)| {
        let title = crate::rules::RuleId::parse(&k.rule)
            .and_then(|r| texts.and_then(|t| t.get(r)))
            .map_or_else(|| k.rule.clone(), |i| i.title.clone());
        format!("{title}: {m}")
    };
    Some(ExerciseReport {
        injects: s
            .injects
            .iter()
            .map(|i| InjectRow {
                id: i.id.to_string(),
                when: i
                    .at
                    .map_or_else(|| "facilitator's choice".to_owned(), |d| d.to_string()),
                title: i.title.clone(),
                section: i.section.clone().unwrap_or_default(),
                expected_action: i.expected_action.clone(),
                effects: i.effects.iter().map(|e| describe(s, e)).collect(),
            })
            .collect(),
        runs: s
            .runs
            .iter()
            .map(|r| {
                let wash = hot_wash(s, r);
                RunRow {
                    name: r.name.clone(),
                    period: match r.ended {
                        Some(end) => format!("{} – {end}", r.started),
                        None => format!("{} – (still open)", r.started),
                    },
                    delivered: wash.delivered,
                    skipped: wash.skipped,
                    steps: wash
                        .steps
                        .iter()
                        .map(|st| StepRow {
                            inject: st.delivery.inject.to_string(),
                            title: st.inject.map_or_else(
                                || "(no longer in the script)".to_owned(),
                                |i| i.title.clone(),
                            ),
                            state: st.delivery.state.label(),
                            raised: st.raised.iter().map(risk).collect(),
                            cleared: st.cleared.iter().map(risk).collect(),
                            log: st.log.iter().map(|e| log_row(e)).collect(),
                        })
                        .collect(),
                    unlinked: wash.unlinked.iter().map(|e| log_row(e)).collect(),
                    strengths: wash.strengths.iter().map(|e| e.text.clone()).collect(),
                    improvements: wash.improvements.iter().map(|e| e.text.clone()).collect(),
                    stopped: wash.stopped.map(|e| e.to_string()).unwrap_or_default(),
                }
            })
            .collect(),
    })
}
