//! Canonical names for places and organisations: a mention's text in, the real-world
//! entity it names out ("U.S." -> United States, "Russian" -> Russia,
//! "North Atlantic Treaty Organization" -> NATO).
//!
//! Countries come from the keshvar crate (ISO 3166 data: English names and nationality
//! adjectives), corrected and extended by `data/countries.txt` with the forms news writes
//! ("US", "America", "Britain") and the canonical name readers know best. Organisations
//! come from `data/organizations.txt`. Canonical names matter beyond one article: the
//! site stage merges actors across articles by name and alias, so every spelling of
//! a country must land on one name.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use super::names::key as name_key;

const PLACES: &str = include_str!("data/countries.txt");
const ORGANIZATIONS: &str = include_str!("data/organizations.txt");
const NEWS_OUTLETS: &str = include_str!("data/news_outlets.txt");

/// Countries and organisations by the keys of their names.
pub struct Gazetteer {
    /// Name key -> canonical country name.
    places: HashMap<String, String>,
    /// Demonym as written ("Russian", "Russians") -> (canonical country, plural).
    demonyms: HashMap<String, (String, bool)>,
    /// Name key -> canonical organisation name.
    organizations: HashMap<String, String>,
}

impl Gazetteer {
    /// The canonical country a place name denotes.
    pub fn country(&self, name: &str) -> Option<&str> {
        if !name.chars().any(char::is_uppercase) {
            return None;
        }
        self.places.get(&name_key(name)).map(String::as_str)
    }

    /// The country a national adjective or noun denotes, and whether it is plural ("Russians").
    pub fn demonym(&self, word: &str) -> Option<(&str, bool)> {
        self.demonyms
            .get(word)
            .map(|(c, plural)| (c.as_str(), *plural))
    }

    /// The canonical name of a known organisation.
    pub fn organization(&self, name: &str) -> Option<&str> {
        if !name.chars().any(char::is_uppercase) {
            return None;
        }
        self.organizations.get(&name_key(name)).map(String::as_str)
    }
}

/// Whether an organisation's name is a news outlet's: listed in `data/news_outlets.txt`
/// ("Sputnik", "CBS", "the Associated Press"), or ending in a word of outlets' names
/// ("Kessel Daily News", "the Port Aubel Herald").
pub fn is_news_outlet(name: &str) -> bool {
    static OUTLETS: LazyLock<(HashSet<String>, HashSet<String>)> = LazyLock::new(|| {
        let lists = super::sections(NEWS_OUTLETS);
        let keys = |section: &str| -> HashSet<String> {
            lists
                .get(section)
                .into_iter()
                .flatten()
                .map(|n| name_key(n))
                .collect()
        };
        (keys("names"), keys("words"))
    });
    let key = name_key(name);
    let (names, words) = &*OUTLETS;
    names.contains(&key)
        || key
            .rsplit_once(' ')
            .is_some_and(|(_, last)| words.contains(last))
}

/// Whether an actor's name is the page's own outlet, from the publication name ingest
/// read (front matter `source` or the page's site name): the same name ("TMZ"), the
/// outlet's name without a last word of outlets' names ("ABC" on "ABC News"), or, for a
/// site name written as an address ("http://www.tmz.com"), the domain's own label.
pub fn is_own_outlet(name: &str, source: &str) -> bool {
    let key = name_key(name);
    if key.is_empty() {
        return false;
    }
    if let Some(label) = domain_label(source) {
        return key.replace(' ', "") == label;
    }
    let own = name_key(source);
    own == key
        || own.strip_prefix(key.as_str()).is_some_and(|rest| {
            rest.strip_prefix(' ')
                .is_some_and(|last| !last.contains(' ') && is_news_outlet(&format!("x {last}")))
        })
}

/// The label a site's address is known by ("tmz" for "http://www.tmz.com", "bbc" for
/// "bbc.co.uk"), if `source` is an address rather than a name.
fn domain_label(source: &str) -> Option<String> {
    let source = source.trim();
    if source.contains(char::is_whitespace) || !source.contains('.') {
        return None;
    }
    let after_scheme = source.split_once("://").map_or(source, |(_, rest)| rest);
    let host = after_scheme
        .split(['/', '?', '#', ':'])
        .next()?
        .to_lowercase();
    let labels: Vec<&str> = host.trim_start_matches("www.").split('.').collect();
    if labels.iter().any(|l| l.is_empty()) {
        return None;
    }
    let second_level = ["co", "com", "org", "net", "gov", "ac"];
    let label = match labels.as_slice() {
        [.., label, second, _] if second_level.contains(second) => label,
        [.., label, _] => label,
        _ => return None,
    };
    Some(label.replace('-', ""))
}

/// What only a state has, after a possessive: "Meranthe's prime minister", "Kestria's
/// capital". ("president" and "delegation" are not here: companies and unions have them.)
const STATE_POSSESSIONS: &[&str] = &[
    "prime minister",
    "government",
    "capital",
    "parliament",
    "army",
    "armed forces",
    "embassy",
    "foreign minister",
    "foreign ministry",
    "interior minister",
    "defence minister",
    "defense minister",
    "ambassador",
    "border",
];

/// Whether the text right after a name says the name is a state's or a capital's:
/// "'s prime minister" ("Meranthe's prime minister") or an apposition naming a capital
/// ("Port Aubel, the Meranthe capital", "Lisk, the capital"). A fictional or unlisted
/// country or city is then a place, whatever the tagger guessed.
pub fn said_to_be_a_state(after: &str) -> bool {
    if let Some(rest) = possession(after) {
        // Only a state has ministers: "Meranthe's water and energy minister".
        let minister = rest
            .split(|c: char| !c.is_alphanumeric())
            .take_while(|w| !w.is_empty())
            .take(4)
            .any(|w| w == "minister" || w == "ministry");
        return minister || opens_with_any(&rest, STATE_POSSESSIONS);
    }
    let lower: String = after.chars().take(60).collect::<String>().to_lowercase();
    let Some(rest) = lower.strip_prefix(", the ") else {
        return false;
    };
    rest.split(|c: char| !c.is_alphanumeric())
        .take_while(|w| !w.is_empty())
        .take(3)
        .any(|w| w == "capital")
}

/// Whether a name is an ISO 4217 currency code in capitals ("USD", "EUR"), from the
/// keshvar crate's list.
pub fn is_currency_code(name: &str) -> bool {
    name.len() == 3
        && name.chars().all(|c| c.is_ascii_uppercase())
        && keshvar::CurrencyCode::try_from(name).is_ok()
}

/// What only a company has, after a possessive: "Dell's buyout", "Arlo's shareholders".
const COMPANY_POSSESSIONS: &[&str] = &[
    "buyout",
    "leveraged buyout",
    "shareholders",
    "stockholders",
    "share price",
    "stock price",
    "market value",
    "subsidiary",
    "ipo",
    "initial public offering",
];

/// Whether the text right after a name says the name is a company's: "'s buyout",
/// "'s shareholders" ("Dell's buyout in 2013"). An unlisted company the tagger took for
/// a person is then an organisation.
pub fn said_to_be_a_company(after: &str) -> bool {
    possession(after).is_some_and(|rest| opens_with_any(&rest, COMPANY_POSSESSIONS))
}

/// What follows a possessive right after a name ("'s prime minister ..."), lower case,
/// up to 60 characters; `None` without a possessive.
fn possession(after: &str) -> Option<String> {
    let lower: String = after.chars().take(60).collect::<String>().to_lowercase();
    lower
        .strip_prefix("'s ")
        .or_else(|| lower.strip_prefix("\u{2019}s "))
        .map(String::from)
}

/// Whether `text` opens with one of `phrases` as whole words.
fn opens_with_any(text: &str, phrases: &[&str]) -> bool {
    phrases.iter().any(|p| {
        text.strip_prefix(p)
            .is_some_and(|r| r.is_empty() || r.starts_with(|c: char| !c.is_alphanumeric()))
    })
}

/// Whether the text right before a name says the name is a state: "of" after a
/// minister or a government within five words ("Prime Minister Celeste Amari of
/// Meranthe", "the government of Kestria"; not "the president of Arlo").
pub fn said_to_be_a_state_before(before: &str) -> bool {
    let words: Vec<String> = before
        .split_whitespace()
        .rev()
        .take(6)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    words.first().is_some_and(|w| w == "of")
        && words[1..]
            .iter()
            .any(|w| matches!(w.as_str(), "minister" | "ministers" | "government"))
}

/// The gazetteer, built on first use.
pub fn gazetteer() -> &'static Gazetteer {
    static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(build);
    &GAZETTEER
}

fn build() -> Gazetteer {
    let mut g = Gazetteer {
        places: HashMap::new(),
        demonyms: HashMap::new(),
        organizations: HashMap::new(),
    };
    let overrides = place_overrides();
    add_keshvar(&mut g, &overrides);
    // Curated forms win over keshvar's.
    for o in &overrides {
        g.places.insert(name_key(&o.name), o.name.clone());
        for alias in &o.aliases {
            g.places.insert(name_key(alias), o.name.clone());
        }
        for demonym in &o.demonyms {
            let plural = demonym.ends_with('s') && !demonym.ends_with("ss");
            g.demonyms.insert(demonym.clone(), (o.name.clone(), plural));
        }
    }
    let lines = super::sections(ORGANIZATIONS);
    for line in lines.get("").into_iter().flatten() {
        let names: Vec<&str> = line
            .split('|')
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .collect();
        for name in &names {
            g.organizations.insert(name_key(name), names[0].to_string());
        }
    }
    g
}

/// Every country keshvar knows: its English names and nationality adjective. "England"
/// is left out: it is part of the United Kingdom, not another name for it.
fn add_keshvar(g: &mut Gazetteer, overrides: &[PlaceOverride]) {
    for country in keshvar::CountryIterator::new() {
        let code = country.alpha2().to_string();
        let names: Vec<&str> = std::iter::once(country.iso_short_name())
            .chain(country.unofficial_name_list().iter().copied())
            .filter(|n| usable_name(n) && *n != "England")
            .collect();
        let over = overrides.iter().find(|o| o.code == code);
        let first = country
            .unofficial_name_list()
            .iter()
            .find(|n| usable_name(n));
        let Some(canonical) = over
            .map(|o| o.name.clone())
            .or(first.map(|n| n.to_string()))
        else {
            continue;
        };
        for name in names {
            g.places
                .entry(name_key(name))
                .or_insert_with(|| canonical.clone());
        }
        if let Some(nationality) = country.maybe_nationality().filter(|n| usable_name(n)) {
            add_demonym(g, nationality, &canonical);
        }
    }
}

/// keshvar lists names in many languages and formats; keep plain English-looking ones.
fn usable_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphabetic() || " .'-".contains(c))
        && name.starts_with(|c: char| c.is_ascii_uppercase())
}

/// Adds "Russian" and its plural "Russians" (not for "-ese", "-ish", "-ch" adjectives).
fn add_demonym(g: &mut Gazetteer, demonym: &str, country: &str) {
    g.demonyms
        .entry(demonym.to_string())
        .or_insert_with(|| (country.to_string(), false));
    let uncountable = ["ese", "ish", "ch", "ss", "s"]
        .iter()
        .any(|e| demonym.ends_with(e));
    if !uncountable {
        g.demonyms
            .entry(format!("{demonym}s"))
            .or_insert_with(|| (country.to_string(), true));
    }
}

struct PlaceOverride {
    code: String,
    name: String,
    aliases: Vec<String>,
    demonyms: Vec<String>,
}

fn place_overrides() -> Vec<PlaceOverride> {
    let list = |s: Option<&str>| -> Vec<String> {
        s.unwrap_or("")
            .split(';')
            .map(str::trim)
            .filter(|x| !x.is_empty())
            .map(String::from)
            .collect()
    };
    super::sections(PLACES)
        .get("")
        .into_iter()
        .flatten()
        .filter_map(|line| {
            let mut parts = line.split('|').map(str::trim);
            let code = parts.next()?.to_string();
            let name = parts.next().filter(|n| !n.is_empty())?.to_string();
            Some(PlaceOverride {
                code,
                name,
                aliases: list(parts.next()),
                demonyms: list(parts.next()),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_only_a_company_has() {
        let cases = [
            ("\u{2019}s buyout in 2013", true),
            ("'s shareholders voted", true),
            ("'s share price fell", true),
            // People have shares, deals and chief executives' jobs too.
            ("'s shares", false),
            ("'s deal", false),
            ("'s buyouts", false),
            (" buyout", false),
        ];
        for (after, want) in cases {
            assert_eq!(said_to_be_a_company(after), want, "{after}");
        }
    }

    #[test]
    fn the_pages_own_outlet_by_name_short_name_or_address() {
        let cases = [
            ("TMZ", "http://www.tmz.com", true),
            ("TMZ", "tmz.com", true),
            ("BBC", "https://www.bbc.co.uk/news", true),
            ("ABC", "ABC News", true),
            ("ABC News", "ABC News", true),
            ("The Kessel Herald", "Kessel Herald", true),
            // Another outlet, or a name that only begins like the outlet's, is not it.
            ("ABC", "Yahoo", false),
            ("CBS", "http://www.tmz.com", false),
            ("Kessel", "Kessel Herald Tribune", false),
            ("ABC Group", "ABC News", false),
            ("Tom", "tomsguide.com", false),
        ];
        for (name, source, want) in cases {
            assert_eq!(is_own_outlet(name, source), want, "{name} on {source}");
        }
    }

    #[test]
    fn a_name_after_a_minister_of_is_a_state() {
        let cases = [
            ("Prime Minister Celeste Amari of ", true),
            ("the government of ", true),
            ("Foreign Minister Matthias Korven of ", true),
            ("the president of ", false),
            ("Minister Ada Quint met the head of the office of ", false),
            ("of ", false),
            ("", false),
        ];
        for (before, want) in cases {
            assert_eq!(said_to_be_a_state_before(before), want, "{before}");
        }
    }

    #[test]
    fn a_name_said_to_be_a_state_or_a_capital() {
        let cases = [
            ("'s prime minister, Celeste Amari, said", true),
            ("\u{2019}s government said", true),
            ("'s capital", true),
            ("'s water and energy minister, Ana Varela", true),
            ("\u{2019}s water minister", true),
            ("'s delegation", false),
            ("'s chief executive", false),
            (", the Meranthe capital, the union said", true),
            (", the capital, was quiet", true),
            // companies and unions have presidents and delegations; a person has a border collie
            ("'s president said", false),
            ("'s delegation walked out", false),
            ("'s bordering towns", false),
            (", the union's president", false),
            (" said on Monday", false),
            ("", false),
        ];
        for (after, want) in cases {
            assert_eq!(said_to_be_a_state(after), want, "{after:?}");
        }
    }

    #[test]
    fn news_outlets_by_name_or_last_word() {
        let cases = [
            ("Sputnik", true),
            ("CBS", true),
            ("the Associated Press", true),
            ("The Guardian", true),
            ("Kessel Daily News", true),
            ("Port Aubel Herald", true),
            ("News", false),
            ("State Department", false),
            ("International Energy Agency", false),
            ("Blinken", false),
        ];
        for (name, want) in cases {
            assert_eq!(is_news_outlet(name), want, "{name}");
        }
    }

    #[test]
    fn every_spelling_of_a_country_has_one_name() {
        let g = gazetteer();
        let cases = [
            ("US", Some("United States")),
            ("U.S.", Some("United States")),
            ("the United States", Some("United States")),
            ("America", Some("United States")),
            ("United States of America", Some("United States")),
            ("Britain", Some("United Kingdom")),
            ("Russian Federation", Some("Russia")),
            ("Russia", Some("Russia")),
            ("Ukraine", Some("Ukraine")),
            ("Germany", Some("Germany")),
            ("Kenya", Some("Kenya")),
            ("England", None),
            ("us", None),
            ("Moscow", None),
        ];
        for (name, want) in cases {
            assert_eq!(g.country(name), want, "{name}");
        }
    }

    #[test]
    fn demonyms_know_their_country_and_number() {
        let g = gazetteer();
        let cases = [
            ("Russian", Some(("Russia", false))),
            ("Russians", Some(("Russia", true))),
            ("American", Some(("United States", false))),
            ("British", Some(("United Kingdom", false))),
            ("Kenyan", Some(("Kenya", false))),
            ("Kenyans", Some(("Kenya", true))),
            ("Chinese", Some(("China", false))),
            ("European", None),
            ("russian", None),
        ];
        for (word, want) in cases {
            assert_eq!(g.demonym(word), want, "{word}");
        }
    }

    #[test]
    fn organisations_have_canonical_names() {
        let g = gazetteer();
        let cases = [
            ("North Atlantic Treaty Organization", Some("NATO")),
            ("Nato", Some("NATO")),
            ("U.N.", Some("United Nations")),
            ("the US State Department", Some("State Department")),
            ("Department of State", Some("State Department")),
            ("Acme Widgets", None),
        ];
        for (name, want) in cases {
            assert_eq!(g.organization(name), want, "{name}");
        }
    }
}
