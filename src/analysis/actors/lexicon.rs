//! Word lists the actor passes read, kept as data beside the code (`data/*.txt`):
//! role head words and modifiers, group nouns, regional adjectives and the nouns after a
//! national adjective that make the country the actor. Words of the language in general
//! (reporting verbs, stop words) are `language::words`'.
//!
//! The lists are plain text so that adding a title ("ombudsman") or a verb ("quipped")
//! is a one-line change reviewed as data, not code. They are parsed once, on first use.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use crate::language::{names, sections, words};

const ROLES: &str = include_str!("data/roles.txt");
const GROUPS: &str = include_str!("data/groups.txt");
const HEADS: &str = include_str!("data/heads.txt");

/// The parsed word lists (all lowercase except `regions` and group forms).
pub(super) struct Lexicon {
    pub heads: HashSet<String>,
    pub modifiers: HashSet<String>,
    /// Plural nouns that turn a regional adjective into a group ("allies").
    pub group_nouns: HashSet<String>,
    /// Regional adjectives as written ("European", "Latin American").
    pub regions: Vec<String>,
    /// Nouns after "Russian" that make Russia the actor ("officials").
    pub agents: HashSet<String>,
    /// Group form key -> canonical group name ("west" -> "the West").
    pub groups: HashMap<String, String>,
    /// Head nouns of place names ("dam", "river") and of organisation names ("union").
    pub place_heads: HashSet<String>,
    pub organization_heads: HashSet<String>,
    /// First words that make a name a place whatever its head ("boulevard", "mount").
    pub place_leads: HashSet<String>,
}

impl Lexicon {
    pub fn is_head(&self, word: &str) -> bool {
        self.heads
            .contains(&word.trim_end_matches('.').to_lowercase())
    }

    pub fn is_modifier(&self, word: &str) -> bool {
        self.modifiers.contains(&word.to_lowercase())
    }

    /// The kind a multi-word name's head noun gives it: the last word, or the word before
    /// "of" ("Tarsk Dam" is a place, "Assembly of Nations" an organisation); else a
    /// first word of places ("Boulevard Montmartre", "Mount Kessel").
    pub fn head_kind(&self, name: &str) -> Option<super::ActorKind> {
        let words: Vec<String> = name.split_whitespace().map(str::to_lowercase).collect();
        if words.len() < 2 {
            return None;
        }
        let head = match words.iter().position(|w| w == "of") {
            Some(i) if i > 0 => &words[i - 1],
            _ => &words[words.len() - 1],
        };
        if self.place_heads.contains(head) {
            Some(super::ActorKind::Place)
        } else if self.organization_heads.contains(head) {
            Some(super::ActorKind::Organization)
        } else if self.place_leads.contains(&words[0]) {
            Some(super::ActorKind::Place)
        } else {
            None
        }
    }

    pub fn is_speech(&self, word: &str) -> bool {
        words::is_reporting_verb(&word.to_lowercase())
    }

    /// A function word ("The", "Then", "After"), but not an acronym that spells one ("US").
    pub fn is_function_word(&self, word: &str) -> bool {
        !names::is_acronym(word) && words::is_stop_word(&word.to_lowercase())
    }
}

/// The lexicon, parsed on first use.
pub(super) fn lexicon() -> &'static Lexicon {
    static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
        let roles = sections(ROLES);
        let heads = sections(HEADS);
        let groups = sections(GROUPS);
        let set = |lines: Option<&Vec<&str>>| -> HashSet<String> {
            lines
                .into_iter()
                .flatten()
                .map(|l| l.to_lowercase())
                .collect()
        };
        let mut named = HashMap::new();
        for line in groups.get("names").into_iter().flatten() {
            let mut parts = line.split('|').map(str::trim);
            let Some(canonical) = parts.next() else {
                continue;
            };
            named.insert(names::key(canonical), canonical.to_string());
            for form in parts {
                named.insert(names::key(form), canonical.to_string());
            }
        }
        Lexicon {
            heads: set(roles.get("heads")),
            modifiers: set(roles.get("modifiers")),
            group_nouns: set(groups.get("nouns")),
            regions: groups
                .get("regions")
                .into_iter()
                .flatten()
                .map(|s| s.to_string())
                .collect(),
            agents: set(groups.get("agents")),
            groups: named,
            place_heads: set(heads.get("places")),
            organization_heads: set(heads.get("organizations")),
            place_leads: set(heads.get("place_leads")),
        }
    });
    &LEXICON
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_loaded_from_data() {
        let lex = lexicon();
        let cases = [
            (lex.is_head("Minister"), true),
            (lex.is_head("spokesperson"), true),
            (lex.is_head("CEO"), true),
            (lex.is_head("Sen."), true),
            (lex.is_head("Lavrov"), false),
            (lex.is_modifier("Deputy"), true),
            (lex.is_modifier("under"), true),
            (lex.is_modifier("the"), false),
            (lex.is_speech("told"), true),
            (lex.is_speech("handed"), false),
            (lex.agents.contains("officials"), true),
            (lex.group_nouns.contains("allies"), true),
            (lex.is_function_word("Then"), true),
            (lex.is_function_word("US"), false),
            (lex.is_function_word("Kremlin"), false),
        ];
        for (i, (got, want)) in cases.into_iter().enumerate() {
            assert_eq!(got, want, "case {i}");
        }
        assert_eq!(lex.groups.get("west").map(String::as_str), Some("the West"));
        let kinds = [
            ("Tarsk Dam", Some(super::super::ActorKind::Place)),
            (
                "Emmer Delta Farmers' Union",
                Some(super::super::ActorKind::Organization),
            ),
            (
                "Assembly of Nations",
                Some(super::super::ActorKind::Organization),
            ),
            (
                "Bank of England",
                Some(super::super::ActorKind::Organization),
            ),
            ("Boulevard Montmartre", Some(super::super::ActorKind::Place)),
            ("Mount Kessel", Some(super::super::ActorKind::Place)),
            ("Ninety Mile Beach", Some(super::super::ActorKind::Place)),
            (
                "Boulevard Records Company",
                Some(super::super::ActorKind::Organization),
            ),
            ("Anna Boulevard", None),
            ("Dam", None),
            ("Ada Quint", None),
        ];
        for (name, want) in kinds {
            assert_eq!(lex.head_kind(name), want, "{name}");
        }
        assert!(lex.regions.iter().any(|r| r == "European"));
    }
}
