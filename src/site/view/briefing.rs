//! The view of one briefing page (`briefing` in `briefing.html`): the front matter in
//! the forms the page shows (key points, actor cards and place chips, the timeline),
//! the body cut by `sections`, related briefings and neighbours.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use crate::analysis::{ActorKind, timex::value};
use crate::briefing::{BriefingMeta, EventMeta};
use crate::corpus::{ActorId, BriefingId, EventRef};

use super::super::index::SiteIndex;
use super::super::markdown::Body;
use super::super::urls;
use super::dates::event_when;
pub use super::dates::{datetime, granularity};
use super::sections;
pub use super::sections::BodySection;
use super::{ActorRef, BriefingCard, LinkView};

/// Related briefings shown on a briefing page.
pub const RELATED: usize = 5;
/// Shared actors named for each related briefing.
pub const RELATED_SHARED: usize = 4;

/// `briefing.source`.
#[derive(Debug, Clone, Serialize)]
pub struct SourceView {
    pub name: Option<String>,
    /// Only absolute `http(s)` URLs; anything else is left out.
    pub url: Option<String>,
    pub author: Option<String>,
}

/// An entry of `briefing.actors`.
#[derive(Debug, Clone, Serialize)]
pub struct BriefingActor {
    /// The site actor (name, url, type) with the role it has in this briefing.
    #[serde(flatten)]
    pub actor: ActorRef,
    /// The name as this briefing writes it, when it differs from the site-wide name.
    pub name_here: Option<String>,
    pub aliases: Vec<String>,
    pub quotes: Vec<String>,
    pub mentions: usize,
    pub salience: f64,
}

/// An entry of a briefing's own timeline.
#[derive(Debug, Clone, Serialize)]
pub struct EventView {
    /// The TIMEX3 value (`2022-01-26`, `2021-12`, `2022-W05`).
    pub date: String,
    /// The date for readers (`when` from the file, else derived from `date`).
    pub when: String,
    /// `day`, `week`, `month`, ... or `unknown` for values without a fixed period.
    pub granularity: &'static str,
    /// A value for `<time datetime>`, when HTML can express the period.
    pub datetime: Option<String>,
    pub text: String,
    pub actors: Vec<ActorRef>,
    /// The event before it has the same date (`when`): a template may show the date once.
    pub continues: bool,
    /// Told without a date of its own and placed at the publication date (`when` reads
    /// "reported 28 January 2022"); `false` for an event the article dates.
    pub reported: bool,
}

/// A heading of the body.
#[derive(Debug, Clone, Serialize)]
pub struct HeadingView {
    pub level: u8,
    pub id: String,
    pub text: String,
}

/// `briefing.related`.
#[derive(Debug, Clone, Serialize)]
pub struct RelatedView {
    pub briefing: BriefingCard,
    /// Actors both briefings share, at most [`RELATED_SHARED`]: people and
    /// organisations first, then groups, then places.
    pub shared: Vec<ActorRef>,
    /// Shared actors left out of `shared`.
    pub shared_more: usize,
}

/// `briefing`.
#[derive(Debug, Clone, Serialize)]
pub struct BriefingView {
    #[serde(flatten)]
    pub card: BriefingCard,
    pub permalink: String,
    pub source: SourceView,
    /// Summary points (a point that only repeats the lede is left out); empty when the
    /// body's "Summary" was edited (`summary_html`).
    pub summary: Vec<String>,
    /// Every actor of the briefing, in the file's order (most salient first).
    pub actors: Vec<BriefingActor>,
    /// The people, organisations and groups, each site actor once, most salient first.
    pub key_actors: Vec<BriefingActor>,
    /// The places, each once, most salient first.
    pub places: Vec<BriefingActor>,
    /// Empty when the body's "Timeline" was edited (`timeline_html`).
    pub timeline: Vec<EventView>,
    /// An edited "Summary", "Key actors" or "Timeline" section of the body, shown in
    /// place of the key points, under the actor cards, in place of the timeline:
    /// sanitised HTML, `| safe`.
    pub summary_html: Option<String>,
    pub actors_html: Option<String>,
    pub timeline_html: Option<String>,
    /// The rendered, sanitised body: print it with `| safe`.
    pub body_html: String,
    /// The body without the sections shown elsewhere on the page (the "Summary", "Key
    /// actors" and "Timeline" sections, repeated from the front matter or placed): `| safe`.
    pub body_rest_html: String,
    /// The body cut at each top-level heading.
    pub body_sections: Vec<BodySection>,
    pub headings: Vec<HeadingView>,
    pub related: Vec<RelatedView>,
    /// The next briefing in time, and the previous one.
    pub newer: Option<LinkView>,
    pub older: Option<LinkView>,
}

impl BriefingView {
    pub fn new(index: &SiteIndex, b: BriefingId, body: &Body) -> Self {
        let briefing = index.briefing(b);
        let meta = &briefing.meta;
        let cut = sections::cut(body, briefing);
        let [summary_html, actors_html, timeline_html] = cut.placed.clone();
        let actors = briefing_actors(index, b);
        let (places, key_actors) = ranked(&actors);
        let not_blank = |s: &Option<String>| s.clone().filter(|n| !n.trim().is_empty());
        BriefingView {
            card: BriefingCard::new(index, b),
            permalink: index.permalink(&index.briefing_path(b)),
            source: SourceView {
                name: not_blank(&meta.source.name),
                url: meta
                    .source
                    .url
                    .as_deref()
                    .and_then(urls::web_url)
                    .map(str::to_string),
                author: not_blank(&meta.source.author),
            },
            summary: match summary_html {
                Some(_) => Vec::new(),
                None => summary_points(meta),
            },
            key_actors,
            places,
            actors,
            timeline: match timeline_html {
                Some(_) => Vec::new(),
                None => timeline(index, b),
            },
            summary_html,
            actors_html,
            timeline_html,
            body_html: body.html.clone(),
            body_rest_html: cut.rest_html(),
            body_sections: cut.sections,
            headings: body.headings.iter().map(HeadingView::new).collect(),
            related: related_views(index, b),
            newer: neighbour(index, b, -1),
            older: neighbour(index, b, 1),
        }
    }
}

impl HeadingView {
    fn new(h: &super::super::markdown::Heading) -> Self {
        HeadingView {
            level: h.level,
            id: h.id.clone(),
            text: h.text.clone(),
        }
    }
}

/// The briefing `step` places away in the site order (-1: the newer one).
fn neighbour(index: &SiteIndex, b: BriefingId, step: isize) -> Option<LinkView> {
    let at = index.corpus.position(b).checked_add_signed(step)?;
    let other = *index.order().get(at)?;
    Some(LinkView::briefing(index, other))
}

/// The briefing's events by date; an event with the same `when` as the one before
/// `continues` it.
fn timeline(index: &SiteIndex, b: BriefingId) -> Vec<EventView> {
    let meta = &index.briefing(b).meta;
    let roles: HashMap<ActorId, &str> = index
        .corpus
        .actors_of(b)
        .iter()
        .zip(&meta.actors)
        .rev()
        .filter_map(|(&id, a)| Some((id, a.role.as_deref()?)))
        .collect();
    let mut timeline: Vec<EventView> = meta
        .key_events()
        .map(|(i, e)| {
            let ids = index.corpus.event_actors(EventRef::new(b, i));
            event_view(index, &roles, e, ids)
        })
        .collect();
    timeline.sort_by_cached_key(|e| value::sort_key(&e.date));
    for i in 1..timeline.len() {
        timeline[i].continues = timeline[i].when == timeline[i - 1].when;
    }
    timeline
}

/// The briefing's places and its other actors, each site actor once, by salience
/// (file order on ties).
fn ranked(actors: &[BriefingActor]) -> (Vec<BriefingActor>, Vec<BriefingActor>) {
    let mut seen = HashSet::new();
    let mut unique: Vec<BriefingActor> = actors
        .iter()
        .filter(|a| seen.insert(a.actor.slug.clone()))
        .cloned()
        .collect();
    unique.sort_by(|a, b| b.salience.total_cmp(&a.salience));
    unique
        .into_iter()
        .partition(|a| a.actor.kind == ActorKind::Place.as_str())
}

/// The summary points, without blank ones and without one that only repeats the lede
/// (shown just above the summary box).
fn summary_points(meta: &BriefingMeta) -> Vec<String> {
    let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let lede = words(&meta.lede);
    meta.summary
        .iter()
        .filter(|s| !s.trim().is_empty() && words(s) != lede)
        .cloned()
        .collect()
}

fn briefing_actors(index: &SiteIndex, b: BriefingId) -> Vec<BriefingActor> {
    let meta = &index.briefing(b).meta;
    meta.actors
        .iter()
        .zip(index.corpus.actors_of(b))
        .map(|(a, &id)| {
            let actor = ActorRef::new(index, id, a.role.as_deref());
            BriefingActor {
                name_here: (a.name.trim() != actor.name).then(|| a.name.trim().to_string()),
                actor,
                aliases: a.aliases.clone(),
                quotes: a.quotes.clone(),
                mentions: a.mentions,
                salience: a.salience,
            }
        })
        .collect()
}

fn related_views(index: &SiteIndex, b: BriefingId) -> Vec<RelatedView> {
    index
        .corpus
        .related(b, RELATED)
        .into_iter()
        .map(|r| {
            let mut shared = r.shared;
            // Stable: the briefing's own order (most salient first) within each rank.
            shared.sort_by_key(|&id| match index.corpus.actor(id).kind {
                ActorKind::Person | ActorKind::Organization => 0,
                ActorKind::Group => 1,
                ActorKind::Place => 2,
            });
            RelatedView {
                briefing: BriefingCard::new(index, r.briefing),
                shared_more: shared.len().saturating_sub(RELATED_SHARED),
                shared: shared
                    .iter()
                    .take(RELATED_SHARED)
                    .map(|&id| ActorRef::new(index, id, None))
                    .collect(),
            }
        })
        .collect()
}

/// An event; `roles` maps a site actor to its role in this briefing.
fn event_view(
    index: &SiteIndex,
    roles: &HashMap<ActorId, &str>,
    event: &EventMeta,
    ids: &[ActorId],
) -> EventView {
    EventView {
        date: event.date.trim().to_string(),
        when: event_when(event),
        granularity: granularity(&event.date),
        datetime: datetime(&event.date),
        text: event.text.trim().to_string(),
        continues: false,
        reported: event.reported,
        actors: ids
            .iter()
            .map(|&id| ActorRef::new(index, id, roles.get(&id).copied()))
            .collect(),
    }
}
