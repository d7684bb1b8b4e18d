//! SHA-256 as the stamps show it: over named parts (each its name, a NUL, its bytes and
//! a NUL, so renaming a part or moving bytes between parts changes it), in lower-case
//! hex.

use sha2::{Digest, Sha256};

/// A digest of named parts, added in order.
#[derive(Default)]
pub(crate) struct Named(Sha256);

impl Named {
    pub(crate) fn add(&mut self, name: &str, bytes: &[u8]) {
        self.0.update(name.as_bytes());
        self.0.update([0]);
        self.0.update(bytes);
        self.0.update([0]);
    }

    pub(crate) fn finish(self) -> String {
        hex(self.0)
    }
}

/// A hasher's digest in lower-case hex.
pub(crate) fn hex(hasher: Sha256) -> String {
    hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_are_told_apart_by_name_and_boundary() {
        let digest = |parts: &[(&str, &str)]| {
            let mut named = Named::default();
            for (name, bytes) in parts {
                named.add(name, bytes.as_bytes());
            }
            named.finish()
        };
        let a = digest(&[("a.csv", "12"), ("b.csv", "3")]);
        assert_eq!(a.len(), 64);
        assert_ne!(a, digest(&[("a.csv", "1"), ("b.csv", "23")]));
        assert_ne!(a, digest(&[("c.csv", "12"), ("b.csv", "3")]));
        assert_eq!(a, digest(&[("a.csv", "12"), ("b.csv", "3")]));
    }
}
