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
    Ok(Outcome::new(match shell {
        clap_complete::Shell::Bash => bash_subcommands(&text),
        _ => text,
    }))
}

/// clap_complete's bash script names a subcommand's state `insurgency__metrics__subcmd__table`
/// where it is set but `insurgency__subcmd__metrics__subcmd__table` where it is matched (the
/// binary name's hyphen is mangled twice), so nothing completes after a subcommand. The
/// matched names are made the set ones; once clap_complete agrees with itself this
/// changes nothing.
fn bash_subcommands(script: &str) -> String {
    script.replace("insurgency__subcmd__metrics", "insurgency__metrics")
}
