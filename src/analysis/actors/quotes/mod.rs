//! Quotes: the prose and the actor mentions in, what each actor said out, attributed
//! only where the text says who spoke.
//!
//! Direct quotes are the spans between quotation marks (curly, straight or guillemets;
//! single quotes are left alone, since they are mostly scare quotes and apostrophes),
//! taken across sentences inside a paragraph and to the paragraph's end when the
//! closing mark is missing. A quote is attributed by the words right after it ("...,"
//! Lavrov said / "...," said Russian Foreign Minister Sergey Lavrov / "...," he said)
//! or right before it (X told CBS, "..."; X said: "..."). Reported speech is attributed
//! from "X said (that) ..." and "... according to X". The speaker is the mention that
//! touches the speech verb (an apposition or a role may sit between them). "He" and
//! "she" go to the one person named earlier in the sentence, or else earlier in the
//! paragraph; with several candidates, to the one the paragraph last quoted (news
//! convention), else the quote stays unattributed. Quotes without a speaker (scare
//! quotes, "as per media reports") are never attributed. Sentences are read in order.

mod marks;
mod pronouns;
mod reported;

use marks::{Span, clean_quote, quote_spans, without_trailing_source};

use std::cell::Cell;

use super::Quote;
use super::mentions::{Mention, Reference};
use super::text::Doc;

/// A quote and the mention of who said it.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Attribution {
    /// Index into the mentions.
    pub speaker: usize,
    pub quote: Quote,
}

/// Words that may stand between a speaker and the speech verb ("Lavrov also said").
const ADVERBS: [&str; 13] = [
    "also",
    "later",
    "then",
    "has",
    "had",
    "have",
    "previously",
    "again",
    "reportedly",
    "publicly",
    "further",
    "earlier",
    "separately",
];

/// What `doc` attributes to the `mentions`; `cluster[i]` is the actor of mention `i`.
/// Sentences are read in order, so that "he said" can fall back on the paragraph's last speaker.
pub(super) fn attribute(doc: &Doc, mentions: &[Mention], cluster: &[usize]) -> Vec<Attribution> {
    let mut spans = quote_spans(doc);
    for span in spans.iter_mut().filter(|q| !q.closed) {
        span.close = without_trailing_source(doc, mentions, span);
    }
    let mut opening: Vec<Vec<usize>> = vec![Vec::new(); doc.sentences.len()];
    for (i, q) in spans.iter().enumerate() {
        if let Some(s) = doc.sentence_at(q.open) {
            opening[s].push(i);
        }
    }
    let ctx = Context::new(doc, mentions, cluster, &spans);
    let mut out: Vec<Attribution> = Vec::new();
    // The last direct quote attributed: its sentence and speaker.
    let mut last_direct: Option<(usize, usize)> = None;
    for (s, opens_here) in opening.iter().enumerate() {
        let before = out.len();
        for span in opens_here.iter().map(|&q| &spans[q]) {
            let continued = last_direct
                .filter(|&(ls, _)| ctx.continues(ls, s, span))
                .map(|(_, m)| m);
            let Some(speaker) = ctx.direct_speaker(span, s).or(continued) else {
                continue;
            };
            last_direct = Some((s, speaker));
            let text = clean_quote(doc.slice(span.open_end, span.close));
            if !text.is_empty() {
                ctx.spoke(s, speaker);
                out.push(Attribution {
                    speaker,
                    quote: Quote {
                        sentence: s,
                        text,
                        direct: true,
                    },
                });
            }
        }
        if out.len() == before
            && let Some(a) = ctx.reported(s)
        {
            ctx.spoke(s, a.speaker);
            out.push(a);
        }
    }
    out
}

struct Context<'a, 'b> {
    doc: &'b Doc<'a>,
    mentions: &'b [Mention],
    cluster: &'b [usize],
    /// In document order, not overlapping.
    spans: &'b [Span],
    /// The mentions of each sentence.
    in_sentence: Vec<Vec<usize>>,
    /// The last person quoted so far, and their paragraph.
    last_speaker: Cell<Option<(usize, usize)>>,
    /// Who "he" and "she" can refer to.
    people: pronouns::People,
}

impl<'a, 'b> Context<'a, 'b> {
    fn new(
        doc: &'b Doc<'a>,
        mentions: &'b [Mention],
        cluster: &'b [usize],
        spans: &'b [Span],
    ) -> Self {
        let mut in_sentence: Vec<Vec<usize>> = vec![Vec::new(); doc.sentences.len()];
        for (i, m) in mentions.iter().enumerate() {
            if let Some(s) = m.sentence {
                in_sentence[s].push(i);
            }
        }
        let ctx = Context {
            doc,
            mentions,
            cluster,
            spans,
            in_sentence,
            last_speaker: Cell::new(None),
            people: pronouns::People::default(),
        };
        let people = pronouns::People::new(&ctx);
        Context { people, ..ctx }
    }
}

impl Context<'_, '_> {
    fn word(&self, s: usize, i: usize) -> &str {
        self.doc.tokens[s].get(i).map_or("", |t| self.doc.word(*t))
    }

    /// Whether a quote opening sentence `s` with no attribution of its own goes on from a
    /// quote attributed in sentence `last` ("'A,' X said. 'B.'"): the next sentence of the
    /// same paragraph, starting with the quotation mark.
    fn continues(&self, last: usize, s: usize, q: &Span) -> bool {
        let opens_sentence = self.doc.tokens[s]
            .first()
            .is_some_and(|t| t.start == q.open);
        let next = last + 1 == s && self.doc.paragraphs[last] == self.doc.paragraphs[s];
        opens_sentence && (next || last == s)
    }

    /// Records a quote by mention `speaker` in sentence `s`.
    fn spoke(&self, s: usize, speaker: usize) {
        if self.mentions[speaker].reference == Reference::Person {
            self.last_speaker
                .set(Some((self.doc.paragraphs[s], speaker)));
        }
    }

    fn quoted(&self, at: usize) -> bool {
        let i = self.spans.partition_point(|q| q.open <= at);
        i > 0 && at < self.spans[i - 1].close
    }

    /// The first mention of sentence `s` outside roles that satisfies `pred`.
    fn find(&self, s: usize, pred: impl Fn(&Mention) -> bool) -> Option<usize> {
        let ms = self.in_sentence.get(s)?;
        ms.iter()
            .copied()
            .find(|&i| !self.mentions[i].in_role && pred(&self.mentions[i]))
    }

    /// Who said a direct quote that opens in sentence `open_sentence`.
    fn direct_speaker(&self, q: &Span, open_sentence: usize) -> Option<usize> {
        let after = if q.closed {
            self.doc
                .sentence_at(q.close)
                .and_then(|s| self.speaker_after(s, q.close))
        } else {
            None
        };
        after.or_else(|| self.speaker_before(open_sentence, q.open))
    }

    /// "...," Lavrov said / said Lavrov / he said: right after the closing mark.
    fn speaker_after(&self, s: usize, close: usize) -> Option<usize> {
        let tokens = &self.doc.tokens[s];
        let mut i = self.doc.token_from(s, close + 1);
        while [",", ".", "!", "?", "\u{2014}"].contains(&self.word(s, i)) {
            i += 1;
        }
        if self.is_speech(s, i) {
            return self.speaker_at(s, i + 1, true);
        }
        let speaker = self.speaker_at(s, i, false)?;
        let end = self.mention_or_pronoun_end(s, i, speaker);
        let verb = self.skip_to_verb(s, self.doc.token_after(s, end));
        (verb < tokens.len() && self.is_speech(s, verb)).then_some(speaker)
    }

    /// X told CBS, "..." / X said: "...": a speech verb at most five words before the mark.
    fn speaker_before(&self, s: usize, open: usize) -> Option<usize> {
        let mark = self.doc.token_from(s, open);
        let lowest = mark.saturating_sub(7);
        let verb = (lowest..mark).rev().find(|&i| self.is_speech(s, i))?;
        if (verb + 1..mark)
            .any(|i| self.word(s, i) == "that" || self.quoted(self.doc.tokens[s][i].start))
        {
            return None;
        }
        self.speaker_ending_before(s, verb)
    }

    /// A speech verb: lowercase ("the United States" holds no verb), outside quotes and names.
    fn is_speech(&self, s: usize, i: usize) -> bool {
        let word = self.word(s, i);
        word.starts_with(|c: char| c.is_lowercase())
            && super::lexicon::lexicon().is_speech(word)
            && self.doc.tokens[s].get(i).is_some_and(|t| {
                let named = self.in_sentence[s].iter().map(|&m| &self.mentions[m]);
                !self.quoted(t.start)
                    && !named.clone().any(|m| m.start <= t.start && t.end <= m.end)
            })
    }

    /// The speaker starting at token `i` (after "said", with a role allowed before the name).
    fn speaker_at(&self, s: usize, i: usize, allow_role: bool) -> Option<usize> {
        let tokens = &self.doc.tokens[s];
        let t = tokens.get(i)?;
        if ["he", "she", "He", "She"].contains(&self.doc.word(*t)) {
            return self.pronoun(s, t.start);
        }
        let after_the = self.doc.word(*t).eq_ignore_ascii_case("the");
        self.find(s, |m| {
            let role_first = m.role.as_ref().is_some_and(|r| r.start <= t.start);
            m.start == t.start
                || (allow_role && m.start > t.start && role_first)
                || (after_the && tokens.get(i + 1).is_some_and(|n| n.start == m.start))
        })
    }

    fn mention_or_pronoun_end(&self, s: usize, i: usize, speaker: usize) -> usize {
        let t = self.doc.tokens[s][i];
        if self.mentions[speaker].start >= t.start && self.mentions[speaker].sentence == Some(s) {
            self.mentions[speaker].end
        } else {
            t.end
        }
    }

    /// From token `i`, skips an apposition (", the minister,") and adverbs; returns where a verb should be.
    fn skip_to_verb(&self, s: usize, mut i: usize) -> usize {
        let n = self.doc.tokens[s].len();
        if self.word(s, i) == ","
            && let Some(close) = (i + 1..n.min(i + 18)).find(|&k| self.word(s, k) == ",")
        {
            i = close + 1;
        }
        while i < n && ADVERBS.contains(&self.word(s, i)) {
            i += 1;
        }
        i
    }

    /// The speaker whose name (or pronoun) ends right before the verb at token `verb`.
    fn speaker_ending_before(&self, s: usize, verb: usize) -> Option<usize> {
        let mut i = verb;
        while i > 0 && ADVERBS.contains(&self.word(s, i - 1)) {
            i -= 1;
        }
        let before = i.checked_sub(1)?;
        if self.word(s, before) != "," {
            return self.speaker_ending_at(s, before);
        }
        // "..., Ana Varela, said": a person right before the comma.
        if let Some(m) = before
            .checked_sub(1)
            .and_then(|k| self.speaker_ending_at(s, k))
            && self.mentions[m].reference == Reference::Person
        {
            return Some(m);
        }
        // "Lavrov, the foreign minister, said": the name before the apposition.
        let lowest = before.saturating_sub(18);
        if let Some(m) = (lowest..before)
            .rev()
            .find(|&k| self.word(s, k) == ",")
            .and_then(|c| self.speaker_ending_at(s, c.checked_sub(1)?))
        {
            return Some(m);
        }
        // "Marrin, 49, a civil engineer who ..., said": the person who opens the sentence.
        let first = self.find(s, |_| true)?;
        let m = &self.mentions[first];
        let opens = self.doc.token_from(s, m.start) == 0;
        let comma_after = self.word(s, self.doc.token_after(s, m.end)) == ",";
        (opens && comma_after && m.reference == Reference::Person).then_some(first)
    }

    /// The speaker (a mention outside roles, or a resolved pronoun) ending at token `k`;
    /// for "Celeste Amari of Meranthe", the person, not the place.
    fn speaker_ending_at(&self, s: usize, k: usize) -> Option<usize> {
        let t = *self.doc.tokens[s].get(k)?;
        if ["he", "she", "He", "She"].contains(&self.doc.word(t)) {
            return self.pronoun(s, t.start);
        }
        let m = self.find(s, |m| m.end == t.end)?;
        let first = self.doc.token_from(s, self.mentions[m].start);
        let owner = first
            .checked_sub(2)
            .filter(|&o| ["of", "from"].contains(&self.word(s, o + 1)))
            .and_then(|o| self.find(s, |p| p.end == self.doc.tokens[s][o].end))
            .filter(|&p| self.mentions[p].reference == Reference::Person);
        Some(owner.unwrap_or(m))
    }
}
