//! Ratios stated in prose: "one militant for every 8,000 people" (a metric of the
//! comparison the words name), "a 4-to-1 advantage", "1.2 soldiers per 1,000 residents",
//! and fractions and multiples between two named comparisons ("two fifths of the
//! strength HTS had", "seven times larger than Somalia"). A fraction of one entity is a
//! share, and idioms ("the first half of 2024", "the northern half of the country",
//! "visited 3 times") are no statements.

use crate::data::Quantity;
use crate::metrics::Metric;

use super::confidence::Evidence;
use super::counted::{head, noun_at};
use super::decided::{choose_metric, Decided};
use super::lexicon::{Entity, Lexicon, Noun};
use super::names::within;
use super::numbers::Shape;
use super::readings::{self, Values, Wanted};
use super::sight::{all_forces, text, units, year_of, Sight};
use super::tokens::Token;
use super::when::Year;
use super::whose::{whose, Kind, Place, Whose};
use super::Status;

fn oom(reason: String, evidence: Evidence) -> Decided {
    Decided::Statement(Status::OutOfModel { reason }, evidence)
}

fn needs(why: String) -> Decided {
    Decided::Statement(
        Status::NeedsReading {
            why,
            alternatives: Vec::new(),
        },
        Evidence::Open,
    )
}

/// The quantity words of a span, in order: what each model noun counts.
fn nouns_in(t: &[Token], from: usize, to: usize, lex: &Lexicon) -> Vec<Noun> {
    let mut out = Vec::new();
    for k in from..to.min(t.len()) {
        if let Some((n, _)) = noun_at(t, k, lex) {
            if !out.contains(&n) {
                out.push(n);
            }
        }
    }
    out
}

/// The dataset quantity a noun counts, if any.
fn quantity(noun: Noun) -> Option<Quantity> {
    match noun {
        Noun::Fighters => Some(Quantity::Fighters),
        Noun::People => Some(Quantity::Population),
        Noun::Soldiers(_) => Some(Quantity::Soldiers),
        Noun::Area => Some(Quantity::Area),
        _ => None,
    }
}

/// The metric "one fighter for every N of what the noun counts" means.
fn per_metric(noun: Noun) -> Option<Metric> {
    let top = quantity(noun).filter(|q| *q != Quantity::Fighters)?;
    Metric::dividing(top, Quantity::Fighters, 1.0)
}

/// What the words want of a comparison: the group (with the Islamic State's branch told
/// by the countries), the countries named in the sentence, the year stated.
// A statement's fate travels as the error: one per number, so its size costs nothing.
#[allow(clippy::result_large_err)]
fn wanted(s: &Sight, lex: &Lexicon) -> Result<Wanted, Decided> {
    let place = Place {
        t: s.t,
        names: s.names,
        first: s.m.first,
        end: s.m.last + 1,
        clause: s.clause,
        carried: s.carried,
        respectively: s.respectively,
        subject: s.subject,
    };
    let group = match whose(&place, Kind::Group, lex) {
        Whose::One(g, _) => Some(g),
        Whose::Other(name, _) => {
            return Err(oom(
                format!(
                    "{}: a ratio of {name}, a group the data does not hold",
                    text(s.t, s.m)
                ),
                Evidence::OtherOwner,
            ))
        }
        Whose::Open(list) => {
            return Err(needs(format!(
                "{}: the sentence names several groups ({})",
                text(s.t, s.m),
                list.join(", ")
            )))
        }
        Whose::None => None,
    };
    // The countries the clause names, else the sentence's.
    let of = |from: usize, to: usize| -> Vec<String> {
        within(s.names, from, to)
            .filter_map(|n| match &n.entity {
                Entity::Country(c) => Some(c.clone()),
                _ => None,
            })
            .collect()
    };
    // (Before the clause, only what no earlier number of the sentence claims: "In Mali
    // alone, JNIM has one gunman for every six soldiers", not "Burkina Faso has 24.1
    // million people, and JNIM has one militant for every 8,200".)
    let mut countries = of(s.clause.0, s.clause.1);
    // A sentence that opens "Across Burkina Faso and Mali," or "In Mali alone," speaks of
    // those countries throughout.
    let opener =
        s.t.first()
            .is_some_and(|w| matches!(w.bare(), "across" | "in" | "for" | "throughout" | "within"));
    if countries.is_empty() && opener {
        if let Some(comma) =
            s.t.iter()
                .position(|w| w.is_sign(','))
                .filter(|&c| c < s.m.first)
        {
            countries = of(0, comma);
        }
    }
    if countries.is_empty() {
        let floor = s.previous_end.map_or(0, |e| e + 1);
        let ceiling = s.next.map_or(s.t.len(), |(first, _)| first);
        countries = of(floor, s.clause.0);
        countries.extend(of(s.clause.1, ceiling));
    }
    countries.sort();
    countries.dedup();
    let year = match year_of(s) {
        Year::Known(y, from) if from <= super::when::YearFrom::Sentence => Some(y),
        _ => None,
    };
    Ok(Wanted {
        group,
        countries,
        year,
        all_forces: all_forces(s.t),
    })
}

/// "One fighter for every N …", "N-to-one", "N per 1,000": a metric of one comparison.
pub(super) fn per_fighter(s: &Sight, values: &Values, lex: &Lexicon) -> Decided {
    let t = s.t;
    let m = s.m;
    let what = text(t, m);
    // What N counts: the noun after it, else the quantity the clause names.
    let after = head(t, m.unit, s.names, lex).map(|h| h.noun);
    let (from, to) = s.clause;
    let in_clause = nouns_in(t, from, to, lex);
    let metric = match m.shape {
        Shape::PerThousand => match after
            .or(in_clause.first().copied())
            .and_then(quantity)
            .and_then(|top| Metric::dividing(top, Quantity::Population, 1000.0))
        {
            Some(metric) => metric,
            None => {
                return needs(format!(
                    "{what}: a rate per thousand of what the words leave open"
                ))
            }
        },
        Shape::ToOne => {
            // "The Taliban's fighters outnumbered JNIM's ten to one": two groups' fighters.
            let groups = s
                .names
                .iter()
                .filter(|n| matches!(n.entity, Entity::Group(_)))
                .count();
            if groups >= 2 && in_clause.iter().all(|n| !matches!(n, Noun::Soldiers(_))) {
                return pairwise(s, values, lex);
            }
            if in_clause.iter().any(|n| matches!(n, Noun::Soldiers(_)))
                || t[from..to.min(t.len())]
                    .iter()
                    .any(|w| matches!(w.bare(), "advantage" | "outnumbered" | "outnumber"))
                    && in_clause.iter().all(|n| !matches!(n, Noun::Fighters))
            {
                Metric::SoldiersPerFighter
            } else {
                return needs(format!("{what}: a ratio whose sides the words do not name"));
            }
        }
        _ => {
            // The "one" side must be fighters: "4 to 5 cows for every 120", "1 camel for
            // every 20 owned" are no metric.
            let one_side = nouns_in(t, from, m.first, lex);
            // The noun before "for every", "for each", "in every" or "per".
            let before_every = (from..m.first)
                .rev()
                .find_map(|k| {
                    if t[k].is_word("per") {
                        k.checked_sub(1)
                    } else if (t[k].is_word("every") || t[k].is_word("each"))
                        && k >= 2
                        && (t[k - 1].is_word("for") || t[k - 1].is_word("in"))
                    {
                        Some(k - 2)
                    } else {
                        None
                    }
                })
                .map(|k| &t[k]);
            let other_thing = before_every.is_some_and(|w| {
                w.kind == super::tokens::TokenKind::Word
                    && !matches!(w.bare(), "one" | "single" | "each" | "every")
                    && lex
                        .nouns
                        .iter()
                        .all(|(words, _)| words.last().is_none_or(|l| l != w.bare()))
            });
            if other_thing
                || (!one_side.is_empty()
                    && !one_side
                        .iter()
                        .any(|n| matches!(n, Noun::Fighters | Noun::Attackers | Noun::Soldiers(_))))
            {
                return Decided::Aside("a rate of something no claim is about");
            }
            match after.and_then(per_metric) {
                Some(metric)
                    if one_side
                        .iter()
                        .any(|n| matches!(n, Noun::Fighters | Noun::Attackers))
                        || after != Some(Noun::Fighters) =>
                {
                    metric
                }
                _ => match after {
                    Some(Noun::Time) => {
                        return Decided::Aside("a rate in time (\"every six months\")")
                    }
                    Some(Noun::Fighters)
                        if one_side.iter().any(|n| matches!(n, Noun::Soldiers(_))) =>
                    {
                        Metric::SoldiersPerFighter
                    }
                    _ => {
                        let named: Vec<Metric> =
                            in_clause.iter().filter_map(|n| per_metric(*n)).collect();
                        match named.as_slice() {
                            [one] => *one,
                            [] => {
                                return needs(format!(
                                    "{what}: \"for every {what}\" of what the words do not name"
                                ))
                            }
                            _ => {
                                return needs(format!(
                                    "{what}: the clause names several quantities"
                                ))
                            }
                        }
                    }
                },
            }
        }
    };
    let w = match wanted(s, lex) {
        Ok(w) => w,
        Err(d) => return d,
    };
    if readings::needs_group(metric) && w.group.is_none() {
        return needs(format!(
            "{what}: a ratio of fighters whose group the words do not name"
        ));
    }
    choose_metric(
        values,
        metric,
        &w,
        units(t, s.clause),
        Evidence::Metric,
        &what,
    )
}

/// Idioms a fraction or multiple stands in: "the first half of 2024", "half the
/// country", "visited 3 times".
fn idiom(t: &[Token], first: usize, last: usize) -> bool {
    let word = |k: Option<usize>| k.and_then(|k| t.get(k)).map(Token::bare).unwrap_or("");
    let before = word(first.checked_sub(1));
    let after = |n: usize| word(Some(last + n));
    matches!(
        before,
        "first"
            | "second"
            | "northern"
            | "southern"
            | "eastern"
            | "western"
            | "central"
            | "other"
            | "latter"
            | "former"
    ) || (after(1) == "of"
        && matches!(after(2), "the" | "this" | "that")
        && matches!(
            after(3),
            "year" | "country" | "territory" | "region" | "decade" | "month" | "century"
        ))
        || (after(1) == "of"
            && t.get(last + 2)
                .is_some_and(|w| w.raw.len() == 4 && w.raw.starts_with("20")))
        || matches!(
            before,
            "visited" | "viewed" | "shared" | "cited" | "edited" | "downloaded"
        )
}

/// A factor of change of one group's fighters between the two years the sentence names
/// ("JNIM's fighters doubled between 2022 and 2025"): a claim about change on the
/// group's fighters estimate, drafted for a person to confirm.
fn change_claim(s: &Sight, values: &Values) -> Option<Decided> {
    let t = s.t;
    let factor = t[s.m.first..=s.m.last.min(t.len().saturating_sub(1))]
        .iter()
        .any(|w| matches!(w.bare(), "doubled" | "tripled" | "quadrupled" | "halved"));
    let (from, to) = s.clause;
    let fighters = t[from..to.min(t.len())].iter().any(|w| {
        matches!(
            w.bare(),
            "fighters" | "militants" | "members" | "combatants" | "strength" | "ranks"
        )
    });
    let mut years = s.years_sentence.clone();
    years.sort_unstable();
    years.dedup();
    let groups: Vec<&str> = s
        .names
        .iter()
        .filter_map(|n| match &n.entity {
            Entity::Group(id) => Some(id.as_str()),
            _ => None,
        })
        .collect();
    let one_group = groups.first().filter(|g| groups.iter().all(|h| h == *g))?;
    let ([earlier, later], true, true) = (years.as_slice(), factor, fighters) else {
        return None;
    };
    let between = crate::claims::Between {
        from: *earlier,
        to: *later,
    };
    let target = readings::estimate(
        one_group,
        Quantity::Fighters,
        None,
        between.to,
        crate::claims::Bound::Central,
    );
    Some(Decided::Statement(
        Status::Mapped {
            best: values.change(target, between),
            alternatives: Vec::new(),
        },
        Evidence::Change,
    ))
}

/// A fraction or multiple: a ratio between the two comparisons the sentence names, a
/// share of one entity (out of the model), a change over time, or an idiom.
pub(super) fn pairwise(s: &Sight, values: &Values, lex: &Lexicon) -> Decided {
    let t = s.t;
    let m = s.m;
    let what = text(t, m);
    if idiom(t, m.first, m.last) {
        return Decided::Aside(
            "an idiom (\"the first half of\", \"half the country\"), not a ratio",
        );
    }
    let (from, to) = s.clause;
    let changed = t[from..to.min(t.len())].iter().any(|w| {
        matches!(
            w.bare(),
            "doubled"
                | "tripled"
                | "quadrupled"
                | "halved"
                | "increased"
                | "grew"
                | "rose"
                | "fell"
                | "dropped"
                | "declined"
                | "decreased"
        )
    });
    if changed {
        if let Some(drafted) = change_claim(s, values) {
            return drafted;
        }
        return oom(
            format!("{what}: a change over time, not drafted; write it as a claim with change = {{ from = YEAR, to = YEAR }} on the estimate or metric it is about, which check reads"),
            Evidence::Share,
        );
    }
    // The subject's names before the number, the object's after it ("Mali and Burkina
    // Faso together cover more than twice the area of Somalia").
    let kinds = |e: &Entity| {
        matches!(
            e,
            Entity::Group(_) | Entity::Country(_) | Entity::Branch | Entity::Other(_)
        )
    };
    let side_of = |from: usize, to: usize| -> Vec<Entity> {
        let mut v: Vec<Entity> = Vec::new();
        for n in within(s.names, from, to).filter(|n| kinds(&n.entity)) {
            if !v.contains(&n.entity) {
                v.push(n.entity.clone());
            }
        }
        v
    };
    // Within the clause first ("while the Taliban had some thirteen times as many
    // fighters as JNIM"), else the sentence around it.
    let mut subject = Some(side_of(from, m.first))
        .filter(|v| !v.is_empty())
        .unwrap_or_else(|| side_of(0, m.first));
    let mut object = Some(side_of(m.last + 1, to))
        .filter(|v| !v.is_empty())
        .unwrap_or_else(|| side_of(m.last + 1, t.len()));
    // "The Taliban's fighters outnumbered JNIM's ten to one": both sides before it.
    if object.is_empty() && m.shape == Shape::ToOne && subject.len() == 2 {
        object = vec![subject.remove(1)];
    }
    // "twice as many soldiers as al-Shabaab has fighters": a country's soldiers per a
    // group's fighter.
    let in_clause = nouns_in(t, from, to, lex);
    let soldiers_side =
        subject.iter().all(|e| matches!(e, Entity::Country(_))) && !subject.is_empty();
    let group_side: Vec<&Entity> = object
        .iter()
        .filter(|e| matches!(e, Entity::Group(_)))
        .collect();
    if m.shape == Shape::Multiple
        && soldiers_side
        && group_side.len() == 1
        && in_clause.iter().any(|n| matches!(n, Noun::Soldiers(_)))
        && in_clause.contains(&Noun::Fighters)
    {
        let Entity::Group(g) = group_side[0] else {
            unreachable!("filtered to groups")
        };
        let w = Wanted {
            group: Some(g.clone()),
            countries: subject
                .iter()
                .filter_map(|e| match e {
                    Entity::Country(c) => Some(c.clone()),
                    _ => None,
                })
                .collect(),
            year: None,
            all_forces: all_forces(t),
        };
        return choose_metric(
            values,
            Metric::SoldiersPerFighter,
            &w,
            units(t, s.clause),
            Evidence::Metric,
            &what,
        );
    }
    let groups_only = |v: &[Entity]| {
        !v.is_empty()
            && v.iter()
                .all(|e| matches!(e, Entity::Group(_) | Entity::Branch))
    };
    let named = nouns_in(t, from.min(m.first), to, lex)
        .into_iter()
        .chain(nouns_in(t, 0, t.len(), lex))
        .find_map(|n| quantity(n).and_then(Metric::ratio_of));
    // "the size of", "larger than": of a group, its strength; of a country, its area.
    let sized = t[from..to.min(t.len())].iter().any(|w| {
        matches!(
            w.bare(),
            "area" | "territory" | "size" | "larger" | "smaller" | "bigger" | "large"
        )
    });
    let quantity = named.or_else(|| {
        sized.then(|| {
            if groups_only(&subject) && groups_only(&object) {
                Metric::FightersRatio
            } else {
                Metric::AreaRatio
            }
        })
    });
    if subject.is_empty() && !object.is_empty() && m.shape == Shape::Multiple {
        return needs(format!(
            "{what}: a ratio with {} whose other side the words do not name",
            if object.len() == 1 {
                "one named entity"
            } else {
                "named entities"
            }
        ));
    }
    if subject.is_empty() || object.is_empty() || subject == object {
        return match (subject.is_empty() && object.is_empty(), m.shape) {
            (true, Shape::Multiple) => Decided::Aside("a multiple of nothing the sentence names"),
            _ => oom(
                format!("{what}: a share of one group or country, not a ratio between two; the data model holds no shares"),
                Evidence::Share,
            ),
        };
    }
    let Some(metric) = quantity else {
        return needs(format!(
            "{what}: a ratio between two entities of a quantity the words do not name"
        ));
    };
    if super::sight::bound(t, (0, t.len())) != crate::claims::Bound::Central {
        return needs(format!(
            "{what}: a ratio on one end of an estimate's range (\"lower-end\", \"upper-end\"); the model's ratios are on central values, so a person sets the claim"
        ));
    }
    #[allow(clippy::result_large_err)]
    let side = |names: &[Entity]| -> Result<String, Decided> {
        if let Some(Entity::Other(name)) = names.iter().find(|e| matches!(e, Entity::Other(_))) {
            return Err(oom(
                format!("{what}: a ratio with {name}, which the data does not hold"),
                Evidence::OtherOwner,
            ));
        }
        let groups: Vec<&String> = names
            .iter()
            .filter_map(|e| match e {
                Entity::Group(g) => Some(g),
                _ => None,
            })
            .collect();
        let countries: Vec<String> = names
            .iter()
            .filter_map(|e| match e {
                Entity::Country(c) => Some(c.clone()),
                _ => None,
            })
            .collect();
        let w = match groups.as_slice() {
            [g] => Wanted {
                group: Some((*g).clone()),
                countries,
                ..Wanted::default()
            },
            [] if !readings::needs_group(metric) => Wanted {
                countries,
                ..Wanted::default()
            },
            _ => {
                return Err(needs(format!(
                    "{what}: a side of the ratio the words do not tie to one comparison"
                )))
            }
        };
        let found = readings::comparisons(values.data, metric, &w);
        match found.as_slice() {
            [one] => Ok(one.id.clone()),
            // Comparisons of the same countries give the same area, and in the same year
            // the same population: for a ratio of those, they are one reading.
            [first, rest @ ..] if same_side(metric, first, rest) => Ok(first.id.clone()),
            [] => Err(oom(
                format!("{what}: no comparison of the data for one side of the ratio"),
                Evidence::NoComparison,
            )),
            many => Err(Decided::Statement(
                Status::NeedsReading {
                    why: format!(
                        "{what}: one side of the ratio fits {} comparisons; name the countries",
                        many.len()
                    ),
                    alternatives: many
                        .iter()
                        .map(|c| {
                            values.candidate(readings::metric(
                                &c.id,
                                None,
                                metric,
                                units(t, s.clause),
                            ))
                        })
                        .collect(),
                },
                Evidence::Open,
            )),
        }
    };
    let (a, b) = (subject.as_slice(), object.as_slice());
    let (a, b) = match (side(a), side(b)) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(d), _) | (_, Err(d)) => return d,
    };
    if a == b {
        return oom(
            format!("{what}: both sides are the same comparison"),
            Evidence::Share,
        );
    }
    let evidence = Evidence::Pairwise;
    Decided::Statement(
        Status::Mapped {
            best: values.candidate(readings::metric(
                &a,
                Some(&b),
                metric,
                crate::units::Units::Imperial,
            )),
            alternatives: Vec::new(),
        },
        evidence,
    )
}

/// Whether comparisons stand for the same side of a ratio that counts no group: the same
/// countries, and for anything but area the same year.
fn same_side(
    metric: Metric,
    first: &crate::data::Comparison,
    rest: &[&crate::data::Comparison],
) -> bool {
    let Some((top, bottom)) = metric.quantities() else {
        return false;
    };
    if top == Quantity::Fighters || bottom == Quantity::Fighters || top == Quantity::Soldiers {
        return false;
    }
    let countries = |c: &crate::data::Comparison| {
        let mut v = c.countries.clone();
        v.sort();
        v
    };
    let area = top == Quantity::Area && bottom == Quantity::Area;
    rest.iter()
        .all(|c| countries(c) == countries(first) && (area || c.year == first.year))
}
