//! The report's charts over the years: one line per comparison through its yearly
//! figures, its 90% interval as a shaded band, a filled dot for a year whose inputs are
//! all of that year and a hollow one for a year that carries an earlier estimate. A log
//! axis when the figures span a factor of ten. SVG from plotters, as the other charts.

use plotters::prelude::*;

use super::charts::{described, failed, lines, log_ticks, round_above, round_below, tick};
use crate::error::Error;

const WIDTH: u32 = 760;
const PLOT_HEIGHT: u32 = 420;
const GREY: RGBColor = RGBColor(90, 90, 90);
/// How many lines one chart can tell apart by colour.
pub(crate) const PALETTE_SIZE: usize = 7;
/// Colours told apart in print and by most colour-blind readers (Okabe–Ito).
const PALETTE: [RGBColor; PALETTE_SIZE] = [
    RGBColor(0, 114, 178),
    RGBColor(213, 94, 0),
    RGBColor(0, 158, 115),
    RGBColor(204, 121, 167),
    RGBColor(86, 180, 233),
    RGBColor(230, 159, 0),
    RGBColor(0, 0, 0),
];

/// One year of a comparison's line.
pub(crate) struct YearPoint {
    pub(crate) year: i32,
    pub(crate) value: f64,
    pub(crate) interval: Option<(f64, f64)>,
    /// Whether the year carries an estimate of an earlier year.
    pub(crate) carried: bool,
}

/// One comparison's line.
pub(crate) struct Series {
    pub(crate) label: String,
    /// Its place among every comparison, which picks its colour: the same in every chart.
    pub(crate) index: usize,
    pub(crate) points: Vec<YearPoint>,
}

/// Everything one chart over the years shows.
pub(crate) struct LineChart {
    pub(crate) file: String,
    pub(crate) title: String,
    /// The y axis's description, with its unit.
    pub(crate) axis: String,
    pub(crate) series: Vec<Series>,
    pub(crate) source_line: String,
}

fn color(i: usize) -> RGBColor {
    PALETTE[i % PALETTE.len()]
}

/// Draws the chart as SVG.
pub(crate) fn draw(chart: &LineChart) -> Result<String, Error> {
    let all = || chart.series.iter().flat_map(|s| &s.points);
    let low = |p: &YearPoint| p.interval.map_or(p.value, |(l, _)| l.min(p.value));
    let high = |p: &YearPoint| p.interval.map_or(p.value, |(_, h)| h.max(p.value));
    let min = all().map(low).fold(f64::INFINITY, f64::min);
    let max = all().map(high).fold(0.0, f64::max);
    let first = all().map(|p| p.year).min().unwrap_or(2000);
    let last = all().map(|p| p.year).max().unwrap_or(first);
    let log = min > 0.0 && max / min >= 10.0;
    let (lo, hi) = if log {
        (round_below(min / 1.1), round_above(max * 1.1))
    } else {
        (0.0, if max > 0.0 { max * 1.15 } else { 1.0 })
    };
    let legend_text = "Lines: central estimate; shaded: 90% interval; filled dot: the year's own estimates; hollow dot: a year that carries an earlier year's estimate of an input.";
    let footer: Vec<String> = [legend_text, chart.source_line.as_str()]
        .into_iter()
        .flat_map(|line| lines(line, 118))
        .collect();
    // Two columns of labels, or one where a label would not fit half the width.
    let columns = if chart.series.iter().any(|s| s.label.chars().count() > 44) {
        1
    } else {
        2
    };
    let legend_rows = chart.series.len().div_ceil(columns) as u32;
    let height = PLOT_HEIGHT + 20 * legend_rows + 10 + 16 * footer.len() as u32;
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, height)).into_drawing_area();
        root.fill(&WHITE).map_err(failed(&chart.file))?;
        let (plot, rest) = root.split_vertically(PLOT_HEIGHT);
        let (legend, foot) = rest.split_vertically(20 * legend_rows + 6);
        for (i, series) in chart.series.iter().enumerate() {
            let (x, y) = (
                20 + 370 * (i % columns) as i32,
                4 + 20 * (i / columns) as i32,
            );
            let c = color(series.index);
            legend
                .draw(&PathElement::new(
                    vec![(x, y + 7), (x + 28, y + 7)],
                    c.stroke_width(3),
                ))
                .map_err(failed(&chart.file))?;
            legend
                .draw(&Text::new(
                    series.label.clone(),
                    (x + 36, y),
                    ("sans-serif", 13).into_font(),
                ))
                .map_err(failed(&chart.file))?;
        }
        for (i, text) in footer.iter().enumerate() {
            foot.draw(&Text::new(
                text.clone(),
                (10, 6 + 16 * i as i32),
                ("sans-serif", 12).into_font().color(&GREY),
            ))
            .map_err(failed(&chart.file))?;
        }
        let x = (f64::from(first) - 0.4)..(f64::from(last) + 0.4);
        let mut builder = ChartBuilder::on(&plot);
        builder
            .caption(&chart.title, ("sans-serif", 19))
            .margin(12)
            .margin_right(24)
            .x_label_area_size(40)
            .y_label_area_size(70);
        let years = (last - first + 1) as usize;
        if log {
            let (bold, light) = log_ticks(lo, hi);
            let y = (lo..hi)
                .log_scale()
                .with_key_points(bold)
                .with_light_points(light);
            let mut c = builder
                .build_cartesian_2d(x, y)
                .map_err(failed(&chart.file))?;
            c.configure_mesh()
                .x_labels(years.min(12))
                .x_label_formatter(&year_label)
                .y_label_formatter(&|v| tick(*v))
                .y_desc(format!("{} (log scale)", chart.axis))
                .label_style(("sans-serif", 13))
                .draw()
                .map_err(failed(&chart.file))?;
            plot_series(&mut c, chart)?;
        } else {
            let mut c = builder
                .build_cartesian_2d(x, lo..hi)
                .map_err(failed(&chart.file))?;
            c.configure_mesh()
                .x_labels(years.min(12))
                .x_label_formatter(&year_label)
                .y_label_formatter(&|v| tick(*v))
                .y_desc(chart.axis.as_str())
                .label_style(("sans-serif", 13))
                .draw()
                .map_err(failed(&chart.file))?;
            plot_series(&mut c, chart)?;
        }
        root.present().map_err(failed(&chart.file))?;
    }
    Ok(described(svg, &chart.title))
}

/// A whole year as its label; the axis's other key points have none.
fn year_label(v: &f64) -> String {
    if (v - v.round()).abs() < 1e-6 {
        format!("{}", v.round() as i64)
    } else {
        String::new()
    }
}

type Ctx<'a, Y> =
    ChartContext<'a, SVGBackend<'a>, Cartesian2d<plotters::coord::types::RangedCoordf64, Y>>;

/// Each comparison's band, line and dots; a gap of a year with no figure breaks the line.
fn plot_series<'a, Y>(c: &mut Ctx<'a, Y>, chart: &LineChart) -> Result<(), Error>
where
    Y: Ranged<ValueType = f64>,
{
    for series in &chart.series {
        let colour = color(series.index);
        for run in runs(&series.points) {
            let banded: Vec<&YearPoint> = run
                .iter()
                .filter(|p| p.interval.is_some())
                .copied()
                .collect();
            if banded.len() > 1 {
                let mut outline: Vec<(f64, f64)> = banded
                    .iter()
                    .filter_map(|p| p.interval.map(|(_, h)| (f64::from(p.year), h)))
                    .collect();
                outline.extend(
                    banded
                        .iter()
                        .rev()
                        .filter_map(|p| p.interval.map(|(l, _)| (f64::from(p.year), l))),
                );
                c.draw_series(std::iter::once(Polygon::new(outline, colour.mix(0.15))))
                    .map_err(failed(&chart.file))?;
            }
            for p in &banded {
                if let Some((l, h)) = p.interval {
                    let x = f64::from(p.year);
                    c.draw_series(std::iter::once(PathElement::new(
                        vec![(x, l), (x, h)],
                        colour.mix(0.6).stroke_width(1),
                    )))
                    .map_err(failed(&chart.file))?;
                }
            }
            c.draw_series(std::iter::once(PathElement::new(
                run.iter()
                    .map(|p| (f64::from(p.year), p.value))
                    .collect::<Vec<_>>(),
                colour.stroke_width(2),
            )))
            .map_err(failed(&chart.file))?;
            for p in &run {
                let at = (f64::from(p.year), p.value);
                let dot = if p.carried {
                    Circle::new(at, 5, WHITE.filled())
                } else {
                    Circle::new(at, 5, colour.filled())
                };
                c.draw_series(std::iter::once(dot))
                    .map_err(failed(&chart.file))?;
                if p.carried {
                    c.draw_series(std::iter::once(Circle::new(at, 5, colour.stroke_width(2))))
                        .map_err(failed(&chart.file))?;
                }
            }
        }
    }
    Ok(())
}

/// The points in runs of consecutive years.
fn runs(points: &[YearPoint]) -> Vec<Vec<&YearPoint>> {
    let mut out: Vec<Vec<&YearPoint>> = Vec::new();
    for p in points {
        match out.last_mut() {
            Some(run) if run.last().is_some_and(|q| q.year + 1 == p.year) => run.push(p),
            _ => out.push(vec![p]),
        }
    }
    out
}
