//! Where a run's datasets come from: a directory, or the copy embedded in the binary.

use std::path::PathBuf;

/// Where the datasets come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum DataChoice {
    Dir(PathBuf),
    Embedded,
}

impl DataChoice {
    /// How outputs name the data they used.
    pub(crate) fn describe(&self) -> String {
        match self {
            DataChoice::Dir(dir) => format!("{}/", dir.display().to_string().trim_end_matches('/')),
            DataChoice::Embedded => "embedded (shipped with the binary)".to_string(),
        }
    }

    /// A short form for tidy output columns.
    pub(crate) fn short(&self) -> String {
        match self {
            DataChoice::Dir(_) => self.describe(),
            DataChoice::Embedded => "embedded".to_string(),
        }
    }
}
