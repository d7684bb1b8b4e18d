//! Loading and validating the datasets: CSV tables read with polars, comparisons from
//! TOML, then the checks across files. Every problem found is returned, not just the first.

pub(crate) mod actors;
pub(crate) mod basics;
pub(crate) mod benchmarks;
pub(crate) mod cells;
pub(crate) mod checks;
mod choice;
pub(crate) mod comparisons;
pub(crate) mod dates;
pub(crate) mod embedded;
mod index;
mod lookup;
pub(crate) mod model;
pub(crate) mod sheet;
pub(crate) mod tables;
pub(crate) mod vintages;
pub(crate) mod years;

use std::path::Path;

use crate::error::{Error, Location, Problem};

pub(crate) use choice::DataChoice;
pub(crate) use model::{Comparison, Dataset, Estimate, Quantity, Row, RowRef};

use cells::Schema;
use sheet::read_sheet;

/// The names of the dataset files, in the order they are read (and hashed for the
/// report's stamp); `benchmarks.csv` is optional.
pub(crate) const FILES: [&str; 11] = [
    "sources.csv",
    "groups.csv",
    "countries.csv",
    "fighters.csv",
    "soldiers.csv",
    "population.csv",
    "area.csv",
    "comparisons.toml",
    "benchmarks.csv",
    "actors.csv",
    "activity.csv",
];

/// A dataset file's bytes and the name messages give it.
struct DataFile {
    display: String,
    bytes: Option<Vec<u8>>,
}

/// A dataset file as an input file.
const DATA_FILE: crate::input::Kind = crate::input::Kind {
    noun: "dataset files",
    form: "CSV or TOML files",
    limit: 512 * 1024 * 1024,
};

fn read_input(choice: &DataChoice, name: &str) -> Result<DataFile, Error> {
    match choice {
        DataChoice::Embedded => Ok(DataFile {
            display: format!("embedded:datasets/{name}"),
            bytes: embedded::get(name).map(|text| text.as_bytes().to_vec()),
        }),
        DataChoice::Dir(dir) => {
            let path = dir.join(name);
            let display = display_path(&path);
            // A FIFO or device could hang the run or never end: never opened.
            let bytes = crate::input::read(&path, &DATA_FILE)?;
            Ok(DataFile { display, bytes })
        }
    }
}

/// Reads an optional dataset file into `fill` when it exists.
fn optional(
    choice: &DataChoice,
    name: &str,
    problems: &mut Vec<Problem>,
    fill: impl FnOnce(&sheet::Sheet, &mut Vec<Problem>),
) -> Result<(), Error> {
    let input = read_input(choice, name)?;
    if let Some(bytes) = input.bytes {
        match read_sheet(&input.display, &bytes) {
            Ok(s) => fill(&s, problems),
            Err(found) => problems.extend(found),
        }
    }
    Ok(())
}

fn display_path(path: &Path) -> String {
    path.display().to_string()
}

/// Each group and country id once.
fn unique_names(data: &Dataset, problems: &mut Vec<Problem>) {
    checks::unique_ids(
        "group",
        data.groups.iter().map(|g| (g.id.as_str(), &g.at)),
        problems,
    );
    checks::unique_ids(
        "country",
        data.countries.iter().map(|c| (c.id.as_str(), &c.at)),
        problems,
    );
}

/// Which dataset files a command reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Tables {
    /// Every file, checked across files.
    #[default]
    All,
    /// Only the names: `groups.csv` (ids and aliases) and `countries.csv`, for counting
    /// an event export, which needs no estimate (a broken population cell is not its
    /// concern).
    Names,
}

/// Loads and checks every dataset file. Returns all problems found when any is wrong.
pub(crate) fn load(choice: &DataChoice) -> Result<Dataset, Error> {
    load_tables(choice, Tables::All)
}

/// Loads and checks the dataset files `tables` names.
pub(crate) fn load_tables(choice: &DataChoice, which: Tables) -> Result<Dataset, Error> {
    let mut problems = Vec::new();
    let mut data = Dataset::default();
    // The files are read in the order of FILES, each once, and hashed as they are read
    // for the report's stamp: each as its name, a NUL, its bytes and a NUL; a file that
    // is absent is left out.
    let stamp = std::cell::RefCell::new(crate::digest::Named::default());
    let read_input = |choice: &DataChoice, name: &str| -> Result<DataFile, Error> {
        let input = read_input(choice, name)?;
        if let Some(bytes) = &input.bytes {
            stamp.borrow_mut().add(name, bytes);
        }
        Ok(input)
    };
    let sheet = |name: &str,
                 schema: &Schema,
                 problems: &mut Vec<Problem>|
     -> Result<Option<sheet::Sheet>, Error> {
        let input = read_input(choice, name)?;
        let Some(bytes) = input.bytes else {
            problems.push(tables::missing_file(&input.display, schema));
            return Ok(None);
        };
        match read_sheet(&input.display, &bytes) {
            Ok(sheet) => Ok(Some(sheet)),
            Err(found) => {
                problems.extend(found);
                Ok(None)
            }
        }
    };
    let mut loaded = checks::Loaded {
        sources: false,
        groups: false,
        countries: false,
    };
    let before = problems.len();
    if which == Tables::All {
        if let Some(s) = sheet("sources.csv", &tables::SOURCES, &mut problems)? {
            data.sources = tables::read_sources(&s, &mut problems);
        }
    }
    loaded.sources = problems.len() == before;
    let before = problems.len();
    if let Some(s) = sheet("groups.csv", &tables::GROUPS, &mut problems)? {
        data.groups = tables::read_groups(&s, &mut problems);
    }
    loaded.groups = problems.len() == before;
    let before = problems.len();
    if let Some(s) = sheet("countries.csv", &tables::COUNTRIES, &mut problems)? {
        data.countries = tables::read_countries(&s, &mut problems);
    }
    loaded.countries = problems.len() == before;
    if which == Tables::Names {
        optional(choice, "actors.csv", &mut problems, |s, p| {
            data.actors = actors::read_actors(s, p)
        })?;
        unique_names(&data, &mut problems);
        return if problems.is_empty() {
            Ok(data)
        } else {
            Err(Error::Data(problems))
        };
    }
    for quantity in Quantity::ALL {
        if let Some(s) = sheet(quantity.file(), tables::schema_of(quantity), &mut problems)? {
            data.rows
                .extend(tables::read_rows(&s, quantity, &mut problems));
        }
    }
    checks::unique_ids(
        "source",
        data.sources.iter().map(|s| (s.id.as_str(), &s.at)),
        &mut problems,
    );
    unique_names(&data, &mut problems);
    // Read (and hashed) before the benchmarks, as FILES orders them; parsed below.
    let comparisons = read_input(choice, "comparisons.toml")?;
    let input = read_input(choice, "benchmarks.csv")?;
    if let Some(bytes) = input.bytes {
        match read_sheet(&input.display, &bytes) {
            Ok(s) => data.benchmarks = benchmarks::read(&s, &mut problems),
            Err(found) => problems.extend(found),
        }
    }
    checks::unique_ids(
        "benchmark",
        data.benchmarks.iter().map(|b| (b.id.as_str(), &b.at)),
        &mut problems,
    );
    optional(choice, "actors.csv", &mut problems, |s, p| {
        data.actors = actors::read_actors(s, p)
    })?;
    optional(choice, "activity.csv", &mut problems, |s, p| {
        data.activity = actors::read_activity(s, p)
    })?;
    checks::references(&data, loaded, &mut problems);
    checks::preferred_conflicts(&data, &mut problems);
    checks::repeated_rows(&data, &mut problems);
    checks::plausible(&data, &mut problems);
    checks::part_whole(&data, &mut problems);

    let input = comparisons;
    match input.bytes {
        None => problems.push(
            Problem::new("missing dataset file", Location::file(&input.display))
                .help("create it with at least one [[comparison]] table (see README)"),
        ),
        Some(bytes) => match String::from_utf8(bytes) {
            Err(err) => problems.push(
                Problem::new("not UTF-8", Location::file(&input.display)).help(format!(
                    "save the file as UTF-8 (first bad byte at offset {})",
                    err.utf8_error().valid_up_to()
                )),
            ),
            Ok(text) => {
                let mut parsed = comparisons::read(&input.display, &text, &mut problems);
                checks::comparisons(&data, loaded, &parsed, &input.display, &text, &mut problems);
                if problems.is_empty() {
                    checks::latest_years(&data, &mut parsed, &input.display, &text, &mut problems);
                }
                data.comparisons = parsed.into_iter().map(|p| p.comparison).collect();
            }
        },
    }
    // The optional files read after comparisons.toml are hashed in FILES' order.
    for name in ["actors.csv", "activity.csv"] {
        if let Some(bytes) = read_input(choice, name)?.bytes {
            stamp.borrow_mut().add(name, &bytes);
        }
    }
    data.hash = stamp.into_inner().finish();
    if problems.is_empty() {
        Ok(data)
    } else {
        Err(Error::Data(problems))
    }
}
