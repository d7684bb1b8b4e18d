//! Counting the parsed pieces in file order: each row read by role, checked, and passed
//! on as an event or set aside with its reason; monadic ACLED rows joined into events;
//! and pieces held back while the file has not yet told the order of its slash dates.

use super::dates::{self, Date, DateOrder, OrderBy};
use super::event::EventRef;
use super::found::{BadRow, Export, ExportKind, SetAside, LISTED};
use super::lines::PieceStart;
use super::monadic::Monadic;
use super::rows::{acled, ucdp, Cells, Index};
use super::table::Table;

/// What reading has found so far, carried from one batch to the next.
pub(super) struct Reading {
    kind: ExportKind,
    index: Index,
    pub(super) rows: usize,
    events: usize,
    bad: SetAside,
    /// Monadic ACLED has one row per actor: events are held until every row is read.
    monadic: Monadic,
    span: Option<(Date, Date)>,
    /// The latest ACLED `timestamp` of the rows used.
    updated: Option<i64>,
    /// The file's own version, the stamp of a row without a `timestamp` (see
    /// `EventRef::stamp`).
    pub(super) version: i64,
    /// Rows whose best estimate of deaths lies outside their own low–high, and the
    /// first one's record number.
    outside: (usize, usize),
    /// The rows received so far, counted or held.
    received: usize,
    /// The order of slash dates: given, or told by the first date with a field above
    /// 12; `None` until then.
    order: Option<DateOrder>,
    /// Who told `order`.
    order_by: OrderBy,
    /// The order the export's layout writes, assumed when no date tells (UCDP's
    /// website export writes month first).
    usual: Option<DateOrder>,
    /// Whether the export writes slash dates, once its first date has told.
    slash_dates: Option<bool>,
    /// Pieces whose slash dates wait for the order, in file order.
    held: Vec<(Table, PieceStart)>,
    /// Whether the first date has a two-digit year (then the outputs say how it is read).
    two_digit_years: bool,
}

impl Reading {
    /// `given` is `--date-order`; `usual` the order the layout writes, for a file whose
    /// dates never tell.
    pub(super) fn new(
        kind: ExportKind,
        index: Index,
        given: Option<DateOrder>,
        usual: Option<DateOrder>,
    ) -> Reading {
        Reading {
            kind,
            index,
            received: 0,
            order: given,
            order_by: OrderBy::Flag,
            usual,
            slash_dates: None,
            held: Vec::new(),
            two_digit_years: false,
            rows: 0,
            events: 0,
            bad: SetAside::default(),
            monadic: Monadic::default(),
            span: None,
            updated: None,
            version: 0,
            outside: (0, 0),
        }
    }

    /// Takes one split piece, whose first byte is at `offset` on `line`: counts it, or
    /// holds it while its slash dates wait for the file to tell their order.
    pub(super) fn add(
        &mut self,
        table: Table,
        (offset, line): (u64, usize),
        sink: &mut dyn FnMut(&EventRef),
    ) {
        let start = PieceStart {
            offset,
            line,
            record: self.received + 1,
        };
        self.received += table.height();
        let mut ambiguous = false;
        if self.order.is_none() && self.slash_dates != Some(false) {
            let (order, undecided) = self.scan_dates(&table);
            self.order = order;
            self.order_by = OrderBy::Rows;
            ambiguous = undecided;
        }
        if self.order.is_none() && (ambiguous || !self.held.is_empty()) {
            self.held.push((table, start));
            return;
        }
        for (held, at) in std::mem::take(&mut self.held) {
            self.batch(&held, at, sink);
        }
        self.batch(&table, start, sink);
    }

    /// What a piece's dates say of the order of slash dates: the order when one has a
    /// field above 12, and whether any could be read either way.
    /// An export writes its dates one way: the first date tells whether they are slash
    /// dates at all, and a file of ISO or named-month dates is not scanned again (a
    /// slash date further on, without an order, is a row left out with its reason).
    fn scan_dates(&mut self, table: &Table) -> (Option<DateOrder>, bool) {
        let Some(at) = self.index.date else {
            return (None, false);
        };
        if self.slash_dates.is_none() {
            if let Some(first) = table.column(at).flatten().next() {
                self.slash_dates = Some(first.as_bytes().contains(&b'/'));
                self.two_digit_years = dates::has_two_digit_year(first);
            }
        }
        if self.slash_dates == Some(false) {
            return (None, false);
        }
        let mut ambiguous = false;
        for date in table.column(at).flatten() {
            if !date.as_bytes().contains(&b'/') {
                continue;
            }
            if let Some(order) = dates::evidence(date) {
                return (Some(order), false);
            }
            ambiguous |= dates::ambiguous(date);
        }
        (None, ambiguous)
    }

    /// The slash dates never said their order: the pieces held wait for `--date-order`.
    pub(super) fn undecided(&self) -> bool {
        !self.held.is_empty()
    }

    /// For a file whose dates never told their order, the order its layout writes:
    /// counts the pieces held in it and says so (`None` when the layout has no usual
    /// order, and the order must be given).
    pub(super) fn assume_usual(
        &mut self,
        column: &str,
        sink: &mut dyn FnMut(&EventRef),
    ) -> Option<String> {
        let usual = self.usual?;
        self.order = Some(usual);
        self.order_by = OrderBy::Layout;
        for (held, at) in std::mem::take(&mut self.held) {
            self.batch(&held, at, sink);
        }
        Some(format!(
            "no {column} says whether the month or the day comes first (none has a field above 12): read {}, as the {} writes them; give --date-order if the file was saved otherwise",
            usual.describe(),
            self.kind.describe()
        ))
    }

    /// Counts one piece's rows.
    fn batch(&mut self, table: &Table, start: PieceStart, sink: &mut dyn FnMut(&EventRef)) {
        let index = &self.index;
        let mut row: Vec<Option<&str>> = vec![None; table.width()];
        let mut actors: Vec<&str> = Vec::new();
        for record in 0..table.height() {
            self.rows += 1;
            // Trimmed, and empty where `NA`, as split.
            for (slot, cell) in row.iter_mut().zip(table.row(record)) {
                *slot = cell;
            }
            actors.clear();
            let cells = Cells {
                row: &row,
                index,
                order: self.order,
                order_by: self.order_by,
            };
            let parsed = match self.kind {
                _ if row.iter().all(Option::is_none) => {
                    Err("an empty line (every needed cell is empty)".to_string())
                }
                ExportKind::Acled { .. } => acled(&cells, &mut actors),
                ExportKind::Ucdp { website } => ucdp(&cells, website, &mut actors),
            };
            let mut fields = match parsed {
                Ok(fields) => fields,
                Err(reason) => {
                    let piece = (self.bad.len() < LISTED).then_some(start);
                    self.bad.push(BadRow {
                        record: self.rows,
                        reason,
                        piece,
                    });
                    continue;
                }
            };
            fields.stamp = self.version;
            if let Some((low, high)) = fields.range {
                if fields.fatalities < low || fields.fatalities > high {
                    if self.outside.0 == 0 {
                        self.outside.1 = self.rows;
                    }
                    self.outside.0 += 1;
                }
            }
            if let Some(stamp) = cells.get(index.timestamp) {
                if let Ok(stamp) = stamp.parse::<i64>() {
                    self.updated = self.updated.max(Some(stamp));
                    fields.stamp = stamp;
                }
            }
            self.span = Some(match self.span {
                None => (fields.date, fields.date),
                Some((first, last)) => (first.min(fields.date), last.max(fields.date)),
            });
            if self.kind != (ExportKind::Acled { monadic: true }) {
                self.events += 1;
                sink(&fields.with(&actors));
                continue;
            }
            self.monadic.add(&fields, &actors);
        }
    }

    /// Passes on the monadic events held back, and says what was read.
    pub(super) fn finish(mut self, sink: &mut dyn FnMut(&EventRef)) -> Export {
        self.events += self.monadic.len();
        std::mem::take(&mut self.monadic).drain(sink);
        Export {
            kind: self.kind,
            rows: self.rows,
            events: self.events,
            bad: self.bad,
            span: self.span,
            hash: None,
            version: None,
            updated: self.updated,
            container: super::source::Container::Csv,
            seekable: true,
            delimiter: b',',
            unavailable: Vec::new(),
            notes: self
                .two_digit_years
                .then(|| crate::numbers::TWO_DIGIT_YEARS.to_string())
                .into_iter()
                .chain((self.outside.0 > 0).then(|| {
                    let (rows, first) = self.outside;
                    let (gives, own) = if rows == 1 { ("row gives", "its") } else { ("rows give", "their") };
                    format!(
                        "{rows} {gives} a best estimate of deaths outside {own} own low and high (the first is data row {first}): counted as given, and a total whose best lies outside its summed range is shown as \"outside\" it"
                    )
                }))
                .collect(),
        }
    }
}
