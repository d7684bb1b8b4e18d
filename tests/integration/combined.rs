//! Exports counted together: each country's coverage, annualisation and change come
//! from the files that hold it, so that adding a file for another country, in any
//! order, moves none of its figures, and a monadic file takes "who initiated" from its
//! own countries only.

use std::fmt::Write as _;

use serde_json::Value;

use crate::util::Fixture;

const JNIM: &str = "JNIM: Group for Support of Islam and Muslims";
const HEADER: &str =
    "event_id_cnty,event_date,year,actor1,assoc_actor_1,actor2,assoc_actor_2,country,fatalities\n";

/// The basic fixture with JNIM in Burkina Faso and in Mali and Burkina Faso, 2020.
fn sahel() -> Fixture {
    let fixture = Fixture::basic_with_real_groups();
    let append = |name: &str, text: &str| {
        let mut all = String::from_utf8(fixture.read(name)).expect("utf-8");
        all.push_str(text);
        fixture.write(name, all);
    };
    append("countries.csv", "mali,Mali,MLI\nburkina,Burkina Faso,BFA\n");
    append("fighters.csv", "jnim,2020,4000,3000,5000,src-a,,fixture\n");
    append(
        "population.csv",
        "mali,2020,20000000,,,src-c,,fixture\nburkina,2020,20000000,,,src-c,,fixture\n",
    );
    append(
        "area.csv",
        "mali,1240192,src-c,,fixture\nburkina,274200,src-c,,fixture\n",
    );
    append(
        "soldiers.csv",
        "mali,2020,armed-forces,40000,,,src-b,,fixture\nburkina,2020,armed-forces,11000,,,src-b,,fixture\n",
    );
    append(
        "comparisons.toml",
        r#"
[[comparison]]
id = "jnim-bf"
label = "JNIM in Burkina Faso"
group = "jnim"
countries = ["burkina"]
year = 2020
soldiers = ["armed-forces"]

[[comparison]]
id = "jnim-sahel"
label = "JNIM in Mali and Burkina Faso"
group = "jnim"
countries = ["mali", "burkina"]
year = 2020
soldiers = ["armed-forces"]
"#,
    );
    // Burkina Faso from 1 July 2019 to 30 June 2020: half of each year, 6 events a
    // month in 2019's half and 3 in 2020's.
    let mut bf = String::from(HEADER);
    for (year, months, per_month) in [(2019, 7..=12, 6), (2020, 1..=6, 3)] {
        for month in months {
            for i in 1..=per_month {
                let day = if month == 6 && i == per_month && year == 2020 {
                    30
                } else if month == 7 && i == 1 && year == 2019 {
                    1
                } else {
                    i * 3
                };
                let id = format!("BFA{year}{month:02}{i}");
                writeln!(
                    bf,
                    "{id},{year}-{month:02}-{day:02},{year},{JNIM},,Military Forces of Burkina Faso (2015-2022),,Burkina Faso,2"
                )
                .expect("write");
            }
        }
    }
    fixture.write_file("bf.csv", bf);
    // Mali over the whole of 2019 and 2020, an event every month.
    let mut ml = String::from(HEADER);
    for year in [2019, 2020] {
        for month in 1..=12 {
            let day = match month {
                1 => 1,
                12 => 31,
                _ => 15,
            };
            writeln!(
                ml,
                "MLI{year}{month:02},{year}-{month:02}-{day:02},{year},{JNIM},,Military Forces of Mali (2012-2021),,Mali,25"
            )
            .expect("write");
        }
    }
    fixture.write_file("ml.csv", ml);
    fixture
}

fn json(run: &crate::util::Run) -> Vec<Value> {
    serde_json::from_str(run.ok()).expect("json")
}

/// The `events` rows of one country.
fn in_country(rows: &[Value], country: &str) -> Vec<Value> {
    rows.iter()
        .filter(|r| r["country"] == country)
        .cloned()
        .collect()
}

#[test]
fn a_file_for_another_country_moves_no_figure_of_burkina_faso_in_any_order() {
    let fixture = sahel();
    let events = |files: &[&str]| {
        let mut args = vec!["events"];
        args.extend(files);
        args.extend(["--group", "jnim", "--format", "json"]);
        json(&fixture.run(&args))
    };
    let alone = in_country(&events(&["bf.csv"]), "Burkina Faso");
    assert_eq!(alone.len(), 2, "{alone:?}");
    assert_eq!(alone[1]["period"], "2020");
    assert_eq!(alone[1]["events"].as_u64(), Some(18));
    // Neither half-year is covered whole: no change between them.
    assert!(alone[1]["events_change_pct"].is_null(), "{alone:?}");
    for files in [["bf.csv", "ml.csv"], ["ml.csv", "bf.csv"]] {
        let together = events(&files);
        assert_eq!(in_country(&together, "Burkina Faso"), alone, "{files:?}");
        // Mali's own file covers both its years whole: its change is given.
        let mali = in_country(&together, "Mali");
        assert_eq!(mali[1]["events_change_pct"].as_f64(), Some(0.0), "{mali:?}");
    }

    let table = |files: &[&str], comparison: &str| {
        let mut args = vec!["table", "--comparison", comparison, "--format", "json"];
        for file in files {
            args.extend(["--events", file]);
        }
        args.extend(["--metric", "events_per_million_people"]);
        json(&fixture.run(&args))
    };
    let alone = table(&["bf.csv"], "jnim-bf");
    // 18 events over the 182 days of 2020 the file covers, annualised to 366 days.
    let value = alone[0]["value"].as_f64().expect("value");
    let expected = 18.0 * 366.0 / 182.0 / 20.0;
    assert!((value - expected).abs() < 1e-9, "{value} != {expected}");
    assert!(
        alone[0]["notes"].as_str().expect("notes").contains(
            "bf.csv covers 182 of the 366 days of 2020: every event metric is annualised over them"
        ),
        "{alone:?}"
    );
    for files in [["bf.csv", "ml.csv"], ["ml.csv", "bf.csv"]] {
        let together = table(&files, "jnim-bf");
        assert_eq!(together[0]["value"], alone[0]["value"], "{files:?}");
        assert!(
            together[0]["notes"]
                .as_str()
                .expect("notes")
                .contains("covers 182 of the 366 days of 2020"),
            "{together:?}"
        );
    }
}

#[test]
fn each_country_of_a_comparison_is_annualised_over_its_own_days() {
    let fixture = sahel();
    let run = fixture.run(&[
        "table",
        "--comparison",
        "jnim-sahel",
        "--events",
        "bf.csv",
        "--events",
        "ml.csv",
        "--metric",
        "events_per_million_people",
        "--format",
        "json",
    ]);
    let rows = json(&run);
    // Mali: 12 events over the whole year; Burkina Faso: 18 over 182 of 366 days.
    let expected = (12.0 + 18.0 * 366.0 / 182.0) / 40.0;
    let value = rows[0]["value"].as_f64().expect("value");
    assert!((value - expected).abs() < 1e-9, "{value} != {expected}");
    assert!(
        rows[0]["notes"].as_str().expect("notes").contains(
            "of the 366 days of 2020, bf.csv, ml.csv cover 366 in Mali and 182 in Burkina Faso: each country's events are annualised over its own days"
        ),
        "{rows:?}"
    );
}

#[test]
fn a_monadic_file_takes_who_initiated_from_its_own_countries_only() {
    let fixture = sahel();
    // A monadic export of Niger: a row per actor, no actor2.
    let mut ne =
        String::from("event_id_cnty,event_date,year,actor1,assoc_actor_1,country,fatalities\n");
    for (i, day) in ["2020-01-01", "2020-06-15", "2020-12-31"]
        .iter()
        .enumerate()
    {
        writeln!(ne, "NIG{i},{day},2020,{JNIM},,Niger,30").expect("write");
        writeln!(
            ne,
            "NIG{i},{day},2020,Military Forces of Niger (2011-2023),,Niger,30"
        )
        .expect("write");
    }
    fixture.write_file("ne.csv", ne);
    let run = fixture.run(&[
        "events", "bf.csv", "ne.csv", "--group", "jnim", "--format", "json",
    ]);
    let rows = json(&run);
    let burkina = in_country(&rows, "Burkina Faso");
    assert_eq!(burkina[1]["initiated"].as_u64(), Some(18), "{rows:?}");
    assert!(burkina[1]["large_attacks"].as_u64().is_some(), "{rows:?}");
    let niger = in_country(&rows, "Niger");
    assert_eq!(niger[0]["events"].as_u64(), Some(3), "{rows:?}");
    assert!(niger[0]["initiated"].is_null(), "{rows:?}");
    assert!(niger[0]["large_attacks"].is_null(), "{rows:?}");
    assert!(
        run.stderr
            .contains("n/a initiated in Niger (from ne.csv): a monadic ACLED export"),
        "{run:?}"
    );
    // The metric that needs who initiated is given where the dyadic file is the source.
    let table = fixture.run(&[
        "table",
        "--comparison",
        "jnim-bf",
        "--events",
        "bf.csv",
        "--events",
        "ne.csv",
        "--metric",
        "large_attacks_per_year",
        "--format",
        "json",
    ]);
    let rows = json(&table);
    assert_eq!(rows.len(), 1, "{table:?}");
    assert!(rows[0]["value"].as_f64().is_some(), "{table:?}");
}
