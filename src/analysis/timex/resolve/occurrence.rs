//! Picking one occurrence of a recurring period: three candidates (the previous, the
//! current and the next week or year) in, the one the expression means out.

use jiff::civil::Date;

use crate::analysis::timex::calendar::{Period, ymd};
use crate::analysis::timex::grammar::Pick;
use crate::analysis::timex::tense::Tense;

/// Picks one of three consecutive occurrences (previous, current, next).
pub(super) fn choose(
    cands: [Option<Period>; 3],
    reference: Date,
    pick: Pick,
    tense: Tense,
) -> Option<Period> {
    let ends_before = |p: &Period| p.last_day().is_some_and(|e| e < reference);
    let all = || cands.into_iter().flatten();
    match (pick, tense) {
        (Pick::This, _) => cands[1],
        (Pick::Last, _) => all().filter(ends_before).max_by_key(|p| p.start),
        (Pick::Next, _) => all()
            .filter(|p| p.start > reference)
            .min_by_key(|p| p.start),
        (Pick::Infer, Tense::Past) => all()
            .filter(|p| p.start <= reference)
            .max_by_key(|p| p.start),
        (Pick::Infer, Tense::Future) => all().filter(|p| !ends_before(p)).min_by_key(|p| p.start),
        (Pick::Infer, _) => all().min_by_key(|p| distance(*p, reference)),
    }
}

/// Whether a day picked by tense lies more than nine months from the reference date
/// although the same day nearer to it is a plausible reading: always for the past (a
/// past date named without its year is rarely most of a year old; "payable Dec. 15"
/// in a past-tense sentence is this December), within a month for the future ("by
/// Jan. 14" read the day after).
pub(super) fn far(
    picked: Option<Period>,
    reference: Date,
    cands: [Option<Period>; 3],
    tense: Tense,
) -> bool {
    let near = match tense {
        Tense::Past => 366,
        _ => 31,
    };
    let plausible = cands
        .into_iter()
        .flatten()
        .any(|c| distance(c, reference) <= near);
    plausible && picked.is_some_and(|p| distance(p, reference) > 270)
}

/// Whether a month picked in the past lies more than nine months back while the same
/// month begins within a month after `reference`: the sentence tells of a plan.
pub(super) fn month_ahead(
    picked: Option<Period>,
    reference: Date,
    cands: [Option<Period>; 3],
) -> bool {
    let soon = cands
        .into_iter()
        .flatten()
        .any(|c| c.start > reference && distance(c, reference) <= 31);
    soon && picked.is_some_and(|p| distance(p, reference) > 270)
}

/// Days between `reference` and the period (0 inside it).
fn distance(p: Period, reference: Date) -> i64 {
    let days = |a: Date, b: Date| {
        i64::from(
            a.until(b)
                .map_or(i32::MAX, |s| s.get_days())
                .unsigned_abs()
                .min(1 << 30),
        )
    };
    if p.contains(reference) {
        0
    } else if p.start > reference {
        days(reference, p.start)
    } else {
        p.last_day().map_or(i64::MAX, |e| days(e, reference))
    }
}

pub(super) fn holiday(year: i32, month: u8, day: u8) -> Option<Date> {
    if day == 0 {
        let first = ymd(year, month, 1)?;
        return first
            .nth_weekday_of_month(4, jiff::civil::Weekday::Thursday)
            .ok();
    }
    ymd(year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::timex::value::Granularity;
    use jiff::civil::date;

    fn day(d: Date) -> Option<Period> {
        Some(Period::day(d))
    }

    #[test]
    fn tense_and_direction_pick_the_occurrence() {
        // Wednesdays around Friday 28 January 2022
        let weds = [
            day(date(2022, 1, 19)),
            day(date(2022, 1, 26)),
            day(date(2022, 2, 2)),
        ];
        let friday = date(2022, 1, 28);
        let cases = [
            (Pick::Infer, Tense::Past, date(2022, 1, 26)),
            (Pick::Infer, Tense::Future, date(2022, 2, 2)),
            (Pick::Infer, Tense::Unknown, date(2022, 1, 26)),
            (Pick::Last, Tense::Future, date(2022, 1, 26)),
            (Pick::Next, Tense::Past, date(2022, 2, 2)),
            (Pick::This, Tense::Future, date(2022, 1, 26)),
        ];
        for (pick, tense, want) in cases {
            assert_eq!(
                choose(weds, friday, pick, tense),
                day(want),
                "{pick:?} {tense:?}"
            );
        }
        // the day itself: past and future both mean today; "last" and "next" do not
        let fris = [day(date(2022, 1, 21)), day(friday), day(date(2022, 2, 4))];
        assert_eq!(choose(fris, friday, Pick::Infer, Tense::Past), day(friday));
        assert_eq!(
            choose(fris, friday, Pick::Infer, Tense::Future),
            day(friday)
        );
        assert_eq!(
            choose(fris, friday, Pick::Last, Tense::Unknown),
            day(date(2022, 1, 21))
        );
        assert_eq!(
            choose(fris, friday, Pick::Next, Tense::Unknown),
            day(date(2022, 2, 4))
        );
    }

    #[test]
    fn distances_and_missing_candidates() {
        let month = |y, m| {
            Some(Period {
                start: date(y, m, 1),
                granularity: Granularity::Month,
            })
        };
        let decembers = [month(2020, 12), month(2021, 12), month(2022, 12)];
        let jan = date(2022, 1, 28);
        assert_eq!(
            choose(decembers, jan, Pick::Infer, Tense::Past),
            month(2021, 12)
        );
        assert_eq!(
            choose(decembers, jan, Pick::Infer, Tense::Future),
            month(2022, 12)
        );
        assert_eq!(
            choose(decembers, jan, Pick::Infer, Tense::Present),
            month(2021, 12)
        );
        assert_eq!(
            choose([None, None, None], jan, Pick::Infer, Tense::Past),
            None
        );
        let twelfths = [
            day(date(2021, 1, 12)),
            day(date(2022, 1, 12)),
            day(date(2023, 1, 12)),
        ];
        assert!(far(day(date(2023, 1, 12)), jan, twelfths, Tense::Future));
        assert!(!far(day(date(2022, 1, 12)), jan, twelfths, Tense::Future));
        let christmases = [
            day(date(2020, 12, 25)),
            day(date(2021, 12, 25)),
            day(date(2022, 12, 25)),
        ];
        assert!(!far(
            day(date(2022, 12, 25)),
            jan,
            christmases,
            Tense::Future
        ));
        let fifteenths = [
            day(date(2021, 3, 15)),
            day(date(2022, 3, 15)),
            day(date(2023, 3, 15)),
        ];
        assert!(far(day(date(2021, 3, 15)), jan, fifteenths, Tense::Past));
        assert_eq!(holiday(2022, 11, 0), Some(date(2022, 11, 24)));
        assert_eq!(holiday(2022, 2, 30), None);
    }
}
