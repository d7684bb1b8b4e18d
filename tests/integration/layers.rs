//! The module graph as the README's layout describes it, read from the sources: no
//! import cycle between top-level modules, a domain that knows nothing of the command
//! line or of display, and commands that never call each other.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`.
fn sources(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("src is readable") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            out.extend(sources(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// A file's code without its unit tests (which may reach anywhere).
fn code(path: &Path) -> String {
    let text = std::fs::read_to_string(path).expect("readable");
    match text.find("#[cfg(test)]\nmod tests") {
        Some(at) => text[..at].to_string(),
        None => text,
    }
}

/// The top-level module a file belongs to: `src/claims/verdict.rs` -> `claims`.
fn module(path: &Path) -> String {
    let relative = path.strip_prefix(src()).expect("under src");
    let first = relative.components().next().expect("a component");
    first
        .as_os_str()
        .to_string_lossy()
        .trim_end_matches(".rs")
        .to_string()
}

/// The top-level modules a file names through `crate::`.
fn uses(text: &str, modules: &BTreeSet<String>) -> BTreeSet<String> {
    text.match_indices("crate::")
        .map(|(at, _)| {
            text[at + 7..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect::<String>()
        })
        .filter(|m| modules.contains(m))
        .collect()
}

fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let files = sources(&src());
    let modules: BTreeSet<String> = files.iter().map(|f| module(f)).collect();
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in &files {
        let from = module(file);
        let to = uses(&code(file), &modules);
        graph
            .entry(from.clone())
            .or_default()
            .extend(to.into_iter().filter(|m| *m != from));
    }
    graph
}

#[test]
fn no_import_cycle_between_modules() {
    let graph = graph();
    // Depth-first search; a module met again on the current path closes a cycle.
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) {
        if done.contains(node) {
            return;
        }
        if let Some(at) = path.iter().position(|n| n == node) {
            panic!("import cycle: {} -> {node}", path[at..].join(" -> "));
        }
        path.push(node.to_string());
        for next in graph.get(node).into_iter().flatten() {
            visit(next, graph, path, done);
        }
        path.pop();
        done.insert(node.to_string());
    }
    let mut done = BTreeSet::new();
    for node in graph.keys() {
        visit(node, &graph, &mut Vec::new(), &mut done);
    }
}

#[test]
fn the_domain_knows_nothing_of_the_command_line_or_display() {
    for dir in [
        "data",
        "metrics",
        "events",
        "claims",
        "uncertainty",
        "extract",
    ] {
        for file in sources(&src().join(dir)) {
            let text = code(&file);
            for banned in [
                "clap",
                "crate::cli",
                "crate::config",
                "crate::render",
                "crate::cmd",
            ] {
                assert!(!text.contains(banned), "{} names {banned}", file.display());
            }
        }
    }
}

#[test]
fn commands_never_call_each_other() {
    let commands: Vec<PathBuf> = sources(&src().join("cmd"));
    let names: Vec<String> = commands
        .iter()
        .filter_map(|f| f.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .filter(|n| n != "mod")
        .collect();
    for file in &commands {
        let text = code(file);
        assert!(
            !text.contains("crate::cmd"),
            "{} names crate::cmd",
            file.display()
        );
        for name in &names {
            assert!(
                !text.contains(&format!("super::{name}")),
                "{} calls the {name} command",
                file.display()
            );
        }
    }
}

#[test]
fn command_files_are_thin_shells() {
    for file in sources(&src().join("cmd")) {
        let lines = std::fs::read_to_string(&file)
            .expect("readable")
            .lines()
            .count();
        assert!(lines <= 150, "{} has {lines} lines", file.display());
    }
}
