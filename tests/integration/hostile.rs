//! Hostile inputs, generated small: each becomes one clear error within bounded time and
//! memory, never an abort, a hang or a wrong count.

use crate::util::{fixture_dir, flat, Fixture};

/// A PDF of the given objects (numbered from 1, the first the catalog), with a valid
/// cross-reference table.
fn pdf(objects: &[Vec<u8>]) -> Vec<u8> {
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n", i + 1).bytes());
        out.extend(object);
        out.extend(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).bytes());
    for offset in offsets {
        out.extend(format!("{offset:010} 00000 n \n").bytes());
    }
    out.extend(
        format!(
            "trailer << /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .bytes(),
    );
    out
}

/// A PDF of `pages` pages that each say "JNIM has 6,000 fighters.", with `extra` in the
/// first page's dictionary.
fn pages_pdf(pages: usize, extra: &str) -> Vec<u8> {
    let content = "BT /F1 12 Tf 72 720 Td (JNIM has 6,000 fighters.) Tj ET";
    let kids: Vec<String> = (0..pages).map(|i| format!("{} 0 R", 5 + i)).collect();
    let mut objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        format!(
            "<< /Type /Pages /Kids [{}] /Count {pages} >>",
            kids.join(" ")
        )
        .into_bytes(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec(),
        format!(
            "<< /Length {} >>\nstream\n{content}\nendstream",
            content.len()
        )
        .into_bytes(),
    ];
    for i in 0..pages {
        let more = if i == 0 { extra } else { "" };
        objects.push(
            format!("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R {more} >>")
                .into_bytes(),
        );
    }
    pdf(&objects)
}

#[test]
fn a_pdf_with_one_page_is_read() {
    let fixture = Fixture::empty();
    fixture.write_file("one.pdf", pages_pdf(1, ""));
    let run = fixture.run(&["extract", "one.pdf"]);
    assert!(run.ok().contains("6,000"), "{run:?}");
}

#[test]
fn a_pdf_nested_past_the_parsers_stack_is_an_error_not_an_abort() {
    // Regression: 10 KB of nested arrays (depth 5,000) overflowed the stack (exit 134).
    let fixture = Fixture::empty();
    let depth = 5_000;
    let nested = format!("/X {}{}", "[".repeat(depth), "]".repeat(depth));
    fixture.write_file("nested.pdf", pages_pdf(1, &nested));
    fixture.run(&["extract", "nested.pdf"]).fails(
        1,
        &[
            "error: unreadable PDF: its structure could not be parsed within the limits",
            "--> nested.pdf",
        ],
    );
}

#[test]
fn a_pdf_that_inflates_to_gigabytes_is_an_error_within_its_memory_limit() {
    // Regression: 7 KB compressed twice asked for 4 GB and aborted.
    let fixture = Fixture::empty();
    let bomb = fixture_dir("hostile").join("inflates-to-4-gib.pdf");
    fixture
        .run(&["extract", bomb.to_str().expect("utf-8 path")])
        .fails(1, &["streams that inflate past 2 GiB of memory"]);
}

#[test]
fn a_pdf_longer_than_the_page_limit_is_refused_with_the_limit() {
    // Regression: page counting cost superlinear time (20,000 pages over 300 s).
    let fixture = Fixture::empty();
    fixture.write_file("long.pdf", pages_pdf(2_001, ""));
    fixture
        .run(&["extract", "long.pdf"])
        .fails(1, &["it has 2,001 pages, more than the limit of 2,000"]);
    fixture.write_file("limit.pdf", pages_pdf(2_000, ""));
    let run = fixture.run(&["extract", "limit.pdf"]);
    assert_eq!(run.code, 0, "{run:?}");
}

#[test]
fn values_no_table_or_chart_can_show_are_refused_by_validate() {
    // Regression: an area of 1e-301 (written out in digits) passed `validate`, `table`
    // and `sensitivity`, and `report` looped forever in the chart's axis.
    let tiny = format!("0.{}1", "0".repeat(300));
    let fixture = Fixture::basic();
    fixture.replace("area.csv", "north,100000,", &format!("north,{tiny},"));
    let run = fixture.run(&["validate"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stderr
            .contains("north area km2 is 1e-301: outside what an estimate can be")
            && run
                .stderr
                .contains("--> datasets/area.csv:2:2 (column `km2`)"),
        "{run:?}"
    );
    fixture
        .run(&["report", "--out", "r.md"])
        .fails(1, &["outside what an estimate can be"]);
    // A population of 1.5e308 against one fighter, likewise.
    let fixture = Fixture::basic();
    let huge = format!("15{}", "0".repeat(307));
    fixture.replace(
        "population.csv",
        "north,2025,10000000,9000000,11000000",
        &format!("north,2025,{huge},,"),
    );
    fixture.run(&["validate"]).fails(
        1,
        &[
            "north population 2025 central is 1.5e308",
            "--> datasets/population.csv:2",
        ],
    );
}

#[test]
fn a_fifo_or_device_given_as_a_hedge_table_is_refused_at_once() {
    // Regression: `--hedges` on a FIFO hung, and on /dev/zero read without limit.
    let fixture = Fixture::empty();
    fixture.write_file("doc.txt", "JNIM has about 6,000 fighters.\n");
    let fifo = fixture.dir.path().join("hedges.fifo");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());
    if made {
        fixture
            .run(&["extract", "doc.txt", "--hedges", "hedges.fifo"])
            .fails(1, &["not a regular file", "--> hedges.fifo"]);
    }
    fixture
        .run(&["extract", "doc.txt", "--hedges", "/dev/zero"])
        .fails(
            1,
            &["not a regular file", "hedge tables are TOML files on disk"],
        );
}

#[test]
fn a_claim_file_on_stdin_is_read_up_to_its_limit() {
    let fixture = Fixture::empty();
    let endless = vec![b' '; 64 * 1024 * 1024 + 1];
    fixture
        .run_with_stdin(&["check", "-"], &endless)
        .fails(1, &["too large: more than 67,108,864 bytes", "--> stdin"]);
}

#[test]
fn escape_codes_in_a_document_never_reach_the_terminal() {
    // Regression: an escape sequence in a document (or a zip member's name) was printed
    // raw, and the terminal acted on it.
    let fixture = Fixture::empty();
    fixture.write_file(
        "doc.txt",
        "JNIM has 6,000 fighters.\u{1b}[31m red \u{1b}]0;title\u{7}\n",
    );
    for command in ["extract", "check"] {
        let run = fixture.run(&[command, "doc.txt"]);
        assert!(
            !run.stdout.contains('\u{1b}') && !run.stderr.contains('\u{1b}'),
            "{run:?}"
        );
        assert!(!run.stderr.contains("panicked"), "{run:?}");
    }
    let run = fixture.run(&["check", "doc.txt"]);
    assert!(run.stdout.contains("fighters.<U+001B>[31m red"), "{run:?}");
    // What extract writes, check reads, escape codes and all.
    let drafted = fixture.run(&["extract", "doc.txt", "--out", "claims.toml"]);
    assert_eq!(drafted.code, 0, "{drafted:?}");
    let checked = fixture.run(&["check", "claims.toml"]);
    assert!(checked.code == 0 || checked.code == 3, "{checked:?}");
}

#[test]
fn an_event_found_twice_in_one_export_is_counted_once() {
    // Regression: seven concatenated gzips of one export counted every event seven times.
    use std::io::Write;
    let csv = std::fs::read(fixture_dir("events").join("acled-small.csv")).expect("fixture");
    let mut twice = Vec::new();
    for _ in 0..2 {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(&csv).expect("gzip");
        twice.extend(gz.finish().expect("gzip"));
    }
    let fixture = Fixture::empty();
    fixture.write_file("twice.csv.gz", twice);
    let once = fixture.run(&[
        "events",
        fixture_dir("events")
            .join("acled-small.csv")
            .to_str()
            .expect("path"),
        "--format",
        "csv",
    ]);
    let again = fixture.run(&["events", "twice.csv.gz", "--format", "csv"]);
    assert_eq!(
        once.ok(),
        again.ok(),
        "the same counts as the file read once"
    );
    let summary = fixture.run(&["events", "twice.csv.gz"]);
    assert!(
        flat(summary.ok())
            .contains("8 events used (8 more found again under the same id, counted once)"),
        "{summary:?}"
    );
}

/// An ACLED export of the fixture's header and these rows, each
/// `(id, event_date, year, fatalities)`.
fn acled(rows: &[(&str, &str, &str, &str)]) -> String {
    let csv =
        std::fs::read_to_string(fixture_dir("events").join("acled-small.csv")).expect("fixture");
    let header = csv.lines().next().expect("header");
    let mut out = format!("{header}\n");
    for (id, date, year, deaths) in rows {
        out.push_str(&format!("{id},{date},{year},1,Political violence,Battles,Armed clash,JNIM: Group for Support of Islam and Muslims,,Rebel group,Military Forces of Mali (2021-),,State forces,Rebel group-State forces,,466,Western Africa,Mali,,,,Fixture,14.0,-4.0,1,Fixture source,National,note,{deaths},,1700000000\n"));
    }
    out
}

#[test]
fn a_cell_that_is_not_what_its_column_means_is_left_out_with_its_line() {
    // Regression: `10-May-96` became 2096; a `year` of 99999, -5 or 0 was counted under
    // that year; "16 Mayonnaise 2025" was read as May; "+5" deaths as 5; u64-max deaths
    // as 1.8e19.
    let fixture = Fixture::empty();
    fixture.write_file(
        "odd.csv",
        acled(&[
            ("MLI1", "10-May-96", "1996", "3"),
            ("MLI2", "16 May 2025", "99999", "3"),
            ("MLI3", "16 May 2025", "-5", "3"),
            ("MLI4", "16 May 2025", "0", "3"),
            ("MLI5", "16 Mayonnaise 2025", "2025", "3"),
            ("MLI6", "16 May 2025", "2025", "+5"),
            ("MLI7", "16 May 2025", "2025", "18446744073709551615"),
            ("MLI8", "16 Sept 2025", "2025", "2"),
        ]),
    );
    let run = fixture.run(&["events", "odd.csv", "--format", "csv"]);
    let warnings = &run.stderr;
    for needle in [
        "odd.csv:3: row left out: year \"99999\" is not the year of event_date \"16 May 2025\" (2025)",
        "odd.csv:4: row left out: year \"-5\" is not a year",
        "odd.csv:5: row left out: year \"0\" is not the year of event_date",
        "odd.csv:6: row left out: event_date \"16 Mayonnaise 2025\" is not a date",
        "odd.csv:7: row left out: fatalities \"+5\" is not a whole number of deaths",
        "odd.csv:8: row left out: fatalities \"18446744073709551615\" is more deaths than any one event has had",
    ] {
        assert!(warnings.contains(needle), "no {needle:?} in {warnings}");
    }
    let out = run.ok();
    // 1996 stays 1996; 16 Sept 2025 is read; nothing lands in 2096 or 99999.
    assert!(
        out.lines().any(|l| l.starts_with("jnim,Mali,1996,1,")),
        "{out}"
    );
    assert!(
        out.lines().any(|l| l.starts_with("jnim,Mali,2025,1,")),
        "{out}"
    );
    assert!(!out.contains("2096") && !out.contains("99999"), "{out}");
    let summary = fixture.run(&["events", "odd.csv"]);
    assert!(
        flat(summary.ok()).contains("two-digit years are read as 1950 to 2049"),
        "{summary:?}"
    );
}

#[test]
fn a_header_cell_with_a_quoted_comma_is_one_column() {
    // Regression: `"event_id_cnty,x"` was split in two, every row read one column off and
    // was left out blaming its date, with exit 0.
    let csv =
        std::fs::read_to_string(fixture_dir("events").join("acled-small.csv")).expect("fixture");
    let fixture = Fixture::empty();
    fixture.write_file(
        "quoted.csv",
        csv.replacen("event_id_cnty,", "\"event_id_cnty,x\",", 1),
    );
    fixture.run(&["events", "quoted.csv"]).fails(
        1,
        &[
            "ACLED export without the column event_id_cnty",
            "--> quoted.csv",
        ],
    );
    // A quoted header cell without a comma is its name.
    fixture.write_file(
        "plain.csv",
        csv.replacen("event_id_cnty,", "\"event_id_cnty\",", 1),
    );
    let run = fixture.run(&["events", "plain.csv"]);
    assert_eq!(run.code, 0, "{run:?}");
}

#[test]
fn json_records_with_too_many_distinct_keys_are_refused_at_once() {
    // Regression: 1.5 MB of JSON with 100,000 distinct keys ran 45 s and aborted.
    let records: Vec<String> = (0..100_000)
        .map(|i| format!("{{\"k{i}\":\"x\"}}"))
        .collect();
    let fixture = Fixture::empty();
    fixture.write_file("keys.json", format!("{{\"data\":[{}]}}", records.join(",")));
    fixture
        .run(&["events", "keys.json"])
        .fails(1, &["more than 1024 distinct keys", "--> keys.json"]);
}

#[test]
fn a_run_of_empty_lines_is_read_in_pieces_with_every_line_still_placed() {
    // Regression: 10 MB of gzipped empty lines gave the parser millions of empty rows at
    // once and aborted; a piece now holds at most 200,000 line breaks.
    let fixture = Fixture::empty();
    let rows = acled(&[
        ("MLI1", "16 May 2025", "2025", "3"),
        ("MLI2", "17 May 2025", "2025", "3"),
    ]);
    let tail = acled(&[
        ("MLI3", "18 May 2025", "2025", "x"),
        ("MLI4", "19 May 2025", "2025", "3"),
    ]);
    let tail = tail.split_once('\n').expect("header").1;
    let text = format!("{rows}{}{tail}", "\n".repeat(450_000));
    fixture.write_file("gaps.csv", &text);
    let run = fixture.run(&["events", "gaps.csv"]);
    let out = flat(run.ok());
    assert!(out.contains("3 events used"), "{out}");
    // Every empty line and the bad row are counted as left out; the first listed are
    // placed on their lines.
    assert!(
        run.stderr
            .contains("gaps.csv:4: row left out: an empty line"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("… and 449991 more rows left out"),
        "{}",
        run.stderr
    );
}

#[test]
fn an_export_through_a_pipe_is_read_and_a_device_is_named_as_one() {
    // Regression: `events /dev/zero`, `/dev/null`, a FIFO and `<(zcat x.gz)` all said
    // "no such file".
    let fixture = Fixture::empty();
    for device in ["/dev/null", "/dev/zero"] {
        fixture
            .run(&["events", device])
            .fails(2, &[&format!("{device}: a device, not a file")]);
    }
    let fifo = fixture.dir.path().join("export.fifo");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());
    if !made {
        return;
    }
    let export = fixture_dir("events").join("acled-small.csv");
    let writer = {
        let fifo = fifo.clone();
        let bytes = std::fs::read(&export).expect("fixture");
        std::thread::spawn(move || std::fs::write(fifo, bytes))
    };
    let run = fixture.run(&["events", "export.fifo"]);
    // Should the run not have opened the pipe, opening it here (without waiting) lets
    // the writer finish instead of waiting for ever.
    {
        use std::os::unix::fs::OpenOptionsExt;
        let _ = std::fs::OpenOptions::new()
            .read(true)
            .custom_flags(libc::O_NONBLOCK)
            .open(&fifo);
    }
    let _ = writer.join();
    let text = flat(run.ok());
    assert!(text.contains("8 events used"), "{text}");
}

#[test]
fn a_file_whose_lines_end_in_a_carriage_return_alone_is_named_as_such() {
    // Regression: a CR-only export reported a duplicate column; a CR-only fighters.csv
    // showed polars' raw error with advice for Python.
    let needles = [
        "its lines end in a carriage return alone (an old Mac \"CSV (Macintosh)\" save)",
        "save it as CSV UTF-8",
    ];
    let csv = std::fs::read(fixture_dir("events").join("acled-small.csv")).expect("fixture");
    let cr: Vec<u8> = csv
        .iter()
        .map(|&b| if b == b'\n' { b'\r' } else { b })
        .collect();
    let fixture = Fixture::basic();
    fixture.write_file("mac.csv", &cr);
    fixture.run(&["events", "mac.csv"]).fails(1, &needles);
    let fighters = fixture.read("fighters.csv");
    let cr: Vec<u8> = fighters
        .iter()
        .map(|&b| if b == b'\n' { b'\r' } else { b })
        .collect();
    fixture.write("fighters.csv", cr);
    let run = fixture.run(&["validate"]);
    run.fails(1, &needles);
    assert!(
        !run.stderr.contains("polars") && !run.stderr.contains("Python"),
        "{run:?}"
    );
}

#[test]
fn a_megabyte_in_a_message_is_shown_by_its_start() {
    // Regression: a 1 MiB unknown id was echoed whole after 4.4 s of fuzzy matching, and
    // a zip of 100,000 members printed a 1.19 MB help line.
    let fixture = Fixture::empty();
    let long = "x".repeat(1 << 20);
    fixture.write_file(
        "long.toml",
        format!("[document]\ntitle = \"t\"\n\n[[claim]]\nid = \"c\"\nsays = \"s\"\ncomparison = \"{long}\"\nmetric = \"people_per_fighter\"\nstated = 1\n"),
    );
    let run = fixture.run(&["check", "long.toml"]);
    run.fails(1, &["unknown comparison", "characters more)"]);
    assert!(run.stderr.len() < 5_000, "{} bytes", run.stderr.len());
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..20_000 {
        writer
            .start_file(
                format!("member-{i}.txt"),
                zip::write::SimpleFileOptions::default(),
            )
            .expect("member");
    }
    fixture.write_file("many.zip", writer.finish().expect("zip").into_inner());
    let run = fixture.run(&["events", "many.zip"]);
    run.fails(1, &["a zip with no CSV file in it", "characters more)"]);
    assert!(run.stderr.len() < 5_000, "{} bytes", run.stderr.len());
}

#[test]
fn a_header_with_empty_names_is_read_not_a_panic_and_a_silent_zero() {
    // Found by the fuzzer: empty column names in a UCDP header made polars' reader panic
    // in a worker thread, and events went on to count nothing, with exit 0.
    let csv =
        std::fs::read_to_string(fixture_dir("events").join("ucdp-small.csv")).expect("fixture");
    let damaged = csv.replacen("side_a_new_id,", "side_a_new_id,,,,,,", 1);
    let fixture = Fixture::empty();
    fixture.write_file("damaged.csv", damaged);
    let run = fixture.run(&["events", "damaged.csv"]);
    assert!(!run.stderr.contains("panicked"), "{run:?}");
    let text = flat(&run.stdout);
    assert!(text.contains("rows left out") || run.code == 1, "{run:?}");
    assert!(!text.contains("0 rows,"), "the rows are read: {run:?}");
}

#[test]
fn a_flattened_table_and_stopless_prose_are_read_a_line_or_a_stretch_at_a_time() {
    // Regression: an 8,000-row table flattened into text (one "sentence" of 40,000
    // numbers) took time growing with the cube of its rows, and a stop searched back to
    // the start of the text for its line.
    let rows: Vec<String> = (0..4_000)
        .map(|i| {
            format!(
                "Region {i} | {} | {},{:03} | {}",
                2000 + i % 25,
                1 + i % 90,
                i % 1000,
                i % 977
            )
        })
        .collect();
    let fixture = Fixture::empty();
    fixture.write_file("table.txt", rows.join("\n") + "\n");
    let run = fixture.run(&["extract", "table.txt"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stderr.contains("numbers seen"), "{run:?}");
    // More text than a document may hold is refused with the limit.
    let long = "the group has about 6,000 fighters. ".repeat(500_000);
    fixture.write_file("long.txt", long);
    fixture.run(&["extract", "long.txt"]).fails(
        1,
        &["too much text: 18.0 MB; documents of up to 16 MB of text are read"],
    );
}

#[test]
fn report_writes_only_where_it_is_told_and_leaves_nothing_when_refused() {
    // Regressions: `report --out a/b/c.md` created folders where `--samples` and
    // `extract --out` refuse; a refused report left an empty chart folder; a report
    // written into the `--events` folder broke every later run on that folder.
    let fixture = Fixture::basic();
    fixture
        .run(&["report", "--out", "a/b/c.md"])
        .fails(2, &["a/b/c.md: the directory a/b does not exist"]);
    assert!(!fixture.dir.path().join("a").exists());
    fixture.write_file("notes.md", "my own notes\n");
    fixture.run(&["report", "--out", "notes.md"]).fails(
        2,
        &["refusing to overwrite a file insurgency-metrics did not generate"],
    );
    assert!(
        !fixture.dir.path().join("notes").exists(),
        "no empty chart folder"
    );
    std::fs::create_dir(fixture.dir.path().join("exports")).expect("mkdir");
    std::fs::copy(
        fixture_dir("events").join("acled-small.csv"),
        fixture.dir.path().join("exports/acled.csv"),
    )
    .expect("copy");
    let run = fixture.run(&[
        "report",
        "--out",
        "exports/report.md",
        "--events",
        "exports",
    ]);
    assert_eq!(run.code, 0, "{run:?}");
    let again = fixture.run(&["events", "exports"]);
    let text = flat(again.ok());
    assert!(
        text.contains("not read, as no ACLED or UCDP export: exports/report.md"),
        "{text}"
    );
}

#[test]
fn a_report_written_through_a_link_keeps_its_charts_beside_the_real_file() {
    // Regression: the charts went beside the link, and the real report's images broke.
    let fixture = Fixture::basic();
    let root = fixture.dir.path();
    std::fs::create_dir(root.join("real")).expect("mkdir");
    fixture
        .run(&["report", "--out", "real/report.md", "--draws", "100"])
        .ok();
    std::os::unix::fs::symlink("real/report.md", root.join("link.md")).expect("link");
    let run = fixture.run(&["report", "--out", "link.md", "--draws", "100"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(!root.join("link").exists(), "no charts beside the link");
    assert!(root.join("real/report").is_dir());
    assert!(
        std::fs::symlink_metadata(root.join("link.md"))
            .expect("link")
            .file_type()
            .is_symlink(),
        "the link stays a link"
    );
}

#[test]
fn samples_to_standard_output_keep_the_table_through_a_pipe_or_a_redirected_file() {
    // Regressions: with stdout a pipe, `--samples /dev/stdout` failed making a temporary
    // file in /proc/self/fd; redirected to a file with --force, the samples were renamed
    // over the file and the table was lost.
    let fixture = Fixture::basic();
    let piped = fixture.run(&["table", "--samples", "/dev/stdout", "--draws", "10"]);
    let out = piped.ok();
    assert!(
        out.contains("trial,") && out.contains("people per fighter"),
        "{out}"
    );
    let file = fixture.dir.path().join("both.txt");
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_insurgency-metrics"))
        .args([
            "table",
            "--samples",
            "/dev/stdout",
            "--force",
            "--draws",
            "10",
        ])
        .current_dir(fixture.dir.path())
        .stdout(std::fs::File::create(&file).expect("file"))
        .stderr(std::process::Stdio::null())
        .status()
        .expect("run");
    assert!(status.success());
    let both = std::fs::read_to_string(&file).expect("read");
    assert!(
        both.contains("trial,") && both.contains("people per fighter"),
        "samples and table: {both}"
    );
}
