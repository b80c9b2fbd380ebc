//! Word tokens for English news: a text and a byte range in, tokens with byte offsets out.
//!
//! The conventions are those of the Penn Treebank as used by CoNLL-2003, because the
//! entity recogniser is trained on CoNLL tokens and must see the same units at run time:
//! whitespace separates; quotes, brackets and sentence punctuation are tokens of their
//! own; a final period stays on abbreviations and initials ("U.S.", "Mr.", "J.") and is
//! split elsewhere; clitics split off ("Washington's" → "Washington" + "'s", "don't" →
//! "do" + "n't", with straight or typographic apostrophes); hyphenated words
//! ("Ukraine-Russia", "all-rounder"), numbers with `,` `.` `:` ("1,00,000", "2.5",
//! "10:30") and internal apostrophes ("O'Neill") stay whole; dashes, ellipses and currency
//! or percent signs are tokens.
//!
//! It is one linear pass over the bytes with no allocation beyond the output `Vec`
//! ([`tokenize_into`] reuses the caller's), so every analysis pass can afford to call it.
//! Offsets always index the text passed in, and any input (invalid ranges included)
//! gives a result, never a panic.

use std::ops::Range;

/// One token: a byte range of the text it was cut from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Token {
    pub start: usize,
    pub end: usize,
}

impl Token {
    /// The token's text in `text` (empty if the range does not fit `text`).
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// Tokenises `text[range]`; offsets index `text`. An out-of-bounds range is clamped and a
/// range that does not fall on character boundaries gives no tokens.
pub fn tokenize(text: &str, range: Range<usize>) -> Vec<Token> {
    let mut out = Vec::new();
    tokenize_into(text, range, &mut out);
    out
}

/// Like [`tokenize`], appending to `out` (which is not cleared).
pub fn tokenize_into(text: &str, range: Range<usize>, out: &mut Vec<Token>) {
    let end = range.end.min(text.len());
    let start = range.start.min(end);
    let Some(slice) = text.get(start..end) else {
        return;
    };
    let mut chunk_start = None;
    for (i, c) in slice.char_indices() {
        if is_space(c) {
            if let Some(s) = chunk_start.take() {
                split_chunk(text, start + s, start + i, s == 0, out);
            }
        } else if chunk_start.is_none() {
            chunk_start = Some(i);
        }
    }
    if let Some(s) = chunk_start {
        split_chunk(text, start + s, end, s == 0, out);
    }
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200b}' | '\u{feff}' | '\u{2060}')
}

/// Characters that may occur inside a word; everything else is a token of its own.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
        || matches!(
            c,
            '-' | '.' | '\'' | '’' | '&' | '/' | '@' | '_' | ',' | ':' | '\u{2011}' | '\u{ad}'
        )
        || is_mark(c)
}

/// Combining marks (accents written as separate code points) stay with their letter.
fn is_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}' | '\u{1ab0}'..='\u{1aff}' | '\u{1dc0}'..='\u{1dff}' | '\u{20d0}'..='\u{20ff}')
}

/// Splits one whitespace-free chunk `text[s..e]` into word segments and separators.
/// `first` says the chunk starts the range.
fn split_chunk(text: &str, s: usize, e: usize, first: bool, out: &mut Vec<Token>) {
    let chunk = &text[s..e];
    let line_start = first || text[..s].ends_with('\n');
    let bytes = chunk.as_bytes();
    let mut seg_start = 0;
    let mut iter = chunk.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let next = iter.peek().map(|&(_, n)| n);
        let prev = chunk[..i].chars().next_back();
        if c == '$' && is_currency_prefix(&chunk[seg_start..i]) {
            // "US$", "C$": CoNLL keeps the country letters with the sign.
            out.push(Token {
                start: s + seg_start,
                end: s + i + 1,
            });
            seg_start = i + 1;
            continue;
        }
        let sep_len = separator_len(bytes, i, c, prev, next);
        if sep_len == 0 {
            continue;
        }
        if seg_start < i {
            split_segment(
                text,
                s + seg_start,
                s + i,
                line_start && seg_start == 0,
                out,
            );
        }
        out.push(Token {
            start: s + i,
            end: s + i + sep_len,
        });
        seg_start = i + sep_len;
        while iter.peek().is_some_and(|&(j, _)| j < seg_start) {
            iter.next();
        }
    }
    if seg_start < chunk.len() {
        split_segment(text, s + seg_start, e, line_start && seg_start == 0, out);
    }
}

fn is_currency_prefix(letters: &str) -> bool {
    (1..=3).contains(&letters.len()) && letters.bytes().all(|b| b.is_ascii_uppercase())
}

/// The byte length of the separator token starting at `i`, or 0 if `c` belongs to a word.
fn separator_len(bytes: &[u8], i: usize, c: char, prev: Option<char>, next: Option<char>) -> usize {
    let digits_around =
        prev.is_some_and(|p| p.is_ascii_digit()) && next.is_some_and(|n| n.is_ascii_digit());
    match c {
        ',' | ':' if digits_around => 0,
        ',' | ':' => 1,
        '+' if next.is_some_and(|n| n.is_ascii_digit())
            && !prev.is_some_and(char::is_alphanumeric) =>
        {
            0
        }
        '-' | '.' => {
            let run = bytes[i..].iter().take_while(|&&b| b == bytes[i]).count();
            let at_run_start = i == 0 || bytes[i - 1] != bytes[i];
            let min_run = if c == '-' { 2 } else { 3 };
            if at_run_start && run >= min_run {
                run
            } else {
                0
            }
        }
        _ if is_word_char(c) => 0,
        _ => c.len_utf8(),
    }
}

/// Splits a word segment: leading quotes, the core, a clitic, trailing punctuation.
/// `line_start` says nothing but whitespace precedes it on its line ("1." list items).
fn split_segment(text: &str, s: usize, e: usize, line_start: bool, out: &mut Vec<Token>) {
    let mut s = s;
    // A clitic on its own ("Washington 's") is one token.
    if clitic_len(&text[s..e]) == e - s {
        out.push(Token { start: s, end: e });
        return;
    }
    while s < e {
        let mut chars = text[s..e].chars();
        let (Some(c), next) = (chars.next(), chars.next()) else {
            break;
        };
        let keeps = match c {
            '\'' | '’' | '-' | '.' | '+' => next.is_some_and(|n| n.is_ascii_digit()),
            '@' | '_' => next.is_some_and(char::is_alphanumeric),
            _ => c.is_alphanumeric() || is_mark(c),
        };
        if keeps {
            break;
        }
        out.push(Token {
            start: s,
            end: s + c.len_utf8(),
        });
        s += c.len_utf8();
    }
    let core_end = trailing_start(text, s, e, line_start);
    if s < core_end {
        let word_end = core_end - clitic_len(&text[s..core_end]);
        if word_end > s && word_end < core_end {
            out.push(Token {
                start: s,
                end: word_end,
            });
            out.push(Token {
                start: word_end,
                end: core_end,
            });
        } else {
            out.push(Token {
                start: s,
                end: core_end,
            });
        }
    }
    push_trailing(text, core_end, e, out);
}

/// The byte length of a clitic ending `word` ("'s", "’s", "'ll", "n't", ...), or 0.
fn clitic_len(word: &str) -> usize {
    for body in ["s", "re", "ve", "ll", "d", "m"] {
        let Some(stem) = strip_suffix_ignore_case(word, body) else {
            continue;
        };
        if stem.ends_with('\'') {
            return body.len() + 1;
        }
        if stem.ends_with('’') {
            return body.len() + '’'.len_utf8();
        }
    }
    negation_len(word)
}

/// "n't" / "n’t" at the end of `word`, with at least one letter before it.
fn negation_len(word: &str) -> usize {
    for (suffix, len) in [("n't", 3), ("n’t", 5), ("N'T", 3), ("N’T", 5)] {
        if word.len() > len && word.ends_with(suffix) {
            return len;
        }
    }
    0
}

fn strip_suffix_ignore_case<'a>(word: &'a str, suffix: &str) -> Option<&'a str> {
    let split = word.len().checked_sub(suffix.len())?;
    let tail = word.get(split..)?;
    tail.eq_ignore_ascii_case(suffix).then(|| &word[..split])
}

/// Where the trailing punctuation of `text[s..e]` starts (quotes, hyphens, periods that
/// do not end an abbreviation or a list number at the start of a line).
fn trailing_start(text: &str, s: usize, e: usize, line_start: bool) -> usize {
    let mut end = e;
    while end > s {
        let word = &text[s..end];
        let Some(c) = word.chars().next_back() else {
            break;
        };
        let strip = match c {
            '\'' | '’' | '-' | '&' | '/' | '@' | '_' | ',' | ':' | '\u{2011}' => true,
            '.' => {
                let stem = &word[..word.len() - 1];
                let list_number =
                    line_start && stem.len() <= 2 && stem.bytes().all(|b| b.is_ascii_digit());
                !list_number && !keeps_period(stem)
            }
            _ => false,
        };
        if !strip {
            break;
        }
        end -= c.len_utf8();
    }
    end
}

/// Whether a period after `stem` belongs to it: abbreviations and initials.
fn keeps_period(stem: &str) -> bool {
    if stem.is_empty() || stem.ends_with('.') {
        return false;
    }
    if stem.contains('.') {
        return stem.chars().any(char::is_alphabetic);
    }
    let mut chars = stem.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return c.is_alphabetic();
    }
    crate::language::words::is_abbreviation(stem)
}

/// Emits `text[s..e]`, the trailing punctuation, one token per character except that a
/// run of periods is one token.
fn push_trailing(text: &str, mut s: usize, e: usize, out: &mut Vec<Token>) {
    while s < e {
        let rest = &text[s..e];
        let len = if rest.starts_with("..") {
            rest.bytes().take_while(|&b| b == b'.').count()
        } else {
            rest.chars().next().map_or(e - s, char::len_utf8)
        };
        out.push(Token {
            start: s,
            end: s + len,
        });
        s += len;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text, 0..text.len())
            .iter()
            .map(|t| t.text(text))
            .collect()
    }

    #[test]
    fn follows_conll_conventions() {
        let cases: &[(&str, &[&str])] = &[
            (
                "U.S. Ambassador John Sullivan",
                &["U.S.", "Ambassador", "John", "Sullivan"],
            ),
            ("Washington's reply", &["Washington", "'s", "reply"]),
            ("Washington’s reply", &["Washington", "’s", "reply"]),
            (
                "NATO's open-door policy.",
                &["NATO", "'s", "open-door", "policy", "."],
            ),
            ("the states' rights", &["the", "states", "'", "rights"]),
            ("They don't know", &["They", "do", "n't", "know"]),
            ("It can’t be", &["It", "ca", "n’t", "be"]),
            (
                "the Ukraine-Russia boundary",
                &["the", "Ukraine-Russia", "boundary"],
            ),
            ("nearly 1,00,000 troops", &["nearly", "1,00,000", "troops"]),
            (
                "rose 2.5 percent to 3,400.",
                &["rose", "2.5", "percent", "to", "3,400", "."],
            ),
            ("at 10:30, he said", &["at", "10:30", ",", "he", "said"]),
            ("Tim O'Gorman, 109,", &["Tim", "O'Gorman", ",", "109", ","]),
            (
                "“We have heard,” Nuland said.",
                &["“", "We", "have", "heard", ",", "”", "Nuland", "said", "."],
            ),
            (
                "\"Yes,\" he said.",
                &["\"", "Yes", ",", "\"", "he", "said", "."],
            ),
            (
                "Russian 'aggression' here",
                &["Russian", "'", "aggression", "'", "here"],
            ),
            (
                "'within its territory.'",
                &["'", "within", "its", "territory", ".", "'"],
            ),
            ("‘within’ it", &["‘", "within", "’", "it"]),
            ("talks—and more", &["talks", "—", "and", "more"]),
            ("talks -- and more", &["talks", "--", "and", "more"]),
            ("wait... what", &["wait", "...", "what"]),
            (
                "Mr. Grushko and Dr. Lee",
                &["Mr.", "Grushko", "and", "Dr.", "Lee"],
            ),
            ("J. R. R. Tolkien", &["J.", "R.", "R.", "Tolkien"]),
            ("in the U.S.. Then", &["in", "the", "U.S.", ".", "Then"]),
            ("at 3 p.m. on Friday", &["at", "3", "p.m.", "on", "Friday"]),
            (
                "$40 billion (GB 20.1)",
                &["$", "40", "billion", "(", "GB", "20.1", ")"],
            ),
            ("60% of parts", &["60", "%", "of", "parts"]),
            (
                "AT&T and Procter & Gamble",
                &["AT&T", "and", "Procter", "&", "Gamble"],
            ),
            (
                "Hello!? Yes; no: maybe",
                &["Hello", "!", "?", "Yes", ";", "no", ":", "maybe"],
            ),
            ("1996-08-30 the '90s", &["1996-08-30", "the", "'90s"]),
            ("Washington 's reply", &["Washington", "'s", "reply"]),
            ("Inc. and Co.", &["Inc.", "and", "Co."]),
            (
                "ST. LOUIS and St. Louis",
                &["ST.", "LOUIS", "and", "St.", "Louis"],
            ),
            (
                "fell C$0.45 to US$40",
                &["fell", "C$", "0.45", "to", "US$", "40"],
            ),
            (
                "Desk +44 171, 1-2 +0.5",
                &["Desk", "+44", "171", ",", "1-2", "+0.5"],
            ),
            (
                "hurdles\n1. Jane Doe (U.S.) 12.7\n2. Ann Roe",
                &[
                    "hurdles", "1.", "Jane", "Doe", "(", "U.S.", ")", "12.7", "2.", "Ann", "Roe",
                ],
            ),
            (
                "he came in 2. Then",
                &["he", "came", "in", "2", ".", "Then"],
            ),
            ("Café Zoë in Zürich", &["Café", "Zoë", "in", "Zürich"]),
        ];
        for (text, want) in cases {
            assert_eq!(words(text), *want, "{text}");
        }
    }

    #[test]
    fn offsets_index_the_whole_text_when_given_a_range() {
        let text = "Ignore this. Blinken met Lavrov.";
        let got = tokenize(text, 13..text.len());
        let words: Vec<&str> = got.iter().map(|t| t.text(text)).collect();
        assert_eq!(words, ["Blinken", "met", "Lavrov", "."]);
        assert_eq!(got[0].start, 13);
    }

    #[test]
    fn never_panics_and_covers_every_non_space_character() {
        let odd = [
            "",
            " ",
            "'",
            "''",
            "’’’",
            "...",
            "--",
            "-",
            ".",
            "'s",
            "n't",
            "a'",
            "é́",
            "\u{200b}x\u{200b}",
            "😀😀 ok",
            "x.y.z..",
            "U.S.'s",
            ",,,",
            "::",
            "&",
            "@@",
            "¿Qué?",
            "a-",
            "-a",
            "'a'",
            "…",
            "A\u{301}bc",
            "1,",
            ",1",
            "..a",
            "a..",
            "Mr.'s",
        ];
        for text in odd {
            let toks = tokenize(text, 0..text.len());
            let mut covered = 0;
            let mut last_end = 0;
            for t in &toks {
                assert!(t.start < t.end && t.start >= last_end, "{text:?}: {toks:?}");
                assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
                covered += t.end - t.start;
                last_end = t.end;
            }
            let non_space: usize = text
                .chars()
                .filter(|&c| !is_space(c))
                .map(char::len_utf8)
                .sum();
            assert_eq!(covered, non_space, "{text:?}: {toks:?}");
        }
    }

    #[test]
    fn bad_ranges_give_no_tokens_instead_of_panicking() {
        let text = "Zürich now";
        assert!(tokenize(text, 2..3).is_empty());
        assert_eq!(tokenize(text, 7..100).len(), 1);
        assert!(tokenize(text, 50..60).is_empty());
    }
}
