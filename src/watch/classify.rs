//! Pure part of the watcher: file-system events in, a [`ChangeSet`] out.
//!
//! Editors rarely "modify" a file: vim, JetBrains, gedit and emacs write temporary or
//! backup files and rename them; VS Code truncates then writes. Event kinds are hints
//! that differ per platform and editor, so we do not branch on them: an event counts
//! when it is not an `Access` (reads, including our own server's, produce those) and
//! one of its paths is relevant. Relevance is decided by path alone (see [`classify`]):
//! inside a source directory of the site, not in an ignored directory, and not a name
//! the build's readers skip (editors' temporary files, hidden files). A path whose content matches what the build itself just
//! wrote ([`SelfWrites`]) is not a change, so the briefing files a build writes do not
//! trigger another build (nor a browser reload loop); nor is a folder the build created
//! for them while it holds what the build left there. A kernel queue overflow (rescan
//! flag) means events were lost: everything is rebuilt.

use std::collections::{BTreeSet, HashMap};
use std::ffi::OsStr;
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex};

use notify::Event;

use crate::config::{CONFIG_FILE, Config};
use crate::output::normalise;

/// What kind of source changed; decides what the caller has to redo.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ChangeKind {
    Config,
    Templates,
    Theme,
    Static,
    Articles,
    Briefings,
}

impl ChangeKind {
    pub const ALL: [ChangeKind; 6] = [
        ChangeKind::Config,
        ChangeKind::Templates,
        ChangeKind::Theme,
        ChangeKind::Static,
        ChangeKind::Articles,
        ChangeKind::Briefings,
    ];
}

/// The changes one rebuild has to account for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ChangeSet {
    pub kinds: BTreeSet<ChangeKind>,
    /// Relevant paths that were created, changed, renamed or removed.
    pub paths: BTreeSet<PathBuf>,
    /// Rebuild everything: the first build, or events may have been lost.
    pub full: bool,
}

impl ChangeSet {
    /// Everything changed (the first build of `watch`/`serve`, or a lost event queue).
    pub fn everything() -> ChangeSet {
        ChangeSet {
            kinds: ChangeKind::ALL.into_iter().collect(),
            paths: BTreeSet::new(),
            full: true,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.kinds.is_empty() && !self.full
    }

    pub fn merge(&mut self, other: ChangeSet) {
        self.kinds.extend(other.kinds);
        self.paths.extend(other.paths);
        self.full |= other.full;
    }
}

/// Where a site's sources live, and what is never a source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteLayout {
    pub root: PathBuf,
    pub config_file: PathBuf,
    pub articles_dir: PathBuf,
    pub briefings_dir: PathBuf,
    pub templates_dir: PathBuf,
    pub themes_dir: PathBuf,
    pub static_dir: PathBuf,
    /// Never sources: the output and state directories (and their `<name>.*` siblings,
    /// where the output's staging and old trees live during a build).
    pub ignored: Vec<PathBuf>,
}

impl SiteLayout {
    /// The layout of a site; paths are made lexically normal (`a/../b` is `b`) so that
    /// prefix tests hold.
    pub fn for_site(config: &Config) -> SiteLayout {
        let root = normalise(&config.root);
        SiteLayout {
            config_file: root.join(CONFIG_FILE),
            articles_dir: normalise(&config.articles_dir),
            briefings_dir: normalise(&config.briefings_dir),
            templates_dir: root.join("templates"),
            themes_dir: root.join("themes"),
            static_dir: root.join("static"),
            ignored: vec![
                normalise(&config.output_dir),
                normalise(&config.state_dir()),
            ],
            root,
        }
    }

    /// The source directories with their kind.
    pub fn source_dirs(&self) -> [(&Path, ChangeKind); 5] {
        [
            (&self.articles_dir, ChangeKind::Articles),
            (&self.briefings_dir, ChangeKind::Briefings),
            (&self.templates_dir, ChangeKind::Templates),
            (&self.themes_dir, ChangeKind::Theme),
            (&self.static_dir, ChangeKind::Static),
        ]
    }

    /// Whether `path` lies in an ignored directory, a scratch sibling of one, a VCS
    /// directory, or `<root>/target`.
    pub fn is_ignored(&self, path: &Path) -> bool {
        let in_ignored = self
            .ignored
            .iter()
            .any(|dir| path.starts_with(dir) || is_scratch_sibling(dir, path));
        let rel = path.strip_prefix(&self.root).ok();
        let in_target = rel.and_then(|r| r.components().next())
            == Some(Component::Normal(OsStr::new("target")));
        in_ignored
            || in_target
            || rel
                .unwrap_or(path)
                .components()
                .any(|c| is_vcs_dir(c.as_os_str()))
    }
}

/// `<parent>/<name>.<anything>` for an ignored `<parent>/<name>`.
fn is_scratch_sibling(dir: &Path, path: &Path) -> bool {
    let (Some(parent), Some(name)) = (dir.parent(), dir.file_name()) else {
        return false;
    };
    let Some(Component::Normal(first)) = path
        .strip_prefix(parent)
        .ok()
        .and_then(|r| r.components().next())
    else {
        return false;
    };
    let (first, name) = (first.to_string_lossy(), name.to_string_lossy());
    first
        .strip_prefix(name.as_ref())
        .is_some_and(|rest| rest.starts_with('.'))
}

fn is_vcs_dir(name: &OsStr) -> bool {
    matches!(
        name.to_str(),
        Some(".git" | ".hg" | ".svn" | ".jj" | ".bzr" | "_darcs")
    )
}

/// Whether a file name is a temporary, swap, lock, backup or hidden file, which the
/// build never reads: the same list as the article, briefing and theme readers
/// ([`crate::ingest::is_temporary_file`]), so that what the build ignores never
/// triggers a build.
pub fn is_temp_name(name: &OsStr) -> bool {
    crate::ingest::is_temporary_file(&name.to_string_lossy())
}

/// The kinds of source a change at `path` affects; empty when it is not a source.
/// A path above a source directory (`content/` renamed or deleted) affects every
/// source directory below it.
pub fn classify(layout: &SiteLayout, path: &Path) -> BTreeSet<ChangeKind> {
    let mut kinds = BTreeSet::new();
    if layout.is_ignored(path) || path.file_name().is_some_and(is_temp_name) {
        return kinds;
    }
    if path == layout.config_file {
        kinds.insert(ChangeKind::Config);
        return kinds;
    }
    let dirs = layout.source_dirs();
    // Inside a source directory: the most specific one wins (nested layouts).
    let inside = dirs
        .iter()
        .filter(|(d, _)| path.starts_with(d))
        .max_by_key(|(d, _)| d.components().count());
    kinds.extend(inside.map(|(_, k)| *k));
    if path != layout.root {
        kinds.extend(
            dirs.iter()
                .filter(|(d, _)| d.starts_with(path))
                .map(|(_, k)| *k),
        );
    }
    kinds
}

/// Files the build wrote itself, with the hash of what it wrote.
#[derive(Debug, Clone, Default)]
pub struct SelfWrites {
    written: Arc<Mutex<HashMap<PathBuf, blake3::Hash>>>,
}

impl SelfWrites {
    /// Records that the build wrote `bytes` to `path`. Events on `path` are ignored for
    /// as long as its content is exactly `bytes`.
    pub fn record(&self, path: &Path, bytes: &[u8]) {
        if let Ok(mut map) = self.written.lock() {
            map.insert(key(path), blake3::hash(bytes));
        }
    }

    /// Whether a write of the build to `path` is on record (and not forgotten since).
    pub fn has_record(&self, path: &Path) -> bool {
        self.written
            .lock()
            .is_ok_and(|map| map.contains_key(&key(path)))
    }

    /// Records that the build left the folder `path` (one it created, or wrote files
    /// into) with the entries it has now. Events on the folder itself are ignored for as
    /// long as it lists the same names; a folder moved or copied into it is a change.
    pub fn record_dir(&self, path: &Path) {
        if let (Some(hash), Ok(mut map)) = (listing_hash(path), self.written.lock()) {
            map.insert(key(path), hash);
        }
    }

    /// Whether `path` currently holds what the build wrote (for a folder: the names it
    /// listed). A mismatch forgets the record.
    pub fn matches(&self, path: &Path) -> bool {
        let Ok(mut map) = self.written.lock() else {
            return false;
        };
        let key = key(path);
        let Some(hash) = map.get(&key) else {
            return false;
        };
        let now = match path.is_dir() {
            true => listing_hash(path),
            false => std::fs::read(path).ok().map(|bytes| blake3::hash(&bytes)),
        };
        if now == Some(*hash) {
            return true;
        }
        map.remove(&key);
        false
    }
}

/// A hash of the sorted names in a folder; `None` when it cannot be read.
fn listing_hash(dir: &Path) -> Option<blake3::Hash> {
    let mut names: Vec<std::ffi::OsString> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.file_name()))
        .collect();
    names.sort_unstable();
    let mut hasher = blake3::Hasher::new();
    for name in &names {
        hasher.update(name.as_encoded_bytes());
        hasher.update(b"\0");
    }
    Some(hasher.finalize())
}

fn key(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

/// Turns a batch of events into the changes a rebuild must account for.
pub fn plan(layout: &SiteLayout, events: &[Event], self_writes: &SelfWrites) -> ChangeSet {
    let mut set = ChangeSet::default();
    let mut candidates: BTreeSet<&Path> = BTreeSet::new();
    for event in events {
        if event.need_rescan() {
            set.merge(ChangeSet::everything());
        } else if !event.kind.is_access() {
            candidates.extend(event.paths.iter().map(PathBuf::as_path));
        }
    }
    for path in candidates {
        let kinds = classify(layout, path);
        if kinds.is_empty() || self_writes.matches(path) {
            continue;
        }
        set.kinds.extend(kinds);
        set.paths.insert(path.to_path_buf());
    }
    set
}

#[cfg(test)]
mod tests {
    use super::*;
    use ChangeKind::{Articles, Briefings, Static, Templates, Theme};

    fn layout(text: &str) -> SiteLayout {
        let root = Path::new("/site");
        SiteLayout::for_site(&Config::parse(root, &root.join(CONFIG_FILE), text).unwrap())
    }

    fn kinds(layout: &SiteLayout, path: &str) -> Vec<ChangeKind> {
        classify(layout, Path::new(path)).into_iter().collect()
    }

    #[test]
    fn classify_by_path() {
        let l = layout("");
        let cases: &[(&str, &[ChangeKind])] = &[
            ("/site/briefing.toml", &[ChangeKind::Config]),
            ("/site/content/articles/a.md", &[Articles]),
            ("/site/content/articles/2026/b.txt", &[Articles]),
            ("/site/content/articles", &[Articles]),
            ("/site/content/articles/public.md", &[Articles]),
            ("/site/content/briefings/a.md", &[Briefings]),
            ("/site/templates/base.html", &[Templates]),
            ("/site/themes/dark/templates/x.html", &[Theme]),
            ("/site/static/style.css", &[Static]),
            ("/site/content", &[Articles, Briefings]),
            ("/site", &[]),
            ("/site/README.md", &[]),
            ("/site/briefing.toml.bak", &[]),
            ("/site/public/index.html", &[]),
            ("/site/public.staging-123/index.html", &[]),
            ("/site/public.old-9", &[]),
            ("/site/.briefing/serve/index.html", &[]),
            ("/site/target/debug/x", &[]),
            ("/site/.git/index", &[]),
            ("/site/content/articles/.git/HEAD", &[]),
            ("/elsewhere/a.md", &[]),
        ];
        for (path, want) in cases {
            assert_eq!(kinds(&l, path), *want, "{path}");
        }
    }

    #[test]
    fn nested_and_moved_source_dirs() {
        let l = layout(
            "[build]\narticles = \"content\"\nbriefings = \"content/briefings\"\noutput = \"site/out\"\n",
        );
        let cases: &[(&str, &[ChangeKind])] = &[
            ("/site/content/a.md", &[Articles]),
            ("/site/content/briefings/a.md", &[Briefings]),
            ("/site/content", &[Articles, Briefings]),
            ("/site/site/out/index.html", &[]),
            ("/site/site/out.staging-1/index.html", &[]),
        ];
        for (path, want) in cases {
            assert_eq!(kinds(&l, path), *want, "{path}");
        }
    }

    #[test]
    fn names_the_build_skips_never_trigger_a_build() {
        let l = layout("");
        let dir = "/site/content/articles";
        let skipped = [
            ".story.md.swp",
            "story.md~",
            "4913",
            ".#story.md",
            "#story.md#",
            "story.md___jb_tmp___",
            ".DS_Store",
            ".goutputstream-ABC123",
            "story.md.kate-swp",
            "x.tmp",
            ".a.md.Xq3ZpA.tmp",
            "a.md.bak",
            "a.md.part",
            "a.md.orig",
        ];
        for name in skipped {
            assert!(is_temp_name(OsStr::new(name)), "{name} should be temporary");
            assert!(kinds(&l, &format!("{dir}/{name}")).is_empty(), "{name}");
        }
        for name in [
            "story.md",
            "4913.md",
            "notes.tmpl",
            "a.bakery",
            "report.txt",
        ] {
            assert!(
                !is_temp_name(OsStr::new(name)),
                "{name} should be a real file"
            );
            assert_eq!(kinds(&l, &format!("{dir}/{name}")), [Articles], "{name}");
        }
    }

    #[test]
    fn self_writes_match_only_the_content_written() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("a.md");
        let writes = SelfWrites::default();
        std::fs::write(&path, "generated").unwrap();
        assert!(!writes.matches(&path), "nothing recorded yet");
        assert!(!writes.has_record(&path));
        writes.record(&path, b"generated");
        assert!(writes.has_record(&path));
        assert!(writes.matches(&path));
        assert!(writes.matches(&path), "still ours on a second event");
        std::fs::write(&path, "hand edit").unwrap();
        assert!(!writes.matches(&path));
        assert!(!writes.has_record(&path), "a hand edit forgets the record");
        std::fs::write(&path, "generated").unwrap();
        assert!(!writes.matches(&path), "a mismatch forgets the record");
        writes.record(&path, b"generated");
        std::fs::remove_file(&path).unwrap();
        assert!(!writes.matches(&path), "a deleted file is a change");
    }

    #[test]
    fn a_folder_the_build_made_matches_while_it_lists_the_same_names() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("briefings");
        std::fs::create_dir(&dir).unwrap();
        std::fs::write(dir.join("a.md"), "generated").unwrap();
        let writes = SelfWrites::default();
        assert!(!writes.matches(&dir), "nothing recorded yet");
        writes.record_dir(&dir);
        assert!(writes.matches(&dir));
        std::fs::write(dir.join("a.md"), "a hand edit").unwrap();
        assert!(writes.matches(&dir), "a file's own events say it changed");
        std::fs::create_dir(dir.join("moved-in")).unwrap();
        assert!(!writes.matches(&dir), "a folder moved in is a change");
    }
}
