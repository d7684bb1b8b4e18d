//! Buffers handed back once their piece is counted, to be filled again: a fresh buffer
//! for every piece of a large export costs the kernel its pages each time.

use std::sync::{Arc, Mutex, PoisonError};

/// The most buffers kept: the pieces in memory at once.
const KEPT: usize = 6;

/// Buffers of `T` waiting to be filled again.
#[derive(Debug)]
pub(crate) struct Spare<T>(Arc<Mutex<Vec<Vec<T>>>>);

impl<T> Clone for Spare<T> {
    fn clone(&self) -> Self {
        Spare(Arc::clone(&self.0))
    }
}

impl<T> Default for Spare<T> {
    fn default() -> Self {
        Spare(Arc::default())
    }
}

impl<T> Spare<T> {
    /// Takes back a buffer whose piece is done with.
    pub(crate) fn give(&self, mut buffer: Vec<T>) {
        buffer.clear();
        let mut kept = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        if kept.len() < KEPT {
            kept.push(buffer);
        }
    }

    /// An empty buffer to fill, if one was given back.
    pub(crate) fn take(&self) -> Option<Vec<T>> {
        let mut kept = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        kept.pop()
    }
}
