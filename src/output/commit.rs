//! The commit of a publish: the checks that must pass before anything in the output
//! changes, then the commit point (the journal) and its application.
//!
//! Before the journal is written, a commit can still fail (a page that is a file and a
//! folder at once, a new page landing on a folder with the user's files in it) and the
//! output is untouched; after it, [`super::journal::apply`] finishes whatever happens. A
//! commit that changes no file writes nothing at all, not even the marker; when only the
//! input keys changed it replaces the manifest by rename.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::Path;
use std::sync::atomic::Ordering;

use rustc_hash::FxHashSet;

use super::checks::{self, is_kept};
use super::fsops::{io_err, sync_dir};
use super::guard::{MARKER_FILE, marker_text};
use super::journal::{self, Journal};
use super::kept::KeptManifest;
use super::manifest::{Manifest, entry_digest, site_digest, xor};
use super::publish::{Claim, poisoned};
use super::{Durability, OutputError, PublishReport, Publisher};

impl Publisher {
    /// Publishes the pages put or kept since `open`: pages of the last commit that are
    /// neither are removed, staged files are moved in, files briefing did not write are
    /// left alone, and the new manifest is stored. See the module docs for the steps.
    pub fn commit(self) -> Result<PublishReport, OutputError> {
        self.commit_kept(None)
    }

    /// [`Publisher::commit`], then keeps the new manifest in `kept` for the next
    /// [`Publisher::open_kept`] of this output.
    pub fn commit_kept(
        mut self,
        kept: Option<&KeptManifest>,
    ) -> Result<PublishReport, OutputError> {
        let (manifest, report, same) = self.settle()?;
        // a handful of names among 20,000 paths: a byte scan of each path's first
        // component into a hash set, sorted at the end
        let mut names: FxHashSet<&str> = FxHashSet::default();
        for path in manifest.entries.keys() {
            let end = path.bytes().position(|b| b == b'/').unwrap_or(path.len());
            names.insert(&path[..end]);
        }
        let mut names: Vec<&str> = names.into_iter().collect();
        names.sort_unstable();
        let marker = marker_text(&self.id, names.iter().copied());
        let marker_path = self.target.path.join(MARKER_FILE);
        let marker_current = fs::read_to_string(&marker_path).is_ok_and(|t| t == marker);
        if report.written.is_empty() && report.removed.is_empty() && marker_current {
            if !same {
                self.store_manifest_only(&manifest)?;
            }
        } else {
            self.through_journal(&manifest, &marker, &report.removed)?;
        }
        if let Some(kept) = kept {
            kept.keep(&self.files.manifest, manifest, report.site_digest);
        }
        Ok(report)
    }

    /// The new manifest, the report and whether the manifest is the stored one, once
    /// every check that can fail before the commit point has passed. The last commit's
    /// entries are moved into the new manifest, not copied: an edit of a large site
    /// touches a few of its 20,000 entries.
    fn settle(&mut self) -> Result<(Manifest, PublishReport, bool), OutputError> {
        let claims = std::mem::take(&mut *self.claims.lock().map_err(|_| poisoned(""))?);
        let previous = std::mem::take(&mut self.previous);
        let keep_unlisted = self.keep_unlisted.load(Ordering::SeqCst);
        let (mut entries, mut left) = match keep_unlisted {
            true => (previous, HashMap::new()),
            false => (HashMap::with_capacity(claims.len()), previous),
        };
        let mut same = self.recorded;
        // the last digest, updated entry by entry (see `manifest::site_digest`)
        let mut digest = self.previous_digest.filter(|_| keep_unlisted);
        let mut new_paths = false;
        let mut written = Vec::new();
        let mut removals = Vec::new();
        for (path, claim) in claims {
            let entry = match claim {
                Claim::Pending => {
                    return Err(OutputError::InvalidPagePath {
                        path,
                        reason: "its page could not be written, so the site is not published",
                    });
                }
                Claim::Removed => {
                    removals.push(path);
                    continue;
                }
                Claim::Staged(e) => {
                    written.push(path.clone());
                    e
                }
                Claim::Kept(e) => e,
            };
            let old = match keep_unlisted {
                true => entries.get(&path),
                false => left.get(&path),
            };
            if old != Some(&entry) {
                same = false;
                if let Some(d) = &mut digest {
                    let was = old.map(|e| entry_digest(&path, e)).unwrap_or_default();
                    *d = xor(xor(*d, &was), &entry_digest(&path, &entry));
                }
            }
            new_paths |= old.is_none();
            entries.insert(path, entry);
        }
        for path in removals {
            if let Some(e) = entries.remove(&path) {
                same = false;
                if let Some(d) = &mut digest {
                    *d = xor(*d, &entry_digest(&path, &e));
                }
                left.insert(path, e);
            }
        }
        if !keep_unlisted {
            left.retain(|path, _| !entries.contains_key(path));
            same &= left.is_empty();
        }
        if new_paths {
            checks::check_tree(entries.keys().map(String::as_str))?;
        }
        let mut removed: Vec<String> = left
            .into_keys()
            .filter(|p| !is_kept(p, &self.keep))
            .collect();
        removed.sort_unstable();
        written.sort_unstable();
        let leaving: HashSet<&str> = removed.iter().map(String::as_str).collect();
        for path in std::mem::take(&mut *self.on_directories.lock().map_err(|_| poisoned(""))?) {
            checks::check_dir_leaves(&self.target.path, &path, &leaving)?;
        }
        let mut warnings = std::mem::take(&mut self.warnings);
        warnings.sort();
        let report = PublishReport {
            site_digest: digest.unwrap_or_else(|| site_digest(&entries)),
            output_dir: self.target.path.clone(),
            files: entries.len(),
            bytes_written: written.iter().map(|p| entries[p].stat.size).sum(),
            written,
            removed,
            warnings,
        };
        let manifest = Manifest {
            id: self.id.clone(),
            output: self.files.output_name.clone(),
            entries,
        };
        Ok((manifest, report, same))
    }

    /// Stages the marker, stores the new manifest beside the old one, writes the journal
    /// (the commit point) and applies it.
    fn through_journal(
        &mut self,
        manifest: &Manifest,
        marker: &str,
        removals: &[String],
    ) -> Result<(), OutputError> {
        self.make_staging()?;
        self.steps.step();
        fs::write(self.staging.join(MARKER_FILE), marker).map_err(io_err(&self.staging))?;
        let sync = self.durability != Durability::Nothing;
        if self.durability == Durability::Full {
            sync_tree(&self.staging)?;
        }
        self.steps.step();
        manifest
            .save(&self.files.next, sync)
            .map_err(io_err(&self.files.next))?;
        let journal = Journal {
            staging: self.staging_name(),
            removals: removals.to_vec(),
        };
        journal.write(&self.files, &self.steps, sync)?;
        self.committed = true;
        let problems = journal::apply(&journal, &self.target.path, &self.files, &self.steps)?;
        match problems.is_empty() {
            true => Ok(()),
            false => Err(OutputError::Incomplete {
                path: self.target.path.clone(),
                problems,
            }),
        }
    }

    /// Nothing in the output changed but the input keys did: the manifest is rewritten
    /// (by rename, so it is never half written).
    fn store_manifest_only(&mut self, manifest: &Manifest) -> Result<(), OutputError> {
        let sync = self.durability != Durability::Nothing;
        self.steps.step();
        manifest
            .save(&self.files.next, sync)
            .map_err(io_err(&self.files.next))?;
        self.steps.step();
        fs::rename(&self.files.next, &self.files.manifest).map_err(io_err(&self.files.manifest))
    }
}

/// Flushes every directory of a tree (files are flushed as they are written).
fn sync_tree(dir: &Path) -> Result<(), OutputError> {
    for found in walkdir::WalkDir::new(dir).contents_first(true) {
        let found = found.map_err(|e| OutputError::Io {
            path: dir.to_path_buf(),
            source: e.into(),
        })?;
        if found.file_type().is_dir() {
            sync_dir(found.path())?;
        }
    }
    Ok(())
}
