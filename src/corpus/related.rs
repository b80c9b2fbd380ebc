//! "Related briefings" (briefings that share actors) and "seen with" (actors that
//! appear in the same briefings), from the inverted index actor -> briefings.
//!
//! Both are bounded so the site stays linear in its size: related briefings look only
//! at the [`WINDOW`] briefings nearest in time in each shared actor's list (an actor in
//! half of all briefings would otherwise make this quadratic), weighting rare actors
//! higher; "seen with" counts over the first [`MAX_ACTORS`] actors of each briefing
//! (the most salient ones).

use super::Corpus;
use super::ids::{ActorId, BriefingId};

/// Briefings looked at on each side of a briefing in one actor's list.
pub const WINDOW: usize = 50;
/// Actors of one briefing taken into account for co-occurrence.
pub const MAX_ACTORS: usize = 40;

/// A related briefing and the actors it shares.
#[derive(Debug, Clone, PartialEq)]
pub struct Related {
    pub briefing: BriefingId,
    /// In the order of the briefing's actor list.
    pub shared: Vec<ActorId>,
}

/// A candidate of [`Corpus::related`]: its position in the site order, its score, the
/// briefing and its (briefing, rank of the shared actor) pairs.
type Candidate<'a> = (usize, f64, BriefingId, &'a [(BriefingId, u32)]);

impl Corpus {
    /// Up to `limit` briefings sharing actors with briefing `b`, best first (then the
    /// nearest in the site order). Keying every page of a site asks this of every
    /// briefing, so the candidates are gathered as (briefing, actor) pairs in one vector
    /// and grouped by sorting (no map, no list per candidate); the weights of a
    /// candidate are added in the order of `b`'s actors, as the score is defined.
    pub fn related(&self, b: BriefingId, limit: usize) -> Vec<Related> {
        let here = self.position(b);
        let mut actors: Vec<ActorId> = self.actors_of(b).to_vec();
        let mut seen = std::collections::HashSet::new();
        actors.retain(|a| seen.insert(*a));
        let mut weights = Vec::with_capacity(actors.len());
        let mut pairs: Vec<(BriefingId, u32)> = Vec::new();
        for (i, &actor) in actors.iter().enumerate() {
            let list = self.postings(actor);
            weights.push(1.0 / (1.0 + (list.len() as f64).ln()));
            let at = list.partition_point(|&o| self.position(o) < here);
            let window = &list[at.saturating_sub(WINDOW)..(at + WINDOW + 1).min(list.len())];
            let rank = u32::try_from(i).unwrap_or(u32::MAX);
            pairs.extend(window.iter().filter(|&&o| o != b).map(|&o| (o, rank)));
        }
        pairs.sort_unstable();
        let mut ranked: Vec<Candidate> = pairs
            .chunk_by(|x, y| x.0 == y.0)
            .map(|group| {
                let score = group.iter().fold(0.0, |s, &(_, i)| s + weights[i as usize]);
                (self.position(group[0].0), score, group[0].0, group)
            })
            .collect();
        let order = |x: &Candidate, y: &Candidate| {
            y.1.total_cmp(&x.1)
                .then(x.0.abs_diff(here).cmp(&y.0.abs_diff(here)))
                .then(x.0.cmp(&y.0))
        };
        if ranked.len() > limit && limit > 0 {
            ranked.select_nth_unstable_by(limit - 1, order);
        }
        ranked.truncate(limit);
        ranked.sort_by(order);
        ranked
            .into_iter()
            .map(|(_, _, briefing, group)| Related {
                briefing,
                shared: group.iter().map(|&(_, i)| actors[i as usize]).collect(),
            })
            .collect()
    }

    /// The actors `a` appears with and in how many briefings, most frequent first (then
    /// by slug), at most `limit`. Counted over the first [`MAX_ACTORS`] actors of each of
    /// its briefings (the most salient ones).
    pub fn seen_with(&self, a: ActorId, limit: usize) -> Vec<(ActorId, usize)> {
        // Fx, not SipHash, and one buffer: the first page of an actor in thousands of
        // briefings counts tens of thousands of pairs, and keying every page asks this
        // of every actor.
        let mut counts: rustc_hash::FxHashMap<ActorId, usize> = Default::default();
        let mut present: Vec<ActorId> = Vec::with_capacity(MAX_ACTORS);
        for &b in self.postings(a) {
            present.clear();
            present.extend(self.actors_of(b).iter().copied().take(MAX_ACTORS));
            present.sort_unstable();
            present.dedup();
            if present.binary_search(&a).is_ok() {
                for &y in present.iter().filter(|&&y| y != a) {
                    *counts.entry(y).or_default() += 1;
                }
            }
        }
        let mut list: Vec<(ActorId, usize)> = counts.into_iter().collect();
        // slugs are unique: a total order, so selecting the first `limit` and sorting
        // them gives what sorting them all gives
        let order = |x: &(ActorId, usize), y: &(ActorId, usize)| {
            y.1.cmp(&x.1)
                .then_with(|| self.actor(x.0).slug.cmp(&self.actor(y.0).slug))
        };
        if list.len() > limit && limit > 0 {
            list.select_nth_unstable_by(limit - 1, order);
        }
        list.truncate(limit);
        list.sort_by(order);
        list
    }
}
