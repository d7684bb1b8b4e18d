//! UCDP's actor list (ids, names as in the data and in the original language, the
//! countries) and its dyadic file (each state–rebel dyad per year, its intensity and
//! where it was fought). Actors become `actors.csv` rows of the groups they are, so that
//! UCDP's spellings ("Taleban", "JAS") are data; dyads become `activity.csv` rows.

use std::collections::BTreeSet;

use crate::data::Dataset;
use crate::error::{Error, Location, Problem};

use super::matching::{Countries, Found, Groups, System};
use super::plan::{kebab, Import, Record, SourceRow, Table};
use super::sheet::Sheet;
use super::{Downloaded, Options};

/// A UCDP file read by column name; `n/a` is an empty cell.
struct Ucdp(Sheet);

impl Ucdp {
    fn read(
        file: &Downloaded,
        needed: &[&str],
        what: &str,
    ) -> Result<(Ucdp, Option<String>), Error> {
        let (sheet, notice) =
            Sheet::read(file, b',', needed, |detail| not_ucdp(file, what, detail))?;
        Ok((Ucdp(sheet), notice))
    }

    fn rows(&self) -> &[(usize, Vec<String>)] {
        &self.0.rows
    }

    fn get<'a>(&self, cells: &'a [String], column: &str) -> &'a str {
        match self.0.get(cells, column) {
            "n/a" => "",
            value => value,
        }
    }

    fn version(&self) -> String {
        self.rows()
            .iter()
            .map(|(_, cells)| self.get(cells, "Version").to_string() + self.get(cells, "version"))
            .find(|v| !v.is_empty())
            .unwrap_or_default()
    }
}

fn source(file: &Downloaded, options: &Options, what: &str, anchor: &str, version: &str) -> Record {
    SourceRow {
        id: format!("ucdp-{anchor}-{}", kebab(version)),
        title: format!("UCDP {what}, version {version}"),
        publisher: "Uppsala Conflict Data Program",
        // UCDP's version 25.1 is the release of 2025.
        published: version
            .split('.')
            .next()
            .filter(|y| y.len() == 2 && y.chars().all(|c| c.is_ascii_digit()))
            .map(|y| format!("20{y}"))
            .unwrap_or_default(),
        url: format!("https://ucdp.uu.se/downloads/#{anchor}"),
        note: format!("imported from {}", file.name),
        release: version.to_string(),
    }
    .record(file, options)
}

/// The actor list: the actors that are groups of the datasets, by any of their names.
pub(crate) fn actors(
    file: &Downloaded,
    data: &Dataset,
    options: &Options,
) -> Result<Import, Error> {
    let what = "actor list";
    let (sheet, notice) = Ucdp::read(file, &["ActorId", "NameData", "Location"], what)?;
    let version = sheet.version();
    if version.is_empty() {
        return Err(not_ucdp(
            file,
            what,
            "no Version column or value, so its release is not known",
        ));
    }
    let mut import = Import::new(source(file, options, "Actor Dataset", "actor", &version));
    import.notices.extend(notice);
    let groups = Groups::new(data);
    let id = import.source_id().to_string();
    let mut others = 0;
    for (line, cells) in sheet.rows() {
        let actor = sheet.get(cells, "ActorId");
        // A name broken over lines in the file is one name.
        let mut names: Vec<String> = Vec::new();
        for column in ["NameData", "NameOrig", "NameOrigFull", "NameOrigFullEng"] {
            let name = sheet
                .get(cells, column)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            if !name.is_empty() && !names.contains(&name) {
                names.push(name);
            }
        }
        let mut found: BTreeSet<String> = names
            .iter()
            .filter_map(|n| match groups.named(n) {
                Found::One(id) => Some(vec![id]),
                Found::Several(ids) => Some(ids),
                Found::None => None,
            })
            .flatten()
            .collect();
        if let Some(g) = groups.actor("ucdp", actor) {
            found.insert(g.to_string());
        }
        let group = match found.len() {
            0 => {
                others += 1;
                continue;
            }
            1 => found.into_iter().next().unwrap_or_default(),
            _ => {
                import.left_out.push(
                    Problem::new(
                        format!(
                            "actor {actor} ({}) goes by names of several groups: {}",
                            names.join("; "),
                            found.into_iter().collect::<Vec<_>>().join(", ")
                        ),
                        Location::cell(&file.display, *line, 2, "NameData"),
                    )
                    .help("left out; keep each of its names as an alias of one group only"),
                );
                continue;
            }
        };
        import.rows.push(Record::new(
            Table::Actors,
            vec![
                ("group", group),
                ("dataset", "ucdp".to_string()),
                ("actor", actor.to_string()),
                ("names", names.join(";")),
                ("location", sheet.get(cells, "Location").to_string()),
                ("source", id.clone()),
            ],
        ));
    }
    if others > 0 {
        import.outside.push(format!("{others} actors of the file go by no name of groups.csv: not imported (add a UCDP name as a group's alias to import its actor)"));
    }
    if sheet
        .rows()
        .iter()
        .any(|(_, c)| sheet.get(c, "ActorId") == "234")
        && !import.rows.iter().any(|r| r.get("actor") == "234")
    {
        import.outside.push(
            "UCDP's IS (234) is every Islamic State province as one actor, so it is no one group's"
                .to_string(),
        );
    }
    Ok(import)
}

/// The dyadic file: each year a group of the datasets fought a government, and where.
pub(crate) fn dyadic(
    file: &Downloaded,
    data: &Dataset,
    options: &Options,
) -> Result<Import, Error> {
    let what = "dyadic file";
    let (sheet, notice) = Ucdp::read(
        file,
        &[
            "dyad_id",
            "side_b",
            "side_b_id",
            "year",
            "intensity_level",
            "gwno_loc",
        ],
        what,
    )?;
    let version = sheet.version();
    if version.is_empty() {
        return Err(not_ucdp(
            file,
            what,
            "no version column or value, so its release is not known",
        ));
    }
    let mut import = Import::new(source(file, options, "Dyadic Dataset", "dyadic", &version));
    import.notices.extend(notice);
    let groups = Groups::new(data);
    let countries = Countries::new(data, System::Gw);
    import.notices.extend(countries.uncoded_notice());
    let id = import.source_id().to_string();
    let (mut no_group, mut elsewhere) = (BTreeSet::new(), 0);
    for (line, cells) in sheet.rows() {
        let ids: Vec<&str> = sheet
            .get(cells, "side_b_id")
            .split(',')
            .map(str::trim)
            .filter(|i| !i.is_empty())
            .collect();
        let mut found: BTreeSet<String> = ids
            .iter()
            .filter_map(|i| groups.actor("ucdp", i))
            .map(String::from)
            .collect();
        if found.is_empty() {
            if let Found::One(g) = groups.named(sheet.get(cells, "side_b")) {
                found.insert(g);
            }
        }
        if found.is_empty() {
            no_group.insert(sheet.get(cells, "side_b").to_string());
            continue;
        }
        let year = sheet.get(cells, "year");
        let intensity = sheet.get(cells, "intensity_level");
        if year.parse::<i32>().is_err() || !matches!(intensity, "1" | "2") {
            import.left_out.push(
                Problem::new(
                    format!("year \"{year}\" or intensity \"{intensity}\" is not UCDP's"),
                    Location::line(&file.display, *line),
                )
                .help("left out; UCDP writes a four-digit year and an intensity of 1 or 2"),
            );
            continue;
        }
        let places: Vec<&str> = sheet
            .get(cells, "gwno_loc")
            .split(',')
            .map(str::trim)
            .filter_map(|c| countries.get(c))
            .collect();
        if places.is_empty() {
            elsewhere += 1;
            continue;
        }
        for group in &found {
            for country in &places {
                import.rows.push(Record::new(
                    Table::Activity,
                    vec![
                        ("group", group.clone()),
                        ("country", country.to_string()),
                        ("year", year.to_string()),
                        ("intensity", intensity.to_string()),
                        ("dyad", sheet.get(cells, "dyad_id").to_string()),
                        ("source", id.clone()),
                    ],
                ));
            }
        }
    }
    if !no_group.is_empty() {
        import.outside.push(format!("{} rebel sides of the file are no group of the datasets (by actors.csv's UCDP ids or a name): not imported; import the actor list first to match by id", no_group.len()));
    }
    if elsewhere > 0 {
        import.outside.push(format!("{elsewhere} dyad-years of the datasets' groups were fought outside the countries of countries.csv (by `gw`): not imported"));
    }
    Ok(import)
}

fn not_ucdp(file: &Downloaded, what: &str, detail: &str) -> Error {
    Error::Data(vec![Problem::new(
        format!("not UCDP's {what}: {detail}"),
        Location::file(&file.display),
    )
    .help("give the CSV as UCDP's download page gives it")])
}
