//! Several sources for one input: a linear opinion pool. Where several rows give the
//! same quantity of the same entity for the same year, each trial first picks one row
//! with probability proportional to its weight (equal unless a row's `weight` says
//! otherwise), then draws within that row's own range by its own distribution. The
//! result is the weighted mixture of the sources' distributions, p(x) = Σ wᵢ pᵢ(x),
//! the linear opinion pool of the expert-judgment literature (Stone 1961; Genest and
//! Zidek 1986; Clemen and Winkler 1999). Unlike averaging the sources' figures, it keeps
//! every source's figure inside the spread, so a credible alternative is never outside
//! the 90% interval by construction.

use rand::{Rng, RngExt};

use super::dist::Dist;
use super::formula::Member;
use crate::data::model::DistKind;

/// The members' distributions with their cumulative weights (the last is 1).
#[derive(Debug, Clone)]
pub(crate) struct Pool {
    members: Vec<(f64, Dist)>,
}

impl Pool {
    /// The pool of `members`; an error names the member whose distribution cannot be
    /// built, or says that the weights do not add up to a positive total.
    pub(crate) fn of(members: &[Member]) -> Result<Pool, String> {
        let total: f64 = members.iter().map(|m| m.weight).sum();
        if !(total > 0.0 && total.is_finite()) {
            return Err("the weights of its rows add up to zero".into());
        }
        let mut cumulative = 0.0;
        let mut out = Vec::with_capacity(members.len());
        for member in members {
            let dist = Dist::of(&member.estimate, member.dist)
                .map_err(|why| format!("the row of {}: {why}", member.source))?;
            cumulative += member.weight / total;
            out.push((cumulative, dist));
        }
        if let Some(last) = out.last_mut() {
            last.0 = 1.0;
        }
        Ok(Pool { members: out })
    }

    /// One member that is a point value: every draw is that value.
    pub(crate) fn is_point(&self) -> bool {
        self.members.len() == 1 && self.members[0].1.is_point()
    }

    /// Fills `out` with independent draws: a member by weight, then a value from it.
    pub(crate) fn fill<R: Rng + ?Sized>(&self, rng: &mut R, out: &mut [f64]) {
        if let [(_, only)] = self.members.as_slice() {
            only.fill(rng, out);
            return;
        }
        for x in out.iter_mut() {
            let u: f64 = rng.random();
            let member = self
                .members
                .iter()
                .find(|(cumulative, _)| u < *cumulative)
                .or(self.members.last())
                .map(|(_, d)| d);
            if let Some(dist) = member {
                dist.fill(rng, std::slice::from_mut(x));
            }
        }
    }
}

/// How the sensitivity's audit trail names an input's distribution.
pub(crate) fn describe(members: &[Member]) -> &'static str {
    match members {
        [] => "point",
        [one] => {
            let e = one.estimate;
            if e.low.unwrap_or(e.central) >= e.high.unwrap_or(e.central) {
                "point"
            } else {
                one.dist.map_or(DistKind::Pert.id(), |d| d.id())
            }
        }
        _ => {
            let ends = |m: &Member| {
                let e = m.estimate;
                (e.low.unwrap_or(e.central), e.high.unwrap_or(e.central))
            };
            let (low, high) = members
                .iter()
                .map(ends)
                .fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), (a, b)| {
                    (l.min(a), h.max(b))
                });
            // Sources that all give one and the same figure leave nothing to draw.
            if low >= high {
                "point"
            } else {
                "pool"
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::Estimate;
    use rand::rngs::ChaCha8Rng;
    use rand::SeedableRng;

    fn member(central: f64, low: Option<f64>, high: Option<f64>, weight: f64) -> Member {
        Member {
            source: format!("s{central}"),
            estimate: Estimate { central, low, high },
            dist: None,
            weight,
        }
    }

    fn draws(members: &[Member], n: usize) -> Vec<f64> {
        let mut out = vec![0.0; n];
        Pool::of(members)
            .expect("pool")
            .fill(&mut ChaCha8Rng::seed_from_u64(3), &mut out);
        out
    }

    #[test]
    fn equal_weights_draw_each_point_source_half_the_time() {
        let v = draws(
            &[
                member(100.0, None, None, 1.0),
                member(200.0, None, None, 1.0),
            ],
            100_000,
        );
        let share = v.iter().filter(|&&x| x == 100.0).count() as f64 / v.len() as f64;
        assert!((share - 0.5).abs() < 0.01, "{share}");
        assert!(v.iter().all(|&x| x == 100.0 || x == 200.0));
    }

    #[test]
    fn weights_set_the_shares() {
        let v = draws(
            &[member(1.0, None, None, 3.0), member(2.0, None, None, 1.0)],
            100_000,
        );
        let share = v.iter().filter(|&&x| x == 1.0).count() as f64 / v.len() as f64;
        assert!((share - 0.75).abs() < 0.01, "{share}");
    }

    #[test]
    fn each_member_is_drawn_within_its_own_range() {
        let v = draws(
            &[
                member(10.0, Some(9.0), Some(11.0), 1.0),
                member(100.0, Some(90.0), Some(110.0), 1.0),
            ],
            50_000,
        );
        assert!(v
            .iter()
            .all(|&x| (9.0..=11.0).contains(&x) || (90.0..=110.0).contains(&x)));
        // The mixture's mean is the weighted mean of the members' means.
        let mean = v.iter().sum::<f64>() / v.len() as f64;
        assert!((mean - 55.0).abs() < 1.0, "{mean}");
    }

    proptest::proptest! {
        /// Every draw of a pool lies within one of its sources' ranges, and the span
        /// the worst case uses covers every source's central value.
        #[test]
        fn draws_stay_within_the_sources_ranges(
            sources in proptest::collection::vec((1.0f64..1e6, 0.0f64..0.5, 0.0f64..0.5, 0.1f64..5.0), 1..5)
        ) {
            let members: Vec<Member> = sources
                .iter()
                .map(|&(c, down, up, w)| member(c, Some(c * (1.0 - down)), Some(c * (1.0 + up)), w))
                .collect();
            let v = draws(&members, 500);
            let inside = |x: f64| members.iter().any(|m| {
                let e = m.estimate;
                let (l, h) = (e.low.unwrap_or(e.central), e.high.unwrap_or(e.central));
                x >= l - 1e-9 * l.abs() && x <= h + 1e-9 * h.abs()
            });
            proptest::prop_assert!(v.iter().all(|&x| inside(x)));
            let term = crate::uncertainty::formula::Term {
                key: "x".into(),
                source: None,
                factor: 1.0,
                estimate: members[0].estimate,
                dist: None,
                pool: members.clone(),
                place: crate::error::Location::file("test.csv"),
            };
            let (low, high) = term.span();
            proptest::prop_assert!(members.iter().all(|m| low <= m.estimate.central && m.estimate.central <= high));
        }
    }

    #[test]
    fn zero_weights_are_refused() {
        assert!(Pool::of(&[member(1.0, None, None, 0.0)]).is_err());
    }
}
