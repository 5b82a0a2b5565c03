//! Modal dialogs: unsaved changes, deleting something others refer to, and typing a path when
//! no file dialog can be shown.

use std::path::PathBuf;

use crate::io::Found;
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
    /// Write this export to the file.
    Export(crate::report::Format),
    /// Import these scenario files as options (several separated by `;`).
    ImportOption,
    /// Import the injects of this MSEL (CSV).
    ImportMsel,
    /// Write the exercise script to this MSEL (CSV).
    ExportMsel,
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
    /// Unsaved work from sessions that ended without saving was found.
    Recover {
        /// The recovery copies, newest first, each with when it was written (for people).
        copies: Vec<(Found, String)>,
    },
    /// The file changed on disk since it was opened or saved.
    ChangedOnDisk {
        /// The file.
        path: PathBuf,
    },
    /// No file dialog could be shown: type the path.
    PathEntry {
        /// Open or save.
        purpose: PathPurpose,
        /// The path typed so far.
        text: String,
        /// Why the field is shown.
        why: String,
        /// The field is still to take the keyboard focus (it does once, when shown).
        focus: bool,
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
    /// Restore the recovery copy.
    Restore(Found),
    /// Delete the recovery copy; the others are still to be answered.
    DiscardRecovery(Found, Vec<(Found, String)>),
    /// Save over the file that changed on disk.
    Overwrite,
    /// Save elsewhere instead.
    SaveAsInstead,
    /// Drop the changes on screen and read the file again.
    Reload,
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
            Dialog::Recover { copies } => {
                ui.heading("Restore unsaved work?");
                ui.label(if copies.len() == 1 {
                    "PeaceOps found work that was not saved when the program last stopped:".to_owned()
                } else {
                    format!("PeaceOps found {} pieces of work that were not saved when the program stopped, newest first:", copies.len())
                });
                ui.label("Restore one to carry on where the room left off, or discard it for good. Copies not answered now are offered again at the next start.");
                egui::ScrollArea::vertical().max_height(300.0).show(ui, |ui| {
                    for (i, (found, when)) in copies.iter().enumerate() {
                        ui.horizontal(|ui| {
                            ui.label(format!("Unsaved work on {}, written {when}", found.name));
                            if ui.button("Restore").on_hover_text("Open the unsaved work; save it to keep it.").clicked() {
                                answer = Answer::Restore(found.clone());
                            }
                            if ui.button("Discard").on_hover_text("Delete this recovery copy.").clicked() {
                                let mut rest = copies.clone();
                                rest.remove(i);
                                answer = Answer::DiscardRecovery(found.clone(), rest);
                            }
                        });
                    }
                });
            }
            Dialog::ChangedOnDisk { path } => {
                ui.heading("The file changed on disk");
                ui.label(format!(
                    "{} was changed by another program (or another PeaceOps) since it was opened or last saved here. Saving now would replace those changes.",
                    path.display()
                ));
                ui.horizontal(|ui| {
                    if ui.button("Overwrite").on_hover_text("Save over the file; the other changes are lost (the previous file is kept as .bak).").clicked() {
                        answer = Answer::Overwrite;
                    }
                    if ui.button("Save as…").on_hover_text("Keep both: save this scenario to another file.").clicked() {
                        answer = Answer::SaveAsInstead;
                    }
                    if ui.button("Reload from disk").on_hover_text("Drop the changes here and open the file as it is now.").clicked() {
                        answer = Answer::Reload;
                    }
                    if ui.button("Cancel").clicked() {
                        answer = Answer::Cancel;
                    }
                });
            }
            Dialog::PathEntry {
                purpose,
                text,
                why,
                focus,
            } => {
                ui.heading(match purpose {
                    PathPurpose::Open => "Open a scenario file",
                    PathPurpose::SaveAs => "Save the scenario as",
                    PathPurpose::Export(f) => f.dialog_title(),
                    PathPurpose::ImportOption => "Import options from scenario files",
                    PathPurpose::ImportMsel => "Import an MSEL (CSV)",
                    PathPurpose::ExportMsel => "Export the MSEL (CSV)",
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
                // The field is what the dialog is for: it takes the keyboard when shown.
                if std::mem::take(focus) {
                    r.request_focus();
                }
                let entered = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                ui.horizontal(|ui| {
                    let ok = ui.add_enabled(
                        !text.trim().is_empty(),
                        egui::Button::new(match purpose {
                            PathPurpose::Open => "Open file",
                            PathPurpose::SaveAs => "Save file",
                            PathPurpose::ImportOption => "Import files",
                            PathPurpose::Export(_) | PathPurpose::ExportMsel => "Export",
                            PathPurpose::ImportMsel => "Import",
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
    // Escape or a click outside closes the dialog, except the recovery question: it must be
    // answered, so the copy is never dropped by accident.
    if modal.should_close()
        && answer == Answer::Waiting
        && !matches!(dialog, Dialog::Recover { .. })
    {
        answer = Answer::Cancel;
    }
    answer
}

/// "2026-11-24 17:05 UTC" from seconds since 1970 (civil calendar, no time zone database).
pub fn utc_time(unix_secs: u64) -> String {
    let days = (unix_secs / 86_400) as i64;
    let secs = unix_secs % 86_400;
    // Howard Hinnant's days-to-civil algorithm.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02} UTC",
        secs / 3600,
        secs % 3600 / 60
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn utc_time() {
        assert_eq!(super::utc_time(0), "1970-01-01 00:00 UTC");
        assert_eq!(super::utc_time(1_795_020_300), "2026-11-18 16:45 UTC");
        assert_eq!(super::utc_time(951_782_400), "2000-02-29 00:00 UTC");
    }
}
