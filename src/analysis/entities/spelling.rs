//! Spelling: one word (and whether its sentence's case means anything) in, what the
//! word looks like out: its hashed form, shapes, affixes and spelling flags.
//!
//! The feature pass ([`super::features`]) computes this once per word of a document
//! and reads it for the word and its neighbours; a sentence whose capitals mean
//! nothing (all caps, all lower case, Title Case) is "uncased", and its words get
//! shapes as if every letter were a capital.

use super::gazetteer::Membership;
use super::hash::{self, affix, shape};
use crate::language::words::TITLE_SMALL_WORDS;

/// Spelling flags of a word.
pub(super) mod flag {
    pub const INIT_CAP: u16 = 1;
    pub const ALL_CAPS: u16 = 1 << 1;
    pub const HAS_DIGIT: u16 = 1 << 2;
    pub const NUMBER: u16 = 1 << 3;
    pub const HYPHEN: u16 = 1 << 4;
    pub const PERIOD: u16 = 1 << 5;
    pub const APOSTROPHE: u16 = 1 << 6;
    pub const PUNCT: u16 = 1 << 7;
    pub const INNER_CAP: u16 = 1 << 8;
    pub const SINGLE: u16 = 1 << 9;
    pub const SENT_START: u16 = 1 << 10;
    pub const UNCASED: u16 = 1 << 11;
    pub const LOWER: u16 = 1 << 12;
    pub const COUNT: u32 = 13;
}

/// What one word looks like, precomputed.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Word {
    pub(super) word: u64,
    pub(super) shape: u64,
    pub(super) shape_long: u64,
    pub(super) prefix: [u64; 4],
    pub(super) suffix: [u64; 4],
    pub(super) flags: u16,
    pub(super) gaz: Membership,
    /// Its word clusters (see `clusters`).
    pub(super) clusters: super::clusters::Clusters,
    /// How the word is written elsewhere in the document: 0 unseen, 1 capitalised,
    /// 2 lower case, 3 both.
    pub(super) doc_case: u8,
    /// Stage two: what the first pass predicted for this word elsewhere in the document
    /// (0 nothing, else 1 + entity type) and here (same encoding, with B/I in bit 3).
    pub(super) doc_label: u8,
    pub(super) here_label: u8,
}

/// Words of a sentence that are not letters and digits do not decide whether its
/// capitals mean anything.
fn letters(w: &str) -> impl Iterator<Item = char> + '_ {
    w.chars().filter(|c| c.is_alphabetic())
}

/// Whether a sentence's capitalisation is uninformative (see the module docs): no
/// lower-case letters, no capitals (at least two words), or Title Case (at least three
/// capitalised words and every lower-case word a small word).
pub(super) fn is_uncased(sentence: &[&str]) -> bool {
    let (mut upper, mut lower, mut alpha_words) = (false, false, 0);
    let (mut capitalised, mut other_lower) = (0, 0);
    for w in sentence {
        let Some(first) = letters(w).next() else {
            continue;
        };
        alpha_words += 1;
        for c in letters(w) {
            upper |= c.is_uppercase();
            lower |= c.is_lowercase();
        }
        if first.is_uppercase() {
            capitalised += 1;
        } else if !TITLE_SMALL_WORDS.contains(w) {
            other_lower += 1;
        }
    }
    let one_case = (upper && !lower) || (lower && !upper && alpha_words >= 2);
    one_case || (capitalised >= 3 && other_lower == 0)
}

/// Precomputes what one word looks like.
pub(super) fn describe(w: &str, uncased: bool) -> Word {
    let mut word = Word {
        word: hash::word(w),
        shape: shape(w, 1, uncased),
        shape_long: shape(w, 3, uncased),
        flags: spelling_flags(w, uncased),
        ..Word::default()
    };
    for n in 1..=4 {
        word.prefix[n - 1] = affix(w, n, false).unwrap_or(0);
        word.suffix[n - 1] = affix(w, n, true).unwrap_or(0);
    }
    word
}

/// The [`flag`]s of a word; case flags only when the sentence's case is informative.
fn spelling_flags(w: &str, uncased: bool) -> u16 {
    let mut flags = 0;
    let (mut n_chars, mut alpha, mut upper, mut lower, mut digits) = (0, 0, 0, 0, 0);
    for (k, c) in w.chars().enumerate() {
        n_chars += 1;
        if c.is_uppercase() {
            upper += 1;
            if k == 0 {
                flags |= flag::INIT_CAP;
            } else if lower > 0 {
                flags |= flag::INNER_CAP;
            }
        } else if c.is_lowercase() {
            lower += 1;
        } else if c.is_numeric() {
            digits += 1;
        }
        alpha += c.is_alphabetic() as usize;
        flags |= match c {
            '-' => flag::HYPHEN,
            '.' => flag::PERIOD,
            '\'' | '’' => flag::APOSTROPHE,
            _ => 0,
        };
    }
    if uncased {
        flags = (flags & !(flag::INIT_CAP | flag::INNER_CAP)) | flag::UNCASED;
    } else if upper > 0 && lower == 0 {
        flags |= flag::ALL_CAPS;
    } else if lower > 0 && upper == 0 {
        flags |= flag::LOWER;
    }
    if digits > 0 {
        flags |= flag::HAS_DIGIT | if alpha == 0 { flag::NUMBER } else { 0 };
    }
    if alpha == 0 && digits == 0 {
        flags |= flag::PUNCT;
    }
    if n_chars == 1 {
        flags |= flag::SINGLE;
    }
    flags
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_without_usable_capitals_are_uncased() {
        let cases: [(&[&str], bool); 9] = [
            (&["CRICKET", "-", "ESSEX", "WIN", "."], true),
            (&["LONDON", "1996-08-30"], true),
            (&["blinken", "met", "lavrov", "in", "geneva"], true),
            (
                &[
                    "Blinken", "Meets", "Lavrov", "in", "Geneva", "as", "Talks", "Stall",
                ],
                true,
            ),
            (&["Blinken", "met", "Lavrov", "in", "Geneva", "."], false),
            (&["Blinken", "and", "Lavrov", "in", "Geneva"], true),
            (&["Kim", "Jong", "Un", "spoke"], false),
            (&["NATO"], true),
            (
                &[
                    "US",
                    "Secretary",
                    "of",
                    "State",
                    "Antony",
                    "Blinken",
                    "spoke",
                ],
                false,
            ),
        ];
        for (sentence, want) in cases {
            assert_eq!(is_uncased(sentence), want, "{sentence:?}");
        }
    }
}
