//! insurgency-metrics: reproducible comparative insurgency arithmetic. Loads estimates of
//! fighters, soldiers, population and area from CSV, computes the ratios analysts quote,
//! and says which data, year and source each figure came from.

pub mod claims;
pub mod cli;
pub mod cmd;
pub mod config;
pub mod data;
pub mod error;
pub mod events;
pub mod metrics;
pub mod numbers;
pub mod output;
pub mod render;
pub mod report;
pub mod uncertainty;
pub mod units;

use cli::Cli;
use config::{Action, Config};
use error::Error;

/// Runs one command and returns what it prints on stdout.
pub fn run(cli: Cli) -> Result<String, Error> {
    let config = Config::from_cli(cli)?;
    match &config.action {
        Action::Table(table) => cmd::table::run(&config, table),
        Action::Validate => cmd::validate::run(&config),
        Action::Sources => cmd::sources::run(&config),
        Action::Check(check) => cmd::check::run(&config, check),
        Action::Sensitivity(table) => cmd::sensitivity::run(&config, table),
        Action::Report(report) => cmd::report::run(&config, report),
        Action::Events(events) => cmd::events::run(&config, events),
    }
}
