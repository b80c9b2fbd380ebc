//! Clause segments: a sentence's tokens (and its verb groups) in, the segments it
//! splits into at clause boundaries, each with its role, out.
//!
//! Boundaries that need no parser: semicolons, dashes, colons, a full stop inside a
//! quoted passage, a comma before a clause word (", while", ", but", ", saying") or a
//! participle (", seeking"), and subordinators ("because", "when", "that"). Relative
//! clauses ("who led the walkout", "which Kestria began filling", "that had been due")
//! are marked with the segment holding their antecedent, and the rest of a clause
//! they interrupt ("..., told lawmakers on Thursday") with the segment it continues,
//! so that a clause can be put back together around its subject.

use crate::analysis::timex::scan::{Kind, Token};

/// What a segment is to the sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A clause of its own (main or subordinate).
    Clause,
    /// A relative clause; segment `of` ends with its antecedent.
    Relative { of: usize },
    /// The rest of a clause that a relative clause interrupted: continues segment `of`.
    Continuation { of: usize },
    /// A "that" clause completing the segment before it ("said that ...").
    Complement,
}

/// Tokens `[a, b)` of the sentence and their role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment {
    pub a: usize,
    pub b: usize,
    pub role: Role,
}

/// Words that start a new clause after a comma.
const AFTER_COMMA: [&str; 17] = [
    "while",
    "but",
    "although",
    "though",
    "whereas",
    "as",
    "after",
    "before",
    "when",
    "because",
    "according",
    "where",
    "unless",
    "since",
    "until",
    "if",
    "so",
];

/// Words that start a new clause without a comma.
const SUBORDINATORS: [&str; 6] = ["while", "whereas", "although", "because", "after", "when"];

const RELATIVE_PRONOUNS: [&str; 4] = ["who", "whom", "whose", "which"];

/// Read access to one sentence's tokens.
pub struct Words<'a> {
    pub prose: &'a str,
    pub tokens: &'a [Token],
}

impl Words<'_> {
    pub fn text(&self, i: usize) -> &str {
        self.tokens
            .get(i)
            .map_or("", |t| &self.prose[t.start..t.end])
    }

    /// Whether token `i` is one of `words` (ASCII case-insensitive).
    pub fn is_any(&self, i: usize, words: &[&str]) -> bool {
        let t = self.text(i);
        words.iter().any(|w| t.eq_ignore_ascii_case(w))
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| t.kind == Kind::Word)
    }
}

/// The segments of a sentence, in order, covering all its tokens.
pub fn split(words: &Words, verbs: &[(usize, usize)]) -> Vec<Segment> {
    let n = words.tokens.len();
    let mut out: Vec<Segment> = Vec::new();
    let (mut start, mut role) = (0, Role::Clause);
    for i in 0..n {
        let cut = boundary(words, verbs, i, start, role, out.len());
        if let Some((end, next_start, next_role)) = cut {
            if end > start {
                out.push(Segment {
                    a: start,
                    b: end,
                    role,
                });
            }
            (start, role) = (next_start, next_role);
            // a relative clause needs its antecedent's segment
            if let Role::Relative { of } | Role::Continuation { of } = role {
                if out.is_empty() || of >= out.len() {
                    role = Role::Clause;
                }
            }
        }
    }
    if start < n {
        out.push(Segment {
            a: start,
            b: n,
            role,
        });
    }
    out
}

/// Whether token `i` ends the current segment: (end of the segment, start of the
/// next one, the next one's role). `count` is the number of segments so far.
fn boundary(
    words: &Words,
    verbs: &[(usize, usize)],
    i: usize,
    start: usize,
    role: Role,
    count: usize,
) -> Option<(usize, usize, Role)> {
    let t = words.text(i);
    let closed = count + usize::from(i > start); // index the next segment's antecedent gets
    let antecedent = closed.checked_sub(1).unwrap_or(0);
    if matches!(t, ";" | "—" | "–")
        || (t == ":" && !between_digits(words, i))
        || inner_full_stop(words, i)
    {
        return Some((i, i + 1, Role::Clause));
    }
    if t == "," {
        if words.is_any(i + 1, &RELATIVE_PRONOUNS) {
            return Some((i, i + 1, Role::Relative { of: antecedent }));
        }
        if words.is_any(i + 1, &AFTER_COMMA) || participle(words, i + 1) {
            return Some((i, i + 1, Role::Clause));
        }
        if let Role::Relative { of } = role {
            return Some((i, i + 1, Role::Continuation { of }));
        }
        return None;
    }
    if i == start {
        return None;
    }
    let verb_follows = words
        .tokens
        .get(i + 1)
        .is_some_and(|n| verbs.iter().any(|&(s, _)| s == n.start));
    if words.is_any(i, &RELATIVE_PRONOUNS) || (words.is_any(i, &["that"]) && verb_follows) {
        return Some((i, i, Role::Relative { of: antecedent }));
    }
    if words.is_any(i, &["that"]) {
        return Some((i, i, Role::Complement));
    }
    words
        .is_any(i, &SUBORDINATORS)
        .then_some((i, i, Role::Clause))
}

/// ", seeking to end ...": a participle after a comma starts a clause.
fn participle(words: &Words, i: usize) -> bool {
    let w = words.text(i);
    words.is_word(i)
        && w.len() > 5
        && w.ends_with("ing")
        && w.starts_with(|c: char| c.is_lowercase())
}

/// "...opportunity. I have asked...": a full stop inside a quoted passage.
fn inner_full_stop(words: &Words, i: usize) -> bool {
    let next = words.tokens.get(i + 1);
    matches!(words.text(i), "." | "?" | "!")
        && next.is_some_and(|n| n.space_before && words.text(i + 1).starts_with(char::is_uppercase))
}

fn between_digits(words: &Words, i: usize) -> bool {
    let number = |k: usize| words.tokens.get(k).is_some_and(|t| t.kind == Kind::Number);
    i > 0 && number(i - 1) && number(i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::timex::scan::tokenize;

    /// Segments as (text, role) for a sentence, with "led", "told", "had been" as verbs.
    fn segments(text: &str) -> Vec<(String, Role)> {
        let mut tokens = Vec::new();
        tokenize(text, 0, text.len(), &mut tokens);
        let verbs: Vec<(usize, usize)> = ["led", "told", "had", "said", "collapsed"]
            .iter()
            .flat_map(|v| {
                text.match_indices(v)
                    .map(|(i, m)| (i, i + m.len()))
                    .collect::<Vec<_>>()
            })
            .collect();
        let words = Words {
            prose: text,
            tokens: &tokens,
        };
        split(&words, &verbs)
            .into_iter()
            .map(|s| {
                (
                    text[tokens[s.a].start..tokens[s.b - 1].end].to_string(),
                    s.role,
                )
            })
            .collect()
    }

    #[test]
    fn relative_clauses_know_their_antecedent_and_continuation() {
        let got = segments(
            "Ana Varela, who led the walkout, told lawmakers on Thursday that the offer was low.",
        );
        let want = [
            ("Ana Varela", Role::Clause),
            ("who led the walkout", Role::Relative { of: 0 }),
            ("told lawmakers on Thursday", Role::Continuation { of: 0 }),
            ("that the offer was low.", Role::Complement),
        ];
        let want: Vec<(String, Role)> = want.iter().map(|(t, r)| (t.to_string(), *r)).collect();
        assert_eq!(got, want);
    }

    #[test]
    fn boundaries() {
        let cases = [
            (
                "The talks ended; the envoys left.",
                vec!["The talks ended", "the envoys left."],
            ),
            (
                "Talks opened, seeking an end to the dispute.",
                vec!["Talks opened", "seeking an end to the dispute."],
            ),
            (
                "It was a session that had been due to end.",
                vec!["It was a session", "that had been due to end."],
            ),
            (
                "\"It is late. We must act,\" she said.",
                vec!["\"It is late", "We must act,\" she said."],
            ),
            ("At 10:30 the vote began.", vec!["At 10:30 the vote began."]),
            (
                "Prices rose, and costs fell.",
                vec!["Prices rose, and costs fell."],
            ),
        ];
        for (text, want) in cases {
            let got: Vec<String> = segments(text).into_iter().map(|(t, _)| t).collect();
            assert_eq!(got, want, "{text}");
        }
    }
}
