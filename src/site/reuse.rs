//! The input keys of the last committed render, kept for the next render of the same
//! site (`watch`, `serve`), so that an edit computes the keys of the pages it can change
//! only, instead of the keys of every page.
//!
//! The corpus says what each update changed ([`Delta`]). After an update that only
//! changed the contents of some briefings (their bodies, timelines, summaries, never what
//! other pages read of them), a page keeps its last key unless it shows those contents:
//! the briefings' own pages, the first page of each of their actors (events; the later
//! pages show briefing cards only, made of surfaces), the merged timeline, the feed and
//! the sitemap ([`Dirty::touches`]). The data files are
//! keyed on every render. Any other update, a change of the render's environment, a
//! render that was not committed, or an output that another build changed since,
//! forgets the keys: the next render computes every key again.
//!
//! Pages kept this way are kept in the output without a look at the disk (see
//! `output::Publisher::keep_unlisted`): a page deleted from the output by hand comes
//! back with the next full render (any build, or a template or configuration change).

use std::collections::{BTreeSet, HashMap, HashSet};
use std::sync::Mutex;

use crate::corpus::{ActorId, BriefingId, Corpus, Delta};

use super::keys::Key;
use super::pages::Job;

/// The keys of a render's pages, by output path.
#[derive(Debug)]
struct PageKeys {
    /// The environment they were computed in (see `keys::env_key`).
    env: Key,
    keys: HashMap<String, Key>,
    /// Briefings whose contents changed since (see the module docs).
    pending: BTreeSet<BriefingId>,
    /// The digest of the output as committed with these keys.
    site: [u8; 16],
}

/// See the module docs. Kept in `site::Cache`.
#[derive(Debug, Default)]
pub struct KeptKeys {
    committed: Mutex<Option<PageKeys>>,
    rendered: Mutex<Option<PageKeys>>,
}

/// What a render may reuse: the last keys, and which pages must be keyed again.
pub(super) struct Reuse {
    pub keys: HashMap<String, Key>,
    pub dirty: Dirty,
}

/// The pages an update of contents can change.
pub(super) struct Dirty {
    briefings: HashSet<BriefingId>,
    actors: HashSet<ActorId>,
}

impl Dirty {
    fn new(corpus: &Corpus, briefings: &BTreeSet<BriefingId>) -> Dirty {
        let actors = briefings
            .iter()
            .flat_map(|&b| corpus.actors_of(b).iter().copied())
            .collect();
        Dirty {
            briefings: briefings.iter().copied().collect(),
            actors,
        }
    }

    /// Whether `job` may show what changed, and needs its key computed again.
    pub fn touches(&self, job: Job) -> bool {
        match job {
            Job::Briefing(b) => self.briefings.contains(&b),
            // Later pages of an actor show cards only (its surface: see `corpus::delta`).
            Job::Actor(a, n) => n == 1 && self.actors.contains(&a),
            Job::Timeline | Job::TimelinePage(_) | Job::Atom | Job::Sitemap => true,
            Job::Index(_)
            | Job::Actors
            | Job::Tags
            | Job::Tag(..)
            | Job::Search
            | Job::NotFound
            | Job::Robots => false,
        }
    }
}

impl KeptKeys {
    /// Records an update of the corpus: contents changes add up, anything else forgets
    /// the keys.
    pub fn note(&self, delta: &Delta) {
        let Ok(mut committed) = self.committed.lock() else {
            return;
        };
        match (delta.contents(), committed.as_mut()) {
            (Some(ids), Some(keys)) => keys.pending.extend(ids.iter().copied()),
            _ => *committed = None,
        }
    }

    /// Forgets the keys unless the output is still as the commit of these keys left it
    /// (`site`: the digest of what the output holds now, if known).
    pub fn check_output(&self, site: Option<[u8; 16]>) {
        if let Ok(mut committed) = self.committed.lock()
            && committed.as_ref().is_some_and(|k| Some(k.site) != site)
        {
            *committed = None;
        }
    }

    /// The render's output was committed, as `site`: its keys become the last ones.
    pub fn committed(&self, site: [u8; 16]) {
        let rendered = self.rendered.lock().ok().and_then(|mut r| r.take());
        if let Ok(mut committed) = self.committed.lock() {
            *committed = rendered.map(|k| PageKeys { site, ..k });
        }
    }

    /// Takes the last keys for a render in environment `env` (a render not committed
    /// leaves none behind).
    pub(super) fn take(&self, env: &Key, corpus: &Corpus) -> Option<Reuse> {
        let kept = self.committed.lock().ok()?.take()?;
        (kept.env == *env).then(|| Reuse {
            dirty: Dirty::new(corpus, &kept.pending),
            keys: kept.keys,
        })
    }

    /// Keeps the keys of a render until it is committed.
    pub(super) fn rendered(&self, env: Key, keys: HashMap<String, Key>) {
        if let Ok(mut rendered) = self.rendered.lock() {
            *rendered = Some(PageKeys {
                env,
                keys,
                pending: BTreeSet::new(),
                site: [0; 16],
            });
        }
    }
}

/// The keys of this render: the reused ones with `fresh` (`None`: kept) written over
/// them, without the pages that left; returns the paths that left. Without `reuse`,
/// every key is fresh.
pub(super) fn merge(
    reuse: Option<HashMap<String, Key>>,
    files: &[&str],
    fresh: Vec<Option<Key>>,
) -> (HashMap<String, Key>, Vec<String>) {
    let mut keys = reuse.unwrap_or_else(|| HashMap::with_capacity(files.len()));
    for (file, key) in files.iter().zip(fresh) {
        if let Some(key) = key {
            keys.insert(file.to_string(), key);
        }
    }
    let mut left = Vec::new();
    if keys.len() > files.len() {
        let now: HashSet<&str> = files.iter().copied().collect();
        keys.retain(|path, _| {
            let stays = now.contains(path.as_str());
            if !stays {
                left.push(path.clone());
            }
            stays
        });
        left.sort_unstable();
    }
    (keys, left)
}
