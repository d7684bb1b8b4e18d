//! The constructions real reports use, each on real sentences: documents of this
//! project's corpus (tests/corpus, openly licensed, in the repository) and of the
//! development corpus (../shared/corpus, read where it is, never copied; those cases are
//! skipped, saying so, when it is absent). Each sentence is found by its place in the
//! document (page:line:column as `extract` gives it) and must be drafted right or not
//! drafted as a claim of the model: a footnote marker is no figure, a share or a group the
//! data does not hold is out of the model, a reading the words leave open waits for a
//! person.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::util::Fixture;

/// What a statement must be read as: `aside` (no statement), a status (`events`,
/// `out-of-model`, `needs-reading`), or, for a mapped reading or one held back for a
/// person, its reading in short (`mali:soldiers.foreign:2022`).
struct Case {
    construction: &'static str,
    doc: &'static str,
    at: &'static str,
    number: &'static str,
    status: &'static str,
    reading: &'static str,
}

const fn case(
    construction: &'static str,
    doc: &'static str,
    at: &'static str,
    number: &'static str,
    status: &'static str,
    reading: &'static str,
) -> Case {
    Case {
        construction,
        doc,
        at,
        number,
        status,
        reading,
    }
}

const CASES: &[Case] = &[
    // Notes' markers fused to a number, or standing after a sentence's end.
    case(
        "note marker after a stop",
        "own:un-sg-isil20-2025/document.pdf",
        "p11",
        "9",
        "aside",
        "",
    ),
    case(
        "note marker after a stop",
        "shared:un-sg-isil21-2025/document.pdf",
        "p1",
        "3",
        "aside",
        "",
    ),
    case(
        "wiki citation fused to a number",
        "own:wiki-afghan-armed-forces-2019/document.md",
        "46:116",
        "195,000",
        "aside",
        "",
    ),
    case(
        "wiki citation fused to a number",
        "own:wiki-syrian-armed-forces-2019/document.md",
        "71:444",
        "100,000",
        "needs-reading",
        "needs-reading",
    ),
    case(
        "wiki citation fused to a number",
        "own:wiki-burkina-faso-armed-forces-2019/document.md",
        "53:76",
        "100",
        "aside",
        "",
    ),
    // Lists of counts.
    case(
        "coordinated counts",
        "shared:un-sg-isil21-2025/document.pdf",
        "p4:38:49",
        "6,700",
        "needs-reading",
        "needs-reading",
    ),
    case(
        "coordinated counts",
        "own:wiki-syrian-armed-forces-2019/document.md",
        "44:394",
        "60,000",
        "needs-reading",
        "needs-reading",
    ),
    // Fractions of one group: shares, out of the model.
    case(
        "a share of one group",
        "shared:un-mt35-2025/document.pdf",
        "p11:59:9",
        "half",
        "out-of-model",
        "out-of-model",
    ),
    case(
        "a share of one group",
        "shared:un-mt35-2025/document.pdf",
        "p20:61:15",
        "half",
        "out-of-model",
        "out-of-model",
    ),
    case(
        "a multiple of a country the data lacks",
        "shared:cia-wfb-mali-2026/document.json",
        "4:244",
        "twice",
        "aside",
        "",
    ),
    // Stated years govern; spans and dates are no values.
    case(
        "a year for a past figure",
        "own:wiki-afghan-armed-forces-2019/document.md",
        "22:696",
        "87,000",
        "needs-reading",
        "needs-reading",
    ),
    case(
        "a year span",
        "shared:wiki-sahel-insurgency-2022/document.md",
        "296:20",
        "3,300",
        "events",
        "events",
    ),
    case(
        "a span of days",
        "shared:wiki-boulikessi-2020/document.md",
        "13:13",
        "30",
        "aside",
        "",
    ),
    // Idioms.
    case(
        "the northern half of the country",
        "shared:cia-wfb-mali-2026/document.json",
        "1086:1487",
        "half",
        "aside",
        "",
    ),
    case(
        "one of the",
        "shared:un-mt35-2025/document.pdf",
        "p13",
        "one",
        "aside",
        "",
    ),
    // Forces that are not a national army.
    case(
        "peacekeepers of a mission",
        "shared:wiki-sahel-insurgency-2022/document.md",
        "217:21",
        "9,754",
        "needs-reading",
        "needs-reading",
    ),
    case(
        "foreign mercenaries",
        "shared:wiki-sahel-insurgency-2022/document.md",
        "344:85",
        "several hundred",
        "needs-reading",
        "mali:soldiers.foreign:2022",
    ),
    case(
        "volunteers recruited",
        "shared:un-unowas-2025/document.pdf",
        "p6:7:69",
        "80,000",
        "out-of-model",
        "out-of-model",
    ),
    case(
        "a regional stand-by force",
        "own:wiki-mali-war-2022/document.md",
        "1111:167",
        "2,000",
        "out-of-model",
        "out-of-model",
    ),
    case(
        "proposed troops",
        "own:wiki-mali-war-2022/document.md",
        "1154:508",
        "3,000",
        "out-of-model",
        "out-of-model",
    ),
    case(
        "Wagner mercenaries",
        "own:wiki-mali-war-2022/document.md",
        "1282:85",
        "several hundred",
        "needs-reading",
        "mali:soldiers.foreign:2022",
    ),
    case(
        "a foreign army's contingent",
        "own:wiki-mali-war-2022/document.md",
        "1257:109",
        "300",
        "needs-reading",
        "mali:soldiers.foreign:2020",
    ),
    case(
        "a national guard apart",
        "own:cia-wfb-niger-2026/document.json",
        "1087:87",
        "15-20,000",
        "needs-reading",
        "niger:soldiers.police:2025",
    ),
    case(
        "a planned force",
        "own:cia-wfb-niger-2026/document.json",
        "1088",
        "50,000",
        "aside",
        "",
    ),
    case(
        "a respectively list of contingents",
        "own:un-sg-somalia-2025/document.pdf",
        "p12:38:30",
        "165",
        "needs-reading",
        "needs-reading",
    ),
    // Name variants and groups the data does not hold.
    case(
        "Da'esh in Somalia",
        "shared:un-sg-isil21-2025/document.pdf",
        "p3:49:47",
        "600 to 800",
        "needs-reading",
        "is-somalia:fighters:2024",
    ),
    case(
        "a group the data does not hold",
        "shared:un-mt35-2025/document.pdf",
        "p7:54:40",
        "200",
        "out-of-model",
        "out-of-model",
    ),
    case(
        "JNIM under another spelling",
        "shared:wiki-sahel-insurgency-2022/document.md",
        "444:19",
        "Two",
        "events",
        "events",
    ),
    case(
        "JNIM under another spelling",
        "own:wiki-mali-war-2022/document.md",
        "1309:101",
        "5",
        "events",
        "events",
    ),
    case(
        "ISGS members killed",
        "own:wiki-mali-war-2022/document.md",
        "1035:62",
        "859",
        "events",
        "events",
    ),
    case(
        "killed in a span of months",
        "own:wiki-mali-war-2022/document.md",
        "809:24",
        "63",
        "events",
        "events",
    ),
    case(
        "killed in October-November",
        "own:wiki-mali-war-2022/document.md",
        "1314:53",
        "100",
        "events",
        "events",
    ),
    // Events: the counted number, partial periods, changes.
    case(
        "attacks since July",
        "shared:un-mt35-2025/document.pdf",
        "p8:43:12",
        "120",
        "events",
        "events",
    ),
    case(
        "deaths between April and June",
        "shared:un-unowas-2025/document.pdf",
        "p6:41:42",
        "250",
        "events",
        "events",
    ),
    case(
        "nearly doubled",
        "shared:un-mt35-2025/document.pdf",
        "p9:43:25",
        "doubled",
        "out-of-model",
        "out-of-model",
    ),
    // Ranges and vague counts.
    case(
        "35-40,000",
        "shared:cia-wfb-mali-2026/document.json",
        "1077:46",
        "35-40,000",
        "needs-reading",
        "mali:soldiers.armed-forces:2025",
    ),
    case(
        "a group's row with a tilde",
        "shared:wiki-sahel-insurgency-2022/document.md",
        "266:18",
        "500",
        "out-of-model",
        "out-of-model",
    ),
    case(
        "a few dozen to 500",
        "shared:un-mt35-2025/document.pdf",
        "p18:20:70",
        "dozen to 500",
        "out-of-model",
        "out-of-model",
    ),
    // Casualty words governing lists.
    case(
        "killing 2 soldiers and one contractor",
        "shared:wiki-sahel-insurgency-2022/document.md",
        "377:75",
        "2",
        "events",
        "events",
    ),
    case(
        "14 killed and 18 others wounded",
        "shared:wiki-sahel-insurgency-2022/document.md",
        "459:30",
        "14",
        "events",
        "events",
    ),
    case(
        "3 of 6 assailants also killed",
        "shared:wiki-sahel-insurgency-2022/document.md",
        "390:240",
        "3",
        "events",
        "events",
    ),
    // Counts of things outside the model.
    case(
        "a camp's population",
        "shared:un-mt35-2025/document.pdf",
        "p21",
        "35,000",
        "aside",
        "",
    ),
    case(
        "hostages",
        "shared:wiki-sahel-insurgency-2022/document.md",
        "376:154",
        "170",
        "out-of-model",
        "out-of-model",
    ),
    case(
        "aircraft",
        "shared:wiki-boulikessi-2020/document.md",
        "47:390",
        "two",
        "out-of-model",
        "out-of-model",
    ),
];

/// The document a case names, or none when the development corpus is absent.
fn document(doc: &str) -> Option<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (corpus, rest) = doc.split_once(':').unwrap();
    let path = match corpus {
        "own" => root.join("tests/corpus").join(rest),
        _ => root.join("../shared/corpus").join(rest),
    };
    path.is_file().then_some(path)
}

/// "p4:38:49", "296:20" or "p11" (a whole page) as (page, line, column).
fn place(at: &str) -> (Option<u64>, Option<u64>, Option<u64>) {
    let parts: Vec<&str> = at.split(':').collect();
    let page = parts[0].strip_prefix('p').map(|p| p.parse().unwrap());
    let rest: Vec<u64> = parts[usize::from(page.is_some())..]
        .iter()
        .map(|p| p.parse().unwrap())
        .collect();
    (page, rest.first().copied(), rest.get(1).copied())
}

#[test]
fn each_construction_is_read_right_or_left_to_a_person_on_real_sentences() {
    let fixture = Fixture::empty();
    let mut rows: HashMap<&str, Vec<Value>> = HashMap::new();
    let mut skipped = 0;
    let mut failures = Vec::new();
    for c in CASES {
        let Some(path) = document(c.doc) else {
            skipped += 1;
            continue;
        };
        let read = rows.entry(c.doc).or_insert_with(|| {
            let run = fixture.run(&["extract", path.to_str().unwrap(), "--format", "json"]);
            serde_json::from_str(run.ok()).expect("json")
        });
        let (page, line, column) = place(c.at);
        let found: Vec<&Value> = read
            .iter()
            .filter(|r| page.is_none_or(|p| r["page"].as_u64() == Some(p)))
            .filter(|r| line.is_none_or(|l| r["line"].as_u64() == Some(l)))
            .filter(|r| column.is_none_or(|k| r["column"].as_u64() == Some(k)))
            .filter(|r| r["number"].as_str() == Some(c.number))
            .collect();
        let got: Vec<(String, String)> = found
            .iter()
            .map(|r| {
                (
                    r["status"].as_str().unwrap().to_string(),
                    r["reading"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        let right = match c.status {
            "aside" => got.is_empty(),
            status => got.len() == 1 && got[0].0 == status && got[0].1 == c.reading,
        };
        if !right {
            failures.push(format!(
                "{} ({} {} \"{}\"): expected {} {}, got {got:?}",
                c.construction, c.doc, c.at, c.number, c.status, c.reading
            ));
        }
    }
    if skipped > 0 {
        eprintln!("skipped {skipped} cases: the development corpus (../shared/corpus) is absent");
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
