//! What the chart shows, derived once per revision, filter and theme: one [`MissionStyle`] per
//! mission (colour, shape, legend name), shared by the markers and the legend; the visible
//! activities with their style and label; and the quadrant counts.

use egui::Color32;

use super::ChartFilter;
use crate::lens::Board;
use crate::model::{Activity, MissionId, Quadrant, Scenario};
use crate::theme::{self, MarkerShape};

/// How one mission's activities look, everywhere they are drawn.
#[derive(Clone, Debug, PartialEq)]
pub struct MissionStyle {
    /// The name in the legend (unique: two missions with one acronym get their ids added).
    pub name: String,
    /// Marker colour.
    pub color: Color32,
    /// Marker shape.
    pub shape: MarkerShape,
    /// The mission; `None` for activities with no mission yet.
    pub mission: Option<MissionId>,
}

/// One visible activity.
#[derive(Clone, Debug, PartialEq)]
pub struct Dot {
    /// Index into `scenario.activities`.
    pub activity: usize,
    /// Index into [`ChartModel::styles`].
    pub style: usize,
    /// Position on the chart, −1 … 1 on both axes (non-finite values drawn at the centre).
    pub x: f64,
    /// See `x`.
    pub y: f64,
    /// Short label beside the marker.
    pub label: String,
    /// Not under way in the lens's month: drawn faded, not counted, not labelled.
    pub faded: bool,
}

/// The derived chart, rebuilt when its key changes.
#[derive(Debug, Default)]
pub struct ChartModel {
    /// Styles of the missions that have visible activities (and "No mission yet" if used).
    pub styles: Vec<MissionStyle>,
    /// Visible activities, in scenario order.
    pub dots: Vec<Dot>,
    /// Visible activities under way through the lens, per quadrant, in [`Quadrant::ALL`] order.
    pub counts: [usize; 4],
}

/// Series names must differ for the legend; two missions with one acronym get their ids added.
fn unique_name(s: &Scenario, i: usize) -> String {
    let name = s.missions[i].short_name();
    let clash = s
        .missions
        .iter()
        .enumerate()
        .any(|(j, m)| j != i && m.short_name() == name);
    if clash {
        format!("{name} ({})", s.missions[i].id)
    } else {
        name.to_owned()
    }
}

/// Each activity's label, kept from one model to the next: moving the date rebuilds the model,
/// and shortening 10,000 titles again took a tenth of that frame (`scrub/10000` in
/// benches/frame.rs). A label is made again when its activity's title or short label changed.
#[derive(Debug, Default)]
pub struct Labels(Vec<(String, String, String)>);

impl Labels {
    fn get(&mut self, i: usize, a: &Activity) -> String {
        if self.0.len() <= i {
            self.0.resize_with(i + 1, Default::default);
        }
        let (title, short, label) = &mut self.0[i];
        if *title != a.title || *short != a.short || label.is_empty() {
            *title = a.title.clone();
            *short = a.short.clone();
            *label = a.label();
        }
        label.clone()
    }
}

fn finite(v: f64) -> f64 {
    if v.is_finite() {
        v.clamp(-1.0, 1.0)
    } else {
        0.0
    }
}

impl ChartModel {
    /// Builds the model for a scenario, the board its lens shows, and the filter.
    /// `labels` keeps the activities' labels between builds.
    pub fn build(
        s: &Scenario,
        board: &Board,
        filter: &ChartFilter,
        dark: bool,
        labels: &mut Labels,
    ) -> Self {
        let index: rustc_hash::FxHashMap<&str, usize> = s
            .missions
            .iter()
            .enumerate()
            .map(|(i, m)| (m.id.as_str(), i))
            .collect();
        let unassigned = s.missions.len();
        // Style slots by mission index (the last for no mission); only used ones are kept.
        let mut slot: Vec<Option<usize>> = vec![None; unassigned + 1];
        let mut styles = Vec::new();
        let mut dots = Vec::new();
        let mut counts = [0; 4];
        for (i, a) in s.activities.iter().enumerate() {
            if filter.mission.is_some() && a.mission != filter.mission {
                continue;
            }
            if let Some(g) = &filter.group
                && !a.groups.contains(g)
            {
                continue;
            }
            let faded = !board.shows_activity(i);
            if faded && filter.hide_inactive {
                continue;
            }
            let k = a
                .mission
                .as_ref()
                .and_then(|m| index.get(m.as_str()).copied())
                .unwrap_or(unassigned);
            let style = *slot[k].get_or_insert_with(|| {
                styles.push(if k == unassigned {
                    MissionStyle {
                        name: "No mission yet".to_owned(),
                        color: theme::unassigned_color(dark),
                        shape: MarkerShape::Circle,
                        mission: None,
                    }
                } else {
                    MissionStyle {
                        name: unique_name(s, k),
                        color: theme::mission_color(k),
                        shape: theme::mission_shape(k),
                        mission: Some(s.missions[k].id.clone()),
                    }
                });
                styles.len() - 1
            });
            if !faded {
                counts[a.quadrant().index()] += 1;
            }
            dots.push(Dot {
                activity: i,
                style,
                x: finite(a.x),
                y: finite(a.y),
                label: labels.get(i, a),
                faded,
            });
        }
        // The legend lists missions in the scenario's order, whatever order activities came in.
        let mut order: Vec<usize> = (0..styles.len()).collect();
        let rank = |st: &MissionStyle| {
            st.mission
                .as_ref()
                .and_then(|m| index.get(m.as_str()).copied())
                .unwrap_or(unassigned)
        };
        order.sort_by_key(|i| rank(&styles[*i]));
        let mut new_index = vec![0; styles.len()];
        for (new, old) in order.iter().enumerate() {
            new_index[*old] = new;
        }
        for d in &mut dots {
            d.style = new_index[d.style];
        }
        let mut sorted: Vec<Option<MissionStyle>> = styles.into_iter().map(Some).collect();
        let styles = order.iter().filter_map(|i| sorted[*i].take()).collect();
        Self {
            styles,
            dots,
            counts,
        }
    }

    /// The counts with one dot moved to `(x, y)` (a drag in progress: the counts follow it).
    pub fn counts_with(&self, s: &Scenario, dragged: Option<(usize, f64, f64)>) -> [usize; 4] {
        let mut counts = self.counts;
        if let Some((activity, x, y)) = dragged
            && let Some(a) = s.activities.get(activity)
            && self.dots.iter().any(|d| d.activity == activity && !d.faded)
        {
            let q = a.quadrant().index();
            counts[q] = counts[q].saturating_sub(1);
            counts[Quadrant::of(x, y).index()] += 1;
        }
        counts
    }
}
