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
    let per_row = if n > 2 && width / (n as f32) < theme::COMPARE_CHART_MIN_WIDTH {
        2
    } else {
        n.max(1)
    };
    let lines = n.div_ceil(per_row);
    let height =
        (ui.available_height() * theme::COMPARE_CHART_SHARE).max(theme::COMPARE_CHART_MIN_HEIGHT);
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
    ui.separator();
    if let Some((i, t)) = table_ui(ui, c, &d.rows, dark) {
        clicked = Some((i, t));
    }
    if let Some((i, target)) = clicked
        && let Some(id) = state.picked.get(i).cloned()
    {
        show_in(s, &id, target, state, out);
    }
}

/// The row of checkboxes that picks the options compared, and the way back.
fn picks_ui(ui: &mut Ui, s: &Scenario, doc: &Document, state: &mut CompareState) {
    ui.horizontal_wrapped(|ui| {
        ui.heading("Compare options");
        if let Some(at) = doc.lens().at {
            ui.label(format!("as of {at}"))
                .on_hover_text("The timeline's date: the counts and findings are those of that month.");
        }
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
        if ui
            .button("Back to the board")
            .on_hover_text("Close the comparison (Esc).")
            .clicked()
        {
            state.open = false;
        }
    });
}

/// The comparison table: a header with the options' names, then the rows on screen. Returns
/// the cell clicked (option column and what it shows).
fn table_ui(ui: &mut Ui, c: &Comparison, rows: &[Row], dark: bool) -> Option<(usize, Target)> {
    let n = c.columns.len();
    let spacing = ui.spacing().item_spacing.x;
    let room = ui.available_width() - (n as f32 + 1.0) * spacing - theme::COMPARE_LABEL_MIN_WIDTH;
    // Columns as wide as the room allows, within bounds; the first column takes the rest.
    let col = (room / n.max(1) as f32)
        .clamp(theme::COMPARE_COLUMN_WIDTH, theme::COMPARE_COLUMN_MAX_WIDTH);
    let label_w = (ui.available_width() - n as f32 * (col + spacing) - spacing)
        .max(theme::COMPARE_LABEL_MIN_WIDTH);
    let mut clicked = None;
    ui.horizontal(|ui| {
        cell_label(ui, label_w, RichText::new("What differs").strong());
        for o in &c.columns {
            ui.add_sized(
                [col, theme::COMPARE_ROW_HEIGHT],
                egui::Label::new(RichText::new(&o.name).strong()).truncate(),
            );
        }
    });
    ScrollArea::both()
        .id_salt("comparison table")
        .auto_shrink([false, false])
        .show_rows(ui, theme::COMPARE_ROW_HEIGHT, rows.len(), |ui, range| {
            for row in &rows[range] {
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
                                            egui::WidgetInfo::labeled(
                                                egui::Role::Button,
                                                true,
                                                &spoken,
                                            )
                                        });
                                        if r.clicked() {
                                            clicked = Some((i, t.clone()));
                                        }
                                    }
                                    (true, None) => {
                                        ui.add_sized(size, egui::Label::new("yes"));
                                    }
                                    (false, _) => {
                                        ui.add_sized(
                                            size,
                                            egui::Label::new(RichText::new("—").weak()),
                                        );
                                    }
                                }
                            }
                        }
                    }
                });
            }
        });
    clicked
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
