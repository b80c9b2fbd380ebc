//! Function words: a word in, its class out (article, determiner, pronoun, preposition,
//! conjunction, auxiliary, reporting verb, stop word).
//!
//! The stages reason without a part-of-speech tagger, over a few words around a name or
//! a date ("the US Secretary of State", "Lavrov said", "on Wednesday"), so each of them
//! needs to know which words are grammar and not content. The classes are kept here
//! once; a stage that needs a narrower selection for its own purpose (the words after
//! which a role may start, the words that cut a timeline clause) composes it from these
//! classes, so adding a pronoun or a reporting verb is one change seen by every stage.
//! Tables are lower case; the `is_*` functions take lower-case words.

use std::collections::HashSet;
use std::sync::LazyLock;

use rustc_hash::FxHashSet;

/// Articles: "the", "a", "an".
pub const ARTICLES: &[&str] = &["the", "a", "an"];

/// Possessive determiners ("their talks").
pub const POSSESSIVE_DETERMINERS: &[&str] = &["my", "your", "his", "her", "its", "our", "their"];

/// Demonstratives, as determiners or pronouns ("this week", "these were").
pub const DEMONSTRATIVES: &[&str] = &["this", "that", "these", "those"];

/// Personal pronouns in the subject case.
pub const PERSONAL_PRONOUNS: &[&str] = &["i", "you", "he", "she", "it", "we", "they"];

/// Indefinite pronouns that can be a whole subject ("nothing changes").
pub const INDEFINITE_PRONOUNS: &[&str] = &[
    "nothing",
    "everything",
    "something",
    "anything",
    "everyone",
    "someone",
    "anyone",
    "nobody",
    "everybody",
    "somebody",
];

/// Relative pronouns that open a clause about the noun before them ("the envoy, who ...").
pub const RELATIVE_PRONOUNS: &[&str] = &["who", "whom", "whose", "which"];

/// Prepositions (one word), the common ones of news English.
pub const PREPOSITIONS: &[&str] = &[
    "about",
    "above",
    "across",
    "after",
    "against",
    "along",
    "amid",
    "among",
    "around",
    "as",
    "at",
    "before",
    "behind",
    "below",
    "beside",
    "between",
    "beyond",
    "by",
    "despite",
    "down",
    "during",
    "for",
    "from",
    "in",
    "inside",
    "into",
    "near",
    "of",
    "off",
    "on",
    "onto",
    "outside",
    "over",
    "per",
    "since",
    "through",
    "throughout",
    "till",
    "to",
    "toward",
    "towards",
    "under",
    "until",
    "up",
    "upon",
    "via",
    "with",
    "within",
    "without",
];

/// Coordinating conjunctions.
pub const COORDINATORS: &[&str] = &["and", "but", "or", "nor", "so", "yet"];

/// Subordinating conjunctions that open an adverbial clause ("while", "because", "after").
pub const SUBORDINATORS: &[&str] = &[
    "while", "whereas", "although", "though", "because", "after", "before", "when", "where",
    "unless", "since", "until", "if", "as",
];

/// Auxiliary and modal verbs.
pub const AUXILIARIES: &[&str] = &[
    "am", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does",
    "did", "will", "would", "shall", "should", "can", "could", "may", "might", "must",
];

/// Sentence connectives that tie a sentence to the one before ("However, ...").
pub const CONNECTIVES: &[&str] = &[
    "however",
    "meanwhile",
    "moreover",
    "furthermore",
    "further",
    "also",
    "then",
    "still",
    "nevertheless",
    "instead",
];

/// Phrases of more than one word that tie a sentence to the one before when they open
/// it, set off by a comma ("In addition, ...", "For example, ...").
pub const CONNECTIVE_PHRASES: &[&str] = &[
    "in addition",
    "in addition to this",
    "in addition to that",
    "in fact",
    "for example",
    "for instance",
    "of course",
    "in other words",
    "after all",
    "as a result",
    "in turn",
    "by contrast",
    "in contrast",
    "indeed",
    "likewise",
    "similarly",
    "besides",
];

/// Words for a feeling after "be" ("she was surprised", "we are pleased"): a state,
/// no event.
pub const FEELINGS: &[&str] = &[
    "surprised",
    "shocked",
    "stunned",
    "disappointed",
    "pleased",
    "delighted",
    "happy",
    "glad",
    "sad",
    "upset",
    "concerned",
    "worried",
    "excited",
    "proud",
    "sorry",
    "confident",
    "optimistic",
    "saddened",
    "thrilled",
    "frustrated",
];

/// Whether a lower-case word names a feeling ([`FEELINGS`]).
pub fn is_feeling(word: &str) -> bool {
    FEELINGS.contains(&word)
}

/// Words that Title Case leaves in lower case ("Department of Design and Construction").
pub const TITLE_SMALL_WORDS: &[&str] = &[
    "a", "after", "amid", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "nor",
    "of", "off", "on", "onto", "or", "over", "per", "so", "than", "the", "to", "up", "via", "vs",
    "with", "yet",
];

/// Words that keep a following period in news text ("Gen.", "Calif.", "Jan."), sorted
/// for binary search, written as they are capitalised.
pub const ABBREVIATIONS: [&str; 91] = [
    "Adm", "Ala", "Apr", "Ariz", "Ark", "Aug", "Ave", "Bhd", "Blvd", "Bros", "Calif", "Capt",
    "Cmdr", "Co", "Col", "Colo", "Conn", "Corp", "Cpl", "Dec", "Del", "Dept", "Dr", "Feb", "Fla",
    "Fri", "Ft", "Ga", "Gen", "Gov", "Hon", "Ill", "Inc", "Ind", "Jan", "Jr", "Jul", "Jun", "Kan",
    "Ky", "La", "Lt", "Ltd", "Maj", "Mar", "Mass", "Md", "Messrs", "Mich", "Minn", "Miss", "Mo",
    "Mon", "Mr", "Mrs", "Ms", "Mt", "Neb", "Nev", "No", "Nov", "Oct", "Okla", "Ore", "Pa", "Penn",
    "Ph", "Plc", "Prof", "Pty", "Rep", "Rev", "Sat", "Sen", "Sep", "Sept", "Sgt", "Sr", "St",
    "Sun", "Tenn", "Thu", "Thurs", "Tue", "Tues", "Va", "Wash", "Wed", "Wis", "etc", "vs",
];

/// Jobs of the people who write the news, for telling an author's bio from the story
/// ("He joined The Times in 2007 as a feature writer").
pub const JOURNALISM_ROLES: &[&str] = &[
    "writer",
    "reporter",
    "correspondent",
    "columnist",
    "journalist",
    "editor",
    "contributor",
    "photographer",
    "producer",
    "freelancer",
];

/// Nouns a year names rather than dates when a determiner comes first ("the 2025
/// bonds", "the 2020 model", "its 2019 budget").
pub const DATED_NAME_NOUNS: &[&str] = &[
    "bond",
    "bonds",
    "notes",
    "debentures",
    "securities",
    "model",
    "models",
    "edition",
    "budget",
    "version",
];

/// Past forms of verbs that describe a state, not an event ("They seemed futuristic",
/// "The price remained high").
pub const STATIVE_PAST: &[&str] = &[
    "seemed",
    "appeared",
    "looked",
    "remained",
    "stayed",
    "felt",
    "sounded",
    "resembled",
    "belonged",
    "owned",
    "knew",
    "believed",
    "meant",
    "lived",
    "existed",
    "wanted",
    "liked",
    "hoped",
    "needed",
];

/// Parts of a publication that a weekday can name ("the Sunday Business section").
pub const PUBLICATION_PARTS: &[&str] = &[
    "section",
    "edition",
    "supplement",
    "magazine",
    "review",
    "show",
    "programme",
    "program",
    "paper",
    "column",
];

/// Whether a lower-case word is a part of a publication (see [`PUBLICATION_PARTS`]).
pub fn is_publication_part(word: &str) -> bool {
    PUBLICATION_PARTS.contains(&word)
}

/// Whether a lower-case word is a journalist's job ("reporter", "columnist").
pub fn is_journalism_role(word: &str) -> bool {
    JOURNALISM_ROLES.contains(&word)
}

/// Whether a lower-case word is a noun that a year before it names (see [`DATED_NAME_NOUNS`]).
pub fn is_dated_name_noun(word: &str) -> bool {
    DATED_NAME_NOUNS.contains(&word)
}

/// Common words often written in capitals, which a tagger takes for names but which
/// never name anyone ("We're OK with it", "make a computer do XYZ", "Circa 2011").
pub const COMMON_WORDS_IN_CAPITALS: &[&str] =
    &["ok", "okay", "xyz", "asap", "fyi", "lol", "diy", "faq"];

/// Whether a name is only a common word written in capitals ([`COMMON_WORDS_IN_CAPITALS`]),
/// or "circa" before a year ("Circa 2011"), whose capital opened a line.
pub fn is_common_word_in_capitals(name: &str, after: &str) -> bool {
    let word = name.trim().trim_end_matches('.').to_lowercase();
    let circa = word == "circa" && after.trim_start().starts_with(|c: char| c.is_ascii_digit());
    COMMON_WORDS_IN_CAPITALS.contains(&word.as_str()) || circa
}

const REPORTING_VERBS: &str = include_str!("data/reporting_verbs.txt");
const REFERRING_NOUNS: &str = include_str!("data/referring_nouns.txt");

/// What a referring noun ("the officials", "the company") stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Referent {
    /// Several people or parties: "the officials", "the two sides", "they".
    People,
    /// One person: "the minister", "he".
    Person,
    /// One organisation: "the company", "the airline".
    Organization,
    /// A thing with a name: "the plane", "the index", "the deal".
    Thing,
}

/// What a lower-case noun stands for when "the" makes it refer back to an actor named
/// before ("the officials", "the company"), or what a personal pronoun stands for.
pub fn referent(word: &str) -> Option<Referent> {
    static TABLE: LazyLock<std::collections::HashMap<&'static str, Referent>> =
        LazyLock::new(|| {
            let mut out = std::collections::HashMap::new();
            for (section, words) in super::sections(REFERRING_NOUNS) {
                let kind = match section {
                    "people" => Referent::People,
                    "person" => Referent::Person,
                    "organization" => Referent::Organization,
                    "thing" => Referent::Thing,
                    _ => continue,
                };
                for w in words {
                    out.insert(w, kind);
                }
            }
            out
        });
    match word {
        "he" | "she" | "him" | "her" => Some(Referent::Person),
        "they" | "them" | "we" => Some(Referent::People),
        "it" => Some(Referent::Thing),
        _ => TABLE.get(word).copied(),
    }
}

/// Whether a word is "the", "a" or "an".
pub fn is_article(word: &str) -> bool {
    ARTICLES.contains(&word)
}

/// Whether a word is a possessive determiner ("their").
pub fn is_possessive(word: &str) -> bool {
    POSSESSIVE_DETERMINERS.contains(&word)
}

/// Whether a word is a determiner: an article, a possessive or a demonstrative.
pub fn is_determiner(word: &str) -> bool {
    is_article(word) || is_possessive(word) || DEMONSTRATIVES.contains(&word)
}

/// Whether a word is a one-word preposition.
pub fn is_preposition(word: &str) -> bool {
    PREPOSITIONS.contains(&word)
}

/// Whether a word is an auxiliary or modal verb.
pub fn is_auxiliary(word: &str) -> bool {
    AUXILIARIES.contains(&word)
}

/// Stems of verbs that tell the news of the day when told in the present with "today"
/// ("Today the lab is launching its program"), where "is enjoying a revival today" is
/// a state.
const NEWS_OF_THE_DAY_STEMS: &[&str] = &[
    "launch", "announc", "releas", "unveil", "introduc", "publish", "open", "begin", "start",
    "debut",
];

/// Whether a word is a present form of a verb that tells the news of the day
/// ("launching", "announces", "opens", "begins").
pub fn is_news_of_the_day_verb(word: &str) -> bool {
    NEWS_OF_THE_DAY_STEMS.iter().any(|stem| {
        word.strip_prefix(stem)
            .is_some_and(|rest| matches!(rest, "" | "e" | "es" | "s" | "ing" | "ning"))
    })
}

/// Whether a word is a form of a verb that reports speech ("said", "told", "warns").
pub fn is_reporting_verb(word: &str) -> bool {
    static SET: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
        REPORTING_VERBS
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    });
    SET.contains(word)
}

/// Whether a word is an English stop word (NLTK's list, from the `stop-words` crate):
/// the words that carry no topic, for comparing texts by their content words.
pub fn is_stop_word(word: &str) -> bool {
    static SET: LazyLock<FxHashSet<&'static str>> =
        LazyLock::new(|| stop_words::get("en").iter().copied().collect());
    SET.contains(word)
}

/// Whether a word ends with a period that belongs to it ("Gen", "Calif", also "GEN"):
/// `stem` is the word without its period.
pub fn is_abbreviation(stem: &str) -> bool {
    ABBREVIATIONS.binary_search(&stem).is_ok()
        || (stem.bytes().all(|b| b.is_ascii_uppercase())
            && ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(stem)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_fall_in_their_classes() {
        type Class = fn(&str) -> bool;
        let cases: [(&str, Class, bool); 16] = [
            ("the", is_article, true),
            ("this", is_article, false),
            ("their", is_possessive, true),
            ("those", is_determiner, true),
            ("whose", is_determiner, false),
            ("amid", is_preposition, true),
            ("and", is_preposition, false),
            ("might", is_auxiliary, true),
            ("said", is_reporting_verb, true),
            ("warns", is_reporting_verb, true),
            ("handed", is_reporting_verb, false),
            ("Said", is_reporting_verb, false),
            ("themselves", is_stop_word, true),
            ("kremlin", is_stop_word, false),
            ("Gen", is_abbreviation, true),
            ("GEN", is_abbreviation, true),
        ];
        for (word, class, want) in cases {
            assert_eq!(class(word), want, "{word}");
        }
        assert!(!is_abbreviation("Lavrov"));
        let capitals = [
            ("OK", " with this", true),
            ("Okay", ", he said", true),
            ("XYZ", " for me", true),
            ("Circa", " 2011", true),
            ("Circa", " Ventures said", false),
            ("Okafor", " said", false),
            ("CA", " 94025", false),
            ("ABC", " reported", false),
        ];
        for (name, after, want) in capitals {
            assert_eq!(
                is_common_word_in_capitals(name, after),
                want,
                "{name}{after}"
            );
        }
        let referents = [
            ("officials", Some(Referent::People)),
            ("company", Some(Referent::Organization)),
            ("minister", Some(Referent::Person)),
            ("plane", Some(Referent::Thing)),
            ("she", Some(Referent::Person)),
            ("they", Some(Referent::People)),
            ("river", None),
        ];
        for (word, want) in referents {
            assert_eq!(referent(word), want, "{word}");
        }
    }

    #[test]
    fn tables_are_lower_case_and_without_repeats() {
        let tables: [&[&str]; 13] = [
            COMMON_WORDS_IN_CAPITALS,
            ARTICLES,
            POSSESSIVE_DETERMINERS,
            DEMONSTRATIVES,
            PERSONAL_PRONOUNS,
            INDEFINITE_PRONOUNS,
            RELATIVE_PRONOUNS,
            PREPOSITIONS,
            COORDINATORS,
            SUBORDINATORS,
            AUXILIARIES,
            CONNECTIVES,
            TITLE_SMALL_WORDS,
        ];
        for table in tables {
            let set: HashSet<&&str> = table.iter().collect();
            assert_eq!(set.len(), table.len(), "{table:?}");
            assert!(table.iter().all(|w| w.to_lowercase() == *w), "{table:?}");
        }
        assert!(
            ABBREVIATIONS.is_sorted(),
            "binary search needs a sorted table"
        );
    }
}
