//! Stage 5, the output edge: pages in, a complete site on disk out; and the safe writes
//! of the user's own files.
//!
//! [`Publisher`] writes a site into an output directory incrementally: pages stream in
//! from rendering workers, only those whose bytes differ from what the last build left
//! are written (to a staging directory next to the output), and [`Publisher::commit`]
//! moves them in, removes the pages that left the site and records a manifest of content
//! hashes in the state folder (`.briefing/published/`). A build that changes nothing
//! writes nothing. The commit goes through a journal, so that after a crash at any step
//! the next build finishes it first: the output is always the old site or the new one,
//! complete (see [`journal`] for why that holds). A failed build never reaches the
//! commit, and leaves the output byte-identical.
//!
//! Ownership: every output carries a [`MARKER_FILE`] naming the top-level entries the
//! build writes. A non-empty directory without it is never written to or deleted
//! ([`Guard`] also refuses the site root, content directories, `$HOME` and `/`). Only
//! files the manifest records as briefing's are ever replaced or removed: anything else
//! in the output (`.git`, `CNAME`, `.nojekyll`, a verification file) stays where it is,
//! and `build.keep` in `briefing.toml` protects more paths explicitly. Symlinks are never
//! followed when removing.
//!
//! [`preflight`] runs the publisher's checks without writing, so that `check` refuses what
//! `build` would. [`write_text_if_unchanged`], [`write_text_atomic`] and [`backup`] are
//! the safe writes for user artifacts (briefing Markdown files); [`clean`] removes what
//! the tool wrote and nothing else.
//!
//! Test hook: `BRIEFING_CRASH_AT_STEP=N` in the environment makes [`OutputOptions::for_site`]
//! set [`OutputOptions::crash_at`], and the publisher then aborts the process just before
//! its N-th file-system step, as `kill -9` would. The crash-matrix tests use it.

mod cache;
mod checks;
mod commit;
mod fsops;
mod guard;
mod journal;
mod kept;
mod manifest;
mod previous;
mod publish;
mod staging;
mod textfile;

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use thiserror::Error;

use crate::config::Config;
use crate::site::Page;

pub use cache::write_cache_file;
pub use checks::check_page_path;
pub use guard::{Guard, MARKER_FILE, Marker, State, Target, normalise};
pub use kept::KeptManifest;
pub use publish::{PublishReport, Publisher};
pub use textfile::{
    TextWrite, WriteOutcome, backup, remove_if_unchanged, write_text_atomic,
    write_text_if_unchanged, write_texts_if_unchanged,
};

use checks::{Free, is_kept};
use fsops::{io_err, remove_tree};
use journal::StateFiles;

/// The environment variable of the crash test hook (see the module docs).
pub const CRASH_AT_STEP_VAR: &str = "BRIEFING_CRASH_AT_STEP";

/// Why the site could not be written (or removed).
#[derive(Debug, Error)]
pub enum OutputError {
    #[error("{}: {source}", .path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("refusing to replace or delete {}: {reason}\n  help: {help}", .path.display())]
    Refused {
        path: PathBuf,
        reason: String,
        help: String,
    },
    #[error("invalid output path {path:?}: {reason} (nothing was written)")]
    InvalidPagePath { path: String, reason: &'static str },
    #[error(
        "{}: briefing did not create this entry, and the new build writes a file of the same name\n  help: move it out of the output directory (into `static/` if it belongs to the site) and build again",
        .path.display()
    )]
    Collision { path: PathBuf },
    #[error(
        "{}: `build.keep` in briefing.toml protects this path, and the build writes a file there\n  help: take it off the keep list, or rename the file in `static/` or the theme that becomes this page",
        .path.display()
    )]
    Kept { path: PathBuf },
    #[error(
        "{}: the new site is published, except:\n  {}\n  help: fix what is named above and build again; the next build writes these files again",
        .path.display(), .problems.join("\n  ")
    )]
    Incomplete {
        path: PathBuf,
        problems: Vec<String>,
    },
}

/// How much of a publish is flushed to disk before it counts as done.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Durability {
    /// Nothing is flushed (`serve`: a preview rebuilt on every save). A process crash
    /// still leaves the old or the new site; a power loss may need a rebuild.
    Nothing,
    /// The journal and the manifest are flushed, the pages are not (`build`): a process
    /// crash leaves the old or the new site; after a power loss, a page the disk lost is
    /// seen by its size or time differing from the manifest and written again.
    Commit,
    /// Every page and directory is flushed too before the commit point.
    Full,
}

/// How to write a site.
#[derive(Debug, Clone)]
pub struct OutputOptions {
    pub guard: Guard,
    pub durability: Durability,
    /// Paths in the output (relative, `/`-separated) that the build never writes nor
    /// removes, with everything below them (`build.keep`).
    pub keep: Vec<String>,
    /// Test hook: abort the process before this file-system step (see the module docs).
    pub crash_at: Option<u64>,
}

impl Default for OutputOptions {
    /// Journal and manifest flushed; only `/` and `$HOME` protected besides the marker rule.
    fn default() -> Self {
        OutputOptions {
            guard: Guard::new(),
            durability: Durability::Commit,
            keep: Vec::new(),
            crash_at: None,
        }
    }
}

impl OutputOptions {
    /// Guarded by the site's directories, with its keep list; the crash hook from the
    /// environment. An output inside the state folder (`serve`'s preview) is scratch that
    /// the next start rebuilds anyway: nothing of it is flushed.
    pub fn for_site(config: &Config) -> OutputOptions {
        let scratch =
            guard::normalise(&config.output_dir).starts_with(guard::normalise(&config.state_dir()));
        OutputOptions {
            guard: Guard::for_site(config),
            durability: match scratch {
                true => Durability::Nothing,
                false => Durability::Commit,
            },
            keep: config.keep.clone(),
            crash_at: std::env::var(CRASH_AT_STEP_VAR)
                .ok()
                .and_then(|v| v.parse().ok()),
        }
    }
}

/// Publishes `pages` as the complete content of `output_dir` in one go: open, put every
/// page in parallel (with no input keys), commit.
pub fn publish(
    output_dir: &Path,
    state_dir: &Path,
    pages: &[Page],
    options: &OutputOptions,
) -> Result<PublishReport, OutputError> {
    let publisher = Publisher::open(output_dir, state_dir, options)?;
    pages
        .par_iter()
        .try_for_each(|p| publisher.put(&p.path, &[], &p.bytes))?;
    publisher.commit()
}

/// Checks, without writing anything, that a publish of `paths` into `output_dir` would
/// pass the checks made before its commit point: an output the guard allows, valid and
/// distinct page paths, none the keep list protects, and none landing on an entry
/// briefing did not write. A missing output directory, or a missing parent, is fine.
pub fn preflight<'a>(
    output_dir: &Path,
    state_dir: &Path,
    paths: impl IntoIterator<Item = &'a str>,
    options: &OutputOptions,
) -> Result<(), OutputError> {
    let target = options.guard.check(output_dir, false)?;
    let paths: Vec<&str> = paths.into_iter().collect();
    let mut seen = HashSet::with_capacity(paths.len());
    for path in &paths {
        check_page_path(path).map_err(|reason| OutputError::InvalidPagePath {
            path: path.to_string(),
            reason,
        })?;
        if !seen.insert(*path) {
            return Err(OutputError::InvalidPagePath {
                path: path.to_string(),
                reason: "two pages have this path",
            });
        }
        if is_kept(path, &options.keep) {
            return Err(OutputError::Kept {
                path: target.path.join(path),
            });
        }
    }
    checks::check_tree(paths.iter().copied())?;
    if !matches!(target.state, State::Ours(_)) {
        return Ok(());
    }
    let files = StateFiles::for_output(state_dir, &target.path);
    let previous = previous::previous_site(&target, &files, &options.keep, None).entries;
    let leaving: HashSet<&str> = previous
        .keys()
        .map(String::as_str)
        .filter(|p| !seen.contains(p))
        .collect();
    for path in paths.iter().filter(|p| !previous.contains_key(**p)) {
        if let Free::IfDirectoryLeaves = checks::check_free(&target.path, path, &previous)? {
            checks::check_dir_leaves(&target.path, path, &leaving)?;
        }
    }
    Ok(())
}

/// What [`clean`] did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct CleanReport {
    pub removed: Vec<PathBuf>,
    /// Entries left in the output because briefing did not write them (the output
    /// directory stays, with its marker, when there are any).
    pub kept: Vec<String>,
}

/// Removes every file the last build wrote in the output (through the publisher, so a
/// crash mid-way is finished by the next build), the output directory itself when
/// nothing else is left in it, and the tool's state directory. Files briefing did not
/// write (`.git`, `CNAME`, `.nojekyll`, the keep list) stay. A non-empty output without
/// the marker is refused and nothing is removed.
pub fn clean(config: &Config) -> Result<CleanReport, OutputError> {
    let options = OutputOptions::for_site(config);
    let output = options.guard.check(&config.output_dir, false)?;
    // The state directory (`<root>/.briefing`) is the tool's by definition: no marker needed.
    let state = Guard::new()
        .protect(&config.root)
        .resolve(&config.state_dir(), false)?;
    let mut report = CleanReport::default();
    if let State::Ours(_) = output.state {
        Publisher::open(&output.path, &state.path, &options)?.commit()?;
        let mut left: Vec<String> = fs::read_dir(&output.path)
            .map_err(io_err(&output.path))?
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n != MARKER_FILE)
            .collect();
        left.sort();
        if left.is_empty() {
            remove_tree(&output.path)?;
            report.removed.push(output.path.clone());
        }
        report.kept = left;
    }
    if !matches!(state.state, State::Missing) {
        remove_tree(&state.path)?;
        report.removed.push(state.path.clone());
    }
    Ok(report)
}

#[cfg(test)]
mod tests;
