//! The commit point of a publish, and the roll-forward that makes it crash-safe.
//!
//! A commit first writes everything it will change where nobody looks: the changed files
//! in a staging directory next to the output (same parent, so that moving them in is a
//! rename on one file system), the new manifest beside the old one. Only then does it
//! write the [`Journal`] (to a temporary name, renamed into place: it exists whole or not
//! at all), which names the staging directory and the files to remove. That rename is the
//! commit point. [`apply`] then carries it out: remove the files that left the site,
//! merge the staging tree into the output (a directory missing there moves as a whole,
//! a file replaces its old version by rename), put the new manifest in place, delete the
//! journal, then the emptied staging tree.
//!
//! Every step of [`apply`] can be repeated: a file already removed or moved in is simply
//! not there any more. So a process killed at any step leaves either no journal (the
//! output untouched: the old site, and the staging leftovers are deleted) or a journal
//! that the next [`super::Publisher::open`] applies again from the start (the new site).
//! Files briefing did not write are never named in a journal, so no crash can touch them.
//!
//! A step that fails for a reason other than a crash (a permission, a file that appeared
//! in the way) does not stop the others: [`apply`] finishes, drops what could not be moved
//! in from the new manifest (the next build writes it again), keeps what could not be
//! removed in it (the next build removes it), and returns the problems.

use std::collections::BTreeSet;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::OutputError;
use super::fsops::{Steps, io_err, remove_tree, sync_dir};
use super::manifest::Manifest;

/// The files a publisher keeps for one output directory in the state folder.
#[derive(Debug, Clone)]
pub(super) struct StateFiles {
    pub dir: PathBuf,
    pub lock: PathBuf,
    pub manifest: PathBuf,
    /// The manifest of a commit in progress.
    pub next: PathBuf,
    pub journal: PathBuf,
}

impl StateFiles {
    /// `<state>/published/<16 hex digits of the output path's hash>/`.
    pub fn for_output(state_dir: &Path, output: &Path) -> StateFiles {
        let key = blake3::hash(output.to_string_lossy().as_bytes()).to_hex();
        let dir = state_dir.join("published").join(&key.as_str()[..16]);
        StateFiles {
            lock: dir.join("lock"),
            manifest: dir.join("manifest"),
            next: dir.join("manifest.next"),
            journal: dir.join("journal"),
            dir,
        }
    }
}

/// A commit that was decided: what [`apply`] must do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct Journal {
    pub output: PathBuf,
    /// The staging tree: the changed and new files, and the new marker, at their paths.
    pub staging: PathBuf,
    /// Files of the old site that are not in the new one.
    pub removals: Vec<String>,
}

impl Journal {
    /// Writes the journal: the commit point (see the module docs).
    pub fn write(&self, files: &StateFiles, steps: &Steps, sync: bool) -> Result<(), OutputError> {
        let text = serde_json::to_vec(self).map_err(|e| OutputError::Io {
            path: files.journal.clone(),
            source: io::Error::new(io::ErrorKind::InvalidData, e),
        })?;
        let tmp = files.journal.with_extension("tmp");
        steps.step();
        let written = fs::File::create(&tmp).and_then(|mut f| {
            f.write_all(&text)?;
            if sync {
                f.sync_all()?;
            }
            Ok(())
        });
        written.map_err(io_err(&tmp))?;
        steps.step();
        fs::rename(&tmp, &files.journal).map_err(io_err(&files.journal))?;
        if sync {
            sync_dir(&files.dir)?;
        }
        Ok(())
    }

    /// The journal left by a commit that did not finish, if any.
    pub fn load(files: &StateFiles) -> Result<Option<Journal>, OutputError> {
        let bytes = match fs::read(&files.journal) {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(io_err(&files.journal)(e)),
        };
        serde_json::from_slice(&bytes)
            .map(Some)
            .map_err(|e| OutputError::Refused {
                path: files.journal.clone(),
                reason: format!("this record of an unfinished publish cannot be read ({e})"),
                help: "delete the state folder `.briefing` and build again (the next build rewrites the whole site)".into(),
            })
    }
}

/// Carries out `journal` (see the module docs). Returns the problems of steps that
/// failed; the commit is complete either way.
pub(super) fn apply(
    journal: &Journal,
    files: &StateFiles,
    steps: &Steps,
) -> Result<Vec<String>, OutputError> {
    let output = &journal.output;
    let problems = Problems::default();
    let mut pruned = BTreeSet::new();
    for path in &journal.removals {
        if let Err(e) = remove_published(output, path, steps) {
            problems.removal(path, e);
        }
        let mut dir = Path::new(path).parent();
        while let Some(d) = dir.filter(|d| !d.as_os_str().is_empty()) {
            pruned.insert(d.to_path_buf());
            dir = d.parent();
        }
    }
    // Deepest first: a directory emptied by the removals goes, one still in use stays.
    let mut pruned: Vec<PathBuf> = pruned.into_iter().collect();
    pruned.sort_by_key(|d| std::cmp::Reverse(d.components().count()));
    for dir in pruned {
        let full = output.join(&dir);
        if fs::symlink_metadata(&full).is_ok_and(|m| m.is_dir()) {
            steps.step();
            let _ = fs::remove_dir(&full);
        }
    }
    if fs::symlink_metadata(&journal.staging).is_ok() {
        merge(&journal.staging, output, "", steps, &problems);
    }
    let problems = problems.into_inner();
    if !problems.moves.is_empty() || !problems.removals.is_empty() {
        patch_next(files, &problems)?;
    }
    if fs::symlink_metadata(&files.next).is_ok() {
        steps.step();
        fs::rename(&files.next, &files.manifest).map_err(io_err(&files.manifest))?;
    }
    steps.step();
    fs::remove_file(&files.journal).map_err(io_err(&files.journal))?;
    if fs::symlink_metadata(&journal.staging).is_ok() {
        steps.step();
        remove_tree(&journal.staging)?;
    }
    Ok(problems.messages)
}

/// Removes one published file, never through a symlink or a non-directory.
fn remove_published(output: &Path, path: &str, steps: &Steps) -> io::Result<()> {
    let mut dir = output.to_path_buf();
    let mut parts = path.split('/').peekable();
    while let Some(part) = parts.next() {
        let full = dir.join(part);
        if parts.peek().is_none() {
            let meta = match fs::symlink_metadata(&full) {
                Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
                other => other?,
            };
            if meta.is_dir() {
                return Err(io::Error::other("a directory is there now"));
            }
            steps.step();
            return match fs::remove_file(&full) {
                Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
                other => other,
            };
        }
        match fs::symlink_metadata(&full) {
            Ok(m) if m.is_dir() => dir = full,
            Ok(_) => return Ok(()),
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// Moves everything under `from` to the same place under `to`: a directory missing in
/// `to` by one rename, a file over its old version. Large directories in parallel.
fn merge(from: &Path, to: &Path, rel: &str, steps: &Steps, problems: &Problems) {
    let into = match fs::symlink_metadata(to) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            steps.step();
            if let Err(e) = fs::rename(from, to) {
                problems.moved(rel, e);
            }
            return;
        }
        Err(e) => return problems.moved(rel, e),
        Ok(m) => m,
    };
    if !into.is_dir() {
        return problems.moved(rel, io::Error::other("a file or link is in the way"));
    }
    let entries: Vec<fs::DirEntry> = match fs::read_dir(from) {
        Ok(read) => read.filter_map(Result::ok).collect(),
        Err(e) => return problems.moved(rel, e),
    };
    entries.par_iter().for_each(|entry| {
        let name = entry.file_name();
        let child = match rel {
            "" => name.to_string_lossy().into_owned(),
            _ => format!("{rel}/{}", name.to_string_lossy()),
        };
        let target = to.join(&name);
        if entry.file_type().is_ok_and(|t| t.is_dir()) {
            merge(&entry.path(), &target, &child, steps, problems);
        } else if fs::symlink_metadata(&target).is_ok_and(|m| m.is_dir()) {
            problems.moved(&child, io::Error::other("a directory is in the way"));
        } else {
            steps.step();
            if let Err(e) = fs::rename(entry.path(), &target) {
                problems.moved(&child, e);
            }
        }
    });
}

/// What went wrong while applying, collected from parallel workers.
#[derive(Debug, Default)]
struct Problems(Mutex<Collected>);

#[derive(Debug, Default)]
struct Collected {
    /// Paths (files or whole directories) that could not be moved in.
    moves: Vec<String>,
    /// Files that could not be removed.
    removals: Vec<String>,
    messages: Vec<String>,
}

impl Problems {
    fn moved(&self, rel: &str, e: io::Error) {
        if let Ok(mut c) = self.0.lock() {
            c.messages
                .push(format!("{rel}: could not be moved into place: {e}"));
            c.moves.push(rel.to_string());
        }
    }

    fn removal(&self, rel: &str, e: io::Error) {
        if let Ok(mut c) = self.0.lock() {
            c.messages.push(format!("{rel}: could not be removed: {e}"));
            c.removals.push(rel.to_string());
        }
    }

    fn into_inner(self) -> Collected {
        self.0.into_inner().unwrap_or_default()
    }
}

/// Makes the new manifest say what is really there: files that could not be moved in
/// are not published (the next build writes them), files that could not be removed
/// still are (the next build removes them).
fn patch_next(files: &StateFiles, problems: &Collected) -> Result<(), OutputError> {
    let Some(mut next) = Manifest::load(&files.next) else {
        return Ok(());
    };
    let under = |path: &str, prefix: &str| {
        prefix.is_empty()
            || path == prefix
            || path
                .strip_prefix(prefix)
                .is_some_and(|r| r.starts_with('/'))
    };
    next.entries
        .retain(|path, _| !problems.moves.iter().any(|m| under(path, m)));
    if let Some(old) = Manifest::load(&files.manifest) {
        for path in &problems.removals {
            if let Some(e) = old.entries.get(path) {
                next.entries.insert(path.clone(), e.clone());
            }
        }
    }
    next.save(&files.next, false).map_err(io_err(&files.next))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(dir: &Path) -> Vec<String> {
        let mut out: Vec<String> = walkdir::WalkDir::new(dir)
            .min_depth(1)
            .into_iter()
            .map(|e| {
                let e = e.unwrap();
                let rel = e.path().strip_prefix(dir).unwrap().to_string_lossy();
                match e.file_type().is_dir() {
                    true => format!("{rel}/"),
                    false => format!("{rel}={}", fs::read_to_string(e.path()).unwrap()),
                }
            })
            .collect();
        out.sort();
        out
    }

    fn write(dir: &Path, files: &[(&str, &str)]) {
        for (path, text) in files {
            let full = dir.join(path);
            fs::create_dir_all(full.parent().unwrap()).unwrap();
            fs::write(full, text).unwrap();
        }
    }

    /// An output, a staging tree and a journal removing `gone.html` and `old/a.html`.
    fn setup(tmp: &Path) -> (Journal, StateFiles) {
        let output = tmp.join("public");
        let staging = tmp.join("public.staging-1");
        write(
            &output,
            &[
                ("index.html", "old"),
                ("gone.html", "old"),
                ("old/a.html", "old"),
                ("keep/mine.txt", "user"),
                ("b/x.html", "old"),
            ],
        );
        write(
            &staging,
            &[
                ("index.html", "new"),
                ("new/n.html", "new"),
                ("b/y.html", "new"),
                ("keep/ours.html", "new"),
            ],
        );
        let files = StateFiles::for_output(&tmp.join("state"), &output);
        fs::create_dir_all(&files.dir).unwrap();
        let journal = Journal {
            output,
            staging,
            removals: vec![
                "gone.html".into(),
                "old/a.html".into(),
                "never/was.html".into(),
            ],
        };
        (journal, files)
    }

    const AFTER: [&str; 9] = [
        "b/",
        "b/x.html=old",
        "b/y.html=new",
        "index.html=new",
        "keep/",
        "keep/mine.txt=user",
        "keep/ours.html=new",
        "new/",
        "new/n.html=new",
    ];

    #[test]
    fn apply_removes_merges_and_can_be_repeated_after_a_crash_at_any_step() {
        let want: Vec<String> = AFTER.map(String::from).into();
        let tmp = tempfile::tempdir().unwrap();
        let (journal, files) = setup(tmp.path());
        journal.write(&files, &Steps::default(), false).unwrap();
        let steps = Steps::default();
        assert_eq!(
            apply(&journal, &files, &steps).unwrap(),
            Vec::<String>::new()
        );
        assert_eq!(tree(&journal.output), want);
        assert!(!journal.staging.exists() && !files.journal.exists());
        // Applying again (a crash after the last step) changes nothing.
        journal.write(&files, &Steps::default(), false).unwrap();
        apply(&journal, &files, &Steps::default()).unwrap();
        assert_eq!(tree(&journal.output), want);
        // A crash after k steps is a partial apply followed by a full one: simulate it by
        // doing the first k steps' worth of work through a fresh setup each time.
        for k in 0..steps.count() {
            let tmp = tempfile::tempdir().unwrap();
            let (journal, files) = setup(tmp.path());
            journal.write(&files, &Steps::default(), false).unwrap();
            partial_apply(&journal, k);
            apply(&journal, &files, &Steps::default()).unwrap();
            assert_eq!(tree(&journal.output), want, "after a crash at step {k}");
        }
    }

    /// Does what the first `k` steps of [`apply`] do, in the same order.
    fn partial_apply(journal: &Journal, k: u64) {
        let mut ops: Vec<Box<dyn Fn()>> = Vec::new();
        for path in &journal.removals {
            let full = journal.output.join(path);
            ops.push(Box::new(move || drop(fs::remove_file(&full))));
        }
        for dir in ["old", "never"] {
            let full = journal.output.join(dir);
            ops.push(Box::new(move || drop(fs::remove_dir(&full))));
        }
        for (from, to) in [
            ("index.html", "index.html"),
            ("new", "new"),
            ("b/y.html", "b/y.html"),
            ("keep/ours.html", "keep/ours.html"),
        ] {
            let (from, to) = (journal.staging.join(from), journal.output.join(to));
            ops.push(Box::new(move || drop(fs::rename(&from, &to))));
        }
        for op in ops.iter().take(k as usize) {
            op();
        }
    }

    #[test]
    fn apply_finishes_past_a_failed_step_and_corrects_the_manifest() {
        let tmp = tempfile::tempdir().unwrap();
        let (journal, files) = setup(tmp.path());
        // A file sits where the staging tree has a directory.
        fs::remove_dir_all(journal.output.join("b")).unwrap();
        fs::write(journal.output.join("b"), "in the way").unwrap();
        let mut next = Manifest {
            id: "i".into(),
            output: journal.output.clone(),
            ..Manifest::default()
        };
        let stat = super::super::manifest::Stat { size: 3, mtime: 1 };
        for path in ["index.html", "b/y.html", "new/n.html"] {
            let entry = super::super::manifest::Entry {
                hash: None,
                key: None,
                stat,
            };
            next.entries.insert(path.into(), entry);
        }
        next.save(&files.next, false).unwrap();
        journal.write(&files, &Steps::default(), false).unwrap();
        let problems = apply(&journal, &files, &Steps::default()).unwrap();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].starts_with("b: could not be moved"),
            "{problems:?}"
        );
        assert_eq!(
            fs::read_to_string(journal.output.join("index.html")).unwrap(),
            "new"
        );
        let published = Manifest::load(&files.manifest).unwrap();
        let mut paths: Vec<&String> = published.entries.keys().collect();
        paths.sort();
        assert_eq!(paths, ["index.html", "new/n.html"]);
        assert!(!files.journal.exists() && !journal.staging.exists());
    }

    #[cfg(unix)]
    #[test]
    fn removals_never_go_through_a_symlink() {
        let tmp = tempfile::tempdir().unwrap();
        let output = tmp.path().join("public");
        let outside = tmp.path().join("outside");
        write(&outside, &[("a.html", "precious")]);
        fs::create_dir_all(&output).unwrap();
        std::os::unix::fs::symlink(&outside, output.join("linked")).unwrap();
        remove_published(&output, "linked/a.html", &Steps::default()).unwrap();
        assert_eq!(
            fs::read_to_string(outside.join("a.html")).unwrap(),
            "precious"
        );
    }
}
