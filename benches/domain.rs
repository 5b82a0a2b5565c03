//! Speed budgets of the domain (release, this 2-core machine):
//! load + validate 1,000 activities ≤ 10 ms and 10,000 ≤ 60 ms (median); durable save of 10,000
//! ≤ 60 ms; all rules on 1,000 activities / 50 missions / 100 groups ≤ 0.2 ms, and on 10,000
//! ≤ 2 ms. Run: `cargo bench --bench domain`.

#![expect(
    clippy::expect_used,
    reason = "a benchmark that cannot set up has nothing to measure"
)]

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use peaceops::io::{load, save};
use peaceops::model::{Catalogue, validate};
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

criterion_group!(benches, load_and_validate, durable_save, rules);
criterion_main!(benches);
