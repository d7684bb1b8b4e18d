//! `report`: writes the Markdown report and its SVG charts, atomically, refusing to
//! overwrite a file it did not generate; `--check` regenerates both in memory and fails
//! with a short diff when what is on disk is stale.

use crate::claims::recheck::{recheck, Against};
use crate::config::{Config, ReportConfig};
use crate::data::Tables;
use crate::error::Error;
use crate::metrics::compute::{compute_with_formulas, Selection};
use crate::metrics::trajectory::up_to_own_years;
use crate::metrics::Metric;
use crate::outcome::{Failure, Outcome};
use crate::output::{Inputs, Writer};
use crate::render::events::joined;
use crate::report::files::{chart_dir, stale, write, Written};
use crate::report::{self, stamp, ClaimsUsed, EventsUsed, Input};
use crate::workspace::{ExportNeed, Needs, Workspace};

pub(crate) fn run(config: &Config, options: &ReportConfig) -> Result<Outcome, Error> {
    let needs = Needs {
        claims: options.claims.clone(),
        export: options.events.as_ref().map(|e| ExportNeed {
            always_hash: true,
            ..ExportNeed::for_metrics(&e.files, e.large, e.min_days, e.choice.clone())
        }),
        tables: Tables::All,
    };
    let ws = Workspace::load(&config.data, &config.overrides, needs)?;
    let ids: Vec<&str> = ws.data.comparisons.iter().map(|c| c.id.as_str()).collect();
    let events = ws.event_inputs();
    let event_metrics: Vec<Metric> = match events {
        Some(_) => Metric::events().collect(),
        None => Vec::new(),
    };
    let selection = Selection {
        comparisons: ids.clone(),
        metrics: Metric::single()
            .chain(event_metrics)
            .chain(Metric::pairwise())
            .collect(),
        units: config.units,
        uncertainty: Some(config.uncertainty),
        keep_draws: false,
        events,
        versus: &[],
    };
    let computed = compute_with_formulas(&ws.data, &ws.inputs, &selection).map_err(Error::Data)?;
    let trajectories = up_to_own_years(
        &ws.data,
        &config.overrides,
        config.units,
        config.uncertainty,
    )
    .map_err(|p| Error::Data(vec![p]))?;
    let rechecked = ws.claims.as_ref().map(|claims| {
        let against = Against {
            settings: &config.uncertainty,
            overrides: &config.overrides,
            resolved: &ws.inputs,
            tolerance: None,
            counts: ws.counts.as_ref(),
        };
        recheck(&ws.data, &claims.files, &against)
    });
    let claims_name = match &options.claims {
        Some(paths) if !paths.is_empty() => stamp::shown_paths(paths),
        _ => ws
            .claims
            .as_ref()
            .map_or_else(String::new, |c| c.described.clone()),
    };
    let claims = ws
        .claims
        .as_ref()
        .zip(rechecked.as_ref())
        .map(|(c, r)| ClaimsUsed {
            checked: &r.checked,
            findings: &r.findings,
            described: &claims_name,
            hash: &c.hash,
        });
    // Through a link, the report and its charts go where the link points: charts beside
    // the link would leave the real report's images broken.
    let target = std::fs::symlink_metadata(&options.out)
        .ok()
        .filter(|m| m.file_type().is_symlink())
        .and_then(|_| std::fs::canonicalize(&options.out).ok())
        .unwrap_or_else(|| options.out.clone());
    let (dir, stem) = chart_dir(&target);
    let input = Input {
        data: &ws.data,
        inputs: &ws.inputs,
        rows: &computed.rows,
        formulas: &computed.formulas,
        comparisons: &ids,
        units: config.units,
        settings: config.uncertainty,
        overrides: &config.overrides,
        data_name: stamp::data_name(&config.data),
        data_hash: ws.data.hash.clone(),
        claims,
        chart_dir: stem,
        date: None,
        rerun: config.report_flags(options),
        events: events.map(|e| EventsUsed {
            described: joined(e.counts, e.large),
            uncovered: computed.uncovered.clone(),
        }),
        trajectories: &trajectories,
    };
    let report = report::build(&input)?;
    let out = options.out.display();
    let data = format!("data: {}", config.describe_data());
    let outcome = if options.check {
        match stale(&target, &dir, &report, &input.rerun) {
            None => Outcome::new(format!("{data}\n{out} is current\n")),
            Some(stale) => Outcome::new(stale.diff).fail_if(true, || Failure::Stale {
                summary: stale.summary,
            }),
        }
    } else {
        let others = options.claims.iter().flatten().map(|p| p.as_path());
        let export = options
            .events
            .iter()
            .flat_map(|e| e.files.iter().map(|f| f.as_path()));
        let inputs = Inputs::of_run(&config.data, others.chain(export));
        match write(&target, &report, &Writer::new(inputs, options.force))? {
            Written::WithCharts(dir) => Outcome::new(format!(
                "{data}\nwrote {out} and {} charts in {}/\n",
                report.charts.len(),
                dir.display()
            )),
            Written::Direct => Outcome::default().warn([format!(
                "note: wrote the report to {out} as it is (not a regular file); its charts were not written"
            )]),
        }
    };
    Ok(outcome.warn(ws.warnings()))
}
