//! The report's section over the years: for each metric, a chart of every comparison's
//! yearly figures from its group's first fighters estimate up to the comparison's own
//! year, and a reading of how each changed, with the change's interval on shared draws
//! and the years that carry an earlier estimate named.

use crate::error::Error;
use crate::metrics::trajectory::Point;
use crate::metrics::Metric;
use crate::render::format::{display, ratio, section_title, title};
use crate::render::markdown::escape;

use super::figures::source_line;
use super::lines::{draw, LineChart, Series, YearPoint, PALETTE_SIZE};
use super::{capitalised, label, Input};

/// A comparison's figures of one metric, its years in order.
fn points_of<'a>(input: &'a Input, metric: Metric, comparison: &str) -> Vec<&'a Point> {
    input
        .trajectories
        .iter()
        .filter(|p| p.metric == metric && p.comparison == comparison && p.figure.is_ok())
        .collect()
}

/// "JNIM in Mali and Burkina Faso: from 1 : 47.5 in 2021 to 1 : 9.6 in 2025, 0.20×
/// (90% interval 0.20–0.21×); 2021 and 2023 carry an earlier year's estimate."
fn reading(input: &Input, metric: Metric, comparison: &str, points: &[&Point]) -> Option<String> {
    let (first, last) = (points.first()?, points.last()?);
    let value = |p: &Point| p.figure.as_ref().ok().map(|(row, _)| row.value);
    let (from, to) = (value(first)?, value(last)?);
    let change = last.change.map_or(String::new(), |c| match (c.p05, c.p95) {
        (Some(low), Some(high)) if ratio(low) != ratio(high) => format!(
            ", {} (90% interval {}–{})",
            ratio(c.factor),
            ratio(low).trim_end_matches('×'),
            ratio(high)
        ),
        _ => format!(", {}", ratio(c.factor)),
    });
    let carried: Vec<String> = points
        .iter()
        .filter(|p| !p.carried.is_empty())
        .map(|p| p.year.to_string())
        .collect();
    let carried = match carried.as_slice() {
        [] => String::new(),
        [one] => format!("; {one} carries an earlier year's estimate"),
        many => format!(
            "; {} carry an earlier year's estimate",
            crate::numbers::and_list(many)
        ),
    };
    Some(format!(
        "{}: from {} in {} to {} in {}{change}{carried}.",
        label(input.data, comparison),
        display(metric, from, input.units),
        first.year,
        display(metric, to, input.units),
        last.year
    ))
}

/// The section, with a chart per metric that has at least two years of a comparison.
pub(super) fn section(
    md: &mut String,
    input: &Input,
    charts: &mut Vec<(String, String)>,
) -> Result<(), Error> {
    let metrics: Vec<Metric> = Metric::single()
        .filter(|m| input.trajectories.iter().any(|p| p.metric == *m))
        .collect();
    let mut body = String::new();
    for metric in metrics {
        let mut series = Vec::new();
        let mut readings = Vec::new();
        let mut ids: Vec<String> = Vec::new();
        for (index, comparison) in input.comparisons.iter().enumerate() {
            let points = points_of(input, metric, comparison);
            if points.len() < 2 {
                continue;
            }
            for p in &points {
                if let Ok((_, formula)) = &p.figure {
                    for s in crate::render::layout::sources_of(formula) {
                        if !ids.contains(&s) {
                            ids.push(s);
                        }
                    }
                }
            }
            readings.extend(reading(input, metric, comparison, &points));
            series.push(Series {
                label: label(input.data, comparison),
                index,
                points: points
                    .iter()
                    .filter_map(|p| {
                        p.figure.as_ref().ok().map(|(row, _)| YearPoint {
                            year: p.year,
                            value: row.value,
                            interval: row.interval.map(|i| (i.p05, i.p95)),
                            carried: !p.carried.is_empty(),
                        })
                    })
                    .collect(),
            });
        }
        if series.is_empty() {
            continue;
        }
        // A line drawn exactly over another (the same figures) says so in its label.
        let figures = |s: &Series| -> Vec<(i32, f64)> {
            s.points.iter().map(|p| (p.year, p.value)).collect()
        };
        for i in 1..series.len() {
            if let Some(earlier) = series[..i]
                .iter()
                .find(|e| figures(e) == figures(&series[i]))
            {
                let note = format!(" (the same figures as {}, drawn over it)", earlier.label);
                series[i].label.push_str(&note);
            }
        }
        let name = capitalised(&section_title(metric, input.units));
        let what_if = !input.overrides.is_empty();
        // One chart per seven comparisons (by their place, so that a comparison keeps
        // its colour in every chart): more lines than colours could not be told apart.
        let mut parts: Vec<Vec<Series>> = Vec::new();
        for s in series {
            let part = s.index / PALETTE_SIZE;
            match parts.last_mut() {
                Some(last) if last[0].index / PALETTE_SIZE == part => last.push(s),
                _ => parts.push(vec![s]),
            }
        }
        body.push_str(&format!("### {name}\n\n"));
        let count = parts.len();
        for (k, part) in parts.into_iter().enumerate() {
            let (file, heading) = match count {
                1 => (
                    format!("{}-years.svg", metric.id()),
                    format!("{name} over the years"),
                ),
                _ => (
                    format!("{}-years-{}.svg", metric.id(), k + 1),
                    format!("{name} over the years ({} of {count})", k + 1),
                ),
            };
            let chart = LineChart {
                file: format!("{}/{file}", input.chart_dir),
                title: heading.clone(),
                axis: title(metric, input.units),
                series: part,
                source_line: source_line(input.data, &ids, &[], what_if),
            };
            charts.push((file.clone(), draw(&chart)?));
            body.push_str(&format!(
                "![{}]({}/{file})\n\n",
                escape(&heading),
                input.chart_dir
            ));
        }
        for r in readings {
            body.push_str(&format!("- {}\n", escape(&r)));
        }
        body.push('\n');
    }
    if body.is_empty() {
        return Ok(());
    }
    md.push_str("## Over the years\n\n");
    md.push_str("Each comparison's figures for every year from its group's first fighters estimate to the comparison's own year, each year from that year's estimates or, where one is missing, the nearest earlier one (a hollow dot on the chart). The change from the first year to the last is computed on the same Monte Carlo draws for both years, so an estimate used in both does not widen it.\n\n");
    md.push_str(&body);
    Ok(())
}
