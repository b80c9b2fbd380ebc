//! What a sentence reports: a parsed sentence in, the verb of its main clause (the
//! event a sentence without a date of its own reports) and, for a date in an
//! attribution ("according to X in a briefing on Friday"), what X said when, out.
//!
//! Kept apart from [`clause`](super::clause), which cuts the clause around a date:
//! these two read the sentence as a whole, skipping what only frames its main clause
//! (an opening subordinate clause, a parenthetical "Mr. Warner said", a quotation, an
//! example, an opening participle).

use super::clause::{Clause, Parsed, is_verb};
use super::faithful;
use super::participants::Zones;
use super::render::{render, trim_dangling};
use super::segment::{Role, Segment, Words};
use super::trim::date_phrase;
use crate::language::words;

impl Parsed {
    /// Byte range of the main clause's first verb (the event a sentence reports): not
    /// the verb of a subordinate clause that opens the sentence ("As hostilities
    /// escalated, Moscow had issued ...", "While the West has expressed alarm, Russia
    /// has dismissed ...").
    pub fn main_verb(&self, prose: &str) -> Option<(usize, usize)> {
        let w = Words {
            prose,
            tokens: &self.tokens,
        };
        let verb = |k: usize| is_verb(&self.tokens, &self.verbs, k);
        let candidates: Vec<usize> = self
            .segs
            .iter()
            .filter(|s| s.role == Role::Clause || s.role == Role::Continuation { of: 0 })
            .flat_map(|s| {
                let mut from = s.a;
                if w.is_any(s.a, words::SUBORDINATORS) {
                    // past the comma that closes the subordinate clause
                    let first_verb = (s.a..s.b).find(|&k| verb(k)).unwrap_or(s.b);
                    from = (first_verb..s.b)
                        .find(|&k| w.text(k) == ",")
                        .map_or(s.b, |c| c + 1);
                }
                from..s.b
            })
            .collect();
        // not a parenthetical attribution ("The difference, Mr. Warner said, was that")
        let parenthetical = |k: usize| {
            w.is(k, words::is_reporting_verb)
                && w.text(k + 1) == ","
                && (k.saturating_sub(4)..k).any(|j| w.text(j) == ",")
        };
        // nor a verb quoted ("In her book “A Paradise Built in Hell”") or in an
        // example (", like the one struck with Mozilla,")
        let example = |k: usize| {
            (k.saturating_sub(8)..k)
                .rfind(|&j| w.text(j) == ",")
                .is_some_and(|c| w.is_any(c + 1, &["like", "including", "such"]))
        };
        // nor the participle that opens the sentence ("Supported by the board, L.E.A.N.
        // stands for ...")
        let opening = |k: usize| k == 0 && w.text(k).ends_with("ed");
        let k = candidates.into_iter().find(|&k| {
            verb(k) && !parenthetical(k) && !faithful::quoted(&w, k) && !example(k) && !opening(k)
        })?;
        // "The low ranking the U.S. received was due to": a verb right after another
        // group is the main one; the first was a relative clause's
        let t = &self.tokens[k];
        let group_end = self
            .verbs
            .iter()
            .find(|&&(s, e)| s <= t.start && t.end <= e)
            .map_or(t.end, |g| g.1);
        let next = self.tokens.iter().position(|n| n.start >= group_end);
        let lone = !w.is(k, words::is_auxiliary) && self.tokens[k].end == group_end;
        let k = next.filter(|&j| lone && verb(j) && j > k).unwrap_or(k);
        Some((self.tokens[k].start, self.tokens[k].end))
    }

    /// "according to State Department spokesperson Ned Price in a briefing on Friday":
    /// the source said it, on that date ("State Department spokesperson Ned Price spoke
    /// in a briefing"); the source is the participant.
    pub(super) fn according(
        &self,
        w: &Words,
        seg: Segment,
        timex: (usize, usize),
    ) -> Option<Clause> {
        let from = seg.a + 2; // after "according to"
        let name_end = (from..seg.b)
            .find(|&k| k >= timex.0 || w.is(k, words::is_preposition) || w.text(k) == ",")
            .unwrap_or(seg.b);
        if name_end == from || !w.is_any(seg.a + 1, &["to"]) {
            return None;
        }
        let dropped = date_phrase(w, &(from..seg.b).collect::<Vec<_>>(), timex);
        let keep: Vec<usize> = (from..seg.b)
            .filter(|k| !dropped.contains(k) && w.text(*k) != ",")
            .filter(|&k| k < timex.0 || k >= timex.1)
            .collect();
        let mut keep = keep;
        trim_dangling(w, &mut keep);
        let at = keep
            .iter()
            .position(|&k| k >= name_end)
            .unwrap_or(keep.len());
        let mut text = render(w, &keep[..at], None, false);
        // "X said in a briefing" leaves a reader asking what: where the source spoke
        // is the event ("X spoke in a briefing"); words after the name that say no
        // place ("Ada Quill, the envoy's aide,") are left out
        let venue = keep
            .get(at)
            .is_some_and(|&k| w.is(k, words::is_preposition));
        let rest = match venue {
            true => render(w, &keep[at..], None, false),
            false => String::new(),
        };
        text.push_str(if venue { " spoke" } else { " said" });
        let mut chars = rest.chars();
        if let Some(first) = chars.next() {
            // by characters: the first may take several bytes ("Ödön's aide")
            text.push(' ');
            text.extend(first.to_lowercase());
            text.push_str(chars.as_str());
        }
        let (start, end) = (self.tokens[from].start, self.tokens[name_end - 1].end);
        Some(Clause {
            start,
            end,
            text,
            zones: Zones {
                ranges: vec![(start, end)],
                ..Default::default()
            },
            verb: None,
            whole: false,
        })
    }
}
