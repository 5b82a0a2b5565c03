//! The `peaceops` program: `peaceops [FILE]` opens the window, `peaceops check FILE...` checks files.

use std::process::ExitCode;

use clap::Parser;
use peaceops::cli::{Cli, Command, EXIT_UNREADABLE, check};

/// Many small allocations (parsed files, findings): mimalloc serves them faster than the system's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Check { files, json }) => ExitCode::from(check(
            &files,
            json,
            &mut std::io::stdout(),
            &mut std::io::stderr(),
        )),
        Some(Command::Report {
            file,
            format,
            output,
            delimiter,
            width,
            height,
        }) => ExitCode::from(peaceops::report::run(
            &file,
            format,
            output.as_deref(),
            &peaceops::report::Options {
                delimiter,
                size: peaceops::report::svg::Size { width, height },
            },
            &mut std::io::stdout(),
            &mut std::io::stderr(),
        )),
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
