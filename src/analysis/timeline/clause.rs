//! The clause a date belongs to: a sentence and a time expression in, the clause's
//! byte range and a text that reads on its own ("Sullivan handed Grushko the reply")
//! out.
//!
//! A sentence is cut into segments at clause boundaries that need no parser:
//! semicolons, dashes, a comma before a clause word (", which", ", while", ", but"),
//! and subordinators ("after", "because", "that"). The segment holding the date is
//! the clause; a segment without a verb (or too short to stand alone) is joined to
//! its neighbour, and "stated" keeps the "that ..." it introduces. The text then
//! loses what only frames it: leading connectives ("However,", "In addition to
//! this,"), the date itself when it is a fronted or prepositional phrase ("On
//! Thursday,", "on Wednesday"), and anything past a word limit.

use crate::analysis::timex::scan::{Kind, Token, tokenize};

/// Words past which a clause text is cut (with an ellipsis).
const MAX_WORDS: usize = 30;

/// Words that start a new clause after a comma.
const AFTER_COMMA: [&str; 19] = [
    "which",
    "who",
    "whom",
    "whose",
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
    "saying",
    "adding",
    "according",
    "where",
    "unless",
];

/// Words that start a new clause even without a comma.
const SUBORDINATORS: [&str; 9] = [
    "which", "who", "while", "whereas", "although", "because", "after", "that", "when",
];

/// Connectives dropped from the start of a clause text.
const CONNECTIVES: [&str; 22] = [
    "and",
    "but",
    "which",
    "who",
    "that",
    "while",
    "whereas",
    "although",
    "though",
    "as",
    "when",
    "because",
    "however",
    "further",
    "furthermore",
    "moreover",
    "meanwhile",
    "also",
    "so",
    "then",
    "yet",
    "after",
];

/// A clause: byte range in the text and its cleaned-up words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// The clause of `prose[sentence]` that holds the expression `timex`, or `None` if it
/// holds no verb (a heading, a caption, a list item).
pub fn around(
    prose: &str,
    sentence: (usize, usize),
    timex: (usize, usize),
    verbs: &[(usize, usize)],
) -> Option<Clause> {
    let mut tokens = Vec::new();
    tokenize(prose, sentence.0, sentence.1, &mut tokens);
    let first = tokens.iter().position(|t| t.end > timex.0)?;
    let last = tokens
        .iter()
        .rposition(|t| t.start < timex.1)
        .unwrap_or(first)
        .max(first);
    let bounds = segments(prose, &tokens);
    let seg = bounds.iter().position(|&(a, b)| a <= first && first < b)?;
    let (mut a, mut b) = bounds[seg];
    if word(prose, &tokens[a]) == "according" {
        return None; // ", according to X in a briefing on Friday": the source, not the event
    }
    b = b.max(last + 1);
    let has_verb = |a: usize, b: usize| {
        verbs
            .iter()
            .any(|&(vs, ve)| vs >= tokens[a].start && ve <= tokens[b - 1].end)
    };
    let words = |a: usize, b: usize| {
        tokens[a..b]
            .iter()
            .filter(|t| t.kind != Kind::Punct)
            .count()
    };
    let (mut lo, mut hi) = (seg, seg);
    while !has_verb(a, b) || words(a, b) < 5 {
        if lo > 0 {
            lo -= 1;
            a = bounds[lo].0;
        } else if hi + 1 < bounds.len() {
            hi += 1;
            b = bounds[hi].1;
        } else {
            break;
        }
    }
    if !has_verb(a, b) {
        return None;
    }
    // "Lavrov stated" + "that Russia is analysing the response"
    if hi + 1 < bounds.len()
        && word(prose, &tokens[bounds[hi + 1].0]) == "that"
        && ends_in_verb(&tokens[a..b], verbs)
    {
        b = bounds[hi + 1].1;
    }
    let keep = cleaned(prose, &tokens, a, b, (first, last + 1));
    let text = render(prose, &tokens, &keep);
    let (start, end) = (tokens[a].start, tokens[b - 1].end);
    (!text.is_empty()).then_some(Clause { start, end, text })
}

fn word(prose: &str, t: &Token) -> String {
    prose[t.start..t.end].to_ascii_lowercase()
}

/// Segment boundaries as token ranges `[a, b)` covering the sentence.
fn segments(prose: &str, tokens: &[Token]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, t) in tokens.iter().enumerate() {
        let text = &prose[t.start..t.end];
        let next = tokens
            .get(i + 1)
            .map(|n| word(prose, n))
            .unwrap_or_default();
        let cut_after = matches!(text, ";" | "—" | "–")
            || (text == ":" && !between_digits(tokens, i))
            || (text == "," && AFTER_COMMA.contains(&next.as_str()));
        let cut_before = i > start
            && SUBORDINATORS.contains(&word(prose, t).as_str())
            && !prev_is_comma(prose, tokens, i);
        if cut_after {
            if i > start {
                out.push((start, i));
            }
            start = i + 1;
        } else if cut_before {
            out.push((start, i));
            start = i;
        }
    }
    if start < tokens.len() {
        out.push((start, tokens.len()));
    }
    out
}

fn between_digits(tokens: &[Token], i: usize) -> bool {
    i > 0
        && tokens.get(i + 1).is_some_and(|n| n.kind == Kind::Number)
        && tokens[i - 1].kind == Kind::Number
}

fn prev_is_comma(prose: &str, tokens: &[Token], i: usize) -> bool {
    i > 0 && &prose[tokens[i - 1].start..tokens[i - 1].end] == ","
}

/// Whether the last word of `tokens` belongs to a verb group ("stated", "said").
fn ends_in_verb(tokens: &[Token], verbs: &[(usize, usize)]) -> bool {
    tokens
        .iter()
        .rev()
        .find(|t| t.kind == Kind::Word)
        .is_some_and(|t| verbs.iter().any(|&(s, e)| s <= t.start && t.end <= e))
}

/// The token indices of `[a, b)` that stay in the text: without leading connectives,
/// the fronted or prepositional date `timex`, and surplus words.
fn cleaned(prose: &str, tokens: &[Token], a: usize, b: usize, timex: (usize, usize)) -> Vec<usize> {
    let Some(a) = skip_connectives(prose, tokens, a, b) else {
        return Vec::new();
    };
    let dropped = date_phrase(prose, tokens, a, b, timex);
    let mut keep: Vec<usize> = (a..b).filter(|k| !dropped.contains(k)).collect();
    let mut words = 0;
    let cut = keep.iter().position(|&k| {
        words += usize::from(tokens[k].kind != Kind::Punct);
        words > MAX_WORDS
    });
    if let Some(cut) = cut {
        keep.truncate(cut);
    }
    let closing = |k: usize| {
        matches!(
            &prose[tokens[k].start..tokens[k].end],
            ")" | "\"" | "”" | "'" | "’"
        )
    };
    while keep
        .last()
        .is_some_and(|&k| tokens[k].kind == Kind::Punct && !closing(k))
    {
        keep.pop();
    }
    if cut.is_some() {
        keep.push(usize::MAX); // ellipsis marker
    }
    keep
}

/// The first token of `[a, b)` after connectives and punctuation ("However,", "and",
/// "In addition to this,"), or `None` if nothing is left.
fn skip_connectives(prose: &str, tokens: &[Token], mut a: usize, b: usize) -> Option<usize> {
    while a < b {
        let w = word(prose, &tokens[a]);
        if tokens[a].kind == Kind::Punct || CONNECTIVES.contains(&w.as_str()) {
            a += 1;
        } else if w == "in"
            && tokens
                .get(a + 1)
                .is_some_and(|t| word(prose, t) == "addition")
        {
            // "In addition to this,": up to the comma
            a = (a..b)
                .find(|&k| &prose[tokens[k].start..tokens[k].end] == ",")
                .map_or(a + 2, |k| k + 1);
        } else {
            return Some(a);
        }
    }
    None
}

/// The tokens of the date phrase to leave out of the text: a fronted date with its
/// comma ("On Thursday,"), or a prepositional one ("on Wednesday") anywhere.
fn date_phrase(
    prose: &str,
    tokens: &[Token],
    a: usize,
    b: usize,
    (ts, te): (usize, usize),
) -> std::ops::Range<usize> {
    let mut ds = ts;
    while ds > a
        && matches!(
            word(prose, &tokens[ds - 1]).as_str(),
            "on" | "in" | "at" | "during" | "earlier" | "later"
        )
    {
        ds -= 1;
    }
    let is = |k: usize, s: &str| tokens.get(k).is_some_and(|t| &prose[t.start..t.end] == s);
    let fronted = ds == a && is(te, ",");
    if !fronted && ds == ts {
        return 0..0;
    }
    // ", on Wednesday," between commas loses one of them
    let until = if fronted || (ds > a && is(ds - 1, ",") && is(te, ",")) {
        te + 1
    } else {
        te
    };
    ds..until.min(b)
}

/// The text of the kept tokens: original spacing between neighbours, one space across a gap.
fn render(prose: &str, tokens: &[Token], keep: &[usize]) -> String {
    let mut out = String::new();
    let mut prev: Option<usize> = None;
    for &k in keep {
        if k == usize::MAX {
            out.push('…');
            break;
        }
        let t = &tokens[k];
        match prev {
            Some(p) if p + 1 == k => {
                let gap = &prose[tokens[p].end..t.start];
                if !gap.is_empty() {
                    out.push(' ');
                }
            }
            Some(_)
                if !(t.kind == Kind::Punct
                    && matches!(&prose[t.start..t.end], "," | "." | ")")) =>
            {
                out.push(' ')
            }
            _ => {}
        }
        out.push_str(&prose[t.start..t.end]);
        prev = Some(k);
    }
    let mut chars = out.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => out,
    }
}
