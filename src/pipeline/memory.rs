//! What a build keeps for the next one: the inputs as read (so that `watch` and `serve`
//! read again only the files that changed), the briefing files as parsed, the corpus and
//! the loaded templates. A one-off `build` starts from an empty memory, except for the
//! article files as read and the briefing files as parsed, which it reads from the
//! caches in `.briefing/cache/` (see `ingest::article_cache` and `briefing::cache`) and
//! writes back when they changed.
//!
//! A memory belongs to one configuration: `watch` and `serve` start a new one (keeping
//! the parse cache) when `briefing.toml` changes.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use super::briefings::{Decided, ExistingFile, Known};
use super::{BuildError, Progress};
use crate::briefing::cache::{ParseCache, SHARDS, TextHash, text_hash};
use crate::briefing::{Briefing, BriefingError};
use crate::config::Config;
use crate::corpus::{Corpus, Delta};
use crate::ingest::first_seen::FirstSeen;
use crate::ingest::{self, ArticleCache, ArticleFiles, BriefingFiles, ThemeFiles};
use crate::output;
use crate::site::{self, Templates};

/// What changed since the last build of a memory.
#[derive(Debug, Clone, Default)]
pub struct Changes {
    /// Read every input again (the first build, or events may have been lost).
    pub everything: bool,
    /// Files created, changed or removed.
    pub paths: Vec<PathBuf>,
    /// Templates, themes or static files changed.
    pub theme: bool,
}

impl Changes {
    pub fn everything() -> Changes {
        Changes {
            everything: true,
            ..Changes::default()
        }
    }
}

/// A parsed briefing file.
struct Parsed {
    /// The read of the file it was parsed from (see `BriefingFiles::files`).
    read: u64,
    hash: TextHash,
    result: Result<Arc<Briefing>, BriefingError>,
    /// The file is exactly what `briefing` wrote (`briefing::is_unedited`), decided once
    /// per read.
    unedited: bool,
}

/// See the module docs.
#[derive(Default)]
pub struct Memory {
    articles: ArticleFiles,
    briefing_files: BriefingFiles,
    parsed: BTreeMap<PathBuf, Parsed>,
    parses: ParseCache,
    /// Whether the parse cache was read from disk.
    cache_loaded: bool,
    theme: Option<ThemeFiles>,
    templates: Option<Templates>,
    pub(super) corpus: Option<Corpus>,
    /// What the last render kept for the next one (see `site::Cache`).
    render_cache: site::Cache,
    /// The manifest the last commit stored (see `output::KeptManifest`); not used by a
    /// one-off build.
    published: output::KeptManifest,
    /// What the corpus holds (see `briefings::Known`).
    pub(super) known: Known,
    /// The first-seen dates as last written (see `ingest::first_seen`).
    first_seen: Option<Arc<FirstSeen>>,
    /// This memory serves one build only (`build`, `check`), not `watch` or `serve`:
    /// a build that changes nothing need not build the corpus (see `unchanged`).
    pub(super) one_off: bool,
}

/// Paths under the articles or briefings folder written the way reading those folders
/// writes them (the watcher reports normalised paths; `a/../b` is `b`).
fn in_site_form(config: &Config, paths: &[PathBuf]) -> Vec<PathBuf> {
    let dirs = [&config.articles_dir, &config.briefings_dir];
    paths
        .iter()
        .map(|p| {
            let p = output::normalise(p);
            dirs.iter()
                .find_map(|d| p.strip_prefix(output::normalise(d)).ok().map(|r| d.join(r)))
                .unwrap_or(p)
        })
        .collect()
}

/// Whether two paths are the same: by their bytes first (paths of one listing, the
/// usual case), component by component otherwise (which is slower: the walks over
/// 10,000 files compare each twice per edit).
fn same_path(a: &Path, b: &Path) -> bool {
    a.as_os_str() == b.as_os_str() || a == b
}

/// The folder of the parse cache.
fn cache_dir(config: &Config) -> PathBuf {
    config.state_dir().join("cache")
}

impl Memory {
    /// The memory of a single build (`build`, `check`).
    pub fn one_off() -> Memory {
        Memory {
            one_off: true,
            render_cache: site::Cache::one_render(),
            ..Memory::default()
        }
    }

    /// A memory for a new configuration, keeping this one's parse cache.
    pub fn renew(self) -> Memory {
        Memory {
            parses: self.parses,
            cache_loaded: self.cache_loaded,
            ..Memory::default()
        }
    }

    /// Reads what changed: articles (all again on another `today`), briefing files
    /// (parsed, from the cache when it has their text), theme and templates (loaded, so that a template error stops
    /// the build before any analysis).
    pub(super) fn read(
        &mut self,
        config: &Config,
        today: jiff::civil::Date,
        changes: &Changes,
        progress: &dyn Progress,
    ) -> Result<(), BuildError> {
        if !self.cache_loaded {
            let shards =
                ingest::read_cache_files(&cache_dir(config), SHARDS, ParseCache::shard_file);
            self.parses = ParseCache::decode(shards);
            let shards =
                ingest::read_cache_files(&cache_dir(config), SHARDS, ArticleCache::shard_file);
            self.articles = ArticleFiles::with_cache(ArticleCache::decode(shards));
            self.cache_loaded = true;
        }
        let first = self.theme.is_none();
        if changes.everything || first {
            self.articles.read_all(config, today);
            self.briefing_files.read_all(config);
        } else {
            let paths = in_site_form(config, &changes.paths);
            self.articles.refresh(config, &paths, today);
            self.briefing_files.refresh(config, &paths);
        }
        if changes.everything || changes.theme || first {
            self.templates = None;
            self.theme = Some(ingest::load_theme(config)?);
        }
        if self.templates.is_none()
            && let Some(theme) = &self.theme
        {
            self.templates = Some(site::load_templates(config, theme)?);
        }
        progress.stage("parse briefing files");
        self.parse_briefing_files()
    }

    /// Parses the briefing files whose text changed, in place: a file read again is
    /// parsed again (from the parse cache when it has the text), a file gone is
    /// forgotten, and the other parses stay as they are, so that an edit costs a lookup
    /// per briefing file rather than a new map of them all.
    fn parse_briefing_files(&mut self) -> Result<(), BuildError> {
        let files = self.briefing_files.files()?;
        // Both are sorted by path: one walk finds the files read again (a map lookup
        // per file compares paths component by component some 14 times at 10,000).
        let mut kept = self.parsed.iter().peekable();
        let mut todo: Vec<(&Path, u64, &ingest::SourceFile)> = Vec::new();
        for &(path, read, file) in &files {
            while kept
                .next_if(|(p, _)| !same_path(p, path) && p.as_path() < path)
                .is_some()
            {}
            // taken when it matches: the next file is compared with the next parse
            let same = kept
                .next_if(|(p, _)| same_path(p, path))
                .is_some_and(|(_, parsed)| parsed.read == read);
            if !same {
                todo.push((path, read, file));
            }
        }
        let parses = &self.parses;
        let fresh: Vec<(PathBuf, Parsed)> = todo
            .into_par_iter()
            .map(|(path, read, file)| {
                let result = parses.parse(&file.path, &file.text);
                let unedited = result
                    .as_ref()
                    .is_ok_and(|b| crate::briefing::is_unedited(&file.text, &b.meta));
                let parsed = Parsed {
                    read,
                    hash: text_hash(&file.text),
                    result,
                    unedited,
                };
                (path.to_path_buf(), parsed)
            })
            .collect();
        self.parsed.extend(fresh);
        // Every file has a parse now; more parses than files means some files left.
        if self.parsed.len() != files.len() {
            let live: HashSet<&Path> = files.iter().map(|(path, _, _)| *path).collect();
            self.parsed.retain(|path, _| live.contains(path.as_path()));
        }
        Ok(())
    }

    /// The parse cache.
    pub(super) fn parses(&self) -> &ParseCache {
        &self.parses
    }

    /// The articles of this build.
    pub(super) fn articles(&self, config: &Config) -> ingest::IngestedRef<'_> {
        self.articles.ingested(config)
    }

    /// The existing briefing files with their parses.
    pub(super) fn existing(&self) -> Result<Vec<ExistingFile<'_>>, BuildError> {
        let files = self.briefing_files.files()?;
        // Both are sorted by path (and hold the same paths): one walk, as in
        // `parse_briefing_files`, instead of a map lookup per file.
        let mut parses = self.parsed.iter().peekable();
        Ok(files
            .into_iter()
            .filter_map(|(path, _, file)| {
                while parses
                    .next_if(|(p, _)| !same_path(p, path) && p.as_path() < path)
                    .is_some()
                {}
                let (_, parsed) = parses.next_if(|(p, _)| same_path(p, path))?;
                Some(ExistingFile {
                    file,
                    hash: parsed.hash,
                    parsed: &parsed.result,
                    unedited: parsed.unedited,
                })
            })
            .collect())
    }

    /// Forgets the corpus when it was built for the other value of `drafts`.
    pub(super) fn keep_corpus_if(&mut self, drafts: bool) {
        if self.corpus.as_ref().is_some_and(|c| c.drafts() != drafts) {
            self.corpus = None;
            self.known.clear();
        }
    }

    /// Hands the changed and removed briefings of a build to the corpus.
    pub(super) fn update_corpus(&mut self, drafts: bool, decided: &mut Decided) {
        let changed = std::mem::take(&mut decided.changed);
        let delta = match &mut self.corpus {
            Some(corpus) => corpus.update(changed, &decided.removed),
            None => {
                self.corpus = Some(Corpus::build(changed, drafts));
                Delta::Everything
            }
        };
        self.render_cache.note(&delta);
        self.known = std::mem::take(&mut decided.known);
    }

    /// The first-seen dates with every briefing of the build (read from the state
    /// folder the first time), and whether they differ from the record on disk.
    pub(super) fn first_seen(
        &mut self,
        config: &Config,
        today: jiff::civil::Date,
    ) -> (Arc<FirstSeen>, bool) {
        let known = std::mem::take(&mut self.known);
        let out = self.first_seen_of(config, today, &known);
        self.known = known;
        out
    }

    /// [`Memory::first_seen`] with the briefings `known`: the record as saved when it
    /// knows them all (shared, not copied).
    pub(super) fn first_seen_of(
        &mut self,
        config: &Config,
        today: jiff::civil::Date,
        known: &Known,
    ) -> (Arc<FirstSeen>, bool) {
        let saved = self
            .first_seen
            .get_or_insert_with(|| Arc::new(FirstSeen::load(&config.state_dir())));
        if saved.knows_all(known.keys().map(String::as_str)) {
            return (Arc::clone(saved), false);
        }
        let next = saved.with(known.keys().map(String::as_str), today);
        let changed = next != **saved;
        (Arc::new(next), changed)
    }

    /// The fingerprint of the loaded templates and static files.
    pub(super) fn templates_fingerprint(&self) -> Option<[u8; 16]> {
        self.templates.as_ref().map(|t| t.fingerprint)
    }

    /// Records that the first-seen dates `written` are on disk.
    pub(super) fn saved_first_seen(&mut self, written: Arc<FirstSeen>) {
        self.first_seen = Some(written);
    }

    /// The templates, the corpus and the render cache, once a build has loaded and
    /// updated them.
    pub(super) fn site(&mut self) -> (&mut Templates, &Corpus, &site::Cache) {
        let corpus = self.corpus.get_or_insert_with(Corpus::default);
        let templates = self
            .templates
            .as_mut()
            .expect("templates are loaded before the corpus is updated");
        (templates, corpus, &self.render_cache)
    }

    /// The manifest the last commit kept (see `output::KeptManifest`), taken out for a
    /// commit to use and fill again; [`Memory::put_published`] puts it back.
    pub(super) fn take_published(&mut self) -> output::KeptManifest {
        std::mem::take(&mut self.published)
    }

    pub(super) fn put_published(&mut self, kept: output::KeptManifest) {
        self.published = kept;
    }

    /// Lets go of the corpus and of what the render kept (a one-off build, once its
    /// pages are committed).
    pub(super) fn forget_site(&mut self) {
        self.corpus = None;
        self.render_cache = site::Cache::one_render();
    }

    /// Reads again the briefing files a build wrote or removed (`paths` as shown to
    /// users), so that the next build starts from what is on disk. `texts` holds what
    /// the build wrote, by path as shown: a file that still holds its text keeps that
    /// string instead of a second copy read from disk.
    pub(super) fn wrote(
        &mut self,
        config: &Config,
        paths: &[PathBuf],
        mut texts: HashMap<PathBuf, String>,
    ) {
        if paths.is_empty() {
            return;
        }
        let full: Vec<PathBuf> = paths.iter().map(|p| config.root.join(p)).collect();
        let site = in_site_form(config, &full);
        let written = paths
            .iter()
            .zip(&site)
            .filter_map(|(shown, p)| Some((p.clone(), texts.remove(shown)?)))
            .collect();
        self.briefing_files.refresh_written(config, &site, written);
        let _ = self.parse_briefing_files();
    }

    /// Writes back the shards of the parse cache and the article cache that changed;
    /// keeps only the files of this build in them. A cache that cannot be written only
    /// costs time.
    pub(super) fn save_cache(&self, config: &Config) {
        let live = self.parsed.values().filter_map(|p| {
            let briefing: &Briefing = p.result.as_ref().ok()?;
            Some((p.hash, briefing))
        });
        let dir = cache_dir(config);
        for (n, bytes) in self.parses.changed_shards(live) {
            let path = dir.join(ParseCache::shard_file(n));
            let _ = output::write_cache_file(&path, &bytes);
        }
        for (n, bytes) in self.articles.changed_cache_shards() {
            let path = dir.join(ArticleCache::shard_file(n));
            let _ = output::write_cache_file(&path, &bytes);
        }
    }
}
