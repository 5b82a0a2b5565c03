//! Fault test: a process saving a scenario is killed (SIGKILL) at random moments, at least 200
//! times; after every kill the file must hold, byte for byte, either the version before that save
//! or the version it was saving — never a mix, never a cut-off file — and must load.
//!
//! A custom harness (`harness = false`): the same binary is the saving child when started with
//! `--save-loop TARGET A B`, and the test when started without.

#![expect(
    clippy::print_stdout,
    reason = "a custom test harness reports its result on standard output"
)]

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

use peaceops::io::{backup_path, load, save, to_ron};
use peaceops::model::Scenario;
use peaceops::synthetic::{Rng, Size, scenario};

const KILLS: usize = 200;

/// The child: save A and B over the target, alternately, until killed.
fn save_loop(target: &Path, a: &Path, b: &Path) -> ExitCode {
    let (Ok(a), Ok(b)) = (load(a), load(b)) else {
        eprintln!("child: cannot read the versions to save");
        return ExitCode::FAILURE;
    };
    // Tell the parent the saving starts now.
    {
        use std::io::Write;
        let mut out = std::io::stdout();
        if out
            .write_all(b"ready\n")
            .and_then(|()| out.flush())
            .is_err()
        {
            return ExitCode::FAILURE;
        }
    }
    loop {
        for s in [&b, &a] {
            if let Err(e) = save(target, s) {
                eprintln!("child: {e}");
                return ExitCode::FAILURE;
            }
        }
    }
}

fn versions() -> (Scenario, Scenario) {
    let size = Size {
        activities: 400,
        missions: 12,
        groups: 20,
    };
    (scenario(size, 11), scenario(size, 12))
}

fn stray_temp_files(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .map(|d| {
            d.filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "tmp"))
                .collect()
        })
        .unwrap_or_default()
}

fn run() -> Result<String, String> {
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let (a, b) = versions();
    let text_a = to_ron(&a).map_err(|e| e.to_string())?;
    let text_b = to_ron(&b).map_err(|e| e.to_string())?;
    let (file_a, file_b) = (dir.path().join("a.ron"), dir.path().join("b.ron"));
    std::fs::write(&file_a, &text_a).map_err(|e| e.to_string())?;
    std::fs::write(&file_b, &text_b).map_err(|e| e.to_string())?;
    let target = dir.path().join("work").join("scenario.ron");
    std::fs::create_dir_all(target.parent().ok_or("no folder")?).map_err(|e| e.to_string())?;
    std::fs::write(&target, &text_a).map_err(|e| e.to_string())?;

    // How long one save takes here: kills are spread over about three of them.
    let timing = Instant::now();
    save(&dir.path().join("timing.ron"), &b).map_err(|e| e.to_string())?;
    let save_micros = timing.elapsed().as_micros().max(1) as usize;

    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let mut rng = Rng::new(2026);
    let mut mid_write = 0;
    let mut saw_b = 0;
    let started = Instant::now();
    for i in 0..KILLS {
        let mut child = Command::new(&exe)
            .arg("--save-loop")
            .args([&target, &file_a, &file_b])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| format!("cannot start the saving child: {e}"))?;
        // Wait until it has loaded its versions, then kill it somewhere in its next saves.
        if let Some(out) = child.stdout.as_mut() {
            use std::io::Read;
            let mut ready = [0u8; 6];
            out.read_exact(&mut ready)
                .map_err(|e| format!("kill {i}: the child did not start saving: {e}"))?;
        }
        std::thread::sleep(Duration::from_micros(rng.below(3 * save_micros) as u64));
        if let Ok(Some(status)) = child.try_wait() {
            let mut err = String::new();
            if let Some(mut e) = child.stderr.take() {
                use std::io::Read;
                let _ = e.read_to_string(&mut err);
            }
            return Err(format!(
                "kill {i}: the child stopped by itself ({status}): {err}"
            ));
        }
        child.kill().map_err(|e| e.to_string())?;
        child.wait().map_err(|e| e.to_string())?;

        let now = std::fs::read_to_string(&target)
            .map_err(|e| format!("kill {i}: the target cannot be read: {e}"))?;
        if now == text_b {
            saw_b += 1;
        } else if now != text_a {
            return Err(format!(
                "kill {i}: the target is neither version ({} bytes; versions are {} and {})",
                now.len(),
                text_a.len(),
                text_b.len()
            ));
        }
        let bak = std::fs::read_to_string(backup_path(&target)).unwrap_or_default();
        if !bak.is_empty() && bak != text_a && bak != text_b {
            return Err(format!(
                "kill {i}: the .bak is neither version ({} bytes)",
                bak.len()
            ));
        }
        // Every tenth time, load it as PeaceOps would.
        if i % 10 == 0 {
            let loaded = load(&target).map_err(|e| format!("kill {i}: {e}"))?;
            if loaded != a && loaded != b {
                return Err(format!("kill {i}: loads as neither version"));
            }
        }
        let strays = stray_temp_files(target.parent().ok_or("no folder")?);
        if !strays.is_empty() {
            mid_write += 1;
            for s in strays {
                let _ = std::fs::remove_file(s);
            }
        }
        // Start the next round from version A, so every kill can catch a change.
        std::fs::write(&target, &text_a).map_err(|e| e.to_string())?;
    }
    if saw_b == 0 || mid_write == 0 {
        return Err(format!(
            "the kills never caught a save in progress ({saw_b} new versions, {mid_write} mid-write): the test proves nothing"
        ));
    }
    Ok(format!(
        "{KILLS} kills in {:.1} s (one save takes {:.1} ms): the file was always whole ({saw_b} times the new version, {} times the old); {mid_write} kills landed mid-write (a temporary file was left behind)",
        started.elapsed().as_secs_f64(),
        save_micros as f64 / 1000.0,
        KILLS - saw_b
    ))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some("--save-loop")
        && let [_, _, target, a, b] = args.as_slice()
    {
        return save_loop(Path::new(target), Path::new(a), Path::new(b));
    }
    // `cargo test -- --list` and filters: this binary has one test.
    if args.iter().any(|a| a == "--list") {
        println!("kill_during_save: test");
        return ExitCode::SUCCESS;
    }
    match run() {
        Ok(report) => {
            println!("kill_during_save: {report}");
            println!("test result: ok. 1 passed; 0 failed");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("kill_during_save: FAILED: {e}");
            println!("test result: FAILED. 0 passed; 1 failed");
            ExitCode::FAILURE
        }
    }
}
