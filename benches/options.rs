//! Speed budgets of mandate options (issue 12, release, this 2-core machine): comparing four
//! options of 1,000 activities each (each option's board and rules, then the diff of
//! activities, findings and per-rule counts) ≤ 2 ms median; switching the current option
//! ≤ 1 ms at 1,000 activities. Also measured, without a budget: the switch as the window makes
//! it (an undoable edit, then the document's findings, counts and option summaries).
//! Run: `cargo bench --bench options`.

#![expect(
    clippy::expect_used,
    reason = "a benchmark that cannot set up has nothing to measure"
)]

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use peaceops::compare::compare;
use peaceops::document::{Document, Origin};
use peaceops::lens::Lens;
use peaceops::model::{ActivityKind, Edit, OptionId, PlanOption, Scenario};
use peaceops::synthetic::{Size, scenario};

/// The program's allocator (see `main.rs`), so the figures are the program's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// A scenario of 1,000 activities (50 missions, 100 groups) with three more options, each a
/// variant of the current plan: a tenth of its activities dropped, another tenth moved to the
/// other side of the chart, and a few of its own, so the diff has something in every column.
fn four_options() -> Scenario {
    let mut s = scenario(
        Size {
            activities: 1_000,
            missions: 50,
            groups: 100,
        },
        12,
    );
    for k in 1..4_usize {
        let mut o = PlanOption::duplicate(
            &s,
            OptionId::from(format!("o{k}").as_str()),
            format!("Option {k}"),
        );
        o.activities
            .retain(|a| !a.id.as_str().ends_with(&k.to_string()) || a.id.as_str().len() % 3 != 0);
        for (i, a) in o.activities.iter_mut().enumerate() {
            if i % 10 == k {
                a.x = -a.x;
                a.kinds.push(ActivityKind::Campaign);
            }
        }
        for j in 0..20 {
            let mut a = o.activities[j].clone();
            a.id = format!("o{k}-own-{j}").as_str().into();
            o.activities.push(a);
        }
        s.options.push(o);
    }
    s
}

fn compare_four(c: &mut Criterion) {
    let s = four_options();
    let mut group = c.benchmark_group("options");
    group.measurement_time(Duration::from_secs(5));
    group.bench_function("compare_4x1000", |b| {
        b.iter(|| compare(black_box(&s), &[], &Lens::ALL_TIME).expect("compared"));
    });
    group.finish();
}

fn switch(c: &mut Criterion) {
    let mut s = four_options();
    let ids: Vec<OptionId> = s.options.iter().map(|o| o.id.clone()).collect();
    let mut group = c.benchmark_group("options");
    let mut next = 0;
    group.bench_function("switch_1000", |b| {
        b.iter(|| {
            next = (next + 1) % ids.len();
            s.switch_option(black_box(&ids[next])).expect("switched");
        });
    });
    let mut doc = Document::new(four_options(), Origin::New);
    let mut next = 0;
    group.measurement_time(Duration::from_secs(5));
    group.bench_function("switch_in_document_1000", |b| {
        b.iter(|| {
            next = (next + 1) % ids.len();
            doc.apply(Edit::SwitchOption(ids[next].clone()), next as f64 * 10.0)
                .expect("switched");
            black_box(doc.option_summaries().len())
        });
    });
    group.finish();
}

criterion_group!(benches, compare_four, switch);
criterion_main!(benches);
