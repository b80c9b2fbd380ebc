//! TIMEX3 values as periods of the calendar: a value string in, the period it names
//! (first day, granularity) and a reader-facing label out.
//!
//! Briefings store dates as TIMEX3 value strings because they are compact, standard
//! and survive hand editing. Sorting and display need the period behind the string,
//! and sorting strings does not work ("2022-W05" would sort after "2022-12-31"), so
//! every later stage reads values through [`parse`]. Values that name no fixed
//! period (a weekday of an unknown week, "PAST_REF") parse to [`Anchor::Floating`].

use jiff::civil::{Date, Weekday};

use crate::language::calendar;

/// How long the period a value names is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Granularity {
    Time,
    PartOfDay,
    Day,
    Week,
    Month,
    Season,
    Quarter,
    Half,
    Year,
    Decade,
    Century,
}

impl Granularity {
    /// The word used in the site ("day", "week", ...).
    pub fn as_str(self) -> &'static str {
        match self {
            Granularity::Time => "time",
            Granularity::PartOfDay => "part of day",
            Granularity::Day => "day",
            Granularity::Week => "week",
            Granularity::Month => "month",
            Granularity::Season => "season",
            Granularity::Quarter => "quarter",
            Granularity::Half => "half year",
            Granularity::Year => "year",
            Granularity::Decade => "decade",
            Granularity::Century => "century",
        }
    }
}

/// What a TIMEX3 value names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Anchor {
    /// A period of the calendar starting on `start`.
    Fixed {
        start: Date,
        granularity: Granularity,
    },
    /// A value that names no fixed period ("XXXX-WXX-3", "PAST_REF", "P3Y").
    Floating,
}

/// Parses a TIMEX3 date or time value. Unknown shapes are [`Anchor::Floating`].
pub fn parse(value: &str) -> Anchor {
    parse_fixed(value.trim()).map_or(Anchor::Floating, |(start, granularity)| Anchor::Fixed {
        start,
        granularity,
    })
}

fn parse_fixed(v: &str) -> Option<(Date, Granularity)> {
    let (date_part, time_part) = match v.split_once('T') {
        Some((d, t)) => (d, Some(t)),
        None => (v, None),
    };
    let (start, granularity) = parse_date_part(date_part)?;
    match time_part {
        None => Some((start, granularity)),
        Some(_) if granularity != Granularity::Day => None,
        Some("MO" | "AF" | "EV" | "NI" | "DT") => Some((start, Granularity::PartOfDay)),
        Some(t) => t
            .get(..2)?
            .parse::<u8>()
            .ok()
            .filter(|h| *h < 24)
            .map(|_| (start, Granularity::Time)),
    }
}

fn number<T: std::str::FromStr>(s: &str, len: usize) -> Option<T> {
    (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

fn parse_date_part(v: &str) -> Option<(Date, Granularity)> {
    let mut parts = v.split('-');
    let head = parts.next()?;
    let rest: Vec<&str> = parts.collect();
    if rest.is_empty() {
        return match head.len() {
            4 => Some((Date::new(number(head, 4)?, 1, 1).ok()?, Granularity::Year)),
            3 => Some((
                Date::new(number::<i16>(head, 3)? * 10, 1, 1).ok()?,
                Granularity::Decade,
            )),
            2 => Some((
                Date::new(number::<i16>(head, 2)? * 100, 1, 1).ok()?,
                Granularity::Century,
            )),
            _ => None,
        };
    }
    let year: i16 = number(head, 4)?;
    match rest.as_slice() {
        [m] if m.len() == 2 && m.bytes().all(|b| b.is_ascii_digit()) => {
            Some((Date::new(year, number(m, 2)?, 1).ok()?, Granularity::Month))
        }
        [w] if w.starts_with('W') && w.len() > 1 && w[1..].bytes().all(|b| b.is_ascii_digit()) => {
            Some((week_start(year, number(&w[1..], 2)?)?, Granularity::Week))
        }
        [w, "WE"] if w.starts_with('W') => {
            let start = week_start(year, number(&w[1..], 2)?)?;
            Some((
                start.checked_add(jiff::Span::new().days(5)).ok()?,
                Granularity::Week,
            ))
        }
        [w, d] if w.starts_with('W') => {
            let day: i8 = number(d, 1)?;
            let start = week_start(year, number(&w[1..], 2)?)?;
            (1..=7)
                .contains(&day)
                .then(|| start.checked_add(jiff::Span::new().days(day - 1)).ok())?
                .map(|d| (d, Granularity::Day))
        }
        [m, d] => Some((
            Date::new(year, number(m, 2)?, number(d, 2)?).ok()?,
            Granularity::Day,
        )),
        [code] => part_of_year(year, code),
        _ => None,
    }
}

/// A quarter ("Q3"), half ("H2") or season ("SU") of `year`.
fn part_of_year(year: i16, code: &str) -> Option<(Date, Granularity)> {
    let (month, granularity) = match code.split_at_checked(1)? {
        ("Q", n) => {
            let n: i8 = number(n, 1).filter(|n| (1..=4).contains(n))?;
            ((n - 1) * 3 + 1, Granularity::Quarter)
        }
        ("H", n) => {
            let n: i8 = number(n, 1).filter(|n| (1..=2).contains(n))?;
            ((n - 1) * 6 + 1, Granularity::Half)
        }
        _ => {
            let month = match code {
                "SP" => 3,
                "SU" => 6,
                "FA" => 9,
                "WI" => 12,
                _ => return None,
            };
            (month, Granularity::Season)
        }
    };
    Some((Date::new(year, month, 1).ok()?, granularity))
}

/// Monday of ISO week `week` of ISO year `year`.
fn week_start(year: i16, week: i8) -> Option<Date> {
    jiff::civil::ISOWeekDate::new(year, week, Weekday::Monday)
        .ok()
        .map(|w| w.date())
}

pub use crate::language::calendar::{month_name, weekday_name};

/// A label for readers: "Wednesday 26 January 2022", "December 2021", "week of 31 January 2022".
/// Floating values that follow the `XXXX-WXX-N` pattern name the weekday; others are shown as is.
pub fn label(value: &str) -> String {
    let Anchor::Fixed { start, granularity } = parse(value) else {
        return floating_label(value);
    };
    let day = |d: Date| format!("{} {} {}", d.day(), month_name(d.month()), d.year());
    match granularity {
        Granularity::Time | Granularity::PartOfDay | Granularity::Day => {
            let weekday = weekday_name(start.weekday());
            match value.split_once('T').map(|(_, t)| t) {
                None => format!("{weekday} {}", day(start)),
                Some(t) => match part_of_day(t) {
                    Some(part) => format!("{weekday} {part}, {}", day(start)),
                    None => format!("{weekday} {}, {}", day(start), t.get(..5).unwrap_or(t)),
                },
            }
        }
        Granularity::Week if value.ends_with("-WE") => format!("weekend of {}", day(start)),
        Granularity::Week => format!("week of {}", day(start)),
        Granularity::Month => format!("{} {}", month_name(start.month()), start.year()),
        Granularity::Season => {
            let name = ["spring", "summer", "autumn", "winter"][(start.month() / 3 - 1) as usize];
            format!("{name} {}", start.year())
        }
        Granularity::Quarter => format!("Q{} {}", (start.month() - 1) / 3 + 1, start.year()),
        Granularity::Half => format!("H{} {}", (start.month() - 1) / 6 + 1, start.year()),
        Granularity::Year => start.year().to_string(),
        Granularity::Decade => format!("the {}s", start.year()),
        Granularity::Century => century(start.year() / 100 + 1),
    }
}

/// A part of the day as a reader writes it after a weekday: "MO" -> "morning".
pub fn part_of_day(code: &str) -> Option<&'static str> {
    Some(match code {
        "MO" => "morning",
        "AF" => "afternoon",
        "EV" => "evening",
        "NI" => "night",
        "DT" => "daytime",
        _ => return None,
    })
}

/// "the 20th century", "the 21st century".
fn century(n: i16) -> String {
    let suffix = match (n % 10, n % 100) {
        (1, 11) | (2, 12) | (3, 13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("the {n}{suffix} century")
}

/// Days from `a` to `b` (negative when `b` is earlier; saturated far out of range).
pub fn days_between(a: Date, b: Date) -> i64 {
    a.until(b).map_or(i64::MAX, |s| i64::from(s.get_days()))
}

/// A day as a reader writes it: "28 January 2022".
pub fn day_label(d: Date) -> String {
    format!("{} {} {}", d.day(), month_name(d.month()), d.year())
}

fn floating_label(value: &str) -> String {
    match value {
        "PRESENT_REF" => return "now".to_string(),
        "PAST_REF" => return "in the past".to_string(),
        "FUTURE_REF" => return "in the future".to_string(),
        _ => {}
    }
    let Some(rest) = value.strip_prefix("XXXX") else {
        return value.to_string();
    };
    let rest = rest.strip_prefix('-').unwrap_or(rest);
    let unknown_year = |what: String| format!("{what} (year not given)");
    if let Some(day) = rest.strip_prefix("WXX-") {
        let (day, part) = day.split_once('T').unwrap_or((day, ""));
        let part = match part {
            "MO" => " morning",
            "AF" => " afternoon",
            "EV" => " evening",
            "NI" => " night",
            _ => "",
        };
        return match day.parse::<usize>() {
            Ok(n @ 1..=7) => format!("{}{part}, week of publication", calendar::WEEKDAYS[n - 1]),
            _ if day == "WE" => "the weekend, week of publication".to_string(),
            _ => "a day of the week of publication".to_string(),
        };
    }
    match rest {
        "" | "XX" | "XX-XX" => return "a date not given".to_string(),
        "WXX" => return "a week (date not given)".to_string(),
        "SP" => return unknown_year("spring".into()),
        "SU" => return unknown_year("summer".into()),
        "FA" => return unknown_year("autumn".into()),
        "WI" => return unknown_year("winter".into()),
        _ => {}
    }
    if matches!(rest, "Q1" | "Q2" | "Q3" | "Q4" | "H1" | "H2") {
        return unknown_year(rest.to_string());
    }
    let mut parts = rest.split('-');
    match (
        parts.next().and_then(|m| m.parse::<i8>().ok()),
        parts.next().map(|d| d.parse::<u8>()),
    ) {
        (Some(m @ 1..=12), None) => unknown_year(month_name(m).to_string()),
        (Some(m @ 1..=12), Some(Ok(d @ 1..=31))) => unknown_year(format!("{d} {}", month_name(m))),
        _ => "a date not given".to_string(),
    }
}

/// A key that orders values chronologically: by first day, then shorter periods first;
/// floating values sort after every fixed one, by their text.
pub fn sort_key(value: &str) -> (u8, Date, Granularity, String) {
    match parse(value) {
        Anchor::Fixed { start, granularity } => (0, start, granularity, String::new()),
        Anchor::Floating => (1, Date::MAX, Granularity::Century, value.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn parses_calendar_values() {
        let cases = [
            ("2022-01-26", date(2022, 1, 26), Granularity::Day),
            ("2021-12", date(2021, 12, 1), Granularity::Month),
            ("2022", date(2022, 1, 1), Granularity::Year),
            ("2022-W05", date(2022, 1, 31), Granularity::Week),
            ("2022-W04-3", date(2022, 1, 26), Granularity::Day),
            ("2022-Q3", date(2022, 7, 1), Granularity::Quarter),
            ("2022-H2", date(2022, 7, 1), Granularity::Half),
            ("2022-SU", date(2022, 6, 1), Granularity::Season),
            ("198", date(1980, 1, 1), Granularity::Decade),
            ("19", date(1900, 1, 1), Granularity::Century),
            ("2022-01-28TMO", date(2022, 1, 28), Granularity::PartOfDay),
            ("2022-01-28T14:30", date(2022, 1, 28), Granularity::Time),
            ("2022-W04-WE", date(2022, 1, 29), Granularity::Week),
        ];
        for (value, start, granularity) in cases {
            assert_eq!(
                parse(value),
                Anchor::Fixed { start, granularity },
                "{value}"
            );
        }
    }

    #[test]
    fn floating_and_malformed_values_do_not_parse() {
        for value in [
            "XXXX-WXX-3",
            "PAST_REF",
            "P3Y",
            "2022-13",
            "2022-02-30",
            "",
            "2022-W60",
            "20x2",
            "2022-01-26T99",
        ] {
            assert_eq!(parse(value), Anchor::Floating, "{value}");
        }
    }

    #[test]
    fn labels_read_like_prose() {
        let cases = [
            ("2022-01-26", "Wednesday 26 January 2022"),
            ("2021-12", "December 2021"),
            ("2022-W05", "week of 31 January 2022"),
            ("2022-W04-WE", "weekend of 29 January 2022"),
            ("2022-01-28TEV", "Friday evening, 28 January 2022"),
            ("2022-01-28T14:30", "Friday 28 January 2022, 14:30"),
            ("2018-WI", "winter 2018"),
            ("19", "the 20th century"),
            ("20", "the 21st century"),
            ("XXXX-WXX-3", "Wednesday, week of publication"),
            ("XXXX-12", "December (year not given)"),
            ("XXXX-07-01", "1 July (year not given)"),
            ("XXXX-Q1", "Q1 (year not given)"),
            ("XXXX-SU", "summer (year not given)"),
            ("XXXX-H2", "H2 (year not given)"),
            ("XXXX-WXX", "a week (date not given)"),
            ("XXXX-WXX-WE", "the weekend, week of publication"),
            ("XXXX-WXX-7TEV", "Sunday evening, week of publication"),
            ("XXXX-XX-XX", "a date not given"),
            ("XXXX-13", "a date not given"),
            ("XXXX-Q9", "a date not given"),
            ("PAST_REF", "in the past"),
            ("2022-Q3", "Q3 2022"),
            ("198", "the 1980s"),
        ];
        for (value, want) in cases {
            assert_eq!(label(value), want, "{value}");
        }
    }

    #[test]
    fn sort_key_orders_chronologically_with_floating_last() {
        let mut values = vec![
            "XXXX-WXX-3",
            "2022-W05",
            "2022-01-31",
            "2021-12",
            "2021-12-05",
            "2022",
        ];
        values.sort_by_key(|v| sort_key(v));
        assert_eq!(
            values,
            [
                "2021-12",
                "2021-12-05",
                "2022",
                "2022-01-31",
                "2022-W05",
                "XXXX-WXX-3"
            ]
        );
    }
}
