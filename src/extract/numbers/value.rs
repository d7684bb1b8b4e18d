//! The value of a number written in digits, or why it is suspect: grouping broken (a
//! footnote marker fused on in a PDF), not in threes, or a point that may be a decimal
//! point or a thousands separator.

/// The largest number read as a count: beyond it digits are an identifier, a code or a
/// slip, and a claim file could not hold them (TOML writes 1e309 as `inf`).
const LARGEST: f64 = 1e15;

/// A number in digits: its value, or why it is suspect.
pub(crate) fn value(raw: &str) -> (f64, Option<String>) {
    let (v, why) = value_of(raw);
    if v.is_finite() && v < LARGEST {
        return (v, why);
    }
    let shown: String = raw.chars().take(24).collect();
    let more = if raw.chars().count() > 24 { "…" } else { "" };
    (
        0.0,
        Some(format!(
            "{shown}{more}: {} digits, too long a number to be a count",
            raw.chars().filter(char::is_ascii_digit).count()
        )),
    )
}

fn value_of(raw: &str) -> (f64, Option<String>) {
    let parse = |s: &str| s.parse::<f64>().unwrap_or(0.0);
    let sep = raw.chars().find(|c| matches!(c, ',' | ' '));
    let dots = raw.matches('.').count();
    if let Some(sep) = sep {
        let (int, frac) = raw.split_once('.').unwrap_or((raw, ""));
        let groups: Vec<&str> = int.split(sep).collect();
        let ok = (1..=3).contains(&groups[0].len()) && groups[1..].iter().all(|g| g.len() == 3);
        let digits: String = int.chars().filter(char::is_ascii_digit).collect();
        let v = parse(&format!("{digits}.{frac}"));
        if !ok || dots > 1 {
            let good: String = groups[0].to_string()
                + &groups[1..]
                    .iter()
                    .map(|g| g.get(..3).unwrap_or(g))
                    .collect::<Vec<_>>()
                    .join("");
            let tail: String = groups[1..].iter().filter_map(|g| g.get(3..)).collect();
            let why = if groups.last().is_some_and(|g| g.len() > 3) {
                format!(
                    "{raw}: the grouping is broken (a footnote marker fused on? {} then {tail})",
                    crate::numbers::grouped(parse(&good), 0)
                )
            } else {
                format!("{raw}: the grouping is not in threes (a decimal comma?)")
            };
            return (v, Some(why));
        }
        return (v, None);
    }
    if dots == 1 {
        let (int, frac) = raw.split_once('.').unwrap_or((raw, ""));
        if frac.len() == 3 && (1..=3).contains(&int.len()) && int != "0" {
            return (
                parse(raw),
                Some(format!(
                    "{raw}: a decimal point or a thousands separator ({} or {})",
                    parse(raw),
                    crate::numbers::grouped(parse(&format!("{int}{frac}")), 0)
                )),
            );
        }
        return (parse(raw), None);
    }
    if dots > 1 {
        return (
            parse(&raw.replace('.', "")),
            Some(format!(
                "{raw}: points as thousands separators; confirm the figure"
            )),
        );
    }
    (parse(raw), None)
}
