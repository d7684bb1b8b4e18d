//! Reading an input file whole: regular files only (a FIFO would hang the run, a device
//! such as /dev/zero would never end), and never more than a stated size, each refusal
//! one message naming the file and what would be read instead.

use std::io::Read;
use std::path::Path;

use crate::error::{Error, Location, Problem};
use crate::numbers::grouped;

/// What an input is, for messages: "a hedge table", "claim files".
pub(crate) struct Kind {
    /// Files of this kind: "hedge tables".
    pub(crate) noun: &'static str,
    /// What they are: "TOML files".
    pub(crate) form: &'static str,
    /// The most bytes read.
    pub(crate) limit: u64,
}

/// The bytes of the file at `path`, or `None` when there is no such file.
pub(crate) fn read(path: &Path, kind: &Kind) -> Result<Option<Vec<u8>>, Error> {
    let name = path.display().to_string();
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(err) => return Err(Error::io(format!("cannot read {name}"), err)),
    };
    if !meta.is_file() {
        return Err(refused(
            &name,
            "not a regular file",
            format!(
                "{} are {} on disk; a FIFO, device, socket or directory is not read",
                kind.noun, kind.form
            ),
        ));
    }
    if meta.len() > kind.limit {
        return Err(too_large(&name, meta.len(), kind));
    }
    let file =
        std::fs::File::open(path).map_err(|e| Error::io(format!("cannot read {name}"), e))?;
    bounded(file, &name, kind).map(Some)
}

/// The bytes of the file at `path`; a missing file is a usage error (the path was
/// given on the command line), exit 2 as for a missing export.
pub(crate) fn read_existing(path: &Path, kind: &Kind) -> Result<Vec<u8>, Error> {
    read(path, kind)?.ok_or_else(|| {
        Error::Usage(format!(
            "{}: no such file ({} are {} on disk)",
            path.display(),
            kind.noun,
            kind.form
        ))
    })
}

/// Everything `source` gives, up to the kind's limit (standard input has no size to
/// check first).
pub(crate) fn bounded(source: impl Read, name: &str, kind: &Kind) -> Result<Vec<u8>, Error> {
    let mut bytes = Vec::new();
    source
        .take(kind.limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io(format!("cannot read {name}"), e))?;
    if bytes.len() as u64 > kind.limit {
        return Err(too_large(name, bytes.len() as u64, kind));
    }
    Ok(bytes)
}

fn too_large(name: &str, size: u64, kind: &Kind) -> Error {
    refused(
        name,
        &format!(
            "too large: more than {} bytes",
            grouped(kind.limit as f64, 0)
        ),
        format!(
            "{} of up to {} MB are read; {} bytes or more were given",
            kind.noun,
            kind.limit / 1024 / 1024,
            grouped(size as f64, 0)
        ),
    )
}

fn refused(name: &str, message: &str, help: String) -> Error {
    Error::Data(vec![Problem::new(message, Location::file(name)).help(help)])
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: Kind = Kind {
        noun: "test files",
        form: "text files",
        limit: 8,
    };

    #[test]
    fn an_endless_source_stops_at_the_limit() {
        let endless = std::io::repeat(0);
        let err = bounded(endless, "/dev/zero", &SMALL).expect_err("refused");
        assert!(err.to_string().contains("too large"), "{err}");
        assert_eq!(
            bounded(&b"12345678"[..], "x", &SMALL).expect("read").len(),
            8
        );
    }

    #[test]
    fn a_device_or_fifo_is_not_opened() {
        let err = read(Path::new("/dev/zero"), &SMALL).expect_err("refused");
        assert!(err.to_string().contains("not a regular file"), "{err}");
        assert!(read(Path::new("/no/such/file"), &SMALL)
            .expect("no error")
            .is_none());
    }
}
