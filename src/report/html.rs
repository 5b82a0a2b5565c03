//! The self-contained HTML debrief: one file, CSS and SVG inline, no scripts, nothing fetched.
//! Written by minijinja from `assets/report/report.html`; the template's name ends in `.html`,
//! so every value is HTML-escaped as it is written (a note holding `<script>` prints as text).
//! Only the SVGs (escaped by [`super::svg`]) and the generated CSS go in as they are.

use minijinja::value::Serde;
use minijinja::{Environment, Value, context};

use super::model::Report;
use super::svg::{self, Size};
use super::view::{View, colours_css};

/// The template, compiled into the program so a report never depends on files beside it.
const TEMPLATE: &str = include_str!("../../assets/report/report.html");

/// A template could not be rendered (a defect of the template, reported rather than hidden).
#[derive(Debug, thiserror::Error)]
#[error("the report template failed: {0}")]
pub struct TemplateError(#[from] minijinja::Error);

/// The HTML debrief of a report.
pub fn html(r: &Report) -> Result<String, TemplateError> {
    let mut env = Environment::new();
    env.add_template("report.html", TEMPLATE)?;
    let chart = svg::chart(&r.chart, Size::default());
    let timeline = r.timeline.as_ref().map(|t| svg::timeline(t, 800));
    let out = env.get_template("report.html")?.render(context! {
        r => Value::from(Serde(View::new(r))),
        chart_svg => Value::from_safe_string(chart),
        timeline_svg => timeline.map(Value::from_safe_string),
        colours_css => Value::from_safe_string(colours_css()),
    })?;
    Ok(out)
}
