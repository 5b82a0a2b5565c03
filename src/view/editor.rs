//! The editor panel: tabs for the scenario, the host state, crime groups, missions, other actors
//! and activities. Lists have Add, Duplicate and Delete; the selected entity's form is below.

use egui::{ScrollArea, Ui};

use super::forms::{self, RefOptions};
use super::{Selection, Tab, ViewState};
use crate::command::{Command, UiCommand};
use crate::document::Document;
use crate::model::{
    Activity, Actor, ActorKind, CrimeGroup, Edit, EntityId, Mission, Region, Scenario,
};
use crate::theme;

/// Draws the editor.
pub fn editor_ui(ui: &mut Ui, doc: &Document, view: &mut ViewState, out: &mut Vec<Command>) {
    ui.horizontal_wrapped(|ui| {
        for tab in Tab::ALL {
            ui.selectable_value(&mut view.tab, *tab, tab.label());
        }
    });
    ui.separator();
    let s = doc.scenario();
    match view.tab {
        Tab::Scenario => scenario_tab(ui, s, out),
        Tab::Host => host_tab(ui, s, out),
        Tab::Groups => groups_tab(ui, s, view, out),
        Tab::Missions => missions_tab(ui, s, view, out),
        Tab::Actors => actors_tab(ui, s, view, out),
        Tab::Activities => activities_tab(ui, s, view, out),
    }
    view.reveal_selection = false;
}

fn scenario_tab(ui: &mut Ui, s: &Scenario, out: &mut Vec<Command>) {
    let (mut title, mut description, mut timeline) =
        (s.title.clone(), s.description.clone(), s.timeline);
    ScrollArea::vertical()
        .id_salt("scenario form")
        .show(ui, |ui| {
            if forms::scenario_form(
                ui,
                &mut title,
                &mut description,
                &mut timeline,
                forms::fallback_date(s),
            ) {
                out.push(Command::Edit(Edit::SetMeta {
                    title,
                    description,
                    timeline,
                }));
            }
        });
}

fn host_tab(ui: &mut Ui, s: &Scenario, out: &mut Vec<Command>) {
    let mut host = s.host.clone();
    let fresh = s.fresh_id("region");
    let mut delete: Option<Region> = None;
    ScrollArea::vertical().id_salt("host form").show(ui, |ui| {
        if forms::host_form(ui, &mut host, &fresh, &mut delete) {
            out.push(Command::Edit(Edit::SetHost(host)));
        }
    });
    if let Some(r) = delete {
        out.push(Command::ConfirmDelete(EntityId::Region(r.id)));
    }
}

/// Add / Duplicate / Delete buttons above a list.
fn list_buttons(ui: &mut Ui, noun: &str, has_selection: bool) -> (bool, bool, bool) {
    let mut r = (false, false, false);
    ui.horizontal(|ui| {
        r.0 = ui
            .button(format!("Add {noun}"))
            .on_hover_text(format!("Add a new {noun}."))
            .clicked();
        r.1 = ui
            .add_enabled(
                has_selection,
                egui::Button::new(format!("Duplicate {noun}")),
            )
            .on_hover_text(format!(
                "Copy the selected {noun} (as a new one, with a new id)."
            ))
            .clicked();
        r.2 = ui
            .add_enabled(has_selection, egui::Button::new(format!("Delete {noun}")))
            .on_hover_text(format!(
                "Delete the selected {noun}. You can undo it (Ctrl+Z)."
            ))
            .clicked();
    });
    r
}

/// One row of a list: selectable, one line, cut short with "…" when too long.
fn list_row(ui: &mut Ui, selected: bool, text: &str) -> egui::Response {
    ui.add_sized(
        [ui.available_width(), theme::ROW_HEIGHT - 4.0],
        // The empty right text pushes the title to the left edge.
        egui::Button::selectable(selected, text)
            .truncate()
            .right_text(""),
    )
    .on_hover_text(text)
}

/// Scrolls a list drawn by `show_rows` just enough to show row `row` (which may be outside
/// `range`, the rows being drawn).
fn reveal_row(ui: &Ui, range: &std::ops::Range<usize>, row: usize) {
    let step = theme::ROW_HEIGHT + ui.spacing().item_spacing.y;
    let area = ui.max_rect();
    let top = area.top() + (row as f32 - range.start as f32) * step;
    let rect = egui::Rect::from_min_size(
        egui::pos2(area.left(), top),
        egui::vec2(area.width(), theme::ROW_HEIGHT),
    );
    ui.scroll_to_rect(rect, None);
}

/// A selectable list of `total` rows, drawn a screenful at a time; `text(i)` is row `i`'s text.
/// `reveal`: scroll the selected row into view. Returns the row clicked.
fn row_list(
    ui: &mut Ui,
    id: &str,
    total: usize,
    selected: Option<usize>,
    reveal: bool,
    empty: &str,
    text: impl Fn(usize) -> String,
) -> Option<usize> {
    let mut clicked = None;
    let height = (total.max(1) as f32 * theme::ROW_HEIGHT)
        .min(ui.available_height() * 0.35)
        .max(theme::ROW_HEIGHT * 3.0);
    ScrollArea::vertical()
        .id_salt(id)
        .max_height(height)
        .auto_shrink([false, true])
        .show_rows(ui, theme::ROW_HEIGHT, total, |ui, range| {
            if let Some(row) = selected.filter(|_| reveal) {
                reveal_row(ui, &range, row);
            }
            ui.with_layout(egui::Layout::top_down_justified(egui::Align::LEFT), |ui| {
                for i in range {
                    if list_row(ui, selected == Some(i), &text(i)).clicked() {
                        clicked = Some(i);
                    }
                }
            });
        });
    if total == 0 {
        ui.weak(empty);
    }
    ui.separator();
    clicked
}

/// A selectable list of (id, name) pairs; returns the id clicked. `reveal`: scroll the selected
/// name into view.
fn name_list(
    ui: &mut Ui,
    id: &str,
    names: &[(String, String)],
    selected: Option<&str>,
    reveal: bool,
) -> Option<String> {
    let selected = selected.and_then(|sel| names.iter().position(|(key, _)| key == sel));
    row_list(
        ui,
        id,
        names.len(),
        selected,
        reveal,
        "Nothing here yet.",
        |i| names[i].1.clone(),
    )
    .map(|i| names[i].0.clone())
}

fn groups_tab(ui: &mut Ui, s: &Scenario, view: &mut ViewState, out: &mut Vec<Command>) {
    let selected = match &view.selection {
        Some(Selection::Group(id)) => s.groups.iter().find(|g| &g.id == id),
        _ => None,
    };
    let (add, dup, del) = list_buttons(ui, "crime group", selected.is_some());
    if add {
        let id = s.fresh_id("group");
        out.push(Command::Edit(Edit::AddGroup(CrimeGroup::new(
            id.as_str().into(),
            "New crime group",
        ))));
        out.push(Command::Select(Selection::Group(id.as_str().into())));
    }
    if let Some(g) = selected {
        if dup {
            let mut copy = g.clone();
            copy.id = s.fresh_id("group").as_str().into();
            copy.name = format!("{} (copy)", g.name);
            out.push(Command::Select(Selection::Group(copy.id.clone())));
            out.push(Command::Edit(Edit::AddGroup(copy)));
        }
        if del {
            out.push(Command::ConfirmDelete(EntityId::Group(g.id.clone())));
        }
    }
    let names: Vec<(String, String)> = s
        .groups
        .iter()
        .map(|g| (g.id.0.clone(), g.name.clone()))
        .collect();
    if let Some(id) = name_list(
        ui,
        "group list",
        &names,
        selected.map(|g| g.id.as_str()),
        view.reveal_selection,
    ) {
        out.push(Command::Select(Selection::Group(id.as_str().into())));
    }
    if let Some(g) = selected {
        let mut edited = g.clone();
        let opts = RefOptions::new(s);
        ScrollArea::vertical().id_salt("group form").show(ui, |ui| {
            if forms::group_form(ui, &mut edited, &opts) {
                out.push(Command::Edit(Edit::UpdateGroup(edited)));
            }
        });
    }
}

fn missions_tab(ui: &mut Ui, s: &Scenario, view: &mut ViewState, out: &mut Vec<Command>) {
    let selected = match &view.selection {
        Some(Selection::Mission(id)) => s.missions.iter().find(|m| &m.id == id),
        _ => None,
    };
    let (add, dup, del) = list_buttons(ui, "mission", selected.is_some());
    if add {
        let id = s.fresh_id("mission");
        let m = Mission::new(id.as_str().into(), "New mission", forms::fallback_date(s));
        out.push(Command::Edit(Edit::AddMission(m)));
        out.push(Command::Select(Selection::Mission(id.as_str().into())));
    }
    if let Some(m) = selected {
        if dup {
            let mut copy = m.clone();
            copy.id = s.fresh_id("mission").as_str().into();
            copy.name = format!("{} (copy)", m.name);
            if !copy.acronym.is_empty() {
                copy.acronym = format!("{} (copy)", m.acronym);
            }
            out.push(Command::Select(Selection::Mission(copy.id.clone())));
            out.push(Command::Edit(Edit::AddMission(copy)));
        }
        if del {
            out.push(Command::ConfirmDelete(EntityId::Mission(m.id.clone())));
        }
    }
    let names: Vec<(String, String)> = s
        .missions
        .iter()
        .map(|m| {
            (
                m.id.0.clone(),
                format!(
                    "{} — {}, {}",
                    m.short_name(),
                    m.organization.label(),
                    m.kind.label()
                ),
            )
        })
        .collect();
    if let Some(id) = name_list(
        ui,
        "mission list",
        &names,
        selected.map(|m| m.id.as_str()),
        view.reveal_selection,
    ) {
        out.push(Command::Select(Selection::Mission(id.as_str().into())));
    }
    if let Some(m) = selected {
        let mut edited = m.clone();
        let opts = RefOptions::new(s);
        ScrollArea::vertical()
            .id_salt("mission form")
            .show(ui, |ui| {
                if forms::mission_form(ui, &mut edited, &opts) {
                    out.push(Command::Edit(Edit::UpdateMission(edited)));
                }
            });
    }
}

fn actors_tab(ui: &mut Ui, s: &Scenario, view: &mut ViewState, out: &mut Vec<Command>) {
    let selected = match &view.selection {
        Some(Selection::Actor(id)) => s.actors.iter().find(|a| &a.id == id),
        _ => None,
    };
    let (add, dup, del) = list_buttons(ui, "actor", selected.is_some());
    if add {
        let id = s.fresh_id("actor");
        out.push(Command::Edit(Edit::AddActor(Actor {
            id: id.as_str().into(),
            name: "New actor".into(),
            kind: ActorKind::CivilSociety,
            notes: String::new(),
            sources: Vec::new(),
        })));
        out.push(Command::Select(Selection::Actor(id.as_str().into())));
    }
    if let Some(a) = selected {
        if dup {
            let mut copy = a.clone();
            copy.id = s.fresh_id("actor").as_str().into();
            copy.name = format!("{} (copy)", a.name);
            out.push(Command::Select(Selection::Actor(copy.id.clone())));
            out.push(Command::Edit(Edit::AddActor(copy)));
        }
        if del {
            out.push(Command::ConfirmDelete(EntityId::Actor(a.id.clone())));
        }
    }
    let names: Vec<(String, String)> = s
        .actors
        .iter()
        .map(|a| (a.id.0.clone(), format!("{} ({})", a.name, a.kind.label())))
        .collect();
    if let Some(id) = name_list(
        ui,
        "actor list",
        &names,
        selected.map(|a| a.id.as_str()),
        view.reveal_selection,
    ) {
        out.push(Command::Select(Selection::Actor(id.as_str().into())));
    }
    if let Some(a) = selected {
        let mut edited = a.clone();
        ScrollArea::vertical().id_salt("actor form").show(ui, |ui| {
            if forms::actor_form(ui, &mut edited) {
                out.push(Command::Edit(Edit::UpdateActor(edited)));
            }
        });
    }
}

fn activities_tab(ui: &mut Ui, s: &Scenario, view: &mut ViewState, out: &mut Vec<Command>) {
    let selected_row = match &view.selection {
        Some(Selection::Activity(id)) => s.activities.iter().position(|a| &a.id == id),
        _ => None,
    };
    let selected = selected_row.map(|i| &s.activities[i]);
    let (add, dup, del) = list_buttons(ui, "activity", selected.is_some());
    if ui
        .button(UiCommand::AddFromCatalogue.text())
        .on_hover_text(UiCommand::AddFromCatalogue.text_and_tooltip().1)
        .clicked()
    {
        out.push(Command::Ui(UiCommand::AddFromCatalogue));
    }
    if add {
        let id = s.fresh_id("activity");
        let mut a = Activity::new(id.as_str().into(), "New activity", -0.5, 0.5);
        a.mission = view.filter.mission.clone();
        out.push(Command::Edit(Edit::AddActivity(a)));
        out.push(Command::Select(Selection::Activity(id.as_str().into())));
    }
    if let Some(a) = selected {
        if dup {
            let mut copy = a.clone();
            copy.id = s.fresh_id("activity").as_str().into();
            copy.title = format!("{} (copy)", a.title);
            // Offset the copy so both markers stay visible.
            copy.x = (a.x + 0.05).clamp(-1.0, 1.0);
            copy.y = (a.y - 0.05).clamp(-1.0, 1.0);
            out.push(Command::Select(Selection::Activity(copy.id.clone())));
            out.push(Command::Edit(Edit::AddActivity(copy)));
        }
        if del {
            out.push(Command::ConfirmDelete(EntityId::Activity(a.id.clone())));
        }
    }
    // A long list: only the visible rows are laid out.
    let mission_name = |a: &Activity| {
        a.mission
            .as_ref()
            .and_then(|id| s.missions.iter().find(|m| &m.id == id))
            .map_or("no mission", |m| m.short_name())
            .to_owned()
    };
    let clicked = row_list(
        ui,
        "activity list",
        s.activities.len(),
        selected_row,
        view.reveal_selection,
        "No activities yet: add one, or pick from the catalogue.",
        |i| {
            let a = &s.activities[i];
            format!("{} — {}", a.title, mission_name(a))
        },
    );
    if let Some(i) = clicked {
        out.push(Command::Select(Selection::Activity(
            s.activities[i].id.clone(),
        )));
    }
    if let Some(a) = selected {
        let mut edited = a.clone();
        let opts = RefOptions::new(s);
        ScrollArea::vertical()
            .id_salt("activity form")
            .show(ui, |ui| {
                if forms::activity_form(ui, &mut edited, &opts, s) {
                    out.push(Command::Edit(Edit::UpdateActivity(edited)));
                }
            });
    }
}
