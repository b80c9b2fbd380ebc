//! Small file-system operations that never lose data: atomic text writes, numbered
//! backups, durable writes and tree removal that does not follow symlinks.
//!
//! Bytes and paths in, files on disk out. Each function either completes or leaves the
//! previous state in place: a text file is replaced by rename from a temporary file in
//! the same directory (a crash leaves the old or the new file, never half of one), and a
//! backup is created with `create_new`, so an existing backup is never overwritten.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use super::OutputError;

fn io_err(path: &Path) -> impl FnOnce(io::Error) -> OutputError + '_ {
    move |source| OutputError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Writes `bytes` to a new file at `path`, flushed to disk when `durable`.
pub(super) fn write_new_file(path: &Path, bytes: &[u8], durable: bool) -> Result<(), OutputError> {
    let mut file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(io_err(path))?;
    file.write_all(bytes).map_err(io_err(path))?;
    if durable {
        file.sync_all().map_err(io_err(path))?;
    }
    Ok(())
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

/// Whether process `pid` may still be running. Without `/proc` we cannot tell, so
/// only our own process counts as alive and leftovers are judged by age instead.
pub(super) fn process_alive(pid: u32) -> Option<bool> {
    if pid == std::process::id() {
        return Some(true);
    }
    let proc = Path::new("/proc");
    proc.is_dir().then(|| proc.join(pid.to_string()).exists())
}

/// Replaces `path` with `text` atomically: a temporary file in the same directory is
/// written, flushed and renamed over `path`. Missing parent directories are created;
/// an existing file's permissions are kept. The temporary name ends in `.tmp`, which
/// the watcher ignores.
pub fn write_text_atomic(path: &Path, text: &str) -> Result<(), OutputError> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path.file_name().ok_or_else(|| OutputError::Io {
        path: path.to_path_buf(),
        source: io::Error::new(io::ErrorKind::InvalidInput, "not a file path"),
    })?;
    fs::create_dir_all(dir).map_err(io_err(dir))?;
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let tmp = dir.join(format!(
        ".{}.{}-{n}.tmp",
        name.to_string_lossy(),
        std::process::id()
    ));
    let result = (|| {
        write_new_file(&tmp, text.as_bytes(), true)?;
        if let Ok(meta) = fs::metadata(path) {
            fs::set_permissions(&tmp, meta.permissions()).map_err(io_err(&tmp))?;
        }
        fs::rename(&tmp, path).map_err(io_err(path))?;
        sync_dir(dir)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// Copies `path` to the first free name of `<file>.bak`, `<file>.bak2`, `<file>.bak3`, ...
/// and returns it. An existing backup is never overwritten.
pub fn backup(path: &Path) -> Result<PathBuf, OutputError> {
    let mut source = File::open(path).map_err(io_err(path))?;
    for n in 1..=10_000u32 {
        let suffix = if n == 1 {
            ".bak".to_string()
        } else {
            format!(".bak{n}")
        };
        let mut name = path.as_os_str().to_os_string();
        name.push(&suffix);
        let candidate = PathBuf::from(name);
        let mut dest = match OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&candidate)
        {
            Ok(f) => f,
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(io_err(&candidate)(e)),
        };
        let copied = io::copy(&mut source, &mut dest).and_then(|_| dest.sync_all());
        if let Err(e) = copied {
            drop(dest);
            let _ = fs::remove_file(&candidate);
            return Err(io_err(&candidate)(e));
        }
        return Ok(candidate);
    }
    Err(OutputError::Io {
        path: path.to_path_buf(),
        source: io::Error::new(
            io::ErrorKind::AlreadyExists,
            "10000 backups exist already; remove old ones",
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn write_text_atomic_creates_replaces_and_leaves_no_temp() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("brief.md");
        write_text_atomic(&path, "one").unwrap();
        write_text_atomic(&path, "two").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "two");
        let names: Vec<_> = fs::read_dir(tmp.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["brief.md"]);
    }

    #[cfg(unix)]
    #[test]
    fn write_text_atomic_keeps_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("brief.md");
        fs::write(&path, "old").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
        write_text_atomic(&path, "new").unwrap();
        assert_eq!(
            fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o640
        );
    }

    #[test]
    fn write_text_atomic_creates_parents_and_names_the_path_on_failure() {
        let tmp = tempfile::tempdir().unwrap();
        let nested = tmp.path().join("content/briefings/a.md");
        write_text_atomic(&nested, "x").unwrap();
        assert_eq!(fs::read_to_string(&nested).unwrap(), "x");
        fs::write(tmp.path().join("file"), "").unwrap();
        let err = write_text_atomic(&tmp.path().join("file/below/a.md"), "x").unwrap_err();
        assert!(err.to_string().contains("file/below"), "{err}");
    }

    #[test]
    fn backups_are_numbered_and_never_overwritten() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("brief.md");
        let mut made = Vec::new();
        for version in ["v1", "v2", "v3"] {
            fs::write(&path, version).unwrap();
            made.push(backup(&path).unwrap());
        }
        let want = ["brief.md.bak", "brief.md.bak2", "brief.md.bak3"];
        for ((p, name), version) in made.iter().zip(want).zip(["v1", "v2", "v3"]) {
            assert_eq!(p.file_name().unwrap(), name);
            assert_eq!(fs::read_to_string(p).unwrap(), version);
        }
    }

    #[test]
    fn backup_of_a_missing_file_is_an_error_naming_it() {
        let tmp = tempfile::tempdir().unwrap();
        let err = backup(&tmp.path().join("gone.md")).unwrap_err();
        assert!(err.to_string().contains("gone.md"), "{err}");
    }

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
