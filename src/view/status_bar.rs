//! The status bar: the last message to the user (an error stays until dismissed) and whether
//! the scenario has unsaved changes.

use egui::Ui;

use crate::command::Command;
use crate::document::Document;
use crate::lens::Lens;
use crate::theme;

/// A message shown to the user once.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    /// The text, with the file path where there is one.
    pub text: String,
    /// An error (stays until dismissed) or information.
    pub error: bool,
    /// A file written just now that the user may open with the system's opener (an export):
    /// the bar offers "Open the report".
    pub open: Option<std::path::PathBuf>,
    /// "Open the report" was clicked (the app opens it after the frame).
    pub open_clicked: bool,
}

impl Notice {
    /// An error message.
    pub fn error(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            error: true,
            open: None,
            open_clicked: false,
        }
    }

    /// An information message.
    pub fn info(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            error: false,
            open: None,
            open_clicked: false,
        }
    }

    /// The same message, offering to open `path` ("Open the report").
    pub fn offering_to_open(mut self, path: impl Into<std::path::PathBuf>) -> Self {
        self.open = Some(path.into());
        self
    }

    /// The file to open, once, if "Open the report" was clicked.
    pub fn take_open_request(&mut self) -> Option<std::path::PathBuf> {
        if std::mem::take(&mut self.open_clicked) {
            self.open.clone()
        } else {
            None
        }
    }
}

/// Draws the status bar; clears the notice when dismissed. `short` (a short window): one
/// thin line.
pub fn status_bar_ui(
    ui: &mut Ui,
    doc: &Document,
    notice: &mut Option<Notice>,
    show_problems: &mut bool,
    zoom: f32,
    short: bool,
    out: &mut Vec<Command>,
) {
    if short {
        // A short window: the bar is one line of its small buttons and text, no taller.
        ui.spacing_mut().interact_size.y = theme::SHORT_STATUS_ROW_HEIGHT;
    }
    ui.horizontal(|ui| {
        // The right side first, so a long message can only take the room that is left, where it
        // wraps instead of pushing the rest (and its own Dismiss button) off the window.
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.weak(format!("zoom {:.0}%", zoom * 100.0));
            // The date cursor: what the board is seen as of, and the way back to all time.
            if let Some(at) = doc.lens().at {
                if ui
                    .small_button("All time")
                    .on_hover_text("See the whole plan at once again (the default).")
                    .clicked()
                {
                    out.push(Command::SetLens(Lens::ALL_TIME));
                }
                ui.strong(format!("as of {at}")).on_hover_text(
                    "The chart, its counts and the checklist show the board as of this month.",
                );
            }
            let n = doc.error_count();
            let warnings = doc.problems().len() - n;
            if warnings > 0
                && ui
                    .button(format!("{warnings} warning(s)"))
                    .on_hover_text("Worth a look, though the scenario is consistent (an activity dated outside its mission, ...). Click to see where.")
                    .clicked()
            {
                *show_problems = !*show_problems;
            }
            if n > 0
                && ui
                    .button(egui::RichText::new(format!("{n} problem(s)")).color(theme::error_color(ui.visuals().dark_mode)))
                    .on_hover_text("The scenario contradicts itself somewhere (a missing reference, an end before a start, ...). Click to see where.")
                    .clicked()
            {
                *show_problems = !*show_problems;
            }
            // Whole where it leaves the message its room, else at most a share of the row (a
            // narrow window, a large zoom): cut short, whole on hover, so it never runs off the
            // window's left edge past the message.
            let state = egui::RichText::new(doc.save_state());
            let state = if doc.is_dirty() { state } else { state.weak() };
            let room = (ui.available_width() * theme::SAVE_STATE_SHARE)
                .max(ui.available_width() - theme::STATUS_MESSAGE_MIN_WIDTH);
            ui.scope(|ui| {
                ui.set_max_width(room);
                ui.add(egui::Label::new(state).truncate())
            })
            .inner
            .on_hover_text(format!("{} {}", doc.save_state(), doc.save_state_hint()));
            // A fixed id: the widgets on the right come and go, the message's must not change.
            let left = egui::UiBuilder::new()
                .id_salt("status message")
                .layout(egui::Layout::left_to_right(egui::Align::Center));
            ui.scope_builder(left, |ui| {
                let mut dismiss = false;
                // Where the bar is too narrow for the message (high zoom, narrow window), one
                // small button stands for it: the message on hover, an error whole in the
                // Problems window on click; nothing overlaps the rest of the bar.
                let room = ui.available_width() > theme::STATUS_MESSAGE_MIN_WIDTH;
                if let Some(n) = notice.as_ref().filter(|_| !room) {
                    let label = if n.error { "Error…" } else { "Message…" };
                    if ui.small_button(label).on_hover_text(n.text.as_str()).clicked() {
                        if n.error {
                            *show_problems = true;
                        } else {
                            dismiss = true;
                        }
                    }
                }
                if let Some(n) = notice.as_mut().filter(|n| n.open.is_some())
                    && ui
                        .small_button("Open the report")
                        .on_hover_text("Open the exported file with the system's usual program for it (a browser, an editor, a spreadsheet).")
                        .clicked()
                {
                    n.open_clicked = true;
                }
                if let Some(n) = notice.as_ref().filter(|_| room) {
                    dismiss = ui
                        .small_button("Dismiss")
                        .on_hover_text("Hide this message.")
                        .clicked();
                    let text = if n.error {
                        egui::RichText::new(format!("Error: {}", n.text)).color(theme::error_color(ui.visuals().dark_mode))
                    } else {
                        egui::RichText::new(&n.text)
                    };
                    // Cut to the room there is: whole on hover, and a long error whole in the
                    // Problems window.
                    if n.error
                        && n.text.chars().count() > LONG_MESSAGE
                        && ui
                            .small_button("Details")
                            .on_hover_text("Show the whole message in the Problems window.")
                            .clicked()
                    {
                        *show_problems = true;
                    }
                    ui.add(egui::Label::new(text).truncate())
                        .on_hover_text(n.text.as_str());
                }
                if dismiss {
                    *notice = None;
                }
            });
        });
    });
}

/// Longer messages than this get a Details button that shows them whole.
const LONG_MESSAGE: usize = 90;

/// The list of validation problems, and the current error message in full, when asked for.
pub fn problems_window(
    ctx: &egui::Context,
    doc: &Document,
    notice: Option<&Notice>,
    open: &mut bool,
) {
    let error = notice.filter(|n| n.error);
    if doc.problems().is_empty() && error.is_none() {
        *open = false;
        return;
    }
    egui::Window::new("Problems")
        .open(open)
        .default_size(theme::PROBLEMS_SIZE)
        .show(ctx, |ui| {
            if let Some(e) = error {
                ui.colored_label(theme::error_color(ui.visuals().dark_mode), format!("Error: {}", e.text));
                ui.separator();
            }
            if doc.problems().is_empty() {
                return;
            }
            ui.label("The scenario contradicts itself here (warnings are only worth a look). The risk checklist skips what it cannot follow; fix these in the editor.");
            egui::ScrollArea::vertical().show_rows(ui, theme::ROW_HEIGHT, doc.problems().len(), |ui, range| {
                for p in &doc.problems()[range] {
                    ui.add(egui::Label::new(p.to_string()).truncate()).on_hover_text(p.to_string());
                }
            });
        });
}
