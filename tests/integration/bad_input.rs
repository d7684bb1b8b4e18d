//! Every kind of bad input gets exit 1 and one message naming file, line, column and
//! value, with no panic. Each case changes one cell of the basic fixture.

use crate::util::Fixture;

/// Replaces `from` with `to` in `file`, runs `validate` and `table`, and checks both fail
/// with every needle on stderr.
fn rejects(file: &str, from: &str, to: &str, needles: &[&str]) {
    let fixture = Fixture::basic();
    fixture.replace(file, from, to);
    let before = fixture.read(file);
    fixture.run(&["validate"]).fails(1, needles);
    fixture.run(&["table"]).fails(1, needles);
    assert_eq!(fixture.read(file), before, "an input file was modified");
}

#[test]
fn thousands_separator_in_a_quoted_cell() {
    rejects(
        "fighters.csv",
        "alpha,2025,1000,",
        "alpha,2025,\"1,000\",",
        &[
            "an ambiguous number: \"1,000\"",
            "datasets/fighters.csv:2:3 (column `central`)",
            "reads as 1000 with a comma as thousands separator, or as 1 with a decimal comma",
        ],
    );
}

#[test]
fn a_european_thousands_dot_is_refused_not_read_as_seven() {
    // Regression: `7.000` (seven thousand written the European way) was read as 7.
    rejects(
        "fighters.csv",
        "alpha,2025,1000,",
        "alpha,2025,1.000,",
        &[
            "an ambiguous number: \"1.000\"",
            "datasets/fighters.csv:2:3 (column `central`)",
            "reads as 1 with a decimal point, or as 1000 with a dot as thousands separator",
            "write 1000 or 1",
        ],
    );
}

#[test]
fn thousands_separator_beside_a_decimal_point() {
    rejects(
        "fighters.csv",
        "alpha,2025,1000,",
        "alpha,2025,\"1,000.5\",",
        &["an ambiguous number: \"1,000.5\"", "write 1000.5"],
    );
}

#[test]
fn thousands_separator_unquoted_shifts_the_row() {
    rejects(
        "fighters.csv",
        "alpha,2025,1000,",
        "alpha,2025,1,000,",
        &[
            "this row has 9 fields but the header has 8",
            "datasets/fighters.csv:2",
        ],
    );
}

#[test]
fn approximate_and_abbreviated_numbers() {
    rejects(
        "fighters.csv",
        "beta,2022,500,",
        "beta,2022,~500,",
        &[
            "not a number: \"~500\"",
            "datasets/fighters.csv:3:3 (column `central`)",
        ],
    );
    rejects(
        "fighters.csv",
        "beta,2022,500,",
        "beta,2022,6k,",
        &[
            "not a number: \"6k\"",
            "datasets/fighters.csv:3:3",
            "not 6k",
        ],
    );
}

#[test]
fn empty_required_cell() {
    rejects(
        "population.csv",
        "north,2025,10000000,",
        "north,2025,,",
        &[
            "empty cell: `central` is required",
            "datasets/population.csv:2:3 (column `central`)",
        ],
    );
}

#[test]
fn negative_and_zero() {
    rejects(
        "soldiers.csv",
        "south,2025,armed-forces,2000,",
        "south,2025,armed-forces,-2000,",
        &[
            "not a number: \"-2000\"",
            "datasets/soldiers.csv:3:4",
            "must not be negative",
        ],
    );
    rejects(
        "population.csv",
        "north,2025,10000000,",
        "north,2025,0,",
        &[
            "zero is impossible here: \"0\"",
            "datasets/population.csv:2:3 (column `central`)",
        ],
    );
    rejects(
        "area.csv",
        "north,100000,",
        "north,0,",
        &[
            "zero is impossible here",
            "datasets/area.csv:2:2 (column `km2`)",
        ],
    );
}

#[test]
fn bounds_out_of_order() {
    rejects(
        "fighters.csv",
        "1000,800,1200",
        "1000,1100,1200",
        &[
            "low 1100 is greater than central 1000",
            "datasets/fighters.csv:2:4 (column `low`)",
        ],
    );
    rejects(
        "fighters.csv",
        "1000,800,1200",
        "1000,800,900",
        &[
            "high 900 is less than central 1000",
            "datasets/fighters.csv:2:5 (column `high`)",
        ],
    );
}

#[test]
fn unknown_ids() {
    rejects(
        "fighters.csv",
        "beta,2022",
        "betta,2022",
        &[
            "unknown group \"betta\"",
            "datasets/fighters.csv:3:1 (column `group`)",
            "did you mean `beta`?",
        ],
    );
    rejects(
        "population.csv",
        "south,2024",
        "sooth,2024",
        &[
            "unknown country \"sooth\"",
            "datasets/population.csv:3:1 (column `country`)",
            "did you mean `south`?",
        ],
    );
    rejects(
        "area.csv",
        "north,100000,src-c",
        "north,100000,src-x",
        &[
            "unknown source \"src-x\"",
            "datasets/area.csv:2:3 (column `source`)",
        ],
    );
    rejects(
        "soldiers.csv",
        "armed-forces,8000",
        "armed-force,8000",
        &[
            "unknown component: \"armed-force\"",
            "datasets/soldiers.csv:2:3",
            "did you mean `armed-forces`?",
        ],
    );
}

#[test]
fn not_an_id_or_year() {
    rejects(
        "countries.csv",
        "north,Northland",
        "North Land,Northland",
        &[
            "not a valid id: \"North Land\"",
            "datasets/countries.csv:2:1 (column `id`)",
            "\"north-land\"",
        ],
    );
    rejects(
        "fighters.csv",
        "beta,2022,",
        "beta,2022-2023,",
        &[
            "not a year: \"2022-2023\"",
            "datasets/fighters.csv:3:2 (column `year`)",
        ],
    );
}

#[test]
fn two_rows_for_one_key_without_a_choice() {
    rejects(
        "population.csv",
        "east,2022,1000000,,,src-c,yes,",
        "east,2022,1000000,,,src-c,,",
        &[
            "2 rows for east population 2022 (lines 4, 5) and none is marked preferred",
            "datasets/population.csv:4:7 (column `preferred`)",
            "sources = { population = \"src-c\" }",
        ],
    );
}

#[test]
fn two_rows_both_preferred() {
    rejects(
        "population.csv",
        "east,2022,1200000,,,src-b,,",
        "east,2022,1200000,,,src-b,yes,",
        &[
            "two rows for east population 2022 are both marked preferred",
            "datasets/population.csv:5:7 (column `preferred`)",
        ],
    );
}

#[test]
fn a_named_source_resolves_the_choice() {
    let fixture = Fixture::basic();
    fixture.replace("population.csv", "src-c,yes,", "src-c,,");
    fixture.replace(
        "comparisons.toml",
        "year = 2022\n",
        "year = 2022\nsources = { population = \"src-b\" }\n",
    );
    let out = fixture.run(&[
        "table",
        "--format",
        "csv",
        "--comparison",
        "beta-east",
        "--metric",
        "people_per_fighter",
    ]);
    assert!(
        out.ok().contains("beta-east,,people_per_fighter,2400.0,"),
        "{out:?}"
    );
}

#[test]
fn header_problems() {
    rejects(
        "fighters.csv",
        "group,year,central,low,high,source,preferred,note",
        "group,year,centrl,low,high,source,preferred,note",
        &[
            "unknown column `centrl`",
            "datasets/fighters.csv:1:3 (column `centrl`)",
            "did you mean `central`?",
            "missing column `central` in the header",
        ],
    );
    rejects(
        "groups.csv",
        "id,name,aliases,parent,note",
        "id,name,aliases,parent,name",
        &["column `name` appears twice", "datasets/groups.csv:1:5"],
    );
}

#[test]
fn empty_and_missing_files() {
    let fixture = Fixture::basic();
    fixture.write("area.csv", "");
    fixture
        .run(&["validate"])
        .fails(1, &["the file is empty", "datasets/area.csv"]);
    std::fs::remove_file(fixture.path("countries.csv")).expect("remove");
    fixture.run(&["table"]).fails(
        1,
        &[
            "missing dataset file",
            "datasets/countries.csv",
            "id,name,iso3",
        ],
    );
}

#[test]
fn bom_and_crlf_are_accepted() {
    let fixture = Fixture::basic();
    let text = String::from_utf8(fixture.read("fighters.csv")).expect("utf-8");
    fixture.write(
        "fighters.csv",
        format!("\u{feff}{}", text.replace('\n', "\r\n")),
    );
    let with_bom = fixture.run(&["table", "--format", "csv"]);
    let plain = Fixture::basic().run(&["table", "--format", "csv"]);
    assert_eq!(with_bom.ok(), plain.ok());
}

#[test]
fn non_utf8_bytes() {
    let fixture = Fixture::basic();
    fixture.write(
        "countries.csv",
        b"id,name,iso3\nnorth,Northland,NOR\nsouth,S\xe9gou,SOU\n",
    );
    fixture.run(&["validate"]).fails(
        1,
        &[
            "not UTF-8: bytes \\xE9",
            "datasets/countries.csv:3:8",
            "UTF-8",
        ],
    );
}

#[test]
fn unclosed_quote() {
    rejects(
        "sources.csv",
        "src-a,Alpha report",
        "src-a,\"Alpha report",
        &[
            "a double quote opened here is never closed",
            "datasets/sources.csv:2:7",
        ],
    );
}

#[test]
fn a_quote_inside_an_unquoted_cell() {
    rejects(
        "sources.csv",
        "src-a,Alpha report",
        "src-a,Alpha \"report\"",
        &[
            "a double quote inside a cell that does not start with one",
            "datasets/sources.csv:2:13",
            "quote the whole cell and double the quotes inside it",
        ],
    );
}

#[test]
fn toml_syntax_error() {
    rejects(
        "comparisons.toml",
        "year = 2025",
        "year = = 2025",
        &[
            "invalid TOML",
            "datasets/comparisons.toml:8:",
            "(key `year`)",
        ],
    );
}

#[test]
fn toml_unknown_key() {
    rejects(
        "comparisons.toml",
        "year = 2025",
        "yeer = 2025",
        &[
            "unknown field `yeer`",
            "datasets/comparisons.toml:8:1 (key `yeer`)",
        ],
    );
}

#[test]
fn toml_wrong_type() {
    rejects(
        "comparisons.toml",
        "year = 2025",
        "year = \"2025\"",
        &[
            "not a year: \"2025\"",
            "datasets/comparisons.toml:8:8 (key `comparison[1].year`)",
            "write a four-digit year, e.g. year = 2025",
        ],
    );
}

#[test]
fn toml_references() {
    rejects(
        "comparisons.toml",
        "group = \"alpha\"",
        "group = \"alfa\"",
        &[
            "unknown group \"alfa\"",
            "datasets/comparisons.toml:6:9 (key `comparison[1].group`)",
            "did you mean `alpha`?",
        ],
    );
    rejects(
        "comparisons.toml",
        "countries = [\"north\", \"south\"]",
        "countries = [\"north\", \"soth\"]",
        &[
            "unknown country \"soth\"",
            "datasets/comparisons.toml:7:23 (key `comparison[1].countries`)",
        ],
    );
    rejects(
        "comparisons.toml",
        "soldiers = [\"armed-forces\"]",
        "soldiers = [\"armed-forces\", \"army\"]",
        &[
            "\"army\" would be counted twice",
            "(key `comparison[1].soldiers`)",
        ],
    );
    rejects(
        "comparisons.toml",
        "id = \"beta-east\"",
        "id = \"alpha-ns\"",
        &[
            "comparison id \"alpha-ns\" is used twice",
            "datasets/comparisons.toml:12:",
        ],
    );
}

#[test]
fn missing_estimate_names_the_comparison() {
    rejects(
        "area.csv",
        "east,2589.988110336,src-c,,exactly 1000 sq mi\n",
        "",
        &[
            "comparison \"beta-east\" has no area estimate for east",
            "datasets/comparisons.toml:15:13 (key `countries`)",
        ],
    );
}

#[test]
fn zero_denominator_is_an_error_not_infinity() {
    let fixture = Fixture::basic();
    let run = fixture.run(&["table", "--set", "east.soldiers=0", "--format", "csv"]);
    run.fails(
        1,
        &["cannot compute soldiers_ratio for \"beta-east\": its soldiers is zero"],
    );
    assert!(!run.stderr.contains("inf") && !run.stderr.contains("NaN"));
    // Metrics that need no soldiers still compute.
    let ok = fixture.run(&[
        "table",
        "--set",
        "east.soldiers=0",
        "--metric",
        "people_per_fighter",
    ]);
    ok.ok();
}

#[test]
fn validate_lists_every_problem_across_files() {
    let fixture = Fixture::basic();
    fixture.replace("fighters.csv", "alpha,2025,1000,", "alpha,2025,lots,");
    fixture.replace("population.csv", "south,2024", "sooth,2024");
    fixture.replace("comparisons.toml", "group = \"beta\"", "group = \"gamma\"");
    let run = fixture.run(&["validate"]);
    run.fails(
        1,
        &[
            "datasets/fighters.csv:2:3",
            "datasets/population.csv:3:1",
            "datasets/comparisons.toml:14:9",
            "3 problems found",
        ],
    );
}
