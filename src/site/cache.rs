//! What a render keeps for the next render of the same site: the [`Cache`] in, the
//! values a render would otherwise compute again out (page keys, link checks, the
//! timeline's group views, and what several pages derive from every briefing's surface:
//! the list of pages with their paths, the sitemap's and the link check's fingerprints,
//! the data files' part boundaries).
//!
//! Split from `site` so that the render reads as its steps. Every value here is a pure
//! function of the corpus and the render's environment, kept with what it was made
//! from: an update that changes a briefing's surface (`corpus::delta`) forgets the
//! surface-derived ones, and each is checked against the corpus's surface digest.

use std::collections::HashSet;
use std::sync::{Arc, Mutex};

use crate::corpus::Corpus;

use super::index::SiteIndex;
use super::keys::{self, Key, KeyHasher};
use super::links::LinkCache;
use super::reuse::KeptKeys;
use super::{data_files, pages, urls, view};

/// What a render keeps for the next render of the same site (`watch` and `serve` keep
/// it between builds; a one-off build starts from an empty one): values that depend
/// on one briefing and on little else, each with the key it was made from.
#[derive(Debug, Default)]
pub struct Cache {
    pub(super) links: LinkCache,
    /// The page keys of the last committed render (see `site::reuse`).
    pub pages: KeptKeys,
    /// The views of the merged timeline's groups (see `view::group_views`).
    pub(super) groups: view::group_views::GroupViews,
    /// Keys made from the briefings' surfaces alone (see [`SurfaceKeys`]).
    surface: Mutex<Option<SurfaceKeys>>,
    /// The pages listed by the last render (see [`ListedJobs`]).
    jobs: Mutex<Option<Arc<ListedJobs>>>,
}

/// The jobs of the pages before the timeline's pages, with their output files (see
/// `pages::surface_jobs`), kept for the surface digest and the render
/// environment they were listed in: an edit of a briefing's contents does not list and
/// name 20,000 pages again.
#[derive(Debug)]
pub(super) struct ListedJobs {
    digest: crate::corpus::Fingerprint,
    env: Key,
    pub before: Vec<(pages::Job, String)>,
}

impl Cache {
    /// The listed jobs of this render (from the last render when they hold).
    pub(super) fn listed_jobs(
        &self,
        shared: &pages::Shared,
        statics: &HashSet<&str>,
    ) -> Arc<ListedJobs> {
        let digest = shared.index.corpus.surface_digest();
        let mut slot = self.jobs.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(listed) = slot.as_ref()
            && listed.digest == digest
            && listed.env == shared.env
        {
            return Arc::clone(listed);
        }
        let named = |jobs: Vec<pages::Job>| -> Vec<(pages::Job, String)> {
            jobs.into_iter()
                .map(|job| (job, urls::output_file(&job.site_path(shared))))
                .filter(|(_, file)| !statics.contains(file.as_str()))
                .collect()
        };
        let listed = Arc::new(ListedJobs {
            digest,
            env: shared.env,
            before: named(pages::surface_jobs(shared.index)),
        });
        *slot = Some(Arc::clone(&listed));
        listed
    }
}

/// Fingerprints of what several pages read from every briefing's surface (URL slugs,
/// dates, the lists of actors and tags), kept while the corpus's surface digest stays
/// the same: an edit that changes a briefing's contents only does not pass over every
/// briefing to compute them again.
#[derive(Debug, Clone)]
pub(super) struct SurfaceKeys {
    /// `Corpus::surface_digest` they were computed from.
    digest: crate::corpus::Fingerprint,
    /// See [`slug_exceptions`].
    pub slug_exceptions: Key,
    /// The file and URL slug of every briefing, for [`links_env`].
    pub slugs: Key,
    /// What the sitemap lists besides the timeline's pages (see `keys`).
    pub sitemap: Key,
    /// Where the data files' parts start (see `data_files::part_starts`).
    pub part_starts: Vec<usize>,
}

impl Cache {
    /// The surface keys of `corpus`, from the last render when its surface is the same.
    pub(super) fn surface_keys(&self, corpus: &Corpus, index: &SiteIndex) -> SurfaceKeys {
        let digest = corpus.surface_digest();
        let mut slot = self.surface.lock().unwrap_or_else(|e| e.into_inner());
        match slot.as_ref() {
            Some(keys) if keys.digest == digest => keys.clone(),
            _ => {
                let keys = SurfaceKeys {
                    digest,
                    slug_exceptions: slug_exceptions(corpus),
                    slugs: briefing_slugs(corpus),
                    sitemap: keys::sitemap_surface(index),
                    part_starts: data_files::part_starts(index),
                };
                *slot = Some(keys.clone());
                keys
            }
        }
    }
}

impl Cache {
    /// The cache of a single render (`build`, `check`): what only a next render would
    /// use (the timeline's group views, a copy of every event's view) is not kept.
    pub fn one_render() -> Cache {
        Cache {
            groups: view::group_views::GroupViews::not_kept(),
            ..Cache::default()
        }
    }

    /// Records an update of the corpus (see [`KeptKeys::note`] and `view::group_views`).
    pub fn note(&self, delta: &crate::corpus::Delta) {
        self.pages.note(delta);
        self.groups.note(delta);
        // What was derived from the surfaces is derived again after any other update
        // (also when the digest comes out the same: a corpus built again may number
        // its briefings and actors otherwise).
        if delta.contents().is_none() {
            *self.surface.lock().unwrap_or_else(|e| e.into_inner()) = None;
            *self.jobs.lock().unwrap_or_else(|e| e.into_inner()) = None;
        }
    }
}
/// A fingerprint of the file and URL slug of every briefing, in site order.
fn briefing_slugs(corpus: &Corpus) -> Key {
    let mut h = KeyHasher::new(&[0; 16], "slugs of briefings");
    for &b in corpus.order() {
        h.str(&corpus.briefing(b).slug).str(corpus.url_slug(b));
    }
    h.finish()
}

/// A fingerprint of the briefings whose URL slug differs from their file slug.
fn slug_exceptions(corpus: &Corpus) -> Key {
    let mut h = KeyHasher::new(&[0; 16], "slugs");
    for &b in corpus.order() {
        let (file, url) = (&corpus.briefing(b).slug, corpus.url_slug(b));
        if file != url {
            h.str(file).str(url);
        }
    }
    h.finish()
}
