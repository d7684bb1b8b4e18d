//! A piece of whole records split into the cells the reading needs, as slices of the
//! piece's own text: nothing is copied but a quoted cell holding a doubled quote. A
//! cell is trimmed of the ASCII spaces exports pad with, and one that is empty or says
//! `NA` is empty.
//!
//! The rules are those the cutter (`pieces`) and the line finder (`lines`) read by: a
//! record ends at a line break outside quotes; a quote opens a quoted cell only at a
//! cell's start (`a 12" mortar` is text); `""` inside a quoted cell is a quote; a
//! missing cell is empty and one past the header's last is ignored; an empty line is a
//! record of empty cells; `\r` before a line break is no part of the cell. A quoted
//! cell with text after its closing quote (`"Mali" x`) is refused where its column is
//! needed, and read no further where it is not.
//!
//! No CSV crate reads by these rules (polars' chunk parser, which did, counted each
//! quote as it split lines, so cells with stray quotes had to be rewritten first, and
//! built columns of owned strings that were read once and dropped). The structural
//! bytes (separator, line break, quote) are found 64 bytes at a time (`structure`), so
//! the long notes of an export are crossed in a few steps.

use super::blocks::structure;
use super::spare::Spare;

/// One cell of a record: `text[start..end]`, or `unescaped[start..end]` when `start`
/// has the [`UNESCAPED`] bit (a quoted cell whose doubled quotes were made single);
/// empty when `start == end`. Eight bytes: a piece's cells are written and read once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Cell {
    start: u32,
    end: u32,
}

/// The bit of a cell's start that places it in the unescaped text.
const UNESCAPED: u32 = 1 << 31;

/// The longest text a table splits: offsets are held in 31 bits.
const LONGEST: usize = (UNESCAPED - 1) as usize;

const EMPTY: Cell = Cell { start: 0, end: 0 };

/// The needed cells of a piece's records, row by row, in the order they were asked for.
#[derive(Debug)]
pub(crate) struct Table {
    text: String,
    unescaped: String,
    cells: Vec<Cell>,
    width: usize,
    /// Where the text's and the cells' buffers go once the table is dropped.
    spare: Option<(Spare<u8>, Spare<Cell>)>,
}

impl Drop for Table {
    fn drop(&mut self) {
        if let Some((text, cells)) = self.spare.take() {
            text.give(std::mem::take(&mut self.text).into_bytes());
            cells.give(std::mem::take(&mut self.cells));
        }
    }
}

/// Text that cannot be split, and where: a quoted cell whose closing quote is followed
/// by more text, or a record too long to hold.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Refused {
    pub(crate) message: String,
    /// The byte offset of the cell's start in the text, its column (0-based) and the
    /// line breaks before it.
    pub(crate) at: usize,
    pub(crate) column: usize,
    pub(crate) lines: u64,
    /// The text split, given back.
    pub(crate) text: String,
}

impl Table {
    /// Gives the text's buffer to `spare`, and the cells' to the layout's, once the
    /// table is dropped.
    pub(crate) fn recycled(mut self, spare: &Spare<u8>, layout: &Layout) -> Table {
        self.spare = Some((spare.clone(), layout.cells.clone()));
        self
    }

    /// How many records.
    pub(crate) fn height(&self) -> usize {
        self.cells.len().checked_div(self.width).unwrap_or(0)
    }

    /// How many cells a record has: the asked-for columns.
    pub(crate) fn width(&self) -> usize {
        self.width
    }

    /// The asked-for cells of record `row`, in order, `None` where empty.
    pub(crate) fn row(&self, row: usize) -> impl Iterator<Item = Option<&str>> {
        let start = row * self.width;
        self.cells
            .get(start..start + self.width)
            .unwrap_or_default()
            .iter()
            .map(|&cell| self.text_of(cell))
    }

    /// The `column`th asked-for cell of record `row`, `None` when empty.
    pub(crate) fn get(&self, row: usize, column: usize) -> Option<&str> {
        self.text_of(*self.cells.get(row * self.width + column)?)
    }

    fn text_of(&self, Cell { start, end }: Cell) -> Option<&str> {
        if start == end {
            return None;
        }
        // Cells start and end at separators, quotes and line breaks, all ASCII, so
        // always on a character's boundary.
        if start & UNESCAPED == 0 {
            self.text.get(start as usize..end as usize)
        } else {
            self.unescaped
                .get((start & !UNESCAPED) as usize..(end & !UNESCAPED) as usize)
        }
    }

    /// Every record's cell of one asked-for column.
    pub(crate) fn column(&self, column: usize) -> impl Iterator<Item = Option<&str>> {
        (0..self.height()).map(move |row| self.get(row, column))
    }
}

/// Which cells of a record are kept, and where each goes.
pub(crate) struct Layout {
    /// For each column of the header, its place among the asked-for cells, or
    /// [`NOT_KEPT`].
    slots: Vec<u32>,
    width: usize,
    delimiter: u8,
    /// Cells' buffers given back by the tables dropped.
    cells: Spare<Cell>,
}

impl Layout {
    /// The header's `columns`, of which the `wanted` are kept in that order (a name the
    /// header repeats is its first column's).
    pub(crate) fn new(columns: &[String], wanted: &[String], delimiter: u8) -> Layout {
        let slots = columns
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let first = !columns[..i].contains(c);
                wanted
                    .iter()
                    .position(|w| w == c)
                    .filter(|_| first)
                    .map_or(NOT_KEPT, |slot| slot as u32)
            })
            .collect();
        Layout {
            slots,
            width: wanted.len(),
            delimiter,
            cells: Spare::default(),
        }
    }

    /// Splits `text`, which starts at a record's start and ends at a record's end.
    pub(crate) fn table(&self, text: String) -> Result<Table, Box<Refused>> {
        if text.len() > LONGEST {
            return Err(Box::new(Refused {
                message: format!(
                    "a run of {} bytes without a line break outside quotes: more than a record can hold",
                    text.len()
                ),
                at: 0,
                column: 0,
                lines: 0,
                text,
            }));
        }
        let mut unescaped = String::new();
        match split(self, &text, &mut unescaped) {
            Ok(cells) => Ok(Table {
                text,
                unescaped,
                cells,
                width: self.width,
                spare: None,
            }),
            Err((at, column)) => {
                let end = at
                    + memchr::memchr2(self.delimiter, b'\n', &text.as_bytes()[at..])
                        .unwrap_or(text.len() - at);
                let cell = text.get(at..end).unwrap_or_default();
                Err(Box::new(Refused {
                    message: format!(
                        "the cell {cell} is not properly escaped: text follows its closing quote"
                    ),
                    at,
                    column,
                    lines: super::lines::line_breaks(&text.as_bytes()[..at]),
                    text,
                }))
            }
        }
    }
}

/// No column: the slot of a column that is not kept.
const NOT_KEPT: u32 = u32::MAX;

/// The cells `layout` keeps of the records of `text`, row after row, a quoted cell with
/// doubled quotes written to `unescaped`; or, for a kept quoted cell with text after its
/// closing quote, the cell's start and column. The state is held in locals: this loop
/// runs once per separator of the file.
fn split(layout: &Layout, text: &str, unescaped: &mut String) -> Result<Vec<Cell>, (usize, usize)> {
    let bytes = text.as_bytes();
    let n = bytes.len();
    let (slots, width, delimiter) = (&layout.slots[..], layout.width, layout.delimiter);
    // Records run to a few hundred bytes: room for most at once.
    let mut cells = layout.cells.take().unwrap_or_default();
    cells.resize((n / 256 + 1) * width, EMPTY);
    // The record being read starts at `row` in `cells`; its cell being read is the
    // `column`th and starts at `start`; `quoted` inside a quoted cell, whose closing
    // quote is at `closed` (or NONE) and which holds a doubled quote when `doubled`.
    const NONE: usize = usize::MAX;
    let (mut row, mut column, mut start) = (0, 0, 0);
    let (mut quoted, mut closed, mut doubled) = (false, NONE, false);
    let mut base = 0;
    // A quote's twin, which may be in the next block: the second quote of a `""`.
    let mut skip = NONE;
    while base < n {
        let mut mask = structure(&bytes[base..], delimiter);
        while mask != 0 {
            let at = base + mask.trailing_zeros() as usize;
            mask &= mask - 1;
            let byte = bytes[at];
            if quoted {
                if byte != b'"' || at == skip {
                    continue;
                }
                if bytes.get(at + 1) == Some(&b'"') {
                    doubled = true;
                    skip = at + 1;
                } else {
                    quoted = false;
                    closed = at;
                }
                continue;
            }
            if byte == b'"' {
                quoted = at == start && closed == NONE;
                continue;
            }
            let slot = slots.get(column).copied().unwrap_or(NOT_KEPT);
            if slot != NOT_KEPT {
                let cell =
                    cell(bytes, (start, at), closed, doubled, unescaped).ok_or((start, column))?;
                cells[row + slot as usize] = cell;
            }
            (closed, doubled) = (NONE, false);
            column += 1;
            start = at + 1;
            if byte == b'\n' {
                row += width;
                // Room for the next record, made a large step at a time.
                if row + width > cells.len() {
                    cells.resize(2 * cells.len() + width, EMPTY);
                }
                column = 0;
            }
        }
        base += 64;
    }
    // The last record, when the text does not end with its line break; an unclosed
    // quote (which the cutter refuses first) reads to the end.
    if start < n || column > 0 {
        let slot = slots.get(column).copied().unwrap_or(NOT_KEPT);
        if slot != NOT_KEPT {
            cells[row + slot as usize] =
                cell(bytes, (start, n), closed, doubled, unescaped).ok_or((start, column))?;
        }
        row += width;
    }
    // No record after the last line break, and the room not used.
    cells.truncate(row);
    Ok(cells)
}

/// The cell `bytes[start..end]` (ended by a separator, a line break or the end), whose
/// closing quote, when quoted, is at `closed` (`usize::MAX` when not quoted), trimmed
/// of ASCII spaces (exports pad cells with them), and empty when it says `NA`; `None`
/// when text follows its closing quote.
#[inline(always)]
fn cell(
    bytes: &[u8],
    (start, end): (usize, usize),
    closed: usize,
    doubled: bool,
    unescaped: &mut String,
) -> Option<Cell> {
    if closed == usize::MAX {
        return Some(trimmed(bytes, start, end, 0));
    }
    let after = &bytes[closed + 1..end];
    if !(after.is_empty() || after == b"\r" && bytes.get(end) == Some(&b'\n')) {
        return None;
    }
    let (from, to) = (start + 1, closed);
    if !doubled {
        return Some(trimmed(bytes, from, to, 0));
    }
    let from_here = unescaped.len();
    let inner = std::str::from_utf8(&bytes[from..to]).unwrap_or_default();
    unescaped.push_str(&inner.replace("\"\"", "\""));
    // The unescaped text is shorter than the text: it fits in 31 bits.
    Some(trimmed(
        unescaped.as_bytes(),
        from_here,
        unescaped.len(),
        UNESCAPED,
    ))
}

/// `bytes[from..to]` trimmed of ASCII spaces as a cell (its offsets marked with `mark`),
/// empty when nothing or `NA` is left.
#[inline(always)]
fn trimmed(bytes: &[u8], mut from: usize, mut to: usize, mark: u32) -> Cell {
    while from < to && bytes[from].is_ascii_whitespace() {
        from += 1;
    }
    while to > from && bytes[to - 1].is_ascii_whitespace() {
        to -= 1;
    }
    if from == to || &bytes[from..to] == b"NA" {
        return EMPTY;
    }
    Cell {
        start: from as u32 | mark,
        end: to as u32 | mark,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn columns(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| s.to_string()).collect()
    }

    fn rows(text: &str, names: &[&str], wanted: &[&str]) -> Vec<Vec<Option<String>>> {
        let layout = Layout::new(&columns(names), &columns(wanted), b',');
        let table = layout.table(text.to_string()).expect("splits");
        (0..table.height())
            .map(|r| {
                (0..wanted.len())
                    .map(|c| table.get(r, c).map(String::from))
                    .collect()
            })
            .collect()
    }

    fn row(cells: &[Option<&str>]) -> Vec<Option<String>> {
        cells.iter().map(|c| c.map(String::from)).collect()
    }

    #[test]
    fn the_asked_for_cells_in_their_order() {
        let text = "1,x,\"a note, with a comma\nand a line break\"\n2,,z\n3,y\n";
        assert_eq!(
            rows(text, &["id", "skip", "note"], &["note", "id"]),
            vec![
                row(&[Some("a note, with a comma\nand a line break"), Some("1")]),
                row(&[Some("z"), Some("2")]),
                // A short (ragged) row: the missing cell is empty.
                row(&[None, Some("3")]),
            ]
        );
    }

    #[test]
    fn quotes_as_the_cutter_reads_them() {
        let names = ["id", "a", "b"];
        let read = |text: &str| rows(text, &names, &names);
        assert_eq!(
            read("1,\"a\"\"b\",c\n"),
            vec![row(&[Some("1"), Some("a\"b"), Some("c")])]
        );
        // A quote inside an unquoted cell is text; padding spaces are trimmed, and NA
        // is empty.
        assert_eq!(
            read("1, \"q\" ,a 12\" mortar\nNA,\" NA \", x\n"),
            vec![
                row(&[Some("1"), Some("\"q\""), Some("a 12\" mortar")]),
                row(&[None, None, Some("x")])
            ]
        );
        // \r before a line break is no part of the cell, quoted or not.
        assert_eq!(
            read("1,\"x\ny\"\"\",z\r\n2,\"q\"\r\n"),
            vec![
                row(&[Some("1"), Some("x\ny\""), Some("z")]),
                row(&[Some("2"), Some("q"), None])
            ]
        );
        // An empty line is a record of empty cells; a last record may lack its break.
        assert_eq!(
            read("\n1,a,b,extra\n,,\n2,\"\",c"),
            vec![
                row(&[None, None, None]),
                row(&[Some("1"), Some("a"), Some("b")]),
                row(&[None, None, None]),
                row(&[Some("2"), None, Some("c")]),
            ]
        );
        // A quote as the very last byte closes its cell.
        assert_eq!(read("1,\"a\""), vec![row(&[Some("1"), Some("a"), None])]);
    }

    #[test]
    fn text_after_a_closing_quote_is_refused_only_where_needed() {
        let layout = Layout::new(&columns(&["id", "a", "b"]), &columns(&["id", "b"]), b',');
        assert!(layout.table("1,\"x\" y,b\n".to_string()).is_ok());
        let refused = layout
            .table("1,a,b\n2,a,\"Mali\" x\n".to_string())
            .unwrap_err();
        assert!(
            refused.message.contains("\"Mali\" x"),
            "{}",
            refused.message
        );
        assert_eq!((refused.at, refused.column, refused.lines), (10, 2, 1));
    }

    #[test]
    fn a_long_record_crosses_many_blocks() {
        let note = "word, \"\"quoted\"\", ".repeat(40);
        let text = format!("1,\"{note}\",end\n2,b,c\n");
        let rows = rows(&text, &["id", "note", "last"], &["id", "note", "last"]);
        assert_eq!(rows.len(), 2);
        assert_eq!(
            rows[0][1].as_deref(),
            Some(note.replace("\"\"", "\"").trim_ascii())
        );
        assert_eq!(rows[0][2].as_deref(), Some("end"));
        assert_eq!(rows[1], row(&[Some("2"), Some("b"), Some("c")]));
    }

    proptest! {
        /// Records of plain and quoted cells (separators, line breaks and doubled quotes
        /// inside) split as the csv crate reads them, trimmed.
        #[test]
        fn cells_are_the_csv_crates(
            cells in proptest::collection::vec("[a-z]{0,5}|\"([a-z,;\n]|\"\"){0,70}\"", 3..90),
            delimiter in prop_oneof![Just(b','), Just(b';')],
        ) {
            let separator = (delimiter as char).to_string();
            let text: String = cells
                .chunks(3)
                .filter(|r| r.len() == 3)
                .map(|r| r.join(&separator) + "\n")
                .collect();
            let names = columns(&["a", "b", "c"]);
            let table = Layout::new(&names, &names, delimiter).table(text.clone()).expect("splits");
            let mut reader = csv::ReaderBuilder::new()
                .has_headers(false)
                .delimiter(delimiter)
                .from_reader(text.as_bytes());
            let expected: Vec<Vec<Option<String>>> = reader
                .records()
                .map(|r| r.expect("csv").iter().map(str::trim_ascii).map(|c| (!c.is_empty()).then(|| c.to_string())).collect())
                .collect();
            let got: Vec<Vec<Option<String>>> = (0..table.height())
                .map(|r| (0..3).map(|c| table.get(r, c).map(String::from)).collect())
                .collect();
            prop_assert_eq!(got, expected);
        }
    }
}
