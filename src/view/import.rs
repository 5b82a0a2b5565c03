//! File → Import option from file… (issue 12, breakout groups): each picked file is checked
//! against the scenario on screen ([`crate::merge::check_base`]). A file whose base differs
//! is listed with its differences and is not imported (nothing is merged silently); a file
//! whose group added a mission or a crime group of its own offers each as a choice: add it to
//! the base, or skip it. The files that can be imported become new options, named after their
//! files (the name can be changed here), in one undo step.

use std::path::PathBuf;

use egui::Ui;

use crate::merge::{BaseReport, Imported, import_option};
use crate::model::{Edit, EntityId, Scenario};
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
                let report = crate::merge::check_base(base, &group);
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

    /// The extras chosen to be added to the base.
    pub fn chosen(&self) -> Vec<EntityId> {
        match &self.loaded {
            Ok((_, report)) => report
                .extras
                .iter()
                .zip(&self.add)
                .filter(|(_, add)| **add)
                .map(|(e, _)| e.entity())
                .collect(),
            Err(_) => Vec::new(),
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
                    ui.label(format!(
                        "{} {:?} ({})",
                        extra.kind.noun(),
                        extra.id,
                        extra.name
                    ));
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

/// What importing the dialog's files does.
#[derive(Debug, Default)]
pub struct ImportOutcome {
    /// One edit, a batch (one undo step), that makes the scenario into the one
    /// [`import_option`] returns for each importable file in turn (the extras chosen added to
    /// the base, then the new option); `None` when nothing is imported.
    pub edit: Option<Edit>,
    /// The names of the options added.
    pub added: Vec<String>,
    /// What the import did besides (extras added, references cleared), with the files' paths.
    pub notes: Vec<String>,
    /// The files not imported and why, with their paths.
    pub refused: Vec<String>,
}

/// Imports the dialog's importable files into `base`, as one batch of edits.
pub fn import_edits(base: &Scenario, state: &ImportState) -> ImportOutcome {
    let mut s = base.clone();
    let mut out = ImportOutcome::default();
    let mut edits = Vec::new();
    let (added, notes, refused) = (&mut out.added, &mut out.notes, &mut out.refused);
    for f in &state.files {
        let group = match &f.loaded {
            Ok((group, _)) if f.importable() => group,
            Ok((_, report)) => {
                refused.push(format!(
                    "{} was not imported: its base differs in {} place(s)",
                    f.path.display(),
                    report.differences.len()
                ));
                continue;
            }
            Err(e) => {
                refused.push(format!("{} was not imported: {e}", f.path.display()));
                continue;
            }
        };
        match import_option(&s, group, f.name.trim(), &f.chosen()) {
            Ok(Imported {
                scenario,
                option,
                notes: more,
            }) => {
                edits.extend(diff_edits(&s, &scenario));
                if let Some(o) = scenario.option(&option) {
                    added.push(o.name.clone());
                }
                notes.extend(
                    more.into_iter()
                        .map(|n| format!("{}: {n}", f.path.display())),
                );
                s = scenario;
            }
            Err(e) => refused.push(format!("{}: {e}", f.path.display())),
        }
    }
    if !edits.is_empty() {
        out.edit = Some(Edit::Batch(edits));
    }
    out
}

/// The edits from `before` to `after` when `after` only adds to the base (or changes an entity
/// of it, such as a reference cleared) and adds options: the import's result as edits (batched
/// into one undo step by [`import_edits`]).
fn diff_edits(before: &Scenario, after: &Scenario) -> Vec<Edit> {
    let mut out = Vec::new();
    if after.host != before.host {
        out.push(Edit::SetHost(after.host.clone()));
    }
    for g in &after.groups {
        match before.group(&g.id) {
            None => out.push(Edit::AddGroup(g.clone())),
            Some(old) if old != g => out.push(Edit::UpdateGroup(g.clone())),
            Some(_) => {}
        }
    }
    // Missions in the order they were added, so one that names another comes after it.
    for m in &after.missions {
        match before.mission(&m.id) {
            None => out.push(Edit::AddMission(m.clone())),
            Some(old) if old != m => out.push(Edit::UpdateMission(m.clone())),
            Some(_) => {}
        }
    }
    for a in &after.actors {
        match before.actor(&a.id) {
            None => out.push(Edit::AddActor(a.clone())),
            Some(old) if old != a => out.push(Edit::UpdateActor(a.clone())),
            Some(_) => {}
        }
    }
    for o in &after.options {
        if before.option(&o.id).is_none() {
            out.push(Edit::AddOption(o.clone()));
        }
    }
    out
}
