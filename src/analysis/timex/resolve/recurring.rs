//! Recurring periods: seasons, months, quarters, halves, holidays and calendar dates
//! without a year, resolved to the occurrence the tense and the publication date pick.
//!
//! Kept apart from [`super`] (which dispatches on the kind of expression) because the
//! choice of year is its own rule: a given year wins, an offset ("next summer") counts
//! from the publication year, and otherwise the three occurrences around publication
//! are candidates and the tense picks one ([`super::occurrence::choose`]).

use super::occurrence::{choose, far, holiday, month_ahead};
use super::{Context, Dated, unknown};
use crate::analysis::timex::calendar::{self, Period, ymd};
use crate::analysis::timex::grammar::{Expr, Pick, YearSpec};
use crate::analysis::timex::label;
use crate::analysis::timex::tense::Tense;
use crate::analysis::timex::value::{self, Granularity};

impl Context {
    /// Seasons, quarters, halves and holidays: a period of a given or picked year.
    pub(super) fn cyclic(&self, expr: &Expr, tense: Tense) -> Dated {
        match expr {
            Expr::Season { season, year } => {
                let code = ["SP", "SU", "FA", "WI"][usize::from((*season).min(3))];
                self.yearly(
                    *year,
                    tense,
                    |y| calendar::season(y, *season),
                    format!("XXXX-{code}"),
                )
            }
            Expr::MonthOfYear { month, offset } => {
                let make = |y| {
                    Some(Period {
                        start: ymd(y, *month, 1)?,
                        granularity: Granularity::Month,
                    })
                };
                self.yearly(
                    YearSpec::Offset(*offset),
                    tense,
                    make,
                    format!("XXXX-{month:02}"),
                )
            }
            Expr::Quarter { n: 0, year } => self.the_quarter(*year),
            Expr::Quarter { n, year } => {
                let make = |y| {
                    Some(Period {
                        start: ymd(y, (n - 1) * 3 + 1, 1)?,
                        granularity: Granularity::Quarter,
                    })
                };
                self.yearly(*year, tense, make, format!("XXXX-Q{n}"))
            }
            Expr::Half { n, year } => {
                let make = |y| {
                    Some(Period {
                        start: ymd(y, (n - 1) * 6 + 1, 1)?,
                        granularity: Granularity::Half,
                    })
                };
                self.yearly(*year, tense, make, format!("XXXX-H{n}"))
            }
            Expr::Holiday { month, day, year } => {
                let make = |y| holiday(y, *month, *day).map(Period::day);
                let fallback = if *day == 0 {
                    format!("XXXX-{month:02}")
                } else {
                    format!("XXXX-{month:02}-{day:02}")
                };
                self.yearly(*year, tense, make, fallback)
            }
            _ => unknown(),
        }
    }

    pub(super) fn calendar(
        &self,
        year: Option<i32>,
        month: Option<u8>,
        day: Option<u8>,
        pick: Pick,
        tense: Tense,
    ) -> Dated {
        let make = |y: i32| -> Option<Period> {
            let m = month?;
            let month_period = Period {
                start: ymd(y, m, 1)?,
                granularity: Granularity::Month,
            };
            match day {
                Some(d) => Some(ymd(y, m, d).map_or(month_period, Period::day)),
                None => Some(month_period),
            }
        };
        match (year, month) {
            (Some(y), None) => ymd(y, 1, 1).map_or_else(unknown, |start| {
                Dated::Period(Period {
                    start,
                    granularity: Granularity::Year,
                })
            }),
            (Some(y), Some(_)) => make(y).map_or_else(unknown, Dated::Period),
            (None, Some(m)) => {
                let fallback = match day {
                    Some(d) => format!("XXXX-{m:02}-{d:02}"),
                    None => format!("XXXX-{m:02}"),
                };
                match self.yearly(YearSpec::Pick(pick), tense, make, fallback) {
                    Dated::Floating(v, _) => Dated::Floating(v, label::yearless(m, day)),
                    found => found,
                }
            }
            (None, None) => unknown(),
        }
    }

    /// A period that recurs every year: picked by `year`, or around the publication date.
    fn yearly(
        &self,
        year: YearSpec,
        tense: Tense,
        make: impl Fn(i32) -> Option<Period>,
        fallback: String,
    ) -> Dated {
        let floating = || {
            let label = value::label(&fallback);
            Dated::Floating(fallback.clone(), label)
        };
        let found = match (year, self.published) {
            (YearSpec::Given(y), _) => make(y),
            (_, None) => return floating(),
            (YearSpec::Offset(o), Some(p)) => {
                let this = make(i32::from(p.year()));
                match (o, this) {
                    // "this winter" in January is the winter that started in December
                    (0, Some(t)) if t.granularity == Granularity::Season => {
                        make(i32::from(p.year()) - 1)
                            .filter(|prev| prev.contains(p))
                            .or(Some(t))
                    }
                    _ => i32::try_from(o)
                        .ok()
                        .and_then(|o| make(i32::from(p.year()) + o)),
                }
            }
            (YearSpec::Pick(pick), Some(p)) => {
                let y = i32::from(p.year());
                let cands = [make(y - 1), make(y), make(y + 1)];
                let tense = match cands[1].map(|c| c.granularity) {
                    // "expects a third-quarter loss": the quarter reported on, not next year's
                    Some(Granularity::Quarter | Granularity::Half) if tense == Tense::Future => {
                        Tense::Unknown
                    }
                    // "informed them of a cutback in its supply in September", written in
                    // August: a month about to begin, not the one eleven months ago
                    Some(Granularity::Month)
                        if tense == Tense::Past
                            && self.far_from_verb
                            && month_ahead(choose(cands, p, pick, tense), p, cands) =>
                    {
                        Tense::Unknown
                    }
                    // a day named without its year is rarely most of a year away
                    Some(Granularity::Day)
                        if far(choose(cands, p, pick, tense), p, cands, tense) =>
                    {
                        Tense::Unknown
                    }
                    _ => tense,
                };
                choose(cands, p, pick, tense)
            }
        };
        found.map_or_else(floating, Dated::Period)
    }
}
