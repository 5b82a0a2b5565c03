//! Speed budgets of reports (release, this 2-core machine): the HTML debrief of a 1,000-activity
//! scenario (report model, SVG chart and timeline included) ≤ 50 ms median; the CSV of 10,000
//! activities ≤ 30 ms; the chart as a PNG at 1600×1200 ≤ 100 ms (SVG drawn, rasterised and
//! encoded), for the shipped Kosovo file and for 1,000 activities. The findings are computed
//! before the clock starts (the window has them already).
//! Run: `cargo bench --no-default-features --bench report`.

#![expect(
    clippy::expect_used,
    reason = "a benchmark that cannot set up has nothing to measure"
)]

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use peaceops::report::svg::Size as ImageSize;
use peaceops::report::{
    Format, Images, Options, Report, ReportContext, activities_csv, html, render, report_of_file,
};
use peaceops::rules::evaluate;
use peaceops::synthetic::{Size, scenario};

/// The program's allocator (see `main.rs`), so the figures are the program's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn size(activities: usize) -> Size {
    Size {
        activities,
        missions: 50,
        groups: 100,
    }
}

fn html_debrief(c: &mut Criterion) {
    let s = scenario(size(1_000), 1);
    let findings = evaluate(&s);
    let ctx = ReportContext::default();
    c.bench_function("report_html/1000", |b| {
        b.iter(|| {
            let r = Report::build(black_box(&s), black_box(&findings), &ctx);
            black_box(html(&r).expect("renders"))
        });
    });
}

fn csv_activities(c: &mut Criterion) {
    let s = scenario(size(10_000), 1);
    let r = Report::build(&s, &evaluate(&s), &ReportContext::default());
    c.bench_with_input(
        BenchmarkId::new("report_csv_activities", 10_000),
        &r,
        |b, r| b.iter(|| black_box(activities_csv(black_box(r), b',').expect("writes"))),
    );
}

/// The chart as a 1600×1200 PNG, as `peaceops report --format png --width 1600 --height 1200`
/// writes it: the SVG drawn from the report, rasterised and encoded.
fn chart_png(c: &mut Criterion) {
    let opts = Options {
        size: ImageSize {
            width: 1600,
            height: 1200,
        },
        ..Options::default()
    };
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/kosovo-2008.ron");
    let kosovo = report_of_file(&path).expect("the shipped Kosovo file loads");
    let s = scenario(size(1_000), 1);
    let synthetic = Report::build(&s, &evaluate(&s), &ReportContext::default());
    let mut group = c.benchmark_group("report_png_1600x1200");
    for (name, r) in [("kosovo", &kosovo), ("1000", &synthetic)] {
        group.bench_with_input(BenchmarkId::from_parameter(name), r, |b, r| {
            b.iter(|| {
                let png =
                    render(black_box(r), Format::Png, &opts, &Images::default()).expect("draws");
                black_box(png.len())
            });
        });
    }
    group.finish();
}

criterion_group!(benches, html_debrief, csv_activities, chart_png);
criterion_main!(benches);
