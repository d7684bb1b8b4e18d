//! Splits an export's pieces into the cells the reading needs (`table`) on two worker
//! threads, and hands the split pieces back in file order. Every piece is whole
//! records, so no line counting pass is needed; a piece's encoding is decided before it
//! is split (`encoding`).

use std::collections::BTreeMap;
use std::io::Read;
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

use super::encoding::{self, header_encoding, Decision, InOrder, Spot};
use super::hashing::{passing, Digesting};
use super::lines::{column_at, line_breaks};
use super::pieces::{first_record_end, Pieces};
use super::spare::Spare;
use super::table::{Layout, Table};

/// The workers parsing at once: these machines have two cores.
const WORKERS: usize = 2;

/// A piece to parse.
struct Job {
    /// Its place in the file's order.
    index: usize,
    /// Its first byte's offset in the file.
    offset: u64,
    /// The line breaks before it that no other piece holds: the header's, for the first.
    header_lines: u64,
    /// Its bytes as read, of which the first `header` are the file's header (the first
    /// piece's), hashed with the rest and then left out.
    bytes: Vec<u8>,
    header: usize,
}

impl Job {
    fn bytes(&self) -> &[u8] {
        &self.bytes
    }
}

/// A split piece and where it stands in the file.
pub(crate) struct Piece {
    pub(crate) table: Table,
    /// Its first byte's offset in the file, and its length.
    pub(crate) offset: u64,
    pub(crate) bytes: u64,
    /// The line its first byte stands on; 0 when lines are not counted as the file is
    /// read (a plain file: a second pass counts them only if a message needs one).
    pub(crate) first_line: u64,
    /// Line breaks in it (inside quotes too), and in the header before it.
    lines: u64,
    header_lines: u64,
    /// The file's first character of several UTF-8 bytes, when in this piece.
    utf8_from: Option<Spot>,
    /// The file's first byte that is no UTF-8, when in this piece and read as
    /// Windows-1252.
    switch: Option<Spot>,
    /// In a piece read as Windows-1252, the first bytes that would be one UTF-8
    /// character.
    utf8_like: Option<Spot>,
}

/// A parsed piece and the bytes of the file it covers, or why reading stopped.
pub(crate) type ParsedPiece = Result<Piece, Unreadable>;

/// Why a piece could not be read.
#[derive(Debug)]
pub(crate) enum Unreadable {
    /// A byte that is not UTF-8: where in the file, its value, and the column (0-based)
    /// of the record it stands in.
    NotUtf8 {
        at: u64,
        value: u8,
        column: usize,
        /// The line it stands on (1-based).
        line: u64,
        /// The file's first character of several UTF-8 bytes, before it: why the file
        /// is not read as Windows-1252.
        utf8_from: Option<Spot>,
    },
    /// The CSV itself is broken at a place: a quote never closed, a quoted cell with
    /// text after its closing quote. The line is made absolute by `Parsing`.
    Broken {
        message: String,
        /// The byte offset in the file, as near as the parser says.
        at: u64,
        column: usize,
        line: u64,
    },
    Other(String),
}

/// The parsed pieces, in file order.
pub(crate) struct Parsing {
    results: Receiver<(usize, ParsedPiece)>,
    /// Pieces parsed ahead of one still being parsed.
    waiting: BTreeMap<usize, ParsedPiece>,
    next: usize,
    finished: bool,
    /// Line breaks in the pieces handed out so far, when they are counted.
    lines: u64,
    count_lines: bool,
    /// The thread cutting the file.
    cutter: Option<JoinHandle<()>>,
    /// The hash of the pieces, when they are the file's own bytes and asked to be.
    digesting: Option<Digesting>,
    /// The file's first character of several UTF-8 bytes, once met.
    utf8_from: Option<Spot>,
    /// The file's first byte that is no UTF-8, once met in a file read as Windows-1252.
    switch: Option<Spot>,
    /// The first bytes read as Windows-1252 that would be one UTF-8 character.
    utf8_like: Option<Spot>,
}

/// What a worker needs to split a piece: which cells are kept.
struct Parser {
    layout: Layout,
    /// Where a piece's buffer goes back to once counted.
    spare: Spare<u8>,
    delimiter: u8,
    /// Count each piece's line breaks (a stream, which cannot be read again for them).
    count_lines: bool,
    /// How the file reads up to each piece.
    order: InOrder,
}

impl Parser {
    /// Splits `piece`, the `index`th, which starts `offset` bytes into the file after
    /// `header_lines` line breaks of the header (the first piece) or none. Lines are
    /// counted within the piece; `Parsing` adds the pieces before it.
    fn parse(&self, mut job: Job) -> ParsedPiece {
        job.bytes.drain(..job.header);
        let (offset, header_lines) = (job.offset, job.header_lines);
        let checked = encoding::Checked::new(job.bytes);
        let piece = checked.bytes();
        let spot = |at: usize| Spot::new(piece, at, (offset, header_lines), self.delimiter);
        let holds = checked.holds();
        let before = self.order.before(job.index, holds);
        let (mut utf8_from, mut switch, mut utf8_like) = (None, None, None);
        let bytes = piece.len() as u64;
        let lines = if self.count_lines {
            line_breaks(piece)
        } else {
            0
        };
        let decision = encoding::decide(before, holds);
        let decoded = matches!(decision, Decision::Decode { .. });
        let text = match decision {
            Decision::AsIs { utf8_from: from } => {
                utf8_from = from.map(spot);
                checked
                    .into_text()
                    .map_err(|_| Unreadable::Other("a piece changed as it was read".into()))?
            }
            Decision::Decode { switch: at } => {
                switch = at.map(|at| spot(at).cp1252());
                // Bytes that UTF-8 reads as one character ("é") and Windows-1252 as two
                // ("Ã©"): read as the file is, and named, in case the file mixes both.
                utf8_like = encoding::utf8_sequence(piece, at.unwrap_or(0)).map(spot);
                encoding::decode(piece)
            }
            Decision::Refuse {
                at,
                utf8_from: from,
            } => {
                return Err(Unreadable::NotUtf8 {
                    at: offset + at as u64,
                    value: piece[at],
                    column: column_at(piece, at, self.delimiter),
                    line: header_lines + line_breaks(&piece[..at]),
                    utf8_from: from.map(spot),
                });
            }
        };
        match self.layout.table(text) {
            Ok(table) => Ok(Piece {
                table: table.recycled(&self.spare, &self.layout),
                offset,
                bytes,
                first_line: 0,
                lines,
                header_lines,
                utf8_from,
                switch,
                utf8_like,
            }),
            Err(bad) => Err(self.refused(*bad, offset, header_lines, decoded)),
        }
    }
}

impl Parser {
    /// Text that could not be split, at its place in the file (an offset in decoded
    /// text found back in the file's own bytes).
    fn refused(
        &self,
        bad: super::table::Refused,
        offset: u64,
        header_lines: u64,
        decoded: bool,
    ) -> Unreadable {
        let at = if decoded {
            encoding::undecoded(bad.text.as_bytes(), bad.at)
        } else {
            bad.at
        };
        Unreadable::Broken {
            message: bad.message,
            at: offset + at as u64,
            column: bad.column,
            line: header_lines + bad.lines,
        }
    }
}

/// How a text is read: whether its lines are counted as it is (a stream, which cannot
/// be read again for them) and whether its bytes are hashed as they are cut (a plain
/// file's text is its own bytes).
pub(crate) struct Options {
    pub(crate) count_lines: bool,
    pub(crate) hash: bool,
}

/// Starts reading `text` (CSV), of which `head` (the header and maybe more) was read
/// already; the header names `columns`, separated by `delimiter`, and the `wanted` ones
/// are kept.
pub(crate) fn start(
    text: Box<dyn Read + Send>,
    how: Options,
    head: Vec<u8>,
    columns: &[String],
    wanted: &[String],
    delimiter: u8,
) -> Parsing {
    let count_lines = how.count_lines;
    let header = &head[..first_record_end(&head, delimiter)];
    let (read_as, utf8_from, switch) = header_encoding(header, delimiter);
    let pieces = Pieces::resume(text, head, delimiter);
    let parser = Arc::new(Parser {
        layout: Layout::new(columns, wanted, delimiter),
        spare: pieces.spare(),
        delimiter,
        count_lines,
        order: InOrder::new(read_as),
    });
    // Bounded queues keep a few pieces in memory, however large the file.
    let (work, jobs) = sync_channel::<Job>(WORKERS);
    let (done, results) = sync_channel::<(usize, ParsedPiece)>(WORKERS);
    let jobs = Arc::new(Mutex::new(jobs));
    for _ in 0..WORKERS {
        let (jobs, done, parser) = (jobs.clone(), done.clone(), parser.clone());
        std::thread::spawn(move || loop {
            let job = jobs
                .lock()
                .map_err(|_| ())
                .and_then(|j| j.recv().map_err(|_| ()));
            let Ok(job) = job else {
                return;
            };
            // A panic in splitting ends the reading with an error in its place, never a
            // count that silently lacks the piece.
            let index = job.index;
            let parsed =
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| parser.parse(job)))
                    .unwrap_or_else(|_| {
                        parser.order.release(index);
                        Err(Unreadable::Other(
                            "the CSV reader failed on the records here".to_string(),
                        ))
                    });
            if done.send((index, parsed)).is_err() {
                return;
            }
        });
    }
    // The pieces go through the hash on their way to the workers.
    let (work, digesting) = if how.hash {
        let (into, digesting) = passing(work, Job::bytes);
        (into, Some(digesting))
    } else {
        (work, None)
    };
    let cutter = std::thread::spawn(move || cut(pieces, delimiter, work, done));
    Parsing {
        results,
        waiting: BTreeMap::new(),
        next: 0,
        finished: false,
        lines: 0,
        count_lines,
        cutter: Some(cutter),
        digesting,
        utf8_from,
        switch,
        utf8_like: None,
    }
}

impl Parsing {
    /// The file's first byte that is no UTF-8, when the file is read as Windows-1252.
    pub(crate) fn switch(&self) -> Option<Spot> {
        self.switch
    }

    /// In a file read as Windows-1252, the first bytes that would be one UTF-8
    /// character.
    pub(crate) fn utf8_like(&self) -> Option<Spot> {
        self.utf8_like
    }

    /// Waits for the thread cutting the file, once every piece has been handed out.
    pub(crate) fn finish(&mut self) {
        if let Some(cutter) = self.cutter.take() {
            let _ = cutter.join();
        }
    }

    /// The SHA-256 of the pieces cut, when they were hashed, once every piece has been
    /// handed out and the cutting finished.
    pub(crate) fn digest(&mut self) -> Option<String> {
        self.digesting.as_mut()?.finish()
    }
}

/// Cuts the text into pieces for the workers, the header left out; a read error or an
/// unclosed quote goes straight to the results, in its place.
fn cut(
    mut pieces: Pieces<Box<dyn Read + Send>>,
    delimiter: u8,
    work: SyncSender<Job>,
    done: SyncSender<(usize, ParsedPiece)>,
) {
    let mut index = 0;
    let result = (|| -> std::io::Result<bool> {
        let mut offset = 0u64;
        while let Some(piece) = pieces.next_piece()? {
            if let Some(at) = pieces.unclosed() {
                let unclosed = Unreadable::Broken {
                    message: "a quote opens a cell here and is never closed".to_string(),
                    at: offset + at as u64,
                    column: column_at(&piece, at, delimiter),
                    // The piece still holds the header when it is the first.
                    line: line_breaks(&piece[..at]),
                };
                let _ = done.send((index, Err(unclosed)));
                return Ok(false);
            }
            let (mut header_lines, mut header) = (0, 0);
            if index == 0 {
                header = first_record_end(&piece, delimiter);
                header_lines = line_breaks(&piece[..header]);
                offset = header as u64;
            }
            let length = (piece.len() - header) as u64;
            let job = Job {
                index,
                offset,
                header_lines,
                bytes: piece,
                header,
            };
            if work.send(job).is_err() {
                return Ok(false);
            }
            offset += length;
            index += 1;
        }
        Ok(true)
    })();
    if let Err(e) = result {
        let _ = done.send((index, Err(Unreadable::Other(e.to_string()))));
    }
}

impl Parsing {
    /// Puts a piece in its place among the lines of the file: its first line, or the
    /// line of the byte that stopped it.
    fn placed(&mut self, parsed: ParsedPiece) -> ParsedPiece {
        // A line within the piece, made the line in the file.
        let (counted, before) = (self.count_lines, self.lines);
        let in_file = |line: u64| if counted { 1 + before + line } else { 0 };
        let in_file_spot = |spot: Spot| Spot {
            line: in_file(spot.line),
            ..spot
        };
        match parsed {
            Ok(mut piece) => {
                self.utf8_from = self.utf8_from.or(piece.utf8_from.map(in_file_spot));
                self.switch = self.switch.or(piece.switch.map(in_file_spot));
                self.utf8_like = self.utf8_like.or(piece.utf8_like.map(in_file_spot));
                if counted {
                    self.lines += piece.header_lines;
                    piece.first_line = 1 + self.lines;
                    self.lines += piece.lines;
                }
                Ok(piece)
            }
            Err(mut why) => {
                self.finished = true;
                if let Unreadable::NotUtf8 { utf8_from, .. } = &mut why {
                    *utf8_from = utf8_from.map(in_file_spot).or(self.utf8_from);
                }
                if let Unreadable::NotUtf8 { line, .. } | Unreadable::Broken { line, .. } = &mut why
                {
                    *line = in_file(*line);
                }
                Err(why)
            }
        }
    }
}

impl Iterator for Parsing {
    type Item = ParsedPiece;

    fn next(&mut self) -> Option<ParsedPiece> {
        if self.finished {
            return None;
        }
        loop {
            if let Some(parsed) = self.waiting.remove(&self.next) {
                self.next += 1;
                return Some(self.placed(parsed));
            }
            match self.results.recv() {
                Ok((index, parsed)) => {
                    self.waiting.insert(index, parsed);
                }
                // Every thread has ended: the pieces are all in, unless one was lost.
                Err(_) => {
                    self.finished = true;
                    return (!self.waiting.is_empty()).then(|| {
                        Err(Unreadable::Other(
                            "the CSV reader stopped unexpectedly".to_string(),
                        ))
                    });
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parser(columns: &[&str], wanted: &[&str]) -> Parser {
        let names = |list: &[&str]| list.iter().map(|c| c.to_string()).collect::<Vec<_>>();
        Parser {
            layout: Layout::new(&names(columns), &names(wanted), b','),
            spare: Spare::default(),
            delimiter: b',',
            count_lines: true,
            order: InOrder::new(encoding::Encoding::Ascii),
        }
    }

    fn job(bytes: &[u8], offset: u64, header_lines: u64) -> Job {
        Job {
            index: 0,
            offset,
            header_lines,
            bytes: bytes.to_vec(),
            header: 0,
        }
    }

    fn cells(table: &Table, column: usize) -> Vec<Option<String>> {
        table.column(column).map(|v| v.map(String::from)).collect()
    }

    #[test]
    fn whole_records_give_the_asked_for_cells() {
        let piece = b"1,x,\"a note, with a comma\nand a line break\"\n2,,z\n3,y\n";
        let parsed = parser(&["id", "skip", "note"], &["id", "note"])
            .parse(job(piece, 0, 0))
            .expect("parses");
        assert_eq!(parsed.bytes, piece.len() as u64);
        assert_eq!(parsed.lines, 4, "every line break, quoted ones too");
        let table = parsed.table;
        assert_eq!(table.height(), 3, "one row per record");
        assert_eq!(
            cells(&table, 0),
            vec![Some("1".into()), Some("2".into()), Some("3".into())]
        );
        assert_eq!(
            cells(&table, 1),
            vec![
                Some("a note, with a comma\nand a line break".into()),
                Some("z".into()),
                None
            ]
        );
    }

    #[test]
    fn a_byte_that_is_not_utf8_after_utf8_is_found_before_parsing() {
        // "déjà" in UTF-8, then a Windows-1252 "é".
        let piece = ["1,d\u{e9}j\u{e0}\n2,caf".as_bytes(), &[0xE9], b"\n"].concat();
        match parser(&["id", "note"], &["note"]).parse(job(&piece, 100, 1)) {
            Err(Unreadable::NotUtf8 {
                at,
                value,
                column,
                line,
                utf8_from,
            }) => {
                assert_eq!(at, 100 + 14, "the offset of the bad byte in the file");
                assert_eq!(
                    line, 2,
                    "one header line break and one in the piece before it"
                );
                assert_eq!(value, 0xE9);
                assert_eq!(column, 1);
                let utf8 = utf8_from.expect("the UTF-8 before it");
                assert_eq!((utf8.at, utf8.line, utf8.character), (103, 1, 'é'));
            }
            other => panic!(
                "expected NotUtf8, got {:?}",
                other.map(|p| p.table.height())
            ),
        }
    }

    #[test]
    fn windows_1252_after_ascii_is_decoded() {
        let piece = b"1,ok\n2,C\xf4te d'Ivoire\n";
        let parsed = parser(&["id", "note"], &["note"])
            .parse(job(piece, 100, 1))
            .expect("parses");
        assert_eq!(
            cells(&parsed.table, 0),
            vec![Some("ok".into()), Some("Côte d'Ivoire".into())]
        );
        assert_eq!(parsed.bytes, piece.len() as u64, "the file's own bytes");
        let switch = parsed.switch.expect("where it switched");
        assert_eq!((switch.at, switch.line, switch.byte), (100 + 8, 2, 0xF4));
    }

    #[test]
    fn text_after_a_closing_quote_is_placed_in_the_files_own_bytes() {
        // "Côte" decoded from Windows-1252 is a byte longer than in the file.
        let piece = b"1,C\xf4te\n2,\"Mali\" x\n";
        match parser(&["id", "note"], &["note"]).parse(job(piece, 100, 1)) {
            Err(Unreadable::Broken {
                message,
                at,
                column,
                line,
            }) => {
                assert!(message.contains("\"Mali\" x"), "{message}");
                assert_eq!(
                    (at, column, line),
                    (100 + 9, 1, 2),
                    "the quote is the 10th byte"
                );
            }
            other => panic!("expected Broken, got {:?}", other.map(|p| p.table.height())),
        }
    }
}
