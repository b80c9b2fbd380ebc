//! Verb word lists for reading tense without a part-of-speech tagger: irregular past
//! forms, "-ed" words that are no past tense, verbs of intention, and frequent verbs
//! whose simple present ("takes effect", "hosts the talks") says an event is scheduled
//! or ongoing; and, from the function words of `language::words`, what reports speech
//! and what can or cannot be a subject.

use crate::language::words;

pub const IRREGULAR_PAST: [&str; 58] = [
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
pub const NOT_PAST: [&str; 20] = [
    "need", "speed", "feed", "seed", "bed", "red", "shed", "hundred", "indeed", "proceed",
    "succeed", "exceed", "embed", "breed", "greed", "creed", "weed", "bleed", "naked", "sacred",
];

/// Verbs that announce a future when "to" (or "for") follows: "expected to", "due to".
pub const INTENT: [&str; 30] = [
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

/// Frequent verbs (base forms) read as simple presents: "takes"/"take" after a subject
/// ("The budget takes effect", "The new rules take effect"). Kept to verbs news uses
/// for scheduled or ongoing events, so that plural nouns ("talks", "plans") are not
/// mistaken for verbs more than necessary (a subject must come right before them).
pub const PRESENT: [&str; 67] = [
    "take",
    "come",
    "go",
    "begin",
    "start",
    "end",
    "open",
    "close",
    "meet",
    "hold",
    "run",
    "expire",
    "arrive",
    "leave",
    "return",
    "visit",
    "launch",
    "resume",
    "mark",
    "host",
    "face",
    "head",
    "enter",
    "become",
    "remain",
    "continue",
    "include",
    "require",
    "allow",
    "cost",
    "want",
    "need",
    "seem",
    "get",
    "give",
    "make",
    "keep",
    "bring",
    "see",
    "show",
    "look",
    "move",
    "land",
    "kick",
    "wrap",
    "stop",
    "play",
    "follow",
    "replace",
    "reopen",
    "reach",
    "celebrate",
    "turn",
    "stand",
    "stay",
    "fly",
    "travel",
    "sign",
    "vote",
    "win",
    "lose",
    "pay",
    "hope",
    "plan",
    "expect",
    "know",
    "believe",
];

/// Whether a word reports speech ("said", "told", "says"): `language::words`' list,
/// without the third-person forms that are also plural nouns ("states", "reports",
/// "claims"), which tense reading cannot tell apart without a part-of-speech tagger.
pub fn is_reporting(word: &str) -> bool {
    words::is_reporting_verb(word)
        && (!word.ends_with('s') || matches!(word, "says" | "tells" | "announces"))
}

/// Function words that cannot end a subject: prepositions, conjunctions, auxiliaries,
/// negations and the empty "there"/"here".
pub fn not_subject(word: &str) -> bool {
    words::is_preposition(word)
        || words::COORDINATORS.contains(&word)
        || words::is_auxiliary(word)
        || matches!(
            word,
            "than" | "that" | "if" | "not" | "no" | "there" | "here"
        )
}

/// Words that can be the whole subject right before a simple present verb: a personal
/// or indefinite pronoun, or a relative "who"/"which".
pub fn subject_pronoun(word: &str) -> Option<&'static str> {
    words::PERSONAL_PRONOUNS
        .iter()
        .chain(words::INDEFINITE_PRONOUNS)
        .chain(&["who", "which"])
        .find(|p| **p == word)
        .copied()
}

/// The base form of `word` if it is a form of a [`PRESENT`] verb: itself, or its third
/// person singular ("takes", "goes", "reaches", "flies"), with whether it was that.
pub fn present_form(word: &str) -> Option<(&'static str, bool)> {
    let base = |w: &str| PRESENT.iter().copied().find(|p| *p == w);
    if let Some(b) = base(word) {
        return Some((b, false));
    }
    let candidates = [
        word.strip_suffix("ies").map(|w| format!("{w}y")),
        word.strip_suffix("es").map(String::from),
        word.strip_suffix('s').map(String::from),
    ];
    candidates
        .into_iter()
        .flatten()
        .find_map(|c| base(&c))
        .map(|b| (b, true))
}
