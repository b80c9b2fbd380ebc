//! Merged timelines: dated events from many briefings in, events grouped by the period
//! they happened in out, with the same event reported by several briefings shown once
//! with all its sources.
//!
//! [`merge`] merges any list of events (an actor's, a page's). [`Timeline`] is the
//! merged timeline of the whole corpus, kept by period: a briefing added, changed or
//! removed re-merges only the periods its events fall in (merging is greedy in site
//! order, so a period is merged again from its events rather than patched, which keeps
//! the result exactly that of a merge from scratch).
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

use std::collections::{BTreeMap, BTreeSet, HashMap};

use jiff::civil::Date;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::analysis::timex::value::{self, Anchor, Granularity};
use crate::briefing::EventMeta;

use super::event_words::{Lexicon, Words, dice, normalise};
use super::ids::{BriefingId, EventRef};

/// Word-set overlap from which two event texts count as one event.
pub const SAME_EVENT: f64 = 0.75;
/// Events compared per new event in one group.
const MAX_CANDIDATES: usize = 64;

/// The period a group covers.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Period {
    Fixed {
        start: Date,
        granularity: Granularity,
    },
    Floating(String),
}

/// The order of periods: calendar order (by first day, shorter periods first), then
/// the values without a fixed period, by text; the same order as `value::sort_key`.
pub type PeriodKey = (u8, Date, Granularity, String);

impl Period {
    /// This period's place in the timeline.
    pub fn key(&self) -> PeriodKey {
        match self {
            Period::Fixed { start, granularity } => (0, *start, *granularity, String::new()),
            Period::Floating(v) => (1, Date::MAX, Granularity::Century, v.clone()),
        }
    }
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
    let mut lexicon = Lexicon::default();
    let mut periods: Vec<(Period, Vec<Prepared>)> = Vec::new();
    let mut by_period: HashMap<Period, usize> = HashMap::new();
    for (at, meta) in events {
        let period = period_of(&meta.date);
        let g = *by_period.entry(period.clone()).or_insert_with(|| {
            periods.push((period, Vec::new()));
            periods.len() - 1
        });
        periods[g].1.push(Prepared::new(at, meta, &mut lexicon));
    }
    let mut out: Vec<DateGroup> = periods
        .into_iter()
        .map(|(period, events)| merge_period(period, &events))
        .collect();
    out.sort_by_cached_key(|g| g.period.key());
    out
}

/// Merges the events of one period, in the order given.
fn merge_period(period: Period, events: &[Prepared]) -> DateGroup {
    let mut group = GroupBuilder::new(period, events.first().map_or("", |e| e.date.as_str()));
    for e in events {
        group.add(e);
    }
    group.finish()
}

/// An event as the merge reads it, prepared once when its briefing enters the corpus.
#[derive(Debug, Clone)]
struct Prepared {
    at: EventRef,
    date: String,
    text: String,
    normalised: String,
    words: Words,
}

impl Prepared {
    fn new(at: EventRef, meta: &EventMeta, lexicon: &mut Lexicon) -> Self {
        Prepared {
            at,
            date: meta.date.clone(),
            text: meta.text.clone(),
            normalised: normalise(&meta.text),
            words: lexicon.words(&meta.text),
        }
    }
}

/// The merged timeline of a corpus, by period.
#[derive(Debug, Clone, Default)]
pub struct Timeline {
    /// Every period with its events as given and, once merged, its groups.
    periods: BTreeMap<PeriodKey, PeriodEvents>,
    /// The periods each briefing has events in.
    of_briefing: HashMap<BriefingId, Vec<PeriodKey>>,
    /// Periods whose events changed since they were last merged.
    stale: BTreeSet<PeriodKey>,
    /// Merges so far: a period's `version` is the number of its last merge.
    merges: u64,
    /// The ids of the events' words.
    lexicon: Lexicon,
}

#[derive(Debug, Clone)]
struct PeriodEvents {
    period: Period,
    events: Vec<Prepared>,
    merged: Option<DateGroup>,
    /// Which merge of this timeline made `merged` (see [`Timeline::versioned_groups`]).
    version: u64,
}

impl Timeline {
    /// Adds the events of a briefing (merged by the next [`Timeline::merge_stale`]).
    pub fn add(&mut self, briefing: BriefingId, events: &[EventMeta]) {
        let mut keys: Vec<PeriodKey> = Vec::new();
        for (i, meta) in events.iter().enumerate() {
            let period = period_of(&meta.date);
            let key = period.key();
            let entry = self
                .periods
                .entry(key.clone())
                .or_insert_with(|| PeriodEvents {
                    period,
                    events: Vec::new(),
                    merged: None,
                    version: 0,
                });
            let event = Prepared::new(EventRef::new(briefing, i), meta, &mut self.lexicon);
            entry.events.push(event);
            if !keys.contains(&key) {
                keys.push(key.clone());
            }
            self.stale.insert(key);
        }
        if !keys.is_empty() {
            self.of_briefing.insert(briefing, keys);
        }
    }

    /// Removes the events of a briefing.
    pub fn remove(&mut self, briefing: BriefingId) {
        for key in self.of_briefing.remove(&briefing).unwrap_or_default() {
            if let Some(p) = self.periods.get_mut(&key) {
                p.events.retain(|e| e.at.briefing != briefing);
                self.stale.insert(key);
            }
        }
    }

    /// Marks the periods of a briefing for merging again (its place in the site order
    /// changed, and merging follows that order).
    pub fn touch(&mut self, briefing: BriefingId) {
        if let Some(keys) = self.of_briefing.get(&briefing) {
            self.stale.extend(keys.iter().cloned());
        }
    }

    /// Merges every period whose events changed, in site order (`position` gives a
    /// briefing's place), and returns those periods.
    pub fn merge_stale(&mut self, position: impl Fn(BriefingId) -> usize) -> Vec<PeriodKey> {
        let stale: Vec<PeriodKey> = std::mem::take(&mut self.stale).into_iter().collect();
        for key in &stale {
            let Some(p) = self.periods.get_mut(key) else {
                continue;
            };
            if p.events.is_empty() {
                self.periods.remove(key);
                continue;
            }
            p.events
                .sort_by_key(|e| (position(e.at.briefing), e.at.event));
            p.merged = Some(merge_period(p.period.clone(), &p.events));
            self.merges += 1;
            p.version = self.merges;
        }
        stale
    }

    /// The merged groups, in timeline order.
    pub fn groups(&self) -> impl Iterator<Item = &DateGroup> {
        self.periods.values().filter_map(|p| p.merged.as_ref())
    }

    /// The merged groups, in timeline order, each with its period and version: a
    /// period's version changes whenever it is merged again, which every change to
    /// its events (a briefing added, changed, removed or moved in the site order)
    /// does, so a view of a group made at one version holds while the version does
    /// and the briefings' surfaces (`corpus::delta`) are the same.
    pub fn versioned_groups(&self) -> impl Iterator<Item = (&PeriodKey, u64, &DateGroup)> {
        self.periods
            .iter()
            .filter_map(|(k, p)| p.merged.as_ref().map(|g| (k, p.version, g)))
    }

    /// The merged group of one period.
    pub fn group(&self, key: &PeriodKey) -> Option<&DateGroup> {
        self.periods.get(key).and_then(|p| p.merged.as_ref())
    }

    /// The periods a briefing has events in.
    pub fn periods_of(&self, briefing: BriefingId) -> &[PeriodKey] {
        self.of_briefing.get(&briefing).map_or(&[], Vec::as_slice)
    }
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

struct GroupBuilder<'a> {
    period: Period,
    value: String,
    events: Vec<(MergedEvent, &'a Words)>,
    /// (event, briefing) pairs already among an event's sources.
    reported: FxHashSet<(usize, BriefingId)>,
    exact: FxHashMap<&'a str, usize>,
    by_word: FxHashMap<u32, Vec<usize>>,
}

impl<'a> GroupBuilder<'a> {
    fn new(period: Period, value: &str) -> Self {
        let value = day_of(value).to_string();
        GroupBuilder {
            period,
            value,
            events: Vec::new(),
            reported: FxHashSet::default(),
            exact: FxHashMap::default(),
            by_word: FxHashMap::default(),
        }
    }

    fn add(&mut self, e: &'a Prepared) {
        let found = self
            .exact
            .get(e.normalised.as_str())
            .copied()
            .or_else(|| self.similar(&e.words));
        match found {
            Some(i) => {
                if self.reported.insert((i, e.at.briefing)) {
                    self.events[i].0.sources.push(e.at);
                }
            }
            None => {
                let i = self.events.len();
                self.reported.insert((i, e.at.briefing));
                self.exact.insert(&e.normalised, i);
                for &w in &e.words.ordered {
                    self.by_word.entry(w).or_default().push(i);
                }
                let event = MergedEvent {
                    value: e.date.trim().to_string(),
                    text: e.text.trim().to_string(),
                    sources: vec![e.at],
                };
                self.events.push((event, &e.words));
            }
        }
    }

    /// The most similar event of the group above the threshold.
    fn similar(&self, words: &Words) -> Option<usize> {
        // at most MAX_CANDIDATES: a scan of the list beats a set
        let mut candidates: Vec<usize> = Vec::with_capacity(MAX_CANDIDATES);
        for w in &words.ordered {
            for &i in self.by_word.get(w).map_or(&[][..], Vec::as_slice) {
                if candidates.len() >= MAX_CANDIDATES {
                    break;
                }
                if !candidates.contains(&i) {
                    candidates.push(i);
                }
            }
        }
        candidates
            .into_iter()
            .map(|i| (i, dice(words, self.events[i].1)))
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

#[cfg(test)]
mod tests {
    use super::*;

    fn event(date: &str, text: &str) -> EventMeta {
        EventMeta {
            date: date.to_string(),
            when: String::new(),
            text: text.to_string(),
            actors: Vec::new(),
            reported: false,
        }
    }

    /// (group value, [(event text, briefings reporting it)]).
    type Groups = Vec<(String, Vec<(String, Vec<usize>)>)>;

    fn run(events: &[(usize, EventMeta)]) -> Groups {
        let refs = events
            .iter()
            .enumerate()
            .map(|(i, (b, e))| (EventRef::new(BriefingId(*b as u32), i), e));
        merge(refs)
            .into_iter()
            .map(|g| {
                (
                    g.value,
                    g.events
                        .into_iter()
                        .map(|e| {
                            let sources = e.sources.iter().map(|s| s.briefing.index()).collect();
                            (e.text, sources)
                        })
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
    fn a_crowded_day_considers_candidates_in_the_alphabetical_order_of_words() {
        // 64 events share "alpha", which comes first: the last event's candidates are
        // those 64, and the event it repeats ("zulu yankee xray") is never compared
        let mut events = vec![(0, event("2022-01-26", "zulu yankee xray"))];
        for i in 0..64 {
            events.push((i + 1, event("2022-01-26", &format!("alpha f{i}a f{i}b"))));
        }
        events.push((99, event("2022-01-26", "alpha zulu yankee xray")));
        let got = run(&events);
        assert_eq!(got[0].1.len(), 66);
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
