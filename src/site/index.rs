//! What every page of one render reads: the site's configuration and its corpus, with
//! the URL helpers built on them.
//!
//! The facts across briefings (order, actors, tags, the merged timeline, related
//! briefings) are the corpus's (`crate::corpus`); this module only adds what depends
//! on where the site is published: page paths, URLs with the base path, and links
//! written in briefing bodies rewritten to pages.

use crate::briefing::Briefing;
use crate::config::Config;
use crate::corpus::{ActorId, BriefingId, Corpus};

use super::urls;

/// The configuration and the corpus of one render.
#[derive(Clone, Copy)]
pub struct SiteIndex<'a> {
    pub config: &'a Config,
    pub corpus: &'a Corpus,
}

impl<'a> SiteIndex<'a> {
    pub fn new(config: &'a Config, corpus: &'a Corpus) -> SiteIndex<'a> {
        SiteIndex { config, corpus }
    }

    pub fn briefing(&self, b: BriefingId) -> &'a Briefing {
        self.corpus.briefing(b)
    }

    /// The number of briefings on the site.
    pub fn len(&self) -> usize {
        self.corpus.len()
    }

    /// The briefings in site order.
    pub fn order(&self) -> &'a [BriefingId] {
        self.corpus.order()
    }

    /// The URL slug of briefing `b`.
    pub fn url_slug(&self, b: BriefingId) -> &'a str {
        self.corpus.url_slug(b)
    }

    /// The site path of briefing `b` (`briefings/<slug>/`).
    pub fn briefing_path(&self, b: BriefingId) -> String {
        urls::briefing(self.url_slug(b))
    }

    /// The briefing an actor is only seen in, when it is seen in one: such an actor has
    /// no page of its own (it would only repeat that briefing's "Who is involved"), and
    /// every link to it goes to that section of the briefing. An actor gets its page,
    /// and keeps it, from its second briefing on.
    pub fn actor_only_in(&self, a: ActorId) -> Option<BriefingId> {
        actor_only_in(self.corpus, a)
    }

    /// The site path a link to actor `a` goes to: its page (`actors/<slug>/`), or
    /// `briefings/<slug>/#actors` for an actor seen in one briefing (see
    /// [`actor_only_in`](Self::actor_only_in)).
    pub fn actor_path(&self, a: ActorId) -> String {
        match self.actor_only_in(a) {
            Some(b) => format!("{}#actors", self.briefing_path(b)),
            None => urls::actor(&self.corpus.actor(a).slug),
        }
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
            let slug = self.corpus.by_file_slug(file).map_or_else(
                || urls::clean_slug(file, "missing"),
                |b| self.url_slug(b).to_string(),
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

/// The briefing actor `a` is only seen in, if one (see [`SiteIndex::actor_only_in`]).
pub fn actor_only_in(corpus: &Corpus, a: ActorId) -> Option<BriefingId> {
    match corpus.postings(a) {
        [only] => Some(*only),
        _ => None,
    }
}
