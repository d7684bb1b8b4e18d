//! What a command gives back when it ran: the text for stdout, the lines for stderr, and
//! whether what it checked failed (exit 1, or 3 for claims that do not hold). Only
//! `main` prints them.

/// The exit status of a `check` whose claims were read but do not all hold (a claim
/// inconsistent, a cross-check finding), told apart from 1, an input that is broken.
pub const EXIT_CLAIMS_FAIL: u8 = 3;

/// The result of a command that ran to the end.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// The command's output, for stdout.
    pub stdout: String,
    /// Lines for stderr, printed before the output, each saying what it is
    /// (`warning: ...`, or what an export was when the output is machine-readable).
    pub warnings: Vec<String>,
    /// Why the run fails although it produced its output: claims that do not hold, a
    /// stale report (exit 1, the summary printed last on stderr).
    pub failed: Option<String>,
    /// Whether `stdout` already ends with the `failed` summary (check's terminal table),
    /// so that a terminal, which shows stdout and stderr together, shows it once.
    pub summary_in_stdout: bool,
    /// The exit status when `failed` is set; 0 stands for the default, 1.
    pub failed_code: u8,
}

impl Outcome {
    pub(crate) fn new(stdout: String) -> Outcome {
        Outcome {
            stdout,
            ..Outcome::default()
        }
    }

    pub(crate) fn warn(mut self, warnings: impl IntoIterator<Item = String>) -> Outcome {
        self.warnings.extend(warnings);
        self
    }

    /// Puts `warnings` before the ones already there (what loading said comes first).
    pub(crate) fn warn_first(mut self, warnings: Vec<String>) -> Outcome {
        self.warnings.splice(0..0, warnings);
        self
    }

    /// Marks the run as failed with `summary`.
    pub(crate) fn fail_if(mut self, failed: bool, summary: impl FnOnce() -> String) -> Outcome {
        if failed {
            self.failed = Some(summary());
        }
        self
    }

    /// The line for stderr when the run failed: none when stdout, already holding the
    /// summary, goes to the same terminal; otherwise a script reading stdout still sees
    /// why the exit status is 1.
    pub fn failure_line(&self, stdout_is_terminal: bool) -> Option<String> {
        let summary = self.failed.as_ref()?;
        if self.summary_in_stdout && stdout_is_terminal {
            return None;
        }
        Some(format!("check failed: {summary}"))
    }

    /// Marks the exit status a failure has, when it is not 1.
    pub(crate) fn failing_with(mut self, code: u8) -> Outcome {
        self.failed_code = code;
        self
    }

    /// 0 when everything held; when what the command checked failed, 1 or the code
    /// given by `failing_with`.
    pub fn exit_code(&self) -> u8 {
        match (&self.failed, self.failed_code) {
            (None, _) => 0,
            (Some(_), 0) => 1,
            (Some(_), code) => code,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_shows_once_on_a_terminal() {
        let mut outcome = Outcome::new("…\n2 claims: 1 inconsistent\n".into())
            .fail_if(true, || "2 claims: 1 inconsistent".into());
        outcome.summary_in_stdout = true;
        assert_eq!(outcome.failure_line(true), None);
        assert_eq!(
            outcome.failure_line(false).as_deref(),
            Some("check failed: 2 claims: 1 inconsistent")
        );
        outcome.summary_in_stdout = false;
        assert!(outcome.failure_line(true).is_some());
        assert_eq!(Outcome::new(String::new()).failure_line(false), None);
    }
}
