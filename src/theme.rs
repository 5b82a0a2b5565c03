//! The only place colours and sizes are made. Text is sized to be read from the back of a room
//! on a projector; every text colour is chosen against the background it sits on for at least
//! 4.5:1 contrast (WCAG AA; [`text_pairs`] lists them and a test checks each). The mission
//! palette is Okabe–Ito (distinguishable with the common colour-vision deficiencies) and every
//! mission also gets its own marker shape; the quadrant tints are near-greys that differ in
//! lightness, so colour on the chart means missions only.

#![expect(
    clippy::disallowed_methods,
    reason = "this module is where colours are made; clippy.toml bans it everywhere else"
)]

use egui::{Color32, FontFamily, FontId, Stroke, TextStyle, Visuals};

use crate::model::{CheckStatus, Quadrant};

// ---- Sizes (points) ----

/// Preferred width of the editor panel.
pub const EDITOR_WIDTH: f32 = 380.0;
/// Preferred width of the checklist panel.
pub const CHECKLIST_WIDTH: f32 = 400.0;
/// Narrowest the editor is drawn open, where the window allows.
pub const EDITOR_MIN_WIDTH: f32 = 220.0;
/// Narrowest the checklist is drawn open (its rows need this much).
pub const CHECKLIST_MIN_WIDTH: f32 = 330.0;
/// Widest a side panel may be dragged.
pub const PANEL_MAX_WIDTH: f32 = 640.0;
/// Width of a collapsed side panel (its "show" button).
pub const PANEL_STRIP_WIDTH: f32 = 34.0;
/// Share of the window's width the chart keeps at least.
pub const CHART_MIN_SHARE: f32 = 0.45;
/// What the chart's own margins (tick numbers, axis title, panel margin) take from its width.
pub const CHART_OVERHEAD: f32 = 100.0;
/// Below this height the chart folds its filters into a menu and its legend into one row.
pub const COMPACT_CHART_HEIGHT: f32 = 420.0;
/// Below this window height (points) the board folds the rows that take height: the menus
/// into one menu button sharing its row with the option switcher, thin margins round the menu
/// bar ([`SHORT_BAR_MARGIN`]) and the chart ([`SHORT_CENTRAL_MARGIN`]), a thin status bar
/// ([`SHORT_STATUS_ROW_HEIGHT`]). Measured in the test harness (which keeps 8 points round the
/// window) with Kosovo open, plot heights before → after: 960×600 at 200 % (300 points) 99 →
/// 109, at 250 % (240) 39 → 87, at 300 % (200) no plot → 47; 1024×768 at 250 % (307) 106 →
/// 109, at 300 % (256) 55 → 103. From 320 points up (1280×800 at 250 %, 1920×1080 at 300 %)
/// the menus, the switcher and the status bar fit in their rows and keep their full form.
pub const SHORT_WINDOW_HEIGHT: f32 = 320.0;
/// Margin (points, top and bottom) of the menu bar and the status bar in a short window.
pub const SHORT_BAR_MARGIN: i8 = 1;
/// What a menu leaves of the window's height (its frame and a margin): taller, its entries
/// scroll.
pub const MENU_WINDOW_MARGIN: f32 = 24.0;
/// Height of the status bar's line in a short window: its small buttons' and text's.
pub const SHORT_STATUS_ROW_HEIGHT: f32 = 20.0;
/// Margin (points) around the chart's panel in a short window.
pub const SHORT_CENTRAL_MARGIN: i8 = 3;
/// Most of the status bar's room (after the zoom and the problem buttons) the save state
/// takes where it would leave the message less than [`STATUS_MESSAGE_MIN_WIDTH`].
pub const SAVE_STATE_SHARE: f32 = 0.5;
/// Least room for the status bar's message with its Dismiss button; with less, one small
/// button stands for it ("Message…", the text on hover). Dismiss (75 points) and a word or
/// two: at 104 the message was an ellipsis alone after Dismiss.
pub const STATUS_MESSAGE_MIN_WIDTH: f32 = 140.0;
/// Height of one row in long lists.
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

/// Tallest the chart's legend grows before it scrolls.
pub const LEGEND_MAX_HEIGHT: f32 = 64.0;
/// Space around a legend entry's marker.
pub const LEGEND_GAP: f32 = 6.0;
/// Rounding of hovered legend entries.
pub const CORNER_ROUNDING: f32 = 3.0;
/// Width of the filter combo boxes, so the filter bar fits a narrow chart.
pub const FILTER_WIDTH: f32 = 130.0;
/// Marker radius on the chart.
pub const MARKER_RADIUS: f32 = 6.0;
/// Outline around each marker, so it stands out on any tint.
pub const MARKER_OUTLINE: f32 = 1.0;
/// Radius of the ring around highlighted activities.
pub const HIGHLIGHT_RADIUS: f32 = 11.0;
/// Width of that ring.
pub const HIGHLIGHT_WIDTH: f32 = 2.0;
/// How near the pointer must be to pick an activity on the chart.
pub const PICK_RADIUS: f32 = 14.0;
/// Gap between the plot and its tick numbers and axis titles.
pub const AXIS_GAP: f32 = 6.0;
/// Width of the axis lines through the origin.
pub const AXIS_WIDTH: f32 = 1.5;
/// Space between the plot's edge and a corner text.
pub const CORNER_PAD: f32 = 6.0;
/// Below this plot height the corner texts stay inside the plot (as initials) rather than
/// taking rows of their own above and below it.
pub const CORNER_OUTSIDE_FROM: f32 = 160.0;
/// Gap between a marker and its label.
pub const LABEL_GAP: f32 = 3.0;
/// How far a label stands off (with a leader line) when no spot beside its marker is free.
pub const LABEL_LEADER: f32 = 22.0;
/// How many rings of spots, each [`LABEL_LEADER`] farther out, a label may stand off in.
pub const LABEL_RINGS: usize = 6;
/// Farthest a label may stand off its marker when no ring has room, as a share of the plot's
/// diagonal (with a leader line).
pub const LABEL_REACH: f32 = 0.45;
/// Size of the square around a marker whose neighbours make it crowded (crowded ones are
/// labelled first).
pub const LABEL_CROWD: f32 = 120.0;
/// Width of a leader line.
pub const LEADER_WIDTH: f32 = 1.0;
/// Most labels drawn: beyond this the chart shows the ones that fit and says how many are left.
pub const LABEL_MAX: usize = 300;
/// Most markers numbered (and named in the key below the chart) when no text fits beside them.
pub const KEY_MAX: usize = 40;
/// How many times the chart's layout is made again with more markers numbered.
pub const KEY_ROUNDS: usize = 6;
/// Largest share of the chart's height the key of numbered markers takes.
pub const KEY_MAX_SHARE: f32 = 0.4;
/// How many times the room kept for the chart's key may shrink to what it needs (it grows
/// whenever needed) before it stays.
pub const KEY_ROOM_SHRINKS: usize = 3;
/// Share of the most the chart's key may take that its whole labels may fill; beyond, it takes
/// the shortened ones (the plot keeps the height).
pub const KEY_FULL_SHARE: f32 = 0.7;
/// Widths of the chart this close are one for the key's room.
pub const KEY_WIDTH_SLACK: f32 = 32.0;
/// Height the chart keeps for the plot and its axes before it gives any to the key.
pub const KEY_MIN_PLOT: f32 = 160.0;
/// Space between two entries of the chart's key.
pub const KEY_SPACING: f32 = 14.0;
/// Most labels tried per layout (each costs a text layout).
pub const LABEL_TRIES: usize = 1500;
/// Cell of the grid used to find label collisions.
pub const LABEL_GRID_CELL: f32 = 32.0;
/// Widest the hover card over a marker grows.
pub const HOVER_CARD_WIDTH: f32 = 360.0;
/// Most of the window's width the hover card takes (a short, narrow window at a large zoom).
pub const HOVER_CARD_WINDOW_SHARE: f32 = 0.5;
/// Text size of the hover card in a short window (at the large zooms that make a window short,
/// still 25 px and more on screen).
pub const HOVER_CARD_SHORT_TEXT: f32 = 11.0;
/// Share of the plot the hover card may hide beside the pointer before it looks further, to
/// the window's edges (a small window at a large zoom).
pub const HOVER_CARD_HIDDEN_SHARE: f32 = 0.25;
/// Height of the line above the hover card's sources.
pub const HOVER_CARD_SEPARATOR: f32 = 6.0;
/// Space between the hover card's rows in a short window.
pub const HOVER_CARD_SHORT_ROW_GAP: f32 = 2.0;
/// Width of the windows for About and Shortcuts.
pub const HELP_WIDTH: f32 = 560.0;
/// Default size of the catalogue window.
pub const CATALOGUE_SIZE: [f32; 2] = [520.0, 560.0];
/// Default size of the Problems window.
pub const PROBLEMS_SIZE: [f32; 2] = [520.0, 320.0];
/// Spacing of form grids (columns, rows).
pub const FORM_SPACING: [f32; 2] = [10.0, 6.0];
/// Narrowest room for a form in two columns (labels, controls); narrower, each label goes
/// above its control.
pub const FORM_TWO_COLUMNS_FROM: f32 = 420.0;
/// Space between a label and its control in a one-column form.
pub const FORM_STACKED_SPACING: f32 = 2.0;
/// Space between one field and the next label in a one-column form.
pub const FORM_STACKED_GAP: f32 = 6.0;
/// Width of a date field.
pub const DATE_WIDTH: f32 = 90.0;
/// Width of a region's name field.
pub const REGION_NAME_WIDTH: f32 = 140.0;
/// Tallest a pick list in a menu grows before it scrolls.
pub const MENU_LIST_HEIGHT: f32 = 360.0;
/// Widest the start screen's column grows.
pub const START_WIDTH: f32 = 720.0;
/// How often (seconds of use) the monitors are counted, for a presentation on a second screen.
pub const SCREENS_RECOUNT_SECS: f64 = 5.0;
/// UI zoom step.
pub const ZOOM_STEP: f32 = 0.1;
/// Smallest UI zoom.
pub const ZOOM_MIN: f32 = 0.5;
/// Largest UI zoom.
pub const ZOOM_MAX: f32 = 3.0;

/// Type sizes on the chart.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ChartText {
    /// Tick numbers.
    pub tick: f32,
    /// Axis titles.
    pub axis: f32,
    /// Quadrant names and counts.
    pub corner: f32,
    /// Marker labels.
    pub label: f32,
    /// Smallest the marker labels get on a narrow plot (see [`chart_label_size`]).
    pub min_label: f32,
    /// Whether the filters and the legend are shown.
    pub controls: bool,
}

impl ChartText {
    /// Every size times `scale`.
    pub fn scaled(&self, scale: f32) -> Self {
        Self {
            tick: self.tick * scale,
            axis: self.axis * scale,
            corner: self.corner * scale,
            label: self.label * scale,
            min_label: self.min_label * scale,
            controls: self.controls,
        }
    }
}

/// The chart in the window.
pub const CHART_TEXT: ChartText = ChartText {
    tick: 14.0,
    axis: 15.0,
    corner: 15.0,
    label: 13.5,
    min_label: 10.5,
    controls: true,
};

/// A plot at least this wide (points) takes the marker labels at their full size; narrower
/// (a small window at a high zoom), they shrink in proportion, to [`ChartText::min_label`], so
/// more markers carry their text rather than a number.
pub const LABEL_FULL_WIDTH: f32 = 440.0;

/// The marker labels' size on a plot `plot_width` points wide (see [`LABEL_FULL_WIDTH`]).
pub fn chart_label_size(text: &ChartText, plot_width: f32) -> f32 {
    let scaled = text.label * (plot_width / LABEL_FULL_WIDTH).min(1.0);
    scaled.max(text.min_label.min(text.label))
}

/// The chart in presentation mode: at least 24 px at 1024×768 for the back of the room.
pub const PRESENT_TEXT: ChartText = ChartText {
    tick: 24.0,
    axis: 24.0,
    corner: 28.0,
    label: 24.0,
    min_label: 24.0,
    controls: false,
};

/// Size of the presentation's title.
pub const PRESENT_TITLE: f32 = 34.0;
/// Size of the presentation's other text.
pub const PRESENT_BODY: f32 = 26.0;
/// Text size of the inject read to the room, on the room's screen.
pub const PRESENT_INJECT_TEXT: f32 = 28.0;
/// Most height a list of the facilitator's console takes (injects, log entries).
pub const CONSOLE_LIST_HEIGHT: f32 = 200.0;
/// Default size of the hot wash window.
pub const HOT_WASH_SIZE: [f32; 2] = [560.0, 520.0];
/// Gap between a floating window and the edge of the area it is kept in.
pub const WINDOW_MARGIN: f32 = 16.0;

// ---- Colours ----

/// Marker shapes; each mission gets one with its colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MarkerShape {
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

/// Okabe–Ito colours, black left out (it vanishes in the dark theme).
pub const PALETTE: [Color32; 7] = [
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

/// A mission's or an unassigned activity's colour for an activity not under way in the lens's
/// month: towards the background.
pub fn faded_if(color: Color32, faded: bool, dark: bool) -> Color32 {
    if faded {
        // Towards the plot's background, so faded markers recede in either theme.
        let bg = if dark {
            Color32::from_gray(30)
        } else {
            Color32::from_gray(248)
        };
        color.lerp_to_gamma(bg, FADE)
    } else {
        color
    }
}

/// How far a faded marker goes towards the background (0: not at all, 1: invisible).
pub const FADE: f32 = 0.72;

/// Timeline: default height of its panel.
pub const TIMELINE_HEIGHT: f32 = 220.0;
/// Timeline: smallest height of its panel.
pub const TIMELINE_MIN_HEIGHT: f32 = 90.0;
/// Timeline: width of the lane labels.
pub const TIMELINE_LABEL_WIDTH: f32 = 170.0;
/// Timeline: height of a mission's bar (activity bars are thinner).
pub const TIMELINE_BAR: f32 = 8.0;
/// Timeline: height of an activity's bar.
pub const TIMELINE_ACTIVITY: f32 = 4.0;
/// Timeline: height of the band of marker labels under the axis.
pub const TIMELINE_MARKS: f32 = 16.0;
/// Timeline: space between lanes.
pub const TIMELINE_GAP: f32 = 6.0;
/// Timeline: height of the month axis band.
pub const TIMELINE_AXIS: f32 = 22.0;
/// Timeline: text size of labels and years.
pub const TIMELINE_TEXT: f32 = 12.0;
/// Timeline: handover arrow width.
pub const TIMELINE_ARROW: f32 = 2.5;
/// Timeline: how near a bar's end the pointer grips it, in points.
pub const TIMELINE_GRIP: f32 = 6.0;
/// Timeline: fewest months a zoom shows.
pub const TIMELINE_MIN_MONTHS: f32 = 6.0;
/// Timeline: from this many points a month on, the months are named on the axis.
pub const TIMELINE_MONTH_LABEL: f32 = 24.0;
/// Timeline: how much a point of wheel zooms (the factor is e^(points × this)).
pub const TIMELINE_WHEEL_ZOOM: f32 = 0.004;
/// Milestones window: default width.
pub const MILESTONES_WIDTH: f32 = 520.0;
/// Milestones window: tallest its list grows before it scrolls.
pub const MILESTONES_HEIGHT: f32 = 320.0;
/// Milestones window: width of a month field.
pub const MILESTONE_MONTH_WIDTH: f32 = 84.0;
/// Milestones window: width of a label field.
pub const MILESTONE_LABEL_WIDTH: f32 = 280.0;

/// Timeline: the shading of a policing vacuum.
pub fn vacuum_fill(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgba_unmultiplied(200, 80, 60, 40)
    } else {
        Color32::from_rgba_unmultiplied(220, 60, 40, 30)
    }
}

/// Timeline: year ticks and grid lines.
pub fn timeline_grid(dark: bool) -> Color32 {
    if dark {
        Color32::from_gray(70)
    } else {
        Color32::from_gray(215)
    }
}

/// Timeline: a handover arrow, by how far it is planned.
pub fn handover_color(plan: crate::lens::HandoverPlan, dark: bool) -> Color32 {
    use crate::lens::HandoverPlan as P;
    match (plan, dark) {
        (P::Planned, false) => Color32::from_rgb(30, 130, 60),
        (P::Planned, true) => Color32::from_rgb(90, 200, 120),
        (P::Partial, false) => Color32::from_rgb(190, 110, 0),
        (P::Partial, true) => Color32::from_rgb(240, 170, 50),
        (P::None, _) => error_color(dark),
    }
}

/// Timeline: a milestone's marker.
pub fn milestone_mark(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(150, 170, 255)
    } else {
        Color32::from_rgb(60, 80, 200)
    }
}

/// Timeline: the minimal-security marker.
pub fn security_mark(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(120, 210, 120)
    } else {
        Color32::from_rgb(30, 140, 50)
    }
}

/// Timeline: the date cursor.
pub fn cursor_color(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(255, 210, 80)
    } else {
        Color32::from_rgb(200, 40, 120)
    }
}

/// Colour of activities with no mission.
pub fn unassigned_color(dark: bool) -> Color32 {
    if dark {
        Color32::from_gray(170)
    } else {
        Color32::from_gray(110)
    }
}

/// Outline around every marker.
pub fn marker_outline(dark: bool) -> Color32 {
    if dark {
        Color32::from_gray(235)
    } else {
        Color32::from_gray(25)
    }
}

/// Ring drawn around highlighted activities.
pub fn highlight_color(dark: bool) -> Color32 {
    if dark { Color32::WHITE } else { Color32::BLACK }
}

/// The tint behind each quadrant: low-chroma (never mistaken for a mission's colour) and each a
/// different lightness, so they stay apart on a washed-out projector and in greyscale.
pub fn quadrant_tint(q: Quadrant, dark: bool) -> Color32 {
    let (r, g, b) = match (q, dark) {
        (Quadrant::DirectConsequences, false) => (252, 238, 234),
        (Quadrant::IndirectConsequences, false) => (236, 230, 210),
        (Quadrant::DirectDrivers, false) => (212, 224, 240),
        (Quadrant::IndirectDrivers, false) => (194, 220, 204),
        (Quadrant::DirectConsequences, true) => (96, 64, 64),
        (Quadrant::IndirectConsequences, true) => (58, 56, 34),
        (Quadrant::DirectDrivers, true) => (28, 40, 64),
        (Quadrant::IndirectDrivers, true) => (48, 84, 70),
    };
    Color32::from_rgb(r, g, b)
}

/// Colour of the axis lines through the origin and of leader lines.
pub fn axis_color(dark: bool) -> Color32 {
    if dark {
        Color32::from_gray(200)
    } else {
        Color32::from_gray(60)
    }
}

/// Colour of a checklist status word (on its chip and on the panel).
pub fn status_color(status: CheckStatus, dark: bool) -> Color32 {
    match (status, dark) {
        (CheckStatus::Open, false) => Color32::from_rgb(150, 50, 0),
        (CheckStatus::Mitigated, false) => Color32::from_rgb(0, 95, 60),
        (CheckStatus::Accepted, false) => Color32::from_rgb(0, 75, 145),
        (CheckStatus::NotApplicable, false) => Color32::from_gray(70),
        (CheckStatus::Open, true) => Color32::from_rgb(255, 170, 120),
        (CheckStatus::Mitigated, true) => Color32::from_rgb(110, 230, 170),
        (CheckStatus::Accepted, true) => Color32::from_rgb(160, 205, 255),
        (CheckStatus::NotApplicable, true) => Color32::from_gray(205),
    }
}

/// Colour of an error notice.
pub fn error_color(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(255, 140, 90)
    } else {
        Color32::from_rgb(170, 50, 0)
    }
}

/// Colour of a field whose text is not valid yet.
pub fn invalid_color(dark: bool) -> Color32 {
    error_color(dark)
}

/// The window's colours.
pub fn visuals(dark: bool) -> Visuals {
    let mut v = if dark {
        Visuals::dark()
    } else {
        Visuals::light()
    };
    let gray = Color32::from_gray;
    let (text, strong, weak) = if dark {
        (gray(225), gray(245), gray(175))
    } else {
        (gray(20), gray(0), gray(75))
    };
    let (panel, window, extreme, faint, code) = if dark {
        (gray(27), gray(32), gray(12), gray(38), gray(45))
    } else {
        (gray(246), gray(250), gray(255), gray(236), gray(232))
    };
    let (chip, hovered, active, open) = if dark {
        (gray(62), gray(72), gray(92), gray(68))
    } else {
        (gray(222), gray(212), gray(196), gray(216))
    };
    v.panel_fill = panel;
    v.window_fill = window;
    v.extreme_bg_color = extreme;
    v.faint_bg_color = faint;
    v.code_bg_color = code;
    v.text_edit_bg_color = Some(extreme);
    v.weak_text_color = Some(weak);
    v.override_text_color = None;
    v.hyperlink_color = if dark {
        Color32::from_rgb(130, 190, 255)
    } else {
        Color32::from_rgb(0, 80, 165)
    };
    v.warn_fg_color = if dark {
        Color32::from_rgb(240, 200, 90)
    } else {
        Color32::from_rgb(125, 80, 0)
    };
    v.error_fg_color = error_color(dark);
    v.widgets.noninteractive.fg_stroke.color = text;
    v.widgets.noninteractive.bg_fill = panel;
    v.widgets.noninteractive.weak_bg_fill = panel;
    for (w, fill) in [
        (&mut v.widgets.inactive, chip),
        (&mut v.widgets.hovered, hovered),
        (&mut v.widgets.active, active),
        (&mut v.widgets.open, open),
    ] {
        w.bg_fill = fill;
        w.weak_bg_fill = fill;
        w.fg_stroke.color = strong;
    }
    v.widgets.inactive.fg_stroke.color = text;
    v.selection.bg_fill = if dark {
        Color32::from_rgb(20, 80, 135)
    } else {
        Color32::from_rgb(160, 205, 245)
    };
    v.selection.stroke = Stroke::new(1.0, strong);
    v
}

/// One text colour on one background, as the window draws it.
#[derive(Clone, Copy, Debug)]
pub struct TextPair {
    /// What it is.
    pub name: &'static str,
    /// Text colour.
    pub text: Color32,
    /// Background colour.
    pub background: Color32,
    /// Large text (≥ 18 pt, or 14 pt bold), for which 3:1 is enough.
    pub large: bool,
}

/// Every text/background pair of the theme, for the contrast test.
pub fn text_pairs(dark: bool) -> Vec<TextPair> {
    let v = visuals(dark);
    let pair = |name, text, background| TextPair {
        name,
        text,
        background,
        large: false,
    };
    let mut out = vec![
        pair("text on panel", v.text_color(), v.panel_fill),
        pair("text on window", v.text_color(), v.window_fill),
        pair("text on field", v.text_color(), v.extreme_bg_color),
        pair("text on stripe", v.text_color(), v.faint_bg_color),
        pair("weak text on panel", v.weak_text_color(), v.panel_fill),
        pair("weak text on window", v.weak_text_color(), v.window_fill),
        pair(
            "weak text on field",
            v.weak_text_color(),
            v.extreme_bg_color,
        ),
        pair("code", v.text_color(), v.code_bg_color),
        pair("link", v.hyperlink_color, v.panel_fill),
        pair("warning", v.warn_fg_color, v.panel_fill),
        pair("error on panel", v.error_fg_color, v.panel_fill),
        pair("error on window", v.error_fg_color, v.window_fill),
        pair(
            "invalid field text",
            invalid_color(dark),
            v.extreme_bg_color,
        ),
        pair(
            "selected item",
            v.selection.stroke.color,
            v.selection.bg_fill,
        ),
    ];
    for (name, w) in [
        ("button", &v.widgets.inactive),
        ("hovered button", &v.widgets.hovered),
        ("pressed button", &v.widgets.active),
        ("open menu button", &v.widgets.open),
    ] {
        out.push(pair(name, w.fg_stroke.color, w.bg_fill));
        out.push(pair(name, w.fg_stroke.color, w.weak_bg_fill));
    }
    for s in CheckStatus::ALL {
        out.push(pair(
            "status word on its chip",
            status_color(*s, dark),
            v.widgets.inactive.weak_bg_fill,
        ));
        out.push(pair(
            "status word on hovered chip",
            status_color(*s, dark),
            v.widgets.hovered.weak_bg_fill,
        ));
        out.push(pair(
            "status word on panel",
            status_color(*s, dark),
            v.panel_fill,
        ));
    }
    out.push(pair(
        "problem count on button",
        error_color(dark),
        v.widgets.inactive.weak_bg_fill,
    ));
    for q in Quadrant::ALL {
        out.push(pair(
            "chart text on quadrant tint",
            v.text_color(),
            quadrant_tint(*q, dark),
        ));
    }
    out.push(pair(
        "empty quadrant count in the comparison",
        v.text_color(),
        empty_quadrant_fill(dark),
    ));
    out
}

/// WCAG 2 contrast ratio of two colours (1 … 21).
pub fn contrast(a: Color32, b: Color32) -> f32 {
    let (la, lb) = (luminance(a), luminance(b));
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

/// WCAG relative luminance.
pub fn luminance(c: Color32) -> f32 {
    let lin = |v: u8| {
        let v = f32::from(v) / 255.0;
        if v <= 0.04045 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(c.r()) + 0.7152 * lin(c.g()) + 0.0722 * lin(c.b())
}

/// Sets text sizes for a projected room and the theme.
pub fn apply(ctx: &egui::Context, dark: bool) {
    ctx.set_theme(if dark {
        egui::Theme::Dark
    } else {
        egui::Theme::Light
    });
    let visuals = visuals(dark);
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
        style.visuals = visuals.clone();
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

// ---- Options and the compare view (issue 12) ----

/// Widest an option's button in the option bar grows before its name is cut short.
pub const OPTION_BUTTON_MAX_WIDTH: f32 = 260.0;
/// Narrowest an option's button is cut to; with less room per option the switcher becomes a
/// drop-down.
pub const OPTION_BUTTON_MIN_WIDTH: f32 = 150.0;
/// Least room the compact option bar leaves the current option's name (cut short).
pub const OPTION_NAME_MIN_WIDTH: f32 = 40.0;
/// Narrowest the switcher's drop-down is drawn (its name cut short).
pub const OPTION_MENU_MIN_WIDTH: f32 = 80.0;
/// Width a separator between widgets in a row takes besides the item spacing on its sides.
pub const SEPARATOR_ROOM: f32 = 7.0;
/// Width of the option name field in the option bar's menu.
pub const OPTION_NAME_WIDTH: f32 = 220.0;
/// Points of mouse-wheel scroll that zoom the compare view's charts by a factor of e.
pub const CHART_WHEEL_ZOOM: f32 = 200.0;
/// Most options the compare view shows side by side.
pub const COMPARE_MAX: usize = 4;
/// Narrowest a chart of the compare view is drawn; below it the charts go two to a row.
pub const COMPARE_CHART_MIN_WIDTH: f32 = 300.0;
/// Share of the compare view's height the charts take until the split is dragged (the table
/// has the rest).
pub const COMPARE_CHART_SHARE: f32 = 0.5;
/// Lowest a line of the compare view's charts is drawn (with the options' names above them);
/// with less room they fold, and the table has it.
pub const COMPARE_CHART_MIN_HEIGHT: f32 = 120.0;
/// Rows of the comparison table (besides its header) kept on screen before the charts grow.
pub const COMPARE_TABLE_MIN_ROWS: usize = 5;
/// Height of the handle between the compare view's charts and its table.
pub const COMPARE_SPLIT_HEIGHT: f32 = 10.0;
/// Width the compare view's heading and buttons take in the row of picks; with less room left
/// for the options' checkboxes they go in a drop-down.
pub const COMPARE_PICKS_ROW_WIDTH: f32 = 480.0;
/// Height of one row of the comparison table.
pub const COMPARE_ROW_HEIGHT: f32 = 26.0;
/// Width of one option's column in the comparison table.
pub const COMPARE_COLUMN_WIDTH: f32 = 120.0;
/// Widest one option's column in the comparison table grows.
pub const COMPARE_COLUMN_MAX_WIDTH: f32 = 220.0;
/// Narrowest the comparison table's first column (what a row is about) gets.
pub const COMPARE_LABEL_MIN_WIDTH: f32 = 200.0;
/// Share of the comparison table's width its first column keeps before the options' columns
/// grow past [`COMPARE_COLUMN_WIDTH`].
pub const COMPARE_LABEL_SHARE: f32 = 0.45;
/// Tallest the import dialog's list of files grows before it scrolls.
pub const IMPORT_LIST_HEIGHT: f32 = 360.0;
/// The charts of the compare view: smaller than the board's (two to four share the width).
pub const COMPARE_CHART_TEXT: ChartText = ChartText {
    tick: 12.0,
    axis: 13.0,
    corner: 13.0,
    label: 12.0,
    min_label: 12.0,
    controls: false,
};

/// Behind a quadrant count that is zero in the comparison (a quadrant the option leaves
/// empty): a warm tint the text keeps its contrast on.
pub fn empty_quadrant_fill(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(92, 64, 0)
    } else {
        Color32::from_rgb(255, 228, 160)
    }
}

/// The outline of an empty quadrant's count in the comparison.
pub fn empty_quadrant_stroke(dark: bool) -> Stroke {
    Stroke::new(1.5, status_color(CheckStatus::Open, dark))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_colour_meets_wcag_aa_on_its_background_in_both_themes() {
        let mut failures = Vec::new();
        for dark in [false, true] {
            for p in text_pairs(dark) {
                let need = if p.large { 3.0 } else { 4.5 };
                let ratio = contrast(p.text, p.background);
                if ratio < need {
                    failures.push(format!(
                        "{} theme, {}: {ratio:.2}:1 < {need}:1",
                        if dark { "dark" } else { "light" },
                        p.name
                    ));
                }
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn contrast_is_computed_as_wcag_defines_it() {
        assert!((contrast(Color32::WHITE, Color32::BLACK) - 21.0).abs() < 0.01);
        assert!((contrast(Color32::from_gray(118), Color32::WHITE) - 4.54).abs() < 0.05);
        assert!((contrast(Color32::RED, Color32::RED) - 1.0).abs() < 1e-6);
    }

    #[test]
    fn quadrant_tints_differ_in_lightness_and_are_not_mission_colours() {
        for dark in [false, true] {
            let tints: Vec<Color32> = Quadrant::ALL
                .iter()
                .map(|q| quadrant_tint(*q, dark))
                .collect();
            for (i, a) in tints.iter().enumerate() {
                for b in &tints[i + 1..] {
                    // Apart by lightness alone (greyscale, a washed-out projector).
                    assert!(contrast(*a, *b) >= 1.06, "{a:?} vs {b:?} (dark {dark})");
                }
                // Near-grey: far less chroma than any mission colour.
                let chroma = |c: Color32| {
                    let v = [c.r(), c.g(), c.b()];
                    v.iter().max().copied().unwrap_or(0) - v.iter().min().copied().unwrap_or(0)
                };
                assert!(chroma(*a) <= 60, "{a:?}");
                for p in PALETTE {
                    assert!(
                        chroma(p) >= 80 && chroma(p) > 2 * chroma(*a),
                        "{p:?} vs {a:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn mission_palette_stays_apart_for_colour_blind_viewers() {
        // Viénot, Brettel & Mollon (1999) simulation of protanopia and deuteranopia in linear
        // RGB, then the WCAG luminance and the remaining blue–yellow axis: two missions must
        // differ in one or the other (shapes differ as well).
        let lin = |v: u8| {
            let v = f32::from(v) / 255.0;
            if v <= 0.04045 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        let sims: [[[f32; 3]; 3]; 2] = [
            [
                [0.1124, 0.8876, 0.0],
                [0.1124, 0.8876, 0.0],
                [0.0040, -0.0040, 1.0],
            ],
            [
                [0.2927, 0.7073, 0.0],
                [0.2927, 0.7073, 0.0],
                [-0.0223, 0.0223, 1.0],
            ],
        ];
        for m in sims {
            let sim = |c: Color32| {
                let v = [lin(c.r()), lin(c.g()), lin(c.b())];
                let s: Vec<f32> = m
                    .iter()
                    .map(|row| row[0] * v[0] + row[1] * v[1] + row[2] * v[2])
                    .collect();
                let lum = 0.2126 * s[0] + 0.7152 * s[1] + 0.0722 * s[2];
                (lum, s[2] - (s[0] + s[1]) / 2.0)
            };
            for (i, a) in PALETTE.iter().enumerate() {
                for b in &PALETTE[i + 1..] {
                    let (la, ya) = sim(*a);
                    let (lb, yb) = sim(*b);
                    let light = (la.max(lb) + 0.05) / (la.min(lb) + 0.05);
                    assert!(
                        light >= 1.25 || (ya - yb).abs() >= 0.15,
                        "{a:?} vs {b:?}: {light} {ya} {yb}"
                    );
                }
            }
        }
    }
}
