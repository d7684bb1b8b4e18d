//! The report's charts: one horizontal chart per metric, comparison against comparison,
//! labelled with the comparisons' labels. Bars from zero on a linear axis; dots on a log
//! axis when the values span a factor of ten (a bar's length means nothing there); the
//! 90% interval as a line; published benchmarks as labelled dashed lines or bands; a
//! caption that says what is drawn and a source line naming the data's sources. SVG from
//! plotters' SVG backend, so no system library or font is needed.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::error::{Error, Location, Problem};
use crate::numbers::grouped;

const WIDTH: u32 = 760;
const ROW_HEIGHT: u32 = 50;
/// The height of one benchmark label's row above the comparisons.
const LABEL_ROW: f64 = 0.5;
const LABEL_AREA: u32 = 230;
const BAR: RGBColor = RGBColor(52, 101, 164);
const WHISKER: RGBColor = RGBColor(30, 30, 30);
const BENCHMARK: RGBColor = RGBColor(200, 80, 30);
const GREY: RGBColor = RGBColor(90, 90, 90);

/// The most powers of ten a log axis spans.
const MAX_DECADES: f64 = 15.0;

/// The ratio of largest to smallest value from which the axis is logarithmic.
const LOG_SPAN: f64 = 10.0;

/// One comparison's figure.
pub(crate) struct Bar {
    pub(crate) label: String,
    pub(crate) value: f64,
    /// The 90% interval, when the figure has a spread.
    pub(crate) interval: Option<(f64, f64)>,
    /// The label for the value: "9.6", "0.40×".
    pub(crate) shown: String,
    /// Where the comparison it belongs to is defined, for a figure no axis can hold.
    pub(crate) place: Option<Location>,
}

/// A published benchmark: a value, or a band from `value` to `high`.
pub(crate) struct Reference {
    pub(crate) label: String,
    pub(crate) value: f64,
    pub(crate) high: Option<f64>,
}

/// Everything one chart shows.
pub(crate) struct Chart {
    /// The file it is written to, as the report links it (`jnim-peers/x.svg`).
    pub(crate) file: String,
    pub(crate) title: String,
    /// The x axis's description, with its unit.
    pub(crate) axis: String,
    pub(crate) bars: Vec<Bar>,
    pub(crate) references: Vec<Reference>,
    /// "Data: ..." naming the sources of the figures drawn.
    pub(crate) source_line: String,
}

/// A chart the drawing library refused, named by the file it was to be written to.
pub(super) fn failed<E: std::fmt::Display>(file: &str) -> impl Fn(E) -> Error + '_ {
    move |err| {
        Error::Data(vec![Problem::new(
            format!("cannot draw the chart: {err}"),
            Location::file(file),
        )])
    }
}

/// The bar whose figure lies farthest, in powers of ten, from the middle of the others:
/// the one to look at first when the figures cannot share an axis.
fn farthest(bars: &[Bar]) -> Option<&Bar> {
    let mut logs: Vec<f64> = bars.iter().map(|b| b.value.abs().log10()).collect();
    logs.sort_by(f64::total_cmp);
    let middle = *logs.get(logs.len() / 2)?;
    let off = |b: &Bar| {
        let log = b.value.abs().log10();
        if log.is_finite() {
            (log - middle).abs()
        } else {
            f64::INFINITY
        }
    };
    bars.iter().max_by(|a, b| off(a).total_cmp(&off(b)))
}

/// A tick label without trailing zeros: "1", "10", "2.5", "1,000", "0.05".
pub(crate) fn tick(value: f64) -> String {
    let magnitude = value.abs();
    if magnitude >= 1000.0 || (value - value.round()).abs() < 1e-9 * magnitude.max(1.0) {
        return grouped(value, 0);
    }
    let text = format!("{value:.3}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// Wraps text at word boundaries into lines of at most `width` characters.
pub(super) fn lines(text: &str, width: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            out.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        out.push(line);
    }
    out
}

/// What the chart draws, in words, for the line under it.
fn legend(chart: &Chart, log: bool) -> String {
    let mut parts = vec![if log {
        "Dots: central estimate".to_string()
    } else {
        "Bars: central estimate".to_string()
    }];
    if chart.bars.iter().any(|b| b.interval.is_some()) {
        parts.push("lines: 90% interval".into());
    }
    if !chart.references.is_empty() {
        parts.push("dashed: published benchmarks, counted on another basis (see text)".into());
    }
    parts.join("; ") + "."
}

/// Draws one chart as SVG.
pub(crate) fn draw(chart: &Chart) -> Result<String, Error> {
    let low = |b: &Bar| b.interval.map_or(b.value, |(l, _)| l.min(b.value));
    let high = |b: &Bar| b.interval.map_or(b.value, |(_, h)| h.max(b.value));
    let min = chart.bars.iter().map(low).fold(f64::INFINITY, f64::min);
    let max = chart.bars.iter().map(high).fold(0.0, f64::max);
    let log = min > 0.0 && max / min >= LOG_SPAN;
    let refs_max = chart
        .references
        .iter()
        .map(|r| r.high.unwrap_or(r.value))
        .fold(0.0, f64::max);
    let refs_min = chart
        .references
        .iter()
        .map(|r| r.value)
        .fold(f64::INFINITY, f64::min);
    let (lo, hi) = if log {
        // The nearest round values (1, 2 or 5 times a power of ten) outside the figures,
        // with room for the value written after the highest: no decade of empty axis.
        let lo = round_below(min.min(refs_min) / 1.1);
        let hi = round_above(max.max(refs_max) * 1.25);
        // An axis over more decades than a page can label is no chart (and its ticks
        // would take the renderer without end).
        let decades = (hi / lo).log10();
        if !decades.is_finite() || decades > MAX_DECADES {
            return Err(Error::Data(vec![Problem::new(
                format!(
                    "chart \"{}\": its figures run from {} to {}, more than {MAX_DECADES} powers of ten apart",
                    chart.title,
                    crate::numbers::readable(min),
                    crate::numbers::readable(max)
                ),
                farthest(&chart.bars)
                    .and_then(|b| b.place.clone())
                    .unwrap_or_else(|| Location::file(&chart.file)),
            )
            .help("a figure that far from the others comes from a slip in the data: run `validate`, and check the inputs of the comparison it belongs to")]));
        }
        // A hair wider, so that both end decades are ticks despite rounding in powf.
        (lo * (1.0 - 1e-9), hi * (1.0 + 1e-9))
    } else {
        (0.0, max.max(refs_max) * 1.15)
    };
    let mut footer = vec![legend(chart, log)];
    footer.extend(lines(&chart.source_line, 118));
    let footer_height = 10 + 16 * footer.len() as u32;
    let n = chart.bars.len();
    let k = chart.references.len();
    let top = n as f64 + LABEL_ROW * k as f64;
    let plot_height =
        110 + ROW_HEIGHT * n as u32 + (ROW_HEIGHT as f64 * LABEL_ROW) as u32 * k as u32;
    let height = plot_height + footer_height;
    let axis = if log {
        format!("{} (log scale)", chart.axis)
    } else {
        chart.axis.clone()
    };
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, height)).into_drawing_area();
        root.fill(&WHITE).map_err(failed(&chart.file))?;
        let (plot, foot) = root.split_vertically(plot_height);
        for (i, text) in footer.iter().enumerate() {
            foot.draw(&Text::new(
                text.clone(),
                (10, 6 + 16 * i as i32),
                ("sans-serif", 12).into_font().color(&GREY),
            ))
            .map_err(failed(&chart.file))?;
        }
        let mut builder = ChartBuilder::on(&plot);
        builder
            .caption(&chart.title, ("sans-serif", 19))
            .margin(12)
            .margin_right(48)
            .x_label_area_size(44)
            .y_label_area_size(LABEL_AREA);
        if log {
            let (bold, light) = log_ticks(lo, hi);
            let x = (lo..hi)
                .log_scale()
                .with_key_points(bold)
                .with_light_points(light);
            let c = builder
                .build_cartesian_2d(x, 0f64..top)
                .map_err(failed(&chart.file))?;
            body(c, &root, chart, &axis, lo, hi, log)?;
        } else {
            let c = builder
                .build_cartesian_2d(lo..hi, 0f64..top)
                .map_err(failed(&chart.file))?;
            body(c, &root, chart, &axis, lo, hi, log)?;
        }
        root.present().map_err(failed(&chart.file))?;
    }
    Ok(described(svg, &chart.title))
}

/// The SVG with the marker by which the tool knows the file as its own, as its
/// description.
pub(super) fn described(svg: String, title: &str) -> String {
    let desc = format!(
        "<desc>Source: insurgency-metrics {}. {}</desc>",
        env!("CARGO_PKG_VERSION"),
        escape_xml(title)
    );
    match svg.find('>') {
        Some(end) => format!("{}\n{desc}{}", &svg[..=end], &svg[end + 1..]),
        None => svg,
    }
}

/// The labelled ticks of a log axis from `lo` to `hi` (round values, so both ends are
/// among them): 1, 2 and 5 times each power of ten over three decades or less, powers
/// of ten beyond; and the light grid lines, every whole multiple of each power of ten.
pub(super) fn log_ticks(lo: f64, hi: f64) -> (Vec<f64>, Vec<f64>) {
    let inside = |v: f64| v >= lo * (1.0 - 1e-9) && v <= hi * (1.0 + 1e-9);
    let first = lo.log10().floor() as i32;
    let last = hi.log10().ceil() as i32;
    let steps: &[f64] = if last - first <= 3 {
        &[1.0, 2.0, 5.0]
    } else {
        &[1.0]
    };
    let (mut bold, mut light) = (vec![lo], Vec::new());
    for k in first..=last {
        let decade = 10f64.powi(k);
        for m in 1..10 {
            let v = f64::from(m) * decade;
            if inside(v) {
                if steps.contains(&f64::from(m)) {
                    bold.push(v);
                } else {
                    light.push(v);
                }
            }
        }
    }
    bold.push(hi);
    bold.sort_by(f64::total_cmp);
    bold.dedup_by(|a, b| (*a / *b - 1.0).abs() < 1e-6);
    (bold, light)
}

/// The largest of 1, 2 or 5 times a power of ten at or below `x` (> 0).
pub(super) fn round_below(x: f64) -> f64 {
    let decade = 10f64.powf(x.log10().floor());
    [5.0, 2.0, 1.0]
        .into_iter()
        .map(|m| m * decade)
        .find(|v| *v <= x * (1.0 + 1e-12))
        .unwrap_or(decade)
}

/// The smallest of 1, 2 or 5 times a power of ten at or above `x` (> 0).
pub(super) fn round_above(x: f64) -> f64 {
    let decade = 10f64.powf(x.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * decade)
        .find(|v| *v >= x * (1.0 - 1e-12))
        .unwrap_or(10.0 * decade)
}

fn escape_xml(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

type Ctx<'a, X> =
    ChartContext<'a, SVGBackend<'a>, Cartesian2d<X, plotters::coord::types::RangedCoordf64>>;

/// The mesh, the labels, the benchmarks and the figures, on either kind of x axis.
fn body<'a, X>(
    mut c: Ctx<'a, X>,
    root: &DrawingArea<SVGBackend<'a>, plotters::coord::Shift>,
    chart: &Chart,
    axis: &str,
    lo: f64,
    hi: f64,
    log: bool,
) -> Result<(), Error>
where
    X: Ranged<ValueType = f64> + plotters::coord::ranged1d::ValueFormatter<f64>,
{
    c.configure_mesh()
        .disable_y_mesh()
        .y_labels(0)
        .y_label_formatter(&|_| String::new())
        .x_labels(8)
        .x_desc(axis)
        .x_label_formatter(&|v| tick(*v))
        .label_style(("sans-serif", 13))
        .draw()
        .map_err(failed(&chart.file))?;
    let n = chart.bars.len();
    // Row labels, wrapped, right-aligned against the axis.
    for (i, bar) in chart.bars.iter().enumerate() {
        let y = (n - 1 - i) as f64 + 0.5;
        let (px, py) = c.backend_coord(&(lo, y));
        let wrapped = lines(&bar.label, 32);
        let first = py - 8 * (wrapped.len() as i32 - 1);
        for (j, text) in wrapped.iter().enumerate() {
            let style = TextStyle::from(("sans-serif", 13).into_font())
                .pos(Pos::new(HPos::Right, VPos::Center));
            root.draw(&Text::new(
                text.clone(),
                (px - 8, first + 16 * j as i32),
                style,
            ))
            .map_err(failed(&chart.file))?;
        }
    }
    references(&mut c, chart, n, lo, hi)?;
    for (i, bar) in chart.bars.iter().enumerate() {
        let y = (n - 1 - i) as f64;
        let mid = y + 0.5;
        if log {
            c.draw_series(std::iter::once(Circle::new(
                (bar.value, mid),
                5,
                BAR.filled(),
            )))
            .map_err(failed(&chart.file))?;
        } else {
            c.draw_series(std::iter::once(Rectangle::new(
                [(lo, y + 0.25), (bar.value, y + 0.75)],
                BAR.filled(),
            )))
            .map_err(failed(&chart.file))?;
        }
        if let Some((l, h)) = bar.interval.filter(|(l, h)| l < h) {
            let style = ShapeStyle::from(&WHISKER).stroke_width(2);
            c.draw_series([
                PathElement::new(vec![(l, mid), (h, mid)], style),
                PathElement::new(vec![(l, mid - 0.12), (l, mid + 0.12)], style),
                PathElement::new(vec![(h, mid - 0.12), (h, mid + 0.12)], style),
            ])
            .map_err(failed(&chart.file))?;
        }
        let end = bar.interval.map_or(bar.value, |(_, h)| h.max(bar.value));
        // A white ground under the value, so that a benchmark line behind it never
        // runs through its digits.
        let width = 8 * bar.shown.chars().count() as i32 + 4;
        let ground = EmptyElement::at((end, mid))
            + Rectangle::new([(6, -9), (6 + width, 9)], WHITE.filled());
        c.draw_series(std::iter::once(ground))
            .map_err(failed(&chart.file))?;
        let label = EmptyElement::at((end, mid))
            + Text::new(
                bar.shown.clone(),
                (8, 0),
                TextStyle::from(("sans-serif", 13).into_font())
                    .pos(Pos::new(HPos::Left, VPos::Center)),
            );
        c.draw_series(std::iter::once(label))
            .map_err(failed(&chart.file))?;
    }
    Ok(())
}

/// Each benchmark as a dashed line (or a shaded band between dashed edges) across the
/// rows, and its label on a row of its own above them, beside a short mark at its value:
/// no label crosses a line or another label.
fn references<X>(c: &mut Ctx<'_, X>, chart: &Chart, n: usize, lo: f64, hi: f64) -> Result<(), Error>
where
    X: Ranged<ValueType = f64>,
{
    let k = chart.references.len();
    let (left, right) = (c.backend_coord(&(lo, 0.0)).0, c.backend_coord(&(hi, 0.0)).0);
    let style = ShapeStyle::from(&BENCHMARK).stroke_width(2);
    let top = n as f64;
    for (i, r) in chart.references.iter().enumerate() {
        if let Some(h) = r.high {
            c.draw_series(std::iter::once(Rectangle::new(
                [(r.value, 0.0), (h, top)],
                BENCHMARK.mix(0.12).filled(),
            )))
            .map_err(failed(&chart.file))?;
        }
        for x in std::iter::once(r.value).chain(r.high) {
            // Dashes of 0.12 rows with gaps of 0.08.
            let dashes = (0..)
                .map(|d| d as f64 * 0.2)
                .take_while(|y| *y < top)
                .map(|y| PathElement::new(vec![(x, y), (x, (y + 0.12).min(top))], style));
            c.draw_series(dashes).map_err(failed(&chart.file))?;
        }
        let label_y = top + LABEL_ROW * (k - i) as f64 - LABEL_ROW / 2.0;
        let mut marks = vec![PathElement::new(
            vec![(r.value, label_y - 0.15), (r.value, label_y + 0.15)],
            style,
        )];
        if let Some(h) = r.high {
            marks.push(PathElement::new(
                vec![(h, label_y - 0.15), (h, label_y + 0.15)],
                style,
            ));
        }
        c.draw_series(marks).map_err(failed(&chart.file))?;
        // Right of the mark, or left of it when it is in the right part of the plot.
        let px = c.backend_coord(&(r.value, 0.0)).0;
        let rightwards = px - left <= (right - left) * 6 / 10;
        let (anchor, dx, x) = if rightwards {
            (HPos::Left, 6, r.high.unwrap_or(r.value))
        } else {
            (HPos::Right, -6, r.value)
        };
        let text = EmptyElement::at((x, label_y))
            + Text::new(
                r.label.clone(),
                (dx, 0),
                TextStyle::from(("sans-serif", 12).into_font())
                    .color(&BENCHMARK)
                    .pos(Pos::new(anchor, VPos::Center)),
            );
        c.draw_series(std::iter::once(text))
            .map_err(failed(&chart.file))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{draw, round_above, round_below, tick, Bar, Chart};

    fn chart(values: &[f64]) -> Chart {
        Chart {
            file: "report/area_per_fighter.svg".into(),
            title: "Area per fighter".into(),
            axis: "sq mi per fighter".into(),
            bars: values
                .iter()
                .map(|v| Bar {
                    label: format!("comparison at {v}"),
                    value: *v,
                    interval: None,
                    shown: v.to_string(),
                    place: None,
                })
                .collect(),
            references: Vec::new(),
            source_line: "Data: test.".into(),
        }
    }

    #[test]
    fn figures_too_far_apart_for_an_axis_are_an_error_not_a_hang() {
        // Regression: an area of 1e-301 km² passed `table` and `report` looped forever.
        let mut far = chart(&[1e-301, 4.0, 5.0]);
        far.bars[0].place = Some(crate::error::Location::key("comparisons.toml", 3, 1, "id"));
        let err = draw(&far).expect_err("no chart").to_string();
        assert!(err.contains("more than 15 powers of ten apart"), "{err}");
        // Placed at the comparison whose figure is out of line.
        assert!(err.contains("--> comparisons.toml:3:1 (key `id`)"), "{err}");
        assert!(draw(&chart(&[1e-9, 4.0])).is_ok());
        assert!(draw(&chart(&[2.0, 4.0])).is_ok());
    }

    #[test]
    fn log_axes_end_at_the_nearest_round_values() {
        assert_eq!(round_below(1.18), 1.0);
        assert_eq!(round_below(379.0), 200.0);
        assert_eq!(round_below(0.06), 0.05);
        assert_eq!(round_above(23.4), 50.0);
        assert_eq!(round_above(10_265.0), 20_000.0);
        assert_eq!(round_above(2.0), 2.0);
        assert_eq!(round_above(0.9), 1.0);
    }

    #[test]
    fn ticks_have_no_trailing_zeros() {
        assert_eq!(tick(1.0), "1");
        assert_eq!(tick(10.0), "10");
        assert_eq!(tick(2.5), "2.5");
        assert_eq!(tick(1000.0), "1,000");
        assert_eq!(tick(0.05), "0.05");
    }
}
