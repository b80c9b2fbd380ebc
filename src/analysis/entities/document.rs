//! One reading per name: an article's tagged entities and words in, the same entities
//! with what the article itself settles about a name applied to all its mentions out.
//!
//! The tagger reads a word in a small window, so a name it never saw in training can be
//! a company in one sentence and a person in the next, and a surname it saw once with the
//! given name can go untagged when it stands alone. An article introduces its names once
//! and then shortens them, so two rules carry what the full name shows to the short one:
//! 1. a person or place span that ends in a corporate suffix ("Pirelli SpA", "Comelf
//!    SA") or a "person" joined by "&" ("Douglas & Lomason") is an organisation, and so
//!    is every person or place mention of the same name without the suffix ("Pirelli");
//! 2. the surname of a person named in full with a given name ("Margaret Thatcher", not
//!    the product "MacBook Air" the tagger took for a person) is that person where it
//!    stands alone untagged ("Thatcher's office"), unless the article also writes it as a
//!    common word ("rose"), tags it as something else, or it runs into another
//!    capitalised word ("Thatcher Street");
//! 3. a one-word place or organisation that is the surname of a person the tagger named
//!    in full, with a listed given name or surname ("Washington said" beside "MaliVai
//!    Washington"; not "Twitter" beside a greeting "Hey Twitter"), is that person, unless it
//!    follows a preposition ("in Washington"), is a country ("Jordan") or a listed
//!    organisation ("Dell" beside "Michael Dell", "Ford" beside "Henry Ford").
//!
//! 4. a name the article writes in full elsewhere is not cut short: a one-word mention
//!    followed by the word that completes a two-word name of the article is that name,
//!    also when that word is in lower case between quotation marks ("God" of a quoted
//!    "God view" beside the tool "God View") or in a thing's name ("iPod nano" beside
//!    "iPod Nano"); not in running text ("Damascus radio" beside "Damascus Radio").
//!
//! All four are linear in the article's words and entities.

use std::collections::{HashMap, HashSet};

use super::gazetteer::List;
use super::{Entity, EntityType};
use crate::analysis::tokens::Token;
use crate::language::{gazetteers, names, words};

/// Applies both rules to `entities` (sorted by start), whose offsets index `prose`;
/// `units` are the tagged units' words. The result stays sorted.
pub(crate) fn one_reading_per_name(prose: &str, units: &[Vec<Token>], entities: &mut Vec<Entity>) {
    companies_by_their_suffix(prose, entities);
    surnames_typed_otherwise(prose, entities);
    names_in_full(prose, entities);
    let added = lone_surnames(prose, units, entities);
    if !added.is_empty() {
        entities.extend(added);
        entities.sort_by_key(|e| (e.start, e.end));
    }
}

/// Rule 1.
fn companies_by_their_suffix(prose: &str, entities: &mut [Entity]) {
    let mut short_names: HashSet<&str> = HashSet::new();
    for e in entities.iter_mut() {
        let text = prose.get(e.start..e.end).unwrap_or("");
        let words: Vec<&str> = text.split_whitespace().collect();
        let [.., before, last] = words.as_slice() else {
            continue;
        };
        let suffixed = names::is_corporate_suffix(&names::key(last));
        let joined = e.kind == EntityType::Per && words.contains(&"&");
        if !matches!(e.kind, EntityType::Per | EntityType::Loc) || !(suffixed || joined) {
            continue;
        }
        e.kind = EntityType::Org;
        if suffixed && !before.ends_with(',') {
            let cut = text.len() - last.len();
            short_names.insert(text[..cut].trim_end());
        }
    }
    for e in entities.iter_mut() {
        let text = prose.get(e.start..e.end).unwrap_or("");
        if matches!(e.kind, EntityType::Per | EntityType::Loc) && short_names.contains(text) {
            e.kind = EntityType::Org;
        }
    }
}

/// Rule 3.
fn surnames_typed_otherwise(prose: &str, entities: &mut [Entity]) {
    let text = |e: &Entity| prose.get(e.start..e.end).unwrap_or("");
    let surnames: HashSet<String> = entities
        .iter()
        .filter(|e| e.kind == EntityType::Per)
        .filter_map(|e| {
            let words: Vec<&str> = text(e).split_whitespace().collect();
            let last = *words.last()?;
            let person =
                given_name(words[0]) || super::gazetteer().is_single(last, &[List::Surname]);
            (words.len() >= 2 && is_plain_name_word(last) && person).then(|| last.to_string())
        })
        .collect();
    if surnames.is_empty() {
        return;
    }
    for e in entities.iter_mut() {
        let name = prose.get(e.start..e.end).unwrap_or("");
        if !matches!(e.kind, EntityType::Loc | EntityType::Org) || !surnames.contains(name) {
            continue;
        }
        let before = prose.get(..e.start).unwrap_or("");
        let previous = before.split_whitespace().next_back().unwrap_or("");
        let placed = words::is_preposition(&previous.to_lowercase());
        let country = super::gazetteer().is_single(name, &[List::Country]);
        let company = gazetteers::is_listed_company(name)
            || super::gazetteer().is_single(name, &[List::Organization, List::Company]);
        if !placed && !country && !company {
            e.kind = EntityType::Per;
        }
    }
}

/// Rule 4.
fn names_in_full(prose: &str, entities: &mut [Entity]) {
    let text = |e: &Entity| prose.get(e.start..e.end).unwrap_or("");
    let two_words: HashMap<String, EntityType> = entities
        .iter()
        .filter(|e| text(e).split_whitespace().count() == 2)
        .map(|e| (text(e).to_lowercase(), e.kind))
        .collect();
    if two_words.is_empty() {
        return;
    }
    for i in 0..entities.len() {
        let e = &entities[i];
        let name = text(e);
        if name.contains(char::is_whitespace) {
            continue;
        }
        let rest = prose.get(e.end..).unwrap_or("");
        let Some(after) = rest.strip_prefix(' ') else {
            continue;
        };
        let word_len = after
            .find(|c: char| !c.is_alphanumeric())
            .unwrap_or(after.len());
        let end = e.end + 1 + word_len;
        let free = entities.get(i + 1).is_none_or(|n| n.start >= end);
        let full = format!("{name} {}", &after[..word_len]).to_lowercase();
        let Some(&kind) = two_words.get(&full).filter(|_| word_len > 0 && free) else {
            continue;
        };
        // A lower-case word completes the name only between quotation marks ("the
        // \u{201c}God view\u{201d}") or in a thing's name ("iPod nano"), not in running
        // text ("Damascus radio").
        let quoted = prose[..e.start].ends_with(['"', '\u{201c}'])
            && after[word_len..].starts_with(['"', '\u{201d}']);
        let thing = e.kind == EntityType::Misc && kind == EntityType::Misc;
        if after.starts_with(char::is_uppercase) || quoted || thing {
            entities[i].end = end;
            entities[i].kind = kind;
        }
    }
}

/// Rule 2: the entities to add.
fn lone_surnames(prose: &str, units: &[Vec<Token>], entities: &[Entity]) -> Vec<Entity> {
    let text = |e: &Entity| prose.get(e.start..e.end).unwrap_or("");
    let mut surnames: HashSet<&str> = entities
        .iter()
        .filter(|e| e.kind == EntityType::Per)
        .filter_map(|e| {
            let words: Vec<&str> = text(e).split_whitespace().collect();
            let given = words.len() >= 2 && given_name(words[0]);
            words
                .last()
                .filter(|w| given && is_plain_name_word(w))
                .copied()
        })
        .collect();
    for e in entities.iter().filter(|e| e.kind != EntityType::Per) {
        surnames.remove(text(e));
    }
    if surnames.is_empty() {
        return Vec::new();
    }
    let common: HashSet<String> = units
        .iter()
        .flatten()
        .map(|t| t.text(prose))
        .filter(|w| w.starts_with(char::is_lowercase))
        .map(str::to_string)
        .collect();
    surnames.retain(|s| !common.contains(&s.to_lowercase()));
    let mut added = Vec::new();
    for unit in units {
        for (i, t) in unit.iter().enumerate() {
            let word = t.text(prose);
            if !surnames.contains(word) || covered(entities, t) {
                continue;
            }
            let next_capitalised = unit
                .get(i + 1)
                .is_some_and(|n| n.text(prose).starts_with(char::is_uppercase));
            let prev_name = i.checked_sub(1).is_some_and(|p| {
                let w = unit[p].text(prose);
                w.starts_with(char::is_uppercase) && names::title(w).is_none() && p > 0
            });
            if !next_capitalised && !prev_name {
                added.push(Entity {
                    start: t.start,
                    end: t.end,
                    kind: EntityType::Per,
                    actor: None,
                });
            }
        }
    }
    added
}

/// A given name of the tagger's lists (ours and the public ones).
fn given_name(word: &str) -> bool {
    super::gazetteer().is_single(word, &[List::FirstName, List::GivenName])
}

/// A capitalised word of letters only, at least three long ("Thatcher", not "Jr" or
/// "O'Neill-Smith").
fn is_plain_name_word(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase)
        && word.chars().count() >= 3
        && chars.all(char::is_lowercase)
}

/// Whether an entity (sorted by start) overlaps the token.
fn covered(entities: &[Entity], t: &Token) -> bool {
    let after = entities.partition_point(|e| e.start < t.end);
    entities[..after]
        .iter()
        .rev()
        .take(8)
        .any(|e| e.end > t.start)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::tokens::tokenize;

    /// Entities given as (text, kind) in order of appearance, found in `prose`.
    fn tagged(prose: &str, names: &[(&str, EntityType)]) -> Vec<Entity> {
        let mut from = 0;
        names
            .iter()
            .map(|&(name, kind)| {
                let start = from + prose[from..].find(name).expect("name in prose");
                from = start + name.len();
                Entity {
                    start,
                    end: from,
                    kind,
                    actor: None,
                }
            })
            .collect()
    }

    fn resolved(prose: &str, names: &[(&str, EntityType)]) -> Vec<(String, EntityType)> {
        let units = vec![tokenize(prose, 0..prose.len())];
        let mut entities = tagged(prose, names);
        one_reading_per_name(prose, &units, &mut entities);
        entities
            .iter()
            .map(|e| (prose[e.start..e.end].to_string(), e.kind))
            .collect()
    }

    fn owned(names: &[(&str, EntityType)]) -> Vec<(String, EntityType)> {
        names.iter().map(|&(n, k)| (n.to_string(), k)).collect()
    }

    use EntityType::{Loc, Org, Per};

    /// (prose, entities tagged, entities after the pass)
    type Case<'a> = (
        &'a str,
        &'a [(&'a str, EntityType)],
        &'a [(&'a str, EntityType)],
    );

    #[test]
    fn a_corporate_suffix_makes_every_mention_of_the_name_a_company() {
        let cases: &[Case] = &[
            (
                "Varlotti SpA said on Monday that Varlotti would buy Brenna Ltd; Varlotti agreed.",
                &[
                    ("Varlotti SpA", Per),
                    ("Varlotti", Per),
                    ("Brenna Ltd", Loc),
                    ("Varlotti", Per),
                ],
                &[
                    ("Varlotti SpA", Org),
                    ("Varlotti", Org),
                    ("Brenna Ltd", Org),
                    ("Varlotti", Org),
                ],
            ),
            (
                "Hollis & Marrow shares rose.",
                &[("Hollis & Marrow", Per)],
                &[("Hollis & Marrow", Org)],
            ),
            // Apart: a person who shares nothing with the company, a MISC name, an
            // organisation already, a place "&" (no person).
            (
                "Dana Varlotti met Brenna Group in Karsk.",
                &[
                    ("Dana Varlotti", Per),
                    ("Brenna Group", Org),
                    ("Karsk", Loc),
                ],
                &[
                    ("Dana Varlotti", Per),
                    ("Brenna Group", Org),
                    ("Karsk", Loc),
                ],
            ),
            (
                "Trinidad & Tobago won.",
                &[("Trinidad & Tobago", Loc)],
                &[("Trinidad & Tobago", Loc)],
            ),
        ];
        for (prose, given, want) in cases {
            assert_eq!(resolved(prose, given), owned(want), "{prose}");
        }
    }

    #[test]
    fn a_surname_typed_as_a_place_or_company_is_the_person_named_in_full() {
        let cases: &[Case] = &[
            (
                "Neil Varrance won. Varrance served well, said Varrance's coach.",
                &[("Neil Varrance", Per), ("Varrance", Loc), ("Varrance", Org)],
                &[("Neil Varrance", Per), ("Varrance", Per), ("Varrance", Per)],
            ),
            // Apart: a place after a preposition, a country, a listed company, a name
            // no person in the article has.
            (
                "Neil Varrance flew to Varrance.",
                &[("Neil Varrance", Per), ("Varrance", Loc)],
                &[("Neil Varrance", Per), ("Varrance", Loc)],
            ),
            (
                "Neil Jordan said Jordan agreed.",
                &[("Neil Jordan", Per), ("Jordan", Loc)],
                &[("Neil Jordan", Per), ("Jordan", Loc)],
            ),
            (
                "Michael Dell said Dell would cut jobs.",
                &[("Michael Dell", Per), ("Dell", Org)],
                &[("Michael Dell", Per), ("Dell", Org)],
            ),
            (
                "Hey Twitter, said Twitter users.",
                &[("Hey Twitter", Per), ("Twitter", Org)],
                &[("Hey Twitter", Per), ("Twitter", Org)],
            ),
            (
                "Neil Varrance said Karsk agreed.",
                &[("Neil Varrance", Per), ("Karsk", Loc)],
                &[("Neil Varrance", Per), ("Karsk", Loc)],
            ),
        ];
        for (prose, given, want) in cases {
            assert_eq!(resolved(prose, given), owned(want), "{prose}");
        }
    }

    #[test]
    fn a_name_written_in_full_elsewhere_is_not_cut_short() {
        let cases: &[Case] = &[
            (
                "It has a tool, the \u{201c}Hawk View.\u{201d} You need no \u{201c}Hawk view\u{201d} to see it.",
                &[("Hawk View", EntityType::Misc), ("Hawk", Per)],
                &[
                    ("Hawk View", EntityType::Misc),
                    ("Hawk view", EntityType::Misc),
                ],
            ),
            // Apart: another word after the name, the name last in its sentence, a
            // next word that is a name of its own.
            (
                "The Hawk View tool spied. Hawk said so. Ask Hawk.",
                &[
                    ("Hawk View", EntityType::Misc),
                    ("Hawk", Per),
                    ("Hawk", Per),
                ],
                &[
                    ("Hawk View", EntityType::Misc),
                    ("Hawk", Per),
                    ("Hawk", Per),
                ],
            ),
            (
                "The Zentro Nano sold well; the Zentro nano did not.",
                &[
                    ("Zentro Nano", EntityType::Misc),
                    ("Zentro", EntityType::Misc),
                ],
                &[
                    ("Zentro Nano", EntityType::Misc),
                    ("Zentro nano", EntityType::Misc),
                ],
            ),
            (
                "Damascus Radio said so, and Damascus radio agreed.",
                &[("Damascus Radio", Org), ("Damascus", Loc)],
                &[("Damascus Radio", Org), ("Damascus", Loc)],
            ),
            (
                "Ada Quint met Ada Varno.",
                &[("Ada Quint", Per), ("Ada", Per), ("Varno", Loc)],
                &[("Ada Quint", Per), ("Ada", Per), ("Varno", Loc)],
            ),
        ];
        for (prose, given, want) in cases {
            assert_eq!(resolved(prose, given), owned(want), "{prose}");
        }
    }

    #[test]
    fn a_surname_alone_is_the_person_named_in_full() {
        let cases: &[Case] = &[
            (
                "Mara Quillon spoke. Critics said Quillon's plan failed, and Quillon left.",
                &[("Mara Quillon", Per)],
                &[("Mara Quillon", Per), ("Quillon", Per), ("Quillon", Per)],
            ),
            (
                "Mara Quillon thanked Mrs Quillon.",
                &[("Mara Quillon", Per)],
                &[("Mara Quillon", Per), ("Quillon", Per)],
            ),
            // Apart: a surname the article writes as a common word, one tagged as
            // something else, one running into another name, a one-word person, a
            // "person" with no given name.
            (
                "Ada Rose spoke. Rose said prices rose.",
                &[("Ada Rose", Per)],
                &[("Ada Rose", Per)],
            ),
            (
                "Ada Warrick came to Warrick, where Warrick was quiet.",
                &[("Ada Warrick", Per), ("Warrick", Loc)],
                &[("Ada Warrick", Per), ("Warrick", Loc)],
            ),
            (
                "Ada Warrick lives on Warrick Street.",
                &[("Ada Warrick", Per)],
                &[("Ada Warrick", Per)],
            ),
            (
                "Warrick spoke. Warrick left.",
                &[("Warrick", Per)],
                &[("Warrick", Per)],
            ),
            (
                "The Zentro Air sold well. Sales of the Air fell.",
                &[("Zentro Air", Per)],
                &[("Zentro Air", Per)],
            ),
        ];
        for (prose, given, want) in cases {
            assert_eq!(resolved(prose, given), owned(want), "{prose}");
        }
    }
}
