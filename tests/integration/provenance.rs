//! Every output names the export it counted: its SHA-256 (as `sha256sum` gives it),
//! its span, ACLED's latest `timestamp` or the UCDP version; and files of the two
//! sources are never counted together.

use sha2::{Digest, Sha256};

use crate::util::{fixture_dir, Fixture};

fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The output with its terminal wrapping undone.
fn unwrapped(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn every_output_names_the_export_by_its_sha256_and_acled_timestamp() {
    let fixture = Fixture::basic_with_real_groups();
    let export = fixture_dir("events").join("acled-small.csv");
    let path = export.display().to_string();
    let hash = sha256(&std::fs::read(&export).expect("fixture"));
    let terminal = fixture.run(&["events", &path]);
    let csv = fixture.run(&["events", &path, "--format", "csv"]);
    let table = fixture.run(&["table", "--events", &path]);
    for (what, text) in [
        ("events", terminal.ok().to_string()),
        ("events --format csv (stderr)", csv.stderr.clone()),
        ("table --events", table.ok().to_string()),
    ] {
        let text = unwrapped(&text);
        assert!(text.contains(&format!("SHA-256 {hash}")), "{what}: {text}");
        // 1700000000 is the fixture's latest timestamp.
        assert!(
            text.contains("latest ACLED timestamp 2023-11-14 22:13 UTC"),
            "{what}: {text}"
        );
    }
    let skipped = fixture.run(&["events", &path, "--no-hash"]);
    assert!(!skipped.ok().contains("SHA-256"), "{skipped:?}");
}

#[test]
fn several_files_are_each_named_with_their_span_and_hash() {
    let fixture = Fixture::basic_with_real_groups();
    let export = fixture_dir("events").join("acled-small.csv");
    let text = std::fs::read_to_string(&export).expect("fixture");
    fixture.write("a.csv", &text);
    // A second file: the same header, one more event.
    let header = text.lines().next().expect("header");
    let first = text.lines().nth(1).expect("a row");
    let other = first.replacen(first.split(',').next().expect("id"), "MLI999001", 1);
    let second = format!("{header}\n{other}\n");
    fixture.write("b.csv", &second);
    let run = fixture.run(&[
        "events",
        &fixture.path("a.csv").display().to_string(),
        &fixture.path("b.csv").display().to_string(),
    ]);
    let out = unwrapped(run.ok());
    assert!(
        out.contains(&format!(
            "a.csv: 2024-05-05 to 2025-07-01, latest ACLED timestamp 2023-11-14 22:13 UTC, SHA-256 {}",
            sha256(text.as_bytes())
        )),
        "{out}"
    );
    assert!(
        out.contains("b.csv: ") && out.contains(&sha256(second.as_bytes())),
        "{out}"
    );
}

#[test]
fn acled_and_ucdp_files_are_not_counted_together() {
    let fixture = Fixture::basic_with_real_groups();
    let acled = fixture_dir("events").join("acled-small.csv");
    let ucdp = fixture_dir("events").join("ucdp-small.csv");
    fixture
        .run(&[
            "events",
            &acled.display().to_string(),
            &ucdp.display().to_string(),
        ])
        .fails(
            2,
            &["cannot be counted together", "count each source on its own"],
        );
}
