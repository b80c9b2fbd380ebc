//! What one [`Corpus::update`](super::Corpus::update) changed, for a caller that renders
//! again only the pages that depend on it (`site::render` in `watch` and `serve`).
//!
//! A briefing's data splits in two: its *surface* (file slug and path, title, date,
//! language, lede, source name, draft, tags, and each actor's name, kind, role, aliases
//! and mention count) and the rest (body, summary, timeline, quotes, salience, the
//! generator's hashes). Every fact across briefings but the merged timeline and the
//! events of each actor is a function of the surfaces alone: the site order, URL slugs,
//! tags, which entries are one actor, postings, roles, "seen with", related briefings,
//! briefing cards. So when every briefing an update changed kept its surface, only the
//! pages that show the rest of those briefings can change: their own pages, the pages
//! of their actors (events, role sources), the merged timeline, the feed, the sitemap
//! (the timeline's periods) and the data files. Anything else (a briefing added or
//! removed, a surface changed) is [`Delta::Everything`].

use std::collections::HashMap;
use std::sync::Arc;

use crate::briefing::Briefing;

use super::Fingerprint;
use super::ids::BriefingId;

/// What an update changed. See the module docs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Delta {
    /// Only these briefings changed, each keeping its surface.
    Contents(Vec<BriefingId>),
    /// Any fact may have changed.
    Everything,
}

impl Delta {
    /// The briefings changed, when only their contents did.
    pub fn contents(&self) -> Option<&[BriefingId]> {
        match self {
            Delta::Contents(ids) => Some(ids),
            Delta::Everything => None,
        }
    }
}

/// The delta of an update that replaces `changed` and removes `removed`, before it is
/// applied: `Contents` when nothing is removed and each changed briefing replaces one
/// with the same surface (`current` gives the briefing a file slug names now, with its id
/// and the hash of its surface).
pub(super) fn before_update(
    changed: &[Arc<Briefing>],
    removed: &[String],
    drafts: bool,
    current: impl Fn(&str) -> Option<(BriefingId, Fingerprint)>,
) -> Delta {
    if !removed.is_empty() {
        return Delta::Everything;
    }
    let mut ids = Vec::with_capacity(changed.len());
    let mut seen = HashMap::new();
    for new in changed {
        let Some((id, old)) = current(&new.slug) else {
            return Delta::Everything;
        };
        let hidden = new.meta.draft && !drafts;
        if hidden || old != surface(new) || seen.insert(id, ()).is_some() {
            return Delta::Everything;
        }
        ids.push(id);
    }
    ids.sort_unstable();
    Delta::Contents(ids)
}

/// A hash of a briefing's surface (see the module docs).
pub(super) fn surface(briefing: &Briefing) -> Fingerprint {
    let meta = &briefing.meta;
    let actors: Vec<_> = meta
        .actors
        .iter()
        .map(|a| (&a.name, a.kind, &a.role, &a.aliases, a.mentions))
        .collect();
    let parts = (
        (&briefing.slug, &briefing.path, &meta.title, &meta.date),
        (&meta.language, &meta.lede, &meta.source.name, meta.draft),
        (&meta.tags, actors),
    );
    let mut hasher = blake3::Hasher::new();
    let _ = serde_json::to_writer(&mut hasher, &parts);
    let mut out = [0u8; 16];
    out.copy_from_slice(&hasher.finalize().as_bytes()[..16]);
    out
}

impl super::Corpus {
    /// A hash of every briefing's surface, in site order: it changes with every update
    /// but one that changes contents only (see [`Delta`]), so whatever a caller derives
    /// from the surfaces alone (the site's list of pages, its URL slugs) can be kept
    /// under it.
    pub fn surface_digest(&self) -> Fingerprint {
        self.surface_digest
    }

    /// [`Corpus::surface_digest`](super::Corpus::surface_digest), computed again by an
    /// update that changes a surface.
    pub(super) fn hash_surfaces(&self) -> Fingerprint {
        let mut hasher = blake3::Hasher::new();
        hasher.update(&[u8::from(self.drafts)]);
        for &id in &self.order {
            hasher.update(&self.entry(id).surface);
        }
        let mut out = [0u8; 16];
        out.copy_from_slice(&hasher.finalize().as_bytes()[..16]);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::ActorKind;
    use crate::briefing::{ActorMeta, BriefingMeta, EventMeta};

    fn briefing() -> Briefing {
        let actor = ActorMeta {
            name: "Ana Varela".into(),
            kind: ActorKind::Person,
            role: Some("Water Minister".into()),
            aliases: Vec::new(),
            mentions: 2,
            salience: 0.9,
            quotes: Vec::new(),
            source: false,
        };
        Briefing {
            slug: "talks".into(),
            path: "content/briefings/talks.md".into(),
            meta: BriefingMeta {
                title: "Talks stall".into(),
                actors: vec![actor],
                ..BriefingMeta::default()
            },
            body: "Body.".into(),
            body_line: 12,
        }
    }

    fn event() -> EventMeta {
        EventMeta {
            date: "2026-03-04".into(),
            when: String::new(),
            text: "Talks stalled.".into(),
            actors: Vec::new(),
            reported: false,
        }
    }

    #[test]
    fn the_surface_is_what_other_pages_read() {
        type Edit = fn(&mut Briefing);
        let same: [(&str, Edit); 5] = [
            ("body", |b| b.body.push_str(" More.")),
            ("summary", |b| b.meta.summary.push("A point.".into())),
            ("timeline", |b| b.meta.timeline.push(event())),
            ("salience", |b| b.meta.actors[0].salience = 0.5),
            ("quotes", |b| {
                b.meta.actors[0].quotes.push("We wait.".into())
            }),
        ];
        let differs: [(&str, Edit); 8] = [
            ("title", |b| b.meta.title.push('!')),
            ("date", |b| {
                b.meta.date = Some(jiff::civil::date(2026, 3, 5))
            }),
            ("lede", |b| b.meta.lede.push_str("Lede.")),
            ("tags", |b| b.meta.tags.push("Water".into())),
            ("draft", |b| b.meta.draft = true),
            ("role", |b| b.meta.actors[0].role = None),
            ("mentions", |b| b.meta.actors[0].mentions = 3),
            ("an actor", |b| b.meta.actors.push(b.meta.actors[0].clone())),
        ];
        let base = surface(&briefing());
        for (what, edit) in same {
            let mut b = briefing();
            edit(&mut b);
            assert_eq!(surface(&b), base, "{what} is not on the surface");
        }
        for (what, edit) in differs {
            let mut b = briefing();
            edit(&mut b);
            assert_ne!(surface(&b), base, "{what} is on the surface");
        }
    }
}
