//! Actors across the site: each briefing's actor list in, one [`Actor`] per real-world
//! entity out, with every appearance, the briefings it is in (its postings) and the
//! events it is involved in.
//!
//! Who is who is decided by `site::actors` (name keys, honorifics, spelling variants,
//! and the merge of entries into actors); this module indexes the result by the
//! corpus's ids. It is rebuilt from every briefing's actor list when one changes (a
//! linear pass over hash maps), until the identity rules move below every stage.

use std::collections::HashMap;

use crate::analysis::ActorKind;
use crate::briefing::{ActorMeta, Briefing};
use crate::site::actors::{ActorIndex, find_in_list};

use super::ids::{ActorId, BriefingId, EventRef};

/// One entity of the whole site.
#[derive(Debug, Clone, PartialEq)]
pub struct Actor {
    /// The fullest name used for it.
    pub name: String,
    /// Unique among actors; stable while the display name stays the same.
    pub slug: String,
    pub kind: ActorKind,
    /// Every other name it appears under, sorted.
    pub aliases: Vec<String>,
    /// Where it appears, in site order.
    pub appearances: Vec<Appearance>,
}

/// An entry of a briefing's actor list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Appearance {
    pub briefing: BriefingId,
    /// Index in that briefing's `actors`.
    pub actor: usize,
}

/// The actors of a corpus and where each appears.
#[derive(Debug, Clone, Default)]
pub(super) struct Actors {
    /// Sorted by slug; an [`ActorId`] is an index.
    pub list: Vec<Actor>,
    /// The actor of each entry of a briefing's actor list.
    pub of_briefing: HashMap<BriefingId, Vec<ActorId>>,
    /// For each actor, the briefings it appears in, in site order, without repeats.
    pub postings: Vec<Vec<BriefingId>>,
    /// `event_actors[b][e]`: the actors involved in event `e` of briefing `b`.
    pub event_actors: HashMap<BriefingId, Vec<Vec<ActorId>>>,
    /// For each actor, the events it is involved in, in site order.
    pub actor_events: Vec<Vec<EventRef>>,
}

impl Actors {
    /// Indexes the actors of the briefings `order` (in site order).
    pub fn build<'a>(
        order: &[BriefingId],
        briefing: impl Fn(BriefingId) -> &'a Briefing,
    ) -> Actors {
        let lists: Vec<&[ActorMeta]> = order
            .iter()
            .map(|&id| briefing(id).meta.actors.as_slice())
            .collect();
        let index = ActorIndex::build(&lists);
        let list: Vec<Actor> = index
            .actors
            .iter()
            .map(|a| Actor {
                name: a.name.clone(),
                slug: a.slug.clone(),
                kind: a.kind,
                aliases: a.aliases.clone(),
                appearances: a
                    .appearances
                    .iter()
                    .map(|app| Appearance {
                        briefing: order[app.briefing],
                        actor: app.actor,
                    })
                    .collect(),
            })
            .collect();
        let mut actors = Actors {
            postings: vec![Vec::new(); list.len()],
            actor_events: vec![Vec::new(); list.len()],
            list,
            ..Actors::default()
        };
        for (pos, &id) in order.iter().enumerate() {
            let ids: Vec<ActorId> = index
                .of_briefing(pos)
                .iter()
                .map(|&a| ActorId(a as u32))
                .collect();
            for &a in &ids {
                let postings = &mut actors.postings[a.index()];
                if postings.last() != Some(&id) {
                    postings.push(id);
                }
            }
            let events = event_actors(briefing(id), &ids);
            for (e, involved) in events.iter().enumerate() {
                for &a in involved {
                    actors.actor_events[a.index()].push(EventRef::new(id, e));
                }
            }
            actors.event_actors.insert(id, events);
            actors.of_briefing.insert(id, ids);
        }
        actors
    }
}

/// The site actors of each event of a briefing: the names listed in the event, and
/// the briefing's actors whose name or an alias appears in the event text as a word.
fn event_actors(briefing: &Briefing, site_ids: &[ActorId]) -> Vec<Vec<ActorId>> {
    let list = &briefing.meta.actors;
    briefing
        .meta
        .timeline
        .iter()
        .map(|event| {
            let mut found: Vec<usize> = event
                .actors
                .iter()
                .filter_map(|n| find_in_list(list, n))
                .collect();
            for (i, actor) in list.iter().enumerate() {
                if std::iter::once(&actor.name)
                    .chain(&actor.aliases)
                    .any(|n| mentions(&event.text, n))
                {
                    found.push(i);
                }
            }
            let mut ids: Vec<ActorId> = Vec::with_capacity(found.len());
            for i in found {
                if let Some(&id) = site_ids.get(i).filter(|id| !ids.contains(id)) {
                    ids.push(id);
                }
            }
            ids
        })
        .collect()
}

/// `true` when `name` occurs in `text` as whole words (case as written).
fn mentions(text: &str, name: &str) -> bool {
    let name = name.trim();
    if name.chars().count() < 2 {
        return false;
    }
    text.match_indices(name).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + name.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}
