//! Quotation marks: the prose in, the spans of direct quotes out.
//!
//! Curly quotes, straight quotes and guillemets open and close quotes; single quotes
//! are left alone, since in news they are mostly scare quotes ('aggression') and
//! apostrophes. A quote may run over several sentences of a paragraph; a quote that is
//! not closed by the end of its paragraph continues into the next one only if that one
//! closes it (the convention for quotes over several paragraphs reopens them instead),
//! else it ends with its paragraph. An unclosed quote that ends by naming its source
//! ("..., Sputnik reported.") ends before that source.

use super::super::mentions::Mention;
use super::super::text::Doc;

/// A quotation: the mark's start, the content's start, the content's end (the closing
/// mark or the paragraph's end) and whether it closes.
#[derive(Debug, Clone, Copy)]
pub(super) struct Span {
    pub open: usize,
    pub open_end: usize,
    pub close: usize,
    pub closed: bool,
}

/// The quotations of the article, in order.
pub(super) fn quote_spans(doc: &Doc) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut carried: Option<Open> = None;
    let mut s = 0;
    while s < doc.sentences.len() {
        let last = (s..doc.sentences.len())
            .take_while(|&i| doc.paragraphs[i] == doc.paragraphs[s])
            .last()
            .unwrap_or(s);
        let (start, end) = (doc.sentences[s].start, doc.sentences[last].end);
        carried = scan_paragraph(doc.slice(start, end), start, carried, &mut spans);
        s = last + 1;
    }
    if let Some(open) = carried {
        spans.push(open.unclosed());
    }
    spans
}

/// A quote still open: where its mark starts and ends, and where its paragraph ends.
#[derive(Debug, Clone, Copy)]
struct Open {
    mark: usize,
    mark_end: usize,
    paragraph_end: usize,
}

impl Open {
    fn unclosed(self) -> Span {
        Span {
            open: self.mark,
            open_end: self.mark_end,
            close: self.paragraph_end,
            closed: false,
        }
    }
}

/// Finds the quotations of one paragraph starting at byte `start`; returns the one left open.
/// A quote left open by the previous paragraph continues here if this one starts with a
/// closing mark or has an odd number of straight quotes; otherwise it ends with its paragraph.
fn scan_paragraph(
    text: &str,
    start: usize,
    carried: Option<Open>,
    spans: &mut Vec<Span>,
) -> Option<Open> {
    let straight = text.matches('"').count();
    let first_mark = text
        .chars()
        .find(|c| ['\u{201c}', '\u{201d}', '\u{ab}', '\u{bb}', '"'].contains(c));
    let continues = match first_mark {
        Some('\u{201d}' | '\u{bb}') => true,
        Some('"') => straight % 2 == 1,
        _ => false,
    };
    let mut open: Option<(usize, usize)> = None;
    match carried {
        Some(c) if continues => open = Some((c.mark, c.mark_end)),
        Some(c) => spans.push(c.unclosed()),
        None => {}
    }
    for (i, c) in text.char_indices() {
        let at = start + i;
        match (c, open) {
            ('\u{201c}' | '\u{ab}', _) | ('"', None) => open = Some((at, at + c.len_utf8())),
            ('\u{201d}' | '\u{bb}' | '"', Some((o, oe))) => {
                spans.push(Span {
                    open: o,
                    open_end: oe,
                    close: at,
                    closed: true,
                });
                open = None;
            }
            _ => {}
        }
    }
    open.map(|(mark, mark_end)| Open {
        mark,
        mark_end,
        paragraph_end: start + text.len(),
    })
}

/// Where an unclosed quote really ends when its last words name a source, as in
/// `"We have heard signs, Sputnik reported.` (the closing mark is missing): before the comma.
pub(super) fn without_trailing_source(doc: &Doc, mentions: &[Mention], q: &Span) -> usize {
    let Some(s) = doc.sentence_at(q.close.saturating_sub(1)) else {
        return q.close;
    };
    let tokens = &doc.tokens[s];
    let mut k = doc.token_after(s, q.close);
    let word = |i: usize| tokens.get(i).map_or("", |t| doc.word(*t));
    while k > 0 && [".", "!", "?"].contains(&word(k - 1)) {
        k -= 1;
    }
    let Some(verb) = k.checked_sub(1) else {
        return q.close;
    };
    let lex = super::super::lexicon::lexicon();
    if !word(verb).starts_with(char::is_lowercase) || !lex.is_speech(word(verb)) {
        return q.close;
    }
    let Some(before_verb) = verb.checked_sub(1).map(|i| tokens[i].end) else {
        return q.close;
    };
    // mentions are in document order: only those starting in the sentence are read
    let from = mentions.partition_point(|m| m.start < doc.sentences[s].start);
    let source = mentions[from..]
        .iter()
        .take_while(|m| m.start < doc.sentences[s].end)
        .find(|m| m.sentence == Some(s) && m.end == before_verb && m.start > q.open_end);
    let Some(m) = source else { return q.close };
    let first = doc.token_from(s, m.start);
    match first.checked_sub(1) {
        Some(comma) if word(comma) == "," => tokens[comma].start,
        _ => q.close,
    }
}

/// Quote text: whitespace collapsed, a trailing comma and surrounding spaces dropped.
pub(super) fn clean_quote(text: &str) -> String {
    let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
    joined.trim_end_matches([',', ' ']).trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::sentences::{Sentence, SentenceKind};

    /// The quoted texts of a prose where sentences end at ". " and paragraphs at blank lines.
    fn quoted(prose: &str) -> Vec<(String, bool)> {
        let mut sentences = Vec::new();
        let mut at = 0;
        for para in prose.split("\n\n") {
            sentences.push(Sentence {
                start: at,
                end: at + para.len(),
                kind: SentenceKind::Prose,
            });
            at += para.len() + 2;
        }
        let doc = Doc::new(prose, &sentences);
        quote_spans(&doc)
            .iter()
            .map(|q| (clean_quote(&prose[q.open_end..q.close]), q.closed))
            .collect()
    }

    #[test]
    fn quote_marks_pair_up_within_and_across_paragraphs() {
        let cases: [(&str, &[(&str, bool)]); 7] = [
            ("He said \u{201c}no,\u{201d} twice.", &[("no", true)]),
            (
                "\"One,\" she said. \"Two.\"",
                &[("One", true), ("Two.", true)],
            ),
            ("It is \u{ab}over\u{bb}.", &[("over", true)]),
            (
                "He said \u{201c}we will go\n\nAnother paragraph.",
                &[("we will go", false)],
            ),
            (
                "He said \"we will go.\n\nAnd we won.\" Done.",
                &[("we will go. And we won.", true)],
            ),
            (
                "\u{201c}First part.\n\n\u{201c}Second part.\u{201d}",
                &[("First part.", false), ("Second part.", true)],
            ),
            ("Drills 'within its territory.' and Russia's plan.", &[]),
        ];
        for (prose, want) in cases {
            let want: Vec<(String, bool)> = want.iter().map(|(t, c)| (t.to_string(), *c)).collect();
            assert_eq!(quoted(prose), want, "{prose}");
        }
    }
}
