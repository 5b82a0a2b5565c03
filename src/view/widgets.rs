//! Form fields used by every editor form: a label in the left column, a control in the right,
//! the control labelled by the label (so screen readers and tests find it by name) and both
//! carrying the same hover text. Each returns whether the value changed. In a narrow panel the
//! form is one column, each label above its control, so every control lies wholly inside the
//! panel (a control cut at the panel's edge could be clicked only on its visible part).

use egui::{ComboBox, Grid, Id, Response, TextEdit, TextWrapMode, Ui};

use crate::model::{Choice, Claim, Source, YearMonth};
use crate::theme;

/// Where the form being drawn keeps whether it is one column (see [`form`]).
fn stacked_id() -> Id {
    Id::unique("peaceops form stacked")
}

/// Whether the form being drawn is one column, each label above its control.
pub fn stacked(ui: &Ui) -> bool {
    ui.data(|d| d.get_temp::<bool>(stacked_id()))
        .unwrap_or(false)
}

/// A form: two columns (labels, controls) where the room is at least
/// [`theme::FORM_TWO_COLUMNS_FROM`] wide; one column otherwise, each label above its control
/// and every control no wider than the panel (long texts cut with "…", shown whole on hover).
pub fn form(ui: &mut Ui, id: &str, add: impl FnOnce(&mut Ui)) {
    let one_column = ui.available_width() < theme::FORM_TWO_COLUMNS_FROM;
    ui.data_mut(|d| d.insert_temp(stacked_id(), one_column));
    if one_column {
        ui.vertical(|ui| {
            let room = ui.available_width();
            ui.style_mut().wrap_mode = Some(TextWrapMode::Truncate);
            let spacing = ui.spacing_mut();
            spacing.item_spacing.y = theme::FORM_STACKED_SPACING;
            // Controls of a set width (choices, fields) no wider than the panel: one wider
            // would widen every row below it past the panel's edge.
            spacing.combo_width = spacing.combo_width.min(room);
            spacing.text_edit_width = spacing.text_edit_width.min(room);
            add(ui);
        });
    } else {
        Grid::new(id)
            .num_columns(2)
            .spacing(theme::FORM_SPACING)
            .striped(false)
            .show(ui, add);
    }
    ui.data_mut(|d| d.remove::<bool>(stacked_id()));
}

/// Ends a form row: the grid's next row, or the gap before the next label when stacked.
pub fn end_row(ui: &mut Ui) {
    if stacked(ui) {
        ui.add_space(theme::FORM_STACKED_GAP);
    } else {
        ui.end_row();
    }
}

/// The empty label cell of a row whose control carries its own text (a check box, a button);
/// nothing when stacked.
pub fn no_label(ui: &mut Ui) {
    if !stacked(ui) {
        ui.label("");
    }
}

fn label(ui: &mut Ui, text: &str, help: &str) -> Response {
    ui.label(text).on_hover_text(help)
}

/// A one-line text field.
pub fn text(ui: &mut Ui, name: &str, help: &str, value: &mut String) -> bool {
    let l = label(ui, name, help);
    let r = ui
        .add(TextEdit::singleline(value).desired_width(f32::INFINITY))
        .labelled_by(l.id)
        .on_hover_text(help);
    end_row(ui);
    r.changed()
}

/// A one-line text field showing `hint` while empty.
pub fn text_with_hint(ui: &mut Ui, name: &str, help: &str, value: &mut String, hint: &str) -> bool {
    let l = label(ui, name, help);
    let r = ui
        .add(
            TextEdit::singleline(value)
                .hint_text(hint)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(l.id)
        .on_hover_text(help);
    end_row(ui);
    r.changed()
}

/// A multi-line text field.
pub fn multiline(ui: &mut Ui, name: &str, help: &str, value: &mut String) -> bool {
    let l = label(ui, name, help);
    let r = ui
        .add(
            TextEdit::multiline(value)
                .desired_rows(3)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(l.id)
        .on_hover_text(help);
    end_row(ui);
    r.changed()
}

/// A check box; its own text is the label.
pub fn flag(ui: &mut Ui, name: &str, help: &str, value: &mut bool) -> bool {
    no_label(ui);
    let r = ui.checkbox(value, name).on_hover_text(help);
    end_row(ui);
    r.changed()
}

/// A combo box over an enum; each choice has its own hover text.
pub fn choice<T: Choice>(ui: &mut Ui, name: &str, help: &str, value: &mut T) -> bool {
    let l = label(ui, name, help);
    let mut changed = false;
    let r = ComboBox::from_id_salt(name)
        .selected_text(value.label())
        .show_ui(ui, |ui| {
            for c in T::all() {
                if ui
                    .selectable_value(value, *c, c.label())
                    .on_hover_text(c.help())
                    .changed()
                {
                    changed = true;
                }
            }
        })
        .response
        .labelled_by(l.id)
        .on_hover_text(format!(
            "{help}\n\nNow: {} — {}",
            value.label(),
            value.help()
        ));
    let _ = r;
    end_row(ui);
    changed
}

/// What a multi-select shows while closed: the picks, cut short to keep the form narrow.
fn summary(items: &[&str]) -> String {
    const MAX_CHARS: usize = 24;
    let text = match items.len() {
        0 => return "(none)".to_owned(),
        1..=2 => items.join(", "),
        n => format!("{}, {} and {} more", items[0], items[1], n - 2),
    };
    if text.chars().count() > MAX_CHARS {
        let cut: String = text.chars().take(MAX_CHARS - 1).collect();
        format!("{cut}… ({})", items.len())
    } else {
        text
    }
}

/// Several values of an enum, picked with check boxes in a menu.
pub fn choices<T: Choice>(ui: &mut Ui, name: &str, help: &str, values: &mut Vec<T>) -> bool {
    let l = label(ui, name, help);
    let mut changed = false;
    let shown: Vec<&str> = values.iter().map(|v| v.label()).collect();
    let r = ui
        .menu_button(summary(&shown), |ui| {
            for c in T::all() {
                let mut on = values.contains(c);
                if ui
                    .checkbox(&mut on, c.label())
                    .on_hover_text(c.help())
                    .changed()
                {
                    if on {
                        values.push(*c);
                        // Keep the enum's order, so files stay stable however items were ticked.
                        values.sort_by_key(|v| T::all().iter().position(|a| a == v));
                    } else {
                        values.retain(|v| v != c);
                    }
                    changed = true;
                }
            }
        })
        .response;
    r.labelled_by(l.id).on_hover_text(help);
    end_row(ui);
    changed
}

/// One reference picked from a list of names (`None` allowed, shown as `none_label`).
pub fn reference<Id: Clone + PartialEq>(
    ui: &mut Ui,
    name: &str,
    help: &str,
    value: &mut Option<Id>,
    options: &[(Id, String)],
    none_label: &str,
) -> bool {
    let l = label(ui, name, help);
    let current = match value {
        Some(id) => options
            .iter()
            .find(|(o, _)| o == id)
            .map_or("(missing)".to_owned(), |(_, n)| n.clone()),
        None => none_label.to_owned(),
    };
    let mut changed = false;
    ComboBox::from_id_salt(name)
        .selected_text(current)
        .show_ui(ui, |ui| {
            if ui.selectable_label(value.is_none(), none_label).clicked() && value.is_some() {
                *value = None;
                changed = true;
            }
            for (id, n) in options {
                let selected = value.as_ref() == Some(id);
                if ui.selectable_label(selected, n).clicked() && !selected {
                    *value = Some(id.clone());
                    changed = true;
                }
            }
        })
        .response
        .labelled_by(l.id)
        .on_hover_text(help);
    end_row(ui);
    changed
}

/// Several references picked with check boxes from a list of names.
pub fn references<Id: Clone + PartialEq>(
    ui: &mut Ui,
    name: &str,
    help: &str,
    values: &mut Vec<Id>,
    options: &[(Id, String)],
) -> bool {
    let l = label(ui, name, help);
    let shown: Vec<&str> = values
        .iter()
        .map(|v| {
            options
                .iter()
                .find(|(o, _)| o == v)
                .map_or("(missing)", |(_, n)| n.as_str())
        })
        .collect();
    let mut changed = false;
    ui.menu_button(summary(&shown), |ui| {
        if options.is_empty() {
            ui.label("Nothing to pick yet: add some first.");
        }
        egui::ScrollArea::vertical()
            .max_height(theme::MENU_LIST_HEIGHT)
            .show(ui, |ui| {
                for (id, n) in options {
                    let mut on = values.contains(id);
                    if ui.checkbox(&mut on, n).changed() {
                        if on {
                            values.push(id.clone());
                        } else {
                            values.retain(|v| v != id);
                        }
                        changed = true;
                    }
                }
            });
    })
    .response
    .labelled_by(l.id)
    .on_hover_text(help);
    end_row(ui);
    changed
}

/// A whole number.
pub fn count(ui: &mut Ui, name: &str, help: &str, value: &mut u32) -> bool {
    let l = label(ui, name, help);
    let r = ui
        .add(egui::DragValue::new(value).speed(10.0).range(0..=2_000_000))
        .labelled_by(l.id)
        .on_hover_text(help);
    end_row(ui);
    r.changed()
}

/// A position on one chart axis, −1 … 1: a slider and a typed value.
pub fn axis(ui: &mut Ui, name: &str, help: &str, value: &mut f64) -> bool {
    let l = label(ui, name, help);
    let mut changed = false;
    ui.horizontal(|ui| {
        let s = ui
            .add(egui::Slider::new(value, -1.0..=1.0).show_value(false))
            .labelled_by(l.id)
            .on_hover_text(help);
        let d = ui
            .add(
                egui::DragValue::new(value)
                    .speed(0.01)
                    .range(-1.0..=1.0)
                    .max_decimals(2),
            )
            .labelled_by(l.id)
            .on_hover_text(help);
        changed = s.changed() || d.changed();
    });
    end_row(ui);
    changed
}

/// A year-month typed as `YYYY-MM`; shown in the warning colour until it parses.
pub fn date(ui: &mut Ui, name: &str, help: &str, value: &mut YearMonth) -> bool {
    let l = label(ui, name, help);
    let changed = date_edit(ui, name, help, value, l.id);
    end_row(ui);
    changed
}

fn date_edit(ui: &mut Ui, name: &str, help: &str, value: &mut YearMonth, label_id: Id) -> bool {
    let id = ui.make_persistent_id(("date", name));
    let mut buffer: String = ui
        .data(|d| d.get_temp::<String>(id))
        .unwrap_or_else(|| value.to_string());
    let parsed = buffer.parse::<YearMonth>();
    let mut edit = TextEdit::singleline(&mut buffer)
        .desired_width(theme::DATE_WIDTH)
        .hint_text("YYYY-MM");
    if parsed.is_err() {
        edit = edit.text_color(theme::invalid_color(ui.visuals().dark_mode));
    }
    let r = ui
        .add(edit)
        .labelled_by(label_id)
        .on_hover_text(format!("{help}\n\nWrite the year and month, e.g. 2008-12."));
    let mut changed = false;
    if r.changed()
        && let Ok(d) = buffer.parse::<YearMonth>()
        && d != *value
    {
        *value = d;
        changed = true;
    }
    if r.has_focus() {
        ui.data_mut(|d| d.insert_temp(id, buffer));
    } else {
        // Not being edited: show the model's value (undo, other edits).
        ui.data_mut(|d| d.remove::<String>(id));
    }
    changed
}

/// An optional year-month: a check box to set it, then the date.
pub fn optional_date(
    ui: &mut Ui,
    name: &str,
    help: &str,
    value: &mut Option<YearMonth>,
    default: YearMonth,
    none_label: &str,
) -> bool {
    let l = label(ui, name, help);
    let mut changed = false;
    ui.horizontal(|ui| {
        let mut set = value.is_some();
        if ui
            .checkbox(&mut set, "")
            .labelled_by(l.id)
            .on_hover_text(format!("{help}\n\nUntick: {none_label}."))
            .changed()
        {
            *value = set.then_some(value.unwrap_or(default));
            changed = true;
        }
        match value {
            Some(d) => changed |= date_edit(ui, name, help, d, l.id),
            None => {
                ui.weak(none_label);
            }
        }
    });
    end_row(ui);
    changed
}

/// A compact provenance badge: "paper §V", "general knowledge", "invented" or "PeaceOps", in
/// the source's colour, with a hover text saying what it means. Its accessible label is
/// "Source: …". Call it wherever a fact or template text is shown (e.g. a chart hover card,
/// after the claim's text).
pub fn provenance_badge_ui(ui: &mut Ui, source: &Source) -> Response {
    let dark = ui.visuals().dark_mode;
    let color = theme::provenance_color(source, dark);
    let text = egui::RichText::new(format!("[{}]", source.badge()))
        .small()
        .color(color);
    let r = ui.label(text).on_hover_text(source.meaning());
    let label = format!("Source: {}", source.badge());
    r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &label));
    r
}

/// Claims as wrapped text, each sentence followed by its provenance badge.
pub fn claims_ui(ui: &mut Ui, claims: &[Claim]) {
    ui.horizontal_wrapped(|ui| {
        for c in claims {
            ui.label(&c.text);
            provenance_badge_ui(ui, &c.source);
        }
    });
}

/// A form row "Sources" listing an entity's claims with their badges (read-only); nothing when
/// the entity has none.
pub fn sources_row(ui: &mut Ui, claims: &[Claim]) {
    sources_row_named(
        ui,
        "Sources",
        "Where the facts in the notes come from: the SIPRI paper (with section), general knowledge, or invented for this scenario.",
        claims,
    );
}

/// [`sources_row`] under another label, for a form with more than one sourced text.
pub fn sources_row_named(ui: &mut Ui, name: &str, help: &str, claims: &[Claim]) {
    if claims.is_empty() {
        return;
    }
    label(ui, name, help);
    ui.vertical(|ui| sources_list_ui(ui, claims));
    end_row(ui);
}

/// An entity's sources as a list, one claim a line, badge first (for a hover card or a
/// detail pane; [`sources_row`] puts the same list in a form).
pub fn sources_list_ui(ui: &mut Ui, claims: &[Claim]) {
    for c in claims {
        ui.horizontal_wrapped(|ui| {
            provenance_badge_ui(ui, &c.source);
            ui.label(&c.text);
        });
    }
}

/// The width of `text` laid out on one line in `style` (to decide what fits before drawing it).
pub fn text_width(ui: &Ui, text: &str, style: egui::TextStyle) -> f32 {
    egui::WidgetText::from(text)
        .into_galley(ui, Some(TextWrapMode::Extend), f32::INFINITY, style)
        .size()
        .x
}
