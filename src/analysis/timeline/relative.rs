//! Events inside noun phrases: a sentence's tokens and the segment holding a date in,
//! the words that state the event on its own out.
//!
//! Two shapes tell an event about a noun rather than with a clause of their own. A
//! reduced relative ("the list of security guarantees submitted to Washington in
//! December", also in the subject: "the tax cuts passed late last year have created")
//! becomes "The list of security guarantees was submitted to Washington";
//! the enclosing clause's subject is lent as a participant when the passive names no
//! agent. An object relative ("assurances, which Blinken and Lavrov are expected to
//! address next week") becomes "Blinken and Lavrov are expected to address
//! assurances": the antecedent goes back where the relative pronoun stood. A subject
//! relative after a name ("Mr Mugabe, who has led Zimbabwe since 1980") loses its
//! pronoun: "Mr Mugabe has led Zimbabwe". A reduced relative that is the medium of a
//! saying ("wrote in a blog post published Thursday") dates the saying, which keeps
//! who said it.

use super::segment::{IRREGULAR_PARTICIPLES, Segment, Words};
use crate::analysis::timex::verbs::NOT_PAST;
use crate::language::words;

/// A reduced relative around the date at token `first` of segment `seg`: the
/// antecedent's tokens, the participle phrase's tokens (up to a comma or the segment's
/// end), and the enclosing clause's subject tokens.
pub struct Reduced {
    pub antecedent: Vec<usize>,
    pub phrase: Vec<usize>,
    pub subject: Vec<usize>,
}

/// The reduced relative holding the date at token `first`, if it is in one.
pub fn reduced(
    w: &Words,
    seg: Segment,
    first: usize,
    is_verb: impl Fn(usize) -> bool,
) -> Option<Reduced> {
    let v = (seg.a..first).rev().find(|&k| is_verb(k))?;
    let participle = w.text(v);
    let looks =
        (participle.len() >= 5 && participle.ends_with("ed") && !NOT_PAST.contains(&participle))
            || IRREGULAR_PARTICIPLES.contains(&participle);
    let finite_before = (seg.a..v.saturating_sub(1)).any(&is_verb);
    let noun_before = v > seg.a
        && w.is_word(v - 1)
        && !is_verb(v - 1)
        && !w.is(v - 1, words::is_auxiliary)
        && !w.is(v - 1, words::is_preposition)
        && !w.is(v - 1, words::is_determiner)
        && !w.is(v - 1, |x| words::PERSONAL_PRONOUNS.contains(&x))
        // "and first reported by": an adverb, no noun
        && !w.text(v - 1).ends_with("ly")
        && !w.is_any(v - 1, &["first", "then", "later", "once", "since", "still", "already"])
        && !w.is_any(
            v - 1,
            &[
                "to", "that", "which", "who", "what", "where", "when", "how", "not", "also",
                "been", "being",
            ],
        );
    // "submitted to Washington in December", "built in 1932": a complement follows
    let complement = w.is(v + 1, words::is_preposition) || v + 1 == first;
    // "The tax cuts passed late last year have created": in the subject, before the
    // clause's own verb
    let main_after = (first + 1..seg.b)
        .find(|&k| is_verb(k))
        .or_else(|| verb_after_agent(w, (first + 1, seg.b)));
    let in_subject = !finite_before && v <= seg.a + 6 && main_after.is_some();
    if !looks || !(finite_before || in_subject) || !noun_before || !complement || is_verb(v + 1) {
        return None;
    }
    let mut a = v;
    while a > seg.a && v - a < 8 {
        let k = a - 1;
        let of = w.is_any(k, &["of"]);
        if is_verb(k)
            || (!w.is_word(k) && w.text(k) != "'")
            || (w.is(k, words::is_preposition) && !of)
            || w.is_any(k, &["and", "or", "but"])
        {
            break;
        }
        a -= 1;
        if w.is(k, words::is_determiner) {
            break;
        }
    }
    let end = if in_subject {
        (v + 1..seg.b)
            .find(|&k| {
                w.text(k) == ","
                    || w.is_any(k, &["that", "which", "who"])
                    || is_verb(k)
                    || Some(k) == main_after
            })
            .unwrap_or(seg.b)
    } else {
        (v..seg.b).find(|&k| w.text(k) == ",").unwrap_or(seg.b)
    };
    let opens = (seg.a..v)
        .find(|&k| !w.is_any(k, &["that", "which", "who"]) && w.is_word(k))
        .unwrap_or(seg.a);
    let verb = (opens..v).find(|&k| is_verb(k)).unwrap_or(opens);
    if in_subject && !w.is(a, words::is_determiner) {
        return None; // "Netanyahu strongly warned": a verb, not a participle
    }
    Some(Reduced {
        antecedent: (a..v).collect(),
        phrase: (v..end).collect(),
        subject: if in_subject {
            Vec::new()
        } else {
            (opens..verb).collect()
        },
    })
}

/// "released on Monday by the Lisk Institute for Water Studies calls that into
/// question": the present verb right after the agent's name, which no verb group may
/// hold (a verb in "-s" may be a plural noun), in tokens `[from, to)`.
fn verb_after_agent(w: &Words, (from, to): (usize, usize)) -> Option<usize> {
    let by = (from..to).find(|&k| w.is_any(k, &["by"]))?;
    let capital = |k: usize| k < to && w.is_word(k) && w.text(k).starts_with(char::is_uppercase);
    let joins = |k: usize| w.is_any(k, &["of", "for", "on", "and", "s", "'", "’"]);
    let mut k = by + 1 + usize::from(w.is_any(by + 1, &["the"]));
    let name = k;
    while k < to && (capital(k) || (joins(k) && (capital(k + 1) || joins(k + 1)))) {
        k += 1;
    }
    let verb = k > name
        && k < to
        && w.is_word(k)
        && w.text(k).len() > 3
        && w.text(k).ends_with('s')
        && w.text(k).starts_with(char::is_lowercase)
        && !w.is(k, words::is_preposition);
    verb.then_some(k)
}

/// The tokens of the saying a reduced relative is the medium of: "Ana Varela wrote in
/// a blog post published Thursday" is Varela's writing, which the post's publishing
/// only dates; alone, "A blog post was published Thursday" drops who wrote it. The
/// subject that names who (after any quotation before it), the reporting verb and its
/// preposition, through the end of the participle phrase; `None` when no reporting
/// verb comes right before or no one is named.
pub fn saying(w: &Words, r: &Reduced) -> Option<Vec<usize>> {
    // "wrote in [a blog post]": a reporting verb, where, the antecedent
    let first = *r.antecedent.first()?;
    let verb = first.checked_sub(2)?;
    let end = *r.phrase.last()?;
    // where it was said: "in a post", "at a conference", not "explained by demand"
    let medium = w.is_any(verb + 1, &["in", "on", "at", "during"]);
    if !medium || !w.is(verb, words::is_reporting_verb) {
        return None;
    }
    // its subject: the words before it, back to a quotation, a comma or eight words
    let mut from = verb;
    while from > 0 && verb - from < 8 {
        let k = from - 1;
        if !(w.is_word(k) || matches!(w.text(k), "-" | "'" | "’" | ".")) {
            break;
        }
        from -= 1;
    }
    let named = (from..verb).any(|k| w.text(k).starts_with(char::is_uppercase));
    (from < verb && named).then(|| (from..=end).collect())
}

/// For an object relative clause ("which Blinken and Lavrov are expected to address"):
/// `keep` (its kept tokens, without the antecedent) with the antecedent put after the
/// verb chain. `None` when the relative pronoun is the subject ("which began").
pub fn object_relative(
    w: &Words,
    keep: &[usize],
    pronoun: usize,
    antecedent: &[usize],
    is_verb: impl Fn(usize) -> bool,
) -> Option<Vec<usize>> {
    if !w.is_any(pronoun, &["which", "that", "whom"])
        || is_verb(pronoun + 1)
        || antecedent.is_empty()
    {
        return None;
    }
    let own: Vec<usize> = keep.iter().copied().filter(|&k| k > pronoun).collect();
    let mut p = own.iter().rposition(|&k| is_verb(k))?;
    // "which officials will present": the verb after a modal the groups left out
    let base = |k: usize| {
        w.is_word(k)
            && w.text(k).starts_with(char::is_lowercase)
            && !w.is(k, words::is_determiner)
            && !w.is(k, words::is_preposition)
    };
    if w.is(own[p], words::is_auxiliary) && own.get(p + 1).is_some_and(|&k| base(k)) {
        p += 1;
    }
    while own.get(p + 2).is_some()
        && w.is_any(own[p + 1], &["to"])
        && w.is_word(own[p + 2])
        && !w.is(own[p + 2], words::is_determiner)
    {
        p += 2;
    }
    let mut out: Vec<usize> = own[..=p].to_vec();
    out.extend_from_slice(antecedent);
    out.extend_from_slice(&own[p + 1..]);
    Some(out)
}

/// For a subject relative clause after a name ("Mr Mugabe, who has led Zimbabwe"):
/// `keep` without the relative pronoun and the comma before it, so that the name is
/// the subject ("Mr Mugabe has led Zimbabwe"). `None` when the antecedent is no name
/// ("a session that had been due", "the talks, which"): alone, such a clause says
/// nothing about which one.
pub fn subject_relative(
    w: &Words,
    keep: &[usize],
    pronoun: usize,
    antecedent: &[usize],
    is_verb: impl Fn(usize) -> bool,
) -> Option<Vec<usize>> {
    let (&first, &last) = (antecedent.first()?, antecedent.last()?);
    let named = w.text(last).starts_with(char::is_uppercase)
        && !w.is(first, words::is_determiner)
        && !w.is(first, |x| words::PERSONAL_PRONOUNS.contains(&x));
    if !w.is_any(pronoun, &["who", "which", "that"]) || !is_verb(pronoun + 1) || !named {
        return None;
    }
    let comma = pronoun.checked_sub(1).filter(|&c| w.text(c) == ",");
    Some(
        keep.iter()
            .copied()
            .filter(|&k| k != pronoun && Some(k) != comma)
            .collect(),
    )
}
