//! The Non-State Actor dataset (Cunningham, Gleditsch and Salehyan): rebel strength
//! (`rebestimate`, `rebestlow`, `rebesthigh`) per state–rebel dyad period, 1946–2011,
//! tab-separated, Windows-1252, `NA` for missing. A period's estimate becomes a fighters
//! row for each of its years, the note naming the period; a year two periods share takes
//! the one that covers more of it.

use std::collections::{BTreeMap, BTreeSet};

use crate::data::Dataset;
use crate::error::{Error, Location, Problem};

use super::matching::{Countries, Found, Groups, System};
use super::plan::{kebab, plain, Import, Record, SourceRow, Table};
use super::sheet::Sheet;
use super::{Downloaded, Options};

/// One dyad period of the file that names a group of the datasets.
struct Period {
    line: usize,
    group: String,
    state: String,
    start: (i32, u32),
    end: (i32, u32),
    dates: String,
    central: f64,
    low: Option<f64>,
    high: Option<f64>,
}

pub(crate) fn read(file: &Downloaded, data: &Dataset, options: &Options) -> Result<Import, Error> {
    let needed = [
        "obsid",
        "acr",
        "side_b",
        "startdate",
        "enddate",
        "rebestimate",
        "rebestlow",
        "rebesthigh",
    ];
    let (sheet, notice) = Sheet::read(file, b'\t', &needed, |detail| {
        Error::Data(vec![Problem::new(format!("not the Non-State Actor dataset: {detail}"), Location::line(&file.display, 1))
            .help("give NSA_Dataset.asc (version 3.4) as downloaded: tab-separated, starting obsid, ucdpid, dyadid, side_a, acr, side_b")])
    })?;
    let [obsid, acr, side_b, startdate, enddate, est, low, high] =
        needed.map(|n| sheet.column(n).unwrap_or_default());
    let groups = Groups::new(data);
    let countries = Countries::new(data, System::Cow);
    // The states each rebel name fights in, across the file: an acronym can name a
    // different group in each (NRF).
    let rows = &sheet.rows;
    let mut states: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut version = String::new();
    for (_, cells) in rows {
        let cell = |i: usize| cells.get(i).map_or("", String::as_str);
        states
            .entry(cell(side_b).to_lowercase())
            .or_default()
            .insert(cell(acr).to_string());
        if version.is_empty() {
            version = cell(obsid)
                .strip_prefix("NSA.")
                .and_then(|v| v.split('-').next())
                .unwrap_or("")
                .to_string();
        }
    }
    let group_countries = |group: &str| -> BTreeSet<&str> {
        data.comparisons
            .iter()
            .filter(|c| c.group == group)
            .flat_map(|c| c.countries.iter().map(String::as_str))
            .collect()
    };
    let mut left_out = Vec::new();
    let mut periods = Vec::new();
    let mut unmatched = BTreeSet::new();
    for (line, cells) in rows {
        let cell = |i: usize| cells.get(i).map_or("", String::as_str);
        let place =
            |column: usize, name: &str| Location::cell(&file.display, *line, column + 1, name);
        let name = cell(side_b);
        let group = match groups.named(name) {
            Found::None => {
                unmatched.insert(name.to_string());
                continue;
            }
            Found::Several(ids) => {
                left_out.push(
                    Problem::new(
                        format!(
                            "\"{name}\" is the name of several groups: {}",
                            ids.join(", ")
                        ),
                        place(side_b, "side_b"),
                    )
                    .help("left out; keep the name as an alias of one group only"),
                );
                continue;
            }
            Found::One(id) => id,
        };
        let state = cell(acr).to_string();
        let fought_in = &states[&name.to_lowercase()];
        if fought_in.len() > 1 {
            let ours = group_countries(&group);
            let here = countries.get(&state);
            let ours_in: Vec<&String> = fought_in
                .iter()
                .filter(|s| countries.get(s).is_some_and(|c| ours.contains(c)))
                .collect();
            if !(ours_in.len() == 1 && here.is_some_and(|c| ours.contains(c))) {
                left_out.push(Problem::new(
                    format!("\"{name}\" names rebels in {} states ({}): not known which are {group}", fought_in.len(), fought_in.iter().cloned().collect::<Vec<_>>().join(", ")),
                    place(side_b, "side_b"),
                ).help(format!("left out; a comparison of {group} in one of these countries (by countries.csv's `cow`) tells which")));
                continue;
            }
        }
        let number = |i: usize| -> Result<Option<f64>, ()> {
            match cell(i) {
                "" | "NA" | "-9" => Ok(None),
                v => v
                    .parse::<f64>()
                    .ok()
                    .filter(|x| x.is_finite() && *x >= 0.0)
                    .map(Some)
                    .ok_or(()),
            }
        };
        let (Ok(central), Ok(lo), Ok(hi)) = (number(est), number(low), number(high)) else {
            left_out.push(Problem::new(format!("{name}: rebestimate \"{}\", rebestlow \"{}\", rebesthigh \"{}\": not all figures or NA", cell(est), cell(low), cell(high)), place(est, "rebestimate")).help("left out; the file writes a number or NA"));
            continue;
        };
        let Some(central) = central else {
            left_out.push(
                Problem::new(
                    format!(
                        "{name} {}–{}: no estimate (rebestimate NA)",
                        cell(startdate),
                        cell(enddate)
                    ),
                    place(est, "rebestimate"),
                )
                .help("left out: the dataset gives no strength for this period"),
            );
            continue;
        };
        if lo.is_some_and(|l| l > central) || hi.is_some_and(|h| h < central) {
            left_out.push(
                Problem::new(
                    format!(
                        "{name}: estimate {} outside its own range {}–{}",
                        plain(central),
                        lo.map_or("NA".into(), plain),
                        hi.map_or("NA".into(), plain)
                    ),
                    place(est, "rebestimate"),
                )
                .help(
                    "left out, not repaired: which of the three is wrong is the dataset's to say",
                ),
            );
            continue;
        }
        let (Some(start), Some(end)) = (day(cell(startdate)), day(cell(enddate))) else {
            left_out.push(
                Problem::new(
                    format!(
                        "{name}: period \"{}\" to \"{}\" is not two dates",
                        cell(startdate),
                        cell(enddate)
                    ),
                    place(startdate, "startdate"),
                )
                .help("left out; the file writes YYYY-MM-DD"),
            );
            continue;
        };
        periods.push(Period {
            line: *line,
            group,
            state,
            start,
            end,
            dates: format!("{}–{}", cell(startdate), cell(enddate)),
            central,
            low: lo,
            high: hi,
        });
    }
    let release = if version.is_empty() {
        options.release.clone().unwrap_or_default()
    } else {
        version
    };
    let id = format!("nsa-{}", kebab(&release));
    let source = SourceRow {
        id: id.clone(),
        title: format!("Non-State Actor Data, version {release}"),
        publisher: "Cunningham, Gleditsch and Salehyan",
        published: String::new(),
        url: "https://ksgleditsch.com/eacd.html".to_string(),
        note: format!(
            "imported from {}; rebel strength per dyad period, entered for each year of the period",
            file.name
        ),
        release,
    }
    .record(file, options);
    let mut import = Import::new(source);
    import.notices.extend(notice);
    import.left_out = left_out;
    if !unmatched.is_empty() {
        import.outside.push(format!("{} rebel names of the file are no group of groups.csv or actors.csv: not imported (add the name as an alias to import a group)", unmatched.len()));
    }
    import.rows = years(&periods, &id);
    Ok(import)
}

/// A period's estimate for each of its years; a year two periods of a group share goes
/// to the one that covers more of it.
fn years(periods: &[Period], source: &str) -> Vec<Record> {
    let mut by_year: BTreeMap<(&str, i32), Vec<(u32, &Period)>> = BTreeMap::new();
    for p in periods {
        for year in p.start.0..=p.end.0 {
            let from = if year == p.start.0 { p.start.1 } else { 0 };
            let to = if year == p.end.0 { p.end.1 } else { 365 };
            by_year
                .entry((p.group.as_str(), year))
                .or_default()
                .push((to.saturating_sub(from), p));
        }
    }
    let mut out = Vec::new();
    for ((group, year), mut candidates) in by_year {
        candidates.sort_by_key(|(days, p)| (std::cmp::Reverse(*days), p.line));
        let (_, p) = candidates[0];
        let mut note = format!(
            "the estimate for the dyad period {} ({}), entered for each of its years",
            p.dates, p.state
        );
        for (_, other) in &candidates[1..] {
            note.push_str(&format!(
                "; the period {} also covers {year} and gives {}",
                other.dates,
                plain(other.central)
            ));
        }
        out.push(Record::new(
            Table::Fighters,
            vec![
                ("group", group.to_string()),
                ("year", year.to_string()),
                ("central", plain(p.central)),
                ("low", p.low.map(plain).unwrap_or_default()),
                ("high", p.high.map(plain).unwrap_or_default()),
                ("source", source.to_string()),
                ("note", note),
            ],
        ));
    }
    out
}

/// A date's year and day of the year (0-based, by months of 30.5 days: only which of two
/// periods covers more of a year is asked), from `1949-10-1` or `2011-12-31`.
fn day(text: &str) -> Option<(i32, u32)> {
    let mut parts = text.split('-');
    let year = parts.next()?.parse::<i32>().ok()?;
    let month = parts
        .next()?
        .parse::<u32>()
        .ok()
        .filter(|m| (1..=12).contains(m))?;
    let day = parts
        .next()?
        .parse::<u32>()
        .ok()
        .filter(|d| (1..=31).contains(d))?;
    Some((year, ((month - 1) as f64 * 30.5) as u32 + day - 1))
}
