//! Bounds: a complete analysis in, the same analysis cut to what one briefing can show
//! out. Every cap on what one article contributes lives here, as a named constant.
//!
//! A briefing is brief, and an article can be megabytes long: without bounds a long
//! article gives a timeline entry for almost every sentence and thousands of actors.
//! So the actors are cut to the most salient (the entities of dropped actors lose their
//! actor, and timeline entries forget them, so ids stay consistent), each actor keeps
//! a few quotes (direct quotes first, as the briefing shows only those), and the
//! timeline keeps its most informative entries: those naming an actor, then those from
//! summary sentences, then the earliest in the text. An entry is never preferred or
//! dropped for its date, and the kept entries stay ordered by date. Long names, roles
//! and quotes are cut at a word boundary with "…".

use super::Analysis;
use super::actors::{Actor, Quote};
use super::timeline::TimelineEntry;

/// Timeline entries per article.
pub const MAX_TIMELINE_ENTRIES: usize = 40;
/// Actors per article (the least salient are dropped).
pub const MAX_ACTORS: usize = 150;
/// Quotes per actor.
pub const MAX_QUOTES_PER_ACTOR: usize = 3;
/// Aliases per actor.
pub const MAX_ALIASES: usize = 20;
/// Characters of an actor's name or alias.
pub const MAX_NAME_CHARS: usize = 80;
/// Characters of an actor's role.
pub const MAX_ROLE_CHARS: usize = 120;
/// Characters of a quote.
pub const MAX_QUOTE_CHARS: usize = 300;

/// Applies every bound to `analysis`.
pub fn apply(analysis: &mut Analysis) {
    bound_actors(analysis);
    for actor in &mut analysis.actors {
        bound_actor(actor);
    }
    bound_timeline(&mut analysis.timeline, &analysis.summary.sentences);
}

/// Keeps the [`MAX_ACTORS`] most salient actors (they are ranked, so the first ones);
/// entities and timeline entries forget the others.
fn bound_actors(analysis: &mut Analysis) {
    if analysis.actors.len() <= MAX_ACTORS {
        return;
    }
    analysis.actors.truncate(MAX_ACTORS);
    for e in &mut analysis.entities {
        e.actor = e.actor.filter(|&a| a < MAX_ACTORS);
    }
    for entry in &mut analysis.timeline {
        entry.actors.retain(|&a| a < MAX_ACTORS);
    }
}

/// Caps one actor's quotes, aliases and the length of its texts.
fn bound_actor(actor: &mut Actor) {
    actor.name = shorten(&actor.name, MAX_NAME_CHARS);
    actor.role = actor.role.as_deref().map(|r| shorten(r, MAX_ROLE_CHARS));
    actor.aliases.truncate(MAX_ALIASES);
    for alias in &mut actor.aliases {
        *alias = shorten(alias, MAX_NAME_CHARS);
    }
    if actor.quotes.len() > MAX_QUOTES_PER_ACTOR {
        // direct quotes first (the briefing shows only those), then in document order
        let mut quotes: Vec<(usize, Quote)> = std::mem::take(&mut actor.quotes)
            .into_iter()
            .enumerate()
            .collect();
        quotes.sort_by_key(|(i, q)| (!q.direct, *i));
        quotes.truncate(MAX_QUOTES_PER_ACTOR);
        quotes.sort_by_key(|(i, _)| *i);
        actor.quotes = quotes.into_iter().map(|(_, q)| q).collect();
    }
    for quote in &mut actor.quotes {
        quote.text = shorten(&quote.text, MAX_QUOTE_CHARS);
    }
}

/// Keeps the [`MAX_TIMELINE_ENTRIES`] most informative entries (those naming an actor,
/// then dated ones before reported ones, then those from the summary, then the earliest),
/// in their date order.
/// `summary` holds the summary's sentence indices, ascending.
fn bound_timeline(timeline: &mut Vec<TimelineEntry>, summary: &[usize]) {
    if timeline.len() <= MAX_TIMELINE_ENTRIES {
        return;
    }
    let mut preference: Vec<usize> = (0..timeline.len()).collect();
    preference.sort_by_key(|&i| {
        let e = &timeline[i];
        let in_summary = summary.binary_search(&e.sentence).is_ok();
        (e.actors.is_empty(), e.reported, !in_summary, e.sentence, i)
    });
    let mut keep = vec![false; timeline.len()];
    for &i in &preference[..MAX_TIMELINE_ENTRIES] {
        keep[i] = true;
    }
    let mut flags = keep.into_iter();
    timeline.retain(|_| flags.next().unwrap_or(false));
}

/// `text` if it has at most `max` characters, else its longest run of whole words that
/// fits with "…" (or its first `max - 1` characters and "…" when one word is longer).
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let room = max.saturating_sub(1);
    let end = text.char_indices().nth(room).map_or(text.len(), |(i, _)| i);
    let head = &text[..end];
    // cut at the last space if the next character does not continue the word
    let cut = if text[end..].starts_with(char::is_whitespace) {
        head
    } else {
        head.rfind(char::is_whitespace).map_or(head, |i| &head[..i])
    };
    let cut = cut.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':'));
    let cut = if cut.is_empty() { head } else { cut };
    format!("{cut}…")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::ActorKind;
    use crate::analysis::entities::{Entity, EntityType};

    #[test]
    fn long_texts_are_cut_at_a_word_with_an_ellipsis() {
        let cases = [
            ("Ana Varela", 10, "Ana Varela"),
            ("The quick brown fox jumps", 12, "The quick…"),
            ("The quick brown fox jumps", 16, "The quick brown…"),
            ("Head of the port, and more", 18, "Head of the port…"),
            ("Supercalifragilistic", 6, "Super…"),
            ("Ünïcödé wörds hère", 9, "Ünïcödé…"),
            ("", 5, ""),
        ];
        for (text, max, want) in cases {
            let got = shorten(text, max);
            assert_eq!(got, want, "{text} {max}");
            assert!(got.chars().count() <= max.max(1), "{got}");
        }
    }

    fn entry(sentence: usize, actors: Vec<usize>) -> TimelineEntry {
        TimelineEntry {
            date: format!("2020-01-{:02}", 28 - sentence % 28),
            when: String::new(),
            sentence,
            text: format!("Event {sentence}"),
            actors,
            reported: false,
        }
    }

    #[test]
    fn the_timeline_keeps_entries_with_actors_then_summary_then_earliest() {
        // 60 entries, sentences 59 down to 0 in timeline order; entries of
        // sentences 50.. name actors, sentences 5 and 45 are in the summary
        let mut timeline: Vec<TimelineEntry> = (0..60)
            .rev()
            .map(|s| entry(s, if s >= 50 { vec![s - 50] } else { vec![] }))
            .collect();
        let before: Vec<usize> = timeline.iter().map(|e| e.sentence).collect();
        bound_timeline(&mut timeline, &[5, 45]);
        let kept: Vec<usize> = timeline.iter().map(|e| e.sentence).collect();
        let earliest = (0..29).filter(|&s| s != 5);
        let mut want: Vec<usize> = (50..60).chain([5, 45]).chain(earliest).collect();
        want.sort_by_key(|s| before.iter().position(|b| b == s));
        assert_eq!(kept, want);
        let mut short = vec![entry(3, vec![]), entry(1, vec![])];
        bound_timeline(&mut short, &[]);
        assert_eq!(short.len(), 2);
    }

    fn actor(id: usize, quotes: &[bool]) -> Actor {
        Actor {
            id,
            name: format!("Actor {id}"),
            kind: ActorKind::Person,
            role: None,
            aliases: Vec::new(),
            mentions: 1,
            salience: 1.0 / (id + 1) as f64,
            quotes: quotes
                .iter()
                .enumerate()
                .map(|(sentence, &direct)| Quote {
                    sentence,
                    text: format!("Quote {sentence}"),
                    direct,
                })
                .collect(),
            source: false,
        }
    }

    #[test]
    fn dropped_actors_leave_no_dangling_ids() {
        let n = MAX_ACTORS + 10;
        let mut analysis = Analysis {
            actors: (0..n).map(|id| actor(id, &[])).collect(),
            entities: (0..n)
                .map(|i| Entity {
                    start: 10 * i,
                    end: 10 * i + 5,
                    kind: EntityType::Per,
                    actor: Some(n - 1 - i),
                })
                .collect(),
            timeline: vec![entry(0, vec![0, MAX_ACTORS - 1, MAX_ACTORS, n - 1])],
            ..Analysis::default()
        };
        apply(&mut analysis);
        assert_eq!(analysis.actors.len(), MAX_ACTORS);
        assert!(
            analysis
                .entities
                .iter()
                .all(|e| e.actor.is_none_or(|a| analysis.actors[a].id == a))
        );
        let pointing = analysis
            .entities
            .iter()
            .filter(|e| e.actor.is_some())
            .count();
        assert_eq!(pointing, MAX_ACTORS);
        assert_eq!(analysis.timeline[0].actors, [0, MAX_ACTORS - 1]);
    }

    #[test]
    fn actors_keep_a_few_quotes_direct_first_in_document_order() {
        let mut a = actor(0, &[false, false, true, false, true]);
        a.name = "Dame ".repeat(30);
        a.role = Some("Deputy ".repeat(30));
        a.quotes[4].text = "word ".repeat(100);
        bound_actor(&mut a);
        let kept: Vec<(usize, bool)> = a.quotes.iter().map(|q| (q.sentence, q.direct)).collect();
        assert_eq!(kept, [(0, false), (2, true), (4, true)]);
        assert!(a.name.chars().count() <= MAX_NAME_CHARS && a.name.ends_with('…'));
        assert!(a.role.is_some_and(|r| r.chars().count() <= MAX_ROLE_CHARS));
        assert!(a.quotes[2].text.chars().count() <= MAX_QUOTE_CHARS);
    }

    /// An article of `n` sentences, each dating a meeting of two people named nowhere else.
    fn long_article(n: usize) -> crate::ingest::Article {
        const GIVEN: [&str; 8] = [
            "Ana", "Tomas", "Lina", "Marek", "Sela", "Ivo", "Dora", "Kai",
        ];
        const SYLLABLES: [&str; 8] = ["var", "len", "dor", "mik", "sal", "ten", "rov", "bel"];
        let surname = |k: usize| {
            let s = |d: usize| SYLLABLES[k / d % 8];
            let name = format!("{}{}{}", s(1), s(8), s(64));
            name[..1].to_uppercase() + &name[1..]
        };
        let text: String = (0..n)
            .map(|i| {
                format!(
                    "On March {}, {}, {} {} met {} {} in Port Aubel. ",
                    i % 28 + 1,
                    1990 + i / 28,
                    GIVEN[i % 8],
                    surname(2 * i),
                    GIVEN[(i + 3) % 8],
                    surname(2 * i + 1)
                )
            })
            .collect();
        let text = text.trim_end().to_string();
        crate::ingest::Article {
            path: "long.txt".into(),
            slug: "long".into(),
            format: crate::ingest::Format::Text,
            title: "Meetings".into(),
            title_source: crate::ingest::TitleSource::FileName,
            published: Some(jiff::civil::date(2026, 3, 10)),
            source: None,
            url: None,
            author: None,
            tags: Vec::new(),
            language: "en".into(),
            draft: false,
            prose: text.clone(),
            blocks: vec![crate::ingest::Block {
                start: 0,
                end: text.len(),
                kind: crate::ingest::BlockKind::Paragraph,
            }],
            text,
            body_line: 1,
            hash: String::new(),
        }
    }

    #[test]
    fn a_long_article_gives_a_bounded_analysis() {
        let article = long_article(120);
        let a = crate::analysis::analyze(&article, &crate::analysis::AnalysisOptions::default());
        assert_eq!(
            a.timeline.len(),
            MAX_TIMELINE_ENTRIES,
            "{:?}",
            a.timeline.len()
        );
        assert_eq!(a.actors.len(), MAX_ACTORS);
        assert!(
            a.entities
                .iter()
                .all(|e| e.actor.is_none_or(|i| i < MAX_ACTORS))
        );
        assert!(
            a.timeline
                .iter()
                .flat_map(|e| &e.actors)
                .all(|&i| i < MAX_ACTORS)
        );
        let keys: Vec<_> = a
            .timeline
            .iter()
            .map(|e| crate::analysis::timex::value::sort_key(&e.date))
            .collect();
        assert!(keys.windows(2).all(|w| w[0] <= w[1]), "ordered by date");
    }
}
