//! No sentence told twice on one briefing page: the lede, the key points, the quotes on
//! the actor cards and the timeline entries in, what each of them shows out.
//!
//! The lede is the first summary sentence cut short, so key point 1 usually starts with
//! it. Such a point is not listed; when it says more than the lede (a clause the cut
//! dropped), it takes the lede's place, so nothing it adds is lost. A timeline entry is
//! most often a clause of the lede or of a point; it keeps its date and its place in the
//! timeline (and in the picture) but shows only its opening words, linked to the
//! sentence above that tells it (a quote on an actor card counts: a remark with a date
//! in it, "the minimum flow buys us the spring", is often an entry too). Sentences are compared by their words, as a reader
//! would, ignoring case, punctuation and a wire dateline ("LISK — ").

use std::collections::HashSet;

use crate::language::{dateline, words};

/// Share of an entry's content words found in one sentence above from which the entry
/// repeats that sentence.
const REPEATED: f64 = 0.8;
/// Content words an entry needs before it can count as a repeat (shorter ones are
/// names or fragments a timeline needs).
const MIN_WORDS: usize = 4;
/// Words an entry that repeats a sentence above still shows.
pub const SHORT_WORDS: usize = 6;

/// The lede, the key points and the actor cards' quotes as the page shows them.
#[derive(Debug, Clone, PartialEq)]
pub struct Lead {
    pub lede: String,
    pub points: Vec<String>,
    /// The quote on each key actor's card, in card order (empty for a card without one):
    /// card N's quote is `#q-N`.
    pub quotes: Vec<String>,
}

/// The page's lede and points: without datelines and blank points, without a point that
/// repeats the lede; the first such point that says more becomes the lede.
pub fn lead(lede: &str, summary: &[String]) -> Lead {
    let mut lede = lede.trim().to_string();
    let lede_words = words_of(&lede);
    let mut extended = false;
    let mut points = Vec::new();
    for point in summary {
        let point = dateline::strip(point.trim()).trim().to_string();
        if point.is_empty() {
            continue;
        }
        let w = words_of(&point);
        if !lede_words.is_empty() && w.starts_with(&lede_words) {
            if !extended && w.len() > lede_words.len() {
                lede = point;
                extended = true;
            }
            continue;
        }
        points.push(point);
    }
    Lead {
        lede,
        points,
        quotes: Vec::new(),
    }
}

/// Where an entry is told above: `#lede`, `#kp-N` for key point N, or `#q-N` for the
/// quote on actor card N (1-based).
pub fn told_above(text: &str, lead: &Lead) -> Option<String> {
    let entry: HashSet<String> = content_words(text);
    if entry.len() < MIN_WORDS {
        return None;
    }
    let covers = |sentence: &str| {
        let above = content_words(sentence);
        let shared = entry.iter().filter(|w| above.contains(*w)).count();
        shared as f64 >= REPEATED * entry.len() as f64
    };
    if covers(&lead.lede) {
        return Some("#lede".into());
    }
    if let Some(i) = lead.points.iter().position(|p| covers(p)) {
        return Some(format!("#kp-{}", i + 1));
    }
    lead.quotes
        .iter()
        .position(|q| covers(q))
        .map(|i| format!("#q-{}", i + 1))
}

/// The opening words of `text` with "…" (all of a short one).
pub fn opening(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    match words.len() <= SHORT_WORDS {
        true => words.join(" "),
        false => format!(
            "{}…",
            words[..SHORT_WORDS]
                .join(" ")
                .trim_end_matches([',', ';', ':'])
        ),
    }
}

/// Lower-case words without punctuation.
fn words_of(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The words of `text` that say what happened (no stop words or auxiliaries).
fn content_words(text: &str) -> HashSet<String> {
    words_of(text)
        .into_iter()
        .filter(|w| !words::is_stop_word(w) && !words::is_auxiliary(w))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn a_point_that_repeats_the_lede_is_dropped_and_its_detail_kept() {
        // (lede, points, lede shown, points shown)
        let cases: [(&str, &[&str], &str, &[&str]); 5] = [
            (
                "Talks opened on Monday.",
                &[
                    "LISK — Talks opened on Monday, easing a long standoff.",
                    "Farmers marched.",
                ],
                "Talks opened on Monday, easing a long standoff.",
                &["Farmers marched."],
            ),
            (
                "Talks opened on Monday.",
                &["Talks opened on Monday.", "Farmers marched."],
                "Talks opened on Monday.",
                &["Farmers marched."],
            ),
            (
                "Talks opened on Monday.",
                &["Farmers marched.", "  ", "The envoy left."],
                "Talks opened on Monday.",
                &["Farmers marched.", "The envoy left."],
            ),
            (
                "",
                &["Talks opened on Monday."],
                "",
                &["Talks opened on Monday."],
            ),
            (
                "Talks on the river opened in Lisk.",
                &[
                    "Talks on the river opened in Lisk on Monday.",
                    "Talks on the river opened in Lisk on Monday, the envoy said.",
                    "Farmers marched.",
                ],
                "Talks on the river opened in Lisk on Monday.",
                &["Farmers marched."],
            ),
        ];
        for (lede, points, want_lede, want_points) in cases {
            let got = lead(lede, &strings(points));
            assert_eq!(got.lede, want_lede, "{lede:?} {points:?}");
            assert_eq!(got.points, strings(want_points), "{lede:?} {points:?}");
        }
    }

    #[test]
    fn an_entry_told_above_points_to_the_sentence_that_tells_it() {
        let lead = Lead {
            lede: "Kestria and Meranthe reached an agreement in principle early on Friday to \
                   guarantee a minimum flow in the Sarn River."
                .into(),
            points: strings(&[
                "The presidents announced the deal at the commission's headquarters after a summit.",
                "Kestria will release water until June.",
            ]),
            quotes: strings(&["", "The minimum flow buys us the spring"]),
        };
        let cases = [
            (
                "Kestria and Meranthe reached an agreement in principle to guarantee a minimum flow",
                Some("#lede"),
            ),
            (
                "The presidents announced the deal at the headquarters",
                Some("#kp-1"),
            ),
            ("Kestria will release water", None),
            ("The union would end its vigil at the Brenn gauge", None),
            ("Talks opened in Lisk earlier this month", None),
            ("The minimum flow buys us the spring", Some("#q-2")),
        ];
        for (text, want) in cases {
            assert_eq!(told_above(text, &lead).as_deref(), want, "{text}");
        }
    }

    #[test]
    fn an_opening_is_the_first_words() {
        assert_eq!(opening("Talks opened in  Lisk"), "Talks opened in Lisk");
        assert_eq!(
            opening("Kestria and Meranthe reached an agreement in principle"),
            "Kestria and Meranthe reached an agreement…"
        );
        assert_eq!(
            opening("one two three four five six, seven"),
            "one two three four five six…"
        );
    }
}
