//! The start screen, shown when PeaceOps starts without a file: the reference cases with what
//! each teaches, the recent files, New and Open.

use std::path::PathBuf;

use egui::Ui;

use crate::command::{Command, UiCommand};
use crate::io::REFERENCES;
use crate::theme;

/// What a reference case teaches, by file name.
pub fn teaches(file: &str) -> &'static str {
    match file {
        "kosovo-2008.ron" => {
            "Four missions at once: executive policing, intelligence that is not shared, and cases lost in the handover from UNMIK to EULEX."
        }
        "haiti-minustah.ron" => {
            "Gangs and a military mission doing police work: coercion, community violence reduction and the handover to MINUJUSTH."
        }
        "mali-sahel.ron" => {
            "Crime, armed groups and violent extremism across borders: a UN mission, an EU capacity-building mission and a regional force."
        }
        "guinea-bissau.ron" => {
            "A captured state: when officials protect the traffickers, consent and partners cannot be taken for granted."
        }
        "kosovo-exercise.ron" => {
            "A tabletop exercise: ten events from the paper hit a hopeful plan for the UNMIK to EULEX handover; watch the risks rise."
        }
        _ => "A reference case from the paper.",
    }
}

/// Draws the start screen.
pub fn start_ui(ui: &mut Ui, recent: &[PathBuf], out: &mut Vec<Command>) {
    egui::ScrollArea::vertical().id_salt("start screen").show(ui, |ui| {
        ui.set_max_width(theme::START_WIDTH.min(ui.available_width()));
        ui.heading("Start here");
        ui.label("Open a reference case from the SIPRI paper to see the board at work, or start your own scenario.");
        ui.add_space(theme::AXIS_GAP);
        ui.strong("Reference cases");
        for (i, r) in REFERENCES.iter().enumerate() {
            ui.horizontal_wrapped(|ui| {
                if ui
                    .button(format!("Open {}", r.name))
                    .on_hover_text("Opens as an unsaved copy: the shipped file is never changed.")
                    .clicked()
                {
                    out.push(Command::OpenReference(i));
                }
            });
            ui.add(egui::Label::new(egui::RichText::new(teaches(r.file)).weak()).wrap());
            ui.add_space(theme::AXIS_GAP);
        }
        ui.separator();
        ui.horizontal_wrapped(|ui| {
            for c in [UiCommand::New, UiCommand::Open] {
                if ui
                    .button(c.text())
                    .on_hover_text(c.text_and_tooltip().1)
                    .clicked()
                {
                    out.push(Command::Ui(c));
                }
            }
        });
        ui.separator();
        ui.strong("Recent files");
        if recent.is_empty() {
            ui.weak("No recent files yet.");
        }
        for path in recent {
            if ui
                .add(egui::Button::new(path.display().to_string()).truncate())
                .on_hover_text(path.display().to_string())
                .clicked()
            {
                out.push(Command::OpenFile(path.clone()));
            }
        }
    });
}
