//! What is not the story: sentences and dates in, whether they may give a timeline
//! entry out.
//!
//! Ingest removes most of a page's furniture, but plain-text articles and pasted pages
//! keep some, and a date in it is no event of the story: a byline or credit ("Posted
//! on March 30, 2015 by Admin"), an author's bio ("He joined The Times in 2007 as a
//! feature writer"), a citation ("Retrieved 24 Feb 2018"), a caption (a sentence the
//! page repeats verbatim). (Dates that are part of a name, "the Sunday Business
//! section", are no time expressions at all: `timex` leaves them out.)

use std::collections::HashMap;

use crate::analysis::sentences::Sentence;
use crate::analysis::summary;
use crate::language::words;

/// Whether the sentence is furniture: boilerplate, a bio, a citation or a list's lead-in.
pub fn is_furniture(text: &str) -> bool {
    summary::is_boilerplate(text) || is_bio(text) || is_citation(text) || is_lead_in(text)
}

/// Whether a heading reads as a sentence: ten words or more, ended like one ("Ana
/// Varela posted online asking if the strike was over."). Before any running text it
/// is the standfirst, the page's lede set as a subheading; a section heading ("Talks
/// resume in Lisk") has no full stop.
pub fn standfirst(text: &str) -> bool {
    let t = text.trim_end();
    let ended = t.ends_with('.')
        || (t.ends_with(['”', '"']) && t.trim_end_matches(['”', '"']).ends_with(['.', '?', '!']));
    ended && t.split_whitespace().count() >= 10
}

/// "Here are some of the threats named in the 2015 report": the lead-in to a list
/// tells no event of its own (the list does).
fn is_lead_in(text: &str) -> bool {
    let t = text.trim_start();
    ["Here are ", "Here is ", "Here's ", "Here’s ", "Below are "]
        .iter()
        .any(|p| t.starts_with(p))
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
            ("Here are the five ferries named in the 2019 audit.", true),
            ("Here’s what the audit found in 2019:", true),
            ("The audit named five ferries here in 2019.", false),
        ];
        for (text, want) in cases {
            let furniture = is_bio(text) || is_citation(text) || is_lead_in(text);
            assert_eq!(furniture, want, "{text}");
        }
    }

    #[test]
    fn a_heading_that_reads_as_a_sentence_is_a_standfirst() {
        let cases = [
            (
                "Harbour pilot Ana Varela posted online asking if the strike at Lisk was over.",
                true,
            ),
            (
                "Harbour pilot Ana Varela posted online asking if there were “any calm captains?”",
                true,
            ),
            // must not change: section headings, short or without a full stop
            (
                "Ana Varela and the union reviewed the reply sent to the harbour board",
                false,
            ),
            ("Talks resume in Lisk.", false),
            ("Where does the strike go from here?", false),
        ];
        for (text, want) in cases {
            assert_eq!(standfirst(text), want, "{text}");
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
