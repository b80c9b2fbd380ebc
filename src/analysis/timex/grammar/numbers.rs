//! Numbers inside time expressions: cardinals ("three", "twenty-five", "24", "2.5"),
//! vague amounts ("several", "a few"), ordinals ("third", "26th") and day-of-month
//! numbers, each returning the index after what it consumed.

use super::super::lexicon;
use super::{Amount, Cursor};

/// A cardinal at `i`: digits ("24", "2.5", "1,000"), words ("twenty-five",
/// "twenty five"), "a"/"an"/"one", "a couple of", or a vague word ("several").
pub fn amount(c: &Cursor, i: usize) -> Option<(usize, Amount)> {
    let (end, amount) = base_amount(c, i)?;
    // "two and a half", "a year and a half" is handled by the caller (after the unit)
    if c.is(end, "and")
        && c.word(end + 1) == "a"
        && c.is(end + 2, "half")
        && let Amount::N(n) = amount
    {
        return Some((end + 3, Amount::N(n + 0.5)));
    }
    Some((end, amount))
}

fn base_amount(c: &Cursor, i: usize) -> Option<(usize, Amount)> {
    if let Some(n) = c.number(i) {
        if c.digits(i) > 6 || (i > 0 && c.is(i - 1, "/") && c.touches(i)) {
            return None; // the "2" of "1/2" is no amount of its own
        }
        // "5 1/2", "2 1/2"
        if let (Some(num), Some(den)) = (c.number(i + 1), c.number(i + 3))
            && c.is(i + 2, "/")
            && c.touches(i + 2)
            && c.touches(i + 3)
            && num < den
        {
            return Some((
                i + 4,
                Amount::N(f64::from(n) + f64::from(num) / f64::from(den)),
            ));
        }
        // "2.5", "1,000"
        if c.is(i + 1, ".") && c.touches(i + 1) && c.touches(i + 2) && c.number(i + 2).is_some() {
            let v: f64 = format!("{}.{}", c.text(i), c.text(i + 2)).parse().ok()?;
            return Some((i + 3, Amount::N(v)));
        }
        if c.is(i + 1, ",") && c.touches(i + 1) && c.touches(i + 2) && c.digits(i + 2) == 3 {
            return Some((
                i + 3,
                Amount::N(f64::from(n) * 1000.0 + f64::from(c.number(i + 2)?)),
            ));
        }
        return Some((i + 1, Amount::N(f64::from(n))));
    }
    match c.word(i) {
        "a" | "an" => {
            if c.word(i + 1) == "couple" && c.word(i + 2) == "of" {
                return Some((i + 3, Amount::N(2.0)));
            }
            if matches!(c.word(i + 1), "few" | "number") {
                let end = if c.word(i + 2) == "of" { i + 3 } else { i + 2 };
                return Some((end, Amount::Some));
            }
            if c.word(i + 1) == "half" {
                return Some((i + 2, Amount::N(0.5)));
            }
            return Some((i + 1, Amount::N(1.0)));
        }
        "half" if c.word(i + 1) == "a" => return Some((i + 2, Amount::N(0.5))),
        "several" | "many" | "few" | "some" => return Some((i + 1, Amount::Some)),
        _ => {}
    }
    let (end, n) = number_words(c, i)?;
    Some((end, Amount::N(f64::from(n))))
}

/// A number spelled in words: "three", "twenty-five", "twenty five", "one hundred".
pub fn number_words(c: &Cursor, i: usize) -> Option<(usize, u32)> {
    let first = lexicon::cardinal(c.word(i))?;
    let mut end = i + 1;
    let mut value = first;
    if (20..=90).contains(&first) && first % 10 == 0 {
        let (j, glued) = if c.is(end, "-") && c.touches(end) {
            (end + 1, true)
        } else {
            (end, false)
        };
        if let Some(unit) = lexicon::cardinal(c.word(j)).filter(|n| (1..=9).contains(n))
            && (!glued || c.touches(j))
        {
            value += unit;
            end = j + 1;
        }
    }
    if c.word(end) == "hundred" && value < 100 {
        value *= 100;
        end += 1;
    }
    Some((end, value))
}

/// An ordinal: "third", "twenty-first", "26th", "1st".
pub fn ordinal(c: &Cursor, i: usize) -> Option<(usize, u32)> {
    if let Some(n) = c.number(i) {
        if c.digits(i) <= 2 && lexicon::is_ordinal_suffix(c.word(i + 1)) && c.touches(i + 1) {
            return Some((i + 2, n));
        }
        return None;
    }
    if let Some(n) = lexicon::ordinal(c.word(i)) {
        return Some((i + 1, n));
    }
    // "twenty-first", "thirty first"
    let tens = lexicon::cardinal(c.word(i)).filter(|n| matches!(n, 20 | 30))?;
    let j = if c.is(i + 1, "-") && c.touches(i + 1) {
        i + 2
    } else {
        i + 1
    };
    let unit = lexicon::ordinal(c.word(j)).filter(|n| (1..=9).contains(n))?;
    Some((j + 1, tens + unit))
}

/// A day of the month: "26", "26th", "twenty-sixth". Out-of-range days (0, 32+) are
/// refused here; impossible dates ("February 30") are refused when resolving.
pub fn day_of_month(c: &Cursor, i: usize) -> Option<(usize, u8)> {
    let (end, n) = if c.digits(i) > 0 {
        if c.digits(i) > 2 {
            return None;
        }
        ordinal(c, i).or_else(|| Some((i + 1, c.number(i)?)))?
    } else {
        ordinal(c, i)?
    };
    // not the start of a longer number ("26.5", "26,000", "26:30")
    if c.digits(i) > 0
        && matches!(c.text(end), "." | "," | ":")
        && c.touches(end)
        && c.touches(end + 1)
        && c.digits(end + 1) > 0
    {
        return None;
    }
    let n = u8::try_from(n).ok().filter(|n| (1..=31).contains(n))?;
    Some((end, n))
}

/// A four-digit year at `i` within 1000..=2999 (not glued to other digits).
pub fn year(c: &Cursor, i: usize) -> Option<(usize, i32)> {
    if c.digits(i) != 4 {
        return None;
    }
    let y = i32::try_from(c.number(i)?)
        .ok()
        .filter(|y| (1000..=2999).contains(y))?;
    if matches!(c.text(i + 1), "." | "," | ":")
        && c.touches(i + 1)
        && c.digits(i + 2) > 0
        && c.touches(i + 2)
    {
        return None;
    }
    Some((i + 1, y))
}

#[cfg(test)]
mod tests {
    use super::super::super::scan::tokenize;
    use super::*;

    fn with<T>(text: &str, f: impl Fn(&Cursor) -> T) -> T {
        let mut tokens = Vec::new();
        tokenize(text, 0, text.len(), &mut tokens);
        let lower = text.to_ascii_lowercase();
        f(&Cursor {
            tokens: &tokens,
            lower: &lower,
            original: text,
        })
    }

    #[test]
    fn amounts() {
        let cases = [
            ("three", Some((1, Amount::N(3.0)))),
            ("twenty-five", Some((3, Amount::N(25.0)))),
            ("twenty five", Some((2, Amount::N(25.0)))),
            ("24", Some((1, Amount::N(24.0)))),
            ("2.5", Some((3, Amount::N(2.5)))),
            ("two and a half", Some((4, Amount::N(2.5)))),
            ("a couple of", Some((3, Amount::N(2.0)))),
            ("several", Some((1, Amount::Some))),
            ("a few", Some((2, Amount::Some))),
            ("an", Some((1, Amount::N(1.0)))),
            ("1234567", None),
            ("apple", None),
        ];
        for (text, want) in cases {
            assert_eq!(with(text, |c| amount(c, 0)), want, "{text}");
        }
    }

    #[test]
    fn ordinals_and_days() {
        let cases = [
            ("26th", Some((2, 26))),
            ("twenty-first", Some((3, 21))),
            ("third", Some((1, 3))),
            ("26", Some((1, 26))),
            ("32", None),
            ("0", None),
            ("99th", None),
            ("26.5", None),
            ("126", None),
        ];
        for (text, want) in cases {
            assert_eq!(with(text, |c| day_of_month(c, 0)), want, "{text}");
        }
    }

    #[test]
    fn years() {
        let cases = [
            ("2022", Some((1, 2022))),
            ("1998", Some((1, 1998))),
            ("0999", None),
            ("99999", None),
            ("2022.5", None),
        ];
        for (text, want) in cases {
            assert_eq!(with(text, |c| year(c, 0)), want, "{text}");
        }
    }
}
