//! The names of a sentence: the datasets' groups and countries (with their aliases and
//! demonyms), the Islamic State's branches, and armed groups or organisations the data
//! does not hold, named in the lexicon or written as an unknown acronym in capitals.

use super::lexicon::{Entity, Lexicon};
use super::tokens::{Token, TokenKind};

/// One name found: its tokens `start..end` and who it stands for.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Named {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) entity: Entity,
}

/// The names in a sentence, in order; longest names first where they overlap.
pub(crate) fn find(t: &[Token], lex: &Lexicon) -> Vec<Named> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < t.len() {
        let found = lex.names.iter().find(|n| {
            n.words.iter().enumerate().all(|(k, w)| {
                t.get(i + k).is_some_and(|tok| {
                    tok.kind != TokenKind::Number
                        && tok.bare() == w
                        && (!n.exact
                            || strip_possessive(&tok.raw)
                                .chars()
                                .all(|c| !c.is_lowercase()))
                })
            })
        });
        if let Some(n) = found {
            out.push(Named {
                start: i,
                end: i + n.words.len(),
                entity: n.entity.clone(),
            });
            i += n.words.len();
            continue;
        }
        if let Some(len) = acronym(t, i, lex) {
            let raw: String = t[i..i + len].iter().map(|w| w.raw.as_str()).collect();
            out.push(Named {
                start: i,
                end: i + len,
                entity: Entity::Other(strip_possessive(&raw).to_string()),
            });
            i += len;
            continue;
        }
        i += 1;
    }
    out
}

fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix('\''))
        .unwrap_or(word)
}

/// An unknown acronym at `i` (ADF, ETIM/TIP, ISIL-K, M23): capitals, two to six
/// letters, not a plain acronym (UN, IED) nor a word at a heading's start written in
/// capitals; with its `/`-joined parts, the number of tokens it takes.
fn acronym(t: &[Token], i: usize, lex: &Lexicon) -> Option<usize> {
    let is_caps = |tok: &Token| {
        let raw = strip_possessive(&tok.raw);
        let letters: Vec<char> = raw.chars().filter(|c| c.is_alphabetic()).collect();
        tok.kind == TokenKind::Word
            && (2..=6).contains(&letters.len())
            && letters.iter().all(|c| c.is_uppercase())
            && !lex.plain_acronyms.iter().any(|p| p == raw)
    };
    let tok = t.get(i)?;
    if !is_caps(tok) {
        return None;
    }
    // A line in capitals (a heading, a table's head) is no name.
    let neighbours_caps = [i.checked_sub(1), Some(i + 1)]
        .iter()
        .flatten()
        .filter_map(|k| t.get(*k))
        .filter(|w| w.kind == TokenKind::Word && w.raw.len() > 2)
        .all(|w| w.raw.chars().all(|c| !c.is_lowercase()));
    let has_word_neighbour = [i.checked_sub(1), Some(i + 1)]
        .iter()
        .flatten()
        .filter_map(|k| t.get(*k))
        .any(|w| w.kind == TokenKind::Word && w.raw.len() > 2);
    if neighbours_caps && has_word_neighbour {
        return None;
    }
    let mut len = 1;
    // "ETIM/TIP", "M23" (a number glued on), "ISIL-K" is one token already.
    while t.get(i + len).is_some_and(|s| s.is_sign('/') && !s.spaced)
        && t.get(i + len + 1).is_some_and(|w| is_caps(w) && !w.spaced)
    {
        len += 2;
    }
    if t.get(i + len)
        .is_some_and(|n| n.kind == TokenKind::Number && !n.spaced)
    {
        len += 1;
    }
    Some(len)
}

/// The names within tokens `from..to`.
pub(crate) fn within(names: &[Named], from: usize, to: usize) -> impl Iterator<Item = &Named> {
    names.iter().filter(move |n| n.start >= from && n.end <= to)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tokens::tokenize;

    use crate::extract::lexicon::shipped as lexicon;

    fn entities(text: &str) -> Vec<Entity> {
        let t = tokenize(text, 0, text.len());
        find(&t, &lexicon()).into_iter().map(|n| n.entity).collect()
    }

    #[test]
    fn groups_countries_branches_and_others_are_told_apart() {
        assert_eq!(
            entities("Katiba Masina and the Shabab in Somalia"),
            vec![
                Entity::Group("katiba-macina".into()),
                Entity::Group("al-shabaab".into()),
                Entity::Country("somalia".into())
            ]
        );
        assert_eq!(
            entities("ISIL (Da'esh) and ISWAP, ETIM/TIP and the ADF"),
            vec![
                Entity::Branch,
                Entity::Branch,
                // Groups of the shipped datasets since they hold ISWAP and the ADF.
                Entity::Group("iswap".into()),
                Entity::Other("ETIM".into()),
                Entity::Other("TIP".into()),
                Entity::Group("adf".into())
            ]
        );
        // Plain acronyms and words in capitals name no group.
        assert!(entities("The UN said an IED hit").is_empty());
    }
}
