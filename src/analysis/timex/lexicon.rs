//! The words of time expressions: a lower-case word in, its class out (a month, a
//! weekday, a number word, a calendar unit, a relative word ...).
//!
//! Month and weekday names are the shared calendar words of `language::calendar`,
//! re-exported here; the rest is the vocabulary only time expressions need.
//!
//! One `match` per table: the compiler turns it into length-and-bytes comparisons,
//! which is as fast as a hash lookup for tables this small, needs no start-up work
//! and keeps each table readable in one place.

use super::value::Granularity;

pub use crate::language::calendar::{month, month_is_abbreviation, weekday};

/// A cardinal number word ("one" .. "ninety", "dozen", "hundred").
pub fn cardinal(word: &str) -> Option<u32> {
    Some(match word {
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        "dozen" => 12,
        "hundred" => 100,
        _ => return None,
    })
}

/// An ordinal word ("first" .. "thirty-first" come as "thirty" + "-" + "first").
pub fn ordinal(word: &str) -> Option<u32> {
    Some(match word {
        "first" => 1,
        "second" => 2,
        "third" => 3,
        "fourth" => 4,
        "fifth" => 5,
        "sixth" => 6,
        "seventh" => 7,
        "eighth" => 8,
        "ninth" => 9,
        "tenth" => 10,
        "eleventh" => 11,
        "twelfth" => 12,
        "thirteenth" => 13,
        "fourteenth" => 14,
        "fifteenth" => 15,
        "sixteenth" => 16,
        "seventeenth" => 17,
        "eighteenth" => 18,
        "nineteenth" => 19,
        "twentieth" => 20,
        "thirtieth" => 30,
        "last" | "final" => 99,
        _ => return None,
    })
}

/// Suffixes of numeric ordinals ("26th", "1st").
pub fn is_ordinal_suffix(word: &str) -> bool {
    matches!(word, "st" | "nd" | "rd" | "th")
}

/// A calendar or clock unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Weekend,
    Fortnight,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

impl Unit {
    /// The granularity of a date of this unit ("next week" is a week).
    pub fn granularity(self) -> Granularity {
        match self {
            Unit::Second | Unit::Minute | Unit::Hour => Granularity::Time,
            Unit::Day => Granularity::Day,
            Unit::Week | Unit::Weekend | Unit::Fortnight => Granularity::Week,
            Unit::Month => Granularity::Month,
            Unit::Quarter => Granularity::Quarter,
            Unit::Year => Granularity::Year,
            Unit::Decade => Granularity::Decade,
            Unit::Century => Granularity::Century,
        }
    }

    /// The TIMEX3 duration designator and how many of it one unit is: ("D", 1), ("W", 2) ...
    pub fn designator(self) -> (&'static str, u32, bool) {
        // (letter, multiplier, is a clock unit that needs the "T" prefix)
        match self {
            Unit::Second => ("S", 1, true),
            Unit::Minute => ("M", 1, true),
            Unit::Hour => ("H", 1, true),
            Unit::Day => ("D", 1, false),
            Unit::Weekend => ("D", 2, false),
            Unit::Week => ("W", 1, false),
            Unit::Fortnight => ("W", 2, false),
            Unit::Month => ("M", 1, false),
            Unit::Quarter => ("Q", 1, false),
            Unit::Year => ("Y", 1, false),
            Unit::Decade => ("Y", 10, false),
            Unit::Century => ("Y", 100, false),
        }
    }

    /// The word for labels ("day", "week").
    pub fn name(self) -> &'static str {
        match self {
            Unit::Second => "second",
            Unit::Minute => "minute",
            Unit::Hour => "hour",
            Unit::Day => "day",
            Unit::Week => "week",
            Unit::Weekend => "weekend",
            Unit::Fortnight => "fortnight",
            Unit::Month => "month",
            Unit::Quarter => "quarter",
            Unit::Year => "year",
            Unit::Decade => "decade",
            Unit::Century => "century",
        }
    }
}

/// A unit word, and whether it is plural ("years" is a unit, plural).
pub fn unit(word: &str) -> Option<(Unit, bool)> {
    Some(match word {
        "second" => (Unit::Second, false),
        "seconds" => (Unit::Second, true),
        "minute" => (Unit::Minute, false),
        "minutes" => (Unit::Minute, true),
        "hour" => (Unit::Hour, false),
        "hours" => (Unit::Hour, true),
        "day" => (Unit::Day, false),
        "days" => (Unit::Day, true),
        "week" => (Unit::Week, false),
        "weeks" => (Unit::Week, true),
        "weekend" => (Unit::Weekend, false),
        "weekends" => (Unit::Weekend, true),
        "fortnight" => (Unit::Fortnight, false),
        "fortnights" => (Unit::Fortnight, true),
        "month" => (Unit::Month, false),
        "months" => (Unit::Month, true),
        "quarter" => (Unit::Quarter, false),
        "quarters" => (Unit::Quarter, true),
        "year" => (Unit::Year, false),
        "years" => (Unit::Year, true),
        "decade" => (Unit::Decade, false),
        "decades" => (Unit::Decade, true),
        "century" => (Unit::Century, false),
        "centuries" => (Unit::Century, true),
        _ => return None,
    })
}

/// A season (0 spring, 1 summer, 2 autumn, 3 winter).
pub fn season(word: &str) -> Option<u8> {
    Some(match word {
        "spring" => 0,
        "summer" => 1,
        "autumn" | "fall" => 2,
        "winter" => 3,
        _ => return None,
    })
}

/// A part of the day and its TIMEX3 code.
pub fn part_of_day(word: &str) -> Option<&'static str> {
    Some(match word {
        "morning" => "MO",
        "afternoon" => "AF",
        "evening" => "EV",
        "night" | "overnight" => "NI",
        _ => return None,
    })
}

/// Holidays from their words: (words consumed, month, day). Day 0 means the fourth
/// Thursday of the month (US Thanksgiving), the one holiday here without a fixed day.
pub fn holiday(words: &[&str]) -> Option<(usize, u8, u8)> {
    Some(match words {
        ["thanksgiving", "day", ..] => (2, 11, 0),
        ["thanksgiving", ..] => (1, 11, 0),
        ["christmas", "eve", ..] => (2, 12, 24),
        ["christmas", "day", ..] => (2, 12, 25),
        ["christmas", ..] => (1, 12, 25),
        ["new", "year", "'", "s", "eve", ..] => (5, 12, 31),
        ["new", "year", "'", "s", "day", ..] => (5, 1, 1),
        ["valentine", "'", "s", "day", ..] => (4, 2, 14),
        ["halloween", ..] => (1, 10, 31),
        ["independence", "day", ..] => (2, 7, 4),
        ["boxing", "day", ..] => (2, 12, 26),
        _ => return None,
    })
}

/// The direction words before a unit or a weekday.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rel {
    /// "last", "past", "previous": the one before.
    Last,
    /// "next", "coming", "following": the one after.
    Next,
    /// "this", "current": the one holding the reference date.
    This,
}

/// "last", "next", "this" and their synonyms. "past" and "coming" are also relative
/// ("the past week"); "previous" and "following" are anaphoric and handled apart.
pub fn rel(word: &str) -> Option<Rel> {
    Some(match word {
        "last" | "past" => Rel::Last,
        "next" | "coming" => Rel::Next,
        "this" | "current" => Rel::This,
        _ => return None,
    })
}

/// Frequency adverbs: "daily" and the unit they repeat.
pub fn frequency(word: &str) -> Option<&'static str> {
    Some(match word {
        "hourly" => "PT1H",
        "daily" | "nightly" => "P1D",
        "weekly" => "P1W",
        "biweekly" | "fortnightly" => "P2W",
        "monthly" => "P1M",
        "yearly" => "P1Y",
        _ => return None,
    })
}

/// Words outside the tables above that can begin a time expression.
const STARTERS: [&str; 59] = [
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "past",
    "next",
    "coming",
    "current",
    "previous",
    "preceding",
    "prior",
    "following",
    "same",
    "today",
    "yesterday",
    "tomorrow",
    "tonight",
    "now",
    "currently",
    "nowadays",
    "recently",
    "lately",
    "recent",
    "every",
    "each",
    "once",
    "twice",
    "thrice",
    "fiscal",
    "mid",
    "early",
    "earlier",
    "late",
    "later",
    "end",
    "beginning",
    "start",
    "middle",
    "close",
    "turn",
    "almost",
    "less",
    "more",
    "over",
    "under",
    "several",
    "many",
    "few",
    "some",
    "noon",
    "midday",
    "midnight",
    "christmas",
    "thanksgiving",
    "new",
    "valentine",
    "halloween",
];

/// Whether a word can begin a time expression: a quick filter that spares the
/// grammar most tokens of a sentence.
pub fn may_start(word: &str) -> bool {
    STARTERS.contains(&word)
        || matches!(word, "independence" | "boxing" | "q" | "h" | "half")
        || month(word).is_some()
        || weekday(word).is_some()
        || word.strip_suffix('s').and_then(weekday).is_some()
        || season(word).is_some()
        || unit(word).is_some()
        || cardinal(word).is_some()
        || ordinal(word).is_some()
        || frequency(word).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_answer_known_words_and_refuse_others() {
        assert_eq!(month("sept"), Some(9));
        assert_eq!(weekday("thurs"), Some(4));
        assert_eq!(cardinal("twenty"), Some(20));
        assert_eq!(ordinal("twelfth"), Some(12));
        assert_eq!(unit("centuries"), Some((Unit::Century, true)));
        assert_eq!(season("fall"), Some(2));
        assert_eq!(part_of_day("evening"), Some("EV"));
        assert_eq!(holiday(&["christmas", "eve"]), Some((2, 12, 24)));
        assert_eq!(frequency("weekly"), Some("P1W"));
        for word in ["", "monthy", "Jan", "twentyone", "firsts"] {
            assert_eq!(month(word), None, "{word}");
            assert_eq!(cardinal(word), None, "{word}");
            assert_eq!(ordinal(word), None, "{word}");
        }
    }
}
