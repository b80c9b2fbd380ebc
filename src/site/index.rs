//! The shared lookups of one render, built once: the briefings in site order with
//! their URL slugs, the merged actors and which briefings each appears in, the tags.
//!
//! Every page reads these instead of scanning all briefings, which keeps a render
//! linear in the size of the site (see `related` for the capped neighbourhoods).

use std::collections::HashMap;

use crate::briefing::{ActorMeta, Briefing};
use crate::config::Config;

use super::actors::{ActorIndex, find_in_list};
use super::slugs;
use super::timeline::EventRef;
use super::urls;

/// A tag of the site (tags that slug the same are one tag).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteTag {
    /// The most used spelling.
    pub name: String,
    pub slug: String,
    /// Briefing indices, in site order.
    pub briefings: Vec<usize>,
}

/// Lookups shared by every page of a render.
pub struct SiteIndex<'a> {
    pub config: &'a Config,
    /// Briefings shown on the site, newest first (undated last, then by slug).
    pub briefings: Vec<&'a Briefing>,
    /// URL slug of each briefing: its file slug when safe, unique.
    pub slugs: Vec<String>,
    by_file_slug: HashMap<&'a str, usize>,
    pub actors: ActorIndex,
    /// For each site actor, the briefings it appears in, in site order, without repeats.
    pub postings: Vec<Vec<usize>>,
    /// Sorted by slug.
    pub tags: Vec<SiteTag>,
    /// For each briefing, its tags (indices into `tags`), in the order written.
    pub tags_of: Vec<Vec<usize>>,
    /// `event_actors[b][e]`: the site actors involved in event `e` of briefing `b`.
    pub event_actors: Vec<Vec<Vec<usize>>>,
    /// For each site actor, the events it is involved in, in site order.
    pub actor_events: Vec<Vec<EventRef>>,
}

impl<'a> SiteIndex<'a> {
    /// Sorts and indexes the briefings to show (drafts only when `drafts`).
    pub fn build(config: &'a Config, all: &'a [Briefing], drafts: bool) -> SiteIndex<'a> {
        let mut briefings: Vec<&Briefing> =
            all.iter().filter(|b| drafts || !b.meta.draft).collect();
        briefings.sort_by(|a, b| {
            b.meta
                .date
                .cmp(&a.meta.date)
                .then_with(|| a.slug.cmp(&b.slug))
        });
        let slugs = unique_slugs(&briefings);
        let by_file_slug = briefings
            .iter()
            .enumerate()
            .map(|(i, b)| (b.slug.as_str(), i))
            .collect();
        let lists: Vec<&[ActorMeta]> = briefings.iter().map(|b| b.meta.actors.as_slice()).collect();
        let actors = ActorIndex::build(&lists);
        let mut postings = vec![Vec::new(); actors.actors.len()];
        for (b, _) in briefings.iter().enumerate() {
            for &a in actors.of_briefing(b) {
                if postings[a].last() != Some(&b) {
                    postings[a].push(b);
                }
            }
        }
        let (tags, tags_of) = index_tags(&briefings);
        let event_actors: Vec<Vec<Vec<usize>>> = briefings
            .iter()
            .enumerate()
            .map(|(b, briefing)| event_actors(briefing, actors.of_briefing(b)))
            .collect();
        let mut actor_events = vec![Vec::new(); actors.actors.len()];
        for (briefing, events) in event_actors.iter().enumerate() {
            for (event, ids) in events.iter().enumerate() {
                for &id in ids {
                    actor_events[id].push(EventRef { briefing, event });
                }
            }
        }
        SiteIndex {
            config,
            briefings,
            slugs,
            by_file_slug,
            actors,
            postings,
            tags,
            tags_of,
            event_actors,
            actor_events,
        }
    }

    /// The briefing whose file is `<slug>.md`.
    pub fn by_file_slug(&self, slug: &str) -> Option<usize> {
        self.by_file_slug.get(slug).copied()
    }

    /// The site path of briefing `b` (`briefings/<slug>/`).
    pub fn briefing_path(&self, b: usize) -> String {
        urls::briefing(&self.slugs[b])
    }

    /// The URL (with base path) of a site path.
    pub fn url(&self, site_path: &str) -> String {
        format!("{}{}", self.config.base_path(), site_path)
    }

    /// The absolute URL of a site path.
    pub fn permalink(&self, site_path: &str) -> String {
        format!("{}{}", self.config.base_url, site_path)
    }

    /// Maps a link written in a briefing body to the URL put in the page:
    /// `other.md` (any folder) links to that briefing, a root-relative link gets the
    /// base path, anything else is kept.
    pub fn rewrite_link(&self, url: &str) -> String {
        let base = self.config.base_path();
        if url.starts_with('#')
            || url.starts_with("//")
            || url.contains(':') && !url.starts_with('/')
        {
            return url.to_string();
        }
        let split = url.find(['?', '#']).unwrap_or(url.len());
        let (path, rest) = url.split_at(split);
        if let Some(stem) = path.strip_suffix(".md") {
            let file = stem.rsplit('/').next().unwrap_or(stem);
            let slug = self.by_file_slug(file).map_or_else(
                || urls::clean_slug(file, "missing"),
                |b| self.slugs[b].clone(),
            );
            return format!("{base}{}{rest}", urls::briefing(&slug));
        }
        match path.strip_prefix('/') {
            Some(_) if path.starts_with(base) => url.to_string(),
            Some(inside) => format!("{base}{inside}{rest}"),
            None => url.to_string(),
        }
    }
}

/// The site actors of each event of a briefing: the names listed in the event, and
/// the briefing's actors whose name or an alias appears in the event text as a word.
fn event_actors(briefing: &Briefing, site_ids: &[usize]) -> Vec<Vec<usize>> {
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
            let mut ids: Vec<usize> = Vec::with_capacity(found.len());
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

/// URL slugs of the briefings, unique: a repeated slug gets `-2`, `-3`, ...
fn unique_slugs(briefings: &[&Briefing]) -> Vec<String> {
    let mut slugs = slugs::Unique::default();
    briefings
        .iter()
        .map(|b| slugs.claim(&urls::clean_slug(&b.slug, "briefing")))
        .collect()
}

/// The tags of the site (names that slug the same are one tag, shown in their most
/// used spelling), sorted by slug, and each briefing's tags.
fn index_tags(briefings: &[&Briefing]) -> (Vec<SiteTag>, Vec<Vec<usize>>) {
    type Spellings<'b> = HashMap<&'b str, usize>;
    let mut by_slug: HashMap<String, (Spellings, Vec<usize>)> = HashMap::new();
    let mut tags_of: Vec<Vec<String>> = Vec::with_capacity(briefings.len());
    for (b, briefing) in briefings.iter().enumerate() {
        let mut own: Vec<String> = Vec::new();
        for name in &briefing.meta.tags {
            let slug = slug::slugify(name);
            if slug.is_empty() {
                continue;
            }
            let (spellings, list) = by_slug.entry(slug.clone()).or_default();
            *spellings.entry(name.trim()).or_default() += 1;
            if list.last() != Some(&b) {
                list.push(b);
                own.push(slug);
            }
        }
        tags_of.push(own);
    }
    let mut full: Vec<(String, (Spellings, Vec<usize>))> = by_slug.into_iter().collect();
    full.sort_by(|a, b| a.0.cmp(&b.0));
    let mut unique = slugs::Unique::default();
    let mut tags: Vec<(String, SiteTag)> = full
        .into_iter()
        .map(|(key, (spellings, briefings))| {
            let name = spellings
                .into_iter()
                .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))
                .map_or_else(|| key.clone(), |(n, _)| n.to_string());
            let slug = unique.claim(&key);
            (
                key,
                SiteTag {
                    name,
                    slug,
                    briefings,
                },
            )
        })
        .collect();
    tags.sort_by(|a, b| a.1.slug.cmp(&b.1.slug));
    let position: HashMap<&str, usize> = tags
        .iter()
        .enumerate()
        .map(|(i, (key, _))| (key.as_str(), i))
        .collect();
    let tags_of = tags_of
        .iter()
        .map(|own| {
            own.iter()
                .filter_map(|k| position.get(k.as_str()).copied())
                .collect()
        })
        .collect();
    (tags.into_iter().map(|(_, t)| t).collect(), tags_of)
}
