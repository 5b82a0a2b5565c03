//! A plot item that draws many markers as one mesh. egui_plot's `Points` makes one shape per
//! point, which the tessellator then strokes and fills one by one: fine for a workshop's few
//! dozen activities, too slow for ten thousand. This item builds the triangles directly (no
//! anti-aliasing, which markers this small do not need) and keeps egui_plot's hover search.

use std::ops::RangeInclusive;

use egui::{Color32, Mesh, Pos2, Shape, Ui, vec2};
use egui_plot::{
    MarkerShape, PlotBounds, PlotGeometry, PlotItem, PlotItemBase, PlotPoint, PlotTransform,
};

/// Markers of one shape and colour, drawn as a single mesh.
pub struct Markers<'a> {
    base: PlotItemBase,
    points: &'a [PlotPoint],
    shape: MarkerShape,
    color: Color32,
    radius: f32,
}

impl<'a> Markers<'a> {
    /// Markers at `points`, named `name` (the hover label reads it).
    pub fn new(
        name: impl Into<String>,
        points: &'a [PlotPoint],
        shape: MarkerShape,
        color: Color32,
        radius: f32,
    ) -> Self {
        Self {
            base: PlotItemBase::new(name.into()),
            points,
            shape,
            color,
            radius,
        }
    }
}

/// A bar from `a` to `b`, `w` wide, as two triangles.
fn bar(mesh: &mut Mesh, a: Pos2, b: Pos2, w: f32, color: Color32) {
    let n = (b - a).normalized().rot90() * (w / 2.0);
    let i = mesh.vertices.len() as u32;
    for p in [a + n, a - n, b - n, b + n] {
        mesh.colored_vertex(p, color);
    }
    mesh.add_triangle(i, i + 1, i + 2);
    mesh.add_triangle(i, i + 2, i + 3);
}

/// A convex polygon as a fan.
fn fan(mesh: &mut Mesh, corners: &[Pos2], color: Color32) {
    let i = mesh.vertices.len() as u32;
    for p in corners {
        mesh.colored_vertex(*p, color);
    }
    for k in 1..corners.len().saturating_sub(1) as u32 {
        mesh.add_triangle(i, i + k, i + k + 1);
    }
}

impl PlotItem for Markers<'_> {
    fn shapes(&self, _ui: &Ui, transform: &PlotTransform, shapes: &mut Vec<Shape>) {
        let (r, c) = (self.radius, self.color);
        let mut mesh = Mesh::default();
        mesh.reserve_vertices(self.points.len() * 8);
        mesh.reserve_triangles(self.points.len() * 6);
        let octagon: Vec<egui::Vec2> = (0..8)
            .map(|k| {
                let a = k as f32 * std::f32::consts::TAU / 8.0;
                vec2(a.cos(), a.sin()) * r
            })
            .collect();
        for p in self.points {
            let o = transform.position_from_point(p);
            match self.shape {
                MarkerShape::Circle => {
                    let corners: Vec<Pos2> = octagon.iter().map(|d| o + *d).collect();
                    fan(&mut mesh, &corners, c);
                }
                MarkerShape::Square => {
                    let h = r * 0.85;
                    fan(
                        &mut mesh,
                        &[
                            o + vec2(-h, -h),
                            o + vec2(h, -h),
                            o + vec2(h, h),
                            o + vec2(-h, h),
                        ],
                        c,
                    );
                }
                MarkerShape::Diamond => {
                    fan(
                        &mut mesh,
                        &[
                            o + vec2(0.0, -r),
                            o + vec2(r, 0.0),
                            o + vec2(0.0, r),
                            o + vec2(-r, 0.0),
                        ],
                        c,
                    );
                }
                MarkerShape::Up => {
                    fan(
                        &mut mesh,
                        &[
                            o + vec2(0.0, -r),
                            o + vec2(r, 0.8 * r),
                            o + vec2(-r, 0.8 * r),
                        ],
                        c,
                    );
                }
                MarkerShape::Down => {
                    fan(
                        &mut mesh,
                        &[
                            o + vec2(-r, -0.8 * r),
                            o + vec2(r, -0.8 * r),
                            o + vec2(0.0, r),
                        ],
                        c,
                    );
                }
                MarkerShape::Left => {
                    fan(
                        &mut mesh,
                        &[
                            o + vec2(-r, 0.0),
                            o + vec2(0.8 * r, -r),
                            o + vec2(0.8 * r, r),
                        ],
                        c,
                    );
                }
                MarkerShape::Right => {
                    fan(
                        &mut mesh,
                        &[
                            o + vec2(r, 0.0),
                            o + vec2(-0.8 * r, r),
                            o + vec2(-0.8 * r, -r),
                        ],
                        c,
                    );
                }
                MarkerShape::Plus => {
                    bar(&mut mesh, o + vec2(-r, 0.0), o + vec2(r, 0.0), r / 2.5, c);
                    bar(&mut mesh, o + vec2(0.0, -r), o + vec2(0.0, r), r / 2.5, c);
                }
                MarkerShape::Cross => {
                    let d = r * std::f32::consts::FRAC_1_SQRT_2;
                    bar(&mut mesh, o + vec2(-d, -d), o + vec2(d, d), r / 2.5, c);
                    bar(&mut mesh, o + vec2(-d, d), o + vec2(d, -d), r / 2.5, c);
                }
                MarkerShape::Asterisk => {
                    bar(&mut mesh, o + vec2(-r, 0.0), o + vec2(r, 0.0), r / 3.0, c);
                    let (dx, dy) = (r * 0.5, r * 0.87);
                    bar(&mut mesh, o + vec2(-dx, -dy), o + vec2(dx, dy), r / 3.0, c);
                    bar(&mut mesh, o + vec2(-dx, dy), o + vec2(dx, -dy), r / 3.0, c);
                }
            }
        }
        shapes.push(Shape::mesh(mesh));
    }

    fn initialize(&mut self, _x_range: RangeInclusive<f64>) {}

    fn color(&self) -> Color32 {
        self.color
    }

    fn geometry(&self) -> PlotGeometry<'_> {
        PlotGeometry::Points(self.points)
    }

    fn bounds(&self) -> PlotBounds {
        let mut b = PlotBounds::NOTHING;
        for p in self.points {
            b.extend_with(p);
        }
        b
    }

    fn base(&self) -> &PlotItemBase {
        &self.base
    }

    fn base_mut(&mut self) -> &mut PlotItemBase {
        &mut self.base
    }
}
