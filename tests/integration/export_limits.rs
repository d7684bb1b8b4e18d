//! What each export can say: counts a source cannot support are null in tidy output,
//! "n/a" with the reason on the terminal, and make a claim unverifiable, never a number.

use std::fmt::Write as _;

use serde_json::Value;

use crate::util::{fixture_dir, Fixture, Run};

fn counted(fixture: &Fixture, name: &str, text: &str) -> (Vec<Value>, Run) {
    fixture.write(name, text);
    let path = fixture.path(name).display().to_string();
    let run = fixture.run(&["events", &path, "--format", "json", "--group", "jnim"]);
    let rows: Vec<Value> = serde_json::from_str(run.ok()).expect("json");
    (rows, run)
}

const JNIM: &str = "JNIM: Group for Support of Islam and Muslims";
const MALI_ARMY: &str = "Military Forces of Mali (2021-)";

#[test]
fn a_monadic_export_and_its_sorted_copy_count_the_same() {
    let fixture = Fixture::basic_with_real_groups();
    let header = "event_id_cnty,event_date,year,actor1,assoc_actor_1,country,fatalities\n";
    let mut rows = Vec::new();
    for i in 1..=6 {
        // Each event has a row per actor; in half of them JNIM's row comes first.
        let (first, second) = if i % 2 == 0 {
            (JNIM, MALI_ARMY)
        } else {
            (MALI_ARMY, JNIM)
        };
        rows.push(format!(
            "MLI{i},2025-01-{i:02},2025,{first},,Mali,{}",
            10 * i
        ));
        rows.push(format!(
            "MLI{i},2025-01-{i:02},2025,{second},,Mali,{}",
            10 * i
        ));
    }
    let as_read = format!("{header}{}\n", rows.join("\n"));
    rows.sort_by(|a, b| a.split(',').nth(3).cmp(&b.split(',').nth(3)));
    let sorted = format!("{header}{}\n", rows.join("\n"));
    let (a, run) = counted(&fixture, "monadic.csv", &as_read);
    let (b, _) = counted(&fixture, "sorted.csv", &sorted);
    assert_eq!(a, b, "sorting the rows changed the counts");
    assert_eq!(a[0]["events"].as_u64(), Some(6));
    assert!(a[0]["initiated"].is_null(), "{a:?}");
    assert!(a[0]["large_attacks"].is_null(), "{a:?}");
    assert!(
        run.stderr.contains(
            "n/a initiated: a monadic ACLED export keeps no trace of which actor was actor1"
        ),
        "{run:?}"
    );
}

/// An ACLED export in the layout before 2023: `event_type`, no `civilian_targeting`.
fn before_2023(with_event_type: bool) -> String {
    let mut text = String::from(
        "event_id_cnty,event_date,year,event_type,actor1,assoc_actor_1,actor2,assoc_actor_2,country,fatalities\n",
    );
    for (i, kind) in [
        "Violence against civilians",
        "Battles",
        "Violence against civilians",
    ]
    .iter()
    .enumerate()
    {
        writeln!(
            text,
            "MLI{i},2020-03-0{},2020,{kind},{JNIM},,Civilians (Mali),,Mali,1",
            i + 1
        )
        .expect("write");
    }
    if with_event_type {
        text
    } else {
        text.replace(",event_type", "")
            .replace(",Violence against civilians", "")
            .replace(",Battles", "")
    }
}

#[test]
fn civilian_targeting_before_2023_comes_from_the_event_type_and_says_so() {
    let fixture = Fixture::basic_with_real_groups();
    let (rows, run) = counted(&fixture, "acled-2020.csv", &before_2023(true));
    assert_eq!(rows[0]["civilian_targeting"].as_u64(), Some(2), "{rows:?}");
    assert!(
        run.stderr
            .contains("civilians: events of type \"Violence against civilians\""),
        "{run:?}"
    );
    // Neither column: not available, never 0.
    let (rows, run) = counted(&fixture, "acled-bare.csv", &before_2023(false));
    assert!(rows[0]["civilian_targeting"].is_null(), "{rows:?}");
    assert!(
        run.stderr.contains(
            "n/a civilian_targeting: the export has neither civilian_targeting nor event_type"
        ),
        "{run:?}"
    );
}

#[test]
fn the_terminal_table_says_what_the_source_cannot_tell() {
    let fixture = Fixture::basic_with_real_groups();
    let export = fixture_dir("events").join("ucdp-small.csv");
    let run = fixture.run(&["events", export.to_str().expect("path")]);
    let out = run.ok();
    assert!(
        out.contains("n/a initiated: UCDP records no attacker"),
        "{out}"
    );
    let jnim_2023 = out
        .lines()
        .find(|l| l.starts_with("jnim") && l.contains("2023"))
        .expect("a JNIM row for 2023");
    assert!(jnim_2023.contains("n/a"), "{jnim_2023}");
}

#[test]
fn a_claim_on_initiated_events_from_ucdp_is_unverifiable_with_the_reason() {
    let fixture = Fixture::basic_with_real_groups();
    let claims = r#"
[document]
source = "src-a"

[[claim]]
id = "initiated"
says = "attacks JNIM launched in Mali in 2023"
stated = 2
requires = "events"
events = { group = "jnim", countries = ["Mali"], year = 2023, measure = "initiated" }
"#;
    std::fs::write(fixture.dir.path().join("claims.toml"), claims).expect("write");
    let export = fixture_dir("events").join("ucdp-small.csv");
    let run = fixture.run(&[
        "check",
        "claims.toml",
        "--format",
        "json",
        "--events",
        export.to_str().expect("path"),
    ]);
    let rows: Vec<Value> = serde_json::from_str(run.ok()).expect("json");
    assert_eq!(rows[0]["verdict"], "unverifiable", "{rows:?}");
    let reason = rows[0]["reason"].as_str().expect("reason");
    assert!(
        reason.contains("initiated is not available: UCDP records no attacker"),
        "{reason}"
    );
}

/// A file of several pieces (over 8 MB): `rows` ACLED rows of JNIM in Mali, with
/// `odd(record)` in the notes of some.
fn large(rows: u64, odd: impl Fn(u64) -> Option<&'static str>) -> String {
    let padding = "x".repeat(300);
    let mut text = String::from(
        "event_id_cnty,event_date,year,actor1,assoc_actor_1,actor2,assoc_actor_2,country,fatalities,notes\n",
    );
    for record in 1..=rows {
        let notes = odd(record).map_or_else(|| format!("\"plain note {padding}\""), str::to_string);
        writeln!(text, "MLI{record},2025-01-01,2025,{JNIM},,,,Mali,1,{notes}").expect("write");
    }
    text
}

#[test]
fn a_stray_quote_in_an_unquoted_cell_moves_no_record_boundary() {
    let fixture = Fixture::basic_with_real_groups();
    // `a 12" mortar` in many rows of a file of several pieces: every row is one event.
    let text = large(60_000, |r| (r % 97 == 0).then_some("a 12\" mortar shell"));
    assert!(text.len() > 2 * (8 << 20));
    let (rows, run) = counted(&fixture, "stray.csv", &text);
    assert_eq!(rows[0]["events"].as_u64(), Some(60_000), "{run:?}");
    assert!(
        run.stderr.contains("60,000 events used, 0 rows left out"),
        "{run:?}"
    );
}

#[test]
fn an_unclosed_quote_is_located_at_its_line_and_column() {
    let fixture = Fixture::basic_with_real_groups();
    let text = large(60_000, |r| (r == 3).then_some("\"opens and never closes"))
        .replace("\"plain note", "plain note")
        .replace("x\"\n", "x\n");
    fixture.write("unclosed.csv", &text);
    let path = fixture.path("unclosed.csv").display().to_string();
    // Record 3 is on line 4; the notes are the tenth column.
    fixture.run(&["events", &path]).fails(
        1,
        &[
            "a quote opens a cell here and is never closed",
            "unclosed.csv:4:10 (column `notes`)",
        ],
    );
}

#[test]
fn text_after_a_closing_quote_is_located_without_polars_advice() {
    let fixture = Fixture::basic_with_real_groups();
    // In a column that is read (country); in the notes, which are not, it is harmless.
    let text = large(30_000, |r| (r == 25_000).then_some("JUNK"))
        .replace(",Mali,1,JUNK", ",\"Mali\" x,1,note");
    fixture.write("junk.csv", &text);
    let path = fixture.path("junk.csv").display().to_string();
    let run = fixture.run(&["events", &path]);
    run.fails(
        1,
        &[
            "junk.csv:25001:8 (column `country`)",
            "not properly escaped",
        ],
    );
    assert!(!run.stderr.contains("infer_schema_length"), "{run:?}");
}

#[test]
fn ucdp_spellings_match_the_shipped_groups_and_the_rest_is_listed() {
    let fixture = Fixture::basic_with_real_groups();
    let text = "id,year,type_of_violence,side_a,side_b,country,date_start,best,low,high\n\
                1,2024,1,Government of Somalia,Al-Shabaab,Somalia,2024-03-01,5,4,6\n\
                2,2024,1,Government of Afghanistan,Taleban,Afghanistan,2024-03-02,2,2,2\n\
                3,2024,2,IS,JNIM,Burkina Faso,2024-03-03,9,9,9\n\
                4,2024,1,Government of Somalia,Al-Shabaab,Somalia,2024-03-04,1,1,1\n";
    fixture.write("ucdp.csv", text);
    let path = fixture.path("ucdp.csv").display().to_string();
    let run = fixture.run(&["events", &path, "--format", "json"]);
    let rows: Vec<Value> = serde_json::from_str(run.ok()).expect("json");
    let events = |group: &str| {
        rows.iter()
            .find(|r| r["group"] == group)
            .and_then(|r| r["events"].as_u64())
    };
    assert_eq!(events("al-shabaab"), Some(2), "{rows:?}");
    assert_eq!(events("taliban"), Some(1), "{rows:?}");
    assert_eq!(events("jnim"), Some(1), "{rows:?}");
    // UCDP's IS does not tell the Islamic State's branches apart: it matches none.
    assert_eq!(events("is-sahel"), None, "{rows:?}");
    assert!(
        run.stderr.contains("actors matching no group, most events first: Government of Somalia (2 events); Government of Afghanistan (1 event); IS (1 event)"),
        "{run:?}"
    );
}

#[test]
fn change_is_shown_only_between_periods_covered_in_full() {
    let fixture = Fixture::basic_with_real_groups();
    let mut text = String::from(
        "event_id_cnty,event_date,year,actor1,assoc_actor_1,actor2,assoc_actor_2,country,fatalities\n",
    );
    // January 2 events, February 3, March 3, April 1 on its first day only.
    for (i, date) in [
        "2025-01-01",
        "2025-01-20",
        "2025-02-02",
        "2025-02-10",
        "2025-02-28",
        "2025-03-01",
        "2025-03-15",
        "2025-03-31",
        "2025-04-01",
    ]
    .iter()
    .enumerate()
    {
        writeln!(text, "MLI{i},{date},2025,{JNIM},,,,Mali,1").expect("write");
    }
    fixture.write("months.csv", &text);
    let path = fixture.path("months.csv").display().to_string();
    let run = fixture.run(&["events", &path, "--by", "month", "--format", "json"]);
    let rows: Vec<Value> = serde_json::from_str(run.ok()).expect("json");
    let change = |period: &str| {
        rows.iter()
            .find(|r| r["group"] == "jnim" && r["period"] == period)
            .map(|r| r["events_change_pct"].clone())
            .expect("a row")
    };
    assert!(change("2025-01").is_null(), "no month before it");
    assert_eq!(change("2025-02").as_f64(), Some(50.0));
    assert_eq!(change("2025-03").as_f64(), Some(0.0));
    assert!(
        change("2025-04").is_null(),
        "April is covered for one day only"
    );
    assert!(run
        .stderr
        .contains("change: against the period before, where the export covers both in full"));
    // On the terminal, no change is signed when it rounds to nothing.
    let terminal = fixture.run(&["events", &path, "--by", "month"]);
    assert!(!terminal.ok().contains("-0%"));
    assert!(terminal.ok().contains(" 0% "), "{}", terminal.stdout);
}

#[test]
fn strict_says_how_many_rows_in_all_cannot_be_used() {
    let fixture = Fixture::basic_with_real_groups();
    let mut text = String::from(
        "event_id_cnty,event_date,year,actor1,assoc_actor_1,actor2,assoc_actor_2,country,fatalities\n",
    );
    for i in 0..25 {
        writeln!(text, "MLI{i},2025-01-01,2025,{JNIM},,,,Mali,many").expect("write");
    }
    fixture.write("bad.csv", &text);
    let path = fixture.path("bad.csv").display().to_string();
    fixture.run(&["events", &path, "--strict"]).fails(
        1,
        &["25 rows in all cannot be used; the first 10 are above"],
    );
}

#[test]
fn check_says_what_the_export_gave() {
    let fixture = Fixture::basic_with_real_groups();
    let claims = r#"
[document]
source = "src-a"

[[claim]]
id = "deaths"
says = "deaths in Mali in the first half of 2025"
stated = 60
requires = "events"
events = { countries = ["Mali"], from = "2025-01", to = "2025-06", measure = "fatalities" }
"#;
    std::fs::write(fixture.dir.path().join("claims.toml"), claims).expect("write");
    let export = fixture_dir("events").join("acled-small.csv");
    let run = fixture.run(&[
        "check",
        "claims.toml",
        "--events",
        export.to_str().expect("path"),
    ]);
    assert!(
        run.stdout.contains("events: acled-small.csv: ACLED export,\n  11 rows from 2024-05-05 to 2025-07-01, 8 events used, 3 rows left out"),
        "{run:?}"
    );
}

#[test]
fn outputs_say_which_ucdp_version_they_count() {
    let fixture = Fixture::basic_with_real_groups();
    // UCDP: the version its file name gives.
    let ucdp = "id,year,type_of_violence,side_a,side_b,country,date_start,best,low,high\n\
                1,2024,1,Government of Mali,JNIM,Mali,2024-03-01,5,4,6\n";
    let (_, run) = counted(&fixture, "GEDEvent_v25_1.csv", ucdp);
    assert!(
        run.stderr.contains("0 rows left out; UCDP GED 25.1"),
        "{run:?}"
    );
}

#[test]
fn ucdp_gives_deadly_events_under_that_name() {
    let fixture = Fixture::basic_with_real_groups();
    let export = fixture_dir("events").join("ucdp-small.csv");
    let path = export.to_str().expect("path");
    let run = fixture.run(&["events", path, "--format", "json"]);
    let rows: Vec<Value> = serde_json::from_str(run.ok()).expect("json");
    let y2023 = rows
        .iter()
        .find(|r| r["group"] == "jnim" && r["period"] == "2023")
        .expect("a 2023 row");
    // Mali 2023: one of JNIM's two events has 20 or more deaths (25), whoever attacked.
    assert_eq!(y2023["deadly_events"].as_u64(), Some(1), "{y2023}");
    assert!(y2023["large_attacks"].is_null());
    let terminal = fixture.run(&["events", path]);
    assert!(terminal
        .ok()
        .contains("deadly: events with 20 or more deaths, whoever attacked"));
    // A claim can count them.
    let claims = r#"
[document]
source = "src-a"

[[claim]]
id = "deadly"
says = "one deadly JNIM event in Mali in the second half of 2023"
stated = 1
requires = "events"
events = { group = "jnim", countries = ["Mali"], from = "2023-07", to = "2023-12", measure = "deadly_events", large = 20 }
"#;
    std::fs::write(fixture.dir.path().join("claims.toml"), claims).expect("write");
    let run = fixture.run(&["check", "claims.toml", "--format", "json", "--events", path]);
    let rows: Vec<Value> = serde_json::from_str(run.ok()).expect("json");
    assert_eq!(rows[0]["verdict"], "consistent", "{rows:?}");
    assert_eq!(rows[0]["computed"].as_f64(), Some(1.0));
}

#[test]
fn a_row_left_out_after_stray_quotes_keeps_its_line() {
    let fixture = Fixture::basic_with_real_groups();
    // Stray quotes all through a file of several pieces, then a bad row late on.
    let text = large(60_000, |r| (r % 97 == 0).then_some("a 12\" mortar shell"))
        .replace("MLI50000,2025-01-01", "MLI50000,2025-02-30");
    let (_, run) = counted(&fixture, "late.csv", &text);
    // Record 50,000 is on line 50,001 (one line per record after the header).
    assert!(
        run.stderr
            .contains("late.csv:50001: row left out: event_date \"2025-02-30\""),
        "{}",
        run.stderr
    );
}
