//! Events claims counted from an export: the value a claim's query asks for, or why the
//! export cannot give it (it does not reach the query's months or countries).

use crate::events::dates::Date;
use crate::events::{Counts, EventMeasure, Query};

use super::EventQuery;

/// The measure a claim's query asks for, with how it was counted; an error when the
/// export does not cover the query's months, or has no event at all in one of its
/// countries in them.
pub(crate) fn value(counts: &Counts, q: &EventQuery) -> Result<(f64, String), String> {
    // What the export cannot give is said first, before whether it covers the query.
    let counted = counts.query(&Query {
        group: q.group.as_deref(),
        countries: &q.countries,
        from: q.from,
        to: q.to,
        measure: q.measure,
        large: q.large,
        kind: q.sub_event_type.as_deref(),
    })?;
    let period = q.period();
    let fmt = |(y, m, d): Date| format!("{y}-{m:02}-{d:02}");
    // Several files are named as one subject: "a.csv, b.csv together run from ...".
    let (file, runs, has, it) = if counts.files > 1 {
        (
            format!("{} together", counts.file),
            "run",
            "have",
            "they do",
        )
    } else {
        (counts.file.clone(), "runs", "has", "it does")
    };
    let Some((first, last)) = counts.span() else {
        return Err(format!("{file} {has} no usable event"));
    };
    // The export must reach into the query's first and last months.
    if (first.0, first.1) > q.from || (last.0, last.1) < q.to {
        return Err(format!(
            "{file} {runs} from {} to {}: {it} not cover {period}",
            fmt(first),
            fmt(last)
        ));
    }
    for country in &q.countries {
        if !counts.has_events(country, q.from, q.to) {
            return Err(format!(
                "{file} {has} no event in {country} in {period}, so this cannot be counted"
            ));
        }
    }
    let place = if q.countries.is_empty() {
        "every country".to_string()
    } else {
        q.countries.join(", ")
    };
    let mut who = q.group.as_deref().unwrap_or("every actor").to_string();
    if let Some(kind) = &q.sub_event_type {
        who.push_str(&format!(" ({kind})"));
    }
    let threshold = if matches!(
        q.measure,
        EventMeasure::LargeAttacks | EventMeasure::DeadlyEvents
    ) {
        format!(" ({} or more deaths)", q.large)
    } else {
        String::new()
    };
    Ok((
        counted.value,
        format!(
            "{} of {who} in {place}, {period}{threshold}, counted from {}",
            q.measure.id(),
            counts.file
        ),
    ))
}

/// The large-scale thresholds the claims' queries use, for the reading to count.
pub(crate) fn thresholds(files: &[super::ClaimFile]) -> Vec<u32> {
    let mut out: Vec<u32> = files
        .iter()
        .flat_map(|f| &f.claims)
        .filter_map(|c| match &c.target {
            super::Target::Unverifiable { query: Some(q), .. } => Some(q.large),
            _ => None,
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}
