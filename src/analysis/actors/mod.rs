//! Actors: entity mentions in, one actor per real-world entity out, with type, role,
//! aliases, quotes and salience.

use serde::{Deserialize, Serialize};

use super::entities::Entity;
use super::sentences::Sentence;
use super::summary::Summary;

/// What kind of actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    Person,
    Organization,
    Place,
    Group,
}

/// Something an actor said, as reported in the article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// Index of the sentence holding the quote.
    pub sentence: usize,
    /// The quoted words, without the quotation marks.
    pub text: String,
}

/// One real-world person, organisation, place or group in an article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Actor {
    /// Index in `Analysis::actors`.
    pub id: usize,
    /// The fullest name used in the article ("Sergey Lavrov").
    pub name: String,
    pub kind: ActorKind,
    /// Title or function from the text ("Russian Foreign Minister").
    pub role: Option<String>,
    /// Other names used for the actor in the article ("Lavrov").
    pub aliases: Vec<String>,
    pub mentions: usize,
    /// 0.0 to 1.0; the most salient actor of an article has 1.0.
    pub salience: f64,
    pub quotes: Vec<Quote>,
}

/// Merges mentions into actors, sets `Entity::actor`, and ranks actors by salience.
pub fn resolve(
    prose: &str,
    title: &str,
    sentences: &[Sentence],
    entities: &mut [Entity],
    summary: &Summary,
) -> Vec<Actor> {
    let _ = (prose, title, sentences, entities, summary);
    Vec::new()
}
