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
fn marker(out: &mut String, shape: Shape, cx: f64, cy: f64, r: f64, fill: &str, title: &str) {
    let stroke = OUTLINE.hex();
    let open = format!(r#"<g class="marker"><title>{}</title>"#, esc(title));
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
    for m in &data.markers {
        let Some(st) = data.styles.get(m.style) else {
            continue;
        };
        let (cx, cy) = to_screen(m.x, m.y);
        marker(
            &mut out,
            st.shape,
            cx,
            cy,
            r,
            &st.color.hex(),
            &format!("{} ({})", m.label, st.name),
        );
    }
    // Labels for a workshop's few dozen; a thousand would cover the chart.
    if data.markers.len() <= 60 {
        for m in &data.markers {
            let (cx, cy) = to_screen(m.x, m.y);
            let _ = write!(
                out,
                r##"<text class="label" x="{:.1}" y="{:.1}" font-size="11" fill="#1a1a1a" paint-order="stroke" stroke="#ffffff" stroke-width="3">{}</text>"##,
                cx + r + 3.0,
                cy + 4.0,
                esc(&m.label)
            );
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
            st.shape,
            x + 8.0,
            y + 6.0,
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
    let years = t.start.year()..=t.end.year();
    let step = (years.clone().count() / 12).max(1);
    for year in years.step_by(step) {
        let x = x_of(
            crate::model::YearMonth::new(year, 1)
                .map_or(first, |d| d.index())
                .max(first),
        );
        let _ = write!(
            out,
            r##"<line x1="{x:.1}" y1="{top}" x2="{x:.1}" y2="{:.1}" stroke="#c8c8c8"/><text x="{x:.1}" y="18" font-size="12" fill="#1a1a1a">{year}</text>"##,
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
