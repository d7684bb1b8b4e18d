//! The checked configuration: raw flags turned into resolved paths, parsed overrides and
//! validated filters. Computation sees only this, never the raw command line.

use std::path::{Path, PathBuf};

use crate::cli::{Cli, Command, CountBy, TableArgs};
use crate::data::DataChoice;
use crate::error::{choices_help, Error};
use crate::metrics::overrides::Override;
use crate::metrics::Metric;
use crate::render::Format;
use crate::uncertainty::{Settings, DEFAULT_DRAWS, DEFAULT_SEED, MAX_DRAWS};
use crate::units::Units;

#[derive(Debug, Clone)]
pub(crate) struct Config {
    pub(crate) data: DataChoice,
    pub(crate) uncertainty: Settings,
    pub(crate) units: Units,
    pub(crate) overrides: Vec<Override>,
    pub(crate) action: Action,
}

#[derive(Debug, Clone)]
pub(crate) enum Action {
    Table(TableConfig),
    Validate,
    Sources,
    Check(CheckConfig),
    Sensitivity(TableConfig),
    Report(ReportConfig),
    Events(EventsConfig),
}

#[derive(Debug, Clone)]
pub(crate) struct EventsConfig {
    pub(crate) file: PathBuf,
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
    pub(crate) events: Option<EventSource>,
}

/// An event export for the event metrics, and the large-scale threshold to count with.
#[derive(Debug, Clone)]
pub(crate) struct EventSource {
    pub(crate) file: PathBuf,
    pub(crate) large: u32,
}

impl EventSource {
    fn from_args(args: crate::cli::EventSourceArgs) -> Option<EventSource> {
        args.events.map(|file| EventSource {
            file,
            large: args.large,
        })
    }
}

#[derive(Debug, Clone)]
pub(crate) struct CheckConfig {
    pub(crate) paths: Vec<PathBuf>,
    /// An event export for the events claims that carry a query.
    pub(crate) events: Option<PathBuf>,
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
}

impl Config {
    pub(crate) fn from_cli(cli: Cli) -> Result<Config, Error> {
        let data = choose_data(cli.global.data.as_deref(), Path::new("datasets"))?;
        let overrides = cli
            .global
            .set
            .iter()
            .map(|text| Override::parse(text))
            .collect::<Result<Vec<_>, _>>()?;
        let action = match cli.command {
            Command::Table(args) => Action::Table(table_config(args)?),
            Command::Sensitivity(args) => {
                if args.samples.is_some() {
                    return Err(Error::Usage(
                        "--samples writes the draws of `table`; sensitivity does not sample".into(),
                    ));
                }
                Action::Sensitivity(table_config(args)?)
            }
            Command::Validate => Action::Validate,
            Command::Events(args) => Action::Events(EventsConfig {
                file: args.file,
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
                claims: report_claims(args.claims, &data),
                events: EventSource::from_args(args.events),
            }),
            Command::Sources => Action::Sources,
            Command::Check(args) => {
                if let Some(t) = args.tolerance.filter(|t| !(*t > 0.0 && *t < 1.0)) {
                    return Err(Error::Usage(format!(
                        "--tolerance {t}: write a fraction between 0 and 1, e.g. 0.05 for ±5%"
                    )));
                }
                Action::Check(CheckConfig {
                    paths: args.paths,
                    events: args.events,
                    tolerance: args.tolerance,
                    format: args.format,
                })
            }
        };
        let uncertainty = settings(cli.global.seed, cli.global.draws)?;
        Ok(Config {
            data,
            uncertainty,
            units: cli.global.units,
            overrides,
            action,
        })
    }
}

fn table_config(args: TableArgs) -> Result<TableConfig, Error> {
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
        samples: args.samples,
        force: args.force,
        events,
    })
}

/// The claims a report re-checks: `--claims` when given, else `seeds/` when it exists,
/// else the embedded claim files when the data is the embedded copy too.
fn report_claims(flag: Option<PathBuf>, data: &DataChoice) -> Option<Vec<PathBuf>> {
    if let Some(path) = flag {
        return Some(vec![path]);
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

/// `--data DIR` when given (it must be a directory); else `default` when it exists;
/// else the embedded copy.
fn choose_data(flag: Option<&Path>, default: &Path) -> Result<DataChoice, Error> {
    match flag {
        Some(dir) if dir.is_dir() => Ok(DataChoice::Dir(dir.to_path_buf())),
        Some(dir) => Err(Error::Usage(format!(
            "--data {}: no such directory; give the folder that holds fighters.csv, \
             population.csv, comparisons.toml, ...",
            dir.display()
        ))),
        None if default.is_dir() => Ok(DataChoice::Dir(default.to_path_buf())),
        None => Ok(DataChoice::Embedded),
    }
}

/// Checks that each requested id exists, in the order given, for usage errors (exit 2).
pub(crate) fn check_ids(flag: &str, requested: &[String], known: &[&str]) -> Result<(), Error> {
    for id in requested {
        if !known.contains(&id.as_str()) {
            return Err(Error::Usage(format!(
                "{flag} {id}: no such comparison; {}",
                choices_help(id, known)
            )));
        }
    }
    Ok(())
}
