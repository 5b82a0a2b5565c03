//! The workshop window: menu bar, editor (left), risk checklist (right), quadrant chart
//! (centre), status bar. Panels draw from the [`Document`] and push [`Command`]s, which run
//! after the frame; the scenario changes only through them, one undo step each.

use std::path::{Path, PathBuf};

use egui::{Panel, Rect, ViewportCommand};

use crate::command::{Command, UiCommand};
use crate::document::{Document, Origin};
use crate::files::{FileDialogs, NativeDialogs, Picked, Prefs};
use crate::io::{Autosaver, BLANK, Found, REFERENCES, RecoveryStore, Snapshot};
use crate::model::{Edit, EntityId, Scenario, references};
use crate::theme;
use crate::view::dialogs::{Answer, Dialog, PathPurpose, Pending, dialog_ui};
use crate::view::panels::{Side, SidePanels};
use crate::view::status_bar::Notice;
use crate::view::{
    ViewState, catalogue, chart, checklist, editor, help, menu_bar, present, start, status_bar,
};

/// Where recovery copies of unsaved work go.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Recovery {
    /// The per-user data folder (see [`RecoveryStore::default_dir`]).
    #[default]
    Default,
    /// This folder (tests).
    In(PathBuf),
    /// No recovery copies (benchmarks).
    Off,
}

/// How the app starts.
pub struct StartOptions {
    /// A scenario file to open.
    pub file: Option<PathBuf>,
    /// The file dialogs to use (native ones in the program; scripted ones in tests).
    pub dialogs: Box<dyn FileDialogs>,
    /// Where recovery copies go.
    pub recovery: Recovery,
}

impl Default for StartOptions {
    fn default() -> Self {
        Self {
            file: None,
            dialogs: Box::new(NativeDialogs),
            recovery: Recovery::Default,
        }
    }
}

/// A recovery copy is written after this many seconds without a change ...
const AUTOSAVE_QUIET_SECS: f64 = 1.0;
/// ... or at the latest this long after the first unsaved change, even while typing goes on.
const AUTOSAVE_MAX_SECS: f64 = 3.0;

/// The PeaceOps window.
pub struct PeaceOpsApp {
    doc: Document,
    view: ViewState,
    prefs: Prefs,
    dialog: Option<Dialog>,
    after_save: Option<Pending>,
    notice: Option<Notice>,
    dialogs: Box<dyn FileDialogs>,
    title: String,
    allow_close: bool,
    themed: Option<bool>,
    started: bool,
    autosaver: Option<Autosaver>,
    /// The revision, and whether it had unsaved changes, last written to the recovery copy (or
    /// removed from it).
    autosaved: Option<(u64, bool)>,
    /// When the first change not yet in the recovery copy was made, and the last one.
    pending: Option<(f64, f64, u64)>,
    show_problems: bool,
    /// Which side panels the user wants open.
    panels: SidePanels,
    /// The chart alone, full screen.
    presenting: bool,
    /// The start screen shows until a scenario is opened, made or edited.
    start_screen: bool,
    /// Help windows.
    help: help::HelpState,
    /// Counts documents shown, so lists start at the top for each.
    generation: u64,
}

fn blank() -> Scenario {
    // The blank template is embedded and tested; if it were broken, start from an empty one.
    BLANK
        .load()
        .unwrap_or_else(|_| Scenario::new("New scenario"))
}

impl PeaceOpsApp {
    /// Builds the app: preferences from eframe's storage, the file from the command line.
    pub fn new(cc: &eframe::CreationContext<'_>, start: StartOptions) -> Self {
        let prefs: Prefs = cc
            .storage
            .and_then(|s| eframe::get_value(s, Prefs::KEY))
            .unwrap_or_default();
        Self::with_prefs(prefs, start)
    }

    /// Builds the app with the given preferences (tests build it this way); the first frame
    /// applies the zoom and the theme.
    pub fn with_prefs(prefs: Prefs, start: StartOptions) -> Self {
        let mut app = Self {
            doc: Document::new(blank(), Origin::New),
            view: ViewState::default(),
            prefs,
            dialog: None,
            after_save: None,
            notice: None,
            dialogs: start.dialogs,
            title: String::new(),
            allow_close: false,
            themed: None,
            started: false,
            autosaver: None,
            autosaved: Some((0, false)),
            pending: None,
            show_problems: false,
            panels: SidePanels::default(),
            presenting: false,
            start_screen: start.file.is_none(),
            help: help::HelpState::default(),
            generation: 0,
        };
        if let Some(path) = start.file {
            app.open_path(&path);
        }
        let dir = match start.recovery {
            Recovery::Default => RecoveryStore::default_dir(),
            Recovery::In(dir) => Some(dir),
            Recovery::Off => None,
        };
        if let Some(dir) = dir {
            let store = RecoveryStore::new(dir);
            if let Some(found) = store.find().into_iter().next() {
                app.offer_recovery(found);
            }
            app.autosaver = Some(Autosaver::spawn(store));
        }
        app
    }

    fn offer_recovery(&mut self, found: Found) {
        match RecoveryStore::load(&found) {
            Ok(snap) => {
                self.dialog = Some(Dialog::Recover {
                    found,
                    name: snap.name,
                    when: crate::view::dialogs::utc_time(snap.written_unix_secs),
                });
            }
            Err(e) => {
                self.notice = Some(Notice::error(format!(
                    "A recovery copy of unsaved work could not be read and was left in place: {e}"
                )));
            }
        }
    }

    fn restore(&mut self, found: &Found) {
        match RecoveryStore::load(found) {
            Ok(snap) => {
                let origin = match snap.path {
                    Some(p) => Origin::File(p),
                    None => Origin::New,
                };
                self.set_document(Document::unsaved(snap.scenario, origin));
                // The work now lives in this session's own recovery copy, written shortly.
                self.autosaved = None;
                if let Err(e) = RecoveryStore::discard(found) {
                    self.notice = Some(Notice::error(format!(
                        "Restored, but the old recovery copy {} could not be removed: {e}",
                        found.file.display()
                    )));
                } else {
                    self.notice = Some(Notice::info("Unsaved work restored. Save it to keep it."));
                }
            }
            Err(e) => self.notice = Some(Notice::error(e.to_string())),
        }
    }

    /// Keeps the recovery copy in step with the document: written shortly after changes stop
    /// (and at least every few seconds while they go on), removed once everything is saved.
    fn autosave(&mut self, ctx: &egui::Context) {
        let Some(saver) = &self.autosaver else { return };
        if let Some(e) = saver.take_error() {
            self.notice = Some(Notice::error(e));
        }
        let rev = self.doc.revision();
        let dirty = self.doc.is_dirty();
        if self.autosaved == Some((rev, dirty)) {
            self.pending = None;
            return;
        }
        if !dirty {
            saver.clear();
            self.autosaved = Some((rev, false));
            self.pending = None;
            return;
        }
        let now = ctx.input(|i| i.time);
        let (first, last, seen) = self.pending.unwrap_or((now, now, rev));
        let last = if seen == rev { last } else { now };
        self.pending = Some((first, last, rev));
        let wait = (AUTOSAVE_QUIET_SECS - (now - last)).min(AUTOSAVE_MAX_SECS - (now - first));
        if wait <= 0.0 {
            saver.write(Snapshot::now(
                self.doc.scenario().clone(),
                self.doc.path().map(Path::to_owned),
                self.doc.display_name(),
            ));
            self.autosaved = Some((rev, true));
            self.pending = None;
        } else {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(wait));
        }
    }

    /// Writes pending recovery work and waits for it (tests; the program does this on exit).
    pub fn flush_recovery(&mut self) {
        let rev = self.doc.revision();
        if let Some(s) = self.autosaver.as_mut() {
            // Changes still waiting for their quiet second are written now.
            if self.doc.is_dirty() && self.autosaved != Some((rev, true)) {
                s.write(Snapshot::now(
                    self.doc.scenario().clone(),
                    self.doc.path().map(Path::to_owned),
                    self.doc.display_name(),
                ));
                self.autosaved = Some((rev, true));
                self.pending = None;
            }
            s.flush();
        }
    }

    /// The open document.
    pub fn document(&self) -> &Document {
        &self.doc
    }

    /// The message shown to the user, if any.
    pub fn notice(&self) -> Option<&Notice> {
        self.notice.as_ref()
    }

    /// The window title.
    pub fn title(&self) -> String {
        format!(
            "{}{} — PeaceOps",
            if self.doc.is_dirty() { "● " } else { "" },
            self.doc.display_name()
        )
    }

    /// The preferences (zoom, theme, recent files).
    pub fn prefs(&self) -> &Prefs {
        &self.prefs
    }

    fn open_path(&mut self, path: &Path) {
        match Document::open(path) {
            Ok(doc) => {
                self.set_document(doc);
                self.prefs.remember(path);
                let problems = self.doc.problems().len();
                self.notice = Some(if problems == 0 {
                    Notice::info(format!("Opened {}", path.display()))
                } else {
                    self.show_problems = true;
                    Notice::error(format!(
                        "Opened {}, which has {problems} problem(s): see the Problems window",
                        path.display()
                    ))
                });
            }
            // The scenario on screen stays; the error says which file, line and column.
            Err(e) => self.notice = Some(Notice::error(e.to_string())),
        }
    }

    fn set_document(&mut self, doc: Document) {
        self.doc = doc;
        self.view = ViewState::default();
        self.start_screen = false;
        // Every list of the new document starts at the top.
        self.generation += 1;
        // A new document starts at revision 0; what it replaces is either saved or discarded.
        self.autosaved = None;
        self.pending = None;
    }

    fn start_dir(&self) -> Option<PathBuf> {
        self.doc
            .path()
            .and_then(Path::parent)
            .map(Path::to_owned)
            .or_else(|| {
                self.prefs
                    .recent
                    .first()
                    .and_then(|p| p.parent())
                    .map(Path::to_owned)
            })
    }

    /// Saves to the document's file, or asks where. Returns whether it was saved.
    fn save(&mut self) -> bool {
        match self.doc.path().map(Path::to_owned) {
            Some(path) => self.save_to(&path),
            None => self.save_as(),
        }
    }

    fn save_as(&mut self) -> bool {
        let name = match self.doc.origin() {
            Origin::File(p) => p.file_name().map(|n| n.to_string_lossy().into_owned()),
            Origin::Reference(_) | Origin::New => None,
        }
        .unwrap_or_else(|| suggested_file_name(&self.doc.scenario().title));
        let dir = self.start_dir();
        match self.dialogs.save(dir.as_deref(), &name) {
            Picked::Path(p) => self.save_to(&p),
            Picked::Cancelled => false,
            Picked::Unavailable => {
                self.dialog = Some(Dialog::PathEntry {
                    purpose: PathPurpose::SaveAs,
                    text: dir.map(|d| d.join(&name).display().to_string()).unwrap_or(name),
                    why: "No file dialog could be shown on this system (no desktop portal or zenity). Type where to save the scenario:".into(),
                });
                false
            }
        }
    }

    fn save_to(&mut self, path: &Path) -> bool {
        match self.doc.save_to(path) {
            Ok(()) => {
                self.prefs.remember(path);
                self.notice = Some(Notice::info(format!("Saved to {}", path.display())));
                true
            }
            Err(e) => {
                self.notice = Some(Notice::error(e.to_string()));
                false
            }
        }
    }

    fn open_dialog(&mut self) {
        let dir = self.start_dir();
        match self.dialogs.open(dir.as_deref()) {
            Picked::Path(p) => self.open_path(&p),
            Picked::Cancelled => {}
            Picked::Unavailable => {
                self.dialog = Some(Dialog::PathEntry {
                    purpose: PathPurpose::Open,
                    text: dir.map(|d| format!("{}/", d.display())).unwrap_or_default(),
                    why: "No file dialog could be shown on this system (no desktop portal or zenity). Type the path of the scenario file:".into(),
                });
            }
        }
    }

    /// Asks about unsaved changes before `then`, or does it at once.
    fn guard(&mut self, ctx: &egui::Context, then: Pending) {
        if self.doc.is_dirty() {
            self.dialog = Some(Dialog::Unsaved { then });
        } else {
            self.proceed(ctx, then);
        }
    }

    fn proceed(&mut self, ctx: &egui::Context, then: Pending) {
        match then {
            Pending::New => self.set_document(Document::new(blank(), Origin::New)),
            Pending::Open => self.open_dialog(),
            Pending::OpenFile(p) => self.open_path(&p),
            Pending::OpenReference(i) => match REFERENCES.get(i).map(|r| (r, r.load())) {
                Some((r, Ok(s))) => {
                    self.set_document(Document::new(s, Origin::Reference(r.name.to_owned())));
                    self.notice = Some(Notice::info(format!(
                        "Opened the reference scenario {}; Save as… to keep your changes",
                        r.name
                    )));
                }
                Some((_, Err(e))) => self.notice = Some(Notice::error(e.to_string())),
                None => {}
            },
            Pending::Quit => {
                self.allow_close = true;
                ctx.send_viewport_cmd(ViewportCommand::Close);
            }
        }
    }

    fn run(&mut self, ctx: &egui::Context, cmd: Command) {
        let now = ctx.input(|i| i.time);
        match cmd {
            Command::Ui(c) => self.run_ui(ctx, c),
            Command::Edit(edit) => {
                if let Err(e) = self.doc.apply(edit, now) {
                    self.notice =
                        Some(Notice::error(format!("That change could not be made: {e}")));
                }
            }
            Command::Select(s) => self.view.select(s),
            Command::OpenFile(p) => self.guard(ctx, Pending::OpenFile(p)),
            Command::OpenReference(i) => self.guard(ctx, Pending::OpenReference(i)),
            Command::SaveTo(p) => {
                self.save_to(&p);
            }
            Command::ConfirmDelete(id) => {
                let refs = references(self.doc.scenario(), &id);
                if refs.is_empty() {
                    self.run(ctx, Command::Edit(Edit::Delete(id)));
                } else {
                    let name = entity_name(self.doc.scenario(), &id);
                    self.dialog = Some(Dialog::Delete { id, name, refs });
                }
            }
        }
    }

    fn run_ui(&mut self, ctx: &egui::Context, c: UiCommand) {
        match c {
            UiCommand::New => self.guard(ctx, Pending::New),
            UiCommand::Open => self.guard(ctx, Pending::Open),
            UiCommand::Save => {
                self.save();
            }
            UiCommand::SaveAs => {
                self.save_as();
            }
            UiCommand::Undo => {
                if !self.doc.undo() {
                    self.notice = Some(Notice::info("Nothing to undo"));
                }
            }
            UiCommand::Redo => {
                if !self.doc.redo() {
                    self.notice = Some(Notice::info("Nothing to redo"));
                }
            }
            UiCommand::AddFromCatalogue => {
                let c = &mut self.view.catalogue;
                c.open = true;
                c.focus_search = true;
                c.mission =
                    self.view
                        .filter
                        .mission
                        .clone()
                        .or_else(|| match &self.view.selection {
                            Some(crate::command::Selection::Mission(m)) => Some(m.clone()),
                            _ => c.mission.clone(),
                        });
            }
            UiCommand::ZoomIn | UiCommand::ZoomOut | UiCommand::ZoomReset => {
                let z = match c {
                    UiCommand::ZoomIn => ctx.zoom_factor() + theme::ZOOM_STEP,
                    UiCommand::ZoomOut => ctx.zoom_factor() - theme::ZOOM_STEP,
                    _ => 1.0,
                };
                let z = ((z * 10.0).round() / 10.0).clamp(theme::ZOOM_MIN, theme::ZOOM_MAX);
                ctx.set_zoom_factor(z);
                self.prefs.zoom = z;
            }
            UiCommand::ToggleTheme => self.prefs.dark = !self.prefs.dark,
            UiCommand::ToggleEditor | UiCommand::ToggleChecklist => {
                let fitted = self.panels.widths(ctx.content_rect().width());
                let side = if c == UiCommand::ToggleEditor {
                    Side::Left
                } else {
                    Side::Right
                };
                self.panels.toggle(side, fitted);
            }
            UiCommand::Present => self.set_presenting(ctx, !self.presenting),
            UiCommand::Shortcuts => self.help.shortcuts = true,
            UiCommand::About => self.help.about = true,
            UiCommand::Quit => self.guard(ctx, Pending::Quit),
        }
    }

    fn set_presenting(&mut self, ctx: &egui::Context, on: bool) {
        if on == self.presenting {
            return;
        }
        self.presenting = on;
        // The presentation sets its own large type for the room: at the window's own zoom it
        // would not fit. The user's zoom comes back on leaving.
        ctx.set_zoom_factor(if on {
            1.0
        } else {
            self.prefs.zoom.clamp(theme::ZOOM_MIN, theme::ZOOM_MAX)
        });
        // Full screen where the platform allows; the same window otherwise.
        ctx.send_viewport_cmd(ViewportCommand::Fullscreen(on));
    }

    /// Whether presentation mode is on.
    pub fn presenting(&self) -> bool {
        self.presenting
    }

    fn answer(&mut self, ctx: &egui::Context, answer: Answer) {
        if answer == Answer::Waiting {
            return;
        }
        self.dialog = None;
        match answer {
            Answer::Waiting | Answer::Cancel => self.after_save = None,
            Answer::SaveThen(then) => {
                if self.save() {
                    self.proceed(ctx, then);
                } else if matches!(self.dialog, Some(Dialog::PathEntry { .. })) {
                    // Saving goes on through the path field; continue after it.
                    self.after_save = Some(then);
                }
            }
            Answer::DiscardThen(then) => self.proceed(ctx, then),
            Answer::Delete(id) => self.run(ctx, Command::Edit(Edit::Delete(id))),
            Answer::Path(PathPurpose::Open, p) => self.open_path(&p),
            Answer::Restore(found) => self.restore(&found),
            Answer::DiscardRecovery(found) => {
                if let Err(e) = RecoveryStore::discard(&found) {
                    self.notice = Some(Notice::error(format!(
                        "The recovery copy {} could not be deleted: {e}",
                        found.file.display()
                    )));
                }
            }
            Answer::Path(PathPurpose::SaveAs, p) => {
                if self.save_to(&p)
                    && let Some(then) = self.after_save.take()
                {
                    self.proceed(ctx, then);
                }
            }
        }
    }
}

fn entity_name(s: &Scenario, id: &EntityId) -> String {
    let name = match id {
        EntityId::Region(r) => s
            .host
            .regions
            .iter()
            .find(|x| &x.id == r)
            .map(|x| x.name.clone()),
        EntityId::Group(g) => s.groups.iter().find(|x| &x.id == g).map(|x| x.name.clone()),
        EntityId::Mission(m) => s
            .missions
            .iter()
            .find(|x| &x.id == m)
            .map(|x| x.short_name().to_owned()),
        EntityId::Actor(a) => s.actors.iter().find(|x| &x.id == a).map(|x| x.name.clone()),
        EntityId::Activity(a) => s
            .activities
            .iter()
            .find(|x| &x.id == a)
            .map(|x| x.title.clone()),
    };
    format!("'{}'", name.unwrap_or_else(|| id.as_str().to_owned()))
}

/// A file name from a title: "Kosovo 2008" → "kosovo-2008.ron".
fn suggested_file_name(title: &str) -> String {
    let mut name = String::new();
    for c in title.chars() {
        if c.is_alphanumeric() {
            name.extend(c.to_lowercase());
        } else if !name.ends_with('-') && !name.is_empty() {
            name.push('-');
        }
    }
    let name = name.trim_end_matches('-');
    if name.is_empty() {
        "scenario.ron".to_owned()
    } else {
        format!("{name}.ron")
    }
}

impl eframe::App for PeaceOpsApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, Prefs::KEY, &self.prefs);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        // A clean exit: the work is saved, or the user chose to discard it.
        if let Some(saver) = self.autosaver.as_mut() {
            saver.clear();
            saver.flush();
        }
    }
}

impl PeaceOpsApp {
    /// Draws one frame of the whole window and runs the commands it produced.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        if !self.started {
            // Zoom goes through our commands (and is remembered), not egui's own shortcut.
            ctx.options_mut(|o| o.zoom_with_keyboard = false);
            ctx.set_zoom_factor(self.prefs.zoom.clamp(theme::ZOOM_MIN, theme::ZOOM_MAX));
            self.started = true;
        }
        if self.themed != Some(self.prefs.dark) {
            theme::apply(&ctx, self.prefs.dark);
            self.themed = Some(self.prefs.dark);
            // This frame's root `Ui` was made with the old style: give it the new one.
            ui.set_style(ctx.global_style());
        }
        if ctx.input(|i| i.viewport().close_requested()) && !self.allow_close && self.doc.is_dirty()
        {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
            self.dialog = Some(Dialog::Unsaved {
                then: Pending::Quit,
            });
        }

        let mut out: Vec<Command> = Vec::new();
        if self.dialog.is_none() {
            out.extend(UiCommand::listen(&ctx).into_iter().map(Command::Ui));
        }
        if self.doc.revision() > 0 {
            self.start_screen = false;
        }
        if self.presenting {
            if ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape)) {
                self.set_presenting(&ctx, false);
            }
            egui::CentralPanel::default().show(ui, |ui| {
                present::present_ui(ui, &self.doc, &mut self.view, self.prefs.dark, &mut out);
            });
        } else {
            self.board(ui, &mut out);
        }

        if let Some(dialog) = self.dialog.as_mut() {
            let answer = dialog_ui(&ctx, dialog);
            self.answer(&ctx, answer);
        }
        for cmd in out {
            self.run(&ctx, cmd);
        }
        self.autosave(&ctx);
        let title = self.title();
        if title != self.title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }
}

impl PeaceOpsApp {
    /// The menu bar, the status bar, the side panels and the chart (or the start screen).
    fn board(&mut self, ui: &mut egui::Ui, out: &mut Vec<Command>) {
        let ctx = ui.ctx().clone();
        let menu = Panel::top("menu bar").show(ui, |ui| {
            menu_bar::menu_bar_ui(ui, &self.doc, &self.prefs.recent, out);
        });
        Panel::bottom("status bar").show(ui, |ui| {
            status_bar::status_bar_ui(
                ui,
                &self.doc,
                &mut self.notice,
                &mut self.show_problems,
                ctx.zoom_factor(),
            );
        });
        let fitted = self.panels.widths(ctx.content_rect().width());
        let generation = self.generation;
        match fitted.editor {
            Some(max) => {
                Panel::left("editor")
                    .resizable(true)
                    .default_size(theme::EDITOR_WIDTH.min(max))
                    .size_range(theme::EDITOR_MIN_WIDTH.min(max)..=max)
                    .show(ui, |ui| {
                        if panel_header(ui, Side::Left) {
                            out.push(Command::Ui(UiCommand::ToggleEditor));
                        }
                        contained(ui, generation, |ui| {
                            editor::editor_ui(ui, &self.doc, &mut self.view, out);
                        });
                    });
            }
            None => {
                Panel::left("editor strip")
                    .exact_size(theme::PANEL_STRIP_WIDTH)
                    .show(ui, |ui| {
                        if strip_button(ui, Side::Left) {
                            out.push(Command::Ui(UiCommand::ToggleEditor));
                        }
                    });
            }
        }
        match fitted.checklist {
            Some(max) => {
                Panel::right("checklist")
                    .resizable(true)
                    .default_size(theme::CHECKLIST_WIDTH.min(max))
                    .size_range(theme::CHECKLIST_MIN_WIDTH.min(max)..=max)
                    .show(ui, |ui| {
                        if panel_header(ui, Side::Right) {
                            out.push(Command::Ui(UiCommand::ToggleChecklist));
                        }
                        contained(ui, generation, |ui| {
                            checklist::checklist_ui(ui, &self.doc, &mut self.view.checklist, out);
                        });
                    });
            }
            None => {
                // A folded checklist has no row under the pointer (nor rings on the chart).
                self.view.checklist.hovered = None;
                Panel::right("checklist strip")
                    .exact_size(theme::PANEL_STRIP_WIDTH)
                    .show(ui, |ui| {
                        if strip_button(ui, Side::Right) {
                            out.push(Command::Ui(UiCommand::ToggleChecklist));
                        }
                    });
            }
        }
        let hovered = self.view.checklist.hovered;
        egui::CentralPanel::default().show(ui, |ui| {
            if self.start_screen {
                start::start_ui(ui, &self.prefs.recent, out);
            } else {
                chart::chart_ui(
                    ui,
                    &self.doc,
                    &mut self.view,
                    hovered,
                    self.prefs.dark,
                    &theme::CHART_TEXT,
                    out,
                );
            }
        });
        let below_menu = Rect::from_min_max(
            egui::pos2(ctx.content_rect().left(), menu.response.rect.bottom()),
            ctx.content_rect().max,
        );
        catalogue::catalogue_window(&ctx, below_menu, &self.doc, &mut self.view.catalogue, out);
        status_bar::problems_window(&ctx, &self.doc, &mut self.show_problems);
        help::help_windows(&ctx, below_menu, &mut self.help);
    }
}

/// Draws a side panel's content in the room the panel has, clipped there: content wider than
/// the panel (a long row of a form) never widens it, so its width stays the one the user set.
/// `generation` salts the ids, so a new document's lists start at the top.
fn contained(ui: &mut egui::Ui, generation: u64, add: impl FnOnce(&mut egui::Ui)) {
    let rect = ui.available_rect_before_wrap();
    let mut child = ui.new_child(
        egui::UiBuilder::new()
            .id_salt(("panel content", generation))
            .max_rect(rect)
            .layout(*ui.layout()),
    );
    child.set_clip_rect(rect.intersect(ui.clip_rect()));
    add(&mut child);
    ui.allocate_rect(rect, egui::Sense::hover());
}

/// The row above a side panel's content, with the button that folds it. Returns whether it was
/// clicked.
fn panel_header(ui: &mut egui::Ui, side: Side) -> bool {
    let (text, cmd) = match side {
        Side::Left => ("« Hide editor", UiCommand::ToggleEditor),
        Side::Right => ("Hide checklist »", UiCommand::ToggleChecklist),
    };
    let layout = match side {
        Side::Left => egui::Layout::left_to_right(egui::Align::Center),
        Side::Right => egui::Layout::right_to_left(egui::Align::Center),
    };
    let tip = match cmd.shortcuts().first() {
        Some(s) => format!(
            "{} ({})",
            cmd.text_and_tooltip().1,
            ui.ctx().format_shortcut(s)
        ),
        None => cmd.text_and_tooltip().1.to_owned(),
    };
    let size = egui::vec2(ui.available_width(), ui.spacing().interact_size.y);
    ui.allocate_ui_with_layout(size, layout, |ui| {
        ui.small_button(text).on_hover_text(tip).clicked()
    })
    .inner
}

/// The button of a folded side panel. Returns whether it was clicked.
fn strip_button(ui: &mut egui::Ui, side: Side) -> bool {
    let (text, name, cmd) = match side {
        Side::Left => ("»", "Show editor", UiCommand::ToggleEditor),
        Side::Right => ("«", "Show checklist", UiCommand::ToggleChecklist),
    };
    let tip = match cmd.shortcuts().first() {
        Some(s) => format!("{name} ({})", ui.ctx().format_shortcut(s)),
        None => name.to_owned(),
    };
    let r = ui.button(text).on_hover_text(tip);
    r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, name));
    r.clicked()
}

/// Opens the window (with a scenario file, if given) and runs until it closes.
pub fn run(file: Option<PathBuf>) -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("PeaceOps")
            .with_app_id("peaceops")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([960.0, 600.0]),
        ..Default::default()
    };
    eframe::run_native(
        "PeaceOps",
        options,
        Box::new(move |cc| {
            Ok(Box::new(PeaceOpsApp::new(
                cc,
                StartOptions {
                    file,
                    ..Default::default()
                },
            )))
        }),
    )
}

#[cfg(test)]
mod tests {
    use super::suggested_file_name;

    #[test]
    fn file_names_from_titles() {
        assert_eq!(
            suggested_file_name("Kosovo around 2008: UNMIK"),
            "kosovo-around-2008-unmik.ron"
        );
        assert_eq!(suggested_file_name("  "), "scenario.ron");
    }
}
