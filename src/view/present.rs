//! Presentation mode: the chart alone in large type for the back of the room, with the
//! scenario's title, the number of open risks and the selected finding's sentence.

use egui::{RichText, Ui};

use super::ViewState;
use super::checklist::Picked;
use crate::command::{Command, UiCommand};
use crate::document::Document;
use crate::theme;

/// Draws the presentation.
pub fn present_ui(
    ui: &mut Ui,
    doc: &Document,
    view: &mut ViewState,
    dark: bool,
    out: &mut Vec<Command>,
) {
    let s = doc.scenario();
    ui.horizontal(|ui| {
        // The count and the way out first (right-aligned), the title in what is left.
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui
                .button(RichText::new("Leave presentation (Esc)").size(theme::PRESENT_BODY))
                .clicked()
            {
                out.push(Command::Ui(UiCommand::Present));
            }
            ui.label(
                RichText::new(format!("{} open risks", doc.open_findings()))
                    .size(theme::PRESENT_BODY),
            );
            ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                ui.add(
                    egui::Label::new(RichText::new(&s.title).size(theme::PRESENT_TITLE).strong())
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
    if let Some(sentence) = sentence {
        ui.add(egui::Label::new(RichText::new(sentence).size(theme::PRESENT_BODY)).wrap());
    }
    // The checklist is not on screen: no finding is hovered.
    view.checklist.hovered = None;
    super::chart::chart_ui(ui, doc, view, None, dark, &theme::PRESENT_TEXT, out);
}
