//! Flag groups several commands share, each flattened only into the commands that use
//! it, so that no command shows a flag that does nothing there.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use crate::units::Units;

/// Where the datasets come from.
#[derive(Debug, Args)]
pub(crate) struct DataArgs {
    /// Directory holding the dataset files (sources.csv, fighters.csv, comparisons.toml,
    /// ...), or `embedded` for the copy of the shipped datasets built into the binary.
    /// Default: `datasets/` in the current directory when it exists, otherwise the
    /// embedded copy. Every output says which it used, and why. (A folder named
    /// `embedded`: write `./embedded`.)
    #[arg(long, value_name = "DIR|embedded", value_hint = clap::ValueHint::DirPath)]
    pub(crate) data: Option<PathBuf>,
}

/// Units for areas.
#[derive(Debug, Args)]
pub(crate) struct UnitsArgs {
    /// Units for areas: `imperial` (square miles, the default) or `metric` (km²).
    #[arg(long, value_enum)]
    pub(crate) units: Option<Units>,
}

/// What-if overrides of the data.
#[derive(Debug, Args)]
pub(crate) struct SetArgs {
    /// What-if override of one estimate, without editing any file; repeatable.
    /// Forms: `GROUP.fighters=V`, `COUNTRY.population=V`, `COUNTRY.area=V` (km²),
    /// `COUNTRY.soldiers=V` (all counted components) or `COUNTRY.soldiers.COMPONENT=V`.
    /// Example: `--set jnim.fighters=8000`.
    #[arg(long = "set", value_name = "ENTITY.QUANTITY=V")]
    pub(crate) set: Vec<String>,
}

/// The Monte Carlo sampling, for the commands that give 90% intervals.
#[derive(Debug, Args)]
pub(crate) struct SamplingArgs {
    /// Seed of the Monte Carlo sampling. The same inputs and seed give byte-identical
    /// output. Default: 20260101.
    #[arg(long, value_name = "N")]
    pub(crate) seed: Option<u64>,

    /// Monte Carlo draws per input (1 to 10,000,000). Default: 100,000.
    #[arg(long, value_name = "N")]
    pub(crate) draws: Option<usize>,
}

/// The byte-order mark for CSV output.
#[derive(Debug, Args)]
pub(crate) struct ExcelArgs {
    /// With `--format csv`: start the output with a UTF-8 byte-order mark, so that
    /// spreadsheets on Windows (Excel) read `×` and `km²` correctly. Alias: `--bom`.
    #[arg(long, alias = "bom")]
    pub(crate) excel: bool,
}

/// What `list` lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ListWhat {
    /// The comparisons of comparisons.toml: id, label, group, countries, year.
    Comparisons,
    /// The metrics `table --metric` takes, with their formulas.
    Metrics,
    /// The armed groups of groups.csv.
    Groups,
    /// The countries of countries.csv.
    Countries,
    /// The sources of sources.csv.
    Sources,
}

/// The formats of a plain list: a terminal table or tidy CSV / JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ListFormat {
    /// A terminal table.
    Table,
    /// CSV with a header row.
    Csv,
    /// A JSON array of objects.
    Json,
}

#[derive(Debug, Args)]
pub(crate) struct ListArgs {
    /// What to list.
    #[arg(value_enum)]
    pub(crate) what: ListWhat,

    /// Output format.
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    pub(crate) format: ListFormat,

    #[command(flatten)]
    pub(crate) excel: ExcelArgs,

    #[command(flatten)]
    pub(crate) data: DataArgs,
}

#[derive(Debug, Args)]
pub(crate) struct SourcesArgs {
    /// Output format: `table` (the sources with the figures citing each), or `csv` /
    /// `json` with one row per source and citing figure.
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    pub(crate) format: ListFormat,

    #[command(flatten)]
    pub(crate) excel: ExcelArgs,

    #[command(flatten)]
    pub(crate) data: DataArgs,
}

#[derive(Debug, Args)]
pub(crate) struct ValidateArgs {
    #[command(flatten)]
    pub(crate) data: DataArgs,

    #[command(flatten)]
    pub(crate) set: SetArgs,
}

#[derive(Debug, Args)]
pub(crate) struct CompletionsArgs {
    /// The shell to write the completion script for.
    #[arg(value_enum)]
    pub(crate) shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub(crate) struct ManArgs {
    /// The page of one command (`table`, `check`, ...) instead of the tool's page.
    #[arg(value_name = "COMMAND")]
    pub(crate) command: Option<String>,
}
