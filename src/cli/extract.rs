//! The flags of `extract`, and the one `check` takes for a document.

use std::path::PathBuf;

use clap::{Args, ValueEnum, ValueHint};

use super::{DataArgs, ExcelArgs};

/// What `extract` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ExtractFormat {
    /// A claim file `check` reads, alternatives in comments.
    Toml,
    /// One row per statement.
    Csv,
    /// One object per statement.
    Json,
    /// A table of the statements, for reading.
    Markdown,
}

#[derive(Debug, Args)]
pub(crate) struct ExtractArgs {
    /// The document: plain text, Markdown, HTML or PDF, told apart by its content.
    #[arg(value_name = "DOCUMENT", value_hint = ValueHint::FilePath)]
    pub(crate) document: PathBuf,

    /// Where to write the drafted claims; standard output when not given (or `-`).
    /// An existing file is replaced only when the tool drafted it, or with `--force`.
    #[arg(long, value_name = "FILE", value_hint = ValueHint::FilePath)]
    pub(crate) out: Option<PathBuf>,

    /// Overwrite `--out` even when insurgency-metrics did not write it.
    #[arg(long)]
    pub(crate) force: bool,

    /// Output format: `toml` (a claim file for `check`), `csv` or `json` (one row per
    /// statement) or `markdown` (a table).
    #[arg(long, value_enum, default_value_t = ExtractFormat::Toml)]
    pub(crate) format: ExtractFormat,

    #[command(flatten)]
    pub(crate) hedges: HedgesArgs,

    #[command(flatten)]
    pub(crate) excel: ExcelArgs,

    #[command(flatten)]
    pub(crate) data: DataArgs,
}

/// The hedge table a document is read with.
#[derive(Debug, Args)]
pub(crate) struct HedgesArgs {
    /// A hedge table (TOML) to read qualifiers with instead of the shipped one
    /// (`lexicon/hedges.toml`: copy it, edit it, give it here).
    #[arg(long, value_name = "FILE", value_hint = ValueHint::FilePath)]
    pub(crate) hedges: Option<PathBuf>,
}
