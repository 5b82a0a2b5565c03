//! The menu bar: File, Edit, Scenarios (the shipped reference cases, one click away), View and
//! Help.

use std::path::PathBuf;

use egui::Ui;

use crate::command::{Command, UiCommand};
use crate::document::Document;
use crate::io::REFERENCES;
use crate::theme;
use crate::view::options;

/// Draws the menu bar; `after` (the option bar, none on the start screen) draws more in its
/// row, right of the menus, or in a row of its own under the menus when the row has less room
/// left than [`options::bar_min_width`] (a narrow window, a large zoom). `folded` (a short
/// window, see [`crate::theme::SHORT_WINDOW_HEIGHT`]): the five menus fold into one menu
/// button ("Menu") holding them, and `after` always shares its row, so the board
/// keeps one row of height for the chart.
pub fn menu_bar_ui(
    ui: &mut Ui,
    doc: &Document,
    recent: &[PathBuf],
    out: &mut Vec<Command>,
    folded: bool,
    mut after: Option<impl FnOnce(&mut Ui, &mut Vec<Command>)>,
) {
    egui::MenuBar::new().ui(ui, |ui| {
        if folded {
            ui.menu_button(FOLDED_MENU, |ui| fitted(ui, |ui| menus_ui(ui, doc, recent, out)))
                .response
                .on_hover_text("File, Edit, Scenarios, View and Help (folded into one menu while the window is short).");
            if let Some(after) = after.take() {
                ui.separator();
                after(ui, out);
            }
            return;
        }
        menus_ui(ui, doc, recent, out);
        if after.is_some()
            && ui.available_width() >= options::bar_min_width(ui, doc)
            && let Some(after) = after.take()
        {
            ui.separator();
            after(ui, out);
        }
    });
    if let Some(after) = after {
        ui.horizontal(|ui| after(ui, out));
    }
}

/// The folded menu bar's one button (a word: the window's fonts have no "☰").
pub const FOLDED_MENU: &str = "Menu";

/// The five menus: in the bar's row, or inside the folded bar's one menu.
fn menus_ui(ui: &mut Ui, doc: &Document, recent: &[PathBuf], out: &mut Vec<Command>) {
    ui.menu_button("File", |ui| {
        fitted(ui, |ui| {
            UiCommand::New.menu_button(ui, true, out);
            UiCommand::Open.menu_button(ui, true, out);
            ui.menu_button("Open recent", |ui| {
                fitted(ui, |ui| {
                    if recent.is_empty() {
                        ui.weak("No recent files");
                    }
                    for path in recent {
                        if ui
                            .button(path.display().to_string())
                            .on_hover_text("Open this file again")
                            .clicked()
                        {
                            out.push(Command::OpenFile(path.clone()));
                            ui.close();
                        }
                    }
                });
            });
            ui.separator();
            UiCommand::Save.menu_button(ui, true, out);
            UiCommand::SaveAs.menu_button(ui, true, out);
            UiCommand::ImportOption.menu_button(ui, true, out);
            ui.menu_button("Export", |ui| {
                fitted(ui, |ui| {
                    for c in [
                        UiCommand::ExportHtml,
                        UiCommand::ExportMarkdown,
                        UiCommand::ExportCsvActivities,
                        UiCommand::ExportCsvFindings,
                        UiCommand::ExportChartSvg,
                        UiCommand::ExportChartPng,
                    ] {
                        c.menu_button(ui, true, out);
                    }
                    ui.separator();
                    UiCommand::RepeatExport.menu_button(ui, true, out);
                });
            });
            ui.menu_button("Exercise script (MSEL)", |ui| {
                fitted(ui, |ui| {
                    UiCommand::ImportMsel.menu_button(ui, true, out);
                    UiCommand::ExportMsel.menu_button(ui, !doc.scenario().injects.is_empty(), out);
                });
            });
            ui.separator();
            UiCommand::Quit.menu_button(ui, true, out);
        });
    });
    ui.menu_button("Edit", |ui| {
        fitted(ui, |ui| {
            UiCommand::Undo.menu_button(ui, doc.can_undo(), out);
            UiCommand::Redo.menu_button(ui, doc.can_redo(), out);
            ui.separator();
            UiCommand::AddFromCatalogue.menu_button(ui, true, out);
        });
    });
    ui.menu_button("Scenarios", |ui| {
        fitted(ui, |ui| {
            ui.weak("Reference cases from the SIPRI paper (open as unsaved copies)");
            for (i, r) in REFERENCES.iter().enumerate() {
                if ui
                    .button(r.name)
                    .on_hover_text(format!("Open scenarios/{}", r.file))
                    .clicked()
                {
                    out.push(Command::OpenReference(i));
                    ui.close();
                }
            }
        });
    });
    ui.menu_button("View", |ui| {
        fitted(ui, |ui| {
            UiCommand::ZoomIn.menu_button(ui, true, out);
            UiCommand::ZoomOut.menu_button(ui, true, out);
            UiCommand::ZoomReset.menu_button(ui, true, out);
            ui.separator();
            UiCommand::ToggleEditor.menu_button(ui, true, out);
            UiCommand::ToggleChecklist.menu_button(ui, true, out);
            UiCommand::ToggleTimeline.menu_button(ui, true, out);
            UiCommand::Present.menu_button(ui, true, out);
            UiCommand::CompareOptions.menu_button(ui, doc.scenario().options.len() > 1, out);
            UiCommand::Console.menu_button(ui, true, out);
            UiCommand::LogEntry.menu_button(ui, true, out);
            ui.separator();
            UiCommand::ToggleTheme.menu_button(ui, true, out);
        });
    });
    ui.menu_button("Help", |ui| {
        fitted(ui, |ui| {
            UiCommand::Shortcuts.menu_button(ui, true, out);
            UiCommand::About.menu_button(ui, true, out);
        });
    });
}

/// A menu's entries, scrolling where the window is shorter than the menu (a projector at a
/// large zoom), so every entry can be reached.
fn fitted(ui: &mut Ui, add: impl FnOnce(&mut Ui)) {
    let room = ui.ctx().content_rect().height() - theme::MENU_WINDOW_MARGIN;
    egui::ScrollArea::vertical()
        .max_height(room.max(theme::ROW_HEIGHT))
        .show(ui, add);
}
