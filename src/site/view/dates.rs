//! Dates for readers: TIMEX3 values and event dates in, the words a page prints out.
//!
//! Every date a page shows goes through here, so no raw value (`XXXX-WXX`, `2024-Q1`)
//! ever reaches a reader: an event's own `when` when the file sets it, else the label
//! of its value (`timex::value::label`); a value that has no label (an unknown code
//! written by hand) reads [`UNCLEAR`]. Briefing dates are ISO strings formatted like
//! the `date` filter's default ("24 March 2026").

use crate::analysis::timex::value;
use crate::briefing::EventMeta;

/// What a page shows for a date value nobody can read.
pub const UNCLEAR: &str = "a date not given";

/// The date of an event for readers: its `when`, else the label of its value.
pub fn event_when(event: &EventMeta) -> String {
    match event.when.trim() {
        "" => value_label(&event.date),
        when => when.to_string(),
    }
}

/// The label of a TIMEX3 value, or [`UNCLEAR`] when it has none.
pub fn value_label(date: &str) -> String {
    period_label(date).unwrap_or_else(|| UNCLEAR.to_string())
}

/// The label of a TIMEX3 value, `None` when `timex::value::label` does not know it
/// (it then gives the value back unchanged).
pub fn period_label(date: &str) -> Option<String> {
    let date = date.trim();
    let label = value::label(date);
    let known = matches!(value::parse(date), value::Anchor::Fixed { .. })
        || (label.trim() != date && !label.contains("XXXX"));
    (known && !label.trim().is_empty()).then_some(label)
}

/// An ISO date (`2026-03-24`) as pages print it (`24 March 2026`); other text as it is.
pub fn day_label(iso: &str) -> String {
    match iso.trim().parse::<jiff::civil::Date>() {
        Ok(d) => format!(
            "{} {} {}",
            d.day(),
            crate::language::calendar::month_name(d.month()),
            d.year()
        ),
        Err(_) => iso.to_string(),
    }
}

/// The granularity word of a TIMEX3 value, `unknown` when it names no fixed period.
pub fn granularity(date: &str) -> &'static str {
    match value::parse(date) {
        value::Anchor::Fixed { granularity, .. } => granularity.as_str(),
        value::Anchor::Floating => "unknown",
    }
}

/// A valid HTML `datetime` for the periods HTML can name (day, week, month, year).
pub fn datetime(date: &str) -> Option<String> {
    use value::Granularity as G;
    let value::Anchor::Fixed { start, granularity } = value::parse(date) else {
        return None;
    };
    match granularity {
        G::Day | G::Time | G::PartOfDay => Some(start.to_string()),
        G::Week => {
            let week = start.iso_week_date();
            Some(format!("{:04}-W{:02}", week.year(), week.week()))
        }
        G::Month => Some(format!("{:04}-{:02}", start.year(), start.month())),
        G::Year => Some(format!("{:04}", start.year())),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_datetimes_for_fixed_periods() {
        let cases = [
            ("2022-01-26", Some("2022-01-26"), "day"),
            ("2022-01-26T10:30", Some("2022-01-26"), "time"),
            ("2022-W05", Some("2022-W05"), "week"),
            ("2022-W04-3", Some("2022-01-26"), "day"),
            ("2021-12", Some("2021-12"), "month"),
            ("2022", Some("2022"), "year"),
            ("2022-Q1", None, "quarter"),
            ("XXXX-WXX-3", None, "unknown"),
            ("PAST_REF", None, "unknown"),
        ];
        for (value, want, gran) in cases {
            assert_eq!(
                (datetime(value).as_deref(), granularity(value)),
                (want, gran),
                "{value}"
            );
        }
    }

    #[test]
    fn no_raw_value_reaches_a_reader() {
        let event = |date: &str, when: &str| EventMeta {
            date: date.into(),
            when: when.into(),
            text: String::new(),
            actors: Vec::new(),
            reported: false,
        };
        let cases = [
            (event("2024-03-12", ""), "Tuesday 12 March 2024"),
            (event("2024-03-12", " last Tuesday "), "last Tuesday"),
            (event("2024", ""), "2024"),
            (event("XXXX-WXX-3", ""), "Wednesday, week of publication"),
            (event("PAST_REF", ""), "in the past"),
            (event("XXXX-ZZ-9", ""), UNCLEAR),
            (event("FOO_REF", ""), UNCLEAR),
            (event("", ""), UNCLEAR),
            (event("XXXX-ZZ-9", "some spring"), "some spring"),
        ];
        for (e, want) in cases {
            assert_eq!(event_when(&e), want, "{e:?}");
        }
    }

    #[test]
    fn days_read_like_every_other_date() {
        let cases = [
            ("2026-03-24", "24 March 2026"),
            ("2026-01-05", "5 January 2026"),
            ("soon", "soon"),
        ];
        for (iso, want) in cases {
            assert_eq!(day_label(iso), want, "{iso}");
        }
    }
}
