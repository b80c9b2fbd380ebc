//! A page's keywords in; the few that read as topics of the article out, as its tags.
//!
//! Publishers fill `keywords`, `article:tag` and JSON-LD `keywords` for search engines:
//! thirty-six phrases ("how to retire early", "retirement calculator 2019"), one comma
//! list in a single tag, the outlet's name, years. A reader's tag is a topic: a few
//! words the article is about. So a keyword is kept only when it is short (at most
//! [`MAX_WORDS`] words, no digits-only year, no URL) and the article names it, in its
//! text or as the page's section, and only the first [`MAX_TAGS`] of those, in the
//! publisher's order (which puts the main topics first). Comma and semicolon lists are
//! split, and a keyword written twice (in any case) is kept once. Tags a user writes in
//! front matter never pass through here.

use crate::language::words;

/// Tags kept per article.
pub(crate) const MAX_TAGS: usize = 5;
/// A topic is at most this many words.
const MAX_WORDS: usize = 3;
/// ... and this many characters.
const MAX_CHARS: usize = 40;

/// The page's keywords that read as topics of the article (see the module docs).
/// `keywords` are as the page gives them, `text` is the extracted article and `section`
/// the page's section (`article:section`), if it names one.
pub(crate) fn topics(keywords: &[String], text: &str, section: Option<&str>) -> Vec<String> {
    let haystack = normalise(text);
    let section = section.map(normalise).unwrap_or_default();
    let mut kept: Vec<String> = Vec::new();
    for keyword in keywords.iter().flat_map(|k| k.split([',', ';'])) {
        let keyword = keyword.split_whitespace().collect::<Vec<_>>().join(" ");
        let key = normalise(&keyword);
        if key.is_empty() || kept.iter().any(|k| normalise(k) == key) || !reads_as_topic(&keyword) {
            continue;
        }
        if contains_phrase(&haystack, &key) || key == section {
            kept.push(keyword);
            if kept.len() == MAX_TAGS {
                break;
            }
        }
    }
    kept
}

/// Short, not a number, not an address, not a function word.
fn reads_as_topic(keyword: &str) -> bool {
    let words = keyword.split_whitespace().count();
    let has_letters = keyword.chars().any(char::is_alphabetic);
    let address = keyword.contains("://") || keyword.starts_with("www.");
    let function_word = words == 1 && words::is_stop_word(&keyword.to_lowercase());
    (1..=MAX_WORDS).contains(&words)
        && keyword.chars().count() <= MAX_CHARS
        && has_letters
        && !address
        && !function_word
}

/// Lower case, letters and digits only, one space between words (an apostrophe
/// splits, so "dam's" holds "dam"; a full stop joins, so "U.S." is "us"); a
/// trailing qualifier in brackets ("National Debt (US)") is left out.
fn normalise(text: &str) -> String {
    let text = match text
        .trim_end()
        .strip_suffix(')')
        .and_then(|t| t.rsplit_once('('))
    {
        Some((head, _)) if !head.trim().is_empty() => head,
        _ => text,
    };
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with(' ') && c != '.' {
            out.push(' ');
        }
    }
    out.trim_end().to_string()
}

/// Whether `phrase` stands in `haystack` as whole words (both normalised).
fn contains_phrase(haystack: &str, phrase: &str) -> bool {
    haystack.match_indices(phrase).any(|(at, _)| {
        let before = haystack[..at].chars().next_back();
        let after = haystack[at + phrase.len()..].chars().next();
        before.is_none_or(|c| c == ' ') && after.is_none_or(|c| c == ' ')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "The Sarn River talks resumed in Lisk on Monday. Water Minister Ana Varela said \
        the dam's operators had cut the flow to Meranthe's farms by half, and U.S. mediators \
        urged both sides to agree on a drought plan.";

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn keywords_that_read_as_topics_of_the_article_are_kept() {
        let cases: [(&[&str], Option<&str>, &[&str]); 8] = [
            (
                &["Sarn River", "drought", "dam"],
                None,
                &["Sarn River", "drought", "dam"],
            ),
            (
                &["Sarn River,Drought,Water,Asia Pacific,World news"],
                Some("World news"),
                &["Sarn River", "Drought", "Water", "World news"],
            ),
            (&["Ana Varela; Lisk"], None, &["Ana Varela", "Lisk"]),
            (
                &["sarn river", "Sarn River", "SARN RIVER"],
                None,
                &["sarn river"],
            ),
            (
                &[
                    "how to end a water dispute between two countries",
                    "2016",
                    "https://example.org",
                    "Sarn",
                ],
                None,
                &["Sarn"],
            ),
            (
                &["U.S.", "Water Minister (Meranthe)"],
                None,
                &["U.S.", "Water Minister (Meranthe)"],
            ),
            (&["sar", "farm", "river talks"], None, &["river talks"]),
            (&[], None, &[]),
        ];
        for (keywords, section, want) in cases {
            assert_eq!(
                topics(&strings(keywords), TEXT, section),
                strings(want),
                "{keywords:?}"
            );
        }
    }

    #[test]
    fn a_long_list_becomes_a_handful() {
        let keywords: Vec<String> = TEXT
            .split_whitespace()
            .filter(|w| w.len() > 4)
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string())
            .collect();
        assert_eq!(topics(&keywords, TEXT, None).len(), MAX_TAGS);
    }
}
