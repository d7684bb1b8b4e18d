//! The candidate readings of a numeric statement (a metric of a comparison, a ratio
//! between two comparisons, a single estimate), each scored by the words around the
//! number and by how close the value it computes comes to the stated one; the best is
//! drafted, the next ones are listed as alternatives. Words weigh more than values: the
//! value breaks ties between readings the words allow, it does not pick the data that
//! agrees with the document.

use std::cell::RefCell;
use std::collections::HashMap;

use crate::claims::verdict::compute;
use crate::claims::{Claim, Qualifier, Stated, Target};
use crate::data::{Comparison, Dataset, Quantity, RowRef};
use crate::metrics::Metric;
use crate::units::Units;

use super::lexicon::Entity;

/// What the words around a number say, for scoring candidates.
#[derive(Debug, Default, Clone)]
pub(crate) struct Words {
    /// Groups and countries of the number's clause (or carried from before).
    pub(crate) entities: Vec<Entity>,
    /// For a ratio between comparisons: what comes before the number, and after it.
    pub(crate) subject: Vec<Entity>,
    pub(crate) object: Vec<Entity>,
    /// Years the clause names.
    pub(crate) years: Vec<i32>,
    /// Whether militia or foreign forces are counted in ("counting the militia").
    pub(crate) all_forces: Option<bool>,
    pub(crate) units: Units,
}

/// One reading: what a claim would be about, and how well it fits.
#[derive(Debug, Clone)]
pub(crate) struct Candidate {
    pub(crate) target: Target,
    pub(crate) computed: Option<f64>,
    pub(crate) words: f64,
    pub(crate) closeness: f64,
}

impl Candidate {
    fn score(&self) -> f64 {
        self.words + 1.5 * self.closeness
    }

    /// How sure the reading is, 0 to 1: half from the words, half from the value.
    pub(crate) fn confidence(&self) -> f64 {
        let c = 0.5 * (self.words / 4.0).clamp(0.0, 1.0) + 0.5 * self.closeness;
        (c * 100.0).round() / 100.0
    }
}

/// How well a comparison matches named entities: its group and its countries.
fn fit(c: &Comparison, named: &[Entity]) -> f64 {
    let groups: Vec<&str> = named
        .iter()
        .filter_map(|e| match e {
            Entity::Group(g) => Some(g.as_str()),
            _ => None,
        })
        .collect();
    let countries: Vec<&str> = named
        .iter()
        .filter_map(|e| match e {
            Entity::Country(c) => Some(c.as_str()),
            _ => None,
        })
        .collect();
    let mut s = 0.0;
    if groups.contains(&c.group.as_str()) {
        s += 2.0;
    } else if !groups.is_empty() {
        s -= 2.0;
    }
    if !countries.is_empty() {
        let same = countries.len() == c.countries.len()
            && countries.iter().all(|k| c.countries.iter().any(|x| x == k));
        let overlap = countries.iter().any(|k| c.countries.iter().any(|x| x == k));
        s += if same {
            2.0
        } else if overlap {
            0.5
        } else {
            -2.0
        };
    }
    s
}

/// Whether a comparison counts militia or foreign forces among its soldiers.
fn counts_all_forces(c: &Comparison) -> bool {
    c.soldiers.iter().any(|s| s == "militia" || s == "foreign")
}

fn forces_fit(c: &Comparison, words: &Words, metric: Metric) -> f64 {
    let uses_soldiers = matches!(
        metric,
        Metric::SoldiersPerFighter | Metric::SoldiersPer1000People | Metric::SoldiersRatio
    );
    match (uses_soldiers, words.all_forces, counts_all_forces(c)) {
        (true, Some(true), true) | (true, Some(false) | None, false) => 0.5,
        (true, _, _) => -0.5,
        _ => 0.0,
    }
}

/// How close a computed value comes to the stated one: 1 when equal (or inside a
/// stated range), e^-1 at 15% off.
fn closeness(stated: Stated, computed: f64) -> f64 {
    let (lo, hi) = match stated {
        Stated::One(v) => (v, v),
        Stated::Range(a, b) => (a, b),
    };
    if computed >= lo && computed <= hi {
        return 1.0;
    }
    let near = if computed < lo { lo } else { hi };
    if near <= 0.0 || computed <= 0.0 {
        return 0.0;
    }
    (-(computed / near).ln().abs() / 0.15).exp()
}

/// The values candidates compute, each computed once per document: a reading's value
/// does not depend on the statement.
pub(crate) struct Values<'a> {
    pub(crate) data: &'a Dataset,
    cache: RefCell<HashMap<String, Option<f64>>>,
}

impl<'a> Values<'a> {
    pub(crate) fn new(data: &'a Dataset) -> Values<'a> {
        Values {
            data,
            cache: RefCell::new(HashMap::new()),
        }
    }

    fn of(&self, target: &Target) -> Option<f64> {
        let key = match target {
            Target::Metric {
                comparison,
                versus,
                metric,
                units,
            } => format!("{comparison}/{versus:?}/{}/{units:?}", metric.id()),
            other => format!("{other:?}"),
        };
        if let Some(v) = self.cache.borrow().get(&key) {
            return *v;
        }
        let v = value_of(self.data, target);
        self.cache.borrow_mut().insert(key, v);
        v
    }
}

fn value_of(data: &Dataset, target: &Target) -> Option<f64> {
    let claim = Claim {
        id: "candidate".into(),
        says: String::new(),
        stated: Stated::One(1.0),
        qualifier: Qualifier::None,
        tolerance: None,
        target: target.clone(),
        at: RowRef::new("candidate", 0),
    };
    compute(data, &claim, &[], None).ok().map(|(v, _)| v)
}

fn scored(values: &Values, target: Target, words: f64, stated: Stated) -> Option<Candidate> {
    let computed = values.of(&target)?;
    Some(Candidate {
        closeness: closeness(stated, computed),
        target,
        computed: Some(computed),
        words,
    })
}

/// Candidates for a metric of one comparison.
pub(crate) fn single(
    values: &Values,
    metrics: &[(Metric, f64)],
    words: &Words,
    stated: Stated,
) -> Vec<Candidate> {
    let data = values.data;
    let mut out = Vec::new();
    for (metric, bonus) in metrics {
        for (i, c) in data.comparisons.iter().enumerate() {
            let w =
                fit(c, &words.entities) + forces_fit(c, words, *metric) + bonus - 0.01 * i as f64;
            let target = Target::Metric {
                comparison: c.id.clone(),
                versus: None,
                metric: *metric,
                units: words.units,
            };
            out.extend(scored(values, target, w, stated));
        }
    }
    rank(out)
}

/// Candidates for a ratio between two comparisons.
pub(crate) fn pairwise(
    values: &Values,
    metrics: &[(Metric, f64)],
    words: &Words,
    stated: Stated,
) -> Vec<Candidate> {
    let data = values.data;
    let mut out = Vec::new();
    for (metric, bonus) in metrics {
        for (i, a) in data.comparisons.iter().enumerate() {
            for (j, b) in data.comparisons.iter().enumerate() {
                if i == j || (a.group == b.group && a.countries == b.countries) {
                    continue;
                }
                let w = fit(a, &words.subject)
                    + fit(b, &words.object)
                    + bonus
                    + forces_fit(a, words, *metric)
                    - 0.01 * (i + j) as f64;
                let target = Target::Metric {
                    comparison: a.id.clone(),
                    versus: Some(b.id.clone()),
                    metric: *metric,
                    units: Units::Imperial,
                };
                out.extend(scored(values, target, w, stated));
            }
        }
    }
    rank(out)
}

/// Candidates for a single estimate: the named entity's quantity in a year the data has.
pub(crate) fn estimate(
    values: &Values,
    quantity: Quantity,
    words: &Words,
    stated: Stated,
) -> Vec<Candidate> {
    let data = values.data;
    let entities: Vec<&str> = match quantity {
        Quantity::Fighters => data.groups.iter().map(|g| g.id.as_str()).collect(),
        _ => data.countries.iter().map(|c| c.id.as_str()).collect(),
    };
    let mut out = Vec::new();
    for entity in entities {
        let named = words
            .entities
            .iter()
            .any(|e| matches!(e, Entity::Group(x) | Entity::Country(x) if x == entity));
        // Each year the data has, and for soldiers each force component.
        let mut keys: Vec<(i32, Option<String>)> = data
            .rows_of(quantity)
            .filter(|r| r.entity == entity)
            .filter_map(|r| r.year.map(|y| (y, r.component.clone())))
            .collect();
        keys.sort();
        keys.dedup();
        for (year, component) in keys.into_iter().rev() {
            let mut w = if named { 2.0 } else { -1.0 };
            if !words.years.is_empty() {
                w += if words.years.contains(&year) {
                    2.0
                } else {
                    -1.5
                };
            }
            // The regular forces are what "soldiers" means unless the words say more.
            if component
                .as_deref()
                .is_some_and(|c| c != "armed-forces" && c != "army")
            {
                w -= 0.5;
            }
            let target = Target::Estimate {
                entity: entity.to_string(),
                quantity,
                component,
                year,
                // The estimate's central value; "lower-end" readings are left to the
                // reviewer, who sets `bound` by hand.
                bound: crate::claims::Bound::Central,
            };
            out.extend(scored(values, target, w, stated));
        }
    }
    rank(out)
}

/// Best first; equal scores keep the data's order.
fn rank(mut candidates: Vec<Candidate>) -> Vec<Candidate> {
    candidates.sort_by(|a, b| b.score().total_cmp(&a.score()));
    candidates
}
