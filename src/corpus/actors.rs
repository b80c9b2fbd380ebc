//! Actors across the site: each briefing's actor list in, one [`Actor`] per real-world
//! entity out, with every appearance, the briefings it is in (its postings) and the
//! events it is involved in.
//!
//! Who is who is decided by `corpus::actor_index` (name keys, honorifics, spelling variants,
//! and the merge of entries into actors); this module indexes the result by the
//! corpus's ids. It is rebuilt from every briefing's actor list when one changes (a
//! linear pass over hash maps), until the identity rules move below every stage; what
//! depends on one briefing alone (the identity keys of its names, which of its actors
//! each of its events involves) is kept per briefing while its fingerprint stays the
//! same, so an edit computes those again for the edited briefing only.

use std::collections::HashMap;
use std::sync::Arc;

use rayon::prelude::*;

use crate::analysis::ActorKind;
use crate::briefing::{ActorMeta, Briefing};

use super::Fingerprint;
use super::actor_index::{ActorIndex, ListKeys, find_in_list, name_key};

use super::ids::{ActorId, BriefingId, EventRef};

/// One entity of the whole site.
#[derive(Debug, Clone, PartialEq)]
pub struct Actor {
    /// The name its briefings use for it (see `actor_index::SiteActor::name`).
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
    /// What each briefing's own actor list and events give (see [`Local`]).
    pub local: HashMap<BriefingId, Arc<Local>>,
    /// The header facts of each actor (see `roles`), by [`ActorId`]: a function of the
    /// briefings' surfaces, so computed when the index is built, not on each render.
    pub facts: Vec<super::ActorFacts>,
    /// The site actor of each name key of an organisation or place (its name and aliases), `None` when two actors share the key: how a name a briefing
    /// lists among its things finds the one kind the site gives it (see [`named`]).
    pub by_name: HashMap<String, Option<ActorId>>,
}

/// What depends on one briefing alone: the keys of its actors' names and, for each of
/// its events, the entries of its actor list the event involves (before entries of one
/// site actor are merged) and the things it names.
#[derive(Debug)]
pub(super) struct Local {
    fingerprint: Fingerprint,
    keys: ListKeys,
    events: Vec<Vec<usize>>,
    /// For each event, the things it involves ([`event_things`]): every page that
    /// shows an event asks, and finding them compares names by key.
    things: Vec<Vec<String>>,
}

impl Local {
    fn new(briefing: &Briefing, fingerprint: Fingerprint) -> Local {
        Local {
            fingerprint,
            keys: ListKeys::new(&briefing.meta.actors),
            events: event_entries(briefing),
            things: (0..briefing.meta.timeline.len())
                .map(|e| {
                    event_things(briefing, e)
                        .into_iter()
                        .map(str::to_string)
                        .collect()
                })
                .collect(),
        }
    }
}

impl Actors {
    /// The actors of the briefings of `order`; `briefing` gives each briefing with its
    /// fingerprint, `local` what the last build kept per briefing.
    pub fn build<'a>(
        order: &[BriefingId],
        briefing: impl Fn(BriefingId) -> (&'a Briefing, Fingerprint) + Sync,
        mut local: HashMap<BriefingId, Arc<Local>>,
    ) -> Actors {
        let kept: HashMap<BriefingId, Arc<Local>> = order
            .iter()
            .filter_map(|&id| {
                let old = local.remove(&id)?;
                (old.fingerprint == briefing(id).1).then_some((id, old))
            })
            .collect();
        let fresh: Vec<(BriefingId, Arc<Local>)> = order
            .par_iter()
            .filter(|id| !kept.contains_key(id))
            .map(|&id| {
                let (b, fingerprint) = briefing(id);
                (id, Arc::new(Local::new(b, fingerprint)))
            })
            .collect();
        let mut local = kept;
        local.extend(fresh);
        let lists: Vec<&[ActorMeta]> = order
            .iter()
            .map(|&id| briefing(id).0.meta.actors.as_slice())
            .collect();
        let keys: Vec<&ListKeys> = order.iter().map(|id| &local[id].keys).collect();
        let mut index = ActorIndex::build_with_keys(&lists, &keys);
        let list: Vec<Actor> = std::mem::take(&mut index.actors)
            .into_iter()
            .map(|a| Actor {
                appearances: a
                    .appearances
                    .iter()
                    .map(|app| Appearance {
                        briefing: order[app.briefing],
                        actor: app.actor,
                    })
                    .collect(),
                name: a.name,
                slug: a.slug,
                kind: a.kind,
                aliases: a.aliases,
            })
            .collect();
        let mut actors = Actors {
            postings: vec![Vec::new(); list.len()],
            actor_events: vec![Vec::new(); list.len()],
            by_name: names_of(&list),
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
            let mut events = event_actors(&local[&id].events, &ids);
            actors.add_named_things(&local[&id].things, &mut events);
            for (e, involved) in events.iter().enumerate() {
                for &a in involved {
                    actors.actor_events[a.index()].push(EventRef::new(id, e));
                }
            }
            actors.event_actors.insert(id, events);
            actors.of_briefing.insert(id, ids);
        }
        actors.local = local;
        actors
    }

    /// Adds to each event of `briefing` the site organisations and places that things
    /// it involves are (see [`named`]): their pages' timelines show the event. Their
    /// postings stay the briefings that list them as actors, a function of the
    /// briefings' surfaces (see `delta`).
    fn add_named_things(&self, things: &[Vec<String>], events: &mut [Vec<ActorId>]) {
        for (involved, names) in events.iter_mut().zip(things) {
            for name in names {
                if let Some(id) = self.named(name).filter(|id| !involved.contains(id)) {
                    involved.push(id);
                }
            }
        }
    }

    /// The things event `event` of briefing `id` involves ([`event_things`], kept with
    /// every briefing of the corpus); none for an event it does not have.
    pub fn event_things(&self, id: BriefingId, event: usize) -> &[String] {
        self.local
            .get(&id)
            .and_then(|local| local.things.get(event))
            .map_or(&[], Vec::as_slice)
    }

    /// The site actor a thing named `name` is (see [`named`]).
    pub fn named(&self, name: &str) -> Option<ActorId> {
        named(&self.by_name, name)
    }
}

/// The name keys of the organisations and places of `list`, each with its actor, or
/// `None` when two actors share it. Only those: a product, a law or an event can bear
/// the name of the firm or the place it is of, but a thing named like a person (an
/// award, a game's character) is not that person.
fn names_of(list: &[Actor]) -> HashMap<String, Option<ActorId>> {
    let mut by_name: HashMap<String, Option<ActorId>> = HashMap::new();
    for (i, actor) in list.iter().enumerate() {
        if !matches!(actor.kind, ActorKind::Organization | ActorKind::Place) {
            continue;
        }
        let id = ActorId(i as u32);
        for name in std::iter::once(&actor.name).chain(&actor.aliases) {
            let slot = by_name
                .entry(name_key(name, actor.kind))
                .or_insert(Some(id));
            if *slot != Some(id) {
                *slot = None;
            }
        }
    }
    by_name
}

/// The site organisation or place whose name or alias is `name`, when exactly one has
/// it: an entity has one kind across the site, so a name one briefing lists among its
/// things (a dam read as a thing) is the place or organisation other briefings list it
/// as, and is shown as that actor.
fn named(by_name: &HashMap<String, Option<ActorId>>, name: &str) -> Option<ActorId> {
    by_name
        .get(&name_key(name, ActorKind::Thing))
        .copied()
        .flatten()
}

/// For event `event` of a briefing, the things it involves: the names it lists that are
/// no entry of the actor list but an entry of the briefing's things, as the things list
/// writes them, without repeats.
fn event_things(briefing: &Briefing, event: usize) -> Vec<&str> {
    let meta = &briefing.meta;
    let Some(event) = meta.timeline.get(event) else {
        return Vec::new();
    };
    let mut found: Vec<&str> = Vec::new();
    for name in &event.actors {
        if find_in_list(&meta.actors, name).is_some() {
            continue;
        }
        if let Some(i) = find_in_list(&meta.things, name) {
            let thing = meta.things[i].name.trim();
            if !found.contains(&thing) {
                found.push(thing);
            }
        }
    }
    found
}

impl Actors {
    /// After an update that changed only the contents of briefings `ids` (see
    /// [`super::Delta`]), which entries are one actor is as it was: only the events of
    /// those briefings are found again, and each of their actors' events is put back in
    /// site order (`position`). Equal to [`Actors::build`] on the updated briefings.
    pub fn refresh_events<'a>(
        &mut self,
        ids: &[BriefingId],
        briefing: impl Fn(BriefingId) -> (&'a Briefing, Fingerprint),
        position: impl Fn(BriefingId) -> usize,
    ) {
        for &id in ids {
            let (b, fingerprint) = briefing(id);
            let local = Local::new(b, fingerprint);
            let site_ids = self.of_briefing.get(&id).cloned().unwrap_or_default();
            // The briefing's actors, and the actors of things its events involved.
            let old = self.event_actors.get(&id).into_iter().flatten().flatten();
            let mut before: Vec<ActorId> = site_ids.iter().chain(old).copied().collect();
            before.sort_unstable();
            before.dedup();
            for a in before {
                self.actor_events[a.index()].retain(|e| e.briefing != id);
            }
            let mut events = event_actors(&local.events, &site_ids);
            self.add_named_things(&local.things, &mut events);
            let here = position(id);
            for (e, involved) in events.iter().enumerate() {
                for &a in involved {
                    let list = &mut self.actor_events[a.index()];
                    let at =
                        list.partition_point(|x| (position(x.briefing), x.index()) < (here, e));
                    list.insert(at, EventRef::new(id, e));
                }
            }
            self.event_actors.insert(id, events);
            self.local.insert(id, Arc::new(local));
        }
    }
}

/// The site actors of each event, from the list entries it involves, without repeats.
fn event_actors(entries: &[Vec<usize>], site_ids: &[ActorId]) -> Vec<Vec<ActorId>> {
    entries
        .iter()
        .map(|found| {
            let mut ids: Vec<ActorId> = Vec::with_capacity(found.len());
            for &i in found {
                if let Some(&id) = site_ids.get(i).filter(|id| !ids.contains(id)) {
                    ids.push(id);
                }
            }
            ids
        })
        .collect()
}

/// For each event of a briefing, the entries of its actor list it involves: the names
/// listed in the event. The analysis decided those (who takes part, not whoever the
/// text names: "the Madrid talks" do not involve Madrid), so the pages show exactly
/// what the briefing's timeline shows. Only a briefing written by hand, whose event
/// lists no names, gets the entries whose name or an alias appears in the event text
/// as a word.
fn event_entries(briefing: &Briefing) -> Vec<Vec<usize>> {
    let list = &briefing.meta.actors;
    let by_hand = briefing.meta.generated.is_none();
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
            if !(by_hand && event.actors.is_empty()) {
                return found;
            }
            for (i, actor) in list.iter().enumerate() {
                if std::iter::once(&actor.name)
                    .chain(&actor.aliases)
                    .any(|n| mentions(&event.text, n))
                {
                    found.push(i);
                }
            }
            found
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::ActorKind;
    use crate::briefing::{BriefingMeta, EventMeta, Generated};
    use crate::corpus::tests::entry;

    fn briefing(generated: bool, event_actors: &[&str]) -> Briefing {
        let actor = |name: &str, kind| entry(name, kind, 1, 0.5);
        let event = EventMeta {
            date: "2026-03-04".into(),
            when: String::new(),
            text: "Ana Varela opened the Madrid talks.".into(),
            actors: event_actors.iter().map(|a| a.to_string()).collect(),
            reported: false,
        };
        Briefing {
            slug: "talks".into(),
            path: "content/briefings/talks.md".into(),
            meta: BriefingMeta {
                actors: vec![
                    actor("Ana Varela", ActorKind::Person),
                    actor("Madrid", ActorKind::Place),
                ],
                timeline: vec![event],
                generated: generated.then(|| Generated {
                    by: "test".into(),
                    hash: String::new(),
                    sections: Default::default(),
                }),
                ..BriefingMeta::default()
            },
            body: String::new(),
            body_line: 1,
        }
    }

    #[test]
    fn an_event_involves_the_actors_its_entry_names() {
        // (generated, actors the event names, entries of the list it involves)
        let cases: [(bool, &[&str], &[usize]); 4] = [
            (true, &["Ana Varela"], &[0]),
            (true, &[], &[]),
            (false, &["Ana Varela"], &[0]),
            (false, &[], &[0, 1]),
        ];
        for (generated, named, want) in cases {
            let got = event_entries(&briefing(generated, named));
            assert_eq!(
                got,
                [want.to_vec()],
                "generated {generated}, names {named:?}"
            );
        }
    }

    fn site_actor(name: &str, kind: ActorKind, aliases: &[&str]) -> Actor {
        Actor {
            name: name.into(),
            slug: name.to_lowercase().replace(' ', "-"),
            kind,
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            appearances: Vec::new(),
        }
    }

    #[test]
    fn a_thing_is_the_organisation_or_place_the_site_knows_by_its_name() {
        let list = [
            site_actor("Velmar Bridge", ActorKind::Place, &[]),
            site_actor("Orrin Tools Ltd", ActorKind::Organization, &["Orrin Tools"]),
            // A person and an award may share a name: the award stays a thing.
            site_actor("Oscar", ActorKind::Person, &[]),
            // Two actors with one name: which one is meant is unknown.
            site_actor("Calder", ActorKind::Place, &[]),
            site_actor("Calder", ActorKind::Organization, &[]),
        ];
        let by_name = names_of(&list);
        // (name of a thing, the site actor it is shown as)
        let cases: [(&str, Option<u32>); 7] = [
            ("Velmar Bridge", Some(0)),
            ("the Velmar Bridge", Some(0)),
            ("VELMAR BRIDGE", Some(0)),
            ("Orrin Tools", Some(1)),
            ("Oscar", None),
            ("Calder", None),
            ("Velmar Bridge Act", None),
        ];
        for (name, want) in cases {
            assert_eq!(named(&by_name, name), want.map(ActorId), "{name}");
        }
    }

    #[test]
    fn an_event_involves_the_things_it_names_that_are_no_actors() {
        let mut b = briefing(true, &[]);
        let thing = |name: &str| entry(name, ActorKind::Thing, 2, 0.1);
        b.meta.things = vec![thing("Velmar Bridge"), thing("Madrid")];
        // (names the event lists, things it involves)
        let cases: [(&[&str], &[&str]); 4] = [
            (&["Ana Varela", "Velmar Bridge"], &["Velmar Bridge"]),
            (&["Velmar Bridge", "Velmar Bridge"], &["Velmar Bridge"]),
            // An actor of the list comes first: "Madrid" is the place.
            (&["Madrid"], &[]),
            (&["Lisk"], &[]),
        ];
        for (names, want) in cases {
            b.meta.timeline[0].actors = names.iter().map(|n| n.to_string()).collect();
            assert_eq!(event_things(&b, 0), want, "{names:?}");
        }
        assert!(event_things(&b, 1).is_empty(), "no such event");
    }
}
