//! Explicit dates: calendar dates in every common news form ("Jan. 26", "26 January
//! 2022", "January 26, 2022", "Wednesday, January 26", "2022-01-26", "1/26/2022"),
//! months ("December", "January 2022"), weekdays ("Wednesday", "last Friday"), years
//! ("2021", "fiscal 1989"), decades ("the 1990s") and centuries ("the 19th century").

use super::super::lexicon;
use super::numbers::{day_of_month, number_words, ordinal, year};
use super::{Cursor, Expr, Pick};

/// Words after which a bare month or year is a date ("in May", "since 1850").
const DATE_PREPOSITIONS: [&str; 24] = [
    "in", "since", "until", "till", "by", "during", "of", "from", "through", "to", "early", "mid",
    "late", "last", "next", "this", "before", "after", "between", "and", "or", "around", "for",
    "that",
];

/// A calendar date at `i`, with an optional weekday before it.
pub fn explicit(c: &Cursor, i: usize) -> Option<(usize, Expr)> {
    if let Some(found) = iso(c, i).or_else(|| numeric(c, i)) {
        return Some(found);
    }
    let mut j = i;
    if let Some((after, _)) = weekday_word(c, i) {
        j = c.skip_comma(after);
    }
    if let Some(found) = month_first(c, j, j > i) {
        return Some(found);
    }
    if let Some(found) = day_first(c, j) {
        return Some(found);
    }
    picked_month(c, i)
}

/// "last November", "next April", "this September", "this past May".
fn picked_month(c: &Cursor, i: usize) -> Option<(usize, Expr)> {
    let (j, pick) = pick_prefix(c, i);
    if pick == Pick::Infer {
        return None;
    }
    let (end, month) = month_word(c, j)?;
    if c.digits(end) > 0 {
        return None;
    }
    Some((
        end,
        Expr::Calendar {
            year: None,
            month: Some(month),
            day: None,
            pick,
        },
    ))
}

/// "January 26, 2022", "Jan. 26", "January 2022", "December".
fn month_first(c: &Cursor, i: usize, after_weekday: bool) -> Option<(usize, Expr)> {
    let (k, month) = month_word(c, i)?;
    if let Some((k2, day)) = day_of_month(c, k) {
        // "May 2022" is a month and a year, not the 20th
        if c.digits(k) != 4 {
            let k3 = c.skip_comma(k2);
            if let Some((k4, y)) = year(c, k3) {
                return Some((k4, calendar(Some(y), Some(month), Some(day))));
            }
            return Some((k2, calendar(None, Some(month), Some(day))));
        }
    }
    if let Some((k2, y)) = year(c, c.skip_comma(k)).or_else(|| year(c, of_year(c, k)?)) {
        return Some((k2, calendar(Some(y), Some(month), None)));
    }
    if let Some((end, offset)) = relative_year(c, k) {
        return Some((end, Expr::MonthOfYear { month, offset }));
    }
    if after_weekday || !month_alone_ok(c, i) {
        return None;
    }
    Some((k, calendar(None, Some(month), None)))
}

/// "this year", "last year", "of next year" after a month: the end and the year offset.
fn relative_year(c: &Cursor, i: usize) -> Option<(usize, i64)> {
    let j = if c.word(i) == "of" { i + 1 } else { i };
    let offset = match c.word(j) {
        "this" => 0,
        "last" => -1,
        "next" => 1,
        _ => return None,
    };
    (c.word(j + 1) == "year").then_some((j + 2, offset))
}

/// "of" before a year ("January of 2022"): the index of the year.
fn of_year(c: &Cursor, i: usize) -> Option<usize> {
    (c.word(i) == "of" && c.digits(i + 1) == 4).then_some(i + 1)
}

/// "26 January 2022", "the 26th of January".
fn day_first(c: &Cursor, i: usize) -> Option<(usize, Expr)> {
    let start = if c.word(i) == "the" { i + 1 } else { i };
    let (k, day) = day_of_month(c, start)?;
    let k = if c.word(k) == "of" { k + 1 } else { k };
    let (k2, month) = month_word(c, k)?;
    if let Some((k3, y)) = year(c, c.skip_comma(k2)) {
        return Some((k3, calendar(Some(y), Some(month), Some(day))));
    }
    Some((k2, calendar(None, Some(month), Some(day))))
}

fn calendar(year: Option<i32>, month: Option<u8>, day: Option<u8>) -> Expr {
    Expr::Calendar {
        year,
        month,
        day,
        pick: Pick::Infer,
    }
}

/// A capitalised month name at `i`; abbreviations need a glued "." or a number after.
pub fn month_word(c: &Cursor, i: usize) -> Option<(usize, u8)> {
    let word = c.word(i);
    let month = lexicon::month(word)?;
    if !c.capitalised(i) {
        return None;
    }
    if !lexicon::month_is_abbreviation(word) {
        return Some((i + 1, month));
    }
    let end = c.skip_period(i + 1);
    if end == i + 1 && c.digits(i + 1) == 0 {
        return None;
    }
    Some((end, month))
}

/// A month with nothing after it is a date only after a preposition or modifier
/// ("in May", "mid-March"); "May" and "March" are also a name and a verb.
fn month_alone_ok(c: &Cursor, i: usize) -> bool {
    let before = c.word_before(i);
    let glued_dash = i > 0 && c.is(i - 1, "-") && c.touches(i);
    if DATE_PREPOSITIONS.contains(&before) || glued_dash {
        return true;
    }
    let word = c.word(i);
    !matches!(word, "may" | "march" | "august") && !lexicon::month_is_abbreviation(word)
}

/// "2022-01-26", "2022-01", "2022/01/26".
fn iso(c: &Cursor, i: usize) -> Option<(usize, Expr)> {
    if c.digits(i) != 4 {
        return None;
    }
    let y = c.number(i)? as i32;
    let sep = c.text(i + 1);
    if !matches!(sep, "-" | "/") || !c.touches(i + 1) || c.digits(i + 2) != 2 || !c.touches(i + 2) {
        return None;
    }
    let month = u8::try_from(c.number(i + 2)?)
        .ok()
        .filter(|m| (1..=12).contains(m))?;
    if c.is(i + 3, sep) && c.touches(i + 3) && c.digits(i + 4) == 2 && c.touches(i + 4) {
        let day = u8::try_from(c.number(i + 4)?).ok()?;
        return Some((i + 5, calendar(Some(y), Some(month), Some(day))));
    }
    if sep == "-" {
        return Some((i + 3, calendar(Some(y), Some(month), None)));
    }
    None
}

/// "1/26/2022", "7/8/07" (month first, unless the first number cannot be a month),
/// "26.01.2022" (day first).
fn numeric(c: &Cursor, i: usize) -> Option<(usize, Expr)> {
    let sep = c.text(i + 1);
    let glued = (1..=4).all(|k| c.touches(i + k));
    if !matches!(sep, "/" | ".")
        || !glued
        || !c.is(i + 3, sep)
        || c.digits(i) > 2
        || c.digits(i + 2) > 2
    {
        return None;
    }
    let (a, b) = (c.number(i)?, c.number(i + 2)?);
    let y = match c.digits(i + 4) {
        4 => c.number(i + 4)? as i32,
        2 => {
            let yy = c.number(i + 4)? as i32;
            if yy < 50 { 2000 + yy } else { 1900 + yy }
        }
        _ => return None,
    };
    if c.touches(i + 5) && matches!(c.text(i + 5), "/" | "." | "-") && c.digits(i + 6) > 0 {
        return None;
    }
    let (month, day) = if sep == "." || a > 12 { (b, a) } else { (a, b) };
    let month = u8::try_from(month).ok().filter(|m| (1..=12).contains(m))?;
    let day = u8::try_from(day).ok().filter(|d| (1..=31).contains(d))?;
    Some((i + 5, calendar(Some(y), Some(month), Some(day))))
}

/// A capitalised weekday at `i` ("Wednesday", "Wed." before a date).
pub fn weekday_word(c: &Cursor, i: usize) -> Option<(usize, u8)> {
    let word = c.word(i);
    let day = lexicon::weekday(word)?;
    if !c.capitalised(i) {
        return None;
    }
    if word.len() <= 5 && !word.ends_with("day") {
        // abbreviation: only as "Wed." before a date
        let end = c.skip_period(i + 1);
        let dated =
            lexicon::month(c.word(c.skip_comma(end))).is_some() || c.digits(c.skip_comma(end)) > 0;
        return (end > i + 1 && dated).then_some((end, day));
    }
    Some((i + 1, day))
}

/// "Wednesday", "last Friday", "this coming Monday", "this past Sunday".
pub fn weekday(c: &Cursor, i: usize) -> Option<(usize, Expr)> {
    let (j, pick) = pick_prefix(c, i);
    let (end, day) = weekday_word(c, j)?;
    Some((end, Expr::Weekday { day, pick }))
}

/// "last", "next", "this", "this coming", "this past" before a recurring period.
pub fn pick_prefix(c: &Cursor, i: usize) -> (usize, Pick) {
    match (c.word(i), c.word(i + 1)) {
        ("this", "coming") => (i + 2, Pick::Next),
        ("this", "past") => (i + 2, Pick::Last),
        ("last" | "past", _) => (i + 1, Pick::Last),
        ("next" | "coming", _) => (i + 1, Pick::Next),
        ("this", _) => (i + 1, Pick::This),
        _ => (i, Pick::Infer),
    }
}

/// Years ("2021", "fiscal 1989", "the year 2000"), decades ("the 1990s", "'90s"),
/// centuries ("the 19th century").
pub fn year_or_decade(c: &Cursor, i: usize) -> Option<(usize, Expr)> {
    let the = usize::from(c.word(i) == "the");
    if let Some(found) = decade(c, i + the).or_else(|| century(c, i + the)) {
        return Some(found);
    }
    if let Some(found) = spoken_year(c, i).or_else(|| decade_word(c, i)) {
        return Some(found);
    }
    if c.word(i) == "fiscal" || (c.word(i) == "the" && c.word(i + 1) == "year") {
        let j = if c.word(i) == "fiscal" { i + 1 } else { i + 2 };
        let (end, y) = year(c, j)?;
        return Some((end, calendar(Some(y), None, None)));
    }
    let (end, y) = year(c, i)?;
    let before = c.word_before(i);
    let modifier_dash = i > 1
        && c.is(i - 1, "-")
        && matches!(c.word(i - 2), "mid" | "early" | "late" | "pre" | "post");
    let glued_before = i > 0 && c.touches(i) && !c.is(i - 1, "(") && !modifier_dash;
    let after = c.text(end);
    let looks_like_amount =
        matches!(after, "%" | "percent" | "per") || glued_before || c.word(end) == "s";
    let plausible =
        (1900..=2099).contains(&y) || DATE_PREPOSITIONS.contains(&before) || before == "year";
    (plausible && !looks_like_amount).then(|| (end, calendar(Some(y), None, None)))
}

/// Years read out: "nineteen ninety-six", "twenty twenty", "two thousand and one",
/// "the year two thousand".
pub(super) fn spoken_year(c: &Cursor, i: usize) -> Option<(usize, Expr)> {
    let j = if c.word(i) == "the" && c.word(i + 1) == "year" {
        i + 2
    } else {
        i
    };
    let (end, y) = if c.word(j) == "two" && c.word(j + 1) == "thousand" {
        let k = if c.word(j + 2) == "and" { j + 3 } else { j + 2 };
        match number_words(c, k).filter(|(_, n)| *n < 100) {
            Some((after, n)) => (after, 2000 + n as i32),
            None => (j + 2, 2000),
        }
    } else {
        let century = lexicon::cardinal(c.word(j)).filter(|n| (11..=20).contains(n))?;
        let (after, n) = number_words(c, j + 1).filter(|(_, n)| (10..=99).contains(n))?;
        (after, (century * 100 + n) as i32)
    };
    Some((end, calendar(Some(y), None, None)))
}

/// "the nineties", "the eighties": decades of the 1900s.
fn decade_word(c: &Cursor, i: usize) -> Option<(usize, Expr)> {
    if c.word(i) != "the" {
        return None;
    }
    let tens = match c.word(i + 1) {
        "twenties" => 20,
        "thirties" => 30,
        "forties" => 40,
        "fifties" => 50,
        "sixties" => 60,
        "seventies" => 70,
        "eighties" => 80,
        "nineties" => 90,
        _ => return None,
    };
    Some((i + 2, Expr::Decade(1900 + tens)))
}

/// "1990s", "1990's", "'90s" at `i`.
fn decade(c: &Cursor, i: usize) -> Option<(usize, Expr)> {
    let (j, start) = if c.is(i, "'") && c.digits(i + 1) == 2 && c.touches(i + 1) {
        let yy = c.number(i + 1)? as i32;
        (i + 2, if yy < 30 { 2000 + yy } else { 1900 + yy })
    } else if c.digits(i) == 4 {
        (i + 1, c.number(i)? as i32)
    } else {
        return None;
    };
    if start % 10 != 0 || !(1000..=2990).contains(&start) {
        return None;
    }
    let k = if c.is(j, "'") && c.touches(j) {
        j + 1
    } else {
        j
    };
    (c.word(k) == "s" && c.touches(k)).then_some((k + 1, Expr::Decade(start)))
}

/// "19th century", "twentieth century".
fn century(c: &Cursor, i: usize) -> Option<(usize, Expr)> {
    let (j, n) = ordinal(c, i)?;
    let k = if c.is(j, "-") && c.touches(j) {
        j + 1
    } else {
        j
    };
    if c.word(k) != "century" || !(1..=30).contains(&n) {
        return None;
    }
    Some((k + 1, Expr::Century((n as i32 - 1) * 100)))
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
    fn calendar_dates_in_news_forms() {
        let cases = [
            ("Jan. 26", 3, (None, Some(1), Some(26))),
            ("26 January 2022", 3, (Some(2022), Some(1), Some(26))),
            ("2022-01-26", 5, (Some(2022), Some(1), Some(26))),
            ("Wednesday, January 26", 4, (None, Some(1), Some(26))),
            ("January 26, 2022", 4, (Some(2022), Some(1), Some(26))),
            ("Wed., Jan. 26, 2022", 8, (Some(2022), Some(1), Some(26))),
            ("the 26th of January", 5, (None, Some(1), Some(26))),
            ("January 2022", 2, (Some(2022), Some(1), None)),
            ("December", 1, (None, Some(12), None)),
            ("1/26/2022", 5, (Some(2022), Some(1), Some(26))),
            ("7/8/07", 5, (Some(2007), Some(7), Some(8))),
            ("26.01.2022", 5, (Some(2022), Some(1), Some(26))),
            ("Sept. 30", 3, (None, Some(9), Some(30))),
            ("May 2022", 2, (Some(2022), Some(5), None)),
            ("2022-01", 3, (Some(2022), Some(1), None)),
        ];
        for (text, end, (y, m, d)) in cases {
            let want = Expr::Calendar {
                year: y,
                month: m,
                day: d,
                pick: Pick::Infer,
            };
            assert_eq!(run(explicit, text, 0), Some((end, want)), "{text}");
        }
    }

    #[test]
    fn refuses_non_dates() {
        for text in [
            "May",
            "march on",
            "Jan",
            "Sun",
            "2022-13-01",
            "13/13/2022",
            "may 26",
            "Theresa May",
            "1.5",
            "99/99/99",
        ] {
            assert_eq!(run(explicit, text, 0), None, "{text}");
        }
        assert_eq!(run(explicit, "Theresa May said", 1), None);
        assert!(run(explicit, "in May", 1).is_some());
    }

    #[test]
    fn weekdays_with_direction() {
        let cases = [
            ("Wednesday", 1, 3, Pick::Infer),
            ("last Friday", 2, 5, Pick::Last),
            ("this coming Monday", 3, 1, Pick::Next),
            ("this past Sunday", 3, 7, Pick::Last),
            ("next Tuesday", 2, 2, Pick::Next),
        ];
        for (text, end, day, pick) in cases {
            assert_eq!(
                run(weekday, text, 0),
                Some((end, Expr::Weekday { day, pick })),
                "{text}"
            );
        }
        for text in ["wednesday", "Wed", "Sun", "Sat."] {
            assert_eq!(run(weekday, text, 0), None, "{text}");
        }
    }

    #[test]
    fn years_decades_centuries() {
        let year = |y| Expr::Calendar {
            year: Some(y),
            month: None,
            day: None,
            pick: Pick::Infer,
        };
        let cases = [
            ("2021", Some((1, year(2021)))),
            ("fiscal 1989", Some((2, year(1989)))),
            ("the year 2000", Some((3, year(2000)))),
            ("the 1990s", Some((3, Expr::Decade(1990)))),
            ("'90s", Some((3, Expr::Decade(1990)))),
            ("the 19th century", Some((4, Expr::Century(1800)))),
            ("nineteen ninety-six", Some((4, year(1996)))),
            ("the year two thousand", Some((4, year(2000)))),
            ("two thousand and one", Some((4, year(2001)))),
            ("the nineties", Some((2, Expr::Decade(1990)))),
            ("twenty five", None),
            ("1850", None),
            ("2021%", None),
            ("9999", None),
        ];
        for (text, want) in cases {
            assert_eq!(run(year_or_decade, text, 0), want, "{text}");
        }
        assert!(run(year_or_decade, "since 1850", 1).is_some());
    }
}
