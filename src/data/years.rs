//! The years of a comparison's estimates: the latest year they share, for a comparison
//! that follows it (`year = "latest"`), and the newer estimates that a comparison set to
//! an earlier year leaves unused, which every output names (a newer estimate is never
//! ignored without a word).

use std::collections::BTreeSet;

use super::model::{Comparison, Dataset, Quantity, Row};

/// One yearly input of a comparison: its group's fighters, a country's population, or
/// a country's soldiers in the components the comparison counts.
#[derive(Debug, Clone, Copy)]
struct Input<'a> {
    quantity: Quantity,
    entity: &'a str,
    /// The counted components, for soldiers.
    components: &'a [String],
}

impl Input<'_> {
    /// "no fighters estimate", "no population estimate for Syria", "no armed-forces or
    /// militia estimate for Mali", then `tail` (" after 2025").
    fn no_estimate(&self, data: &Dataset, tail: &str) -> String {
        let name = data.entity_name(self.entity);
        match self.quantity {
            Quantity::Fighters => format!("no fighters estimate{tail}"),
            Quantity::Soldiers => format!(
                "no {} estimate for {name}{tail}",
                self.components.join(" or ")
            ),
            _ => format!("no {} estimate for {name}{tail}", self.quantity),
        }
    }

    /// The rows that give this input, of any year.
    fn rows<'d>(&self, data: &'d Dataset) -> Vec<&'d Row> {
        data.rows_for(self.quantity, self.entity)
            .into_iter()
            .filter(|r| match (&r.component, self.quantity) {
                (Some(component), Quantity::Soldiers) => self.components.contains(component),
                _ => true,
            })
            .collect()
    }
}

/// The comparison's yearly inputs (area has no year).
fn inputs(c: &Comparison) -> Vec<Input<'_>> {
    let mut out = vec![Input {
        quantity: Quantity::Fighters,
        entity: &c.group,
        components: &[],
    }];
    for country in &c.countries {
        for quantity in [Quantity::Population, Quantity::Soldiers] {
            out.push(Input {
                quantity,
                entity: country,
                components: &c.soldiers,
            });
        }
    }
    out
}

/// The years an input has estimates for, from the comparison's named source when it
/// names one for the quantity.
fn years(data: &Dataset, c: &Comparison, input: &Input) -> BTreeSet<i32> {
    let named = c.sources.get(&input.quantity);
    input
        .rows(data)
        .into_iter()
        .filter(|r| named.is_none_or(|s| &r.source == s))
        .filter_map(|r| r.year)
        .collect()
}

/// The latest year a comparison's estimates share: the newest year of the input whose
/// newest estimate is oldest (HTS's fighters, 2022, against Syria's population of 2025),
/// so that no input is carried past its own newest estimate while the others use theirs
/// of that year or the nearest earlier one. When an input's first estimate is later
/// still, that first year, so that every input has an estimate in or before it. With
/// the year, what holds it there ("no armed-forces estimate for Southland after 2025").
/// An input with no estimate at all leaves no year: the error names each.
pub(crate) fn latest_shared(data: &Dataset, c: &Comparison) -> Result<(i32, String), Vec<String>> {
    let inputs = inputs(c);
    let each: Vec<BTreeSet<i32>> = inputs.iter().map(|i| years(data, c, i)).collect();
    let empty: Vec<String> = inputs
        .iter()
        .zip(&each)
        .filter(|(_, years)| years.is_empty())
        .map(|(input, _)| input.no_estimate(data, ""))
        .collect();
    if !empty.is_empty() {
        return Err(empty);
    }
    let newest = inputs
        .iter()
        .zip(&each)
        .filter_map(|(i, y)| Some((*y.last()?, i)))
        .min_by_key(|(y, _)| *y);
    let first = inputs
        .iter()
        .zip(&each)
        .filter_map(|(i, y)| Some((*y.first()?, i)))
        .max_by_key(|(y, _)| *y);
    match (newest, first) {
        (Some((year, input)), Some((first, _))) if year >= first => {
            Ok((year, input.no_estimate(data, &format!(" after {year}"))))
        }
        (_, Some((year, input))) => Ok((year, input.no_estimate(data, &format!(" before {year}")))),
        _ => Err(Vec::new()),
    }
}

/// The newest estimate of one input, of a year after the comparison's, if any: the row
/// the comparison leaves unused.
pub(crate) fn newer<'d>(
    data: &'d Dataset,
    c: &Comparison,
    quantity: Quantity,
    entity: &str,
    component: Option<&str>,
) -> Option<&'d Row> {
    data.rows_for(quantity, entity)
        .into_iter()
        .filter(|r| r.component.as_deref() == component && r.year.is_some_and(|y| y > c.year))
        .max_by_key(|r| r.year)
}

/// What a note says of a newer estimate: "a 2026 estimate exists; this comparison is set
/// to 2025", or, for a comparison that follows its estimates, "...; this comparison
/// follows the latest year its estimates share, 2025".
pub(crate) fn newer_note(c: &Comparison, newer: &Row) -> String {
    let year = newer.year.unwrap_or_default();
    match c.follows_latest() {
        false => format!(
            "a {year} estimate exists; this comparison is set to {}",
            c.year
        ),
        true => format!(
            "a {year} estimate exists; this comparison follows the latest year its estimates share, {}",
            c.year
        ),
    }
}

/// A newer estimate a comparison leaves unused, and the input it is of.
pub(crate) struct Unused<'d> {
    pub(crate) quantity: Quantity,
    pub(crate) entity: String,
    pub(crate) component: Option<String>,
    pub(crate) row: &'d Row,
}

impl Unused<'_> {
    /// The note every output gives it: "fighters: a 2026 estimate exists; this comparison
    /// is set to 2025", "population of Syria: ...", "soldiers (militia) of Mali: ...".
    pub(crate) fn note(&self, data: &Dataset, c: &Comparison) -> String {
        let mut what = self.quantity.to_string();
        if let Some(component) = &self.component {
            what.push_str(&format!(" ({component})"));
        }
        // A comparison has one group, so only a country needs naming.
        if self.quantity != Quantity::Fighters {
            what.push_str(&format!(" of {}", data.entity_name(&self.entity)));
        }
        format!("{what}: {}", newer_note(c, self.row))
    }
}

/// The newer estimate of one input of the comparison, if any.
pub(crate) fn unused<'d>(
    data: &'d Dataset,
    c: &Comparison,
    quantity: Quantity,
    entity: &str,
    component: Option<&str>,
) -> Option<Unused<'d>> {
    newer(data, c, quantity, entity, component).map(|row| Unused {
        quantity,
        entity: entity.to_string(),
        component: component.map(String::from),
        row,
    })
}

/// Every newer estimate the comparison leaves unused: of its group's fighters, and of
/// each country's population and counted soldier components.
pub(crate) fn all_unused<'d>(data: &'d Dataset, c: &Comparison) -> Vec<Unused<'d>> {
    let mut out: Vec<Unused> = unused(data, c, Quantity::Fighters, &c.group, None)
        .into_iter()
        .collect();
    for country in &c.countries {
        out.extend(unused(data, c, Quantity::Population, country, None));
        for component in &c.soldiers {
            out.extend(unused(
                data,
                c,
                Quantity::Soldiers,
                country,
                Some(component),
            ));
        }
    }
    out
}
