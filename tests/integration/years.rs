//! `table --years`: each year's figure from that year's estimates or the nearest
//! earlier ones (carried, and said), a year with no estimate at all shown as not
//! available with the reason, and the change since the first year computed on the same
//! draws (a year whose inputs are all carried has changed by exactly 1×).

use serde_json::Value;

use crate::util::Fixture;

/// The tidy rows of beta-east (fighters 2020 and 2022, soldiers 2020, population
/// 2022 from two pooled sources) from 2019 to 2023.
fn beta_years(fixture: &Fixture, metric: &str) -> Vec<Value> {
    let run = fixture.run(&[
        "table",
        "--years",
        "2019..2023",
        "--comparison",
        "beta-east",
        "--metric",
        metric,
        "--format",
        "json",
        "--draws",
        "20000",
    ]);
    serde_json::from_str(run.ok()).expect("json")
}

fn year(rows: &[Value], year: i64) -> &Value {
    rows.iter()
        .find(|r| r["year"].as_i64() == Some(year))
        .unwrap_or_else(|| panic!("no {year} in {rows:?}"))
}

#[test]
fn each_year_from_its_own_or_the_nearest_earlier_estimates() {
    let fixture = Fixture::basic();
    let rows = beta_years(&fixture, "soldiers_per_fighter");
    assert_eq!(rows.len(), 5, "one row per year: {rows:?}");
    // 2019: no soldiers (nor fighters) estimate at all, in or before it.
    let none = year(&rows, 2019);
    assert!(none["value"].is_null(), "{none}");
    assert!(
        none["not_available"]
            .as_str()
            .expect("reason")
            .contains("estimate for east in or before 2019"),
        "{none}"
    );
    // 2020: its own estimates; the first year with a figure has no change.
    assert_eq!(year(&rows, 2020)["value"].as_f64(), Some(3.0));
    assert!(year(&rows, 2020)["change"].is_null());
    assert_eq!(year(&rows, 2020)["carried"], "");
    // 2021: both inputs carried from 2020, and said so.
    let carried = year(&rows, 2021);
    assert_eq!(carried["value"].as_f64(), Some(3.0));
    assert_eq!(carried["carried"], "east soldiers 2020;beta fighters 2020");
    assert_eq!(carried["change_from"].as_i64(), Some(2020));
    assert_eq!(carried["change"].as_f64(), Some(1.0));
    // 2022: 500 fighters against 3,000 soldiers: twice as many soldiers per fighter.
    let later = year(&rows, 2022);
    assert_eq!(later["value"].as_f64(), Some(6.0));
    assert_eq!(later["change"].as_f64(), Some(2.0));
    assert_eq!(later["carried"], "east soldiers 2020");
    assert_eq!(later["sources"], "src-b;src-a");
}

#[test]
fn a_change_is_computed_on_shared_draws() {
    let fixture = Fixture::basic();
    let rows = beta_years(&fixture, "fighters_per_1000_people");
    // Population first in 2022 (two sources, pooled: an uncertain input).
    for y in [2019, 2020, 2021] {
        assert!(year(&rows, y)["value"].is_null(), "{y}: {rows:?}");
    }
    let first = year(&rows, 2022);
    let (p05, p95) = (
        first["p05"].as_f64().expect("p05"),
        first["p95"].as_f64().expect("p95"),
    );
    assert!(p05 < p95, "the pooled population gives a spread: {first}");
    // 2023 carries every input of 2022: the change is 1× in every trial, so its
    // interval has no width, though each year's own interval has.
    let same = year(&rows, 2023);
    assert_eq!(same["change"].as_f64(), Some(1.0), "{same}");
    assert_eq!(same["change_p05"].as_f64(), Some(1.0), "{same}");
    assert_eq!(same["change_p95"].as_f64(), Some(1.0), "{same}");
    assert_eq!(same["p05"].as_f64(), Some(p05));
}

#[test]
fn the_terminal_blocks_fit_80_columns_and_say_what_is_missing() {
    let fixture = Fixture::basic();
    let run = fixture.run(&["table", "--years", "2019..2023"]);
    let out = run.ok();
    for line in out.lines() {
        assert!(
            line.chars().count() <= 80,
            "{} columns: {line}",
            line.chars().count()
        );
    }
    assert!(
        out.contains("Beta in Eastland: soldiers per fighter"),
        "{out}"
    );
    assert!(out.contains("since 2020"), "{out}");
    assert!(
        crate::util::flat(out).contains("Eastland soldiers 2020, fighters 2020"),
        "{out}"
    );
    assert!(
        out.contains("– 2019: comparison \"beta-east\" has no soldiers estimate"),
        "{out}"
    );
    // Alpha has no estimate before 2025 in any year asked: every year is said missing,
    // run together.
    assert!(out.contains("2019–2023"), "{out}");
    // Pairwise ratios hold one year against another comparison: not shown over years.
    assert!(!out.contains("as a multiple of"), "{out}");
}

#[test]
fn years_given_wrong_are_usage_errors() {
    let fixture = Fixture::basic();
    fixture.run(&["table", "--years", "2025..2018"]).fails(
        2,
        &["runs backwards: give the earlier year first (2018..2025)"],
    );
    fixture
        .run(&["table", "--years", "2018..soon"])
        .fails(2, &["\"soon\" is not a year"]);
    fixture
        .run(&["table", "--years", "2018..2025", "--base", "beta-east"])
        .fails(2, &["--base"]);
}

const CHANGE_CLAIMS: &str = r#"[document]
source = "src-a"

[[claim]]
id = "beta-halved"
says = "Beta's fighters halved between 2020 and 2022"
entity = "beta"
quantity = "fighters"
change = { from = 2020, to = 2022 }
stated = 0.5

[[claim]]
id = "beta-soldiers-doubled"
says = "the soldiers per Beta fighter doubled from 2020 to 2022"
comparison = "beta-east"
metric = "soldiers_per_fighter"
change = { from = 2020, to = 2022 }
stated = 2

[[claim]]
id = "beta-tripled"
says = "the soldiers per Beta fighter tripled from 2020 to 2022"
comparison = "beta-east"
metric = "soldiers_per_fighter"
change = { from = 2020, to = 2022 }
stated = 3

[[claim]]
id = "beta-density-flat"
says = "Beta's fighters per 1,000 people did not change from 2022 to 2023"
comparison = "beta-east"
metric = "fighters_per_1000_people"
change = { from = 2022, to = 2023 }
stated = 1
"#;

#[test]
fn claims_about_change_are_checked_on_shared_draws() {
    let fixture = Fixture::basic();
    fixture.write_file("change.toml", CHANGE_CLAIMS);
    let run = fixture.run(&["check", "change.toml", "--format", "json"]);
    assert_eq!(run.code, 3, "one claim is inconsistent: {run:?}");
    let rows: Vec<Value> = serde_json::from_str(&run.stdout).expect("json");
    let claim = |id: &str| {
        rows.iter()
            .find(|r| r["claim"] == id)
            .unwrap_or_else(|| panic!("no {id} in {rows:?}"))
    };
    assert_eq!(claim("beta-halved")["verdict"], "consistent");
    assert_eq!(claim("beta-halved")["computed"].as_f64(), Some(0.5));
    assert_eq!(claim("beta-soldiers-doubled")["verdict"], "consistent");
    assert_eq!(
        claim("beta-soldiers-doubled")["computed"].as_f64(),
        Some(2.0)
    );
    let tripled = claim("beta-tripled");
    assert_eq!(tripled["verdict"], "inconsistent", "{tripled}");
    assert!(
        tripled["reason"].as_str().expect("reason").contains(
            "the change in soldiers_per_fighter of beta-east from 2020 to 2022 is 2.0× (3.0 to 6.0)"
        ),
        "{tripled}"
    );
    // Every input of 2023 is carried from 2022 (the pooled population among them): the
    // change is exactly 1× in every trial, though each year's figure has a spread.
    let flat = claim("beta-density-flat");
    assert_eq!(flat["verdict"], "consistent", "{flat}");
    assert_eq!(flat["computed"].as_f64(), Some(1.0));
}

#[test]
fn a_malformed_change_is_placed_at_its_key() {
    let fixture = Fixture::basic();
    let bad = |name: &str, body: &str| {
        fixture.write_file(
            name,
            format!("[document]\nsource = \"src-a\"\n\n[[claim]]\nid = \"c\"\nsays = \"s\"\nstated = 2\n{body}"),
        );
        fixture.run(&["check", name])
    };
    bad(
        "backwards.toml",
        "entity = \"beta\"\nquantity = \"fighters\"\nchange = { from = 2022, to = 2020 }\n",
    )
    .fails(
        1,
        &[
            "backwards.toml:10",
            "change from 2022 to 2020: the first year must be the earlier",
        ],
    );
    bad(
        "versus.toml",
        "comparison = \"alpha-ns\"\nversus = \"beta-east\"\nmetric = \"fighters_ratio\"\nchange = { from = 2022, to = 2025 }\n",
    )
    .fails(1, &["a change is checked for a metric of one comparison or for an estimate"]);
    bad(
        "year.toml",
        "entity = \"beta\"\nquantity = \"fighters\"\nyear = 2021\nchange = { from = 2020, to = 2022 }\n",
    )
    .fails(1, &["year 2021 and change.to 2022 differ"]);
}
