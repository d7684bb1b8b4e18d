//! Temporary files beside their targets: named so the tool knows them as its own
//! (`.NAME.XXXXXX.insurgency-metrics-tmp`), locked while their run lives, removed on
//! error, on drop, and on SIGINT or SIGTERM; the ones a killed run left behind are swept
//! (their lock is gone with the process that held it).

use std::fs::{self, File, Metadata, Permissions};
use std::io::{BufWriter, Write};
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, Once};

use tempfile::NamedTempFile;

use crate::error::Error;

/// What ends the name of every temporary file the tool creates.
pub(crate) const TEMP_SUFFIX: &str = ".insurgency-metrics-tmp";

/// The temporaries alive in this process, removed by the signal handler.
static LIVE: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());
static HANDLER: Once = Once::new();
/// Held while a set of files is renamed into place: a signal then waits for the set to
/// be complete before the run exits, so a set is never left half swapped.
static COMMITTING: Mutex<()> = Mutex::new(());

/// Holds off the signal handler's exit until dropped.
pub(crate) fn committing() -> std::sync::MutexGuard<'static, ()> {
    COMMITTING.lock().unwrap_or_else(|e| e.into_inner())
}

/// A file being written beside its target, renamed over it by `commit`.
pub(crate) struct Staged {
    file: Option<BufWriter<NamedTempFile>>,
    path: PathBuf,
    target: PathBuf,
}

impl Staged {
    /// A new temporary beside `target` (whose directory must exist): mode 0666 less the
    /// umask for a new file, the existing file's mode (and, where allowed, owner) for a
    /// replaced one.
    pub(crate) fn beside(target: &Path, existing: Option<&Metadata>) -> Result<Staged, Error> {
        let dir = directory(target);
        let shown = target.display();
        // At most 100 characters of the target's name, so the temporary's name stays
        // within the file system's limit.
        let name: String = target
            .file_name()
            .map_or_else(|| "output".into(), |n| n.to_string_lossy().into_owned())
            .chars()
            .take(100)
            .collect();
        sweep(dir);
        install_handler();
        let prefix = format!(".{name}.");
        let file = tempfile::Builder::new()
            .prefix(&prefix)
            .suffix(TEMP_SUFFIX)
            .rand_bytes(8)
            .permissions(Permissions::from_mode(0o666))
            .tempfile_in(dir)
            .map_err(|e| Error::io(format!("cannot create a file in {}", dir.display()), e))?;
        // The lock tells a later sweep that this run is alive; it goes with the process.
        file.as_file()
            .try_lock()
            .map_err(|e| Error::io(format!("cannot lock a file in {}", dir.display()), e.into()))?;
        if let Some(meta) = existing {
            // Keeps the owner when run as root over another user's file; elsewhere a
            // no-op or refused, which changes nothing. Before the mode: a change of
            // owner clears the set-id bits.
            let _ = std::os::unix::fs::fchown(file.as_file(), Some(meta.uid()), Some(meta.gid()));
            let mode = Permissions::from_mode(meta.mode() & 0o7777);
            file.as_file()
                .set_permissions(mode)
                .map_err(|e| Error::io(format!("cannot write {shown}"), e))?;
        }
        let path = file.path().to_path_buf();
        register(&path);
        Ok(Staged {
            file: Some(BufWriter::with_capacity(1 << 16, file)),
            path,
            target: target.to_path_buf(),
        })
    }

    /// Where the bytes go.
    pub(crate) fn writer(&mut self) -> &mut dyn Write {
        self.file.as_mut().expect("written before commit")
    }

    /// Flushes and syncs the bytes: after this only the rename is left.
    pub(crate) fn finish(&mut self) -> Result<(), Error> {
        let shown = self.target.display().to_string();
        let file = self.file.as_mut().expect("finished once");
        file.flush()
            .and_then(|()| file.get_ref().as_file().sync_data())
            .map_err(|e| Error::io(format!("cannot write {shown}"), e))
    }

    /// Renames the temporary over the target.
    pub(crate) fn commit(mut self) -> Result<(), Error> {
        let shown = self.target.display().to_string();
        let file = self.file.take().expect("committed once");
        let file = file
            .into_inner()
            .map_err(|e| Error::io(format!("cannot write {shown}"), e.into_error()))?;
        let result = file.persist(&self.target);
        unregister(&self.path);
        result.map_err(|e| Error::io(format!("cannot write {shown}"), e.error))?;
        Ok(())
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        // NamedTempFile removes the file itself when dropped uncommitted.
        self.file.take();
        unregister(&self.path);
    }
}

/// The directory a path's file is in (`.` for a bare name).
pub(crate) fn directory(path: &Path) -> &Path {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    }
}

fn register(path: &Path) {
    if let Ok(mut live) = LIVE.lock() {
        live.push(path.to_path_buf());
    }
}

fn unregister(path: &Path) {
    if let Ok(mut live) = LIVE.lock() {
        live.retain(|p| p != path);
    }
}

/// On SIGINT or SIGTERM: remove every live temporary, then exit as the signal would
/// (128 + its number). The handler runs on its own thread (signal-hook's iterator), so
/// it may take the lock and touch the file system.
fn install_handler() {
    HANDLER.call_once(|| {
        use signal_hook::consts::{SIGINT, SIGTERM};
        let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM]) else {
            return;
        };
        std::thread::spawn(move || {
            if let Some(signal) = signals.forever().next() {
                let _set = committing();
                if let Ok(live) = LIVE.lock() {
                    for path in live.iter() {
                        let _ = fs::remove_file(path);
                    }
                }
                std::process::exit(128 + signal);
            }
        });
    });
}

/// Removes the temporaries in `dir` that a run which is no longer alive left behind:
/// only names the tool gives its own, and only when no process holds their lock.
pub(crate) fn sweep(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !(name.starts_with('.') && name.ends_with(TEMP_SUFFIX)) {
            continue;
        }
        if !entry.file_type().is_ok_and(|t| t.is_file()) {
            continue;
        }
        let Ok(file) = File::open(entry.path()) else {
            continue;
        };
        // A run that is alive holds the lock; one that was killed released it. A file
        // younger than two seconds may be one that its run has not locked yet.
        let young = file
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_none_or(|age| age < std::time::Duration::from_secs(2));
        if !young && file.try_lock().is_ok() {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Holds an exclusive lock on a directory while a set of files in it is replaced, so
/// that two runs writing the same report take turns instead of interleaving.
pub(crate) struct DirLock(#[allow(dead_code)] File);

impl DirLock {
    pub(crate) fn take(dir: &Path) -> Result<DirLock, Error> {
        let shown = dir.display();
        let file = File::open(dir).map_err(|e| Error::io(format!("cannot open {shown}"), e))?;
        file.lock()
            .map_err(|e| Error::io(format!("cannot lock {shown}"), e))?;
        Ok(DirLock(file))
    }

    /// A shared lock, for reading a set: taken after a writer's renames, never during
    /// them. `None` when the directory cannot be opened (then there is nothing to read).
    pub(crate) fn shared(dir: &Path) -> Option<DirLock> {
        let file = File::open(dir).ok()?;
        file.lock_shared().ok()?;
        Some(DirLock(file))
    }
}
