//! Views of merged timelines: the timeline page (`years`, `undated` in
//! `timeline.html`) and the timeline of an actor page.

use serde::Serialize;

use jiff::civil::Date;

use crate::briefing::EventMeta;
use crate::corpus::timeline::{self, DateGroup, MergedEvent, Period};
use crate::corpus::{ActorId, EventRef};

use super::super::index::SiteIndex;
use super::dates::{UNCLEAR, datetime, event_when, granularity, period_label};
use super::{ActorRef, LinkView};

/// One event of a merged timeline.
#[derive(Debug, Clone, Serialize)]
pub struct TimelineEvent {
    pub text: String,
    /// The event's own date for readers (may name a time of day the group does not).
    pub when: String,
    /// Actors involved, from every report.
    pub actors: Vec<ActorRef>,
    /// Every briefing that reports it; more than one when briefings agree.
    pub sources: Vec<LinkView>,
    /// Told without a date of its own and placed at the publication date of its first
    /// report (`when` reads "reported 28 January 2022"); `false` for a dated event.
    pub reported: bool,
}

/// The events of one period.
#[derive(Debug, Clone, Serialize)]
pub struct DateGroupView {
    /// A TIMEX3 value for the period.
    pub value: String,
    /// The period for readers ("Wednesday 26 January 2022", "week of 31 January 2022").
    pub label: String,
    /// `day`, `week`, `month`, ... or `unknown`.
    pub granularity: &'static str,
    pub datetime: Option<String>,
    /// A fragment id for the group (`d-2022-01-26`).
    pub id: String,
    pub events: Vec<TimelineEvent>,
}

/// Events shown on `timeline/` before it is split into one page per year.
pub const ONE_PAGE_EVENTS: usize = 2000;

/// A part of the timeline: one year, or the events without a fixed date.
#[derive(Debug, Clone, Serialize)]
pub struct TimelinePart {
    /// The year (`2024`) or `undated`.
    pub key: String,
    /// `2024`, or `Without a fixed date`.
    pub label: String,
    /// Fragment id of the part's section (`y-2024`).
    pub id: String,
    /// Where the part is shown: `#y-2024` on a one-page timeline, else its own page.
    pub url: String,
    pub event_count: usize,
    /// The part's date groups; empty when the part is not shown on this page.
    pub groups: Vec<DateGroupView>,
}

/// The merged timeline of the whole site, built once per render.
#[derive(Debug, Clone)]
pub struct Timeline {
    /// Years oldest first, then the undated part.
    pub parts: Vec<TimelinePart>,
    pub event_count: usize,
    /// Every part fits on `timeline/`; otherwise each part has its own page.
    pub one_page: bool,
}

impl Timeline {
    /// Cuts the merged timeline of the corpus into parts: years, and months for a year
    /// too long for one page.
    pub fn build(index: &SiteIndex) -> Timeline {
        let mut years: Vec<(i16, Vec<(Date, DateGroupView)>)> = Vec::new();
        let mut undated: Vec<DateGroupView> = Vec::new();
        for group in index.corpus.timeline().groups() {
            let view = group_view(index, group);
            match group.period {
                Period::Fixed { start, .. } => match years.last_mut() {
                    Some((year, groups)) if *year == start.year() => groups.push((start, view)),
                    _ => years.push((start.year(), vec![(start, view)])),
                },
                Period::Floating(_) => undated.push(view),
            }
        }
        let count = |groups: &[DateGroupView]| groups.iter().map(|g| g.events.len()).sum::<usize>();
        let event_count = count(&undated)
            + years
                .iter()
                .map(|(_, g)| g.iter().map(|(_, v)| v.events.len()).sum::<usize>())
                .sum::<usize>();
        let one_page = event_count <= ONE_PAGE_EVENTS;
        let mut parts = year_parts(years, one_page);
        if !undated.is_empty() {
            parts.push(part(
                "undated".into(),
                "Without a fixed date".into(),
                undated,
            ));
        }
        for p in &mut parts {
            p.event_count = count(&p.groups);
            p.url = match one_page {
                true => format!("#{}", p.id),
                false => index.url(&format!("timeline/{}/", p.key)),
            };
        }
        Timeline {
            parts,
            event_count,
            one_page,
        }
    }

    /// The parts as shown on one page: all of them on a one-page timeline (`shown` is
    /// `None`), else only part `shown` has its groups.
    pub fn page(&self, shown: Option<usize>) -> Vec<TimelinePart> {
        self.parts
            .iter()
            .enumerate()
            .map(|(i, p)| match (self.one_page, shown) {
                (true, _) => p.clone(),
                (false, Some(s)) if s == i => p.clone(),
                _ => TimelinePart {
                    key: p.key.clone(),
                    label: p.label.clone(),
                    id: p.id.clone(),
                    url: p.url.clone(),
                    event_count: p.event_count,
                    groups: Vec::new(),
                },
            })
            .collect()
    }
}

/// The dated part of the timeline: one part per year, or per month for a year too long
/// for one page (when the timeline is not on one page).
fn year_parts(years: Vec<(i16, Vec<(Date, DateGroupView)>)>, one_page: bool) -> Vec<TimelinePart> {
    let mut parts: Vec<TimelinePart> = Vec::new();
    for (year, groups) in years {
        let total: usize = groups.iter().map(|(_, v)| v.events.len()).sum();
        if one_page || total <= ONE_PAGE_EVENTS {
            let groups = groups.into_iter().map(|(_, v)| v).collect();
            parts.push(part(year.to_string(), year.to_string(), groups));
            continue;
        }
        for (start, view) in groups {
            let key = format!("{year:04}-{:02}", start.month());
            if parts.last().is_none_or(|p| p.key != key) {
                let label = format!(
                    "{} {year}",
                    crate::language::calendar::month_name(start.month())
                );
                parts.push(part(key, label, Vec::new()));
            }
            if let Some(p) = parts.last_mut() {
                p.groups.push(view);
            }
        }
    }
    parts
}

fn part(key: String, label: String, groups: Vec<DateGroupView>) -> TimelinePart {
    let id = if key == "undated" {
        "undated".to_string()
    } else {
        format!("y-{key}")
    };
    TimelinePart {
        key,
        label,
        id,
        url: String::new(),
        event_count: 0,
        groups,
    }
}

/// Merges events into date groups (see `corpus::timeline`) and builds their views.
pub fn date_groups<'a>(
    index: &SiteIndex,
    events: impl IntoIterator<Item = (EventRef, &'a EventMeta)>,
) -> Vec<DateGroupView> {
    timeline::merge(events)
        .iter()
        .map(|g| group_view(index, g))
        .collect()
}

fn group_view(index: &SiteIndex, group: &DateGroup) -> DateGroupView {
    DateGroupView {
        label: group_label(index, group),
        value: group.value.clone(),
        granularity: granularity(&group.value),
        datetime: datetime(&group.value),
        id: format!("d-{}", slug::slugify(&group.value)),
        events: group.events.iter().map(|e| event_view(index, e)).collect(),
    }
}

/// The heading of a group: the label of its period; for a value without one, the first
/// `when` of its events, else `dates::UNCLEAR`.
fn group_label(index: &SiteIndex, group: &DateGroup) -> String {
    period_label(&group.value).unwrap_or_else(|| {
        group
            .events
            .iter()
            .flat_map(|e| &e.sources)
            .map(|&s| index.corpus.event(s).when.trim())
            .find(|w| !w.is_empty())
            .map_or_else(|| UNCLEAR.to_string(), str::to_string)
    })
}

fn event_view(index: &SiteIndex, event: &MergedEvent) -> TimelineEvent {
    let meta = index.corpus.event(event.sources[0]);
    let mut ids: Vec<ActorId> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for &source in &event.sources {
        for &id in index.corpus.event_actors(source) {
            if seen.insert(id) {
                ids.push(id);
            }
        }
    }
    TimelineEvent {
        text: event.text.clone(),
        when: event_when(meta),
        actors: ids
            .into_iter()
            .map(|id| ActorRef::new(index, id, None))
            .collect(),
        sources: event
            .sources
            .iter()
            .map(|s| LinkView::briefing(index, s.briefing))
            .collect(),
        reported: meta.reported,
    }
}
