//! Is a line a headline or a subheading, and what title does a lead sentence make?
//!
//! Lines of plain text in; yes/no decisions and titles out. Headlines and subheadings
//! in running text are short, end without sentence punctuation and do not run on into
//! the next line (a hard-wrapped paragraph's first line does). When an article has no
//! headline, its lead sentence is shortened at a natural break (a comma, a dash, or
//! before a clause or preposition word) to headline length, the way sub-editors do,
//! instead of being cut mid-phrase.

use crate::language::dateline;

/// Longest line that can still be a headline or subheading, in characters.
const MAX_HEADING_CHARS: usize = 140;
/// Most words in a headline or subheading.
const MAX_HEADING_WORDS: usize = 18;
/// A lead sentence up to this long is used whole as the title.
const TITLE_CHARS: usize = 90;
/// A shortened title has at least this many characters.
const MIN_TITLE_CHARS: usize = 30;
/// How much of a lead sentence is read to make a title from it: more than a title
/// keeps, so a megabyte-long sentence costs no more than a short one.
const TITLE_WINDOW_CHARS: usize = 4 * TITLE_CHARS;

/// Words that end a line only when the sentence goes on (hard wrap, not a heading).
const CONTINUATION_WORDS: [&str; 24] = [
    "a", "an", "the", "of", "and", "or", "but", "to", "in", "on", "for", "with", "that", "by",
    "as", "at", "from", "into", "is", "are", "was", "were", "its", "their",
];

/// Whether a line could be a subheading by its own shape.
fn heading_shape(line: &str, allow_final_punct: bool) -> bool {
    let line = line.trim();
    let chars = line.chars().count();
    let words = line.split_whitespace().count();
    if !(2..=MAX_HEADING_CHARS).contains(&chars) || words > MAX_HEADING_WORDS {
        return false;
    }
    let Some(first) = line.chars().next() else {
        return false;
    };
    if !(first.is_uppercase() || first.is_ascii_digit() || "\"'‘“«(".contains(first)) {
        return false;
    }
    if !line.chars().any(char::is_alphabetic) {
        return false;
    }
    let last_word = line
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("")
        .to_lowercase();
    if words > 1 && CONTINUATION_WORDS.contains(&last_word.as_str()) {
        return false;
    }
    allow_final_punct || !ends_like_sentence(line)
}

/// Whether the line ends with sentence punctuation (also inside a closing quote or bracket).
pub(crate) fn ends_like_sentence(line: &str) -> bool {
    let trimmed = line
        .trim_end()
        .trim_end_matches(['"', '\'', '”', '’', '»', ')', ']']);
    trimmed.ends_with(['.', '!', '?', ',', ';', ':', '…', '-', '–', '—'])
}

/// Whether the text is written in capitals (a wire-service headline).
pub(crate) fn all_caps(line: &str) -> bool {
    let letters: Vec<char> = line.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 4 && letters.iter().all(|c| !c.is_lowercase())
}

/// Whether a line that stands on its own (blank lines around it, or followed by a line
/// that starts a new sentence) is a subheading.
pub(crate) fn is_heading(line: &str) -> bool {
    heading_shape(line, false)
}

/// Whether the first line of a body is its headline. `next` is the following line when
/// it belongs to the same paragraph (no blank line in between).
pub(crate) fn is_headline(line: &str, next: Option<&str>) -> bool {
    let line = line.trim();
    if let Some(next) = next {
        let starts_sentence = next
            .trim_start()
            .chars()
            .next()
            .is_some_and(|c| !c.is_lowercase());
        if !starts_sentence {
            return false;
        }
    }
    if all_caps(line) && heading_shape(line, true) {
        return !line.ends_with([',', ';', ':']);
    }
    let question = line.ends_with(['?', '!']) && line.split_whitespace().count() <= 15;
    heading_shape(line, question)
}

/// The title written on a headline line: whitespace collapsed, a wire headline's final period dropped.
pub(crate) fn headline_title(line: &str) -> String {
    let collapsed = collapse(line);
    collapsed
        .strip_suffix('.')
        .map_or(collapsed.clone(), |s| s.trim_end().to_string())
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The first `max_chars` characters of `s` with whitespace collapsed, and whether `s`
/// goes on after them. Linear in what it returns, however long `s` is.
fn collapse_head(s: &str, max_chars: usize) -> (String, bool) {
    let mut out = String::new();
    let mut chars = 0;
    for word in s.split_whitespace() {
        if chars > 0 {
            out.push(' ');
            chars += 1;
        }
        for c in word.chars() {
            if chars >= max_chars {
                return (out, true);
            }
            out.push(c);
            chars += 1;
        }
    }
    (out, false)
}

/// Words before which a sentence can be cut and still read as a headline.
const BREAK_WORDS: [&str; 28] = [
    "which",
    "who",
    "whom",
    "whose",
    "where",
    "when",
    "while",
    "after",
    "before",
    "because",
    "as",
    "since",
    "although",
    "though",
    "amid",
    "despite",
    "according",
    "over",
    "for",
    "in",
    "on",
    "with",
    "at",
    "from",
    "during",
    "following",
    "until",
    "under",
];

/// A headline made from an article's lead sentence: the whole sentence if short, else
/// the longest prefix of headline length that ends at a natural break.
pub(crate) fn title_from_sentence(sentence: &str) -> String {
    let (collapsed, cut) = collapse_head(sentence, TITLE_WINDOW_CHARS);
    let s = dateline::strip(&collapsed);
    let s = match cut {
        true => s.to_string(),
        false => s.trim_end_matches(['.', ' ']).to_string(),
    };
    if !cut && s.chars().count() <= TITLE_CHARS {
        return s;
    }
    let mut best = None;
    for (i, _) in s.char_indices().filter(|&(i, c)| c == ' ' && i > 0) {
        let head = &s[..i];
        let len = head.chars().count();
        if len > TITLE_CHARS {
            break;
        }
        let next_word: String = s[i + 1..]
            .chars()
            .take_while(|c| c.is_alphabetic())
            .collect::<String>()
            .to_lowercase();
        let punct_break =
            head.ends_with([',', ';', ':']) || s[i + 1..].starts_with(['-', '–', '—', '(']);
        let word_break = BREAK_WORDS.contains(&next_word.as_str());
        if len >= MIN_TITLE_CHARS && (punct_break || word_break) && balanced(head) {
            best = Some(head.trim_end_matches([',', ';', ':', ' ']).to_string());
        }
    }
    best.unwrap_or_else(|| {
        // the last space with at most 80 characters before it
        let cut = s.char_indices().take(81).filter(|&(_, c)| c == ' ').last();
        match cut {
            Some((i, _)) => format!("{}…", s[..i].trim_end_matches([',', ';', ':'])),
            None => s.chars().take(80).collect::<String>() + "…",
        }
    })
}

/// Quotes and brackets are not left open.
fn balanced(s: &str) -> bool {
    let count = |c: char| s.chars().filter(|&x| x == c).count();
    count('"') % 2 == 0 && count('(') == count(')') && count('“') == count('”')
}

/// The last resort: "russia-talks_2022.txt" -> "Russia talks 2022".
pub(crate) fn title_from_file_stem(stem: &str) -> String {
    let words = collapse(&stem.replace(['-', '_'], " "));
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => "Untitled".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headlines_are_short_unpunctuated_and_do_not_run_on() {
        let cases: [(&str, Option<&str>, bool); 13] = [
            ("Russia weighs US reply as talks stall", None, true),
            (
                "Russia weighs US reply as talks stall",
                Some("Moscow said on Friday."),
                true,
            ),
            ("Will Russia accept the offer?", None, true),
            (
                "CRICKET - LEICESTERSHIRE TAKE OVER AT TOP AFTER INNINGS VICTORY.",
                None,
                true,
            ),
            (
                "The minister said on",
                Some("Tuesday that talks would resume."),
                false,
            ),
            ("The minister arrived late", Some("and left early."), false),
            (
                "The talks in Geneva ended without an agreement.",
                None,
                false,
            ),
            ("Ministers met in Geneva, and", None, false),
            ("the talks resumed", None, false),
            ("Talks resume in the", None, false),
            (&"Word ".repeat(30), None, false),
            ("1,000", None, false),
            ("Ministers met:", None, false),
        ];
        for (line, next, want) in cases {
            assert_eq!(is_headline(line, next), want, "{line:?} / {next:?}");
        }
    }

    #[test]
    fn subheadings_have_no_final_punctuation() {
        let cases = [
            (
                "Wendy Sherman, European allies reviewed the written response conveyed to Russia",
                true,
            ),
            ("What comes next", true),
            ("“Severe consequences”", true),
            ("The officials agreed.", false),
            ("He said: “We will respond.”", false),
            ("Will talks resume?", false),
            ("and the rest", false),
        ];
        for (line, want) in cases {
            assert_eq!(is_heading(line), want, "{line}");
        }
    }

    #[test]
    fn long_lead_sentences_are_shortened_at_a_natural_break() {
        let cases = [
            (
                "Ministers met in Geneva on Friday.",
                "Ministers met in Geneva on Friday",
            ),
            (
                "The foreign ministers of both countries agreed on Friday to resume talks over the border dispute, which has \
                 simmered for a decade, officials said.",
                "The foreign ministers of both countries agreed on Friday to resume talks",
            ),
            (
                "Officials from the two governments, meeting behind closed doors in a hotel near the lake, agreed to keep talking.",
                "Officials from the two governments, meeting behind closed doors in a hotel near the lake",
            ),
            (
                "LONDON (Reuters) - Ministers met in London on Friday to discuss the crisis.",
                "Ministers met in London on Friday to discuss the crisis",
            ),
            ("(CNN) Talks stalled on Friday.", "Talks stalled on Friday"),
            (
                "THE HAGUE, Netherlands (AP)_ The court on Friday rejected the request.",
                "The court on Friday rejected the request",
            ),
            (
                "WASHINGTON — Talks resumed on Friday.",
                "Talks resumed on Friday",
            ),
            (
                "NATO (the alliance) met on Friday.",
                "NATO (the alliance) met on Friday",
            ),
            (
                "NATO said on Friday - quietly - that talks resumed.",
                "NATO said on Friday - quietly - that talks resumed",
            ),
        ];
        for (sentence, want) in cases {
            assert_eq!(title_from_sentence(sentence), want, "{sentence}");
        }
    }

    #[test]
    fn a_sentence_without_breaks_is_cut_at_a_word_with_an_ellipsis() {
        let s = "Supercalifragilistic ".repeat(10);
        let got = title_from_sentence(&s);
        assert!(got.ends_with('…') && got.chars().count() <= 81, "{got}");
        let long_word = "x".repeat(200);
        assert_eq!(title_from_sentence(&long_word).chars().count(), 81);
    }

    #[test]
    fn headline_titles_and_file_names() {
        assert_eq!(
            headline_title("TALKS  STALL IN GENEVA."),
            "TALKS STALL IN GENEVA"
        );
        assert_eq!(headline_title("Talks stall"), "Talks stall");
        assert_eq!(
            title_from_file_stem("russia-talks_2022"),
            "Russia talks 2022"
        );
        assert_eq!(title_from_file_stem("--"), "Untitled");
    }
}
