//! The event metrics: counts from an event export (per group, country and year) set
//! against a comparison's fighters and population. Each count is an input of the
//! metric's formula, so it is sampled, bounded and shown like a dataset input: an
//! ACLED count is exact, a UCDP death toll carries its low and high estimates.

use crate::data::{Dataset, Estimate};
use crate::error::{Location, Problem};
use crate::events::dates::days_in_year;
use crate::events::{Counts, EventMeasure, Query};
use crate::numbers::grouped;
use crate::uncertainty::formula::{Formula, Term};
use crate::units::Units;

use super::formula::terms;
use super::resolve::Inputs;
use super::row::{unit, MetricRow};
use super::{Kind, Metric};

/// An export's counts joined for the event metrics, with the large-scale threshold
/// (`--large`) they count attacks at.
#[derive(Clone, Copy)]
pub(crate) struct EventInputs<'a> {
    pub(crate) counts: &'a Counts,
    pub(crate) large: u32,
    /// The fewest days of a comparison's year its counts are annualised from.
    pub(crate) min_days: u32,
}

/// The fewest days of a year the event metrics are annualised from by default: a
/// quarter. A yearly rate from a few weeks of events says more of those weeks than of
/// the year (52 large attacks a year from one in 21 days).
pub(crate) const MIN_DAYS: u32 = 90;

/// Why an event metric has no value for a comparison.
pub(crate) enum Uncovered {
    /// The export does not reach the comparison's countries or year: said, not an error.
    Reason(String),
    Problem(Problem),
}

/// A comparison's group's counts in one country, over the comparison's year.
struct YearCounts {
    events: f64,
    fatalities: Estimate,
    large: f64,
}

impl EventInputs<'_> {
    /// The metric for a comparison, with its formula; `Uncovered::Reason` when the
    /// export has no event at all in one of its countries in its year.
    pub(crate) fn metric(
        &self,
        data: &Dataset,
        inputs: &Inputs,
        metric: Metric,
        units: Units,
    ) -> Result<(MetricRow, Formula), Uncovered> {
        let c = &inputs.comparison;
        let file = &self.counts.name;
        let Kind::Event {
            counted: needs,
            scale,
            per: against,
            ..
        } = metric.def().kind
        else {
            return Err(Uncovered::Problem(Problem::new(
                format!("{metric} is not counted from an event export"),
                inputs.comparison.key("id"),
            )));
        };
        let names: Vec<String> = c
            .countries
            .iter()
            .map(|code| data.country(code).map_or(code.clone(), |k| k.name.clone()))
            .collect();
        if let Some(why) = self.counts.unavailable_in(needs, &names) {
            // Said once for a single file, else per comparison (another file may give it).
            let whom = if self.counts.coverage.files.len() > 1 {
                format!("for {}, in {}", c.id, names.join(" and "))
            } else {
                "for any comparison".to_string()
            };
            return Err(Uncovered::Reason(format!(
                "{file} gives no {metric} {whom}: {why}"
            )));
        }
        // Each country's counts are annualised over the days its own files cover.
        let days: Vec<u32> = names
            .iter()
            .map(|name| self.counts.days_covered(c.year, name))
            .collect();
        for (name, &d) in names.iter().zip(&days) {
            if d > 0 && d < self.min_days {
                let place = if names.len() > 1 {
                    format!(" in {name}")
                } else {
                    String::new()
                };
                return Err(Uncovered::Reason(format!(
                    "{}: {file} covers {d} days of {}{place}, fewer than the {} a yearly rate is given from, so no event metric for it (--min-days sets the least)",
                    c.id, c.year, self.min_days
                )));
            }
        }
        let year_days = days_in_year(c.year);
        // The days every country shares, or the whole year where they differ (each
        // country's count then carries its own annualisation as its factor).
        let shared = match days.first() {
            Some(&first) if days.iter().all(|&d| d == first) => first,
            _ => year_days,
        };
        let mut numerator = self.numerator(c, metric, &names, &days, shared)?;
        // A best estimate outside its own summed low–high (UCDP gives some rows one)
        // has no interval to draw from: the best is used alone, and the note says so.
        let mut unranged = Vec::new();
        for term in &mut numerator {
            let e = term.estimate;
            if let (Some(low), Some(high)) = (e.low, e.high) {
                if e.central < low || e.central > high {
                    unranged.push(format!(
                        "{file}: the deaths' best estimate {} lies outside the low–high it gives ({}–{}); the best is used without an interval",
                        grouped(e.central, 0),
                        grouped(low, 0),
                        grouped(high, 0)
                    ));
                    term.estimate = Estimate::point(e.central);
                }
            }
        }
        // Every event metric is a rate over the comparison's year: counts from part of
        // the year are annualised over the days covered, all on the same footing.
        let annualised = f64::from(year_days) / f64::from(shared);
        // Large-scale attacks are counted a year of coverage already (see `numerator`).
        let scale = match against {
            Some(_) => scale * annualised,
            None => scale,
        };
        let (denominator, mut notes, overridden) = match against {
            Some(quantity) => {
                let resolved = inputs
                    .get(quantity)
                    .as_ref()
                    .map_err(|p| Uncovered::Problem(p.clone()))?;
                (
                    terms(resolved, units, &c.key(quantity.comparison_key())),
                    resolved.notes.clone(),
                    resolved.overridden(),
                )
            }
            // Large-scale attacks per year: divided by the years the export covers.
            None => {
                let years = Term {
                    key: format!("{}.years-covered.{file}", c.year),
                    source: None,
                    factor: 1.0,
                    estimate: Estimate::point(f64::from(shared) / f64::from(year_days)),
                    dist: None,
                    pool: Vec::new(),
                    place: Location::file(file),
                };
                (vec![years], Vec::new(), false)
            }
        };
        let formula = Formula {
            scale,
            numerator,
            denominator,
            place: c.key("id"),
        };
        if formula.central_denominator() == 0.0 {
            let quantity = against.map_or("coverage".to_string(), |q| q.to_string());
            return Err(Uncovered::Problem(
                Problem::new(
                    format!("cannot compute {metric} for \"{}\": its {quantity} is zero", c.id),
                    c.key("group"),
                )
                .help("a ratio with a zero denominator has no value; choose other metrics with --metric"),
            ));
        }
        notes.extend(self.partial_note(c.year, &names, &days, year_days));
        notes.extend(unranged);
        let row = MetricRow {
            comparison: c.id.clone(),
            versus: None,
            metric,
            value: formula.central(),
            unit: unit(metric, units),
            year: c.year,
            overridden,
            notes,
            interval: None,
        };
        Ok((row, formula))
    }

    /// The formula's numerator: the group's count in each of the comparison's countries
    /// over its year, each by the factor that brings its days to the `shared` ones;
    /// `Uncovered::Reason` when the export has no event in one of them.
    fn numerator(
        &self,
        c: &crate::data::Comparison,
        metric: Metric,
        names: &[String],
        days: &[u32],
        shared: u32,
    ) -> Result<Vec<Term>, Uncovered> {
        let file = &self.counts.name;
        let mut numerator = Vec::new();
        for ((country, name), &d) in c.countries.iter().zip(names).zip(days) {
            if d == 0 || !self.covers(name, c.year) {
                return Err(Uncovered::Reason(format!(
                    "{}: {} has no event in {name} in {}, so no event metric for it",
                    c.id, file, c.year
                )));
            }
            let counts = self.counts(&c.group, name, c.year);
            let Kind::Event {
                counted,
                key: measure,
                ..
            } = metric.def().kind
            else {
                continue;
            };
            let estimate = match counted {
                EventMeasure::Fatalities => counts.fatalities,
                EventMeasure::Events => Estimate::point(counts.events),
                _ => Estimate::point(counts.large),
            };
            numerator.push(Term {
                key: format!("{}.{measure}.{country}.{}.{file}", c.group, c.year),
                source: None,
                factor: f64::from(shared) / f64::from(d),
                estimate,
                dist: None,
                pool: Vec::new(),
                place: Location::file(file),
            });
        }
        Ok(numerator)
    }

    fn covers(&self, country: &str, year: i32) -> bool {
        self.counts.has_events(country, (year, 1), (year, 12))
    }

    /// The group's counts in one country and year; a range of deaths when the export
    /// gives one (UCDP).
    fn counts(&self, group: &str, country: &str, year: i32) -> YearCounts {
        let countries = [country.to_string()];
        let ask = |measure| {
            self.counts
                .query(&Query {
                    group: Some(group),
                    countries: &countries,
                    from: (year, 1),
                    to: (year, 12),
                    measure,
                    large: self.large,
                    kind: None,
                })
                .unwrap_or(crate::events::counts::Counted {
                    value: 0.0,
                    range: None,
                })
        };
        let deaths = ask(EventMeasure::Fatalities);
        let mut fatalities = Estimate::point(deaths.value);
        if let Some((low, high)) = deaths.range.filter(|(low, high)| low < high) {
            fatalities.low = Some(low);
            fatalities.high = Some(high);
        }
        YearCounts {
            events: ask(EventMeasure::Events).value,
            fatalities,
            large: ask(EventMeasure::LargeAttacks).value,
        }
    }

    /// What the note says of a year the files do not cover whole: the days covered,
    /// country by country where they differ.
    fn partial_note(
        &self,
        year: i32,
        names: &[String],
        days: &[u32],
        year_days: u32,
    ) -> Option<String> {
        let file = &self.counts.name;
        let shown = |d: u32| grouped(f64::from(d), 0);
        match days {
            [first, rest @ ..] if rest.iter().all(|d| d == first) => (*first < year_days).then(|| {
                format!(
                    "{file} covers {} of the {year_days} days of {year}: every event metric is annualised over them",
                    shown(*first)
                )
            }),
            _ => {
                let each: Vec<String> = names
                    .iter()
                    .zip(days)
                    .map(|(name, &d)| format!("{} in {name}", shown(d)))
                    .collect();
                let cover = if self.counts.files > 1 { "cover" } else { "covers" };
                Some(format!(
                    "of the {year_days} days of {year}, {file} {cover} {}: each country's events are annualised over its own days",
                    crate::numbers::and_list(&each)
                ))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::RowRef;
    use crate::events::dates::Date;
    use crate::events::found::{Export, ExportKind};
    use crate::events::sums::{CountryKey, GroupKey, Tally, Total};
    use crate::events::tally::Tallied;
    use proptest::prelude::*;

    /// Group g in country c in 2025, with `fighters` and `population`.
    fn inputs(fighters: f64, population: f64) -> Inputs {
        crate::metrics::testing::inputs("g-c", fighters, 1.0, population, 1.0)
    }

    /// An export with the group's `events`, `deaths` and `large` attacks in 2025, its
    /// dates running to day `last` of the year.
    fn export(events: u64, deaths: f64, large: u64, last: Date) -> Counts {
        let tally = Tally {
            events,
            initiated: events,
            joint: 0,
            fatalities: deaths,
            fatalities_low: None,
            fatalities_high: None,
            large: vec![large],
            deadly: vec![large],
            civilian_targeting: 0,
        };
        let key = GroupKey {
            group: "g".into(),
            country: "C".into(),
            month: (2025, 1),
        };
        let export = Export {
            kind: ExportKind::Acled { monadic: false },
            rows: 1,
            events: 1,
            bad: Default::default(),
            span: Some(((2025, 1, 1), last)),
            hash: None,
            version: None,
            updated: None,
            container: crate::events::source::Container::Csv,
            seekable: true,
            delimiter: b',',
            unavailable: Vec::new(),
            notes: Vec::new(),
        };
        let tallied = Tallied {
            groups: [(key, tally)].into(),
            all: [(
                CountryKey {
                    country: "C".into(),
                    month: (2025, 1),
                },
                Total::default(),
            )]
            .into(),
            kinds: Default::default(),
            unmatched: Vec::new(),
            units: Vec::new(),
        };
        let mut counts = Counts::new("e.csv".into(), "e.csv".into(), export, tallied);
        counts.thresholds = vec![20];
        counts
    }

    fn value(counts: &Counts, i: &Inputs, metric: Metric) -> f64 {
        let e = EventInputs {
            counts,
            large: 20,
            min_days: 1,
        };
        let mut data = Dataset::default();
        data.countries.push(crate::data::model::Country {
            id: "c".into(),
            name: "C".into(),
            iso3: "CCC".into(),
            codes: Default::default(),
            at: RowRef::new("countries.csv", 2),
        });
        match e.metric(&data, i, metric, Units::Imperial) {
            Ok((row, _)) => row.value,
            Err(_) => panic!("{metric} does not compute"),
        }
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
    }

    proptest! {
        #[test]
        fn the_rates_give_back_the_counts(
            events in 0u64..100_000, deaths in 0u64..1_000_000, large in 0u64..1_000,
            fighters in 1.0f64..1e6, population in 1.0f64..1e9,
        ) {
            let e = export(events, deaths as f64, large, (2025, 12, 31));
            let i = inputs(fighters, population);
            prop_assert!(close(value(&e, &i, Metric::FatalitiesPer1000Fighters) * fighters / 1000.0, deaths as f64));
            prop_assert!(close(value(&e, &i, Metric::EventsPerMillionPeople) * population / 1e6, events as f64));
            prop_assert!(close(value(&e, &i, Metric::LargeAttacksPerYear), large as f64));
        }

        #[test]
        fn scaling_fighters_scales_deaths_per_fighter_inversely(
            deaths in 1u64..1_000_000, fighters in 1.0f64..1e6, k in 0.01f64..100.0,
        ) {
            let e = export(1, deaths as f64, 0, (2025, 12, 31));
            let base = value(&e, &inputs(fighters, 1.0), Metric::FatalitiesPer1000Fighters);
            let scaled = value(&e, &inputs(fighters * k, 1.0), Metric::FatalitiesPer1000Fighters);
            prop_assert!(close(scaled * k, base));
        }

        #[test]
        fn a_partly_covered_year_is_annualised_over_its_days(large in 0u64..1_000, day in 1u32..=365) {
            let (month, date) = (1..=12u32)
                .map(|m| (m, (2025, m, 1)))
                .take_while(|(_, d)| crate::events::dates::day_of_year(*d) <= day)
                .last()
                .expect("January");
            let last = (2025, month, day - crate::events::dates::day_of_year(date) + 1);
            let e = export(1, 0.0, large, last);
            let per_year = value(&e, &inputs(1.0, 1.0), Metric::LargeAttacksPerYear);
            prop_assert!(close(per_year * f64::from(day) / 365.0, large as f64), "{last:?}");
        }
    }
}
