//! Where a figure stands against the published benchmarks of its metric: "6.0% of
//! FM 3-24's 20–25 per 1,000", always with what the benchmark counts beside it.

use crate::data::benchmarks::Benchmark;
use crate::metrics::compute::MetricRow;
use crate::metrics::Metric;
use crate::units::Units;

use super::format::grouped;
use super::width::{wrap, WIDTH};

/// The benchmarks published for `metric`, in the file's order.
pub(crate) fn of(benchmarks: &[Benchmark], metric: Metric) -> Vec<&Benchmark> {
    benchmarks
        .iter()
        .filter(|b| b.metric == metric.id())
        .collect()
}

/// The benchmark's value or band in its metric's form: "20–25 per 1,000", "10 : 1".
pub(crate) fn shown(b: &Benchmark) -> String {
    let value = match b.high {
        Some(high) => format!("{}–{}", as_published(b.value), as_published(high)),
        None => as_published(b.value),
    };
    match b.metric.as_str() {
        "soldiers_per_fighter" => format!("{value} : 1"),
        "soldiers_per_1000_people" | "fighters_per_1000_people" => format!("{value} per 1,000"),
        "people_per_fighter" => format!("1 per {value}"),
        _ => value,
    }
}

/// A benchmark as its source gives it: "20", "13.26", "2.3", "1,000".
fn as_published(value: f64) -> String {
    if value.fract() == 0.0 {
        grouped(value, 0)
    } else {
        let text = format!("{value}");
        let decimals = text.split_once('.').map_or(0, |(_, d)| d.len());
        grouped(value, decimals)
    }
}

/// A share as people read it: "6.0%", "52%", "1.9×" above twice the benchmark.
pub(crate) fn share(value: f64, of: f64) -> String {
    let s = value / of;
    if s >= 2.0 {
        format!("{}×", super::format::readable(s))
    } else if s * 100.0 < 10.0 {
        format!("{:.1}%", s * 100.0)
    } else {
        format!("{:.0}%", s * 100.0)
    }
}

/// The value as a share of the benchmark: of its single value, or of both ends of its
/// band ("4.8–6.0%").
pub(crate) fn standing(value: f64, b: &Benchmark) -> String {
    match b.high {
        Some(high) => {
            let (top, bottom) = (share(value, high), share(value, b.value));
            match (top.strip_suffix('%'), bottom.strip_suffix('%')) {
                (Some(t), Some(_)) => format!("{t}–{bottom}"),
                _ => format!("{top}–{bottom}"),
            }
        }
        None => share(value, b.value),
    }
}

/// What a comparison's figure counts, said beside every benchmark.
pub(crate) fn our_basis(metric: Metric) -> &'static str {
    metric.def().basis
}

/// The terminal lines under a metric's table: one per benchmark, each comparison's
/// standing against it, then the counting bases and the caveat.
pub(crate) fn terminal_lines(
    benchmarks: &[Benchmark],
    metric: Metric,
    rows: &[&MetricRow],
) -> String {
    let found = of(benchmarks, metric);
    if found.is_empty() || rows.is_empty() {
        return String::new();
    }
    let mut out =
        String::from("against published benchmarks (source ids; `sources` lists them):\n");
    for b in &found {
        let standings: Vec<String> = rows
            .iter()
            .map(|r| format!("{} {}", r.comparison, standing(r.value, b)))
            .collect();
        let line = format!(
            "  {}'s {} [{}]: {}",
            b.label,
            shown(b),
            b.source,
            standings.join(", ")
        );
        out.push_str(&wrap(&line, WIDTH as usize, "    "));
        out.push('\n');
        out.push_str(&wrap(
            &format!("    counts {}", b.counts),
            WIDTH as usize,
            "    ",
        ));
        out.push('\n');
    }
    out.push_str(&wrap(
        &format!("  whereas {}", our_basis(metric)),
        WIDTH as usize,
        "    ",
    ));
    out.push('\n');
    out
}

/// The Markdown list under a table: per benchmark of the metrics shown, each
/// comparison's standing, what the benchmark counts and what the figures count.
pub(crate) fn markdown_lines(
    benchmarks: &[Benchmark],
    grid: &super::layout::Grid,
    units: Units,
) -> String {
    let mut out = String::new();
    for (column, metric) in grid.metrics.iter().enumerate() {
        let rows: Vec<&MetricRow> = grid.lines.iter().filter_map(|(_, c)| c[column]).collect();
        for b in of(benchmarks, *metric) {
            let standings: Vec<String> = rows
                .iter()
                .map(|r| format!("`{}` {}", r.comparison, standing(r.value, b)))
                .collect();
            out.push_str(&format!(
                "- {}: {}'s {} (`{}`), counting {}: {}\n",
                super::format::title(*metric, units),
                super::markdown::escape(&b.label),
                shown(b),
                b.source,
                super::markdown::escape(&b.counts),
                standings.join(", ")
            ));
        }
    }
    if out.is_empty() {
        return out;
    }
    format!("\nAgainst published benchmarks, each counted on its own basis (below), where the figures count the forces each comparison names (its `soldiers`) per fighter or over the whole population of its countries:\n\n{out}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares() {
        assert_eq!(share(1.2, 20.0), "6.0%");
        assert_eq!(share(9.6, 10.0), "96%");
        assert_eq!(share(50.0, 20.0), "2.5×");
    }
}
