//! The views of the actors index (`groups` in `actors.html`) and of the pages of one
//! actor (`actor` in `actor.html`).
//!
//! An actor's briefings are cut into pages of `paginate_by`, like the index, so an
//! actor in thousands of briefings gets many small pages instead of one huge one. The
//! first page has what is about the actor as a whole: its roles, its timeline across
//! all its briefings (the latest [`MAX_EVENTS`] events, and a strip of all of them),
//! and who it appears with (a graph and a list), each bounded.

use std::collections::{HashMap, HashSet};

use jiff::civil::Date;
use rayon::prelude::*;
use serde::Serialize;

use crate::analysis::ActorKind;
use crate::briefing::EventMeta;

use super::super::index::SiteIndex;
use super::super::svg::graph::{self, Graph, Node};
use super::super::svg::strip::{self, Dating, Strip};
use super::super::timeline::EventRef;
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

/// What every page of an actor shows in its header, computed once per render (an
/// actor's pages would otherwise each pass over all its appearances).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ActorFacts {
    pub main_role: Option<String>,
    /// The oldest and newest dates of its briefings (ISO).
    pub first_date: Option<String>,
    pub last_date: Option<String>,
}

/// The facts of every site actor, in actor order.
pub fn facts(index: &SiteIndex) -> Vec<ActorFacts> {
    (0..index.actors.actors.len())
        .into_par_iter()
        .map(|id| {
            let date = |b: &usize| index.briefings[*b].meta.date.map(|d| d.to_string());
            let postings = &index.postings[id];
            ActorFacts {
                main_role: main_role(index, id),
                first_date: postings.iter().rev().find_map(date),
                last_date: postings.iter().find_map(date),
            }
        })
        .collect()
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
            let mut actors: Vec<ActorItem> = index
                .actors
                .actors
                .iter()
                .enumerate()
                .filter(|(_, a)| a.kind == kind)
                .map(|(id, _)| ActorItem {
                    actor: ActorRef::new(index, id, facts[id].main_role.as_deref()),
                    count: index.postings[id].len(),
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

/// The most frequent role of an actor (latest first on ties), shown beside its name
/// everywhere: the most frequent rather than the newest, so that one misread role in
/// the latest briefing does not rename an actor across the site (the actor page lists
/// every role with its period, the newest first).
fn main_role(index: &SiteIndex, id: usize) -> Option<String> {
    let mut counts: HashMap<String, (usize, usize)> = HashMap::new();
    for (order, app) in index.actors.actors[id].appearances.iter().enumerate() {
        if let Some(role) = index.briefings[app.briefing].meta.actors[app.actor]
            .role
            .as_deref()
            .map(str::trim)
            .filter(|r| !r.is_empty())
        {
            counts.entry(role.to_string()).or_insert((0, order)).0 += 1;
        }
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1.0.cmp(&b.1.0).then(b.1.1.cmp(&a.1.1)))
        .map(|(r, _)| r)
}

/// Roles listed on an actor page (the most used, shown newest first).
pub const MAX_ROLES: usize = 12;
/// Briefings named for each role (the newest).
pub const ROLE_SOURCES: usize = 5;

/// A role and the briefings that give it.
#[derive(Debug, Clone, Serialize)]
pub struct RoleView {
    pub role: String,
    /// The dates of the first and the last briefing that give it (ISO), when dated:
    /// a person who changes office shows each role with its period.
    pub first_date: Option<String>,
    pub last_date: Option<String>,
    /// The newest briefings that give it, at most [`ROLE_SOURCES`].
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
    /// Page `page` (1-based) of actor `id`; `seen_with` is its entry of
    /// `related::seen_with`, `facts` its entry of [`facts`].
    pub fn new(
        index: &SiteIndex,
        id: usize,
        page: usize,
        seen_with: &[(usize, usize)],
        facts: &ActorFacts,
    ) -> Self {
        let actor = &index.actors.actors[id];
        let postings = &index.postings[id];
        let shown = &postings[page_range(index, postings.len(), page)];
        let first = page == 1;
        let slug = actor.slug.clone();
        let groups = match first {
            true => date_groups(index, all_events(index, id)),
            false => Vec::new(),
        };
        let event_count = groups.iter().map(|g| g.events.len()).sum();
        let seen: Vec<SeenWith> = seen_with
            .iter()
            .filter(|_| first)
            .map(|&(other, count)| SeenWith {
                actor: ActorRef::new(index, other, None),
                count,
            })
            .collect();
        let actor_ref = ActorRef::new(index, id, facts.main_role.as_deref());
        let seen_with_svg = graph::render(&companions(&actor_ref, &seen));
        let timeline_svg = strip::render(&actor_strip(&actor_ref.name, &groups));
        let (timeline, events_left_out) = latest(groups, MAX_EVENTS);
        ActorView {
            actor: actor_ref,
            permalink: index.permalink(&urls::actor_page(&slug, page)),
            aliases: actor.aliases.clone(),
            roles: if first { roles(index, id) } else { Vec::new() },
            briefing_count: postings.len(),
            briefings: cards(index, shown),
            more_briefings: more_links(index, shown),
            first_date: facts.first_date.clone(),
            last_date: facts.last_date.clone(),
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

/// Every event the actor is involved in, in site order.
fn all_events<'a>(
    index: &'a SiteIndex,
    id: usize,
) -> impl Iterator<Item = (EventRef, &'a EventMeta)> {
    index.actor_events[id]
        .iter()
        .map(|&e| (e, &index.briefings[e.briefing].meta.timeline[e.event]))
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

/// The actor's roles: the [`MAX_ROLES`] most used, shown the most recent first (by
/// the date of the last briefing that gives it), each with its period and the newest
/// briefings that give it.
fn roles(index: &SiteIndex, id: usize) -> Vec<RoleView> {
    let mut roles: Vec<RoleView> = Vec::new();
    let mut periods: Vec<(Option<Date>, Option<Date>)> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    let mut counted: HashSet<(usize, usize)> = HashSet::new();
    for app in &index.actors.actors[id].appearances {
        let Some(role) = index.briefings[app.briefing].meta.actors[app.actor]
            .role
            .as_deref()
            .map(str::trim)
            .filter(|r| !r.is_empty())
        else {
            continue;
        };
        let slot = *by_key.entry(slug::slugify(role)).or_insert_with(|| {
            roles.push(RoleView {
                role: role.to_string(),
                first_date: None,
                last_date: None,
                sources: Vec::new(),
                count: 0,
            });
            periods.push((None, None));
            roles.len() - 1
        });
        if counted.insert((slot, app.briefing)) {
            let entry = &mut roles[slot];
            entry.count += 1;
            if entry.sources.len() < ROLE_SOURCES {
                entry.sources.push(LinkView::briefing(index, app.briefing));
            }
            if let Some(date) = index.briefings[app.briefing].meta.date {
                let (first, last) = &mut periods[slot];
                *first = Some(first.map_or(date, |f| f.min(date)));
                *last = Some(last.map_or(date, |l| l.max(date)));
            }
        }
    }
    // The most used roles are kept (one misread role must not push out a real one),
    // then shown the most recent first.
    let recency = |i: usize| std::cmp::Reverse(periods[i].1);
    let uses = |i: usize| std::cmp::Reverse(roles[i].count);
    let mut order: Vec<usize> = (0..roles.len()).collect();
    order.sort_by_key(|&i| (uses(i), recency(i)));
    order.truncate(MAX_ROLES);
    order.sort_by_key(|&i| (recency(i), uses(i)));
    order
        .into_iter()
        .map(|i| RoleView {
            first_date: periods[i].0.map(|d| d.to_string()),
            last_date: periods[i].1.map(|d| d.to_string()),
            ..roles[i].clone()
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
        let index = SiteIndex::build(&config, &briefings, false);
        let got: Vec<(String, usize, Vec<String>)> = roles(&index, 0)
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
        roles(&SiteIndex::build(&config, &briefings, false), 0)
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
