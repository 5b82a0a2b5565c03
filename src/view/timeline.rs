//! The mission timeline (issue 11): one lane per mission, grouped by deploying organization and
//! coloured as on the chart; each activity a thin bar in its lane; predecessor → successor
//! arrows marked by handover plan; the minimal-security month and the milestones as vertical
//! markers; policing vacuums shaded; and the window's one date cursor. Painted by hand like the
//! chart (no plotting crate): a few hundred rectangles and lines.
//!
//! What it draws comes from [`MissionTimeline`] (domain, once per revision); the cursor is the
//! document's lens, changed only through [`Command::SetLens`]. Click an activity bar to select
//! it; drag the end of a mission's or an activity's bar to change its last month (one undo step
//! per drag); click or drag on the month axis to move the cursor; ←/→ move it by a month,
//! Home/End to the ends, Space plays.

use egui::{Align2, FontId, Pos2, Rect, Sense, Stroke, Ui, pos2, vec2};

use crate::command::{Command, Selection};
use crate::document::Document;
use crate::lens::{HandoverPlan, Lens, MarkKind, MissionTimeline};
use crate::model::{Edit, YearMonth};
use crate::theme;

/// What is being dragged: the last month of a mission's or an activity's bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum EndDrag {
    Mission(usize),
    Activity(usize),
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
    /// An end being dragged, and the month it is at now.
    drag: Option<(EndDrag, YearMonth)>,
}

impl Default for TimelineState {
    fn default() -> Self {
        Self {
            playing: false,
            speed: 4,
            last_step: 0.0,
            cache: None,
            drag: None,
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
    if state
        .cache
        .as_ref()
        .is_none_or(|(r, _)| *r != doc.revision())
    {
        state.cache = Some((doc.revision(), MissionTimeline::build(doc.scenario())));
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

    // Header: play, speed, the cursor's month and the way back to all time.
    ui.horizontal(|ui| {
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
                ui.weak("all time: click the month axis, or press the right arrow key to see the board as of a month");
            }
        }
    });

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

/// Screen x of the start of a month, and back.
struct Scale {
    left: f32,
    width: f32,
    lo: i32,
    months: i32,
}

impl Scale {
    fn x(&self, m: YearMonth) -> f32 {
        self.left + (m.index() - self.lo) as f32 / self.months as f32 * self.width
    }

    fn x_end(&self, m: YearMonth) -> f32 {
        self.x(m.plus_months(1))
    }

    fn month(&self, x: f32) -> YearMonth {
        let f = ((x - self.left) / self.width * self.months as f32).floor() as i32;
        YearMonth::from_index(self.lo + f.clamp(0, self.months - 1))
    }
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
    let s = doc.scenario();
    let font = FontId::proportional(theme::TIMELINE_TEXT);
    let text = ui.visuals().text_color();
    let weak = ui.visuals().weak_text_color();
    let lane_h = theme::TIMELINE_BAR + theme::TIMELINE_GAP + 2.0;
    let pitch = theme::TIMELINE_ACTIVITY + 1.0;
    let packed: Vec<(Vec<usize>, usize)> = t.lanes.iter().map(|l| pack(&l.bars)).collect();
    let height = theme::TIMELINE_AXIS
        + theme::TIMELINE_MARKS
        + packed
            .iter()
            .map(|(_, n)| lane_h + *n as f32 * pitch)
            .sum::<f32>();
    egui::ScrollArea::vertical()
        .id_salt("timeline lanes")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let (area, _) =
                ui.allocate_exact_size(vec2(ui.available_width(), height), Sense::hover());
            let painter = ui.painter_at(area);
            let label_w = theme::TIMELINE_LABEL_WIDTH.min(area.width() / 3.0);
            let scale = Scale {
                left: area.left() + label_w,
                width: (area.width() - label_w - 4.0).max(10.0),
                lo: span.start.index(),
                months: (span.start.months_until(span.end) + 1).max(1),
            };
            let body = Rect::from_min_max(
                pos2(scale.left, area.top() + theme::TIMELINE_AXIS + theme::TIMELINE_MARKS),
                pos2(scale.left + scale.width, area.bottom()),
            );

            // Policing vacuums, behind everything.
            for v in &t.vacuums {
                let r = Rect::from_min_max(
                    pos2(scale.x(v.from), body.top()),
                    pos2(scale.x_end(v.to), body.bottom()),
                );
                painter.rect_filled(r, 0.0, theme::vacuum_fill(dark));
                let resp = ui.interact(r, egui::Id::unique("timeline").with(("vacuum", v.from)), Sense::hover());
                resp.on_hover_text(format!(
                    "Policing vacuum, {} to {} ({} months): no police-capable mission is deployed, which invites military substitutes (§III, §IV.5).",
                    v.from,
                    v.to,
                    v.months()
                ));
            }

            // Month axis: a tick each year (labelled), and each month when there is room.
            let axis = Rect::from_min_max(
                pos2(scale.left, area.top()),
                pos2(scale.left + scale.width, area.top() + theme::TIMELINE_AXIS),
            );
            let per_month = scale.width / scale.months as f32;
            let year_step = if per_month * 12.0 > 40.0 { 1 } else { 5 };
            for i in 0..scale.months {
                let m = YearMonth::from_index(scale.lo + i);
                let x = scale.x(m);
                if m.month() == 1 {
                    painter.line_segment(
                        [pos2(x, axis.bottom() - 6.0), pos2(x, body.bottom())],
                        Stroke::new(1.0, theme::timeline_grid(dark)),
                    );
                    if m.year() % year_step == 0 {
                        painter.text(
                            pos2(x + 2.0, axis.top()),
                            Align2::LEFT_TOP,
                            m.year().to_string(),
                            font.clone(),
                            weak,
                        );
                    }
                } else if per_month > 6.0 {
                    painter.line_segment(
                        [pos2(x, axis.bottom() - 3.0), pos2(x, axis.bottom())],
                        Stroke::new(1.0, theme::timeline_grid(dark)),
                    );
                }
            }
            let axis_resp = ui
                .interact(axis, egui::Id::unique("timeline").with("timeline axis"), Sense::click_and_drag())
                .on_hover_text("Click or drag to see the board as of a month (left and right arrow keys by month, Home and End).");
            axis_resp.widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::Slider, true, "Timeline cursor")
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
                let end = match state.drag {
                    Some((EndDrag::Mission(i), to)) if i == lane.mission => to,
                    _ => lane.end,
                };
                let bar = Rect::from_min_max(
                    pos2(scale.x(lane.start), top),
                    pos2(scale.x_end(end.max(lane.start)), top + theme::TIMELINE_BAR),
                );
                let shown = doc.board().shows_mission(lane.mission);
                painter.rect_filled(bar, 2.0, theme::faded_if(color, !shown, dark));
                let resp = ui
                    .interact(bar, egui::Id::unique("timeline").with(("mission bar", lane.mission)), Sense::click_and_drag())
                    .on_hover_text(format!(
                        "{}: {} to {}{}. Drag its right end to change its last month.",
                        m.describe(),
                        lane.start,
                        if lane.open_ended { "open-ended".to_owned() } else { lane.end.to_string() },
                        if shown { "" } else { " (not deployed in the cursor's month)" }
                    ));
                resp.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::Button, true, format!("Mission {}", m.short_name()))
                });
                end_drag(&resp, &scale, EndDrag::Mission(lane.mission), lane.end, bar, state, out, doc);
                if resp.clicked() {
                    out.push(Command::Select(Selection::Mission(m.id.clone())));
                }
                // Activities, in packed rows under the mission's bar.
                for (b, row) in lane.bars.iter().zip(rows) {
                    let a = &s.activities[b.activity];
                    let by = top + theme::TIMELINE_BAR + 2.0 + *row as f32 * pitch;
                    let end = match state.drag {
                        Some((EndDrag::Activity(i), to)) if i == b.activity => to,
                        _ => b.end,
                    };
                    let r = Rect::from_min_max(
                        pos2(scale.x(b.start), by),
                        pos2(scale.x_end(end.max(b.start)).max(scale.x(b.start) + 2.0), by + theme::TIMELINE_ACTIVITY),
                    );
                    let shown = doc.board().shows_activity(b.activity);
                    painter.rect_filled(r, 1.0, theme::faded_if(color, !shown, dark));
                    let resp = ui
                        .interact(r, egui::Id::unique("timeline").with(("activity bar", b.activity)), Sense::click_and_drag())
                        .on_hover_text(format!(
                            "{}: {} to {}. Click to select; drag its right end to change its last month.",
                            a.title,
                            b.start,
                            if b.open_ended { "open-ended".to_owned() } else { b.end.to_string() }
                        ));
                    resp.widget_info(|| {
                        egui::WidgetInfo::labeled(egui::Role::Button, true, format!("Activity {}", a.title))
                    });
                    end_drag(&resp, &scale, EndDrag::Activity(b.activity), b.end, r, state, out, doc);
                    if resp.clicked() {
                        out.push(Command::Select(Selection::Activity(a.id.clone())));
                    }
                }
                y = top + lane_h + *n as f32 * pitch;
            }

            // Handover arrows: from the predecessor's lane down (or up) to the successor's, at
            // the handover month, coloured by plan.
            for h in &t.handovers {
                let x = scale.x(h.at);
                let (y0, y1) = (lane_y[h.from], lane_y[h.to]);
                let color = theme::handover_color(h.plan, dark);
                let stroke = Stroke::new(theme::TIMELINE_ARROW, color);
                painter.arrow(pos2(x, y0), vec2(0.0, y1 - y0), stroke);
                let r = Rect::from_min_max(pos2(x - 5.0, y0.min(y1)), pos2(x + 5.0, y0.max(y1)));
                let covers: Vec<&str> = h.covers.iter().map(|c| c.label()).collect();
                ui.interact(r, egui::Id::unique("timeline").with(("handover", h.to)), Sense::hover())
                    .on_hover_text(format!(
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
                painter.line_segment([pos2(x, axis.bottom()), pos2(x, body.bottom())], Stroke::new(1.5, color));
                painter.circle_filled(pos2(x, axis.bottom()), 3.5, color);
                // Its label in the band under the axis, cut where the next marker begins.
                let next_x = t.marks[k + 1..]
                    .iter()
                    .find(|n| n.at > mark.at && n.at <= span.end)
                    .map_or(scale.left + scale.width, |n| scale.x(n.at));
                let room = (next_x - x - 6.0).max(0.0);
                if room > 12.0 {
                    let mut job = egui::text::LayoutJob::simple_singleline(
                        mark.label.clone(),
                        font.clone(),
                        color,
                    );
                    job.wrap = egui::text::TextWrapping::truncate_at_width(room);
                    let galley = painter.layout_job(job);
                    painter.galley(pos2(x + 4.0, axis.bottom() + 1.0), galley, color);
                }
                // Hover on the dot and the label, not over the lanes (their bars take the clicks).
                let r = Rect::from_min_max(
                    pos2(x - 5.0, axis.bottom() - 5.0),
                    pos2(x + 4.0 + room.max(5.0), axis.bottom() + theme::TIMELINE_MARKS),
                );
                let sources: Vec<String> = mark.sources.iter().map(crate::model::Source::badge).collect();
                ui.interact(r, egui::Id::unique("timeline").with(("mark", k)), Sense::hover()).on_hover_text(format!(
                    "{}: {}{}",
                    mark.at,
                    mark.label,
                    if sources.is_empty() { String::new() } else { format!(" ({})", sources.join("; ")) }
                ));
            }

            // The cursor.
            if let Some(at) = doc.lens().at {
                let x = (scale.x(at) + scale.x_end(at)) / 2.0;
                let c = theme::cursor_color(dark);
                painter.line_segment([pos2(x, area.top()), pos2(x, body.bottom())], Stroke::new(2.0, c));
                painter.text(
                    pos2(x + 3.0, axis.bottom() - 2.0),
                    Align2::LEFT_BOTTOM,
                    at.to_string(),
                    font.clone(),
                    c,
                );
            }
        });
}

/// Dragging the right end of a bar: follows the pointer, and on release makes one edit.
#[expect(
    clippy::too_many_arguments,
    reason = "one call site per kind of bar, all local"
)]
fn end_drag(
    resp: &egui::Response,
    scale: &Scale,
    what: EndDrag,
    end: YearMonth,
    bar: Rect,
    state: &mut TimelineState,
    out: &mut Vec<Command>,
    doc: &Document,
) {
    let near_end = |p: Pos2| (p.x - bar.right()).abs() <= theme::TIMELINE_GRIP;
    if resp.hovered() && resp.hover_pos().is_some_and(near_end) {
        resp.ctx.set_cursor_icon(egui::CursorIcon::ResizeHorizontal);
    }
    // Where the press began, not where the drag is recognised (a few points later).
    let origin = resp.ctx.input(|i| i.pointer.press_origin());
    if resp.drag_started() && origin.is_some_and(near_end) {
        state.playing = false;
        state.drag = Some((what, end));
    }
    let Some((dragging, _)) = state.drag else {
        return;
    };
    if dragging != what {
        return;
    }
    if resp.dragged()
        && let Some(p) = resp.interact_pointer_pos()
    {
        state.drag = Some((what, scale.month(p.x)));
    }
    if resp.drag_stopped() {
        let to = state.drag.take().map(|(_, to)| to);
        let s = doc.scenario();
        if let Some(to) = to.filter(|to| *to != end) {
            match what {
                EndDrag::Mission(i) => {
                    if let Some(m) = s.missions.get(i) {
                        let mut m = m.clone();
                        m.end = Some(to.max(m.start));
                        out.push(Command::Edit(Edit::UpdateMission(m)));
                    }
                }
                EndDrag::Activity(i) => {
                    if let Some(a) = s.activities.get(i) {
                        let mut a = a.clone();
                        a.end = Some(a.start.map_or(to, |st| to.max(st)));
                        out.push(Command::Edit(Edit::UpdateActivity(a)));
                    }
                }
            }
        }
    }
}
