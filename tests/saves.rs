//! Saving over what is already there (issue 15): read-only files, symlinks whose target does not
//! exist yet, hard links, saves PeaceOps could not reopen, and two processes saving one file at
//! once. The special files are made here, never committed.

#![expect(
    clippy::unwrap_used,
    reason = "tests: a failed unwrap or a panic is a failed test"
)]

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use peaceops::io::{self, MAX_FILE_BYTES, SaveError, backup_path, load, save, to_ron};
use peaceops::model::Scenario;
use peaceops::synthetic::{Size, scenario};

fn listing(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn a_read_only_file_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("protected.ron");
    save(&path, &Scenario::new("before")).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    let before = std::fs::read(&path).unwrap();
    let e = save(&path, &Scenario::new("after")).expect_err("a read-only file is not replaced");
    assert!(matches!(e, SaveError::ReadOnly { .. }), "{e:?}");
    let message = e.to_string();
    assert!(
        message.contains("read-only") && message.contains("Save as"),
        "{message}"
    );
    assert!(message.contains("protected.ron"), "{message}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert_eq!(
        std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o444
    );
    assert_eq!(
        listing(dir.path()),
        ["protected.ron"],
        "no backup, no temp file"
    );
}

#[test]
fn a_symlink_to_a_file_not_yet_there_stays_a_link() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("real").join("scenario.ron");
    std::fs::create_dir(target.parent().unwrap()).unwrap();
    let link = dir.path().join("link.ron");
    // A relative link, as people make them.
    std::os::unix::fs::symlink("real/scenario.ron", &link).unwrap();
    assert!(!target.exists());
    let s = Scenario::new("through the link");
    save(&link, &s).unwrap();
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink(),
        "the link is still a link"
    );
    assert_eq!(load(&target).unwrap(), s, "the target was written");
    // A chain of links, the last one dangling.
    let chain = dir.path().join("chain.ron");
    std::os::unix::fs::symlink(&link, &chain).unwrap();
    std::fs::remove_file(&target).unwrap();
    save(&chain, &s).unwrap();
    assert!(
        std::fs::symlink_metadata(&chain)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(load(&target).unwrap(), s);
}

#[test]
fn a_hard_linked_file_keeps_its_other_names() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("scenario.ron");
    let other = dir.path().join("other-name.ron");
    let old = Scenario::new("old");
    save(&path, &old).unwrap();
    std::fs::hard_link(&path, &other).unwrap();
    let new = Scenario::new("new");
    save(&path, &new).unwrap();
    assert_eq!(load(&path).unwrap(), new);
    assert_eq!(load(&other).unwrap(), new, "the other name sees the save");
    let (a, b) = (
        std::fs::metadata(&path).unwrap(),
        std::fs::metadata(&other).unwrap(),
    );
    assert_eq!(a.ino(), b.ino(), "still one file");
    assert_eq!(load(&backup_path(&path)).unwrap(), old, "a whole backup");
    assert_eq!(
        std::fs::metadata(backup_path(&path)).unwrap().nlink(),
        1,
        "the backup is a copy, not a third name of the file"
    );
}

#[test]
fn a_save_too_large_to_reopen_is_refused_before_writing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.ron");
    save(&path, &Scenario::new("small")).unwrap();
    let before = std::fs::read(&path).unwrap();
    let mut big = Scenario::new("big");
    big.description = "x".repeat(usize::try_from(MAX_FILE_BYTES).unwrap());
    let e = save(&path, &big).expect_err("over the cap");
    assert!(matches!(e, SaveError::TooLarge { .. }), "{e:?}");
    assert!(e.to_string().contains("64 MiB"), "{e}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert_eq!(listing(dir.path()), ["big.ron"], "no backup, no temp file");
    // Just under the cap is saved, and opens again.
    big.description
        .truncate(usize::try_from(MAX_FILE_BYTES).unwrap() - 4096);
    save(&path, &big).unwrap();
    assert!(std::fs::metadata(&path).unwrap().len() <= MAX_FILE_BYTES);
    assert_eq!(
        load(&path).unwrap().description.len(),
        big.description.len()
    );
}

const LOOP_ENV: &str = "PEACEOPS_TEST_SAVE_LOOP";

/// Not a test by itself: the child of `two_processes_saving_one_file`, which runs this binary
/// filtered to this function with `PEACEOPS_TEST_SAVE_LOOP=TARGET|A|B|SECONDS` set.
#[test]
fn save_loop_child() {
    let Ok(spec) = std::env::var(LOOP_ENV) else {
        return;
    };
    let parts: Vec<&str> = spec.split('|').collect();
    let [target, a, b, secs] = parts.as_slice() else {
        panic!("bad {LOOP_ENV}: {spec}");
    };
    let (a, b) = (load(Path::new(a)).unwrap(), load(Path::new(b)).unwrap());
    let until = Instant::now() + Duration::from_secs_f64(secs.parse().unwrap());
    let mut n = 0;
    while Instant::now() < until {
        for s in [&a, &b] {
            save(Path::new(target), s).unwrap_or_else(|e| panic!("save {n}: {e}"));
            n += 1;
        }
    }
}

#[test]
fn two_processes_saving_one_file_leave_a_whole_file_and_a_whole_backup() {
    let dir = tempfile::tempdir().unwrap();
    let size = Size {
        activities: 300,
        missions: 10,
        groups: 12,
    };
    let versions: Vec<Scenario> = (1..=4).map(|seed| scenario(size, seed)).collect();
    let texts: Vec<String> = versions.iter().map(|s| to_ron(s).unwrap()).collect();
    let files: Vec<PathBuf> = (0..4)
        .map(|i| dir.path().join(format!("v{i}.ron")))
        .collect();
    for (f, t) in files.iter().zip(&texts) {
        std::fs::write(f, t).unwrap();
    }
    let target = dir.path().join("work").join("shared.ron");
    std::fs::create_dir(target.parent().unwrap()).unwrap();
    std::fs::write(&target, &texts[0]).unwrap();
    let exe = std::env::current_exe().unwrap();
    let mut children: Vec<_> = [(0, 1), (2, 3)]
        .iter()
        .map(|&(a, b)| {
            Command::new(&exe)
                .args([
                    "--exact",
                    "save_loop_child",
                    "--nocapture",
                    "--test-threads=1",
                ])
                .env(
                    LOOP_ENV,
                    format!(
                        "{}|{}|{}|2.5",
                        target.display(),
                        files[a].display(),
                        files[b].display()
                    ),
                )
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    // While they race, every look at the file and its backup finds one whole version.
    let mut looks = 0;
    let whole = |t: &str| texts.iter().any(|v| v == t);
    while children.iter_mut().any(|c| c.try_wait().unwrap().is_none()) {
        if let Ok(t) = std::fs::read_to_string(&target) {
            assert!(
                whole(&t),
                "look {looks}: the file is not one whole version ({} bytes)",
                t.len()
            );
        }
        if let Ok(t) = std::fs::read_to_string(backup_path(&target)) {
            assert!(whole(&t), "look {looks}: the .bak is not one whole version");
        }
        looks += 1;
        std::thread::sleep(Duration::from_millis(1));
    }
    for c in children {
        let out = c.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "a saving process failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let end = std::fs::read_to_string(&target).unwrap();
    assert!(whole(&end), "the file ends whole");
    assert!(whole(
        &std::fs::read_to_string(backup_path(&target)).unwrap()
    ));
    assert!(looks > 100, "the test looked only {looks} times");
    // No staging file is left behind by either.
    let left: Vec<String> = listing(target.parent().unwrap())
        .into_iter()
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn a_session_opened_file_changed_on_disk_is_detected_by_its_stamp() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.ron");
    save(&path, &Scenario::new("a")).unwrap();
    let (_, stamp) = io::load_stamped(&path).unwrap();
    assert_eq!(io::DiskStamp::of(&path), Some(stamp));
    // Same size, same second: the replaced file is still told apart.
    save(&path, &Scenario::new("b")).unwrap();
    assert_ne!(io::DiskStamp::of(&path), Some(stamp));
}
