//! Publication dates as scrapers and people write them, in; a [`jiff::civil::Date`] out.
//!
//! Accepted: ISO dates (`2022-01-28`), RFC 3339 / ISO 8601 date-times with or without an
//! offset (the date is the one written, i.e. the publisher's local date), RFC 2822
//! (`Fri, 28 Jan 2022 14:05:00 +0000`), slashed ISO (`2022/01/28`) and the common written
//! forms "January 28, 2022", "Jan. 28 2022", "Friday, 28th January 2022", optionally
//! followed by a time. All parsing is jiff's (Temporal, RFC 2822 and strptime parsers);
//! this module only normalises the written forms (weekdays, ordinals, month spellings)
//! so a handful of strptime formats cover them. Purely numeric day/month orders such as
//! `01/02/2022` are ambiguous between countries and are refused rather than guessed.
//!
//! A file name can carry the date too ([`date_in_file_name`]): `2026-02-03-talks.md`, as
//! `briefing new` and Jekyll name posts. It is the last resort, after front matter, page
//! metadata and a dateline in the text.

use jiff::civil::Date;
use jiff::fmt::strtime::BrokenDownTime;
use jiff::fmt::temporal::Pieces;

use crate::language::calendar;

/// What to write instead, for messages.
pub(crate) const DATE_HINT: &str =
    "write the date as `date: 2022-01-28` (or an RFC 3339 date-time)";

/// Parses a publication date, or says why it is not one.
pub(crate) fn parse_date(input: &str) -> Result<Date, String> {
    let s = input.trim();
    if s.is_empty() {
        return Err("an empty value is not a date".into());
    }
    if s.len() > 100 {
        return Err("a value over 100 characters is not a date".into());
    }
    if let Ok(pieces) = Pieces::parse(s) {
        return Ok(pieces.date());
    }
    if let Ok(zoned) = jiff::fmt::rfc2822::parse(s) {
        return Ok(zoned.date());
    }
    if starts_like_iso(s) {
        return parse_iso_like(s);
    }
    parse_written(s).ok_or_else(|| format!("{s:?} is not a date this tool can read"))
}

/// The date a file name starts with: `YYYY-MM-DD` or `YYYY_MM_DD`, alone or followed by
/// `-`, `_`, `.` or a space (`2026-02-03-council-budget`). Not a real date: none.
pub(crate) fn date_in_file_name(stem: &str) -> Option<Date> {
    let b = stem.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    let sep = *b.get(4)?;
    let shaped = digits(0..4)
        && matches!(sep, b'-' | b'_')
        && digits(5..7)
        && b.get(7) == Some(&sep)
        && digits(8..10)
        && b.get(10)
            .is_none_or(|c| matches!(c, b'-' | b'_' | b'.' | b' '));
    if !shaped {
        return None;
    }
    let number = |r: std::ops::Range<usize>| stem.get(r)?.parse::<i16>().ok();
    let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
    Date::new(year, i8::try_from(month).ok()?, i8::try_from(day).ok()?).ok()
}

fn starts_like_iso(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 4 && b[..4].iter().all(u8::is_ascii_digit)
}

/// `2022-01-28` variants jiff's Temporal parser refuses: `2022/01/28`, `2022.01.28`, or an
/// ISO date followed by something that is not an ISO time. Impossible dates are errors.
fn parse_iso_like(s: &str) -> Result<Date, String> {
    let head: String = s
        .chars()
        .take(10)
        .map(|c| if c == '/' || c == '.' { '-' } else { c })
        .collect();
    let tail = s.get(10..).unwrap_or("");
    let separated = tail.is_empty() || tail.starts_with([' ', 'T', 't', ',']);
    match head.parse::<Date>() {
        Ok(date) if separated => Ok(date),
        Ok(_) => Err(format!("{s:?} is not a date this tool can read")),
        Err(_) => Err(impossible_date(&head)
            .unwrap_or_else(|| format!("{s:?} is not a date this tool can read"))),
    }
}

/// Why `text`, which starts like `2026-02-30` (or with `/` or `.` between the numbers),
/// is not a calendar date, said plainly: "2026-13-01 is not a date: there is no month
/// 13", "2026-02-30 is not a date: February 2026 has 28 days". `None` when it does not
/// start like that or is a real date.
pub(crate) fn impossible_date(text: &str) -> Option<String> {
    let head = text.get(..10)?;
    let b = head.as_bytes();
    let sep = b[4];
    let shaped = matches!(sep, b'-' | b'/' | b'.')
        && b[7] == sep
        && [0..4, 5..7, 8..10]
            .into_iter()
            .all(|r| b[r].iter().all(u8::is_ascii_digit));
    if !shaped {
        return None;
    }
    let number = |r: std::ops::Range<usize>| head[r].parse::<i16>().ok();
    let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
    let why = if !(1..=12).contains(&month) {
        format!("there is no month {month}")
    } else if day == 0 {
        "there is no day 0".to_string()
    } else {
        let first = Date::new(year, i8::try_from(month).ok()?, 1).ok()?;
        let days = first.days_in_month();
        if day <= i16::from(days) {
            return None;
        }
        format!("{} has {days} days", first.strftime("%B %Y"))
    };
    Some(format!("{head} is not a date: {why}"))
}

/// "Friday, January 28th, 2022 at 2:05 PM" -> "Jan 28, 2022 at 2:05 PM": weekday dropped,
/// months as three-letter abbreviations, ordinals and abbreviation dots removed.
fn normalise_written(s: &str) -> String {
    let mut words = Vec::new();
    for (i, raw) in s.split_whitespace().enumerate() {
        let word = raw.trim_end_matches(',');
        let comma = if word.len() < raw.len() { "," } else { "" };
        let bare = word.trim_end_matches('.').to_lowercase();
        if i == 0 && calendar::weekday(&bare).is_some() {
            continue;
        }
        if let Some(month) = calendar::month(&bare) {
            let abbrev = &calendar::month_name(month as i8)[..3];
            words.push(format!("{abbrev}{comma}"));
            continue;
        }
        let ordinal = ["st", "nd", "rd", "th"].iter().find_map(|suffix| {
            let digits = bare.strip_suffix(suffix)?;
            (!digits.is_empty() && digits.len() <= 2 && digits.chars().all(|c| c.is_ascii_digit()))
                .then_some(digits)
        });
        match ordinal {
            Some(digits) => words.push(format!("{digits}{comma}")),
            None => words.push(raw.to_string()),
        }
    }
    words.join(" ")
}

fn parse_written(s: &str) -> Option<Date> {
    const FORMATS: [&str; 6] = [
        "%b %d, %Y",
        "%b %d %Y",
        "%d %b %Y",
        "%d %b, %Y",
        "%Y %b %d",
        "%b %d,%Y",
    ];
    let normal = normalise_written(s);
    FORMATS.iter().find_map(|format| {
        let (tm, used) = BrokenDownTime::parse_prefix(format, &normal).ok()?;
        let rest = &normal[used..];
        let separated = rest.is_empty() || rest.starts_with([' ', ',', 'T']);
        let date = tm
            .to_date()
            .ok()
            .filter(|d| (1800..=2200).contains(&d.year()))?;
        separated.then_some(date)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn common_forms_parse_to_the_written_date() {
        let d = date(2022, 1, 28);
        let cases = [
            "2022-01-28",
            " 2022-01-28 ",
            "2022-01-28T14:05:00Z",
            "2022-01-28T23:30:00-05:00",
            "2022-01-28 14:05:00+02:00",
            "2022-01-28T14:05:00.123Z",
            "2022-01-28T14:05",
            "2022/01/28",
            "2022.01.28",
            "2022-01-28 2:05 PM",
            "Fri, 28 Jan 2022 14:05:00 +0000",
            "January 28, 2022",
            "january 28, 2022",
            "Jan 28, 2022",
            "Jan. 28, 2022",
            "Jan 28 2022",
            "28 Jan 2022",
            "28 January 2022",
            "28th January 2022",
            "Friday, January 28, 2022",
            "Fri, Jan 28, 2022",
            "January 28th, 2022 at 2:05 PM EST",
            "28 Jan 2022 14:05",
            "Sept 28, 2022",
        ];
        for input in cases {
            let want = if input.starts_with("Sept") {
                date(2022, 9, 28)
            } else {
                d
            };
            assert_eq!(parse_date(input), Ok(want), "{input}");
        }
    }

    #[test]
    fn non_dates_and_impossible_dates_are_refused_with_a_reason() {
        let cases = [
            ("", "empty"),
            ("soon", "not a date"),
            (
                "2022-13-45",
                "2022-13-45 is not a date: there is no month 13",
            ),
            (
                "2026-02-30",
                "2026-02-30 is not a date: February 2026 has 28 days",
            ),
            (
                "2024-02-30",
                "2024-02-30 is not a date: February 2024 has 29 days",
            ),
            (
                "2026/04/31",
                "2026-04-31 is not a date: April 2026 has 30 days",
            ),
            (
                "2026-00-10",
                "2026-00-10 is not a date: there is no month 0",
            ),
            ("2026-01-00", "2026-01-00 is not a date: there is no day 0"),
            (
                "2026-13-01T10:00:00Z",
                "2026-13-01 is not a date: there is no month 13",
            ),
            ("01/02/2022", "not a date"),
            ("January 2022", "not a date"),
            ("February 30, 2022", "not a date"),
            ("2022-01-28garbage", "not a date"),
            ("Jan 28, 2022x", "not a date"),
        ];
        for (input, want) in cases {
            let err = parse_date(input).unwrap_err();
            assert!(err.contains(want), "{input}: {err}");
            assert!(
                !err.contains("parameter") && !err.contains("parse"),
                "{input}: {err}"
            );
        }
    }

    #[test]
    fn file_names_starting_with_a_date_give_it() {
        let feb3 = Some(date(2026, 2, 3));
        let cases = [
            ("2026-02-03-council-budget", feb3),
            ("2026-02-03", feb3),
            ("2026_02_03_council", feb3),
            ("2026-02-03 council", feb3),
            ("2026-02-03.council", feb3),
            ("20260203-council", None),
            ("2026-02-30-council", None),
            ("2026-13-01-council", None),
            ("2026-02_03-council", None),
            ("council-2026-02-03", None),
            ("2026-02-031", None),
            ("2026-02-3-council", None),
            ("2026", None),
            ("", None),
            ("２０２６-02-03", None),
        ];
        for (stem, want) in cases {
            assert_eq!(date_in_file_name(stem), want, "{stem}");
        }
    }

    #[test]
    fn arbitrary_strings_never_panic() {
        let pieces = [
            "2022", "-", "01", "/", "Jan", "28th", ",", " ", "T", "Z", "+05:00", "é", "99", "May",
        ];
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    for d in pieces {
                        let _ = parse_date(&format!("{a}{b}{c}{d}"));
                    }
                }
            }
        }
    }
}
