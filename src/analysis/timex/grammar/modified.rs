//! Modified dates: "early next year", "mid-February", "late 2021", "earlier this
//! month", "the end of the month", "the mid-1990s", and bounded durations ("almost
//! two years", "more than four decades ago"). The modifier stays in the extent and
//! becomes the TIMEX3 `mod`.

use super::super::lexicon::{self, Unit};
use super::relative::{ago, relative};
use super::{Cursor, Expr, Modifier, clock, cyclic, dates, spans};

/// "early next year", "mid-February", "late 2021", "earlier this month",
/// "the end of the month", "the mid-1990s", "about two years", "around 7:15 p.m.".
pub fn modified(c: &Cursor, i: usize) -> Option<(usize, Expr)> {
    let (j, modifier) = modifier_prefix(c, i)?;
    let (end, inner) = match modifier {
        Modifier::LessThan | Modifier::MoreThan => {
            // "almost four years ago" is a date before it is a duration
            let found = ago(c, j)
                .or_else(|| spans::duration(c, j))
                .or_else(|| clock::time(c, j))?;
            if !matches!(
                found.1,
                Expr::Duration { .. } | Expr::Time { .. } | Expr::Ago { .. }
            ) {
                return None;
            }
            found
        }
        _ => the_unit(c, j).or_else(|| inner_date(c, j))?,
    };
    // "earlier this year" and "later that day" are one expression; in "earlier Friday"
    // and "later today" the adverb modifies the event (TimeML leaves it out)
    let relative_period = match &inner {
        Expr::Deictic { unit, .. } => *unit != Unit::Day,
        Expr::Anaphoric { .. } => true,
        _ => false,
    };
    if matches!(c.word(i), "earlier" | "later") && !relative_period {
        return None;
    }
    Some((
        end,
        Expr::Modified {
            modifier,
            inner: Box::new(inner),
        },
    ))
}

fn modifier_prefix(c: &Cursor, i: usize) -> Option<(usize, Modifier)> {
    let dash = |k: usize| {
        if c.is(k, "-") && c.touches(k) {
            k + 1
        } else {
            k
        }
    };
    let the = usize::from(c.word(i) == "the");
    let j = i + the;
    let found = match (c.word(j), c.word(j + 1)) {
        ("end" | "beginning" | "start" | "middle" | "close" | "turn", "of") => {
            let m = match c.word(j) {
                "end" | "close" => Modifier::End,
                "middle" => Modifier::Mid,
                _ => Modifier::Start,
            };
            (j + 2, m)
        }
        ("mid", _) => (dash(j + 1), Modifier::Mid),
        ("early", _) if the == 0 => (dash(j + 1), Modifier::Start),
        ("earlier", _) if the == 0 => (j + 1, Modifier::Earlier),
        ("late", _) if the == 0 => (dash(j + 1), Modifier::End),
        ("later", _) if the == 0 => (j + 1, Modifier::Later),
        ("almost", _) if the == 0 => (j + 1, Modifier::LessThan),
        ("less", "than") if the == 0 => (j + 2, Modifier::LessThan),
        ("more", "than") if the == 0 => (j + 2, Modifier::MoreThan),
        // "over the past year" is a preposition; "over two years" is "more than"
        ("over" | "under", _) if the == 0 && starts_number(c, j + 1) => (
            j + 1,
            if c.word(j) == "over" {
                Modifier::MoreThan
            } else {
                Modifier::LessThan
            },
        ),
        _ => return None,
    };
    Some(found)
}

fn starts_number(c: &Cursor, i: usize) -> bool {
    c.digits(i) > 0 || lexicon::cardinal(c.word(i)).is_some()
}

/// "the month", "the year", "the week" after "the end of": the current one. "The
/// decade" and "the century" are the story's own ("by the middle of the century" in a
/// story of the 1950s): anaphoric, resolved as deictic when the clause is not past.
fn the_unit(c: &Cursor, i: usize) -> Option<(usize, Expr)> {
    if c.word(i) != "the" {
        return None;
    }
    match lexicon::unit(c.word(i + 1))? {
        (unit @ (Unit::Decade | Unit::Century), false) => {
            Some((i + 2, Expr::Anaphoric { unit, offset: 0 }))
        }
        (unit, false) if unit != Unit::Weekend => Some((i + 2, Expr::Deictic { unit, offset: 0 })),
        _ => None,
    }
}

/// A date a modifier can apply to.
fn inner_date(c: &Cursor, i: usize) -> Option<(usize, Expr)> {
    let candidates = [
        dates::explicit(c, i),
        dates::weekday(c, i),
        dates::year_or_decade(c, i),
        relative(c, i),
        cyclic::cyclic(c, i),
    ];
    candidates
        .into_iter()
        .flatten()
        .filter(|(_, e)| !matches!(e, Expr::Ref(_) | Expr::Duration { .. }))
        .max_by_key(|(end, _)| *end)
}
