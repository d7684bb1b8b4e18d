//! What makes `validate` the gate for every other command: a metric's formula is checked
//! before it is computed or sampled, the same way for every command, so that data
//! `validate` accepts always computes finite numbers. A distribution that cannot be
//! built, a denominator whose range reaches zero, and a value that overflows to
//! infinity at the inputs' extremes are problems that name the row's file, line and
//! column and the value.

use crate::data::Quantity;
use crate::error::{Location, Problem};
use crate::uncertainty::formula::{Formula, Term};
use crate::uncertainty::pool::Pool;

use super::resolve::{Part, Resolved};

/// The sides of a formula as resolved: the parts its numerator and denominator terms
/// come from, in the same order.
pub(crate) struct Sides<'a> {
    pub(crate) top: &'a Resolved,
    pub(crate) bottom: &'a Resolved,
    pub(crate) quantity: Quantity,
    /// What the figure is, e.g. `people_per_fighter for "jnim-sahel"`.
    pub(crate) what: String,
    /// Where the comparison is defined, for a problem no single row explains.
    pub(crate) fallback: Location,
}

fn at(part: &Part, column: &str, fallback: &Location) -> Location {
    part.at
        .as_ref()
        .map_or_else(|| fallback.clone(), |row| row.cell(column))
}

/// The column a bound comes from: `low` when given, else `central`.
fn column(bound: Option<f64>) -> &'static str {
    if bound.is_some() {
        "low"
    } else {
        "central"
    }
}

fn column_high(part: &Part) -> &'static str {
    if part.estimate.high.is_some() {
        "high"
    } else {
        "central"
    }
}

/// The lowest value the term can be drawn at, over every source of its pool.
fn low(term: &Term) -> f64 {
    term.factor * term.span().0
}

fn high(term: &Term) -> f64 {
    term.factor * term.span().1
}

/// The first problem that would stop `formula` from being sampled or make it
/// non-finite.
pub(crate) fn check(formula: &Formula, sides: &Sides) -> Result<(), Problem> {
    let parts = sides.top.parts.iter().chain(&sides.bottom.parts);
    for (term, part) in formula
        .numerator
        .iter()
        .chain(&formula.denominator)
        .zip(parts)
    {
        if let Err(why) = Pool::of(&term.members()) {
            return Err(Problem::new(
                format!("cannot sample {}: {why}", term.key),
                at(part, "low", &sides.fallback),
            )
            .help("give the row a low and high the distribution accepts (a lognormal needs a low above zero)"));
        }
    }
    let bottom: f64 = formula.denominator.iter().map(low).sum();
    if bottom <= 0.0 && formula.central_denominator() > 0.0 {
        let zero = sides
            .bottom
            .parts
            .iter()
            .zip(&formula.denominator)
            .find(|(_, t)| low(t) <= 0.0);
        let location = zero.map_or_else(
            || sides.fallback.clone(),
            |(part, _)| at(part, column(part.estimate.low), &sides.fallback),
        );
        return Err(Problem::new(
            format!(
                "{} divides by {}, whose low adds up to zero: a sampled value would be infinite",
                sides.what, sides.quantity
            ),
            location,
        )
        .help(format!(
            "give the {} a low above zero, or leave its low empty if no range was published",
            sides.quantity
        )));
    }
    let top_high: f64 = formula.numerator.iter().map(high).sum();
    let extremes = [
        formula.central(),
        formula.scale * top_high / bottom.max(f64::MIN_POSITIVE),
    ];
    if extremes.iter().all(|v| v.is_finite()) {
        return Ok(());
    }
    let largest = sides
        .top
        .parts
        .iter()
        .zip(&formula.numerator)
        .max_by(|a, b| high(a.1).total_cmp(&high(b.1)));
    let (location, value) = largest.map_or_else(
        || (sides.fallback.clone(), top_high),
        |(part, term)| (at(part, column_high(part), &sides.fallback), high(term)),
    );
    Err(Problem::new(
        format!(
            "{} overflows to infinity: {value:e} (times {}) divided by as little as {bottom:e}",
            sides.what, formula.scale
        ),
        location,
    )
    .help("check the magnitudes: the figures are too far apart to compute with 64-bit numbers"))
}
