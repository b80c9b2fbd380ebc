//! Reported events: a sentence without a date of its own in, whether it tells news that
//! happened by the time of writing out.
//!
//! Most of what a news article reports has no date of its own: "Lavrov stated", "the
//! US and NATO sent formal replies", "Boeing has won the order". Told in the simple
//! past or the present perfect, such an event happened when the article was written,
//! so it goes on the timeline at the publication date, marked as reported so a reader
//! can tell it from an event the article dates. What is not news stays out: the past
//! perfect ("had issued": before the story's time), states ("was a member", "had a
//! fleet"), negations ("did not respond"), modals and the future, questions, and
//! quotations (a quote tells what someone said, and the sentence reporting it is the
//! event), the story's past ("Previously, ...", "acknowledged at the time"), a verb
//! that tells nothing ("TMZ has learned.") and a present verb whose only content is a
//! quotation ("The tweet reads, “...”").

use crate::analysis::timex::{Tense, VerbGroup};
use crate::language::words;

/// Whether a verb group is negated ("did not respond", "hasn't met"): no event happened.
pub fn is_negated(words: &[&str]) -> bool {
    words.iter().any(|w| matches!(*w, "not" | "never" | "t"))
}

/// Whether the main verb group `group` (its text is `words`, lower case) tells news:
/// a simple past, a present perfect, or a present reporting verb ("says").
pub fn tells_news(group: &VerbGroup, words: &[&str]) -> bool {
    let Some(&first) = words.first() else {
        return false;
    };
    if is_negated(words) || words.iter().any(|w| words::STATIVE_PAST.contains(w)) {
        return false;
    }
    // "was delivered", "were sent"; not "was just" (seven years old)
    let participle = |w: &str| {
        (w.ends_with("ed") || w.ends_with("en") || w.len() > 3)
            && !matches!(w, "just" | "also" | "still" | "already" | "only" | "once")
    };
    match first {
        "had" | "would" | "will" | "could" | "should" | "might" | "may" | "must" | "can"
        | "shall" | "did" | "do" | "does" | "is" | "are" | "am" => false,
        // "was delivered", "were fined": a passive; "was" alone is a state
        "was" | "were" => {
            words.len() >= 2 && words[1] != "being" && words.last().is_some_and(|w| participle(w))
        }
        // "has won", "have been sent"; not "has been" alone
        "has" | "have" => words.len() >= 2 && words.last().is_some_and(|w| *w != "been"),
        _ => match group.tense {
            Tense::Past => words.len() == 1,
            Tense::Present => group.reporting,
            _ => false,
        },
    }
}

/// Whether what a reporting verb introduces (its first verb group after it,
/// `complement`, in `prose`) is only a state, so the saying reports no event: a bare
/// "be" or "have" ("said she had no idea", "said her intention was to honor"), a state
/// that may hold ("suggested the country might not be"), and after a present saying a
/// progressive ("says strandings are getting more attention": a claim about how things
/// are). A saying of an act, a plan or a past stays news ("announced that the plant
/// would close", "said the team had been merged").
pub fn only_a_state(complement: &VerbGroup, prose: &str, present: bool) -> bool {
    let lower = prose
        .get(complement.start..complement.end)
        .unwrap_or("")
        .to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !matches!(*w, "not" | "also" | "still"))
        .collect();
    let be_or_have = |w: &str| {
        matches!(
            w,
            "is" | "are" | "was" | "were" | "be" | "has" | "have" | "had"
        )
    };
    // "has “committed our full resources”": the rest of the verb is quoted; "had
    // set", "has changed": a participle the verb group left out ("was surprised" is
    // a state: an adjective)
    let next = prose.get(complement.end..).unwrap_or("").trim_start();
    let next_word = next
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    let participle = next_word.len() > 3 && next_word.ends_with("ed")
        || super::segment::IRREGULAR_PARTICIPLES.contains(&next_word);
    let have = matches!(words.first(), Some(&("has" | "have" | "had")));
    let quoted = next.starts_with(['"', '“']) || (participle && have);
    // "said she was surprised": a feeling
    let feeling =
        words::is_feeling(next_word) || words.last().is_some_and(|w| words::is_feeling(w));
    match words.as_slice() {
        [one] => be_or_have(one) && (!quoted || feeling),
        [be, _] if be_or_have(be) && feeling => true,
        ["might" | "may" | "could", "be"] => true,
        [be, verb] => present && is_progressive(&[be, verb]),
        _ => false,
    }
}

/// Whether a verb group (its words, lower case) is a present progressive ("is
/// fighting", "are resisting"): what is happening as the article is written.
pub fn is_progressive(words: &[&str]) -> bool {
    match words {
        [be, verb] => matches!(*be, "is" | "are" | "am") && verb.len() > 4 && verb.ends_with("ing"),
        _ => false,
    }
}

/// Words that place a sentence in the story's past, not at the time of writing
/// ("Previously, the data was sent compressed", "Claude acknowledged at the time"), or
/// make it no statement ("let's say").
const PAST_MARKERS: [&str; 9] = [
    "previously",
    "at the time",
    "back then",
    "originally",
    "formerly",
    "in the past",
    "used to",
    "let's",
    "let’s",
];

/// Whether the sentence tells the story's past (or nothing), not news.
pub fn tells_the_past(text: &str) -> bool {
    let lower = text.to_lowercase();
    PAST_MARKERS.iter().any(|m| {
        lower.match_indices(m).any(|(i, _)| {
            let before = lower[..i].chars().next_back();
            let after = lower[i + m.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
    })
}

/// Whether a sentence says that what follows happened before ("This isn't the first
/// time the writer has attacked the board", "It was not the first time"): the
/// sentences after it tell earlier instances, not the news.
pub fn opens_earlier_instances(text: &str) -> bool {
    let lower = text.to_lowercase().replace('’', "'");
    ["n't the first time", "not the first time"]
        .iter()
        .any(|m| lower.contains(m))
}

/// Whether what follows the main verb group (`rest`) tells something: not nothing
/// ("TMZ has learned."), and not only a quotation after a verb in the present ("The
/// tweet reads, “...”": the quote is the content, and a quote is no event).
pub fn has_content(rest: &str, tense: Tense) -> bool {
    let rest = rest.trim_start();
    if !rest.chars().any(char::is_alphanumeric) {
        return false;
    }
    let quote_only = rest
        .trim_start_matches([',', ':', ' '])
        .starts_with(['"', '“']);
    !(tense == Tense::Present && quote_only)
}

/// Whether a sentence (`text`) closes with who said it: its last verb group `said`
/// (at byte `at` of the text) is a reporting verb in the simple past, after a comma
/// and a speaker of a few words, with at most the one told after it ("..., a source
/// said.", "..., a senior source told Reuters."). What comes before is what was said.
pub fn closes_with_attribution(text: &str, at: usize, said: &VerbGroup) -> bool {
    let Some(verb) = text.get(at..at + (said.end - said.start)) else {
        return false;
    };
    let one_word = !verb.contains(char::is_whitespace);
    let after = text[at + verb.len()..].trim_end_matches(['.', ' ', '"', '”', '\'']);
    let told = after.split_whitespace().count() <= 2 && !after.contains(',');
    let Some(comma) = text[..at].rfind(',') else {
        return false;
    };
    let speaker = text[comma + 1..at].split_whitespace().count();
    let said_before = text[..comma].split_whitespace().count();
    said.reporting
        && said.tense == Tense::Past
        && one_word
        && told
        && (1..=6).contains(&speaker)
        && said_before >= 4
}

/// Whether the sentence text cannot report an event of its own: a question, a
/// sentence that opens inside a quotation, or an aside in brackets. A question quoted
/// at the end of a statement is someone else's ("Lisk posted to Twitter asking
/// “who is next?”"): the statement still reports.
pub fn is_quote_or_question(text: &str) -> bool {
    let t = text.trim();
    let quoted = t.ends_with("?\"") || t.ends_with("?”");
    let opening = match t.strip_suffix('"') {
        Some(inner) => inner.rfind('"'),
        None => t.rfind('“'),
    };
    let reported_question = quoted && opening.is_some_and(|o| o > 0);
    t.ends_with('?')
        || (quoted && !reported_question)
        || t.starts_with(['"', '“', '‘', '\'', '«', '('])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn news_is_told_in_the_past_or_present_perfect() {
        let group = |tense, reporting| VerbGroup {
            start: 0,
            end: 0,
            tense,
            reporting,
        };
        let cases: [(&[&str], Tense, bool, bool); 16] = [
            (&["sent"], Tense::Past, false, true),
            (&["stated"], Tense::Past, true, true),
            (&["has", "won"], Tense::Past, false, true),
            (&["was", "delivered"], Tense::Past, false, true),
            (&["says"], Tense::Present, true, true),
            (&["had", "issued"], Tense::Past, false, false),
            (&["was"], Tense::Past, false, false),
            (&["had"], Tense::Past, false, false),
            (&["has", "been"], Tense::Past, false, false),
            (&["did", "not"], Tense::Past, false, false),
            (&["has", "not", "responded"], Tense::Past, false, false),
            (&["will", "meet"], Tense::Future, false, false),
            (&["is", "analysing"], Tense::Present, false, false),
            (&["hosts"], Tense::Present, false, false),
            (&["seemed"], Tense::Past, false, false),
            (&["was", "just"], Tense::Past, false, false),
        ];
        for (words, tense, reporting, want) in cases {
            assert_eq!(
                tells_news(&group(tense, reporting), words),
                want,
                "{words:?}"
            );
        }
    }

    #[test]
    fn a_saying_of_a_bare_be_or_have_a_possible_state_or_a_present_trend_is_only_a_state() {
        // (text, the complement's verb group, the saying is in the present, want)
        let cases = [
            ("she had no idea", "had", false, true),
            ("she was surprised", "was", false, true),
            ("she was surprised", "was surprised", false, true),
            ("she was fired", "was fired", false, false),
            ("her aim was to help", "was", false, true),
            (
                "the port might not be the engine",
                "might not be",
                false,
                true,
            ),
            ("floods are getting worse", "are getting", true, true),
            // news: an act, a plan, a past, a split participle, a quotation
            ("floods are getting worse", "are getting", false, false),
            ("the council sold the mill", "sold", false, false),
            ("the mill would close", "would close", false, false),
            ("the team had been merged", "had been merged", false, false),
            ("Holm had sold the board", "had", false, false),
            ("it has “committed all it has”", "has", false, false),
        ];
        for (text, verb, present, want) in cases {
            let start = text.find(verb).unwrap_or(0);
            let group = VerbGroup {
                start,
                end: start + verb.len(),
                tense: if present { Tense::Present } else { Tense::Past },
                reporting: false,
            };
            assert_eq!(only_a_state(&group, text, present), want, "{text}");
        }
    }

    #[test]
    fn the_present_progressive_is_what_is_happening() {
        let cases: [(&[&str], bool); 5] = [
            (&["is", "fighting"], true),
            (&["are", "resisting"], true),
            (&["was", "fighting"], false),
            (&["is"], false),
            (&["is", "being", "built"], false),
        ];
        for (words, want) in cases {
            assert_eq!(is_progressive(words), want, "{words:?}");
        }
    }

    #[test]
    fn the_story_s_past_and_empty_reports_are_no_news() {
        let cases = [
            ("Previously, the data was sent compressed.", true),
            ("Holm acknowledged at the time that the pipe leaked.", true),
            ("First, let’s say what the sale is not.", true),
            ("Holm sent the reply.", false),
            ("The timetable was published.", false),
        ];
        for (text, want) in cases {
            assert_eq!(tells_the_past(text), want, "{text}");
        }
        let rests = [
            (".", Tense::Past, false),
            (", “The show was interrupted.”", Tense::Present, false),
            (", “The show was interrupted.”", Tense::Past, true),
            (" the reply to Lisk.", Tense::Past, true),
        ];
        for (rest, tense, want) in rests {
            assert_eq!(has_content(rest, tense), want, "{rest}");
        }
    }

    #[test]
    fn a_saying_at_the_end_is_the_news_of_what_it_says() {
        let said = |text: &str, verb: &str| {
            let at = text.rfind(verb).unwrap_or(0);
            let group = VerbGroup {
                start: at,
                end: at + verb.len(),
                tense: if verb.contains("will") {
                    Tense::Future
                } else {
                    Tense::Past
                },
                reporting: true,
            };
            closes_with_attribution(text, at, &group)
        };
        let cases = [
            (
                "Varela and her deputy are under house arrest at the palace, a source said.",
                "said",
                true,
            ),
            (
                "The envoy is acting as a go-between, a senior harbour source told Reuters.",
                "told",
                true,
            ),
            // a speaker too long to be one, a saying that goes on, a future, no comma
            (
                "The envoy is acting as a go-between, the source who had spoken to people in the palace said.",
                "said",
                false,
            ),
            (
                "The envoy is acting as a go-between, a source said, adding that talks went on.",
                "said",
                false,
            ),
            (
                "The envoy is acting as a go-between, a source will say.",
                "will say",
                false,
            ),
            (
                "The envoy is acting as a go-between as a source said.",
                "said",
                false,
            ),
        ];
        for (text, verb, want) in cases {
            assert_eq!(said(text, verb), want, "{text}");
        }
    }

    #[test]
    fn quotes_and_questions_are_no_reports() {
        let cases = [
            ("“We are ready,” she said.", true),
            ("Will the talks resume?", true),
            (
                "Lisk posted to Twitter asking if there were “any calm voters?”",
                false,
            ),
            (
                "Lisk retweeted it, saying, \"Are there calm voters?\"",
                false,
            ),
            ("However…", false),
            ("“Are there calm voters?”", true),
            ("The minister said the talks would resume.", false),
        ];
        for (text, want) in cases {
            assert_eq!(is_quote_or_question(text), want, "{text}");
        }
    }
}
