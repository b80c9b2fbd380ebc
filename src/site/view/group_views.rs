//! The views of the merged timeline's date groups, kept from one render to the next of
//! the same site (`watch`, `serve`), so that an edit builds the views of the periods
//! it changed and shares the others, instead of building the views of every event of
//! the site (at 10,000 articles, the largest part of an edit's render).
//!
//! In: the corpus timeline's groups with their versions (`corpus::timeline`: a period's
//! version changes whenever its events do) and the corpus updates ([`GroupViews::note`]).
//! Out: one view per group, equal to the view built from scratch, behind an `Arc` with
//! the digest of its JSON. Timeline pages show [`GroupSlice`]s of them (a group cut
//! across two pages shows a range of its events on each), so that cutting the timeline
//! into pages copies no event, and a page's key hashes each group's digest instead of
//! serialising its events again. A view depends on its group and on the briefings'
//! surfaces (names, titles, URLs: see `corpus::delta`); an update that may change
//! surfaces ([`Delta::Everything`]) forgets every view, and a new corpus always comes
//! with one.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::{Arc, Mutex};

use rayon::prelude::*;
use serde::{Serialize, Serializer};

use crate::corpus::Delta;
use crate::corpus::timeline::{DateGroup, PeriodKey};

use super::super::index::SiteIndex;
use super::timeline::{DateGroupView, TimelineEvent, group_view};

/// A date group's view with the digest of its JSON.
#[derive(Debug)]
pub struct BuiltGroup {
    pub view: DateGroupView,
    pub digest: [u8; 16],
}

impl BuiltGroup {
    pub(super) fn new(view: DateGroupView) -> Arc<BuiltGroup> {
        let digest = super::super::blake3_key(&serde_json::to_vec(&view).unwrap_or_default());
        Arc::new(BuiltGroup { view, digest })
    }
}

/// Some or all of the events of one date group, as a timeline page shows them. It
/// serialises as a [`DateGroupView`] of those events, marked `continued` when the
/// group's first events are on an earlier page.
#[derive(Debug, Clone)]
pub struct GroupSlice {
    group: Arc<BuiltGroup>,
    events: Range<usize>,
}

impl GroupSlice {
    /// All of a group's events.
    pub fn whole(group: Arc<BuiltGroup>) -> GroupSlice {
        let events = 0..group.view.events.len();
        GroupSlice { group, events }
    }

    pub fn len(&self) -> usize {
        self.events.len()
    }

    /// The group's fragment id (`d-2022-01-26`).
    pub fn id(&self) -> &str {
        &self.group.view.id
    }

    /// Events `range` of this slice (relative to it).
    pub fn sub(&self, range: Range<usize>) -> GroupSlice {
        let start = self.events.start + range.start;
        GroupSlice {
            group: Arc::clone(&self.group),
            events: start..(self.events.start + range.end).min(self.events.end),
        }
    }

    /// Takes in `next` when it continues this slice (the same group, the next events).
    pub fn join(&mut self, next: &GroupSlice) -> bool {
        let follows = Arc::ptr_eq(&self.group, &next.group) && self.events.end == next.events.start;
        if follows {
            self.events.end = next.events.end;
        }
        follows
    }

    /// What a page key hashes for the slice: the group's digest and the events shown.
    pub fn key(&self) -> (&[u8; 16], Range<usize>) {
        (&self.group.digest, self.events.clone())
    }
}

impl Serialize for GroupSlice {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Shown<'a> {
            value: &'a str,
            label: &'a str,
            granularity: &'static str,
            datetime: Option<&'a str>,
            id: &'a str,
            continued: bool,
            events: &'a [TimelineEvent],
        }
        let view = &self.group.view;
        Shown {
            value: &view.value,
            label: &view.label,
            granularity: view.granularity,
            datetime: view.datetime.as_deref(),
            id: &view.id,
            continued: self.events.start > 0 || view.continued,
            events: view.events.get(self.events.clone()).unwrap_or_default(),
        }
        .serialize(serializer)
    }
}

/// See the module docs. Kept in `site::Cache`.
#[derive(Debug, Default)]
pub struct GroupViews {
    kept: Mutex<HashMap<PeriodKey, (u64, Arc<BuiltGroup>)>>,
    /// Build every view and keep none (a render no other follows).
    off: bool,
}

impl GroupViews {
    /// Views that are built for one render only.
    pub fn not_kept() -> GroupViews {
        GroupViews {
            off: true,
            ..GroupViews::default()
        }
    }

    /// Records an update of the corpus: views of groups whose version is unchanged stay
    /// valid only while every surface does.
    pub fn note(&self, delta: &Delta) {
        if delta.contents().is_none()
            && let Ok(mut kept) = self.kept.lock()
        {
            kept.clear();
        }
    }

    /// The views of `groups`, in order: kept ones shared, the others built (and kept).
    pub(super) fn views(
        &self,
        index: &SiteIndex,
        groups: &[(&PeriodKey, u64, &DateGroup)],
    ) -> Vec<Arc<BuiltGroup>> {
        if self.off {
            return groups
                .par_iter()
                .map(|&(_, _, g)| BuiltGroup::new(group_view(index, g)))
                .collect();
        }
        let mut kept = self
            .kept
            .lock()
            .map(|mut k| std::mem::take(&mut *k))
            .unwrap_or_default();
        let views: Vec<(Arc<BuiltGroup>, bool)> = groups
            .par_iter()
            .map(|&(key, version, group)| match kept.get(key) {
                Some((v, view)) if *v == version => (Arc::clone(view), false),
                _ => (BuiltGroup::new(group_view(index, group)), true),
            })
            .collect();
        if kept.len() > groups.len() {
            let live: std::collections::HashSet<&PeriodKey> =
                groups.iter().map(|(k, _, _)| *k).collect();
            kept.retain(|k, _| live.contains(k));
        }
        for (&(key, version, _), (view, fresh)) in groups.iter().zip(&views) {
            if *fresh {
                kept.insert(key.clone(), (version, Arc::clone(view)));
            }
        }
        if let Ok(mut slot) = self.kept.lock() {
            *slot = kept;
        }
        views.into_iter().map(|(view, _)| view).collect()
    }
}
