//! The command line as a new user meets it: `list`, `completions`, `man`, each command
//! offering only the flags it uses, `--excel`, `check -` and repeatable `report --claims`.

use serde_json::Value;

use crate::util::{fixture_dir, Fixture};

const BOM: char = '\u{feff}';

fn help(command: &str) -> String {
    Fixture::empty().run(&[command, "--help"]).ok().to_string()
}

#[test]
fn list_comparisons_snapshot() {
    insta::assert_snapshot!(Fixture::basic().run(&["list", "comparisons"]).ok());
}

#[test]
fn list_metrics_needs_no_data_and_names_every_metric() {
    let out = Fixture::empty()
        .run(&["list", "metrics", "--format", "csv"])
        .ok()
        .to_string();
    assert!(out.starts_with("id,kind,formula\n"), "{out}");
    for id in [
        "soldiers_per_fighter",
        "fighters_ratio",
        "large_attacks_per_year",
    ] {
        assert!(out.contains(&format!("\n{id},")), "{id}: {out}");
    }
}

#[test]
fn list_groups_countries_and_sources_as_json() {
    let fixture = Fixture::basic();
    for (what, first) in [
        ("groups", "alpha"),
        ("countries", "north"),
        ("sources", "src-a"),
    ] {
        let run = fixture.run(&["list", what, "--format", "json"]);
        let rows: Value = serde_json::from_str(run.ok()).expect("json");
        assert_eq!(rows[0]["id"], first, "{what}: {run:?}");
        assert!(run.stderr.contains("data: datasets/"), "{run:?}");
    }
}

#[test]
fn list_tables_fit_80_columns() {
    for what in ["comparisons", "metrics", "groups", "countries", "sources"] {
        let out = Fixture::empty().run(&["list", what]).ok().to_string();
        for line in out.lines() {
            assert!(line.chars().count() <= 80, "{what}: {line}");
        }
    }
}

#[test]
fn completions_for_every_shell() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let out = Fixture::empty()
            .run(&["completions", shell])
            .ok()
            .to_string();
        assert!(out.contains("insurgency-metrics"), "{shell}");
        assert!(out.contains("comparison"), "{shell}: no --comparison");
    }
    Fixture::empty()
        .run(&["completions", "tcsh"])
        .fails(2, &["invalid value 'tcsh'"]);
}

/// What a real bash offers on TAB after `line` with the script `completions bash`
/// writes: the script is sourced, and the function it registered for the tool is called
/// as bash's completion calls it (the words so far, the one under the cursor).
fn bash_completes(script: &std::path::Path, line: &str) -> Option<Vec<String>> {
    let words: Vec<&str> = line.split(' ').collect();
    let driver = format!(
        r#"source '{}'
function=$(complete -p insurgency-metrics | sed 's/.* -F \([^ ]*\) .*/\1/')
COMP_LINE='{line}'
COMP_POINT=${{#COMP_LINE}}
COMP_WORDS=({})
COMP_CWORD={}
"$function" insurgency-metrics '{}' '{}'
printf '%s\n' "${{COMPREPLY[@]}}"
"#,
        script.display(),
        words
            .iter()
            .map(|w| format!("'{w}'"))
            .collect::<Vec<_>>()
            .join(" "),
        words.len() - 1,
        words[words.len() - 1],
        words
            .get(words.len().wrapping_sub(2))
            .copied()
            .unwrap_or(""),
    );
    let out = std::process::Command::new("bash")
        .args(["--norc", "--noprofile", "-c", &driver])
        .output()
        .ok()?;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(String::from)
            .collect(),
    )
}

#[test]
fn bash_completes_flags_after_a_subcommand() {
    let fixture = Fixture::empty();
    let script = fixture.dir.path().join("insurgency-metrics.bash");
    std::fs::write(&script, fixture.run(&["completions", "bash"]).ok()).unwrap();
    let Some(top) = bash_completes(&script, "insurgency-metrics ") else {
        eprintln!("bash not installed: completion not tried");
        return;
    };
    assert!(top.contains(&"table".to_string()), "{top:?}");
    let table = bash_completes(&script, "insurgency-metrics table --").unwrap();
    for flag in ["--comparison", "--metric", "--format", "--events"] {
        assert!(table.contains(&flag.to_string()), "{flag}: {table:?}");
    }
    assert!(!table.contains(&"--out".to_string()), "{table:?}");
    let report = bash_completes(&script, "insurgency-metrics report --o").unwrap();
    assert_eq!(report, ["--out"]);
    let units = bash_completes(&script, "insurgency-metrics table --units ").unwrap();
    assert_eq!(units, ["imperial", "metric"]);
    let shells = bash_completes(&script, "insurgency-metrics completions b").unwrap();
    assert_eq!(shells, ["bash"]);
}

#[test]
fn man_pages_for_the_tool_and_each_command() {
    let tool = Fixture::empty().run(&["man"]).ok().to_string();
    assert!(tool.contains(".TH insurgency-metrics 1"), "{tool}");
    assert!(tool.contains(".SH SUBCOMMANDS"), "{tool}");
    let table = Fixture::empty().run(&["man", "table"]).ok().to_string();
    assert!(table.contains(".TH insurgency-metrics-table 1"), "{table}");
    assert!(table.contains("comparison"), "{table}");
    Fixture::empty()
        .run(&["man", "tabel"])
        .fails(2, &["man tabel: no such command", "did you mean `table`?"]);
}

#[test]
fn each_command_offers_only_the_flags_it_uses() {
    for (command, absent) in [
        (
            "validate",
            &["--seed", "--draws", "--units", "--samples"][..],
        ),
        ("sources", &["--seed", "--draws", "--set", "--units"][..]),
        ("list", &["--seed", "--draws", "--set", "--units"][..]),
        ("sensitivity", &["--samples", "--seed", "--draws"][..]),
        ("events", &["--seed", "--draws", "--set", "--units"][..]),
        ("check", &["--samples", "--units"][..]),
        ("completions", &["--data", "--seed"][..]),
    ] {
        let text = help(command);
        for flag in absent {
            assert!(!text.contains(flag), "{command} --help offers {flag}");
        }
    }
    for flag in [
        "--seed",
        "--draws",
        "--set",
        "--units",
        "--data",
        "--samples",
    ] {
        assert!(help("table").contains(flag), "table --help lacks {flag}");
    }
    let fixture = Fixture::basic();
    fixture
        .run(&["validate", "--seed", "1"])
        .fails(2, &["unexpected argument '--seed'"]);
    fixture
        .run(&["sources", "--draws", "5"])
        .fails(2, &["unexpected argument '--draws'"]);
    fixture
        .run(&["sensitivity", "--samples", "x.csv"])
        .fails(2, &["unexpected argument '--samples'"]);
}

#[test]
fn flags_before_the_command_still_work_where_it_uses_them() {
    let fixture = Fixture::basic();
    let out = fixture.run(&["--seed", "7", "--draws", "500", "table"]);
    assert!(
        out.ok().contains("500 Monte Carlo draws, seed 7"),
        "{out:?}"
    );
    fixture
        .run(&["--seed", "7", "validate"])
        .fails(2, &["--seed: this command does not use it"]);
}

#[test]
fn check_help_lists_every_verdict_on_its_own_line() {
    let text = help("check");
    for verdict in ["consistent", "plausible", "inconsistent", "unverifiable"] {
        assert!(
            text.lines()
                .any(|l| l.trim_start().starts_with(&format!("{verdict} "))),
            "no line for {verdict}: {text}"
        );
    }
}

#[test]
fn sources_as_csv_and_json() {
    let fixture = Fixture::basic();
    let csv = fixture.run(&["sources", "--format", "csv"]);
    let text = csv.ok();
    assert!(
        text.starts_with("id,title,publisher,published,url,accessed,cited_at,figure,via\n"),
        "{text}"
    );
    assert!(text.contains("datasets/fighters.csv:2"), "{text}");
    let json: Value =
        serde_json::from_str(fixture.run(&["sources", "--format", "json"]).ok()).expect("json");
    assert!(json.as_array().is_some_and(|rows| !rows.is_empty()));
}

#[test]
fn excel_adds_a_byte_order_mark_to_csv_only() {
    let fixture = Fixture::basic();
    let out = fixture.run(&["table", "--format", "csv", "--excel"]);
    assert!(out.ok().starts_with(BOM), "{out:?}");
    let out = fixture.run(&["sources", "--format", "csv", "--bom"]);
    assert!(out.ok().starts_with(&format!("{BOM}id,")), "{out:?}");
    assert!(!fixture
        .run(&["table", "--format", "csv"])
        .ok()
        .starts_with(BOM));
    fixture
        .run(&["table", "--excel"])
        .fails(2, &["--excel", "add --format csv"]);
}

#[test]
fn check_reads_a_claim_file_from_standard_input() {
    let claims = std::fs::read(fixture_dir("claims").join("basic.toml")).expect("claims");
    let run = Fixture::basic().run_with_stdin(&["check", "-", "--format", "json"], &claims);
    assert_eq!(
        run.code, 3,
        "the basic claims include inconsistent ones: {run:?}"
    );
    let rows: Value = serde_json::from_str(&run.stdout).expect("json");
    let claim_rows = rows.as_array().map(|r| {
        r.iter()
            .filter(|row| row["verdict"] != "cross-check")
            .count()
    });
    assert_eq!(claim_rows, Some(8), "{run:?}");
    let run = Fixture::basic().run_with_stdin(&["check", "-"], &claims);
    assert!(run.stdout.contains("claims: stdin"), "{run:?}");
    Fixture::basic()
        .run(&["check", "-", "-"])
        .fails(2, &["standard input can be read once"]);
}

#[test]
fn report_claims_is_repeatable() {
    let fixture = Fixture::basic();
    let claims = std::fs::read_to_string(fixture_dir("claims").join("basic.toml")).expect("claims");
    std::fs::write(fixture.dir.path().join("a.toml"), &claims).expect("write");
    let other = claims.replace("\nid = \"", "\nid = \"other-");
    std::fs::write(fixture.dir.path().join("b.toml"), other).expect("write");
    let run = fixture.run(&[
        "report", "--out", "r.md", "--draws", "500", "--claims", "a.toml", "--claims", "b.toml",
    ]);
    run.ok();
    let report = std::fs::read_to_string(fixture.dir.path().join("r.md")).expect("report");
    assert!(report.contains("16 claims:"), "{report}");
    assert!(report.contains("claims from a.toml, b.toml"), "{report}");
}
