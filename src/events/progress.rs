//! A progress bar on stderr while a long export is read: shown only when stderr is a
//! terminal and only once reading has taken more than a second, so quick runs and
//! redirected output stay clean.

use std::io::IsTerminal;
use std::path::Path;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How long reading runs before the bar appears.
const AFTER: Duration = Duration::from_secs(1);

/// The bar's line, at most 80 columns wide: the name cut to [`NAME`] characters, a bar
/// of 14, the share, the file's size, the rows read and the time taken.
const TEMPLATE: &str =
    "{spinner} {prefix} [{bar:14}] {percent:>3}% of {total_bytes} · {msg} · {elapsed_precise}";
/// The line while reading a stream or a compressed file: bytes read, no share.
const STREAM: &str = "{spinner} {prefix} · {bytes} · {msg} · {elapsed_precise}";
/// The longest file name the bar shows whole; longer ones end in `…`.
const NAME: usize = 12;

pub(crate) struct Progress {
    started: Instant,
    terminal: bool,
    name: String,
    size: u64,
    /// The bytes read so far.
    done: u64,
    bar: Option<ProgressBar>,
}

impl Progress {
    /// A bar for reading `path`, `size` bytes long (0 when unknown: a stream, or a
    /// compressed file whose text is longer than the file).
    pub(crate) fn start(path: &Path, size: u64) -> Progress {
        Progress {
            started: Instant::now(),
            terminal: std::io::stderr().is_terminal(),
            name: short_name(
                &path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_else(|| path.display().to_string()),
            ),
            size,
            done: 0,
            bar: None,
        }
    }

    /// Reading has got through `bytes` more of the file, and `rows` data rows in all.
    pub(crate) fn advance(&mut self, bytes: u64, rows: usize) {
        self.done += bytes;
        if self.bar.is_none() && visible(self.terminal, self.started.elapsed()) {
            self.bar = Some(self.show());
        }
        if let Some(bar) = &self.bar {
            bar.set_position(self.done);
            bar.set_message(format!("{} rows", crate::numbers::grouped(rows as f64, 0)));
        }
    }

    pub(crate) fn finish(self) {
        if let Some(bar) = self.bar {
            bar.finish_and_clear();
        }
    }

    fn show(&self) -> ProgressBar {
        let bar =
            ProgressBar::with_draw_target(Some(self.size.max(1)), ProgressDrawTarget::stderr())
                // The clock runs from the start of reading, not from the bar's first showing.
                .with_elapsed(self.started.elapsed())
                .with_position(self.done);
        // A stream or a compressed file has no size to measure against.
        let template = if self.size == 0 { STREAM } else { TEMPLATE };
        let style = ProgressStyle::with_template(template)
            .map(|s| s.progress_chars("=> "))
            .unwrap_or_else(|_| ProgressStyle::default_bar());
        bar.set_style(style);
        bar.set_prefix(self.name.clone());
        bar.enable_steady_tick(Duration::from_millis(120));
        bar
    }
}

/// The file's name, cut to [`NAME`] characters.
fn short_name(name: &str) -> String {
    if name.chars().count() <= NAME {
        return name.to_string();
    }
    let cut: String = name.chars().take(NAME - 1).collect();
    format!("{cut}…")
}

/// Whether the bar shows: on a terminal, once reading has taken longer than [`AFTER`].
fn visible(terminal: bool, elapsed: Duration) -> bool {
    terminal && elapsed > AFTER
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shown_only_on_a_terminal_after_a_second() {
        assert!(!visible(false, Duration::from_secs(60)));
        assert!(!visible(true, Duration::from_millis(900)));
        assert!(visible(true, Duration::from_millis(1100)));
    }

    #[test]
    fn the_line_fits_80_columns() {
        // Each field at its widest: a 999.99 GiB file, 99,999,999 rows, 99 hours.
        let line = TEMPLATE
            .replace("{spinner}", "⠁")
            .replace("{prefix}", &short_name("acled-sahel-2018-2025-full.csv"))
            .replace("{bar:14}", &"=".repeat(14))
            .replace("{percent:>3}", "100")
            .replace("{total_bytes}", "999.99 GiB")
            .replace("{msg}", "99,999,999 rows")
            .replace("{elapsed_precise}", "99:59:59");
        assert!(
            line.chars().count() <= 80,
            "{} columns: {line}",
            line.chars().count()
        );
        assert_eq!(short_name("acled-sahel-2018-2025-full.csv"), "acled-sahel…");
    }
}
