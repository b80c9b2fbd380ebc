//! Reader-facing labels for what `value::label` cannot name from the value alone:
//! dates relative to a publication date the article does not give ("the week after
//! publication"), modified dates ("early 2022"), durations ("3 years") and sets
//! ("every Monday").

use super::calendar;
use super::grammar::Modifier;
use super::lexicon::Unit;
use super::value::{month_name, weekday_name};

/// "the day before publication", "the week after publication", "3 years before publication".
pub fn relative(unit: Unit, offset: i64, anchor: &str) -> String {
    let name = unit.name();
    match offset {
        0 => format!("the {name} of {anchor}"),
        -1 => format!("the {name} before {anchor}"),
        1 => format!("the {name} after {anchor}"),
        n if n < 0 => format!("{} {name}s before {anchor}", -n),
        n => format!("{n} {name}s after {anchor}"),
    }
}

/// A weekday of an unknown week: "Wednesday, week of publication".
pub fn weekday(day: u8, last: bool, next: bool) -> String {
    let name = weekday_name(calendar::weekday(day));
    match (last, next) {
        (true, _) => format!("{name} before publication"),
        (_, true) => format!("{name} after publication"),
        _ => format!("{name}, week of publication"),
    }
}

/// A month or a day of an unknown year: "December (year not given)", "26 January (year not given)".
pub fn yearless(month: u8, day: Option<u8>) -> String {
    let month = month_name(month as i8);
    match day {
        Some(d) => format!("{d} {month} (year not given)"),
        None => format!("{month} (year not given)"),
    }
}

/// A label with its TIMEX3 modifier: "early 2022", "mid-February 2022", "the mid-1990s",
/// "about 3 years".
pub fn modified(modifier: Modifier, label: &str) -> String {
    if let Some(rest) = label.strip_prefix("the ")
        && matches!(modifier, Modifier::Start | Modifier::Mid | Modifier::End)
    {
        return format!("the {}", modified(modifier, rest));
    }
    match modifier {
        Modifier::Start => format!("early {label}"),
        Modifier::Mid => format!("mid-{label}"),
        Modifier::End => format!("late {label}"),
        // "earlier this year" in November is September, not early in the year
        Modifier::Earlier | Modifier::Later => label.to_string(),
        Modifier::LessThan => format!("less than {label}"),
        Modifier::MoreThan => format!("more than {label}"),
    }
}

/// A duration value for readers: "P3Y" -> "3 years", "PXD" -> "several days", "PT24H" -> "24 hours".
pub fn duration(value: &str) -> String {
    let Some(rest) = value.strip_prefix('P') else {
        return value.to_string();
    };
    let (clock, rest) = match rest.strip_prefix('T') {
        Some(r) => (true, r),
        None => (false, rest),
    };
    let Some(letter) = rest.chars().last() else {
        return value.to_string();
    };
    let amount = &rest[..rest.len() - letter.len_utf8()];
    let unit = match (clock, letter) {
        (true, 'H') => "hour",
        (true, 'M') => "minute",
        (true, 'S') => "second",
        (false, 'D') => "day",
        (false, 'W') => "week",
        (false, 'M') => "month",
        (false, 'Q') => "quarter",
        (false, 'Y') => "year",
        _ => return value.to_string(),
    };
    match amount {
        "X" => format!("several {unit}s"),
        "1" => format!("1 {unit}"),
        n => format!("{n} {unit}s"),
    }
}

/// A set value for readers: "P1W" -> "every week", "XXXX-WXX-1" -> "every Monday".
pub fn set(value: &str) -> String {
    if let Some(rest) = value.strip_prefix("XXXX-WXX-") {
        let (day, part) = rest.split_once('T').unwrap_or((rest, ""));
        let Some(day) = day.parse::<u8>().ok().filter(|d| (1..=7).contains(d)) else {
            return value.to_string();
        };
        return format!(
            "every {}{}",
            weekday_name(calendar::weekday(day)),
            part_name(part)
        );
    }
    if let Some(part) = value.strip_prefix("XXXX-XX-XXT") {
        return format!("every{}", part_name(part));
    }
    let every = duration(value);
    match every.strip_prefix("1 ") {
        Some(unit) => format!("every {unit}"),
        None => format!("every {every}"),
    }
}

fn part_name(code: &str) -> &'static str {
    match code {
        "MO" => " morning",
        "AF" => " afternoon",
        "EV" => " evening",
        "NI" => " night",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels() {
        let cases = [
            (
                relative(Unit::Week, 1, "publication"),
                "the week after publication",
            ),
            (
                relative(Unit::Day, -2, "publication"),
                "2 days before publication",
            ),
            (
                relative(Unit::Year, 0, "publication"),
                "the year of publication",
            ),
            (weekday(3, false, false), "Wednesday, week of publication"),
            (weekday(5, true, false), "Friday before publication"),
            (yearless(1, Some(26)), "26 January (year not given)"),
            (
                modified(Modifier::Mid, "February 2022"),
                "mid-February 2022",
            ),
            (modified(Modifier::Mid, "the 1990s"), "the mid-1990s"),
            (modified(Modifier::End, "the 1980s"), "the late 1980s"),
            (duration("P3Y"), "3 years"),
            (duration("PXD"), "several days"),
            (duration("PT24H"), "24 hours"),
            (duration("P2.5Y"), "2.5 years"),
            (duration("P"), "P"),
            (set("P1W"), "every week"),
            (set("P2Y"), "every 2 years"),
            (set("XXXX-WXX-1"), "every Monday"),
            (set("XXXX-WXX-2TNI"), "every Tuesday night"),
            (set("XXXX-XX-XXTMO"), "every morning"),
            (set("XXXX-WXX-9"), "XXXX-WXX-9"),
        ];
        for (got, want) in cases {
            assert_eq!(got, want);
        }
    }
}
