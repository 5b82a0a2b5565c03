//! The chart and the timeline as SVG text: the one place reports draw. Every text that reaches
//! SVG goes through [`esc`].

use std::fmt::Write as _;

use super::chart::{AXIS, ChartData, OUTLINE, Shape, quadrant_sign, quadrant_tint};
use super::timeline::TimelineData;
use crate::model::Quadrant;

/// The chart shows −EDGE … EDGE on both axes, as the window's (`view/chart/layout.rs`).
const EDGE: f64 = 1.2;

/// `text` escaped for XML text and attribute values.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // XML 1.0 allows no other control characters.
            c if c.is_control() && !matches!(c, '\n' | '\t') => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// Markers up to this many get labels (as the window's few dozen; more would cover the chart).
const LABELS_UP_TO: usize = 60;
/// Label text size, in pixels.
const LABEL_SIZE: f64 = 11.0;

/// A rectangle on the image.
#[derive(Clone, Copy, Debug)]
struct Box2 {
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
}

impl Box2 {
    fn around(x: f64, y: f64, rx: f64, ry: f64) -> Self {
        Self {
            x0: x - rx,
            y0: y - ry,
            x1: x + rx,
            y1: y + ry,
        }
    }

    fn overlaps(&self, o: &Box2) -> bool {
        self.x0 < o.x1 && o.x0 < self.x1 && self.y0 < o.y1 && o.y0 < self.y1
    }

    fn contains(&self, o: &Box2) -> bool {
        o.x0 >= self.x0 && o.x1 <= self.x1 && o.y0 >= self.y0 && o.y1 <= self.y1
    }
}

/// Spreads markers that share one point around it, so each stays visible (as the window's
/// `view/chart/layout.rs` does).
fn spread(points: &[(f64, f64)], r: f64) -> Vec<(f64, f64)> {
    let mut groups: rustc_hash::FxHashMap<(i64, i64), Vec<usize>> = Default::default();
    for (i, (x, y)) in points.iter().enumerate() {
        groups
            .entry((x.round() as i64, y.round() as i64))
            .or_default()
            .push(i);
    }
    let mut out = points.to_vec();
    for members in groups.values().filter(|m| m.len() > 1) {
        let k = members.len() as f64;
        let ring = (r * 1.2).max(k * r * 2.2 / std::f64::consts::TAU);
        for (j, i) in members.iter().enumerate() {
            let a = std::f64::consts::PI + j as f64 * std::f64::consts::TAU / k;
            out[*i] = (points[*i].0 + ring * a.cos(), points[*i].1 + ring * a.sin());
        }
    }
    out
}

/// Size of a chart image, in pixels (CSS pixels in HTML).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Size {
    /// Width.
    pub width: u32,
    /// Height.
    pub height: u32,
}

impl Default for Size {
    fn default() -> Self {
        Self {
            width: 800,
            height: 600,
        }
    }
}

/// One marker's path, centred on `(cx, cy)` with radius `r`.
fn marker(
    out: &mut String,
    class: &str,
    shape: Shape,
    (cx, cy): (f64, f64),
    r: f64,
    fill: &str,
    title: &str,
) {
    let stroke = OUTLINE.hex();
    let open = format!(r#"<g class="{class}"><title>{}</title>"#, esc(title));
    out.push_str(&open);
    let _ = match shape {
        Shape::Circle => write!(
            out,
            r#"<circle cx="{cx:.1}" cy="{cy:.1}" r="{r:.1}" fill="{fill}" stroke="{stroke}"/>"#
        ),
        Shape::Square => write!(
            out,
            r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="{fill}" stroke="{stroke}"/>"#,
            cx - r * 0.85,
            cy - r * 0.85,
            r * 1.7,
            r * 1.7
        ),
        Shape::Diamond => polygon(
            out,
            &[(0.0, -1.2), (1.2, 0.0), (0.0, 1.2), (-1.2, 0.0)],
            cx,
            cy,
            r,
            fill,
        ),
        Shape::Up => polygon(
            out,
            &[(0.0, -1.2), (1.1, 0.8), (-1.1, 0.8)],
            cx,
            cy,
            r,
            fill,
        ),
        Shape::Down => polygon(
            out,
            &[(0.0, 1.2), (1.1, -0.8), (-1.1, -0.8)],
            cx,
            cy,
            r,
            fill,
        ),
        Shape::Asterisk | Shape::Cross | Shape::Plus => {
            let arms: &[f64] = match shape {
                Shape::Asterisk => &[90.0, 30.0, 150.0],
                Shape::Cross => &[45.0, 135.0],
                _ => &[0.0, 90.0],
            };
            let mut d = String::new();
            for deg in arms {
                let (s, c) = deg.to_radians().sin_cos();
                let _ = write!(
                    d,
                    "M{:.1} {:.1}L{:.1} {:.1}",
                    cx - c * r * 1.2,
                    cy - s * r * 1.2,
                    cx + c * r * 1.2,
                    cy + s * r * 1.2
                );
            }
            // A dark outline under the coloured stroke, as the window outlines every marker.
            write!(
                out,
                r#"<path d="{d}" stroke="{stroke}" stroke-width="5" stroke-linecap="round"/><path d="{d}" stroke="{fill}" stroke-width="3" stroke-linecap="round"/>"#
            )
        }
    };
    out.push_str("</g>");
}

fn polygon(
    out: &mut String,
    pts: &[(f64, f64)],
    cx: f64,
    cy: f64,
    r: f64,
    fill: &str,
) -> std::fmt::Result {
    let points: Vec<String> = pts
        .iter()
        .map(|(x, y)| format!("{:.1},{:.1}", cx + x * r, cy + y * r))
        .collect();
    write!(
        out,
        r#"<polygon points="{}" fill="{fill}" stroke="{}"/>"#,
        points.join(" "),
        OUTLINE.hex()
    )
}

/// The quadrant chart as one `<svg>` element: tints, axes, corner names with counts, one
/// `<g class="marker">` per activity (its title the activity's label and mission), labels, and a
/// legend below.
pub fn chart(data: &ChartData, size: Size) -> String {
    let legend_rows = data.styles.len().div_ceil(3);
    let w = f64::from(size.width);
    let plot_h = f64::from(size.height);
    let legend_h = 24.0 * legend_rows as f64 + 12.0;
    let h = plot_h + legend_h;
    let mut out = String::with_capacity(512 + data.markers.len() * 200);
    let _ = write!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {w} {h}" width="{w}" height="{h}" font-family="DejaVu Sans, Arial, sans-serif" role="img" aria-label="Quadrant chart">"#
    );
    let (left, top, right, bottom) = (40.0, 10.0, w - 10.0, plot_h - 40.0);
    let to_screen = |x: f64, y: f64| {
        (
            left + (x + EDGE) / (2.0 * EDGE) * (right - left),
            bottom - (y + EDGE) / (2.0 * EDGE) * (bottom - top),
        )
    };
    let (ox, oy) = to_screen(0.0, 0.0);
    for q in Quadrant::ALL {
        let (sx, sy) = quadrant_sign(*q);
        let (cx, cy) = to_screen(sx * EDGE, sy * EDGE);
        let _ = write!(
            out,
            r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="{}"/>"#,
            ox.min(cx),
            oy.min(cy),
            (cx - ox).abs(),
            (cy - oy).abs(),
            quadrant_tint(*q).hex()
        );
    }
    let axis = AXIS.hex();
    let _ = write!(
        out,
        r#"<line x1="{left}" y1="{oy:.1}" x2="{right}" y2="{oy:.1}" stroke="{axis}" stroke-width="1.5"/><line x1="{ox:.1}" y1="{top}" x2="{ox:.1}" y2="{bottom}" stroke="{axis}" stroke-width="1.5"/>"#
    );
    // Corner names with counts, in the band beyond ±1 where no marker sits.
    for q in Quadrant::ALL {
        let (sx, sy) = quadrant_sign(*q);
        let (x, anchor) = if sx < 0.0 {
            (left + 6.0, "start")
        } else {
            (right - 6.0, "end")
        };
        let y = if sy > 0.0 { top + 18.0 } else { bottom - 8.0 };
        let _ = write!(
            out,
            r##"<text class="corner" x="{x:.1}" y="{y:.1}" text-anchor="{anchor}" font-size="15" font-weight="bold" fill="#1a1a1a">{}: {}</text>"##,
            esc(q.label()),
            data.counts[q.index()]
        );
    }
    let _ = write!(
        out,
        r##"<text x="{:.1}" y="{:.1}" text-anchor="middle" font-size="13" fill="#1a1a1a">Consequences (-1) … drivers (+1)</text>"##,
        (left + right) / 2.0,
        bottom + 30.0
    );
    let _ = write!(
        out,
        r##"<text transform="translate(16 {:.1}) rotate(-90)" text-anchor="middle" font-size="13" fill="#1a1a1a">Indirectly (-1) … directly (+1)</text>"##,
        (top + bottom) / 2.0
    );
    let r = if data.markers.len() > 250 { 4.0 } else { 7.0 };
    let centres = spread(
        &data
            .markers
            .iter()
            .map(|m| to_screen(m.x, m.y))
            .collect::<Vec<_>>(),
        r,
    );
    for (m, (cx, cy)) in data.markers.iter().zip(&centres) {
        let Some(st) = data.styles.get(m.style) else {
            continue;
        };
        marker(
            &mut out,
            "marker",
            st.shape,
            (*cx, *cy),
            r,
            &st.color.hex(),
            &format!("{} ({})", m.label, st.name),
        );
    }
    // Labels for a workshop's few dozen (a thousand would cover the chart), each at the first
    // free spot around its marker; one that finds none is left out (the marker's title keeps it).
    if data.markers.len() <= LABELS_UP_TO {
        let mut taken: Vec<Box2> = centres
            .iter()
            .map(|(x, y)| Box2::around(*x, *y, r + 1.0, r + 1.0))
            .collect();
        let bounds = Box2 {
            x0: left,
            y0: top + 22.0,
            x1: right,
            y1: bottom - 22.0,
        };
        for (m, (cx, cy)) in data.markers.iter().zip(&centres) {
            let w = LABEL_SIZE * 0.58 * m.label.chars().count() as f64;
            let h = LABEL_SIZE * 1.2;
            // The first free spot of eight around the marker, then farther out with a
            // leader line.
            let found = [3.0, 16.0, 30.0]
                .iter()
                .enumerate()
                .find_map(|(ring, dist)| {
                    let o = r + dist;
                    let spots = [
                        (cx + o, cy - h / 2.0),
                        (cx - o - w, cy - h / 2.0),
                        (cx - w / 2.0, cy - o - h),
                        (cx - w / 2.0, cy + o),
                        (cx + o * 0.7, cy - o * 0.7 - h),
                        (cx + o * 0.7, cy + o * 0.7),
                        (cx - o * 0.7 - w, cy - o * 0.7 - h),
                        (cx - o * 0.7 - w, cy + o * 0.7),
                    ];
                    spots
                        .iter()
                        .map(|(x, y)| Box2 {
                            x0: *x,
                            y0: *y,
                            x1: x + w,
                            y1: y + h,
                        })
                        .find(|b| bounds.contains(b) && !taken.iter().any(|t| t.overlaps(b)))
                        .map(|b| (ring, b))
                });
            let Some((ring, b)) = found else {
                continue;
            };
            if ring > 0 {
                // From the marker to the nearest point of the label.
                let (lx, ly) = (cx.clamp(b.x0, b.x1), cy.clamp(b.y0, b.y1));
                let _ = write!(
                    out,
                    r#"<line class="leader" x1="{cx:.1}" y1="{cy:.1}" x2="{lx:.1}" y2="{ly:.1}" stroke="{}" stroke-width="1"/>"#,
                    AXIS.hex()
                );
            }
            let _ = write!(
                out,
                r##"<text class="label" x="{:.1}" y="{:.1}" font-size="{LABEL_SIZE}" fill="#1a1a1a" paint-order="stroke" stroke="#ffffff" stroke-width="3">{}</text>"##,
                b.x0,
                b.y1 - h * 0.25,
                esc(&m.label)
            );
            taken.push(b);
        }
    }
    // Legend.
    let col_w = (w - 20.0) / 3.0;
    for (i, st) in data.styles.iter().enumerate() {
        let x = 10.0 + (i % 3) as f64 * col_w;
        let y = plot_h + 12.0 + (i / 3) as f64 * 24.0;
        out.push_str(r#"<g class="legend">"#);
        marker(
            &mut out,
            "key",
            st.shape,
            (x + 8.0, y + 6.0),
            6.0,
            &st.color.hex(),
            &st.name,
        );
        let _ = write!(
            out,
            r##"<text x="{:.1}" y="{:.1}" font-size="13" fill="#1a1a1a">{}</text></g>"##,
            x + 22.0,
            y + 11.0,
            esc(&st.name)
        );
    }
    out.push_str("</svg>");
    out
}

/// The missions' timeline as one `<svg>` element: a lane per mission, years along the top.
pub fn timeline(t: &TimelineData, width: u32) -> String {
    let w = f64::from(width);
    let lane_h = 26.0;
    let (left, right, top) = (150.0, w - 10.0, 28.0);
    let h = top + lane_h * t.lanes.len() as f64 + 10.0;
    let first = t.start.index();
    let span = f64::from((t.end.index() - first).max(1) + 1);
    let x_of = |month: i32| left + f64::from(month - first) / span * (right - left);
    let mut out = String::new();
    let _ = write!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="timeline" viewBox="0 0 {w} {h}" width="{w}" height="{h}" font-family="DejaVu Sans, Arial, sans-serif" role="img" aria-label="Mission timeline">"#
    );
    // Januaries inside the range, a year label at least 40 px from the next.
    let first_year = if t.start.month() == 1 {
        t.start.year()
    } else {
        t.start.year() + 1
    };
    let years = first_year..=t.end.year();
    let per_year = (right - left) * 12.0 / span;
    let step = (40.0 / per_year).ceil().max(1.0) as usize;
    for year in years.step_by(step) {
        let Some(jan) = crate::model::YearMonth::new(year, 1) else {
            continue;
        };
        let x = x_of(jan.index());
        let _ = write!(
            out,
            r##"<line x1="{x:.1}" y1="{top}" x2="{x:.1}" y2="{:.1}" stroke="#c8c8c8"/><text x="{x:.1}" y="18" font-size="12" text-anchor="middle" fill="#1a1a1a">{year}</text>"##,
            h - 10.0
        );
    }
    for (i, lane) in t.lanes.iter().enumerate() {
        let y = top + lane_h * i as f64;
        let x0 = x_of(lane.start.index());
        let x1 = x_of(lane.end.map_or(t.end.index(), |e| e.index()) + 1);
        let until = lane
            .end
            .map_or_else(|| "open-ended".to_owned(), |e| e.to_string());
        let _ = write!(
            out,
            r##"<text x="{:.1}" y="{:.1}" text-anchor="end" font-size="12" fill="#1a1a1a">{}</text><rect x="{x0:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="{}" stroke="{}"><title>{} {} – {}</title></rect>"##,
            left - 6.0,
            y + 17.0,
            esc(&lane.name),
            y + 4.0,
            (x1 - x0).max(2.0),
            lane_h - 8.0,
            lane.color.hex(),
            OUTLINE.hex(),
            esc(&lane.name),
            lane.start,
            until
        );
    }
    if let Some(at) = t.at {
        let x = x_of(at.index());
        let _ = write!(
            out,
            r##"<line x1="{x:.1}" y1="{:.1}" x2="{x:.1}" y2="{:.1}" stroke="#000000" stroke-width="2" stroke-dasharray="4 3"/>"##,
            top - 4.0,
            h - 6.0
        );
    }
    out.push_str("</svg>");
    out
}
