//! Renderers: each takes computed rows and returns text. Writing it anywhere is the
//! caller's job.

pub(crate) mod benchmarks;
pub(crate) mod claims;
pub(crate) mod draft;
pub(crate) mod events;
pub(crate) mod extract;
pub(crate) mod format;
pub(crate) mod imports;
pub(crate) mod layout;
pub(crate) mod list;
pub(crate) mod markdown;
pub(crate) mod rows;
pub(crate) mod samples;
pub(crate) mod sensitivity;
pub(crate) mod terminal;
pub(crate) mod tidy;
pub(crate) mod trajectory;
pub(crate) mod width;

/// How a command prints what it computed: a terminal table, Markdown, or tidy CSV / JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    Table,
    Markdown,
    Csv,
    Json,
}

impl Format {
    pub(crate) const ALL: [Format; 4] =
        [Format::Table, Format::Markdown, Format::Csv, Format::Json];

    /// The name on the command line.
    pub(crate) fn id(self) -> &'static str {
        match self {
            Format::Table => "table",
            Format::Markdown => "markdown",
            Format::Csv => "csv",
            Format::Json => "json",
        }
    }
}
