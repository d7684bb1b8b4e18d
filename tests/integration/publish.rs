//! What a report writer publishes: benchmarks placed against every comparison in the
//! table, the report and its charts; references that pandoc keeps one per source in HTML
//! and DOCX; a what-if report that says so; a stamp without the writer's paths.

use std::process::Command;

use crate::util::Fixture;

/// A band and a single value, both citing the fixture's sources.
const BENCHMARKS: &str = "id,label,metric,value,high,counts,source,caveat
fm,FM,soldiers_per_1000_people,20,25,counterinsurgents per resident of the area of operations,src-a,depends on the situation
ratio-10,Ten to one,soldiers_per_fighter,10,,all counterinsurgent forces per insurgent,src-b,
";

fn with_benchmarks() -> Fixture {
    let fixture = Fixture::basic();
    fixture.write("benchmarks.csv", BENCHMARKS);
    fixture
}

#[test]
fn the_table_places_each_comparison_against_each_benchmark() {
    let out = with_benchmarks().run(&["table"]).ok().to_string();
    // alpha-ns: 5,000 + 5,000 soldiers over 12,000,000 people, 1,000 fighters;
    // beta-east: 3.0 per 1,000 and 6 soldiers per fighter.
    for needle in [
        "  FM's 20–25 per 1,000 [src-a]: alpha-ns 3.3–4.2%, beta-east 12–15%\n",
        "    counts counterinsurgents per resident of the area of operations\n",
        "  Ten to one's 10 : 1 [src-b]: alpha-ns 100%, beta-east 60%\n",
        "  whereas the figures count the forces each comparison names over the whole\n",
    ] {
        assert!(out.contains(needle), "no {needle:?} in\n{out}");
    }
    assert!(out.lines().all(|l| l.chars().count() <= 80), "{out}");
    let md = with_benchmarks()
        .run(&["table", "--format", "markdown"])
        .ok()
        .to_string();
    assert!(
        md.contains("- soldiers per 1,000 people: FM's 20–25 per 1,000 (`src-a`), counting counterinsurgents per resident of the area of operations: `alpha-ns` 3.3–4.2%, `beta-east` 12–15%\n"),
        "{md}"
    );
}

#[test]
fn the_report_shows_benchmarks_with_their_basis_source_and_caveat() {
    let fixture = with_benchmarks();
    fixture
        .run(&["report", "--out", "r.md", "--draws", "1000"])
        .ok();
    let md = std::fs::read_to_string(fixture.dir.path().join("r.md")).expect("report");
    assert!(
        md.contains("- **FM**: 20–25 per 1,000, counting counterinsurgents per resident of the area of operations \\[2\\]. As a share of it: Alpha in Northland and Southland 3.3–4.2% and Beta in Eastland 12–15%. Caveat: depends on the situation."),
        "{md}"
    );
    assert!(md.contains("whereas the figures count the forces each comparison names over the whole population of its countries"));
    let svg = std::fs::read_to_string(fixture.dir.path().join("r/soldiers_per_1000_people.svg"))
        .expect("chart");
    assert!(svg.contains("FM: 20–25 per 1,000"), "the band is labelled");
    // No benchmark is published for area per fighter, and none is drawn.
    let area =
        std::fs::read_to_string(fixture.dir.path().join("r/area_per_fighter.svg")).expect("chart");
    assert!(!area.contains("dashed: published benchmarks"));
}

#[test]
fn a_bad_benchmark_cell_is_named() {
    let fixture = Fixture::basic();
    fixture.write(
        "benchmarks.csv",
        "id,label,metric,value,high,counts,source,caveat
a,A,area_per_fighters,20,,x,src-a,
b,B,soldiers_per_fighter,10,5,x,src-a,
c,C,soldiers_per_fighter,10,,x,nowhere,
",
    );
    fixture.run(&["validate"]).fails(
        1,
        &[
            "not a metric of one comparison: \"area_per_fighters\"",
            "benchmarks.csv:2:3 (column `metric`)",
            "high 5 is not above value 10",
            "benchmarks.csv:3:5 (column `high`)",
            "unknown source \"nowhere\"",
            "benchmarks.csv:4:7 (column `source`)",
        ],
    );
}

#[test]
fn a_what_if_report_says_so_and_cites_no_source_for_the_set_value() {
    let fixture = Fixture::basic();
    let args = [
        "report",
        "--out",
        "w.md",
        "--draws",
        "1000",
        "--set",
        "alpha.fighters=2000",
    ];
    fixture.run(&args).ok();
    let md = std::fs::read_to_string(fixture.dir.path().join("w.md")).expect("report");
    assert!(md.contains("title: \"What-if: "), "{md}");
    assert!(md.contains("> **What-if, not the data.**"), "{md}");
    assert!(md.contains("> - `alpha.fighters=2000`\n"), "{md}");
    // Alpha's fighters come from src-a only: with them set, src-a cites nothing of Alpha.
    let people = md
        .lines()
        .find(|l| l.starts_with("| Alpha in Northland and Southland | 1 per 6,000"))
        .expect("alpha's people per fighter from the set value");
    assert!(people.contains("what-if (`--set`)"), "{people}");
    let chart = std::fs::read_to_string(fixture.dir.path().join("w/people_per_fighter.svg"))
        .expect("chart");
    assert!(
        chart.contains("People per fighter (what-if)"),
        "the chart says so"
    );
    assert!(
        chart.contains("What-if: values set with --set."),
        "its source line too"
    );
}

#[test]
fn the_stamp_shows_paths_from_where_the_tool_ran() {
    let fixture = Fixture::basic();
    let data = fixture.dir.path().join("datasets");
    let data = data.to_str().expect("UTF-8 path");
    fixture
        .run(&["report", "--out", "s.md", "--draws", "1000", "--data", data])
        .ok();
    let md = std::fs::read_to_string(fixture.dir.path().join("s.md")).expect("report");
    assert!(md.contains("- Data: `datasets/`, SHA-256 "), "{md}");
    let root = fixture.dir.path().to_str().expect("UTF-8 path");
    assert!(!md.contains(root), "an absolute path in the report:\n{md}");
}

/// Regression: the claims hash followed the order files were read in, so `seeds/` and
/// the embedded copy gave different hashes for the same claims.
#[test]
fn the_claims_hash_does_not_depend_on_the_order_of_the_files() {
    let root = env!("CARGO_MANIFEST_DIR");
    let hash = |first: &str, second: &str| {
        let out = Command::new(env!("CARGO_BIN_EXE_insurgency-metrics"))
            .args([
                "report", "--out", "-", "--draws", "100", "--claims", first, "--claims", second,
            ])
            .current_dir(root)
            .output()
            .expect("run");
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        let line = text
            .lines()
            .find(|l| l.starts_with("- Claims: "))
            .unwrap_or_else(|| panic!("no claims line:\n{text}"))
            .to_string();
        line.rsplit("SHA-256 ")
            .next()
            .unwrap_or_default()
            .to_string()
    };
    let (a, b) = ("seeds/ctp-2026.toml", "seeds/trt-world-2025.toml");
    assert_eq!(hash(a, b), hash(b, a));
}

fn pandoc(args: &[&str], dir: &std::path::Path) -> Option<String> {
    let out = Command::new("pandoc")
        .args(args)
        .current_dir(dir)
        .output()
        .ok()?;
    assert!(
        out.status.success(),
        "pandoc {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "pandoc warned: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// The README's pandoc commands, exactly as written there.
fn readme_pandoc_commands() -> Vec<String> {
    let readme = include_str!("../../README.md");
    let commands: Vec<String> = readme
        .lines()
        .filter(|l| l.starts_with("pandoc "))
        .map(String::from)
        .collect();
    assert_eq!(commands.len(), 2, "{commands:?}");
    commands
}

/// The shipped report converted by the README's commands, run from a copy of the
/// repository's root as a writer runs them: the HTML shows every chart, the DOCX holds
/// every chart, and both have a title, no footnotes and every source exactly once.
#[test]
fn the_readmes_pandoc_commands_keep_every_chart_and_one_reference_per_source() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    if Command::new("pandoc").arg("--version").output().is_err() {
        assert!(std::env::var_os("CI").is_none(), "pandoc is needed in CI");
        eprintln!("pandoc not installed: conversion not checked");
        return;
    }
    let copy = tempfile::tempdir().expect("temp dir");
    let reports = copy.path().join("reports");
    std::fs::create_dir_all(reports.join("jnim-peers")).unwrap();
    std::fs::copy(
        root.join("reports/jnim-peers.md"),
        reports.join("jnim-peers.md"),
    )
    .unwrap();
    for chart in std::fs::read_dir(root.join("reports/jnim-peers")).unwrap() {
        let chart = chart.unwrap().path();
        std::fs::copy(
            &chart,
            reports.join("jnim-peers").join(chart.file_name().unwrap()),
        )
        .unwrap();
    }
    for command in readme_pandoc_commands() {
        let out = Command::new("sh")
            .args(["-c", &command])
            .current_dir(copy.path())
            .output()
            .expect("sh");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            out.status.success() && stderr.is_empty(),
            "{command}: {stderr}"
        );
    }
    let md = std::fs::read_to_string(reports.join("jnim-peers.md")).expect("report");
    let charts: Vec<&str> = md
        .lines()
        .filter_map(|l| l.strip_prefix("![")?.split("](").nth(1)?.strip_suffix(')'))
        .collect();
    // Nine charts, one per metric and pairwise ratio, and ten over the years: each of
    // the five metrics in two charts, as the thirteen comparisons take two sets of
    // seven colours.
    assert_eq!(charts.len(), 19, "{charts:?}");

    // HTML: every image the page shows is there, relative to the page.
    let html_path = reports.join("jnim-peers.html");
    let html = std::fs::read_to_string(&html_path).expect("the HTML the README writes");
    let shown: Vec<&str> = html
        .split("<img src=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .collect();
    assert_eq!(shown.len(), charts.len(), "{shown:?}");
    for src in shown {
        assert!(
            reports.join(src).is_file(),
            "the HTML shows {src}, which is not there"
        );
    }
    assert!(html.contains("<title>Insurgencies compared"), "no title");
    assert!(!html.contains("footnote"), "footnotes in the HTML");

    // DOCX: one picture per chart, embedded.
    let docx = copy.path().join("jnim-peers.docx");
    let file = std::fs::File::open(&docx).expect("the DOCX the README writes");
    let zip = zip::ZipArchive::new(file).expect("a DOCX is a zip");
    let svgs = zip
        .file_names()
        .filter_map(Result::ok)
        .filter(|n| n.starts_with("word/media/") && n.ends_with(".svg"))
        .count();
    assert_eq!(svgs, charts.len(), "charts embedded in the DOCX");
    let text = pandoc(
        &[docx.to_str().unwrap(), "-t", "plain", "--wrap=none"],
        copy.path(),
    )
    .expect("pandoc");
    let text = text.replace('’', "'");

    let sources: Vec<&str> = md
        .split("\n## Sources\n\n")
        .nth(1)
        .expect("a Sources section")
        .lines()
        .filter(|l| !l.is_empty())
        .collect();
    assert!(sources.len() > 10, "{sources:?}");
    for entry in sources {
        // "N. Title. Publisher, date. <url> ...": the title with its publisher.
        let named = entry.split_once(". ").expect("numbered").1;
        let named = &named[..named.find(" <").or(named.find(" (acc")).expect("an end")];
        let named = named.replace('’', "'");
        assert_eq!(text.matches(&named).count(), 1, "{named:?} in the DOCX");
        let html_named = named.replace('&', "&amp;").replace('\'', "’");
        assert!(
            html.matches(&html_named).count() <= 1,
            "{named:?} more than once in the HTML"
        );
    }
}

#[test]
fn a_source_read_from_a_copy_links_the_original_then_the_copy() {
    let fixture = Fixture::basic();
    fixture.write(
        "sources.csv",
        "id,title,publisher,published,url,accessed,note,via
src-a,Alpha report,Example Institute,2025-01-01,https://example.org/a,2025-02-03,fixture source,https://mirror.example/a
src-b,Beta yearbook,Example Office,2024-06-01,https://example.org/b,,fixture source,
src-c,Census extract,Example Census,2023,https://example.org/c,,fixture source,
",
    );
    fixture
        .run(&["report", "--out", "v.md", "--draws", "1000"])
        .ok();
    let md = std::fs::read_to_string(fixture.dir.path().join("v.md")).expect("report");
    assert!(
        md.contains(". Alpha report. Example Institute, 2025-01-01. <https://example.org/a> (accessed 2025-02-03; read from the copy at <https://mirror.example/a>)\n"),
        "{md}"
    );
    assert!(md.contains(". Beta yearbook. Example Office, 2024-06-01. <https://example.org/b>\n"));
}
