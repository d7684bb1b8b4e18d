//! The date formats event exports come in: ISO `2025-05-16`, ACLED's `16 May 2025` and
//! `9-May-20`, and UCDP's website `10/06/2023 00:00:00` (day first).

/// (year, month, day) of a date, or `None` when it is none of the known formats.
pub fn parse(text: &str) -> Option<(i32, u32, u32)> {
    let text = text.trim();
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

fn iso(text: &str) -> Option<(i32, u32, u32)> {
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

fn checked(year: i32, month: u32, day: u32) -> Option<(i32, u32, u32)> {
    ((1900..=2100).contains(&year) && (1..=12).contains(&month) && (1..=31).contains(&day))
        .then_some((year, month, day))
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
        for bad in [
            "",
            "NA",
            "2025-13-01",
            "16 Mai 2025",
            "yesterday",
            "2025/05/16",
        ] {
            assert_eq!(parse(bad), None, "{bad}");
        }
    }
}
