//! Mandate options in the real window at the sizes and zooms of a room (issue 12): the option
//! switcher stays in the window with the current option's name and open-risk count; the compare
//! view keeps rows of its table on screen at a large zoom; File → Import option from file… with
//! several files at once, a file whose base differs (refused, nothing added), and a group's
//! extras added to the base in one undo step.

#![cfg(feature = "gui")]
#![expect(
    clippy::unwrap_used,
    reason = "test helpers: a missing node or a failed unwrap is a failed test"
)]

mod common;

use std::cell::RefCell;
use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use common::harness::{H, click, ctrl, ctrl_shift, harness_at, scenario_path, wheel_at};
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use peaceops::app::{PeaceOpsApp, Recovery, StartOptions};
use peaceops::files::{FileDialogs, FileKind, Picked, PickedMany, Prefs};
use peaceops::model::{CrimeGroup, GroupId, Mission, MissionId, MissionKind, Scenario};

/// File dialogs whose "pick several files" answers from a queue (the shared script's dialogs
/// pick one file at a time); every other dialog is cancelled.
#[derive(Clone, Default)]
struct Many(Rc<RefCell<VecDeque<PickedMany>>>);

impl FileDialogs for Many {
    fn open(&mut self, _dir: Option<&Path>) -> Picked {
        Picked::Cancelled
    }
    fn save(&mut self, _kind: FileKind, _dir: Option<&Path>, _name: &str) -> Picked {
        Picked::Cancelled
    }
    fn open_many(&mut self, _dir: Option<&Path>) -> PickedMany {
        self.0
            .borrow_mut()
            .pop_front()
            .unwrap_or(PickedMany::Cancelled)
    }
    fn open_externally(&mut self, _path: &Path) -> Result<(), String> {
        Ok(())
    }
}

/// The window at 1280×800 with `file` open; its multi-file dialog answers from the queue.
fn window_with(file: PathBuf, recovery: &Path) -> (H, Many) {
    let dialogs = Many::default();
    let app = PeaceOpsApp::with_prefs(
        Prefs::default(),
        StartOptions {
            file: Some(file),
            dialogs: Box::new(dialogs.clone()),
            recovery: Recovery::In(recovery.to_owned()),
        },
    );
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .with_step_dt(0.25)
        .with_max_steps(8)
        .build_ui_state(|ui, app: &mut PeaceOpsApp| app.show(ui), app);
    h.run();
    (h, dialogs)
}

fn scenario(h: &H) -> Scenario {
    h.state().document().scenario().clone()
}

fn option_names(h: &H) -> Vec<String> {
    scenario(h).options.iter().map(|o| o.name.clone()).collect()
}

/// A group's copy of `base`, saved as `name`.ron in `dir`, changed by `change`.
fn group_file(base: &Path, dir: &Path, name: &str, change: impl FnOnce(&mut Scenario)) -> PathBuf {
    let mut g = peaceops::io::load(base).unwrap();
    change(&mut g);
    let path = dir.join(format!("{name}.ron"));
    peaceops::io::save(&path, &g).unwrap();
    path
}

/// Opens File → Import option from file… through the Options menu.
fn import(h: &mut H) {
    click(h, "Options");
    click(h, "Import option from file…");
}

#[test]
fn the_switcher_stays_in_the_window_with_the_current_option_and_its_count() {
    for (size, zoom) in [
        ([960.0, 600.0], 1.0),
        ([1024.0, 768.0], 1.0),
        ([1920.0, 1080.0], 1.0),
        ([1024.0, 768.0], 1.5),
        ([1024.0, 768.0], 2.0),
        ([1280.0, 800.0], 2.0),
        ([960.0, 600.0], 3.0),
        ([1920.0, 1080.0], 3.0),
    ] {
        let (h, _script) = harness_at(Some(scenario_path("haiti-minustah.ron")), size, zoom, false);
        let what = format!("{size:?} at zoom {zoom}");
        let window = h.ctx.content_rect();
        let s = scenario(&h);
        assert_eq!(s.options.len(), 3, "Haiti has three options");
        let summaries = h.state().document().option_summaries().to_vec();
        let current = summaries
            .iter()
            .find(|o| s.current_option.as_ref() == Some(&o.id))
            .unwrap();
        let label = format!("Option {} ({} open)", current.name, current.open);
        let node = h
            .query_by_label(&label)
            .unwrap_or_else(|| panic!("{what}: no {label:?} in the window"));
        assert!(
            window.contains_rect(node.rect()),
            "{what}: {label:?} at {:?} is off the window {window:?}",
            node.rect()
        );
        // Every option's button, when the switcher has buttons, is in the window too.
        let mut buttons = 0;
        for o in &summaries {
            if let Some(n) = h.query_by_label(&format!("Option {} ({} open)", o.name, o.open)) {
                buttons += 1;
                assert!(
                    window.contains_rect(n.rect()),
                    "{what}: {:?}'s button at {:?} is off the window {window:?}",
                    o.name,
                    n.rect()
                );
            }
        }
        if zoom == 1.0 && size[0] >= 1024.0 {
            assert_eq!(buttons, 3, "{what}: one button per option");
        }
        // The menus keep their place (in a short window folded into one, "Menu").
        let short = size[1] / zoom < peaceops::theme::SHORT_WINDOW_HEIGHT;
        let help = if short {
            assert!(h.query_by_label("Help").is_none(), "{what}: menus folded");
            h.get_by_label(peaceops::view::menu_bar::FOLDED_MENU).rect()
        } else {
            h.get_by_label("Help").rect()
        };
        assert!(window.contains_rect(help), "{what}: the menus at {help:?}");
        if zoom <= 2.0 || short {
            // Down to 512 points wide the bar shares the menus' row (the board keeps its
            // height): compact, one menu, where the buttons do not fit; in a short window,
            // always.
            let r = h.get_by_label(&label).rect();
            assert!(
                r.top() < help.bottom() && r.left() > help.right(),
                "{what}: the switcher at {r:?} is not in the menus' row (Help at {help:?})"
            );
        }
    }
}

#[test]
fn the_switchers_drop_down_puts_another_option_on_the_board() {
    let (mut h, _script) = harness_at(
        Some(scenario_path("haiti-minustah.ron")),
        [960.0, 600.0],
        2.0,
        false,
    );
    let summaries = h.state().document().option_summaries().to_vec();
    let first = &summaries[0];
    assert_eq!(
        h.state().document().scenario().current_option.as_ref(),
        Some(&first.id)
    );
    let label = format!("Option {} ({} open)", first.name, first.open);
    assert_eq!(
        h.get_by_label(&label).accesskit_node().role(),
        egui::accesskit::Role::ComboBox,
        "at 200 % in 960 pixels the options do not fit as buttons"
    );
    // The other options are not buttons in the bar but are in the list.
    let other = &summaries[1];
    assert!(
        h.query_by_label(&format!("Option {} ({} open)", other.name, other.open))
            .is_none()
    );
    click(&mut h, &label);
    click(&mut h, &format!("{} · {} open", other.name, other.open));
    assert_eq!(
        h.state().document().scenario().current_option.as_ref(),
        Some(&other.id),
        "the option picked in the list goes on the board"
    );
    ctrl(&mut h, Key::Z);
    assert_eq!(
        h.state().document().scenario().current_option.as_ref(),
        Some(&first.id),
        "Ctrl+Z switches back"
    );
}

#[test]
fn in_a_short_narrow_window_the_switchers_one_menu_puts_another_option_on_the_board() {
    // 960×600 at 300 %: 320 × 200 points, the menus folded into one beside the switcher,
    // itself one menu ("Options: <current> · N open").
    let (mut h, _script) = harness_at(
        Some(scenario_path("haiti-minustah.ron")),
        [960.0, 600.0],
        3.0,
        false,
    );
    let summaries = h.state().document().option_summaries().to_vec();
    let (first, other) = (&summaries[0], &summaries[1]);
    let label = format!("Option {} ({} open)", first.name, first.open);
    assert_eq!(
        h.get_by_label(&label).accesskit_node().role(),
        egui::accesskit::Role::Button
    );
    click(&mut h, &label);
    click(&mut h, &other.name);
    assert_eq!(
        h.state().document().scenario().current_option.as_ref(),
        Some(&other.id),
        "the option picked in the menu goes on the board"
    );
}

/// Height of the comparison table's rows (`theme::COMPARE_ROW_HEIGHT`).
const ROW: f32 = 26.0;

/// The accessible rects of the charts on screen.
fn charts(h: &H) -> Vec<egui::Rect> {
    h.query_all_by_label_contains("Quadrant chart.")
        .map(|n| n.rect())
        .collect()
}

/// Rows of the comparison table between its header and the status bar.
fn table_rows(h: &H) -> f32 {
    let header = h.get_by_label("What differs").rect();
    let state = h.state().document().save_state();
    let bottom = h.get_by_label(state).rect().top();
    (bottom - header.bottom()) / ROW
}

/// Drags the handle between the compare view's charts and its table by `dy` points.
fn drag_split(h: &mut H, dy: f32) {
    let from = h
        .get_by_label("Resize the charts and the table")
        .rect()
        .center();
    let to = from + egui::vec2(0.0, dy);
    h.hover_at(from);
    h.run();
    h.event(egui::Event::PointerButton {
        pos: from,
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: egui::Modifiers::NONE,
    });
    h.run();
    for i in 1..=5 {
        h.hover_at(from.lerp(to, i as f32 / 5.0));
        h.run();
    }
    h.event(egui::Event::PointerButton {
        pos: to,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: egui::Modifiers::NONE,
    });
    h.run();
}

#[test]
fn the_compare_table_keeps_rows_on_screen_at_a_large_zoom() {
    // (size, zoom, whether the charts have room)
    for (size, zoom, shown) in [
        ([1024.0, 768.0], 2.5, false),
        ([1024.0, 768.0], 2.0, false),
        ([1280.0, 800.0], 2.0, false),
        ([1280.0, 800.0], 1.7, true),
        ([1024.0, 768.0], 1.0, true),
    ] {
        let (mut h, _script) =
            harness_at(Some(scenario_path("haiti-minustah.ron")), size, zoom, false);
        let what = format!("{size:?} at zoom {zoom}");
        ctrl_shift(&mut h, Key::K);
        h.run();
        let rows = table_rows(&h);
        // Folded, the charts leave the table all the room there is (at 250 % the window is
        // 410 × 307 points).
        let least = if shown { 5.0 } else { 3.0 };
        assert!(
            rows >= least,
            "{what}: room for {rows:.1} rows of the table"
        );
        let header = h.get_by_label("What differs").rect();
        let charts = charts(&h);
        if shown {
            assert_eq!(charts.len(), 2, "{what}: two options compared");
            for c in &charts {
                assert!(
                    c.height() >= 50.0 && c.bottom() <= header.top(),
                    "{what}: a chart at {c:?}, the table's header at {header:?}"
                );
            }
        } else {
            assert!(
                charts.is_empty(),
                "{what}: too little room for charts worth reading: folded, not squashed: {charts:?}"
            );
        }
    }
}

/// The comparison table's header cells: "What differs", then the options' names, left to right.
fn header_cells(h: &H) -> Vec<egui::Rect> {
    let header = h.get_by_label("What differs").rect();
    let mut cells: Vec<egui::Rect> = std::iter::once(header)
        .chain(
            scenario(h)
                .options
                .iter()
                .flat_map(|o| h.query_all_by_label(&o.name).map(|n| n.rect()))
                .filter(|r| (r.center().y - header.center().y).abs() < 1.0),
        )
        .collect();
    cells.sort_by(|a, b| a.left().total_cmp(&b.left()));
    cells
}

#[test]
fn the_compare_tables_header_scrolls_sideways_with_its_columns() {
    // At 250 % in 1024×768 (410 points wide) the table is wider than the window.
    let (mut h, _script) = harness_at(
        Some(scenario_path("haiti-minustah.ron")),
        [1024.0, 768.0],
        2.5,
        false,
    );
    ctrl_shift(&mut h, Key::K);
    let window = h.ctx.content_rect();
    let before = header_cells(&h);
    assert_eq!(before.len(), 3, "the header names two options: {before:?}");
    let last = before[2];
    assert!(
        last.right() > window.right(),
        "the table is wider than the window: {last:?}"
    );
    // The rows' buttons of the last column, at its x range.
    let s = scenario(&h);
    let column = |h: &H| -> Vec<egui::Rect> {
        s.options
            .iter()
            .flat_map(|o| {
                h.query_all_by_label_contains(&format!("Show in {}: ", o.name))
                    .map(|n| n.rect())
                    .collect::<Vec<_>>()
            })
            .filter(|r| (r.center().x - header_cells(h)[2].center().x).abs() < 1.0)
            .collect()
    };
    assert!(!column(&h).is_empty(), "the last column has buttons");
    h.hover_at(egui::pos2(window.center().x, window.bottom() - 60.0));
    h.run();
    h.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: egui::vec2(-400.0, 0.0),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Unknown,
        modifiers: egui::Modifiers::NONE,
    });
    h.run();
    let after = header_cells(&h);
    assert_eq!(after.len(), 3, "{after:?}");
    assert!(
        after[2].right() <= window.right() + 1.0 && after[2].left() < last.left() - 10.0,
        "scrolled sideways, the last column's header comes into the window: {last:?} → {:?}",
        after[2]
    );
    assert!(
        (after[0].left() - (before[0].left() - (last.left() - after[2].left()))).abs() < 1.0,
        "the whole header moved: {before:?} → {after:?}"
    );
    let cells = column(&h);
    assert!(
        !cells.is_empty(),
        "the body's last column is under its header {:?} after the scroll",
        after[2]
    );
    for c in cells {
        assert!(
            (c.left() - after[2].left()).abs() < 1.0 && (c.right() - after[2].right()).abs() < 1.0,
            "a cell {c:?} of the last column under its header {:?}",
            after[2]
        );
        assert!(c.top() >= after[2].bottom(), "below the header: {c:?}");
    }
    // Scrolled down, the header stays at the top of the table, the rows pass under it.
    let first_row = cells_top(&h);
    wheel_at(
        &mut h,
        egui::pos2(window.center().x, window.bottom() - 60.0),
        2.0,
    );
    let down = header_cells(&h);
    assert_eq!(down.len(), 3, "the header is still there: {down:?}");
    assert!(
        (down[2].top() - after[2].top()).abs() < 1.0
            && (down[2].left() - after[2].left()).abs() < 1.0,
        "the header stays put: {:?} → {:?}",
        after[2],
        down[2]
    );
    assert!(cells_top(&h) < first_row - 10.0, "the rows moved up");
}

/// The top of the highest "Show in" button of the comparison table's body.
fn cells_top(h: &H) -> f32 {
    h.query_all_by_label_contains("Show in ")
        .map(|n| n.rect().top())
        .fold(f32::INFINITY, f32::min)
}

#[test]
fn dragging_the_split_moves_room_between_the_charts_and_the_table() {
    let (mut h, _script) = harness_at(
        Some(scenario_path("haiti-minustah.ron")),
        [1280.0, 800.0],
        1.0,
        false,
    );
    ctrl_shift(&mut h, Key::K);
    let before = h.get_by_label("What differs").rect().top();
    drag_split(&mut h, -120.0);
    let after = h.get_by_label("What differs").rect().top();
    assert!(
        after < before - 80.0,
        "the table's header moved up from {before} to {after}"
    );
    assert_eq!(charts(&h).len(), 2, "the charts are smaller, still there");

    // At 200 % in 1280×800 the charts are folded for the table; dragged down, they come
    // back; dragged up again, they fold.
    let (mut h, _script) = harness_at(
        Some(scenario_path("haiti-minustah.ron")),
        [1280.0, 800.0],
        2.0,
        false,
    );
    ctrl_shift(&mut h, Key::K);
    assert!(charts(&h).is_empty());
    let rows = table_rows(&h);
    drag_split(&mut h, 150.0);
    let shown = charts(&h);
    assert_eq!(shown.len(), 2, "the charts unfold");
    assert!(shown[0].height() >= 40.0, "{shown:?}");
    assert!(
        table_rows(&h) >= 1.0,
        "the table keeps its header and a row"
    );
    drag_split(&mut h, -150.0);
    assert!(charts(&h).is_empty(), "the charts fold again");
    assert!(
        (table_rows(&h) - rows).abs() < 0.5,
        "and the table has the room back"
    );
}

#[test]
fn several_files_picked_at_once_become_options_in_one_undo_step() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plenary.ron");
    std::fs::copy(scenario_path("kosovo-2008.ron"), &path).unwrap();
    let north = group_file(&path, dir.path(), "group-north", |g| {
        g.activities.remove(0);
    });
    let south = group_file(&path, dir.path(), "group-south", |g| {
        g.activities.truncate(2);
    });
    let recovery = tempfile::tempdir().unwrap();
    let (mut h, dialogs) = window_with(path, recovery.path());
    let before = scenario(&h);
    dialogs
        .0
        .borrow_mut()
        .push_back(PickedMany::Paths(vec![north, south]));
    import(&mut h);
    assert_eq!(
        h.query_all_by_label_contains("Same base").count(),
        2,
        "the dialog lists both files"
    );
    click(&mut h, "Import as options");
    assert_eq!(
        option_names(&h),
        ["Current plan", "group-north", "group-south"]
    );
    let s = scenario(&h);
    assert_eq!(s.option_by_name("group-south").unwrap().activities.len(), 2);
    ctrl(&mut h, Key::Z);
    assert_eq!(scenario(&h), before, "one Ctrl+Z takes both options back");
    ctrl_shift(&mut h, Key::Z);
    assert_eq!(scenario(&h), s, "one redo brings both back");
}

#[test]
fn a_file_whose_base_differs_is_listed_with_its_differences_and_adds_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plenary.ron");
    std::fs::copy(scenario_path("kosovo-2008.ron"), &path).unwrap();
    let other = group_file(&path, dir.path(), "group-elsewhere", |g| {
        g.host.name = "Elsewhere".to_owned();
    });
    let recovery = tempfile::tempdir().unwrap();
    let (mut h, dialogs) = window_with(path, recovery.path());
    let before = scenario(&h);
    dialogs
        .0
        .borrow_mut()
        .push_back(PickedMany::Paths(vec![other]));
    import(&mut h);
    assert!(
        h.query_by_label_contains(
            "Not imported: its base differs from the scenario on screen in 1 place"
        )
        .is_some(),
        "the dialog says the base differs"
    );
    assert!(
        h.query_by_label("• host differs in name").is_some(),
        "and lists the difference"
    );
    let button = h.get_by_label("Import as options");
    assert!(
        button.accesskit_node().is_disabled(),
        "nothing can be imported"
    );
    button.click();
    h.run();
    click(&mut h, "Cancel");
    assert!(
        h.query_by_label("Import as options").is_none(),
        "the dialog closed"
    );
    assert_eq!(scenario(&h), before, "the scenario is unchanged");
    assert!(!h.state().document().can_undo(), "and nothing to undo");
}

#[test]
fn a_groups_own_mission_and_crime_group_come_with_its_option_in_one_undo_step() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plenary.ron");
    std::fs::copy(scenario_path("kosovo-2008.ron"), &path).unwrap();
    let group = group_file(&path, dir.path(), "group-east", |g| {
        let start = g.missions[0].start;
        let mut m = Mission::new(
            MissionId::from("group-mission"),
            "The group's mission",
            start,
        );
        m.kind = MissionKind::Police;
        g.missions.push(m);
        g.groups.push(CrimeGroup::new(
            GroupId::from("group-gang"),
            "The group's gang",
        ));
        g.activities[0].mission = Some(MissionId::from("group-mission"));
        g.activities[1].groups.push(GroupId::from("group-gang"));
    });
    let recovery = tempfile::tempdir().unwrap();
    let (mut h, dialogs) = window_with(path, recovery.path());
    let before = scenario(&h);
    dialogs
        .0
        .borrow_mut()
        .push_back(PickedMany::Paths(vec![group]));
    import(&mut h);
    let adds: Vec<egui::Pos2> = h
        .query_all_by_label("Add to base")
        .map(|n| n.rect().center())
        .collect();
    assert_eq!(
        adds.len(),
        2,
        "a choice per extra: the mission and the gang"
    );
    for at in adds {
        common::harness::click_at(&mut h, at);
    }
    click(&mut h, "Import as options");
    let s = scenario(&h);
    assert!(s.mission(&MissionId::from("group-mission")).is_some());
    assert!(s.group(&GroupId::from("group-gang")).is_some());
    let o = s.option_by_name("group-east").unwrap();
    assert_eq!(
        o.activities[0].mission,
        Some(MissionId::from("group-mission")),
        "the option's activity keeps the mission added to the base"
    );
    ctrl(&mut h, Key::Z);
    assert_eq!(
        scenario(&h),
        before,
        "one Ctrl+Z takes back the option, the mission and the gang"
    );
    assert!(!h.state().document().can_undo(), "one step, nothing more");
    ctrl(&mut h, Key::Y);
    assert_eq!(scenario(&h), s, "one redo brings all three back");
}
