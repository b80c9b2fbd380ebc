//! Named-entity recognition: sentences in, typed entity mentions (PER, ORG, LOC, MISC) out.

use serde::{Deserialize, Serialize};

use super::sentences::Sentence;

/// CoNLL-style entity types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum EntityType {
    Per,
    Org,
    Loc,
    Misc,
}

/// One mention of a named entity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// Byte range in the article text.
    pub start: usize,
    pub end: usize,
    pub kind: EntityType,
    /// The actor this mention belongs to (index into `Analysis::actors`), set by `actors`.
    pub actor: Option<usize>,
}

/// Finds the entity mentions in `prose`, in document order.
pub fn recognize(prose: &str, sentences: &[Sentence]) -> Vec<Entity> {
    let _ = (prose, sentences);
    Vec::new()
}
