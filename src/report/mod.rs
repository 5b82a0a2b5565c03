//! Reports people can take home: a typed report model built from a scenario and its findings
//! ([`Report::build`]), then one file per output format. `peaceops check`'s text and JSON are
//! built from the same model, so no two outputs disagree. No egui here.

mod chart;
mod model;
pub mod svg;
mod timeline;

pub use chart::{
    AXIS, ChartData, Marker, OUTLINE, PALETTE, Rgb, SHAPES, Shape, Style, UNASSIGNED,
    mission_color, mission_shape, quadrant_sign, quadrant_tint,
};
pub use model::{
    ActivityRow, Badge, CITATION, Counts, CustomRow, FindingRow, GroupBrief, HostBrief,
    MissionBrief, Report, ReportContext, ResolvedRow, SourcedClaim, status_id,
};
pub use timeline::{Lane, TimelineData};
