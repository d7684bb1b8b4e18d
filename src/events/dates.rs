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
        let parts: Vec<&str> = date.split('/').collect();
        if let [d, m, y] = parts.as_slice() {
            return checked(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
        }
        return None;
    }
    let words: Vec<&str> = text.split([' ', '-']).filter(|w| !w.is_empty()).collect();
    if let [d, m, y] = words.as_slice() {
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
    let parts: Vec<&str> = text.split('-').collect();
    match parts.as_slice() {
        [y, m, d] if y.len() == 4 => checked(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?),
        _ => None,
    }
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
