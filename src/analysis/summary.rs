//! Extractive summary: sentences in, the indices of the best `k` (in document order)
//! and a one-sentence lede out.

use serde::{Deserialize, Serialize};

use super::entities::Entity;
use super::sentences::Sentence;

/// The chosen sentences and the lede.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Summary {
    /// Indices into the sentence list, ascending (document order).
    pub sentences: Vec<usize>,
    /// One sentence of at most about 30 words.
    pub lede: String,
}

/// Picks `k` sentences that summarise the article.
pub fn summarize(
    prose: &str,
    title: &str,
    sentences: &[Sentence],
    entities: &[Entity],
    k: usize,
) -> Summary {
    let _ = (prose, title, entities);
    let picked: Vec<usize> = sentences
        .iter()
        .enumerate()
        .filter(|(_, s)| s.kind == super::SentenceKind::Prose)
        .map(|(i, _)| i)
        .take(k)
        .collect();
    let lede = picked.first().map(|&i| sentences[i].text(prose).to_string()).unwrap_or_default();
    Summary { sentences: picked, lede }
}
