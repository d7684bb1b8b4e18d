//! The date formats event exports come in: ISO `2025-05-16`, ACLED's `16 May 2025` and
//! `9-May-20`, and UCDP's website `10/06/2023 00:00:00` (day first).

/// A calendar date as (year, month, day): ordered as dates are.
pub(crate) type Date = (i32, u32, u32);

/// The date, or `None` when it is none of the known formats.
pub(crate) fn parse(text: &str) -> Option<Date> {
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
        let (d, m, y) = three(date.split('/'))?;
        return checked(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    }
    if let Some((d, m, y)) = three(text.split([' ', '-']).filter(|w| !w.is_empty())) {
        let year: i32 = y.parse().ok()?;
        let year = match y.len() {
            2 => 2000 + year,
            4 => year,
            _ => return None,
        };
        return checked(year, month(m)?, d.parse().ok()?);
    }
    None
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

fn month(name: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let lower = name.to_ascii_lowercase();
    MONTHS
        .iter()
        .position(|m| lower.starts_with(m))
        .map(|i| i as u32 + 1)
}

/// The date when it exists: 30 February does not.
fn checked(year: i32, month: u32, day: u32) -> Option<Date> {
    ((1900..=2100).contains(&year)
        && (1..=12).contains(&month)
        && day >= 1
        && day <= days_in_month(year, month))
    .then_some((year, month, day))
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if days_in_year(year) == 366 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn the_formats_exports_use() {
        assert_eq!(parse("2025-05-16"), Some((2025, 5, 16)));
        assert_eq!(parse("16 May 2025"), Some((2025, 5, 16)));
        assert_eq!(parse("9-May-20"), Some((2020, 5, 9)));
        assert_eq!(parse("10/06/2023 00:00:00"), Some((2023, 6, 10)));
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
