//! Verb word lists for reading tense without a part-of-speech tagger: reporting verbs,
//! irregular past forms, "-ed" words that are no past tense, verbs of intention, and
//! frequent verbs whose simple present ("takes effect", "hosts the talks") says an
//! event is scheduled or ongoing.

pub const REPORTING: [&str; 12] = [
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
pub const DETERMINERS: [&str; 12] = [
    "the", "a", "an", "its", "his", "her", "their", "this", "that", "these", "those", "our",
];

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

/// Function words that cannot end a subject (prepositions, conjunctions, auxiliaries).
pub const NOT_SUBJECT: [&str; 40] = [
    "of", "in", "on", "at", "for", "to", "from", "with", "by", "and", "or", "but", "as", "than",
    "that", "if", "not", "no", "is", "are", "was", "were", "be", "been", "has", "have", "had",
    "will", "would", "can", "could", "may", "might", "should", "must", "do", "does", "did",
    "there", "here",
];

/// Words that can be the whole subject right before a simple present verb.
pub const SUBJECT_PRONOUNS: [&str; 14] = [
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "nothing",
    "everything",
    "everyone",
    "nobody",
    "someone",
    "who",
    "which",
];

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
