//! What the counts keep of the events: a group's `Tally` and every actor's `Total` per
//! country and month, the keys they are kept under, and the measures a query asks of
//! them.

use super::event::EventRef;

/// A month: (year, 1 to 12).
pub(crate) type Month = (i32, u32);

/// What an events query counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum EventMeasure {
    Events,
    Initiated,
    Joint,
    Fatalities,
    LargeAttacks,
    CivilianTargeting,
    /// Events involving the group with at least the threshold's deaths, whoever
    /// attacked: what UCDP can say where it cannot say "large-scale attacks".
    DeadlyEvents,
}

impl EventMeasure {
    pub(crate) const ALL: [EventMeasure; 7] = [
        EventMeasure::Events,
        EventMeasure::Initiated,
        EventMeasure::Joint,
        EventMeasure::Fatalities,
        EventMeasure::LargeAttacks,
        EventMeasure::CivilianTargeting,
        EventMeasure::DeadlyEvents,
    ];

    pub(crate) fn parse(text: &str) -> Option<EventMeasure> {
        Self::ALL.into_iter().find(|m| m.id() == text)
    }

    pub(crate) fn id(self) -> &'static str {
        match self {
            EventMeasure::Events => "events",
            EventMeasure::Initiated => "initiated",
            EventMeasure::Joint => "joint",
            EventMeasure::Fatalities => "fatalities",
            EventMeasure::LargeAttacks => "large_attacks",
            EventMeasure::CivilianTargeting => "civilian_targeting",
            EventMeasure::DeadlyEvents => "deadly_events",
        }
    }
}

/// Events and deaths, with nothing else known of them.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Total {
    pub(crate) events: u64,
    pub(crate) fatalities: f64,
}

impl Total {
    pub(crate) fn add(&mut self, event: &EventRef) {
        self.events += 1;
        self.fatalities += event.fatalities;
    }

    /// Its deaths for `Fatalities`, its events for every other measure.
    pub(super) fn measure(&self, measure: EventMeasure) -> f64 {
        if measure == EventMeasure::Fatalities {
            self.fatalities
        } else {
            self.events as f64
        }
    }
}

/// A group's counts in a country over some months.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Tally {
    /// Events involving the group alone.
    pub(crate) events: u64,
    pub(crate) initiated: u64,
    /// Events attributed to it together with another group, counted apart.
    pub(crate) joint: u64,
    pub(crate) fatalities: f64,
    /// UCDP's low and high death estimates, summed; `None` when the export has none.
    pub(crate) fatalities_low: Option<f64>,
    pub(crate) fatalities_high: Option<f64>,
    /// Large-scale attacks, one count per threshold of the reading, in its order.
    pub(crate) large: Vec<u64>,
    /// Events with at least each threshold's deaths, whoever initiated them.
    pub(crate) deadly: Vec<u64>,
    pub(crate) civilian_targeting: u64,
}

impl Tally {
    pub(crate) fn new(thresholds: usize, range: Option<(f64, f64)>) -> Tally {
        Tally {
            events: 0,
            initiated: 0,
            joint: 0,
            fatalities: 0.0,
            fatalities_low: range.map(|_| 0.0),
            fatalities_high: range.map(|_| 0.0),
            large: vec![0; thresholds],
            deadly: vec![0; thresholds],
            civilian_targeting: 0,
        }
    }

    /// Adds an event involving the group alone.
    pub(crate) fn add(&mut self, event: &EventRef, initiated: bool, thresholds: &[u32]) {
        self.events += 1;
        self.fatalities += event.fatalities;
        if let (Some((low, high)), Some(l), Some(h)) = (
            event.fatalities_range,
            self.fatalities_low.as_mut(),
            self.fatalities_high.as_mut(),
        ) {
            *l += low;
            *h += high;
        }
        for (count, &large) in self.deadly.iter_mut().zip(thresholds) {
            if event.fatalities >= f64::from(large) {
                *count += 1;
            }
        }
        if initiated {
            self.initiated += 1;
            for (count, &large) in self.large.iter_mut().zip(thresholds) {
                if event.fatalities >= f64::from(large) {
                    *count += 1;
                }
            }
        }
        if event.civilian_targeting {
            self.civilian_targeting += 1;
        }
    }

    /// Adds another tally of the same reading.
    pub(super) fn merge(&mut self, other: &Tally) {
        self.events += other.events;
        self.initiated += other.initiated;
        self.joint += other.joint;
        self.fatalities += other.fatalities;
        self.fatalities_low = self
            .fatalities_low
            .zip(other.fatalities_low)
            .map(|(a, b)| a + b);
        self.fatalities_high = self
            .fatalities_high
            .zip(other.fatalities_high)
            .map(|(a, b)| a + b);
        for (a, b) in self.large.iter_mut().zip(&other.large) {
            *a += b;
        }
        for (a, b) in self.deadly.iter_mut().zip(&other.deadly) {
            *a += b;
        }
        self.civilian_targeting += other.civilian_targeting;
    }
}

/// A group in a country in a month.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct GroupKey {
    pub(crate) group: String,
    /// As the export names it.
    pub(crate) country: String,
    pub(crate) month: Month,
}

/// Every actor in a country in a month.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct CountryKey {
    /// As the export names it.
    pub(crate) country: String,
    pub(crate) month: Month,
}

/// A group's events of one sub-event type in a country in a month.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct KindKey {
    pub(crate) group: String,
    pub(crate) country: String,
    pub(crate) month: Month,
    pub(crate) kind: String,
}
