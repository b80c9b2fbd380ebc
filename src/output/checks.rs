//! The checks a publish makes before its commit point, so that nothing after it can
//! fail for a reason known in advance: page paths that are safe and distinct, no page
//! that is a file and a directory at once, no page landing on something briefing did not
//! write, and no leftovers of dead builds in the way.
//!
//! Paths in, a verdict out ([`OutputError::InvalidPagePath`] or
//! [`OutputError::Collision`]); the only writes here are the removal of leftovers.

use std::collections::{HashMap, HashSet};
use std::ffi::OsString;
use std::fs;
use std::io;
use std::path::Path;

use super::OutputError;
use super::fsops::{Steps, io_err, process_alive, remove_tree};
use super::guard::{self, MARKER_FILE, State, Target};
use super::manifest::Entry;

/// Defence in depth: page paths come from article slugs and theme files.
pub fn check_page_path(path: &str) -> Result<(), &'static str> {
    if path.is_empty() {
        return Err("empty path");
    }
    if path.contains('\0') {
        return Err("contains a NUL byte");
    }
    if path.chars().any(char::is_control) {
        return Err("contains a control character");
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

/// Whether the keep list protects `path` (an entry keeps itself and everything below it).
pub(super) fn is_kept(path: &str, keep: &[String]) -> bool {
    keep.iter().any(|k| {
        path == k
            || path
                .strip_prefix(k.as_str())
                .is_some_and(|rest| rest.starts_with('/'))
    })
}

/// No page may be a directory of another (`a` and `a/b.html`).
pub(super) fn check_tree<'a>(
    paths: impl Iterator<Item = &'a str> + Clone,
) -> Result<(), OutputError> {
    let all: HashSet<&str> = paths.clone().collect();
    for path in paths {
        let mut end = path.len();
        while let Some(slash) = path[..end].rfind('/') {
            if all.contains(&path[..slash]) {
                return Err(OutputError::InvalidPagePath {
                    path: path.to_string(),
                    reason: "another page has the path of one of its directories",
                });
            }
            end = slash;
        }
    }
    Ok(())
}

/// What is at a new page's path in the output now.
pub(super) enum Free {
    Yes,
    /// A directory: free only if every file below it leaves the site (see [`check_dir_leaves`]).
    IfDirectoryLeaves,
}

/// Checks that the new page `path` (not in the last build) lands on nothing briefing
/// did not write: every existing ancestor must be a real directory or an old page of
/// ours, and the path itself must be free.
pub(super) fn check_free(
    output: &Path,
    path: &str,
    previous: &HashMap<String, Entry>,
) -> Result<Free, OutputError> {
    let mut full = output.to_path_buf();
    let parts: Vec<&str> = path.split('/').collect();
    for (i, part) in parts.iter().enumerate() {
        full.push(part);
        let last = i + 1 == parts.len();
        let meta = match fs::symlink_metadata(&full) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Free::Yes),
            Err(e) => return Err(io_err(&full)(e)),
            Ok(m) => m,
        };
        if meta.is_dir() {
            if last {
                return Ok(Free::IfDirectoryLeaves);
            }
            continue;
        }
        if !last && previous.contains_key(&parts[..=i].join("/")) {
            return Ok(Free::Yes);
        }
        return Err(OutputError::Collision { path: full });
    }
    Ok(Free::Yes)
}

/// A new page lands on an existing directory: every file below it must be an old page
/// that leaves the site.
pub(super) fn check_dir_leaves(
    output: &Path,
    path: &str,
    leaving: &HashSet<&str>,
) -> Result<(), OutputError> {
    for found in walkdir::WalkDir::new(output.join(path)).follow_links(false) {
        let found = found.map_err(|e| OutputError::Io {
            path: output.join(path),
            source: e.into(),
        })?;
        if found.file_type().is_dir() {
            continue;
        }
        let rel = found
            .path()
            .strip_prefix(output)
            .map(|r| r.to_string_lossy().replace('\\', "/"))
            .unwrap_or_default();
        if !leaving.contains(rel.as_str()) {
            return Err(OutputError::Collision {
                path: found.path().to_path_buf(),
            });
        }
    }
    Ok(())
}

/// Deletes what builds that died left next to the output: `<name>.next-<pid>` staging
/// trees (only briefing's own files), and the `<name>.staging-<pid>` and `<name>.old-<pid>`
/// trees of earlier versions, which swapped whole directories and may hold the user's
/// files (`.git`, `CNAME`): those are left in place, with a warning, when they do.
/// A leftover counts as dead when its process is gone (without `/proc`: after an hour).
pub(super) fn remove_leftovers(target: &Target, steps: &Steps) -> Vec<String> {
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
        let (legacy, pid) = match (
            rest.strip_prefix(".next-"),
            rest.strip_prefix(".staging-")
                .or_else(|| rest.strip_prefix(".old-")),
        ) {
            (Some(pid), _) => (false, pid),
            (None, Some(pid)) => (true, pid),
            _ => continue,
        };
        let Ok(pid) = pid.parse::<u32>() else {
            continue;
        };
        let dead = match process_alive(pid) {
            Some(alive) => !alive,
            None => is_stale(&entry.path()),
        };
        if !dead {
            continue;
        }
        if let Err(e) = remove_leftover(&entry.path(), legacy, steps) {
            warnings.push(format!("left in place: {e}"));
        }
    }
    warnings
}

/// Removes one leftover tree if it is briefing's (marked, or empty); a `legacy` one
/// only if it holds nothing its marker does not list.
pub(super) fn remove_leftover(path: &Path, legacy: bool, steps: &Steps) -> Result<(), OutputError> {
    let state = guard::state_of(path).map_err(io_err(path))?;
    let refuse = |reason: String| OutputError::Refused {
        path: path.to_path_buf(),
        reason,
        help: "move what you need out of it and delete it".into(),
    };
    let State::Ours(marker) = state else {
        if state == State::Empty {
            steps.step();
            return remove_tree(path);
        }
        return Err(refuse("briefing did not create what is there".into()));
    };
    if legacy {
        let foreign = foreign_entries(path, &marker.names)?;
        if !foreign.is_empty() {
            let names: Vec<String> = foreign
                .iter()
                .map(|n| n.to_string_lossy().into_owned())
                .collect();
            return Err(refuse(format!(
                "an interrupted build of an earlier version moved files briefing did not write here: {}",
                names.join(", ")
            )));
        }
    }
    steps.step();
    remove_tree(path)
}

/// The top-level entries of `dir` that its marker does not list.
fn foreign_entries(dir: &Path, listed: &[OsString]) -> Result<Vec<OsString>, OutputError> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).map_err(io_err(dir))? {
        let name = entry.map_err(io_err(dir))?.file_name();
        if name != MARKER_FILE && !listed.contains(&name) {
            out.push(name);
        }
    }
    out.sort();
    Ok(out)
}

fn is_stale(path: &Path) -> bool {
    let age = fs::symlink_metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.elapsed().ok());
    age.is_some_and(|a| a.as_secs() > 3600)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_paths_are_checked() {
        let bad = [
            "",
            "/etc/passwd",
            "../outside.html",
            "a/../../b.html",
            "a/./b.html",
            "a\\..\\b.html",
            "a\0b",
            "a\nb.html",
            "a\u{1b}b.html",
            "a//b.html",
            "c:/windows/x",
            "dir/",
            MARKER_FILE,
        ];
        for path in bad {
            assert!(check_page_path(path).is_err(), "{path:?}");
        }
        let good = [
            "index.html",
            ".well-known/security.txt",
            "a/b/c.html",
            "résumé/index.html",
            "..foo",
            "a b.html",
        ];
        for path in good {
            assert_eq!(check_page_path(path), Ok(()), "{path}");
        }
    }

    #[test]
    fn the_keep_list_covers_entries_and_what_is_below_them() {
        let keep = ["CNAME".to_string(), "downloads".to_string()];
        let cases = [
            ("CNAME", true),
            ("downloads/a.pdf", true),
            ("downloads", true),
            ("downloadsx/a", false),
            ("CNAME.html", false),
            ("index.html", false),
        ];
        for (path, want) in cases {
            assert_eq!(is_kept(path, &keep), want, "{path}");
        }
    }

    #[test]
    fn a_page_may_not_be_the_directory_of_another() {
        let cases: [(&[&str], bool); 4] = [
            (&["a.html", "b/c.html", "b/d.html"], true),
            (&["a", "a/b.html"], false),
            (&["x/y/z.html", "x/y"], false),
            (&["ab/c.html", "a"], true),
        ];
        for (paths, ok) in cases {
            assert_eq!(check_tree(paths.iter().copied()).is_ok(), ok, "{paths:?}");
        }
    }

    #[test]
    fn a_new_page_must_land_on_nothing_the_user_put_there() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path();
        fs::create_dir_all(out.join("dir/sub")).unwrap();
        fs::write(out.join("CNAME"), "mine").unwrap();
        fs::write(out.join("old.html"), "ours").unwrap();
        let previous: HashMap<String, Entry> = [(
            "old.html".to_string(),
            Entry {
                hash: None,
                key: None,
                stat: super::super::manifest::Stat { size: 4, mtime: 0 },
            },
        )]
        .into();
        let verdict = |p: &str| match check_free(out, p, &previous) {
            Ok(Free::Yes) => "free",
            Ok(Free::IfDirectoryLeaves) => "dir",
            Err(OutputError::Collision { .. }) => "collision",
            Err(_) => "error",
        };
        let cases = [
            ("new.html", "free"),
            ("dir/new.html", "free"),
            ("dir/sub", "dir"),
            ("CNAME", "collision"),
            ("CNAME/x.html", "collision"),
            ("old.html/x.html", "free"),
        ];
        for (path, want) in cases {
            assert_eq!(verdict(path), want, "{path}");
        }
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(out.join("dir"), out.join("link")).unwrap();
            assert_eq!(verdict("link/x.html"), "collision");
        }
    }
}
