//! What a claim is about, read from its keys: a metric of a comparison (or of two), a
//! single estimate in the data, or what an unverifiable claim would need. Every
//! reference is checked against the loaded data.

use toml::Spanned;

use crate::data::model::COMPONENTS;
use crate::data::{Dataset, Quantity};
use crate::error::{choices_help, Problem};
use crate::metrics::Metric;
use crate::units::Units;

use super::parse::{Ctx, RawClaim, RawEventQuery};
use super::{EventMeasure, EventQuery, Requirement, Target};

pub(super) fn target(
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
        let query = match (&raw.events, requirement) {
            (None, _) => None,
            (Some(q), Requirement::Events) => Some(event_query(ctx, q, data, problems)?),
            (Some(q), Requirement::OutOfModel) => {
                problems.push(
                    Problem::new(
                        "an out-of-model claim cannot have an events query",
                        ctx.at(q.span(), "events"),
                    )
                    .help("use requires = \"events\", or remove `events`"),
                );
                return None;
            }
        };
        return Some(Target::Unverifiable {
            requires: requirement,
            reason,
            query,
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
        let Some(metric) = Metric::parse(metric_text.get_ref()) else {
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
            Some(u) => match Units::parse(u.get_ref()) {
                Some(units) => units,
                None => {
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

fn event_query(
    ctx: &Ctx,
    raw: &Spanned<RawEventQuery>,
    data: &Dataset,
    problems: &mut Vec<Problem>,
) -> Option<EventQuery> {
    let q = raw.get_ref();
    let mut fail = |problem: Problem| {
        problems.push(problem);
        None
    };
    let group = match &q.group {
        None => None,
        Some(group) => {
            let groups: Vec<&str> = data.groups.iter().map(|g| g.id.as_str()).collect();
            if !groups.contains(&group.get_ref().as_str()) {
                return fail(
                    Problem::new(
                        format!("unknown group \"{}\"", group.get_ref()),
                        ctx.at(group.span(), "events.group"),
                    )
                    .help(choices_help(group.get_ref(), &groups)),
                );
            }
            Some(group.get_ref().clone())
        }
    };
    let Some(measure) = EventMeasure::parse(q.measure.get_ref()) else {
        return fail(
            Problem::new(
                format!("unknown event measure \"{}\"", q.measure.get_ref()),
                ctx.at(q.measure.span(), "events.measure"),
            )
            .help(choices_help(
                q.measure.get_ref(),
                &EventMeasure::ALL.map(EventMeasure::id),
            )),
        );
    };
    if group.is_none() && !matches!(measure, EventMeasure::Events | EventMeasure::Fatalities) {
        return fail(
            Problem::new(
                format!("{} needs a group", measure.id()),
                ctx.at(q.measure.span(), "events.measure"),
            )
            .help("add group = \"ID\"; without a group, only every actor's events and fatalities are counted"),
        );
    }
    if let Some(kind) = &q.sub_event_type {
        if group.is_none() || !matches!(measure, EventMeasure::Events | EventMeasure::Fatalities) {
            return fail(
                Problem::new(
                    format!("sub_event_type \"{}\" needs a group and the measure events or fatalities", kind.get_ref()),
                    ctx.at(kind.span(), "events.sub_event_type"),
                )
                .help("e.g. events = { group = \"jnim\", country = \"Mali\", year = 2025, measure = \"events\", sub_event_type = \"Agreement\" }"),
            );
        }
    }
    let countries = match (&q.country, &q.countries) {
        (Some(_), Some(list)) => {
            return fail(
                Problem::new(
                    "both country and countries",
                    ctx.at(list.span(), "events.countries"),
                )
                .help("give one country, or a list of countries to sum"),
            )
        }
        (Some(one), None) => vec![one.clone()],
        (None, Some(list)) => list.get_ref().clone(),
        (None, None) => Vec::new(),
    };
    let period_help =
        "give year = 2025, or from = \"2024-06\" and to = \"2024-11\" (months, both included)";
    let (from, to) = match (&q.year, &q.from, &q.to) {
        (Some(year), None, None) => {
            let y = *year.get_ref();
            if !(1900..=2100).contains(&y) {
                return fail(
                    Problem::new(
                        format!("not a year: {y}"),
                        ctx.at(year.span(), "events.year"),
                    )
                    .help("write a four-digit year, e.g. 2025"),
                );
            }
            ((y as i32, 1), (y as i32, 12))
        }
        (None, Some(from), Some(to)) => {
            let month = |text: &Spanned<String>, key: &str| {
                parse_month(text.get_ref()).ok_or_else(|| {
                    Problem::new(
                        format!("not a month: \"{}\"", text.get_ref()),
                        ctx.at(text.span(), key),
                    )
                    .help("write a year and month, e.g. \"2024-06\"")
                })
            };
            let (start, end) = match (month(from, "events.from"), month(to, "events.to")) {
                (Ok(start), Ok(end)) => (start, end),
                (Err(problem), _) | (_, Err(problem)) => return fail(problem),
            };
            if start > end {
                return fail(
                    Problem::new(
                        format!("from {} is after to {}", from.get_ref(), to.get_ref()),
                        ctx.at(from.span(), "events.from"),
                    )
                    .help(period_help),
                );
            }
            (start, end)
        }
        _ => {
            return fail(
                Problem::new(
                    "an events query needs one period",
                    ctx.at(raw.span(), "events"),
                )
                .help(period_help),
            )
        }
    };
    Some(EventQuery {
        group,
        countries,
        from,
        to,
        measure,
        large: q.large.unwrap_or(20),
        sub_event_type: q.sub_event_type.as_ref().map(|k| k.get_ref().clone()),
    })
}

/// "2024-06" as (2024, 6).
fn parse_month(text: &str) -> Option<(i32, u32)> {
    let (year, month) = text.trim().split_once('-')?;
    let (year, month): (i32, u32) = (year.parse().ok()?, month.parse().ok()?);
    ((1900..=2100).contains(&year) && (1..=12).contains(&month)).then_some((year, month))
}
