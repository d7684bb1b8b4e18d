//! `import`: each public format on a small file written the way the real downloads are
//! (WDI's byte-order mark, CRLF, metadata lines and trailing field; its zip and API
//! JSON; a Factbook country file's prose; UCDP's multi-line quoted names and padding
//! rows; the NSA's tabs, Windows-1252, NA and periods; COW's thousands and -9). Hand
//! rows keep every byte, the same file twice changes nothing, a newer release replaces
//! only its predecessor's rows, and bad rows are named and left out, never repaired.

use crate::util::{fixture_dir, flat, Fixture, Run};

/// The basic fixture with codes for its countries in every system the formats use.
fn coded() -> Fixture {
    let fixture = Fixture::basic();
    fixture.write(
        "countries.csv",
        "id,name,iso3,gw,cow,gec\nnorth,Northland,NOR,901,NRT,no\nsouth,Southland,SOU,902,STH,so\neast,Eastland,EAS,903,EST,ea\n",
    );
    fixture
}

fn import(fixture: &Fixture, args: &[&str]) -> Run {
    let mut all = vec!["import"];
    all.extend_from_slice(args);
    fixture.run(&all)
}

fn sample(name: &str) -> String {
    fixture_dir("import").join(name).display().to_string()
}

fn text(fixture: &Fixture, name: &str) -> String {
    String::from_utf8(fixture.read(name)).expect("utf-8")
}

/// The rows of a dataset file that cite `source`, as (entity, year, central).
fn rows_of(fixture: &Fixture, file: &str, source: &str) -> Vec<(String, String, String)> {
    let text = text(fixture, file);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader.headers().expect("header").clone();
    let at = |name: &str| header.iter().position(|h| h == name).expect("column");
    reader
        .records()
        .map(|r| r.expect("record"))
        .filter(|r| &r[at("source")] == source)
        .map(|r| {
            (
                r[0].to_string(),
                r[at("year")].to_string(),
                r[at("central")].to_string(),
            )
        })
        .collect()
}

const WDI: &str = "API_SP.POP.TOTL_DS2_en_csv_v2_1.csv";
const WDI_SOURCE: &str = "wdi-sp-pop-totl-2026-07-13";

#[test]
fn wdi_csv_gives_the_countries_rows_and_names_what_it_leaves_out() {
    let fixture = coded();
    let before = fixture.read("population.csv");
    let run = import(&fixture, &["wdi", &sample(WDI), "--accessed", "2026-12-06"]);
    let out = flat(run.ok());
    assert_eq!(
        rows_of(&fixture, "population.csv", WDI_SOURCE),
        [
            ("north", "2022", "1000"),
            ("north", "2023", "1100"),
            ("north", "2025", "1300"),
            ("south", "2022", "2000"),
            ("south", "2024", "2200"),
            ("south", "2025", "2300"),
        ]
        .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
    );
    // The hand-curated rows keep every byte; the new ones follow them.
    assert!(
        fixture.read("population.csv").starts_with(&before),
        "{run:?}"
    );
    // The aggregate and the cell that is no figure are named, with line and column.
    assert!(out.contains("among them the aggregates WLD"), "{run:?}");
    assert!(
        flat(&run.stderr).contains("SOU 2023: not a figure: \"..\""),
        "{run:?}"
    );
    assert!(
        run.stderr.contains(":8:6"),
        "line 8, column 6 of the file: {run:?}"
    );
    // One source row with the release and the file's SHA-256.
    let sources = text(&fixture, "sources.csv");
    let row = sources
        .lines()
        .find(|l| l.starts_with(WDI_SOURCE))
        .expect("source row");
    assert!(row.contains(",2026-07-13,"), "{row}");
    assert!(
        row.contains("https://data.worldbank.org/indicator/SP.POP.TOTL"),
        "{row}"
    );
    let sha = row.rsplit(',').next().unwrap_or_default();
    assert_eq!(sha.len(), 64, "{row}");
    assert!(
        sources.starts_with("id,title,publisher,published,url,accessed,note,release,sha256\n"),
        "{sources}"
    );
    // Northland's 2025 population now has two rows, the fixture's and WDI's: validate
    // asks which to use, and passes once one is preferred.
    let run = fixture.run(&["validate"]);
    run.fails(1, &["2 rows for north population 2025", "preferred"]);
    fixture.replace("population.csv", "src-c,,fixture", "src-c,yes,fixture");
    fixture.run(&["validate"]).ok();
}

#[test]
fn the_same_file_again_changes_nothing() {
    let fixture = coded();
    import(&fixture, &["wdi", &sample(WDI)]).ok();
    let files = ["population.csv", "sources.csv"].map(|f| fixture.read(f));
    let run = import(&fixture, &["wdi", &sample(WDI)]);
    assert!(run.ok().contains("nothing to change"), "{run:?}");
    assert_eq!(
        ["population.csv", "sources.csv"].map(|f| fixture.read(f)),
        files
    );
}

#[test]
fn a_newer_release_replaces_only_the_older_releases_rows() {
    let fixture = coded();
    import(&fixture, &["wdi", &sample(WDI)]).ok();
    let hand: Vec<String> = text(&fixture, "population.csv")
        .lines()
        .filter(|l| !l.contains("wdi-sp-pop-totl"))
        .map(String::from)
        .collect();
    let run = import(
        &fixture,
        &["wdi", &sample("API_SP.POP.TOTL_DS2_en_csv_v2_2.csv")],
    );
    assert!(
        flat(run.ok()).contains(&format!(
            "replaced: the rows of the older release {WDI_SOURCE}"
        )),
        "{run:?}"
    );
    assert!(rows_of(&fixture, "population.csv", WDI_SOURCE).is_empty());
    let newer = rows_of(&fixture, "population.csv", "wdi-sp-pop-totl-2027-01-20");
    assert!(
        newer.contains(&("north".into(), "2025".into(), "1310".into())),
        "{newer:?}"
    );
    assert_eq!(newer.len(), 6);
    let after: Vec<String> = text(&fixture, "population.csv")
        .lines()
        .filter(|l| !l.contains("wdi-sp-pop-totl"))
        .map(String::from)
        .collect();
    assert_eq!(after, hand, "hand-curated rows untouched");
    assert!(
        !text(&fixture, "sources.csv").contains(WDI_SOURCE),
        "the older release's source row goes with its rows"
    );
    // The older file again is refused: it would go back a release.
    let again = import(&fixture, &["wdi", &sample(WDI)]);
    again.fails(1, &["newer than the release 2026-07-13"]);
}

#[test]
fn dry_run_writes_nothing() {
    let fixture = coded();
    let files = ["population.csv", "sources.csv"].map(|f| fixture.read(f));
    let run = import(&fixture, &["wdi", &sample(WDI), "--dry-run"]);
    let out = run.ok();
    assert!(out.contains("+ north 2022–2025 (3 rows)"), "{run:?}");
    assert!(out.contains("dry run: nothing written"), "{run:?}");
    assert_eq!(
        ["population.csv", "sources.csv"].map(|f| fixture.read(f)),
        files
    );
}

#[test]
fn the_zip_and_the_api_json_give_the_same_rows_as_the_csv() {
    let csv = coded();
    import(&csv, &["wdi", &sample(WDI)]).ok();
    let expected = rows_of(&csv, "population.csv", WDI_SOURCE);
    for file in ["API_SP.POP.TOTL_DS2_en_csv_v2_1.zip", "sp-pop-totl.json"] {
        let fixture = coded();
        let run = import(&fixture, &["wdi", &sample(file)]);
        run.ok();
        assert_eq!(
            rows_of(&fixture, "population.csv", WDI_SOURCE),
            expected,
            "{file}: {run:?}"
        );
    }
    // The zip's data member is read, not its metadata, and named.
    let fixture = coded();
    let run = import(
        &fixture,
        &["wdi", &sample("API_SP.POP.TOTL_DS2_en_csv_v2_1.zip")],
    );
    assert!(
        run.ok().contains("API_SP.POP.TOTL_DS2_en_csv_v2_1.csv"),
        "{run:?}"
    );
}

#[test]
fn factbook_prose_is_shown_for_review_and_entered_only_with_accept() {
    let fixture = coded();
    let before = fixture.read("soldiers.csv");
    let args = ["factbook", &sample("no.json"), "--release", "2026-05-17"];
    let run = import(&fixture, &args);
    let out = run.ok();
    assert!(
        out.contains("north 2025 armed-forces: 37,500 (35,000–40,000)"),
        "{run:?}"
    );
    assert!(out.contains("north 2025 national-guard: 5,000"), "{run:?}");
    assert!(
        out.contains("from: \"estimated 35-40,000 active Armed Forces\""),
        "{run:?}"
    );
    assert!(out.contains("add --accept once checked"), "{run:?}");
    assert_eq!(
        fixture.read("soldiers.csv"),
        before,
        "nothing entered without --accept"
    );
    let mut accepted = args.to_vec();
    accepted.push("--accept");
    import(&fixture, &accepted).ok();
    let rows = rows_of(&fixture, "soldiers.csv", "cia-wfb-2026-05-no");
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert!(text(&fixture, "soldiers.csv")
        .contains("central is the midpoint of 35000-40000 (computed here)"));
    // Two armed-forces rows for Northland in 2025 now: validate asks which to use.
    fixture
        .run(&["validate"])
        .fails(1, &["2 rows for north soldiers (armed-forces) 2025"]);
    fixture.replace("soldiers.csv", "src-b,,fixture", "src-b,yes,fixture");
    fixture.run(&["validate"]).ok();
}

#[test]
fn ucdp_actors_make_spellings_data_and_the_dyadic_file_says_where_and_when() {
    let fixture = coded();
    // Alpha's UCDP name is one of its aliases; UCDP's other spellings come with it.
    fixture.replace("groups.csv", "AF;Alpha", "AF;Alpha;Alpha Front");
    let run = import(&fixture, &["ucdp-actors", &sample("ucdp-actor-221.csv")]);
    let out = flat(run.ok());
    assert!(out.contains("+ alpha (UCDP 900) (1 row)"), "{run:?}");
    assert!(
        out.contains("UCDP's IS (234) is every Islamic State province"),
        "{run:?}"
    );
    let actors = text(&fixture, "actors.csv");
    // A name the file breaks over two lines is one name.
    assert!(
        actors.contains(
            "alpha,ucdp,900,Alpha Front;Jabhat Alfa;Jabhat Alfa al-Kubra,Northland,ucdp-actor-22-1"
        ),
        "{actors}"
    );
    // The dyadic file names the group as UCDP does ("Jabhat Alfa"), matched by its id.
    let run = import(&fixture, &["ucdp-dyadic", &sample("ucdp-dyadic-251.csv")]);
    let out = flat(run.ok());
    assert!(
        out.contains("+ alpha in north 2023–2024 (2 rows)"),
        "{run:?}"
    );
    assert!(
        out.contains("1 dyad-years of the datasets' groups were fought outside the countries"),
        "{run:?}"
    );
    let activity = text(&fixture, "activity.csv");
    assert!(
        activity.contains("alpha,north,2024,2,777,ucdp-dyadic-25-1"),
        "{activity}"
    );
    fixture.run(&["validate"]).ok();
}

#[test]
fn nsa_periods_become_years_and_bad_rows_are_named_not_repaired() {
    let fixture = coded();
    fixture.replace(
        "groups.csv",
        "beta,Beta Brigade,,",
        "beta,Beta Brigade,NRF,",
    );
    fixture.replace("groups.csv", "AF;Alpha", "AF;Alpha;Alpha Front");
    let run = import(&fixture, &["nsa", &sample("NSA_Dataset.asc")]);
    run.ok();
    let err = flat(&run.stderr);
    assert!(
        err.contains("not UTF-8 (byte 0xE9 on line 7): read as Windows-1252"),
        "{run:?}"
    );
    assert!(
        err.contains("estimate 2000 outside its own range 1000–1500"),
        "{run:?}"
    );
    assert!(
        err.contains("\"NRF\" names rebels in 2 states (STH, WST): not known which are beta"),
        "{run:?}"
    );
    let rows = rows_of(&fixture, "fighters.csv", "nsa-3-4");
    assert_eq!(
        rows,
        [
            ("alpha", "2009", "1000"),
            ("alpha", "2010", "1000"),
            ("alpha", "2011", "2000")
        ]
        .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
    );
    let fighters = text(&fixture, "fighters.csv");
    assert!(
        fighters.contains("the period 2009-07-26–2011-03-31 also covers 2011 and gives 1000"),
        "{fighters}"
    );
    fixture.run(&["validate"]).ok();
}

#[test]
fn cow_milper_is_in_thousands_and_minus_nine_is_left_out() {
    let fixture = coded();
    let run = import(&fixture, &["cow", &sample("NMC-60-abridged.csv")]);
    run.ok();
    assert_eq!(
        rows_of(&fixture, "soldiers.csv", "cow-nmc-2021"),
        [("north".to_string(), "2015".to_string(), "12000".to_string())]
    );
    assert!(
        flat(&run.stderr).contains("north 2016: milper \"-9\" is not a figure"),
        "{run:?}"
    );
    assert!(
        run.stderr.contains("NMC-60-abridged.csv:3:5"),
        "line 3: {run:?}"
    );
}

#[test]
fn a_file_of_another_kind_is_refused_with_what_would_be_read() {
    let fixture = coded();
    let run = import(&fixture, &["wdi", &sample("NMC-60-abridged.csv")]);
    run.fails(1, &["not a World Bank WDI download", "API_<INDICATOR>"]);
    let run = import(&fixture, &["wdi", "missing.csv"]);
    run.fails(2, &["missing.csv: no such file"]);
    let run = import(&fixture, &["wdi", &sample(WDI), "--accessed", "yesterday"]);
    run.fails(2, &["--accessed yesterday"]);
    let run = Fixture::empty().run(&["import", "wdi", &sample(WDI)]);
    run.fails(2, &["not the embedded copy"]);
}

#[test]
fn events_count_a_group_by_the_spelling_the_ucdp_import_brought() {
    let fixture = coded();
    fixture.replace("groups.csv", "AF;Alpha", "AF;Alpha;Alpha Front");
    // A UCDP GED row naming the group as UCDP's original-language name does.
    let header = std::fs::read_to_string(fixture_dir("events").join("ucdp-small.csv"))
        .expect("fixture")
        .lines()
        .next()
        .expect("header")
        .to_string();
    let row = "1,NRT-1,2023,1,Clear,1,,,Northland: Government,,,Jabhat Alfa - Government of Northland,,,Jabhat Alfa,,,Government of Northland,1,fixture,,,,,1,,,,,,,,,Northland,,Africa,1,1,2023-06-10,2023-06-10,,,,,10,14,8,,";
    fixture.write_file("ged.csv", format!("{header}\n{row}\n"));
    let before = fixture.run(&["events", "ged.csv", "--format", "json"]);
    assert!(!before.stdout.contains("\"alpha\""), "{before:?}");
    import(&fixture, &["ucdp-actors", &sample("ucdp-actor-221.csv")]).ok();
    let after = fixture.run(&["events", "ged.csv", "--format", "json"]);
    let rows: serde_json::Value = serde_json::from_str(after.ok()).expect("json");
    let alpha = rows
        .as_array()
        .expect("rows")
        .iter()
        .find(|r| r["group"] == "alpha")
        .unwrap_or_else(|| panic!("alpha counted: {after:?}"));
    assert_eq!(alpha["events"], 1, "{alpha}");
}

#[test]
fn a_spreadsheets_resave_of_wdi_is_read_and_its_rewritten_date_named() {
    // Opened and saved again: no byte-order mark, quotes only where a cell holds a comma,
    // the blank lines as commas, and the Last Updated Date rewritten as shown.
    let fixture = coded();
    let original =
        String::from_utf8(std::fs::read(fixture_dir("import").join(WDI)).expect("fixture"))
            .expect("utf-8");
    let resaved = original
        .trim_start_matches('\u{feff}')
        .replace('"', "")
        // A cell holding a comma keeps its quotes.
        .replace("Population, total", "\"Population, total\"")
        .replace("\r\n\r\n", "\r\n,,,,\r\n")
        .replace("2026-07-13", "7/13/2026");
    fixture.write_file("resaved.csv", resaved);
    let run = import(&fixture, &["wdi", "resaved.csv"]);
    run.fails(
        1,
        &[
            "the release \"7/13/2026\" is not a date",
            "resaved.csv:3:2",
            "write 2026-07-13",
            "--release",
        ],
    );
    assert!(
        !text(&fixture, "sources.csv").contains("wdi-sp-pop"),
        "nothing written"
    );
    let run = import(&fixture, &["wdi", "resaved.csv", "--release", "2026-07-13"]);
    run.ok();
    assert_eq!(
        rows_of(&fixture, "population.csv", WDI_SOURCE).len(),
        6,
        "{run:?}"
    );
    let run = import(&fixture, &["wdi", "resaved.csv", "--release", "7/13/2026"]);
    run.fails(2, &["--release 7/13/2026: this file's release is a date"]);
}
