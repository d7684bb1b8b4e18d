//! What the user typed: the clap-derive definition of the command line. Nothing here is
//! validated beyond clap's own checks; `config` turns it into a checked `Config`.

use std::path::PathBuf;

use clap::builder::PossibleValue;
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::metrics::Metric;
use crate::render::Format;
use crate::units::Units;

/// Reproducible comparative insurgency arithmetic.
///
/// Loads estimates of fighters, soldiers, population and area from CSV, computes the
/// ratios think-tank reports quote ("one militant for every 10 soldiers", "one per
/// 8,000 people"), and says which data, year and source each figure came from.
#[derive(Debug, Parser)]
#[command(name = "insurgency-metrics", version, propagate_version = true)]
pub struct Cli {
    #[command(flatten)]
    pub(crate) global: GlobalArgs,

    #[command(subcommand)]
    pub(crate) command: Command,
}

/// Flags every command accepts.
#[derive(Debug, Args)]
pub(crate) struct GlobalArgs {
    /// Directory holding the dataset files (sources.csv, fighters.csv, comparisons.toml,
    /// ...). Default: `datasets/` in the current directory when it exists, otherwise the
    /// copy of the shipped datasets embedded in the binary.
    #[arg(long, global = true, value_name = "DIR")]
    pub(crate) data: Option<PathBuf>,

    /// Units for areas: `imperial` (square miles, the default) or `metric` (km²).
    #[arg(long, global = true, value_enum, default_value_t = Units::Imperial)]
    pub(crate) units: Units,

    /// What-if override of one estimate, without editing any file; repeatable.
    /// Forms: `GROUP.fighters=V`, `COUNTRY.population=V`, `COUNTRY.area=V` (km²),
    /// `COUNTRY.soldiers=V` (all counted components) or `COUNTRY.soldiers.COMPONENT=V`.
    /// Example: `--set jnim.fighters=8000`.
    #[arg(long = "set", global = true, value_name = "ENTITY.QUANTITY=V")]
    pub(crate) set: Vec<String>,

    /// Seed of the Monte Carlo sampling. The same inputs and seed give byte-identical
    /// output. Default: 20260101.
    #[arg(long, global = true, value_name = "N")]
    pub(crate) seed: Option<u64>,

    /// Monte Carlo draws per input (1 to 10,000,000). Default: 100,000.
    #[arg(long, global = true, value_name = "N")]
    pub(crate) draws: Option<usize>,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Print the comparison table: every metric for every comparison, then the pairwise
    /// ratios of the first comparison against the others.
    ///
    /// Example: `insurgency-metrics table --comparison jnim-sahel --comparison hts-syria`.
    Table(TableArgs),
    /// Check every dataset file and every comparison; list all problems, not just the
    /// first. Exits 0 when the data is valid, 1 otherwise.
    Validate,
    /// List the sources and which figures cite each.
    Sources,
    /// Re-check published claims against the data, claim by claim: the stated and
    /// computed values, the deviation, a verdict (consistent, inconsistent, unverifiable)
    /// and the reason. Exits 1 when any claim is inconsistent.
    ///
    /// Example: `insurgency-metrics check seeds/ctp-2026.toml`.
    Check(CheckArgs),
    /// Which inputs move each metric most: the metric with each input at its low and at
    /// its high, the others at central, sorted as a tornado. `--format csv|json` lists
    /// every input of every formula, an audit trail of how each figure is computed.
    ///
    /// Example: `insurgency-metrics sensitivity --comparison jnim-sahel --metric people_per_fighter`.
    Sensitivity(TableArgs),
    /// Write the Markdown report: a summary table, a section and an SVG chart per metric
    /// with a plain-language reading, the method, the published claims re-checked, the
    /// caveats, numbered sources on every figure and a reproducibility stamp.
    ///
    /// Example: `insurgency-metrics report --out reports/jnim-peers.md`.
    Report(ReportArgs),
    /// Count events per group, country and year from an ACLED or UCDP export: events
    /// involving each group, events it initiated, joint attributions (apart),
    /// fatalities, large-scale attacks, events targeting civilians and the change
    /// against the previous period. Groups are matched through `aliases` in groups.csv.
    ///
    /// Example: `insurgency-metrics events acled-sahel.csv --large 20`.
    Events(EventsArgs),
}

#[derive(Debug, Args)]
pub(crate) struct EventsArgs {
    /// The export: ACLED (current, pre-2023 or monadic layout) or UCDP GED (download or
    /// website export), told apart by the header.
    #[arg(value_name = "FILE")]
    pub(crate) file: PathBuf,

    /// Fatalities from which an event the group initiated counts as a large-scale attack.
    #[arg(long, value_name = "N", default_value_t = 20)]
    pub(crate) large: u32,

    /// Count per `year` (default) or per `month`.
    #[arg(long, value_enum, default_value_t = CountBy::Year)]
    pub(crate) by: CountBy,

    /// Only this group (an id from groups.csv); repeatable. Default: every group.
    #[arg(long = "group", value_name = "ID")]
    pub(crate) groups: Vec<String>,

    /// Fail (exit 1) on the first row that cannot be used, instead of leaving it out.
    #[arg(long)]
    pub(crate) strict: bool,

    /// Output format: `table` (terminal), `markdown`, or tidy `csv` / `json`.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub(crate) format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum CountBy {
    Year,
    Month,
}

#[derive(Debug, Args)]
pub(crate) struct ReportArgs {
    /// Where to write the report; its charts go in a folder of the same name beside it
    /// (`reports/jnim-peers/`).
    #[arg(long, value_name = "FILE.md", default_value = "reports/jnim-peers.md")]
    pub(crate) out: PathBuf,

    /// Regenerate in memory and compare with the report on disk: exit 1 with a short diff
    /// when it is stale. Writes nothing.
    #[arg(long)]
    pub(crate) check: bool,

    /// Overwrite `--out` even when insurgency-metrics did not generate it.
    #[arg(long)]
    pub(crate) force: bool,

    /// Claim files or a directory of them to re-check in the report. Default: `seeds/`
    /// when it exists.
    #[arg(long, value_name = "DIR")]
    pub(crate) claims: Option<PathBuf>,

    #[command(flatten)]
    pub(crate) events: EventSourceArgs,
}

#[derive(Debug, Args)]
pub(crate) struct CheckArgs {
    /// Claim files (TOML) or directories of them. Default: `seeds/` in the current
    /// directory when it exists, otherwise the claim files embedded in the binary.
    #[arg(value_name = "CLAIMS.toml|DIR")]
    pub(crate) paths: Vec<PathBuf>,

    /// An ACLED or UCDP export: events claims that carry an `events` query are then
    /// counted from it instead of being reported as unverifiable.
    #[arg(long, value_name = "FILE")]
    pub(crate) events: Option<PathBuf>,

    /// Tolerance for every claim that sets none of its own, as a fraction (0.05 = ±5%),
    /// instead of its qualifier's default.
    #[arg(long, value_name = "FRACTION")]
    pub(crate) tolerance: Option<f64>,

    /// Output format: `table` (terminal), `markdown`, or tidy `csv` / `json` with one
    /// row per claim.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub(crate) format: Format,
}

/// An event export joined with the datasets, for the event metrics.
#[derive(Debug, Args)]
pub(crate) struct EventSourceArgs {
    /// An ACLED or UCDP export: adds the event metrics (deaths per 1,000 fighters, events
    /// per million people, large-scale attacks per year) for the comparisons it covers.
    #[arg(long, value_name = "FILE")]
    pub(crate) events: Option<PathBuf>,

    /// With --events: fatalities from which an event the group initiated counts as a
    /// large-scale attack.
    #[arg(long, value_name = "N", default_value_t = 20, requires = "events")]
    pub(crate) large: u32,
}

#[derive(Debug, Args)]
pub(crate) struct TableArgs {
    /// Show only this comparison (an id from comparisons.toml); repeatable. Default: all,
    /// in file order.
    #[arg(long = "comparison", value_name = "ID")]
    pub(crate) comparisons: Vec<String>,

    /// Show only this metric; repeatable. Default: all.
    #[arg(long = "metric", value_enum, value_name = "ID")]
    pub(crate) metrics: Vec<Metric>,

    /// The comparison the pairwise ratios divide by the others. Default: the first shown.
    #[arg(long, value_name = "ID")]
    pub(crate) base: Option<String>,

    /// Show the pairwise ratios of the base only against this comparison; repeatable.
    /// Default: against every other comparison shown.
    #[arg(long = "versus", value_name = "ID")]
    pub(crate) versus: Vec<String>,

    /// Output format: `table` (terminal), `markdown`, or tidy `csv` / `json` with one row
    /// per comparison and metric.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub(crate) format: Format,

    /// Also write every Monte Carlo draw to FILE as CSV: one row per trial, one column per
    /// input and per metric, so a reviewer can audit every figure. Its first line is a
    /// `# generated by insurgency-metrics` comment; `-` writes to standard output.
    #[arg(long, value_name = "FILE")]
    pub(crate) samples: Option<PathBuf>,

    /// Overwrite `--samples` FILE even when insurgency-metrics did not write it (never an
    /// input of the run).
    #[arg(long, requires = "samples")]
    pub(crate) force: bool,

    #[command(flatten)]
    pub(crate) events: EventSourceArgs,
}

// The domain's choices parsed by name here, so that the domain needs no clap.

impl ValueEnum for Units {
    fn value_variants<'a>() -> &'a [Self] {
        &Units::ALL
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(self.id()))
    }
}

impl ValueEnum for Format {
    fn value_variants<'a>() -> &'a [Self] {
        &Format::ALL
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(self.id()))
    }
}

impl ValueEnum for Metric {
    fn value_variants<'a>() -> &'a [Self] {
        &Metric::ALL
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(self.id()).help(self.help()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }
}
