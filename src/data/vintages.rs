//! Releases of one publication: two sources with the same `url` are releases of one
//! publication (World Bank vintages, Factbook editions), and an older release is not an
//! independent source. Where rows of both give the same figure, the newest release
//! replaces the older ones in a pool, and the outputs say so.

use super::model::{Dataset, Row};

/// The row of the newest release of `row`'s publication among `rows`, when it is newer
/// than `row`'s own: the row that replaces `row`.
pub(crate) fn replaced_by<'a>(data: &Dataset, row: &Row, rows: &[&'a Row]) -> Option<&'a Row> {
    let (url, published) = release(data, row)?;
    rows.iter()
        .copied()
        .filter(|other| release(data, other).is_some_and(|(u, p)| u == url && p > published))
        .max_by(|a, b| release(data, a).cmp(&release(data, b)))
}

/// The publication's url (without a trailing slash) and the release's date, as written
/// (ISO dates and years order as text).
fn release<'a>(data: &'a Dataset, row: &Row) -> Option<(&'a str, &'a str)> {
    let source = data.source(&row.source)?;
    let url = source.url.trim().trim_end_matches('/');
    let published = source.published.trim();
    (!url.is_empty() && !published.is_empty()).then_some((url, published))
}

/// Whether two rows come from releases of one publication (the same `url`).
pub(crate) fn same_publication(data: &Dataset, a: &Row, b: &Row) -> bool {
    match (release(data, a), release(data, b)) {
        (Some((ua, _)), Some((ub, _))) => ua == ub,
        _ => false,
    }
}

/// The rows of `rows` no newer release among them replaces, in their order.
pub(crate) fn newest<'a>(data: &Dataset, rows: &[&'a Row]) -> Vec<&'a Row> {
    rows.iter()
        .copied()
        .filter(|r| replaced_by(data, r, rows).is_none())
        .collect()
}
