//! Everything the words around one number give (`Sight`), and what they say of it,
//! read alike by every reading: the number as written, the year, the bound of a range,
//! the units, whether militias and foreign forces count in. The bottom of the readings
//! (`decided.rs`, `decide.rs`, `estimates.rs`, `ratios.rs`, `events.rs`).

use crate::claims::Bound;
use crate::units::Units;

use super::counted::Head;
use super::names::Named;
use super::numbers::Mention;
use super::tokens::Token;
use super::when::{self, Year};

/// Everything the words around one number give.
pub(super) struct Sight<'a> {
    pub(super) t: &'a [Token],
    pub(super) m: &'a Mention,
    pub(super) clause: (usize, usize),
    pub(super) names: &'a [Named],
    pub(super) carried: &'a [super::lexicon::Entity],
    /// The k-th of n numbers paired with names in order ("respectively").
    pub(super) respectively: Option<(usize, usize)>,
    /// Years stated in the clause and in the sentence.
    pub(super) years_clause: Vec<i32>,
    pub(super) years_sentence: Vec<i32>,
    pub(super) around: &'a when::Context,
    /// The noun of the previous number of the sentence, for a count whose noun is left
    /// out ("killed 12 soldiers and wounded 30").
    pub(super) previous: Option<Head>,
    /// The end of the previous number of the sentence.
    pub(super) previous_end: Option<usize>,
    /// Whether the previous number of the sentence was a count of people hit by events
    /// (a list goes on: "killing 2 soldiers and one contractor").
    pub(super) previous_events: bool,
    /// The first and last token of the next number of the sentence.
    pub(super) next: Option<(usize, usize)>,
    /// The groups and countries the whole document is about, when one dominates.
    pub(super) subject: &'a [super::lexicon::Entity],
}

/// The number as written.
pub(super) fn text(t: &[Token], m: &Mention) -> String {
    t[m.first..=m.last]
        .iter()
        .map(|w| w.raw.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The number with its noun: "800 to 1,300 adult male fighters".
pub(super) fn described(t: &[Token], m: &Mention, head: &Option<Head>) -> String {
    match head {
        Some(h) if h.at > m.last && h.end <= t.len() => t[m.first..h.end]
            .iter()
            .map(|w| w.raw.as_str())
            .collect::<Vec<_>>()
            .join(" "),
        _ => text(t, m),
    }
}

/// The bound a statement names: "the lower-end estimate", "at the high end".
pub(super) fn bound(t: &[Token], (from, to): (usize, usize)) -> Bound {
    let clause = &t[from.min(t.len())..to.min(t.len())];
    let has = |a: &str, b: &str| {
        clause
            .windows(2)
            .any(|w| w[0].bare() == a && w[1].bare() == b)
            || clause.iter().any(|w| w.bare() == format!("{a}-{b}"))
    };
    if has("lower", "end") || has("low", "end") || has("lower", "bound") || has("low", "estimate") {
        Bound::Low
    } else if has("upper", "end")
        || has("high", "end")
        || has("upper", "bound")
        || has("high", "estimate")
    {
        Bound::High
    } else {
        Bound::Central
    }
}

/// The year a statement is about, and the evidence for it; the tense is read between
/// the sentence's numbers before and after this one.
pub(super) fn year_of(s: &Sight) -> Year {
    let from = s.previous_end.map_or(0, |e| e + 1);
    let to = s.next.map_or(s.t.len(), |(first, _)| first);
    when::year(&s.years_clause, &s.years_sentence, &s.t[from..to], s.around)
}

/// Whether the sentence counts militia or foreign forces in (`Some(true)`), says it
/// leaves them out ("not counting militias": `Some(false)`), or says nothing.
pub(super) fn all_forces(t: &[Token]) -> Option<bool> {
    let at = t.iter().position(|w| {
        matches!(
            w.bare(),
            "militia"
                | "militias"
                | "militiamen"
                | "foreign"
                | "russian"
                | "wagner"
                | "mercenaries"
                | "volunteers"
        )
    })?;
    let negated = t[at.saturating_sub(4)..at].iter().any(|w| {
        matches!(
            w.bare(),
            "not" | "excluding" | "without" | "except" | "leaving"
        )
    });
    Some(!negated)
}

/// Units of an area statement: km² when the clause says so.
pub(super) fn units(t: &[Token], (from, to): (usize, usize)) -> Units {
    let metric = t[from.min(t.len())..to.min(t.len())].iter().any(|w| {
        matches!(
            w.bare(),
            "km²" | "km" | "kilometres" | "kilometers" | "sq-km" | "km2"
        )
    });
    if metric {
        Units::Metric
    } else {
        Units::Imperial
    }
}
