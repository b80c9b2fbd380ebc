//! Reported speech: "X said (that) ...", "X told CBS that ...", "..., X said",
//! "..., said X", "... according to X" and "According to X, ...": the reported clause, attributed to the speaker who touches
//! the verb (or follows "according to"). At most one per sentence; a clause shorter than
//! three words is no quote.

use super::super::Quote;
use super::super::text::Token;
use super::{Attribution, Context, clean_quote};

/// Verbs whose reported clause may come without "that" ("said the port will reopen");
/// the others take an object ("announced the deal") unless "that" follows.
const BARE_CLAUSE: [&str; 16] = [
    "said", "says", "say", "added", "adds", "argued", "argues", "insisted", "insists", "warned",
    "warns", "claimed", "claims", "noted", "wrote", "writes",
];

impl Context<'_, '_> {
    /// Reported speech in sentence `s`: "X said (that) ..." or "... according to X".
    pub(super) fn reported(&self, s: usize) -> Option<Attribution> {
        let tokens = &self.doc.tokens[s];
        for i in 0..tokens.len() {
            if self.word(s, i).eq_ignore_ascii_case("according") && self.word(s, i + 1) == "to" {
                let Some(speaker) = self.speaker_at(s, i + 2, true) else {
                    continue;
                };
                let text = if i == 0 {
                    let after = self.doc.token_after(s, self.mentions[speaker].end);
                    let from = if self.word(s, after) == "," {
                        after + 1
                    } else {
                        after
                    };
                    self.clause(s, from, tokens.len())
                } else {
                    let to = if i > 0 && self.word(s, i - 1) == "," {
                        i - 1
                    } else {
                        i
                    };
                    self.clause(s, 0, to)
                };
                return self.reported_quote(s, speaker, text);
            }
            if !self.is_speech(s, i) {
                continue;
            }
            // "CLAUSE, said X." (X ends the sentence, or an apposition follows)
            if i > 0
                && self.word(s, i - 1) == ","
                && let Some(speaker) = self.speaker_at(s, i + 1, true)
                && self.ends_after(s, i + 1, speaker)
            {
                return self.reported_quote(s, speaker, self.clause(s, 0, i - 1));
            }
            let Some(speaker) = self.speaker_ending_before(s, i) else {
                continue;
            };
            let from = i + 1;
            let limit = (from + 6).min(tokens.len());
            // "X said (that) CLAUSE"
            if let Some(that) = (from..limit).find(|&k| self.word(s, k) == "that") {
                return self.reported_quote(s, speaker, self.clause(s, that + 1, tokens.len()));
            }
            if BARE_CLAUSE.contains(&self.word(s, i)) && self.starts_clause(s, from) {
                return self.reported_quote(s, speaker, self.clause(s, from, tokens.len()));
            }
            // "CLAUSE, X said."
            if let Some(comma) = self.comma_before_subject(s, i) {
                return self.reported_quote(s, speaker, self.clause(s, 0, comma));
            }
        }
        None
    }

    /// The comma right before the subject of the verb at token `verb` ("..., the commission
    /// said", "..., Russian Foreign Minister Sergey Lavrov said", "..., he said").
    fn comma_before_subject(&self, s: usize, verb: usize) -> Option<usize> {
        let mut k = verb.checked_sub(1)?;
        let end = self.doc.tokens[s][k].end;
        if !["he", "she"].contains(&self.word(s, k)) {
            let m = self.find(s, |m| m.end == end)?;
            let m = &self.mentions[m];
            let start = m.role.as_ref().map_or(m.start, |r| r.start.min(m.start));
            k = self.doc.token_from(s, start);
        }
        if k > 0 && self.word(s, k - 1).eq_ignore_ascii_case("the") {
            k -= 1;
        }
        let comma = k.checked_sub(1)?;
        (self.word(s, comma) == ",").then_some(comma)
    }

    /// Whether only punctuation follows the speaker named from token `at` ("said Lavrov.",
    /// "said Lavrov, the foreign minister."), so the verb has no clause of its own.
    fn ends_after(&self, s: usize, at: usize, speaker: usize) -> bool {
        let m = &self.mentions[speaker];
        let t = self.doc.tokens[s][at];
        let end = if m.start >= t.start { m.end } else { t.end };
        let next = self.word(s, self.doc.token_after(s, end));
        ["", ".", ",", "!", "?", ";"].contains(&next)
    }

    fn starts_clause(&self, s: usize, i: usize) -> bool {
        let w = self.word(s, i);
        [
            "the", "it", "he", "she", "they", "we", "there", "this", "no",
        ]
        .contains(&w)
            || super::super::text::is_capitalised(w)
    }

    fn clause(&self, s: usize, from: usize, to: usize) -> String {
        let tokens: &[Token] = &self.doc.tokens[s];
        if from >= to || to > tokens.len() {
            return String::new();
        }
        let text = self.doc.slice(tokens[from].start, tokens[to - 1].end);
        clean_quote(text.trim_end_matches(['.', '!', '?']))
    }

    fn reported_quote(&self, s: usize, speaker: usize, text: String) -> Option<Attribution> {
        let quote = Quote {
            sentence: s,
            text,
            direct: false,
        };
        (quote.text.split_whitespace().count() >= 3).then_some(Attribution { speaker, quote })
    }
}
