//! Training: CoNLL documents in, a [`Model`] out. Used by `examples/train_ner.rs` only.
//!
//! Each stage is a structured averaged perceptron (Collins 2002): decode a sentence with
//! Viterbi under the current weights, and where the prediction differs from the gold
//! labels, add one to the gold labels' weights and subtract one from the predicted
//! ones, for the word features and the transitions. The model keeps the average of the
//! weights over all steps (computed lazily with the `w - u / c` trick), which
//! generalises far better than the last weights. Features seen fewer than `min_count`
//! times in training are dropped.
//!
//! Stage two needs first-pass labels on the training documents that are as wrong as
//! they will be on new text, so they come from jackknifing: the training documents are
//! cut into `folds` parts and each part is labelled by a first stage trained on the
//! others. Everything is deterministic for a given seed (the sentence order of each
//! epoch is a seeded shuffle).

use super::conll::{Document, Scores};
use super::features::Doc;
use super::labels::COUNT;
use super::model::{Model, Stage, viterbi};

/// Training settings (see `examples/train_ner.rs` for the defaults).
#[derive(Debug, Clone, Copy)]
pub struct TrainOptions {
    /// Feature table size: `2^bits` rows.
    pub bits: u32,
    /// Passes over the training data, per stage.
    pub epochs: usize,
    /// Seed of the shuffles.
    pub seed: u64,
    /// Features seen fewer times than this are ignored.
    pub min_count: u32,
    /// 1: local features only; 2: add the document-level second stage.
    pub stages: usize,
    /// Jackknife folds for the second stage's training input.
    pub folds: usize,
    /// Percentage of training documents that are cut into one-sentence documents, so
    /// the model also learns to tag without document context (short texts, headlines).
    pub isolate: u32,
    /// Percentage of training sentences written in capitals (the labels stay), so the
    /// model learns to read words without case (headlines, all-lowercase text).
    pub uncase: u32,
    /// Percentage of training documents with "U.S." written "US" (and "UK", "UN", "EU"),
    /// as most news sites write them today.
    pub modern: u32,
}

/// Today's style for the abbreviations that 1990s Reuters wrote with periods.
fn modernise(word: &mut String) {
    let modern = match word.as_str() {
        "U.S." => "US",
        "U.K." => "UK",
        "U.N." => "UN",
        "E.U." => "EU",
        _ => return,
    };
    *word = modern.to_string();
}

/// Cuts `isolate` percent of the documents (a seeded choice) into one-sentence documents,
/// writes `uncase` percent of the sentences in capitals and `modern` percent of the
/// documents in today's abbreviation style ("US" for "U.S.").
fn augment(docs: &[Document], opts: &TrainOptions) -> Vec<Document> {
    let mut rng = Rng(opts.seed ^ 0x15_01a7e);
    let mut out = Vec::with_capacity(docs.len());
    for d in docs {
        let mut d = d.clone();
        let modern = rng.next() % 100 < opts.modern as u64;
        for s in &mut d.sentences {
            if modern {
                s.words.iter_mut().for_each(modernise);
            }
            if rng.next() % 100 < opts.uncase as u64 {
                s.words.iter_mut().for_each(|w| *w = w.to_uppercase());
            }
        }
        let percent = opts.isolate;
        if rng.next() % 100 < percent as u64 {
            out.extend(
                d.sentences
                    .into_iter()
                    .map(|s| Document { sentences: vec![s] }),
            );
        } else {
            out.push(d);
        }
    }
    out
}

/// One document prepared for training: its words and gold labels, with the features of
/// one stage precomputed.
struct Prepared {
    doc: Doc,
    gold: Vec<u8>,
    feats: Vec<u32>,
    offsets: Vec<u32>,
}

impl Prepared {
    fn new(d: &Document, gaz: &super::gazetteer::Gazetteer) -> Prepared {
        let words: Vec<Vec<&str>> = d
            .sentences
            .iter()
            .map(|s| s.words.iter().map(String::as_str).collect())
            .collect();
        let gold = d
            .sentences
            .iter()
            .flat_map(|s| s.labels.iter().copied())
            .collect();
        Prepared {
            doc: Doc::new(&words, gaz),
            gold,
            feats: Vec::new(),
            offsets: Vec::new(),
        }
    }

    fn compute(&mut self, bits: u32, stage2: bool) {
        self.feats.clear();
        self.offsets.clear();
        self.offsets.push(0);
        for range in self.doc.sentences().to_vec() {
            for i in range.clone() {
                self.doc.features(&range, i, bits, stage2, &mut self.feats);
                self.offsets.push(self.feats.len() as u32);
            }
        }
    }

    fn word_feats(&self, i: usize) -> &[u32] {
        &self.feats[self.offsets[i] as usize..self.offsets[i + 1] as usize]
    }
}

/// Weights being learned: current `w`, and `u` for the lazy average.
struct Perceptron {
    w: Vec<i32>,
    u: Vec<i64>,
    tw: [[i32; COUNT]; COUNT + 1],
    tu: [[i64; COUNT]; COUNT + 1],
    step: i64,
    active: Vec<bool>,
}

impl Perceptron {
    fn new(bits: u32, data: &[&Prepared], min_count: u32) -> Perceptron {
        let rows = 1usize << bits;
        let mut counts = vec![0u32; rows];
        for p in data {
            for &f in &p.feats {
                counts[f as usize] = counts[f as usize].saturating_add(1);
            }
        }
        Perceptron {
            w: vec![0; rows * COUNT],
            u: vec![0; rows * COUNT],
            tw: [[0; COUNT]; COUNT + 1],
            tu: [[0; COUNT]; COUNT + 1],
            step: 1,
            active: counts.iter().map(|&c| c >= min_count).collect(),
        }
    }

    fn emissions(&self, feats: &[u32]) -> [i32; COUNT] {
        let mut s = [0i32; COUNT];
        for &f in feats.iter().filter(|&&f| self.active[f as usize]) {
            let row = &self.w[f as usize * COUNT..f as usize * COUNT + COUNT];
            for (acc, &w) in s.iter_mut().zip(row) {
                *acc += w;
            }
        }
        s
    }

    fn bump(&mut self, feats: &[u32], label: u8, delta: i32) {
        for &f in feats.iter().filter(|&&f| self.active[f as usize]) {
            let k = f as usize * COUNT + label as usize;
            self.w[k] += delta;
            self.u[k] += self.step * delta as i64;
        }
    }

    fn bump_transition(&mut self, prev: Option<u8>, label: u8, delta: i32) {
        let r = prev.map_or(0, |p| p as usize + 1);
        self.tw[r][label as usize] += delta;
        self.tu[r][label as usize] += self.step * delta as i64;
    }

    /// One perceptron step on one sentence (`range` of word indices of `p`).
    fn learn(
        &mut self,
        p: &Prepared,
        range: std::ops::Range<usize>,
        scores: &mut Vec<[i32; COUNT]>,
        pred: &mut Vec<u8>,
    ) {
        scores.clear();
        scores.extend(range.clone().map(|i| self.emissions(p.word_feats(i))));
        pred.clear();
        pred.resize(range.len(), 0);
        viterbi(scores, &self.tw, pred);
        let gold = &p.gold[range.clone()];
        if pred.as_slice() != gold {
            for (k, i) in range.enumerate() {
                if pred[k] != gold[k] {
                    self.bump(p.word_feats(i), gold[k], 1);
                    self.bump(p.word_feats(i), pred[k], -1);
                }
                let (gp, pp) = (
                    k.checked_sub(1).map(|j| gold[j]),
                    k.checked_sub(1).map(|j| pred[j]),
                );
                if (gp, gold[k]) != (pp, pred[k]) {
                    self.bump_transition(gp, gold[k], 1);
                    self.bump_transition(pp, pred[k], -1);
                }
            }
        }
        self.step += 1;
    }

    /// The averaged weights, quantised to 16 bits.
    fn export(&self) -> Stage {
        let c = self.step as f64;
        let avg = |w: i32, u: i64| w as f64 - u as f64 / c;
        let mut max = 0f64;
        for (&w, &u) in self.w.iter().zip(&self.u) {
            max = max.max(avg(w, u).abs());
        }
        let scale = if max > 0.0 { 32_000.0 / max } else { 1.0 };
        let weights = self
            .w
            .iter()
            .zip(&self.u)
            .map(|(&w, &u)| (avg(w, u) * scale).round() as i16)
            .collect();
        let mut trans = [[0i32; COUNT]; COUNT + 1];
        for ((row, w), u) in trans.iter_mut().zip(&self.tw).zip(&self.tu) {
            for ((t, &w), &u) in row.iter_mut().zip(w).zip(u) {
                *t = (avg(w, u) * scale).round() as i32;
            }
        }
        Stage { weights, trans }
    }
}

/// A seeded SplitMix64 generator for the shuffles.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

/// Trains one stage on prepared documents (features already computed).
fn train_stage(
    opts: &TrainOptions,
    data: &[&Prepared],
    seed: u64,
    mut log: impl FnMut(usize, &Stage),
) -> Stage {
    let mut perceptron = Perceptron::new(opts.bits, data, opts.min_count);
    let mut order: Vec<(usize, usize)> = data
        .iter()
        .enumerate()
        .flat_map(|(d, p)| (0..p.doc.sentences().len()).map(move |s| (d, s)))
        .collect();
    let mut rng = Rng(seed);
    let (mut scores, mut pred) = (Vec::new(), Vec::new());
    for epoch in 0..opts.epochs {
        rng.shuffle(&mut order);
        for &(d, s) in &order {
            let range = data[d].doc.sentences()[s].clone();
            perceptron.learn(data[d], range, &mut scores, &mut pred);
        }
        log(epoch + 1, &perceptron.export());
    }
    perceptron.export()
}

/// Scores `model` on documents, with or without the boundary repairs.
pub fn evaluate(model: &Model, docs: &[Document], repair: bool) -> Scores {
    let mut scores = Scores::default();
    for d in docs {
        let words: Vec<Vec<&str>> = d
            .sentences
            .iter()
            .map(|s| s.words.iter().map(String::as_str).collect())
            .collect();
        let pred = if repair {
            super::tag_words(model, &words)
        } else {
            super::tag_words_unrepaired(model, &words)
        };
        let mut at = 0;
        for s in &d.sentences {
            scores.add(&s.labels, &pred[at..at + s.labels.len()]);
            at += s.labels.len();
        }
    }
    scores
}

/// First-pass labels for every training document, each from a first stage trained
/// without it (see the module docs).
fn jackknife(
    opts: &TrainOptions,
    data: &mut [Prepared],
    log: &mut dyn FnMut(String),
) -> Vec<Vec<u8>> {
    let folds = opts.folds.max(2);
    let mut first_pass: Vec<Vec<u8>> = vec![Vec::new(); data.len()];
    for fold in 0..folds {
        let (held, rest): (Vec<usize>, Vec<usize>) =
            (0..data.len()).partition(|d| d % folds == fold);
        let part: Vec<&Prepared> = rest.iter().map(|&d| &data[d]).collect();
        let stage = train_stage(opts, &part, opts.seed ^ (fold as u64 + 1), |_, _| {});
        let fold_model = Model {
            bits: opts.bits,
            stages: vec![stage],
        };
        for d in held {
            first_pass[d] = fold_model.tag(&mut data[d].doc);
        }
        log(format!("jackknife fold {}/{folds} done", fold + 1));
    }
    first_pass
}

/// Trains a model; `log` receives progress lines (with dev F1 per epoch when `dev` is
/// not empty).
pub fn train(
    opts: &TrainOptions,
    train: &[Document],
    dev: &[Document],
    log: &mut dyn FnMut(String),
) -> Model {
    let gaz = super::gazetteer();
    let train = augment(train, opts);
    let mut data: Vec<Prepared> = train.iter().map(|d| Prepared::new(d, gaz)).collect();
    for p in &mut data {
        p.compute(opts.bits, false);
    }
    let report = |name: &str, model: &Model, epoch: usize, log: &mut dyn FnMut(String)| {
        if !dev.is_empty() {
            let s = evaluate(model, dev, true);
            log(format!(
                "{name} epoch {epoch}: dev F1 {:.2} (P {:.2} R {:.2})",
                s.overall.f1(),
                s.overall.precision(),
                s.overall.recall()
            ));
        }
    };
    let all: Vec<&Prepared> = data.iter().collect();
    let first = train_stage(opts, &all, opts.seed, |epoch, stage| {
        let model = Model {
            bits: opts.bits,
            stages: vec![stage.clone()],
        };
        report("stage 1", &model, epoch, log);
    });
    let mut model = Model {
        bits: opts.bits,
        stages: vec![first],
    };
    if opts.stages < 2 {
        return model;
    }
    let first_pass = jackknife(opts, &mut data, log);
    for (p, labels) in data.iter_mut().zip(&first_pass) {
        p.doc.set_first_pass(labels);
        p.compute(opts.bits, true);
    }
    let all: Vec<&Prepared> = data.iter().collect();
    let second = train_stage(opts, &all, opts.seed.rotate_left(17), |epoch, stage| {
        let m = Model {
            bits: opts.bits,
            stages: vec![model.stages[0].clone(), stage.clone()],
        };
        report("stage 2", &m, epoch, log);
    });
    model.stages.push(second);
    model
}
