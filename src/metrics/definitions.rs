//! Every metric, defined once: its id, what it divides and by what scale, how its values
//! read, and its words in headings, units, readings, the method and comparisons. The
//! formulas, renderers, charts, claims and `extract` all read this table, so adding a
//! metric is one entry here (and its tests).

use crate::data::Quantity;
use crate::events::EventMeasure;

/// What a metric divides.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Kind {
    /// `scale × top / bottom`, both of one comparison.
    Single {
        top: Quantity,
        bottom: Quantity,
        scale: f64,
    },
    /// A quantity of one comparison over the same quantity of another.
    Pairwise { quantity: Quantity },
    /// Counted from an event export (`counted`, named `key` in the input's key), per
    /// year of the export's coverage: `scale ×` the count a year, over `per` when a
    /// dataset quantity divides it.
    Event {
        counted: EventMeasure,
        key: &'static str,
        scale: f64,
        per: Option<Quantity>,
    },
}

/// How a value reads in prose and in its own column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    /// "1 : 9.6"
    OneTo,
    /// "1 per 8,212"
    OnePer,
    /// "97.5 sq mi"
    Area,
    /// "0.12"
    Plain,
    /// "0.40×"
    Times,
}

/// One metric. In every text, `{area}` stands for the area unit of the run.
#[derive(Debug)]
pub(crate) struct Definition {
    /// A public interface: tidy output and the command line name the metric by it.
    pub(crate) id: &'static str,
    /// One line on what it divides, as help and `list metrics` show it.
    pub(crate) help: &'static str,
    pub(crate) kind: Kind,
    pub(crate) shape: Shape,
    /// A column heading, over lines to fit narrow terminals.
    pub(crate) heading: &'static str,
    /// The unit of its values ("soldiers per fighter"; "ratio" for pairwise ones).
    pub(crate) unit: &'static str,
    /// Its section's title, when not the heading on one line.
    pub(crate) section: Option<&'static str>,
    /// The formula as the report's method states it.
    pub(crate) formula: &'static str,
    /// What it counts in a comparison ("more soldiers per fighter than"), and the word
    /// for the other way ("fewer").
    pub(crate) more: &'static str,
    pub(crate) less: &'static str,
    /// The report's reading of a comparison's value: `{states}` the countries,
    /// `{group}` the group (`{Group}` to open a sentence), `{label}` the comparison,
    /// `{v}` the value, `{shown}` the value in the metric's form.
    pub(crate) reading: &'static str,
    /// What the figures count, set against published benchmarks.
    pub(crate) basis: &'static str,
}

const PER_POPULATION: &str =
    "the figures count the forces each comparison names over the whole population of its countries";

/// Every metric, in the order help lists them.
pub(crate) const DEFINITIONS: &[Definition] = &[
    Definition {
        id: "soldiers_per_fighter",
        help: "Counted soldiers / fighters",
        kind: Kind::Single { top: Quantity::Soldiers, bottom: Quantity::Fighters, scale: 1.0 },
        shape: Shape::OneTo,
        heading: "soldiers\nper\nfighter",
        unit: "soldiers per fighter",
        section: None,
        formula: "counted soldiers / fighters",
        more: "soldiers per fighter",
        less: "fewer",
        reading: "{states} field {v} soldiers for every {group} fighter",
        basis: "the figures count the forces each comparison names as its soldiers, per fighter of the group",
    },
    Definition {
        id: "people_per_fighter",
        help: "Population / fighters",
        kind: Kind::Single { top: Quantity::Population, bottom: Quantity::Fighters, scale: 1.0 },
        shape: Shape::OnePer,
        heading: "people\nper\nfighter",
        unit: "people per fighter",
        section: None,
        formula: "population / fighters",
        more: "people per fighter",
        less: "fewer",
        reading: "{Group} has one fighter for every {v} people in {states}",
        basis: "the figures count the whole population of each comparison's countries per fighter of the group",
    },
    Definition {
        id: "area_per_fighter",
        help: "Area / fighters, in square miles (or km² with --units metric)",
        kind: Kind::Single { top: Quantity::Area, bottom: Quantity::Fighters, scale: 1.0 },
        shape: Shape::Area,
        heading: "{area}\nper\nfighter",
        unit: "{area} per fighter",
        section: Some("area per fighter ({area})"),
        formula: "area / fighters (1 sq mi = 2.589988110336 km²)",
        more: "ground per fighter",
        less: "less",
        reading: "{Group} has one fighter for every {shown} of {states}",
        basis: "the figures count the whole area of each comparison's countries per fighter of the group",
    },
    Definition {
        id: "fighters_per_1000_people",
        help: "1000 × fighters / population",
        kind: Kind::Single { top: Quantity::Fighters, bottom: Quantity::Population, scale: 1000.0 },
        shape: Shape::Plain,
        heading: "fighters\nper\n1,000\npeople",
        unit: "fighters per 1,000 people",
        section: None,
        formula: "1000 × fighters / population",
        more: "fighters per 1,000 people",
        less: "fewer",
        reading: "{Group} has {v} fighters per 1,000 people in {states}",
        basis: "the figures count the group's fighters over the whole population of its countries",
    },
    Definition {
        id: "soldiers_per_1000_people",
        help: "1000 × counted soldiers / population: force density",
        kind: Kind::Single { top: Quantity::Soldiers, bottom: Quantity::Population, scale: 1000.0 },
        shape: Shape::Plain,
        heading: "soldiers\nper\n1,000\npeople",
        unit: "soldiers per 1,000 people",
        section: None,
        formula: "1000 × counted soldiers / population",
        more: "soldiers per 1,000 people",
        less: "fewer",
        reading: "{states} field {v} soldiers per 1,000 of their people",
        basis: PER_POPULATION,
    },
    Definition {
        id: "fighters_ratio",
        help: "Fighters of one comparison / fighters of another",
        kind: Kind::Pairwise { quantity: Quantity::Fighters },
        shape: Shape::Times,
        heading: "fighters",
        unit: "ratio",
        section: None,
        formula: "fighters of one comparison / fighters of the other",
        more: "fighters",
        less: "fewer",
        reading: "{label}: {shown}",
        basis: "the figures divide the fighters of one comparison by those of another",
    },
    Definition {
        id: "population_ratio",
        help: "Population of one comparison / population of another",
        kind: Kind::Pairwise { quantity: Quantity::Population },
        shape: Shape::Times,
        heading: "population",
        unit: "ratio",
        section: None,
        formula: "population / population of the other",
        more: "people",
        less: "fewer",
        reading: "{label}: {shown}",
        basis: "the figures divide the population of one comparison by that of another",
    },
    Definition {
        id: "area_ratio",
        help: "Area of one comparison / area of another",
        kind: Kind::Pairwise { quantity: Quantity::Area },
        shape: Shape::Times,
        heading: "area",
        unit: "ratio",
        section: None,
        formula: "area / area of the other",
        more: "ground",
        less: "less",
        reading: "{label}: {shown}",
        basis: "the figures divide the area of one comparison by that of another",
    },
    Definition {
        id: "soldiers_ratio",
        help: "Counted soldiers of one comparison / those of another",
        kind: Kind::Pairwise { quantity: Quantity::Soldiers },
        shape: Shape::Times,
        heading: "soldiers",
        unit: "ratio",
        section: None,
        formula: "counted soldiers / counted soldiers of the other",
        more: "soldiers",
        less: "fewer",
        reading: "{label}: {shown}",
        basis: "the figures divide the soldiers of one comparison by those of another",
    },
    Definition {
        id: "fatalities_per_1000_fighters",
        help: "1000 × deaths in events involving the group / fighters (needs `--events`)",
        kind: Kind::Event {
            counted: EventMeasure::Fatalities,
            key: "fatalities",
            scale: 1000.0,
            per: Some(Quantity::Fighters),
        },
        shape: Shape::Plain,
        heading: "deaths\nper\n1,000\nfighters",
        unit: "deaths per 1,000 fighters",
        section: None,
        formula: "1000 × deaths in events involving the group / fighters, per year (annualised over the days the export covers)",
        more: "deaths per 1,000 fighters",
        less: "fewer",
        reading: "{label} saw {v} deaths in events involving the group per 1,000 of its fighters a year",
        basis: "the figures count the deaths in the events an export records for the group, a year, per 1,000 of its fighters",
    },
    Definition {
        id: "events_per_million_people",
        help: "1,000,000 × events involving the group / population (needs `--events`)",
        kind: Kind::Event {
            counted: EventMeasure::Events,
            key: "events",
            scale: 1e6,
            per: Some(Quantity::Population),
        },
        shape: Shape::Plain,
        heading: "events\nper\nmillion\npeople",
        unit: "events per million people",
        section: None,
        formula: "1,000,000 × events involving the group / population, per year (annualised likewise)",
        more: "events per million people",
        less: "fewer",
        reading: "{label} saw {v} events involving the group per million people a year",
        basis: "the figures count the events an export records for the group, a year, per million people of its countries",
    },
    Definition {
        id: "large_attacks_per_year",
        help: "Large-scale attacks the group initiated, per year of the export's coverage (needs `--events`)",
        kind: Kind::Event {
            counted: EventMeasure::LargeAttacks,
            key: "large-attacks",
            scale: 1.0,
            per: None,
        },
        shape: Shape::Plain,
        heading: "large-scale\nattacks\nper year",
        unit: "large-scale attacks per year",
        section: None,
        formula: "large-scale attacks the group initiated / years of the year covered by the export (not available from UCDP or a monadic ACLED export)",
        more: "large-scale attacks a year",
        less: "fewer",
        reading: "{label} saw {v} large-scale attacks initiated by the group per year",
        basis: "the figures count the large-scale attacks an export records the group initiating, a year",
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_snake_case() {
        for (i, d) in DEFINITIONS.iter().enumerate() {
            assert!(
                d.id.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'),
                "{}",
                d.id
            );
            assert!(
                DEFINITIONS[..i].iter().all(|e| e.id != d.id),
                "{} twice",
                d.id
            );
        }
    }

    #[test]
    fn a_pairwise_metric_reads_as_a_multiple_and_a_single_one_never_does() {
        for d in DEFINITIONS {
            let pairwise = matches!(d.kind, Kind::Pairwise { .. });
            assert_eq!(pairwise, d.shape == Shape::Times, "{}", d.id);
            assert_eq!(pairwise, d.unit == "ratio", "{}", d.id);
        }
    }

    #[test]
    fn no_two_metrics_divide_the_same_quantities() {
        for (i, d) in DEFINITIONS.iter().enumerate() {
            assert!(
                DEFINITIONS[..i].iter().all(|e| e.kind != d.kind),
                "{} divides what another does",
                d.id
            );
        }
    }
}
