//! Drawing: the one marker geometry (used by the chart, the legend and the mesh for huge
//! scenarios) and the chart's background, axes and texts.

use egui::{Color32, Mesh, Pos2, Shape, Stroke, Vec2, vec2};

use crate::theme::MarkerShape;

/// A piece of a marker, in units of its radius.
enum Part {
    /// A filled disc.
    Disc,
    /// A filled convex polygon.
    Polygon(&'static [[f32; 2]]),
    /// A bar from one point to another, this wide (in radii).
    Bar([f32; 2], [f32; 2], f32),
}

/// The marker geometry: every drawing of a marker is made from these parts.
fn parts(shape: MarkerShape) -> &'static [Part] {
    const D: f32 = std::f32::consts::FRAC_1_SQRT_2;
    match shape {
        MarkerShape::Circle => &[Part::Disc],
        MarkerShape::Square => &[Part::Polygon(&[
            [-0.85, -0.85],
            [0.85, -0.85],
            [0.85, 0.85],
            [-0.85, 0.85],
        ])],
        MarkerShape::Diamond => &[Part::Polygon(&[
            [0.0, -1.15],
            [1.15, 0.0],
            [0.0, 1.15],
            [-1.15, 0.0],
        ])],
        MarkerShape::Up => &[Part::Polygon(&[[0.0, -1.2], [1.1, 0.85], [-1.1, 0.85]])],
        MarkerShape::Down => &[Part::Polygon(&[[-1.1, -0.85], [1.1, -0.85], [0.0, 1.2]])],
        MarkerShape::Plus => &[
            Part::Bar([-1.1, 0.0], [1.1, 0.0], 0.55),
            Part::Bar([0.0, -1.1], [0.0, 1.1], 0.55),
        ],
        MarkerShape::Cross => &[
            Part::Bar([-D * 1.3, -D * 1.3], [D * 1.3, D * 1.3], 0.55),
            Part::Bar([-D * 1.3, D * 1.3], [D * 1.3, -D * 1.3], 0.55),
        ],
        MarkerShape::Asterisk => &[
            Part::Bar([-1.15, 0.0], [1.15, 0.0], 0.45),
            Part::Bar([-0.58, -1.0], [0.58, 1.0], 0.45),
            Part::Bar([-0.58, 1.0], [0.58, -1.0], 0.45),
        ],
    }
}

fn bar_corners(c: Pos2, r: f32, a: [f32; 2], b: [f32; 2], w: f32) -> [Pos2; 4] {
    let (a, b) = (c + vec2(a[0], a[1]) * r, c + vec2(b[0], b[1]) * r);
    let n = (b - a).normalized().rot90() * (w * r / 2.0);
    [a + n, a - n, b - n, b + n]
}

/// Anti-aliased shapes of one marker, with an outline that keeps it visible on any tint.
pub fn marker_shapes(
    out: &mut Vec<Shape>,
    c: Pos2,
    r: f32,
    shape: MarkerShape,
    color: Color32,
    outline: Stroke,
) {
    for part in parts(shape) {
        match part {
            Part::Disc => out.push(Shape::circle_filled(c, r, color)),
            Part::Polygon(pts) => out.push(Shape::convex_polygon(
                pts.iter().map(|p| c + vec2(p[0], p[1]) * r).collect(),
                color,
                Stroke::NONE,
            )),
            Part::Bar(a, b, w) => out.push(Shape::convex_polygon(
                bar_corners(c, r, *a, *b, *w).to_vec(),
                color,
                Stroke::NONE,
            )),
        }
    }
    if outline.width > 0.0 {
        for part in parts(shape) {
            match part {
                Part::Disc => out.push(Shape::circle_stroke(c, r, outline)),
                Part::Polygon(pts) => out.push(Shape::closed_line(
                    pts.iter().map(|p| c + vec2(p[0], p[1]) * r).collect(),
                    outline,
                )),
                // Bars are outlined only at their ends: the arms stay crisp.
                Part::Bar(..) => {}
            }
        }
    }
}

/// The same markers as one mesh, without anti-aliasing: ten thousand markers as separate
/// shapes cost the tessellator far more than the frame budget (`benches/frame.rs`).
pub fn marker_mesh(mesh: &mut Mesh, c: Pos2, r: f32, shape: MarkerShape, color: Color32) {
    fn fan(mesh: &mut Mesh, corners: &[Pos2], color: Color32) {
        let i = mesh.vertices.len() as u32;
        for p in corners {
            mesh.colored_vertex(*p, color);
        }
        for k in 1..corners.len().saturating_sub(1) as u32 {
            mesh.add_triangle(i, i + k, i + k + 1);
        }
    }
    for part in parts(shape) {
        match part {
            Part::Disc => {
                let corners: Vec<Pos2> = (0..8)
                    .map(|k| {
                        let a = k as f32 * std::f32::consts::TAU / 8.0;
                        c + Vec2::angled(a) * r
                    })
                    .collect();
                fan(mesh, &corners, color);
            }
            Part::Polygon(pts) => {
                let corners: Vec<Pos2> = pts.iter().map(|p| c + vec2(p[0], p[1]) * r).collect();
                fan(mesh, &corners, color);
            }
            Part::Bar(a, b, w) => fan(mesh, &bar_corners(c, r, *a, *b, *w), color),
        }
    }
}

/// Draws one marker with a painter (the legend, the dragged marker).
pub fn paint_marker(
    p: &egui::Painter,
    c: Pos2,
    r: f32,
    shape: MarkerShape,
    color: Color32,
    outline: Stroke,
) {
    let mut shapes = Vec::new();
    marker_shapes(&mut shapes, c, r, shape, color, outline);
    p.extend(shapes);
}
