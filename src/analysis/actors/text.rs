//! Words and names: the article's prose and sentences in, word tokens with byte spans,
//! paragraph numbers and normalised names out.
//!
//! The actor passes reason over a few words around each mention ("US Secretary of
//! State", "Lavrov said", "according to"), so a light tokenizer is enough: runs of
//! letters and digits, keeping acronym dots ("U.S."), hyphens ("open-door") and inner
//! apostrophes ("O'Brien"), with the possessive "'s" split off as a token of its own.
//! Every other non-space character is a one-character token. Offsets stay byte offsets
//! into the prose, as everywhere in analysis.

use super::super::sentences::Sentence;
use crate::language::names::{self, is_apostrophe};

/// A word or punctuation mark: a byte range of the prose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Token {
    pub start: usize,
    pub end: usize,
}

/// The prose with its sentences cut into tokens, and which paragraph each sentence is in.
pub(super) struct Doc<'a> {
    pub prose: &'a str,
    pub sentences: &'a [Sentence],
    /// Tokens of each sentence (empty for a sentence whose span is not in the prose).
    pub tokens: Vec<Vec<Token>>,
    /// Paragraph number of each sentence: a line break between two sentences starts a new one.
    pub paragraphs: Vec<usize>,
}

impl<'a> Doc<'a> {
    pub fn new(prose: &'a str, sentences: &'a [Sentence]) -> Self {
        let tokens = sentences
            .iter()
            .map(|s| tokenize(prose, s.start, s.end))
            .collect();
        let mut paragraphs = Vec::with_capacity(sentences.len());
        let mut current = 0;
        for (i, s) in sentences.iter().enumerate() {
            if i > 0 {
                let gap = prose.get(sentences[i - 1].end..s.start).unwrap_or("\n");
                if gap.contains('\n') {
                    current += 1;
                }
            }
            paragraphs.push(current);
        }
        Doc {
            prose,
            sentences,
            tokens,
            paragraphs,
        }
    }

    /// The text of a token.
    pub fn word(&self, token: Token) -> &'a str {
        self.prose.get(token.start..token.end).unwrap_or("")
    }

    /// The text of a byte range, or "" if it is not one.
    pub fn slice(&self, start: usize, end: usize) -> &'a str {
        self.prose.get(start..end).unwrap_or("")
    }

    /// The sentence holding byte `at`.
    pub fn sentence_at(&self, at: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.end <= at);
        self.sentences.get(i).filter(|s| s.start <= at).map(|_| i)
    }

    /// Index of the first token of sentence `s` that starts at or after byte `at`.
    pub fn token_from(&self, s: usize, at: usize) -> usize {
        self.tokens[s].partition_point(|t| t.start < at)
    }

    /// Index of the first token of sentence `s` that ends after byte `at`.
    pub fn token_after(&self, s: usize, at: usize) -> usize {
        self.tokens[s].partition_point(|t| t.end <= at)
    }
}

/// Cuts `prose[start..end]` into tokens; an invalid range gives none.
pub(super) fn tokenize(prose: &str, start: usize, end: usize) -> Vec<Token> {
    let Some(text) = prose.get(start..end) else {
        return Vec::new();
    };
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let byte = |i: usize| chars.get(i).map_or(text.len(), |&(b, _)| b);
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].1;
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let from = i;
        if c.is_alphanumeric() {
            i = word_end(&chars, i);
        } else if is_apostrophe(c)
            && chars.get(i + 1).is_some_and(|&(_, n)| n == 's' || n == 'S')
            && !chars.get(i + 2).is_some_and(|&(_, n)| n.is_alphanumeric())
        {
            i += 2;
        } else {
            i += 1;
        }
        out.push(Token {
            start: start + byte(from),
            end: start + byte(i),
        });
    }
    out
}

/// End (exclusive char index) of the word starting at char `i`.
fn word_end(chars: &[(usize, char)], mut i: usize) -> usize {
    let at = |k: usize| chars.get(k).map(|&(_, c)| c);
    let mut segment = 0; // letters since the last dot, to keep acronym dots only
    let mut dotted = false;
    while let Some(c) = at(i) {
        if c.is_alphanumeric() {
            segment += 1;
            i += 1;
            continue;
        }
        let next_alnum = at(i + 1).is_some_and(char::is_alphanumeric);
        let joins = match c {
            '-' | '\u{2010}' | '&' => next_alnum,
            '.' if segment == 1 && next_alnum => {
                dotted = true;
                true
            }
            // The closing dot of an acronym such as "U.S.".
            '.' if segment == 1 && dotted => {
                i += 1;
                break;
            }
            c if is_apostrophe(c) => {
                let possessive = matches!(at(i + 1), Some('s' | 'S'))
                    && !at(i + 2).is_some_and(char::is_alphanumeric);
                next_alnum && !possessive
            }
            _ => false,
        };
        if !joins {
            break;
        }
        if c == '.' {
            segment = 0;
        }
        i += 1;
    }
    i
}

/// Whether a word starts with an uppercase letter or a digit-free acronym ("Lavrov", "US", "U.S.").
pub(super) fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Whether a token is a word (starts with a letter or digit).
pub(super) fn is_word(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_alphanumeric)
}

/// Whether a token is the possessive "'s" (or a lone apostrophe after a plural).
pub(super) fn is_possessive(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(is_apostrophe) && matches!(chars.next(), None | Some('s' | 'S'))
}

/// A mention's text as a display name: whitespace collapsed, quotes, a possessive, a
/// leading courtesy title and a leading "the" removed ("the U.S.'s" -> "U.S.", "Mr. Lavrov" -> "Lavrov");
/// soft hyphens and brackets without their pair dropped ("Vladi\u{ad}mir" -> "Vladimir",
/// "Te Kaurinui Robert) Parata" -> "Te Kaurinui Robert Parata").
pub(super) fn clean_name(text: &str) -> String {
    let text = without_stray_marks(text);
    let mut words: Vec<&str> = text.split_whitespace().collect();
    if let Some(first) = words.first()
        && words.len() > 1
        && (first.eq_ignore_ascii_case("the") || names::courtesy_title(first).is_some())
    {
        words.remove(0);
    }
    let joined = words.join(" ");
    let trimmed =
        joined.trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && !is_apostrophe(c));
    let trimmed = trimmed.trim_start_matches(|c: char| !c.is_alphanumeric());
    let without_possessive = ["'s", "\u{2019}s", "'", "\u{2019}"]
        .iter()
        .find_map(|p| trimmed.strip_suffix(p))
        .unwrap_or(trimmed);
    let name = without_possessive.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '.');
    // A trailing dot belongs only to an acronym ("U.S."), not to a sentence.
    if name.ends_with('.') && !name.trim_end_matches('.').contains('.') {
        name.trim_end_matches('.').to_string()
    } else {
        name.to_string()
    }
}

/// `text` without soft hyphens and, when its brackets do not pair up, without brackets.
fn without_stray_marks(text: &str) -> std::borrow::Cow<'_, str> {
    let opens = text.matches('(').count();
    let closes = text.matches(')').count();
    let brackets = opens != closes;
    if !text.contains('\u{ad}') && !brackets {
        return std::borrow::Cow::Borrowed(text);
    }
    text.chars()
        .filter(|&c| c != '\u{ad}' && !(brackets && (c == '(' || c == ')')))
        .collect::<String>()
        .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text, 0, text.len())
            .iter()
            .map(|t| &text[t.start..t.end])
            .collect()
    }

    #[test]
    fn tokens_keep_acronyms_hyphens_and_split_possessives() {
        let cases: [(&str, &[&str]); 6] = [
            ("The U.S. said.", &["The", "U.S.", "said", "."]),
            (
                "Russia's open-door policy",
                &["Russia", "'s", "open-door", "policy"],
            ),
            (
                "Mr. O'Brien, 'aggression'",
                &["Mr", ".", "O'Brien", ",", "'", "aggression", "'"],
            ),
            (
                "NATO\u{2019}s “plan”",
                &["NATO", "\u{2019}s", "\u{201c}", "plan", "\u{201d}"],
            ),
            ("the allies' view", &["the", "allies", "'", "view"]),
            ("1,00,000 troops", &["1", ",", "00", ",", "000", "troops"]),
        ];
        for (text, want) in cases {
            assert_eq!(words(text), want, "{text}");
        }
    }

    #[test]
    fn names_are_cleaned_and_keyed() {
        let cases = [
            ("the U.S.'s", "U.S.", "us"),
            ("Mr. Lavrov", "Lavrov", "lavrov"),
            ("NATO\u{2019}s", "NATO", "nato"),
            ("  Sergey\n Lavrov ", "Sergey Lavrov", "sergey lavrov"),
            ("The United States", "United States", "united states"),
            ("\"Kremlin", "Kremlin", "kremlin"),
            ("Washington.", "Washington", "washington"),
            ("Vladi\u{ad}mir Putin", "Vladimir Putin", "vladimir putin"),
            (
                "Te Kaurinui Robert) Parata",
                "Te Kaurinui Robert Parata",
                "te kaurinui robert parata",
            ),
            ("Ana (Nan) Ruiz", "Ana (Nan) Ruiz", "ana nan ruiz"),
        ];
        for (text, name, key) in cases {
            assert_eq!(clean_name(text), name, "{text}");
            assert_eq!(names::key(&clean_name(text)), key, "{text}");
        }
    }

    #[test]
    fn paragraphs_follow_line_breaks() {
        let prose = "One. Two.\n\nThree.";
        let sentences = [
            Sentence {
                start: 0,
                end: 4,
                kind: super::super::super::SentenceKind::Prose,
            },
            Sentence {
                start: 5,
                end: 9,
                kind: super::super::super::SentenceKind::Prose,
            },
            Sentence {
                start: 11,
                end: 17,
                kind: super::super::super::SentenceKind::Prose,
            },
        ];
        let doc = Doc::new(prose, &sentences);
        assert_eq!(doc.paragraphs, [0, 0, 1]);
        assert_eq!(doc.sentence_at(12), Some(2));
        assert_eq!(doc.sentence_at(4), None);
    }
}
