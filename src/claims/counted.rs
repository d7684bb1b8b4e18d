//! Events claims counted from an export: the value a claim's query asks for, or why the
//! export cannot give it (it does not reach the query's months or countries).

use crate::events::dates::{days_in_month, unix_days, Date};
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
    // Each country is covered by the files that hold it; every country, by them all.
    let places: Vec<Option<&str>> = if q.countries.is_empty() {
        vec![None]
    } else {
        q.countries.iter().map(|c| Some(c.as_str())).collect()
    };
    let (start, end) = (
        (q.from.0, q.from.1, 1),
        (q.to.0, q.to.1, days_in_month(q.to.0, q.to.1)),
    );
    let mut edges = Vec::new();
    for place in places {
        let spans = counts.coverage.spans(place);
        let within = |&&(first, last): &&(Date, Date)| {
            unix_days(first) <= unix_days(start) + slack(start, end)
                && unix_days(last) >= unix_days(end) - slack(start, end)
        };
        let Some(&(first, last)) = spans.iter().find(within) else {
            if spans.is_empty() {
                return Err(match place {
                    Some(country) => format!(
                        "{file} {has} no event in {country} in {period}, so this cannot be counted"
                    ),
                    None => format!("{file} {has} no usable event"),
                });
            }
            let place = place.map_or(String::new(), |c| format!(" in {c}"));
            let runs_over: Vec<String> = spans
                .iter()
                .map(|&(a, b)| format!("from {} to {}", fmt(a), fmt(b)))
                .collect();
            return Err(format!(
                "{file} {runs} {}{place}: {it} not cover {period}",
                crate::numbers::and_list(&runs_over)
            ));
        };
        // Within the allowance: the days the events do not reach are said.
        let before = unix_days(first) - unix_days(start);
        let after = unix_days(end) - unix_days(last);
        let place = place.map_or(String::new(), |c| format!(" in {c}"));
        if before > 0 {
            edges.push(format!(
                "its events{place} begin on {}, so the {} before are counted as having none",
                fmt(first),
                crate::numbers::counted(before as usize, "day")
            ));
        }
        if after > 0 {
            edges.push(format!(
                "its events{place} end on {}, so the {} after are counted as having none",
                fmt(last),
                crate::numbers::counted(after as usize, "day")
            ));
        }
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
    let edges = if edges.is_empty() {
        String::new()
    } else {
        format!(" ({})", edges.join("; "))
    };
    Ok((
        counted.value,
        format!(
            "{} of {who} in {place}, {period}{threshold}, counted from {}{edges}",
            q.measure.id(),
            counts.file
        ),
    ))
}

/// How far inside a period an export's first or last event may fall and the export
/// still count as covering it: a week, or a day for a month. An export's span is known
/// only from its events' dates, and a download of a whole year may have its first
/// event on 2 January; more than that and the period is not covered.
fn slack(start: Date, end: Date) -> i64 {
    if unix_days(end) - unix_days(start) < 31 {
        1
    } else {
        7
    }
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
