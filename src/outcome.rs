//! What a command gives back when it ran: the text for stdout, the lines for stderr, and
//! whether what it checked failed (exit 1, or 3 for claims that do not hold). Only
//! `main` prints them.

/// The exit status of a `check` whose claims were read but do not all hold (a claim
/// inconsistent, a cross-check finding), told apart from 1, an input that is broken.
pub const EXIT_CLAIMS_FAIL: u8 = 3;

/// Why a command that produced its output still fails.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// `report --check`: the report is stale (exit 1).
    Stale { summary: String },
    /// `check`: a claim does not hold or a cross-check finds a contradiction (exit 3).
    /// `shown`: stdout already ends with the summary (check's terminal table), so a
    /// terminal, which shows stdout and stderr together, shows it once.
    Claims { summary: String, shown: bool },
}

impl Failure {
    fn summary(&self) -> &str {
        match self {
            Failure::Stale { summary } | Failure::Claims { summary, .. } => summary,
        }
    }
}

/// The result of a command that ran to the end.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// The command's output, for stdout.
    pub stdout: String,
    /// Lines for stderr, printed before the output, each saying what it is
    /// (`warning: ...`, or what an export was when the output is machine-readable).
    pub warnings: Vec<String>,
    /// Why the run fails although it produced its output.
    pub failure: Option<Failure>,
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

    /// Marks the run as failed, when `failed`, with what `failure` says.
    pub(crate) fn fail_if(mut self, failed: bool, failure: impl FnOnce() -> Failure) -> Outcome {
        if failed {
            self.failure = Some(failure());
        }
        self
    }

    /// The line for stderr when the run failed: none when stdout, already holding the
    /// summary, goes to the same terminal; otherwise a script reading stdout still sees
    /// why the exit status is not 0.
    pub fn failure_line(&self, stdout_is_terminal: bool) -> Option<String> {
        let failure = self.failure.as_ref()?;
        if matches!(failure, Failure::Claims { shown: true, .. }) && stdout_is_terminal {
            return None;
        }
        Some(format!("check failed: {}", failure.summary()))
    }

    /// 0 when everything held; 1 for a stale report; 3 for claims that do not hold.
    pub fn exit_code(&self) -> u8 {
        match &self.failure {
            None => 0,
            Some(Failure::Stale { .. }) => 1,
            Some(Failure::Claims { .. }) => EXIT_CLAIMS_FAIL,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_shows_once_on_a_terminal() {
        let claims = |shown| Failure::Claims {
            summary: "2 claims: 1 inconsistent".into(),
            shown,
        };
        let outcome =
            Outcome::new("…\n2 claims: 1 inconsistent\n".into()).fail_if(true, || claims(true));
        assert_eq!(outcome.failure_line(true), None);
        assert_eq!(
            outcome.failure_line(false).as_deref(),
            Some("check failed: 2 claims: 1 inconsistent")
        );
        assert_eq!(outcome.exit_code(), 3);
        let outcome = Outcome::new(String::new()).fail_if(true, || claims(false));
        assert!(outcome.failure_line(true).is_some());
        assert_eq!(Outcome::new(String::new()).failure_line(false), None);
    }
}
