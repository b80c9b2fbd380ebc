//! Timeline: dated time expressions in, events (what happened, who was involved) ordered by date out.

use serde::{Deserialize, Serialize};

use super::entities::Entity;
use super::sentences::Sentence;
use super::timex::Timex;

/// One dated event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelineEntry {
    /// TIMEX3 value ("2022-01-26", "2021-12", "XXXX-WXX-3").
    pub date: String,
    /// The date for readers ("Wednesday 26 January 2022", "Wednesday, week of publication").
    pub when: String,
    /// Index of the sentence the event comes from.
    pub sentence: usize,
    /// The event, in words from the sentence.
    pub text: String,
    /// Actors involved (indices into `Analysis::actors`), ascending.
    pub actors: Vec<usize>,
}

/// Builds the article's timeline, ordered by date.
pub fn build(
    prose: &str,
    sentences: &[Sentence],
    timexes: &[Timex],
    entities: &[Entity],
) -> Vec<TimelineEntry> {
    let _ = (prose, sentences, timexes, entities);
    Vec::new()
}
