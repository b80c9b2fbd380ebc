//! Typed ids of the corpus: a briefing, a site actor, a tag, an event of a briefing.
//!
//! A [`BriefingId`] names a briefing for as long as it is in the corpus, across
//! updates (a changed briefing keeps its id; a removed one frees it). Ids say nothing
//! about order: the site order is [`super::Corpus::order`], and every fact the site
//! shows is ordered by it (or by names), never by id, so a corpus updated one briefing
//! at a time shows exactly what one built from scratch shows.

use serde::{Deserialize, Serialize};

/// A briefing of the corpus.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct BriefingId(pub(super) u32);

/// An actor of the whole site (entries of several briefings merged into one).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct ActorId(pub(super) u32);

/// A tag of the site (tags that slug the same are one tag).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct TagId(pub(super) u32);

/// One event of one briefing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct EventRef {
    pub briefing: BriefingId,
    /// Index in that briefing's `timeline`.
    pub event: u32,
}

impl BriefingId {
    pub(super) fn index(self) -> usize {
        self.0 as usize
    }

    /// A small index for side tables: every briefing id of a corpus is below its
    /// `briefing_slots()`.
    pub fn slot(self) -> usize {
        self.0 as usize
    }
}

impl ActorId {
    pub(super) fn index(self) -> usize {
        self.0 as usize
    }

    /// A small index for side tables: every actor id of a corpus is below its
    /// `actor_slots()`.
    pub fn slot(self) -> usize {
        self.0 as usize
    }
}

impl TagId {
    pub(super) fn index(self) -> usize {
        self.0 as usize
    }
}

impl EventRef {
    /// Event `event` of `briefing`.
    pub fn new(briefing: BriefingId, event: usize) -> EventRef {
        EventRef {
            briefing,
            event: u32::try_from(event).unwrap_or(u32::MAX),
        }
    }

    /// The index in the briefing's `timeline`.
    pub fn index(self) -> usize {
        self.event as usize
    }
}
