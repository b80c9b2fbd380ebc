//! Page furniture: tagged entities in, those that name nobody in the story out.
//!
//! A page saved from a news site keeps lines that are not the story: the section label
//! ("Biz & IT"), a headline or a caption in Title Case, where the tagger sees a name in
//! every capitalised word ("Why Neon Is the Ultimate Symbol of the 20th Century"), and
//! clock times ("8 AM") and currency codes ("$249 USD"). Three rules, each from the
//! words alone:
//! - a name standing in a line whose every content word is capitalised, beside other
//!   capitalised words, and written nowhere else in the article (nor its last word), is
//!   a headline or label word: a name the story is about comes back in its running
//!   text ("Neon Museum" does, "Ultimate Symbol" not; a list line "7. United Kingdom"
//!   is the name alone and stays);
//! - "AM" and "PM" after a number are the time of day, a time zone after a clock time
//!   ("18:00 UTC") is the zone, and a unit of measure after a number ("2 GHz") is the
//!   unit;
//! - an ISO 4217 currency code (`language::world`) beside an amount ("$99
//!   (USD)", "USD$ 23 billion") is the amount's unit.
//!
//! The check is linear in the prose for each such name (one substring search), and
//! only names in Title Case lines are searched.

use std::collections::HashSet;

use super::super::entities::Entity;
use super::text::{Doc, is_capitalised, is_word};
use crate::language::calendar;
use crate::language::names::key;
use crate::language::things::{is_unit_of_measure, names_a_thing_before};
use crate::language::words::is_stop_word;
use crate::language::world::is_currency_code;

/// The indices of `entities` that are page furniture, not names of actors.
pub(super) fn find(doc: &Doc, entities: &[Entity]) -> HashSet<usize> {
    let title_case: Vec<bool> = (0..doc.sentences.len())
        .map(|s| is_title_case(doc, s))
        .collect();
    entities
        .iter()
        .enumerate()
        .filter(|(_, e)| {
            let Some(name) = doc.prose.get(e.start..e.end) else {
                return false;
            };
            let headline = doc.sentence_at(e.start).is_some_and(|s| {
                title_case[s] && !alone_in_line(doc, s, e) && !written_elsewhere(doc, s, name)
            });
            headline
                || time_or_unit(doc, e, name)
                || currency_unit(doc, e, name)
                || thing_after(doc, e, name)
        })
        .map(|(i, _)| i)
        .collect()
}

/// Whether a sentence is a Title Case line: at least two words, every word that opens
/// with a letter and is no function word capitalised, and no full stop at the end, as
/// headlines and labels have none ("Biz & IT", "Why Neon Is the Ultimate Symbol of the
/// 20th Century"; not "Ada Quint met Tom Reyes and Kessel.").
fn is_title_case(doc: &Doc, s: usize) -> bool {
    let text = doc.slice(doc.sentences[s].start, doc.sentences[s].end);
    if text
        .trim_end_matches(|c: char| c.is_whitespace() || "\"'\u{201d}\u{2019})".contains(c))
        .ends_with('.')
    {
        return false;
    }
    let mut content = 0;
    for &t in &doc.tokens[s] {
        let word = doc.word(t);
        if !word.chars().next().is_some_and(char::is_alphabetic) {
            continue;
        }
        if is_capitalised(word) {
            content += 1;
        } else if !is_stop_word(word) {
            return false;
        }
    }
    content >= 2
}

/// Whether an entity is the only capitalised word of its line ("7. United Kingdom").
fn alone_in_line(doc: &Doc, s: usize, e: &Entity) -> bool {
    doc.tokens[s]
        .iter()
        .filter(|t| t.end <= e.start || t.start >= e.end)
        .all(|&t| !is_capitalised(doc.word(t)))
}

/// Whether `name`, or its last word, is written anywhere in the prose outside sentence
/// `s` ("Emery" after a standfirst naming "David Emery").
fn written_elsewhere(doc: &Doc, s: usize, name: &str) -> bool {
    let sentence = &doc.sentences[s];
    let last = name.rsplit(' ').next().unwrap_or(name);
    [name, last].iter().any(|n| {
        doc.prose
            .match_indices(n)
            .any(|(at, _)| at + n.len() <= sentence.start || at >= sentence.end)
    })
}

/// Whether the word right after an entity makes it the name of an edition or a
/// security ("New York edition", "Treasury bonds").
fn thing_after(doc: &Doc, e: &Entity, name: &str) -> bool {
    doc.prose[e.end..]
        .split_whitespace()
        .next()
        .map(|w| w.trim_end_matches(|c: char| !c.is_alphanumeric()))
        .is_some_and(|w| names_a_thing_before(name, w))
}

/// Whether an entity is "AM" or "PM" right after a number ("8 AM", "9:30 p.m."), a
/// unit of measure ("2 GHz", "(2 GHz"), or a time zone after a clock time ("18:00 UTC",
/// "(16:30 UTC)", "2 p.m. ET").
fn time_or_unit(doc: &Doc, e: &Entity, name: &str) -> bool {
    let previous = doc.prose[..e.start]
        .split_whitespace()
        .next_back()
        .map(|w| w.trim_start_matches('('));
    let number =
        previous.is_some_and(|w| is_word(w) && w.chars().all(|c| c.is_ascii_digit() || c == ':'));
    let clock = number || previous.is_some_and(|w| matches!(key(w).as_str(), "am" | "pm"));
    let zone = calendar::TIME_ZONES.contains(&name);
    ((matches!(key(name).as_str(), "am" | "pm") || is_unit_of_measure(name)) && number)
        || (zone && clock)
}

/// Whether an entity is a currency code beside an amount ("$249 USD", "$99 (USD)",
/// "USD$ 23 billion", "USD 40").
fn currency_unit(doc: &Doc, e: &Entity, name: &str) -> bool {
    let code = is_currency_code(name);
    let before = doc.prose[..e.start].trim_end_matches([' ', '(']);
    let after = doc.prose[e.end..].trim_start_matches([' ', '$']);
    code && (before.ends_with(|c: char| c.is_ascii_digit())
        || after.starts_with(|c: char| c.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::sentences::{Sentence, SentenceKind};

    /// The furniture names of a marked text, one sentence per line.
    fn furniture(marked: &str) -> Vec<String> {
        let (prose, entities) = super::super::tests::parse_marked(marked);
        let mut sentences = Vec::new();
        let mut at = 0;
        for line in prose.split('\n') {
            sentences.push(Sentence {
                start: at,
                end: at + line.len(),
                kind: SentenceKind::Prose,
            });
            at += line.len() + 1;
        }
        let doc = Doc::new(&prose, &sentences);
        let mut found: Vec<usize> = find(&doc, &entities).into_iter().collect();
        found.sort_unstable();
        found
            .into_iter()
            .map(|i| prose[entities[i].start..entities[i].end].to_string())
            .collect()
    }

    #[test]
    fn headline_words_labels_and_clock_times_are_furniture() {
        let cases: [(&str, &[&str]); 18] = [
            (
                "Why Neon Is the [ORG|Ultimate Symbol] of the Age\nThe [LOC|Neon Museum] opened.",
                &["Ultimate Symbol"],
            ),
            (
                "Why the [ORG|Neon Museum] Matters\nThe [ORG|Neon Museum] opened.",
                &[],
            ),
            ("[ORG|Biz] & IT\nA bug hit servers.", &["Biz"]),
            ("7. [LOC|United Kingdom]\n8. [LOC|Italy]", &[]),
            (
                "Staff Writer [PER|David Emery] Posts\n[ORG|Emery] wrote it.",
                &[],
            ),
            (
                "She left between 8 [ORG|AM] and 9 [ORG|PM] on Friday.",
                &["AM", "PM"],
            ),
            ("[ORG|AM] radio listeners called [PER|Ada Quint].", &[]),
            ("The 2 [ORG|GHz] model and [ORG|GHz] Labs.", &["GHz"]),
            (
                "It left at 18:00 [ORG|UTC] (16:30 [ORG|UTC]), at 2 p.m. [ORG|ET], in black (2 [ORG|GHz] only).",
                &["UTC", "UTC", "ET", "GHz"],
            ),
            // A time zone's letters away from a clock time stay a name.
            ("[ORG|UTC] bought [ORG|Kessel Air] at 9 [ORG|AM].", &["AM"]),
            (
                "It costs $99 ([ORG|USD]) or $249 [ORG|USD]; a [ORG|USD]$ 23 billion deal.",
                &["USD", "USD", "USD"],
            ),
            // A currency code away from an amount, or an acronym beside one, stays.
            ("The [ORG|USD] fell as [ORG|IBM] 3 rose.", &[]),
            ("Sales hit [ORG|EUR] 40 million.", &["EUR"]),
            ("[PER|Ada Quint] Met [PER|Tom Reyes] in [LOC|Kessel].", &[]),
            ("[PER|Ada Quint] met [PER|Tom Reyes] in [LOC|Kessel]", &[]),
            (
                "It ran on Page A1 of the [LOC|Lisk] edition. [LOC|Lisk] voted.",
                &["Lisk"],
            ),
            (
                "The 10-year [ORG|Treasury] note fell; [ORG|Treasury] bonds too.",
                &["Treasury", "Treasury"],
            ),
            ("The [ORG|Treasury] said it would sell notes.", &[]),
        ];
        for (marked, want) in cases {
            assert_eq!(furniture(marked), want, "{marked}");
        }
    }
}
