//! Renderers: each takes computed rows and returns text. Writing it anywhere is the
//! caller's job.

pub mod claims;
pub mod csv;
pub(crate) mod events;
pub mod format;
pub mod layout;
pub mod markdown;
pub(crate) mod samples;
pub(crate) mod sensitivity;
pub mod terminal;
pub mod tidy;

/// How a command prints what it computed: a terminal table, Markdown, or tidy CSV / JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
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
