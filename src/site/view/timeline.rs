//! Views of merged timelines: the timeline pages (`parts`, `overview` in
//! `timeline.html`) and the timeline of an actor page.
//!
//! The merged timeline of the corpus comes in, cut into pages a reader can scroll: one
//! page while it is short, else parts of a year, a month of a dense year, or numbered
//! pages of a dense month (see [`PAGE_EVENTS`]), packed into pages so sparse years share
//! one. Every page carries the overview of all periods, so any date is two clicks away;
//! the counts of events (per period and in all) are on `timeline/` only, so that an event
//! added to one period changes that period's page and the overview, not every page of
//! the timeline. `timeline/` of a split timeline leads with the latest events (a reader
//! who opens "Timeline" wants to know what happened last).

use serde::Serialize;

use jiff::civil::Date;

use crate::analysis::timex::value::Granularity;
use crate::briefing::EventMeta;
use crate::corpus::timeline::{self, DateGroup, MergedEvent, Period};
use crate::corpus::{ActorId, EventRef, Participant};

use super::super::index::SiteIndex;
use super::dates::{UNCLEAR, datetime, event_when, granularity, period_label};
use super::group_views::{GroupSlice, GroupViews};
use super::periods::{count, paged, part, year_parts};
pub use super::timeline_pages::TimelinePage;
use super::timeline_pages::{latest, pages_of, resolve};
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
    /// The part's date groups (or the part of a group on this page); empty when the part
    /// is not shown on this page.
    pub groups: Vec<GroupSlice>,
    /// The dense month whose days or longer periods this part shows (`2024-03`): its
    /// parts share pages only with each other, so that an edit moves no page outside it.
    #[serde(skip)]
    pub within: Option<String>,
}

impl TimelinePart {
    /// The label, with the page number when its period takes several (`March 2024 (2 of 3)`).
    pub fn title(&self) -> String {
        match self.pages {
            1 => self.label.clone(),
            n => format!("{} ({} of {n})", self.label, self.page),
        }
    }
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
    /// The key of the part the link leads to, and the fragment inside it (a date group),
    /// until the pages are known (see `timeline_pages::resolve`).
    #[serde(skip)]
    pub target: (String, Option<String>),
}

impl PeriodLink {
    pub(super) fn new(key: String, label: String, target: (String, Option<String>)) -> Self {
        PeriodLink {
            key,
            label,
            url: String::new(),
            event_count: 0,
            months: Vec::new(),
            target,
        }
    }
}

/// Events `timeline/` shows when the timeline is split: the latest dated ones, so the
/// page a reader lands on tells what happened last, with the overview to go further back.
pub const LATEST_EVENTS: usize = 20;

/// A period of the overview without its count, as part pages show it.
#[derive(Debug, Clone, Serialize)]
pub struct PlainPeriodLink {
    pub key: String,
    pub label: String,
    pub url: String,
    pub months: Vec<PlainPeriodLink>,
}

/// The merged timeline of the whole site, built once per render.
#[derive(Debug, Clone)]
pub struct Timeline {
    /// Years (or their months, or pages) oldest first, then the undated part.
    pub parts: Vec<TimelinePart>,
    /// The pages of a split timeline (none when it is one page).
    pub pages: Vec<TimelinePage>,
    /// Every year with its months, then the undated events.
    pub overview: Vec<PeriodLink>,
    /// The overview as part pages show it (see [`plain_overview`]).
    plain: Vec<PlainPeriodLink>,
    /// Digests of the overview as `timeline/` and as part pages show it (its JSON), so
    /// that the keys of 500 timeline pages do not each serialise the whole overview.
    overview_digests: ([u8; 16], [u8; 16]),
    pub event_count: usize,
    /// Every part fits on `timeline/`; otherwise each page has its own URL.
    pub one_page: bool,
    /// On a split timeline, the latest [`LATEST_EVENTS`] dated events, and the page with
    /// the events before them.
    pub latest: Vec<GroupSlice>,
    pub before_latest: Option<LinkView>,
}

/// What `timeline.html` receives for one page (see `docs/templates.md`).
#[derive(Debug, Clone, Serialize)]
pub struct TimelineView<'a> {
    /// The parts shown, with their groups: all of them on a one-page timeline, those of
    /// the current page on a page of a split one, none on `timeline/` when split.
    pub parts: &'a [TimelinePart],
    /// With counts on `timeline/`; without them on a page of a split timeline (see
    /// [`plain_overview`]).
    pub overview: OverviewView<'a>,
    /// Events in all, on `timeline/` only.
    pub event_count: Option<usize>,
    pub one_page: bool,
    /// The page shown, or none on `timeline/`.
    pub current: Option<&'a TimelinePage>,
    /// The latest events, on `timeline/` of a split timeline only.
    pub latest: &'a [GroupSlice],
    pub older: Option<LinkView>,
    pub newer: Option<LinkView>,
}

/// The overview as one page shows it.
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum OverviewView<'a> {
    Counted(&'a [PeriodLink]),
    Plain(&'a [PlainPeriodLink]),
}

/// One year's groups with the first day of each group's period.
pub(super) type Year = (i16, Vec<(Date, Granularity, GroupSlice)>);

impl Timeline {
    /// Cuts the merged timeline of the corpus into parts (see [`PAGE_EVENTS`]), packs
    /// them into pages and builds the overview.
    pub fn build(index: &SiteIndex, kept: &GroupViews) -> Timeline {
        let mut years: Vec<Year> = Vec::new();
        let mut undated: Vec<GroupSlice> = Vec::new();
        let groups: Vec<_> = index.corpus.timeline().versioned_groups().collect();
        let views = kept.views(index, &groups);
        for ((_, _, group), view) in groups.into_iter().zip(views) {
            let view = GroupSlice::whole(view);
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
                .map(|(_, _, v)| v.len())
                .sum::<usize>();
        let one_page = event_count <= PAGE_EVENTS;
        let mut parts = Vec::new();
        let mut overview = Vec::new();
        for year in years {
            overview.push(year_parts(year, one_page, &mut parts));
        }
        if !undated.is_empty() {
            let key = "undated";
            let undated = part(key.into(), "Without a fixed date".into(), undated);
            let mut link = PeriodLink::new(key.into(), undated.label.clone(), (key.into(), None));
            link.event_count = undated.event_count;
            overview.push(link);
            parts.extend(paged(undated, one_page));
        }
        let pages = match one_page {
            true => Vec::new(),
            false => pages_of(index, &mut parts),
        };
        if one_page {
            for p in &mut parts {
                p.url = format!("#{}", p.id);
            }
        }
        resolve(&mut overview, &parts);
        let (latest, before_latest) = latest(&parts, &pages);
        let plain = plain_overview(&overview);
        let digest = |view: OverviewView| {
            crate::site::blake3_key(&serde_json::to_vec(&view).unwrap_or_default())
        };
        let overview_digests = (
            digest(OverviewView::Counted(&overview)),
            digest(OverviewView::Plain(&plain)),
        );
        Timeline {
            parts,
            pages,
            overview,
            plain,
            overview_digests,
            event_count,
            one_page,
            latest,
            before_latest,
        }
    }

    /// What `timeline.html` shows on page `shown` (`None`: `timeline/` itself).
    pub fn view(&self, shown: Option<usize>) -> TimelineView<'_> {
        let link = |i: usize| {
            self.pages.get(i).map(|p| LinkView {
                title: p.title.clone(),
                url: p.url.clone(),
                date: None,
            })
        };
        let current = shown.and_then(|i| self.pages.get(i));
        let (parts, latest, older, newer) = match (self.one_page, current, shown) {
            (true, _, _) => (&self.parts[..], &[][..], None, None),
            (false, Some(page), Some(i)) => (
                &self.parts[page.parts.clone()],
                &[][..],
                i.checked_sub(1).and_then(link),
                link(i + 1),
            ),
            _ => (&[][..], &self.latest[..], self.before_latest.clone(), None),
        };
        let (overview, event_count) = match current {
            Some(_) => (OverviewView::Plain(&self.plain), None),
            None => (
                OverviewView::Counted(&self.overview),
                Some(self.event_count),
            ),
        };
        TimelineView {
            parts,
            overview,
            event_count,
            one_page: self.one_page,
            current,
            latest,
            older,
            newer,
        }
    }

    /// The digest of the overview as page `shown` shows it (see [`Timeline::view`]).
    pub fn overview_digest(&self, shown: Option<usize>) -> [u8; 16] {
        match shown.and_then(|i| self.pages.get(i)) {
            Some(_) => self.overview_digests.1,
            None => self.overview_digests.0,
        }
    }
}

/// The overview as a part page shows it: the periods and where they are, without
/// their counts (those are on `timeline/`), so that an event added to one period
/// changes no other period's page.
fn plain_overview(overview: &[PeriodLink]) -> Vec<PlainPeriodLink> {
    fn plain(link: &PeriodLink) -> PlainPeriodLink {
        PlainPeriodLink {
            key: link.key.clone(),
            label: link.label.clone(),
            url: link.url.clone(),
            months: link.months.iter().map(plain).collect(),
        }
    }
    overview.iter().map(plain).collect()
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

pub(super) fn group_view(index: &SiteIndex, group: &DateGroup) -> DateGroupView {
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

/// An event of the site's timeline: its actors, then the things it involves (each
/// site organisation or place once, each thing's name once), across its sources.
fn event_view(index: &SiteIndex, event: &MergedEvent) -> TimelineEvent {
    let meta = index.corpus.event(event.sources[0]);
    let mut ids: Vec<ActorId> = Vec::new();
    let mut things: Vec<&str> = Vec::new();
    for &source in &event.sources {
        for &id in index.corpus.event_actors(source) {
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
    }
    for &source in &event.sources {
        for p in index.corpus.event_things(source) {
            match p {
                Participant::Actor(id) if !ids.contains(&id) => ids.push(id),
                Participant::Thing(name) if !things.contains(&name) => things.push(name),
                _ => {}
            }
        }
    }
    let mut actors: Vec<ActorRef> = ids
        .into_iter()
        .map(|id| ActorRef::new(index, id, None))
        .collect();
    actors.extend(things.into_iter().map(ActorRef::thing));
    TimelineEvent {
        text: event.text.clone(),
        when: event_when(meta),
        actors,
        sources: event
            .sources
            .iter()
            .map(|s| LinkView::briefing(index, s.briefing))
            .collect(),
        reported: meta.reported,
    }
}
