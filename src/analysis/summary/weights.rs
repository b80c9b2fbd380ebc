//! Every number the summariser uses, in one serialisable struct. The defaults are
//! learned: `weights.json` beside this file is written by the seeded, cross-validated
//! command in `examples/tune_summary/main.rs` (see BENCHMARKS.md) and embedded in the
//! binary; [`Weights::base`] is the hand-set starting point of that search and fills
//! any field the file leaves out.
//!
//! A sentence's static score is the weighted sum of its features (see `features.rs`),
//! each scaled to about `0..=1`; the greedy selection then subtracts the dynamic
//! penalties (redundancy with what is already chosen, an unresolved opening reference).
//! The shape parameters below (decay, targets, limits) say how a raw measurement
//! becomes a feature.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

/// Feature weights and shape parameters of the summariser.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default = "Weights::base", deny_unknown_fields)]
pub struct Weights {
    /// Weight of the position feature `1 / (1 + (r / position_scale) ^ position_sharpness)`,
    /// r = rank of the candidate's paragraph (of the candidate itself in a text without
    /// paragraphs): a soft step that keeps the lead (the inverted pyramid's first few
    /// paragraphs) near 1 and falls to 0 after it.
    pub position: f64,
    /// Rank at which the position feature is 1/2.
    pub position_scale: f64,
    /// How sharp the step is (1 = hyperbolic decay, higher = closer to a cut-off).
    pub position_sharpness: f64,
    /// How many sentences the position feature helps choose: after this many, the
    /// greedy selection ranks the rest without it.
    pub lead_picks: usize,
    /// Centrality from later sentences: how much of this sentence's vocabulary the rest
    /// of the article goes on to reuse (degree centrality with edges to later sentences).
    pub centrality_forward: f64,
    /// Centrality from earlier sentences (edges to preceding sentences).
    pub centrality_backward: f64,
    /// Centrality is divided by `content_words ^ exponent`: 0 favours long sentences,
    /// 1 averages over the sentence.
    pub centrality_length_exponent: f64,
    /// Weight of `min(words, length_target) / length_target`.
    pub length: f64,
    pub length_target: f64,
    /// Penalty per `length_limit` words beyond `length_limit` (run-on captions, lists).
    pub overlong: f64,
    pub length_limit: f64,
    /// Share of the title's content words the sentence contains.
    pub title: f64,
    /// Entity mentions (or capitalised words when no entities are given) per word.
    pub entities: f64,
    /// Tokens with digits per word.
    pub numbers: f64,
    /// Penalty for a quotation: 1 for a sentence that opens with one (or in the first
    /// person), else the share of its words inside quotation marks.
    pub quote: f64,
    /// Penalty for a question.
    pub question: f64,
    /// Penalty for an opening that refers back ("He said", "However,") unless the
    /// previous sentence is chosen too.
    pub unresolved_reference: f64,
    /// Penalty times the highest content-word cosine with a chosen sentence.
    pub redundancy: f64,
    /// Above this cosine a sentence is a near-duplicate and never chosen.
    pub redundancy_max: f64,
    /// Sentences with fewer words are fragments, never chosen.
    pub min_words: usize,
    /// The lede's word budget.
    pub lede_max_words: usize,
    /// A lede cut at a clause boundary keeps at least this many words.
    pub lede_min_words: usize,
}

impl Weights {
    /// Coefficients of the static features, in the order of
    /// [`FEATURE_NAMES`](super::FEATURE_NAMES): penalties negated.
    pub fn coefficients(&self) -> [f64; 10] {
        [
            self.position,
            self.centrality_forward,
            self.centrality_backward,
            self.length,
            -self.overlong,
            self.title,
            self.entities,
            self.numbers,
            -self.quote,
            -self.question,
        ]
    }
}

/// The learned weights (see the module documentation).
const LEARNED: &str = include_str!("weights.json");

impl Default for Weights {
    /// The learned weights, parsed once.
    fn default() -> Self {
        static LEARNED_WEIGHTS: OnceLock<Weights> = OnceLock::new();
        LEARNED_WEIGHTS
            .get_or_init(|| serde_json::from_str(LEARNED).expect("weights.json is valid"))
            .clone()
    }
}

impl Weights {
    /// The hand-set starting point: the lead prior of news writing, then sentences by
    /// how much vocabulary they share with the rest of the article; the reader-facing
    /// penalties (quotes, questions, unresolved references) kept small.
    pub fn base() -> Self {
        Weights {
            position: 1.5,
            position_scale: 2.5,
            position_sharpness: 12.0,
            lead_picks: 3,
            centrality_forward: 1.0,
            centrality_backward: 1.0,
            centrality_length_exponent: 0.0,
            length: 0.0,
            length_target: 20.0,
            overlong: 0.5,
            length_limit: 50.0,
            title: 0.3,
            entities: 0.0,
            numbers: 0.1,
            quote: 0.2,
            question: 0.5,
            unresolved_reference: 0.4,
            redundancy: 0.3,
            redundancy_max: 0.7,
            min_words: 6,
            lede_max_words: 30,
            lede_min_words: 8,
        }
    }
}
