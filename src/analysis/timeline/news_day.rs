//! The day of the news: the sentences right after the lede and their time expressions
//! in, the day the article's reported news happened out, when the article says so.
//!
//! A reported entry is placed at the publication date, because news is mostly told on
//! the day it happened. Some articles say otherwise right after the lede: "The club has
//! opened its new stadium. Saturday was chosen as its date because ...": the lede's
//! news happened on a weekday before publication, and so did what the article reports
//! with it (the speeches, the reactions). Only a weekday one to six days before
//! publication counts, named within two sentences after the lede in a sentence that
//! points back to the lede's news ("it", "its"): a date of another event ("On Tuesday
//! the army seized power") does not move the news. A "today" quoted from someone was
//! said on the news day too ("“Today is a great day,” the mayor said").

use jiff::civil::Date;

use super::value;
use crate::analysis::sentences::Sentence;
use crate::analysis::timex::{Timex, TimexType};

/// How many sentences after the lede may date its news.
const AFTER_LEDE: usize = 2;
/// How many days before publication the news day may be.
const MAX_DAYS: i64 = 6;

const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// The day the lede's news happened, when a sentence right after the lede (`lede` is
/// its index) names it as a weekday and points back to the news.
pub(super) fn news_day(
    prose: &str,
    sentences: &[Sentence],
    by_sentence: &[Vec<&Timex>],
    lede: usize,
    published: Option<Date>,
) -> Option<Date> {
    let published = published?;
    let last = (lede + AFTER_LEDE).min(sentences.len().saturating_sub(1));
    (lede + 1..=last).find_map(|k| {
        let text = sentences[k].text(prose).to_lowercase();
        let points_back = text
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| matches!(w, "it" | "its"));
        if !points_back {
            return None;
        }
        by_sentence[k]
            .iter()
            .find_map(|t| weekday_before(prose, t, published))
    })
}

/// The day a time expression names, when it is a weekday one to six days before
/// publication.
fn weekday_before(prose: &str, t: &Timex, published: Date) -> Option<Date> {
    if !matches!(t.kind, TimexType::Date | TimexType::Time) {
        return None;
    }
    let words = prose.get(t.start..t.end)?.to_lowercase();
    if !WEEKDAYS.iter().any(|d| words.contains(d)) {
        return None;
    }
    let value::Anchor::Fixed { start, granularity } = value::parse(&t.value) else {
        return None;
    };
    let day = matches!(
        granularity,
        value::Granularity::Day | value::Granularity::PartOfDay | value::Granularity::Time
    );
    let before = value::days_between(start, published);
    (day && (1..=MAX_DAYS).contains(&before)).then_some(start)
}

/// Whether the entry of sentence `index`, dated the publication day, got its date from
/// a "today" inside a quotation: the quote was said on the news day.
pub(super) fn quoted_today(
    prose: &str,
    sentence: &Sentence,
    timexes: &[&Timex],
    published: Date,
) -> bool {
    timexes.iter().any(|t| {
        let today = prose
            .get(t.start..t.end)
            .is_some_and(|w| w.eq_ignore_ascii_case("today"));
        let before = prose.get(sentence.start..t.start).unwrap_or("");
        let opened = before.matches(['“']).count() > before.matches(['”']).count()
            || before.matches('"').count() % 2 == 1;
        today && opened && t.value == published.to_string()
    })
}
