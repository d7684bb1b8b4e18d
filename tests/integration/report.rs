//! `report` on the basic fixture: a snapshot of the Markdown, charts that parse as SVG
//! with their labels, `--check`, and writes that never leave a broken or foreign file.

use crate::util::Fixture;

fn report(fixture: &Fixture) -> String {
    // The report's folder exists, as for every file the tool writes.
    std::fs::create_dir_all(fixture.dir.path().join("out")).expect("dir");
    fixture
        .run(&["report", "--out", "out/fixture.md", "--draws", "20000"])
        .ok();
    std::fs::read_to_string(fixture.dir.path().join("out/fixture.md")).expect("report written")
}

#[test]
fn report_snapshot() {
    let fixture = Fixture::basic();
    let text = report(&fixture);
    // The data hash depends on nothing but the fixture files, so it is part of the snapshot.
    insta::assert_snapshot!(text);
}

#[test]
fn every_figure_cites_a_numbered_source() {
    let text = report(&Fixture::basic());
    // Every line of every metric's table ends with its numbered sources.
    let mut figures = 0;
    for section in text.split("\n## ").skip(1) {
        let Some(table) = section
            .split("\n\n")
            .find(|p| p.starts_with("| comparison |"))
        else {
            continue;
        };
        if !table.lines().next().unwrap_or("").ends_with("| sources |") {
            continue;
        }
        for line in table.lines().skip(2) {
            let cell = line
                .trim_end_matches(" |")
                .rsplit(" | ")
                .next()
                .unwrap_or("");
            assert!(
                cell.starts_with("\\[") && cell.ends_with("\\]"),
                "a figure without a source: {line}"
            );
            figures += 1;
        }
    }
    assert_eq!(figures, 10, "2 comparisons × 5 metrics\n{text}");
    assert!(
        text.contains(". Alpha report. Example Institute, 2025-01-01. <https://example.org/a>\n"),
        "{text}"
    );
    // No Markdown footnotes: pandoc makes a new note for every repeated reference.
    assert!(!text.contains("[^"), "{text}");
    // Regression: references escaped twice showed as "\[2\]" in the method.
    assert!(!text.contains("\\\\["), "{text}");
}

#[test]
fn charts_are_svg_with_their_labels() {
    let fixture = Fixture::basic();
    report(&fixture);
    let dir = fixture.dir.path().join("out/fixture");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("chart dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    // A chart per metric and per pairwise ratio, and one over the years for each
    // metric that has at least two years of a comparison (beta's 2020 and 2022).
    let years = names.iter().filter(|n| n.ends_with("-years.svg")).count();
    assert_eq!(names.len() - years, 9, "{names:?}");
    assert!(years >= 1, "{names:?}");
    let people = std::fs::read_to_string(dir.join("people_per_fighter.svg")).expect("chart");
    let doc = roxmltree::Document::parse(&people).expect("the chart is well-formed XML");
    assert_eq!(doc.root_element().tag_name().name(), "svg");
    let texts: Vec<String> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text())
        .map(|t| t.trim().to_string())
        .collect();
    // 12,000 against 2,000 spans less than a factor of ten: a linear axis.
    for label in [
        "People per fighter",
        "people per fighter",
        "Alpha in Northland and Southland",
        "Beta in Eastland",
        "12,000",
        "2,000",
    ] {
        assert!(
            texts.iter().any(|t| t == label),
            "no {label:?} in {texts:?}"
        );
    }
    assert!(
        texts
            .iter()
            .any(|t| t.starts_with("Data: Example Census; Example Institute; Example Office.")),
        "the source line names every source the figures and their intervals use: {texts:?}"
    );
    assert!(
        doc.descendants()
            .filter(|n| n.has_tag_name("desc"))
            .filter_map(|n| n.text())
            .any(|t| t.starts_with("Source: insurgency-metrics")),
        "the marker"
    );
    let ratio = std::fs::read_to_string(dir.join("fighters_ratio.svg")).expect("chart");
    let doc = roxmltree::Document::parse(&ratio).expect("XML");
    assert!(doc
        .descendants()
        .filter_map(|n| n.text())
        .any(|t| t.trim() == "Fighters of Alpha against each other comparison"));
    let md = std::fs::read_to_string(fixture.dir.path().join("out/fixture.md")).expect("report");
    assert!(md.contains("![People per fighter](fixture/people_per_fighter.svg)"));
}

#[test]
fn check_passes_when_current_and_fails_after_a_data_change() {
    let fixture = Fixture::basic();
    report(&fixture);
    let check = |f: &Fixture| {
        f.run(&[
            "report",
            "--out",
            "out/fixture.md",
            "--draws",
            "20000",
            "--check",
        ])
    };
    assert!(check(&fixture).ok().contains("out/fixture.md is current"));
    fixture.replace("fighters.csv", "alpha,2025,1000,", "alpha,2025,1100,");
    let stale = check(&fixture);
    assert_eq!(stale.code, 1, "{stale:?}");
    assert!(
        stale.stderr.contains("stale: out/fixture.md, out/fixture/"),
        "{stale:?}"
    );
    assert!(
        stale
            .stdout
            .contains("--- out/fixture.md (on disk)\n+++ out/fixture.md (regenerated)\n@@ line "),
        "{stale:?}"
    );
    assert!(
        stale
            .stdout
            .contains("\n-| Alpha in Northland and Southland | 2025 | 1 : 10.0"),
        "{stale:?}"
    );
    assert!(
        stale
            .stdout
            .contains("\n+| Alpha in Northland and Southland | 2025 | 1 : 9.1"),
        "{stale:?}"
    );
}

#[test]
fn a_failed_run_leaves_the_previous_report_intact() {
    let fixture = Fixture::basic();
    let before = report(&fixture);
    fixture.replace("fighters.csv", "alpha,2025,1000,", "alpha,2025,lots,");
    fixture
        .run(&["report", "--out", "out/fixture.md"])
        .fails(1, &["not a number: \"lots\""]);
    assert_eq!(
        std::fs::read_to_string(fixture.dir.path().join("out/fixture.md")).expect("still there"),
        before
    );
    let leftovers: Vec<_> = std::fs::read_dir(fixture.dir.path().join("out"))
        .expect("dir")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(
        leftovers.len(),
        2,
        "no temporary files are left behind: {leftovers:?}"
    );
}

#[test]
fn a_file_the_tool_did_not_write_is_not_overwritten_without_force() {
    let fixture = Fixture::basic();
    std::fs::create_dir(fixture.dir.path().join("out")).expect("dir");
    let notes = fixture.dir.path().join("out/notes.md");
    std::fs::write(&notes, "my own notes\n").expect("write");
    fixture.run(&["report", "--out", "out/notes.md"]).fails(
        2,
        &[
            "out/notes.md: refusing to overwrite a file insurgency-metrics did not generate",
            "--force",
        ],
    );
    assert_eq!(
        std::fs::read_to_string(&notes).expect("kept"),
        "my own notes\n"
    );
    fixture
        .run(&[
            "report",
            "--out",
            "out/notes.md",
            "--force",
            "--draws",
            "1000",
        ])
        .ok();
    assert!(std::fs::read_to_string(&notes)
        .expect("replaced")
        .contains("---\n\n<!-- generated by insurgency-metrics"));
}

#[test]
fn the_shipped_report_is_current() {
    let root = env!("CARGO_MANIFEST_DIR");
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_insurgency-metrics"))
        .args(["report", "--check"])
        .current_dir(root)
        .output()
        .expect("run");
    assert!(
        run.status.success(),
        "reports/jnim-peers.md is stale: run `cargo run --release -- report`\n{}\n{}",
        String::from_utf8_lossy(&run.stdout),
        String::from_utf8_lossy(&run.stderr)
    );
}

/// Regression: the method section resolved the data again without `--set`, so its
/// "what counts as soldiers" named the file's figure beside tables computed from the
/// override.
#[test]
fn the_method_names_the_set_values_the_figures_use() {
    let fixture = Fixture::basic();
    std::fs::create_dir(fixture.dir.path().join("out")).expect("dir");
    fixture
        .run(&[
            "report",
            "--out",
            "out/set.md",
            "--draws",
            "1000",
            "--set",
            "north.soldiers=4000",
        ])
        .ok();
    let text = std::fs::read_to_string(fixture.dir.path().join("out/set.md")).expect("report");
    let method = text
        .lines()
        .find(|l| l.starts_with("- **Alpha in Northland and Southland** counts"))
        .expect("the soldiers line of alpha-ns");
    assert!(
        method.contains("Northland (set with `--set`): 4,000"),
        "{method}"
    );
    assert!(!method.contains("8,000"), "{method}");
    // The summary's soldiers per fighter uses the same 4,000 + 2,000 over 1,000 fighters.
    assert!(
        text.contains("| Alpha in Northland and Southland | 2025 | 1 : 6.0"),
        "{text}"
    );
}
