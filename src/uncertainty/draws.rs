//! The draws of every input of a run. Each input has its own generator, seeded from the
//! run's seed and the input's key, so an input's draws do not depend on which other
//! inputs or metrics are in the run, or on the order they are sampled in.

use rand::rngs::ChaCha8Rng;
use rand::SeedableRng;

use crate::error::Problem;
use crate::uncertainty::formula::{Formula, Term};

use super::pool::Pool;
use super::Settings;

pub(crate) struct Draws {
    pub(crate) n: usize,
    /// (input key, its draws), in order of first use.
    pub(crate) columns: Vec<(String, Vec<f64>)>,
}

/// FNV-1a, a stable 64-bit hash of the key (std's hasher may change between releases).
fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

pub(crate) fn rng_for(seed: u64, key: &str) -> ChaCha8Rng {
    let mut bytes = [0u8; 32];
    bytes[..8].copy_from_slice(&seed.to_le_bytes());
    bytes[8..16].copy_from_slice(&fnv1a(key).to_le_bytes());
    ChaCha8Rng::from_seed(bytes)
}

impl Draws {
    /// Draws every distinct input once; inputs are sampled on all cores.
    pub(crate) fn generate(terms: &[&Term], settings: &Settings) -> Result<Draws, Problem> {
        let mut unique: Vec<&Term> = Vec::new();
        for term in terms {
            if !unique.iter().any(|u| u.key == term.key) {
                unique.push(term);
            }
        }
        let dists: Vec<Pool> = unique
            .iter()
            .map(|t| {
                Pool::of(&t.members()).map_err(|why| {
                    // `metrics::gate` names the row first; this is the last line.
                    Problem::new(format!("cannot sample {}: {why}", t.key), t.place.clone())
                        .help("run `insurgency-metrics validate`, which names the row to fix")
                })
            })
            .collect::<Result<_, _>>()?;
        let n = settings.draws;
        let threads = std::thread::available_parallelism()
            .map_or(1, |t| t.get())
            .max(1);
        let chunk = unique.len().div_ceil(threads).max(1);
        let mut columns: Vec<(String, Vec<f64>)> =
            unique.iter().map(|t| (t.key.clone(), Vec::new())).collect();
        std::thread::scope(|scope| {
            for (cols, dists) in columns.chunks_mut(chunk).zip(dists.chunks(chunk)) {
                scope.spawn(move || {
                    for ((key, values), dist) in cols.iter_mut().zip(dists) {
                        *values = vec![0.0; n];
                        if !dist.is_point() {
                            dist.fill(&mut rng_for(settings.seed, key), values);
                        } else {
                            dist.fill(&mut rng_for(0, ""), values);
                        }
                    }
                });
            }
        });
        Ok(Draws { n, columns })
    }

    pub(crate) fn column(&self, key: &str) -> Option<&[f64]> {
        self.columns
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_slice())
    }

    /// The formula's value in every trial.
    pub(crate) fn evaluate(&self, formula: &Formula) -> Vec<f64> {
        self.evaluate_range(formula, 0..self.n)
    }

    /// The sum of `terms` (each times its factor) in trial `i`.
    pub(crate) fn sum_at(&self, terms: &[Term], i: usize) -> f64 {
        terms
            .iter()
            .filter_map(|t| self.column(&t.key).map(|c| t.factor * c[i]))
            .sum()
    }

    /// The formula's value in the trials of `range` (the same arithmetic, trial by
    /// trial, as `evaluate`, so the values are identical).
    pub(crate) fn evaluate_range(
        &self,
        formula: &Formula,
        range: std::ops::Range<usize>,
    ) -> Vec<f64> {
        let side = |terms: &[Term]| -> Vec<(f64, &[f64])> {
            terms
                .iter()
                .filter_map(|t| self.column(&t.key).map(|c| (t.factor, c)))
                .collect()
        };
        // Column by column, so that each loop is one plain pass the compiler
        // vectorises; per trial the sums add the terms in the formula's order, starting
        // from the first (as `Iterator::sum` does), so the values are those of a trial
        // computed alone.
        let sum = |terms: &[(f64, &[f64])]| -> Vec<f64> {
            let Some(((f, c), rest)) = terms.split_first() else {
                return vec![0.0; range.len()];
            };
            let mut total: Vec<f64> = c[range.clone()].iter().map(|x| f * x).collect();
            for (f, c) in rest {
                for (t, x) in total.iter_mut().zip(&c[range.clone()]) {
                    *t += f * x;
                }
            }
            total
        };
        let mut values = sum(&side(&formula.numerator));
        let den = sum(&side(&formula.denominator));
        for (v, d) in values.iter_mut().zip(&den) {
            *v = formula.scale * *v / d;
        }
        values
    }
}
