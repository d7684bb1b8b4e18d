//! A claim as its file writes it: the keys serde reads, and the claim a problem is
//! placed at. The bottom of the claim readers (`parse.rs`, `target.rs`, `bounds.rs`).

use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use crate::data::comparisons::locate;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawClaim {
    pub(super) id: Spanned<String>,
    pub(super) says: String,
    pub(super) stated: Spanned<RawStated>,
    #[serde(default)]
    pub(super) qualifier: Option<Spanned<String>>,
    #[serde(default)]
    pub(super) tolerance: Option<Spanned<f64>>,
    #[serde(default)]
    pub(super) comparison: Option<Spanned<String>>,
    #[serde(default)]
    pub(super) versus: Option<Spanned<String>>,
    #[serde(default)]
    pub(super) metric: Option<Spanned<String>>,
    #[serde(default)]
    pub(super) units: Option<Spanned<String>>,
    #[serde(default)]
    pub(super) entity: Option<Spanned<String>>,
    #[serde(default)]
    pub(super) quantity: Option<Spanned<String>>,
    #[serde(default)]
    pub(super) component: Option<Spanned<String>>,
    #[serde(default)]
    pub(super) year: Option<Spanned<i64>>,
    #[serde(default)]
    /// `"low"` for an estimate claim; `{ "taliban.fighters" = "low" }` for a metric claim.
    pub(super) bound: Option<Spanned<toml::Value>>,
    #[serde(default)]
    pub(super) requires: Option<Spanned<String>>,
    #[serde(default)]
    pub(super) reason: Option<String>,
    #[serde(default)]
    pub(super) events: Option<Spanned<RawEventQuery>>,
    /// `change = { from = 2022, to = 2025 }`: the claim states the factor by which its
    /// metric or estimate changed between the two years.
    #[serde(default)]
    pub(super) change: Option<Spanned<RawChange>>,
    /// Where a drafted claim stands in its document (`report.pdf:p4:12:40`).
    #[serde(default)]
    pub(super) at: Option<String>,
    /// How sure `extract` was of its reading, 0 to 1.
    #[serde(default)]
    pub(super) confidence: Option<f64>,
}

/// `events = { group = "jnim", country = "Mali", year = 2025, measure = "large_attacks" }`,
/// or `events = { countries = ["Mali", "Niger"], from = "2024-06", to = "2024-11",
/// measure = "fatalities" }` (every actor's).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawEventQuery {
    #[serde(default)]
    pub(super) group: Option<Spanned<String>>,
    #[serde(default)]
    pub(super) country: Option<String>,
    #[serde(default)]
    pub(super) countries: Option<Spanned<Vec<String>>>,
    #[serde(default)]
    pub(super) year: Option<Spanned<i64>>,
    #[serde(default)]
    pub(super) from: Option<Spanned<String>>,
    #[serde(default)]
    pub(super) to: Option<Spanned<String>>,
    pub(super) measure: Spanned<String>,
    #[serde(default)]
    pub(super) sub_event_type: Option<Spanned<String>>,
    #[serde(default)]
    pub(super) large: Option<u32>,
}

/// `change = { from = 2022, to = 2025 }`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawChange {
    pub(super) from: Spanned<i64>,
    pub(super) to: Spanned<i64>,
}

/// The `stated` key as TOML gives it: checked by `read_stated`, so that text or a
/// boolean where a number belongs gets a message about the claim, not about serde.
pub(super) type RawStated = toml::Value;

/// The claim a problem is placed at: its file, the file's text and the claim's index.
pub(super) struct Ctx<'a> {
    pub(super) file: &'a str,
    pub(super) text: &'a str,
    pub(super) index: usize,
}

impl Ctx<'_> {
    pub(super) fn at(&self, span: Range<usize>, key: &str) -> crate::error::Location {
        locate(
            self.file,
            self.text,
            span.start,
            &format!("claim[{}].{key}", self.index + 1),
        )
    }
}
