//! "Related briefings" (briefings that share actors) and "seen with" (actors that
//! appear in the same briefings), from the inverted index actor -> briefings.
//!
//! Both are bounded so the site stays linear in its size: related briefings look only
//! at the [`WINDOW`] briefings nearest in time in each shared actor's list (an actor in
//! half of all briefings would otherwise make this quadratic), weighting rare actors
//! higher; "seen with" counts over the first [`MAX_ACTORS`] actors of each briefing
//! (the most salient ones).

use std::collections::HashMap;

use super::index::SiteIndex;

/// Briefings looked at on each side of a briefing in one actor's list.
pub const WINDOW: usize = 50;
/// Actors of one briefing taken into account for co-occurrence.
pub const MAX_ACTORS: usize = 40;

/// A related briefing and the actors it shares.
#[derive(Debug, Clone, PartialEq)]
pub struct Related {
    pub briefing: usize,
    /// Site actor indices, in the order of the briefing's actor list.
    pub shared: Vec<usize>,
}

/// Up to `limit` briefings sharing actors with briefing `b`, best first.
pub fn related(index: &SiteIndex, b: usize, limit: usize) -> Vec<Related> {
    let mut scores: HashMap<usize, (f64, Vec<usize>)> = HashMap::new();
    let mut actors: Vec<usize> = index.actors.of_briefing(b).to_vec();
    let mut seen = std::collections::HashSet::new();
    actors.retain(|a| seen.insert(*a));
    for &actor in &actors {
        let list = &index.postings[actor];
        let weight = 1.0 / (1.0 + (list.len() as f64).ln());
        let at = list.binary_search(&b).unwrap_or_else(|i| i);
        let window = &list[at.saturating_sub(WINDOW)..(at + WINDOW + 1).min(list.len())];
        for &other in window.iter().filter(|&&o| o != b) {
            let entry = scores.entry(other).or_insert((0.0, Vec::new()));
            entry.0 += weight;
            entry.1.push(actor);
        }
    }
    let mut ranked: Vec<(usize, f64, Vec<usize>)> = scores
        .into_iter()
        .map(|(o, (s, shared))| (o, s, shared))
        .collect();
    ranked.sort_by(|x, y| {
        y.1.total_cmp(&x.1)
            .then(x.0.abs_diff(b).cmp(&y.0.abs_diff(b)))
            .then(x.0.cmp(&y.0))
    });
    ranked.truncate(limit);
    ranked
        .into_iter()
        .map(|(briefing, _, shared)| Related { briefing, shared })
        .collect()
}

/// For every site actor, the actors it appears with and in how many briefings,
/// most frequent first (then by slug), at most `limit` each.
pub fn seen_with(index: &SiteIndex, limit: usize) -> Vec<Vec<(usize, usize)>> {
    let mut counts: Vec<HashMap<usize, usize>> = vec![HashMap::new(); index.actors.actors.len()];
    for b in 0..index.briefings.len() {
        let mut present: Vec<usize> = index
            .actors
            .of_briefing(b)
            .iter()
            .copied()
            .take(MAX_ACTORS)
            .collect();
        present.sort_unstable();
        present.dedup();
        for &x in &present {
            for &y in present.iter().filter(|&&y| y != x) {
                *counts[x].entry(y).or_default() += 1;
            }
        }
    }
    counts
        .into_iter()
        .map(|c| {
            let mut list: Vec<(usize, usize)> = c.into_iter().collect();
            list.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            list.truncate(limit);
            list
        })
        .collect()
}
