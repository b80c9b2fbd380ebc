//! The lede: the first summary sentence that stands on its own, as one line of at most
//! `lede_max_words` words.
//!
//! The summary's sentences are tried in document order (the earliest is the closest to
//! the story's lead), then the rest of the ranking. A sentence that opens with a
//! quotation, a first-person word or a reference back ("He said") cannot open a
//! briefing, so it is skipped. A dateline ("Rome (CNN) --") is dropped.
//! A longer sentence is shortened where a clause ends: first a bracketed aside goes,
//! then the sentence is cut before the latest clause boundary that leaves it within the
//! budget ([`super::cut`] finds it: a semicolon or dash, a comma before a subordinating
//! word, a bare subordinating word, in that order of preference), never inside a
//! fronted adverbial ("After the vote, ..."), which is dropped instead when the main
//! clause alone fits. Only when nothing fits is it cut at a word with an ellipsis.

use super::cut::{best_cut, nesting};
use super::filters;
use crate::language::dateline;

/// How many sentences are tried before settling for the first one.
const TRIES: usize = 8;

/// The lede from candidate sentences in order of preference.
pub(super) fn lede<'a>(
    ranked: impl Iterator<Item = &'a str> + Clone,
    max_words: usize,
    min_words: usize,
) -> String {
    for text in ranked.clone().take(TRIES) {
        if filters::opens_with_reference(text)
            || filters::opens_with_quote(text)
            || filters::opens_in_first_person(text)
        {
            continue;
        }
        if let Some(line) = shorten(text, max_words, min_words) {
            return line;
        }
    }
    let Some(best) = ranked.clone().next() else {
        return String::new();
    };
    shorten(best, max_words, min_words).unwrap_or_else(|| {
        let words: Vec<&str> = dateline::strip(best)
            .split_whitespace()
            .take(max_words)
            .collect();
        format!(
            "{}…",
            words
                .join(" ")
                .trim_end_matches(|c: char| !c.is_alphanumeric())
        )
    })
}

/// `text` within `max_words`, cut at a clause boundary if needed; `None` if no
/// boundary leaves at least `min_words`.
pub(super) fn shorten(text: &str, max_words: usize, min_words: usize) -> Option<String> {
    let all: Vec<&str> = dateline::strip(text).split_whitespace().collect();
    if count(&all) <= max_words {
        return Some(all.join(" "));
    }
    let owned = without_brackets(&all);
    let words: Vec<&str> = owned.iter().map(String::as_str).collect();
    if count(&words) <= max_words {
        return Some(words.join(" "));
    }
    let main = main_clause_start(&words);
    if let Some(cut) = best_cut(&words, main, max_words, min_words) {
        return Some(finish(&words[..cut]));
    }
    if main == 0 {
        return None;
    }
    // "After a long debate in which ..., the council approved ...": drop the opener.
    let mut rest = words[main..].join(" ");
    if let Some(first) = rest.chars().next() {
        rest.replace_range(..first.len_utf8(), &first.to_uppercase().to_string());
    }
    let rest: Vec<&str> = rest.split_whitespace().collect();
    if count(&rest) <= max_words {
        return Some(rest.join(" "));
    }
    best_cut(&rest, 0, max_words, min_words).map(|cut| finish(&rest[..cut]))
}

/// Words that count: tokens with a letter or digit (not "--" or a lone quote mark).
fn count(words: &[&str]) -> usize {
    words
        .iter()
        .filter(|w| w.contains(char::is_alphanumeric))
        .count()
}

/// The words joined, ending in a full stop.
fn finish(words: &[&str]) -> String {
    let head = words.join(" ");
    format!(
        "{}.",
        head.trim_end_matches([',', ';', ':', ' ', '-', '—', '–'])
    )
}

/// First words that open a fronted adverbial ("After the vote, ...", "On Tuesday, ...").
const FRONTED: &[&str] = &[
    "after",
    "although",
    "though",
    "as",
    "because",
    "before",
    "despite",
    "during",
    "following",
    "if",
    "in",
    "on",
    "at",
    "once",
    "since",
    "when",
    "while",
    "with",
    "without",
    "amid",
    "according",
    "by",
    "for",
    "from",
    "under",
    "until",
    "unless",
    "upon",
    "within",
    "across",
    "last",
    "earlier",
    "later",
    "having",
    "unlike",
];

/// Index of the word after a fronted adverbial's comma, or 0: a cut before it would
/// leave no main clause.
fn main_clause_start(words: &[&str]) -> usize {
    let first = words.first().map(|w| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    });
    if !first.is_some_and(|f| FRONTED.contains(&f.as_str())) {
        return 0;
    }
    let mut depth = 0;
    for (i, w) in words.iter().enumerate().take(20) {
        depth += nesting(w);
        if depth == 0 && w.ends_with(',') {
            return i + 1;
        }
    }
    0
}

/// The words without bracketed asides such as "(22,500 kilometers)"; punctuation
/// right after an aside stays ("miles (36 km), then" becomes "miles, then").
fn without_brackets(words: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    let mut depth = 0;
    for &w in words {
        if depth == 0 && !w.starts_with('(') {
            out.push(w.to_string());
            continue;
        }
        depth += w.matches('(').count() as i32 - w.matches(')').count() as i32;
        if depth <= 0 {
            depth = 0;
            let after = &w[w.rfind(')').map_or(w.len(), |i| i + 1)..];
            if let Some(last) = out.last_mut() {
                last.push_str(after);
            }
        }
    }
    if depth != 0 {
        words.iter().map(|w| w.to_string()).collect()
    } else {
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> usize {
        s.split_whitespace().count()
    }

    #[test]
    fn shortens_at_clause_boundaries() {
        let cases = [
            (
                "The harbour council approved a budget of four million euros for the new bridge on Tuesday, \
                 which critics said would not cover the cost of the repairs that the engineers had asked for last year.",
                "The harbour council approved a budget of four million euros for the new bridge on Tuesday.",
            ),
            (
                "The harbour council approved a budget of four million euros for the new bridge on Tuesday after \
                 a long debate in which several members said the engineers had asked for far more money last year.",
                "The harbour council approved a budget of four million euros for the new bridge on Tuesday.",
            ),
            (
                "After a harbour ferry collided with a cargo ship in an `` unusual and dangerous manoeuvre '' \
                 early on Monday, the port authority is asking the shipping line for an explanation of the incident.",
                "The port authority is asking the shipping line for an explanation of the incident.",
            ),
            (
                "On Tuesday, the harbour council approved a budget of four million euros for the new bridge, \
                 which critics said would not cover the cost of the repairs that the engineers had asked for.",
                "On Tuesday, the harbour council approved a budget of four million euros for the new bridge.",
            ),
            (
                "The harbour council on Tuesday approved a four-million-euro plan to repair the old swing bridge, \
                 ending a long dispute over whether the steel crossing should be restored or torn down and replaced.",
                "The harbour council on Tuesday approved a four-million-euro plan to repair the old swing bridge.",
            ),
            (
                "The harbour ferry crew walked off the job on Wednesday, hours after the operator said it could \
                 not pay more than the old rate to the deckhands and pilots who had asked for an increase.",
                "The harbour ferry crew walked off the job on Wednesday.",
            ),
            (
                "The mayors of the two river towns will meet next Thursday for an emergency summit on the flood \
                 defences, Ana Ruiz, the regional envoy for water, said on Thursday after two days of talks.",
                "The mayors of the two river towns will meet next Thursday for an emergency summit on the flood \
                 defences.",
            ),
            (
                "The driver of the delivery van, who has not been named, said he had been arguing with the two men \
                 for several minutes before one of them pulled a knife at the petrol station on Harbour Road.",
                "The driver of the delivery van, who has not been named, said he had been arguing with the two men \
                 for several minutes.",
            ),
            (
                "The IAAF - athletics' world governing body - has met anti-doping officials and coaches in \
                 Monaco.",
                "The IAAF - athletics' world governing body - has met anti-doping officials and coaches in \
                 Monaco.",
            ),
            (
                "(Wire) The harbour council approved the budget on Tuesday.",
                "The harbour council approved the budget on Tuesday.",
            ),
            (
                "Porto (Wire) -- The harbour council approved the budget on Tuesday.",
                "The harbour council approved the budget on Tuesday.",
            ),
            (
                "The whale swam nearly 14,000 miles (22,500 kilometers) from Russia to Mexico and back again \
                 in 172 days, according to a release from the university that tracked it with a small satellite tag on its back.",
                "The whale swam nearly 14,000 miles from Russia to Mexico and back again in 172 days.",
            ),
        ];
        for (text, want) in cases {
            assert_eq!(shorten(text, 30, 8).as_deref(), Some(want), "{text}");
        }
    }

    #[test]
    fn never_cuts_inside_quotes_and_falls_back_to_an_ellipsis() {
        let long = "\"We will rebuild every single bridge and every single road in this city, and we will do it \
                    faster than anyone thinks possible, because the people deserve it,\" the mayor told reporters.";
        let got = lede([long].into_iter(), 30, 8);
        assert!(words(&got) <= 30 && got.ends_with('…'), "{got}");
        let plain = (0..40)
            .map(|i| format!("w{i}"))
            .collect::<Vec<_>>()
            .join(" ")
            + ".";
        assert_eq!(shorten(&plain, 30, 8), None);
        let list = "The families of the harbour victims are making an emotional, passionate plea to the court to drop \
                    the charges against the captain, the pilot, the two deckhands and the owner of the ferry company.";
        assert_eq!(
            shorten(list, 30, 8),
            None,
            "a comma in a list is no clause boundary"
        );
    }

    #[test]
    fn lede_skips_sentences_that_cannot_stand_alone() {
        let ranked = [
            "He said the bridge would reopen.",
            "The harbour bridge will reopen in May, the mayor said.",
        ];
        assert_eq!(lede(ranked.into_iter(), 30, 8), ranked[1]);
        assert_eq!(lede(std::iter::empty(), 30, 8), "");
    }
}
