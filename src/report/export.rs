//! Exports: a report in one format, as bytes, and written to a file atomically (a failed export
//! leaves no half file). Shared by `peaceops report` and the window's File → Export.

use std::path::{Path, PathBuf};

use super::markdown::{Images, markdown};
use super::model::Report;
use super::svg::{self, Size};
use super::table::{activities_csv, findings_csv};
use super::{TemplateError, html};
use crate::io::{SaveError, write_atomic};

/// What to export.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Format {
    /// The self-contained HTML debrief (prints to A4).
    Html,
    /// The debrief as GitHub-flavoured Markdown (images as SVG beside it).
    Md,
    /// One CSV row per activity.
    CsvActivities,
    /// One CSV row per finding (and resolved decision, and custom item).
    CsvFindings,
    /// The quadrant chart as SVG.
    Svg,
    /// The quadrant chart as a PNG image.
    Png,
}

impl Format {
    /// Every format, in menu order.
    pub const ALL: &'static [Format] = &[
        Format::Html,
        Format::Md,
        Format::CsvActivities,
        Format::CsvFindings,
        Format::Svg,
        Format::Png,
    ];

    /// The file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Md => "md",
            Format::CsvActivities | Format::CsvFindings => "csv",
            Format::Svg => "svg",
            Format::Png => "png",
        }
    }

    /// The extensions a save dialog's filter shows.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            Format::Html => &["html", "htm"],
            Format::Md => &["md"],
            Format::CsvActivities | Format::CsvFindings => &["csv"],
            Format::Svg => &["svg"],
            Format::Png => &["png"],
        }
    }

    /// The title of the save dialog.
    pub fn dialog_title(self) -> &'static str {
        match self {
            Format::Html => "Export the HTML debrief",
            Format::Md => "Export the debrief as Markdown",
            Format::CsvActivities => "Export the activities as CSV",
            Format::CsvFindings => "Export the findings as CSV",
            Format::Svg => "Export the chart as SVG",
            Format::Png => "Export the chart as PNG",
        }
    }

    /// What the menu calls it.
    pub fn label(self) -> &'static str {
        match self {
            Format::Html => "HTML debrief",
            Format::Md => "Markdown",
            Format::CsvActivities => "CSV of activities",
            Format::CsvFindings => "CSV of findings",
            Format::Svg => "Chart as SVG",
            Format::Png => "Chart as PNG",
        }
    }

    /// A suggested file name for a scenario titled `stem` (`kosovo-2008` → `kosovo-2008.html`).
    pub fn suggested_name(self, stem: &str) -> String {
        match self {
            Format::CsvActivities => format!("{stem}-activities.csv"),
            Format::CsvFindings => format!("{stem}-findings.csv"),
            Format::Svg => format!("{stem}-chart.svg"),
            Format::Png => format!("{stem}-chart.png"),
            _ => format!("{stem}.{}", self.extension()),
        }
    }
}

/// How to export, beyond the format.
#[derive(Clone, Debug)]
pub struct Options {
    /// CSV field delimiter (`b','`, or `b';'` for French Excel).
    pub delimiter: u8,
    /// Chart image size.
    pub size: Size,
    /// The month the report is as of; `None` for all time.
    pub at: Option<crate::model::YearMonth>,
    /// The PNG's pixels per SVG pixel (1 to 4).
    pub scale: f32,
    /// The exercise inject the scenario is shown after (`report --after`); `None` for the plan.
    pub after: Option<String>,
    /// The exercise run the debrief shows (`report --run`); `None` for every run.
    pub run: Option<String>,
    /// The mandate option the debrief is of (`report --option`, name or id); `None` for the
    /// current one.
    pub option: Option<String>,
}

fn scaled(pixels: u32, scale: f32) -> u32 {
    // At most 4 × 10,000 pixels a side, as `--width`, `--height` and `--scale` allow.
    (pixels as f32 * scale.clamp(1.0, 4.0)).round() as u32
}

impl Default for Options {
    fn default() -> Self {
        Self {
            delimiter: b',',
            size: Size::default(),
            at: None,
            scale: 1.0,
            after: None,
            run: None,
            option: None,
        }
    }
}

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// A template could not be rendered.
    #[error(transparent)]
    Template(#[from] TemplateError),
    /// The CSV could not be made.
    #[error(transparent)]
    Csv(#[from] super::table::CsvError),
    /// The PNG could not be drawn.
    #[error(transparent)]
    Png(#[from] super::png::PngError),
    /// The output would replace a scenario file.
    #[error("{}: this is a scenario file (.ron); a report is never written over one", path.display())]
    WouldOverwriteScenario {
        /// The output asked for.
        path: PathBuf,
    },
    /// The file could not be written (nothing is left behind).
    #[error("cannot export: {0}")]
    Write(#[from] SaveError),
}

/// The export as bytes; Markdown links the images named in `images`.
pub fn render(
    r: &Report,
    format: Format,
    opts: &Options,
    images: &Images,
) -> Result<Vec<u8>, ExportError> {
    Ok(match format {
        Format::Html => html(r)?.into_bytes(),
        Format::Md => markdown(r, images)?.into_bytes(),
        Format::CsvActivities => activities_csv(r, opts.delimiter)?,
        Format::CsvFindings => findings_csv(r, opts.delimiter)?,
        Format::Svg => standalone_svg(&svg::chart(&r.chart, opts.size)),
        // The image is the size asked for, times the scale (2 for a sharp slide on a
        // high-density screen); the SVG is drawn at the asked size and scaled to fit.
        Format::Png => super::png::png_sized(
            &svg::chart(&r.chart, opts.size),
            scaled(opts.size.width, opts.scale),
            scaled(opts.size.height, opts.scale),
        )?,
    })
}

fn standalone_svg(svg: &str) -> Vec<u8> {
    format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{svg}\n").into_bytes()
}

/// The image files a Markdown export at `out` writes beside it: `NAME.chart.svg` and, when the
/// scenario has a timeline, `NAME.timeline.svg` (file names, relative to `out`'s folder).
pub fn markdown_images(out: &Path, r: &Report) -> Images {
    let stem = out
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "report".to_owned());
    // Only characters a Markdown link and every file system take as they are.
    let stem: String = stem
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '.' {
                c
            } else {
                '-'
            }
        })
        .collect();
    Images {
        chart: Some(format!("{stem}.chart.svg")),
        timeline: r.timeline.as_ref().map(|_| format!("{stem}.timeline.svg")),
    }
}

/// Refuses an output that is (or resolves to) a scenario file.
pub fn check_target(out: &Path) -> Result<(), ExportError> {
    let real = crate::io::resolve_target(out);
    if [out, real.as_path()]
        .iter()
        .any(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("ron")))
    {
        return Err(ExportError::WouldOverwriteScenario {
            path: out.to_owned(),
        });
    }
    Ok(())
}

/// Writes the export to `out` atomically (and, for Markdown, its images beside it), returning
/// every file written.
pub fn export(
    r: &Report,
    format: Format,
    opts: &Options,
    out: &Path,
) -> Result<Vec<PathBuf>, ExportError> {
    check_target(out)?;
    let mut written = Vec::new();
    let images = if format == Format::Md {
        let images = markdown_images(out, r);
        let dir = out.parent().unwrap_or(Path::new(""));
        let mut files = vec![(images.chart.clone(), svg::chart(&r.chart, opts.size))];
        if let Some(t) = &r.timeline {
            files.push((images.timeline.clone(), svg::timeline(t, opts.size.width)));
        }
        for (name, svg) in files {
            let Some(name) = name else { continue };
            let path = dir.join(name);
            check_target(&path)?;
            write_atomic(&path, &standalone_svg(&svg))?;
            written.push(path);
        }
        images
    } else {
        Images::default()
    };
    let bytes = render(r, format, opts, &images)?;
    write_atomic(out, &bytes)?;
    written.push(out.to_owned());
    Ok(written)
}
