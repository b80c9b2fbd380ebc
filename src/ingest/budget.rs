//! The work budget of one article: an [`Article`] in, whether analysing it stays within
//! the time one article may take out.
//!
//! Bytes are capped (`build.max_article_bytes`), but time follows words, not bytes:
//! every analysis pass is linear in the words and marks of the text (a name, a number,
//! a quote, a bracket each count one; 4 to 6 µs each through the whole analysis), and
//! a hostile file can pack one into every byte (a megabyte of backticks is a million of
//! them), where ordinary prose has one in five or six bytes. So an article may hold at
//! most [`BASE_WORDS_AND_MARKS`] plus one per [`BYTES_PER_WORD_OR_MARK`] bytes of its
//! text, and never more than [`MAX_WORDS_AND_MARKS`] (about 1.2 MB of ordinary prose,
//! six times the longest news article we have seen): then no article takes longer than
//! a second per megabyte, plus a tenth of a second. One over it is refused as too
//! complex, naming the file and the limit, after one linear count and before any
//! analysis, so nothing else waits for it.

use std::path::Path;

use super::{Article, BlockKind, IngestError, errors};

/// The words and marks any article may hold, whatever its length.
pub const BASE_WORDS_AND_MARKS: usize = 20_000;
/// Beyond the base, one word or mark per this many bytes of text.
pub const BYTES_PER_WORD_OR_MARK: usize = 6;
/// The words and marks no article may exceed.
pub const MAX_WORDS_AND_MARKS: usize = 250_000;

/// The words and marks an article whose analysed text is `bytes` long may hold.
pub fn limit(bytes: usize) -> usize {
    (BASE_WORDS_AND_MARKS + bytes / BYTES_PER_WORD_OR_MARK).min(MAX_WORDS_AND_MARKS)
}

/// The words and marks of the text analysis reads (every run of letters and digits,
/// and every other character but white space), and that text's length in bytes.
pub(crate) fn words_and_marks(article: &Article) -> (usize, usize) {
    article
        .blocks
        .iter()
        .filter(|b| b.kind != BlockKind::Boilerplate)
        .filter_map(|b| article.prose.get(b.start..b.end))
        .fold((0, 0), |(n, bytes), text| {
            (n + count(text), bytes + text.len())
        })
}

fn count(text: &str) -> usize {
    let mut n = 0;
    let mut in_word = false;
    for c in text.chars() {
        let word = c.is_alphanumeric();
        if (word && !in_word) || !(word || c.is_whitespace()) {
            n += 1;
        }
        in_word = word;
    }
    n
}

/// An error if `article` holds more words and marks than its [`limit`].
pub(crate) fn check(article: &Article, display: &Path) -> Result<(), IngestError> {
    let (n, bytes) = words_and_marks(article);
    let max = limit(bytes);
    if n <= max {
        return Ok(());
    }
    Err(errors::invalid(
        crate::diagnostics::Location::file(display),
        format!(
            "is too complex to analyse: it holds {n} words and marks (names, numbers, quotes, brackets), over the limit of {max} for its length (one per {BYTES_PER_WORD_OR_MARK} bytes beyond the first {BASE_WORDS_AND_MARKS}, at most {MAX_WORDS_AND_MARKS})"
        ),
        "split it into several articles, or remove what is not article text (tables, code, long runs of punctuation)",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_marks_are_counted_apart() {
        let cases = [
            ("", 0),
            ("Ana Varela met 3 ministers.", 6),
            ("“Yes,” she said.", 7),
            ("``````", 6),
            ("<![CDATA[", 5),
            ("   \n\t", 0),
        ];
        for (text, want) in cases {
            assert_eq!(count(text), want, "{text:?}");
        }
    }
}
