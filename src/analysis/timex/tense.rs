//! Tense around a time expression: a sentence's tokens in, the tense of the verb
//! group nearest to the expression out.
//!
//! "On Wednesday" means last Wednesday in "Sullivan handed the reply on Wednesday"
//! and next Wednesday in "they will meet on Wednesday", so resolution needs the
//! tense of the verb the date belongs to. Without a part-of-speech tagger we read
//! verb groups from closed word lists: auxiliaries and modals decide the group ("will
//! be held" is future even though "held" looks past, "has met" is past), intention
//! verbs followed by "to" make a future ("expected to address", "planned to leave"),
//! past forms are recognised from a list of irregular verbs and the "-ed" ending, and
//! frequent verbs in the simple present right after a subject ("The budget takes
//! effect") from a list ([`super::verbs`]). The group nearest to the expression wins;
//! a comma or a clause word on the way counts as extra distance and a semicolon stops
//! the search. A date in a non-finite clause under a present verb ("nothing stops us
//! being back in the autumn") looks ahead: it is read as future.

use super::grammar::Cursor;
use super::scan::Kind;
use super::verbs::{
    INTENT, IRREGULAR_PAST, NOT_PAST, is_reporting, not_subject, present_form, subject_pronoun,
};
use crate::language::words::{is_article, is_determiner, is_possessive};

/// The tense a time expression is read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    Past,
    Present,
    Future,
    /// No verb found (headlines, fragments).
    Unknown,
}

/// A verb group: the token where it starts, the token after it, and its tense.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Marker {
    pub start: usize,
    pub end: usize,
    pub tense: Tense,
    /// A reporting verb ("said"): it frames the sentence, so it only decides the
    /// tense of a date right next to it ("said Friday").
    pub reporting: bool,
}

fn auxiliary(word: &str) -> Option<Tense> {
    Some(match word {
        "will" | "shall" | "would" | "ll" => Tense::Future,
        "was" | "were" | "had" | "did" => Tense::Past,
        "is" | "are" | "am" | "has" | "have" | "does" | "do" | "can" | "may" | "might"
        | "could" | "should" | "must" => Tense::Present,
        _ => return None,
    })
}

/// Words ending in "en" that are no participles.
const NOT_PARTICIPLES: [&str; 9] = [
    "seven", "eleven", "even", "often", "then", "when", "ten", "open", "between",
];

/// The stem of a contracted negative auxiliary ("didn" of "didn't") and its tense.
fn negated_auxiliary(word: &str) -> Option<Tense> {
    Some(match word {
        "wouldn" | "shan" => Tense::Future,
        "wasn" | "weren" | "hadn" | "didn" => Tense::Past,
        "isn" | "aren" | "hasn" | "haven" | "doesn" | "don" | "couldn" | "shouldn" | "mustn"
        | "mightn" | "ca" => Tense::Present,
        _ => return None,
    })
}

fn looks_past(c: &Cursor, i: usize) -> bool {
    let word = c.word(i);
    // "a revised roster", "their proposed budget": a participle after an article or a
    // possessive describes a noun; it is no verb of the clause
    if i > 0 && (is_article(c.word(i - 1)) || is_possessive(c.word(i - 1))) {
        return false;
    }
    if IRREGULAR_PAST.contains(&word) {
        return true;
    }
    word.len() >= 5
        && word.ends_with("ed")
        && !NOT_PAST.contains(&word)
        && (i == 0 || !c.capitalised(i))
}

/// The verb groups of a sentence, in order.
pub fn markers(c: &Cursor) -> Vec<Marker> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < c.tokens.len() {
        match marker_at(c, i) {
            Some(m) => {
                i = m.end.max(i + 1);
                out.push(m);
            }
            None => i += 1,
        }
    }
    out
}

/// The verb group starting at token `i`, if any.
fn marker_at(c: &Cursor, i: usize) -> Option<Marker> {
    let word = c.word(i);
    let group = |end, tense, reporting| {
        Some(Marker {
            start: i,
            end,
            tense,
            reporting,
        })
    };
    // "in May" is the month, not the modal
    let month = word == "may" && i > 0 && c.capitalised(i);
    if let Some(tense) = auxiliary(word).filter(|_| !month) {
        return Some(auxiliary_group(c, i, tense));
    }
    // "didn't", "isn’t", "wouldn't": the stem, its apostrophe and "t"
    if let Some(tense) = negated_auxiliary(word)
        && matches!(c.text(i + 1), "'" | "’")
        && c.word(i + 2) == "t"
    {
        let mut group = auxiliary_group(c, i + 2, tense);
        group.start = i;
        return Some(group);
    }
    if word == "won" && c.is(i + 1, "'") && c.word(i + 2) == "t" {
        return group(i + 3, Tense::Future, false);
    }
    if intends(c, i) {
        return group(i + 2, Tense::Future, false);
    }
    let reporting = is_reporting(word);
    if looks_past(c, i) {
        group(i + 1, Tense::Past, reporting)
    } else if reporting || simple_present(c, i) {
        group(i + 1, Tense::Present, reporting)
    } else {
        None
    }
}

/// A frequent verb in the simple present right after its subject: "The budget takes
/// effect", "Kestria hosts", "Nothing stops", "The new rules take effect", "they meet".
/// The subject is a pronoun, a name, or a noun after a determiner or at the start of
/// the sentence (with up to two modifiers); a third-person "-s" form needs a singular
/// subject, a base form a plural one.
fn simple_present(c: &Cursor, i: usize) -> bool {
    let Some((_, third)) = present_form(c.word(i)) else {
        return false;
    };
    // "the neon signs was": a noun before the clause's verb
    if i == 0 || c.capitalised(i) || auxiliary(c.word(i + 1)).is_some() {
        return false;
    }
    let prev = c.word(i - 1);
    if prev.len() < 2 || not_subject(prev) || is_determiner(prev) {
        return false;
    }
    if let Some(p) = subject_pronoun(prev) {
        let plural = matches!(p, "they" | "we" | "i" | "you");
        return matches!(p, "who" | "which") || plural != third;
    }
    let plural = prev.ends_with('s') && !prev.ends_with("ss") && !prev.ends_with("us");
    if c.capitalised(i - 1) {
        return third; // a name: "Kestria hosts"
    }
    // a noun after a determiner or at the sentence start, with up to two modifiers:
    // "the new rules", "a budget", "New berthing rules"
    let modifiers =
        |from: usize| (from..i - 1).all(|m| !c.word(m).is_empty() && !not_subject(c.word(m)));
    let determined = (i.saturating_sub(4)..i - 1)
        .rev()
        .any(|k| is_determiner(c.word(k)) && modifiers(k + 1));
    let opens = i <= 3 && modifiers(0);
    (determined || opens) && plural != third
}

/// "expected to", "due to" before a verb (not "due to its loss").
fn intends(c: &Cursor, i: usize) -> bool {
    INTENT.contains(&c.word(i))
        && matches!(c.word(i + 1), "to" | "for")
        && !is_determiner(c.word(i + 2))
}

/// An auxiliary and the words it governs: "will be held", "has not met", "is expected to".
fn auxiliary_group(c: &Cursor, i: usize, mut tense: Tense) -> Marker {
    const FILLERS: [&str; 10] = [
        "not", "be", "been", "being", "also", "now", "already", "still", "just", "t",
    ];
    let perfect = matches!(c.word(i), "has" | "have");
    let mut j = i + 1;
    while j < c.tokens.len() && j <= i + 4 {
        let w = c.word(j);
        if FILLERS.contains(&w) {
            j += 1;
            continue;
        }
        // "is to open": an arrangement still ahead ("was to open" may not have happened)
        if w == "to" && matches!(c.word(i), "is" | "are" | "am") && !is_determiner(c.word(j + 1)) {
            tense = Tense::Future;
            j += 1;
            break;
        }
        // "was just seven years old": "seven" is no participle
        let participle = w.ends_with("en") && !NOT_PARTICIPLES.contains(&w);
        if looks_past(c, j) || participle || w.ends_with("ing") || intends(c, j) {
            if perfect && tense == Tense::Present && !w.ends_with("ing") {
                tense = Tense::Past;
            }
            if intends(c, j) {
                // "will be expected to" is ahead; "had been due to" may or may not have happened
                tense = if tense == Tense::Past {
                    Tense::Unknown
                } else {
                    Tense::Future
                };
            }
            j += 1;
        }
        break;
    }
    Marker {
        start: i,
        end: j,
        tense,
        reporting: false,
    }
}

/// Participles of verbs that set or move a date: a date they govern through "for",
/// "to" or "until" is still to come.
const DEADLINES: [&str; 13] = [
    "scheduled",
    "rescheduled",
    "slated",
    "planned",
    "postponed",
    "adjourned",
    "delayed",
    "deferred",
    "extended",
    "suspended",
    "given",
    "gave",
    "granted",
];

/// The tense of the verb group nearest to tokens `[first, end)`. "since" before
/// the expression makes it past whatever the verb.
pub fn at(c: &Cursor, markers: &[Marker], first: usize, end: usize) -> Tense {
    // "since (shortly after) the Oct. 23 attack"
    let lookback = (first.saturating_sub(4)..first)
        .rev()
        .take_while(|&k| c.tokens[k].kind != Kind::Punct);
    if lookback.into_iter().any(|k| c.word(k) == "since") {
        return Tense::Past;
    }
    let before = |n: usize| first.checked_sub(n).map_or("", |k| c.word(k));
    // "could leave as soon as Tuesday"
    if (before(3), before(2), before(1)) == ("as", "soon", "as") {
        return Tense::Future;
    }
    // "On Wednesday, the minister said ...": a fronted date belongs to the main verb
    let fronted = first <= 2 && c.is(end, ",");
    if fronted && let Some(m) = markers.iter().find(|m| m.start >= end) {
        return m.tense;
    }
    let mut best: Option<(usize, &Marker)> = None;
    for m in markers {
        let distance = if m.end <= first {
            cost(c, m.end, first)
        } else if m.start >= end {
            cost(c, end, m.start)
        } else {
            Some(0)
        };
        let distance = distance.map(|d| if m.reporting && d > 2 { d + 5 } else { d });
        if let Some(d) = distance
            && best.is_none_or(|(b, _)| d < b)
        {
            best = Some((d, m));
        }
    }
    let Some(m) = best.map(|(_, m)| m) else {
        return Tense::Unknown;
    };
    if looks_ahead(c, m, before(1), first) {
        return Tense::Future;
    }
    match m.tense {
        // "nothing stops us being back in the autumn", "wants to be home by May": a
        // non-finite clause under a present verb looks ahead
        Tense::Present if m.end <= first && non_finite(c, m.end, first) => Tense::Future,
        tense => tense,
    }
}

/// Whether a date is a deadline or an appointment, which lies ahead whatever the tense:
/// "has given them until Tuesday", "postponed until Tuesday", "has scheduled a hearing
/// Thursday", "was postponed to Monday". Not "the strike lasted until Tuesday" (a simple
/// past telling how long) or "was postponed on Saturday" (when it was postponed).
fn looks_ahead(c: &Cursor, m: &Marker, preposition: &str, first: usize) -> bool {
    let sets_a_date = m.end <= first && DEADLINES.contains(&c.word(m.end - 1));
    if matches!(preposition, "until" | "till") {
        return m.tense != Tense::Past || sets_a_date;
    }
    // "has scheduled" reads as past, but what it schedules is not
    let not_simple_past = m.tense != Tense::Past || matches!(c.word(m.start), "has" | "have");
    sets_a_date
        && (matches!(preposition, "for" | "to")
            || (not_simple_past && !matches!(preposition, "on" | "in" | "at")))
}

/// Whether tokens `[from, to)` open a non-finite clause: "being", "to be", "to" and a
/// verb ("to return").
fn non_finite(c: &Cursor, from: usize, to: usize) -> bool {
    (from..to).any(|k| {
        c.word(k) == "being"
            || (c.word(k) == "to"
                && (c.word(k + 1) == "be"
                    || present_form(c.word(k + 1)).is_some_and(|(_, third)| !third)))
    })
}

/// Distance between tokens `from..to`: one per token, more for clause boundaries,
/// `None` across a semicolon.
fn cost(c: &Cursor, from: usize, to: usize) -> Option<usize> {
    let mut d = 1;
    for k in from..to {
        let t = c.text(k);
        d += match t {
            ";" => return None,
            "," | ":" | "(" | ")" => 3,
            // a subordinate clause has its own verb: "said on Wednesday that they would ..."
            "that" | "which" | "who" | "when" | "while" | "because" | "if" => 10,
            "but" | "and" | "after" | "before" => 2,
            _ => 1,
        };
    }
    Some(d)
}

#[cfg(test)]
mod tests {
    use super::super::scan::tokenize;
    use super::*;

    /// The tense for the word `target` in `text`.
    fn tense_of(text: &str, target: &str) -> Tense {
        let mut tokens = Vec::new();
        tokenize(text, 0, text.len(), &mut tokens);
        let lower = text.to_ascii_lowercase();
        let c = Cursor {
            tokens: &tokens,
            lower: &lower,
            original: text,
        };
        let i = (0..tokens.len())
            .find(|&i| c.text(i) == target)
            .expect("target in text");
        at(&c, &markers(&c), i, i + 1)
    }

    #[test]
    fn tense_of_the_nearest_verb_group() {
        let cases = [
            ("Sullivan handed the reply on Wednesday.", Tense::Past),
            ("They will meet on Wednesday.", Tense::Future),
            ("The talks will be held on Wednesday.", Tense::Future),
            (
                "The ministers are expected to address it on Wednesday.",
                Tense::Future,
            ),
            (
                "The team planned to leave Nairobi on Wednesday.",
                Tense::Future,
            ),
            (
                "Officials said on Wednesday that the talks had failed.",
                Tense::Past,
            ),
            ("He has met the minister on Wednesday.", Tense::Past),
            (
                "On Wednesday, the minister said talks would resume.",
                Tense::Past,
            ),
            (
                "The minister says talks resume on Wednesday.",
                Tense::Present,
            ),
            ("Talks on Wednesday", Tense::Unknown),
            ("The United States on Wednesday", Tense::Unknown),
            ("It rained; they gather on Wednesday", Tense::Unknown),
            ("It rained; they meet on Wednesday", Tense::Present),
            ("The budget takes effect on Wednesday.", Tense::Present),
            ("The new rules take effect on Wednesday.", Tense::Present),
            ("Kestria hosts the talks on Wednesday.", Tense::Present),
            ("The company's plans on Wednesday", Tense::Unknown),
            ("The new plan takes on Wednesday", Tense::Present),
            ("The talks on Wednesday", Tense::Unknown),
            ("The rule take effect on Wednesday", Tense::Unknown),
            (
                "Nothing stops us being back here on Wednesday, the coach said.",
                Tense::Future,
            ),
            ("The club wants to be back by Wednesday.", Tense::Future),
            (
                "The club was fined for being late on Wednesday.",
                Tense::Past,
            ),
            ("They won't meet on Wednesday", Tense::Future),
            (
                "The stock will be payable on Wednesday to holders, the company said.",
                Tense::Future,
            ),
            ("It posted a loss due to its Wednesday sale.", Tense::Past),
            ("They have been searching since Wednesday.", Tense::Past),
            (
                "Marrin said in Halvik on Wednesday that Kestria would bring figures.",
                Tense::Past,
            ),
            (
                "Marrin said Kestria would bring figures on Wednesday.",
                Tense::Future,
            ),
            (
                "The session had been due to run into Wednesday evening.",
                Tense::Unknown,
            ),
            (
                "Police will search since shortly after the Wednesday fire.",
                Tense::Past,
            ),
            (
                "They would present a revised plan on Wednesday.",
                Tense::Future,
            ),
            ("The port is to open on Wednesday.", Tense::Future),
            ("The port was to open on Wednesday.", Tense::Past),
            ("The accused denied the charge on Wednesday.", Tense::Past),
        ];
        for (text, want) in cases {
            assert_eq!(tense_of(text, "wednesday"), want, "{text}");
        }
        let months = [
            ("The ferry was launched in May.", Tense::Past),
            ("The ferry may sail in June.", Tense::Present),
            ("May was warm, and the ferry sailed in June.", Tense::Past),
        ];
        for (text, want) in months {
            let target = if text.contains("June") { "june" } else { "may" };
            assert_eq!(tense_of(text, target), want, "{text}");
        }
    }
}
