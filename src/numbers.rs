//! Numbers as people read them: thousands grouped, counts with their noun, values
//! rounded for reading. Shared by the domain's messages and the renderers.

/// Digits grouped by thousands with `decimals` places: `8212` -> "8,212".
pub(crate) fn grouped(value: f64, decimals: usize) -> String {
    let text = format!("{:.*}", decimals, value.abs());
    let (int, frac) = text
        .split_once('.')
        .map_or((text.as_str(), None), |(i, f)| (i, Some(f)));
    let mut out = String::new();
    for (i, digit) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    if let Some(frac) = frac {
        out.push('.');
        out.push_str(frac);
    }
    if value < 0.0 && out.chars().any(|c| c.is_ascii_digit() && c != '0') {
        out.insert(0, '-');
    }
    out
}

/// A count with its noun, plural unless one: "1 row", "1,204 rows".
pub(crate) fn counted(n: usize, noun: &str) -> String {
    format!(
        "{} {noun}{}",
        grouped(n as f64, 0),
        if n == 1 { "" } else { "s" }
    )
}

/// A value rounded for reading: whole numbers from 100 up, one decimal from 1, and two
/// significant digits below 1.
pub(crate) fn readable(value: f64) -> String {
    finer(value, 0)
}

/// [`readable`] with `extra` more decimals: the two ends of a narrow interval told
/// apart ("11.27–11.33" where both would read "11.3").
pub(crate) fn finer(value: f64, extra: usize) -> String {
    let magnitude = value.abs();
    if magnitude == 0.0 && extra == 0 {
        "0".to_string()
    } else if magnitude >= 100.0 {
        grouped(value, extra)
    } else if magnitude >= 1.0 || magnitude == 0.0 {
        grouped(value, 1 + extra)
    } else {
        let decimals = (1.0 - magnitude.log10().floor()) as usize;
        format!("{:.*}", decimals + extra, value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms() {
        assert_eq!(grouped(8212.4, 0), "8,212");
        assert_eq!(grouped(1234567.891, 2), "1,234,567.89");
        assert_eq!(readable(9.58), "9.6");
        assert_eq!(readable(0.1218), "0.12");
        assert_eq!(readable(0.0612), "0.061");
        assert_eq!(counted(1, "row"), "1 row");
        assert_eq!(counted(1204, "row"), "1,204 rows");
    }
}
