//! Sentence splitting: the article's prose and layout blocks in, sentence spans out.
//!
//! Segmentation inside a paragraph is sentencex's (Wikimedia's rule-based splitter,
//! which knows English abbreviations, initials, decimals and quotes). Around it we add
//! what it cannot know: layout (a heading is one sentence of its own, a photo credit or
//! the headline line is no sentence at all), one repair rule for dates written with
//! abbreviations ("on Wed. Jan. 26"), one for pieces that cannot start a sentence (a
//! lone closing quote, a lower-case continuation after a quoted question, "a.m." before
//! a weekday), and a hard cap on sentence length so that a paragraph without
//! punctuation cannot make later passes slow.

use serde::{Deserialize, Serialize};

use crate::ingest::{Block, BlockKind};
use crate::language::calendar;
use crate::language::detect::ENGLISH;
use crate::segment::segment;

/// Sentences longer than this many bytes are cut at a space, to bound later work.
pub const MAX_SENTENCE_BYTES: usize = 2_000;

/// Where a sentence comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SentenceKind {
    /// Running text.
    Prose,
    /// A subheading: analysed, never summarised.
    Heading,
}

/// A sentence: a byte range of the article text, trimmed of surrounding whitespace.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    pub kind: SentenceKind,
}

impl Sentence {
    /// The sentence's text in `text` (the prose or the original text).
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// Splits the paragraph, heading and headline blocks of `prose` into sentences, in
/// document order. Headings and the headline are one sentence each, never summarised
/// but analysed for names and dates.
pub fn split(prose: &str, blocks: &[Block]) -> Vec<Sentence> {
    split_in(ENGLISH, prose, blocks)
}

/// [`split`] for a text in `language` (an ISO 639 code): sentencex's rules for it
/// (its fallback for a language it has none for), and the repairs made for English news
/// (quotes, date abbreviations, continuations) only for English.
pub fn split_in(language: &str, prose: &str, blocks: &[Block]) -> Vec<Sentence> {
    let english = language == ENGLISH;
    let mut out = Vec::new();
    for block in blocks {
        let kind = match block.kind {
            BlockKind::Paragraph => SentenceKind::Prose,
            BlockKind::Heading | BlockKind::Title => SentenceKind::Heading,
            BlockKind::Boilerplate | BlockKind::Data => continue,
        };
        let Some(range) = prose.get(block.start..block.end) else {
            continue;
        };
        if kind == SentenceKind::Heading {
            push_trimmed(prose, block.start, block.end, kind, &mut out);
            continue;
        }
        let mut pieces = segment(language, range, block.start);
        if english {
            resplit_long_quoted(prose, &mut pieces);
            merge_date_abbreviations(prose, &mut pieces);
            merge_continuations(prose, &mut pieces);
        }
        for (start, end) in pieces {
            push_trimmed(prose, start, end, kind, &mut out);
        }
    }
    out
}

/// A piece with more words than this that contains single quotes is segmented again
/// with them blanked.
const LONG_PIECE_WORDS: usize = 60;

/// sentencex never splits inside what it takes for a quotation, and it pairs single
/// quotes with stray apostrophes ("the players ' wives ... ' said"), which can glue a
/// whole paragraph into one piece. A long piece with single quotes or backticks is
/// segmented again with those blanked to spaces (same byte length, so offsets hold);
/// double quotes, which are unambiguous, still hold a quotation together.
fn resplit_long_quoted(prose: &str, pieces: &mut Vec<(usize, usize)>) {
    let quoted_and_long = |&(start, end): &(usize, usize)| {
        let text = &prose[start..end];
        text.contains(['\'', '`']) && text.split_whitespace().nth(LONG_PIECE_WORDS).is_some()
    };
    if !pieces.iter().any(quoted_and_long) {
        return;
    }
    // rebuilt rather than spliced in place, which would be quadratic in the pieces
    let mut out = Vec::with_capacity(pieces.len());
    for piece in pieces.drain(..) {
        if !quoted_and_long(&piece) {
            out.push(piece);
            continue;
        }
        let (start, end) = piece;
        let blanked = prose[start..end].replace(['\'', '`'], " ");
        let parts = segment(ENGLISH, &blanked, start);
        match parts.len() > 1 {
            true => out.extend(parts),
            false => out.push(piece),
        }
    }
    *pieces = out;
}

/// Pushes `prose[start..end]` trimmed, cut into pieces of at most [`MAX_SENTENCE_BYTES`].
fn push_trimmed(
    prose: &str,
    start: usize,
    end: usize,
    kind: SentenceKind,
    out: &mut Vec<Sentence>,
) {
    let piece = &prose[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let (mut start, end) = (start + lead, start + piece.trim_end().len());
    while start < end {
        let mut cut = end;
        if end - start > MAX_SENTENCE_BYTES {
            let window = &prose[start..floor_char_boundary(prose, start + MAX_SENTENCE_BYTES)];
            cut = start
                + window
                    .rfind(char::is_whitespace)
                    .filter(|&i| i > 0)
                    .unwrap_or(window.len());
        }
        let trimmed = prose[start..cut].trim_end();
        if !trimmed.is_empty() {
            out.push(Sentence {
                start,
                end: start + trimmed.len(),
                kind,
            });
        }
        let rest = &prose[cut..end];
        start = cut + (rest.len() - rest.trim_start().len());
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Rejoins "… on Wed." + "Jan. 26 …" and "… on Jan." + "26 …": sentencex splits after a
/// weekday abbreviation followed by a capitalised month, and after "Dec." before a number.
fn merge_date_abbreviations(prose: &str, pieces: &mut Vec<(usize, usize)>) {
    merge_pieces(pieces, |prev, next| {
        let prev = prose[prev.0..prev.1].trim_end();
        let next = prose[next.0..next.1].trim_start();
        let last_word = prev.rsplit(char::is_whitespace).next().unwrap_or("");
        let ends_in_abbrev = last_word.strip_suffix('.').is_some_and(|w| {
            calendar::WEEKDAY_ABBREVIATIONS.contains(&w)
                || calendar::MONTH_ABBREVIATIONS.contains(&w)
        });
        let continues = next.starts_with(|c: char| c.is_ascii_digit())
            || calendar::MONTHS.iter().any(|m| next.starts_with(&m[..3]));
        ends_in_abbrev && continues
    });
}

/// Walks the pieces in order, joining each to the one before it when `join(prev, next)`
/// says so (`join` may also move the border between the two). Linear: the pieces are
/// compacted in place, never removed one by one.
fn merge_pieces(
    pieces: &mut Vec<(usize, usize)>,
    mut join: impl FnMut(&mut (usize, usize), &mut (usize, usize)) -> bool,
) {
    let mut kept = 0;
    for i in 1..pieces.len() {
        let mut next = pieces[i];
        if join(&mut pieces[kept], &mut next) {
            pieces[kept].1 = next.1;
        } else {
            kept += 1;
            pieces[kept] = next;
        }
    }
    pieces.truncate(kept + 1);
}

/// Whether a word after a clock time's "a.m."/"p.m." continues the time: a weekday, a
/// time zone, "local" or "today".
fn follows_time(word: &str) -> bool {
    calendar::WEEKDAYS.contains(&word)
        || calendar::TIME_ZONES.contains(&word)
        || matches!(word, "local" | "today")
}

/// Repairs pieces that cannot start a sentence: a closing quote split off its sentence
/// ("... optimistic." + "' Van Ryn sat ...") goes back to the previous piece and an
/// opening quote left at the end of one ("... won. '" + "Why?") goes forward; a piece
/// with nothing to read, a continuation in lower case after a quoted question ("'Is it
/// over?'" + "she asked.") and a clock time's "a.m."/"p.m." before a weekday or time
/// zone ("at 11:30 a.m." + "Thursday.") are joined to the previous piece.
fn merge_continuations(prose: &str, pieces: &mut Vec<(usize, usize)>) {
    merge_pieces(pieces, |prev, next| {
        let tail = prev.0 + prose[prev.0..prev.1].trim_end().len();
        let opening = opening_quote_len(&prose[..tail], &prose[tail..]);
        if opening > 0 && prev.0 + opening < tail {
            prev.1 = tail - opening;
            next.0 = tail - opening;
        }
        let (start, end) = *next;
        let lead = prose[start..end].len() - prose[start..end].trim_start().len();
        let quote = closing_quote_len(&prose[start + lead..end]);
        if quote > 0 {
            prev.1 = start + lead + quote;
            next.0 = start + lead + quote;
        }
        let before = prose[prev.0..prev.1].trim_end();
        let after = prose[next.0..end].trim();
        let first_word = after
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        let lower_start = first_word.starts_with(|c: char| c.is_lowercase())
            && !first_word.contains(char::is_uppercase);
        let clock =
            (before.ends_with("a.m.") || before.ends_with("p.m.")) && follows_time(first_word);
        !after.contains(char::is_alphanumeric) || lower_start || clock
    });
}

/// Length in bytes of an opening quotation mark at the end of `before`: a quote with a
/// space before it and a word right after it (`... won. 'Why`).
fn opening_quote_len(before: &str, after: &str) -> usize {
    let mut tail = before.chars().rev();
    match (tail.next(), tail.next(), after.chars().next()) {
        (Some(q @ ('\'' | '"' | '‘' | '“')), Some(space), Some(word))
            if space.is_whitespace() && word.is_alphanumeric() =>
        {
            q.len_utf8()
        }
        _ => 0,
    }
}

/// Length in bytes of a closing quotation mark at the start of `text`: a quote that is
/// followed by a space or nothing (an opening quote sticks to the word after it).
fn closing_quote_len(text: &str) -> usize {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(q @ ('\'' | '"' | '’' | '”')), None) => q.len_utf8(),
        (Some(q @ ('\'' | '"' | '’' | '”')), Some(c)) if c.is_whitespace() => q.len_utf8(),
        (Some(q @ ('’' | '”')), _) => q.len_utf8(),
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraph(text: &str) -> Vec<String> {
        let blocks = [Block {
            start: 0,
            end: text.len(),
            kind: BlockKind::Paragraph,
        }];
        split(text, &blocks)
            .iter()
            .map(|s| s.text(text).to_string())
            .collect()
    }

    #[test]
    fn survives_abbreviations_initials_decimals_and_quotes() {
        let cases: [(&str, &[&str]); 13] = [
            (
                "U.S. Ambassador John Sullivan met Mr. Grushko on Wed. Jan. 26. Russia has 100,000 troops.",
                &[
                    "U.S. Ambassador John Sullivan met Mr. Grushko on Wed. Jan. 26.",
                    "Russia has 100,000 troops.",
                ],
            ),
            (
                "Growth was 2.5 percent in Q3. It fell later.",
                &["Growth was 2.5 percent in Q3.", "It fell later."],
            ),
            (
                "J. R. R. Tolkien wrote it. Then he left.",
                &["J. R. R. Tolkien wrote it.", "Then he left."],
            ),
            (
                "\"We will respond,\" Dr. Lee said. The talks ended.",
                &["\"We will respond,\" Dr. Lee said.", "The talks ended."],
            ),
            (
                "The deal was signed on Jan. 26 in Geneva. Nobody came.",
                &["The deal was signed on Jan. 26 in Geneva.", "Nobody came."],
            ),
            (
                "Gen. Smith and Sen. Jones met at 3 p.m. on Friday.",
                &["Gen. Smith and Sen. Jones met at 3 p.m. on Friday."],
            ),
            (
                "The ferry left at 9:15 a.m. Tuesday. It sank.",
                &["The ferry left at 9:15 a.m. Tuesday.", "It sank."],
            ),
            (
                "'Is it over?' she asked. 'Not yet.' Then he left.",
                &["'Is it over?' she asked.", "'Not yet.'", "Then he left."],
            ),
            (
                "He said: 'We are not worried at all. ' The vote is on Monday.",
                &[
                    "He said: 'We are not worried at all. '",
                    "The vote is on Monday.",
                ],
            ),
            (
                "Sales rose. iPhone sales fell.",
                &["Sales rose.", "iPhone sales fell."],
            ),
            (
                "He said it was 'a good day. ' Ana Ruiz won. 'Why? ' she asked.",
                &[
                    "He said it was 'a good day. '",
                    "Ana Ruiz won.",
                    "'Why? ' she asked.",
                ],
            ),
            (
                "\"We won.\" Then we left.",
                &["\"We won.\"", "Then we left."],
            ),
            (
                "The club will open its doors to the supporters ' children for the first time this spring. The \
                 stadium has room for twelve thousand people and a new roof. Tickets go on sale on Monday at the \
                 ground and online, with a discount for members and their families. Officials said the \
                 supporters ' groups had asked for the change for years.",
                &[
                    "The club will open its doors to the supporters ' children for the first time this spring.",
                    "The stadium has room for twelve thousand people and a new roof.",
                    "Tickets go on sale on Monday at the ground and online, with a discount for members and their \
                     families.",
                    "Officials said the supporters ' groups had asked for the change for years.",
                ],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(paragraph(text), want, "{text}");
        }
    }

    #[test]
    fn layout_decides_what_is_a_sentence() {
        let text = "Talks stall\n\nLavrov spoke. Blinken listened.\n\n(Image: AP)";
        let blocks = [
            Block {
                start: 0,
                end: 11,
                kind: BlockKind::Heading,
            },
            Block {
                start: 13,
                end: 44,
                kind: BlockKind::Paragraph,
            },
            Block {
                start: 46,
                end: 57,
                kind: BlockKind::Boilerplate,
            },
        ];
        let got: Vec<(&str, SentenceKind)> = split(text, &blocks)
            .iter()
            .map(|s| (s.text(text), s.kind))
            .collect();
        assert_eq!(
            got,
            [
                ("Talks stall", SentenceKind::Heading),
                ("Lavrov spoke.", SentenceKind::Prose),
                ("Blinken listened.", SentenceKind::Prose),
            ]
        );
    }

    #[test]
    fn overlong_sentences_are_cut_at_spaces() {
        let text = "word ".repeat(1_000);
        let got = paragraph(&text);
        assert!(got.len() >= 2, "{}", got.len());
        assert!(
            got.iter()
                .all(|s| s.len() <= MAX_SENTENCE_BYTES && !s.starts_with(' '))
        );
        assert_eq!(got.concat().replace(' ', ""), text.replace(' ', ""));
    }

    #[test]
    fn overlong_text_without_spaces_is_cut_on_char_boundaries() {
        let text = "é".repeat(3_000);
        let got = paragraph(&text);
        assert_eq!(got.concat(), text);
    }

    #[test]
    fn spans_index_the_original_text() {
        let text = "  First one.   Second one.  ";
        let blocks = [Block {
            start: 0,
            end: text.len(),
            kind: BlockKind::Paragraph,
        }];
        for s in split(text, &blocks) {
            let t = s.text(text);
            assert_eq!(t, t.trim());
            assert!(!t.is_empty());
        }
    }

    #[test]
    fn long_paragraphs_split_in_chunks_as_they_split_whole() {
        // ordinary prose well over one chunk: the chunks are cut at sentence ends, so
        // the sentences are those of the whole paragraph
        let sentence = |i: usize| {
            format!(
                "Minister Ana Varela met Mr. Grushko on Wed. Jan. {} in Lisk, the \"port city\" of the Sarn. ",
                i % 28 + 1
            )
        };
        let text: String = (0..400).map(sentence).collect();
        assert!(text.len() > 3 * crate::segment::SEGMENT_BYTES);
        let whole: Vec<(usize, usize)> = sentencex::get_sentence_boundaries("en", &text)
            .into_iter()
            .map(|b| (b.start_byte, b.end_byte))
            .collect();
        let chunked = segment(ENGLISH, &text, 0);
        let trimmed = |v: &[(usize, usize)]| -> Vec<String> {
            v.iter()
                .map(|&(s, e)| text[s..e].trim().to_string())
                .collect()
        };
        let (chunked, whole) = (trimmed(&chunked), trimmed(&whole));
        let first_difference = chunked.iter().zip(&whole).position(|(a, b)| a != b);
        assert_eq!(
            first_difference,
            None,
            "{:?}",
            first_difference.map(|i| (&chunked[i], &whole[i]))
        );
        assert_eq!(chunked.len(), whole.len());
        assert_eq!(paragraph(&text).len(), 400);
    }

    #[test]
    fn pathological_paragraphs_split_in_linear_time() {
        // each took from seconds to minutes as one 2 MiB paragraph
        let cases = [
            "\u{201C}".repeat(699_000) + "a.",
            "<![CDATA[".repeat(232_000),
            "`".repeat(1_000_000),
            "Go on. ".repeat(300_000),
            "'a ".repeat(600_000),
        ];
        for text in cases {
            let head: String = text.chars().take(12).collect();
            let got = crate::fuzz::within(crate::fuzz::HANG, move || {
                let blocks = [Block {
                    start: 0,
                    end: text.len(),
                    kind: BlockKind::Paragraph,
                }];
                let sentences = split(&text, &blocks);
                sentences
                    .iter()
                    .all(|s| s.end - s.start <= MAX_SENTENCE_BYTES)
            });
            assert_eq!(
                got,
                Some(true),
                "{head:?}: no answer before the hang deadline, or a sentence too long"
            );
        }
    }
}
