//! Actors across the site: each briefing's actor list in, one [`SiteActor`] per
//! real-world entity out (display name, deterministic slug, aliases, every appearance).
//!
//! Names are compared by a normalised key: transliterated to ASCII, lower case,
//! punctuation removed (`slug::slugify`), leading honorifics dropped for people
//! ("President", "Dr") and a leading "the" for the other kinds. Two passes, both over
//! hash maps, so the cost is linear in the number of actor entries:
//! 1. entries of the same type with the same key are one actor;
//! 2. an actor whose key is an alias of exactly one other actor of the same type is
//!    merged into it. A person's surname (last word of a multi-word name) counts as an
//!    alias, so "Lavrov" joins "Sergey Lavrov", but only while no other person of that
//!    surname exists: "Lavrov" stays apart when "Anna Lavrov" is also known, and two
//!    different full names are never merged.
//!
//! People's names are compared by their spelling-variant key (`spelling.rs`), so
//! "Sergei Lavrov" and "Sergey Lavrov", or "Aleksandr" and "Alexander Grushko", are
//! one actor; the other spellings are kept as aliases. This module is the one place
//! that decides identity.

use std::collections::{HashMap, HashSet};

use crate::analysis::ActorKind;
use crate::briefing::ActorMeta;

use super::slugs;
use super::spelling;

/// Leading words that are titles, not names, for people.
const HONORIFICS: [&str; 40] = [
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "dr",
    "prof",
    "professor",
    "sir",
    "dame",
    "lord",
    "lady",
    "gen",
    "general",
    "col",
    "colonel",
    "lt",
    "capt",
    "captain",
    "sgt",
    "adm",
    "admiral",
    "sen",
    "senator",
    "rep",
    "gov",
    "governor",
    "president",
    "minister",
    "chancellor",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "rev",
    "sheikh",
    "judge",
    "justice",
    "mayor",
];

/// One entity of the whole site.
#[derive(Debug, Clone, PartialEq)]
pub struct SiteActor {
    /// The fullest name used for it.
    pub name: String,
    /// Unique among actors; stable while the display name stays the same.
    pub slug: String,
    pub kind: ActorKind,
    /// Every other name it appears under, sorted.
    pub aliases: Vec<String>,
    /// Where it appears, in briefing order.
    pub appearances: Vec<Appearance>,
}

/// An entry of a briefing's actor list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Appearance {
    /// Index of the briefing (in the order given to [`ActorIndex::build`]).
    pub briefing: usize,
    /// Index in that briefing's `actors`.
    pub actor: usize,
}

/// Every actor of the site and which entry of which briefing is which actor.
#[derive(Debug, Clone, Default)]
pub struct ActorIndex {
    /// Sorted by slug.
    pub actors: Vec<SiteActor>,
    /// `of_briefing[b][a]` is the index in `actors` of entry `a` of briefing `b`.
    of_briefing: Vec<Vec<usize>>,
}

impl ActorIndex {
    /// Merges the actor lists of all briefings (one slice per briefing, in site order).
    pub fn build(lists: &[&[ActorMeta]]) -> ActorIndex {
        let entries: Vec<Entry> = lists
            .iter()
            .enumerate()
            .flat_map(|(b, list)| {
                list.iter()
                    .enumerate()
                    .map(move |(a, meta)| Entry::new(b, a, meta))
            })
            .collect();
        let mut sets = UnionFind::new(entries.len());
        merge_same_keys(&entries, &mut sets);
        merge_by_alias(&entries, &mut sets);
        let mut groups: HashMap<usize, Vec<usize>> = HashMap::new();
        for i in 0..entries.len() {
            groups.entry(sets.find(i)).or_default().push(i);
        }
        let mut groups: Vec<Vec<usize>> = groups.into_values().collect();
        groups.sort_by_key(|members| members[0]);
        let mut actors: Vec<SiteActor> = groups
            .iter()
            .map(|m| site_actor(&entries, lists, m))
            .collect();
        assign_slugs(&mut actors);
        let mut order: Vec<usize> = (0..actors.len()).collect();
        order.sort_by(|&x, &y| actors[x].slug.cmp(&actors[y].slug));
        let mut of_briefing: Vec<Vec<usize>> = lists.iter().map(|l| vec![0; l.len()]).collect();
        let mut sorted = Vec::with_capacity(actors.len());
        for (new_id, &old) in order.iter().enumerate() {
            for app in &actors[old].appearances {
                of_briefing[app.briefing][app.actor] = new_id;
            }
            sorted.push(actors[old].clone());
        }
        ActorIndex {
            actors: sorted,
            of_briefing,
        }
    }

    /// The site actors of one briefing, in the order of its actor list.
    pub fn of_briefing(&self, briefing: usize) -> &[usize] {
        self.of_briefing.get(briefing).map_or(&[], Vec::as_slice)
    }
}

/// The normalised key of a name: ASCII, lower case, words joined by `-`, without
/// leading honorifics (people) or a leading "the" (everything else).
pub fn name_key(name: &str, kind: ActorKind) -> String {
    let slug = slug::slugify(name);
    let mut words: Vec<&str> = slug.split('-').filter(|w| !w.is_empty()).collect();
    let droppable = |w: &str| match kind {
        ActorKind::Person => HONORIFICS.contains(&w) || w == "the",
        _ => w == "the",
    };
    while words.len() > 1 && droppable(words[0]) {
        words.remove(0);
    }
    if kind == ActorKind::Person {
        while words.len() > 2 && matches!(words[words.len() - 1], "jr" | "sr") {
            words.pop();
        }
    }
    if words.is_empty() {
        name.trim().to_lowercase()
    } else {
        words.join("-")
    }
}

/// Finds which entry of a briefing's actor list a name refers to (by name or alias).
pub fn find_in_list(list: &[ActorMeta], name: &str) -> Option<usize> {
    list.iter().position(|a| {
        let key = name_key(name, a.kind);
        name_key(&a.name, a.kind) == key || a.aliases.iter().any(|x| name_key(x, a.kind) == key)
    })
}

struct Entry {
    at: Appearance,
    kind: ActorKind,
    key: String,
    /// Alias keys, plus the surname for people with a multi-word name.
    alias_keys: Vec<String>,
}

impl Entry {
    fn new(briefing: usize, actor: usize, meta: &ActorMeta) -> Entry {
        // People are matched by spelling-variant keys: "Sergei" is "Sergey".
        let identity = |name: &str| match meta.kind {
            ActorKind::Person => spelling::variant_key(&name_key(name, meta.kind)),
            _ => name_key(name, meta.kind),
        };
        let key = identity(&meta.name);
        let mut alias_keys: Vec<String> = meta.aliases.iter().map(|a| identity(a)).collect();
        if meta.kind == ActorKind::Person {
            let surnames: Vec<String> = std::iter::once(&key)
                .chain(alias_keys.iter())
                .filter_map(|k| k.rsplit_once('-').map(|(_, last)| last.to_string()))
                .collect();
            alias_keys.extend(surnames);
        }
        alias_keys.retain(|k| *k != key && !k.is_empty());
        alias_keys.sort();
        alias_keys.dedup();
        Entry {
            at: Appearance { briefing, actor },
            kind: meta.kind,
            key,
            alias_keys,
        }
    }
}

fn merge_same_keys(entries: &[Entry], sets: &mut UnionFind) {
    let mut first: HashMap<(ActorKind, &str), usize> = HashMap::new();
    for (i, e) in entries.iter().enumerate() {
        let f = *first.entry((e.kind, e.key.as_str())).or_insert(i);
        sets.union(f, i);
    }
}

/// Pass 2: joins an actor to the one other actor that has its key as an alias.
fn merge_by_alias(entries: &[Entry], sets: &mut UnionFind) {
    let mut owners: HashMap<(ActorKind, &str), HashSet<usize>> = HashMap::new();
    for (i, e) in entries.iter().enumerate() {
        let root = sets.find(i);
        for k in &e.alias_keys {
            owners.entry((e.kind, k.as_str())).or_default().insert(root);
        }
    }
    let mut joins = Vec::new();
    for (i, e) in entries.iter().enumerate() {
        let root = sets.find(i);
        if let Some(list) = owners.get(&(e.kind, e.key.as_str())) {
            let mut others = list.iter().copied().filter(|&r| r != root);
            if let (Some(only), None) = (others.next(), others.next()) {
                joins.push((root, only));
            }
        }
    }
    for (a, b) in joins {
        sets.union(a, b);
    }
}

fn site_actor(entries: &[Entry], lists: &[&[ActorMeta]], members: &[usize]) -> SiteActor {
    let meta = |i: usize| &lists[entries[i].at.briefing][entries[i].at.actor];
    let mut counts: HashMap<&str, (usize, usize)> = HashMap::new();
    for (order, &i) in members.iter().enumerate() {
        counts.entry(meta(i).name.trim()).or_insert((0, order)).0 += 1;
    }
    let kind = entries[members[0]].kind;
    let name = counts
        .iter()
        .max_by(|(a, (ca, oa)), (b, (cb, ob))| {
            let words = |s: &str| name_key(s, kind).split('-').count();
            (words(a), ca).cmp(&(words(b), cb)).then(ob.cmp(oa))
        })
        .map(|(n, _)| n.to_string())
        .unwrap_or_default();
    let display_key = name_key(&name, kind);
    let mut aliases: Vec<String> = Vec::new();
    let mut seen = HashSet::from([display_key]);
    for &i in members {
        for n in std::iter::once(&meta(i).name).chain(meta(i).aliases.iter()) {
            if !n.trim().is_empty() && seen.insert(name_key(n, kind)) {
                aliases.push(n.trim().to_string());
            }
        }
    }
    aliases.sort();
    let mut appearances: Vec<Appearance> = members.iter().map(|&i| entries[i].at).collect();
    appearances.sort();
    SiteActor {
        slug: slug::slugify(name_key(&name, kind)),
        name,
        kind,
        aliases,
        appearances,
    }
}

/// Makes slugs unique and bounded (see `slugs`). When actors of different types would
/// share a slug, the one in the most briefings keeps it (`/actors/georgia/`) and each
/// other gets its type added (`/actors/georgia-person/`): URLs carry no type unless
/// two actors need it to be told apart. Any remaining clash gets a number. The order
/// is deterministic.
fn assign_slugs(actors: &mut [SiteActor]) {
    let mut by_slug: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, a) in actors.iter().enumerate() {
        let slug = match a.slug.as_str() {
            "" => "actor".to_string(),
            s => s.to_string(),
        };
        by_slug.entry(slug).or_default().push(i);
    }
    let mut groups: Vec<(String, Vec<usize>)> = by_slug.into_iter().collect();
    groups.sort();
    let mut unique = slugs::Unique::default();
    for (slug, group) in &groups {
        if let [only] = group.as_slice() {
            actors[*only].slug = unique.claim(slug);
        }
    }
    for (slug, group) in groups.iter().filter(|(_, g)| g.len() > 1) {
        let briefings = |i: usize| {
            let mut b: Vec<usize> = actors[i].appearances.iter().map(|a| a.briefing).collect();
            b.dedup();
            b.len()
        };
        let main = group.iter().copied().max_by_key(|&i| {
            (
                briefings(i),
                std::cmp::Reverse(actors[i].kind),
                std::cmp::Reverse(i),
            )
        });
        for &i in group {
            let base = match Some(i) == main {
                true => slug.clone(),
                false => format!("{slug}-{}", actors[i].kind.as_str()),
            };
            actors[i].slug = unique.claim(&base);
        }
    }
}

struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    fn new(n: usize) -> Self {
        UnionFind {
            parent: (0..n).collect(),
        }
    }

    fn find(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    /// Joins two sets; the smaller index stays the root, which keeps results stable.
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        let (keep, drop) = if ra < rb { (ra, rb) } else { (rb, ra) };
        self.parent[drop] = keep;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ActorKind::*;

    fn actor(name: &str, kind: ActorKind, aliases: &[&str]) -> ActorMeta {
        ActorMeta {
            name: name.to_string(),
            kind,
            role: None,
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
            mentions: 1,
            salience: 1.0,
            quotes: Vec::new(),
        }
    }

    /// Builds an index from briefings given as actor lists and returns, for every
    /// entry, the display name of the site actor it became.
    fn merged(briefings: &[Vec<ActorMeta>]) -> Vec<Vec<String>> {
        let lists: Vec<&[ActorMeta]> = briefings.iter().map(Vec::as_slice).collect();
        let index = ActorIndex::build(&lists);
        (0..briefings.len())
            .map(|b| {
                index
                    .of_briefing(b)
                    .iter()
                    .map(|&id| index.actors[id].name.clone())
                    .collect()
            })
            .collect()
    }

    #[test]
    fn names_normalise_case_diacritics_punctuation_and_titles() {
        let cases = [
            ("Sergey Lavrov", Person, "sergey-lavrov"),
            ("SERGEY  LAVROV.", Person, "sergey-lavrov"),
            ("Sérgey Lávrov", Person, "sergey-lavrov"),
            ("President Emmanuel Macron", Person, "emmanuel-macron"),
            ("Dr. Ana Ruiz", Person, "ana-ruiz"),
            ("Martin Luther King Jr.", Person, "martin-luther-king"),
            ("President", Person, "president"),
            ("The United Nations", Organization, "united-nations"),
            ("The Hague", Place, "hague"),
            ("Президент", Person, "prezident"),
            ("???", Person, "???"),
        ];
        for (name, kind, want) in cases {
            assert_eq!(name_key(name, kind), want, "{name}");
        }
    }

    /// (what, briefings as actor lists, the display name each entry ends up with).
    type Case = (&'static str, Vec<Vec<ActorMeta>>, Vec<Vec<&'static str>>);

    #[test]
    fn merges_the_same_entity_across_briefings() {
        let cases: Vec<Case> = vec![
            (
                "case and diacritics",
                vec![
                    vec![actor("Sergey Lavrov", Person, &[])],
                    vec![actor("sérgey LAVROV", Person, &[])],
                ],
                vec![vec!["Sergey Lavrov"], vec!["Sergey Lavrov"]],
            ),
            (
                "unambiguous surname",
                vec![
                    vec![actor("Lavrov", Person, &[])],
                    vec![actor("Sergey Lavrov", Person, &["Lavrov"])],
                ],
                vec![vec!["Sergey Lavrov"], vec!["Sergey Lavrov"]],
            ),
            (
                "surname without an explicit alias",
                vec![
                    vec![actor("Sergey Lavrov", Person, &[])],
                    vec![actor("Lavrov", Person, &[])],
                ],
                vec![vec!["Sergey Lavrov"], vec!["Sergey Lavrov"]],
            ),
            (
                "organisation by acronym alias",
                vec![
                    vec![actor(
                        "North Atlantic Treaty Organization",
                        Organization,
                        &["NATO"],
                    )],
                    vec![actor("NATO", Organization, &[])],
                ],
                vec![
                    vec!["North Atlantic Treaty Organization"],
                    vec!["North Atlantic Treaty Organization"],
                ],
            ),
            (
                "title before the name",
                vec![
                    vec![actor("President Ana Ruiz", Person, &[])],
                    vec![actor("Ana Ruiz", Person, &[])],
                    vec![actor("Ana Ruiz", Person, &[])],
                ],
                vec![vec!["Ana Ruiz"], vec!["Ana Ruiz"], vec!["Ana Ruiz"]],
            ),
            (
                "spelling variants of a name, with and without the first name",
                vec![
                    vec![actor("Sergey Lavrov", Person, &[])],
                    vec![actor("Sergei Lavrov", Person, &[])],
                    vec![actor("Aleksandr Grushko", Person, &["Grushko"])],
                    vec![actor("Alexander Grushko", Person, &[])],
                    vec![
                        actor("Zelenskyy", Person, &[]),
                        actor("Volodymyr Zelensky", Person, &[]),
                    ],
                ],
                vec![
                    vec!["Sergey Lavrov"],
                    vec!["Sergey Lavrov"],
                    vec!["Aleksandr Grushko"],
                    vec!["Aleksandr Grushko"],
                    vec!["Volodymyr Zelensky", "Volodymyr Zelensky"],
                ],
            ),
            (
                "leading article of a place",
                vec![
                    vec![actor("The Hague", Place, &[])],
                    vec![actor("Hague", Place, &[])],
                ],
                vec![vec!["The Hague"], vec!["The Hague"]],
            ),
        ];
        check_merges(cases);
    }

    fn check_merges(cases: Vec<Case>) {
        for (what, briefings, want) in cases {
            let want: Vec<Vec<String>> = want
                .iter()
                .map(|b| b.iter().map(|s| s.to_string()).collect())
                .collect();
            assert_eq!(merged(&briefings), want, "{what}");
        }
    }

    #[test]
    fn keeps_different_entities_apart() {
        let cases: Vec<Case> = vec![
            (
                "two people with one surname",
                vec![
                    vec![actor("Sergey Lavrov", Person, &[])],
                    vec![actor("Anna Lavrov", Person, &[])],
                ],
                vec![vec!["Sergey Lavrov"], vec!["Anna Lavrov"]],
            ),
            (
                "a bare surname shared by two people",
                vec![
                    vec![actor("Sergey Lavrov", Person, &["Lavrov"])],
                    vec![actor("Anna Lavrov", Person, &["Lavrov"])],
                    vec![actor("Lavrov", Person, &[])],
                ],
                vec![vec!["Sergey Lavrov"], vec!["Anna Lavrov"], vec!["Lavrov"]],
            ),
            (
                "same name, different types",
                vec![
                    vec![actor("Georgia", Place, &[])],
                    vec![actor("Georgia", Person, &[])],
                ],
                vec![vec!["Georgia"], vec!["Georgia"]],
            ),
            (
                "a first name is not a surname",
                vec![
                    vec![actor("Sergey Lavrov", Person, &[])],
                    vec![actor("Sergey", Person, &[])],
                ],
                vec![vec!["Sergey Lavrov"], vec!["Sergey"]],
            ),
            (
                "names one letter apart that are not romanisations",
                vec![
                    vec![actor("John Marsh", Person, &[])],
                    vec![actor("Joan Marsh", Person, &[])],
                    vec![actor("Sergey Lavrov", Person, &[])],
                    vec![actor("Sergey Lavrova", Person, &[])],
                ],
                vec![
                    vec!["John Marsh"],
                    vec!["Joan Marsh"],
                    vec!["Sergey Lavrov"],
                    vec!["Sergey Lavrova"],
                ],
            ),
            (
                "surnames do not merge organisations",
                vec![
                    vec![actor("Bank of Lavrov", Organization, &[])],
                    vec![actor("Lavrov", Organization, &[])],
                ],
                vec![vec!["Bank of Lavrov"], vec!["Lavrov"]],
            ),
        ];
        check_merges(cases);
    }

    #[test]
    fn slugs_are_unique_and_deterministic() {
        let briefings = [
            vec![
                actor("Georgia", Place, &[]),
                actor("Georgia", Person, &[]),
                actor("Sergey Lavrov", Person, &["Lavrov"]),
            ],
            vec![
                actor("Lavrov", Person, &[]),
                actor("!!!", Group, &[]),
                actor("Georgia", Place, &[]),
            ],
        ];
        let lists: Vec<&[ActorMeta]> = briefings.iter().map(Vec::as_slice).collect();
        let index = ActorIndex::build(&lists);
        let slugs: Vec<(&str, &str)> = index
            .actors
            .iter()
            .map(|a| (a.slug.as_str(), a.name.as_str()))
            .collect();
        assert_eq!(
            slugs,
            [
                ("actor", "!!!"),
                ("georgia", "Georgia"),
                ("georgia-person", "Georgia"),
                ("sergey-lavrov", "Sergey Lavrov")
            ]
        );
        let lavrov = &index.actors[3];
        assert_eq!(lavrov.aliases, ["Lavrov"]);
        assert_eq!(
            lavrov.appearances,
            [
                Appearance {
                    briefing: 0,
                    actor: 2
                },
                Appearance {
                    briefing: 1,
                    actor: 0
                }
            ]
        );
        let again = ActorIndex::build(&lists);
        assert_eq!(again.actors, index.actors);
    }

    #[test]
    fn slugs_of_very_long_names_are_bounded_and_unique() {
        let long = "x".repeat(50_000);
        let other = format!("{}y", "x".repeat(49_999));
        let briefings = [vec![
            actor(&long, Person, &[]),
            actor(&long, Place, &[]),
            actor(&other, Person, &[]),
            actor(&"x".repeat(80), Group, &[]),
        ]];
        let lists: Vec<&[ActorMeta]> = briefings.iter().map(Vec::as_slice).collect();
        let index = ActorIndex::build(&lists);
        let slugs: HashSet<&str> = index.actors.iter().map(|a| a.slug.as_str()).collect();
        assert_eq!(slugs.len(), 4, "{slugs:?}");
        assert!(
            slugs
                .iter()
                .all(|s| s.len() <= crate::ingest::MAX_SLUG_BYTES),
            "{slugs:?}"
        );
        assert!(
            slugs.contains("x".repeat(80).as_str()),
            "a short enough slug is kept"
        );
    }

    #[test]
    fn names_in_a_list_are_found_by_name_or_alias() {
        let list = vec![
            actor("Sergey Lavrov", Person, &["Lavrov"]),
            actor("NATO", Organization, &[]),
        ];
        let cases = [
            ("Lavrov", Some(0)),
            ("sergey lavrov", Some(0)),
            ("Nato", Some(1)),
            ("Blinken", None),
        ];
        for (name, want) in cases {
            assert_eq!(find_in_list(&list, name), want, "{name}");
        }
    }
}
