//! Reported speech: "X said (that) ...", "X told CBS that ...", "... according to X"
//! and "According to X, ...": the reported clause, attributed to the speaker who touches
//! the verb (or follows "according to"). At most one per sentence; a clause shorter than
//! three words is no quote.

use super::super::Quote;
use super::super::text::Token;
use super::{Attribution, Context, clean_quote};

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
            if self.is_speech(s, i) {
                let Some(speaker) = self.speaker_ending_before(s, i) else {
                    continue;
                };
                let mut from = i + 1;
                let limit = (from + 6).min(tokens.len());
                if let Some(that) = (from..limit).find(|&k| self.word(s, k) == "that") {
                    from = that + 1;
                } else if !self.starts_clause(s, from) {
                    continue;
                }
                return self.reported_quote(s, speaker, self.clause(s, from, tokens.len()));
            }
        }
        None
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
