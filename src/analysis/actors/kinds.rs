//! Kinds: one actor's mentions in, the kind the article shows for it out (person,
//! organisation, place or group).
//!
//! The tagger's vote (the identity rule the site also uses) corrected by what the tagger
//! cannot know about names it never saw, from the text around the mentions ("In Port
//! Aubel,", "Meranthe's prime minister", "developer Mojang") and the name itself (a
//! listed company, an organisation's head word). The rules are ordered from what the
//! text settles to what the name suggests, so a cue in the text always wins; each reads
//! a few words around each mention, so the pass is linear in the mentions.

use std::collections::{HashMap, HashSet};

use super::ActorKind;
use super::mentions::{Mention, Reference};
use super::text::Doc;
use crate::language::names::key as name_key;
use crate::language::{dateline, gazetteers, identity, things, world};

/// The kind the mentions vote for, by the identity rule (the site decides an actor's
/// kind across briefings the same way).
pub(super) fn choose_kind(ms: &[&Mention]) -> ActorKind {
    identity::choose_kind(ms.iter().map(|m| (m.kind, 1)))
}

/// The tagger's kind, corrected by what it cannot know about names it never saw: first
/// what the text settles ([`settled_kind`]), then the words around the mentions
/// ([`cue_kind`]), then what the name itself says ([`is_organisation`]). An actor the
/// gazetteer or the group list named keeps the kind they gave.
pub(super) fn correct_kind(
    kind: ActorKind,
    ms: &[&Mention],
    doc: &Doc,
    article: &ArticleNames,
) -> ActorKind {
    if ms
        .iter()
        .any(|m| !matches!(m.reference, Reference::Named | Reference::Person))
    {
        return kind;
    }
    if let Some(settled) = settled_kind(ms, doc) {
        return settled;
    }
    let names = NameFacts {
        one_word: ms.iter().all(|m| !m.name.trim().contains(' ')),
        listed: ms.iter().any(|m| gazetteers::is_listed_company(&m.name)),
        article,
    };
    if let Some(cued) = cue_kind(kind, ms, doc, &names) {
        return cued;
    }
    if is_organisation(kind, ms, doc, &names) {
        ActorKind::Organization
    } else {
        kind
    }
}

/// What the text settles, whatever the tagger said:
/// - a sentence opening "In X," names a place ("In Port Aubel, the minister said"), also
///   when the apposition after it was read as X's role;
/// - an actor the text gives a title or a role ("President Obama") is a person, and so
///   is a one-word name before "administration" or "presidency" ("the Obama
///   administration"): a country there is caught by the gazetteer first;
/// - "Meranthe's prime minister", "Port Aubel, the Meranthe capital" name a state or a
///   city, and a dateline ("LISK \u{2014} ...") the place the story is filed from;
/// - a name right before "magazine" or "newspaper" ("an article by New York magazine")
///   is a publication, an organisation.
fn settled_kind(ms: &[&Mention], doc: &Doc) -> Option<ActorKind> {
    if ms.iter().any(|m| before_publication_noun(doc, m)) {
        return Some(ActorKind::Organization);
    }
    if ms.iter().any(|m| opens_with_in(doc, m)) {
        return Some(ActorKind::Place);
    }
    if ms
        .iter()
        .any(|m| m.role.is_some() || m.honorific.is_some() || leads_an_administration(doc, m))
    {
        return Some(ActorKind::Person);
    }
    ms.iter()
        .any(|m| {
            world::said_to_be_a_state(doc.prose.get(m.end..).unwrap_or(""))
                || world::said_to_be_a_state_before(
                    &doc.prose[doc.prose.floor_char_boundary(m.start.saturating_sub(60))..m.start],
                )
                || in_dateline(doc, m)
        })
        .then_some(ActorKind::Place)
}

/// Whether the word right after a mention makes it a publication ("New York magazine").
fn before_publication_noun(doc: &Doc, m: &Mention) -> bool {
    doc.prose
        .get(m.end..)
        .and_then(|rest| rest.split_whitespace().next())
        .map(|w| w.trim_end_matches(|c: char| !c.is_alphanumeric()))
        .is_some_and(things::publication_noun_after)
}

/// What the whole article says about names, for [`correct_kind`].
#[derive(Debug, Default)]
pub(super) struct ArticleNames {
    /// Keys of the first words of the article's organisation names ("yahoo" of "Yahoo
    /// Japan").
    pub org_first_words: HashSet<String>,
    /// How often the tagger typed each name (by key) MISC in the article (a people's
    /// name: "the Ngātiwai tribe"; not things, which name no actor).
    pub misc: HashMap<String, usize>,
}

/// What [`cue_kind`] and [`is_organisation`] read of an actor's names.
struct NameFacts<'a> {
    /// Every mention is one word.
    one_word: bool,
    /// One of the names is a listed company.
    listed: bool,
    article: &'a ArticleNames,
}

/// Whether a "person" or "place" is an organisation by its names:
/// - a "person" or "place" whose name is a listed company ("Verizon") is that company,
///   unless a person's name has a given name ("Tom Kroger") or a place is written with
///   "the" ("the Amazon");
/// - a "person" one of whose names has an organisation's head word ("Norvane" said,
///   beside "Norvane Energy") is that organisation;
/// - a "person" only ever named by one word that is no given name, while that word opens
///   an organisation's name in the article ("Yahoo" beside "Yahoo Japan"), is an
///   organisation: news introduces people by their full name.
fn is_organisation(kind: ActorKind, ms: &[&Mention], doc: &Doc, names: &NameFacts) -> bool {
    match kind {
        ActorKind::Person => {
            let bare = names.one_word
                && ms.iter().all(|m| {
                    m.honorific.is_none() && m.role.is_none() && !gazetteers::is_given_name(&m.name)
                });
            let opens_organisation = || {
                ms.iter()
                    .any(|m| names.article.org_first_words.contains(&name_key(&m.name)))
            };
            // "Norvane said" merged with "Norvane Energy": the company's short name.
            let company = ms.iter().any(|m| {
                m.kind == ActorKind::Organization
                    && super::lexicon::lexicon().head_kind(&m.name) == Some(ActorKind::Organization)
            });
            (bare && (names.listed || opens_organisation())) || company
        }
        ActorKind::Place => names.listed && !ms.iter().any(|m| after_the(doc, m)),
        ActorKind::Organization | ActorKind::Group | ActorKind::Thing => false,
    }
}

/// Nouns that, right before a name, say it names an organisation ("the charity Kessel
/// Aid", "the website Snopes.com"), for any name.
const ORGANISATION_NOUNS: [&str; 16] = [
    "company",
    "firm",
    "group",
    "charity",
    "startup",
    "start-up",
    "nonprofit",
    "website",
    "magazine",
    "newspaper",
    "broadcaster",
    "retailer",
    "automaker",
    "airline",
    "insurer",
    "carmaker",
];

/// Nouns that, right before a one-word name, say it names an organisation ("Minecraft
/// developer Mojang", "the search engine Mozilla"); before a full name they are a
/// person's job ("developer Ada Quint").
const ORGANISATION_NOUNS_ONE_WORD: [&str; 7] = [
    "developer",
    "maker",
    "publisher",
    "studio",
    "engine",
    "giant",
    "manufacturer",
];

/// Plural nouns that, before "like", say the names after them are organisations
/// ("sites like Flickr", "apps like Tinder").
const ORGANISATIONS_LIKE: [&str; 9] = [
    "sites",
    "websites",
    "apps",
    "services",
    "platforms",
    "companies",
    "firms",
    "networks",
    "retailers",
];

/// What the words around the mentions say the actor is, whatever the tagger said:
/// - a full name tagged as a person, with a given name first ("David Emery" beside
///   "Emery" typed an organisation), is a person, unless it is a listed company;
/// - a name right after a noun of organisations ("developer Mojang", "group Project
///   Jonah"), after "<job> at" ("an economist at Harvard"), after "sites like", or
///   before what only a company has ("Dell's buyout") is an organisation, and so is a
///   one-word "place" no list knows written "The X" inside a sentence ("working with
///   The Ubyssey"): a publication's name, as "The Hague" is listed;
/// - a one-word name right before a lower-case place noun ("the Brenn gauging
///   station") is a place;
/// - a one-word "person" after "the", or a name the tagger typed MISC more often
///   elsewhere in the article, never with a given name ("The Ngātiwai are",
///   "Ngātiwai believe" beside "the Ngātiwai tribe" four times), is a people: a group.
fn cue_kind(kind: ActorKind, ms: &[&Mention], doc: &Doc, names: &NameFacts) -> Option<ActorKind> {
    let (one_word, listed) = (names.one_word, names.listed);
    let full_person = ms.iter().any(|m| {
        let mut words = m.name.split_whitespace();
        m.kind == ActorKind::Person
            && words.clone().count() >= 2
            && words.next().is_some_and(gazetteers::is_given_name)
            && super::lexicon::lexicon().head_kind(&m.name).is_none()
    });
    if kind != ActorKind::Person && full_person && !listed {
        return Some(ActorKind::Person);
    }
    let organisation = ms.iter().any(|m| {
        if world::said_to_be_a_company(doc.prose.get(m.end..).unwrap_or("")) {
            return true;
        }
        let (before, before_that) = words_before(doc, m);
        ORGANISATION_NOUNS.contains(&before.as_str())
            || (one_word && ORGANISATION_NOUNS_ONE_WORD.contains(&before.as_str()))
            || (before == "at" && super::lexicon::lexicon().is_head(&before_that))
            || (before == "like" && ORGANISATIONS_LIKE.contains(&before_that.as_str()))
            || (one_word && kind == ActorKind::Place && titled_the(doc, m))
    });
    if organisation && kind != ActorKind::Organization && !full_person {
        return Some(ActorKind::Organization);
    }
    // "the Brenn gauging station", "the Tarsk dam": a place's name before a place noun.
    let place = one_word
        && !listed
        && ms.iter().any(|m| {
            let after = doc.slice(m.end, doc.prose.floor_char_boundary(m.end + 40));
            // The clause only: "the Mareva farm, where" (comma off "farm").
            after
                .split([',', '.', ';', ':'])
                .next()
                .unwrap_or("")
                .split_whitespace()
                .take(2)
                .take_while(|w| w.chars().all(char::is_lowercase))
                .any(|w| super::lexicon::lexicon().place_heads.contains(w))
        });
    if place && kind != ActorKind::Place {
        return Some(ActorKind::Place);
    }
    // The tagger's own majority: more MISC mentions than these ("Ngātiwai believe"
    // once, "the Ngātiwai tribe" four times; not "a Hulu account" once beside five).
    let misc = ms
        .first()
        .and_then(|m| names.article.misc.get(&name_key(&m.name)))
        .is_some_and(|&n| n > ms.len());
    let people = kind == ActorKind::Person
        && one_word
        && (misc || ms.iter().any(|m| after_the(doc, m)))
        && !ms.iter().any(|m| gazetteers::is_given_name(&m.name));
    people.then_some(ActorKind::Group)
}

/// The two words before a mention, lower case, without the punctuation around them
/// ("“fact-checking” website" gives "website", "fact-checking").
fn words_before(doc: &Doc, m: &Mention) -> (String, String) {
    let from = doc.prose.floor_char_boundary(m.start.saturating_sub(80));
    let mut words = doc.prose[from..m.start].split_whitespace().rev().map(|w| {
        w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
            .to_lowercase()
    });
    let before = words.next().unwrap_or_default();
    (before, words.next().unwrap_or_default())
}

/// Whether a one-word mention names whose administration or presidency follows ("the
/// Obama administration"; not "the Food and Drug Administration", a name of its own).
fn leads_an_administration(doc: &Doc, m: &Mention) -> bool {
    let next = doc.slice(m.end, doc.prose.floor_char_boundary(m.end + 30));
    let word = next.split_whitespace().next().unwrap_or("");
    let word = word.trim_end_matches(|c: char| !c.is_alphabetic());
    let word = word
        .strip_suffix("\u{2019}s")
        .or_else(|| word.strip_suffix("'s"))
        .unwrap_or(word);
    !m.name.trim().contains(' ')
        && next.starts_with(' ')
        && matches!(word, "administration" | "presidency")
}

/// Whether a mention comes right after a capitalised "The" inside its sentence ("with
/// The Ubyssey"), and neither it nor "The" with it is a listed place ("The Hague").
fn titled_the(doc: &Doc, m: &Mention) -> bool {
    let Some(s) = m.sentence else {
        return false;
    };
    let head = doc.slice(doc.sentences[s].start, m.start);
    // "The" inside the tagged span ("[The Ubyssey]") or right before it.
    let rest = if doc.slice(m.start, m.end).starts_with("The ") {
        Some(head)
    } else {
        head.trim_end()
            .strip_suffix("The")
            .filter(|r| r.ends_with(char::is_whitespace))
    };
    let Some(rest) = rest else {
        return false;
    };
    let inside = rest
        .trim_end()
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || c == ',');
    inside
        && !gazetteers::is_listed_place(&m.name)
        && !gazetteers::is_listed_place(&format!("The {}", m.name))
}

/// Whether a mention is the place of the dateline its sentence opens with ("LISK \u{2014}").
fn in_dateline(doc: &Doc, m: &Mention) -> bool {
    let Some(s) = m.sentence else {
        return false;
    };
    let start = doc.sentences[s].start;
    let text = doc.slice(start, doc.sentences[s].end);
    dateline::place(text).is_some_and(|r| start + r.start <= m.start && m.end <= start + r.end)
}

/// Whether a mention opens its sentence as "In X," ("In Port Aubel, ...").
fn opens_with_in(doc: &Doc, m: &Mention) -> bool {
    let Some(s) = m.sentence else {
        return false;
    };
    let head = doc.slice(doc.sentences[s].start, m.start).trim();
    head == "In" && doc.slice(m.end, m.end + 1) == ","
}

/// Whether "the" comes right before a mention ("the Amazon").
fn after_the(doc: &Doc, m: &Mention) -> bool {
    doc.prose[..m.start]
        .split_whitespace()
        .next_back()
        .is_some_and(|w| w.eq_ignore_ascii_case("the"))
}
