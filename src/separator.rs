//! The one rule for telling a CSV file's cell separator from its header line, for every
//! CSV the tool reads (event exports and dataset files alike): `,`, `;` (what European
//! spreadsheets save as "CSV") or tab, whichever splits the header into the most cells
//! outside quotes; a comma when none does. A file whose lines end in a carriage return
//! alone is refused by every reader alike.

/// The separator of the header line that starts `head` (the rest is not looked at).
pub(crate) fn sniff(head: &[u8]) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for &b in head {
        match b {
            b'"' => quoted = !quoted,
            b',' if !quoted => counts[0] += 1,
            b';' if !quoted => counts[1] += 1,
            b'\t' if !quoted => counts[2] += 1,
            b'\n' if !quoted => break,
            _ => {}
        }
    }
    let best = (0..3)
        .max_by_key(|&i| (counts[i], usize::from(i == 0)))
        .unwrap_or(0);
    [b',', b';', b'\t'][best]
}

/// How messages name a separator: "`,`", "`;`" or "tab".
pub(crate) fn name(separator: u8) -> String {
    match separator {
        b'\t' => "tab".to_string(),
        other => format!("`{}`", char::from(other)),
    }
}

/// Whether a file's lines end in a carriage return alone (an old Mac "CSV (Macintosh)"
/// save): a carriage return in its first 64 KB and no line feed. Such a file reads as one
/// line, so every reader refuses it with [`CR_ONLY`] rather than misread it.
pub(crate) fn cr_only(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(64 * 1024)];
    head.contains(&b'\r') && !head.contains(&b'\n')
}

/// What to do about a file whose lines end in a carriage return alone.
pub(crate) const CR_ONLY: (&str, &str) = (
    "its lines end in a carriage return alone (an old Mac \"CSV (Macintosh)\" save), so it reads as one line",
    "save it as CSV UTF-8 (line ends LF or CRLF), e.g. `tr '\\r' '\\n' < in.csv > out.csv`",
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_separator_is_told_from_the_header() {
        assert_eq!(sniff(b"id,year,side_a\n"), b',');
        assert_eq!(sniff(b"event_id_cnty;event_date;\"a,b\"\n"), b';');
        assert_eq!(sniff(b"id\tyear\tside_a\n"), b'\t');
        assert_eq!(sniff(b"one column\n"), b',');
        // Only the header counts: a later line full of semicolons does not.
        assert_eq!(sniff(b"group,year,note\njnim,2025,a;b;c;d\n"), b',');
        assert_eq!(name(b';'), "`;`");
        assert_eq!(name(b'\t'), "tab");
    }
}
