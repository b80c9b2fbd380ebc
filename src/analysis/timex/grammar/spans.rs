//! Durations and sets: "three years", "the past two months", "24-hour", "a year and
//! a half", "for decades"; "every week", "twice a year", "daily", "every Monday".

use super::super::lexicon::{self, Unit};
use super::numbers::amount;
use super::{Amount, Cursor, Expr, dates};

/// A duration at `i` (or a set, for "$15 a year").
pub fn duration(c: &Cursor, i: usize) -> Option<(usize, Expr)> {
    if let Some(found) = bare_plural(c, i) {
        return Some(found);
    }
    let (j, prefixed) = match (c.word(i), c.word(i + 1)) {
        (
            "the",
            "past" | "last" | "next" | "coming" | "first" | "final" | "previous" | "following"
            | "latest" | "remaining",
        ) => (i + 2, true),
        ("the", _) => (i + 1, false),
        ("past" | "last" | "next" | "first" | "previous" | "coming", _) => (i + 1, true),
        _ => (i, false),
    };
    let (k, n) = match amount(c, j) {
        Some(found) => found,
        None if prefixed => (j, Amount::Some),
        None => return None,
    };
    // "the 1988 quarter", "the 1988 second quarter": a year, not 1988 quarters
    if c.word(i) == "the" && c.digits(j) == 4 && k == j + 1 {
        return None;
    }
    let hyphen = c.is(k, "-") && c.touches(k) && c.touches(k + 1);
    let u = if hyphen { k + 1 } else { k };
    let (unit, plural) = lexicon::unit(c.word(u))?;
    // "in the 1988 quarter", "a 2019 year-end": a year before the unit, not an amount
    if c.digits(j) == 4 && k == j + 1 && !plural {
        return None;
    }
    let article = matches!(c.word(j), "a" | "an") && k == j + 1;
    if refused(c, u, unit, plural, n, article, k == j) {
        return None;
    }
    let mut end = u + 1;
    let mut n = n;
    if c.is(end, "-") && c.touches(end) {
        // "two-year-long" is a duration; "6-year-old" is an age and "a year-earlier" a date
        if !(hyphen && c.word(end + 1) == "long") {
            return None;
        }
        end += 2;
    }
    if c.word(end) == "old" || (c.word(end) == "of" && c.word(end + 1) == "age") {
        return None;
    }
    if c.word(end) == "and"
        && c.word(end + 1) == "a"
        && c.word(end + 2) == "half"
        && let Amount::N(v) = n
    {
        (n, end) = (Amount::N(v + 0.5), end + 3);
    }
    if article && i == j && is_rate(c, i) {
        return Some((end, Expr::Set(period(1, unit))));
    }
    Some((end, Expr::Duration { amount: n, unit }))
}

/// Readings of "<amount> <unit>" that are not durations.
fn refused(
    c: &Cursor,
    u: usize,
    unit: Unit,
    plural: bool,
    n: Amount,
    article: bool,
    no_amount: bool,
) -> bool {
    // "a second attack", "a quarter of the votes", "some year"
    (article && unit == Unit::Second)
        || (unit == Unit::Quarter && c.word(u + 1) == "of")
        || (matches!(n, Amount::Some) && !plural && !no_amount && !(c.is(u + 1, "-")))
        || (no_amount && !plural)
}

/// "for years", "within days", "decades-long": a plural unit with no number.
fn bare_plural(c: &Cursor, i: usize) -> Option<(usize, Expr)> {
    let (unit, plural) = lexicon::unit(c.word(i))?;
    if !plural || matches!(unit, Unit::Second | Unit::Quarter) {
        return None;
    }
    if c.is(i + 1, "-") && c.touches(i + 1) && c.word(i + 2) == "long" {
        return Some((
            i + 3,
            Expr::Duration {
                amount: Amount::Some,
                unit,
            },
        ));
    }
    matches!(c.word_before(i), "for" | "within").then_some((
        i + 1,
        Expr::Duration {
            amount: Amount::Some,
            unit,
        },
    ))
}

/// "$15 a year", "twice a week": the unit after "a" is a rate.
fn is_rate(c: &Cursor, i: usize) -> bool {
    let Some(j) = i.checked_sub(1) else {
        return false;
    };
    c.digits(j) > 0
        || matches!(
            c.word(j),
            "once" | "twice" | "thrice" | "times" | "million" | "billion" | "percent"
        )
}

/// A set at `i`: "every week", "each year", "every other day", "twice a week",
/// "daily", "every Monday", "Mondays", "Tuesday nights".
pub fn set(c: &Cursor, i: usize) -> Option<(usize, Expr)> {
    if let Some(value) = lexicon::frequency(c.word(i)) {
        return Some((i + 1, Expr::Set(value.to_string())));
    }
    if let Some(found) = plural_weekday(c, i) {
        return Some(found);
    }
    let (j, every) = match c.word(i) {
        "every" | "each" => (i + 1, true),
        "once" | "twice" | "thrice" => (i + 1, false),
        _ => match amount(c, i) {
            Some((j, Amount::N(_))) if c.word(j) == "times" => (j + 1, false),
            _ => return None,
        },
    };
    if every {
        return every_unit(c, j);
    }
    if !matches!(c.word(j), "a" | "an" | "per" | "every" | "each") {
        return None;
    }
    let (unit, false) = lexicon::unit(c.word(j + 1))? else {
        return None;
    };
    Some((j + 2, Expr::Set(period(1, unit))))
}

/// After "every": "week", "other day", "two years", "Monday", "morning".
fn every_unit(c: &Cursor, j: usize) -> Option<(usize, Expr)> {
    if let Some((end, day)) = dates::weekday_word(c, j) {
        return Some((end, Expr::Set(format!("XXXX-WXX-{day}"))));
    }
    if let Some(part) = lexicon::part_of_day(c.word(j)) {
        return Some((j + 1, Expr::Set(format!("XXXX-XX-XXT{part}"))));
    }
    let (k, n) = if c.word(j) == "other" {
        (j + 1, 2)
    } else {
        match amount(c, j) {
            Some((k, Amount::N(n))) if !matches!(c.word(j), "a" | "an") && n >= 1.0 => {
                (k, n.min(1e6) as u32)
            }
            _ => (j, 1),
        }
    };
    let (unit, plural) = lexicon::unit(c.word(k))?;
    (plural == (n > 1 && k > j && c.word(j) != "other"))
        .then(|| (k + 1, Expr::Set(period(n, unit))))
}

/// "Mondays", "Tuesday nights", "Sunday mornings".
fn plural_weekday(c: &Cursor, i: usize) -> Option<(usize, Expr)> {
    let word = c.word(i);
    if !c.capitalised(i) || word.len() < 6 {
        return None;
    }
    let (day, plural) = match lexicon::weekday(word) {
        Some(day) => (day, false),
        None => (lexicon::weekday(word.strip_suffix('s')?)?, true),
    };
    if let Some(part) = c
        .word(i + 1)
        .strip_suffix('s')
        .and_then(lexicon::part_of_day)
    {
        return Some((i + 2, Expr::Set(format!("XXXX-WXX-{day}T{part}"))));
    }
    plural.then(|| (i + 1, Expr::Set(format!("XXXX-WXX-{day}"))))
}

/// The TIMEX3 period of `n` units: "P1W", "P2Y", "PT1H".
pub fn period(n: u32, unit: Unit) -> String {
    let (letter, mult, clock) = unit.designator();
    format!(
        "P{}{}{letter}",
        if clock { "T" } else { "" },
        u64::from(n) * u64::from(mult)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(
        f: fn(&Cursor, usize) -> Option<(usize, Expr)>,
        text: &str,
        at: usize,
    ) -> Option<(usize, Expr)> {
        super::super::run_rule(text, at, f)
    }

    #[test]
    fn durations() {
        let d = |n, unit| Expr::Duration {
            amount: Amount::N(n),
            unit,
        };
        let cases = [
            ("three years", 0, Some((2, d(3.0, Unit::Year)))),
            ("two-year", 0, Some((3, d(2.0, Unit::Year)))),
            ("24-hour", 0, Some((3, d(24.0, Unit::Hour)))),
            ("the past two months", 0, Some((4, d(2.0, Unit::Month)))),
            ("the first nine months", 0, Some((4, d(9.0, Unit::Month)))),
            ("a year and a half", 0, Some((5, d(1.5, Unit::Year)))),
            (
                "several weeks",
                0,
                Some((
                    2,
                    Expr::Duration {
                        amount: Amount::Some,
                        unit: Unit::Week,
                    },
                )),
            ),
            (
                "for decades",
                1,
                Some((
                    2,
                    Expr::Duration {
                        amount: Amount::Some,
                        unit: Unit::Decade,
                    },
                )),
            ),
            ("$15 a year", 2, Some((4, Expr::Set("P1Y".into())))),
            ("a second attack", 0, None),
            ("a quarter of", 0, None),
            ("years", 0, None),
            ("the year", 0, None),
        ];
        for (text, at, want) in cases {
            assert_eq!(run(duration, text, at), want, "{text}");
        }
    }

    #[test]
    fn sets() {
        let cases = [
            ("every week", Some((2, "P1W"))),
            ("every other day", Some((3, "P2D"))),
            ("every two years", Some((3, "P2Y"))),
            ("each year", Some((2, "P1Y"))),
            ("twice a week", Some((3, "P1W"))),
            ("three times a year", Some((4, "P1Y"))),
            ("daily", Some((1, "P1D"))),
            ("every Monday", Some((2, "XXXX-WXX-1"))),
            ("Tuesday nights", Some((2, "XXXX-WXX-2TNI"))),
            ("every hour", Some((2, "PT1H"))),
            ("every one", None),
            ("each of", None),
        ];
        for (text, want) in cases {
            let got = run(set, text, 0).map(|(end, e)| match e {
                Expr::Set(v) => (end, v),
                other => panic!("{text}: {other:?}"),
            });
            assert_eq!(got.as_ref().map(|(e, v)| (*e, v.as_str())), want, "{text}");
        }
    }
}
