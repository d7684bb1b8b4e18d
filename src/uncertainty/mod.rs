//! Uncertainty: every estimate's low and high carried through every ratio, by seeded
//! Monte Carlo sampling (one draw per input per trial, shared by every metric and
//! comparison of the run) and by interval bounds (the worst case over the inputs' lows
//! and highs). Where several sources give the same input, it is drawn from their
//! mixture (`pool`). The headline stays the value computed from the central estimates.

pub(crate) mod bounds;
pub(crate) mod dist;
pub(crate) mod draws;
pub(crate) mod formula;
pub(crate) mod pool;
pub(crate) mod sensitivity;

use crate::error::Problem;
use crate::uncertainty::formula::Formula;

pub(crate) use draws::Draws;

/// The seed used unless `--seed` says otherwise; printed in every output.
pub(crate) const DEFAULT_SEED: u64 = 20_260_101;
/// Draws per input unless `--draws` says otherwise.
pub(crate) const DEFAULT_DRAWS: usize = 100_000;
/// More draws than this are refused: the memory grows with draws × inputs.
pub(crate) const MAX_DRAWS: usize = 10_000_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Settings {
    pub(crate) draws: usize,
    pub(crate) seed: u64,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            draws: DEFAULT_DRAWS,
            seed: DEFAULT_SEED,
        }
    }
}

/// A metric's spread: Monte Carlo percentiles and the interval bounds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Interval {
    pub(crate) p05: f64,
    pub(crate) p50: f64,
    pub(crate) p95: f64,
    /// The worst case over every input's low and high.
    pub(crate) low: f64,
    pub(crate) high: f64,
}

/// The input draws of a run, kept for `--samples`: each formula's draws are computed
/// from them again, a block of trials at a time, as they are written.
pub(crate) struct Sampled {
    pub(crate) draws: Draws,
}

/// The input draws held at once, in bytes: without `keep`, formulas are taken in
/// batches whose inputs fit in this (or one formula's inputs, when those alone need
/// more), so 10,000 comparisons need no more memory than a few hundred. An input used
/// by two batches is drawn again from its own seed, so its draws are the same.
const BATCH_BYTES: usize = 256 << 20;

/// Intervals for every formula. With `keep`, the input draws are returned too (for
/// `--samples`); the formulas' own draws are never kept past their percentiles.
pub(crate) fn propagate_keeping(
    formulas: &[Formula],
    settings: &Settings,
    keep: bool,
) -> Result<(Vec<Interval>, Option<Sampled>), Problem> {
    if keep {
        let all: Vec<&Formula> = formulas.iter().collect();
        let draws = generate(&all, settings)?;
        let intervals = intervals(&all, &draws)?;
        return Ok((intervals, Some(Sampled { draws })));
    }
    let per_input = settings.draws.saturating_mul(size_of::<f64>()).max(1);
    let intervals = batched(formulas, settings, (BATCH_BYTES / per_input).max(1))?;
    Ok((intervals, None))
}

/// Every formula's interval, drawing at most `inputs` inputs at a time.
fn batched(
    formulas: &[Formula],
    settings: &Settings,
    inputs: usize,
) -> Result<Vec<Interval>, Problem> {
    let mut intervals: Vec<Option<Interval>> = vec![None; formulas.len()];
    for batch in batches(formulas, inputs) {
        let chosen: Vec<&Formula> = batch.iter().map(|&i| &formulas[i]).collect();
        let draws = generate(&chosen, settings)?;
        for (i, interval) in batch.iter().zip(self::intervals(&chosen, &draws)?) {
            intervals[*i] = Some(interval);
        }
    }
    Ok(intervals.into_iter().flatten().collect())
}

/// The formulas' indices in batches whose distinct inputs number at most `inputs` (a
/// formula with more inputs than that is a batch of its own). Formulas are taken in
/// the order of their most particular input (the one fewest formulas use, say a
/// comparison's own fighters) so that the formulas sharing it fall in one batch and it
/// is rarely drawn twice; a base input every pairwise ratio uses is drawn once a batch.
fn batches(formulas: &[Formula], inputs: usize) -> Vec<Vec<usize>> {
    use std::collections::{HashMap, HashSet};
    let keys: Vec<Vec<&str>> = formulas
        .iter()
        .map(|f| {
            let mut keys: Vec<&str> = f.inputs().into_iter().map(|t| t.key.as_str()).collect();
            keys.sort_unstable();
            keys.dedup();
            keys
        })
        .collect();
    let mut uses: HashMap<&str, (usize, usize)> = HashMap::new();
    for (i, own) in keys.iter().enumerate() {
        for key in own {
            uses.entry(key).or_insert((0, i)).0 += 1;
        }
    }
    let anchor = |own: &[&str]| {
        own.iter()
            .map(|k| uses[k])
            .min()
            .map_or(usize::MAX, |(_, first)| first)
    };
    let mut order: Vec<usize> = (0..formulas.len()).collect();
    order.sort_by_key(|&i| (anchor(&keys[i]), i));
    let mut out: Vec<Vec<usize>> = Vec::new();
    let mut batch: Vec<usize> = Vec::new();
    let mut held: HashSet<&str> = HashSet::new();
    for i in order {
        let new = keys[i].iter().filter(|k| !held.contains(*k)).count();
        if !batch.is_empty() && held.len() + new > inputs {
            out.push(std::mem::take(&mut batch));
            held.clear();
        }
        held.extend(keys[i].iter().copied());
        batch.push(i);
    }
    if !batch.is_empty() {
        out.push(batch);
    }
    out
}

fn generate(formulas: &[&Formula], settings: &Settings) -> Result<Draws, Problem> {
    let terms: Vec<_> = formulas.iter().flat_map(|f| f.inputs()).collect();
    Draws::generate(&terms, settings)
}

/// Every formula's interval from the same draws, the formulas shared out over all
/// cores.
fn intervals(formulas: &[&Formula], draws: &Draws) -> Result<Vec<Interval>, Problem> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .max(1);
    let chunk = formulas.len().div_ceil(threads).max(1);
    let results: Vec<Vec<Result<Interval, Problem>>> = std::thread::scope(|scope| {
        let handles: Vec<_> = formulas
            .chunks(chunk)
            .map(|group| scope.spawn(move || group.iter().map(|f| one(f, draws)).collect()))
            .collect();
        handles
            .into_iter()
            // A worker that panicked is a fault of the tool, not of an input: it goes on
            // as the panic it is.
            .map(|h| {
                h.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    });
    results.into_iter().flatten().collect()
}

pub(crate) fn propagate(
    formulas: &[Formula],
    settings: &Settings,
) -> Result<Vec<Interval>, Problem> {
    propagate_keeping(formulas, settings, false).map(|(intervals, _)| intervals)
}

/// The 5th, 50th and 95th percentiles of `to / from` computed trial by trial on one
/// set of draws: an input both use is the same draw in both, so a figure's change
/// from itself is exactly 1 in every trial.
pub(crate) fn change_interval(
    from: &Formula,
    to: &Formula,
    settings: &Settings,
) -> Result<(f64, f64, f64), Problem> {
    let draws = generate(&[from, to], settings)?;
    let before = draws.evaluate(from);
    let after = draws.evaluate(to);
    let ratios: Vec<f64> = after.iter().zip(&before).map(|(a, b)| a / b).collect();
    Ok(percentiles_of(ratios))
}

/// One formula's interval.
fn one(formula: &Formula, draws: &Draws) -> Result<Interval, Problem> {
    let samples = draws.evaluate(formula);
    if let Some(trial) = samples.iter().position(|x| !x.is_finite()) {
        // The gate (`metrics::gate`) rules these out before sampling; this is the last
        // line, and it says which inputs and which trial.
        let keys = |terms: &[formula::Term]| {
            terms
                .iter()
                .map(|t| t.key.as_str())
                .collect::<Vec<_>>()
                .join(" + ")
        };
        let drawn = |t: &formula::Term| draws.sum_at(std::slice::from_ref(t), trial);
        let (why, place) = if draws.sum_at(&formula.denominator, trial) == 0.0 {
            (
                format!("the denominator ({}) is zero", keys(&formula.denominator)),
                formula.denominator.iter().find(|t| drawn(t) == 0.0),
            )
        } else {
            (
                format!(
                    "{} overflows to infinity over {}",
                    keys(&formula.numerator),
                    keys(&formula.denominator)
                ),
                formula
                    .numerator
                    .iter()
                    .max_by(|a, b| drawn(a).total_cmp(&drawn(b))),
            )
        };
        let place = place.map_or_else(|| formula.place.clone(), |t| t.place.clone());
        return Err(
            Problem::new(format!("trial {} of the sampling: {why}", trial + 1), place)
                .help("run `insurgency-metrics validate`, which names the row to fix"),
        );
    }
    let (p05, p50, p95) = percentiles_of(samples);
    let (low, high) = bounds::bounds(formula);
    Ok(Interval {
        p05,
        p50,
        p95,
        low,
        high,
    })
}

/// The 5th, 50th and 95th percentiles by nearest rank (the ⌈q·n⌉-th smallest draw).
#[cfg(test)]
pub(crate) fn percentiles(samples: &[f64]) -> (f64, f64, f64) {
    percentiles_of(samples.to_vec())
}

/// `percentiles`, reordering `work`: the median is selected first, then the 5th
/// percentile among the values below it and the 95th among those above, so the three
/// selections cost about two passes instead of three.
fn percentiles_of(mut work: Vec<f64>) -> (f64, f64, f64) {
    let n = work.len();
    let rank = |q: f64| ((q * n as f64).ceil() as usize).clamp(1, n) - 1;
    if n == 0 {
        return (f64::NAN, f64::NAN, f64::NAN);
    }
    let (k05, k50, k95) = (rank(0.05), rank(0.50), rank(0.95));
    let (below, median, above) = work.select_nth_unstable_by(k50, f64::total_cmp);
    let p50 = *median;
    let p05 = if k05 < k50 {
        *below.select_nth_unstable_by(k05, f64::total_cmp).1
    } else {
        p50
    };
    let p95 = if k95 > k50 {
        *above
            .select_nth_unstable_by(k95 - k50 - 1, f64::total_cmp)
            .1
    } else {
        p50
    };
    (p05, p50, p95)
}

#[cfg(test)]
fn percentiles_by_three_selections(samples: &[f64]) -> (f64, f64, f64) {
    let mut work = samples.to_vec();
    let n = work.len();
    let mut at = |q: f64| {
        let k = ((q * n as f64).ceil() as usize).clamp(1, n) - 1;
        *work.select_nth_unstable_by(k, f64::total_cmp).1
    };
    (at(0.05), at(0.50), at(0.95))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::model::DistKind;
    use crate::data::Estimate;
    use crate::uncertainty::formula::Term;

    fn uniform(key: &str) -> Term {
        Term {
            key: key.into(),
            source: None,
            factor: 1.0,
            estimate: Estimate {
                central: 0.5,
                low: Some(0.0),
                high: Some(1.0),
            },
            dist: Some(DistKind::Uniform),
            pool: Vec::new(),
            place: crate::error::Location::file("test.csv"),
        }
    }

    #[test]
    fn a_denominator_drawn_at_zero_is_placed_at_its_input() {
        // The gate (`metrics::gate`) stops this before sampling; sampling's own last
        // line still names the input, not a place of its own.
        let zero = Term {
            key: "east.soldiers".into(),
            estimate: Estimate::point(0.0),
            dist: None,
            place: crate::error::Location::cell("soldiers.csv", 5, 4, "central"),
            ..uniform("east.soldiers")
        };
        let formula = Formula {
            scale: 1.0,
            numerator: vec![uniform("x")],
            denominator: vec![zero],
            place: crate::error::Location::file("test.toml"),
        };
        let problem = propagate(&[formula], &Settings { draws: 10, seed: 1 })
            .expect_err("a zero denominator");
        assert_eq!(
            problem.to_string(),
            "error: trial 1 of the sampling: the denominator (east.soldiers) is zero\n  \
             --> soldiers.csv:5:4 (column `central`)\n   \
             = help: run `insurgency-metrics validate`, which names the row to fix"
        );
    }

    #[test]
    fn the_ratio_of_two_independent_uniforms() {
        // For X, Y ~ U(0,1): P(X/Y <= z) = z/2 for z <= 1 and 1 - 1/(2z) above, so the
        // 5th, 50th and 95th percentiles are 0.1, 1 and 10.
        let formula = Formula {
            scale: 1.0,
            numerator: vec![uniform("x")],
            denominator: vec![uniform("y")],
            place: crate::error::Location::file("test.toml"),
        };
        let interval = propagate(
            &[formula],
            &Settings {
                draws: 400_000,
                seed: 11,
            },
        )
        .expect("samples");
        assert!((interval[0].p05 - 0.1).abs() < 0.003, "{}", interval[0].p05);
        assert!((interval[0].p50 - 1.0).abs() < 0.01, "{}", interval[0].p50);
        assert!((interval[0].p95 - 10.0).abs() < 0.3, "{}", interval[0].p95);
    }

    #[test]
    fn batches_give_the_intervals_of_one_batch() {
        // Ten ratios over six inputs, some shared: drawn two inputs at a time (each
        // shared input drawn again in several batches) or all at once, the intervals
        // are identical, in the formulas' order.
        let ratio = |a: &str, b: &str| Formula {
            scale: 1.0,
            numerator: vec![uniform(a)],
            denominator: vec![uniform(b)],
            place: crate::error::Location::file("test.toml"),
        };
        let names = ["a", "b", "c", "d", "e", "f"];
        let formulas: Vec<Formula> = (0..10)
            .map(|i| ratio(names[i % 6], names[(i * 5 + 1) % 6]))
            .collect();
        let settings = Settings {
            draws: 2000,
            seed: 3,
        };
        let (whole, _) = propagate_keeping(&formulas, &settings, true).expect("samples");
        for inputs in [1, 2, 3, 6] {
            let parts = batched(&formulas, &settings, inputs).expect("samples");
            assert_eq!(parts, whole, "{inputs} inputs a batch");
        }
        assert!(batches(&formulas, 2).iter().all(|b| !b.is_empty()));
    }

    proptest::proptest! {
        /// The median first, then each tail within its side: the same three values as
        /// three selections over the whole, ties and repeated values included.
        #[test]
        fn percentiles_in_two_passes_are_those_of_three(
            values in proptest::collection::vec(proptest::prop_oneof![0.0f64..10.0, proptest::strategy::Just(5.0)], 1..300)
        ) {
            proptest::prop_assert_eq!(percentiles(&values), percentiles_by_three_selections(&values));
        }

        /// A figure's change from itself is exactly 1× in every trial, however uncertain
        /// its inputs: the change is computed on shared draws, not from two intervals.
        #[test]
        fn the_change_between_a_year_and_itself_is_exactly_one(
            top in (0.1f64..1e6, 0.0f64..0.9, 0.0f64..2.0),
            bottom in (0.1f64..1e6, 0.0f64..0.9, 0.0f64..2.0),
            seed in 0u64..1000,
        ) {
            let term = |key: &str, (central, below, above): (f64, f64, f64)| Term {
                estimate: Estimate {
                    central,
                    low: Some(central * (1.0 - below)),
                    high: Some(central * (1.0 + above)),
                },
                dist: None,
                ..uniform(key)
            };
            let formula = Formula {
                scale: 1000.0,
                numerator: vec![term("jnim.fighters.2022.src", top)],
                denominator: vec![term("mali.population.2021.src", bottom)],
                place: crate::error::Location::file("test.toml"),
            };
            let change = change_interval(&formula, &formula.clone(), &Settings { draws: 2_000, seed })
                .expect("samples");
            proptest::prop_assert_eq!(change, (1.0, 1.0, 1.0));
        }
    }

    #[test]
    fn an_input_shared_by_both_years_does_not_widen_the_change() {
        // Fighters double between two years over the same population: the change is
        // 2× in every trial where the population is the same draw in both years.
        let population = uniform("pop.2021");
        let year = |fighters: f64, key: &str| Formula {
            scale: 1.0,
            numerator: vec![Term {
                key: key.into(),
                estimate: Estimate::point(fighters),
                dist: None,
                ..uniform(key)
            }],
            denominator: vec![population.clone()],
            place: crate::error::Location::file("test.toml"),
        };
        let settings = Settings {
            draws: 10_000,
            seed: 3,
        };
        let (p05, p50, p95) =
            change_interval(&year(100.0, "f.2018"), &year(200.0, "f.2022"), &settings)
                .expect("samples");
        assert_eq!((p05, p50, p95), (2.0, 2.0, 2.0));
    }

    #[test]
    fn percentiles_by_nearest_rank() {
        let v: Vec<f64> = (1..=100).map(f64::from).collect();
        assert_eq!(percentiles(&v), (5.0, 50.0, 95.0));
        assert_eq!(percentiles(&[3.0]), (3.0, 3.0, 3.0));
    }

    #[test]
    fn draws_do_not_depend_on_the_other_inputs() {
        let settings = Settings {
            draws: 1000,
            seed: 5,
        };
        let alone = Draws::generate(&[&uniform("x")], &settings).expect("draws");
        let together = Draws::generate(&[&uniform("y"), &uniform("x")], &settings).expect("draws");
        assert_eq!(alone.column("x"), together.column("x"));
        assert_ne!(together.column("x"), together.column("y"));
    }
}
