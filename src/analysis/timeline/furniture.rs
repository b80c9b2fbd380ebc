//! What is not the story: sentences and dates in, whether they may give a timeline
//! entry out.
//!
//! Ingest removes most of a page's furniture, but plain-text articles and pasted pages
//! keep some, and a date in it is no event of the story: a byline or credit ("Posted
//! on March 30, 2015 by Admin"), an author's bio ("He joined The Times in 2007 as a
//! feature writer"), a citation ("Retrieved 24 Feb 2018"), a caption (a sentence the
//! page repeats verbatim). A date can also be part of a name: "the Sunday Business
//! section", "the 2025 bonds", "Kopp's 1987 Chevrolet".

use std::collections::HashMap;

use crate::analysis::sentences::Sentence;
use crate::analysis::summary;
use crate::language::{calendar, words};

/// Whether the sentence is furniture: boilerplate, a bio or a citation.
pub fn is_furniture(text: &str) -> bool {
    summary::is_boilerplate(text) || is_bio(text) || is_citation(text)
}

/// "He joined The Times in 2007 as a feature writer", "Jane Roe is a staff writer at
/// the Ledger": a journalism role with the verb of a career.
fn is_bio(text: &str) -> bool {
    let lower = text.to_lowercase();
    let role = lower
        .split(|c: char| !c.is_alphanumeric())
        .any(words::is_journalism_role);
    let career = [
        "joined ",
        " is a ",
        " was a ",
        " covers ",
        " writes ",
        "contributing ",
    ]
    .iter()
    .any(|v| lower.contains(v));
    role && career
}

/// "Retrieved 24 Feb 2018", "Archived from the original on ...", "Accessed 3 May".
fn is_citation(text: &str) -> bool {
    let t = text.trim_start_matches(|c: char| !c.is_alphanumeric());
    ["Retrieved ", "Archived from", "Accessed ", "Archived "]
        .iter()
        .any(|p| t.starts_with(p))
        || text.contains(". Retrieved ")
}

/// Indices of the sentences whose text appears more than once in the article (a
/// caption or pull quote the page repeats), in a set for lookup.
pub fn repeated(prose: &str, sentences: &[Sentence]) -> Vec<bool> {
    let key = |s: &Sentence| {
        s.text(prose)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut count: HashMap<String, usize> = HashMap::new();
    let keys: Vec<String> = sentences.iter().map(key).collect();
    for k in &keys {
        *count.entry(k.clone()).or_default() += 1;
    }
    keys.iter()
        .map(|k| k.split_whitespace().count() >= 4 && count[k] > 1)
        .collect()
}

/// Whether the expression `date` (its text), with the words `before` and `after` it,
/// is part of a name: a weekday before a capitalised word that is no calendar word
/// ("Sunday Business section", "Monday Night Football"), or a year after a determiner
/// or possessive and before a capitalised word or a financial or product noun ("the
/// 2020 Sentra", "the 2025 bonds", "Kopp's 1987 Chevrolet").
pub fn is_name(date: &str, before: &str, after: &str) -> bool {
    let next = after.split_whitespace().next().unwrap_or("");
    let next_word = next.trim_matches(|c: char| !c.is_alphanumeric());
    let capitalised = next_word.starts_with(char::is_uppercase)
        && !calendar::is_full_name(next_word)
        && calendar::month(&next_word.to_lowercase()).is_none();
    let prev = before.split_whitespace().next_back().unwrap_or("");
    let determined =
        words::is_determiner(&prev.to_lowercase()) || prev.ends_with("'s") || prev.ends_with("’s");
    let lone = date.split_whitespace().count() == 1;
    if lone && calendar::weekday(&date.to_lowercase()).is_some() {
        let part_of_day = ["Morning", "Afternoon", "Evening", "Night"].contains(&next_word);
        return determined && capitalised && !part_of_day;
    }
    let year = date.len() == 4 && date.bytes().all(|b| b.is_ascii_digit());
    year && determined && (capitalised || words::is_dated_name_noun(&next_word.to_lowercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bios_citations_and_credits_are_furniture() {
        let cases = [
            (
                "He joined The Ledger in 2009 as a feature writer for the weekend section.",
                true,
            ),
            ("Jane Roe is a staff writer at the Courier.", true),
            ("Retrieved 4 March 2019.", true),
            ("Posted on March 30, 2015 by Admin", false),
            ("The minister joined the talks in 2009.", false),
            ("The reporter was arrested on Monday.", false),
        ];
        for (text, want) in cases {
            assert_eq!(is_bio(text) || is_citation(text), want, "{text}");
        }
    }

    #[test]
    fn dates_inside_names() {
        let cases = [
            ("Sunday", "for the", "Business section.", true),
            ("Monday", "on", "Night Football", false),
            ("Sunday", "on", "evening", false),
            ("Monday", "on", "Lisk police said", false),
            ("Friday", "On", ", the envoy", false),
            ("2025", "the", "bonds fell", true),
            ("1987", "Kopp's", "Chevrolet was found", true),
            ("2019", "In", "Boeing sold", false),
            ("2020", "the", "election", false),
            ("2014", "since", "the border", false),
        ];
        for (date, before, after, want) in cases {
            assert_eq!(
                is_name(date, before, after),
                want,
                "{before} {date} {after}"
            );
        }
    }

    #[test]
    fn repeated_sentences_are_captions() {
        let text = "A crowd gathers at the dock in Lisk. The ferry left on Monday. A crowd gathers at the dock in Lisk.";
        let sentences = crate::analysis::sentences::split(
            text,
            &[crate::ingest::Block {
                start: 0,
                end: text.len(),
                kind: crate::ingest::BlockKind::Paragraph,
            }],
        );
        assert_eq!(repeated(text, &sentences), [true, false, true]);
    }
}
