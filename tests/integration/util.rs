//! The harness: copies a fixture dataset into a temporary directory, runs the real
//! binary there, and shows stdout and stderr whenever an assertion fails.

use std::path::{Path, PathBuf};
use std::process::Command;

use tempfile::TempDir;

/// The text with its line wrapping undone, for matching sentences.
pub fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl std::fmt::Debug for Run {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "exit {}\n--- stdout ---\n{}\n--- stderr ---\n{}",
            self.code, self.stdout, self.stderr
        )
    }
}

impl Run {
    /// Exit 0; returns stdout.
    pub fn ok(&self) -> &str {
        assert_eq!(self.code, 0, "expected success: {self:?}");
        &self.stdout
    }

    /// Exit `code` with every `needle` in stderr, and no panic.
    pub fn fails(&self, code: i32, needles: &[&str]) {
        assert_eq!(self.code, code, "wrong exit code: {self:?}");
        assert!(
            self.stdout.is_empty(),
            "a failed run printed on stdout: {self:?}"
        );
        for needle in needles {
            assert!(
                self.stderr.contains(needle),
                "stderr lacks {needle:?}: {self:?}"
            );
        }
        assert!(!self.stderr.contains("panicked"), "panic: {self:?}");
    }
}

pub struct Fixture {
    pub dir: TempDir,
}

pub fn fixture_dir(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

impl Fixture {
    /// An empty working directory (no datasets/ in it).
    pub fn empty() -> Fixture {
        Fixture {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    /// A working directory whose datasets/ is a copy of `tests/fixtures/NAME`.
    pub fn copy_of(name: &str) -> Fixture {
        let fixture = Fixture::empty();
        let target = fixture.dir.path().join("datasets");
        std::fs::create_dir(&target).expect("datasets dir");
        for entry in std::fs::read_dir(fixture_dir(name)).expect("fixture exists") {
            let entry = entry.expect("fixture entry");
            std::fs::copy(entry.path(), target.join(entry.file_name())).expect("copy fixture");
        }
        fixture
    }

    pub fn basic() -> Fixture {
        Fixture::copy_of("basic")
    }

    /// The basic fixture with the shipped groups.csv and its sources, whose aliases are
    /// the actor names event exports use.
    pub fn basic_with_real_groups() -> Fixture {
        let fixture = Fixture::basic();
        let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets");
        let groups = std::fs::read_to_string(shipped.join("groups.csv")).expect("shipped groups");
        fixture.write("groups.csv", groups.as_bytes());
        // The fixture's fighters name alpha and beta: keep them as groups too.
        let mut text = String::from_utf8(fixture.read("groups.csv")).expect("utf-8");
        text.push_str("alpha,Alpha Front,,,fixture\nbeta,Beta Brigade,,,fixture\nalpha-wing,Alpha Wing,,alpha,fixture\n");
        fixture.write("groups.csv", text);
        fixture
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join("datasets").join(name)
    }

    pub fn read(&self, name: &str) -> Vec<u8> {
        std::fs::read(self.path(name)).expect("read dataset file")
    }

    pub fn write(&self, name: &str, content: impl AsRef<[u8]>) {
        std::fs::write(self.path(name), content).expect("write dataset file");
    }

    /// Writes a file in the working directory (not among the datasets).
    pub fn write_file(&self, name: &str, content: impl AsRef<[u8]>) {
        std::fs::write(self.dir.path().join(name), content).expect("write file");
    }

    /// Replaces the first occurrence of `from` in a dataset file; `from` must be there.
    pub fn replace(&self, name: &str, from: &str, to: &str) {
        let text = String::from_utf8(self.read(name)).expect("fixture is UTF-8");
        assert!(text.contains(from), "{name} does not contain {from:?}");
        self.write(name, text.replacen(from, to, 1));
    }

    pub fn run(&self, args: &[&str]) -> Run {
        self.run_with_stdin(args, b"")
    }

    /// Runs the binary in `subdir` of the working directory (created if need be).
    pub fn run_in(&self, subdir: &str, args: &[&str]) -> Run {
        let dir = self.dir.path().join(subdir);
        std::fs::create_dir_all(&dir).expect("subdirectory");
        run_at(&dir, args, b"")
    }

    /// Runs the binary with `input` on its standard input.
    pub fn run_with_stdin(&self, args: &[&str], input: &[u8]) -> Run {
        run_at(self.dir.path(), args, input)
    }
}

/// Runs the binary in `dir` with `input` on its standard input.
fn run_at(dir: &Path, args: &[&str], input: &[u8]) -> Run {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_insurgency-metrics"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run the binary");
    let mut stdin = child.stdin.take().expect("stdin");
    // Written from a thread, so that a large input cannot block against the output
    // filling its pipe; a command that reads no input may exit before it is written.
    let input = input.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let output = child.wait_with_output().expect("wait for the binary");
    let _ = writer.join();
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}
