//! The catalogue window: the paper's example activities, searchable; adding one places it at the
//! template's default position, for the chosen mission.

use egui::{ScrollArea, Ui};

use super::Selection;
use crate::command::Command;
use crate::document::Document;
use crate::model::{Basis, Catalogue, Edit, MissionId, Source};

/// The catalogue window's state.
#[derive(Default)]
pub struct CatalogueState {
    /// Whether the window is shown.
    pub open: bool,
    /// The search text.
    pub query: String,
    /// The mission new activities go to.
    pub mission: Option<MissionId>,
    /// Put the cursor in the search field (when the window opens).
    pub focus_search: bool,
}

/// Draws the catalogue window when open.
pub fn catalogue_window(
    ctx: &egui::Context,
    area: egui::Rect,
    doc: &Document,
    state: &mut CatalogueState,
    out: &mut Vec<Command>,
) {
    let mut open = state.open;
    egui::Window::new("Activity catalogue")
        .open(&mut open)
        .default_size(crate::theme::CATALOGUE_SIZE)
        .constrain_to(area)
        .collapsible(false)
        .show(ctx, |ui| catalogue_ui(ui, doc, state, out));
    state.open = open && state.open;
}

fn catalogue_ui(ui: &mut Ui, doc: &Document, state: &mut CatalogueState, out: &mut Vec<Command>) {
    let catalogue = match Catalogue::builtin() {
        Ok(c) => c,
        Err(e) => {
            ui.colored_label(
                crate::theme::error_color(ui.visuals().dark_mode),
                e.to_string(),
            );
            return;
        }
    };
    let s = doc.scenario();
    ui.horizontal(|ui| {
        let l = ui.label("Search catalogue");
        let r = ui
            .text_edit_singleline(&mut state.query)
            .labelled_by(l.id)
            .on_hover_text("Words from the title, the explanation, the missions or the kind (e.g. 'border', 'MINUSTAH', 'training').");
        if std::mem::take(&mut state.focus_search) {
            r.request_focus();
        }
    });
    ui.horizontal(|ui| {
        let l = ui.label("For mission");
        let current = state
            .mission
            .as_ref()
            .and_then(|id| s.missions.iter().find(|m| &m.id == id))
            .map_or("(not decided)".to_owned(), |m| m.short_name().to_owned());
        egui::ComboBox::from_id_salt("catalogue mission")
            .selected_text(current)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut state.mission, None, "(not decided)");
                for m in &s.missions {
                    ui.selectable_value(&mut state.mission, Some(m.id.clone()), m.short_name());
                }
            })
            .response
            .labelled_by(l.id)
            .on_hover_text("The mission that will implement the activities you add.");
    });
    ui.separator();
    let matches: Vec<_> = catalogue
        .templates
        .iter()
        .filter(|t| t.matches(&state.query))
        .collect();
    if matches.is_empty() {
        ui.weak("No template matches; try fewer words.");
    }
    ScrollArea::vertical()
        .id_salt("catalogue list")
        .show(ui, |ui| {
            for t in matches {
                ui.group(|ui| {
                    ui.set_width(ui.available_width());
                    ui.horizontal(|ui| {
                        ui.strong(&t.title);
                        ui.weak(format!("{} · {}", t.quadrant().label(), t.section));
                    });
                    ui.label(&t.what);
                    super::widgets::claims_ui(ui, &t.why);
                    if t.basis != Basis::Example {
                        ui.small(format!("Rests on {}.", t.basis.label()));
                    }
                    ui.horizontal_wrapped(|ui| {
                        if !t.paper_missions.is_empty() {
                            ui.small(format!("Done by: {}", t.paper_missions.join(", ")));
                            super::widgets::provenance_badge_ui(
                                ui,
                                &Source::Paper(t.section.clone()),
                            );
                        }
                        if !t.other_missions.is_empty() {
                            let lead = if t.paper_missions.is_empty() {
                                "Examples"
                            } else {
                                "Also"
                            };
                            ui.small(format!("{lead}: {}", t.other_missions.join(", ")));
                            super::widgets::provenance_badge_ui(ui, &Source::GeneralKnowledge);
                        }
                        let label = format!("Add {}", t.title);
                        let r = ui.button("Add").on_hover_text(format!(
                            "Add '{}' at its default place on the chart ({:+.2}, {:+.2}).",
                            t.title, t.x, t.y
                        ));
                        r.widget_info(|| {
                            egui::WidgetInfo::labeled(egui::Role::Button, true, &label)
                        });
                        if r.clicked() {
                            let id = s.fresh_id("activity");
                            let mission = state
                                .mission
                                .as_ref()
                                .and_then(|m| s.missions.iter().find(|x| &x.id == m));
                            let mut a = match mission {
                                Some(m) => t.instantiate_in(id.as_str().into(), m),
                                None => t.instantiate(id.as_str().into()),
                            };
                            a.mission = state.mission.clone();
                            out.push(Command::Edit(Edit::AddActivity(a)));
                            out.push(Command::Select(Selection::Activity(id.as_str().into())));
                        }
                    });
                });
            }
        });
}
