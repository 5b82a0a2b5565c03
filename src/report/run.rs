//! `peaceops report FILE --format F [-o OUT]`: the command-line form of File → Export.

use std::io::Write;
use std::path::Path;

use super::export::{ExportError, Format, Options, check_target, export, render};
use super::markdown::Images;
use super::model::{OptionsBrief, Report, ReportContext};
use crate::cli::{EXIT_PROBLEMS, EXIT_UNREADABLE, EXIT_VALID, all_problems, terminal_safe};
use crate::io::load;
use crate::model::{Catalogue, Problem};
use crate::rules::evaluate;

/// The report of the scenario file at `path` (all time), with its validation problems.
pub fn report_of_file(path: &Path) -> Result<Report, crate::io::LoadError> {
    let scenario = load(path)?;
    let ctx = ReportContext {
        at: None,
        problems: all_problems(&scenario, Catalogue::builtin().ok()),
    };
    let board = scenario.board_scenario();
    let mut r = Report::build(&board, &evaluate(&board), &ctx);
    r.options = OptionsBrief::of(&scenario, scenario.current_option.as_ref(), None);
    Ok(r)
}

/// The report of the scenario file at `path` as of `at` (all time when `None`), after the
/// exercise script's injects up to `after` (`report --at --after`). Validation is of the file
/// as written; the error is one line (a load error, or an inject the script does not have).
pub fn report_of_file_through(
    path: &Path,
    at: Option<crate::model::YearMonth>,
    after: Option<&str>,
) -> Result<Report, String> {
    report_of_option(path, at, after, None)
}

/// [`report_of_file_through`] for one mandate option (by name or id; the current one when
/// `None`; `report --option`). An unknown option is an error naming the options.
pub fn report_of_option(
    path: &Path,
    at: Option<crate::model::YearMonth>,
    after: Option<&str>,
    option: Option<&str>,
) -> Result<Report, String> {
    let file = load(path).map_err(|e| e.to_string())?;
    let problems = all_problems(&file, Catalogue::builtin().ok());
    let named = |e: crate::model::OptionError| format!("{}: {e}", path.display());
    let this = match option {
        None => file.current_option.clone(),
        Some(name) => Some(file.find_option(name).map_err(named)?.id.clone()),
    };
    let brief = OptionsBrief::of(&file, this.as_ref(), at);
    let (scenario, _) = crate::cli::option_board(file, option).map_err(named)?;
    let scenario = match after {
        None => scenario,
        Some(id) => crate::exercise::scenario_after(&scenario, id).map_err(|e| e.to_string())?,
    };
    let lens = crate::lens::Lens { at };
    let ctx = ReportContext { at, problems };
    let mut r = Report::build(
        &scenario,
        &crate::rules::evaluate_at(&scenario, &lens),
        &ctx,
    );
    r.options = brief;
    Ok(r)
}

/// Runs `report`: writes the export to `output` (atomically) or, without one, to `out`; errors
/// go to `err` as one line. Exit status as `check`'s: 0 written from a valid file, 1 written
/// from a file with validation problems (listed in the report), 2 the file could not be read or
/// the export could not be written.
pub fn run(
    file: &Path,
    format: Format,
    output: Option<&Path>,
    opts: &Options,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let fail = |err: &mut dyn Write, message: &str| {
        let _ = writeln!(err, "peaceops: {}", terminal_safe(message));
        EXIT_UNREADABLE
    };
    if let Some(o) = output {
        if let Err(e) = check_target(o) {
            return fail(err, &e.to_string());
        }
        if same_file(file, o) {
            return fail(
                err,
                &ExportError::WouldOverwriteScenario { path: o.to_owned() }.to_string(),
            );
        }
    }
    let mut r = match report_of_option(file, opts.at, opts.after.as_deref(), opts.option.as_deref())
    {
        Ok(r) => r,
        Err(e) => return fail(err, &e),
    };
    if let Some(name) = opts.run.as_deref() {
        let runs: Vec<String> = r
            .exercise
            .iter()
            .flat_map(|e| &e.runs)
            .map(|x| x.name.clone())
            .collect();
        match r.exercise.as_mut() {
            Some(e) if runs.iter().any(|n| n == name) => e.runs.retain(|x| x.name == name),
            _ => {
                let known = if runs.is_empty() {
                    "it has none".to_owned()
                } else {
                    format!("its runs are: {}", runs.join(", "))
                };
                return fail(err, &format!("no exercise run is named {name:?}; {known}"));
            }
        }
    }
    let code = if r.problems.iter().any(Problem::is_error) {
        EXIT_PROBLEMS
    } else {
        EXIT_VALID
    };
    let written = match output {
        Some(o) => export(&r, format, opts, o).map(|_| ()),
        None => render(&r, format, opts, &Images::default()).and_then(|bytes| {
            out.write_all(&bytes)
                .and_then(|()| out.flush())
                .or_else(|e| {
                    // Output closed (piped to `head`): not an error of the export.
                    if e.kind() == std::io::ErrorKind::BrokenPipe {
                        Ok(())
                    } else {
                        Err(e)
                    }
                })
                .map_err(|e| {
                    ExportError::Write(crate::io::SaveError::Io {
                        path: "standard output".into(),
                        step: "writing",
                        source: e,
                    })
                })
        }),
    };
    match written {
        Ok(()) => code,
        Err(e) => fail(err, &e.to_string()),
    }
}

/// Whether two paths name one existing file.
fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}
