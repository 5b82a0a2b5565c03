//! The hot wash: a run replayed inject by inject, with the risks each delivered inject raised
//! and cleared, the decision log grouped by inject, and the strengths and areas for improvement
//! the after-action report and the improvement plan are made of. The window's summary screen,
//! `peaceops runs` and the reports all read it.
//!
//! Each inject's risks are those the console previewed before it was delivered: through the
//! lens the room looked through once it was ([`delivery_lens`]: at the inject's month, or the
//! month the run was at for an inject without one), by [`preview_at`].

use crate::lens::Lens;
use crate::model::{Delivery, DeliveryState, FindingKey, Inject, LogEntry, LogKind, Run, Scenario};

use super::{RunError, delivery_lens, preview_at};

/// A finding as the room saw it: its checklist key and its sentence.
pub type Seen = (FindingKey, String);

/// One inject of a run, delivered or skipped, and what followed.
#[derive(Clone, Debug)]
pub struct Step<'a> {
    /// What was done.
    pub delivery: &'a Delivery,
    /// The inject, if still in the script.
    pub inject: Option<&'a Inject>,
    /// Findings it raised (absent before it, present after), at its month as the room saw it
    /// (see the module's note).
    pub raised: Vec<Seen>,
    /// Findings it cleared, at the same month.
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

fn sorted(mut v: Vec<Seen>) -> Vec<Seen> {
    v.sort_by(|a, b| (&a.0.rule, &a.0.entities).cmp(&(&b.0.rule, &b.0.entities)));
    v
}

/// Replays a run on the plan as it is now.
pub fn hot_wash<'a>(s: &'a Scenario, run: &'a Run) -> HotWash<'a> {
    // The run's option (a missing one is the current plan's board; `run_board` reports it).
    let mut board = super::run_start(s, run).unwrap_or_else(|_| s.board_scenario().into_owned());
    // The lens the room looked through: all time until a dated inject moved the cursor.
    let mut lens = Lens::ALL_TIME;
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
            let previewed = match inject {
                None => Err(RunError::MissingInject(d.inject.to_string())),
                Some(i) => {
                    lens = delivery_lens(i, lens);
                    preview_at(&board, &lens, i).map_err(RunError::from)
                }
            };
            match previewed {
                Ok(p) => {
                    step.raised = sorted(
                        p.raised
                            .iter()
                            .map(|n| {
                                let f = &p.findings[*n];
                                (f.key(&p.after), f.message(&p.after))
                            })
                            .collect(),
                    );
                    step.cleared = sorted(p.cleared);
                    board = p.after;
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
