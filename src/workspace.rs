//! The inputs of one run, loaded once: the dataset with every `--set` checked and each
//! comparison resolved with the overrides applied, the claims if the command needs
//! them, and an event export's counts if it needs them (one reading for everything).

use std::path::PathBuf;

use crate::claims::counted::thresholds;
use crate::claims::files::{self, ClaimSet};
use crate::claims::ClaimFile;
use crate::claims::Target;
use crate::data::{self, DataChoice, Dataset};
use crate::error::{choices_help, Error};
use crate::events::source::Choice;
use crate::events::{self, Counts, Request};
use crate::metrics::events::{EventInputs, MIN_DAYS};
use crate::metrics::overrides::Override;
use crate::metrics::resolve::{resolve, Inputs};

/// What a command needs loaded besides the dataset.
#[derive(Debug, Default)]
pub(crate) struct Needs {
    /// Claim files to re-check (empty: `seeds/` or the embedded copy).
    pub(crate) claims: Option<Vec<PathBuf>>,
    pub(crate) export: Option<ExportNeed>,
    /// The dataset files read: every one, or only the names an export is counted by.
    pub(crate) tables: data::Tables,
}

/// An event export and what to count from it.
#[derive(Debug, Clone)]
pub(crate) struct ExportNeed {
    /// The export, or several files and directories of one (events found in more
    /// than one are counted once).
    pub(crate) paths: Vec<PathBuf>,
    /// The large-scale threshold of the event metrics or the `events` table.
    pub(crate) large: Option<u32>,
    /// The fewest days of a comparison's year an event metric is annualised from.
    pub(crate) min_days: u32,
    /// Only these groups; every group when empty.
    pub(crate) groups: Vec<String>,
    pub(crate) strict: bool,
    /// Hash the export even with `--no-hash` (a report's stamp names it by its hash).
    pub(crate) always_hash: bool,
    /// The date order, zip member or sheet the user gives.
    pub(crate) choice: Choice,
}

pub(crate) struct Workspace {
    pub(crate) data: Dataset,
    /// Every comparison's inputs in file order, resolved once with `--set` applied.
    pub(crate) inputs: Vec<Inputs>,
    pub(crate) claims: Option<ClaimSet>,
    pub(crate) counts: Option<Counts>,
    /// The large-scale threshold the event metrics count at, with an export.
    pub(crate) large: Option<u32>,
    /// The fewest days of a year the event metrics are annualised from.
    pub(crate) min_days: u32,
}

impl Workspace {
    /// Loads the dataset (checking every `--set` against it) and what `needs` asks for.
    pub(crate) fn load(
        choice: &DataChoice,
        overrides: &[Override],
        needs: Needs,
    ) -> Result<Workspace, Error> {
        let data = data::load_tables(choice, needs.tables)?;
        for o in overrides {
            o.check(&data)?;
        }
        let inputs = data
            .comparisons
            .iter()
            .map(|c| resolve(&data, c, overrides))
            .collect();
        let claims = match &needs.claims {
            Some(paths) => Some(files::load(&data, paths)?),
            None => None,
        };
        let counts = match &needs.export {
            Some(export) if export.large.is_some() || has_queries(claims.as_ref()) => {
                let files = claims.as_ref().map_or(&[][..], |c| c.files.as_slice());
                Some(read_export(&data, export, files)?)
            }
            _ => None,
        };
        Ok(Workspace {
            data,
            inputs,
            claims,
            counts,
            large: needs.export.as_ref().and_then(|e| e.large),
            min_days: needs.export.map_or(MIN_DAYS, |e| e.min_days),
        })
    }

    /// The dataset alone, for commands that compute nothing (`--set` is not checked).
    pub(crate) fn data_only(choice: &DataChoice) -> Result<Workspace, Error> {
        Ok(Workspace {
            data: data::load(choice)?,
            inputs: Vec::new(),
            claims: None,
            counts: None,
            large: None,
            min_days: MIN_DAYS,
        })
    }

    /// The export joined for the event metrics, when there is one.
    pub(crate) fn event_inputs(&self) -> Option<EventInputs<'_>> {
        Some(EventInputs {
            counts: self.counts.as_ref()?,
            large: self.large?,
            min_days: self.min_days,
        })
    }

    /// The warnings loading gave: the export's rows left out.
    pub(crate) fn warnings(&self) -> Vec<String> {
        self.counts.as_ref().map_or_else(Vec::new, Counts::warnings)
    }
}

/// Whether any claim carries an events query, to be counted from an export.
fn has_queries(claims: Option<&ClaimSet>) -> bool {
    claims.is_some_and(|c| !thresholds(&c.files).is_empty())
}

/// Reads the export once for the event metrics and the queries of the claims in `files`
/// alike (every threshold, and sub-event types when a query names one).
pub(crate) fn read_export(
    data: &Dataset,
    need: &ExportNeed,
    files: &[ClaimFile],
) -> Result<Counts, Error> {
    let known: Vec<&str> = data.groups.iter().map(|g| g.id.as_str()).collect();
    check_group_ids(&need.groups, &known)?;
    let mut wanted: Vec<u32> = need.large.into_iter().collect();
    for t in thresholds(files) {
        if !wanted.contains(&t) {
            wanted.push(t);
        }
    }
    let kinds = files.iter().flat_map(|f| &f.claims).any(|c| {
        matches!(&c.target, Target::Unverifiable { query: Some(q), .. } if q.sub_event_type.is_some())
    });
    events::count(
        data,
        &Request {
            paths: need.paths.clone(),
            thresholds: wanted,
            kinds,
            groups: need.groups.clone(),
            strict: need.strict,
            hash: need.always_hash || !need.choice.skip_hash,
            choice: need.choice.clone(),
        },
    )
}

impl ExportNeed {
    /// The export joined for the event metrics, counting attacks at `large` and
    /// annualising from at least `min_days` of a year.
    pub(crate) fn for_metrics(
        paths: &[PathBuf],
        large: u32,
        min_days: u32,
        choice: Choice,
    ) -> ExportNeed {
        ExportNeed {
            paths: paths.to_vec(),
            large: Some(large),
            min_days,
            groups: Vec::new(),
            strict: false,
            always_hash: false,
            choice,
        }
    }
}

/// Checks that each `--group` id is a group of the datasets (usage errors, exit 2).
pub(crate) fn check_group_ids(requested: &[String], known: &[&str]) -> Result<(), Error> {
    for id in requested {
        if !known.contains(&id.as_str()) {
            return Err(Error::Usage(format!(
                "--group {id}: no such group; {}",
                choices_help(id, known)
            )));
        }
    }
    Ok(())
}
