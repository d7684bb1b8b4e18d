//! Which data a run used, and why, is always said; a broken folder picked up only
//! because it was there says so and how to choose another.

use crate::util::{fixture_dir, Fixture};

#[test]
fn a_found_folder_says_it_was_found() {
    let out = Fixture::basic().run(&["validate"]).ok().to_string();
    assert!(
        out.starts_with("data: datasets/ (found in the current directory)\n"),
        "{out}"
    );
}

#[test]
fn no_folder_means_the_embedded_copy_and_says_so() {
    let out = Fixture::empty().run(&["sources"]).ok().to_string();
    assert!(
        out.starts_with("data: embedded (no datasets/ here)\n"),
        "{out}"
    );
}

#[test]
fn data_embedded_selects_the_embedded_copy() {
    let fixture = Fixture::basic();
    let out = fixture
        .run(&["table", "--data", "embedded", "--comparison", "jnim-sahel"])
        .ok()
        .to_string();
    assert!(out.starts_with("data: embedded (--data embedded)"), "{out}");
    let json = fixture.run(&["--data", "embedded", "table", "--format", "json"]);
    assert!(json.ok().contains("\"data\": \"embedded\""), "{json:?}");
}

#[test]
fn a_given_folder_is_named_as_given() {
    let dir = fixture_dir("basic");
    let dir = dir.to_str().expect("utf-8 path");
    let out = Fixture::empty()
        .run(&["validate", "--data", dir])
        .ok()
        .to_string();
    assert!(
        out.starts_with(&format!("data: {dir}/ (--data)\n")),
        "{out}"
    );
}

#[test]
fn a_broken_found_folder_says_how_to_choose_another() {
    let fixture = Fixture::empty();
    std::fs::create_dir(fixture.dir.path().join("datasets")).expect("datasets dir");
    fixture.run(&["table"]).fails(
        1,
        &[
            "8 problems found",
            "datasets/ was used because it is in the current directory",
            "--data DIR",
            "--data embedded",
        ],
    );
    // Given on purpose: no such note.
    let run = fixture.run(&["table", "--data", "datasets"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(!run.stderr.contains("was used because"), "{run:?}");
}

#[test]
fn a_missing_folder_suggests_the_embedded_copy() {
    Fixture::empty()
        .run(&["table", "--data", "no-such-dir"])
        .fails(2, &["no such directory", "--data embedded"]);
}

#[test]
fn report_and_events_say_their_data_too() {
    let fixture = Fixture::basic();
    let out = fixture
        .run(&["report", "--out", "r.md", "--draws", "200"])
        .ok()
        .to_string();
    assert!(
        out.starts_with("data: datasets/ (found in the current directory)\nwrote r.md"),
        "{out}"
    );
    let export = fixture_dir("events").join("acled-small.csv");
    let run = Fixture::empty().run(&["events", export.to_str().expect("utf-8")]);
    assert!(
        run.ok().starts_with("data: embedded (no datasets/ here)\n"),
        "{run:?}"
    );
    let csv = Fixture::empty().run(&["events", export.to_str().expect("utf-8"), "--format", "csv"]);
    assert!(
        csv.stderr.contains("data: embedded (no datasets/ here)"),
        "{csv:?}"
    );
}
