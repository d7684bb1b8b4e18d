//! `events FILE`: counts per group, country and period from an ACLED or UCDP export,
//! saying how many rows were left out and why (the first ten with their lines), or
//! failing on the first bad row with `--strict`.

use std::path::Path;

use comfy_table::{Cell, CellAlignment, ContentArrangement};

use crate::claims::counted::EventTotals;
use crate::claims::ClaimFile;
use crate::config::{Config, EventSource, EventsConfig};
use crate::data::Dataset;
use crate::error::{Error, Location, Problem};
use crate::events::aggregate::{Aggregate, Aggregator, Options};
use crate::events::lines::lines_of;
use crate::events::matching::Matcher;
use crate::events::read::{read, Export};
use crate::metrics::events::EventInputs;
use crate::render::format::{counted, grouped};
use crate::render::markdown::escape;
use crate::render::Format;

/// How many left-out rows are listed; the rest are counted.
const LISTED: usize = 10;

pub fn run(config: &Config, options: &EventsConfig) -> Result<String, Error> {
    let data = super::load_checked(config)?;
    let file = options.file.display().to_string();
    let mut matcher = Matcher::new(&data);
    if !options.groups.is_empty() {
        let known: Vec<&str> = matcher.group_ids().collect();
        crate::config::check_group_ids(&options.groups, &known)?;
        matcher.retain(&options.groups);
    }
    let mut aggregators = [Aggregator::new(
        &matcher,
        Options {
            large: options.large,
            by_month: options.by_month,
            by_kind: false,
        },
    )];
    let export = count(&options.file, &mut aggregators, options.strict)?;
    let [aggregator] = aggregators;
    let rows = aggregator.finish();
    let summary = format!("{file}: {}", describe(&export));
    match options.format {
        Format::Table => Ok(terminal(&rows, &summary, options.large)),
        Format::Markdown => Ok(markdown(&rows, &summary, options.large)),
        Format::Json => {
            eprintln!("{summary}");
            serde_json::to_string_pretty(&rows)
                .map(|t| t + "\n")
                .map_err(|e| Error::io("cannot write JSON", std::io::Error::other(e)))
        }
        Format::Csv => {
            eprintln!("{summary}");
            csv(&rows)
        }
    }
}

/// Reads an export into every aggregator at once, and reports the rows left out: on
/// stderr (the first ten with their lines, then how many more), or as the error with
/// `strict`.
pub fn count(path: &Path, aggregators: &mut [Aggregator], strict: bool) -> Result<Export, Error> {
    let file = path.display().to_string();
    if !path.is_file() {
        return Err(Error::Usage(format!(
            "{file}: no such file; give an ACLED or UCDP export (CSV)"
        )));
    }
    let with_kinds = aggregators.iter().any(Aggregator::by_kind);
    let export = read(path, with_kinds, &mut |event| {
        for aggregator in aggregators.iter_mut() {
            aggregator.add(event)
        }
    })?;
    let listed: Vec<String> = left_out(path, &export);
    if strict && !export.bad.is_empty() {
        let problems = export
            .bad
            .iter()
            .zip(&listed)
            .map(|(bad, text)| {
                Problem::new(bad.reason.clone(), Location::file(&file)).help(text.clone())
            })
            .collect();
        return Err(Error::Data(problems));
    }
    for line in &listed {
        eprintln!("warning: {line}");
    }
    if export.bad.len() > LISTED {
        eprintln!(
            "warning: … and {} more rows left out",
            export.bad.len() - LISTED
        );
    }
    Ok(export)
}

/// "ACLED export, 1,204 rows from 2024-01-02 to 2025-11-14, 1,203 events used, 1 row
/// left out".
pub fn describe(export: &Export) -> String {
    let span = export
        .span
        .map_or(String::new(), |((y1, m1, d1), (y2, m2, d2))| {
            format!(" from {y1}-{m1:02}-{d1:02} to {y2}-{m2:02}-{d2:02}")
        });
    format!(
        "{}, {}{span}, {} used, {} left out",
        export.format.describe(),
        counted(export.rows, "row"),
        counted(export.events, "event"),
        counted(export.bad.len(), "row")
    )
}

/// What one reading of an export gives a command: the event metrics' counts (when
/// `metrics` names the export and its threshold) and the events claims' counts (for the
/// queries of `claims`). The rows left out are reported on stderr, once.
pub struct Counts {
    /// The event metrics' inputs and what the export is, for outputs to say.
    pub metrics: Option<(EventInputs, String)>,
    pub claims: EventTotals,
}

/// Reads the export at `path` once for everything `metrics` and `claims` need; not at
/// all when they need nothing.
pub fn count_for(
    data: &Dataset,
    path: &Path,
    metrics: Option<&EventSource>,
    claims: &[ClaimFile],
) -> Result<Counts, Error> {
    let matcher = Matcher::new(data);
    let (thresholds, mut aggregators) = EventTotals::aggregators(&matcher, claims);
    if let Some(source) = metrics {
        aggregators.insert(0, metrics_aggregator(&matcher, source));
    }
    let export = if aggregators.is_empty() {
        None
    } else {
        Some(count(path, &mut aggregators, false)?)
    };
    let metrics = match (metrics, &export) {
        (Some(source), Some(export)) => {
            let aggregator = aggregators.remove(0);
            Some(event_inputs(source, aggregator, export))
        }
        _ => None,
    };
    Ok(Counts {
        metrics,
        claims: EventTotals::new(path, thresholds, aggregators, export.as_ref()),
    })
}

/// The aggregator the event metrics count with: per year, at `--large`.
fn metrics_aggregator<'m>(matcher: &'m Matcher, source: &EventSource) -> Aggregator<'m> {
    Aggregator::new(
        matcher,
        Options {
            large: source.large,
            by_month: false,
            by_kind: false,
        },
    )
}

/// The event metrics' inputs once the export has been read into `aggregator`.
fn event_inputs(
    source: &EventSource,
    aggregator: Aggregator,
    export: &Export,
) -> (EventInputs, String) {
    let totals = aggregator.totals();
    let file = source.file.file_name().map_or_else(
        || source.file.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let described = format!(
        "{file} ({}; large-scale attacks: {} or more deaths)",
        describe(export),
        grouped(source.large, 0)
    );
    (
        EventInputs {
            file,
            large: source.large,
            rows: aggregator.finish(),
            totals,
            span: export.span,
        },
        described,
    )
}

/// "line 14 (record 12): fatalities \"a dozen\" is not a whole number of deaths".
fn left_out(path: &std::path::Path, export: &Export) -> Vec<String> {
    let first: Vec<_> = export.bad.iter().take(LISTED).collect();
    let lines = lines_of(path, &first.iter().map(|b| b.record).collect::<Vec<_>>());
    first
        .iter()
        .zip(lines)
        .map(|(bad, line)| match line {
            Some(line) => format!("{}:{line}: row left out: {}", path.display(), bad.reason),
            None => format!(
                "{} record {}: row left out: {}",
                path.display(),
                bad.record,
                bad.reason
            ),
        })
        .collect()
}

const HEADINGS: [&str; 10] = [
    "group",
    "country",
    "period",
    "events",
    "initiated",
    "joint",
    "deaths",
    "large",
    "civilians",
    "change",
];

fn cells(r: &Aggregate) -> Vec<String> {
    let fatalities = match (r.fatalities_low, r.fatalities_high) {
        (Some(low), Some(high)) => format!(
            "{} ({}–{})",
            grouped(r.fatalities, 0),
            grouped(low, 0),
            grouped(high, 0)
        ),
        _ => grouped(r.fatalities, 0),
    };
    vec![
        r.group.clone(),
        r.country.clone(),
        r.period.clone(),
        grouped(r.events as f64, 0),
        grouped(r.initiated as f64, 0),
        grouped(r.joint as f64, 0),
        fatalities,
        grouped(r.large_attacks as f64, 0),
        grouped(r.civilian_targeting as f64, 0),
        r.events_change_pct
            .map_or("–".into(), |c| format!("{c:+.0}%")),
    ]
}

fn terminal(rows: &[Aggregate], summary: &str, large: f64) -> String {
    let mut table = crate::render::terminal::new_table(false);
    table.set_content_arrangement(ContentArrangement::Disabled);
    table.set_header(HEADINGS.iter().enumerate().map(|(i, h)| {
        if i < 3 {
            Cell::new(h)
        } else {
            Cell::new(h).set_alignment(CellAlignment::Right)
        }
    }));
    for r in rows {
        table.add_row(cells(r).into_iter().enumerate().map(|(i, c)| {
            if i < 3 {
                Cell::new(c)
            } else {
                Cell::new(c).set_alignment(CellAlignment::Right)
            }
        }));
    }
    for column in table.column_iter_mut() {
        column.set_padding((0, 1));
    }
    let body = if rows.is_empty() {
        "no event involves a group of the datasets (check the aliases in groups.csv)".to_string()
    } else {
        table.to_string()
    };
    format!(
        "{summary}\nevents: involving the group alone; initiated: as actor1 (UCDP side_a);\njoint: attributed to it together with another group, counted apart;\nlarge: initiated events with {} or more deaths; civilians: events targeting civilians\n\n{body}\n",
        grouped(large, 0)
    )
}

fn markdown(rows: &[Aggregate], summary: &str, large: f64) -> String {
    let mut out = format!(
        "| {} |\n|---|---|---|{}\n",
        HEADINGS.join(" | "),
        "---:|".repeat(7)
    );
    for r in rows {
        out.push_str(&format!(
            "| {} |\n",
            cells(r)
                .iter()
                .map(|c| escape(c))
                .collect::<Vec<_>>()
                .join(" | ")
        ));
    }
    out.push_str(&format!(
        "\n{}. Large attacks: initiated events with {} or more fatalities.\n",
        escape(summary),
        grouped(large, 0)
    ));
    out
}

fn csv(rows: &[Aggregate]) -> Result<String, Error> {
    use polars::prelude::Column;
    let text = |f: fn(&Aggregate) -> String| rows.iter().map(f).collect::<Vec<String>>();
    let whole = |f: fn(&Aggregate) -> u64| rows.iter().map(f).collect::<Vec<u64>>();
    let number =
        |f: fn(&Aggregate) -> Option<f64>| rows.iter().map(f).collect::<Vec<Option<f64>>>();
    crate::render::csv::write(
        rows.len(),
        vec![
            Column::new("group".into(), text(|r| r.group.clone())),
            Column::new("country".into(), text(|r| r.country.clone())),
            Column::new("period".into(), text(|r| r.period.clone())),
            Column::new("events".into(), whole(|r| r.events)),
            Column::new("initiated".into(), whole(|r| r.initiated)),
            Column::new("joint".into(), whole(|r| r.joint)),
            Column::new("fatalities".into(), number(|r| Some(r.fatalities))),
            Column::new("fatalities_low".into(), number(|r| r.fatalities_low)),
            Column::new("fatalities_high".into(), number(|r| r.fatalities_high)),
            Column::new("large_attacks".into(), whole(|r| r.large_attacks)),
            Column::new("civilian_targeting".into(), whole(|r| r.civilian_targeting)),
            Column::new("events_change_pct".into(), number(|r| r.events_change_pct)),
        ],
    )
}
