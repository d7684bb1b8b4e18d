//! The errors the tool reports: data problems that point at a cell, usage mistakes and
//! I/O failures, each with the exit code it maps to (1 data, 2 usage).

use std::fmt;

/// What a problem location names after the line and column: a CSV column or a TOML key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Field {
    Column(String),
    Key(String),
}

/// Where in an input a problem sits. Lines and columns are 1-based; the header is line 1.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub file: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub field: Option<Field>,
}

impl Location {
    pub fn file(file: &str) -> Self {
        Location {
            file: file.to_string(),
            line: None,
            column: None,
            field: None,
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
            file: file.to_string(),
            line: Some(line),
            column: Some(column),
            field: Some(Field::Column(name.to_string())),
        }
    }

    pub fn key(file: &str, line: usize, column: usize, key: &str) -> Self {
        Location {
            file: file.to_string(),
            line: Some(line),
            column: Some(column),
            field: Some(Field::Key(key.to_string())),
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
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
        write!(f, "error: {}\n  --> {}", self.message, self.location)?;
        if let Some(help) = &self.help {
            write!(f, "\n   = help: {help}")?;
        }
        Ok(())
    }
}

/// Everything that stops a command. A command that ran but found failures (claims that
/// do not hold, a stale report) is not an error: it returns an `Outcome` that says so.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The command line asks for something impossible (exit 2).
    #[error("error: {0}")]
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
}

impl Error {
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Usage(_) => 2,
            Error::Data(_) | Error::Io { .. } => 1,
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

/// A `did you mean` hint when `wrong` is close to one of `valid`.
pub fn suggest<'a>(wrong: &str, valid: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    valid
        .into_iter()
        .map(|candidate| (strsim::damerau_levenshtein(wrong, candidate), candidate))
        .filter(|(distance, candidate)| *distance <= 2.max(candidate.len() / 4))
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}

/// Help text listing the valid choices, with a suggestion first when one is close.
pub fn choices_help(wrong: &str, valid: &[&str]) -> String {
    let list = valid.join(", ");
    match suggest(wrong, valid.iter().copied()) {
        Some(best) => format!("did you mean `{best}`? valid: {list}"),
        None => format!("valid: {list}"),
    }
}
