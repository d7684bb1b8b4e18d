//! Verdicts a reviewer would sign: a ratio a document built on one end of a range is
//! checked on that end, every source that shapes a figure is cited with it, and an older
//! release of a publication or a repeated row does not count as another source.

use serde_json::Value;

use crate::util::Fixture;

/// The basic fixture with one claim file in `seeds/`.
fn with_claims(claims: &str) -> Fixture {
    let fixture = Fixture::basic();
    std::fs::create_dir(fixture.dir.path().join("seeds")).expect("seeds dir");
    std::fs::write(
        fixture.dir.path().join("seeds/doc.toml"),
        format!("[document]\nsource = \"src-a\"\n\n{claims}"),
    )
    .expect("write claims");
    fixture
}

fn checked(fixture: &Fixture) -> Vec<Value> {
    let run = fixture.run(&["check", "--format", "json"]);
    assert!(run.code == 0 || run.code == 3, "{run:?}");
    serde_json::from_str(&run.stdout).expect("json")
}

fn row<'a>(rows: &'a [Value], id: &str) -> &'a Value {
    rows.iter()
        .find(|r| r["claim"] == id)
        .unwrap_or_else(|| panic!("no claim {id} in {rows:?}"))
}

/// Alpha's fighters are 1,000 (800–1,200, src-a); Northland and Southland hold 12 million.
const ON_THE_LOW: &str = r#"
[[claim]]
id = "alpha-people-low"
says = "one Alpha fighter for every 15,000 people, on the lower-end estimate"
comparison = "alpha-ns"
metric = "people_per_fighter"
bound = { "alpha.fighters" = "low" }
stated = 15000

[[claim]]
id = "alpha-people-central"
says = "one Alpha fighter for every 15,000 people"
comparison = "alpha-ns"
metric = "people_per_fighter"
stated = 15000

[[claim]]
id = "beta-share-of-alpha-low"
says = "Beta's fighters are five eighths of the lower-end Alpha estimate"
comparison = "beta-east"
versus = "alpha-ns"
metric = "fighters_ratio"
bound = { alpha.fighters = "low" }
stated = 0.625
"#;

#[test]
fn a_ratio_built_on_the_low_of_a_range_is_checked_on_that_low() {
    // Regression: "one tenth of the lower-end Taliban estimate" was checked against the
    // midpoint, and a document right on its own terms was judged inconsistent.
    let rows = checked(&with_claims(ON_THE_LOW));
    let low = row(&rows, "alpha-people-low");
    assert_eq!(low["verdict"], "consistent", "{low}");
    let computed = low["computed"].as_f64().expect("computed");
    assert!((computed - 15_000.0).abs() < 1e-6, "{computed}");
    let reason = low["reason"].as_str().expect("reason");
    assert!(
        reason.contains("set to 800 as the claim says: the low of src-a's 800–1,200"),
        "{reason}"
    );
    // The same words without the bound are checked on the central value.
    let central = row(&rows, "alpha-people-central");
    assert_ne!(central["verdict"], "consistent", "{central}");
    assert!((central["computed"].as_f64().expect("computed") - 12_000.0).abs() < 1e-6);
    // TOML's dotted form names the same estimate; only the side that counts it moves.
    let ratio = row(&rows, "beta-share-of-alpha-low");
    assert_eq!(ratio["verdict"], "consistent", "{ratio}");
    assert!((ratio["computed"].as_f64().expect("computed") - 0.625).abs() < 1e-9);
}

#[test]
fn a_bound_that_names_nothing_the_claim_computes_is_an_error() {
    let cases = [
        (
            "bound = \"low\"",
            "a metric claim names the estimate its bound applies to",
        ),
        (
            "bound = { \"gamma.fighters\" = \"low\" }",
            "no comparison of the claim counts fighters of \"gamma\"",
        ),
        (
            "bound = { \"north.area\" = \"low\" }",
            "people_per_fighter does not use area",
        ),
        (
            "bound = { \"alpha.fighters\" = \"lowest\" }",
            "unknown bound \"lowest\" for \"alpha.fighters\"",
        ),
    ];
    for (bound, message) in cases {
        let claim = format!(
            "[[claim]]\nid = \"c\"\nsays = \"x\"\ncomparison = \"alpha-ns\"\nmetric = \"people_per_fighter\"\n{bound}\nstated = 1\n"
        );
        let fixture = with_claims(&claim);
        fixture
            .run(&["check"])
            .fails(1, &[message, "--> seeds/doc.toml:9:"]);
    }
}

#[test]
fn every_source_pooled_into_a_figure_is_cited_with_it() {
    // Regression: a second source of Eastland's 2022 population shaped Beta's interval
    // but appeared in no note and no reference.
    let fixture = Fixture::basic();
    let table = fixture.run(&["table", "--metric", "people_per_fighter"]);
    let out = table.ok();
    let sources = out
        .lines()
        .find(|l| l.contains("beta-east: sources:"))
        .expect("a sources note");
    assert!(
        sources.contains("src-b"),
        "the pooled src-b is cited: {out}"
    );
    let tidy = fixture.run(&["table", "--format", "csv", "--metric", "people_per_fighter"]);
    let beta = tidy
        .ok()
        .lines()
        .find(|l| l.contains("beta-east"))
        .expect("a beta-east row")
        .to_string();
    assert!(beta.contains("src-b"), "{beta}");
}

#[test]
fn an_older_release_of_a_publication_leaves_the_pool_with_a_note() {
    // Two sources with one url are releases of one publication: the newer replaces the
    // older where both give the figure, and the outputs say which was left out.
    let fixture = Fixture::basic();
    let sources = String::from_utf8(fixture.read("sources.csv")).expect("utf-8");
    fixture.write(
        "sources.csv",
        format!("{sources}src-d,Beta yearbook (2025 release),Example Office,2025-03-01,https://example.org/b/,,fixture source\n"),
    );
    let population = String::from_utf8(fixture.read("population.csv")).expect("utf-8");
    fixture.write(
        "population.csv",
        format!("{population}east,2022,1100000,,,src-d,,the newer release\n"),
    );
    fixture.run(&["validate"]).ok();
    let out = fixture.run(&["table", "--metric", "people_per_fighter"]);
    let text = out.ok().split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        text.contains("population 2022 of Eastland from src-b left out of the pool: src-d is a newer release of the same publication"),
        "{text}"
    );
    assert!(
        text.contains("beta-east: sources: src-c, src-d, src-a"),
        "{text}"
    );
    // Its interval: 1,000,000 (src-c) and 1,100,000 (src-d) over 500 fighters, not
    // src-b's 1,200,000.
    let csv = fixture.run(&["table", "--format", "csv", "--metric", "people_per_fighter"]);
    let beta = csv
        .ok()
        .lines()
        .find(|l| l.contains("beta-east"))
        .expect("row")
        .to_string();
    assert!(beta.contains("2200"), "{beta}");
    assert!(
        !beta.contains("2400"),
        "src-b's figure left the pool: {beta}"
    );
}

#[test]
fn a_newer_release_beside_the_chosen_row_is_not_a_second_source() {
    // The chosen row is src-b's (a hand-typed figure); an import adds the same
    // publication's newer release (src-d, one url), revised. The publication counts
    // once, and the note says which release was left out.
    let fixture = Fixture::basic();
    let sources = String::from_utf8(fixture.read("sources.csv")).expect("utf-8");
    fixture.write(
        "sources.csv",
        format!("{sources}src-d,Beta yearbook (2025 release),Example Office,2025-03-01,https://example.org/b/,,fixture source\n"),
    );
    fixture.replace("population.csv", "src-c,yes,preferred", "src-c,,preferred");
    fixture.replace("population.csv", "src-b,,the other", "src-b,yes,the other");
    let population = String::from_utf8(fixture.read("population.csv")).expect("utf-8");
    fixture.write(
        "population.csv",
        format!("{population}east,2022,1150000,,,src-d,,a newer release revises it\n"),
    );
    let out = fixture.run(&["table", "--metric", "people_per_fighter"]);
    let text = out.ok().split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        text.contains("population 2022 of Eastland from src-d left out of the pool: the chosen src-b is a release of the same publication"),
        "{text}"
    );
    assert!(text.contains("beta-east: sources: src-b, src-c"), "{text}");
}

#[test]
fn a_source_giving_the_same_figure_twice_is_refused() {
    let fixture = Fixture::basic();
    let population = String::from_utf8(fixture.read("population.csv")).expect("utf-8");
    fixture.write(
        "population.csv",
        format!("{population}east,2022,1200000,,,src-b,,pasted twice\n"),
    );
    fixture.run(&["validate"]).fails(
        1,
        &[
            "source \"src-b\" gives east population 2022 twice (lines 5 and 6)",
            "--> datasets/population.csv:6",
            "a source's figure counts once in the pool",
        ],
    );
}
