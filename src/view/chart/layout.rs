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

/// The plot area and its mapping between chart values and screen points.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Frame {
    /// The plot area on screen.
    pub rect: Rect,
}

impl Frame {
    /// Screen position of a chart position.
    pub fn to_screen(&self, x: f64, y: f64) -> Pos2 {
        let fx = ((x + EDGE) / (2.0 * EDGE)) as f32;
        let fy = ((y + EDGE) / (2.0 * EDGE)) as f32;
        pos2(
            self.rect.left() + fx * self.rect.width(),
            self.rect.bottom() - fy * self.rect.height(),
        )
    }

    /// Chart position of a screen position.
    pub fn to_chart(&self, p: Pos2) -> (f64, f64) {
        let fx = f64::from((p.x - self.rect.left()) / self.rect.width().max(1.0));
        let fy = f64::from((self.rect.bottom() - p.y) / self.rect.height().max(1.0));
        (fx * 2.0 * EDGE - EDGE, fy * 2.0 * EDGE - EDGE)
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
}

/// What decides the layout: when any of it changes, the layout is made again.
#[derive(Clone, Debug, PartialEq)]
pub struct LayoutKey {
    /// The model's key (revision, filter, theme).
    pub model: u64,
    /// The plot area.
    pub rect: Rect,
    /// Label text size.
    pub label_size: f32,
    /// Screen pixels per point (text is measured at it).
    pub pixels_per_point: f32,
    /// Rects the labels must keep clear of (the corner texts).
    pub keep_clear: Vec<Rect>,
    /// The dot being dragged (drawn at the pointer instead).
    pub dragged: Option<usize>,
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
    /// Labels left out for want of room.
    pub hidden: usize,
    /// The markers, ready to paint (one mesh per style for huge scenarios).
    pub shapes: Vec<Shape>,
}

/// A uniform grid of rects, so checking a label against its neighbours is not quadratic.
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

    /// How many rects meet `r` (a rect in several cells counts once per cell: fine for ranking).
    fn count(&self, r: Rect) -> usize {
        let (xs, ys) = self.span(r);
        let mut n = 0;
        for y in ys {
            for x in xs.clone() {
                n += self.cells[y * self.cols + x]
                    .iter()
                    .filter(|i| self.rects[**i as usize].intersects(r))
                    .count();
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

impl ChartLayout {
    /// Lays the model out in `key.rect`. `fonts` lays out the label texts.
    pub fn build(
        model: &ChartModel,
        key: LayoutKey,
        dark: bool,
        layout_text: &mut dyn FnMut(String, FontId) -> Arc<Galley>,
    ) -> Self {
        let frame = Frame { rect: key.rect };
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
                if Some(d.activity) == key.dragged {
                    continue;
                }
                let st = &model.styles[d.style];
                let color = theme::faded_if(st.color, d.faded, dark);
                paint::marker_mesh(&mut meshes[d.style], *c, r, st.shape, color);
            }
            shapes.extend(meshes.into_iter().map(Shape::mesh));
        } else {
            for (d, c) in model.dots.iter().zip(&centres) {
                if Some(d.activity) == key.dragged {
                    continue;
                }
                let st = &model.styles[d.style];
                let color = theme::faded_if(st.color, d.faded, dark);
                paint::marker_shapes(&mut shapes, *c, r, st.shape, color, outline);
            }
        }

        // Labels: greedy, in scenario order, each at the first free spot of a few around its
        // marker, then a few farther out with a leader line.
        let bounds = key.rect.shrink(2.0);
        let mut grid = Grid::new(key.rect, theme::LABEL_GRID_CELL);
        for c in &centres {
            grid.insert(Rect::from_center_size(*c, Vec2::splat(2.0 * r + 2.0)));
        }
        for k in &key.keep_clear {
            grid.insert(*k);
        }
        let font = FontId::proportional(key.label_size);
        let gap = theme::LABEL_GAP;
        let far = theme::LABEL_LEADER;
        // Placed labels and leader lines, apart from the markers (`grid` has everything).
        let mut labels = Grid::new(key.rect, theme::LABEL_GRID_CELL);
        let mut lines = Grid::new(key.rect, theme::LABEL_GRID_CELL);
        let mut placed = Vec::new();
        let mut tried = 0;
        // The most crowded markers first: their neighbours' labels would fence them in; a
        // marker on the edge of a cluster still has room outwards afterwards.
        let mut order: Vec<usize> = (0..model.dots.len()).collect();
        let crowd: Vec<usize> = centres
            .iter()
            .map(|c| grid.count(Rect::from_center_size(*c, Vec2::splat(theme::LABEL_CROWD))))
            .collect();
        order.sort_by_key(|i| std::cmp::Reverse(crowd[*i]));
        for i in order {
            let (d, c) = (&model.dots[i], &centres[i]);
            // Faded markers (not under way in the lens's month) keep their room unlabelled.
            if Some(d.activity) == key.dragged || d.faded {
                continue;
            }
            if placed.len() >= theme::LABEL_MAX || tried >= theme::LABEL_TRIES {
                break;
            }
            tried += 1;
            let galley = layout_text(d.label.clone(), font.clone());
            let size = galley.size();
            let spot = |dist: f32, k: usize| -> Pos2 {
                let o = r + dist;
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
            };
            let found = std::iter::once(gap)
                .chain((1..=theme::LABEL_RINGS).map(|k| k as f32 * far))
                .flat_map(|dist| (0..16).map(move |k| (dist, k)))
                .filter(|(dist, k)| *k < 8 || *dist > gap)
                .map(|(dist, k)| (dist, Rect::from_min_size(spot(dist, k), size)))
                .find(|(dist, rect)| {
                    bounds.contains_rect(*rect)
                        && !grid.hits(rect.expand(1.0))
                        // No label on a leader line, no leader line through a label (lines
                        // may cross each other and pass markers: a crowded cluster is fenced
                        // in by its neighbours' lines otherwise).
                        && !lines.hits(*rect)
                        && (*dist <= gap
                            || line_samples(leader_line(*c, r, *rect)).all(|p| {
                                !labels.hits(Rect::from_center_size(p, Vec2::splat(2.0)))
                            }))
                });
            if let Some((dist, rect)) = found {
                grid.insert(rect);
                labels.insert(rect);
                let leader = (dist > gap).then(|| leader_line(*c, r, rect));
                if let Some(line) = leader {
                    // Later labels keep off the line.
                    for p in line_samples(line) {
                        lines.insert(Rect::from_center_size(p, Vec2::splat(2.0)));
                    }
                }
                placed.push(Placed {
                    dot: i,
                    galley,
                    pos: rect.min,
                    leader,
                });
            }
        }
        let shown = model
            .dots
            .iter()
            .filter(|d| Some(d.activity) != key.dragged)
            .count();
        Self {
            hidden: shown - placed.len(),
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
            let d = c.distance_sq(pos);
            if d <= theme::PICK_RADIUS * theme::PICK_RADIUS && best.is_none_or(|(b, _)| d < b) {
                best = Some((d, i));
            }
        }
        best.map(|(_, i)| i)
    }
}
