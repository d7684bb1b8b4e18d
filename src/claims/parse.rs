//! Reads claim files. serde rejects unknown fields; spans let every problem name the
//! file, line and TOML key; references are checked against the loaded data.

use std::ops::Range;

use clap::ValueEnum;
use serde::Deserialize;
use toml::Spanned;

use crate::cli::Units;
use crate::data::comparisons::{locate, toml_problem};
use crate::data::model::COMPONENTS;
use crate::data::{Dataset, Quantity, RowRef};
use crate::error::{choices_help, Problem};
use crate::metrics::Metric;

use super::{Claim, ClaimFile, Qualifier, Requirement, Stated, Target};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    document: RawDocument,
    #[serde(default)]
    claim: Vec<RawClaim>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDocument {
    source: Spanned<String>,
    #[serde(default)]
    title: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawClaim {
    id: Spanned<String>,
    says: String,
    stated: Spanned<RawStated>,
    #[serde(default)]
    qualifier: Option<Spanned<String>>,
    #[serde(default)]
    tolerance: Option<Spanned<f64>>,
    #[serde(default)]
    comparison: Option<Spanned<String>>,
    #[serde(default)]
    versus: Option<Spanned<String>>,
    #[serde(default)]
    metric: Option<Spanned<String>>,
    #[serde(default)]
    units: Option<Spanned<String>>,
    #[serde(default)]
    entity: Option<Spanned<String>>,
    #[serde(default)]
    quantity: Option<Spanned<String>>,
    #[serde(default)]
    component: Option<Spanned<String>>,
    #[serde(default)]
    year: Option<Spanned<i64>>,
    #[serde(default)]
    requires: Option<Spanned<String>>,
    #[serde(default)]
    reason: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum RawStated {
    One(f64),
    Range(Vec<f64>),
}

/// Claim ids already seen in this run, with where: ids are unique across files.
pub type SeenIds = Vec<(String, String, usize)>;

struct Ctx<'a> {
    file: &'a str,
    text: &'a str,
    index: usize,
}

impl Ctx<'_> {
    fn at(&self, span: Range<usize>, key: &str) -> crate::error::Location {
        locate(
            self.file,
            self.text,
            span.start,
            &format!("claim[{}].{key}", self.index + 1),
        )
    }
}

pub fn read(
    file: &str,
    text: &str,
    data: &Dataset,
    seen: &mut SeenIds,
    problems: &mut Vec<Problem>,
) -> Option<ClaimFile> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let raw: RawFile = match toml::from_str(text) {
        Ok(raw) => raw,
        Err(err) => {
            problems.push(toml_problem(file, text, &err, "a claim file has a [document] table with `source`, then [[claim]] tables with id, says, stated and either comparison + metric, entity + quantity + year, or requires"));
            return None;
        }
    };
    let source = raw.document.source.get_ref().clone();
    if data.source(&source).is_none() {
        let ids: Vec<&str> = data.sources.iter().map(|s| s.id.as_str()).collect();
        problems.push(
            Problem::new(
                format!("unknown source \"{source}\""),
                locate(
                    file,
                    text,
                    raw.document.source.span().start,
                    "document.source",
                ),
            )
            .help(choices_help(&source, &ids)),
        );
    }
    let _ = raw.document.title;
    let mut claims = Vec::new();
    for (index, claim) in raw.claim.into_iter().enumerate() {
        let ctx = Ctx { file, text, index };
        if let Some(claim) = read_claim(&ctx, claim, data, seen, problems) {
            claims.push(claim);
        }
    }
    Some(ClaimFile {
        file: file.to_string(),
        source,
        claims,
    })
}

fn read_claim(
    ctx: &Ctx,
    raw: RawClaim,
    data: &Dataset,
    seen: &mut SeenIds,
    problems: &mut Vec<Problem>,
) -> Option<Claim> {
    let before = problems.len();
    let id = raw.id.get_ref().clone();
    let line = ctx.at(raw.id.span(), "id").line.unwrap_or(1);
    if let Some((_, file, first)) = seen.iter().find(|(seen_id, _, _)| seen_id == &id) {
        problems.push(
            Problem::new(
                format!("claim id \"{id}\" is used twice"),
                ctx.at(raw.id.span(), "id"),
            )
            .help(format!(
                "it is already used at {file}:{first}; give each claim its own id"
            )),
        );
    } else {
        seen.push((id.clone(), ctx.file.to_string(), line));
    }
    let stated = match raw.stated.get_ref() {
        RawStated::One(value) => Some(Stated::One(*value)),
        RawStated::Range(values) if values.len() == 2 && values[0] <= values[1] => {
            Some(Stated::Range(values[0], values[1]))
        }
        RawStated::Range(values) if values.len() == 2 => {
            problems.push(
                Problem::new(
                    format!(
                        "range given in the wrong order: [{}, {}]",
                        values[0], values[1]
                    ),
                    ctx.at(raw.stated.span(), "stated"),
                )
                .help(format!(
                    "write the lower bound first: [{}, {}]",
                    values[1], values[0]
                )),
            );
            None
        }
        RawStated::Range(_) => {
            problems.push(
                Problem::new(
                    "a stated range needs exactly two numbers",
                    ctx.at(raw.stated.span(), "stated"),
                )
                .help("write one number, e.g. stated = 8000, or a range, e.g. stated = [5, 6]"),
            );
            None
        }
    };
    if let Some(Stated::One(v) | Stated::Range(v, _)) = stated {
        if v <= 0.0 {
            problems.push(
                Problem::new(
                    format!("stated value {v} is not positive"),
                    ctx.at(raw.stated.span(), "stated"),
                )
                .help("claims state counts and ratios, which are greater than zero"),
            );
        }
    }
    let qualifier = match &raw.qualifier {
        None => Some(Qualifier::None),
        Some(q) => Qualifier::parse(q.get_ref()).or_else(|| {
            let ids: Vec<&str> = Qualifier::ALL.iter().map(|q| q.id()).collect();
            problems.push(
                Problem::new(
                    format!("unknown qualifier \"{}\"", q.get_ref()),
                    ctx.at(q.span(), "qualifier"),
                )
                .help(choices_help(q.get_ref(), &ids)),
            );
            None
        }),
    };
    if let Some(t) = &raw.tolerance {
        if !(*t.get_ref() > 0.0 && *t.get_ref() < 1.0) {
            problems.push(
                Problem::new(
                    format!("tolerance {} is out of range", t.get_ref()),
                    ctx.at(t.span(), "tolerance"),
                )
                .help("write a fraction between 0 and 1, e.g. tolerance = 0.05 for ±5%"),
            );
        }
    }
    let target = target(ctx, &raw, data, problems);
    if problems.len() > before {
        return None;
    }
    Some(Claim {
        id,
        says: raw.says,
        stated: stated?,
        qualifier: qualifier?,
        tolerance: raw.tolerance.map(Spanned::into_inner),
        target: target?,
        at: RowRef::new(ctx.file, line),
    })
}

fn target(
    ctx: &Ctx,
    raw: &RawClaim,
    data: &Dataset,
    problems: &mut Vec<Problem>,
) -> Option<Target> {
    let shape_help = "a claim names either comparison + metric (and versus for a ratio between comparisons), entity + quantity + year, or requires = \"events\" | \"out-of-model\" with a reason";
    if let Some(requires) = &raw.requires {
        let requirement = match requires.get_ref().as_str() {
            "events" => Requirement::Events,
            "out-of-model" => Requirement::OutOfModel,
            other => {
                problems.push(
                    Problem::new(
                        format!("unknown requirement \"{other}\""),
                        ctx.at(requires.span(), "requires"),
                    )
                    .help(choices_help(other, &["events", "out-of-model"])),
                );
                return None;
            }
        };
        let reason = raw.reason.clone().unwrap_or_default();
        if requirement == Requirement::OutOfModel && reason.trim().is_empty() {
            problems.push(Problem::new("an out-of-model claim needs a reason", ctx.at(requires.span(), "reason")).help("say in one line what the data model does not hold, e.g. reason = \"transport aircraft are not in the data\""));
            return None;
        }
        return Some(Target::Unverifiable {
            requires: requirement,
            reason,
        });
    }
    if let Some(comparison) = &raw.comparison {
        let ids: Vec<&str> = data.comparisons.iter().map(|c| c.id.as_str()).collect();
        let known = |id: &Spanned<String>, key: &str, problems: &mut Vec<Problem>| {
            let ok = ids.contains(&id.get_ref().as_str());
            if !ok {
                problems.push(
                    Problem::new(
                        format!("unknown comparison \"{}\"", id.get_ref()),
                        ctx.at(id.span(), key),
                    )
                    .help(choices_help(id.get_ref(), &ids)),
                );
            }
            ok
        };
        let mut ok = known(comparison, "comparison", problems);
        if let Some(versus) = &raw.versus {
            ok &= known(versus, "versus", problems);
        }
        let Some(metric_text) = &raw.metric else {
            problems.push(
                Problem::new(
                    "a comparison claim needs a metric",
                    ctx.at(comparison.span(), "metric"),
                )
                .help("add e.g. metric = \"people_per_fighter\""),
            );
            return None;
        };
        let Ok(metric) = Metric::from_str(metric_text.get_ref(), false) else {
            let names: Vec<&str> = Metric::SINGLE
                .iter()
                .chain(&Metric::PAIRWISE)
                .map(|m| m.id())
                .collect();
            problems.push(
                Problem::new(
                    format!("unknown metric \"{}\"", metric_text.get_ref()),
                    ctx.at(metric_text.span(), "metric"),
                )
                .help(choices_help(metric_text.get_ref(), &names)),
            );
            return None;
        };
        match (&raw.versus, metric.is_pairwise()) {
            (None, true) => {
                problems.push(
                    Problem::new(
                        format!("{metric} compares two comparisons but no `versus` is given"),
                        ctx.at(metric_text.span(), "versus"),
                    )
                    .help("add versus = \"ID\": the comparison the first is divided by"),
                );
                return None;
            }
            (Some(v), false) => {
                problems.push(
                    Problem::new(
                        format!("{metric} is a metric of one comparison; `versus` does not apply"),
                        ctx.at(v.span(), "versus"),
                    )
                    .help("remove `versus`, or use a ratio metric such as fighters_ratio"),
                );
                return None;
            }
            _ => {}
        }
        let units = match &raw.units {
            None => Units::Imperial,
            Some(u) => match Units::from_str(u.get_ref(), false) {
                Ok(units) => units,
                Err(_) => {
                    problems.push(
                        Problem::new(
                            format!("unknown units \"{}\"", u.get_ref()),
                            ctx.at(u.span(), "units"),
                        )
                        .help("valid: imperial, metric"),
                    );
                    return None;
                }
            },
        };
        return ok.then(|| Target::Metric {
            comparison: comparison.get_ref().clone(),
            versus: raw.versus.as_ref().map(|v| v.get_ref().clone()),
            metric,
            units,
        });
    }
    if let Some(entity) = &raw.entity {
        let Some(quantity_text) = &raw.quantity else {
            problems.push(
                Problem::new(
                    "an estimate claim needs a quantity",
                    ctx.at(entity.span(), "quantity"),
                )
                .help("add quantity = \"fighters\", \"soldiers\", \"population\" or \"area\""),
            );
            return None;
        };
        let Some(quantity) = Quantity::parse(quantity_text.get_ref()) else {
            problems.push(
                Problem::new(
                    format!("unknown quantity \"{}\"", quantity_text.get_ref()),
                    ctx.at(quantity_text.span(), "quantity"),
                )
                .help(choices_help(
                    quantity_text.get_ref(),
                    &["fighters", "soldiers", "population", "area"],
                )),
            );
            return None;
        };
        let entity_id = entity.get_ref();
        let (kind, ids): (&str, Vec<&str>) = match quantity {
            Quantity::Fighters => ("group", data.groups.iter().map(|g| g.id.as_str()).collect()),
            _ => (
                "country",
                data.countries.iter().map(|c| c.id.as_str()).collect(),
            ),
        };
        if !ids.contains(&entity_id.as_str()) {
            problems.push(
                Problem::new(
                    format!("unknown {kind} \"{entity_id}\" for {quantity}"),
                    ctx.at(entity.span(), "entity"),
                )
                .help(choices_help(entity_id, &ids)),
            );
            return None;
        }
        let component = match (&raw.component, quantity) {
            (None, _) => None,
            (Some(c), Quantity::Soldiers) if COMPONENTS.contains(&c.get_ref().as_str()) => {
                Some(c.get_ref().clone())
            }
            (Some(c), Quantity::Soldiers) => {
                problems.push(
                    Problem::new(
                        format!("unknown component \"{}\"", c.get_ref()),
                        ctx.at(c.span(), "component"),
                    )
                    .help(choices_help(c.get_ref(), COMPONENTS)),
                );
                return None;
            }
            (Some(c), _) => {
                problems.push(
                    Problem::new(
                        "only soldiers have components",
                        ctx.at(c.span(), "component"),
                    )
                    .help("remove `component`"),
                );
                return None;
            }
        };
        if quantity == Quantity::Soldiers && component.is_none() {
            problems.push(
                Problem::new(
                    "a soldiers estimate claim needs a component",
                    ctx.at(quantity_text.span(), "component"),
                )
                .help(format!(
                    "add component = \"...\", one of: {}",
                    COMPONENTS.join(", ")
                )),
            );
            return None;
        }
        let year = match (&raw.year, quantity) {
            (Some(y), _) if (1900..=2100).contains(y.get_ref()) => *y.get_ref() as i32,
            (Some(y), _) => {
                problems.push(
                    Problem::new(
                        format!("not a year: {}", y.get_ref()),
                        ctx.at(y.span(), "year"),
                    )
                    .help("write a four-digit year, e.g. 2025"),
                );
                return None;
            }
            (None, Quantity::Area) => 2100,
            (None, _) => {
                problems.push(
                    Problem::new(
                        "an estimate claim needs a year",
                        ctx.at(entity.span(), "year"),
                    )
                    .help("add year = 2025 (the year the claim describes)"),
                );
                return None;
            }
        };
        return Some(Target::Estimate {
            entity: entity_id.clone(),
            quantity,
            component,
            year,
        });
    }
    problems.push(
        Problem::new(
            "the claim says neither what it measures nor why it cannot be checked",
            ctx.at(raw.id.span(), "id"),
        )
        .help(shape_help),
    );
    None
}
