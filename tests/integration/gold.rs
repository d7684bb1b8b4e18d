//! The gold corpus of `extract` (tests/fixtures/gold/statements.toml): every case read
//! by the real binary as one document, each drafted reading matched against the
//! expected ones, and precision and recall reported; the test fails below the levels
//! the README states.

use serde::Deserialize;
use serde_json::Value;

use crate::util::{fixture_dir, Fixture};

/// The levels the README states ("Extract: measured").
const MIN_PRECISION: f64 = 0.90;
const MIN_RECALL: f64 = 0.90;
/// The same for the held-out statements.
const MIN_HELD_OUT: f64 = 0.55;

#[derive(Deserialize)]
struct Corpus {
    case: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    text: String,
    expect: Vec<String>,
}

/// One reading: the number as written, what it is read as, the stated bounds and the
/// qualifier.
#[derive(Debug, Clone, PartialEq)]
struct Reading {
    number: String,
    reading: String,
    low: f64,
    high: f64,
    qualifier: String,
}

impl Reading {
    fn parse(line: &str) -> Reading {
        let parts: Vec<&str> = line.split('|').map(str::trim).collect();
        assert_eq!(parts.len(), 4, "a gold line has four parts: {line}");
        let (low, high) = match parts[2].split_once("..") {
            Some((a, b)) => (a.parse().unwrap(), b.parse().unwrap()),
            None => (parts[2].parse().unwrap(), parts[2].parse().unwrap()),
        };
        Reading {
            number: parts[0].to_string(),
            reading: parts[1].to_string(),
            low,
            high,
            qualifier: parts[3].to_string(),
        }
    }

    fn matches(&self, other: &Reading) -> bool {
        let close = |a: f64, b: f64| (a - b).abs() <= 1e-3 * a.abs().max(b.abs()).max(1e-9);
        self.number == other.number
            && self.reading == other.reading
            && self.qualifier == other.qualifier
            && close(self.low, other.low)
            && close(self.high, other.high)
    }
}

/// Precision and recall of `extract` over the corpus in `tests/fixtures/gold/NAME`.
fn measure(name: &str) -> (f64, f64) {
    let text = std::fs::read_to_string(fixture_dir("gold").join(name)).unwrap();
    let corpus: Corpus = toml::from_str(&text).expect("the gold corpus parses");
    // One paragraph per case; the line each starts on says which case a reading is of.
    let mut document = String::new();
    let mut starts = Vec::new();
    let mut line = 1;
    for case in &corpus.case {
        starts.push(line);
        document.push_str(&case.text);
        document.push_str("\n\n");
        line += case.text.lines().count() + 1;
    }
    let fixture = Fixture::empty();
    let path = fixture.dir.path().join("gold.txt");
    std::fs::write(&path, &document).unwrap();
    let run = fixture.run(&[
        "extract", "gold.txt", "--format", "json", "--data", "embedded",
    ]);
    let rows: Vec<Value> = serde_json::from_str(run.ok()).expect("json");
    let (mut drafted, mut expected, mut right) = (0, 0, 0);
    let mut misses = Vec::new();
    for (k, case) in corpus.case.iter().enumerate() {
        let end = starts.get(k + 1).copied().unwrap_or(usize::MAX);
        let got: Vec<Reading> = rows
            .iter()
            .filter(|r| {
                let l = r["line"].as_u64().unwrap() as usize;
                l >= starts[k] && l < end
            })
            .map(|r| Reading {
                number: r["number"].as_str().unwrap().to_string(),
                reading: r["reading"].as_str().unwrap().to_string(),
                low: r["stated_low"].as_f64().unwrap(),
                high: r["stated_high"].as_f64().unwrap(),
                qualifier: r["qualifier"].as_str().unwrap().to_string(),
            })
            .collect();
        let want: Vec<Reading> = case.expect.iter().map(|l| Reading::parse(l)).collect();
        drafted += got.len();
        expected += want.len();
        let hits = want
            .iter()
            .filter(|w| got.iter().any(|g| g.matches(w)))
            .count();
        right += hits;
        if hits < want.len() || got.len() > hits {
            misses.push(format!(
                "{}\n  expected {want:?}\n  got      {got:?}",
                case.text
            ));
        }
    }
    let precision = right as f64 / drafted.max(1) as f64;
    let recall = right as f64 / expected.max(1) as f64;
    println!(
        "{name}: {} cases, {expected} expected readings, {drafted} drafted, {right} right: precision {precision:.2}, recall {recall:.2}",
        corpus.case.len()
    );
    for m in &misses {
        println!("MISS {m}");
    }
    (precision, recall)
}

#[test]
fn precision_and_recall_over_the_gold_corpus() {
    let (precision, recall) = measure("statements.toml");
    assert!(
        precision >= MIN_PRECISION && recall >= MIN_RECALL,
        "precision {precision:.2} (at least {MIN_PRECISION}), recall {recall:.2} (at least {MIN_RECALL})"
    );
}

/// Statements the reader was not tuned on: reported, and held to lower levels.
#[test]
fn precision_and_recall_over_held_out_statements() {
    let (precision, recall) = measure("held-out.toml");
    assert!(
        precision >= MIN_HELD_OUT && recall >= MIN_HELD_OUT,
        "held out: precision {precision:.2}, recall {recall:.2} (each at least {MIN_HELD_OUT})"
    );
}
