//! Reports people can take home: a typed report model built from a scenario and its findings
//! ([`Report::build`]), then one file per output format. `peaceops check`'s text and JSON are
//! built from the same model, so no two outputs disagree. No egui here.

mod chart;
mod exercise;
mod export;
mod html;
mod markdown;
mod model;
mod png;
mod run;
pub mod svg;
mod table;
mod timeline;
mod view;

pub use chart::{
    AXIS, ChartData, Marker, OUTLINE, PALETTE, Rgb, SHAPES, Shape, Style, UNASSIGNED,
    mission_color, mission_shape, provenance_color, quadrant_sign, quadrant_tint, status_color,
};
pub use exercise::{ExerciseReport, InjectRow, LogRow, RunRow, StepRow, exercise_report};
pub use export::{ExportError, Format, Options, check_target, export, markdown_images, render};
pub use html::{TemplateError, html};
pub use markdown::{Images, markdown, md_escape};
pub use model::{
    ActivityRow, Badge, CITATION, Checklist, Counts, CustomRow, FindingRow, GroupBrief, HostBrief,
    MissionBrief, OptionLine, OptionsBrief, OptionsTable, OptionsTableRow, Report, ReportContext,
    ResolvedRow, SourcedClaim, status_id,
};
pub use png::{PngError, png, png_sized};
pub use run::{report_of_file, report_of_file_through, report_of_option, run};
pub use table::{ACTIVITY_COLUMNS, BOM, CsvError, FINDING_COLUMNS, activities_csv, findings_csv};
pub use timeline::{Lane, TimelineData};
