//! The drafted claims as a claim file in exactly the format `check` reads: a header with
//! the summary line, a `[document]` table that describes the document itself, and one
//! `[[claim]]` per statement with where it stands, the sentence, how sure the reading is,
//! the words that set its qualifier, and the alternatives in comments.

use crate::claims::{Qualifier, Stated, Target};
use crate::numbers::grouped;
use crate::output::CLAIMS_MARKER;

use crate::extract::readings::Candidate;
use crate::extract::{Extraction, Statement, Status};

/// A TOML string literal.
fn quoted(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// A stated number as TOML: `8200`, `9.6`, `[5, 6]`.
pub(crate) fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        let s = format!("{v}");
        if s.contains('.') || s.contains('e') {
            s
        } else {
            format!("{s}.0")
        }
    }
}

pub(crate) fn stated(s: Stated) -> String {
    match s {
        Stated::One(v) => number(v),
        Stated::Range(a, b) => format!("[{}, {}]", number(a), number(b)),
    }
}

/// The keys that say what a reading is about, on one line.
pub(crate) fn target_keys(target: &Target) -> String {
    match target {
        Target::Metric {
            comparison,
            versus,
            metric,
            units,
            bounds,
        } => {
            let mut s = format!("comparison = {}", quoted(comparison));
            if let Some(v) = versus {
                s.push_str(&format!(", versus = {}", quoted(v)));
            }
            s.push_str(&format!(", metric = {}", quoted(metric.id())));
            if *units == crate::units::Units::Metric {
                s.push_str(", units = \"metric\"");
            }
            if !bounds.is_empty() {
                let each: Vec<String> = bounds
                    .iter()
                    .map(|b| {
                        format!(
                            "{} = {}",
                            quoted(&format!("{}.{}", b.entity, b.quantity.id())),
                            quoted(b.bound.id())
                        )
                    })
                    .collect();
                s.push_str(&format!(", bound = {{ {} }}", each.join(", ")));
            }
            s
        }
        Target::Estimate {
            entity,
            quantity,
            component,
            year,
            bound,
        } => {
            let mut s = format!(
                "entity = {}, quantity = {}",
                quoted(entity),
                quoted(quantity.id())
            );
            if let Some(c) = component {
                s.push_str(&format!(", component = {}", quoted(c)));
            }
            s.push_str(&format!(", year = {year}"));
            if *bound != crate::claims::Bound::Central {
                s.push_str(&format!(", bound = {}", quoted(bound.id())));
            }
            s
        }
        Target::Unverifiable { requires, .. } => format!("requires = {}", quoted(requires.id())),
    }
}

/// A reading's keys as a claim file writes them on one line; a change claim's estimate
/// gives its years in `change`, not `year`.
pub(crate) fn candidate_keys(c: &Candidate) -> String {
    let keys = target_keys(&c.target);
    match c.change {
        None => keys,
        Some(b) => {
            let kept: Vec<&str> = keys
                .split(", ")
                .filter(|k| !k.starts_with("year = "))
                .collect();
            format!(
                "{}, change = {{ from = {}, to = {} }}",
                kept.join(", "),
                b.from,
                b.to
            )
        }
    }
}

/// The claim id a reading suggests: what it is about.
fn slug(target: &Target) -> String {
    match target {
        Target::Metric {
            comparison,
            versus,
            metric,
            ..
        } => match versus {
            Some(v) => format!("{comparison}-vs-{v}-{}", metric.id().replace('_', "-")),
            None => format!("{comparison}-{}", metric.id().replace('_', "-")),
        },
        Target::Estimate {
            entity,
            quantity,
            year,
            ..
        } => format!("{entity}-{}-{year}", quantity.id()),
        Target::Unverifiable { requires, .. } => requires.id().to_string(),
    }
}

/// How a candidate's value compares: "computes 8,212 (+0.1%)".
pub(crate) fn computes(c: &Candidate, stated: Stated) -> String {
    let Some(v) = c.computed else {
        return "computes nothing".into();
    };
    let mid = match stated {
        Stated::One(x) => x,
        Stated::Range(a, b) => (a + b) / 2.0,
    };
    let shown = if v.abs() >= 100.0 {
        grouped(v, 0)
    } else {
        crate::numbers::readable(v)
    };
    format!("computes {shown} ({:+.1}%)", (v - mid) / mid * 100.0)
}

/// `text` as TOML comment lines within 80 columns.
fn comment(text: &str) -> String {
    let mut out = String::new();
    let mut line = String::from("#");
    for word in text.split_whitespace() {
        if line.len() + 1 + word.len() > 80 && line.len() > 1 {
            out.push_str(&line);
            out.push('\n');
            line = String::from("#");
        }
        line.push(' ');
        line.push_str(word);
    }
    out.push_str(&line);
    out.push('\n');
    out
}

/// The claim file for an extraction.
pub(crate) fn toml(x: &Extraction) -> String {
    commented_safely(&toml_text(x))
}

/// The claim file with every control character outside a quoted string (where TOML
/// escapes them) made visible as `<U+001B>`: TOML allows none in a comment, and a
/// terminal would act on them. Tabs and line breaks stay.
fn commented_safely(text: &str) -> String {
    if !text
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
    {
        return text.to_string();
    }
    text.chars()
        .map(|c| {
            if c.is_control() && c != '\n' && c != '\t' {
                format!("<U+{:04X}>", c as u32)
            } else {
                c.to_string()
            }
        })
        .collect()
}

fn toml_text(x: &Extraction) -> String {
    let doc = &x.document;
    let mut out = String::new();
    out.push_str(&format!(
        "{CLAIMS_MARKER} from {} ({}",
        doc.name,
        doc.kind.id()
    ));
    if doc.kind == crate::extract::read::Kind::Pdf {
        out.push_str(&format!(
            ", {} page{}",
            doc.pages,
            if doc.pages == 1 { "" } else { "s" }
        ));
    }
    out.push_str(")\n");
    out.push_str(&comment(&x.summary().line()));
    out.push_str(
        "# Drafted, not confirmed: read each claim against its sentence, correct what the\n",
    );
    out.push_str(
        "# reading got wrong (an alternative, the qualifier), then run `insurgency-metrics\n",
    );
    out.push_str(&format!(
        "# check` on this file. Hedges: {}.\n\n",
        x.hedges_from
    ));
    out.push_str("[document]\n");
    out.push_str(&format!(
        "title = {}\n",
        quoted(doc.title.as_deref().unwrap_or(&doc.name))
    ));
    out.push_str("# publisher = \"\"\n# date = \"\"           # YYYY-MM-DD\n# url = \"\"\n");
    let mut ids = Ids::default();
    for s in &x.statements {
        out.push('\n');
        out.push_str(&claim(s, &doc.name, &mut ids));
    }
    out
}

/// Whether a statement becomes a `[[claim]]` (a suspect number, or one not above zero,
/// stays a comment).
pub(crate) fn drafted(s: &Statement) -> bool {
    let positive = match s.stated {
        Stated::One(v) | Stated::Range(v, _) => v > 0.0,
    };
    positive && !matches!(s.status, Status::Suspect { .. })
}

/// One statement as a `[[claim]]` (or, when suspect, as comments).
/// The claim ids given so far, and for each base the next suffix to try: unique ids in
/// time linear in the claims, however many share a line.
#[derive(Default)]
struct Ids {
    given: std::collections::HashSet<String>,
    next: std::collections::HashMap<String, usize>,
}

impl Ids {
    /// `base`, or `base-2`, `base-3` ... the first not given yet.
    fn unique(&mut self, base: String) -> String {
        let n = self.next.entry(base.clone()).or_insert(1);
        loop {
            let id = if *n == 1 {
                base.clone()
            } else {
                format!("{base}-{n}")
            };
            *n += 1;
            if self.given.insert(id.clone()) {
                return id;
            }
        }
    }
}

fn claim(s: &Statement, file: &str, ids: &mut Ids) -> String {
    let at = s.at.display(file);
    let one_line = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = format!(
        "# {at}: \"{}\" read as {} · {}\n",
        one_line(&s.number),
        s.shape.id(),
        s.status.id()
    );
    let line = match s.at.page {
        0 => format!("l{}", s.at.line),
        p => format!("p{p}-l{}", s.at.line),
    };
    let positive = match s.stated {
        Stated::One(v) | Stated::Range(v, _) => v > 0.0,
    };
    if let Status::Suspect { why } = &s.status {
        out.push_str(&format!(
            "# suspect, not drafted: {}\n# says: {}\n",
            one_line(why),
            one_line(&s.says)
        ));
        return out;
    }
    if !positive {
        out.push_str(&format!(
            "# not drafted: claims state numbers above zero\n# says: {}\n",
            one_line(&s.says)
        ));
        return out;
    }
    let base = match &s.status {
        Status::Mapped { best, .. } => slug(&best.target),
        Status::NeedsReading { .. } => "needs-reading".into(),
        Status::Events { .. } => "events".into(),
        _ => "out-of-model".into(),
    };
    let id = ids.unique(format!("{base}-{line}"));
    out.push_str("[[claim]]\n");
    out.push_str(&format!(
        "id = {}\nsays = {}\nat = {}\n",
        quoted(&id),
        quoted(&s.says),
        quoted(&at)
    ));
    match &s.status {
        Status::Mapped { best, .. } => {
            for key in target_keys(&best.target).split(", ") {
                // A change claim's estimate is of `change.to`: its years say both.
                if best.change.is_some() && key.starts_with("year = ") {
                    continue;
                }
                out.push_str(key);
                out.push('\n');
            }
            if let Some(c) = best.change {
                out.push_str(&format!(
                    "change = {{ from = {}, to = {} }}\n",
                    c.from, c.to
                ));
            }
        }
        Status::Events { reason, query } => {
            out.push_str(&format!(
                "requires = \"events\"\nreason = {}\n",
                quoted(reason)
            ));
            if let Some(q) = query {
                out.push_str(&format!("events = {q}\n"));
            }
        }
        Status::OutOfModel { reason } => out.push_str(&format!(
            "requires = \"out-of-model\"\nreason = {}\n",
            quoted(reason)
        )),
        Status::NeedsReading { why, .. } => out.push_str(&format!(
            "requires = \"reading\"\nreason = {}\n",
            quoted(why)
        )),
        Status::Suspect { .. } => {}
    }
    out.push_str(&format!("stated = {}\n", stated(s.stated)));
    if s.qualifier != Qualifier::None {
        let words = s.hedge.as_deref().unwrap_or_default();
        out.push_str(&format!(
            "qualifier = {}   # set by \"{words}\"\n",
            quoted(s.qualifier.id())
        ));
    }
    let computed = match &s.status {
        Status::Mapped { best, .. } => format!("; {}", computes(best, s.stated)),
        _ => String::new(),
    };
    if s.evidence != crate::extract::confidence::Evidence::Open {
        out.push_str(&format!(
            "confidence = {:.2}   # {}{computed}\n",
            s.confidence,
            s.evidence.id()
        ));
    }
    if matches!(s.status, Status::Mapped { .. }) && s.confidence < crate::claims::VERDICT_CONFIDENCE
    {
        out.push_str(&format!(
            "# below {:.2}: `check` gives no verdict until a person confirms the reading (confidence = 1)\n",
            crate::claims::VERDICT_CONFIDENCE
        ));
    }
    if let Some(note) = &s.note {
        out.push_str(&format!("# note: {note}\n"));
    }
    let alternatives = match &s.status {
        Status::Mapped { alternatives, .. } | Status::NeedsReading { alternatives, .. } => {
            alternatives.as_slice()
        }
        _ => &[],
    };
    if !alternatives.is_empty() {
        out.push_str("# the words allow:\n");
        for a in alternatives {
            out.push_str(&format!(
                "#   {}   # {}\n",
                candidate_keys(a),
                computes(a, s.stated)
            ));
        }
    }
    out
}
