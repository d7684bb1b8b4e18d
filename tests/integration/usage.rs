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
        .fails(
            2,
            &[
                "--metric people_per_fightr: no such metric",
                "did you mean `people_per_fighter`?",
                "`insurgency-metrics list metrics` lists all 12",
            ],
        );
    let run = Fixture::basic().run(&["table", "--metric", "people_per_fightr"]);
    assert!(
        !run.stderr.contains("soldiers_ratio"),
        "every metric listed: {run:?}"
    );
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

#[test]
fn no_suggestion_for_a_different_name_and_a_hint_to_add_it() {
    Fixture::empty()
        .run(&["table", "--set", "ghana.population=5"])
        .fails(
            2,
            &[
                "unknown country \"ghana\"; none is close",
                "`insurgency-metrics list countries` lists all 17",
                "add `ghana` to countries.csv",
            ],
        );
}

#[test]
fn at_most_a_handful_of_ids_and_the_command_that_lists_them() {
    let run = Fixture::empty().run(&["table", "--comparison", "jnim"]);
    run.fails(
        2,
        &[
            "did you mean `jnim-sahel` (or `jnim-mali`, `jnim-sahel-all-forces`)?",
            "`insurgency-metrics list comparisons` lists all 13",
        ],
    );
    assert!(!run.stderr.contains("taliban"), "{run:?}");
}

#[test]
fn an_unknown_source_in_a_claim_file_lists_few_ids() {
    let fixture = Fixture::empty();
    std::fs::write(
        fixture.dir.path().join("c.toml"),
        "[document]\nsource = \"un-mt-2025\"\n",
    )
    .expect("write");
    let run = fixture.run(&["check", "c.toml"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stderr
            .contains("`insurgency-metrics list sources` lists all"),
        "{run:?}"
    );
    let help = run
        .stderr
        .lines()
        .find(|l| l.contains("= help"))
        .expect("a help line");
    assert!(help.matches('`').count() <= 2 * 5 + 2, "{help}");
}

#[test]
fn the_readme_and_the_messages_show_the_same_headers() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).expect("README");
    let fixture = Fixture::empty();
    std::fs::create_dir(fixture.dir.path().join("datasets")).expect("datasets dir");
    let run = fixture.run(&["validate"]);
    for file in [
        "sources.csv",
        "groups.csv",
        "countries.csv",
        "fighters.csv",
        "soldiers.csv",
        "population.csv",
        "area.csv",
    ] {
        let row = readme
            .lines()
            .find(|l| l.starts_with(&format!("| `{file}` |")))
            .unwrap_or_else(|| panic!("README has no row for {file}"));
        let header = row.split('`').nth(3).expect("the header in backquotes");
        assert!(
            run.stderr.contains(&format!(
                "datasets/{file}\n   = help: create it with the header row: {header}"
            )),
            "{file}: README {header:?}, messages: {}",
            run.stderr
        );
    }
}
