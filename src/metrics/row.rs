//! A computed figure as every output shows it: a metric of a comparison (or of one
//! comparison against another), its value, unit, year, notes and interval. The bottom
//! of `metrics/`: the formulas, the event metrics and the renderers build on it.

use crate::uncertainty::Interval;
use crate::units::{area_unit, Units};

use super::Metric;

/// One tidy output row: a metric of a comparison, or of a comparison against another.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct MetricRow {
    pub(crate) comparison: String,
    pub(crate) versus: Option<String>,
    pub(crate) metric: Metric,
    pub(crate) value: f64,
    pub(crate) unit: String,
    pub(crate) year: i32,
    pub(crate) overridden: bool,
    pub(crate) notes: Vec<String>,
    /// The spread from the inputs' low and high, once propagated.
    pub(crate) interval: Option<Interval>,
}

pub(crate) fn unit(metric: Metric, units: Units) -> String {
    metric.def().unit.replace("{area}", area_unit(units))
}
