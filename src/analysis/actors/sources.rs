//! Sources: actors in, which of them are news outlets the article only cites.
//!
//! "Sputnik reported", "told CBS", "according to Reuters": an outlet named only as the
//! source of a report takes no part in the story, so it is ranked after every actor
//! that does (and kept: a reader may want to know who reported it). An outlet the story
//! is about ("CBS fired its chief executive") is an actor like any other: one mention
//! outside a citation is enough. Outlets are known by name or by the last word of their
//! name (`language::world::is_news_outlet`); the citation frames are the few words
//! around a mention, so the check is linear in the mentions.
//!
//! The page's own outlet, only cited ("sources tell TMZ" on TMZ's page), is not listed
//! at all: the briefing names it as its source already, and a reader takes a second
//! entry for an actor of the story.

use super::ActorKind;
use super::mentions::Mention;
use super::naming::Draft;
use super::text::Doc;
use crate::language::world::{is_news_outlet, is_own_outlet};

/// Words right before an outlet that cite it ("told", "according to").
const BEFORE: [&str; 21] = [
    "told",
    "tell",
    "tells",
    "seen by",
    "obtained by",
    "reviewed by",
    "published by",
    "according to",
    "interview with",
    "interviewed by",
    "reported by",
    "quoted by",
    "cited by",
    "speaking to",
    "speaking with",
    "spoke to",
    "spoke with",
    "comments to",
    "statement to",
    "report by",
    "reached by",
];

/// Words right after an outlet that cite it ("reported", "said in a report").
const AFTER: [&str; 14] = [
    "reported",
    "has learned",
    "learned",
    "reports",
    "has reported",
    "had reported",
    "quoted",
    "cited",
    "said",
    "says",
    "wrote",
    "news agency reported",
    "agency reported",
    "reported on",
];

/// For each draft, whether it is an outlet the article only cites.
pub(super) fn cited_only(doc: &Doc, mentions: &[Mention], drafts: &[Draft]) -> Vec<bool> {
    drafts
        .iter()
        .map(|d| {
            d.kind == ActorKind::Organization
                && names(d).any(is_news_outlet)
                && only_cited(doc, mentions, d)
        })
        .collect()
}

/// For each draft, whether it is the page's own outlet (`outlet`, the publication name
/// ingest read) and the article only cites it. Any kind: the tagger may take an outlet
/// it never saw for a person.
pub(super) fn own_outlet_cited_only(
    doc: &Doc,
    mentions: &[Mention],
    drafts: &[Draft],
    outlet: Option<&str>,
) -> Vec<bool> {
    drafts
        .iter()
        .map(|d| {
            outlet.is_some_and(|o| {
                d.kind != ActorKind::Place
                    && names(d).any(|n| is_own_outlet(n, o))
                    && only_cited(doc, mentions, d)
            })
        })
        .collect()
}

/// A draft's name and aliases.
fn names(d: &Draft) -> impl Iterator<Item = &str> {
    std::iter::once(d.name.as_str()).chain(d.aliases.iter().map(String::as_str))
}

/// Whether every mention of a draft stands in a citation frame.
fn only_cited(doc: &Doc, mentions: &[Mention], d: &Draft) -> bool {
    d.members.iter().all(|&m| is_citation(doc, &mentions[m]))
}

/// Whether a mention stands in a citation frame ("told CBS", "Sputnik reported").
fn is_citation(doc: &Doc, m: &Mention) -> bool {
    let before = words_before(doc.prose, m.start);
    let after = words_after(doc.prose, m.end);
    BEFORE
        .iter()
        .any(|p| before.ends_with(p) || before.ends_with(&format!("{p} the")))
        || AFTER.iter().any(|p| after.starts_with(p))
        || after.starts_with("'s report")
        || after.starts_with("’s report")
}

/// Up to 40 bytes before `at`, lower case, words joined by single spaces, cut at the
/// end of the previous sentence or clause.
fn words_before(prose: &str, at: usize) -> String {
    let mut from = at.saturating_sub(40);
    while !prose.is_char_boundary(from) {
        from += 1;
    }
    let text = &prose[from..at.min(prose.len())];
    let text = text
        .rsplit(['.', '!', '?', '\n', ',', ';'])
        .next()
        .unwrap_or("");
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Up to 40 bytes after `at`, lower case, words joined by single spaces.
fn words_after(prose: &str, at: usize) -> String {
    let mut to = (at + 40).min(prose.len());
    while !prose.is_char_boundary(to) {
        to -= 1;
    }
    let text = prose.get(at..to).unwrap_or("");
    let text = text.split(['.', '!', '?', '\n', ';']).next().unwrap_or("");
    let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
    joined.trim_start_matches([',', ' ']).to_lowercase()
}
