//! The reproducibility stamp: which tool, data, claims and seed produced a report (the
//! SHA-256 over the dataset files is taken as they are read: `data::load`), and the
//! paths as shown from where the tool ran.

use std::path::{Component, Path, PathBuf};

use crate::data::DataChoice;

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
