//! What people read fits an 80-column terminal, and nothing is said twice there.

use std::process::Command;

use crate::util::{fixture_dir, Fixture};

fn too_wide(text: &str) -> Vec<&str> {
    text.lines().filter(|l| l.chars().count() > 80).collect()
}

fn with_claims() -> Fixture {
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

#[test]
fn the_events_table_fits_80_columns() {
    let export = fixture_dir("events").join("ucdp-small.csv");
    let run = Fixture::basic_with_real_groups().run(&["events", export.to_str().expect("utf-8")]);
    // The line naming the export breaks after the path, which can be of any length.
    let wide: Vec<&str> = too_wide(run.ok())
        .into_iter()
        .filter(|l| !l.ends_with("ucdp-small.csv: UCDP GED website export,"))
        .collect();
    assert!(wide.is_empty(), "{wide:#?}");
    let table = Fixture::basic_with_real_groups().run(&[
        "table",
        "--events",
        export.to_str().expect("utf-8"),
    ]);
    assert!(too_wide(table.ok()).is_empty(), "{table:?}");
    // CSV keeps every column with its full name.
    let csv = Fixture::basic_with_real_groups().run(&[
        "events",
        export.to_str().expect("utf-8"),
        "--format",
        "csv",
    ]);
    assert!(csv
        .ok()
        .starts_with("group,country,period,events,initiated,joint,fatalities,"));
}

#[test]
fn check_and_table_fit_80_columns() {
    let fixture = with_claims();
    let check = fixture.run(&["check"]);
    assert!(too_wide(&check.stdout).is_empty(), "{check:?}");
    let table = fixture.run(&["table"]);
    assert!(too_wide(table.ok()).is_empty(), "{table:?}");
}

#[test]
fn check_summary_goes_to_stderr_when_stdout_is_not_a_terminal() {
    let run = with_claims().run(&["check"]);
    assert_eq!(run.code, 3);
    assert!(run.stderr.contains("check failed: 8 claims:"), "{run:?}");
}

#[test]
fn check_summary_shows_once_on_a_terminal() {
    // `script` gives the binary a terminal for stdout and stderr alike.
    if Command::new("script").arg("--version").output().is_err() {
        eprintln!("skipped: no `script` to give the binary a terminal");
        return;
    }
    let fixture = with_claims();
    let command = format!("{} check", env!("CARGO_BIN_EXE_insurgency-metrics"));
    let output = Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .current_dir(fixture.dir.path())
        .env("NO_COLOR", "1")
        .output()
        .expect("run script");
    let text = String::from_utf8_lossy(&output.stdout);
    assert_eq!(text.matches("8 claims:").count(), 1, "{text}");
    assert!(!text.contains("check failed"), "{text}");
}

#[test]
fn validate_sources_and_sensitivity_fit_80_columns_on_the_shipped_data() {
    let fixture = Fixture::empty();
    for command in ["validate", "sources", "sensitivity"] {
        let run = fixture.run(&[command]);
        // A URL is never broken.
        let wide: Vec<&str> = too_wide(run.ok())
            .into_iter()
            .filter(|l| {
                !l.trim_start()
                    .trim_start_matches("via ")
                    .starts_with("http")
            })
            .collect();
        assert!(wide.is_empty(), "{command}: {wide:#?}");
    }
}
