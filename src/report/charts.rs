//! The report's charts: one horizontal bar chart per metric, comparison against
//! comparison, with 90% intervals as whiskers. SVG from plotters' SVG backend, so no
//! system library or font is needed. A log scale is used when the values span a factor
//! of ten or more.

use plotters::prelude::*;

use crate::error::{Error, Location, Problem};
use crate::metrics::compute::MetricRow;
use crate::metrics::Metric;
use crate::render::format::{compact, title};
use crate::units::Units;

const WIDTH: u32 = 760;
const ROW_HEIGHT: u32 = 46;
const BAR: RGBColor = RGBColor(52, 101, 164);
const WHISKER: RGBColor = RGBColor(30, 30, 30);

/// The ratio of largest to smallest value from which the axis is logarithmic.
const LOG_SPAN: f64 = 10.0;

fn failed(err: impl std::fmt::Display) -> Error {
    Error::Data(vec![Problem::new(
        format!("cannot draw a chart: {err}"),
        Location::file("report"),
    )])
}

/// One bar chart: `rows` are the metric's rows in display order.
pub(crate) fn bar_chart(
    metric: Metric,
    rows: &[&MetricRow],
    units: Units,
    caption: &str,
    source_line: &str,
) -> Result<String, Error> {
    let low = |r: &MetricRow| r.interval.map_or(r.value, |i| i.p05.min(r.value));
    let high = |r: &MetricRow| r.interval.map_or(r.value, |i| i.p95.max(r.value));
    let min = rows.iter().map(|r| low(r)).fold(f64::INFINITY, f64::min);
    let max = rows.iter().map(|r| high(r)).fold(0.0, f64::max);
    let log = min > 0.0 && max / min >= LOG_SPAN;
    let height = 130 + ROW_HEIGHT * rows.len() as u32;
    let unit_label = if metric.is_pairwise() {
        "times the other comparison".to_string()
    } else {
        title(metric, units)
    };
    let axis = if log {
        format!("{unit_label} (log scale)")
    } else {
        unit_label
    };
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, height)).into_drawing_area();
        root.fill(&WHITE).map_err(failed)?;
        let (plot, footer) = root.split_vertically(height - 28);
        footer
            .draw(&Text::new(
                source_line.to_string(),
                (10, 8),
                ("sans-serif", 12).into_font().color(&RGBColor(90, 90, 90)),
            ))
            .map_err(failed)?;
        let n = rows.len();
        let labels: Vec<String> = rows.iter().map(|r| r.comparison.clone()).collect();
        let label_of = move |y: &f64| {
            let i = (*y - 0.5).round();
            if (*y - 0.5 - i).abs() < 1e-6 && i >= 0.0 && (i as usize) < n {
                labels[n - 1 - i as usize].clone()
            } else {
                String::new()
            }
        };
        let mut builder = ChartBuilder::on(&plot);
        builder
            .caption(caption, ("sans-serif", 20))
            .margin(12)
            .margin_right(40)
            .x_label_area_size(46)
            .y_label_area_size(190);
        let y_range = 0f64..n as f64;
        // Bars start at the axis: 0 on a linear scale, the axis's left end on a log one.
        if log {
            // Whole decades, so the log axis is labelled 100, 1,000, 10,000.
            let lo = 10f64.powf((min / 1.2).log10().floor());
            let hi = 10f64.powf((max * 1.2).log10().ceil());
            let chart = builder
                .build_cartesian_2d((lo..hi).log_scale(), y_range)
                .map_err(failed)?;
            draw(chart, &label_of, &axis, metric, rows, lo)?;
        } else {
            let chart = builder
                .build_cartesian_2d(0f64..max * 1.18, y_range)
                .map_err(failed)?;
            draw(chart, &label_of, &axis, metric, rows, 0.0)?;
        }
        root.present().map_err(failed)?;
    }
    Ok(svg)
}

/// The mesh, axis labels, bars and whiskers, on either kind of x axis.
fn draw<X>(
    mut chart: ChartContext<
        '_,
        SVGBackend<'_>,
        Cartesian2d<X, plotters::coord::types::RangedCoordf64>,
    >,
    label_of: &dyn Fn(&f64) -> String,
    axis: &str,
    metric: Metric,
    rows: &[&MetricRow],
    origin: f64,
) -> Result<(), Error>
where
    X: Ranged<ValueType = f64> + plotters::coord::ranged1d::ValueFormatter<f64>,
{
    chart
        .configure_mesh()
        .disable_y_mesh()
        .y_labels(rows.len() * 2 + 1)
        .y_label_formatter(label_of)
        .x_desc(axis)
        .x_label_formatter(&|v| compact(metric, *v))
        .label_style(("sans-serif", 13))
        .draw()
        .map_err(failed)?;
    bars(&mut chart, rows, origin, metric)
}

fn bars<X>(
    chart: &mut ChartContext<
        '_,
        SVGBackend<'_>,
        Cartesian2d<X, plotters::coord::types::RangedCoordf64>,
    >,
    rows: &[&MetricRow],
    origin: f64,
    metric: Metric,
) -> Result<(), Error>
where
    X: Ranged<ValueType = f64>,
{
    let n = rows.len();
    for (i, row) in rows.iter().enumerate() {
        let y = (n - 1 - i) as f64;
        chart
            .draw_series(std::iter::once(Rectangle::new(
                [(origin, y + 0.22), (row.value, y + 0.78)],
                BAR.filled(),
            )))
            .map_err(failed)?;
        let end = row.interval.map_or(row.value, |i| i.p95.max(row.value));
        let label = EmptyElement::at((end, y + 0.5))
            + Text::new(
                compact(metric, row.value),
                (8, -7),
                ("sans-serif", 13).into_font(),
            );
        chart.draw_series(std::iter::once(label)).map_err(failed)?;
        if let Some(interval) = row.interval.filter(|i| i.p05 < i.p95) {
            let mid = y + 0.5;
            let style = ShapeStyle::from(&WHISKER).stroke_width(2);
            chart
                .draw_series([
                    PathElement::new(vec![(interval.p05, mid), (interval.p95, mid)], style),
                    PathElement::new(
                        vec![(interval.p05, mid - 0.14), (interval.p05, mid + 0.14)],
                        style,
                    ),
                    PathElement::new(
                        vec![(interval.p95, mid - 0.14), (interval.p95, mid + 0.14)],
                        style,
                    ),
                ])
                .map_err(failed)?;
        }
    }
    Ok(())
}
