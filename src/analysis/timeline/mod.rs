//! Timeline: sentences, resolved time expressions and entity mentions in, the
//! article's dated events (what happened, who was involved) ordered by date out.
//!
//! Each DATE or TIME that anchors an event gives one entry: the event is the clause
//! the date belongs to ([`clause`]), trimmed to who did what, and its actors are the
//! actors mentioned in that clause (else in the sentence). What is not an event stays
//! out: durations, sets and vague references ("now", "recently"), a date that is only
//! the dateline, dates in verbless fragments (headings, captions), and dates that
//! bound a state rather than date an event ("since 2014", "until December", "before
//! Friday"). Entries are ordered by date ([`value::sort_key`]), then by position.

mod clause;
mod segment;
mod subject;

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use super::entities::Entity;
use super::sentences::Sentence;
use super::timex::{self, Timex, TimexType, value};

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

/// Words before a date that make it the bound of a state, not the date of an event.
const BOUNDING: [&str; 8] = [
    "since",
    "until",
    "till",
    "through",
    "throughout",
    "before",
    "after",
    "from",
];

/// Builds the article's timeline, ordered by date.
pub fn build(
    prose: &str,
    sentences: &[Sentence],
    timexes: &[Timex],
    entities: &[Entity],
) -> Vec<TimelineEntry> {
    let mut entries: Vec<(usize, TimelineEntry)> = Vec::new();
    let mut parsed: Option<(usize, clause::Parsed)> = None;
    let mut seen = HashSet::new();
    for t in timexes {
        let Some(index) = sentence_of(sentences, t) else {
            continue;
        };
        let s = &sentences[index];
        if !dates_an_event(prose, s, t) || is_dateline(prose, sentences, index, t) {
            continue;
        }
        if !seen.insert((index, t.value.as_str())) {
            continue;
        }
        if parsed.as_ref().is_none_or(|(i, _)| *i != index) {
            let verbs = timex::verb_groups(prose, s.start, s.end);
            parsed = Some((index, clause::Parsed::new(prose, (s.start, s.end), verbs)));
        }
        let Some(clause) = parsed
            .as_ref()
            .and_then(|(_, p)| p.around(prose, (t.start, t.end)))
        else {
            continue;
        };
        let mut actors = actors_in(entities, clause.start, clause.end);
        if actors.is_empty() {
            actors = actors_in(entities, s.start, s.end);
        }
        let entry = TimelineEntry {
            date: t.value.clone(),
            when: t.label.clone(),
            sentence: index,
            text: clause.text,
            actors,
        };
        entries.push((t.start, entry));
    }
    entries.sort_by(|(a_pos, a), (b_pos, b)| {
        (value::sort_key(&a.date), a.sentence, a_pos).cmp(&(
            value::sort_key(&b.date),
            b.sentence,
            b_pos,
        ))
    });
    entries.into_iter().map(|(_, e)| e).collect()
}

/// The sentence holding the expression (by its recorded index when it fits, else by offset).
fn sentence_of(sentences: &[Sentence], t: &Timex) -> Option<usize> {
    let fits = |i: usize| {
        sentences
            .get(i)
            .is_some_and(|s| s.start <= t.start && t.end <= s.end)
    };
    if fits(t.sentence) {
        return Some(t.sentence);
    }
    let i = sentences.partition_point(|s| s.end <= t.start);
    fits(i).then_some(i)
}

/// A DATE or TIME with a period (not "now" or "recently") that does not just bound a state.
fn dates_an_event(prose: &str, s: &Sentence, t: &Timex) -> bool {
    if !matches!(t.kind, TimexType::Date | TimexType::Time) || t.value.ends_with("_REF") {
        return false;
    }
    let before = prose.get(s.start..t.start).unwrap_or("");
    let mut words = before
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .rev();
    let prev = words.next().unwrap_or("").to_ascii_lowercase();
    let prev2 = words.next().unwrap_or("").to_ascii_lowercase();
    !(BOUNDING.contains(&prev.as_str()) || (prev == "to" && prev2 == "up"))
}

/// A date that only heads the article ("WASHINGTON, Jan. 28 (Reuters) -") or stands
/// alone as a line.
fn is_dateline(prose: &str, sentences: &[Sentence], index: usize, t: &Timex) -> bool {
    let s = &sentences[index];
    let before = prose.get(s.start..t.start).unwrap_or("");
    let after = prose.get(t.end..s.end).unwrap_or("").trim_start();
    let alone = before.trim().is_empty()
        && after
            .trim_matches(|c: char| !c.is_alphanumeric())
            .is_empty();
    let first_sentence = index == 0;
    let heading_like = !before.chars().any(char::is_lowercase);
    let dash_after = after.starts_with(['-', '—', '–', '(', '_', ':']);
    alone || (first_sentence && heading_like && dash_after)
}

/// Actor ids of the entity mentions inside `[start, end)`, ascending, without repeats.
/// `entities` are in document order, so only those starting in the range are read.
fn actors_in(entities: &[Entity], start: usize, end: usize) -> Vec<usize> {
    let first = entities.partition_point(|e| e.start < start);
    let mut ids: Vec<usize> = entities[first..]
        .iter()
        .take_while(|e| e.start < end)
        .filter(|e| e.end <= end)
        .filter_map(|e| e.actor)
        .collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

#[cfg(test)]
mod tests;
