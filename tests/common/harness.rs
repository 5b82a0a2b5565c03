//! The real window under egui_kittest, for tests that drive it as a user would: a harness over
//! `PeaceOpsApp` with scripted file dialogs and a recovery folder of the test's own.

#![expect(
    clippy::unwrap_used,
    clippy::panic,
    reason = "test helpers: a failed unwrap or a panic is a failed test"
)]

use std::cell::RefCell;
use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

use peaceops::app::{PeaceOpsApp, Recovery, StartOptions};
use peaceops::files::{FileDialogs, FileKind, Picked, Prefs};

/// The app under test.
pub type H = Harness<'static, PeaceOpsApp>;

/// What a save dialog was asked for: the kind of file and the folder it starts in.
pub type Asked = (FileKind, Option<PathBuf>);

/// File dialogs that answer from a script the test fills in; an empty script answers "cancelled".
/// It also owns the test's recovery folder, removed when the test ends, and records what each
/// save dialog was asked for.
#[derive(Clone, Default)]
pub struct Script(
    Rc<RefCell<VecDeque<Picked>>>,
    Option<Rc<tempfile::TempDir>>,
    Rc<RefCell<usize>>,
    Rc<RefCell<Vec<Asked>>>,
    Rc<RefCell<Vec<PathBuf>>>,
    Rc<RefCell<VecDeque<Result<(), String>>>>,
);

impl Script {
    /// The answer the next dialog gives.
    pub fn answer(&self, p: Picked) {
        self.0.borrow_mut().push_back(p);
    }

    /// How many dialogs were shown so far.
    pub fn asked(&self) -> usize {
        *self.2.borrow()
    }

    /// What each save dialog so far was asked for, in order.
    pub fn saves_asked(&self) -> Vec<Asked> {
        self.3.borrow().clone()
    }

    /// The answer the next "open with the system's opener" gives (`Ok` when none is set).
    pub fn answer_open(&self, r: Result<(), String>) {
        self.5.borrow_mut().push_back(r);
    }

    /// The files given to the system's opener so far.
    pub fn opened(&self) -> Vec<PathBuf> {
        self.4.borrow().clone()
    }

    fn next(&self) -> Picked {
        *self.2.borrow_mut() += 1;
        self.0.borrow_mut().pop_front().unwrap_or(Picked::Cancelled)
    }
}

impl FileDialogs for Script {
    fn open(&mut self, _dir: Option<&Path>) -> Picked {
        self.next()
    }
    fn save(&mut self, kind: FileKind, dir: Option<&Path>, _name: &str) -> Picked {
        self.3.borrow_mut().push((kind, dir.map(Path::to_owned)));
        self.next()
    }
    fn open_externally(&mut self, path: &Path) -> Result<(), String> {
        self.4.borrow_mut().push(path.to_owned());
        self.5.borrow_mut().pop_front().unwrap_or(Ok(()))
    }
}

/// The window with `file` open (or the blank start), recovery copies in a fresh folder.
pub fn harness_with(file: Option<PathBuf>) -> (H, Script) {
    let recovery = Rc::new(tempfile::tempdir().unwrap());
    let (h, mut script) = harness_in(file, recovery.path().to_owned());
    script.1 = Some(recovery);
    (h, script)
}

/// The window with recovery copies in `recovery`.
pub fn harness_in(file: Option<PathBuf>, recovery: PathBuf) -> (H, Script) {
    harness_stepped(file, recovery, 0.25)
}

/// The window with recovery copies in `recovery`, its clock advancing `step_secs` a frame (the
/// default, a quarter second, lets animations settle in few frames; timing tests want less).
pub fn harness_stepped(file: Option<PathBuf>, recovery: PathBuf, step_secs: f32) -> (H, Script) {
    build(
        file,
        recovery,
        step_secs,
        [1280.0, 800.0],
        Prefs::default(),
        1,
    )
}

/// The window `size` points big with these preferences (zoom, theme), `file` open, recovery
/// copies in a fresh folder.
pub fn harness_sized(file: Option<PathBuf>, size: [f32; 2], prefs: Prefs) -> (H, Script) {
    let recovery = Rc::new(tempfile::tempdir().unwrap());
    let (h, mut script) = build(file, recovery.path().to_owned(), 0.25, size, prefs, 3);
    script.1 = Some(recovery);
    (h, script)
}

/// The window `size` points big at `zoom`, light or dark, with `file` open.
pub fn harness_at(file: Option<PathBuf>, size: [f32; 2], zoom: f32, dark: bool) -> (H, Script) {
    harness_sized(
        file,
        size,
        Prefs {
            zoom,
            dark,
            ..Prefs::default()
        },
    )
}

/// As [`harness_at`], drawn by the CPU renderer so that `Harness::snapshot` works.
pub fn harness_rendered(file: Option<PathBuf>, size: [f32; 2], dark: bool) -> (H, Script) {
    let recovery = Rc::new(tempfile::tempdir().unwrap());
    let prefs = Prefs {
        dark,
        ..Prefs::default()
    };
    let (h, mut script) = build_with(
        file,
        recovery.path().to_owned(),
        (0.25, 3),
        size,
        prefs,
        Some(super::render::CpuRenderer::default()),
    );
    script.1 = Some(recovery);
    (h, script)
}

fn build(
    file: Option<PathBuf>,
    recovery: PathBuf,
    step_secs: f32,
    size: [f32; 2],
    prefs: Prefs,
    runs: usize,
) -> (H, Script) {
    build_with(file, recovery, (step_secs, runs), size, prefs, None)
}

fn build_with(
    file: Option<PathBuf>,
    recovery: PathBuf,
    (step_secs, runs): (f32, usize),
    size: [f32; 2],
    prefs: Prefs,
    renderer: Option<super::render::CpuRenderer>,
) -> (H, Script) {
    let script = Script::default();
    let app = PeaceOpsApp::with_prefs(
        prefs,
        StartOptions {
            file,
            dialogs: Box::new(script.clone()),
            recovery: Recovery::In(recovery),
        },
    );
    let mut builder = Harness::builder()
        .with_size(size)
        .with_step_dt(step_secs)
        .with_max_steps(((1.0 / step_secs) as u64).max(8) * runs as u64);
    if let Some(r) = renderer {
        builder = builder.renderer(r);
    }
    let mut harness = builder.build_ui_state(|ui, app: &mut PeaceOpsApp| app.show(ui), app);
    // A zoom or theme other than the default: the first run applies it, the next lays out
    // at it.
    for _ in 0..runs {
        harness.run();
    }
    (harness, script)
}

/// A shipped scenario file.
pub fn scenario_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("scenarios")
        .join(name)
}

/// A user's own copy of a shipped scenario, in a folder of the test's own (the folder goes with
/// the guard). Named apart from the shipped file: a byte-identical file under a reference's name
/// is taken for the reference itself, which is never saved over.
pub fn copy_of(name: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(format!("workshop-{name}"));
    std::fs::copy(scenario_path(name), &path).unwrap();
    (dir, path)
}

/// Presses Ctrl (Cmd) + key and runs the frames that follow.
pub fn ctrl(h: &mut H, key: Key) {
    h.key_press_modifiers(Modifiers::COMMAND, key);
    h.run();
}

/// Presses Ctrl (Cmd) + Shift + key.
pub fn ctrl_shift(h: &mut H, key: Key) {
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, key);
    h.run();
}

/// Clicks the widget labelled `label` and runs the frames that follow.
pub fn click(h: &mut H, label: &str) {
    h.get_by_label(label).click();
    h.run();
}

/// Scrolls the widget labelled `label` into view (a pointer click lands on its centre), then
/// clicks it.
pub fn click_in_view(h: &mut H, label: &str) {
    h.get_by_label(label).scroll_to_me();
    h.run();
    click(h, label);
}

/// Turns the mouse wheel over a point: `lines` down (negative: up).
pub fn wheel_at(h: &mut H, at: egui::Pos2, lines: f32) {
    h.hover_at(at);
    // A tooltip may open while hovering: let it settle without asking `run` to.
    h.run_steps(10);
    h.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Line,
        delta: egui::vec2(0.0, -lines),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Unknown,
        modifiers: Modifiers::NONE,
    });
    h.run_steps(10);
    h.remove_cursor();
    h.run_steps(10);
}

/// A primary click at a point.
pub fn click_at(h: &mut H, at: egui::Pos2) {
    h.hover_at(at);
    h.run();
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos: at,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
        h.run();
    }
}

/// Adds a mission through the editor: an unsaved change.
pub fn add_mission(h: &mut H) {
    click(h, "Missions");
    click(h, "Add mission");
}

/// The viewport commands of one frame in which `event` arrives. (`Harness::run` and the queued
/// key presses step through several frames and keep only the last frame's output.)
pub fn frame_with(h: &mut H, event: egui::Event) -> Vec<egui::ViewportCommand> {
    h.input_mut().events.push(event);
    h.step();
    h.output()
        .viewport_output
        .get(&egui::ViewportId::ROOT)
        .map(|v| v.commands.clone())
        .unwrap_or_default()
}

/// A key press with modifiers, as one frame's event.
pub fn key_event(modifiers: Modifiers, key: Key) -> egui::Event {
    egui::Event::Key {
        key,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers,
    }
}

/// The viewport commands of a frame in which the window's close button was pressed.
pub fn close_button_frame(h: &mut H) -> Vec<egui::ViewportCommand> {
    h.input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    h.step();
    h.output()
        .viewport_output
        .get(&egui::ViewportId::ROOT)
        .map(|v| v.commands.clone())
        .unwrap_or_default()
}

/// The menu entry whose label is `text` followed by its shortcut ("Undo Ctrl+Z"), or `text`.
pub fn menu_entry<'h>(h: &'h H, text: &'h str) -> egui_kittest::Node<'h> {
    let prefix = format!("{text} ");
    h.query_all_by_label_contains(text)
        .find(|n| {
            n.accesskit_node()
                .label()
                .is_some_and(|l| l == text || (l.starts_with(&prefix) && l.contains("Ctrl+")))
        })
        .unwrap_or_else(|| panic!("no menu entry {text:?}"))
}

/// Clicks a menu entry.
pub fn click_menu(h: &mut H, text: &str) {
    menu_entry(h, text).click();
    h.run();
}
