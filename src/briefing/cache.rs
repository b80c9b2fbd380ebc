//! Parsed briefing files by the hash of their text, so that a build does not parse the
//! YAML of every unchanged briefing again (at 10,000 briefings that was most of a build
//! that changed nothing).
//!
//! The cache is a pure value: [`ParseCache::decode`] takes the bytes of its shard files
//! (read by `ingest`), [`ParseCache::changed_shards`] gives the shards to write back
//! (written by `output`), kept in [`SHARDS`] shards as `ingest::cache` describes (a
//! shard it cannot read is ignored, and its files are parsed again). The cache stores
//! parse results only: whether a file was edited by hand is still decided from its text
//! on every build.

use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Mutex};

use serde::{Deserialize, Serialize};

use super::file::{BriefingError, parse};
use super::model::{Briefing, BriefingMeta};
use crate::ingest::cache::{CacheKey, ShardBook, decode_shards, hex, unhex};

pub use crate::ingest::cache::SHARDS;

/// The first line of a shard.
fn header() -> String {
    format!("briefing-parse-cache 2 {}", crate::VERSION)
}

/// The hash of a briefing file's text.
pub type TextHash = CacheKey;

pub fn text_hash(text: &str) -> TextHash {
    let mut out = [0u8; 16];
    out.copy_from_slice(&blake3::hash(text.as_bytes()).as_bytes()[..16]);
    out
}

/// What parsing a file gives, apart from its slug and path.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Parsed {
    #[serde(rename = "m")]
    meta: BriefingMeta,
    #[serde(rename = "b")]
    body: String,
    #[serde(rename = "l")]
    body_line: usize,
}

#[derive(Serialize, Deserialize)]
struct Line {
    h: String,
    #[serde(flatten)]
    parsed: Parsed,
}

/// A [`Line`] as written, borrowing the briefing (no copy, no JSON value tree).
#[derive(Serialize)]
struct StoredLine<'a> {
    h: String,
    m: &'a BriefingMeta,
    b: &'a str,
    l: usize,
}

/// An entry of the cache: read from a shard, or remembered from this build's own
/// briefing (shared with the build, not copied: a cold build remembers every briefing).
#[derive(Debug)]
enum Entry {
    Read(Box<Parsed>),
    Shared(Arc<Briefing>),
}

/// Parsed briefing files by text hash. `Sync`: files are parsed in parallel.
///
/// An entry is handed out once and then forgotten: the caller keeps the parsed
/// briefing (so the cache never holds a second copy of every briefing), and gives the
/// live ones back to [`ParseCache::changed_shards`] when it saves.
#[derive(Debug, Default)]
pub struct ParseCache {
    entries: Mutex<HashMap<TextHash, Entry>>,
    book: ShardBook,
}

impl ParseCache {
    /// The cache from the bytes of its shard files, `(shard number, bytes)`.
    pub fn decode(shards: Vec<(usize, Vec<u8>)>) -> ParseCache {
        let entries = decode_shards(shards, &header(), |line| {
            let Line { h, parsed } = serde_json::from_str(line).ok()?;
            Some((unhex(&h)?, Entry::Read(Box::new(parsed))))
        });
        ParseCache {
            book: ShardBook::new(entries.keys().copied()),
            entries: Mutex::new(entries),
        }
    }

    /// Parses a briefing file (see `file::parse`), from the cache when its text was
    /// parsed before: a briefing this build remembered for the same path is handed out
    /// as it is (shared), any other hit gets the file's slug and path.
    pub fn parse(&self, path: &Path, text: &str) -> Result<Arc<Briefing>, BriefingError> {
        let hash = text_hash(text);
        let hit = self.entries.lock().ok().and_then(|mut e| e.remove(&hash));
        let parsed = match hit {
            Some(Entry::Shared(b)) if b.path == path => return Ok(b),
            Some(Entry::Shared(b)) => Parsed {
                meta: b.meta.clone(),
                body: b.body.clone(),
                body_line: b.body_line,
            },
            Some(Entry::Read(p)) => *p,
            None => {
                let briefing = parse(path, text)?;
                self.book.gains(&hash);
                return Ok(Arc::new(briefing));
            }
        };
        Ok(Arc::new(Briefing {
            slug: super::file::slug_of(path),
            path: path.to_path_buf(),
            meta: parsed.meta,
            body: parsed.body,
            body_line: parsed.body_line,
        }))
    }

    /// Records what parsing `text` gave (a file the build is about to write, parsed
    /// already to check it), so that the next read of the file is a hit.
    pub fn remember(&self, text: &str, briefing: &Arc<Briefing>) {
        let hash = text_hash(text);
        if let Ok(mut entries) = self.entries.lock() {
            entries.insert(hash, Entry::Shared(Arc::clone(briefing)));
            self.book.gains(&hash);
        }
    }

    /// The shards to write, each as `(shard number, bytes)`, given every briefing file
    /// of the build (`live`: its text hash and what it parsed to): the shards that gained
    /// a text parsed by this build, or lost one; each holds exactly its live entries.
    pub fn changed_shards<'a>(
        &self,
        live: impl IntoIterator<Item = (TextHash, &'a Briefing)>,
    ) -> impl Iterator<Item = (usize, Vec<u8>)> {
        self.book.changed(live, header(), |h, b| {
            let line = StoredLine {
                h: hex(h),
                m: &b.meta,
                b: &b.body,
                l: b.body_line,
            };
            serde_json::to_string(&line).ok()
        })
    }

    /// The file name of shard `n`.
    pub fn shard_file(n: usize) -> String {
        format!("briefings-{n:02}.jsonl")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "---\ntitle: Talks\ndate: 2026-03-05\ntags: [water]\n---\n\nBody text.\n";

    #[test]
    fn a_cached_parse_equals_a_fresh_one_and_survives_a_round_trip() {
        let path = Path::new("content/briefings/talks.md");
        let cache = ParseCache::default();
        let fresh = cache.parse(path, FILE).unwrap();
        let live = || [(text_hash(FILE), &*fresh)];
        let shards: Vec<_> = cache.changed_shards(live()).collect();
        assert_eq!(shards.len(), 1, "one shard gained an entry");
        assert!(
            cache.changed_shards(live()).next().is_none(),
            "written once"
        );
        let reloaded = ParseCache::decode(shards.clone());
        let other = Path::new("content/briefings/renamed.md");
        let cached = reloaded.parse(other, FILE).unwrap();
        assert_eq!(cached.meta, fresh.meta);
        assert_eq!(
            (&cached.body, cached.body_line),
            (&fresh.body, fresh.body_line)
        );
        assert_eq!(cached.slug, "renamed", "slug and path come from the file");
        assert!(
            reloaded.entries.lock().unwrap().is_empty(),
            "handed out, not kept"
        );
        assert!(
            reloaded.changed_shards(live()).next().is_none(),
            "a hit changes nothing"
        );
        let gone: Vec<_> = reloaded.changed_shards([]).collect();
        assert_eq!(gone.len(), 1, "the shard loses its entry");
        assert_eq!(String::from_utf8_lossy(&gone[0].1).lines().count(), 1);
    }

    #[test]
    fn a_remembered_briefing_is_shared_with_its_own_file_and_copied_for_another() {
        let path = Path::new("content/briefings/talks.md");
        let cases = [
            (path, true, "talks"),
            (Path::new("content/briefings/moved.md"), false, "moved"),
        ];
        for (read_as, shared, slug) in cases {
            let cache = ParseCache::default();
            let built = Arc::new(parse(path, FILE).unwrap());
            cache.remember(FILE, &built);
            let read = cache.parse(read_as, FILE).unwrap();
            assert_eq!(Arc::ptr_eq(&read, &built), shared, "{slug}");
            assert_eq!((read.slug.as_str(), &read.meta), (slug, &built.meta));
            assert!(cache.entries.lock().unwrap().is_empty(), "handed out once");
            let saved: Vec<_> = cache.changed_shards([(text_hash(FILE), &*read)]).collect();
            assert_eq!(saved.len(), 1, "the remembered text is saved");
        }
    }

    #[test]
    fn bad_shards_and_lines_are_ignored() {
        let cache = ParseCache::default();
        let parsed = cache.parse(Path::new("a.md"), FILE).unwrap();
        let (n, bytes) = cache
            .changed_shards([(text_hash(FILE), &*parsed)])
            .next()
            .unwrap();
        let text = String::from_utf8(bytes).unwrap();
        let cases = [
            text.replace("briefing-parse-cache 2", "briefing-parse-cache 1"),
            text.replace("\"m\":{", "\"m\":["),
            "not a cache".to_string(),
        ];
        for case in cases {
            let cache = ParseCache::decode(vec![(n, case.into_bytes())]);
            assert!(cache.entries.lock().unwrap().is_empty());
            let again = cache.parse(Path::new("a.md"), FILE).unwrap();
            assert_eq!(again.meta.title, "Talks", "parsed again");
        }
    }
}
