//! Pronouns: "he" or "she" at a position in, the person mention it refers to out (or
//! none when the text does not say).
//!
//! A pronoun refers to the one person named earlier in its sentence, else earlier in
//! its paragraph; with several candidates, to the person the paragraph last quoted
//! (news convention). The people named before each sentence of its paragraph are
//! counted once, in one pass over the article, so that a pronoun in a paragraph of
//! thousands of sentences is a lookup, not a walk back to the paragraph's start.

use std::collections::HashMap;

use super::super::mentions::Reference;
use super::Context;

/// The people named in a paragraph before one of its sentences.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Earlier {
    Nobody,
    /// One person: their last mention.
    One(usize),
    Several,
}

/// Who pronouns can refer to, prepared once per article.
#[derive(Default)]
pub(super) struct People {
    /// For each sentence, the people of its paragraph named before it.
    before: Vec<Earlier>,
    /// For each sentence, the byte where its paragraph's first sentence starts.
    paragraph_start: Vec<usize>,
    /// Byte starts of each actor's mentions that a pronoun can refer to, ascending.
    starts: HashMap<usize, Vec<usize>>,
}

impl People {
    /// Reads the people of every paragraph, sentence by sentence.
    pub(super) fn new(ctx: &Context) -> People {
        let (doc, cluster) = (ctx.doc, ctx.cluster);
        let mut people = People::default();
        let (mut seen, mut from) = (Earlier::Nobody, 0);
        for (s, ms) in ctx.in_sentence.iter().enumerate() {
            if s == 0 || doc.paragraphs[s] != doc.paragraphs[s - 1] {
                (seen, from) = (Earlier::Nobody, doc.sentences[s].start);
            }
            people.before.push(seen);
            people.paragraph_start.push(from);
            for &i in ms.iter().filter(|&&i| ctx.referable(i)) {
                people
                    .starts
                    .entry(cluster[i])
                    .or_default()
                    .push(ctx.mentions[i].start);
                seen = match seen {
                    Earlier::Nobody => Earlier::One(i),
                    Earlier::One(j) if cluster[j] == cluster[i] => Earlier::One(i),
                    _ => Earlier::Several,
                };
            }
        }
        people
    }

    /// Whether actor `actor` was named (as a person a pronoun can refer to) in its
    /// paragraph before sentence `s`, which starts at byte `sentence_start`.
    fn named_before(&self, actor: usize, s: usize, sentence_start: usize) -> bool {
        let from = self
            .paragraph_start
            .get(s)
            .copied()
            .unwrap_or(sentence_start);
        self.starts.get(&actor).is_some_and(|starts| {
            let i = starts.partition_point(|&b| b < from);
            starts.get(i).is_some_and(|&b| b < sentence_start)
        })
    }
}

impl Context<'_, '_> {
    /// Whether mention `i` is a person a pronoun can refer to: not quoted, not inside a role.
    pub(super) fn referable(&self, i: usize) -> bool {
        let m = &self.mentions[i];
        m.reference == Reference::Person && !self.quoted(m.start) && !m.in_role
    }

    /// The one person a pronoun at byte `at` of sentence `s` can refer to, if there is
    /// exactly one.
    pub(super) fn pronoun(&self, s: usize, at: usize) -> Option<usize> {
        // The people named before the pronoun in its sentence: the last mention of each.
        let mut here: Vec<usize> = Vec::new();
        for &i in self.in_sentence.get(s)? {
            if self.mentions[i].start < at && self.referable(i) {
                match here
                    .iter()
                    .position(|&f| self.cluster[f] == self.cluster[i])
                {
                    Some(k) => here[k] = i,
                    None => here.push(i),
                }
            }
        }
        let earlier = self
            .people
            .before
            .get(s)
            .copied()
            .unwrap_or(Earlier::Nobody);
        match (here.as_slice(), earlier) {
            (&[only], _) | (&[], Earlier::One(only)) => return Some(only),
            (&[], Earlier::Nobody) => return None,
            _ => {}
        }
        // Several people: news convention gives "he said" to the paragraph's last speaker.
        let (paragraph, last) = self.last_speaker.get()?;
        let actor = self.cluster[last];
        let known = if here.is_empty() {
            self.people
                .named_before(actor, s, self.doc.sentences[s].start)
        } else {
            here.iter().any(|&m| self.cluster[m] == actor)
        };
        (paragraph == self.doc.paragraphs[s] && known).then_some(last)
    }
}
