//! The quadrant chart (§II, Figure 1): x = consequences ↔ drivers, y = indirect ↔ direct.
//! Split in three: [`model`] (what is shown, once per revision, filter and theme), [`layout`]
//! (where it goes on screen, once per model and plot size) and [`paint`] (the marker geometry
//! and drawing). Hover shows a card on an activity, click selects it, drag moves it (one undo
//! step per drag; the counts follow the pointer). Filters by mission, crime group and date sit
//! above the plot.

pub mod layout;
pub mod model;
pub mod paint;

use std::sync::Arc;

use egui::{Align2, FontId, Galley, Pos2, Rect, Sense, Shape, Stroke, Ui, pos2, vec2};

use self::layout::{ChartLayout, EDGE, Frame, LayoutKey, Span};
use self::model::ChartModel;
use super::{ChartFilter, Selection, ViewState};
use crate::command::{Command, UiCommand};
use crate::document::Document;
use crate::lens::Lens;
use crate::model::{ActivityId, Edit, Quadrant, Scenario, YearMonth};
use crate::theme::{self, ChartText};

/// A drag in progress.
#[derive(Clone, Debug, PartialEq)]
struct Drag {
    activity: usize,
    id: ActivityId,
    to: (f64, f64),
    moved: bool,
}

#[derive(Clone, Debug, PartialEq)]
struct ModelKey {
    /// The scenario's and the lens's revision.
    revision: u64,
    filter: ChartFilter,
    dark: bool,
}

/// What the chart draws, derived from the scenario and the filters, and kept between frames.
#[derive(Default)]
pub struct ChartCache {
    key: Option<ModelKey>,
    /// Counts the models built, so the layout knows when its model changed.
    generation: u64,
    model: ChartModel,
    /// The activities' labels, kept between models.
    labels: model::Labels,
    /// Dot index of each activity (`None`: filtered out).
    dot_of: Vec<Option<usize>>,
    layout: Option<ChartLayout>,
    drag: Option<Drag>,
    /// Activities to ring: those of the hovered finding and the selected activity.
    highlight: Vec<usize>,
    highlight_key: Option<(u64, Option<usize>, Option<ActivityId>)>,
    /// The font atlas's fill ratio last frame (a drop means it was rebuilt).
    atlas_fill: f32,
    /// The scenario's timeline, found once per revision (it scans every activity).
    timeline: Option<(u64, Option<crate::model::Timeline>)>,
    /// The part of the chart shown. The board's chart shows all of it; the compare view's
    /// charts zoom and pan (wheel, drag; double-click resets), sharing one span.
    pub span: Span,
    /// Height kept below the plot for the key of numbered markers, and what it was kept for
    /// (see [`KeyRoom`]), and how often it has shrunk since.
    key_room: Option<(KeyRoom, f32, usize)>,
}

/// What the room kept for the key depends on. The key is laid out after the plot (its entries
/// are the markers the layout could only number), so its room comes from the last frame. While
/// this stays the same it grows as needed, and shrinks to what the key needs at most
/// [`theme::KEY_ROOM_SHRINKS`] times (the key's entries switch to shorter texts when many, so
/// room kept for a few long entries can be more than the many short ones need): it settles
/// in a few frames instead of see-sawing.
#[derive(Clone, Copy, Debug, PartialEq)]
struct KeyRoom {
    revision: u64,
    /// The chart's width (not its height: the lines above the plot come and go with what the
    /// layout says, and must not start the key's room again).
    width: f32,
    label_size: f32,
    pixels_per_point: f32,
}

impl KeyRoom {
    /// The same room: a width a scroll bar's worth apart is the same (a scroll bar beside the
    /// chart comes and goes with the room the key takes).
    fn same(&self, other: &Self) -> bool {
        self.revision == other.revision
            && self.label_size == other.label_size
            && self.pixels_per_point == other.pixels_per_point
            && (self.width - other.width).abs() <= theme::KEY_WIDTH_SLACK
    }
}

impl ChartCache {
    /// Builds the model again when its key (revision, filter, theme) changed.
    fn prepare(&mut self, s: &Scenario, board: &crate::lens::Board, key: ModelKey) {
        if self.key.as_ref() == Some(&key) {
            return;
        }
        self.model = ChartModel::build(s, board, &key.filter, key.dark, &mut self.labels);
        self.dot_of = vec![None; s.activities.len()];
        for (i, d) in self.model.dots.iter().enumerate() {
            self.dot_of[d.activity] = Some(i);
        }
        self.generation += 1;
        self.key = Some(key);
    }

    /// The derived model (mission styles, visible activities, counts).
    pub fn model(&self) -> &ChartModel {
        &self.model
    }

    /// Labels left out of the last layout for want of room.
    pub fn hidden_labels(&self) -> usize {
        self.layout.as_ref().map_or(0, |l| l.hidden)
    }
}

/// The filter bar, the legend and the plot. `text` sets the chart's type sizes (larger in
/// presentation mode); `controls` shows the filters and legend.
pub fn chart_ui(
    ui: &mut Ui,
    doc: &Document,
    view: &mut ViewState,
    hovered_finding: Option<usize>,
    dark: bool,
    text: &ChartText,
    out: &mut Vec<Command>,
) {
    let s = doc.room();
    let timeline = match view.chart.timeline {
        Some((rev, t)) if rev == doc.revision() => t,
        _ => {
            let t = s.effective_timeline();
            view.chart.timeline = Some((doc.revision(), t));
            t
        }
    };
    let key = ModelKey {
        revision: doc.view_revision(),
        filter: view.filter.clone(),
        dark,
    };
    let cache = &mut view.chart;
    cache.prepare(s, doc.board(), key);
    let selected = match &view.selection {
        Some(Selection::Activity(id)) => Some(id.clone()),
        _ => None,
    };
    let hkey = (doc.view_revision(), hovered_finding, selected.clone());
    if cache.highlight_key.as_ref() != Some(&hkey) {
        cache.highlight = highlight_activities(doc, hovered_finding, selected.as_ref());
        cache.highlight_key = Some(hkey);
    }

    if text.controls {
        let shown = cache.model.dots.len();
        let hidden = cache.hidden_labels();
        let labels_note = match hidden {
            0 => String::new(),
            1 => "1 label left out for want of room (hover a marker to read it)".to_owned(),
            n => format!("{n} labels left out for want of room (hover a marker to read it)"),
        };
        // Low on height (a projector at high zoom): the filters fold into one menu, and the
        // legend and the notes share one row.
        if ui.available_height() < theme::COMPACT_CHART_HEIGHT {
            ui.horizontal(|ui| {
                ui.menu_button("Filters", |ui| {
                    filters_ui(ui, s, doc.lens(), timeline, &mut view.filter, out);
                })
                .response
                .on_hover_text("Show only some missions, groups or months.");
                if shown != s.activities.len() {
                    ui.weak(format!("{shown} of {}", s.activities.len()))
                        .on_hover_text("Activities shown (the filters hide the others).");
                }
                if hidden > 0 {
                    ui.weak(format!("{hidden} unlabelled"))
                        .on_hover_text(&labels_note);
                }
                // One row (a second line would take the plot's height): the entries that fit
                // whole, the others in a menu at its end ("+2"), so none is cut at the edge.
                compact_legend(ui, &view.chart.model, &mut view.filter);
            });
        } else {
            filters_ui(ui, s, doc.lens(), timeline, &mut view.filter, out);
            legend_ui(ui, &view.chart.model, &mut view.filter);
            let mut line = if shown == s.activities.len() {
                format!("{shown} activities")
            } else {
                format!("Showing {shown} of {} activities", s.activities.len())
            };
            if hidden > 0 {
                line.push_str("; ");
                line.push_str(&labels_note);
            }
            ui.add(egui::Label::new(egui::RichText::new(line).weak()).truncate());
        }
    }
    // The plot's interaction id comes from its place among the widgets; a scope of its own keeps
    // it stable while a drag changes the rows above.
    let revision = doc.revision();
    ui.push_id("quadrant plot", |ui| {
        plot_ui(ui, s, revision, &mut view.chart, dark, text, true, out);
    });
}

/// A read-only quadrant chart of `s` as `board` shows it (no filters, no legend, no dragging),
/// drawn by the same code as the board's chart: the compare view shows one per option.
/// `revision` says when `s` or `board` changed. A click on a marker pushes
/// [`Command::Select`] for its activity.
#[expect(
    clippy::too_many_arguments,
    reason = "what is drawn (scenario, board, revision), its cache, and how (theme, type)"
)]
pub fn static_chart_ui(
    ui: &mut Ui,
    s: &Scenario,
    board: &crate::lens::Board,
    revision: u64,
    cache: &mut ChartCache,
    dark: bool,
    text: &ChartText,
    out: &mut Vec<Command>,
) {
    let key = ModelKey {
        revision,
        filter: ChartFilter::default(),
        dark,
    };
    cache.prepare(s, board, key);
    plot_ui(ui, s, revision, cache, dark, text, false, out);
}

fn highlight_activities(
    doc: &Document,
    finding: Option<usize>,
    selected: Option<&ActivityId>,
) -> Vec<usize> {
    let s = doc.room();
    let mut acts: Vec<usize> = finding
        .and_then(|f| doc.findings().get(f))
        .map(|f| f.activity_indices().collect())
        .unwrap_or_default();
    if let Some(i) = selected.and_then(|id| s.activities.iter().position(|a| &a.id == id)) {
        acts.push(i);
    }
    acts
}

fn filters_ui(
    ui: &mut Ui,
    s: &Scenario,
    lens: Lens,
    timeline: Option<crate::model::Timeline>,
    f: &mut ChartFilter,
    out: &mut Vec<Command>,
) {
    ui.horizontal_wrapped(|ui| {
        let l = ui.label("Mission");
        let current = f
            .mission
            .as_ref()
            .and_then(|id| s.mission(id))
            .map_or("all missions".to_owned(), |m| m.short_name().to_owned());
        egui::ComboBox::from_id_salt("filter mission")
            .width(theme::FILTER_WIDTH)
            .truncate()
            .selected_text(current)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut f.mission, None, "all missions");
                for m in &s.missions {
                    ui.selectable_value(&mut f.mission, Some(m.id.clone()), m.short_name());
                }
            })
            .response
            .labelled_by(l.id)
            .on_hover_text("Show only the activities of one mission.");

        let l = ui.label("Group");
        let current = f
            .group
            .as_ref()
            .and_then(|id| s.group(id))
            .map_or("all groups".to_owned(), |g| g.name.clone());
        egui::ComboBox::from_id_salt("filter group")
            .width(theme::FILTER_WIDTH)
            .truncate()
            .selected_text(current)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut f.group, None, "all groups");
                for g in &s.groups {
                    ui.selectable_value(&mut f.group, Some(g.id.clone()), &g.name);
                }
            })
            .response
            .labelled_by(l.id)
            .on_hover_text("Show only the activities that target one crime group.");
    });
    ui.horizontal_wrapped(|ui| {
        // The window's one date cursor (the document's lens), shared with the timeline.
        let mut on = lens.at.is_some();
        if ui
            .checkbox(&mut on, "On date")
            .on_hover_text("See the board as of one month: the chart fades what is not under way, the counts and the checklist are those of that month. The timeline has the same cursor.")
            .changed()
        {
            out.push(Command::SetLens(match (on, timeline) {
                (true, Some(t)) => Lens::at(t.start),
                _ => Lens::ALL_TIME,
            }));
        }
        if let (Some(d), Some(t)) = (lens.at, timeline) {
            let mut index = d.index();
            let (lo, hi) = (t.start.index(), t.end.index().max(t.start.index()));
            let r = ui
                .add(
                    egui::Slider::new(&mut index, lo..=hi)
                        .custom_formatter(|v, _| YearMonth::from_index(v as i32).to_string())
                        .custom_parser(|t| t.parse::<YearMonth>().ok().map(|d| f64::from(d.index()))),
                )
                .on_hover_text("The month shown.");
            if r.changed() {
                out.push(Command::SetLens(Lens::at(YearMonth::from_index(index))));
            }
            ui.checkbox(&mut f.hide_inactive, "Hide others")
                .on_hover_text("Leave out the activities not under way in that month instead of fading them.");
        }
        if ui
            .button("Timeline")
            .on_hover_text(UiCommand::ToggleTimeline.text_and_tooltip().1)
            .clicked()
        {
            out.push(Command::Ui(UiCommand::ToggleTimeline));
        }
        if ui
            .button(UiCommand::AddFromCatalogue.text())
            .on_hover_text(UiCommand::AddFromCatalogue.text_and_tooltip().1)
            .clicked()
        {
            out.push(Command::Ui(UiCommand::AddFromCatalogue));
        }
    });
}

/// The legend's entries: each mission's marker and name (the model's styles, the same the
/// markers use); a click shows only that mission.
fn legend_entries(ui: &mut Ui, styles: &[model::MissionStyle], filter: &mut ChartFilter) {
    for st in styles {
        let r = legend_entry(ui, st).on_hover_text(
            "Click to show only this mission's activities; click again to show all.",
        );
        if r.clicked() {
            filter.mission = if filter.mission.is_some() {
                None
            } else {
                st.mission.clone()
            };
        }
    }
}

/// The legend, above the plot so it never hides markers; with many missions it scrolls rather
/// than squeezing the chart.
fn legend_ui(ui: &mut Ui, model: &ChartModel, filter: &mut ChartFilter) {
    egui::ScrollArea::vertical()
        .id_salt("legend")
        .max_height(theme::LEGEND_MAX_HEIGHT)
        .show(ui, |ui| {
            ui.horizontal_wrapped(|ui| legend_entries(ui, &model.styles, filter))
        });
}

/// The legend in one row of a short chart: as many entries as fit whole in the row's width,
/// then a menu button ("+2") with the others.
fn compact_legend(ui: &mut Ui, model: &ChartModel, filter: &mut ChartFilter) {
    let spacing = ui.spacing().item_spacing.x;
    let widths: Vec<f32> = model
        .styles
        .iter()
        .map(|st| legend_entry_size(ui, st).x + spacing)
        .collect();
    let room = ui.available_width();
    let shown = if widths.iter().sum::<f32>() <= room {
        widths.len()
    } else {
        // Room for the menu button at the end ("+N", N at most the number of missions).
        let more =
            super::widgets::text_width(ui, &format!("+{}", widths.len()), egui::TextStyle::Button)
                + 2.0 * ui.spacing().button_padding.x
                + spacing;
        let mut used = more;
        widths
            .iter()
            .take_while(|w| {
                used += **w;
                used <= room
            })
            .count()
    };
    let (first, rest) = model.styles.split_at(shown.min(model.styles.len()));
    legend_entries(ui, first, filter);
    if !rest.is_empty() {
        ui.menu_button(format!("+{}", rest.len()), |ui| {
            legend_entries(ui, rest, filter);
        })
        .response
        .on_hover_text("The legend's other missions.");
    }
}

/// The size of one legend entry (see [`legend_entry`]).
fn legend_entry_size(ui: &Ui, st: &model::MissionStyle) -> egui::Vec2 {
    let galley = egui::WidgetText::from(st.name.as_str()).into_galley(
        ui,
        Some(egui::TextWrapMode::Extend),
        f32::INFINITY,
        egui::TextStyle::Button,
    );
    let marker = 2.0 * theme::MARKER_RADIUS + theme::LEGEND_GAP;
    vec2(
        marker + galley.size().x + theme::LEGEND_GAP,
        galley.size().y.max(marker) + theme::LEGEND_GAP / 2.0,
    )
}

/// One legend entry, marker and name as a single widget so a line never breaks between them.
fn legend_entry(ui: &mut Ui, st: &model::MissionStyle) -> egui::Response {
    let galley = egui::WidgetText::from(st.name.as_str()).into_galley(
        ui,
        Some(egui::TextWrapMode::Extend),
        f32::INFINITY,
        egui::TextStyle::Button,
    );
    let marker = 2.0 * theme::MARKER_RADIUS + theme::LEGEND_GAP;
    let size = legend_entry_size(ui, st);
    let (rect, response) = ui.allocate_exact_size(size, Sense::click());
    if response.hovered() {
        ui.painter().rect_filled(
            rect,
            theme::CORNER_ROUNDING,
            ui.visuals().widgets.hovered.weak_bg_fill,
        );
    }
    paint::paint_marker(
        ui.painter(),
        pos2(rect.left() + marker / 2.0, rect.center().y),
        theme::MARKER_RADIUS,
        st.shape,
        st.color,
        Stroke::new(
            theme::MARKER_OUTLINE,
            theme::marker_outline(ui.visuals().dark_mode),
        ),
    );
    let text_pos = pos2(
        rect.left() + marker,
        rect.center().y - galley.size().y / 2.0,
    );
    ui.painter()
        .galley(text_pos, galley, ui.visuals().text_color());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &st.name));
    response
}

/// A corner's name and count, in the longest form that fits: "Direct × consequences: 10" on one
/// line, then on two ("Direct ×\nconsequences: 10"), then shortened on two lines and on one,
/// then initials ("DC: 10").
fn corner_text(q: Quadrant, n: usize, form: usize) -> String {
    let (a, b) = q.label().split_once(" × ").unwrap_or((q.label(), ""));
    match form {
        0 => format!("{}: {n}", q.label()),
        1 => format!("{a} ×\n{b}: {n}"),
        2 => format!("{a} ×\n{}.: {n}", b.chars().take(4).collect::<String>()),
        3 => format!("{a} × {}.: {n}", b.chars().take(4).collect::<String>()),
        _ => {
            let first = |t: &str| t.chars().next().unwrap_or(' ').to_ascii_uppercase();
            format!("{}{}: {n}", first(a), first(b))
        }
    }
}

/// How many forms [`corner_text`] has.
const CORNER_FORMS: usize = 5;

const X_TITLES: [&str; 3] = [
    "Consequences (-1) … drivers (+1)",
    "consequences … drivers",
    "cons. … drivers",
];
const Y_TITLES: [&str; 3] = [
    "Indirect (-1) … direct (+1)",
    "indirect … direct",
    "ind. … direct",
];

fn axis_number(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        format!("{v:.1}")
    }
}

/// Positions are kept to two decimals: finer than anyone can argue about, and files stay tidy.
fn round2(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

/// The first of `options` no wider than `room`, else the last.
fn fitting(
    ui: &Ui,
    options: &[&str],
    font: &FontId,
    room: f32,
    color: egui::Color32,
) -> Arc<Galley> {
    let mut last = None;
    for t in options {
        let g = ui
            .painter()
            .layout_no_wrap((*t).to_owned(), font.clone(), color);
        if g.size().x <= room {
            return g;
        }
        last = Some(g);
    }
    last.unwrap_or_else(|| {
        ui.painter()
            .layout_no_wrap(String::new(), font.clone(), color)
    })
}

#[expect(
    clippy::too_many_arguments,
    reason = "what is drawn (scenario, revision), its cache, how (theme, type), and whether it edits"
)]
fn plot_ui(
    ui: &mut Ui,
    s: &Scenario,
    revision: u64,
    cache: &mut ChartCache,
    dark: bool,
    text: &ChartText,
    editable: bool,
    out: &mut Vec<Command>,
) {
    let full = ui.available_rect_before_wrap();
    ui.allocate_rect(full, Sense::hover());
    let text_color = ui.visuals().text_color();
    let painter = ui.painter_at(full);
    // The key of numbered markers takes a strip at the bottom; the rest is the plot's.
    let room_key = KeyRoom {
        revision,
        width: full.width(),
        label_size: text.label,
        pixels_per_point: ui.ctx().pixels_per_point(),
    };
    // The most the key may take: a share of the height, leaving the plot enough (none at all
    // on a very short chart: then no marker is numbered, and the line above the plot says how
    // many labels were left out).
    let key_max =
        (full.height() - theme::KEY_MIN_PLOT).clamp(0.0, full.height() * theme::KEY_MAX_SHARE);
    let key_max = if key_max < 2.0 * text.label {
        0.0
    } else {
        key_max
    };
    let (key_room, shrinks) = match cache.key_room {
        Some((k, h, n)) if k.same(&room_key) => (h.min(key_max), Some(n)),
        _ => (0.0, None),
    };
    let area = Rect::from_min_max(full.min, pos2(full.right(), full.bottom() - key_room));
    let tick_font = FontId::proportional(text.tick);
    let title_font = FontId::proportional(text.axis);

    // Margins for the tick numbers and the axis titles, outside the plot area.
    let tick_w = painter
        .layout_no_wrap("-0.5".to_owned(), tick_font.clone(), text_color)
        .size();
    let gap = theme::AXIS_GAP;
    let title_h = painter
        .layout_no_wrap("Ag".to_owned(), title_font.clone(), text_color)
        .size()
        .y;
    let left = title_h + gap + tick_w.x + gap;
    let bottom = tick_w.y + gap + title_h + gap;
    let inner = Rect::from_min_max(
        pos2(area.left() + left, area.top() + gap),
        pos2(area.right() - gap, area.bottom() - bottom),
    );

    // Live counts: a dragged marker counts where it is now.
    let dragged = cache
        .drag
        .as_ref()
        .filter(|d| d.moved)
        .map(|d| (d.activity, d.to.0, d.to.1));
    let counts = cache.model.counts_with(s, dragged);

    // Corner texts: inside the plot, in the band beyond ±1 where no marker sits, in the longest
    // form that fits there; on a short plot, outside it (above and below), so they never sit on
    // markers.
    let corner_font = FontId::proportional(text.corner);
    let pad = theme::CORNER_PAD;
    let galleys = |form: usize| -> Vec<Arc<Galley>> {
        Quadrant::ALL
            .iter()
            .map(|q| {
                painter.layout(
                    corner_text(*q, counts[q.index()], form),
                    corner_font.clone(),
                    text_color,
                    f32::INFINITY,
                )
            })
            .collect()
    };
    let half = inner.width() / 2.0 - 1.5 * pad;
    let band = inner.height() * ((EDGE - 1.0) / (2.0 * EDGE)) as f32 - pad;
    let fits_width = |g: &[Arc<Galley>]| g.iter().all(|g| g.size().x <= half);
    let inside = (0..CORNER_FORMS)
        .map(galleys)
        .find(|g| fits_width(g) && g.iter().all(|g| g.size().y <= band));
    // Whether corner texts inside the plot keep clear of every marker.
    let clear_of_markers = |g: &[Arc<Galley>]| {
        let frame = Frame {
            rect: inner,
            span: cache.span,
        };
        let rects: Vec<Rect> = Quadrant::ALL
            .iter()
            .zip(g)
            .map(|(q, g)| corner_rect(*q, g.size(), inner, None).expand(theme::MARKER_RADIUS))
            .collect();
        cache.model.dots.iter().all(|d| {
            let c = frame.to_screen(d.x, d.y);
            !rects.iter().any(|r| r.contains(c))
        })
    };
    let (rect, corner_galleys, outside) = match inside {
        Some(g) => (inner, g, false),
        // Too short to give rows of their own: initials inside (labels keep clear of them),
        // unless a marker sits under one (and the plot can spare the rows).
        None if inner.height() < theme::CORNER_OUTSIDE_FROM
            && (inner.height() < theme::CORNER_OUTSIDE_FROM * 0.75
                || clear_of_markers(&galleys(CORNER_FORMS - 1))) =>
        {
            (inner, galleys(CORNER_FORMS - 1), false)
        }
        None => {
            // One line each: the full name if it fits, else the initials.
            let g = [0, 3, CORNER_FORMS - 1]
                .into_iter()
                .map(galleys)
                .find(|g| fits_width(g))
                .unwrap_or_else(|| galleys(CORNER_FORMS - 1));
            let top = g[0].size().y.max(g[2].size().y) + gap;
            let bottom = g[1].size().y.max(g[3].size().y) + gap;
            let r = Rect::from_min_max(
                pos2(inner.left(), inner.top() + top),
                pos2(inner.right(), inner.bottom() - bottom),
            );
            (r, g, true)
        }
    };
    if rect.width() < 8.0 || rect.height() < 8.0 {
        return;
    }
    let frame = Frame {
        rect,
        span: cache.span,
    };
    // Smaller labels on a narrow plot (a small window at a high zoom).
    let label_size = theme::chart_label_size(text, rect.width());
    // Tints, axes and markers stay inside the plot when it is zoomed (the compare view); the
    // whole chart fits it by itself.
    let plot_painter = if frame.span == Span::FULL {
        painter.clone()
    } else {
        painter.with_clip_rect(rect.intersect(painter.clip_rect()))
    };
    let corners: Vec<(Rect, Arc<Galley>)> = Quadrant::ALL
        .iter()
        .zip(corner_galleys)
        .map(|(q, g)| {
            // Outside: above the plot, and below the x-axis title.
            let rows = outside.then_some((inner.top(), area.bottom()));
            (corner_rect(*q, g.size(), rect, rows), g)
        })
        .collect();

    // Quadrant tints.
    let origin = frame.to_screen(0.0, 0.0);
    for q in Quadrant::ALL {
        let (sx, sy) = quadrant_sign(*q);
        let corner = frame.to_screen(sx * EDGE, sy * EDGE);
        plot_painter.rect_filled(
            Rect::from_two_pos(origin, corner),
            0.0,
            theme::quadrant_tint(*q, dark),
        );
    }
    let axis = Stroke::new(theme::AXIS_WIDTH, theme::axis_color(dark));
    plot_painter.line_segment(
        [pos2(rect.left(), origin.y), pos2(rect.right(), origin.y)],
        axis,
    );
    plot_painter.line_segment(
        [pos2(origin.x, rect.top()), pos2(origin.x, rect.bottom())],
        axis,
    );

    // Tick numbers: every half where they fit, else the ends and the middle.
    let all = [-1.0, -0.5, 0.0, 0.5, 1.0];
    let ends = [-1.0, 0.0, 1.0];
    let step_x = rect.width() * 0.5 / (frame.span.x.1 - frame.span.x.0) as f32;
    let step_y = rect.height() * 0.5 / (frame.span.y.1 - frame.span.y.0) as f32;
    let xs: &[f64] = if tick_w.x + gap < step_x { &all } else { &ends };
    let ys: &[f64] = if tick_w.y + gap / 2.0 < step_y {
        &all
    } else {
        &ends
    };
    // Zoomed: only the ticks in view.
    let (sx, sy) = (frame.span.x, frame.span.y);
    let xs: Vec<f64> = xs
        .iter()
        .copied()
        .filter(|v| (sx.0..=sx.1).contains(v))
        .collect();
    let ys: Vec<f64> = ys
        .iter()
        .copied()
        .filter(|v| (sy.0..=sy.1).contains(v))
        .collect();
    for v in &xs {
        let p = frame.to_screen(*v, sy.0);
        painter.text(
            pos2(p.x, rect.bottom() + gap / 2.0),
            Align2::CENTER_TOP,
            axis_number(*v),
            tick_font.clone(),
            text_color,
        );
    }
    for v in &ys {
        let p = frame.to_screen(sx.0, *v);
        painter.text(
            pos2(rect.left() - gap / 2.0, p.y),
            Align2::RIGHT_CENTER,
            axis_number(*v),
            tick_font.clone(),
            text_color,
        );
    }
    // Axis titles, in the longest form that fits.
    let xt = fitting(ui, &X_TITLES, &title_font, rect.width(), text_color);
    painter.galley(
        pos2(
            rect.center().x - xt.size().x / 2.0,
            rect.bottom() + gap + tick_w.y,
        ),
        xt,
        text_color,
    );
    // Beside the plot, or where no form is that short (a short plot), beside the chart's
    // area above the key: moved up or down so it is not cut at the area's edge.
    let mut yt = fitting(ui, &Y_TITLES, &title_font, rect.height(), text_color);
    if yt.size().x > rect.height() {
        yt = fitting(ui, &Y_TITLES, &title_font, area.height(), text_color);
    }
    let yw = yt.size().x;
    let y_centre = if yw <= area.height() {
        rect.center()
            .y
            .clamp(area.top() + yw / 2.0, area.bottom() - yw / 2.0)
    } else {
        rect.center().y
    };
    painter.add(Shape::Text(
        egui::epaint::TextShape::new(pos2(area.left(), y_centre + yw / 2.0), yt, text_color)
            .with_angle(-std::f32::consts::FRAC_PI_2),
    ));

    for (r, g) in &corners {
        painter.galley(r.min, g.clone(), text_color);
    }

    // The layout: once per model and plot size.
    let drag_dot = cache.drag.as_ref().filter(|d| d.moved).map(|d| d.activity);
    let key = LayoutKey {
        model: cache.generation,
        rect,
        span: cache.span,
        label_size,
        pixels_per_point: ui.ctx().pixels_per_point(),
        keep_clear: if outside {
            Vec::new()
        } else {
            corners.iter().map(|(r, _)| r.expand(2.0)).collect()
        },
        dragged: drag_dot,
        numbers: key_max > 0.0,
    };
    // The labels' laid-out texts point into the font atlas, which egui rebuilds when the zoom
    // changes (pixels per point are in the key) or when it fills up (its fill ratio drops).
    let fill = ui.ctx().fonts(|f| f.font_atlas_fill_ratio());
    let atlas_rebuilt = fill < cache.atlas_fill;
    cache.atlas_fill = fill;
    let stale = atlas_rebuilt
        || cache.layout.as_ref().is_none_or(|l| {
            l.key.model != key.model
            || l.key.rect != key.rect
            || l.key.span != key.span
            || l.key.label_size != key.label_size
            || l.key.pixels_per_point != key.pixels_per_point
            || l.key.dragged != key.dragged
            || l.key.numbers != key.numbers
            // Corner texts change width with their counts; a label is moved only if it now
            // collides with one.
            || l.key.keep_clear.len() != key.keep_clear.len()
            || l.labels.iter().any(|p| {
                let r = Rect::from_min_size(p.pos, p.galley.size());
                key.keep_clear.iter().any(|k| k.intersects(r))
            })
        });
    if stale {
        let hidden_before = cache.hidden_labels();
        // Laid out without a colour of their own: painted in the theme's text colour.
        let layout = ChartLayout::build(&cache.model, key, dark, &mut |t, f| {
            ui.painter()
                .layout_no_wrap(t, f, egui::Color32::PLACEHOLDER)
        });
        if layout.hidden != hidden_before {
            // The line above the plot names how many labels were left out.
            ui.ctx().request_repaint();
        }
        cache.layout = Some(layout);
    }
    let Some(layout) = cache.layout.as_ref() else {
        return;
    };

    // Rings around highlighted activities.
    let ring = Stroke::new(theme::HIGHLIGHT_WIDTH, theme::highlight_color(dark));
    for a in &cache.highlight {
        if let Some(Some(d)) = cache.dot_of.get(*a)
            && let Some(c) = layout.centres.get(*d)
            && Some(*a) != drag_dot
        {
            plot_painter.circle_stroke(*c, theme::HIGHLIGHT_RADIUS, ring);
        }
    }
    plot_painter.extend(layout.shapes.iter().cloned());
    let leader = Stroke::new(theme::LEADER_WIDTH, theme::axis_color(dark));
    for l in &layout.labels {
        if let Some(line) = l.leader {
            painter.line_segment(line, leader);
        }
        // Laid out again each frame (egui's text cache makes that a lookup): a galley kept
        // from an earlier frame points into a font atlas egui may have rebuilt since, and then
        // draws garbage. The kept one gave the size the placement needed.
        let galley = painter.layout_no_wrap(
            l.galley.text().to_owned(),
            FontId::proportional(label_size),
            text_color,
        );
        painter.galley(l.pos, galley, text_color);
    }
    // The key: what each numbered marker is.
    let look = KeyLook {
        size: label_size,
        color: text_color,
        outline: Stroke::new(theme::MARKER_OUTLINE, theme::marker_outline(dark)),
    };
    let key_h = key_ui(&painter, layout, &cache.model, full, key_room, &look);
    // Never more than a share of the chart's height: the plot stays the hero.
    let key_h = key_h.min(key_max);
    match shrinks {
        _ if key_h > key_room + 0.5 => {
            cache.key_room = Some((room_key, key_h, shrinks.unwrap_or(0)));
            ui.ctx().request_repaint();
        }
        None => cache.key_room = Some((room_key, key_h, 0)),
        Some(n) if key_h + 0.5 < key_room && n < theme::KEY_ROOM_SHRINKS => {
            cache.key_room = Some((room_key, key_h, n + 1));
            ui.ctx().request_repaint();
        }
        Some(_) => {}
    }

    // The dragged marker keeps its shape, colour and label, at the pointer.
    if let Some(d) = cache.drag.as_ref().filter(|d| d.moved)
        && let Some(Some(i)) = cache.dot_of.get(d.activity)
        && let Some(dot) = cache.model.dots.get(*i)
    {
        let st = &cache.model.styles[dot.style];
        let c = frame.to_screen(d.to.0, d.to.1);
        painter.circle_stroke(c, theme::HIGHLIGHT_RADIUS, ring);
        paint::paint_marker(
            &painter,
            c,
            theme::MARKER_RADIUS,
            st.shape,
            st.color,
            Stroke::new(theme::MARKER_OUTLINE, theme::marker_outline(dark)),
        );
        painter.text(
            c + vec2(theme::MARKER_RADIUS + theme::LABEL_GAP, 0.0),
            Align2::LEFT_CENTER,
            &dot.label,
            FontId::proportional(label_size),
            text_color,
        );
    }

    // Interaction over the plot area.
    let r = ui.interact(
        rect,
        ui.scope_id().with("plot area"),
        Sense::click_and_drag(),
    );
    let summary: Vec<String> = Quadrant::ALL
        .iter()
        .map(|q| format!("{}: {}", q.label(), counts[q.index()]))
        .collect();
    let shown = layout.centres.iter().filter(|c| rect.contains(**c)).count();
    let summary = format!(
        "Quadrant chart. {}. {} of {shown} markers labelled ({} by a number the key names)",
        summary.join(", "),
        shown.saturating_sub(layout.hidden),
        layout.numbered.len()
    );
    r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &summary));
    let clamp = |(x, y): (f64, f64)| (x.clamp(-1.0, 1.0), y.clamp(-1.0, 1.0));
    let activity_at = |pos: Pos2| -> Option<usize> {
        layout
            .pick(pos)
            .and_then(|d| cache.model.dots.get(d))
            .map(|d| d.activity)
    };
    // A drag is recognised once the pointer has moved a little: pick where the press began.
    let mut new_drag = None;
    if editable
        && r.drag_started_by(egui::PointerButton::Primary)
        && let Some(pos) = ui
            .input(|i| i.pointer.press_origin())
            .or(r.interact_pointer_pos())
        && let Some(i) = activity_at(pos)
        && let Some(a) = s.activities.get(i)
    {
        new_drag = Some(Drag {
            activity: i,
            id: a.id.clone(),
            to: (a.x, a.y),
            moved: false,
        });
    }
    if !editable {
        // The compare view's charts: the wheel zooms around the pointer, a drag pans, a
        // double-click shows the whole chart again.
        let scroll = ui.input(|i| (i.zoom_delta(), i.smooth_scroll_delta.y));
        if r.hovered()
            && let Some(pos) = r.hover_pos()
        {
            let factor = if scroll.0 != 1.0 {
                f64::from(scroll.0)
            } else {
                f64::from((scroll.1 / theme::CHART_WHEEL_ZOOM).exp())
            };
            if (factor - 1.0).abs() > 1e-3 {
                cache.span = cache.span.zoomed(factor, frame.to_chart(pos));
            }
        }
        if r.dragged() {
            let d = r.drag_delta();
            let (ux, uy) = frame.units_per_point();
            cache.span = cache
                .span
                .panned((-f64::from(d.x) * ux, f64::from(d.y) * uy));
        }
        if r.double_clicked() {
            cache.span = Span::FULL;
        }
    }
    let clicked = if r.clicked() {
        r.interact_pointer_pos().and_then(activity_at)
    } else {
        None
    };
    let hovered = if cache.drag.is_none() && r.hovered() {
        r.hover_pos().and_then(activity_at)
    } else {
        None
    };
    if let Some(d) = new_drag {
        cache.drag = Some(d);
    }
    if let Some(drag) = cache.drag.as_mut()
        && r.dragged()
        && let Some(pos) = r.interact_pointer_pos()
    {
        drag.to = clamp(frame.to_chart(pos));
        drag.moved = true;
    }
    if r.drag_stopped()
        && let Some(drag) = cache.drag.take()
    {
        if drag.moved {
            out.push(Command::Edit(Edit::MoveActivity {
                id: drag.id.clone(),
                x: round2(drag.to.0),
                y: round2(drag.to.1),
            }));
        }
        out.push(Command::Select(Selection::Activity(drag.id)));
    }
    if let Some(i) = clicked
        && let Some(a) = s.activities.get(i)
    {
        out.push(Command::Select(Selection::Activity(a.id.clone())));
    }
    if let Some(i) = hovered
        && let Some(pos) = r.hover_pos()
    {
        hover_card(ui, s, i, pos, rect);
    }
}

/// How the key of numbered markers looks.
struct KeyLook {
    /// Text size (the labels').
    size: f32,
    /// Text colour.
    color: egui::Color32,
    /// Marker outline.
    outline: Stroke,
}

/// Paints the key of numbered markers ("▲ 3 EULEX mentoring…": the marker, its number and its
/// label), entries flowing in lines across the bottom of `full`, and returns the height it
/// needs (0 with no numbered marker). Where the labels would need more than
/// [`theme::KEY_FULL_SHARE`] of the most it may take, the shortened labels are used (the marker's colour
/// and shape say the mission). Only the rows that fit in the room kept for it are painted (the
/// next frame makes room otherwise).
fn key_ui(
    painter: &egui::Painter,
    layout: &ChartLayout,
    model: &ChartModel,
    full: Rect,
    room: f32,
    look: &KeyLook,
) -> f32 {
    if layout.numbered.is_empty() {
        return 0.0;
    }
    let font = FontId::proportional(look.size);
    let gap = theme::AXIS_GAP;
    let width = full.width();
    let marker = 2.0 * theme::MARKER_RADIUS + theme::LABEL_GAP;
    let entries: Vec<(usize, &model::Dot)> = layout
        .numbered
        .iter()
        .enumerate()
        .filter_map(|(k, d)| model.dots.get(*d).map(|dot| (k + 1, dot)))
        .collect();
    let flow = |short: bool| {
        let mut rows: Vec<Vec<(f32, &model::Dot, Arc<Galley>)>> = vec![Vec::new()];
        let mut x = 0.0;
        for (n, dot) in &entries {
            let label = if short {
                let mission = model
                    .styles
                    .get(dot.style)
                    .map_or("", |st| st.name.as_str());
                layout::shorter(&dot.label, mission, layout::KEY_SHORT_CHARS)
            } else {
                dot.label.clone()
            };
            let mut job = egui::text::LayoutJob::simple_singleline(
                format!("{n} {label}"),
                font.clone(),
                look.color,
            );
            job.wrap = egui::text::TextWrapping::truncate_at_width(width - marker);
            let g = painter.layout_job(job);
            let w = marker + g.size().x;
            if x > 0.0 && x + w > width {
                rows.push(Vec::new());
                x = 0.0;
            }
            if let Some(row) = rows.last_mut() {
                row.push((x, *dot, g));
            }
            x += w + theme::KEY_SPACING;
        }
        let line = rows
            .iter()
            .flatten()
            .map(|(_, _, g)| g.size().y.max(marker))
            .fold(0.0, f32::max);
        let needed = gap + rows.len() as f32 * line;
        (rows, line, needed)
    };
    let max =
        (full.height() - theme::KEY_MIN_PLOT).clamp(0.0, full.height() * theme::KEY_MAX_SHARE);
    let (mut rows, mut line, mut needed) = flow(false);
    if needed > max * theme::KEY_FULL_SHARE {
        (rows, line, needed) = flow(true);
    }
    // In the room kept for it this frame, below the plot's own texts: the rows that fit.
    let top = full.bottom() - room.min(needed);
    if room > 0.0 {
        for (r, row) in rows.into_iter().enumerate() {
            let y = top + gap + r as f32 * line;
            if y + line > full.bottom() + 0.5 {
                break;
            }
            for (x, dot, g) in row {
                if let Some(st) = model.styles.get(dot.style) {
                    paint::paint_marker(
                        painter,
                        pos2(full.left() + x + marker / 2.0, y + line / 2.0),
                        theme::MARKER_RADIUS,
                        st.shape,
                        st.color,
                        look.outline,
                    );
                }
                let ty = y + (line - g.size().y) / 2.0;
                painter.galley(pos2(full.left() + x + marker, ty), g, look.color);
            }
        }
    }
    needed
}

/// Where a quadrant's corner text of `size` sits: in its corner of `plot`, or with `rows`
/// (the top of the row above the plot, the bottom of the row below it) outside the plot, above
/// or below its corner.
fn corner_rect(q: Quadrant, size: egui::Vec2, plot: Rect, rows: Option<(f32, f32)>) -> Rect {
    let pad = theme::CORNER_PAD;
    let (sx, sy) = quadrant_sign(q);
    let x = if sx < 0.0 {
        plot.left() + pad
    } else {
        plot.right() - pad - size.x
    };
    let y = match (sy > 0.0, rows) {
        (true, None) => plot.top() + pad,
        (false, None) => plot.bottom() - pad - size.y,
        (true, Some((top, _))) => top,
        (false, Some((_, bottom))) => bottom - size.y,
    };
    Rect::from_min_size(pos2(x, y), size)
}

fn quadrant_sign(q: Quadrant) -> (f64, f64) {
    match q {
        Quadrant::DirectConsequences => (-1.0, 1.0),
        Quadrant::IndirectConsequences => (-1.0, -1.0),
        Quadrant::DirectDrivers => (1.0, 1.0),
        Quadrant::IndirectDrivers => (1.0, -1.0),
    }
}

/// The card over a hovered marker (title, mission, position, groups targeted, dates, sources), in the window beside the pointer: at most
/// [`theme::HOVER_CARD_WIDTH`] wide and [`theme::HOVER_CARD_WINDOW_SHARE`] of the window's
/// width, its text wrapping, on the side of the pointer where it hides least of `plot` (the
/// card's size is the one it had last frame). In a short window
/// ([`theme::SHORT_WINDOW_HEIGHT`]) it is terse, in small type, its facts in one paragraph:
/// the mission by its short name, the position without its coordinates, the sources by their
/// badges alone.
fn hover_card(ui: &Ui, s: &Scenario, i: usize, pos: Pos2, plot: Rect) {
    let Some(a) = s.activities.get(i) else { return };
    let mission = a.mission.as_ref().and_then(|m| s.mission(m));
    let mission_text = match (&a.mission, mission) {
        (_, Some(m)) => format!("{} — {}", m.short_name(), m.name),
        (Some(id), None) => format!("{id} (missing)"),
        (None, None) => "no mission yet".to_owned(),
    };
    let groups: Vec<String> = a
        .groups
        .iter()
        .map(|g| s.group(g).map_or_else(|| g.to_string(), |g| g.name.clone()))
        .collect();
    let start = a.start.or(mission.map(|m| m.start));
    let end = a.end.or(mission.and_then(|m| m.end));
    let dates = match (start, end) {
        (Some(s), Some(e)) => format!("{s} to {e}"),
        (Some(s), None) => format!("from {s}, open-ended"),
        (None, Some(e)) => format!("until {e}"),
        (None, None) => "no dates".to_owned(),
    };
    let bounds = ui.ctx().content_rect().shrink(theme::CORNER_PAD);
    let short = ui.ctx().content_rect().height() < theme::SHORT_WINDOW_HEIGHT;
    let mission_text = match mission.filter(|_| short) {
        Some(m) => m.short_name().to_owned(),
        None => mission_text,
    };
    let position = if short {
        format!("Position: {}", a.quadrant().label())
    } else {
        format!(
            "Position: {} (x {:.2}, y {:.2})",
            a.quadrant().label(),
            a.x,
            a.y
        )
    };
    let targets = if groups.is_empty() {
        "Targets no crime group".to_owned()
    } else {
        format!("Targets: {}", groups.join(", "))
    };
    let lines = [
        format!("Mission: {mission_text}"),
        position,
        targets,
        format!("Dates: {dates}"),
    ];
    // Short, the facts run on in one paragraph: fewer, fuller rows.
    let lines = if short {
        vec![lines.join(" · ")]
    } else {
        lines.to_vec()
    };
    // What the sources take, to measure the card: each claim with its badge, or the badges.
    let sources: Vec<String> = if a.sources.is_empty() {
        Vec::new()
    } else if short {
        vec![
            std::iter::once("Sources:".to_owned())
                .chain(a.sources.iter().map(|c| format!("[{}]", c.source.badge())))
                .collect::<Vec<_>>()
                .join(" "),
        ]
    } else {
        a.sources
            .iter()
            .map(|c| format!("[{}] {}", c.source.badge(), c.text))
            .collect()
    };
    let font = if short {
        FontId::proportional(theme::HOVER_CARD_SHORT_TEXT)
    } else {
        egui::TextStyle::Body.resolve(ui.style())
    };
    let gap = if short {
        theme::HOVER_CARD_SHORT_ROW_GAP
    } else {
        ui.spacing().item_spacing.y
    };
    let frame = egui::Frame::popup(ui.style());
    let margin = frame.total_margin().sum();
    // The card's height at a width: its rows wrapped, the gaps, the separator, the margins.
    let height = |width: f32| {
        let wrap = width - margin.x;
        let rows = std::iter::once(&a.title)
            .chain(&lines)
            .chain(&sources)
            .map(|t| {
                egui::WidgetText::from(egui::RichText::new(t).font(font.clone()))
                    .into_galley(
                        ui,
                        Some(egui::TextWrapMode::Wrap),
                        wrap,
                        egui::TextStyle::Body,
                    )
                    .size()
                    .y
            });
        let (n, sum) = rows.fold((0.0, 0.0), |(n, sum), h| (n + 1.0, sum + h));
        let separator = if sources.is_empty() {
            0.0
        } else {
            gap + theme::HOVER_CARD_SEPARATOR
        };
        sum + gap * (n - 1.0_f32).max(0.0) + separator + margin.y
    };
    // A card at most half the window wide, or as wide as the window (and shorter) where that
    // hides less of the plot.
    let narrow = theme::HOVER_CARD_WIDTH.min(bounds.width() * theme::HOVER_CARD_WINDOW_SHARE);
    let wide = theme::HOVER_CARD_WIDTH.max(narrow).min(bounds.width());
    let (width, at) = [narrow, wide]
        .into_iter()
        .map(|w| {
            let size = vec2(w, height(w));
            let (hidden, at) = card_place(pos, size, bounds, plot);
            // One taller than the window cannot be read whole: the last resort.
            let cost = if size.y > bounds.height() {
                f32::INFINITY
            } else {
                hidden
            };
            (cost, w, at)
        })
        .fold(None, |best: Option<(f32, f32, Pos2)>, c| match best {
            Some(b) if b.0 <= c.0 => Some(b),
            _ => Some(c),
        })
        .map_or((narrow, pos), |(_, w, at)| (w, at));
    egui::Area::new(ui.scope_id().with("hover card"))
        .order(egui::Order::Tooltip)
        .fixed_pos(at)
        .constrain_to(bounds)
        .interactable(false)
        .show(ui.ctx(), |ui| {
            frame.show(ui, |ui| {
                ui.set_width(width - margin.x);
                let style = ui.style_mut();
                style.override_font_id = Some(font.clone());
                style.spacing.item_spacing.y = gap;
                // Rows as tall as their text (nothing in the card is clicked), as measured.
                style.spacing.interact_size.y = 0.0;
                ui.add(egui::Label::new(egui::RichText::new(&a.title).strong()).wrap());
                for line in &lines {
                    ui.add(egui::Label::new(line.as_str()).wrap());
                }
                // Where the activity's facts come from: the paper, general knowledge, invented.
                if !a.sources.is_empty() {
                    ui.add(egui::Separator::default().spacing(theme::HOVER_CARD_SEPARATOR));
                    if short {
                        ui.horizontal_wrapped(|ui| {
                            ui.label("Sources:");
                            for c in &a.sources {
                                crate::view::widgets::provenance_badge_ui(ui, &c.source);
                            }
                        });
                    } else {
                        crate::view::widgets::sources_list_ui(ui, &a.sources);
                    }
                }
            });
        });
}

/// Where a card of `size` goes (its top-left corner) beside the pointer at `pos`, inside
/// `bounds`, and how much of `plot` it hides: at one of the pointer's corners (moved inside
/// `bounds`), the one that hides least of the plot, the first of right-below, right-above,
/// left-below, left-above on a tie. Where each hides more than
/// [`theme::HOVER_CARD_HIDDEN_SHARE`] of the plot (a small window), also pushed to the
/// window's edges on the same side. Never over the pointer.
fn card_place(pos: Pos2, size: egui::Vec2, bounds: Rect, plot: Rect) -> (f32, Pos2) {
    let off = theme::PICK_RADIUS;
    let inside = |p: Pos2| {
        let x = p.x.min(bounds.right() - size.x).max(bounds.left());
        let y = p.y.min(bounds.bottom() - size.y).max(bounds.top());
        pos2(x, y)
    };
    let hidden = |p: Pos2| {
        let r = Rect::from_min_size(p, size).intersect(plot);
        if r.is_positive() { r.area() } else { 0.0 }
    };
    let pointer = Rect::from_center_size(pos, egui::Vec2::splat(off));
    let best = |xs: &[f32], ys: &[f32]| {
        let mut best: Option<(f32, Pos2)> = None;
        for &x in xs {
            for &y in ys {
                let p = inside(pos2(x, y));
                if Rect::from_min_size(p, size).intersects(pointer) {
                    continue;
                }
                let h = hidden(p);
                if best.is_none_or(|(b, _)| h < b) {
                    best = Some((h, p));
                }
            }
        }
        best
    };
    let (right, left) = (pos.x + off, pos.x - off - size.x);
    let (below, above) = (pos.y + off, pos.y - off - size.y);
    let near = best(&[right, left], &[below, above]);
    let enough = |b: &Option<(f32, Pos2)>| {
        b.is_some_and(|(h, _)| h <= theme::HOVER_CARD_HIDDEN_SHARE * plot.area())
    };
    let place = if enough(&near) {
        near
    } else {
        let edges = best(
            &[right, left, bounds.right() - size.x, bounds.left()],
            &[below, above, bounds.bottom() - size.y, bounds.top()],
        );
        match (near, edges) {
            (Some(n), Some(e)) if e.0 < n.0 => Some(e),
            (None, e) => e,
            (n, _) => n,
        }
    };
    place.unwrap_or_else(|| {
        let p = inside(pos + vec2(off, off));
        (hidden(p), p)
    })
}
