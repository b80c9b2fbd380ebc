//! Clock times and parts of the day: "10:30 a.m.", "3 p.m. EST", "noon", "0735 GMT",
//! "this morning", "last night", and the compositions "Friday morning" and
//! "10 p.m. Wednesday" that join a day to a time.

use super::super::lexicon;
use super::{Cursor, Expr, Unit, dates, relative};

/// A clock time or a part of the day at `i`.
pub fn time(c: &Cursor, i: usize) -> Option<(usize, Expr)> {
    if let Some(found) = part_of_day(c, i) {
        return Some(found);
    }
    let bare = |end, hour| {
        Some((
            end,
            Expr::Time {
                base: None,
                hour,
                minute: 0,
            },
        ))
    };
    match c.word(i) {
        "noon" | "midday" => return bare(i + 1, 12),
        "midnight" => return bare(i + 1, 24),
        _ => {}
    }
    let (hour, minute, j) = digits_of_time(c, i)?;
    let (colon, digits) = (j > i + 1, c.digits(i));
    let (j, pm) = am_pm(c, j);
    let (j, zone) = zone(c, j);
    let (j, part) = in_the_part(c, j, pm.is_none() && !colon);
    let preposition = matches!(
        c.word_before(i),
        "at" | "by" | "around" | "about" | "until" | "till" | "before" | "after" | "from" | "since"
    );
    let accepted = match (colon, digits) {
        (true, _) => pm.is_some() || zone || preposition,
        (false, 4) => zone,
        (false, _) => pm.is_some() || part.is_some() || c.word(j) == "o" && c.touches(j + 1),
    };
    if !accepted || minute > 59 || hour > 24 || (pm.is_some() && !(1..=12).contains(&hour)) {
        return None;
    }
    let j = if c.word(j) == "o" && c.is(j + 1, "'") && c.word(j + 2) == "clock" {
        j + 3
    } else {
        j
    };
    let hour = match (pm, part) {
        (Some(true), _) | (None, Some("AF" | "EV")) if hour < 12 => hour + 12,
        (Some(false), _) if hour == 12 => 0,
        _ => hour,
    };
    Some((
        j,
        Expr::Time {
            base: None,
            hour: u8::try_from(hour).ok()?,
            minute: u8::try_from(minute).ok()?,
        },
    ))
}

/// The digits of a clock time at `i`: "10:30", "10:30:15", "0735", "3". Returns the
/// hour, the minute and the index after the digits.
fn digits_of_time(c: &Cursor, i: usize) -> Option<(u32, u32, usize)> {
    let digits = c.digits(i);
    let hour = c.number(i)?;
    let colon = c.is(i + 1, ":") && c.touches(i + 1) && c.digits(i + 2) == 2 && c.touches(i + 2);
    if colon {
        let minute = c.number(i + 2)?;
        let seconds = c.is(i + 3, ":") && c.touches(i + 3) && c.digits(i + 4) == 2;
        return Some((hour, minute, if seconds { i + 5 } else { i + 3 }));
    }
    match digits {
        4 if hour / 100 <= 23 => Some((hour / 100, hour % 100, i + 1)),
        1 | 2 => Some((hour, 0, i + 1)),
        _ => None,
    }
}

/// "a.m.", "am", "p.m.", "pm" at `j`: the index after it and whether it is p.m.
fn am_pm(c: &Cursor, j: usize) -> (usize, Option<bool>) {
    match c.word(j) {
        "am" => (j + 1, Some(false)),
        "pm" => (j + 1, Some(true)),
        w @ ("a" | "p")
            if c.is(j + 1, ".") && c.touches(j + 1) && c.word(j + 2) == "m" && c.touches(j + 2) =>
        {
            let end = c.skip_period(j + 3);
            (end, Some(w == "p"))
        }
        _ => (j, None),
    }
}

/// A time zone after a time: "GMT", "EST", "local time".
fn zone(c: &Cursor, j: usize) -> (usize, bool) {
    let upper = c.tokens.get(j).is_some_and(|t| {
        c.original[t.start..t.end]
            .bytes()
            .all(|b| b.is_ascii_uppercase())
    });
    match c.word(j) {
        "gmt" | "utc" | "est" | "edt" | "cst" | "cdt" | "mst" | "mdt" | "pst" | "pdt" | "et"
        | "bst" | "cet" | "cest"
            if upper =>
        {
            (j + 1, true)
        }
        "local" if c.word(j + 1) == "time" => (j + 2, true),
        _ => (j, false),
    }
}

/// "in the morning" after an hour ("4 in the morning").
fn in_the_part(c: &Cursor, j: usize, allowed: bool) -> (usize, Option<&'static str>) {
    if allowed
        && c.word(j) == "in"
        && c.word(j + 1) == "the"
        && let Some(part) = lexicon::part_of_day(c.word(j + 2))
    {
        return (j + 3, Some(part));
    }
    (j, None)
}

/// "this morning", "last night", "the morning of Jan. 26".
fn part_of_day(c: &Cursor, i: usize) -> Option<(usize, Expr)> {
    let (offset, j) = match c.word(i) {
        "this" => (0, i + 1),
        "last" if c.word(i + 1) == "night" => (-1, i + 1),
        "the" if c.word(i + 2) == "of" => (0, i + 1),
        _ => return None,
    };
    let part = lexicon::part_of_day(c.word(j))?;
    let mut base = Expr::Deictic {
        unit: Unit::Day,
        offset,
    };
    let mut end = j + 1;
    if c.word(i) == "the" {
        let (after, date) = day_at(c, j + 2)?;
        (base, end) = (date, after);
    }
    Some((
        end,
        Expr::PartOfDay {
            base: Box::new(base),
            part,
        },
    ))
}

/// A day-level date at `i`: an explicit date, a weekday, "today"/"yesterday"/"tomorrow".
fn day_at(c: &Cursor, i: usize) -> Option<(usize, Expr)> {
    let found = dates::explicit(c, i)
        .or_else(|| dates::weekday(c, i))
        .or_else(|| relative::relative(c, i))?;
    is_day(&found.1).then_some(found)
}

/// Whether an expression names one day.
pub fn is_day(expr: &Expr) -> bool {
    match expr {
        Expr::Calendar { day, .. } => day.is_some(),
        Expr::Weekday { .. } | Expr::Holiday { .. } => true,
        Expr::Deictic { unit, .. } | Expr::Anaphoric { unit, .. } => *unit == Unit::Day,
        _ => false,
    }
}

/// Joins a match with what completes it: "Friday" + "morning", "10 p.m." + "Wednesday",
/// "5 p.m. EST" + ", Nov. 6".
pub fn compose(c: &Cursor, end: usize, expr: Expr) -> (usize, Expr) {
    if is_day(&expr) {
        if let Some(part) = lexicon::part_of_day(c.word(end)).filter(|_| c.word(end) != "overnight")
        {
            return (
                end + 1,
                Expr::PartOfDay {
                    base: Box::new(expr),
                    part,
                },
            );
        }
        return (end, expr);
    }
    if let Expr::Time {
        base: None,
        hour,
        minute,
    } = expr
    {
        let k = c.skip_comma(end);
        if let Some((after, day)) = day_at(c, k)
            && (k == end || matches!(day, Expr::Calendar { .. } | Expr::Weekday { .. }))
        {
            return (
                after,
                Expr::Time {
                    base: Some(Box::new(day)),
                    hour,
                    minute,
                },
            );
        }
    }
    (end, expr)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str, at: usize) -> Option<(usize, Expr)> {
        super::super::run_rule(text, at, |c, at| {
            time(c, at).map(|(end, e)| compose(c, end, e))
        })
    }

    fn hm(found: Option<(usize, Expr)>) -> Option<(usize, u8, u8, bool)> {
        match found? {
            (end, Expr::Time { base, hour, minute }) => Some((end, hour, minute, base.is_some())),
            _ => None,
        }
    }

    #[test]
    fn clock_times() {
        let cases = [
            ("10:30 a.m.", Some((7, 10, 30, false))),
            ("3 p.m. Wednesday", Some((6, 15, 0, true))),
            ("12 a.m.", Some((5, 0, 0, false))),
            ("noon", Some((1, 12, 0, false))),
            ("0735 GMT", Some((2, 7, 35, false))),
            ("18:00 UTC", Some((4, 18, 0, false))),
            ("4 in the morning", Some((4, 4, 0, false))),
            ("8 in the evening", Some((4, 20, 0, false))),
            ("5 p.m. EST, Nov. 6", Some((10, 17, 0, true))),
            ("2:1", None),
            ("3:45", None),
            ("13 p.m.", None),
            ("25:00 GMT", None),
            ("I am", None),
        ];
        for (text, want) in cases {
            assert_eq!(hm(run(text, 0)), want, "{text}");
        }
        assert_eq!(hm(run("at 3:45", 1)), Some((4, 3, 45, false)));
    }

    #[test]
    fn parts_of_day() {
        let cases = [
            ("this morning", 2, "MO"),
            ("last night", 2, "NI"),
            ("the morning of Jan. 26", 6, "MO"),
        ];
        for (text, end, want) in cases {
            match run(text, 0) {
                Some((e, Expr::PartOfDay { part, .. })) => {
                    assert_eq!((e, part), (end, want), "{text}")
                }
                other => panic!("{text}: {other:?}"),
            }
        }
    }
}
