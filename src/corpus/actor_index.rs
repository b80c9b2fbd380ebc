//! Actors across the site: each briefing's actor list in, one [`SiteActor`] per
//! real-world entity out (display name, kind, deterministic slug, aliases, every
//! appearance).
//!
//! Who is who is decided by `language::identity`, the rule the analysis uses to merge
//! mentions within an article, so a briefing and the actor pages agree by
//! construction: "Sergei Lavrov" and "Sergey Lavrov", "President Ana Ruiz" and "Ana
//! Ruiz", "Bin Laden" and "Osama bin Laden" are one actor; "Kestria" typed as an
//! organisation in one briefing and as a place in another is one actor with one kind
//! (voted by mentions). Two passes, both over hash maps, so the cost is linear in the
//! number of actor entries:
//! 1. entries with the same identity key are one actor (a person only with a person, or
//!    with an organisation or place whose name is the person's whole name: a tagger's
//!    confusion);
//! 2. an actor whose key is an alias of exactly one other actor is merged into it.
//!    A person's surname counts as an alias, so "Lavrov" joins "Sergey Lavrov", but only
//!    while no other person of that surname exists: "Lavrov" stays apart when "Anna
//!    Lavrov" is also known, and two different full names are never merged. Within one
//!    article the nearest mention can pick among several people; across articles
//!    nothing is near, hence the uniqueness.
//!
//! This module only applies the rule to briefings; it decides nothing about names.

use std::collections::{HashMap, HashSet};

use crate::analysis::ActorKind;
use crate::briefing::ActorMeta;
use crate::language::identity::{self, PersonName, display_key, identity_key};

use super::slugs;
use super::union_find::UnionFind;

/// One entity of the whole site.
#[derive(Debug, Clone, PartialEq)]
pub struct SiteActor {
    /// The name its briefings use for it: a person's fullest name, anything else's
    /// most used name (`identity::name_preference`).
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
    #[cfg(test)]
    pub fn build(lists: &[&[ActorMeta]]) -> ActorIndex {
        let keys: Vec<ListKeys> = lists.iter().map(|l| ListKeys::new(l)).collect();
        let keys: Vec<&ListKeys> = keys.iter().collect();
        ActorIndex::build_with_keys(lists, &keys)
    }

    /// [`ActorIndex::build`] with each list's keys computed already ([`ListKeys`], one
    /// per list, in the same order): the corpus keeps them between updates, so that an
    /// edit does not compute again the keys of every name of the site.
    pub fn build_with_keys(lists: &[&[ActorMeta]], keys: &[&ListKeys]) -> ActorIndex {
        let entries: Vec<Entry> = keys
            .iter()
            .enumerate()
            .flat_map(|(b, list)| {
                list.0.iter().enumerate().map(move |(a, keys)| Entry {
                    at: Appearance {
                        briefing: b,
                        actor: a,
                    },
                    keys,
                })
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
        let mut actors: Vec<Option<SiteActor>> = actors.into_iter().map(Some).collect();
        let mut sorted = Vec::with_capacity(actors.len());
        for (new_id, &old) in order.iter().enumerate() {
            let Some(actor) = actors[old].take() else {
                continue;
            };
            for app in &actor.appearances {
                of_briefing[app.briefing][app.actor] = new_id;
            }
            sorted.push(actor);
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

/// The name of the site actor of each entry of each list, in the lists' order: what
/// the actor pages call it (for `analyze`, which names actors as a site of its files would).
pub fn site_names(lists: &[&[ActorMeta]]) -> Vec<Vec<String>> {
    let keys: Vec<ListKeys> = lists.iter().map(|l| ListKeys::new(l)).collect();
    let keys: Vec<&ListKeys> = keys.iter().collect();
    let index = ActorIndex::build_with_keys(lists, &keys);
    (0..lists.len())
        .map(|b| {
            let ids = index.of_briefing(b);
            ids.iter()
                .map(|&id| index.actors[id].name.clone())
                .collect()
        })
        .collect()
}

/// The normalised key of a name as shown (see `identity::display_key`): forms with one
/// key are one form, and the slug of an actor is made from it.
pub fn name_key(name: &str, kind: ActorKind) -> String {
    display_key(name, kind)
}

/// Finds which entry of a briefing's actor list a name refers to (by name or alias).
pub fn find_in_list(list: &[ActorMeta], name: &str) -> Option<usize> {
    list.iter().position(|a| {
        let key = name_key(name, a.kind);
        name_key(&a.name, a.kind) == key || a.aliases.iter().any(|x| name_key(x, a.kind) == key)
    })
}

/// The identity keys of the names of one briefing's actor list, in the list's order: a
/// pure function of the list, so it can be kept while the briefing does not change.
#[derive(Debug, Clone, Default)]
pub struct ListKeys(Vec<EntryKeys>);

impl ListKeys {
    pub fn new(list: &[ActorMeta]) -> ListKeys {
        ListKeys(list.iter().map(EntryKeys::new).collect())
    }
}

/// An entry of a briefing's actor list, with its keys.
struct Entry<'a> {
    at: Appearance,
    keys: &'a EntryKeys,
}

impl std::ops::Deref for Entry<'_> {
    type Target = EntryKeys;
    fn deref(&self) -> &EntryKeys {
        self.keys
    }
}

#[derive(Debug, Clone)]
struct EntryKeys {
    kind: ActorKind,
    /// Mentions in its article (at least 1): the entry's vote for the actor's kind.
    mentions: usize,
    /// The identity key of its name.
    key: String,
    /// The display key of its name (a person's name compared with other kinds' names).
    plain: String,
    /// The display keys of its aliases, in their order (see `site_actor`).
    alias_plain: Vec<String>,
    /// Alias keys, plus a person's surname keys.
    alias_keys: Vec<String>,
}

impl EntryKeys {
    fn new(meta: &ActorMeta) -> EntryKeys {
        let key = identity_key(&meta.name, meta.kind);
        let mut alias_keys: Vec<String> = meta
            .aliases
            .iter()
            .map(|a| identity_key(a, meta.kind))
            .collect();
        if meta.kind == ActorKind::Person {
            let surnames: Vec<String> = std::iter::once(&meta.name)
                .chain(&meta.aliases)
                .map(|n| PersonName::parse(n))
                .filter(PersonName::is_full)
                .flat_map(|n| {
                    n.surname_keys()
                        .into_iter()
                        .map(String::from)
                        .collect::<Vec<_>>()
                })
                .collect();
            alias_keys.extend(surnames);
        }
        alias_keys.retain(|k| *k != key && !k.is_empty());
        alias_keys.sort();
        alias_keys.dedup();
        EntryKeys {
            kind: meta.kind,
            mentions: meta.mentions.max(1),
            plain: display_key(&meta.name, meta.kind),
            alias_plain: meta
                .aliases
                .iter()
                .map(|a| display_key(a, meta.kind))
                .collect(),
            key,
            alias_keys,
        }
    }

    /// People are compared with people; every other kind with every other kind.
    fn is_person(&self) -> bool {
        self.kind == ActorKind::Person
    }
}

/// Pass 1: one actor per identity key (people apart from the rest), then a person whose
/// whole name is the name of another kind of entity joins it.
fn merge_same_keys(entries: &[Entry], sets: &mut UnionFind) {
    let mut first: HashMap<(bool, &str), usize> = HashMap::new();
    for (i, e) in entries.iter().enumerate() {
        let f = *first.entry((e.is_person(), e.key.as_str())).or_insert(i);
        sets.union(f, i);
    }
    for (i, e) in entries.iter().enumerate().filter(|(_, e)| e.is_person()) {
        if let Some(&other) = first.get(&(false, e.plain.as_str()))
            && identity::kinds_can_merge(e.kind, entries[other].kind)
        {
            sets.union(other, i);
        }
    }
}

/// Pass 2: joins an actor to the one other actor that has its key as an alias.
fn merge_by_alias(entries: &[Entry], sets: &mut UnionFind) {
    let mut owners: HashMap<(bool, &str), HashSet<usize>> = HashMap::new();
    for (i, e) in entries.iter().enumerate() {
        let root = sets.find(i);
        for k in &e.alias_keys {
            owners
                .entry((e.is_person(), k.as_str()))
                .or_default()
                .insert(root);
        }
    }
    let mut joins = Vec::new();
    for (i, e) in entries.iter().enumerate() {
        let root = sets.find(i);
        if let Some(list) = owners.get(&(e.is_person(), e.key.as_str())) {
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
    let kind = identity::choose_kind(
        members
            .iter()
            .map(|&i| (entries[i].kind, entries[i].mentions)),
    );
    let name = identity::preferred_name(&counts, kind);
    let mut aliases: Vec<String> = Vec::new();
    let mut seen = HashSet::from([name_key(&name, kind)]);
    for &i in members {
        // the keys the entry keeps are those of its own kind: most entries of an actor
        // are of the actor's kind, and a full update would otherwise compute again the
        // key of every name of the site
        let own = entries[i].kind == kind;
        let names = std::iter::once(&meta(i).name).chain(meta(i).aliases.iter());
        let keys = std::iter::once(&entries[i].plain).chain(entries[i].alias_plain.iter());
        debug_assert_eq!(meta(i).aliases.len(), entries[i].alias_plain.len());
        for (n, k) in names.zip(keys) {
            if n.trim().is_empty() {
                continue;
            }
            let new = match own {
                true => !seen.contains(k.as_str()) && seen.insert(k.clone()),
                false => seen.insert(name_key(n, kind)),
            };
            if new {
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
            source: false,
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
            ("Sergey Lavrov", Person, "sergey lavrov"),
            ("SERGEY  LAVROV.", Person, "sergey lavrov"),
            ("Sérgey Lávrov", Person, "sergey lavrov"),
            ("President Emmanuel Macron", Person, "emmanuel macron"),
            ("Dr. Ana Ruiz", Person, "ana ruiz"),
            ("Martin Luther King Jr.", Person, "martin luther king"),
            ("President", Person, "president"),
            ("The United Nations", Organization, "united nations"),
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

    /// The names an actor is also known by, each form once by the key of the kind the
    /// actor has on the site (an entry of another kind is read with that kind's key).
    #[test]
    fn aliases_are_the_other_forms_by_the_site_kind() {
        let mentioned = |mut a: ActorMeta, n: usize| {
            a.mentions = n;
            a
        };
        type AliasCase = (&'static str, Vec<Vec<ActorMeta>>, &'static [&'static str]);
        let cases: Vec<AliasCase> = vec![
            (
                "a case variant is the same form",
                vec![
                    vec![actor("Sergey Lavrov", Person, &["Lavrov"])],
                    vec![actor("sergey lavrov", Person, &[])],
                ],
                &["Lavrov"],
            ),
            (
                "a title is no other form of a person's name, also in an entry typed otherwise",
                vec![
                    vec![mentioned(actor("Ana Ruiz", Person, &[]), 5)],
                    vec![actor("Ana Ruiz", Organization, &["President Ana Ruiz"])],
                ],
                &[],
            ),
            (
                "blank names are no forms",
                vec![vec![actor("Port Calder", Place, &[" ", "Calder Port"])]],
                &["Calder Port"],
            ),
        ];
        for (what, lists, want) in cases {
            let slices: Vec<&[ActorMeta]> = lists.iter().map(Vec::as_slice).collect();
            let index = ActorIndex::build(&slices);
            assert_eq!(index.actors.len(), 1, "{what}");
            assert_eq!(index.actors[0].aliases, want, "{what}");
        }
    }

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
                "a surname with its particle, and without it",
                vec![
                    vec![actor("Osama bin Laden", Person, &[])],
                    vec![actor("Bin Laden", Person, &[])],
                    vec![actor("Laden", Person, &[])],
                ],
                vec![
                    vec!["Osama bin Laden"],
                    vec!["Osama bin Laden"],
                    vec!["Osama bin Laden"],
                ],
            ),
            (
                "a place typed as an organisation or a person elsewhere",
                vec![
                    vec![actor("Kestria", Organization, &[])],
                    vec![actor("Kestria", Place, &[])],
                    vec![actor("Kestria", Person, &[])],
                ],
                vec![vec!["Kestria"], vec!["Kestria"], vec!["Kestria"]],
            ),
            (
                "an organisation goes by the name most briefings use, a person by the fullest",
                vec![
                    vec![actor("Arlo Foods Company", Organization, &["Arlo Foods"])],
                    vec![actor("Arlo Foods", Organization, &[])],
                    vec![actor("Arlo Foods", Organization, &[])],
                    vec![actor("Quint", Person, &[])],
                    vec![actor("Quint", Person, &[])],
                    vec![actor("Ada Quint", Person, &["Quint"])],
                ],
                vec![
                    vec!["Arlo Foods"],
                    vec!["Arlo Foods"],
                    vec!["Arlo Foods"],
                    vec!["Ada Quint"],
                    vec!["Ada Quint"],
                    vec!["Ada Quint"],
                ],
            ),
            (
                "a dateline's capitals are not the name",
                vec![
                    vec![actor("LISK", Place, &[])],
                    vec![actor("LISK", Place, &[])],
                    vec![actor("Lisk", Place, &[])],
                ],
                vec![vec!["Lisk"], vec!["Lisk"], vec!["Lisk"]],
            ),
            (
                "an acronym and the name it stands for, in one briefing",
                vec![
                    vec![actor("HSB", Organization, &["Harbour Safety Board"])],
                    vec![actor("Harbour Safety Board", Organization, &[])],
                    vec![actor("Harbour Safety Board", Organization, &[])],
                ],
                vec![
                    vec!["Harbour Safety Board"],
                    vec!["Harbour Safety Board"],
                    vec!["Harbour Safety Board"],
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
                "a group and a person of one name",
                vec![
                    vec![actor("Democrats", Group, &[])],
                    vec![actor("Democrats", Person, &[])],
                ],
                vec![vec!["Democrats"], vec!["Democrats"]],
            ),
            (
                "two people who share a surname with a particle",
                vec![
                    vec![actor("Osama bin Laden", Person, &[])],
                    vec![actor("Hamza bin Laden", Person, &[])],
                ],
                vec![vec!["Osama bin Laden"], vec!["Hamza bin Laden"]],
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

    /// One kind per entity across the site, by the mentions' votes (ties: organisation,
    /// place, group, person), as within an article.
    #[test]
    fn an_entity_has_one_kind_across_the_site() {
        let with_mentions = |name: &str, kind: ActorKind, mentions: usize| ActorMeta {
            mentions,
            ..actor(name, kind, &[])
        };
        let cases = [
            (
                vec![
                    with_mentions("Kestria", Organization, 2),
                    with_mentions("Kestria", Place, 5),
                ],
                Place,
            ),
            (
                vec![
                    with_mentions("Meranthe", Person, 1),
                    with_mentions("Meranthe", Place, 1),
                ],
                Place,
            ),
            (
                vec![
                    with_mentions("Aer Lingus", Person, 3),
                    with_mentions("Aer Lingus", Organization, 4),
                ],
                Organization,
            ),
            (
                vec![
                    with_mentions("Norvane", Organization, 1),
                    with_mentions("Norvane", Place, 1),
                ],
                Organization,
            ),
        ];
        for (entries, want) in cases {
            let briefings: Vec<Vec<ActorMeta>> = entries.iter().map(|e| vec![e.clone()]).collect();
            let lists: Vec<&[ActorMeta]> = briefings.iter().map(Vec::as_slice).collect();
            let index = ActorIndex::build(&lists);
            assert_eq!(index.actors.len(), 1, "{entries:?}");
            assert_eq!(index.actors[0].kind, want, "{entries:?}");
        }
    }

    #[test]
    fn slugs_are_unique_and_deterministic() {
        let briefings = [
            vec![
                actor("Georgia", Group, &[]),
                actor("Georgia", Person, &[]),
                actor("Sergey Lavrov", Person, &["Lavrov"]),
            ],
            vec![
                actor("Lavrov", Person, &[]),
                actor("!!!", Group, &[]),
                actor("Georgia", Group, &[]),
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
            actor(&long, Group, &[]),
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
