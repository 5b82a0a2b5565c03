//! Speed budgets of the exercise (release, this 2-core machine): previewing one inject's effect
//! (apply on a copy, all rules, compare) ≤ 2 ms at 1,000 activities, median; recording a
//! delivery and showing the run's board ≤ one frame (16 ms) at 1,000 activities; a scenario of
//! 1,000 activities with 200 injects and a run of 2,000 log entries loads + validates within the
//! file budget of 10 ms and saves durably within 60 ms. The window's own paths: the console's
//! preview at the inject's month ≤ 2 ms, and a delivery in the open document (the edit, its undo
//! step, the run's board, findings, rows and counts, the cursor moved) ≤ one frame.
//! Run: `cargo bench --bench exercise`.

#![expect(
    clippy::expect_used,
    reason = "a benchmark that cannot set up has nothing to measure"
)]

use std::hint::black_box;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use peaceops::document::{Document, Origin};
use peaceops::exercise::{delivery_edit, preview, preview_at, run_board};
use peaceops::io::{load, save};
use peaceops::lens::Lens;
use peaceops::model::{
    Consent, Delivery, DeliveryState, Effect, HandoverScope, Inject, InjectId, LogEntry, LogKind,
    Run, RunId, Scenario, WallTime, validate,
};
use peaceops::rules::evaluate;
use peaceops::synthetic::{Size, scenario};

/// The program's allocator (see `main.rs`), so the figures are the program's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn base() -> Scenario {
    scenario(
        Size {
            activities: 1_000,
            missions: 50,
            groups: 100,
        },
        1,
    )
}

fn inject(s: &Scenario, n: usize) -> Inject {
    let mut i = Inject::new(&format!("inject-{n}"), "Consent contested; records lost");
    i.effects = vec![
        Effect::SetConsent(Consent::Contested),
        Effect::HandoverDrops {
            mission: s.missions[n % s.missions.len()].id.clone(),
            scope: HandoverScope::CaseFiles,
        },
    ];
    i
}

fn with_run(mut s: Scenario, injects: usize, entries: usize) -> Scenario {
    s.injects = (0..injects).map(|n| inject(&s, n)).collect();
    let mut run = Run::new("run-1", "Benchmark run", WallTime(1_796_154_000));
    for n in 0..injects / 2 {
        run.deliveries.push(Delivery {
            inject: InjectId(format!("inject-{n}")),
            state: DeliveryState::Delivered,
            when: WallTime(1_796_154_000 + n as u64),
        });
    }
    for n in 0..entries {
        run.log.push(LogEntry {
            when: WallTime(1_796_154_000 + n as u64),
            at: None,
            inject: Some(InjectId(format!("inject-{}", n % injects.max(1)))),
            kind: LogKind::ALL[n % LogKind::ALL.len()],
            text: format!("Entry {n}: the room decided to change the plan"),
            findings: Vec::new(),
            activities: vec![s.activities[n % s.activities.len()].id.clone()],
        });
    }
    s.runs = vec![run];
    s
}

fn exercise(c: &mut Criterion) {
    let s = base();
    let before = evaluate(&s);
    let i = inject(&s, 1);
    c.bench_function("preview/1000", |b| {
        b.iter(|| black_box(preview(black_box(&s), black_box(&before), black_box(&i))));
    });

    let running = with_run(s.clone(), 20, 0);
    let next = inject(&running, 11);
    let run = RunId::from("run-1");
    c.bench_function("deliver_and_board/1000", |b| {
        b.iter(|| {
            let edit = delivery_edit(black_box(&running), &run, &next, WallTime(1))
                .expect("the inject applies");
            let mut after = running.clone();
            edit.apply(&mut after).expect("the delivery records");
            black_box(run_board(&after, &run).expect("the board"))
        });
    });

    let at = Lens::at("2010-06".parse().expect("a month"));
    c.bench_function("preview_at/1000", |b| {
        b.iter(|| black_box(preview_at(black_box(&running), &at, black_box(&next))));
    });
    let edit = delivery_edit(&running, &run, &next, WallTime(1)).expect("the inject applies");
    c.bench_function("deliver_in_document/1000", |b| {
        b.iter_batched(
            || Document::new(running.clone(), Origin::New),
            |mut doc| {
                doc.apply(edit.clone(), 0.0).expect("the delivery records");
                doc.set_lens(at);
                black_box(doc.open_findings())
            },
            BatchSize::LargeInput,
        );
    });

    let big = with_run(base(), 200, 2_000);
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("run.ron");
    save(&path, &big).expect("the file saves");
    c.bench_function("load_validate_run/200_injects_2000_entries", |b| {
        b.iter(|| {
            let s = load(black_box(&path)).expect("the file loads");
            black_box(validate(&s, None))
        });
    });
    c.bench_function("save_run/200_injects_2000_entries", |b| {
        b.iter(|| save(black_box(&path), black_box(&big)).expect("the file saves"));
    });
}

criterion_group!(benches, exercise);
criterion_main!(benches);
