//! Integration tests: the real binary on small fixture datasets.

// A test says on its own output why it skipped a part (no pandoc, no bash); only the
// library is held to printing nothing itself.
#![allow(clippy::print_stderr, clippy::print_stdout)]

mod bad_input;
mod check;
mod combined;
mod commands;
mod constructions;
mod containers;
mod corpus;
mod data_choice;
mod encodings;
mod event_metrics;
mod events;
mod export_limits;
mod extract;
mod fuzz;
mod gate;
mod gold;
mod hostile;
mod imports;
mod layers;
mod provenance;
mod publish;
mod report;
mod shipped;
mod signals;
mod silent_inputs;
mod table;
mod uncertainty;
mod usage;
mod util;
mod verdicts;
mod width;
mod writes;
mod years;
