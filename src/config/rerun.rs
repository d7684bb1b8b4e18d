//! The command that makes a report again: `insurgency-metrics report` with every flag
//! of the run that changes what it writes (the data first, however it was chosen when it
//! was not `datasets/` found here). The report's first line, its stamp and `report
//! --check`'s "regenerate with" all give it, so that following a hint never makes a
//! report from other data or settings than the one it replaces.

use std::path::Path;

use crate::events::dates::DateOrder;
use crate::uncertainty::{DEFAULT_DRAWS, DEFAULT_SEED};
use crate::units::Units;

use super::{Config, ReportConfig};

/// The default of `--large`.
const DEFAULT_LARGE: u32 = 20;

/// A path or value as a shell word: quoted when it holds anything a shell would split or
/// expand.
fn word(text: &str) -> String {
    let plain = !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_alphanumeric() || "-_./=:,+@%".contains(c));
    if plain {
        text.to_string()
    } else {
        format!("'{}'", text.replace('\'', r"'\''"))
    }
}

fn shown(path: &Path) -> String {
    match path.as_os_str() == "-" {
        true => "-".to_string(),
        false => crate::report::stamp::relative(path),
    }
}

impl Config {
    /// The flags of `report` that make this report again, each with a leading space
    /// (empty for the defaults): ` --data ../other --draws 20000`. Without `--out`.
    pub(crate) fn report_flags(&self, report: &ReportConfig) -> String {
        let mut flags: Vec<String> = Vec::new();
        let mut push = |flag: &str, value: String| flags.push(format!("{flag} {}", word(&value)));
        if let Some(data) = self.data_used.flag() {
            push("--data", data);
        }
        if self.units == Units::Metric {
            push("--units", "metric".into());
        }
        for o in &self.overrides {
            push("--set", o.text.clone());
        }
        if self.uncertainty.seed != DEFAULT_SEED {
            push("--seed", self.uncertainty.seed.to_string());
        }
        if self.uncertainty.draws != DEFAULT_DRAWS {
            push("--draws", self.uncertainty.draws.to_string());
        }
        if report.claims_given {
            for path in report.claims.iter().flatten() {
                push("--claims", shown(path));
            }
        }
        if let Some(events) = &report.events {
            for file in &events.files {
                push("--events", shown(file));
            }
            if events.large != DEFAULT_LARGE {
                push("--large", events.large.to_string());
            }
            if events.min_days != crate::metrics::events::MIN_DAYS {
                push("--min-days", events.min_days.to_string());
            }
            match events.choice.date_order {
                Some(DateOrder::Mdy) => push("--date-order", "mdy".into()),
                Some(DateOrder::Dmy) => push("--date-order", "dmy".into()),
                None => {}
            }
            if let Some(member) = &events.choice.member {
                push("--member", member.clone());
            }
            if let Some(sheet) = &events.choice.sheet {
                push("--sheet", sheet.clone());
            }
        }
        flags.iter().map(|f| format!(" {f}")).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::word;

    #[test]
    fn shell_words() {
        assert_eq!(word("../data"), "../data");
        assert_eq!(word("my data"), "'my data'");
        assert_eq!(word("it's"), r"'it'\''s'");
        assert_eq!(word("jnim.fighters=8000"), "jnim.fighters=8000");
    }
}
