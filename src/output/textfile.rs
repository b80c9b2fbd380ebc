//! Safe writes of user artifacts (briefing Markdown files): atomic replacement, a
//! compare-before-replace variant for files the user may be editing, and numbered
//! backups.
//!
//! Path and text in, a file on disk out. A file is never written in place: the text goes
//! into a temporary file in the same directory (`tempfile`, named `.<file>.XXXXXX.tmp`,
//! which the watcher and the article reader ignore), is flushed to disk, then renamed
//! over the target, and the directory is flushed so that the rename survives a crash.
//! A crash leaves the old file or the new one, never half of one.
//!
//! [`write_text_if_unchanged`] exists because a build reads a briefing, works for a
//! while, then replaces it: an edit saved meanwhile must not be overwritten. It re-reads
//! the file just before the rename and leaves it alone when it no longer holds what the
//! caller read; a file that must not exist yet is created without ever replacing one that
//! appeared meanwhile. No portable file system can compare and rename in one step, so an
//! edit saved in the microseconds between that last check and the rename is the one case
//! left; the window is as small as it can be made.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

use super::OutputError;
use super::fsops::{io_err, sync_dir};

/// What [`write_text_if_unchanged`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WriteOutcome {
    /// The file now holds the new text.
    Written,
    /// The file changed since the caller read it (edited, deleted, or created
    /// meanwhile); it was left exactly as it is and nothing was written.
    Changed,
}

/// Replaces `path` with `text` atomically (see the module docs). Missing parent
/// directories are created; an existing file's permissions are kept.
pub fn write_text_atomic(path: &Path, text: &str) -> Result<(), OutputError> {
    let (dir, tmp) = prepare(path, text)?;
    tmp.persist(path).map_err(|e| io_err(path)(e.error))?;
    sync_dir(&dir)
}

/// Replaces `path` with `text` only if it still holds `expected`, the text the caller
/// read before deciding to write; with `expected` `None`, creates `path` only if it
/// still does not exist. Returns [`WriteOutcome::Changed`] and writes nothing when the
/// file changed meanwhile. The check is made after the new text is on disk, just before
/// the rename, and a new file is created with no-clobber semantics (see the module docs).
pub fn write_text_if_unchanged(
    path: &Path,
    expected: Option<&str>,
    text: &str,
) -> Result<WriteOutcome, OutputError> {
    replace_if_unchanged(path, expected, text, || {})
}

/// [`write_text_if_unchanged`], calling `prepared` once the new text is on disk and
/// before the check (tests edit the file there).
fn replace_if_unchanged(
    path: &Path,
    expected: Option<&str>,
    text: &str,
    prepared: impl FnOnce(),
) -> Result<WriteOutcome, OutputError> {
    let (dir, tmp) = prepare(path, text)?;
    prepared();
    match expected {
        Some(expected) => {
            if !holds(path, expected)? {
                return Ok(WriteOutcome::Changed);
            }
            tmp.persist(path).map_err(|e| io_err(path)(e.error))?;
        }
        None => match tmp.persist_noclobber(path) {
            Ok(_) => {}
            Err(e) if e.error.kind() == io::ErrorKind::AlreadyExists => {
                return Ok(WriteOutcome::Changed);
            }
            Err(e) => return Err(io_err(path)(e.error)),
        },
    }
    sync_dir(&dir)?;
    Ok(WriteOutcome::Written)
}

/// Whether `path` holds exactly `expected` (a missing file does not).
fn holds(path: &Path, expected: &str) -> Result<bool, OutputError> {
    match fs::read(path) {
        Ok(bytes) => Ok(bytes == expected.as_bytes()),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(io_err(path)(e)),
    }
}

/// Deletes the file at `path` if it still holds exactly `expected` (a generated file
/// nobody edited); [`WriteOutcome::Changed`] and nothing deleted otherwise.
pub fn remove_if_unchanged(path: &Path, expected: &str) -> Result<WriteOutcome, OutputError> {
    if !holds(path, expected)? {
        return Ok(WriteOutcome::Changed);
    }
    match fs::remove_file(path) {
        Ok(()) => Ok(WriteOutcome::Written),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(WriteOutcome::Changed),
        Err(e) => Err(io_err(path)(e)),
    }
}

/// Writes `text` to a flushed temporary file next to `path`, with `path`'s permissions
/// (or the usual ones for a new file). Returns the directory and the temporary file,
/// which deletes itself if it is dropped before being persisted.
fn prepare(path: &Path, text: &str) -> Result<(PathBuf, NamedTempFile), OutputError> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path.file_name().ok_or_else(|| OutputError::Io {
        path: path.to_path_buf(),
        source: io::Error::new(io::ErrorKind::InvalidInput, "not a file path"),
    })?;
    fs::create_dir_all(&dir).map_err(io_err(&dir))?;
    let prefix = format!(".{}.", name.to_string_lossy());
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    // `tempfile` creates owner-only files; a new briefing gets what creating a file
    // normally gives (0666 less the umask), a replaced one keeps its own permissions.
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let mut tmp = builder.tempfile_in(&dir).map_err(io_err(&dir))?;
    let tmp_path = tmp.path().to_path_buf();
    let existing = fs::metadata(path).ok().map(|m| m.permissions());
    existing
        .map_or(Ok(()), |p| tmp.as_file().set_permissions(p))
        .and_then(|()| tmp.write_all(text.as_bytes()))
        .and_then(|()| tmp.as_file().sync_all())
        .map_err(io_err(&tmp_path))?;
    Ok((dir, tmp))
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

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

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

    #[test]
    fn write_if_unchanged_replaces_only_what_the_caller_read() {
        use WriteOutcome::{Changed, Written};
        // (file before, what the caller read, outcome, file after)
        type Case = (
            Option<&'static str>,
            Option<&'static str>,
            WriteOutcome,
            Option<&'static str>,
        );
        let cases: [Case; 5] = [
            (Some("read"), Some("read"), Written, Some("new")),
            (Some("edited"), Some("read"), Changed, Some("edited")),
            (None, Some("read"), Changed, None),
            (None, None, Written, Some("new")),
            (Some("appeared"), None, Changed, Some("appeared")),
        ];
        for (before, expected, outcome, after) in cases {
            let tmp = tempfile::tempdir().unwrap();
            let path = tmp.path().join("brief.md");
            if let Some(text) = before {
                fs::write(&path, text).unwrap();
            }
            let got = write_text_if_unchanged(&path, expected, "new").unwrap();
            let case = format!("{before:?} {expected:?}");
            assert_eq!(got, outcome, "{case}");
            assert_eq!(fs::read_to_string(&path).ok().as_deref(), after, "{case}");
            let left = names(tmp.path());
            assert!(left.len() <= 1, "{case}: temporary file left: {left:?}");
        }
    }

    #[test]
    fn an_edit_saved_while_the_new_text_is_flushed_is_kept() {
        // (what the caller read, the edit that lands during the write)
        let cases = [
            (Some("read"), "saved meanwhile"),
            (None, "created meanwhile"),
        ];
        for (expected, edit) in cases {
            let tmp = tempfile::tempdir().unwrap();
            let path = tmp.path().join("brief.md");
            if let Some(text) = expected {
                fs::write(&path, text).unwrap();
            }
            let got = replace_if_unchanged(&path, expected, "generated", || {
                // An editor's save: a new file renamed over the old one.
                fs::write(tmp.path().join("save.swp"), edit).unwrap();
                fs::rename(tmp.path().join("save.swp"), &path).unwrap();
            })
            .unwrap();
            assert_eq!(got, WriteOutcome::Changed, "{expected:?}");
            assert_eq!(fs::read_to_string(&path).unwrap(), edit);
            assert_eq!(names(tmp.path()), ["brief.md"]);
        }
    }

    #[test]
    fn write_if_unchanged_creates_parents_and_names_the_path_on_failure() {
        let tmp = tempfile::tempdir().unwrap();
        let nested = tmp.path().join("content/briefings/a.md");
        let got = write_text_if_unchanged(&nested, None, "x").unwrap();
        assert_eq!(got, WriteOutcome::Written);
        fs::write(tmp.path().join("file"), "").unwrap();
        let err =
            write_text_if_unchanged(&tmp.path().join("file/below/a.md"), None, "x").unwrap_err();
        assert!(err.to_string().contains("file/below"), "{err}");
    }

    #[cfg(unix)]
    #[test]
    fn new_files_get_the_usual_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let tmp = tempfile::tempdir().unwrap();
        let plain = tmp.path().join("plain.md");
        fs::write(&plain, "x").unwrap();
        let usual = fs::metadata(&plain).unwrap().permissions().mode();
        let atomic = tmp.path().join("atomic.md");
        write_text_atomic(&atomic, "x").unwrap();
        let checked = tmp.path().join("checked.md");
        write_text_if_unchanged(&checked, None, "x").unwrap();
        for path in [atomic, checked] {
            let mode = fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode, usual, "{}", path.display());
        }
    }
}
