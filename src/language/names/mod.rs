//! Names: a name as written in, its comparison key and its parts out (titles before it,
//! corporate suffixes after it, initials, acronyms, surname particles, spelling variants).
//!
//! The key is what "the same name" means everywhere: within one article (merging
//! mentions into actors), across the site (merging actors into actor pages) and in URLs.
//! It is the name transliterated to ASCII, lower case, with the dots of acronyms and the
//! apostrophes of "O'Brien" dropped and any other punctuation a word break, and without
//! a leading "the": "The U.S." -> "us", "Sérgey Lávrov" -> "sergey lavrov",
//! "Ukraine-Russia" -> "ukraine russia". Finer questions (is "Lavrov" the "Sergey
//! Lavrov" of the paragraph before?) are [`super::identity`]'s.

pub mod spelling;

/// What a word before a person's name is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Title {
    /// A courtesy title ("Mr", "Dr"): never part of the name, never a role.
    Courtesy,
    /// An office or rank ("President", "Gen"): not part of the name, but a role.
    Office,
}

/// Words written before a person's name that are not part of it, as capitalised in
/// text, without a final dot ("Mr." and "Mr" alike).
pub const HONORIFICS: [(&str, Title); 44] = [
    ("Mr", Title::Courtesy),
    ("Mrs", Title::Courtesy),
    ("Ms", Title::Courtesy),
    ("Miss", Title::Courtesy),
    ("Mx", Title::Courtesy),
    ("Dr", Title::Courtesy),
    ("Sir", Title::Courtesy),
    ("Dame", Title::Courtesy),
    ("Madam", Title::Courtesy),
    ("Mme", Title::Courtesy),
    ("Herr", Title::Courtesy),
    ("Frau", Title::Courtesy),
    ("Prof", Title::Office),
    ("Professor", Title::Office),
    ("Lord", Title::Office),
    ("Lady", Title::Office),
    ("Gen", Title::Office),
    ("General", Title::Office),
    ("Col", Title::Office),
    ("Colonel", Title::Office),
    ("Lt", Title::Office),
    ("Capt", Title::Office),
    ("Captain", Title::Office),
    ("Sgt", Title::Office),
    ("Adm", Title::Office),
    ("Admiral", Title::Office),
    ("Sen", Title::Office),
    ("Senator", Title::Office),
    ("Rep", Title::Office),
    ("Gov", Title::Office),
    ("Governor", Title::Office),
    ("President", Title::Office),
    ("Minister", Title::Office),
    ("Chancellor", Title::Office),
    ("King", Title::Office),
    ("Queen", Title::Office),
    ("Prince", Title::Office),
    ("Princess", Title::Office),
    ("Pope", Title::Office),
    ("Rev", Title::Office),
    ("Sheikh", Title::Office),
    ("Judge", Title::Office),
    ("Justice", Title::Office),
    ("Mayor", Title::Office),
];

/// Corporate suffixes that do not change which company a name denotes ("Apple Inc.").
pub const CORPORATE_SUFFIXES: [&str; 17] = [
    "inc",
    "incorporated",
    "corp",
    "corporation",
    "co",
    "company",
    "ltd",
    "limited",
    "llc",
    "plc",
    "nv",
    "ag",
    "sa",
    "gmbh",
    "spa",
    "group",
    "holdings",
];

/// Particles that belong to the surname that follows them ("Osama bin Laden",
/// "Charles de Gaulle", "Ludwig van Beethoven"), lower case.
pub const SURNAME_PARTICLES: [&str; 17] = [
    "bin", "ibn", "al", "el", "van", "von", "der", "den", "de", "da", "di", "du", "del", "della",
    "dos", "das", "ter",
];

/// Function words skipped when taking a name's initials ("Bank of England" -> "BE").
const NOT_INITIALLED: [&str; 6] = ["of", "the", "and", "for", "on", "in"];

/// The comparison key of a name (see the module docs); a name with no letter or digit
/// keeps its trimmed lower-case text, so that it still has a key.
pub fn key(name: &str) -> String {
    let joined: String = name
        .chars()
        .filter(|&c| c != '.' && !is_apostrophe(c))
        .collect();
    let slug = slug::slugify(joined);
    let mut words: Vec<&str> = slug.split('-').filter(|w| !w.is_empty()).collect();
    if words.len() > 1 && words[0] == "the" {
        words.remove(0);
    }
    if words.is_empty() {
        return name.trim().to_lowercase();
    }
    words.join(" ")
}

/// Whether a character is an apostrophe (straight or typographic).
pub fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// The title a word is, as written before a name ("Mr", "Mr.", "President"); a title
/// written in capitals ("MR") counts too.
pub fn title(word: &str) -> Option<Title> {
    let word = word.strip_suffix('.').unwrap_or(word);
    HONORIFICS
        .iter()
        .find(|(t, _)| {
            *t == word || (word.len() > 1 && t.eq_ignore_ascii_case(word) && is_upper(word))
        })
        .map(|&(_, kind)| kind)
}

/// The courtesy title a word is, in its listed spelling ("Mr." -> "Mr").
pub fn courtesy_title(word: &str) -> Option<&'static str> {
    let word = word.strip_suffix('.').unwrap_or(word);
    HONORIFICS
        .iter()
        .find(|(t, kind)| *kind == Title::Courtesy && *t == word)
        .map(|&(t, _)| t)
}

/// Whether a key word ([`key`]) is a title ("mr", "president").
pub fn is_title_key(word: &str) -> bool {
    HONORIFICS.iter().any(|(t, _)| t.eq_ignore_ascii_case(word))
}

fn is_upper(word: &str) -> bool {
    !word.chars().any(char::is_lowercase)
}

/// Whether a key word is a corporate suffix ("inc", "plc").
pub fn is_corporate_suffix(word: &str) -> bool {
    CORPORATE_SUFFIXES.contains(&word)
}

/// Whether a key word is a surname particle ("bin", "van").
pub fn is_surname_particle(word: &str) -> bool {
    SURNAME_PARTICLES.contains(&word)
}

/// The initials of a multi-word name, skipping function words
/// ("North Atlantic Treaty Organization" -> "NATO", "United States Air Force" -> "USAF").
pub fn initials(name: &str) -> String {
    name.split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty() && !NOT_INITIALLED.contains(&w.to_lowercase().as_str()))
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_uppercase)
        .collect()
}

/// Whether a name is written as an acronym ("NATO", "U.S.", "USAF", "G7").
pub fn is_acronym(name: &str) -> bool {
    let letters: Vec<char> = name.chars().filter(|c| *c != '.').collect();
    letters.len() >= 2
        && letters
            .iter()
            .all(|c| c.is_uppercase() || c.is_ascii_digit())
        && letters.iter().any(|c| c.is_alphabetic())
}

/// Whether a name is an acronym in the plural: two or more capitals and a final "s"
/// ("NGOs", "SUVs", "IRAs"; not "NASA", "IBM", "Bs"). It names a class of things or
/// organisations, not one of them.
pub fn is_plural_acronym(name: &str) -> bool {
    name.strip_suffix('s').is_some_and(|stem| {
        stem.chars().count() >= 2 && stem.chars().all(|c| c.is_ascii_uppercase())
    })
}

/// The letters of an acronym without its dots ("U.S." -> "US").
pub fn acronym_letters(name: &str) -> String {
    name.chars().filter(|c| *c != '.').collect()
}

/// Whether `acronym` is written with the initials of `name` ("GM", "General Motors").
pub fn abbreviates(acronym: &str, name: &str) -> bool {
    is_acronym(acronym)
        && name.split_whitespace().nth(1).is_some()
        && initials(name) == acronym_letters(acronym)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_fold_case_accents_punctuation_and_a_leading_article() {
        let cases = [
            ("Sergey Lavrov", "sergey lavrov"),
            ("SERGEY  LAVROV.", "sergey lavrov"),
            ("Sérgey Lávrov", "sergey lavrov"),
            ("The U.S.", "us"),
            ("U.S.", "us"),
            ("O'Brien", "obrien"),
            ("O\u{2019}Brien", "obrien"),
            ("Ukraine-Russia", "ukraine russia"),
            ("The Hague", "hague"),
            ("The", "the"),
            ("Президент", "prezident"),
            ("???", "???"),
            ("AT&T", "at t"),
        ];
        for (name, want) in cases {
            assert_eq!(key(name), want, "{name}");
        }
    }

    #[test]
    fn titles_before_names() {
        let cases = [
            ("Mr", Some(Title::Courtesy)),
            ("Mr.", Some(Title::Courtesy)),
            ("MR", Some(Title::Courtesy)),
            ("Madam", Some(Title::Courtesy)),
            ("President", Some(Title::Office)),
            ("Gen.", Some(Title::Office)),
            ("mr", None),
            ("Lavrov", None),
        ];
        for (word, want) in cases {
            assert_eq!(title(word), want, "{word}");
        }
        assert_eq!(courtesy_title("Ms."), Some("Ms"));
        assert_eq!(courtesy_title("President"), None);
        assert!(is_title_key("president") && is_title_key("mme") && !is_title_key("anna"));
    }

    #[test]
    fn initials_and_acronyms() {
        let initialled = [
            ("North Atlantic Treaty Organization", "NATO"),
            ("United States Air Force", "USAF"),
            ("European Union", "EU"),
            ("Bank of England", "BE"),
        ];
        for (name, want) in initialled {
            assert_eq!(initials(name), want, "{name}");
        }
        let acronyms = [
            ("NATO", true),
            ("U.S.", true),
            ("G7", true),
            ("Nato", false),
            ("A", false),
            ("123", false),
        ];
        for (word, want) in acronyms {
            assert_eq!(is_acronym(word), want, "{word}");
        }
        let pairs = [
            ("GM", "General Motors", true),
            ("G.M.", "General Motors", true),
            ("GM", "General Mills Motors", false),
            ("GM", "Gm", false),
            ("G", "General", false),
        ];
        for (acronym, name, want) in pairs {
            assert_eq!(abbreviates(acronym, name), want, "{acronym} / {name}");
        }
    }
}
