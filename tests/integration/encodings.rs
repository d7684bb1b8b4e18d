//! Exports a spreadsheet on Windows re-saved as plain "CSV", in Windows-1252: read and
//! counted as their UTF-8 original, with a note; a file that is UTF-8 in one place and
//! not in another still refused at its byte.

use std::fmt::Write as _;

use crate::util::{fixture_dir, flat, Fixture, Run};

fn count(fixture: &Fixture, path: &str) -> Run {
    fixture.run(&["events", path, "--format", "json", "--group", "jnim"])
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder.write_all(bytes).expect("compress");
    encoder.finish().expect("compress")
}

/// Text whose characters are all in Latin-1, as Windows-1252 writes it (one byte each,
/// the same number as the character for U+00A0 to U+00FF).
fn latin(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| u8::try_from(u32::from(c)).expect("a Latin-1 character"))
        .collect()
}

#[test]
fn an_export_resaved_as_windows_1252_counts_as_its_utf8_original() {
    // acled-accents-cp1252.csv is acled-accents.csv through python3's
    // `.encode("cp1252")`: "Ségou", "Côte d'Ivoire", curly quotes, dashes, "€".
    let fixture = Fixture::basic_with_real_groups();
    let events = fixture_dir("events");
    let utf8 = count(
        &fixture,
        events.join("acled-accents.csv").to_str().expect("path"),
    );
    let cp1252_path = events.join("acled-accents-cp1252.csv");
    let cp1252 = count(&fixture, cp1252_path.to_str().expect("path"));
    assert_eq!(cp1252.ok(), utf8.ok(), "the same counts: {cp1252:?}");
    assert!(cp1252.ok().contains("Côte d'Ivoire"), "{cp1252:?}");
    assert!(
        flat(&cp1252.stderr).contains(
            "acled-accents-cp1252.csv: read as Windows-1252: the file is not UTF-8 (byte 0xE9, \"é\", on line 2, column `admin1`); a spreadsheet's plain \"CSV\" save writes it so"
        ),
        "{cp1252:?}"
    );
    assert!(!utf8.stderr.contains("Windows-1252"), "{utf8:?}");
    // The terminal says it among the notes.
    let table = fixture.run(&["events", cp1252_path.to_str().expect("path")]);
    assert!(
        flat(table.ok()).contains("read as Windows-1252"),
        "{table:?}"
    );
}

/// An export ASCII for its first 14 MB (more than the first piece the reader cuts),
/// then "Ségou"; after it, a piece whose only other bytes would read as UTF-8 ("Ã©" is
/// the two bytes of UTF-8 "é"), which are Windows-1252 as the rest of the file is.
fn late_accents() -> String {
    let padding = "x".repeat(300);
    let mut text = String::from(
        "event_id_cnty,event_date,year,actor1,assoc_actor_1,actor2,assoc_actor_2,country,fatalities,notes\n",
    );
    for record in 1..=70_000u64 {
        let (actor, country, place) = match record {
            40_000 | 69_000 => (
                "JNIM: Group for Support of Islam and Muslims",
                "Mali",
                " Ségou",
            ),
            55_000 => ("JNIM: Group for Support of Islam and Muslims", "CÃ©te", ""),
            _ => ("Military Forces of Mali (2021-)", "Mali", ""),
        };
        writeln!(
            text,
            "MLI{record},2025-01-01,2025,{actor},,,,{country},1,\"note {record}{place}\nsecond line {padding}\""
        )
        .expect("write");
    }
    text
}

#[test]
fn windows_1252_after_megabytes_of_ascii_is_read_in_a_file_a_gzip_and_a_stream() {
    let fixture = Fixture::basic_with_real_groups();
    let text = late_accents();
    let cp1252 = latin(&text);
    let first = cp1252.iter().position(|&b| b >= 0x80).expect("an accent");
    assert!(first > 8 << 20, "ASCII beyond the first piece: {first}");
    fixture.write("utf8.csv", &text);
    fixture.write("cp1252.csv", &cp1252);
    fixture.write("cp1252.csv.gz", gzip(&cp1252));
    let path = |name: &str| fixture.path(name).display().to_string();
    let utf8 = count(&fixture, &path("utf8.csv"));
    let expected = utf8.ok();
    assert!(expected.contains("\"CÃ©te\""), "{utf8:?}");
    // Record r takes lines 2r and 2r + 1; "Ségou" is on the first.
    let note = "read as Windows-1252: the file is not UTF-8 (byte 0xE9, \"é\", on line 80000, column `notes`)";
    // "Ã©" is read as the file is, and named: in a file that joins two exports it
    // would be UTF-8 "é".
    let like = "on line 110000, column `country`, the bytes read as \"Ã©\" (Windows-1252, as the rest of the file) are the UTF-8 \"é\" if that part is UTF-8";
    for name in ["cp1252.csv", "cp1252.csv.gz"] {
        let run = count(&fixture, &path(name));
        assert_eq!(run.ok(), expected, "{name}: {run:?}");
        assert!(flat(&run.stderr).contains(note), "{name}: {run:?}");
        assert!(flat(&run.stderr).contains(like), "{name}: {run:?}");
    }
    let piped = fixture.run_with_stdin(
        &["events", "-", "--format", "json", "--group", "jnim"],
        &cp1252,
    );
    assert_eq!(piped.ok(), expected, "standard input: {piped:?}");
    assert!(flat(&piped.stderr).contains(note), "{piped:?}");
    assert!(flat(&piped.stderr).contains(like), "{piped:?}");
}

#[test]
fn a_byte_that_is_not_utf8_after_utf8_is_refused_at_its_place() {
    let fixture = Fixture::basic_with_real_groups();
    let header = "event_id_cnty,event_date,year,actor1,assoc_actor_1,actor2,assoc_actor_2,country,fatalities,notes\n";
    let mut mixed = format!("{header}MLI1,2025-01-10,2025,JNIM,,X,,Mali,19,déjà vu\n").into_bytes();
    mixed.extend_from_slice(b"MLI2,2025-01-11,2025,JNIM,,X,,Mali,21,caf\xe9\n");
    fixture.write("mixed.csv", &mixed);
    count(&fixture, &fixture.path("mixed.csv").display().to_string()).fails(
        1,
        &[
            "byte 0xE9 is not UTF-8, and the file has the UTF-8 \"é\" on line 2 before it",
            "mixed.csv:3:10 (column `notes`)",
            "this file mixes the two, or is damaged",
        ],
    );
    // A byte-order mark says UTF-8 as well.
    let mut marked = "\u{feff}".as_bytes().to_vec();
    marked.extend_from_slice(header.as_bytes());
    marked.extend_from_slice(b"MLI2,2025-01-11,2025,JNIM,,X,,Mali,21,caf\xe9\n");
    fixture.write("marked.csv", &marked);
    count(&fixture, &fixture.path("marked.csv").display().to_string()).fails(
        1,
        &[
            "byte 0xE9 is not UTF-8, and the file has a UTF-8 byte-order mark on line 1 before it",
            "marked.csv:2:10 (column `notes`)",
        ],
    );
    // A header of UTF-8 and Windows-1252 at once.
    fixture.write(
        "header.csv",
        [
            "event_id_cnty,event_date,year,actor1,assoc_actor_1,actor2,assoc_actor_2,country,fatalities,é,".as_bytes(),
            b"\xe9\n",
        ]
        .concat(),
    );
    count(&fixture, &fixture.path("header.csv").display().to_string()).fails(
        1,
        &["the header row is not UTF-8: byte 0xE9 (column 11) after the UTF-8 \"é\""],
    );
}

#[test]
fn a_windows_1252_header_is_read() {
    let fixture = Fixture::basic_with_real_groups();
    let text = "event_id_cnty,event_date,year,actor1,assoc_actor_1,actor2,assoc_actor_2,country,fatalities,année\nMLI1,2025-01-10,2025,JNIM: Group for Support of Islam and Muslims,,X,,Mali,19,2025\n";
    fixture.write("header.csv", latin(text));
    let run = count(&fixture, &fixture.path("header.csv").display().to_string());
    assert!(run.ok().contains("\"Mali\""), "{run:?}");
    assert!(
        flat(&run.stderr).contains("(byte 0xE9, \"é\", on line 1, column `année`)"),
        "{run:?}"
    );
}
