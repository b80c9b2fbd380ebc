//! Stems of content words: a lower-case word in, its Snowball English stem out.
//!
//! Stemming is most of what the summariser spends on an article, and news reuses the
//! same few thousand words, so the stems of the frequent ones are precomputed in
//! `stems.txt` (written by `examples/stem_table.rs`: the common words, never names,
//! of the CoNLL training text) and looked up; any other word goes through the stemmer. The table is a memo of the
//! stemmer: it changes speed, never results (a unit test checks every entry).

use std::borrow::Cow;
use std::sync::OnceLock;

use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::FxHashMap;

const TABLE: &str = include_str!("stems.txt");

/// `word` or `word stem` per line.
fn table() -> &'static FxHashMap<&'static str, &'static str> {
    static MAP: OnceLock<FxHashMap<&'static str, &'static str>> = OnceLock::new();
    MAP.get_or_init(|| {
        TABLE
            .lines()
            .filter_map(|line| {
                let mut parts = line.split(' ');
                let word = parts.next().filter(|w| !w.is_empty())?;
                Some((word, parts.next().unwrap_or(word)))
            })
            .collect()
    })
}

/// Stems lower-case words, table first.
pub(super) struct Stems {
    stemmer: Stemmer,
}

impl Stems {
    pub(super) fn new() -> Self {
        Stems {
            stemmer: Stemmer::create(Algorithm::English),
        }
    }

    /// The stem of a lower-case word, borrowing the word when the stem is the word.
    /// Words of one or two letters are their own stem (the stemmer leaves them alone
    /// too; it does change some three-letter words: "spy" to "spi", "ads" to "ad").
    pub(super) fn stem<'a>(&self, lower: Cow<'a, str>) -> Cow<'a, str> {
        // Numbers have no suffix to strip.
        if lower.len() <= 2 || lower.bytes().all(|b| b.is_ascii_digit()) {
            return lower;
        }
        if let Some(&stem) = table().get(lower.as_ref()) {
            return Cow::Borrowed(stem);
        }
        match self.stemmer.stem(&lower) {
            Cow::Borrowed(_) => lower,
            Cow::Owned(stem) => Cow::Owned(stem),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_agrees_with_the_stemmer() {
        let stemmer = Stemmer::create(Algorithm::English);
        assert!(table().len() > 1000, "table loaded");
        for (word, stem) in table() {
            assert_eq!(stemmer.stem(word), *stem, "{word}");
        }
    }

    #[test]
    fn words_outside_the_table_are_stemmed() {
        let stems = Stems::new();
        let cases = [
            ("troops", "troop"),
            ("negotiations", "negoti"),
            ("kestrians", "kestrian"),
            ("war", "war"),
            ("wars", "war"),
            ("spy", "spi"),
            ("spies", "spi"),
            ("ads", "ad"),
            ("2022", "2022"),
        ];
        for (word, want) in cases {
            assert_eq!(stems.stem(Cow::Borrowed(word)), want, "{word}");
        }
    }
}
