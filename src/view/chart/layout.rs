//! Where things go on screen, computed once per model and plot size (never per frame): each
//! marker's centre (coincident markers spread around their shared point), the label beside each
//! marker placed clear of the other labels, markers and corner texts (with a leader line when
//! it has to stand off), and the markers' shapes ready to paint.

use std::sync::Arc;

use egui::{FontId, Galley, Mesh, Pos2, Rect, Shape, Stroke, Vec2, pos2};

use super::model::ChartModel;
use super::paint;
use crate::theme;

/// The chart shows −EDGE … EDGE on both axes.
pub const EDGE: f64 = 1.2;

/// From this many markers on, they are drawn as one mesh per style (see [`paint::marker_mesh`]):
/// anti-aliased, outlined shapes cost the tessellator about 4 µs a marker each frame, which the
/// 1,000-activity frame budget of `benches/frame.rs` cannot carry. A workshop's few dozen keep
/// them.
const MESH_FROM: usize = 250;

/// The part of the chart shown: −EDGE … EDGE on both axes unless zoomed (the compare view's
/// charts zoom and pan together).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Span {
    /// Left and right ends of the x axis shown.
    pub x: (f64, f64),
    /// Bottom and top ends of the y axis shown.
    pub y: (f64, f64),
}

impl Default for Span {
    fn default() -> Self {
        Self::FULL
    }
}

impl Span {
    /// The whole chart.
    pub const FULL: Span = Span {
        x: (-EDGE, EDGE),
        y: (-EDGE, EDGE),
    };
    /// Most the chart zooms in (a tenth of each axis).
    const MIN_WIDTH: f64 = 2.0 * EDGE / 10.0;

    /// Zoomed by `factor` (> 1: in) around the chart point `(cx, cy)`, kept within the chart.
    pub fn zoomed(self, factor: f64, (cx, cy): (f64, f64)) -> Self {
        let axis = |(lo, hi): (f64, f64), c: f64| {
            let w = ((hi - lo) / factor).clamp(Self::MIN_WIDTH, 2.0 * EDGE);
            let t = if hi > lo { (c - lo) / (hi - lo) } else { 0.5 };
            let lo = (c - t * w).clamp(-EDGE, EDGE - w);
            (lo, lo + w)
        };
        Self {
            x: axis(self.x, cx),
            y: axis(self.y, cy),
        }
    }

    /// Moved by `(dx, dy)` chart units, kept within the chart.
    pub fn panned(self, (dx, dy): (f64, f64)) -> Self {
        let axis = |(lo, hi): (f64, f64), d: f64| {
            let w = hi - lo;
            let lo = (lo + d).clamp(-EDGE, EDGE - w);
            (lo, lo + w)
        };
        Self {
            x: axis(self.x, dx),
            y: axis(self.y, dy),
        }
    }

    /// Whether a chart value is inside on each axis.
    pub fn shows(&self, x: f64, y: f64) -> bool {
        (self.x.0..=self.x.1).contains(&x) && (self.y.0..=self.y.1).contains(&y)
    }
}

/// The plot area and its mapping between chart values and screen points.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Frame {
    /// The plot area on screen.
    pub rect: Rect,
    /// The part of the chart it shows.
    pub span: Span,
}

impl Frame {
    /// Screen position of a chart position.
    pub fn to_screen(&self, x: f64, y: f64) -> Pos2 {
        let Span {
            x: (x0, x1),
            y: (y0, y1),
        } = self.span;
        let fx = ((x - x0) / (x1 - x0)) as f32;
        let fy = ((y - y0) / (y1 - y0)) as f32;
        pos2(
            self.rect.left() + fx * self.rect.width(),
            self.rect.bottom() - fy * self.rect.height(),
        )
    }

    /// Chart position of a screen position.
    pub fn to_chart(&self, p: Pos2) -> (f64, f64) {
        let Span {
            x: (x0, x1),
            y: (y0, y1),
        } = self.span;
        let fx = f64::from((p.x - self.rect.left()) / self.rect.width().max(1.0));
        let fy = f64::from((self.rect.bottom() - p.y) / self.rect.height().max(1.0));
        (x0 + fx * (x1 - x0), y0 + fy * (y1 - y0))
    }

    /// Chart units per screen point on each axis.
    pub fn units_per_point(&self) -> (f64, f64) {
        (
            (self.span.x.1 - self.span.x.0) / f64::from(self.rect.width().max(1.0)),
            (self.span.y.1 - self.span.y.0) / f64::from(self.rect.height().max(1.0)),
        )
    }
}

/// A label placed beside its marker.
#[derive(Clone, Debug)]
pub struct Placed {
    /// Index into the model's dots.
    pub dot: usize,
    /// The text, laid out in the placeholder colour (painted in the theme's).
    pub galley: Arc<Galley>,
    /// Top-left corner of the text.
    pub pos: Pos2,
    /// A line from the marker to the label, when the label stands off.
    pub leader: Option<[Pos2; 2]>,
    /// The label is this number, named in the chart's key (no room for any of its texts).
    pub number: Option<usize>,
}

/// What decides the layout: when any of it changes, the layout is made again.
#[derive(Clone, Debug, PartialEq)]
pub struct LayoutKey {
    /// The model's key (revision, filter, theme).
    pub model: u64,
    /// The plot area.
    pub rect: Rect,
    /// The part of the chart shown.
    pub span: Span,
    /// Label text size.
    pub label_size: f32,
    /// Screen pixels per point (text is measured at it).
    pub pixels_per_point: f32,
    /// Rects the labels must keep clear of (the corner texts).
    pub keep_clear: Vec<Rect>,
    /// The dot being dragged (drawn at the pointer instead).
    pub dragged: Option<usize>,
    /// Whether markers no text fits beside may carry a number (there is room for the key).
    pub numbers: bool,
}

/// The chart's screen layout.
#[derive(Debug)]
pub struct ChartLayout {
    /// What it was made for.
    pub key: LayoutKey,
    /// The plot area.
    pub frame: Frame,
    /// Each dot's marker centre, spread where several share one point.
    pub centres: Vec<Pos2>,
    /// The labels that fit.
    pub labels: Vec<Placed>,
    /// Labels left out for want of room (not even a number fits).
    pub hidden: usize,
    /// The numbered markers, in number order (1, 2, … without gaps): the dot of each, for the
    /// key.
    pub numbered: Vec<usize>,
    /// The markers, ready to paint (one mesh per style for huge scenarios).
    pub shapes: Vec<Shape>,
}

/// A uniform grid of rects, so checking a label against its neighbours is not quadratic.
#[derive(Clone)]
struct Grid {
    cell: f32,
    origin: Pos2,
    cols: usize,
    rows: usize,
    cells: Vec<Vec<u32>>,
    rects: Vec<Rect>,
}

impl Grid {
    fn new(area: Rect, cell: f32) -> Self {
        let cols = ((area.width() / cell).ceil() as usize).clamp(1, 512);
        let rows = ((area.height() / cell).ceil() as usize).clamp(1, 512);
        Self {
            cell,
            origin: area.min,
            cols,
            rows,
            cells: vec![Vec::new(); cols * rows],
            rects: Vec::new(),
        }
    }

    fn span(
        &self,
        r: Rect,
    ) -> (
        std::ops::RangeInclusive<usize>,
        std::ops::RangeInclusive<usize>,
    ) {
        let c = |v: f32, n: usize| ((v / self.cell).floor().max(0.0) as usize).min(n - 1);
        (
            c(r.left() - self.origin.x, self.cols)..=c(r.right() - self.origin.x, self.cols),
            c(r.top() - self.origin.y, self.rows)..=c(r.bottom() - self.origin.y, self.rows),
        )
    }

    fn insert(&mut self, r: Rect) {
        let i = self.rects.len() as u32;
        self.rects.push(r);
        let (xs, ys) = self.span(r);
        for y in ys {
            for x in xs.clone() {
                self.cells[y * self.cols + x].push(i);
            }
        }
    }

    /// How many rects are in the cells `r` touches (a rect in several cells counts once per
    /// cell: fine for ranking). Counted per cell, not tested one by one: at 10,000 markers that
    /// testing took most of a frame that moves the date (`scrub/10000` in benches/frame.rs).
    fn crowd(&self, r: Rect) -> usize {
        let (xs, ys) = self.span(r);
        let mut n = 0;
        for y in ys {
            for x in xs.clone() {
                n += self.cells[y * self.cols + x].len();
            }
        }
        n
    }

    fn hits(&self, r: Rect) -> bool {
        let (xs, ys) = self.span(r);
        for y in ys {
            for x in xs.clone() {
                if self.cells[y * self.cols + x]
                    .iter()
                    .any(|i| self.rects[*i as usize].intersects(r))
                {
                    return true;
                }
            }
        }
        false
    }
}

/// The line from a marker (centre `c`, radius `r`) to a label standing off at `label`.
fn leader_line(c: Pos2, r: f32, label: Rect) -> [Pos2; 2] {
    let to = label.center();
    let dir = (to - c).normalized();
    // Stop at the label's edge: walk back from its centre until outside it.
    let mut end = to;
    while label.contains(end) && (end - c).length() > r {
        end -= dir * 2.0;
    }
    [c + dir * (r + 2.0), end]
}

/// Points along a leader line, a few points apart (its ends left out: they touch the marker and
/// the label).
fn line_samples(line: [Pos2; 2]) -> impl Iterator<Item = Pos2> {
    let [a, b] = line;
    let n = ((b - a).length() / 4.0).floor() as usize;
    (1..n).map(move |k| a + (b - a) * (k as f32 / n as f32))
}

/// How many lengths of text a label tries: its own, then [`SHORT_CHARS`].
const LENGTHS: usize = 2;
/// The shorter texts a label tries (characters) when its own fits nowhere. Shorter than this
/// the room cannot tell what it names ("investi…"): a number and the key do better.
const SHORT_CHARS: [usize; LENGTHS - 1] = [14];
/// Length of the shortened labels in the chart's key, when the whole ones need too much room.
pub const KEY_SHORT_CHARS: usize = 14;
/// Spots a marker tries: 8 beside it, 16 on each ring farther out.
const SPOTS_PER_MARKER: usize = 8 + 16 * theme::LABEL_RINGS;

/// A label `max` characters long at most: without a leading word naming the mission (the
/// marker's colour and shape say it), then shortened at a word with "…".
pub fn shorter(label: &str, mission: &str, max: usize) -> String {
    let first = mission.split_whitespace().next().unwrap_or_default();
    let rest = match label.split_once(' ') {
        Some((head, rest)) if !first.is_empty() && head.eq_ignore_ascii_case(first) => rest,
        _ => label,
    };
    let whole = rest.trim_end_matches('…');
    let short = crate::model::shorten(whole, max);
    if whole.len() < rest.len() && !short.ends_with('…') {
        // The label was already cut: say so still.
        format!("{short}…")
    } else {
        short
    }
}

/// The top-left corner of a label `size` big at spot `k` around a marker at `c`, `o` from its
/// centre: 0–7 around it, 8–15 to the sides above and below.
fn spot(c: Pos2, size: Vec2, o: f32, k: usize) -> Pos2 {
    match k {
        0 => pos2(c.x + o, c.y - size.y / 2.0),
        1 => pos2(c.x - o - size.x, c.y - size.y / 2.0),
        2 => pos2(c.x - size.x / 2.0, c.y - o - size.y),
        3 => pos2(c.x - size.x / 2.0, c.y + o),
        4 => pos2(c.x + o * 0.7, c.y - o * 0.7 - size.y),
        5 => pos2(c.x + o * 0.7, c.y + o * 0.7),
        6 => pos2(c.x - o * 0.7 - size.x, c.y - o * 0.7 - size.y),
        7 => pos2(c.x - o * 0.7 - size.x, c.y + o * 0.7),
        // Farther out: straight above or below, to the side of the marker.
        8 => pos2(c.x + o * 0.4, c.y - o - size.y),
        9 => pos2(c.x + o * 0.4, c.y + o),
        10 => pos2(c.x - o * 0.4 - size.x, c.y - o - size.y),
        11 => pos2(c.x - o * 0.4 - size.x, c.y + o),
        12 => pos2(c.x + o, c.y - size.y * 1.5),
        13 => pos2(c.x + o, c.y + size.y * 0.5),
        14 => pos2(c.x - o - size.x, c.y - size.y * 1.5),
        _ => pos2(c.x - o - size.x, c.y + size.y * 0.5),
    }
}

/// Spots anywhere in the plot for a label `size` big whose marker is at `c`, nearest first,
/// from `from` points away out to [`theme::LABEL_REACH`] of the plot's diagonal: for a marker
/// in a dense cluster, whose rings are all taken, the nearest free room on the chart.
fn reach(c: Pos2, size: Vec2, bounds: Rect, from: f32, share: f32) -> Vec<Rect> {
    let step = (size.y * 0.5).max(4.0);
    let max = bounds.size().length() * share;
    let mut spots: Vec<(f32, Rect)> = Vec::new();
    let (nx, ny) = (
        ((bounds.width() - size.x) / step).floor().max(0.0) as usize,
        ((bounds.height() - size.y) / step).floor().max(0.0) as usize,
    );
    for yi in 0..=ny {
        for xi in 0..=nx {
            let rect = Rect::from_min_size(
                bounds.min + Vec2::new(xi as f32 * step, yi as f32 * step),
                size,
            );
            let dist = rect.distance_to_pos(c);
            if dist >= from && dist <= max {
                spots.push((dist, rect));
            }
        }
    }
    spots.sort_by(|a, b| a.0.total_cmp(&b.0));
    spots.into_iter().map(|(_, r)| r).collect()
}

/// Spreads markers that share one screen point around it, so each stays visible.
fn spread(points: &[Pos2]) -> Vec<Pos2> {
    let mut groups: rustc_hash::FxHashMap<(i32, i32), Vec<usize>> = Default::default();
    for (i, p) in points.iter().enumerate() {
        groups
            .entry((p.x.round() as i32, p.y.round() as i32))
            .or_default()
            .push(i);
    }
    let mut out = points.to_vec();
    for members in groups.values().filter(|m| m.len() > 1) {
        let k = members.len() as f32;
        let ring = (theme::MARKER_RADIUS * 1.2)
            .max(k * theme::MARKER_RADIUS * 2.2 / std::f32::consts::TAU);
        for (j, i) in members.iter().enumerate() {
            let a = std::f32::consts::PI + j as f32 * std::f32::consts::TAU / k;
            out[*i] = points[*i] + Vec2::angled(a) * ring;
        }
    }
    out
}

/// One greedy placement of the labels (see [`ChartLayout::build`]).
struct Placer<'a> {
    centres: &'a [Pos2],
    bounds: Rect,
    /// The chart's centre on screen, where the quadrants meet.
    origin: Pos2,
    /// Markers, corner texts and placed labels.
    grid: Grid,
    /// Placed labels alone.
    labels: Grid,
    /// Points along the leader lines.
    lines: Grid,
    /// The markers, most crowded first, the dragged one left out.
    order: Vec<usize>,
    done: Vec<bool>,
    /// Each dot's number, for those that carry one.
    numbers: Vec<Option<usize>>,
    placed: Vec<Placed>,
    /// How many were placed with their whole text.
    full: usize,
    tried: usize,
}

/// What every placement of one layout starts from: the markers and corner texts on a grid, and
/// how crowded each marker is (the placements differ only in their order).
struct Ground {
    grid: Grid,
    /// For each dot, the markers and corner texts around it.
    crowd: Vec<usize>,
}

impl Ground {
    fn new(centres: &[Pos2], key: &LayoutKey) -> Self {
        let r = theme::MARKER_RADIUS;
        let mut grid = Grid::new(key.rect, theme::LABEL_GRID_CELL);
        // Markers zoomed out of the plot (the compare view) take no room and get no label.
        for c in centres.iter().filter(|c| key.rect.contains(**c)) {
            grid.insert(Rect::from_center_size(*c, Vec2::splat(2.0 * r + 2.0)));
        }
        for k in &key.keep_clear {
            grid.insert(*k);
        }
        let crowd = centres
            .iter()
            .map(|c| grid.crowd(Rect::from_center_size(*c, Vec2::splat(theme::LABEL_CROWD))))
            .collect();
        Self { grid, crowd }
    }
}

impl<'a> Placer<'a> {
    /// `numbers`: the markers that carry a number instead of a text (see [`ChartLayout::build`]).
    fn new(
        model: &ChartModel,
        centres: &'a [Pos2],
        key: &LayoutKey,
        crowded_first: bool,
        numbers: &[Option<usize>],
        ground: &Ground,
    ) -> Self {
        let grid = ground.grid.clone();
        let crowd = &ground.crowd;
        // The most crowded markers first (their neighbours' labels would fence them in; a
        // marker on the edge of a cluster still has room outwards afterwards), or the least
        // crowded first (the edge of a cluster labelled close, its middle farther out).
        // Faded markers (not under way in the lens's month) keep their room unlabelled.
        let mut order: Vec<usize> = (0..model.dots.len())
            .filter(|i| Some(model.dots[*i].activity) != key.dragged && !model.dots[*i].faded)
            .filter(|i| key.rect.contains(centres[*i]))
            .collect();
        if crowded_first {
            order.sort_by_key(|i| std::cmp::Reverse(crowd[*i]));
        } else {
            order.sort_by_key(|i| crowd[*i]);
        }
        Self {
            centres,
            bounds: key.rect.shrink(2.0),
            origin: Frame {
                rect: key.rect,
                span: key.span,
            }
            .to_screen(0.0, 0.0),
            grid,
            labels: Grid::new(key.rect, theme::LABEL_GRID_CELL),
            lines: Grid::new(key.rect, theme::LABEL_GRID_CELL),
            order,
            done: vec![false; model.dots.len()],
            numbers: numbers.to_vec(),
            placed: Vec::new(),
            full: 0,
            tried: 0,
        }
    }

    /// Bounded work for huge scenarios: as many spots as LABEL_TRIES markers trying all of
    /// theirs once.
    fn exhausted(&self) -> bool {
        self.placed.len() >= theme::LABEL_MAX || self.tried >= theme::LABEL_TRIES * SPOTS_PER_MARKER
    }

    fn run(&mut self, ring_major: bool, text: &mut dyn FnMut(usize, usize) -> Option<Arc<Galley>>) {
        // The texts first (numbered markers wait: their numbers go in the room left).
        let order: Vec<usize> = self
            .order
            .iter()
            .copied()
            .filter(|i| self.numbers[*i].is_none())
            .collect();
        // Rounds: 0 beside the marker, 1..=LABEL_RINGS the rings; a number may also go
        // anywhere in reach (LABEL_RINGS + 1), with a leader line, and last with a leader line
        // that crosses other labels (LABEL_RINGS + 2).
        let rings = 0..=theme::LABEL_RINGS;
        for length in 0..LENGTHS {
            if ring_major {
                for round in rings.clone() {
                    for &i in &order {
                        if self.exhausted() {
                            return;
                        }
                        self.try_at(i, length, round, text);
                    }
                }
            } else {
                for &i in &order {
                    for round in rings.clone() {
                        if self.exhausted() {
                            return;
                        }
                        if self.try_at(i, length, round, text) {
                            break;
                        }
                    }
                }
            }
        }
        // Then the shortest texts farther out, with a leader line, in the free room of their
        // marker's quadrant (a crowded cluster's labels where the quadrant has room), before a
        // marker is left to a number.
        for &i in &order {
            if self.exhausted() {
                return;
            }
            let length = if text(i, LENGTHS - 1).is_some() {
                LENGTHS - 1
            } else {
                0
            };
            self.try_at(i, length, theme::LABEL_RINGS + 1, text);
        }
        // Then the numbers, in the room the texts left.
        let numbered: Vec<usize> = self
            .order
            .clone()
            .into_iter()
            .filter(|i| self.numbers[*i].is_some())
            .collect();
        for &i in &numbered {
            for round in 0..=theme::LABEL_RINGS + 2 {
                if self.exhausted() {
                    return;
                }
                if self.try_at(i, 0, round, text) {
                    break;
                }
            }
        }
    }

    /// Tries marker `i`'s text of `length` in `round`; returns whether it is labelled now.
    fn try_at(
        &mut self,
        i: usize,
        length: usize,
        round: usize,
        text: &mut dyn FnMut(usize, usize) -> Option<Arc<Galley>>,
    ) -> bool {
        if self.done[i] {
            return true;
        }
        let Some(galley) = text(i, length) else {
            return false;
        };
        let (c, r) = (self.centres[i], theme::MARKER_RADIUS);
        let (gap, far) = (theme::LABEL_GAP, theme::LABEL_LEADER);
        let size = galley.size();
        let spots: Vec<Rect> = if round <= theme::LABEL_RINGS {
            let dist = if round == 0 { gap } else { round as f32 * far };
            let kinds = if round == 0 { 0..8 } else { 0..16 };
            kinds
                .map(|k| Rect::from_min_size(spot(c, size, r + dist, k), size))
                .collect()
        } else if round == theme::LABEL_RINGS + 1 {
            reach(
                c,
                size,
                self.bounds,
                r + theme::LABEL_RINGS as f32 * far,
                theme::LABEL_REACH,
            )
        } else {
            // Anywhere on the plot, nearest first.
            reach(c, size, self.bounds, r + theme::LABEL_GAP, 1.0)
        };
        self.tried += spots.len();
        // The last round (numbers only): its leader line may cross other labels, rather than
        // leave a marker unnamed.
        let relaxed = round > theme::LABEL_RINGS + 1;
        // A text standing off its marker stays in the marker's quadrant: across an axis it
        // would seem to say the marker is there (right beside it, it reads as the marker's;
        // a number may go anywhere: the key names it).
        let o = self.origin;
        let (left, up) = (c.x < o.x, c.y < o.y);
        let same_side = |r: &Rect| {
            (if left {
                r.right() < o.x
            } else {
                r.left() > o.x
            }) && (if up { r.bottom() < o.y } else { r.top() > o.y })
        };
        let own_quadrant = round > 0 && self.numbers[i].is_none();
        let found = spots.into_iter().find(|rect| {
            self.bounds.contains_rect(*rect)
                && (!own_quadrant || same_side(rect))
                && !self.grid.hits(rect.expand(1.0))
                // No label on a leader line, no leader line through a label (lines may
                // cross each other and pass markers: a crowded cluster is fenced in by its
                // neighbours' lines otherwise).
                && !self.lines.hits(*rect)
                && (round == 0
                    || relaxed
                    || line_samples(leader_line(c, r, *rect)).all(|p| {
                        !self.labels.hits(Rect::from_center_size(p, Vec2::splat(2.0)))
                    }))
        });
        let Some(rect) = found else {
            return false;
        };
        self.done[i] = true;
        self.grid.insert(rect);
        self.labels.insert(rect);
        let leader = (round > 0).then(|| leader_line(c, r, rect));
        if let Some(line) = leader {
            // Later labels keep off the line.
            for p in line_samples(line) {
                self.lines
                    .insert(Rect::from_center_size(p, Vec2::splat(2.0)));
            }
        }
        if length == 0 {
            self.full += 1;
        }
        self.placed.push(Placed {
            dot: i,
            galley,
            pos: rect.min,
            leader,
            number: self.numbers[i],
        });
        true
    }
}

impl ChartLayout {
    /// Lays the model out in `key.rect`. `fonts` lays out the label texts.
    pub fn build(
        model: &ChartModel,
        key: LayoutKey,
        dark: bool,
        layout_text: &mut dyn FnMut(String, FontId) -> Arc<Galley>,
    ) -> Self {
        let frame = Frame {
            rect: key.rect,
            span: key.span,
        };
        let raw: Vec<Pos2> = model
            .dots
            .iter()
            .map(|d| frame.to_screen(d.x, d.y))
            .collect();
        let centres = spread(&raw);
        let r = theme::MARKER_RADIUS;

        // Markers, cached as shapes.
        let many = model.dots.len() > MESH_FROM;
        let outline = Stroke::new(theme::MARKER_OUTLINE, theme::marker_outline(dark));
        let mut shapes = Vec::new();
        if many {
            let mut meshes: Vec<Mesh> = model.styles.iter().map(|_| Mesh::default()).collect();
            for (d, c) in model.dots.iter().zip(&centres) {
                if Some(d.activity) == key.dragged || !key.rect.contains(*c) {
                    continue;
                }
                let st = &model.styles[d.style];
                let color = theme::faded_if(st.color, d.faded, dark);
                paint::marker_mesh(&mut meshes[d.style], *c, r, st.shape, color);
            }
            shapes.extend(meshes.into_iter().map(Shape::mesh));
        } else {
            for (d, c) in model.dots.iter().zip(&centres) {
                if Some(d.activity) == key.dragged || !key.rect.contains(*c) {
                    continue;
                }
                let st = &model.styles[d.style];
                let color = theme::faded_if(st.color, d.faded, dark);
                paint::marker_shapes(&mut shapes, *c, r, st.shape, color, outline);
            }
        }

        // Labels: greedy, in two orders two ways each, keeping the one that names the most
        // markers (in full, on a tie). One way, each marker in turn takes the nearest free spot (beside it, then
        // on rings farther out with a leader line); the other, every marker first tries the
        // spots beside it and only then the rings, ring by ring (a far-flung label placed
        // early can take a neighbour's close one; in a dense cluster the first way can fence
        // markers in). Either way, markers with no spot then try shorter texts (the mission's
        // name left out: colour and shape say it), and last the nearest free room anywhere
        // in reach. Only what fits nowhere, even short, is left out (the chart says how many).
        let font = FontId::proportional(key.label_size);
        let number_texts: Vec<Arc<Galley>> = (0..=theme::KEY_MAX)
            .map(|n| layout_text(n.to_string(), font.clone()))
            .collect();
        let mut texts: Vec<[Option<Option<Arc<Galley>>>; LENGTHS]> =
            vec![[None, None]; model.dots.len()];
        let mut text = |i: usize, length: usize| -> Option<Arc<Galley>> {
            let slot = &mut texts[i][length];
            if slot.is_none() {
                let d = &model.dots[i];
                let name = &model.styles[d.style].name;
                let chars = |t: &str| t.chars().count();
                let t = match length {
                    0 => Some(d.label.clone()),
                    _ => {
                        let short = shorter(&d.label, name, SHORT_CHARS[length - 1]);
                        // The text tried before: the label, or the next longer short one.
                        let before = match length.checked_sub(2).and_then(|k| SHORT_CHARS.get(k)) {
                            Some(max) => shorter(&d.label, name, *max),
                            None => d.label.clone(),
                        };
                        // Only a text shorter than the one tried before.
                        (chars(&short) < chars(&before)).then_some(short)
                    }
                };
                *slot = Some(t.map(|t| layout_text(t, font.clone())));
            }
            slot.clone().flatten()
        };
        // Markers no text fits beside carry a number the key names: the layout is made again
        // with those numbered, their numbers placed after the texts in the room left (the
        // last rounds anywhere on the plot), so the texts stay where they were.
        let mut numbers: Vec<Option<usize>> = vec![None; model.dots.len()];
        let ground = Ground::new(&centres, &key);
        let mut best: Option<Placer<'_>> = None;
        for _round in 0..theme::KEY_ROUNDS {
            let numbers_now = numbers.clone();
            let mut text = |i: usize, length: usize| -> Option<Arc<Galley>> {
                match numbers_now[i] {
                    Some(n) => (length == 0)
                        .then(|| number_texts.get(n).cloned())
                        .flatten(),
                    None => text(i, length),
                }
            };
            // A huge scenario tries one way only: four took 4× the time of a frame that moves
            // the date (`scrub/10000` in benches/frame.rs), to label a few more of thousands.
            let ways = if many { 1 } else { 4 };
            let p = [(false, true), (true, true), (false, false), (true, false)]
                .into_iter()
                .take(ways)
                .map(|(ring_major, crowded_first)| {
                    let mut p =
                        Placer::new(model, &centres, &key, crowded_first, &numbers_now, &ground);
                    p.run(ring_major, &mut text);
                    p
                })
                .max_by_key(|p| (p.placed.len(), p.full));
            let Some(p) = p else { break };
            let mut left: Vec<usize> = p
                .order
                .iter()
                .copied()
                .filter(|i| !p.done[*i] && numbers[*i].is_none())
                .collect();
            left.sort_unstable();
            let given = numbers.iter().flatten().count();
            let better = best
                .as_ref()
                .is_none_or(|b| (p.placed.len(), p.full) >= (b.placed.len(), b.full));
            if better {
                best = Some(p);
            }
            // Nothing left to number, no room for a key, or too many for a key a room can
            // read.
            if left.is_empty() || !key.numbers || given + left.len() > theme::KEY_MAX {
                break;
            }
            // Numbered in scenario order.
            for i in left {
                numbers[i] = Some(0);
            }
            let mut n = 0;
            for slot in numbers.iter_mut().flatten() {
                n += 1;
                *slot = n;
            }
        }
        let mut placed = best.map(|p| p.placed).unwrap_or_default();
        // Numbers 1, 2, … without gaps (a numbered marker may have found no spot): each
        // number's text is no wider than the one it replaces.
        let mut numbered: Vec<(usize, usize)> = placed
            .iter()
            .enumerate()
            .filter_map(|(k, l)| l.number.map(|n| (n, k)))
            .collect();
        numbered.sort_unstable();
        for (new, (_, k)) in numbered.iter().enumerate() {
            if let (Some(l), Some(g)) = (placed.get_mut(*k), number_texts.get(new + 1)) {
                l.number = Some(new + 1);
                l.galley = g.clone();
            }
        }
        let numbered: Vec<usize> = numbered
            .iter()
            .filter_map(|(_, k)| placed.get(*k).map(|l| l.dot))
            .collect();
        // Painted in scenario order, whatever order they were placed in.
        placed.sort_by_key(|p| p.dot);
        let shown = model
            .dots
            .iter()
            .zip(&centres)
            .filter(|(d, c)| Some(d.activity) != key.dragged && !d.faded && key.rect.contains(**c))
            .count();
        Self {
            hidden: shown.saturating_sub(placed.len()),
            numbered,
            key,
            frame,
            centres,
            labels: placed,
            shapes,
        }
    }

    /// The dot nearest to a screen position, within the pick radius.
    pub fn pick(&self, pos: Pos2) -> Option<usize> {
        let mut best: Option<(f32, usize)> = None;
        for (i, c) in self.centres.iter().enumerate() {
            if !self.frame.rect.contains(*c) {
                continue;
            }
            let d = c.distance_sq(pos);
            if d <= theme::PICK_RADIUS * theme::PICK_RADIUS && best.is_none_or(|(b, _)| d < b) {
                best = Some((d, i));
            }
        }
        best.map(|(_, i)| i)
    }
}

#[cfg(test)]
mod tests {
    use super::{EDGE, Frame, Span};
    use egui::{Rect, pos2};

    #[test]
    fn zoom_and_pan_stay_on_the_chart_and_map_both_ways() {
        let full = Span::FULL;
        let z = full.zoomed(2.0, (0.5, 0.5));
        assert!(
            (z.x.1 - z.x.0 - EDGE).abs() < 1e-9,
            "twice as close: half as wide"
        );
        assert!(
            z.shows(0.5, 0.5),
            "the point under the pointer stays in view"
        );
        assert!(!z.shows(-1.0, -1.0));
        // Zooming out never shows more than the whole chart; panning never leaves it.
        assert_eq!(z.zoomed(0.1, (0.0, 0.0)), full);
        let p = z.panned((10.0, -10.0));
        assert!(p.x.1 <= EDGE + 1e-9 && p.y.0 >= -EDGE - 1e-9);
        assert!((p.x.1 - p.x.0 - EDGE).abs() < 1e-9, "a pan keeps the zoom");
        let frame = Frame {
            rect: Rect::from_min_size(pos2(10.0, 20.0), egui::vec2(400.0, 300.0)),
            span: z,
        };
        let (x, y) = frame.to_chart(frame.to_screen(0.3, 0.7));
        assert!((x - 0.3).abs() < 1e-4 && (y - 0.7).abs() < 1e-4);
    }
}
