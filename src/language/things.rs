//! Names of things: a name and the words around it in, whether it names a thing (a law,
//! treaty, game, book, film, product, event, style, disease) or a credential rather
//! than a person, organisation or place.
//!
//! Readers take the key actors for the people, organisations and places a story is
//! about; "Obamacare", "Minecraft", "World Cup" or "First Amendment" among them is
//! wrong, whatever type the tagger gave them. The tagger, trained on CoNLL-2003,
//! types names it never saw by their shape, so a game looks like a place and a law like
//! an organisation. Four kinds of evidence say a name names a thing, all from
//! `data/things.txt`:
//! - the whole name is a known thing ("Brexit", "Minecraft", "Art Deco");
//! - its head says so: the last word, or the word before "of" ("Affordable Care Act",
//!   "Treaty of Rome", "Paris Motor Show"), an event's last word also after "of"
//!   ("Century of Progress Exposition"), or its first word ("Hurricane Sandy");
//! - the word right before it ("the online game Minecraft") or after it ("her Oscar
//!   dress") is a noun for things;
//! - it is quoted as a title ("Super Mario Run", "A Paradise Built in Hell"): see
//!   [`is_title`].
//!
//! A name the tagger typed MISC with none of this evidence is still a thing unless it is
//! a word of a people, a language, a faith, a holiday or a region, or a currency
//! ([`misc_names_a_thing`]): such names get an actor of kind thing, listed after the
//! story's people and organisations.
//!
//! Whether the name still acts in the text (a company named like its product: "Tinder
//! said") is for the caller to weigh; this module only knows words.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use super::calendar;
use super::gazetteers;
use super::names::{is_plural_acronym, key};
use super::words::is_common_word_in_capitals;
use super::world::{gazetteer, is_currency_code};

const DATA: &str = include_str!("data/things.txt");

struct Lists {
    names: HashSet<String>,
    credentials: HashSet<String>,
    heads: HashSet<&'static str>,
    event_heads: HashSet<&'static str>,
    prefixes: HashSet<&'static str>,
    before: HashSet<&'static str>,
    after: HashSet<&'static str>,
    edition_after: HashSet<&'static str>,
    security_after: HashSet<&'static str>,
    publication_after: HashSet<&'static str>,
    units: HashSet<&'static str>,
    not_things: HashSet<String>,
}

static LISTS: LazyLock<Lists> = LazyLock::new(|| {
    let sections: HashMap<&'static str, Vec<&'static str>> = super::sections(DATA);
    let list = |name: &str| -> HashSet<&'static str> {
        sections.get(name).into_iter().flatten().copied().collect()
    };
    let keys = |name: &str| -> HashSet<String> {
        sections
            .get(name)
            .into_iter()
            .flatten()
            .map(|w| key(w))
            .collect()
    };
    Lists {
        names: keys("names"),
        credentials: keys("credentials"),
        heads: list("heads"),
        event_heads: list("event_heads"),
        prefixes: list("prefixes"),
        before: list("before"),
        after: list("after"),
        edition_after: list("edition_after"),
        security_after: list("security_after"),
        publication_after: list("publication_after"),
        units: list("units"),
        not_things: keys("not_things"),
    }
});

/// Whether the name, by its own words, names a thing: a known thing, or a multi-word
/// name whose head or first word is a noun of laws, events and prizes, or whose last
/// word names an event ("Century of Progress Exposition"; not "Department of War"), or
/// a name opened by a product word written "i" + capital ("iOS", "iTunes Music Store").
pub fn is_thing_name(name: &str) -> bool {
    if name.split_whitespace().next().is_some_and(product_word) {
        return true;
    }
    let lists = &*LISTS;
    let k = key(name);
    if lists.names.contains(&k) {
        return true;
    }
    let words: Vec<&str> = k.split(' ').collect();
    if words.len() < 2 {
        return false;
    }
    let head = match words.iter().position(|w| *w == "of") {
        Some(of) if of > 0 => words[of - 1],
        _ => words[words.len() - 1],
    };
    let event = words.last().is_some_and(|w| lists.event_heads.contains(w));
    lists.heads.contains(head) || event || lists.prefixes.contains(words[0])
}

/// A product's name word in the fashion "i" + capital + more ("iOS", "iTunes",
/// "iLife"): the makers name products so, and readers read them as products. A company
/// so named that acts in the text ("iRobot said") is kept by the caller.
fn product_word(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next() == Some('i')
        && chars.next().is_some_and(char::is_uppercase)
        && chars.clone().next().is_some()
        && chars.all(char::is_alphanumeric)
}

/// Whether a name is the plural of a known one-word thing ("iPods") or opens with one
/// ("iPod Nano", "Windows Vista"): a model or edition of a product, an episode of an
/// event. The caller weighs the name's head ("Christmas Island" is a place, "Brexit
/// Party" an organisation).
pub fn extends_thing_name(name: &str) -> bool {
    let names = &LISTS.names;
    let k = key(name);
    match k.split_once(' ') {
        Some((first, _)) => names.contains(first),
        None => k
            .strip_suffix('s')
            .is_some_and(|stem| stem.len() > 1 && names.contains(stem)),
    }
}

/// The singular of a known thing's plural, as name keys ("ipods" -> "ipod"); `None`
/// for a known name ("oscars", "windows" stay) or a name that is no known plural.
pub fn singular_of_known(key: &str) -> Option<&str> {
    let names = &LISTS.names;
    let stem = key.strip_suffix('s')?;
    (stem.len() > 1 && !stem.ends_with(' ') && !names.contains(key) && names.contains(stem))
        .then_some(stem)
}

/// Adjective endings of peoples, languages and regions ("Kestrian", "Balinese",
/// "Danish", "Slavic", "Western", "Congressional"): a one-word name so shaped, tagged
/// MISC, is an adjective or a people, not a thing.
const ADJECTIVE_ENDINGS: [&str; 8] = ["ian", "ean", "ese", "ish", "ic", "ern", "ional", "ntial"];

/// Whether a name can never be a thing actor, whatever else says it names a thing: a
/// word of a people, a faith, a holiday or a region ("Russian", "Muslims",
/// "Christmas", "Israeli-Palestinian"), a country or a listed place ("Los-Angeles"), a currency ("USD", "C$"), a degree,
/// a unit, a class of things ("SUVs"), or no name at all ("1990s", "C").
pub fn names_no_thing(name: &str) -> bool {
    let name = name.trim();
    let shaped = name.chars().any(char::is_uppercase)
        && name.chars().filter(|c| c.is_alphanumeric()).count() > 1
        && !name.contains('$');
    let measure = is_credential(name) || is_unit_of_measure(name);
    if !shaped || is_currency_code(name) || measure || is_plural_acronym(name) {
        return true;
    }
    let k = key(name);
    let singular = k.strip_suffix('s').unwrap_or(&k);
    let not_things = &LISTS.not_things;
    // "Israeli-Palestinian", "Franco-German", "Russian-speaking": a people's compound.
    let people = |w: &str| gazetteer().demonym(w).is_some();
    // "EADS-led", "Chicago-based", "all-Airbus", "Structure-wise": a compound
    // adjective, its lower-case part no part of a name.
    let compound = name.split_whitespace().any(|w| {
        w.contains('-')
            && w.split('-')
                .any(|p| p.starts_with(char::is_lowercase) && p.len() > 1)
    });
    let calendar = calendar::TIME_ZONES.contains(&name) || calendar::month(&k).is_some();
    compound
        || calendar
        || names_an_actor_or_money(name, &k)
        || not_things.contains(&k)
        || not_things.contains(singular)
        || gazetteer().country(name).is_some()
        || gazetteers::is_listed_place(&name.replace('-', " "))
        || people(name)
        || name.split(['-', ' ']).any(people)
        || is_common_word_in_capitals(name, "")
}

/// Words of amounts of money ("N.Z. Dlrs", "Ecus"): a currency is no thing.
const MONEY_WORDS: [&str; 10] = [
    "dlr",
    "dlrs",
    "dollar",
    "dollars",
    "ecu",
    "ecus",
    "eurodollar",
    "eurodollars",
    "stg",
    "yen",
];

/// Whether a name the tagger typed MISC is a company or organisation it mistyped ("Airbus
/// Industrie" when listed), a currency ("H.K. Dlrs"), or a politician's party and state
/// ("R-Iowa", "D-Cal").
fn names_an_actor_or_money(name: &str, k: &str) -> bool {
    let b = name.as_bytes();
    let affiliation = !name.contains(' ')
        && name.len() <= 10
        && b.len() > 2
        && matches!(b[0], b'R' | b'D' | b'I')
        && b[1] == b'-';
    affiliation
        || k.split(' ').any(|w| MONEY_WORDS.contains(&w))
        || gazetteer().organization(name).is_some()
        || gazetteers::is_listed_company(name)
}

/// Whether a name the tagger typed MISC, which names no actor, names a thing (a product,
/// an index, a programme, an event, a work: "MacBook Air", "Dow Jones", "Dreamliner"):
/// no name [`names_no_thing`] rules out, and a known thing or no one-word adjective of
/// a people, a language or a region ("Kestrian", "English", "Western").
pub fn misc_names_a_thing(name: &str) -> bool {
    if names_no_thing(name) {
        return false;
    }
    if is_thing_name(name) || extends_thing_name(name) {
        return true;
    }
    let k = key(name);
    let singular = k.strip_suffix('s').unwrap_or(&k);
    let adjective = ADJECTIVE_ENDINGS.iter().any(|e| singular.ends_with(e))
        || (singular.ends_with("an") && singular.len() >= 5);
    // "Mario Brodersohn": a given name and a surname, a person the tagger mistyped.
    let words: Vec<&str> = name.split_whitespace().collect();
    let person = words.len() == 2 && gazetteers::is_given_name(words[0]);
    (k.contains(' ') || !adjective) && !person
}

/// Whether the name is an academic degree or credential ("PhD", "M.D.").
pub fn is_credential(name: &str) -> bool {
    LISTS.credentials.contains(&key(name))
}

/// Whether `word`, right before a name, says the name is a thing ("game" in "the game
/// Minecraft"). Only lower-case words count: "Game" opens a name.
pub fn thing_noun_before(word: &str) -> bool {
    LISTS.before.contains(word)
}

/// Whether `word` before a run of Title Case words says the run is a title ("the 1968
/// work My Name as Though It Were Written on the Surface of the Moon"): a thing noun,
/// or "work", which right before a single name is too often the verb or the job.
pub fn title_noun_before(word: &str) -> bool {
    word == "work" || thing_noun_before(word)
}

/// Whether `word`, right after a name, says the name is a thing ("dress" in "her Oscar
/// dress").
pub fn thing_noun_after(word: &str) -> bool {
    LISTS.after.contains(word)
}

/// Whether a mention of `name` right before `after` names no actor but a thing called
/// after it: a print edition ("the New York edition") or a government security
/// ("Treasury bonds", "the 10-year Treasury note"). Only this mention: "New York" or
/// "the Treasury" may act elsewhere in the text.
pub fn names_a_thing_before(name: &str, after: &str) -> bool {
    let lists = &*LISTS;
    lists.edition_after.contains(after)
        || (matches!(
            key(name).as_str(),
            "treasury" | "treasuries" | "us treasury"
        ) && lists.security_after.contains(after))
}

/// Whether `word`, right after a name, makes it a publication's name ("New York
/// magazine"): an organisation, also when the name is a place's.
pub fn publication_noun_after(word: &str) -> bool {
    LISTS.publication_after.contains(word)
}

/// Whether a name is a unit of measure ("GHz", "kWh"), which after a number is no name.
pub fn is_unit_of_measure(name: &str) -> bool {
    LISTS.units.contains(name.to_lowercase().as_str())
}

/// Whether `code`, right before a name, is a model number that makes the name a
/// product's ("the 787 Dreamliner", "Boeing 787 Dreamliners", "A350 XWB"): up to three
/// capitals, an optional hyphen, then two digits or more ("A350", "F-35"; not "Q3", nor
/// a part number such as "CF6-80C2", after which a maker's name may follow: "CF6-80C2 GE
/// engines"), or a number of three digits or more that is no year, after a capitalised
/// word or "the" ("Boeing 787"; not "60 Kessel", "in 2009 Kessel"), which `previous` is.
pub fn is_model_code(code: &str, previous: Option<&str>) -> bool {
    let letters = code.chars().take_while(char::is_ascii_uppercase).count();
    let rest = &code[letters..];
    let digits = rest
        .strip_prefix('-')
        .filter(|_| letters > 0)
        .unwrap_or(rest);
    if letters > 3 || digits.len() < 2 || !digits.chars().all(|c| c.is_ascii_digit()) {
        return false;
    }
    if letters > 0 {
        return true;
    }
    let year = code.len() == 4
        && code
            .parse::<u32>()
            .is_ok_and(|y| (1800..=2100).contains(&y));
    let after_name = previous.is_some_and(|w| {
        w.eq_ignore_ascii_case("the") || w.starts_with(|c: char| c.is_uppercase())
    });
    digits.len() >= 3 && !year && after_name
}

/// Words a title may keep in lower case ("A Paradise Built in Hell").
const SMALL: [&str; 17] = [
    "a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "by", "as", "with",
    "from", "that",
];

/// Whether a quoted passage (without its quotation marks) is the title of a work: one
/// to twelve words, every word capitalised except small ones ("A Paradise Built in
/// Hell: The Extraordinary Communities", "Temple Run,"), and no sentence inside. A
/// quoted sentence ("We will not yield.") is speech, not a title.
pub fn is_title(quoted: &str) -> bool {
    let text = quoted.trim().trim_end_matches([',', '.']);
    if text.contains(['.', '!', '?']) {
        return false;
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.is_empty() || words.len() > 12 {
        return false;
    }
    words.iter().enumerate().all(|(i, w)| {
        let bare = w.trim_matches(|c: char| !c.is_alphanumeric());
        let upper = bare.chars().next().is_some_and(|c| !c.is_lowercase());
        upper || (i > 0 && SMALL.contains(&bare))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn model_numbers_before_a_name() {
        let cases = [
            ("787", Some("the"), true),
            ("787", Some("Boeing"), true),
            ("A350", Some("new"), true),
            ("F-35", None, true),
            // Apart: small counts, years, a number after a lower-case word, plain words.
            ("60", Some("Kessel"), false),
            ("2009", Some("the"), false),
            ("1,200", Some("the"), false),
            ("787", Some("bought"), false),
            ("Tanaho", Some("the"), false),
            ("-", None, false),
            ("p.m.", Some("2"), false),
            ("Q3", Some("the"), false),
            ("CF6-80C2", Some("by"), false),
            ("-35", Some("the"), false),
            ("ABCD12", Some("the"), false),
        ];
        for (code, previous, want) in cases {
            assert_eq!(
                is_model_code(code, previous),
                want,
                "{code} after {previous:?}"
            );
        }
    }

    #[test]
    fn mentions_that_name_an_edition_or_a_security() {
        let cases = [
            ("New York", "edition", true),
            ("Asia", "editions", true),
            ("Treasury", "note", true),
            ("Treasury", "bonds", true),
            // Apart: the department acting, another name before "bonds", a place.
            ("Treasury", "said", false),
            ("Kessel Bank", "bonds", false),
            ("New York", "on", false),
            ("Senate", "bill", false),
        ];
        for (name, after, want) in cases {
            assert_eq!(names_a_thing_before(name, after), want, "{name} {after}");
        }
        assert!(is_unit_of_measure("GHz"));
        assert!(is_unit_of_measure("KWH"));
        assert!(!is_unit_of_measure("MP"));
        assert!(!is_unit_of_measure("Kessel"));
        assert!(publication_noun_after("magazine"));
        assert!(!publication_noun_after("Magazine"));
        assert!(!publication_noun_after("mayor"));
    }

    #[test]
    fn names_of_things_by_list_and_head() {
        let cases = [
            ("Obamacare", true),
            ("Brexit", true),
            ("Minecraft", true),
            ("World Cup", true),
            ("the Olympics", true),
            ("Affordable Care Act", true),
            ("First Amendment", true),
            ("Federal Flag Code", true),
            ("Treaty of Rome", true),
            ("Paris Motor Show", true),
            ("Great Depression", true),
            ("Hurricane Sandy", true),
            ("iOS", true),
            ("iTunes Music Store", true),
            ("iLife", true),
            // Organisations, places and people stay.
            ("Department of War", false),
            ("Epic Games", false),
            ("Act", false),
            ("Sarn Basin Water Commission", false),
            ("Bill Clinton", false),
            ("Walmart", false),
            ("Verizon", false),
            ("Apple", false),
            ("Kestria", false),
            ("eBay", false),
            ("IOS Partners", false),
            ("i", false),
            ("iX", false),
        ];
        for (name, want) in cases {
            assert_eq!(is_thing_name(name), want, "{name}");
        }
    }

    #[test]
    fn models_and_plurals_of_known_things() {
        let cases = [
            ("iPod Nano", true),
            ("iPods", true),
            ("Windows Vista", true),
            ("Christmas Island", true),
            // Not a known thing, or only ending like one.
            ("Nano", false),
            ("Apple iPod", false),
            ("Minecrafts Inc", false),
            ("Apple", false),
            ("Kessel", false),
        ];
        for (name, want) in cases {
            assert_eq!(extends_thing_name(name), want, "{name}");
        }
    }

    #[test]
    fn misc_names_of_things_but_not_of_peoples_or_holidays() {
        let cases = [
            ("MacBook Air", true),
            ("Dreamliner", true),
            ("Dow Jones", true),
            ("Kessel Composite Index", true),
            ("iPod Nano", true),
            ("Olympics", true),
            ("Windows Vista", true),
            ("KC-45", true),
            // Peoples, languages, faiths, holidays, regions, currencies: no things.
            ("Russian", false),
            ("Russians", false),
            ("Kestrian", false),
            ("English", false),
            ("Balinese", false),
            ("Western", false),
            ("Muslims", false),
            ("Christmas", false),
            ("Israeli-Palestinian", false),
            ("Democrats", false),
            ("US$", false),
            ("USD", false),
            ("OK", false),
            ("1990s", false),
            ("PhD", false),
            ("GHz", false),
            ("SUVs", false),
            ("C", false),
            ("US$", false),
            ("Lisk Open", true),
            ("Wi-Fi", true),
            ("EADS-led", false),
            ("Chicago-based", false),
            ("all-Kessel", false),
            ("Structure-wise", false),
            ("GMT", false),
            ("Los-Angeles", false),
            ("N.Z. Dlrs", false),
            ("Ecus", false),
            ("R-Iowa", false),
            ("D-Cal", false),
            ("Congressional", false),
            ("Ada Brodersohn", false),
            ("M-1", true),
            ("Fortune 500", true),
            ("Reform Act", true),
        ];
        for (name, want) in cases {
            assert_eq!(misc_names_a_thing(name), want, "{name}");
        }
        assert_eq!(singular_of_known("ipods"), Some("ipod"));
        assert_eq!(singular_of_known("iphones"), Some("iphone"));
        assert_eq!(singular_of_known("oscars"), None);
        assert_eq!(singular_of_known("windows"), None);
        assert_eq!(singular_of_known("kessels"), None);
    }

    #[test]
    fn credentials_and_cue_nouns() {
        assert!(is_credential("PhD"));
        assert!(is_credential("Ph.D."));
        assert!(is_credential("M.D."));
        assert!(!is_credential("Phil"));
        assert!(thing_noun_before("game"));
        assert!(!thing_noun_before("Game"));
        assert!(!thing_noun_before("president"));
        assert!(thing_noun_after("dress"));
        assert!(!thing_noun_after("said"));
    }

    #[test]
    fn quoted_titles_but_not_quoted_speech() {
        let cases = [
            ("Super Mario Run", true),
            ("Temple Run,", true),
            (
                "A Paradise Built in Hell: The Extraordinary Communities That Arise in Disaster",
                true,
            ),
            ("You Loved Me Like a Distant Star", true),
            ("We will not yield", false),
            ("We will not yield.", false),
            ("Kestria has failed. Again", false),
            ("the one on the left", false),
            ("", false),
        ];
        for (quoted, want) in cases {
            assert_eq!(is_title(quoted), want, "{quoted}");
        }
    }
}
