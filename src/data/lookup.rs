//! The lookups by id a dataset keeps (built on first use by `index.rs`): the positions
//! of ids and estimate rows in its tables.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use super::basics::Quantity;

/// The positions of ids and estimate rows in a dataset's tables. Built again when a
/// table has grown since (the loader fills them one after another).
#[derive(Debug, Default)]
pub(crate) struct Index(pub(crate) Mutex<Option<Arc<Lookup>>>);

impl Clone for Index {
    fn clone(&self) -> Self {
        Index::default()
    }
}

#[derive(Debug)]
pub(crate) struct Lookup {
    pub(crate) sizes: [usize; 5],
    pub(crate) groups: HashMap<String, usize>,
    pub(crate) countries: HashMap<String, usize>,
    pub(crate) sources: HashMap<String, usize>,
    pub(crate) comparisons: HashMap<String, usize>,
    pub(crate) rows: HashMap<(Quantity, String), Vec<usize>>,
}

/// Position of each id, the first when an id is repeated (as a linear search finds).
pub(crate) fn positions<'a>(ids: impl Iterator<Item = &'a str>) -> HashMap<String, usize> {
    let mut out = HashMap::new();
    for (i, id) in ids.enumerate() {
        out.entry(id.to_string()).or_insert(i);
    }
    out
}
