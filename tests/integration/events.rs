//! `events` on hand-made ACLED and UCDP fixtures with exact expected counts, a generated
//! file checked against a straightforward count, and the bad inputs of this part.

use std::fmt::Write as _;

use serde_json::Value;

use crate::util::{fixture_dir, Fixture, Run};

fn events(fixture: &Fixture, file: &str, extra: &[&str]) -> (Vec<Value>, String) {
    let path = fixture_dir("events").join(file);
    let mut args = vec!["events", path.to_str().expect("path"), "--format", "json"];
    args.extend(extra);
    let run = fixture.run(&args);
    let rows = serde_json::from_str::<Value>(run.ok())
        .expect("json")
        .as_array()
        .expect("array")
        .clone();
    (rows, run.stderr)
}

fn row<'a>(rows: &'a [Value], group: &str, country: &str, period: &str) -> &'a Value {
    rows.iter()
        .find(|r| r["group"] == group && r["country"] == country && r["period"] == period)
        .unwrap_or_else(|| panic!("no row {group} {country} {period} in {rows:?}"))
}

/// Writes `text` as an export named `name` and counts it for JNIM: its Mali 2025 row.
fn jnim_in_mali_2025(fixture: &Fixture, name: &str, text: &str) -> (Value, Run) {
    let file = fixture.dir.path().join(name);
    std::fs::write(&file, text).expect("write");
    let path = file.to_str().expect("path");
    let run = fixture.run(&["events", path, "--format", "json", "--group", "jnim"]);
    let rows: Vec<Value> = serde_json::from_str(run.ok()).expect("json");
    (row(&rows, "jnim", "Mali", "2025").clone(), run)
}

#[test]
fn acled_counts() {
    let (rows, stderr) = events(&Fixture::basic_with_real_groups(), "acled-small.csv", &[]);
    let mali = row(&rows, "jnim", "Mali", "2025");
    assert_eq!(
        (
            mali["events"].as_u64(),
            mali["initiated"].as_u64(),
            mali["joint"].as_u64()
        ),
        (Some(4), Some(3), Some(0))
    );
    assert_eq!(mali["fatalities"].as_f64(), Some(90.0));
    assert_eq!(
        mali["large_attacks"].as_u64(),
        Some(2),
        "19 is below the threshold, 20 and 21 are not"
    );
    // 2024 and 2025 are both partly covered (2024-05-05 to 2025-07-01): no change.
    assert!(mali["events_change_pct"].is_null(), "{mali:?}");
    let burkina = row(&rows, "jnim", "Burkina Faso", "2025");
    assert_eq!(
        (
            burkina["events"].as_u64(),
            burkina["joint"].as_u64(),
            burkina["civilian_targeting"].as_u64()
        ),
        (Some(2), Some(1), Some(1))
    );
    let is_sahel = row(&rows, "is-sahel", "Burkina Faso", "2025");
    assert_eq!(
        (is_sahel["events"].as_u64(), is_sahel["joint"].as_u64()),
        (Some(1), Some(1))
    );
    assert_eq!(
        row(&rows, "jnim", "Mali", "2024")["large_attacks"].as_u64(),
        Some(1),
        "9-May-20 style dates parse"
    );
    assert!(
        stderr.contains("acled-small.csv: ACLED export, 11 rows from 2024-05-05 to 2025-07-01, 8 events used, 3 rows left out"),
        "{stderr}"
    );
}

#[test]
fn the_large_scale_threshold_edges() {
    let fixture = Fixture::basic_with_real_groups();
    for (threshold, expected) in [("19", 3), ("20", 2), ("21", 1), ("22", 0)] {
        let (rows, _) = events(&fixture, "acled-small.csv", &["--large", threshold]);
        assert_eq!(
            row(&rows, "jnim", "Mali", "2025")["large_attacks"].as_u64(),
            Some(expected),
            "--large {threshold}"
        );
    }
}

#[test]
fn bad_rows_are_left_out_with_their_lines() {
    let fixture = Fixture::basic_with_real_groups();
    let path = fixture_dir("events").join("acled-small.csv");
    let run = fixture.run(&["events", path.to_str().expect("path")]);
    let out = run.ok();
    assert!(
        out.contains("11 rows from 2024-05-05 to 2025-07-01, 8 events used, 3 rows left out"),
        "{out}"
    );
    // Line 11, not 10: a quoted note before it holds a line break.
    assert!(
        run.stderr
            .contains("acled-small.csv:11: row left out: event_date \"32 May 2025\" is not a date"),
        "{run:?}"
    );
    assert!(
        run.stderr
            .contains("acled-small.csv:12: row left out: no fatalities (the cell is empty or NA)"),
        "{run:?}"
    );
    assert!(
        run.stderr.contains(
            "acled-small.csv:13: row left out: fatalities \"-3\" is not a whole number of deaths"
        ),
        "{run:?}"
    );
    let strict = fixture.run(&["events", path.to_str().expect("path"), "--strict"]);
    strict.fails(
        1,
        &[
            "event_date \"32 May 2025\" is not a date",
            "3 problems found",
        ],
    );
}

#[test]
fn column_order_does_not_matter() {
    let fixture = Fixture::basic_with_real_groups();
    let (a, _) = events(&fixture, "acled-small.csv", &[]);
    let (b, _) = events(&fixture, "acled-reordered.csv", &[]);
    assert_eq!(a, b);
}

#[test]
fn ucdp_counts_with_fatality_ranges() {
    let (rows, stderr) = events(&Fixture::basic_with_real_groups(), "ucdp-small.csv", &[]);
    let y2023 = row(&rows, "jnim", "Mali", "2023");
    assert_eq!(
        (
            y2023["events"].as_u64(),
            y2023["initiated"].is_null(),
            y2023["civilian_targeting"].as_u64()
        ),
        (Some(2), true, Some(1)),
        "UCDP records no initiator: initiated is null, not a count"
    );
    assert_eq!(
        (
            y2023["fatalities"].as_f64(),
            y2023["fatalities_low"].as_f64(),
            y2023["fatalities_high"].as_f64()
        ),
        (Some(35.0), Some(28.0), Some(54.0))
    );
    assert!(y2023["large_attacks"].is_null());
    assert!(
        stderr.contains("n/a initiated: UCDP records no attacker: side_a is a role"),
        "{stderr}"
    );
    assert_eq!(
        row(&rows, "jnim", "Mali", "2024")["events_change_pct"].as_f64(),
        None,
        "2023 and 2024 are partly covered: no change"
    );
    assert!(
        stderr.contains("UCDP GED download, 4 rows from 2023-06-10 to 2024-01-15, 3 events used, 1 row left out"),
        "{stderr}"
    );
}

#[test]
fn by_month() {
    let (rows, _) = events(
        &Fixture::basic_with_real_groups(),
        "acled-small.csv",
        &["--by", "month", "--group", "jnim"],
    );
    assert_eq!(
        row(&rows, "jnim", "Mali", "2025-05")["events"].as_u64(),
        Some(1)
    );
    assert!(rows.iter().all(|r| r["group"] == "jnim"));
}

#[test]
fn monadic_exports_count_each_event_once() {
    let fixture = Fixture::basic_with_real_groups();
    let file = fixture.dir.path().join("monadic.csv");
    let mut text =
        String::from("event_id_cnty,event_date,year,actor1,assoc_actor_1,country,fatalities\n");
    for actor in [
        "JNIM: Group for Support of Islam and Muslims",
        "Military Forces of Mali (2021-)",
    ] {
        writeln!(text, "MLI1,2025-01-10,2025,{actor},,Mali,30").expect("write");
    }
    writeln!(
        text,
        "MLI2,2025-01-11,2025,Military Forces of Mali (2021-),,Mali,2"
    )
    .expect("write");
    std::fs::write(&file, text).expect("write");
    let run = fixture.run(&["events", file.to_str().expect("path"), "--format", "json"]);
    let rows: Vec<Value> = serde_json::from_str(run.ok()).expect("json");
    assert_eq!(
        row(&rows, "jnim", "Mali", "2025")["events"].as_u64(),
        Some(1)
    );
    assert!(
        run.stderr
            .contains("ACLED monadic export, 3 rows from 2025-01-10 to 2025-01-11, 2 events used"),
        "{run:?}"
    );
}

#[test]
fn a_generated_file_matches_a_straightforward_count() {
    // A deterministic file: every 3rd event JNIM-initiated, every 5th joint, fatalities
    // cycling 0..40; the expected counts are computed here, independently of the tool.
    let fixture = Fixture::basic_with_real_groups();
    let jnim = "JNIM: Group for Support of Islam and Muslims";
    let mut text = String::from("event_id_cnty,event_date,year,actor1,assoc_actor_1,actor2,assoc_actor_2,country,fatalities,notes\n");
    let (mut events, mut initiated, mut joint, mut large, mut deaths) =
        (0u64, 0u64, 0u64, 0u64, 0u64);
    for i in 0..3000u64 {
        let fatalities = (i * 7) % 41;
        let (actor1, actor2) = if i % 5 == 0 {
            joint += 1;
            (
                format!("{jnim} and/or Islamic State (Greater Sahara)"),
                "Civilians (Mali)".to_string(),
            )
        } else if i % 3 == 0 {
            events += 1;
            initiated += 1;
            deaths += fatalities;
            if fatalities >= 20 {
                large += 1;
            }
            (
                jnim.to_string(),
                "Military Forces of Mali (2021-)".to_string(),
            )
        } else {
            (
                "Military Forces of Mali (2021-)".to_string(),
                "Unidentified Armed Group (Mali)".to_string(),
            )
        };
        writeln!(text, "MLI{i},2025-03-{:02},2025,{actor1},,{actor2},,Mali,{fatalities},\"note {i}, with \"\"quotes\"\"\"", 1 + i % 28).expect("write");
    }
    let (r, _) = jnim_in_mali_2025(&fixture, "generated.csv", &text);
    assert_eq!(r["events"].as_u64(), Some(events));
    assert_eq!(r["initiated"].as_u64(), Some(initiated));
    assert_eq!(r["joint"].as_u64(), Some(joint));
    assert_eq!(r["large_attacks"].as_u64(), Some(large));
    assert_eq!(r["fatalities"].as_f64(), Some(deaths as f64));
}

#[test]
fn file_level_problems() {
    let fixture = Fixture::basic_with_real_groups();
    let dir = fixture.dir.path();
    std::fs::write(dir.join("empty.csv"), "").expect("write");
    fixture
        .run(&["events", "empty.csv"])
        .fails(1, &["empty.csv", "the file is empty"]);
    std::fs::write(dir.join("other.csv"), "a,b,c\n1,2,3\n").expect("write");
    fixture
        .run(&["events", "other.csv"])
        .fails(1, &["other.csv", "not an ACLED or UCDP export"]);
    std::fs::write(
        dir.join("short.csv"),
        "event_id_cnty,event_date,year,actor1,assoc_actor_1,country\nX1,2025-01-01,2025,A,,Mali\n",
    )
    .expect("write");
    fixture.run(&["events", "short.csv"]).fails(
        1,
        &[
            "short.csv",
            "ACLED monadic export without the column fatalities",
            "this format needs the columns:",
        ],
    );
    std::fs::write(
        dir.join("twice.csv"),
        "event_id_cnty,event_date,year,actor1,assoc_actor_1,country,fatalities,country\nX1,2025-01-01,2025,A,,Mali,1,Mali\n",
    )
    .expect("write");
    fixture.run(&["events", "twice.csv"]).fails(
        1,
        &[
            "twice.csv",
            "the header names the column country twice (column 8)",
        ],
    );
    // A Windows-1252 "é" in a note that follows a quoted line break in a file that has
    // UTF-8 before it (a file all Windows-1252 is read: see `encodings`): located exactly.
    std::fs::write(
        dir.join("latin1.csv"),
        b"event_id_cnty,event_date,year,actor1,assoc_actor_1,actor2,assoc_actor_2,country,fatalities,notes\n\
          MLI1,2025-01-10,2025,JNIM,,X,,Mali,19,\"a note \xe2\x80\x94\nover two lines\"\n\
          MLI2,2025-01-11,2025,JNIM,,X,,Mali,21,\"caf\xe9\"\n",
    )
    .expect("write");
    fixture.run(&["events", "latin1.csv"]).fails(
        1,
        &[
            "byte 0xE9 is not UTF-8, and the file has the UTF-8 \"\u{2014}\" on line 2 before it",
            "latin1.csv:4:10 (column `notes`)",
            "download or export it again",
        ],
    );
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(
            "event_id_cnty,event_date\n"
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        )
        .collect();
    std::fs::write(dir.join("utf16.csv"), utf16).expect("write");
    fixture
        .run(&["events", "utf16.csv"])
        .fails(1, &["utf16.csv", "the file is UTF-16, not UTF-8"]);
    // A blank line is counted as left out, and said to be one.
    std::fs::write(
        dir.join("blank.csv"),
        "event_id_cnty,event_date,year,actor1,assoc_actor_1,actor2,assoc_actor_2,country,fatalities\n\nMLI1,2025-01-10,2025,JNIM,,X,,Mali,19\n",
    )
    .expect("write");
    let run = fixture.run(&["events", "blank.csv"]);
    assert!(
        run.stderr
            .contains("blank.csv:2: row left out: an empty line (every needed cell is empty)"),
        "{run:?}"
    );
    // A byte-order mark before an UTF-8 header is fine.
    std::fs::write(
        dir.join("bom.csv"),
        "\u{feff}event_id_cnty,event_date,year,actor1,assoc_actor_1,actor2,assoc_actor_2,country,fatalities\nMLI1,2025-01-10,2025,JNIM,,X,,Mali,19\n",
    )
    .expect("write");
    assert!(fixture.run(&["events", "bom.csv"]).ok().contains("jnim"));
    fixture
        .run(&["events", "missing.csv"])
        .fails(2, &["missing.csv: no such file"]);
    fixture
        .run(&["events", "other.csv", "--group", "jnm"])
        .fails(2, &["--group jnm: no such group", "did you mean `jnim`?"]);
}

#[test]
fn the_ucdp_website_export() {
    // 47 columns: best_est/low_est/high_est, month-first dates (10/06/2023 is 6 October),
    // a trailing comma on every data line.
    let fixture = Fixture::basic_with_real_groups();
    let file = fixture.dir.path().join("ucdp-web.csv");
    let text = "id,year,type_of_violence,side_a,side_b,country,date_start,date_end,best_est,high_est,low_est\n\
                1,2023,1,JNIM,Government of Mali,Mali,10/06/2023 00:00:00,10/06/2023 00:00:00,7,9,5,\n\
                2,2023,3,JNIM,Civilians,Mali,01/07/2023 00:00:00,01/07/2023 00:00:00,30,41,22,\n";
    std::fs::write(&file, text).expect("write");
    let run = fixture.run(&["events", file.to_str().expect("path"), "--format", "json"]);
    let rows: Vec<Value> = serde_json::from_str(run.ok()).expect("json");
    let r = row(&rows, "jnim", "Mali", "2023");
    assert_eq!(
        (
            r["events"].as_u64(),
            r["large_attacks"].is_null(),
            r["civilian_targeting"].as_u64()
        ),
        (Some(2), true, Some(1))
    );
    assert_eq!(
        (r["fatalities_low"].as_f64(), r["fatalities_high"].as_f64()),
        (Some(27.0), Some(50.0))
    );
    assert!(
        run.stderr
            .contains("UCDP GED website export, 2 rows from 2023-01-07 to 2023-10-06, 2 events used, 0 rows left out"),
        "{run:?}"
    );
}

/// UCDP's website export writes month first; opened and saved again in a spreadsheet
/// set to day first, the same events come back in the other order. The file's own
/// dates say which; the layout's order is assumed, and said, only when none can.
#[test]
fn a_ucdp_website_export_saved_again_day_first_counts_the_same() {
    let fixture = Fixture::basic_with_real_groups();
    let export = |name: &str, dates: &[&str]| {
        let mut text = String::from(
            "id,year,type_of_violence,side_a,side_b,country,date_start,date_end,best_est,high_est,low_est\n",
        );
        for (i, date) in dates.iter().enumerate() {
            text.push_str(&format!(
                "{},2023,1,JNIM,Government of Mali,Mali,{date} 00:00:00,{date} 00:00:00,7,9,5,\n",
                i + 1
            ));
        }
        fixture.write(name, text);
        months(&fixture, name, &[])
    };
    // 6 October, 7 January and 15 June, as the website writes them and as saved again.
    let (original, stderr) = export("web.csv", &["10/06/2023", "01/07/2023", "06/15/2023"]);
    assert_eq!(
        original,
        ["2023-01=1", "2023-06=1", "2023-10=1"],
        "{stderr}"
    );
    assert!(
        stderr.contains("3 events used, 0 rows left out"),
        "{stderr}"
    );
    let (resaved, stderr) = export("resaved.csv", &["06/10/2023", "07/01/2023", "15/06/2023"]);
    assert_eq!(resaved, original, "{stderr}");
    assert!(
        stderr.contains("3 events used, 0 rows left out"),
        "{stderr}"
    );
    // No date above 12: month first, as the layout writes, and the output says so.
    let (undecided, stderr) = export("undecided.csv", &["10/06/2023", "01/07/2023"]);
    assert_eq!(undecided, ["2023-01=1", "2023-10=1"], "{stderr}");
    assert!(
        stderr.contains("read month-first, as the UCDP GED website export writes them"),
        "{stderr}"
    );
}

#[test]
fn a_truncated_last_line_is_left_out_not_fatal() {
    // A download cut off in the middle of a row.
    let fixture = Fixture::basic_with_real_groups();
    let full =
        std::fs::read_to_string(fixture_dir("events").join("acled-small.csv")).expect("fixture");
    let cut = &full[..full.find("MLI5").expect("row") + 60];
    let file = fixture.dir.path().join("cut.csv");
    std::fs::write(&file, cut).expect("write");
    let run = fixture.run(&["events", file.to_str().expect("path")]);
    assert!(
        run.ok()
            .contains("7 rows from 2025-01-10 to 2025-07-01, 6 events used, 1 row left out"),
        "{run:?}"
    );
    assert!(run.stderr.contains("cut.csv:9: row left out"), "{run:?}");
}

/// Events claims over the hand-made ACLED fixture: two counted, two the export cannot
/// reach, one every actor's.
pub const EVENT_CLAIMS: &str = r#"[document]
source = "src-a"

[[claim]]
id = "large-attacks"
says = "two large-scale JNIM attacks in Mali in the first half of 2025"
stated = 2
requires = "events"
events = { group = "jnim", country = "Mali", from = "2025-01", to = "2025-06", measure = "large_attacks" }

[[claim]]
id = "many-events"
says = "at least five events involving JNIM in Mali up to June 2025"
stated = 5
qualifier = "at-least"
requires = "events"
events = { group = "jnim", country = "Mali", from = "2025-01", to = "2025-06", measure = "events" }

[[claim]]
id = "whole-year"
says = "two large-scale JNIM attacks in Mali in 2025"
stated = 2
requires = "events"
events = { group = "jnim", country = "Mali", year = 2025, measure = "large_attacks" }

[[claim]]
id = "all-violence"
says = "127 people killed in Mali and Burkina Faso in the first half of 2025"
stated = 127
requires = "events"
events = { countries = ["Mali", "Burkina Faso"], from = "2025-01", to = "2025-06", measure = "fatalities" }

[[claim]]
id = "elsewhere"
says = "deaths in Niger in the first half of 2025"
stated = 10
requires = "events"
events = { countries = ["Niger"], from = "2025-01", to = "2025-06", measure = "fatalities" }
"#;

#[test]
fn events_claims_are_counted_from_an_export() {
    let fixture = Fixture::basic_with_real_groups();
    std::fs::write(fixture.dir.path().join("claims.toml"), EVENT_CLAIMS).expect("write");
    let export = fixture_dir("events").join("acled-small.csv");
    let without = fixture.run(&["check", "claims.toml", "--format", "json"]);
    let rows: Vec<Value> = serde_json::from_str(without.ok()).expect("json");
    assert!(
        rows.iter().all(|r| r["verdict"] == "unverifiable"),
        "{rows:?}"
    );
    let with = fixture.run(&[
        "check",
        "claims.toml",
        "--format",
        "json",
        "--events",
        export.to_str().expect("path"),
    ]);
    assert_eq!(with.code, 3, "one claim fails: {with:?}");
    let rows: Vec<Value> = serde_json::from_str(&with.stdout).expect("json");
    let reason = |i: usize| rows[i]["reason"].as_str().expect("reason").to_string();
    assert_eq!(rows[0]["verdict"], "consistent");
    assert_eq!(rows[0]["computed"].as_f64(), Some(2.0));
    assert!(
        reason(0).contains(
            "large_attacks of jnim in Mali, 2025-01 to 2025-06 (20 or more deaths), counted from"
        ),
        "{rows:?}"
    );
    assert_eq!(rows[1]["verdict"], "inconsistent");
    assert_eq!(rows[1]["computed"].as_f64(), Some(3.0));
    // The export ends on 2025-07-01: it cannot count the whole of 2025.
    assert_eq!(rows[2]["verdict"], "unverifiable");
    assert!(
        reason(2).contains("runs from 2024-05-05 to 2025-07-01 in Mali: it does not cover 2025"),
        "{rows:?}"
    );
    // Every actor's deaths: 19 + 20 + 21 in Mali, 50 + 5 + 12 in Burkina Faso.
    assert_eq!(rows[3]["verdict"], "consistent");
    assert_eq!(rows[3]["computed"].as_f64(), Some(127.0));
    assert!(
        reason(3).contains("fatalities of every actor in Mali, Burkina Faso, 2025-01 to 2025-06"),
        "{rows:?}"
    );
    // No event in Niger at all: not zero deaths, but nothing to count from.
    assert_eq!(rows[4]["verdict"], "unverifiable");
    assert!(
        reason(4).contains("has no event in Niger in 2025-01 to 2025-06"),
        "{rows:?}"
    );
}

#[test]
fn malformed_event_periods_are_located() {
    let fixture = Fixture::basic_with_real_groups();
    let write = |from: &str, to: &str| {
        std::fs::write(
            fixture.dir.path().join("claims.toml"),
            EVENT_CLAIMS.replacen(
                "from = \"2025-01\", to = \"2025-06\"",
                &format!("from = \"{from}\", to = \"{to}\""),
                1,
            ),
        )
        .expect("write");
    };
    write("2025-13", "2025-06");
    fixture.run(&["check", "claims.toml"]).fails(
        1,
        &[
            "not a month: \"2025-13\"",
            "(key `claim[1].events.from`)",
            "e.g. \"2024-06\"",
        ],
    );
    write("2025-06", "2025-01");
    fixture
        .run(&["check", "claims.toml"])
        .fails(1, &["from 2025-06 is after to 2025-01"]);
    std::fs::write(
        fixture.dir.path().join("claims.toml"),
        EVENT_CLAIMS.replace("measure = \"fatalities\"", "measure = \"large_attacks\""),
    )
    .expect("write");
    fixture
        .run(&["check", "claims.toml"])
        .fails(1, &["large_attacks needs a group", "add group = \"ID\""]);
}

#[test]
fn a_malformed_events_query_is_located() {
    let fixture = Fixture::basic_with_real_groups();
    std::fs::write(
        fixture.dir.path().join("claims.toml"),
        EVENT_CLAIMS.replace("measure = \"events\"", "measure = \"attacks\""),
    )
    .expect("write");
    fixture.run(&["check", "claims.toml"]).fails(
        1,
        &[
            "unknown event measure \"attacks\"",
            "claims.toml:17:",
            "(key `claim[2].events.measure`)",
            "valid: events, initiated, joint, fatalities, large_attacks, civilian_targeting",
        ],
    );
}

#[test]
fn a_file_of_many_pieces_counts_every_row_in_order() {
    // Over 8 MB pieces: records with quoted line breaks cross piece boundaries, and a
    // bad row deep in the file keeps its line number.
    let fixture = Fixture::basic_with_real_groups();
    let jnim = "JNIM: Group for Support of Islam and Muslims";
    let padding = "x".repeat(300);
    let mut text = String::from(
        "event_id_cnty,event_date,year,actor1,assoc_actor_1,actor2,assoc_actor_2,country,fatalities,notes\n",
    );
    let rows = 60_000u64;
    let bad = 45_001u64;
    let (mut events, mut deaths) = (0u64, 0u64);
    for record in 1..=rows {
        let fatalities = record % 30;
        let date = if record == bad {
            "2025-02-30".to_string()
        } else {
            format!("2025-{:02}-{:02}", 1 + record % 12, 1 + record % 28)
        };
        if record != bad && record % 2 == 0 {
            events += 1;
            deaths += fatalities;
        }
        let actor1 = if record % 2 == 0 {
            jnim
        } else {
            "Military Forces of Mali (2021-)"
        };
        writeln!(
            text,
            "MLI{record},{date},2025,{actor1},,Civilians (Mali),,Mali,{fatalities},\"note {record}, \"\"quoted\"\"\nsecond line {padding}\""
        )
        .expect("write");
    }
    assert!(text.len() > 2 * (8 << 20), "{} bytes", text.len());
    let (r, run) = jnim_in_mali_2025(&fixture, "large.csv", &text);
    assert_eq!(r["events"].as_u64(), Some(events));
    assert_eq!(r["fatalities"].as_f64(), Some(deaths as f64));
    // Each record takes two lines after the header's one.
    let line = 2 * bad;
    assert!(
        run.stderr.contains(&format!(
            "large.csv:{line}: row left out: event_date \"2025-02-30\""
        )),
        "{run:?}"
    );
    assert!(
        run.stderr.contains(
            "60,000 rows from 2025-01-01 to 2025-12-28, 59,999 events used, 1 row left out"
        ),
        "{run:?}"
    );
}

#[test]
fn claims_can_count_one_sub_event_type() {
    let fixture = Fixture::basic_with_real_groups();
    let jnim = "JNIM: Group for Support of Islam and Muslims";
    let mali = "Military Forces of Mali (2021-)";
    let text = format!(
        "event_id_cnty,event_date,year,event_type,sub_event_type,actor1,assoc_actor_1,actor2,assoc_actor_2,country,fatalities\n\
         MLI1,2025-01-05,2025,Strategic developments,Agreement,{jnim},,Civilians (Mali),,Mali,0\n\
         MLI2,2025-04-05,2025,Strategic developments,Agreement,Civilians (Mali),,{jnim},,Mali,0\n\
         MLI3,2025-06-05,2025,Strategic developments,Agreement,Dozo Communal Militia (Mali),,Civilians (Mali),,Mali,0\n\
         MLI4,2025-12-30,2025,Battles,Armed clash,{jnim},,{mali},,Mali,12\n"
    );
    std::fs::write(fixture.dir.path().join("types.csv"), text).expect("write");
    let claims = r#"[document]
source = "src-a"

[[claim]]
id = "agreements"
says = "JNIM concluded two local agreements in Mali in 2025"
stated = 2
requires = "events"
events = { group = "jnim", country = "Mali", year = 2025, measure = "events", sub_event_type = "Agreement" }
"#;
    std::fs::write(fixture.dir.path().join("claims.toml"), claims).expect("write");
    let run = fixture.run(&[
        "check",
        "claims.toml",
        "--events",
        "types.csv",
        "--format",
        "json",
    ]);
    let rows: Vec<Value> = serde_json::from_str(run.ok()).expect("json");
    assert_eq!(rows[0]["verdict"], "consistent", "{rows:?}");
    assert_eq!(rows[0]["computed"].as_f64(), Some(2.0));
    assert!(
        rows[0]["reason"]
            .as_str()
            .expect("reason")
            .contains("events of jnim (Agreement) in Mali, 2025, counted from types.csv"),
        "{rows:?}"
    );
    // The export's events begin 4 days into the year and end a day before its end:
    // within the week allowed, and said.
    assert!(
        rows[0]["reason"].as_str().expect("reason").contains(
            "its events in Mali begin on 2025-01-05, so the 4 days before are counted as having none; its events in Mali end on 2025-12-30, so the 1 day after are counted as having none"
        ),
        "{rows:?}"
    );
    // UCDP has no sub-event types: the claim cannot be counted from it.
    std::fs::write(
        fixture.dir.path().join("ucdp.csv"),
        "id,year,type_of_violence,side_a,side_b,country,date_start,best,low,high\n\
         1,2025,1,JNIM,Government of Mali,Mali,2025-01-05,3,3,4\n\
         2,2025,1,JNIM,Government of Mali,Mali,2025-12-05,3,3,4\n",
    )
    .expect("write");
    let run = fixture.run(&[
        "check",
        "claims.toml",
        "--events",
        "ucdp.csv",
        "--format",
        "json",
    ]);
    let rows: Vec<Value> = serde_json::from_str(&run.stdout).expect("json");
    assert_eq!(rows[0]["verdict"], "unverifiable", "{rows:?}");
    assert!(
        rows[0]["reason"]
            .as_str()
            .expect("reason")
            .contains("ucdp.csv has no sub_event_type column"),
        "{rows:?}"
    );
    // A type without a group is refused, located.
    std::fs::write(
        fixture.dir.path().join("claims.toml"),
        claims.replace("group = \"jnim\", ", ""),
    )
    .expect("write");
    fixture.run(&["check", "claims.toml"]).fails(
        1,
        &[
            "sub_event_type \"Agreement\" needs a group",
            "(key `claim[1].events.sub_event_type`)",
        ],
    );
}

#[test]
fn windows_line_endings() {
    let fixture = Fixture::basic_with_real_groups();
    let jnim = "JNIM: Group for Support of Islam and Muslims";
    let text = format!(
        "event_id_cnty,event_date,year,actor1,assoc_actor_1,actor2,assoc_actor_2,country,fatalities\r\n\
         MLI1,2025-01-10,2025,{jnim},,X,,Mali,19\r\n\
         MLI2,2025-01-11,2025,{jnim},,X,,Mali,\"21\"\r\n"
    );
    let (r, run) = jnim_in_mali_2025(&fixture, "crlf.csv", &text);
    assert_eq!(r["events"].as_u64(), Some(2));
    assert_eq!(r["fatalities"].as_f64(), Some(40.0));
    assert_eq!(r["large_attacks"].as_u64(), Some(1));
    assert!(run.stderr.contains("0 rows left out"), "{run:?}");
}

#[test]
fn a_byte_that_is_not_utf8_deep_in_a_large_file_keeps_its_line() {
    // Pieces after the first count their lines from the pieces before them. The first
    // note's UTF-8 "é" makes the file UTF-8, so the later byte is a fault, not
    // Windows-1252.
    let fixture = Fixture::basic_with_real_groups();
    let padding = "x".repeat(300);
    let mut text = String::from(
        "event_id_cnty,event_date,year,actor1,assoc_actor_1,actor2,assoc_actor_2,country,fatalities,notes\n",
    );
    let bad = 50_000u64;
    for record in 1..=60_000u64 {
        let marker = match record {
            1 => "é",
            r if r == bad => "\u{1}",
            _ => "",
        };
        writeln!(
            text,
            "MLI{record},2025-01-01,2025,Military Forces of Mali (2021-),,,,Mali,1,\"note {record}\nsecond line{marker} {padding}\""
        )
        .expect("write");
    }
    // Latin-1 é where the marker stands: the way a spreadsheet re-save breaks a file.
    let bytes: Vec<u8> = text
        .into_bytes()
        .into_iter()
        .map(|b| if b == 1 { 0xE9 } else { b })
        .collect();
    assert!(bytes.len() > 2 * (8 << 20), "{} bytes", bytes.len());
    fixture.write("latin1.csv", &bytes);
    // Record r takes lines 2r and 2r + 1; the byte is on the second.
    let at = format!("latin1.csv:{}:10 (column `notes`)", 2 * bad + 1);
    fixture
        .run(&["events", &fixture.path("latin1.csv").display().to_string()])
        .fails(
            1,
            &[
                "byte 0xE9 is not UTF-8, and the file has the UTF-8 \"é\" on line 3 before it",
                &at,
            ],
        );
}

/// An ACLED export re-saved by a spreadsheet: `event_date` as slash dates.
fn resaved(dates: &[&str]) -> String {
    let mut text = String::from(
        "event_id_cnty,event_date,year,actor1,assoc_actor_1,actor2,assoc_actor_2,country,fatalities\n",
    );
    for (i, date) in dates.iter().enumerate() {
        let year = match date.rsplit('/').next().expect("a year") {
            "99" => "1999",
            year => year,
        };
        writeln!(
            text,
            "MLI{i},{date},{year},JNIM: Group for Support of Islam and Muslims,,Civilians (Mali),,Mali,1"
        )
        .expect("write");
    }
    text
}

/// The events of the fixture's file `name` by month ("2020-03=1"), and what stderr said.
fn months(fixture: &Fixture, name: &str, extra: &[&str]) -> (Vec<String>, String) {
    let path = fixture.path(name).display().to_string();
    let mut args = vec!["events", path.as_str(), "--by", "month", "--format", "json"];
    args.extend_from_slice(extra);
    let run = fixture.run(&args);
    let rows: Vec<Value> = serde_json::from_str(run.ok()).expect("json");
    let months = rows
        .iter()
        .map(|r| format!("{}={}", r["period"].as_str().expect("period"), r["events"]))
        .collect();
    (months, run.stderr)
}

#[test]
fn slash_dates_are_read_in_the_order_the_file_shows() {
    let fixture = Fixture::basic_with_real_groups();
    let count = |name: &str, text: &str, extra: &[&str]| {
        fixture.write(name, text);
        months(&fixture, name, extra)
    };
    // US: 11/30/2020 says month first, so 03/04/2020 is 4 March.
    let (months, stderr) = count("us.csv", &resaved(&["03/04/2020", "11/30/2020"]), &[]);
    assert_eq!(months, ["2020-03=1", "2020-11=1"], "{stderr}");
    assert!(
        stderr.contains("2 events used, 0 rows left out"),
        "{stderr}"
    );
    // Europe: 30/11/2020 says day first, so 03/04/2020 is 3 April; the deciding date
    // may come late in the file.
    let (months, _) = count(
        "eu.csv",
        &resaved(&["03/04/2020", "05/06/2020", "30/11/2020"]),
        &[],
    );
    assert_eq!(months, ["2020-04=1", "2020-06=1", "2020-11=1"]);
    // A date that contradicts the order the file showed is a row left out, said.
    let (months, stderr) = count("mixed.csv", &resaved(&["30/11/2020", "11/30/2020"]), &[]);
    assert_eq!(months, ["2020-11=1"]);
    assert!(
        stderr.contains("event_date \"11/30/2020\" is not a date in day-first order (as the file's other dates show)"),
        "{stderr}"
    );
    // Two-digit years: ACLED's data starts in 1997.
    let (months, _) = count("short.csv", &resaved(&["13/05/99"]), &[]);
    assert_eq!(months, ["1999-05=1"]);
}

#[test]
fn a_file_whose_date_order_cannot_be_told_asks_for_it() {
    let fixture = Fixture::basic_with_real_groups();
    fixture.write("undecided.csv", resaved(&["03/04/2020", "05/06/2020"]));
    let path = fixture.path("undecided.csv").display().to_string();
    fixture.run(&["events", &path]).fails(
        1,
        &[
            "undecided.csv",
            "never say whether the month or the day comes first",
            "--date-order mdy",
        ],
    );
    let run = fixture.run(&[
        "events",
        &path,
        "--date-order",
        "dmy",
        "--by",
        "month",
        "--format",
        "json",
    ]);
    let rows: Vec<Value> = serde_json::from_str(run.ok()).expect("json");
    let periods: Vec<&str> = rows.iter().filter_map(|r| r["period"].as_str()).collect();
    assert_eq!(periods, ["2020-04", "2020-06"]);
}

/// Counting an export needs only the names of groups and countries: a broken cell in
/// an estimate file does not stop it (it stops `table`, which uses the estimate).
#[test]
fn events_read_only_the_names_it_counts_by() {
    let fixture = Fixture::basic_with_real_groups();
    fixture.replace("population.csv", "north,2025,10000000,", "north,2025,abc,");
    let export = fixture_dir("events").join("acled-small.csv");
    let export = export.to_str().expect("utf-8");
    let run = fixture.run(&["events", export]);
    assert!(run.ok().contains("jnim"), "{run:?}");
    fixture
        .run(&["table", "--events", export])
        .fails(1, &["population.csv:2:3", "not a number: \"abc\""]);
}

/// A folder of downloads holds more than exports: a README.txt or a notes.csv beside
/// them is passed over and named, not a failure of the whole run; the same file named
/// on the command line is read, and why it is no export said.
#[test]
fn a_directory_passes_over_text_files_that_are_no_export() {
    let fixture = Fixture::basic_with_real_groups();
    std::fs::create_dir_all(fixture.path("downloads")).expect("mkdir");
    fixture.write(
        "downloads/acled.csv",
        std::fs::read_to_string(fixture_dir("events").join("acled-small.csv")).expect("fixture"),
    );
    fixture.write(
        "downloads/README.txt",
        "ACLED download\nSee the terms of use.\n",
    );
    fixture.write("downloads/notes.csv", "country,note\nMali,checked\n");
    let dir = fixture.path("downloads").display().to_string();
    let run = fixture.run(&["events", &dir, "--format", "json"]);
    let rows: Vec<Value> = serde_json::from_str(run.ok()).expect("json");
    assert!(!rows.is_empty(), "{run:?}");
    assert!(
        run.stderr.contains("not read, as no ACLED or UCDP export:")
            && run.stderr.contains("README.txt")
            && run.stderr.contains("notes.csv"),
        "{run:?}"
    );
    let readme = fixture.path("downloads/README.txt").display().to_string();
    fixture
        .run(&["events", &readme])
        .fails(1, &["README.txt", "not an ACLED or UCDP export"]);
}

/// Two downloads hold different versions of one event: the newer names JNIM where the
/// older named an unidentified group. Given in either order, the event is counted once,
/// in its newest version (the higher ACLED `timestamp`), and the summary names it.
#[test]
fn overlapping_downloads_count_each_event_in_its_newest_version_in_any_order() {
    let fixture = Fixture::basic_with_real_groups();
    let acled =
        std::fs::read_to_string(fixture_dir("events").join("acled-small.csv")).expect("fixture");
    let header = acled.lines().next().expect("header");
    let line = |id: &str, day: u32, actor: &str, stamp: u64| {
        format!("{id},2018-03-0{day},2018,1,Political violence,Battles,Armed clash,{actor},,Rebel group,Military Forces of Mali (2021-),,State forces,Rebel group-State forces,,466,Western Africa,Mali,,,,Fixture,14.0,-4.0,1,Fixture source,National,,3,,{stamp}\n")
    };
    let jnim = "JNIM: Group for Support of Islam and Muslims";
    let unknown = "Unidentified Armed Group (Mali)";
    let old = format!(
        "{header}\n{}{}",
        line("MLI1", 1, unknown, 1_600_000_000),
        line("MLI2", 2, jnim, 1_600_000_000)
    );
    let new = format!(
        "{header}\n{}{}",
        line("MLI1", 1, jnim, 1_700_000_000),
        line("MLI3", 3, jnim, 1_700_000_000)
    );
    fixture.write_file("old.csv", old);
    fixture.write_file("new.csv", new);
    let count = |first: &str, second: &str| {
        let run = fixture.run(&["events", first, second, "--format", "json"]);
        let rows: Vec<Value> = serde_json::from_str(run.ok()).expect("json");
        (
            row(&rows, "jnim", "Mali", "2018")["events"].as_u64(),
            run.stderr.clone(),
        )
    };
    let (one, stderr) = count("old.csv", "new.csv");
    let (other, _) = count("new.csv", "old.csv");
    assert_eq!(one, Some(3), "{stderr}");
    assert_eq!(one, other);
    assert!(
        stderr.contains("1 event in more than one file with different versions, each counted once in its newest (ACLED timestamp, UCDP GED version): MLI1"),
        "{stderr}"
    );
}

/// ACLED names some units after their group: `Taliban - Red Unit` is the Taliban's,
/// counted as the group and named in the summary. A whole name another group goes by
/// stays that group's: `Islamic State (West Africa) - Greater Sahara Faction` is IS
/// Sahel, never counted by the name before " - ".
#[test]
fn units_named_after_a_group_reach_it_and_are_said() {
    let fixture = Fixture::basic_with_real_groups();
    let acled =
        std::fs::read_to_string(fixture_dir("events").join("acled-small.csv")).expect("fixture");
    let header = acled.lines().next().expect("header");
    let line = |id: &str, actor: &str, country: &str| {
        format!("{id},2024-03-01,2024,1,Political violence,Battles,Armed clash,{actor},,Rebel group,Civilians,,Civilians,Rebel group-Civilians,,4,Asia,{country},,,,Fixture,14.0,-4.0,1,Fixture source,National,,2,,1700000000\n")
    };
    fixture.write_file(
        "units.csv",
        format!(
            "{header}\n{}{}{}",
            line("AFG1", "Taliban - Red Unit", "Afghanistan"),
            line("AFG2", "Taliban", "Afghanistan"),
            line(
                "NIG1",
                "Islamic State (West Africa) - Greater Sahara Faction",
                "Niger"
            ),
        ),
    );
    let run = fixture.run(&["events", "units.csv", "--format", "json"]);
    let rows: Vec<Value> = serde_json::from_str(run.ok()).expect("json");
    assert_eq!(
        row(&rows, "taliban", "Afghanistan", "2024")["events"].as_u64(),
        Some(2),
        "{run:?}"
    );
    assert_eq!(
        row(&rows, "is-sahel", "Niger", "2024")["events"].as_u64(),
        Some(1)
    );
    let flat = run.stderr.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("units counted as the group their name begins with (before \" - \"): Taliban - Red Unit as taliban (1 event)"),
        "{flat}"
    );
}
