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
    let selected_activity = match &view.selection {
        Some(Selection::Activity(id)) => Some(id.clone()),
        _ => None,
    };
    match view.tab {
        Tab::Scenario => scenario_tab(ui, s, out),
        Tab::Host => host_tab(ui, s, out),
        Tab::Groups => entity_tab::<CrimeGroup>(ui, s, view, out, |_, _| {}),
        Tab::Missions => entity_tab::<Mission>(ui, s, view, out, |_, _| {}),
        Tab::Actors => entity_tab::<Actor>(ui, s, view, out, |_, _| {}),
        Tab::Activities => entity_tab::<Activity>(ui, s, view, out, |ui, out| {
            if ui
                .button(UiCommand::AddFromCatalogue.text())
                .on_hover_text(UiCommand::AddFromCatalogue.text_and_tooltip().1)
                .clicked()
            {
                out.push(Command::Ui(UiCommand::AddFromCatalogue));
            }
            super::options::move_copy_ui(ui, s, selected_activity.as_ref(), out);
        }),
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
                &s.description_sources,
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
    ui.horizontal_wrapped(|ui| {
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
/// It fills `share` of the height left (whole rows only), all of it when nothing is below.
/// `reveal`: scroll the selected row into view. Returns the row clicked.
#[expect(
    clippy::too_many_arguments,
    reason = "one call site, naming each part of the list"
)]
fn row_list(
    ui: &mut Ui,
    id: &str,
    total: usize,
    selected: Option<usize>,
    reveal: bool,
    empty: &str,
    share: f32,
    text: impl Fn(usize) -> String,
) -> Option<usize> {
    let mut clicked = None;
    if total == 0 {
        ui.weak(empty);
        ui.separator();
        return None;
    }
    let step = theme::ROW_HEIGHT + ui.spacing().item_spacing.y;
    let room = ui.available_height() * share;
    let rows = ((room / step).floor() as usize).clamp(3, total.max(3));
    let height = rows as f32 * step - ui.spacing().item_spacing.y;
    ScrollArea::vertical()
        .id_salt(id)
        .min_scrolled_height(height)
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
    ui.separator();
    clicked
}

/// Share of the height the list takes when a form is below it.
const LIST_SHARE: f32 = 0.4;

/// An entity the editor lists, with Add, Duplicate and Delete and a form for the selected one.
/// One generic tab ([`entity_tab`]) serves crime groups, missions, other actors and activities.
trait Listed: Clone + Sized {
    /// "crime group": the buttons read "Add crime group" and so on.
    const NOUN: &'static str;
    /// Id prefix of new ones (and the list's id).
    const PREFIX: &'static str;
    /// Shown when there are none.
    const EMPTY: &'static str = "Nothing here yet.";
    /// The scenario's list of them.
    fn all(s: &Scenario) -> &[Self];
    /// Its id.
    fn id(&self) -> &str;
    /// The selection that picks it.
    fn select(id: &str) -> Selection;
    /// The id, if the selection is one of these.
    fn is(sel: &Selection) -> Option<&str>;
    /// Its row in the list.
    fn row(&self, s: &Scenario) -> String;
    /// A new one.
    fn fresh(s: &Scenario, id: &str, view: &ViewState) -> Self;
    /// A copy with a new id.
    fn copy(&self, id: &str) -> Self;
    /// The edit that adds it.
    fn add(self) -> Edit;
    /// The edit that replaces it.
    fn update(self) -> Edit;
    /// What deleting it deletes.
    fn entity(&self) -> EntityId;
    /// Its form; returns whether it changed.
    fn form(ui: &mut Ui, value: &mut Self, s: &Scenario) -> bool;
}

impl Listed for CrimeGroup {
    const NOUN: &'static str = "crime group";
    const PREFIX: &'static str = "group";
    fn all(s: &Scenario) -> &[Self] {
        &s.groups
    }
    fn id(&self) -> &str {
        self.id.as_str()
    }
    fn select(id: &str) -> Selection {
        Selection::Group(id.into())
    }
    fn is(sel: &Selection) -> Option<&str> {
        match sel {
            Selection::Group(id) => Some(id.as_str()),
            _ => None,
        }
    }
    fn row(&self, _s: &Scenario) -> String {
        self.name.clone()
    }
    fn fresh(_s: &Scenario, id: &str, _view: &ViewState) -> Self {
        CrimeGroup::new(id.into(), "New crime group")
    }
    fn copy(&self, id: &str) -> Self {
        let mut copy = self.clone();
        copy.id = id.into();
        copy.name = format!("{} (copy)", self.name);
        copy
    }
    fn add(self) -> Edit {
        Edit::AddGroup(self)
    }
    fn update(self) -> Edit {
        Edit::UpdateGroup(self)
    }
    fn entity(&self) -> EntityId {
        EntityId::Group(self.id.clone())
    }
    fn form(ui: &mut Ui, value: &mut Self, s: &Scenario) -> bool {
        forms::group_form(ui, value, &RefOptions::new(s))
    }
}

impl Listed for Mission {
    const NOUN: &'static str = "mission";
    const PREFIX: &'static str = "mission";
    fn all(s: &Scenario) -> &[Self] {
        &s.missions
    }
    fn id(&self) -> &str {
        self.id.as_str()
    }
    fn select(id: &str) -> Selection {
        Selection::Mission(id.into())
    }
    fn is(sel: &Selection) -> Option<&str> {
        match sel {
            Selection::Mission(id) => Some(id.as_str()),
            _ => None,
        }
    }
    fn row(&self, _s: &Scenario) -> String {
        format!(
            "{} — {}, {}",
            self.short_name(),
            self.organization.label(),
            self.kind.label()
        )
    }
    fn fresh(s: &Scenario, id: &str, _view: &ViewState) -> Self {
        Mission::new(id.into(), "New mission", forms::fallback_date(s))
    }
    fn copy(&self, id: &str) -> Self {
        let mut copy = self.clone();
        copy.id = id.into();
        copy.name = format!("{} (copy)", self.name);
        if !copy.acronym.is_empty() {
            copy.acronym = format!("{} (copy)", self.acronym);
        }
        copy
    }
    fn add(self) -> Edit {
        Edit::AddMission(self)
    }
    fn update(self) -> Edit {
        Edit::UpdateMission(self)
    }
    fn entity(&self) -> EntityId {
        EntityId::Mission(self.id.clone())
    }
    fn form(ui: &mut Ui, value: &mut Self, s: &Scenario) -> bool {
        forms::mission_form(ui, value, &RefOptions::new(s))
    }
}

impl Listed for Actor {
    const NOUN: &'static str = "actor";
    const PREFIX: &'static str = "actor";
    fn all(s: &Scenario) -> &[Self] {
        &s.actors
    }
    fn id(&self) -> &str {
        self.id.as_str()
    }
    fn select(id: &str) -> Selection {
        Selection::Actor(id.into())
    }
    fn is(sel: &Selection) -> Option<&str> {
        match sel {
            Selection::Actor(id) => Some(id.as_str()),
            _ => None,
        }
    }
    fn row(&self, _s: &Scenario) -> String {
        format!("{} ({})", self.name, self.kind.label())
    }
    fn fresh(_s: &Scenario, id: &str, _view: &ViewState) -> Self {
        Actor {
            id: id.into(),
            name: "New actor".into(),
            kind: ActorKind::CivilSociety,
            notes: String::new(),
            sources: Vec::new(),
        }
    }
    fn copy(&self, id: &str) -> Self {
        let mut copy = self.clone();
        copy.id = id.into();
        copy.name = format!("{} (copy)", self.name);
        copy
    }
    fn add(self) -> Edit {
        Edit::AddActor(self)
    }
    fn update(self) -> Edit {
        Edit::UpdateActor(self)
    }
    fn entity(&self) -> EntityId {
        EntityId::Actor(self.id.clone())
    }
    fn form(ui: &mut Ui, value: &mut Self, _s: &Scenario) -> bool {
        forms::actor_form(ui, value)
    }
}

impl Listed for Activity {
    const NOUN: &'static str = "activity";
    const PREFIX: &'static str = "activity";
    const EMPTY: &'static str = "No activities yet: add one, or pick from the catalogue.";
    fn all(s: &Scenario) -> &[Self] {
        &s.activities
    }
    fn id(&self) -> &str {
        self.id.as_str()
    }
    fn select(id: &str) -> Selection {
        Selection::Activity(id.into())
    }
    fn is(sel: &Selection) -> Option<&str> {
        match sel {
            Selection::Activity(id) => Some(id.as_str()),
            _ => None,
        }
    }
    fn row(&self, s: &Scenario) -> String {
        let mission = self
            .mission
            .as_ref()
            .and_then(|id| s.mission(id))
            .map_or("no mission", |m| m.short_name());
        format!("{} — {mission}", self.title)
    }
    fn fresh(_s: &Scenario, id: &str, view: &ViewState) -> Self {
        let mut a = Activity::new(id.into(), "New activity", -0.5, 0.5);
        a.mission = view.filter.mission.clone();
        a
    }
    fn copy(&self, id: &str) -> Self {
        let mut copy = self.clone();
        copy.id = id.into();
        copy.title = format!("{} (copy)", self.title);
        // Offset the copy so both markers stay visible.
        copy.x = (self.x + 0.05).clamp(-1.0, 1.0);
        copy.y = (self.y - 0.05).clamp(-1.0, 1.0);
        copy
    }
    fn add(self) -> Edit {
        Edit::AddActivity(self)
    }
    fn update(self) -> Edit {
        Edit::UpdateActivity(self)
    }
    fn entity(&self) -> EntityId {
        EntityId::Activity(self.id.clone())
    }
    fn form(ui: &mut Ui, value: &mut Self, s: &Scenario) -> bool {
        forms::activity_form(ui, value, &RefOptions::new(s), s)
    }
}

/// The tab of one kind of entity: Add / Duplicate / Delete, the list (a screenful at a time),
/// the selected one's form below. `extra` draws more buttons under the three.
fn entity_tab<T: Listed>(
    ui: &mut Ui,
    s: &Scenario,
    view: &mut ViewState,
    out: &mut Vec<Command>,
    extra: impl FnOnce(&mut Ui, &mut Vec<Command>),
) {
    let all = T::all(s);
    let row = view
        .selection
        .as_ref()
        .and_then(T::is)
        .and_then(|id| all.iter().position(|x| x.id() == id));
    let selected = row.map(|i| &all[i]);
    let (add, dup, del) = list_buttons(ui, T::NOUN, selected.is_some());
    extra(ui, out);
    if add {
        let id = s.fresh_id(T::PREFIX);
        out.push(Command::Edit(T::fresh(s, &id, view).add()));
        out.push(Command::Select(T::select(&id)));
    }
    if let Some(x) = selected {
        if dup {
            let copy = x.copy(&s.fresh_id(T::PREFIX));
            out.push(Command::Select(T::select(copy.id())));
            out.push(Command::Edit(copy.add()));
        }
        if del {
            out.push(Command::ConfirmDelete(x.entity()));
        }
    }
    let share = if selected.is_some() { LIST_SHARE } else { 1.0 };
    if let Some(i) = row_list(
        ui,
        &format!("{} list", T::PREFIX),
        all.len(),
        row,
        view.reveal_selection,
        T::EMPTY,
        share,
        |i| all[i].row(s),
    ) {
        out.push(Command::Select(T::select(all[i].id())));
    }
    if let Some(x) = selected {
        let mut edited = x.clone();
        ScrollArea::vertical()
            .id_salt(format!("{} form", T::PREFIX))
            .show(ui, |ui| {
                if T::form(ui, &mut edited, s) {
                    out.push(Command::Edit(edited.update()));
                }
            });
    }
}
