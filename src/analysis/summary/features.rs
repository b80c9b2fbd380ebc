//! Sentence features: the article's sentences in, one [`Candidate`] per sentence that
//! may be summarised (with its static score) and the content-word sets of all of them.
//!
//! Content words are lower-cased alphanumeric tokens that are not on the NLTK English
//! stop-word list, stemmed with Snowball English (`stems.rs`) and interned to `u32` ids per article,
//! so set operations are merges of short sorted vectors. Centrality is degree
//! centrality over shared content words, split by direction: how often the words of a
//! sentence come back in later sentences (PacSum's observation that news reuses the
//! vocabulary of its important early sentences) and how many it takes from earlier
//! ones. Both are sums over a sentence's words of per-word counts, so they cost one pass
//! over the tokens instead of a pass over all sentence pairs.

use std::borrow::Cow;

use rustc_hash::FxHashMap;
use serde::Serialize;

use super::Weights;
use super::filters;
use super::stems::Stems;
use crate::analysis::entities::Entity;
use crate::analysis::sentences::{Sentence, SentenceKind};

/// Names of the static features, in the order of [`Candidate::features`].
pub const FEATURE_NAMES: [&str; 10] = [
    "position",
    "centrality_forward",
    "centrality_backward",
    "length",
    "overlong",
    "title",
    "entities",
    "numbers",
    "quote",
    "question",
];

/// A sentence that may be chosen, with what the selection needs to know about it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Candidate {
    /// Index into the sentence list.
    pub index: usize,
    /// Static features, named by [`FEATURE_NAMES`], each scaled to about `0..=1`
    /// (penalties are positive here and get a negative coefficient).
    pub features: [f64; 10],
    /// Opens with a reference back ("He said"); never set for the first candidate.
    pub opens_with_reference: bool,
    /// Weighted sum of the features.
    pub score: f64,
}

/// Everything the selection reads.
#[derive(Debug, Default)]
pub(super) struct Document {
    /// In document order.
    pub candidates: Vec<Candidate>,
    /// Sorted, deduplicated content-word ids of every sentence (by sentence index).
    pub terms: Vec<Vec<u32>>,
}

pub(super) use crate::language::words::is_stop_word;

/// Maps words to content-word ids for one article. Keys borrow from the article where
/// the word is already lower case (most words), so few strings are allocated.
struct Vocabulary<'a> {
    stemmer: Stems,
    /// Lower-cased word to its id, `None` for stop words.
    words: FxHashMap<Cow<'a, str>, Option<u32>>,
    /// Stem to id.
    stems: FxHashMap<Cow<'a, str>, u32>,
}

/// The token in lower case, borrowed when it already is.
fn lower_case(token: &str) -> Cow<'_, str> {
    if !token.bytes().any(|b| b.is_ascii_uppercase()) && token.is_ascii() {
        Cow::Borrowed(token)
    } else if token.is_ascii() {
        Cow::Owned(token.to_ascii_lowercase())
    } else {
        Cow::Owned(token.chars().flat_map(char::to_lowercase).collect())
    }
}

impl<'a> Vocabulary<'a> {
    fn new() -> Self {
        // Room for the distinct words of a typical article without regrowing.
        let capacity = 512;
        Vocabulary {
            stemmer: Stems::new(),
            words: FxHashMap::with_capacity_and_hasher(capacity, Default::default()),
            stems: FxHashMap::with_capacity_and_hasher(capacity, Default::default()),
        }
    }

    fn id(&mut self, token: &'a str) -> Option<u32> {
        let lower = lower_case(token);
        if let Some(&id) = self.words.get(lower.as_ref()) {
            return id;
        }
        let id = if lower.chars().nth(1).is_none() || is_stop_word(lower.as_ref()) {
            None
        } else {
            let stem = self.stemmer.stem(lower.clone());
            let next = self.stems.len() as u32;
            Some(*self.stems.entry(stem).or_insert(next))
        };
        self.words.insert(lower, id);
        id
    }

    /// Sorted, deduplicated content-word ids of `text`.
    fn terms(&mut self, text: &'a str) -> Vec<u32> {
        let mut ids: Vec<u32> = Vec::with_capacity(text.len() / 6);
        // ASCII text (the common case) splits on ASCII classes, without Unicode tables.
        let ascii = text.is_ascii();
        for token in text
            .split(|c: char| {
                if ascii {
                    !c.is_ascii_alphanumeric()
                } else {
                    !c.is_alphanumeric()
                }
            })
            .filter(|t| !t.is_empty())
        {
            ids.extend(self.id(token));
        }
        ids.sort_unstable();
        ids.dedup();
        ids
    }
}

/// The sentence's text, or "" if its span does not fit `prose` (never panics on a
/// caller's mismatched input).
pub(super) fn text_of<'a>(prose: &'a str, sentence: &Sentence) -> &'a str {
    prose.get(sentence.start..sentence.end).unwrap_or("")
}

/// Size of the intersection of two sorted lists without repeats (ids here; the merged
/// timeline's word lists in `corpus::timeline`).
pub(crate) fn overlap<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Cosine of two content-word sets.
pub(super) fn cosine(a: &[u32], b: &[u32]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    overlap(a, b) as f64 / ((a.len() * b.len()) as f64).sqrt()
}

/// Raw measurements of one candidate, before weighting.
struct Raw {
    index: usize,
    /// Index of the sentence's paragraph (blank-line separated) in the article.
    paragraph: usize,
    words: usize,
    forward: f64,
    backward: f64,
    title: f64,
    entities: f64,
    numbers: f64,
    quote: f64,
    question: bool,
    reference: bool,
}

/// Builds the candidates and their static scores.
pub(super) fn document(
    prose: &str,
    title: &str,
    sentences: &[Sentence],
    entities: &[Entity],
    weights: &Weights,
) -> Document {
    let mut vocabulary = Vocabulary::new();
    let terms: Vec<Vec<u32>> = sentences
        .iter()
        .map(|s| vocabulary.terms(text_of(prose, s)))
        .collect();
    let title_terms = vocabulary.terms(title);
    let (forward, backward) = directed_degree(&terms, vocabulary.stems.len());

    let paragraphs = paragraph_indices(prose, sentences);
    let mut raws = Vec::new();
    for (index, sentence) in sentences.iter().enumerate() {
        let text = text_of(prose, sentence);
        let shape = Shape::of(text);
        if sentence.kind != SentenceKind::Prose
            || !filters::is_candidate(text, shape.words, weights.min_words)
        {
            continue;
        }
        let words = shape.words as f64;
        let norm = (terms[index].len().max(1) as f64).powf(weights.centrality_length_exponent);
        let title = if title_terms.is_empty() {
            0.0
        } else {
            overlap(&terms[index], &title_terms) as f64 / title_terms.len() as f64
        };
        let entities = if entities.is_empty() {
            shape.capitalised
        } else {
            let from = entities.partition_point(|e| e.start < sentence.start);
            entities.partition_point(|e| e.start < sentence.end) - from
        };
        raws.push(Raw {
            index,
            paragraph: paragraphs[index],
            words: shape.words,
            forward: forward[index] / norm,
            backward: backward[index] / norm,
            title,
            entities: entities as f64 / words,
            numbers: shape.numbers as f64 / words,
            quote: if filters::opens_with_quote(text) || filters::opens_in_first_person(text) {
                1.0
            } else {
                filters::quoted_share(text)
            },
            question: filters::is_question(text),
            reference: filters::opens_with_reference(text),
        });
    }
    let candidates = score(&raws, weights);
    Document { candidates, terms }
}

/// For each sentence, the index of its paragraph: a blank line between two sentences
/// starts a new one.
fn paragraph_indices(prose: &str, sentences: &[Sentence]) -> Vec<usize> {
    let mut out = Vec::with_capacity(sentences.len());
    let (mut paragraph, mut previous_end) = (0, 0);
    for s in sentences {
        let gap = prose.get(previous_end.min(s.start)..s.start).unwrap_or("");
        if !out.is_empty()
            && gap.split('\n').skip(1).any(|line| line.trim().is_empty())
            && gap.matches('\n').count() >= 2
        {
            paragraph += 1;
        }
        out.push(paragraph);
        previous_end = s.end;
    }
    out
}

/// Rank of each candidate for the position feature: the rank of its paragraph among
/// the candidates' paragraphs, but at least half its own rank. The lead of a story is
/// its first paragraphs, whether they hold one sentence each (wire style: the rank is
/// the sentence's) or a few; half the sentence rank keeps one long paragraph from
/// counting as lead all the way through. A text without paragraphs is one sentence to
/// a paragraph.
fn position_ranks(raws: &[Raw]) -> Vec<f64> {
    let paragraphed = raws
        .first()
        .zip(raws.last())
        .is_some_and(|(a, b)| a.paragraph != b.paragraph);
    let mut ranks = Vec::with_capacity(raws.len());
    let mut paragraph_rank = 0;
    for (i, r) in raws.iter().enumerate() {
        if i > 0 && (!paragraphed || r.paragraph != raws[i - 1].paragraph) {
            paragraph_rank += 1;
        }
        ranks.push(f64::from(paragraph_rank).max(i as f64 / 2.0));
    }
    ranks
}

/// For each sentence: the summed counts of its words in later and in earlier sentences.
fn directed_degree(terms: &[Vec<u32>], vocabulary: usize) -> (Vec<f64>, Vec<f64>) {
    let mut total = vec![0u32; vocabulary];
    for set in terms {
        for &t in set {
            total[t as usize] += 1;
        }
    }
    let mut seen = vec![0u32; vocabulary];
    let mut forward = Vec::with_capacity(terms.len());
    let mut backward = Vec::with_capacity(terms.len());
    for set in terms {
        let (mut f, mut b) = (0u32, 0u32);
        for &t in set {
            b += seen[t as usize];
            f += total[t as usize] - seen[t as usize] - 1;
        }
        for &t in set {
            seen[t as usize] += 1;
        }
        forward.push(f64::from(f));
        backward.push(f64::from(b));
    }
    (forward, backward)
}

/// Counts over a sentence's whitespace-separated words, in one pass.
struct Shape {
    /// Words with a letter or digit.
    words: usize,
    /// Capitalised words after the first: a stand-in for entity mentions when no
    /// entities are given (needs no model).
    capitalised: usize,
    /// Words with a digit.
    numbers: usize,
}

impl Shape {
    fn of(text: &str) -> Self {
        let mut shape = Shape {
            words: 0,
            capitalised: 0,
            numbers: 0,
        };
        for (i, w) in text.split_whitespace().enumerate() {
            let mut alnum = w.chars().filter(|c| c.is_alphanumeric());
            let Some(first) = alnum.next() else { continue };
            shape.words += 1;
            shape.capitalised += usize::from(i > 0 && first.is_uppercase());
            shape.numbers += usize::from(w.bytes().any(|b| b.is_ascii_digit()));
        }
        shape
    }
}

/// Scales the raw measurements to features and scores them.
fn score(raws: &[Raw], w: &Weights) -> Vec<Candidate> {
    let max = |f: fn(&Raw) -> f64| {
        raws.iter()
            .map(f)
            .fold(0.0, f64::max)
            .max(f64::MIN_POSITIVE)
    };
    let (max_forward, max_backward) = (max(|r| r.forward), max(|r| r.backward));
    let (max_entities, max_numbers) = (max(|r| r.entities), max(|r| r.numbers));
    let coefficients = w.coefficients();
    let ranks = position_ranks(raws);

    raws.iter()
        .enumerate()
        .map(|(rank, r)| {
            let words = r.words as f64;
            let position =
                1.0 / (1.0 + (ranks[rank] / w.position_scale.max(1e-3)).powf(w.position_sharpness));
            let features = [
                position,
                r.forward / max_forward,
                r.backward / max_backward,
                words.min(w.length_target) / w.length_target.max(1.0),
                (words - w.length_limit).max(0.0) / w.length_limit.max(1.0),
                r.title,
                r.entities / max_entities,
                r.numbers / max_numbers,
                r.quote,
                f64::from(u8::from(r.question)),
            ];
            let score = features.iter().zip(coefficients).map(|(f, c)| f * c).sum();
            Candidate {
                index: r.index,
                features,
                opens_with_reference: r.reference && rank > 0,
                score,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_words_are_stemmed_and_stop_words_dropped() {
        let mut v = Vocabulary::new();
        let a = v.terms("The troops were moving to the border.");
        let b = v.terms("A troop moved to the borders!");
        assert_eq!(a.len(), 3, "troops, moving, border");
        assert_eq!(overlap(&a, &b), 3);
        assert!(v.terms("and the of it was").is_empty());
    }

    /// Paragraphs of sentences joined as an article: sentences by ". ", paragraphs by
    /// a blank line.
    fn article(paragraphs: &[&[&str]]) -> (String, Vec<Sentence>) {
        let mut prose = String::new();
        let mut sentences = Vec::new();
        for (p, paragraph) in paragraphs.iter().enumerate() {
            if p > 0 {
                prose.push_str("\n\n");
            }
            for (i, s) in paragraph.iter().enumerate() {
                if i > 0 {
                    prose.push(' ');
                }
                let start = prose.len();
                prose.push_str(s);
                sentences.push(Sentence {
                    start,
                    end: prose.len(),
                    kind: SentenceKind::Prose,
                });
            }
        }
        (prose, sentences)
    }

    #[test]
    fn position_counts_paragraphs_or_else_sentences() {
        let s = [
            "The council approved the new harbour budget on Monday night.",
            "Members voted eleven to four after a long debate in the chamber.",
            "The budget adds two ferries and repairs the old northern pier.",
            "Work on the pier is expected to begin before the summer season.",
            "Opponents said the ferries should have been leased, not bought.",
        ];
        let cases: [(&[&[&str]], [f64; 5]); 4] = [
            (&[&s], [0.0, 1.0, 2.0, 3.0, 4.0]),
            (&[&s[..1], &s[1..4], &s[4..]], [0.0, 1.0, 1.0, 1.5, 2.0]),
            (
                &[&s[..1], &s[1..2], &s[2..3], &s[3..4], &s[4..]],
                [0.0, 1.0, 2.0, 3.0, 4.0],
            ),
            // one long paragraph and a short tail: the lead still ends
            (&[&s[..4], &s[4..]], [0.0, 0.5, 1.0, 1.5, 2.0]),
        ];
        let w = Weights::base();
        for (paragraphs, want) in cases {
            let (prose, sentences) = article(paragraphs);
            let doc = document(&prose, "", &sentences, &[], &w);
            let got: Vec<f64> = doc.candidates.iter().map(|c| c.features[0]).collect();
            let expected: Vec<f64> = want
                .iter()
                .map(|&r| 1.0 / (1.0 + (r / w.position_scale).powf(w.position_sharpness)))
                .collect();
            assert_eq!(got, expected, "{paragraphs:?}");
        }
    }

    #[test]
    fn directed_degree_counts_reuse_in_each_direction() {
        let terms = vec![vec![0, 1], vec![0], vec![1, 2], vec![2]];
        let (forward, backward) = directed_degree(&terms, 3);
        assert_eq!(forward, [2.0, 0.0, 1.0, 0.0]);
        assert_eq!(backward, [0.0, 1.0, 1.0, 1.0]);
    }

    #[test]
    fn cosine_of_sets() {
        let cases: [(&[u32], &[u32], f64); 4] = [
            (&[1, 2], &[1, 2], 1.0),
            (&[1, 2], &[3], 0.0),
            (&[], &[1], 0.0),
            (&[1, 2, 3, 4], &[1], 0.5),
        ];
        for (a, b, want) in cases {
            assert!((cosine(a, b) - want).abs() < 1e-9, "{a:?} {b:?}");
        }
    }
}
