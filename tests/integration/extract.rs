//! `extract` and `check DOCUMENT` on the realistic document of tests/fixtures/documents
//! (the same paper as text, HTML and a generated two-column PDF), on damaged and bad
//! documents, and how the drafted claim file is written.

use serde_json::Value;

use crate::util::{fixture_dir, Fixture};

/// A working directory (no datasets/: the embedded data is used) holding `names` from
/// tests/fixtures/documents.
fn with_documents(names: &[&str]) -> Fixture {
    let fixture = Fixture::empty();
    for name in names {
        std::fs::copy(
            fixture_dir("documents").join(name),
            fixture.dir.path().join(name),
        )
        .expect("copy document");
    }
    fixture
}

/// What was read from each statement: number, reading, stated bounds and qualifier.
fn readings(fixture: &Fixture, document: &str) -> Vec<String> {
    let run = fixture.run(&["extract", document, "--format", "json"]);
    let rows: Vec<Value> = serde_json::from_str(run.ok()).expect("json");
    rows.iter()
        .map(|r| {
            format!(
                "{} | {} | {}..{} | {}",
                r["number"].as_str().unwrap(),
                r["reading"].as_str().unwrap(),
                r["stated_low"],
                r["stated_high"],
                r["qualifier"].as_str().unwrap()
            )
        })
        .collect()
}

#[test]
fn text_html_and_pdf_give_the_same_drafted_claims() {
    let fixture = with_documents(&["thin-lines.txt", "thin-lines.html", "thin-lines.pdf"]);
    let text = readings(&fixture, "thin-lines.txt");
    assert_eq!(text, readings(&fixture, "thin-lines.html"));
    assert_eq!(text, readings(&fixture, "thin-lines.pdf"));
    let mapped = text.iter().filter(|r| r.contains(':')).count();
    assert!(mapped >= 25, "{text:#?}");
}

#[test]
fn the_drafted_claim_file_snapshot() {
    let fixture = with_documents(&["thin-lines.txt"]);
    let run = fixture.run(&["extract", "thin-lines.txt"]);
    assert!(run.stderr.contains("numbers seen"), "{run:?}");
    insta::assert_snapshot!(run.ok());
}

#[test]
fn the_annotated_reading_snapshot() {
    let fixture = with_documents(&["thin-lines.pdf"]);
    let run = fixture.run(&[
        "check",
        "thin-lines.pdf",
        "--format",
        "markdown",
        "--draws",
        "2000",
    ]);
    // One drafted reading is wrong (a combined population read as one country's), so a
    // claim does not hold: exit 3, as for any claim file.
    assert_eq!(run.code, 3, "{run:?}");
    insta::assert_snapshot!(run.stdout);
}

/// (verdict, computed) of every claim of a `check --format json` run, by its reading.
fn verdicts(run: &crate::util::Run) -> Vec<(String, String, Option<f64>)> {
    let rows: Vec<Value> = serde_json::from_str(&run.stdout).expect("json");
    rows.iter()
        .map(|r| {
            (
                format!("{} {}", r["target"].as_str().unwrap(), r["stated_low"]),
                r["verdict"].as_str().unwrap().to_string(),
                r["computed"].as_f64(),
            )
        })
        .collect()
}

#[test]
fn check_on_the_document_agrees_with_hand_written_claims() {
    let fixture = with_documents(&["thin-lines.pdf", "thin-lines.claims.toml"]);
    let drafted = fixture.run(&[
        "check",
        "thin-lines.pdf",
        "--format",
        "json",
        "--draws",
        "2000",
    ]);
    let by_hand = fixture.run(&[
        "check",
        "thin-lines.claims.toml",
        "--format",
        "json",
        "--draws",
        "2000",
    ]);
    assert_eq!(by_hand.code, 0, "{by_hand:?}");
    let drafted = verdicts(&drafted);
    for (target, verdict, computed) in verdicts(&by_hand) {
        let found = drafted
            .iter()
            .find(|(t, _, _)| *t == target)
            .unwrap_or_else(|| panic!("{target} was not drafted: {drafted:#?}"));
        assert_eq!(found.1, verdict, "{target}");
        match (found.2, computed) {
            (Some(a), Some(b)) => approx::assert_relative_eq!(a, b, max_relative = 1e-9),
            (a, b) => assert_eq!(a, b, "{target}"),
        }
    }
}

#[test]
fn the_drafted_file_is_read_by_check_unchanged_and_never_overwritten_without_force() {
    let fixture = with_documents(&["thin-lines.html"]);
    let run = fixture.run(&["extract", "thin-lines.html", "--out", "claims.toml"]);
    assert!(
        run.ok().is_empty() && run.stderr.contains("wrote claims.toml"),
        "{run:?}"
    );
    let checked = fixture.run(&["check", "claims.toml", "--draws", "2000"]);
    // One drafted reading is wrong (a combined population read as Burkina Faso's), so
    // a claim does not hold: exit 3, not 1 (the file itself is read without a problem).
    assert_eq!(checked.code, 3, "{checked:?}");
    assert!(checked.stdout.contains("34 consistent"), "{checked:?}");
    // Its own file is replaced; a file it did not write is not, unless --force.
    fixture
        .run(&["extract", "thin-lines.html", "--out", "claims.toml"])
        .ok();
    let notes = fixture.dir.path().join("notes.toml");
    std::fs::write(&notes, "# my own notes\n").unwrap();
    fixture
        .run(&["extract", "thin-lines.html", "--out", "notes.toml"])
        .fails(2, &["notes.toml", "--force"]);
    assert_eq!(std::fs::read_to_string(&notes).unwrap(), "# my own notes\n");
    fixture
        .run(&[
            "extract",
            "thin-lines.html",
            "--out",
            "notes.toml",
            "--force",
        ])
        .ok();
    // Never over the document itself.
    fixture
        .run(&[
            "extract",
            "thin-lines.html",
            "--out",
            "thin-lines.html",
            "--force",
        ])
        .fails(2, &["thin-lines.html"]);
}

#[test]
fn numbers_damaged_by_pdf_extraction_are_listed_as_suspect() {
    let fixture = with_documents(&["thin-lines-damaged.pdf"]);
    let run = fixture.run(&["extract", "thin-lines-damaged.pdf"]);
    let out = run.ok();
    assert!(out.contains("# suspect, not drafted: 6,0003: the grouping is broken (a footnote marker fused on? 6,000 then 3)"), "{out}");
    assert!(out.contains("8,20012"), "{out}");
    let summary = run.stderr.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(summary.contains("; 2 suspect"), "{run:?}");
    assert!(!out.contains("stated = 60003"), "{out}");
}

#[test]
fn bad_documents_get_one_clear_message() {
    let fixture = with_documents(&["scanned.pdf", "encrypted.pdf"]);
    let dir = fixture.dir.path();
    std::fs::write(dir.join("empty.txt"), "  \n\n").unwrap();
    std::fs::write(
        dir.join("image.pdf.png"),
        [0x89, b'P', b'N', b'G', 13, 10, 26, 10, 0, 0],
    )
    .unwrap();
    std::fs::write(dir.join("utf16.txt"), [0xFF, 0xFE, b'8', 0, b'0', 0]).unwrap();
    std::fs::write(
        dir.join("broken.pdf"),
        b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\ntrailer\n%%EOF\n",
    )
    .unwrap();
    let huge = std::fs::File::create(dir.join("huge.txt")).unwrap();
    huge.set_len(65 * 1024 * 1024).unwrap();
    for (file, message) in [
        ("empty.txt", "empty: the document has no text"),
        ("image.pdf.png", "not a document: a PNG image"),
        ("utf16.txt", "UTF-16 text"),
        (
            "scanned.pdf",
            "no text in this PDF (1 page): a scanned document",
        ),
        ("encrypted.pdf", "encrypted PDF"),
        ("broken.pdf", "unreadable PDF"),
        ("huge.txt", "too large: 68.2 MB"),
        ("missing.txt", "missing.txt"),
    ] {
        let run = fixture.run(&["extract", file]);
        let errors = run
            .stderr
            .lines()
            .filter(|l| l.starts_with("error:"))
            .count();
        assert_eq!(errors, 1, "{run:?}");
        run.fails(1, &[file, message]);
        assert!(!run.stderr.contains("datasets"), "{run:?}");
    }
}

#[test]
fn a_document_goes_alone_in_check() {
    let fixture = with_documents(&["thin-lines.txt", "thin-lines.claims.toml"]);
    fixture
        .run(&["check", "thin-lines.txt", "thin-lines.claims.toml"])
        .fails(2, &["thin-lines.txt", "one document"]);
}

#[test]
fn an_events_statement_gets_a_query_that_check_counts_with_an_export() {
    let fixture = Fixture::empty();
    std::fs::write(
        fixture.dir.path().join("note.txt"),
        "JNIM carried out 14 large-scale attacks in Mali in 2025, each killing 20 or more people.\n",
    )
    .unwrap();
    let drafted = fixture.run(&["extract", "note.txt"]);
    assert!(
        drafted.ok().contains(
            "events = { group = \"jnim\", country = \"Mali\", year = 2025, measure = \"large_attacks\", large = 20 }"
        ),
        "{drafted:?}"
    );
    let export = fixture_dir("events").join("acled-small.csv");
    let run = fixture.run(&[
        "check",
        "note.txt",
        "--events",
        export.to_str().unwrap(),
        "--draws",
        "1000",
    ]);
    // The export ends on 2025-07-01: the query is asked, and the export cannot answer it.
    assert!(
        run.stdout.contains("to 2025-07-01: it does not cover 2025"),
        "{run:?}"
    );
}
