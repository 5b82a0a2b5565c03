//! The missions' timeline for a report: one lane per mission with dates, from its start to its
//! end (or to the timeline's end when it has none), and the month the report is seen at.

use super::chart::{Rgb, mission_color};
use crate::model::{Scenario, YearMonth};

/// One mission's lane.
#[derive(Clone, Debug, PartialEq)]
pub struct Lane {
    /// The legend name.
    pub name: String,
    /// The mission's colour, as on the chart.
    pub color: Rgb,
    /// First month.
    pub start: YearMonth,
    /// Last month; `None` when open-ended.
    pub end: Option<YearMonth>,
}

/// The timeline's content.
#[derive(Clone, Debug, PartialEq)]
pub struct TimelineData {
    /// First month shown.
    pub start: YearMonth,
    /// Last month shown.
    pub end: YearMonth,
    /// Lanes in scenario order.
    pub lanes: Vec<Lane>,
    /// The month the report is seen at, drawn as a line.
    pub at: Option<YearMonth>,
}

impl TimelineData {
    /// The timeline of the scenario's missions; `None` when it has no missions (every mission
    /// has a start month, so missions always have dates).
    pub fn build(s: &Scenario, at: Option<YearMonth>) -> Option<Self> {
        if s.missions.is_empty() {
            return None;
        }
        let t = s.effective_timeline()?;
        let lanes = s
            .missions
            .iter()
            .enumerate()
            .map(|(i, m)| Lane {
                name: m.short_name().to_owned(),
                color: mission_color(i),
                start: m.start,
                end: m.end,
            })
            .collect();
        Some(Self {
            start: t.start.min(at.unwrap_or(t.start)),
            end: t.end.max(at.unwrap_or(t.end)),
            lanes,
            at,
        })
    }
}
