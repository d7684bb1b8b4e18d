//! What people read fits an 80-column terminal, and nothing is said twice there.

use std::process::Command;

use crate::util::{fixture_dir, Fixture};

fn too_wide(text: &str) -> Vec<&str> {
    text.lines().filter(|l| l.chars().count() > 80).collect()
}

/// What the binary shows on a terminal for `command` (stdout and stderr together, as
/// `script` gives it one), or `None` where there is no `script`.
fn on_a_terminal(fixture: &Fixture, command: &str) -> Option<String> {
    if Command::new("script").arg("--version").output().is_err() {
        eprintln!("skipped: no `script` to give the binary a terminal");
        return None;
    }
    let command = format!("{} {command}", env!("CARGO_BIN_EXE_insurgency-metrics"));
    let output = Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .current_dir(fixture.dir.path())
        .env("NO_COLOR", "1")
        .output()
        .expect("run script");
    Some(String::from_utf8_lossy(&output.stdout).replace('\r', ""))
}

fn with_claims() -> Fixture {
    let fixture = Fixture::basic();
    let seeds = fixture.dir.path().join("seeds");
    std::fs::create_dir(&seeds).expect("seeds dir");
    std::fs::copy(
        fixture_dir("claims").join("basic.toml"),
        seeds.join("basic.toml"),
    )
    .expect("copy claims");
    fixture
}

#[test]
fn the_events_table_fits_80_columns() {
    let export = fixture_dir("events").join("ucdp-small.csv");
    let run = Fixture::basic_with_real_groups().run(&["events", export.to_str().expect("utf-8")]);
    // The line naming the export breaks after the path, which can be of any length.
    let wide: Vec<&str> = too_wide(run.ok())
        .into_iter()
        .filter(|l| !l.ends_with("ucdp-small.csv: UCDP GED website export,"))
        .collect();
    assert!(wide.is_empty(), "{wide:#?}");
    let table = Fixture::basic_with_real_groups().run(&[
        "table",
        "--events",
        export.to_str().expect("utf-8"),
    ]);
    assert!(too_wide(table.ok()).is_empty(), "{table:?}");
    // CSV keeps every column with its full name.
    let csv = Fixture::basic_with_real_groups().run(&[
        "events",
        export.to_str().expect("utf-8"),
        "--format",
        "csv",
    ]);
    assert!(csv
        .ok()
        .starts_with("group,country,period,events,initiated,joint,fatalities,"));
}

/// A UCDP export whose table cannot fit 80 columns (long names, deaths in the
/// thousands with wide ranges): each row becomes a record, and no name is broken.
#[test]
fn an_events_table_too_wide_for_80_columns_becomes_records_with_whole_names() {
    let fixture = Fixture::basic_with_real_groups();
    let header = std::fs::read_to_string(fixture_dir("events").join("ucdp-small.csv"))
        .expect("fixture")
        .lines()
        .next()
        .expect("a header")
        .to_string();
    let columns: Vec<&str> = header.split(',').collect();
    let mut csv = format!("{header}\n");
    let mut id = 0;
    for (side_a, country) in [("Taleban", "Afghanistan"), ("Al-Shabaab", "Somalia")] {
        for year in 2022..=2024 {
            for day in 10..=28 {
                id += 1;
                let cell = |name: &str| match name {
                    "id" => id.to_string(),
                    "year" => year.to_string(),
                    "type_of_violence" => "1".into(),
                    "side_a" => side_a.into(),
                    "side_b" => "Civilians".into(),
                    "country" => country.into(),
                    "date_start" | "date_end" => format!("{year}-03-{day}"),
                    "best" => "600".into(),
                    "low" => "500".into(),
                    "high" => "950".into(),
                    _ => String::new(),
                };
                let row: Vec<String> = columns.iter().map(|c| cell(c)).collect();
                csv.push_str(&row.join(","));
                csv.push('\n');
            }
        }
    }
    let export = fixture.dir.path().join("ucdp-wide.csv");
    std::fs::write(&export, csv).unwrap();
    let run = fixture.run(&["events", export.to_str().expect("utf-8")]);
    let out = run.ok();
    let wide: Vec<&str> = too_wide(out)
        .into_iter()
        .filter(|l| !l.ends_with("ucdp-wide.csv: UCDP GED website export,"))
        .collect();
    assert!(wide.is_empty(), "{wide:#?}");
    for record in [
        "taliban · Afghanistan · 2022",
        "al-shabaab · Somalia · 2024",
    ] {
        assert!(out.contains(record), "{record}:\n{out}");
    }
    assert!(
        out.contains("deaths 11,400 (9,500–18,050)"),
        "a count and its range stay together:\n{out}"
    );
}

/// Warnings are one line each for a script, and wrapped at whole words for a person
/// at a terminal.
#[test]
fn warnings_are_wrapped_on_a_terminal_only() {
    let fixture = Fixture::empty();
    let piped = fixture.run(&["validate"]);
    assert!(
        piped
            .stderr
            .lines()
            .any(|l| l.starts_with("warning: ") && l.chars().count() > 80),
        "{piped:?}"
    );
    let Some(text) = on_a_terminal(&fixture, "validate") else {
        return;
    };
    assert!(text.contains("warning: "), "{text}");
    assert!(too_wide(&text).is_empty(), "{text}");
}

#[test]
fn check_and_table_fit_80_columns() {
    let fixture = with_claims();
    let check = fixture.run(&["check"]);
    assert!(too_wide(&check.stdout).is_empty(), "{check:?}");
    let table = fixture.run(&["table"]);
    assert!(too_wide(table.ok()).is_empty(), "{table:?}");
}

#[test]
fn check_summary_goes_to_stderr_when_stdout_is_not_a_terminal() {
    let run = with_claims().run(&["check"]);
    assert_eq!(run.code, 3);
    assert!(run.stderr.contains("check failed: 8 claims:"), "{run:?}");
}

#[test]
fn check_summary_shows_once_on_a_terminal() {
    let Some(text) = on_a_terminal(&with_claims(), "check") else {
        return;
    };
    assert_eq!(text.matches("8 claims:").count(), 1, "{text}");
    assert!(!text.contains("check failed"), "{text}");
}

#[test]
fn validate_sources_and_sensitivity_fit_80_columns_on_the_shipped_data() {
    let fixture = Fixture::empty();
    for command in ["validate", "sources", "sensitivity"] {
        let run = fixture.run(&[command]);
        // A URL is never broken.
        let wide: Vec<&str> = too_wide(run.ok())
            .into_iter()
            .filter(|l| {
                !l.trim_start()
                    .trim_start_matches("via ")
                    .starts_with("http")
            })
            .collect();
        assert!(wide.is_empty(), "{command}: {wide:#?}");
    }
}

/// Twelve comparisons with long labels, as an analyst's own data will have: the table
/// still fits 80 columns, the report has every comparison in its summary and its
/// charts grow a row per comparison instead of squeezing them.
#[test]
fn twelve_comparisons_give_a_readable_table_report_and_charts() {
    let fixture = Fixture::empty();
    let dir = fixture.dir.path().join("datasets");
    std::fs::create_dir(&dir).unwrap();
    let n = 12;
    let rows = |f: &dyn Fn(usize) -> String| (0..n).map(f).collect::<Vec<_>>().join("\n");
    let files = [
        (
            "sources.csv",
            "id,title,publisher,published,url,accessed,note\nsrc-1,Figures,Example Institute,2025-01-01,https://example.org,,fixture".to_string(),
        ),
        ("groups.csv", format!("id,name,aliases,parent,note\n{}", rows(&|i| format!("g{i},Group {i},,,fixture")))),
        (
            "countries.csv",
            format!("id,name,iso3\n{}", rows(&|i| format!("c{i},Country {i},{}", iso3(i)))),
        ),
        (
            "fighters.csv",
            format!(
                "group,year,central,low,high,source,preferred,note\n{}",
                rows(&|i| format!("g{i},2025,{},{},{},src-1,,", 1000 + 500 * i, 800 + 500 * i, 1300 + 500 * i))
            ),
        ),
        (
            "soldiers.csv",
            format!(
                "country,year,component,central,low,high,source,preferred,note\n{}",
                rows(&|i| format!("c{i},2025,army,{},,,src-1,,", 9000 + 1000 * i))
            ),
        ),
        (
            "population.csv",
            format!(
                "country,year,central,low,high,source,preferred,note\n{}",
                rows(&|i| format!("c{i},2025,{},,,src-1,,", 2_000_000 + 750_000 * i))
            ),
        ),
        (
            "area.csv",
            format!("country,km2,source,preferred,note\n{}", rows(&|i| format!("c{i},{},src-1,,", 40_000 + 9_000 * i))),
        ),
    ];
    for (name, text) in files {
        std::fs::write(dir.join(name), format!("{text}\n")).unwrap();
    }
    let comparisons = rows(&|i| {
        format!(
            "[[comparison]]\nid = \"k{i}\"\nlabel = \"Islamic State West Africa Province {i} in the Lake Chad Basin\"\ngroup = \"g{i}\"\ncountries = [\"c{i}\"]\nyear = 2025\nsoldiers = [\"army\"]\n"
        )
    });
    std::fs::write(dir.join("comparisons.toml"), comparisons).unwrap();

    let table = fixture.run(&["table", "--draws", "500"]);
    assert!(too_wide(table.ok()).is_empty(), "{table:?}");

    fixture
        .run(&["report", "--out", "r.md", "--draws", "500"])
        .ok();
    let md = std::fs::read_to_string(fixture.dir.path().join("r.md")).unwrap();
    for i in 0..n {
        let label = format!("| Islamic State West Africa Province {i} in the Lake Chad Basin |");
        assert!(md.contains(&label), "the summary lacks comparison {i}");
    }
    let chart =
        std::fs::read_to_string(fixture.dir.path().join("r/people_per_fighter.svg")).unwrap();
    let doc = roxmltree::Document::parse(&chart).expect("SVG");
    let height: f64 = doc
        .root_element()
        .attribute("height")
        .and_then(|h| h.trim_end_matches("px").parse().ok())
        .expect("a height");
    assert!(height > 12.0 * 40.0, "12 rows in {height} px");
    // Every label is drawn whole, over as many lines as it takes.
    let texts: String = doc
        .descendants()
        .filter_map(|n| n.text())
        .collect::<Vec<_>>()
        .join(" ");
    assert!(texts.contains("Lake Chad"), "{texts}");
}

/// Three upper-case letters for country `i`.
fn iso3(i: usize) -> String {
    (0..3)
        .map(|k| char::from(b'A' + ((i / 26usize.pow(2 - k)) % 26) as u8))
        .collect()
}
