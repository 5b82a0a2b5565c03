//! Commands. [`UiCommand`] holds each app-level action's label, tooltip and shortcut in one
//! place, so the menus and the keyboard cannot disagree; [`Command`] is everything a frame can
//! ask for, gathered while drawing and executed after it.

use std::path::PathBuf;

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::model::Edit;
use crate::view::Selection;

/// App-level actions, reachable from menus and shortcuts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UiCommand {
    /// Start a new scenario from the blank template.
    New,
    /// Open a scenario file.
    Open,
    /// Save to the current file.
    Save,
    /// Save to a new file.
    SaveAs,
    /// Undo the last change.
    Undo,
    /// Redo the last undone change.
    Redo,
    /// Show the activity catalogue.
    AddFromCatalogue,
    /// Larger text and controls.
    ZoomIn,
    /// Smaller text and controls.
    ZoomOut,
    /// Default size.
    ZoomReset,
    /// Switch between the light and dark themes.
    ToggleTheme,
    /// Close PeaceOps.
    Quit,
}

const fn cmd(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND, key)
}

const fn cmd_shift(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), key)
}

impl UiCommand {
    /// Every command. Those whose shortcut has more modifiers come first, so Ctrl+Shift+S is
    /// not taken for Ctrl+S.
    pub const ALL: &'static [UiCommand] = &[
        UiCommand::SaveAs,
        UiCommand::Redo,
        UiCommand::New,
        UiCommand::Open,
        UiCommand::Save,
        UiCommand::Undo,
        UiCommand::AddFromCatalogue,
        UiCommand::ZoomIn,
        UiCommand::ZoomOut,
        UiCommand::ZoomReset,
        UiCommand::ToggleTheme,
        UiCommand::Quit,
    ];

    /// Menu label and tooltip.
    pub fn text_and_tooltip(self) -> (&'static str, &'static str) {
        match self {
            UiCommand::New => ("New", "Start a new scenario from the blank template"),
            UiCommand::Open => ("Open…", "Open a scenario file (.ron)"),
            UiCommand::Save => ("Save", "Save the scenario to its file"),
            UiCommand::SaveAs => ("Save as…", "Save the scenario to a new file"),
            UiCommand::Undo => ("Undo", "Undo the last change"),
            UiCommand::Redo => ("Redo", "Redo the last undone change"),
            UiCommand::AddFromCatalogue => (
                "Add from catalogue…",
                "Add a planned activity from the catalogue of the paper's examples",
            ),
            UiCommand::ZoomIn => (
                "Zoom in",
                "Larger text and controls, for the back of the room",
            ),
            UiCommand::ZoomOut => ("Zoom out", "Smaller text and controls"),
            UiCommand::ZoomReset => ("Reset zoom", "Default text size"),
            UiCommand::ToggleTheme => (
                "Light / dark theme",
                "Switch between the light and dark themes",
            ),
            UiCommand::Quit => (
                "Quit",
                "Close PeaceOps (asks first if there are unsaved changes)",
            ),
        }
    }

    /// Menu label.
    pub fn text(self) -> &'static str {
        self.text_and_tooltip().0
    }

    /// Keyboard shortcuts, primary first.
    pub fn shortcuts(self) -> &'static [KeyboardShortcut] {
        match self {
            UiCommand::New => const { &[cmd(Key::N)] },
            UiCommand::Open => const { &[cmd(Key::O)] },
            UiCommand::Save => const { &[cmd(Key::S)] },
            UiCommand::SaveAs => const { &[cmd_shift(Key::S)] },
            UiCommand::Undo => const { &[cmd(Key::Z)] },
            UiCommand::Redo => const { &[cmd_shift(Key::Z), cmd(Key::Y)] },
            UiCommand::AddFromCatalogue => const { &[cmd(Key::K)] },
            UiCommand::ZoomIn => const { &[cmd(Key::Plus), cmd(Key::Equals)] },
            UiCommand::ZoomOut => const { &[cmd(Key::Minus)] },
            UiCommand::ZoomReset => const { &[cmd(Key::Num0)] },
            UiCommand::ToggleTheme => const { &[] },
            UiCommand::Quit => const { &[cmd(Key::Q)] },
        }
    }

    /// Consumes the shortcuts pressed this frame and returns their commands.
    pub fn listen(ctx: &egui::Context) -> Vec<UiCommand> {
        let mut out = Vec::new();
        ctx.input_mut(|i| {
            for c in UiCommand::ALL {
                if c.shortcuts().iter().any(|s| i.consume_shortcut(s)) {
                    out.push(*c);
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
}
