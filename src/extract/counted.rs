//! What a number counts, read from the words next to it: the noun after it ("6,000
//! fighters", "nine Malian troops", "120 attacks"), and the verb or noun that governs it
//! ("12 soldiers were killed", "killing 20 civilians", "arrested 23 individuals").

use super::lexicon::{Lexicon, Noun};
use super::names::Named;
use super::tokens::{phrase, words_at, Token, TokenKind};

/// The noun a number counts, where it stands and as written.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Head {
    pub(crate) noun: Noun,
    /// Its first and end token.
    pub(crate) at: usize,
    pub(crate) end: usize,
    pub(crate) words: String,
}

/// What governs a number's count.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Governed {
    /// Killed, wounded, dead: the count of an event's victims; `near` when the word
    /// stands at the count ("12 soldiers were killed", "killing 20"), not further on.
    Casualty {
        word: String,
        near: bool,
    },
    /// An attack verb or noun in the clause ("attacked", "attacks on").
    Attack(String),
    /// Arrests, abductions, movements, plans, equipment: out of the model, with why.
    Action {
        words: String,
        reason: String,
    },
    Nothing,
}

/// Words between a number and its noun that do not end the noun phrase: adjectives,
/// nationalities and names ("13 ISIL trainers", "9 Malian troops", "800 to 1,300 adult
/// male fighters").
const MAX_GAP: usize = 4;

/// Words that end the noun phrase after a number.
const STOP: &[&str] = &[
    "of",
    "in",
    "and",
    "or",
    "to",
    "by",
    "for",
    "at",
    "on",
    "as",
    "from",
    "with",
    "than",
    "is",
    "are",
    "was",
    "were",
    "had",
    "has",
    "have",
    "be",
    "been",
    "that",
    "which",
    "who",
    "while",
    "when",
    "after",
    "before",
    "since",
    "per",
    "each",
    "every",
    "against",
    "into",
    "across",
    "over",
    "under",
    "among",
    "between",
    "during",
    "including",
    "out",
];

/// The noun the number at `m_last` counts: the first noun of the lexicon within the next
/// few words of the phrase, skipping names and adjectives.
pub(crate) fn head(t: &[Token], after: usize, names: &[Named], lex: &Lexicon) -> Option<Head> {
    let mut k = after;
    let mut skipped = 0;
    while k < t.len() && skipped <= MAX_GAP {
        if let Some((noun, len)) = noun_at(t, k, lex) {
            return Some(Head {
                noun,
                at: k,
                end: k + len,
                words: phrase(t, k, k + len),
            });
        }
        let tok = &t[k];
        // A nationality in the plural counts people: "six Estonians", "every 510 Afghans".
        let capital = tok.raw.chars().next().is_some_and(char::is_uppercase);
        if tok.kind == TokenKind::Word
            && capital
            && (tok.raw.ends_with("ans") || tok.raw.ends_with("ese") || tok.raw.ends_with("is"))
            && tok.raw.len() > 4
        {
            return Some(Head {
                noun: Noun::People,
                at: k,
                end: k + 1,
                words: tok.raw.clone(),
            });
        }
        if let Some(n) = names.iter().find(|n| n.start == k) {
            k = n.end;
            skipped += 1;
            continue;
        }
        let open = tok.is_sign('(') || tok.is_sign(')') || tok.is_sign('\'') || tok.is_sign('"');
        // "four U.S. Special Forces soldiers": the stops of initials.
        let initial = tok.is_sign('.')
            && k > 0
            && t[k - 1].kind == TokenKind::Word
            && t[k - 1].raw.len() == 1;
        if open || initial {
            k += 1;
            continue;
        }
        if tok.kind != TokenKind::Word || STOP.contains(&tok.bare()) || plural_noun(tok) {
            return None;
        }
        k += 1;
        skipped += 1;
    }
    None
}

/// Whether a word the lexicon does not know reads as a plural noun ("divisions",
/// "tanks"), the head of a count of something else, rather than an adjective.
pub(crate) fn plural_noun(tok: &Token) -> bool {
    let w = tok.bare();
    tok.kind == TokenKind::Word
        && tok.raw.chars().next().is_some_and(char::is_lowercase)
        && w.len() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("'s")
}

/// The lexicon's noun at token `k`, and how many tokens its phrase takes.
pub(crate) fn noun_at(t: &[Token], k: usize, lex: &Lexicon) -> Option<(Noun, usize)> {
    lex.nouns
        .iter()
        .find_map(|(words, noun)| words_at(t, k, words).then_some((*noun, words.len())))
}

/// The first plural noun the lexicon does not know after the number, within its phrase
/// ("two helicopters", "75 such vehicles"), that is no casualty word.
pub(crate) fn unknown_plural(t: &[Token], after: usize, lex: &Lexicon) -> Option<String> {
    for tok in t.iter().skip(after).take(MAX_GAP) {
        if tok.kind != TokenKind::Word || STOP.contains(&tok.bare()) {
            return None;
        }
        if plural_noun(tok) && !lex.casualties.iter().any(|c| c == tok.bare()) {
            return Some(tok.raw.clone());
        }
    }
    None
}

/// The first unknown word after the number within the phrase ("aircraft" of "seven
/// transport aircraft"): what a count names that the lexicon does not know.
pub(crate) fn other_noun(t: &[Token], after: usize) -> Option<String> {
    let mut last = None;
    for tok in t.iter().skip(after).take(MAX_GAP) {
        if tok.kind != TokenKind::Word || STOP.contains(&tok.bare()) {
            break;
        }
        last = Some(tok.raw.clone());
    }
    last
}

/// What governs the count of the number at `first..=last` whose noun phrase ends at
/// `end`, within its clause `from..to`: a casualty word right after the phrase ("were
/// killed", "dead") or before the number ("killing", "killed"), an attack word in the
/// clause, or an action the model does not hold.
pub(crate) fn governed(
    t: &[Token],
    (first, end): (usize, usize),
    (from, to): (usize, usize),
    floor: usize,
    lex: &Lexicon,
) -> Governed {
    let word_at = |k: usize| t.get(k).map(Token::bare).unwrap_or("");
    // A casualty word in a name ("the Group of Friends of Victims of Terrorism") is none.
    let is_casualty = |k: usize| {
        lex.casualties.iter().any(|c| c == word_at(k))
            && (k == 0 || t[k].raw.chars().next().is_some_and(char::is_lowercase))
    };
    let casualty = |k: usize, near: bool| Governed::Casualty {
        word: t[k].raw.clone(),
        near,
    };
    // After the phrase: "were killed", "left dead", "killed and 75 injured".
    // Between the number and its noun: "3,000 proposed troops".
    for k in first + 1..end.min(t.len()) {
        if let Some(a) = action_at(t, k, lex) {
            return a;
        }
    }
    // Right before the number: "killing 20", "the execution of two".
    for k in (first.saturating_sub(3).max(floor)..first).rev() {
        if is_casualty(k) && !t[k + 1..first].iter().any(|w| w.is_word("by")) {
            return casualty(k, true);
        }
    }
    // (Past the clause's end when the next number cut it short: "3 of 6 assailants
    // also killed".)
    let after = end..(end + 4).min(t.len());
    for k in after {
        if is_casualty(k) {
            return casualty(k, true);
        }
        if let Some(a) = action_at(t, k, lex) {
            return a;
        }
        let w = word_at(k);
        if !matches!(
            w,
            "were"
                | "was"
                | "had"
                | "have"
                | "has"
                | "been"
                | "be"
                | "are"
                | "is"
                | "reportedly"
                | "reported"
                | "also"
                | "later"
                | "then"
                | "being"
                | "who"
                | "all"
                | "more"
                | "others"
                | "other"
                | "another"
                | "seriously"
                | "critically"
                | "badly"
                | "slightly"
                | "fatally"
                | "lightly"
                | "of"
                | "them"
                | "whom"
                | "people"
        ) && t[k].kind == TokenKind::Word
        {
            break;
        }
    }
    // Before the number: "killing 20", "killed over 120", "the deaths of 15".
    let before = (first.saturating_sub(6).max(from)..first).rev();
    for k in before {
        if is_casualty(k) {
            // "killed by four AQIM members": the number counts who killed, not whom.
            if t[k + 1..first].iter().any(|w| w.is_word("by")) {
                return Governed::Nothing;
            }
            return casualty(k, true);
        }
        if let Some(a) = action_at(t, k, lex) {
            return a;
        }
    }
    // A casualty word later in the clause governs only what it can reach: "Five
    // soldiers and two civilians were killed".
    for k in end..to.min(t.len()) {
        if is_casualty(k) {
            return casualty(k, false);
        }
    }
    // Past the commas of a list, up to a new clause: "Also 2 Malian soldiers, and one
    // Chadian killed by land mines".
    for (k, tok) in t.iter().enumerate().take(end + 14).skip(to) {
        let w = word_at(k);
        if tok.is_sign(';')
            || matches!(
                w,
                "while" | "but" | "whereas" | "although" | "after" | "when" | "before" | "as"
            )
        {
            break;
        }
        if is_casualty(k) {
            return casualty(k, false);
        }
    }
    // Back across the commas of a list, to the sentence's previous number: "raids
    // killing a Spanish AQIM commander, Abu al Nour al Andalusi, and two fighters".
    for k in (first.saturating_sub(14).max(floor)..first.saturating_sub(6).max(floor)).rev() {
        let w = word_at(k);
        if t[k].is_sign(';') || matches!(w, "while" | "but" | "whereas" | "although" | "when") {
            break;
        }
        if is_casualty(k) && !t[k + 1..first].iter().any(|w| w.is_word("by")) {
            return casualty(k, false);
        }
    }
    for tok in t.iter().take(to).skip(from) {
        if matches!(
            tok.bare(),
            "attack"
                | "attacks"
                | "attacked"
                | "attacking"
                | "struck"
                | "strike"
                | "strikes"
                | "stormed"
                | "targeted"
                | "ambushed"
                | "raided"
                | "overran"
                | "hit"
                | "assaulted"
                | "besieged"
        ) {
            return Governed::Attack(tok.raw.clone());
        }
    }
    Governed::Nothing
}

/// An action phrase of the lexicon at token `k`.
fn action_at(t: &[Token], k: usize, lex: &Lexicon) -> Option<Governed> {
    lex.actions.iter().find_map(|a| {
        words_at(t, k, &a.words).then(|| Governed::Action {
            words: phrase(t, k, k + a.words.len()),
            reason: a.reason.clone(),
        })
    })
}

/// Words in a clause that make a force one operation's, not a strength: "intervened",
/// "stormed", "a column of".
pub(crate) fn one_operation(t: &[Token], (from, to): (usize, usize)) -> Option<String> {
    t[from.min(t.len())..to.min(t.len())]
        .iter()
        .find(|w| {
            matches!(
                w.bare(),
                "intervened"
                    | "stormed"
                    | "attacked"
                    | "ambushed"
                    | "raided"
                    | "overran"
                    | "column"
                    | "convoy"
                    | "patrol"
                    | "assault"
                    | "offensive"
                    | "operation"
                    | "operations"
                    | "sortie"
                    | "raid"
                    | "battle"
                    | "fighting"
                    | "clashes"
                    | "clashed"
                    | "engaged"
                    | "besieged"
                    | "surrounded"
                    | "massed"
                    | "took"
            )
        })
        .map(|w| w.raw.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tokens::tokenize;

    use crate::extract::lexicon::shipped as lexicon;

    #[test]
    fn the_noun_after_a_number_skips_names_and_adjectives() {
        let lex = lexicon();
        let text = "13 ISIL (Da'esh) trainers and nine Malian troops and 800 adult male fighters";
        let t = tokenize(text, 0, text.len());
        let names = super::super::names::find(&t, &lex);
        let nouns: Vec<Noun> = [1, 9, 13]
            .iter()
            .map(|k| head(&t, *k, &names, &lex).map(|h| h.noun).unwrap())
            .collect();
        assert_eq!(
            nouns,
            vec![
                Noun::Soldiers(super::super::lexicon::Component::Foreign),
                Noun::Soldiers(super::super::lexicon::Component::Regular),
                Noun::Fighters
            ]
        );
    }

    #[test]
    fn casualty_and_action_words_govern_the_count() {
        let lex = lexicon();
        let read = |text: &str, first: usize, end: usize| {
            let t = tokenize(text, 0, text.len());
            governed(&t, (first, end), (0, t.len()), 0, &lex)
        };
        assert!(matches!(
            read("Nine soldiers were killed", 0, 2),
            Governed::Casualty { near: true, .. }
        ));
        assert!(matches!(
            read("killing 20 civilians", 1, 3),
            Governed::Casualty { near: true, .. }
        ));
        // Who killed is no count of the killed.
        assert!(matches!(
            read("a captain was killed by four AQIM members", 5, 8),
            Governed::Nothing
        ));
        assert!(matches!(
            read("arrested 23 individuals", 1, 3),
            Governed::Action { .. }
        ));
    }
}
