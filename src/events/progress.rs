//! A progress bar on stderr while a long export is read: shown only when stderr is a
//! terminal and only once reading has taken more than a second, so quick runs and
//! redirected output stay clean.

use std::io::{IsTerminal, Read};
use std::path::Path;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How long reading runs before the bar appears.
const AFTER: Duration = Duration::from_secs(1);

/// How many bytes of the file are sampled to estimate its number of rows.
const SAMPLE: u64 = 1 << 20;

pub struct Progress {
    started: Instant,
    terminal: bool,
    name: String,
    /// The rows the file is estimated to hold, from the length of the rows in its start.
    estimate: u64,
    bar: Option<ProgressBar>,
}

impl Progress {
    pub fn start(path: &Path) -> Progress {
        Progress {
            started: Instant::now(),
            terminal: std::io::stderr().is_terminal(),
            name: path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| path.display().to_string()),
            estimate: estimate_rows(path).unwrap_or(0),
            bar: None,
        }
    }

    /// Reading has got through `rows` data rows.
    pub fn advance(&mut self, rows: usize) {
        let rows = rows as u64;
        if self.bar.is_none() && visible(self.terminal, self.started.elapsed()) {
            self.bar = Some(self.show());
        }
        if let Some(bar) = &self.bar {
            // The estimate is from the file's first rows: keep the bar short of full
            // until reading is done.
            if rows >= bar.length().unwrap_or(0) {
                bar.set_length(rows + rows / 20 + 1);
            }
            bar.set_position(rows);
        }
    }

    pub fn finish(self) {
        if let Some(bar) = self.bar {
            bar.finish_and_clear();
        }
    }

    fn show(&self) -> ProgressBar {
        let bar =
            ProgressBar::with_draw_target(Some(self.estimate.max(1)), ProgressDrawTarget::stderr());
        let style = ProgressStyle::with_template(
            "{spinner} reading {prefix} [{bar:30}] ~{percent}% · {human_pos} rows · {elapsed}",
        )
        .map(|s| s.progress_chars("=> "))
        .unwrap_or_else(|_| ProgressStyle::default_bar());
        bar.set_style(style);
        bar.set_prefix(self.name.clone());
        bar.enable_steady_tick(Duration::from_millis(120));
        bar
    }
}

/// Whether the bar shows: on a terminal, once reading has taken longer than [`AFTER`].
fn visible(terminal: bool, elapsed: Duration) -> bool {
    terminal && elapsed > AFTER
}

/// The file's size divided by the mean length of the rows in its first megabyte
/// (quoted line breaks do not end a row).
fn estimate_rows(path: &Path) -> Option<u64> {
    let size = std::fs::metadata(path).ok()?.len();
    let mut start = Vec::new();
    std::fs::File::open(path)
        .ok()?
        .take(SAMPLE)
        .read_to_end(&mut start)
        .ok()?;
    let mut rows = 0u64;
    let mut quoted = false;
    for &b in &start {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => rows += 1,
            _ => {}
        }
    }
    // The header is not a data row.
    let rows = rows.saturating_sub(1).max(1);
    Some(size * rows / start.len().max(1) as u64)
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
    fn rows_estimated_from_the_start_of_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("e.csv");
        let mut text = String::from("id,notes\n");
        for i in 0..100 {
            text.push_str(&format!("{i},\"a note, with a\nline break\"\n"));
        }
        std::fs::write(&path, text).unwrap();
        assert_eq!(estimate_rows(&path), Some(100));
    }
}
