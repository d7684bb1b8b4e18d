//! `validate` is the gate: whatever would make a later command fail or print a
//! non-finite number is a `validate` problem, reported by the later command the same
//! way (file, line, column, value); claim files with nan or inf; FIFOs named as inputs;
//! and a property test that data `validate` accepts computes finite numbers.

use proptest::prelude::*;
use serde_json::Value;

use crate::util::{fixture_dir, Fixture};

/// `validate` and `table` both fail with every needle.
fn both_reject(fixture: &Fixture, needles: &[&str]) {
    fixture.run(&["validate"]).fails(1, needles);
    fixture.run(&["table", "--draws", "200"]).fails(1, needles);
}

#[test]
fn a_number_that_overflows_to_infinity() {
    let fixture = Fixture::basic();
    let huge = format!("2{}", "0".repeat(308));
    fixture.replace(
        "fighters.csv",
        "alpha,2025,1000,",
        &format!("alpha,2025,{huge},"),
    );
    both_reject(
        &fixture,
        &[
            "a number out of range: \"2000",
            "(309 characters)",
            "datasets/fighters.csv:2:3 (column `central`)",
            "overflows to infinity",
        ],
    );
}

#[test]
fn a_number_that_rounds_to_zero() {
    let fixture = Fixture::basic();
    let tiny = format!("0.{}1", "0".repeat(400));
    fixture.replace(
        "fighters.csv",
        "alpha,2025,1000,800,",
        &format!("alpha,2025,1000,{tiny},"),
    );
    both_reject(
        &fixture,
        &["datasets/fighters.csv:2:4 (column `low`)", "rounds to zero"],
    );
}

#[test]
fn a_figure_that_overflows_at_its_inputs_extremes() {
    let fixture = Fixture::basic();
    let big = format!("1{}", "0".repeat(307));
    fixture.replace(
        "fighters.csv",
        "alpha,2025,1000,800,1200,",
        &format!("alpha,2025,{big},,,"),
    );
    both_reject(
        &fixture,
        &[
            // Refused before any arithmetic: no estimate of fighters can be that large.
            "alpha fighters 2025 central is 1e307: outside what an estimate can be",
            "datasets/fighters.csv:2:3 (column `central`)",
        ],
    );
}

#[test]
fn a_lognormal_row_with_a_low_of_zero() {
    let fixture = Fixture::basic();
    let text = String::from_utf8(fixture.read("soldiers.csv")).expect("utf-8");
    let mut lines: Vec<String> = text.lines().map(|l| format!("{l},")).collect();
    lines[0] = "country,year,component,central,low,high,source,preferred,note,dist".into();
    lines[1] = "north,2025,armed-forces,8000,0,9000,src-b,,fixture,lognormal".into();
    fixture.write("soldiers.csv", lines.join("\n") + "\n");
    both_reject(
        &fixture,
        &[
            "a lognormal needs a low above zero, not 0",
            "datasets/soldiers.csv:2:5 (column `low`)",
        ],
    );
}

#[test]
fn zero_soldiers_where_a_ratio_divides_by_them() {
    let fixture = Fixture::basic();
    fixture.replace(
        "soldiers.csv",
        "east,2020,armed-forces,3000,",
        "east,2020,armed-forces,0,",
    );
    // soldiers_per_fighter of beta-east is 0, which is fine; the soldiers ratio of
    // alpha-ns against beta-east divides by it: the row that gives the zero is named.
    both_reject(
        &fixture,
        &[
            "soldiers_ratio for \"beta-east\": its soldiers is zero",
            "datasets/soldiers.csv:5:4 (column `central`)",
        ],
    );
}

/// A zero given on the command line is blamed on the flag that gave it.
#[test]
fn a_zero_set_on_the_command_line_is_placed_at_the_flag() {
    Fixture::basic()
        .run(&["table", "--set", "east.soldiers=0"])
        .fails(
            1,
            &[
                "soldiers_ratio for \"beta-east\": its soldiers is zero",
                "--> the flag `--set east.soldiers=0`",
            ],
        );
}

#[test]
fn soldiers_whose_low_reaches_zero_where_a_ratio_divides_by_them() {
    let fixture = Fixture::basic();
    fixture.replace(
        "soldiers.csv",
        "east,2020,armed-forces,3000,,,",
        "east,2020,armed-forces,3000,0,4000,",
    );
    both_reject(
        &fixture,
        &[
            "soldiers_ratio of \"alpha-ns\" against \"beta-east\" divides by soldiers, whose low adds up to zero",
            "datasets/soldiers.csv:5:5 (column `low`)",
        ],
    );
}

fn claims_fixture(claims: &str) -> Fixture {
    let fixture = Fixture::basic();
    let seeds = fixture.dir.path().join("seeds");
    std::fs::create_dir(&seeds).expect("seeds");
    let text = std::fs::read_to_string(fixture_dir("claims").join("basic.toml")).expect("claims");
    std::fs::write(
        seeds.join("basic.toml"),
        text.replacen("stated = 12000", claims, 1),
    )
    .expect("write");
    fixture
}

#[test]
fn nan_and_inf_in_a_claim_file() {
    for (claim, needle) in [
        ("stated = nan", "stated value NaN is not a finite number"),
        ("stated = inf", "stated value inf is not a finite number"),
        (
            "stated = [5, nan]",
            "stated value NaN is not a finite number",
        ),
        (
            "stated = 12000\ntolerance = nan",
            "tolerance NaN is not a finite number",
        ),
        (
            "stated = 12000\ntolerance = inf",
            "tolerance inf is not a finite number",
        ),
    ] {
        let fixture = claims_fixture(claim);
        let run = fixture.run(&["check"]);
        run.fails(1, &[needle, "seeds/basic.toml:"]);
        assert!(run.stderr.contains("(key `"), "{run:?}");
    }
}

#[test]
fn a_fifo_named_like_a_dataset_or_claim_file_is_refused() {
    let fixture = Fixture::basic();
    std::fs::remove_file(fixture.path("area.csv")).expect("remove");
    let made = std::process::Command::new("mkfifo")
        .arg(fixture.path("area.csv"))
        .status();
    assert!(made.expect("mkfifo").success());
    both_reject(&fixture, &["not a regular file", "datasets/area.csv"]);

    let fixture = claims_fixture("stated = 12000");
    let fifo = fixture.dir.path().join("seeds/extra.toml");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    assert!(made.expect("mkfifo").success());
    fixture
        .run(&["check"])
        .fails(1, &["not a regular file", "seeds/extra.toml"]);
}

/// `mantissa × 10^exponent` in plain digits, as the data files want it.
fn plain(mantissa: u32, exponent: i32) -> String {
    let digits = mantissa.to_string();
    if exponent >= 0 {
        return format!("{digits}{}", "0".repeat(exponent as usize));
    }
    let shift = (-exponent) as usize;
    if digits.len() > shift {
        let (whole, fraction) = digits.split_at(digits.len() - shift);
        format!("{whole}.{fraction}")
    } else {
        format!("0.{}{digits}", "0".repeat(shift - digits.len()))
    }
}

/// A low, central and high (each maybe left out) in order, at any magnitude.
fn estimate() -> impl Strategy<Value = (String, String, String)> {
    // Mostly everyday magnitudes, often extreme ones.
    let number = (0u32..2000, prop_oneof![-3i32..9, -330i32..310]);
    (
        number.clone(),
        number.clone(),
        number,
        any::<(bool, bool)>(),
    )
        .prop_map(|(a, b, c, (low, high))| {
            let mut three = [a, b, c];
            three.sort_by(|x, y| {
                let value = |(m, e): (u32, i32)| f64::from(m) * 10f64.powi(e);
                value(*x).total_cmp(&value(*y))
            });
            let text = |(m, e): (u32, i32)| plain(m, e);
            (
                if low { text(three[0]) } else { String::new() },
                text(three[1]),
                if high { text(three[2]) } else { String::new() },
            )
        })
}

fn finite_table(fixture: &Fixture) -> Result<(), TestCaseError> {
    let run = fixture.run(&["table", "--format", "json", "--draws", "300"]);
    prop_assert_eq!(run.code, 0, "validate accepted but table failed: {:?}", run);
    let rows: Value = serde_json::from_str(&run.stdout).expect("json");
    for row in rows.as_array().expect("rows") {
        for key in ["value", "p05", "p50", "p95", "bound_low", "bound_high"] {
            let number = row[key].as_f64();
            prop_assert!(
                number.is_some_and(f64::is_finite),
                "{key} not finite in {row}"
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn what_validate_accepts_table_computes_finitely(
        fighters in estimate(),
        soldiers in estimate(),
        population in estimate(),
        area in (0u32..2000, prop_oneof![-3i32..9, -330i32..310]),
    ) {
        let fixture = Fixture::basic();
        let (l, c, h) = &fighters;
        fixture.replace("fighters.csv", "alpha,2025,1000,800,1200,", &format!("alpha,2025,{c},{l},{h},"));
        let (l, c, h) = &soldiers;
        fixture.replace("soldiers.csv", "north,2025,armed-forces,8000,7000,9000,", &format!("north,2025,armed-forces,{c},{l},{h},"));
        let (l, c, h) = &population;
        fixture.replace("population.csv", "north,2025,10000000,9000000,11000000,", &format!("north,2025,{c},{l},{h},"));
        fixture.replace("area.csv", "north,100000,", &format!("north,{},", plain(area.0, area.1)));
        if fixture.run(&["validate"]).code == 0 {
            finite_table(&fixture)?;
        }
    }
}
