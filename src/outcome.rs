//! What a command gives back when it ran: the text for stdout, the lines for stderr, and
//! whether what it checked failed (exit 1). Only `main` prints them.

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

    /// 0 when everything held, 1 when what the command checked failed.
    pub fn exit_code(&self) -> u8 {
        u8::from(self.failed.is_some())
    }
}
