//! Article files as read, by a hash of their bytes, so that a build does not parse every
//! unchanged article again (at 10,000 articles, re-parsing was two thirds of the CPU
//! time of a build that changed nothing: layout regexes and language detection).
//!
//! A read is keyed by the file's bytes, its path as shown to users (paths, slugs and
//! warnings come from it) and the one setting that changes a read (`tags_from_keywords`);
//! every file is still read and hashed on every build, so a file changed with the same
//! size and modification time is never missed. A read also depends on the build's date,
//! through the publication date only, so each entry keeps the dates on which it holds
//! (see `published::same_choice`): an article with an ordinary date is read once, not
//! once a day. Read errors are not cached (they are rare, and cheap to find again).
//!
//! Like the briefing parse cache (`briefing::cache`), it is a pure value kept in shards
//! (see `ingest::cache`): [`ArticleCache::decode`] takes the bytes of its shard files,
//! [`ArticleCache::changed_shards`] gives the shards to write back. Its header names the
//! tool's version and the fingerprint of its reading code, so another build of the tool
//! reads every file again.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Mutex;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::Article;
use super::cache::{CacheKey, ShardBook, decode_shards, hex, unhex};
use super::parse::Parsed;
use crate::diagnostics::Warning;

/// What an article read is cached under.
pub type ReadKey = CacheKey;

/// The first line of a shard.
fn header() -> String {
    format!(
        "briefing-article-cache 2 {}+{}",
        crate::VERSION,
        env!("BRIEFING_ANALYSIS_FINGERPRINT")
    )
}

/// The key of a read of `bytes`, shown to users as `display`.
pub fn read_key(bytes: &[u8], display: &Path, tags_from_keywords: bool) -> ReadKey {
    let mut hasher = blake3::Hasher::new();
    hasher.update(&(bytes.len() as u64).to_le_bytes());
    hasher.update(bytes);
    hasher.update(display.to_string_lossy().as_bytes());
    hasher.update(&[u8::from(tags_from_keywords)]);
    let mut out = [0u8; 16];
    out.copy_from_slice(&hasher.finalize().as_bytes()[..16]);
    out
}

/// One cached read, as stored. `prose` is left empty when it equals `text` (most plain
/// text), which no real article has otherwise (`prose` is as long as `text`).
#[derive(Serialize, Deserialize)]
struct Stored {
    k: String,
    /// The build dates on which the read holds (see [`Parsed::days`]).
    d: (Option<Date>, Option<Date>),
    a: Article,
    f: bool,
    w: Vec<Warning>,
    n: Option<String>,
}

impl Stored {
    fn new(key: &ReadKey, parsed: &Parsed) -> Stored {
        let mut article = parsed.article.clone();
        if article.prose == article.text {
            article.prose = String::new();
        }
        Stored {
            k: hex(key),
            d: parsed.days,
            a: article,
            f: parsed.slug_from_front_matter,
            w: parsed.warnings.clone(),
            n: parsed.not_article.clone(),
        }
    }

    fn holds_on(&self, today: Date) -> bool {
        self.d.0.is_none_or(|first| today >= first) && self.d.1.is_none_or(|last| today <= last)
    }

    fn into_parsed(self) -> Parsed {
        let mut article = self.a;
        if article.prose.is_empty() {
            article.prose = article.text.clone();
        }
        Parsed {
            article,
            slug_from_front_matter: self.f,
            warnings: self.w,
            not_article: self.n,
            days: self.d,
        }
    }
}

/// Article reads by key. `Sync`: articles are read in parallel. An entry read from disk
/// is handed out once and then forgotten: the caller keeps the read (so the cache never
/// holds a second copy of every article), and gives the live ones back to
/// [`ArticleCache::changed_shards`] when it saves.
#[derive(Default)]
pub struct ArticleCache {
    entries: Mutex<HashMap<ReadKey, Stored>>,
    book: ShardBook,
}

impl ArticleCache {
    /// The cache from the bytes of its shard files, `(shard number, bytes)`.
    pub fn decode(shards: Vec<(usize, Vec<u8>)>) -> ArticleCache {
        let entries = decode_shards(shards, &header(), |line| {
            let stored: Stored = serde_json::from_str(line).ok()?;
            Some((unhex(&stored.k)?, stored))
        });
        ArticleCache {
            book: ShardBook::new(entries.keys().copied()),
            entries: Mutex::new(entries),
        }
    }

    /// The cached read under `key`, if it holds on `today`; else notes that the shard of
    /// `key` gains a read.
    pub(super) fn take(&self, key: &ReadKey, today: Date) -> Option<Parsed> {
        let hit = self.entries.lock().ok().and_then(|mut e| e.remove(key));
        let hit = hit.filter(|s| s.holds_on(today)).map(Stored::into_parsed);
        if hit.is_none() {
            self.book.gains(key);
        }
        hit
    }

    /// The shards to write, each as `(shard number, bytes)`, given every article read
    /// of the build (`live`): the shards that gained a read made by this build, or lost
    /// one; each holds exactly its live entries.
    pub(super) fn changed_shards<'a>(
        &self,
        live: impl IntoIterator<Item = (ReadKey, &'a Parsed)>,
    ) -> impl Iterator<Item = (usize, Vec<u8>)> {
        self.book.changed(live, header(), |key, parsed| {
            serde_json::to_string(&Stored::new(key, parsed)).ok()
        })
    }

    /// The file name of shard `n`.
    pub fn shard_file(n: usize) -> String {
        format!("articles-{n:02}.jsonl")
    }
}

#[cfg(test)]
mod tests {
    use std::fs;

    use jiff::civil::date;

    use super::*;
    use crate::config::Config;
    use crate::ingest::ArticleFiles;

    const TODAY: Date = date(2026, 3, 10);

    fn site() -> (tempfile::TempDir, Config) {
        let dir = tempfile::tempdir().unwrap();
        let config = Config::parse(dir.path(), &dir.path().join("briefing.toml"), "").unwrap();
        fs::create_dir_all(&config.articles_dir).unwrap();
        (dir, config)
    }

    /// Reads the site with the cache `shards` left, and returns the files and the shards
    /// to write back.
    fn read(
        config: &Config,
        shards: Vec<(usize, Vec<u8>)>,
        today: Date,
    ) -> (ArticleFiles, Vec<(usize, Vec<u8>)>) {
        let mut files = ArticleFiles::with_cache(ArticleCache::decode(shards));
        files.read_all(config, today);
        let changed = files.changed_cache_shards().collect();
        (files, changed)
    }

    fn articles(files: &ArticleFiles, config: &Config) -> Vec<Article> {
        files
            .ingested(config)
            .articles
            .into_iter()
            .cloned()
            .collect()
    }

    #[test]
    fn a_cached_read_equals_a_fresh_one_and_only_changed_bytes_are_read_again() {
        let (_dir, config) = site();
        let dir = &config.articles_dir;
        let texts = [
            (
                "a.txt",
                "---\ndate: 2026-03-05\ntitel: x\n---\nMinisters met in Lisk on Friday.\n",
            ),
            (
                "b.md",
                "# Talks *stall*\n\nThe *talks* stalled on Monday in Lisk, officials said.\n",
            ),
            ("c.txt", "Talks in Lisk\n\nThe talks went on.\n"),
        ];
        for (name, text) in texts {
            fs::write(dir.join(name), text).unwrap();
        }
        let (fresh, shards) = read(&config, Vec::new(), TODAY);
        assert!(!shards.is_empty(), "the first build fills the cache");
        let (cached, again) = read(&config, shards.clone(), TODAY);
        assert!(again.is_empty(), "nothing read again, nothing to write");
        assert_eq!(articles(&cached, &config), articles(&fresh, &config));
        let warnings = |f: &ArticleFiles| f.ingested(&config).warnings;
        assert_eq!(
            warnings(&cached),
            warnings(&fresh),
            "the misspelt key is still reported"
        );

        // Same size, same modification time, other bytes: read again all the same.
        let path = dir.join("c.txt");
        let modified = fs::metadata(&path).unwrap().modified().unwrap();
        fs::write(&path, "Talks in Kest\n\nThe talks went on.\n").unwrap();
        fs::File::options()
            .write(true)
            .open(&path)
            .unwrap()
            .set_modified(modified)
            .unwrap();
        let (changed, rewritten) = read(&config, shards, TODAY);
        let c = &articles(&changed, &config)[2];
        assert_eq!(c.title, "Talks in Kest");
        assert!(
            (1..=2).contains(&rewritten.len()),
            "only the shards of the old and new read: {}",
            rewritten.len()
        );
    }

    #[test]
    fn a_read_holds_on_the_days_its_publication_date_does() {
        let (_dir, config) = site();
        let dir = &config.articles_dir;
        fs::write(
            dir.join("dated.txt"),
            "---\ndate: 2026-03-05\n---\nMinisters met.\n",
        )
        .unwrap();
        fs::write(
            dir.join("ahead.txt"),
            "---\ndate: 2026-04-01\n---\nMinisters met.\n",
        )
        .unwrap();
        let (_, shards) = read(&config, Vec::new(), TODAY);
        let later = date(2026, 3, 20);
        let (files, rewritten) = read(&config, shards, later);
        assert_eq!(
            rewritten.len(),
            1,
            "only the read that named today is made again"
        );
        let published: Vec<Option<Date>> = articles(&files, &config)
            .iter()
            .map(|a| a.published)
            .collect();
        assert_eq!(
            published,
            [None, Some(date(2026, 3, 5))],
            "ahead.txt, dated.txt"
        );
        let refused = files.ingested(&config).warnings;
        assert!(
            refused.iter().any(|w| w.message.contains("(2026-03-20)")),
            "{refused:?}"
        );
    }

    #[test]
    fn other_versions_and_damaged_lines_are_ignored() {
        let (_dir, config) = site();
        fs::write(
            config.articles_dir.join("a.txt"),
            "Ministers met in Lisk.\n",
        )
        .unwrap();
        let (_, shards) = read(&config, Vec::new(), TODAY);
        let (n, bytes) = shards[0].clone();
        let text = String::from_utf8(bytes).unwrap();
        let cases = [
            text.replace("briefing-article-cache 2", "briefing-article-cache 1"),
            text.replace("\"a\":{", "\"a\":["),
            "not a cache".to_string(),
        ];
        for case in cases {
            let cache = ArticleCache::decode(vec![(n, case.into_bytes())]);
            assert!(cache.entries.lock().unwrap().is_empty());
        }
    }
}
