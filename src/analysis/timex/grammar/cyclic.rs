//! Recurring periods named without (or with) their year: seasons ("last summer",
//! "the summer of 2021"), quarters ("the third quarter", "third-quarter", "Q3 2022"),
//! halves ("the first half of 2022") and holidays ("Christmas", "Thanksgiving").

use super::super::lexicon::{self, Unit};
use super::dates::pick_prefix;
use super::numbers::ordinal;
use super::{Cursor, Expr, Pick, YearSpec};

/// Seasons ("last summer", "the summer of 2021"), quarters ("the third quarter",
/// "third-quarter", "Q3 2022"), halves ("the first half of 2022") and holidays.
pub fn cyclic(c: &Cursor, i: usize) -> Option<(usize, Expr)> {
    season(c, i)
        .or_else(|| quarter(c, i))
        .or_else(|| holiday(c, i))
}

fn season(c: &Cursor, i: usize) -> Option<(usize, Expr)> {
    let the = usize::from(c.word(i) == "the");
    let (j, pick) = pick_prefix(c, i + the);
    let s = lexicon::season(c.word(j))?;
    let (end, year) = year_suffix(c, j + 1);
    let year = year.unwrap_or(YearSpec::Pick(pick));
    let has_context = the == 1 || pick != Pick::Infer || !matches!(year, YearSpec::Pick(_)) || {
        matches!(
            c.word_before(i),
            "in" | "during" | "since" | "until" | "by" | "over" | "through" | "this"
        )
    };
    if pick == Pick::This && matches!(year, YearSpec::Pick(_)) {
        return Some((
            end,
            Expr::Season {
                season: s,
                year: YearSpec::Offset(0),
            },
        ));
    }
    has_context.then_some((end, Expr::Season { season: s, year }))
}

/// A year after a season or quarter: "2021", "of 2021", "of last year", "of this year".
fn year_suffix(c: &Cursor, i: usize) -> (usize, Option<YearSpec>) {
    let j = if c.word(i) == "of" || c.is(i, ",") {
        i + 1
    } else {
        i
    };
    if let Some((end, y)) = super::numbers::year(c, j) {
        return (end, Some(YearSpec::Given(y)));
    }
    // "the winter of nineteen ninety-four"
    if c.word(i) == "of"
        && let Some((end, Expr::Calendar { year: Some(y), .. })) = super::dates::spoken_year(c, j)
    {
        return (end, Some(YearSpec::Given(y)));
    }
    if c.word(i) == "of" {
        let offset = match (c.word(j), c.word(j + 1)) {
            ("this" | "the", "year") => Some(0),
            ("last", "year") => Some(-1),
            ("next", "year") => Some(1),
            _ => None,
        };
        if let Some(o) = offset {
            return (j + 2, Some(YearSpec::Offset(o)));
        }
    }
    (i, None)
}

fn quarter(c: &Cursor, i: usize) -> Option<(usize, Expr)> {
    // "Q3", "Q3 2022", "H1"
    if matches!(c.word(i), "q" | "h") && c.touches(i + 1) && c.capitalised(i) {
        let n = u8::try_from(c.number(i + 1)?).ok()?;
        let (end, year) = year_suffix(c, i + 2);
        let year = year.unwrap_or(YearSpec::Pick(Pick::Infer));
        return match c.word(i) {
            "q" if (1..=4).contains(&n) => Some((end, Expr::Quarter { n, year })),
            "h" if (1..=2).contains(&n) => Some((end, Expr::Half { n, year })),
            _ => None,
        };
    }
    let (mut j, mut year) = possessive_year(c, i);
    // "the 1988 third quarter"
    if c.word(i) == "the"
        && let Some((after, y)) = super::numbers::year(c, j)
    {
        j = after;
        year = YearSpec::Given(y);
    }
    // "the 1988 quarter", "last year's quarter": the quarter reported on, in that year
    if !matches!(year, YearSpec::Pick(_)) && c.word(j) == "quarter" {
        return Some((j + 1, Expr::Quarter { n: 0, year }));
    }
    if c.word(j) == "fiscal" {
        j += 1;
    }
    if c.word(j) == "last" {
        return None; // "last quarter" is the one before this one (see `relative`)
    }
    let (k, n) = ordinal(c, j)?;
    let hyphen = c.is(k, "-") && c.touches(k);
    if hyphen && j > i && c.word(i) == "the" {
        return None; // "the third-quarter loss": the article belongs to "loss"
    }
    let k = if c.word(k) == "fiscal" || hyphen {
        k + 1
    } else {
        k
    };
    let (unit, limit) = match c.word(k) {
        "quarter" => (Unit::Quarter, 4),
        "half" => (Unit::Year, 2),
        _ => return None,
    };
    let n = if n == 99 { limit } else { n };
    let n = u8::try_from(n)
        .ok()
        .filter(|n| (1..=limit).contains(&u32::from(*n)))?;
    let (end, suffix) = year_suffix(c, k + 1);
    if let Some(s) = suffix {
        year = s;
    }
    Some((
        end,
        if unit == Unit::Quarter {
            Expr::Quarter { n, year }
        } else {
            Expr::Half { n, year }
        },
    ))
}

/// "the", "this year's", "last year's" before a quarter: where the ordinal starts.
fn possessive_year(c: &Cursor, i: usize) -> (usize, YearSpec) {
    let offset = match c.word(i) {
        "this" => Some(0),
        "last" => Some(-1),
        "next" => Some(1),
        _ => None,
    };
    if let Some(o) = offset
        && c.word(i + 1) == "year"
        && c.is(i + 2, "'")
        && c.word(i + 3) == "s"
    {
        return (i + 4, YearSpec::Offset(o));
    }
    (
        i + usize::from(c.word(i) == "the"),
        YearSpec::Pick(Pick::Infer),
    )
}

fn holiday(c: &Cursor, i: usize) -> Option<(usize, Expr)> {
    let (j, pick) = pick_prefix(c, i);
    if !c.capitalised(j) {
        return None;
    }
    let words = [
        c.text(j),
        c.text(j + 1),
        c.text(j + 2),
        c.text(j + 3),
        c.text(j + 4),
    ];
    let (n, month, day) = lexicon::holiday(&words)?;
    let (end, year) = year_suffix(c, j + n);
    Some((
        end,
        Expr::Holiday {
            month,
            day,
            year: year.unwrap_or(YearSpec::Pick(pick)),
        },
    ))
}
