//! The binary: parse the command line, run, print the outcome or the error once, and
//! exit 0 (success), 1 (an input is broken, a failed check), 2 (usage error) or 3 (a
//! claim that does not hold). A reader that
//! closes stdout early (`| head`) is not an error, and a closed stderr silences the
//! warnings without a panic.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;

/// One message on stderr, wrapped at 80 columns for a person at a terminal (one line
/// each for a script or a log); nothing, and no panic, when stderr is closed.
fn say(line: &str) {
    let mut stderr = std::io::stderr().lock();
    let line = visible(line);
    if stderr.is_terminal() {
        let _ = writeln!(stderr, "{}", insurgency_metrics::for_terminal(&line));
    } else {
        let _ = writeln!(stderr, "{line}");
    }
}

/// Text as it may reach a terminal: a control character from an input (an escape
/// sequence in a document, a zip member's name, a claim) is shown as `<U+001B>`, never
/// acted on. Line breaks and tabs stay.
fn visible(text: &str) -> std::borrow::Cow<'_, str> {
    let odd = |c: char| c.is_control() && c != '\n' && c != '\t';
    if !text.chars().any(odd) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if odd(c) {
            out.push_str(&format!("<U+{:04X}>", c as u32));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

fn main() -> ExitCode {
    if let Some(code) = insurgency_metrics::pdf_worker() {
        return ExitCode::from(u8::try_from(code).unwrap_or(1));
    }
    let cli = insurgency_metrics::cli::Cli::parse();
    match insurgency_metrics::run(cli) {
        Ok(outcome) => {
            for line in &outcome.warnings {
                say(line);
            }
            let mut stdout = std::io::stdout().lock();
            match stdout
                .write_all(visible(&outcome.stdout).as_bytes())
                .and_then(|()| stdout.flush())
            {
                Ok(()) => {}
                // A reader that stopped early (`| head`) is not an error.
                Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => {}
                Err(err) => {
                    say(&format!("error: cannot write output: {err}"));
                    return ExitCode::from(1);
                }
            }
            if let Some(line) = outcome.failure_line(std::io::stdout().is_terminal()) {
                say(&line);
            }
            ExitCode::from(outcome.exit_code())
        }
        Err(err) => {
            say(&err.to_string());
            ExitCode::from(err.exit_code())
        }
    }
}
