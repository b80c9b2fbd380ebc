//! Pronoun subjects: an entry's text, how its clause's subject refers back and the
//! discourse so far in, the text with the person the pronoun means out, or nothing when
//! no one can tell.
//!
//! On a timeline an entry is read alone, away from the sentences before it, so "He
//! says mass strandings are getting more attention" or "It ranked near the bottom"
//! tells a reader nothing about who. "He" or "she" becomes the person meant when the
//! article has just named exactly one ("Parata says ..."); two people named there, or
//! "it", "they", "this" (which may mean anything the article said), stay unresolved,
//! and the caller shows the whole sentence or no entry.

use super::participants::Discourse;
use crate::analysis::actors::Actor;
use crate::language::words::Referent;

/// Words after "this" or "these" that make it a pronoun subject ("This is what
/// happened"), not a determiner ("This discovery was").
const AFTER_STAND_IN: [&str; 12] = [
    "is", "was", "are", "were", "has", "had", "means", "meant", "came", "comes", "will", "isn",
];

/// The text with its pronoun subject replaced by the person it means; the text as it
/// is when its subject is no pronoun; `None` when the pronoun cannot be resolved.
pub fn resolve(
    text: &str,
    reference: Option<(Referent, bool)>,
    discourse: &Discourse,
    actors: &[Actor],
) -> Option<String> {
    if stand_in_opening(text) || refers_back(text) {
        return None;
    }
    let (at, word) = match reference {
        Some((_, true)) => pronoun_at(text)?,
        // a whole sentence opening with "He" or "She", or a quote "he said"
        _ => match pronoun_at(text) {
            Some((0, w)) => (0, w),
            Some((at, w)) if text.starts_with(['“', '"']) && text[..at].contains(['”', '"']) => {
                (at, w)
            }
            // "By 2017, as majority leader, he shepherded": a subject after a fronted phrase
            Some((at, w)) if text[..at].ends_with(", ") => (at, w),
            _ => return Some(text.to_string()),
        },
    };
    if !matches!(word.as_str(), "he" | "she") {
        return None;
    }
    let name = &actors.get(discourse.single_person()?)?.name;
    Some(format!("{}{name}{}", &text[..at], &text[at + word.len()..]))
}

/// Whether the text holds a phrase that leans on what came before ("these two
/// issues", "calls that into question"): no one can resolve it.
fn refers_back(text: &str) -> bool {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    crate::language::reference::refers_back(&words)
}

/// Whether the text opens with "This is", "These were", "It ...", "They ...", "Its"
/// or "Their": a pronoun standing for what came before.
fn stand_in_opening(text: &str) -> bool {
    let mut words = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty());
    let first = words.next().unwrap_or("").to_lowercase();
    let second_word = words.next().unwrap_or("");
    let second = second_word.to_lowercase();
    // "Their husky glow faded", not "Its general secretary, Orla Quinn, said"
    let named = std::iter::once(second_word)
        .chain(words.take(4))
        .any(|w| w.starts_with(char::is_uppercase));
    matches!(first.as_str(), "it" | "they")
        || (matches!(first.as_str(), "its" | "their") && !named)
        || (matches!(first.as_str(), "this" | "these") && AFTER_STAND_IN.contains(&second.as_str()))
}

/// The byte position and lower-case form of the first subject pronoun of the text.
fn pronoun_at(text: &str) -> Option<(usize, String)> {
    let mut at = 0;
    for word in text.split_inclusive(|c: char| !c.is_alphanumeric()) {
        let w = word.trim_end_matches(|c: char| !c.is_alphanumeric());
        let lower = w.to_lowercase();
        if matches!(lower.as_str(), "he" | "she" | "it" | "they") {
            return Some((at, lower));
        }
        at += word.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::ActorKind;
    use crate::analysis::entities::{Entity, EntityType};

    fn actor(id: usize, name: &str) -> Actor {
        Actor::plain(id, name, ActorKind::Person)
    }

    #[test]
    fn he_and_she_become_the_one_person_just_named() {
        let actors = [actor(0, "Ana Varela"), actor(1, "Petra Holm")];
        let mention = |start, id| Entity {
            start,
            end: start + 1,
            kind: EntityType::Per,
            actor: Some(id),
        };
        let mut one = Discourse::default();
        one.update(&[mention(0, 0)], &actors, &[]);
        let mut two = Discourse::default();
        two.update(&[mention(0, 0), mention(5, 1)], &actors, &[]);
        let person = Some((Referent::Person, true));
        let cases = [
            (
                "He says the talks failed",
                person,
                &one,
                Some("Ana Varela says the talks failed"),
            ),
            (
                "By 2017, as minister, she signed the deal",
                person,
                &one,
                Some("By 2017, as minister, Ana Varela signed the deal"),
            ),
            ("He says the talks failed", person, &two, None),
            (
                "It ranked near the bottom",
                Some((Referent::Thing, true)),
                &one,
                None,
            ),
            ("This is what happened in the buyout", None, &one, None),
            // an object that refers back cannot be resolved: no entry shows it
            (
                "Varela told the council she would settle these two disputes",
                None,
                &one,
                None,
            ),
            ("A new audit calls that into question", None, &one, None),
            (
                "This discovery was the foundation",
                None,
                &one,
                Some("This discovery was the foundation"),
            ),
            (
                "Varela signed the deal",
                None,
                &one,
                Some("Varela signed the deal"),
            ),
            (
                "“We act,” she said",
                None,
                &one,
                Some("“We act,” Ana Varela said"),
            ),
            ("“We act,” she said", None, &two, None),
            ("By May, as minister, she signed it", None, &two, None),
            ("Their husky glow faded by the 1960s", None, &one, None),
            (
                "Its chief, Orla Quinn, said the deal held",
                None,
                &one,
                Some("Its chief, Orla Quinn, said the deal held"),
            ),
        ];
        for (text, reference, discourse, want) in cases {
            assert_eq!(
                resolve(text, reference, discourse, &actors).as_deref(),
                want,
                "{text}"
            );
        }
    }
}
