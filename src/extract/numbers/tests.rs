use super::*;
use crate::extract::tokens::sentences;

/// Each number of `text` as (as written, low, high, shape), or the aside.
fn read_all(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for s in sentences(text) {
        let r = read(&s);
        for m in &r.mentions {
            let raw: Vec<&str> = s.tokens[m.first..=m.last]
                .iter()
                .map(|t| t.raw.as_str())
                .collect();
            let mut line = format!("{} = {}", raw.join(" "), m.low);
            if m.high > m.low {
                line.push_str(&format!("..{}", m.high));
            }
            line.push_str(&format!(" {}", m.shape.id()));
            if m.suspect.is_some() {
                line.push_str(" suspect");
            }
            out.push(line);
        }
        for (i, a) in &r.asides {
            out.push(format!("{} {a:?}", s.tokens[*i].raw));
        }
    }
    out
}

#[test]
fn shapes_of_numbers() {
    assert_eq!(
        read_all("one militant for every 8,000 people."),
        ["8,000 = 8000 one for every N"]
    );
    assert_eq!(
        read_all("a 12-to-one advantage"),
        ["12 - to-one = 12 N-to-one"]
    );
    assert_eq!(read_all("a 1:7 ratio"), ["1 : 7 = 7 N-to-one"]);
    assert_eq!(
        read_all("some 23.5 million people"),
        ["23.5 million = 23500000 quantity"]
    );
    assert_eq!(
        read_all("between 8 and 17 drones"),
        ["8 and 17 = 8..17 quantity"]
    );
    assert_eq!(
        read_all("five or six soldiers"),
        ["five or six = 5..6 quantity"]
    );
    assert_eq!(read_all("over 40% of deaths"), ["40 % = 40 percentage"]);
    // A range whose first figure shares the second's thousands (Factbook, CIA).
    assert_eq!(
        read_all("an estimated 35-40,000 active troops"),
        ["35 - 40,000 = 35000..40000 quantity"]
    );
    assert_eq!(read_all("men married by age 18"), ["18 Label"]);
    assert_eq!(read_all("nine times larger"), ["nine times = 9 multiple"]);
    assert_eq!(
        read_all("1.2 soldiers per 1,000 people"),
        ["1.2 soldiers per 1,000 = 1.2 N per 1,000"]
    );
    assert_eq!(read_all("a fifth of HTS"), ["a fifth = 0.2 fraction"]);
}

#[test]
fn damaged_and_ambiguous_numbers_are_suspect() {
    assert_eq!(
        read_all("some 6,0003 fighters"),
        ["6,0003 = 60003 quantity suspect"]
    );
    assert_eq!(
        read_all("some 8.000 fighters"),
        ["8.000 = 8 quantity suspect"]
    );
    let (_, why) = value("6,0003");
    assert!(why.unwrap().contains("6,000 then 3"));
}

#[test]
fn years_dates_notes_and_labels_are_set_aside() {
    assert_eq!(read_all("On 1 July 2025 it grew."), ["1 Date", "2025 Year"]);
    assert_eq!(
        read_all("see Table 2 and pages 12-14"),
        ["2 Label", "12 Label", "14 Label"]
    );
    assert_eq!(read_all("as noted.3 More"), ["3 Footnote"]);
    // Spans, ISO dates, times, model numbers; a note's marker after a sentence's end.
    assert_eq!(read_all("in 2020-21"), ["2020 Year", "21 Date"]);
    assert_eq!(
        read_all("on 2024-05-17 at 08:02"),
        ["2024 Year", "05 Date", "17 Date", "08 Date", "02 Date"]
    );
    assert_eq!(
        read_all("on 30-31 October 2020"),
        ["30 Date", "31 Date", "2020 Year"]
    );
    assert_eq!(
        read_all("two MiG-21 jets"),
        ["two = 2 quantity", "21 Label"]
    );
    assert_eq!(
        read_all("the twentieth such report. 3 It was prepared"),
        ["3 Footnote"]
    );
    // Counts of things no claim is about are read here and set aside by the reading
    // of what they count (extract::decide).
    assert_eq!(
        read_all("one of the groups; two groups"),
        ["one = 1 quantity", "two = 2 quantity"]
    );
    assert_eq!(read_all("the one that won"), Vec::<String>::new());
}

proptest::proptest! {
    /// Any whole number written with thousands separators reads back as itself, and is
    /// never suspect.
    #[test]
    fn grouped_numbers_read_back(n in 0u64..1_000_000_000_000, sep in proptest::sample::select(vec![',', ' '])) {
        let text = crate::numbers::grouped(n as f64, 0).replace(',', &sep.to_string());
        let (v, suspect) = value(&text);
        proptest::prop_assert_eq!(v, n as f64);
        proptest::prop_assert!(suspect.is_none(), "{text}");
    }

    /// Any text reads without a panic, and every number found lies inside its sentence.
    #[test]
    fn any_text_reads(text in "[ a-zA-Z0-9,.;:%'\\-\\n]{0,200}") {
        for s in sentences(&text) {
            let r = read(&s);
            for m in &r.mentions {
                proptest::prop_assert!(m.first <= m.last && m.last < s.tokens.len());
                proptest::prop_assert!(m.low <= m.high);
            }
        }
    }
}
