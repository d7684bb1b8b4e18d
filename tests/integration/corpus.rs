//! `extract` measured on real documents: the development corpus (../shared/corpus, read
//! with its own scorer) and this project's corpus (tests/corpus), split by
//! benches/corpus.py into the documents the reader's rules were tuned on, the rest of
//! the development corpus (on which, with the tuned, confidence is measured), and the
//! project's corpus, used for neither and only measured.
//! The test holds the levels the README states ("Extract: measured on real documents").
//! It is skipped, saying why, where the corpus or its tools are absent; under CI a
//! missing tool fails it.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

fn have(tool: &str, arg: &str) -> bool {
    Command::new(tool)
        .arg(arg)
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn extract_on_real_documents_holds_the_readme_levels() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let shared = root.join("../shared/corpus");
    if !shared.join("score.py").is_file() {
        eprintln!(
            "skipped: no development corpus at {} (its scorer, score.py, is not there)",
            shared.display()
        );
        return;
    }
    let ci = std::env::var_os("CI").is_some();
    for (tool, arg) in [("python3", "--version"), ("pdftotext", "-v")] {
        if !have(tool, arg) {
            assert!(
                !ci,
                "{tool} is needed to score the corpus (.ci/run installs it)"
            );
            eprintln!("skipped: {tool} is not installed");
            return;
        }
    }
    let out = tempfile::tempdir().unwrap();
    let json = out.path().join("corpus.json");
    let run = Command::new("python3")
        .arg(root.join("benches/corpus.py"))
        .args(["--im", env!("CARGO_BIN_EXE_insurgency-metrics")])
        .arg("--data")
        .arg(root.join("datasets"))
        .arg("--shared")
        .arg(&shared)
        .arg("--json")
        .arg(&json)
        .output()
        .expect("python3 runs");
    let printed = String::from_utf8_lossy(&run.stdout);
    println!("{printed}");
    assert!(
        run.status.success(),
        "{printed}\n{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let figures: Value = serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    let share = |part: &str, of: &str, n: &str| {
        let p = &figures[part];
        p[of].as_f64().unwrap() / p[n].as_f64().unwrap().max(1.0)
    };
    // Tuned on: the right reading for most statements, and claims of the model right.
    assert!(share("tune", "right", "statements") >= 0.80, "{printed}");
    assert!(
        share("tune", "claims_right", "claims_of_the_model") >= 0.95,
        "{printed}"
    );
    for part in ["tune", "development", "held-out"] {
        // Decoys are hardly ever drafted as claims of the model.
        assert!(
            share(part, "decoys_as_claims", "decoys") <= 0.05,
            "{part}: {printed}"
        );
        // No INCONSISTENT verdict rests on a misreading (at most one in ten).
        let p = &figures[part];
        let misread = p["inconsistent_misread"].as_f64().unwrap();
        assert!(
            misread <= 0.1 * p["inconsistent"].as_f64().unwrap(),
            "{part}: {printed}"
        );
        // Readings that reach a verdict are right nine times in ten.
        if p["verdict_readings"].as_f64().unwrap() > 0.0 {
            assert!(
                share(part, "verdict_readings_right", "verdict_readings") >= 0.9,
                "{part}: {printed}"
            );
        }
    }
    // Measured only: the floors the README states.
    // 0.74 before the datasets held ISWAP, ISKP, the TTP, ASWJ and the ADF, whose
    // strength statements now wait for a person (README, "Measured on real documents").
    assert!(
        share("development", "right", "statements") >= 0.65,
        "{printed}"
    );
    assert!(
        share("held-out", "right", "statements") >= 0.50,
        "{printed}"
    );
    assert!(
        share("held-out", "claims_right", "claims_of_the_model") >= 0.75,
        "{printed}"
    );
    // Confidence means what it says on the documents it was measured on: each band with
    // twenty readings or more is right about as often as its confidence.
    let measured_on = figures["tune"]["bins"]
        .as_array()
        .unwrap()
        .iter()
        .chain(figures["development"]["bins"].as_array().unwrap());
    for bin in measured_on {
        let drafted = bin["drafted"].as_f64().unwrap();
        if drafted >= 20.0 {
            let right = bin["right"].as_f64().unwrap() / drafted;
            let mean = bin["mean_confidence"].as_f64().unwrap();
            assert!((right - mean).abs() <= 0.15, "{bin}: {printed}");
        }
    }
}
