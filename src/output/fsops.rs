//! Small file-system operations of the output stage: new files written once, directory
//! flushes, tree removal that does not follow symlinks, and the step counter that lets a
//! test kill a build at any file-system step.
//!
//! Paths and bytes in, files on disk out. A new file is created with `create_new`, so
//! nothing existing is ever overwritten here; the safe writes of user files live in
//! `textfile`.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};

use super::OutputError;

pub(super) fn io_err(path: &Path) -> impl FnOnce(io::Error) -> OutputError + '_ {
    move |source| OutputError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Writes `bytes` to a new file at `path`, flushed to disk when `durable`, and returns
/// the file's metadata once written.
pub(super) fn write_new_file(
    path: &Path,
    bytes: &[u8],
    durable: bool,
) -> Result<fs::Metadata, OutputError> {
    let mut file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(io_err(path))?;
    file.write_all(bytes).map_err(io_err(path))?;
    if durable {
        file.sync_all().map_err(io_err(path))?;
    }
    file.metadata().map_err(io_err(path))
}

/// Flushes a directory entry list to disk (so that renames inside it survive a crash).
pub(super) fn sync_dir(path: &Path) -> Result<(), OutputError> {
    #[cfg(unix)]
    File::open(path)
        .and_then(|d| d.sync_all())
        .map_err(io_err(path))?;
    let _ = path;
    Ok(())
}

/// Removes a directory tree. Symlinks inside it are removed, never followed
/// (`std::fs::remove_dir_all` guarantees this); a symlink at `path` itself is unlinked.
pub(super) fn remove_tree(path: &Path) -> Result<(), OutputError> {
    match fs::symlink_metadata(path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(io_err(path)(e)),
        Ok(m) if m.is_dir() => fs::remove_dir_all(path).map_err(io_err(path)),
        Ok(_) => fs::remove_file(path).map_err(io_err(path)),
    }
}

/// Counts the file-system steps of one publisher and aborts the process, as `kill -9`
/// would (no destructor runs, nothing is cleaned up), at the step a test asked for
/// ([`super::OutputOptions::crash_at`]). Without a crash point it only counts.
#[derive(Debug, Default)]
pub(super) struct Steps {
    done: AtomicU64,
    crash_at: Option<u64>,
}

impl Steps {
    pub fn new(crash_at: Option<u64>) -> Steps {
        Steps {
            done: AtomicU64::new(0),
            crash_at,
        }
    }

    /// Called just before each step that changes the file system.
    pub fn step(&self) {
        let n = self.done.fetch_add(1, Ordering::SeqCst) + 1;
        if self.crash_at == Some(n) {
            std::process::abort();
        }
    }

    /// Steps taken so far.
    #[cfg(test)]
    pub fn count(&self) -> u64 {
        self.done.load(Ordering::SeqCst)
    }
}

/// Whether process `pid` may still be running. Without `/proc` we cannot tell, so
/// only our own process counts as alive and leftovers are judged by age instead.
pub(super) fn process_alive(pid: u32) -> Option<bool> {
    if pid == std::process::id() {
        return Some(true);
    }
    let proc = Path::new("/proc");
    proc.is_dir().then(|| proc.join(pid.to_string()).exists())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn remove_tree_does_not_follow_symlinks() {
        let tmp = tempfile::tempdir().unwrap();
        let outside = tmp.path().join("outside");
        fs::create_dir(&outside).unwrap();
        fs::write(outside.join("keep.txt"), "precious").unwrap();
        let tree = tmp.path().join("tree");
        fs::create_dir(&tree).unwrap();
        std::os::unix::fs::symlink(&outside, tree.join("link")).unwrap();
        remove_tree(&tree).unwrap();
        assert!(!tree.exists());
        assert_eq!(
            fs::read_to_string(outside.join("keep.txt")).unwrap(),
            "precious"
        );
        // A symlink at the top is unlinked, not followed.
        let top = tmp.path().join("top");
        std::os::unix::fs::symlink(&outside, &top).unwrap();
        remove_tree(&top).unwrap();
        assert!(outside.join("keep.txt").exists());
    }

    #[test]
    fn own_process_is_alive() {
        assert_eq!(process_alive(std::process::id()), Some(true));
    }
}
