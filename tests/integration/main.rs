//! Integration tests: the real binary on small fixture datasets.

mod bad_input;
mod check;
mod commands;
mod constructions;
mod containers;
mod corpus;
mod data_choice;
mod event_metrics;
mod events;
mod export_limits;
mod extract;
mod gate;
mod gold;
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
mod width;
mod writes;
