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

#[test]
fn table_and_check_take_several_exports_or_a_directory() {
    let fixture = Fixture::basic_with_real_groups();
    let text =
        std::fs::read_to_string(fixture_dir("events").join("acled-small.csv")).expect("fixture");
    std::fs::create_dir_all(fixture.path("exports")).expect("dir");
    fixture.write("exports/a.csv", &text);
    fixture.write("exports/b.csv", &text);
    let a = fixture.path("exports/a.csv").display().to_string();
    let b = fixture.path("exports/b.csv").display().to_string();
    let dir = fixture.path("exports").display().to_string();
    let both = fixture.run(&["table", "--events", &a, "--events", &b]);
    let out = unwrapped(both.ok());
    assert!(out.contains("2 files"), "{out}");
    // The same events in both files are counted once.
    assert!(out.contains("8 events used (8 more found again"), "{out}");
    let from_dir = fixture.run(&["table", "--events", &dir]);
    assert_eq!(unwrapped(from_dir.ok()), out);
    fixture.write("claims.toml", crate::events::EVENT_CLAIMS);
    let claims = fixture.path("claims.toml").display().to_string();
    let one = fixture.run(&["check", &claims, "--events", &a, "--format", "json"]);
    let two = fixture.run(&["check", &claims, "--events", &dir, "--format", "json"]);
    assert!(unwrapped(&two.stderr).contains("2 files"), "{two:?}");
    // The same events twice are counted once: the verdicts and values do not change.
    let verdicts = |json: &str| -> Vec<(String, String)> {
        let rows: Vec<serde_json::Value> = serde_json::from_str(json).expect("json");
        rows.iter()
            .map(|r| (r["verdict"].to_string(), r["computed"].to_string()))
            .collect()
    };
    assert_eq!(verdicts(&one.stdout), verdicts(&two.stdout));
}

#[test]
fn the_sha256_of_a_file_of_many_blocks_is_that_of_its_bytes_plain_gzip_and_piped() {
    // The hash is taken on a thread of its own from blocks the reader hands over: a
    // file of several pieces and blocks, whose last block is short, must hash as
    // `sha256sum` does, the gzip by its compressed bytes, standard input by what it sent.
    use std::fmt::Write as _;
    use std::io::Write as _;
    let fixture = Fixture::basic_with_real_groups();
    let mut text = String::from(
        "event_id_cnty,event_date,year,actor1,assoc_actor_1,actor2,assoc_actor_2,country,fatalities,notes\n",
    );
    for record in 1..=90_000u64 {
        writeln!(
            text,
            "MLI{record},2025-01-01,2025,Military Forces of Mali (2021-),,,,Mali,1,\"note {record}: {}\"",
            "y".repeat(record as usize % 300)
        )
        .expect("write");
    }
    assert!(text.len() > 2 * (8 << 20) + 12_345, "{} bytes", text.len());
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(text.as_bytes()).expect("compress");
    let gz = gz.finish().expect("compress");
    fixture.write("big.csv", &text);
    fixture.write("big.csv.gz", &gz);
    for (name, bytes) in [("big.csv", text.as_bytes()), ("big.csv.gz", &gz[..])] {
        let path = fixture.path(name).display().to_string();
        let run = fixture.run(&["events", &path, "--format", "csv"]);
        run.ok();
        let stderr = unwrapped(&run.stderr);
        assert!(
            stderr.contains(&format!("SHA-256 {}", sha256(bytes))),
            "{name}: {stderr}"
        );
    }
    let piped = fixture.run_with_stdin(&["events", "-", "--format", "csv"], text.as_bytes());
    piped.ok();
    let stderr = unwrapped(&piped.stderr);
    assert!(
        stderr.contains(&format!("SHA-256 {}", sha256(text.as_bytes()))),
        "{stderr}"
    );
}

#[test]
fn a_file_of_several_pieces_is_named_by_the_sha256_of_all_its_bytes() {
    // Its pieces are hashed as they pass to the workers: the header, each piece once,
    // in order, from a path and from standard input alike; a BOM and CRLF are bytes
    // like the others.
    let fixture = Fixture::basic_with_real_groups();
    let mut text = "\u{feff}event_id_cnty,event_date,year,actor1,assoc_actor_1,actor2,assoc_actor_2,country,fatalities,notes\r\n".to_string();
    let note = "a note, \"\"quoted\"\" ".repeat(20);
    for record in 1..=70_000 {
        text.push_str(&format!(
            "MLI{record},2025-01-01,2025,JNIM: Group for Support of Islam and Muslims,,,,Mali,1,\"{note}\"\r\n"
        ));
    }
    assert!(text.len() > 3 * (8 << 20), "{} bytes", text.len());
    let hash = sha256(text.as_bytes());
    fixture.write("pieces.csv", &text);
    let path = fixture.path("pieces.csv").display().to_string();
    let from_path = fixture.run(&["events", &path, "--format", "csv"]);
    let from_stdin = fixture.run_with_stdin(&["events", "-", "--format", "csv"], text.as_bytes());
    for run in [from_path, from_stdin] {
        let stderr = unwrapped(&run.stderr);
        assert!(stderr.contains("70,000 events used"), "{stderr}");
        assert!(stderr.contains(&format!("SHA-256 {hash}")), "{stderr}");
    }
}
