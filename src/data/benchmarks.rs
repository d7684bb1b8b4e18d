//! Published counter-insurgency benchmarks (`benchmarks.csv`): a value or a band that a
//! metric is held against, what the benchmark counts and over what, its source and its
//! caveat. The file is optional: a dataset without it has no benchmarks.

use crate::error::{choices_help, Problem};

use super::basics::RowRef;
use super::cells::{columns, Schema};
use super::sheet::Sheet;

pub(crate) const BENCHMARKS: Schema = Schema {
    header: &[
        "id", "label", "metric", "value", "high", "counts", "source", "caveat",
    ],
    extra: &[],
};

/// The metrics a benchmark can apply to: those of one comparison. The ids are the
/// metrics' own (a test in `metrics` holds the two lists together).
pub(crate) const METRICS: [&str; 5] = [
    "soldiers_per_fighter",
    "people_per_fighter",
    "area_per_fighter",
    "fighters_per_1000_people",
    "soldiers_per_1000_people",
];

/// One published benchmark.
#[derive(Debug, Clone)]
pub(crate) struct Benchmark {
    pub(crate) id: String,
    /// How prose and charts name it: "FM 3-24".
    pub(crate) label: String,
    /// The id of the metric it applies to.
    pub(crate) metric: String,
    /// The benchmark, or the low end of its band.
    pub(crate) value: f64,
    /// The high end of a band; `None` for a single value.
    pub(crate) high: Option<f64>,
    /// What it counts and over what: "troops and police per resident of the area of
    /// operations".
    pub(crate) counts: String,
    pub(crate) source: String,
    pub(crate) caveat: String,
    pub(crate) at: RowRef,
}

pub(crate) fn read(sheet: &Sheet, problems: &mut Vec<Problem>) -> Vec<Benchmark> {
    let Some(columns) = columns(sheet, &BENCHMARKS, problems) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for cells in columns.records() {
        let id = cells.id("id", problems);
        let label = cells.required("label", "how the report names it, e.g. FM 3-24", problems);
        let metric = match cells.required("metric", "the id of a metric", problems) {
            Some(m) if METRICS.contains(&m.as_str()) => Some(m),
            Some(m) => {
                problems.push(
                    Problem::new(
                        format!("not a metric of one comparison: \"{m}\""),
                        cells.at("metric"),
                    )
                    .help(choices_help(&m, &METRICS)),
                );
                None
            }
            None => None,
        };
        let value = cells.number("value", true, problems);
        let high = cells.optional_number("high", true, problems);
        let counts = cells.required(
            "counts",
            "what the benchmark counts and over what, e.g. troops and police per resident",
            problems,
        );
        let source = cells.id("source", problems);
        let (
            Some(id),
            Some(label),
            Some(metric),
            Some(value),
            Some(high),
            Some(counts),
            Some(source),
        ) = (id, label, metric, value, high, counts, source)
        else {
            continue;
        };
        if let Some(h) = high.filter(|h| *h <= value) {
            problems.push(
                Problem::new(
                    format!("high {h} is not above value {value}"),
                    cells.at("high"),
                )
                .help("a band runs from value up to high; leave high empty for a single value"),
            );
            continue;
        }
        out.push(Benchmark {
            id,
            label,
            metric,
            value,
            high,
            counts,
            source,
            caveat: cells.text("caveat").to_string(),
            at: RowRef {
                file: cells.file().to_string(),
                line: cells.line(),
                header: std::rc::Rc::new(cells.header().to_vec()),
            },
        });
    }
    out
}
