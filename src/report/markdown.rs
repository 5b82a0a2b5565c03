//! The debrief as GitHub-flavoured Markdown, from `assets/report/report.md`. Every value the
//! template writes goes through [`md_escape`] (set as the environment's formatter, so no value
//! can skip it): table cells keep to their cell and a note cannot inject HTML or links.

use minijinja::value::Serde;
use minijinja::{Environment, Value, context};

use super::html::TemplateError;
use super::model::Report;
use super::view::View;

const TEMPLATE: &str = include_str!("../../assets/report/report.md");

/// `text` safe inside Markdown prose and table cells: line breaks become spaces, and the
/// characters Markdown or inline HTML give a meaning to are backslash-escaped or entity-encoded.
pub fn md_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\r' => {}
            '\n' => out.push(' '),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '#' | '!' | '~' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Where the Markdown's images are, relative to the Markdown file; `None` leaves them out.
#[derive(Clone, Debug, Default)]
pub struct Images {
    /// The chart SVG.
    pub chart: Option<String>,
    /// The timeline SVG.
    pub timeline: Option<String>,
}

/// The Markdown debrief of a report, linking the images named in `images`.
pub fn markdown(r: &Report, images: &Images) -> Result<String, TemplateError> {
    let mut env = Environment::new();
    env.set_formatter(|out, _state, value| {
        // `none` (an unset optional) prints as nothing, everything else escaped.
        if value.is_none() || value.is_undefined() {
            return Ok(());
        }
        out.write_str(&md_escape(&value.to_string()))
            .map_err(|e| minijinja::Error::new(minijinja::ErrorKind::WriteFailure, e.to_string()))
    });
    env.add_template("report.md", TEMPLATE)?;
    let out = env.get_template("report.md")?.render(context! {
        r => Value::from(Serde(View::new(r))),
        // Paths are written through the formatter too; file names PeaceOps makes need no escape
        // beyond it.
        chart_image => images.chart.clone(),
        timeline_image => images.timeline.clone().filter(|_| r.timeline.is_some()),
    })?;
    Ok(out)
}
