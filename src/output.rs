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
