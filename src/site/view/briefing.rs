//! The view of one briefing page (`briefing` in `briefing.html`): the front matter in
//! the forms the page shows (key points, actor cards and place chips, the timeline),
//! the body cut by `sections`, related briefings and neighbours.

use std::collections::HashMap;

use serde::Serialize;

use crate::analysis::{ActorKind, timex::value};
use crate::briefing::{BriefingMeta, EventMeta};
use crate::corpus::{ActorId, BriefingId, EventRef, Participant};

use super::super::index::SiteIndex;
use super::super::markdown::Body;
use super::super::svg::strip::{self, Dating, Strip};
use super::super::urls;
use super::briefing_actors::{briefing_actors, ranked, things_shown};
use super::dates::event_when;
pub use super::dates::{datetime, granularity};
use super::repeats::{self, Lead};
use super::sections;
pub use super::sections::BodySection;
use super::{ActorRef, BriefingCard, LinkView};

/// People, organisations and groups shown as cards on a briefing page; the others are
/// chips, so "Who is involved" stays about a screen high.
pub const KEY_ACTORS: usize = 8;
/// Related briefings shown on a briefing page.
pub const RELATED: usize = 5;
/// Shared actors named for each related briefing.
pub const RELATED_SHARED: usize = 4;

/// `briefing.source`: the original article, for readers (never its file path).
#[derive(Debug, Clone, Serialize)]
pub struct SourceView {
    pub name: Option<String>,
    /// Only absolute `http(s)` URLs; anything else is left out.
    pub url: Option<String>,
    /// None when it only repeats `name` ("BBC News, BBC News").
    pub author: Option<String>,
    /// The body has a "Source" section someone edited (shown in the body); otherwise
    /// the page shows the source from these fields.
    pub in_body: bool,
}

impl SourceView {
    fn new(meta: &BriefingMeta, cut: &sections::Cut) -> Self {
        let not_blank = |s: &Option<String>| {
            s.as_deref()
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .map(str::to_string)
        };
        let name = not_blank(&meta.source.name);
        let author = not_blank(&meta.source.author)
            .filter(|a| !name.as_ref().is_some_and(|n| n.eq_ignore_ascii_case(a)));
        SourceView {
            url: urls::source_url(meta),
            name,
            author,
            in_body: cut
                .sections
                .iter()
                .any(|s| !s.repeats && s.title.trim().eq_ignore_ascii_case("source")),
        }
    }
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
    /// Briefings of the site it appears in.
    pub briefing_count: usize,
    /// A news outlet the article only cites as the source of a report.
    pub source: bool,
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
    /// The sentence above that already tells this event (`#lede`, `#kp-2`): the entry
    /// then shows only `opening`, linked there (see `repeats`).
    pub told_above: Option<String>,
    /// The entry's first words, when `told_above`; else empty.
    pub opening: String,
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
    /// The article's language when it is not English (`lang` of the `<article>`).
    pub language: Option<String>,
    pub source: SourceView,
    /// Summary points (a point that repeats the lede is left out, and when it says more
    /// it is the page's `lede`); empty when the body's "Summary" was edited (`summary_html`).
    pub summary: Vec<String>,
    /// Every actor of the briefing, in the file's order (most salient first).
    pub actors: Vec<BriefingActor>,
    /// The people, organisations and groups, each site actor once, most salient first:
    /// the first [`KEY_ACTORS`] (shown as cards) ...
    pub key_actors: Vec<BriefingActor>,
    /// ... and the rest (shown as chips).
    pub other_actors: Vec<BriefingActor>,
    /// The places, each once, most salient first.
    pub places: Vec<BriefingActor>,
    /// The news outlets the article only cites as sources ("told ABC News"), each once:
    /// not in `key_actors` nor `other_actors`.
    pub sources: Vec<BriefingActor>,
    /// Names of the things the briefing shows (products, indices, laws, events named
    /// at least twice: `BriefingMeta::things_shown`), as plain text: things have no
    /// pages. Empty when the body's "Key actors" was edited (`actors_html` has them).
    /// A thing the site knows as an organisation or place is shown as that actor, in
    /// `other_actors` or `places` (an entity has one kind across the site).
    pub things: Vec<String>,
    /// Empty when the body's "Timeline" was edited (`timeline_html`).
    pub timeline: Vec<EventView>,
    /// The timeline as a picture (inline SVG, `| safe`; see `svg::strip`): empty when
    /// no event has a fixed date. Each mark links to its event (`#ev-1`, ...).
    pub timeline_svg: String,
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
        let (mut places, ranked_actors) = ranked(&actors);
        let (sources, mut key_actors): (Vec<_>, Vec<_>) =
            ranked_actors.into_iter().partition(|a| a.source);
        let mut other_actors = key_actors.split_off(KEY_ACTORS.min(key_actors.len()));
        let mut lead = match summary_html {
            Some(_) => repeats::lead(&meta.lede, &[]),
            None => repeats::lead(&meta.lede, &meta.summary),
        };
        lead.quotes = key_actors
            .iter()
            .map(|a| a.quotes.first().cloned().unwrap_or_default())
            .collect();
        let events = match timeline_html {
            Some(_) => Vec::new(),
            None => timeline(index, b, &lead),
        };
        let mut things = Vec::new();
        if actors_html.is_none() {
            for actor in things_shown(index, b, &mut things) {
                match actor.actor.kind == ActorKind::Place.as_str() {
                    true => places.push(actor),
                    false => other_actors.push(actor),
                }
            }
        }
        let mut card = BriefingCard::new(index, b);
        card.lede = lead.lede;
        BriefingView {
            card,
            permalink: index.permalink(&index.briefing_path(b)),
            language: meta.language.clone(),
            source: SourceView::new(meta, &cut),
            summary: lead.points,
            key_actors,
            other_actors,
            places,
            sources,
            things,
            actors,
            timeline_svg: strip::render(&timeline_strip(&events)),
            timeline: events,
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
/// `continues` it; an event `lead` tells already is marked `told_above`.
fn timeline(index: &SiteIndex, b: BriefingId, lead: &Lead) -> Vec<EventView> {
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
            let at = EventRef::new(b, i);
            let ids = index.corpus.event_actors(at);
            let mut actors: Vec<ActorRef> = ids
                .iter()
                .map(|&id| ActorRef::new(index, id, roles.get(&id).copied()))
                .collect();
            for p in index.corpus.event_things(at) {
                if !matches!(p, Participant::Actor(id) if ids.contains(&id)) {
                    actors.push(ActorRef::participant(index, p, b));
                }
            }
            event_view(e, actors)
        })
        .collect();
    timeline.sort_by_cached_key(|e| value::sort_key(&e.date));
    for i in 1..timeline.len() {
        timeline[i].continues = timeline[i].when == timeline[i - 1].when;
    }
    for e in &mut timeline {
        e.told_above = repeats::told_above(&e.text, lead);
        if e.told_above.is_some() {
            e.opening = repeats::opening(&e.text);
        }
    }
    timeline
}

/// The strip of a briefing's timeline; each mark links to its event in the list.
fn timeline_strip(timeline: &[EventView]) -> Strip {
    let mut strip = Strip::new("timeline-picture", "Timeline of this briefing");
    for (i, e) in timeline.iter().enumerate() {
        let href = format!("#ev-{}", i + 1);
        strip.add(&e.date, &e.when, &e.text, &href, Dating::Explicit);
    }
    strip
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
                ActorKind::Place | ActorKind::Thing => 2,
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

/// An event with the actors and things it involves.
fn event_view(event: &EventMeta, actors: Vec<ActorRef>) -> EventView {
    EventView {
        date: event.date.trim().to_string(),
        when: event_when(event),
        granularity: granularity(&event.date),
        datetime: datetime(&event.date),
        text: event.text.trim().to_string(),
        continues: false,
        reported: event.reported,
        told_above: None,
        opening: String::new(),
        actors,
    }
}
