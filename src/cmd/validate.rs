//! `validate`: loads every file, resolves every comparison and computes every metric,
//! listing all problems. Prints a summary and the year fallbacks when the data is valid.

use crate::config::Config;
use crate::data::Quantity;
use crate::error::Error;
use crate::metrics::compute::{compute_all, Selection};
use crate::metrics::Metric;
use crate::outcome::Outcome;
use crate::render::terminal::wrap;
use crate::workspace::{Needs, Workspace};

pub(crate) fn run(config: &Config) -> Result<Outcome, Error> {
    let ws = Workspace::load(&config.data, &config.overrides, Needs::default())?;
    let data = &ws.data;
    let metrics: Vec<Metric> = Metric::SINGLE.to_vec();
    let mut problems = Vec::new();
    let mut notes = Vec::new();
    for comparison in &data.comparisons {
        let selection = Selection {
            comparisons: vec![comparison.id.as_str()],
            metrics: metrics.clone(),
            units: config.units,
            uncertainty: None,
            keep_draws: false,
            events: None,
            versus: &[],
        };
        match compute_all(data, &ws.inputs, &selection) {
            Ok(rows) => {
                for note in rows.iter().flat_map(|r| r.notes.iter()) {
                    let line = format!("  {}: {note}", comparison.id);
                    if !notes.contains(&line) {
                        notes.push(line);
                    }
                }
            }
            Err(found) => problems.extend(
                found
                    .into_iter()
                    .filter(|p| !problems.contains(p))
                    .collect::<Vec<_>>(),
            ),
        }
    }
    if !problems.is_empty() {
        return Err(Error::Data(problems));
    }
    let count = |q: Quantity| data.rows_of(q).count();
    let valid = format!(
        "valid: {} sources, {} groups, {} countries, {} fighters rows, {} soldiers rows, {} population rows, {} area rows, {} comparisons",
        data.sources.len(),
        data.groups.len(),
        data.countries.len(),
        count(Quantity::Fighters),
        count(Quantity::Soldiers),
        count(Quantity::Population),
        count(Quantity::Area),
        data.comparisons.len(),
    );
    let mut out = format!(
        "data: {}\n{}\n",
        config.describe_data(),
        wrap(&valid, 80, "  ")
    );
    out.push_str(&format!(
        "every comparison computes all {} metrics\n",
        metrics.len()
    ));
    if !notes.is_empty() {
        out.push_str("notes:\n");
        for line in notes {
            out.push_str(&wrap(&line, 80, "    "));
            out.push('\n');
        }
    }
    Ok(Outcome::new(out))
}
