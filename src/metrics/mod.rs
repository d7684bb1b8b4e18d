//! The metrics: which ratios exist, how each is computed from a comparison's resolved
//! inputs, and the unit it is shown in.

pub(crate) mod compute;
pub(crate) mod definitions;
pub(crate) mod events;
pub(crate) mod formula;
pub(crate) mod gate;
pub(crate) mod overrides;
pub(crate) mod resolve;
pub(crate) mod row;
pub(crate) mod sweep;
#[cfg(test)]
pub(crate) mod testing;
pub(crate) mod trajectory;

use crate::data::Quantity;

pub(crate) use definitions::{Definition, Kind, Shape, DEFINITIONS};

/// A metric: one entry of [`DEFINITIONS`], where everything about it is said. Its id
/// is a public interface (tidy output, the command line).
#[derive(Clone, Copy)]
pub(crate) struct Metric(&'static Definition);

/// The definition whose id is `id`, found when the crate compiles: a name below that
/// matches no entry is a build error, and entries can be added or moved freely.
const fn named(id: &str) -> &'static Definition {
    let mut i = 0;
    while i < DEFINITIONS.len() {
        if same(DEFINITIONS[i].id.as_bytes(), id.as_bytes()) {
            return &DEFINITIONS[i];
        }
        i += 1;
    }
    panic!("no metric has this id")
}

const fn same(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// The metrics the code names (some only in tests), by id; any other is reached through
/// [`DEFINITIONS`], and none needs a name to be computed, shown or checked.
#[allow(non_upper_case_globals)]
impl Metric {
    pub(crate) const SoldiersPerFighter: Metric = Metric(named("soldiers_per_fighter"));
    #[cfg(test)]
    pub(crate) const PeoplePerFighter: Metric = Metric(named("people_per_fighter"));
    #[cfg(test)]
    pub(crate) const AreaPerFighter: Metric = Metric(named("area_per_fighter"));
    #[cfg(test)]
    pub(crate) const FightersPer1000People: Metric = Metric(named("fighters_per_1000_people"));
    pub(crate) const FightersRatio: Metric = Metric(named("fighters_ratio"));
    pub(crate) const PopulationRatio: Metric = Metric(named("population_ratio"));
    pub(crate) const AreaRatio: Metric = Metric(named("area_ratio"));
    pub(crate) const SoldiersRatio: Metric = Metric(named("soldiers_ratio"));
    #[cfg(test)]
    pub(crate) const FatalitiesPer1000Fighters: Metric =
        Metric(named("fatalities_per_1000_fighters"));
    #[cfg(test)]
    pub(crate) const EventsPerMillionPeople: Metric = Metric(named("events_per_million_people"));
    #[cfg(test)]
    pub(crate) const LargeAttacksPerYear: Metric = Metric(named("large_attacks_per_year"));
}

impl Metric {
    /// Every metric, in the order help lists them.
    pub(crate) fn all() -> impl Iterator<Item = Metric> {
        DEFINITIONS.iter().map(Metric)
    }

    /// The metrics of one comparison, from the datasets alone.
    pub(crate) fn single() -> impl Iterator<Item = Metric> {
        Metric::all().filter(|m| matches!(m.0.kind, Kind::Single { .. }))
    }

    /// The ratios of one comparison's quantity to another's.
    pub(crate) fn pairwise() -> impl Iterator<Item = Metric> {
        Metric::all().filter(|m| m.is_pairwise())
    }

    /// The metrics counted from an event export and joined with the datasets.
    pub(crate) fn events() -> impl Iterator<Item = Metric> {
        Metric::all().filter(|m| m.is_event())
    }

    /// Everything said about the metric.
    pub(crate) fn def(self) -> &'static Definition {
        self.0
    }

    /// One line on what the metric divides, as command-line help shows it.
    pub(crate) fn help(self) -> &'static str {
        self.0.help
    }

    pub(crate) fn id(self) -> &'static str {
        self.0.id
    }

    /// The metric with this id.
    pub(crate) fn parse(id: &str) -> Option<Metric> {
        Metric::all().find(|m| m.id() == id)
    }

    pub(crate) fn is_event(self) -> bool {
        matches!(self.0.kind, Kind::Event { .. })
    }

    pub(crate) fn is_pairwise(self) -> bool {
        matches!(self.0.kind, Kind::Pairwise { .. })
    }

    /// The dataset quantities a metric divides: (numerator, denominator) for single
    /// metrics; the quantity compared for pairwise ones (both sides). Event metrics
    /// divide an event count, so they have none.
    pub(crate) fn quantities(self) -> Option<(Quantity, Quantity)> {
        match self.0.kind {
            Kind::Single { top, bottom, .. } => Some((top, bottom)),
            Kind::Pairwise { quantity } => Some((quantity, quantity)),
            Kind::Event { .. } => None,
        }
    }

    /// The metric of one comparison that divides `top` by `bottom` at `scale`.
    pub(crate) fn dividing(top: Quantity, bottom: Quantity, scale: f64) -> Option<Metric> {
        Metric::all().find(|m| m.0.kind == Kind::Single { top, bottom, scale })
    }

    /// The ratio of `quantity` between two comparisons.
    pub(crate) fn ratio_of(quantity: Quantity) -> Option<Metric> {
        Metric::all().find(|m| m.0.kind == Kind::Pairwise { quantity })
    }

    /// Where it stands in [`DEFINITIONS`].
    fn position(self) -> usize {
        DEFINITIONS
            .iter()
            .position(|d| d.id == self.0.id)
            .unwrap_or(usize::MAX)
    }
}

impl PartialEq for Metric {
    fn eq(&self, other: &Metric) -> bool {
        self.0.id == other.0.id
    }
}

impl Eq for Metric {}

impl PartialOrd for Metric {
    fn partial_cmp(&self, other: &Metric) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Metric {
    fn cmp(&self, other: &Metric) -> std::cmp::Ordering {
        self.position().cmp(&other.position())
    }
}

impl std::hash::Hash for Metric {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.0.id.hash(state);
    }
}

impl std::fmt::Debug for Metric {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id())
    }
}

impl std::fmt::Display for Metric {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id())
    }
}
