//! Time expressions: an article's prose and sentences (and its publication date) in,
//! TIMEX3-typed, normalised expressions with reader-facing labels out.
//!
//! No crate finds time expressions in running news text, so this is a small
//! rule-based tagger in the HeidelTime tradition, in four steps per sentence:
//! [`scan`] cuts the sentence into tokens, [`grammar`] matches the expression families
//! over them (longest match, TimeML extents), [`tense`] reads the tense of the verb
//! nearest to each expression, and [`resolve`] turns meaning + tense + context into a
//! TIMEX3 value against the publication date and the dates mentioned before it
//! (for anaphora such as "the next day"). [`value`] reads values back for sorting and
//! labels. Everything is linear in the text and never panics: odd input ("February
//! 30", "the 99th", "the year 99999") either resolves to something coarser or is not
//! a date.

mod calendar;
mod grammar;
mod label;
mod lexicon;
mod resolve;
pub(crate) mod scan;
mod tense;
pub mod value;
pub(crate) mod verbs;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::sentences::{Sentence, SentenceKind};

/// TIMEX3 types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

/// TIMEX3 `mod`: which part of the period, or how exact a duration is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum TimexMod {
    /// "early 2022", "earlier this month", "the beginning of the year".
    Start,
    /// "mid-February", "the middle of October".
    Mid,
    /// "late November", "the end of the month".
    End,
    /// "about two years", "around 7 p.m.".
    Approx,
    /// "almost two years", "less than a decade".
    LessThan,
    /// "more than four decades".
    MoreThan,
}

/// One time expression.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timex {
    /// Byte range in the article text (TimeML extent: no leading "on"/"in").
    pub start: usize,
    pub end: usize,
    pub kind: TimexType,
    /// TIMEX3 value ("2022-01-26", "2021-12", "P3Y", "XXXX-WXX-3").
    pub value: String,
    /// The value for readers ("Wednesday 26 January 2022", "early 2022").
    pub label: String,
    /// TIMEX3 `mod`, when the expression names part of a period or an approximate span.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modifier: Option<TimexMod>,
    /// Index of the sentence the expression is in.
    #[serde(default)]
    pub sentence: usize,
}

/// Finds and normalises the time expressions in `prose`, in document order.
pub fn tag(prose: &str, sentences: &[Sentence], published: Option<Date>) -> Vec<Timex> {
    let lower = prose.to_ascii_lowercase();
    let mut context = resolve::Context::new(published);
    let mut tokens = Vec::new();
    let mut out = Vec::new();
    for (index, sentence) in sentences.iter().enumerate() {
        tokens.clear();
        scan::tokenize(prose, sentence.start, sentence.end, &mut tokens);
        let cursor = grammar::Cursor {
            tokens: &tokens,
            lower: &lower,
            original: prose,
        };
        let found = grammar::find(&cursor);
        if found.is_empty() {
            continue;
        }
        let markers = tense::markers(&cursor);
        let found = grammar::attach_times(&cursor, found);
        for f in found {
            let mut tense = tense::at(&cursor, &markers, f.first, f.end);
            // "Wednesday's ruling", "Thursday's closing price": what a weekday owns is done
            let possessive =
                matches!(cursor.text(f.end), "'" | "’") && cursor.word(f.end + 1) == "s";
            if possessive && matches!(f.expr, grammar::Expr::Weekday { .. }) {
                tense = Tense::Past;
            }
            context.far_from_verb = tense == Tense::Past && far_from_verb(&markers, f.first);
            context.in_heading = sentence.kind == SentenceKind::Heading;
            let resolved = context.resolve(&f.expr, tense);
            out.push(Timex {
                start: tokens[f.first].start,
                end: tokens[f.end - 1].end,
                kind: resolved.kind,
                value: resolved.value,
                label: resolved.label,
                modifier: resolved.modifier.map(timex_mod),
                sentence: index,
            });
        }
    }
    out
}

pub(crate) use tense::Tense;

/// Whether the verb group nearest before token `first` ends six or more tokens before
/// it: the expression likely belongs to a noun or an infinitive between them.
fn far_from_verb(markers: &[tense::Marker], first: usize) -> bool {
    let before = markers.iter().rev().find(|m| m.end <= first);
    before.is_some_and(|m| first - m.end >= 6)
}

/// A verb group ("will be held", "said", "has not met"): byte range and tense.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct VerbGroup {
    pub start: usize,
    pub end: usize,
    pub tense: Tense,
    /// A verb that reports speech ("said", "says").
    pub reporting: bool,
}

/// The verb groups ("will be held", "said", "handed") of `prose[start..end]` with
/// their tense, in order. The timeline uses them to tell an event clause from a
/// verbless fragment and news from background.
pub(crate) fn verb_groups(prose: &str, start: usize, end: usize) -> Vec<VerbGroup> {
    let Some(piece) = prose.get(start..end) else {
        return Vec::new();
    };
    let lower = piece.to_ascii_lowercase();
    let mut tokens = Vec::new();
    scan::tokenize(piece, 0, piece.len(), &mut tokens);
    let cursor = grammar::Cursor {
        tokens: &tokens,
        lower: &lower,
        original: piece,
    };
    tense::markers(&cursor)
        .into_iter()
        .map(|m| VerbGroup {
            start: start + tokens[m.start].start,
            end: start + tokens[m.end - 1].end,
            tense: m.tense,
            reporting: m.reporting,
        })
        .collect()
}

fn timex_mod(m: grammar::Modifier) -> TimexMod {
    match m {
        grammar::Modifier::Start | grammar::Modifier::Earlier => TimexMod::Start,
        grammar::Modifier::Mid => TimexMod::Mid,
        grammar::Modifier::End | grammar::Modifier::Later => TimexMod::End,
        grammar::Modifier::LessThan => TimexMod::LessThan,
        grammar::Modifier::MoreThan => TimexMod::MoreThan,
    }
}

#[cfg(test)]
mod tests;
