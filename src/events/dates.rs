//! The date formats event exports come in: ISO `2025-05-16`, ACLED's `16 May 2025` and
//! `9-May-20`, and slash dates, whose order of day and month only the file can tell:
//! UCDP's website export writes `10/06/2023 00:00:00` month first (6 October), a US
//! spreadsheet `11/30/2020`, a European one `30/11/2020`. Two-digit years are read as
//! 1950 to 2049, as everywhere in the tool (`numbers::two_digit_year`).

/// A calendar date as (year, month, day): ordered as dates are.
pub(crate) type Date = (i32, u32, u32);

/// Which comes first in a slash date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DateOrder {
    /// Month first: `11/30/2020` (US spreadsheets, UCDP's website export).
    Mdy,
    /// Day first: `30/11/2020` (most of Europe).
    Dmy,
}

impl DateOrder {
    /// How messages name it.
    pub(crate) fn describe(self) -> &'static str {
        match self {
            DateOrder::Mdy => "month-first",
            DateOrder::Dmy => "day-first",
        }
    }
}

/// Who told the order of a file's slash dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum OrderBy {
    /// `--date-order`.
    Flag,
    /// The file's own dates: one has a field above 12.
    Rows,
    /// No date could tell: the order the export's layout writes, assumed and said.
    Layout,
}

impl OrderBy {
    /// How a message says where the order came from.
    pub(crate) fn describe(self) -> &'static str {
        match self {
            OrderBy::Flag => "as --date-order gives",
            OrderBy::Rows => "as the file's other dates show",
            OrderBy::Layout => "as assumed from the export's layout",
        }
    }
}

/// The two leading numbers of a slash date (`11/30/2020` -> 11, 30), or `None` for any
/// other form.
fn slash_fields(text: &str) -> Option<(u32, u32)> {
    let date = text.split_whitespace().next()?;
    let (a, b, _) = three(date.split('/'))?;
    Some((a.parse().ok()?, b.parse().ok()?))
}

/// What a slash date says of the order: a first field above 12 is a day, a second
/// field above 12 is a day; `None` when both could be months (or it is no slash date).
pub(crate) fn evidence(text: &str) -> Option<DateOrder> {
    match slash_fields(text)? {
        (a, b) if a > 12 && b <= 12 => Some(DateOrder::Dmy),
        (a, b) if b > 12 && a <= 12 => Some(DateOrder::Mdy),
        _ => None,
    }
}

/// Whether a date is a slash date whose order only the rest of the file can tell.
pub(crate) fn ambiguous(text: &str) -> bool {
    slash_fields(text).is_some_and(|(a, b)| a <= 12 && b <= 12)
}

/// A year of two or four digits (two read as [`crate::numbers::two_digit_year`] says).
fn full_year(text: &str) -> Option<i32> {
    if !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let year: u32 = text.parse().ok()?;
    match text.len() {
        2 => Some(crate::numbers::two_digit_year(year)),
        4 => i32::try_from(year).ok(),
        _ => None,
    }
}

/// Whether a date is written with a two-digit year (`9-May-20`, `11/30/20 00:00`,
/// `16 May 20`); never an ISO date.
pub(crate) fn has_two_digit_year(text: &str) -> bool {
    let text = text.trim();
    let first = text.split_whitespace().next().unwrap_or_default();
    let year = if first.contains(['/', '-']) {
        if first.split(['/', '-']).next().is_some_and(|p| p.len() == 4) {
            return false;
        }
        first.rsplit(['/', '-']).next()
    } else {
        text.split_whitespace().nth(2)
    };
    year.is_some_and(|y| y.len() == 2 && y.bytes().all(|b| b.is_ascii_digit()))
}

/// The date, or `None` when it is none of the known formats; a slash date needs its
/// `order` (`None` without one).
pub(crate) fn parse(text: &str, order: Option<DateOrder>) -> Option<Date> {
    let text = text.trim();
    // The common case first, without splitting: exactly "2025-05-16".
    if let [y1, y2, y3, y4, b'-', m1, m2, b'-', d1, d2] = *text.as_bytes() {
        let digits = |ds: &[u8]| {
            ds.iter().try_fold(0u32, |n, &d| {
                d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0'))
            })
        };
        return checked(
            digits(&[y1, y2, y3, y4])? as i32,
            digits(&[m1, m2])?,
            digits(&[d1, d2])?,
        );
    }
    let date = text.split_whitespace().next()?;
    if let Some(iso) = iso(date) {
        return Some(iso);
    }
    if date.contains('/') {
        let (a, b, y) = three(date.split('/'))?;
        let (d, m) = match order? {
            DateOrder::Mdy => (b, a),
            DateOrder::Dmy => (a, b),
        };
        return checked(full_year(y)?, m.parse().ok()?, d.parse().ok()?);
    }
    if let Some((d, m, y)) = three(text.split([' ', '-']).filter(|w| !w.is_empty())) {
        return checked(
            full_year(y)?,
            crate::numbers::month_number(m)?,
            d.parse().ok()?,
        );
    }
    None
}

/// The date `days` after 1 January 1970 (Howard Hinnant's civil-from-days algorithm).
pub(crate) fn from_unix_days(days: i64) -> Date {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year as i32, month as u32, day as u32)
}

/// The days from 1 January 1970 to `date` (days-from-civil, the inverse of
/// [`from_unix_days`]).
pub(crate) fn unix_days((year, month, day): Date) -> i64 {
    let year = i64::from(year) - i64::from(month <= 2);
    let era = year.div_euclid(400);
    let yoe = year - era * 400;
    let month = i64::from(month);
    let mp = if month > 2 { month - 3 } else { month + 9 };
    let doy = (153 * mp + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The day of the year, 1 for 1 January.
pub(crate) fn day_of_year((year, month, day): Date) -> u32 {
    const BEFORE: [u32; 12] = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
    let leap_day = u32::from(month > 2 && days_in_year(year) == 366);
    BEFORE[(month.clamp(1, 12) - 1) as usize] + leap_day + day
}

pub(crate) fn days_in_year(year: i32) -> u32 {
    if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 {
        366
    } else {
        365
    }
}

/// The days of `year` between `first` and `last` (both included): how much of the
/// year an export spanning them covers.
pub(crate) fn days_covered(year: i32, (first, last): (Date, Date)) -> u32 {
    if first.0 > year || last.0 < year {
        return 0;
    }
    let start = if first.0 == year {
        day_of_year(first)
    } else {
        1
    };
    let end = if last.0 == year {
        day_of_year(last)
    } else {
        days_in_year(year)
    };
    (end + 1).saturating_sub(start)
}

fn iso(text: &str) -> Option<Date> {
    let (y, m, d) = three(text.split('-'))?;
    if y.len() != 4 {
        return None;
    }
    checked(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// Exactly three parts, without allocating (dates are parsed millions of times).
fn three<'a>(mut parts: impl Iterator<Item = &'a str>) -> Option<(&'a str, &'a str, &'a str)> {
    let found = (parts.next()?, parts.next()?, parts.next()?);
    parts.next().is_none().then_some(found)
}

/// The date when it exists: 30 February does not.
fn checked(year: i32, month: u32, day: u32) -> Option<Date> {
    ((1900..=2100).contains(&year)
        && (1..=12).contains(&month)
        && day >= 1
        && day <= days_in_month(year, month))
    .then_some((year, month, day))
}

pub(crate) fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if days_in_year(year) == 366 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::{ambiguous, evidence, has_two_digit_year, DateOrder};

    fn parse(text: &str) -> Option<super::Date> {
        super::parse(text, None)
    }

    #[test]
    fn unix_days_is_the_inverse_of_from_unix_days() {
        for days in [
            -800_000, -1, 0, 1, 59, 60, 11_016, 19_782, 20_000, 2_000_000,
        ] {
            assert_eq!(super::unix_days(super::from_unix_days(days)), days);
        }
        assert_eq!(
            super::unix_days((2024, 3, 1)) - super::unix_days((2024, 2, 28)),
            2
        );
    }

    #[test]
    fn the_formats_exports_use() {
        assert_eq!(parse("2025-05-16"), Some((2025, 5, 16)));
        assert_eq!(parse("16 May 2025"), Some((2025, 5, 16)));
        assert_eq!(parse("9-May-20"), Some((2020, 5, 9)));
        assert_eq!(parse("2024-02-29"), Some((2024, 2, 29)));
        for bad in [
            "",
            "NA",
            "2025-13-01",
            "16 Mai 2025",
            "yesterday",
            "2025/05/16",
            "2025-02-29",
            "31 Apr 2025",
        ] {
            assert_eq!(parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn two_digit_years_are_read_as_1950_to_2049() {
        assert_eq!(parse("9-May-97"), Some((1997, 5, 9)));
        assert_eq!(parse("9-May-99"), Some((1999, 5, 9)));
        assert_eq!(parse("9-May-00"), Some((2000, 5, 9)));
        assert_eq!(parse("9-May-20"), Some((2020, 5, 9)));
        // Regression: 96 was read as 2096 and halved the annualised metrics.
        assert_eq!(parse("10-May-96"), Some((1996, 5, 10)));
        assert_eq!(parse("9-May-49"), Some((2049, 5, 9)));
        assert_eq!(parse("9-May-50"), Some((1950, 5, 9)));
        assert!(has_two_digit_year("9-May-20") && has_two_digit_year("11/30/20 00:00"));
        assert!(!has_two_digit_year("2025-05-16") && !has_two_digit_year("16 May 2025"));
    }

    #[test]
    fn a_month_is_its_name_or_abbreviation_not_a_word_that_starts_like_one() {
        assert_eq!(parse("16 Sept 2025"), Some((2025, 9, 16)));
        assert_eq!(parse("16 september 2025"), Some((2025, 9, 16)));
        assert_eq!(parse("16 Mayonnaise 2025"), None);
        assert_eq!(parse("16 Marchx 2025"), None);
    }

    #[test]
    fn slash_dates_follow_the_order_given() {
        use DateOrder::{Dmy, Mdy};
        let with = |text, order| super::parse(text, Some(order));
        // UCDP's website export: month first.
        assert_eq!(with("10/06/2023 00:00:00", Mdy), Some((2023, 10, 6)));
        assert_eq!(with("10/06/2023 00:00:00", Dmy), Some((2023, 6, 10)));
        assert_eq!(with("11/30/2020", Mdy), Some((2020, 11, 30)));
        assert_eq!(with("11/30/2020", Dmy), None, "no 11th day of month 30");
        assert_eq!(with("30/11/2020", Dmy), Some((2020, 11, 30)));
        assert_eq!(with("5/9/99", Dmy), Some((1999, 9, 5)));
        // Without an order, a slash date is no date.
        assert_eq!(parse("30/11/2020"), None);
    }

    #[test]
    fn evidence_of_the_order() {
        assert_eq!(evidence("11/30/2020"), Some(DateOrder::Mdy));
        assert_eq!(evidence("30/11/2020 00:00:00"), Some(DateOrder::Dmy));
        assert_eq!(evidence("10/06/2023"), None);
        assert_eq!(evidence("2023-10-06"), None);
        assert!(ambiguous("10/06/2023 00:00:00"));
        assert!(!ambiguous("30/11/2020"));
        assert!(!ambiguous("2023-10-06"));
    }

    #[test]
    fn days_of_a_year_covered() {
        use super::*;
        assert_eq!(day_of_year((2025, 1, 1)), 1);
        assert_eq!(day_of_year((2025, 12, 31)), 365);
        assert_eq!(day_of_year((2024, 12, 31)), 366);
        assert_eq!(day_of_year((2024, 3, 1)), 61);
        let span = ((2024, 1, 1), (2025, 11, 14));
        assert_eq!(days_covered(2024, span), 366);
        assert_eq!(days_covered(2025, span), 318);
        assert_eq!(days_covered(2023, span), 0);
        assert_eq!(days_covered(2026, span), 0);
        assert_eq!(days_covered(2025, ((2025, 3, 1), (2025, 3, 1))), 1);
    }
}
