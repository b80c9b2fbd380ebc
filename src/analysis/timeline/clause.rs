//! The clause a date belongs to: a sentence and a time expression in, the clause's
//! byte range and a text that reads on its own ("Sullivan handed Grushko the reply")
//! out.
//!
//! The sentence is cut into [`segment`](super::segment)s; the one holding the date is
//! the clause, put back together around its subject: a clause interrupted by a
//! relative clause gets its first part back ("Ana Varela [, who led the walkout,]
//! told lawmakers"), a relative clause gets its antecedent ("the commission, whose
//! talks collapsed last week"), a participle clause its subject and a form of "to be"
//! ("The bridge was built"), a clause that left out its subject or has only "it" for
//! one gets the main clause's ([`subject`](super::subject)), "said" keeps the "that
//! ..." it introduces, and a segment without a verb is joined to its neighbours. The
//! text then loses what only frames it ([`trim`](super::trim): connectives, the date
//! phrase, a trailing attribution, a condition gives no text) and is rendered
//! ([`render`](super::render)).

use super::assemble::{antecedent, assemble, widened};
use super::faithful;
use super::participants::{self, Zones};
use super::relative;
use super::render::{balance_quotes, render};
use super::segment::{self, Role, Segment, Words};
use super::subject::{self, Opening};
use super::trim::cleaned;
use crate::analysis::timex::scan::{Token, tokenize_numbers};
use crate::language::words;

/// A clause: byte range in the text, its cleaned-up words and where the names of its
/// participants are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub zones: Zones,
    /// Byte start of the clause's first verb.
    pub verb: Option<usize>,
    /// The text is the whole sentence: no cut of it was faithful.
    pub whole: bool,
}

/// One sentence prepared for clause lookups: its tokens, verb groups and segments,
/// computed once however many dates it holds.
pub struct Parsed {
    pub(super) tokens: Vec<Token>,
    pub(super) verbs: Vec<(usize, usize)>,
    pub(super) segs: Vec<Segment>,
    /// The main clause's subject (token indices), to lend to clauses without one.
    subject: Option<Vec<usize>>,
}

impl Parsed {
    /// Prepares `prose[sentence]`, whose verb groups (byte ranges) are `verbs`.
    pub fn new(prose: &str, sentence: (usize, usize), mut verbs: Vec<(usize, usize)>) -> Parsed {
        let mut tokens = Vec::new();
        tokenize_numbers(prose, sentence.0, sentence.1, &mut tokens);
        let w = Words {
            prose,
            tokens: &tokens,
        };
        let segs = segment::split(&w, &verbs);
        // the participle of a background clause ("built", "set up") is its verb
        for seg in segs
            .iter()
            .filter(|s| matches!(s.role, Role::Participle { .. }))
        {
            verbs.push((tokens[seg.a].start, tokens[seg.a].end));
        }
        let subject = subject::main_subject(&w, &segs, |k| is_verb(&tokens, &verbs, k));
        Parsed {
            tokens,
            verbs,
            segs,
            subject,
        }
    }

    /// The whole sentence as an entry's text, when no cut of it is faithful.
    pub fn whole(&self, prose: &str) -> Option<String> {
        faithful::whole(&Words {
            prose,
            tokens: &self.tokens,
        })
    }

    /// The clause that holds the expression at bytes `timex`, or `None` if it holds no
    /// verb (a heading, a caption). When `dated`, the date phrase is left out of the
    /// text. A date in an attribution ("according to X in a briefing on Friday") dates
    /// what X said: "X spoke in a briefing".
    pub fn around(&self, prose: &str, timex: (usize, usize), dated: bool) -> Option<Clause> {
        let (tokens, segs) = (&self.tokens, &self.segs);
        let w = Words { prose, tokens };
        let first = tokens.iter().position(|t| t.end > timex.0)?;
        let last = tokens
            .iter()
            .rposition(|t| t.start < timex.1)
            .unwrap_or(first)
            .max(first);
        let seg = segs.iter().position(|s| s.a <= first && first < s.b)?;
        if w.is_any(segs[seg].a, &["according"]) {
            return dated.then(|| self.according(&w, segs[seg], (first, last + 1)))?;
        }
        let is_verb = |k: usize| is_verb(tokens, &self.verbs, k);
        let has_verb = |idx: &[usize]| idx.iter().any(|&k| is_verb(k));
        if dated && let Some(r) = relative::reduced(&w, segs[seg], first, is_verb) {
            return self.reduced(&w, r, (first, last + 1), is_verb);
        }
        let mut idx = assemble(&w, segs, seg, last + 1, is_verb);
        if !has_verb(&idx) || idx.len() < 5 {
            idx = widened(segs, seg, |idx| has_verb(idx) && idx.len() >= 5);
        }
        if !has_verb(&idx) {
            return None;
        }
        let timex = if dated {
            (first, last + 1)
        } else {
            (usize::MAX, usize::MAX)
        };
        let (keep, be, cut) = self.fitted(&w, &mut idx, seg, timex, is_verb)?;
        let rendered = render(&w, &keep, be, cut);
        let balanced = balance_quotes(rendered.clone());
        // a quotation cut off ("called the bill “the worst piece of ...") is cut inside
        let quote_cut = balanced.split_whitespace().count() < rendered.split_whitespace().count();
        let check = faithful::Cut {
            keep: &keep,
            date: dated.then_some(timex),
            be: be.is_some(),
            cut,
        };
        // a text cut at the word limit loses what it went on to say: the whole
        // sentence, or no entry when that is too long
        let complement = segs[seg].role == Role::Complement;
        let damaged = quote_cut
            || cut
            || faithful::leans_on_the_rest(&w, &keep, complement, is_verb)
            || self.unfaithful(&w, &idx, seg, &check, is_verb);
        let quoted = dated && faithful::quoted(&w, first);
        let (text, whole) = match (quoted, damaged) {
            // a quote with no one saying it in the sentence: its clause, when the cut
            // is faithful and speaks of no "I" or "we" the reader cannot place
            (true, false) if faithful::whole(&w).is_none() => {
                if faithful::personal(&w, &keep) {
                    return None;
                }
                (balanced, false)
            }
            (true, _) | (false, true) => (faithful::whole(&w)?, true),
            (false, false) => (balanced, false),
        };
        self.clause(&w, &idx, &keep, (text, whole), is_verb)
    }

    /// Whether the cut `check` of clause `idx` (around segment `seg`) would change what
    /// the words say, so the whole sentence must be shown instead.
    fn unfaithful(
        &self,
        w: &Words,
        idx: &[usize],
        seg: usize,
        check: &faithful::Cut,
        is_verb: impl Fn(usize) -> bool + Copy,
    ) -> bool {
        let segs = &self.segs;
        // "the fixes that I recommended": a "that" after a determined noun opens a
        // relative clause, which alone says nothing about which fixes
        let a = segs[seg].a;
        let relative_that = segs[seg].role == Role::Complement
            && a >= 2
            && !is_verb(a - 1)
            && w.is(a - 2, words::is_determiner);
        // "because the talks are confidential, said Halvik could": the rest of a
        // subordinate clause glued to the main clause's verb
        let keep = check.keep;
        let subordinate = keep.first().is_some_and(|&k0| {
            idx.iter()
                .take_while(|&&i| i < k0)
                .any(|&i| w.is_any(i, words::SUBORDINATORS))
        });
        let glued = subordinate
            && (0..keep.len())
                .any(|p| w.text(keep[p]) == "," && keep[p + 1..].iter().any(|&j| is_verb(j)));
        relative_that || glued || faithful::damage(w, check, is_verb).is_some()
    }

    /// The clause of tokens `idx` showing `text` (the whole sentence when `whole`), its
    /// participants found in the `keep` tokens.
    fn clause(
        &self,
        w: &Words,
        idx: &[usize],
        keep: &[usize],
        (text, whole): (String, bool),
        is_verb: impl Fn(usize) -> bool + Copy,
    ) -> Option<Clause> {
        let tokens = &self.tokens;
        let (start, end) = (tokens[*idx.first()?].start, tokens[*idx.last()?].end);
        let zones = participants::zones(w, keep, is_verb);
        let verb = keep.iter().find(|&&k| is_verb(k)).map(|&k| tokens[k].start);
        (!text.is_empty()).then_some(Clause {
            start,
            end,
            text,
            zones,
            verb,
            whole,
        })
    }

    /// The kept tokens of the clause `idx` (around segment `seg`) fitted to its role:
    /// an object relative with its antecedent put back, a subject relative of a name
    /// without its pronoun ("Mr Mugabe, who has led" -> "Mr Mugabe has led"), a
    /// participle clause with a form of "to be" (at a position of the kept tokens), a
    /// clause without a subject with the main one's; and whether words were cut.
    /// `None` when it is no event.
    #[allow(clippy::type_complexity)]
    fn fitted(
        &self,
        w: &Words,
        idx: &mut Vec<usize>,
        seg: usize,
        timex: (usize, usize),
        is_verb: impl Fn(usize) -> bool + Copy,
    ) -> Option<(Vec<usize>, Option<(usize, &'static str)>, bool)> {
        let segs = &self.segs;
        let (mut keep, mut cut) = cleaned(w, idx, timex, is_verb);
        let mut be = None;
        let object_relative = match segs[seg].role {
            Role::Relative { of } => {
                let ante: Vec<usize> = antecedent(w, segs[of]);
                relative::object_relative(w, &keep, segs[seg].a, &ante, is_verb)
                    .or_else(|| relative::subject_relative(w, &keep, segs[seg].a, &ante, is_verb))
            }
            _ => None,
        };
        if let Some(k) = object_relative {
            keep = k;
        } else if let Role::Participle { .. } = segs[seg].role {
            // "The bridge, built in 1932," -> "The bridge was built"
            let p = keep.iter().position(|&k| k >= segs[seg].a)?;
            be = Some((p, subject::be_form(w, keep[p.checked_sub(1)?], keep[p])));
        } else if idx[0] > 0 && keep.first() != Some(&idx[0]) {
            match self.with_subject(w, idx, seg, keep, is_verb)? {
                Some(lent) => keep = lent,
                None => {
                    // no subject to lend: the clause with the sentence's start ("So
                    // far, Boeing has won orders since it was announced")
                    *idx = (segs[0].a..=*idx.last()?).collect();
                    (keep, cut) = cleaned(w, idx, timex, is_verb);
                }
            }
        }
        Some((keep, be, cut))
    }

    /// A reduced relative as a clause of its own: "The list of security guarantees was
    /// submitted to Washington"; the enclosing clause's subject takes part too.
    fn reduced(
        &self,
        w: &Words,
        r: relative::Reduced,
        timex: (usize, usize),
        is_verb: impl Fn(usize) -> bool + Copy,
    ) -> Option<Clause> {
        if let Some(mut idx) = relative::saying(w, &r) {
            // "... published Thursday that the leak was found": what was written
            let last = *idx.last()?;
            let complement = self
                .segs
                .iter()
                .find(|n| n.a > last && n.a <= last + 2 && n.role == Role::Complement);
            if let Some(next) = complement {
                idx.extend(last + 1..next.b);
            }
            let (keep, cut) = cleaned(w, &idx, timex, is_verb);
            // "“...,” Varela wrote in a blog post published Thursday": what was written
            // is the quotation before the writer, so the entry shows it
            let quoted = complement.is_none() && matches!(w.text(0), "“" | "\"");
            let text = match quoted {
                true => faithful::whole(w)?,
                false => balance_quotes(render(w, &keep, None, cut)),
            };
            let (start, end) = (idx.first()?, idx.last()?);
            let verb = self.tokens[r.antecedent.first()? - 2].start;
            return (!text.is_empty()).then(|| Clause {
                start: self.tokens[*start].start,
                end: self.tokens[*end].end,
                text,
                zones: participants::zones(w, &keep, is_verb),
                verb: Some(verb),
                whole: quoted,
            });
        }
        let idx: Vec<usize> = r.antecedent.iter().chain(&r.phrase).copied().collect();
        let (keep, cut) = cleaned(w, &idx, timex, is_verb);
        let v = *r.phrase.first()?;
        let p = keep.iter().position(|&k| k >= v)?;
        // the head noun decides the number: "the list of guarantees was"
        let head = r
            .antecedent
            .iter()
            .position(|&k| w.is_any(k, &["of"]))
            .and_then(|o| o.checked_sub(1))
            .map_or(*keep.get(p.checked_sub(1)?)?, |o| r.antecedent[o]);
        let be = Some((p, subject::be_form(w, head, v)));
        let text = balance_quotes(render(w, &keep, be, cut));
        let mut zones = participants::zones(w, &keep, is_verb);
        if let (Some(&a), Some(&b)) = (r.subject.first(), r.subject.last()) {
            zones
                .ranges
                .push((self.tokens[a].start, self.tokens[b].end));
        }
        let (start, end) = (
            self.tokens[*idx.first()?].start,
            self.tokens[*idx.last()?].end,
        );
        (!text.is_empty()).then_some(Clause {
            start,
            end,
            text,
            zones,
            verb: Some(self.tokens[v].start),
            whole: false,
        })
    }

    /// The kept tokens of a clause joined by a connective, with the main subject lent
    /// to it if it has none of its own: `Some(None)` when it needs one and there is none
    /// to lend, `None` when it is no event (a relative clause that lost its antecedent,
    /// "as laid down by").
    fn with_subject(
        &self,
        w: &Words,
        idx: &[usize],
        seg: usize,
        keep: Vec<usize>,
        is_verb: impl Fn(usize) -> bool,
    ) -> Option<Option<Vec<usize>>> {
        let opening = subject::opening(w, &keep, is_verb);
        let relative = matches!(self.segs[seg].role, Role::Relative { .. })
            || w.is_any(idx[0], &["which", "who", "whom", "whose", "that", "as"]);
        if relative && opening != Opening::Subject {
            return None;
        }
        Some(subject::lend(
            w,
            keep,
            opening,
            self.subject.as_deref(),
            idx[0],
        ))
    }
}

/// Whether token `k` is inside one of the verb groups (byte ranges).
pub(super) fn is_verb(tokens: &[Token], verbs: &[(usize, usize)], k: usize) -> bool {
    tokens
        .get(k)
        .is_some_and(|t| verbs.iter().any(|&(s, e)| s <= t.start && t.end <= e))
}
