//! Claim files as a run reads them: the files named (or `seeds/`, or the copy embedded
//! in the binary), their texts and hash, parsed against the data.

use std::path::{Path, PathBuf};

use crate::data::Dataset;
use crate::error::{Error, Location, Problem};

use super::parse::{self, SeenIds};
use super::{embedded, ClaimFile};

/// A claim file's display name and text.
pub(crate) struct ClaimText {
    pub(crate) name: String,
    pub(crate) text: String,
}

/// The claims of a run: the parsed files, how outputs name where they came from, and
/// the SHA-256 over their texts.
pub(crate) struct ClaimSet {
    pub(crate) files: Vec<ClaimFile>,
    pub(crate) described: String,
    pub(crate) hash: String,
}

/// Reads the claim files at `paths` and parses them against `data`; every problem
/// found when any is malformed.
pub(crate) fn load(data: &Dataset, paths: &[PathBuf]) -> Result<ClaimSet, Error> {
    let (described, texts) = read_texts(paths)?;
    let files = parse_all(data, &texts)?;
    Ok(ClaimSet {
        files,
        described,
        hash: texts_hash(&texts),
    })
}

/// SHA-256 over the claim files sorted by base name (then text), each as its base name,
/// a NUL, its text and a NUL: the same claims give the same hash whatever order they
/// are read in (a directory, the embedded copy, files named one by one).
fn texts_hash(texts: &[ClaimText]) -> String {
    let base = |t: &ClaimText| t.name.rsplit('/').next().unwrap_or(&t.name).to_string();
    let mut sorted: Vec<(String, &str)> =
        texts.iter().map(|t| (base(t), t.text.as_str())).collect();
    sorted.sort();
    let mut digest = crate::digest::Named::default();
    for (base, text) in sorted {
        digest.add(&base, text.as_bytes());
    }
    digest.finish()
}

/// The claim files to read, and how outputs name them. No path: `seeds/` in the
/// current directory when it exists, otherwise the embedded copy.
fn read_texts(paths: &[PathBuf]) -> Result<(String, Vec<ClaimText>), Error> {
    if paths.is_empty() {
        let default = Path::new("seeds");
        if !default.is_dir() {
            let texts = embedded::FILES
                .iter()
                .map(|(name, text)| ClaimText {
                    name: format!("embedded:seeds/{name}"),
                    text: text.to_string(),
                })
                .collect();
            return Ok(("embedded (shipped with the binary)".to_string(), texts));
        }
        return read_texts(&[default.to_path_buf()]);
    }
    if paths.iter().filter(|p| is_stdin(p)).count() > 1 {
        return Err(Error::Usage(
            "-: standard input can be read once; give `-` one time".into(),
        ));
    }
    let mut files = Vec::new();
    for path in paths {
        files.extend(files_at(path)?);
    }
    let described: Vec<String> = paths
        .iter()
        .map(|p| match is_stdin(p) {
            true => "stdin".to_string(),
            false => p.display().to_string(),
        })
        .collect();
    let texts = files
        .iter()
        .map(|file| read_text(file))
        .collect::<Result<Vec<_>, _>>()?;
    Ok((described.join(", "), texts))
}

/// The claim files a path names: itself, or the `*.toml` files of a directory, sorted.
fn files_at(path: &Path) -> Result<Vec<PathBuf>, Error> {
    if path.is_file() || is_stdin(path) {
        return Ok(vec![path.to_path_buf()]);
    }
    if path.exists() && !path.is_dir() {
        return Err(not_regular(&path.display().to_string()));
    }
    if !path.is_dir() {
        return Err(Error::Usage(format!(
            "{}: no such file or directory; give claim files (*.toml) or a directory of them",
            path.display()
        )));
    }
    let entries = std::fs::read_dir(path)
        .map_err(|e| Error::io(format!("cannot read {}", path.display()), e))?;
    let mut found: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    found.sort();
    if found.is_empty() {
        return Err(Error::Usage(format!(
            "{}: no claim files (*.toml) in this directory",
            path.display()
        )));
    }
    Ok(found)
}

/// `-`: a claim file on standard input.
fn is_stdin(path: &Path) -> bool {
    path == Path::new("-")
}

/// A claim file that is a FIFO, a device or a socket is refused before it is opened:
/// reading one could hang or never end.
fn not_regular(name: &str) -> Error {
    Error::Data(vec![Problem::new(
        "not a regular file",
        Location::file(name),
    )
    .help(
        "claim files are TOML files on disk; a FIFO, device or socket is not read",
    )])
}

/// A claim file as an input file.
const CLAIM_FILE: crate::input::Kind = crate::input::Kind {
    noun: "claim files",
    form: "TOML files",
    limit: 64 * 1024 * 1024,
};

fn read_text(file: &Path) -> Result<ClaimText, Error> {
    let (name, bytes) = if is_stdin(file) {
        let bytes = crate::input::bounded(std::io::stdin().lock(), "stdin", &CLAIM_FILE)?;
        ("stdin".to_string(), bytes)
    } else {
        let name = file.display().to_string();
        (name, crate::input::read_existing(file, &CLAIM_FILE)?)
    };
    let text = String::from_utf8(bytes).map_err(|_| {
        Error::Data(vec![
            Problem::new("not UTF-8", Location::file(&name)).help("save the claim file as UTF-8")
        ])
    })?;
    Ok(ClaimText { name, text })
}

/// Claim texts held in memory (a document's drafted claims) parsed as files are.
pub(crate) fn parse_texts(data: &Dataset, texts: &[ClaimText]) -> Result<Vec<ClaimFile>, Error> {
    parse_all(data, texts)
}

/// The claim files parsed against the data; every problem found when any is malformed.
fn parse_all(data: &Dataset, texts: &[ClaimText]) -> Result<Vec<ClaimFile>, Error> {
    let mut problems = Vec::new();
    let mut seen: SeenIds = Vec::new();
    let files: Vec<ClaimFile> = texts
        .iter()
        .filter_map(|t| parse::read(&t.name, &t.text, data, &mut seen, &mut problems))
        .collect();
    if !problems.is_empty() {
        return Err(Error::Data(problems));
    }
    Ok(files)
}
