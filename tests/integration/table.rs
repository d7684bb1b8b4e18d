//! `table` on the basic fixture: snapshots of what people read, numbers with tolerances.

use approx::assert_relative_eq;
use serde_json::Value;

use crate::util::Fixture;

fn json_rows(stdout: &str) -> Vec<Value> {
    serde_json::from_str::<Value>(stdout)
        .expect("valid JSON")
        .as_array()
        .expect("an array of rows")
        .clone()
}

fn value(rows: &[Value], comparison: &str, versus: Option<&str>, metric: &str) -> f64 {
    rows.iter()
        .find(|r| {
            r["comparison"] == comparison && r["metric"] == metric && r["versus"].as_str() == versus
        })
        .unwrap_or_else(|| panic!("no row {comparison} {versus:?} {metric}"))["value"]
        .as_f64()
        .expect("numeric value")
}

#[test]
fn terminal_table_snapshot() {
    let run = Fixture::basic().run(&["table"]);
    insta::assert_snapshot!(run.ok());
}

#[test]
fn markdown_table_snapshot() {
    let run = Fixture::basic().run(&["table", "--format", "markdown"]);
    insta::assert_snapshot!(run.ok());
}

#[test]
fn terminal_table_fits_80_columns_on_the_shipped_data() {
    let run = Fixture::empty().run(&["table"]);
    for line in run.ok().lines() {
        assert!(
            line.chars().count() <= 80,
            "line too wide ({}): {line}",
            line.chars().count()
        );
    }
}

#[test]
fn metric_values() {
    let run = Fixture::basic().run(&["table", "--format", "json"]);
    let rows = json_rows(run.ok());
    // alpha: 1000 fighters; north + south: 10,000 soldiers, 12,000,000 people, 48,610.2 sq mi.
    assert_relative_eq!(
        value(&rows, "alpha-ns", None, "soldiers_per_fighter"),
        10.0,
        max_relative = 1e-12
    );
    assert_relative_eq!(
        value(&rows, "alpha-ns", None, "people_per_fighter"),
        12_000.0,
        max_relative = 1e-12
    );
    assert_relative_eq!(
        value(&rows, "alpha-ns", None, "area_per_fighter"),
        48.610_215_854_2,
        max_relative = 1e-9
    );
    assert_relative_eq!(
        value(&rows, "alpha-ns", None, "fighters_per_1000_people"),
        1000.0 / 12_000.0,
        max_relative = 1e-12
    );
    assert_relative_eq!(
        value(&rows, "alpha-ns", None, "soldiers_per_1000_people"),
        10_000.0 / 12_000.0,
        max_relative = 1e-12
    );
    // beta 2022: 500 fighters; east: 3,000 soldiers (2020), 1,000,000 people (preferred row), 1,000 sq mi.
    assert_relative_eq!(
        value(&rows, "beta-east", None, "soldiers_per_fighter"),
        6.0,
        max_relative = 1e-12
    );
    assert_relative_eq!(
        value(&rows, "beta-east", None, "people_per_fighter"),
        2_000.0,
        max_relative = 1e-12
    );
    assert_relative_eq!(
        value(&rows, "beta-east", None, "area_per_fighter"),
        2.0,
        max_relative = 1e-9
    );
    // Pairwise: alpha-ns against beta-east.
    assert_relative_eq!(
        value(&rows, "alpha-ns", Some("beta-east"), "fighters_ratio"),
        2.0,
        max_relative = 1e-12
    );
    assert_relative_eq!(
        value(&rows, "alpha-ns", Some("beta-east"), "population_ratio"),
        12.0,
        max_relative = 1e-12
    );
    assert_relative_eq!(
        value(&rows, "alpha-ns", Some("beta-east"), "soldiers_ratio"),
        10_000.0 / 3_000.0,
        max_relative = 1e-12
    );
}

#[test]
fn metric_units_switch_areas_to_km2() {
    let run = Fixture::basic().run(&[
        "table",
        "--format",
        "json",
        "--units",
        "metric",
        "--metric",
        "area_per_fighter",
    ]);
    let rows = json_rows(run.ok());
    assert_relative_eq!(
        value(&rows, "beta-east", None, "area_per_fighter"),
        2589.988110336 / 500.0,
        max_relative = 1e-12
    );
    assert_eq!(rows[0]["unit"], "km² per fighter");
    assert_eq!(rows.len(), 2, "one row per comparison for one metric");
}

#[test]
fn tidy_csv_has_the_public_columns() {
    let run = Fixture::basic().run(&["table", "--format", "csv"]);
    let stdout = run.ok();
    let header = stdout.lines().next().expect("a header");
    assert_eq!(
        header,
        "comparison,versus,metric,value,unit,display,p05,p50,p95,bound_low,bound_high,year,overridden,notes,seed,draws,data,sources"
    );
    // 2 comparisons × 5 metrics + 1 pair × 4 ratios.
    assert_eq!(stdout.lines().count(), 1 + 10 + 4);
    assert!(
        stdout
            .contains("alpha-ns,,people_per_fighter,12000.0,people per fighter,\"1 per 12,000\","),
        "{stdout}"
    );
}

#[test]
fn year_fallbacks_are_said_in_every_format() {
    let fixture = Fixture::basic();
    for format in ["table", "markdown", "csv", "json"] {
        let run = fixture.run(&["table", "--format", format]);
        let out = run.ok();
        assert!(
            out.contains("population 2024 used for 2025 (Southland)"),
            "{format}: {out}"
        );
        assert!(
            out.contains("soldiers (armed-forces) 2020 used for 2022 (Eastland)"),
            "{format}: {out}"
        );
    }
}

#[test]
fn every_output_names_its_data() {
    let fixture = Fixture::basic();
    assert!(fixture.run(&["table"]).ok().starts_with("data: datasets/"));
    assert!(fixture
        .run(&["table", "--format", "markdown"])
        .ok()
        .contains("Data: datasets/ (found in the current directory)."));
    let rows = json_rows(fixture.run(&["table", "--format", "json"]).ok());
    assert!(rows.iter().all(|r| r["data"] == "datasets/"));
}

#[test]
fn embedded_data_is_used_outside_the_repository() {
    let run = Fixture::empty().run(&["table", "--comparison", "jnim-sahel", "--format", "json"]);
    let rows = json_rows(run.ok());
    assert!(rows.iter().all(|r| r["data"] == "embedded"));
    // 6,000 fighters; 37,500 + 20,000 regular soldiers; 25,198,821 + 24,074,580 people.
    assert_relative_eq!(
        value(&rows, "jnim-sahel", None, "soldiers_per_fighter"),
        57_500.0 / 6_000.0,
        max_relative = 1e-12
    );
    assert_relative_eq!(
        value(&rows, "jnim-sahel", None, "people_per_fighter"),
        49_273_401.0 / 6_000.0,
        max_relative = 1e-12
    );
    assert!(Fixture::empty()
        .run(&["validate"])
        .ok()
        .contains("data: embedded"));
}

#[test]
fn set_overrides_are_marked() {
    let fixture = Fixture::basic();
    let run = fixture.run(&[
        "table",
        "--format",
        "json",
        "--set",
        "alpha.fighters=2000",
        "--set",
        "south.soldiers=4000",
    ]);
    let rows = json_rows(run.ok());
    assert_relative_eq!(
        value(&rows, "alpha-ns", None, "soldiers_per_fighter"),
        12_000.0 / 2_000.0,
        max_relative = 1e-12
    );
    let people = rows
        .iter()
        .find(|r| r["comparison"] == "alpha-ns" && r["metric"] == "people_per_fighter")
        .expect("row");
    assert_eq!(people["overridden"], true);
    assert!(people["notes"]
        .as_str()
        .expect("notes")
        .contains("fighters of Alpha Front set to 2,000 by --set"));
    let beta = rows
        .iter()
        .find(|r| r["comparison"] == "beta-east" && r["metric"] == "people_per_fighter")
        .expect("row");
    assert_eq!(beta["overridden"], false);
    let terminal = fixture.run(&["table", "--set", "alpha.fighters=2000"]);
    assert!(terminal.ok().contains("* uses a value set with --set"));
    // The data files are untouched.
    assert!(String::from_utf8(fixture.read("fighters.csv"))
        .expect("utf-8")
        .contains("alpha,2025,1000,"));
}

#[test]
fn counting_militia_changes_the_soldiers() {
    let fixture = Fixture::basic();
    fixture.replace(
        "comparisons.toml",
        "soldiers = [\"armed-forces\"]",
        "soldiers = [\"armed-forces\", \"militia\"]",
    );
    let rows = json_rows(
        fixture
            .run(&["table", "--format", "json", "--comparison", "alpha-ns"])
            .ok(),
    );
    assert_relative_eq!(
        value(&rows, "alpha-ns", None, "soldiers_per_fighter"),
        15.0,
        max_relative = 1e-12
    );
    let notes = rows[0]["notes"].as_str().expect("notes");
    assert!(
        notes.contains("no militia estimate for Northland in or before 2025: counted as none"),
        "{notes}"
    );
}

#[test]
fn filters_and_base() {
    let fixture = Fixture::basic();
    let rows = json_rows(
        fixture
            .run(&[
                "table",
                "--format",
                "json",
                "--base",
                "beta-east",
                "--metric",
                "fighters_ratio",
            ])
            .ok(),
    );
    assert_eq!(rows.len(), 1);
    assert_relative_eq!(
        value(&rows, "beta-east", Some("alpha-ns"), "fighters_ratio"),
        0.5,
        max_relative = 1e-12
    );
}

#[test]
fn sources_lists_citing_figures() {
    let out = Fixture::basic().run(&["sources"]).ok().to_string();
    assert!(out.contains("[1] Alpha report  (src-a)"), "{out}");
    assert!(
        out.contains("cited by datasets/fighters.csv:2: alpha fighters 2025 = 1,000 (800–1,200)"),
        "{out}"
    );
    assert!(
        out.contains("cited by datasets/population.csv:5: east population 2022 = 1,200,000"),
        "{out}"
    );
}

#[test]
fn validate_passes_on_the_fixture_and_lists_fallbacks() {
    let out = Fixture::basic().run(&["validate"]).ok().to_string();
    assert!(
        out.contains("valid: 3 sources, 3 groups, 3 countries"),
        "{out}"
    );
    assert!(
        out.contains("beta-east: soldiers (armed-forces) 2020 used for 2022 (Eastland)"),
        "{out}"
    );
}
