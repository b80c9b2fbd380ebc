//! The tool's own cache files (in `.briefing/cache/`): reading them as bytes, and the
//! bookkeeping shared by the caches kept in shards of JSON lines by a 16-byte content
//! key (the article reads, `article_cache`, and the parsed briefing files,
//! `briefing::cache`). What a line holds is the business of the cache that wrote it;
//! writing the files is `output`'s. A missing or unreadable file is simply not in the
//! result: a cache can always be rebuilt.
//!
//! Entries are spread over [`SHARDS`] shards by key, so that an edit rewrites one small
//! file, and a shard holds only the entries of the last build. Each shard starts with a
//! header naming its format and the tool's version; a shard with another header, or a
//! line that does not parse, is ignored.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;
use std::sync::Mutex;

use rustc_hash::FxHashSet;

/// Shards of each cache: at 10,000 articles some 40 entries each, so that an edit,
/// which dirties two shards of each cache, serialises some 160 entries, not 10,000.
/// (The headers' format number changed with it: shards of another count are ignored.)
pub const SHARDS: usize = 256;

/// What a cache entry is stored under: a content hash, cut to 16 bytes.
pub type CacheKey = [u8; 16];

/// The bytes of the files `name(0)`, `name(1)`, ... `name(count - 1)` in `dir` that
/// could be read, with their numbers.
pub fn read_cache_files(
    dir: &Path,
    count: usize,
    name: impl Fn(usize) -> String,
) -> Vec<(usize, Vec<u8>)> {
    (0..count)
        .filter_map(|n| std::fs::read(dir.join(name(n))).ok().map(|b| (n, b)))
        .collect()
}

/// The entries of the shards (`(number, bytes)`) that start with `header`, each line
/// read by `line`; lines it refuses are left out.
pub fn decode_shards<V>(
    shards: Vec<(usize, Vec<u8>)>,
    header: &str,
    line: impl Fn(&str) -> Option<(CacheKey, V)>,
) -> HashMap<CacheKey, V> {
    let mut entries = HashMap::new();
    for (_, bytes) in shards {
        let Ok(text) = std::str::from_utf8(&bytes) else {
            continue;
        };
        let mut lines = text.lines();
        if lines.next() != Some(header) {
            continue;
        }
        entries.extend(lines.filter_map(&line));
    }
    entries
}

/// Which shards of a cache must be written again. `Sync`: entries are looked up from
/// parallel workers.
#[derive(Debug, Default)]
pub struct ShardBook {
    /// The keys the shards on disk hold (Fx: built anew from every live entry on each
    /// save).
    stored: Mutex<FxHashSet<CacheKey>>,
    /// Shards that gained an entry made (not read from the cache) since they were written.
    dirty: Mutex<BTreeSet<usize>>,
}

fn shard_of(key: &CacheKey) -> usize {
    key[0] as usize % SHARDS
}

impl ShardBook {
    /// The book of shards on disk holding `stored`.
    pub fn new(stored: impl IntoIterator<Item = CacheKey>) -> ShardBook {
        ShardBook {
            stored: Mutex::new(stored.into_iter().collect()),
            dirty: Mutex::default(),
        }
    }

    /// Notes that the shard of `key` gains an entry.
    pub fn gains(&self, key: &CacheKey) {
        if let Ok(mut dirty) = self.dirty.lock() {
            dirty.insert(shard_of(key));
        }
    }

    /// The shards to write, each as `(shard number, bytes)`, given every live entry of
    /// the build: the shards that gained an entry or lost one; each holds `header`, then
    /// exactly its live entries in key order, one `line` each. Each shard's text is made
    /// when the caller takes it, so that saving holds one shard, not the whole cache
    /// (48 MB at 10,000 articles, the peak of a cold build's memory when it was made at
    /// once).
    pub fn changed<T>(
        &self,
        live: impl IntoIterator<Item = (CacheKey, T)>,
        header: String,
        line: impl Fn(&CacheKey, &T) -> Option<String>,
    ) -> impl Iterator<Item = (usize, Vec<u8>)> {
        let mut shards: Vec<Vec<(CacheKey, T)>> = (0..SHARDS).map(|_| Vec::new()).collect();
        let dirty = match (self.stored.lock(), self.dirty.lock()) {
            (Ok(mut stored), Ok(mut dirty)) => {
                let mut live: Vec<(CacheKey, T)> = live.into_iter().collect();
                let mut now = FxHashSet::with_capacity_and_hasher(live.len(), Default::default());
                live.retain(|(key, _)| now.insert(*key));
                for gone in stored.difference(&now) {
                    dirty.insert(shard_of(gone));
                }
                *stored = now;
                // only the entries of the shards to write are sorted into shards (an
                // edit: 2 of 256)
                for (key, value) in live {
                    let n = shard_of(&key);
                    if dirty.contains(&n) {
                        shards[n].push((key, value));
                    }
                }
                std::mem::take(&mut *dirty)
            }
            _ => Default::default(),
        };
        let header = header + "\n";
        dirty.into_iter().map(move |n| {
            let mut list = std::mem::take(&mut shards[n]);
            list.sort_by_key(|(key, _)| *key);
            let mut text = header.clone();
            for (key, value) in &list {
                if let Some(line) = line(key, value) {
                    text.push_str(&line);
                    text.push('\n');
                }
            }
            (n, text.into_bytes())
        })
    }
}

/// A key as 32 hex digits.
pub fn hex(key: &CacheKey) -> String {
    key.iter().map(|b| format!("{b:02x}")).collect()
}

/// A key from 32 hex digits.
pub fn unhex(text: &str) -> Option<CacheKey> {
    let mut out = [0u8; 16];
    if text.len() != 32 {
        return None;
    }
    for (i, byte) in out.iter_mut().enumerate() {
        *byte = u8::from_str_radix(text.get(2 * i..2 * i + 2)?, 16).ok()?;
    }
    Some(out)
}
