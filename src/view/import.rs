//! File → Import option from file… (issue 12, breakout groups): each picked file is checked
//! against the scenario on screen ([`crate::options::check_base`]). A file whose base differs
//! is listed with its differences and is not imported (nothing is merged silently); a file
//! whose group added a mission or a crime group of its own offers each as a choice: add it to
//! the base, or skip it. The files that can be imported become new options, named after their
//! files (the name can be changed here), in one undo step.

use std::path::PathBuf;

use egui::Ui;

use crate::model::Scenario;
use crate::options::BaseReport;
use crate::theme;

/// One picked file.
pub struct ImportFile {
    /// Where it is.
    pub path: PathBuf,
    /// The new option's name (the file's name at first).
    pub name: String,
    /// The file, loaded; or why it could not be.
    pub loaded: Result<(Scenario, BaseReport), String>,
    /// For each extra the file adds to the base: add it (true) or skip it.
    pub add: Vec<bool>,
}

/// The import dialog's state.
pub struct ImportState {
    /// The files picked, in order.
    pub files: Vec<ImportFile>,
}

/// What the import dialog was answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportAnswer {
    /// Still open.
    Waiting,
    /// Closed without importing.
    Cancel,
    /// Import the files that can be imported, with the choices made.
    Import,
}

impl ImportFile {
    /// Loads a file and checks its base against `base`.
    pub fn load(base: &Scenario, path: PathBuf) -> Self {
        let name = path.file_stem().map_or_else(
            || "Imported option".to_owned(),
            |s| s.to_string_lossy().into_owned(),
        );
        let loaded = crate::io::load(&path)
            .map_err(|e| e.to_string())
            .map(|group| {
                let report = crate::options::check_base(base, &group);
                (group, report)
            });
        let add = match &loaded {
            Ok((_, report)) => vec![false; report.extras.len()],
            Err(_) => Vec::new(),
        };
        Self {
            path,
            name,
            loaded,
            add,
        }
    }

    /// Whether it can be imported: it loaded and its base matches.
    pub fn importable(&self) -> bool {
        matches!(&self.loaded, Ok((_, r)) if r.differences.is_empty())
            && !self.name.trim().is_empty()
    }
}

/// The import dialog, a modal over the window.
pub fn import_ui(ctx: &egui::Context, state: &mut ImportState) -> ImportAnswer {
    let mut answer = ImportAnswer::Waiting;
    let modal = egui::Modal::new(egui::Id::unique("import options")).show(ctx, |ui| {
        ui.set_max_width(theme::HELP_WIDTH);
        ui.heading("Import options from scenario files");
        ui.label("Each file's activities and checklist become a new option; its base (host state, crime groups, missions, other actors) must be the one on screen.");
        egui::ScrollArea::vertical()
            .max_height(theme::IMPORT_LIST_HEIGHT)
            .show(ui, |ui| {
                for (i, f) in state.files.iter_mut().enumerate() {
                    ui.push_id(i, |ui| file_ui(ui, f));
                    ui.separator();
                }
            });
        let n = state.files.iter().filter(|f| f.importable()).count();
        ui.horizontal(|ui| {
            if ui
                .add_enabled(n > 0, egui::Button::new("Import as options"))
                .on_hover_text(format!("Add {n} option(s); the files whose base differs are left out. Ctrl+Z undoes it."))
                .clicked()
            {
                answer = ImportAnswer::Import;
            }
            if ui.button("Cancel").clicked() {
                answer = ImportAnswer::Cancel;
            }
        });
    });
    if modal.should_close() && answer == ImportAnswer::Waiting {
        answer = ImportAnswer::Cancel;
    }
    answer
}

fn file_ui(ui: &mut Ui, f: &mut ImportFile) {
    let dark = ui.visuals().dark_mode;
    ui.strong(f.path.display().to_string());
    match &f.loaded {
        Err(e) => {
            ui.colored_label(theme::error_color(dark), format!("Not imported: {e}"));
        }
        Ok((_, report)) if !report.differences.is_empty() => {
            ui.colored_label(
                theme::error_color(dark),
                format!(
                    "Not imported: its base differs from the scenario on screen in {} place(s):",
                    report.differences.len()
                ),
            );
            for d in &report.differences {
                ui.add(egui::Label::new(format!("• {d}")).wrap());
            }
        }
        Ok((group, report)) => {
            ui.label(format!(
                "Same base as the scenario on screen; {} activities.",
                group.activities.len()
            ));
            let l = ui.label("Option name");
            ui.add(egui::TextEdit::singleline(&mut f.name).desired_width(theme::OPTION_NAME_WIDTH))
                .labelled_by(l.id);
            if f.name.trim().is_empty() {
                ui.colored_label(theme::invalid_color(dark), "The option needs a name.");
            }
            if !report.extras.is_empty() {
                ui.label("This group added to the base:");
            }
            for (j, extra) in report.extras.iter().enumerate() {
                let Some(add) = f.add.get_mut(j) else {
                    continue;
                };
                ui.horizontal_wrapped(|ui| {
                    ui.label(extra.to_string());
                    ui.radio_value(add, true, "Add to base")
                        .on_hover_text("Add it to the shared base: every option can use it.");
                    ui.radio_value(add, false, "Skip").on_hover_text(
                        "Leave it out; the group's activities that refer to it are reported.",
                    );
                });
            }
        }
    }
}
