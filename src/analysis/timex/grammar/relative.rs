//! Relative dates: words that mean a date only against a reference point. Deictic ones
//! count from the publication date ("yesterday", "next week", "two days ago"),
//! anaphoric ones from the last date mentioned ("the next day", "that year", "a year
//! earlier"), vague ones name no period ("now", "recently").

use super::super::lexicon::{self, Rel, Unit};
use super::dates::pick_prefix;
use super::numbers::{amount, ordinal};
use super::{Amount, Cursor, Expr, Modifier, Pick, YearSpec};

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
        // "in recent years": a span of unknown length up to now (TimeML: PXY)
        "recent" => {
            return match lexicon::unit(c.word(i + 1)) {
                Some((unit, true)) => Some((
                    i + 2,
                    Expr::Duration {
                        amount: Amount::Some,
                        unit,
                    },
                )),
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
        // "the latest quarter" is one already reported; "the quarter" may be ahead
        let year = if k > j {
            YearSpec::Offset(0)
        } else {
            YearSpec::Pick(Pick::Infer)
        };
        return (c.word(k) == "quarter").then_some((k + 1, Expr::Quarter { n: 0, year }));
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
pub fn ago(c: &Cursor, i: usize) -> Option<(usize, Expr)> {
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
    let offset = sign * (n.clamp(0.0, 1e6) as i64);
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
    // "the year-ago quarter", "the year-earlier period": the reported quarter a year before
    let expr = if noun && k == j + 3 {
        Expr::Quarter {
            n: 0,
            year: YearSpec::Offset(-1),
        }
    } else {
        Expr::Ago {
            unit: Unit::Year,
            offset: -1,
            anaphoric: true,
        }
    };
    (start == i).then_some((end, expr))
}
