//! Commands. [`UiCommand`] holds each app-level action's label, tooltip and shortcuts in one
//! table (the `ui_commands!` invocation below), so the menus, the keyboard and Help → Shortcuts
//! cannot disagree and a new command cannot be left out of [`UiCommand::ALL`]; [`Command`] is
//! everything a frame can ask for, gathered while drawing and executed after it.

use std::path::PathBuf;

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::model::{ActivityId, ActorId, Edit, GroupId, MissionId};

/// What is selected in the editor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Selection {
    /// A crime group.
    Group(GroupId),
    /// A mission.
    Mission(MissionId),
    /// Another actor.
    Actor(ActorId),
    /// An activity.
    Activity(ActivityId),
}

const fn cmd(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND, key)
}

const fn cmd_shift(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), key)
}

const fn plain(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::NONE, key)
}

/// Defines [`UiCommand`], its `ALL` list and its table of texts and shortcuts from one list.
macro_rules! ui_commands {
    ($($(#[$doc:meta])* $name:ident => $text:literal, $tip:literal, [$($key:expr),*];)+) => {
        /// App-level actions, reachable from menus and shortcuts.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum UiCommand {
            $($(#[$doc])* $name,)+
        }

        impl UiCommand {
    /// The export an Export command asks for.
    pub fn export_format(self) -> Option<crate::report::Format> {
        use crate::report::Format;
        Some(match self {
            UiCommand::ExportHtml => Format::Html,
            UiCommand::ExportMarkdown => Format::Md,
            UiCommand::ExportCsvActivities => Format::CsvActivities,
            UiCommand::ExportCsvFindings => Format::CsvFindings,
            UiCommand::ExportChartSvg => Format::Svg,
            UiCommand::ExportChartPng => Format::Png,
            _ => return None,
        })
    }

            /// Every command, in menu order (made from the same table as the enum).
            pub const ALL: &'static [UiCommand] = &[$(UiCommand::$name,)+];

            /// Menu label and tooltip.
            pub fn text_and_tooltip(self) -> (&'static str, &'static str) {
                match self {
                    $(UiCommand::$name => ($text, $tip),)+
                }
            }

            /// Keyboard shortcuts, primary first.
            pub fn shortcuts(self) -> &'static [KeyboardShortcut] {
                match self {
                    $(UiCommand::$name => const { &[$($key),*] },)+
                }
            }
        }
    };
}

ui_commands! {
    /// Start a new scenario from the blank template.
    New => "New", "Start a new scenario from the blank template", [cmd(Key::N)];
    /// Open a scenario file.
    Open => "Open…", "Open a scenario file (.ron)", [cmd(Key::O)];
    /// Save to the current file.
    Save => "Save", "Save the scenario to its file", [cmd(Key::S)];
    /// Save to a new file.
    SaveAs => "Save as…", "Save the scenario to a new file", [cmd_shift(Key::S)];
    /// Export the HTML debrief.
    ExportHtml => "HTML debrief…",
        "A self-contained HTML debrief (chart, timeline, checklist, improvement plan) that opens in any browser and prints to A4", [];
    /// Export the debrief as Markdown.
    ExportMarkdown => "Markdown…", "The debrief as Markdown, with the chart and timeline as SVG files beside it", [];
    /// Export the activities as CSV.
    ExportCsvActivities => "Activities as CSV…", "One row per activity (UTF-8 for Excel)", [];
    /// Export the findings as CSV.
    ExportCsvFindings => "Findings as CSV…", "One row per finding, resolved decision and custom item (UTF-8 for Excel)", [];
    /// Export the chart as SVG.
    ExportChartSvg => "Chart as SVG…", "The quadrant chart as an SVG image", [];
    /// Export the chart as PNG.
    ExportChartPng => "Chart as PNG…", "The quadrant chart as a PNG image, for slides and documents", [];
    /// Write the last export again.
    RepeatExport => "Repeat last export", "Write the last export again, to the same file, with the scenario as it is now",
        [cmd(Key::E)];
    /// Undo the last change.
    Undo => "Undo", "Undo the last change", [cmd(Key::Z)];
    /// Redo the last undone change.
    Redo => "Redo", "Redo the last undone change", [cmd_shift(Key::Z), cmd(Key::Y)];
    /// Show the activity catalogue.
    AddFromCatalogue => "Add from catalogue…",
        "Add a planned activity from the catalogue of the paper's examples", [cmd(Key::K)];
    /// Mandate options side by side: charts, counts and what differs (issue 12).
    CompareOptions => "Compare options", "Two to four mandate options side by side: their charts, quadrant counts, and the activities and findings only in each",
        [cmd_shift(Key::K)];
    /// Add other scenario files (breakout groups) as options.
    ImportOption => "Import option from file…", "Add the activities and checklist of other scenario files (breakout groups) as new options, after checking they share this base",
        [];
    /// Larger text and controls.
    ZoomIn => "Zoom in", "Larger text and controls, for the back of the room",
        [cmd(Key::Plus), cmd(Key::Equals)];
    /// Smaller text and controls.
    ZoomOut => "Zoom out", "Smaller text and controls", [cmd(Key::Minus)];
    /// Default size.
    ZoomReset => "Reset zoom", "Default text size", [cmd(Key::Num0)];
    /// Switch between the light and dark themes.
    ToggleTheme => "Light / dark theme", "Switch between the light and dark themes", [];
    /// Show or hide the editor panel (left).
    ToggleEditor => "Show / hide the editor", "Collapse the editor panel to give the chart room, or open it again",
        [cmd(Key::OpenBracket)];
    /// Show or hide the checklist panel (right).
    ToggleChecklist => "Show / hide the checklist", "Collapse the risk checklist panel to give the chart room, or open it again",
        [cmd(Key::CloseBracket)];
    /// Show or hide the timeline panel (bottom).
    ToggleTimeline => "Show / hide the timeline", "The missions over time, with the date cursor that replays the chart and the checklist",
        [cmd(Key::T)];
    /// The chart alone, full screen, in large type (Esc returns).
    Present => "Presentation mode", "The chart full screen in large type for the room, with the open risks and the selected finding (Esc returns)",
        [plain(Key::F11)];
    /// The facilitator's console (exercise mode), in the left panel in place of the editor.
    Console => "Facilitator's console", "The exercise: start a run, preview, deliver or skip injects, log decisions, end with a hot wash (again: back to the editor)",
        [cmd(Key::J)];
    /// Focus the decision log's entry (opens the console).
    LogEntry => "Log a decision", "Write in the decision log of the open run (Enter records it)", [cmd(Key::D)];
    /// Import injects from an MSEL spreadsheet (CSV).
    ImportMsel => "Import MSEL (CSV)…", "Add injects to the script from an MSEL spreadsheet saved as CSV (UTF-8, ',' or ';')", [];
    /// Export the script as an MSEL spreadsheet (CSV).
    ExportMsel => "Export MSEL (CSV)…", "The exercise script as an MSEL spreadsheet (CSV, UTF-8 for Excel)", [];
    /// The list of shortcuts.
    Shortcuts => "Keyboard shortcuts", "Every command and its keys", [];
    /// About PeaceOps and the paper it is built on.
    About => "About PeaceOps", "The paper PeaceOps is built on, and how to cite it", [];
    /// Close PeaceOps.
    Quit => "Quit", "Close PeaceOps (asks first if there are unsaved changes)", [cmd(Key::Q)];
}

impl UiCommand {
    /// Menu label.
    pub fn text(self) -> &'static str {
        self.text_and_tooltip().0
    }

    /// Every (shortcut, command) pair, the most specific shortcut (most modifiers) first, so
    /// Ctrl+Shift+S is not taken for Ctrl+S whatever the order of the table.
    pub fn shortcut_table() -> Vec<(KeyboardShortcut, UiCommand)> {
        let mut all: Vec<(KeyboardShortcut, UiCommand)> = UiCommand::ALL
            .iter()
            .flat_map(|c| c.shortcuts().iter().map(move |s| (*s, *c)))
            .collect();
        let weight = |m: Modifiers| {
            [m.alt, m.ctrl, m.shift, m.mac_cmd, m.command]
                .into_iter()
                .filter(|b| *b)
                .count()
        };
        all.sort_by_key(|(s, _)| std::cmp::Reverse(weight(s.modifiers)));
        all
    }

    /// Consumes the shortcuts pressed this frame and returns their commands.
    pub fn listen(ctx: &egui::Context) -> Vec<UiCommand> {
        let mut out = Vec::new();
        ctx.input_mut(|i| {
            for (s, c) in UiCommand::shortcut_table() {
                if i.consume_shortcut(&s) && !out.contains(&c) {
                    out.push(c);
                }
            }
        });
        out
    }

    /// A menu entry: label, shortcut and tooltip; queues the command when clicked.
    pub fn menu_button(self, ui: &mut egui::Ui, enabled: bool, out: &mut Vec<Command>) {
        let (text, tooltip) = self.text_and_tooltip();
        let mut button = egui::Button::new(text);
        if let Some(s) = self.shortcuts().first() {
            button = button.shortcut_text(ui.ctx().format_shortcut(s));
        }
        if ui
            .add_enabled(enabled, button)
            .on_hover_text(tooltip)
            .clicked()
        {
            out.push(Command::Ui(self));
            ui.close();
        }
    }
}

/// Everything a frame can ask for; run after the frame is drawn.
#[must_use]
#[derive(Clone, Debug, PartialEq)]
#[expect(
    clippy::large_enum_variant,
    reason = "a handful of commands per frame, moved once: boxing the edits buys nothing"
)]
pub enum Command {
    /// An app-level action.
    Ui(UiCommand),
    /// A change to the scenario (one undo step).
    Edit(Edit),
    /// Select an entity in the editor.
    Select(Selection),
    /// Open this file (after asking about unsaved changes).
    OpenFile(PathBuf),
    /// Open the reference scenario with this index.
    OpenReference(usize),
    /// Save to this file.
    SaveTo(PathBuf),
    /// Ask before deleting an entity that others refer to.
    ConfirmDelete(crate::model::EntityId),
    /// Look at the board through this lens (the date cursor); not an edit.
    SetLens(crate::lens::Lens),
    /// Pick this finding in the checklist (the compare view shows it in its option).
    PickFinding(crate::model::FindingKey),
    /// Replay a closed run up to a step (read-only), or stop replaying; not an edit.
    SetReplay(Option<crate::document::Replay>),
}

#[cfg(test)]
mod tests {
    use super::UiCommand;

    #[test]
    fn no_two_commands_share_a_shortcut_and_the_most_specific_comes_first() {
        let table = UiCommand::shortcut_table();
        for (i, (a, ca)) in table.iter().enumerate() {
            for (b, cb) in &table[i + 1..] {
                assert!(a != b, "{ca:?} and {cb:?} share a shortcut");
            }
        }
        let pos = |c: UiCommand| table.iter().position(|(_, x)| *x == c);
        assert!(pos(UiCommand::SaveAs) < pos(UiCommand::Save));
        assert!(pos(UiCommand::Redo) < pos(UiCommand::Undo));
    }
}
