//! Numbered references that survive conversion: each source is numbered once, in
//! order of first citation, cited in the text as "[1, 3–5]", and listed once under
//! Sources with its original publication and the copy it was read from ("via"). No
//! Markdown footnotes: pandoc makes a new note for every repeated footnote reference.

use crate::data::Dataset;
use crate::render::layout::WHAT_IF;
use crate::render::markdown::escape;

/// Sources numbered in order of first citation.
pub(crate) struct Citations<'a> {
    data: &'a Dataset,
    order: Vec<String>,
}

impl<'a> Citations<'a> {
    pub(crate) fn new(data: &'a Dataset) -> Self {
        Citations {
            data,
            order: Vec::new(),
        }
    }

    /// The number of a source, given one on its first citation; `None` for an id that
    /// `sources.csv` does not hold. Two sources of one release of one publication (the
    /// same title, publisher, date and url: a Factbook edition typed by hand for one
    /// figure and imported for another) are one reference.
    fn number(&mut self, source: &str) -> Option<usize> {
        let this = self.data.source(source)?;
        let release = |s: &crate::data::model::Source| {
            (
                s.title.clone(),
                s.publisher.clone(),
                s.published.clone(),
                s.url.clone(),
            )
        };
        let same = |id: &String| {
            id == source
                || self
                    .data
                    .source(id)
                    .is_some_and(|s| release(s) == release(this))
        };
        Some(match self.order.iter().position(same) {
            Some(i) => i + 1,
            None => {
                self.order.push(source.to_string());
                self.order.len()
            }
        })
    }

    /// The reference for `sources` as Markdown, " \[1, 3–5\]", with "what-if (--set)"
    /// when a figure uses a value set with `--set`; empty when there is nothing to cite.
    pub(crate) fn cite(&mut self, sources: &[String], what_if: bool) -> String {
        let numbers: Vec<usize> = sources.iter().filter_map(|s| self.number(s)).collect();
        let mut parts = Vec::new();
        if !numbers.is_empty() {
            parts.push(ranges(numbers));
        }
        if what_if {
            // In code, so that pandoc does not make the two hyphens a dash.
            parts.push(WHAT_IF.replace("--set", "`--set`"));
        }
        if parts.is_empty() {
            return String::new();
        }
        format!(" \\[{}\\]", parts.join(", "))
    }

    /// The Sources section: one numbered entry per source cited, in citation order.
    pub(crate) fn section(&self) -> String {
        let mut md = String::from("## Sources\n\n");
        if self.order.is_empty() {
            md.push_str("No source is cited.\n");
        }
        for (i, id) in self.order.iter().enumerate() {
            if let Some(s) = self.data.source(id) {
                md.push_str(&format!("{}. {}\n", i + 1, entry(s)));
            }
        }
        md
    }
}

/// One reference as a reader cites it: title, publisher and date, the original's
/// link, and in brackets when it was read and the copy it was read from ("via").
fn entry(s: &crate::data::model::Source) -> String {
    let mut text = sentence(&escape(&s.title));
    text.push_str(&format!(" {}", escape(&s.publisher)));
    if !s.published.is_empty() {
        text.push_str(&format!(", {}", escape(&s.published)));
    }
    let mut text = sentence(&text);
    if !s.url.is_empty() {
        text.push_str(&format!(" <{}>", s.url));
    }
    let mut read = Vec::new();
    if !s.accessed.is_empty() {
        read.push(format!("accessed {}", escape(&s.accessed)));
    }
    if !s.via.is_empty() {
        let via = if s.via.starts_with("http") {
            format!("<{}>", s.via)
        } else {
            escape(&s.via)
        };
        read.push(format!("read from the copy at {via}"));
    }
    if !read.is_empty() {
        text.push_str(&format!(" ({})", read.join("; ")));
    }
    text
}

/// Text ended as a sentence: a full stop unless it ends in one, or in "?" or "!".
fn sentence(text: &str) -> String {
    if text.ends_with(['.', '?', '!']) {
        text.to_string()
    } else {
        format!("{text}.")
    }
}

/// "1, 2, 4–6": runs of three or more consecutive numbers joined with a dash.
fn ranges(mut numbers: Vec<usize>) -> String {
    numbers.sort_unstable();
    numbers.dedup();
    let numbers: Vec<i64> = numbers.iter().map(|&n| n as i64).collect();
    crate::numbers::spans(&numbers, 3)
}

#[cfg(test)]
mod tests {
    use super::ranges;
    use proptest::prelude::*;

    /// "1, 3–5" read back as the numbers it stands for.
    fn expand(text: &str) -> Vec<usize> {
        let mut out = Vec::new();
        for part in text.split(", ") {
            match part.split_once('–') {
                Some((a, b)) => out.extend(a.parse::<usize>().unwrap()..=b.parse().unwrap()),
                None => out.push(part.parse().unwrap()),
            }
        }
        out
    }

    proptest! {
        /// Every number cited is shown, once, in order; nothing else is.
        #[test]
        fn ranges_stand_for_exactly_the_numbers_cited(numbers in prop::collection::vec(1usize..40, 1..12)) {
            let mut expected = numbers.clone();
            expected.sort_unstable();
            expected.dedup();
            prop_assert_eq!(expand(&ranges(numbers)), expected);
        }
    }

    #[test]
    fn a_title_that_ends_in_a_question_mark_takes_no_full_stop() {
        assert_eq!(super::sentence("Will it work?"), "Will it work?");
        assert_eq!(super::sentence("TRT World, 2025"), "TRT World, 2025.");
        assert_eq!(super::sentence("Vol. 2."), "Vol. 2.");
    }

    #[test]
    fn runs_of_three_or_more_are_joined() {
        assert_eq!(ranges(vec![3, 1, 2]), "1–3");
        assert_eq!(ranges(vec![1, 2, 4, 5, 6, 9]), "1, 2, 4–6, 9");
        assert_eq!(ranges(vec![2, 2]), "2");
    }
}
