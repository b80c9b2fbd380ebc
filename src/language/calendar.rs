//! Calendar words: a word in, the month or weekday it names out, and the reverse (a
//! month or weekday number in, its English name out).
//!
//! One table per kind of word, shared by every stage that reads or writes dates:
//! ingest (dates in front matter and page metadata), sentence splitting (abbreviations
//! such as "Wed." and "Jan." that do not end a sentence), the entity tagger (capitalised
//! words that are not names), roles (words that never start a title), time expressions
//! and the labels a reader sees ("Wednesday 26 January 2022"). Lookups are `match`es on
//! lower-case words: no start-up work, and as fast as a hash for tables this small.

use jiff::civil::Weekday;

/// English month names, January first.
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Month abbreviations as news writes them (with or without a dot), "Sept" included;
/// "May" is a full name and so not here.
pub const MONTH_ABBREVIATIONS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
];

/// English weekday names, Monday first (ISO order).
pub const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Weekday abbreviations as news writes them ("Tues.", "Thurs.").
pub const WEEKDAY_ABBREVIATIONS: [&str; 10] = [
    "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun",
];

/// Time zone abbreviations that follow a clock time ("2 p.m. ET").
pub const TIME_ZONES: [&str; 11] = [
    "ET", "EST", "EDT", "CT", "PT", "PST", "PDT", "GMT", "BST", "CET", "UTC",
];

/// A month (1-12) from its lower-case name or abbreviation ("jan", "sept", "february").
pub fn month(word: &str) -> Option<u8> {
    Some(match word {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    })
}

/// Whether a lower-case month word is an abbreviation ("jan", "sept"), which is a month
/// only with a dot or a number beside it; "may", "june" and "july" are full names.
pub fn month_is_abbreviation(word: &str) -> bool {
    word.len() <= 4 && !matches!(word, "may" | "june" | "july")
}

/// A weekday (1 = Monday .. 7 = Sunday) from its lower-case name or abbreviation.
pub fn weekday(word: &str) -> Option<u8> {
    Some(match word {
        "monday" | "mon" => 1,
        "tuesday" | "tue" | "tues" => 2,
        "wednesday" | "wed" => 3,
        "thursday" | "thu" | "thur" | "thurs" => 4,
        "friday" | "fri" => 5,
        "saturday" | "sat" => 6,
        "sunday" | "sun" => 7,
        _ => return None,
    })
}

/// Whether a word (any case) is a month's or weekday's full name ("March", "friday").
pub fn is_full_name(word: &str) -> bool {
    MONTHS
        .iter()
        .chain(WEEKDAYS.iter())
        .any(|n| n.eq_ignore_ascii_case(word))
}

/// The English name of a month (1-12; out-of-range values are clamped).
pub fn month_name(month: i8) -> &'static str {
    MONTHS[(month.clamp(1, 12) - 1) as usize]
}

/// The English name of a weekday.
pub fn weekday_name(day: Weekday) -> &'static str {
    WEEKDAYS[usize::from(day.to_monday_zero_offset().unsigned_abs())]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_name_and_abbreviation_is_read_back() {
        for (i, name) in MONTHS.iter().enumerate() {
            assert_eq!(month(&name.to_lowercase()), Some(i as u8 + 1), "{name}");
            assert_eq!(month_name(i as i8 + 1), *name);
        }
        for abbreviation in MONTH_ABBREVIATIONS {
            let m = month(&abbreviation.to_lowercase());
            assert!(m.is_some(), "{abbreviation}");
            assert!(month_is_abbreviation(&abbreviation.to_lowercase()));
        }
        for (i, name) in WEEKDAYS.iter().enumerate() {
            assert_eq!(weekday(&name.to_lowercase()), Some(i as u8 + 1), "{name}");
        }
        for abbreviation in WEEKDAY_ABBREVIATIONS {
            assert!(
                weekday(&abbreviation.to_lowercase()).is_some(),
                "{abbreviation}"
            );
        }
        assert_eq!(weekday_name(Weekday::Monday), "Monday");
        assert_eq!(weekday_name(Weekday::Sunday), "Sunday");
    }

    #[test]
    fn other_words_are_no_calendar_words() {
        let cases = [
            ("", None, None),
            ("monthy", None, None),
            ("Jan", None, None), // lookups take lower-case words
            ("mayday", None, None),
            ("sundays", None, None),
        ];
        for (word, m, d) in cases {
            assert_eq!(month(word), m, "{word}");
            assert_eq!(weekday(word), d, "{word}");
        }
        let full = [
            ("March", true),
            ("friday", true),
            ("Sept", false),
            ("Fri", false),
            ("Marching", false),
        ];
        for (word, want) in full {
            assert_eq!(is_full_name(word), want, "{word}");
        }
        assert!(!month_is_abbreviation("may"));
        assert!(!month_is_abbreviation("april"));
        assert_eq!(month_name(0), "January");
        assert_eq!(month_name(13), "December");
    }
}
