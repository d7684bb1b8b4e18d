//! Renderers: each takes computed rows and returns text. Writing it anywhere is the
//! caller's job.

pub mod claims;
pub mod csv;
pub mod format;
pub mod layout;
pub mod markdown;
pub mod terminal;
pub mod tidy;
