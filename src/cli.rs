//! The command line: `peaceops check FILE...` validates scenario files and lists their risks,
//! as text for people or JSON for scripts. Works with no display and without the `gui` feature.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand};
use serde::Serialize;

use crate::io::{LoadError, load};
use crate::model::{Catalogue, CheckStatus, Problem, Quadrant, Scenario, Source, validate};
use crate::rules::{EntityRef, Family, RiskCatalogue, evaluate};
use crate::rules::{Review, RuleId};

/// Command-line arguments.
#[derive(Debug, Parser)]
#[command(
    name = "peaceops",
    version,
    about = "Workshop board for multilateral peace operations and organized crime",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// What to do; without one, the window opens.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// A scenario file to open in the window.
    pub file: Option<PathBuf>,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate scenario files and list their risk findings.
    ///
    /// Exit status: 0 when every file is valid, 1 when some file has problems, 2 when some file
    /// cannot be read or parsed. Risk findings are the scenario's content and do not change it.
    Check {
        /// Scenario files (.ron).
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Print JSON for scripts instead of text.
        #[arg(long)]
        json: bool,
    },
}

/// Exit status: every file valid.
pub const EXIT_VALID: u8 = 0;
/// Exit status: some file has validation problems.
pub const EXIT_PROBLEMS: u8 = 1;
/// Exit status: some file is unreadable or unparsable.
pub const EXIT_UNREADABLE: u8 = 2;

/// The report on one file, as `--json` prints it.
#[derive(Debug, Serialize)]
pub struct FileReport {
    /// The file as given.
    pub path: String,
    /// "valid", "problems" or "unreadable".
    pub status: &'static str,
    /// Why the file could not be read, if it could not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<ErrorReport>,
    /// What the file holds, if it was read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<Summary>,
    /// Validation problems.
    pub problems: Vec<Problem>,
    /// Risk findings with the room's status.
    pub findings: Vec<FindingReport>,
    /// Decisions whose finding no longer fires.
    pub resolved: Vec<ResolvedReport>,
    /// Checklist items added by hand.
    pub custom: Vec<CustomReport>,
}

/// A load error, for scripts.
#[derive(Debug, Serialize)]
pub struct ErrorReport {
    /// The one-line message (with file, line and column when known).
    pub message: String,
    /// Line, when known.
    pub line: Option<usize>,
    /// Column, when known.
    pub column: Option<usize>,
}

/// Counts of what a scenario holds.
#[derive(Debug, Serialize)]
pub struct Summary {
    /// Scenario title.
    pub title: String,
    /// Host state name.
    pub host: String,
    /// Number of crime groups.
    pub groups: usize,
    /// Number of missions.
    pub missions: usize,
    /// Number of other actors.
    pub actors: usize,
    /// Number of activities.
    pub activities: usize,
    /// Activities per quadrant.
    pub quadrants: QuadrantCounts,
}

/// Activities per quadrant.
#[derive(Debug, Serialize)]
pub struct QuadrantCounts {
    /// Direct × consequences.
    pub direct_consequences: usize,
    /// Indirect × consequences.
    pub indirect_consequences: usize,
    /// Direct × drivers.
    pub direct_drivers: usize,
    /// Indirect × drivers.
    pub indirect_drivers: usize,
}

/// One finding, for scripts.
#[derive(Debug, Serialize)]
pub struct FindingReport {
    /// Stable rule id.
    pub rule: RuleId,
    /// Family heading.
    pub family: &'static str,
    /// Rule title.
    pub title: String,
    /// Entities named, subject first.
    pub entities: Vec<EntityRef>,
    /// The sentence.
    pub message: String,
    /// Paper section.
    pub section: String,
    /// Where the checklist lists it: 1 first (preconditions), larger later.
    pub priority: u8,
    /// What the paper says about the risk.
    pub why: String,
    /// Where `why` comes from: the paper at the rule's section.
    pub why_source: SourceReport,
    /// What to do, the first naming the finding's entities.
    pub mitigations: Vec<String>,
    /// Where the mitigations come from: PeaceOps's own advice, not the paper.
    pub mitigations_source: SourceReport,
    /// The room's status.
    pub status: &'static str,
    /// The room's note.
    pub note: String,
}

/// The provenance of a text in the output: `kind` is `paper`, `general-knowledge`, `invented`
/// or `reasoning`; `section` is the paper section when `kind` is `paper`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SourceReport {
    /// `paper`, `general-knowledge`, `invented` or `reasoning`.
    pub kind: &'static str,
    /// The paper section, for `paper`; empty otherwise.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub section: String,
    /// The badge text shown in the window, e.g. "paper §V.6".
    pub badge: String,
}

impl From<&Source> for SourceReport {
    fn from(s: &Source) -> Self {
        Self {
            kind: s.kind_id(),
            section: match s {
                Source::Paper(section) => section.clone(),
                _ => String::new(),
            },
            badge: s.badge(),
        }
    }
}

/// A decision whose finding no longer fires.
#[derive(Debug, Serialize)]
pub struct ResolvedReport {
    /// Rule id as saved.
    pub rule: String,
    /// Entity ids as saved.
    pub entities: Vec<String>,
    /// The room's status.
    pub status: &'static str,
    /// The room's note.
    pub note: String,
}

/// A checklist item added by hand.
#[derive(Debug, Serialize)]
pub struct CustomReport {
    /// Its title.
    pub title: String,
    /// Its status.
    pub status: &'static str,
    /// Its note.
    pub note: String,
}

fn status_id(s: CheckStatus) -> &'static str {
    match s {
        CheckStatus::Open => "open",
        CheckStatus::Mitigated => "mitigated",
        CheckStatus::Accepted => "accepted",
        CheckStatus::NotApplicable => "not-applicable",
    }
}

/// Loads, validates and evaluates one file.
pub fn report(path: &Path) -> FileReport {
    let shown = path.display().to_string();
    let scenario = match load(path) {
        Ok(s) => s,
        Err(e) => return unreadable(shown, &e),
    };
    let catalogue = Catalogue::builtin().ok();
    let problems = validate(&scenario, catalogue);
    let (findings, resolved) = findings(&scenario);
    FileReport {
        path: shown,
        status: if problems.is_empty() {
            "valid"
        } else {
            "problems"
        },
        error: None,
        summary: Some(summary(&scenario)),
        problems,
        findings,
        resolved,
        custom: scenario
            .checklist
            .custom
            .iter()
            .map(|c| CustomReport {
                title: c.title.clone(),
                status: status_id(c.status),
                note: c.note.clone(),
            })
            .collect(),
    }
}

fn unreadable(path: String, e: &LoadError) -> FileReport {
    let (line, column) = e.position().unzip();
    FileReport {
        path,
        status: "unreadable",
        error: Some(ErrorReport {
            message: e.to_string(),
            line,
            column,
        }),
        summary: None,
        problems: Vec::new(),
        findings: Vec::new(),
        resolved: Vec::new(),
        custom: Vec::new(),
    }
}

fn summary(s: &Scenario) -> Summary {
    let q = s.quadrant_counts();
    Summary {
        title: s.title.clone(),
        host: s.host.name.clone(),
        groups: s.groups.len(),
        missions: s.missions.len(),
        actors: s.actors.len(),
        activities: s.activities.len(),
        quadrants: QuadrantCounts {
            direct_consequences: q[Quadrant::DirectConsequences.index()],
            indirect_consequences: q[Quadrant::IndirectConsequences.index()],
            direct_drivers: q[Quadrant::DirectDrivers.index()],
            indirect_drivers: q[Quadrant::IndirectDrivers.index()],
        },
    }
}

fn findings(s: &Scenario) -> (Vec<FindingReport>, Vec<ResolvedReport>) {
    let found = evaluate(s);
    let review = Review::new(&found, s);
    let texts = RiskCatalogue::builtin().ok();
    let rows = review
        .rows
        .iter()
        .map(|row| {
            let info = texts.and_then(|t| t.get(row.finding.rule));
            FindingReport {
                rule: row.finding.rule,
                family: info.map_or("", |i| i.family.label()),
                title: info.map(|i| i.title.clone()).unwrap_or_default(),
                entities: row.finding.entities(s),
                message: row.finding.message(s),
                section: info.map(|i| i.section.clone()).unwrap_or_default(),
                priority: info.map_or(u8::MAX, |i| i.priority),
                why: info.map(|i| i.paper.clone()).unwrap_or_default(),
                why_source: SourceReport::from(&Source::Paper(
                    info.map(|i| i.section.clone()).unwrap_or_default(),
                )),
                mitigations: info
                    .map(|i| i.mitigations_for(row.finding, s))
                    .unwrap_or_default(),
                mitigations_source: SourceReport::from(&Source::Reasoning),
                status: status_id(row.status),
                note: row.note.to_owned(),
            }
        })
        .collect();
    let resolved = review
        .resolved
        .iter()
        .map(|s| ResolvedReport {
            rule: s.key.rule.clone(),
            entities: s.key.entities.clone(),
            status: status_id(s.status),
            note: s.note.clone(),
        })
        .collect();
    (rows, resolved)
}

/// The exit status for a set of reports.
pub fn exit_code(reports: &[FileReport]) -> u8 {
    reports
        .iter()
        .map(|r| match r.status {
            "valid" => EXIT_VALID,
            "problems" => EXIT_PROBLEMS,
            _ => EXIT_UNREADABLE,
        })
        .max()
        .unwrap_or(EXIT_VALID)
}

/// Runs `check`: writes the reports to `out` (errors of unreadable files to `err` in text mode)
/// and returns the exit status.
pub fn check(files: &[PathBuf], json: bool, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let reports: Vec<FileReport> = files.iter().map(|f| report(f)).collect();
    let code = exit_code(&reports);
    let written = if json {
        #[derive(Serialize)]
        struct All<'a> {
            files: &'a [FileReport],
            exit_code: u8,
        }
        serde_json::to_writer_pretty(
            &mut *out,
            &All {
                files: &reports,
                exit_code: code,
            },
        )
        .map_err(std::io::Error::from)
        .and_then(|()| writeln!(out))
    } else {
        reports.iter().try_for_each(|r| write_text(r, out, err))
    };
    match written {
        Ok(()) => code,
        // Output closed (e.g. piped to `head`): the check itself still ran.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => code,
        Err(e) => {
            let _ = writeln!(err, "peaceops: cannot write the report: {e}");
            EXIT_UNREADABLE
        }
    }
}

fn write_text(r: &FileReport, out: &mut dyn Write, err: &mut dyn Write) -> std::io::Result<()> {
    if let Some(e) = &r.error {
        writeln!(err, "{}", e.message)?;
        return Ok(());
    }
    let Some(s) = &r.summary else { return Ok(()) };
    writeln!(out, "{}: {}", r.path, s.title)?;
    writeln!(
        out,
        "  host {} · {} crime groups · {} missions · {} actors · {} activities",
        if s.host.is_empty() {
            "(unnamed)"
        } else {
            &s.host
        },
        s.groups,
        s.missions,
        s.actors,
        s.activities
    )?;
    let q = &s.quadrants;
    writeln!(
        out,
        "  quadrants: direct × consequences {} · indirect × consequences {} · direct × drivers {} · indirect × drivers {}",
        q.direct_consequences, q.indirect_consequences, q.direct_drivers, q.indirect_drivers
    )?;
    if r.problems.is_empty() {
        writeln!(out, "  valid: no problems")?;
    } else {
        writeln!(out, "  {} problem(s):", r.problems.len())?;
        for p in &r.problems {
            writeln!(out, "    - {p}")?;
        }
    }
    let open = r.findings.iter().filter(|f| f.status == "open").count();
    writeln!(out, "  risks: {} finding(s), {open} open", r.findings.len())?;
    for family in Family::ALL {
        let rows: Vec<&FindingReport> = r
            .findings
            .iter()
            .filter(|f| f.family == family.label())
            .collect();
        if rows.is_empty() {
            continue;
        }
        writeln!(out, "  {} ({})", family.label(), family.section())?;
        for f in rows {
            writeln!(
                out,
                "    [{}] {} ({}, {})",
                f.status, f.title, f.rule, f.section
            )?;
            writeln!(out, "        {}", f.message)?;
            for m in &f.mitigations {
                writeln!(out, "          - {m}")?;
            }
            if !f.note.is_empty() {
                writeln!(out, "        note: {}", f.note)?;
            }
        }
    }
    if !r.resolved.is_empty() {
        writeln!(out, "  resolved (no longer fire):")?;
        for f in &r.resolved {
            writeln!(
                out,
                "    [{}] {} {}",
                f.status,
                f.rule,
                f.entities.join(", ")
            )?;
            if !f.note.is_empty() {
                writeln!(out, "        note: {}", f.note)?;
            }
        }
    }
    if !r.custom.is_empty() {
        writeln!(out, "  custom items:")?;
        for c in &r.custom {
            writeln!(out, "    [{}] {}", c.status, c.title)?;
            if !c.note.is_empty() {
                writeln!(out, "        note: {}", c.note)?;
            }
        }
    }
    writeln!(out)
}
