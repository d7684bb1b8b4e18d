//! Where an export looked, file by file: the first and last dates of each file's events
//! and the countries they are in. Coverage, annualisation and change are judged per
//! country from the files that hold it, so that a file added for one country moves no
//! other country's figures, and a file that cannot say who initiated (monadic ACLED)
//! takes that from its own countries only.

use super::dates::{days_covered, from_unix_days, unix_days, Date};
use super::sums::EventMeasure;

/// One file's reach.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Cover {
    /// Its file name, as outputs name it.
    pub(crate) file: String,
    /// The first and last dates of its events.
    pub(crate) span: (Date, Date),
    /// The countries its events are in, as it names them, sorted.
    pub(crate) countries: Vec<String>,
    /// What it cannot say (who initiated, in a monadic ACLED file).
    pub(crate) cannot: Vec<EventMeasure>,
}

/// Every file's reach.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Coverage {
    pub(crate) files: Vec<Cover>,
}

impl Cover {
    /// Whether it holds events in `country`; any file does for `None` (every country).
    fn holds(&self, country: Option<&str>) -> bool {
        country.is_none_or(|country| {
            self.countries
                .iter()
                .any(|c| c.eq_ignore_ascii_case(country))
        })
    }
}

impl Coverage {
    /// The days the files holding `country` cover, as spans joined where they overlap
    /// or meet, earliest first; none when no file holds it.
    pub(crate) fn spans(&self, country: Option<&str>) -> Vec<(Date, Date)> {
        let mut days: Vec<(i64, i64)> = self
            .files
            .iter()
            .filter(|f| f.holds(country))
            .map(|f| (unix_days(f.span.0), unix_days(f.span.1)))
            .collect();
        days.sort_unstable();
        let mut joined: Vec<(i64, i64)> = Vec::new();
        for (first, last) in days {
            match joined.last_mut() {
                Some(span) if first <= span.1 + 1 => span.1 = span.1.max(last),
                _ => joined.push((first, last)),
            }
        }
        joined
            .into_iter()
            .map(|(a, b)| (from_unix_days(a), from_unix_days(b)))
            .collect()
    }

    /// The days of `year` the files holding `country` cover.
    pub(crate) fn days(&self, year: i32, country: Option<&str>) -> u32 {
        self.spans(country)
            .into_iter()
            .map(|span| days_covered(year, span))
            .sum()
    }

    /// Whether the files holding `country` cover every day from `start` to `end`.
    pub(crate) fn covers(&self, country: Option<&str>, start: Date, end: Date) -> bool {
        self.spans(country)
            .iter()
            .any(|&(first, last)| first <= start && end <= last)
    }

    /// The files that cannot say `measure`, when some can: (their names, their
    /// countries); `None` when every file or none cannot.
    pub(crate) fn some_cannot(&self, measure: EventMeasure) -> Option<(Vec<&str>, Vec<&str>)> {
        let (cannot, can): (Vec<&Cover>, Vec<&Cover>) =
            self.files.iter().partition(|f| f.cannot.contains(&measure));
        if cannot.is_empty() || can.is_empty() {
            return None;
        }
        let mut countries: Vec<&str> = cannot
            .iter()
            .flat_map(|f| f.countries.iter().map(String::as_str))
            .collect();
        countries.sort_unstable();
        countries.dedup();
        Some((cannot.iter().map(|f| f.file.as_str()).collect(), countries))
    }

    /// Whether a file holding any of `countries` (any file, when there are none)
    /// cannot say `measure`.
    pub(crate) fn cannot(&self, measure: EventMeasure, countries: &[String]) -> bool {
        self.files.iter().any(|f| {
            f.cannot.contains(&measure)
                && (countries.is_empty() || countries.iter().any(|c| f.holds(Some(c))))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn cover(span: (Date, Date), countries: &[&str], cannot: &[EventMeasure]) -> Cover {
        Cover {
            file: "f.csv".to_string(),
            span,
            countries: countries.iter().map(|c| c.to_string()).collect(),
            cannot: cannot.to_vec(),
        }
    }

    #[test]
    fn a_country_is_covered_by_the_files_that_hold_it_only() {
        let coverage = Coverage {
            files: vec![
                cover(((2020, 1, 28), (2020, 12, 31)), &["Burkina Faso"], &[]),
                cover(((2020, 1, 1), (2020, 12, 31)), &["Mali"], &[]),
            ],
        };
        assert_eq!(coverage.days(2020, Some("burkina faso")), 339);
        assert_eq!(coverage.days(2020, Some("Mali")), 366);
        assert_eq!(coverage.days(2020, Some("Niger")), 0);
        assert_eq!(coverage.days(2020, None), 366);
        assert!(!coverage.covers(Some("Burkina Faso"), (2020, 1, 1), (2020, 12, 31)));
        assert!(coverage.covers(Some("Mali"), (2020, 1, 1), (2020, 12, 31)));
    }

    #[test]
    fn spans_that_meet_are_one_and_a_gap_is_not_covered() {
        let coverage = Coverage {
            files: vec![
                cover(((2021, 1, 1), (2021, 12, 31)), &["Mali"], &[]),
                cover(((2019, 1, 1), (2019, 12, 31)), &["Mali"], &[]),
                cover(((2020, 1, 1), (2020, 6, 30)), &["Mali"], &[]),
            ],
        };
        assert_eq!(
            coverage.spans(Some("Mali")),
            vec![
                ((2019, 1, 1), (2020, 6, 30)),
                ((2021, 1, 1), (2021, 12, 31))
            ]
        );
        assert_eq!(coverage.days(2020, Some("Mali")), 182);
        assert!(!coverage.covers(Some("Mali"), (2019, 1, 1), (2021, 12, 31)));
        assert!(coverage.covers(Some("Mali"), (2019, 3, 1), (2020, 6, 30)));
    }

    #[test]
    fn a_monadic_file_cannot_say_who_initiated_in_its_own_countries_only() {
        let coverage = Coverage {
            files: vec![
                cover(((2020, 1, 1), (2020, 12, 31)), &["Mali"], &[]),
                cover(
                    ((2020, 1, 1), (2020, 12, 31)),
                    &["Niger"],
                    &[EventMeasure::Initiated],
                ),
            ],
        };
        let mali = ["Mali".to_string()];
        let niger = ["niger".to_string()];
        assert!(!coverage.cannot(EventMeasure::Initiated, &mali));
        assert!(coverage.cannot(EventMeasure::Initiated, &niger));
        assert!(coverage.cannot(EventMeasure::Initiated, &[]));
        assert!(!coverage.cannot(EventMeasure::Events, &niger));
    }

    proptest! {
        /// However files are ordered, the days covered are the same, never more than
        /// the year, and never fewer than any one file's.
        #[test]
        fn days_covered_do_not_depend_on_the_files_order(
            spans in prop::collection::vec((0i64..800, 0i64..200), 1..6),
        ) {
            let base = unix_days((2019, 6, 1));
            let files: Vec<Cover> = spans
                .iter()
                .map(|&(start, length)| {
                    cover(
                        (from_unix_days(base + start), from_unix_days(base + start + length)),
                        &["Mali"],
                        &[],
                    )
                })
                .collect();
            let mut reversed = files.clone();
            reversed.reverse();
            let forward = Coverage { files };
            let backward = Coverage { files: reversed };
            for year in 2019..=2021 {
                let days = forward.days(year, Some("Mali"));
                prop_assert_eq!(days, backward.days(year, Some("Mali")));
                prop_assert!(days <= super::super::dates::days_in_year(year));
                for f in &forward.files {
                    prop_assert!(days >= days_covered(year, f.span));
                }
            }
        }
    }
}
