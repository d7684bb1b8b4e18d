//! The module graph as the README's layout describes it, read from the sources with a
//! Rust parser: every `use` tree (grouped ones too) and every path in the code,
//! resolved from `crate::`, `self::` and `super::` to the module it names. Each layer
//! uses only itself and those below it, no import cycle joins top-level modules, the
//! domain never names the command line, display or output, and commands never call
//! each other. Unit tests (`#[cfg(test)]`) may reach anywhere and are not read.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use syn::visit::Visit;

/// The README's layers, from the bottom up: a module may name its own layer's modules
/// and those below.
const LAYERS: [&[&str]; 7] = [
    &[
        "error",
        "units",
        "numbers",
        "separator",
        "input",
        "outcome",
        "digest",
    ],
    &[
        "data",
        "uncertainty",
        "metrics",
        "events",
        "claims",
        "extract",
        "import",
    ],
    &["workspace"],
    &["render", "report", "output"],
    &["cli", "config", "selection"],
    &["cmd"],
    &["lib"],
];

/// The domain: it knows nothing of the command line, of display or of writing files.
const DOMAIN: &[&str] = LAYERS[1];

fn layer(module: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&module))
}

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
    out.sort();
    out
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// The module path of a file: `src/claims/verdict.rs` is `claims::verdict`,
/// `src/claims/mod.rs` is `claims`, `src/lib.rs` is the crate root.
fn module_path(relative: &Path) -> Vec<String> {
    let mut parts: Vec<String> = relative
        .components()
        .map(|c| {
            c.as_os_str()
                .to_string_lossy()
                .trim_end_matches(".rs")
                .to_string()
        })
        .collect();
    if parts.last().is_some_and(|p| p == "mod" || p == "lib") {
        parts.pop();
    }
    parts
}

/// Whether an item is compiled for unit tests only.
fn for_tests(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|a| {
        a.path().is_ident("cfg") && a.parse_args::<syn::Ident>().is_ok_and(|i| i == "test")
    })
}

/// Every path a file names, as written (`use` trees expanded).
#[derive(Default)]
struct Names {
    paths: Vec<Vec<String>>,
}

impl Names {
    fn tree(&mut self, prefix: &mut Vec<String>, tree: &syn::UseTree) {
        match tree {
            syn::UseTree::Path(p) => {
                prefix.push(p.ident.to_string());
                self.tree(prefix, &p.tree);
                prefix.pop();
            }
            syn::UseTree::Name(n) => {
                let mut path = prefix.clone();
                if n.ident != "self" {
                    path.push(n.ident.to_string());
                }
                self.paths.push(path);
            }
            syn::UseTree::Rename(r) => {
                let mut path = prefix.clone();
                path.push(r.ident.to_string());
                self.paths.push(path);
            }
            syn::UseTree::Glob(_) => self.paths.push(prefix.clone()),
            syn::UseTree::Group(g) => {
                for item in &g.items {
                    self.tree(prefix, item);
                }
            }
        }
    }
}

impl<'ast> Visit<'ast> for Names {
    fn visit_item(&mut self, item: &'ast syn::Item) {
        let attrs = match item {
            syn::Item::Mod(i) => &i.attrs,
            syn::Item::Fn(i) => &i.attrs,
            syn::Item::Use(i) => &i.attrs,
            syn::Item::Impl(i) => &i.attrs,
            syn::Item::Struct(i) => &i.attrs,
            syn::Item::Enum(i) => &i.attrs,
            syn::Item::Const(i) => &i.attrs,
            syn::Item::Static(i) => &i.attrs,
            syn::Item::Trait(i) => &i.attrs,
            syn::Item::Type(i) => &i.attrs,
            _ => return syn::visit::visit_item(self, item),
        };
        if !for_tests(attrs) {
            syn::visit::visit_item(self, item);
        }
    }

    fn visit_item_use(&mut self, item: &'ast syn::ItemUse) {
        self.tree(&mut Vec::new(), &item.tree);
    }

    fn visit_path(&mut self, path: &'ast syn::Path) {
        let segments: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
        self.paths.push(segments);
        syn::visit::visit_path(self, path);
    }
}

/// A path resolved to the crate's module it names: `super::super::render::format`
/// in `data::model` is `render::format`. `None` for a path outside the crate (std,
/// a dependency, a local name).
fn resolve(file: &[String], path: &[String], top: &BTreeSet<String>) -> Option<Vec<String>> {
    let (first, rest) = path.split_first()?;
    let mut at: Vec<String> = match first.as_str() {
        "crate" => Vec::new(),
        "self" => file.to_vec(),
        "super" => {
            let mut at = file.to_vec();
            at.pop()?;
            let mut rest = rest;
            while let Some(("super", more)) = rest.split_first().map(|(h, t)| (h.as_str(), t)) {
                at.pop()?;
                rest = more;
            }
            at.extend(rest.iter().cloned());
            return Some(at);
        }
        // At the crate root, a top-level module is named without `crate::`.
        name if file.is_empty() && top.contains(name) => vec![name.to_string()],
        _ => return None,
    };
    at.extend(rest.iter().cloned());
    Some(at)
}

/// One file's text, as parsed, and where it stands.
struct Source {
    name: String,
    module: Vec<String>,
    text: String,
}

fn crate_sources() -> Vec<Source> {
    sources(&src())
        .into_iter()
        .filter(|f| !f.ends_with("main.rs"))
        .map(|f| {
            let relative = f.strip_prefix(src()).expect("under src").to_path_buf();
            Source {
                name: format!("src/{}", relative.display()),
                module: module_path(&relative),
                text: std::fs::read_to_string(&f).expect("readable"),
            }
        })
        .collect()
}

/// What breaks the layout, one line each ("src/data/model.rs: data names cli::Cli, a
/// layer above it"), and the graph of top-level modules.
fn check(files: &[Source]) -> (Vec<String>, BTreeMap<String, BTreeSet<String>>) {
    let top: BTreeSet<String> = files
        .iter()
        .filter_map(|f| f.module.first().cloned())
        .chain(std::iter::once("lib".to_string()))
        .collect();
    let mut problems = Vec::new();
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in files {
        let from = file.module.first().cloned().unwrap_or_else(|| "lib".into());
        let parsed =
            syn::parse_file(&file.text).unwrap_or_else(|e| panic!("{}: not Rust: {e}", file.name));
        let mut names = Names::default();
        names.visit_file(&parsed);
        for path in &names.paths {
            let at = &file.name;
            if DOMAIN.contains(&from.as_str()) && path.first().is_some_and(|p| p == "clap") {
                problems.push(format!("{at}: {from} names clap, the command line"));
            }
            let Some(target) = resolve(&file.module, path, &top) else {
                continue;
            };
            let Some(to) = target.first().filter(|t| top.contains(*t)) else {
                continue;
            };
            if *to == from {
                // Within cmd/, one command naming another.
                if from == "cmd" {
                    if let (Some(own), Some(other)) = (file.module.get(1), target.get(1)) {
                        if own != other && other != "mod" {
                            problems
                                .push(format!("{at}: the {own} command names the {other} command"));
                        }
                    }
                }
                continue;
            }
            graph.entry(from.clone()).or_default().insert(to.clone());
            if let (Some(a), Some(b)) = (layer(&from), layer(to)) {
                if b > a {
                    problems.push(format!(
                        "{at}: {from} names {}, a layer above it",
                        target.join("::")
                    ));
                }
            }
        }
    }
    for module in &top {
        assert!(
            layer(module).is_some(),
            "src/{module}: in no layer of LAYERS"
        );
    }
    problems.sort();
    problems.dedup();
    (problems, graph)
}

#[test]
fn each_layer_names_only_itself_and_those_below() {
    let (problems, _) = check(&crate_sources());
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn no_import_cycle_between_modules() {
    let (_, graph) = check(&crate_sources());
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

/// The sources with `line` added to the end of `file`, and what the check says of them.
fn with_edit(file: &str, line: &str) -> Vec<String> {
    let mut files = crate_sources();
    let source = files
        .iter_mut()
        .find(|s| s.name == file)
        .unwrap_or_else(|| panic!("no {file}"));
    source.text.push_str(line);
    source.text.push('\n');
    check(&files).0
}

/// Each edit that a check over the literal text `crate::NAME` let through is caught.
#[test]
fn the_check_catches_each_way_round_the_layers() {
    for (file, edit, expected) in [
        (
            "src/data/model.rs",
            "use crate::{cli::Cli};",
            "src/data/model.rs: data names cli::Cli, a layer above it",
        ),
        (
            "src/data/model.rs",
            "use super::super::render::format;",
            "data names render::format, a layer above it",
        ),
        (
            "src/metrics/compute.rs",
            "use crate::output::target;",
            "metrics names output::target, a layer above it",
        ),
        (
            "src/cmd/report.rs",
            "use super::{table, validate};",
            "the report command names the table command",
        ),
        (
            "src/claims/verdict.rs",
            "fn f() -> clap::Command { todo!() }",
            "claims names clap",
        ),
    ] {
        let problems = with_edit(file, edit);
        assert!(
            problems.iter().any(|p| p.contains(expected)),
            "{edit} in {file} passed: {problems:#?}"
        );
    }
    // A grouped import names every module in its group.
    let grouped = with_edit("src/data/model.rs", "use crate::{numbers, cli::Cli};");
    assert!(
        grouped
            .iter()
            .any(|p| p.ends_with("data names cli::Cli, a layer above it")),
        "{grouped:#?}"
    );
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

/// Within each top-level module, the files that name each other in a circle.
fn file_cycles(files: &[Source]) -> Vec<Vec<String>> {
    let top: BTreeSet<String> = files
        .iter()
        .filter_map(|f| f.module.first().cloned())
        .collect();
    let modules: BTreeSet<Vec<String>> = files.iter().map(|f| f.module.clone()).collect();
    let mut graph: BTreeMap<Vec<String>, BTreeSet<Vec<String>>> = BTreeMap::new();
    for file in files {
        let parsed = syn::parse_file(&file.text).expect("Rust");
        let mut names = Names::default();
        names.visit_file(&parsed);
        for path in &names.paths {
            let Some(mut target) = resolve(&file.module, path, &top) else {
                continue;
            };
            // The file a path leads into: its longest prefix that is a file's module.
            while !target.is_empty() && !modules.contains(&target) {
                target.pop();
            }
            let same_top = !target.is_empty() && target.first() == file.module.first();
            // A module's own `mod.rs` declares its files: that is not a use of them.
            let into_parent = file.module.starts_with(&target);
            if same_top && target != file.module && !into_parent {
                graph.entry(file.module.clone()).or_default().insert(target);
            }
        }
    }
    // Strongly connected components (Tarjan), those of more than one file.
    struct Tarjan<'g> {
        graph: &'g BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
        index: BTreeMap<Vec<String>, (usize, usize)>,
        stack: Vec<Vec<String>>,
        next: usize,
        out: Vec<Vec<String>>,
    }
    impl Tarjan<'_> {
        fn visit(&mut self, v: &Vec<String>) {
            self.index.insert(v.clone(), (self.next, self.next));
            self.next += 1;
            self.stack.push(v.clone());
            for w in self.graph.get(v).into_iter().flatten() {
                if !self.index.contains_key(w) {
                    self.visit(w);
                    let low = self.index[w].1.min(self.index[v].1);
                    self.index.get_mut(v).expect("visited").1 = low;
                } else if self.stack.contains(w) {
                    let low = self.index[w].0.min(self.index[v].1);
                    self.index.get_mut(v).expect("visited").1 = low;
                }
            }
            if self.index[v].0 == self.index[v].1 {
                let mut component = Vec::new();
                while let Some(w) = self.stack.pop() {
                    let done = &w == v;
                    component.push(w.join("::"));
                    if done {
                        break;
                    }
                }
                if component.len() > 1 {
                    component.sort();
                    self.out.push(component);
                }
            }
        }
    }
    let mut t = Tarjan {
        graph: &graph,
        index: BTreeMap::new(),
        stack: Vec::new(),
        next: 0,
        out: Vec::new(),
    };
    for v in graph.keys() {
        if !t.index.contains_key(v) {
            t.visit(v);
        }
    }
    t.out
}

/// No files inside a module name each other in a circle: each module's files read
/// from the bottom up, a file naming only those below it.
#[test]
fn no_import_cycle_between_files() {
    let found = file_cycles(&crate_sources());
    let shown: Vec<String> = found.iter().map(|c| c.join(" <-> ")).collect();
    assert!(found.is_empty(), "{shown:#?}");
}

/// The cycle check sees one: a bottom file made to name a file that names it.
#[test]
fn the_file_cycle_check_sees_a_new_cycle() {
    let mut files = crate_sources();
    let basics = files
        .iter_mut()
        .find(|s| s.name == "src/data/basics.rs")
        .expect("src/data/basics.rs");
    basics.text.push_str("use super::model::Dataset;\n");
    let found = file_cycles(&files);
    assert!(
        found
            .iter()
            .any(|c| c.contains(&"data::basics".to_string())
                && c.contains(&"data::model".to_string())),
        "{found:#?}"
    );
}

/// Every problem names a real place: a file as given, its line, column and key, or a
/// flag as typed. A string written in the code as a location's file names a place the
/// tool made up (once "uncertainty", "report", "the sampled inputs").
#[test]
fn problems_are_placed_in_inputs_or_flags_never_in_made_up_places() {
    let mut made_up = Vec::new();
    for file in crate_sources() {
        let code = file.text.split("#[cfg(test)]").next().unwrap_or_default();
        for (i, line) in code.lines().enumerate() {
            if line.contains("Location::file(\"") || line.contains("Location::line(\"") {
                made_up.push(format!("{}:{}: {}", file.name, i + 1, line.trim()));
            }
        }
    }
    assert!(made_up.is_empty(), "{made_up:#?}");
}
