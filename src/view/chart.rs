//! The quadrant chart (§II, Figure 1): x = consequences ↔ drivers, y = indirect ↔ direct. One
//! plot series per mission (not one item per activity), rebuilt only when the scenario, the
//! filters or a drag change. Hover shows an activity, click selects it, drag moves it (one
//! undo step per drag). Filters by mission, crime group and date sit above the plot.

use egui::{Align2, Ui};
use egui_plot::{
    GridMark, HLine, MarkerShape, Plot, PlotPoint, PlotPoints, Points, Polygon, Text, VLine,
};

use super::markers::Markers;
use super::{ChartFilter, Selection, ViewState};
use crate::command::{Command, UiCommand};
use crate::document::Document;
use crate::model::{ActivityId, Edit, Quadrant, Scenario, YearMonth};
use crate::theme;

/// One mission's markers.
struct Series {
    name: String,
    color: egui::Color32,
    shape: MarkerShape,
    points: Vec<PlotPoint>,
    /// Index into `scenario.activities` of each point.
    activities: Vec<usize>,
}

/// A drag in progress.
#[derive(Clone, Debug, PartialEq)]
struct Drag {
    activity: usize,
    id: ActivityId,
    to: PlotPoint,
    moved: bool,
}

#[derive(Clone, Debug, PartialEq)]
struct CacheKey {
    revision: u64,
    filter: ChartFilter,
    dragged: Option<usize>,
    dark: bool,
}

/// What the chart draws, derived from the scenario and the filters.
#[derive(Default)]
pub struct ChartCache {
    key: Option<CacheKey>,
    series: Vec<Series>,
    counts: [usize; 4],
    visible: usize,
    drag: Option<Drag>,
    /// Activities to ring: those of the hovered finding and the selected activity.
    highlight: Vec<PlotPoint>,
    highlight_key: Option<(u64, Option<usize>, Option<ActivityId>)>,
    /// The scenario's timeline, found once per revision (it scans every activity).
    timeline: Option<(u64, Option<crate::model::Timeline>)>,
}

fn active_on(s: &Scenario, a: &crate::model::Activity, date: YearMonth) -> bool {
    let m = a
        .mission
        .as_ref()
        .and_then(|id| s.missions.iter().find(|m| &m.id == id));
    let start = a.start.or(m.map(|m| m.start));
    let end = a.end.or(m.and_then(|m| m.end));
    start.is_none_or(|s| s <= date) && end.is_none_or(|e| date <= e)
}

impl ChartCache {
    fn rebuild(&mut self, s: &Scenario, key: CacheKey) {
        let mission_index: std::collections::HashMap<&str, usize> = s
            .missions
            .iter()
            .enumerate()
            .map(|(i, m)| (m.id.as_str(), i))
            .collect();
        let mut series: Vec<Series> = s
            .missions
            .iter()
            .enumerate()
            .map(|(i, _)| Series {
                name: unique_name(s, i),
                color: theme::mission_color(i),
                shape: theme::mission_shape(i),
                points: Vec::new(),
                activities: Vec::new(),
            })
            .collect();
        series.push(Series {
            name: "No mission yet".to_owned(),
            color: theme::unassigned_color(key.dark),
            shape: MarkerShape::Circle,
            points: Vec::new(),
            activities: Vec::new(),
        });
        let unassigned = series.len() - 1;
        let mut counts = [0; 4];
        let mut visible = 0;
        for (i, a) in s.activities.iter().enumerate() {
            let f = &key.filter;
            if f.mission.is_some() && a.mission != f.mission {
                continue;
            }
            if let Some(g) = &f.group
                && !a.groups.contains(g)
            {
                continue;
            }
            if let Some(d) = f.date
                && !active_on(s, a, d)
            {
                continue;
            }
            counts[a.quadrant().index()] += 1;
            visible += 1;
            // The dragged activity is drawn where the pointer is, not among the others.
            if key.dragged == Some(i) {
                continue;
            }
            let k = a
                .mission
                .as_ref()
                .and_then(|m| mission_index.get(m.as_str()).copied())
                .unwrap_or(unassigned);
            series[k].points.push(PlotPoint::new(a.x, a.y));
            series[k].activities.push(i);
        }
        series.retain(|s| !s.points.is_empty());
        self.series = series;
        self.counts = counts;
        self.visible = visible;
        self.key = Some(key);
    }

    /// The activity nearest to a screen position, within the pick radius.
    fn pick(&self, transform: &egui_plot::PlotTransform, pos: egui::Pos2) -> Option<usize> {
        let mut best: Option<(f32, usize)> = None;
        for series in &self.series {
            for (p, a) in series.points.iter().zip(&series.activities) {
                let d = transform.position_from_point(p).distance_sq(pos);
                if d <= theme::PICK_RADIUS * theme::PICK_RADIUS && best.is_none_or(|(b, _)| d < b) {
                    best = Some((d, *a));
                }
            }
        }
        best.map(|(_, a)| a)
    }
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

/// The filter bar, the quadrant counts and the plot.
pub fn chart_ui(
    ui: &mut Ui,
    doc: &Document,
    view: &mut ViewState,
    hovered_finding: Option<usize>,
    dark: bool,
    out: &mut Vec<Command>,
) {
    let s = doc.scenario();
    // The panel's width before anything is laid out: a row that overflows must not widen the plot.
    let width = ui.available_width();
    let timeline = match view.chart.timeline {
        Some((rev, t)) if rev == doc.revision() => t,
        _ => {
            let t = s.effective_timeline();
            view.chart.timeline = Some((doc.revision(), t));
            t
        }
    };
    filters_ui(ui, s, timeline, &mut view.filter, out);

    let key = CacheKey {
        revision: doc.revision(),
        filter: view.filter.clone(),
        dragged: view.chart.drag.as_ref().map(|d| d.activity),
        dark,
    };
    if view.chart.key.as_ref() != Some(&key) {
        view.chart.rebuild(s, key);
    }
    let selected = match &view.selection {
        Some(Selection::Activity(id)) => Some(id.clone()),
        _ => None,
    };
    let hkey = (doc.revision(), hovered_finding, selected.clone());
    if view.chart.highlight_key.as_ref() != Some(&hkey) {
        view.chart.highlight = highlight_points(doc, hovered_finding, selected.as_ref());
        view.chart.highlight_key = Some(hkey);
    }

    legend_ui(ui, &view.chart, &mut view.filter, s);
    if view.chart.visible != s.activities.len() {
        ui.weak(format!(
            "Showing {} of {} activities",
            view.chart.visible,
            s.activities.len()
        ));
    }
    // The plot's interaction id comes from its place among the widgets; a scope of its own keeps
    // it stable while a drag changes the rows above.
    ui.push_id("quadrant plot", |ui| {
        plot_ui(ui, s, &mut view.chart, dark, width, out);
    });
}

fn highlight_points(
    doc: &Document,
    finding: Option<usize>,
    selected: Option<&ActivityId>,
) -> Vec<PlotPoint> {
    let s = doc.scenario();
    let mut points: Vec<PlotPoint> = finding
        .and_then(|f| doc.findings().get(f))
        .map(|f| {
            f.activity_indices()
                .filter_map(|i| s.activities.get(i))
                .map(|a| PlotPoint::new(a.x, a.y))
                .collect()
        })
        .unwrap_or_default();
    if let Some(a) = selected.and_then(|id| s.activities.iter().find(|a| &a.id == id)) {
        points.push(PlotPoint::new(a.x, a.y));
    }
    points
}

fn filters_ui(
    ui: &mut Ui,
    s: &Scenario,
    timeline: Option<crate::model::Timeline>,
    f: &mut ChartFilter,
    out: &mut Vec<Command>,
) {
    ui.horizontal_wrapped(|ui| {
        let l = ui.label("Mission");
        let current = f
            .mission
            .as_ref()
            .and_then(|id| s.missions.iter().find(|m| &m.id == id))
            .map_or("all missions".to_owned(), |m| m.short_name().to_owned());
        egui::ComboBox::from_id_salt("filter mission")
            .width(FILTER_WIDTH)
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
            .and_then(|id| s.groups.iter().find(|g| &g.id == id))
            .map_or("all groups".to_owned(), |g| g.name.clone());
        egui::ComboBox::from_id_salt("filter group")
            .width(FILTER_WIDTH)
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
    ui.horizontal(|ui| {

        let mut on = f.date.is_some();
        if ui
            .checkbox(&mut on, "On date")
            .on_hover_text("Show only the activities under way in one month; drag the slider to replay the plan over time.")
            .changed()
        {
            f.date = if on { timeline.map(|t| t.start) } else { None };
        }
        if let (Some(d), Some(t)) = (f.date.as_mut(), timeline) {
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
                *d = YearMonth::from_index(index);
            }
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

/// The legend, above the plot so it never hides markers: each mission's marker and name; a
/// click shows only that mission.
fn legend_ui(ui: &mut Ui, cache: &ChartCache, filter: &mut ChartFilter, s: &Scenario) {
    // Many missions: the legend scrolls rather than squeezing the chart.
    egui::ScrollArea::vertical()
        .id_salt("legend")
        .max_height(theme::LEGEND_MAX_HEIGHT)
        .show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                for sr in &cache.series {
                    let r = legend_entry(ui, &sr.name, sr.shape, sr.color).on_hover_text(
                        "Click to show only this mission's activities; click again to show all.",
                    );
                    if r.clicked() {
                        let id = s
                            .missions
                            .iter()
                            .enumerate()
                            .find(|(i, _)| unique_name(s, *i) == sr.name)
                            .map(|(_, m)| m.id.clone());
                        filter.mission = if filter.mission.is_some() { None } else { id };
                    }
                }
            });
        });
}

/// One legend entry, marker and name as a single widget so a line never breaks between them.
fn legend_entry(
    ui: &mut Ui,
    name: &str,
    shape: MarkerShape,
    color: egui::Color32,
) -> egui::Response {
    let galley = egui::WidgetText::from(name).into_galley(
        ui,
        Some(egui::TextWrapMode::Extend),
        f32::INFINITY,
        egui::TextStyle::Button,
    );
    let marker = 2.0 * theme::MARKER_RADIUS + 6.0;
    let size = egui::vec2(
        marker + galley.size().x + 6.0,
        galley.size().y.max(marker) + 4.0,
    );
    let (rect, response) = ui.allocate_exact_size(size, egui::Sense::click());
    if response.hovered() {
        ui.painter()
            .rect_filled(rect, 3.0, ui.visuals().widgets.hovered.weak_bg_fill);
    }
    paint_marker(
        ui.painter(),
        egui::pos2(rect.left() + marker / 2.0, rect.center().y),
        theme::MARKER_RADIUS,
        shape,
        color,
    );
    let text_pos = egui::pos2(
        rect.left() + marker,
        rect.center().y - galley.size().y / 2.0,
    );
    ui.painter()
        .galley(text_pos, galley, ui.visuals().text_color());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, name));
    response
}

/// Draws a marker shape as the plot does, for the legend.
fn paint_marker(
    p: &egui::Painter,
    c: egui::Pos2,
    r: f32,
    shape: MarkerShape,
    color: egui::Color32,
) {
    use egui::{Shape, Stroke, pos2, vec2};
    let stroke = Stroke::new(2.0, color);
    match shape {
        MarkerShape::Circle => {
            p.circle_filled(c, r, color);
        }
        MarkerShape::Square => {
            p.rect_filled(
                egui::Rect::from_center_size(c, vec2(2.0 * r, 2.0 * r) * 0.85),
                0.0,
                color,
            );
        }
        MarkerShape::Diamond => {
            p.add(Shape::convex_polygon(
                vec![
                    pos2(c.x, c.y - r),
                    pos2(c.x + r, c.y),
                    pos2(c.x, c.y + r),
                    pos2(c.x - r, c.y),
                ],
                color,
                Stroke::NONE,
            ));
        }
        MarkerShape::Up => {
            p.add(Shape::convex_polygon(
                vec![
                    pos2(c.x, c.y - r),
                    pos2(c.x + r, c.y + r * 0.8),
                    pos2(c.x - r, c.y + r * 0.8),
                ],
                color,
                Stroke::NONE,
            ));
        }
        MarkerShape::Down => {
            p.add(Shape::convex_polygon(
                vec![
                    pos2(c.x - r, c.y - r * 0.8),
                    pos2(c.x + r, c.y - r * 0.8),
                    pos2(c.x, c.y + r),
                ],
                color,
                Stroke::NONE,
            ));
        }
        MarkerShape::Left | MarkerShape::Right | MarkerShape::Plus => {
            p.line_segment([pos2(c.x - r, c.y), pos2(c.x + r, c.y)], stroke);
            p.line_segment([pos2(c.x, c.y - r), pos2(c.x, c.y + r)], stroke);
        }
        MarkerShape::Cross => {
            p.line_segment([pos2(c.x - r, c.y - r), pos2(c.x + r, c.y + r)], stroke);
            p.line_segment([pos2(c.x - r, c.y + r), pos2(c.x + r, c.y - r)], stroke);
        }
        MarkerShape::Asterisk => {
            p.line_segment([pos2(c.x - r, c.y), pos2(c.x + r, c.y)], stroke);
            p.line_segment(
                [
                    pos2(c.x - r * 0.5, c.y - r * 0.87),
                    pos2(c.x + r * 0.5, c.y + r * 0.87),
                ],
                stroke,
            );
            p.line_segment(
                [
                    pos2(c.x - r * 0.5, c.y + r * 0.87),
                    pos2(c.x + r * 0.5, c.y - r * 0.87),
                ],
                stroke,
            );
        }
    }
}

const EDGE: f64 = 1.2;

/// From this many markers on, the chart draws them as meshes (see `markers.rs`).
const MESH_FROM: usize = 2000;

/// Width of the filter combo boxes, so the filter bar fits a narrow chart.
const FILTER_WIDTH: f32 = 130.0;

/// "Direct ×\nconsequences: 10": two short lines, so opposite corners never collide.
fn corner_text(q: Quadrant, n: usize) -> String {
    format!("{}: {n}", q.label().replacen(" × ", " ×\n", 1))
}

fn plot_ui(
    ui: &mut Ui,
    s: &Scenario,
    cache: &mut ChartCache,
    dark: bool,
    width: f32,
    out: &mut Vec<Command>,
) {
    let series = &cache.series;
    let counts = cache.counts;
    let label = |pos: &egui_plot::HoverPosition<'_>| -> Option<String> {
        let egui_plot::HoverPosition::NearDataPoint {
            plot_name, index, ..
        } = pos
        else {
            return None;
        };
        let a = series
            .iter()
            .find(|sr| sr.name == *plot_name)
            .and_then(|sr| sr.activities.get(*index))
            .and_then(|i| s.activities.get(*i))?;
        let mission = a
            .mission
            .as_ref()
            .and_then(|id| s.missions.iter().find(|m| &m.id == id))
            .map_or("no mission yet".to_owned(), |m| m.short_name().to_owned());
        Some(format!(
            "{}\n{} · {}\n{}",
            a.title,
            mission,
            a.quadrant().label(),
            a.kinds
                .iter()
                .map(|k| k.label())
                .collect::<Vec<_>>()
                .join(", ")
        ))
    };
    let drag_point = cache.drag.as_ref().map(|d| d.to);
    let highlight = &cache.highlight;
    let response = Plot::new("quadrant chart")
        .width(width)
        .height(ui.available_height())
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_grid(false)
        .show_x(false)
        .show_y(false)
        .default_x_bounds(-EDGE, EDGE)
        .default_y_bounds(-EDGE, EDGE)
        .x_axis_label("Consequences (-1) ... drivers (+1)")
        .y_axis_label("Indirect (-1) ... direct (+1)")
        .x_grid_spacer(axis_marks)
        .y_grid_spacer(axis_marks)
        .x_axis_formatter(|m, _| axis_number(m.value))
        .y_axis_formatter(|m, _| axis_number(m.value))
        .label_formatter(label)
        .show(ui, |plot| {
            for q in Quadrant::ALL {
                let (sx, sy) = match q {
                    Quadrant::DirectConsequences => (-1.0, 1.0),
                    Quadrant::IndirectConsequences => (-1.0, -1.0),
                    Quadrant::DirectDrivers => (1.0, 1.0),
                    Quadrant::IndirectDrivers => (1.0, -1.0),
                };
                let corners = vec![
                    [0.0, 0.0],
                    [sx * EDGE, 0.0],
                    [sx * EDGE, sy * EDGE],
                    [0.0, sy * EDGE],
                ];
                plot.polygon(
                    Polygon::new("", PlotPoints::from(corners))
                        .fill_color(theme::quadrant_tint(*q, dark))
                        .stroke(egui::Stroke::NONE)
                        .allow_hover(false),
                );
                let anchor = match q {
                    Quadrant::DirectConsequences => Align2::LEFT_TOP,
                    Quadrant::IndirectConsequences => Align2::LEFT_BOTTOM,
                    Quadrant::DirectDrivers => Align2::RIGHT_TOP,
                    Quadrant::IndirectDrivers => Align2::RIGHT_BOTTOM,
                };
                plot.text(
                    Text::new(
                        "",
                        PlotPoint::new(sx * (EDGE - 0.03), sy * (EDGE - 0.03)),
                        egui::RichText::new(corner_text(*q, counts[q.index()]))
                            .strong()
                            .size(14.0),
                    )
                    .anchor(anchor)
                    .allow_hover(false),
                );
            }
            plot.hline(
                HLine::new("", 0.0)
                    .color(theme::axis_color(dark))
                    .width(1.5)
                    .allow_hover(false),
            );
            plot.vline(
                VLine::new("", 0.0)
                    .color(theme::axis_color(dark))
                    .width(1.5)
                    .allow_hover(false),
            );
            if !highlight.is_empty() {
                plot.points(
                    Points::new("", PlotPoints::Borrowed(highlight))
                        .shape(MarkerShape::Circle)
                        .filled(false)
                        .radius(theme::HIGHLIGHT_RADIUS)
                        .color(theme::highlight_color(dark))
                        .allow_hover(false),
                );
            }
            // Anti-aliased shapes for a workshop's scenario; one mesh per series for huge ones.
            let many = series.iter().map(|sr| sr.points.len()).sum::<usize>() > MESH_FROM;
            for sr in series {
                if many {
                    plot.add(Markers::new(
                        sr.name.clone(),
                        &sr.points,
                        sr.shape,
                        sr.color,
                        theme::MARKER_RADIUS,
                    ));
                } else {
                    plot.points(
                        Points::new(sr.name.clone(), PlotPoints::Borrowed(&sr.points))
                            .shape(sr.shape)
                            .color(sr.color)
                            .filled(true)
                            .radius(theme::MARKER_RADIUS),
                    );
                }
            }
            if let Some(p) = drag_point {
                plot.points(
                    Points::new("", vec![[p.x, p.y]])
                        .shape(MarkerShape::Circle)
                        .radius(theme::MARKER_RADIUS + 2.0)
                        .color(theme::highlight_color(dark))
                        .allow_hover(false),
                );
            }
        });

    // The chart's counts, for screen readers (the corner texts are painted, not read).
    let summary: Vec<String> = Quadrant::ALL
        .iter()
        .map(|q| format!("{}: {}", q.label(), counts[q.index()]))
        .collect();
    let summary = format!("Quadrant chart. {}", summary.join(", "));
    response
        .response
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &summary));
    let r = &response.response;
    let transform = &response.transform;
    let clamp = |p: PlotPoint| PlotPoint::new(p.x.clamp(-1.0, 1.0), p.y.clamp(-1.0, 1.0));
    // A drag is recognised once the pointer has moved a little: pick where the press began.
    if r.drag_started_by(egui::PointerButton::Primary)
        && let Some(pos) = ui
            .input(|i| i.pointer.press_origin())
            .or(r.interact_pointer_pos())
        && let Some(i) = cache.pick(transform, pos)
        && let Some(a) = s.activities.get(i)
    {
        cache.drag = Some(Drag {
            activity: i,
            id: a.id.clone(),
            to: PlotPoint::new(a.x, a.y),
            moved: false,
        });
    }
    if let Some(drag) = cache.drag.as_mut()
        && r.dragged()
        && let Some(pos) = r.interact_pointer_pos()
    {
        drag.to = clamp(transform.value_from_position(pos));
        drag.moved = true;
    }
    if r.drag_stopped()
        && let Some(drag) = cache.drag.take()
    {
        if drag.moved {
            out.push(Command::Edit(Edit::MoveActivity {
                id: drag.id.clone(),
                x: round2(drag.to.x),
                y: round2(drag.to.y),
            }));
        }
        out.push(Command::Select(Selection::Activity(drag.id)));
    }
    if r.clicked()
        && let Some(pos) = r.interact_pointer_pos()
        && let Some(i) = cache.pick(transform, pos)
        && let Some(a) = s.activities.get(i)
    {
        out.push(Command::Select(Selection::Activity(a.id.clone())));
    }
}

/// Axis marks at -1, -0.5, 0, 0.5 and 1 only: the chart is about sides, not decimals.
fn axis_marks(_input: egui_plot::GridInput) -> Vec<GridMark> {
    [-1.0, -0.5, 0.0, 0.5, 1.0]
        .into_iter()
        .map(|value| GridMark {
            value,
            step_size: 0.5,
        })
        .collect()
}

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
