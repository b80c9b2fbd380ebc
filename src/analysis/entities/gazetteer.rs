//! Gazetteers: the words of a sentence in, for each word the name lists it is part of.
//!
//! The lists are plain data kept beside this file (`gazetteer/*.txt`, one name per line,
//! written for this project), the country names and nationalities of the `keshvar`
//! crate, the month and weekday names of `language::calendar`, and the public name lists
//! of `language::gazetteers` (GeoNames cities and regions, listed companies,
//! universities, agencies and clubs, given names, surnames), which tell the tagger
//! about names it never saw in training. They are features for the tagger, not rules:
//! the tagger learns how far to trust "is in the list of organisations" in each context. Phrases are matched on
//! folded word hashes (see [`super::hash`]), longest match first per list, so "State
//! Department" marks two words and "Department" alone only the organisation-word list.
//! Names written in capitals in a list ("UN", "WHO", "US") only match words without
//! lower-case letters, so "who" and "us" stay ordinary words.

use rustc_hash::FxHashMap;

use super::hash;
use crate::analysis::tokens::tokenize;
use crate::language::{self, calendar};

/// The name lists, in feature order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum List {
    Country = 0,
    Place,
    Demonym,
    Organization,
    OrgWord,
    Title,
    FirstName,
    TimeWord,
    City,
    Region,
    Company,
    Institution,
    GivenName,
    Surname,
}

pub(crate) const LISTS: usize = 14;

/// Phrases longer than this many words are not matched.
const MAX_WORDS: usize = 8;

/// Per word: bit `2 * list` is set when a match of that list starts at the word, bit
/// `2 * list + 1` when the word continues one.
pub(crate) type Membership = u32;

/// Phrase hash to the lists it belongs to, any case and capitals-only.
pub(crate) struct Gazetteer {
    phrases: FxHashMap<u64, (u16, u16)>,
    max_words: usize,
}

const FILES: [(List, &str); 13] = [
    (List::Country, include_str!("gazetteer/countries_extra.txt")),
    (List::Place, include_str!("gazetteer/places.txt")),
    (List::Demonym, include_str!("gazetteer/demonyms.txt")),
    (
        List::Organization,
        include_str!("gazetteer/organizations.txt"),
    ),
    (List::OrgWord, include_str!("gazetteer/org_words.txt")),
    (List::Title, include_str!("gazetteer/titles.txt")),
    (List::FirstName, include_str!("gazetteer/first_names.txt")),
    (List::City, language::gazetteers::CITIES),
    (List::Region, language::gazetteers::REGIONS),
    (List::Company, language::gazetteers::COMPANIES),
    (List::Institution, language::gazetteers::INSTITUTIONS),
    (List::GivenName, language::gazetteers::GIVEN_NAMES),
    (List::Surname, language::gazetteers::SURNAMES),
];

impl Gazetteer {
    /// Builds the gazetteer from the data files and `keshvar`.
    pub(crate) fn new() -> Gazetteer {
        let mut g = Gazetteer {
            phrases: FxHashMap::with_capacity_and_hasher(1 << 18, Default::default()),
            max_words: 1,
        };
        for (list, text) in FILES {
            for line in text
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
            {
                g.add(list, line);
            }
        }
        // Months and weekdays: capitalised, but not names in CoNLL.
        let calendar = calendar::MONTHS
            .iter()
            .chain(&calendar::MONTH_ABBREVIATIONS);
        for word in calendar.chain(&calendar::WEEKDAYS) {
            g.add(List::TimeWord, word);
        }
        for country in keshvar::CountryIterator::new() {
            let short = country.iso_short_name();
            if !short.contains(['(', ',']) {
                g.add(List::Country, short);
            }
            for name in country
                .unofficial_name_list()
                .iter()
                .filter(|n| is_plain(n))
            {
                g.add(List::Country, name);
            }
            if let Some(demonym) = country.maybe_nationality() {
                g.add(List::Demonym, demonym);
            }
        }
        let listed = FILES[2]
            .1
            .lines()
            .filter(|l| !l.starts_with('#'))
            .map(str::trim);
        for demonym in
            listed.chain(keshvar::CountryIterator::new().filter_map(|c| c.maybe_nationality()))
        {
            g.add_plural(demonym);
        }
        g
    }

    fn add_plural(&mut self, demonym: &str) {
        if demonym.ends_with("an") || demonym.ends_with('i') {
            self.add(List::Demonym, &format!("{demonym}s"));
        }
    }

    fn add(&mut self, list: List, name: &str) {
        // Most entries are one plain word (given names, surnames): no tokenizer needed.
        let (key, count) = if name.chars().all(char::is_alphabetic) && !name.is_empty() {
            (hash::mix(0, hash::word(name)), 1)
        } else {
            let tokens = tokenize(name, 0..name.len());
            let key = tokens
                .iter()
                .fold(0, |h, t| hash::mix(h, hash::word(t.text(name))));
            (key, tokens.len())
        };
        if count == 0 || count > MAX_WORDS {
            return;
        }
        let capitals_only =
            name.chars().any(char::is_uppercase) && !name.chars().any(char::is_lowercase);
        let entry = self.phrases.entry(key).or_insert((0, 0));
        if capitals_only {
            entry.1 |= 1 << list as u16;
        } else {
            entry.0 |= 1 << list as u16;
        }
        self.max_words = self.max_words.max(count);
    }

    /// Whether `word` on its own is a name in one of `lists`.
    pub(crate) fn is_single(&self, word: &str, lists: &[List]) -> bool {
        let key = hash::mix(0, hash::word(word));
        let Some(&(any, upper)) = self.phrases.get(&key) else {
            return false;
        };
        let caps = !word.chars().any(char::is_lowercase);
        let found = any | if caps { upper } else { 0 };
        lists.iter().any(|&l| found & (1 << l as u16) != 0)
    }

    /// The lists each word of a sentence belongs to. `words[i]` is the folded hash of
    /// word `i` ([`hash::word`]) and `caps[i]` says it has no lower-case letter.
    /// The number of words of the longest phrase of `list` starting at word `i`, if any.
    pub(crate) fn longest_match(
        &self,
        words: &[u64],
        caps: &[bool],
        i: usize,
        list: List,
    ) -> Option<usize> {
        let bit = 1u16 << list as u16;
        let mut key = 0;
        let mut best = None;
        for len in 1..=self.max_words.min(words.len().saturating_sub(i)) {
            key = hash::mix(key, words[i + len - 1]);
            if let Some(&(any, upper)) = self.phrases.get(&key) {
                let all_caps = caps[i..i + len].iter().all(|&c| c);
                if (any | if all_caps { upper } else { 0 }) & bit != 0 {
                    best = Some(len);
                }
            }
        }
        best
    }

    pub(crate) fn tag(&self, words: &[u64], caps: &[bool], out: &mut Vec<Membership>) {
        let start = out.len();
        out.resize(start + words.len(), 0);
        let tags = &mut out[start..];
        for i in 0..words.len() {
            let longest = self.max_words.min(words.len() - i);
            let mut key = 0;
            let mut found = [0u16; MAX_WORDS];
            for len in 1..=longest {
                key = hash::mix(key, words[i + len - 1]);
                if let Some(&(any, upper)) = self.phrases.get(&key) {
                    let all_caps = caps[i..i + len].iter().all(|&c| c);
                    found[len - 1] = any | if all_caps { upper } else { 0 };
                }
            }
            let mut claimed = 0u16;
            for len in (1..=longest).rev() {
                let lists = found[len - 1] & !claimed;
                claimed |= lists;
                for list in (0..LISTS).filter(|l| lists & (1 << l) != 0) {
                    tags[i] |= 1 << (2 * list);
                    for tag in &mut tags[i + 1..i + len] {
                        *tag |= 1 << (2 * list + 1);
                    }
                }
            }
        }
    }
}

/// Names in plain ASCII letters (keshvar's lists also hold other scripts and languages).
fn is_plain(name: &str) -> bool {
    name.chars()
        .all(|c| c.is_ascii_alphabetic() || matches!(c, ' ' | '-' | '.' | '\''))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lists_of(g: &Gazetteer, sentence: &str) -> Vec<(String, Vec<&'static str>)> {
        let toks = tokenize(sentence, 0..sentence.len());
        let words: Vec<u64> = toks.iter().map(|t| hash::word(t.text(sentence))).collect();
        let caps: Vec<bool> = toks
            .iter()
            .map(|t| !t.text(sentence).chars().any(char::is_lowercase))
            .collect();
        let mut out = Vec::new();
        g.tag(&words, &caps, &mut out);
        let names = [
            "country",
            "place",
            "demonym",
            "org",
            "orgword",
            "title",
            "first",
            "time",
            "city",
            "region",
            "company",
            "institution",
            "given",
            "surname",
        ];
        toks.iter()
            .zip(out)
            .map(|(t, m)| {
                let set = (0..LISTS)
                    .filter(|l| m & (3 << (2 * l)) != 0)
                    .map(|l| names[l])
                    .collect();
                (t.text(sentence).to_string(), set)
            })
            .collect()
    }

    #[test]
    fn marks_list_members_in_context() {
        let g = Gazetteer::new();
        let got = lists_of(
            &g,
            "The State Department said us Russians met in Geneva and the UN on Friday",
        );
        let want: [(&str, &[&str]); 14] = [
            ("The", &[]),
            ("State", &["org"]),
            ("Department", &["org", "orgword"]),
            ("said", &[]),
            ("us", &[]),
            ("Russians", &["demonym"]),
            ("met", &[]),
            ("in", &[]),
            ("Geneva", &["place", "city", "region", "given"]),
            ("and", &[]),
            ("the", &[]),
            ("UN", &["org", "city", "given"]),
            ("on", &[]),
            ("Friday", &["time"]),
        ];
        for ((word, lists), (want_word, want_lists)) in got.iter().zip(want) {
            assert_eq!(word, want_word);
            assert_eq!(lists, want_lists, "{word}");
        }
    }

    #[test]
    fn knows_names_from_the_public_lists() {
        let g = Gazetteer::new();
        for (sentence, word, list) in [
            ("shares of Crocs rose", 2, "company"),
            ("in Sao Paulo today", 1, "city"),
            ("Dr Kowalski arrived", 1, "surname"),
            ("a Stanford University study", 1, "institution"),
            ("Ms Latisha Ray", 1, "given"),
        ] {
            let got = lists_of(&g, sentence);
            assert!(got[word].1.contains(&list), "{sentence}: {got:?}");
        }
    }

    #[test]
    fn knows_countries_and_nationalities_from_keshvar() {
        let g = Gazetteer::new();
        for (sentence, word, list) in [
            ("Talks in Kazakhstan", 2, "country"),
            ("the Russian Federation", 1, "country"),
            ("a Kazakhstani official", 1, "demonym"),
            ("two Ukrainians", 1, "demonym"),
        ] {
            let got = lists_of(&g, sentence);
            assert!(got[word].1.contains(&list), "{sentence}: {got:?}");
        }
    }
}
