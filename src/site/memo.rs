//! The fingerprints many page keys share, each computed at most once per render: a
//! briefing's card (on its own page, its neighbours', the pages that list it as related,
//! its actors' and tags' pages, an index page) and a link to an actor (on every card it
//! is on). A [`Memo`] goes in with the corpus of one render; [`KeyHasher::card`],
//! [`KeyHasher::cards`] and [`KeyHasher::link`] add the 16-byte digests to a page key.
//! Split from `keys` so that the page families' inputs read on their own there.

use crate::corpus::{ActorId, BriefingId, Corpus};

use super::index::SiteIndex;
use super::keys::{Key, KeyHasher};
use super::view::CARD_ACTORS;

impl KeyHasher {
    /// A briefing card (or the plain link to a briefing, a part of it): what
    /// `BriefingCard` shows of the briefing (URL slug, title, date, lede, source name,
    /// draft), the actors shown on it with their roles there, and its tags. Not the
    /// briefing's body nor its timeline: an edit that leaves the card as it was
    /// re-renders no list the briefing is in. Computed once per render ([`Memo`]).
    pub fn card(&mut self, memo: &Memo, index: &SiteIndex, b: BriefingId) -> &mut Self {
        debug_assert_eq!(
            memo.cards.len(),
            index.corpus.briefing_slots(),
            "a memo of another corpus"
        );
        let key = memo.cards[b.slot()].get_or_init(|| {
            let mut h = KeyHasher::new(&[0; 16], "card");
            h.card_parts(memo, index, b);
            h.finish()
        });
        self.bytes(key)
    }

    fn card_parts(&mut self, memo: &Memo, index: &SiteIndex, b: BriefingId) {
        let corpus = index.corpus;
        let meta = &index.briefing(b).meta;
        self.str(index.url_slug(b))
            .str(&meta.title)
            .opt(meta.date.map(|d| d.to_string()).as_deref())
            .str(&meta.lede)
            .opt(meta.source.name.as_deref())
            .num(usize::from(meta.draft));
        let mut seen: Vec<ActorId> = Vec::with_capacity(CARD_ACTORS);
        for (&a, entry) in corpus.actors_of(b).iter().zip(&meta.actors) {
            if seen.len() == CARD_ACTORS {
                break;
            }
            if !seen.contains(&a) {
                seen.push(a);
                self.link(memo, corpus, a).opt(entry.role.as_deref());
            }
        }
        self.num(seen.len());
        for &t in corpus.tags_of(b) {
            self.tag_link(corpus, t);
        }
        self.num(corpus.tags_of(b).len());
    }

    /// Cards of a list of briefings.
    pub fn cards(&mut self, memo: &Memo, index: &SiteIndex, list: &[BriefingId]) -> &mut Self {
        self.num(list.len());
        for &b in list {
            self.card(memo, index, b);
        }
        self
    }

    /// [`KeyHasher::actor_ref`], computed once per render ([`Memo`]).
    pub fn link(&mut self, memo: &Memo, corpus: &Corpus, a: ActorId) -> &mut Self {
        debug_assert_eq!(
            memo.links.len(),
            corpus.actor_slots(),
            "a memo of another corpus"
        );
        let key = memo.links[a.slot()].get_or_init(|| {
            let mut h = KeyHasher::new(&[0; 16], "actor link");
            h.actor_ref(corpus, a);
            h.finish()
        });
        self.bytes(key)
    }
}

/// The fingerprints that many page keys share, each computed at most once per render:
/// a briefing's card is on its own page, its neighbours', the pages that list it as
/// related, its actors' and tags' pages and an index page, and a link to an actor on
/// every card it is on. Keying every page hashed a card again for each page showing it
/// (half the CPU of an edit that changes a briefing's surface at 10,000 briefings);
/// with the memo each is hashed once per render. Slots are filled on first use from any
/// rayon worker; a memo lives for one render of one corpus.
pub struct Memo {
    cards: Vec<std::sync::OnceLock<Key>>,
    links: Vec<std::sync::OnceLock<Key>>,
}

impl Memo {
    pub fn new(corpus: &Corpus) -> Memo {
        let empty = |n: usize| (0..n).map(|_| std::sync::OnceLock::new()).collect();
        Memo {
            cards: empty(corpus.briefing_slots()),
            links: empty(corpus.actor_slots()),
        }
    }
}
