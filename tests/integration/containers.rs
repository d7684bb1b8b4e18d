//! Exports as analysts hold them: the same rows as CSV, gzip, a zip, `;`- and
//! tab-separated, a spreadsheet, the ACLED API's JSON and standard input give the same
//! counts; files that are no export are named for what they are.

use std::io::Write as _;

use proptest::prelude::*;
use serde_json::Value;

use crate::util::Fixture;

const COLUMNS: [&str; 11] = [
    "event_id_cnty",
    "event_date",
    "year",
    "actor1",
    "assoc_actor_1",
    "actor2",
    "assoc_actor_2",
    "civilian_targeting",
    "country",
    "fatalities",
    "notes",
];

/// One generated event: (actor1, month, fatalities, civilians).
type Event = (usize, u32, u32, bool);

const ACTORS: [&str; 3] = [
    "JNIM: Group for Support of Islam and Muslims",
    "Military Forces of Mali (2021-)",
    "JNIM: Group for Support of Islam and Muslims and/or Islamic State (Sahel)",
];

fn rows(events: &[Event]) -> Vec<Vec<String>> {
    events
        .iter()
        .enumerate()
        .map(|(i, &(actor, month, deaths, civilians))| {
            vec![
                format!("MLI{i}"),
                format!("2024-{month:02}-15"),
                "2024".into(),
                ACTORS[actor].into(),
                String::new(),
                "Civilians (Mali)".into(),
                String::new(),
                if civilians {
                    "Civilian targeting".into()
                } else {
                    String::new()
                },
                "Mali".into(),
                deaths.to_string(),
                format!("note {i}, with \"quotes\"; and a\nline break"),
            ]
        })
        .collect()
}

/// The rows as delimited text, cells quoted where they need it.
fn delimited(rows: &[Vec<String>], delimiter: char) -> Vec<u8> {
    let cell = |c: &str| {
        if c.contains([delimiter, '"', '\n']) {
            format!("\"{}\"", c.replace('"', "\"\""))
        } else {
            c.to_string()
        }
    };
    let mut out = COLUMNS.join(&delimiter.to_string()) + "\n";
    for row in rows {
        let cells: Vec<String> = row.iter().map(|c| cell(c)).collect();
        out.push_str(&cells.join(&delimiter.to_string()));
        out.push('\n');
    }
    out.into_bytes()
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder.write_all(bytes).expect("compress");
    encoder.finish().expect("compress")
}

fn zipped(members: &[(&str, &[u8])]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, bytes) in members {
        writer
            .start_file(*name, zip::write::SimpleFileOptions::default())
            .expect("member");
        writer.write_all(bytes).expect("write");
    }
    writer.finish().expect("zip").into_inner()
}

/// A one-sheet workbook with the rows as inline strings.
fn xlsx(rows: &[Vec<String>]) -> Vec<u8> {
    xlsx_with(rows, "")
}

/// [`xlsx`] with `tail`, raw sheet XML, after the rows.
fn xlsx_with(rows: &[Vec<String>], tail: &str) -> Vec<u8> {
    let escape = |c: &str| {
        c.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    };
    let mut sheet = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#,
    );
    let header: Vec<String> = COLUMNS.iter().map(|c| c.to_string()).collect();
    for (r, row) in std::iter::once(&header).chain(rows).enumerate() {
        sheet.push_str(&format!("<row r=\"{}\">", r + 1));
        for cell in row {
            sheet.push_str(&format!(
                "<c t=\"inlineStr\"><is><t xml:space=\"preserve\">{}</t></is></c>",
                escape(cell)
            ));
        }
        sheet.push_str("</row>");
    }
    sheet.push_str(tail);
    sheet.push_str("</sheetData></worksheet>");
    workbook(&[("events", &sheet)])
}

/// A workbook of the named sheets (raw sheet XML), in order.
fn workbook(sheets: &[(&str, &str)]) -> Vec<u8> {
    let mut types = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#,
    );
    let mut book = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>"#,
    );
    let mut rels = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    );
    let mut parts: Vec<(String, Vec<u8>)> = Vec::new();
    for (i, (name, xml)) in sheets.iter().enumerate() {
        let n = i + 1;
        types.push_str(&format!(r#"<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#));
        book.push_str(&format!(
            r#"<sheet name="{name}" sheetId="{n}" r:id="rId{n}"/>"#
        ));
        rels.push_str(&format!(r#"<Relationship Id="rId{n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{n}.xml"/>"#));
        parts.push((
            format!("xl/worksheets/sheet{n}.xml"),
            xml.as_bytes().to_vec(),
        ));
    }
    types.push_str("</Types>");
    book.push_str("</sheets></workbook>");
    rels.push_str("</Relationships>");
    let mut members: Vec<(&str, &[u8])> = vec![
        ("[Content_Types].xml", types.as_bytes()),
        ("_rels/.rels", br#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#),
        ("xl/workbook.xml", book.as_bytes()),
        ("xl/_rels/workbook.xml.rels", rels.as_bytes()),
    ];
    members.extend(parts.iter().map(|(n, b)| (n.as_str(), b.as_slice())));
    zipped(&members)
}

/// The ACLED API's response for the rows.
fn api_json(rows: &[Vec<String>]) -> Vec<u8> {
    let data: Vec<Value> = rows
        .iter()
        .map(|row| {
            Value::Object(
                COLUMNS
                    .iter()
                    .zip(row)
                    .map(|(c, v)| (c.to_string(), Value::String(v.clone())))
                    .collect(),
            )
        })
        .collect();
    serde_json::to_vec(
        &serde_json::json!({"status": 200, "success": true, "count": data.len(), "data": data}),
    )
    .expect("json")
}

/// The counts of JNIM per month, and what stderr said.
fn counts(fixture: &Fixture, name: &str, bytes: &[u8]) -> (Vec<Value>, String) {
    fixture.write(name, bytes);
    let path = fixture.path(name).display().to_string();
    let run = fixture.run(&[
        "events", &path, "--by", "month", "--format", "json", "--group", "jnim",
    ]);
    (serde_json::from_str(run.ok()).expect("json"), run.stderr)
}

fn every_form(events: &[Event]) -> Vec<(&'static str, Vec<u8>)> {
    let rows = rows(events);
    let csv = delimited(&rows, ',');
    vec![
        ("plain.csv", csv.clone()),
        ("export.csv.gz", gzip(&csv)),
        (
            "export.zip",
            zipped(&[("export.csv", &csv), ("README.txt", b"terms")]),
        ),
        ("semicolons.csv", delimited(&rows, ';')),
        ("tabs.tsv", delimited(&rows, '\t')),
        ("export.xlsx", xlsx(&rows)),
        ("api.json", api_json(&rows)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 6, ..ProptestConfig::default() })]

    #[test]
    fn every_form_of_the_same_rows_counts_the_same(
        events in proptest::collection::vec((0usize..3, 1u32..=12, 0u32..40, any::<bool>()), 1..40),
    ) {
        let fixture = Fixture::basic_with_real_groups();
        let forms = every_form(&events);
        let (expected, _) = counts(&fixture, forms[0].0, &forms[0].1);
        for (name, bytes) in &forms[1..] {
            let (got, stderr) = counts(&fixture, name, bytes);
            prop_assert_eq!(&got, &expected, "{} differs: {}", name, stderr);
        }
        let csv = &forms[0].1;
        let run = fixture.run_with_stdin(&["events", "-", "--by", "month", "--format", "json", "--group", "jnim"], csv);
        let got: Vec<Value> = serde_json::from_str(run.ok()).expect("json");
        prop_assert_eq!(&got, &expected, "standard input differs");
    }
}

#[test]
fn every_form_is_named_by_the_sha256_of_its_bytes_as_on_disk() {
    use sha2::{Digest, Sha256};
    let fixture = Fixture::basic_with_real_groups();
    for (name, bytes) in every_form(&[(0, 3, 5, false), (1, 4, 0, true)]) {
        let hash: String = Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        let (_, stderr) = counts(&fixture, name, &bytes);
        let flat = stderr.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(flat.contains(&format!("SHA-256 {hash}")), "{name}: {flat}");
    }
}

#[test]
fn outputs_say_how_the_export_was_packed() {
    let fixture = Fixture::basic_with_real_groups();
    let forms = every_form(&[(0, 3, 5, false)]);
    let (_, stderr) = counts(&fixture, "export.csv.gz", &forms[1].1);
    assert!(
        stderr.contains("ACLED export, gzip, 1 row from 2024-03-15"),
        "{stderr}"
    );
    let (_, stderr) = counts(&fixture, "export.zip", &forms[2].1);
    assert!(
        stderr.contains("ACLED export, member \"export.csv\" of a zip, 1 row"),
        "{stderr}"
    );
}

#[test]
fn a_zip_of_several_csv_files_asks_which() {
    let fixture = Fixture::basic_with_real_groups();
    let csv = delimited(&rows(&[(0, 3, 5, false)]), ',');
    fixture.write("two.zip", zipped(&[("a.csv", &csv), ("b.csv", &csv)]));
    let path = fixture.path("two.zip").display().to_string();
    fixture
        .run(&["events", &path])
        .fails(1, &["a zip of 2 CSV files", "--member NAME: a.csv, b.csv"]);
    let run = fixture.run(&["events", &path, "--member", "b.csv", "--format", "json"]);
    let rows: Vec<Value> = serde_json::from_str(run.ok()).expect("json");
    assert_eq!(rows.len(), 1);
}

#[test]
fn files_that_are_no_export_are_named_for_what_they_are() {
    let fixture = Fixture::basic_with_real_groups();
    for (name, bytes, says) in [
        (
            "report.pdf",
            b"%PDF-1.7\n%\xE2\xE3".to_vec(),
            "the file is a PDF, not an event export",
        ),
        (
            "old.xls",
            vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1],
            "an old Excel workbook",
        ),
        (
            "blob.csv",
            vec![7, 0, 0, 3, 200, 0, 1, 2, 9, 0],
            "the file is binary data",
        ),
        (
            "error.json",
            br#"{"error": "token expired"}"#.to_vec(),
            "JSON without a list of records",
        ),
    ] {
        fixture.write(name, &bytes);
        let path = fixture.path(name).display().to_string();
        fixture.run(&["events", &path]).fails(1, &[name, says]);
    }
}

#[test]
fn several_files_or_a_directory_count_an_event_once() {
    let fixture = Fixture::basic_with_real_groups();
    // Events 0-9 in one file, 5-14 in another (as two overlapping downloads), the
    // second gzip-compressed: 15 events, 5 of them in both.
    let events: Vec<Event> = (0..15)
        .map(|i| (0, 1 + (i % 12) as u32, 1, false))
        .collect();
    let all = rows(&events);
    fixture.write("first.csv", delimited(&all[..10], ','));
    fixture.write("second.csv.gz", gzip(&delimited(&all[5..], ',')));
    fixture.write("whole.csv", delimited(&all, ','));
    let (expected, _) = counts(&fixture, "whole.csv", &delimited(&all, ','));
    let first = fixture.path("first.csv").display().to_string();
    let second = fixture.path("second.csv.gz").display().to_string();
    let run = fixture.run(&[
        "events", &first, &second, "--by", "month", "--format", "json", "--group", "jnim",
    ]);
    let got: Vec<Value> = serde_json::from_str(run.ok()).expect("json");
    assert_eq!(got, expected, "{}", run.stderr);
    assert!(
        run.stderr.contains("2 files, ACLED export, 20 rows from 2024-01-15 to 2024-12-15, 15 events used (5 more found again in the same or another file, counted once), 0 rows left out"),
        "{}",
        run.stderr
    );
    // A directory of the two files gives the same.
    std::fs::create_dir(fixture.dir.path().join("downloads")).expect("mkdir");
    std::fs::copy(&first, fixture.dir.path().join("downloads/first.csv")).expect("copy");
    std::fs::copy(&second, fixture.dir.path().join("downloads/second.csv.gz")).expect("copy");
    let run = fixture.run(&[
        "events",
        "downloads",
        "--by",
        "month",
        "--format",
        "json",
        "--group",
        "jnim",
    ]);
    let got: Vec<Value> = serde_json::from_str(run.ok()).expect("json");
    assert_eq!(got, expected, "{}", run.stderr);
}

#[test]
fn a_sheet_with_one_far_away_cell_is_read_without_its_empty_range() {
    // Regression: a 2.5 KB workbook with one cell at XFD1048576 asked for a range of 17
    // billion cells and aborted at once.
    let fixture = Fixture::basic_with_real_groups();
    let events: Vec<Event> = (0..6).map(|i| (0, 1 + i as u32, 1, false)).collect();
    let rows = rows(&events);
    let (expected, _) = counts(&fixture, "plain.csv", &delimited(&rows, ','));
    let far_row = r#"<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>x</t></is></c></row>"#;
    let (got, stderr) = counts(&fixture, "far-row.xlsx", &xlsx_with(&rows, far_row));
    assert_eq!(got, expected, "{stderr}");
    let far_cell =
        r#"<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>"#;
    fixture.write("far-cell.xlsx", xlsx_with(&rows, far_cell));
    let path = fixture.path("far-cell.xlsx").display().to_string();
    fixture.run(&["events", &path]).fails(
        1,
        &["has a cell in column 16384 of row 1048576: an export has at most 1024 columns"],
    );
}

/// A workbook whose first sheet holds notes: the run says which sheet it read and
/// which there are, for `--sheet`; with it, the export is read and the sheet named.
#[test]
fn a_workbook_whose_first_sheet_is_notes_names_its_sheets() {
    let fixture = Fixture::basic_with_real_groups();
    let notes = r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c t="inlineStr"><is><t>Downloaded from ACLED</t></is></c></row></sheetData></worksheet>"#;
    // The events sheet of a one-sheet workbook, taken out of it.
    let events = {
        let one = xlsx(&rows(&[(0, 3, 5, false)]));
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(one)).expect("zip");
        let mut xml = String::new();
        std::io::Read::read_to_string(
            &mut archive.by_name("xl/worksheets/sheet1.xml").expect("sheet"),
            &mut xml,
        )
        .expect("read");
        xml
    };
    fixture.write(
        "book.xlsx",
        workbook(&[("Notes", notes), ("Data", &events)]),
    );
    let path = fixture.path("book.xlsx").display().to_string();
    fixture.run(&["events", &path]).fails(
        1,
        &[
            "not an ACLED or UCDP export",
            "the sheet read is \"Notes\"; the workbook's sheets are \"Notes\", \"Data\": give --sheet NAME",
        ],
    );
    let run = fixture.run(&["events", &path, "--sheet", "Data"]);
    run.ok();
    let flat = run.stderr.split_whitespace().collect::<Vec<_>>().join(" ");
    let out = run.stdout.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("ACLED export, sheet \"Data\" of a workbook")
            || out.contains("ACLED export, sheet \"Data\" of a workbook"),
        "{run:?}"
    );
}

/// Several files counted together: each is named with how it was packed (the zip
/// member read), not all of them with the first file's packing.
#[test]
fn several_files_each_say_how_they_were_packed() {
    let fixture = Fixture::basic_with_real_groups();
    let forms = every_form(&[(0, 3, 5, false)]);
    fixture.write("export.csv.gz", &forms[1].1);
    fixture.write("export.zip", &forms[2].1);
    let gz = fixture.path("export.csv.gz").display().to_string();
    let zip = fixture.path("export.zip").display().to_string();
    let run = fixture.run(&["events", &gz, &zip, "--format", "json"]);
    run.ok();
    let flat = run.stderr.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("2 files, ACLED export, 2 rows"), "{flat}");
    assert!(flat.contains("; export.csv.gz, gzip: "), "{flat}");
    assert!(
        flat.contains("; export.zip, member \"export.csv\" of a zip: "),
        "{flat}"
    );
}
