//! Reads claim files. serde rejects unknown fields; spans let every problem name the
//! file, line and TOML key; references are checked against the loaded data.

use serde::Deserialize;
use toml::Spanned;

use crate::data::comparisons::{locate, toml_problem};
use crate::data::dates::DataDate;
use crate::data::{Dataset, RowRef};
use crate::error::{choices_help, ids_help, Ids, Problem};

use super::raw::{Ctx, RawClaim, RawStated};
use super::{Claim, ClaimFile, Qualifier, Stated};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    document: RawDocument,
    #[serde(default)]
    claim: Vec<RawClaim>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDocument {
    /// An id in sources.csv ...
    #[serde(default)]
    source: Option<Spanned<String>>,
    /// ... or the document described here (as `extract` writes it).
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    publisher: Option<String>,
    /// Checked as the dataset's dates are (`crate::data::dates`).
    #[serde(default)]
    date: Option<Spanned<String>>,
    #[serde(default)]
    url: Option<String>,
}

/// Claim ids already seen in this run, with where: ids are unique across files.
pub(crate) type SeenIds = Vec<(String, String, usize)>;

pub(crate) fn read(
    file: &str,
    text: &str,
    data: &Dataset,
    seen: &mut SeenIds,
    problems: &mut Vec<Problem>,
) -> Option<ClaimFile> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let raw: RawFile = match toml::from_str(text) {
        Ok(raw) => raw,
        Err(err) => {
            problems.push(toml_problem(file, text, &err, "a claim file has a [document] table with `source`, then [[claim]] tables with id, says, stated and either comparison + metric, entity + quantity + year, or requires"));
            return None;
        }
    };
    let source = document_source(file, text, &raw.document, data, problems);
    document_date(file, text, &raw.document, problems);
    let mut claims = Vec::new();
    for (index, claim) in raw.claim.into_iter().enumerate() {
        let ctx = Ctx { file, text, index };
        if let Some(claim) = read_claim(&ctx, claim, data, seen, problems) {
            claims.push(claim);
        }
    }
    Some(ClaimFile {
        file: file.to_string(),
        source,
        claims,
    })
}

/// A document's `date`, when given, in a form the data's dates take.
fn document_date(file: &str, text: &str, document: &RawDocument, problems: &mut Vec<Problem>) {
    let Some(date) = &document.date else {
        return;
    };
    let value = date.get_ref().trim();
    if value.is_empty() {
        return;
    }
    if let Err(help) = DataDate::parse(value) {
        problems.push(
            Problem::new(
                format!("not a date: \"{value}\""),
                locate(file, text, date.span().start, "document.date"),
            )
            .help(help),
        );
    }
}

/// The document's name for outputs: its `source` id, checked against sources.csv, or
/// the title of a document the file describes itself.
fn document_source(
    file: &str,
    text: &str,
    document: &RawDocument,
    data: &Dataset,
    problems: &mut Vec<Problem>,
) -> String {
    let Some(source) = &document.source else {
        let _ = (&document.publisher, &document.date, &document.url);
        return match document.title.as_deref().map(str::trim) {
            Some(title) if !title.is_empty() => title.to_string(),
            _ => {
                problems.push(
                    Problem::new(
                        "the [document] table names no source and no title",
                        locate(file, text, 0, "document"),
                    )
                    .help("give source = \"ID\" (an id in sources.csv), or describe the document: title = \"...\" with publisher, date and url"),
                );
                String::new()
            }
        };
    };
    let id = source.get_ref().clone();
    if data.source(&id).is_none() {
        let ids: Vec<&str> = data.sources.iter().map(|s| s.id.as_str()).collect();
        problems.push(
            Problem::new(
                format!("unknown source \"{id}\""),
                locate(file, text, source.span().start, "document.source"),
            )
            .help(ids_help(&id, &ids, Ids::Sources)),
        );
    }
    id
}

/// One claim, checked; none when it has any problem (each one is reported).
fn read_claim(
    ctx: &Ctx,
    raw: RawClaim,
    data: &Dataset,
    seen: &mut SeenIds,
    problems: &mut Vec<Problem>,
) -> Option<Claim> {
    let before = problems.len();
    let id = raw.id.get_ref().clone();
    let line = ctx.at(raw.id.span(), "id").line.unwrap_or(1);
    note_id(ctx, &raw.id, line, seen, problems);
    let stated = read_stated(ctx, &raw.stated, problems);
    if let Some(Stated::One(v) | Stated::Range(v, _)) = stated {
        check_positive(ctx, &raw.stated, v, problems);
    }
    let qualifier = read_qualifier(ctx, raw.qualifier.as_ref(), problems);
    if let Some(t) = &raw.tolerance {
        check_tolerance(ctx, t, problems);
    }
    if let Some(c) = raw.confidence.filter(|c| !(0.0..=1.0).contains(c)) {
        problems.push(
            Problem::new(
                format!("confidence {c} is out of range"),
                ctx.at(raw.stated.span(), "confidence"),
            )
            .help("`extract` writes a confidence between 0 and 1; delete the key or correct it"),
        );
    }
    // `at` says where a drafted claim stands; outputs name the claim file's line.
    let _ = &raw.at;
    let change = read_change(ctx, &raw, problems);
    let target = super::target::target(ctx, &raw, data, change.map(|c| c.to), problems);
    if let (Some(_), Some(target)) = (change, &target) {
        if !matches!(
            target,
            super::Target::Metric { versus: None, bounds, .. } if bounds.is_empty()
        ) && !matches!(target, super::Target::Estimate { .. })
        {
            let at = raw.change.as_ref().map_or(0, |c| c.span().start);
            problems.push(
                Problem::new(
                    "a change is checked for a metric of one comparison or for an estimate",
                    ctx.at(at..at, "change"),
                )
                .help(
                    "give comparison and metric (without versus or bound), or entity and quantity",
                ),
            );
        }
    }
    if problems.len() > before {
        return None;
    }
    Some(Claim {
        id,
        says: raw.says,
        stated: stated?,
        qualifier: qualifier?,
        tolerance: raw.tolerance.map(Spanned::into_inner),
        target: target?,
        at: RowRef::new(ctx.file, line),
        confidence: raw.confidence,
        change,
    })
}

/// The `change` key: two years, the earlier first.
fn read_change(ctx: &Ctx, raw: &RawClaim, problems: &mut Vec<Problem>) -> Option<super::Between> {
    let change = raw.change.as_ref()?.get_ref();
    let year = |y: &Spanned<i64>, key: &str, problems: &mut Vec<Problem>| {
        let value = *y.get_ref();
        if (1900..=2100).contains(&value) {
            Some(value as i32)
        } else {
            problems.push(
                Problem::new(format!("not a year: {value}"), ctx.at(y.span(), key))
                    .help("write a four-digit year, e.g. change = { from = 2022, to = 2025 }"),
            );
            None
        }
    };
    let from = year(&change.from, "change.from", problems);
    let to = year(&change.to, "change.to", problems);
    let (from, to) = (from?, to?);
    if from >= to {
        problems.push(
            Problem::new(
                format!("change from {from} to {to}: the first year must be the earlier"),
                ctx.at(change.from.span(), "change.from"),
            )
            .help("write change = { from = EARLIER, to = LATER } and state the factor from the earlier to the later"),
        );
        return None;
    }
    Some(super::Between { from, to })
}

/// Records a claim id as seen at `line`, or reports that it is used twice.
fn note_id(
    ctx: &Ctx,
    id: &Spanned<String>,
    line: usize,
    seen: &mut SeenIds,
    problems: &mut Vec<Problem>,
) {
    let text = id.get_ref();
    if let Some((_, file, first)) = seen.iter().find(|(seen_id, _, _)| seen_id == text) {
        problems.push(
            Problem::new(
                format!("claim id \"{text}\" is used twice"),
                ctx.at(id.span(), "id"),
            )
            .help(format!(
                "it is already used at {file}:{first}; give each claim its own id"
            )),
        );
    } else {
        seen.push((text.clone(), ctx.file.to_string(), line));
    }
}

/// The `stated` key: one number, or a range of two in order.
fn read_stated(
    ctx: &Ctx,
    stated: &Spanned<RawStated>,
    problems: &mut Vec<Problem>,
) -> Option<Stated> {
    let at = || ctx.at(stated.span(), "stated");
    let values = match stated_numbers(ctx, stated) {
        Ok(values) => values,
        Err((message, help)) => {
            problems.push(Problem::new(message, at()).help(help));
            return None;
        }
    };
    if let Some(bad) = values.iter().find(|v| !v.is_finite()) {
        problems.push(
            Problem::new(
                format!("stated value {bad} is not a finite number"),
                at(),
            )
            .help("write the number the document states, e.g. stated = 8000; nan and inf are not figures"),
        );
        return None;
    }
    let range = matches!(stated.get_ref(), RawStated::Array(_));
    match values.as_slice() {
        [value] if !range => Some(Stated::One(*value)),
        [low, high] if low <= high => Some(Stated::Range(*low, *high)),
        [low, high] => {
            problems.push(
                Problem::new(
                    format!("range given in the wrong order: [{low}, {high}]"),
                    at(),
                )
                .help(format!("write the lower bound first: [{high}, {low}]")),
            );
            None
        }
        _ => {
            problems.push(
                Problem::new("a stated range needs exactly two numbers", at())
                    .help("write one number, e.g. stated = 8000, or a range, e.g. stated = [5, 6]"),
            );
            None
        }
    }
}

/// The numbers of `stated`, or a message and help saying what is wrong and what to
/// write: text where a number belongs, or a number written the ambiguous way.
fn stated_numbers(ctx: &Ctx, stated: &Spanned<RawStated>) -> Result<Vec<f64>, (String, String)> {
    // The literal as written: TOML reads `7.000` as 7, which may have meant 7000.
    let written = ctx.text.get(stated.span()).unwrap_or_default().trim();
    let one = |value: &toml::Value, written: &str| -> Result<f64, (String, String)> {
        match value {
            toml::Value::Integer(i) => Ok(*i as f64),
            toml::Value::Float(f) => match crate::data::cells::ambiguous(written) {
                Some(help) => Err((format!("an ambiguous number: {written}"), help)),
                None => Ok(*f),
            },
            toml::Value::String(text) => {
                let help = match crate::data::cells::ambiguous(text.trim()) {
                    Some(how) => format!("{how}; without quotes, e.g. stated = 8000"),
                    None => "write the number without quotes and in plain digits, e.g. stated = 8000; put \"about\" or \"more than\" in `qualifier` and a range as stated = [5, 6]".to_string(),
                };
                Err((format!("stated is text, \"{text}\", where a number belongs"), help))
            }
            other => Err((
                format!("stated is {} {other}, where a number belongs", article(other)),
                "write the number the document states, e.g. stated = 8000, or a range, e.g. stated = [5, 6]".to_string(),
            )),
        }
    };
    match stated.get_ref() {
        toml::Value::Array(items) => {
            let inner = written.trim_start_matches('[').trim_end_matches(']');
            let pieces: Vec<&str> = inner.split(',').map(str::trim).collect();
            items
                .iter()
                .enumerate()
                .map(|(i, item)| {
                    // A written piece is only trusted when the split matches the items.
                    let piece = if pieces.len() == items.len() {
                        pieces[i]
                    } else {
                        ""
                    };
                    one(item, piece)
                })
                .collect()
        }
        value => one(value, written).map(|v| vec![v]),
    }
}

fn article(value: &toml::Value) -> &'static str {
    match value {
        toml::Value::Boolean(_) => "the boolean",
        toml::Value::Datetime(_) => "the date",
        _ => "the table",
    }
}

/// Reports a stated value (a range's lower bound) that is not greater than zero.
fn check_positive(ctx: &Ctx, stated: &Spanned<RawStated>, v: f64, problems: &mut Vec<Problem>) {
    if v <= 0.0 {
        problems.push(
            Problem::new(
                format!("stated value {v} is not positive"),
                ctx.at(stated.span(), "stated"),
            )
            .help("claims state counts and ratios, which are greater than zero"),
        );
    }
}

/// The `qualifier` key; none when absent.
fn read_qualifier(
    ctx: &Ctx,
    qualifier: Option<&Spanned<String>>,
    problems: &mut Vec<Problem>,
) -> Option<Qualifier> {
    match qualifier {
        None => Some(Qualifier::None),
        Some(q) => Qualifier::parse(q.get_ref()).or_else(|| {
            let ids: Vec<&str> = Qualifier::ALL.iter().map(|q| q.id()).collect();
            problems.push(
                Problem::new(
                    format!("unknown qualifier \"{}\"", q.get_ref()),
                    ctx.at(q.span(), "qualifier"),
                )
                .help(choices_help(q.get_ref(), &ids)),
            );
            None
        }),
    }
}

/// Reports a `tolerance` that is not a fraction strictly between 0 and 1.
fn check_tolerance(ctx: &Ctx, t: &Spanned<f64>, problems: &mut Vec<Problem>) {
    if !(*t.get_ref() > 0.0 && *t.get_ref() < 1.0) {
        problems.push(
            Problem::new(
                if t.get_ref().is_finite() {
                    format!("tolerance {} is out of range", t.get_ref())
                } else {
                    format!("tolerance {} is not a finite number", t.get_ref())
                },
                ctx.at(t.span(), "tolerance"),
            )
            .help("write a fraction between 0 and 1, e.g. tolerance = 0.05 for ±5%"),
        );
    }
}
