//! Features: the words of one document in, for every word a list of hashed feature ids.
//!
//! A [`Doc`] is built once per document: per word it precomputes the folded word hash,
//! shapes, affixes and spelling flags ([`super::spelling`]) and gazetteer membership; per sentence whether its
//! capitals mean anything (all-caps headlines and datelines, all-lowercase text and
//! Title Case headings are "uncased": their shapes are computed as if every letter were
//! a capital, which is how CoNLL's all-caps headlines look, so the tagger learned to
//! read them from the words alone); per document how each word is written where its
//! case is informative (mid-sentence in cased text), which tells a sentence-initial or
//! headline "Essex" from "The". Stage two adds what stage one predicted for the same
//! word elsewhere in the document (see [`Doc::set_first_pass`]).
//!
//! Features are hashed into `2^bits` buckets ([`hash`]); the model stores one weight per
//! bucket and label, so there is no feature dictionary to ship or look up.

use std::collections::HashMap;
use std::ops::Range;

use super::gazetteer::{Gazetteer, LISTS};
use super::hash::{finish, mix};
use super::spelling::{Word, describe, flag, is_uncased};

/// Identifies the feature set; a model records the version it was trained with. Bump it
/// whenever features, gazetteers or hashing change.
pub(crate) const FEATURE_VERSION: u32 = 7;

/// One document's words, ready for feature extraction.
pub(crate) struct Doc {
    words: Vec<Word>,
    sentences: Vec<Range<usize>>,
}

impl Doc {
    /// Prepares a document given as sentences of words.
    pub(crate) fn new<S: AsRef<[W]>, W: AsRef<str>>(sentences: &[S], gaz: &Gazetteer) -> Doc {
        let mut words = Vec::new();
        let mut ranges = Vec::with_capacity(sentences.len());
        let mut scratch: Vec<&str> = Vec::new();
        let mut folded = Vec::new();
        let mut caps = Vec::new();
        let mut gaz_out = Vec::new();
        for sentence in sentences {
            scratch.clear();
            scratch.extend(sentence.as_ref().iter().map(AsRef::as_ref));
            let uncased = is_uncased(&scratch);
            let start = words.len();
            // The first word, and a word after an opening quote, is capitalised
            // whatever it is. Straight quotes alternate between opening and closing.
            let (mut starts, mut open) = (true, false);
            for w in &scratch {
                let mut info = describe(w, uncased);
                if info.flags & flag::PUNCT == 0 {
                    if starts {
                        info.flags |= flag::SENT_START;
                    }
                    starts = false;
                } else if *w == "\"" {
                    open = !open;
                    starts = open;
                } else if matches!(*w, "“" | "‘" | "``") {
                    starts = true;
                }
                words.push(info);
            }
            folded.clear();
            folded.extend(words[start..].iter().map(|w| w.word));
            caps.clear();
            caps.extend(scratch.iter().map(|w| !w.chars().any(char::is_lowercase)));
            gaz_out.clear();
            gaz.tag(&folded, &caps, &mut gaz_out);
            for (w, g) in words[start..].iter_mut().zip(&gaz_out) {
                w.gaz = *g;
                w.clusters = super::clusters::of(w.word);
            }
            ranges.push(start..words.len());
        }
        let mut doc = Doc {
            words,
            sentences: ranges,
        };
        doc.set_doc_case();
        doc
    }

    pub(crate) fn sentences(&self) -> &[Range<usize>] {
        &self.sentences
    }

    pub(crate) fn len(&self) -> usize {
        self.words.len()
    }

    /// Records how each word is written where case is informative.
    fn set_doc_case(&mut self) {
        let mut seen: HashMap<u64, u8> = HashMap::new();
        for w in &self.words {
            if w.flags & (flag::UNCASED | flag::SENT_START | flag::PUNCT | flag::NUMBER) != 0 {
                continue;
            }
            let case = if w.flags & flag::INIT_CAP != 0 {
                1
            } else if w.flags & flag::LOWER != 0 {
                2
            } else {
                0
            };
            *seen.entry(w.word).or_default() |= case;
        }
        for w in &mut self.words {
            w.doc_case = seen.get(&w.word).copied().unwrap_or(0);
        }
    }

    /// Stage two: `labels` are the first pass's labels for every word of the document
    /// (see [`super::labels`]); each word learns what its other occurrences got.
    pub(crate) fn set_first_pass(&mut self, labels: &[u8]) {
        let mut votes: HashMap<u64, [u16; 5]> = HashMap::new();
        for (w, &l) in self.words.iter().zip(labels) {
            if w.flags & (flag::INIT_CAP | flag::UNCASED) != 0 {
                votes.entry(w.word).or_default()[super::labels::kind_index(l)] += 1;
            }
        }
        for (w, &l) in self.words.iter_mut().zip(labels) {
            w.here_label = l;
            let Some(v) = votes.get(&w.word) else {
                continue;
            };
            let mut v = *v;
            if w.flags & (flag::INIT_CAP | flag::UNCASED) != 0 {
                v[super::labels::kind_index(l)] -= 1;
            }
            let best = (1..5).max_by_key(|&k| v[k]).unwrap_or(0);
            w.doc_label = if v[best] > 0 && v[best] >= v[0] {
                best as u8
            } else {
                0
            };
        }
    }

    /// Appends the feature buckets of word `i` (of sentence `sentence`) to `out`.
    pub(crate) fn features(
        &self,
        sentence: &Range<usize>,
        i: usize,
        bits: u32,
        stage2: bool,
        out: &mut Vec<u32>,
    ) {
        let at = |k: isize| -> Option<&Word> {
            let j = i as isize + k;
            (j >= sentence.start as isize && j < sentence.end as isize)
                .then(|| &self.words[j as usize])
        };
        let win = Window {
            w: &self.words[i],
            p1: at(-1),
            n1: at(1),
            p2: at(-2),
            n2: at(2),
        };
        let mut f = Emit { bits, out };
        win.lexical(&mut f);
        win.spelling(&mut f);
        win.clusters(&mut f);
        if stage2 {
            win.document(&mut f);
        }
    }
}

/// A word and its neighbours (`None` beyond the sentence).
struct Window<'a> {
    w: &'a Word,
    p1: Option<&'a Word>,
    n1: Option<&'a Word>,
    p2: Option<&'a Word>,
    n2: Option<&'a Word>,
}

impl Window<'_> {
    fn context(&self) -> u64 {
        (self.w.flags & (flag::SENT_START | flag::UNCASED)) as u64
    }

    /// The words around, and the word with its shape and context.
    fn lexical(&self, f: &mut Emit) {
        let w = self.w;
        let word_of = |o: Option<&Word>, edge: u64| o.map_or(edge, |x| x.word);
        let (pw1, nw1) = (word_of(self.p1, 1), word_of(self.n1, 2));
        let (pw2, nw2) = (word_of(self.p2, 3), word_of(self.n2, 4));
        f.add(0, 0, 0);
        f.add(1, w.word, 0);
        f.add(2, pw1, 0);
        f.add(3, nw1, 0);
        f.add(4, pw2, 0);
        f.add(5, nw2, 0);
        f.add(6, pw1, w.word);
        f.add(7, w.word, nw1);
        f.add(28, w.word, w.shape);
        f.add(29, w.word, self.context());
        f.add(30, pw1, w.shape);
        f.add(31, w.shape, nw1);
        f.add(32, mix(pw2, pw1), w.shape);
    }

    /// Shapes, affixes, spelling flags, gazetteers and the word's case in the document.
    fn spelling(&self, f: &mut Emit) {
        let w = self.w;
        let shape_of = |o: Option<&Word>, edge: u64| o.map_or(edge, |x| x.shape);
        let (ps1, ns1) = (shape_of(self.p1, 1), shape_of(self.n1, 2));
        f.add(8, w.shape, 0);
        f.add(9, w.shape_long, 0);
        f.add(10, ps1, 0);
        f.add(11, ns1, 0);
        f.add(12, ps1, w.shape);
        f.add(13, w.shape, ns1);
        f.add(14, mix(ps1, w.shape), ns1);
        for k in 0..4 {
            if w.prefix[k] != 0 {
                f.add(15 + k as u64, w.prefix[k], 0);
            }
            if w.suffix[k] != 0 {
                f.add(19 + k as u64, w.suffix[k], 0);
            }
        }
        for b in (0..flag::COUNT).filter(|b| w.flags & (1 << b) != 0) {
            f.add(23, b as u64, 0);
        }
        let gaz_of = |o: Option<&Word>| o.map_or(0, |x| x.gaz);
        for (template, g) in [(24, w.gaz), (25, gaz_of(self.p1)), (26, gaz_of(self.n1))] {
            for b in (0..2 * LISTS as u32).filter(|b| g & (1 << b) != 0) {
                f.add(template, b as u64, if template == 24 { w.shape } else { 0 });
                f.add(template + 100, b as u64, 0);
            }
        }
        if w.doc_case != 0 {
            f.add(27, w.doc_case as u64 | self.context() << 8, w.shape);
        }
    }

    /// The word's clusters, with its shape, and its neighbours' clusters.
    fn clusters(&self, f: &mut Emit) {
        let w = self.w;
        let fine = |o: Option<&Word>, edge: u64| o.map_or(edge, |x| x.clusters[0] as u64);
        let mid = |o: Option<&Word>, edge: u64| o.map_or(edge, |x| x.clusters[1] as u64);
        let [c, m, k] = w.clusters.map(u64::from);
        f.add(50, c, 0);
        f.add(51, m, 0);
        f.add(52, k, 0);
        f.add(53, c, w.shape);
        f.add(54, fine(self.p1, 9999), 0);
        f.add(55, fine(self.n1, 9999), 0);
        f.add(56, mid(self.p1, 9999), m);
        f.add(57, m, mid(self.n1, 9999));
    }

    /// Stage two: the first pass's labels here and for the same word elsewhere.
    fn document(&self, f: &mut Emit) {
        let w = self.w;
        let here = |o: Option<&Word>| o.map_or(99, |x| x.here_label) as u64;
        let elsewhere = |o: Option<&Word>| o.map_or(99, |x| x.doc_label) as u64;
        f.add(40, w.doc_label as u64, w.shape);
        f.add(
            41,
            w.doc_label as u64,
            w.doc_case as u64 | self.context() << 8,
        );
        f.add(42, w.here_label as u64, 0);
        f.add(43, here(self.p1), w.here_label as u64);
        f.add(44, w.here_label as u64, here(self.n1));
        f.add(45, w.doc_label as u64, w.word);
        f.add(
            46,
            elsewhere(self.p1),
            w.doc_label as u64 | elsewhere(self.n1) << 8,
        );
    }
}

struct Emit<'a> {
    bits: u32,
    out: &'a mut Vec<u32>,
}

impl Emit<'_> {
    #[inline]
    fn add(&mut self, template: u64, a: u64, b: u64) {
        let h = finish(mix(mix(template.wrapping_mul(0x9e37_79b9_7f4a_7c15), a), b));
        self.out.push((h >> (64 - self.bits)) as u32);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn document_case_reveals_headline_words() {
        let gaz = Gazetteer::new();
        let doc = Doc::new(
            &[
                vec!["ESSEX", "BEAT", "THE", "CHAMPIONS"],
                vec!["Later", ",", "Essex", "beat", "the", "rest"],
            ],
            &gaz,
        );
        let case: Vec<u8> = doc.words.iter().map(|w| w.doc_case).collect();
        assert_eq!(case[..4], [1, 2, 2, 0]);
    }

    #[test]
    fn every_word_gets_features_within_the_table() {
        let gaz = Gazetteer::new();
        let doc = Doc::new(&[vec!["Mr.", "Lavrov", "'s", "view"], vec!["?"]], &gaz);
        for range in doc.sentences() {
            for i in range.clone() {
                let mut out = Vec::new();
                doc.features(range, i, 12, true, &mut out);
                assert!(out.len() > 15 && out.iter().all(|&b| b < 1 << 12));
            }
        }
    }
}
