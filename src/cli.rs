//! The command line: `peaceops check FILE...` validates scenario files and lists their risks
//! (all time, or as of a month with `--at`), `peaceops timeline FILE` lists a scenario's mission
//! lanes, handovers, milestones and policing vacuums; `peaceops options`, `compare` and `merge`
//! list, compare and merge mandate options; text for people or JSON for scripts. Works
//! with no display and without the `gui` feature.

mod options;
mod timeline;

pub use options::{
    ActivityPresence, ColumnReport, CompareReport, FindingPresence, OptionReport, OptionsReport,
    RuleCountReport, compare_cmd, compare_report, merge_cmd, options, options_report,
    resolve_options,
};
pub use timeline::{TimelineReport, timeline};

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand};
use serde::Serialize;

use crate::io::{LoadError, decision_lines, load_with_text};
use crate::lens::{Board, Lens};
use crate::model::{
    Catalogue, Claim, FindingKey, Problem, Quadrant, Scenario, Source, validate_checklist,
    validate_with,
};
use crate::report::{Checklist, Counts, FindingRow, Report, status_id};
use crate::rules::{EntityRef, Family, RuleId, evaluate_at};

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
        /// Evaluate the board as of this month (YYYY-MM): the activities under way and the
        /// missions deployed then, and the findings that hold then.
        #[arg(long, value_name = "YYYY-MM")]
        at: Option<String>,
        /// Evaluate the scenario after the exercise script's injects up to and including this
        /// one are delivered in order (their effects applied). An unknown id is exit 2.
        #[arg(long, value_name = "INJECT")]
        after: Option<String>,
        /// Check this mandate option (its name or id) instead of the current one. An unknown
        /// option is exit 2, with the list of names.
        #[arg(long, value_name = "NAME")]
        option: Option<String>,
    },
    /// List a scenario's mandate options with their activities, open risks and quadrant counts
    /// (`*` marks the current one).
    ///
    /// Exit status: 0 when the file was read, 2 when it cannot be read or parsed.
    Options {
        /// A scenario file (.ron).
        file: PathBuf,
        /// Print JSON for scripts instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Compare mandate options side by side: activities and findings only in each and in all,
    /// quadrant counts, empty quadrants, per-rule counts and mission changes.
    ///
    /// Exit status: 0 when compared, 2 when the file cannot be read or an option is unknown
    /// (the message lists the names).
    Compare {
        /// A scenario file (.ron).
        file: PathBuf,
        /// The options to compare, by name or id, separated by commas; every option without it.
        #[arg(long, value_name = "A,B,...")]
        options: Option<String>,
        /// Print JSON for scripts instead of text.
        #[arg(long)]
        json: bool,
        /// Compare the boards as of this month (YYYY-MM).
        #[arg(long, value_name = "YYYY-MM")]
        at: Option<String>,
    },
    /// Merge breakout groups' files into one plenary file: each group's plan (its current
    /// option) becomes an option named after its file. A group whose base (host, regions,
    /// crime groups, missions, actors) differs from BASE's is refused, with every difference.
    ///
    /// Exit status: 0 written, 1 a group's base differs (nothing written), 2 a file cannot be
    /// read or written (OUT must not exist).
    Merge {
        /// The scenario the groups were given (.ron).
        base: PathBuf,
        /// The groups' files (.ron).
        #[arg(required = true)]
        groups: Vec<PathBuf>,
        /// The plenary file to write (.ron; must not exist).
        #[arg(short, long)]
        output: PathBuf,
        /// Add the missions, crime groups, actors and regions a group added to the base;
        /// without it they are skipped and the references to them cleared (listed).
        #[arg(long)]
        add_extras: bool,
    },
    /// List a scenario's mission lanes (by deploying organization), handovers, milestones and
    /// policing vacuums, in date order.
    ///
    /// Exit status: 0 when the file was read, 2 when it cannot be read or parsed.
    Timeline {
        /// A scenario file (.ron).
        file: PathBuf,
        /// Print JSON for scripts instead of text.
        #[arg(long)]
        json: bool,
    },
    /// List the exercise script (injects) of a scenario with each inject's effects.
    Injects {
        /// Scenario file (.ron).
        file: PathBuf,
        /// Print JSON for scripts instead of text.
        #[arg(long)]
        json: bool,
    },
    /// List the runs of a scenario's exercise with their deliveries and decision logs.
    Runs {
        /// Scenario file (.ron).
        file: PathBuf,
        /// Print JSON for scripts instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Write a debrief of a scenario: HTML (prints to A4), Markdown, CSV or the chart as SVG.
    ///
    /// Exit status as `check`'s: 0 written, 1 written from a file with validation problems,
    /// 2 the file cannot be read or the report cannot be written (nothing half-written is left).
    Report {
        /// The scenario file (.ron).
        file: PathBuf,
        /// What to write.
        #[arg(long, value_enum)]
        format: crate::report::Format,
        /// Where to write it (atomically); standard output without it. Never a .ron file.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// CSV field delimiter: one ASCII character (`;` for French Excel).
        #[arg(long, default_value = ",", value_parser = parse_delimiter)]
        delimiter: u8,
        /// Chart image width in pixels (SVG).
        #[arg(long, default_value_t = 800, value_parser = clap::value_parser!(u32).range(100..=10000))]
        width: u32,
        /// Chart image height in pixels (SVG).
        #[arg(long, default_value_t = 600, value_parser = clap::value_parser!(u32).range(100..=10000))]
        height: u32,
        /// The board as of this month (YYYY-MM), as `check --at`.
        #[arg(long, value_name = "YYYY-MM")]
        at: Option<String>,
        /// After the exercise script's injects up to this one, as `check --after`.
        #[arg(long, value_name = "INJECT")]
        after: Option<String>,
        /// PNG pixels per chart pixel, 1 to 4 (2 for a sharp slide).
        #[arg(long, default_value_t = 1.0, value_parser = parse_scale)]
        scale: f32,
        /// Only this exercise run in the debrief (its name); every run without it.
        #[arg(long, value_name = "NAME")]
        run: Option<String>,
        /// The debrief of this mandate option (its name or id) instead of the current one. An
        /// unknown option is exit 2, with the list of names.
        #[arg(long, value_name = "NAME")]
        option: Option<String>,
    },
    /// Move the exercise script (MSEL) to or from a spreadsheet (CSV).
    #[command(subcommand)]
    Msel(MselCommand),
}

/// `peaceops msel ...`.
#[derive(Debug, Subcommand)]
pub enum MselCommand {
    /// Write a scenario's injects as CSV (UTF-8 with BOM, HSEEP's columns where they fit).
    Export {
        /// Scenario file (.ron).
        file: PathBuf,
        /// The CSV file to write.
        csv: PathBuf,
    },
    /// Replace a scenario's injects by a CSV's (`,` or `;`) and save the result as a new file.
    /// Nothing is written if any cell is wrong; the original scenario is never changed.
    Import {
        /// Scenario file (.ron).
        file: PathBuf,
        /// The CSV file to read.
        csv: PathBuf,
        /// The new scenario file to write (must not exist).
        output: PathBuf,
    },
}

fn parse_scale(s: &str) -> Result<f32, String> {
    match s.parse::<f32>() {
        Ok(v) if (1.0..=4.0).contains(&v) => Ok(v),
        _ => Err(format!("{s:?}: the scale must be a number from 1 to 4")),
    }
}

fn parse_delimiter(s: &str) -> Result<u8, String> {
    match s.as_bytes() {
        [b] if b.is_ascii() && !b.is_ascii_alphanumeric() && *b != b'"' && *b != b'\n' => Ok(*b),
        _ => Err(format!(
            "{s:?}: the delimiter must be one ASCII punctuation or space character, such as , or ;"
        )),
    }
}

/// Exit status: every file valid.
pub const EXIT_VALID: u8 = 0;
/// Exit status: some file has validation problems.
pub const EXIT_PROBLEMS: u8 = 1;
/// Exit status: some file is unreadable or unparsable.
pub const EXIT_UNREADABLE: u8 = 2;
/// Exit status: the command line itself is wrong (as clap's own usage errors).
pub const EXIT_USAGE: u8 = 2;

/// The lens a `--at` value asks for: all time without one; a one-line message for a value that
/// is not a month.
pub fn lens_from_arg(at: Option<&str>) -> Result<Lens, String> {
    match at {
        None => Ok(Lens::ALL_TIME),
        Some(text) => text
            .parse()
            .map(Lens::at)
            .map_err(|e| format!("peaceops: invalid value for --at: {e}")),
    }
}

/// The report on one file, as `--json` prints it.
#[derive(Debug, Serialize)]
pub struct FileReport {
    /// The month the board was evaluated as of, when not all time (`check --at`); in JSON it
    /// is said once, at the top.
    #[serde(skip)]
    pub at: Option<AtReport>,
    /// The inject the scenario was evaluated after (`check --after`), with its title; in JSON
    /// it is said once, at the top.
    #[serde(skip)]
    pub after: Option<(String, String)>,
    /// The file as given.
    pub path: String,
    /// The mandate option checked, when the file has more than one (then the others' names
    /// are in `other_options`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub option: Option<String>,
    /// The names of the file's other options, when it has more than one.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub other_options: Vec<String>,
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

/// What a board as of a month holds, beside the file's totals.
#[derive(Debug, Serialize)]
pub struct AtReport {
    /// The month, `"2008-06"`.
    pub month: String,
    /// Missions deployed in that month.
    pub missions: usize,
    /// Activities under way in that month.
    pub activities: usize,
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
    /// The checklist key the room's decision is saved under (rule and sorted subject ids).
    pub key: FindingKey,
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
    /// `why` sentence by sentence, each with its own source (a section of the paper, or
    /// PeaceOps's reasoning), written as [`ClaimReport`]s. Borrowed from the built-in texts:
    /// copied into each of the 77,142 findings of the `check/100000` benchmark (benches/domain.rs)
    /// they held 60 MiB more and cost a tenth more time.
    #[serde(serialize_with = "claims_as_reports")]
    pub why_claims: &'static [Claim],
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

/// A sentence with its source, for scripts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClaimReport {
    /// The sentence.
    pub text: String,
    /// Where it comes from.
    pub source: SourceReport,
}

/// Writes claims as [`ClaimReport`]s.
fn claims_as_reports<S: serde::Serializer>(
    claims: &&'static [Claim],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.collect_seq(claims.iter().map(ClaimReport::from))
}

impl From<&Claim> for ClaimReport {
    fn from(c: &Claim) -> Self {
        Self {
            text: c.text.clone(),
            source: SourceReport::from(&c.source),
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

/// Loads, validates and evaluates one file.
pub fn report(path: &Path) -> FileReport {
    report_at(path, &Lens::ALL_TIME)
}

/// Loads, validates and evaluates one file through a lens (`check --at`).
pub fn report_at(path: &Path, lens: &Lens) -> FileReport {
    report_through(path, lens, None)
}

/// Loads, validates and evaluates one file through a lens, after the exercise script's injects
/// up to `after` are delivered (`check --at --after`). Validation is of the file as written.
pub fn report_through(path: &Path, lens: &Lens, after: Option<&str>) -> FileReport {
    report_option(path, lens, after, None)
}

/// An option's name and the names of the file's other options.
pub type OptionNames = (String, Vec<String>);

/// The board of a mandate option (by name or id; the current one when `None`): the option as
/// a standalone scenario with its mission changes applied, and, when the file has more than one
/// option, its name and the others' names.
pub fn option_board(
    s: Scenario,
    option: Option<&str>,
) -> Result<(Scenario, Option<OptionNames>), crate::model::OptionError> {
    let this = match option {
        None => s.current_option.clone(),
        Some(name) => Some(s.find_option(name)?.id.clone()),
    };
    let named = (s.options.len() > 1).then(|| {
        let name = this
            .as_ref()
            .and_then(|id| s.option(id))
            .map(|o| o.name.clone())
            .unwrap_or_default();
        let others = s
            .options
            .iter()
            .filter(|o| Some(&o.id) != this.as_ref())
            .map(|o| o.name.clone())
            .collect();
        (name, others)
    });
    let board = match (option, this) {
        (Some(_), Some(id)) if !s.is_current(&id) => s.option_scenario(&id)?,
        // The current option: the file itself unless its mission changes make it differ, so
        // `check` copies no 100,000-activity file (benches/domain.rs, check/100000).
        _ => match s.board_scenario() {
            std::borrow::Cow::Owned(board) => board,
            std::borrow::Cow::Borrowed(_) => s,
        },
    };
    Ok((board, named))
}

/// [`report_through`] for one mandate option (`check --option NAME`, by name or id; the current
/// one when `None`). An unknown option is a failure naming the options.
pub fn report_option(
    path: &Path,
    lens: &Lens,
    after: Option<&str>,
    option: Option<&str>,
) -> FileReport {
    let shown = path.display().to_string();
    let (scenario, text) = match load_with_text(path) {
        Ok(loaded) => loaded,
        Err(e) => return unreadable(shown, &e),
    };
    // Problems of checklist decisions point at their lines; without decisions there is
    // nothing to look for in the text.
    let lines = if scenario.checklist.findings.is_empty() {
        Vec::new()
    } else {
        decision_lines(&text)
    };
    drop(text);
    let problems = all_problems_at(&scenario, Catalogue::builtin().ok(), &lines);
    let (scenario, named) = match option_board(scenario, option) {
        Ok(found) => found,
        Err(e) => {
            let message = format!("{shown}: {e}");
            return failed(shown, message);
        }
    };
    let mut delivered = None;
    let scenario = match after {
        None => scenario,
        Some(id) => match crate::exercise::scenario_after(&scenario, id) {
            Ok(after) => {
                let title = scenario.inject(&id.into()).map(|i| i.title.clone());
                delivered = Some((id.to_owned(), title.unwrap_or_default()));
                after
            }
            Err(e) => return failed(shown, e.to_string()),
        },
    };
    // The report model's checklist, without the rest of a report, which `check` never prints.
    let checklist = Checklist::build(&scenario, &evaluate_at(&scenario, lens), lens.at);
    let mut report = FileReport::from_parts(
        shown,
        &scenario.title,
        &scenario.host.name,
        Counts::of(&scenario, lens.at),
        problems,
        checklist,
    );
    report.after = delivered;
    if let Some((name, others)) = named {
        report.option = Some(name);
        report.other_options = others;
    }
    report.at = lens.at.map(|month| {
        let board = Board::new(&scenario, *lens);
        AtReport {
            month: month.to_string(),
            missions: board.missions.iter().filter(|m| **m).count(),
            activities: board.counts.iter().sum(),
        }
    });
    report
}

impl FileReport {
    /// The `check` view of a report on the file at `path` (as given).
    pub fn from_report(path: String, r: Report) -> Self {
        Self::from_parts(
            path,
            &r.title,
            &r.host.name,
            r.counts,
            r.problems,
            Checklist {
                findings: r.findings,
                resolved: r.resolved,
                custom: r.custom,
            },
        )
    }

    /// The `check` view of a scenario's counts, problems and checklist (see [`Checklist`]).
    fn from_parts(
        path: String,
        title: &str,
        host: &str,
        c: Counts,
        problems: Vec<Problem>,
        checklist: Checklist,
    ) -> Self {
        let q = c.quadrants;
        let summary = Summary {
            title: title.to_owned(),
            host: host.to_owned(),
            groups: c.groups,
            missions: c.missions,
            actors: c.actors,
            activities: c.activities,
            quadrants: QuadrantCounts {
                direct_consequences: q[Quadrant::DirectConsequences.index()],
                indirect_consequences: q[Quadrant::IndirectConsequences.index()],
                direct_drivers: q[Quadrant::DirectDrivers.index()],
                indirect_drivers: q[Quadrant::IndirectDrivers.index()],
            },
        };
        Self {
            at: None,
            after: None,
            path,
            option: None,
            other_options: Vec::new(),
            // Warnings are listed but do not make a file invalid.
            status: if problems.iter().any(Problem::is_error) {
                "problems"
            } else {
                "valid"
            },
            error: None,
            summary: Some(summary),
            problems,
            findings: checklist
                .findings
                .into_iter()
                .map(FindingReport::from)
                .collect(),
            resolved: checklist
                .resolved
                .into_iter()
                .map(|s| ResolvedReport {
                    rule: s.rule,
                    entities: s.entities,
                    status: status_id(s.status),
                    note: s.note,
                })
                .collect(),
            custom: checklist
                .custom
                .into_iter()
                .map(|c| CustomReport {
                    title: c.title,
                    status: status_id(c.status),
                    note: c.note,
                })
                .collect(),
        }
    }
}

impl From<FindingRow> for FindingReport {
    fn from(f: FindingRow) -> Self {
        Self {
            rule: f.rule,
            family: f.family.map_or("", Family::label),
            title: f.title,
            entities: f.entities,
            key: f.key,
            message: f.message,
            section: f.section,
            priority: f.priority,
            why: f.why,
            why_source: SourceReport::from(&f.why_source),
            why_claims: f.why_claims,
            mitigations: f.mitigations,
            mitigations_source: SourceReport::from(&f.mitigations_source),
            status: status_id(f.status),
            note: f.note,
        }
    }
}

/// Every validation problem of a scenario, the room's checklist decisions included.
pub fn all_problems(scenario: &Scenario, catalogue: Option<&Catalogue>) -> Vec<Problem> {
    all_problems_at(scenario, catalogue, &[])
}

/// [`all_problems`] of a scenario read from a file: problems of checklist decisions carry the
/// line of their decision, from `decision_lines` (see [`crate::io::decision_lines`]).
pub fn all_problems_at(
    scenario: &Scenario,
    catalogue: Option<&Catalogue>,
    decision_lines: &[usize],
) -> Vec<Problem> {
    all_problems_with(scenario, catalogue, decision_lines, &mut |o| {
        crate::model::option_problems(scenario, o)
    })
}

/// [`all_problems_at`], with the own problems of the options that are not current from `own`
/// (see [`crate::model::validate_options_with`]).
pub fn all_problems_with(
    scenario: &Scenario,
    catalogue: Option<&Catalogue>,
    decision_lines: &[usize],
    own: &mut dyn FnMut(&crate::model::PlanOption) -> Vec<Problem>,
) -> Vec<Problem> {
    let mut problems = validate_with(scenario, catalogue, own);
    problems.extend(validate_checklist(
        scenario,
        |rule| RuleId::parse(rule).is_some(),
        decision_lines,
    ));
    problems
}

/// A file that was read but cannot be checked as asked (e.g. `--after` an inject it does not
/// have): exit 2, with the message.
fn failed(path: String, message: String) -> FileReport {
    FileReport {
        at: None,
        after: None,
        path,
        option: None,
        other_options: Vec::new(),
        status: "unreadable",
        error: Some(ErrorReport {
            message,
            line: None,
            column: None,
        }),
        summary: None,
        problems: Vec::new(),
        findings: Vec::new(),
        resolved: Vec::new(),
        custom: Vec::new(),
    }
}

fn unreadable(path: String, e: &LoadError) -> FileReport {
    let (line, column) = e.position().unzip();
    FileReport {
        at: None,
        after: None,
        path,
        option: None,
        other_options: Vec::new(),
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

/// Runs `check`: writes each file's report to `out` as soon as that file is done (errors of
/// unreadable files to `err` in text mode), so one slow or broken file never silences the others,
/// and returns the exit status.
pub fn check(files: &[PathBuf], json: bool, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    check_at(files, json, &Lens::ALL_TIME, out, err)
}

/// Runs `check` through a lens (`check --at`): as [`check`], and the JSON says `"at"` first.
pub fn check_at(
    files: &[PathBuf],
    json: bool,
    lens: &Lens,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    check_through(files, json, lens, None, out, err)
}

/// Runs `check` through a lens and after an inject (`check --at --after`): as [`check_at`],
/// and the JSON says `"after"` at the top too.
pub fn check_through(
    files: &[PathBuf],
    json: bool,
    lens: &Lens,
    after: Option<&str>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    check_option(files, json, lens, after, None, out, err)
}

/// Runs `check` on one mandate option of each file (`check --option NAME`): as
/// [`check_through`]; a file without that option is exit 2 with its options' names.
pub fn check_option(
    files: &[PathBuf],
    json: bool,
    lens: &Lens,
    after: Option<&str>,
    option: Option<&str>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    // Buffered, flushed after each file: a large report is a few writes, not one per line
    // (the 100,000-activity benchmark spent a third of its time in line-by-line writes).
    let mut out = std::io::BufWriter::with_capacity(64 * 1024, out);
    let out: &mut dyn Write = &mut out;
    let mut code = EXIT_VALID;
    let mut written = Ok(());
    if json {
        let at = lens
            .at
            .map(|at| format!("\n  \"at\": \"{at}\","))
            .unwrap_or_default();
        let after = after
            .map(|id| format!("\n  \"after\": {},", serde_json::Value::from(id)))
            .unwrap_or_default();
        written = write!(out, "{{{at}{after}\n  \"files\": [");
    }
    for (i, file) in files.iter().enumerate() {
        let r = report_option(file, lens, after, option);
        code = code.max(exit_code(std::slice::from_ref(&r)));
        if written.is_err() {
            // The output is gone; the check goes on for the exit status.
            continue;
        }
        written = if json {
            write_json(&r, i == 0, out)
        } else {
            write_text(&r, out, err)
        }
        .and_then(|()| out.flush());
    }
    if json && written.is_ok() {
        let end = if files.is_empty() { "" } else { "\n  " };
        written = writeln!(out, "{end}],\n  \"exit_code\": {code}\n}}");
    }
    written = written.and_then(|()| out.flush());
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

/// One report as an element of the `files` array, indented to sit inside it.
fn write_json(r: &FileReport, first: bool, out: &mut dyn Write) -> std::io::Result<()> {
    let text = serde_json::to_string_pretty(r).map_err(std::io::Error::from)?;
    if !first {
        write!(out, ",")?;
    }
    // JSON strings hold no raw line breaks, so indenting line by line is safe.
    for line in text.lines() {
        write!(out, "\n    {line}")?;
    }
    Ok(())
}

/// Whether a character must not reach a terminal as it is: controls (C0, DEL, C1: escape
/// sequences, line breaks, NUL), line and paragraph separators, bidirectional overrides and
/// isolates (which reorder what follows), and invisible format characters (which make two
/// different ids look alike).
pub fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{00AD}'
                | '\u{061C}'
                | '\u{180E}'
                | '\u{200B}'..='\u{200F}'
                | '\u{2028}'..='\u{202E}'
                | '\u{2060}'..='\u{2064}'
                | '\u{2066}'..='\u{206F}'
                | '\u{FEFF}'
                | '\u{FFF9}'..='\u{FFFB}'
        )
}

/// `text` safe to print to a terminal: every character of [`needs_escape`] written as
/// `\u{1b}` (its code in hex), so a file can neither drive the terminal nor break a line.
pub fn terminal_safe(text: &str) -> std::borrow::Cow<'_, str> {
    // Printable ASCII needs nothing, and is most text: bytes are scanned, and only the few
    // characters past ASCII are decoded (the text output of the `check/100000` benchmark,
    // benches/domain.rs, is 39 MB of such lines, many with a "·" or a "—").
    if is_terminal_safe(text) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut safe = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if needs_escape(c) {
            use std::fmt::Write as _;
            let _ = write!(safe, "\\u{{{:x}}}", u32::from(c));
        } else {
            safe.push(c);
        }
    }
    std::borrow::Cow::Owned(safe)
}

/// Whether no character of `text` needs escaping (see [`needs_escape`]).
fn is_terminal_safe(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b < 0x80 {
            if !(0x20..0x7f).contains(&b) {
                return false;
            }
            i += 1;
        } else {
            // `i` is at the start of a character: every byte before it was a whole one.
            let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else {
                return false;
            };
            if needs_escape(c) {
                return false;
            }
            i += c.len_utf8();
        }
    }
    true
}

/// Writes one line of text output, escaped: whatever a file holds, it stays on this line.
macro_rules! safe_line {
    ($out:expr, $($arg:tt)*) => {
        writeln!($out, "{}", terminal_safe(&format!($($arg)*)))
    };
}

fn write_text(r: &FileReport, out: &mut dyn Write, err: &mut dyn Write) -> std::io::Result<()> {
    if let Some(e) = &r.error {
        safe_line!(err, "{}", e.message)?;
        return Ok(());
    }
    let Some(s) = &r.summary else { return Ok(()) };
    safe_line!(out, "{}: {}", r.path, s.title)?;
    if let Some(option) = &r.option {
        safe_line!(
            out,
            "  option {} (other options: {})",
            option,
            r.other_options.join(", ")
        )?;
    }
    safe_line!(
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
    if let Some((id, title)) = &r.after {
        safe_line!(out, "  after the injects up to {id}: {title}")?;
    }
    if let Some(at) = &r.at {
        safe_line!(
            out,
            "  as of {}: {} of {} missions deployed, {} of {} activities under way",
            at.month,
            at.missions,
            s.missions,
            at.activities,
            s.activities
        )?;
    }
    let q = &s.quadrants;
    safe_line!(
        out,
        "  quadrants: direct × consequences {} · indirect × consequences {} · direct × drivers {} · indirect × drivers {}",
        q.direct_consequences,
        q.indirect_consequences,
        q.direct_drivers,
        q.indirect_drivers
    )?;
    let errors = r.problems.iter().filter(|p| p.is_error()).count();
    let warnings = r.problems.len() - errors;
    if r.problems.is_empty() {
        safe_line!(out, "  valid: no problems")?;
    } else {
        if errors == 0 {
            safe_line!(out, "  valid, with {warnings} warning(s):")?;
        } else if warnings == 0 {
            safe_line!(out, "  {errors} problem(s):")?;
        } else {
            safe_line!(out, "  {errors} problem(s), {warnings} warning(s):")?;
        }
        for p in &r.problems {
            safe_line!(out, "    - {p}")?;
        }
    }
    let open = r.findings.iter().filter(|f| f.status == "open").count();
    safe_line!(out, "  risks: {} finding(s), {open} open", r.findings.len())?;
    for family in Family::ALL {
        let rows: Vec<&FindingReport> = r
            .findings
            .iter()
            .filter(|f| f.family == family.label())
            .collect();
        if rows.is_empty() {
            continue;
        }
        safe_line!(out, "  {} ({})", family.label(), family.section())?;
        for f in rows {
            safe_line!(
                out,
                "    [{}] {} ({}, {})",
                f.status,
                f.title,
                f.rule,
                f.section
            )?;
            safe_line!(out, "        {}", f.message)?;
            for m in &f.mitigations {
                safe_line!(out, "          - {}", m)?;
            }
            if !f.note.is_empty() {
                safe_line!(out, "        note: {}", f.note)?;
            }
        }
    }
    if !r.resolved.is_empty() {
        safe_line!(out, "  resolved (no longer fire):")?;
        for f in &r.resolved {
            safe_line!(
                out,
                "    [{}] {} {}",
                f.status,
                f.rule,
                f.entities.join(", ")
            )?;
            if !f.note.is_empty() {
                safe_line!(out, "        note: {}", f.note)?;
            }
        }
    }
    if !r.custom.is_empty() {
        safe_line!(out, "  custom items:")?;
        for c in &r.custom {
            safe_line!(out, "    [{}] {}", c.status, c.title)?;
            if !c.note.is_empty() {
                safe_line!(out, "        note: {}", c.note)?;
            }
        }
    }
    writeln!(out)
}
