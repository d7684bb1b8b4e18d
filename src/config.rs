//! The checked configuration: raw flags turned into resolved paths, parsed overrides and
//! validated filters. Computation sees only this, never the raw command line.

use std::path::{Path, PathBuf};

use crate::cli::{
    Cli, Command, CountBy, DataArgs, ExtractFormat, ListFormat, ListWhat, SamplingArgs, SelectArgs,
    SetArgs, UnitsArgs,
};
use crate::data::DataChoice;
use crate::error::{ids_help, Error, Ids};
use crate::events::source::Choice;

mod data;
mod rerun;

use crate::metrics::overrides::Override;
use crate::metrics::Metric;
use crate::render::Format;
use crate::uncertainty::{Settings, DEFAULT_DRAWS, DEFAULT_SEED, MAX_DRAWS};
use crate::units::Units;
pub(crate) use data::DataUsed;

#[derive(Debug, Clone)]
pub(crate) struct Config {
    pub(crate) data: DataChoice,
    /// Why `data` was chosen, for the `data:` line and data errors.
    pub(crate) data_used: DataUsed,
    /// Whether the command reads the datasets (`completions` and `man` do not).
    pub(crate) uses_data: bool,
    pub(crate) uncertainty: Settings,
    pub(crate) units: Units,
    pub(crate) overrides: Vec<Override>,
    /// Start CSV output with a UTF-8 byte-order mark (`--excel`).
    pub(crate) bom: bool,
    pub(crate) action: Action,
}

#[derive(Debug, Clone)]
pub(crate) enum Action {
    Table(TableConfig),
    Validate,
    Sources(Format),
    Check(CheckConfig),
    /// `check DOCUMENT`: extract, then check.
    CheckDocument(CheckDocumentConfig),
    Extract(ExtractConfig),
    Sensitivity(TableConfig),
    Report(ReportConfig),
    Events(EventsConfig),
    List(ListConfig),
    Import(ImportConfig),
    Completions(clap_complete::Shell),
    Man(Option<String>),
}

/// What `import` reads and how.
#[derive(Debug, Clone)]
pub(crate) struct ImportConfig {
    pub(crate) format: crate::import::Format,
    pub(crate) file: PathBuf,
    pub(crate) dry_run: bool,
    pub(crate) options: crate::import::Options,
}

/// What `list` lists and how.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ListConfig {
    pub(crate) what: ListWhat,
    pub(crate) format: Format,
}

#[derive(Debug, Clone)]
pub(crate) struct EventsConfig {
    pub(crate) files: Vec<PathBuf>,
    pub(crate) choice: Choice,
    pub(crate) large: u32,
    pub(crate) by_month: bool,
    pub(crate) groups: Vec<String>,
    pub(crate) strict: bool,
    pub(crate) format: Format,
}

#[derive(Debug, Clone)]
pub(crate) struct ReportConfig {
    pub(crate) out: PathBuf,
    pub(crate) check: bool,
    pub(crate) force: bool,
    /// The claim files to re-check: `--claims`, else `seeds/` when it exists, else the
    /// embedded ones when the data is the embedded copy too; none otherwise.
    pub(crate) claims: Option<Vec<PathBuf>>,
    /// Whether `--claims` named them (rather than the default).
    pub(crate) claims_given: bool,
    pub(crate) events: Option<EventSource>,
}

/// The flags of one command that `Config` gathers, each `None` where the command has
/// no such flag (its default then applies, unseen).
#[derive(Default)]
struct Common<'a> {
    data: Option<&'a DataArgs>,
    units: Option<&'a UnitsArgs>,
    set: Option<&'a SetArgs>,
    sampling: Option<&'a SamplingArgs>,
    /// `--excel` and whether the output is CSV.
    excel: Option<(bool, bool)>,
}

/// An event export for the event metrics, and the large-scale threshold to count with.
#[derive(Debug, Clone)]
pub(crate) struct EventSource {
    /// The files (or directories of them), counted together.
    pub(crate) files: Vec<PathBuf>,
    pub(crate) large: u32,
    /// The fewest days of a year the event metrics are annualised from.
    pub(crate) min_days: u32,
    pub(crate) choice: Choice,
}

impl EventSource {
    fn from_args(args: crate::cli::EventSourceArgs) -> Option<EventSource> {
        (!args.events.is_empty()).then(|| EventSource {
            files: args.events,
            large: args.large,
            min_days: args.min_days,
            choice: args.export.choice(),
        })
    }
}

#[derive(Debug, Clone)]
pub(crate) struct CheckConfig {
    pub(crate) paths: Vec<PathBuf>,
    /// The event exports for the events claims that carry a query (none: unverifiable).
    pub(crate) events: Vec<PathBuf>,
    pub(crate) choice: Choice,
    pub(crate) tolerance: Option<f64>,
    pub(crate) format: Format,
}

/// `extract DOCUMENT`.
#[derive(Debug, Clone)]
pub(crate) struct ExtractConfig {
    pub(crate) document: PathBuf,
    /// Where to write; standard output when `None`.
    pub(crate) out: Option<PathBuf>,
    pub(crate) force: bool,
    pub(crate) format: ExtractFormat,
    pub(crate) hedges: Option<PathBuf>,
}

/// `check DOCUMENT`: the document, and how its drafted claims are checked and shown.
#[derive(Debug, Clone)]
pub(crate) struct CheckDocumentConfig {
    pub(crate) document: PathBuf,
    /// The event exports for the drafted events claims that carry a query.
    pub(crate) events: Vec<PathBuf>,
    pub(crate) choice: Choice,
    pub(crate) hedges: Option<PathBuf>,
    pub(crate) tolerance: Option<f64>,
    pub(crate) format: Format,
}

#[derive(Debug, Clone)]
pub(crate) struct TableConfig {
    /// Comparison ids to show; empty means all. Checked against the data once it is loaded.
    pub(crate) comparisons: Vec<String>,
    pub(crate) metrics: Vec<Metric>,
    pub(crate) base: Option<String>,
    /// The comparisons the pairwise ratios are shown against; empty means all.
    pub(crate) versus: Vec<String>,
    pub(crate) format: Format,
    /// Where to write every draw as CSV (`--samples`).
    pub(crate) samples: Option<PathBuf>,
    /// Overwrite a samples file the tool did not write (`--force`).
    pub(crate) force: bool,
    pub(crate) events: Option<EventSource>,
    /// `--years`: every metric year by year instead of at each comparison's year.
    pub(crate) years: Option<crate::metrics::trajectory::Years>,
}

impl TableConfig {
    /// What `table` and `sensitivity` load: every table, and the export when given.
    pub(crate) fn needs(&self) -> crate::workspace::Needs {
        crate::workspace::Needs {
            claims: None,
            export: self.events.as_ref().map(|e| {
                crate::workspace::ExportNeed::for_metrics(
                    &e.files,
                    e.large,
                    e.min_days,
                    e.choice.clone(),
                )
            }),
            tables: crate::data::Tables::All,
        }
    }
}

impl Config {
    pub(crate) fn from_cli(cli: Cli) -> Result<Config, Error> {
        let common = common(&cli.command);
        let before = &cli.before;
        for (given, used, flag) in [
            (before.data.is_some(), common.data.is_some(), "--data"),
            (before.units.is_some(), common.units.is_some(), "--units"),
            (!before.set.is_empty(), common.set.is_some(), "--set"),
            (before.seed.is_some(), common.sampling.is_some(), "--seed"),
            (before.draws.is_some(), common.sampling.is_some(), "--draws"),
        ] {
            if given && !used {
                return Err(Error::Usage(format!(
                    "{flag}: this command does not use it; leave it out (`--help` after the \
                     command lists the flags it takes)"
                )));
            }
        }
        let flag = data::flag(
            before.data.clone(),
            common.data.and_then(|d| d.data.clone()),
        )?;
        let data_used = DataUsed::choose(flag.as_deref(), Path::new("datasets"))?;
        let uses_data = common.data.is_some();
        let overrides = before
            .set
            .iter()
            .chain(common.set.map_or(&[][..], |s| &s.set[..]))
            .map(|text| Override::parse(text))
            .collect::<Result<Vec<_>, _>>()?;
        let bom = match common.excel {
            Some((true, false)) => {
                return Err(Error::Usage(
                    "--excel marks CSV output for spreadsheets: add --format csv".into(),
                ))
            }
            Some((excel, _)) => excel,
            None => false,
        };
        let sampling = common.sampling;
        let uncertainty = settings(
            sampling.and_then(|s| s.seed).or(before.seed),
            sampling.and_then(|s| s.draws).or(before.draws),
        )?;
        let units = common
            .units
            .and_then(|u| u.units)
            .or(before.units)
            .unwrap_or(Units::Imperial);
        let action = action(cli.command, &data_used.choice)?;
        Ok(Config {
            data: data_used.choice.clone(),
            data_used,
            uses_data,
            uncertainty,
            units,
            overrides,
            bom,
            action,
        })
    }

    /// What outputs print after `data: `, with the reason for the choice.
    pub(crate) fn describe_data(&self) -> String {
        self.data_used.describe()
    }

    /// The warning, before any output, of a run that fell back to the embedded copy.
    pub(crate) fn data_warning(&self) -> Option<String> {
        self.uses_data.then(|| self.data_used.warning()).flatten()
    }
}

/// The flags each command has in common with others.
fn common(command: &Command) -> Common<'_> {
    let csv = |format: Format| format == Format::Csv;
    let list_csv = |format: ListFormat| format == ListFormat::Csv;
    match command {
        Command::Table(a) => Common {
            sampling: Some(&a.sampling),
            ..select_common(&a.select)
        },
        Command::Sensitivity(a) => select_common(&a.select),
        Command::Validate(a) => Common {
            data: Some(&a.data),
            set: Some(&a.set),
            ..Common::default()
        },
        Command::Sources(a) => Common {
            data: Some(&a.data),
            excel: Some((a.excel.excel, list_csv(a.format))),
            ..Common::default()
        },
        Command::List(a) => Common {
            data: Some(&a.data),
            excel: Some((a.excel.excel, list_csv(a.format))),
            ..Common::default()
        },
        Command::Check(a) => Common {
            data: Some(&a.data),
            set: Some(&a.set),
            sampling: Some(&a.sampling),
            excel: Some((a.excel.excel, csv(a.format))),
            ..Common::default()
        },
        Command::Report(a) => Common {
            data: Some(&a.data),
            units: Some(&a.units),
            set: Some(&a.set),
            sampling: Some(&a.sampling),
            ..Common::default()
        },
        Command::Events(a) => Common {
            data: Some(&a.data),
            excel: Some((a.excel.excel, csv(a.format))),
            ..Common::default()
        },
        Command::Extract(a) => Common {
            data: Some(&a.data),
            excel: Some((a.excel.excel, a.format == ExtractFormat::Csv)),
            ..Common::default()
        },
        Command::Import(a) => Common {
            data: Some(&a.data),
            ..Common::default()
        },
        Command::Completions(_) | Command::Man(_) => Common::default(),
    }
}

fn select_common(select: &SelectArgs) -> Common<'_> {
    Common {
        data: Some(&select.data),
        units: Some(&select.units),
        set: Some(&select.set),
        excel: Some((select.excel.excel, select.format == Format::Csv)),
        ..Common::default()
    }
}

/// The command's own flags, checked.
fn action(command: Command, data: &DataChoice) -> Result<Action, Error> {
    Ok(match command {
        Command::Table(args) => Action::Table(TableConfig {
            samples: args.samples,
            force: args.force,
            years: args.years,
            ..table_config(args.select)?
        }),
        Command::Sensitivity(args) => Action::Sensitivity(table_config(args.select)?),
        Command::Validate(_) => Action::Validate,
        Command::Events(args) => Action::Events(EventsConfig {
            files: args.files,
            choice: args.export.choice(),
            large: args.large,
            by_month: args.by == CountBy::Month,
            groups: args.groups,
            strict: args.strict,
            format: args.format,
        }),
        Command::Report(args) => Action::Report(ReportConfig {
            out: args.out,
            check: args.check,
            force: args.force,
            claims_given: !args.claims.is_empty(),
            claims: report_claims(args.claims, data),
            events: EventSource::from_args(args.events),
        }),
        Command::Sources(args) => Action::Sources(list_format(args.format)),
        Command::List(args) => Action::List(ListConfig {
            what: args.what,
            format: list_format(args.format),
        }),
        Command::Check(args) => {
            if let Some(t) = args.tolerance.filter(|t| !(*t > 0.0 && *t < 1.0)) {
                return Err(Error::Usage(format!(
                    "--tolerance {t}: write a fraction between 0 and 1, e.g. 0.05 for ±5%"
                )));
            }
            if let Some(document) = document_of(&args.paths)? {
                return Ok(Action::CheckDocument(CheckDocumentConfig {
                    document,
                    events: args.events,
                    choice: args.export.choice(),
                    hedges: args.hedges.hedges,
                    tolerance: args.tolerance,
                    format: args.format,
                }));
            }
            if args.hedges.hedges.is_some() {
                return Err(Error::Usage(
                    "--hedges: the hedge table reads a document; give a document (text, Markdown, HTML or PDF) to check, or leave --hedges out".into(),
                ));
            }
            Action::Check(CheckConfig {
                paths: args.paths,
                events: args.events,
                choice: args.export.choice(),
                tolerance: args.tolerance,
                format: args.format,
            })
        }
        Command::Extract(args) => Action::Extract(ExtractConfig {
            document: args.document,
            out: args.out.filter(|o| o.as_os_str() != "-"),
            force: args.force,
            format: args.format,
            hedges: args.hedges.hedges,
        }),
        Command::Import(args) => Action::Import(import_config(args)?),
        Command::Completions(args) => Action::Completions(args.shell),
        Command::Man(args) => Action::Man(args.command),
    })
}

/// The document among `check`'s paths, if one is a document rather than claim files;
/// a document goes alone.
fn document_of(paths: &[PathBuf]) -> Result<Option<PathBuf>, Error> {
    let documents: Vec<&PathBuf> = paths
        .iter()
        .filter(|p| crate::extract::document::is_document(p))
        .collect();
    match (documents.as_slice(), paths.len()) {
        ([], _) => Ok(None),
        ([one], 1) => Ok(Some((*one).clone())),
        _ => Err(Error::Usage(format!(
            "{}: check takes one document, or claim files and directories; give the document alone",
            documents[0].display()
        ))),
    }
}

fn import_config(args: crate::cli::ImportArgs) -> Result<ImportConfig, Error> {
    use crate::cli::ImportFormat as F;
    use crate::import::Format;
    if let Some(day) = args
        .accessed
        .as_deref()
        .filter(|d| !crate::data::dates::DataDate::parse(d).is_ok_and(|d| d.is_full()))
    {
        return Err(Error::Usage(format!(
            "--accessed {day}: write the day the file was downloaded as YYYY-MM-DD"
        )));
    }
    // A WDI release and a Factbook edition are dates (the source's `published`).
    let dated = matches!(args.format, F::Wdi | F::Factbook);
    if let Some(release) = args
        .release
        .as_deref()
        .filter(|r| dated && crate::data::dates::DataDate::parse(r).is_err())
    {
        return Err(Error::Usage(format!(
            "--release {release}: this file's release is a date: write YYYY-MM-DD"
        )));
    }
    Ok(ImportConfig {
        format: match args.format {
            F::Wdi => Format::Wdi,
            F::Factbook => Format::Factbook,
            F::UcdpActors => Format::UcdpActors,
            F::UcdpDyadic => Format::UcdpDyadic,
            F::Nsa => Format::Nsa,
            F::Cow => Format::Cow,
        },
        file: args.file,
        dry_run: args.dry_run,
        options: crate::import::Options {
            accessed: args.accessed.unwrap_or_else(crate::import::today),
            via: args.via.unwrap_or_default(),
            url: args.url.filter(|u| !u.trim().is_empty()),
            release: args.release.filter(|r| !r.trim().is_empty()),
            accept: args.accept,
        },
    })
}

fn list_format(format: ListFormat) -> Format {
    match format {
        ListFormat::Table => Format::Table,
        ListFormat::Csv => Format::Csv,
        ListFormat::Json => Format::Json,
    }
}

fn table_config(args: SelectArgs) -> Result<TableConfig, Error> {
    let mut metrics = Vec::new();
    for metric in args.metrics {
        if !metrics.contains(&metric) {
            metrics.push(metric);
        }
    }
    let events = EventSource::from_args(args.events);
    if let Some(metric) = metrics
        .iter()
        .find(|m| m.is_event())
        .filter(|_| events.is_none())
    {
        return Err(Error::Usage(format!(
            "--metric {metric} is counted from an event export: add --events FILE (ACLED or UCDP)"
        )));
    }
    Ok(TableConfig {
        comparisons: args.comparisons,
        metrics,
        base: args.base,
        versus: args.versus,
        format: args.format,
        samples: None,
        force: false,
        events,
        years: None,
    })
}

/// The claims a report re-checks: `--claims` when given, else `seeds/` when it exists,
/// else the embedded claim files when the data is the embedded copy too.
fn report_claims(flag: Vec<PathBuf>, data: &DataChoice) -> Option<Vec<PathBuf>> {
    if !flag.is_empty() {
        return Some(flag);
    }
    if Path::new("seeds").is_dir() {
        return Some(vec![PathBuf::from("seeds")]);
    }
    (*data == DataChoice::Embedded).then(Vec::new)
}

/// The sampling settings; a draw count of zero or above the maximum is a usage error.
fn settings(seed: Option<u64>, draws: Option<usize>) -> Result<Settings, Error> {
    let draws = draws.unwrap_or(DEFAULT_DRAWS);
    if draws == 0 || draws > MAX_DRAWS {
        return Err(Error::Usage(format!(
            "--draws {draws}: give between 1 and {MAX_DRAWS} draws (default {DEFAULT_DRAWS})"
        )));
    }
    Ok(Settings {
        draws,
        seed: seed.unwrap_or(DEFAULT_SEED),
    })
}

/// Checks that each requested id exists, in the order given, for usage errors (exit 2).
pub(crate) fn check_ids(flag: &str, requested: &[String], known: &[&str]) -> Result<(), Error> {
    for id in requested {
        if !known.contains(&id.as_str()) {
            return Err(Error::Usage(format!(
                "{flag} {id}: no such comparison; {}",
                ids_help(id, known, Ids::Comparisons)
            )));
        }
    }
    Ok(())
}
