//! `peaceops options FILE`, `peaceops compare FILE [--options A,B] [--at YYYY-MM]` and
//! `peaceops merge BASE GROUP... -o OUT`: the mandate options of a scenario listed, compared
//! side by side (built by `compare::compare`), and breakout groups' files merged into one
//! plenary file as options (built by `merge::merge`). Text for people or JSON for scripts.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::{EXIT_PROBLEMS, EXIT_UNREADABLE, EXIT_VALID, QuadrantCounts, terminal_safe};
use crate::compare::{Comparison, compare, summaries};
use crate::io::{load, save};
use crate::lens::Lens;
use crate::merge::{GroupPlan, ImportError, merge};
use crate::model::{FindingKey, OptionError, OptionId, Quadrant, Scenario};
use crate::rules::RuleId;

/// Writes one line of text output, escaped.
macro_rules! safe_line {
    ($out:expr, $($arg:tt)*) => {
        writeln!($out, "{}", terminal_safe(&format!($($arg)*)))
    };
}

fn quadrants(c: [usize; 4]) -> QuadrantCounts {
    QuadrantCounts {
        direct_consequences: c[Quadrant::DirectConsequences.index()],
        indirect_consequences: c[Quadrant::IndirectConsequences.index()],
        direct_drivers: c[Quadrant::DirectDrivers.index()],
        indirect_drivers: c[Quadrant::IndirectDrivers.index()],
    }
}

fn counts_text(c: [usize; 4]) -> String {
    format!(
        "direct × consequences {} · indirect × consequences {} · direct × drivers {} · indirect × drivers {}",
        c[0], c[1], c[2], c[3]
    )
}

/// Prints a one-line error and returns exit status 2.
fn fail(err: &mut dyn Write, message: &str) -> u8 {
    let _ = writeln!(err, "peaceops: {}", terminal_safe(message));
    EXIT_UNREADABLE
}

/// Ends a write: a closed output (piped to `head`) is not an error of the command.
fn finish(written: std::io::Result<()>, code: u8, err: &mut dyn Write) -> u8 {
    match written {
        Ok(()) => code,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => code,
        Err(e) => fail(err, &format!("cannot write the output: {e}")),
    }
}

/// One option, as `options --json` prints it.
#[derive(Debug, Serialize)]
pub struct OptionReport {
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Whether it is the current one (what the window and `check` show).
    pub current: bool,
    /// Its rationale.
    pub rationale: String,
    /// Number of activities.
    pub activities: usize,
    /// Open findings, all time.
    pub open: usize,
    /// Activities per quadrant.
    pub quadrants: QuadrantCounts,
    /// Its changes to the base's missions, one sentence each.
    pub mission_changes: Vec<String>,
}

/// The options of one file, as `options --json` prints them.
#[derive(Debug, Serialize)]
pub struct OptionsReport {
    /// The file as given.
    pub path: String,
    /// The scenario's title.
    pub title: String,
    /// The options, in the file's order.
    pub options: Vec<OptionReport>,
}

/// The options of a scenario, with their counts.
pub fn options_report(path: &str, s: &Scenario) -> OptionsReport {
    let options = s
        .options
        .iter()
        .zip(summaries(s))
        .map(|(o, sum)| OptionReport {
            id: o.id.to_string(),
            name: o.name.clone(),
            current: s.is_current(&o.id),
            rationale: o.rationale.clone(),
            activities: sum.counts.iter().sum(),
            open: sum.open,
            quadrants: quadrants(sum.counts),
            mission_changes: o.missions.iter().map(|c| c.sentence(s)).collect(),
        })
        .collect();
    OptionsReport {
        path: path.to_owned(),
        title: s.title.clone(),
        options,
    }
}

/// Runs `options`: exit 0, or 2 when the file cannot be read.
pub fn options(file: &Path, json: bool, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let s = match load(file) {
        Ok(s) => s,
        Err(e) => return fail(err, &e.to_string()),
    };
    let r = options_report(&file.display().to_string(), &s);
    let written = if json {
        serde_json::to_string_pretty(&r)
            .map_err(std::io::Error::from)
            .and_then(|t| writeln!(out, "{t}"))
    } else {
        write_options(&r, out)
    };
    finish(written.and_then(|()| out.flush()), EXIT_VALID, err)
}

fn write_options(r: &OptionsReport, out: &mut dyn Write) -> std::io::Result<()> {
    safe_line!(out, "{}: {}", r.path, r.title)?;
    safe_line!(out, "  {} option(s):", r.options.len())?;
    for o in &r.options {
        let q = &o.quadrants;
        safe_line!(
            out,
            "  {} {} ({}): {} activities, {} open risk(s)",
            if o.current { "*" } else { "-" },
            o.name,
            o.id,
            o.activities,
            o.open
        )?;
        safe_line!(
            out,
            "      quadrants: {}",
            counts_text([
                q.direct_consequences,
                q.indirect_consequences,
                q.direct_drivers,
                q.indirect_drivers
            ])
        )?;
        for c in &o.mission_changes {
            safe_line!(out, "      mission: {c}")?;
        }
        if !o.rationale.trim().is_empty() {
            safe_line!(out, "      why: {}", o.rationale.replace('\n', " "))?;
        }
    }
    Ok(())
}

/// The options named in `--options A,B,…` (names or ids; empty: every option).
pub fn resolve_options(s: &Scenario, list: Option<&str>) -> Result<Vec<OptionId>, OptionError> {
    let Some(list) = list else {
        return Ok(s.options.iter().map(|o| o.id.clone()).collect());
    };
    list.split(',')
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(|n| s.find_option(n).map(|o| o.id.clone()))
        .collect()
}

/// One option's column, as `compare --json` prints it.
#[derive(Debug, Serialize)]
pub struct ColumnReport {
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Findings through the lens.
    pub findings: usize,
    /// Of which open.
    pub open: usize,
    /// Activities shown.
    pub activities: usize,
    /// Activities per quadrant.
    pub quadrants: QuadrantCounts,
    /// Quadrants with no activity, by name.
    pub empty_quadrants: Vec<&'static str>,
    /// Its changes to the base's missions.
    pub mission_changes: Vec<String>,
    /// Ids of the activities only this option has.
    pub only_activities: Vec<String>,
    /// Keys of the findings only this option has.
    pub only_findings: Vec<FindingKey>,
}

/// An activity across the options.
#[derive(Debug, Serialize)]
pub struct ActivityPresence {
    /// Its id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// The ids of the options that have it.
    #[serde(rename = "in")]
    pub in_options: Vec<String>,
    /// Whether they have it differently.
    pub changed: bool,
}

/// A finding across the options.
#[derive(Debug, Serialize)]
pub struct FindingPresence {
    /// Its rule.
    pub rule: RuleId,
    /// Its checklist key.
    pub key: FindingKey,
    /// Its sentence.
    pub message: String,
    /// The ids of the options that have it.
    #[serde(rename = "in")]
    pub in_options: Vec<String>,
}

/// A rule's count in each option.
#[derive(Debug, Serialize)]
pub struct RuleCountReport {
    /// The rule.
    pub rule: RuleId,
    /// Per option, in the columns' order.
    pub counts: Vec<usize>,
}

/// A comparison, as `compare --json` prints it.
#[derive(Debug, Serialize)]
pub struct CompareReport {
    /// The file as given.
    pub path: String,
    /// The month compared as of; `null` for all time.
    pub at: Option<String>,
    /// One column per option.
    pub options: Vec<ColumnReport>,
    /// Every activity, with the options that have it.
    pub activities: Vec<ActivityPresence>,
    /// Every finding, with the options that have it.
    pub findings: Vec<FindingPresence>,
    /// Ids of the activities every option has.
    pub activities_in_all: Vec<String>,
    /// Keys of the findings every option has.
    pub findings_in_all: Vec<FindingKey>,
    /// Per rule, its count in each option.
    pub rules: Vec<RuleCountReport>,
}

/// The JSON form of a comparison.
pub fn compare_report(path: &str, c: &Comparison) -> CompareReport {
    let ids: Vec<String> = c.columns.iter().map(|k| k.id.to_string()).collect();
    let in_options = |presence: &[Option<usize>]| -> Vec<String> {
        presence
            .iter()
            .zip(&ids)
            .filter(|(p, _)| p.is_some())
            .map(|(_, id)| id.clone())
            .collect()
    };
    CompareReport {
        path: path.to_owned(),
        at: c.lens.at.map(|m| m.to_string()),
        options: c
            .columns
            .iter()
            .enumerate()
            .map(|(i, k)| ColumnReport {
                id: k.id.to_string(),
                name: k.name.clone(),
                findings: k.findings.len(),
                open: k.open,
                activities: k.counts.iter().sum(),
                quadrants: quadrants(k.counts),
                empty_quadrants: k.empty_quadrants.iter().map(|q| q.label()).collect(),
                mission_changes: k.mission_changes.clone(),
                only_activities: c.activities_only_in(i).map(|r| r.id.to_string()).collect(),
                only_findings: c.findings_only_in(i).map(|r| r.key.clone()).collect(),
            })
            .collect(),
        activities: c
            .activities
            .iter()
            .map(|r| ActivityPresence {
                id: r.id.to_string(),
                title: r.title.clone(),
                in_options: in_options(&r.presence),
                changed: r.changed,
            })
            .collect(),
        findings: c
            .findings
            .iter()
            .map(|r| FindingPresence {
                rule: r.rule,
                key: r.key.clone(),
                message: r.sentence(c),
                in_options: in_options(&r.presence),
            })
            .collect(),
        activities_in_all: c.activities_in_all().map(|r| r.id.to_string()).collect(),
        findings_in_all: c.findings_in_all().map(|r| r.key.clone()).collect(),
        rules: c
            .rules
            .iter()
            .map(|r| RuleCountReport {
                rule: r.rule,
                counts: r.counts.clone(),
            })
            .collect(),
    }
}

/// Runs `compare`: exit 0; 2 when the file cannot be read or an option is unknown (the
/// message lists the names).
pub fn compare_cmd(
    file: &Path,
    list: Option<&str>,
    lens: &Lens,
    json: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let s = match load(file) {
        Ok(s) => s,
        Err(e) => return fail(err, &e.to_string()),
    };
    let shown = file.display().to_string();
    let ids = match resolve_options(&s, list) {
        Ok(ids) => ids,
        Err(e) => return fail(err, &format!("{shown}: {e}")),
    };
    let c = match compare(&s, &ids, lens) {
        Ok(c) => c,
        Err(e) => return fail(err, &format!("{shown}: {e}")),
    };
    let r = compare_report(&shown, &c);
    let written = if json {
        serde_json::to_string_pretty(&r)
            .map_err(std::io::Error::from)
            .and_then(|t| writeln!(out, "{t}"))
    } else {
        write_compare(&r, &c, out)
    };
    finish(written.and_then(|()| out.flush()), EXIT_VALID, err)
}

fn write_compare(r: &CompareReport, c: &Comparison, out: &mut dyn Write) -> std::io::Result<()> {
    let when =
        r.at.as_deref()
            .map_or("all time".to_owned(), |m| format!("as of {m}"));
    let names: Vec<&str> = r.options.iter().map(|o| o.name.as_str()).collect();
    safe_line!(out, "{}: comparing {} ({when})", r.path, names.join(" | "))?;
    for (i, o) in r.options.iter().enumerate() {
        let k = &c.columns[i];
        safe_line!(
            out,
            "  {} ({}): {} activities, {} finding(s), {} open",
            o.name,
            o.id,
            o.activities,
            o.findings,
            o.open
        )?;
        safe_line!(out, "      quadrants: {}", counts_text(k.counts))?;
        if !o.empty_quadrants.is_empty() {
            safe_line!(out, "      empty: {}", o.empty_quadrants.join(", "))?;
        }
        for m in &o.mission_changes {
            safe_line!(out, "      mission: {m}")?;
        }
    }
    for (i, o) in r.options.iter().enumerate() {
        let only: Vec<_> = c.activities_only_in(i).collect();
        safe_line!(out, "  activities only in {} ({}):", o.name, only.len())?;
        for a in only {
            safe_line!(out, "    - {} ({})", a.title, a.id)?;
        }
    }
    let all: Vec<_> = c.activities_in_all().collect();
    let changed = all.iter().filter(|a| a.changed).count();
    safe_line!(
        out,
        "  activities in all: {} ({changed} changed between options)",
        all.len()
    )?;
    for a in all.iter().filter(|a| a.changed) {
        safe_line!(out, "    ~ {} ({})", a.title, a.id)?;
    }
    for (i, o) in r.options.iter().enumerate() {
        let only: Vec<_> = c.findings_only_in(i).collect();
        safe_line!(out, "  findings only in {} ({}):", o.name, only.len())?;
        for f in only {
            safe_line!(out, "    - [{}] {}", f.rule, f.sentence(c))?;
        }
    }
    let both: Vec<_> = c.findings_in_all().collect();
    safe_line!(out, "  findings in all: {}", both.len())?;
    for f in both {
        safe_line!(out, "    = [{}] {}", f.rule, f.sentence(c))?;
    }
    if r.options.len() > 2 {
        let some = c
            .findings
            .iter()
            .filter(|f| !f.in_all() && f.presence.iter().filter(|p| p.is_some()).count() > 1);
        for f in some {
            let in_: Vec<&str> = f
                .presence
                .iter()
                .zip(&names)
                .filter(|(p, _)| p.is_some())
                .map(|(_, n)| *n)
                .collect();
            safe_line!(
                out,
                "    ± [{}] {} (in {})",
                f.rule,
                f.sentence(c),
                in_.join(", ")
            )?;
        }
    }
    safe_line!(out, "  per rule: {}", names.join(" | "))?;
    for rc in &r.rules {
        let counts: Vec<String> = rc.counts.iter().map(ToString::to_string).collect();
        safe_line!(out, "    {}: {}", rc.rule, counts.join(" | "))?;
    }
    writeln!(out)
}

/// Runs `merge`: the breakout groups' files become options of a copy of the base, written to
/// `output` (which must not exist). Exit 0 written; 1 when a group's base differs (nothing is
/// written; each difference is listed); 2 when a file cannot be read or written.
pub fn merge_cmd(
    base: &Path,
    groups: &[PathBuf],
    output: &Path,
    add_extras: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    if output.exists() {
        return fail(
            err,
            &format!(
                "{}: already exists; merge writes a new file and never replaces one",
                output.display()
            ),
        );
    }
    if output.extension().is_none_or(|e| e != "ron") {
        return fail(
            err,
            &format!("{}: the plenary file must end in .ron", output.display()),
        );
    }
    let s = match load(base) {
        Ok(s) => s,
        Err(e) => return fail(err, &e.to_string()),
    };
    let mut plans = Vec::with_capacity(groups.len());
    for g in groups {
        match load(g) {
            Ok(scenario) => plans.push(GroupPlan {
                name: g
                    .file_stem()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_else(|| g.display().to_string()),
                scenario,
            }),
            Err(e) => return fail(err, &e.to_string()),
        }
    }
    let merged = match merge(&s, &plans, add_extras) {
        Ok(m) => m,
        Err(e) => {
            let _ = writeln!(err, "peaceops: {}", terminal_safe(&e.to_string()));
            if let ImportError::BaseDiffers { differences, .. } = &e {
                for d in differences {
                    let _ = writeln!(err, "  - {}", terminal_safe(&d.to_string()));
                }
            }
            let _ = writeln!(err, "peaceops: nothing was written");
            return EXIT_PROBLEMS;
        }
    };
    if let Err(e) = save(output, &merged.scenario) {
        return fail(err, &e.to_string());
    }
    let written = (|| {
        safe_line!(
            out,
            "{}: {} option(s) from {} and {} group file(s)",
            output.display(),
            merged.scenario.options.len(),
            base.display(),
            groups.len()
        )?;
        for n in &merged.notes {
            safe_line!(out, "  {n}")?;
        }
        Ok(())
    })();
    finish(written, EXIT_VALID, err)
}
