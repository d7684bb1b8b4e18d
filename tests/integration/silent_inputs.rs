//! Inputs that used to change what the tool computed without a word: each is now an
//! error that points at the file, or a notice wherever the figure is shown.

use crate::util::{flat, Fixture};

/// `text` with the column named `column` deleted from every line (the fixtures' cells
/// hold no quoted commas).
fn without_column(text: &str, column: &str) -> String {
    let header: Vec<&str> = text.lines().next().unwrap_or_default().split(',').collect();
    let at = header
        .iter()
        .position(|c| *c == column)
        .unwrap_or_else(|| panic!("no column {column} in {text}"));
    text.lines()
        .map(|line| {
            let mut cells: Vec<&str> = line.split(',').collect();
            cells.remove(at);
            format!("{}\n", cells.join(","))
        })
        .collect()
}

/// A benchmarks file citing the fixture's sources.
const BENCHMARKS: &str = "id,label,metric,value,high,counts,source,caveat
ratio-10,Ten to one,soldiers_per_fighter,10,,all counterinsurgent forces per insurgent,src-b,
";

#[test]
fn a_deleted_column_is_an_error_in_every_dataset_file() {
    // Regression: deleting `low`, `high` or `note` from fighters.csv passed `validate`,
    // and every range of the file vanished.
    let cases = [
        ("sources.csv", "accessed"),
        ("groups.csv", "aliases"),
        ("countries.csv", "iso3"),
        ("fighters.csv", "low"),
        ("fighters.csv", "note"),
        ("soldiers.csv", "high"),
        ("population.csv", "preferred"),
        ("area.csv", "note"),
        ("benchmarks.csv", "caveat"),
    ];
    for (file, column) in cases {
        let fixture = Fixture::basic();
        fixture.write("benchmarks.csv", BENCHMARKS);
        let text = String::from_utf8(fixture.read(file)).expect("utf-8");
        fixture.write(file, without_column(&text, column));
        let header = text.lines().next().unwrap_or_default();
        let needles = [
            format!("error: missing column `{column}` in the header"),
            format!("--> datasets/{file}:1\n"),
            format!("the header row must be: {header}"),
        ];
        let needles: Vec<&str> = needles.iter().map(String::as_str).collect();
        fixture.run(&["validate"]).fails(1, &needles);
        fixture.run(&["table"]).fails(1, &needles);
    }
}

#[test]
fn every_missing_column_is_named_in_one_message() {
    let fixture = Fixture::basic();
    let text = String::from_utf8(fixture.read("fighters.csv")).expect("utf-8");
    let text = without_column(&without_column(&text, "low"), "high");
    fixture.write("fighters.csv", without_column(&text, "note"));
    let run = fixture.run(&["validate"]);
    run.fails(
        1,
        &[
            "error: missing columns `low`, `high`, `note` in the header\n  --> datasets/fighters.csv:1\n",
            "the header row must be: group,year,central,low,high,source,preferred,note (optional: dist,weight)",
            "1 problem found",
        ],
    );
}

#[test]
fn optional_columns_stay_optional() {
    // The fixture's sources.csv has no `via`, its estimate files no `dist` or `weight`.
    let fixture = Fixture::basic();
    let sources = String::from_utf8(fixture.read("sources.csv")).expect("utf-8");
    assert!(!sources.contains("via"), "{sources}");
    fixture.run(&["validate"]).ok();
}

#[test]
fn a_spreadsheet_date_is_an_error_that_says_how_to_write_it() {
    // Regression: `5/17/2026` in `published` passed `validate`, and the report then said
    // "Data as of unknown".
    let fixture = Fixture::basic();
    fixture.replace("sources.csv", ",2025-01-01,", ",1/17/2025,");
    fixture.replace(
        "sources.csv",
        ",https://example.org/b,,",
        ",https://example.org/b,06/05/2024,",
    );
    let needles = [
        "error: not a date: \"1/17/2025\"\n  --> datasets/sources.csv:2:4 (column `published`)",
        "= help: a spreadsheet's date: write 2025-01-17; dates are written YYYY-MM-DD (2024-07-22), or YYYY-MM (2024-07) or YYYY (2024) when the source gives no day",
        "error: not a date: \"06/05/2024\"\n  --> datasets/sources.csv:3:6 (column `accessed`)",
        "it reads as 2024-06-05 (month first) or as 2024-05-06 (day first); write the one the source means",
        "2 problems found",
    ];
    fixture.run(&["validate"]).fails(1, &needles);
    fixture
        .run(&["report", "--out", "r.md", "--draws", "200"])
        .fails(1, &needles);
    assert!(!fixture.dir.path().join("r.md").exists());
}

#[test]
fn a_day_a_month_or_a_year_are_dates() {
    // The shipped data gives a month or a year where its source gives no day.
    let fixture = Fixture::basic();
    fixture.replace("sources.csv", ",2025-01-01,", ",2025-01,");
    fixture.replace(
        "sources.csv",
        ",https://example.org/a,,",
        ",https://example.org/a,2026-11-21,",
    );
    fixture.run(&["validate"]).ok();
    // The report's date is the latest full date; a month alone says no day.
    fixture
        .run(&["report", "--out", "r.md", "--draws", "200"])
        .ok();
    let report = std::fs::read_to_string(fixture.dir.path().join("r.md")).expect("report");
    assert!(
        report.contains("date: \"Data as of 2024-06-01\""),
        "{report}"
    );
}

#[test]
fn a_claim_files_document_date_is_checked_too() {
    let fixture = Fixture::basic();
    let claims = "[document]\ntitle = \"A report\"\ndate = \"17.05.2026\"\n\n[[claim]]\nid = \"alpha-people\"\nsays = \"one Alpha fighter for about every 12,000 people\"\ncomparison = \"alpha-ns\"\nmetric = \"people_per_fighter\"\nstated = 12000\nqualifier = \"about\"\n";
    std::fs::write(fixture.dir.path().join("claims.toml"), claims).expect("write claims");
    fixture.run(&["check", "claims.toml"]).fails(
        1,
        &[
            "error: not a date: \"17.05.2026\"\n  --> claims.toml:3:8 (key `document.date`)",
            "write 2026-05-17; dates are written YYYY-MM-DD",
        ],
    );
}

/// `text` with its separating commas (those outside quotes) replaced by `separator`.
fn separated_by(text: &str, separator: char) -> String {
    let mut quoted = false;
    text.chars()
        .map(|c| match c {
            '"' => {
                quoted = !quoted;
                c
            }
            ',' if !quoted => separator,
            _ => c,
        })
        .collect()
}

#[test]
fn semicolon_and_tab_separated_files_read_as_their_comma_twins() {
    // Regression: a file saved with `;` or tabs got "a double quote inside a cell that
    // does not start with one", though `events` reads both.
    let fixture = Fixture::basic();
    fixture.replace(
        "fighters.csv",
        "src-a,,fixture\n",
        "src-a,,\"fixture; quoted, with both separators\"\n",
    );
    let table = |f: &Fixture| {
        f.run(&["table", "--format", "csv", "--draws", "500"])
            .ok()
            .to_string()
    };
    let commas = table(&fixture);
    // The report, but for the hash over the files' bytes, which differ.
    let report = |f: &Fixture| {
        let out = f
            .run(&["report", "--out", "-", "--draws", "500"])
            .ok()
            .to_string();
        out.lines()
            .filter(|l| !l.starts_with("- Data: `datasets/`, SHA-256"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let report_commas = report(&fixture);
    assert!(report_commas.contains("fixture; quoted, with both separators"));
    let originals: Vec<(&str, String)> =
        ["sources.csv", "fighters.csv", "soldiers.csv", "area.csv"]
            .into_iter()
            .map(|file| (file, String::from_utf8(fixture.read(file)).expect("utf-8")))
            .collect();
    for separator in [';', '\t'] {
        for (file, text) in &originals {
            fixture.write(file, separated_by(text, separator));
        }
        fixture.run(&["validate"]).ok();
        assert_eq!(table(&fixture), commas, "separated by {separator:?}");
        assert_eq!(
            report(&fixture),
            report_commas,
            "separated by {separator:?}"
        );
    }
}

#[test]
fn a_decimal_comma_in_a_semicolon_file_is_refused_not_misread() {
    let fixture = Fixture::basic();
    let text = String::from_utf8(fixture.read("area.csv")).expect("utf-8");
    fixture.write(
        "area.csv",
        separated_by(&text, ';').replace("25899.88110336", "25899,88110336"),
    );
    fixture.run(&["validate"]).fails(
        1,
        &[
            "an ambiguous number: \"25899,88110336\"",
            "datasets/area.csv:3:2 (column `km2`)",
            "a decimal comma: write 25899.88110336",
        ],
    );
}

#[test]
fn a_ragged_row_of_a_semicolon_file_names_its_separator() {
    let fixture = Fixture::basic();
    let text = String::from_utf8(fixture.read("countries.csv")).expect("utf-8");
    fixture.write(
        "countries.csv",
        separated_by(&text, ';').replace("north;Northland;NOR", "north;North;land;NOR"),
    );
    fixture.run(&["validate"]).fails(
        1,
        &[
            "this row has 4 fields but the header has 3: 1 cell after `iso3`, the last column",
            "datasets/countries.csv:2",
            "the header separates its cells by `;`: put a cell that contains a `;` in double quotes",
        ],
    );
}

/// The basic fixture with an estimate of alpha's fighters newer than alpha-ns's 2025.
fn with_a_newer_estimate() -> Fixture {
    let fixture = Fixture::basic();
    let mut fighters = String::from_utf8(fixture.read("fighters.csv")).expect("utf-8");
    fighters.push_str("alpha,2026,1500,,,src-a,,a newer estimate\n");
    fixture.write("fighters.csv", fighters);
    fixture
}

#[test]
fn a_newer_estimate_is_named_wherever_the_comparison_is_shown() {
    // Regression: a 2026 estimate of the group was left unused by a comparison set to
    // 2025 without a word.
    let fixture = with_a_newer_estimate();
    let note = "fighters: a 2026 estimate exists; this comparison is set to 2025";
    let table = fixture.run(&["table", "--draws", "500"]).ok().to_string();
    assert!(
        flat(&table).contains(&format!("] alpha-ns: {note} [")),
        "{table}"
    );
    let markdown = fixture
        .run(&["table", "--format", "markdown", "--draws", "500"])
        .ok()
        .to_string();
    assert!(
        markdown.contains(&format!("`alpha-ns`: {note}\n")),
        "{markdown}"
    );
    let csv = fixture
        .run(&["table", "--format", "csv", "--draws", "500"])
        .ok()
        .to_string();
    let alpha_rows: Vec<&str> = csv
        .lines()
        .filter(|l| l.starts_with("alpha-ns,,"))
        .collect();
    assert_eq!(alpha_rows.len(), 5, "{csv}");
    for row in alpha_rows.iter().filter(|r| r.contains("fighters")) {
        assert!(row.contains(note), "{row}");
    }
    let report = fixture
        .run(&["report", "--out", "-", "--draws", "500"])
        .ok()
        .to_string();
    assert!(
        report.contains(&format!("- Alpha in Northland and Southland: {note}\n")),
        "{report}"
    );
    let validate = fixture.run(&["validate"]);
    assert!(
        validate.stderr.contains(&format!("warning: datasets/comparisons.toml:4: comparison alpha-ns: {note}; datasets/fighters.csv:6 is left unused: set year = 2026, or year = \"latest\", to use it\n")),
        "{validate:?}"
    );
    // A warning there, not a note as well.
    assert!(!validate.ok().contains("2026"), "{validate:?}");
}

#[test]
fn a_missing_estimate_says_when_a_newer_one_exists() {
    let fixture = with_a_newer_estimate();
    fixture.replace(
        "fighters.csv",
        "alpha,2025,1000,800,1200,src-a,,fixture\n",
        "",
    );
    fixture.run(&["table"]).fails(
        1,
        &[
            "comparison \"alpha-ns\" has no fighters estimate for alpha in or before 2025",
            "a 2026 estimate exists; this comparison is set to 2025: set year = 2026 (or year = \"latest\") to use it",
        ],
    );
}

#[test]
fn a_comparison_can_follow_the_latest_year_its_estimates_share() {
    let fixture = with_a_newer_estimate();
    fixture.replace("comparisons.toml", "year = 2025", "year = \"latest\"");
    // Alpha has 2026, its countries 2025 at most: the year stays 2025, and says why.
    let csv = |f: &Fixture| {
        f.run(&[
            "table",
            "--format",
            "csv",
            "--comparison",
            "alpha-ns",
            "--metric",
            "people_per_fighter",
        ])
        .ok()
        .to_string()
    };
    let out = csv(&fixture);
    let row = out.lines().nth(1).expect("a row");
    assert!(
        row.starts_with("alpha-ns,,people_per_fighter,12000.0,"),
        "{out}"
    );
    assert!(row.contains(",2025,"), "{out}");
    assert!(
        // CSV doubles the quotes.
        row.contains("year 2025: the latest its estimates share (year = \"\"latest\"\")"),
        "{out}"
    );
    assert!(
        row.contains("fighters: a 2026 estimate exists; this comparison follows the latest year its estimates share, 2025"),
        "{out}"
    );
    let validate = fixture.run(&["validate"]);
    assert!(
        validate.stderr.contains("datasets/fighters.csv:6 is left unused: it is used once every other input has an estimate of 2026 or later"),
        "{validate:?}"
    );
    // Southland's soldiers, still of 2025 at most, hold the year there, and it says so.
    let mut population = String::from_utf8(fixture.read("population.csv")).expect("utf-8");
    population.push_str("north,2026,10500000,,,src-c,,newer\nsouth,2026,2100000,,,src-c,,newer\n");
    fixture.write("population.csv", population);
    let mut soldiers = String::from_utf8(fixture.read("soldiers.csv")).expect("utf-8");
    soldiers.push_str("north,2026,armed-forces,8100,,,src-b,,newer\n");
    fixture.write("soldiers.csv", soldiers.clone());
    let table = fixture
        .run(&["table", "--comparison", "alpha-ns"])
        .ok()
        .to_string();
    assert!(
        flat(&table).contains("alpha-ns: year 2025: the latest its estimates share (year = \"latest\"): no armed-forces estimate for Southland after 2025"),
        "{table}"
    );
    // Once every input has 2026, the comparison moves to 2026 and uses alpha's 1,500.
    soldiers.push_str("south,2026,armed-forces,2100,,,src-b,,newer\n");
    fixture.write("soldiers.csv", soldiers);
    let out = csv(&fixture);
    let row = out.lines().nth(1).expect("a row");
    assert!(
        row.starts_with("alpha-ns,,people_per_fighter,8400.0,"),
        "{out}"
    );
    assert!(row.contains(",2026,"), "{out}");
    assert!(
        row.contains("year 2026: the latest its estimates share"),
        "{out}"
    );
    assert!(!row.contains("estimate exists"), "{out}");
}

#[test]
fn a_year_that_is_neither_a_year_nor_latest() {
    let fixture = Fixture::basic();
    fixture.replace("comparisons.toml", "year = 2025", "year = \"newest\"");
    fixture.run(&["validate"]).fails(
        1,
        &[
            "error: not a year: \"newest\"\n  --> datasets/comparisons.toml:8:8 (key `comparison[1].year`)",
            "write a four-digit year, e.g. year = 2025, or year = \"latest\" for the latest year the comparison's estimates share",
        ],
    );
}

#[test]
fn latest_with_no_estimate_at_all_names_the_input() {
    let fixture = Fixture::basic();
    fixture.replace(
        "comparisons.toml",
        "year = 2022",
        "year = \"latest\"\nsources = { population = \"src-a\" }",
    );
    fixture.run(&["validate"]).fails(
        1,
        &[
            "comparison \"beta-east\" follows the latest year its estimates share, but it has no population estimate for Eastland",
            "(key `comparison[2].year`)",
        ],
    );
}

const EMBEDDED_ABOVE: &str = "warning: no datasets/ in the current directory: the figures come from the embedded copy of the shipped datasets, not from ../datasets/ above; give --data ../datasets to use that folder (or run from where it is), or --data embedded to choose the copy on purpose\n";

#[test]
fn run_from_a_subfolder_the_first_line_says_the_data_changed() {
    // Regression: from a subfolder the tool switched to the embedded copy, said only in
    // a parenthesis after `data: embedded`.
    let fixture = Fixture::basic();
    let table = fixture.run_in("reports", &["table", "--draws", "500"]);
    assert!(table.stderr.starts_with(EMBEDDED_ABOVE), "{table:?}");
    assert!(
        table
            .ok()
            .starts_with("data: embedded (no datasets/ here; ../datasets/ above is not used)\n"),
        "{table:?}"
    );
    // Also where the output is machine-readable, and two folders down.
    let csv = fixture.run_in("reports", &["list", "comparisons", "--format", "csv"]);
    assert!(csv.stderr.starts_with(EMBEDDED_ABOVE), "{csv:?}");
    let deeper = fixture.run_in("a/b", &["validate"]);
    assert!(
        deeper.stderr.starts_with("warning: no datasets/ in the current directory: the figures come from the embedded copy of the shipped datasets, not from ../../datasets/ above; give --data ../../datasets to use that folder"),
        "{deeper:?}"
    );
    // Following the hint uses the folder; choosing the copy on purpose is not warned of.
    let given = fixture.run_in("reports", &["validate", "--data", "../datasets"]);
    assert!(
        given.ok().starts_with("data: ../datasets/ (--data)\n"),
        "{given:?}"
    );
    assert!(!given.stderr.contains("embedded"), "{given:?}");
    let chosen = fixture.run_in("reports", &["validate", "--data", "embedded"]);
    assert!(!chosen.stderr.contains("no datasets/"), "{chosen:?}");
    // Commands that read no data say nothing of it.
    let man = fixture.run_in("reports", &["man"]);
    assert!(!man.stderr.contains("datasets"), "{man:?}");
}

#[test]
fn with_no_datasets_anywhere_above_the_warning_says_so() {
    let run = Fixture::empty().run(&["sources"]);
    assert!(
        run.stderr.starts_with("warning: no datasets/ in the current directory: the figures come from the embedded copy of the shipped datasets, not from a folder of files; give --data DIR to use one, or --data embedded to choose the copy on purpose\n"),
        "{run:?}"
    );
    assert!(
        run.ok().starts_with("data: embedded (no datasets/ here)\n"),
        "{run:?}"
    );
}

#[test]
fn every_regenerate_hint_keeps_the_data_flag() {
    // Regression: `report --check` said "regenerate with `insurgency-metrics report
    // --out r.md`", which makes the report from other data than --data named.
    let fixture = Fixture::basic();
    std::fs::rename(
        fixture.dir.path().join("datasets"),
        fixture.dir.path().join("other"),
    )
    .expect("move the data");
    let make = [
        "report", "--data", "other", "--draws", "500", "--out", "r.md",
    ];
    fixture.run(&make).ok();
    let report = std::fs::read_to_string(fixture.dir.path().join("r.md")).expect("report");
    assert!(
        report.contains("\n<!-- generated by insurgency-metrics: regenerate with `insurgency-metrics report --data other --draws 500`, do not edit by hand -->\n"),
        "{report}"
    );
    assert!(
        report.contains("- Check that this report is current: `insurgency-metrics report --check --data other --draws 500 --out <this file>`\n"),
        "{report}"
    );
    let check = [
        "report", "--check", "--data", "other", "--draws", "500", "--out", "r.md",
    ];
    fixture.run(&check).ok();
    // The data changes: the hint names the folder and the draws the report was made with.
    let fighters =
        std::fs::read_to_string(fixture.dir.path().join("other/fighters.csv")).expect("read");
    std::fs::write(
        fixture.dir.path().join("other/fighters.csv"),
        fighters.replacen("alpha,2025,1000,", "alpha,2025,1100,", 1),
    )
    .expect("write");
    let stale = fixture.run(&check);
    assert_eq!(stale.code, 1, "{stale:?}");
    assert!(
        stale.stderr.contains(
            "regenerate with `insurgency-metrics report --data other --draws 500 --out r.md`"
        ),
        "{stale:?}"
    );
    // Following the hint makes it current again (a report written over by its own kind).
    fixture.run(&make).ok();
    fixture.run(&check).ok();
    // The embedded copy, chosen because there is no datasets/ here, is named as well.
    let sub = fixture.run_in("sub", &["report", "--check", "--out", "r.md"]);
    assert_eq!(sub.code, 1, "{sub:?}");
    assert!(
        sub.stderr
            .contains("regenerate with `insurgency-metrics report --data embedded --out r.md`"),
        "{sub:?}"
    );
}
