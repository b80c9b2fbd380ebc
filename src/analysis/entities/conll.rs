//! CoNLL-2003 files in, documents of labelled sentences out; and conlleval-style scoring.
//!
//! The format is one `TOKEN POS CHUNK NER` line per word, a blank line between
//! sentences and `-DOCSTART-` lines between documents. Labels may be IOB1 or IOB2 (they
//! are read as IOB2). Only the first and last columns are used, so two-column files
//! work too. Used by the training and evaluation examples, never at analysis time.

use std::fmt::Write as _;

use super::labels::{self, TYPES};

/// A sentence: words and their gold labels.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sentence {
    pub words: Vec<String>,
    pub labels: Vec<u8>,
}

/// A document: its sentences in order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Document {
    pub sentences: Vec<Sentence>,
}

/// Parses a CoNLL file's text into documents (a file without `-DOCSTART-` is one document).
pub fn parse(text: &str) -> Vec<Document> {
    let mut docs = vec![Document::default()];
    let mut sentence = Sentence::default();
    let flush = |sentence: &mut Sentence, docs: &mut Vec<Document>| {
        if !sentence.words.is_empty() {
            labels::to_iob2(&mut sentence.labels);
            docs.last_mut()
                .into_iter()
                .for_each(|d| d.sentences.push(std::mem::take(sentence)));
        }
    };
    for line in text.lines() {
        let mut cols = line.split_whitespace();
        let Some(word) = cols.next() else {
            flush(&mut sentence, &mut docs);
            continue;
        };
        if word == "-DOCSTART-" {
            flush(&mut sentence, &mut docs);
            if !docs.last().is_some_and(|d| d.sentences.is_empty()) {
                docs.push(Document::default());
            }
            continue;
        }
        let label = cols.next_back().map_or(0, labels::parse);
        sentence.words.push(word.to_string());
        sentence.labels.push(label);
    }
    flush(&mut sentence, &mut docs);
    docs.retain(|d| !d.sentences.is_empty());
    docs
}

/// True positives, predicted and gold entity counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub correct: usize,
    pub predicted: usize,
    pub gold: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.predicted)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.correct, self.gold)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        100.0 * a as f64 / b as f64
    }
}

/// Exact-span entity scores, overall and per type (in [`TYPES`] order).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Scores {
    pub overall: Counts,
    pub per_type: [Counts; 4],
}

impl Scores {
    /// Adds one sentence's gold and predicted labels.
    pub fn add(&mut self, gold: &[u8], pred: &[u8]) {
        let type_index = |kind| TYPES.iter().position(|&t| t == kind).unwrap_or(0);
        let g = labels::spans(gold);
        for &(_, _, kind) in &g {
            self.overall.gold += 1;
            self.per_type[type_index(kind)].gold += 1;
        }
        for span in labels::spans(pred) {
            let k = type_index(span.2);
            let hit = g.contains(&span) as usize;
            self.overall.predicted += 1;
            self.per_type[k].predicted += 1;
            self.overall.correct += hit;
            self.per_type[k].correct += hit;
        }
    }

    /// A conlleval-style report.
    pub fn report(&self, tokens: usize) -> String {
        let mut out = String::new();
        let o = self.overall;
        let _ = writeln!(
            out,
            "processed {tokens} tokens with {} phrases; found: {} phrases; correct: {}.",
            o.gold, o.predicted, o.correct
        );
        let _ = writeln!(
            out,
            "{:>8}  precision: {:6.2}%; recall: {:6.2}%; FB1: {:6.2}",
            "overall",
            o.precision(),
            o.recall(),
            o.f1()
        );
        for (kind, c) in TYPES.iter().zip(self.per_type) {
            let name = format!("{kind:?}").to_uppercase();
            let _ = writeln!(
                out,
                "{name:>8}  precision: {:6.2}%; recall: {:6.2}%; FB1: {:6.2}  {}",
                c.precision(),
                c.recall(),
                c.f1(),
                c.predicted
            );
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_documents_sentences_and_iob1() {
        let text = "-DOCSTART- -X- -X- O\n\nAlpha NNP B-NP I-ORG\nsaid VBD B-VP O\n\nBeta NNP B-NP B-PER\n\n\
                    -DOCSTART- -X- -X- O\n\nGamma NNP I-LOC\n";
        let docs = parse(text);
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].sentences.len(), 2);
        assert_eq!(docs[0].sentences[0].words, ["Alpha", "said"]);
        assert_eq!(docs[0].sentences[0].labels, [labels::parse("B-ORG"), 0]);
        assert_eq!(docs[1].sentences[0].labels, [labels::parse("B-LOC")]);
    }

    #[test]
    fn scores_exact_spans() {
        let l = |s: &str| s.split(' ').map(labels::parse).collect::<Vec<u8>>();
        let mut scores = Scores::default();
        scores.add(&l("B-PER I-PER O B-LOC"), &l("B-PER I-PER O B-ORG"));
        scores.add(&l("B-MISC O"), &l("B-MISC I-MISC"));
        assert_eq!(
            scores.overall,
            Counts {
                correct: 1,
                predicted: 3,
                gold: 3
            }
        );
        assert_eq!(
            scores.per_type[0],
            Counts {
                correct: 1,
                predicted: 1,
                gold: 1
            }
        );
        assert!((scores.overall.f1() - 100.0 / 3.0).abs() < 1e-9);
    }
}
