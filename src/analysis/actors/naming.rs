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

use std::collections::HashMap;

use super::ActorKind;
use super::kinds::{ArticleNames, choose_kind, correct_kind};
use super::mentions::{Mention, Reference};
use super::merge::Clusters;
use super::text::Doc;
use crate::language::identity;
use crate::language::names::key as name_key;

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

/// Names every cluster. `misc` counts the names (by key) the tagger typed MISC in the
/// article (see [`ArticleNames`]).
pub(super) fn name_clusters(
    doc: &Doc,
    mentions: &[Mention],
    clusters: &Clusters,
    misc: HashMap<String, usize>,
) -> Vec<Draft> {
    let article = ArticleNames {
        org_first_words: mentions
            .iter()
            .filter(|m| m.kind == ActorKind::Organization && m.reference == Reference::Named)
            .filter_map(|m| Some(name_key(m.name.split_once(' ')?.0)))
            .collect(),
        misc,
    };
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
                kind: correct_kind(choose_kind(&ms), &ms, doc, &article),
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
        let score = identity::name_preference(words, count, person);
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
        name_clusters(&doc, &mentions, &clusters, HashMap::new())
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
