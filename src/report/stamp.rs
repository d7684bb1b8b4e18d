//! The reproducibility stamp: which tool, data, claims and seed produced a report, with a
//! SHA-256 over the input files so a reader can tell whether the data changed since.

use std::path::{Component, Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::data::DataChoice;
use crate::data::{embedded, FILES, OPTIONAL};
use crate::error::Error;

/// SHA-256 over the dataset files in a fixed order, each as its name, a NUL, its bytes
/// and a NUL, so renaming or moving bytes between files changes the hash.
pub(crate) fn data_hash(choice: &DataChoice) -> Result<String, Error> {
    let mut hasher = Sha256::new();
    for name in FILES {
        let bytes = match choice {
            DataChoice::Embedded => match embedded::get(name) {
                Some(text) => text.as_bytes().to_vec(),
                None => continue,
            },
            DataChoice::Dir(dir) => {
                let path = dir.join(name);
                if OPTIONAL.contains(&name) && !path.exists() {
                    continue;
                }
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

/// The data directory as the stamp names it: "datasets/", or "embedded".
pub(crate) fn data_name(choice: &DataChoice) -> String {
    match choice {
        DataChoice::Dir(dir) => format!("{}/", relative(dir).trim_end_matches('/')),
        DataChoice::Embedded => choice.short(),
    }
}

/// Claim files as the stamp names them: each relative to where the tool ran, `-` as
/// "stdin".
pub(crate) fn shown_paths(paths: &[PathBuf]) -> String {
    paths
        .iter()
        .map(|p| match p.as_os_str() == "-" {
            true => "stdin".to_string(),
            false => relative(p),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// A path as the report shows it: relative to the directory the tool ran in, so that
/// no absolute path of the writer's machine is published ("datasets/", "../data/").
pub(crate) fn relative(path: &Path) -> String {
    let dir = std::env::current_dir().ok();
    let shown = match (path.is_absolute(), dir) {
        (true, Some(dir)) => relative_to(path, &dir),
        _ => path.to_path_buf(),
    };
    let text = shown.display().to_string();
    if text.is_empty() {
        ".".into()
    } else {
        text
    }
}

/// `path` relative to `base`, both absolute: the common start dropped, a `..` for each
/// remaining part of `base`.
fn relative_to(path: &Path, base: &Path) -> PathBuf {
    let (p, b): (Vec<Component>, Vec<Component>) =
        (path.components().collect(), base.components().collect());
    let common = p.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let mut out = PathBuf::new();
    for _ in common..b.len() {
        out.push("..");
    }
    for part in &p[common..] {
        out.push(part.as_os_str());
    }
    out
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::relative_to;
    use std::path::Path;

    #[test]
    fn paths_are_shown_from_where_the_tool_ran() {
        let at = |p: &str, b: &str| relative_to(Path::new(p), Path::new(b));
        assert_eq!(
            at("/home/a/repo/datasets", "/home/a/repo"),
            Path::new("datasets")
        );
        assert_eq!(at("/home/a/data", "/home/a/repo"), Path::new("../data"));
        assert_eq!(at("/home/a/repo", "/home/a/repo"), Path::new(""));
    }
}
