//! The publisher: pages in, one at a time and from any thread; an output directory
//! that changed only where the pages did out.
//!
//! ```text
//! Publisher::open   check the guard, take the output's lock, finish a commit a crash
//!                   interrupted (journal), load the manifest of the last commit
//! unchanged / put   from rayon workers, as pages are rendered: a page the manifest
//!                   already has in place is kept; any other is written to staging
//! keep_unlisted /   for a caller that knows what an edit touched: pages not named
//!   remove          stay as they are, named ones leave
//! commit            check, write the journal (the commit point), move the staged
//!                   files in, remove the pages that left, put the new manifest in place
//! drop              without commit: abort; the output is untouched, staging removed
//! ```
//!
//! Why in place rather than a fresh tree swapped in: a build that changes nothing then
//! writes nothing (no 685 MB rewritten, no old tree deleted), files the user put in the
//! output are never moved, and the output directory itself never disappears. The journal
//! ([`super::journal`]) gives back what the swap gave: after a crash at any step the next
//! `open` finishes the commit, so the output is the old site or the new one, complete.
//!
//! Memory does not grow with the site: `put` hashes and writes the bytes and keeps only
//! the path and a few numbers.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use super::checks::{self, check_page_path, is_kept};
use super::fsops::{Steps, io_err, remove_tree};
use super::guard::Target;
use super::journal::{self, Journal, StateFiles};
use super::kept::KeptManifest;
use super::manifest::{self, Digest, Entry, digest};
use super::previous::{Previous, previous_site};
use super::{Durability, OutputError, OutputOptions};

/// What a commit did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct PublishReport {
    /// The output directory, resolved.
    pub output_dir: PathBuf,
    /// Files of the site (written or kept in place).
    pub files: usize,
    /// Files written (new or changed), sorted: what a live preview reloads.
    pub written: Vec<String>,
    /// Files removed (in the last build, not in this one), sorted.
    pub removed: Vec<String>,
    pub bytes_written: u64,
    /// Problems that did not stop the build.
    pub warnings: Vec<String>,
    /// A digest of the site as committed (see [`Publisher::site_digest`]).
    pub site_digest: [u8; 16],
}

/// A page's state in the build under way.
#[derive(Debug)]
pub(super) enum Claim {
    /// `put` is working on it.
    Pending,
    /// In place already, unchanged.
    Kept(Entry),
    /// Written to staging.
    Staged(Entry),
    /// Leaves the site ([`Publisher::remove`]).
    Removed,
}

/// Writes a site into an output directory, changing only what changed (see the module
/// docs). `Sync`: share it with rayon workers by reference.
#[derive(Debug)]
pub struct Publisher {
    pub(super) target: Target,
    pub(super) files: StateFiles,
    pub(super) _lock: fs::File,
    pub(super) staging: PathBuf,
    pub(super) staging_made: Mutex<bool>,
    pub(super) id: String,
    pub(super) previous: HashMap<String, Entry>,
    /// `previous` is what the stored manifest says.
    pub(super) recorded: bool,
    /// The site digest of `previous`, when the last commit kept it.
    pub(super) previous_digest: Option<Digest>,
    pub(super) claims: Mutex<HashMap<String, Claim>>,
    /// Pages of the last commit that are neither put, unchanged nor removed stay
    /// ([`Publisher::keep_unlisted`]).
    pub(super) keep_unlisted: AtomicBool,
    /// New pages that land on an existing directory (checked at commit).
    pub(super) on_directories: Mutex<Vec<String>>,
    pub(super) keep: Vec<String>,
    pub(super) durability: Durability,
    pub(super) steps: Steps,
    pub(super) warnings: Vec<String>,
    /// Set once the journal is written: from then on the commit belongs to the journal.
    pub(super) committed: bool,
}

impl Publisher {
    /// Opens `output_dir` for a build. In order: checks it with the guard (the marker
    /// and ownership rules of [`super::Guard::check`]), takes its lock in `state_dir`
    /// (a second build of the same output waits), finishes a commit a crash interrupted,
    /// deletes leftovers of dead builds, and loads the manifest of the last commit.
    /// Nothing in the output changes unless a commit was interrupted.
    pub fn open(
        output_dir: &Path,
        state_dir: &Path,
        options: &OutputOptions,
    ) -> Result<Publisher, OutputError> {
        Publisher::open_kept(output_dir, state_dir, options, None)
    }

    /// [`Publisher::open`] for a process that publishes the same output again and
    /// again: the manifest its last commit kept (see [`Publisher::commit_kept`]) is
    /// used while the stored one is still that file, instead of being read again.
    pub fn open_kept(
        output_dir: &Path,
        state_dir: &Path,
        options: &OutputOptions,
        kept: Option<&KeptManifest>,
    ) -> Result<Publisher, OutputError> {
        let target = options.guard.check(output_dir, true)?;
        let files = StateFiles::for_output(state_dir, &target.path);
        if files.dir.starts_with(&target.path) {
            return Err(OutputError::Refused {
                path: target.path.clone(),
                reason: "the tool's state folder lies inside it".into(),
                help: "choose an output directory outside `.briefing`".into(),
            });
        }
        fs::create_dir_all(&files.dir).map_err(io_err(&files.dir))?;
        let lock = fs::File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&files.lock)
            .map_err(io_err(&files.lock))?;
        lock.lock().map_err(io_err(&files.lock))?;
        let steps = Steps::new(options.crash_at);
        let mut warnings = Vec::new();
        if let Some(journal) = Journal::load(&files)? {
            let problems = journal::apply(&journal, &target.path, &files, &steps)?;
            warnings.extend(
                problems
                    .into_iter()
                    .map(|p| format!("while finishing an interrupted build: {p}")),
            );
        }
        let target = options.guard.check(output_dir, true)?;
        warnings.extend(checks::remove_leftovers(&target, &steps));
        for stale in [&files.next, &files.journal.with_extension("tmp")] {
            if fs::symlink_metadata(stale).is_ok() {
                steps.step();
                fs::remove_file(stale).map_err(io_err(stale))?;
            }
        }
        let reused = kept.and_then(|k| k.take(&files.manifest));
        let (reused, previous_digest) = match reused {
            Some((manifest, digest)) => (Some(manifest), Some(digest)),
            None => (None, None),
        };
        let Previous {
            id,
            entries: previous,
            recorded,
        } = previous_site(&target, &files, &options.keep, reused);
        let staging = target.sibling(&format!(".next-{}", std::process::id()));
        Ok(Publisher {
            target,
            files,
            _lock: lock,
            staging,
            staging_made: Mutex::new(false),
            id,
            previous,
            recorded,
            // the kept digest is the manifest's, which a marker of another history refuses
            previous_digest: previous_digest.filter(|_| recorded),
            claims: Mutex::new(HashMap::new()),
            keep_unlisted: AtomicBool::new(false),
            on_directories: Mutex::new(Vec::new()),
            keep: options.keep.clone(),
            durability: options.durability,
            steps,
            warnings,
            committed: false,
        })
    }

    /// The output directory, resolved.
    pub fn output_dir(&self) -> &Path {
        &self.target.path
    }

    /// The staging directory's name beside the output.
    pub(super) fn staging_name(&self) -> String {
        self.staging
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    }

    /// Whether the last commit wrote `path` from the same `input_key` and the file is
    /// still in place as written. If so the page is kept as it is, and the caller may
    /// skip rendering it; otherwise the caller renders it and calls [`Publisher::put`].
    /// An empty key never matches.
    pub fn unchanged(&self, path: &str, input_key: &[u8]) -> bool {
        if input_key.is_empty() || is_kept(path, &self.keep) {
            return false;
        }
        let Some(prev) = self.previous.get(path) else {
            return false;
        };
        if prev.hash.is_none() || prev.key != Some(digest(input_key)) {
            return false;
        }
        if self.stat_in_place(path) != Some(prev.stat) {
            return false;
        }
        let Ok(mut claims) = self.claims.lock() else {
            return false;
        };
        if claims.contains_key(path) {
            return false;
        }
        claims.insert(path.to_string(), Claim::Kept(prev.clone()));
        true
    }

    /// A digest of the site the last commit left, when its manifest was read: equal to
    /// that commit's [`PublishReport::site_digest`] unless the output changed since (a
    /// commit a crash interrupted, finished by [`Publisher::open`]).
    pub fn site_digest(&self) -> Option<[u8; 16]> {
        self.recorded.then(|| {
            self.previous_digest
                .unwrap_or_else(|| manifest::site_digest(&self.previous))
        })
    }

    /// Keeps every page of the last commit as it is, if every one of them is still in
    /// place as written (for a build whose inputs are all those of the last commit);
    /// keeps nothing and returns `false` otherwise, or when a page was claimed already.
    pub fn keep_all_in_place(&self) -> bool {
        let intact = self.previous.iter().all(|(path, prev)| {
            prev.hash.is_some()
                && prev.key.is_some()
                && !is_kept(path, &self.keep)
                && self.stat_in_place(path) == Some(prev.stat)
        });
        let Ok(mut claims) = self.claims.lock() else {
            return false;
        };
        if !intact || !claims.is_empty() {
            return false;
        }
        for (path, prev) in &self.previous {
            claims.insert(path.clone(), Claim::Kept(prev.clone()));
        }
        true
    }

    /// Publishes `bytes` at `path` (relative, `/`-separated), rendered from `input_key`
    /// (any bytes naming everything the page was made from, e.g. a digest of its inputs;
    /// empty if unknown). Bytes equal to what is in place are not written; other bytes go
    /// to staging and are moved in by [`Publisher::commit`]. Nothing of `bytes` is kept.
    /// Fails on an unsafe or repeated path, a path the keep list protects, or a path
    /// where the output holds something briefing did not write.
    pub fn put(&self, path: &str, input_key: &[u8], bytes: &[u8]) -> Result<(), OutputError> {
        check_page_path(path).map_err(|reason| OutputError::InvalidPagePath {
            path: path.to_string(),
            reason,
        })?;
        if is_kept(path, &self.keep) {
            return Err(OutputError::Kept {
                path: self.target.path.join(path),
            });
        }
        self.claim(path)?;
        let hash = digest(bytes);
        let key = (!input_key.is_empty()).then(|| digest(input_key));
        let claim = match self.in_place(path, &hash, bytes) {
            Some(stat) => Claim::Kept(Entry {
                hash: Some(hash),
                key,
                stat,
            }),
            None => {
                self.check_new(path)?;
                let stat = self.stage(path, bytes).map_err(|e| self.explain(path, e))?;
                Claim::Staged(Entry {
                    hash: Some(hash),
                    key,
                    stat,
                })
            }
        };
        self.claims
            .lock()
            .map_err(|_| poisoned(path))?
            .insert(path.to_string(), claim);
        Ok(())
    }

    /// For a caller that knows which pages an edit touched (a live preview): pages of the
    /// last commit that this build neither puts, declares [`unchanged`](Self::unchanged)
    /// nor [`remove`](Self::remove)s stay as they are, trusted without a look at the disk.
    /// Without it, `commit` removes them.
    pub fn keep_unlisted(&self) {
        self.keep_unlisted.store(true, Ordering::SeqCst);
    }

    /// Takes `path` off the site (with [`keep_unlisted`](Self::keep_unlisted); without
    /// it, not putting a page is enough). A path the last commit did not write is ignored.
    pub fn remove(&self, path: &str) -> Result<(), OutputError> {
        check_page_path(path).map_err(|reason| OutputError::InvalidPagePath {
            path: path.to_string(),
            reason,
        })?;
        self.claim(path)?;
        self.claims
            .lock()
            .map_err(|_| poisoned(path))?
            .insert(path.to_string(), Claim::Removed);
        Ok(())
    }

    fn claim(&self, path: &str) -> Result<(), OutputError> {
        let mut claims = self.claims.lock().map_err(|_| poisoned(path))?;
        if claims.contains_key(path) {
            return Err(OutputError::InvalidPagePath {
                path: path.to_string(),
                reason: "two pages have this path",
            });
        }
        claims.insert(path.to_string(), Claim::Pending);
        Ok(())
    }

    /// A staging write that failed because another page is a file where this one needs
    /// a directory (or the other way round) is that page conflict, not an I/O problem.
    fn explain(&self, path: &str, error: OutputError) -> OutputError {
        let Ok(claims) = self.claims.lock() else {
            return error;
        };
        let below = format!("{path}/");
        let ancestor = path
            .match_indices('/')
            .any(|(i, _)| claims.contains_key(&path[..i]));
        if ancestor || claims.keys().any(|c| c.starts_with(&below)) {
            return OutputError::InvalidPagePath {
                path: path.to_string(),
                reason: "another page has the path of one of its directories",
            };
        }
        error
    }
}

impl Drop for Publisher {
    /// Without a commit, the build is abandoned: the output was never touched; the
    /// staging tree and a half-written manifest are removed.
    fn drop(&mut self) {
        if self.committed || fs::symlink_metadata(&self.files.journal).is_ok() {
            return;
        }
        if self.staging_made.get_mut().is_ok_and(|m| *m) {
            let _ = remove_tree(&self.staging);
        }
        let _ = fs::remove_file(&self.files.next);
    }
}

pub(super) fn poisoned(path: &str) -> OutputError {
    OutputError::Io {
        path: PathBuf::from(path),
        source: std::io::Error::other("a worker panicked while publishing"),
    }
}
