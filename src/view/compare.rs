//! The compare view (issue 12): two to four mandate options side by side, each with its own
//! quadrant chart (the board's chart code, read-only; they share their axes and zoom and pan
//! together), its quadrant counts and open risks; below, the comparison table from
//! [`crate::compare::compare`]: findings only in each option (by rule, with their sentences),
//! activities only in each, findings in several, quadrant counts (empty quadrants marked) and
//! open risks, activities that differ, per-rule counts and the mission changes. A click on Show in the table, or on a marker, puts that option on the board
//! and selects the finding or activity there. Everything is seen at the document's lens (the
//! timeline's date). Derived once per change of the scenario, the lens or the picks, never
//! per frame; the table draws only the rows on screen.

use egui::{RichText, ScrollArea, Sense, Ui};

use super::chart::{self, ChartCache};
use super::widgets;
use crate::command::{Command, Selection};
use crate::compare::{Comparison, compare};
use crate::document::Document;
use crate::model::{ActivityId, Edit, FindingKey, OptionId, Quadrant, Scenario};
use crate::rules::{RiskCatalogue, RuleId};
use crate::theme;

/// What a click in the table or on a chart asks for.
#[derive(Clone, Debug, PartialEq)]
enum Target {
    Activity(ActivityId),
    Finding(FindingKey),
}

/// One row of the comparison table.
#[derive(Clone, Debug, PartialEq)]
enum Row {
    /// A section heading.
    Section(String),
    /// A number per option; `empty` marks a zero as worth noticing (an empty quadrant).
    Counts {
        label: String,
        values: Vec<usize>,
        mark_zero: bool,
    },
    /// Something present in some options: a finding or an activity, or a mission change.
    Present {
        label: String,
        present: Vec<bool>,
        target: Option<Target>,
    },
}

/// The comparison (each column with its board, what the charts draw) and the table's rows,
/// for one key.
struct Derived {
    key: (u64, Vec<OptionId>),
    comparison: Result<Comparison, String>,
    rows: Vec<Row>,
}

/// The compare view's state: whether it is shown, the options picked, the derived data and
/// one chart cache per column.
#[derive(Default)]
pub struct CompareState {
    /// Whether the compare view is shown (instead of the board).
    pub open: bool,
    /// The options compared, in the scenario's order (two to four).
    pub picked: Vec<OptionId>,
    derived: Option<Derived>,
    charts: Vec<ChartCache>,
    /// The part of the chart all the charts show (they zoom and pan together).
    span: chart::layout::Span,
    /// The share of the view's height the charts take, once the split was dragged (else
    /// [`theme::COMPARE_CHART_SHARE`]); the table has the rest.
    chart_share: Option<f32>,
}

impl CompareState {
    /// Opens the view on these options (the first four that exist; with fewer than two, the
    /// current option and the next ones).
    pub fn open_on(&mut self, s: &Scenario, options: Vec<OptionId>) {
        self.open = true;
        self.picked = options;
        self.settle(s);
    }

    /// Keeps the picks valid: existing options, in the scenario's order, at most four, and at
    /// least two when there are two.
    fn settle(&mut self, s: &Scenario) {
        let picked: Vec<OptionId> = s
            .options
            .iter()
            .filter(|o| self.picked.contains(&o.id))
            .map(|o| o.id.clone())
            .take(theme::COMPARE_MAX)
            .collect();
        let mut picked = picked;
        if picked.len() < 2 {
            // The current option first, then the others in order.
            let mut order: Vec<OptionId> = s.current_option.iter().cloned().collect();
            order.extend(
                s.options
                    .iter()
                    .map(|o| o.id.clone())
                    .filter(|id| Some(id) != s.current_option.as_ref()),
            );
            for id in order {
                if picked.len() >= 2 {
                    break;
                }
                if !picked.contains(&id) {
                    picked.push(id);
                }
            }
            picked = s
                .options
                .iter()
                .filter(|o| picked.contains(&o.id))
                .map(|o| o.id.clone())
                .collect();
        }
        self.picked = picked;
    }

    fn derive(&mut self, doc: &Document) {
        let key = (doc.view_revision(), self.picked.clone());
        if self.derived.as_ref().is_some_and(|d| d.key == key) {
            return;
        }
        let comparison =
            compare(doc.scenario(), &self.picked, &doc.lens()).map_err(|e| e.to_string());
        let rows = comparison.as_ref().map(rows).unwrap_or_default();
        let n = comparison.as_ref().map_or(0, |c| c.columns.len());
        self.charts.resize_with(n, ChartCache::default);
        self.derived = Some(Derived {
            key,
            comparison,
            rows,
        });
    }
}

/// The table's rows, from the comparison.
fn rows(c: &Comparison) -> Vec<Row> {
    let n = c.columns.len();
    let mut rows = Vec::new();
    let texts = RiskCatalogue::builtin().ok();
    let name = |i: usize| c.columns.get(i).map_or("?", |o| o.name.as_str());
    let finding = |f: &crate::compare::FindingRow| Row::Present {
        label: format!("{}: {}", rule_title(texts, f.rule), f.sentence(c)),
        present: present(&f.presence),
        target: Some(Target::Finding(f.key.clone())),
    };
    for i in 0..n {
        let only: Vec<Row> = c
            .findings
            .iter()
            .filter(|f| f.only_in(i))
            .map(finding)
            .collect();
        rows.push(Row::Section(format!(
            "Findings only in {} ({})",
            name(i),
            only.len()
        )));
        rows.extend(only);
    }
    let activity = |a: &crate::compare::ActivityRow| Row::Present {
        label: if a.changed {
            format!("{} (differs between options)", a.title)
        } else {
            a.title.clone()
        },
        present: present(&a.presence),
        target: Some(Target::Activity(a.id.clone())),
    };
    for i in 0..n {
        let only: Vec<Row> = c
            .activities
            .iter()
            .filter(|a| a.only_in(i))
            .map(activity)
            .collect();
        rows.push(Row::Section(format!(
            "Activities only in {} ({})",
            name(i),
            only.len()
        )));
        rows.extend(only);
    }
    let shared: Vec<Row> = c
        .findings
        .iter()
        .filter(|f| f.presence.iter().flatten().count() > 1)
        .map(finding)
        .collect();
    rows.push(Row::Section(format!(
        "Findings in {} ({})",
        if n == 2 { "both" } else { "several options" },
        shared.len()
    )));
    rows.extend(shared);
    rows.push(Row::Section(
        "Quadrant counts (activities under way)".into(),
    ));
    for q in Quadrant::ALL {
        rows.push(Row::Counts {
            label: q.label().to_owned(),
            values: c.columns.iter().map(|o| o.counts[q.index()]).collect(),
            mark_zero: true,
        });
    }
    rows.push(Row::Counts {
        label: "Open risks".into(),
        values: c.columns.iter().map(|o| o.open).collect(),
        mark_zero: false,
    });
    let changed: Vec<Row> = c
        .activities
        .iter()
        .filter(|a| a.changed && a.presence.iter().flatten().count() > 1)
        .map(activity)
        .collect();
    if !changed.is_empty() {
        rows.push(Row::Section(format!(
            "Activities in several options that differ ({})",
            changed.len()
        )));
        rows.extend(changed);
    }
    rows.push(Row::Section("Findings per rule".into()));
    for r in &c.rules {
        rows.push(Row::Counts {
            label: rule_title(texts, r.rule).to_owned(),
            values: r.counts.clone(),
            mark_zero: false,
        });
    }
    rows.push(Row::Section("Mission changes".into()));
    let mut any = false;
    for (i, o) in c.columns.iter().enumerate() {
        for m in &o.mission_changes {
            any = true;
            rows.push(Row::Present {
                label: format!("{}: {m}", o.name),
                present: (0..n).map(|j| j == i).collect(),
                target: None,
            });
        }
    }
    if !any {
        rows.push(Row::Present {
            label: "None: every option keeps the base's missions.".into(),
            present: vec![false; n],
            target: None,
        });
    }
    rows
}

/// For each column, whether the row is in it.
fn present(presence: &[Option<usize>]) -> Vec<bool> {
    presence.iter().map(Option::is_some).collect()
}

/// A rule's title as the checklist shows it (its id if the texts are missing).
fn rule_title(texts: Option<&RiskCatalogue>, rule: RuleId) -> &str {
    texts
        .and_then(|t| t.get(rule))
        .map_or(rule.as_str(), |i| i.title.as_str())
}

/// Puts an option on the board and selects something there.
fn show_in(
    s: &Scenario,
    option: &OptionId,
    target: Target,
    state: &mut CompareState,
    out: &mut Vec<Command>,
) {
    if s.current_option.as_ref() != Some(option) {
        out.push(Command::Edit(Edit::SwitchOption(option.clone())));
    }
    out.push(match target {
        Target::Activity(id) => Command::Select(Selection::Activity(id)),
        Target::Finding(key) => Command::PickFinding(key),
    });
    state.open = false;
}

/// The compare view, in the room the central panel gives it.
pub fn compare_ui(
    ui: &mut Ui,
    doc: &Document,
    state: &mut CompareState,
    dark: bool,
    out: &mut Vec<Command>,
) {
    let s = doc.scenario();
    state.settle(s);
    if ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape)) {
        state.open = false;
    }
    picks_ui(ui, s, doc, state);
    if state.picked.len() < 2 {
        ui.label(
            "There is only one option. Make another in the option bar (Options → Duplicate current option, or New empty option), or import a breakout group's file, then compare.",
        );
        return;
    }
    state.derive(doc);
    let Some(d) = state.derived.as_ref() else {
        return;
    };
    let c = match &d.comparison {
        Ok(c) => c,
        Err(e) => {
            ui.colored_label(
                theme::error_color(dark),
                format!("The options could not be compared: {e}"),
            );
            return;
        }
    };
    let n = c.columns.len();
    let width = ui.available_width();
    let room = ui.available_height() - theme::COMPARE_SPLIT_HEIGHT;
    let height = charts_height(room, state.chart_share);
    // Two to a row when they are narrow, unless that leaves each line too low.
    let per_row = if n > 2
        && width / (n as f32) < theme::COMPARE_CHART_MIN_WIDTH
        && height / 2.0 >= theme::COMPARE_CHART_MIN_HEIGHT
    {
        2
    } else {
        n.max(1)
    };
    let lines = if height > 0.0 { n.div_ceil(per_row) } else { 0 };
    let cell_h = height / lines as f32;
    let gap = ui.spacing().item_spacing.x;
    let cell_w = (width - gap * (per_row as f32 - 1.0)) / per_row as f32;
    let mut clicked: Option<(usize, Target)> = None;
    let span = state.span;
    let mut moved = None;
    let charts = &mut state.charts;
    for line in 0..lines {
        ui.horizontal(|ui| {
            for col in 0..per_row {
                let i = line * per_row + col;
                let (Some(cache), Some(column)) = (charts.get_mut(i), c.columns.get(i)) else {
                    continue;
                };
                let (cell, _) = ui.allocate_exact_size(egui::vec2(cell_w, cell_h), Sense::hover());
                let mut cell_ui = ui.new_child(
                    egui::UiBuilder::new()
                        .max_rect(cell)
                        .layout(egui::Layout::top_down(egui::Align::LEFT)),
                );
                cell_ui.set_clip_rect(cell.intersect(ui.clip_rect()));
                {
                    let ui = &mut cell_ui;
                    {
                        let current = s.current_option.as_ref() == Some(&column.id);
                        let mut head = egui::text::LayoutJob::default();
                        let style = ui.style().clone();
                        RichText::new(&column.name).strong().append_to(
                            &mut head,
                            &style,
                            egui::FontSelection::Default,
                            egui::Align::Center,
                        );
                        RichText::new(format!(
                            " · {} open risks{}",
                            column.open,
                            if current { " (on the board)" } else { "" }
                        ))
                        .append_to(
                            &mut head,
                            &style,
                            egui::FontSelection::Default,
                            egui::Align::Center,
                        );
                        ui.add(egui::Label::new(head).truncate());
                        let empty: Vec<&str> = Quadrant::ALL
                            .iter()
                            .filter(|q| column.empty_quadrants.contains(q))
                            .map(|q| q.label())
                            .collect();
                        if !empty.is_empty() {
                            ui.add(
                                egui::Label::new(
                                    RichText::new(format!("Empty: {}", empty.join(", "))).color(
                                        theme::status_color(crate::model::CheckStatus::Open, dark),
                                    ),
                                )
                                .truncate(),
                            );
                        }
                        let mut picked = Vec::new();
                        cache.span = span;
                        ui.push_id(("compare chart", i), |ui| {
                            chart::static_chart_ui(
                                ui,
                                &column.board,
                                &column.shown,
                                d.key.0,
                                cache,
                                dark,
                                &theme::COMPARE_CHART_TEXT,
                                &mut picked,
                            );
                        });
                        if cache.span != span {
                            moved = Some(cache.span);
                        }
                        for c in picked {
                            if let Command::Select(Selection::Activity(id)) = c {
                                clicked = Some((i, Target::Activity(id)));
                            }
                        }
                    }
                }
            }
        });
    }
    if let Some(span) = moved {
        // One chart zoomed or panned: the others follow next frame.
        state.span = span;
        ui.ctx().request_repaint();
    }
    let share = state
        .chart_share
        .unwrap_or(if room > 0.0 { height / room } else { 0.0 });
    if let Some(share) = split_ui(ui, height, share, room) {
        state.chart_share = share;
    }
    if let Some((i, t)) = table_ui(ui, c, &d.rows, dark) {
        clicked = Some((i, t));
    }
    if let Some((i, target)) = clicked
        && let Some(id) = state.picked.get(i).cloned()
    {
        show_in(s, &id, target, state, out);
    }
}

/// The height the charts get of `room` (the view's height below the picks, the split's handle
/// left out). Until the split is dragged (`share` `None`): [`theme::COMPARE_CHART_SHARE`] of
/// it, at most what leaves the table [`theme::COMPARE_TABLE_MIN_ROWS`] rows and its header;
/// where that is less than [`theme::COMPARE_CHART_MIN_HEIGHT`] the charts fold (0) and the
/// table has the room. Dragged: `share` of it, between that least and what leaves the table a
/// row; dragged below half the least, folded.
pub fn charts_height(room: f32, share: Option<f32>) -> f32 {
    let min = theme::COMPARE_CHART_MIN_HEIGHT;
    match share {
        None => {
            let table = (theme::COMPARE_TABLE_MIN_ROWS as f32 + 1.0) * theme::COMPARE_ROW_HEIGHT;
            let h = (room * theme::COMPARE_CHART_SHARE).min(room - table);
            if h < min { 0.0 } else { h }
        }
        Some(share) => {
            let h = room * share;
            let most = room - 2.0 * theme::COMPARE_ROW_HEIGHT;
            if h < min / 2.0 || most < min {
                0.0
            } else {
                h.clamp(min, most)
            }
        }
    }
}

/// The handle between the charts (`height` high, 0 when folded; `share` of `room` as dragged)
/// and the table: dragged, it moves the split; a double-click puts it back (or unfolds the
/// charts). Returns the new share of `room` the charts ask for (`None`: the default).
fn split_ui(ui: &mut Ui, height: f32, share: f32, room: f32) -> Option<Option<f32>> {
    let folded = height <= 0.0;
    let h = if folded {
        theme::COMPARE_ROW_HEIGHT
    } else {
        theme::COMPARE_SPLIT_HEIGHT
    };
    let (rect, r) =
        ui.allocate_exact_size(egui::vec2(ui.available_width(), h), Sense::click_and_drag());
    let r = r.on_hover_cursor(egui::CursorIcon::ResizeVertical).on_hover_text(if folded {
        "The charts are folded to leave the table room: drag this line down, or double-click it, to show them."
    } else {
        "Drag to give the charts or the table more room; double-click for the usual split."
    });
    r.widget_info(|| {
        egui::WidgetInfo::labeled(
            egui::Role::Splitter,
            true,
            "Resize the charts and the table",
        )
    });
    let stroke = if r.hovered() || r.dragged() {
        ui.visuals().widgets.hovered.fg_stroke
    } else {
        ui.visuals().widgets.noninteractive.bg_stroke
    };
    if folded {
        ui.painter()
            .hline(rect.x_range(), rect.bottom() - 1.0, stroke);
        let text = egui::WidgetText::from(
            RichText::new("Charts folded for room: drag down or double-click to show").weak(),
        )
        .into_galley(
            ui,
            Some(egui::TextWrapMode::Truncate),
            rect.width(),
            egui::TextStyle::Body,
        );
        ui.painter().galley(
            egui::pos2(rect.left(), rect.center().y - text.size().y / 2.0),
            text,
            ui.visuals().text_color(),
        );
    } else {
        ui.painter().hline(rect.x_range(), rect.center().y, stroke);
    }
    if room <= 0.0 {
        return None;
    }
    if r.double_clicked() {
        Some(if folded {
            Some(theme::COMPARE_CHART_SHARE)
        } else {
            None
        })
    } else if r.dragged() {
        // The share accumulates while folded: the charts come back past half their least.
        let most = (room - 2.0 * theme::COMPARE_ROW_HEIGHT).max(0.0) / room;
        Some(Some((share + r.drag_delta().y / room).clamp(0.0, most)))
    } else {
        None
    }
}

/// The picks, the lens's date and the way back: the options' checkboxes in the row when they
/// fit, else in a drop-down (so that the charts and the table keep the height at a large zoom).
fn picks_ui(ui: &mut Ui, s: &Scenario, doc: &Document, state: &mut CompareState) {
    let boxes: f32 = s
        .options
        .iter()
        .map(|o| {
            widgets::text_width(ui, &o.name, egui::TextStyle::Body)
                + ui.spacing().icon_width
                + ui.spacing().icon_spacing
                + ui.spacing().item_spacing.x
        })
        .sum();
    let inline = boxes + theme::COMPARE_PICKS_ROW_WIDTH <= ui.available_width();
    ui.horizontal_wrapped(|ui| {
        // Narrow: a smaller heading, and the picks and "Show whole charts" in a drop-down,
        // so that the row stays one line at a large zoom.
        if inline {
            ui.heading("Compare options");
        } else {
            ui.strong("Compare options");
        }
        if let Some(at) = doc.lens().at {
            ui.label(format!("as of {at}")).on_hover_text(
                "The timeline's date: the counts and findings are those of that month.",
            );
        }
        if inline {
            checkboxes_ui(ui, s, state);
            whole_charts_ui(ui, state);
        } else {
            egui::containers::menu::MenuButton::new(format!(
                "{} of {} options",
                state.picked.len(),
                s.options.len()
            ))
            .config(
                egui::containers::menu::MenuConfig::new()
                    .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside),
            )
            .ui(ui, |ui| {
                checkboxes_ui(ui, s, state);
                ui.separator();
                whole_charts_ui(ui, state);
            })
            .0
            .on_hover_text(
                "Pick the options compared (two to four at a time); show the whole charts again.",
            );
        }
        if ui
            .button("Back to the board")
            .on_hover_text("Close the comparison (Esc).")
            .clicked()
        {
            state.open = false;
        }
    });
}

/// The button that undoes the charts' zoom and pan.
fn whole_charts_ui(ui: &mut Ui, state: &mut CompareState) {
    if ui
        .add_enabled(
            state.span != chart::layout::Span::FULL,
            egui::Button::new("Show whole charts"),
        )
        .on_hover_text("The charts zoom together with the mouse wheel and pan together by dragging; this shows all of them again (so does a double-click).")
        .clicked()
    {
        state.span = chart::layout::Span::FULL;
    }
}

/// A checkbox per option: ticked, it is compared.
fn checkboxes_ui(ui: &mut Ui, s: &Scenario, state: &mut CompareState) {
    let full = state.picked.len() >= theme::COMPARE_MAX;
    for o in &s.options {
        let mut on = state.picked.contains(&o.id);
        let r = ui
            .add_enabled(on || !full, egui::Checkbox::new(&mut on, &o.name))
            .on_hover_text("Compare this option (two to four at a time).")
            .on_disabled_hover_text("Four options at most: untick one first.");
        if r.changed() {
            if on {
                state.picked.push(o.id.clone());
            } else if state.picked.len() > 2 {
                state.picked.retain(|p| p != &o.id);
            }
        }
    }
}

/// The comparison table: a header with the options' names, then the rows on screen. Returns
/// the cell clicked (option column and what it shows).
fn table_ui(ui: &mut Ui, c: &Comparison, rows: &[Row], dark: bool) -> Option<(usize, Target)> {
    let n = c.columns.len();
    let spacing = ui.spacing().item_spacing.x;
    let label_least =
        (ui.available_width() * theme::COMPARE_LABEL_SHARE).max(theme::COMPARE_LABEL_MIN_WIDTH);
    let room = ui.available_width() - (n as f32 + 1.0) * spacing - label_least;
    // Columns as wide as the room allows, within bounds; the first column takes the rest.
    let col = (room / n.max(1) as f32)
        .clamp(theme::COMPARE_COLUMN_WIDTH, theme::COMPARE_COLUMN_MAX_WIDTH);
    let label_w = (ui.available_width() - n as f32 * (col + spacing) - spacing)
        .max(theme::COMPARE_LABEL_MIN_WIDTH);
    let mut clicked = None;
    let line = theme::COMPARE_ROW_HEIGHT + ui.spacing().item_spacing.y;
    let width = label_w + n as f32 * (col + spacing);
    // The header is the first line of the scrolled content, so it moves with the columns when
    // the table is wider than the window; it is drawn at the top of the viewport whatever the
    // vertical scroll, over the rows, which are clipped below it (and only those on screen are
    // laid out).
    ScrollArea::both()
        .id_salt("comparison table")
        .auto_shrink([false, false])
        .show_viewport(ui, |ui, viewport| {
            ui.set_min_width(width);
            ui.set_height(line * (rows.len() + 1) as f32 - ui.spacing().item_spacing.y);
            let top = ui.max_rect().top();
            let header = egui::Rect::from_min_size(
                egui::pos2(ui.max_rect().left(), top + viewport.min.y),
                egui::vec2(width.max(ui.max_rect().width()), theme::COMPARE_ROW_HEIGHT),
            );
            // Row `i` is line `i + 1`.
            let first = ((viewport.min.y / line).floor() as usize).saturating_sub(1);
            let last = ((viewport.max.y / line).ceil() as usize).min(rows.len());
            let first = first.min(last);
            let range = first..last;
            let body = egui::Rect::from_x_y_ranges(
                ui.max_rect().x_range(),
                top + (first + 1) as f32 * line..=top + (last + 1) as f32 * line,
            );
            let mut clip = ui.clip_rect();
            clip.min.y = clip.min.y.max(header.bottom());
            ui.scope_builder(egui::UiBuilder::new().max_rect(body), |ui| {
                ui.set_clip_rect(clip.intersect(ui.clip_rect()));
                // The same ids for a row wherever the scroll is.
                ui.skip_ahead_auto_ids(first);
                body_ui(ui, c, &rows[range], label_w, col, dark, &mut clicked);
            });
            ui.scope_builder(
                egui::UiBuilder::new()
                    .max_rect(header)
                    .layout(egui::Layout::left_to_right(egui::Align::Center)),
                |ui| {
                    cell_label(ui, label_w, RichText::new("What differs").strong());
                    for o in &c.columns {
                        ui.add_sized(
                            [col, theme::COMPARE_ROW_HEIGHT],
                            egui::Label::new(RichText::new(&o.name).strong()).truncate(),
                        );
                    }
                },
            );
        });
    clicked
}

/// The rows of the comparison table on screen; a click on a cell goes to `clicked`.
fn body_ui(
    ui: &mut Ui,
    c: &Comparison,
    rows: &[Row],
    label_w: f32,
    col: f32,
    dark: bool,
    clicked: &mut Option<(usize, Target)>,
) {
    for row in rows {
        ui.horizontal(|ui| {
            ui.set_height(theme::COMPARE_ROW_HEIGHT);
            match row {
                Row::Section(t) => {
                    ui.add(egui::Label::new(RichText::new(t).strong()).truncate());
                }
                Row::Counts {
                    label,
                    values,
                    mark_zero,
                } => {
                    cell_label(ui, label_w, label);
                    for v in values {
                        let text = v.to_string();
                        let (rect, r) = ui.allocate_exact_size(
                            egui::vec2(col, theme::COMPARE_ROW_HEIGHT),
                            Sense::hover(),
                        );
                        let empty = *mark_zero && *v == 0;
                        if empty {
                            ui.painter().rect(
                                rect.shrink(2.0),
                                theme::CORNER_ROUNDING,
                                theme::empty_quadrant_fill(dark),
                                theme::empty_quadrant_stroke(dark),
                                egui::StrokeKind::Inside,
                            );
                        }
                        ui.painter().text(
                            rect.center(),
                            egui::Align2::CENTER_CENTER,
                            if empty {
                                format!("{text} (empty)")
                            } else {
                                text.clone()
                            },
                            egui::TextStyle::Body.resolve(ui.style()),
                            ui.visuals().text_color(),
                        );
                        let spoken = format!("{label}: {text}");
                        r.widget_info(|| {
                            egui::WidgetInfo::labeled(egui::Role::Label, true, &spoken)
                        });
                    }
                }
                Row::Present {
                    label,
                    present,
                    target,
                } => {
                    cell_label(ui, label_w, label);
                    for (i, p) in present.iter().enumerate() {
                        let size = [col, theme::COMPARE_ROW_HEIGHT];
                        match (p, target) {
                            (true, Some(t)) => {
                                let name = c.columns.get(i).map_or("", |o| o.name.as_str());
                                let r = ui
                                    .add_sized(size, egui::Button::new("Show"))
                                    .on_hover_text(format!(
                                        "Put \"{name}\" on the board and select this there."
                                    ));
                                let spoken = format!("Show in {name}: {label}");
                                r.widget_info(|| {
                                    egui::WidgetInfo::labeled(egui::Role::Button, true, &spoken)
                                });
                                if r.clicked() {
                                    *clicked = Some((i, t.clone()));
                                }
                            }
                            (true, None) => {
                                ui.add_sized(size, egui::Label::new("yes"));
                            }
                            (false, _) => {
                                ui.add_sized(size, egui::Label::new(RichText::new("—").weak()));
                            }
                        }
                    }
                }
            }
        });
    }
}

/// The first cell of a row: cut short to its width, whole on hover.
fn cell_label(ui: &mut Ui, width: f32, text: impl Into<egui::WidgetText>) {
    let text: egui::WidgetText = text.into();
    let full = text.text().to_owned();
    ui.allocate_ui_with_layout(
        egui::vec2(width, theme::COMPARE_ROW_HEIGHT),
        egui::Layout::left_to_right(egui::Align::Center),
        |ui| {
            ui.set_min_width(width);
            ui.add(egui::Label::new(text).truncate())
                .on_hover_text(full);
        },
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_charts_shrink_first_then_fold_and_a_drag_moves_the_split() {
        let table = (theme::COMPARE_TABLE_MIN_ROWS as f32 + 1.0) * theme::COMPARE_ROW_HEIGHT;
        let min = theme::COMPARE_CHART_MIN_HEIGHT;
        // Room enough: the usual share.
        assert_eq!(
            charts_height(800.0, None),
            800.0 * theme::COMPARE_CHART_SHARE
        );
        // Less: the table keeps its rows, the charts take the rest.
        let room = min + table + 10.0;
        assert_eq!(charts_height(room, None), room - table);
        // Too little for charts worth reading: folded.
        assert_eq!(charts_height(min + table - 1.0, None), 0.0);
        // Dragged: the share asked, within bounds, folded below half the least.
        assert_eq!(charts_height(600.0, Some(0.4)), 240.0);
        assert_eq!(charts_height(600.0, Some(0.2)), min);
        assert_eq!(charts_height(600.0, Some(0.05)), 0.0);
        assert_eq!(
            charts_height(600.0, Some(1.0)),
            600.0 - 2.0 * theme::COMPARE_ROW_HEIGHT
        );
    }
}
