//! The hot wash: a run replayed inject by inject, with the risks each delivered inject raised
//! and cleared, the decision log grouped by inject, and the strengths and areas for improvement
//! the after-action report and the improvement plan are made of. The window's summary screen,
//! `peaceops runs` and the reports all read it.

use std::collections::HashMap;

use crate::model::{Delivery, DeliveryState, FindingKey, Inject, LogEntry, LogKind, Run, Scenario};
use crate::rules::evaluate;

use super::{RunError, apply_inject};

/// A finding as the room saw it: its checklist key and its sentence.
pub type Seen = (FindingKey, String);

/// One inject of a run, delivered or skipped, and what followed.
#[derive(Clone, Debug)]
pub struct Step<'a> {
    /// What was done.
    pub delivery: &'a Delivery,
    /// The inject, if still in the script.
    pub inject: Option<&'a Inject>,
    /// Findings it raised (absent before it, present after).
    pub raised: Vec<Seen>,
    /// Findings it cleared.
    pub cleared: Vec<Seen>,
    /// Log entries written after it (linked to it).
    pub log: Vec<&'a LogEntry>,
}

/// A run, replayed.
#[derive(Clone, Debug)]
pub struct HotWash<'a> {
    /// The run.
    pub run: &'a Run,
    /// Each delivery or skip, in order.
    pub steps: Vec<Step<'a>>,
    /// Log entries written before any inject, or linked to none the run delivered.
    pub unlinked: Vec<&'a LogEntry>,
    /// Injects delivered.
    pub delivered: usize,
    /// Injects skipped.
    pub skipped: usize,
    /// Entries of the kind "strength".
    pub strengths: Vec<&'a LogEntry>,
    /// Entries of the kind "area for improvement".
    pub improvements: Vec<&'a LogEntry>,
    /// Why the replay stopped early, if it did (an inject left the script or no longer applies):
    /// the steps after it show no risks.
    pub stopped: Option<RunError>,
}

fn seen(s: &Scenario) -> HashMap<FindingKey, String> {
    evaluate(s)
        .iter()
        .map(|f| (f.key(s), f.message(s)))
        .collect()
}

fn sorted(mut v: Vec<Seen>) -> Vec<Seen> {
    v.sort_by(|a, b| (&a.0.rule, &a.0.entities).cmp(&(&b.0.rule, &b.0.entities)));
    v
}

/// Replays a run on the plan as it is now.
pub fn hot_wash<'a>(s: &'a Scenario, run: &'a Run) -> HotWash<'a> {
    // The run's option (a missing one is the current plan's board; `run_board` reports it).
    let mut board = super::run_start(s, run).unwrap_or_else(|_| s.board_scenario().into_owned());
    let mut before = seen(&board);
    let mut stopped = None;
    let mut steps: Vec<Step<'a>> = Vec::new();
    for d in &run.deliveries {
        let inject = s.inject(&d.inject);
        let mut step = Step {
            delivery: d,
            inject,
            raised: Vec::new(),
            cleared: Vec::new(),
            log: Vec::new(),
        };
        if d.state == DeliveryState::Delivered && stopped.is_none() {
            let applied = match inject {
                None => Err(RunError::MissingInject(d.inject.to_string())),
                Some(i) => apply_inject(&mut board, i).map_err(RunError::from),
            };
            match applied {
                Ok(()) => {
                    let after = seen(&board);
                    step.raised = sorted(
                        after
                            .iter()
                            .filter(|(k, _)| !before.contains_key(*k))
                            .map(|(k, m)| (k.clone(), m.clone()))
                            .collect(),
                    );
                    step.cleared = sorted(
                        before
                            .iter()
                            .filter(|(k, _)| !after.contains_key(*k))
                            .map(|(k, m)| (k.clone(), m.clone()))
                            .collect(),
                    );
                    before = after;
                }
                Err(e) => stopped = Some(e),
            }
        }
        steps.push(step);
    }
    let mut unlinked = Vec::new();
    for e in &run.log {
        let step = e
            .inject
            .as_ref()
            .and_then(|id| steps.iter_mut().find(|s| &s.delivery.inject == id));
        match step {
            Some(step) => step.log.push(e),
            None => unlinked.push(e),
        }
    }
    let of = |kind| run.log.iter().filter(|e| e.kind == kind).collect();
    HotWash {
        run,
        delivered: run.delivered().count(),
        skipped: run
            .deliveries
            .iter()
            .filter(|d| d.state == DeliveryState::Skipped)
            .count(),
        strengths: of(LogKind::Strength),
        improvements: of(LogKind::Improvement),
        steps,
        unlinked,
        stopped,
    }
}
