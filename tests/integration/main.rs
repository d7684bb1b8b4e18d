//! Integration tests: the real binary on small fixture datasets.

mod bad_input;
mod check;
mod event_metrics;
mod events;
mod gate;
mod layers;
mod report;
mod shipped;
mod signals;
mod table;
mod uncertainty;
mod usage;
mod util;
mod writes;
