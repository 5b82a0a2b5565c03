//! Speed budgets of the domain (release, this 2-core machine):
//! load + validate 1,000 activities ≤ 10 ms and 10,000 ≤ 60 ms (median); durable save of 10,000
//! ≤ 60 ms; all rules on 1,000 activities / 50 missions / 100 groups ≤ 0.2 ms, and on 10,000
//! ≤ 2 ms; `check` of a 100,000-activity file (load, validate, rules, report) ≤ 1 s; validation of
//! a 5,000-mission predecessor chain ≤ 10 ms. Run: `cargo bench --bench domain`.

#![expect(
    clippy::expect_used,
    reason = "a benchmark that cannot set up has nothing to measure"
)]

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use peaceops::io::{load, save};
use peaceops::model::{Catalogue, Mission, MissionId, Scenario, YearMonth, validate};
use peaceops::rules::evaluate;
use peaceops::synthetic::{Size, scenario};

/// The program's allocator (see `main.rs`), so the figures are the program's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const SIZES: [usize; 2] = [1_000, 10_000];

fn size(activities: usize) -> Size {
    Size {
        activities,
        missions: 50,
        groups: 100,
    }
}

fn load_and_validate(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let catalogue = Catalogue::builtin().expect("the built-in catalogue");
    let mut group = c.benchmark_group("load_validate");
    for n in SIZES {
        let path = dir.path().join(format!("{n}.ron"));
        save(&path, &scenario(size(n), 1)).expect("saved");
        group.bench_with_input(BenchmarkId::from_parameter(n), &path, |b, path| {
            b.iter(|| {
                let s = load(black_box(path)).expect("loads");
                black_box(validate(&s, Some(catalogue)))
            });
        });
    }
    group.finish();
}

fn durable_save(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut group = c.benchmark_group("save");
    group.measurement_time(Duration::from_secs(10));
    let s = scenario(size(10_000), 1);
    let path = dir.path().join("saved.ron");
    group.bench_function(BenchmarkId::from_parameter(10_000), |b| {
        b.iter(|| save(black_box(&path), black_box(&s)).expect("saved"));
    });
    group.finish();
}

fn rules(c: &mut Criterion) {
    let mut group = c.benchmark_group("rules");
    for n in SIZES {
        let s = scenario(size(n), 1);
        group.bench_with_input(BenchmarkId::from_parameter(n), &s, |b, s| {
            b.iter(|| black_box(evaluate(black_box(s))));
        });
    }
    group.finish();
}

/// `peaceops check` of one generated 100,000-activity file, as the command line runs it.
fn check_100k(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("100k.ron");
    let size = Size {
        activities: 100_000,
        missions: 200,
        groups: 400,
    };
    save(&path, &scenario(size, 3)).expect("saved");
    let mut group = c.benchmark_group("check");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    group.bench_function(BenchmarkId::from_parameter(100_000), |b| {
        b.iter(|| {
            let mut out = std::io::sink();
            let mut err = std::io::sink();
            black_box(peaceops::cli::check(
                std::slice::from_ref(&path),
                false,
                &mut out,
                &mut err,
            ))
        });
    });
    group.finish();
}

/// Validation of 5,000 missions, each succeeding the one before (the predecessor-loop walk).
fn predecessor_chain(c: &mut Criterion) {
    let start = YearMonth::new(2000, 1).expect("a date");
    let mut s = Scenario::new("chain");
    for i in 0..5_000 {
        let mut m = Mission::new(
            MissionId::from(format!("m{i}")),
            format!("Mission {i}"),
            start,
        );
        if i > 0 {
            m.predecessor = Some(MissionId::from(format!("m{}", i - 1)));
        }
        s.missions.push(m);
    }
    c.bench_function("validate_chain/5000", |b| {
        b.iter(|| black_box(validate(black_box(&s), None)));
    });
}

criterion_group!(
    benches,
    load_and_validate,
    durable_save,
    rules,
    check_100k,
    predecessor_chain
);
criterion_main!(benches);
