//! Quotes inside unquoted cells (`a 12" mortar`, common in hand-edited files), made
//! plain to the parser. polars' line splitter counts every quote while its cell parser
//! opens a quoted cell only at a cell's start, so a stray quote would join records
//! until the next quote. Each cell holding one is rewritten as the quoted cell it means
//! (`"a 12"" mortar"`): same text, same line breaks, records where the file has them.

/// The piece with every cell that holds a stray quote quoted, or `None` when it has none
/// (the usual case, found with one memchr pass over its quotes). `piece` starts at a
/// record boundary.
pub(crate) fn quote_strays(piece: &[u8], delimiter: u8) -> Option<Vec<u8>> {
    let cells = stray_cells(piece, delimiter);
    if cells.is_empty() {
        return None;
    }
    let mut out = Vec::with_capacity(piece.len() + 4 * cells.len());
    let mut copied = 0;
    for (start, end) in cells {
        out.extend_from_slice(&piece[copied..start]);
        out.push(b'"');
        for &b in &piece[start..end] {
            if b == b'"' {
                out.push(b'"');
            }
            out.push(b);
        }
        out.push(b'"');
        copied = end;
    }
    out.extend_from_slice(&piece[copied..]);
    Some(out)
}

/// The (start, end) of every unquoted cell that holds a quote, in order.
fn stray_cells(piece: &[u8], delimiter: u8) -> Vec<(usize, usize)> {
    let ends_cell = |b: u8| b == delimiter || b == b'\n' || b == b'\r';
    let mut cells = Vec::new();
    let (mut pos, mut quoted) = (0, false);
    while let Some(k) = memchr::memchr(b'"', &piece[pos..]) {
        let at = pos + k;
        if quoted {
            if piece.get(at + 1) == Some(&b'"') {
                pos = at + 2;
            } else {
                quoted = false;
                pos = at + 1;
            }
            continue;
        }
        if at == 0 || ends_cell(piece[at - 1]) {
            quoted = true;
            pos = at + 1;
            continue;
        }
        // Text right after a closing quote is the parser's to reject, not a stray.
        let start = piece[..at]
            .iter()
            .rposition(|&b| ends_cell(b))
            .map_or(0, |i| i + 1);
        if piece[start] == b'"' {
            pos = at + 1;
            continue;
        }
        let end = piece[at..]
            .iter()
            .position(|&b| ends_cell(b))
            .map_or(piece.len(), |i| at + i);
        cells.push((start, end));
        pos = end;
    }
    cells
}

#[cfg(test)]
mod tests {
    use super::quote_strays;

    fn fixed(text: &str) -> Option<String> {
        quote_strays(text.as_bytes(), b',').map(|b| String::from_utf8(b).expect("utf-8"))
    }

    #[test]
    fn a_stray_quote_becomes_a_quoted_cell() {
        assert_eq!(
            fixed("1,a 12\" mortar,x\n2,\"q\nr\",y\n").as_deref(),
            Some("1,\"a 12\"\" mortar\",x\n2,\"q\nr\",y\n")
        );
        assert_eq!(fixed("1,a\"b\"c\n").as_deref(), Some("1,\"a\"\"b\"\"c\"\n"));
        assert_eq!(fixed("1,end\"\n").as_deref(), Some("1,\"end\"\"\"\n"));
    }

    #[test]
    fn well_formed_pieces_are_left_alone() {
        assert_eq!(fixed("1,\"a, \"\"b\"\"\",x\n2,plain,y\n"), None);
        assert_eq!(
            fixed("1,\"quoted\" then text\n"),
            None,
            "the parser rejects it"
        );
        assert_eq!(fixed(""), None);
    }
}
