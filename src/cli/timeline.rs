//! `peaceops timeline FILE [--json]`: the mission timeline of a scenario, as the window's
//! timeline panel draws it, built by `lens::MissionTimeline`.

use std::io::Write;
use std::path::Path;

use serde::Serialize;

use super::{EXIT_UNREADABLE, EXIT_VALID, ErrorReport, terminal_safe};
use crate::io::load;
use crate::lens::{MarkKind, MissionTimeline};
use crate::model::Scenario;

/// The timeline of one file, as `--json` prints it.
#[derive(Debug, Serialize)]
pub struct TimelineReport {
    /// The file as given.
    pub path: String,
    /// Why the file could not be read, if it could not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<ErrorReport>,
    /// The scenario's title.
    pub title: String,
    /// First month covered (`null` when the scenario has no dates).
    pub start: Option<String>,
    /// Last month covered.
    pub end: Option<String>,
    /// One lane per mission, grouped by deploying organization, in order of deployment.
    pub lanes: Vec<LaneReport>,
    /// Successions, in date order.
    pub handovers: Vec<HandoverReport>,
    /// Milestones and the month of minimal security, in date order.
    pub milestones: Vec<MilestoneReport>,
    /// Runs of months with no police-capable mission.
    pub vacuums: Vec<VacuumReport>,
}

/// One mission's lane.
#[derive(Debug, Serialize)]
pub struct LaneReport {
    /// Mission id.
    pub mission: String,
    /// Short name.
    pub name: String,
    /// Deploying body (UN, EU, NATO…).
    pub organization: &'static str,
    /// First month.
    pub start: String,
    /// Last month; `null` when open-ended.
    pub end: Option<String>,
    /// Its activities, start to end.
    pub activities: Vec<BarReport>,
}

/// One activity on a lane.
#[derive(Debug, Serialize)]
pub struct BarReport {
    /// Activity id.
    pub id: String,
    /// First month (its own, else its mission's).
    pub start: String,
    /// Last month; `null` when open-ended.
    pub end: Option<String>,
}

/// A predecessor → successor handover.
#[derive(Debug, Serialize)]
pub struct HandoverReport {
    /// Predecessor mission id.
    pub from: String,
    /// Successor mission id.
    pub to: String,
    /// The successor's first month.
    pub at: String,
    /// "planned", "partial" or "none".
    pub plan: &'static str,
    /// What the plan covers.
    pub covers: Vec<&'static str>,
}

/// A marker.
#[derive(Debug, Serialize)]
pub struct MilestoneReport {
    /// The month.
    pub at: String,
    /// What it says.
    pub label: String,
    /// "milestone" or "minimal-security".
    pub kind: &'static str,
    /// Where it comes from (badges such as "paper §V", "invented").
    pub sources: Vec<String>,
}

/// A policing vacuum.
#[derive(Debug, Serialize)]
pub struct VacuumReport {
    /// First month.
    pub from: String,
    /// Last month.
    pub to: String,
    /// Its length in months.
    pub months: i32,
}

/// The report on one scenario.
pub fn timeline_report(path: &Path, s: &Scenario) -> TimelineReport {
    let t = MissionTimeline::build(s);
    let lanes = t
        .lanes
        .iter()
        .map(|l| {
            let m = &s.missions[l.mission];
            LaneReport {
                mission: m.id.to_string(),
                name: m.short_name().to_owned(),
                organization: m.organization.body(),
                start: l.start.to_string(),
                end: (!l.open_ended).then(|| l.end.to_string()),
                activities: l
                    .bars
                    .iter()
                    .map(|b| BarReport {
                        id: s.activities[b.activity].id.to_string(),
                        start: b.start.to_string(),
                        end: (!b.open_ended).then(|| b.end.to_string()),
                    })
                    .collect(),
            }
        })
        .collect();
    TimelineReport {
        path: path.display().to_string(),
        error: None,
        title: s.title.clone(),
        start: t.span.map(|t| t.start.to_string()),
        end: t.span.map(|t| t.end.to_string()),
        lanes,
        handovers: t
            .handovers
            .iter()
            .map(|h| HandoverReport {
                from: s.missions[h.from].id.to_string(),
                to: s.missions[h.to].id.to_string(),
                at: h.at.to_string(),
                plan: h.plan.label(),
                covers: h.covers.iter().map(|c| c.label()).collect(),
            })
            .collect(),
        milestones: t
            .marks
            .iter()
            .map(|m| MilestoneReport {
                at: m.at.to_string(),
                label: m.label.clone(),
                kind: match m.kind {
                    MarkKind::Milestone(_) => "milestone",
                    MarkKind::MinimalSecurity => "minimal-security",
                },
                sources: m.sources.iter().map(crate::model::Source::badge).collect(),
            })
            .collect(),
        vacuums: t
            .vacuums
            .iter()
            .map(|v| VacuumReport {
                from: v.from.to_string(),
                to: v.to.to_string(),
                months: v.months(),
            })
            .collect(),
    }
}

/// Runs `timeline`: writes the file's timeline to `out` (a load error to `err` in text mode,
/// in the JSON otherwise) and returns the exit status.
pub fn timeline(path: &Path, json: bool, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let (report, code) = match load(path) {
        Ok(s) => (timeline_report(path, &s), EXIT_VALID),
        Err(e) => {
            let (line, column) = e.position().unzip();
            let error = ErrorReport {
                message: e.to_string(),
                line,
                column,
            };
            if !json {
                let _ = writeln!(err, "{}", terminal_safe(&error.message));
                return EXIT_UNREADABLE;
            }
            let report = TimelineReport {
                path: path.display().to_string(),
                error: Some(error),
                title: String::new(),
                start: None,
                end: None,
                lanes: Vec::new(),
                handovers: Vec::new(),
                milestones: Vec::new(),
                vacuums: Vec::new(),
            };
            (report, EXIT_UNREADABLE)
        }
    };
    let written = if json {
        serde_json::to_string_pretty(&report)
            .map_err(std::io::Error::from)
            .and_then(|text| writeln!(out, "{text}"))
    } else {
        write_text(&report, out)
    };
    match written.and_then(|()| out.flush()) {
        Ok(()) => code,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => code,
        Err(e) => {
            let _ = writeln!(err, "peaceops: cannot write the timeline: {e}");
            EXIT_UNREADABLE
        }
    }
}

/// Writes one line, escaped so a file can neither drive the terminal nor break the line.
fn line(out: &mut dyn Write, text: &str) -> std::io::Result<()> {
    writeln!(out, "{}", terminal_safe(text))
}

fn write_text(r: &TimelineReport, out: &mut dyn Write) -> std::io::Result<()> {
    line(out, &format!("{}: {}", r.path, r.title))?;
    let (Some(start), Some(end)) = (&r.start, &r.end) else {
        return line(out, "  no dates: no timeline");
    };
    line(out, &format!("  timeline {start} to {end}"))?;
    line(out, "  missions (by deploying organization):")?;
    let name_width = r
        .lanes
        .iter()
        .map(|l| l.name.chars().count())
        .max()
        .unwrap_or(0);
    for l in &r.lanes {
        line(
            out,
            &format!(
                "    {:<6} {:<name_width$}  {} to {}  ({} activities)",
                l.organization,
                l.name,
                l.start,
                l.end.as_deref().unwrap_or("open"),
                l.activities.len()
            ),
        )?;
    }
    line(out, "  handovers:")?;
    if r.handovers.is_empty() {
        line(out, "    none")?;
    }
    let name = |id: &str| {
        r.lanes
            .iter()
            .find(|l| l.mission == id)
            .map_or(id.to_owned(), |l| l.name.clone())
    };
    for h in &r.handovers {
        let covers = if h.covers.is_empty() {
            String::new()
        } else {
            format!(", covering {}", h.covers.join(", "))
        };
        line(
            out,
            &format!(
                "    {}  {} → {}: plan {}{covers}",
                h.at,
                name(&h.from),
                name(&h.to),
                h.plan
            ),
        )?;
    }
    line(out, "  milestones:")?;
    if r.milestones.is_empty() {
        line(out, "    none")?;
    }
    for m in &r.milestones {
        let sources = if m.sources.is_empty() {
            String::new()
        } else {
            format!(" [{}]", m.sources.join("; "))
        };
        line(out, &format!("    {}  {}{sources}", m.at, m.label))?;
    }
    line(out, "  policing vacuums (no police-capable mission):")?;
    if r.vacuums.is_empty() {
        line(out, "    none")?;
    }
    for v in &r.vacuums {
        line(
            out,
            &format!("    {} to {}  ({} months)", v.from, v.to, v.months),
        )?;
    }
    Ok(())
}
