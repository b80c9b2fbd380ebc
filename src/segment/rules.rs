//! sentencex's rules for a language: a language code in, the [`Language`] that splits
//! its text out; the same rules sentencex's own `language_factory` picks, but for
//! Catalan, Danish and Italian, whose one regex is compiled once here.
//!
//! sentencex 0.1.33 compiles that regex (`^\W*[0-9a-z]`, `^[0-9a-z]`) again at every
//! candidate sentence end of a Catalan, Danish or Italian text: a third of a millisecond
//! each, so a 4 KB text of short sentences took 150 ms and a 2 MiB one many seconds,
//! far over the article budget (`ingest::budget`). The structs here are those languages
//! with the same abbreviations and word rules (delegated to sentencex's own) and the
//! regex built once; every other language, and every other rule, is sentencex's.

use std::sync::LazyLock;

use regex::Regex;
use rustc_hash::FxHashSet;
use sentencex::languages::{Catalan, Danish, Italian, Language, get_fallbacks};

/// The codes sentencex 0.1.33's `language_factory` has rules of its own for; any other
/// code follows its fallbacks until it reaches one of these (or English).
const BUILT_IN: [&str; 31] = [
    "am", "ar", "bg", "bn", "ca", "da", "de", "el", "en", "es", "fi", "fr", "gu", "hi", "hy", "it",
    "ja", "kk", "kn", "ml", "mr", "my", "nl", "pa", "pl", "pt", "ru", "sk", "ta", "te", "uk",
];

/// Catalan and Danish: a lower-case letter or a digit after any non-word characters
/// continues the sentence.
static LOWER_AFTER_MARKS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\W*[0-9a-z]").expect("valid pattern"));
/// Italian: a lower-case letter or a digit right after the boundary continues it.
static LOWER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[0-9a-z]").expect("valid pattern"));

static CATALAN: Catalan = Catalan {};
static DANISH: Danish = Danish {};
static ITALIAN: Italian = Italian {};

struct FastCatalan;
struct FastDanish;
struct FastItalian;

impl Language for FastCatalan {
    fn get_abbreviations(&self) -> &FxHashSet<String> {
        CATALAN.get_abbreviations()
    }

    fn continue_in_next_word(&self, text_after_boundary: &str) -> bool {
        LOWER_AFTER_MARKS.is_match(text_after_boundary)
    }
}

impl Language for FastDanish {
    fn get_abbreviations(&self) -> &FxHashSet<String> {
        DANISH.get_abbreviations()
    }

    fn continue_in_next_word(&self, text_after_boundary: &str) -> bool {
        LOWER_AFTER_MARKS.is_match(text_after_boundary)
    }
}

impl Language for FastItalian {
    fn get_abbreviations(&self) -> &FxHashSet<String> {
        ITALIAN.get_abbreviations()
    }

    fn get_last_word<'a>(&self, text: &'a str) -> &'a str {
        ITALIAN.get_last_word(text)
    }

    fn continue_in_next_word(&self, text_after_boundary: &str) -> bool {
        LOWER.is_match(text_after_boundary)
    }
}

/// The rules of this module for `code`, if sentencex would split its text with
/// Catalan's, Danish's or Italian's (`None`: sentencex's own are fast).
fn fast_rules(code: &str) -> Option<&'static dyn Language> {
    let mut code = code;
    let mut visited: Vec<&str> = Vec::new();
    loop {
        match code {
            "ca" => return Some(&FastCatalan),
            "da" => return Some(&FastDanish),
            "it" => return Some(&FastItalian),
            _ if BUILT_IN.contains(&code) || visited.contains(&code) => return None,
            _ => {}
        }
        visited.push(code);
        let next = get_fallbacks(code)?.iter().find(|c| !visited.contains(c))?;
        code = next;
    }
}

/// sentencex's sentence pieces of `text` (at most 10 KiB, which sentencex would cut at
/// paragraph breaks) in language `code`, as byte ranges.
pub fn boundaries(code: &str, text: &str) -> Vec<(usize, usize)> {
    debug_assert!(
        text.len() <= 10 * 1024,
        "sentencex cuts longer texts itself"
    );
    let pieces = match fast_rules(code) {
        Some(rules) => rules.get_sentence_boundaries(text),
        None => sentencex::get_sentence_boundaries(code, text),
    };
    pieces
        .into_iter()
        .map(|b| (b.start_byte, b.end_byte))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fast_rules_split_as_sentencex_does() {
        let texts = [
            "La ciutat va votar ahir. el consell no hi era. Va dir: «Prou!» I se'n va anar. Són les 9.30 h. 3 de març.",
            "Regeringen mødtes i går. 2. udgave kom. Hr. Jensen sagde nej. ...og så? Han gik. (Se s. 4.) Slut.",
            "Il sindaco ha parlato. l'assessore no. Ecc. finito? Sì! Dell'anno 2.0 si parla. Sig. Rossi è qui.",
            "Words. lower after. \"Quoted.\" 'single.' [1] Next. A. B. Smith met C.I.A. agents.",
        ];
        for code in ["ca", "da", "it", "oc", "nap", "kl"] {
            for text in texts {
                let want: Vec<(usize, usize)> = sentencex::get_sentence_boundaries(code, text)
                    .into_iter()
                    .map(|b| (b.start_byte, b.end_byte))
                    .collect();
                assert_eq!(boundaries(code, text), want, "{code}: {text}");
            }
        }
    }

    #[test]
    fn only_catalan_danish_and_italian_texts_take_the_fast_rules() {
        let cases = [
            ("ca", true),
            ("da", true),
            ("it", true),
            ("oc", true),  // falls back to Catalan
            ("nap", true), // to Italian
            ("kl", true),  // to Danish
            ("en", false),
            ("fr", false),
            ("es", false),
            ("nb", false),
            ("it-IT", false), // sentencex knows no such code: English
            ("zz", false),
        ];
        for (code, fast) in cases {
            assert_eq!(fast_rules(code).is_some(), fast, "{code}");
        }
    }
}
