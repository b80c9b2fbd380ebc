//! The time-expression grammar: the tokens of one sentence in, the expressions found
//! (token range and meaning, not yet resolved to a calendar value) out.
//!
//! Hand-written recursive descent over tokens, one small function per expression
//! family (explicit dates, relative and anaphoric dates, clock times, durations and
//! sets), tried at every token; the longest match wins and matching resumes after it.
//! Compared with one large regular expression this keeps every family testable on its
//! own, lets a pattern ask for context (capitalisation, the word before) and composes
//! cleanly ("Friday" + "morning", "10 p.m." + "Wednesday"). Spans follow TimeML:
//! leading prepositions stay out, determiners and modifiers ("the", "early", "mid-")
//! stay in. Each match only looks a few tokens ahead, so the whole pass is linear.

mod clock;
mod cyclic;
mod dates;
mod modified;
mod names;
mod numbers;
mod relative;
mod spans;

use super::lexicon::{Rel, Unit};
use super::scan::{Kind, Token};

/// Which occurrence of a recurring period ("Wednesday", "December", "summer") is meant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pick {
    /// Decided from the tense of the clause.
    Infer,
    /// "last Wednesday": the latest one that ended before the reference date.
    Last,
    /// "next Wednesday": the first one that starts after the reference date.
    Next,
    /// "this Wednesday": the one in the reference date's week (year for months).
    This,
}

impl From<Rel> for Pick {
    fn from(rel: Rel) -> Pick {
        match rel {
            Rel::Last => Pick::Last,
            Rel::Next => Pick::Next,
            Rel::This => Pick::This,
        }
    }
}

/// The year of a season, quarter or holiday.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearSpec {
    /// "the third quarter of 2021".
    Given(i32),
    /// Relative to the reference year: "last year's third quarter" is -1.
    Offset(i64),
    /// No year: the occurrence is picked like a weekday.
    Pick(Pick),
}

/// TIMEX3 `mod` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Modifier {
    Start,
    Mid,
    End,
    /// "earlier this year": some time before publication in the period, not its start
    Earlier,
    /// "later this month": some time after publication in the period, not its end
    Later,
    LessThan,
    MoreThan,
}

/// How many units a duration has: a number, or unspecified ("several years").
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Amount {
    N(f64),
    Some,
}

/// The meaning of a time expression before resolution.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    /// Calendar fields as written: "2022-01-26", "Jan. 26", "December", "2021".
    Calendar {
        year: Option<i32>,
        month: Option<u8>,
        day: Option<u8>,
        pick: Pick,
    },
    /// "Wednesday", "last Friday" (1 = Monday .. 7 = Sunday).
    Weekday {
        day: u8,
        pick: Pick,
    },
    /// Relative to the publication date: "today" (Day, 0), "next week" (Week, 1).
    Deictic {
        unit: Unit,
        offset: i64,
    },
    /// Relative to the last date mentioned: "the next day" (Day, 1), "that year" (Year, 0).
    Anaphoric {
        unit: Unit,
        offset: i64,
    },
    /// A counted distance: "two days ago" (Day, -2, deictic), "a year earlier" (Year, -1,
    /// anaphoric). Unlike "next week", the result keeps the granularity of its anchor
    /// where that is finer ("a year earlier" than a quarter is a quarter).
    Ago {
        unit: Unit,
        offset: i64,
        anaphoric: bool,
    },
    /// A month of a year counted from the reference year: "January this year" (1, 0),
    /// "June last year" (6, -1).
    MonthOfYear {
        month: u8,
        offset: i64,
    },
    /// "the 1990s" (1990), "the 19th century" (1800).
    Decade(i32),
    Century(i32),
    /// 0 spring .. 3 winter.
    Season {
        season: u8,
        year: YearSpec,
    },
    /// `n` 1..=4; 0 is a quarter the report is about: with `Pick`, "the quarter" (the
    /// one being talked about); with `Offset`, "the latest quarter" (0) and "the year-ago
    /// quarter" (-1), the latest quarter already reported shifted by whole years; with
    /// `Given`, "the 1988 quarter", that quarter in the year given.
    Quarter {
        n: u8,
        year: YearSpec,
    },
    Half {
        n: u8,
        year: YearSpec,
    },
    Holiday {
        month: u8,
        day: u8,
        year: YearSpec,
    },
    /// "the weekend", "last weekend".
    Weekend(Pick),
    /// "Friday morning", "tonight": a day and a TIMEX3 part-of-day code.
    PartOfDay {
        base: Box<Expr>,
        part: &'static str,
    },
    /// "10:30 a.m.", "3 p.m. Wednesday".
    Time {
        base: Option<Box<Expr>>,
        hour: u8,
        minute: u8,
    },
    /// "three years", "24-hour", "the past two months".
    Duration {
        amount: Amount,
        unit: Unit,
    },
    /// "every week", "daily", "every Monday": the TIMEX3 value.
    Set(String),
    /// "now" (PRESENT_REF), "recently" (PAST_REF), "the future" (FUTURE_REF).
    Ref(&'static str),
    /// "early next year", "mid-February", "the end of the month", "about two years".
    Modified {
        modifier: Modifier,
        inner: Box<Expr>,
    },
}

/// An expression found in a sentence: token range `[first, end)` and meaning.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub first: usize,
    pub end: usize,
    pub expr: Expr,
}

/// Read access to one sentence's tokens: lower-case text for matching, original text
/// for capitalisation.
pub struct Cursor<'a> {
    pub tokens: &'a [Token],
    pub lower: &'a str,
    pub original: &'a str,
}

impl<'a> Cursor<'a> {
    /// The lower-case text of token `i` ("" past the end).
    pub fn text(&self, i: usize) -> &'a str {
        self.tokens
            .get(i)
            .map_or("", |t| &self.lower[t.start..t.end])
    }

    /// The lower-case text of token `i` if it is a word.
    pub fn word(&self, i: usize) -> &'a str {
        match self.tokens.get(i) {
            Some(t) if t.kind == Kind::Word => &self.lower[t.start..t.end],
            _ => "",
        }
    }

    pub fn is(&self, i: usize, text: &str) -> bool {
        self.text(i) == text
    }

    /// Whether token `i` exists and is glued to token `i - 1` (no space between).
    pub fn touches(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| !t.space_before)
    }

    /// Token `i` as a number, if it is a run of at most 9 digits.
    pub fn number(&self, i: usize) -> Option<u32> {
        let t = self.tokens.get(i)?;
        (t.kind == Kind::Number && t.end - t.start <= 9).then(|| self.text(i).parse().ok())?
    }

    /// Number of digits of token `i` (0 if not a number).
    pub fn digits(&self, i: usize) -> usize {
        self.tokens
            .get(i)
            .filter(|t| t.kind == Kind::Number)
            .map_or(0, |t| t.end - t.start)
    }

    /// Whether token `i` starts with an upper-case letter in the original text.
    pub fn capitalised(&self, i: usize) -> bool {
        self.tokens
            .get(i)
            .and_then(|t| self.original[t.start..t.end].chars().next())
            .is_some_and(char::is_uppercase)
    }

    /// Skips a "." glued to token `i - 1` ("Jan."): the index after it.
    pub fn skip_period(&self, i: usize) -> usize {
        if self.is(i, ".") && self.touches(i) {
            i + 1
        } else {
            i
        }
    }

    /// Skips a "," at `i`.
    pub fn skip_comma(&self, i: usize) -> usize {
        if self.is(i, ",") { i + 1 } else { i }
    }

    /// The word before token `i` ("" at the start).
    pub fn word_before(&self, i: usize) -> &'a str {
        i.checked_sub(1).map_or("", |j| self.word(j))
    }
}

/// A pattern: tries to match at token `i`, returns the end token and the meaning.
type Pattern = fn(&Cursor, usize) -> Option<(usize, Expr)>;

const PATTERNS: [Pattern; 9] = [
    dates::explicit,
    dates::weekday,
    dates::year_or_decade,
    relative::relative,
    modified::modified,
    cyclic::cyclic,
    clock::time,
    spans::duration,
    spans::set,
];

/// Finds the time expressions in one sentence's tokens, in order, non-overlapping.
pub fn find(cursor: &Cursor) -> Vec<Found> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < cursor.tokens.len() {
        match longest(cursor, i) {
            Some((end, _)) if names::is_part_of_name(cursor, i, end) => i = end,
            Some((end, expr)) => {
                let (end, expr) = clock::compose(cursor, end, expr);
                out.push(Found {
                    first: i,
                    end,
                    expr,
                });
                i = end;
            }
            None => i += 1,
        }
    }
    out
}

/// Gives a clock time the day written just before it ("Thursday at 3 p.m.", "Jan. 26,
/// 10:30 a.m."): the two stay separate expressions, as in TimeML, but the time is on
/// that day rather than on the publication day.
pub fn attach_times(cursor: &Cursor, mut found: Vec<Found>) -> Vec<Found> {
    for k in 1..found.len() {
        let (before, after) = found.split_at_mut(k);
        let (prev, f) = (&before[k - 1], &mut after[0]);
        let gap = f.first - prev.end;
        let joined = gap == 0
            || (gap == 1 && matches!(cursor.text(prev.end), "at" | "," | "around" | "about"));
        if let Expr::Time {
            base: base @ None, ..
        } = &mut f.expr
            && joined
            && clock::is_day(&prev.expr)
        {
            *base = Some(Box::new(prev.expr.clone()));
        }
    }
    found
}

/// The longest match of any pattern at token `i`.
pub fn longest(cursor: &Cursor, i: usize) -> Option<(usize, Expr)> {
    if !could_start(cursor, i) {
        return None;
    }
    let mut best: Option<(usize, Expr)> = None;
    for pattern in PATTERNS {
        if let Some((end, expr)) = pattern(cursor, i)
            && end > i
            && best.as_ref().is_none_or(|(e, _)| end > *e)
        {
            best = Some((end, expr));
        }
    }
    best
}

/// A cheap filter: most tokens cannot start a time expression.
fn could_start(cursor: &Cursor, i: usize) -> bool {
    match cursor.tokens.get(i).map(|t| t.kind) {
        Some(Kind::Number) => true,
        Some(Kind::Word) => super::lexicon::may_start(cursor.word(i)),
        Some(Kind::Punct) => cursor.is(i, "'"),
        None => false,
    }
}

/// Runs one grammar rule on `text` at token `at` (for the rules' unit tests).
#[cfg(test)]
fn run_rule<T>(text: &str, at: usize, rule: impl Fn(&Cursor, usize) -> Option<T>) -> Option<T> {
    let mut tokens = Vec::new();
    super::scan::tokenize(text, 0, text.len(), &mut tokens);
    let lower = text.to_ascii_lowercase();
    let cursor = Cursor {
        tokens: &tokens,
        lower: &lower,
        original: text,
    };
    rule(&cursor, at)
}
