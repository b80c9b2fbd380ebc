//! Tense around a time expression: a sentence's tokens in, the tense of the verb
//! group nearest to the expression out.
//!
//! "On Wednesday" means last Wednesday in "Sullivan handed the reply on Wednesday"
//! and next Wednesday in "they will meet on Wednesday", so resolution needs the
//! tense of the verb the date belongs to. Without a part-of-speech tagger we read
//! verb groups from closed word lists: auxiliaries and modals decide the group ("will
//! be held" is future even though "held" looks past, "has met" is past), intention
//! verbs followed by "to" make a future ("expected to address", "planned to leave"),
//! and past forms are recognised from a list of irregular verbs and the "-ed" ending.
//! The group nearest to the expression wins; a comma or a clause word on the way
//! counts as extra distance and a semicolon stops the search.

use super::grammar::Cursor;
use super::scan::Kind;

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

const REPORTING: [&str; 12] = [
    "said",
    "says",
    "say",
    "told",
    "tells",
    "reported",
    "announced",
    "added",
    "stated",
    "noted",
    "announces",
    "explained",
];

/// Words after "to" that show "due to", "expected to" and the like govern a noun, not a verb.
const DETERMINERS: [&str; 12] = [
    "the", "a", "an", "its", "his", "her", "their", "this", "that", "these", "those", "our",
];

const IRREGULAR_PAST: [&str; 58] = [
    "said",
    "told",
    "met",
    "held",
    "made",
    "took",
    "gave",
    "came",
    "went",
    "saw",
    "left",
    "began",
    "won",
    "lost",
    "sent",
    "led",
    "spoke",
    "wrote",
    "brought",
    "bought",
    "sold",
    "kept",
    "found",
    "fell",
    "rose",
    "hit",
    "felt",
    "became",
    "paid",
    "ran",
    "stood",
    "thought",
    "knew",
    "got",
    "heard",
    "meant",
    "sought",
    "fought",
    "struck",
    "broke",
    "chose",
    "drove",
    "flew",
    "grew",
    "shot",
    "spent",
    "threw",
    "understood",
    "woke",
    "wore",
    "built",
    "dealt",
    "fled",
    "forgot",
    "hung",
    "laid",
    "withdrew",
    "overtook",
];

/// "-ed" words that are not past tenses.
const NOT_PAST: [&str; 20] = [
    "need", "speed", "feed", "seed", "bed", "red", "shed", "hundred", "indeed", "proceed",
    "succeed", "exceed", "embed", "breed", "greed", "creed", "weed", "bleed", "naked", "sacred",
];

/// Verbs that announce a future when "to" (or "for") follows: "expected to", "due to".
const INTENT: [&str; 30] = [
    "plan",
    "plans",
    "planned",
    "planning",
    "expect",
    "expects",
    "expected",
    "schedule",
    "scheduled",
    "set",
    "due",
    "intend",
    "intends",
    "intended",
    "aim",
    "aims",
    "aimed",
    "hope",
    "hopes",
    "hoped",
    "poised",
    "slated",
    "likely",
    "going",
    "prepared",
    "preparing",
    "promised",
    "pledged",
    "vowed",
    "agreed",
];

fn auxiliary(word: &str) -> Option<Tense> {
    Some(match word {
        "will" | "shall" | "would" | "ll" => Tense::Future,
        "was" | "were" | "had" | "did" => Tense::Past,
        "is" | "are" | "am" | "has" | "have" | "does" | "do" | "can" | "may" | "might"
        | "could" | "should" | "must" => Tense::Present,
        _ => return None,
    })
}

fn looks_past(c: &Cursor, i: usize) -> bool {
    let word = c.word(i);
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
    if let Some(tense) = auxiliary(word) {
        return Some(auxiliary_group(c, i, tense));
    }
    if word == "won" && c.is(i + 1, "'") && c.word(i + 2) == "t" {
        return group(i + 3, Tense::Future, false);
    }
    if intends(c, i) {
        return group(i + 2, Tense::Future, false);
    }
    let reporting = REPORTING.contains(&word);
    if looks_past(c, i) {
        group(i + 1, Tense::Past, reporting)
    } else if reporting {
        group(i + 1, Tense::Present, reporting)
    } else {
        None
    }
}

/// "expected to", "due to" before a verb (not "due to its loss").
fn intends(c: &Cursor, i: usize) -> bool {
    INTENT.contains(&c.word(i))
        && matches!(c.word(i + 1), "to" | "for")
        && !DETERMINERS.contains(&c.word(i + 2))
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
        if looks_past(c, j) || w.ends_with("en") || w.ends_with("ing") || intends(c, j) {
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
    // "On Wednesday, the minister said ...": a fronted date belongs to the main verb
    let fronted = first <= 2 && c.is(end, ",");
    if fronted && let Some(m) = markers.iter().find(|m| m.start >= end) {
        return m.tense;
    }
    let mut best: Option<(usize, Tense)> = None;
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
            best = Some((d, m.tense));
        }
    }
    best.map_or(Tense::Unknown, |(_, t)| t)
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
            ("It rained; they meet on Wednesday", Tense::Unknown),
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
        ];
        for (text, want) in cases {
            assert_eq!(tense_of(text, "wednesday"), want, "{text}");
        }
    }
}
