//! The errors the tool reports, in one vocabulary. A `Problem` is one thing wrong with
//! an input, placed at a real `Location`: a file with its line, column and column name
//! or key, or a flag as typed. An `Error` stops a command: problems in the data (exit
//! 1), a usage mistake (exit 2), a file that cannot be read or written (exit 1). A
//! command that ran to the end but found what it checks failing is no error: its
//! `Outcome` carries a typed `Failure` (`outcome.rs`). A reason found deep in the
//! domain (a cell that does not parse, a figure a query cannot give) becomes a
//! `Problem` where its caller knows the place; a test holds that no place is made up.

use std::fmt;

/// What a problem location names after the line and column: a CSV column or a TOML key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Field {
    Column(String),
    Key(String),
}

/// What a location is in: a file (a path as given, or a name such as `countries.csv`),
/// or a flag on the command line as typed (`--set jnim.fighters=0`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    File(String),
    Flag(String),
}

/// Where in an input a problem sits. Lines and columns are 1-based; the header is line 1.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub origin: Origin,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub field: Option<Field>,
}

impl Location {
    pub fn file(file: &str) -> Self {
        Location {
            origin: Origin::File(file.to_string()),
            line: None,
            column: None,
            field: None,
        }
    }

    /// A flag as typed, with its name: `Location::flag("--set", "jnim.fighters=0")`.
    pub fn flag(flag: &str, value: &str) -> Self {
        Location {
            origin: Origin::Flag(format!("{flag} {value}")),
            line: None,
            column: None,
            field: None,
        }
    }

    /// The file the location is in; `None` for a flag.
    pub fn in_file(&self) -> Option<&str> {
        match &self.origin {
            Origin::File(file) => Some(file),
            Origin::Flag(_) => None,
        }
    }

    pub fn line(file: &str, line: usize) -> Self {
        Location {
            line: Some(line),
            ..Location::file(file)
        }
    }

    pub fn cell(file: &str, line: usize, column: usize, name: &str) -> Self {
        Location {
            line: Some(line),
            column: Some(column),
            field: Some(Field::Column(name.to_string())),
            ..Location::file(file)
        }
    }

    pub fn key(file: &str, line: usize, column: usize, key: &str) -> Self {
        Location {
            line: Some(line),
            column: Some(column),
            field: Some(Field::Key(key.to_string())),
            ..Location::file(file)
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.origin {
            Origin::File(file) => write!(f, "{file}")?,
            Origin::Flag(flag) => write!(f, "the flag `{flag}`")?,
        }
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(column) = self.column {
                write!(f, ":{column}")?;
            }
        }
        match &self.field {
            Some(Field::Column(name)) => write!(f, " (column `{name}`)"),
            Some(Field::Key(key)) => write!(f, " (key `{key}`)"),
            None => Ok(()),
        }
    }
}

/// One thing wrong with the input, shown the way a compiler shows a source span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub message: String,
    /// Boxed so that `Result<_, Problem>` stays small on the happy path.
    pub location: Box<Location>,
    pub help: Option<String>,
}

impl Problem {
    pub fn new(message: impl Into<String>, location: Location) -> Self {
        Problem {
            message: message.into(),
            location: Box::new(location),
            help: None,
        }
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "error: {}\n  --> {}",
            bounded(&self.message),
            bounded(&self.location.to_string())
        )?;
        if let Some(help) = &self.help {
            write!(f, "\n   = help: {}", bounded(help))?;
        }
        Ok(())
    }
}

/// The longest part of a message shown whole: an input can put a megabyte into one (an
/// unknown id, the members of a zip), and a terminal needs its start, not all of it.
const LONGEST: usize = 1_000;

/// `text`, or its first [`LONGEST`] characters and how many more there were.
pub(crate) fn bounded(text: &str) -> std::borrow::Cow<'_, str> {
    match text.char_indices().nth(LONGEST) {
        None => std::borrow::Cow::Borrowed(text),
        Some((cut, _)) => std::borrow::Cow::Owned(format!(
            "{}… ({} characters more)",
            &text[..cut],
            text[cut..].chars().count()
        )),
    }
}

/// Everything that stops a command. A command that ran but found failures (claims that
/// do not hold, a stale report) is not an error: it returns an `Outcome` that says so.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The command line asks for something impossible (exit 2).
    #[error("error: {}", bounded(.0))]
    Usage(String),
    /// The data is invalid or a metric cannot be computed; every problem found (exit 1).
    #[error("{}", list(.0))]
    Data(Vec<Problem>),
    /// A file could not be read or written (exit 1).
    #[error("error: {context}: {source}")]
    Io {
        context: String,
        #[source]
        source: std::io::Error,
    },
    /// An error and a note on how it came about, e.g. which data was used and why.
    #[error("{error}\n{note}")]
    Noted { error: Box<Error>, note: String },
}

impl Error {
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Usage(_) => 2,
            Error::Data(_) | Error::Io { .. } => 1,
            Error::Noted { error, .. } => error.exit_code(),
        }
    }

    pub(crate) fn io(context: impl Into<String>, source: std::io::Error) -> Self {
        Error::Io {
            context: context.into(),
            source,
        }
    }
}

/// Every problem, a blank line between them, then how many.
fn list(problems: &[Problem]) -> String {
    let mut out = String::new();
    for (i, problem) in problems.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(&format!("{problem}\n"));
    }
    out.push_str(&format!(
        "{} found",
        crate::numbers::counted(problems.len(), "problem")
    ));
    out
}

impl From<Vec<Problem>> for Error {
    fn from(problems: Vec<Problem>) -> Self {
        Error::Data(problems)
    }
}

/// At most this many ids follow "did you mean".
const CLOSEST: usize = 5;
/// Lists of at most this many choices are shown whole (units, qualifiers, measures).
const SHORT_LIST: usize = 8;

/// Whether `candidate` is close enough to `wrong` to suggest: about a third of the
/// characters differ at most (Damerau-Levenshtein) and neither is the other with two or
/// more letters added (`nigeria` is another country than `niger`, not a typo), or
/// `wrong` is its first word (`burkina` for `burkina-faso`).
fn close_to(wrong: &str, candidate: &str) -> Option<usize> {
    let distance = strsim::damerau_levenshtein(wrong, candidate);
    let (a, b) = (wrong.chars().count(), candidate.chars().count());
    let extended =
        (wrong.starts_with(candidate) || candidate.starts_with(wrong)) && a.abs_diff(b) >= 2;
    let similar = distance * 3 <= a.max(b) + 1 && distance <= 3 && !extended;
    let first_word = a >= 3 && candidate.starts_with(&format!("{wrong}-"));
    match (first_word, similar) {
        (true, _) => Some(0),
        (false, true) => Some(distance),
        (false, false) => None,
    }
}

/// The valid choices closest to `wrong` (all at the smallest distance), at most
/// [`CLOSEST`].
pub fn closest<'a>(wrong: &str, valid: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    // A value this long is no typo of an id: no edit distance is worth its time.
    if wrong.len() > 100 {
        return Vec::new();
    }
    let close: Vec<(usize, &str)> = valid
        .into_iter()
        .filter(|c| *c != wrong)
        .filter_map(|c| close_to(wrong, c).map(|d| (d, c)))
        .collect();
    let Some(best) = close.iter().map(|(d, _)| *d).min() else {
        return Vec::new();
    };
    close
        .into_iter()
        .filter(|(d, _)| *d == best)
        .take(CLOSEST)
        .map(|(_, c)| c)
        .collect()
}

/// A `did you mean` hint when `wrong` is close to one of `valid`.
pub fn suggest<'a>(wrong: &str, valid: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    closest(wrong, valid).first().copied()
}

fn did_you_mean(close: &[&str]) -> Option<String> {
    let quoted: Vec<String> = close.iter().map(|c| format!("`{c}`")).collect();
    match quoted.as_slice() {
        [] => None,
        [one] => Some(format!("did you mean {one}?")),
        [first, rest @ ..] => Some(format!("did you mean {first} (or {})?", rest.join(", "))),
    }
}

/// Help for a wrong choice: the closest few first; a short list of choices whole, a
/// long one only counted.
pub fn choices_help(wrong: &str, valid: &[&str]) -> String {
    let close = closest(wrong, valid.iter().copied());
    let rest = if valid.len() <= SHORT_LIST {
        format!("valid: {}", valid.join(", "))
    } else {
        format!("{} valid choices", valid.len())
    };
    match did_you_mean(&close) {
        Some(hint) => format!("{hint} {rest}"),
        None => rest,
    }
}

/// The kinds of ids the data defines, each listed by `insurgency-metrics list KIND`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ids {
    Comparisons,
    Metrics,
    Groups,
    Countries,
    Sources,
}

impl Ids {
    fn name(self) -> &'static str {
        match self {
            Ids::Comparisons => "comparisons",
            Ids::Metrics => "metrics",
            Ids::Groups => "groups",
            Ids::Countries => "countries",
            Ids::Sources => "sources",
        }
    }

    /// The file a new id of this kind goes in; none for metrics, which are built in.
    fn file(self) -> Option<&'static str> {
        match self {
            Ids::Comparisons => Some("comparisons.toml"),
            Ids::Metrics => None,
            Ids::Groups => Some("groups.csv"),
            Ids::Countries => Some("countries.csv"),
            Ids::Sources => Some("sources.csv"),
        }
    }
}

/// Help for an unknown id: at most a handful of close ones, and the command that lists
/// them all; when none is close, that the id could be added to its file.
pub fn ids_help(wrong: &str, valid: &[&str], ids: Ids) -> String {
    let list = format!(
        "`insurgency-metrics list {}` lists all {}",
        ids.name(),
        valid.len()
    );
    match did_you_mean(&closest(wrong, valid.iter().copied())) {
        Some(hint) => format!("{hint} {list}"),
        None => match ids.file() {
            Some(file) => format!("none is close; {list}, or add `{wrong}` to {file} to use it"),
            None => format!("none is close; {list}"),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nigeria_is_not_niger() {
        assert_eq!(suggest("nigeria", ["niger", "mali"]), None);
        let help = ids_help("nigeria", &["niger", "mali"], Ids::Countries);
        assert!(help.contains("add `nigeria` to countries.csv"), "{help}");
        assert!(help.contains("insurgency-metrics list countries"), "{help}");
    }

    #[test]
    fn typos_and_first_words_are_suggested() {
        assert_eq!(suggest("alpha-sn", ["alpha-ns", "beta"]), Some("alpha-ns"));
        assert_eq!(suggest("mli", ["mali", "niger"]), Some("mali"));
        assert_eq!(suggest("burkina", ["burkina-faso"]), Some("burkina-faso"));
        assert_eq!(suggest("alfa", ["alpha"]), Some("alpha"));
        assert_eq!(suggest("somalia", ["mali"]), None);
        assert_eq!(suggest("niger", ["nigeria"]), None);
    }

    #[test]
    fn at_most_five_suggestions_and_a_long_list_only_counted() {
        let many: Vec<String> = (0..74).map(|i| format!("src-{i:02}")).collect();
        let valid: Vec<&str> = many.iter().map(String::as_str).collect();
        let help = choices_help("src-1", &valid);
        assert_eq!(help.matches('`').count(), 10, "{help}");
        assert!(help.ends_with("74 valid choices"), "{help}");
        let help = ids_help("src-1", &valid, Ids::Sources);
        assert!(
            help.ends_with("`insurgency-metrics list sources` lists all 74"),
            "{help}"
        );
    }
}
