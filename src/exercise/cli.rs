//! The exercise on the command line: `peaceops injects FILE` lists the script with its effects,
//! `peaceops runs FILE` the runs and their decision logs, and `peaceops msel export|import`
//! moves the script to and from a spreadsheet. Text output is made terminal-safe like `check`'s.

use std::io::Write;
use std::path::Path;

use serde::Serialize;

use crate::cli::{EXIT_PROBLEMS, EXIT_UNREADABLE, EXIT_VALID, terminal_safe};
use crate::io::{load, save};
use crate::model::{Effect, Inject, Run, Scenario};

use super::msel;

/// An inject as `injects --json` prints it.
#[derive(Debug, Serialize)]
struct InjectReport<'a> {
    id: &'a str,
    at: Option<String>,
    title: &'a str,
    text: &'a str,
    controller: &'a str,
    controller_notes: &'a str,
    expected_action: &'a str,
    section: Option<&'a str>,
    effects: Vec<String>,
}

/// A run as `runs --json` prints it.
#[derive(Debug, Serialize)]
struct RunReport<'a> {
    id: &'a str,
    name: &'a str,
    started: String,
    ended: Option<String>,
    deliveries: Vec<DeliveryReport<'a>>,
    log: Vec<LogReport<'a>>,
}

#[derive(Debug, Serialize)]
struct DeliveryReport<'a> {
    inject: &'a str,
    state: &'static str,
    when: String,
}

#[derive(Debug, Serialize)]
struct LogReport<'a> {
    when: String,
    at: Option<String>,
    inject: Option<&'a str>,
    kind: &'static str,
    text: &'a str,
    findings: Vec<String>,
    activities: Vec<&'a str>,
}

/// An effect in plain words, naming missions and groups by their acronym or name.
pub fn describe(s: &Scenario, e: &Effect) -> String {
    let mission = |id: &crate::model::MissionId| {
        s.mission(id)
            .map(|m| {
                if m.acronym.is_empty() {
                    m.name.clone()
                } else {
                    m.acronym.clone()
                }
            })
            .unwrap_or_else(|| format!("{id} (missing)"))
    };
    let group = |id: &crate::model::GroupId| {
        s.group(id)
            .map(|g| g.name.clone())
            .unwrap_or_else(|| id.to_string())
    };
    match e {
        Effect::SetConsent(c) => format!("host consent becomes {c}"),
        Effect::SetPoliceTrust(l) => format!("trust in the host police becomes {l}"),
        Effect::SetMinimalSecurity(Some(d)) => format!("minimal security is reached in {d}"),
        Effect::SetMinimalSecurity(None) => "minimal security is lost".to_owned(),
        Effect::EndMission { mission: m, end } => format!("{} ends in {end}", mission(m)),
        Effect::RemoveCapability {
            mission: m,
            capability,
        } => format!("{} loses its {capability}", mission(m)),
        Effect::AddCapability {
            mission: m,
            capability,
        } => format!("{} gains {capability}", mission(m)),
        Effect::HandoverDrops { mission: m, scope } => {
            format!("the handover to {} no longer covers {scope}", mission(m))
        }
        Effect::SetHandoverPlanned {
            mission: m,
            planned: true,
        } => format!("the handover to {} is planned", mission(m)),
        Effect::SetHandoverPlanned {
            mission: m,
            planned: false,
        } => format!("the handover to {} is not planned", mission(m)),
        Effect::SetIntelSharing {
            mission: m,
            with,
            shares,
        } => format!(
            "{} {} intelligence with {}",
            mission(m),
            if *shares { "shares" } else { "stops sharing" },
            mission(with)
        ),
        Effect::SetOversight {
            mission: m,
            oversight,
        } => format!(
            "{} is {}under an oversight mechanism",
            mission(m),
            if *oversight { "" } else { "no longer " }
        ),
        Effect::SetGroupRole { group: g, role } => format!("{} turns {role}", group(g)),
        Effect::SetGroupTies {
            group: g,
            ties_to_officials,
        } => format!(
            "{} {} ties to officials",
            group(g),
            if *ties_to_officials { "has" } else { "has no" }
        ),
        Effect::SetGroupApproach { group: g, approach } => {
            format!("the approach to {} becomes {approach}", group(g))
        }
        Effect::AddGroup(g) => format!("a new group appears: {}", g.name),
    }
}

fn load_or_report(path: &Path, err: &mut dyn Write) -> Option<Scenario> {
    match load(path) {
        Ok(s) => Some(s),
        Err(e) => {
            let _ = writeln!(err, "peaceops: {}", terminal_safe(&e.to_string()));
            None
        }
    }
}

/// `peaceops injects FILE [--json]`: the exercise script, in order, with each inject's effects.
pub fn injects(path: &Path, json: bool, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let Some(s) = load_or_report(path, err) else {
        return EXIT_UNREADABLE;
    };
    let written = if json {
        let list: Vec<InjectReport<'_>> = s.injects.iter().map(|i| inject_report(&s, i)).collect();
        serde_json::to_string_pretty(&list)
            .map_err(std::io::Error::from)
            .and_then(|t| writeln!(out, "{t}"))
    } else {
        write_injects(&s, out)
    };
    finish(written, err)
}

fn inject_report<'a>(s: &Scenario, i: &'a Inject) -> InjectReport<'a> {
    InjectReport {
        id: i.id.as_str(),
        at: i.at.map(|d| d.to_string()),
        title: &i.title,
        text: &i.text,
        controller: &i.controller,
        controller_notes: &i.controller_notes,
        expected_action: &i.expected_action,
        section: i.section.as_deref(),
        effects: i.effects.iter().map(|e| describe(s, e)).collect(),
    }
}

fn write_injects(s: &Scenario, out: &mut dyn Write) -> std::io::Result<()> {
    let t = |x: &str| terminal_safe(x).into_owned();
    writeln!(
        out,
        "{}: {} inject{}",
        t(&s.title),
        s.injects.len(),
        if s.injects.len() == 1 { "" } else { "s" }
    )?;
    for (n, i) in s.injects.iter().enumerate() {
        let when = i.at.map_or_else(
            || "when the facilitator chooses".to_owned(),
            |d| d.to_string(),
        );
        let section = i
            .section
            .as_deref()
            .map(|x| format!(" ({})", t(x)))
            .unwrap_or_default();
        writeln!(
            out,
            "\n{}. [{}] {}{section}\n   {when}",
            n + 1,
            t(i.id.as_str()),
            t(&i.title)
        )?;
        if !i.text.is_empty() {
            writeln!(out, "   To the room: {}", t(&i.text))?;
        }
        if !i.expected_action.is_empty() {
            writeln!(out, "   Expected action: {}", t(&i.expected_action))?;
        }
        if !i.controller_notes.is_empty() {
            writeln!(out, "   Controller notes: {}", t(&i.controller_notes))?;
        }
        for e in &i.effects {
            writeln!(out, "   - {}", t(&describe(s, e)))?;
        }
    }
    Ok(())
}

/// `peaceops runs FILE [--json]`: the runs of the exercise and their decision logs.
pub fn runs(path: &Path, json: bool, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let Some(s) = load_or_report(path, err) else {
        return EXIT_UNREADABLE;
    };
    let written = if json {
        let list: Vec<RunReport<'_>> = s.runs.iter().map(run_report).collect();
        serde_json::to_string_pretty(&list)
            .map_err(std::io::Error::from)
            .and_then(|t| writeln!(out, "{t}"))
    } else {
        write_runs(&s, out)
    };
    finish(written, err)
}

fn run_report(r: &Run) -> RunReport<'_> {
    RunReport {
        id: r.id.as_str(),
        name: &r.name,
        started: r.started.to_string(),
        ended: r.ended.map(|e| e.to_string()),
        deliveries: r
            .deliveries
            .iter()
            .map(|d| DeliveryReport {
                inject: d.inject.as_str(),
                state: d.state.label(),
                when: d.when.to_string(),
            })
            .collect(),
        log: r
            .log
            .iter()
            .map(|e| LogReport {
                when: e.when.to_string(),
                at: e.at.map(|d| d.to_string()),
                inject: e.inject.as_ref().map(|i| i.as_str()),
                kind: e.kind.label(),
                text: &e.text,
                findings: e
                    .findings
                    .iter()
                    .map(|k| format!("{}:{}", k.rule, k.entities.join(",")))
                    .collect(),
                activities: e.activities.iter().map(|a| a.as_str()).collect(),
            })
            .collect(),
    }
}

fn write_runs(s: &Scenario, out: &mut dyn Write) -> std::io::Result<()> {
    let t = |x: &str| terminal_safe(x).into_owned();
    writeln!(
        out,
        "{}: {} run{}",
        t(&s.title),
        s.runs.len(),
        if s.runs.len() == 1 { "" } else { "s" }
    )?;
    for r in &s.runs {
        let wash = super::hot_wash(s, r);
        let ended = r
            .ended
            .map_or_else(|| "still open".to_owned(), |e| format!("ended {e}"));
        writeln!(
            out,
            "\n[{}] {}: started {}, {ended}",
            t(r.id.as_str()),
            t(&r.name),
            r.started
        )?;
        writeln!(
            out,
            "   {} delivered, {} skipped; {} strength{}, {} area{} for improvement",
            wash.delivered,
            wash.skipped,
            wash.strengths.len(),
            if wash.strengths.len() == 1 { "" } else { "s" },
            wash.improvements.len(),
            if wash.improvements.len() == 1 {
                ""
            } else {
                "s"
            },
        )?;
        for e in &wash.unlinked {
            write_entry(e, out)?;
        }
        for step in &wash.steps {
            let d = step.delivery;
            let title = step
                .inject
                .map_or("(no longer in the script)", |i| i.title.as_str());
            writeln!(
                out,
                "   {} {} [{}] {}",
                d.when,
                d.state,
                t(d.inject.as_str()),
                t(title)
            )?;
            for (k, m) in &step.raised {
                writeln!(out, "      raises {}: {}", t(&k.rule), t(m))?;
            }
            for (k, m) in &step.cleared {
                writeln!(out, "      clears {}: {}", t(&k.rule), t(m))?;
            }
            for e in &step.log {
                write_entry(e, out)?;
            }
        }
        if let Some(e) = &wash.stopped {
            writeln!(out, "   replay stopped: {}", t(&e.to_string()))?;
        }
    }
    Ok(())
}

fn write_entry(e: &crate::model::LogEntry, out: &mut dyn Write) -> std::io::Result<()> {
    let at = e.at.map(|d| format!(", as of {d}")).unwrap_or_default();
    writeln!(
        out,
        "      {} {}{at}: {}",
        e.when,
        e.kind,
        terminal_safe(&e.text)
    )
}

/// `peaceops msel export FILE OUT.csv`: writes the script as a spreadsheet. Refuses to write over
/// a scenario file.
pub fn msel_export(path: &Path, to: &Path, err: &mut dyn Write) -> u8 {
    let Some(s) = load_or_report(path, err) else {
        return EXIT_UNREADABLE;
    };
    if to
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("ron"))
    {
        let _ = writeln!(
            err,
            "peaceops: {} ends in .ron; an MSEL is written as .csv, never over a scenario",
            terminal_safe(&to.display().to_string())
        );
        return EXIT_UNREADABLE;
    }
    let bytes = match msel::export(&s) {
        Ok(b) => b,
        Err(e) => {
            let _ = writeln!(err, "peaceops: {}", terminal_safe(&e.to_string()));
            return EXIT_UNREADABLE;
        }
    };
    match crate::io::write_atomic(to, &bytes) {
        Ok(()) => EXIT_VALID,
        Err(e) => {
            let _ = writeln!(
                err,
                "peaceops: cannot write {}: {}",
                terminal_safe(&to.display().to_string()),
                terminal_safe(&e.to_string())
            );
            EXIT_UNREADABLE
        }
    }
}

/// `peaceops msel import FILE MSEL.csv OUT.ron`: the scenario with its script replaced by the
/// spreadsheet's, saved as a new file (never over the original, never over an existing file).
pub fn msel_import(path: &Path, csv: &Path, to: &Path, err: &mut dyn Write) -> u8 {
    let shown = |p: &Path| terminal_safe(&p.display().to_string()).into_owned();
    let Some(mut s) = load_or_report(path, err) else {
        return EXIT_UNREADABLE;
    };
    if to.exists() {
        let _ = writeln!(
            err,
            "peaceops: {} exists; give a new file name for the scenario with the imported MSEL",
            shown(to)
        );
        return EXIT_UNREADABLE;
    }
    let bytes = match crate::io::read_bounded(csv) {
        Ok(b) => b,
        Err(e) => {
            let _ = writeln!(err, "peaceops: {}", terminal_safe(&e.to_string()));
            return EXIT_UNREADABLE;
        }
    };
    match msel::import(&bytes, &s) {
        Ok(injects) => s.injects = injects,
        Err(e) => {
            let _ = writeln!(
                err,
                "peaceops: {}: {}",
                shown(csv),
                terminal_safe(&e.to_string())
            );
            return EXIT_PROBLEMS;
        }
    }
    match save(to, &s) {
        Ok(()) => EXIT_VALID,
        Err(e) => {
            let _ = writeln!(err, "peaceops: {}", terminal_safe(&e.to_string()));
            EXIT_UNREADABLE
        }
    }
}

fn finish(written: std::io::Result<()>, err: &mut dyn Write) -> u8 {
    match written {
        Ok(()) => EXIT_VALID,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => EXIT_VALID,
        Err(e) => {
            let _ = writeln!(err, "peaceops: cannot write: {e}");
            EXIT_UNREADABLE
        }
    }
}
