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
//! The publication date comes from the front matter or the page's metadata, else from
//! a dateline or date line at the top of the text, else from a date the file name
//! starts with (`2026-02-03-council-budget.txt`, as `briefing new` and Jekyll name
//! files); an article with none of these gets one warning.
//!
//! It also reads the existing briefing files and the theme and template files, as raw
//! text, so that every later stage is a pure function of values.

mod article;
mod article_cache;
mod boilerplate;
mod briefings;
mod budget;
pub use budget::{BASE_WORDS_AND_MARKS, BYTES_PER_WORD_OR_MARK, MAX_WORDS_AND_MARKS};
pub mod cache;
mod characters;
mod dates;
mod discover;
mod errors;
mod fields;
pub mod first_seen;
pub mod front_matter;
mod headline;
mod html;
mod html_byline;
mod html_layout;
mod html_page;
mod html_prune;
mod keys;
mod library;
mod markdown;
mod parse;
mod plain;
mod published;
mod slugs;
mod substance;
mod tags;
pub use slugs::{MAX_SLUG_BYTES, cap as cap_slug};
mod theme;

pub use article::{Article, Block, BlockKind, Format, TitleSource, content_hash};
pub use article_cache::ArticleCache;
pub use briefings::{BriefingFiles, load_briefing_files};
pub use cache::read_cache_files;
pub use characters::forbidden as forbidden_in_xml;
pub use discover::{ARTICLE_EXTENSIONS, is_temporary_file};
pub use library::{ArticleFiles, IngestedRef};
pub use parse::format_of;
pub use theme::{StaticFile, ThemeFiles, load_theme};

use std::path::{Path, PathBuf};

use jiff::civil::Date;

use thiserror::Error;

use crate::config::Config;
use crate::diagnostics::{Location, Warning};

/// Why an article (or another input file) could not be read.
#[derive(Debug, Error)]
pub enum IngestError {
    #[error(
        "{location}: cannot read file: {source}\n  help: check that the file exists and is readable"
    )]
    Read {
        location: Location,
        source: std::io::Error,
    },
    #[error("{location}: {message}\n  help: {hint}")]
    Invalid {
        location: Location,
        message: String,
        hint: String,
    },
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

/// Reads every article under `config.articles_dir`, in parallel, sorted by path.
///
/// Slugs come from `slug:` or from the path relative to the articles directory
/// (`world/talks.md` -> `world-talks`), at most 80 bytes (see `slugs`); a second
/// article with a slug already taken is a failure naming both files. An article without
/// a publication date gets one warning, and so does a `slug:` that had to be changed or
/// a front matter key that looks misspelt. A web page's keywords become its tags only
/// when `tags_from_keywords` is on. A file that is no article (empty, a sign-in page;
/// see `substance`) is left out with a warning saying why.
pub fn load_articles(config: &Config, today: Date) -> Ingested {
    let mut files = ArticleFiles::default();
    files.read_all(config, today);
    let read = files.ingested(config);
    Ingested {
        articles: read.articles.into_iter().cloned().collect(),
        failures: read.failures,
        warnings: read.warnings,
    }
}

/// The warning for a site without an articles directory.
fn no_articles_dir(config: &Config) -> Warning {
    let dir = config.display_path(&config.articles_dir);
    Warning::new(Location::file(dir), "no articles directory: nothing to read")
        .with_hint("create it and put .txt, .md or .html articles in it (or set `build.articles` in briefing.toml)")
}

/// Reads one article file. `display` is the path shown in messages and stored in the
/// article. The slug comes from `slug:` or the file name. `today` is the build's date (a
/// publication date after it cannot be right).
pub fn read_article(
    path: &Path,
    display: &Path,
    max_bytes: u64,
    today: Date,
) -> Result<Article, IngestError> {
    read_parsed(path, display, max_bytes, today).map(|p| p.article)
}

/// [`read_article`], with the warnings about the file that did not stop the read
/// (a misspelt front matter key, a slug that had to be changed); `analyze` shows them.
/// The missing-date warning is separate: [`missing_date_warning`].
pub fn read_article_with_warnings(
    path: &Path,
    display: &Path,
    max_bytes: u64,
    today: Date,
) -> Result<(Article, Vec<Warning>), IngestError> {
    let parsed = read_parsed(path, display, max_bytes, today)?;
    let mut warnings = parsed.warnings;
    if let Some(why) = &parsed.not_article {
        warnings.push(not_article_warning(&parsed.article, why));
    }
    Ok((parsed.article, warnings))
}

/// The warning for a file that is not an article (see `substance`): `build` skips it.
fn not_article_warning(article: &Article, why: &str) -> Warning {
    let message = format!("{why}: not published");
    let hint = "if it is an article, save the page again once it has loaded completely (or paste its text into a .md file); otherwise remove it from the articles folder";
    Warning::new(Location::file(&article.path), message).with_hint(hint)
}

/// The article files under `dir` (any depth, sorted), skipping hidden and temporary
/// files, as `build` does; used by `analyze` on folders.
pub fn article_files(dir: &Path) -> Result<Vec<PathBuf>, IngestError> {
    let mut found = discover::discover(dir, &|p: &Path| p.to_path_buf());
    match found.failures.is_empty() {
        true => Ok(found.files),
        false => Err(found.failures.remove(0)),
    }
}

fn read_parsed(
    path: &Path,
    display: &Path,
    max_bytes: u64,
    today: Date,
) -> Result<parse::Parsed, IngestError> {
    let (bytes, format) = read_bytes(path, display, max_bytes)?;
    parse_bytes(&bytes, display, format, max_bytes, today)
}

/// The bytes of an article file and its format; a file over `max_bytes` is refused
/// before it is read.
fn read_bytes(
    path: &Path,
    display: &Path,
    max_bytes: u64,
) -> Result<(Vec<u8>, Format), IngestError> {
    let read_error = |source| IngestError::Read {
        location: Location::file(display),
        source,
    };
    let format = format_of(path).ok_or_else(|| {
        errors::invalid(
            Location::file(display),
            "is not an article file",
            "articles are .txt, .md, .markdown, .html or .htm files",
        )
    })?;
    let size = std::fs::metadata(path).map_err(read_error)?.len();
    if size > max_bytes {
        return Err(errors::too_large(display, size, max_bytes));
    }
    let bytes = std::fs::read(path).map_err(read_error)?;
    Ok((bytes, format))
}

/// [`read_article_with_warnings`] without the disk: the bytes of an article file whose
/// path (as shown to users) is `display`. Refuses more than `max_bytes`; a date after
/// `today` is no publication date.
pub fn parse_article_bytes(
    bytes: &[u8],
    display: &Path,
    format: Format,
    max_bytes: u64,
    today: Date,
) -> Result<(Article, Vec<Warning>), IngestError> {
    parse_bytes(bytes, display, format, max_bytes, today).map(|p| (p.article, p.warnings))
}

fn parse_bytes(
    bytes: &[u8],
    display: &Path,
    format: Format,
    max_bytes: u64,
    today: Date,
) -> Result<parse::Parsed, IngestError> {
    if bytes.len() as u64 > max_bytes {
        return Err(errors::too_large(display, bytes.len() as u64, max_bytes));
    }
    let parsed = parse::parse_article(bytes, display, format, today)?;
    budget::check(&parsed.article, display)?;
    Ok(parsed)
}

fn duplicate_slug(article: &Article, first: &Path) -> IngestError {
    errors::invalid(
        Location::file(&article.path),
        format!(
            "has the slug `{}`, already used by {}",
            article.slug,
            first.display()
        ),
        "rename one of the two files, or set a different `slug:` in the front matter of one of them",
    )
}

/// The warning for an article without a publication date, if it has none. `build` and
/// `analyze` show it so users know why "on Wednesday" was not turned into a date.
pub fn missing_date_warning(article: &Article) -> Option<Warning> {
    if article.published.is_some() {
        return None;
    }
    let hint = match article.format {
        Format::Html => {
            "save the page with its `<meta property=\"article:published_time\">`, start the file name with the date (`2022-01-28-talks.html`), or convert it to Markdown with `date: 2022-01-28` in its front matter"
        }
        Format::Text | Format::Markdown => {
            "add `date: 2022-01-28` to its front matter (between `---` lines at the top; `date = 2022-01-28` between `+++` lines for TOML), or start the file name with the date (`2022-01-28-talks.md`)"
        }
    };
    let message = "has no publication date: relative dates such as \"on Wednesday\" or \"next week\" will stay relative";
    Some(Warning::new(Location::file(&article.path), message).with_hint(hint))
}
#[cfg(test)]
mod hostile_tests;
#[cfg(test)]
mod tests;
