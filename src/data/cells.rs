//! Typed access to the cells of a sheet: the header checked against a schema, then each
//! cell parsed as text, id, number, year or flag, every failure a `Problem` that names
//! the file, line, column and value and says what would be valid.

use std::collections::HashMap;

use crate::error::{choices_help, suggest, Location, Problem};

use super::basics::RowRef;
use super::dates::DataDate;
use super::sheet::{Record, Sheet};

/// The columns a file must have and the ones it may have. Every column of `header` must
/// be in the file, even where its cells are all empty: a column deleted in a spreadsheet
/// would otherwise read as "none given" in every row (ranges, flags and notes vanishing
/// without a word).
pub(crate) struct Schema {
    /// Every column in the order of the shipped files and the README's table.
    pub(crate) header: &'static [&'static str],
    /// The optional columns the README documents as such (`dist`, `weight`, `via`).
    pub(crate) extra: &'static [&'static str],
}

impl Schema {
    /// Every column: the header's, then the optional ones.
    pub(crate) fn all(&self) -> Vec<&'static str> {
        self.header.iter().chain(self.extra).copied().collect()
    }

    /// The header row as the README shows it, and the optional columns it leaves out:
    /// `group,year,central,low,high,source,preferred,note (optional: dist)`.
    pub(crate) fn described(&self) -> String {
        let mut out = self.header.join(",");
        if !self.extra.is_empty() {
            out.push_str(&format!(" (optional: {})", self.extra.join(",")));
        }
        out
    }
}

/// A sheet whose header matched its schema.
pub(crate) struct Columns<'a> {
    sheet: &'a Sheet,
    index: HashMap<&'static str, usize>,
}

/// Checks the header: every column of the schema's header present, no unknown or
/// repeated column.
pub(crate) fn columns<'a>(
    sheet: &'a Sheet,
    schema: &Schema,
    problems: &mut Vec<Problem>,
) -> Option<Columns<'a>> {
    let all = schema.all();
    let expected = schema.described();
    let before = problems.len();
    let mut index = HashMap::new();
    for (i, name) in sheet.header.iter().enumerate() {
        let at = Location::cell(&sheet.file, 1, i + 1, name);
        match all.iter().find(|known| **known == name.as_str()) {
            Some(known) if index.contains_key(known) => problems.push(
                Problem::new(format!("column `{name}` appears twice"), at)
                    .help("delete one of the two columns"),
            ),
            Some(known) => {
                index.insert(*known, i);
            }
            None => {
                let hint = match suggest(name, all.iter().copied()) {
                    Some(best) => format!("did you mean `{best}`? "),
                    None => String::new(),
                };
                problems.push(
                    Problem::new(format!("unknown column `{name}`"), at)
                        .help(format!("{hint}this file's columns are: {expected}")),
                );
            }
        }
    }
    let missing: Vec<String> = schema
        .header
        .iter()
        .filter(|column| !index.contains_key(*column))
        .map(|column| format!("`{column}`"))
        .collect();
    if !missing.is_empty() {
        let (what, them) = match missing.len() {
            1 => ("column", "it"),
            _ => ("columns", "them"),
        };
        problems.push(
            Problem::new(
                format!(
                    "missing {what} {} in the header",
                    missing.join(", ")
                ),
                Location::line(&sheet.file, 1),
            )
            .help(format!(
                "the header row must be: {expected}; add {them} back: a cell may be empty, a column may not be left out"
            )),
        );
    }
    (problems.len() == before).then_some(Columns { sheet, index })
}

impl<'a> Columns<'a> {
    pub(crate) fn records(&self) -> impl Iterator<Item = Cells<'_>> {
        self.sheet.records.iter().map(move |record| Cells {
            columns: self,
            record,
        })
    }
}

/// One record seen through its header.
pub(crate) struct Cells<'a> {
    columns: &'a Columns<'a>,
    record: &'a Record,
}

impl Cells<'_> {
    /// Where the record is, for messages about it.
    pub(crate) fn row_ref(&self) -> RowRef {
        RowRef {
            file: self.file().to_string(),
            line: self.line(),
            header: std::rc::Rc::new(self.header().to_vec()),
        }
    }

    pub(crate) fn line(&self) -> usize {
        self.record.line
    }

    pub(crate) fn file(&self) -> &str {
        &self.columns.sheet.file
    }

    pub(crate) fn header(&self) -> &[String] {
        &self.columns.sheet.header
    }

    /// The location of a column's cell in this record.
    pub(crate) fn at(&self, column: &str) -> Location {
        let index = self.columns.index.get(column).copied().unwrap_or(0);
        Location::cell(self.file(), self.record.line, index + 1, column)
    }

    /// The trimmed text of a cell; empty when the optional column is absent.
    pub(crate) fn text(&self, column: &str) -> &str {
        self.columns
            .index
            .get(column)
            .and_then(|&i| self.record.cells.get(i))
            .map_or("", |cell| cell.as_str())
    }

    pub(crate) fn required(
        &self,
        column: &str,
        what: &str,
        problems: &mut Vec<Problem>,
    ) -> Option<String> {
        let value = self.text(column);
        if value.is_empty() {
            problems.push(
                Problem::new(
                    format!("empty cell: `{column}` is required"),
                    self.at(column),
                )
                .help(format!("write {what}")),
            );
            return None;
        }
        Some(value.to_string())
    }

    /// A lower-case kebab-case id such as `burkina-faso`.
    pub(crate) fn id(&self, column: &str, problems: &mut Vec<Problem>) -> Option<String> {
        let value = self.required(
            column,
            "an id in lower-case kebab-case, e.g. burkina-faso",
            problems,
        )?;
        if is_kebab_id(&value) {
            Some(value)
        } else {
            problems.push(
                Problem::new(format!("not a valid id: \"{value}\""), self.at(column)).help(
                    format!(
                    "ids are lower-case letters and digits joined by single hyphens, e.g. \"{}\"",
                    kebab(&value)
                ),
                ),
            );
            None
        }
    }

    /// A required non-negative number, or positive when `positive` is set.
    pub(crate) fn number(
        &self,
        column: &str,
        positive: bool,
        problems: &mut Vec<Problem>,
    ) -> Option<f64> {
        let value = self.text(column);
        if value.is_empty() {
            problems.push(
                Problem::new(
                    format!("empty cell: `{column}` is required"),
                    self.at(column),
                )
                .help("write a number in plain digits, e.g. 6000"),
            );
            return None;
        }
        self.parse_number(column, value, positive, problems)
    }

    pub(crate) fn optional_number(
        &self,
        column: &str,
        positive: bool,
        problems: &mut Vec<Problem>,
    ) -> Option<Option<f64>> {
        let value = self.text(column);
        if value.is_empty() {
            return Some(None);
        }
        self.parse_number(column, value, positive, problems)
            .map(Some)
    }

    fn parse_number(
        &self,
        column: &str,
        value: &str,
        positive: bool,
        problems: &mut Vec<Problem>,
    ) -> Option<f64> {
        match parse_plain_number(value) {
            Ok(number) if positive && number == 0.0 => {
                problems.push(Problem::new(format!("zero is impossible here: \"{value}\""), self.at(column)).help(format!("`{column}` must be greater than zero; leave the row out if there is no estimate")));
                None
            }
            Ok(number) => Some(number),
            Err(help) => {
                let what = if ambiguous(value).is_some() {
                    "an ambiguous number"
                } else if help.contains("overflows") || help.contains("too small") {
                    "a number out of range"
                } else {
                    "not a number"
                };
                problems.push(
                    Problem::new(format!("{what}: \"{}\"", shorten(value)), self.at(column))
                        .help(help),
                );
                None
            }
        }
    }

    pub(crate) fn year(&self, column: &str, problems: &mut Vec<Problem>) -> Option<i32> {
        let value = self.required(column, "a four-digit year, e.g. 2025", problems)?;
        match value.parse::<i32>() {
            Ok(year) if (1900..=2100).contains(&year) => Some(year),
            _ => {
                problems.push(Problem::new(format!("not a year: \"{value}\""), self.at(column)).help("write one four-digit year between 1900 and 2100, e.g. 2025; put ranges like \"2022-2023\" in the note column"));
                None
            }
        }
    }

    /// An optional date (see [`DataDate`]): empty, a day, a month or a year.
    pub(crate) fn date(&self, column: &str, problems: &mut Vec<Problem>) -> Option<String> {
        let value = self.text(column);
        if value.is_empty() {
            return Some(String::new());
        }
        match DataDate::parse(value) {
            Ok(_) => Some(value.to_string()),
            Err(help) => {
                problems.push(
                    Problem::new(
                        format!("not a date: \"{}\"", shorten(value)),
                        self.at(column),
                    )
                    .help(help),
                );
                None
            }
        }
    }

    /// `yes`/`no` (also `true`/`false`, `1`/`0`, empty = no).
    pub(crate) fn flag(&self, column: &str, problems: &mut Vec<Problem>) -> Option<bool> {
        match self.text(column).to_ascii_lowercase().as_str() {
            "" | "no" | "false" | "0" => Some(false),
            "yes" | "true" | "1" => Some(true),
            other => {
                problems.push(
                    Problem::new(format!("not yes or no: \"{other}\""), self.at(column))
                        .help("write yes, or leave the cell empty for no"),
                );
                None
            }
        }
    }

    /// A value from a closed vocabulary.
    pub(crate) fn choice(
        &self,
        column: &str,
        valid: &[&str],
        problems: &mut Vec<Problem>,
    ) -> Option<String> {
        let value = self.required(column, "one of the listed values", problems)?;
        if valid.contains(&value.as_str()) {
            Some(value)
        } else {
            problems.push(
                Problem::new(format!("unknown {column}: \"{value}\""), self.at(column))
                    .help(choices_help(&value, valid)),
            );
            None
        }
    }
}

/// Parses plain digits with an optional decimal part. The error is a help text that
/// says how to write the value instead.
pub(crate) fn parse_plain_number(value: &str) -> Result<f64, String> {
    if let Some(help) = ambiguous(value) {
        return Err(help);
    }
    let plain = !value.is_empty()
        && value.chars().all(|c| c.is_ascii_digit() || c == '.')
        && value.chars().filter(|&c| c == '.').count() <= 1
        && value.starts_with(|c: char| c.is_ascii_digit())
        && !value.ends_with('.');
    if plain {
        let number = value
            .parse::<f64>()
            .map_err(|_| "write plain digits, e.g. 6000".to_string())?;
        if !number.is_finite() {
            return Err(format!("{} digits are too many: the number overflows to infinity (the largest is about 1.8e308); check the value", value.len()));
        }
        if number == 0.0 && value.bytes().any(|b| (b'1'..=b'9').contains(&b)) {
            return Err("the number is too small to compute with: it rounds to zero (the smallest is about 2.2e-308); check the value".to_string());
        }
        return Ok(number);
    }
    Err(if value.starts_with('-') {
        "must not be negative: counts, people and areas are zero or more".to_string()
    } else if value.contains(',') || value.contains(' ') || value.contains('_') {
        "write plain digits without thousands separators, e.g. 6000 not 6,000".to_string()
    } else if value.chars().any(|c| c.is_ascii_alphabetic()) {
        "write the full number in plain digits, e.g. 6000 not 6k; put words like \"about\" or \"up to\" in the note column".to_string()
    } else {
        "write plain digits, e.g. 6000; put qualifiers like ~ or \"about\" in the note column and ranges in low and high".to_string()
    })
}

/// Numbers a spreadsheet habit makes ambiguous, with how each could be read and what
/// to write: `7.000` (seven, or seven thousand with a European thousands separator),
/// `7,000.5` and `7.000,5` (thousands separators around a decimal mark), `7,000`.
pub(crate) fn ambiguous(value: &str) -> Option<String> {
    // Groups of three digits after a first group of one to three, not starting with 0.
    let grouped = |text: &str, separator: char| {
        let mut groups = text.split(separator);
        let first = groups.next().unwrap_or_default();
        let rest: Vec<&str> = groups.collect();
        !rest.is_empty()
            && (1..=3).contains(&first.len())
            && !first.starts_with('0')
            && first.chars().all(|c| c.is_ascii_digit())
            && rest
                .iter()
                .all(|g| g.len() == 3 && g.chars().all(|c| c.is_ascii_digit()))
    };
    let digits = |text: &str| !text.is_empty() && text.chars().all(|c| c.is_ascii_digit());
    let joined = |text: &str, separator: char| text.replace(separator, "");
    if grouped(value, '.') {
        let thousands = joined(value, '.');
        let decimal = value.trim_end_matches('0').trim_end_matches('.');
        return Some(if value.matches('.').count() > 1 {
            format!("the dots can only be thousands separators: write {thousands}")
        } else {
            format!("this reads as {decimal} with a decimal point, or as {thousands} with a dot as thousands separator (the European way); write {thousands} or {decimal}, in plain digits")
        });
    }
    for (thousands, decimal) in [(',', '.'), ('.', ',')] {
        if let Some((whole, fraction)) = value.split_once(decimal) {
            if grouped(whole, thousands) && digits(fraction) {
                let plain = format!("{}.{fraction}", joined(whole, thousands));
                return Some(format!("this reads as {plain} with `{thousands}` as thousands separator and `{decimal}` as decimal mark; write {plain}: plain digits and a decimal point"));
            }
        }
    }
    if grouped(value, ',') {
        let thousands = joined(value, ',');
        return Some(if value.matches(',').count() > 1 {
            format!("write plain digits without thousands separators: {thousands}")
        } else {
            let decimal = value.replace(',', ".");
            let decimal = decimal.trim_end_matches('0').trim_end_matches('.');
            format!("this reads as {thousands} with a comma as thousands separator, or as {decimal} with a decimal comma; write {thousands} or {decimal}, in plain digits")
        });
    }
    if let Some((whole, fraction)) = value.split_once(',') {
        if digits(whole) && digits(fraction) && !fraction.contains(',') {
            let decimal = format!("{whole}.{fraction}");
            return Some(format!(
                "a decimal comma: write {decimal}, with a decimal point"
            ));
        }
    }
    None
}

/// A cell's value for a message: at most 40 characters, with how many more there were.
fn shorten(value: &str) -> String {
    let count = value.chars().count();
    if count <= 40 {
        return value.to_string();
    }
    let head: String = value.chars().take(40).collect();
    format!("{head}… ({count} characters)")
}

pub(crate) fn is_kebab_id(value: &str) -> bool {
    !value.is_empty()
        && value.split('-').all(|part| {
            !part.is_empty()
                && part
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

/// The kebab-case form of a name, for help texts.
fn kebab(value: &str) -> String {
    let lowered: String = value
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    lowered
        .split('-')
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_numbers_only() {
        assert_eq!(parse_plain_number("6000"), Ok(6000.0));
        assert_eq!(parse_plain_number("97.5"), Ok(97.5));
        let huge = format!("2{}", "0".repeat(308));
        let tiny = format!("0.{}1", "0".repeat(400));
        assert!(parse_plain_number(&huge).is_err(), "overflow to infinity");
        assert!(parse_plain_number(&tiny).is_err(), "underflow to zero");
        assert_eq!(parse_plain_number("0.000"), Ok(0.0));
        assert_eq!(parse_plain_number("0.125"), Ok(0.125));
        assert_eq!(parse_plain_number("1240.192"), Ok(1240.192));
        for bad in ["6,000", "~6000", "6k", "-5", "1e3", "6000.", ".5", "6 000"] {
            assert!(parse_plain_number(bad).is_err(), "{bad} accepted");
        }
    }

    #[test]
    fn ambiguous_numbers_say_how_they_read() {
        let help = parse_plain_number("7.000").expect_err("ambiguous");
        assert!(
            help.contains("reads as 7 ") && help.contains("7000"),
            "{help}"
        );
        let help = parse_plain_number("7,000.5").expect_err("ambiguous");
        assert!(help.contains("write 7000.5"), "{help}");
        let help = parse_plain_number("7.000,5").expect_err("ambiguous");
        assert!(help.contains("write 7000.5"), "{help}");
        let help = parse_plain_number("6,000").expect_err("ambiguous");
        assert!(
            help.contains("6000") && help.contains("as 6 with"),
            "{help}"
        );
        let help = parse_plain_number("1.234.567").expect_err("ambiguous");
        assert!(help.contains("1234567"), "{help}");
        let help = parse_plain_number("97,5").expect_err("decimal comma");
        assert!(help.contains("97.5"), "{help}");
        for fine in ["97.5", "12.25", "0.500", "6000", "1240.1925"] {
            assert!(ambiguous(fine).is_none(), "{fine}");
        }
    }

    #[test]
    fn kebab_ids() {
        assert!(is_kebab_id("burkina-faso"));
        assert!(!is_kebab_id("Burkina Faso"));
        assert!(!is_kebab_id("al--shabaab"));
        assert_eq!(kebab("Burkina Faso"), "burkina-faso");
    }
}
