//! Speed budget of the date cursor (issue 11, release, this 2-core machine): moving the cursor
//! one month re-evaluates the board (the rules as of that month, the checklist rows joined with
//! the room's decisions, the counts and the visibility mask) in ≤ 2 ms at 1,000 activities and
//! ≤ 16 ms at 10,000 (one frame at 60 Hz), median. Run: `cargo bench --bench lens`.

#![expect(
    clippy::expect_used,
    reason = "a benchmark that cannot set up has nothing to measure"
)]

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use peaceops::document::{Document, Origin};
use peaceops::lens::{Lens, MissionTimeline};
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

/// One step of the cursor: the document looks through the next month's lens.
fn cursor_step(c: &mut Criterion) {
    let mut group = c.benchmark_group("cursor_one_month");
    group.measurement_time(Duration::from_secs(4));
    for n in SIZES {
        let s = scenario(size(n), 7);
        let span = s.effective_timeline().expect("a dated synthetic scenario");
        let months = span.start.months_until(span.end).max(1);
        let mut doc = Document::new(s, Origin::New);
        let mut i = 0;
        group.bench_with_input(BenchmarkId::from_parameter(n), &n, |b, _| {
            b.iter(|| {
                // Alternate through the span, so each step is a real change of lens.
                i = (i + 1) % months;
                doc.set_lens(Lens::at(span.start.plus_months(i)));
                black_box(doc.check_rows().len());
            });
        });
    }
    group.finish();
}

/// The timeline's lanes, once per revision.
fn timeline_build(c: &mut Criterion) {
    let mut group = c.benchmark_group("timeline_build");
    for n in SIZES {
        let s = scenario(size(n), 7);
        group.bench_with_input(BenchmarkId::from_parameter(n), &s, |b, s| {
            b.iter(|| black_box(MissionTimeline::build(s).lanes.len()));
        });
    }
    group.finish();
}

criterion_group!(benches, cursor_step, timeline_build);
criterion_main!(benches);
