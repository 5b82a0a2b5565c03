//! The workshop window: menu bar, editor (left), risk checklist (right), quadrant chart
//! (centre), status bar. Panels draw from the [`Document`] and push [`Command`]s, which run
//! after the frame; the scenario changes only through them, one undo step each.

use std::path::{Path, PathBuf};

use egui::{Panel, Rect, ViewportCommand};

use crate::command::{Command, UiCommand};
use crate::document::Document;
use crate::files::{FileDialogs, FileKind, NativeDialogs, Picked, PickedMany, Prefs};
use crate::io::{Found, RecoveryStore, SaveError};
use crate::model::{Edit, EntityId, Scenario, references};
use crate::session::{SaveOutcome, Session};
use crate::theme;
use crate::view::dialogs::{Answer, Dialog, PathPurpose, Pending, dialog_ui};
use crate::view::panels::{Side, SidePanels};
use crate::view::status_bar::Notice;
use crate::view::{
    ViewState, catalogue, chart, checklist, compare, editor, exercise, help, import, menu_bar,
    options, present, start, status_bar, timeline,
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

/// The PeaceOps window.
pub struct PeaceOpsApp {
    /// The document and its file: open, save, recovery (UI-free, see [`Session`]).
    session: Session,
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
    show_problems: bool,
    /// Which side panels the user wants open.
    panels: SidePanels,
    /// The chart alone, full screen.
    presenting: bool,
    /// A monitor other than the window's, where a presentation goes (see [`present`]).
    second_screen: Option<usize>,
    /// The monitor the presentation is on, when it has a window of its own.
    presenting_on: Option<usize>,
    /// When the monitors were last counted (eframe's clock).
    screens_counted: Option<f64>,
    /// The chart on the second screen: its own layout (another size, larger type), so neither
    /// chart lays itself out again every frame.
    present_chart: chart::ChartCache,
    /// The start screen shows until a scenario is opened, made or edited.
    start_screen: bool,
    /// Help windows.
    help: help::HelpState,
    /// Counts documents shown, so lists start at the top for each.
    generation: u64,
    /// Whether the timeline panel is open.
    timeline_open: bool,
    /// The timeline's play state and cache.
    timeline: timeline::TimelineState,
    /// The last export written, for Repeat last export (Ctrl+E).
    last_export: Option<(crate::report::Format, PathBuf)>,
    /// The files being imported as options, while their dialog is open (issue 12).
    import: Option<import::ImportState>,
    /// Said after the next command: the console kept what was being written for the document
    /// that was replaced.
    draft_note: Option<String>,
    /// A quit was held once for what the console has not recorded (the next one goes on).
    quit_warned: bool,
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
        let dir = match start.recovery {
            Recovery::Default => RecoveryStore::default_dir(),
            Recovery::In(dir) => Some(dir),
            Recovery::Off => None,
        };
        let mut app = Self {
            session: Session::new(dir),
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
            show_problems: false,
            panels: SidePanels::default(),
            presenting: false,
            second_screen: None,
            presenting_on: None,
            screens_counted: None,
            present_chart: chart::ChartCache::default(),
            start_screen: start.file.is_none(),
            help: help::HelpState::default(),
            generation: 0,
            timeline_open: false,
            timeline: timeline::TimelineState::default(),
            last_export: None,
            import: None,
            draft_note: None,
            quit_warned: false,
        };
        if let Some(path) = start.file {
            app.open_path(&path);
        }
        let scan = app.session.scan_recovery();
        if let Some((file, e)) = scan.set_aside.first() {
            app.notice = Some(Notice::error(format!(
                "A recovery copy of unsaved work could not be read; it was kept aside as {}: {e}",
                file.display()
            )));
        }
        if !scan.found.is_empty() {
            app.dialog = Some(Dialog::Recover {
                copies: scan
                    .found
                    .into_iter()
                    .map(|f| {
                        let when = crate::view::dialogs::utc_time(f.written_unix_secs);
                        (f, when)
                    })
                    .collect(),
            });
        }
        app
    }

    /// A new document is on screen (opened, new, restored, reloaded): the views start afresh,
    /// every list at the top, and the start screen gives way.
    fn document_shown(&mut self) {
        // The console's unrecorded drafts belong to their file: kept, not thrown away.
        let mut exercise = std::mem::take(&mut self.view.exercise);
        self.draft_note = exercise.document_replaced(self.session.document().origin());
        self.view = ViewState::default();
        self.view.exercise = exercise;
        self.start_screen = false;
        self.generation += 1;
    }

    fn restore(&mut self, found: &Found) {
        match self.session.restore(found) {
            Ok(changed) => {
                self.document_shown();
                self.notice = Some(if changed {
                    Notice::error(
                        "Unsaved work restored, but its file changed on disk after the work was lost; saving will ask what to do",
                    )
                } else {
                    Notice::info(
                        "Unsaved work restored; Undo goes back to the file as saved. Save it to keep it.",
                    )
                });
            }
            Err(e) => self.notice = Some(Notice::error(e.to_string())),
        }
    }

    /// Keeps the recovery copy in step with the document (see [`Session::autosave`]).
    fn autosave(&mut self, ctx: &egui::Context) {
        if let Some(e) = self.session.take_recovery_error() {
            self.notice = Some(Notice::error(e));
        }
        let now = ctx.input(|i| i.time);
        if let Some(wait) = self.session.autosave(now) {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(wait));
        }
    }

    /// Writes pending recovery work and waits for it (tests; the program does this on exit).
    pub fn flush_recovery(&mut self) {
        self.session.flush_recovery();
    }

    /// Waits for the recovery copies the autosave timing already wrote, writing nothing new
    /// (tests of that timing).
    pub fn wait_for_recovery_writer(&mut self) {
        self.session.wait_for_recovery_writer();
    }

    /// The open document.
    pub fn document(&self) -> &Document {
        self.session.document()
    }

    /// The file flow: the document, its file, its recovery copy.
    pub fn session(&self) -> &Session {
        &self.session
    }

    /// What is selected in the editor, if anything.
    pub fn selection(&self) -> Option<&crate::command::Selection> {
        self.view.selection.as_ref()
    }

    /// Opens the compare view on these options (two to four; the window opens it with
    /// Ctrl+Shift+K). Benchmarks and tests start it this way.
    pub fn compare_options(&mut self, options: Vec<crate::model::OptionId>) {
        self.view
            .compare
            .open_on(self.session.document().scenario(), options);
    }

    /// Whether the compare view is shown.
    pub fn comparing(&self) -> bool {
        self.view.compare.open
    }

    /// Whether the timeline panel is open, and whether it is playing.
    pub fn timeline_state(&self) -> (bool, bool) {
        (self.timeline_open, self.timeline.playing)
    }

    /// The message shown to the user, if any.
    pub fn notice(&self) -> Option<&Notice> {
        self.notice.as_ref()
    }

    /// The window title.
    pub fn title(&self) -> String {
        format!(
            "{}{} — PeaceOps",
            if self.document().is_dirty() {
                "● "
            } else {
                ""
            },
            self.document().display_name()
        )
    }

    /// The preferences (zoom, theme, recent files).
    pub fn prefs(&self) -> &Prefs {
        &self.prefs
    }

    fn open_path(&mut self, path: &Path) {
        match self.session.open(path) {
            Ok(opened) => {
                self.document_shown();
                self.prefs.remember(path);
                self.notice = Some(if let Some(name) = opened.reference {
                    Notice::info(format!(
                        "Opened the reference scenario {name} as a copy; the original is never saved over"
                    ))
                } else if opened.errors == 0 {
                    Notice::info(format!("Opened {}", path.display()))
                } else {
                    self.show_problems = true;
                    Notice::error(format!(
                        "Opened {}, which has {} problem(s): see the Problems window",
                        path.display(),
                        opened.errors
                    ))
                });
            }
            // The scenario on screen stays; the error says which file, line and column.
            Err(e) => self.notice = Some(Notice::error(e.to_string())),
        }
    }

    /// Saves to the document's file, or asks where. Returns whether it was saved.
    fn save(&mut self) -> bool {
        let outcome = self.session.save();
        self.saved(outcome)
    }

    /// Acts on how a save went: a message, or the next question.
    fn saved(&mut self, outcome: SaveOutcome) -> bool {
        match outcome {
            SaveOutcome::Saved(path) => {
                self.prefs.remember(&path);
                self.notice = Some(Notice::info(format!("Saved to {}", path.display())));
                true
            }
            SaveOutcome::NeedsPath => self.save_as(),
            SaveOutcome::ChangedOnDisk(path) => {
                self.dialog = Some(Dialog::ChangedOnDisk { path });
                false
            }
            SaveOutcome::Failed(e) => {
                let read_only = matches!(e, SaveError::ReadOnly { .. });
                self.notice = Some(Notice::error(e.to_string()));
                // A protected file: offer to save a copy elsewhere at once.
                read_only && self.save_as()
            }
        }
    }

    fn save_as(&mut self) -> bool {
        let name = self.session.suggested_name();
        let dir = self.session.start_dir(&self.prefs.recent);
        match self.dialogs.save(FileKind::Scenario, dir.as_deref(), &name) {
            Picked::Path(p) => self.save_to(&p),
            Picked::Cancelled => false,
            Picked::Unavailable => {
                self.dialog = Some(Dialog::PathEntry {
                    purpose: PathPurpose::SaveAs,
                    text: dir.map(|d| d.join(&name).display().to_string()).unwrap_or(name),
                    why: "No file dialog could be shown on this system (no desktop portal or zenity). Type where to save the scenario:".into(),
                    focus: true,
                });
                false
            }
        }
    }

    fn save_to(&mut self, path: &Path) -> bool {
        let outcome = self.session.save_as(path);
        match outcome {
            // Save as to a protected file: say so; the user picks again.
            SaveOutcome::Failed(e) => {
                self.notice = Some(Notice::error(e.to_string()));
                false
            }
            other => self.saved(other),
        }
    }

    /// Asks where to write an export of `format`, then writes it.
    fn export_dialog(&mut self, format: crate::report::Format) {
        let suggested = self.session.suggested_name();
        let stem = Path::new(&suggested)
            .file_stem()
            .map_or_else(|| "report".to_owned(), |s| s.to_string_lossy().into_owned());
        let name = format.suggested_name(&stem);
        let dir = self
            .last_export
            .as_ref()
            .and_then(|(_, p)| p.parent().map(Path::to_owned))
            .or_else(|| self.session.start_dir(&self.prefs.recent));
        match self
            .dialogs
            .save(FileKind::Export(format), dir.as_deref(), &name)
        {
            Picked::Path(p) => {
                self.export_to(format, &p);
            }
            Picked::Cancelled => {}
            Picked::Unavailable => {
                self.dialog = Some(Dialog::PathEntry {
                    purpose: PathPurpose::Export(format),
                    text: dir.map(|d| d.join(&name).display().to_string()).unwrap_or(name),
                    why: "No file dialog could be shown on this system (no desktop portal or zenity). Type where to write the export:".into(),
                    focus: true,
                });
            }
        }
    }

    /// Writes an export of the document as it is now; says where, or why not (with the path).
    fn export_to(&mut self, format: crate::report::Format, path: &Path) -> bool {
        use crate::report::{Options, Report, ReportContext, export};
        let doc = self.session.document();
        // The board as the window shows it: the findings are the document's, at its lens, of the
        // run's board while a run is open (they are resolved against it).
        let at = doc.lens().at;
        let ctx = ReportContext {
            at,
            problems: doc.problems().to_vec(),
        };
        // The findings are of the board the room sees (the current option's, or the run's).
        let mut report = Report::build(doc.room(), doc.findings(), &ctx);
        report.options = crate::report::OptionsBrief::of(doc.scenario(), None, at);
        let options = Options {
            at,
            ..Options::default()
        };
        match export(&report, format, &options, path) {
            Ok(files) => {
                let also = match files.len() {
                    0 | 1 => String::new(),
                    n => format!(" (and {} image file(s) beside it)", n - 1),
                };
                self.notice = Some(
                    Notice::info(format!(
                        "Exported the {} to {}{also}",
                        format.label(),
                        path.display()
                    ))
                    .offering_to_open(path),
                );
                self.last_export = Some((format, path.to_owned()));
                true
            }
            Err(e) => {
                let message = e.to_string();
                let shown = path.display().to_string();
                self.notice = Some(Notice::error(if message.contains(&shown) {
                    message
                } else {
                    format!("{shown}: {message}")
                }));
                false
            }
        }
    }

    /// Opens an exported file with the system's opener; says so when that fails, with the path.
    fn open_externally(&mut self, path: &Path) {
        self.notice = Some(match self.dialogs.open_externally(path) {
            Ok(()) => Notice::info(format!(
                "Opened {} with the system's opener",
                path.display()
            )),
            Err(e) => Notice::error(format!("Could not open {}: {e}", path.display())),
        });
    }

    fn open_dialog(&mut self) {
        let dir = self.session.start_dir(&self.prefs.recent);
        match self.dialogs.open(dir.as_deref()) {
            Picked::Path(p) => self.open_path(&p),
            Picked::Cancelled => {}
            Picked::Unavailable => {
                self.dialog = Some(Dialog::PathEntry {
                    purpose: PathPurpose::Open,
                    text: dir.map(|d| format!("{}/", d.display())).unwrap_or_default(),
                    why: "No file dialog could be shown on this system (no desktop portal or zenity). Type the path of the scenario file:".into(),
                    focus: true,
                });
            }
        }
    }

    /// File → Import option from file…: asks for the files, then checks them.
    fn import_dialog(&mut self) {
        let dir = self.session.start_dir(&self.prefs.recent);
        match self.dialogs.open_many(dir.as_deref()) {
            PickedMany::Paths(paths) => self.import_paths(paths),
            PickedMany::Cancelled => {}
            PickedMany::Unavailable => {
                self.dialog = Some(Dialog::PathEntry {
                    purpose: PathPurpose::ImportOption,
                    text: dir.map(|d| format!("{}/", d.display())).unwrap_or_default(),
                    why: "No file dialog could be shown on this system (no desktop portal or zenity). Type the path of each breakout group's scenario file, separated by ';':".into(),
                    focus: true,
                });
            }
        }
    }

    /// Loads the files to import and checks their bases; the import dialog shows the result.
    fn import_paths(&mut self, paths: Vec<PathBuf>) {
        let base = self.session.document().scenario();
        let files = paths
            .into_iter()
            .map(|p| import::ImportFile::load(base, p))
            .collect();
        self.import = Some(import::ImportState { files });
    }

    /// Imports the files of the import dialog that can be imported, as new options (through
    /// edits, so Undo takes them back); says what was imported and what was not.
    fn finish_import(&mut self, ctx: &egui::Context) {
        let Some(state) = self.import.take() else {
            return;
        };
        let import::ImportOutcome {
            edit,
            added,
            notes,
            refused,
        } = import::import_edits(self.session.document().scenario(), &state);
        // One batch: one import is one undo step, whatever it adds.
        if let Some(edit) = edit {
            self.session.document_mut().seal_undo_step();
            self.run(ctx, Command::Edit(edit));
            self.session.document_mut().seal_undo_step();
        }
        let added = if added.is_empty() {
            "No option was imported".to_owned()
        } else {
            format!("Imported as options: {}", added.join(", "))
        };
        let mut text = added;
        for n in notes.iter().chain(&refused) {
            text.push_str(". ");
            text.push_str(n);
        }
        self.notice = Some(if refused.is_empty() {
            Notice::info(text)
        } else {
            Notice::error(text)
        });
    }

    /// Asks about unsaved changes before `then`, or does it at once.
    fn guard(&mut self, ctx: &egui::Context, then: Pending) {
        if self.session.needs_guard() {
            self.dialog = Some(Dialog::Unsaved { then });
        } else {
            self.proceed(ctx, then);
        }
    }

    fn proceed(&mut self, ctx: &egui::Context, then: Pending) {
        match then {
            Pending::New => {
                self.session.new_document();
                self.document_shown();
            }
            Pending::Open => self.open_dialog(),
            Pending::OpenFile(p) => self.open_path(&p),
            Pending::OpenReference(i) => match self.session.open_reference(i) {
                Some(Ok(r)) => {
                    self.document_shown();
                    self.notice = Some(Notice::info(format!(
                        "Opened the reference scenario {}",
                        r.name
                    )));
                }
                Some(Err(e)) => self.notice = Some(Notice::error(e.to_string())),
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
                self.timeline.stop();
                if let Err(e) = self.session.document_mut().apply(edit, now) {
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
            Command::SetLens(lens) => self.session.document_mut().set_lens(lens),
            Command::PickFinding(key) => {
                self.view.checklist.picked = Some(checklist::Picked::Finding(key));
            }
            Command::SetReplay(replay) => self.session.document_mut().set_replay(replay),
            Command::ConfirmDelete(id) => {
                let refs = references(self.document().scenario(), &id);
                if refs.is_empty() {
                    self.run(ctx, Command::Edit(Edit::Delete(id)));
                } else {
                    let name = entity_name(self.document().scenario(), &id);
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
            UiCommand::ExportHtml
            | UiCommand::ExportMarkdown
            | UiCommand::ExportCsvActivities
            | UiCommand::ExportCsvFindings
            | UiCommand::ExportChartSvg
            | UiCommand::ExportChartPng => {
                if let Some(format) = c.export_format() {
                    self.export_dialog(format);
                }
            }
            UiCommand::RepeatExport => match self.last_export.clone() {
                Some((format, path)) => {
                    self.export_to(format, &path);
                }
                // Nothing exported yet: start with the debrief.
                None => self.export_dialog(crate::report::Format::Html),
            },
            UiCommand::Undo => {
                if !self.session.document_mut().undo() {
                    self.notice = Some(Notice::info("Nothing to undo"));
                }
            }
            UiCommand::Redo => {
                if !self.session.document_mut().redo() {
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
            // The side panels are folded while comparing: asking for one goes back to the board.
            UiCommand::ToggleEditor | UiCommand::ToggleChecklist if self.view.compare.open => {
                self.view.compare.open = false;
            }
            UiCommand::ToggleEditor | UiCommand::ToggleChecklist => {
                let fitted = self.panels.widths(ctx.content_rect().width());
                let side = if c == UiCommand::ToggleEditor {
                    Side::Left
                } else {
                    Side::Right
                };
                self.panels.toggle(side, fitted);
            }
            UiCommand::ToggleTimeline => {
                self.timeline_open = !self.timeline_open;
                self.timeline.stop();
            }
            UiCommand::Present => self.set_presenting(ctx, !self.presenting),
            UiCommand::CompareOptions => {
                let c = &mut self.view.compare;
                if c.open {
                    c.open = false;
                } else {
                    let picked = c.picked.clone();
                    c.open_on(self.session.document().scenario(), picked);
                }
            }
            UiCommand::ImportOption => self.import_dialog(),
            UiCommand::Console
            | UiCommand::LogEntry
            | UiCommand::ImportMsel
            | UiCommand::ExportMsel => {
                self.run_exercise(ctx, c);
            }
            UiCommand::Shortcuts => self.help.shortcuts = true,
            UiCommand::About => self.help.about = true,
            UiCommand::Quit => {
                if !self.drafts_hold_quit() {
                    self.guard(ctx, Pending::Quit);
                }
            }
        }
    }

    fn set_presenting(&mut self, ctx: &egui::Context, on: bool) {
        if on == self.presenting {
            return;
        }
        self.presenting = on;
        if on && let Some(monitor) = self.second_screen {
            // A second screen: the presentation gets a window of its own there, full screen;
            // this window keeps the editor and the checklist for the facilitator.
            self.presenting_on = Some(monitor);
            return;
        }
        if self.presenting_on.take().is_some() {
            // Its window closes when it is no longer shown; this one was never changed.
            return;
        }
        // One screen: this window presents. The presentation sets its own large type for the
        // room: at the window's own zoom it would not fit. The user's zoom comes back on
        // leaving.
        ctx.set_zoom_factor(if on {
            1.0
        } else {
            self.prefs.zoom.clamp(theme::ZOOM_MIN, theme::ZOOM_MAX)
        });
        ctx.send_viewport_cmd(ViewportCommand::Fullscreen(on));
    }

    /// Says which monitor, other than the window's, a presentation goes to (`None`: there is
    /// only one, and the window itself presents). The program counts the monitors itself;
    /// tests, which have none, say it here.
    pub fn set_second_screen(&mut self, monitor: Option<usize>) {
        self.second_screen = monitor;
    }

    /// The monitor the presentation has a window of its own on, if it has one.
    pub fn presenting_on(&self) -> Option<usize> {
        self.presenting_on
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
                } else if matches!(
                    self.dialog,
                    Some(Dialog::PathEntry { .. } | Dialog::ChangedOnDisk { .. })
                ) {
                    // Saving goes on through the path field or the changed-on-disk question;
                    // continue after it.
                    self.after_save = Some(then);
                }
            }
            Answer::DiscardThen(then) => {
                if then == Pending::Quit {
                    self.session.discard_changes();
                }
                self.proceed(ctx, then);
            }
            Answer::Delete(id) => self.run(ctx, Command::Edit(Edit::Delete(id))),
            Answer::Path(PathPurpose::Open, p) => self.open_path(&p),
            Answer::Path(PathPurpose::ImportOption, p) => {
                // Several files, separated by ';'.
                let paths = p
                    .to_string_lossy()
                    .split(';')
                    .map(str::trim)
                    .filter(|t| !t.is_empty())
                    .map(PathBuf::from)
                    .collect();
                self.import_paths(paths);
            }
            Answer::Restore(found) => self.restore(&found),
            Answer::DiscardRecovery(found, rest) => {
                if let Err(e) = Session::discard_recovery(&found) {
                    self.notice = Some(Notice::error(format!(
                        "The recovery copy {} could not be deleted: {e}",
                        found.file.display()
                    )));
                }
                if !rest.is_empty() {
                    self.dialog = Some(Dialog::Recover { copies: rest });
                }
            }
            Answer::Overwrite => {
                let outcome = self.session.overwrite();
                if self.saved(outcome)
                    && let Some(then) = self.after_save.take()
                {
                    self.proceed(ctx, then);
                }
            }
            Answer::SaveAsInstead => {
                if self.save_as()
                    && let Some(then) = self.after_save.take()
                {
                    self.proceed(ctx, then);
                }
            }
            Answer::Reload => {
                self.after_save = None;
                match self.session.reload() {
                    Ok(_) => {
                        self.document_shown();
                        self.notice = Some(Notice::info("Reloaded the file as it is on disk"));
                    }
                    Err(e) => self.notice = Some(Notice::error(e.to_string())),
                }
            }
            Answer::Path(PathPurpose::Export(format), p) => {
                self.export_to(format, &p);
            }
            Answer::Path(PathPurpose::ImportMsel, p) => {
                self.import_msel(&p, ctx.input(|i| i.time));
            }
            Answer::Path(PathPurpose::ExportMsel, p) => self.export_msel(&p),
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

impl eframe::App for PeaceOpsApp {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        // Monitors come and go (a projector is plugged in): counted again every few seconds
        // of use, never while presenting.
        let now = ui.input(|i| i.time);
        if !self.presenting
            && self
                .screens_counted
                .is_none_or(|t| now - t >= theme::SCREENS_RECOUNT_SECS)
            && let Some(window) = frame.winit_window()
        {
            let current = window.current_monitor();
            self.second_screen = window
                .available_monitors()
                .position(|m| current.as_ref() != Some(&m));
            self.screens_counted = Some(now);
        }
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, Prefs::KEY, &self.prefs);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        // The recovery copy goes only if nothing is unsaved (or the user discarded it).
        self.session.exit();
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
        if ctx.input(|i| i.viewport().close_requested()) && !self.allow_close {
            if self.drafts_hold_quit() {
                ctx.send_viewport_cmd(ViewportCommand::CancelClose);
            } else if self.session.needs_guard() {
                ctx.send_viewport_cmd(ViewportCommand::CancelClose);
                self.dialog = Some(Dialog::Unsaved {
                    then: Pending::Quit,
                });
            }
        }

        let mut out: Vec<Command> = Vec::new();
        if self.dialog.is_none() {
            out.extend(UiCommand::listen(&ctx).into_iter().map(Command::Ui));
        }
        if self.session.document().revision() > 0 {
            self.start_screen = false;
        }
        if let Some(monitor) = self.presenting_on {
            // The board stays here; the room's screen shows the presentation.
            self.board(ui, &mut out);
            let zoom = ctx.zoom_factor();
            std::mem::swap(&mut self.view.chart, &mut self.present_chart);
            let (doc, view, dark) = (self.session.document(), &mut self.view, self.prefs.dark);
            let leave = ctx.show_viewport_immediate(
                present::viewport(),
                present::second_screen(monitor),
                |ui, _class| {
                    egui::CentralPanel::default().show(ui, |ui| {
                        // Sized for the room's screen, whatever this window's zoom.
                        present::present_ui(ui, doc, view, dark, 1.0 / zoom, &mut out);
                    });
                    ui.input_mut(|i| {
                        i.consume_key(egui::Modifiers::NONE, egui::Key::Escape)
                            || i.viewport().close_requested()
                    })
                },
            );
            std::mem::swap(&mut self.view.chart, &mut self.present_chart);
            if leave {
                self.set_presenting(&ctx, false);
            }
        } else if self.presenting {
            if ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape)) {
                self.set_presenting(&ctx, false);
            }
            egui::CentralPanel::default().show(ui, |ui| {
                present::present_ui(
                    ui,
                    self.session.document(),
                    &mut self.view,
                    self.prefs.dark,
                    1.0,
                    &mut out,
                );
            });
        } else {
            self.board(ui, &mut out);
        }

        if let Some(dialog) = self.dialog.as_mut() {
            let answer = dialog_ui(&ctx, dialog);
            self.answer(&ctx, answer);
        } else if let Some(state) = self.import.as_mut() {
            match import::import_ui(&ctx, state) {
                import::ImportAnswer::Waiting => {}
                import::ImportAnswer::Cancel => self.import = None,
                import::ImportAnswer::Import => self.finish_import(&ctx),
            }
        }
        for cmd in out {
            self.run(&ctx, cmd);
        }
        if let Some(note) = self.draft_note.take() {
            self.notice = Some(match self.notice.take() {
                Some(mut n) => {
                    n.text = format!("{}. {note}", n.text);
                    n
                }
                None => Notice::info(note),
            });
        }
        self.view
            .exercise
            .belongs_to(self.session.document().origin());
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
        // A short window (a projector at a large zoom) folds the rows that take height, so
        // the chart keeps a plot.
        let short = ctx.content_rect().height() < theme::SHORT_WINDOW_HEIGHT;
        let bar_frame = egui::Frame::side_top_panel(&ctx.global_style());
        let bar_frame = if short {
            bar_frame.inner_margin(egui::Margin::symmetric(
                bar_frame.inner_margin.left,
                theme::SHORT_BAR_MARGIN,
            ))
        } else {
            bar_frame
        };
        let menu = Panel::top("menu bar").frame(bar_frame).show(ui, |ui| {
            // The option switcher shares the menu bar's row, right of the menus (a row of its
            // own when the window is too narrow): always in view, and the board keeps its
            // height.
            let start_screen = self.start_screen;
            let (doc, options) = (self.session.document(), &mut self.view.options);
            let bar = (!start_screen).then_some(|ui: &mut egui::Ui, out: &mut Vec<Command>| {
                options::options_bar_ui(ui, doc, options, out);
            });
            menu_bar::menu_bar_ui(ui, doc, &self.prefs.recent, out, short, bar);
        });
        Panel::bottom("status bar").frame(bar_frame).show(ui, |ui| {
            status_bar::status_bar_ui(
                ui,
                self.session.document(),
                &mut self.notice,
                &mut self.show_problems,
                ctx.zoom_factor(),
                short,
                out,
            );
        });
        if let Some(p) = self.notice.as_mut().and_then(Notice::take_open_request) {
            self.open_externally(&p);
        }
        if self.timeline_open && !self.start_screen {
            Panel::bottom("timeline")
                .resizable(true)
                .default_size(theme::TIMELINE_HEIGHT)
                .size_range(theme::TIMELINE_MIN_HEIGHT..=ctx.content_rect().height() / 2.0)
                .show(ui, |ui| {
                    ui.horizontal(|ui| {
                        ui.strong("Timeline");
                        if ui
                            .small_button("Hide timeline")
                            .on_hover_text(UiCommand::ToggleTimeline.text_and_tooltip().1)
                            .clicked()
                        {
                            out.push(Command::Ui(UiCommand::ToggleTimeline));
                        }
                    });
                    timeline::timeline_ui(
                        ui,
                        self.session.document(),
                        &mut self.timeline,
                        self.prefs.dark,
                        out,
                    );
                });
        } else {
            self.timeline.stop();
        }
        let mut fitted = self.panels.widths(ctx.content_rect().width());
        if self.view.compare.open && !self.start_screen {
            // The compare view takes the width: its charts and table need it.
            fitted.editor = None;
            fitted.checklist = None;
        }
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
                            if self.view.exercise.open {
                                exercise::console_ui(
                                    ui,
                                    self.session.document(),
                                    &mut self.view.exercise,
                                    out,
                                );
                            } else {
                                editor::editor_ui(ui, self.session.document(), &mut self.view, out);
                            }
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
                            checklist::checklist_ui(
                                ui,
                                self.session.document(),
                                &mut self.view.checklist,
                                out,
                            );
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
        let central = egui::Frame::central_panel(&ctx.global_style());
        let central = if short {
            central.inner_margin(theme::SHORT_CENTRAL_MARGIN)
        } else {
            central
        };
        egui::CentralPanel::default().frame(central).show(ui, |ui| {
            if self.start_screen {
                start::start_ui(ui, &self.prefs.recent, out);
            } else if self.view.compare.open {
                compare::compare_ui(
                    ui,
                    self.session.document(),
                    &mut self.view.compare,
                    self.prefs.dark,
                    out,
                );
            } else {
                chart::chart_ui(
                    ui,
                    self.session.document(),
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
        catalogue::catalogue_window(
            &ctx,
            below_menu,
            self.session.document(),
            &mut self.view.catalogue,
            out,
        );
        status_bar::problems_window(
            &ctx,
            self.session.document(),
            self.notice.as_ref(),
            &mut self.show_problems,
        );
        help::help_windows(&ctx, below_menu, &mut self.help);
        exercise::hot_wash_window(
            &ctx,
            below_menu,
            self.session.document(),
            &mut self.view.exercise,
            out,
        );
    }
}

/// Exercise mode: the console, the decision log's key, MSEL import and export.
impl PeaceOpsApp {
    fn run_exercise(&mut self, ctx: &egui::Context, c: UiCommand) {
        match c {
            UiCommand::Console | UiCommand::LogEntry => {
                let e = &mut self.view.exercise;
                let show = c == UiCommand::LogEntry || !e.open;
                e.open = show;
                e.focus_log = c == UiCommand::LogEntry;
                e.log_page |= e.focus_log;
                self.start_screen &= !show;
                // The console lives in the left panel: unfold it if it is folded.
                let fitted = self.panels.widths(ctx.content_rect().width());
                if show && fitted.editor.is_none() {
                    self.panels.toggle(Side::Left, fitted);
                }
                if c == UiCommand::LogEntry
                    && self.document().room_run().is_none_or(|r| !r.is_open())
                {
                    self.notice = Some(Notice::info(
                        "The decision log belongs to a run: Start exercise in the console first",
                    ));
                }
            }
            UiCommand::ImportMsel => {
                let dir = self.session.start_dir(&self.prefs.recent);
                match self.dialogs.open_kind(FileKind::Msel, dir.as_deref()) {
                    Picked::Path(p) => self.import_msel(&p, ctx.input(|i| i.time)),
                    Picked::Cancelled => {}
                    Picked::Unavailable => {
                        self.dialog = Some(Dialog::PathEntry {
                            purpose: PathPurpose::ImportMsel,
                            text: dir.map(|d| format!("{}/", d.display())).unwrap_or_default(),
                            why: "No file dialog could be shown on this system (no desktop portal or zenity). Type the path of the MSEL (CSV) to import:".into(),
                            focus: true,
                        });
                    }
                }
            }
            UiCommand::ExportMsel => {
                let dir = self.session.start_dir(&self.prefs.recent);
                let suggested = self.session.suggested_name();
                let stem = Path::new(&suggested).file_stem().map_or_else(
                    || "exercise".to_owned(),
                    |s| s.to_string_lossy().into_owned(),
                );
                let name = format!("{stem}-msel.csv");
                match self.dialogs.save(FileKind::Msel, dir.as_deref(), &name) {
                    Picked::Path(p) => self.export_msel(&p),
                    Picked::Cancelled => {}
                    Picked::Unavailable => {
                        self.dialog = Some(Dialog::PathEntry {
                            purpose: PathPurpose::ExportMsel,
                            text: dir.map(|d| d.join(&name).display().to_string()).unwrap_or(name),
                            why: "No file dialog could be shown on this system (no desktop portal or zenity). Type where to write the MSEL (CSV):".into(),
                            focus: true,
                        });
                    }
                }
            }
            _ => {}
        }
    }

    /// Holds a quit once when something typed in the console is not recorded (it is in no
    /// file): says what, so that quitting again is a knowing choice. Returns whether it held.
    fn drafts_hold_quit(&mut self) -> bool {
        if self.quit_warned {
            return false;
        }
        let Some(what) = self.view.exercise.unrecorded() else {
            return false;
        };
        self.quit_warned = true;
        let verb = if what.contains(" and ") { "are" } else { "is" };
        self.notice = Some(Notice::error(format!(
            "Not quitting yet: {what} you were writing in the console {verb} not recorded. Record it, or quit again to lose it"
        )));
        true
    }

    /// Adds the injects of an MSEL to the script (one undo step), or says why none were added.
    fn import_msel(&mut self, path: &Path, now: f64) {
        let read = std::fs::read(path)
            .map_err(|e| e.to_string())
            .and_then(|bytes| {
                crate::exercise::msel::import(&bytes, self.document().scenario())
                    .map_err(|e| e.to_string())
            });
        match read {
            Ok(injects) => {
                let n = injects.len();
                let edit = Edit::Batch(injects.into_iter().map(Edit::AddInject).collect());
                self.notice = Some(match self.session.document_mut().apply(edit, now) {
                    Ok(()) => {
                        Notice::info(format!("Imported {n} inject(s) from {}", path.display()))
                    }
                    Err(e) => Notice::error(format!("{}: nothing imported: {e}", path.display())),
                });
            }
            Err(e) => {
                self.notice = Some(Notice::error(format!(
                    "{}: nothing imported: {e}",
                    path.display()
                )));
            }
        }
    }

    /// Writes the script as an MSEL; says where, or why not.
    fn export_msel(&mut self, path: &Path) {
        let written = crate::exercise::msel::export(self.document().scenario())
            .map_err(|e| e.to_string())
            .and_then(|bytes| std::fs::write(path, bytes).map_err(|e| e.to_string()));
        self.notice = Some(match written {
            Ok(()) => Notice::info(format!(
                "Exported the MSEL ({} injects) to {}",
                self.document().scenario().injects.len(),
                path.display()
            )),
            Err(e) => Notice::error(format!(
                "{}: the MSEL could not be written: {e}",
                path.display()
            )),
        });
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
