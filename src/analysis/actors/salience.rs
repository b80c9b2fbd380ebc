//! Salience: actors with their mentions in, a score from 0.0 to 1.0 (top actor 1.0) out.
//!
//! A linear score over the signals news writing gives for importance: how often the
//! actor is mentioned (log-damped, so a long list of mentions does not drown everything
//! else), whether it is in the headline, how early it first appears, how many summary
//! sentences mention it, and how often it is the grammatical subject of a sentence or a
//! quoted speaker. Mentions inside another
//! person's role ("US" in "US Secretary of State") count half: they describe someone
//! else. The score is divided by the best score, so the top actor has 1.0.

use super::mentions::Mention;
use super::naming::Draft;
use super::text::{Doc, is_possessive};
use crate::language::words;

/// Weights of the signals. Set by a small grid search on the MEANTIME development
/// articles (title and first position from 0.3-1.0, summary 0-0.3, subject 0-0.5): the
/// top-5 precision moved by at most 2 points across the grid, so these are rounded,
/// not fitted; every signal keeps a weight.
const W_MENTIONS: f64 = 1.0;
const W_TITLE: f64 = 1.0;
const W_FIRST: f64 = 1.0;
const W_SUMMARY: f64 = 0.3;
const W_SUBJECT: f64 = 0.25;

/// What the rest of the article says about one actor.
pub(super) struct Signals<'a> {
    pub doc: &'a Doc<'a>,
    pub title: &'a str,
    pub summary: &'a [usize],
    /// Number of quotes attributed to each draft.
    pub quotes: &'a [usize],
}

/// Raw scores, one per draft (not normalised).
pub(super) fn scores(mentions: &[Mention], drafts: &[Draft], signals: &Signals) -> Vec<f64> {
    let sentences = signals.doc.sentences.len().max(1) as f64;
    drafts
        .iter()
        .zip(signals.quotes)
        .map(|(d, &quotes)| {
            let ms: Vec<&Mention> = d.members.iter().map(|&i| &mentions[i]).collect();
            let weight: f64 = ms.iter().map(|m| if m.in_role { 0.5 } else { 1.0 }).sum();
            let first = ms
                .iter()
                .filter_map(|m| m.sentence)
                .min()
                .map_or(0.0, |s| 1.0 - s as f64 / sentences);
            let mut in_summary: Vec<usize> = ms
                .iter()
                .filter_map(|m| m.sentence)
                .filter(|s| signals.summary.contains(s))
                .collect();
            in_summary.dedup();
            let subjects = ms.iter().filter(|m| is_subject(signals.doc, m)).count() + quotes;
            let title = in_title(signals.title, d);
            W_MENTIONS * (1.0 + weight).ln()
                + W_TITLE * f64::from(u8::from(title))
                + W_FIRST * first
                + W_SUMMARY * (in_summary.len().min(3) as f64 / 3.0)
                + W_SUBJECT * (1.0 + subjects as f64).ln()
        })
        .collect()
}

/// Lowers the scores of the drafts marked in `cited` (outlets the article only cites)
/// below every other draft's, keeping their order among themselves.
pub(super) fn after_participants(scores: &mut [f64], cited: &[bool]) {
    let floor = scores
        .iter()
        .zip(cited)
        .filter(|(_, c)| !**c)
        .map(|(s, _)| *s)
        .fold(f64::INFINITY, f64::min);
    let top = scores
        .iter()
        .zip(cited)
        .filter(|(_, c)| **c)
        .map(|(s, _)| *s)
        .fold(0.0_f64, f64::max);
    if !floor.is_finite() || top < floor {
        return;
    }
    let factor = 0.9 * floor / top;
    for (s, _) in scores.iter_mut().zip(cited).filter(|(_, c)| **c) {
        *s *= factor;
    }
}

/// Draft indices from most to least salient: by score, then mentions, then first mention.
pub(super) fn rank(scores: &[f64], drafts: &[Draft]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..drafts.len()).collect();
    order.sort_by(|&a, &b| {
        scores[b]
            .total_cmp(&scores[a])
            .then(drafts[b].members.len().cmp(&drafts[a].members.len()))
            .then(drafts[a].members.first().cmp(&drafts[b].members.first()))
    });
    order
}

/// Scores divided by the best one (all zero if there is none).
pub(super) fn normalise(scores: &[f64]) -> Vec<f64> {
    let best = scores.iter().copied().fold(0.0_f64, f64::max);
    scores
        .iter()
        .map(|s| {
            if best > 0.0 {
                (s / best).clamp(0.0, 1.0)
            } else {
                0.0
            }
        })
        .collect()
}

/// Whether the headline names the actor (its name, an alias, or a person's surname), as
/// whole words; a place only counts when it is not just the setting ("talks in Lisk").
fn in_title(title: &str, d: &Draft) -> bool {
    let mut forms: Vec<&str> = std::iter::once(d.name.as_str())
        .chain(d.aliases.iter().map(String::as_str))
        .collect();
    if d.kind == super::ActorKind::Person
        && let Some(surname) = d.name.split_whitespace().last()
    {
        forms.push(surname);
    }
    let setting_only = d.kind == super::ActorKind::Place;
    forms
        .iter()
        .filter(|f| f.len() > 1)
        .any(|f| contains_words(title, f, setting_only))
}

/// Whether `words` occurs in `text` as whole words (not after a locative preposition, if
/// `not_setting`).
fn contains_words(text: &str, words: &str, not_setting: bool) -> bool {
    const LOCATIVE: [&str; 7] = ["in", "at", "near", "from", "outside", "inside", "across"];
    text.match_indices(words).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + words.len()..].chars().next();
        let previous = text[..i].split_whitespace().next_back().unwrap_or("");
        let setting = not_setting && LOCATIVE.contains(&previous.to_lowercase().as_str());
        !before.is_some_and(char::is_alphanumeric)
            && !after.is_some_and(char::is_alphanumeric)
            && !setting
    })
}

/// Whether a mention is the subject of its sentence: only a role, "the", other names,
/// "and" or an opening phrase closed by a comma come before it, and a lowercase word
/// (the verb) follows it, after an optional apposition or "and" with other names.
fn is_subject(doc: &Doc, m: &Mention) -> bool {
    let Some(s) = m.sentence else { return false };
    if m.in_role || doc.sentences[s].kind != super::super::sentences::SentenceKind::Prose {
        return false;
    }
    let tokens = &doc.tokens[s];
    let role_start = m.role.as_ref().map_or(m.start, |r| r.start.min(m.start));
    let lead_in = doc.token_from(s, role_start);
    let opening_comma = (0..lead_in).rev().find(|&i| doc.word(tokens[i]) == ",");
    let before_ok = (opening_comma.map_or(0, |c| c + 1)..lead_in).all(|i| {
        let w = doc.word(tokens[i]);
        w.eq_ignore_ascii_case("the") || w == "and" || super::text::is_capitalised(w)
    });
    let mut next = doc.token_after(s, m.end);
    if tokens.get(next).is_some_and(|t| doc.word(*t) == ",") {
        next = (next + 1..tokens.len())
            .find(|&i| doc.word(tokens[i]) == ",")
            .map_or(tokens.len(), |c| c + 1);
    }
    // A coordinated subject ("X and the Y sent"): skip to after the other names.
    if tokens.get(next).is_some_and(|t| doc.word(*t) == "and") {
        next += 1;
        while tokens.get(next).is_some_and(|t| {
            let w = doc.word(*t);
            w == "the" || super::text::is_capitalised(w)
        }) {
            next += 1;
        }
    }
    let verb = tokens.get(next).map(|t| doc.word(*t)).unwrap_or("");
    let function_word = words::is_preposition(verb) || words::COORDINATORS.contains(&verb);
    before_ok
        && verb.starts_with(|c: char| c.is_lowercase())
        && !function_word
        && !is_possessive(verb)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subjects_come_before_their_verb() {
        // For each mention outside a role, in order: is it a subject?
        let cases: [(&str, &[bool]); 9] = [
            ("[PER|Ada Quint] said no.", &[true]),
            ("On Friday, [PER|Ada Quint] said no.", &[true]),
            (
                "The [ORG|Harbour Authority] and [ORG|NATO] sent replies.",
                &[true, true],
            ),
            ("[PER|Ada Quint], the harbour chief, left.", &[true]),
            ("[LOC|US] Secretary of State [PER|Ada Quint] left.", &[true]),
            ("They met [PER|Ada Quint] today.", &[false]),
            ("[LOC|Kessel]'s reply came.", &[false]),
            ("Talks with [PER|Ada Quint] ended.", &[false]),
            (
                "[PER|Ada Quint] of the harbour met [LOC|Kessel] envoys.",
                &[false, false],
            ),
        ];
        for (marked, want) in cases {
            let (prose, entities) = super::super::tests::parse_marked(marked);
            let sentences = super::super::tests::one_sentence(&prose);
            let doc = Doc::new(&prose, &sentences);
            let mentions = super::super::mentions::collect(&doc, &entities);
            let got: Vec<bool> = mentions
                .iter()
                .filter(|m| !m.in_role)
                .map(|m| is_subject(&doc, m))
                .collect();
            assert_eq!(got, want, "{marked}");
        }
    }

    #[test]
    fn headline_words_match_whole_words_only() {
        let cases = [
            ("Quint reopens port", "Quint", false, true),
            ("Quintet plays", "Quint", false, false),
            ("NATO's plan", "NATO", false, true),
            ("", "NATO", false, false),
            ("Ministers meet in Lisk", "Lisk", true, false),
            ("Ministers meet in Lisk", "Lisk", false, true),
            ("Lisk floods", "Lisk", true, true),
        ];
        for (title, name, not_setting, want) in cases {
            assert_eq!(contains_words(title, name, not_setting), want, "{title}");
        }
    }

    #[test]
    fn cited_outlets_score_below_every_other_actor() {
        let cases: [(&[f64], &[bool], &[f64]); 4] = [
            (&[3.0, 2.0, 1.0], &[true, false, false], &[0.9, 2.0, 1.0]),
            (&[4.0, 2.0, 1.0], &[true, true, false], &[0.9, 0.45, 1.0]),
            (&[0.5, 2.0], &[true, false], &[0.5, 2.0]),
            (&[3.0, 1.0], &[true, true], &[3.0, 1.0]),
        ];
        for (scores, cited, want) in cases {
            let mut got = scores.to_vec();
            after_participants(&mut got, cited);
            let close = got.iter().zip(want).all(|(g, w)| (g - w).abs() < 1e-9);
            assert!(close, "{scores:?} {cited:?}: {got:?}");
        }
    }

    #[test]
    fn scores_are_normalised_to_the_best() {
        assert_eq!(normalise(&[2.0, 1.0, 0.0]), [1.0, 0.5, 0.0]);
        assert_eq!(normalise(&[0.0, 0.0]), [0.0, 0.0]);
        assert!(normalise(&[]).is_empty());
    }
}
