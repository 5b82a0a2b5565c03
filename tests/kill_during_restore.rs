//! Fault test: a session restoring a recovery copy is killed (SIGKILL) at random moments, at least
//! 100 times; after every kill the unsaved work must still be in a recovery copy that the next
//! start offers and that loads whole — the old copy, or the new session's, never neither.
//!
//! A custom harness (`harness = false`): the same binary is the restoring session (through the
//! UI-free `session` API the window uses) when started with `--restore RECOVERY_DIR`, and the test
//! when started without.

#![expect(
    clippy::print_stdout,
    reason = "a custom test harness reports its result on standard output"
)]

use std::io::{Read, Write};
use std::path::Path;
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

use peaceops::io::{RecoveryStore, Snapshot};
use peaceops::model::Scenario;
use peaceops::session::Session;
use peaceops::synthetic::{Rng, Size, scenario};

const KILLS: usize = 100;

/// The child: start a session, say so, restore the first copy offered, then idle until killed.
fn restore(dir: &Path) -> ExitCode {
    let mut session = Session::new(Some(dir.to_owned()));
    let mut out = std::io::stdout();
    if out
        .write_all(b"ready\n")
        .and_then(|()| out.flush())
        .is_err()
    {
        return ExitCode::FAILURE;
    }
    let found = session.scan_recovery().found;
    let Some(first) = found.first() else {
        eprintln!("child: no recovery copy offered");
        return ExitCode::FAILURE;
    };
    if let Err(e) = session.restore(first) {
        eprintln!("child: {e}");
        return ExitCode::FAILURE;
    }
    let _ = out.write_all(b"restored\n").and_then(|()| out.flush());
    loop {
        std::thread::sleep(Duration::from_secs(1));
    }
}

fn work() -> Scenario {
    let mut s = scenario(
        Size {
            activities: 400,
            missions: 12,
            groups: 20,
        },
        7,
    );
    s.title = "Unsaved work of the morning".into();
    s
}

/// Leaves a copy of `work` as a session that died would; returns the copy's file.
fn leave_copy(dir: &Path, work: &Scenario) -> Result<std::path::PathBuf, String> {
    let store = RecoveryStore::new(dir.to_owned());
    store
        .write(&Snapshot::now(work.clone(), None, "morning.ron".into()))
        .map_err(|e| e.to_string())?;
    // The store drops here: its lock goes, as a dead process's would.
    Ok(store.own_file())
}

fn run() -> Result<String, String> {
    let data = tempfile::tempdir().map_err(|e| e.to_string())?;
    let dir = data.path().join("recovery");
    let work = work();
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;

    // How long a restore takes here: kills are spread over about twice that.
    leave_copy(&dir, &work)?;
    let timing = Instant::now();
    {
        let mut s = Session::new(Some(dir.clone()));
        let found = s.scan_recovery().found;
        s.restore(found.first().ok_or("no copy to time")?)
            .map_err(|e| e.to_string())?;
    }
    let restore_micros = timing.elapsed().as_micros().max(1) as usize;
    let _ = std::fs::remove_dir_all(&dir);

    let mut rng = Rng::new(15);
    let (mut before, mut after, mut both) = (0, 0, 0);
    let started = Instant::now();
    for i in 0..KILLS {
        let old = leave_copy(&dir, &work)?;
        let mut child = Command::new(&exe)
            .arg("--restore")
            .arg(&dir)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| format!("cannot start the restoring session: {e}"))?;
        if let Some(out) = child.stdout.as_mut() {
            let mut ready = [0u8; 6];
            out.read_exact(&mut ready)
                .map_err(|e| format!("kill {i}: the session did not start: {e}"))?;
        }
        std::thread::sleep(Duration::from_micros(rng.below(2 * restore_micros) as u64));
        if let Ok(Some(status)) = child.try_wait() {
            let mut err = String::new();
            if let Some(mut e) = child.stderr.take() {
                let _ = e.read_to_string(&mut err);
            }
            return Err(format!(
                "kill {i}: the session stopped by itself ({status}): {err}"
            ));
        }
        child.kill().map_err(|e| e.to_string())?;
        child.wait().map_err(|e| e.to_string())?;

        // The next start: the work must be offered, and load whole.
        let next = RecoveryStore::new(dir.clone());
        let scan = next.scan();
        if !scan.set_aside.is_empty() {
            return Err(format!(
                "kill {i}: a copy was cut: {:?}",
                scan.set_aside
                    .iter()
                    .map(|(p, e)| format!("{}: {e}", p.display()))
                    .collect::<Vec<_>>()
            ));
        }
        let copies: Vec<Scenario> = scan
            .found
            .iter()
            .map(|f| RecoveryStore::load(f).map(|s| s.scenario))
            .collect::<Result<_, _>>()
            .map_err(|e| format!("kill {i}: {e}"))?;
        if copies.is_empty() {
            return Err(format!(
                "kill {i}: the work was lost: no recovery copy left"
            ));
        }
        if copies.iter().any(|c| c != &work) {
            return Err(format!(
                "kill {i}: a copy holds something else than the work"
            ));
        }
        match copies.len() {
            1 if scan.found[0].file == old => before += 1,
            1 => after += 1,
            _ => both += 1,
        }
        drop(next);
        std::fs::remove_dir_all(&dir).map_err(|e| e.to_string())?;
    }
    if before == 0 || after + both == 0 {
        return Err(format!(
            "the kills never caught a restore in progress ({before} before, {both} during, {after} after): the test proves nothing"
        ));
    }
    Ok(format!(
        "{KILLS} kills in {:.1} s (one restore takes {:.1} ms): the work was always in a whole copy ({before} times only the old one, {both} times both, {after} times only the new session's)",
        started.elapsed().as_secs_f64(),
        restore_micros as f64 / 1000.0,
    ))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some("--restore")
        && let [_, _, dir] = args.as_slice()
    {
        return restore(Path::new(dir));
    }
    if args.iter().any(|a| a == "--list") {
        println!("kill_during_restore: test");
        return ExitCode::SUCCESS;
    }
    match run() {
        Ok(report) => {
            println!("kill_during_restore: {report}");
            println!("test result: ok. 1 passed; 0 failed");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("kill_during_restore: FAILED: {e}");
            println!("test result: FAILED. 0 passed; 1 failed");
            ExitCode::FAILURE
        }
    }
}
