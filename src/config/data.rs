//! Which datasets a run uses and why: `--data DIR`, `--data embedded`, a `datasets/`
//! folder found in the current directory, or the embedded copy because there is none.
//! Every output names the choice with its reason, and a data error in a folder that was
//! picked up implicitly says so and how to choose another. A switch to the embedded copy
//! that nobody asked for (a run from a subfolder) is a warning before any output, naming
//! the `datasets/` folder above when there is one.

use std::path::{Path, PathBuf};

use crate::data::DataChoice;
use crate::error::Error;

/// Why the data is what it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Why {
    /// `--data DIR` or `--data embedded`.
    Given,
    /// `datasets/` was in the current directory.
    Found,
    /// No `--data` and no `datasets/` here: the embedded copy.
    NoneHere,
}

/// The datasets of a run and the reason they were chosen.
#[derive(Debug, Clone)]
pub(crate) struct DataUsed {
    pub(crate) choice: DataChoice,
    pub(crate) why: Why,
    /// For the embedded copy used because there is no `datasets/` here: the nearest one
    /// in a directory above, relative to here (`../datasets`), which is not used.
    pub(crate) above: Option<PathBuf>,
}

impl DataUsed {
    /// `--data DIR` (which must be a directory) or `--data embedded` when given; else
    /// `default` when it exists; else the embedded copy.
    pub(crate) fn choose(flag: Option<&Path>, default: &Path) -> Result<DataUsed, Error> {
        let (choice, why) = match flag {
            Some(dir) if dir == Path::new("embedded") => (DataChoice::Embedded, Why::Given),
            Some(dir) if dir.is_dir() => (DataChoice::Dir(dir.to_path_buf()), Why::Given),
            Some(dir) => {
                return Err(Error::Usage(format!(
                    "--data {}: no such directory; give the folder that holds fighters.csv, \
                     population.csv, comparisons.toml, ..., or `--data embedded` for the \
                     shipped datasets",
                    dir.display()
                )))
            }
            None if default.is_dir() => (DataChoice::Dir(default.to_path_buf()), Why::Found),
            None => (DataChoice::Embedded, Why::NoneHere),
        };
        let above = (why == Why::NoneHere).then(|| above(default)).flatten();
        Ok(DataUsed { choice, why, above })
    }

    /// The warning for a run that fell back to the embedded copy without being asked:
    /// figures from other data than the user's folder deserve more than a parenthesis.
    pub(crate) fn warning(&self) -> Option<String> {
        if self.why != Why::NoneHere {
            return None;
        }
        Some(match &self.above {
            Some(dir) => format!(
                "warning: no datasets/ in the current directory: the figures come from the embedded copy of the shipped datasets, not from {0}/ above; give --data {0} to use that folder (or run from where it is), or --data embedded to choose the copy on purpose",
                dir.display()
            ),
            None => "warning: no datasets/ in the current directory: the figures come from the embedded copy of the shipped datasets, not from a folder of files; give --data DIR to use one, or --data embedded to choose the copy on purpose".to_string(),
        })
    }

    /// The value of the `--data` flag that chooses this data again from the same
    /// directory: none for `datasets/` found here, `embedded` for the embedded copy
    /// however it was chosen, the folder relative to here otherwise.
    pub(crate) fn flag(&self) -> Option<String> {
        match (&self.choice, self.why) {
            (DataChoice::Dir(_), Why::Found) => None,
            (DataChoice::Embedded, _) => Some("embedded".to_string()),
            (DataChoice::Dir(dir), _) => Some(
                crate::report::stamp::relative(dir)
                    .trim_end_matches('/')
                    .to_string(),
            ),
        }
    }

    /// What outputs print after `data: `, with the reason: `datasets/ (found in the
    /// current directory)`, `embedded (no datasets/ here)`, `../x/ (--data)`.
    pub(crate) fn describe(&self) -> String {
        let reason = match (&self.choice, self.why) {
            (DataChoice::Embedded, Why::Given) => "--data embedded".to_string(),
            (DataChoice::Embedded, _) => match &self.above {
                Some(dir) => format!("no datasets/ here; {}/ above is not used", dir.display()),
                None => "no datasets/ here".to_string(),
            },
            (DataChoice::Dir(_), Why::Found) => "found in the current directory".to_string(),
            (DataChoice::Dir(_), _) => "--data".to_string(),
        };
        format!("{} ({reason})", self.choice.short())
    }

    /// A data error in a folder used only because it was there says so, and how to
    /// choose another folder or the embedded copy.
    pub(crate) fn explain(&self, error: Error) -> Error {
        match (&self.choice, self.why, &error) {
            // Only a problem in the data folder's files: not a claim file's or a document's.
            (DataChoice::Dir(dir), Why::Found, Error::Data(problems))
                if problems
                    .iter()
                    .filter_map(|p| p.location.in_file())
                    .any(|file| Path::new(file).starts_with(dir)) =>
            {
                Error::Noted {
                    note: format!(
                        "note: {} was used because it is in the current directory; use\n  \
                     --data DIR for another folder, or --data embedded for the shipped datasets",
                        self.choice.short()
                    ),
                    error: Box::new(error),
                }
            }
            _ => error,
        }
    }
}

/// The nearest `datasets/` folder (one with a comparisons.toml) in a directory above the
/// current one, as a path from here: `../datasets`, `../../datasets`.
fn above(default: &Path) -> Option<PathBuf> {
    let here = std::env::current_dir().ok()?;
    let mut up = PathBuf::new();
    for dir in here.ancestors().skip(1) {
        up.push("..");
        if dir.join(default).join("comparisons.toml").is_file() {
            return Some(up.join(default));
        }
    }
    None
}

/// The path a `--data` flag names, given before or after the command.
pub(crate) fn flag(
    before: Option<PathBuf>,
    after: Option<PathBuf>,
) -> Result<Option<PathBuf>, Error> {
    match (before, after) {
        (Some(a), Some(b)) if a != b => Err(Error::Usage(format!(
            "--data given twice ({} and {}): give one",
            a.display(),
            b.display()
        ))),
        (a, b) => Ok(b.or(a)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_choice_says_why() {
        let embedded = DataUsed::choose(Some(Path::new("embedded")), Path::new("nowhere"));
        assert_eq!(
            embedded.expect("embedded").describe(),
            "embedded (--data embedded)"
        );
        let none = DataUsed::choose(None, Path::new("no-such-folder-here")).expect("embedded");
        assert_eq!(none.describe(), "embedded (no datasets/ here)");
        let found = DataUsed::choose(None, Path::new("src")).expect("found");
        assert_eq!(found.describe(), "src/ (found in the current directory)");
        let given = DataUsed::choose(Some(Path::new("src")), Path::new("x")).expect("given");
        assert_eq!(given.describe(), "src/ (--data)");
    }
}
