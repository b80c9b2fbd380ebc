//! Calendar periods: a first day and a [`Granularity`] in, shifted periods and TIMEX3
//! value strings out.
//!
//! Resolution works on periods ("the week of 2022-01-24", "2021-Q4") rather than on
//! strings, so that "last week", "a year earlier" or "the quarter before" are one
//! shift of one period. Every function here is total: arithmetic that leaves jiff's
//! range (years beyond ±9999) returns `None` instead of panicking, so odd input such
//! as "the year 99999" simply does not resolve.

use jiff::Span;
use jiff::civil::{Date, ISOWeekDate, Weekday};

use super::value::Granularity;

/// A period of the calendar: `start` is its first day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub start: Date,
    pub granularity: Granularity,
}

/// `date + n days`, or `None` out of range.
pub fn add_days(date: Date, n: i64) -> Option<Date> {
    date.checked_add(Span::new().try_days(n).ok()?).ok()
}

/// `date + n months` (clamped to the month's last day), or `None` out of range.
pub fn add_months(date: Date, n: i64) -> Option<Date> {
    date.checked_add(Span::new().try_months(n).ok()?).ok()
}

/// The Monday of the ISO week holding `date`.
pub fn monday_of(date: Date) -> Option<Date> {
    add_days(date, -i64::from(date.weekday().to_monday_zero_offset()))
}

/// The day with weekday `day` (1 = Monday .. 7 = Sunday) in the ISO week holding `date`.
pub fn weekday_in_week(date: Date, day: u8) -> Option<Date> {
    add_days(monday_of(date)?, i64::from(day.clamp(1, 7)) - 1)
}

/// A date in `year` if it exists (no "February 30").
pub fn ymd(year: i32, month: u8, day: u8) -> Option<Date> {
    let year = i16::try_from(year)
        .ok()
        .filter(|y| (1..=9999).contains(y))?;
    Date::new(year, i8::try_from(month).ok()?, i8::try_from(day).ok()?).ok()
}

impl Period {
    pub fn day(start: Date) -> Period {
        Period {
            start,
            granularity: Granularity::Day,
        }
    }

    /// The period of granularity `granularity` that holds `date`. Granularities finer
    /// than a day give the day.
    pub fn containing(date: Date, granularity: Granularity) -> Option<Period> {
        let (y, m) = (date.year(), date.month());
        let start = match granularity {
            Granularity::Time | Granularity::PartOfDay | Granularity::Day => date,
            Granularity::Week => monday_of(date)?,
            Granularity::Month => date.first_of_month(),
            Granularity::Season => season_start(date)?,
            Granularity::Quarter => Date::new(y, (m - 1) / 3 * 3 + 1, 1).ok()?,
            Granularity::Half => Date::new(y, (m - 1) / 6 * 6 + 1, 1).ok()?,
            Granularity::Year => date.first_of_year(),
            Granularity::Decade => Date::new(y - y.rem_euclid(10), 1, 1).ok()?,
            Granularity::Century => Date::new(y - y.rem_euclid(100), 1, 1).ok()?,
        };
        let granularity = granularity.max(Granularity::Day);
        Some(Period { start, granularity })
    }

    /// The same kind of period `n` steps later (earlier when `n < 0`).
    pub fn shift(self, n: i64) -> Option<Period> {
        let start = match self.granularity {
            Granularity::Time | Granularity::PartOfDay | Granularity::Day => {
                add_days(self.start, n)?
            }
            Granularity::Week => add_days(self.start, n.checked_mul(7)?)?,
            Granularity::Month => add_months(self.start, n)?,
            Granularity::Season | Granularity::Quarter => {
                add_months(self.start, n.checked_mul(3)?)?
            }
            Granularity::Half => add_months(self.start, n.checked_mul(6)?)?,
            Granularity::Year => add_months(self.start, n.checked_mul(12)?)?,
            Granularity::Decade => add_months(self.start, n.checked_mul(120)?)?,
            Granularity::Century => add_months(self.start, n.checked_mul(1200)?)?,
        };
        Some(Period { start, ..self })
    }

    /// The same period seen at a coarser (or equal) granularity.
    pub fn widen(self, granularity: Granularity) -> Option<Period> {
        if granularity <= self.granularity {
            return Some(self);
        }
        Period::containing(self.start, granularity)
    }

    /// The last day of the period.
    pub fn last_day(self) -> Option<Date> {
        add_days(self.shift(1)?.start, -1)
    }

    /// Whether `date` falls inside the period.
    pub fn contains(self, date: Date) -> bool {
        date >= self.start && self.last_day().is_some_and(|end| date <= end)
    }

    /// The TIMEX3 value: "2022-01-26", "2022-W05", "2021-12", "2022-Q1", "2021-WI", "2022", "199", "19".
    pub fn value(self) -> String {
        let d = self.start;
        let (y, m) = (d.year(), d.month());
        match self.granularity {
            Granularity::Time | Granularity::PartOfDay | Granularity::Day => {
                format!("{y:04}-{m:02}-{:02}", d.day())
            }
            Granularity::Week => {
                let w = ISOWeekDate::from_date(d);
                format!("{:04}-W{:02}", w.year(), w.week())
            }
            Granularity::Month => format!("{y:04}-{m:02}"),
            Granularity::Season => {
                let code = ["SP", "SU", "FA", "WI"][((m / 3).clamp(1, 4) - 1) as usize];
                format!("{y:04}-{code}")
            }
            Granularity::Quarter => format!("{y:04}-Q{}", (m - 1) / 3 + 1),
            Granularity::Half => format!("{y:04}-H{}", (m - 1) / 6 + 1),
            Granularity::Year => format!("{y:04}"),
            Granularity::Decade => format!("{:03}", y.div_euclid(10)),
            Granularity::Century => format!("{:02}", y.div_euclid(100)),
        }
    }
}

/// The first day of the meteorological season holding `date` (winter starts 1 December,
/// so January 2022 lies in the winter that started in December 2021).
fn season_start(date: Date) -> Option<Date> {
    let (y, m) = (date.year(), date.month());
    match m {
        3..=5 => Date::new(y, 3, 1).ok(),
        6..=8 => Date::new(y, 6, 1).ok(),
        9..=11 => Date::new(y, 9, 1).ok(),
        12 => Date::new(y, 12, 1).ok(),
        _ => Date::new(y.checked_sub(1)?, 12, 1).ok(),
    }
}

/// The start of season `season` (0 spring, 1 summer, 2 autumn, 3 winter) of `year`.
pub fn season(year: i32, season: u8) -> Option<Period> {
    let month = [3, 6, 9, 12][usize::from(season.min(3))];
    Some(Period {
        start: ymd(year, month, 1)?,
        granularity: Granularity::Season,
    })
}

/// Weekday from a 1-based Monday index.
pub fn weekday(day: u8) -> Weekday {
    Weekday::from_monday_one_offset(day.clamp(1, 7) as i8).unwrap_or(Weekday::Monday)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn values_for_each_granularity() {
        let d = date(2022, 1, 28);
        let cases = [
            (Granularity::Day, "2022-01-28"),
            (Granularity::Week, "2022-W04"),
            (Granularity::Month, "2022-01"),
            (Granularity::Season, "2021-WI"),
            (Granularity::Quarter, "2022-Q1"),
            (Granularity::Half, "2022-H1"),
            (Granularity::Year, "2022"),
            (Granularity::Decade, "202"),
            (Granularity::Century, "20"),
        ];
        for (granularity, want) in cases {
            assert_eq!(
                Period::containing(d, granularity).unwrap().value(),
                want,
                "{granularity:?}"
            );
        }
    }

    #[test]
    fn shifts_keep_the_granularity() {
        let d = date(2022, 1, 28);
        let cases = [
            (Granularity::Week, 1, "2022-W05"),
            (Granularity::Week, -4, "2021-W52"),
            (Granularity::Month, -1, "2021-12"),
            (Granularity::Quarter, -1, "2021-Q4"),
            (Granularity::Year, 1, "2023"),
            (Granularity::Day, -2, "2022-01-26"),
            (Granularity::Season, 1, "2022-SP"),
        ];
        for (granularity, n, want) in cases {
            let p = Period::containing(d, granularity)
                .unwrap()
                .shift(n)
                .unwrap();
            assert_eq!(p.value(), want, "{granularity:?} {n}");
        }
    }

    #[test]
    fn out_of_range_arithmetic_is_none() {
        let d = date(9999, 12, 1);
        assert!(
            Period::containing(d, Granularity::Year)
                .unwrap()
                .shift(1)
                .is_none()
        );
        assert!(add_days(d, i64::MAX).is_none());
        assert!(ymd(2022, 2, 30).is_none());
        assert!(ymd(99_999, 1, 1).is_none());
        assert!(ymd(0, 1, 1).is_none());
    }

    #[test]
    fn weekdays_within_the_iso_week() {
        assert_eq!(
            weekday_in_week(date(2022, 1, 28), 3),
            Some(date(2022, 1, 26))
        );
        assert_eq!(
            weekday_in_week(date(2022, 1, 24), 7),
            Some(date(2022, 1, 30))
        );
        assert!(
            Period::containing(date(2022, 1, 28), Granularity::Month)
                .unwrap()
                .contains(date(2022, 1, 31))
        );
    }
}
