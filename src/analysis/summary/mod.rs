//! Extractive summary: the article's sentences in, the indices of the best `k` (in
//! document order), a ranking of all candidates and a one-line lede out.
//!
//! One method for every source, no per-source switch: each sentence that may be
//! summarised (not a heading, caption, credit, byline or fragment: `filters.rs`) gets
//! a static score, a weighted sum of position, directed centrality over stemmed
//! content words, length, title overlap, entity and number density, and penalties for
//! quotations and questions (`features.rs`). Sentences are then chosen greedily, best
//! first, with two penalties that depend on what is already chosen: redundancy (content
//! cosine with a chosen sentence; near-duplicates are never taken) and an opening that
//! refers back ("He said", "However,") when the sentence before it is not chosen.
//! Greedy selection makes the choices nested: the best `k + 1` sentences contain the
//! best `k`, so one ranking serves every budget (the evaluation scorer reads the first
//! k indices, with k differing between datasets). All numbers live in [`Weights`],
//! learned by a seeded, cross-validated command (see `weights.rs`).
//!
//! Position is counted in paragraphs (in sentences for a text without paragraphs) and
//! is a soft step over the first three: the lead of an inverted-pyramid story, whether
//! it is written one sentence to a paragraph or several. And it only helps choose the
//! first `lead_picks` (3) sentences: a short summary is mostly the cleaned-up lead,
//! and every sentence after those is chosen for how much of the article it covers.
//! This one rule is what lets the same method beat Lead-3 on lead-heavy news (CNN/DM)
//! and TextRank on news whose summaries come from all over the article (BBC); see
//! BENCHMARKS.md.
//!
//! Deterministic: no clock, no randomness, ties broken by document order. Work is
//! linear in the text plus `ranking length x candidates` set intersections, and the
//! ranking is capped, so huge inputs stay bounded.

mod cut;
mod features;
pub(crate) use features::overlap;
mod filters;
mod lede;
mod stems;
#[cfg(test)]
mod tests;
mod weights;

pub use features::{Candidate, FEATURE_NAMES};
pub(crate) use filters::is_boilerplate;
pub use weights::Weights;

use serde::{Deserialize, Serialize};

use super::entities::Entity;
use super::sentences::Sentence;
use features::Document;

/// The ranking stops after this many sentences (more than any summary needs).
pub const MAX_RANKING: usize = 64;

/// The chosen sentences and the lede.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Summary {
    /// Indices into the sentence list, ascending (document order).
    pub sentences: Vec<usize>,
    /// One sentence of at most about 30 words.
    pub lede: String,
    /// Candidate sentences best first, in the order the greedy selection took them
    /// (at most `max(k, MAX_RANKING)`); `sentences` is its first `k`, sorted.
    #[serde(default)]
    pub ranking: Vec<usize>,
}

impl Summary {
    /// `sentences`, then the rest of `ranking`: the first `n` indices of this list are
    /// the best `n`-sentence summary for every `n >= k` (and the summary itself for
    /// `n == k`). This is the order for consumers that take a prefix, such as the
    /// `summary` field of the analysis contract.
    pub fn ranked_for_contract(&self) -> Vec<usize> {
        let mut out = self.sentences.clone();
        out.extend(self.ranking.iter().filter(|i| !self.sentences.contains(i)));
        out
    }
}

/// Picks `k` sentences that summarise the article, with the default [`Weights`].
pub fn summarize(
    prose: &str,
    title: &str,
    sentences: &[Sentence],
    entities: &[Entity],
    k: usize,
) -> Summary {
    summarize_with(prose, title, sentences, entities, k, &Weights::default())
}

/// [`summarize`] with explicit weights.
pub fn summarize_with(
    prose: &str,
    title: &str,
    sentences: &[Sentence],
    entities: &[Entity],
    k: usize,
    weights: &Weights,
) -> Summary {
    let doc = features::document(prose, title, sentences, entities, weights);
    let ranking = rank(&doc, weights, k.max(MAX_RANKING));
    let mut chosen: Vec<usize> = ranking.iter().take(k).copied().collect();
    chosen.sort_unstable();
    let order = chosen
        .iter()
        .chain(ranking.iter().filter(|i| !chosen.contains(i)));
    let texts = order.map(|&i| features::text_of(prose, &sentences[i]));
    let lede = lede::lede(texts, weights.lede_max_words, weights.lede_min_words);
    Summary {
        sentences: chosen,
        lede,
        ranking,
    }
}

/// The candidates (sentences that may be summarised) with their static features and
/// scores under `weights`, in document order: what a weight-learning run needs.
pub fn candidates(
    prose: &str,
    title: &str,
    sentences: &[Sentence],
    entities: &[Entity],
    weights: &Weights,
) -> Vec<Candidate> {
    features::document(prose, title, sentences, entities, weights).candidates
}

/// Greedy selection: up to `limit` sentence indices, best first.
fn rank(doc: &Document, w: &Weights, limit: usize) -> Vec<usize> {
    let n = doc.candidates.len();
    let mut taken = vec![false; n];
    let mut chosen_sentence = vec![false; doc.terms.len()];
    let mut max_sim = vec![0.0f64; n];
    let mut out = Vec::new();
    while out.len() < limit.min(n) {
        let mut best: Option<(usize, f64)> = None;
        for (c, cand) in doc.candidates.iter().enumerate() {
            if taken[c] || max_sim[c] > w.redundancy_max {
                continue;
            }
            let antecedent = cand.index > 0 && chosen_sentence[cand.index - 1];
            let reference = if cand.opens_with_reference && !antecedent {
                w.unresolved_reference
            } else {
                0.0
            };
            // Past the lead's share of the summary, position no longer counts.
            let lead = if out.len() < w.lead_picks {
                0.0
            } else {
                w.position * cand.features[0]
            };
            let value = cand.score - lead - w.redundancy * max_sim[c] - reference;
            if best.is_none_or(|(_, b)| value > b) {
                best = Some((c, value));
            }
        }
        let Some((c, _)) = best else { break };
        taken[c] = true;
        let index = doc.candidates[c].index;
        chosen_sentence[index] = true;
        out.push(index);
        for (o, other) in doc.candidates.iter().enumerate() {
            if !taken[o] {
                max_sim[o] =
                    max_sim[o].max(features::cosine(&doc.terms[index], &doc.terms[other.index]));
            }
        }
    }
    out
}
