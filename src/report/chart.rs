//! The quadrant chart without a window: which style each mission gets (colour, shape, legend
//! name), the markers and the quadrant counts, the way `view/chart/model.rs` derives them, in
//! plain RGB so the SVG and PNG exports need no egui. The values mirror `theme.rs` (the window's
//! light theme); a GUI test (`tests/report_look.rs`) checks that they stay equal.

use crate::model::{MissionId, Quadrant, Scenario, YearMonth};

/// A colour as red, green, blue.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// `#rrggbb`, for SVG and CSS.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

/// Marker shapes, in the order `theme::MarkerShape` declares them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Shape {
    /// A disc.
    Circle,
    /// A square.
    Square,
    /// A diamond.
    Diamond,
    /// A triangle pointing up.
    Up,
    /// A triangle pointing down.
    Down,
    /// A six-armed star.
    Asterisk,
    /// An ×.
    Cross,
    /// A +.
    Plus,
}

/// The mission palette (Okabe–Ito without black), as `theme::PALETTE`.
pub const PALETTE: [Rgb; 7] = [
    Rgb(0x00, 0x72, 0xB2),
    Rgb(0xE6, 0x9F, 0x00),
    Rgb(0x00, 0x9E, 0x73),
    Rgb(0xD5, 0x5E, 0x00),
    Rgb(0x56, 0xB4, 0xE9),
    Rgb(0xCC, 0x79, 0xA7),
    Rgb(0xF0, 0xE4, 0x42),
];

/// Shapes cycled with the colours, as `theme.rs`'s.
pub const SHAPES: [Shape; 8] = [
    Shape::Circle,
    Shape::Square,
    Shape::Diamond,
    Shape::Up,
    Shape::Down,
    Shape::Asterisk,
    Shape::Cross,
    Shape::Plus,
];

/// Colour of the `i`-th mission (as `theme::mission_color`).
pub fn mission_color(i: usize) -> Rgb {
    PALETTE[i % PALETTE.len()]
}

/// Marker of the `i`-th mission (as `theme::mission_shape`).
pub fn mission_shape(i: usize) -> Shape {
    SHAPES[(i / PALETTE.len() + i) % SHAPES.len()]
}

/// Colour of activities with no mission (light theme, as `theme::unassigned_color(false)`).
pub const UNASSIGNED: Rgb = Rgb(110, 110, 110);
/// Outline around markers (as `theme::marker_outline(false)`).
pub const OUTLINE: Rgb = Rgb(25, 25, 25);
/// Axis lines (as `theme::axis_color(false)`).
pub const AXIS: Rgb = Rgb(60, 60, 60);

/// The tint behind a quadrant (as `theme::quadrant_tint(q, false)`).
pub fn quadrant_tint(q: Quadrant) -> Rgb {
    match q {
        Quadrant::DirectConsequences => Rgb(252, 238, 234),
        Quadrant::IndirectConsequences => Rgb(236, 230, 210),
        Quadrant::DirectDrivers => Rgb(212, 224, 240),
        Quadrant::IndirectDrivers => Rgb(194, 220, 204),
    }
}

/// Colour of a checklist status's text on white (as `theme::status_color(s, false)`).
pub fn status_color(s: crate::model::CheckStatus) -> Rgb {
    use crate::model::CheckStatus as S;
    match s {
        S::Open => Rgb(150, 50, 0),
        S::Mitigated => Rgb(0, 95, 60),
        S::Accepted => Rgb(0, 75, 145),
        S::NotApplicable => Rgb(70, 70, 70),
    }
}

/// Colour of a source badge on white (as `theme::provenance_color(s, false)`).
pub fn provenance_color(s: &crate::model::Source) -> Rgb {
    use crate::model::Source;
    match s {
        Source::Paper(_) => Rgb(0x00, 0x72, 0xB2),
        Source::GeneralKnowledge => Rgb(95, 95, 95),
        Source::Invented => Rgb(0xA0, 0x3C, 0x78),
        Source::Reasoning => Rgb(0x00, 0x7A, 0x5A),
    }
}

/// Which corner a quadrant takes: signs of x and y.
pub fn quadrant_sign(q: Quadrant) -> (f64, f64) {
    match q {
        Quadrant::DirectConsequences => (-1.0, 1.0),
        Quadrant::IndirectConsequences => (-1.0, -1.0),
        Quadrant::DirectDrivers => (1.0, 1.0),
        Quadrant::IndirectDrivers => (1.0, -1.0),
    }
}

/// How one mission's activities look.
#[derive(Clone, Debug, PartialEq)]
pub struct Style {
    /// Legend name (two missions with one acronym get their ids added).
    pub name: String,
    /// Marker colour.
    pub color: Rgb,
    /// Marker shape.
    pub shape: Shape,
    /// The mission; `None` for activities with no mission yet.
    pub mission: Option<MissionId>,
}

/// One marker.
#[derive(Clone, Debug, PartialEq)]
pub struct Marker {
    /// Index into `scenario.activities`.
    pub activity: usize,
    /// Index into [`ChartData::styles`].
    pub style: usize,
    /// Position, −1 … 1 (non-finite values at the centre).
    pub x: f64,
    /// See `x`.
    pub y: f64,
    /// The short label beside the marker.
    pub label: String,
}

/// The chart's content.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ChartData {
    /// Styles of missions with markers, in scenario order ("No mission yet" last).
    pub styles: Vec<Style>,
    /// Markers, in scenario order.
    pub markers: Vec<Marker>,
    /// Markers per quadrant, in [`Quadrant::ALL`] order.
    pub counts: [usize; 4],
    /// Every mission's legend name, by mission index.
    names: Vec<String>,
}

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

fn finite(v: f64) -> f64 {
    if v.is_finite() {
        v.clamp(-1.0, 1.0)
    } else {
        0.0
    }
}

impl ChartData {
    /// The chart of every activity, or of those under way in `at`.
    pub fn build(s: &Scenario, at: Option<YearMonth>) -> Self {
        let index: rustc_hash::FxHashMap<&str, usize> = s
            .missions
            .iter()
            .enumerate()
            .map(|(i, m)| (m.id.as_str(), i))
            .collect();
        let unassigned = s.missions.len();
        let mut used = vec![false; unassigned + 1];
        let mut markers = Vec::new();
        let mut counts = [0; 4];
        // Style by mission index first; renumbered below to the legend's order.
        for (i, a) in s.activities.iter().enumerate() {
            if let Some(d) = at
                && !s.active_on(a, d)
            {
                continue;
            }
            let k = a
                .mission
                .as_ref()
                .and_then(|m| index.get(m.as_str()).copied())
                .unwrap_or(unassigned);
            used[k] = true;
            counts[a.quadrant().index()] += 1;
            markers.push(Marker {
                activity: i,
                style: k,
                x: finite(a.x),
                y: finite(a.y),
                label: a.label(),
            });
        }
        let mut slot = vec![0; unassigned + 1];
        let mut styles = Vec::new();
        for (k, _) in used.iter().enumerate().filter(|(_, u)| **u) {
            slot[k] = styles.len();
            styles.push(if k == unassigned {
                Style {
                    name: "No mission yet".to_owned(),
                    color: UNASSIGNED,
                    shape: Shape::Circle,
                    mission: None,
                }
            } else {
                Style {
                    name: unique_name(s, k),
                    color: mission_color(k),
                    shape: mission_shape(k),
                    mission: Some(s.missions[k].id.clone()),
                }
            });
        }
        for m in &mut markers {
            m.style = slot[m.style];
        }
        Self {
            styles,
            markers,
            counts,
            names: (0..s.missions.len()).map(|i| unique_name(s, i)).collect(),
        }
    }

    /// The legend name of a mission, "No mission yet" for none (or an unknown id, shown as is).
    pub fn mission_name(&self, mission: Option<&MissionId>) -> String {
        let Some(m) = mission else {
            return "No mission yet".to_owned();
        };
        self.styles
            .iter()
            .find(|s| s.mission.as_ref() == Some(m))
            .map(|s| s.name.clone())
            .or_else(|| {
                self.names
                    .iter()
                    .find(|n| n.as_str() == m.as_str())
                    .cloned()
            })
            .unwrap_or_else(|| m.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn styles_follow_scenario_order_and_counts_follow_quadrants() {
        let mut s = Scenario::new("t");
        let ym = YearMonth::new(2000, 1).unwrap_or_else(|| unreachable!());
        s.missions.push(crate::model::Mission::new(
            MissionId("m1".into()),
            "First",
            ym,
        ));
        s.missions.push(crate::model::Mission::new(
            MissionId("m2".into()),
            "Second",
            ym,
        ));
        let mut a =
            crate::model::Activity::new(crate::model::ActivityId("a1".into()), "A", 0.5, 0.5);
        a.mission = Some(MissionId("m2".into()));
        let mut b =
            crate::model::Activity::new(crate::model::ActivityId("a2".into()), "B", -0.5, -0.5);
        b.mission = Some(MissionId("m1".into()));
        let c = crate::model::Activity::new(crate::model::ActivityId("a3".into()), "C", -0.5, 0.5);
        s.activities = vec![a, b, c];
        let d = ChartData::build(&s, None);
        let names: Vec<&str> = d.styles.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["First", "Second", "No mission yet"]);
        assert_eq!(d.styles[1].color, PALETTE[1]);
        assert_eq!(d.styles[1].shape, Shape::Square);
        assert_eq!(d.markers[0].style, 1);
        assert_eq!(d.markers[1].style, 0);
        assert_eq!(d.counts, s.quadrant_counts());
    }
}
