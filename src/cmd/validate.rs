//! `validate`: loads every file, resolves every comparison and checks every metric the
//! other commands could compute (every per-comparison metric, every comparison as the
//! denominator of every pairwise ratio), listing all problems. Prints a summary and the
//! year fallbacks when the data is valid, and warns about newer estimates a comparison
//! leaves unused and about sources without a date.

use crate::config::Config;
use crate::data::checks::undated_sources;
use crate::data::years::all_unused;
use crate::data::Quantity;
use crate::error::Error;
use crate::metrics::sweep::every_metric;
use crate::metrics::Metric;
use crate::outcome::Outcome;
use crate::render::width::wrap;
use crate::workspace::{Needs, Workspace};

pub(crate) fn run(config: &Config) -> Result<Outcome, Error> {
    let ws = Workspace::load(&config.data, &config.overrides, Needs::default())?;
    let data = &ws.data;
    let (problems, mut notes) = every_metric(&ws.inputs, config.units);
    if !problems.is_empty() {
        return Err(Error::Data(problems));
    }
    // Newer estimates left unused are warnings here, with where they are; not notes too.
    let mut unused = Vec::new();
    for c in &data.comparisons {
        for newer in all_unused(data, c) {
            let note = newer.note(data, c);
            notes.retain(|line| *line != format!("  {}: {note}", c.id));
            let year = newer.row.year.unwrap_or_default();
            let hint = match c.follows_latest() {
                false => format!("set year = {year}, or year = \"latest\", to use it"),
                true => {
                    format!("it is used once every other input has an estimate of {year} or later")
                }
            };
            unused.push(format!(
                "warning: {}: comparison {}: {note}; {} is left unused: {hint}",
                c.at, c.id, newer.row.at
            ));
        }
    }
    let count = |q: Quantity| data.rows_of(q).count();
    let valid = format!(
        "valid: {} sources, {} groups, {} countries, {} fighters rows, {} soldiers rows, {} population rows, {} area rows, {} comparisons, {} benchmarks",
        data.sources.len(),
        data.groups.len(),
        data.countries.len(),
        count(Quantity::Fighters),
        count(Quantity::Soldiers),
        count(Quantity::Population),
        count(Quantity::Area),
        data.comparisons.len(),
        data.benchmarks.len(),
    );
    let mut out = format!(
        "data: {}\n{}\n",
        config.describe_data(),
        wrap(&valid, 80, "  ")
    );
    out.push_str(&format!(
        "every comparison computes all {} metrics\n",
        Metric::single().count()
    ));
    if !notes.is_empty() {
        out.push_str("notes:\n");
        for line in notes {
            out.push_str(&wrap(&line, 80, "    "));
            out.push('\n');
        }
    }
    Ok(Outcome::new(out).warn(unused).warn(undated_sources(data)))
}
