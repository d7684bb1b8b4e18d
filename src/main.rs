//! The binary: parse the command line, run, print the output or the error once, and exit
//! 0 (success), 1 (data error or failed check) or 2 (usage error).

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = insurgency_metrics::cli::Cli::parse();
    match insurgency_metrics::run(cli) {
        Err(insurgency_metrics::error::Error::Checks { output, summary }) => {
            // Failed checks still print their report; the exit code carries the verdict.
            let _ = std::io::stdout().lock().write_all(output.as_bytes());
            eprintln!("check failed: {summary}");
            ExitCode::from(1)
        }
        Ok(text) => {
            let mut stdout = std::io::stdout().lock();
            match stdout
                .write_all(text.as_bytes())
                .and_then(|()| stdout.flush())
            {
                Ok(()) => ExitCode::SUCCESS,
                // A reader that stopped early (`| head`) is not an error.
                Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
                Err(err) => {
                    eprintln!("error: cannot write output: {err}");
                    ExitCode::from(1)
                }
            }
        }
        Err(err) => {
            eprintln!("{err}");
            ExitCode::from(err.exit_code() as u8)
        }
    }
}
