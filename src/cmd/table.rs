//! `table`: every selected metric for every selected comparison, in the chosen format.

use crate::cli::Format;
use crate::config::{check_ids, Config, TableConfig};
use crate::data::{self, Dataset};
use crate::error::Error;
use crate::metrics::compute::{compute_all, Selection};
use crate::metrics::Metric;
use crate::render::{layout::Layout, markdown, terminal, tidy};

pub fn run(config: &Config, table: &TableConfig) -> Result<String, Error> {
    let data = data::load(&config.data)?;
    for o in &config.overrides {
        o.check(&data)?;
    }
    let ids = selected_comparisons(&data, table)?;
    let metrics: Vec<Metric> = if table.metrics.is_empty() {
        Metric::SINGLE.into_iter().chain(Metric::PAIRWISE).collect()
    } else {
        table.metrics.clone()
    };
    let selection = Selection {
        comparisons: ids.clone(),
        metrics: metrics.clone(),
        units: config.units,
    };
    let rows = compute_all(&data, &config.overrides, &selection).map_err(Error::Data)?;
    let described = config.data.describe();
    match table.format {
        Format::Table => Ok(terminal::render(
            &Layout::new(&rows, &ids, &metrics),
            config.units,
            &described,
            terminal::use_color(),
        )),
        Format::Markdown => Ok(markdown::render(
            &Layout::new(&rows, &ids, &metrics),
            config.units,
            &described,
        )),
        Format::Csv => tidy::csv(&tidy::tidy(&rows, config.units, &config.data.short())),
        Format::Json => tidy::json(&tidy::tidy(&rows, config.units, &config.data.short())),
    }
}

/// The comparisons to show, the pairwise base first. Unknown ids are usage errors.
fn selected_comparisons<'a>(
    data: &'a Dataset,
    table: &'a TableConfig,
) -> Result<Vec<&'a str>, Error> {
    let known: Vec<&str> = data.comparisons.iter().map(|c| c.id.as_str()).collect();
    check_ids("--comparison", &table.comparisons, &known)?;
    let mut ids: Vec<&str> = if table.comparisons.is_empty() {
        known.clone()
    } else {
        let mut ids = Vec::new();
        for id in &table.comparisons {
            if !ids.contains(&id.as_str()) {
                ids.push(id.as_str());
            }
        }
        ids
    };
    if let Some(base) = &table.base {
        check_ids("--base", std::slice::from_ref(base), &known)?;
        ids.retain(|id| id != base);
        ids.insert(0, base.as_str());
    }
    Ok(ids)
}
