//! `sources`: every source with its publication details and the figures and benchmarks
//! that cite it, as text or as one CSV / JSON row per source and citing figure.

use crate::config::Config;
use crate::data::{self, Row};
use crate::error::Error;
use crate::numbers::grouped;
use crate::outcome::Outcome;
use crate::render::list::{csv, json, Listing};
use crate::render::width::wrap;
use crate::render::Format;
use crate::workspace::Workspace;

pub(crate) fn run(config: &Config, format: Format) -> Result<Outcome, Error> {
    let ws = Workspace::data_only(&config.data)?;
    let data = &ws.data;
    let data_line = format!("data: {}", config.describe_data());
    match format {
        Format::Csv => return Ok(Outcome::new(csv(&tidy(data))?).warn([data_line])),
        Format::Json => return Ok(Outcome::new(json(&tidy(data))?).warn([data_line])),
        Format::Table | Format::Markdown => {}
    }
    let mut out = format!("{data_line}\n");
    for (n, source) in data.sources.iter().enumerate() {
        let title = format!("[{}] {}  ({})", n + 1, source.title, source.id);
        out.push_str(&format!("\n{}\n", fit(&title)));
        let mut facts = vec![source.publisher.clone()];
        if !source.published.is_empty() {
            facts.push(source.published.clone());
        }
        out.push_str(&format!("{}\n", fit(&format!("    {}", facts.join(", ")))));
        if !source.url.is_empty() {
            out.push_str(&format!("    {}\n", source.url));
        }
        if !source.via.is_empty() {
            out.push_str(&format!("    via {}\n", source.via));
        }
        if !source.accessed.is_empty() {
            out.push_str(&format!("    accessed {}\n", source.accessed));
        }
        let citing = citing(data, &source.id);
        if citing.is_empty() {
            out.push_str("    cited by: no figure\n");
        }
        for (at, what) in citing {
            let line = format!("    cited by {at}: {what}");
            if line.chars().count() <= 80 {
                out.push_str(&format!("{line}\n"));
            } else {
                out.push_str(&format!("    cited by {at}:\n      {what}\n"));
            }
        }
    }
    Ok(Outcome::new(out))
}

/// One row per source and figure or benchmark citing it (a source nothing cites: one
/// row, the citing columns empty).
fn tidy(data: &data::Dataset) -> Listing {
    let mut rows = Vec::new();
    for source in &data.sources {
        let about = [
            &source.id,
            &source.title,
            &source.publisher,
            &source.published,
            &source.url,
            &source.accessed,
        ]
        .map(|s| s.to_string());
        // Appended after the existing columns so their names and order stay stable.
        let via = vec![source.via.clone()];
        let mut citing = citing(data, &source.id);
        if citing.is_empty() {
            citing.push((String::new(), String::new()));
        }
        for (at, what) in citing {
            rows.push([about.to_vec(), vec![at, what], via.clone()].concat());
        }
    }
    Listing {
        columns: vec![
            "id",
            "title",
            "publisher",
            "published",
            "url",
            "accessed",
            "cited_at",
            "figure",
            "via",
        ],
        rows,
    }
}

/// Where the source is cited and what for: each figure, then each benchmark.
fn citing(data: &data::Dataset, source: &str) -> Vec<(String, String)> {
    let figures = data.rows.iter().filter(|r| r.source == source);
    let benchmarks = data.benchmarks.iter().filter(|b| b.source == source);
    figures
        .map(|r| (r.at.to_string(), figure(r)))
        .chain(benchmarks.map(|b| (b.at.to_string(), format!("benchmark {}", b.id))))
        .collect()
}

/// The line as it is when it fits 80 columns, else wrapped at words (a URL stays whole).
fn fit(line: &str) -> String {
    if line.chars().count() <= 80 {
        return line.to_string();
    }
    wrap(line, 80, "    ")
}

fn figure(row: &Row) -> String {
    let mut out = format!("{} {}", row.entity, row.quantity);
    if let Some(component) = &row.component {
        out.push_str(&format!(" ({component})"));
    }
    if let Some(year) = row.year {
        out.push_str(&format!(" {year}"));
    }
    out.push_str(&format!(" = {}", grouped(row.estimate.central, 0)));
    match (row.estimate.low, row.estimate.high) {
        (Some(low), Some(high)) => {
            out.push_str(&format!(" ({}–{})", grouped(low, 0), grouped(high, 0)))
        }
        (Some(low), None) => out.push_str(&format!(" (low {})", grouped(low, 0))),
        (None, Some(high)) => out.push_str(&format!(" (high {})", grouped(high, 0))),
        (None, None) => {}
    }
    if row.quantity == data::Quantity::Area {
        out.push_str(" km²");
    }
    out
}
