//! Roles: the words around a person's name in, the title or function the text gives
//! them out ("US Secretary of State" Antony Blinken; Wendy Sherman, "the US Deputy
//! Secretary of State"; "State Department spokesperson" Ned Price).
//!
//! A role is a small grammar over word classes, not a list of whole titles:
//! `(modifier | head | capitalised word)* head (of|for|to|at|on [the] Capitalised+)*`.
//! Heads ("minister", "spokesperson", "CEO") and modifiers ("deputy", "foreign",
//! "former") come from `data/roles.txt`; capitalised words cover countries, demonyms
//! and organisations ("US", "Russian", "State Department"), so a role needs no
//! gazetteer entry. It is found in three places: right before the name, in an
//! apposition after it (", the ... ,") and in one before it ("The ... spokesperson, Ned
//! Price,"). A role must end with a head or a complement and touch the name; anything
//! else in between (a verb, "the", a comma) means no role, which keeps "the State
//! Department said" from lending a role to anyone.

use super::super::entities::{Entity, EntityType};
use super::lexicon::{Lexicon, lexicon};
use super::text::{Doc, is_capitalised, is_possessive, is_word};
use crate::language::{calendar, words};

/// Longest role, in tokens.
const MAX_ROLE_TOKENS: usize = 16;

/// A role found in the text: its byte span and its words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Role {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Head,
    Modifier,
    /// A capitalised word that may be part of a role: a name, a demonym, "Department".
    Cap,
    Possessive,
    Prep,
    The,
    And,
    /// A person's name (never part of another person's role).
    Person,
    Other,
}

/// Capitalised words that start sentences but never roles, beyond the stop words
/// (which `Lexicon::is_function_word` knows) and the names of weekdays and months
/// ("May" aside, a verb too): time words and sentence adverbs.
const NOT_IN_ROLES: [&str; 13] = [
    "according",
    "meanwhile",
    "however",
    "yesterday",
    "today",
    "tomorrow",
    "tonight",
    "last",
    "next",
    "earlier",
    "later",
    "said",
    "says",
];

/// Whether a capitalised word is never part of a role (see [`NOT_IN_ROLES`]).
fn never_in_roles(lower: &str) -> bool {
    NOT_IN_ROLES.contains(&lower) || (calendar::is_full_name(lower) && lower != "may")
}

/// The roles of the person mentions in sentence `s`: (entity index, role) pairs.
/// `in_sentence` lists the indices of the entities inside the sentence, in order.
pub(super) fn sentence_roles(
    doc: &Doc,
    s: usize,
    entities: &[Entity],
    in_sentence: &[usize],
) -> Vec<(usize, Role)> {
    let classes = classify(doc, s, entities, in_sentence);
    let tokens = &doc.tokens[s];
    let mut out = Vec::new();
    for &e in in_sentence {
        let entity = &entities[e];
        if entity.kind != EntityType::Per {
            continue;
        }
        let last = doc.token_after(s, entity.end);
        let first = doc.token_from(s, entity.start);
        if first >= last || last > tokens.len() {
            continue;
        }
        let first = first + title_words(doc, s, first, last);
        let found = role_before(&classes, first)
            .or_else(|| apposition_after(doc, s, &classes, last))
            .or_else(|| apposition_before(doc, s, &classes, first, last));
        if let Some((from, to)) = found {
            let (start, end) = (tokens[from].start, tokens[to - 1].end);
            let text = doc
                .slice(start, end)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            out.push((e, Role { start, end, text }));
        }
    }
    out
}

fn classify(doc: &Doc, s: usize, entities: &[Entity], in_sentence: &[usize]) -> Vec<Class> {
    let lex = lexicon();
    let mut classes: Vec<Class> = doc.tokens[s]
        .iter()
        .map(|t| {
            let inside = in_sentence
                .iter()
                .map(|&e| &entities[e])
                .find(|e| e.start <= t.start && t.end <= e.end);
            match inside {
                Some(e) if e.kind == EntityType::Per => Class::Person,
                // A tagged portfolio ("Water" in "Water and Energy Minister") is role words.
                Some(e) if !super::mentions::is_portfolio(doc.slice(e.start, e.end)) => Class::Cap,
                _ => word_class(lex, doc.word(*t)),
            }
        })
        .collect();
    // A possessor is part of a role whatever its case ("the commission's chief negotiator").
    // So is a person's name ("Trump's adviser").
    for i in 1..classes.len() {
        if classes[i] != Class::Possessive {
            continue;
        }
        if classes[i - 1] == Class::Other {
            let word = doc.word(doc.tokens[s][i - 1]);
            if word.chars().all(char::is_alphabetic) && !lex.is_function_word(word) {
                classes[i - 1] = Class::Cap;
            }
        }
        let mut k = i;
        while k > 0 && classes[k - 1] == Class::Person {
            classes[k - 1] = Class::Cap;
            k -= 1;
        }
    }
    // A tagger may take a title into a person's name ("President Arlen"): those words are role words.
    for e in in_sentence
        .iter()
        .map(|&e| &entities[e])
        .filter(|e| e.kind == EntityType::Per)
    {
        let (first, last) = (doc.token_from(s, e.start), doc.token_after(s, e.end));
        let titled = title_words(doc, s, first, last);
        for (class, token) in classes[first..first + titled]
            .iter_mut()
            .zip(&doc.tokens[s][first..])
        {
            *class = word_class(lex, doc.word(*token));
        }
    }
    classes
}

/// How many tokens at the start of a person's name `first..last` are a title
/// ("President", "Deputy Minister"), always leaving at least one word of the name.
pub(super) fn title_words(doc: &Doc, s: usize, first: usize, last: usize) -> usize {
    let lex = lexicon();
    let tokens = &doc.tokens[s];
    (first..last.min(tokens.len()).saturating_sub(1))
        .take_while(|&i| {
            let word = doc.word(tokens[i]);
            is_capitalised(word) && (lex.is_head(word) || lex.is_modifier(word))
        })
        .count()
}

fn word_class(lex: &Lexicon, word: &str) -> Class {
    let lower = word.to_lowercase();
    if lex.is_head(word) {
        Class::Head
    } else if lex.is_modifier(word) {
        Class::Modifier
    } else if is_possessive(word) {
        Class::Possessive
    } else if ["of", "for", "to", "at", "on"].contains(&word) {
        Class::Prep
    } else if word == "the" {
        Class::The
    } else if word == "and" || word == "&" {
        Class::And
    } else if is_word(word)
        && is_capitalised(word)
        && !lex.is_function_word(word)
        && !never_in_roles(&lower)
    {
        Class::Cap
    } else {
        Class::Other
    }
}

/// The longest role ending right before token `name` (token range).
fn role_before(classes: &[Class], name: usize) -> Option<(usize, usize)> {
    let lowest = name.saturating_sub(MAX_ROLE_TOKENS);
    (lowest..name)
        .find(|&from| parses_exactly(classes, from, name))
        .map(|from| (from, name))
}

/// ", [the|a|an] ROLE" followed by a comma, the sentence end or a speech verb.
fn apposition_after(
    doc: &Doc,
    s: usize,
    classes: &[Class],
    after_name: usize,
) -> Option<(usize, usize)> {
    let tokens = &doc.tokens[s];
    if tokens.get(after_name).map(|t| doc.word(*t)) != Some(",") {
        return None;
    }
    let mut from = after_name + 1;
    if tokens
        .get(from)
        .is_some_and(|t| is_determiner(doc.word(*t)))
    {
        from += 1;
    }
    let limit = (from + MAX_ROLE_TOKENS).min(tokens.len());
    let to = (from..=limit).find(|&i| {
        i == tokens.len() || {
            let word = doc.word(tokens[i]);
            [",", ".", ";", ":", ")", "\u{2014}", "\u{2013}"].contains(&word)
                || lexicon().is_speech(word)
        }
    })?;
    parses_exactly(classes, from, to).then_some((from, to))
}

/// "[The] ROLE, NAME," at the start of a clause.
fn apposition_before(
    doc: &Doc,
    s: usize,
    classes: &[Class],
    first: usize,
    last: usize,
) -> Option<(usize, usize)> {
    let tokens = &doc.tokens[s];
    let word = |i: usize| tokens.get(i).map_or("", |t| doc.word(*t));
    if first == 0 || word(first - 1) != "," {
        return None;
    }
    let closes =
        last == tokens.len() || [",", "."].contains(&word(last)) || lexicon().is_speech(word(last));
    let comma = first - 1;
    let lowest = comma.saturating_sub(MAX_ROLE_TOKENS);
    let from = (lowest..comma).find(|&from| parses_exactly(classes, from, comma))?;
    let possessor = classes.get(from + 1) == Some(&Class::Possessive);
    let opens = from == 0
        || possessor
        || is_determiner(word(from - 1))
        || [",", ":", "(", "\u{2014}", "\u{2013}", "-"].contains(&word(from - 1));
    (closes && opens).then_some((from, comma))
}

/// An article or a possessive ("the", "their", "whose"): what may stand before a role.
fn is_determiner(word: &str) -> bool {
    let lower = word.to_lowercase();
    words::is_article(&lower) || words::is_possessive(&lower) || lower == "whose"
}

/// Whether tokens `from..to` are exactly one role.
fn parses_exactly(classes: &[Class], from: usize, to: usize) -> bool {
    if from >= to || !matches!(classes[from], Class::Head | Class::Modifier | Class::Cap) {
        return false;
    }
    let mut i = from;
    while i < to {
        let role_word = |c: Class| matches!(c, Class::Head | Class::Modifier);
        match classes[i] {
            Class::Head | Class::Modifier | Class::Cap => i += 1,
            Class::Possessive if classes[i - 1] == Class::Cap => i += 1,
            // "water and energy minister"
            Class::And if role_word(classes[i - 1]) && i + 1 < to && role_word(classes[i + 1]) => {
                i += 1
            }
            _ => break,
        }
    }
    classes[i - 1] == Class::Head && complements_exactly(classes, i, to)
}

/// Whether tokens `from..to` are a run of "of/for/to/at/on [the] Capitalised+" complements.
fn complements_exactly(classes: &[Class], mut i: usize, to: usize) -> bool {
    let capital = |c: Class| matches!(c, Class::Cap | Class::Head | Class::Modifier);
    while i < to {
        if classes[i] != Class::Prep {
            return false;
        }
        i += 1;
        if i < to && classes[i] == Class::The {
            i += 1;
        }
        let start = i;
        while i < to
            && (capital(classes[i])
                || (classes[i] == Class::And && i > start && i + 1 < to && capital(classes[i + 1])))
        {
            i += 1;
        }
        if i == start {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Marks entities with [PER|...], [LOC|...], [ORG|...], [MISC|...] and returns the role of each person.
    pub(crate) fn roles_of(marked: &str) -> Vec<(String, Option<String>)> {
        let (prose, entities) = super::super::tests::parse_marked(marked);
        let sentences = super::super::tests::one_sentence(&prose);
        let doc = Doc::new(&prose, &sentences);
        let all: Vec<usize> = (0..entities.len()).collect();
        let found = sentence_roles(&doc, 0, &entities, &all);
        entities
            .iter()
            .enumerate()
            .filter(|(_, e)| e.kind == EntityType::Per)
            .map(|(i, e)| {
                let role = found
                    .iter()
                    .find(|(j, _)| *j == i)
                    .map(|(_, r)| r.text.clone());
                (prose[e.start..e.end].to_string(), role)
            })
            .collect()
    }

    #[test]
    fn roles_from_titles_and_appositions() {
        let cases: [(&str, &str, Option<&str>); 31] = [
            (
                "The [ORG|Assembly of Nations] said its special envoy for water, [PER|Mara Tan], is ready.",
                "Mara Tan",
                Some("special envoy for water"),
            ),
            (
                "Then [LOC|Kestria] and Prime Minister [PER|Celia Amar] spoke.",
                "Celia Amar",
                Some("Prime Minister"),
            ),
            (
                "Then [ORG|Water] and Energy Minister [PER|Sela Marr] spoke.",
                "Sela Marr",
                Some("Water and Energy Minister"),
            ),
            (
                "He spoke with [PER|Meranthe]'s prime minister, [PER|Celia Amar], and left.",
                "Celia Amar",
                Some("Meranthe's prime minister"),
            ),
            (
                "He spoke with [LOC|Meranthe]'s prime minister, [PER|Celia Amar], and left.",
                "Celia Amar",
                Some("Meranthe's prime minister"),
            ),
            (
                "[PER|Nadia Orsek], a hydrologist at the [ORG|University of Port Aubel], said so.",
                "Nadia Orsek",
                Some("hydrologist at the University of Port Aubel"),
            ),
            (
                "HALVIK \u{2014} [LOC|Kessel]'s water and energy minister, [PER|Ada Quint], resigned.",
                "Ada Quint",
                Some("Kessel's water and energy minister"),
            ),
            (
                "It was said by [PER|Petra Lind], the government spokeswoman.",
                "Petra Lind",
                Some("government spokeswoman"),
            ),
            (
                "[PER|Tomas Reyne], the commission's chief negotiator, said so.",
                "Tomas Reyne",
                Some("commission's chief negotiator"),
            ),
            (
                "[PER|Mara Tan], the [ORG|Assembly of Nations] special envoy for water, said so.",
                "Mara Tan",
                Some("Assembly of Nations special envoy for water"),
            ),
            (
                "[PER|Teo Kasp], leader of the opposition [ORG|Civic Alliance], called for more.",
                "Teo Kasp",
                Some("leader of the opposition Civic Alliance"),
            ),
            (
                "In [LOC|Port Aubel], [LOC|Meranthe]'s water minister, [PER|Ana Varela], said so.",
                "Ana Varela",
                Some("Meranthe's water minister"),
            ),
            (
                "Then [LOC|US] [PER|President Tom Arlen] spoke.",
                "President Tom Arlen",
                Some("US President"),
            ),
            ("[PER|General Lee] spoke.", "General Lee", Some("General")),
            (
                "[LOC|US] Secretary of State [PER|Antony Blinken] flew home.",
                "Antony Blinken",
                Some("US Secretary of State"),
            ),
            (
                "[PER|Wendy Sherman], the [LOC|US] Deputy Secretary of State, held talks.",
                "Wendy Sherman",
                Some("US Deputy Secretary of State"),
            ),
            (
                "It was confirmed by [ORG|State Department] spokesperson [PER|Ned Price] on Friday.",
                "Ned Price",
                Some("State Department spokesperson"),
            ),
            (
                "[PER|Ned Price], the [ORG|State Department] spokesperson, said so.",
                "Ned Price",
                Some("State Department spokesperson"),
            ),
            (
                "[PER|Ned Price], the [ORG|State Department] spokesperson said so.",
                "Ned Price",
                Some("State Department spokesperson"),
            ),
            (
                "They met [MISC|Russian] Foreign Minister [PER|Sergey Lavrov] twice.",
                "Sergey Lavrov",
                Some("Russian Foreign Minister"),
            ),
            (
                "This came after [LOC|US] Ambassador to [LOC|Russia] [PER|John Sullivan] left.",
                "John Sullivan",
                Some("US Ambassador to Russia"),
            ),
            (
                "He handed it to [MISC|Russian] Deputy Foreign Minister [PER|Alexander Grushko] today.",
                "Alexander Grushko",
                Some("Russian Deputy Foreign Minister"),
            ),
            (
                "[LOC|US] Under Secretary of State for Political Affairs [PER|Victoria Nuland] spoke.",
                "Victoria Nuland",
                Some("US Under Secretary of State for Political Affairs"),
            ),
            (
                "It went to [MISC|Russian] deputy foreign minister [PER|Alexander Grushko] by hand.",
                "Alexander Grushko",
                Some("Russian deputy foreign minister"),
            ),
            (
                "On Thursday, [MISC|Russian] Minister [PER|Sergey Lavrov] stated it.",
                "Sergey Lavrov",
                Some("Russian Minister"),
            ),
            (
                "The [ORG|Kremlin] spokesman, [PER|Dmitry Peskov], denied it.",
                "Dmitry Peskov",
                Some("Kremlin spokesman"),
            ),
            (
                "[PER|Mara Quint], a spokesperson for the [ORG|Harbour Authority], declined.",
                "Mara Quint",
                Some("spokesperson for the Harbour Authority"),
            ),
            (
                "[LOC|Russia]'s top diplomat [PER|Sergey Lavrov] smiled.",
                "Sergey Lavrov",
                Some("Russia's top diplomat"),
            ),
            (
                "Former [LOC|US] President [PER|Tom Arlen] and [ORG|Arlo Foods] CEO [PER|Dana Wix] met.",
                "Dana Wix",
                Some("Arlo Foods CEO"),
            ),
            (
                "The letter was presented by [PER|John Sullivan] yesterday.",
                "John Sullivan",
                None,
            ),
            (
                "On Friday [PER|Wendy Sherman] met [PER|Ned Price].",
                "Wendy Sherman",
                None,
            ),
        ];
        for (marked, person, want) in cases {
            let got = roles_of(marked);
            let role = got
                .iter()
                .find(|(name, _)| name == person)
                .map(|(_, r)| r.clone());
            assert_eq!(role, Some(want.map(String::from)), "{marked}");
        }
    }

    #[test]
    fn no_role_without_a_title_next_to_the_name() {
        let cases = [
            "The [ORG|State Department] said [PER|Ned Price] would brief.",
            "[PER|Wendy Sherman], [MISC|European] allies reviewed the reply.",
            "[PER|Tom Arlen], [PER|Dana Wix] and [PER|Mara Quint] met.",
            "The minister met [PER|Sergey Lavrov] in [LOC|Geneva].",
            "Talks between [LOC|Russia] and [PER|John Sullivan] ended.",
            "Secretary of State and [PER|Antony Blinken] are here.",
            "[PER|Sela Marrin], 49, a civil engineer who led the team, said so.",
            "The talks, which [PER|Sela Marrin] led, ended.",
        ];
        for marked in cases {
            for (name, role) in roles_of(marked) {
                assert_eq!(role, None, "{name} in {marked}");
            }
        }
    }
}
