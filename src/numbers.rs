//! Numbers as people read them: thousands grouped, counts with their noun, values
//! rounded for reading, items listed in a sentence. Shared by the domain's messages and the renderers.

/// Items in a sentence: "a", "a and b", "a, b and c".
pub(crate) fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// Numbers in the order given, each run of at least `shortest` consecutive ones (rising,
/// or falling when the list falls) written as one span, lowest first: "1, 2, 4–6";
/// years latest first, "2025, 2024, 2021" and "1960–2025".
pub(crate) fn spans(values: &[i64], shortest: usize) -> String {
    let step = match values {
        [a, b, ..] if b < a => -1,
        _ => 1,
    };
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < values.len() {
        let mut j = i;
        while j + 1 < values.len() && values[j + 1] == values[j] + step {
            j += 1;
        }
        if j + 1 - i >= shortest.max(2) {
            let (low, high) = (values[i].min(values[j]), values[i].max(values[j]));
            parts.push(format!("{low}–{high}"));
        } else {
            parts.extend(values[i..=j].iter().map(|v| v.to_string()));
        }
        i = j + 1;
    }
    parts.join(", ")
}

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

/// A two-digit year as the tool reads it everywhere (event dates, spreadsheet dates):
/// `00` to `49` are 2000 to 2049, `50` to `99` are 1950 to 1999.
pub(crate) fn two_digit_year(yy: u32) -> i32 {
    let yy = i32::try_from(yy % 100).unwrap_or(0);
    if yy < 50 {
        2000 + yy
    } else {
        1900 + yy
    }
}

/// How a two-digit year is read, as messages and notes say it.
pub(crate) const TWO_DIGIT_YEARS: &str =
    "two-digit years are read as 1950 to 2049 (`10-May-96` is 1996, `9-May-20` is 2020)";

/// The month a word names, 1 to 12: its name in full or its three-letter abbreviation
/// ("Sept" too, a trailing full stop allowed), in any case; never a word that merely
/// starts like one ("Mayonnaise"). One rule for event dates and for prose.
pub(crate) fn month_number(word: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let lower = word.trim_end_matches('.').to_ascii_lowercase();
    MONTHS
        .iter()
        .position(|m| lower == *m || lower == m[..3] || (lower == "sept" && m.starts_with("sep")))
        .map(|i| i as u32 + 1)
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

/// A bound written as exactly as it needs: the fewest extra decimals (up to four) that
/// give it to within a millionth, so an accepted band's "0.105" never reads "0.10".
pub(crate) fn exact(value: f64) -> String {
    (0..=4)
        .map(|extra| finer(value, extra))
        .find(|text| close(parse(text), value))
        .unwrap_or_else(|| finer(value, 4))
}

/// A value written beside the bounds it is judged against (as [`exact`] writes them),
/// with the decimals it takes to stay on its side of each: 0.0948 against a low of 0.095
/// reads "0.0948", never "0.095".
pub(crate) fn against(value: f64, bounds: &[f64]) -> String {
    let side = |a: f64, b: f64| a.partial_cmp(&b);
    (0..=4)
        .map(|extra| finer(value, extra))
        .find(|text| {
            let shown = parse(text);
            bounds
                .iter()
                .all(|&b| side(shown, parse(&exact(b))) == side(value, b) || close(value, b))
        })
        .unwrap_or_else(|| finer(value, 4))
}

fn parse(text: &str) -> f64 {
    text.replace(',', "").parse().unwrap_or(f64::NAN)
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * b.abs().max(f64::MIN_POSITIVE)
}

#[cfg(test)]
mod tests {

    #[test]
    fn runs_become_spans_in_either_direction() {
        assert_eq!(spans(&[1, 2, 4, 5, 6, 9], 3), "1, 2, 4–6, 9");
        assert_eq!(spans(&[2025, 2024, 2021], 3), "2025, 2024, 2021");
        assert_eq!(spans(&[2025, 2024, 2023, 2020], 3), "2023–2025, 2020");
        assert_eq!(spans(&[2008, 2009, 2011], 2), "2008–2009, 2011");
    }
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

    #[test]
    fn months_by_name_or_abbreviation() {
        // "Oct", "Nov" and "Dec" were months 11, 12 and 1 in prose ("Sept" shifted them).
        assert_eq!(month_number("Oct"), Some(10));
        assert_eq!(month_number("dec."), Some(12));
        assert_eq!(month_number("Sept"), Some(9));
        assert_eq!(month_number("May"), Some(5));
        assert_eq!(month_number("Mayonnaise"), None);
    }

    #[test]
    fn bounds_and_values_beside_them() {
        assert_eq!(exact(0.105), "0.105");
        assert_eq!(exact(0.095), "0.095");
        assert_eq!(exact(7600.0), "7,600");
        assert_eq!(exact(674.5), "674.5");
        assert_eq!(exact(4.5), "4.5");
        assert_eq!(against(0.0948, &[0.095, 0.105]), "0.0948");
        assert_eq!(against(0.1034, &[0.095, 0.105]), "0.10");
        assert_eq!(against(0.10504, &[0.095, 0.105]), "0.11");
        assert_eq!(against(8212.0, &[7600.0, 8400.0]), "8,212");
    }
}
