//! Which comparisons and metrics `table` and `sensitivity` show: those asked for, in
//! the order given with the pairwise base first, checked against the data.

use crate::config::{check_ids, TableConfig};
use crate::data::Dataset;
use crate::error::Error;
use crate::metrics::Metric;

/// The metrics to show: those asked for, or all (the event metrics with an export).
pub(crate) fn selected_metrics(table: &TableConfig) -> Vec<Metric> {
    if table.metrics.is_empty() {
        let events: Vec<Metric> = match &table.events {
            Some(_) => Metric::events().collect(),
            None => Vec::new(),
        };
        Metric::single()
            .chain(events)
            .chain(Metric::pairwise())
            .collect()
    } else {
        table.metrics.clone()
    }
}

/// The comparisons to show, the pairwise base first. Unknown ids are usage errors.
pub(crate) fn selected_comparisons<'a>(
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
    check_ids("--versus", &table.versus, &known)?;
    if let Some(id) = table
        .versus
        .iter()
        .find(|v| ids.first() == Some(&v.as_str()) || !ids.contains(&v.as_str()))
    {
        return Err(Error::Usage(format!(
            "--versus {id}: the pairwise ratios divide the base ({}) by the other comparisons shown; give one of those",
            ids.first().copied().unwrap_or("none")
        )));
    }
    Ok(ids)
}
