//! The article files of a site, kept between builds: what reading each file gave, with
//! its size and modification time, so that `watch` and `serve` read again only the
//! files that changed, and a full re-read parses only the files whose bytes changed.
//!
//! [`ArticleFiles::read_all`] walks the articles directory as [`super::load_articles`]
//! does; [`ArticleFiles::refresh`] reads the given paths again (a path it cannot place,
//! such as a directory, makes it walk again). [`ArticleFiles::ingested`] assembles the
//! result of a build's read: slugs from paths, duplicate slugs refused, the missing-date
//! warnings, everything sorted by path, exactly as a fresh read gives it.
//!
//! Reading an article depends on the build's date (a publication date after it is
//! refused), so a build on another day reads every file again. A one-off `build` starts
//! with no files kept, but with the [`ArticleCache`] of the last build: every file is
//! read and hashed, and only a file whose bytes it has not seen is parsed.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use rustc_hash::FxHashMap;

use jiff::civil::Date;
use rayon::prelude::*;

use crate::config::Config;
use crate::diagnostics::Warning;

use super::article_cache::{ArticleCache, ReadKey, read_key};
use super::parse::Parsed;
use super::{Article, Format, IngestError, discover, duplicate_slug, missing_date_warning, slugs};

/// What reading one article file gave.
struct Entry {
    /// Size and modification time when it was read.
    stamp: Option<(u64, SystemTime)>,
    /// The read's key in the cache (none when the file could not be read).
    key: Option<ReadKey>,
    read: Result<Parsed, IngestError>,
}

/// The article files of a site, by path.
#[derive(Default)]
pub struct ArticleFiles {
    files: BTreeMap<PathBuf, Entry>,
    /// Problems the last walk found (unreadable folders, links, other files).
    walk_failures: Vec<IngestError>,
    walk_warnings: Vec<Warning>,
    /// The articles directory existed at the last walk.
    found_dir: bool,
    /// The build date the files were read with.
    today: Option<Date>,
    /// Reads of earlier builds (see the module docs).
    cache: ArticleCache,
}

/// The articles of a build, borrowed from [`ArticleFiles`].
pub struct IngestedRef<'a> {
    /// Articles read successfully, sorted by path.
    pub articles: Vec<&'a Article>,
    /// Files that could not be read, sorted by path.
    pub failures: Vec<IngestError>,
    pub warnings: Vec<Warning>,
}

fn stamp(path: &Path) -> Option<(u64, SystemTime)> {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.len(), meta.modified().ok()?))
}

impl ArticleFiles {
    /// Walks the articles directory and reads every file whose size or modification
    /// time changed since it was last read (every file, the first time).
    pub fn read_all(&mut self, config: &Config, today: Date) {
        let dir = &config.articles_dir;
        let display = |p: &Path| config.display_path(p).to_path_buf();
        if self.today != Some(today) {
            let cache = std::mem::take(&mut self.cache);
            *self = ArticleFiles {
                cache,
                ..ArticleFiles::default()
            };
        }
        self.today = Some(today);
        self.found_dir = dir.is_dir();
        if !self.found_dir {
            return;
        }
        let found = discover::discover(dir, &display);
        let mut old = std::mem::take(&mut self.files);
        let todo: Vec<(PathBuf, Option<Entry>)> = found
            .files
            .into_iter()
            .map(|path| {
                let kept = old
                    .remove(&path)
                    .filter(|e| e.stamp.is_some() && e.stamp == stamp(&path));
                (path, kept)
            })
            .collect();
        let cache = &self.cache;
        self.files = todo
            .into_par_iter()
            .map(|(path, kept)| {
                let entry = kept.unwrap_or_else(|| read(config, &path, today, cache));
                (path, entry)
            })
            .collect();
        self.walk_failures = found.failures;
        self.walk_warnings = found.warnings;
    }

    /// Reads `paths` again (files created, changed or removed under the articles
    /// directory); walks again when one of them is not a plain article file.
    pub fn refresh(&mut self, config: &Config, paths: &[PathBuf], today: Date) {
        let dir = &config.articles_dir;
        let plain = |p: &Path| {
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy())
                .unwrap_or_default();
            let hidden = p
                .strip_prefix(dir)
                .map(|r| r.iter().any(|c| c.to_string_lossy().starts_with('.')))
                .unwrap_or(true);
            let kind = std::fs::symlink_metadata(p).map(|m| m.file_type());
            let is_file_or_gone = kind.as_ref().map_or(true, |t| t.is_file());
            !hidden
                && !super::is_temporary_file(&name)
                && super::format_of(p).is_some()
                && is_file_or_gone
        };
        let own: Vec<&PathBuf> = paths.iter().filter(|p| p.starts_with(dir)).collect();
        if !self.found_dir
            || self.today != Some(today)
            || own
                .iter()
                .any(|p| !plain(p) && !self.files.contains_key(*p))
        {
            return self.read_all(config, today);
        }
        for path in own {
            if path.is_file() {
                let entry = read(config, path, today, &self.cache);
                self.files.insert(path.clone(), entry);
            } else {
                self.files.remove(path);
            }
        }
    }

    /// The articles, failures and warnings of a build (see the module docs).
    pub fn ingested(&self, config: &Config) -> IngestedRef<'_> {
        let mut out = IngestedRef {
            articles: Vec::with_capacity(self.files.len()),
            failures: self
                .walk_failures
                .iter()
                .map(IngestError::duplicate)
                .collect(),
            warnings: self.walk_warnings.clone(),
        };
        if !self.found_dir {
            out.warnings.push(super::no_articles_dir(config));
            return out;
        }
        let mut taken: FxHashMap<&str, &Path> =
            FxHashMap::with_capacity_and_hasher(self.files.len(), Default::default());
        for entry in self.files.values() {
            let parsed = match &entry.read {
                Ok(parsed) => parsed,
                Err(e) => {
                    out.failures.push(e.duplicate());
                    continue;
                }
            };
            if let Some(why) = &parsed.not_article {
                out.warnings
                    .push(super::not_article_warning(&parsed.article, why));
                continue;
            }
            out.warnings.extend(parsed.warnings.iter().cloned());
            let article = &parsed.article;
            if let Some(first) = taken.get(article.slug.as_str()) {
                out.failures.push(duplicate_slug(article, first));
                continue;
            }
            taken.insert(&article.slug, &article.path);
            out.warnings.extend(missing_date_warning(article));
            out.articles.push(article);
        }
        out.failures.sort_by(|a, b| a.location().cmp(b.location()));
        out.warnings.sort_by(|a, b| a.location.cmp(&b.location));
        out
    }
}

/// Reads one article file, its slug from its path unless the front matter sets one;
/// parses it only when `cache` has no read of the same bytes that holds on `today`.
fn read(config: &Config, path: &Path, today: Date, cache: &ArticleCache) -> Entry {
    let stamp = stamp(path);
    let display = config.display_path(path).to_path_buf();
    let max = config.max_article_bytes;
    let bytes = match super::read_bytes(path, &display, max) {
        Ok(read) => read,
        Err(e) => {
            return Entry {
                stamp,
                key: None,
                read: Err(e),
            };
        }
    };
    let (bytes, format) = bytes;
    let key = read_key(&bytes, &display, config.tags_from_keywords);
    let read = match cache.take(&key, today) {
        Some(hit) => Ok(hit),
        None => super::parse_bytes(&bytes, &display, format, max, today),
    };
    let read = read.map(|parsed| adjusted(config, path, parsed));
    Entry {
        stamp,
        key: Some(key),
        read,
    }
}

/// A read with the site's settings applied: a web page's keywords dropped unless
/// `tags_from_keywords`, the slug from the path under the articles folder unless the
/// front matter sets one. Applied to cached reads too (the cache key holds the display
/// path, not where the articles folder starts).
fn adjusted(config: &Config, path: &Path, mut parsed: Parsed) -> Parsed {
    if !config.tags_from_keywords && parsed.article.format == Format::Html {
        parsed.article.tags.clear();
    }
    if !parsed.slug_from_front_matter {
        let dir = &config.articles_dir;
        parsed.article.slug = slugs::path_slug(path.strip_prefix(dir).unwrap_or(path));
    }
    parsed
}

impl ArticleFiles {
    /// Starts from the cache of the last build (see [`ArticleCache::decode`]).
    pub fn with_cache(cache: ArticleCache) -> ArticleFiles {
        ArticleFiles {
            cache,
            ..ArticleFiles::default()
        }
    }

    /// The shards of the cache to write back after a build (see
    /// [`ArticleCache::changed_shards`]): the reads of the files as they are now.
    pub fn changed_cache_shards(&self) -> impl Iterator<Item = (usize, Vec<u8>)> {
        let live = self.files.values().filter_map(|e| {
            let parsed = e.read.as_ref().ok()?;
            Some((e.key?, parsed))
        });
        self.cache.changed_shards(live)
    }
}

impl IngestError {
    /// The same error again (errors hold an `io::Error`, which cannot be cloned).
    pub fn duplicate(&self) -> IngestError {
        match self {
            IngestError::Read { location, source } => IngestError::Read {
                location: location.clone(),
                source: std::io::Error::new(source.kind(), source.to_string()),
            },
            IngestError::Invalid {
                location,
                message,
                hint,
            } => IngestError::Invalid {
                location: location.clone(),
                message: message.clone(),
                hint: hint.clone(),
            },
        }
    }
}
