//! The shipped datasets: valid, complete for every comparison, and every row cited.

use crate::util::Fixture;

#[test]
fn shipped_data_validates() {
    let run = Fixture::empty().run(&[
        "--data",
        concat!(env!("CARGO_MANIFEST_DIR"), "/datasets"),
        "validate",
    ]);
    let out = run.ok();
    assert!(out.contains("6 comparisons"), "{out}");
}

#[test]
fn shipped_comparisons_have_every_metric() {
    let run = Fixture::empty().run(&[
        "--data",
        concat!(env!("CARGO_MANIFEST_DIR"), "/datasets"),
        "table",
        "--format",
        "json",
    ]);
    let rows: Vec<serde_json::Value> = serde_json::from_str(run.ok()).expect("json");
    for comparison in [
        "jnim-sahel",
        "jnim-mali",
        "hts-syria",
        "taliban-afghanistan",
        "al-shabaab-somalia",
    ] {
        let metrics = rows
            .iter()
            .filter(|r| r["comparison"] == comparison && r["versus"].is_null())
            .count();
        assert_eq!(metrics, 5, "{comparison}");
    }
}

#[test]
fn embedded_copy_matches_the_datasets_directory() {
    let dir = Fixture::empty().run(&[
        "--data",
        concat!(env!("CARGO_MANIFEST_DIR"), "/datasets"),
        "table",
        "--format",
        "csv",
    ]);
    let embedded = Fixture::empty().run(&["table", "--format", "csv"]);
    let strip = |text: &str| {
        text.lines()
            .map(|l| l.rsplit_once(',').map_or(l, |(rest, _)| rest).to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(strip(dir.ok()), strip(embedded.ok()));
}
