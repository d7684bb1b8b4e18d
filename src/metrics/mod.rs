//! The metrics: which ratios exist, how each is computed from a comparison's resolved
//! inputs, and the unit it is shown in.

pub(crate) mod compute;
pub(crate) mod events;
pub(crate) mod formula;
pub(crate) mod gate;
pub(crate) mod overrides;
pub(crate) mod resolve;
#[cfg(test)]
pub(crate) mod testing;

use crate::data::Quantity;

/// A ratio the tool computes. The ids are a public interface: they appear in tidy output
/// and on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Metric {
    /// Counted soldiers / fighters.
    SoldiersPerFighter,
    /// Population / fighters.
    PeoplePerFighter,
    /// Area / fighters, in square miles (or km² with --units metric).
    AreaPerFighter,
    /// 1000 × fighters / population.
    FightersPer1000People,
    /// 1000 × counted soldiers / population: force density.
    SoldiersPer1000People,
    /// Fighters of one comparison / fighters of another.
    FightersRatio,
    /// Population of one comparison / population of another.
    PopulationRatio,
    /// Area of one comparison / area of another.
    AreaRatio,
    /// Counted soldiers of one comparison / those of another.
    SoldiersRatio,
    /// 1000 × deaths in events involving the group / fighters (needs `--events`).
    FatalitiesPer1000Fighters,
    /// 1,000,000 × events involving the group / population (needs `--events`).
    EventsPerMillionPeople,
    /// Large-scale attacks the group initiated, per year of the export's coverage
    /// (needs `--events`).
    LargeAttacksPerYear,
}

impl Metric {
    pub(crate) const SINGLE: [Metric; 5] = [
        Metric::SoldiersPerFighter,
        Metric::PeoplePerFighter,
        Metric::AreaPerFighter,
        Metric::FightersPer1000People,
        Metric::SoldiersPer1000People,
    ];

    pub(crate) const PAIRWISE: [Metric; 4] = [
        Metric::FightersRatio,
        Metric::PopulationRatio,
        Metric::AreaRatio,
        Metric::SoldiersRatio,
    ];

    /// The metrics counted from an event export and joined with the datasets.
    pub(crate) const EVENTS: [Metric; 3] = [
        Metric::FatalitiesPer1000Fighters,
        Metric::EventsPerMillionPeople,
        Metric::LargeAttacksPerYear,
    ];

    /// Every metric, in the order help lists them.
    pub(crate) const ALL: [Metric; 12] = [
        Metric::SoldiersPerFighter,
        Metric::PeoplePerFighter,
        Metric::AreaPerFighter,
        Metric::FightersPer1000People,
        Metric::SoldiersPer1000People,
        Metric::FightersRatio,
        Metric::PopulationRatio,
        Metric::AreaRatio,
        Metric::SoldiersRatio,
        Metric::FatalitiesPer1000Fighters,
        Metric::EventsPerMillionPeople,
        Metric::LargeAttacksPerYear,
    ];

    /// One line on what the metric divides, as command-line help shows it.
    pub(crate) fn help(self) -> &'static str {
        match self {
            Metric::SoldiersPerFighter => "Counted soldiers / fighters",
            Metric::PeoplePerFighter => "Population / fighters",
            Metric::AreaPerFighter => "Area / fighters, in square miles (or km² with --units metric)",
            Metric::FightersPer1000People => "1000 × fighters / population",
            Metric::SoldiersPer1000People => "1000 × counted soldiers / population: force density",
            Metric::FightersRatio => "Fighters of one comparison / fighters of another",
            Metric::PopulationRatio => "Population of one comparison / population of another",
            Metric::AreaRatio => "Area of one comparison / area of another",
            Metric::SoldiersRatio => "Counted soldiers of one comparison / those of another",
            Metric::FatalitiesPer1000Fighters => "1000 × deaths in events involving the group / fighters (needs `--events`)",
            Metric::EventsPerMillionPeople => "1,000,000 × events involving the group / population (needs `--events`)",
            Metric::LargeAttacksPerYear => "Large-scale attacks the group initiated, per year of the export's coverage (needs `--events`)",
        }
    }

    pub(crate) fn id(self) -> &'static str {
        match self {
            Metric::SoldiersPerFighter => "soldiers_per_fighter",
            Metric::PeoplePerFighter => "people_per_fighter",
            Metric::AreaPerFighter => "area_per_fighter",
            Metric::FightersPer1000People => "fighters_per_1000_people",
            Metric::SoldiersPer1000People => "soldiers_per_1000_people",
            Metric::FightersRatio => "fighters_ratio",
            Metric::PopulationRatio => "population_ratio",
            Metric::AreaRatio => "area_ratio",
            Metric::SoldiersRatio => "soldiers_ratio",
            Metric::FatalitiesPer1000Fighters => "fatalities_per_1000_fighters",
            Metric::EventsPerMillionPeople => "events_per_million_people",
            Metric::LargeAttacksPerYear => "large_attacks_per_year",
        }
    }

    /// The metric with this id.
    pub(crate) fn parse(id: &str) -> Option<Metric> {
        Metric::ALL.into_iter().find(|m| m.id() == id)
    }

    pub(crate) fn is_event(self) -> bool {
        Metric::EVENTS.contains(&self)
    }

    pub(crate) fn is_pairwise(self) -> bool {
        Metric::PAIRWISE.contains(&self)
    }

    /// The dataset quantities a metric divides: (numerator, denominator) for single
    /// metrics; the quantity compared for pairwise ones (both sides). Event metrics
    /// divide an event count, so they have none.
    pub(crate) fn quantities(self) -> Option<(Quantity, Quantity)> {
        use Quantity::*;
        Some(match self {
            Metric::SoldiersPerFighter => (Soldiers, Fighters),
            Metric::PeoplePerFighter => (Population, Fighters),
            Metric::AreaPerFighter => (Area, Fighters),
            Metric::FightersPer1000People => (Fighters, Population),
            Metric::SoldiersPer1000People => (Soldiers, Population),
            Metric::FightersRatio => (Fighters, Fighters),
            Metric::PopulationRatio => (Population, Population),
            Metric::AreaRatio => (Area, Area),
            Metric::SoldiersRatio => (Soldiers, Soldiers),
            Metric::FatalitiesPer1000Fighters
            | Metric::EventsPerMillionPeople
            | Metric::LargeAttacksPerYear => return None,
        })
    }
}

impl std::fmt::Display for Metric {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id())
    }
}
