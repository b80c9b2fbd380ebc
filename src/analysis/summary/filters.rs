//! Surface tests on one sentence's text: may it be in a summary at all (not a caption,
//! credit, byline, "Read more" line, dateline or other fragment), does it open with a
//! reference to something earlier ("He said", "However,"), is it a quotation.
//!
//! Layout from ingest already removes most boilerplate; these tests catch what reaches
//! us as a paragraph anyway (plain-text articles, pasted pages). They look only at the
//! sentence itself, so they are cheap and predictable.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::sync::OnceLock;

/// Lines that start like this are furniture, not news.
const BOILERPLATE_STARTS: &[&str] = &[
    "read more",
    "read next",
    "click here",
    "see also",
    "related:",
    "related articles",
    "related stories",
    "watch:",
    "watch the video",
    "video:",
    "photo:",
    "photos:",
    "image:",
    "picture:",
    "pictured:",
    "credit:",
    "source:",
    "follow us",
    "follow our",
    "follow him",
    "follow her",
    "follow live",
    "sign up",
    "listen to",
    "download the",
    "more:",
    "subscribe",
    "share this",
    "scroll down",
    "advertisement",
    "published:",
    "updated:",
    "last updated",
    "copyright",
    "©",
    "(image",
    "(photo",
    "(picture",
    "(credit",
    "[image",
    "[photo",
    "reporting by",
    "editing by",
    "additional reporting",
    "write to ",
    "email us",
    "for more information",
    "for more news",
    "for more stories",
    "for more on ",
    "all rights reserved",
];

/// Phrases that mark a credit line wherever they occur.
const BOILERPLATE_ANYWHERE: &[&str] = &[
    "contributed to this report",
    "contributed reporting",
    "all rights reserved",
    "(image:",
    "(photo:",
    "(picture:",
    "click here",
    "read more:",
    "sign up for our",
    "follow us on",
    "getty images",
    "for confidential support",
];

/// First words that point back to something the reader has not seen.
const REFERENCE_OPENERS: &[&str] = &[
    "he",
    "she",
    "it",
    "they",
    "this",
    "these",
    "those",
    "that",
    "his",
    "her",
    "its",
    "their",
    "him",
    "them",
    "such",
    "however",
    "but",
    "and",
    "also",
    "meanwhile",
    "instead",
    "still",
    "yet",
    "so",
    "then",
    "moreover",
    "furthermore",
    "additionally",
    "nevertheless",
    "nonetheless",
    "otherwise",
    "thus",
    "therefore",
    "hence",
    "besides",
    "likewise",
    "similarly",
    "consequently",
    "both",
    "another",
];

fn matcher(cell: &'static OnceLock<AhoCorasick>, patterns: &[&str]) -> &'static AhoCorasick {
    cell.get_or_init(|| {
        AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostFirst)
            .build(patterns)
            .expect("the boilerplate patterns are valid")
    })
}

/// The text without leading quotes, brackets and dashes.
fn strip_opening(text: &str) -> &str {
    text.trim_start_matches(|c: char| !c.is_alphanumeric())
}

/// Whether the sentence is furniture: a caption, credit, byline, link line or heading.
pub(crate) fn is_boilerplate(text: &str) -> bool {
    static STARTS: OnceLock<AhoCorasick> = OnceLock::new();
    static ANYWHERE: OnceLock<AhoCorasick> = OnceLock::new();
    let t = text.trim();
    // Only the opening can match a start pattern: search no further than the longest.
    let mut head = t.len().min(32);
    while !t.is_char_boundary(head) {
        head -= 1;
    }
    if matcher(&STARTS, BOILERPLATE_STARTS)
        .find(&t[..head])
        .is_some_and(|m| m.start() == 0)
        || matcher(&ANYWHERE, BOILERPLATE_ANYWHERE).is_match(t)
    {
        return true;
    }
    is_byline(t) || is_shouting(t)
}

/// "By Jane Doe and John Roe, Staff Reporters", "By Teo Marchetti in Lisk · March 20,
/// 2026, 6:45 a.m." (but not "By Friday, talks had ..."): a name of capitalised words,
/// then only capitalised words, numbers, dates and small linking words.
fn is_byline(text: &str) -> bool {
    let Some(rest) = text
        .strip_prefix("By ")
        .or_else(|| text.strip_prefix("BY "))
    else {
        return false;
    };
    let words: Vec<&str> = rest.split_whitespace().collect();
    let capital = |w: &&str| w.starts_with(|c: char| c.is_uppercase());
    let name =
        words.len() >= 2 && capital(&words[0]) && capital(&words[1]) && !words[0].ends_with(',');
    let linking = |w: &&str| {
        let w = w.trim_end_matches([',', '.', ';']);
        matches!(
            w,
            "in" | "and"
                | "for"
                | "at"
                | "of"
                | "the"
                | "a.m"
                | "p.m"
                | "de"
                | "van"
                | "von"
                | "da"
        )
    };
    let fits = |w: &&str| capital(w) || linking(w) || !w.contains(char::is_alphabetic);
    name && words.len() <= 16 && words.iter().all(fits)
}

/// Mostly upper-case letters: a kicker or heading typed in capitals.
fn is_shouting(text: &str) -> bool {
    if text.is_ascii() {
        let (upper, letters) = text
            .bytes()
            .filter(u8::is_ascii_alphabetic)
            .fold((0usize, 0usize), |(u, l), b| {
                (u + usize::from(b.is_ascii_uppercase()), l + 1)
            });
        return letters >= 12 && upper * 10 >= letters * 8;
    }
    let (upper, letters) = text
        .chars()
        .filter(|c| c.is_alphabetic())
        .fold((0usize, 0usize), |(u, l), c| {
            (u + usize::from(c.is_uppercase()), l + 1)
        });
    letters >= 12 && upper * 10 >= letters * 8
}

/// Whether the sentence ends like a sentence (., !, ? or …, maybe inside quotes or brackets).
pub(super) fn is_complete(text: &str) -> bool {
    let t = text.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»')
    });
    t.ends_with(['.', '!', '?', '…'])
}

/// Whether the sentence (of `words` words) may appear in a summary at all.
pub(super) fn is_candidate(text: &str, words: usize, min_words: usize) -> bool {
    is_complete(text) && words >= min_words && !is_boilerplate(text)
}

/// Whether the first word refers back ("He", "However", "This").
pub(super) fn opens_with_reference(text: &str) -> bool {
    let first = strip_opening(text)
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    first.len() <= 12
        && REFERENCE_OPENERS
            .iter()
            .any(|w| w.eq_ignore_ascii_case(first))
}

/// Share of the sentence's letters and digits that stand inside double quotation marks
/// (straight, curly, guillemets or PTB-style); an opening mark that is never closed
/// runs to the end of the sentence.
pub(super) fn quoted_share(text: &str) -> f64 {
    // Most sentences hold no quotation mark: every mark above starts with one of these
    // bytes (0xE2 and 0xC2 open the curly quotes and guillemets).
    if !text.bytes().any(|b| matches!(b, b'"' | b'`' | 0xE2 | 0xC2)) {
        return 0.0;
    }
    let (mut inside, mut quoted, mut total) = (false, 0usize, 0usize);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '“' | '«' => inside = true,
            '”' | '»' => inside = false,
            '"' => inside = !inside,
            '`' if chars.peek() == Some(&'`') => {
                chars.next();
                inside = true;
            }
            '\'' if chars.peek() == Some(&'\'') => {
                chars.next();
                inside = false;
            }
            c if c.is_alphanumeric() => {
                total += 1;
                quoted += usize::from(inside);
            }
            _ => {}
        }
    }
    if total == 0 {
        0.0
    } else {
        quoted as f64 / total as f64
    }
}

/// Whether the sentence opens with a quotation mark.
pub(super) fn opens_with_quote(text: &str) -> bool {
    let t = text.trim_start();
    t.starts_with(['"', '“', '‘', '«'])
        || t.starts_with("``")
        || t.starts_with("''")
        || t.starts_with("'")
}

/// Whether the first word is a first-person one ("I", "We", "My"): in news prose that
/// is a quotation whose marks were lost.
pub(super) fn opens_in_first_person(text: &str) -> bool {
    let first = strip_opening(text)
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    matches!(first, "I" | "We" | "My" | "Our" | "Me" | "Us")
}

/// Whether the sentence is a question.
pub(super) fn is_question(text: &str) -> bool {
    text.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '"' | '\'' | '”' | '’' | ')'))
        .ends_with('?')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word_count(text: &str) -> usize {
        text.split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count()
    }

    #[test]
    fn furniture_is_not_a_candidate() {
        let cases = [
            ("(Image: AP)", false),
            ("Photo: Jane Doe for the Gazette.", false),
            (
                "Read more: Why the harbour bridge keeps closing at night.",
                false,
            ),
            ("By Jane Doe and Omar Haddad.", false),
            ("By Lena Park in Porto · March 20, 2026, 6:45 a.m.", false),
            (
                "Staff writer Lena Park contributed to this report from the capital.",
                false,
            ),
            ("THE MARKET WAKES UP TO A NEW KIND OF RISK TODAY.", false),
            ("Harbour bridge reopens after repairs", false),
            ("It rained.", false),
            (
                "Click here to sign up for the morning newsletter today.",
                false,
            ),
            (
                "By Friday, the council had approved the new harbour budget.",
                true,
            ),
            (
                "The council approved the harbour budget on Tuesday after a long debate.",
                true,
            ),
            (
                "\"We will rebuild the bridge,\" the mayor said on Monday.",
                true,
            ),
            (
                "Ms. Park said the bridge would reopen in Jan. next year.",
                true,
            ),
        ];
        for (text, want) in cases {
            assert_eq!(is_candidate(text, word_count(text), 6), want, "{text}");
        }
    }

    #[test]
    fn reference_openings_are_recognised() {
        let cases = [
            ("He said the vote was fair.", true),
            ("However, the vote was delayed.", true),
            ("\"They lied,\" she said.", true),
            ("This came after a long week.", true),
            ("Theresa May said the vote was fair.", false),
            ("Therapists met in Oslo.", false),
            ("The mayor said the vote was fair.", false),
            ("Italy voted on Sunday.", false),
        ];
        for (text, want) in cases {
            assert_eq!(opens_with_reference(text), want, "{text}");
        }
    }

    #[test]
    fn share_of_quoted_text() {
        let cases = [
            ("\"We won,\" he said.", 5.0 / 11.0),
            (
                "The mayor told reporters, “We have heard some signs of progress.",
                30.0 / 51.0,
            ),
            ("`` It rained, '' she said.", 8.0 / 15.0),
            ("The mayor won the vote on Sunday.", 0.0),
            ("", 0.0),
        ];
        for (text, want) in cases {
            assert!(
                (quoted_share(text) - want).abs() < 1e-9,
                "{text}: {}",
                quoted_share(text)
            );
        }
    }

    #[test]
    fn quotes_and_questions() {
        let cases = [
            ("\"We won,\" he said.", true, false),
            ("“We won,” he said.", true, false),
            ("`` We won, '' he said.", true, false),
            ("Who is the new mayor?", false, true),
            ("Is it over?\"", false, true),
            ("The mayor won.", false, false),
            ("I'm not ready for this season, she said.", true, false),
            ("We will appeal, the club said.", true, false),
            ("Iran said the talks would go on.", false, false),
        ];
        for (text, quote, question) in cases {
            let quoted = opens_with_quote(text) || opens_in_first_person(text);
            assert_eq!((quoted, is_question(text)), (quote, question), "{text}");
        }
    }
}
