//! Phrases that refer back: lower-case words of a text in, whether they lean on
//! something the reader must have read before out.
//!
//! A timeline entry is read alone, away from the sentences before it. "He would seek
//! breakthroughs on these two issues" or "A new report calls that into question" says
//! nothing to a reader who was not shown which issues, or what "that" is. Pronoun
//! subjects are resolved where they can be (`analysis::timeline`); these phrases are
//! objects and noun phrases, which name no one to resolve to, so a text holding one is
//! no self-contained statement. "These" and "those" refer back unless a time ("these
//! days"), a participle, a relative clause or a complement ("those seen", "those who
//! voted", "those of the board") says what they are; a pronoun put "into question" or
//! "in doubt" is the thing said before; "what had changed", with nothing after it to
//! say since when, is measured against a state told before. Inside a relative clause such a phrase only
//! describes someone the text names, and the text still tells its event.

/// Words after "these" or "those" that say what they are, so nothing is referred back
/// to: times, relatives, complements.
const SAID_BY_WHAT_FOLLOWS: &[&str] = &[
    "days", "years", "months", "weeks", "decades", "times", "who", "whom", "whose", "which",
    "that", "of", "in", "at", "with", "on", "for",
];

/// Pronouns that stand for what was said before when they are put in doubt.
const PRONOUN_OBJECTS: &[&str] = &["this", "that", "it", "these", "those"];

/// Whether the lower-case words of a text hold a phrase that refers back. Inside a
/// relative clause ("a prime minister who vowed to resist on both of these fronts") it
/// only describes someone the text names, and the text still says what happened.
pub fn refers_back(words: &[&str]) -> bool {
    let relative = words
        .iter()
        .position(|w| super::words::RELATIVE_PRONOUNS.contains(w))
        .unwrap_or(words.len());
    words[..relative].iter().enumerate().any(|(i, w)| {
        let next = words.get(i + 1).copied().unwrap_or("");
        let after = words.get(i + 2).copied().unwrap_or("");
        // "those seen during the crisis": a participle says which ones
        let participle = next.len() > 3 && (next.ends_with("ed") || next.ends_with("en"));
        let plural = matches!(*w, "these" | "those")
            && !next.is_empty()
            && !participle
            && !SAID_BY_WHAT_FOLLOWS.contains(&next);
        let doubted = PRONOUN_OBJECTS.contains(w)
            && matches!(next, "into" | "in")
            && matches!(after, "question" | "doubt");
        plural || doubted || change_since_before(&words[i..])
    })
}

/// Whether the words open with "what (had) changed" and nothing after it says since
/// when ("looked at what had changed"; not "what has changed since the vote").
fn change_since_before(words: &[&str]) -> bool {
    let [first, rest @ ..] = words else {
        return false;
    };
    let rest = match rest {
        ["had" | "has" | "have", more @ ..] => more,
        more => more,
    };
    *first == "what"
        && rest.first() == Some(&"changed")
        && matches!(rest.get(1), None | Some(&("and" | "or" | "but")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_that_lean_on_what_came_before() {
        let cases = [
            ("she would settle these two disputes", true),
            ("those plans were dropped", true),
            ("a new audit calls that into question", true),
            ("the ruling puts it in doubt", true),
            // what follows says what they are, or nothing refers back
            ("these days the port is quiet", false),
            ("those who voted for the levy", false),
            ("those of the harbour board", false),
            ("fares, including those seen during the storm", false),
            (
                "a minister who vowed to fight on both of these fronts",
                false,
            ),
            ("we went back and looked at what had changed", true),
            ("the panel studied what changed and moved on", true),
            ("the audit questions the figures", false),
            ("she asked what has changed since the vote", false),
            ("what changed the outcome was the rain", false),
            ("she said that in 2019 the port grew", false),
            ("the board put the plan into effect", false),
        ];
        for (text, want) in cases {
            let words: Vec<&str> = text.split(' ').collect();
            assert_eq!(refers_back(&words), want, "{text}");
        }
    }
}
