//! Person names and tagger confusions: the person mentions in, unions of the mentions
//! that name one person out.
//!
//! Names are read by `language::identity` (`PersonName`: given names and a surname with
//! its particles, in spelling-variant keys). Full names with the same surname are one
//! person when their first names agree ("John F. Smith", "John Smith", "J. Smith",
//! "Sergei Smith" and "Sergey Smith"); a surname alone ("Smith", "Bin Laden") joins the
//! full name it can belong to, the most recently mentioned one when two people share it.
//! Two different first names never merge. Taggers also confuse types from one sentence to
//! the next ("Aer Lingus" as PER, then ORG; "Lavrov" as ORG), so names are compared
//! across tags too, where only one entity fits.

use std::collections::HashMap;

use super::super::mentions::{Mention, Reference};
use super::UnionFind;
use crate::language::gazetteers;
use crate::language::identity::PersonName;
use crate::language::names::key as name_key;

pub(super) fn persons(mentions: &[Mention], uf: &mut UnionFind) {
    let names: HashMap<usize, PersonName> = (0..mentions.len())
        .filter(|&i| mentions[i].reference == Reference::Person)
        .map(|i| (i, PersonName::parse(&mentions[i].name)))
        .collect();
    let mut people: Vec<usize> = names.keys().copied().collect();
    people.sort_unstable();
    let (full, single): (Vec<usize>, Vec<usize>) = people.iter().partition(|i| names[i].is_full());
    full_names(&full, &names, uf);
    leading_words(&full, &names, uf);
    single_names(&single, &full, &names, uf);
}

/// A full name that is the first words of a longer one ("Te Kaurinui" of "Te Kaurinui
/// Robert Parata") is that person, when only one person has such a longer name and the
/// shorter one does not end in a surname of the lists: "Martin Luther" stays apart from
/// "Martin Luther King".
fn leading_words(full: &[usize], names: &HashMap<usize, PersonName>, uf: &mut UnionFind) {
    let words = |i: usize| -> Vec<&str> {
        let n = &names[&i];
        n.given
            .iter()
            .map(String::as_str)
            .chain(n.surname.split(' '))
            .collect()
    };
    let mut longer: HashMap<Vec<&str>, Vec<usize>> = HashMap::new();
    for &f in full {
        let w = words(f);
        for cut in 2..w.len() {
            longer.entry(w[..cut].to_vec()).or_default().push(f);
        }
    }
    for &f in full {
        let Some(owners) = longer.get(&words(f)) else {
            continue;
        };
        let root = uf.find(owners[0]);
        let one = owners.iter().all(|&o| uf.find(o) == root);
        if one && !gazetteers::is_surname(names[&f].last()) {
            uf.union(owners[0], f);
        }
    }
}

/// Full names join the most recent person whose every full name has the same surname and
/// an agreeing first name ("J. Smith" must not bridge "John Smith" and "Jane Smith").
///
/// All names of one person share the surname and the first letter of the given name
/// (agreeing given names are equal or an initial and a name starting with it), and
/// such a group holds at most one person known only by the initial and one person per
/// full given name; so the lookup is a few hash probes, not a scan of everyone so far.
fn full_names(full: &[usize], names: &HashMap<usize, PersonName>, uf: &mut UnionFind) {
    #[derive(Default)]
    struct Group<'w> {
        /// The latest person of the group (any of them fits an initial).
        latest: Option<usize>,
        /// The person known so far only by the initial.
        initial_only: Option<usize>,
        /// The person with each full given name.
        by_given: HashMap<&'w str, usize>,
    }
    let mut groups: HashMap<(&str, Option<char>), Group> = HashMap::new();
    // Each person so far: the mention that stands for them.
    let mut people: Vec<usize> = Vec::new();
    for &a in full {
        let name = &names[&a];
        let (given, surname) = (name.first().unwrap_or(""), name.last());
        let group = groups.entry((surname, given.chars().next())).or_default();
        let initial = given.len() == 1;
        let fits = if initial {
            group.latest
        } else {
            group.by_given.get(given).copied().max(group.initial_only)
        };
        let person = fits.unwrap_or_else(|| {
            people.push(a);
            people.len() - 1
        });
        uf.union(people[person], a);
        if fits.is_none() {
            group.latest = Some(person);
        }
        if initial {
            if fits.is_none() {
                group.initial_only = Some(person);
            }
        } else {
            if group.initial_only == Some(person) {
                group.initial_only = None; // now known by a full given name too
            }
            group.by_given.insert(given, person);
        }
    }
}

/// A single name (a surname alone, or a given name alone) joins the nearest full name
/// with that surname (else the person a first name alone stands for, [`main_person`]), else the other
/// mentions of the same single name.
fn single_names(
    single: &[usize],
    full: &[usize],
    names: &HashMap<usize, PersonName>,
    uf: &mut UnionFind,
) {
    let mut by_surname: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut by_first: HashMap<&str, Vec<usize>> = HashMap::new();
    for &f in full {
        let name = &names[&f];
        for key in name.surname_keys() {
            by_surname.entry(key).or_default().push(f);
        }
        if let Some(first) = name.first() {
            by_first.entry(first).or_default().push(f);
        }
    }
    let mut lone: HashMap<String, usize> = HashMap::new();
    // The full names a first name alone may stand for: decided once per first name
    // (joining single names to full names never joins two full names).
    let mut of_first: HashMap<&str, Vec<usize>> = HashMap::new();
    for &i in single {
        let word = names[&i].surname.as_str();
        let candidates: &[usize] = match (by_surname.get(word), by_first.get(word)) {
            (Some(surnames), _) => surnames,
            (None, Some(firsts)) => of_first
                .entry(word)
                .or_insert_with(|| main_person(uf, firsts)),
            (None, None) => &[],
        };
        match nearest(uf, candidates, i) {
            Some(target) => uf.union(target, i),
            None => {
                let root = *lone.entry(word.to_string()).or_insert(i);
                uf.union(root, i);
            }
        }
    }
}

/// The full-name mentions (of `firsts`, which share a first name) of the person a first
/// name alone stands for: the one person with that first name, or the one named in
/// full at least twice as often as each other ("Steve" for Steve Jobs, named in full
/// four times, beside Steve Ballmer, named once); none when no person stands out.
fn main_person(uf: &mut UnionFind, firsts: &[usize]) -> Vec<usize> {
    let mut counts: HashMap<usize, usize> = HashMap::new();
    for &f in firsts {
        *counts.entry(uf.find(f)).or_default() += 1;
    }
    let mut ranked: Vec<(usize, usize)> = counts.into_iter().map(|(r, n)| (n, r)).collect();
    ranked.sort_unstable_by(|a, b| b.cmp(a));
    let main = match ranked.as_slice() {
        [(_, only)] => *only,
        [(top, root), (second, _), ..] if *top >= 2 && *top >= 2 * second => *root,
        _ => return Vec::new(),
    };
    firsts
        .iter()
        .copied()
        .filter(|&f| uf.find(f) == main)
        .collect()
}

/// Among candidate mentions (ascending), the cluster mentioned last before mention `i`
/// (else the first after it); `None` if there are none.
fn nearest(uf: &mut UnionFind, candidates: &[usize], i: usize) -> Option<usize> {
    let k = candidates.partition_point(|&c| c < i);
    let chosen = if k > 0 {
        candidates[k - 1]
    } else {
        *candidates.get(k)?
    };
    Some(uf.find(chosen))
}

/// A person whose fullest name is also an organisation's or place's name joins it; a
/// one-word organisation or place that is one person's surname (else first name) joins them.
pub(super) fn confusions(mentions: &[Mention], uf: &mut UnionFind) {
    let mut named: HashMap<String, usize> = HashMap::new();
    for (i, m) in mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| m.reference == Reference::Named)
    {
        named.entry(super::key_of_name(m)).or_insert(i);
    }
    let fullest = fullest_names(mentions, uf);
    let mut by_surname: HashMap<String, Vec<usize>> = HashMap::new();
    let mut by_first: HashMap<String, Vec<usize>> = HashMap::new();
    for (&root, &best) in &fullest {
        if let Some(&j) = named.get(&name_key(&mentions[best].name)) {
            uf.union(j, root);
        }
        let name = PersonName::parse(&mentions[best].name);
        if let Some(first) = name.first() {
            by_surname
                .entry(name.last().to_string())
                .or_default()
                .push(root);
            by_first.entry(first.to_string()).or_default().push(root);
        }
    }
    organisations_named_short(mentions, &named, &fullest, uf);
    for (key, &i) in &named {
        let fits = by_surname.get(key).or_else(|| by_first.get(key));
        if !key.contains(' ')
            && let Some([person]) = fits.map(Vec::as_slice)
        {
            uf.union(*person, i);
        }
    }
}

/// Each person cluster (by root) and its mention with the most words.
fn fullest_names(mentions: &[Mention], uf: &mut UnionFind) -> HashMap<usize, usize> {
    let mut fullest: HashMap<usize, usize> = HashMap::new();
    for (i, m) in mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| m.reference == Reference::Person)
    {
        let best = fullest.entry(uf.find(i)).or_insert(i);
        if m.name.split_whitespace().count() > mentions[*best].name.split_whitespace().count() {
            *best = i;
        }
    }
    fullest
}

/// A one-word "person" that begins exactly one organisation's name ("Norvane" for
/// "Norvane Energy") is that organisation, named short; not when the rest of that name
/// is a country ("Yahoo Japan" is a company of its own, not "Yahoo").
fn organisations_named_short(
    mentions: &[Mention],
    named: &HashMap<String, usize>,
    fullest: &HashMap<usize, usize>,
    uf: &mut UnionFind,
) {
    let mut by_first_word: HashMap<&str, Vec<usize>> = HashMap::new();
    for (key, &i) in named {
        let rest = mentions[i].name.trim().split_once(' ').map(|(_, r)| r);
        if let Some((first, _)) = key.split_once(' ')
            && mentions[i].kind == super::super::ActorKind::Organization
            && rest.is_none_or(|r| crate::language::world::gazetteer().country(r).is_none())
        {
            by_first_word.entry(first).or_default().push(i);
        }
    }
    for (&root, &best) in fullest {
        let key = name_key(&mentions[best].name);
        if let Some([org]) = by_first_word.get(key.as_str()).map(Vec::as_slice)
            && !key.contains(' ')
        {
            uf.union(*org, root);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::language::identity::given_names_agree;

    #[test]
    fn first_names_agree_when_equal_or_an_initial() {
        let cases = [
            ("john", "john", true),
            ("j", "john", true),
            ("john", "j", true),
            ("john", "jane", false),
            ("jo", "john", false),
        ];
        for (a, b, want) in cases {
            assert_eq!(given_names_agree(a, b), want, "{a} {b}");
        }
    }

    /// The rule of [`full_names`] written as a scan of every person so far: a full name
    /// joins the most recent person all of whose names it agrees with.
    fn full_names_by_scan(names: &[Vec<String>]) -> Vec<usize> {
        let mut people: Vec<(usize, Vec<&[String]>)> = Vec::new();
        let mut person_of = Vec::new();
        for wa in names {
            let fits = |(_, known): &(usize, Vec<&[String]>)| {
                known
                    .iter()
                    .all(|wb| wb.last() == wa.last() && given_names_agree(&wb[0], &wa[0]))
            };
            match people.iter().rposition(fits) {
                Some(p) => {
                    people[p].1.push(wa);
                    person_of.push(people[p].0);
                }
                None => {
                    person_of.push(person_of.len());
                    people.push((person_of.len() - 1, vec![wa]));
                }
            }
        }
        person_of
    }

    /// Every sequence of up to five names from a small set that mixes initials, full
    /// given names sharing an initial, and two surnames: the indexed lookup merges
    /// exactly as the scan does.
    #[test]
    fn full_names_merge_as_a_scan_of_everyone_would() {
        let vocabulary: Vec<Vec<String>> = [
            "j smith",
            "john smith",
            "jane smith",
            "jo smith",
            "john lee",
            "j lee",
        ]
        .iter()
        .map(|n| n.split(' ').map(String::from).collect())
        .collect();
        let v = vocabulary.len();
        for len in 1..=5_u32 {
            for code in 0..v.pow(len) {
                let names: Vec<Vec<String>> = (0..len)
                    .map(|k| vocabulary[code / v.pow(k) % v].clone())
                    .collect();
                let parsed: HashMap<usize, PersonName> = names
                    .iter()
                    .map(|words| PersonName::parse(&words.join(" ")))
                    .enumerate()
                    .collect();
                let full: Vec<usize> = (0..names.len()).collect();
                let mut uf = UnionFind((0..names.len()).collect());
                full_names(&full, &parsed, &mut uf);
                let got: Vec<usize> = (0..names.len()).map(|i| uf.find(i)).collect();
                assert_eq!(got, full_names_by_scan(&names), "{names:?}");
            }
        }
    }
}
