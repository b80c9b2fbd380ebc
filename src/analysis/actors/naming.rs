//! Naming: clusters of mentions in, each actor's name, kind, role and aliases out.
//!
//! The name is what other articles will call the same entity, because the site stage
//! merges actors across articles by name and alias: so a country or a known
//! organisation takes its canonical gazetteer name ("United States" for "U.S.", "NATO"
//! for "North Atlantic Treaty Organization"), a person their fullest name in the article
//! ("Sergey Lavrov", not "Lavrov"), and anything else the form the article uses most,
//! which is the one its readers know ("Apple" more than "Apple Computer"). Every other form the article used
//! becomes an alias, including "Mr Lavrov" and acronyms defined in parentheses, so the
//! aliases are complete; national adjectives ("Russians") are evidence, not names, and
//! are left out. The role is the most informative one the text gives the person.

use std::collections::{HashMap, HashSet};

use super::ActorKind;
use super::mentions::{Mention, Reference};
use super::merge::Clusters;
use super::text::Doc;
use crate::language::names::key as name_key;
use crate::language::{dateline, gazetteers, identity, world};

/// An actor before ranking.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Draft {
    /// Mention indices, in document order.
    pub members: Vec<usize>,
    pub name: String,
    pub kind: ActorKind,
    pub role: Option<String>,
    pub aliases: Vec<String>,
}

/// Names every cluster.
pub(super) fn name_clusters(doc: &Doc, mentions: &[Mention], clusters: &Clusters) -> Vec<Draft> {
    let org_first_words: HashSet<String> = mentions
        .iter()
        .filter(|m| m.kind == ActorKind::Organization && m.reference == Reference::Named)
        .filter_map(|m| Some(name_key(m.name.split_once(' ')?.0)))
        .collect();
    clusters
        .members
        .iter()
        .zip(&clusters.defined_acronyms)
        .map(|(members, acronyms)| {
            let ms: Vec<&Mention> = members.iter().map(|&i| &mentions[i]).collect();
            let name = choose_name(&ms);
            let mut aliases: Vec<String> = Vec::new();
            let mut add = |form: String| {
                let capitals = shouting(&form) && form.to_lowercase() == name.to_lowercase();
                if form != name && !capitals && !aliases.contains(&form) {
                    aliases.push(form);
                }
            };
            for m in &ms {
                if !m.demonym {
                    add(m.name.clone());
                }
                if let Some(h) = m.honorific {
                    add(format!("{h} {}", m.name));
                }
            }
            for acronym in acronyms {
                add(acronym.clone());
            }
            Draft {
                members: members.clone(),
                kind: correct_kind(choose_kind(&ms), &ms, doc, &org_first_words),
                role: choose_role(&ms),
                name,
                aliases,
            }
        })
        .collect()
}

/// The canonical name if the gazetteer gave one. Otherwise, for a person, the fullest
/// form ("Sergey Lavrov" over "Lavrov"); for anything else, the form the article uses
/// most ("Apple" over "Apple Computer", "NATO" over its one-time expansion), the
/// fullest on ties. Forms are counted by key, so "Nato" and "NATO" are one form.
fn choose_name(ms: &[&Mention]) -> String {
    let canonical = ms.iter().find_map(|m| match &m.reference {
        Reference::Country(c) | Reference::KnownOrganization(c) | Reference::Group(c) => {
            Some(c.clone())
        }
        Reference::Person | Reference::Named => None,
    });
    if let Some(name) = canonical {
        return name;
    }
    let person = ms.iter().any(|m| m.reference == Reference::Person);
    let mut counts: HashMap<String, usize> = HashMap::new();
    for m in ms {
        *counts.entry(name_key(&m.name)).or_default() += 1;
    }
    let mut best: Option<(&str, (usize, usize))> = None;
    for m in ms {
        let (words, count) = (
            m.name.split_whitespace().count(),
            counts[&name_key(&m.name)],
        );
        let score = if person {
            (words, count)
        } else {
            (count, words)
        };
        if best.is_none_or(|(_, b)| score > b) {
            best = Some((&m.name, score));
        }
    }
    let Some((best, _)) = best else {
        return String::new();
    };
    // A dateline writes names in capitals ("LISK —"): show the form the text uses elsewhere.
    let key = name_key(best);
    ms.iter()
        .map(|m| m.name.as_str())
        .find(|n| name_key(n) == key && !shouting(n))
        .unwrap_or(best)
        .to_string()
}

/// A name in capitals ("LISK", "PORT AUBEL"); only shown when the text has no other form.
fn shouting(name: &str) -> bool {
    name.chars().filter(|c| c.is_alphabetic()).count() > 1 && !name.chars().any(char::is_lowercase)
}

/// The kind the mentions vote for, by the identity rule (the site decides an actor's
/// kind across briefings the same way).
fn choose_kind(ms: &[&Mention]) -> ActorKind {
    identity::choose_kind(ms.iter().map(|m| (m.kind, 1)))
}

/// The tagger's kind, corrected by what it cannot know about names it never saw:
/// - an actor the text gives a title or a role ("President Obama") is a person;
/// - a "person" or "place" whose name is a listed company ("Verizon") is that company,
///   unless a person's name has a given name ("Tom Kroger") or a place is written with
///   "the" ("the Amazon");
/// - a "person" one of whose names has an organisation's head word ("Norvane" said,
///   beside "Norvane Energy") is that organisation;
/// - a "person" only ever named by one word that is no given name, while that word opens
///   an organisation's name in the article ("Yahoo" beside "Yahoo Japan"), is an
///   organisation: news introduces people by their full name.
fn correct_kind(
    kind: ActorKind,
    ms: &[&Mention],
    doc: &Doc,
    org_first_words: &HashSet<String>,
) -> ActorKind {
    if ms
        .iter()
        .any(|m| !matches!(m.reference, Reference::Named | Reference::Person))
    {
        return kind;
    }
    // "In Port Aubel, the minister said": a sentence opening "In X," names a place, also
    // when the apposition after it was read as X's role.
    if ms.iter().any(|m| opens_with_in(doc, m)) {
        return ActorKind::Place;
    }
    // A title or role is given only to people ("President Obama" tagged a place elsewhere).
    if ms.iter().any(|m| m.role.is_some() || m.honorific.is_some()) {
        return ActorKind::Person;
    }
    // "Meranthe's prime minister", "Port Aubel, the Meranthe capital": a state or a
    // city; "LISK \u{2014} ...": a dateline names the place the story is filed from.
    if ms.iter().any(|m| {
        world::said_to_be_a_state(doc.prose.get(m.end..).unwrap_or(""))
            || world::said_to_be_a_state_before(
                &doc.prose[doc.prose.floor_char_boundary(m.start.saturating_sub(60))..m.start],
            )
            || in_dateline(doc, m)
    }) {
        return ActorKind::Place;
    }
    let one_word = ms.iter().all(|m| !m.name.trim().contains(' '));
    let listed = ms.iter().any(|m| gazetteers::is_listed_company(&m.name));
    if let Some(cued) = cue_kind(kind, ms, doc, one_word, listed) {
        return cued;
    }
    let retype = match kind {
        ActorKind::Person => {
            let bare = one_word
                && ms.iter().all(|m| {
                    m.honorific.is_none() && m.role.is_none() && !gazetteers::is_given_name(&m.name)
                });
            let opens_organisation = || {
                ms.iter()
                    .any(|m| org_first_words.contains(&name_key(&m.name)))
            };
            // "Norvane said" merged with "Norvane Energy": the company's short name.
            let company = ms.iter().any(|m| {
                m.kind == ActorKind::Organization
                    && super::lexicon::lexicon().head_kind(&m.name) == Some(ActorKind::Organization)
            });
            (bare && (listed || opens_organisation())) || company
        }
        ActorKind::Place => listed && !ms.iter().any(|m| after_the(doc, m)),
        ActorKind::Organization | ActorKind::Group => false,
    };
    if retype {
        ActorKind::Organization
    } else {
        kind
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

/// What the words around the mentions say the actor is, whatever the tagger said:
/// - a full name tagged as a person, with a given name first ("David Emery" beside
///   "Emery" typed an organisation), is a person, unless it is a listed company;
/// - a name right after a noun of organisations ("developer Mojang", "group Project
///   Jonah") or after "<job> at" ("an economist at Harvard") is an organisation;
/// - a one-word name right before a lower-case place noun ("the Brenn gauging
///   station") is a place;
/// - a one-word "person" after "the", never with a given name ("the Ngātiwai tribe",
///   "The Ngātiwai are"), is a people: a group.
fn cue_kind(
    kind: ActorKind,
    ms: &[&Mention],
    doc: &Doc,
    one_word: bool,
    listed: bool,
) -> Option<ActorKind> {
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
        let (before, before_that) = words_before(doc, m);
        ORGANISATION_NOUNS.contains(&before.as_str())
            || (one_word && ORGANISATION_NOUNS_ONE_WORD.contains(&before.as_str()))
            || (before == "at" && super::lexicon::lexicon().is_head(&before_that))
    });
    if organisation && kind != ActorKind::Organization && !full_person {
        return Some(ActorKind::Organization);
    }
    // "the Brenn gauging station", "the Tarsk dam": a place's name before a place noun.
    let place = one_word
        && !listed
        && ms.iter().any(|m| {
            doc.slice(m.end, doc.prose.floor_char_boundary(m.end + 40))
                .split_whitespace()
                .take(2)
                .take_while(|w| w.chars().all(char::is_lowercase))
                .any(|w| super::lexicon::lexicon().place_heads.contains(w))
        });
    if place && kind != ActorKind::Place {
        return Some(ActorKind::Place);
    }
    let people = kind == ActorKind::Person
        && one_word
        && ms.iter().any(|m| after_the(doc, m))
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

/// The role with the most words (then the most capitalised words), the earliest on ties.
fn choose_role(ms: &[&Mention]) -> Option<String> {
    let score = |r: &str| {
        let words = r.split_whitespace();
        (
            words.clone().count(),
            words.filter(|w| super::text::is_capitalised(w)).count(),
        )
    };
    let mut best: Option<&str> = None;
    for role in ms.iter().filter_map(|m| m.role.as_ref()) {
        if best.is_none_or(|b| score(&role.text) > score(b)) {
            best = Some(&role.text);
        }
    }
    best.map(String::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (name, role, aliases) of each actor, for a marked one-paragraph text.
    fn drafts_of(marked: &str) -> Vec<(String, Option<String>, Vec<String>)> {
        let (prose, entities) = super::super::tests::parse_marked(marked);
        let sentences = super::super::tests::one_sentence(&prose);
        let doc = super::super::text::Doc::new(&prose, &sentences);
        let mentions = super::super::mentions::collect(&doc, &entities);
        let clusters = super::super::merge::cluster(&doc, &mentions);
        name_clusters(&doc, &mentions, &clusters)
            .into_iter()
            .map(|d| (d.name, d.role, d.aliases))
            .collect()
    }

    #[test]
    fn names_roles_and_aliases() {
        let s = |x: &str| x.to_string();
        let cases = [
            (
                "[PER|Deputy Minister Ada Quint] met [PER|Quint].",
                (s("Ada Quint"), Some(s("Deputy Minister")), vec![s("Quint")]),
            ),
            (
                "LISK \u{2014} [LOC|LISK] met [LOC|Lisk] in [LOC|Lisk].",
                (s("Lisk"), None, vec![]),
            ),
            (
                "[PER|Lavrov] and [PER|Lavrov] met [PER|Sergey Lavrov].",
                (s("Sergey Lavrov"), None, vec![s("Lavrov")]),
            ),
            (
                "[ORG|Arlo Foods Company], [ORG|Arlo Foods] and [ORG|Arlo Foods].",
                (s("Arlo Foods"), None, vec![s("Arlo Foods Company")]),
            ),
            (
                "[ORG|Arlo Foods Company] and [ORG|Arlo Foods].",
                (s("Arlo Foods Company"), None, vec![s("Arlo Foods")]),
            ),
            (
                "[ORG|Nato] and [ORG|North Atlantic Treaty Organization].",
                (
                    s("NATO"),
                    None,
                    vec![s("Nato"), s("North Atlantic Treaty Organization")],
                ),
            ),
            (
                "Deputy Minister [PER|Ada Quint] met Mr [PER|Quint], the [LOC|Kessel] Deputy Foreign Minister, twice.",
                (
                    s("Ada Quint"),
                    Some(s("Kessel Deputy Foreign Minister")),
                    vec![s("Quint"), s("Mr Quint")],
                ),
            ),
        ];
        for (marked, want) in cases {
            let got = drafts_of(marked);
            assert_eq!(got.first(), Some(&want), "{marked}: {got:?}");
        }
    }
}
