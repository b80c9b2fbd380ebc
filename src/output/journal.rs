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
//! emptied staging tree, then the journal.
//!
//! Every step of [`apply`] can be repeated: a file already removed or moved in is simply
//! not there any more, and once the new manifest is in place only the cleaning up is
//! left to do. So a process killed at any step leaves either no journal (the
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
    /// The output's name: its path relative to the folder holding the state folder (the
    /// site root) when it lies inside it, so that a site moved elsewhere keeps its
    /// manifests; else its absolute path.
    pub output_name: String,
}

impl StateFiles {
    /// `<state>/published/<16 hex digits of the hash of the output's name>/`.
    pub fn for_output(state_dir: &Path, output: &Path) -> StateFiles {
        let root = state_dir.parent().map(super::guard::resolve_existing);
        let relative = root.and_then(|r| output.strip_prefix(r).ok().map(Path::to_path_buf));
        let output_name = relative
            .unwrap_or_else(|| output.to_path_buf())
            .to_string_lossy()
            .replace('\\', "/");
        let key = blake3::hash(output_name.as_bytes()).to_hex();
        let dir = state_dir.join("published").join(&key.as_str()[..16]);
        StateFiles {
            lock: dir.join("lock"),
            manifest: dir.join("manifest"),
            next: dir.join("manifest.next"),
            journal: dir.join("journal"),
            dir,
            output_name,
        }
    }
}

/// A commit that was decided: what [`apply`] must do. It names no absolute path, so
/// that it means the same after the site folder was moved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct Journal {
    /// The staging tree's name beside the output: the changed and new files, and the new
    /// marker, at their paths.
    pub staging: String,
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

    /// The staging directory beside `output`, once the journal is checked to name only a
    /// staging directory of that output and page paths: a damaged journal must not
    /// move or remove anything else.
    fn staging_beside(&self, output: &Path) -> Result<PathBuf, OutputError> {
        let name = output.file_name().unwrap_or_default().to_string_lossy();
        let staging_ok = self
            .staging
            .strip_prefix(name.as_ref())
            .and_then(|rest| rest.strip_prefix(".next-"))
            .is_some_and(|pid| !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit()));
        let removals_ok = self
            .removals
            .iter()
            .all(|p| super::check_page_path(p).is_ok());
        if !staging_ok || !removals_ok {
            return Err(OutputError::Refused {
                path: output.to_path_buf(),
                reason: "the record of an unfinished publish names files outside it".into(),
                help: "delete the state folder `.briefing` and build again".into(),
            });
        }
        Ok(output.with_file_name(&self.staging))
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
                help: "delete the state folder `.briefing` and build again".into(),
            })
    }
}

/// Carries out `journal` on `output` (see the module docs). Returns the problems of
/// steps that failed; the commit is complete either way.
pub(super) fn apply(
    journal: &Journal,
    output: &Path,
    files: &StateFiles,
    steps: &Steps,
) -> Result<Vec<String>, OutputError> {
    let staging = journal.staging_beside(output)?;
    // The new manifest is put in place once the output holds the new site: without it,
    // only the cleaning up is left.
    let mut problems = Collected::default();
    if fs::symlink_metadata(&files.next).is_ok() {
        problems = change_output(journal, output, &staging, steps);
        if !problems.moves.is_empty() || !problems.removals.is_empty() {
            patch_next(files, &problems)?;
        }
        steps.step();
        fs::rename(&files.next, &files.manifest).map_err(io_err(&files.manifest))?;
    }
    if fs::symlink_metadata(&staging).is_ok() {
        steps.step();
        remove_tree(&staging)?;
    }
    steps.step();
    fs::remove_file(&files.journal).map_err(io_err(&files.journal))?;
    Ok(problems.messages)
}

/// Removes the files that left the site and the folders they emptied, then merges the
/// staging tree in.
fn change_output(journal: &Journal, output: &Path, staging: &Path, steps: &Steps) -> Collected {
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
    if fs::symlink_metadata(staging).is_ok() {
        merge(staging, output, "", steps, &problems);
    }
    problems.into_inner()
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
        } else if let Err(e) = replace_file(&entry.path(), &target, steps) {
            problems.moved(&child, e);
        }
    });
}

/// Puts the staged file `from` at `to`. An old version that is a regular file linked
/// nowhere else is overwritten in place, its blocks reused, and the staged copy deleted:
/// freeing a file's blocks is what costs most on a disk that discards them (about 4 ms a
/// file on the machine of `BENCHMARKS.md`, against microseconds for a rename), and a
/// staged copy deleted before it reaches the disk frees nothing. Otherwise `from` is
/// renamed over `to`. Either can be repeated after a crash: the staged copy is deleted
/// only once the output holds its bytes.
fn replace_file(from: &Path, to: &Path, steps: &Steps) -> io::Result<()> {
    #[cfg(unix)]
    if let Some(old) = overwritable(to) {
        steps.step();
        if overwrite(from, old).is_ok() {
            steps.step();
            return fs::remove_file(from);
        }
    }
    steps.step();
    fs::rename(from, to)
}

/// `path` opened for writing, if it is a regular file with no other link (a hard-linked
/// backup must not change with it). The open file is checked to be the one looked at, so
/// a symlink put there meanwhile is never written through.
#[cfg(unix)]
fn overwritable(path: &Path) -> Option<fs::File> {
    use std::os::unix::fs::MetadataExt;
    let seen = fs::symlink_metadata(path).ok()?;
    if !seen.is_file() || seen.nlink() != 1 {
        return None;
    }
    let file = fs::OpenOptions::new().write(true).open(path).ok()?;
    let opened = file.metadata().ok()?;
    (opened.dev() == seen.dev() && opened.ino() == seen.ino() && opened.nlink() == 1)
        .then_some(file)
}

/// Writes the staged file's bytes over `old`, cuts it to their length and gives it the
/// staged file's modification time (the manifest recorded that one).
#[cfg(unix)]
fn overwrite(from: &Path, mut old: fs::File) -> io::Result<()> {
    let mut staged = fs::File::open(from)?;
    let meta = staged.metadata()?;
    let written = io::copy(&mut staged, &mut old)?;
    old.set_len(written)?;
    if written != meta.len() {
        return Err(io::Error::other(
            "the staged file changed while it was copied",
        ));
    }
    old.set_modified(meta.modified()?)
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

/// Makes the new manifest say what is really there: where a file could not be moved in
/// or removed, the old version is still briefing's (the next build, finding it differs
/// from what it renders, writes it again or removes it), and a new file that could not be
/// moved in is not published.
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
    let old = Manifest::load(&files.manifest).unwrap_or_default();
    let not_moved: Vec<String> = next
        .entries
        .keys()
        .filter(|path| problems.moves.iter().any(|m| under(path, m)))
        .cloned()
        .collect();
    for path in not_moved.iter().chain(&problems.removals) {
        match old.entries.get(path) {
            Some(e) => drop(next.entries.insert(path.clone(), e.clone())),
            None => drop(next.entries.remove(path)),
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

    /// An output, a staging tree beside it and a journal removing `gone.html` and
    /// `old/a.html`.
    struct Setup {
        output: PathBuf,
        staging: PathBuf,
        journal: Journal,
        files: StateFiles,
    }

    impl Setup {
        fn new(tmp: &Path) -> Setup {
            let output = tmp.join("public");
            let staging = tmp.join("public.next-1");
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
                staging: "public.next-1".into(),
                removals: vec![
                    "gone.html".into(),
                    "old/a.html".into(),
                    "never/was.html".into(),
                ],
            };
            let next = Manifest {
                id: "i".into(),
                output: "public".into(),
                ..Manifest::default()
            };
            next.save(&files.next, false).unwrap();
            journal.write(&files, &Steps::default(), false).unwrap();
            Setup {
                output,
                staging,
                journal,
                files,
            }
        }

        fn apply(&self, steps: &Steps) -> Vec<String> {
            apply(&self.journal, &self.output, &self.files, steps).unwrap()
        }
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
        let setup = Setup::new(tmp.path());
        let steps = Steps::default();
        assert_eq!(setup.apply(&steps), Vec::<String>::new());
        assert_eq!(tree(&setup.output), want);
        assert!(!setup.staging.exists() && !setup.files.journal.exists());
        // Applying again (a crash after the last step) changes nothing.
        setup
            .journal
            .write(&setup.files, &Steps::default(), false)
            .unwrap();
        setup.apply(&Steps::default());
        assert_eq!(tree(&setup.output), want);
        // A crash after k steps is a partial apply followed by a full one.
        for k in 0..steps.count() {
            let tmp = tempfile::tempdir().unwrap();
            let setup = Setup::new(tmp.path());
            partial_apply(&setup, k);
            setup.apply(&Steps::default());
            assert_eq!(tree(&setup.output), want, "after a crash at step {k}");
        }
    }

    /// Does what the first `k` steps of [`apply`] do, in the same order.
    fn partial_apply(setup: &Setup, k: u64) {
        let mut ops: Vec<Box<dyn Fn()>> = Vec::new();
        for path in &setup.journal.removals {
            let full = setup.output.join(path);
            ops.push(Box::new(move || drop(fs::remove_file(&full))));
        }
        for dir in ["old", "never"] {
            let full = setup.output.join(dir);
            ops.push(Box::new(move || drop(fs::remove_dir(&full))));
        }
        for path in ["index.html", "new", "b/y.html", "keep/ours.html"] {
            let (from, to) = (setup.staging.join(path), setup.output.join(path));
            ops.push(Box::new(move || drop(fs::rename(&from, &to))));
        }
        for op in ops.iter().take(k as usize) {
            op();
        }
    }

    #[test]
    fn the_journal_names_no_absolute_path() {
        let tmp = tempfile::tempdir().unwrap();
        let setup = Setup::new(tmp.path());
        let text = fs::read_to_string(&setup.files.journal).unwrap();
        assert!(!text.contains(&*tmp.path().to_string_lossy()), "{text}");
        assert_eq!(
            Journal::load(&setup.files).unwrap(),
            Some(setup.journal.clone())
        );
        // A damaged journal moves and removes nothing.
        for (staging, removal) in [
            ("../elsewhere", "gone.html"),
            ("public.next-1/../../x", "gone.html"),
            ("other.next-1", "gone.html"),
            ("public.next-1", "../../etc/passwd"),
        ] {
            let bad = Journal {
                staging: staging.into(),
                removals: vec![removal.into()],
            };
            let err = apply(&bad, &setup.output, &setup.files, &Steps::default()).unwrap_err();
            assert!(
                matches!(err, OutputError::Refused { .. }),
                "{staging}: {err}"
            );
            assert!(setup.output.join("gone.html").exists());
        }
        // The state of an output inside the site is keyed by its relative name.
        let files = StateFiles::for_output(&tmp.path().join("state"), &tmp.path().join("public"));
        assert_eq!(files.output_name, "public");
    }

    #[test]
    fn apply_finishes_past_a_failed_step_and_corrects_the_manifest() {
        let tmp = tempfile::tempdir().unwrap();
        let setup = Setup::new(tmp.path());
        // A file sits where the staging tree has a directory.
        fs::remove_dir_all(setup.output.join("b")).unwrap();
        fs::write(setup.output.join("b"), "in the way").unwrap();
        let mut next = Manifest {
            id: "i".into(),
            output: "public".into(),
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
        next.save(&setup.files.next, false).unwrap();
        let problems = setup.apply(&Steps::default());
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].starts_with("b: could not be moved"),
            "{problems:?}"
        );
        assert_eq!(
            fs::read_to_string(setup.output.join("index.html")).unwrap(),
            "new"
        );
        let published = Manifest::load(&setup.files.manifest).unwrap();
        let mut paths: Vec<&String> = published.entries.keys().collect();
        paths.sort();
        assert_eq!(paths, ["index.html", "new/n.html"]);
        assert!(!setup.files.journal.exists() && !setup.staging.exists());
    }

    #[cfg(unix)]
    #[test]
    fn a_file_is_replaced_in_place_unless_it_is_linked_elsewhere_or_a_symlink() {
        use std::os::unix::fs::MetadataExt;
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        write(
            dir,
            &[("old.html", "old old old"), ("outside.txt", "precious")],
        );
        let staged = |text: &str| {
            write(dir, &[("staged", text)]);
            dir.join("staged")
        };
        let inode = |p: &str| fs::symlink_metadata(dir.join(p)).unwrap().ino();
        // Overwritten in place: the same inode, the new bytes and length, the staged
        // copy gone, the staged modification time kept.
        let before = inode("old.html");
        let from = staged("new");
        let mtime = fs::metadata(&from).unwrap().modified().unwrap();
        replace_file(&from, &dir.join("old.html"), &Steps::default()).unwrap();
        assert_eq!(fs::read_to_string(dir.join("old.html")).unwrap(), "new");
        assert_eq!(inode("old.html"), before);
        assert_eq!(
            fs::metadata(dir.join("old.html"))
                .unwrap()
                .modified()
                .unwrap(),
            mtime
        );
        assert!(!from.exists());
        // A hard link elsewhere (a backup) keeps the old bytes: the file is replaced.
        fs::hard_link(dir.join("old.html"), dir.join("backup.html")).unwrap();
        replace_file(&staged("newer"), &dir.join("old.html"), &Steps::default()).unwrap();
        assert_eq!(fs::read_to_string(dir.join("old.html")).unwrap(), "newer");
        assert_eq!(fs::read_to_string(dir.join("backup.html")).unwrap(), "new");
        // A symlink is replaced, never written through.
        std::os::unix::fs::symlink(dir.join("outside.txt"), dir.join("link.html")).unwrap();
        replace_file(&staged("page"), &dir.join("link.html"), &Steps::default()).unwrap();
        assert_eq!(fs::read_to_string(dir.join("link.html")).unwrap(), "page");
        assert!(
            !fs::symlink_metadata(dir.join("link.html"))
                .unwrap()
                .is_symlink()
        );
        assert_eq!(
            fs::read_to_string(dir.join("outside.txt")).unwrap(),
            "precious"
        );
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
