//! Whether a dated clause makes a timeline entry: a sentence, a time expression, the
//! clause around it and its verb groups in, yes or no out.
//!
//! Kept apart from the entry building in [`super`] so that each rule reads on its own:
//! a date that only bounds a state ("since 2014"), the dateline, a date nobody can
//! place, a negated clause, a past event dated after publication, a state at the time
//! of writing, and a text that shows another of the sentence's dates.

use jiff::civil::Date;

use super::reported;
use crate::analysis::sentences::Sentence;
use crate::analysis::timex::{Tense, Timex, TimexType, VerbGroup, value};

/// Words before a date that make it the bound of a state, not the date of an event.
const BOUNDING: [&str; 8] = [
    "since",
    "until",
    "till",
    "through",
    "throughout",
    "before",
    "after",
    "from",
];

/// Whether a date can be placed at all: not "a date not given", a time of an unknown
/// day, or an offset from a date the article never gave.
pub(super) fn placeable(t: &Timex) -> bool {
    !t.value.starts_with("XXXX-XX-XX")
        && !t.label.contains("the date mentioned before")
        && !t.label.contains("XX")
}

/// Whether the verb group holding the clause's first verb is negated ("did not meet").
pub(super) fn negated(prose: &str, groups: &[VerbGroup], verb: Option<usize>) -> bool {
    let Some(g) = verb.and_then(|v| groups.iter().find(|g| g.start <= v && v < g.end)) else {
        return false;
    };
    let lower = prose[g.start..g.end].to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    reported::is_negated(&words)
}

/// The tense of the verb group holding the clause's first verb.
fn clause_tense(groups: &[VerbGroup], verb: Option<usize>) -> Tense {
    verb.and_then(|v| groups.iter().find(|g| g.start <= v && v < g.end))
        .map_or(Tense::Unknown, |g| g.tense)
}

/// Whether `text` shows a date of the sentence other than `own`, with another value,
/// unless a "that" clause stands between them: what was said on Tuesday may be about
/// next week ("told reporters on Tuesday that talks could resume next week"); but a
/// `whole` sentence shown for the date of what was said shows the saying's date, which
/// is not its own (the saying's entry tells it).
/// A date that bounds ("gave them until the end of the month") dates no event of its own.
pub(super) fn shows_another_date(
    prose: &str,
    s: &Sentence,
    (text, whole): (&str, bool),
    own: &Timex,
    timexes: &[&Timex],
) -> bool {
    timexes.iter().any(|o| {
        let between = if o.start >= own.end {
            prose.get(own.end..o.start)
        } else {
            prose.get(o.end..own.start)
        };
        let saying_shown = whole && o.end <= own.start;
        let reported =
            !saying_shown && between.is_some_and(|b| b.split_whitespace().any(|w| w == "that"));
        // "last year's budget" names a thing: its date dates no event
        let owns = prose
            .get(o.end..)
            .is_some_and(|a| a.starts_with("'s ") || a.starts_with("’s "));
        dates_an_event(prose, s, o)
            && !owns
            && o.value != own.value
            && (o.end <= own.start || o.start >= own.end)
            && !reported
            && text.contains(&prose[o.start..o.end])
    })
}

/// The tense a date is told in: the clause's, unless a future verb stands between the
/// clause's first verb and the date ("said the company would present a roster in
/// December": the presenting is ahead although the saying is past).
pub(super) fn date_tense(groups: &[VerbGroup], verb: Option<usize>, date: usize) -> Tense {
    let first = clause_tense(groups, verb);
    let Some(v) = verb else {
        return first;
    };
    let nearest = groups.iter().rfind(|g| g.start > v && g.end <= date);
    match nearest {
        Some(g) if g.tense == Tense::Future => Tense::Future,
        _ => first,
    }
}

/// A clause told in the past whose date starts after the publication date: it
/// already happened, so the date is wrong ("seven decades later" counted from today).
pub(super) fn happened_after_publication(
    value: &str,
    tense: Tense,
    published: Option<Date>,
) -> bool {
    let (Some(p), Tense::Past) = (published, tense) else {
        return false;
    };
    matches!(value::parse(value), value::Anchor::Fixed { start, .. } if start > p)
}

/// "we're really happy today", "neon is experiencing a revival today": a state at the
/// time of writing, no event.
pub(super) fn is_state_of_today(date: &str, tense: Tense) -> bool {
    let lower = date.to_lowercase();
    matches!(
        lower.as_str(),
        "today" | "these days" | "nowadays" | "this day"
    ) && tense == Tense::Present
}

/// Whether the clause's verb group tells the news of the day ("is launching", "opens"):
/// with "today" it is an event at publication, not a state of today.
pub(super) fn news_of_the_day(prose: &str, groups: &[VerbGroup], verb: Option<usize>) -> bool {
    let Some(g) = verb.and_then(|v| groups.iter().find(|g| g.start <= v && v < g.end)) else {
        return false;
    };
    let lower = prose[g.start..g.end].to_lowercase();
    lower
        .split(|c: char| !c.is_alphanumeric())
        .next_back()
        .is_some_and(crate::language::words::is_news_of_the_day_verb)
}

/// A DATE or TIME with a period (not "now" or "recently") that does not just bound a state.
pub(super) fn dates_an_event(prose: &str, s: &Sentence, t: &Timex) -> bool {
    if !matches!(t.kind, TimexType::Date | TimexType::Time) || t.value.ends_with("_REF") {
        return false;
    }
    let before = prose.get(s.start..t.start).unwrap_or("");
    let mut words = before
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .rev();
    let prev = words.next().unwrap_or("").to_ascii_lowercase();
    let prev2 = words.next().unwrap_or("").to_ascii_lowercase();
    // "in the aftermath of Tuesday's elections": what followed, not the elections' day
    let after = prev == "of" && matches!(prev2.as_str(), "aftermath" | "wake");
    !(BOUNDING.contains(&prev.as_str())
        || (prev == "to" && prev2 == "up")
        || after
        || compares(&prev, &prev2)
        || in_compared_amount(before))
}

/// Whether the date closes the amount a figure is measured against ("about a tenth of
/// what the state will spend this year", "more than what it raised in 2019"): it dates
/// the other spending, not the sentence's event.
fn in_compared_amount(before: &str) -> bool {
    let lower = before.to_lowercase();
    let Some(what) = lower.rfind(" what ") else {
        return false;
    };
    let head = lower[..what].trim_end();
    let measured = ["of", "than", "twice", "times", "half"]
        .iter()
        .any(|w| head.ends_with(&format!(" {w}")));
    let one_clause = !lower[what..].contains([',', ';', '—', '–', '(']);
    measured && one_clause
}

/// Whether a clause (from byte `from`) opens with a state in the simple present and
/// the date stands after a ", but" that goes on to another verb ("We still call it a
/// draft, but expect to launch it in June"): the state is today's, glued before the
/// clause the date belongs to, and the label would date it.
pub(super) fn present_state_before_but(
    prose: &str,
    groups: &[VerbGroup],
    from: usize,
    date: usize,
) -> bool {
    let Some(but) = prose.get(from..date).and_then(|p| p.find(", but ")) else {
        return false;
    };
    let but = from + but;
    let before: Vec<&VerbGroup> = groups
        .iter()
        .filter(|g| g.start >= from && g.end <= but)
        .collect();
    let state = match before.first() {
        Some(first) => {
            let verb = &prose[first.start..first.end];
            let simple = !verb.contains(char::is_whitespace) && !verb.ends_with("ing");
            first.tense == Tense::Present && !first.reporting && simple
        }
        // "We still consider it a draft": a plain present after "we" or "they" has no
        // tense mark of its own, but the pronoun makes the words a clause
        None => prose[from..but]
            .split_whitespace()
            .next()
            .is_some_and(|w| matches!(w.to_lowercase().as_str(), "we" | "i" | "they" | "you")),
    };
    state && groups.iter().any(|g| g.start > but && g.start < date)
}

/// Whether a clause (from byte `from`) holds the sentence's first verb, a bare "is" or
/// "are", and the date stands in a relative clause after it ("The two figures are
/// Ortiz and Moss, who fled after Tuesday's raid"): the clause states who someone is,
/// today, and only its relative clause tells the date's event.
pub(super) fn identifies_before_relative(
    prose: &str,
    groups: &[VerbGroup],
    from: usize,
    date: usize,
) -> bool {
    let Some(first) = groups.first().filter(|g| from <= g.start && g.end <= date) else {
        return false;
    };
    let verb = prose[first.start..first.end].to_lowercase();
    if !matches!(verb.as_str(), "is" | "are") || first.reporting {
        return false;
    }
    prose[first.end..date]
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| crate::language::words::RELATIVE_PRONOUNS.contains(&w.to_lowercase().as_str()))
}

/// Words before a date that make it the point a figure is compared with ("50 percent
/// more than in 2017", "compared with 2019"): it dates no event, and an entry of the
/// sentence's other date may show it without contradicting its label.
fn compares(prev: &str, prev2: &str) -> bool {
    prev == "than"
        || (prev == "in" && prev2 == "than")
        || (matches!(prev, "with" | "to") && matches!(prev2, "compared" | "against"))
}

/// A date that owns the object of the clause's verb ("called last year's tax bill the
/// worst"): it dates the bill, not the calling. After a preposition it places the
/// event ("attacked in Tuesday night's coup").
pub(super) fn dates_the_object(prose: &str, t: &Timex, verb: Option<usize>) -> bool {
    let after = prose.get(t.end..).unwrap_or("");
    let possessive = after.starts_with("'s ") || after.starts_with("’s ");
    let Some(v) = verb.filter(|&v| v < t.start) else {
        return false;
    };
    let before = prose.get(v..t.start).unwrap_or("");
    let prev = before
        .split(|c: char| !c.is_alphanumeric())
        .rfind(|w| !w.is_empty())
        .unwrap_or("")
        .to_lowercase();
    possessive && !crate::language::words::is_preposition(&prev)
}

/// A date that only heads the article ("WASHINGTON, Jan. 28 (Reuters) -") or stands
/// alone as a line.
pub(super) fn is_dateline(prose: &str, sentences: &[Sentence], index: usize, t: &Timex) -> bool {
    let s = &sentences[index];
    let before = prose.get(s.start..t.start).unwrap_or("");
    let after = prose.get(t.end..s.end).unwrap_or("").trim_start();
    let alone = before.trim().is_empty()
        && after
            .trim_matches(|c: char| !c.is_alphanumeric())
            .is_empty();
    let first_sentence = index == 0;
    let heading_like = !before.chars().any(char::is_lowercase);
    let dash_after = after.starts_with(['-', '—', '–', '(', '_', ':']);
    alone || (first_sentence && heading_like && dash_after)
}

/// How long before publication a date must start for a clause in the present tense not
/// to be its event (two years): "De Miranda evokes neon as an icon of the 1900s",
/// "companies are subject to the Investment Company Act of 1940" state what is true
/// now about an old date.
const PRESENT_ABOUT_THE_PAST_DAYS: i64 = 730;

/// Whether the clause's tense cannot be the date's: the present about a date long
/// past, or the future about a period over before publication ("will eat up 13
/// percent, up from 6.6 percent in 2017").
pub(super) fn tense_contradicts(value: &str, tense: Tense, published: Option<Date>) -> bool {
    let Some(p) = published else {
        return false;
    };
    let value::Anchor::Fixed { start, granularity } = value::parse(value) else {
        return false;
    };
    let before = value::days_between(start, p);
    match tense {
        Tense::Present => before > PRESENT_ABOUT_THE_PAST_DAYS,
        Tense::Future => {
            let short = !matches!(
                granularity,
                value::Granularity::Decade | value::Granularity::Century
            );
            short && before > 400
        }
        _ => false,
    }
}

/// A plan that was not carried out, told in the past perfect: "a session that had been
/// due to run into Wednesday evening", "had planned to meet on Friday".
pub(super) fn unfulfilled_plan(prose: &str, groups: &[VerbGroup], verb: Option<usize>) -> bool {
    let Some(g) = verb.and_then(|v| groups.iter().find(|g| g.start <= v && v < g.end)) else {
        return false;
    };
    let lower = prose[g.start..g.end].to_lowercase();
    let mut words = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty());
    words.next() == Some("had")
        && words.any(|w| {
            matches!(
                w,
                "due"
                    | "expected"
                    | "scheduled"
                    | "set"
                    | "supposed"
                    | "planned"
                    | "hoped"
                    | "intended"
                    | "meant"
                    | "slated"
            )
        })
}

/// A clause whose verb group opens with a modal of possibility ("could come as early
/// as this month", "might close in May"): what may happen is no event of that date.
pub(super) fn possibility(prose: &str, groups: &[VerbGroup], verb: Option<usize>) -> bool {
    let Some(g) = verb.and_then(|v| groups.iter().find(|g| g.start <= v && v < g.end)) else {
        return false;
    };
    let lower = prose[g.start..g.end].to_lowercase();
    let first = lower.split(|c: char| !c.is_alphanumeric()).next();
    matches!(first, Some("could" | "might" | "may"))
}

/// "At the end of the day": an idiom, no date.
pub(super) fn is_idiom(prose: &str, s: &Sentence, t: &Timex) -> bool {
    let text = prose[t.start..t.end].to_lowercase();
    let before = prose.get(s.start..t.start).unwrap_or("").to_lowercase();
    text == "the end of the day" && before.trim_end().ends_with("at")
}
