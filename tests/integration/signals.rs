//! Signals and closed pipes on the real binary: SIGTERM mid-write leaves no temporary
//! file, a SIGKILLed run's temporary is swept by the next run, and a closed stdout or
//! stderr never makes the tool panic.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use super::util::Fixture;
use super::writes::temporaries;

const BIN: &str = env!("CARGO_BIN_EXE_insurgency-metrics");

/// Starts a long samples write and waits until its temporary file exists.
fn long_write(fixture: &Fixture) -> std::process::Child {
    let child = Command::new(BIN)
        .args([
            "table",
            "--draws",
            "2000000",
            "--samples",
            "big.csv",
            "--metric",
            "people_per_fighter",
        ])
        .current_dir(fixture.dir.path())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn");
    let started = Instant::now();
    while temporaries(fixture.dir.path()).is_empty() {
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "no temporary file appeared"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    child
}

fn signal(child: &std::process::Child, name: &str) {
    let sent = Command::new("kill")
        .arg(format!("-{name}"))
        .arg(child.id().to_string())
        .status();
    assert!(sent.expect("kill").success());
}

#[test]
fn sigterm_mid_write_leaves_no_temporary_file() {
    let fixture = Fixture::basic();
    let mut child = long_write(&fixture);
    signal(&child, "TERM");
    let status = child.wait().expect("wait");
    assert_eq!(status.code(), Some(143), "{status:?}");
    assert!(temporaries(fixture.dir.path()).is_empty());
    assert!(!fixture.dir.path().join("big.csv").exists());
}

#[test]
fn a_killed_runs_temporary_file_is_swept_by_the_next_run() {
    let fixture = Fixture::basic();
    let mut child = long_write(&fixture);
    signal(&child, "KILL");
    child.wait().expect("wait");
    assert_eq!(
        temporaries(fixture.dir.path()).len(),
        1,
        "SIGKILL cannot clean up"
    );
    // Someone else's file with a similar name is never touched.
    std::fs::write(fixture.dir.path().join("notes.tmp"), "mine").expect("write");
    std::thread::sleep(Duration::from_millis(2100));
    fixture
        .run(&["table", "--draws", "10", "--samples", "big.csv"])
        .ok();
    assert!(temporaries(fixture.dir.path()).is_empty());
    assert!(fixture.dir.path().join("notes.tmp").exists());
}

#[test]
fn closed_pipes_never_panic() {
    let fixture = Fixture::basic();
    fixture.replace("fighters.csv", "1000", "1,000");
    // stderr closed by its reader: the problems are dropped quietly, exit 1 (not 101).
    let mut child = Command::new(BIN)
        .arg("validate")
        .current_dir(fixture.dir.path())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    drop(child.stderr.take());
    assert_eq!(child.wait().expect("wait").code(), Some(1));
    // stdout closed: exit 0.
    let fixture = Fixture::basic();
    let mut child = Command::new(BIN)
        .args(["table", "--draws", "10", "--samples", "-"])
        .current_dir(fixture.dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    drop(child.stdout.take());
    let output = child.wait_with_output().expect("wait");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}
