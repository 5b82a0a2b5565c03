//! The risk checklist panel: findings grouped by family, each with its sentence, section and a
//! status control; the selected one in full below, with mitigations and the room's note.
//! Hovering a finding rings its activities on the chart. Only the rows on screen are laid out,
//! so thousands of findings cost no more than a screenful.

use egui::text::LayoutJob;
use egui::{Rect, ScrollArea, Sense, Ui, UiBuilder, vec2};

use crate::command::Command;
use crate::document::Document;
use crate::model::{CheckStatus, CustomItem, CustomItemId, Edit, FindingKey};
use crate::rules::{Family, RiskCatalogue};
use crate::theme;

/// What is picked in the checklist.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Picked {
    /// A current finding.
    Finding(FindingKey),
    /// A decision whose finding no longer fires.
    Resolved(FindingKey),
    /// An item added by hand.
    Custom(CustomItemId),
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Entry {
    Family(Family, usize),
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
            Entry::Family(..) | Entry::ResolvedHeader(_) | Entry::CustomHeader(_) => HEADER,
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
    layout_revision: Option<u64>,
    entries: Vec<(Entry, f32)>,
    total: f32,
    /// Sentences written so far for this revision (only rows on screen are ever written).
    messages: Vec<Option<String>>,
}

impl ChecklistState {
    fn layout(&mut self, doc: &Document) {
        if self.layout_revision == Some(doc.revision()) {
            return;
        }
        let texts = RiskCatalogue::builtin().ok();
        let family_of = |row: usize| {
            let rule = doc.findings()[doc.check_rows()[row].finding].rule;
            texts
                .and_then(|t| t.get(rule))
                .map_or(Family::Engaging, |i| i.family)
        };
        let mut entries = Vec::new();
        for family in Family::ALL {
            let rows: Vec<usize> = (0..doc.check_rows().len())
                .filter(|r| family_of(*r) == *family)
                .collect();
            if rows.is_empty() {
                continue;
            }
            entries.push(Entry::Family(*family, rows.len()));
            entries.extend(rows.into_iter().map(Entry::Finding));
        }
        let custom = doc.scenario().checklist.custom.len();
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
        self.messages = vec![None; doc.findings().len()];
        self.layout_revision = Some(doc.revision());
    }

    /// The sentence of finding `i`, written once per revision.
    fn message(&mut self, doc: &Document, i: usize) -> String {
        match self.messages.get_mut(i) {
            Some(Some(m)) => m.clone(),
            Some(slot) => {
                let m = doc.findings()[i].message(doc.scenario());
                *slot = Some(m.clone());
                m
            }
            None => doc
                .findings()
                .get(i)
                .map(|f| f.message(doc.scenario()))
                .unwrap_or_default(),
        }
    }
}

/// The status control at the start of a row; `about` names the row for screen readers.
fn status_combo(
    ui: &mut Ui,
    id: impl std::hash::Hash + std::fmt::Debug,
    about: &str,
    status: CheckStatus,
) -> Option<CheckStatus> {
    let mut picked = None;
    let r = egui::ComboBox::from_id_salt(id)
        .selected_text(
            egui::RichText::new(status.label())
                .color(theme::status_color(status, ui.visuals().dark_mode))
                .strong(),
        )
        .width(110.0)
        .show_ui(ui, |ui| {
            for s in CheckStatus::ALL {
                if ui
                    .selectable_label(*s == status, s.label())
                    .on_hover_text(s.help())
                    .clicked()
                    && *s != status
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
    ui.heading("Risk checklist");
    ui.horizontal(|ui| {
        ui.label(format!("{} open of {}", doc.open_findings(), rows.len()))
            .on_hover_text("Findings the rules draw from the scenario that the room has not yet marked mitigated, accepted or not applicable.");
        if ui.button("Add checklist item").on_hover_text("Add an item of the room's own to the checklist.").clicked() {
            let id: CustomItemId = doc.scenario().fresh_id("item").as_str().into();
            out.push(Command::Edit(Edit::AddCustom(CustomItem {
                id: id.clone(),
                title: "New checklist item".into(),
                status: CheckStatus::Open,
                note: String::new(),
            })));
            state.picked = Some(Picked::Custom(id));
        }
    });
    ui.separator();

    let detail_height = if state.picked.is_some() { 0.5 } else { 0.15 } * ui.available_height();
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

    if state.entries.is_empty() {
        ui.weak("No risks found. Add missions and activities to see what the paper warns about.");
        return;
    }
    let texts = RiskCatalogue::builtin().ok();
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
                if top > viewport.max.y {
                    break;
                }
                let rect = Rect::from_min_size(origin + vec2(0.0, top), vec2(width, entry.height()));
                match entry {
                    Entry::Family(f, n) => {
                        ui.scope_builder(UiBuilder::new().max_rect(rect), |ui| {
                            ui.add_space(8.0);
                            ui.strong(format!("{} ({}) — {n}", f.label(), f.section()));
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
                    Entry::Finding(r) => {
                        let row = &rows[r];
                        let finding = &doc.findings()[row.finding];
                        let info = texts.and_then(|t| t.get(finding.rule));
                        let picked = state.picked == Some(Picked::Finding(row.key.clone()));
                        let message = state.message(doc, row.finding);
                        let resp = ui.scope_builder(UiBuilder::new().max_rect(rect.shrink(2.0)).sense(Sense::click()).id_salt(("finding", r)), |ui| {
                            if picked {
                                ui.painter().rect_filled(ui.max_rect(), 4.0, ui.visuals().selection.bg_fill.gamma_multiply(0.35));
                            }
                            ui.horizontal(|ui| {
                                let title = info.map_or(finding.rule.as_str(), |i| i.title.as_str());
                                if let Some(status) = status_combo(ui, ("row status", r), title, row.status) {
                                    out.push(Command::Edit(Edit::SetFinding { key: row.key.clone(), status, note: row.note.clone() }));
                                }
                                ui.add(egui::Label::new(egui::RichText::new(title).strong()).truncate());
                                ui.weak(info.map_or("", |i| i.section.as_str()));
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
                        let Some(item) = doc.scenario().checklist.custom.get(i) else { continue };
                        let resp = ui.scope_builder(UiBuilder::new().max_rect(rect.shrink(2.0)).sense(Sense::click()).id_salt(("custom", i)), |ui| {
                            ui.horizontal(|ui| {
                                if let Some(status) = status_combo(ui, ("custom status", i), &item.title, item.status) {
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
                        let title = crate::rules::RuleId::parse(&done.key.rule)
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
}

fn detail_ui(ui: &mut Ui, doc: &Document, state: &mut ChecklistState, out: &mut Vec<Command>) {
    let texts = RiskCatalogue::builtin().ok();
    match state.picked.clone() {
        None => {
            ui.weak("Click a finding to see why it fires, what the paper suggests, and to write the room's note.");
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
            ui.heading(info.map_or(finding.rule.as_str(), |i| i.title.as_str()));
            ui.weak(format!(
                "{} · {} · rule {}",
                info.map_or("", |i| i.section.as_str()),
                info.map_or("", |i| i.family.label()),
                finding.rule
            ));
            ui.label(state.message(doc, row.finding));
            if let Some(info) = info {
                egui::CollapsingHeader::new("Why the paper flags this")
                    .id_salt("why")
                    .show(ui, |ui| {
                        ui.label(&info.explanation);
                    });
                ui.strong("Suggested mitigations");
                for m in &info.mitigations {
                    ui.label(format!("• {m}"));
                }
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
            let info =
                crate::rules::RuleId::parse(&key.rule).and_then(|r| texts.and_then(|t| t.get(r)));
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
            let Some(item) = doc.scenario().checklist.custom.iter().find(|c| c.id == id) else {
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
