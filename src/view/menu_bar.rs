//! The menu bar: File, Edit, Scenarios (the shipped reference cases, one click away), View and
//! Help.

use std::path::PathBuf;

use egui::Ui;

use crate::command::{Command, UiCommand};
use crate::document::Document;
use crate::io::REFERENCES;
use crate::view::options;

/// Draws the menu bar; `after` (the option bar, none on the start screen) draws more in its
/// row, right of the menus, or in a row of its own under the menus when the row has less room
/// left than [`options::bar_min_width`] (a narrow window, a large zoom).
pub fn menu_bar_ui(
    ui: &mut Ui,
    doc: &Document,
    recent: &[PathBuf],
    out: &mut Vec<Command>,
    mut after: Option<impl FnOnce(&mut Ui, &mut Vec<Command>)>,
) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            UiCommand::New.menu_button(ui, true, out);
            UiCommand::Open.menu_button(ui, true, out);
            ui.menu_button("Open recent", |ui| {
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
            ui.separator();
            UiCommand::Save.menu_button(ui, true, out);
            UiCommand::SaveAs.menu_button(ui, true, out);
            UiCommand::ImportOption.menu_button(ui, true, out);
            ui.menu_button("Export", |ui| {
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
            ui.menu_button("Exercise script (MSEL)", |ui| {
                UiCommand::ImportMsel.menu_button(ui, true, out);
                UiCommand::ExportMsel.menu_button(ui, !doc.scenario().injects.is_empty(), out);
            });
            ui.separator();
            UiCommand::Quit.menu_button(ui, true, out);
        });
        ui.menu_button("Edit", |ui| {
            UiCommand::Undo.menu_button(ui, doc.can_undo(), out);
            UiCommand::Redo.menu_button(ui, doc.can_redo(), out);
            ui.separator();
            UiCommand::AddFromCatalogue.menu_button(ui, true, out);
        });
        ui.menu_button("Scenarios", |ui| {
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
        ui.menu_button("View", |ui| {
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
        ui.menu_button("Help", |ui| {
            UiCommand::Shortcuts.menu_button(ui, true, out);
            UiCommand::About.menu_button(ui, true, out);
        });
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
