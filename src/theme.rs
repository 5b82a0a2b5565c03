//! The only place colours and sizes are made. Text is sized to be read from the back of a room
//! on a 1280×800 projector; the mission palette is Okabe–Ito (distinguishable with the common
//! colour-vision deficiencies) and every mission also gets its own marker shape.

#![expect(
    clippy::disallowed_methods,
    reason = "this module is where colours are made; clippy.toml bans it everywhere else"
)]

use egui::{Color32, FontFamily, FontId, TextStyle};
use egui_plot::MarkerShape;

use crate::model::{CheckStatus, Quadrant};

/// Width of the editor panel (points).
pub const EDITOR_WIDTH: f32 = 380.0;
/// Width of the checklist panel (points).
pub const CHECKLIST_WIDTH: f32 = 400.0;
/// Height of one row in long lists (points).
pub const ROW_HEIGHT: f32 = 26.0;
/// Height of one checklist row: a title line and two lines of the finding's sentence.
pub const CHECK_ROW_HEIGHT: f32 = 78.0;
// ---- The risk checklist's grouped rows (rules helper) ----
/// Height of a rule's row in the checklist: one line with its status control and title.
pub const CHECK_GROUP_ROW_HEIGHT: f32 = 28.0;
/// Height of a priority band's heading in the checklist.
pub const CHECK_BAND_HEIGHT: f32 = 20.0;
/// Space above a priority band's heading.
pub const CHECK_BAND_GAP: f32 = 1.0;
/// How far a rule's findings are indented under its row.
pub const CHECK_INSTANCE_INDENT: f32 = 24.0;
/// Width of a checklist status control.
pub const CHECK_STATUS_WIDTH: f32 = 110.0;
/// Most sentences the detail of a rule's row lists before "and N more".
pub const CHECK_DETAIL_MAX_REASONS: usize = 8;
// ---- end of the checklist block ----

/// Tallest the chart's legend grows before it scrolls (points).
pub const LEGEND_MAX_HEIGHT: f32 = 64.0;
/// Marker radius on the chart (points).
pub const MARKER_RADIUS: f32 = 6.0;
/// Radius of the ring around highlighted activities.
pub const HIGHLIGHT_RADIUS: f32 = 11.0;
/// How near (points) the pointer must be to pick an activity on the chart.
pub const PICK_RADIUS: f32 = 14.0;
/// UI zoom steps and limits.
pub const ZOOM_STEP: f32 = 0.1;
/// Smallest UI zoom.
pub const ZOOM_MIN: f32 = 0.6;
/// Largest UI zoom.
pub const ZOOM_MAX: f32 = 2.5;

/// Okabe–Ito colours, black left out (it vanishes in the dark theme).
const PALETTE: [Color32; 7] = [
    Color32::from_rgb(0x00, 0x72, 0xB2), // blue
    Color32::from_rgb(0xE6, 0x9F, 0x00), // orange
    Color32::from_rgb(0x00, 0x9E, 0x73), // bluish green
    Color32::from_rgb(0xD5, 0x5E, 0x00), // vermillion
    Color32::from_rgb(0x56, 0xB4, 0xE9), // sky blue
    Color32::from_rgb(0xCC, 0x79, 0xA7), // reddish purple
    Color32::from_rgb(0xF0, 0xE4, 0x42), // yellow
];

/// Shapes cycled together with the colours, so no two of the first 56 missions look alike.
const SHAPES: [MarkerShape; 8] = [
    MarkerShape::Circle,
    MarkerShape::Square,
    MarkerShape::Diamond,
    MarkerShape::Up,
    MarkerShape::Down,
    MarkerShape::Asterisk,
    MarkerShape::Cross,
    MarkerShape::Plus,
];

/// Colour of the `i`-th mission.
pub fn mission_color(i: usize) -> Color32 {
    PALETTE[i % PALETTE.len()]
}

/// Marker of the `i`-th mission.
pub fn mission_shape(i: usize) -> MarkerShape {
    SHAPES[(i / PALETTE.len() + i) % SHAPES.len()]
}

/// Colour of activities with no mission.
pub fn unassigned_color(dark: bool) -> Color32 {
    if dark {
        Color32::from_gray(170)
    } else {
        Color32::from_gray(110)
    }
}

/// Ring drawn around highlighted activities.
pub fn highlight_color(dark: bool) -> Color32 {
    if dark { Color32::WHITE } else { Color32::BLACK }
}

/// A faint tint behind each quadrant of the chart.
pub fn quadrant_tint(q: Quadrant, dark: bool) -> Color32 {
    let a = if dark { 18 } else { 22 };
    match q {
        Quadrant::DirectConsequences => Color32::from_rgba_unmultiplied(213, 94, 0, a),
        Quadrant::IndirectConsequences => Color32::from_rgba_unmultiplied(230, 159, 0, a),
        Quadrant::DirectDrivers => Color32::from_rgba_unmultiplied(0, 114, 178, a),
        Quadrant::IndirectDrivers => Color32::from_rgba_unmultiplied(0, 158, 115, a),
    }
}

/// Colour of the axis lines through the origin.
pub fn axis_color(dark: bool) -> Color32 {
    if dark {
        Color32::from_gray(140)
    } else {
        Color32::from_gray(90)
    }
}

/// Colour of a checklist status badge.
pub fn status_color(status: CheckStatus) -> Color32 {
    match status {
        CheckStatus::Open => Color32::from_rgb(0xD5, 0x5E, 0x00),
        CheckStatus::Mitigated => Color32::from_rgb(0x00, 0x9E, 0x73),
        CheckStatus::Accepted => Color32::from_rgb(0x00, 0x72, 0xB2),
        CheckStatus::NotApplicable => Color32::from_gray(128),
    }
}

/// Colour of an error notice.
pub fn error_color() -> Color32 {
    Color32::from_rgb(0xD5, 0x5E, 0x00)
}

/// Colour of a field whose text is not valid yet.
pub fn invalid_color() -> Color32 {
    Color32::from_rgb(0xD5, 0x5E, 0x00)
}

/// Sets text sizes for a projected room and the theme.
pub fn apply(ctx: &egui::Context, dark: bool) {
    ctx.set_theme(if dark {
        egui::Theme::Dark
    } else {
        egui::Theme::Light
    });
    ctx.all_styles_mut(|style| {
        style.text_styles = [
            (
                TextStyle::Heading,
                FontId::new(22.0, FontFamily::Proportional),
            ),
            (TextStyle::Body, FontId::new(16.0, FontFamily::Proportional)),
            (
                TextStyle::Button,
                FontId::new(16.0, FontFamily::Proportional),
            ),
            (
                TextStyle::Monospace,
                FontId::new(15.0, FontFamily::Monospace),
            ),
            (
                TextStyle::Small,
                FontId::new(13.5, FontFamily::Proportional),
            ),
        ]
        .into();
        style.spacing.item_spacing = egui::vec2(8.0, 6.0);
        style.spacing.interact_size.y = 24.0;
        style.spacing.combo_width = 190.0;
        style.spacing.text_edit_width = 220.0;
        style.spacing.tooltip_width = 420.0;
        // Stronger text than egui's default grey: projectors wash out contrast.
        let text = if style.visuals.dark_mode {
            Color32::from_gray(225)
        } else {
            Color32::from_gray(20)
        };
        style.visuals.widgets.noninteractive.fg_stroke.color = text;
        style.visuals.widgets.inactive.fg_stroke.color = text;
    });
}

/// The colour of a provenance badge (see `view::widgets::provenance_badge_ui`): blue for the
/// paper, grey for general knowledge, reddish purple for invented facts, bluish green for
/// PeaceOps's reasoning (Okabe–Ito colours, distinct for colour-blind readers; the badge text
/// says the source too).
pub fn provenance_color(source: &crate::model::Source, dark: bool) -> Color32 {
    use crate::model::Source;
    match source {
        Source::Paper(_) => {
            if dark {
                Color32::from_rgb(0x56, 0xB4, 0xE9)
            } else {
                Color32::from_rgb(0x00, 0x72, 0xB2)
            }
        }
        Source::GeneralKnowledge => {
            if dark {
                Color32::from_gray(175)
            } else {
                Color32::from_gray(95)
            }
        }
        Source::Invented => {
            if dark {
                Color32::from_rgb(0xCC, 0x79, 0xA7)
            } else {
                Color32::from_rgb(0xA0, 0x3C, 0x78)
            }
        }
        Source::Reasoning => {
            if dark {
                Color32::from_rgb(0x00, 0xB0, 0x84)
            } else {
                Color32::from_rgb(0x00, 0x7A, 0x5A)
            }
        }
    }
}
