//! Where a run's datasets come from: a directory, or the copy embedded in the binary.

use std::path::PathBuf;

/// Where the datasets come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum DataChoice {
    Dir(PathBuf),
    Embedded,
}

impl DataChoice {
    /// How outputs name the data they used: `datasets/` or `embedded` (the `data`
    /// column of tidy output, the report's stamp).
    pub(crate) fn short(&self) -> String {
        match self {
            DataChoice::Dir(dir) => format!("{}/", dir.display().to_string().trim_end_matches('/')),
            DataChoice::Embedded => "embedded".to_string(),
        }
    }
}
