//! Speed budget of the window: one whole-window frame (layout and tessellation, headless) with a
//! 1,000-activity scenario ≤ 1 ms median, with 10,000 ≤ 2 ms (release, this 2-core machine).
//! The pointer rests on the chart, so the plot's hover search is included.
//! The compare view's frame with four charts of 1,000 activities each ≤ 2 ms (issue 12).
//!
//! With the timeline open (issue 11): the frame at 1,000 activities ≤ 0.3 ms more than
//! without (`frame/1000` against `timeline/1000`); scrubbing, a frame that moves the cursor one
//! month (→) and redraws the chart, the checklist and the timeline at 10,000 activities, ≤ 33
//! ms (30 frames a second; `scrub/10000`, cycling through the first 120 months).
//! Run: `cargo bench --bench frame`.

#![expect(
    clippy::expect_used,
    reason = "a benchmark that cannot set up has nothing to measure"
)]

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use peaceops::app::{PeaceOpsApp, StartOptions};
use peaceops::files::Prefs;
use peaceops::synthetic::{Size, scenario};

/// The program's allocator (see `main.rs`), so the figures are the program's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn key(key: egui::Key, modifiers: egui::Modifiers) -> egui::Event {
    egui::Event::Key {
        key,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers,
    }
}

fn input(events: Vec<egui::Event>) -> egui::RawInput {
    let mut input = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1280.0, 800.0),
        )),
        ..Default::default()
    };
    input
        .events
        .push(egui::Event::PointerMoved(egui::pos2(600.0, 400.0)));
    input.events.extend(events);
    input
}

/// One frame, tessellated as a painter would.
fn run(ctx: &egui::Context, app: &mut PeaceOpsApp, events: Vec<egui::Event>) -> usize {
    let mut out = ctx.run_ui(input(events), |ui| app.show(ui));
    // No painter applies the textures here; epaint asserts (in debug builds) that dropped
    // deltas were handled.
    out.textures_delta.clear();
    ctx.tessellate(out.shapes, out.pixels_per_point).len()
}

/// The app with a synthetic scenario of `n` activities open, its timeline open if asked, after
/// a few frames to settle fonts, caches and layout.
fn open_app(dir: &std::path::Path, n: usize, timeline: bool) -> (egui::Context, PeaceOpsApp) {
    let path = dir.join(format!("{n}.ron"));
    if !path.exists() {
        let s = scenario(
            Size {
                activities: n,
                missions: 50,
                groups: 100,
            },
            1,
        );
        peaceops::io::save(&path, &s).expect("saved");
    }
    let ctx = egui::Context::default();
    let mut app = PeaceOpsApp::with_prefs(
        Prefs::default(),
        StartOptions {
            file: Some(path),
            recovery: peaceops::app::Recovery::Off,
            ..Default::default()
        },
    );
    for i in 0..5 {
        let events = if timeline && i == 1 {
            vec![key(egui::Key::T, egui::Modifiers::COMMAND)]
        } else {
            Vec::new()
        };
        run(&ctx, &mut app, events);
    }
    assert_eq!(app.timeline_state().0, timeline, "the timeline is open");
    (ctx, app)
}

fn frame(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut group = c.benchmark_group("frame");
    for n in [1_000, 10_000] {
        let (ctx, mut app) = open_app(dir.path(), n, false);
        group.bench_function(BenchmarkId::from_parameter(n), |b| {
            b.iter(|| black_box(run(&ctx, &mut app, Vec::new())));
        });
    }
    group.finish();

    let mut group = c.benchmark_group("timeline");
    let (ctx, mut app) = open_app(dir.path(), 1_000, true);
    group.bench_function(BenchmarkId::from_parameter(1_000), |b| {
        b.iter(|| black_box(run(&ctx, &mut app, Vec::new())));
    });
    group.finish();

    let mut group = c.benchmark_group("scrub");
    let (ctx, mut app) = open_app(dir.path(), 10_000, true);
    let mut step = 0_u32;
    group.bench_function(BenchmarkId::from_parameter(10_000), |b| {
        b.iter(|| {
            // A month further each frame, back to the start every 120 months.
            let k = if step.is_multiple_of(120) {
                egui::Key::Home
            } else {
                egui::Key::ArrowRight
            };
            step += 1;
            black_box(run(&ctx, &mut app, vec![key(k, egui::Modifiers::NONE)]))
        });
    });
    group.finish();
}

/// The compare view (issue 12): four options of 1,000 activities each, four charts and the
/// comparison table, ≤ 2 ms median.
fn compare_frame(c: &mut Criterion) {
    use peaceops::model::{OptionId, PlanOption};
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut s = scenario(
        Size {
            activities: 1_000,
            missions: 50,
            groups: 100,
        },
        1,
    );
    // Three more options: the plan with its activities moved about and a few left out, so the
    // charts and the table differ.
    for k in 1..4_usize {
        let id = OptionId::from(format!("option-{k}"));
        let mut o = PlanOption::duplicate(&s, id, format!("Option {k}"));
        for (i, a) in o.activities.iter_mut().enumerate() {
            if i % (k + 2) == 0 {
                a.x = -a.x;
            }
        }
        // Every (k + 9)th activity left out, and as many new ones (fresh ids): 1,000 each.
        let mut n = 0;
        o.activities.retain(|_| {
            n += 1;
            n % (k + 9) != 0
        });
        while o.activities.len() < 1_000 {
            let mut a = o.activities[o.activities.len() % 100].clone();
            a.id = peaceops::model::ActivityId::from(format!(
                "option-{k}-extra-{}",
                o.activities.len()
            ));
            a.y = -a.y;
            o.activities.push(a);
        }
        s.options.push(o);
    }
    let ids: Vec<OptionId> = s.options.iter().map(|o| o.id.clone()).collect();
    let path = dir.path().join("options.ron");
    peaceops::io::save(&path, &s).expect("saved");
    let ctx = egui::Context::default();
    let mut app = PeaceOpsApp::with_prefs(
        Prefs::default(),
        StartOptions {
            file: Some(path),
            recovery: peaceops::app::Recovery::Off,
            ..Default::default()
        },
    );
    app.compare_options(ids);
    for _ in 0..5 {
        let mut out = ctx.run_ui(input(Vec::new()), |ui| app.show(ui));
        out.textures_delta.clear();
        ctx.tessellate(out.shapes, out.pixels_per_point);
    }
    assert!(app.comparing(), "the compare view is open");
    c.bench_function("frame/compare 4 × 1000", |b| {
        b.iter(|| {
            let mut out = ctx.run_ui(input(Vec::new()), |ui| app.show(ui));
            out.textures_delta.clear();
            black_box(ctx.tessellate(out.shapes, out.pixels_per_point))
        });
    });
}

criterion_group!(benches, frame, compare_frame);
criterion_main!(benches);
