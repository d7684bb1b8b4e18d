//! `check` on the basic fixture: verdicts, deviations, explanations, cross-checks, exit
//! codes, and every malformed claim file.

use approx::assert_relative_eq;
use serde_json::Value;

use crate::util::{fixture_dir, flat, Fixture};

fn claims_fixture() -> Fixture {
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

fn write_claims(fixture: &Fixture, text: &str) {
    std::fs::write(fixture.dir.path().join("seeds/basic.toml"), text).expect("write claims");
}

fn rows(fixture: &Fixture) -> Vec<Value> {
    let run = fixture.run(&["check", "--format", "json"]);
    assert_eq!(run.code, 3, "inconsistent claims exit 3: {run:?}");
    serde_json::from_str::<Value>(&run.stdout)
        .expect("json")
        .as_array()
        .expect("array")
        .clone()
}

fn claim<'a>(rows: &'a [Value], id: &str) -> &'a Value {
    rows.iter()
        .find(|r| r["claim"] == id)
        .unwrap_or_else(|| panic!("no claim {id}"))
}

#[test]
fn terminal_report_snapshot() {
    let run = claims_fixture().run(&["check"]);
    assert_eq!(run.code, 3, "{run:?}");
    assert!(
        run.stderr.contains(
            "check failed: 8 claims: 4 consistent, 0 plausible, 3 inconsistent, 1 unverifiable"
        ),
        "{run:?}"
    );
    insta::assert_snapshot!(run.stdout);
}

#[test]
fn verdicts_and_values() {
    let rows = rows(&claims_fixture());
    let verdict = |id: &str| {
        claim(&rows, id)["verdict"]
            .as_str()
            .expect("verdict")
            .to_string()
    };
    assert_eq!(verdict("alpha-people"), "consistent");
    assert_eq!(verdict("beta-people"), "inconsistent");
    assert_eq!(verdict("alpha-twice-beta"), "consistent");
    assert_eq!(verdict("beta-soldiers-range"), "consistent");
    assert_eq!(verdict("alpha-soldiers-with-militia"), "inconsistent");
    assert_eq!(verdict("alpha-fighters"), "consistent");
    assert_eq!(verdict("alpha-wing-fighters"), "inconsistent");
    assert_eq!(verdict("alpha-attacks"), "unverifiable");
    assert_relative_eq!(
        claim(&rows, "beta-people")["computed"]
            .as_f64()
            .expect("computed"),
        2000.0,
        max_relative = 1e-12
    );
    assert_relative_eq!(
        claim(&rows, "beta-people")["deviation_pct"]
            .as_f64()
            .expect("deviation"),
        100.0,
        max_relative = 1e-9
    );
    assert_eq!(
        claim(&rows, "beta-soldiers-range")["deviation_pct"].as_f64(),
        Some(0.0)
    );
    assert!(claim(&rows, "alpha-attacks")["reason"]
        .as_str()
        .expect("reason")
        .contains("needs an event export"));
    assert!(claim(&rows, "alpha-attacks")["computed"].is_null());
}

#[test]
fn explanations_name_the_change_that_flips_the_verdict() {
    let rows = rows(&claims_fixture());
    let year = claim(&rows, "beta-people")["explanations"]
        .as_str()
        .expect("text")
        .to_string();
    assert!(year.contains("consistent if beta fighters 2020 (1,000; src-a, datasets/fighters.csv:5) is used instead of 2022 (500; src-a)"), "{year}");
    let component = claim(&rows, "alpha-soldiers-with-militia")["explanations"]
        .as_str()
        .expect("text")
        .to_string();
    assert_eq!(
        component,
        "consistent if alpha-ns counted militia as soldiers"
    );
}

#[test]
fn part_larger_than_whole_is_reported() {
    let run = claims_fixture().run(&["check"]);
    assert!(flat(&run.stdout).contains("gives Alpha Wing more than 1,500 fighters, more than the whole of Alpha Front (1,200 at most; datasets/fighters.csv:2)"), "{run:?}");
}

#[test]
fn part_larger_than_whole_in_the_data_is_invalid() {
    let fixture = Fixture::basic();
    fixture.replace(
        "fighters.csv",
        "alpha-wing,2025,100,",
        "alpha-wing,2025,1500,",
    );
    fixture.run(&["validate"]).fails(1, &["alpha-wing has more fighters (1500) than the whole of alpha in 2025 (1200 at most, line 2)", "datasets/fighters.csv:4:3 (column `central`)"]);
}

#[test]
fn contradicting_claims_are_reported() {
    let fixture = claims_fixture();
    let mut text =
        std::fs::read_to_string(fixture.dir.path().join("seeds/basic.toml")).expect("read");
    text.push_str("\n[[claim]]\nid = \"alpha-fighters-high\"\nsays = \"Alpha has more than 3,000 fighters\"\nentity = \"alpha\"\nquantity = \"fighters\"\nyear = 2025\nstated = 3000\nqualifier = \"more-than\"\n");
    write_claims(&fixture, &text);
    let run = fixture.run(&["check"]);
    assert!(flat(&run.stdout).contains("claim alpha-fighters (seeds/basic.toml:45) and claim alpha-fighters-high (seeds/basic.toml:70) contradict each other: one accepts 900 to 1,100, the other more than 3,000"), "{run:?}");
}

#[test]
fn consistent_claims_exit_zero() {
    let fixture = claims_fixture();
    let path = fixture.dir.path().join("one.toml");
    std::fs::write(&path, "[document]\nsource = \"src-a\"\n\n[[claim]]\nid = \"a\"\nsays = \"about 12,000 people per fighter\"\ncomparison = \"alpha-ns\"\nmetric = \"people_per_fighter\"\nstated = 12000\nqualifier = \"about\"\n").expect("write");
    let run = fixture.run(&["check", "one.toml"]);
    assert!(
        run.ok()
            .contains("1 claim: 1 consistent, 0 plausible, 0 inconsistent, 0 unverifiable"),
        "{run:?}"
    );
}

#[test]
fn run_tolerance_widens_default_bands() {
    let fixture = claims_fixture();
    // alpha-soldiers-with-militia: 10 against a stated 15 is off by a third.
    let tight = fixture.run(&["check", "--format", "json"]);
    let loose = fixture.run(&["check", "--format", "json", "--tolerance", "0.4"]);
    let verdict = |out: &str| {
        let rows: Vec<Value> = serde_json::from_str(out).expect("json");
        claim(&rows, "alpha-soldiers-with-militia")["verdict"]
            .as_str()
            .expect("verdict")
            .to_string()
    };
    assert_eq!(verdict(&tight.stdout), "inconsistent");
    assert_eq!(verdict(&loose.stdout), "consistent");
    fixture
        .run(&["check", "--tolerance", "5"])
        .fails(2, &["--tolerance 5: write a fraction between 0 and 1"]);
}

#[test]
fn markdown_and_csv() {
    let fixture = claims_fixture();
    let md = fixture.run(&["check", "--format", "markdown"]);
    assert!(
        md.stdout
            .starts_with("| claim | says | stated | computed | verdict | why |"),
        "{md:?}"
    );
    let csv = fixture.run(&["check", "--format", "csv"]);
    assert!(csv.stdout.starts_with("document,claim,says,target,qualifier,stated_low,stated_high,computed,deviation_pct,verdict,reason,explanations,file\n"), "{csv:?}");
}

fn rejects(from: &str, to: &str, needles: &[&str]) {
    let fixture = claims_fixture();
    let text = std::fs::read_to_string(fixture.dir.path().join("seeds/basic.toml")).expect("read");
    assert!(text.contains(from), "fixture lacks {from:?}");
    write_claims(&fixture, &text.replacen(from, to, 1));
    fixture.run(&["check"]).fails(1, needles);
}

#[test]
fn a_broken_claim_file_exits_1_and_an_inconsistent_claim_3() {
    // A reviewer's CI tells "the claims do not hold" (3) from "the input is broken" (1).
    let run = claims_fixture().run(&["check"]);
    assert_eq!(run.code, 3, "{run:?}");
    rejects(
        "metric = \"people_per_fighter\"",
        "metric = \"nonsense\"",
        &["unknown metric"],
    );
}

#[test]
fn text_or_an_ambiguous_number_where_stated_belongs() {
    let text = std::fs::read_to_string(fixture_dir("claims").join("basic.toml")).expect("read");
    let first = text
        .lines()
        .find(|l| l.starts_with("stated = "))
        .expect("a stated line")
        .to_string();
    for (to, needles) in [
        (
            "stated = \"8,000\"",
            &[
                "stated is text, \"8,000\", where a number belongs",
                "(key `claim[1].stated`)",
                "write 8000",
            ][..],
        ),
        (
            "stated = 7.000",
            &[
                "an ambiguous number: 7.000",
                "reads as 7 with a decimal point, or as 7000",
            ][..],
        ),
    ] {
        let fixture = claims_fixture();
        write_claims(&fixture, &text.replacen(&first, to, 1));
        let run = fixture.run(&["check"]);
        assert!(!run.stderr.contains("untagged enum"), "{run:?}");
        run.fails(1, needles);
    }
}

#[test]
fn cross_check_findings_are_rows_of_csv_and_json() {
    let run = Fixture::empty().run(&["check", "--format", "csv"]);
    assert_eq!(run.code, 3, "{run:?}");
    let finding = run
        .stdout
        .lines()
        .find(|l| l.contains(",cross-check,"))
        .unwrap_or_else(|| panic!("no cross-check row: {run:?}"));
    assert!(finding.contains("katiba-macina"), "{finding}");
    let rows: Vec<Value> =
        serde_json::from_str(&Fixture::empty().run(&["check", "--format", "json"]).stdout)
            .expect("json");
    assert!(rows
        .iter()
        .any(|r| r["verdict"] == "cross-check" && r["reason"].as_str().is_some()));
}

#[test]
fn malformed_claim_files() {
    rejects(
        "metric = \"people_per_fighter\"",
        "metric = \"people_per_fightr\"",
        &[
            "unknown metric \"people_per_fightr\"",
            "seeds/basic.toml:10:10 (key `claim[1].metric`)",
            "did you mean `people_per_fighter`?",
        ],
    );
    rejects(
        "comparison = \"alpha-ns\"",
        "comparison = \"alpha-sn\"",
        &[
            "unknown comparison \"alpha-sn\"",
            "seeds/basic.toml:9:14 (key `claim[1].comparison`)",
        ],
    );
    rejects(
        "qualifier = \"about\"",
        "qualifier = \"roughly\"",
        &[
            "unknown qualifier \"roughly\"",
            "seeds/basic.toml:12:13 (key `claim[1].qualifier`)",
        ],
    );
    rejects(
        "stated = 12000\n",
        "",
        &[
            "missing field `stated`",
            "seeds/basic.toml:",
            "(key `stated`)",
        ],
    );
    rejects(
        "stated = [5, 6]",
        "stated = [6, 5]",
        &[
            "range given in the wrong order: [6, 5]",
            "seeds/basic.toml:35:10 (key `claim[4].stated`)",
            "[5, 6]",
        ],
    );
    rejects(
        "id = \"beta-people\"",
        "id = \"alpha-people\"",
        &[
            "claim id \"alpha-people\" is used twice",
            "seeds/basic.toml:15:6",
            "seeds/basic.toml:7",
        ],
    );
    rejects(
        "qualifier = \"about\"",
        "qualifer = \"about\"",
        &[
            "unknown field `qualifer`",
            "seeds/basic.toml:12:1 (key `qualifer`)",
        ],
    );
    rejects(
        "source = \"src-a\"",
        "source = \"src-z\"",
        &[
            "unknown source \"src-z\"",
            "seeds/basic.toml:4:10 (key `document.source`)",
        ],
    );
    rejects(
        "requires = \"events\"",
        "requires = \"acled\"",
        &["unknown requirement \"acled\"", "(key `claim[8].requires`)"],
    );
}

#[test]
fn missing_claim_path_is_a_usage_error() {
    claims_fixture()
        .run(&["check", "nowhere.toml"])
        .fails(2, &["nowhere.toml: no such file or directory"]);
}

#[test]
fn shipped_claims_are_rechecked() {
    let run = Fixture::empty().run(&["check", "--format", "json"]);
    assert_eq!(
        run.code, 3,
        "published claims that fail on honest data exit 3: {run:?}"
    );
    let rows: Vec<Value> = serde_json::from_str(&run.stdout).expect("json");
    let verdict = |id: &str| {
        claim(&rows, id)["verdict"]
            .as_str()
            .expect("verdict")
            .to_string()
    };
    assert_eq!(verdict("jnim-people-per-fighter"), "consistent");
    assert_eq!(verdict("jnim-soldiers-per-fighter"), "consistent");
    assert_eq!(verdict("hts-people-per-fighter"), "inconsistent");
    assert!(claim(&rows, "hts-people-per-fighter")["explanations"]
        .as_str()
        .expect("text")
        .contains("hts fighters 2018 (30,000; sohr-2018-09"));
    assert_eq!(verdict("jnim-large-attacks-mali-2025"), "unverifiable");
    // "Nearly 23.5 million" is the CIA's 2025 figure: the pool of sources reaches it.
    assert_eq!(verdict("burkina-faso-population"), "plausible");
    // "710" is computed on the lower-end Taliban estimate, as the document's arithmetic
    // shows: the claim names the bound, and the reason names the row and its range.
    assert_eq!(verdict("taliban-people-per-fighter"), "consistent");
    assert_eq!(verdict("jnim-tenth-of-taliban"), "consistent");
    let taliban = claim(&rows, "taliban-people-per-fighter")["reason"]
        .as_str()
        .expect("text")
        .to_string();
    assert!(
        taliban
            .contains("set to 58,000 as the claim says: the low of un-mt-1988-12's 58,000–100,000"),
        "{taliban}"
    );
    // HTS's row gives no range: the bound takes its central value, and says so.
    let hts = claim(&rows, "jnim-fifth-of-hts")["reason"]
        .as_str()
        .expect("text")
        .to_string();
    assert!(hts.contains("its row gives no low to take"), "{hts}");
    // A "lower-end estimate" is tested against the estimate's low.
    let lower = claim(&rows, "taliban-fighters-2021-lower-end");
    assert_eq!(lower["verdict"], "consistent");
    assert_eq!(lower["computed"].as_f64(), Some(58_000.0));
    // No claim the documents do not make.
    assert!(rows.iter().all(|r| r["claim"] != "jnim-fighters-2024"));
    assert!(
        rows.iter()
            .all(|r| !r["reason"].as_str().unwrap_or("").is_empty()),
        "every claim has a reason"
    );
}

#[test]
fn set_overrides_apply_to_claims_as_to_the_table() {
    // Regression: `--set COUNTRY.soldiers=V` rewrote every soldiers row of the country,
    // so a claim counting two components saw twice V; it now replaces the counted total.
    let fixture = claims_fixture();
    fixture.replace(
        "comparisons.toml",
        "soldiers = [\"armed-forces\"]",
        "soldiers = [\"armed-forces\", \"militia\"]",
    );
    let rows = |args: &[&str]| -> Vec<Value> {
        let mut all = vec!["check", "--format", "json"];
        all.extend(args);
        serde_json::from_str(&fixture.run(&all).stdout).expect("json")
    };
    let set = rows(&[
        "--set",
        "south.soldiers=4000",
        "--set",
        "alpha.fighters=2000",
    ]);
    // (8,000 north + 4,000 south) / 2,000 fighters.
    assert_eq!(
        claim(&set, "alpha-soldiers-with-militia")["computed"].as_f64(),
        Some(6.0)
    );
    assert_eq!(
        claim(&set, "alpha-fighters")["computed"].as_f64(),
        Some(2000.0)
    );
    assert!(claim(&set, "alpha-fighters")["reason"]
        .as_str()
        .expect("reason")
        .contains("set by --set alpha.fighters=2000"));
    let table: Vec<Value> = serde_json::from_str(
        fixture
            .run(&[
                "table",
                "--format",
                "json",
                "--set",
                "south.soldiers=4000",
                "--set",
                "alpha.fighters=2000",
                "--metric",
                "soldiers_per_fighter",
            ])
            .ok(),
    )
    .expect("json");
    assert_eq!(table[0]["value"].as_f64(), Some(6.0));
}

/// A claim `extract` drafted (it carries a `confidence`) is judged only when its reading
/// is sure enough, its stated value within ten times of what it computes, and, for an
/// estimate, in a year the data holds; a claim that needs a reading is never judged.
#[test]
fn drafted_claims_are_judged_only_on_readings_sure_enough() {
    let fixture = Fixture::empty();
    std::fs::write(
        fixture.dir.path().join("drafted.toml"),
        r#"[document]
title = "A drafted claim file"

[[claim]]
id = "sure"
says = "JNIM has one militant for every 8,200 people in Mali and Burkina Faso"
comparison = "jnim-sahel"
metric = "people_per_fighter"
stated = 8200
confidence = 0.95

[[claim]]
id = "unsure"
says = "JNIM has one militant for every 20,000 people"
comparison = "jnim-sahel"
metric = "people_per_fighter"
stated = 20000
confidence = 0.5

[[claim]]
id = "tenfold"
says = "one militant for every 100,000 people"
comparison = "jnim-sahel"
metric = "people_per_fighter"
stated = 100000
confidence = 0.95

[[claim]]
id = "another-year"
says = "HTS had 25,000 to 30,000 fighters in 2024"
entity = "hts"
quantity = "fighters"
year = 2024
stated = [25000, 30000]
confidence = 0.95

[[claim]]
id = "open"
says = "the two countries have 8,200 people per militant"
requires = "reading"
reason = "the words fit 2 comparisons; name the countries"
stated = 8200
"#,
    )
    .unwrap();
    let run = fixture.run(&[
        "check",
        "drafted.toml",
        "--format",
        "json",
        "--draws",
        "1000",
    ]);
    // Nothing sure enough fails: exit 0, though three stated values are far off.
    assert_eq!(run.code, 0, "{run:?}");
    let rows: Vec<Value> = serde_json::from_str(&run.stdout).unwrap();
    let verdict = |id: &str| {
        let r = claim(&rows, id);
        (
            r["verdict"].as_str().unwrap().to_string(),
            r["reason"].as_str().unwrap().to_string(),
        )
    };
    assert_eq!(verdict("sure").0, "consistent");
    let (v, why) = verdict("unsure");
    assert_eq!(v, "unverifiable");
    assert!(
        why.starts_with("not judged: a drafted reading with confidence 0.50, below 0.80"),
        "{why}"
    );
    let (v, why) = verdict("tenfold");
    assert_eq!(v, "unverifiable");
    assert!(
        why.starts_with("reading suspect: the stated 100,000 is 12× away"),
        "{why}"
    );
    let (v, why) = verdict("another-year");
    assert_eq!(v, "unverifiable");
    assert!(
        why.contains(
            "no 2024 estimate of hts fighters in the data; the nearest earlier is 2022's 15,000"
        ),
        "{why}"
    );
    let (v, why) = verdict("open");
    assert_eq!(v, "unverifiable");
    assert!(why.starts_with("needs a person's reading"), "{why}");
    // The terminal's summary counts them apart.
    let table = fixture.run(&["check", "drafted.toml", "--draws", "1000"]);
    assert!(
        flat(&table.stdout).contains("4 need a person's reading"),
        "{table:?}"
    );
}
