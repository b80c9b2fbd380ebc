//! The words two event texts are compared by: an event's text in, its normalised form
//! and its content words (as ids of a word table) out, and the Dice overlap of two
//! events' words.
//!
//! The merged timeline compares every event of a busy day with up to 64 others each
//! time the day is merged again, so words are interned once, when an event enters the
//! corpus: a comparison then walks two sorted lists of integers instead of strings, and
//! the day's word index hashes integers. The table only grows (a word's id never
//! changes); ids carry no meaning beyond equality, so nothing shown depends on them.

use rustc_hash::FxHashMap;

use crate::language::words;

/// Word ids, handed out in the order words are first seen.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    ids: FxHashMap<String, u32>,
    /// Whether the word with this id holds a digit.
    numeric: Vec<bool>,
}

/// An event text's content words.
#[derive(Debug, Clone, Default)]
pub struct Words {
    /// The ids in the alphabetical order of their words (the order candidates are looked
    /// up in, so that which candidates a crowded day considers does not depend on ids).
    pub ordered: Vec<u32>,
    /// The same ids, sorted by id: the overlap walks these.
    sorted: Vec<u32>,
    /// The ids of the words that hold a digit, sorted by id.
    numbers: Vec<u32>,
}

impl Lexicon {
    /// The content words of `text`: distinct, no stop words, no words shorter than three
    /// letters unless they hold a digit.
    pub fn words(&mut self, text: &str) -> Words {
        let normalised = normalise(text);
        let mut found: Vec<&str> = normalised
            .split(' ')
            .filter(|w| {
                (w.chars().count() >= 3 || w.chars().any(|c| c.is_ascii_digit()))
                    && !is_stop_word(w)
            })
            .collect();
        found.sort_unstable();
        found.dedup();
        let ordered: Vec<u32> = found.into_iter().map(|w| self.id(w)).collect();
        let mut sorted = ordered.clone();
        sorted.sort_unstable();
        let numbers = sorted
            .iter()
            .copied()
            .filter(|&id| self.numeric[id as usize])
            .collect();
        Words {
            ordered,
            sorted,
            numbers,
        }
    }

    /// The id of `word`; a word seen for the first time is stored (the only copy made).
    fn id(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
        let id = self.numeric.len() as u32;
        self.numeric.push(word.bytes().any(|c| c.is_ascii_digit()));
        self.ids.insert(word.to_string(), id);
        id
    }
}

/// Words that say nothing about which event a text reports: stop words, auxiliaries,
/// reporting verbs and connectives (`language::words`).
fn is_stop_word(w: &str) -> bool {
    words::is_stop_word(w)
        || words::is_auxiliary(w)
        || words::is_reporting_verb(w)
        || words::CONNECTIVES.contains(&w)
}

/// Lower-case words with letters and digits only, single spaces.
pub fn normalise(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Dice coefficient of two events' words; 0 when their numbers differ ("voted 9 to 4"
/// is not "voted 9 to 5"). Both must come from one [`Lexicon`].
pub fn dice(a: &Words, b: &Words) -> f64 {
    if a.sorted.is_empty() || b.sorted.is_empty() || a.numbers != b.numbers {
        return 0.0;
    }
    let shared = crate::analysis::summary::overlap(&a.sorted, &b.sorted);
    2.0 * shared as f64 / (a.sorted.len() + b.sorted.len()) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dice_counts_shared_words_and_refuses_other_numbers() {
        let cases: [(&str, &str, f64); 7] = [
            (
                "Ministers signed the water accord",
                "Ministers signed the water accord",
                1.0,
            ),
            // ministers signed water accord / ministers water accord: 3 shared of 4 + 3
            (
                "Ministers signed the water accord",
                "The water accord of ministers",
                6.0 / 7.0,
            ),
            (
                "Ministers signed the water accord",
                "Dockers struck at the port",
                0.0,
            ),
            ("The council voted 9 to 4", "The council voted 9 to 4", 1.0),
            ("The council voted 9 to 4", "The council voted 9 to 5", 0.0),
            ("The council voted 9 to 4", "The council voted 4 to 9", 1.0),
            ("", "Ministers signed", 0.0),
        ];
        for (a, b, want) in cases {
            // one table, words seen in either order: ids must not matter
            for first in [a, b] {
                let mut lexicon = Lexicon::default();
                lexicon.words(first);
                let (wa, wb) = (lexicon.words(a), lexicon.words(b));
                let got = dice(&wa, &wb);
                assert!((got - want).abs() < 1e-9, "{a:?} / {b:?}: {got} != {want}");
                assert_eq!(got, dice(&wb, &wa), "symmetric");
            }
        }
    }

    #[test]
    fn words_keep_alphabetical_order_whatever_their_ids() {
        let mut lexicon = Lexicon::default();
        lexicon.words("zebra crossing");
        let words = lexicon.words("Apple picked zebra");
        let names: Vec<&str> = words
            .ordered
            .iter()
            .map(|&id| {
                lexicon
                    .ids
                    .iter()
                    .find(|&(_, &v)| v == id)
                    .map(|(k, _)| k.as_str())
                    .unwrap()
            })
            .collect();
        assert_eq!(names, ["apple", "picked", "zebra"]);
        assert_eq!(words.sorted.len(), 3);
        assert!(words.numbers.is_empty());
    }
}
