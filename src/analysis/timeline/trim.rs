//! Trimming a clause to what states its event: a clause's token indices and its date
//! in, the tokens that stay in the text out.
//!
//! What only frames the event goes: leading connectives ("However,", "In addition to
//! this,", also after a fronted date: "In 2009, however, when"), the date itself when
//! it is a fronted or prepositional phrase ("On Thursday,", "on Wednesday"), a
//! trailing attribution (", the commission said") and anything past a word limit, cut
//! at a phrase boundary. A clause that opens with "if" or "unless" is a condition, no
//! event: nothing stays.

use super::render::{phrase_boundary, trim_dangling};
use super::segment::Words;
use crate::analysis::timex::scan::Kind;
use crate::analysis::timex::{Timex, verb_groups};
use crate::language::words;

/// The text of a dated clause cut before a gapped conjunct that carries the sentence's
/// next date ("Fees will overtake repairs in 2027 and wages in 2029": the verb is not
/// said again, so "and wages in 2029" is the 2029 event, not part of the 2027 one).
/// What comes before it states the event of `own` alone. `None` unless the words
/// between the two dates are "and", a short noun phrase and the later date's
/// preposition, with no verb ("raised the levy in 2019 and lowered the toll in 2021"
/// has its own clauses; "rose in 2019 and in 2021" names nothing new).
pub(super) fn before_gapped_conjunct(
    prose: &str,
    text: &str,
    own: &Timex,
    timexes: &[&Timex],
) -> Option<String> {
    let next = timexes
        .iter()
        .filter(|o| o.start >= own.end)
        .min_by_key(|o| o.start)?;
    let between = prose.get(own.end..next.start)?;
    let conjunct = between.trim_start().trim_start_matches(',').trim_start();
    let said: Vec<&str> = conjunct.strip_prefix("and ")?.split_whitespace().collect();
    let [phrase @ .., last] = said.as_slice() else {
        return None;
    };
    let nouns = !phrase.is_empty()
        && phrase.len() <= 6
        && !words::is_preposition(&phrase[0].to_lowercase())
        && words::is_preposition(&last.to_lowercase());
    if !nouns || !verb_groups(prose, own.end, next.start).is_empty() {
        return None;
    }
    let at = text.rfind(&format!("and {}", phrase.join(" ")))?;
    let kept = text[..at].trim_end_matches([',', ' ']);
    (kept.split_whitespace().count() >= 3).then(|| kept.to_string())
}

/// Words past which a clause text is cut (with an ellipsis).
const MAX_WORDS: usize = 30;

/// Connectives dropped from the start of a clause text.
const CONNECTIVES: [&str; 23] = [
    "and",
    "but",
    "which",
    "who",
    "that",
    "while",
    "whereas",
    "although",
    "though",
    "as",
    "when",
    "because",
    "however",
    "further",
    "furthermore",
    "moreover",
    "meanwhile",
    "also",
    "so",
    "then",
    "yet",
    "after",
    "since",
];

/// Words that open a condition: what follows them did not necessarily happen.
const CONDITIONS: [&str; 3] = ["if", "unless", "whether"];

/// The tokens of `idx` that stay in the text: without leading connectives, the
/// fronted or prepositional date, a trailing attribution and surplus words; and
/// whether surplus words were cut.
pub(super) fn cleaned(
    w: &Words,
    idx: &[usize],
    timex: (usize, usize),
    is_verb: impl Fn(usize) -> bool,
) -> (Vec<usize>, bool) {
    let Some(from) = skip_connectives(w, idx) else {
        return (Vec::new(), false);
    };
    let idx = &idx[from..];
    let dropped = date_phrase(w, idx, timex);
    let mut keep: Vec<usize> = idx
        .iter()
        .copied()
        .filter(|k| !dropped.contains(k))
        .collect();
    // "In 2009, however, when Congress passed": the connectives after the date go too
    let Some(from) = skip_connectives(w, &keep) else {
        return (Vec::new(), false);
    };
    keep.drain(..from);
    // "if prices soared that day", "unless talks resume": a condition states no event
    if keep.first().is_some_and(|&k| w.is_any(k, &CONDITIONS)) {
        return (Vec::new(), false);
    }
    drop_attribution(w, &mut keep, &is_verb);
    let mut words = 0;
    let cut = keep.iter().position(|&k| {
        words += usize::from(w.tokens[k].kind != Kind::Punct);
        words > MAX_WORDS
    });
    if let Some(cut) = cut {
        keep.truncate(phrase_boundary(w, &keep, cut));
    }
    trim_dangling(w, &mut keep);
    (keep, cut.is_some())
}

/// The text without the connective that opens it ("In addition, the downturn left
/// ..." -> "The downturn left ..."): on a timeline the sentence it ties to is not shown.
pub(super) fn without_connective(text: &str) -> String {
    let mut rest = text;
    loop {
        let opener = words::CONNECTIVE_PHRASES
            .iter()
            .chain(words::CONNECTIVES)
            .find(|c| {
                rest.get(..c.len())
                    .is_some_and(|head| head.eq_ignore_ascii_case(c))
                    && rest[c.len()..].starts_with(", ")
            });
        match opener {
            Some(c) => rest = &rest[c.len() + 2..],
            None => break,
        }
    }
    if rest.len() == text.len() || rest.split_whitespace().count() < 3 {
        return text.to_string();
    }
    let mut chars = rest.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The position in `idx` after connectives and punctuation ("However,", "and", "In
/// addition to this,"), or `None` if nothing is left.
pub(super) fn skip_connectives(w: &Words, idx: &[usize]) -> Option<usize> {
    let mut p = 0;
    while p < idx.len() {
        let k = idx[p];
        if w.tokens[k].kind == Kind::Punct || w.is_any(k, &CONNECTIVES) {
            p += 1;
        } else if w.is_any(k, &["in"]) && w.is_any(k + 1, &["addition"]) {
            // "In addition to this,": up to the comma
            p = (p..idx.len())
                .find(|&q| w.text(idx[q]) == ",")
                .map_or(p + 2, |q| q + 1);
        } else {
            return Some(p);
        }
    }
    None
}

/// The token indices of the date phrase to leave out: a fronted date with its comma
/// ("On Thursday,"), or a prepositional one ("on Wednesday") anywhere.
pub(super) fn date_phrase(w: &Words, idx: &[usize], (ts, te): (usize, usize)) -> Vec<usize> {
    let Some(mut p) = idx.iter().position(|&k| k == ts) else {
        return Vec::new();
    };
    let start = p;
    // one preposition, after an adverb or not ("earlier on Friday"); a second is a
    // verb's particle ("switched on in 1912")
    let prepositions = ["on", "in", "at", "during"];
    let adverbs = ["earlier", "later", "early", "late"];
    let mut preposition = false;
    while p > 0 && idx[p - 1] + 1 == idx[p] {
        let k = idx[p - 1];
        if w.is_any(k, &prepositions) && !preposition {
            preposition = true;
        } else if !w.is_any(k, &adverbs) {
            break;
        }
        p -= 1;
    }
    if matches!(w.text(te), "'" | "’") && w.is_any(te + 1, &["s"]) {
        return Vec::new(); // "today's editions": the date is a possessor, not a phrase
    }
    let fronted = p == 0 && w.text(te) == ",";
    if !fronted && p == start {
        return Vec::new();
    }
    // ", on Wednesday," between commas loses one of them
    let comma_before = p > 0 && w.text(idx[p - 1]) == ",";
    let until = if fronted || (comma_before && w.text(te) == ",") {
        te + 1
    } else {
        te
    };
    (idx[p]..until).collect()
}

/// Drops a trailing ", the commission said" / ", said Petra Linnholm" of at most eight
/// words, when what comes before it is a clause (a verb, or four words and more) and
/// the tail has no other verb.
pub(super) fn drop_attribution(w: &Words, keep: &mut Vec<usize>, is_verb: impl Fn(usize) -> bool) {
    let Some(comma) = keep.iter().rposition(|&k| w.text(k) == ",") else {
        return;
    };
    let tail: Vec<usize> = keep[comma + 1..]
        .iter()
        .copied()
        .filter(|&k| w.is_word(k))
        .collect();
    let reporting = |k: &usize| w.is(*k, words::is_reporting_verb);
    let only_reporting = tail.iter().filter(|&&k| is_verb(k)).all(reporting);
    let attribution = (1..=8).contains(&tail.len())
        && (tail.first().is_some_and(reporting) || tail.last().is_some_and(reporting))
        && only_reporting
        && (keep[..comma].iter().any(|&k| is_verb(k)) || comma >= 4);
    if attribution {
        keep.truncate(comma);
    }
}

#[cfg(test)]
mod tests {
    use super::without_connective;

    #[test]
    fn an_opening_connective_goes_and_the_rest_stays() {
        let cases = [
            ("In addition, the mill closed.", "The mill closed."),
            (
                "For example, grants total $30 billion.",
                "Grants total $30 billion.",
            ),
            ("However, in fact, the mill closed.", "The mill closed."),
            (
                "In addition to this, earlier on Friday, the mill closed.",
                "Earlier on Friday, the mill closed.",
            ),
            // not an opener, or nothing left: as it is
            (
                "In addition to the mill, the dam closed.",
                "In addition to the mill, the dam closed.",
            ),
            ("In fact, it did.", "In fact, it did."),
            ("Indeed the mill closed.", "Indeed the mill closed."),
            ("The mill, in fact, closed.", "The mill, in fact, closed."),
        ];
        for (text, want) in cases {
            assert_eq!(without_connective(text), want, "{text}");
        }
    }
}
