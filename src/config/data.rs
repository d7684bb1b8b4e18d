//! Which datasets a run uses and why: `--data DIR`, `--data embedded`, a `datasets/`
//! folder found in the current directory, or the embedded copy because there is none.
//! Every output names the choice with its reason, and a data error in a folder that was
//! picked up implicitly says so and how to choose another.

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
        Ok(DataUsed { choice, why })
    }

    /// What outputs print after `data: `, with the reason: `datasets/ (found in the
    /// current directory)`, `embedded (no datasets/ here)`, `../x/ (--data)`.
    pub(crate) fn describe(&self) -> String {
        let reason = match (&self.choice, self.why) {
            (DataChoice::Embedded, Why::Given) => "--data embedded",
            (DataChoice::Embedded, _) => "no datasets/ here",
            (DataChoice::Dir(_), Why::Found) => "found in the current directory",
            (DataChoice::Dir(_), _) => "--data",
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
                    .any(|p| std::path::Path::new(&p.location.file).starts_with(dir)) =>
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
