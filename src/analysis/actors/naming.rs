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
    // A title or role is given only to people ("President Obama" tagged a place elsewhere).
    if ms.iter().any(|m| m.role.is_some() || m.honorific.is_some()) {
        return ActorKind::Person;
    }
    // "Meranthe's prime minister", "Port Aubel, the Meranthe capital": a state or a
    // city; "LISK \u{2014} ...": a dateline names the place the story is filed from.
    if ms.iter().any(|m| {
        world::said_to_be_a_state(doc.prose.get(m.end..).unwrap_or("")) || in_dateline(doc, m)
    }) {
        return ActorKind::Place;
    }
    let one_word = ms.iter().all(|m| !m.name.trim().contains(' '));
    let listed = ms.iter().any(|m| gazetteers::is_listed_company(&m.name));
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

/// Whether a mention is the place of the dateline its sentence opens with ("LISK \u{2014}").
fn in_dateline(doc: &Doc, m: &Mention) -> bool {
    let Some(s) = m.sentence else {
        return false;
    };
    let start = doc.sentences[s].start;
    let text = doc.slice(start, doc.sentences[s].end);
    dateline::place(text).is_some_and(|r| start + r.start <= m.start && m.end <= start + r.end)
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
