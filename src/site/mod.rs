//! Stage 4: briefings in, the pages of the site out (HTML, feeds, sitemap, search index).

use jiff::civil::Date;
use thiserror::Error;

use crate::briefing::Briefing;
use crate::config::Config;
use crate::diagnostics::Warning;
use crate::ingest::ThemeFiles;

/// One file of the built site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// Path inside the output directory, `/`-separated, no leading slash
    /// (`index.html`, `briefings/talks-stall/index.html`, `atom.xml`).
    pub path: String,
    pub bytes: Vec<u8>,
}

/// Settings of one render that do not come from `briefing.toml`.
#[derive(Debug, Clone)]
pub struct RenderOptions {
    /// Include briefings marked `draft: true`.
    pub drafts: bool,
    /// The build date (for "today" in templates; never read from the clock here).
    pub today: Date,
}

/// The rendered site.
#[derive(Debug, Default)]
pub struct Rendered {
    pub pages: Vec<Page>,
    /// Broken internal links and other problems found while rendering.
    pub warnings: Vec<Warning>,
}

/// Why the site could not be rendered.
#[derive(Debug, Error)]
pub enum SiteError {
    #[error("{0}")]
    Template(String),
}

/// Renders every page of the site.
pub fn render(
    config: &Config,
    theme: &ThemeFiles,
    briefings: &[Briefing],
    options: &RenderOptions,
) -> Result<Rendered, SiteError> {
    let _ = (config, theme, briefings, options);
    Ok(Rendered::default())
}
