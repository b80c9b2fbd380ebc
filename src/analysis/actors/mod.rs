//! Actors: entity mentions in, one actor per real-world entity out, with type, role,
//! aliases, quotes and salience.
//!
//! The passes, each in its own file:
//! - `text`: tokens, paragraphs and name normalisation;
//! - `things`: names of laws, games, works, products and events, retyped MISC so that
//!   they name no actor ("the game Minecraft", "Affordable Care Act");
//! - `furniture`: names in headlines and section labels only, clock times ("8 AM"),
//!   which name nobody in the story;
//! - `mentions`: which tagged entities name actors and what they refer to, reading the
//!   gazetteer of countries and organisations (`language::world`) and the word lists of
//!   roles and groups (`lexicon`, from `data/*.txt`), and the person's role (`roles`);
//! - `merge`: mentions of one real-world entity into one cluster, by the identity rule
//!   of `language::identity` (the one the site uses to merge actors across articles);
//! - `naming`: each cluster's canonical name, role and aliases, and its kind (`kinds`);
//! - `quotes`: what each actor said, where the text says so;
//! - `sources`: news outlets the article only cites ("Sputnik reported"), and the
//!   page's own outlet, which is the briefing's source rather than an actor;
//! - `salience`: the ranking, with those outlets after the story's actors;
//! - `thing_actors`: one actor of kind thing per named thing (a product, an index, a
//!   law, an event), after all of the story's actors, so timelines can name them.
//!
//! Everything is rule-based and deterministic, and linear in the article apart from
//! small windows around each mention: the rules are readable, testable one by one and
//! need no model. `Actor::id` is the actor's rank and `Entity::actor` points to it;
//! a mention that names no actor (a national adjective inside a role, a holiday)
//! keeps `None`.

mod furniture;
mod kinds;
mod lexicon;
mod mentions;
mod merge;
mod naming;
mod quotes;
mod roles;
mod salience;
mod sources;
#[cfg(test)]
mod tests;
mod text;
mod thing_actors;
mod things;

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use super::entities::Entity;
use super::sentences::Sentence;
use super::summary::Summary;

pub use crate::language::identity::ActorKind;

/// Something an actor said, as reported in the article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// Index of the sentence holding the quote.
    pub sentence: usize,
    /// The quoted words, without the quotation marks; for reported speech, the reported clause.
    pub text: String,
    /// Whether the words were between quotation marks (else: "X said that ...", "according to X").
    #[serde(default)]
    pub direct: bool,
}

/// One real-world person, organisation, place or group in an article, or a named thing
/// (kind [`ActorKind::Thing`]), listed after them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Actor {
    /// Index in `Analysis::actors`.
    pub id: usize,
    /// The fullest name used in the article ("Sergey Lavrov").
    pub name: String,
    pub kind: ActorKind,
    /// Title or function from the text ("Russian Foreign Minister").
    pub role: Option<String>,
    /// Other names used for the actor in the article ("Lavrov").
    pub aliases: Vec<String>,
    pub mentions: usize,
    /// 0.0 to 1.0; the most salient actor of an article has 1.0.
    pub salience: f64,
    pub quotes: Vec<Quote>,
    /// A news outlet the article only cites as the source of a report ("told ABC
    /// News"): ranked after the story's actors, and shown as a source.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub source: bool,
}

#[cfg(test)]
impl Actor {
    /// An actor of `kind` named `name`, mentioned once, with nothing else known (tests).
    pub(crate) fn plain(id: usize, name: &str, kind: ActorKind) -> Actor {
        Actor {
            id,
            name: name.to_string(),
            kind,
            role: None,
            aliases: vec![],
            mentions: 1,
            salience: 0.0,
            quotes: vec![],
            source: false,
        }
    }
}

/// Merges mentions into actors, sets `Entity::actor`, and ranks actors by salience.
/// `outlet` is the publication the page comes from (`Article::source`), if known.
pub fn resolve(
    prose: &str,
    title: &str,
    outlet: Option<&str>,
    sentences: &[Sentence],
    entities: &mut [Entity],
    summary: &Summary,
) -> Vec<Actor> {
    for e in entities.iter_mut() {
        e.actor = None;
    }
    let doc = text::Doc::new(prose, sentences);
    let things: HashSet<usize> = things::find(&doc, entities).into_iter().collect();
    for &i in &things {
        entities[i].kind = super::entities::EntityType::Misc;
    }
    let mut found = mentions::collect(&doc, entities);
    // A thing keeps no mention, whatever its head ("a Morris Trust structure").
    found.retain(|m| !things.contains(&m.entity));
    let clusters = merge::cluster(&doc, &found);
    let drafts = naming::name_clusters(
        &doc,
        &found,
        &clusters,
        misc_counts(&doc, entities, &things),
    );
    let mut actor_of = vec![0; found.len()];
    for (d, draft) in drafts.iter().enumerate() {
        for &m in &draft.members {
            actor_of[m] = d;
        }
    }
    let attributions = quotes::attribute(&doc, &found, &actor_of);
    let mut quotes: Vec<Vec<Quote>> = vec![Vec::new(); drafts.len()];
    for a in attributions {
        quotes[actor_of[a.speaker]].push(a.quote);
    }
    let quote_counts: Vec<usize> = quotes.iter().map(Vec::len).collect();
    let signals = salience::Signals {
        doc: &doc,
        title,
        summary: &summary.sentences,
        quotes: &quote_counts,
    };
    let mut scores = salience::scores(&found, &drafts, &signals);
    let cited = sources::cited_only(&doc, &found, &drafts);
    salience::after_participants(&mut scores, &cited);
    // The page's own outlet, only cited, is the briefing's source: no actor.
    let own = sources::own_outlet_cited_only(&doc, &found, &drafts, outlet);
    let order = salience::rank(&scores, &drafts);
    let order = without(&mut scores, order, &own);
    let mut rank = vec![None; drafts.len()];
    for (r, &d) in order.iter().enumerate() {
        rank[d] = Some(r);
    }
    for (m, mention) in found.iter().enumerate() {
        entities[mention.entity].actor = rank[actor_of[m]];
    }
    let saliences = salience::normalise(&scores);
    let mut actors = ranked(&order, &drafts, &saliences, quotes, &cited);
    let furniture = furniture::find(&doc, entities);
    thing_actors::append(&doc, title, entities, &things, &furniture, &mut actors);
    actors
}

/// How often the tagger typed each name (by key) MISC, things left out (they were
/// retyped MISC for naming no actor).
fn misc_counts(
    doc: &text::Doc,
    entities: &[Entity],
    things: &HashSet<usize>,
) -> HashMap<String, usize> {
    let mut misc = HashMap::new();
    for (i, e) in entities.iter().enumerate() {
        if e.kind == super::entities::EntityType::Misc
            && !things.contains(&i)
            && let Some(name) = doc.prose.get(e.start..e.end)
        {
            *misc.entry(crate::language::names::key(name)).or_insert(0) += 1;
        }
    }
    misc
}

/// `order` without the drafts marked in `dropped`, whose scores become 0 so that the
/// top actor left has salience 1.0.
fn without(scores: &mut [f64], order: Vec<usize>, dropped: &[bool]) -> Vec<usize> {
    for (score, _) in scores.iter_mut().zip(dropped).filter(|(_, d)| **d) {
        *score = 0.0;
    }
    order.into_iter().filter(|&d| !dropped[d]).collect()
}

/// The actors in salience `order`, their ids their ranks; those marked in `cited` are
/// sources.
fn ranked(
    order: &[usize],
    drafts: &[naming::Draft],
    saliences: &[f64],
    mut quotes: Vec<Vec<Quote>>,
    cited: &[bool],
) -> Vec<Actor> {
    order
        .iter()
        .enumerate()
        .map(|(id, &d)| {
            let draft = &drafts[d];
            Actor {
                id,
                name: draft.name.clone(),
                kind: draft.kind,
                role: draft.role.clone(),
                aliases: draft.aliases.clone(),
                mentions: draft.members.len(),
                salience: saliences[d],
                quotes: std::mem::take(&mut quotes[d]),
                source: cited[d],
            }
        })
        .collect()
}
