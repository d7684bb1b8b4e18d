//! What event datasets know of the groups, as `import` writes it from UCDP: each group's
//! actor ids and spellings (`actors.csv`), so aliases are data, and where and when it
//! fought a government (`activity.csv`). Both files are optional.

use crate::error::Problem;

use super::basics::RowRef;
use super::cells::{columns, Schema};
use super::sheet::Sheet;

pub(crate) const ACTORS: Schema = Schema {
    header: &["group", "dataset", "actor", "names", "location", "source"],
    extra: &[],
};

pub(crate) const ACTIVITY: Schema = Schema {
    header: &["group", "country", "year", "intensity", "dyad", "source"],
    extra: &[],
};

/// One actor of an event dataset that is one of the groups.
#[derive(Debug, Clone)]
pub(crate) struct Actor {
    pub(crate) group: String,
    /// The dataset whose id it is: `ucdp`.
    pub(crate) dataset: String,
    /// The actor's id in that dataset.
    pub(crate) actor: String,
    /// Every spelling the dataset gives it, `;`-separated in the file.
    pub(crate) names: Vec<String>,
    /// The countries the dataset places it in, as it writes them: read and kept as the
    /// file gives it; no output shows it yet.
    #[allow(dead_code)]
    pub(crate) location: String,
    pub(crate) source: String,
    pub(crate) at: RowRef,
}

/// A year in which a group fought a government in a country.
#[derive(Debug, Clone)]
pub(crate) struct Activity {
    pub(crate) group: String,
    pub(crate) country: String,
    pub(crate) year: i32,
    /// UCDP's intensity: 1 for 25–999 battle-related deaths in the year, 2 for 1,000 or more.
    pub(crate) intensity: u8,
    /// The dyad's id in the dataset: read and kept as the file gives it; no output shows
    /// it yet.
    #[allow(dead_code)]
    pub(crate) dyad: String,
    pub(crate) source: String,
    pub(crate) at: RowRef,
}

pub(crate) fn read_actors(sheet: &Sheet, problems: &mut Vec<Problem>) -> Vec<Actor> {
    let Some(columns) = columns(sheet, &ACTORS, problems) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for cells in columns.records() {
        let group = cells.id("group", problems);
        let dataset = cells.id("dataset", problems);
        let actor = cells.required("actor", "the actor's id in the dataset", problems);
        let source = cells.id("source", problems);
        if let (Some(group), Some(dataset), Some(actor), Some(source)) =
            (group, dataset, actor, source)
        {
            out.push(Actor {
                group,
                dataset,
                actor,
                names: split(cells.text("names")),
                location: cells.text("location").to_string(),
                source,
                at: cells.row_ref(),
            });
        }
    }
    out
}

pub(crate) fn read_activity(sheet: &Sheet, problems: &mut Vec<Problem>) -> Vec<Activity> {
    let Some(columns) = columns(sheet, &ACTIVITY, problems) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for cells in columns.records() {
        let group = cells.id("group", problems);
        let country = cells.id("country", problems);
        let year = cells.year("year", problems);
        let intensity = match cells.text("intensity") {
            "1" => Some(1),
            "2" => Some(2),
            other => {
                problems.push(
                    Problem::new(format!("not an intensity: \"{other}\""), cells.at("intensity"))
                        .help("write 1 (25 to 999 battle-related deaths in the year) or 2 (1,000 or more), as UCDP codes it"),
                );
                None
            }
        };
        let source = cells.id("source", problems);
        if let (Some(group), Some(country), Some(year), Some(intensity), Some(source)) =
            (group, country, year, intensity, source)
        {
            out.push(Activity {
                group,
                country,
                year,
                intensity,
                dyad: cells.text("dyad").to_string(),
                source,
                at: cells.row_ref(),
            });
        }
    }
    out
}

fn split(text: &str) -> Vec<String> {
    text.split(';')
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(String::from)
        .collect()
}
