//! The event metrics: an export's counts joined with the datasets in `table` and
//! `report` (`--events FILE`), with exact expected values from the hand-made fixtures.

use serde_json::Value;

use crate::events::EVENT_CLAIMS;
use crate::util::{fixture_dir, Fixture};

/// The basic fixture with JNIM in Mali: fighters 5,000 (4,000–6,000) in 2025 and 5,000
/// in 2023; Mali's population 25 million in 2025 and 23 million in 2023; its area and
/// soldiers so that every metric computes.
fn jnim_in_mali() -> Fixture {
    let fixture = Fixture::basic_with_real_groups();
    let append = |name: &str, text: &str| {
        let mut all = String::from_utf8(fixture.read(name)).expect("utf-8");
        all.push_str(text);
        fixture.write(name, all);
    };
    append("countries.csv", "mali,Mali,MLI\n");
    append(
        "fighters.csv",
        "jnim,2025,5000,4000,6000,src-a,,fixture\njnim,2023,5000,,,src-a,,fixture\n",
    );
    append(
        "population.csv",
        "mali,2025,25000000,,,src-c,,fixture\nmali,2023,23000000,,,src-c,,fixture\n",
    );
    append("area.csv", "mali,1240192,src-c,,fixture\n");
    append(
        "soldiers.csv",
        "mali,2023,armed-forces,40000,,,src-b,,fixture\n",
    );
    append(
        "comparisons.toml",
        r#"
[[comparison]]
id = "jnim-ml"
label = "JNIM in Mali"
group = "jnim"
countries = ["mali"]
year = 2025
soldiers = ["armed-forces"]

[[comparison]]
id = "jnim-ml-2023"
label = "JNIM in Mali, 2023"
group = "jnim"
countries = ["mali"]
year = 2023
soldiers = ["armed-forces"]
"#,
    );
    fixture
}

fn export(name: &str) -> String {
    fixture_dir("events")
        .join(name)
        .to_str()
        .expect("path")
        .to_string()
}

fn table(fixture: &Fixture, file: &str, extra: &[&str]) -> (Vec<Value>, String) {
    let file = export(file);
    let mut args = vec!["table", "--events", &file, "--format", "json"];
    for metric in [
        "fatalities_per_1000_fighters",
        "events_per_million_people",
        "large_attacks_per_year",
    ] {
        args.extend(["--metric", metric]);
    }
    args.extend(extra);
    let run = fixture.run(&args);
    let rows: Vec<Value> = serde_json::from_str(run.ok()).expect("json");
    (rows, run.stderr)
}

fn value(rows: &[Value], comparison: &str, metric: &str) -> Option<Value> {
    rows.iter()
        .find(|r| r["comparison"] == comparison && r["metric"] == metric)
        .cloned()
}

fn close(v: &Value, key: &str, expected: f64) {
    let got = v[key].as_f64().unwrap_or_else(|| panic!("no {key} in {v}"));
    assert!(
        (got - expected).abs() <= 1e-9 * expected.abs().max(1.0),
        "{key}: {got} != {expected} in {v}"
    );
}

#[test]
fn acled_counts_set_against_fighters_and_population() {
    let fixture = jnim_in_mali();
    let (rows, stderr) = table(
        &fixture,
        "acled-small.csv",
        &["--comparison", "jnim-ml", "--comparison", "jnim-ml-2023"],
    );
    // Mali 2025: 4 events involving JNIM alone, 90 deaths, 2 initiated with 20 or more;
    // the export's usable events run from 2024-05-05 to 2025-07-01: 182 days of 2025,
    // so every event metric is annualised by 365 / 182.
    let year = 365.0 / 182.0;
    let deaths = value(&rows, "jnim-ml", "fatalities_per_1000_fighters").expect("row");
    close(&deaths, "value", 18.0 * year);
    close(&deaths, "bound_low", 15.0 * year);
    close(&deaths, "bound_high", 22.5 * year);
    let events = value(&rows, "jnim-ml", "events_per_million_people").expect("row");
    close(&events, "value", 0.16 * year);
    let large = value(&rows, "jnim-ml", "large_attacks_per_year").expect("row");
    close(&large, "value", 2.0 * 365.0 / 182.0);
    // Tidy rows name the export they were counted from.
    assert_eq!(large["events"], "acled-small.csv", "{large}");
    assert!(
        large["notes"]
            .as_str()
            .expect("notes")
            .contains("acled-small.csv covers 182 of the 365 days of 2025: every event metric is annualised over them"),
        "{large}"
    );
    // The export has no event in Mali in 2023: no event metric, and it is said.
    assert!(value(&rows, "jnim-ml-2023", "events_per_million_people").is_none());
    assert!(
        stderr.contains("jnim-ml-2023: acled-small.csv has no event in Mali in 2023"),
        "{stderr}"
    );
    // The rows left out of the export are reported here too.
    assert!(
        stderr.contains("acled-small.csv:11: row left out"),
        "{stderr}"
    );
}

#[test]
fn ucdp_death_ranges_carry_into_the_bounds() {
    let fixture = jnim_in_mali();
    let (rows, stderr) = table(
        &fixture,
        "ucdp-small.csv",
        &["--comparison", "jnim-ml-2023"],
    );
    // Mali 2023: two events, deaths 35 (28–54); the export runs from 2023-06-10: 205
    // days of 2023, annualised by 365 / 205.
    let year = 365.0 / 205.0;
    let deaths = value(&rows, "jnim-ml-2023", "fatalities_per_1000_fighters").expect("row");
    close(&deaths, "value", 7.0 * year);
    close(&deaths, "bound_low", 5.6 * year);
    close(&deaths, "bound_high", 10.8 * year);
    let events = value(&rows, "jnim-ml-2023", "events_per_million_people").expect("row");
    close(&events, "value", 2e6 / 23e6 * year);
    // UCDP records no attacker: no large-scale attacks per year, and it is said.
    assert!(value(&rows, "jnim-ml-2023", "large_attacks_per_year").is_none());
    assert!(
        stderr.contains("ucdp-small.csv gives no large_attacks_per_year for any comparison: UCDP records no attacker"),
        "{stderr}"
    );
}

#[test]
fn the_large_scale_threshold_follows_large() {
    let fixture = jnim_in_mali();
    let (rows, _) = table(
        &fixture,
        "acled-small.csv",
        &["--comparison", "jnim-ml", "--large", "21"],
    );
    let large = value(&rows, "jnim-ml", "large_attacks_per_year").expect("row");
    close(&large, "value", 365.0 / 182.0);
}

#[test]
fn event_metrics_need_an_export() {
    let fixture = jnim_in_mali();
    fixture
        .run(&["table", "--metric", "large_attacks_per_year"])
        .fails(
            2,
            &["--metric large_attacks_per_year is counted from an event export: add --events FILE"],
        );
    fixture
        .run(&["table", "--large", "10"])
        .fails(2, &["--events"]);
    fixture
        .run(&["table", "--events", "no-such.csv"])
        .fails(2, &["no-such.csv: no such file"]);
    // Without --events, the default table has no event metric and no events column.
    let run = fixture.run(&["table", "--format", "csv"]);
    assert!(!run.ok().contains("large_attacks_per_year"), "{run:?}");
    assert!(
        !run.stdout.lines().next().unwrap_or("").contains("events"),
        "{run:?}"
    );
}

#[test]
fn an_export_covering_no_comparison_is_said_not_hidden() {
    let fixture = jnim_in_mali();
    let run = fixture.run(&[
        "table",
        "--events",
        &export("acled-small.csv"),
        "--comparison",
        "alpha-ns",
        "--metric",
        "events_per_million_people",
    ]);
    let out = run.ok();
    assert!(
        run.stderr
            .contains("alpha-ns: acled-small.csv has no event in Northland in 2025"),
        "{run:?}"
    );
    assert!(out.contains("events per million people"), "{out}");
}

#[test]
fn the_report_shows_event_metrics_and_stamps_the_export() {
    let fixture = jnim_in_mali();
    std::fs::write(fixture.dir.path().join("claims.toml"), EVENT_CLAIMS).expect("write");
    let run = fixture.run(&[
        "report",
        "--out",
        "r.md",
        "--claims",
        "claims.toml",
        "--events",
        &export("acled-small.csv"),
    ]);
    run.ok();
    // One reading serves the metrics and the claims: each left-out row is said once.
    assert_eq!(
        run.stderr
            .matches("row left out: fatalities \"-3\"")
            .count(),
        1,
        "{run:?}"
    );
    let md = std::fs::read_to_string(fixture.dir.path().join("r.md")).expect("report");
    for needle in [
        "## Deaths per 1,000 fighters",
        "## Large-scale attacks per year",
        "### Event counts",
        "- Events: acled-small.csv (ACLED export, 11 rows from 2024-05-05 to 2025-07-01",
        "- jnim-ml-2023: acled-small.csv has no event in Mali in 2023",
        "| Large-scale attacks per year |",
        "5 claims: 2 consistent, 0 plausible, 1 inconsistent, 2 unverifiable",
    ] {
        assert!(md.contains(needle), "report lacks {needle:?}:\n{md}");
    }
    assert!(fixture
        .dir
        .path()
        .join("r/large_attacks_per_year.svg")
        .is_file());
    // The same report without the export has no event metric.
    fixture.run(&["report", "--out", "plain.md"]).ok();
    let plain = std::fs::read_to_string(fixture.dir.path().join("plain.md")).expect("report");
    assert!(!plain.contains("Event counts"), "{plain}");
}

#[test]
fn terminal_table_with_events_snapshot() {
    let fixture = jnim_in_mali();
    let file = export("acled-small.csv");
    let mut args = vec!["table", "--events", &file, "--comparison", "jnim-ml"];
    for metric in [
        "fatalities_per_1000_fighters",
        "events_per_million_people",
        "large_attacks_per_year",
    ] {
        args.extend(["--metric", metric]);
    }
    insta::assert_snapshot!(fixture.run(&args).ok());
}

/// A yearly rate from a few weeks is not given: an export covering 21 days of 2025
/// gives no event metric below the least coverage (90 days by default), and says why;
/// `--min-days` lowers it, and the rate is then annualised over the days covered.
#[test]
fn a_few_weeks_of_events_give_no_yearly_rate() {
    let fixture = jnim_in_mali();
    let header = String::from_utf8(
        std::fs::read(fixture_dir("events").join("acled-small.csv")).expect("fixture"),
    )
    .expect("utf-8")
    .lines()
    .next()
    .expect("header")
    .to_string();
    let row = |id: &str, date: &str, deaths: u32| {
        format!("{id},{date},2025,1,Political violence,Battles,Armed clash,JNIM: Group for Support of Islam and Muslims,,Rebel group,Military Forces of Mali (2021-),,State forces,Rebel group-State forces,,466,Western Africa,Mali,,,,Fixture,14.0,-4.0,1,Fixture source,National,,{deaths},,1700000000\n")
    };
    fixture.write(
        "weeks.csv",
        format!(
            "{header}\n{}{}",
            row("MLI1", "2025-06-01", 25),
            row("MLI2", "2025-06-21", 3)
        ),
    );
    let path = fixture.path("weeks.csv").display().to_string();
    let run = |extra: &[&str]| {
        let mut args = vec![
            "table",
            "--events",
            &path,
            "--comparison",
            "jnim-ml",
            "--metric",
            "large_attacks_per_year",
            "--format",
            "json",
        ];
        args.extend(extra);
        let run = fixture.run(&args);
        let rows: Vec<Value> = serde_json::from_str(run.ok()).expect("json");
        (rows, run.stderr)
    };
    let (rows, stderr) = run(&[]);
    assert!(
        value(&rows, "jnim-ml", "large_attacks_per_year").is_none(),
        "{rows:?}"
    );
    assert!(
        stderr.contains("jnim-ml: weeks.csv covers 21 days of 2025, fewer than the 90 a yearly rate is given from"),
        "{stderr}"
    );
    let (rows, _) = run(&["--min-days", "21"]);
    let large = value(&rows, "jnim-ml", "large_attacks_per_year").expect("row");
    close(&large, "value", 365.0 / 21.0);
    fixture
        .run(&["table", "--events", &path, "--min-days", "0"])
        .fails(2, &["--min-days"]);
}

/// UCDP gives some events a best estimate outside their own low and high. The row is
/// counted as given; the events table shows the total as outside its range, and an
/// event metric uses the best without an interval, saying so, instead of failing the
/// table on a range that leaves out its own centre.
#[test]
fn a_best_estimate_outside_its_own_range_is_shown_as_such() {
    let fixture = jnim_in_mali();
    fixture.write_file(
        "web.csv",
        "id,year,type_of_violence,side_a,side_b,country,date_start,date_end,best_est,high_est,low_est\n\
         1,2023,1,JNIM,Government of Mali,Mali,2023-06-10,2023-06-10,5,9,7,\n\
         2,2023,1,JNIM,Government of Mali,Mali,2023-12-31,2023-12-31,3,4,2,\n",
    );
    let run = fixture.run(&["events", "web.csv"]);
    let text = run.ok().to_string();
    assert!(text.contains("8 (outside 9–13)"), "{text}");
    assert!(
        run.stderr.contains("1 row gives a best estimate of deaths outside its own low and high (the first is data row 1)")
            || text.contains("1 row gives a best estimate of deaths outside its own low and"),
        "{run:?}"
    );
    let run = fixture.run(&[
        "table",
        "--events",
        "web.csv",
        "--comparison",
        "jnim-ml-2023",
        "--metric",
        "fatalities_per_1000_fighters",
        "--format",
        "json",
    ]);
    let rows: Vec<Value> = serde_json::from_str(run.ok()).expect("json");
    let deaths = value(&rows, "jnim-ml-2023", "fatalities_per_1000_fighters").expect("row");
    // 8 deaths over 5,000 fighters, annualised over 205 days of 2023.
    close(&deaths, "value", 8.0 / 5.0 * 365.0 / 205.0);
    assert!(
        deaths["notes"]
            .as_str()
            .expect("notes")
            .contains("the deaths' best estimate 8 lies outside the low–high it gives (9–13)"),
        "{deaths}"
    );
}

/// Events over the years: each year's count set against that year's population (or the
/// nearest earlier one, carried), annualised over the days of that year the export
/// covers; a year it has no event in is not available, with the reason.
#[test]
fn event_metrics_follow_the_years_the_export_covers() {
    let fixture = jnim_in_mali();
    let file = export("acled-small.csv");
    let run = fixture.run(&[
        "table",
        "--years",
        "2023..2025",
        "--comparison",
        "jnim-ml",
        "--events",
        &file,
        "--metric",
        "events_per_million_people",
        "--format",
        "json",
    ]);
    let rows: Vec<Value> = serde_json::from_str(run.ok()).expect("json");
    let year = |y: i64| {
        rows.iter()
            .find(|r| r["year"].as_i64() == Some(y))
            .unwrap_or_else(|| panic!("no {y} in {rows:?}"))
    };
    assert!(year(2023)["value"].is_null());
    assert!(
        year(2023)["not_available"]
            .as_str()
            .expect("reason")
            .contains("acled-small.csv has no event in Mali in 2023"),
        "{rows:?}"
    );
    // 2024: one event over the 241 days from 5 May, against 2023's 23 million people.
    close(year(2024), "value", 1.0 / 23.0 * 366.0 / 241.0);
    assert_eq!(year(2024)["carried"], "mali population 2023");
    // 2025: four events over the 182 days to 1 July, against 25 million.
    close(year(2025), "value", 4.0 / 25.0 * 365.0 / 182.0);
    assert_eq!(year(2025)["change_from"].as_i64(), Some(2024));
}
