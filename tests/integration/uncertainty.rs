//! Uncertainty: seeded, reproducible Monte Carlo with shared draws, interval bounds,
//! sensitivity, the samples file, and the bad inputs of this part.

use approx::assert_relative_eq;
use serde_json::Value;

use crate::util::Fixture;

fn json(stdout: &str) -> Vec<Value> {
    serde_json::from_str::<Value>(stdout)
        .expect("json")
        .as_array()
        .expect("array")
        .clone()
}

fn row<'a>(rows: &'a [Value], comparison: &str, versus: Option<&str>, metric: &str) -> &'a Value {
    rows.iter()
        .find(|r| {
            r["comparison"] == comparison && r["metric"] == metric && r["versus"].as_str() == versus
        })
        .unwrap_or_else(|| panic!("no row {comparison} {metric}"))
}

fn number(v: &Value, key: &str) -> f64 {
    v[key]
        .as_f64()
        .unwrap_or_else(|| panic!("{key} is not a number: {v}"))
}

/// Adds `alpha-n`: the same group as `alpha-ns` against Northland alone.
fn add_alpha_north(fixture: &Fixture) {
    fixture.replace(
        "comparisons.toml",
        "[[comparison]]\nid = \"beta-east\"",
        "[[comparison]]\nid = \"alpha-n\"\nlabel = \"Alpha in Northland\"\ngroup = \"alpha\"\ncountries = [\"north\"]\nyear = 2025\nsoldiers = [\"armed-forces\"]\n\n[[comparison]]\nid = \"beta-east\"",
    );
}

#[test]
fn the_same_seed_gives_byte_identical_output() {
    let fixture = Fixture::basic();
    for format in ["table", "markdown", "csv", "json"] {
        let first = fixture.run(&["table", "--format", format, "--draws", "20000"]);
        let second = fixture.run(&["table", "--format", format, "--draws", "20000"]);
        assert_eq!(first.ok(), second.ok(), "{format}");
    }
}

#[test]
fn different_seeds_are_close_but_not_identical() {
    let fixture = Fixture::basic();
    let a = json(
        fixture
            .run(&["table", "--format", "json", "--seed", "1"])
            .ok(),
    );
    let b = json(
        fixture
            .run(&["table", "--format", "json", "--seed", "2"])
            .ok(),
    );
    let (ra, rb) = (
        row(&a, "alpha-ns", None, "people_per_fighter"),
        row(&b, "alpha-ns", None, "people_per_fighter"),
    );
    assert_ne!(number(ra, "p05"), number(rb, "p05"));
    for key in ["p05", "p50", "p95"] {
        assert_relative_eq!(number(ra, key), number(rb, key), max_relative = 0.01);
    }
    assert_eq!(ra["seed"], 1);
    assert_eq!(rb["draws"], 100_000);
    // The headline is the central value whatever the seed.
    assert_eq!(number(ra, "value"), 12_000.0);
}

#[test]
fn the_seed_and_draws_are_printed() {
    let fixture = Fixture::basic();
    let out = fixture.run(&["table", "--seed", "7", "--draws", "5000"]);
    assert!(
        out.ok()
            .contains("90% intervals from 5,000 Monte Carlo draws, seed 7"),
        "{out:?}"
    );
    let md = fixture.run(&["table", "--format", "markdown"]);
    assert!(md.ok().contains("(seed 20260101)"));
}

#[test]
fn point_inputs_have_zero_width() {
    let rows = json(Fixture::basic().run(&["table", "--format", "json"]).ok());
    // beta's 500 fighters and east's 1,000 sq mi are single point rows.
    let beta = row(&rows, "beta-east", None, "area_per_fighter");
    for key in ["p05", "p50", "p95", "bound_low", "bound_high"] {
        assert!((number(beta, key) - 2.0).abs() < 1e-12, "{key}");
    }
}

#[test]
fn several_sources_for_one_year_are_pooled() {
    // East's population in 2022: 1,000,000 (preferred) and 1,200,000 from another
    // source, each a point. The headline keeps the preferred row; the draws pick each
    // source half the time, so the 90% interval and the worst case reach both.
    let rows = json(Fixture::basic().run(&["table", "--format", "json"]).ok());
    let beta = row(&rows, "beta-east", None, "people_per_fighter");
    assert_eq!(number(beta, "value"), 2000.0);
    assert_eq!(number(beta, "p05"), 2000.0);
    assert_eq!(number(beta, "p95"), 2400.0);
    assert_eq!(number(beta, "bound_low"), 2000.0);
    assert_eq!(number(beta, "bound_high"), 2400.0);
}

#[test]
fn a_weight_column_shifts_the_pool() {
    // With weight 9 on the preferred row, nine draws in ten take 1,000,000: the
    // median is the preferred source's figure, the worst case still covers both.
    let fixture = Fixture::basic();
    let path = fixture.dir.path().join("datasets/population.csv");
    let text = std::fs::read_to_string(&path).expect("population");
    let text = text
        .replace("preferred,note", "preferred,note,weight")
        .replace("fixture\n", "fixture,\n")
        .replace("falls back for 2025\n", "falls back for 2025,\n")
        .replace("same year\n", "same year,9\n")
        .replace("the other row\n", "the other row,1\n");
    std::fs::write(&path, text).expect("write");
    let rows = json(fixture.run(&["table", "--format", "json"]).ok());
    let beta = row(&rows, "beta-east", None, "people_per_fighter");
    assert_eq!(number(beta, "p50"), 2000.0);
    assert_eq!(number(beta, "bound_high"), 2400.0);
}

#[test]
fn interval_bounds_are_the_worst_case() {
    let rows = json(Fixture::basic().run(&["table", "--format", "json"]).ok());
    // (7,000..9,000 + 2,000) soldiers over 800..1,200 fighters.
    let r = row(&rows, "alpha-ns", None, "soldiers_per_fighter");
    assert_relative_eq!(
        number(r, "bound_low"),
        9_000.0 / 1_200.0,
        max_relative = 1e-12
    );
    assert_relative_eq!(
        number(r, "bound_high"),
        11_000.0 / 800.0,
        max_relative = 1e-12
    );
    assert!(
        number(r, "bound_low") < number(r, "p05") && number(r, "p95") < number(r, "bound_high")
    );
}

#[test]
fn a_group_against_itself_is_one_in_every_trial() {
    let fixture = Fixture::basic();
    add_alpha_north(&fixture);
    let samples = fixture.dir.path().join("draws.csv");
    let run = fixture.run(&[
        "table",
        "--format",
        "json",
        "--comparison",
        "alpha-ns",
        "--comparison",
        "alpha-n",
        "--metric",
        "fighters_ratio",
        "--draws",
        "5000",
        "--samples",
        samples.to_str().expect("path"),
    ]);
    let rows = json(run.ok());
    let r = row(&rows, "alpha-ns", Some("alpha-n"), "fighters_ratio");
    assert_eq!((number(r, "p05"), number(r, "p95")), (1.0, 1.0));
    let text = std::fs::read_to_string(&samples).expect("samples written");
    let mut lines = text.lines();
    let marker = lines.next().expect("marker");
    assert!(
        marker.starts_with("# generated by insurgency-metrics table --samples"),
        "{marker}"
    );
    let header: Vec<&str> = lines.next().expect("header").split(',').collect();
    assert_eq!(
        header,
        [
            "trial",
            "alpha.fighters.2025.src-a",
            "alpha-ns/alpha-n.fighters_ratio"
        ]
    );
    let trials: Vec<Vec<f64>> = lines
        .map(|l| l.split(',').map(|c| c.parse().expect("number")).collect())
        .collect();
    assert_eq!(trials.len(), 5000);
    assert!(
        trials.iter().all(|t| t[2] == 1.0),
        "one draw per input per trial, shared by both sides"
    );
    assert!(
        trials.iter().any(|t| t[1] != 1000.0),
        "the fighters input is sampled"
    );
}

#[test]
fn samples_have_a_column_per_input_and_metric() {
    let fixture = Fixture::basic();
    let samples = fixture.dir.path().join("draws.csv");
    fixture
        .run(&[
            "table",
            "--draws",
            "100",
            "--samples",
            samples.to_str().expect("path"),
        ])
        .ok();
    let text = std::fs::read_to_string(&samples).expect("samples");
    let header = text.lines().nth(1).expect("header");
    assert!(header.starts_with("trial,north.soldiers.armed-forces.2025.src-b,south.soldiers.armed-forces.2025.src-b,alpha.fighters.2025.src-a,"), "{header}");
    assert!(
        header.contains(",alpha-ns.people_per_fighter,")
            && header.ends_with(",alpha-ns/beta-east.soldiers_ratio"),
        "{header}"
    );
    assert_eq!(
        text.lines().count(),
        102,
        "the marker, the header and 100 trials"
    );
}

#[test]
fn a_samples_file_in_a_missing_directory_is_refused() {
    let fixture = Fixture::basic();
    fixture
        .run(&["table", "--samples", "no/such/dir/draws.csv"])
        .fails(2, &["the directory no/such/dir does not exist"]);
}

#[test]
fn sensitivity_ranks_the_widest_input_first() {
    let out = Fixture::basic().run(&[
        "sensitivity",
        "--format",
        "csv",
        "--comparison",
        "alpha-ns",
        "--metric",
        "soldiers_per_fighter",
    ]);
    let text = out.ok();
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("comparison,versus,metric,value,scale,rank,input,side,factor,dist,input_low,input_central,input_high,at_low,at_high,swing"), "{text}");
    // Fighters ±20% outrank Northland's soldiers ±12.5%; Southland's soldiers are a point value.
    assert!(
        lines[1].contains(",1,alpha.fighters.2025.src-a,denominator,"),
        "{text}"
    );
    assert!(
        lines[2].contains(",2,north.soldiers.armed-forces.2025.src-b,numerator,"),
        "{text}"
    );
    assert!(
        lines[3].contains(",3,south.soldiers.armed-forces.2025.src-b,numerator,1.0,point,"),
        "{text}"
    );
    let terminal = Fixture::basic().run(&[
        "sensitivity",
        "--comparison",
        "alpha-ns",
        "--metric",
        "soldiers_per_fighter",
    ]);
    assert!(
        terminal
            .ok()
            .contains("alpha-ns · soldiers per fighter = 10.0"),
        "{terminal:?}"
    );
}

#[test]
fn a_claim_off_at_the_centre_but_inside_the_interval_is_plausible() {
    let fixture = Fixture::basic();
    let claims = fixture.dir.path().join("claims.toml");
    std::fs::write(
        &claims,
        "[document]\nsource = \"src-a\"\n\n[[claim]]\nid = \"alpha-people-high\"\nsays = \"one Alpha fighter per 14,000 people\"\ncomparison = \"alpha-ns\"\nmetric = \"people_per_fighter\"\nstated = 14000\n",
    )
    .expect("write claims");
    let run = fixture.run(&["check", "claims.toml", "--format", "json"]);
    let rows = json(run.ok());
    assert_eq!(rows[0]["verdict"], "plausible", "{rows:?}");
    assert!(rows[0]["reason"]
        .as_str()
        .expect("reason")
        .contains("the 90% interval 10,541–13,819 reaches it"));
}

#[test]
fn draws_out_of_range_are_usage_errors() {
    let fixture = Fixture::basic();
    fixture
        .run(&["table", "--draws", "0"])
        .fails(2, &["--draws 0: give between 1 and 10000000 draws"]);
    fixture
        .run(&["table", "--draws", "20000000"])
        .fails(2, &["--draws 20000000"]);
}

#[test]
fn an_unknown_dist_is_located() {
    let fixture = Fixture::basic();
    fixture.replace(
        "fighters.csv",
        "group,year,central,low,high,source,preferred,note",
        "group,year,central,low,high,dist,source,preferred,note",
    );
    fixture.replace(
        "fighters.csv",
        "alpha,2025,1000,800,1200,src-a,,fixture",
        "alpha,2025,1000,800,1200,normal,src-a,,fixture",
    );
    fixture.replace(
        "fighters.csv",
        "beta,2022,500,,,src-a,,fixture",
        "beta,2022,500,,,,src-a,,fixture",
    );
    fixture.replace(
        "fighters.csv",
        "alpha-wing,2025,100,,,src-a,,",
        "alpha-wing,2025,100,,,,src-a,,",
    );
    fixture.replace(
        "fighters.csv",
        "beta,2020,1000,,,src-a,,",
        "beta,2020,1000,,,,src-a,,",
    );
    fixture.run(&["validate"]).fails(
        1,
        &[
            "unknown dist: \"normal\"",
            "datasets/fighters.csv:2:6 (column `dist`)",
            "valid: uniform, triangular, pert, lognormal",
        ],
    );
}

#[test]
fn a_chosen_dist_changes_the_interval() {
    let fixture = Fixture::basic();
    fixture.replace(
        "fighters.csv",
        "group,year,central,low,high,source,preferred,note",
        "group,year,central,low,high,source,preferred,note,dist",
    );
    fixture.replace(
        "fighters.csv",
        "alpha,2025,1000,800,1200,src-a,,fixture",
        "alpha,2025,1000,800,1200,src-a,,fixture,uniform",
    );
    for line in [
        "beta,2022,500,,,src-a,,fixture",
        "alpha-wing,2025,100,,,src-a,,fixture",
        "beta,2020,1000,,,src-a,,an earlier and larger estimate",
    ] {
        fixture.replace("fighters.csv", line, &format!("{line},"));
    }
    let uniform = json(
        fixture
            .run(&[
                "table",
                "--format",
                "json",
                "--metric",
                "soldiers_per_fighter",
            ])
            .ok(),
    );
    let pert = json(
        Fixture::basic()
            .run(&[
                "table",
                "--format",
                "json",
                "--metric",
                "soldiers_per_fighter",
            ])
            .ok(),
    );
    let width = |rows: &[Value]| {
        let r = row(rows, "alpha-ns", None, "soldiers_per_fighter");
        number(r, "p95") - number(r, "p05")
    };
    assert!(
        width(&uniform) > width(&pert),
        "a uniform spreads wider than a PERT on the same range"
    );
}

#[test]
fn sensitivity_rows_rebuild_a_ratio_of_a_group_against_itself() {
    // Regression: an input on both sides of a ratio was listed once, on one side only.
    let fixture = Fixture::basic();
    add_alpha_north(&fixture);
    let run = fixture.run(&[
        "sensitivity",
        "--format",
        "json",
        "--comparison",
        "alpha-ns",
        "--comparison",
        "alpha-n",
        "--metric",
        "fighters_ratio",
    ]);
    let rows = json(run.ok());
    let sides: Vec<&str> = rows
        .iter()
        .filter(|r| r["input"] == "alpha.fighters.2025.src-a")
        .map(|r| r["side"].as_str().expect("side"))
        .collect();
    assert_eq!(sides, ["numerator", "denominator"]);
    assert!(
        rows.iter().all(|r| r["swing"] == 0.0),
        "the ratio does not move: {rows:?}"
    );
}
