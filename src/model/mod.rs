//! The domain model: what is on the board. Pure data with serde; no UI, no I/O.

mod activity;
mod actor;
mod catalogue;
mod checklist;
mod choice;
mod date;
mod edit;
mod exercise;
mod group;
mod history;
mod host;
mod ids;
mod milestone;
mod mission;
mod option;
mod provenance;
mod scenario;
mod validate;

pub use activity::{Activity, ActivityKind, ActivityStatus, LABEL_CHARS, Quadrant, shorten};
pub use actor::{Actor, ActorKind};
pub use catalogue::{Basis, CATALOGUE_RON, Catalogue, CatalogueError, Template};
pub use checklist::{CheckStatus, Checklist, CustomItem, FindingKey, FindingState};
pub use choice::{Capacity, Choice, Level};
pub use date::{MAX_YEAR, MIN_YEAR, YearMonth, YearMonthError, periods_overlap};
pub use edit::{Edit, EditError, EntityId, references};
pub use exercise::{
    Delivery, DeliveryState, Effect, Inject, InjectId, LogEntry, LogKind, Run, RunId, WallTime,
    validate_exercise,
};
pub use group::{Approach, ApproachPeriod, CrimeGroup, Market, PeaceRole, StateRelation};
pub use history::{History, Stepped};
pub use host::{
    Consent, Governance, HostState, JusticeChain, JusticeLink, Region, RegionKind, Resource,
};
pub use ids::{
    ActivityId, ActorId, CustomItemId, GroupId, MissionId, OptionId, RegionId, TemplateId, fresh_id,
};
pub use milestone::Milestone;
pub use mission::{
    Capability, Component, Handover, HandoverScope, Mandate, Mission, MissionKind, Organization,
};
pub use option::{MissionChange, OptionError, PlanOption, apply_mission_changes};
pub use provenance::{Claim, Source, SourcedText, section_exists, section_references};
pub use scenario::{FORMAT_VERSION, Scenario, Timeline};
pub use validate::{
    Problem, ProblemKind, Severity, is_id_char, option_problems, validate, validate_checklist,
    validate_options, validate_options_with, validate_with,
};
