//! The [`Article`]: one source article as read from disk, in any input format.
//!
//! `text` is what the analysis contract's byte offsets refer to: for `.txt` and `.md`
//! input it is the body after the front matter, verbatim; for HTML it is the main
//! article text extracted from the page. `prose` is `text` with the same length in
//! bytes but Markdown markup (emphasis markers, link targets, HTML tags) blanked to
//! spaces, so analysis can read clean words and its offsets still index `text`.
//! `blocks` say which parts of `text` are paragraphs, headings, the headline line or
//! boilerplate such as photo credits, so analysis never has to guess at layout.

use std::path::PathBuf;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// The input format, from the file extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// `.txt`: plain text, optional front matter.
    Text,
    /// `.md` / `.markdown`: Markdown, optional front matter.
    Markdown,
    /// `.html` / `.htm`: a saved web page.
    Html,
}

/// Where an article's title comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TitleSource {
    /// Front matter `title`, or the page's own metadata.
    Metadata,
    /// The first line of a plain-text body, or a leading Markdown/HTML heading.
    Headline,
    /// Made from the lead sentence: it adds nothing the text does not say first.
    LeadSentence,
    /// Made from the file name.
    FileName,
}

impl TitleSource {
    /// Whether the title was written by a person as a headline (and so says what matters).
    pub fn is_written(self) -> bool {
        matches!(self, TitleSource::Metadata | TitleSource::Headline)
    }
}

/// What a block of the article's text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BlockKind {
    /// Running prose: analysed, eligible for the summary.
    Paragraph,
    /// A subheading inside the article: analysed for entities and dates, never summarised.
    Heading,
    /// The headline when it is the first line of a plain-text body: not analysed as a sentence.
    Title,
    /// Photo credits, captions, bylines, "Read more" lines: not analysed. HTML input
    /// leaves them out of `text` altogether; plain text and Markdown keep their body
    /// verbatim, so there they stay in `text`, marked.
    Boilerplate,
    /// A table or preformatted text: part of the story, kept in the text, but not
    /// prose, so not read as sentences.
    Data,
}

/// A byte range of `Article::text` and what it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    pub start: usize,
    pub end: usize,
    pub kind: BlockKind,
}

/// One source article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// The file, as shown to users: relative to the site root when under it.
    pub path: PathBuf,
    /// URL- and file-name-safe identifier, unique in a site (from `slug:` or the path).
    pub slug: String,
    pub format: Format,
    pub title: String,
    pub title_source: TitleSource,
    /// Publication date: front matter `date`, page metadata, a dateline or date line in
    /// the text, a `YYYY-MM-DD` the file name starts with, or none.
    pub published: Option<Date>,
    /// Publication name (front matter `source`, or the page's site name).
    pub source: Option<String>,
    /// Where the article was published (front matter `url`, or the page's canonical URL).
    pub url: Option<String>,
    pub author: Option<String>,
    pub tags: Vec<String>,
    /// The language of the text: `"en"` ([`crate::language::detect::ENGLISH`]) unless it
    /// is reliably another (see [`crate::language::detect`]).
    pub language: String,
    pub draft: bool,
    /// See the module docs.
    pub text: String,
    /// `text` with markup blanked; always `prose.len() == text.len()`.
    pub prose: String,
    /// Layout of `text`, in order, non-overlapping.
    pub blocks: Vec<Block>,
    /// 1-based line of the file on which `text` starts (after front matter).
    pub body_line: usize,
    /// `blake3:` + hex digest of the raw file bytes.
    pub hash: String,
}

impl Article {
    /// The text of a block.
    pub fn block_text(&self, block: &Block) -> &str {
        &self.text[block.start..block.end]
    }
}

/// The content hash used for articles and cache keys: `blake3:<hex>`.
pub fn content_hash(bytes: &[u8]) -> String {
    format!("blake3:{}", blake3::hash(bytes).to_hex())
}
