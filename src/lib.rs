//! insurgency-metrics: reproducible comparative insurgency arithmetic. Loads estimates of
//! fighters, soldiers, population and area from CSV, computes the ratios analysts quote,
//! and says which data, year and source each figure came from.
//!
//! The library's API is `run`: the binary and the tests drive the whole tool through it
//! (or through the binary itself). Layers, each using only those below it: `error`,
//! `units`, `numbers` and `separator`; the domain (`data`, `uncertainty`, `metrics`,
//! `events`, `claims`); `workspace` (a run's inputs, loaded once); `render` and `report`
//! (text out); `cli`, `config` and `selection` (the flags); `cmd` (one thin shell per
//! command). The README's Layout says what each holds.

mod claims;
pub mod cli;
mod cmd;
mod config;
mod data;
mod digest;
mod error;
mod events;
mod extract;
mod import;
mod input;
mod metrics;
mod numbers;
mod outcome;
mod output;
mod render;
mod report;
mod selection;
mod separator;
mod uncertainty;
mod units;
mod workspace;

pub use error::Error;
pub use outcome::Outcome;

use cli::Cli;
use config::{Action, Config};

/// When this process was started as the tool's contained PDF reader (see
/// `extract::pdf_worker`), reads the PDF on stdin and returns the exit code; `None` for
/// an ordinary run.
pub fn pdf_worker() -> Option<i32> {
    std::env::var_os(extract::pdf_worker::WORKER_ENV).map(|_| extract::pdf_worker::work())
}

/// A one-line message (a warning, the failure line) wrapped at whole words to the
/// tool's 80 columns, continuation lines indented, for a person reading a terminal.
pub fn for_terminal(line: &str) -> String {
    if line.chars().count() <= usize::from(render::width::WIDTH) || line.contains('\n') {
        return line.to_string();
    }
    render::width::wrap(line, usize::from(render::width::WIDTH), "  ")
}

/// Runs one command: what to print and how it ended, or why it could not run.
pub fn run(cli: Cli) -> Result<Outcome, Error> {
    let config = Config::from_cli(cli)?;
    let outcome = match &config.action {
        Action::Table(table) => match table.years {
            Some(years) => cmd::years::run(&config, table, years),
            None => cmd::table::run(&config, table),
        },
        Action::Validate => cmd::validate::run(&config),
        Action::Sources(format) => cmd::sources::run(&config, *format),
        Action::List(list) => cmd::list::run(&config, list),
        Action::Check(check) => cmd::check::run(&config, check),
        Action::CheckDocument(check) => cmd::check_document::run(&config, check),
        Action::Extract(extract) => cmd::extract::run(&config, extract),
        Action::Sensitivity(table) => cmd::sensitivity::run(&config, table),
        Action::Report(report) => cmd::report::run(&config, report),
        Action::Events(events) => cmd::events::run(&config, events),
        Action::Import(import) => cmd::import::run(&config, import),
        Action::Completions(shell) => cmd::completions::run(*shell),
        Action::Man(command) => cmd::man::run(command.as_deref()),
    };
    let mut outcome = outcome.map_err(|e| config.data_used.explain(e))?;
    if let Some(warning) = config.data_warning() {
        outcome = outcome.warn_first(vec![warning]);
    }
    if config.bom {
        // The byte-order mark spreadsheets on Windows need to read the CSV as UTF-8.
        outcome.stdout.insert(0, '\u{feff}');
    }
    Ok(outcome)
}
