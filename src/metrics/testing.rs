//! Inputs made by hand for the metrics' unit tests: one comparison of group g in country
//! c in 2025, every quantity a single point value.

use crate::data::{Comparison, Estimate, Quantity, RowRef};
use crate::error::Problem;

use super::resolve::{Inputs, Part, Resolved};

fn resolved(id: &str, quantity: Quantity, value: f64) -> Result<Resolved, Problem> {
    let part = Part {
        quantity,
        entity: format!("{id}-entity"),
        component: None,
        year: Some(2025),
        estimate: Estimate::point(value),
        source: Some("test".into()),
        at: None,
        overridden: false,
        by: None,
        flag: None,
        dist: None,
        pool: Vec::new(),
    };
    Ok(Resolved {
        parts: vec![part],
        notes: Vec::new(),
    })
}

/// A comparison `id` of group g in country c in 2025, every input a point value.
pub(crate) fn inputs(id: &str, fighters: f64, soldiers: f64, population: f64, area: f64) -> Inputs {
    Inputs {
        comparison: Comparison {
            id: id.to_string(),
            label: id.to_string(),
            group: "g".into(),
            countries: vec!["c".into()],
            year: 2025,
            year_rule: crate::data::model::YearRule::Set,
            soldiers: vec!["armed-forces".into()],
            sources: Default::default(),
            note: String::new(),
            at: RowRef::new("comparisons.toml", 1),
            keys: Vec::new(),
        },
        fighters: resolved(id, Quantity::Fighters, fighters),
        soldiers: resolved(id, Quantity::Soldiers, soldiers),
        population: resolved(id, Quantity::Population, population),
        area: resolved(id, Quantity::Area, area),
    }
}
