//! Knowledge about English as news writes it, below every stage: words and names in,
//! what they are out. `ingest`, `analysis`, `briefing` and `site` all read it; it
//! depends on none of them.
//!
//! - [`calendar`]: month and weekday names and abbreviations, time zones;
//! - [`dateline`]: the wire dateline a lead opens with ("LONDON (Reuters) -");
//! - [`detect`]: which language a text is in (all the rest knows English only);
//! - [`words`]: function words by class (determiners, pronouns, prepositions,
//!   conjunctions, auxiliaries, reporting verbs, stop words, abbreviations);
//! - [`names`]: name keys, titles before names, corporate suffixes, surname particles,
//!   initials and acronyms, spelling variants of people's names;
//! - [`reference`]: phrases that refer back ("these two issues", "calls that into
//!   question"), which no entry read alone can show;
//! - [`things`]: names of laws, works, games, products and events, which are no actors;
//! - [`world`]: countries with their demonyms and known organisations, each with the
//!   canonical name readers know;
//! - [`identity`]: the one rule that decides whether names name one entity, used within
//!   an article and across the site alike.
//!
//! Each table is here once, with what it is for, so a stage never keeps its own copy and
//! two stages never disagree about a word. Everything is pure data and pure functions;
//! tables that need parsing are built once, on first use. Larger lists are plain text
//! files in `data/`, reviewed as data (one entry per line, `#` comments).

pub mod calendar;
pub mod dateline;
pub mod detect;
pub mod gazetteers;
pub mod identity;
pub mod names;
pub mod reference;
pub mod things;
pub mod words;
pub mod world;

use std::collections::HashMap;

/// Splits a data file into `[section]`s of non-empty, non-comment lines ("" before any
/// header), for the word lists kept as text.
pub fn sections(data: &str) -> HashMap<&str, Vec<&str>> {
    let mut out: HashMap<&str, Vec<&str>> = HashMap::new();
    let mut current = "";
    for line in data.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            current = name;
            continue;
        }
        out.entry(current).or_default().push(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_skip_comments_and_blank_lines() {
        let parsed = sections("# c\nfree\n\n[a]\nx\n # y\n[b]\nz\n");
        assert_eq!(parsed[""], ["free"]);
        assert_eq!(parsed["a"], ["x"]);
        assert_eq!(parsed["b"], ["z"]);
    }
}
