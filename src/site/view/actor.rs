//! The views of the actors index (`groups` in `actors.html`) and of one actor page
//! (`actor` in `actor.html`).

use std::collections::HashMap;

use serde::Serialize;

use crate::analysis::ActorKind;

use super::super::actors::kind_word;
use super::super::index::SiteIndex;
use super::super::urls;
use super::timeline::{DateGroupView, date_groups};
use super::{ActorRef, BriefingCard, LinkView, cards, more_links};

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
pub fn groups(index: &SiteIndex) -> Vec<ActorGroup> {
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
                .map(|(id, _)| {
                    let role = main_role(index, id);
                    ActorItem {
                        actor: ActorRef::new(index, id, role.as_deref()),
                        count: index.postings[id].len(),
                    }
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
                kind: kind_word(kind),
                label,
                count: actors.len(),
                actors,
            })
        })
        .collect()
}

/// The most frequent role of an actor (latest first on ties).
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

/// A role and the briefings that give it.
#[derive(Debug, Clone, Serialize)]
pub struct RoleView {
    pub role: String,
    pub sources: Vec<LinkView>,
}

/// An actor seen in the same briefings.
#[derive(Debug, Clone, Serialize)]
pub struct SeenWith {
    #[serde(flatten)]
    pub actor: ActorRef,
    /// Briefings they share.
    pub count: usize,
}

/// `actor`.
#[derive(Debug, Clone, Serialize)]
pub struct ActorView {
    #[serde(flatten)]
    pub actor: ActorRef,
    pub permalink: String,
    pub aliases: Vec<String>,
    /// Most used first.
    pub roles: Vec<RoleView>,
    pub briefing_count: usize,
    /// The newest briefings, as cards (at most [`LIST_CARDS`]).
    pub briefings: Vec<BriefingCard>,
    /// The older ones, as plain links.
    pub more_briefings: Vec<LinkView>,
    pub first_date: Option<String>,
    pub last_date: Option<String>,
    /// Every event the actor is involved in, across briefings, merged and by date.
    pub timeline: Vec<DateGroupView>,
    pub seen_with: Vec<SeenWith>,
}

impl ActorView {
    /// `seen_with` is this actor's entry of `related::seen_with`.
    pub fn new(index: &SiteIndex, id: usize, seen_with: &[(usize, usize)]) -> Self {
        let actor = &index.actors.actors[id];
        let postings = &index.postings[id];
        let dates: Vec<String> = postings
            .iter()
            .filter_map(|&b| index.briefings[b].meta.date.map(|d| d.to_string()))
            .collect();
        let events = index.actor_events[id]
            .iter()
            .map(|&e| (e, &index.briefings[e.briefing].meta.timeline[e.event]));
        ActorView {
            actor: ActorRef::new(index, id, main_role(index, id).as_deref()),
            permalink: index.permalink(&urls::actor(&actor.slug)),
            aliases: actor.aliases.clone(),
            roles: roles(index, id),
            briefing_count: postings.len(),
            briefings: cards(index, postings),
            more_briefings: more_links(index, postings),
            first_date: dates.last().cloned(),
            last_date: dates.first().cloned(),
            timeline: date_groups(index, events),
            seen_with: seen_with
                .iter()
                .map(|&(other, count)| SeenWith {
                    actor: ActorRef::new(index, other, None),
                    count,
                })
                .collect(),
        }
    }
}

/// The actor's roles, each with the briefings (and dates) it comes from.
fn roles(index: &SiteIndex, id: usize) -> Vec<RoleView> {
    let mut roles: Vec<RoleView> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::new();
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
                sources: Vec::new(),
            });
            roles.len() - 1
        });
        let link = LinkView::briefing(index, app.briefing);
        if !roles[slot].sources.iter().any(|s| s.url == link.url) {
            roles[slot].sources.push(link);
        }
    }
    roles.sort_by_key(|r| std::cmp::Reverse(r.sources.len()));
    roles
}
