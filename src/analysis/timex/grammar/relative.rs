//! Relative dates: words that mean a date only against a reference point. Deictic ones
//! count from the publication date ("yesterday", "next week", "two days ago"),
//! anaphoric ones from the last date mentioned ("the next day", "that year", "a year
//! earlier"), vague ones name no period ("now", "recently"). Also recurring periods
//! without a year (seasons, quarters, halves, holidays) and modified dates ("early
//! next year", "mid-February", "the end of the month").

use super::super::lexicon::{self, Rel, Unit};
use super::dates::{self, pick_prefix};
use super::numbers::{amount, ordinal};
use super::{Amount, Cursor, Expr, Modifier, Pick, YearSpec, clock, spans};

/// Deictic words, vague references, "last/next/this <unit>", anaphora, "N units ago".
pub fn relative(c: &Cursor, i: usize) -> Option<(usize, Expr)> {
    single_word(c, i)
        .or_else(|| unit_phrase(c, i))
        .or_else(|| ago(c, i))
        .or_else(|| year_ago(c, i))
}

fn single_word(c: &Cursor, i: usize) -> Option<(usize, Expr)> {
    let deictic = |offset| Expr::Deictic {
        unit: Unit::Day,
        offset,
    };
    let expr = match c.word(i) {
        "today" => deictic(0),
        "yesterday" => deictic(-1),
        "tomorrow" => deictic(1),
        "tonight" => Expr::PartOfDay {
            base: Box::new(deictic(0)),
            part: "NI",
        },
        "now" | "currently" | "nowadays" => Expr::Ref("PRESENT_REF"),
        "current" if lexicon::unit(c.word(i + 1)).is_none() => Expr::Ref("PRESENT_REF"),
        "recently" | "lately" => Expr::Ref("PAST_REF"),
        "recent" => {
            return match lexicon::unit(c.word(i + 1)) {
                Some((_, true)) => Some((i + 2, Expr::Ref("PAST_REF"))),
                _ => None,
            };
        }
        // "year-end", "month-end"
        "year" | "month"
            if c.is(i + 1, "-")
                && c.touches(i + 1)
                && c.word(i + 2) == "end"
                && c.touches(i + 2) =>
        {
            let (unit, _) = lexicon::unit(c.word(i))?;
            let inner = Box::new(Expr::Deictic { unit, offset: 0 });
            return Some((
                i + 3,
                Expr::Modified {
                    modifier: Modifier::End,
                    inner,
                },
            ));
        }
        "the" => {
            let next_is_unit = lexicon::unit(c.word(i + 2)).is_some() || c.digits(i + 2) > 0;
            return match c.word(i + 1) {
                "past" if !next_is_unit && amount(c, i + 2).is_none() => {
                    Some((i + 2, Expr::Ref("PAST_REF")))
                }
                "future" => Some((i + 2, Expr::Ref("FUTURE_REF"))),
                "present" if c.word_before(i) == "at" || c.word_before(i) == "until" => {
                    Some((i + 2, Expr::Ref("PRESENT_REF")))
                }
                _ => None,
            };
        }
        "these" if c.word(i + 1) == "days" => return Some((i + 2, Expr::Ref("PRESENT_REF"))),
        _ => return None,
    };
    Some((i + 1, expr))
}

/// "next week", "last month", "this year", "the following day", "that week",
/// "the same day", "the day before", "the weekend", "the latest quarter".
fn unit_phrase(c: &Cursor, i: usize) -> Option<(usize, Expr)> {
    let the = usize::from(c.word(i) == "the");
    let j = i + the;
    let word = c.word(j);
    if the == 1 && matches!(word, "latest" | "most" | "quarter") {
        // "the quarter", "the latest quarter", "the most recent quarter": the quarter being reported
        let k = match word {
            "most" if c.word(j + 1) == "recent" => j + 2,
            "latest" => j + 1,
            _ => j,
        };
        return (c.word(k) == "quarter").then_some((
            k + 1,
            Expr::Quarter {
                n: 0,
                year: YearSpec::Pick(Pick::Infer),
            },
        ));
    }
    let (k, anaphoric_offset) = match (word, c.word(j + 1)) {
        ("following" | "next" | "subsequent", _) if the == 1 => (j + 1, Some(1)),
        ("previous" | "preceding" | "prior", _) => (j + 1, Some(-1)),
        ("same", _) if the == 1 => (j + 1, Some(0)),
        ("that", "same") => (j + 2, Some(0)),
        ("that", _) if the == 0 => (j + 1, Some(0)),
        _ => (j, None),
    };
    if let Some(offset) = anaphoric_offset {
        if let Some(part) = lexicon::part_of_day(c.word(k)) {
            return Some((
                k + 1,
                Expr::PartOfDay {
                    base: Box::new(Expr::Anaphoric {
                        unit: Unit::Day,
                        offset,
                    }),
                    part,
                },
            ));
        }
        let (unit, plural) = lexicon::unit(c.word(k))?;
        if plural || unit == Unit::Weekend {
            return None;
        }
        return Some((k + 1, Expr::Anaphoric { unit, offset }));
    }
    if let Some(found) = day_before_after(c, i) {
        return Some(found);
    }
    weekend_or_rel_unit(c, i, the)
}

/// "the day before", "the day after" (not followed by a noun phrase).
fn day_before_after(c: &Cursor, i: usize) -> Option<(usize, Expr)> {
    if c.word(i) != "the" || c.word(i + 1) != "day" {
        return None;
    }
    let offset = match c.word(i + 2) {
        "before" => -1,
        "after" => 1,
        _ => return None,
    };
    let next = c.text(i + 3);
    let ends = next.is_empty() || matches!(next, "," | "." | ";" | ")" | "-" | "'" | "\"");
    ends.then_some((
        i + 3,
        Expr::Anaphoric {
            unit: Unit::Day,
            offset,
        },
    ))
}

fn weekend_or_rel_unit(c: &Cursor, i: usize, the: usize) -> Option<(usize, Expr)> {
    let j = i + the;
    let (k, pick) = pick_prefix(c, j);
    if c.word(k) == "weekend" {
        let valid = the == 1 || pick != Pick::Infer;
        return valid.then_some((k + 1, Expr::Weekend(pick)));
    }
    let rel = lexicon::rel(c.word(j))?;
    let (unit, plural) = lexicon::unit(c.word(j + 1))?;
    if plural {
        return None;
    }
    // "the past year" is the year up to now: a duration in TimeML
    if the == 1 && rel == Rel::Last {
        return Some((
            j + 2,
            Expr::Duration {
                amount: Amount::N(1.0),
                unit,
            },
        ));
    }
    let offset = match rel {
        Rel::Last => -1,
        Rel::Next => 1,
        Rel::This => 0,
    };
    if unit == Unit::Day {
        return (rel == Rel::Next).then_some((j + 2, Expr::Anaphoric { unit, offset }));
    }
    Some((j + 2, Expr::Deictic { unit, offset }))
}

/// "two days ago", "three years from now", "a week earlier", "two days later".
fn ago(c: &Cursor, i: usize) -> Option<(usize, Expr)> {
    let (j, n) = match amount(c, i) {
        Some((j, n)) if lexicon::unit(c.word(j)).is_some() => (j, n),
        _ => (i, Amount::Some),
    };
    let (unit, _) = lexicon::unit(c.word(j))?;
    let k = j + 1;
    let (end, sign, anaphoric) = match (c.word(k), c.word(k + 1)) {
        ("ago", _) => (k + 1, -1, false),
        ("from", "now") => (k + 2, 1, false),
        ("hence", _) => (k + 1, 1, false),
        ("earlier", _) => (k + 1, -1, true),
        ("later", _) => (k + 1, 1, true),
        ("before" | "after", _) if ends_phrase(c, k + 1) => {
            (k + 1, if c.word(k) == "before" { -1 } else { 1 }, true)
        }
        _ => return None,
    };
    let Amount::N(n) = n else {
        let vague = if sign < 0 { "PAST_REF" } else { "FUTURE_REF" };
        return Some((end, Expr::Ref(vague)));
    };
    let offset = sign * (n.max(0.0).min(1e6) as i64);
    Some((
        end,
        Expr::Ago {
            unit,
            offset,
            anaphoric,
        },
    ))
}

fn ends_phrase(c: &Cursor, i: usize) -> bool {
    let next = c.text(i);
    next.is_empty()
        || matches!(
            next,
            "," | "." | ";" | ")" | "and" | "but" | "when" | "that"
        )
}

/// "year-ago", "the year-earlier quarter", "the year-ago third quarter".
fn year_ago(c: &Cursor, i: usize) -> Option<(usize, Expr)> {
    let the = usize::from(c.word(i) == "the");
    let j = i + the;
    let glued = c.is(j + 1, "-") && c.touches(j + 1) && c.touches(j + 2);
    if c.word(j) != "year" || !glued || !matches!(c.word(j + 2), "ago" | "earlier") {
        return None;
    }
    let mut k = j + 3;
    if let Some((after, _)) = ordinal(c, k).filter(|(a, _)| c.word(*a) == "quarter") {
        k = after;
    }
    let noun = matches!(c.word(k), "quarter" | "period");
    let (start, end) = if noun { (i, k + 1) } else { (j, k) };
    (start == i).then_some((
        end,
        Expr::Ago {
            unit: Unit::Year,
            offset: -1,
            anaphoric: true,
        },
    ))
}

/// "early next year", "mid-February", "late 2021", "earlier this month",
/// "the end of the month", "the mid-1990s", "about two years", "around 7:15 p.m.".
pub fn modified(c: &Cursor, i: usize) -> Option<(usize, Expr)> {
    let (j, modifier) = modifier_prefix(c, i)?;
    let (end, inner) = match modifier {
        Modifier::LessThan | Modifier::MoreThan => {
            let found = spans::duration(c, j)
                .or_else(|| clock::time(c, j))
                .or_else(|| ago(c, j))?;
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
        ("early" | "earlier", _) if the == 0 => (dash(j + 1), Modifier::Start),
        ("late" | "later", _) if the == 0 => (dash(j + 1), Modifier::End),
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

/// "the month", "the year", "the week" after "the end of": the current one.
fn the_unit(c: &Cursor, i: usize) -> Option<(usize, Expr)> {
    if c.word(i) != "the" {
        return None;
    }
    match lexicon::unit(c.word(i + 1))? {
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
        cyclic(c, i),
    ];
    candidates
        .into_iter()
        .flatten()
        .filter(|(_, e)| !matches!(e, Expr::Ref(_) | Expr::Duration { .. }))
        .max_by_key(|(end, _)| *end)
}

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
    if let Some(o) = offset {
        if c.word(i + 1) == "year" && c.is(i + 2, "'") && c.word(i + 3) == "s" {
            return (i + 4, YearSpec::Offset(o));
        }
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
