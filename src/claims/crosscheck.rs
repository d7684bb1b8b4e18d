//! Cross-checks between figures: claims that contradict each other (about the same thing,
//! with no value both accept), and claims that give a part of a group (`parent` in
//! groups.csv) more fighters than the whole.

use crate::data::{Dataset, Quantity};
use crate::numbers::grouped;

use super::tolerance::Band;
use super::verdict::{claim_band, describe_band, describe_stated, estimate_row};
use super::{Claim, ClaimFile, Target};

/// What two claims must share to be about the same thing.
fn same_subject(a: &Claim, b: &Claim) -> bool {
    match (&a.target, &b.target) {
        (Target::Metric { .. }, Target::Metric { .. })
        | (Target::Estimate { .. }, Target::Estimate { .. }) => a.target == b.target,
        _ => false,
    }
}

fn fighters_of(claim: &Claim) -> Option<(&str, i32)> {
    match &claim.target {
        Target::Estimate {
            entity,
            quantity: Quantity::Fighters,
            year,
            ..
        } => Some((entity, *year)),
        _ => None,
    }
}

fn label(claim: &Claim) -> String {
    format!("claim {} ({})", claim.id, claim.at)
}

pub(crate) fn crosscheck(
    data: &Dataset,
    files: &[ClaimFile],
    run_tolerance: Option<f64>,
) -> Vec<String> {
    let claims: Vec<&Claim> = files.iter().flat_map(|f| f.claims.iter()).collect();
    let band = |c: &Claim| -> Band { claim_band(c, run_tolerance) };
    let mut findings = Vec::new();
    for (i, a) in claims.iter().enumerate() {
        for b in &claims[i + 1..] {
            if same_subject(a, b) && !band(a).overlaps(&band(b)) {
                findings.push(format!(
                    "{} and {} contradict each other: one accepts {}, the other {}",
                    label(a),
                    label(b),
                    describe_band(&band(a)),
                    describe_band(&band(b))
                ));
            }
        }
    }
    for part in &claims {
        let Some((entity, year)) = fighters_of(part) else {
            continue;
        };
        let Some(parent) = data.group(entity).and_then(|g| g.parent.as_deref()) else {
            continue;
        };
        let Some(least) = band(part).low else {
            continue;
        };
        if let Some(row) = estimate_row(data, parent, Quantity::Fighters, None, year) {
            let whole = row.estimate.high.unwrap_or(row.estimate.central);
            if least > whole {
                findings.push(format!(
                    "{} gives {entity} {} fighters, more than the whole of {parent} ({} at most; {})",
                    label(part),
                    describe_stated(part),
                    grouped(whole, 0),
                    row.at
                ));
            }
        }
        for whole in claims
            .iter()
            .filter(|c| fighters_of(c).is_some_and(|(e, y)| e == parent && y == year))
        {
            if band(whole).high.is_some_and(|most| least > most) {
                findings.push(format!(
                    "{} gives {entity} {} fighters, but {} gives the whole of {parent} {}: a part cannot be larger than the whole",
                    label(part),
                    describe_stated(part),
                    label(whole),
                    describe_stated(whole)
                ));
            }
        }
    }
    findings
}
