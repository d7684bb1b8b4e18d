//! One file per subcommand, each a thin shell with the same shape: take the checked
//! config, load the workspace it needs, and return an outcome or an error. Commands
//! never call each other; what two of them share lives in the library.

pub(crate) mod check;
pub(crate) mod check_document;
pub(crate) mod completions;
pub(crate) mod events;
pub(crate) mod extract;
pub(crate) mod import;
pub(crate) mod list;
pub(crate) mod man;
pub(crate) mod report;
pub(crate) mod sensitivity;
pub(crate) mod sources;
pub(crate) mod table;
pub(crate) mod validate;
pub(crate) mod years;
