//! `check`: re-runs every published claim in the claim files against the data and says,
//! claim by claim, whether it follows, how far off it is and why. Exits 1 when any claim
//! is inconsistent or a cross-check finds a contradiction.

use std::path::{Path, PathBuf};

use crate::claims::verdict::{Context, EventCounts};
use crate::claims::{EventMeasure, EventQuery, Target};
use crate::events::aggregate::{Aggregate, Aggregator, KindCount, Options, Total};
use crate::events::dates::Date;
use crate::events::matching::Matcher;
use crate::events::read::Export;

use crate::claims::crosscheck::crosscheck;
use crate::claims::parse::{self, SeenIds};
use crate::claims::verdict::{check, Checked, Verdict};
use crate::claims::{embedded, ClaimFile};
use crate::cli::Format;
use crate::config::{CheckConfig, Config};
use crate::data;
use crate::error::Error;
use crate::render::claims as render;

/// The claim files to read, as (display name, text).
pub fn claim_texts(paths: &[PathBuf]) -> Result<(String, Vec<(String, String)>), Error> {
    if paths.is_empty() {
        let default = Path::new("seeds");
        if !default.is_dir() {
            let texts = embedded::FILES
                .iter()
                .map(|(name, text)| (format!("embedded:seeds/{name}"), text.to_string()))
                .collect();
            return Ok(("embedded (shipped with the binary)".to_string(), texts));
        }
        return claim_texts(&[default.to_path_buf()]);
    }
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            let entries = std::fs::read_dir(path)
                .map_err(|e| Error::io(format!("cannot read {}", path.display()), e))?;
            let mut found: Vec<PathBuf> = entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "toml"))
                .collect();
            found.sort();
            if found.is_empty() {
                return Err(Error::Usage(format!(
                    "{}: no claim files (*.toml) in this directory",
                    path.display()
                )));
            }
            files.extend(found);
        } else if path.is_file() {
            files.push(path.clone());
        } else {
            return Err(Error::Usage(format!(
                "{}: no such file or directory; give claim files (*.toml) or a directory of them",
                path.display()
            )));
        }
    }
    let described: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    let mut texts = Vec::new();
    for file in files {
        let display = file.display().to_string();
        let bytes =
            std::fs::read(&file).map_err(|e| Error::io(format!("cannot read {display}"), e))?;
        let text = String::from_utf8(bytes).map_err(|_| {
            Error::Data(vec![crate::error::Problem::new(
                "not UTF-8",
                crate::error::Location::file(&display),
            )
            .help("save the claim file as UTF-8")])
        })?;
        texts.push((display, text));
    }
    Ok((described.join(", "), texts))
}

/// Parses the claim files against the data and re-checks every claim; returns the
/// verdicts and the cross-check findings.
pub fn recheck(
    data: &data::Dataset,
    config: &Config,
    texts: &[(String, String)],
    tolerance: Option<f64>,
    events: Option<&Path>,
) -> Result<(Vec<Checked>, Vec<String>), Error> {
    let files = parse_claims(data, texts)?;
    let counts = match events {
        Some(path) => {
            let matcher = Matcher::new(data);
            let (thresholds, mut aggregators) = EventTotals::aggregators(&matcher, &files);
            let export = if aggregators.is_empty() {
                None
            } else {
                Some(super::events::count(path, &mut aggregators, false)?)
            };
            Some(EventTotals::new(
                path,
                thresholds,
                aggregators,
                export.as_ref(),
            ))
        }
        None => None,
    };
    Ok(recheck_files(
        data,
        config,
        &files,
        tolerance,
        counts.as_ref(),
    ))
}

/// The claim files parsed against the data; every problem found when any is malformed.
pub fn parse_claims(
    data: &data::Dataset,
    texts: &[(String, String)],
) -> Result<Vec<ClaimFile>, Error> {
    let mut problems = Vec::new();
    let mut seen: SeenIds = Vec::new();
    let files: Vec<ClaimFile> = texts
        .iter()
        .filter_map(|(file, text)| parse::read(file, text, data, &mut seen, &mut problems))
        .collect();
    if !problems.is_empty() {
        return Err(Error::Data(problems));
    }
    Ok(files)
}

/// Re-checks the claims of parsed files, counting events claims from `counts`.
pub fn recheck_files(
    data: &data::Dataset,
    config: &Config,
    files: &[ClaimFile],
    tolerance: Option<f64>,
    counts: Option<&EventTotals>,
) -> (Vec<Checked>, Vec<String>) {
    let lookup =
        |q: &EventQuery| counts.map_or_else(|| Err("no event export".to_string()), |c| c.value(q));
    let events: Option<EventCounts> = counts.map(|_| &lookup as EventCounts);
    let ctx = Context {
        tolerance,
        settings: Some(&config.uncertainty),
        events,
        overrides: &config.overrides,
    };
    let checked: Vec<Checked> = files
        .iter()
        .flat_map(|f| f.claims.iter().map(|c| check(data, &f.source, c, &ctx)))
        .collect();
    let findings = crosscheck(data, files, tolerance);
    (checked, findings)
}

pub fn run(config: &Config, options: &CheckConfig) -> Result<String, Error> {
    let data = super::load_checked(config)?;
    let (described, texts) = claim_texts(&options.paths)?;
    let (checked, findings) = recheck(
        &data,
        config,
        &texts,
        options.tolerance,
        options.events.as_deref(),
    )?;
    let header = format!(
        "data: {} · claims: {described} · 90% intervals from {} draws, seed {}",
        config.data.describe(),
        crate::render::format::grouped(config.uncertainty.draws as f64, 0),
        config.uncertainty.seed
    );
    let output = match options.format {
        Format::Table => render::terminal(&checked, &findings, &data, &header),
        Format::Markdown => render::markdown(&checked, &findings, &header),
        Format::Csv => render::csv(&render::tidy(&checked))?,
        Format::Json => render::json(&render::tidy(&checked))?,
    };
    let inconsistent = checked
        .iter()
        .filter(|c| c.verdict == Verdict::Inconsistent)
        .count();
    if inconsistent > 0 || !findings.is_empty() {
        return Err(Error::Checks {
            output,
            summary: render::summary(&checked, findings.len()),
        });
    }
    Ok(output)
}

/// The counts of an event export for every threshold the claims' queries use.
pub struct EventTotals {
    file: String,
    /// (large-scale threshold, the counts made with it, by month).
    by_threshold: Vec<(u32, Vec<Aggregate>)>,
    /// Every actor's events and deaths per country and month.
    all: Vec<((String, i32, u32), Total)>,
    /// Each group's events and deaths per sub-event type; `None` when the export has no
    /// types.
    kinds: Option<Vec<KindCount>>,
    /// The first and last dates of the export's events.
    span: Option<(Date, Date)>,
}

impl EventTotals {
    /// One aggregator per large-scale threshold the claims' queries use (none when no
    /// claim has a query), so that one reading of the export serves them all.
    pub fn aggregators<'m>(
        matcher: &'m Matcher,
        files: &[ClaimFile],
    ) -> (Vec<u32>, Vec<Aggregator<'m>>) {
        let mut thresholds: Vec<u32> = files
            .iter()
            .flat_map(|f| &f.claims)
            .filter_map(|c| match &c.target {
                Target::Unverifiable { query: Some(q), .. } => Some(q.large),
                _ => None,
            })
            .collect();
        thresholds.sort_unstable();
        thresholds.dedup();
        let aggregators = thresholds
            .iter()
            .map(|&large| {
                Aggregator::new(
                    matcher,
                    Options {
                        large: f64::from(large),
                        by_month: true,
                        by_kind: true,
                    },
                )
            })
            .collect();
        (thresholds, aggregators)
    }

    /// The totals of `aggregators` once the export at `path` has been read into them.
    pub fn new(
        path: &Path,
        thresholds: Vec<u32>,
        aggregators: Vec<Aggregator>,
        export: Option<&Export>,
    ) -> EventTotals {
        let all = aggregators
            .first()
            .map(Aggregator::totals)
            .unwrap_or_default();
        let kinds = aggregators.first().and_then(Aggregator::kinds);
        let by_threshold = thresholds
            .into_iter()
            .zip(aggregators)
            .map(|(large, aggregator)| (large, aggregator.finish()))
            .collect();
        EventTotals {
            file: path.display().to_string(),
            by_threshold,
            all,
            kinds,
            span: export.and_then(|e| e.span),
        }
    }

    /// The measure a query asks for, summed over the matching rows; an error when the
    /// export does not cover the query's months, or has no event at all in one of its
    /// countries in them.
    fn value(&self, q: &EventQuery) -> Result<(f64, String), String> {
        let period = q.period();
        let fmt = |(y, m, d): Date| format!("{y}-{m:02}-{d:02}");
        let Some((first, last)) = self.span else {
            return Err(format!("{} has no usable event", self.file));
        };
        // The export must reach into the query's first and last months.
        if (first.0, first.1) > q.from || (last.0, last.1) < q.to {
            return Err(format!(
                "{} runs from {} to {}: it does not cover {period}",
                self.file,
                fmt(first),
                fmt(last)
            ));
        }
        let in_query = |country: &str, month: (i32, u32)| {
            q.includes(month)
                && (q.countries.is_empty()
                    || q.countries.iter().any(|c| c.eq_ignore_ascii_case(country)))
        };
        for country in &q.countries {
            let seen = self.all.iter().any(|((name, y, m), _)| {
                name.eq_ignore_ascii_case(country) && q.includes((*y, *m))
            });
            if !seen {
                return Err(format!(
                    "{} has no event in {country} in {period}, so it cannot count this",
                    self.file
                ));
            }
        }
        let total: f64 = match (&q.group, &q.sub_event_type) {
            (Some(group), Some(kind)) => {
                let Some(kinds) = &self.kinds else {
                    return Err(format!(
                        "{} has no sub_event_type column (UCDP exports, and ACLED's before 2019, have none)",
                        self.file
                    ));
                };
                kinds
                    .iter()
                    .filter(|k| {
                        &k.group == group
                            && k.kind.eq_ignore_ascii_case(kind)
                            && in_query(&k.country, k.month)
                    })
                    .map(|k| match q.measure {
                        EventMeasure::Fatalities => k.total.fatalities,
                        _ => k.total.events as f64,
                    })
                    .sum()
            }
            (None, _) => self
                .all
                .iter()
                .filter(|((country, y, m), _)| in_query(country, (*y, *m)))
                .map(|(_, t)| match q.measure {
                    EventMeasure::Fatalities => t.fatalities,
                    _ => t.events as f64,
                })
                .sum(),
            (Some(group), None) => self
                .by_threshold
                .iter()
                .find(|(large, _)| *large == q.large)
                .map_or(&[][..], |(_, rows)| rows.as_slice())
                .iter()
                .filter(|r| {
                    &r.group == group
                        && month_of(&r.period).is_some_and(|m| in_query(&r.country, m))
                })
                .map(|r| match q.measure {
                    EventMeasure::Events => r.events as f64,
                    EventMeasure::Initiated => r.initiated as f64,
                    EventMeasure::Joint => r.joint as f64,
                    EventMeasure::Fatalities => r.fatalities,
                    EventMeasure::LargeAttacks => r.large_attacks as f64,
                    EventMeasure::CivilianTargeting => r.civilian_targeting as f64,
                })
                .sum(),
        };
        let place = if q.countries.is_empty() {
            "every country".to_string()
        } else {
            q.countries.join(", ")
        };
        // An empty sum is -0.0: a count of nothing is 0.
        let total = total + 0.0;
        let mut who = q.group.as_deref().unwrap_or("every actor").to_string();
        if let Some(kind) = &q.sub_event_type {
            who.push_str(&format!(" ({kind})"));
        }
        let threshold = if q.measure == EventMeasure::LargeAttacks {
            format!(" ({} or more deaths)", q.large)
        } else {
            String::new()
        };
        Ok((
            total,
            format!(
                "{} of {who} in {place}, {period}{threshold}, counted from {}",
                q.measure.id(),
                self.file
            ),
        ))
    }
}

/// The month of a by-month period label, "2025-03".
fn month_of(period: &str) -> Option<(i32, u32)> {
    let (year, month) = period.split_once('-')?;
    Some((year.parse().ok()?, month.parse().ok()?))
}
