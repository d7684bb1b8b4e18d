//! Events claims counted from an export: the counts an export gives for every
//! large-scale threshold the claims use, and the value a claim's query asks for, or why
//! the export cannot give it (it does not reach the query's months or countries).

use std::path::Path;

use crate::events::aggregate::{has_events, Aggregate, Aggregator, KindCount, Options, Totals};
use crate::events::dates::Date;
use crate::events::matching::Matcher;
use crate::events::read::Export;

use super::{ClaimFile, EventMeasure, EventQuery, Target};

/// The counts of an event export for every threshold the claims' queries use.
pub struct EventTotals {
    file: String,
    /// (large-scale threshold, the counts made with it, by month).
    by_threshold: Vec<(u32, Vec<Aggregate>)>,
    /// Every actor's events and deaths per country and month.
    all: Totals,
    /// Each group's events and deaths per sub-event type; `None` when the export has no
    /// types.
    kinds: Option<Vec<KindCount>>,
    /// The first and last dates of the export's events.
    span: Option<(Date, Date)>,
}

impl EventTotals {
    /// One aggregator per large-scale threshold the claims' queries use (none when no
    /// claim has a query), so that one reading of the export serves them all.
    pub fn aggregators<'m>(
        matcher: &'m Matcher,
        files: &[ClaimFile],
    ) -> (Vec<u32>, Vec<Aggregator<'m>>) {
        let mut thresholds: Vec<u32> = files
            .iter()
            .flat_map(|f| &f.claims)
            .filter_map(|c| match &c.target {
                Target::Unverifiable { query: Some(q), .. } => Some(q.large),
                _ => None,
            })
            .collect();
        thresholds.sort_unstable();
        thresholds.dedup();
        let aggregators = thresholds
            .iter()
            .map(|&large| {
                Aggregator::new(
                    matcher,
                    Options {
                        large: f64::from(large),
                        by_month: true,
                        by_kind: true,
                    },
                )
            })
            .collect();
        (thresholds, aggregators)
    }

    /// The totals of `aggregators` once the export at `path` has been read into them.
    pub fn new(
        path: &Path,
        thresholds: Vec<u32>,
        aggregators: Vec<Aggregator>,
        export: Option<&Export>,
    ) -> EventTotals {
        let all = aggregators
            .first()
            .map(Aggregator::totals)
            .unwrap_or_default();
        let kinds = aggregators.first().and_then(Aggregator::kinds);
        let by_threshold = thresholds
            .into_iter()
            .zip(aggregators)
            .map(|(large, aggregator)| (large, aggregator.finish()))
            .collect();
        EventTotals {
            file: path.display().to_string(),
            by_threshold,
            all,
            kinds,
            span: export.and_then(|e| e.span),
        }
    }

    /// The measure a query asks for, summed over the matching rows; an error when the
    /// export does not cover the query's months, or has no event at all in one of its
    /// countries in them.
    pub fn value(&self, q: &EventQuery) -> Result<(f64, String), String> {
        let period = q.period();
        let fmt = |(y, m, d): Date| format!("{y}-{m:02}-{d:02}");
        let Some((first, last)) = self.span else {
            return Err(format!("{} has no usable event", self.file));
        };
        // The export must reach into the query's first and last months.
        if (first.0, first.1) > q.from || (last.0, last.1) < q.to {
            return Err(format!(
                "{} runs from {} to {}: it does not cover {period}",
                self.file,
                fmt(first),
                fmt(last)
            ));
        }
        let in_query = |country: &str, month: (i32, u32)| {
            q.includes(month)
                && (q.countries.is_empty()
                    || q.countries.iter().any(|c| c.eq_ignore_ascii_case(country)))
        };
        for country in &q.countries {
            if !has_events(&self.all, country, q.from, q.to) {
                return Err(format!(
                    "{} has no event in {country} in {period}, so it cannot count this",
                    self.file
                ));
            }
        }
        let deaths = q.measure == EventMeasure::Fatalities;
        let total: f64 = match (&q.group, &q.sub_event_type) {
            (Some(group), Some(kind)) => {
                let Some(kinds) = &self.kinds else {
                    return Err(format!(
                        "{} has no sub_event_type column (UCDP exports, and ACLED's before 2019, have none)",
                        self.file
                    ));
                };
                kinds
                    .iter()
                    .filter(|k| {
                        &k.group == group
                            && k.kind.eq_ignore_ascii_case(kind)
                            && in_query(&k.country, k.month)
                    })
                    .map(|k| k.total.measure(deaths))
                    .sum()
            }
            (None, _) => self
                .all
                .iter()
                .filter(|((country, y, m), _)| in_query(country, (*y, *m)))
                .map(|(_, t)| t.measure(deaths))
                .sum(),
            (Some(group), None) => self
                .by_threshold
                .iter()
                .find(|(large, _)| *large == q.large)
                .map_or(&[][..], |(_, rows)| rows.as_slice())
                .iter()
                .filter(|r| &r.group == group && in_query(&r.country, r.when))
                .map(|r| match q.measure {
                    EventMeasure::Events => r.events as f64,
                    EventMeasure::Initiated => r.initiated as f64,
                    EventMeasure::Joint => r.joint as f64,
                    EventMeasure::Fatalities => r.fatalities,
                    EventMeasure::LargeAttacks => r.large_attacks as f64,
                    EventMeasure::CivilianTargeting => r.civilian_targeting as f64,
                })
                .sum(),
        };
        let place = if q.countries.is_empty() {
            "every country".to_string()
        } else {
            q.countries.join(", ")
        };
        // An empty sum is -0.0: a count of nothing is 0.
        let total = total + 0.0;
        let mut who = q.group.as_deref().unwrap_or("every actor").to_string();
        if let Some(kind) = &q.sub_event_type {
            who.push_str(&format!(" ({kind})"));
        }
        let threshold = if q.measure == EventMeasure::LargeAttacks {
            format!(" ({} or more deaths)", q.large)
        } else {
            String::new()
        };
        Ok((
            total,
            format!(
                "{} of {who} in {place}, {period}{threshold}, counted from {}",
                q.measure.id(),
                self.file
            ),
        ))
    }
}
