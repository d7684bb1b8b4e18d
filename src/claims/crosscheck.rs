//! Cross-checks between figures: claims that contradict each other (about the same thing,
//! with no value both accept), and claims that give a part of a group (`parent` in
//! groups.csv) more fighters than the whole. Claims `extract` drafted but a person has
//! not confirmed, below the verdict threshold, take no part; contradictions about one
//! subject are one finding, however many claims they join.

use crate::data::{Dataset, Quantity};
use crate::numbers::grouped;

use super::compute::estimate_row;
use super::tolerance::Band;
use super::verdict::{claim_band, describe_band, describe_stated};
use super::{Claim, ClaimFile, Target};

/// What two claims must share to be about the same thing.
fn same_subject(a: &Claim, b: &Claim) -> bool {
    if a.change != b.change {
        return false;
    }
    match (&a.target, &b.target) {
        (Target::Metric { .. }, Target::Metric { .. })
        | (Target::Estimate { .. }, Target::Estimate { .. }) => a.target == b.target,
        _ => false,
    }
}

fn fighters_of(claim: &Claim) -> Option<(&str, i32)> {
    if claim.change.is_some() {
        return None;
    }
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

/// One finding for the contradicting pairs of one subject: the pair itself when there is
/// one, else how many claims disagree and the first few of them.
fn contradictions(pairs: &[(&Claim, &Claim)], band: &dyn Fn(&Claim) -> Band) -> String {
    if let [(a, b)] = pairs {
        return format!(
            "{} and {} contradict each other: one accepts {}, the other {}",
            label(a),
            label(b),
            describe_band(&band(a)),
            describe_band(&band(b))
        );
    }
    let mut involved: Vec<&Claim> = Vec::new();
    for (a, b) in pairs {
        for c in [a, b] {
            if !involved.iter().any(|x| x.id == c.id) {
                involved.push(c);
            }
        }
    }
    let shown: Vec<String> = involved.iter().take(4).map(|c| label(c)).collect();
    let more = involved.len().saturating_sub(shown.len());
    format!(
        "{} claims about the same figure contradict each other in {} pairs: {}{}",
        involved.len(),
        pairs.len(),
        shown.join(", "),
        if more > 0 {
            format!(" and {more} more")
        } else {
            String::new()
        }
    )
}

fn label(claim: &Claim) -> String {
    format!("claim {} ({})", claim.id, claim.at)
}

/// The findings among the claims of `files`, leaving out the claims that wait for a
/// person's reading (`unread`: below the threshold, a misreading suspected).
pub(crate) fn crosscheck(
    data: &Dataset,
    files: &[ClaimFile],
    run_tolerance: Option<f64>,
    unread: &[&str],
) -> Vec<String> {
    let claims: Vec<&Claim> = files
        .iter()
        .flat_map(|f| f.claims.iter())
        .filter(|c| c.confidence.is_none_or(|p| p >= super::VERDICT_CONFIDENCE))
        .filter(|c| !unread.contains(&c.id.as_str()))
        .collect();
    let band = |c: &Claim| -> Band { claim_band(c, run_tolerance) };
    let mut findings = Vec::new();
    // Pairs that contradict each other, gathered by subject.
    let mut by_subject: Vec<(&Claim, Vec<(&Claim, &Claim)>)> = Vec::new();
    for (i, a) in claims.iter().enumerate() {
        for b in &claims[i + 1..] {
            if same_subject(a, b) && !band(a).overlaps(&band(b)) {
                match by_subject.iter_mut().find(|(s, _)| same_subject(s, a)) {
                    Some((_, pairs)) => pairs.push((a, b)),
                    None => by_subject.push((a, vec![(a, b)])),
                }
            }
        }
    }
    for (_, pairs) in &by_subject {
        findings.push(contradictions(pairs, &band));
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
                    "{} gives {} {} fighters, more than the whole of {} ({} at most; {})",
                    label(part),
                    data.entity_name(entity),
                    describe_stated(part),
                    data.entity_name(parent),
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
                    "{} gives {} {} fighters, but {} gives the whole of {} {}: a part cannot be larger than the whole",
                    label(part),
                    data.entity_name(entity),
                    describe_stated(part),
                    label(whole),
                    data.entity_name(parent),
                    describe_stated(whole)
                ));
            }
        }
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::{Bound, Qualifier, Stated};
    use crate::data::RowRef;

    fn claim(id: &str, stated: f64, confidence: Option<f64>) -> Claim {
        Claim {
            id: id.into(),
            says: String::new(),
            stated: Stated::One(stated),
            qualifier: Qualifier::None,
            tolerance: None,
            target: Target::Estimate {
                entity: "jnim".into(),
                quantity: Quantity::Fighters,
                component: None,
                year: 2025,
                bound: Bound::Central,
            },
            at: RowRef::new("doc", 1),
            confidence,
            change: None,
        }
    }

    #[test]
    fn contradictions_about_one_figure_are_one_finding_and_unconfirmed_drafts_take_no_part() {
        let data = crate::data::load(&crate::data::DataChoice::Embedded).unwrap();
        let file = |claims| ClaimFile {
            file: "doc".into(),
            source: "doc".into(),
            claims,
        };
        let many = vec![
            claim("a", 1000.0, None),
            claim("b", 5000.0, None),
            claim("c", 9000.0, Some(0.9)),
            claim("d", 20000.0, None),
        ];
        let findings = crosscheck(&data, &[file(many)], None, &[]);
        assert_eq!(findings.len(), 1, "{findings:#?}");
        assert!(
            findings[0]
                .starts_with("4 claims about the same figure contradict each other in 6 pairs"),
            "{findings:#?}"
        );
        // A draft below the threshold is no reading yet: nothing to contradict.
        let held = vec![claim("a", 1000.0, None), claim("b", 9000.0, Some(0.3))];
        assert!(crosscheck(&data, &[file(held)], None, &[]).is_empty());
        // Nor does one whose verdict waits for a person (a misreading suspected).
        let suspect = vec![claim("a", 1000.0, None), claim("b", 90000.0, Some(0.9))];
        assert!(crosscheck(&data, &[file(suspect)], None, &["b"]).is_empty());
    }
}
