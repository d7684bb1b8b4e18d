//! `list comparisons|metrics|groups|countries|sources`: the ids a user can give, so
//! that nobody has to open comparisons.toml or a CSV file to find them.

use crate::cli::ListWhat;
use crate::config::{Config, ListConfig};
use crate::data::Dataset;
use crate::error::Error;
use crate::metrics::Metric;
use crate::outcome::Outcome;
use crate::render::list::{csv, json, terminal, Listing};
use crate::render::Format;
use crate::workspace::Workspace;

pub(crate) fn run(config: &Config, options: &ListConfig) -> Result<Outcome, Error> {
    let (list, data_line) = if options.what == ListWhat::Metrics {
        (metrics(), None)
    } else {
        let ws = Workspace::data_only(&config.data)?;
        let line = format!("data: {}", config.describe_data());
        (from_data(&ws.data, options.what), Some(line))
    };
    Ok(match options.format {
        Format::Csv => Outcome::new(csv(&list)?).warn(data_line),
        Format::Json => Outcome::new(json(&list)?).warn(data_line),
        Format::Table | Format::Markdown => {
            let head = data_line.map_or(String::new(), |l| format!("{l}\n\n"));
            Outcome::new(format!("{head}{}", terminal(&list)))
        }
    })
}

fn metrics() -> Listing {
    let kind = |m: Metric| match (m.is_pairwise(), m.is_event()) {
        (true, _) => "pairwise",
        (_, true) => "events",
        _ => "single",
    };
    Listing {
        columns: vec!["id", "kind", "formula"],
        rows: Metric::all()
            .map(|m| {
                vec![
                    m.id().to_string(),
                    kind(m).to_string(),
                    m.help().to_string(),
                ]
            })
            .collect(),
    }
}

fn from_data(data: &Dataset, what: ListWhat) -> Listing {
    match what {
        ListWhat::Comparisons => Listing {
            columns: vec!["id", "label", "group", "countries", "year"],
            rows: data
                .comparisons
                .iter()
                .map(|c| {
                    vec![
                        c.id.clone(),
                        c.label.clone(),
                        c.group.clone(),
                        c.countries.join(";"),
                        c.year.to_string(),
                    ]
                })
                .collect(),
        },
        ListWhat::Groups => Listing {
            columns: vec!["id", "name", "parent", "ucdp", "fought (UCDP)"],
            rows: data
                .groups
                .iter()
                .map(|g| {
                    vec![
                        g.id.clone(),
                        g.name.clone(),
                        g.parent.clone().unwrap_or_default(),
                        crate::render::list::ids_of(data, &g.id),
                        crate::render::list::fought(data, &g.id),
                    ]
                })
                .collect(),
        },
        ListWhat::Countries => Listing {
            columns: vec!["id", "name", "iso3", "gw", "cow", "gec"],
            rows: data
                .countries
                .iter()
                .map(|c| {
                    vec![
                        c.id.clone(),
                        c.name.clone(),
                        c.iso3.clone(),
                        c.codes.gw.clone(),
                        c.codes.cow.clone(),
                        c.codes.gec.clone(),
                    ]
                })
                .collect(),
        },
        ListWhat::Sources | ListWhat::Metrics => Listing {
            columns: vec!["id", "publisher", "published", "title"],
            rows: data
                .sources
                .iter()
                .map(|s| {
                    vec![
                        s.id.clone(),
                        s.publisher.clone(),
                        s.published.clone(),
                        s.title.clone(),
                    ]
                })
                .collect(),
        },
    }
}
