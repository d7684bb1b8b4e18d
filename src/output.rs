//! Writing output files atomically: the text goes to a temporary file beside the
//! target, which is then renamed over it, so a failure never leaves a half-written or
//! emptied file.

use std::io::Write;
use std::path::Path;

use crate::error::Error;

pub(crate) fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let display = path.display().to_string();
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    if !dir.is_dir() {
        return Err(Error::Usage(format!(
            "{display}: the directory {} does not exist",
            dir.display()
        )));
    }
    let mut file = tempfile::NamedTempFile::new_in(dir)
        .map_err(|e| Error::io(format!("cannot create a file in {}", dir.display()), e))?;
    file.write_all(bytes)
        .and_then(|()| file.flush())
        .map_err(|e| Error::io(format!("cannot write {display}"), e))?;
    file.persist(path)
        .map_err(|e| Error::io(format!("cannot write {display}"), e.error))?;
    Ok(())
}
