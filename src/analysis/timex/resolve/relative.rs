//! Resolution of dates that need a reference point: weekdays and weekends picked
//! around the publication date, deictic periods ("next week"), anaphora ("the next
//! day", "a year earlier") and "the quarter" of financial reports.

use super::occurrence::choose;
use super::{Context, Dated, unknown, unknown_value};
use crate::analysis::timex::calendar::{self, Period};
use crate::analysis::timex::grammar::{Pick, YearSpec};
use crate::analysis::timex::label;
use crate::analysis::timex::lexicon::Unit;
use crate::analysis::timex::tense::Tense;
use crate::analysis::timex::value::Granularity;

impl Context {
    pub(super) fn weekday(&self, day: u8, pick: Pick, tense: Tense) -> Dated {
        let Some(p) = self.published else {
            return Dated::Floating(
                format!("XXXX-WXX-{day}"),
                label::weekday(day, pick == Pick::Last, pick == Pick::Next),
            );
        };
        let at = |weeks: i64| {
            calendar::add_days(p, weeks * 7)
                .and_then(|d| calendar::weekday_in_week(d, day))
                .map(Period::day)
        };
        choose([at(-1), at(0), at(1)], p, pick, tense).map_or_else(unknown, Dated::Period)
    }

    pub(super) fn weekend(&self, pick: Pick, tense: Tense) -> Dated {
        let Some(p) = self.published else {
            return Dated::Floating("XXXX-WXX-WE".to_string(), "the weekend".to_string());
        };
        // a weekend as a two-day period from its Saturday, so that "has it ended" is right
        let at = |weeks: i64| {
            let sat =
                calendar::add_days(p, weeks * 7).and_then(|d| calendar::weekday_in_week(d, 6))?;
            Some(Period {
                start: sat,
                granularity: Granularity::Day,
            })
        };
        let sunday_before = |w: &Period| calendar::add_days(w.start, 1).is_some_and(|sun| sun < p);
        let all = [at(-1), at(0), at(1)];
        let found = match (pick, tense) {
            (Pick::This, _) => all[1],
            (Pick::Last, _) => all
                .into_iter()
                .flatten()
                .filter(sunday_before)
                .max_by_key(|w| w.start),
            (Pick::Next, _) => all
                .into_iter()
                .flatten()
                .filter(|w| w.start > p)
                .min_by_key(|w| w.start),
            (_, Tense::Future) => all
                .into_iter()
                .flatten()
                .filter(|w| !sunday_before(w))
                .min_by_key(|w| w.start),
            _ => all
                .into_iter()
                .flatten()
                .filter(|w| w.start <= p)
                .max_by_key(|w| w.start),
        };
        found.map_or_else(unknown, |w| Dated::Weekend(w.start))
    }

    pub(super) fn deictic(&self, unit: Unit, offset: i64) -> Dated {
        let Some(p) = self.published else {
            return Dated::Floating(
                unknown_value(unit),
                label::relative(unit, offset, "publication"),
            );
        };
        let steps = if unit == Unit::Fortnight {
            offset.saturating_mul(2)
        } else {
            offset
        };
        let base = Period::containing(p, unit.granularity().max(Granularity::Day));
        base.and_then(|b| b.shift(steps))
            .map_or_else(unknown, Dated::Period)
    }

    /// The anchor for an anaphoric expression of `unit`: the latest date mentioned whose
    /// granularity is at least as fine, else the publication day.
    fn anchor(&self, granularity: Granularity) -> Option<Period> {
        let fine = self
            .anchors
            .iter()
            .rev()
            .take(8)
            .find(|a| a.granularity <= granularity)
            .copied();
        fine.or_else(|| self.published.map(Period::day))
    }

    pub(super) fn anaphoric(&self, unit: Unit, offset: i64) -> Dated {
        let granularity = unit.granularity().max(Granularity::Day);
        let Some(base) = self.anchor(granularity) else {
            return Dated::Floating(
                unknown_value(unit),
                label::relative(unit, offset, "the date mentioned before"),
            );
        };
        let steps = if unit == Unit::Fortnight {
            offset.saturating_mul(2)
        } else {
            offset
        };
        base.widen(granularity)
            .and_then(|b| b.shift(steps))
            .map_or_else(unknown, Dated::Period)
    }

    /// "two days ago", "a year earlier": counted from the publication date (or the last
    /// date), keeping a finer anchor's granularity ("a year ago" after "the third
    /// quarter" is that quarter a year before).
    pub(super) fn ago(&self, unit: Unit, offset: i64, anaphoric: bool) -> Dated {
        let granularity = unit.granularity().max(Granularity::Day);
        let last_quarter = self
            .anchors
            .last()
            .filter(|a| a.granularity == Granularity::Quarter)
            .copied();
        let base = match last_quarter {
            Some(q) if unit == Unit::Year => Some((q, q.granularity)),
            // "seven decades later" before any date: the story's time is unknown, and
            // counting from the publication date would put the past in the future
            _ if anaphoric && offset > 0 && self.anchors.is_empty() => None,
            _ if anaphoric => self.anchor(granularity).map(|b| (b, b.granularity)),
            _ => self.published.map(|p| (Period::day(p), granularity)),
        };
        let Some((base, granularity)) = base else {
            let anchor = if anaphoric {
                "the date mentioned before"
            } else {
                "publication"
            };
            return Dated::Floating(unknown_value(unit), label::relative(unit, offset, anchor));
        };
        let (months, days) = match unit {
            Unit::Month => (1, 0),
            Unit::Quarter => (3, 0),
            Unit::Year => (12, 0),
            Unit::Decade => (120, 0),
            Unit::Century => (1200, 0),
            Unit::Week | Unit::Weekend => (0, 7),
            Unit::Fortnight => (0, 14),
            _ => (0, 1),
        };
        let moved = if months > 0 {
            offset
                .checked_mul(months)
                .and_then(|n| calendar::add_months(base.start, n))
        } else {
            offset
                .checked_mul(days)
                .and_then(|n| calendar::add_days(base.start, n))
        };
        moved
            .and_then(|d| Period::containing(d, granularity))
            .map_or_else(unknown, Dated::Period)
    }

    /// A quarter the report is about (`Expr::Quarter` with `n` 0): "the quarter" is the
    /// last quarter mentioned, else the one before publication; "the latest quarter",
    /// "the year-ago quarter" and "the 1988 quarter" start from the latest quarter
    /// already over (a forecast for the quarter under way is not what was reported).
    pub(super) fn the_quarter(&self, year: YearSpec) -> Dated {
        let found = match year {
            YearSpec::Pick(_) => self.quarters.last().copied().or_else(|| self.reported()),
            YearSpec::Offset(o) => self
                .reported_quarter()
                .and_then(|q| q.shift(o.checked_mul(4)?)),
            YearSpec::Given(y) => self.reported_quarter().and_then(|q| {
                Some(Period {
                    start: calendar::ymd(y, q.start.month().try_into().ok()?, 1)?,
                    granularity: Granularity::Quarter,
                })
            }),
        };
        match found {
            Some(q) => Dated::Period(q),
            None => Dated::Floating("XXXX-QX".to_string(), "the quarter".to_string()),
        }
    }

    /// The quarter before the one of the publication date.
    fn reported(&self) -> Option<Period> {
        Period::containing(self.published?, Granularity::Quarter)?.shift(-1)
    }

    /// The latest quarter mentioned that was over by publication, else the one before it.
    fn reported_quarter(&self) -> Option<Period> {
        let Some(p) = self.published else {
            return self.quarters.last().copied();
        };
        let over = |q: &&Period| q.shift(1).is_some_and(|next| next.start <= p);
        self.quarters
            .iter()
            .rev()
            .find(over)
            .copied()
            .or_else(|| self.reported())
    }
}
