//! What a claim is about, read from its keys: a metric of a comparison (or of two), a
//! single estimate in the data, or what an unverifiable claim would need. Every
//! reference is checked against the loaded data.

use toml::Spanned;

use crate::data::model::Entities;
use crate::data::model::COMPONENTS;
use crate::data::{Comparison, Dataset, Quantity};
use crate::error::{choices_help, ids_help, Ids, Problem};
use crate::metrics::Metric;
use crate::units::Units;

use super::raw::{Ctx, RawClaim, RawEventQuery};
use super::{EventMeasure, EventQuery, Requirement, Target};

/// What a claim is about: unverifiable, a metric, or an estimate, by the keys it has.
pub(super) fn target(
    ctx: &Ctx,
    raw: &RawClaim,
    data: &Dataset,
    change_to: Option<i32>,
    problems: &mut Vec<Problem>,
) -> Option<Target> {
    let shape_help = "a claim names either comparison + metric (and versus for a ratio between comparisons), entity + quantity + year, or requires = \"events\" | \"out-of-model\" with a reason";
    if let (Some(bound), None, None) = (&raw.bound, &raw.entity, &raw.comparison) {
        problems.push(
            Problem::new(
                "`bound` applies to a claim about an estimate or a metric",
                ctx.at(bound.span(), "bound"),
            )
            .help("remove `bound`, or make the claim name entity + quantity + year, or comparison + metric"),
        );
        return None;
    }
    if let Some(requires) = &raw.requires {
        return unverifiable_target(ctx, raw, requires, data, problems);
    }
    if let Some(comparison) = &raw.comparison {
        return metric_target(ctx, raw, comparison, data, problems);
    }
    if let Some(entity) = &raw.entity {
        return estimate_target(ctx, raw, entity, data, change_to, problems);
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

/// A claim with `requires`: what it would need, why, and its events query if any.
fn unverifiable_target(
    ctx: &Ctx,
    raw: &RawClaim,
    requires: &Spanned<String>,
    data: &Dataset,
    problems: &mut Vec<Problem>,
) -> Option<Target> {
    let requirement = parse_requirement(ctx, requires, problems)?;
    let reason = raw.reason.clone().unwrap_or_default();
    if requirement != Requirement::Events && reason.trim().is_empty() {
        let (message, help) = match requirement {
            Requirement::Reading => ("a claim that needs a reading needs a reason", "say in one line what the words leave open, e.g. reason = \"the sentence states no year\""),
            _ => ("an out-of-model claim needs a reason", "say in one line what the data model does not hold, e.g. reason = \"transport aircraft are not in the data\""),
        };
        problems.push(Problem::new(message, ctx.at(requires.span(), "reason")).help(help));
        return None;
    }
    let query = match (&raw.events, requirement) {
        (None, _) => None,
        (Some(q), Requirement::Events) => Some(event_query(ctx, q, data, problems)?),
        (Some(q), Requirement::OutOfModel | Requirement::Reading) => {
            problems.push(
                Problem::new(
                    format!(
                        "a claim with requires = \"{}\" cannot have an events query",
                        requirement.id()
                    ),
                    ctx.at(q.span(), "events"),
                )
                .help("use requires = \"events\", or remove `events`"),
            );
            return None;
        }
    };
    Some(Target::Unverifiable {
        requires: requirement,
        reason,
        query,
    })
}

/// The `requires` key: "events", "out-of-model" or "reading".
fn parse_requirement(
    ctx: &Ctx,
    requires: &Spanned<String>,
    problems: &mut Vec<Problem>,
) -> Option<Requirement> {
    match requires.get_ref().as_str() {
        "events" => Some(Requirement::Events),
        "out-of-model" => Some(Requirement::OutOfModel),
        "reading" => Some(Requirement::Reading),
        other => {
            problems.push(
                Problem::new(
                    format!("unknown requirement \"{other}\""),
                    ctx.at(requires.span(), "requires"),
                )
                .help(choices_help(other, &Requirement::IDS)),
            );
            None
        }
    }
}

/// A claim about a metric of a comparison, or of one comparison against another.
fn metric_target(
    ctx: &Ctx,
    raw: &RawClaim,
    comparison: &Spanned<String>,
    data: &Dataset,
    problems: &mut Vec<Problem>,
) -> Option<Target> {
    let ids: Vec<&str> = data.comparisons.iter().map(|c| c.id.as_str()).collect();
    let mut ok = known_comparison(ctx, comparison, "comparison", &ids, problems);
    if let Some(versus) = &raw.versus {
        ok &= known_comparison(ctx, versus, "versus", &ids, problems);
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
    let metric = parse_metric(ctx, metric_text, problems)?;
    if !versus_fits(ctx, raw.versus.as_ref(), metric, metric_text, problems) {
        return None;
    }
    let units = parse_units(ctx, raw.units.as_ref(), problems)?;
    if !ok {
        return None;
    }
    let involved: Vec<&Comparison> = std::iter::once(comparison)
        .chain(raw.versus.as_ref())
        .filter_map(|id| data.comparison(id.get_ref()))
        .collect();
    let bounds =
        super::bounds::metric_bounds(ctx, raw.bound.as_ref(), &involved, metric, problems)?;
    Some(Target::Metric {
        comparison: comparison.get_ref().clone(),
        versus: raw.versus.as_ref().map(|v| v.get_ref().clone()),
        metric,
        units,
        bounds,
    })
}

/// Whether a comparison id is in the data; a problem under `key` when it is not.
fn known_comparison(
    ctx: &Ctx,
    id: &Spanned<String>,
    key: &str,
    ids: &[&str],
    problems: &mut Vec<Problem>,
) -> bool {
    let ok = ids.contains(&id.get_ref().as_str());
    if !ok {
        problems.push(
            Problem::new(
                format!("unknown comparison \"{}\"", id.get_ref()),
                ctx.at(id.span(), key),
            )
            .help(ids_help(id.get_ref(), ids, Ids::Comparisons)),
        );
    }
    ok
}

/// The `metric` key: a metric of one comparison or of two.
fn parse_metric(
    ctx: &Ctx,
    metric_text: &Spanned<String>,
    problems: &mut Vec<Problem>,
) -> Option<Metric> {
    let metric = Metric::parse(metric_text.get_ref());
    if metric.is_none() {
        let names: Vec<&str> = Metric::single()
            .chain(Metric::pairwise())
            .map(|m| m.id())
            .collect();
        problems.push(
            Problem::new(
                format!("unknown metric \"{}\"", metric_text.get_ref()),
                ctx.at(metric_text.span(), "metric"),
            )
            .help(choices_help(metric_text.get_ref(), &names)),
        );
    }
    metric
}

/// Whether `versus` is given exactly when the metric compares two comparisons.
fn versus_fits(
    ctx: &Ctx,
    versus: Option<&Spanned<String>>,
    metric: Metric,
    metric_text: &Spanned<String>,
    problems: &mut Vec<Problem>,
) -> bool {
    match (versus, metric.is_pairwise()) {
        (None, true) => {
            problems.push(
                Problem::new(
                    format!("{metric} compares two comparisons but no `versus` is given"),
                    ctx.at(metric_text.span(), "versus"),
                )
                .help("add versus = \"ID\": the comparison the first is divided by"),
            );
            false
        }
        (Some(v), false) => {
            problems.push(
                Problem::new(
                    format!("{metric} is a metric of one comparison; `versus` does not apply"),
                    ctx.at(v.span(), "versus"),
                )
                .help("remove `versus`, or use a ratio metric such as fighters_ratio"),
            );
            false
        }
        _ => true,
    }
}

/// The `units` key, imperial when absent.
fn parse_units(
    ctx: &Ctx,
    units: Option<&Spanned<String>>,
    problems: &mut Vec<Problem>,
) -> Option<Units> {
    let Some(u) = units else {
        return Some(Units::Imperial);
    };
    let units = Units::parse(u.get_ref());
    if units.is_none() {
        problems.push(
            Problem::new(
                format!("unknown units \"{}\"", u.get_ref()),
                ctx.at(u.span(), "units"),
            )
            .help("valid: imperial, metric"),
        );
    }
    units
}

/// A claim about a single estimate in the data: an entity's quantity in a year.
fn estimate_target(
    ctx: &Ctx,
    raw: &RawClaim,
    entity: &Spanned<String>,
    data: &Dataset,
    change_to: Option<i32>,
    problems: &mut Vec<Problem>,
) -> Option<Target> {
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
    let quantity = parse_quantity(ctx, quantity_text, problems)?;
    if !known_entity(ctx, entity, quantity, data, problems) {
        return None;
    }
    let component = estimate_component(ctx, raw.component.as_ref(), quantity, problems)?;
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
    // A change claim's estimate is of its later year, which `change.to` gives.
    let year = match (change_to, raw.year.as_ref()) {
        (Some(to), None) => to,
        (Some(to), Some(y)) if *y.get_ref() != i64::from(to) => {
            problems.push(
                Problem::new(
                    format!("year {} and change.to {to} differ", y.get_ref()),
                    ctx.at(y.span(), "year"),
                )
                .help("a change claim's years are in `change`: leave `year` out"),
            );
            return None;
        }
        _ => estimate_year(ctx, raw.year.as_ref(), quantity, entity, problems)?,
    };
    let bound = super::bounds::estimate_bound(ctx, raw.bound.as_ref(), problems)?;
    Some(Target::Estimate {
        entity: entity.get_ref().clone(),
        quantity,
        component,
        year,
        bound,
    })
}

/// The `quantity` key: fighters, soldiers, population or area.
fn parse_quantity(
    ctx: &Ctx,
    quantity_text: &Spanned<String>,
    problems: &mut Vec<Problem>,
) -> Option<Quantity> {
    let quantity = Quantity::parse(quantity_text.get_ref());
    if quantity.is_none() {
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
    }
    quantity
}

/// Whether the entity is a group (for fighters) or a country (otherwise) in the data.
fn known_entity(
    ctx: &Ctx,
    entity: &Spanned<String>,
    quantity: Quantity,
    data: &Dataset,
    problems: &mut Vec<Problem>,
) -> bool {
    let entity_id = entity.get_ref();
    let Entities { kind, ids, listed } = data.entities_of(quantity);
    let ok = ids.contains(&entity_id.as_str());
    if !ok {
        problems.push(
            Problem::new(
                format!("unknown {kind} \"{entity_id}\" for {quantity}"),
                ctx.at(entity.span(), "entity"),
            )
            .help(ids_help(entity_id, &ids, listed)),
        );
    }
    ok
}

/// The `component` key, which only soldiers have; `Some(None)` when it is absent.
fn estimate_component(
    ctx: &Ctx,
    component: Option<&Spanned<String>>,
    quantity: Quantity,
    problems: &mut Vec<Problem>,
) -> Option<Option<String>> {
    match (component, quantity) {
        (None, _) => Some(None),
        (Some(c), Quantity::Soldiers) if COMPONENTS.contains(&c.get_ref().as_str()) => {
            Some(Some(c.get_ref().clone()))
        }
        (Some(c), Quantity::Soldiers) => {
            problems.push(
                Problem::new(
                    format!("unknown component \"{}\"", c.get_ref()),
                    ctx.at(c.span(), "component"),
                )
                .help(choices_help(c.get_ref(), COMPONENTS)),
            );
            None
        }
        (Some(c), _) => {
            problems.push(
                Problem::new(
                    "only soldiers have components",
                    ctx.at(c.span(), "component"),
                )
                .help("remove `component`"),
            );
            None
        }
    }
}

/// The `year` key of an estimate claim; 2100 for an area without one.
fn estimate_year(
    ctx: &Ctx,
    year: Option<&Spanned<i64>>,
    quantity: Quantity,
    entity: &Spanned<String>,
    problems: &mut Vec<Problem>,
) -> Option<i32> {
    match (year, quantity) {
        (Some(y), _) if (1900..=2100).contains(y.get_ref()) => Some(*y.get_ref() as i32),
        (Some(y), _) => {
            problems.push(
                Problem::new(
                    format!("not a year: {}", y.get_ref()),
                    ctx.at(y.span(), "year"),
                )
                .help("write a four-digit year, e.g. 2025"),
            );
            None
        }
        (None, Quantity::Area) => Some(2100),
        (None, _) => {
            problems.push(
                Problem::new(
                    "an estimate claim needs a year",
                    ctx.at(entity.span(), "year"),
                )
                .help("add year = 2025 (the year the claim describes)"),
            );
            None
        }
    }
}

/// How to give an events query its period.
const PERIOD_HELP: &str =
    "give year = 2025, or from = \"2024-06\" and to = \"2024-11\" (months, both included)";

/// The months an events query counts, both included.
struct MonthSpan {
    from: (i32, u32),
    to: (i32, u32),
}

/// An events claim's query, checked against the data; a problem when it does not hold.
fn event_query(
    ctx: &Ctx,
    raw: &Spanned<RawEventQuery>,
    data: &Dataset,
    problems: &mut Vec<Problem>,
) -> Option<EventQuery> {
    match read_event_query(ctx, raw, data) {
        Ok(query) => Some(query),
        Err(problem) => {
            problems.push(problem);
            None
        }
    }
}

/// An events query, or the first problem with it.
fn read_event_query(
    ctx: &Ctx,
    raw: &Spanned<RawEventQuery>,
    data: &Dataset,
) -> Result<EventQuery, Problem> {
    let q = raw.get_ref();
    let group = event_group(ctx, q.group.as_ref(), data)?;
    let measure = event_measure(ctx, q, group.is_some())?;
    check_sub_event_type(ctx, q, group.is_some(), measure)?;
    let countries = event_countries(ctx, q)?;
    let MonthSpan { from, to } = event_period(ctx, raw)?;
    Ok(EventQuery {
        group,
        countries,
        from,
        to,
        measure,
        large: q.large.unwrap_or(20),
        sub_event_type: q.sub_event_type.as_ref().map(|k| k.get_ref().clone()),
    })
}

/// The group an events query counts, if any, as a group id in the data.
fn event_group(
    ctx: &Ctx,
    group: Option<&Spanned<String>>,
    data: &Dataset,
) -> Result<Option<String>, Problem> {
    let Some(group) = group else {
        return Ok(None);
    };
    let groups: Vec<&str> = data.groups.iter().map(|g| g.id.as_str()).collect();
    if !groups.contains(&group.get_ref().as_str()) {
        return Err(Problem::new(
            format!("unknown group \"{}\"", group.get_ref()),
            ctx.at(group.span(), "events.group"),
        )
        .help(ids_help(group.get_ref(), &groups, Ids::Groups)));
    }
    Ok(Some(group.get_ref().clone()))
}

/// What an events query counts; without a group, only events and fatalities.
fn event_measure(ctx: &Ctx, q: &RawEventQuery, has_group: bool) -> Result<EventMeasure, Problem> {
    let Some(measure) = EventMeasure::parse(q.measure.get_ref()) else {
        return Err(Problem::new(
            format!("unknown event measure \"{}\"", q.measure.get_ref()),
            ctx.at(q.measure.span(), "events.measure"),
        )
        .help(choices_help(
            q.measure.get_ref(),
            &EventMeasure::ALL.map(EventMeasure::id),
        )));
    };
    if !has_group && !matches!(measure, EventMeasure::Events | EventMeasure::Fatalities) {
        return Err(Problem::new(
            format!("{} needs a group", measure.id()),
            ctx.at(q.measure.span(), "events.measure"),
        )
        .help("add group = \"ID\"; without a group, only every actor's events and fatalities are counted"));
    }
    Ok(measure)
}

/// A `sub_event_type` needs a group and the measure events or fatalities.
fn check_sub_event_type(
    ctx: &Ctx,
    q: &RawEventQuery,
    has_group: bool,
    measure: EventMeasure,
) -> Result<(), Problem> {
    if let Some(kind) = &q.sub_event_type {
        if !has_group || !matches!(measure, EventMeasure::Events | EventMeasure::Fatalities) {
            return Err(Problem::new(
                format!("sub_event_type \"{}\" needs a group and the measure events or fatalities", kind.get_ref()),
                ctx.at(kind.span(), "events.sub_event_type"),
            )
            .help("e.g. events = { group = \"jnim\", country = \"Mali\", year = 2025, measure = \"events\", sub_event_type = \"Agreement\" }"));
        }
    }
    Ok(())
}

/// The countries an events query sums: one `country` or a `countries` list, not both.
fn event_countries(ctx: &Ctx, q: &RawEventQuery) -> Result<Vec<String>, Problem> {
    match (&q.country, &q.countries) {
        (Some(_), Some(list)) => Err(Problem::new(
            "both country and countries",
            ctx.at(list.span(), "events.countries"),
        )
        .help("give one country, or a list of countries to sum")),
        (Some(one), None) => Ok(vec![one.clone()]),
        (None, Some(list)) => Ok(list.get_ref().clone()),
        (None, None) => Ok(Vec::new()),
    }
}

/// The period of an events query: a `year`, or `from` and `to` months.
fn event_period(ctx: &Ctx, raw: &Spanned<RawEventQuery>) -> Result<MonthSpan, Problem> {
    let q = raw.get_ref();
    match (&q.year, &q.from, &q.to) {
        (Some(year), None, None) => year_period(ctx, year),
        (None, Some(from), Some(to)) => month_period(ctx, from, to),
        _ => Err(Problem::new(
            "an events query needs one period",
            ctx.at(raw.span(), "events"),
        )
        .help(PERIOD_HELP)),
    }
}

/// January to December of a `year`.
fn year_period(ctx: &Ctx, year: &Spanned<i64>) -> Result<MonthSpan, Problem> {
    let y = *year.get_ref();
    if !(1900..=2100).contains(&y) {
        return Err(Problem::new(
            format!("not a year: {y}"),
            ctx.at(year.span(), "events.year"),
        )
        .help("write a four-digit year, e.g. 2025"));
    }
    Ok(MonthSpan {
        from: (y as i32, 1),
        to: (y as i32, 12),
    })
}

/// The months from `from` to `to`, which must not come before it.
fn month_period(
    ctx: &Ctx,
    from: &Spanned<String>,
    to: &Spanned<String>,
) -> Result<MonthSpan, Problem> {
    let (start, end) = match (
        event_month(ctx, from, "events.from"),
        event_month(ctx, to, "events.to"),
    ) {
        (Ok(start), Ok(end)) => (start, end),
        (Err(problem), _) | (_, Err(problem)) => return Err(problem),
    };
    if start > end {
        return Err(Problem::new(
            format!("from {} is after to {}", from.get_ref(), to.get_ref()),
            ctx.at(from.span(), "events.from"),
        )
        .help(PERIOD_HELP));
    }
    Ok(MonthSpan {
        from: start,
        to: end,
    })
}

/// A month key such as `from = "2024-06"`, or a problem under `key`.
fn event_month(ctx: &Ctx, text: &Spanned<String>, key: &str) -> Result<(i32, u32), Problem> {
    parse_month(text.get_ref()).ok_or_else(|| {
        Problem::new(
            format!("not a month: \"{}\"", text.get_ref()),
            ctx.at(text.span(), key),
        )
        .help("write a year and month, e.g. \"2024-06\"")
    })
}

/// "2024-06" as (2024, 6).
fn parse_month(text: &str) -> Option<(i32, u32)> {
    let (year, month) = text.trim().split_once('-')?;
    let (year, month): (i32, u32) = (year.parse().ok()?, month.parse().ok()?);
    ((1900..=2100).contains(&year) && (1..=12).contains(&month)).then_some((year, month))
}
