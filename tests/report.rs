//! Reports: the typed model, the HTML debrief (parsed as a browser tokenizes it), Markdown, CSV
//! and the chart SVG, and `peaceops report` on the command line.

#![expect(
    clippy::unwrap_used,
    reason = "test helpers: a failed unwrap or a panic is a failed test"
)]

use std::path::{Path, PathBuf};
use std::process::Command;

use html5gum::{Token, Tokenizer};
use peaceops::model::{CheckStatus, CustomItem, CustomItemId, FindingState, Scenario};
use peaceops::report::{
    self, ACTIVITY_COLUMNS, BOM, FINDING_COLUMNS, Format, Images, Options, Report, ReportContext,
};
use peaceops::rules::evaluate;

const BIN: &str = env!("CARGO_BIN_EXE_peaceops");
const ROOT: &str = env!("CARGO_MANIFEST_DIR");
const SCRIPT: &str = "<script>alert(1)</script>";

fn shipped() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(Path::new(ROOT).join("scenarios"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    v.sort();
    assert!(v.len() >= 5, "{v:?}");
    v.push(Path::new(ROOT).join("tests/golden/filled-checklist.ron"));
    v
}

fn build(s: &Scenario) -> Report {
    Report::build(s, &evaluate(s), &ReportContext::default())
}

/// What a browser's tokenizer makes of an HTML text.
struct Parsed {
    errors: Vec<String>,
    /// Start tags with their attributes.
    tags: Vec<(String, Vec<(String, String)>)>,
    /// The text content, entities decoded.
    text: String,
    /// Markers inside the chart's `<svg>`.
    chart_markers: usize,
    chart_svgs: usize,
}

fn parse(html: &str) -> Parsed {
    let mut p = Parsed {
        errors: Vec::new(),
        tags: Vec::new(),
        text: String::new(),
        chart_markers: 0,
        chart_svgs: 0,
    };
    let mut in_chart = false;
    for token in Tokenizer::new(html).map(Result::unwrap) {
        match token {
            Token::StartTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).into_owned();
                let attrs: Vec<(String, String)> = tag
                    .attributes
                    .iter()
                    .map(|(k, v)| {
                        (
                            String::from_utf8_lossy(k).into_owned(),
                            String::from_utf8_lossy(&v.value).into_owned(),
                        )
                    })
                    .collect();
                let class = attrs
                    .iter()
                    .find(|(k, _)| k == "class")
                    .map(|(_, v)| v.as_str());
                if name == "svg" && class == Some("chart") {
                    p.chart_svgs += 1;
                    in_chart = true;
                }
                if in_chart && name == "g" && class == Some("marker") {
                    p.chart_markers += 1;
                }
                p.tags.push((name, attrs));
            }
            Token::EndTag(tag) if tag.name.as_slice() == b"svg" => in_chart = false,
            Token::String(s) => p.text.push_str(&String::from_utf8_lossy(&s.value)),
            Token::Error(e) => p.errors.push(format!("{:?}", e.value)),
            _ => {}
        }
    }
    p
}

#[test]
fn the_html_of_every_shipped_scenario_parses_and_holds_its_chart_findings_and_notes() {
    for path in shipped() {
        let s = peaceops::io::load(&path).unwrap();
        let r = build(&s);
        let html = report::html(&r).unwrap();
        let p = parse(&html);
        let name = path.display();
        assert!(p.errors.is_empty(), "{name}: parse errors {:?}", p.errors);
        assert_eq!(p.chart_svgs, 1, "{name}: one chart");
        assert_eq!(
            p.chart_markers,
            s.activities.len(),
            "{name}: one marker per activity"
        );
        assert!(!r.findings.is_empty() || s.activities.is_empty(), "{name}");
        for f in &r.findings {
            assert!(
                p.text.contains(&f.title),
                "{name}: finding {} missing",
                f.title
            );
            assert!(
                p.text.contains(&f.message),
                "{name}: sentence of {} missing",
                f.rule
            );
            if !f.note.is_empty() {
                assert!(
                    p.text.contains(&f.note),
                    "{name}: note of {} missing",
                    f.rule
                );
            }
        }
        for c in &s.checklist.custom {
            assert!(p.text.contains(&c.title), "{name}: custom item {}", c.title);
            assert!(p.text.contains(&c.note), "{name}: custom note {}", c.note);
        }
        for (tag, attrs) in &p.tags {
            assert_ne!(tag, "script", "{name}: no scripts");
            assert_ne!(tag, "link", "{name}: no linked stylesheets");
            for (k, v) in attrs {
                if k == "src" || k == "href" {
                    assert!(
                        !v.starts_with("http://")
                            && !v.starts_with("https://")
                            && !v.starts_with("//"),
                        "{name}: {tag} fetches {v}"
                    );
                }
            }
        }
        // The timeline appears when the scenario has missions (every mission has dates).
        assert_eq!(
            p.tags
                .iter()
                .any(|(t, a)| t == "svg" && a.iter().any(|(k, v)| k == "class" && v == "timeline")),
            !s.missions.is_empty(),
            "{name}: timeline"
        );
    }
}

#[test]
fn the_filled_checklist_report_carries_every_status_the_notes_and_the_plan() {
    let path = Path::new(ROOT).join("tests/golden/filled-checklist.ron");
    let s = peaceops::io::load(&path).unwrap();
    let r = build(&s);
    let statuses: std::collections::HashSet<CheckStatus> =
        r.findings.iter().map(|f| f.status).collect();
    assert!(statuses.len() >= 3, "{statuses:?}");
    assert!(r.findings.iter().any(|f| !f.note.is_empty()));
    assert!(!r.resolved.is_empty() && !r.custom.is_empty());
    let p = parse(&report::html(&r).unwrap());
    // The plan lists exactly the open findings and open custom items.
    let plan_at = p.text.find("Improvement plan").unwrap();
    let plan = &p.text[plan_at..];
    for f in &r.findings {
        assert_eq!(
            plan.contains(&f.message),
            f.status == CheckStatus::Open,
            "{} ({:?}) in the plan",
            f.rule,
            f.status
        );
    }
}

/// A scenario whose every text is hostile.
fn hostile() -> Scenario {
    let mut s = peaceops::io::load(&Path::new(ROOT).join("scenarios/kosovo-2008.ron")).unwrap();
    s.title = format!("Kosovo {SCRIPT}");
    s.activities[0].title = format!("Patrols {SCRIPT} & \"more\"");
    s.activities[0].notes = format!("| pipe * star {SCRIPT}");
    s.activities[0].short = "<b>P</b>".to_owned();
    s.checklist.custom.push(CustomItem {
        id: CustomItemId("custom-x".into()),
        title: format!("Custom {SCRIPT}"),
        status: CheckStatus::Open,
        note: format!("note {SCRIPT}\nsecond line"),
        sources: Vec::new(),
    });
    let first = evaluate(&s)[0].key(&s);
    s.checklist.findings.push(FindingState {
        key: first,
        status: CheckStatus::Open,
        note: format!("room says {SCRIPT}"),
    });
    s
}

#[test]
fn a_script_in_any_text_prints_as_text_in_html_svg_and_markdown() {
    let s = hostile();
    let r = build(&s);
    let html = report::html(&r).unwrap();
    let p = parse(&html);
    assert!(p.errors.is_empty(), "{:?}", p.errors);
    assert!(
        !p.tags.iter().any(|(t, _)| t == "script"),
        "a script tag got through"
    );
    assert!(
        p.text.contains(&format!("room says {SCRIPT}")),
        "the note is shown as text"
    );
    assert!(p.text.contains(&format!("Custom {SCRIPT}")));
    assert!(p.text.contains(&format!("Patrols {SCRIPT} & \"more\"")));
    assert!(!html.contains(SCRIPT));

    let svg = String::from_utf8(
        report::render(&r, Format::Svg, &Options::default(), &Images::default()).unwrap(),
    )
    .unwrap();
    assert!(
        !svg.contains("<b>") && svg.contains("&lt;b&gt;P&lt;/b&gt;"),
        "svg escapes labels"
    );
    assert!(!svg.contains(SCRIPT), "svg escapes the title");

    let md = report::markdown(&r, &Images::default()).unwrap();
    assert!(!md.contains(SCRIPT), "markdown escapes");
    assert!(
        md.contains("room says &lt;script&gt;alert(1)&lt;/script&gt;"),
        "{md}"
    );
    // A cell's pipe cannot open a new column, a line break cannot end the row.
    let row = md.lines().find(|l| l.contains("Patrols")).unwrap();
    assert!(row.contains("\\| pipe \\* star"), "{row}");
    assert!(md.contains("note &lt;script&gt;alert(1)&lt;/script&gt; second line"));
}

#[test]
fn csvs_start_with_a_bom_and_parse_back_to_the_activities_and_findings() {
    let s = hostile();
    let r = build(&s);
    for delimiter in [b',', b';'] {
        let bytes = report::activities_csv(&r, delimiter).unwrap();
        assert!(bytes.starts_with(BOM));
        let mut rd = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .from_reader(&bytes[BOM.len()..]);
        assert_eq!(
            rd.headers().unwrap(),
            &csv::StringRecord::from(ACTIVITY_COLUMNS.to_vec())
        );
        let rows: Vec<csv::StringRecord> = rd.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), s.activities.len());
        for (row, a) in rows.iter().zip(&s.activities) {
            assert_eq!(&row[0], a.id.as_str());
            assert_eq!(&row[1], a.title);
            assert_eq!(
                row[2],
                a.mission.as_ref().map(|m| m.0.clone()).unwrap_or_default()
            );
            assert_eq!(&row[4], a.quadrant().label());
            assert_eq!(row[5].parse::<f64>().unwrap(), a.x);
            assert_eq!(row[6].parse::<f64>().unwrap(), a.y);
            assert_eq!(&row[10], a.notes);
        }

        let bytes = report::findings_csv(&r, delimiter).unwrap();
        assert!(bytes.starts_with(BOM));
        let mut rd = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .from_reader(&bytes[BOM.len()..]);
        assert_eq!(
            rd.headers().unwrap(),
            &csv::StringRecord::from(FINDING_COLUMNS.to_vec())
        );
        let rows: Vec<csv::StringRecord> = rd.records().map(Result::unwrap).collect();
        assert_eq!(
            rows.len(),
            r.findings.len() + r.resolved.len() + r.custom.len()
        );
        for (row, f) in rows.iter().zip(&r.findings) {
            assert_eq!(&row[0], f.rule.as_str());
            assert_eq!(&row[2], f.title);
            assert_eq!(&row[5], f.message);
            assert_eq!(&row[6], report::status_id(f.status));
            assert_eq!(&row[7], f.note);
            assert_eq!(&row[8], "finding");
        }
        let custom = rows.last().unwrap();
        assert_eq!(
            (&custom[2], &custom[8]),
            (format!("Custom {SCRIPT}").as_str(), "custom")
        );
        assert_eq!(&custom[7], format!("note {SCRIPT}\nsecond line"));
    }
}

#[test]
fn the_chart_svg_matches_the_window_model_counts_and_legend() {
    let s = peaceops::io::load(&Path::new(ROOT).join("scenarios/haiti-minustah.ron")).unwrap();
    let r = build(&s);
    assert_eq!(r.chart.counts, s.quadrant_counts());
    assert_eq!(r.chart.markers.len(), s.activities.len());
    let svg = report::svg::chart(&r.chart, report::svg::Size::default());
    for q in peaceops::model::Quadrant::ALL {
        let corner = format!("{}: {}", q.label(), r.chart.counts[q.index()]);
        assert!(svg.contains(&report::svg::esc(&corner)), "{corner}");
    }
    for st in &r.chart.styles {
        assert!(
            svg.contains(&format!("fill=\"{}\"", st.color.hex())),
            "{}",
            st.name
        );
        assert!(
            svg.contains(&format!(">{}</text></g>", report::svg::esc(&st.name))),
            "legend {}",
            st.name
        );
    }
}

#[test]
fn as_of_a_month_the_chart_shows_what_is_under_way_and_says_so() {
    let s = peaceops::io::load(&Path::new(ROOT).join("scenarios/haiti-minustah.ron")).unwrap();
    let at = s.missions[0].start;
    let ctx = ReportContext {
        at: Some(at),
        ..ReportContext::default()
    };
    let r = Report::build(&s, &evaluate(&s), &ctx);
    let active = s.activities.iter().filter(|a| s.active_on(a, at)).count();
    assert!(
        active < s.activities.len(),
        "the fixture has activities outside {at}"
    );
    assert_eq!(r.chart.markers.len(), active);
    let p = parse(&report::html(&r).unwrap());
    assert!(p.text.contains(&format!("As of {at}")));
    assert_eq!(p.chart_markers, active);
    assert!(
        !parse(&report::html(&build(&s)).unwrap())
            .text
            .contains("As of")
    );
}

fn run(args: &[&str]) -> (i32, String, String) {
    let o = Command::new(BIN)
        .args(args)
        .current_dir(ROOT)
        .output()
        .unwrap();
    (
        o.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

#[test]
fn the_command_line_writes_every_format_of_every_shipped_scenario() {
    let dir = tempfile::tempdir().unwrap();
    for path in shipped() {
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        for format in ["html", "md", "csv-activities", "csv-findings", "svg"] {
            let out = dir.path().join(format!("{stem}-{format}.out"));
            let (code, stdout, stderr) = run(&[
                "report",
                path.to_str().unwrap(),
                "--format",
                format,
                "-o",
                out.to_str().unwrap(),
            ]);
            assert_eq!(code, 0, "{stem} {format}: {stderr}");
            assert!(stdout.is_empty() && stderr.is_empty(), "{stderr}");
            let written = std::fs::read(&out).unwrap();
            let start: &[u8] = match format {
                "html" => b"<!DOCTYPE html>",
                "md" => b"# ",
                "svg" => b"<?xml",
                _ => BOM,
            };
            assert!(written.starts_with(start), "{stem} {format}");
            // The same bytes as to standard output (Markdown there links no images).
            if format != "md" {
                let (code, stdout, _) =
                    run(&["report", path.to_str().unwrap(), "--format", format]);
                assert_eq!(code, 0);
                assert_eq!(
                    stdout.as_bytes(),
                    &written[..],
                    "{stem} {format}: file and stdout agree"
                );
            }
        }
        // Markdown's images are written beside it.
        assert!(
            dir.path().join(format!("{stem}-md.chart.svg")).is_file(),
            "{stem}"
        );
    }
}

#[test]
fn bad_requests_exit_2_with_one_line_and_leave_nothing_behind() {
    let dir = tempfile::tempdir().unwrap();
    let kosovo = "scenarios/kosovo-2008.ron";
    // An unknown format.
    let (code, _, stderr) = run(&["report", kosovo, "--format", "pdf"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("pdf"), "{stderr}");
    // Over a scenario file: refused, the file untouched.
    let copy = dir.path().join("copy.ron");
    std::fs::copy(Path::new(ROOT).join(kosovo), &copy).unwrap();
    let other = dir.path().join("other.ron");
    std::fs::copy(Path::new(ROOT).join(kosovo), &other).unwrap();
    let before = std::fs::read(&copy).unwrap();
    // The input itself, and another scenario file (a copy: a broken check must not be able to
    // write over the shipped files).
    for target in [copy.to_str().unwrap(), other.to_str().unwrap()] {
        let (code, _, stderr) = run(&[
            "report",
            copy.to_str().unwrap(),
            "--format",
            "html",
            "-o",
            target,
        ]);
        assert_eq!(code, 2, "{stderr}");
        assert!(
            stderr.contains("scenario file") && stderr.lines().count() == 1,
            "{stderr}"
        );
    }
    assert_eq!(std::fs::read(&copy).unwrap(), before);
    assert_eq!(std::fs::read(&other).unwrap(), before);
    // An unreadable input.
    let (code, _, stderr) = run(&["report", "no/such.ron", "--format", "html"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("no/such.ron"), "{stderr}");
    // A read-only target: refused, unchanged, no temporary file left.
    let protected = dir.path().join("protected.html");
    std::fs::write(&protected, "before").unwrap();
    let mut perms = std::fs::metadata(&protected).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&protected, perms).unwrap();
    let (code, _, stderr) = run(&[
        "report",
        kosovo,
        "--format",
        "html",
        "-o",
        protected.to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("protected.html") && stderr.contains("read-only"),
        "{stderr}"
    );
    assert_eq!(std::fs::read_to_string(&protected).unwrap(), "before");
    // Into a folder that is not there.
    let missing = dir.path().join("gone/out.html");
    let (code, _, stderr) = run(&[
        "report",
        kosovo,
        "--format",
        "html",
        "-o",
        missing.to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
    assert!(stderr.contains("gone/out.html"), "{stderr}");
    let mut left: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    assert_eq!(
        left,
        ["copy.ron", "other.ron", "protected.html"],
        "nothing half-written"
    );
}

/// Every fact the scenario sources (the description, regions, handovers, custom items, host,
/// groups, missions) and every sentence of what the paper says about each finding comes out in
/// the HTML and the Markdown with its own badge, so a reader of the debrief can tell the
/// paper's facts from general knowledge and inventions (issue 16).
#[test]
fn the_debrief_says_where_each_fact_comes_from() {
    for path in shipped() {
        let s = peaceops::io::load(&path).unwrap();
        let r = build(&s);
        let html = parse(&report::html(&r).unwrap()).text;
        let md = report::markdown(&r, &Images::default()).unwrap();
        let md_plain = md.replace('\\', "");
        let badge = |source: &peaceops::model::Source| report::Badge::from(source).text;
        let mut facts: Vec<(String, String)> = Vec::new();
        for t in s.sourced_texts() {
            for c in t.sources {
                facts.push((c.text.clone(), badge(&c.source)));
            }
        }
        for f in &r.findings {
            for c in f.why_claims {
                facts.push((c.text.clone(), badge(&c.source)));
            }
        }
        let name = path.display();
        for (text, badge) in &facts {
            assert!(
                html.contains(&format!("{text} {badge}")),
                "{name}: the HTML lacks {text:?} with its badge [{badge}]"
            );
            assert!(
                md_plain.contains(&format!("{text} [{badge}]")),
                "{name}: the Markdown lacks {text:?} with its badge [{badge}]"
            );
        }
    }
}

/// The debrief of an exercise: the script without the controllers' notes, and each run's hot
/// wash (risks each inject raised, the log, strengths, areas for improvement, which also go
/// into the improvement plan). A scenario with no script has no exercise section.
#[test]
fn the_debrief_of_an_exercise_has_the_script_and_each_runs_hot_wash() {
    use peaceops::model::{Delivery, DeliveryState, LogEntry, LogKind, Run, WallTime};
    let mut s = peaceops::io::load(&Path::new(ROOT).join("scenarios/kosovo-exercise.ron")).unwrap();
    let mut run = Run::new("r1", "Pristina, group A", WallTime(1_796_154_000));
    for (id, state) in [
        ("m01", DeliveryState::Delivered),
        ("m02", DeliveryState::Skipped),
        ("m05", DeliveryState::Delivered),
    ] {
        run.deliveries.push(Delivery {
            inject: id.into(),
            state,
            when: WallTime(1_796_154_100),
        });
    }
    for (kind, text) in [
        (LogKind::Strength, "Liaison cell agreed within the hour"),
        (
            LogKind::Improvement,
            format!("No inventory of case files {SCRIPT}").as_str(),
        ),
    ] {
        run.log.push(LogEntry {
            when: WallTime(1_796_154_200),
            at: None,
            inject: Some("m05".into()),
            kind,
            text: text.to_owned(),
            findings: vec![],
            activities: vec![],
        });
    }
    s.runs.push(run);
    let r = build(&s);
    let html = report::html(&r).unwrap();
    let text = parse(&html).text;
    let md = report::markdown(&r, &Images::default()).unwrap();
    for want in [
        "The script (10 injects)",
        "KFOR raids brothels that UNMIK was monitoring",
        "Run: Pristina, group A",
        "2 delivered, 1 skipped",
        "Risks raised:",
        "Unregulated handover",
        "Liaison cell agreed within the hour",
        "Areas for improvement",
    ] {
        assert!(text.contains(want), "the HTML lacks {want:?}");
    }
    assert!(md.contains("Liaison cell agreed within the hour"));
    assert!(md.contains("### Run: Pristina, group A"));
    // The area for improvement is in the plan, escaped.
    assert!(
        text.contains(&format!(
            "No inventory of case files {SCRIPT}exercise: Pristina, group A"
        )) || text.matches("No inventory of case files").count() >= 2
    );
    assert!(!html.contains("<script>"), "escaped");
    for i in &s.injects {
        if !i.controller_notes.is_empty() {
            assert!(
                !text.contains(&i.controller_notes),
                "controller notes of {} shown",
                i.id
            );
        }
    }
    let plain =
        build(&peaceops::io::load(&Path::new(ROOT).join("scenarios/kosovo-2008.ron")).unwrap());
    assert!(plain.exercise.is_none());
    assert!(
        !parse(&report::html(&plain).unwrap())
            .text
            .contains("The script (")
    );
}

#[test]
fn the_chart_exports_as_a_png_with_its_text() {
    let s = peaceops::io::load(&Path::new(ROOT).join("scenarios/kosovo-2008.ron")).unwrap();
    let r = build(&s);
    let opts = Options::default();
    let bytes = report::render(&r, Format::Png, &opts, &Images::default()).unwrap();
    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"));
    let img = resvg::tiny_skia::Pixmap::decode_png(&bytes).unwrap();
    assert_eq!(
        (img.width(), img.height()),
        (opts.size.width, opts.size.height),
        "the size asked for"
    );
    let double = Options {
        scale: 2.0,
        ..Options::default()
    };
    let big = report::render(&r, Format::Png, &double, &Images::default()).unwrap();
    let big = resvg::tiny_skia::Pixmap::decode_png(&big).unwrap();
    assert_eq!(
        (big.width(), big.height()),
        (1600, 1200),
        "twice the size at scale 2"
    );
    // Text is drawn (the embedded face, whatever fonts the machine has): the same chart with
    // its text elements turned into undrawn descriptions has far fewer dark pixels.
    let dark = |png: &[u8]| {
        resvg::tiny_skia::Pixmap::decode_png(png)
            .unwrap()
            .pixels()
            .iter()
            .filter(|p| p.red() < 90 && p.green() < 90 && p.blue() < 90)
            .count()
    };
    let svg = report::svg::chart(&r.chart, opts.size);
    let silent = svg.replace("<text", "<desc").replace("</text>", "</desc>");
    let (with, without) = (dark(&bytes), dark(&report::png(&silent).unwrap()));
    assert!(
        with > without + 1_000,
        "{with} dark pixels with text, {without} without"
    );
}

#[test]
fn report_at_a_month_and_after_an_inject_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("k.html");
    let file = Path::new(ROOT).join("scenarios/kosovo-exercise.ron");
    let (code, _, err) = run(&[
        "report",
        file.to_str().unwrap(),
        "--format",
        "html",
        "--at",
        "2009-01",
        "--after",
        "m05",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let text = parse(&std::fs::read_to_string(&out).unwrap()).text;
    assert!(text.contains("As of 2009-01"), "the debrief says its month");
    assert!(text.contains("Unregulated handover"), "m05's effect is in");
    let (code, _, err) = run(&[
        "report",
        file.to_str().unwrap(),
        "--format",
        "md",
        "--run",
        "x",
    ]);
    assert_eq!(code, 2);
    assert!(
        err.contains("no exercise run is named \"x\"; it has none"),
        "{err}"
    );
    let (code, _, err) = run(&[
        "report",
        file.to_str().unwrap(),
        "--format",
        "png",
        "--scale",
        "9",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("from 1 to 4"), "{err}");
    let (code, _, err) = run(&[
        "report",
        file.to_str().unwrap(),
        "--format",
        "md",
        "--after",
        "x",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("no inject has the id \"x\""), "{err}");
    let (code, _, err) = run(&[
        "report",
        file.to_str().unwrap(),
        "--format",
        "md",
        "--at",
        "2009-13",
    ]);
    assert_eq!(code, 2);
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn a_file_with_options_compares_them_side_by_side_in_html_and_markdown() {
    let path = Path::new(ROOT).join("scenarios/haiti-minustah.ron");
    let file = peaceops::io::load(&path).unwrap();
    assert!(file.options.len() >= 2, "Haiti ships with options");
    let r = report::report_of_file(&path).unwrap();
    let table = r.options.as_ref().unwrap().compared.as_ref().unwrap();
    let names: Vec<&str> = file.options.iter().map(|o| o.name.as_str()).collect();
    assert_eq!(table.names, names);
    // The facts agree with the comparison the window and `peaceops compare` show.
    let c = peaceops::compare::compare(&file, &[], &peaceops::lens::Lens { at: None }).unwrap();
    let row = |label: &str| {
        table
            .rows
            .iter()
            .find(|r| r.label == label)
            .unwrap_or_else(|| panic!("no row {label:?}"))
    };
    for (i, col) in c.columns.iter().enumerate() {
        assert_eq!(row("Open risks").cells[i], col.open.to_string());
        assert_eq!(
            row("Activities").cells[i],
            col.counts.iter().sum::<usize>().to_string()
        );
        let only: Vec<String> = c.activities_only_in(i).map(|a| a.title.clone()).collect();
        if only.is_empty() {
            assert_eq!(row("Activities only in this option").cells[i], "—");
        } else {
            assert_eq!(
                row("Activities only in this option").cells[i],
                only.join("; ")
            );
        }
    }
    assert!(
        row("Activities only in this option")
            .cells
            .iter()
            .any(|c| c != "—"),
        "Haiti's options differ in their activities"
    );

    let html = report::html(&r).unwrap();
    let p = parse(&html);
    assert!(p.errors.is_empty(), "{:?}", p.errors);
    assert!(p.text.contains("Mandate options compared"));
    for n in &names {
        assert!(p.text.contains(n), "{n} in the HTML");
    }
    let md = report::markdown(&r, &Images::default()).unwrap();
    let head = format!("| | {} |", names.join(" | "));
    assert!(md.contains("## Mandate options compared"), "{md}");
    assert!(md.contains(&head), "{head} in\n{md}");

    // A file with one option has no such section.
    let kosovo =
        report::report_of_file(&Path::new(ROOT).join("scenarios/kosovo-2008.ron")).unwrap();
    assert!(kosovo.options.is_none());
    assert!(
        !report::html(&kosovo)
            .unwrap()
            .contains("Mandate options compared")
    );
}
