//! What the HTML and Markdown templates read: the report flattened into plain, serializable
//! values (texts still unescaped: the template engine escapes them as it writes).

use serde::Serialize;

use super::chart::{provenance_color, status_color};
use super::model::{
    ActivityRow, ActorBrief, Badge, GroupBrief, HostBrief, MissionBrief, Report, SourcedClaim,
    status_id,
};
use crate::model::{CheckStatus, Quadrant, Source};
use crate::rules::Family;
use std::fmt::Write as _;

/// The template context.
#[derive(Debug, Serialize)]
pub struct View<'a> {
    /// Scenario title.
    pub title: &'a str,
    /// Scenario description.
    pub description: &'a str,
    /// Where the description's facts come from.
    pub description_sources: &'a [SourcedClaim],
    /// "as of" month, empty for all time.
    pub at: String,
    /// The paper cited.
    pub citation: &'static str,
    /// Host in brief.
    pub host: &'a HostBrief,
    /// Groups.
    pub groups: &'a [GroupBrief],
    /// Missions.
    pub missions: &'a [MissionBrief],
    /// Other actors.
    pub actors: &'a [ActorBrief],
    /// The exercise, if the scenario has one.
    pub exercise: Option<&'a super::ExerciseReport>,
    /// Which mandate option the report is of and the others, when the file has several.
    pub options: Option<&'a super::OptionsBrief>,
    /// Counts, with a name each.
    pub counts: Vec<(&'static str, usize)>,
    /// Activities per quadrant, every quadrant, with its name.
    pub quadrant_counts: Vec<(&'static str, usize)>,
    /// Activities grouped by quadrant (quadrants with none left out).
    pub quadrants: Vec<QuadrantView<'a>>,
    /// Validation problems, one line each.
    pub problems: Vec<String>,
    /// Findings by family, as the window's checklist groups them (empty families left out).
    pub families: Vec<FamilyView>,
    /// Findings open, of all.
    pub open: usize,
    /// All current findings.
    pub total: usize,
    /// Decisions whose findings no longer fire.
    pub resolved: Vec<ItemView>,
    /// Items the room added.
    pub custom: Vec<ItemView>,
    /// The improvement plan: open findings and open custom items.
    pub plan: Vec<PlanRow>,
}

/// One quadrant's activities.
#[derive(Debug, Serialize)]
pub struct QuadrantView<'a> {
    /// Its name.
    pub name: &'static str,
    /// Its activities.
    pub rows: Vec<ActivityView<'a>>,
}

/// One activity with its position written out.
#[derive(Debug, Serialize)]
pub struct ActivityView<'a> {
    /// The activity.
    pub row: &'a ActivityRow,
    /// x, two decimals.
    pub xs: String,
    /// y, two decimals.
    pub ys: String,
}

/// One family of findings.
#[derive(Debug, Serialize)]
pub struct FamilyView {
    /// Heading.
    pub label: &'static str,
    /// Paper section.
    pub section: &'static str,
    /// Its findings.
    pub findings: Vec<FindingView>,
}

/// A status with its look.
#[derive(Debug, Serialize)]
pub struct StatusView {
    /// Stable id (CSS class).
    pub id: &'static str,
    /// The word shown.
    pub label: &'static str,
}

impl From<CheckStatus> for StatusView {
    fn from(s: CheckStatus) -> Self {
        Self {
            id: status_id(s),
            label: s.label(),
        }
    }
}

/// One finding.
#[derive(Debug, Serialize)]
pub struct FindingView {
    /// Rule id.
    pub rule: &'static str,
    /// Title.
    pub title: String,
    /// The sentence.
    pub message: String,
    /// Paper section.
    pub section: String,
    /// What the paper says.
    pub why: String,
    /// What the paper says, sentence by sentence with each one's badge (empty: show `why`
    /// with `why_badge`).
    pub why_claims: Vec<SourcedClaim>,
    /// Its badge.
    pub why_badge: Badge,
    /// Mitigations.
    pub mitigations: Vec<String>,
    /// Their badge.
    pub mitigations_badge: Badge,
    /// The room's status.
    pub status: StatusView,
    /// The room's note.
    pub note: String,
}

/// A resolved decision or a custom item.
#[derive(Debug, Serialize)]
pub struct ItemView {
    /// Where the facts in a custom item come from (none for a resolved decision).
    pub sources: Vec<SourcedClaim>,
    /// What it is about.
    pub title: String,
    /// Status.
    pub status: StatusView,
    /// Note.
    pub note: String,
}

/// One row of the improvement plan; owner and due date are left for the room.
#[derive(Debug, Serialize)]
pub struct PlanRow {
    /// What to improve.
    pub item: String,
    /// Where it comes from ("finding §IV.2", "custom item").
    pub origin: String,
    /// The room's note so far.
    pub note: String,
}

impl<'a> View<'a> {
    /// The view of a report.
    pub fn new(r: &'a Report) -> Self {
        let c = &r.counts;
        let quadrants = Quadrant::ALL
            .iter()
            .map(|q| QuadrantView {
                name: q.label(),
                rows: r
                    .activities
                    .iter()
                    .filter(|a| a.quadrant == *q)
                    .map(|row| ActivityView {
                        row,
                        xs: format!("{:.2}", row.x),
                        ys: format!("{:.2}", row.y),
                    })
                    .collect(),
            })
            .filter(|q| !q.rows.is_empty())
            .collect();
        let families = Family::ALL
            .iter()
            .map(|f| FamilyView {
                label: f.label(),
                section: f.section(),
                findings: r
                    .family(*f)
                    .map(|f| FindingView {
                        rule: f.rule.as_str(),
                        title: f.title.clone(),
                        message: f.message.clone(),
                        section: f.section.clone(),
                        why: f.why.clone(),
                        why_claims: f
                            .why_claims
                            .iter()
                            .map(|c| SourcedClaim {
                                text: c.text.clone(),
                                source: Badge::from(&c.source),
                            })
                            .collect(),
                        why_badge: Badge::from(&f.why_source),
                        mitigations: f.mitigations.clone(),
                        mitigations_badge: Badge::from(&f.mitigations_source),
                        status: f.status.into(),
                        note: f.note.clone(),
                    })
                    .collect(),
            })
            .filter(|f| !f.findings.is_empty())
            .collect();
        let mut plan: Vec<PlanRow> = r
            .findings
            .iter()
            .filter(|f| f.status == CheckStatus::Open)
            .map(|f| PlanRow {
                item: format!("{}: {}", f.title, f.message),
                origin: format!("finding {}", f.section),
                note: f.note.clone(),
            })
            .collect();
        plan.extend(
            r.custom
                .iter()
                .filter(|c| c.status == CheckStatus::Open)
                .map(|c| PlanRow {
                    item: c.title.clone(),
                    origin: "custom item".to_owned(),
                    note: c.note.clone(),
                }),
        );
        for run in r.exercise.iter().flat_map(|e| &e.runs) {
            plan.extend(run.improvements.iter().map(|i| PlanRow {
                item: i.clone(),
                origin: format!("exercise: {}", run.name),
                note: String::new(),
            }));
        }
        Self {
            title: &r.title,
            description: &r.description,
            description_sources: &r.description_sources,
            at: r.at.map(|d| d.to_string()).unwrap_or_default(),
            citation: super::CITATION,
            host: &r.host,
            groups: &r.groups,
            missions: &r.missions,
            actors: &r.actors,
            exercise: r.exercise.as_ref(),
            options: r.options.as_ref(),
            counts: vec![
                ("crime groups", c.groups),
                ("missions", c.missions),
                ("other actors", c.actors),
                ("activities", c.activities),
            ],
            quadrant_counts: Quadrant::ALL
                .iter()
                .map(|q| (q.label(), r.chart.counts[q.index()]))
                .collect(),
            quadrants,
            problems: r.problems.iter().map(ToString::to_string).collect(),
            families,
            open: r.open_count(),
            total: r.findings.len(),
            resolved: r
                .resolved
                .iter()
                .map(|s| ItemView {
                    sources: Vec::new(),
                    title: format!("{} ({})", s.rule, s.entities.join(", ")),
                    status: s.status.into(),
                    note: s.note.clone(),
                })
                .collect(),
            custom: r
                .custom
                .iter()
                .map(|c| ItemView {
                    sources: c.sources.clone(),
                    title: c.title.clone(),
                    status: c.status.into(),
                    note: c.note.clone(),
                })
                .collect(),
            plan,
        }
    }
}

/// CSS for the status and source-badge classes, in the colours the window uses.
pub fn colours_css() -> String {
    let mut css = String::new();
    for s in CheckStatus::ALL {
        let c = status_color(*s).hex();
        let id = status_id(*s);
        let _ = writeln!(
            css,
            ".status.{id} {{ color: {c}; }} .finding.{id} {{ border-left-color: {c}; }}"
        );
    }
    for s in [
        Source::Paper(String::new()),
        Source::GeneralKnowledge,
        Source::Invented,
        Source::Reasoning,
    ] {
        let c = provenance_color(&s).hex();
        let _ = writeln!(
            css,
            ".badge.{} {{ color: {c}; border-color: {c}; }}",
            s.kind_id()
        );
    }
    css
}
