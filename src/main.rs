//! The `peaceops` program: `peaceops [FILE]` opens the window, `peaceops check FILE...` checks
//! files, `peaceops timeline FILE` lists a scenario's timeline.

use std::process::ExitCode;

use clap::Parser;
use peaceops::cli::{
    Cli, Command, EXIT_UNREADABLE, EXIT_USAGE, MselCommand, check_option, compare_cmd,
    lens_from_arg, merge_cmd, options, timeline,
};
use peaceops::exercise::cli as exercise;

/// Many small allocations (parsed files, findings): mimalloc serves them faster than the system's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Check {
            files,
            json,
            at,
            after,
            option,
        }) => match lens_from_arg(at.as_deref()) {
            Ok(lens) => ExitCode::from(check_option(
                &files,
                json,
                &lens,
                after.as_deref(),
                option.as_deref(),
                &mut std::io::stdout(),
                &mut std::io::stderr(),
            )),
            Err(message) => {
                eprintln!("{message}");
                ExitCode::from(EXIT_USAGE)
            }
        },
        Some(Command::Options { file, json }) => ExitCode::from(options(
            &file,
            json,
            &mut std::io::stdout(),
            &mut std::io::stderr(),
        )),
        Some(Command::Compare {
            file,
            options,
            json,
            at,
        }) => match lens_from_arg(at.as_deref()) {
            Ok(lens) => ExitCode::from(compare_cmd(
                &file,
                options.as_deref(),
                &lens,
                json,
                &mut std::io::stdout(),
                &mut std::io::stderr(),
            )),
            Err(message) => {
                eprintln!("{message}");
                ExitCode::from(EXIT_USAGE)
            }
        },
        Some(Command::Merge {
            base,
            groups,
            output,
            add_extras,
        }) => ExitCode::from(merge_cmd(
            &base,
            &groups,
            &output,
            add_extras,
            &mut std::io::stdout(),
            &mut std::io::stderr(),
        )),
        Some(Command::Timeline { file, json }) => ExitCode::from(timeline(
            &file,
            json,
            &mut std::io::stdout(),
            &mut std::io::stderr(),
        )),
        Some(Command::Injects { file, json }) => ExitCode::from(exercise::injects(
            &file,
            json,
            &mut std::io::stdout(),
            &mut std::io::stderr(),
        )),
        Some(Command::Runs { file, json }) => ExitCode::from(exercise::runs(
            &file,
            json,
            &mut std::io::stdout(),
            &mut std::io::stderr(),
        )),
        Some(Command::Msel(MselCommand::Export { file, csv })) => {
            ExitCode::from(exercise::msel_export(&file, &csv, &mut std::io::stderr()))
        }
        Some(Command::Msel(MselCommand::Import { file, csv, output })) => ExitCode::from(
            exercise::msel_import(&file, &csv, &output, &mut std::io::stderr()),
        ),
        Some(Command::Report {
            file,
            format,
            output,
            delimiter,
            width,
            height,
            at,
            after,
            scale,
            run,
            option,
        }) => match lens_from_arg(at.as_deref()) {
            Ok(lens) => ExitCode::from(peaceops::report::run(
                &file,
                format,
                output.as_deref(),
                &peaceops::report::Options {
                    delimiter,
                    size: peaceops::report::svg::Size { width, height },
                    at: lens.at,
                    scale,
                    after,
                    run,
                    option,
                },
                &mut std::io::stdout(),
                &mut std::io::stderr(),
            )),
            Err(message) => {
                eprintln!("{message}");
                ExitCode::from(EXIT_USAGE)
            }
        },
        None => open_window(cli.file),
    }
}

#[cfg(feature = "gui")]
fn open_window(file: Option<std::path::PathBuf>) -> ExitCode {
    match peaceops::app::run(file) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("peaceops: cannot open the window: {e}");
            ExitCode::from(EXIT_UNREADABLE)
        }
    }
}

#[cfg(not(feature = "gui"))]
fn open_window(_file: Option<std::path::PathBuf>) -> ExitCode {
    eprintln!(
        "peaceops: this build has no window (built without the `gui` feature); use `peaceops check FILE...`"
    );
    ExitCode::from(EXIT_UNREADABLE)
}
