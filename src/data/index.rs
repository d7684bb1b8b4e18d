//! Lookups by id for a dataset, built on first use, so that resolving every comparison
//! and checking every reference stays linear in the size of the data instead of
//! scanning every table once per comparison.

use std::collections::HashMap;
use std::sync::Arc;

use super::lookup::{positions, Lookup};
use super::model::{Dataset, Quantity, Row};

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
