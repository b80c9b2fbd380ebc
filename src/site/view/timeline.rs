//! Views of merged timelines: the timeline pages (`parts`, `overview` in
//! `timeline.html`) and the timeline of an actor page.
//!
//! The merged timeline of the corpus comes in, cut into pages a reader can scroll: one
//! page while it is short, else a page per year, per month for a dense year, and
//! numbered pages for a dense month (see [`PAGE_EVENTS`]). Every page carries the
//! overview of all periods with their counts, so any date is two clicks away.

use serde::Serialize;

use jiff::civil::Date;

use crate::analysis::timex::value::Granularity;
use crate::briefing::EventMeta;
use crate::corpus::timeline::{self, DateGroup, MergedEvent, Period};
use crate::corpus::{ActorId, EventRef};

use super::super::index::SiteIndex;
use super::dates::{UNCLEAR, datetime, event_when, granularity, period_label};
use super::{ActorRef, LinkView, pages_for, range_for};

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
    /// The group began on the page before (a long period cut into pages).
    pub continued: bool,
    pub events: Vec<TimelineEvent>,
}

/// Events on one timeline page: a longer timeline gets a page per year, a longer year
/// a page per month, and a longer month (or the undated events) numbered pages, the
/// last of which takes a few more rather than leave them stranded (see `pages_for`).
pub const PAGE_EVENTS: usize = 50;

/// A part of the timeline: one year, one month of a dense year, or the events without a
/// fixed date; or one page of such a period when it is longer than [`PAGE_EVENTS`].
#[derive(Debug, Clone, Serialize)]
pub struct TimelinePart {
    /// `2024`, `2024-03`, `undated`; `2024-03/2` for page 2 of a period.
    pub key: String,
    /// `2024`, `March 2024`, or `Without a fixed date`.
    pub label: String,
    /// Fragment id of the part's section (`y-2024`, `y-2024-03-2`).
    pub id: String,
    /// Where the part is shown: `#y-2024` on a one-page timeline, else its own page.
    pub url: String,
    pub event_count: usize,
    /// Page `page` (1-based) of the `pages` its period takes.
    pub page: usize,
    pub pages: usize,
    /// The part's date groups; empty when the part is not shown on this page.
    pub groups: Vec<DateGroupView>,
}

/// A period in the overview of the timeline every timeline page shows: a year (with its
/// months) or the undated events, with its event count and where it starts.
#[derive(Debug, Clone, Serialize)]
pub struct PeriodLink {
    /// `2024`, `2024-03`, `undated`: a part's `key` starts with the key of its period.
    pub key: String,
    /// `2024`, `March`, `Without a fixed date`.
    pub label: String,
    pub url: String,
    pub event_count: usize,
    /// A year's months that have events (events dated only by year or coarser count in
    /// the year alone).
    pub months: Vec<PeriodLink>,
}

/// The merged timeline of the whole site, built once per render.
#[derive(Debug, Clone)]
pub struct Timeline {
    /// Years (or their months, or pages) oldest first, then the undated part.
    pub parts: Vec<TimelinePart>,
    /// Every year with its months, then the undated events.
    pub overview: Vec<PeriodLink>,
    pub event_count: usize,
    /// Every part fits on `timeline/`; otherwise each part has its own page.
    pub one_page: bool,
}

/// One year's groups with the first day of each group's period.
type Year = (i16, Vec<(Date, Granularity, DateGroupView)>);

impl Timeline {
    /// Cuts the merged timeline of the corpus into parts (see [`PAGE_EVENTS`]) and
    /// builds its overview.
    pub fn build(index: &SiteIndex) -> Timeline {
        let mut years: Vec<Year> = Vec::new();
        let mut undated: Vec<DateGroupView> = Vec::new();
        for group in index.corpus.timeline().groups() {
            let view = group_view(index, group);
            match group.period {
                Period::Fixed { start, granularity } => match years.last_mut() {
                    Some((year, groups)) if *year == start.year() => {
                        groups.push((start, granularity, view))
                    }
                    _ => years.push((start.year(), vec![(start, granularity, view)])),
                },
                Period::Floating(_) => undated.push(view),
            }
        }
        let event_count = count(&undated)
            + years
                .iter()
                .flat_map(|(_, g)| g)
                .map(|(_, _, v)| v.events.len())
                .sum::<usize>();
        let one_page = event_count <= PAGE_EVENTS;
        let url = |key: &str, id: &str| match one_page {
            true => format!("#{id}"),
            false => index.url(&format!("timeline/{key}/")),
        };
        let mut parts = Vec::new();
        let mut overview = Vec::new();
        for year in years {
            overview.push(year_parts(year, one_page, &url, &mut parts));
        }
        if !undated.is_empty() {
            let key = "undated";
            let undated = part(key.into(), "Without a fixed date".into(), undated);
            overview.push(PeriodLink {
                key: key.into(),
                label: undated.label.clone(),
                url: url(key, &undated.id),
                event_count: undated.event_count,
                months: Vec::new(),
            });
            parts.extend(paged(undated, one_page));
        }
        for p in &mut parts {
            p.url = url(&p.key, &p.id);
        }
        Timeline {
            parts,
            overview,
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
                    groups: Vec::new(),
                    ..p.clone()
                },
            })
            .collect()
    }
}

impl Timeline {
    /// The part pages before and after part `shown` (none on `timeline/` itself).
    pub fn neighbours(&self, shown: Option<usize>) -> [Option<LinkView>; 2] {
        let link = |i: usize| {
            self.parts.get(i).map(|p| LinkView {
                title: match p.pages {
                    1 => p.label.clone(),
                    _ => format!("{} ({} of {})", p.label, p.page, p.pages),
                },
                url: p.url.clone(),
                date: None,
            })
        };
        match (self.one_page, shown) {
            (false, Some(i)) => [i.checked_sub(1).and_then(link), link(i + 1)],
            _ => [None, None],
        }
    }
}

fn count(groups: &[DateGroupView]) -> usize {
    groups.iter().map(|g| g.events.len()).sum()
}

/// Adds a year's parts (the year, or its months when the year is too long for one page)
/// to `parts` and returns the year's entry of the overview.
fn year_parts(
    (year, groups): Year,
    one_page: bool,
    url: &impl Fn(&str, &str) -> String,
    parts: &mut Vec<TimelinePart>,
) -> PeriodLink {
    let year_key = year.to_string();
    let total: usize = groups.iter().map(|(_, _, v)| v.events.len()).sum();
    let by_month = !one_page && total > PAGE_EVENTS;
    let year_id = format!("y-{year_key}");
    let mut months: Vec<PeriodLink> = Vec::new();
    let mut month_groups: Vec<Vec<DateGroupView>> = Vec::new();
    for (start, granularity, view) in groups {
        let key = format!("{year:04}-{:02}", start.month());
        if months.last().is_none_or(|m| m.key != key) {
            let name = crate::language::calendar::month_name(start.month());
            let link = match (by_month, one_page) {
                (true, _) => url(&key, ""),
                (false, true) => format!("#{}", view.id),
                (false, false) => format!("{}#{}", url(&year_key, ""), view.id),
            };
            months.push(PeriodLink {
                key,
                label: name.to_string(),
                url: link,
                event_count: 0,
                months: Vec::new(),
            });
            month_groups.push(Vec::new());
        }
        if let (Some(m), Some(g)) = (months.last_mut(), month_groups.last_mut()) {
            if by_month || granularity < Granularity::Season {
                m.event_count += view.events.len();
            }
            g.push(view);
        }
    }
    let link = PeriodLink {
        url: match by_month {
            true => months.first().map_or_else(String::new, |m| m.url.clone()),
            false => url(&year_key, &year_id),
        },
        key: year_key.clone(),
        label: year_key,
        event_count: total,
        months: months
            .iter()
            .filter(|m| m.event_count > 0)
            .cloned()
            .collect(),
    };
    if by_month {
        for (m, groups) in months.into_iter().zip(month_groups) {
            let label = format!("{} {year}", m.label);
            parts.extend(paged(part(m.key, label, groups), one_page));
        }
    } else {
        let groups = month_groups.into_iter().flatten().collect();
        parts.extend(paged(
            part(link.key.clone(), link.label.clone(), groups),
            one_page,
        ));
    }
    link
}

fn part(key: String, label: String, groups: Vec<DateGroupView>) -> TimelinePart {
    let id = match key.as_str() {
        "undated" => "undated".to_string(),
        _ => format!("y-{key}"),
    };
    TimelinePart {
        key,
        label,
        id,
        url: String::new(),
        event_count: count(&groups),
        page: 1,
        pages: 1,
        groups,
    }
}

/// A part longer than [`PAGE_EVENTS`] cut into numbered pages (not on a one-page
/// timeline). A date group cut in two is headed by its date again on the next page,
/// marked `continued`.
fn paged(part: TimelinePart, one_page: bool) -> Vec<TimelinePart> {
    let total = part.event_count;
    let pages = pages_for(total, PAGE_EVENTS);
    if one_page || pages == 1 {
        return vec![part];
    }
    let mut flat: Vec<(usize, usize)> = Vec::with_capacity(total);
    for (g, group) in part.groups.iter().enumerate() {
        flat.extend((0..group.events.len()).map(|e| (g, e)));
    }
    (1..=pages)
        .map(|n| {
            let mut groups: Vec<DateGroupView> = Vec::new();
            let mut last = usize::MAX;
            for &(g, e) in &flat[range_for(total, PAGE_EVENTS, n)] {
                let source = &part.groups[g];
                if g != last {
                    groups.push(DateGroupView {
                        events: Vec::new(),
                        continued: e > 0,
                        ..source.clone_head()
                    });
                    last = g;
                }
                if let Some(view) = groups.last_mut() {
                    view.events.push(source.events[e].clone());
                }
            }
            let key = match n {
                1 => part.key.clone(),
                _ => format!("{}/{n}", part.key),
            };
            TimelinePart {
                id: format!("{}-{n}", part.id),
                key,
                label: part.label.clone(),
                url: String::new(),
                event_count: count(&groups),
                page: n,
                pages,
                groups,
            }
        })
        .collect()
}

impl DateGroupView {
    /// The group without its events.
    fn clone_head(&self) -> DateGroupView {
        DateGroupView {
            value: self.value.clone(),
            label: self.label.clone(),
            granularity: self.granularity,
            datetime: self.datetime.clone(),
            id: self.id.clone(),
            continued: self.continued,
            events: Vec::new(),
        }
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
        continued: false,
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
