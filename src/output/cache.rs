//! Writes the tool's own cache files (in `.briefing/cache/`): replaced atomically (a
//! temporary file renamed over the old one, so a reader never sees half a file), but
//! not flushed to disk, because a cache lost in a crash is only rebuilt.

use std::path::Path;

use super::OutputError;
use super::fsops::io_err;

/// Replaces the cache file `path` with `bytes`, creating its folder if needed.
pub fn write_cache_file(path: &Path, bytes: &[u8]) -> Result<(), OutputError> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(io_err(dir))?;
    let tmp = tempfile::NamedTempFile::new_in(dir).map_err(io_err(dir))?;
    std::fs::write(tmp.path(), bytes).map_err(io_err(tmp.path()))?;
    tmp.persist(path).map_err(|e| io_err(path)(e.error))?;
    Ok(())
}
