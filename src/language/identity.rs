//! Who is who: names of entities in, whether they can name one entity out. The one
//! identity rule of the project, used by the merging of mentions within an article
//! (`analysis::actors::merge`) and by the merging of actors across the site
//! (`corpus::actor_index`), so that a briefing and the actor pages agree by construction.
//!
//! The rule, from names alone:
//! - two names of one kind are the same when their identity keys are equal: the name
//!   key ([`names::key`]); for a person without titles before it ("President", "Mr"),
//!   without "Jr"/"Sr" after it, and with every word's spelling variant ("Sergei" =
//!   "Sergey", [`spelling`]); for an organisation without a corporate suffix ("Inc");
//! - a person's full name has a given name and a surname; a surname keeps its particles
//!   ("Osama bin Laden": "bin Laden"); two full names are one person when their surnames
//!   are equal and their given names agree (equal, or one the initial of the other);
//!   a surname alone ("Lavrov", "Bin Laden") can stand for a full name with that surname;
//! - an acronym stands for a name whose initials it spells ("GM", "General Motors"),
//!   when the text gives evidence that it does (defined in parentheses in an article,
//!   or used beside the name in one briefing of the site);
//! - organisations, places and groups with one key are one entity whatever the tagger
//!   called them (a country is a place, also where the text says "Kestria agreed"), and
//!   a person whose whole name is the name of such an entity is that entity (a tagger's
//!   confusion); [`choose_kind`] gives the one kind, from the votes of the mentions.
//!
//! What differs between one article and a whole site is only the evidence that picks
//! among several candidates: within an article the nearest earlier mention decides
//! ("Smith" after "Mary Smith" is Mary), and a given name alone can stand for the one
//! person of the article with that given name; across articles nothing is near, so a
//! surname joins a full name only while exactly one person of the site has it, and a
//! given name alone joins nobody.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::names::{self, spelling};
use super::things;

/// What kind of entity an actor is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    Person,
    Organization,
    Place,
    Group,
    /// A named thing that takes part in events but is no person, organisation or place:
    /// a product, an index, a law or programme, an event, a work ("iPod", "Dow Jones
    /// index", "Affordable Care Act", "World Cup"). Listed after the story's actors.
    Thing,
}

impl ActorKind {
    /// The word used in files and URLs: "person", "organization", "place", "group",
    /// "thing".
    pub fn as_str(self) -> &'static str {
        match self {
            ActorKind::Person => "person",
            ActorKind::Organization => "organization",
            ActorKind::Place => "place",
            ActorKind::Group => "group",
            ActorKind::Thing => "thing",
        }
    }

    /// The word shown to readers: "Person", "Organization", "Place", "Group", "Thing".
    pub fn label(self) -> &'static str {
        match self {
            ActorKind::Person => "Person",
            ActorKind::Organization => "Organization",
            ActorKind::Place => "Place",
            ActorKind::Group => "Group",
            ActorKind::Thing => "Thing",
        }
    }
}

/// The key of a name as shown for an entity of `kind`: the name key, for a person
/// without leading titles and a trailing "Jr"/"Sr" ("President Ana Ruiz" -> "ana ruiz").
/// Forms with one display key are one form (aliases, URLs).
pub fn display_key(name: &str, kind: ActorKind) -> String {
    let key = names::key(name);
    if kind != ActorKind::Person {
        return key;
    }
    let mut words: Vec<&str> = key.split(' ').collect();
    while words.len() > 1 && (names::is_title_key(words[0]) || words[0] == "the") {
        words.remove(0);
    }
    while words.len() > 2 && matches!(words[words.len() - 1], "jr" | "sr") {
        words.pop();
    }
    words.join(" ")
}

/// The identity key of a name of an entity of `kind` (see the module docs): equal keys,
/// one entity.
pub fn identity_key(name: &str, kind: ActorKind) -> String {
    let name = match kind {
        ActorKind::Organization => without_web_domain(name),
        _ => name,
    };
    let key = display_key(name, kind);
    match kind {
        ActorKind::Person => spelling::variant_key(&key),
        ActorKind::Organization => match key.rsplit_once(' ') {
            Some((head, last)) if names::is_corporate_suffix(last) => head.to_string(),
            _ => key,
        },
        ActorKind::Place | ActorKind::Group => key,
        ActorKind::Thing => thing_key(&key),
    }
}

/// The identity key of a thing's name key: without a leading "the" ("the iPod" is the
/// iPod) and, for a plural of a known thing, its singular ("iPods" -> "ipod"). A model
/// or edition keeps its own key ("iPod Nano" is not the iPod): news names the line and
/// the model as two products.
fn thing_key(key: &str) -> String {
    let key = key.strip_prefix("the ").unwrap_or(key);
    match things::singular_of_known(key) {
        Some(singular) => singular.to_string(),
        None => key.to_string(),
    }
}

/// An organisation's name without the web domain it is also written with ("Snopes.com"
/// is "Snopes", "SmartAsset.com" "SmartAsset").
fn without_web_domain(name: &str) -> &str {
    const DOMAINS: [&str; 5] = [".com", ".org", ".net", ".co.uk", ".io"];
    let name = name.trim();
    DOMAINS
        .iter()
        .find_map(|d| {
            let cut = name.len().checked_sub(d.len())?;
            let tail = name.get(cut..)?;
            (cut > 1 && tail.eq_ignore_ascii_case(d)).then(|| &name[..cut])
        })
        .unwrap_or(name)
}

/// A person's name in parts, each as identity-key words (lower case, spelling variants).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonName {
    /// The words before the surname ("john f" in "John F. Smith"); empty for a surname alone.
    pub given: Vec<String>,
    /// The surname with its particles ("bin laden").
    pub surname: String,
}

impl PersonName {
    /// Splits a person's name ("Osama bin Laden" -> given "osama", surname "bin laden";
    /// "Bin Laden" -> surname "bin laden"; "Lavrov" -> surname "lavrov").
    pub fn parse(name: &str) -> PersonName {
        let key = identity_key(name, ActorKind::Person);
        let words: Vec<&str> = key.split(' ').filter(|w| !w.is_empty()).collect();
        let Some(last) = words.len().checked_sub(1) else {
            return PersonName {
                given: Vec::new(),
                surname: String::new(),
            };
        };
        let mut start = last;
        while start > 0 && names::is_surname_particle(words[start - 1]) {
            start -= 1;
        }
        // A capitalised "Al" or "El" opening a name is a given name ("Al Gore").
        let written_first = name.split_whitespace().next().unwrap_or("");
        if start == 0 && last > 0 && matches!(written_first, "Al" | "El") {
            start = 1;
        }
        PersonName {
            given: words[..start].iter().map(|w| w.to_string()).collect(),
            surname: words[start..].join(" "),
        }
    }

    /// Whether the name has a given name as well as a surname.
    pub fn is_full(&self) -> bool {
        !self.given.is_empty()
    }

    /// The first given name ("john"), if any.
    pub fn first(&self) -> Option<&str> {
        self.given.first().map(String::as_str)
    }

    /// The last word of the surname ("laden" of "bin laden"): what a surname alone is
    /// compared by, since news writes "bin Laden" and "Laden" alike.
    pub fn last(&self) -> &str {
        self.surname.rsplit(' ').next().unwrap_or("")
    }

    /// The keys a surname alone may have to stand for this person: the surname with
    /// its particles and its last word ("bin laden", "laden").
    pub fn surname_keys(&self) -> Vec<&str> {
        let mut keys = vec![self.surname.as_str()];
        if self.last() != self.surname {
            keys.push(self.last());
        }
        keys
    }
}

/// How strongly a form is preferred as the name readers see for an entity, given the
/// number of words of its key and how often it is used (`uses`): higher is better. A
/// person goes by their fullest name ("Sergey Lavrov" over "Lavrov"); anything else by
/// the form used most, the one its readers know ("Apple" over "Apple Computer",
/// "Boeing" over "Boeing Commercial Airplanes"), the fullest on ties. The one rule for
/// an actor's name within an article and across the site.
pub fn name_preference(words: usize, uses: usize, person: bool) -> (usize, usize) {
    if person { (words, uses) } else { (uses, words) }
}

/// The name readers see for an entity of `kind` from the names its mentions or
/// entries use, each with how often it is used and the order of its first use: the
/// form [`name_preference`] prefers, forms with one display key counted together;
/// among those, the one most used, written in capitals only when nothing writes it
/// otherwise ("Berlin", not a dateline's "BERLIN"); the earliest on ties.
pub fn preferred_name(uses: &HashMap<&str, (usize, usize)>, kind: ActorKind) -> String {
    let mut by_key: HashMap<String, (usize, usize)> = HashMap::new();
    for (name, &(n, order)) in uses {
        let entry = by_key.entry(display_key(name, kind)).or_insert((0, order));
        entry.0 += n;
        entry.1 = entry.1.min(order);
    }
    let rank =
        |key: &str, n: usize| name_preference(key.split(' ').count(), n, kind == ActorKind::Person);
    let Some((best, _)) = by_key
        .iter()
        .max_by(|(a, (ca, oa)), (b, (cb, ob))| rank(a, *ca).cmp(&rank(b, *cb)).then(ob.cmp(oa)))
    else {
        return String::new();
    };
    let shouting = |n: &str| {
        n.chars().filter(|c| c.is_alphabetic()).count() > 1 && !n.chars().any(char::is_lowercase)
    };
    uses.iter()
        .filter(|(n, _)| display_key(n, kind) == *best)
        .max_by(|(a, (ca, oa)), (b, (cb, ob))| {
            (!shouting(a), ca).cmp(&(!shouting(b), cb)).then(ob.cmp(oa))
        })
        .map(|(n, _)| n.to_string())
        .unwrap_or_default()
}

/// Whether two given names can be one person's: equal, or one is the initial of the other.
pub fn given_names_agree(a: &str, b: &str) -> bool {
    a == b || (a.len() == 1 && b.starts_with(a)) || (b.len() == 1 && a.starts_with(b))
}

/// Whether two full names are one person's: the same surname and agreeing first names
/// ("John F. Smith", "J. Smith"; not "John Smith", "Jane Smith").
pub fn same_person(a: &PersonName, b: &PersonName) -> bool {
    match (a.first(), b.first()) {
        (Some(x), Some(y)) => a.last() == b.last() && given_names_agree(x, y),
        _ => false,
    }
}

/// Whether entities of kinds `a` and `b` with one identity key are one entity: any two
/// kinds can be (see the module docs), except that a person and a group stay apart
/// ("Democrats" the party, a person called "Democrats" is a tagger's error either way),
/// and a thing is only ever a thing ("Dow" the index in one story, "Dow" the company in
/// another; "Minecraft" the game and the studio that says something).
pub fn kinds_can_merge(a: ActorKind, b: ActorKind) -> bool {
    use ActorKind::{Group, Person, Thing};
    (a == Thing) == (b == Thing) && !matches!((a, b), (Person, Group) | (Group, Person))
}

/// The kind of an entity whose mentions were typed several ways: the kind with the
/// most votes (mentions). On ties a person loses to the others, because taggers read
/// organisations as people more often than the reverse: organisation, then place, then
/// group, then person (a thing only ever meets things: [`kinds_can_merge`]).
pub fn choose_kind(votes: impl IntoIterator<Item = (ActorKind, usize)>) -> ActorKind {
    const PREFERENCE: [ActorKind; 5] = [
        ActorKind::Organization,
        ActorKind::Place,
        ActorKind::Group,
        ActorKind::Person,
        ActorKind::Thing,
    ];
    let mut counts = [0usize; 5];
    for (kind, n) in votes {
        counts[PREFERENCE.iter().position(|k| *k == kind).unwrap_or(0)] += n;
    }
    let mut best = (ActorKind::Organization, 0);
    for (kind, n) in PREFERENCE.into_iter().zip(counts) {
        if n > best.1 {
            best = (kind, n);
        }
    }
    best.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use ActorKind::*;

    #[test]
    fn identity_keys_by_kind() {
        let cases = [
            ("Sergey Lavrov", Person, "sergei lavrov"),
            ("Sergei Lavrov", Person, "sergei lavrov"),
            ("President Emmanuel Macron", Person, "emmanuel macron"),
            ("Dr. Ana Ruiz", Person, "ana ruiz"),
            ("Mme Ana Ruiz", Person, "ana ruiz"),
            ("Martin Luther King Jr.", Person, "martin luther king"),
            ("President", Person, "president"),
            ("Apple Inc.", Organization, "apple"),
            ("Apple Inc.", Place, "apple inc"),
            ("The United Nations", Organization, "united nations"),
            ("The Hague", Place, "hague"),
            ("Snopes.com", Organization, "snopes"),
            ("SmartAsset.COM", Organization, "smartasset"),
            ("Kessel Aid.org", Organization, "kessel aid"),
            ("Snopes.com", Place, "snopescom"),
            ("Ask.fm", Organization, "askfm"),
            (".com", Organization, "com"),
        ];
        for (name, kind, want) in cases {
            assert_eq!(identity_key(name, kind), want, "{name}");
        }
        assert_eq!(display_key("Sergey Lavrov", Person), "sergey lavrov");
    }

    #[test]
    fn person_names_split_into_given_names_and_surname() {
        let cases: [(&str, &[&str], &str); 8] = [
            ("Sergey Lavrov", &["sergei"], "lavrov"),
            ("John F. Smith", &["john", "f"], "smith"),
            ("Osama bin Laden", &["osama"], "bin laden"),
            ("Bin Laden", &[], "bin laden"),
            ("Charles de Gaulle", &["charles"], "de gaulle"),
            ("Al Gore", &["al"], "gore"),
            ("Bashar al-Assad", &["bashar"], "al assad"),
            ("Lavrov", &[], "lavrov"),
        ];
        for (name, given, surname) in cases {
            let parsed = PersonName::parse(name);
            assert_eq!(parsed.given, given, "{name}");
            assert_eq!(parsed.surname, surname, "{name}");
        }
        assert_eq!(
            PersonName::parse("Osama bin Laden").surname_keys(),
            ["bin laden", "laden"]
        );
    }

    #[test]
    fn full_names_of_one_person_and_of_two() {
        let same = |a: &str, b: &str| same_person(&PersonName::parse(a), &PersonName::parse(b));
        let cases = [
            ("John F. Smith", "John Smith", true),
            ("J. Smith", "John Smith", true),
            ("Sergey Lavrov", "Sergei Lavrov", true),
            ("Aleksandr Grushko", "Alexander Grushko", true),
            ("Osama bin Laden", "Osama Bin Laden", true),
            ("John Smith", "Jane Smith", false),
            ("Sergey Lavrov", "Anna Lavrov", false),
            ("Tony Smith", "Toni Smith", false),
            ("Smith", "John Smith", false),
        ];
        for (a, b, want) in cases {
            assert_eq!(same(a, b), want, "{a} / {b}");
        }
    }

    #[test]
    fn names_readers_see_by_kind() {
        // (words, uses) of two forms, whether a person: which is preferred.
        let cases = [
            ((2, 1), (1, 3), true, 0),  // "Ada Quint" once over "Quint" three times
            ((2, 1), (1, 3), false, 1), // "Arlo Computer" once under "Arlo" three times
            ((2, 2), (1, 2), false, 0), // equal use: the fullest
            ((1, 2), (2, 2), true, 1),
        ];
        for (a, b, person, want) in cases {
            let (pa, pb) = (
                name_preference(a.0, a.1, person),
                name_preference(b.0, b.1, person),
            );
            assert_eq!(usize::from(pb > pa), want, "{a:?} {b:?} {person}");
        }
    }

    #[test]
    fn the_name_readers_see_among_the_forms_used() {
        let name = |forms: &[(&'static str, usize)], kind| {
            let uses: HashMap<&str, (usize, usize)> = forms
                .iter()
                .enumerate()
                .map(|(order, &(n, count))| (n, (count, order)))
                .collect();
            preferred_name(&uses, kind)
        };
        type Forms<'a> = &'a [(&'a str, usize)];
        let cases: [(Forms, ActorKind, &str); 6] = [
            (
                &[("Arlo Foods Company", 1), ("Arlo Foods", 2)],
                Organization,
                "Arlo Foods",
            ),
            (
                &[("Arlo Foods Company", 2), ("Arlo Foods", 2)],
                Organization,
                "Arlo Foods Company",
            ),
            (&[("Quint", 3), ("Ada Quint", 1)], Person, "Ada Quint"),
            // Capitals count with the same name written otherwise, and lose to it.
            (&[("LISK", 2), ("Lisk", 1), ("Tallin", 2)], Place, "Lisk"),
            (&[("LISK", 1)], Place, "LISK"),
            (&[], Place, ""),
        ];
        for (forms, kind, want) in cases {
            assert_eq!(name(forms, kind), want, "{forms:?}");
        }
    }

    #[test]
    fn one_kind_from_the_votes() {
        let cases = [
            (vec![(Organization, 2), (Place, 3)], Place),
            (vec![(Organization, 2), (Place, 2)], Organization),
            (vec![(Person, 1), (Place, 1)], Place),
            (vec![(Person, 3), (Organization, 1)], Person),
            (vec![], Organization),
        ];
        for (votes, want) in cases {
            assert_eq!(choose_kind(votes.clone()), want, "{votes:?}");
        }
        assert!(kinds_can_merge(Organization, Place));
        assert!(kinds_can_merge(Person, Place));
        assert!(!kinds_can_merge(Person, Group));
        assert!(kinds_can_merge(Thing, Thing));
        assert!(!kinds_can_merge(Thing, Organization));
        assert!(!kinds_can_merge(Person, Thing));
    }

    #[test]
    fn things_keep_their_own_keys() {
        let cases = [
            ("iPods", "ipod"),
            ("the iPod", "ipod"),
            ("iPod", "ipod"),
            ("Oscars", "oscars"),
            // Apart: a model of a product, a name ending in "s" that is no plural.
            ("iPod Nano", "ipod nano"),
            ("Windows", "windows"),
            ("Kessel Games", "kessel games"),
            ("Apple Watch", "apple watch"),
        ];
        for (name, want) in cases {
            assert_eq!(identity_key(name, Thing), want, "{name}");
        }
        // "Apple" the company and "Apple Watch" the product; "Dow" and "Dow Chemical".
        assert_ne!(
            identity_key("Apple", Organization),
            identity_key("Apple Watch", Thing)
        );
        assert_ne!(
            identity_key("Dow", Thing),
            identity_key("Dow Chemical", Organization)
        );
    }
}
