//! Stage 5, the output edge: pages in, a complete site on disk out.
//!
//! [`write_site_with`] never edits the output in place. It renders every page into a staging
//! directory next to the output (`public.staging-<pid>`, same parent so that renames
//! stay on one file system), flushes it, then swaps it in with two renames (old output
//! to `public.old-<pid>`, staging to `public`) and deletes the old tree last. Until the
//! second rename the previous site is untouched; any failure removes the staging
//! directory and leaves the old output byte-identical.
//!
//! Every output carries a [`MARKER_FILE`] listing the top-level entries the build wrote.
//! A non-empty directory without it is never replaced or deleted ([`Guard`] also refuses
//! the site root, content directories, `$HOME` and `/`). Entries of the old output that
//! are not in its manifest (`.git`, `CNAME`, `.nojekyll`, a verification file) were put
//! there by someone else and are moved into the new output. Symlinks are never followed
//! when deleting. Staging and old directories of dead builds are removed on the next run.
//!
//! [`preflight`] runs every check of [`write_site_with`] (page paths, the guard, names
//! that collide with entries briefing did not write) without writing anything, so that a
//! build can refuse before it writes briefing files and `check` refuses what `build` would.
//!
//! [`write_text_if_unchanged`], [`write_text_atomic`] and [`backup`] are the safe writes
//! for user artifacts (briefing Markdown files); [`clean`] removes what the tool owns and
//! nothing else.

mod fsops;
mod guard;
mod textfile;

use std::collections::BTreeSet;
use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use thiserror::Error;

use crate::config::Config;
use crate::site::Page;

pub use guard::{Guard, MARKER_FILE, State, Target, normalise};
pub use textfile::{WriteOutcome, backup, write_text_atomic, write_text_if_unchanged};

use fsops::{process_alive, remove_tree, sync_dir, write_new_file};

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
}

/// How to write a site.
#[derive(Debug, Clone)]
pub struct OutputOptions {
    pub guard: Guard,
    /// Flush every file to disk before the swap (on for `build`, off for `serve`,
    /// whose output is rebuilt on every save and thrown away).
    pub durable: bool,
}

impl Default for OutputOptions {
    /// Durable writes; only `/` and `$HOME` protected besides the marker rule.
    fn default() -> Self {
        OutputOptions {
            guard: Guard::new(),
            durable: true,
        }
    }
}

impl OutputOptions {
    /// Durable writes, guarded by the site's directories.
    pub fn for_site(config: &Config) -> OutputOptions {
        OutputOptions {
            guard: Guard::for_site(config),
            durable: true,
        }
    }
}

/// What [`write_site_with`] did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct WriteReport {
    /// The output directory, resolved.
    pub output_dir: PathBuf,
    pub files: usize,
    pub bytes: u64,
    /// Top-level entries of the old output that briefing did not write, carried over.
    pub kept: Vec<String>,
    /// Problems that did not stop the build (an old tree that could not be deleted;
    /// the next build retries).
    pub warnings: Vec<String>,
}

/// Writes `pages` as the complete content of `output_dir` (see the module docs).
pub fn write_site_with(
    output_dir: &Path,
    pages: &[Page],
    options: &OutputOptions,
) -> Result<WriteReport, OutputError> {
    let top = validate_pages(pages)?;
    let target = options.guard.check(output_dir, true)?;
    let mut warnings = remove_leftovers(&target);
    let kept = kept_entries(&target, &top)?;
    let staging = target.sibling(&format!(".staging-{}", std::process::id()));
    remove_ours(&staging)?;
    let result = write_tree(&staging, pages, &top, options.durable)
        .and_then(|()| swap(&target, &staging, &kept, options.durable));
    if result.is_err() {
        let _ = remove_tree(&staging);
    }
    if let Some(problem) = result? {
        warnings.push(problem);
    }
    Ok(WriteReport {
        output_dir: target.path,
        files: pages.len(),
        bytes: pages.iter().map(|p| p.bytes.len() as u64).sum(),
        kept: kept
            .iter()
            .map(|n| n.to_string_lossy().into_owned())
            .collect(),
        warnings,
    })
}

/// Checks, without writing anything, that [`write_site_with`] would accept `pages` and
/// `output_dir`: valid and distinct page paths, an output directory the guard allows
/// (see [`Guard::check`]), and no entry briefing did not write under a name a page
/// needs. A missing output directory, or a missing parent, is fine.
pub fn preflight(
    output_dir: &Path,
    pages: &[Page],
    options: &OutputOptions,
) -> Result<(), OutputError> {
    let top = validate_pages(pages)?;
    let target = options.guard.check(output_dir, false)?;
    kept_entries(&target, &top).map(drop)
}

/// What [`clean`] removed.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct CleanReport {
    pub removed: Vec<PathBuf>,
}

/// Removes the output directory (only if it carries the marker) and the tool's state
/// directory. A non-empty output without the marker is refused and nothing is removed.
pub fn clean(config: &Config) -> Result<CleanReport, OutputError> {
    let output = Guard::for_site(config).check(&config.output_dir, false)?;
    // The state directory (`<root>/.briefing`) is the tool's by definition: no marker needed.
    let state = Guard::new()
        .protect(&config.root)
        .resolve(&config.state_dir(), false)?;
    let mut removed = Vec::new();
    let output_is_ours = matches!(output.state, State::Ours(_));
    for (target, remove) in [
        (&output, output_is_ours),
        (&state, !matches!(state.state, State::Missing)),
    ] {
        if !remove {
            continue;
        }
        remove_tree(&target.path)?;
        removed.push(target.path.clone());
    }
    let _ = remove_leftovers(&output);
    Ok(CleanReport { removed })
}

/// Checks every page path and returns the top-level names, before anything is written.
fn validate_pages(pages: &[Page]) -> Result<BTreeSet<String>, OutputError> {
    let mut seen = BTreeSet::new();
    let mut top = BTreeSet::new();
    for page in pages {
        check_page_path(&page.path).map_err(|reason| OutputError::InvalidPagePath {
            path: page.path.clone(),
            reason,
        })?;
        if !seen.insert(page.path.as_str()) {
            return Err(OutputError::InvalidPagePath {
                path: page.path.clone(),
                reason: "two pages have this path",
            });
        }
        top.insert(page.path.split('/').next().unwrap_or_default().to_string());
    }
    Ok(top)
}

/// Defence in depth: page paths come from article slugs.
pub fn check_page_path(path: &str) -> Result<(), &'static str> {
    if path.is_empty() {
        return Err("empty path");
    }
    if path.contains('\0') {
        return Err("contains a NUL byte");
    }
    if path.contains('\\') {
        return Err("contains a backslash");
    }
    if path.starts_with('/') {
        return Err("absolute path");
    }
    if path.len() >= 2 && path.as_bytes()[1] == b':' {
        return Err("starts with a drive letter");
    }
    for part in path.split('/') {
        match part {
            "" => return Err("empty path segment"),
            "." | ".." => return Err("`.` or `..` segment"),
            _ => {}
        }
    }
    if path == MARKER_FILE {
        return Err("reserved for briefing's output marker");
    }
    Ok(())
}

/// The top-level entries of the old output that briefing did not write.
fn kept_entries(target: &Target, top: &BTreeSet<String>) -> Result<Vec<OsString>, OutputError> {
    let State::Ours(manifest) = &target.state else {
        return Ok(Vec::new());
    };
    let read = fs::read_dir(&target.path).map_err(|source| OutputError::Io {
        path: target.path.clone(),
        source,
    })?;
    let mut kept = Vec::new();
    for entry in read {
        let entry = entry.map_err(|source| OutputError::Io {
            path: target.path.clone(),
            source,
        })?;
        let name = entry.file_name();
        if name == MARKER_FILE || manifest.contains(&name) {
            continue;
        }
        if top.contains(name.to_string_lossy().as_ref()) {
            return Err(OutputError::Collision { path: entry.path() });
        }
        kept.push(name);
    }
    kept.sort();
    Ok(kept)
}

/// Creates `staging` with the marker and every page.
fn write_tree(
    staging: &Path,
    pages: &[Page],
    top: &BTreeSet<String>,
    durable: bool,
) -> Result<(), OutputError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| OutputError::Io { path, source }
    };
    fs::create_dir(staging).map_err(io(staging))?;
    let marker = guard::marker_text(top.iter().map(String::as_str));
    write_new_file(&staging.join(MARKER_FILE), marker.as_bytes(), durable)?;
    let dirs: BTreeSet<&str> = pages
        .iter()
        .filter_map(|p| p.path.rsplit_once('/').map(|(d, _)| d))
        .collect();
    for dir in &dirs {
        let path = staging.join(dir);
        fs::create_dir_all(&path).map_err(io(&path))?;
    }
    pages
        .par_iter()
        .try_for_each(|p| write_new_file(&staging.join(&p.path), &p.bytes, durable))?;
    if durable {
        dirs.par_iter()
            .try_for_each(|d| sync_dir(&staging.join(d)))?;
        sync_dir(staging)?;
    }
    Ok(())
}

/// Moves kept entries into `staging` and swaps it in. Returns a warning when the old
/// tree could not be deleted afterwards (the site itself is complete).
fn swap(
    target: &Target,
    staging: &Path,
    kept: &[OsString],
    durable: bool,
) -> Result<Option<String>, OutputError> {
    let rename = |from: &Path, to: &Path| {
        fs::rename(from, to).map_err(|source| OutputError::Io {
            path: from.to_path_buf(),
            source,
        })
    };
    if matches!(target.state, State::Missing) {
        rename(staging, &target.path)?;
        return Ok(None);
    }
    let move_all = |from: &Path, to: &Path, names: &[OsString]| -> Result<(), OutputError> {
        names
            .iter()
            .try_for_each(|n| rename(&from.join(n), &to.join(n)))
    };
    let undo_kept = |moved: &[OsString]| {
        for n in moved {
            let _ = fs::rename(staging.join(n), target.path.join(n));
        }
    };
    for (i, name) in kept.iter().enumerate() {
        if let Err(e) = move_all(&target.path, staging, std::slice::from_ref(name)) {
            undo_kept(&kept[..i]);
            return Err(e);
        }
    }
    let old = target.sibling(&format!(".old-{}", std::process::id()));
    let swapped = remove_ours(&old)
        .and_then(|()| rename(&target.path, &old))
        .and_then(|()| {
            rename(staging, &target.path).inspect_err(|_| drop(fs::rename(&old, &target.path)))
        });
    if let Err(e) = swapped {
        undo_kept(kept);
        return Err(e);
    }
    if durable {
        sync_dir(&target.parent)?;
    }
    Ok(remove_tree(&old)
        .err()
        .map(|e| format!("could not delete the previous output: {e} (the next build retries)")))
}

/// Removes `path` if it is ours (marked, or empty); leaves anything else alone.
fn remove_ours(path: &Path) -> Result<(), OutputError> {
    match guard::state_of(path).map_err(|source| OutputError::Io { path: path.to_path_buf(), source })? {
        State::Missing => Ok(()),
        State::Ours(_) | State::Empty => remove_tree(path),
        _ => Err(OutputError::Refused {
            path: path.to_path_buf(),
            reason: "briefing needs this name for its staging directory, and did not create what is there".into(),
            help: "move it away and build again".into(),
        }),
    }
}

/// Deletes `<name>.staging-<pid>` and `<name>.old-<pid>` siblings left by builds that
/// died (the process is gone, or without `/proc`, the leftover is over an hour old).
fn remove_leftovers(target: &Target) -> Vec<String> {
    let Ok(read) = fs::read_dir(&target.parent) else {
        return Vec::new();
    };
    let prefix = target.name.to_string_lossy().into_owned();
    let mut warnings = Vec::new();
    for entry in read.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(rest) = name.strip_prefix(prefix.as_str()) else {
            continue;
        };
        let pid = rest
            .strip_prefix(".staging-")
            .or_else(|| rest.strip_prefix(".old-"));
        let Some(pid) = pid.and_then(|p| p.parse::<u32>().ok()) else {
            continue;
        };
        let dead = match process_alive(pid) {
            Some(alive) => !alive,
            None => is_stale(&entry.path()),
        };
        if dead && let Err(e) = remove_ours(&entry.path()) {
            warnings.push(format!("left in place: {e}"));
        }
    }
    warnings
}

fn is_stale(path: &Path) -> bool {
    let age = fs::symlink_metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.elapsed().ok());
    age.is_some_and(|a| a.as_secs() > 3600)
}

#[cfg(test)]
mod tests;
