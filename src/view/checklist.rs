//! The risk checklist panel: findings grouped by family, each with its sentence, section and a
//! status control; the selected one in full below, with mitigations and the room's note.
//! Hovering a finding rings its activities on the chart. Only the rows on screen are laid out,
//! so thousands of findings cost no more than a screenful.

use egui::text::LayoutJob;
use egui::{Rect, ScrollArea, Sense, Ui, UiBuilder, vec2};

use crate::command::Command;
use crate::document::Document;
use crate::model::{CheckStatus, CustomItem, CustomItemId, Edit, FindingKey};
use crate::rules::{RiskCatalogue, RuleId, priority_label};
use crate::theme;

/// What is picked in the checklist.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Picked {
    /// A rule's row: all its current findings.
    Rule(RuleId),
    /// A current finding.
    Finding(FindingKey),
    /// A decision whose finding no longer fires.
    Resolved(FindingKey),
    /// An item added by hand.
    Custom(CustomItemId),
}

/// The current findings of one rule: one row of the checklist.
struct Group {
    rule: RuleId,
    /// Indices into the document's check rows, in the rules' order.
    rows: Vec<usize>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Entry {
    /// The start of a priority band (1 = preconditions).
    Band(u8),
    /// A rule's row (index into the groups).
    Group(usize),
    /// One finding of an expanded rule (index into the check rows).
    Finding(usize),
    ResolvedHeader(usize),
    Resolved(usize),
    CustomHeader(usize),
    Custom(usize),
}

const HEADER: f32 = 36.0;
const SMALL_ROW: f32 = 56.0;

impl Entry {
    fn height(self) -> f32 {
        match self {
            Entry::Band(_) => theme::CHECK_BAND_HEIGHT,
            Entry::Group(_) => theme::CHECK_GROUP_ROW_HEIGHT,
            Entry::ResolvedHeader(_) | Entry::CustomHeader(_) => HEADER,
            Entry::Finding(_) => theme::CHECK_ROW_HEIGHT,
            Entry::Resolved(_) | Entry::Custom(_) => SMALL_ROW,
        }
    }
}

/// The checklist's view state.
#[derive(Default)]
pub struct ChecklistState {
    /// The picked item.
    pub picked: Option<Picked>,
    /// The finding under the pointer this frame (index into the document's findings).
    pub hovered: Option<usize>,
    /// Rules whose findings are shown one by one.
    expanded: Vec<RuleId>,
    layout_revision: Option<(u64, Vec<RuleId>)>,
    groups: Vec<Group>,
    entries: Vec<(Entry, f32)>,
    total: f32,
    /// Sentences written so far for this revision (only rows on screen are ever written).
    messages: Vec<Option<String>>,
}

impl ChecklistState {
    fn layout(&mut self, doc: &Document) {
        let key = (doc.view_revision(), self.expanded.clone());
        if self.layout_revision.as_ref() == Some(&key) {
            return;
        }
        let texts = RiskCatalogue::builtin().ok();
        let priority = |rule: RuleId| texts.map_or(u8::MAX, |t| t.priority(rule));
        // One group per rule, in the rules' order; then by priority (stable).
        let mut groups: Vec<Group> = Vec::new();
        for (i, row) in doc.check_rows().iter().enumerate() {
            let rule = doc.findings()[row.finding].rule;
            match groups.iter_mut().find(|g| g.rule == rule) {
                Some(g) => g.rows.push(i),
                None => groups.push(Group {
                    rule,
                    rows: vec![i],
                }),
            }
        }
        groups.sort_by_key(|g| (priority(g.rule), g.rule));
        let mut entries = Vec::new();
        let mut band = None;
        for (gi, g) in groups.iter().enumerate() {
            let p = priority(g.rule);
            if band != Some(p) {
                entries.push(Entry::Band(p));
                band = Some(p);
            }
            entries.push(Entry::Group(gi));
            if self.expanded.contains(&g.rule) {
                entries.extend(g.rows.iter().map(|r| Entry::Finding(*r)));
            }
        }
        let custom = doc.room().checklist.custom.len();
        if custom > 0 {
            entries.push(Entry::CustomHeader(custom));
            entries.extend((0..custom).map(Entry::Custom));
        }
        let resolved = doc.resolved().len();
        if resolved > 0 {
            entries.push(Entry::ResolvedHeader(resolved));
            entries.extend((0..resolved).map(Entry::Resolved));
        }
        let mut top = 0.0;
        self.entries = entries
            .into_iter()
            .map(|e| {
                let at = top;
                top += e.height();
                (e, at)
            })
            .collect();
        self.total = top;
        self.groups = groups;
        if self.layout_revision.as_ref().map(|k| k.0) != Some(doc.view_revision()) {
            self.messages = vec![None; doc.findings().len()];
        }
        self.layout_revision = Some(key);
    }

    /// The sentence of finding `i`, written once per revision.
    fn message(&mut self, doc: &Document, i: usize) -> String {
        match self.messages.get_mut(i) {
            Some(Some(m)) => m.clone(),
            Some(slot) => {
                let m = doc.findings()[i].message(doc.room());
                *slot = Some(m.clone());
                m
            }
            None => doc
                .findings()
                .get(i)
                .map(|f| f.message(doc.room()))
                .unwrap_or_default(),
        }
    }

    /// Shows or hides a rule's findings one by one.
    fn toggle(&mut self, rule: RuleId) {
        if let Some(i) = self.expanded.iter().position(|r| *r == rule) {
            self.expanded.remove(i);
        } else {
            self.expanded.push(rule);
        }
    }

    /// The titles of the first rules, by priority, that have open findings.
    fn top_risks(&self, doc: &Document, texts: Option<&RiskCatalogue>, n: usize) -> Vec<String> {
        self.groups
            .iter()
            .filter(|g| {
                g.rows
                    .iter()
                    .any(|r| doc.check_rows()[*r].status == CheckStatus::Open)
            })
            .take(n)
            .map(|g| title(texts, g.rule).to_owned())
            .collect()
    }
}

/// A rule's title (its id when the texts are missing).
fn title(texts: Option<&RiskCatalogue>, rule: RuleId) -> &str {
    texts
        .and_then(|t| t.get(rule))
        .map_or(rule.as_str(), |i| i.title.as_str())
}

/// The status all of a group's findings share, or `None` when they differ.
fn shared_status(doc: &Document, rows: &[usize]) -> Option<CheckStatus> {
    let mut statuses = rows.iter().map(|r| doc.check_rows()[*r].status);
    let first = statuses.next()?;
    statuses.all(|s| s == first).then_some(first)
}

/// The status control at the start of a row; `about` names the row for screen readers.
fn status_combo(
    ui: &mut Ui,
    id: impl std::hash::Hash + std::fmt::Debug,
    about: &str,
    status: Option<CheckStatus>,
) -> Option<CheckStatus> {
    let mut picked = None;
    let shown = match status {
        Some(s) => egui::RichText::new(s.label())
            .color(theme::status_color(s, ui.visuals().dark_mode))
            .strong(),
        None => egui::RichText::new("mixed").strong(),
    };
    let r = egui::ComboBox::from_id_salt(id)
        .selected_text(shown)
        .width(theme::CHECK_STATUS_WIDTH)
        .show_ui(ui, |ui| {
            for s in CheckStatus::ALL {
                if ui
                    .selectable_label(Some(*s) == status, s.label())
                    .on_hover_text(s.help())
                    .clicked()
                    && Some(*s) != status
                {
                    picked = Some(*s);
                }
            }
        })
        .response
        .on_hover_text("The room's decision: open, mitigated, accepted or not applicable.");
    let label = format!("Status of {about}");
    r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, &label));
    picked
}

fn two_lines(ui: &Ui, text: &str) -> LayoutJob {
    let mut job = LayoutJob::simple(
        text.to_owned(),
        egui::TextStyle::Body.resolve(ui.style()),
        ui.visuals().text_color(),
        ui.available_width(),
    );
    job.wrap.max_rows = 2;
    job.wrap.break_anywhere = false;
    job.wrap.overflow_character = Some('…');
    job
}

/// Draws the checklist panel.
pub fn checklist_ui(
    ui: &mut Ui,
    doc: &Document,
    state: &mut ChecklistState,
    out: &mut Vec<Command>,
) {
    state.hovered = None;
    state.layout(doc);
    let rows = doc.check_rows();
    let texts = RiskCatalogue::builtin().ok();
    // The heading and the button share a line (wrapped where they do not fit): a row wider
    // than the panel would widen every row below it past the panel's edge (a `Ui` grows to
    // hold what it is given), cutting them there.
    ui.horizontal_wrapped(|ui| {
        ui.heading("Risk checklist");
        if ui
            .button("Add checklist item")
            .on_hover_text("Add an item of the room's own to the checklist.")
            .clicked()
        {
            let id: CustomItemId = doc.room().fresh_id("item").as_str().into();
            out.push(Command::Edit(Edit::AddCustom(CustomItem {
                id: id.clone(),
                title: "New checklist item".into(),
                status: CheckStatus::Open,
                note: String::new(),
                sources: Vec::new(),
            })));
            state.picked = Some(Picked::Custom(id));
        }
    });
    ui.label(format!("{} open of {} findings, {} risks", doc.open_findings(), rows.len(), state.groups.len()))
        .on_hover_text("Findings the rules draw from the scenario that the room has not yet marked mitigated, accepted or not applicable.");
    let top = state.top_risks(doc, texts, 3);
    if !top.is_empty() {
        // Wrapped, not cut: the room reads the whole line.
        ui.add(egui::Label::new(format!("Top risks: {}", top.join(" · "))).wrap())
            .on_hover_text("The first open risks in the order the room should take them: preconditions such as consent and minimal security first, then risks of harm, then whether the missions can do the work, then coordination.");
    }
    ui.separator();

    if state.picked.is_some() {
        let detail_height = 0.5 * ui.available_height();
        egui::Panel::bottom("checklist detail")
            // No frame of its own: its margins would widen the checklist panel every frame.
            .frame(egui::Frame::NONE)
            .resizable(true)
            .default_size(detail_height)
            .min_size(detail_height.max(80.0))
            .show(ui, |ui| {
                ScrollArea::vertical()
                    .id_salt("checklist detail scroll")
                    .show(ui, |ui| detail_ui(ui, doc, state, out));
            });
    } else {
        // Nothing picked: only the hint, as high as its line, so the list keeps its rows.
        egui::Panel::bottom("checklist hint")
            .frame(egui::Frame::NONE)
            .resizable(false)
            .show(ui, |ui| detail_ui(ui, doc, state, out));
    }

    if state.entries.is_empty() {
        ui.weak("No risks found. Add missions and activities to see what the paper warns about.");
        return;
    }
    let mut toggle = None;
    ScrollArea::vertical()
        .id_salt("checklist list")
        .auto_shrink([false, false])
        .show_viewport(ui, |ui, viewport| {
            // A click anywhere on a row picks it: its text must not grab the click for selection.
            ui.style_mut().interaction.selectable_labels = false;
            let width = ui.available_width();
            let origin = ui.min_rect().min;
            ui.set_height(state.total);
            let first = state.entries.partition_point(|(e, top)| top + e.height() < viewport.min.y);
            let visible: Vec<(Entry, f32)> = state.entries[first..]
                .iter()
                .copied()
                .take_while(|(_, top)| *top <= viewport.max.y)
                .collect();
            for (entry, top) in visible {
                let rect = Rect::from_min_size(origin + vec2(0.0, top), vec2(width, entry.height()));
                match entry {
                    Entry::Band(p) => {
                        ui.scope_builder(UiBuilder::new().max_rect(rect), |ui| {
                            ui.add_space(theme::CHECK_BAND_GAP);
                            ui.weak(format!("{p} · {}", priority_label(p)));
                        });
                    }
                    Entry::CustomHeader(n) => {
                        ui.scope_builder(UiBuilder::new().max_rect(rect), |ui| {
                            ui.add_space(8.0);
                            ui.strong(format!("The room's own items — {n}"));
                        });
                    }
                    Entry::ResolvedHeader(n) => {
                        ui.scope_builder(UiBuilder::new().max_rect(rect), |ui| {
                            ui.add_space(8.0);
                            ui.strong(format!("No longer firing — {n}"))
                                .on_hover_text("Decisions the room made on findings that a later change resolved. They stay, with their notes.");
                        });
                    }
                    Entry::Group(gi) => {
                        let Some(group) = state.groups.get(gi) else { continue };
                        let rule = group.rule;
                        let title = title(texts, rule).to_owned();
                        let n = group.rows.len();
                        let first_finding = rows[group.rows[0]].finding;
                        let keys: Vec<FindingKey> = group.rows.iter().map(|r| rows[*r].key.clone()).collect();
                        let status = shared_status(doc, &group.rows);
                        let expanded = state.expanded.contains(&rule);
                        let picked = state.picked == Some(Picked::Rule(rule));
                        let hover = if n == 1 {
                            state.message(doc, first_finding)
                        } else {
                            format!("{n} findings of this risk; expand to see and decide each one. First: {}", state.message(doc, first_finding))
                        };
                        let resp = ui.scope_builder(UiBuilder::new().max_rect(rect.shrink(2.0)).sense(Sense::click()).id_salt(("rule", rule.as_str())), |ui| {
                            if picked {
                                ui.painter().rect_filled(ui.max_rect(), 4.0, ui.visuals().selection.bg_fill.gamma_multiply(0.35));
                            }
                            ui.horizontal(|ui| {
                                let arrow = if expanded { "-" } else { "+" };
                                let what = if expanded { "Collapse" } else { "Expand" };
                                let b = ui.small_button(arrow).on_hover_text(format!("{what}: show each finding of this risk with its own status."));
                                let label = format!("{what} {title}");
                                b.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
                                if b.clicked() {
                                    toggle = Some(rule);
                                }
                                if let Some(status) = status_combo(ui, ("rule status", rule.as_str()), &title, status) {
                                    out.push(Command::Edit(Edit::SetFindings { keys, status }));
                                }
                                // The count before the title: a title cut short at the panel's edge
                                // would push it out of sight.
                                if n > 1 {
                                    ui.weak(format!("×{n}"));
                                }
                                ui.add(egui::Label::new(egui::RichText::new(&title).strong()).truncate());
                            });
                        });
                        let resp = resp.response.on_hover_text(hover);
                        if resp.hovered() || resp.contains_pointer() {
                            state.hovered = Some(first_finding);
                        }
                        if resp.clicked() {
                            state.picked = Some(Picked::Rule(rule));
                        }
                    }
                    Entry::Finding(r) => {
                        let row = &rows[r];
                        let finding = &doc.findings()[row.finding];
                        let title = title(texts, finding.rule).to_owned();
                        let about = format!("{title}: {}", finding.subject(doc.room()).iter().map(|e| e.key()).collect::<Vec<_>>().join(", "));
                        let picked = state.picked == Some(Picked::Finding(row.key.clone()));
                        let message = state.message(doc, row.finding);
                        let inner = rect.shrink(2.0);
                        let inner = Rect::from_min_max(inner.min + vec2(theme::CHECK_INSTANCE_INDENT, 0.0), inner.max);
                        let resp = ui.scope_builder(UiBuilder::new().max_rect(inner).sense(Sense::click()).id_salt(("finding", r)), |ui| {
                            if picked {
                                ui.painter().rect_filled(ui.max_rect(), 4.0, ui.visuals().selection.bg_fill.gamma_multiply(0.35));
                            }
                            ui.horizontal(|ui| {
                                if let Some(status) = status_combo(ui, ("row status", r), &about, Some(row.status)) {
                                    out.push(Command::Edit(Edit::SetFinding { key: row.key.clone(), status, note: row.note.clone() }));
                                }
                            });
                            ui.label(two_lines(ui, &message));
                        });
                        let resp = resp.response.on_hover_text(&message);
                        if resp.hovered() || resp.contains_pointer() {
                            state.hovered = Some(row.finding);
                        }
                        if resp.clicked() {
                            state.picked = Some(Picked::Finding(row.key.clone()));
                        }
                    }
                    Entry::Custom(i) => {
                        let Some(item) = doc.room().checklist.custom.get(i) else { continue };
                        let resp = ui.scope_builder(UiBuilder::new().max_rect(rect.shrink(2.0)).sense(Sense::click()).id_salt(("custom", i)), |ui| {
                            ui.horizontal(|ui| {
                                if let Some(status) = status_combo(ui, ("custom status", i), &item.title, Some(item.status)) {
                                    let mut edited = item.clone();
                                    edited.status = status;
                                    out.push(Command::Edit(Edit::UpdateCustom(edited)));
                                }
                                ui.add(egui::Label::new(egui::RichText::new(&item.title).strong()).truncate());
                            });
                            if !item.note.is_empty() {
                                ui.add(egui::Label::new(&item.note).truncate());
                            }
                        });
                        if resp.response.clicked() {
                            state.picked = Some(Picked::Custom(item.id.clone()));
                        }
                    }
                    Entry::Resolved(i) => {
                        let Some(done) = doc.resolved().get(i) else { continue };
                        let title = RuleId::parse(&done.key.rule)
                            .and_then(|r| texts.and_then(|t| t.get(r)))
                            .map_or(done.key.rule.as_str(), |i| i.title.as_str());
                        let resp = ui.scope_builder(UiBuilder::new().max_rect(rect.shrink(2.0)).sense(Sense::click()).id_salt(("resolved", i)), |ui| {
                            ui.horizontal(|ui| {
                                ui.label(format!("Resolved: {title}"));
                                ui.colored_label(theme::status_color(done.status, ui.visuals().dark_mode), done.status.label());
                            });
                            let note = if done.note.is_empty() { done.key.entities.join(", ") } else { done.note.clone() };
                            ui.add(egui::Label::new(egui::RichText::new(note).weak()).truncate());
                        });
                        if resp.response.clicked() {
                            state.picked = Some(Picked::Resolved(done.key.clone()));
                        }
                    }
                }
            }
        });
    if let Some(rule) = toggle {
        state.toggle(rule);
    }
}

/// What the paper says, then why it fired here, then what to do, then (folded) how the rule
/// decides: the order a student reads a risk in.
fn explain(ui: &mut Ui, info: &crate::rules::RiskInfo, why_here: &[String], todo: &[String]) {
    ui.strong("What the paper says");
    // Sentence by sentence, each with its own section (or PeaceOps's badge).
    super::widgets::sources_list_ui(ui, &info.paper);
    ui.strong(if why_here.len() == 1 {
        "Why it fired here"
    } else {
        "Why it fired here, each time"
    });
    for w in why_here {
        ui.label(w);
    }
    ui.horizontal(|ui| {
        ui.strong("What to do");
        super::widgets::provenance_badge_ui(ui, &crate::model::Source::Reasoning);
    });
    for m in todo {
        ui.label(format!("• {m}"));
    }
    egui::CollapsingHeader::new("How the rule decides")
        .id_salt("how")
        .show(ui, |ui| {
            ui.label(&info.explanation);
            ui.weak(format!(
                "Listed with priority {}: {}",
                info.priority, info.priority_reason
            ));
            ui.weak(format!("Rule {}", info.id));
        });
}

fn detail_ui(ui: &mut Ui, doc: &Document, state: &mut ChecklistState, out: &mut Vec<Command>) {
    let texts = RiskCatalogue::builtin().ok();
    match state.picked.clone() {
        None => {
            // One line, so the collapsed list keeps its rows at the default window size.
            ui.weak("Click a risk for why it fired and what to do.")
                .on_hover_text("A risk's detail shows what the paper says, why it fired here, what to do, and the room's note.");
        }
        Some(Picked::Rule(rule)) => {
            let Some(group) = state.groups.iter().find(|g| g.rule == rule) else {
                ui.weak("This risk no longer fires.");
                return;
            };
            let rows: Vec<usize> = group.rows.clone();
            let first = doc.check_rows()[rows[0]].finding;
            if ui.rect_contains_pointer(ui.max_rect()) {
                state.hovered = Some(first);
            }
            ui.heading(title(texts, rule));
            let info = texts.and_then(|t| t.get(rule));
            if let Some(info) = info {
                ui.weak(format!("{} · {}", info.section, info.family.label()));
                let why: Vec<String> = rows
                    .iter()
                    .take(theme::CHECK_DETAIL_MAX_REASONS)
                    .map(|r| state.message(doc, doc.check_rows()[*r].finding))
                    .collect();
                let mut why = why;
                if rows.len() > why.len() {
                    why.push(format!(
                        "… and {} more: expand the row to see them all.",
                        rows.len() - why.len()
                    ));
                }
                let todo = info.mitigations_for(&doc.findings()[first], doc.room());
                explain(ui, info, &why, &todo);
            }
            ui.separator();
            ui.weak("Set the status of all its findings with the control on its row, or expand the row to decide each one and write notes.");
        }
        Some(Picked::Finding(key)) => {
            let Some(row) = doc.check_rows().iter().find(|r| r.key == key) else {
                ui.weak("This finding no longer fires.");
                return;
            };
            let finding = &doc.findings()[row.finding];
            let info = texts.and_then(|t| t.get(finding.rule));
            if ui.rect_contains_pointer(ui.max_rect()) {
                state.hovered = Some(row.finding);
            }
            ui.heading(title(texts, finding.rule));
            if let Some(info) = info {
                ui.weak(format!("{} · {}", info.section, info.family.label()));
                let why = [state.message(doc, row.finding)];
                let todo = info.mitigations_for(finding, doc.room());
                explain(ui, info, &why, &todo);
            } else {
                ui.label(state.message(doc, row.finding));
            }
            ui.separator();
            let mut status = row.status;
            let mut note = row.note.clone();
            let mut changed = false;
            super::widgets::form(ui, "finding detail", |ui| {
                changed |= super::widgets::choice(
                    ui,
                    "Finding status",
                    "The room's decision on this finding.",
                    &mut status,
                );
                changed |= super::widgets::multiline(
                    ui,
                    "Note",
                    "The room's note: what it decided and why.",
                    &mut note,
                );
            });
            if changed {
                out.push(Command::Edit(Edit::SetFinding { key, status, note }));
            }
        }
        Some(Picked::Resolved(key)) => {
            let Some(done) = doc.resolved().iter().find(|s| s.key == key) else {
                ui.weak("This finding fires again: see the list above.");
                return;
            };
            let info = RuleId::parse(&key.rule).and_then(|r| texts.and_then(|t| t.get(r)));
            ui.heading(format!(
                "Resolved: {}",
                info.map_or(key.rule.as_str(), |i| i.title.as_str())
            ));
            ui.label("A change to the scenario means this finding no longer fires. The room's decision and note are kept.");
            ui.weak(format!("Was about: {}", key.entities.join(", ")));
            ui.label(format!("Status: {}", done.status.label()));
            if !done.note.is_empty() {
                ui.label(format!("Note: {}", done.note));
            }
            if ui
                .button("Forget this decision")
                .on_hover_text("Remove the kept decision and note.")
                .clicked()
            {
                out.push(Command::Edit(Edit::SetFinding {
                    key,
                    status: CheckStatus::Open,
                    note: String::new(),
                }));
                state.picked = None;
            }
        }
        Some(Picked::Custom(id)) => {
            let Some(item) = doc.room().checklist.custom.iter().find(|c| c.id == id) else {
                ui.weak("This item was deleted.");
                return;
            };
            let mut edited = item.clone();
            let mut changed = false;
            super::widgets::form(ui, "custom detail", |ui| {
                changed |= super::widgets::text(
                    ui,
                    "Item title",
                    "What the room wants to check.",
                    &mut edited.title,
                );
                changed |= super::widgets::choice(
                    ui,
                    "Item status",
                    "The room's decision on this item.",
                    &mut edited.status,
                );
                changed |= super::widgets::multiline(
                    ui,
                    "Item note",
                    "The room's note.",
                    &mut edited.note,
                );
                super::widgets::sources_row_named(
                    ui,
                    "Item sources",
                    "Where the facts in the note come from: the SIPRI paper (with section), general knowledge, or invented for this scenario.",
                    &edited.sources,
                );
            });
            if changed {
                out.push(Command::Edit(Edit::UpdateCustom(edited)));
            }
            if ui
                .button("Delete item")
                .on_hover_text("Delete this checklist item (undoable).")
                .clicked()
            {
                out.push(Command::Edit(Edit::DeleteCustom(id)));
                state.picked = None;
            }
        }
    }
}
