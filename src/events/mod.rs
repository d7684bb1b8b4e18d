//! Event data: ACLED and UCDP exports read with polars, matched to the groups of the
//! datasets through their aliases, and counted per group, country and period.

pub mod aggregate;
pub mod dates;
pub mod lines;
pub mod matching;
mod parse;
mod pieces;
mod progress;
pub mod read;
mod rows;
