//! Tags across the site: each briefing's tag names in, one [`Tag`] per slug out, with
//! the briefings that carry it in site order. Names that slug the same are one tag,
//! shown in its most used spelling.
//!
//! Kept up to date one briefing at a time: a briefing's tags are added to or removed
//! from their lists; names and slugs of the (few) tags are worked out again only when
//! the set of tags or their spellings changed.

use std::collections::{BTreeMap, HashMap};

use super::ids::{BriefingId, TagId};
use super::slugs::Unique;

/// A tag of the site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tag {
    /// The most used spelling (ties: the first in alphabetical order).
    pub name: String,
    pub slug: String,
    /// The briefings with the tag, in site order.
    pub briefings: Vec<BriefingId>,
}

#[derive(Debug, Clone)]
struct TagState {
    key: String,
    /// Each spelling and how often briefings use it.
    spellings: BTreeMap<String, usize>,
    tag: Tag,
}

/// The tags of a corpus.
#[derive(Debug, Clone, Default)]
pub(super) struct Tags {
    slots: Vec<Option<TagState>>,
    free: Vec<u32>,
    by_key: HashMap<String, TagId>,
    /// By slug.
    sorted: Vec<TagId>,
    /// Each briefing's tags, in the order written.
    of_briefing: HashMap<BriefingId, Vec<TagId>>,
    /// Tags whose name or slug may have changed.
    dirty: bool,
}

impl Tags {
    /// Adds the tags of a briefing; `before(a, b)` says whether briefing `a` comes
    /// before `b` in the site order.
    pub fn add(
        &mut self,
        briefing: BriefingId,
        names: &[String],
        before: impl Fn(BriefingId, BriefingId) -> bool,
    ) {
        let mut own: Vec<TagId> = Vec::new();
        for name in names {
            let key = slug::slugify(name);
            if key.is_empty() {
                continue;
            }
            let id = self.id_for(&key);
            let Some(state) = self.slots[id.index()].as_mut() else {
                continue;
            };
            *state.spellings.entry(name.trim().to_string()).or_default() += 1;
            self.dirty = true;
            if !own.contains(&id) {
                let list = &mut state.tag.briefings;
                let at = list.partition_point(|&b| before(b, briefing));
                list.insert(at, briefing);
                own.push(id);
            }
        }
        if !own.is_empty() {
            self.of_briefing.insert(briefing, own);
        }
    }

    /// Removes the tags of a briefing (`names` as they were added).
    pub fn remove(&mut self, briefing: BriefingId, names: &[String]) {
        for name in names {
            let key = slug::slugify(name);
            let Some(&id) = self.by_key.get(&key) else {
                continue;
            };
            let Some(state) = self.slots[id.index()].as_mut() else {
                continue;
            };
            let spelling = name.trim();
            if let Some(n) = state.spellings.get_mut(spelling) {
                *n -= 1;
                if *n == 0 {
                    state.spellings.remove(spelling);
                }
            }
            state.tag.briefings.retain(|&b| b != briefing);
            self.dirty = true;
            if state.tag.briefings.is_empty() {
                self.by_key.remove(&key);
                self.slots[id.index()] = None;
                self.free.push(id.0);
            }
        }
        self.of_briefing.remove(&briefing);
    }

    fn id_for(&mut self, key: &str) -> TagId {
        if let Some(&id) = self.by_key.get(key) {
            return id;
        }
        let state = TagState {
            key: key.to_string(),
            spellings: BTreeMap::new(),
            tag: Tag {
                name: String::new(),
                slug: String::new(),
                briefings: Vec::new(),
            },
        };
        let id = match self.free.pop() {
            Some(slot) => {
                self.slots[slot as usize] = Some(state);
                TagId(slot)
            }
            None => {
                self.slots.push(Some(state));
                TagId((self.slots.len() - 1) as u32)
            }
        };
        self.by_key.insert(key.to_string(), id);
        id
    }

    /// Works out names, slugs and the slug order again after changes.
    pub fn settle(&mut self) {
        if !std::mem::take(&mut self.dirty) {
            return;
        }
        let mut ids: Vec<TagId> = self.by_key.values().copied().collect();
        ids.sort_by(|a, b| self.key(*a).cmp(self.key(*b)));
        let mut unique = Unique::default();
        for &id in &ids {
            if let Some(state) = self.slots[id.index()].as_mut() {
                state.tag.slug = unique.claim(&state.key);
                state.tag.name = state
                    .spellings
                    .iter()
                    .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                    .map_or_else(|| state.key.clone(), |(n, _)| n.clone());
            }
        }
        ids.sort_by(|a, b| self.tag(*a).slug.cmp(&self.tag(*b).slug));
        self.sorted = ids;
    }

    fn key(&self, id: TagId) -> &str {
        self.slots[id.index()]
            .as_ref()
            .map_or("", |s| s.key.as_str())
    }

    /// A tag of the corpus.
    pub fn tag(&self, id: TagId) -> &Tag {
        static EMPTY: Tag = Tag {
            name: String::new(),
            slug: String::new(),
            briefings: Vec::new(),
        };
        self.slots
            .get(id.index())
            .and_then(Option::as_ref)
            .map_or(&EMPTY, |s| &s.tag)
    }

    /// Every tag, by slug.
    pub fn sorted(&self) -> &[TagId] {
        &self.sorted
    }

    /// The tags of a briefing, in the order written.
    pub fn of_briefing(&self, briefing: BriefingId) -> &[TagId] {
        self.of_briefing.get(&briefing).map_or(&[], Vec::as_slice)
    }
}
