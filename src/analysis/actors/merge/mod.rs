//! Merging: mentions in, clusters of mentions that name one real-world entity out.
//!
//! Names are compared by the identity rule of `language::identity` (the site merges
//! actors across briefings by the same rule). Evidence, from strongest to weakest:
//! 1. the gazetteer ("US", "U.S." and "America" are one country; "Nato" is NATO);
//! 2. the same name ("Kyiv" and "Kyiv", "Harbour Authority" tagged ORG once and LOC once);
//! 3. person names: full names with the same surname merge when their first names agree
//!    ("John F. Smith" and "John Smith", "J. Smith", "Sergei Smith" and "Sergey Smith");
//!    a surname alone ("Smith", "Bin Laden") joins the one full name it can belong to,
//!    or, when two people share it ("John Smith", "Mary Smith"), the one mentioned most
//!    recently before it; two different first names never merge;
//! 4. acronyms: "North Atlantic Treaty Organization (NATO)" in the text, or an acronym
//!    whose letters are the initials of another name in the article;
//! 5. short forms of organisations ("Lockheed" for "Lockheed Martin", "Foreign Ministry"
//!    for "Russian Foreign Ministry") when only one longer name fits.
//!
//! A union-find over mentions keeps every step order-independent and linear enough:
//! steps compare each mention with the clusters, never all mentions pairwise.

use std::collections::HashMap;

mod persons;

use super::ActorKind;
use super::mentions::{Mention, Reference};
use super::text::Doc;
use crate::language::identity::identity_key;
use crate::language::names::{acronym_letters, initials, is_acronym, key as name_key};

/// Clusters of mention indices, ordered by their first mention; and the acronyms the
/// text defines in parentheses for each cluster ("NATO"), keyed by cluster index.
pub(super) struct Clusters {
    pub members: Vec<Vec<usize>>,
    pub defined_acronyms: Vec<Vec<String>>,
}

struct UnionFind(Vec<usize>);

impl UnionFind {
    fn find(&mut self, mut i: usize) -> usize {
        while self.0[i] != i {
            self.0[i] = self.0[self.0[i]];
            i = self.0[i];
        }
        i
    }

    fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        // The earlier mention stays the root, so roots are first mentions.
        let (low, high) = (a.min(b), a.max(b));
        self.0[high] = low;
    }
}

/// Groups `mentions` (in document order) into actors.
pub(super) fn cluster(doc: &Doc, mentions: &[Mention]) -> Clusters {
    let mut uf = UnionFind((0..mentions.len()).collect());
    by_key(mentions, &mut uf);
    persons::persons(mentions, &mut uf);
    persons::confusions(mentions, &mut uf);
    let acronyms = acronyms(doc, mentions, &mut uf);
    short_forms(mentions, &mut uf);
    let mut groups: HashMap<usize, Vec<usize>> = HashMap::new();
    for i in 0..mentions.len() {
        let root = uf.find(i);
        groups.entry(root).or_default().push(i);
    }
    let mut members: Vec<Vec<usize>> = groups.into_values().collect();
    members.sort_by_key(|m| m[0]);
    let mut cluster_of = vec![0; mentions.len()];
    for (c, m) in members.iter().enumerate() {
        for &i in m {
            cluster_of[i] = c;
        }
    }
    let mut defined_acronyms: Vec<Vec<String>> = vec![Vec::new(); members.len()];
    for (i, acronym) in acronyms {
        let found = &mut defined_acronyms[cluster_of[i]];
        if !found.contains(&acronym) {
            found.push(acronym);
        }
    }
    Clusters {
        members,
        defined_acronyms,
    }
}

/// The key two mentions must share to be merged without further evidence.
fn key(m: &Mention) -> Option<String> {
    match &m.reference {
        Reference::Country(c) => Some(format!("country:{c}")),
        Reference::KnownOrganization(o) => Some(format!("org:{o}")),
        Reference::Group(g) => Some(format!("group:{g}")),
        Reference::Named => Some(format!("name:{}", key_of_name(m))),
        Reference::Person => None,
    }
}

/// Place heads that name a unit of government: without them the name is often another
/// unit ("New York City", "New York").
const ADMINISTRATIVE: [&str; 8] = [
    "city", "town", "village", "county", "district", "province", "region", "state",
];

/// The key of an organisation's or place's name (an organisation's without a corporate
/// suffix: "Apple Inc." is "Apple"; a place's of two words or more without the head
/// noun the text may leave out or write in lower case: "Ninety Mile Beach" is "Ninety
/// Mile", while "Miami Beach" is not "Miami").
fn key_of_name(m: &Mention) -> String {
    let key = identity_key(&m.name, m.kind);
    if m.kind == ActorKind::Place
        && let Some((rest, head)) = key.rsplit_once(' ')
        && rest.contains(' ')
        && super::lexicon::lexicon().place_heads.contains(head)
        && !ADMINISTRATIVE.contains(&head)
    {
        return rest.to_string();
    }
    key
}

fn by_key(mentions: &[Mention], uf: &mut UnionFind) {
    let mut first: HashMap<String, usize> = HashMap::new();
    for (i, m) in mentions.iter().enumerate() {
        if let Some(k) = key(m) {
            let root = *first.entry(k).or_insert(i);
            uf.union(root, i);
        }
    }
}

/// Links acronyms to their expansions; returns (mention, acronym) pairs for acronyms
/// the text defines in parentheses.
fn acronyms(doc: &Doc, mentions: &[Mention], uf: &mut UnionFind) -> Vec<(usize, String)> {
    let eligible: Vec<usize> = (0..mentions.len())
        .filter(|&i| {
            matches!(
                mentions[i].reference,
                Reference::Named | Reference::KnownOrganization(_)
            )
        })
        .collect();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    let mut by_initials: HashMap<String, Vec<usize>> = HashMap::new();
    for &i in &eligible {
        by_key.entry(name_key(&mentions[i].name)).or_insert(i);
        if mentions[i].name.contains(' ') {
            by_initials
                .entry(initials(&mentions[i].name))
                .or_default()
                .push(i);
        }
    }
    let mut defined = Vec::new();
    for &i in &eligible {
        let m = &mentions[i];
        let after = doc
            .slice(m.end, floor_boundary(doc.prose, m.end + 24))
            .trim_start();
        let Some(inner) = after
            .strip_prefix('(')
            .and_then(|a| a.split_once(')'))
            .map(|(x, _)| x.trim())
        else {
            continue;
        };
        if is_acronym(inner) && m.name.contains(' ') {
            defined.push((i, inner.to_string()));
            if let Some(&j) = by_key.get(&name_key(inner)) {
                uf.union(i, j);
            }
        }
    }
    // One expansion per acronym, found once: the acronym joins it if all its forms are one cluster.
    let mut expansion_of: HashMap<String, Option<usize>> = HashMap::new();
    for &i in eligible.iter().filter(|&&i| is_acronym(&mentions[i].name)) {
        let letters = acronym_letters(&mentions[i].name);
        let target = *expansion_of.entry(letters).or_insert_with_key(|letters| {
            let expansions = by_initials.get(letters)?;
            let root = uf.find(expansions[0]);
            expansions
                .iter()
                .all(|&j| uf.find(j) == root)
                .then_some(root)
        });
        if let Some(root) = target {
            uf.union(root, i);
        }
    }
    defined
}

/// The largest char boundary of `s` at or before `i`.
fn floor_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Head nouns of a body that belongs to an organisation without being it: "Valley Rail
/// Drivers' Association" is not "Valley Rail", nor "Arlo Foundation" "Arlo".
const DISTINCT_BODIES: [&str; 12] = [
    "association",
    "union",
    "federation",
    "council",
    "committee",
    "foundation",
    "institute",
    "society",
    "club",
    "team",
    "board",
    "fund",
];

/// "Lockheed" -> "Lockheed Martin"; "Foreign Ministry" -> "Russian Foreign Ministry":
/// a short form joins the one longer name that fits it, if the text used that name first,
/// unless the words it leaves out name a body of its own ("Valley Rail Drivers'
/// Association" is not "Valley Rail").
fn short_forms(mentions: &[Mention], uf: &mut UnionFind) {
    let named =
        |m: &Mention| m.reference == Reference::Named && m.kind == super::ActorKind::Organization;
    let organization =
        |m: &Mention| named(m) || matches!(m.reference, Reference::KnownOrganization(_));
    // Every longer organisation name under each short form it can take: its leading
    // words, and its words after a nationality. Mentions ascending in each list.
    let mut longer: HashMap<String, Vec<usize>> = HashMap::new();
    for j in (0..mentions.len()).filter(|&j| organization(&mentions[j])) {
        let name = &mentions[j].name;
        if !name.contains(' ') {
            continue;
        }
        let full = name_key(name);
        let mut forms: Vec<&str> = full
            .match_indices(' ')
            .filter(|(p, _)| !full[*p..].split(' ').any(|w| DISTINCT_BODIES.contains(&w)))
            .map(|(p, _)| &full[..p])
            .collect();
        let bare = without_nationality(name);
        if !bare.is_empty() && bare != full && !forms.contains(&bare.as_str()) {
            forms.push(&bare);
        }
        for form in forms {
            longer.entry(form.to_string()).or_default().push(j);
        }
    }
    let mut first_of_key: HashMap<String, usize> = HashMap::new();
    for i in (0..mentions.len()).filter(|&i| named(&mentions[i])) {
        first_of_key.entry(name_key(&mentions[i].name)).or_insert(i);
    }
    let mut shorts: Vec<(String, usize)> = first_of_key.into_iter().collect();
    shorts.sort_by_key(|(_, i)| *i);
    for (key, i) in &shorts {
        let Some(fits) = longer.get(key) else {
            continue;
        };
        let root = uf.find(fits[0]);
        if fits.iter().all(|&j| uf.find(j) == root) && fits[0] < *i {
            uf.union(root, *i);
        }
    }
}

/// The key of a name without a leading country name or national adjective
/// ("United States Air Force" -> "air force"), or "" if it has none.
fn without_nationality(name: &str) -> String {
    let g = crate::language::world::gazetteer();
    let words: Vec<&str> = name.split_whitespace().collect();
    for n in 1..words.len().min(4) {
        let lead = words[..n].join(" ");
        if g.country(&lead).is_some() || g.demonym(&lead).is_some() {
            return name_key(&words[n..].join(" "));
        }
    }
    String::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The mention texts of each cluster, for a marked one-paragraph text.
    fn clusters_of(marked: &str) -> Vec<Vec<String>> {
        let (prose, entities) = super::super::tests::parse_marked(marked);
        let sentences = super::super::tests::one_sentence(&prose);
        let doc = Doc::new(&prose, &sentences);
        let mentions = super::super::mentions::collect(&doc, &entities);
        let clusters = cluster(&doc, &mentions);
        clusters
            .members
            .iter()
            .map(|c| {
                c.iter()
                    .map(|&i| prose[mentions[i].start..mentions[i].end].to_string())
                    .collect()
            })
            .collect()
    }

    #[test]
    fn merges_what_names_one_entity_and_nothing_else() {
        let cases: [(&str, &[&[&str]]); 15] = [
            (
                "Whales beached on [LOC|Tarn Mile] beach and on [LOC|Tarn Mile Beach].",
                &[&["Tarn Mile", "Tarn Mile Beach"]],
            ),
            (
                "Fans in [LOC|Kessel] and in [LOC|Kessel Beach] and [ORG|Kessel Beach Club].",
                &[&["Kessel"], &["Kessel Beach"], &["Kessel Beach Club"]],
            ),
            (
                "In [LOC|Port Aubel] and [LOC|Port Aubel City].",
                &[&["Port Aubel"], &["Port Aubel City"]],
            ),
            (
                "[ORG|Arlo] sells; [ORG|Arlo Inc.] grew.",
                &[&["Arlo", "Arlo Inc."]],
            ),
            (
                "[PER|Aer Lingus] bought jets. [ORG|Aer Lingus] said so.",
                &[&["Aer Lingus", "Aer Lingus"]],
            ),
            (
                "[PER|Steve Jobs] spoke. [ORG|Steve] smiled.",
                &[&["Steve Jobs", "Steve"]],
            ),
            (
                "[ORG|Lockheed Martin] and [ORG|Boeing] bid; [ORG|Lockheed] won.",
                &[&["Lockheed Martin", "Lockheed"], &["Boeing"]],
            ),
            (
                "[ORG|Arlo] sells; [ORG|Arlo Music] streams; [ORG|Arlo] grows.",
                &[&["Arlo", "Arlo"], &["Arlo Music"]],
            ),
            (
                "The [ORG|Russian Foreign Ministry] said the [ORG|Foreign Ministry] agreed.",
                &[&["Russian Foreign Ministry", "Foreign Ministry"]],
            ),
            (
                "The [ORG|United States Air Force] and the [ORG|Air Force] and [ORG|USAF].",
                &[&["United States Air Force", "Air Force", "USAF"]],
            ),
            (
                "The [ORG|Valley Rail Drivers' Association] struck. [ORG|Valley Rail] said.",
                &[&["Valley Rail Drivers' Association"], &["Valley Rail"]],
            ),
            (
                "The [ORG|Kessel Port Union] ([ORG|KPU]) and [ORG|KPU] met.",
                &[&["Kessel Port Union", "KPU", "KPU"]],
            ),
            (
                "[ORG|Kessel Port Union] met [ORG|Kessel Paper Unit] and [ORG|KPU].",
                &[&["Kessel Port Union"], &["Kessel Paper Unit"], &["KPU"]],
            ),
            (
                "[LOC|Kyiv] and [ORG|Kyiv] and [LOC|Kiev].",
                &[&["Kyiv", "Kyiv"], &["Kiev"]],
            ),
            (
                "[PER|Ann Lee] met [PER|Bo Lee]; [PER|Lee] spoke to [PER|Ann].",
                &[&["Ann Lee", "Ann"], &["Bo Lee", "Lee"]],
            ),
        ];
        for (marked, want) in cases {
            assert_eq!(clusters_of(marked), *want, "{marked}");
        }
    }

    /// The rules the identity module shares with the site's merging of actors, on one
    /// article: spelling variants, surnames with particles, titles, acronyms; and the
    /// pairs that must stay apart.
    #[test]
    fn one_identity_rule_within_an_article() {
        let cases: [(&str, &[&[&str]]); 7] = [
            (
                "[PER|Sergei Lavrov] spoke. [PER|Sergey] agreed.",
                &[&["Sergei Lavrov", "Sergey"]],
            ),
            (
                "[PER|Sergey Lavrov] met [PER|Sergei Lavrov].",
                &[&["Sergey Lavrov", "Sergei Lavrov"]],
            ),
            (
                "[PER|Osama bin Laden] hid. [PER|Bin Laden] fled.",
                &[&["Osama bin Laden", "Bin Laden"]],
            ),
            (
                "[PER|Osama bin Laden] and [PER|Hamza bin Laden] met.",
                &[&["Osama bin Laden"], &["Hamza bin Laden"]],
            ),
            (
                "[PER|Bashar al-Assad] spoke; [PER|Assad] left.",
                &[&["Bashar al-Assad", "Assad"]],
            ),
            (
                "[PER|Tony Marsh] met [PER|Toni Marsh].",
                &[&["Tony Marsh"], &["Toni Marsh"]],
            ),
            (
                "[ORG|General Motors] and [ORG|GM] and [ORG|Apple Inc.] and [ORG|Apple].",
                &[&["General Motors", "GM"], &["Apple Inc.", "Apple"]],
            ),
        ];
        for (marked, want) in cases {
            assert_eq!(clusters_of(marked), *want, "{marked}");
        }
    }

    #[test]
    fn leading_countries_and_adjectives_are_stripped() {
        let cases = [
            ("United States Air Force", "air force"),
            ("Russian Foreign Ministry", "foreign ministry"),
            ("US State Department", "state department"),
            ("Harbour Authority", ""),
            ("Russia", ""),
        ];
        for (name, want) in cases {
            assert_eq!(without_nationality(name), want, "{name}");
        }
    }
}
