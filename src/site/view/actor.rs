//! The views of the actors index (`groups` in `actors.html`) and of the pages of one
//! actor (`actor` in `actor.html`).
//!
//! An actor's briefings are cut into pages of `paginate_by`, like the index, so an
//! actor in thousands of briefings gets many small pages instead of one huge one. The
//! first page has what is about the actor as a whole: its roles, its timeline across
//! all its briefings (the latest [`MAX_EVENTS`] events, and a strip of all of them),
//! and who it appears with (a graph and a list), each bounded.

use serde::Serialize;

use crate::analysis::ActorKind;
use crate::briefing::EventMeta;
use crate::corpus::{ActorFacts, ActorId, EventRef};

use super::super::index::SiteIndex;
use super::super::svg::graph::{self, Graph, Node};
use super::super::svg::strip::{self, Dating, Strip};
use super::super::urls;
use super::timeline::{DateGroupView, date_groups};
use super::{
    ActorRef, BriefingCard, LinkView, Paginator, cards, more_links, page_count, page_range,
};

/// Actors listed under "seen with".
pub const SEEN_WITH: usize = 12;

/// An actor in the actors index.
#[derive(Debug, Clone, Serialize)]
pub struct ActorItem {
    #[serde(flatten)]
    pub actor: ActorRef,
    /// Briefings it appears in.
    pub count: usize,
}

/// `groups`: actors of one type.
#[derive(Debug, Clone, Serialize)]
pub struct ActorGroup {
    pub kind: &'static str,
    /// Plural, for headings ("People", "Organizations").
    pub label: &'static str,
    pub count: usize,
    /// Most briefings first, then by name.
    pub actors: Vec<ActorItem>,
}

/// Builds the actors index: one group per type, in a fixed order, empty types left out.
pub fn groups(index: &SiteIndex, facts: &[ActorFacts]) -> Vec<ActorGroup> {
    let kinds = [
        (ActorKind::Person, "People"),
        (ActorKind::Organization, "Organizations"),
        (ActorKind::Place, "Places"),
        (ActorKind::Group, "Groups"),
    ];
    kinds
        .iter()
        .filter_map(|&(kind, label)| {
            let corpus = index.corpus;
            let mut actors: Vec<ActorItem> = corpus
                .actors()
                .filter(|&id| corpus.actor(id).kind == kind)
                .map(|id| ActorItem {
                    actor: ActorRef::new(index, id, facts[id.slot()].main_role.as_deref()),
                    count: corpus.postings(id).len(),
                })
                .collect();
            actors.sort_by(|a, b| {
                b.count.cmp(&a.count).then_with(|| {
                    a.actor
                        .name
                        .to_lowercase()
                        .cmp(&b.actor.name.to_lowercase())
                })
            });
            (!actors.is_empty()).then(|| ActorGroup {
                kind: kind.as_str(),
                label,
                count: actors.len(),
                actors,
            })
        })
        .collect()
}

/// Roles listed on an actor page (the most used, shown newest first).
pub const MAX_ROLES: usize = 12;

/// A role and the briefings that give it.
#[derive(Debug, Clone, Serialize)]
pub struct RoleView {
    pub role: String,
    /// The dates of the first and the last briefing that give it (ISO), when dated:
    /// a person who changes office shows each role with its period.
    pub first_date: Option<String>,
    pub last_date: Option<String>,
    /// The newest briefings that give it, at most `corpus::ROLE_SOURCES`.
    pub sources: Vec<LinkView>,
    /// Every briefing that gives it.
    pub count: usize,
}

/// An actor seen in the same briefings.
#[derive(Debug, Clone, Serialize)]
pub struct SeenWith {
    #[serde(flatten)]
    pub actor: ActorRef,
    /// Briefings they share.
    pub count: usize,
}

/// `actor`: one page of an actor (`actors/<slug>/`, `actors/<slug>/page/2/`, ...).
#[derive(Debug, Clone, Serialize)]
pub struct ActorView {
    #[serde(flatten)]
    pub actor: ActorRef,
    pub permalink: String,
    pub aliases: Vec<String>,
    /// Most used first, at most [`MAX_ROLES`]; on the first page only.
    pub roles: Vec<RoleView>,
    pub briefing_count: usize,
    /// This page's briefings (newest first), as cards (at most [`LIST_CARDS`]).
    pub briefings: Vec<BriefingCard>,
    /// The rest of this page's briefings, as plain links (only when `paginate_by` is
    /// larger than [`LIST_CARDS`]).
    pub more_briefings: Vec<LinkView>,
    pub first_date: Option<String>,
    pub last_date: Option<String>,
    /// The events the actor is involved in, across all its briefings, merged and by
    /// date (the latest [`MAX_EVENTS`]); on the first page only.
    pub timeline: Vec<DateGroupView>,
    /// Events of the actor in all, and how many `timeline` leaves out (the oldest).
    pub event_count: usize,
    pub events_left_out: usize,
    /// The actor's timeline as a picture (inline SVG, `| safe`), on the first page only.
    pub timeline_svg: String,
    /// On the first page only.
    pub seen_with: Vec<SeenWith>,
    /// Who the actor appears with, as a picture (inline SVG, `| safe`); first page only.
    pub seen_with_svg: String,
    /// The actor's pages; `paginate_by` briefings each.
    pub paginator: Paginator,
}

impl ActorView {
    /// Page `page` (1-based) of actor `id`; `facts` is its entry of `Corpus::all_actor_facts`.
    pub fn new(index: &SiteIndex, id: ActorId, page: usize, facts: &ActorFacts) -> Self {
        let actor = index.corpus.actor(id);
        let postings = index.corpus.postings(id);
        let shown = &postings[page_range(index, postings.len(), page)];
        let first = page == 1;
        let slug = actor.slug.clone();
        let groups = match first {
            true => date_groups(index, all_events(index, id)),
            false => Vec::new(),
        };
        let event_count = groups.iter().map(|g| g.events.len()).sum();
        let seen = match first {
            true => seen_with(index, id),
            false => Vec::new(),
        };
        let actor_ref = ActorRef::new(index, id, facts.main_role.as_deref());
        let seen_with_svg = graph::render(&companions(&actor_ref, &seen));
        let timeline_svg = strip::render(&actor_strip(&actor_ref.name, &groups));
        let (mut timeline, events_left_out) = latest(groups, MAX_EVENTS);
        let mut briefings = cards(index, shown);
        // The cards carry no actor chips: who the actor appears with is "Seen with"
        // (once, with the number of briefings in common) and each event's chips; the
        // same chips on every card were a tenth of the bytes of the actors' pages.
        for card in &mut briefings {
            card.actors.clear();
        }
        // The page's own actor is not repeated as a chip on every event of it.
        for event in timeline.iter_mut().flat_map(|g| &mut g.events) {
            event.actors.retain(|a| a.slug != slug);
        }
        ActorView {
            actor: actor_ref,
            permalink: index.permalink(&urls::actor_page(&slug, page)),
            aliases: actor.aliases.clone(),
            roles: if first { roles(index, id) } else { Vec::new() },
            briefing_count: postings.len(),
            briefings,
            more_briefings: more_links(index, shown),
            first_date: facts.first_date.map(|d| d.to_string()),
            last_date: facts.last_date.map(|d| d.to_string()),
            timeline,
            event_count,
            events_left_out,
            timeline_svg,
            seen_with: seen,
            seen_with_svg,
            paginator: Paginator::with_urls(
                index.config.paginate_by,
                page,
                page_count(index, postings.len()),
                postings.len(),
                |n| index.url(&urls::actor_page(&slug, n)),
            ),
        }
    }
}

/// The actors seen with actor `id`, most frequent first, at most [`SEEN_WITH`].
fn seen_with(index: &SiteIndex, id: ActorId) -> Vec<SeenWith> {
    index
        .corpus
        .seen_with(id, SEEN_WITH)
        .into_iter()
        .map(|(other, count)| SeenWith {
            actor: ActorRef::new(index, other, None),
            count,
        })
        .collect()
}

/// Every event the actor is involved in, in site order.
fn all_events<'a>(
    index: &SiteIndex<'a>,
    id: ActorId,
) -> impl Iterator<Item = (EventRef, &'a EventMeta)> {
    let corpus = index.corpus;
    corpus
        .actor_events(id)
        .iter()
        .map(move |&e| (e, corpus.event(e)))
}

/// Events shown in an actor page's timeline at most (the latest); the strip draws all.
pub const MAX_EVENTS: usize = 120;

/// The latest date groups holding at most `max` events (at least one group), and how
/// many events were left out.
fn latest(groups: Vec<DateGroupView>, max: usize) -> (Vec<DateGroupView>, usize) {
    let total: usize = groups.iter().map(|g| g.events.len()).sum();
    let mut kept = 0;
    let dated = groups.iter().filter(|g| g.granularity != "unknown").count();
    // Undated groups come last: keep them apart so the cut takes the oldest dated ones.
    let (mut dated, undated): (Vec<_>, Vec<_>) = groups
        .into_iter()
        .enumerate()
        .partition(|(i, _)| *i < dated);
    let mut start = dated.len();
    while start > 0 && (kept + dated[start - 1].1.events.len() <= max || kept == 0) {
        kept += dated[start - 1].1.events.len();
        start -= 1;
    }
    let mut shown: Vec<DateGroupView> = dated.drain(start..).map(|(_, g)| g).collect();
    for (_, g) in undated {
        if kept + g.events.len() <= max {
            kept += g.events.len();
            shown.push(g);
        }
    }
    (shown, total - kept)
}

/// The strip of an actor's timeline: a mark per date group, linked to it.
fn actor_strip(name: &str, groups: &[DateGroupView]) -> Strip {
    let mut strip = Strip::new("actor-timeline-picture", &format!("Timeline of {name}"));
    for g in groups {
        for e in &g.events {
            strip.add(
                &g.value,
                &g.label,
                &e.text,
                &format!("#{}", g.id),
                Dating::Explicit,
            );
        }
    }
    strip
}

/// The graph of who an actor appears with.
fn companions(actor: &ActorRef, seen: &[SeenWith]) -> Graph {
    let node = |a: &ActorRef| Node {
        name: a.name.clone(),
        kind: a.kind,
        url: a.url.clone(),
    };
    Graph {
        id: "seen-with-picture".into(),
        center: node(actor),
        companions: seen.iter().map(|s| (node(&s.actor), s.count)).collect(),
    }
}

/// The actor's roles (see `Corpus::roles`), with links to their newest sources.
fn roles(index: &SiteIndex, id: ActorId) -> Vec<RoleView> {
    index
        .corpus
        .roles(id, MAX_ROLES)
        .into_iter()
        .map(|r| RoleView {
            role: r.role,
            first_date: r.first_date.map(|d| d.to_string()),
            last_date: r.last_date.map(|d| d.to_string()),
            sources: r
                .sources
                .into_iter()
                .map(|b| LinkView::briefing(index, b))
                .collect(),
            count: r.count,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::ActorKind::Person;
    use crate::site::fixtures::{actor, briefing, config};

    #[test]
    fn roles_count_each_briefing_once_and_list_the_newest() {
        let config = config("https://example.org/", 10);
        let briefings: Vec<_> = (1..=8)
            .map(|day| {
                let mut b = briefing(
                    &format!("b{day}"),
                    "B",
                    Some(jiff::civil::date(2024, 1, day)),
                    "",
                );
                let role = if day == 8 { "Mayor" } else { "Water Minister" };
                b.meta.actors = vec![
                    actor("Ana Ruiz", Person, Some(role), &[]),
                    actor("Ruiz", Person, Some("water minister"), &[]),
                ];
                b
            })
            .collect();
        let corpus = crate::corpus::Corpus::build(briefings, false);
        let index = SiteIndex::new(&config, &corpus);
        let first = corpus.actors().next().unwrap();
        let got: Vec<(String, usize, Vec<String>)> = roles(&index, first)
            .into_iter()
            .map(|r| {
                (
                    r.role,
                    r.count,
                    r.sources.into_iter().map(|s| s.url).collect(),
                )
            })
            .collect();
        let urls = |days: &[u8]| {
            days.iter()
                .map(|d| format!("/briefings/b{d}/"))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            got,
            [
                ("water minister".to_string(), 8, urls(&[8, 7, 6, 5, 4])),
                ("Mayor".to_string(), 1, urls(&[8])),
            ]
        );
    }

    /// The roles of "Ana Ruiz", given one briefing a day (days 1 to `days` of 2024's
    /// month `month`) and her role on each day.
    fn roles_of_one_actor(month: i8, days: i8, role: impl Fn(i8) -> String) -> Vec<RoleView> {
        let config = config("https://example.org/", 10);
        let briefings: Vec<_> = (1..=days)
            .map(|day| {
                let date = jiff::civil::date(2024, month, day);
                let mut b = briefing(&format!("b{day}"), "B", Some(date), "");
                b.meta.actors = vec![actor("Ana Ruiz", Person, Some(&role(day)), &[])];
                b
            })
            .collect();
        let corpus = crate::corpus::Corpus::build(briefings, false);
        let first = corpus.actors().next().unwrap();
        roles(&SiteIndex::new(&config, &corpus), first)
    }

    #[test]
    fn many_one_off_roles_do_not_push_out_the_most_used_one() {
        let got = roles_of_one_actor(2, 28, |day| {
            if day <= 14 {
                "Water Minister".to_string()
            } else {
                format!("misread role {day}")
            }
        });
        assert_eq!(got.len(), MAX_ROLES);
        assert!(
            got.iter()
                .any(|r| r.role == "Water Minister" && r.count == 14)
        );
        assert_eq!(
            got[0].last_date.as_deref(),
            Some("2024-02-28"),
            "newest first"
        );
    }

    #[test]
    fn a_change_of_office_shows_each_role_with_its_period_newest_first() {
        let role = |day: i8| {
            if day <= 5 {
                "Water Minister"
            } else {
                "Prime Minister"
            }
        };
        let got: Vec<(String, Option<String>, Option<String>, usize)> =
            roles_of_one_actor(1, 8, |day| role(day).to_string())
                .into_iter()
                .map(|r| (r.role, r.first_date, r.last_date, r.count))
                .collect();
        let day = |d: u8| Some(format!("2024-01-0{d}"));
        assert_eq!(
            got,
            [
                ("Prime Minister".to_string(), day(6), day(8), 3),
                ("Water Minister".to_string(), day(1), day(5), 5),
            ]
        );
    }
}
