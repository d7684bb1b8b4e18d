//! `completions SHELL`: the tab-completion script for a shell, generated from the clap
//! definition, so that it can never fall out of step with the flags.

use clap::CommandFactory;

use crate::cli::Cli;
use crate::error::Error;
use crate::outcome::Outcome;

pub(crate) fn run(shell: clap_complete::Shell) -> Result<Outcome, Error> {
    let mut command = Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut command, "insurgency-metrics", &mut out);
    let text = String::from_utf8(out)
        .map_err(|e| Error::io("cannot write the completions", std::io::Error::other(e)))?;
    Ok(Outcome::new(text))
}
