//! Stage 1, the input edge: files on disk in, [`Article`]s (and the other raw inputs
//! of a build) out.
//!
//! This is one of the two places that read the disk (the other writing edge is
//! `output`). It reads `content/articles/**` in a stable order (sorted paths), in
//! parallel, and turns each file into an [`Article`] whatever its format: plain text
//! with optional front matter, Markdown with YAML (`---`) or TOML (`+++`) front
//! matter, or a saved HTML page. One bad file never hides the others: every file is
//! read, failures come back as values naming the file, line and column, and the
//! caller decides whether to stop (`build`) or skip (`build --keep-going`).
//!
//! It also reads the existing briefing files and the theme and template files, as raw
//! text, so that every later stage is a pure function of values.

mod article;
mod briefings;
mod theme;

pub use article::{Article, Block, BlockKind, Format, content_hash};
pub use briefings::load_briefing_files;
pub use theme::{StaticFile, ThemeFiles, load_theme};

use std::path::{Path, PathBuf};

use thiserror::Error;

use crate::config::Config;
use crate::diagnostics::{Location, Warning};

/// Why an article (or another input file) could not be read.
#[derive(Debug, Error)]
pub enum IngestError {
    #[error("{location}: cannot read file: {source}\n  help: check that the file exists and is readable")]
    Read { location: Location, source: std::io::Error },
    #[error("{location}: {message}\n  help: {hint}")]
    Invalid { location: Location, message: String, hint: String },
}

impl IngestError {
    /// The file (and position) the error is about.
    pub fn location(&self) -> &Location {
        match self {
            IngestError::Read { location, .. } | IngestError::Invalid { location, .. } => location,
        }
    }
}

/// Everything read from `content/articles`.
#[derive(Debug, Default)]
pub struct Ingested {
    /// Articles read successfully, sorted by path.
    pub articles: Vec<Article>,
    /// Files that could not be read, sorted by path.
    pub failures: Vec<IngestError>,
    pub warnings: Vec<Warning>,
}

/// A text file read as is (briefings, templates).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    /// As shown to users.
    pub path: PathBuf,
    pub text: String,
}

/// Reads every article under `config.articles_dir`.
pub fn load_articles(config: &Config) -> Ingested {
    let _ = config;
    Ingested::default()
}

/// Reads one article file. `display` is the path shown in messages and stored in the article.
pub fn read_article(path: &Path, display: &Path, max_bytes: u64) -> Result<Article, IngestError> {
    let _ = (path, max_bytes);
    Err(IngestError::Invalid {
        location: Location::file(display),
        message: "not implemented".into(),
        hint: String::new(),
    })
}

/// The article files under `dir` (any depth), sorted by path.
pub fn article_files(dir: &Path) -> Result<Vec<PathBuf>, IngestError> {
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.map_err(|e| IngestError::Read {
            location: Location::file(e.path().unwrap_or(dir)),
            source: e.into(),
        })?;
        let ext = entry.path().extension().and_then(|e| e.to_str()).unwrap_or("");
        if entry.file_type().is_file() && matches!(ext, "txt" | "md" | "markdown" | "html" | "htm") {
            files.push(entry.into_path());
        }
    }
    Ok(files)
}
