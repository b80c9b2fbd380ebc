//! The views of the merged timeline's date groups, kept from one render to the next of
//! the same site (`watch`, `serve`), so that an edit builds the views of the periods
//! it changed and clones the others, instead of building the views of every event of
//! the site (at 10,000 articles, the largest part of an edit's render).
//!
//! In: the corpus timeline's groups with their versions (`corpus::timeline`: a period's
//! version changes whenever its events do) and the corpus updates ([`GroupViews::note`]).
//! Out: one view per group, equal to the view built from scratch. A view depends on its
//! group and on the briefings' surfaces (names, titles, URLs: see `corpus::delta`); an
//! update that may change surfaces ([`Delta::Everything`]) forgets every view, and a new
//! corpus always comes with one.

use std::collections::HashMap;
use std::sync::Mutex;

use rayon::prelude::*;

use crate::corpus::Delta;
use crate::corpus::timeline::{DateGroup, PeriodKey};

use super::super::index::SiteIndex;
use super::timeline::{DateGroupView, group_view};

/// See the module docs. Kept in `site::Cache`.
#[derive(Debug, Default)]
pub struct GroupViews {
    kept: Mutex<HashMap<PeriodKey, (u64, DateGroupView)>>,
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

    /// The views of `groups`, in order: kept ones cloned, the others built (and kept).
    pub(super) fn views(
        &self,
        index: &SiteIndex,
        groups: &[(&PeriodKey, u64, &DateGroup)],
    ) -> Vec<DateGroupView> {
        if self.off {
            return groups
                .par_iter()
                .map(|&(_, _, g)| group_view(index, g))
                .collect();
        }
        let mut kept = self
            .kept
            .lock()
            .map(|mut k| std::mem::take(&mut *k))
            .unwrap_or_default();
        let views: Vec<(DateGroupView, bool)> = groups
            .par_iter()
            .map(|&(key, version, group)| match kept.get(key) {
                Some((v, view)) if *v == version => (view.clone(), false),
                _ => (group_view(index, group), true),
            })
            .collect();
        if kept.len() > groups.len() {
            let live: std::collections::HashSet<&PeriodKey> =
                groups.iter().map(|(k, _, _)| *k).collect();
            kept.retain(|k, _| live.contains(k));
        }
        for (&(key, version, _), (view, fresh)) in groups.iter().zip(&views) {
            if *fresh {
                kept.insert(key.clone(), (version, view.clone()));
            }
        }
        if let Ok(mut slot) = self.kept.lock() {
            *slot = kept;
        }
        views.into_iter().map(|(view, _)| view).collect()
    }
}
