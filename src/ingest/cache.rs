//! Reads the tool's own cache files (in `.briefing/cache/`) as bytes; what they hold is
//! the business of the stage that wrote them. A missing or unreadable file is simply
//! not in the result: a cache can always be rebuilt.

use std::path::Path;

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
