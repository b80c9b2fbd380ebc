//! Clause boundaries for shortening a sentence: its words (and a word budget) in, the
//! word before which to cut it out.
//!
//! Boundaries by preference: a semicolon, colon or dash; a comma before a subordinating
//! word or a participle (", which", ", ending"), or before a trailing attribution
//! (", Ana Ruiz, the envoy, said on Monday"); a bare subordinating word. A bare comma
//! may be a list, so it is no boundary; no cut falls inside quotes or brackets, after
//! a word that binds to what follows ("in which", "hours after"), or inside a fronted
//! adverbial ([`super::lede`] finds where the main clause starts).

use super::features;

/// Words that start a clause or a loosely attached phrase: cutting before them keeps
/// a complete main clause.
const CLAUSE_STARTERS: &[&str] = &[
    "which",
    "who",
    "whom",
    "whose",
    "where",
    "when",
    "whether",
    "while",
    "whereas",
    "although",
    "though",
    "because",
    "since",
    "after",
    "before",
    "until",
    "as",
    "but",
    "despite",
    "amid",
    "following",
    "according",
    "saying",
    "including",
    "if",
    "unless",
    "so",
    "and",
    "or",
    "with",
    "without",
    "in",
    "on",
    "at",
    "for",
];

/// Word index before which to cut: the latest boundary of the most preferred class
/// that keeps between `min_words` and `max_words` words and, after a fronted
/// adverbial ending at `main`, at least four words of the main clause.
pub(super) fn best_cut(
    words: &[&str],
    main: usize,
    max_words: usize,
    min_words: usize,
) -> Option<usize> {
    let mut best: [Option<usize>; 3] = [None; 3];
    let first_report = words
        .iter()
        .position(|w| reporting(w))
        .filter(|&r| attribution_ends(&words[r..]));
    // The earliest comma at most 12 words before the first reporting verb starts the
    // attribution ("..., Ana Ruiz, the regional envoy, said on Monday").
    let mut attribution = None;
    let mut depth = 0i32;
    let mut kept = 0;
    for i in 1..words.len() {
        depth += nesting(words[i - 1]);
        kept += usize::from(words[i - 1].contains(char::is_alphanumeric));
        if kept > max_words {
            break;
        }
        if depth != 0 || kept < min_words || (main > 0 && i < main + 4) {
            continue;
        }
        let prev = words[i - 1];
        let word = words[i]
            .trim_start_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        let starter = CLAUSE_STARTERS.contains(&word.as_str());
        let loose = !matches!(
            word.as_str(),
            "and" | "or" | "in" | "on" | "at" | "for" | "with"
        );
        if prev.ends_with([';', ':']) || matches!(words[i], "—" | "--" | "–" | "-") {
            best[0] = Some(i);
        } else if prev.ends_with(',') && (starter || participle(&word)) {
            best[1] = Some(i);
        } else if prev.ends_with(',') && first_report.is_some_and(|r| r >= i && r - i <= 12) {
            attribution = attribution.or(Some(i));
        } else if starter && loose && binds_forward(prev) && comma_before(words, i).is_some() {
            // "on Wednesday, hours after ...": cut at the comma before "hours".
            let j = comma_before(words, i).unwrap_or(i);
            let dropped = words[j..i].len();
            if kept - dropped >= min_words && (main == 0 || j >= main + 4) {
                best[1] = best[1].max(Some(j));
            }
        } else if starter && loose && !ties(prev) {
            best[2] = Some(i);
        }
    }
    best[1] = best[1].max(attribution);
    best.into_iter().flatten().next()
}

/// A reporting verb: what follows a comma before it is an attribution ("..., officials
/// said on Monday.") that a lede can drop.
fn reporting(word: &str) -> bool {
    let w = word.trim_matches(|c: char| !c.is_alphanumeric());
    matches!(
        w,
        "said" | "says" | "told" | "added" | "announced" | "reported" | "according" | "warned"
    )
}

/// Whether the words from a reporting verb on close an attribution ("said.", "said on
/// Monday after the vote.") rather than introduce what was said ("said he would go").
fn attribution_ends(words: &[&str]) -> bool {
    let next = words.get(1).map(|w| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    });
    words.len() <= 5
        || next.is_some_and(|w| {
            matches!(
                w.as_str(),
                "on" | "in"
                    | "at"
                    | "after"
                    | "before"
                    | "during"
                    | "yesterday"
                    | "today"
                    | "tonight"
                    | "last"
                    | "this"
                    | "earlier"
                    | "later"
                    | "late"
                    | "when"
                    | "while"
                    | "as"
            )
        })
}

/// The index after a comma among the three words before `i`.
fn comma_before(words: &[&str], i: usize) -> Option<usize> {
    (i.saturating_sub(3).max(1)..i)
        .rev()
        .find(|&j| words[j - 1].ends_with(','))
}

/// Words that bind to a following "after"/"before" ("hours after", "shortly before"):
/// a cut between them would leave the first dangling.
fn binds_forward(word: &str) -> bool {
    let w = word
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    matches!(
        w.as_str(),
        "hours"
            | "days"
            | "weeks"
            | "months"
            | "years"
            | "minutes"
            | "moments"
            | "hour"
            | "day"
            | "week"
            | "month"
            | "year"
            | "shortly"
            | "soon"
            | "just"
            | "right"
            | "long"
            | "only"
            | "even"
            | "moment"
    )
}

/// "ending", "citing": after a comma, the start of a participial clause.
fn participle(word: &str) -> bool {
    word.len() > 5
        && word.ends_with("ing")
        && !matches!(
            word,
            "morning" | "evening" | "spring" | "something" | "nothing"
        )
}

/// Whether a word binds to what follows it ("in which", "the way"), so no cut after it.
fn ties(word: &str) -> bool {
    features::is_stop_word(
        &word
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase(),
    )
}

/// Change in quote and bracket depth over one word.
pub(super) fn nesting(word: &str) -> i32 {
    let mut d = 0;
    for c in word.chars() {
        match c {
            '(' | '[' | '“' => d += 1,
            ')' | ']' | '”' => d -= 1,
            _ => {}
        }
    }
    if word == "``" || (word.starts_with('"') && !word.ends_with('"')) {
        d += 1;
    }
    if word == "''" || (word.ends_with(['"']) && !word.starts_with('"')) {
        d -= 1;
    }
    d
}
