//! The actors a briefing's page shows: each entry of the briefing's actor list as its
//! site actor (with the name the briefing writes, its quotes, salience and the number of
//! briefings it is in), split into places and the rest by salience, and its things: a
//! thing the site knows as an organisation or place (an entity has one kind across the
//! site, `corpus::Corpus::thing`) is shown as that actor, other things by name.
//! Split from `briefing` so that each file stays small.

use std::collections::HashSet;

use crate::analysis::ActorKind;
use crate::corpus::{BriefingId, Participant};

use super::super::index::SiteIndex;
use super::ActorRef;
use super::briefing::BriefingActor;

/// The briefing's places and its other actors, each site actor once, by salience
/// (file order on ties).
pub(super) fn ranked(actors: &[BriefingActor]) -> (Vec<BriefingActor>, Vec<BriefingActor>) {
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

/// The things briefing `b` shows: the names of things go to `names`; a thing the site
/// knows as an organisation or a place (an entity has one kind across the site) is
/// returned as that actor, unless the briefing lists it among its actors already.
pub(super) fn things_shown(
    index: &SiteIndex,
    b: BriefingId,
    names: &mut Vec<String>,
) -> Vec<BriefingActor> {
    let mut actors: Vec<BriefingActor> = Vec::new();
    let listed = index.corpus.actors_of(b);
    for thing in index.briefing(b).meta.things_shown() {
        match index.corpus.thing(thing.name.trim()) {
            Participant::Thing(name) => names.push(name.to_string()),
            Participant::Actor(id) => {
                let actor = ActorRef::on_briefing(index, id, None, b);
                if listed.contains(&id) || actors.iter().any(|a| a.actor.slug == actor.slug) {
                    continue;
                }
                actors.push(BriefingActor {
                    name_here: (thing.name.trim() != actor.name).then(|| thing.name.trim().into()),
                    actor,
                    aliases: thing.aliases.clone(),
                    quotes: Vec::new(),
                    mentions: thing.mentions,
                    salience: thing.salience,
                    briefing_count: index.corpus.postings(id).len(),
                    source: false,
                });
            }
        }
    }
    actors
}

pub(super) fn briefing_actors(index: &SiteIndex, b: BriefingId) -> Vec<BriefingActor> {
    let meta = &index.briefing(b).meta;
    meta.actors
        .iter()
        .zip(index.corpus.actors_of(b))
        .map(|(a, &id)| {
            let actor = ActorRef::on_briefing(index, id, a.role.as_deref(), b);
            BriefingActor {
                name_here: (a.name.trim() != actor.name).then(|| a.name.trim().to_string()),
                actor,
                aliases: a.aliases.clone(),
                quotes: a.quotes.clone(),
                mentions: a.mentions,
                salience: a.salience,
                briefing_count: index.corpus.postings(id).len(),
                source: a.source,
            }
        })
        .collect()
}
