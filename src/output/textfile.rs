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
//!
//! [`write_texts_if_unchanged`] does the same for many files at once (a cold build writes
//! one briefing per article): several threads write and flush the temporary files, since
//! a flush waits on the disk and the file system's journal commits concurrent flushes
//! together, where one file after the other waited for a commit of its own, twice; then
//! each file is checked and renamed in turn, and each directory is flushed once at the
//! end. Every file keeps the guarantees above.

use std::collections::BTreeSet;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use tempfile::TempPath;

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
    let outcome = persist_if_unchanged(path, expected, tmp)?;
    if outcome == WriteOutcome::Written {
        sync_dir(&dir)?;
    }
    Ok(outcome)
}

/// Renames the flushed temporary file `tmp` to `path` if `path` still holds `expected`
/// (does not exist yet, for `None`); the directory is left for the caller to flush.
fn persist_if_unchanged(
    path: &Path,
    expected: Option<&str>,
    tmp: TempPath,
) -> Result<WriteOutcome, OutputError> {
    match expected {
        Some(expected) => {
            if !holds(path, expected)? {
                return Ok(WriteOutcome::Changed);
            }
            tmp.persist(path).map_err(|e| io_err(path)(e.error))?;
        }
        None => match tmp.persist_noclobber(path) {
            Ok(()) => {}
            Err(e) if e.error.kind() == io::ErrorKind::AlreadyExists => {
                return Ok(WriteOutcome::Changed);
            }
            Err(e) => return Err(io_err(path)(e.error)),
        },
    }
    Ok(WriteOutcome::Written)
}

/// One file of [`write_texts_if_unchanged`]: its new `text`, and what the caller read
/// (`expected`, as for [`write_text_if_unchanged`]).
#[derive(Debug, Clone, Copy)]
pub struct TextWrite<'a> {
    pub path: &'a Path,
    pub expected: Option<&'a str>,
    pub text: &'a str,
}

/// Threads that write and flush the temporary files of a batch (they wait on the disk,
/// not on the processor).
const WRITERS: usize = 16;

/// [`write_text_if_unchanged`] for each of `files`, their outcomes in the same order (see
/// the module docs). On an error, the files renamed before it stay written and flushed.
pub fn write_texts_if_unchanged(files: &[TextWrite<'_>]) -> Result<Vec<WriteOutcome>, OutputError> {
    let prepared = prepare_all(files)?;
    let mut outcomes = Vec::with_capacity(files.len());
    let mut dirs = BTreeSet::new();
    let mut failed = None;
    for (file, (dir, tmp)) in files.iter().zip(prepared) {
        match persist_if_unchanged(file.path, file.expected, tmp) {
            Ok(outcome) => {
                if outcome == WriteOutcome::Written {
                    dirs.insert(dir);
                }
                outcomes.push(outcome);
            }
            Err(e) => {
                failed = Some(e);
                break;
            }
        }
    }
    for dir in &dirs {
        sync_dir(dir)?;
    }
    failed.map_or(Ok(outcomes), Err)
}

/// The flushed temporary files of `files` (see [`prepare`]), written by up to
/// [`WRITERS`] threads.
fn prepare_all(files: &[TextWrite<'_>]) -> Result<Vec<(PathBuf, TempPath)>, OutputError> {
    type Prepared = Result<(PathBuf, TempPath), OutputError>;
    let next = AtomicUsize::new(0);
    let mut slots: Vec<Option<Prepared>> = files.iter().map(|_| None).collect();
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..WRITERS.min(files.len()))
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(file) = files.get(i) else { break };
                        done.push((i, prepare(file.path, file.text)));
                    }
                    done
                })
            })
            .collect();
        for worker in workers {
            for (i, prepared) in worker.join().unwrap_or_default() {
                slots[i] = Some(prepared);
            }
        }
    });
    let stopped = || io::Error::other("not written: a writer thread stopped");
    files
        .iter()
        .zip(slots)
        .map(|(file, slot)| slot.unwrap_or_else(|| Err(io_err(file.path)(stopped()))))
        .collect()
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
/// (or the usual ones for a new file). Returns the directory and the temporary file
/// (closed), which deletes itself if it is dropped before being persisted.
fn prepare(path: &Path, text: &str) -> Result<(PathBuf, TempPath), OutputError> {
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
    Ok((dir, tmp.into_temp_path()))
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
    fn a_batch_writes_each_file_as_one_write_would() {
        // (file on disk before, what the caller read, new text, outcome, file after)
        let cases = [
            (None, None, "new", WriteOutcome::Written, Some("new")),
            (
                Some("old"),
                Some("old"),
                "new",
                WriteOutcome::Written,
                Some("new"),
            ),
            (
                Some("edited"),
                Some("old"),
                "new",
                WriteOutcome::Changed,
                Some("edited"),
            ),
            (
                Some("appeared"),
                None,
                "new",
                WriteOutcome::Changed,
                Some("appeared"),
            ),
            (None, Some("old"), "new", WriteOutcome::Changed, None),
        ];
        let tmp = tempfile::tempdir().unwrap();
        // More files than writer threads, in two folders, one of them new.
        let paths: Vec<PathBuf> = (0..cases.len() * 5)
            .map(|i| tmp.path().join(["a", "b/c"][i % 2]).join(format!("{i}.md")))
            .collect();
        for (path, case) in paths.iter().zip(cases.iter().cycle()) {
            if let Some(before) = case.0 {
                fs::create_dir_all(path.parent().unwrap()).unwrap();
                fs::write(path, before).unwrap();
            }
        }
        let files: Vec<TextWrite> = paths
            .iter()
            .zip(cases.iter().cycle())
            .map(|(path, case)| TextWrite {
                path,
                expected: case.1,
                text: case.2,
            })
            .collect();
        let got = write_texts_if_unchanged(&files).unwrap();
        for ((path, case), outcome) in paths.iter().zip(cases.iter().cycle()).zip(got) {
            assert_eq!(outcome, case.3, "{case:?}");
            assert_eq!(fs::read_to_string(path).ok().as_deref(), case.4, "{case:?}");
        }
        for dir in ["a", "b/c"] {
            let left = names(&tmp.path().join(dir));
            assert!(left.iter().all(|n| n.ends_with(".md")), "{left:?}");
        }
        assert_eq!(write_texts_if_unchanged(&[]).unwrap(), []);
    }

    #[test]
    fn a_batch_names_the_file_it_could_not_write() {
        let tmp = tempfile::tempdir().unwrap();
        fs::write(tmp.path().join("file"), "").unwrap();
        let good = tmp.path().join("good.md");
        let bad = tmp.path().join("file/below/a.md");
        let files = [&good, &bad].map(|path| TextWrite {
            path,
            expected: None,
            text: "x",
        });
        let err = write_texts_if_unchanged(&files).unwrap_err();
        assert!(err.to_string().contains("file/below"), "{err}");
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
