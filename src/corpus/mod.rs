//! Stage 4: briefings in, the facts across briefings out: the site order, each
//! briefing's URL slug, the actors (entries of many briefings merged) and the briefings
//! and events each is in, the tags, the merged timeline, related briefings, who appears
//! with whom, and each actor's roles over time.
//!
//! A [`Corpus`] is a pure value built from the briefings ([`Corpus::build`]) and kept up
//! to date one briefing at a time ([`Corpus::update`]): a briefing added, changed or
//! removed touches only its own entries in the indexes (its place in the order, its
//! tags, the periods of the merged timeline its events fall in), so `watch` and `serve`
//! never rebuild these facts from every briefing on an edit. Everything it shows is
//! ordered by the site order or by names, never by ids ([`ids`]), so an updated corpus
//! equals one built from scratch from the same briefings; a test checks this over
//! random sequences of edits.
//!
//! `site` only presents a corpus: it reads these facts and turns them into pages.

mod actor_index;
mod actors;
mod delta;
mod event_words;
mod events;
mod ids;
mod related;
mod roles;
pub mod slugs;
mod tags;
pub mod timeline;
mod union_find;

#[cfg(test)]
mod tests;

use std::cmp::Ordering;
use std::collections::HashMap;
#[cfg(test)]
use std::collections::HashSet;
use std::sync::Arc;

use crate::briefing::Briefing;

pub use actor_index::site_names;
pub use actors::{Actor, Appearance};
pub use delta::Delta;
pub use ids::{ActorId, BriefingId, EventRef, TagId};
pub use related::{MAX_ACTORS, Related, WINDOW};
pub use roles::{ActorFacts, ROLE_SOURCES, Role};
pub use tags::Tag;
pub use timeline::{DateGroup, MergedEvent, Period, PeriodKey, Timeline};

/// A content hash.
pub type Fingerprint = [u8; 16];

/// A briefing of the corpus (shared with whoever handed it in: `watch` and `serve`
/// keep the parsed briefing files, and the corpus holds no second copy).
#[derive(Debug, Clone)]
struct Entry {
    briefing: Arc<Briefing>,
    url_slug: String,
    /// The URL slug the briefing's file slug asks for (see `slugs::briefing_base`).
    base: String,
    fingerprint: Fingerprint,
    /// The hash of its surface (see `delta`).
    surface: Fingerprint,
}

/// A name a briefing lists among its things, as the site shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Participant<'a> {
    /// A site actor of that name (an organisation or a place).
    Actor(ActorId),
    /// A thing: shown as its name; things have no pages.
    Thing(&'a str),
}

/// The facts across the briefings of a site. See the module docs.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    /// Include briefings marked `draft: true`.
    drafts: bool,
    slots: Vec<Option<Entry>>,
    free: Vec<u32>,
    by_slug: HashMap<String, BriefingId>,
    /// The site order: newest first, undated last, then by file slug.
    order: Vec<BriefingId>,
    /// The place of each briefing in `order`, by slot.
    position: Vec<u32>,
    /// Which briefings ask for each URL slug.
    bases: HashMap<String, Vec<BriefingId>>,
    tags: tags::Tags,
    timeline: Timeline,
    actors: actors::Actors,
    /// A hash of every surface in site order (see [`Corpus::surface_digest`]).
    surface_digest: Fingerprint,
}

impl Corpus {
    /// The corpus of `briefings` (drafts only when `drafts`).
    pub fn build<B: Into<Arc<Briefing>>>(
        briefings: impl IntoIterator<Item = B>,
        drafts: bool,
    ) -> Corpus {
        let mut corpus = Corpus {
            drafts,
            ..Corpus::default()
        };
        let _ = corpus.update(briefings, &[]);
        corpus
    }

    /// Adds or replaces `changed` (by file slug) and removes the briefings whose file
    /// slugs are in `removed`. A draft, when drafts are not shown, counts as removed.
    /// Returns what changed (see [`Delta`]).
    pub fn update<B: Into<Arc<Briefing>>>(
        &mut self,
        changed: impl IntoIterator<Item = B>,
        removed: &[String],
    ) -> Delta {
        let changed: Vec<Arc<Briefing>> = changed.into_iter().map(Into::into).collect();
        let delta = delta::before_update(&changed, removed, self.drafts, |slug| {
            let id = self.by_file_slug(slug)?;
            Some((id, self.entry(id).surface))
        });
        for slug in removed {
            self.remove(slug);
        }
        // Many at once (a first build): append, then sort the order once.
        let bulk = changed.len() > 64 && changed.len() * 4 > self.order.len();
        let mut added = Vec::new();
        for briefing in changed {
            if briefing.meta.draft && !self.drafts {
                self.remove(&briefing.slug.clone());
                continue;
            }
            added.push(self.insert(briefing, bulk));
        }
        if bulk {
            let mut order = std::mem::take(&mut self.order);
            order.sort_by(|&a, &b| site_order(self.entry(a), self.entry(b)));
            self.order = order;
        }
        self.refresh_positions();
        let mut tags = std::mem::take(&mut self.tags);
        for &id in &added {
            let before = |a: BriefingId, b: BriefingId| self.position(a) < self.position(b);
            tags.add(id, &self.entry(id).briefing.meta.tags, before);
        }
        tags.settle();
        self.tags = tags;
        let position = |id: BriefingId| self.position[id.index()] as usize;
        let mut timeline = std::mem::take(&mut self.timeline);
        timeline.merge_stale(position);
        self.timeline = timeline;
        let mut actors = std::mem::take(&mut self.actors);
        let briefing = |id: BriefingId| {
            let entry = self.entry(id);
            (&*entry.briefing, entry.fingerprint)
        };
        match delta.contents() {
            Some(ids) => actors.refresh_events(ids, briefing, |id| self.position(id)),
            None => actors = actors::Actors::build(&self.order, briefing, actors.local),
        }
        self.actors = actors;
        if delta.contents().is_none() {
            self.actors.facts = self.compute_facts();
            self.surface_digest = self.hash_surfaces();
        }
        delta
    }

    /// Takes a briefing out of every index; its slot stays allocated.
    fn detach(&mut self, id: BriefingId) -> Entry {
        let at = {
            let entry = self.entry(id);
            self.order
                .partition_point(|&other| site_order(self.entry(other), entry).is_lt())
        };
        let entry = self.slots[id.index()].take().expect("a live briefing");
        match self.order.get(at) {
            Some(&found) if found == id => {
                self.order.remove(at);
            }
            _ => self.order.retain(|&b| b != id),
        }
        self.tags.remove(id, &entry.briefing.meta.tags);
        self.timeline.remove(id);
        let touched = self.release_base(id, &entry.base);
        self.rename(touched);
        entry
    }

    fn remove(&mut self, slug: &str) {
        if let Some(id) = self.by_slug.remove(slug) {
            self.detach(id);
            self.free.push(id.0);
        }
    }

    /// Adds a briefing (replacing the one with the same file slug); returns its id. In
    /// `bulk`, it goes to the end of the order, which the caller then sorts.
    fn insert(&mut self, briefing: Arc<Briefing>, bulk: bool) -> BriefingId {
        let id = match self.by_slug.get(&briefing.slug) {
            Some(&id) => {
                self.detach(id);
                id
            }
            None => self.allocate(),
        };
        self.by_slug.insert(briefing.slug.clone(), id);
        let base = slugs::briefing_base(&briefing.slug);
        let entry = Entry {
            fingerprint: fingerprint(&briefing),
            surface: delta::surface(&briefing),
            url_slug: base.clone(),
            base: base.clone(),
            briefing,
        };
        let at = match bulk {
            true => self.order.len(),
            false => self
                .order
                .partition_point(|&other| site_order(self.entry(other), &entry).is_lt()),
        };
        self.timeline.add(id, &entry.briefing.meta.timeline);
        self.slots[id.index()] = Some(entry);
        self.order.insert(at, id);
        let users = self.bases.entry(base.clone()).or_default();
        users.push(id);
        let touched = users.clone();
        self.rename(touched);
        id
    }

    fn allocate(&mut self) -> BriefingId {
        match self.free.pop() {
            Some(slot) => BriefingId(slot),
            None => {
                self.slots.push(None);
                self.position.push(u32::MAX);
                BriefingId((self.slots.len() - 1) as u32)
            }
        }
    }

    /// Forgets that `id` asks for `base`; returns the briefings that still do.
    fn release_base(&mut self, id: BriefingId, base: &str) -> Vec<BriefingId> {
        let Some(users) = self.bases.get_mut(base) else {
            return Vec::new();
        };
        users.retain(|&b| b != id);
        let rest = users.clone();
        if rest.is_empty() {
            self.bases.remove(base);
        }
        rest
    }

    /// Gives each of `ids` its URL slug: the base it asks for when no other briefing
    /// asks for it (or when its file slug is the base itself), else the base with a
    /// hash of its file slug. Order-free, so adding a briefing renames no other page.
    fn rename(&mut self, ids: Vec<BriefingId>) {
        for id in ids {
            let Some(entry) = self.slots[id.index()].as_ref() else {
                continue;
            };
            let shared = self.bases.get(&entry.base).map_or(0, Vec::len) > 1;
            let own = entry.base == entry.briefing.slug;
            let slug = match shared && !own {
                true => slugs::with_hash(&entry.base, &entry.briefing.slug),
                false => entry.base.clone(),
            };
            if let Some(entry) = self.slots[id.index()].as_mut() {
                entry.url_slug = slug;
            }
        }
    }

    fn refresh_positions(&mut self) {
        for (at, id) in self.order.iter().enumerate() {
            self.position[id.index()] = at as u32;
        }
    }

    fn entry(&self, id: BriefingId) -> &Entry {
        self.slots[id.index()]
            .as_ref()
            .expect("ids come from this corpus")
    }

    // What the site reads.

    /// Whether drafts are included.
    pub fn drafts(&self) -> bool {
        self.drafts
    }

    /// The briefings in site order: newest first, undated last, then by file slug.
    pub fn order(&self) -> &[BriefingId] {
        &self.order
    }

    pub fn len(&self) -> usize {
        self.order.len()
    }

    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    /// The place of a briefing in [`Corpus::order`].
    pub fn position(&self, id: BriefingId) -> usize {
        self.position[id.index()] as usize
    }

    pub fn briefing(&self, id: BriefingId) -> &Briefing {
        &self.entry(id).briefing
    }

    /// The briefing's slug in URLs: its file slug when that is safe, unique.
    pub fn url_slug(&self, id: BriefingId) -> &str {
        &self.entry(id).url_slug
    }

    /// A hash of everything the briefing holds (front matter, body, file).
    pub fn fingerprint(&self, id: BriefingId) -> Fingerprint {
        self.entry(id).fingerprint
    }

    /// The briefing whose file is `<slug>.md`.
    pub fn by_file_slug(&self, slug: &str) -> Option<BriefingId> {
        self.by_slug.get(slug).copied()
    }

    /// Every tag, by slug.
    pub fn tags(&self) -> &[TagId] {
        self.tags.sorted()
    }

    pub fn tag(&self, id: TagId) -> &Tag {
        self.tags.tag(id)
    }

    /// A briefing's tags, in the order written.
    pub fn tags_of(&self, id: BriefingId) -> &[TagId] {
        self.tags.of_briefing(id)
    }

    /// The merged timeline of every briefing.
    pub fn timeline(&self) -> &Timeline {
        &self.timeline
    }

    /// Every actor, by slug.
    pub fn actors(&self) -> impl ExactSizeIterator<Item = ActorId> + '_ {
        (0..self.actors.list.len()).map(|a| ActorId(a as u32))
    }

    pub fn actor_count(&self) -> usize {
        self.actors.list.len()
    }

    /// The size of a side table indexed by `BriefingId::slot`.
    pub fn briefing_slots(&self) -> usize {
        self.slots.len()
    }

    /// The size of a side table indexed by `ActorId::slot`.
    pub fn actor_slots(&self) -> usize {
        self.actors.list.len()
    }

    pub fn actor(&self, id: ActorId) -> &Actor {
        &self.actors.list[id.index()]
    }

    /// The actor of each entry of a briefing's actor list, in that list's order.
    pub fn actors_of(&self, id: BriefingId) -> &[ActorId] {
        self.actors.of_briefing.get(&id).map_or(&[], Vec::as_slice)
    }

    /// The briefings an actor appears in, in site order, without repeats.
    pub fn postings(&self, id: ActorId) -> &[BriefingId] {
        &self.actors.postings[id.index()]
    }

    /// Every briefing id in use, in no particular order (for tests).
    #[cfg(test)]
    fn ids(&self) -> HashSet<BriefingId> {
        self.by_slug.values().copied().collect()
    }
}

/// The site order: newest first, undated last, then by file slug.
fn site_order(a: &Entry, b: &Entry) -> Ordering {
    let (a, b) = (&a.briefing, &b.briefing);
    b.meta
        .date
        .cmp(&a.meta.date)
        .then_with(|| a.slug.cmp(&b.slug))
}

/// A hash of a briefing: its file slug and path, front matter and body.
fn fingerprint(briefing: &Briefing) -> Fingerprint {
    let mut hasher = blake3::Hasher::new();
    hasher.update(briefing.slug.as_bytes());
    hasher.update(&[0]);
    hasher.update(briefing.path.to_string_lossy().as_bytes());
    hasher.update(&[0]);
    let _ = serde_json::to_writer(&mut hasher, &briefing.meta);
    hasher.update(&[0]);
    hasher.update(briefing.body.as_bytes());
    hasher.update(&(briefing.body_line as u64).to_le_bytes());
    let mut out = [0u8; 16];
    out.copy_from_slice(&hasher.finalize().as_bytes()[..16]);
    out
}
