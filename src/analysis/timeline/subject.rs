//! Subjects: a sentence's segments and verbs in, its main clause's subject out; and
//! for an event clause that lacks a subject of its own, the words that give it one.
//!
//! A clause joined to the main clause can leave out its subject ("The minister
//! praised the offer, but criticised the delay on Friday") or refer to it with a
//! pronoun ("The plan has drawn criticism since it was announced in October"). As an
//! event on its own, "Criticised the delay" or "It was announced" says nothing, so the
//! main clause's subject takes its place ("The minister criticised the delay", "The
//! plan was announced"). Without a main subject to lend (it is itself "it", or the
//! pronoun may mean something else the sentence names), the clause keeps the start of
//! its sentence, which says what it refers to. A participle clause after a
//! subject ("The bridge, built in 1932,") gets its subject and a form of "to be"
//! ("The bridge was built").

use super::segment::{Role, Segment, Words};
use crate::analysis::timex::scan::Kind;
use crate::language::words;

/// Pronouns that stand for something the clause does not name.
const STAND_INS: [&str; 4] = ["it", "they", "this", "these"];

/// Pronouns that cannot lend themselves as a subject to another clause.
fn pronoun(w: &str) -> bool {
    words::PERSONAL_PRONOUNS.contains(&w) || words::DEMONSTRATIVES.contains(&w) || w == "there"
}

/// Words that start a fronted phrase, not a subject.
fn fronting(w: &str) -> bool {
    words::is_preposition(w) || w == "when"
}

/// Determiners that can start a subject after a fronted phrase ("On Monday the envoy").
fn determiner(w: &str) -> bool {
    words::is_article(w) || words::is_possessive(w) || w == "this"
}

/// Conjunctions and connectives that may open the sentence before its subject.
fn opener(w: &str) -> bool {
    words::COORDINATORS.contains(&w) || words::CONNECTIVES.contains(&w)
}

/// Adverbs that may stand between a left-out subject and its verb ("but also said").
const ADVERBS: [&str; 6] = ["also", "then", "later", "again", "subsequently", "quickly"];

/// The tokens of the main clause's subject: what precedes the first verb of the first
/// segment (or of its continuation after a relative clause), without a fronted
/// phrase; `None` if that is not a short noun phrase.
pub fn main_subject(
    w: &Words,
    segs: &[Segment],
    is_verb: impl Fn(usize) -> bool,
) -> Option<Vec<usize>> {
    let first = segs.first()?;
    let main = |s: &Segment| s.role == Role::Clause || s.role == (Role::Continuation { of: 0 });
    let verb = segs
        .iter()
        .enumerate()
        .filter(|(i, s)| *i == 0 || (main(s) && s.role != Role::Clause))
        .flat_map(|(_, s)| s.a..s.b)
        .find(|&k| is_verb(k))?;
    let end = verb.min(first.b);
    let mut from = (first.a..end)
        .rfind(|&k| w.text(k) == ",")
        .map_or(first.a, |c| c + 1);
    while from < end && w.is(from, opener) {
        from += 1;
    }
    if w.is(from, fronting) {
        from = (from + 1..end).rfind(|&k| w.is(k, determiner))?;
    }
    let idx: Vec<usize> = (from..end).collect();
    let words = idx.iter().filter(|&&k| w.is_word(k)).count();
    // a quoted title can be a subject: "“Super Mario Run” will launch"
    let quoted = matches!(w.text(from), "\"" | "“") && w.is_word(from + 1);
    let starts_well =
        w.is_word(from) || quoted || w.tokens.get(from).is_some_and(|t| t.kind == Kind::Number);
    ((1..=8).contains(&words) && starts_well).then_some(idx)
}

/// What an event clause opens with, after its connectives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opening {
    /// A subject of its own.
    Subject,
    /// A verb: the subject was left out.
    Verb,
    /// A pronoun standing in for a subject ("it", "they").
    StandIn,
}

/// How the kept tokens of a clause open.
pub fn opening(w: &Words, keep: &[usize], is_verb: impl Fn(usize) -> bool) -> Opening {
    let Some(&k) = keep.first() else {
        return Opening::Subject;
    };
    let verb = is_verb(k) || (w.is_any(k, &ADVERBS) && keep.get(1).is_some_and(|&n| is_verb(n)));
    if verb && !w.text(k).ends_with("ing") {
        Opening::Verb
    } else if w.is_any(k, &STAND_INS) {
        Opening::StandIn
    } else {
        Opening::Subject
    }
}

/// The kept tokens of a clause that starts at token `clause` (after the main subject)
/// with the main subject put in: before a verb, or instead of a stand-in pronoun when
/// nothing between the subject and the clause could be what the pronoun means ("The
/// plan has drawn criticism since it was announced", not "Boeing has won orders for
/// the 777 since it was announced"). `None` when a subject is needed and there is
/// none to lend.
pub fn lend(
    w: &Words,
    keep: Vec<usize>,
    opening: Opening,
    subject: Option<&[usize]>,
    clause: usize,
) -> Option<Vec<usize>> {
    if opening == Opening::Subject {
        return Some(keep);
    }
    let subject = subject?;
    let (&first, &last) = (subject.first()?, subject.last()?);
    if keep.first().is_some_and(|&k| k <= last) || clause <= last {
        return None; // the clause is the main clause
    }
    let rest = match opening {
        Opening::StandIn => {
            let pronoun = subject.len() == 1 && w.is(first, pronoun);
            // "copies of the rifle ... since it": the pronoun may mean the inner noun
            let inner = subject[1..]
                .iter()
                .any(|&k| w.is(k, words::is_preposition) || w.is_any(k, &["and", "or"]));
            let plural = w.is_any(keep[0], &["they", "these"]);
            if pronoun
                || inner
                || plural != is_plural(w, last)
                || (last + 1..clause).any(|k| names_something(w, k))
            {
                return None;
            }
            &keep[1..]
        }
        _ => &keep[..],
    };
    Some(subject.iter().chain(rest).copied().collect())
}

/// Whether token `k` is a plural noun ("talks", not "bus" or "Reuters").
fn is_plural(w: &Words, k: usize) -> bool {
    let t = w.text(k);
    w.is_word(k)
        && t.starts_with(char::is_lowercase)
        && t.ends_with('s')
        && !t.ends_with("ss")
        && !t.ends_with("us")
        && !t.ends_with("is")
}

/// Whether token `k` may start or be a noun phrase other than the subject: a
/// determiner, a preposition, a pronoun, a number or a capitalised word.
fn names_something(w: &Words, k: usize) -> bool {
    let number = w.tokens.get(k).is_some_and(|t| t.kind == Kind::Number);
    number
        || w.text(k).starts_with(char::is_uppercase)
        || w.is(k, determiner)
        || w.is(k, pronoun)
        || w.is(k, words::is_preposition)
}

/// The form of "to be" that turns a participle clause (its participle at token
/// `participle`, after a subject ending at `antecedent_last`) into a clause: present
/// for what is planned ("scheduled for"), else past; plural after a plural noun.
pub fn be_form(w: &Words, antecedent_last: usize, participle: usize) -> &'static str {
    let plural = is_plural(w, antecedent_last);
    let planned = w.is_any(
        participle,
        &["scheduled", "planned", "set", "slated", "expected"],
    ) && w.is_any(participle + 1, &["for", "to"]);
    match (planned, plural) {
        (true, false) => "is",
        (true, true) => "are",
        (false, false) => "was",
        (false, true) => "were",
    }
}
