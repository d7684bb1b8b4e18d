//! Event data: ACLED and UCDP exports cut into pieces and split into the cells needed
//! on worker threads, matched to the groups of the datasets through their aliases, and counted per group, country and month into one
//! `Counts` that every command asks through one query.

mod blocks;
mod convert;
pub(crate) mod counts;
pub(crate) mod cover;
pub(crate) mod dates;
mod encoding;
mod event;
pub(crate) mod export;
pub(crate) mod found;
mod hashing;
mod header;
mod lines;
pub(crate) mod matching;
mod monadic;
mod parse;
mod pieces;
mod progress;
pub(crate) mod read;
mod reading;
mod rows;
mod seen;
pub(crate) mod source;
mod spare;
pub(crate) mod sums;
mod table;
pub(crate) mod tally;
mod versions;

pub(crate) use counts::{Counts, Query};
pub(crate) use export::{count, Request};
pub(crate) use sums::EventMeasure;
