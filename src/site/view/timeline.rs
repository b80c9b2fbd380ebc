//! Views of merged timelines: the timeline page (`years`, `undated` in
//! `timeline.html`) and the timeline of an actor page.

use serde::Serialize;

use crate::analysis::timex::value;
use crate::briefing::EventMeta;

use super::super::index::SiteIndex;
use super::super::timeline::{self, DateGroup, EventRef, Period};
use super::briefing::{datetime, granularity};
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

/// The groups of one year on the timeline page.
#[derive(Debug, Clone, Serialize)]
pub struct TimelineYear {
    pub year: String,
    pub id: String,
    pub event_count: usize,
    pub groups: Vec<DateGroupView>,
}

/// Merges events into date groups (see `site::timeline`) and builds their views.
pub fn date_groups<'a>(
    index: &SiteIndex,
    events: impl IntoIterator<Item = (EventRef, &'a EventMeta)>,
) -> Vec<DateGroupView> {
    timeline::merge(events)
        .iter()
        .map(|g| group_view(index, g))
        .collect()
}

/// Every event of the site by year, then the events without a fixed date.
pub fn years(index: &SiteIndex) -> (Vec<TimelineYear>, Vec<DateGroupView>) {
    let events = index
        .briefings
        .iter()
        .enumerate()
        .flat_map(|(briefing, b)| {
            b.meta
                .timeline
                .iter()
                .enumerate()
                .map(move |(event, meta)| (EventRef { briefing, event }, meta))
        });
    let groups = timeline::merge(events);
    let mut years: Vec<TimelineYear> = Vec::new();
    let mut undated = Vec::new();
    for group in &groups {
        let view = group_view(index, group);
        let Period::Fixed { start, .. } = group.period else {
            undated.push(view);
            continue;
        };
        let year = start.year().to_string();
        if years.last().is_none_or(|y| y.year != year) {
            years.push(TimelineYear {
                id: format!("y-{year}"),
                year,
                event_count: 0,
                groups: Vec::new(),
            });
        }
        if let Some(y) = years.last_mut() {
            y.event_count += view.events.len();
            y.groups.push(view);
        }
    }
    (years, undated)
}

fn group_view(index: &SiteIndex, group: &DateGroup) -> DateGroupView {
    let label = value::label(&group.value);
    DateGroupView {
        value: group.value.clone(),
        granularity: granularity(&group.value),
        datetime: datetime(&group.value),
        id: format!("d-{}", slug::slugify(&group.value)),
        events: group.events.iter().map(|e| event_view(index, e)).collect(),
        label,
    }
}

fn event_view(index: &SiteIndex, event: &timeline::MergedEvent) -> TimelineEvent {
    let first = event.sources[0];
    let meta = &index.briefings[first.briefing].meta.timeline[first.event];
    let mut ids: Vec<usize> = Vec::new();
    for source in &event.sources {
        for &id in &index.event_actors[source.briefing][source.event] {
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
    }
    TimelineEvent {
        text: event.text.clone(),
        when: if meta.when.trim().is_empty() {
            value::label(&meta.date)
        } else {
            meta.when.trim().to_string()
        },
        actors: ids
            .into_iter()
            .map(|id| ActorRef::new(index, id, None))
            .collect(),
        sources: event
            .sources
            .iter()
            .map(|s| LinkView::briefing(index, s.briefing))
            .collect(),
    }
}
