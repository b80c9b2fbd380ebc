//! Roles over time: the roles the briefings give an actor, each with the period in which
//! briefings give it and the newest briefings that do; and the facts every page of an
//! actor shows in its header (the role shown beside its name, its first and last dates).

use std::collections::{HashMap, HashSet};

use jiff::civil::Date;
use rayon::prelude::*;

use super::Corpus;
use super::ids::{ActorId, BriefingId};

/// Briefings named for each role (the newest).
pub const ROLE_SOURCES: usize = 5;

/// A role and the briefings that give it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Role {
    /// As first written (newest briefing first).
    pub role: String,
    /// The dates of the oldest and the newest dated briefing that give it.
    pub first_date: Option<Date>,
    pub last_date: Option<Date>,
    /// The newest briefings that give it, at most [`ROLE_SOURCES`].
    pub sources: Vec<BriefingId>,
    /// Every briefing that gives it.
    pub count: usize,
}

/// What every page of an actor shows in its header.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActorFacts {
    /// The most frequent role (the newest on ties): the most frequent rather than the
    /// newest, so that one misread role in the latest briefing does not rename an
    /// actor across the site (the actor page lists every role with its period).
    pub main_role: Option<String>,
    /// The oldest and newest dates of its briefings.
    pub first_date: Option<Date>,
    pub last_date: Option<Date>,
}

impl Corpus {
    /// The roles of each appearance of an actor, in site order.
    fn appearance_roles(&self, id: ActorId) -> impl Iterator<Item = (BriefingId, &str)> {
        self.actor(id).appearances.iter().filter_map(|app| {
            let role = self.briefing(app.briefing).meta.actors[app.actor]
                .role
                .as_deref()
                .map(str::trim)
                .filter(|r| !r.is_empty())?;
            Some((app.briefing, role))
        })
    }

    /// The header facts of an actor.
    pub fn actor_facts(&self, id: ActorId) -> &ActorFacts {
        &self.actors.facts[id.slot()]
    }

    /// The header facts of every actor, by `ActorId::slot`.
    pub fn all_actor_facts(&self) -> &[ActorFacts] {
        &self.actors.facts
    }

    /// The header facts of every actor, by id (in parallel: 20,000 actors at 10,000
    /// briefings). They read only the briefings' surfaces (roles, dates, site order),
    /// so an update that changes contents only keeps them (see `delta`).
    pub(super) fn compute_facts(&self) -> Vec<ActorFacts> {
        let ids: Vec<ActorId> = self.actors().collect();
        ids.into_par_iter().map(|id| self.facts_of(id)).collect()
    }

    fn facts_of(&self, id: ActorId) -> ActorFacts {
        let mut counts: HashMap<&str, (usize, usize)> = HashMap::new();
        for (order, (_, role)) in self.appearance_roles(id).enumerate() {
            counts.entry(role).or_insert((0, order)).0 += 1;
        }
        let main_role = counts
            .into_iter()
            .max_by(|a, b| a.1.0.cmp(&b.1.0).then(b.1.1.cmp(&a.1.1)))
            .map(|(r, _)| r.to_string());
        let postings = self.postings(id);
        let date = |b: &BriefingId| self.briefing(*b).meta.date;
        ActorFacts {
            main_role,
            first_date: postings.iter().rev().find_map(date),
            last_date: postings.iter().find_map(date),
        }
    }

    /// The actor's roles: the `max` most used, shown the most recent first (by the date
    /// of the last briefing that gives it), each with its period and newest sources.
    pub fn roles(&self, id: ActorId, max: usize) -> Vec<Role> {
        let mut roles: Vec<Role> = Vec::new();
        let mut by_key: HashMap<String, usize> = HashMap::new();
        let mut counted: HashSet<(usize, BriefingId)> = HashSet::new();
        for (briefing, role) in self.appearance_roles(id) {
            let slot = *by_key.entry(slug::slugify(role)).or_insert_with(|| {
                roles.push(Role {
                    role: role.to_string(),
                    first_date: None,
                    last_date: None,
                    sources: Vec::new(),
                    count: 0,
                });
                roles.len() - 1
            });
            if counted.insert((slot, briefing)) {
                let entry = &mut roles[slot];
                entry.count += 1;
                if entry.sources.len() < ROLE_SOURCES {
                    entry.sources.push(briefing);
                }
                if let Some(date) = self.briefing(briefing).meta.date {
                    entry.first_date = Some(entry.first_date.map_or(date, |f| f.min(date)));
                    entry.last_date = Some(entry.last_date.map_or(date, |l| l.max(date)));
                }
            }
        }
        // The most used roles are kept (one misread role must not push out a real one),
        // then shown the most recent first.
        let recency = |r: &Role| std::cmp::Reverse(r.last_date);
        let uses = |r: &Role| std::cmp::Reverse(r.count);
        let mut order: Vec<usize> = (0..roles.len()).collect();
        order.sort_by_key(|&i| (uses(&roles[i]), recency(&roles[i])));
        order.truncate(max);
        order.sort_by_key(|&i| (recency(&roles[i]), uses(&roles[i])));
        order.into_iter().map(|i| roles[i].clone()).collect()
    }
}
