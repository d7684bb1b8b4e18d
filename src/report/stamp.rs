//! The reproducibility stamp: which tool, data, claims and seed produced a report, with a
//! SHA-256 over the input files so a reader can tell whether the data changed since.

use sha2::{Digest, Sha256};

use crate::data::DataChoice;
use crate::data::{embedded, FILES};
use crate::error::Error;

/// SHA-256 over the dataset files in a fixed order, each as its name, a NUL, its bytes
/// and a NUL, so renaming or moving bytes between files changes the hash.
pub(crate) fn data_hash(choice: &DataChoice) -> Result<String, Error> {
    let mut hasher = Sha256::new();
    for name in FILES {
        let bytes = match choice {
            DataChoice::Embedded => embedded::get(name).unwrap_or("").as_bytes().to_vec(),
            DataChoice::Dir(dir) => {
                let path = dir.join(name);
                std::fs::read(&path)
                    .map_err(|e| Error::io(format!("cannot read {}", path.display()), e))?
            }
        };
        hasher.update(name.as_bytes());
        hasher.update([0]);
        hasher.update(&bytes);
        hasher.update([0]);
    }
    Ok(hex(&hasher.finalize()))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
