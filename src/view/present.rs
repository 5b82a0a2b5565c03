//! Presentation mode: the chart alone in large type for the back of the room, with the
//! scenario's title, the number of open risks and the selected finding's sentence. With a
//! second screen it gets a window of its own there, full screen ([`second_screen`]), and the
//! facilitator's window keeps the editor; with one, the window itself goes full screen.

use egui::{RichText, Ui};

use super::ViewState;
use super::checklist::Picked;
use crate::command::{Command, UiCommand};
use crate::document::Document;
use crate::theme;

/// The presentation's own window (on a second screen).
pub fn viewport() -> egui::ViewportId {
    egui::ViewportId::from_hash_of("peaceops presentation")
}

/// The presentation's window: full screen, without decorations, on monitor `monitor` (in the
/// order the platform lists them).
pub fn second_screen(monitor: usize) -> egui::ViewportBuilder {
    egui::ViewportBuilder::default()
        .with_title("PeaceOps — presentation")
        .with_app_id("peaceops")
        .with_monitor(monitor)
}

/// Draws the presentation, its type sizes times `scale` (1 where the window is at zoom 1).
pub fn present_ui(
    ui: &mut Ui,
    doc: &Document,
    view: &mut ViewState,
    dark: bool,
    scale: f32,
    out: &mut Vec<Command>,
) {
    let body = theme::PRESENT_BODY * scale;
    let text = theme::PRESENT_TEXT.scaled(scale);
    let s = doc.room();
    ui.horizontal(|ui| {
        // The count and the way out first (right-aligned), the title in what is left.
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui
                .button(RichText::new("Leave presentation (Esc)").size(body))
                .clicked()
            {
                out.push(Command::Ui(UiCommand::Present));
            }
            ui.label(RichText::new(format!("{} open risks", doc.open_findings())).size(body));
            ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                ui.add(
                    egui::Label::new(
                        RichText::new(&s.title)
                            .size(theme::PRESENT_TITLE * scale)
                            .strong(),
                    )
                    .truncate(),
                )
                .on_hover_text(&s.title);
            });
        });
    });
    let sentence = match &view.checklist.picked {
        Some(Picked::Finding(key)) => doc
            .check_rows()
            .iter()
            .find(|r| &r.key == key)
            .and_then(|r| doc.findings().get(r.finding))
            .map(|f| f.message(s)),
        _ => None,
    };
    // During an exercise: the inject last delivered, as the room hears it (no controller notes).
    if let Some(inject) = view.exercise.room_inject(doc) {
        super::exercise::room_inject_ui(ui, &inject, scale);
    }
    if let Some(sentence) = sentence {
        ui.add(egui::Label::new(RichText::new(sentence).size(body)).wrap());
    }
    // The checklist is not on screen: no finding is hovered.
    view.checklist.hovered = None;
    super::chart::chart_ui(ui, doc, view, None, dark, &text, out);
}
