//! Input keys: for each page, a hash of exactly what it is rendered from, so that a page
//! whose inputs did not change is not rendered at all (the publisher keeps the file the
//! last build wrote from the same key).
//!
//! A key starts from the render's environment ([`env_key`]: every template of every
//! layer, the static files, the configuration and the `config` and `site` views, the
//! tool's version) and adds, through a [`KeyHasher`], the fingerprints of the corpus
//! facts the page shows: a briefing's content, an actor's name and slug, a tag's name, a
//! list of briefings. Fingerprints stand for what they cover (a briefing's fingerprint
//! covers its front matter and body), so a key is cheap to compute without building the
//! page's views. Each page family lists its inputs next to its views (`pages`); a test
//! checks, over random sequences of edits, that a page whose key did not change would
//! render the same bytes.

use crate::config::Config;
use crate::corpus::{ActorId, BriefingId, Corpus, Fingerprint, Participant, TagId};

use super::index::SiteIndex;
use super::templates::Templates;
use super::view::{ConfigView, SiteView};

/// A page's input key.
pub type Key = [u8; 16];

/// Builds a key from tagged, length-prefixed parts (so that two different lists of
/// parts never hash alike).
pub struct KeyHasher(blake3::Hasher);

impl KeyHasher {
    /// A key of a page of kind `kind` in environment `env`.
    pub fn new(env: &Key, kind: &str) -> KeyHasher {
        let mut h = KeyHasher(blake3::Hasher::new());
        h.bytes(env).str(kind);
        h
    }

    pub fn bytes(&mut self, bytes: &[u8]) -> &mut Self {
        self.0.update(&(bytes.len() as u64).to_le_bytes());
        self.0.update(bytes);
        self
    }

    pub fn str(&mut self, text: &str) -> &mut Self {
        self.bytes(text.as_bytes())
    }

    pub fn num(&mut self, n: usize) -> &mut Self {
        self.0.update(&(n as u64).to_le_bytes());
        self
    }

    pub fn opt(&mut self, text: Option<&str>) -> &mut Self {
        match text {
            Some(t) => self.num(1).str(t),
            None => self.num(0),
        }
    }

    /// Any serialisable value, as JSON (for views hashed whole).
    pub fn json<T: serde::Serialize>(&mut self, value: &T) -> &mut Self {
        let text = serde_json::to_vec(value).unwrap_or_default();
        self.bytes(&text)
    }

    pub fn finish(&self) -> Key {
        let mut key = [0u8; 16];
        key.copy_from_slice(&self.0.finalize().as_bytes()[..16]);
        key
    }
}

/// The key of everything every page shares: the templates of every layer, the static
/// files, the configuration, the `config` and `site` views (with "today"), the
/// tool's version and the fingerprint of its corpus and site code (`build.rs`), so a
/// page rendered by another build of the tool is rendered again.
pub fn env_key(templates: &Templates, config: &Config, site: &SiteView) -> Key {
    let mut h = KeyHasher(blake3::Hasher::new());
    h.str(crate::VERSION)
        .str(env!("BRIEFING_SITE_FINGERPRINT"))
        .bytes(&templates.fingerprint)
        .json(&ConfigView::new(config))
        .json(site)
        .str(&config.base_url)
        .num(config.paginate_by)
        .num(config.feed_limit);
    h.finish()
}

/// Fingerprints of the corpus facts pages show, for [`KeyHasher`].
impl KeyHasher {
    /// Everything a page shows of a briefing's own data: its front matter and body
    /// (the fingerprint covers both), its file and its URL slug.
    pub fn briefing(&mut self, index: &SiteIndex, b: BriefingId) -> &mut Self {
        let fp: Fingerprint = index.corpus.fingerprint(b);
        self.bytes(&fp).str(index.url_slug(b))
    }

    /// A link to an actor: its name, slug and type, and where it goes (its page, or the
    /// one briefing it is seen in).
    pub fn actor_ref(&mut self, corpus: &Corpus, a: ActorId) -> &mut Self {
        let actor = corpus.actor(a);
        self.str(&actor.name)
            .str(&actor.slug)
            .str(actor.kind.as_str());
        match super::index::actor_only_in(corpus, a) {
            Some(b) => self.str("in").str(corpus.url_slug(b)),
            None => self.str("page"),
        }
    }

    /// A thing a briefing names: the site actor it is shown as (with the number of
    /// briefings it is in, which its card says), or its name.
    pub fn participant(&mut self, corpus: &Corpus, p: Participant) -> &mut Self {
        match p {
            Participant::Actor(a) => self
                .num(1)
                .actor_ref(corpus, a)
                .num(corpus.postings(a).len()),
            Participant::Thing(name) => self.num(0).str(name),
        }
    }

    /// A link to a tag: its name and slug.
    pub fn tag_link(&mut self, corpus: &Corpus, t: TagId) -> &mut Self {
        let tag = corpus.tag(t);
        self.str(&tag.name).str(&tag.slug)
    }
}

use super::pages::{Job, Shared};
use super::view::actor::{MAX_ROLES, SEEN_WITH};
use super::view::group_views::GroupSlice;
use super::view::page_range;
use super::view::timeline::{TimelinePart, TimelineView};

impl Job {
    /// The page's input key: the environment and every corpus fact its views read
    /// (see each view's builder; the inputs are listed here in the same order).
    pub fn key(self, shared: &Shared) -> Key {
        let index = shared.index;
        let corpus = index.corpus;
        let mut h = KeyHasher::new(&shared.env, self.template());
        match self {
            Job::Index(n) => {
                let order = index.order();
                let range = page_range(index, order.len(), n);
                h.num(n)
                    .num(order.len())
                    .cards(&shared.memo, index, &order[range]);
            }
            Job::Briefing(b) => briefing_inputs(&mut h, shared, b),
            Job::Actors => {
                h.num(index.len());
                for a in corpus.actors() {
                    let facts = &shared.actor_facts[a.slot()];
                    h.link(&shared.memo, corpus, a)
                        .opt(facts.main_role.as_deref())
                        .num(corpus.postings(a).len());
                }
            }
            Job::Actor(a, n) => actor_inputs(&mut h, shared, a, n),
            // Exactly what the template gets: on a page of a split timeline its own
            // parts, the overview without counts and its neighbours (see `Timeline::view`).
            Job::Timeline | Job::TimelinePage(_) => {
                let shown = match self {
                    Job::TimelinePage(p) => Some(p),
                    _ => None,
                };
                // Every field but the overview, which is the same on every page of a
                // kind and is hashed once (`Timeline::overview_digest`); destructured
                // so that a field added to the view cannot be left out of the key.
                let TimelineView {
                    parts,
                    overview: _,
                    event_count,
                    one_page,
                    current,
                    latest,
                    older,
                    newer,
                } = shared.timeline.view(shown);
                h.bytes(&shared.timeline.overview_digest(shown));
                h.json(&(event_count, one_page, current, older, newer));
                for part in parts {
                    timeline_part(&mut h, part);
                }
                h.num(latest.len());
                for group in latest {
                    group_slice(&mut h, group);
                }
            }
            Job::Tags => {
                for &t in corpus.tags() {
                    h.tag_link(corpus, t).num(corpus.tag(t).briefings.len());
                }
            }
            Job::Tag(t, n) => {
                let all = &corpus.tag(t).briefings;
                let range = page_range(index, all.len(), n);
                h.tag_link(corpus, t)
                    .num(all.len())
                    .num(n)
                    .cards(&shared.memo, index, &all[range]);
            }
            Job::Search => {
                h.num(index.len())
                    .num(corpus.actor_count())
                    .num(corpus.tags().len());
            }
            Job::Atom => {
                h.bytes(&shared.slug_exceptions);
                // The entries with a date (their own or first-seen), as `FeedView` picks them.
                let dated = index.order().iter().filter_map(|&b| {
                    let briefing = index.briefing(b);
                    let seen = shared.first_seen.get(&briefing.slug);
                    briefing.meta.date.or(seen.copied()).map(|d| (b, d))
                });
                for (b, date) in dated.take(index.config.feed_limit) {
                    h.briefing(index, b).str(&date.to_string());
                    for &t in corpus.tags_of(b) {
                        h.tag_link(corpus, t);
                    }
                }
            }
            Job::Sitemap => {
                h.bytes(&shared.sitemap_surface);
                for page in &shared.timeline.pages {
                    h.str(&page.key);
                }
            }
            Job::NotFound | Job::Robots => {}
        }
        h.finish()
    }
}

/// What the sitemap lists that comes from the briefings' surfaces: every briefing's URL
/// slug and date, every actor's slug and whether it has a page, every tag's slug (kept
/// while the surfaces stay the same, see `site::Cache`).
pub(super) fn sitemap_surface(index: &SiteIndex) -> Key {
    let corpus = index.corpus;
    let mut h = KeyHasher::new(&[0; 16], "sitemap surface");
    for &b in index.order() {
        h.str(index.url_slug(b)).opt(
            index
                .briefing(b)
                .meta
                .date
                .map(|d| d.to_string())
                .as_deref(),
        );
    }
    for a in corpus.actors() {
        h.str(&corpus.actor(a).slug)
            .num(usize::from(index.actor_only_in(a).is_none()));
    }
    for &t in corpus.tags() {
        h.str(&corpus.tag(t).slug);
    }
    h.finish()
}

/// A part of a timeline page: every field, its groups by the digests of their views
/// (destructured so that a field added to the part cannot be left out of the key).
fn timeline_part(h: &mut KeyHasher, part: &TimelinePart) {
    let TimelinePart {
        key,
        label,
        id,
        url,
        event_count,
        page,
        pages,
        groups,
        within: _, // how the parts were packed, which the pages' fields show
    } = part;
    h.str(key).str(label).str(id).str(url);
    h.num(*event_count).num(*page).num(*pages).num(groups.len());
    for group in groups {
        group_slice(h, group);
    }
}

fn group_slice(h: &mut KeyHasher, group: &GroupSlice) {
    let (digest, events) = group.key();
    h.bytes(digest).num(events.start).num(events.end);
}

/// A briefing page: the briefing (front matter and body, whose links name other
/// briefings' URL slugs), all its actors, the actors of each event, its tags, its
/// related briefings (cards and shared actors) and its neighbours in the site order.
fn briefing_inputs(h: &mut KeyHasher, shared: &Shared, b: BriefingId) {
    let index = shared.index;
    let corpus = index.corpus;
    h.bytes(&shared.slug_exceptions)
        .briefing(index, b)
        .card(&shared.memo, index, b);
    for &a in corpus.actors_of(b) {
        // Actor cards say in how many briefings an actor without a role appears.
        h.link(&shared.memo, corpus, a)
            .num(corpus.postings(a).len());
    }
    for e in 0..index.briefing(b).meta.timeline.len() {
        let ids = corpus.event_actors(crate::corpus::EventRef::new(b, e));
        h.num(ids.len());
        for &a in ids {
            h.link(&shared.memo, corpus, a);
        }
    }
    // Things the site knows as an organisation or place are shown as that actor.
    for thing in &index.briefing(b).meta.things {
        h.participant(corpus, corpus.thing(thing.name.trim()));
    }
    for r in corpus.related(b, super::view::briefing::RELATED) {
        h.card(&shared.memo, index, r.briefing).num(r.shared.len());
        for a in r.shared {
            h.link(&shared.memo, corpus, a);
        }
    }
    let at = corpus.position(b);
    for neighbour in [at.checked_sub(1), Some(at + 1)] {
        match neighbour.and_then(|n| index.order().get(n)) {
            Some(&n) => h.num(1).card(&shared.memo, index, n),
            None => h.num(0),
        };
    }
}

/// Page `n` of an actor: the actor, its header facts, its briefings on the page
/// (cards), and on the first page its whole timeline (every event of every briefing it
/// is in, with the events' actors), its roles and the actors seen with it.
fn actor_inputs(h: &mut KeyHasher, shared: &Shared, a: ActorId, n: usize) {
    let index = shared.index;
    let corpus = index.corpus;
    let actor = corpus.actor(a);
    let facts = &shared.actor_facts[a.slot()];
    h.link(&shared.memo, corpus, a)
        .num(actor.aliases.len())
        .json(&actor.aliases)
        .opt(facts.main_role.as_deref())
        .json(&(facts.first_date, facts.last_date));
    let postings = corpus.postings(a);
    let shown = &postings[page_range(index, postings.len(), n)];
    h.num(n)
        .num(postings.len())
        .cards(&shared.memo, index, shown);
    if n == 1 {
        for &event in corpus.actor_events(a) {
            h.briefing(index, event.briefing).num(event.index());
            for &other in corpus.event_actors(event) {
                h.link(&shared.memo, corpus, other);
            }
            for p in corpus.event_things(event) {
                h.participant(corpus, p);
            }
        }
        for role in corpus.roles(a, MAX_ROLES) {
            h.str(&role.role)
                .json(&(role.first_date, role.last_date))
                .num(role.count);
            for s in role.sources {
                h.briefing(index, s);
            }
        }
        for (other, count) in corpus.seen_with(a, SEEN_WITH) {
            h.link(&shared.memo, corpus, other).num(count);
        }
    }
}
