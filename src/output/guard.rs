//! Which directories `briefing` may replace or delete, and how it recognises its own.
//!
//! A path comes in (an output directory from `briefing.toml` or the command line), a
//! verdict comes out: the resolved [`Target`] to operate on, or an
//! [`OutputError::Refused`] that says why and what to do. The rules follow the data-loss
//! reports of other generators (a whole project wiped by `--output-dir ..`, `$HOME`
//! purged): the output may never be, or contain, the site root, a content directory,
//! `$HOME` or `/`; it may not lie inside a directory the build reads; it may not be a
//! symlink; and a non-empty directory is only ours if it holds the [`MARKER_FILE`].
//!
//! The target is resolved once (parent canonicalised, final name kept as is so that a
//! symlinked output is seen rather than followed) and every later operation uses that
//! resolved path, so the check and the action cannot disagree about where they point.

use std::ffi::OsString;
use std::fs;
use std::path::{Component, Path, PathBuf};

use crate::config::Config;

use super::OutputError;

/// The file that marks a directory as written by `briefing`. It also lists the
/// top-level entries the build writes and carries the id of the publisher's manifest
/// (see [`Marker`]).
pub const MARKER_FILE: &str = ".briefing-output";

/// First line of the marker file.
const MARKER_HEADER: &str =
    "# Written by `briefing`: every build replaces or removes the files it wrote here.";

/// The line that carries the manifest id.
const MARKER_ID: &str = "# id: ";

/// What an output's marker says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Marker {
    /// The id of the manifest (in the state folder) that lists every file of this
    /// output; `None` in markers written before manifests existed.
    pub id: Option<String>,
    /// The top-level entries the build writes; anything else was put there by someone
    /// else and is kept.
    pub names: Vec<OsString>,
}

/// Directories an output directory must keep clear of.
#[derive(Debug, Clone)]
pub struct Guard {
    /// The output may not be one of these, nor contain one.
    never_replace: Vec<PathBuf>,
    /// The output may not lie inside one of these (the build reads them).
    never_inside: Vec<PathBuf>,
}

impl Default for Guard {
    fn default() -> Self {
        Guard::new()
    }
}

impl Guard {
    /// Protects `/` and the user's home directory.
    pub fn new() -> Guard {
        let mut never_replace = vec![PathBuf::from("/")];
        for var in ["HOME", "USERPROFILE"] {
            if let Some(home) = std::env::var_os(var).filter(|h| !h.is_empty()) {
                never_replace.push(resolve_existing(Path::new(&home)));
            }
        }
        Guard {
            never_replace,
            never_inside: Vec::new(),
        }
    }

    /// Also protects the site root and every directory the build reads.
    pub fn for_site(config: &Config) -> Guard {
        let sources = [
            config.articles_dir.clone(),
            config.briefings_dir.clone(),
            config.root.join("templates"),
            config.root.join("themes"),
            config.root.join("static"),
        ];
        let mut guard = Guard::new().protect(&config.root);
        for dir in &sources {
            guard = guard.protect(dir).protect_inside(dir);
        }
        guard
    }

    /// The output may not be `path` nor contain it.
    pub fn protect(mut self, path: &Path) -> Guard {
        self.never_replace.push(resolve_existing(path));
        self
    }

    /// The output may not lie inside `path`.
    pub fn protect_inside(mut self, path: &Path) -> Guard {
        self.never_inside.push(resolve_existing(path));
        self
    }

    /// Resolves `dir` and checks that `briefing` may replace or delete it: its location
    /// and what is there now. With `create_parent`, a missing parent is created.
    pub fn check(&self, dir: &Path, create_parent: bool) -> Result<Target, OutputError> {
        let target = self.resolve(dir, create_parent)?;
        let refuse = |reason: String, help: &str| OutputError::Refused {
            path: target.path.clone(),
            reason,
            help: help.to_string(),
        };
        match target.state {
            State::Symlink => Err(refuse(
                "it is a symbolic link; briefing writes and removes files only in a real directory"
                    .into(),
                "point the output setting at the real directory instead of the link",
            )),
            State::NotADirectory => Err(refuse(
                "it exists and is not a directory".into(),
                "move the file away or choose another output directory",
            )),
            State::Foreign => Err(refuse(
                format!(
                    "it is not empty and has no {MARKER_FILE} file, so briefing did not create it"
                ),
                "empty it or choose another output directory; briefing only replaces directories it created",
            )),
            _ => Ok(target),
        }
    }

    /// Resolves `dir` and checks its location only (not what is there).
    pub fn resolve(&self, dir: &Path, create_parent: bool) -> Result<Target, OutputError> {
        let target = Target::resolve(dir, create_parent)?;
        let refuse = |reason: String, help: &str| OutputError::Refused {
            path: target.path.clone(),
            reason,
            help: help.to_string(),
        };
        let move_it = "choose another directory with `build.output` in briefing.toml or `--output`";
        for p in &self.never_replace {
            if p.starts_with(&target.path) {
                let what = if *p == target.path { "is" } else { "contains" };
                return Err(refuse(
                    format!("it {what} {}, which briefing never deletes", p.display()),
                    move_it,
                ));
            }
        }
        for p in &self.never_inside {
            if target.path.starts_with(p) {
                return Err(refuse(
                    format!("it lies inside {}, which the build reads", p.display()),
                    move_it,
                ));
            }
        }
        Ok(target)
    }
}

/// What is at a target path now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum State {
    Missing,
    /// An empty directory (adopted as ours).
    Empty,
    /// A directory with our marker.
    Ours(Marker),
    Foreign,
    Symlink,
    NotADirectory,
}

/// A resolved output directory: canonical parent, unresolved final name.
#[derive(Debug, Clone)]
pub struct Target {
    pub path: PathBuf,
    pub parent: PathBuf,
    pub name: OsString,
    pub state: State,
}

impl Target {
    fn resolve(dir: &Path, create_parent: bool) -> Result<Target, OutputError> {
        let io = |path: &Path| {
            let path = path.to_path_buf();
            move |source| OutputError::Io { path, source }
        };
        let abs = std::path::absolute(dir).map_err(io(dir))?;
        // `x/..` and `/` have no final name: resolve them fully (they must exist).
        let abs = match abs.components().next_back() {
            Some(Component::Normal(_)) => abs,
            _ => fs::canonicalize(&abs).map_err(io(&abs))?,
        };
        let (Some(parent), Some(name)) = (abs.parent(), abs.file_name()) else {
            return Ok(Target {
                path: abs,
                parent: PathBuf::new(),
                name: OsString::new(),
                state: State::Foreign,
            });
        };
        if create_parent {
            fs::create_dir_all(parent).map_err(io(parent))?;
        }
        let parent = match fs::canonicalize(parent) {
            Ok(p) => p,
            Err(_) if !create_parent => resolve_existing(parent),
            Err(e) => return Err(io(parent)(e)),
        };
        let path = parent.join(name);
        let state = state_of(&path).map_err(io(&path))?;
        Ok(Target {
            path,
            parent,
            name: name.to_os_string(),
            state,
        })
    }

    /// A sibling of the target: `<name><suffix>` in the same parent.
    pub fn sibling(&self, suffix: &str) -> PathBuf {
        let mut name = self.name.clone();
        name.push(suffix);
        self.parent.join(name)
    }
}

/// What `path` is, without following a symlink at `path` itself.
pub fn state_of(path: &Path) -> std::io::Result<State> {
    let meta = match fs::symlink_metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(State::Missing),
        Err(e) => return Err(e),
    };
    if meta.file_type().is_symlink() {
        return Ok(State::Symlink);
    }
    if !meta.is_dir() {
        return Ok(State::NotADirectory);
    }
    let marker = path.join(MARKER_FILE);
    if fs::symlink_metadata(&marker).is_ok_and(|m| m.is_file()) {
        let text = fs::read_to_string(&marker).unwrap_or_default();
        return Ok(State::Ours(parse_marker(&text)));
    }
    if fs::read_dir(path)?.next().is_none() {
        Ok(State::Empty)
    } else {
        Ok(State::Foreign)
    }
}

/// The marker's text: a header, the manifest id, then one top-level name per line.
pub fn marker_text<'a>(id: &str, names: impl IntoIterator<Item = &'a str>) -> String {
    let mut text = format!(
        "{MARKER_HEADER}\n{MARKER_ID}{id}\n# Entries not listed below were not written by briefing and are kept.\n"
    );
    for name in names {
        text.push_str(name);
        text.push('\n');
    }
    text
}

fn parse_marker(text: &str) -> Marker {
    let id = text
        .lines()
        .find_map(|l| l.strip_prefix(MARKER_ID))
        .map(|id| id.trim().to_string())
        .filter(|id| !id.is_empty());
    let names = text
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(OsString::from)
        .collect();
    Marker { id, names }
}

/// `path` made absolute, with its longest existing prefix canonicalised and `..`
/// resolved lexically in the part that does not exist yet.
pub fn resolve_existing(path: &Path) -> PathBuf {
    let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    if let Ok(c) = fs::canonicalize(&abs) {
        return c;
    }
    let mut missing = Vec::new();
    let mut existing = abs.as_path();
    while let (Some(parent), Some(name)) = (existing.parent(), existing.file_name()) {
        missing.push(name);
        existing = parent;
        if let Ok(mut resolved) = fs::canonicalize(existing) {
            for part in missing.iter().rev() {
                resolved.push(part);
            }
            return normalise(&resolved);
        }
    }
    normalise(&abs)
}

/// `path` without `.` components and with `..` applied lexically (`a/../b` is `b`);
/// symlinks are not looked at.
pub fn normalise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marker_round_trips_and_ignores_comments() {
        let text = marker_text("ab12", ["index.html", "briefings", ".well-known"]);
        assert!(text.starts_with(MARKER_HEADER));
        let marker = parse_marker(&text);
        assert_eq!(marker.id.as_deref(), Some("ab12"));
        assert_eq!(marker.names, ["index.html", "briefings", ".well-known"]);
        // A marker written before manifests existed: names, no id.
        let old = "# Written by `briefing`: this directory is replaced on every build.\n# Entries not listed below were not written by briefing and are kept.\nindex.html\n";
        assert_eq!(
            parse_marker(old),
            Marker {
                id: None,
                names: vec!["index.html".into()]
            }
        );
    }

    #[test]
    fn resolve_existing_handles_missing_tails() {
        let tmp = tempfile::tempdir().unwrap();
        let base = fs::canonicalize(tmp.path()).unwrap();
        let cases = [
            (tmp.path().join("a/b/../c"), base.join("a/c")),
            (tmp.path().join("x/./y"), base.join("x/y")),
            (tmp.path().to_path_buf(), base.clone()),
        ];
        for (given, want) in cases {
            assert_eq!(resolve_existing(&given), want, "{}", given.display());
        }
    }

    #[test]
    fn state_of_tells_ours_from_foreign() {
        let tmp = tempfile::tempdir().unwrap();
        let p = tmp.path();
        fs::create_dir_all(p.join("empty")).unwrap();
        fs::create_dir_all(p.join("foreign")).unwrap();
        fs::write(p.join("foreign/x"), "x").unwrap();
        fs::create_dir_all(p.join("ours")).unwrap();
        fs::write(p.join("ours").join(MARKER_FILE), marker_text("x", ["a"])).unwrap();
        fs::write(p.join("file"), "x").unwrap();
        let cases = [
            ("missing", State::Missing),
            ("empty", State::Empty),
            ("foreign", State::Foreign),
            (
                "ours",
                State::Ours(Marker {
                    id: Some("x".into()),
                    names: vec!["a".into()],
                }),
            ),
            ("file", State::NotADirectory),
        ];
        for (name, want) in cases {
            assert_eq!(state_of(&p.join(name)).unwrap(), want, "{name}");
        }
    }
}
