//! The binary: parse the command line, run, print the outcome or the error once, and
//! exit 0 (success), 1 (data error or failed check) or 2 (usage error).

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = insurgency_metrics::cli::Cli::parse();
    match insurgency_metrics::run(cli) {
        Ok(outcome) => {
            for line in &outcome.warnings {
                eprintln!("{line}");
            }
            let mut stdout = std::io::stdout().lock();
            match stdout
                .write_all(outcome.stdout.as_bytes())
                .and_then(|()| stdout.flush())
            {
                Ok(()) => {}
                // A reader that stopped early (`| head`) is not an error.
                Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => {}
                Err(err) => {
                    eprintln!("error: cannot write output: {err}");
                    return ExitCode::from(1);
                }
            }
            if let Some(line) = outcome.failure_line(std::io::stdout().is_terminal()) {
                eprintln!("{line}");
            }
            ExitCode::from(outcome.exit_code())
        }
        Err(err) => {
            eprintln!("{err}");
            ExitCode::from(err.exit_code())
        }
    }
}
