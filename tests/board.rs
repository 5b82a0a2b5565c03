//! The board in front of a room, driven through egui_kittest: the chart keeps its room and its
//! texts never collide at projector sizes and zooms; markers are named and a hover card says
//! what each is; presentation mode, the start screen, Help, and the side panels.

#![cfg(feature = "gui")]
#![expect(
    clippy::unwrap_used,
    reason = "test helpers: a missing node or a failed unwrap is a failed test"
)]

mod common;

use std::path::PathBuf;

use common::harness::{
    H, Script, click_in_view, frame_with, harness_at, key_event, scenario_path, wheel_at,
};
use egui::{Key, Modifiers, Pos2, Rect, Shape};
use egui_kittest::kittest::{NodeT, Queryable};

/// The app in a window of `size` points at `zoom`, with `file` open.
fn board(file: Option<PathBuf>, size: [f32; 2], zoom: f32, dark: bool) -> (H, Script) {
    harness_at(file, size, zoom, dark)
}

fn plot_rect(h: &H) -> Rect {
    h.get_by_label_contains("Quadrant chart.").rect()
}

fn chart_summary(h: &H) -> String {
    h.get_by_label_contains("Quadrant chart.")
        .accesskit_node()
        .label()
        .unwrap_or_default()
}

/// The texts painted in the chart's area (plot, tick numbers, axis titles): each text's rect on
/// screen and its font sizes.
fn chart_texts(h: &H) -> Vec<(Rect, String, f32)> {
    let plot = plot_rect(h);
    let mut out = Vec::new();
    fn walk(s: &Shape, out: &mut Vec<(Rect, String, f32)>) {
        match s {
            Shape::Vec(v) => {
                for s in v {
                    walk(s, out);
                }
            }
            Shape::Text(t) => {
                let size = t
                    .galley
                    .job
                    .sections
                    .iter()
                    .map(|s| s.format.font_id.size)
                    .fold(f32::INFINITY, f32::min);
                if !t.galley.text().trim().is_empty() {
                    out.push((t.visual_bounding_rect(), t.galley.text().to_owned(), size));
                }
            }
            _ => {}
        }
    }
    // The chart paints into its own area: the smallest clip rect holding the plot.
    let area = h
        .output()
        .shapes
        .iter()
        .map(|c| c.clip_rect)
        .filter(|clip| clip.contains_rect(plot))
        .min_by(|a, b| a.area().total_cmp(&b.area()))
        .unwrap();
    for c in &h.output().shapes {
        if c.clip_rect == area {
            walk(&c.shape, &mut out);
        }
    }
    out
}

fn assert_no_overlap(texts: &[(Rect, String, f32)], what: &str) {
    for (i, (a, ta, _)) in texts.iter().enumerate() {
        for (b, tb, _) in &texts[i + 1..] {
            let overlap = a.intersect(*b);
            assert!(
                !(overlap.width() > 0.5 && overlap.height() > 0.5),
                "{what}: {ta:?} at {a:?} overlaps {tb:?} at {b:?}"
            );
        }
    }
}

#[test]
fn the_chart_keeps_its_room_and_its_texts_never_collide() {
    for (size, zoom) in [
        ([1024.0, 768.0], 1.0),
        ([1024.0, 768.0], 2.0),
        ([1024.0, 768.0], 3.0),
        ([960.0, 600.0], 1.0),
        ([1024.0, 768.0], 2.5),
        ([1920.0, 1080.0], 3.0),
        ([1280.0, 800.0], 1.5),
        ([1280.0, 800.0], 3.0),
        // A short window: the menus, the status bar and the margins fold to keep the plot.
        ([960.0, 600.0], 2.0),
        ([960.0, 600.0], 2.5),
        ([960.0, 600.0], 3.0),
        ([1280.0, 800.0], 2.5),
    ] {
        let (h, _dir) = board(Some(scenario_path("kosovo-2008.ron")), size, zoom, false);
        let what = format!("{size:?} at zoom {zoom}");
        assert!(
            h.query_by_label_contains("Quadrant chart.").is_some(),
            "{what}: no chart"
        );
        let window = h.ctx.content_rect();
        assert!(
            (window.width() - size[0] / zoom).abs() < 1.0,
            "{what}: the window is {window:?}"
        );
        let plot = plot_rect(&h);
        assert!(
            plot.width() >= 0.45 * window.width(),
            "{what}: the plot is {:.0} of {:.0} points wide",
            plot.width(),
            window.width()
        );
        assert!(plot.height() > 40.0, "{what}: the plot is {plot:?}");
        let texts = chart_texts(&h);
        // Tick numbers, two axis titles, four corners, and labels.
        assert!(
            texts.len() >= 9,
            "{what}: only {} texts: {texts:?}",
            texts.len()
        );
        for (r, t, _) in &texts {
            assert!(
                window.contains_rect(r.shrink(0.5)),
                "{what}: {t:?} at {r:?} is off the window"
            );
        }
        assert_no_overlap(&texts, &what);
    }
}

/// In a short window (960×600 at 300 %: 320 × 200 points) the five menus fold into one,
/// "Menu", that holds each of them, and the status bar keeps its texts inside the window.
#[test]
fn in_a_short_window_the_menus_fold_into_one_that_holds_them_all() {
    let (mut h, _dir) = board(
        Some(scenario_path("kosovo-2008.ron")),
        [960.0, 600.0],
        3.0,
        false,
    );
    let window = h.ctx.content_rect();
    for menu in ["File", "Edit", "Scenarios", "View", "Help"] {
        assert!(h.query_by_label(menu).is_none(), "{menu} is folded");
    }
    // The status bar's line: the save state and the zoom, each inside the window.
    for text in ["Reference copy (Save as… to keep)", "zoom 300%"] {
        let r = h.get_by_label(text).rect();
        assert!(
            window.contains_rect(r),
            "{text:?} at {r:?} is off {window:?}"
        );
    }
    for (menu, entry) in [
        ("File", "Save as…"),
        ("Edit", "Undo"),
        ("Scenarios", "Haiti (MINUSTAH, then MINUJUSTH)"),
        ("Help", "About PeaceOps"),
    ] {
        h.get_by_label(peaceops::view::menu_bar::FOLDED_MENU)
            .click();
        h.run();
        h.get_by_label(menu).click();
        h.run();
        assert!(
            h.query_all_by_label_contains(entry).next().is_some(),
            "{menu} → {entry}"
        );
        h.key_press(Key::Escape);
        h.run();
        h.run();
    }
    h.get_by_label(peaceops::view::menu_bar::FOLDED_MENU)
        .click();
    h.run();
    h.get_by_label("View").click();
    h.run();
    // The View menu is taller than the window: it scrolls, and each entry is in it.
    let theme = h.get_by_label_contains("Light / dark theme").rect();
    assert!(
        window.contains_rect(h.get_by_label_contains("Zoom in").rect()),
        "the menu starts inside the window"
    );
    assert!(
        theme.bottom() > window.bottom(),
        "the menu is taller than the window"
    );
    click_in_view(&mut h, "Presentation mode F11");
    assert!(
        h.state().presenting(),
        "View → Presentation mode, from the one menu"
    );
}

#[test]
fn every_marker_is_labelled_at_a_workshop_size() {
    let (h, _dir) = board(
        Some(scenario_path("kosovo-2008.ron")),
        [1920.0, 1080.0],
        1.0,
        false,
    );
    let s = h.state().document().scenario().clone();
    let texts: Vec<String> = chart_texts(&h).into_iter().map(|(_, t, _)| t).collect();
    for a in &s.activities {
        assert!(
            texts.contains(&a.label()),
            "no label {:?} for {:?} among {texts:?}",
            a.label(),
            a.title
        );
    }
}

/// Where an activity's marker is on screen: the chart shows -1.2 … 1.2 on both axes.
fn marker_position(h: &H, x: f64, y: f64) -> Pos2 {
    let rect = plot_rect(h);
    let fx = ((x + 1.2) / 2.4) as f32;
    let fy = ((y + 1.2) / 2.4) as f32;
    egui::pos2(
        rect.left() + fx * rect.width(),
        rect.bottom() - fy * rect.height(),
    )
}

#[test]
fn hovering_a_marker_shows_a_card_naming_the_activity() {
    let (mut h, _dir) = board(
        Some(scenario_path("kosovo-2008.ron")),
        [1280.0, 800.0],
        1.0,
        false,
    );
    let s = h.state().document().scenario().clone();
    // An activity alone at its position (coincident markers are spread apart).
    let a = s
        .activities
        .iter()
        .find(|a| {
            s.activities
                .iter()
                .filter(|b| (b.x - a.x).abs() < 0.05 && (b.y - a.y).abs() < 0.05)
                .count()
                == 1
        })
        .unwrap()
        .clone();
    assert!(
        h.query_by_label(&a.title).is_none(),
        "no card before hovering"
    );
    let badges_before = h.query_all_by_label_contains("Source: ").count();
    h.hover_at(marker_position(&h, a.x, a.y));
    h.run();
    h.get_by_label(&a.title);
    let mission = s.mission(a.mission.as_ref().unwrap()).unwrap();
    h.get_by_label_contains(&format!("Mission: {}", mission.short_name()));
    h.get_by_label_contains(&format!("Position: {}", a.quadrant().label()));
    h.get_by_label_contains("Dates: ");
    // It says where the activity's facts come from, one badge per source.
    assert!(!a.sources.is_empty(), "{} carries its sources", a.id);
    let badges = h.query_all_by_label_contains("Source: ").count();
    assert!(
        badges >= badges_before + a.sources.len(),
        "{badges} badges with the card, {badges_before} without; {} sources",
        a.sources.len()
    );
    // Away from every marker, the card goes.
    h.hover_at(plot_rect(&h).center() + egui::vec2(3.0, 3.0));
    h.run();
    if s.activities
        .iter()
        .all(|b| (marker_position(&h, b.x, b.y) - plot_rect(&h).center()).length() > 20.0)
    {
        assert!(h.query_by_label(&a.title).is_none());
    }
}

/// The rect of the floating card (a tooltip-level area) showing `title`.
fn card_rect(h: &H, title: &str) -> Rect {
    let at = h.get_by_label(title).rect().center();
    h.ctx
        .memory(|m| {
            m.layer_ids()
                .filter(|l| l.order == egui::Order::Tooltip)
                .filter_map(|l| m.area_rect(l.id))
                .filter(|r| r.contains(at))
                .min_by(|a, b| a.area().total_cmp(&b.area()))
        })
        .unwrap()
}

/// In a short, narrow window (960×600 at 300 %: 320 × 200 points) the hover card names the
/// activity, stays in the window and leaves most of the plot in view.
#[test]
fn the_hover_card_keeps_to_the_window_and_leaves_the_plot_in_view() {
    let (mut h, _dir) = board(
        Some(scenario_path("kosovo-2008.ron")),
        [960.0, 600.0],
        3.0,
        false,
    );
    let s = h.state().document().scenario().clone();
    let window = h.ctx.content_rect();
    let plot = plot_rect(&h);
    let mut seen = 0;
    // Markers alone at their place, across the plot (each side of the pointer gets tried).
    for a in s.activities.iter().filter(|a| {
        s.activities
            .iter()
            .filter(|b| (b.x - a.x).abs() < 0.15 && (b.y - a.y).abs() < 0.15)
            .count()
            == 1
    }) {
        h.hover_at(marker_position(&h, a.x, a.y));
        h.run();
        if h.query_by_label(&a.title).is_none() {
            // The marker is spread from where its coordinates say, or under another's label.
            continue;
        }
        seen += 1;
        let card = card_rect(&h, &a.title);
        assert!(
            window.contains_rect(card),
            "{:?}: the card at {card:?} is off the window {window:?}",
            a.title
        );
        let hidden = card.intersect(plot);
        let hidden = if hidden.is_positive() {
            hidden.area()
        } else {
            0.0
        };
        assert!(
            hidden <= 0.5 * plot.area(),
            "{:?}: the card at {card:?} hides {:.0} % of the plot {plot:?}",
            a.title,
            100.0 * hidden / plot.area()
        );
        let at = marker_position(&h, a.x, a.y);
        assert!(
            !card.contains(at),
            "{:?}: the card at {card:?} covers its marker at {at:?}",
            a.title
        );
    }
    assert!(seen >= 2, "only {seen} cards shown");
}

#[test]
fn a_dragged_marker_is_counted_where_it_is_while_the_drag_goes_on() {
    let (mut h, _dir) = board(
        Some(scenario_path("kosovo-2008.ron")),
        [1280.0, 800.0],
        1.0,
        false,
    );
    let s = h.state().document().scenario().clone();
    let a = s
        .activities
        .iter()
        .find(|a| a.x > 0.0 && a.y < 0.0)
        .unwrap()
        .clone();
    let before = chart_summary(&h);
    let counts = h.state().document().quadrant_counts();
    let at = marker_position(&h, a.x, a.y);
    let to = marker_position(&h, -0.5, 0.5);
    h.drag_at(at);
    h.run();
    for k in 1..=5 {
        h.hover_at(at + (to - at) * (k as f32 / 5.0));
        h.run();
    }
    let during = chart_summary(&h);
    assert_ne!(before, during, "the counts follow the drag");
    assert!(
        during.contains(&format!(
            "Direct × consequences: {}",
            counts[peaceops::model::Quadrant::DirectConsequences.index()] + 1
        )),
        "{during}"
    );
    assert!(
        h.state().document().scenario() == &s,
        "nothing is changed before the drop"
    );
    h.drop_at(to);
    h.run();
}

#[test]
fn presentation_mode_opens_in_large_type_and_escape_returns() {
    let (mut h, _dir) = board(
        Some(scenario_path("kosovo-2008.ron")),
        [1024.0, 768.0],
        1.0,
        false,
    );
    h.key_press(Key::F11);
    h.run();
    h.run();
    assert!(h.state().presenting());
    assert!(h.query_by_label("File").is_none(), "the menu bar is gone");
    h.get_by_label_contains("open risks");
    let texts = chart_texts(&h);
    assert!(!texts.is_empty());
    for (_, t, size) in &texts {
        assert!(*size >= 24.0, "{t:?} is {size} px");
    }
    assert_no_overlap(&texts, "presentation");
    h.key_press(Key::Escape);
    h.run();
    assert!(!h.state().presenting());
    h.get_by_label("File");

    // And from the menu.
    h.get_by_label("View").click();
    h.run();
    h.get_by_label("Presentation mode F11").click();
    h.run();
    assert!(h.state().presenting());
    h.get_by_label("Leave presentation (Esc)").click();
    h.run();
    assert!(!h.state().presenting());
}

#[test]
fn the_start_screen_lists_the_reference_cases() {
    let (mut h, _dir) = board(None, [1280.0, 800.0], 1.0, false);
    h.get_by_label("Start here");
    for r in peaceops::io::REFERENCES {
        h.get_by_label(&format!("Open {}", r.name));
        h.get_by_label(peaceops::view::start::teaches(r.file));
    }
    h.get_by_label("No recent files yet.");
    h.get_by_label(&format!("Open {}", peaceops::io::REFERENCES[1].name))
        .click();
    h.run();
    assert!(h.state().document().scenario().title.contains("Haiti"));
    assert!(h.query_by_label("Start here").is_none());
    h.get_by_label_contains("Quadrant chart.");
}

#[test]
fn help_lists_every_shortcut_and_names_the_paper() {
    let (mut h, _dir) = board(None, [1280.0, 800.0], 1.0, false);
    h.get_by_label("Help").click();
    h.run();
    h.get_by_label("Keyboard shortcuts").click();
    h.run();
    for c in peaceops::command::UiCommand::ALL {
        assert!(
            h.query_all_by_label(c.text()).count() >= 1,
            "{} missing from the shortcuts",
            c.text()
        );
    }
    h.get_by_label("Ctrl+Shift+S");
    h.get_by_label("F11");
    h.get_by_label("Help").click();
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::Button, "About PeaceOps")
        .click();
    h.run();
    h.get_by_label("Multilateral peace operations and the challenges of organized crime");
    h.get_by_label_contains("van der Lijn");
    // The author line names the paper's kind (the key to the source badges says it too).
    h.get_by_label_contains("SIPRI background paper (Stockholm");
    h.get_by_label("Copy citation");
    h.get_by_label_contains("Where each fact comes from");
}

fn editor_width(h: &H) -> f32 {
    h.get_by_label("« Hide editor").rect().right() - h.ctx.content_rect().left()
}

#[test]
fn side_panels_fold_by_key_and_button_and_stay_within_bounds() {
    let (mut h, _dir) = board(
        Some(scenario_path("kosovo-2008.ron")),
        [1280.0, 800.0],
        1.0,
        false,
    );
    let wide = plot_rect(&h).width();
    h.key_press_modifiers(Modifiers::COMMAND, Key::OpenBracket);
    h.run();
    h.run();
    h.get_by_label("Show editor");
    assert!(
        plot_rect(&h).width() > wide + 50.0,
        "{wide} then {}; checklist from {}",
        plot_rect(&h).width(),
        h.get_by_label("Hide checklist »").rect().left()
    );
    h.get_by_label("Show editor").click();
    h.run();
    h.run();
    h.get_by_label("Hide checklist »").click();
    h.run();
    h.run();
    h.get_by_label("Show checklist");

    // A wide tab does not widen the panel beyond its bounds, nor keep it wide afterwards.
    let before = editor_width(&h);
    h.get_by_label("Host state").click();
    h.run();
    h.run();
    let window = h.ctx.content_rect().width();
    assert!(
        editor_width(&h) <= window * 0.55,
        "{} of {window}",
        editor_width(&h)
    );
    h.get_by_label("Activities").click();
    h.run();
    h.run();
    assert!(
        editor_width(&h) <= before + 1.0,
        "{} > {before}",
        editor_width(&h)
    );
}

#[test]
fn a_new_scenario_starts_its_lists_at_the_top() {
    let (mut h, _dir) = board(
        Some(scenario_path("kosovo-2008.ron")),
        [1280.0, 800.0],
        1.0,
        false,
    );
    h.get_by_label("Activities").click();
    h.run();
    // Scroll Kosovo's list to its end by adding an activity.
    h.get_by_label("Add activity").click();
    h.run();
    h.run();
    h.get_by_label_contains("New activity — no mission");
    h.get_by_label("Scenarios").click();
    h.run();
    h.get_by_label("Haiti (MINUSTAH, then MINUJUSTH)").click();
    h.run();
    h.get_by_label("Discard changes").click();
    h.run();
    h.run();
    h.get_by_label("Activities").click();
    h.run();
    let first = h.state().document().scenario().activities[0].title.clone();
    h.get_by_label_contains(&format!("{first} — "));
}

/// The colour the x-axis title is drawn in.
fn axis_title_color(h: &H) -> egui::Color32 {
    fn find(s: &Shape) -> Option<egui::Color32> {
        match s {
            Shape::Vec(v) => v.iter().find_map(find),
            Shape::Text(t) if t.galley.text().starts_with("Consequences") => Some(t.fallback_color),
            _ => None,
        }
    }
    h.output()
        .shapes
        .iter()
        .find_map(|c| find(&c.shape))
        .unwrap()
}

#[test]
fn switching_to_the_dark_theme_redraws_everything_dark() {
    let (mut h, _dir) = board(
        Some(scenario_path("kosovo-2008.ron")),
        [1280.0, 800.0],
        1.0,
        false,
    );
    assert!(peaceops::theme::luminance(axis_title_color(&h)) < 0.2);
    h.get_by_label("View").click();
    h.run();
    h.get_by_label("Light / dark theme").click();
    h.run();
    assert!(h.state().prefs().dark);
    let c = axis_title_color(&h);
    assert!(
        peaceops::theme::luminance(c) > 0.5,
        "dark text on the dark chart: {c:?}"
    );
}

#[test]
fn the_dark_theme_draws_the_chart_and_its_labels() {
    let (h, _dir) = board(
        Some(scenario_path("kosovo-2008.ron")),
        [1280.0, 800.0],
        1.0,
        true,
    );
    assert!(h.state().prefs().dark);
    // The panels are dark too, not only the chart.
    let panel = h.ctx.global_style().visuals.panel_fill;
    assert!(peaceops::theme::luminance(panel) < 0.05, "{panel:?}");
    let texts = chart_texts(&h);
    assert!(texts.len() >= 9);
    assert_no_overlap(&texts, "dark theme");
}

/// The editor panel's rect on screen, from the window's left to where the chart's panel
/// begins (its first controls, the filters or the button that shows them, less the panel's
/// margin).
fn editor_rect(h: &H) -> Rect {
    let central = ["Mission", "Filters", "On date"]
        .iter()
        .filter_map(|l| h.query_by_label(l))
        .map(|n| n.rect().left())
        .fold(f32::INFINITY, f32::min);
    assert!(central.is_finite(), "no chart panel");
    let window = h.ctx.content_rect();
    Rect::from_min_max(
        egui::pos2(window.left(), h.get_by_label("« Hide editor").rect().top()),
        // Above the status bar (its zoom figure).
        egui::pos2(
            central - 8.0,
            h.query_all_by_label_contains("zoom ")
                .map(|n| n.rect().top())
                .fold(window.bottom(), f32::min),
        ),
    )
}

/// Every widget drawn in the editor panel lies wholly inside it (a widget cut at the panel's
/// edge can be clicked only on its visible part: the chart takes the rest).
fn assert_editor_holds_its_widgets(h: &H, what: &str) {
    let panel = editor_rect(h);
    let mut seen = 0;
    let mut crossing = Vec::new();
    for n in h.query_all(egui_kittest::kittest::By::new()) {
        // A text field's text runs scroll inside the field (the field is what must fit).
        if n.accesskit_node().bounding_box().is_none()
            || n.accesskit_node().role() == egui::accesskit::Role::TextRun
        {
            continue;
        }
        let r = n.rect();
        let in_panel = r.left() >= panel.left() - 0.5
            && r.left() < panel.right() - 1.0
            && r.top() >= panel.top()
            && r.bottom() <= panel.bottom()
            && r.width() > 0.0;
        if !in_panel {
            continue;
        }
        seen += 1;
        if r.right() > panel.right() + 0.5 {
            crossing.push(format!(
                "{:?} {:?} at {r:?}",
                n.accesskit_node().role(),
                n.accesskit_node().label().or(n.accesskit_node().value()),
            ));
        }
    }
    assert!(
        crossing.is_empty(),
        "{what}: these cross the editor's edge at {:.0}: {crossing:#?}",
        panel.right()
    );
    assert!(seen >= 5, "{what}: only {seen} widgets in the editor");
}

/// As [`assert_editor_holds_its_widgets`], and again after each of a few turns of the wheel
/// down the form.
fn assert_editor_holds_its_form(h: &mut H, what: &str) {
    assert_editor_holds_its_widgets(h, what);
    let panel = editor_rect(h);
    for turn in 1..=4 {
        wheel_at(h, egui::pos2(panel.center().x, panel.bottom() - 30.0), 6.0);
        assert_editor_holds_its_widgets(h, &format!("{what}, turn {turn} of the wheel"));
    }
}

#[test]
fn every_form_field_is_wholly_inside_the_editor() {
    for (size, zoom) in [
        ([1024.0, 768.0], 1.0),
        ([1024.0, 768.0], 2.0),
        ([1280.0, 800.0], 1.0),
        ([1280.0, 800.0], 2.0),
        ([1920.0, 1080.0], 1.0),
        ([1920.0, 1080.0], 2.0),
    ] {
        let (mut h, _s) = board(Some(scenario_path("kosovo-2008.ron")), size, zoom, false);
        let s = h.state().document().scenario().clone();
        let what = |tab: &str| format!("{size:?} at zoom {zoom}, {tab}");
        h.get_by_label("Activities").click();
        h.run();
        h.query_all_by_label_contains(&format!("{} — ", s.activities[0].title))
            .next()
            .unwrap()
            .click();
        h.run();
        assert_editor_holds_its_form(&mut h, &what("an activity"));
        h.get_by_label("Host state").click();
        h.run();
        assert_editor_holds_its_form(&mut h, &what("the host state"));
        h.get_by_label("Crime groups").click();
        h.run();
        h.query_all_by_label_contains("the 'war heroes'")
            .next()
            .unwrap()
            .click();
        h.run();
        assert_editor_holds_its_form(&mut h, &what("a crime group"));
        h.get_by_label("Missions").click();
        h.run();
        h.query_all_by_label_contains(&format!("{} — ", s.missions[0].short_name()))
            .next()
            .unwrap()
            .click();
        h.run();
        assert_editor_holds_its_form(&mut h, &what("a mission"));
    }
}

#[test]
fn the_checklist_keeps_its_rows_inside_the_window() {
    // The sizes where the checklist is open beside the editor (narrower, it folds).
    for (size, zoom) in [
        ([1280.0, 800.0], 1.0),
        ([1920.0, 1080.0], 1.0),
        ([2560.0, 1440.0], 2.0),
    ] {
        let (h, _s) = board(Some(scenario_path("kosovo-2008.ron")), size, zoom, false);
        let what = format!("{size:?} at zoom {zoom}");
        let window = h.ctx.content_rect();
        // The checklist's side of the window: right of the plot.
        let from = plot_rect(&h).right() + 20.0;
        let edge = window.right() - 4.0;
        let mut seen = 0;
        let mut crossing = Vec::new();
        for n in h.query_all(egui_kittest::kittest::By::new()) {
            let node = n.accesskit_node();
            if node.bounding_box().is_none() || node.role() == egui::accesskit::Role::TextRun {
                continue;
            }
            let r = n.rect();
            if r.left() < from || r.width() <= 0.0 || r.bottom() > window.bottom() - 40.0 {
                continue;
            }
            seen += 1;
            if r.right() > edge {
                crossing.push(format!(
                    "{:?} {:?} at {r:?}",
                    node.role(),
                    node.label().or(node.value())
                ));
            }
        }
        assert!(seen >= 10, "{what}: only {seen} widgets in the checklist");
        assert!(
            crossing.is_empty(),
            "{what}: these cross the window's edge at {edge:.0}: {crossing:#?}"
        );
    }
}

/// How many markers the chart labels, as its accessible summary says ("… 12 of 15 markers
/// labelled").
fn marker_labels(h: &H) -> usize {
    let summary = chart_summary(h);
    let (head, _) = summary.rsplit_once(" of ").unwrap();
    head.rsplit(' ').next().unwrap().parse().unwrap()
}

#[test]
fn every_marker_is_named_at_every_projector_size() {
    let mut short = Vec::new();
    for (size, zoom, dark) in [
        ([1024.0, 768.0], 1.0, false),
        ([1024.0, 768.0], 1.5, true),
        ([1024.0, 768.0], 1.7, false),
        ([1024.0, 768.0], 2.0, false),
        ([1024.0, 768.0], 2.0, true),
        ([960.0, 600.0], 1.0, false),
        ([1280.0, 800.0], 1.0, false),
        ([1920.0, 1080.0], 1.0, false),
        ([1920.0, 1080.0], 2.0, true),
        ([1920.0, 1080.0], 3.0, false),
    ] {
        let (h, _s) = board(Some(scenario_path("kosovo-2008.ron")), size, zoom, dark);
        let what = format!("{size:?} at zoom {zoom}");
        let s = h.state().document().scenario().clone();
        let named = marker_labels(&h);
        eprintln!("{what}: {named} of {} markers named", s.activities.len());
        if named < s.activities.len() {
            short.push(format!("{what}: {named} of {}", s.activities.len()));
        }
        // Each activity's label is on the chart, or a number beside its marker is, with the
        // key below the chart naming it ("3 EULEX mentoring…").
        let texts: Vec<String> = chart_texts(&h).into_iter().map(|(_, t, _)| t).collect();
        for a in &s.activities {
            let label = a.label();
            // The label, or shortened: the words it keeps are the label's.
            let names = |t: &str| {
                t == label
                    || t.strip_suffix('…').is_some_and(|stem| {
                        stem.chars().count() >= 5
                            && label.to_lowercase().contains(&stem.to_lowercase())
                    })
            };
            let keyed = texts.iter().any(|t| {
                t.split_once(' ').is_some_and(|(n, rest)| {
                    names(rest) && n.parse::<usize>().is_ok() && texts.iter().any(|x| x == n)
                })
            });
            if !texts.iter().any(|t| names(t)) && !keyed {
                short.push(format!("{what}: {label:?} is nowhere among {texts:?}"));
            }
        }
    }
    assert!(short.is_empty(), "not every marker is named: {short:#?}");
}

#[test]
fn with_a_second_screen_the_room_sees_the_board_and_the_facilitator_keeps_the_editor() {
    let (mut h, _s) = board(
        Some(scenario_path("kosovo-2008.ron")),
        [1280.0, 800.0],
        1.0,
        false,
    );
    h.state_mut().set_second_screen(Some(1));
    let commands = frame_with(&mut h, key_event(Modifiers::NONE, Key::F11));
    assert!(h.state().presenting());
    assert_eq!(h.state().presenting_on(), Some(1));
    assert!(
        !commands
            .iter()
            .any(|c| matches!(c, egui::ViewportCommand::Fullscreen(_))),
        "the facilitator's window stays as it was: {commands:?}"
    );
    h.run();
    // The presentation's window goes full screen on the other monitor.
    let builder = peaceops::view::present::second_screen(1);
    assert_eq!(builder.monitor, Some(1));
    // The board stays here; the presentation shows (in this headless test, inside the
    // window: kittest has no second one).
    h.get_by_label("« Hide editor");
    h.get_by_label("File");
    h.get_by_label_contains("open risks");
    h.get_by_label("Leave presentation (Esc)").click();
    h.run();
    assert!(!h.state().presenting());
    assert_eq!(h.state().presenting_on(), None);
    assert!(h.query_by_label("Leave presentation (Esc)").is_none());
}

#[test]
fn with_one_screen_the_window_itself_presents_full_screen() {
    let (mut h, _s) = board(
        Some(scenario_path("kosovo-2008.ron")),
        [1280.0, 800.0],
        1.0,
        false,
    );
    h.state_mut().set_second_screen(None);
    let commands = frame_with(&mut h, key_event(Modifiers::NONE, Key::F11));
    assert!(h.state().presenting());
    assert_eq!(h.state().presenting_on(), None);
    assert!(
        commands
            .iter()
            .any(|c| matches!(c, egui::ViewportCommand::Fullscreen(true))),
        "{commands:?}"
    );
    h.run();
    assert!(h.query_by_label("« Hide editor").is_none());
    let commands = frame_with(&mut h, key_event(Modifiers::NONE, Key::Escape));
    assert!(!h.state().presenting());
    assert!(
        commands
            .iter()
            .any(|c| matches!(c, egui::ViewportCommand::Fullscreen(false))),
        "{commands:?}"
    );
}

/// Image snapshots of the chart alone (presentation mode, in the window), at a projector's
/// size and a laptop's, in both themes: `UPDATE_SNAPSHOTS=1` rewrites them after an intended
/// change (tests/snapshots/, each well under 200 KB).
#[test]
fn the_chart_looks_as_it_did() {
    let mut results = egui_kittest::SnapshotResults::new();
    for (size, name) in [([1024.0, 768.0], "1024x768"), ([800.0, 500.0], "800x500")] {
        for dark in [false, true] {
            let (mut h, _s) = common::harness::harness_rendered(
                Some(scenario_path("kosovo-2008.ron")),
                size,
                dark,
            );
            h.key_press(Key::F11);
            h.run();
            h.run();
            assert!(h.state().presenting());
            let theme = if dark { "dark" } else { "light" };
            results.add(h.try_snapshot(format!("chart-{name}-{theme}")));
        }
    }
    results.unwrap();
}

/// The texts painted anywhere in the window, and whether each was cut to fit ("…").
fn all_texts(h: &H) -> Vec<(String, bool)> {
    fn walk(s: &Shape, out: &mut Vec<(String, bool)>) {
        match s {
            Shape::Vec(v) => v.iter().for_each(|s| walk(s, out)),
            Shape::Text(t) => out.push((t.galley.text().to_owned(), t.galley.elided)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    for c in &h.output().shapes {
        walk(&c.shape, &mut out);
    }
    out
}

#[test]
fn the_checklists_top_risks_line_is_never_cut() {
    for (size, zoom) in [
        ([1280.0, 800.0], 1.0),
        ([1920.0, 1080.0], 1.0),
        ([1920.0, 1080.0], 1.5),
    ] {
        let (h, _s) = board(Some(scenario_path("kosovo-2008.ron")), size, zoom, false);
        let texts = all_texts(&h);
        let top: Vec<&(String, bool)> = texts
            .iter()
            .filter(|(t, _)| t.starts_with("Top risks:"))
            .collect();
        assert_eq!(top.len(), 1, "{size:?} at {zoom}: {top:?}");
        assert!(
            !top[0].1,
            "{size:?} at {zoom}: the line is cut: {:?}",
            top[0].0
        );
        assert_eq!(
            top[0].0.matches(" · ").count(),
            2,
            "three risks named: {:?}",
            top[0]
        );
    }
}

/// In a short chart (a projector at a high zoom) the legend is one row above the plot: each
/// mission's entry is there whole, inside the chart's width, or counted on the menu button at
/// the row's end ("+2") that lists the others; none is cut at the edge.
#[test]
fn the_legend_shows_every_mission_whole_or_in_its_menu_at_projector_zooms() {
    for (size, zoom) in [
        ([1024.0, 768.0], 2.0),
        ([1280.0, 800.0], 2.0),
        ([1024.0, 768.0], 1.5),
        ([960.0, 600.0], 1.0),
    ] {
        let (h, _s) = board(Some(scenario_path("kosovo-2008.ron")), size, zoom, false);
        let what = format!("{size:?} at zoom {zoom}");
        let plot = plot_rect(&h);
        let s = h.state().document().scenario().clone();
        let more: usize = h
            .query_all_by_label_contains("+")
            .filter(|n| n.rect().bottom() <= plot.top())
            .filter_map(|n| {
                n.accesskit_node()
                    .label()?
                    .strip_prefix('+')?
                    .parse::<usize>()
                    .ok()
            })
            .sum();
        let mut missing = 0;
        for m in &s.missions {
            if !s
                .activities
                .iter()
                .any(|a| a.mission.as_ref() == Some(&m.id))
            {
                continue;
            }
            let name = m.short_name();
            match h
                .query_all_by_label(name)
                .map(|n| n.rect())
                .find(|r| r.bottom() <= plot.top())
            {
                Some(entry) => assert!(
                    entry.left() >= plot.left() - 120.0 && entry.right() <= plot.right() + 16.0,
                    "{what}: the legend entry {name:?} at {entry:?} runs past the chart"
                ),
                None => missing += 1,
            }
        }
        assert_eq!(
            missing, more,
            "{what}: {missing} missions not in the row, {more} on its menu button"
        );
    }
}
