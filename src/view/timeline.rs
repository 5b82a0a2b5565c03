//! The mission timeline (issue 11): one lane per mission, grouped by deploying organization and
//! coloured as on the chart; each activity a thin bar in its lane; predecessor → successor
//! arrows marked by handover plan; the minimal-security month and the milestones as vertical
//! markers; policing vacuums shaded; and the window's one date cursor. Painted by hand like the
//! chart (no plotting crate): a few hundred rectangles and lines.
//!
//! What it draws comes from [`MissionTimeline`] (domain, once per revision); the cursor is the
//! document's lens, changed only through [`Command::SetLens`]. Click an activity bar to select
//! it; drag the start or the end of a mission's or an activity's bar to change its first or last
//! month (one undo step per drag); click or drag on the month axis to move the cursor; ←/→ move
//! it by a month, Home/End to the ends, Space plays. The wheel on the month axis (or a pinch,
//! or Ctrl+wheel anywhere on it) zooms the months around the pointer; dragging the background
//! or a sideways wheel pans; a double click shows the whole span again. Milestones are added,
//! changed and deleted in their own window (one edit each, undoable).

use egui::{Align2, FontId, Pos2, Rect, Sense, Stroke, Ui, pos2, vec2};

use crate::command::{Command, Selection};
use crate::document::Document;
use crate::lens::{HandoverPlan, Lens, MarkKind, MissionTimeline};
use crate::model::{Edit, Milestone, YearMonth};
use crate::theme;

/// Which bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum BarOf {
    Mission(usize),
    Activity(usize),
}

/// Which end of a bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Edge {
    Start,
    End,
}

/// What is being dragged: the first or the last month of a mission's or an activity's bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Grip {
    bar: BarOf,
    edge: Edge,
}

/// The months shown when zoomed in: from `lo` (a month index, fractional while panning), `len`
/// months wide.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Window {
    lo: f32,
    len: f32,
}

/// The timeline's state between frames.
#[derive(Debug)]
pub struct TimelineState {
    /// Playing: the cursor steps month by month.
    pub playing: bool,
    /// Months per second while playing (1–12).
    pub speed: u32,
    /// When the cursor last stepped (UI clock).
    last_step: f64,
    /// The timeline and the revision it was built for.
    cache: Option<(u64, MissionTimeline)>,
    /// Each lane's bars packed into rows (row of each bar, row count), for the cached timeline.
    packed: Vec<(Vec<usize>, usize)>,
    /// An edge being dragged, and the month it is at now.
    drag: Option<(Grip, YearMonth)>,
    /// The months shown; `None`: the whole span.
    window: Option<Window>,
    /// Whether the milestones window is open.
    milestones_open: bool,
    /// Month fields of the milestones window being typed in (row, text; `usize::MAX` for the
    /// new milestone), kept until they parse or lose focus.
    month_text: Vec<(usize, String)>,
    /// The new milestone's label.
    new_label: String,
}

impl Default for TimelineState {
    fn default() -> Self {
        Self {
            playing: false,
            speed: 4,
            last_step: 0.0,
            cache: None,
            packed: Vec::new(),
            drag: None,
            window: None,
            milestones_open: false,
            month_text: Vec::new(),
            new_label: String::new(),
        }
    }
}

impl TimelineState {
    /// Stops playing (any edit or click does).
    pub fn stop(&mut self) {
        self.playing = false;
    }
}

/// The month after `at` within the span, or `None` at its end.
fn next_month(at: Option<YearMonth>, start: YearMonth, end: YearMonth) -> Option<YearMonth> {
    match at {
        None => Some(start),
        Some(m) if m < end => Some(m.plus_months(1)),
        Some(_) => None,
    }
}

/// Draws the timeline panel's content.
pub fn timeline_ui(
    ui: &mut Ui,
    doc: &Document,
    state: &mut TimelineState,
    dark: bool,
    out: &mut Vec<Command>,
) {
    // What the room sees: while a run is open (or a closed one is replayed), the plan with the
    // run's injects applied (a mission an inject ended early ends there).
    if state
        .cache
        .as_ref()
        .is_none_or(|(r, _)| *r != doc.room_revision())
    {
        let t = MissionTimeline::build(doc.room());
        // Packed once per revision, not every frame (benches/frame.rs, timeline/1000).
        state.packed = t.lanes.iter().map(|l| pack(&l.bars)).collect();
        state.cache = Some((doc.room_revision(), t));
    }
    // Taken out for the frame, so the drawing can change the rest of the state.
    let Some((revision, t)) = state.cache.take() else {
        return;
    };
    timeline_body(ui, doc, &t, state, dark, out);
    state.cache = Some((revision, t));
}

fn timeline_body(
    ui: &mut Ui,
    doc: &Document,
    t: &MissionTimeline,
    state: &mut TimelineState,
    dark: bool,
    out: &mut Vec<Command>,
) {
    let lens = doc.lens();
    let Some(span) = t.span else {
        state.playing = false;
        ui.weak("No dates in this scenario yet: give a mission a start month to see the timeline.");
        return;
    };
    let now = ui.input(|i| i.time);

    // Header: play, speed, the cursor's month and the way back to all time; wrapped, so a
    // narrow window or a high zoom never widens the panel past the window.
    ui.horizontal_wrapped(|ui| {
        let play = ui
            .button(if state.playing { "Pause" } else { "Play" })
            .on_hover_text("Step the cursor month by month, for the room to watch the missions unfold (Space). Any edit or click stops it.");
        play.widget_info(|| {
            egui::WidgetInfo::labeled(
                egui::Role::Button,
                true,
                if state.playing { "Pause" } else { "Play" },
            )
        });
        if play.clicked() {
            state.playing = !state.playing;
            state.last_step = now;
            if state.playing && lens.at.is_none_or(|m| m >= span.end) {
                out.push(Command::SetLens(Lens::at(span.start)));
            }
        } else if state.playing && ui.input(|i| i.pointer.any_click()) {
            state.playing = false;
        }
        let l = ui.label("Speed");
        ui.add(
            egui::Slider::new(&mut state.speed, 1..=12)
                .suffix(" months/s")
                .clamping(egui::SliderClamping::Always),
        )
        .labelled_by(l.id)
        .on_hover_text("How many months the cursor steps per second while playing.");
        match lens.at {
            Some(at) => {
                ui.strong(format!("as of {at}"));
                if ui
                    .button("All time")
                    .on_hover_text("See the whole plan at once again (the default).")
                    .clicked()
                {
                    state.playing = false;
                    out.push(Command::SetLens(Lens::ALL_TIME));
                }
            }
            None => {
                ui.weak("all time (click the month axis, or press the right arrow key, for one month)");
            }
        }
        if state.window.is_some()
            && ui
                .button("Whole span")
                .on_hover_text("Show every month again (or double-click the timeline).")
                .clicked()
        {
            state.window = None;
        }
        if ui
            .selectable_label(state.milestones_open, "Milestones…")
            .on_hover_text("Add, change or delete the scenario's milestones (dated events marked on the timeline).")
            .clicked()
        {
            state.milestones_open = !state.milestones_open;
        }
    });
    if state.milestones_open {
        milestones_window(ui.ctx(), doc, state, out);
    }

    // Keys, unless a text field has them.
    if !ui.ctx().egui_wants_keyboard_input() {
        let (left, right, home, end, space) = ui.input_mut(|i| {
            let mut k = |key| i.consume_key(egui::Modifiers::NONE, key);
            (
                k(egui::Key::ArrowLeft),
                k(egui::Key::ArrowRight),
                k(egui::Key::Home),
                k(egui::Key::End),
                k(egui::Key::Space),
            )
        });
        let clamp = |m: YearMonth| m.clamp(span.start, span.end);
        let to = if right {
            Some(lens.at.map_or(span.start, |m| clamp(m.plus_months(1))))
        } else if left {
            Some(lens.at.map_or(span.end, |m| clamp(m.plus_months(-1))))
        } else if home {
            Some(span.start)
        } else if end {
            Some(span.end)
        } else {
            None
        };
        if let Some(to) = to {
            state.playing = false;
            out.push(Command::SetLens(Lens::at(to)));
        }
        if space {
            state.playing = !state.playing;
            state.last_step = now;
        }
    }

    // Play: one step per 1/speed seconds; repaint only as often as the steps need.
    if state.playing {
        let period = 1.0 / f64::from(state.speed.clamp(1, 12));
        let due = state.last_step + period;
        if now >= due {
            state.last_step = now;
            match next_month(lens.at, span.start, span.end) {
                Some(m) => out.push(Command::SetLens(Lens::at(m))),
                None => state.playing = false,
            }
        }
        if state.playing {
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_secs_f64((due - now).max(0.0)));
        }
    }

    plot(ui, doc, t, state, dark, out);
}

/// Screen x of the start of a month, and back, for the months shown.
struct Scale {
    left: f32,
    width: f32,
    /// First month shown (a month index, fractional when panned part way).
    lo: f32,
    /// How many months are shown.
    months: f32,
    /// The span's months, as indices: months outside are never picked.
    first: i32,
    last: i32,
}

impl Scale {
    fn x(&self, m: YearMonth) -> f32 {
        self.left + (m.index() as f32 - self.lo) / self.months * self.width
    }

    fn x_end(&self, m: YearMonth) -> f32 {
        self.x(m.plus_months(1))
    }

    fn per_month(&self) -> f32 {
        self.width / self.months
    }

    fn month(&self, x: f32) -> YearMonth {
        let f = (self.lo + (x - self.left) / self.width * self.months).floor() as i32;
        YearMonth::from_index(f.clamp(self.first, self.last))
    }

    /// The months shown, whole months from the first to the last (partly) in view.
    fn shown(&self) -> (YearMonth, YearMonth) {
        let lo = (self.lo.floor() as i32).clamp(self.first, self.last);
        let hi = ((self.lo + self.months).ceil() as i32 - 1).clamp(lo, self.last);
        (YearMonth::from_index(lo), YearMonth::from_index(hi))
    }
}

/// The window kept within the span: at least [`theme::TIMELINE_MIN_MONTHS`] wide, at most the
/// whole span (then `None`: the whole span, which follows the scenario's edits).
fn clamp_window(w: Window, first: i32, total: f32) -> Option<Window> {
    let len = w.len.clamp(theme::TIMELINE_MIN_MONTHS.min(total), total);
    if len >= total - 0.01 {
        return None;
    }
    let lo = w.lo.clamp(first as f32, first as f32 + total - len);
    Some(Window { lo, len })
}

/// Packs bars into rows so none overlaps another; returns each bar's row and the row count.
fn pack(bars: &[crate::lens::Bar]) -> (Vec<usize>, usize) {
    let mut ends: Vec<YearMonth> = Vec::new();
    let rows = bars
        .iter()
        .map(|b| match ends.iter().position(|e| *e < b.start) {
            Some(r) => {
                ends[r] = b.end;
                r
            }
            None => {
                ends.push(b.end);
                ends.len() - 1
            }
        })
        .collect();
    (rows, ends.len())
}

fn plot(
    ui: &mut Ui,
    doc: &Document,
    t: &MissionTimeline,
    state: &mut TimelineState,
    dark: bool,
    out: &mut Vec<Command>,
) {
    let Some(span) = t.span else { return };
    let s = doc.room();
    let font = FontId::proportional(theme::TIMELINE_TEXT);
    let text = ui.visuals().text_color();
    let weak = ui.visuals().weak_text_color();
    let lane_h = theme::TIMELINE_BAR + theme::TIMELINE_GAP + 2.0;
    let pitch = theme::TIMELINE_ACTIVITY + 1.0;
    let packed = std::mem::take(&mut state.packed);
    let height = theme::TIMELINE_AXIS
        + theme::TIMELINE_MARKS
        + packed
            .iter()
            .map(|(_, n)| lane_h + *n as f32 * pitch)
            .sum::<f32>();
    let (first, last) = (span.start.index(), span.end.index().max(span.start.index()));
    let total = (last - first + 1) as f32;
    egui::ScrollArea::vertical()
        .id_salt("timeline lanes")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let (area, _) =
                ui.allocate_exact_size(vec2(ui.available_width(), height), Sense::hover());
            let label_w = theme::TIMELINE_LABEL_WIDTH.min(area.width() / 3.0);
            let window = state.window.unwrap_or(Window { lo: first as f32, len: total });
            let scale = Scale {
                left: area.left() + label_w,
                width: (area.width() - label_w - 4.0).max(10.0),
                lo: window.lo,
                months: window.len,
                first,
                last,
            };
            let axis = Rect::from_min_max(
                pos2(scale.left, area.top()),
                pos2(scale.left + scale.width, area.top() + theme::TIMELINE_AXIS),
            );
            let body = Rect::from_min_max(
                pos2(scale.left, axis.bottom() + theme::TIMELINE_MARKS),
                pos2(scale.left + scale.width, area.bottom()),
            );
            // The lane names in their column; everything dated clipped to the months shown.
            let painter = ui.painter_at(area);
            let months_rect = Rect::from_min_max(pos2(scale.left, area.top()), pos2(scale.left + scale.width, area.bottom()));
            let dated = ui.painter_at(months_rect.intersect(ui.clip_rect()));
            // Interaction rects of dated things, cut to the months shown and to the lanes
            // scrolled into view (`None`: out of view). Ten thousand bars took a quarter of a
            // frame that moves the date (`scrub/10000` in benches/frame.rs) in interaction
            // alone when the ones scrolled away were kept.
            let view = months_rect.intersect(ui.clip_rect());
            let visible = |r: Rect| -> Option<Rect> {
                let r = r.intersect(view);
                (r.width() > 0.0 && r.height() > 0.0).then_some(r)
            };

            // The background first, so the bars and the axis above it take their own clicks:
            // dragging it pans, a double click shows the whole span.
            let months_id = egui::Id::unique("timeline").with("timeline months");
            let back = ui.interact(body, months_id, Sense::click_and_drag());
            if back.dragged() && state.drag.is_none() {
                let dx = back.drag_delta().x;
                if dx != 0.0 {
                    state.window = clamp_window(
                        Window { lo: window.lo - dx / scale.per_month(), len: window.len },
                        first,
                        total,
                    );
                }
            }
            if back.double_clicked() {
                state.window = None;
            }
            zoom_and_pan(ui, &scale, axis, months_rect, window, state, first, total);

            // Policing vacuums, behind everything.
            for v in &t.vacuums {
                let r = Rect::from_min_max(
                    pos2(scale.x(v.from), body.top()),
                    pos2(scale.x_end(v.to), body.bottom()),
                );
                dated.rect_filled(r, 0.0, theme::vacuum_fill(dark));
                let Some(r) = visible(r) else { continue };
                let resp = ui.interact(r, egui::Id::unique("timeline").with(("vacuum", v.from)), Sense::hover());
                resp.on_hover_ui(|ui| {
// Formatted only when shown: a bar each, every frame, otherwise (benches/frame.rs, timeline/1000).
ui.label(format!(
                    "Policing vacuum, {} to {} ({} months): no police-capable mission is deployed, which invites military substitutes (§III, §IV.5).",
                    v.from,
                    v.to,
                    v.months()
                ));
});
            }

            // Month axis: a tick each year (labelled), and each month when there is room
            // (labelled too when zoomed in far enough).
            let per_month = scale.per_month();
            let year_step = if per_month * 12.0 > 40.0 { 1 } else { 5 };
            let (shown_lo, shown_hi) = scale.shown();
            let name_months = per_month > theme::TIMELINE_MONTH_LABEL;
            for i in shown_lo.index()..=shown_hi.index() {
                let m = YearMonth::from_index(i);
                let x = scale.x(m);
                if m.month() == 1 {
                    dated.line_segment(
                        [pos2(x, axis.bottom() - 6.0), pos2(x, body.bottom())],
                        Stroke::new(1.0, theme::timeline_grid(dark)),
                    );
                    if m.year() % year_step == 0 {
                        dated.text(
                            pos2(x + 2.0, axis.top()),
                            Align2::LEFT_TOP,
                            m.year().to_string(),
                            font.clone(),
                            weak,
                        );
                    }
                } else if per_month > 6.0 {
                    dated.line_segment(
                        [pos2(x, axis.bottom() - 3.0), pos2(x, axis.bottom())],
                        Stroke::new(1.0, theme::timeline_grid(dark)),
                    );
                    if name_months {
                        dated.text(
                            pos2(x + 2.0, axis.top()),
                            Align2::LEFT_TOP,
                            format!("{:02}", m.month()),
                            font.clone(),
                            weak,
                        );
                    }
                }
            }
            let axis_resp = ui
                .interact(axis, egui::Id::unique("timeline").with("timeline axis"), Sense::click_and_drag())
                .on_hover_text("Click or drag to see the board as of a month (left and right arrow keys by month, Home and End). The wheel here zooms the months; drag the background to pan; double-click it for the whole span.");
            let shown_text = format!("Timeline cursor, months shown {shown_lo} to {shown_hi}");
            axis_resp.widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::Slider, true, &shown_text)
            });
            if (axis_resp.clicked() || axis_resp.dragged())
                && let Some(p) = axis_resp.interact_pointer_pos()
            {
                state.playing = false;
                let m = scale.month(p.x);
                if doc.lens().at != Some(m) {
                    out.push(Command::SetLens(Lens::at(m)));
                }
            }

            // Lanes.
            let mut y = body.top();
            let mut lane_y = vec![0.0; s.missions.len()];
            let dragged = |bar: BarOf, start: YearMonth, end: YearMonth| match state.drag {
                Some((g, to)) if g.bar == bar && g.edge == Edge::Start => (to.min(end), end),
                Some((g, to)) if g.bar == bar => (start, to.max(start)),
                _ => (start, end),
            };
            let mut grips: Vec<(egui::Response, BarOf, YearMonth, YearMonth, Rect)> = Vec::new();
            for (lane, (rows, n)) in t.lanes.iter().zip(&packed) {
                let m = &s.missions[lane.mission];
                let color = theme::mission_color(lane.mission);
                let top = y;
                lane_y[lane.mission] = top + theme::TIMELINE_BAR / 2.0;
                painter.text(
                    pos2(area.left() + 2.0, top),
                    Align2::LEFT_TOP,
                    format!("{} · {}", m.organization.body(), m.short_name()),
                    font.clone(),
                    text,
                );
                let (start, end) = dragged(BarOf::Mission(lane.mission), lane.start, lane.end);
                let bar = Rect::from_min_max(
                    pos2(scale.x(start), top),
                    pos2(scale.x_end(end.max(start)), top + theme::TIMELINE_BAR),
                );
                let shown = doc.board().shows_mission(lane.mission);
                dated.rect_filled(bar, 2.0, theme::faded_if(color, !shown, dark));
                if let Some(hit) = visible(bar) {
                    let resp = ui
                        .interact(hit, egui::Id::unique("timeline").with(("mission bar", lane.mission)), Sense::click_and_drag())
                        .on_hover_ui(|ui| {
// Formatted only when shown: a bar each, every frame, otherwise (benches/frame.rs, timeline/1000).
ui.label(format!(
                            "{}: {} to {}{}. Drag its left or right end to change its first or last month.",
                            m.describe(),
                            lane.start,
                            if lane.open_ended { "open-ended".to_owned() } else { lane.end.to_string() },
                            if shown { "" } else { " (not deployed in the cursor's month)" }
                        ));
});
                    resp.widget_info(|| {
                        egui::WidgetInfo::labeled(egui::Role::Button, true, format!("Mission {}", m.short_name()))
                    });
                    if resp.clicked() {
                        out.push(Command::Select(Selection::Mission(m.id.clone())));
                    }
                    grips.push((resp, BarOf::Mission(lane.mission), lane.start, lane.end, bar));
                }
                // Activities, in packed rows under the mission's bar.
                for (b, row) in lane.bars.iter().zip(rows) {
                    let a = &s.activities[b.activity];
                    let by = top + theme::TIMELINE_BAR + 2.0 + *row as f32 * pitch;
                    if by > view.bottom() || by + theme::TIMELINE_ACTIVITY < view.top() {
                        // Scrolled out of view: not drawn (the painter would clip it).
                        continue;
                    }
                    let (start, end) = dragged(BarOf::Activity(b.activity), b.start, b.end);
                    let r = Rect::from_min_max(
                        pos2(scale.x(start), by),
                        pos2(scale.x_end(end.max(start)).max(scale.x(start) + 2.0), by + theme::TIMELINE_ACTIVITY),
                    );
                    let shown = doc.board().shows_activity(b.activity);
                    dated.rect_filled(r, 1.0, theme::faded_if(color, !shown, dark));
                    let Some(hit) = visible(r) else { continue };
                    let resp = ui
                        .interact(hit, egui::Id::unique("timeline").with(("activity bar", b.activity)), Sense::click_and_drag())
                        .on_hover_ui(|ui| {
// Formatted only when shown: a bar each, every frame, otherwise (benches/frame.rs, timeline/1000).
ui.label(format!(
                            "{}: {} to {}. Click to select; drag its left or right end to change its first or last month.",
                            a.title,
                            b.start,
                            if b.open_ended { "open-ended".to_owned() } else { b.end.to_string() }
                        ));
});
                    resp.widget_info(|| {
                        egui::WidgetInfo::labeled(egui::Role::Button, true, format!("Activity {}", a.title))
                    });
                    if resp.clicked() {
                        out.push(Command::Select(Selection::Activity(a.id.clone())));
                    }
                    grips.push((resp, BarOf::Activity(b.activity), b.start, b.end, r));
                }
                y = top + lane_h + *n as f32 * pitch;
            }
            for (resp, bar, start, end, rect) in grips {
                edge_drag(&resp, &scale, bar, (start, end), rect, state, out, doc);
            }

            // Handover arrows: from the predecessor's lane down (or up) to the successor's, at
            // the handover month, coloured by plan.
            for h in &t.handovers {
                let x = scale.x(h.at);
                let (y0, y1) = (lane_y[h.from], lane_y[h.to]);
                let color = theme::handover_color(h.plan, dark);
                let stroke = Stroke::new(theme::TIMELINE_ARROW, color);
                dated.arrow(pos2(x, y0), vec2(0.0, y1 - y0), stroke);
                let r = Rect::from_min_max(pos2(x - 5.0, y0.min(y1)), pos2(x + 5.0, y0.max(y1)));
                let Some(r) = visible(r) else { continue };
                let covers: Vec<&str> = h.covers.iter().map(|c| c.label()).collect();
                ui.interact(r, egui::Id::unique("timeline").with(("handover", h.to)), Sense::hover())
                    .on_hover_ui(|ui| {
// Formatted only when shown: a bar each, every frame, otherwise (benches/frame.rs, timeline/1000).
ui.label(format!(
                        "Handover from {} to {} in {}: {}{}",
                        s.missions[h.from].short_name(),
                        s.missions[h.to].short_name(),
                        h.at,
                        match h.plan {
                            HandoverPlan::Planned => "planned, with case files and records",
                            HandoverPlan::Partial => "partial plan, without case files and records (as from UNMIK to EULEX, §V.6)",
                            HandoverPlan::None => "no handover plan (§V.6)",
                        },
                        if covers.is_empty() { String::new() } else { format!("; covers {}", covers.join(", ")) }
                    ));
});
            }

            // Markers: minimal security and milestones.
            for (k, mark) in t.marks.iter().enumerate() {
                if mark.at < span.start || mark.at > span.end {
                    continue;
                }
                let x = scale.x(mark.at);
                let color = match mark.kind {
                    MarkKind::MinimalSecurity => theme::security_mark(dark),
                    MarkKind::Milestone(_) => theme::milestone_mark(dark),
                };
                dated.line_segment([pos2(x, axis.bottom()), pos2(x, body.bottom())], Stroke::new(1.5, color));
                dated.circle_filled(pos2(x, axis.bottom()), 3.5, color);
                // Its label in the band under the axis, cut where the next marker begins.
                let next_x = t.marks[k + 1..]
                    .iter()
                    .find(|n| n.at > mark.at && n.at <= span.end)
                    .map_or(scale.left + scale.width, |n| scale.x(n.at))
                    .min(scale.left + scale.width);
                let room = (next_x - x - 6.0).max(0.0);
                if room > 12.0 {
                    let mut job = egui::text::LayoutJob::simple_singleline(
                        mark.label.clone(),
                        font.clone(),
                        color,
                    );
                    job.wrap = egui::text::TextWrapping::truncate_at_width(room);
                    let galley = painter.layout_job(job);
                    dated.galley(pos2(x + 4.0, axis.bottom() + 1.0), galley, color);
                }
                // Hover on the dot and the label, not over the lanes (their bars take the clicks).
                let r = Rect::from_min_max(
                    pos2(x - 5.0, axis.bottom() - 5.0),
                    pos2(x + 4.0 + room.max(5.0), axis.bottom() + theme::TIMELINE_MARKS),
                );
                let Some(r) = visible(r) else { continue };
                let sources: Vec<String> = mark.sources.iter().map(crate::model::Source::badge).collect();
                ui.interact(r, egui::Id::unique("timeline").with(("mark", k)), Sense::hover()).on_hover_ui(|ui| {
// Formatted only when shown: a bar each, every frame, otherwise (benches/frame.rs, timeline/1000).
ui.label(format!(
                    "{}: {}{}",
                    mark.at,
                    mark.label,
                    if sources.is_empty() { String::new() } else { format!(" ({})", sources.join("; ")) }
                ));
});
            }

            // The cursor.
            if let Some(at) = doc.lens().at {
                let x = (scale.x(at) + scale.x_end(at)) / 2.0;
                let c = theme::cursor_color(dark);
                dated.line_segment([pos2(x, area.top()), pos2(x, body.bottom())], Stroke::new(2.0, c));
                dated.text(
                    pos2(x + 3.0, axis.bottom() - 2.0),
                    Align2::LEFT_BOTTOM,
                    at.to_string(),
                    font.clone(),
                    c,
                );
            }
        });
    state.packed = packed;
}

/// Zooms the months around the pointer (the wheel on the month axis; a pinch or Ctrl+wheel
/// anywhere over the months) and pans them (a sideways wheel, Shift+wheel).
#[expect(
    clippy::too_many_arguments,
    reason = "the plot's geometry, all local to it"
)]
fn zoom_and_pan(
    ui: &Ui,
    scale: &Scale,
    axis: Rect,
    months: Rect,
    window: Window,
    state: &mut TimelineState,
    first: i32,
    total: f32,
) {
    let Some(p) = ui.input(|i| i.pointer.hover_pos()) else {
        return;
    };
    if !months.contains(p) || !ui.rect_contains_pointer(months) {
        return;
    }
    let (pinch, scroll) = ui.input(|i| (i.zoom_delta(), i.smooth_scroll_delta()));
    let on_axis = axis.contains(p);
    let mut factor = pinch;
    if on_axis && scroll.y != 0.0 {
        // Wheel up (positive) zooms in.
        factor *= (scroll.y * theme::TIMELINE_WHEEL_ZOOM).exp();
    }
    let pan = scroll.x;
    if (factor - 1.0).abs() < 1e-4 && pan == 0.0 {
        return;
    }
    // The month under the pointer stays under it.
    let at = window.lo + (p.x - scale.left) / scale.width * window.len;
    let len = window.len / factor;
    let lo = at - (p.x - scale.left) / scale.width * len - pan / scale.per_month();
    state.window = clamp_window(Window { lo, len }, first, total);
    // The wheel zoomed the months: the lanes must not scroll too.
    if on_axis {
        ui.ctx()
            .input_mut(|i| i.smooth_scroll_delta = egui::Vec2::ZERO);
    }
}

/// Dragging the start or the end of a bar: follows the pointer by whole months, and on release
/// makes one edit. `dates` are the bar's first and last month before the drag.
#[expect(clippy::too_many_arguments, reason = "one call site, all local")]
fn edge_drag(
    resp: &egui::Response,
    scale: &Scale,
    what: BarOf,
    dates: (YearMonth, YearMonth),
    bar: Rect,
    state: &mut TimelineState,
    out: &mut Vec<Command>,
    doc: &Document,
) {
    let (start, end) = dates;
    // The nearer edge within the grip; on a bar narrower than two grips, the half it is in.
    let edge_at = |p: Pos2| -> Option<Edge> {
        let (dl, dr) = ((p.x - bar.left()).abs(), (p.x - bar.right()).abs());
        if dl.min(dr) > theme::TIMELINE_GRIP {
            None
        } else if bar.width() < 2.0 * theme::TIMELINE_GRIP {
            Some(if p.x < bar.center().x {
                Edge::Start
            } else {
                Edge::End
            })
        } else if dl < dr {
            Some(Edge::Start)
        } else {
            Some(Edge::End)
        }
    };
    if resp.hovered() && resp.hover_pos().and_then(edge_at).is_some() {
        resp.ctx.set_cursor_icon(egui::CursorIcon::ResizeHorizontal);
    }
    // Where the press began, not where the drag is recognised (a few points later).
    let origin = resp.ctx.input(|i| i.pointer.press_origin());
    if resp.drag_started()
        && let Some(edge) = origin.and_then(edge_at)
    {
        state.playing = false;
        let at = if edge == Edge::Start { start } else { end };
        state.drag = Some((Grip { bar: what, edge }, at));
    }
    let Some((grip, _)) = state.drag else {
        return;
    };
    if grip.bar != what {
        return;
    }
    let from = if grip.edge == Edge::Start { start } else { end };
    // Whole months from where the press began.
    if resp.dragged()
        && let (Some(p), Some(o)) = (resp.interact_pointer_pos(), origin)
    {
        let months = ((p.x - o.x) / scale.per_month()).round() as i32;
        let to = from.plus_months(months);
        let to = YearMonth::from_index(to.index().clamp(scale.first, scale.last));
        state.drag = Some((grip, to));
    }
    if resp.drag_stopped() {
        let to = state.drag.take().map(|(_, to)| to);
        // The bars are the room's (see `timeline_ui`); the edit changes the plan's own mission or
        // activity of the same id.
        let (room, s) = (doc.room(), doc.scenario());
        let Some(to) = to.filter(|to| *to != from) else {
            return;
        };
        match (what, grip.edge) {
            (BarOf::Mission(i), edge) => {
                if let Some(m) = room.missions.get(i).and_then(|m| s.mission(&m.id)) {
                    let mut m = m.clone();
                    match edge {
                        Edge::Start => m.start = m.end.map_or(to, |e| to.min(e)),
                        Edge::End => m.end = Some(to.max(m.start)),
                    }
                    out.push(Command::Edit(Edit::UpdateMission(m)));
                }
            }
            (BarOf::Activity(i), edge) => {
                if let Some(a) = room
                    .activities
                    .get(i)
                    .and_then(|a| s.activities.iter().find(|x| x.id == a.id))
                {
                    let mut a = a.clone();
                    match edge {
                        Edge::Start => a.start = Some(to.min(end)),
                        Edge::End => a.end = Some(a.start.map_or(to, |st| to.max(st))),
                    }
                    out.push(Command::Edit(Edit::UpdateActivity(a)));
                }
            }
        }
    }
}

/// The milestones window: each milestone's month and label, editable, with Delete; a new one
/// added from a month and a label. Each change is one edit (undoable); a milestone with an
/// empty label or outside the scenario's time is a validation problem (listed in Problems).
fn milestones_window(
    ctx: &egui::Context,
    doc: &Document,
    state: &mut TimelineState,
    out: &mut Vec<Command>,
) {
    let s = doc.scenario();
    let mut open = true;
    const NEW: usize = usize::MAX;
    egui::Window::new("Milestones")
        .open(&mut open)
        // Clear of the menu bar: in the middle of the window.
        .pivot(Align2::CENTER_CENTER)
        .default_pos(ctx.content_rect().center())
        .resizable(true)
        .default_width(theme::MILESTONES_WIDTH)
        .show(ctx, |ui| {
            ui.weak("Dated events of the scenario's story, marked on the timeline (e.g. 2008-02 declaration of independence). Months as YYYY-MM.");
            let mut list = s.milestones.clone();
            let mut changed = false;
            let mut delete = None;
            egui::ScrollArea::vertical()
                .max_height(theme::MILESTONES_HEIGHT)
                .show(ui, |ui| {
                    for (i, m) in list.iter_mut().enumerate() {
                        let n = i + 1;
                        ui.horizontal(|ui| {
                            if let Some(at) = month_field(ui, state, i, m.at, &format!("Milestone {n} month")) {
                                m.at = at;
                                changed = true;
                            }
                            let r = ui
                                .add_sized(field_size(ui, theme::MILESTONE_LABEL_WIDTH), egui::TextEdit::singleline(&mut m.label))
                                .on_hover_text("What happened, in a few words.");
                            r.widget_info(|| text_info(&m.label, &format!("Milestone {n} label")));
                            changed |= r.changed();
                            if ui.button(format!("Delete {n}")).on_hover_text("Delete this milestone.").clicked() {
                                delete = Some(i);
                            }
                        });
                        if m.label.trim().is_empty() {
                            ui.colored_label(theme::error_color(ui.visuals().dark_mode), "This milestone needs a label.");
                        }
                    }
                });
            if let Some(i) = delete {
                list.remove(i);
                state.month_text.clear();
                changed = true;
            }
            if changed {
                out.push(Command::Edit(Edit::SetMilestones(list.clone())));
            }
            ui.separator();
            ui.horizontal_wrapped(|ui| {
                let default = doc.lens().at.or(s.effective_timeline().map(|t| t.start));
                let typed = state.month_text.iter().find(|(r, _)| *r == NEW).map(|(_, t)| t.clone());
                let mut text = typed.unwrap_or_else(|| default.map(|d| d.to_string()).unwrap_or_default());
                let l = ui.label("New milestone month");
                let r = ui.add_sized(field_size(ui, theme::MILESTONE_MONTH_WIDTH), egui::TextEdit::singleline(&mut text)).labelled_by(l.id);
                if r.changed() {
                    state.month_text.retain(|(r, _)| *r != NEW);
                    state.month_text.push((NEW, text.clone()));
                }
                let l = ui.label("New milestone label");
                ui.add_sized(field_size(ui, theme::MILESTONE_LABEL_WIDTH), egui::TextEdit::singleline(&mut state.new_label)).labelled_by(l.id);
                let month = text.trim().parse::<YearMonth>().ok();
                let ready = month.is_some() && !state.new_label.trim().is_empty();
                let add = ui
                    .add_enabled(ready, egui::Button::new("Add milestone"))
                    .on_disabled_hover_text("Give a month (YYYY-MM) and a label.");
                if add.clicked()
                    && let Some(at) = month
                {
                    let mut list = s.milestones.clone();
                    list.push(Milestone::new(at, state.new_label.trim()));
                    list.sort_by_key(|m| m.at);
                    out.push(Command::Edit(Edit::SetMilestones(list)));
                    state.new_label.clear();
                    state.month_text.retain(|(r, _)| *r != NEW);
                }
            });
        });
    if !open {
        state.milestones_open = false;
    }
}

/// A month field of row `row`: the text typed is kept until it parses (then the month is
/// returned, to be saved) or the field loses focus (then it shows the month saved again).
fn month_field(
    ui: &mut Ui,
    state: &mut TimelineState,
    row: usize,
    at: YearMonth,
    label: &str,
) -> Option<YearMonth> {
    let typed = state
        .month_text
        .iter()
        .find(|(r, _)| *r == row)
        .map(|(_, t)| t.clone());
    let mut text = typed.unwrap_or_else(|| at.to_string());
    // A month that does not parse (yet) shows in the error colour.
    let mut field = egui::TextEdit::singleline(&mut text);
    if text_is_month(&state.month_text, row).is_some_and(|ok| !ok) {
        field = field.text_color(theme::error_color(ui.visuals().dark_mode));
    }
    let r = ui
        .add_sized(field_size(ui, theme::MILESTONE_MONTH_WIDTH), field)
        .on_hover_text("The month, as YYYY-MM.");
    r.widget_info(|| text_info(&text, label));
    let mut result = None;
    if r.changed() {
        state.month_text.retain(|(x, _)| *x != row);
        match text.trim().parse::<YearMonth>() {
            Ok(m) if m != at => result = Some(m),
            _ => {}
        }
        state.month_text.push((row, text.clone()));
    }
    if r.lost_focus() {
        state.month_text.retain(|(x, _)| *x != row);
    }
    result
}

/// A field `width` wide (at most the room there is), one row high.
fn field_size(ui: &Ui, width: f32) -> egui::Vec2 {
    vec2(
        width.min(ui.available_width()),
        ui.spacing().interact_size.y,
    )
}

/// A text field's accessible description: its text and its name.
fn text_info(text: &str, label: &str) -> egui::WidgetInfo {
    let mut info = egui::WidgetInfo::text_edit(true, text, text, "");
    info.label = Some(label.to_owned());
    info
}

/// Whether the text typed in row `row` is a month (`None`: nothing typed there).
fn text_is_month(typed: &[(usize, String)], row: usize) -> Option<bool> {
    typed
        .iter()
        .find(|(r, _)| *r == row)
        .map(|(_, t)| t.trim().parse::<YearMonth>().is_ok())
}
