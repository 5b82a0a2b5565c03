//! Modal dialogs: unsaved changes, deleting something others refer to, and typing a path when
//! no file dialog can be shown.

use std::path::PathBuf;

use crate::model::EntityId;

/// What to do once the unsaved-changes question is answered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Pending {
    /// Start a new scenario.
    New,
    /// Show the open dialog.
    Open,
    /// Open this file.
    OpenFile(PathBuf),
    /// Open a reference scenario.
    OpenReference(usize),
    /// Close the window.
    Quit,
}

/// What a typed path is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PathPurpose {
    /// Open the file.
    Open,
    /// Save to the file.
    SaveAs,
}

/// A modal dialog.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Dialog {
    /// There are unsaved changes; ask before `then`.
    Unsaved {
        /// What the user asked for.
        then: Pending,
    },
    /// Deleting an entity others refer to.
    Delete {
        /// What to delete.
        id: EntityId,
        /// Its name.
        name: String,
        /// What refers to it.
        refs: Vec<String>,
    },
    /// No file dialog could be shown: type the path.
    PathEntry {
        /// Open or save.
        purpose: PathPurpose,
        /// The path typed so far.
        text: String,
        /// Why the field is shown.
        why: String,
    },
}

/// The answer to a dialog.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Answer {
    /// Still open.
    Waiting,
    /// Closed without doing anything.
    Cancel,
    /// Save, then go on.
    SaveThen(Pending),
    /// Drop the changes and go on.
    DiscardThen(Pending),
    /// Delete and remove the references.
    Delete(EntityId),
    /// A path was typed.
    Path(PathPurpose, PathBuf),
}

/// Shows the dialog; returns the user's answer.
pub fn dialog_ui(ctx: &egui::Context, dialog: &mut Dialog) -> Answer {
    let mut answer = Answer::Waiting;
    let modal = egui::Modal::new(egui::Id::unique("peaceops dialog")).show(ctx, |ui| {
        ui.set_max_width(560.0);
        match dialog {
            Dialog::Unsaved { then } => {
                ui.heading("Unsaved changes");
                ui.label("The scenario has changes that are not saved. Save them first?");
                ui.horizontal(|ui| {
                    if ui
                        .button("Save")
                        .on_hover_text("Save the changes, then continue.")
                        .clicked()
                    {
                        answer = Answer::SaveThen(then.clone());
                    }
                    if ui
                        .button("Discard changes")
                        .on_hover_text("Continue and lose the unsaved changes.")
                        .clicked()
                    {
                        answer = Answer::DiscardThen(then.clone());
                    }
                    if ui
                        .button("Cancel")
                        .on_hover_text("Go back to the scenario.")
                        .clicked()
                    {
                        answer = Answer::Cancel;
                    }
                });
            }
            Dialog::Delete { id, name, refs } => {
                ui.heading(format!("Delete {name}?"));
                ui.label(format!("{name} is referred to by {} item(s):", refs.len()));
                egui::ScrollArea::vertical()
                    .max_height(240.0)
                    .show(ui, |ui| {
                        for r in refs.iter() {
                            ui.label(format!("• {r}"));
                        }
                    });
                ui.label("Deleting it removes these references too. You can undo it (Ctrl+Z).");
                ui.horizontal(|ui| {
                    if ui.button("Delete and remove references").clicked() {
                        answer = Answer::Delete(id.clone());
                    }
                    if ui.button("Cancel").clicked() {
                        answer = Answer::Cancel;
                    }
                });
            }
            Dialog::PathEntry { purpose, text, why } => {
                ui.heading(match purpose {
                    PathPurpose::Open => "Open a scenario file",
                    PathPurpose::SaveAs => "Save the scenario as",
                });
                ui.label(why.as_str());
                let l = ui.label("File path");
                let r = ui
                    .add(
                        egui::TextEdit::singleline(text)
                            .desired_width(520.0)
                            .hint_text("/home/me/workshop/scenario.ron"),
                    )
                    .labelled_by(l.id);
                let entered = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                ui.horizontal(|ui| {
                    let ok = ui.add_enabled(
                        !text.trim().is_empty(),
                        egui::Button::new(match purpose {
                            PathPurpose::Open => "Open file",
                            PathPurpose::SaveAs => "Save file",
                        }),
                    );
                    if (ok.clicked() || entered) && !text.trim().is_empty() {
                        answer = Answer::Path(*purpose, PathBuf::from(text.trim()));
                    }
                    if ui.button("Cancel").clicked() {
                        answer = Answer::Cancel;
                    }
                });
            }
        }
    });
    if modal.should_close() && answer == Answer::Waiting {
        answer = Answer::Cancel;
    }
    answer
}
