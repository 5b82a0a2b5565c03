//! The option bar (issue 12), always visible: in the menu bar's row, or in a row of its own
//! under it when the window is too narrow (see `menu_bar_ui`). One button per mandate option
//! with its open-risk count (the current one pressed; a click switches to another); when the
//! buttons do not fit, the names are cut short (whole on hover), and when even that leaves too
//! little of them, one drop-down with the current option and its count. Then the Options
//! menu: a new empty option or a duplicate of the current one, rename, rationale, reorder,
//! delete (all undoable), compare and import. Where the Options menu and the switcher do not
//! both fit, one menu `Options: <current option> · N open` holds the Options menu. Also the
//! editor's "Move or copy to option" menu for the selected activity. Everything goes through
//! [`Edit`]s.

use egui::{AtomExt as _, Ui};

use super::widgets;
use crate::command::{Command, UiCommand};
use crate::document::Document;
use crate::model::{ActivityId, Edit, OptionId, PlanOption, Scenario, fresh_id};
use crate::theme;

/// The option bar's view state: the name and rationale being typed.
#[derive(Default)]
pub struct OptionsState {
    /// The option the fields below were filled from.
    editing: Option<OptionId>,
    /// The name field.
    name: String,
    /// The rationale field.
    rationale: String,
}

/// A name no option has yet: `base`, else `base 2`, `base 3`…
fn unique_name(s: &Scenario, base: &str) -> String {
    let taken = |n: &str| s.options.iter().any(|o| o.name == n);
    if !taken(base) {
        return base.to_owned();
    }
    (2..)
        .map(|i| format!("{base} {i}"))
        .find(|n| !taken(n))
        .unwrap_or_else(|| base.to_owned())
}

fn fresh_option_id(s: &Scenario) -> OptionId {
    OptionId::from(fresh_id("option", s.options.iter().map(|o| o.id.as_str())))
}

/// The edits that make a new option and switch to it: empty, or a copy of the current one.
pub fn new_option(s: &Scenario, duplicate: bool) -> Vec<Edit> {
    let id = fresh_option_id(s);
    let option = if duplicate {
        let current = s
            .current_option()
            .map_or("Current plan", |o| o.name.as_str());
        let name = unique_name(s, &format!("{current} (copy)"));
        PlanOption::duplicate(s, id.clone(), &name)
    } else {
        let name = unique_name(s, &format!("Option {}", s.options.len() + 1));
        PlanOption::new(id.clone(), &name)
    };
    vec![Edit::AddOption(option), Edit::SwitchOption(id)]
}

/// How the option switcher is drawn in the width it has.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum SwitcherFit {
    /// One button per option, each at most this wide (names cut short with an ellipsis when
    /// they do not fit; the open-risk count is always whole).
    Buttons(f32),
    /// Too many or too long for buttons: one drop-down with the current option, its count
    /// beside it.
    Menu,
}

/// The switcher's form for buttons of these natural widths, `spacing` apart, in `room`
/// points: every button whole when they all fit; else equal shares of the room, each name cut
/// short, while a share is at least [`theme::OPTION_BUTTON_MIN_WIDTH`]; else a drop-down.
pub fn switcher_fit(natural: &[f32], spacing: f32, room: f32) -> SwitcherFit {
    let n = natural.len().max(1) as f32;
    let gaps = spacing * (n - 1.0);
    let whole = natural.iter().sum::<f32>() + gaps;
    if whole <= room {
        return SwitcherFit::Buttons(theme::OPTION_BUTTON_MAX_WIDTH);
    }
    let share = ((room - gaps) / n).min(theme::OPTION_BUTTON_MAX_WIDTH);
    if share >= theme::OPTION_BUTTON_MIN_WIDTH {
        SwitcherFit::Buttons(share)
    } else {
        SwitcherFit::Menu
    }
}

/// An option's open risks as the switcher shows them after its name.
fn open_text(open: usize) -> String {
    format!("· {open} open")
}

/// What the switcher says about an option when hovered (its whole name: the button may cut it
/// short).
fn option_hover(name: &str, open: usize, current: bool) -> String {
    format!(
        "Option \"{name}\": {open} open risk(s). {}",
        if current {
            "This is the plan on the board."
        } else {
            "Click to put it on the board (Ctrl+Z switches back)."
        }
    )
}

/// The accessible name of an option's place in the switcher.
fn option_label(name: &str, open: usize) -> String {
    format!("Option {name} ({open} open)")
}

/// The option bar: the Options menu, then the switcher: one button per option with its
/// open-risk count, or a drop-down when the buttons do not fit (see [`switcher_fit`]).
pub fn options_bar_ui(
    ui: &mut Ui,
    doc: &Document,
    state: &mut OptionsState,
    out: &mut Vec<Command>,
) {
    let s = doc.scenario();
    if ui.available_width() < full_bar_width(ui, doc) {
        compact_bar_ui(ui, doc, state, out);
        return;
    }
    ui.horizontal(|ui| {
        ui.menu_button("Options", |ui| options_menu_ui(ui, s, state, out))
            .response
            .on_hover_text(
                "Mandate options: alternative plans for this scenario on one shared base. New, duplicate, rename, reorder, delete, compare, import.",
            );
        ui.separator();
        let summaries = doc.option_summaries();
        let padding = 2.0 * ui.spacing().button_padding.x + ui.spacing().icon_spacing;
        let natural: Vec<f32> = summaries
            .iter()
            .map(|o| widgets::text_width(ui, &format!("{} {}", o.name, open_text(o.open)), egui::TextStyle::Button) + padding)
            .collect();
        let fit = switcher_fit(&natural, ui.spacing().item_spacing.x, ui.available_width());
        match fit {
            SwitcherFit::Buttons(max_width) => {
                for o in summaries {
                    let current = s.current_option.as_ref() == Some(&o.id);
                    let r = ui
                        .scope(|ui| {
                            ui.set_max_width(max_width);
                            // The name shrinks (the first text of a truncating button); the
                            // count stays whole.
                            ui.add(
                                egui::Button::selectable(
                                    current,
                                    (o.name.as_str(), open_text(o.open)),
                                )
                                .truncate(),
                            )
                        })
                        .inner
                        .on_hover_text(option_hover(&o.name, o.open, current));
                    let label = option_label(&o.name, o.open);
                    r.widget_info(|| {
                        egui::WidgetInfo::selected(egui::Role::Button, true, current, &label)
                    });
                    if r.clicked() && !current {
                        out.push(Command::Edit(Edit::SwitchOption(o.id.clone())));
                    }
                }
            }
            SwitcherFit::Menu => switcher_menu_ui(ui, s, summaries, out),
        }
    });
}

/// The current option's summary (the first one's if none is current).
fn current_summary(doc: &Document) -> Option<&crate::compare::OptionSummary> {
    let s = doc.scenario();
    let all = doc.option_summaries();
    all.iter()
        .find(|o| s.current_option.as_ref() == Some(&o.id))
        .or(all.first())
}

/// The least room the option bar with its Options menu and its switcher takes: the switcher's
/// buttons whole, or its drop-down at its narrowest if that is less.
fn full_bar_width(ui: &Ui, doc: &Document) -> f32 {
    let sp = ui.spacing();
    let gap = sp.item_spacing.x;
    let separator = 2.0 * gap + theme::SEPARATOR_ROOM;
    let menu = widgets::text_width(ui, "Options", egui::TextStyle::Button)
        + 2.0 * sp.button_padding.x
        + gap;
    let padding = 2.0 * sp.button_padding.x + sp.icon_spacing;
    let buttons: f32 = doc
        .option_summaries()
        .iter()
        .map(|o| {
            widgets::text_width(
                ui,
                &format!("{} {}", o.name, open_text(o.open)),
                egui::TextStyle::Button,
            ) + padding
                + gap
        })
        .sum();
    let open = current_summary(doc).map_or(0, |o| o.open);
    let drop_down = theme::OPTION_MENU_MIN_WIDTH
        + widgets::text_width(ui, &open_text(open), egui::TextStyle::Button)
        + 2.0 * gap;
    separator + menu + buttons.min(drop_down)
}

/// The least room the option bar takes at all, with the separator before it in the menu bar's
/// row: its compact form (one menu, the current option's name cut short, its count whole).
pub fn bar_min_width(ui: &Ui, doc: &Document) -> f32 {
    let sp = ui.spacing();
    let gap = sp.item_spacing.x;
    let open = current_summary(doc).map_or(0, |o| o.open);
    2.0 * gap
        + theme::SEPARATOR_ROOM
        + widgets::text_width(ui, COMPACT_PREFIX, egui::TextStyle::Button)
        + theme::OPTION_NAME_MIN_WIDTH
        + widgets::text_width(ui, &open_text(open), egui::TextStyle::Button)
        + 2.0 * (sp.button_padding.x + sp.icon_spacing)
        + gap
}

/// What the compact option bar says before the current option's name.
const COMPACT_PREFIX: &str = "Options:";

/// The option bar when the full one does not fit: one menu, `Options: <current option> · N
/// open` (the name cut short, whole on hover), holding the Options menu, whose first part puts
/// any option on the board.
fn compact_bar_ui(ui: &mut Ui, doc: &Document, state: &mut OptionsState, out: &mut Vec<Command>) {
    let s = doc.scenario();
    let Some(current) = current_summary(doc) else {
        return;
    };
    let button = egui::Button::new((
        COMPACT_PREFIX,
        current.name.as_str().atom_shrink(true),
        open_text(current.open),
    ))
    .truncate();
    let room = ui.available_width();
    let r = ui
        .scope(|ui| {
            ui.set_max_width(room);
            egui::containers::menu::MenuButton::from_button(button)
                .ui(ui, |ui| options_menu_ui(ui, s, state, out))
                .0
        })
        .inner
        .on_hover_text(format!(
            "{} Mandate options: put another on the board, new, duplicate, rename, reorder, delete, compare, import.",
            option_hover(&current.name, current.open, true)
        ));
    let label = option_label(&current.name, current.open);
    r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
}

/// The switcher as a drop-down: the current option's name (cut short when the room is
/// narrow) with its open-risk count beside it, whole; the list has every option.
fn switcher_menu_ui(
    ui: &mut Ui,
    s: &Scenario,
    summaries: &[crate::compare::OptionSummary],
    out: &mut Vec<Command>,
) {
    let Some(current) = summaries
        .iter()
        .find(|o| s.current_option.as_ref() == Some(&o.id))
        .or(summaries.first())
    else {
        return;
    };
    let count = open_text(current.open);
    let count_w =
        widgets::text_width(ui, &count, egui::TextStyle::Button) + ui.spacing().item_spacing.x;
    // As wide as the name and the arrow need, cut short to the room left of the count.
    let natural = widgets::text_width(ui, &current.name, egui::TextStyle::Button)
        + 2.0 * ui.spacing().button_padding.x
        + ui.spacing().icon_spacing
        + ui.spacing().icon_width;
    let width = natural
        .min(ui.available_width() - count_w)
        .clamp(theme::OPTION_MENU_MIN_WIDTH, theme::OPTION_BUTTON_MAX_WIDTH);
    // The combo box grows to its text within the room it has: give it `width`.
    let r = ui
        .scope(|ui| {
            ui.set_max_width(width);
            switcher_combo_ui(ui, s, summaries, current, width, out)
        })
        .inner
        .on_hover_text(format!(
            "{} Every option is in this list.",
            option_hover(&current.name, current.open, true)
        ));
    let label = option_label(&current.name, current.open);
    r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, &label));
    ui.add(egui::Label::new(count).selectable(false));
}

/// The switcher's combo box, `width` wide: the current option's name, the list of every option.
fn switcher_combo_ui(
    ui: &mut Ui,
    s: &Scenario,
    summaries: &[crate::compare::OptionSummary],
    current: &crate::compare::OptionSummary,
    width: f32,
    out: &mut Vec<Command>,
) -> egui::Response {
    egui::ComboBox::from_id_salt("option switcher")
        .selected_text(current.name.as_str())
        .width(width)
        .truncate()
        .show_ui(ui, |ui| {
            for o in summaries {
                let on = s.current_option.as_ref() == Some(&o.id);
                let r = ui
                    .add(egui::Button::selectable(
                        on,
                        format!("{} {}", o.name, open_text(o.open)),
                    ))
                    .on_hover_text(option_hover(&o.name, o.open, on));
                if r.clicked() && !on {
                    out.push(Command::Edit(Edit::SwitchOption(o.id.clone())));
                }
            }
        })
        .response
}

fn options_menu_ui(ui: &mut Ui, s: &Scenario, state: &mut OptionsState, out: &mut Vec<Command>) {
    let Some(current) = s.current_option() else {
        ui.weak("This scenario has no options.");
        return;
    };
    if state.editing.as_ref() != Some(&current.id) {
        state.editing = Some(current.id.clone());
        state.name = current.name.clone();
        state.rationale = current.rationale.clone();
    }
    let push = |out: &mut Vec<Command>, edits: Vec<Edit>| {
        out.extend(edits.into_iter().map(Command::Edit));
    };
    // Every option, also those the bar has no room for.
    ui.weak("Put on the board:");
    for o in &s.options {
        let on = s.current_option.as_ref() == Some(&o.id);
        if ui
            .add(egui::Button::selectable(on, &o.name))
            .on_hover_text("Make this option the plan on the board.")
            .clicked()
            && !on
        {
            out.push(Command::Edit(Edit::SwitchOption(o.id.clone())));
            ui.close();
        }
    }
    ui.separator();
    if ui
        .button("New empty option")
        .on_hover_text("A new option with no activities, on the same base; it goes on the board.")
        .clicked()
    {
        push(out, new_option(s, false));
        ui.close();
    }
    if ui
        .button("Duplicate current option")
        .on_hover_text("A copy of the option on the board (same activities and checklist), to change one thing and compare.")
        .clicked()
    {
        push(out, new_option(s, true));
        ui.close();
    }
    ui.separator();
    ui.strong(format!("Option on the board: {}", current.name));
    let l = ui.label("Option name");
    let r = ui
        .add(egui::TextEdit::singleline(&mut state.name).desired_width(theme::OPTION_NAME_WIDTH))
        .labelled_by(l.id);
    let name = state.name.trim();
    let taken = s
        .options
        .iter()
        .any(|o| o.id != current.id && o.name == name);
    if name.is_empty() {
        ui.colored_label(
            theme::invalid_color(ui.visuals().dark_mode),
            "An option needs a name.",
        );
    } else if taken {
        ui.colored_label(
            theme::invalid_color(ui.visuals().dark_mode),
            "Another option has this name.",
        );
    } else if r.changed() && name != current.name {
        out.push(Command::Edit(Edit::RenameOption {
            id: current.id.clone(),
            name: name.to_owned(),
        }));
    }
    let l = ui.label("Rationale");
    let r = ui
        .add(
            egui::TextEdit::multiline(&mut state.rationale)
                .desired_rows(2)
                .desired_width(theme::OPTION_NAME_WIDTH),
        )
        .labelled_by(l.id)
        .on_hover_text("Why a planner would choose this option: a sentence or two for the room.");
    if r.changed() {
        out.push(Command::Edit(Edit::SetOptionRationale {
            id: current.id.clone(),
            rationale: state.rationale.clone(),
        }));
    }
    let index = s
        .options
        .iter()
        .position(|o| o.id == current.id)
        .unwrap_or(0);
    ui.horizontal(|ui| {
        if ui
            .add_enabled(index > 0, egui::Button::new("Move option left"))
            .on_hover_text("Show this option earlier in the bar and the comparison.")
            .clicked()
        {
            out.push(Command::Edit(Edit::MoveOption {
                id: current.id.clone(),
                to: index - 1,
            }));
        }
        if ui
            .add_enabled(
                index + 1 < s.options.len(),
                egui::Button::new("Move option right"),
            )
            .on_hover_text("Show this option later in the bar and the comparison.")
            .clicked()
        {
            out.push(Command::Edit(Edit::MoveOption {
                id: current.id.clone(),
                to: index + 1,
            }));
        }
    });
    if ui
        .add_enabled(s.options.len() > 1, egui::Button::new("Delete option"))
        .on_hover_text(if s.options.len() > 1 {
            "Delete the option on the board with its activities; a neighbour goes on the board. Ctrl+Z brings it back."
        } else {
            "The last option cannot be deleted."
        })
        .clicked()
    {
        out.push(Command::Edit(Edit::DeleteOption(current.id.clone())));
        ui.close();
    }
    ui.separator();
    UiCommand::CompareOptions.menu_button(ui, s.options.len() > 1, out);
    UiCommand::ImportOption.menu_button(ui, true, out);
}

/// The editor's "Move or copy to option" menu for the selected activity: to each other option
/// that does not have it yet.
pub fn move_copy_ui(
    ui: &mut Ui,
    s: &Scenario,
    selected: Option<&ActivityId>,
    out: &mut Vec<Command>,
) {
    let others: Vec<&PlanOption> = s
        .options
        .iter()
        .filter(|o| s.current_option.as_ref() != Some(&o.id))
        .collect();
    let enabled = selected.is_some() && !others.is_empty();
    ui.add_enabled_ui(enabled, |ui| {
        ui.menu_button("Move or copy to option", |ui| {
            let Some(id) = selected else { return };
            for o in &others {
                // The same id in another option is the same activity: copying replaces it.
                let has = o.activities.iter().any(|a| &a.id == id);
                for (remove, verb) in [(true, "Move"), (false, "Copy")] {
                    let tip = match (remove, has) {
                        (true, false) => format!(
                            "Take the activity out of the option on the board and put it in \"{}\".",
                            o.name
                        ),
                        (false, false) => format!(
                            "Put a copy of the activity in \"{}\" too (same id: the comparison matches them).",
                            o.name
                        ),
                        (_, true) => format!(
                            "\"{}\" has this activity already: its version is replaced by this one{}.",
                            o.name,
                            if remove { ", and it leaves the option on the board" } else { "" }
                        ),
                    };
                    if ui
                        .button(format!("{verb} to {}", o.name))
                        .on_hover_text(tip)
                        .clicked()
                    {
                        out.push(Command::Edit(Edit::CopyActivities {
                            ids: vec![id.clone()],
                            to: o.id.clone(),
                            remove,
                        }));
                        ui.close();
                    }
                }
            }
        })
        .response
        .on_hover_text("Move the selected activity to another mandate option, or copy it there.")
        .on_disabled_hover_text(if others.is_empty() {
            "There is only one option: make another in the option bar (Options)."
        } else {
            "Select an activity first."
        });
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_switcher_is_whole_buttons_then_cut_buttons_then_a_drop_down() {
        let natural = [200.0, 300.0, 250.0];
        assert_eq!(
            switcher_fit(&natural, 8.0, 800.0),
            SwitcherFit::Buttons(theme::OPTION_BUTTON_MAX_WIDTH),
            "750 points and two gaps fit in 800"
        );
        // 600 points: shares of (600 - 16) / 3.
        assert_eq!(
            switcher_fit(&natural, 8.0, 600.0),
            SwitcherFit::Buttons((600.0 - 16.0) / 3.0)
        );
        let narrow = 3.0 * theme::OPTION_BUTTON_MIN_WIDTH;
        assert_eq!(switcher_fit(&natural, 8.0, narrow), SwitcherFit::Menu);
        assert_eq!(
            switcher_fit(&[100.0], 8.0, 90.0),
            SwitcherFit::Menu,
            "one option too long for the room"
        );
    }
}
