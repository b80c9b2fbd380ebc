//! Which tokens make the clause around a segment: a segment of a sentence in
//! ([`segment`](super::segment)), the token indices of its clause out, in order.
//!
//! A continuation gets back the words before its interruption, a relative or participle
//! clause its antecedent (the noun phrase it refers to), a complement that follows is
//! kept, and so is an attribution that follows ("..., according to the harbour board")
//! unless it has a time of its own. [`widened`] joins neighbouring segments until a
//! caller's test is met (a segment without a verb). Kept apart from `clause`, which
//! decides what the assembled words say and renders them.

use super::segment::{Role, Segment, Words};
use crate::language::calendar;
use crate::language::words;

/// The tokens of the clause around segment `seg`, in order, up to at least `until`,
/// with the attribution that follows it ("according to ...").
pub(super) fn assemble(
    w: &Words,
    segs: &[Segment],
    seg: usize,
    until: usize,
    is_verb: impl Fn(usize) -> bool,
) -> Vec<usize> {
    let s = segs[seg];
    let mut idx: Vec<usize> = match s.role {
        Role::Continuation { of } => {
            // "that the plan might be rolling, opposition leader Tsvangirai [, who ...,]
            // returned": the subject is what follows the comma of a clause of its own
            let o = segs[of];
            let comma = (o.a..o.b).rfind(|&k| w.text(k) == ",");
            match comma {
                Some(c) if (o.a..c).any(&is_verb) => (c + 1..o.b).collect(),
                _ => (o.a..o.b).collect(),
            }
        }
        Role::Relative { of } | Role::Participle { of } => antecedent(w, segs[of]),
        _ => Vec::new(),
    };
    if matches!(s.role, Role::Relative { .. })
        && s.a > 0
        && w.text(s.a - 1) == ","
        && !idx.is_empty()
    {
        idx.push(s.a - 1); // "the commission, whose talks ..."
    }
    idx.extend(s.a..s.b.max(until));
    if let Some(next) = segs
        .get(seg + 1)
        .filter(|n| n.role == Role::Complement && n.a >= until)
    {
        idx.extend(next.a..next.b);
    }
    // "..., according to the harbour board": a claim keeps who makes it; not an
    // attribution with a time of its own ("according to Price in a briefing on
    // Friday"), whose saying is an event of its own
    let last = idx.last().copied().unwrap_or(s.b);
    if let Some(next) = segs.iter().find(|n| n.a > last).filter(|n| {
        n.a <= last + 2 && w.is_any(n.a, &["according"]) && !(n.a..n.b).any(|k| names_a_time(w, k))
    }) {
        idx.extend(last + 1..next.b);
    }
    idx
}

/// Whether token `k` may be part of a time expression: a number, a weekday, a month,
/// "today", "week", "year".
fn names_a_time(w: &Words, k: usize) -> bool {
    let t = w.text(k).to_lowercase();
    t.starts_with(|c: char| c.is_ascii_digit())
        || calendar::weekday(&t).is_some()
        || calendar::month(&t).is_some()
        || matches!(
            t.as_str(),
            "yesterday" | "today" | "tomorrow" | "tonight" | "week" | "month" | "year"
        )
}

/// The noun phrase a relative clause refers to: the last words of `seg`, back to a
/// comma, a preposition, an article or six words.
pub(super) fn antecedent(w: &Words, seg: Segment) -> Vec<usize> {
    let mut a = seg.b;
    while a > seg.a && seg.b - a < 6 && !w.is(a - 1, words::is_preposition) {
        let t = w.text(a - 1);
        let participle = t.len() > 4 && t.ends_with("ing");
        let part_of_name =
            w.is_word(a - 1) || matches!(t, "'" | "’" | "-") || t.starts_with(char::is_numeric);
        // "suggest that former chief Ana Varela, who ...": "that" opens the clause the
        // noun phrase is in, no part of it
        let opens_clause = w.is_any(a - 1, &["that"]);
        if participle || !part_of_name || opens_clause {
            break; // "giving the engineer who ...", "the river, which ..."
        }
        a -= 1;
        if w.is(a, words::is_article) {
            break; // the noun phrase starts at its article: "respect [the limits]"
        }
    }
    (a..seg.b).collect()
}

/// Segments around `seg` joined one at a time (before first) until `enough`.
pub(super) fn widened(
    segs: &[Segment],
    seg: usize,
    enough: impl Fn(&[usize]) -> bool,
) -> Vec<usize> {
    let (mut lo, mut hi) = (seg, seg);
    loop {
        let idx: Vec<usize> = (segs[lo].a..segs[hi].b).collect();
        if enough(&idx) || (lo == 0 && hi + 1 == segs.len()) {
            return idx;
        }
        if lo > 0 {
            lo -= 1;
        } else {
            hi += 1;
        }
    }
}
