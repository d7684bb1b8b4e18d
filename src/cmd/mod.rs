//! One file per subcommand, each with the same shape: take the checked config, return
//! the text to print or an error.

pub mod check;
pub mod report;
pub mod sensitivity;
pub mod sources;
pub mod table;
pub mod validate;
