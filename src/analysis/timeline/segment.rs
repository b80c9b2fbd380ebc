//! Clause segments: a sentence's tokens (and its verb groups) in, the segments it
//! splits into at clause boundaries, each with its role, out.
//!
//! Boundaries that need no parser: semicolons, dashes, colons, a full stop inside a
//! quoted passage, a comma before a clause word (", while", ", but", ", saying") or a
//! participle (", seeking"), and subordinators ("because", "when", "that"). Relative
//! clauses ("who led the walkout", "which Kestria began filling", "that had been due")
//! are marked with the segment holding their antecedent, and so are participle clauses
//! after a subject ("The bridge, built in 1932,"); the rest of a clause they interrupt
//! ("..., told lawmakers on Thursday") is marked with the segment it continues, so that
//! a clause can be put back together around its subject.

use crate::analysis::timex::scan::{Kind, Token};
use crate::analysis::timex::verbs::NOT_PAST;
use crate::language::words::{
    RELATIVE_PRONOUNS, SUBORDINATORS, is_abbreviation, is_determiner, is_preposition,
    is_reporting_verb,
};

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
    /// An adverbial clause set off by a comma (", until the flow rises,"); what
    /// follows its closing comma continues segment `of`.
    Adverbial { of: usize },
    /// A participle clause after a subject ("The commission, set up in 1987 to manage
    /// the river,"): what it says is background about segment `of`'s last words, and
    /// what follows its closing comma continues segment `of`.
    Participle { of: usize },
}

/// Tokens `[a, b)` of the sentence and their role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment {
    pub a: usize,
    pub b: usize,
    pub role: Role,
}

/// Words that start a new clause after a comma.
const AFTER_COMMA: [&str; 3] = ["but", "according", "so"];

/// Verbs whose complement opens with "as" ("served as ambassador", "named as").
const AS_VERBS: [&str; 14] = [
    "served",
    "serves",
    "serve",
    "named",
    "appointed",
    "elected",
    "ousted",
    "replaced",
    "hired",
    "installed",
    "confirmed",
    "nominated",
    "described",
    "regarded",
];

/// Words before "after"/"before" that make it part of a time phrase ("a day after").
const SPAN_WORDS: [&str; 16] = [
    "day", "days", "hour", "hours", "week", "weeks", "month", "months", "year", "years", "minutes",
    "shortly", "soon", "just", "long", "moments",
];

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

    /// Whether token `i`, in lower case, is in a class of `language::words`.
    pub fn is(&self, i: usize, class: fn(&str) -> bool) -> bool {
        class(&self.text(i).to_lowercase())
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
            if let Role::Relative { of }
            | Role::Continuation { of }
            | Role::Adverbial { of }
            | Role::Participle { of } = role
                && (out.is_empty() || of >= out.len())
            {
                role = Role::Clause;
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
    merge_phrases(words, verbs, out)
}

/// Joins back what only looked like a clause: a verbless "until June 30" or "as the
/// dam's maximum" is a prepositional phrase of the segment before it (and so is the
/// rest of that segment after the phrase's comma).
fn merge_phrases(words: &Words, verbs: &[(usize, usize)], segs: Vec<Segment>) -> Vec<Segment> {
    let tokens = words.tokens;
    let has_verb = |s: &Segment| {
        (s.a..s.b).any(|k| {
            verbs
                .iter()
                .any(|&(vs, ve)| vs <= tokens[k].start && tokens[k].end <= ve)
        })
    };
    let mut out: Vec<Segment> = Vec::with_capacity(segs.len());
    let mut map = Vec::with_capacity(segs.len());
    let mut absorb: Option<usize> = None;
    for s in segs {
        let phrase = words.is_any(s.a, SUBORDINATORS) && !has_verb(&s);
        let continues = matches!(s.role, Role::Continuation { of } if Some(of) == absorb);
        if let Some(last) = out.last_mut().filter(|_| phrase || continues) {
            last.b = s.b;
            absorb = match s.role {
                Role::Adverbial { of } if phrase => Some(of),
                _ => None,
            };
            map.push(out.len() - 1);
            continue;
        }
        absorb = None;
        let remap = |of: usize| map.get(of).copied().unwrap_or(0);
        let role = match s.role {
            Role::Relative { of } => Role::Relative { of: remap(of) },
            Role::Continuation { of } => Role::Continuation { of: remap(of) },
            Role::Adverbial { of } => Role::Adverbial { of: remap(of) },
            Role::Participle { of } => Role::Participle { of: remap(of) },
            other => other,
        };
        map.push(out.len());
        out.push(Segment { role, ..s });
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
    let antecedent = closed.saturating_sub(1);
    if matches!(t, ";" | "—" | "–")
        || (t == ":" && !between_digits(words, i))
        || inner_full_stop(words, i)
    {
        return Some((i, i + 1, Role::Clause));
    }
    if t == "," {
        // "While the West has expressed alarm, Russia has dismissed ...": the opening
        // adverbial clause ends at its comma
        let opening_clause = count == 0
            && words.is_any(start, SUBORDINATORS)
            && !span_phrase(words, start)
            && (start..i).any(|k| is_verb(words, verbs, k));
        if opening_clause {
            return Some((i, i + 1, Role::Clause));
        }
        if words.is_any(i + 1, RELATIVE_PRONOUNS) {
            return Some((i, i + 1, Role::Relative { of: antecedent }));
        }
        if words.is_any(i + 1, &AFTER_COMMA) || participle(words, i + 1) {
            return Some((i, i + 1, Role::Clause));
        }
        // only right after the subject: not after an apposition ("Howard, a monarchist
        // himself, promised to") or a relative clause, whose comma the verb follows
        let subject_only = count == 0
            && role == Role::Clause
            && !(start..i).any(|k| words.text(k) == "," || is_verb(words, verbs, k));
        if subject_only && past_participle(words, i + 1) {
            return Some((i, i + 1, Role::Participle { of: antecedent }));
        }
        if words.is_any(i + 1, SUBORDINATORS) && !span_phrase(words, i + 1) {
            return Some((i, i + 1, Role::Adverbial { of: antecedent }));
        }
        if let Role::Relative { of } | Role::Adverbial { of } | Role::Participle { of } = role {
            return Some((i, i + 1, Role::Continuation { of }));
        }
        return None;
    }
    if i == start {
        return None;
    }
    if coordinated_clause(words, verbs, start, i) {
        return Some((i, i, Role::Clause));
    }
    let verb_follows = words
        .tokens
        .get(i + 1)
        .is_some_and(|n| verbs.iter().any(|&(s, _)| s == n.start));
    if words.is_any(i, RELATIVE_PRONOUNS) || (words.is_any(i, &["that"]) && verb_follows) {
        return Some((i, i, Role::Relative { of: antecedent }));
    }
    if words.is_any(i, &["that"]) {
        return Some((i, i, Role::Complement));
    }
    // "was ousted as vice-president", "was described as": the verb's complement
    let complement = words.is_any(i, &["as"])
        && is_verb(words, verbs, i - 1)
        && (words.is_any(
            i.saturating_sub(2),
            &["was", "were", "is", "are", "been", "be"],
        ) || words.is_any(i - 1, &AS_VERBS));
    (words.is_any(i, SUBORDINATORS) && !span_phrase(words, i) && !complement).then_some((
        i,
        i,
        Role::Clause,
    ))
}

/// "Boeing will begin production in 2006 and the aircraft should enter service in 2008",
/// "The A380 first flew in 2005 and is expected to enter service this year": "and" or
/// "but" after a clause, before a verb or a determined subject and its verb, starts a
/// clause of its own (not "France and Germany signed", "said France and Germany were").
fn coordinated_clause(words: &Words, verbs: &[(usize, usize)], start: usize, i: usize) -> bool {
    if !words.is_any(i, &["and", "but"]) || !(start..i).any(|k| is_verb(words, verbs, k)) {
        return false;
    }
    if is_verb(words, verbs, i + 1) {
        return true;
    }
    let determined =
        words.is(i + 1, is_determiner) || words.is_any(i + 1, &["he", "she", "they", "it", "we"]);
    determined
        && (i + 2..i + 6).any(|k| is_verb(words, verbs, k))
        && (i + 1..i + 6)
            .take_while(|&k| !is_verb(words, verbs, k))
            .all(|k| words.is_word(k) && !words.is(k, is_preposition))
}

/// "a day after", "hours before", "shortly after": a time phrase, not a new clause.
fn span_phrase(words: &Words, i: usize) -> bool {
    words.is_any(i, &["after", "before"]) && i > 0 && words.is_any(i - 1, &SPAN_WORDS)
}

/// ", seeking to end ...": a participle after a comma starts a clause.
fn participle(words: &Words, i: usize) -> bool {
    let w = words.text(i);
    words.is_word(i)
        && w.len() > 5
        && w.ends_with("ing")
        && w.starts_with(|c: char| c.is_lowercase())
}

/// Whether token `k` is inside one of the verb groups.
fn is_verb(words: &Words, verbs: &[(usize, usize)], k: usize) -> bool {
    words
        .tokens
        .get(k)
        .is_some_and(|t| verbs.iter().any(|&(s, e)| s <= t.start && t.end <= e))
}

/// ", set up in 1987", ", founded by three farmers", ", born in 1950": a past
/// participle and the preposition or particle that starts its complement (not a
/// reporting verb: ", said Ana Varela" is an attribution).
fn past_participle(words: &Words, i: usize) -> bool {
    let w = words.text(i);
    let form = (w.len() >= 5 && w.ends_with("ed") && !NOT_PAST.contains(&w))
        || IRREGULAR_PARTICIPLES.contains(&w);
    words.is_word(i)
        && w.starts_with(|c: char| c.is_lowercase())
        && form
        && !words.is(i, is_reporting_verb)
        && words.is_any(i + 1, &PARTICLES)
}

/// Irregular past participles that open background clauses.
pub const IRREGULAR_PARTICIPLES: [&str; 24] = [
    "set", "built", "born", "made", "held", "known", "chosen", "given", "taken", "written", "led",
    "won", "seen", "shown", "sold", "put", "run", "kept", "brought", "bought", "found", "paid",
    "sent", "begun",
];

/// Words that follow a participle in a background clause ("set up in", "founded by").
const PARTICLES: [&str; 20] = [
    "in", "on", "at", "by", "to", "for", "from", "with", "up", "down", "out", "off", "over",
    "under", "into", "as", "after", "during", "last", "earlier",
];

/// "...opportunity. I have asked...": a full stop inside a quoted passage (not the
/// period of "U.N. General Assembly" or "Mr. Warner").
fn inner_full_stop(words: &Words, i: usize) -> bool {
    let next = words.tokens.get(i + 1);
    let prev = words.text(i.wrapping_sub(1));
    let abbreviation = i > 0
        && !words.tokens[i].space_before
        && ((prev.chars().count() == 1 && prev.starts_with(char::is_uppercase))
            || is_abbreviation(prev));
    matches!(words.text(i), "." | "?" | "!")
        && !(words.text(i) == "." && abbreviation)
        && next.is_some_and(|n| n.space_before && words.text(i + 1).starts_with(char::is_uppercase))
}

fn between_digits(words: &Words, i: usize) -> bool {
    let number = |k: usize| words.tokens.get(k).is_some_and(|t| t.kind == Kind::Number);
    i > 0 && number(i - 1) && number(i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::timex::scan::tokenize_numbers;

    /// Segments as (text, role) for a sentence, with "led", "told", "had been" as verbs.
    fn segments(text: &str) -> Vec<(String, Role)> {
        let mut tokens = Vec::new();
        tokenize_numbers(text, 0, text.len(), &mut tokens);
        let verbs: Vec<(usize, usize)> = [
            "led",
            "told",
            "had",
            "said",
            "collapsed",
            "rises",
            "have",
            "presented",
            "rose",
            "described",
            "was",
            "fell",
            "sailed",
            "sold",
            "signed",
        ]
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
    fn participle_clauses_after_a_subject_are_background() {
        let got = segments("The bridge, built in 1932 by the city, was closed on Monday.");
        let want = [
            ("The bridge", Role::Clause),
            ("built in 1932 by the city", Role::Participle { of: 0 }),
            ("was closed on Monday.", Role::Continuation { of: 0 }),
        ];
        let want: Vec<(String, Role)> = want.iter().map(|(t, r)| (t.to_string(), *r)).collect();
        assert_eq!(got, want);
        let cases = [
            "Prices rose, helped by demand in May.",
            "Ana Varela, a lawyer herself, promised to act.",
            "The envoy, who led the talks in 1990, followed in May.",
            "The envoy, who served as an adviser in the 1990s, followed in May.",
            "The union, said Ana Varela, was ready.",
            "The ferry, the largest in the fleet, left in May.",
        ];
        for text in cases {
            assert!(
                segments(text)
                    .iter()
                    .all(|(_, r)| !matches!(r, Role::Participle { .. })),
                "{text}: {:?}",
                segments(text)
            );
        }
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
                "Ana told the U.N. General Assembly that she sold it.",
                vec!["Ana told the U.N. General Assembly", "that she sold it."],
            ),
            (
                "The difference, Mr. Holm said, was small.",
                vec!["The difference, Mr. Holm said, was small."],
            ),
            (
                "The stranding was described as unprecedented.",
                vec!["The stranding was described as unprecedented."],
            ),
            (
                "It rose as the river fell.",
                vec!["It rose", "as the river fell."],
            ),
            (
                "Prices rose, and costs fell.",
                vec!["Prices rose, and costs fell."],
            ),
            (
                "Prices rose in May and the costs fell in June.",
                vec!["Prices rose in May", "and the costs fell in June."],
            ),
            (
                "The ferry sailed in May and was sold in June.",
                vec!["The ferry sailed in May", "and was sold in June."],
            ),
            (
                "Lisk and Orvel have signed the accord.",
                vec!["Lisk and Orvel have signed the accord."],
            ),
            (
                "He resigned, a day after the memo leaked.",
                vec!["He resigned, a day after the memo leaked."],
            ),
            (
                "They will stay, until the flow rises, and return later.",
                vec![
                    "They will stay",
                    "until the flow rises",
                    "and return later.",
                ],
            ),
            (
                "The two sides have until June 30, 2026, to agree on a text.",
                vec!["The two sides have until June 30, 2026, to agree on a text."],
            ),
            (
                "Kestria presented its figure as the maximum.",
                vec!["Kestria presented its figure as the maximum."],
            ),
            (
                "The guild, which has about 2,400 members on the river, said the walkout had ended.",
                vec![
                    "The guild",
                    "which has about 2,400 members on the river",
                    "said the walkout had ended.",
                ],
            ),
        ];
        for (text, want) in cases {
            let got: Vec<String> = segments(text).into_iter().map(|(t, _)| t).collect();
            assert_eq!(got, want, "{text}");
        }
    }
}
