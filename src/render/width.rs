//! Plain text at the terminal's width: the tool's 80 columns and wrapping at whole
//! words. The bottom of `render/`: every renderer of terminal text builds on it.

/// The columns every terminal output fits.
pub(crate) const WIDTH: u16 = 80;

/// Wraps text at word boundaries to `width`, indenting continuation lines; the first
/// line keeps any leading spaces of `text`.
pub(crate) fn wrap(text: &str, width: usize, indent: &str) -> String {
    let lead = &text[..text.len() - text.trim_start().len()];
    let mut out = String::new();
    let mut line = lead.to_string();
    let mut fresh = true;
    for word in text.split_whitespace() {
        if !fresh && line.chars().count() + 1 + word.chars().count() > width {
            out.push_str(&line);
            out.push('\n');
            line = indent.to_string();
            fresh = true;
        }
        if !fresh {
            line.push(' ');
        }
        line.push_str(word);
        fresh = false;
    }
    out.push_str(&line);
    out
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn wraps_at_words() {
        let text = wrap("aaa bbb ccc ddd", 8, "  ");
        assert_eq!(text, "aaa bbb\n  ccc\n  ddd");
        assert_eq!(wrap("  aa bb cc", 7, "  "), "  aa bb\n  cc");
    }
}
