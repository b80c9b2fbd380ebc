//! Sentence segmentation with a bound on time: a paragraph in, sentencex's sentence
//! pieces (byte ranges) out, for ingest (a title from the lead sentence) and analysis
//! (every sentence) alike.
//!
//! sentencex (Wikimedia's rule-based splitter) knows abbreviations, initials, decimals
//! and quotes, but is super-linear on some inputs; this module gives it bounded windows
//! of a long paragraph so that its work stays linear (see [`segment`]), and splits
//! Catalan, Danish and Italian with a copy of its rules that does not compile a regex
//! at every sentence end ([`rules`]).

mod rules;

/// Paragraphs longer than this are given to sentencex in pieces of at most this many
/// bytes (see [`segment`]). News paragraphs are far shorter (a few hundred bytes).
pub const SEGMENT_BYTES: usize = 8_192;
/// ... and of at most this many quotes, brackets and sentence marks.
pub const SEGMENT_MARKS: usize = 128;

/// sentencex's pieces of `text` in `language` (an ISO 639 code), as byte ranges
/// shifted by `offset`.
///
/// sentencex's time grows with the product of the length of the text it is given and
/// the number of quotes, brackets or sentence marks in it: an opening quote without a
/// closer makes it search the rest of the text, once per opener; runs of backticks or
/// `<![CDATA[` make it rescan what it already passed, once per mark. A 2 MiB paragraph
/// of such text took minutes. So a paragraph goes to it in windows of at most
/// [`SEGMENT_BYTES`] and [`SEGMENT_MARKS`]; the last piece of a window, which the
/// window's end may have cut, is segmented again at the start of the next one (unless
/// it is most of the window). Its work is then linear in the paragraph's length, and
/// the pieces are those of the whole paragraph but where a sentence is longer than a
/// window. Ordinary paragraphs are one window.
pub fn segment(language: &str, text: &str, offset: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let limit = window_end(text, start);
        let window = &text[start..limit];
        let mut pieces = rules::boundaries(language, window);
        let mut next = limit;
        if limit < text.len() && pieces.len() > 1 {
            let last = pieces[pieces.len() - 1].0;
            if last > window.len() / 4 {
                pieces.pop();
                next = start + last;
            }
        }
        out.extend(
            pieces
                .into_iter()
                .map(|(s, e)| (offset + start + s, offset + start + e)),
        );
        start = next;
    }
    out
}

/// The first sentence of `text` (cut at the end of the first window when it is longer),
/// in time bounded by the window whatever the length of `text`.
pub fn first_sentence(text: &str) -> Option<(usize, usize)> {
    let window = &text[..window_end(text, 0)];
    rules::boundaries("en", window).into_iter().next()
}

/// Whether sentencex treats `c` as a quote, bracket or sentence mark (or might).
fn is_mark(c: char) -> bool {
    matches!(
        c,
        '.' | '?'
            | '!'
            | '\''
            | '"'
            | '`'
            | '('
            | ')'
            | '['
            | ']'
            | '{'
            | '}'
            | '<'
            | '>'
            | '«'
            | '»'
    ) || matches!(c, '\u{2000}'..='\u{206F}' | '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FF65}')
}

/// Where the window of `text` that starts at `start` ends: the end of the text if it is
/// within [`SEGMENT_BYTES`] and [`SEGMENT_MARKS`], else the last space in the second
/// half of what is, else the limit itself (at least one character on).
fn window_end(text: &str, start: usize) -> usize {
    let mut marks = 0;
    let mut limit = text.len();
    for (i, c) in text[start..].char_indices() {
        marks += usize::from(is_mark(c));
        if i + c.len_utf8() > SEGMENT_BYTES || marks > SEGMENT_MARKS {
            limit = start + i;
            break;
        }
    }
    if limit == text.len() {
        return limit;
    }
    if limit == start {
        return start + text[start..].chars().next().map_or(1, char::len_utf8);
    }
    let window = &text[start..limit];
    let half = floor_char_boundary(window, window.len() / 2);
    match window[half..].rfind(char::is_whitespace) {
        Some(i) if half + i > 0 => start + half + i,
        _ => limit,
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_end_within_the_limits_at_a_space() {
        let text = "word ".repeat(5_000);
        let end = window_end(&text, 0);
        assert!(end <= SEGMENT_BYTES && end > SEGMENT_BYTES / 2, "{end}");
        assert!(text[..end].ends_with("word"), "cut at a space");
        let marks = "`".repeat(1_000);
        assert_eq!(window_end(&marks, 0), SEGMENT_MARKS);
        assert_eq!(window_end("short.", 0), 6);
        let pieces = segment("en", &marks, 10);
        assert!(pieces.iter().all(|&(s, e)| 10 <= s && s <= e && e <= 1_010));
    }
}
