//! Reads `comparisons.toml`. serde rejects unknown keys; spans let every problem,
//! including a reference to an unknown id, name the line, column and key.

use std::collections::BTreeMap;
use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use crate::error::{choices_help, Location, Problem};

use super::cells::is_kebab_id;
use super::model::{Comparison, Quantity, RowRef, YearRule};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    comparison: Vec<RawComparison>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawComparison {
    id: Spanned<String>,
    label: String,
    group: Spanned<String>,
    countries: Spanned<Vec<Spanned<String>>>,
    /// A year, or "latest" (checked by `read_year`, so that a wrong value gets a message
    /// about the key, not about serde).
    year: Spanned<toml::Value>,
    soldiers: Spanned<Vec<Spanned<String>>>,
    #[serde(default)]
    sources: Option<Spanned<BTreeMap<String, Spanned<String>>>>,
    #[serde(default)]
    note: String,
}

/// A comparison with the spans of its references, checked against the tables later.
pub(crate) struct Parsed {
    pub(crate) comparison: Comparison,
    pub(crate) spans: Spans,
}

pub(crate) struct Spans {
    pub(crate) group: Range<usize>,
    pub(crate) year: Range<usize>,
    pub(crate) countries: Vec<Range<usize>>,
    pub(crate) soldiers: Vec<Range<usize>>,
    pub(crate) sources: Vec<(Quantity, Range<usize>)>,
}

/// Turns a byte offset into a location naming `key`. The line starts of the last text
/// asked about are kept, so locating every key of a file is linear in its size, not
/// quadratic.
pub(crate) fn locate(file: &str, text: &str, offset: usize, key: &str) -> Location {
    thread_local! {
        static STARTS: std::cell::RefCell<(usize, usize, Vec<usize>)> =
            const { std::cell::RefCell::new((0, 0, Vec::new())) };
    }
    let offset = offset.min(text.len());
    let start = STARTS.with(|cell| {
        let mut cached = cell.borrow_mut();
        let id = (text.as_ptr() as usize, text.len());
        if (cached.0, cached.1) != id || cached.2.is_empty() {
            let mut starts = vec![0];
            starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
            *cached = (id.0, id.1, starts);
        }
        let line = cached.2.partition_point(|&s| s <= offset);
        (line, cached.2[line - 1])
    });
    let (line, line_start) = start;
    let column = 1 + text
        .get(line_start..offset)
        .map_or(0, |s| s.chars().count());
    Location::key(file, line, column, key)
}

pub(crate) fn read(file: &str, text: &str, problems: &mut Vec<Problem>) -> Vec<Parsed> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let parsed: File = match toml::from_str(text) {
        Ok(parsed) => parsed,
        Err(err) => {
            problems.push(toml_problem(
                file,
                text,
                &err,
                "each comparison is a [[comparison]] table with id, label, group, countries, year and soldiers, and optional sources and note",
            ));
            return Vec::new();
        }
    };
    let mut out: Vec<Parsed> = Vec::new();
    // Where each id was first defined: a repeat is found without scanning them all.
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (index, raw) in parsed.comparison.into_iter().enumerate() {
        let ctx = Ctx { file, text, index };
        let first = seen.get(raw.id.get_ref()).map(|&i| &out[i]);
        let comparison = read_comparison(&ctx, raw, first, problems);
        seen.entry(comparison.comparison.id.clone())
            .or_insert(out.len());
        out.push(comparison);
    }
    if out.is_empty() && problems.is_empty() {
        problems.push(
            Problem::new("no comparisons defined", Location::file(file)).help(
                "add a [[comparison]] table with id, label, group, countries, year and soldiers",
            ),
        );
    }
    out
}

/// Where one `[[comparison]]` table is: its file, the file's text and its index.
struct Ctx<'a> {
    file: &'a str,
    text: &'a str,
    index: usize,
}

impl Ctx<'_> {
    /// The location of a key of this comparison.
    fn at(&self, span: Range<usize>, name: &str) -> Location {
        locate(
            self.file,
            self.text,
            span.start,
            &format!("comparison[{}].{name}", self.index + 1),
        )
    }
}

/// One comparison table, with every problem in it reported; `first` is an earlier one
/// with the same id.
fn read_comparison(
    ctx: &Ctx,
    raw: RawComparison,
    first: Option<&Parsed>,
    problems: &mut Vec<Problem>,
) -> Parsed {
    let id = raw.id.get_ref().clone();
    check_id(ctx, &raw.id, first, problems);
    let (year, year_rule) = read_year(ctx, &raw.year, problems);
    check_lists(ctx, &raw, problems);
    let sources = read_sources(ctx, raw.sources.as_ref(), problems);
    let line = locate(ctx.file, ctx.text, raw.id.span().start, "")
        .line
        .unwrap_or(1);
    let mut keys: Vec<(String, Location)> = [
        ("id", raw.id.span().start),
        ("group", raw.group.span().start),
        ("countries", raw.countries.span().start),
        ("year", raw.year.span().start),
        ("soldiers", raw.soldiers.span().start),
    ]
    .into_iter()
    .map(|(key, at)| (key.to_string(), locate(ctx.file, ctx.text, at, key)))
    .collect();
    for (quantity, span) in &sources.spans {
        let key = format!("sources.{quantity}");
        let at = locate(ctx.file, ctx.text, span.start, &key);
        keys.push((key, at));
    }
    let spans = Spans {
        group: raw.group.span(),
        year: raw.year.span(),
        countries: raw.countries.get_ref().iter().map(Spanned::span).collect(),
        soldiers: raw.soldiers.get_ref().iter().map(Spanned::span).collect(),
        sources: sources.spans,
    };
    Parsed {
        comparison: Comparison {
            id,
            label: raw.label,
            group: raw.group.into_inner(),
            countries: unspanned(raw.countries),
            year,
            year_rule,
            soldiers: unspanned(raw.soldiers),
            sources: sources.by_quantity,
            note: raw.note,
            at: RowRef::new(ctx.file, line),
            keys,
        },
        spans,
    }
}

/// The year a comparison is set to, or `latest` (its year is then found once the
/// estimates are loaded: see `years::latest_shared`).
fn read_year(
    ctx: &Ctx,
    raw: &Spanned<toml::Value>,
    problems: &mut Vec<Problem>,
) -> (i32, YearRule) {
    const HELP: &str = "write a four-digit year, e.g. year = 2025, or year = \"latest\" for the latest year the comparison's estimates share";
    let shown = match raw.get_ref() {
        toml::Value::Integer(year) if (1900..=2100).contains(year) => {
            return (*year as i32, YearRule::Set)
        }
        toml::Value::String(text) if text == "latest" => {
            return (0, YearRule::Latest { why: String::new() })
        }
        toml::Value::String(text) => format!("\"{text}\""),
        other => other.to_string(),
    };
    problems
        .push(Problem::new(format!("not a year: {shown}"), ctx.at(raw.span(), "year")).help(HELP));
    (1900, YearRule::Set)
}

/// Reports an id that is not kebab-case or that an earlier comparison already uses.
fn check_id(
    ctx: &Ctx,
    raw_id: &Spanned<String>,
    first: Option<&Parsed>,
    problems: &mut Vec<Problem>,
) {
    let id = raw_id.get_ref();
    if !is_kebab_id(id) {
        problems.push(Problem::new(format!("not a valid id: \"{id}\""), ctx.at(raw_id.span(), "id")).help("ids are lower-case letters and digits joined by single hyphens, e.g. \"jnim-sahel\""));
    }
    if let Some(first) = first {
        problems.push(
            Problem::new(
                format!("comparison id \"{id}\" is used twice"),
                ctx.at(raw_id.span(), "id"),
            )
            .help(format!(
                "it is already defined at line {}; give each comparison its own id",
                first.comparison.at.line
            )),
        );
    }
}

/// Reports an empty list of countries or of soldier components.
fn check_lists(ctx: &Ctx, raw: &RawComparison, problems: &mut Vec<Problem>) {
    if raw.countries.get_ref().is_empty() {
        problems.push(
            Problem::new(
                "no countries listed",
                ctx.at(raw.countries.span(), "countries"),
            )
            .help("list at least one country id, e.g. countries = [\"mali\"]"),
        );
    }
    if raw.soldiers.get_ref().is_empty() {
        problems.push(
            Problem::new(
                "no soldier components listed",
                ctx.at(raw.soldiers.span(), "soldiers"),
            )
            .help("say which forces count as soldiers, e.g. soldiers = [\"armed-forces\"]"),
        );
    }
}

/// The sources a comparison names, by quantity, with the span of each.
struct NamedSources {
    by_quantity: BTreeMap<Quantity, String>,
    spans: Vec<(Quantity, Range<usize>)>,
}

/// The sources a comparison names per quantity, and their spans; unknown quantities
/// are reported and left out.
fn read_sources(
    ctx: &Ctx,
    named: Option<&Spanned<BTreeMap<String, Spanned<String>>>>,
    problems: &mut Vec<Problem>,
) -> NamedSources {
    let mut sources = NamedSources {
        by_quantity: BTreeMap::new(),
        spans: Vec::new(),
    };
    let Some(named) = named else {
        return sources;
    };
    for (quantity, source) in named.get_ref() {
        match Quantity::parse(quantity) {
            Some(q) => {
                sources.by_quantity.insert(q, source.get_ref().clone());
                sources.spans.push((q, source.span()));
            }
            None => problems.push(
                Problem::new(
                    format!("unknown quantity \"{quantity}\" in sources"),
                    ctx.at(named.span(), "sources"),
                )
                .help(choices_help(
                    quantity,
                    &["fighters", "soldiers", "population", "area"],
                )),
            ),
        }
    }
    sources
}

/// A list of spanned strings as plain strings.
fn unspanned(list: Spanned<Vec<Spanned<String>>>) -> Vec<String> {
    list.into_inner()
        .into_iter()
        .map(Spanned::into_inner)
        .collect()
}

/// A TOML parse error as a problem naming the line, column and key.
pub(crate) fn toml_problem(file: &str, text: &str, err: &toml::de::Error, help: &str) -> Problem {
    let offset = err.span().map_or(0, |span| span.start);
    let key = key_near(text, offset, err.message());
    let message = err.message().trim().replace('\n', " ");
    Problem::new(
        format!("invalid TOML: {message}"),
        locate(file, text, offset, &key),
    )
    .help(help)
}

/// The key a TOML error is about: the one named in the message, else the key on its line.
fn key_near(text: &str, offset: usize, message: &str) -> String {
    let names_a_key = ["unknown field", "missing field", "duplicate key"]
        .iter()
        .any(|m| message.contains(m));
    if let Some(named) = message.split('`').nth(1).filter(|_| names_a_key) {
        return named.to_string();
    }
    let line_start = text[..offset.min(text.len())]
        .rfind('\n')
        .map_or(0, |i| i + 1);
    let line = text[line_start..].lines().next().unwrap_or("");
    match line.split_once('=') {
        Some((key, _)) => key.trim().to_string(),
        None => line.trim().to_string(),
    }
}
