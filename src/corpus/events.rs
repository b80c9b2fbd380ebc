//! The events of the corpus as the pages ask for them: which actors and things an event
//! involves, and which events an actor is involved in (all of them, or those of one page
//! of its briefings). Reads what `actors` keeps per briefing and per site actor. Split
//! from `corpus/mod.rs`, which keeps the corpus's briefings, order and updates.

use super::ids::{ActorId, BriefingId, EventRef};
use super::{Corpus, Participant};

impl Corpus {
    /// The actors involved in an event.
    pub fn event_actors(&self, event: EventRef) -> &[ActorId] {
        self.actors
            .event_actors
            .get(&event.briefing)
            .and_then(|e| e.get(event.index()))
            .map_or(&[], Vec::as_slice)
    }

    /// The things event `event` involves (see `actors::event_things`), each as the site
    /// organisation or place of that name when there is one (an entity has one kind
    /// across the site), else as the name of a thing, which has no page.
    pub fn event_things(&self, event: EventRef) -> Vec<Participant<'_>> {
        self.actors
            .event_things(event.briefing, event.index())
            .iter()
            .map(|name| self.thing(name))
            .collect()
    }

    /// A thing a briefing names, as the site shows it: the organisation or place of that
    /// name when the site has one, else the thing itself.
    pub fn thing<'a>(&self, name: &'a str) -> Participant<'a> {
        match self.actors.named(name) {
            Some(id) => Participant::Actor(id),
            None => Participant::Thing(name),
        }
    }

    /// The events an actor is involved in, in site order.
    pub fn actor_events(&self, id: ActorId) -> &[EventRef] {
        &self.actors.actor_events[id.index()]
    }

    /// The events an actor is involved in within `shown`, a run of its postings (one
    /// page of its briefings): a run of [`Corpus::actor_events`], found by binary search.
    pub fn actor_events_in(&self, id: ActorId, shown: &[BriefingId]) -> &[EventRef] {
        let all = self.actor_events(id);
        let (Some(&first), Some(&last)) = (shown.first(), shown.last()) else {
            return &[];
        };
        let (lo, hi) = (self.position(first), self.position(last));
        let start = all.partition_point(|e| self.position(e.briefing) < lo);
        let end = all
            .partition_point(|e| self.position(e.briefing) <= hi)
            .max(start);
        &all[start..end]
    }

    /// The event an [`EventRef`] names.
    pub fn event(&self, event: EventRef) -> &crate::briefing::EventMeta {
        &self.briefing(event.briefing).meta.timeline[event.index()]
    }
}
