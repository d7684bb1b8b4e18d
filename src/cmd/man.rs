//! `man [COMMAND]`: the manual page as roff, generated from the clap definition (the
//! same text as `--help`), for `man` to show once installed.

use clap::CommandFactory;

use crate::cli::Cli;
use crate::error::{choices_help, Error};
use crate::outcome::Outcome;

pub(crate) fn run(command: Option<&str>) -> Result<Outcome, Error> {
    let mut tool = Cli::command();
    // Built, so that each command knows its full name (`insurgency-metrics table`).
    tool.build();
    let (page, title) = match command {
        None => (tool.clone(), "insurgency-metrics".to_string()),
        Some(name) => {
            let names: Vec<&str> = tool.get_subcommands().map(|c| c.get_name()).collect();
            let Some(sub) = tool.find_subcommand(name) else {
                return Err(Error::Usage(format!(
                    "man {name}: no such command; {}",
                    choices_help(name, &names)
                )));
            };
            // The page of `table` is `insurgency-metrics-table(1)`, as git and cargo name theirs.
            (sub.clone(), format!("insurgency-metrics-{name}"))
        }
    };
    let mut out = Vec::new();
    clap_mangen::Man::new(page)
        .title(title)
        .source(format!("insurgency-metrics {}", env!("CARGO_PKG_VERSION")))
        .render(&mut out)
        .map_err(|e| Error::io("cannot write the manual page", e))?;
    let text = String::from_utf8(out)
        .map_err(|e| Error::io("cannot write the manual page", std::io::Error::other(e)))?;
    Ok(Outcome::new(text))
}
