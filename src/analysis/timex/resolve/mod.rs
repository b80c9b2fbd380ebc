//! Resolution: an expression's meaning, the clause's tense and the article's context
//! (publication date, dates mentioned so far) in, a TIMEX3 type, value and label out.
//!
//! Deictic expressions count from the publication date; anaphoric ones from the last
//! date mentioned whose granularity fits ("the next day" needs a day). A recurring
//! period without a year or week ("Wednesday", "December", "the third quarter") has
//! three candidates around the publication date and the tense picks one: the latest
//! that started by publication for the past, the first that has not ended for the
//! future, the nearest otherwise. Without a publication date, relative expressions
//! stay relative ("XXXX-WXX-3", "the week after publication") while explicit dates
//! still resolve fully.

mod occurrence;
mod recurring;
mod relative;

use jiff::civil::Date;

use super::TimexType;
use super::calendar::{Period, ymd};
use super::grammar::{Amount, Expr, Modifier, YearSpec};
use super::label;
use super::lexicon::Unit;
use super::tense::Tense;
use super::value::{self, Granularity};

/// How many days into January an article may still be written in the old year.
const NEW_YEAR_DAYS: i8 = 7;

/// A resolved expression.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolved {
    pub kind: TimexType,
    pub value: String,
    pub label: String,
    pub modifier: Option<Modifier>,
}

/// What a date expression names.
#[derive(Debug, Clone, PartialEq)]
enum Dated {
    Period(Period),
    /// A weekend, by its Saturday.
    Weekend(Date),
    /// No fixed period: value and label.
    Floating(String, String),
}

/// The article-level state of resolution: the publication date and the dates
/// mentioned so far (anchors for anaphora), in document order.
#[derive(Debug, Clone)]
pub struct Context {
    published: Option<Date>,
    anchors: Vec<Period>,
    /// Quarters named in the text ("the third quarter"): what "the quarter" refers to.
    quarters: Vec<Period>,
    /// The expression being resolved stands far from the past verb that gives its
    /// tense ("informed them of a cutback in its supply in September"): it may date a
    /// plan the verb tells of rather than the verb's own event.
    pub(in crate::analysis::timex) far_from_verb: bool,
    /// The expression is in a heading: it is no anchor for anaphora.
    pub(in crate::analysis::timex) in_heading: bool,
}

impl Context {
    pub fn new(published: Option<Date>) -> Context {
        Context {
            published,
            anchors: Vec::new(),
            quarters: Vec::new(),
            far_from_verb: false,
            in_heading: false,
        }
    }

    /// Resolves one expression and remembers it as an anchor for later anaphora.
    /// Year-long comparisons ("a year earlier") are not anchors: the story stays in
    /// its own time; nor are dates in headings ("Problems we found (2013)"): the
    /// section's "two years later" counts from its story, not from its title.
    pub fn resolve(&mut self, expr: &Expr, tense: Tense) -> Resolved {
        let (resolved, period) = self.resolve_inner(expr, tense);
        if self.in_heading {
            return resolved;
        }
        let comparison = matches!(
            expr,
            Expr::Ago {
                unit: Unit::Year,
                ..
            } | Expr::Quarter {
                n: 0,
                year: YearSpec::Given(_)
            }
        ) || matches!(expr, Expr::Quarter { n: 0, year: YearSpec::Offset(o) } if *o != 0);
        match period {
            Some(p) if !comparison && matches!(expr, Expr::Quarter { .. }) => {
                self.quarters.push(p);
                self.anchors.push(p);
            }
            Some(p) if !comparison => self.anchors.push(p),
            _ => {}
        }
        resolved
    }

    fn resolve_inner(&self, expr: &Expr, tense: Tense) -> (Resolved, Option<Period>) {
        let plain = |kind, value: String, label| Resolved {
            kind,
            value,
            label,
            modifier: None,
        };
        match expr {
            Expr::Duration { amount, unit } => {
                let v = duration_value(*amount, *unit);
                (
                    plain(TimexType::Duration, v.clone(), label::duration(&v)),
                    None,
                )
            }
            Expr::Set(v) => (plain(TimexType::Set, v.clone(), label::set(v)), None),
            Expr::Ref(r) => (plain(TimexType::Date, r.to_string(), value::label(r)), None),
            Expr::Modified { modifier, inner } => {
                let (mut r, period) = self.resolve_inner(inner, tense);
                r.label = label::modified(*modifier, &r.label);
                r.modifier = Some(*modifier);
                (r, period)
            }
            Expr::PartOfDay { base, part } => {
                let (day, period) = self.day_value(base, tense);
                let v = format!("{day}T{part}");
                (
                    plain(TimexType::Time, v.clone(), time_label(&v, period)),
                    period,
                )
            }
            Expr::Time { base, hour, minute } => {
                let (day, period) = match base {
                    Some(b) => self.day_value(b, tense),
                    None => self.narrative_day(),
                };
                let v = format!("{day}T{hour:02}:{minute:02}");
                (
                    plain(TimexType::Time, v.clone(), time_label(&v, period)),
                    period,
                )
            }
            _ => {
                let dated = self.date(expr, tense);
                let period = match &dated {
                    Dated::Period(p) => Some(*p),
                    Dated::Weekend(sat) => Period::containing(*sat, Granularity::Week),
                    Dated::Floating(..) => None,
                };
                let (v, l) = match dated {
                    Dated::Period(p) => (p.value(), value::label(&p.value())),
                    Dated::Weekend(sat) => weekend_value(sat),
                    Dated::Floating(v, l) => (v, l),
                };
                (plain(TimexType::Date, v, l), period)
            }
        }
    }

    /// The day of a part-of-day or time base ("Friday", "yesterday").
    fn day_value(&self, base: &Expr, tense: Tense) -> (String, Option<Period>) {
        match self.date(base, tense) {
            Dated::Period(p) if p.granularity <= Granularity::Day => (p.value(), Some(p)),
            Dated::Period(p) => (p.value(), None),
            Dated::Weekend(sat) => (weekend_value(sat).0, None),
            Dated::Floating(v, _) => (v, None),
        }
    }

    /// The day a clock time without a day of its own is on: the day the story was last
    /// at ("Slepian was shot on Oct. 23 ... at 10 p.m."), else the publication day.
    fn narrative_day(&self) -> (String, Option<Period>) {
        match self.anchors.last() {
            Some(p) if p.granularity == Granularity::Day => (p.value(), Some(*p)),
            _ => self.publication_day(),
        }
    }

    fn publication_day(&self) -> (String, Option<Period>) {
        match self.published {
            Some(p) => (Period::day(p).value(), Some(Period::day(p))),
            None => ("XXXX-XX-XX".to_string(), None),
        }
    }

    /// The offset of a deictic year as the writer meant it: "earlier this year" or
    /// "left university this year" in a past clause published in the first week of
    /// January was written in, and is about, the year just ended.
    fn written_offset(&self, unit: Unit, offset: i64, tense: Tense) -> i64 {
        let new_year = self
            .published
            .is_some_and(|p| p.month() == 1 && p.day() <= NEW_YEAR_DAYS);
        if unit == Unit::Year && offset == 0 && tense == Tense::Past && new_year {
            -1
        } else {
            offset
        }
    }

    fn date(&self, expr: &Expr, tense: Tense) -> Dated {
        let found = match expr {
            Expr::Calendar {
                year,
                month,
                day,
                pick,
            } => return self.calendar(*year, *month, *day, *pick, tense),
            Expr::Weekday { day, pick } => return self.weekday(*day, *pick, tense),
            Expr::Deictic { unit, offset } => {
                return self.deictic(*unit, self.written_offset(*unit, *offset, tense));
            }
            // "the century" of a clause not in the past is the present one
            Expr::Anaphoric {
                unit: unit @ (Unit::Decade | Unit::Century),
                offset: 0,
            } if tense != Tense::Past => return self.deictic(*unit, 0),
            Expr::Anaphoric { unit, offset } => return self.anaphoric(*unit, *offset),
            Expr::Ago {
                unit,
                offset,
                anaphoric,
            } => return self.ago(*unit, *offset, *anaphoric),
            Expr::Weekend(pick) => return self.weekend(*pick, tense),
            Expr::Decade(y) => ymd(*y, 1, 1).map(|start| Period {
                start,
                granularity: Granularity::Decade,
            }),
            Expr::Century(y) => ymd((*y).max(1), 1, 1).map(|start| Period {
                start,
                granularity: Granularity::Century,
            }),
            Expr::Season { .. }
            | Expr::MonthOfYear { .. }
            | Expr::Quarter { .. }
            | Expr::Half { .. }
            | Expr::Holiday { .. } => {
                return self.cyclic(expr, tense);
            }
            Expr::Modified { inner, .. } | Expr::PartOfDay { base: inner, .. } => {
                return self.date(inner, tense);
            }
            _ => None,
        };
        found.map_or_else(unknown, Dated::Period)
    }
}

fn weekend_value(saturday: Date) -> (String, String) {
    let week = Period {
        start: saturday,
        granularity: Granularity::Week,
    }
    .value();
    let v = format!("{week}-WE");
    let l = value::label(&v);
    (v, l)
}

/// The label of a time or part of day: "Wednesday evening, 26 January 2022",
/// "Wednesday evening, week of publication", "morning (day not given)", "08:00 (day
/// not given)".
fn time_label(v: &str, period: Option<Period>) -> String {
    let label = value::label(v);
    if period.is_some() || !label.contains('X') {
        return label;
    }
    let (day, t) = v.split_once('T').unwrap_or((v, ""));
    let when = value::part_of_day(t).unwrap_or(t);
    match day {
        "XXXX-XX-XX" => format!("{when} (day not given)"),
        d => format!("{}, {when}", value::label(d)),
    }
}

fn unknown() -> Dated {
    Dated::Floating("XXXX-XX-XX".to_string(), "date not known".to_string())
}

/// The TIMEX3 value of an unknown period of `unit`: "XXXX-WXX", "XXXX-XX", "XXXX".
fn unknown_value(unit: Unit) -> String {
    match unit.granularity() {
        Granularity::Week => "XXXX-WXX",
        Granularity::Month => "XXXX-XX",
        Granularity::Quarter => "XXXX-QX",
        Granularity::Season => "XXXX-XX",
        Granularity::Year | Granularity::Half => "XXXX",
        Granularity::Decade => "XXX",
        Granularity::Century => "XX",
        _ => "XXXX-XX-XX",
    }
    .to_string()
}

/// "P3Y", "P2Y6M" (two and a half years), "PT5H30M", "PXY", "PT24H", "P10Y" (a decade).
fn duration_value(amount: Amount, unit: Unit) -> String {
    let (letter, mult, clock) = unit.designator();
    let t = if clock { "T" } else { "" };
    match amount {
        Amount::Some => format!("P{t}X{letter}"),
        Amount::N(n) => {
            let total = n * f64::from(mult);
            if total.fract() == 0.0 && total < 1e9 {
                return format!("P{t}{}{letter}", total as u64);
            }
            // a fraction in the next smaller unit, when it comes out whole
            let smaller = match (letter, clock) {
                ("Y", false) => Some(("M", 12.0, "")),
                ("W", false) => Some(("D", 7.0, "")),
                ("D", false) => Some(("H", 24.0, "T")),
                ("H", true) => Some(("M", 60.0, "")),
                ("M", true) => Some(("S", 60.0, "")),
                _ => None,
            };
            let whole = total.trunc();
            match smaller {
                Some((small, per, sep))
                    if ((total - whole) * per).fract().abs() < 1e-9 && total < 1e9 =>
                {
                    let part = ((total - whole) * per).round() as u64;
                    let head = if whole > 0.0 {
                        format!("{}{letter}", whole as u64)
                    } else {
                        String::new()
                    };
                    format!("P{t}{head}{sep}{part}{small}")
                }
                _ => format!("P{t}{}{letter}", (total * 100.0).round() / 100.0),
            }
        }
    }
}
