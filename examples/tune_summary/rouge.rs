//! ROUGE-1 F1 for the tuning loop: the tokenisation of Google's `rouge-score` (lower
//! case, runs of `[a-z0-9]`, words of more than three letters stemmed), with the Snowball
//! English stemmer standing in for its Porter stemmer. It is an objective for the
//! search, fast enough to call thousands of times; every reported figure comes from the
//! shared scorer (`../shared/eval/score_summary.py`) on the predictions this tool writes.

use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::FxHashMap;

/// Unigram counts as sorted `(token id, count)` pairs.
pub type Counts = Vec<(u32, u32)>;

/// Interns stemmed tokens across all articles.
pub struct Tokenizer {
    stemmer: Stemmer,
    ids: FxHashMap<String, u32>,
}

impl Tokenizer {
    pub fn new() -> Self {
        Tokenizer {
            stemmer: Stemmer::create(Algorithm::English),
            ids: FxHashMap::default(),
        }
    }

    /// Unigram counts of `text`, tokenised as `rouge-score` does.
    pub fn counts(&mut self, text: &str) -> Counts {
        let lower = text.to_lowercase();
        let mut map: FxHashMap<u32, u32> = FxHashMap::default();
        for token in lower
            .split(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit()))
            .filter(|t| !t.is_empty())
        {
            let stem = if token.len() > 3 {
                self.stemmer.stem(token).into_owned()
            } else {
                token.to_string()
            };
            let next = self.ids.len() as u32;
            let id = *self.ids.entry(stem).or_insert(next);
            *map.entry(id).or_default() += 1;
        }
        let mut out: Counts = map.into_iter().collect();
        out.sort_unstable();
        out
    }
}

/// Adds `b` into `a` (both sorted).
pub fn add(a: &Counts, b: &Counts) -> Counts {
    let mut map: FxHashMap<u32, u32> = a.iter().copied().collect();
    for &(t, n) in b {
        *map.entry(t).or_default() += n;
    }
    let mut out: Counts = map.into_iter().collect();
    out.sort_unstable();
    out
}

/// ROUGE-1 F1 (0 to 100) of a candidate against a reference.
pub fn f1(candidate: &Counts, reference: &Counts) -> f64 {
    let total = |c: &Counts| c.iter().map(|&(_, n)| n).sum::<u32>();
    let (nc, nr) = (total(candidate), total(reference));
    if nc == 0 || nr == 0 {
        return 0.0;
    }
    let (mut i, mut j, mut hits) = (0, 0, 0u32);
    while i < candidate.len() && j < reference.len() {
        match candidate[i].0.cmp(&reference[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                hits += candidate[i].1.min(reference[j].1);
                i += 1;
                j += 1;
            }
        }
    }
    let (p, r) = (
        f64::from(hits) / f64::from(nc),
        f64::from(hits) / f64::from(nr),
    );
    if hits == 0 {
        0.0
    } else {
        200.0 * p * r / (p + r)
    }
}
