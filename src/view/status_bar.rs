//! The status bar: the last message to the user (an error stays until dismissed) and whether
//! the scenario has unsaved changes.

use egui::Ui;

use crate::document::Document;
use crate::theme;

/// A message shown to the user once.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    /// The text, with the file path where there is one.
    pub text: String,
    /// An error (stays until dismissed) or information.
    pub error: bool,
}

impl Notice {
    /// An error message.
    pub fn error(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            error: true,
        }
    }

    /// An information message.
    pub fn info(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            error: false,
        }
    }
}

/// Draws the status bar; clears the notice when dismissed.
pub fn status_bar_ui(
    ui: &mut Ui,
    doc: &Document,
    notice: &mut Option<Notice>,
    show_problems: &mut bool,
    zoom: f32,
) {
    // The right side first, so a long message is cut short (in full on hover) rather than
    // drawn over it.
    ui.horizontal(|ui| {
        let mut dismiss = false;
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.weak(format!("zoom {:.0}%", zoom * 100.0));
            let n = doc.problems().len();
            if n > 0
                && ui
                    .button(egui::RichText::new(format!("{n} problem(s)")).color(theme::error_color(ui.visuals().dark_mode)))
                    .on_hover_text("The scenario contradicts itself somewhere (a missing reference, an end before a start, ...). Click to see where.")
                    .clicked()
            {
                *show_problems = !*show_problems;
            }
            if doc.is_dirty() {
                ui.label("Unsaved changes");
            } else {
                ui.weak("All changes saved");
            }
            ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                if let Some(n) = notice.as_ref() {
                    dismiss = ui
                        .small_button("Dismiss")
                        .on_hover_text("Hide this message.")
                        .clicked();
                    let text = if n.error {
                        egui::RichText::new(format!("Error: {}", n.text))
                            .color(theme::error_color(ui.visuals().dark_mode))
                    } else {
                        egui::RichText::new(&n.text)
                    };
                    ui.add(egui::Label::new(text).truncate())
                        .on_hover_text(&n.text);
                }
            });
        });
        if dismiss {
            *notice = None;
        }
    });
}

/// The list of validation problems, when asked for.
pub fn problems_window(ctx: &egui::Context, doc: &Document, open: &mut bool) {
    if doc.problems().is_empty() {
        *open = false;
        return;
    }
    egui::Window::new("Problems")
        .open(open)
        .default_size(theme::PROBLEMS_SIZE)
        .show(ctx, |ui| {
            ui.label("The scenario contradicts itself here. The risk checklist skips what it cannot follow; fix these in the editor.");
            egui::ScrollArea::vertical().show_rows(ui, theme::ROW_HEIGHT, doc.problems().len(), |ui, range| {
                for p in &doc.problems()[range] {
                    ui.add(egui::Label::new(p.to_string()).truncate()).on_hover_text(p.to_string());
                }
            });
        });
}
