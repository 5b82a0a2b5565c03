//! The facilitator's console (the exercise's script, its runs and the decision log, in the left
//! panel in place of the editor), the hot wash window, and what the room's screen shows of the
//! inject last delivered. Everything here reads the [`Document`] and pushes [`Command`]s;
//! delivering, skipping and logging are edits, one undo step each.
//!
//! Controller notes and expected actions appear only in the console: the room's screen gets a
//! [`RoomInject`], which has no field for them.

use egui::{Id, RichText, ScrollArea, TextEdit, Ui};

use crate::command::{Command, UiCommand};
use crate::document::{Document, Origin, Replay};
use crate::exercise::{self, cli::describe};
use crate::lens::Lens;
use crate::model::{
    ActivityId, Capability, Consent, CrimeGroup, DeliveryState, Effect, FindingKey, HandoverScope,
    Inject, InjectId, Level, LogEntry, LogKind, PeaceRole, Run, RunId, Scenario, WallTime,
    YearMonth,
};
use crate::theme;

use super::forms::{RefOptions, group_form};
use super::widgets;

/// The label of the decision log's entry field (Ctrl+D focuses it).
pub const LOG_FIELD: &str = "Log entry";

/// What the console keeps between frames (not saved with the scenario).
#[derive(Default)]
pub struct ExerciseState {
    /// The console is shown (in the left panel, in place of the editor).
    pub open: bool,
    /// The name typed for the next run.
    pub run_name: String,
    /// The inject whose details and preview are shown.
    pub selected: Option<InjectId>,
    /// The decision-log entry being written (or edited).
    pub draft: LogDraft,
    /// The entry field is to take the keyboard focus (Ctrl+D).
    pub focus_log: bool,
    /// The decision log's page is shown (else the injects').
    pub log_page: bool,
    /// The index of the log entry being edited, if one is.
    pub editing: Option<usize>,
    /// The run whose hot wash window is open.
    pub hot_wash: Option<RunId>,
    /// The inject being authored (a new one, or a copy of one being edited).
    pub authoring: Option<Authoring>,
    /// Why the last action could not be done.
    pub error: Option<String>,
    preview: Option<(u64, InjectId, Result<PreviewText, String>)>,
    room: Option<(u64, Option<RoomInject>)>,
    /// Where the document the drafts above belong to came from.
    owner: Option<Origin>,
    /// What was being written in other documents of this session, by where each came from.
    kept: Vec<(Origin, Drafts)>,
}

/// What was being written in the console and is not in the file yet: the decision-log entry,
/// the inject being authored, the next run's name. It belongs to the file it was typed for.
#[derive(Clone, Debug, Default)]
struct Drafts {
    draft: LogDraft,
    editing: Option<usize>,
    authoring: Option<Authoring>,
    run_name: String,
}

impl Drafts {
    fn is_empty(&self) -> bool {
        self.draft.text.trim().is_empty()
            && self.draft.findings.is_empty()
            && self.draft.activities.is_empty()
            && self.editing.is_none()
            && self.authoring.is_none()
            && self.run_name.trim().is_empty()
    }

    /// What it holds, in words ("the decision-log entry and the inject").
    fn what(&self) -> String {
        let mut parts = Vec::new();
        if !self.draft.text.trim().is_empty() || self.editing.is_some() {
            parts.push("the decision-log entry");
        }
        if self.authoring.is_some() {
            parts.push("the inject");
        }
        if !self.run_name.trim().is_empty() {
            parts.push("the run's name");
        }
        if parts.is_empty() {
            parts.push("the links of the decision-log entry");
        }
        parts.join(" and ")
    }
}

/// The name a document goes by in a message.
fn origin_name(o: &Origin) -> String {
    match o {
        Origin::File(p) => p.file_name().map_or_else(
            || p.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        ),
        Origin::Reference(name) => format!("the reference scenario {name}"),
        Origin::New => "the new, unsaved scenario".to_owned(),
    }
}

impl ExerciseState {
    /// Notes that the drafts belong to the document from `origin` (the one on screen; after
    /// Save as, its new file). Called every frame: it copies only when the origin changes.
    pub fn belongs_to(&mut self, origin: &Origin) {
        if self.owner.as_ref() != Some(origin) {
            self.owner = Some(origin.clone());
        }
    }

    /// What is typed in the console and not recorded, in words ("the decision-log entry"), if
    /// anything is.
    pub fn unrecorded(&self) -> Option<String> {
        let d = Drafts {
            draft: self.draft.clone(),
            editing: self.editing,
            authoring: self.authoring.clone(),
            run_name: self.run_name.clone(),
        };
        (!d.is_empty()).then(|| d.what())
    }

    /// Another document replaces the one on screen and the console starts afresh: what was
    /// being written for the one before is kept (for this session) and comes back when a
    /// document from the same file is shown again; what was being written for `origin`, if
    /// anything, comes back now. Returns what to tell the user, when something was kept.
    pub fn document_replaced(&mut self, origin: &Origin) -> Option<String> {
        let mut kept = std::mem::take(&mut self.kept);
        let drafts = Drafts {
            draft: std::mem::take(&mut self.draft),
            editing: self.editing.take(),
            authoring: self.authoring.take(),
            run_name: std::mem::take(&mut self.run_name),
        };
        let mut note = None;
        if let Some(owner) = self.owner.take() {
            kept.retain(|(o, _)| *o != owner);
            if !drafts.is_empty() {
                if owner != *origin {
                    let back = if owner == Origin::New {
                        "in the next new scenario"
                    } else {
                        "when you open it again"
                    };
                    note = Some(format!(
                        "What you were writing in the console for {} ({}) is kept: it comes back {back}",
                        origin_name(&owner),
                        drafts.what()
                    ));
                }
                kept.push((owner, drafts));
            }
        }
        *self = Self::default();
        if let Some(at) = kept.iter().position(|(o, _)| o == origin) {
            let (_, d) = kept.remove(at);
            self.draft = d.draft;
            self.editing = d.editing;
            self.authoring = d.authoring;
            self.run_name = d.run_name;
        }
        self.kept = kept;
        self.owner = Some(origin.clone());
        note
    }
}

/// A decision-log entry being written.
#[derive(Clone, Debug, Default)]
pub struct LogDraft {
    /// Decision, observation, ...
    pub kind: LogKind,
    /// What was said or decided.
    pub text: String,
    /// Findings it concerns.
    pub findings: Vec<FindingKey>,
    /// Activities it concerns.
    pub activities: Vec<ActivityId>,
}

/// An inject being written in the console.
#[derive(Clone, Debug)]
pub struct Authoring {
    /// The inject as edited so far.
    pub draft: Inject,
    /// Whether it is new (added on save) or replaces the inject with its id.
    pub new: bool,
    /// The effect being put together, before Add effect.
    pub effect: Effect,
}

/// The preview of an inject, as sentences.
#[derive(Clone, Debug, PartialEq)]
struct PreviewText {
    raised: Vec<String>,
    changed: Vec<String>,
    cleared: Vec<String>,
}

/// What the room's screen shows of the inject last delivered: its title, the text read to the
/// room, its month and the risks it raised. Controller notes and expected actions have no place
/// here, so they cannot reach the room's screen.
#[derive(Clone, Debug, PartialEq)]
pub struct RoomInject {
    /// The inject's title.
    pub title: String,
    /// The text read to the room.
    pub text: String,
    /// Its scenario month, if it has one.
    pub at: Option<YearMonth>,
    /// The kinds of risk it raised (the rules' titles), each with how many findings of it.
    pub raised: Vec<(String, usize)>,
}

impl ExerciseState {
    /// The inject last delivered in the run the room is in (as far as a replay has gone), for
    /// the room's screen; cached by the document's view revision.
    pub fn room_inject(&mut self, doc: &Document) -> Option<RoomInject> {
        let key = doc.view_revision();
        if let Some((k, r)) = &self.room
            && *k == key
        {
            return r.clone();
        }
        let r = room_inject(doc);
        self.room = Some((key, r.clone()));
        r
    }
}

fn room_inject(doc: &Document) -> Option<RoomInject> {
    let run = doc.room_run()?;
    let s = doc.scenario();
    let steps = doc
        .replay()
        .map_or(run.deliveries.len(), |r| r.steps)
        .min(run.deliveries.len());
    let last = run.deliveries[..steps]
        .iter()
        .rposition(|d| d.state == DeliveryState::Delivered)?;
    let inject = s.inject(&run.deliveries[last].inject)?;
    // The risks it raised as the room sees them now (through the same lens as the checklist):
    // the board before it, previewed with it.
    let raised = exercise::run_board_upto(s, &run.id, last)
        .ok()
        .and_then(|before| exercise::preview_at(&before, &doc.lens(), inject).ok())
        .map(|p| {
            let texts = crate::rules::RiskCatalogue::builtin().ok();
            let mut kinds: Vec<(String, usize)> = Vec::new();
            for i in &p.raised {
                let rule = p.findings[*i].rule;
                let title = texts
                    .as_ref()
                    .and_then(|t| t.get(rule))
                    .map_or_else(|| rule.as_str().to_owned(), |r| r.title.clone());
                match kinds.iter_mut().find(|(t, _)| *t == title) {
                    Some((_, n)) => *n += 1,
                    None => kinds.push((title, 1)),
                }
            }
            kinds
        })
        .unwrap_or_default();
    Some(RoomInject {
        title: inject.title.clone(),
        text: inject.text.clone(),
        at: inject.at,
        raised,
    })
}

fn preview_text(doc: &Document, inject: &Inject) -> Result<PreviewText, String> {
    // Through the lens the room will look through once it is delivered: at the inject's month.
    let lens = exercise::delivery_lens(inject, doc.lens());
    let p = exercise::preview_at(doc.room(), &lens, inject).map_err(|e| e.to_string())?;
    let say = |i: &usize| p.findings[*i].message(&p.after);
    Ok(PreviewText {
        raised: p.raised.iter().map(say).collect(),
        changed: p.changed.iter().map(say).collect(),
        cleared: p.cleared.iter().map(|(_, m)| m.clone()).collect(),
    })
}

fn state_word(run: Option<&Run>, id: &InjectId) -> &'static str {
    match run.and_then(|r| r.state_of(id)) {
        Some(DeliveryState::Delivered) => "delivered",
        Some(DeliveryState::Skipped) => "skipped",
        None => "pending",
    }
}

fn month(at: Option<YearMonth>) -> String {
    at.map_or_else(|| "any time".to_owned(), |m| m.to_string())
}

/// The console: the run (start, end, replay), the script with each inject's state, the selected
/// inject with its preview, and the decision log.
pub fn console_ui(ui: &mut Ui, doc: &Document, state: &mut ExerciseState, out: &mut Vec<Command>) {
    ui.horizontal_wrapped(|ui| {
        ui.heading("Facilitator's console").on_hover_text(
            "Only you see this panel: controller notes never reach the room's screen.",
        );
        if ui
            .small_button("Back to the editor")
            .on_hover_text(UiCommand::Console.text_and_tooltip().1)
            .clicked()
        {
            out.push(Command::Ui(UiCommand::Console));
        }
    });
    if let Some(e) = &state.error {
        ui.colored_label(ui.visuals().error_fg_color, e);
    }
    if let Some(e) = doc.room_error() {
        ui.colored_label(
            ui.visuals().error_fg_color,
            format!("The room sees the plan: {e}"),
        );
    }
    ScrollArea::vertical()
        .id_salt("console")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            run_ui(ui, doc, state, out);
            ui.separator();
            let open = doc
                .room_run()
                .filter(|r| r.is_open() && doc.replay().is_none());
            if let Some(run) = open {
                // Two pages, so neither the script nor the log is below the other's fold.
                ui.horizontal(|ui| {
                    ui.selectable_value(&mut state.log_page, false, "Injects");
                    ui.selectable_value(
                        &mut state.log_page,
                        true,
                        format!("Decision log ({})", run.log.len()),
                    )
                    .on_hover_text(UiCommand::LogEntry.text_and_tooltip().1);
                });
                if state.log_page {
                    log_ui(ui, doc, run, state, out);
                    return;
                }
            }
            if state.authoring.is_some() {
                authoring_ui(ui, doc, state, out);
            } else {
                script_ui(ui, doc, state, out);
            }
        });
}

fn run_ui(ui: &mut Ui, doc: &Document, state: &mut ExerciseState, out: &mut Vec<Command>) {
    let s = doc.scenario();
    let run = doc.room_run();
    match (run, doc.replay()) {
        (Some(run), Some(replay)) => {
            ui.strong(format!("Replaying “{}” (closed, read-only)", run.name));
            let n = run.deliveries.len();
            ui.label(format!("Step {} of {n}", replay.steps.min(n)));
            ui.horizontal_wrapped(|ui| {
                let step = |steps| {
                    Command::SetReplay(Some(Replay {
                        run: run.id.clone(),
                        steps,
                    }))
                };
                if ui
                    .add_enabled(replay.steps > 0, egui::Button::new("Previous inject"))
                    .clicked()
                {
                    out.push(step(replay.steps - 1));
                }
                if ui
                    .add_enabled(replay.steps < n, egui::Button::new("Next inject"))
                    .clicked()
                {
                    out.push(step(replay.steps + 1));
                }
                if ui.button("Hot wash").clicked() {
                    state.hot_wash = Some(run.id.clone());
                }
                if ui.button("Stop replay").clicked() {
                    out.push(Command::SetReplay(None));
                }
            });
        }
        (Some(run), None) => {
            ui.strong(format!("Run “{}”, started {}", run.name, run.started));
            let delivered = run.delivered().count();
            let skipped = run.deliveries.len() - delivered;
            let pending = s
                .injects
                .iter()
                .filter(|i| run.state_of(&i.id).is_none())
                .count();
            ui.label(format!(
                "{delivered} delivered, {skipped} skipped, {pending} pending"
            ));
            ui.horizontal_wrapped(|ui| {
                if ui
                    .add_enabled(
                        !run.deliveries.is_empty(),
                        egui::Button::new("Undo delivery"),
                    )
                    .on_hover_text("Withdraw the last delivery or skip of this run")
                    .clicked()
                {
                    out.push(Command::Edit(crate::model::Edit::WithdrawDelivery {
                        run: run.id.clone(),
                    }));
                }
                if ui
                    .button("End exercise")
                    .on_hover_text("Close the run and show its hot wash; it stays in the file")
                    .clicked()
                {
                    out.push(Command::Edit(crate::model::Edit::EndRun {
                        run: run.id.clone(),
                        when: WallTime::now().max(run.started),
                    }));
                    state.hot_wash = Some(run.id.clone());
                    state.editing = None;
                }
            });
        }
        (None, _) => {
            widgets::form(ui, "start run", |ui| {
                widgets::text_with_hint(
                    ui,
                    "Run name",
                    "A name for this run of the exercise, e.g. the workshop and group",
                    &mut state.run_name,
                    &default_run_name(s),
                );
            });
            if ui
                .add_enabled(!s.injects.is_empty(), egui::Button::new("Start exercise"))
                .on_hover_text(
                    "Start a run: deliver the injects one by one, log what the room decides",
                )
                .clicked()
            {
                let id = crate::model::fresh_id("run", s.runs.iter().map(|r| r.id.as_str()));
                let name = match state.run_name.trim() {
                    "" => default_run_name(s),
                    n => n.to_owned(),
                };
                out.push(Command::Edit(crate::model::Edit::StartRun(Run::new(
                    &id,
                    &name,
                    WallTime::now(),
                ))));
                state.run_name.clear();
                state.selected = None;
            }
            if s.injects.is_empty() {
                ui.weak(
                    "The script has no injects yet: add one below, or import an MSEL (File menu).",
                );
            }
            let closed: Vec<&Run> = s.runs.iter().filter(|r| !r.is_open()).collect();
            if !closed.is_empty() {
                ui.label("Closed runs:");
                for r in closed {
                    ui.horizontal_wrapped(|ui| {
                        ui.label(format!("{} ({})", r.name, r.started));
                        if ui
                            .small_button(format!("Review {}", r.name))
                            .on_hover_text("Step through this run's injects again, read-only, with its hot wash")
                            .clicked()
                        {
                            out.push(Command::SetReplay(Some(Replay {
                                run: r.id.clone(),
                                steps: r.deliveries.len(),
                            })));
                            state.hot_wash = Some(r.id.clone());
                        }
                    });
                }
            }
        }
    }
}

fn default_run_name(s: &Scenario) -> String {
    format!("Run {}", s.runs.len() + 1)
}

fn script_ui(ui: &mut Ui, doc: &Document, state: &mut ExerciseState, out: &mut Vec<Command>) {
    let s = doc.scenario();
    let run = doc.room_run();
    let live = run.filter(|r| r.is_open() && doc.replay().is_none());
    ui.strong(format!("Injects ({})", s.injects.len()));
    if state
        .selected
        .as_ref()
        .is_none_or(|id| s.inject(id).is_none())
    {
        // The next pending inject, else the first.
        state.selected = s
            .injects
            .iter()
            .find(|i| live.is_some_and(|r| r.state_of(&i.id).is_none()))
            .or(s.injects.first())
            .map(|i| i.id.clone());
    }
    let row = theme::ROW_HEIGHT;
    ScrollArea::vertical()
        .id_salt("injects")
        .max_height(theme::CONSOLE_LIST_HEIGHT)
        .auto_shrink([false, true])
        .show_rows(ui, row, s.injects.len(), |ui, range| {
            for i in &s.injects[range] {
                let selected = state.selected.as_ref() == Some(&i.id);
                let text = format!("[{}] {} · {}", state_word(run, &i.id), month(i.at), i.title);
                if ui
                    .add_sized(
                        [ui.available_width(), row],
                        egui::Button::selectable(selected, text).truncate(),
                    )
                    .clicked()
                {
                    state.selected = Some(i.id.clone());
                }
            }
        });
    if doc.replay().is_none() && ui.button("Add inject").clicked() {
        let id = crate::model::fresh_id("inject", s.injects.iter().map(|i| i.id.as_str()));
        let mut draft = Inject::new(&id, "New inject");
        draft.at = doc.lens().at;
        state.authoring = Some(Authoring {
            draft,
            new: true,
            effect: Effect::SetConsent(Consent::default()),
        });
    }
    let Some(inject) = state.selected.as_ref().and_then(|id| s.inject(id)) else {
        return;
    };
    ui.separator();
    ui.strong(&inject.title);
    let pending = live.is_some_and(|r| r.state_of(&inject.id).is_none());
    if let Some(run) = live {
        ui.horizontal_wrapped(|ui| {
            if ui
                .add_enabled(pending, egui::Button::new("Deliver"))
                .on_hover_text("Read it to the room: its effects apply to the room's board (one undo step) and the date cursor moves to its month")
                .clicked()
            {
                match exercise::delivery_edit(s, &run.id, inject, WallTime::now()) {
                    Ok(edit) => {
                        state.error = None;
                        out.push(Command::Edit(edit));
                        if let Some(at) = inject.at {
                            out.push(Command::SetLens(Lens::at(at)));
                        }
                        // The next pending inject is shown next.
                        state.selected = None;
                    }
                    Err(e) => state.error = Some(format!("Could not deliver it: {e}")),
                }
            }
            if ui
                .add_enabled(pending, egui::Button::new("Skip"))
                .on_hover_text("Leave it out of this run; nothing changes on the board")
                .clicked()
            {
                out.push(Command::Edit(exercise::skip_edit(
                    &run.id,
                    &inject.id,
                    WallTime::now(),
                )));
                state.selected = None;
            }
        });
    }
    if doc.replay().is_none() {
        preview_ui(ui, doc, state, inject);
    }
    inject_details_ui(ui, s, inject);
    if doc.replay().is_none() {
        authoring_buttons_ui(ui, s, inject, state, out);
    }
}

fn inject_details_ui(ui: &mut Ui, s: &Scenario, inject: &Inject) {
    let mut about = vec![format!("Month: {}", month(inject.at))];
    if let Some(section) = &inject.section {
        about.push(format!("Paper {section}"));
    }
    if !inject.controller.is_empty() {
        about.push(format!("Controller: {}", inject.controller));
    }
    ui.weak(about.join(" · "));
    if !inject.text.is_empty() {
        ui.label(RichText::new("Read to the room:").strong());
        ui.label(&inject.text);
    }
    if !inject.controller_notes.is_empty() {
        ui.label(RichText::new("Controller notes (never on the room's screen):").strong());
        ui.label(&inject.controller_notes);
    }
    if !inject.expected_action.is_empty() {
        ui.label(RichText::new("Expected action:").strong());
        ui.label(&inject.expected_action);
    }
    ui.label(RichText::new("Effects:").strong());
    if inject.effects.is_empty() {
        ui.weak("None: it changes nothing on the board.");
    }
    for e in &inject.effects {
        ui.label(format!("• {}", describe(s, e)));
    }
}

fn preview_ui(ui: &mut Ui, doc: &Document, state: &mut ExerciseState, inject: &Inject) {
    let key = doc.view_revision();
    let fresh = matches!(&state.preview, Some((k, id, _)) if *k == key && *id == inject.id);
    if !fresh {
        state.preview = Some((key, inject.id.clone(), preview_text(doc, inject)));
    }
    let Some((_, _, p)) = &state.preview else {
        return;
    };
    let when = inject
        .at
        .map_or_else(|| doc.lens().label(), |m| format!("as of {m}"));
    ui.label(RichText::new(format!("Preview: if delivered now ({when})")).strong());
    match p {
        Err(e) => {
            ui.colored_label(ui.visuals().error_fg_color, e);
        }
        Ok(p) => {
            ui.label(format!(
                "Raises {}, clears {}, changes {}",
                p.raised.len(),
                p.cleared.len(),
                p.changed.len()
            ));
            for m in &p.raised {
                ui.colored_label(ui.visuals().warn_fg_color, format!("Raised: {m}"));
            }
            for m in &p.cleared {
                ui.label(format!("Cleared: {m}"));
            }
            for m in &p.changed {
                ui.label(format!("Changed: {m}"));
            }
        }
    }
}

fn authoring_buttons_ui(
    ui: &mut Ui,
    s: &Scenario,
    inject: &Inject,
    state: &mut ExerciseState,
    out: &mut Vec<Command>,
) {
    use crate::model::Edit;
    let at = s
        .injects
        .iter()
        .position(|i| i.id == inject.id)
        .unwrap_or(0);
    ui.horizontal_wrapped(|ui| {
        if ui.button("Edit inject").clicked() {
            state.authoring = Some(Authoring {
                draft: inject.clone(),
                new: false,
                effect: Effect::SetConsent(Consent::default()),
            });
        }
        if ui.button("Duplicate inject").clicked() {
            let mut copy = inject.clone();
            copy.id =
                crate::model::fresh_id(inject.id.as_str(), s.injects.iter().map(|i| i.id.as_str()))
                    .as_str()
                    .into();
            copy.title = format!("{} (copy)", inject.title);
            state.selected = Some(copy.id.clone());
            out.push(Command::Edit(Edit::Batch(vec![
                Edit::AddInject(copy.clone()),
                Edit::MoveInject {
                    id: copy.id,
                    to: at + 1,
                },
            ])));
        }
        if ui
            .add_enabled(at > 0, egui::Button::new("Move up"))
            .clicked()
        {
            out.push(Command::Edit(Edit::MoveInject {
                id: inject.id.clone(),
                to: at - 1,
            }));
        }
        if ui
            .add_enabled(at + 1 < s.injects.len(), egui::Button::new("Move down"))
            .clicked()
        {
            out.push(Command::Edit(Edit::MoveInject {
                id: inject.id.clone(),
                to: at + 1,
            }));
        }
        if ui
            .button("Delete inject")
            .on_hover_text(
                "Remove it from the script (runs keep their record; Undo brings it back)",
            )
            .clicked()
        {
            out.push(Command::Edit(Edit::DeleteInject(inject.id.clone())));
            state.selected = None;
        }
    });
}

/// The kinds of effect, for the effect form's choice, each with a fresh effect of its kind.
fn effect_kinds(s: &Scenario) -> Vec<(&'static str, Effect)> {
    let mission = s.missions.first().map(|m| m.id.clone()).unwrap_or_default();
    let other = s
        .missions
        .get(1)
        .map_or_else(|| mission.clone(), |m| m.id.clone());
    let group = s.groups.first().map(|g| g.id.clone()).unwrap_or_default();
    let month = s
        .effective_timeline()
        .map_or_else(|| super::forms::fallback_date(s), |t| t.end);
    let new_group = CrimeGroup::new(
        crate::model::fresh_id("group", s.groups.iter().map(|g| g.id.as_str()))
            .as_str()
            .into(),
        "New group",
    );
    vec![
        ("Consent changes", Effect::SetConsent(Consent::default())),
        (
            "Trust in the police changes",
            Effect::SetPoliceTrust(Level::default()),
        ),
        (
            "Minimal security reached or lost",
            Effect::SetMinimalSecurity(Some(month)),
        ),
        (
            "A mission ends",
            Effect::EndMission {
                mission: mission.clone(),
                end: month,
            },
        ),
        (
            "A mission loses a capability",
            Effect::RemoveCapability {
                mission: mission.clone(),
                capability: Capability::ALL[0],
            },
        ),
        (
            "A mission gains a capability",
            Effect::AddCapability {
                mission: mission.clone(),
                capability: Capability::ALL[0],
            },
        ),
        (
            "A handover no longer covers something",
            Effect::HandoverDrops {
                mission: mission.clone(),
                scope: HandoverScope::ALL[0],
            },
        ),
        (
            "A handover is planned or not",
            Effect::SetHandoverPlanned {
                mission: mission.clone(),
                planned: false,
            },
        ),
        (
            "Intelligence sharing starts or stops",
            Effect::SetIntelSharing {
                mission: mission.clone(),
                with: other,
                shares: false,
            },
        ),
        (
            "Oversight starts or stops",
            Effect::SetOversight {
                mission,
                oversight: false,
            },
        ),
        (
            "A group's role changes",
            Effect::SetGroupRole {
                group: group.clone(),
                role: PeaceRole::ALL[0],
            },
        ),
        (
            "A group's ties to officials",
            Effect::SetGroupTies {
                group: group.clone(),
                ties_to_officials: true,
            },
        ),
        (
            "The approach to a group changes",
            Effect::SetGroupApproach {
                group,
                approach: crate::model::Approach::default(),
            },
        ),
        ("A new group appears", Effect::AddGroup(new_group)),
    ]
}

fn kind_index(kinds: &[(&'static str, Effect)], e: &Effect) -> usize {
    kinds
        .iter()
        .position(|(_, k)| std::mem::discriminant(k) == std::mem::discriminant(e))
        .unwrap_or(0)
}

/// The form of one effect: its kind, then the fields of that kind, each picked from a list.
fn effect_form(ui: &mut Ui, s: &Scenario, e: &mut Effect) {
    let kinds = effect_kinds(s);
    let opts = RefOptions::new(s);
    let mut kind = kind_index(&kinds, e);
    let before = kind;
    widgets::form(ui, "effect form", |ui| {
        let l = ui.label("Effect kind");
        egui::ComboBox::from_id_salt("Effect kind")
            .selected_text(kinds[kind].0)
            .show_ui(ui, |ui| {
                for (i, (name, _)) in kinds.iter().enumerate() {
                    ui.selectable_value(&mut kind, i, *name);
                }
            })
            .response
            .labelled_by(l.id);
        widgets::end_row(ui);
        if kind != before {
            *e = kinds[kind].1.clone();
        }
        let mission = |ui: &mut Ui, name: &str, m: &mut crate::model::MissionId| {
            let mut v = Some(m.clone());
            if widgets::reference(ui, name, "Which mission", &mut v, &opts.missions, "(none)")
                && let Some(v) = v
            {
                *m = v;
            }
        };
        let group = |ui: &mut Ui, g: &mut crate::model::GroupId| {
            let mut v = Some(g.clone());
            if widgets::reference(
                ui,
                "Group",
                "Which crime group",
                &mut v,
                &opts.groups,
                "(none)",
            ) && let Some(v) = v
            {
                *g = v;
            }
        };
        match e {
            Effect::SetConsent(c) => {
                widgets::choice(ui, "Consent", "The host government's consent", c);
            }
            Effect::SetPoliceTrust(l) => {
                widgets::choice(ui, "Police trust", "Trust in the host police", l);
            }
            Effect::SetMinimalSecurity(d) => {
                let default = super::forms::fallback_date(s);
                widgets::optional_date(
                    ui,
                    "Minimal security from",
                    "The month minimal security is reached",
                    d,
                    default,
                    "lost (not reached)",
                );
            }
            Effect::EndMission { mission: m, end } => {
                mission(ui, "Mission", m);
                widgets::date(ui, "Last month", "The mission's last month", end);
            }
            Effect::RemoveCapability {
                mission: m,
                capability,
            }
            | Effect::AddCapability {
                mission: m,
                capability,
            } => {
                mission(ui, "Mission", m);
                widgets::choice(ui, "Capability", "The capability", capability);
            }
            Effect::HandoverDrops { mission: m, scope } => {
                mission(ui, "Successor mission", m);
                widgets::choice(
                    ui,
                    "No longer handed over",
                    "What the handover loses",
                    scope,
                );
            }
            Effect::SetHandoverPlanned {
                mission: m,
                planned,
            } => {
                mission(ui, "Successor mission", m);
                widgets::flag(
                    ui,
                    "Handover planned",
                    "Whether the handover is planned",
                    planned,
                );
            }
            Effect::SetIntelSharing {
                mission: m,
                with,
                shares,
            } => {
                mission(ui, "Mission", m);
                mission(ui, "Shares with", with);
                widgets::flag(ui, "Shares intelligence", "Shares or stops sharing", shares);
            }
            Effect::SetOversight {
                mission: m,
                oversight,
            } => {
                mission(ui, "Mission", m);
                widgets::flag(
                    ui,
                    "Under oversight",
                    "Whether its work is overseen",
                    oversight,
                );
            }
            Effect::SetGroupRole { group: g, role } => {
                group(ui, g);
                widgets::choice(ui, "Role", "Its role in the peace process", role);
            }
            Effect::SetGroupTies {
                group: g,
                ties_to_officials,
            } => {
                group(ui, g);
                widgets::flag(
                    ui,
                    "Ties to officials",
                    "Found to have ties to officials",
                    ties_to_officials,
                );
            }
            Effect::SetGroupApproach { group: g, approach } => {
                group(ui, g);
                widgets::choice(ui, "Approach", "The missions' approach to it", approach);
            }
            Effect::AddGroup(_) => {}
        }
    });
    if let Effect::AddGroup(g) = e {
        group_form(ui, g, &opts);
    }
}

fn authoring_ui(ui: &mut Ui, doc: &Document, state: &mut ExerciseState, out: &mut Vec<Command>) {
    use crate::model::Edit;
    let s = doc.scenario();
    let Some(a) = state.authoring.as_mut() else {
        return;
    };
    ui.strong(if a.new { "New inject" } else { "Edit inject" });
    let d = &mut a.draft;
    widgets::form(ui, "inject form", |ui| {
        if a.new {
            let mut id = d.id.0.clone();
            if widgets::text(ui, "Inject id", "Stable id, also the MSEL number", &mut id) {
                d.id = InjectId(id);
            }
        }
        widgets::text(
            ui,
            "Inject title",
            "Short title (the event synopsis)",
            &mut d.title,
        );
        let default = doc
            .lens()
            .at
            .unwrap_or_else(|| super::forms::fallback_date(s));
        widgets::optional_date(
            ui,
            "Scenario month",
            "The month it happens in",
            &mut d.at,
            default,
            "when the facilitator chooses",
        );
        widgets::multiline(
            ui,
            "Text read to the room",
            "What the room hears and sees",
            &mut d.text,
        );
        widgets::multiline(
            ui,
            "Controller notes",
            "For the controllers only: never shown on the room's screen",
            &mut d.controller_notes,
        );
        widgets::multiline(
            ui,
            "Expected action",
            "What the players are expected to do",
            &mut d.expected_action,
        );
        let mut section = d.section.clone().unwrap_or_default();
        if widgets::text_with_hint(
            ui,
            "Paper section",
            "The paper section it illustrates",
            &mut section,
            "§V",
        ) {
            d.section = (!section.trim().is_empty()).then_some(section);
        }
        widgets::text(ui, "Controller", "Who delivers it", &mut d.controller);
    });
    ui.label(RichText::new("Effects:").strong());
    let mut remove = None;
    for (i, e) in d.effects.iter().enumerate() {
        ui.horizontal_wrapped(|ui| {
            if ui
                .small_button("Remove")
                .on_hover_text("Remove this effect")
                .clicked()
            {
                remove = Some(i);
            }
            ui.label(describe(s, e));
        });
    }
    if let Some(i) = remove {
        d.effects.remove(i);
    }
    egui::CollapsingHeader::new("Add an effect")
        .default_open(d.effects.is_empty())
        .show(ui, |ui| {
            effect_form(ui, s, &mut a.effect);
            if ui.button("Add effect").clicked() {
                a.draft.effects.push(a.effect.clone());
            }
        });
    let problems = exercise::msel::unknown_references(s, &a.draft.effects);
    for p in &problems {
        ui.colored_label(ui.visuals().warn_fg_color, p);
    }
    let (mut save, mut cancel) = (false, false);
    ui.horizontal(|ui| {
        let label = if a.new {
            "Add to the script"
        } else {
            "Save inject"
        };
        save = ui.button(label).clicked();
        cancel = ui.button("Cancel").clicked();
    });
    if save {
        let edit = if a.new {
            Edit::AddInject(a.draft.clone())
        } else {
            Edit::UpdateInject(a.draft.clone())
        };
        let id = a.draft.id.clone();
        let mut check = s.clone();
        match edit.clone().apply(&mut check) {
            Ok(()) => {
                state.selected = Some(id);
                out.push(Command::Edit(edit));
                state.authoring = None;
                state.error = None;
            }
            Err(e) => state.error = Some(format!("The inject could not be saved: {e}")),
        }
    } else if cancel {
        state.authoring = None;
    }
}

fn log_ui(
    ui: &mut Ui,
    doc: &Document,
    run: &Run,
    state: &mut ExerciseState,
    out: &mut Vec<Command>,
) {
    use crate::model::Edit;
    let current = run.delivered().last().cloned();
    ui.weak(
        match current.as_ref().and_then(|id| doc.scenario().inject(id)) {
            Some(i) => format!(
                "Entries are linked to the inject last delivered: {}",
                i.title
            ),
            None => "No inject delivered yet: entries are linked to none".to_owned(),
        },
    );
    let field = Id::unique("peaceops log entry");
    let draft = &mut state.draft;
    let mut record = false;
    widgets::form(ui, "log form", |ui| {
        widgets::choice(
            ui,
            "Entry kind",
            "Decision, observation, question, strength or area for improvement",
            &mut draft.kind,
        );
        let l = ui
            .label(LOG_FIELD)
            .on_hover_text("Ctrl+D comes here; Enter records it");
        let r = ui
            .add(
                TextEdit::singleline(&mut draft.text)
                    .id(field)
                    .hint_text("What the room decided, or what you saw")
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(l.id);
        if r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
            record = true;
        }
        widgets::end_row(ui);
        let findings: Vec<(FindingKey, String)> = doc
            .check_rows()
            .iter()
            .filter_map(|r| {
                doc.findings()
                    .get(r.finding)
                    .map(|f| (r.key.clone(), f.message(doc.room())))
            })
            .collect();
        let mut pick: Option<FindingKey> = None;
        if widgets::reference(
            ui,
            "Link a finding",
            "Link the entry to a finding on the checklist",
            &mut pick,
            &findings,
            "(pick one)",
        ) && let Some(k) = pick
            && !draft.findings.contains(&k)
        {
            draft.findings.push(k);
        }
        let activities: Vec<(ActivityId, String)> = doc
            .room()
            .activities
            .iter()
            .map(|a| (a.id.clone(), a.title.clone()))
            .collect();
        let mut pick: Option<ActivityId> = None;
        if widgets::reference(
            ui,
            "Link an activity",
            "Link the entry to a planned activity",
            &mut pick,
            &activities,
            "(pick one)",
        ) && let Some(a) = pick
            && !draft.activities.contains(&a)
        {
            draft.activities.push(a);
        }
    });
    let mut unlink_f = None;
    for (i, k) in draft.findings.iter().enumerate() {
        if ui
            .small_button(format!("✕ finding {}", k.rule))
            .on_hover_text("Unlink this finding")
            .clicked()
        {
            unlink_f = Some(i);
        }
    }
    if let Some(i) = unlink_f {
        draft.findings.remove(i);
    }
    let mut unlink_a = None;
    for (i, a) in draft.activities.iter().enumerate() {
        if ui
            .small_button(format!("✕ activity {a}"))
            .on_hover_text("Unlink this activity")
            .clicked()
        {
            unlink_a = Some(i);
        }
    }
    if let Some(i) = unlink_a {
        draft.activities.remove(i);
    }
    ui.horizontal(|ui| {
        let label = if state.editing.is_some() {
            "Save entry"
        } else {
            "Record entry"
        };
        if ui
            .button(label)
            .on_hover_text("Enter in the field does the same")
            .clicked()
        {
            record = true;
        }
        if state.editing.is_some() && ui.button("Cancel editing").clicked() {
            state.editing = None;
            state.draft = LogDraft::default();
        }
    });
    if state.focus_log {
        ui.memory_mut(|m| m.request_focus(field));
        state.focus_log = false;
    }
    if record && !state.draft.text.trim().is_empty() {
        let d = std::mem::take(&mut state.draft);
        let (when, at, inject) = match state.editing.and_then(|i| run.log.get(i)) {
            Some(old) => (old.when, old.at, old.inject.clone()),
            None => (WallTime::now(), doc.lens().at, current.clone()),
        };
        let entry = LogEntry {
            when,
            at,
            inject,
            kind: d.kind,
            text: d.text.trim().to_owned(),
            findings: d.findings,
            activities: d.activities,
        };
        // The next entry keeps the kind: a run of observations is typed one after another.
        state.draft.kind = d.kind;
        out.push(Command::Edit(match state.editing.take() {
            Some(index) => Edit::UpdateLogEntry {
                run: run.id.clone(),
                index,
                entry,
            },
            None => Edit::AddLogEntry {
                run: run.id.clone(),
                entry,
            },
        }));
        ui.memory_mut(|m| m.request_focus(field));
    }
    let row = theme::ROW_HEIGHT;
    ScrollArea::vertical()
        .id_salt("log entries")
        .max_height(theme::CONSOLE_LIST_HEIGHT)
        .auto_shrink([false, true])
        .stick_to_bottom(true)
        .show_rows(ui, row, run.log.len(), |ui, range| {
            for i in range {
                let e = &run.log[i];
                let text = format!(
                    "{} · {} · {}: {}",
                    e.when,
                    e.inject
                        .as_ref()
                        .map_or("before any inject", |i| i.as_str()),
                    e.kind.label(),
                    e.text
                );
                if ui
                    .add_sized(
                        [ui.available_width(), row],
                        egui::Button::selectable(state.editing == Some(i), text).truncate(),
                    )
                    .on_hover_text("Click to edit this entry")
                    .clicked()
                {
                    state.editing = Some(i);
                    state.draft = LogDraft {
                        kind: e.kind,
                        text: e.text.clone(),
                        findings: e.findings.clone(),
                        activities: e.activities.clone(),
                    };
                }
            }
        });
}

/// The hot wash of a run, in a window: injects delivered and skipped, the risks each raised and
/// cleared, the decision log grouped by inject, strengths and areas for improvement.
pub fn hot_wash_window(
    ctx: &egui::Context,
    area: egui::Rect,
    doc: &Document,
    state: &mut ExerciseState,
    out: &mut Vec<Command>,
) {
    let Some(id) = state.hot_wash.clone() else {
        return;
    };
    let s = doc.scenario();
    let Some(run) = s.runs.iter().find(|r| r.id == id) else {
        state.hot_wash = None;
        return;
    };
    let mut open = true;
    egui::Window::new("Hot wash")
        .open(&mut open)
        .constrain_to(area)
        .default_size(theme::HOT_WASH_SIZE)
        // On the right, clear of the console in the left panel.
        .default_pos(egui::pos2(
            area.right() - theme::HOT_WASH_SIZE[0] - theme::WINDOW_MARGIN,
            area.top() + theme::WINDOW_MARGIN,
        ))
        .show(ctx, |ui| {
            let w = exercise::hot_wash(s, run);
            ui.heading(&run.name);
            ui.label(format!(
                "Started {}{}",
                run.started,
                run.ended
                    .map_or_else(|| " (still open)".to_owned(), |e| format!(", ended {e}"))
            ));
            ui.label(format!(
                "{} injects delivered, {} skipped, {} log entries",
                w.delivered,
                w.skipped,
                run.log.len()
            ));
            if let Some(e) = &w.stopped {
                ui.colored_label(
                    ui.visuals().error_fg_color,
                    format!("The replay stopped: {e}"),
                );
            }
            if !run.is_open()
                && doc.replay().is_none_or(|r| r.run != run.id)
                && ui
                    .button("Step through this run")
                    .on_hover_text("Replay it read-only, inject by inject, on the board")
                    .clicked()
            {
                out.push(Command::SetReplay(Some(Replay {
                    run: run.id.clone(),
                    steps: 0,
                })));
                state.open = true;
            }
            ScrollArea::vertical().id_salt("hot wash").show(ui, |ui| {
                for (n, step) in w.steps.iter().enumerate() {
                    let title = step
                        .inject
                        .map_or_else(|| step.delivery.inject.to_string(), |i| i.title.clone());
                    ui.separator();
                    ui.strong(format!(
                        "{}. {title} — {}",
                        n + 1,
                        step.delivery.state.label()
                    ));
                    for (_, m) in &step.raised {
                        ui.colored_label(ui.visuals().warn_fg_color, format!("Raised: {m}"));
                    }
                    for (_, m) in &step.cleared {
                        ui.label(format!("Cleared: {m}"));
                    }
                    for e in &step.log {
                        ui.label(format!("{} ({}): {}", e.kind.label(), e.when, e.text));
                    }
                }
                if !w.unlinked.is_empty() {
                    ui.separator();
                    ui.strong("Before any inject");
                    for e in &w.unlinked {
                        ui.label(format!("{} ({}): {}", e.kind.label(), e.when, e.text));
                    }
                }
                ui.separator();
                ui.strong("Strengths");
                if w.strengths.is_empty() {
                    ui.weak("None logged.");
                }
                for e in &w.strengths {
                    ui.label(format!("• {}", e.text));
                }
                ui.strong("Areas for improvement");
                if w.improvements.is_empty() {
                    ui.weak("None logged.");
                }
                for e in &w.improvements {
                    ui.label(format!("• {}", e.text));
                }
            });
        });
    if !open {
        state.hot_wash = None;
    }
}

/// The inject last delivered, large, for the room's screen (above the chart): its title, the
/// text read to the room and the risks it raised. Nothing else of the inject is shown.
pub fn room_inject_ui(ui: &mut Ui, inject: &RoomInject, scale: f32) {
    let title = format!(
        "{}{}",
        inject.at.map_or_else(String::new, |m| format!("{m} · ")),
        inject.title
    );
    ui.add(
        egui::Label::new(
            RichText::new(title)
                .size(theme::PRESENT_TITLE * scale)
                .strong(),
        )
        .wrap(),
    );
    if !inject.text.is_empty() {
        ui.add(
            egui::Label::new(RichText::new(&inject.text).size(theme::PRESENT_INJECT_TEXT * scale))
                .wrap(),
        );
    }
    if !inject.raised.is_empty() {
        // Titles, not sentences: the chart keeps the room; the checklist has the detail.
        let kinds: Vec<String> = inject
            .raised
            .iter()
            .map(|(t, n)| {
                if *n > 1 {
                    format!("{t} (×{n})")
                } else {
                    t.clone()
                }
            })
            .collect();
        ui.add(
            egui::Label::new(
                RichText::new(format!("New risks: {}", kinds.join("; ")))
                    .size(theme::PRESENT_BODY * scale)
                    .color(ui.visuals().warn_fg_color),
            )
            .wrap(),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drafts_go_with_their_document_and_come_back_with_it() {
        let mut st = ExerciseState::default();
        let (file, reference) = (
            Origin::File("a.ron".into()),
            Origin::Reference("Kosovo".into()),
        );
        st.belongs_to(&file);
        assert_eq!(
            st.document_replaced(&reference),
            None,
            "nothing written, nothing to say"
        );
        st.authoring = Some(Authoring {
            draft: Inject::new("x", "X"),
            new: true,
            effect: Effect::SetConsent(Consent::Full),
        });
        st.draft.text = "Half".into();
        let note = st.document_replaced(&file).unwrap();
        assert!(
            note.contains("the reference scenario Kosovo (the decision-log entry and the inject)"),
            "{note}"
        );
        assert!(st.authoring.is_none() && st.draft.text.is_empty());
        assert_eq!(st.document_replaced(&reference), None);
        assert_eq!(
            st.authoring.as_ref().map(|a| a.draft.id.as_str()),
            Some("x")
        );
        assert_eq!(st.draft.text, "Half");
        // Reloading the same file keeps them on screen, without a word.
        assert_eq!(st.document_replaced(&reference), None);
        assert_eq!(st.draft.text, "Half");
    }
}
