//! A comparison's metrics year by year (`table --years`): each year's inputs resolved
//! as for a comparison of that year (its own estimates, or the nearest earlier ones,
//! carried and said), each figure's interval from the run's seeded draws, and the change
//! from the first year with a figure to each later one, computed trial by trial on the
//! same draws (an estimate carried into both years is the same draw in both).

use crate::data::model::YearRule;
use crate::data::years::unused;
use crate::data::{Dataset, Quantity};
use crate::error::Problem;
use crate::uncertainty::formula::Formula;
use crate::uncertainty::{change_interval, propagate, Settings};
use crate::units::Units;

use super::compute::single_with_formula;
use super::events::{EventInputs, Uncovered};
use super::overrides::Override;
use super::resolve::{resolve, Inputs};
use super::row::MetricRow;
use super::{Kind, Metric};

/// The years asked for, both included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Years {
    pub(crate) first: i32,
    pub(crate) last: i32,
}

/// The most years one run spans.
pub(crate) const MOST_YEARS: i32 = 200;

impl Years {
    /// `2018..2025` (or `2018-2025`, `2018..=2025`), or one year.
    pub(crate) fn parse(text: &str) -> Result<Years, String> {
        let text = text.trim();
        let (first, last) = ["..=", "..", "-", "–"]
            .iter()
            .find_map(|sep| text.split_once(sep))
            .unwrap_or((text, text));
        let year = |part: &str| {
            part.trim()
                .parse::<i32>()
                .ok()
                .filter(|y| (1800..=2200).contains(y))
                .ok_or_else(|| {
                    format!(
                        "\"{}\" is not a year: give FIRST..LAST, such as 2018..2025",
                        part.trim()
                    )
                })
        };
        let (first, last) = (year(first)?, year(last)?);
        if first > last {
            return Err(format!(
                "{first}..{last} runs backwards: give the earlier year first ({last}..{first})"
            ));
        }
        if last - first >= MOST_YEARS {
            return Err(format!(
                "{first}..{last} spans {} years; at most {MOST_YEARS} are shown at once",
                last - first + 1
            ));
        }
        Ok(Years { first, last })
    }

    pub(crate) fn each(self) -> impl Iterator<Item = i32> {
        self.first..=self.last
    }
}

/// An input taken from an earlier year than the figure's.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Carried {
    pub(crate) quantity: Quantity,
    /// The group's or country's id, and its name.
    pub(crate) entity: String,
    pub(crate) name: String,
    pub(crate) year: i32,
}

impl std::fmt::Display for Carried {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {} {}", self.entity, self.quantity, self.year)
    }
}

/// The change from an earlier year's figure, as a factor, with the 5th and 95th
/// percentiles of the factor over the shared draws.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Change {
    pub(crate) from: i32,
    pub(crate) factor: f64,
    pub(crate) p05: Option<f64>,
    pub(crate) p95: Option<f64>,
}

/// One year of one metric of one comparison.
#[derive(Debug, Clone)]
pub(crate) struct Point {
    pub(crate) comparison: String,
    pub(crate) metric: Metric,
    pub(crate) year: i32,
    /// The figure with its formula, or why that year has none.
    pub(crate) figure: Result<(MetricRow, Formula), String>,
    pub(crate) carried: Vec<Carried>,
    pub(crate) change: Option<Change>,
}

/// What a trajectory run computes from.
pub(crate) struct Asked<'a> {
    pub(crate) comparisons: &'a [&'a str],
    pub(crate) metrics: &'a [Metric],
    pub(crate) years: Years,
    pub(crate) units: Units,
    pub(crate) uncertainty: Option<Settings>,
    pub(crate) events: Option<EventInputs<'a>>,
}

/// Every asked metric of every asked comparison in every year, in that order.
pub(crate) fn trajectories(
    data: &Dataset,
    overrides: &[Override],
    asked: &Asked,
) -> Result<Vec<Point>, Problem> {
    let mut points = Vec::new();
    for id in asked.comparisons {
        let Some(comparison) = data.comparisons.iter().find(|c| c.id == *id) else {
            continue;
        };
        let years: Vec<Inputs> = asked
            .years
            .each()
            .map(|year| {
                let mut c = comparison.clone();
                c.year = year;
                c.year_rule = YearRule::Set;
                resolve(data, &c, overrides)
            })
            .collect();
        for &metric in asked.metrics.iter().filter(|m| !m.is_pairwise()) {
            for inputs in &years {
                points.push(point(data, inputs, metric, asked));
            }
        }
    }
    if let Some(settings) = &asked.uncertainty {
        let formulas: Vec<Formula> = points
            .iter()
            .filter_map(|p| p.figure.as_ref().ok().map(|(_, f)| f.clone()))
            .collect();
        let mut intervals = propagate(&formulas, settings)?.into_iter();
        for point in &mut points {
            if let Ok((row, _)) = &mut point.figure {
                row.interval = intervals.next();
            }
        }
    }
    changes(&mut points, asked.uncertainty.as_ref())?;
    Ok(points)
}

/// Every comparison's single metrics over the years, from its group's first fighters
/// estimate to the comparison's own year (the report's section over the years).
pub(crate) fn up_to_own_years(
    data: &Dataset,
    overrides: &[Override],
    units: Units,
    settings: Settings,
) -> Result<Vec<Point>, Problem> {
    let metrics: Vec<Metric> = Metric::single().collect();
    let mut points = Vec::new();
    for c in &data.comparisons {
        let first = data
            .rows_for(Quantity::Fighters, &c.group)
            .iter()
            .filter_map(|r| r.year)
            .min();
        let Some(first) = first.filter(|&f| f < c.year) else {
            continue;
        };
        let asked = Asked {
            comparisons: &[c.id.as_str()],
            metrics: &metrics,
            years: Years {
                first,
                last: c.year,
            },
            units,
            uncertainty: Some(settings),
            events: None,
        };
        points.extend(trajectories(data, overrides, &asked)?);
    }
    Ok(points)
}

/// One year's figure of a metric, and the inputs it carries from earlier years.
fn point(data: &Dataset, inputs: &Inputs, metric: Metric, asked: &Asked) -> Point {
    let c = &inputs.comparison;
    let figure = match asked.events.filter(|_| metric.is_event()) {
        Some(events) => events
            .metric(data, inputs, metric, asked.units)
            .map_err(|why| match why {
                Uncovered::Reason(reason) => reason,
                Uncovered::Problem(problem) => problem.message,
            }),
        None => single_with_formula(inputs, metric, asked.units).map_err(|p| p.message),
    };
    let quantities: Vec<Quantity> = match metric.def().kind {
        Kind::Event { per, .. } => per.into_iter().collect(),
        _ => metric
            .quantities()
            .map_or_else(Vec::new, |(top, bottom)| vec![top, bottom]),
    };
    // That a later estimate exists is what a trajectory shows, not a note on each year.
    let mut figure = figure;
    if let Ok((row, _)) = &mut figure {
        let newer: Vec<String> = quantities
            .iter()
            .filter_map(|q| inputs.get(*q).as_ref().ok().map(|r| (*q, r)))
            .flat_map(|(q, r)| r.parts.iter().map(move |p| (q, p)))
            .filter_map(|(q, p)| {
                unused(data, c, q, &p.entity, p.component.as_deref()).map(|u| u.note(data, c))
            })
            .collect();
        row.notes.retain(|note| !newer.contains(note));
    }
    let carried = if figure.is_ok() {
        quantities
            .iter()
            .filter_map(|q| inputs.get(*q).as_ref().ok())
            .flat_map(|resolved| &resolved.parts)
            .filter_map(|part| {
                let year = part.year.filter(|&y| y < c.year)?;
                Some(Carried {
                    quantity: part.quantity,
                    entity: part.entity.clone(),
                    name: data.entity_name(&part.entity),
                    year,
                })
            })
            .collect()
    } else {
        Vec::new()
    };
    Point {
        comparison: c.id.clone(),
        metric,
        year: c.year,
        figure,
        carried,
        change: None,
    }
}

/// Each figure's change from the first year of its comparison and metric that has one.
fn changes(points: &mut [Point], settings: Option<&Settings>) -> Result<(), Problem> {
    let mut start = 0;
    while start < points.len() {
        let (comparison, metric) = (points[start].comparison.clone(), points[start].metric);
        let end = points[start..]
            .iter()
            .position(|p| p.comparison != comparison || p.metric != metric)
            .map_or(points.len(), |n| start + n);
        let run = &mut points[start..end];
        let base = run.iter().find_map(|p| {
            p.figure
                .as_ref()
                .ok()
                .map(|(r, f)| (p.year, r.value, f.clone()))
        });
        if let Some((from, value, formula)) = base {
            for point in run.iter_mut().filter(|p| p.year > from) {
                let Ok((row, later)) = &point.figure else {
                    continue;
                };
                let (p05, p95) = match settings {
                    Some(settings) => {
                        let (p05, _, p95) = change_interval(&formula, later, settings)?;
                        (Some(p05), Some(p95))
                    }
                    None => (None, None),
                };
                point.change = Some(Change {
                    from,
                    factor: row.value / value,
                    p05,
                    p95,
                });
            }
        }
        start = end;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_are_read_as_people_write_them() {
        let y = |a, b| Ok(Years { first: a, last: b });
        assert_eq!(Years::parse("2018..2025"), y(2018, 2025));
        assert_eq!(Years::parse("2018..=2025"), y(2018, 2025));
        assert_eq!(Years::parse("2018-2025"), y(2018, 2025));
        assert_eq!(Years::parse(" 2024 "), y(2024, 2024));
        assert!(Years::parse("2025..2018")
            .unwrap_err()
            .contains("runs backwards"));
        assert!(Years::parse("2018..soon")
            .unwrap_err()
            .contains("\"soon\" is not a year"));
        assert!(Years::parse("1000..2025").is_err());
    }
}
