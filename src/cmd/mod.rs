//! One file per subcommand, each with the same shape: take the checked config, return
//! the text to print or an error.

pub mod check;
pub mod events;
pub mod report;
pub mod sensitivity;
pub mod sources;
pub mod table;
pub mod validate;

use crate::config::Config;
use crate::data::{self, Dataset};
use crate::error::Error;

/// The data a command computes on: loaded and checked, with every `--set` override
/// checked against it.
pub fn load_checked(config: &Config) -> Result<Dataset, Error> {
    let data = data::load(&config.data)?;
    for o in &config.overrides {
        o.check(&data)?;
    }
    Ok(data)
}
