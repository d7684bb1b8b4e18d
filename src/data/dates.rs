//! Dates in the data: a source's `published` and `accessed` in sources.csv, a claim
//! file's document `date`. A day (2024-07-22), or a month (2024-07) or a year (2024) when
//! the source gives no day, as the shipped data has them. Anything else is refused with
//! what it would read as, so that a spreadsheet's `5/17/2026` never passes as text that
//! later outputs cannot place in time ("Data as of unknown").

use chrono::NaiveDate;

/// The forms a date may take, for messages.
const WRITE: &str =
    "dates are written YYYY-MM-DD (2024-07-22), or YYYY-MM (2024-07) or YYYY (2024) when the source gives no day";

/// A date with the precision its source gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct DataDate {
    pub(crate) year: i32,
    pub(crate) month: Option<u32>,
    pub(crate) day: Option<u32>,
}

impl DataDate {
    /// Reads `2024-07-22`, `2024-07` or `2024`. The error is a help text: what the
    /// value reads as, if anything, and the forms to write.
    pub(crate) fn parse(value: &str) -> Result<DataDate, String> {
        let parts: Vec<&str> = value.split('-').collect();
        let digits =
            |part: &str, n: usize| part.len() == n && part.bytes().all(|b| b.is_ascii_digit());
        let shaped = match parts.as_slice() {
            [y] => digits(y, 4),
            [y, m] => digits(y, 4) && digits(m, 2),
            [y, m, d] => digits(y, 4) && digits(m, 2) && digits(d, 2),
            _ => false,
        };
        if !shaped {
            return Err(reading(value));
        }
        let number = |i: usize| parts.get(i).and_then(|p| p.parse::<u32>().ok());
        let year = number(0).unwrap_or_default() as i32;
        let date = DataDate {
            year,
            month: number(1),
            day: number(2),
        };
        if !(1800..=2100).contains(&year) {
            return Err(format!("{year} is not a year of a publication; {WRITE}"));
        }
        if let Some(month) = date.month.filter(|m| !(1..=12).contains(m)) {
            return Err(format!("there is no month {month}; {WRITE}"));
        }
        if let (Some(month), Some(day)) = (date.month, date.day) {
            if NaiveDate::from_ymd_opt(year, month, day).is_none() {
                return Err(format!("{year}-{month:02} has no day {day}; {WRITE}"));
            }
        }
        Ok(date)
    }

    /// Whether the day is known, not only the month or the year.
    pub(crate) fn is_full(&self) -> bool {
        self.day.is_some()
    }
}

/// What a date in another form reads as, and how to write it.
fn reading(value: &str) -> String {
    if let Some(read) = slashed(value) {
        return format!("{read}; {WRITE}");
    }
    if let Some(day) = serial(value) {
        return format!(
            "this looks like a spreadsheet's day number for {day}: write {day}, and format the cell as text; {WRITE}"
        );
    }
    let parts: Vec<&str> = value.split('-').collect();
    if parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    {
        return format!("two digits for the month and for the day, year first; {WRITE}");
    }
    WRITE.to_string()
}

/// `5/17/2026`, `17/05/2026` or `17.05.2026`: the ISO date it reads as, or both when
/// the order cannot be told (`05/06/2026`).
fn slashed(value: &str) -> Option<String> {
    let separator = ['/', '.'].into_iter().find(|s| value.contains(*s))?;
    let parts: Vec<u32> = value
        .split(separator)
        .map(|p| p.trim().parse().ok())
        .collect::<Option<_>>()?;
    let [a, b, year] = parts.as_slice() else {
        return None;
    };
    let year = match *year {
        y @ 1800..=2100 => y as i32,
        y @ 0..=99 => crate::numbers::two_digit_year(y),
        _ => return None,
    };
    let valid = |month: u32, day: u32| NaiveDate::from_ymd_opt(year, month, day);
    match (valid(*a, *b), valid(*b, *a)) {
        (Some(md), Some(dm)) if md != dm => Some(format!(
            "a spreadsheet's date: it reads as {md} (month first) or as {dm} (day first); write the one the source means"
        )),
        (Some(date), _) | (None, Some(date)) => {
            Some(format!("a spreadsheet's date: write {date}"))
        }
        (None, None) => Some("a spreadsheet's date, but no valid day".to_string()),
    }
}

/// A spreadsheet's serial day number (days since 1899-12-30), for 1950 to 2100.
fn serial(value: &str) -> Option<NaiveDate> {
    let n: i64 = value.parse().ok()?;
    if !(18_264..=73_415).contains(&n) {
        return None;
    }
    NaiveDate::from_ymd_opt(1899, 12, 30)?.checked_add_signed(chrono::TimeDelta::days(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_forms_the_data_uses() {
        let full = DataDate::parse("2026-05-17").expect("a day");
        assert!(full.is_full());
        assert_eq!(DataDate::parse("2024-07").map(|d| d.month), Ok(Some(7)));
        assert_eq!(
            DataDate::parse("2025").map(|d| (d.month, d.day)),
            Ok((None, None))
        );
        assert!(DataDate::parse("2024-12") < DataDate::parse("2024-12-01"));
    }

    #[test]
    fn other_forms_say_what_they_read_as() {
        let help = DataDate::parse("5/17/2026").expect_err("slashes");
        assert!(help.contains("write 2026-05-17"), "{help}");
        let help = DataDate::parse("05/06/2026").expect_err("ambiguous");
        assert!(
            help.contains("2026-05-06 (month first)") && help.contains("2026-06-05 (day first)"),
            "{help}"
        );
        let help = DataDate::parse("17.05.2026").expect_err("dots");
        assert!(help.contains("write 2026-05-17"), "{help}");
        let help = DataDate::parse("46159").expect_err("a serial day");
        assert!(help.contains("2026-05-17"), "{help}");
        for bad in [
            "2026-02-30",
            "2026-13",
            "2026-5-17",
            "May 2026",
            "26",
            "2026-05-17T00:00",
        ] {
            let help = DataDate::parse(bad).expect_err(bad);
            assert!(help.contains("YYYY-MM-DD"), "{bad}: {help}");
        }
    }
}
