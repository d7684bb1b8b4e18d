//! The sampling distribution of one estimate.
//!
//! An estimate with `low < high` is sampled from a bounded distribution over [low, high]
//! with the central value as its mode. The default is PERT (a Beta distribution scaled
//! to [low, high] with shape α = 1 + 4(mode − low)/(high − low), β = 1 + 4(high −
//! mode)/(high − low); Malcolm et al. 1959, Vose 2008): like the triangular it honours
//! the published range and central value, but it puts less weight on the extremes,
//! which for rounded "up to" figures are the least likely values. A row's `dist` column
//! can choose `uniform`, `triangular`, `pert` or `lognormal` (low and high read as the
//! 5th and 95th percentiles; the central value is then not used). An estimate without a
//! range (no low and high, or low = high) is a point value.

use rand::distr::Distribution;
use rand::Rng;
use statrs::distribution::{Beta, ContinuousCDF, LogNormal, Normal, Triangular, Uniform};

use crate::data::model::DistKind;
use crate::data::Estimate;

#[derive(Debug, Clone)]
pub(crate) enum Dist {
    Point(f64),
    Uniform(Uniform),
    Triangular(Triangular),
    Pert { low: f64, width: f64, beta: Beta },
    LogNormal(LogNormal),
}

impl Dist {
    /// The distribution of an estimate; an error says why its bounds do not fit.
    pub(crate) fn of(estimate: &Estimate, kind: Option<DistKind>) -> Result<Dist, String> {
        let central = estimate.central;
        let low = estimate.low.unwrap_or(central);
        let high = estimate.high.unwrap_or(central);
        if low >= high {
            return Ok(Dist::Point(central));
        }
        fn bad<E: std::fmt::Display>(e: E) -> String {
            e.to_string()
        }
        Ok(match kind.unwrap_or(DistKind::Pert) {
            DistKind::Uniform => Dist::Uniform(Uniform::new(low, high).map_err(bad)?),
            DistKind::Triangular => {
                Dist::Triangular(Triangular::new(low, high, central).map_err(bad)?)
            }
            DistKind::Pert => {
                let width = high - low;
                let alpha = 1.0 + 4.0 * (central - low) / width;
                let beta = 1.0 + 4.0 * (high - central) / width;
                Dist::Pert {
                    low,
                    width,
                    beta: Beta::new(alpha, beta).map_err(bad)?,
                }
            }
            DistKind::LogNormal => {
                if low <= 0.0 {
                    return Err(format!("a lognormal needs a low above zero, not {low}"));
                }
                let z95 = Normal::standard().inverse_cdf(0.95);
                let mu = (low.ln() + high.ln()) / 2.0;
                let sigma = (high.ln() - low.ln()) / (2.0 * z95);
                Dist::LogNormal(LogNormal::new(mu, sigma).map_err(bad)?)
            }
        })
    }

    pub(crate) fn is_point(&self) -> bool {
        matches!(self, Dist::Point(_))
    }

    /// Fills `out` with independent draws.
    pub(crate) fn fill<R: Rng + ?Sized>(&self, rng: &mut R, out: &mut [f64]) {
        match self {
            Dist::Point(v) => out.fill(*v),
            Dist::Uniform(d) => out.iter_mut().for_each(|x| *x = d.sample(rng)),
            Dist::Triangular(d) => out.iter_mut().for_each(|x| *x = d.sample(rng)),
            Dist::Pert { low, width, beta } => out
                .iter_mut()
                .for_each(|x| *x = low + width * beta.sample(rng)),
            Dist::LogNormal(d) => out.iter_mut().for_each(|x| *x = d.sample(rng)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::rngs::ChaCha8Rng;
    use rand::SeedableRng;

    fn draws(estimate: Estimate, kind: Option<DistKind>) -> Vec<f64> {
        let mut rng = ChaCha8Rng::seed_from_u64(7);
        let mut out = vec![0.0; 100_000];
        Dist::of(&estimate, kind)
            .expect("valid")
            .fill(&mut rng, &mut out);
        out
    }

    fn mean(v: &[f64]) -> f64 {
        v.iter().sum::<f64>() / v.len() as f64
    }

    #[test]
    fn point_values_have_no_width() {
        for e in [
            Estimate::point(6000.0),
            Estimate {
                central: 6000.0,
                low: Some(6000.0),
                high: Some(6000.0),
            },
        ] {
            assert!(draws(e, None).iter().all(|&x| x == 6000.0));
        }
    }

    #[test]
    fn pert_mean_is_the_weighted_average() {
        // PERT mean = (low + 4 mode + high) / 6.
        let v = draws(
            Estimate {
                central: 60_000.0,
                low: Some(58_000.0),
                high: Some(100_000.0),
            },
            None,
        );
        let expected = (58_000.0 + 4.0 * 60_000.0 + 100_000.0) / 6.0;
        assert!(
            (mean(&v) - expected).abs() / expected < 0.005,
            "{} vs {expected}",
            mean(&v)
        );
        assert!(v.iter().all(|&x| (58_000.0..=100_000.0).contains(&x)));
    }

    #[test]
    fn a_mode_at_a_bound_is_allowed() {
        let v = draws(
            Estimate {
                central: 6000.0,
                low: Some(5000.0),
                high: Some(6000.0),
            },
            None,
        );
        assert!(v.iter().all(|&x| (5000.0..=6000.0).contains(&x)));
        assert!(mean(&v) > 5800.0, "mass sits near the mode");
    }

    #[test]
    fn lognormal_reads_low_and_high_as_a_90_percent_interval() {
        let mut v = draws(
            Estimate {
                central: 9500.0,
                low: Some(7000.0),
                high: Some(12_000.0),
            },
            Some(DistKind::LogNormal),
        );
        v.sort_by(f64::total_cmp);
        let p05 = v[v.len() / 20];
        let p95 = v[v.len() * 19 / 20];
        assert!((p05 - 7000.0).abs() / 7000.0 < 0.01, "{p05}");
        assert!((p95 - 12_000.0).abs() / 12_000.0 < 0.01, "{p95}");
    }

    #[test]
    fn uniform_and_triangular_means() {
        let e = Estimate {
            central: 2.0,
            low: Some(1.0),
            high: Some(4.0),
        };
        assert!((mean(&draws(e, Some(DistKind::Uniform))) - 2.5).abs() < 0.01);
        assert!((mean(&draws(e, Some(DistKind::Triangular))) - 7.0 / 3.0).abs() < 0.01);
    }
}
