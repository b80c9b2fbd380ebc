//! The view of one briefing page (`briefing` in `briefing.html`).

use serde::Serialize;

use crate::analysis::timex::value;

use crate::briefing::{self, Briefing, BriefingMeta, EventMeta};

use super::super::index::SiteIndex;
use super::super::markdown::Body;
use super::super::related::related;
use super::super::urls;
use super::{ActorRef, BriefingCard, LinkView};

/// Related briefings shown on a briefing page.
pub const RELATED: usize = 5;

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
}

/// A heading of the body.
#[derive(Debug, Clone, Serialize)]
pub struct HeadingView {
    pub level: u8,
    pub id: String,
    pub text: String,
}

/// A top-level section of the body.
#[derive(Debug, Clone, Serialize)]
pub struct BodySection {
    /// The heading's id and text; empty for the part before the first heading.
    pub id: String,
    pub title: String,
    /// Sanitised HTML, heading included: `| safe`.
    pub html: String,
    /// It repeats a part of the front matter shown elsewhere on the page.
    pub repeats: bool,
}

/// `briefing.related`.
#[derive(Debug, Clone, Serialize)]
pub struct RelatedView {
    pub briefing: BriefingCard,
    /// The actors both briefings share.
    pub shared: Vec<ActorRef>,
}

/// `briefing`.
#[derive(Debug, Clone, Serialize)]
pub struct BriefingView {
    #[serde(flatten)]
    pub card: BriefingCard,
    pub permalink: String,
    pub source: SourceView,
    /// Summary points (a point that only repeats the lede is left out).
    pub summary: Vec<String>,
    /// Every actor of the briefing, in the file's order (most salient first).
    pub actors: Vec<BriefingActor>,
    pub timeline: Vec<EventView>,
    /// The rendered, sanitised body: print it with `| safe`.
    pub body_html: String,
    /// The body without the sections that repeat what the page already shows from
    /// the front matter (a "Summary", "Key actors" or "Timeline" section when the
    /// briefing has summary points, actors or events): `| safe`.
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
    pub fn new(index: &SiteIndex, b: usize, body: &Body) -> Self {
        let meta = &index.briefings[b].meta;
        let mut timeline: Vec<EventView> = meta
            .timeline
            .iter()
            .zip(&index.event_actors[b])
            .map(|(e, ids)| event_view(index, b, e, ids))
            .collect();
        timeline.sort_by_cached_key(|e| value::sort_key(&e.date));
        for i in 1..timeline.len() {
            timeline[i].continues = timeline[i].when == timeline[i - 1].when;
        }
        let not_blank = |s: &Option<String>| s.clone().filter(|n| !n.trim().is_empty());
        let sections = body_sections(body, index.briefings[b]);
        // A section someone edited replaces the front matter's form of it on the page
        // (the actor cards stay: they are how readers reach actor pages).
        let edited = |name: &str| {
            sections
                .iter()
                .any(|s| !s.repeats && s.title.trim().eq_ignore_ascii_case(name))
        };
        if edited("Timeline") {
            timeline.clear();
        }
        let summary = if edited("Summary") {
            Vec::new()
        } else {
            summary_points(meta)
        };
        let rest: String = sections
            .iter()
            .filter(|s| !s.repeats)
            .map(|s| s.html.as_str())
            .collect();
        let headings = body.headings.iter();
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
            summary,
            actors: briefing_actors(index, b),
            timeline,
            body_html: body.html.clone(),
            body_rest_html: rest,
            body_sections: sections,
            headings: headings
                .map(|h| HeadingView {
                    level: h.level,
                    id: h.id.clone(),
                    text: h.text.clone(),
                })
                .collect(),
            related: related_views(index, b),
            newer: b.checked_sub(1).map(|n| LinkView::briefing(index, n)),
            older: (b + 1 < index.briefings.len()).then(|| LinkView::briefing(index, b + 1)),
        }
    }
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

/// The body cut at its top-level headings; a section that is still exactly as the tool
/// wrote it (see `briefing::sections`) is marked as repeating the front matter.
fn body_sections(body: &Body, briefing: &Briefing) -> Vec<BodySection> {
    let untouched = briefing::sections::untouched(&briefing.meta, &briefing.body);
    body.sections
        .iter()
        .map(|s| {
            let heading = s.heading.and_then(|h| body.headings.get(h));
            let title = heading.map_or(String::new(), |h| h.text.clone());
            BodySection {
                id: heading.map_or(String::new(), |h| h.id.clone()),
                repeats: heading.is_some() && untouched.iter().any(|u| u.trim() == title.trim()),
                title,
                html: s.html.clone(),
            }
        })
        .collect()
}

fn briefing_actors(index: &SiteIndex, b: usize) -> Vec<BriefingActor> {
    let meta = &index.briefings[b].meta;
    meta.actors
        .iter()
        .zip(index.actors.of_briefing(b))
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

fn related_views(index: &SiteIndex, b: usize) -> Vec<RelatedView> {
    related(index, b, RELATED)
        .into_iter()
        .map(|r| RelatedView {
            briefing: BriefingCard::new(index, r.briefing),
            shared: r
                .shared
                .iter()
                .map(|&id| ActorRef::new(index, id, None))
                .collect(),
        })
        .collect()
}

fn event_view(index: &SiteIndex, b: usize, event: &EventMeta, ids: &[usize]) -> EventView {
    let list = &index.briefings[b].meta.actors;
    let role_of = |id: usize| {
        let position = index.actors.of_briefing(b).iter().position(|&x| x == id)?;
        list[position].role.as_deref()
    };
    EventView {
        date: event.date.trim().to_string(),
        when: if event.when.trim().is_empty() {
            value::label(&event.date)
        } else {
            event.when.trim().to_string()
        },
        granularity: granularity(&event.date),
        datetime: datetime(&event.date),
        text: event.text.trim().to_string(),
        continues: false,
        actors: ids
            .iter()
            .map(|&id| ActorRef::new(index, id, role_of(id)))
            .collect(),
    }
}

/// The granularity word of a TIMEX3 value, `unknown` when it names no fixed period.
pub fn granularity(date: &str) -> &'static str {
    match value::parse(date) {
        value::Anchor::Fixed { granularity, .. } => granularity.as_str(),
        value::Anchor::Floating => "unknown",
    }
}

/// A valid HTML `datetime` for the periods HTML can name (day, week, month, year).
pub fn datetime(date: &str) -> Option<String> {
    use value::Granularity as G;
    let value::Anchor::Fixed { start, granularity } = value::parse(date) else {
        return None;
    };
    match granularity {
        G::Day | G::Time | G::PartOfDay => Some(start.to_string()),
        G::Week => {
            let week = start.iso_week_date();
            Some(format!("{:04}-W{:02}", week.year(), week.week()))
        }
        G::Month => Some(format!("{:04}-{:02}", start.year(), start.month())),
        G::Year => Some(format!("{:04}", start.year())),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_datetimes_for_fixed_periods() {
        let cases = [
            ("2022-01-26", Some("2022-01-26"), "day"),
            ("2022-01-26T10:30", Some("2022-01-26"), "time"),
            ("2022-W05", Some("2022-W05"), "week"),
            ("2022-W04-3", Some("2022-01-26"), "day"),
            ("2021-12", Some("2021-12"), "month"),
            ("2022", Some("2022"), "year"),
            ("2022-Q1", None, "quarter"),
            ("XXXX-WXX-3", None, "unknown"),
            ("PAST_REF", None, "unknown"),
        ];
        for (value, want, gran) in cases {
            assert_eq!(
                (datetime(value).as_deref(), granularity(value)),
                (want, gran),
                "{value}"
            );
        }
    }
}
