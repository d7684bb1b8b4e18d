//! Where a write lands, decided before anything is written: standard output (`-`), a
//! FIFO or device (written directly, never renamed over and never read), or a regular
//! file at its real path (symlinks followed, so a link stays a link), together with what
//! the run may not overwrite: its own inputs, and files the tool did not write.

use std::fs::{self, Metadata};
use std::io::Read;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use crate::data::{DataChoice, FILES};
use crate::error::Error;

use super::Kind;

/// A resolved output path.
pub(crate) enum Target {
    /// `-`: the process's standard output.
    Stdout,
    /// A FIFO, character or block device or socket, opened and written as it is.
    Direct(PathBuf),
    /// A regular file, existing or to be created, at its real path.
    File {
        real: PathBuf,
        existing: Option<Metadata>,
    },
}

/// Links followed before giving up, as the kernel's own limit.
const MAX_LINKS: usize = 40;

/// Follows `path` through its symlinks to what a write would reach.
pub(crate) fn resolve(path: &Path) -> Result<Target, Error> {
    if path.as_os_str() == "-" {
        return Ok(Target::Stdout);
    }
    // What the path reaches, the kernel following every link (/dev/stdout and
    // /proc/self/fd/1 lead to a pipe's node, which no path names): the run's own
    // standard output is written through it, so that nothing renames a file over what
    // the shell redirected to, and anything but a file or folder is written as it is.
    if let Ok(meta) = fs::metadata(path) {
        let stdout = fs::metadata("/proc/self/fd/1").or_else(|_| fs::metadata("/dev/stdout"));
        if stdout.is_ok_and(|out| (out.dev(), out.ino()) == (meta.dev(), meta.ino())) {
            return Ok(Target::Stdout);
        }
        if !meta.is_file() && !meta.is_dir() {
            return Ok(Target::Direct(path.to_path_buf()));
        }
    }
    let shown = path.display();
    let mut real = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match fs::symlink_metadata(&real) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let link = fs::read_link(&real)
                    .map_err(|e| Error::io(format!("cannot follow the link {shown}"), e))?;
                // A relative link is relative to the link's own directory; an absolute
                // one replaces the path (`join` does both).
                real = real.parent().map_or(link.clone(), |dir| dir.join(&link));
            }
            Ok(meta) if meta.is_file() => {
                return Ok(Target::File {
                    real,
                    existing: Some(meta),
                })
            }
            Ok(meta) if meta.is_dir() => {
                return Err(Error::Usage(format!(
                    "{shown}: is a directory; name a file to write"
                )))
            }
            Ok(_) => return Ok(Target::Direct(real)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Ok(Target::File {
                    real,
                    existing: None,
                })
            }
            Err(e) => return Err(Error::io(format!("cannot inspect {shown}"), e)),
        }
    }
    Err(Error::Usage(format!(
        "{shown}: too many levels of symbolic links"
    )))
}

/// The files a run reads, by device and inode, so that no path, link or hard link to
/// one of them can be written over.
#[derive(Debug, Default, Clone)]
pub(crate) struct Inputs {
    ids: Vec<(u64, u64)>,
}

impl Inputs {
    /// The files at `paths`; a directory stands for the files in it (two levels deep, as
    /// claim directories are read). Paths that do not exist are skipped.
    pub(crate) fn of<'a>(paths: impl IntoIterator<Item = &'a Path>) -> Inputs {
        let mut inputs = Inputs::default();
        for path in paths {
            inputs.add(path, 2);
        }
        inputs
    }

    /// A run's inputs: the dataset files (when read from a directory) and `others`
    /// (claim files or directories, an event export).
    pub(crate) fn of_run<'a>(
        data: &DataChoice,
        others: impl IntoIterator<Item = &'a Path>,
    ) -> Inputs {
        let mut inputs = Inputs::of(others);
        if let DataChoice::Dir(dir) = data {
            for name in FILES {
                inputs.add(&dir.join(name), 0);
            }
        }
        inputs
    }

    fn add(&mut self, path: &Path, depth: usize) {
        let Ok(meta) = fs::metadata(path) else {
            return;
        };
        if meta.is_dir() {
            if depth == 0 {
                return;
            }
            for entry in fs::read_dir(path).into_iter().flatten().flatten() {
                self.add(&entry.path(), depth - 1);
            }
        } else {
            self.ids.push((meta.dev(), meta.ino()));
        }
    }

    fn contains(&self, meta: &Metadata) -> bool {
        self.ids.contains(&(meta.dev(), meta.ino()))
    }
}

/// Refuses a target that is an input of the run (always), or an existing regular file
/// whose first bytes lack `kind`'s marker (unless `force`). Only a regular file is read,
/// and only its first kilobytes.
pub(crate) fn check(
    path: &Path,
    target: &Target,
    kind: Kind,
    inputs: &Inputs,
    force: bool,
) -> Result<(), Error> {
    let shown = path.display();
    let meta = match target {
        Target::Stdout => return Ok(()),
        Target::Direct(real) => fs::metadata(real).ok(),
        Target::File { existing, .. } => existing.clone(),
    };
    if meta.as_ref().is_some_and(|m| inputs.contains(m)) {
        return Err(Error::Usage(format!(
            "{shown}: is an input of this run; refusing to write over it (inputs are never modified), choose another file"
        )));
    }
    let Target::File {
        real,
        existing: Some(_),
    } = target
    else {
        return Ok(());
    };
    if force || kind.owns(&head(real)) {
        return Ok(());
    }
    Err(Error::Usage(format!(
        "{shown}: refusing to overwrite a file insurgency-metrics did not generate (it lacks the {} marker); pass --force to replace it",
        kind.name()
    )))
}

/// The first 4 KiB of a regular file (empty when it cannot be read).
fn head(path: &Path) -> Vec<u8> {
    let mut bytes = Vec::new();
    if let Ok(file) = fs::File::open(path) {
        let _ = file.take(4096).read_to_end(&mut bytes);
    }
    bytes
}
