//! Usage mistakes exit 2 with a message saying what would be valid.

use crate::util::Fixture;

#[test]
fn unknown_comparison() {
    Fixture::basic()
        .run(&["table", "--comparison", "alpha-sn"])
        .fails(
            2,
            &[
                "--comparison alpha-sn: no such comparison",
                "did you mean `alpha-ns`?",
            ],
        );
}

#[test]
fn unknown_metric() {
    Fixture::basic()
        .run(&["table", "--metric", "people_per_fightr"])
        .fails(2, &["people_per_fightr", "people_per_fighter"]);
}

#[test]
fn bad_overrides() {
    let fixture = Fixture::basic();
    fixture
        .run(&["table", "--set", "alpha.fighters=6,000"])
        .fails(2, &["--set alpha.fighters=6,000: not a number"]);
    fixture
        .run(&["table", "--set", "alpha.population=5"])
        .fails(
            2,
            &[
                "unknown country \"alpha\"",
                "population belongs to a country, not a group",
            ],
        );
    fixture
        .run(&["table", "--set", "north.fighters=5"])
        .fails(2, &["fighters belong to a group, not a country"]);
    fixture
        .run(&["table", "--set", "alpha"])
        .fails(2, &["--set alpha: expected GROUP.fighters=V"]);
}

#[test]
fn missing_data_directory() {
    Fixture::basic()
        .run(&["table", "--data", "no-such-dir"])
        .fails(2, &["--data no-such-dir: no such directory"]);
}

#[test]
fn data_flag_points_anywhere() {
    let fixture = Fixture::empty();
    let dir = crate::util::fixture_dir("basic");
    let run = fixture.run(&[
        "table",
        "--data",
        dir.to_str().expect("utf-8 path"),
        "--format",
        "csv",
    ]);
    assert!(run.ok().contains("alpha-ns,,soldiers_per_fighter,10.0,"));
}
