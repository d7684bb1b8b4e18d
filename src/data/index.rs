//! Lookups by id for a dataset, built on first use, so that resolving every comparison
//! and checking every reference stays linear in the size of the data instead of
//! scanning every table once per comparison.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use super::model::{Dataset, Quantity, Row};

/// The positions of ids and estimate rows in a dataset's tables. Built again when a
/// table has grown since (the loader fills them one after another).
#[derive(Debug, Default)]
pub(crate) struct Index(Mutex<Option<Arc<Lookup>>>);

impl Clone for Index {
    fn clone(&self) -> Self {
        Index::default()
    }
}

#[derive(Debug)]
pub(crate) struct Lookup {
    sizes: [usize; 5],
    pub(crate) groups: HashMap<String, usize>,
    pub(crate) countries: HashMap<String, usize>,
    pub(crate) sources: HashMap<String, usize>,
    pub(crate) comparisons: HashMap<String, usize>,
    rows: HashMap<(Quantity, String), Vec<usize>>,
}

/// Position of each id, the first when an id is repeated (as a linear search finds).
fn positions<'a>(ids: impl Iterator<Item = &'a str>) -> HashMap<String, usize> {
    let mut out = HashMap::new();
    for (i, id) in ids.enumerate() {
        out.entry(id.to_string()).or_insert(i);
    }
    out
}

fn sizes(data: &Dataset) -> [usize; 5] {
    [
        data.groups.len(),
        data.countries.len(),
        data.sources.len(),
        data.comparisons.len(),
        data.rows.len(),
    ]
}

impl Dataset {
    /// The lookups, current for the tables as they are now.
    pub(crate) fn lookup(&self) -> Arc<Lookup> {
        let mut slot = self.index.0.lock().unwrap_or_else(|e| e.into_inner());
        let now = sizes(self);
        if let Some(lookup) = slot.as_ref().filter(|l| l.sizes == now) {
            return Arc::clone(lookup);
        }
        let mut rows: HashMap<(Quantity, String), Vec<usize>> = HashMap::new();
        for (i, row) in self.rows.iter().enumerate() {
            rows.entry((row.quantity, row.entity.clone()))
                .or_default()
                .push(i);
        }
        let lookup = Arc::new(Lookup {
            sizes: now,
            groups: positions(self.groups.iter().map(|g| g.id.as_str())),
            countries: positions(self.countries.iter().map(|c| c.id.as_str())),
            sources: positions(self.sources.iter().map(|s| s.id.as_str())),
            comparisons: positions(self.comparisons.iter().map(|c| c.id.as_str())),
            rows,
        });
        *slot = Some(Arc::clone(&lookup));
        lookup
    }

    /// The rows of `quantity` for `entity`, in file order.
    pub(crate) fn rows_for(&self, quantity: Quantity, entity: &str) -> Vec<&Row> {
        let lookup = self.lookup();
        lookup
            .rows
            .get(&(quantity, entity.to_string()))
            .map_or_else(Vec::new, |at| at.iter().map(|&i| &self.rows[i]).collect())
    }
}
