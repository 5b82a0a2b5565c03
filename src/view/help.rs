//! Help: the keyboard shortcuts (every [`UiCommand`], from its one table) and About (the paper
//! PeaceOps is built on, and how to cite it).

use egui::{Rect, Ui};

use crate::command::UiCommand;
use crate::theme;

/// Which help windows are open.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HelpState {
    /// Help → Keyboard shortcuts.
    pub shortcuts: bool,
    /// Help → About.
    pub about: bool,
}

/// The paper's title.
pub const PAPER_TITLE: &str = "Multilateral peace operations and the challenges of organized crime";
/// The paper's author.
pub const PAPER_AUTHOR: &str = "Jaïr van der Lijn";
/// How to cite the paper.
pub const CITATION: &str = "Van der Lijn, J., 'Multilateral peace operations and the challenges of organized crime', SIPRI Background Paper (Stockholm International Peace Research Institute: Stockholm, 2018).";

/// Draws the open help windows, kept inside `area` (below the menu bar).
pub fn help_windows(ctx: &egui::Context, area: Rect, state: &mut HelpState) {
    egui::Window::new("Keyboard shortcuts")
        .open(&mut state.shortcuts)
        .constrain_to(area)
        .default_width(theme::HELP_WIDTH)
        .collapsible(false)
        .show(ctx, shortcuts_ui);
    egui::Window::new("About PeaceOps")
        .open(&mut state.about)
        .constrain_to(area)
        .default_width(theme::HELP_WIDTH)
        .collapsible(false)
        .show(ctx, about_ui);
}

fn shortcuts_ui(ui: &mut Ui) {
    egui::ScrollArea::vertical().show(ui, |ui| {
        egui::Grid::new("shortcuts")
            .num_columns(2)
            .striped(true)
            .show(ui, |ui| {
                for c in UiCommand::ALL {
                    let (text, tip) = c.text_and_tooltip();
                    let keys: Vec<String> = c
                        .shortcuts()
                        .iter()
                        .map(|s| ui.ctx().format_shortcut(s))
                        .collect();
                    ui.label(text).on_hover_text(tip);
                    ui.label(if keys.is_empty() {
                        "menu only".to_owned()
                    } else {
                        keys.join(" or ")
                    });
                    ui.end_row();
                }
                ui.label("Leave presentation mode");
                ui.label("Esc");
                ui.end_row();
            });
    });
}

fn about_ui(ui: &mut Ui) {
    ui.heading("PeaceOps");
    ui.label(format!(
        "Version {}. A workshop board for multilateral peace operations and organized crime.",
        env!("CARGO_PKG_VERSION")
    ));
    ui.separator();
    ui.label("Built on the framework of the paper:");
    ui.strong(PAPER_TITLE);
    ui.label(format!("by {PAPER_AUTHOR}, SIPRI background paper (Stockholm International Peace Research Institute)."));
    ui.label("Its quadrant of activities (§II, Figure 1), its cases (§III) and its challenges of cooperation and handover (§IV–§VI) are what the chart and the risk checklist are made of; every finding names the section it comes from. Read it at www.sipri.org.");
    ui.separator();
    ui.strong("Where each fact comes from");
    ui.label("Catalogue texts, scenario notes, hover cards and the checklist mark every fact with its source:");
    for source in [
        crate::model::Source::Paper("§III".to_owned()),
        crate::model::Source::GeneralKnowledge,
        crate::model::Source::Invented,
        crate::model::Source::Reasoning,
    ] {
        ui.horizontal_wrapped(|ui| {
            super::widgets::provenance_badge_ui(ui, &source);
            ui.label(source.meaning());
        });
    }
    ui.label(
        "Words in single quotes are the paper's own; everything else is PeaceOps's paraphrase.",
    );
    ui.separator();
    ui.strong("How to cite the paper");
    let mut citation = CITATION.to_owned();
    ui.add(
        egui::TextEdit::multiline(&mut citation)
            .desired_rows(3)
            .desired_width(f32::INFINITY)
            .interactive(true),
    )
    .on_hover_text("Select the text to copy it.");
    if ui
        .button("Copy citation")
        .on_hover_text("Copy the citation to the clipboard.")
        .clicked()
    {
        ui.ctx().copy_text(CITATION.to_owned());
    }
}
