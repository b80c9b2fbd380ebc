//! Merged timelines: dated events from many briefings in, events grouped by the period
//! they happened in out, with the same event reported by several briefings shown once
//! with all its sources.
//!
//! Dates are TIMEX3 values, read through `timex::value::parse`: "2022-W04-3" and
//! "2022-01-26" are the same day, a time of day belongs to its day, and groups are
//! ordered with `sort_key` (never by the value string). Values that name no fixed
//! period (`XXXX-WXX-3`, `PAST_REF`) are grouped by value after every dated group.
//!
//! Two events of one group are "the same" when their texts are equal after
//! normalisation or their content words overlap strongly (Dice coefficient of the word
//! sets at least [`SAME_EVENT`]). Candidates are found through a word index of the
//! group, at most [`MAX_CANDIDATES`] per event, so a crowded date stays linear.

use crate::language::words;
use std::collections::{HashMap, HashSet};

use crate::analysis::timex::value::{self, Anchor, Granularity};
use crate::briefing::EventMeta;

/// Word-set overlap from which two event texts count as one event.
pub const SAME_EVENT: f64 = 0.75;
/// Events compared per new event in one group.
const MAX_CANDIDATES: usize = 64;

/// Words that say nothing about which event a text reports: stop words, auxiliaries,
/// reporting verbs and connectives (`language::words`).
fn is_stop_word(w: &str) -> bool {
    words::is_stop_word(w)
        || words::is_auxiliary(w)
        || words::is_reporting_verb(w)
        || words::CONNECTIVES.contains(&w)
}

/// One event of one briefing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EventRef {
    pub briefing: usize,
    /// Index in that briefing's `timeline`.
    pub event: usize,
}

/// The period a group covers.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Period {
    Fixed {
        start: jiff::civil::Date,
        granularity: Granularity,
    },
    Floating(String),
}

/// Events of one period.
#[derive(Debug, Clone, PartialEq)]
pub struct DateGroup {
    pub period: Period,
    /// A TIMEX3 value naming the period (time of day removed), for labels.
    pub value: String,
    pub events: Vec<MergedEvent>,
}

/// One event, reported by one or more briefings.
#[derive(Debug, Clone, PartialEq)]
pub struct MergedEvent {
    /// The value of the first report (may carry a time of day).
    pub value: String,
    /// The text of the first report.
    pub text: String,
    /// Every report, in the order given; the first is the one shown.
    pub sources: Vec<EventRef>,
}

/// Groups and merges `events` (given in site order: the first report of an event is the
/// one shown).
pub fn merge<'a>(events: impl IntoIterator<Item = (EventRef, &'a EventMeta)>) -> Vec<DateGroup> {
    let mut groups: Vec<GroupBuilder> = Vec::new();
    let mut by_period: HashMap<Period, usize> = HashMap::new();
    for (at, meta) in events {
        let period = period_of(&meta.date);
        let g = *by_period.entry(period.clone()).or_insert_with(|| {
            groups.push(GroupBuilder::new(period, &meta.date));
            groups.len() - 1
        });
        groups[g].add(at, meta);
    }
    let mut out: Vec<DateGroup> = groups.into_iter().map(GroupBuilder::finish).collect();
    out.sort_by_cached_key(|g| value::sort_key(&g.value));
    out
}

fn period_of(date: &str) -> Period {
    match value::parse(date) {
        Anchor::Fixed { start, granularity } => {
            let granularity = match granularity {
                Granularity::Time | Granularity::PartOfDay => Granularity::Day,
                g => g,
            };
            Period::Fixed { start, granularity }
        }
        Anchor::Floating => Period::Floating(day_of(date).to_string()),
    }
}

/// A value without its time of day (`XXXX-WXX-7TEV` -> `XXXX-WXX-7`).
fn day_of(value: &str) -> &str {
    let value = value.trim();
    value.split_once('T').map_or(value, |(d, _)| d)
}

struct GroupBuilder {
    period: Period,
    value: String,
    events: Vec<(MergedEvent, Vec<String>)>,
    /// (event, briefing) pairs already among an event's sources.
    reported: HashSet<(usize, usize)>,
    exact: HashMap<String, usize>,
    by_word: HashMap<String, Vec<usize>>,
}

impl GroupBuilder {
    fn new(period: Period, value: &str) -> Self {
        let value = day_of(value).to_string();
        GroupBuilder {
            period,
            value,
            events: Vec::new(),
            reported: HashSet::new(),
            exact: HashMap::new(),
            by_word: HashMap::new(),
        }
    }

    fn add(&mut self, at: EventRef, meta: &EventMeta) {
        let words = content_words(&meta.text);
        let normalised = normalise(&meta.text);
        let found = self
            .exact
            .get(&normalised)
            .copied()
            .or_else(|| self.similar(&words));
        match found {
            Some(i) => {
                if self.reported.insert((i, at.briefing)) {
                    self.events[i].0.sources.push(at);
                }
            }
            None => {
                let i = self.events.len();
                self.reported.insert((i, at.briefing));
                self.exact.insert(normalised, i);
                for w in &words {
                    self.by_word.entry(w.clone()).or_default().push(i);
                }
                let event = MergedEvent {
                    value: meta.date.trim().to_string(),
                    text: meta.text.trim().to_string(),
                    sources: vec![at],
                };
                self.events.push((event, words));
            }
        }
    }

    /// The most similar event of the group above the threshold.
    fn similar(&self, words: &[String]) -> Option<usize> {
        let mut candidates: Vec<usize> = Vec::new();
        let mut seen: HashSet<usize> = HashSet::new();
        for w in words {
            for &i in self.by_word.get(w).map_or(&[][..], Vec::as_slice) {
                if candidates.len() >= MAX_CANDIDATES {
                    break;
                }
                if seen.insert(i) {
                    candidates.push(i);
                }
            }
        }
        candidates
            .into_iter()
            .map(|i| (i, dice(words, &self.events[i].1)))
            .filter(|(_, score)| *score >= SAME_EVENT)
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
            .map(|(i, _)| i)
    }

    fn finish(self) -> DateGroup {
        let mut events: Vec<MergedEvent> = self.events.into_iter().map(|(e, _)| e).collect();
        events.sort_by_cached_key(|e| value::sort_key(&e.value));
        DateGroup {
            period: self.period,
            value: self.value,
            events,
        }
    }
}

/// Lower-case words with letters and digits only, single spaces.
fn normalise(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The distinct content words of a text, sorted: no stop words, no short words
/// unless they hold a digit.
fn content_words(text: &str) -> Vec<String> {
    let mut words: Vec<String> = normalise(text)
        .split(' ')
        .filter(|w| {
            (w.chars().count() >= 3 || w.chars().any(|c| c.is_ascii_digit())) && !is_stop_word(w)
        })
        .map(str::to_string)
        .collect();
    words.sort();
    words.dedup();
    words
}

/// Dice coefficient of two sorted, distinct word lists; 0 when their numbers differ
/// ("voted 9 to 4" is not "voted 9 to 5").
fn dice(a: &[String], b: &[String]) -> f64 {
    let numbers = |w: &[String]| {
        w.iter()
            .filter(|w| w.chars().any(|c| c.is_ascii_digit()))
            .cloned()
            .collect::<Vec<_>>()
    };
    if a.is_empty() || b.is_empty() || numbers(a) != numbers(b) {
        return 0.0;
    }
    let shared = a.iter().filter(|w| b.binary_search(w).is_ok()).count();
    2.0 * shared as f64 / (a.len() + b.len()) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(date: &str, text: &str) -> EventMeta {
        EventMeta {
            date: date.to_string(),
            when: String::new(),
            text: text.to_string(),
            actors: Vec::new(),
        }
    }

    /// (group value, [(event text, briefings reporting it)]).
    type Groups = Vec<(String, Vec<(String, Vec<usize>)>)>;

    fn run(events: &[(usize, EventMeta)]) -> Groups {
        let refs = events.iter().enumerate().map(|(i, (b, e))| {
            (
                EventRef {
                    briefing: *b,
                    event: i,
                },
                e,
            )
        });
        merge(refs)
            .into_iter()
            .map(|g| {
                (
                    g.value,
                    g.events
                        .into_iter()
                        .map(|e| (e.text, e.sources.iter().map(|s| s.briefing).collect()))
                        .collect(),
                )
            })
            .collect()
    }

    #[test]
    fn groups_by_period_in_calendar_order() {
        let got = run(&[
            (0, event("2022-W05", "Week of talks")),
            (0, event("2022-01-26", "Ministers met in Vienna")),
            (1, event("2022-W04-3", "Envoys arrived in Vienna")),
            (1, event("2021-12", "Troops moved north")),
            (2, event("2022-01-26T09:00", "Early statement issued")),
            (2, event("XXXX-WXX-3", "Something on a Wednesday")),
            (2, event("2022", "A year of crisis")),
            (3, event("XXXX-WXX-3TEV", "Ferries resumed at dusk")),
        ]);
        let order: Vec<(&str, usize)> = got.iter().map(|(v, e)| (v.as_str(), e.len())).collect();
        assert_eq!(
            order,
            [
                ("2021-12", 1),
                ("2022", 1),
                ("2022-01-26", 3),
                ("2022-W05", 1),
                ("XXXX-WXX-3", 2)
            ]
        );
    }

    #[test]
    fn the_same_event_from_several_briefings_appears_once() {
        let got = run(&[
            (
                0,
                event(
                    "2022-01-26",
                    "Ministers met in Vienna to discuss the ceasefire.",
                ),
            ),
            (
                1,
                event(
                    "2022-01-26",
                    "ministers met in Vienna to discuss the ceasefire",
                ),
            ),
            (
                2,
                event(
                    "2022-01-26",
                    "The ministers met in Vienna on Wednesday to discuss the ceasefire.",
                ),
            ),
            (
                3,
                event(
                    "2022-01-27",
                    "Ministers met in Vienna to discuss the ceasefire.",
                ),
            ),
            (
                4,
                event(
                    "2022-01-26",
                    "Talks collapsed in Vienna over the ceasefire.",
                ),
            ),
        ]);
        assert_eq!(got.len(), 2);
        let day = &got[0].1;
        assert_eq!(
            day[0],
            (
                "Ministers met in Vienna to discuss the ceasefire.".to_string(),
                vec![0, 1, 2]
            )
        );
        assert_eq!(
            day[1].1,
            vec![4],
            "a different event on the same day stays apart"
        );
        assert_eq!(
            got[1].1[0].1,
            vec![3],
            "the same text on another day stays apart"
        );
    }

    #[test]
    fn a_briefing_is_one_source_of_an_event_however_often_it_reports_it() {
        let text = "Ferries stopped at the bar.";
        let got = run(&[
            (0, event("2022-01-26", text)),
            (0, event("2022-01-26", text)),
            (1, event("2022-01-26", text)),
            (0, event("2022-01-26", text)),
        ]);
        assert_eq!(got[0].1, [(text.to_string(), vec![0, 1])]);
    }

    #[test]
    fn similarity_threshold() {
        let cases = [
            (
                "Lavrov met Blinken in Geneva",
                "Lavrov met Blinken in Geneva on Friday",
                true,
            ),
            (
                "Talks resumed in Geneva",
                "Talks collapsed in Geneva",
                false,
            ),
            (
                "The council voted 9 to 4",
                "The council voted 9 to 5",
                false,
            ),
            ("", "", true),
            ("Ok", "Ok", true),
        ];
        for (a, b, same) in cases {
            let got = run(&[(0, event("2022-02-04", a)), (1, event("2022-02-04", b))]);
            assert_eq!(got[0].1.len() == 1, same, "{a:?} / {b:?}");
        }
    }
}
