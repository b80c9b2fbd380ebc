//! The timeline strip: dated events in ([`Strip`]), an inline SVG of them on a time
//! axis out ([`render`]).
//!
//! A day is a dot, a longer period (a week, a month, a year) a bar over its length.
//! How an event got its date is told apart: a date the text gives (`Dating::Explicit`)
//! is a filled mark; an event dated by its report's publication because the text gives
//! none (`Dating::Reported`) is a hollow, dashed one. Events of the same period and
//! dating share one mark, which names them all. Marks that would overlap go to the
//! next lane. One long quiet stretch (more than [`BREAK_SHARE`] of the whole span,
//! beside events that are days apart) is cut out of the axis and drawn as a break, so one old date does not squeeze a
//! month of events into a dot. Events without a fixed date are not drawn; the
//! description says how many there are.

use jiff::civil::Date;

use super::axis::{Scale, lanes};
use super::{clip, esc, num, open_svg};
use crate::analysis::timex::value::{self, Anchor, Granularity};

/// How an event got its date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Dating {
    /// The text gives the date ("on Wednesday", "in 1987").
    Explicit,
    /// The text gives none: the event is dated by its report's publication.
    Reported,
}

/// One mark: the events of one period and dating.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    pub start: Date,
    /// The length of the period in days (1 for a day).
    pub days: i32,
    /// The period for readers ("Wednesday 4 March 2026").
    pub when: String,
    /// The texts of its events, in order.
    pub texts: Vec<String>,
    /// Where the mark leads (the event in the page's list): `#ev-3`.
    pub href: String,
    pub dating: Dating,
}

/// The events of one timeline.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Strip {
    /// Unique on the page; the ids of the title and description start with it.
    pub id: String,
    /// What the picture shows ("Timeline of this briefing").
    pub title: String,
    pub marks: Vec<Mark>,
    /// Events without a fixed date (not drawn).
    pub undated: usize,
}

/// Marks drawn at most; a longer timeline is drawn by month.
pub const MAX_MARKS: usize = 160;
/// A gap longer than this share of the whole span is cut out of the axis.
pub const BREAK_SHARE: f64 = 0.6;
/// Lanes at most; more overlapping marks share the last lanes.
pub(super) const MAX_LANES: usize = 5;
const LANE: f64 = 18.0;
/// The axis runs from `MARGIN`% to `100 - MARGIN`% of the width.
pub(super) const MARGIN: f64 = 2.0;
/// The width of a break, in percent.
pub(super) const BREAK: f64 = 4.0;

impl Strip {
    pub fn new(id: &str, title: &str) -> Strip {
        Strip {
            id: id.to_string(),
            title: title.to_string(),
            ..Strip::default()
        }
    }

    /// Adds an event dated by the TIMEX3 value `date`; an event without a fixed date is
    /// only counted.
    pub fn add(&mut self, date: &str, when: &str, text: &str, href: &str, dating: Dating) {
        let Anchor::Fixed { start, granularity } = value::parse(date) else {
            self.undated += 1;
            return;
        };
        let days = period_days(granularity);
        let same = |m: &&mut Mark| m.start == start && m.days == days && m.dating == dating;
        match self.marks.iter_mut().rev().find(same) {
            Some(mark) => mark.texts.push(text.to_string()),
            None => self.marks.push(Mark {
                start,
                days,
                when: when.to_string(),
                texts: vec![text.to_string()],
                href: href.to_string(),
                dating,
            }),
        }
    }

    /// Events drawn.
    pub fn event_count(&self) -> usize {
        self.marks.iter().map(|m| m.texts.len()).sum()
    }
}

/// The length of a period in days, near enough for drawing.
fn period_days(granularity: Granularity) -> i32 {
    use Granularity as G;
    match granularity {
        G::Time | G::PartOfDay | G::Day => 1,
        G::Week => 7,
        G::Month => 30,
        G::Season | G::Quarter => 91,
        G::Half => 182,
        G::Year => 365,
        G::Decade => 3652,
        G::Century => 36524,
    }
}

/// Days since 1 January 1970 (negative before).
fn day_number(date: Date) -> f64 {
    let epoch = jiff::civil::date(1970, 1, 1);
    // `Date::until` counts in days by default.
    epoch.until(date).map_or(0.0, |s| f64::from(s.get_days()))
}

/// A short date for the axis: "4 Mar 2026".
fn short_date(date: Date) -> String {
    let month = value::month_name(date.month());
    format!(
        "{} {} {}",
        date.day(),
        &month[..3.min(month.len())],
        date.year()
    )
}

/// The strip with marks merged by month when there are more than [`MAX_MARKS`].
fn bounded(strip: &Strip) -> Strip {
    if strip.marks.len() <= MAX_MARKS {
        return strip.clone();
    }
    let mut coarse = Strip {
        marks: Vec::new(),
        ..strip.clone()
    };
    for m in &strip.marks {
        let month = m.start.first_of_month();
        let when = format!("{} {}", value::month_name(month.month()), month.year());
        let value = format!("{:04}-{:02}", month.year(), month.month());
        for text in &m.texts {
            coarse.add(&value, &when, text, &m.href, m.dating);
        }
    }
    coarse.undated = strip.undated;
    coarse
}

/// The text alternative: how many events, over which period, how they are dated.
fn description(strip: &Strip, first: Date, last: Date) -> String {
    let count = strip.event_count();
    let events = |n: usize| if n == 1 { "event" } else { "events" };
    let mut text = if first == last {
        format!("{count} {} on {}", events(count), short_date(first))
    } else {
        format!(
            "{count} {} from {} to {}",
            events(count),
            short_date(first),
            short_date(last)
        )
    };
    let reported: usize = strip
        .marks
        .iter()
        .filter(|m| m.dating == Dating::Reported)
        .map(|m| m.texts.len())
        .sum();
    if reported > 0 {
        text.push_str(&format!(
            "; {reported} dated by the publication of their report (hollow marks)"
        ));
    }
    if strip.undated > 0 {
        text.push_str(&format!(
            "; {} without a fixed date, not drawn",
            strip.undated
        ));
    }
    text.push('.');
    text
}

/// The strip as inline SVG; empty when no event has a fixed date.
pub fn render(strip: &Strip) -> String {
    let strip = bounded(strip);
    if strip.marks.is_empty() {
        return String::new();
    }
    let spans: Vec<(f64, f64)> = strip
        .marks
        .iter()
        .map(|m| {
            let d = day_number(m.start);
            (d, d + f64::from(m.days - 1))
        })
        .collect();
    let scale = Scale::new(&spans);
    let extents: Vec<(f64, f64)> = spans
        .iter()
        .map(|&(a, b)| (scale.x(a), scale.x(b)))
        .collect();
    let lane_of = lanes(&extents);
    let lane_count = lane_of.iter().max().map_or(1, |l| l + 1);
    let axis = 12.0 + lane_count as f64 * LANE;
    let height = axis + 22.0;
    let first = strip
        .marks
        .iter()
        .map(|m| m.start)
        .min()
        .unwrap_or_default();
    let last = strip
        .marks
        .iter()
        .map(|m| {
            m.start
                .checked_add(jiff::Span::new().days(m.days - 1))
                .unwrap_or(m.start)
        })
        .max()
        .unwrap_or(first);
    let desc = description(&strip, first, last);
    let mut svg = open_svg("pic-strip", &strip.id, height, 12, &strip.title, &desc);
    axis_lines(&mut svg, &scale, axis);
    for (i, mark) in strip.marks.iter().enumerate() {
        let y = 10.0 + lane_of[i] as f64 * LANE + LANE / 2.0;
        mark_svg(&mut svg, mark, extents[i], y);
    }
    labels(&mut svg, first, last, axis + 16.0);
    svg.push_str("</svg>");
    svg
}

fn axis_lines(svg: &mut String, scale: &Scale, y: f64) {
    for &(_, _, l, r) in &scale.segments {
        svg.push_str(&format!(
            r#"<line class="pic-axis" x1="{}%" x2="{}%" y1="{y}" y2="{y}" stroke="currentColor" stroke-opacity=".45"/>"#,
            num(l),
            num(r),
            y = num(y)
        ));
    }
    if let Some(x) = scale.break_at() {
        svg.push_str(&format!(
            concat!(
                r#"<svg x="{}%" y="{}" overflow="visible" aria-hidden="true">"#,
                r#"<path class="pic-axis" d="M-5 5L-1 -5M1 5L5 -5" stroke="currentColor" fill="none"/></svg>"#
            ),
            num(x),
            num(y)
        ));
    }
}

fn mark_svg(svg: &mut String, mark: &Mark, (x0, x1): (f64, f64), y: f64) {
    let n = mark.texts.len();
    let mut name = format!("{}: {}", mark.when, clip(&mark.texts[0], 90));
    if n > 1 {
        name.push_str(&format!(" (and {} more)", n - 1));
    }
    if mark.dating == Dating::Reported {
        name.push_str(" (dated by the report's publication)");
    }
    let class = match mark.dating {
        Dating::Explicit => "pic-mark",
        Dating::Reported => "pic-mark pic-reported",
    };
    let paint = match mark.dating {
        // The picture's fill.
        Dating::Explicit => "",
        Dating::Reported => {
            r#" fill="none" stroke="currentColor" stroke-width="1.5" stroke-dasharray="2 1.5""#
        }
    };
    // Named by its `<title>` alone (as the graph's nodes are): an `aria-label` too
    // repeated the name, a fifth of the bytes of a large actor's page.
    let name = esc(&name);
    svg.push_str(&format!(
        r##"<a href="{}"><title>{name}</title>"##,
        esc(&mark.href)
    ));
    if mark.days > 1 {
        let width = (x1 - x0).max(1.2);
        svg.push_str(&format!(
            r#"<rect class="{class} pic-period" x="{}%" y="{}" width="{}%" height="8" rx="4"{paint} fill-opacity=".55"/>"#,
            num(x0),
            num(y - 4.0),
            num(width)
        ));
    } else {
        let r = if n > 1 { 6.5 } else { 5.0 };
        svg.push_str(&format!(
            r#"<circle class="{class}" cx="{}%" cy="{}" r="{r}"{paint}/>"#,
            num(x0),
            num(y)
        ));
    }
    svg.push_str("</a>");
}

fn labels(svg: &mut String, first: Date, last: Date, y: f64) {
    let text = |x: &str, anchor: &str, date: Date| {
        format!(
            r#"<text x="{x}" y="{}" text-anchor="{anchor}">{}</text>"#,
            num(y),
            esc(&short_date(date))
        )
    };
    if first == last {
        svg.push_str(&text("50%", "middle", first));
    } else {
        svg.push_str(&text("0", "start", first));
        svg.push_str(&text("100%", "end", last));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strip(events: &[(&str, Dating)]) -> Strip {
        let mut s = Strip::new("pic", "Timeline");
        for (i, (date, dating)) in events.iter().enumerate() {
            s.add(
                date,
                date,
                &format!("event {i}"),
                &format!("#ev-{i}"),
                *dating,
            );
        }
        s
    }

    #[test]
    fn events_of_one_period_and_dating_share_a_mark() {
        let s = strip(&[
            ("2026-03-04", Dating::Explicit),
            ("2026-03-04T16:00", Dating::Explicit),
            ("2026-03-04", Dating::Reported),
            ("2026-03", Dating::Explicit),
            ("XXXX-WXX-3", Dating::Explicit),
        ]);
        let shape: Vec<(i32, usize, Dating)> = s
            .marks
            .iter()
            .map(|m| (m.days, m.texts.len(), m.dating))
            .collect();
        assert_eq!(
            shape,
            [
                (1, 2, Dating::Explicit),
                (1, 1, Dating::Reported),
                (30, 1, Dating::Explicit)
            ]
        );
        assert_eq!((s.undated, s.event_count()), (1, 4));
    }

    #[test]
    fn a_long_quiet_stretch_becomes_a_break() {
        let dates = |d: &[&str]| -> Vec<(f64, f64)> {
            d.iter()
                .map(|v| {
                    let n = day_number(v.parse().unwrap());
                    (n, n)
                })
                .collect()
        };
        let cases = [
            (vec!["2026-03-01", "2026-03-05", "2026-03-09"], false),
            (vec!["1987-06-01", "2026-03-01", "2026-03-09"], true),
            (vec!["2026-01-01", "2026-03-01"], false),
        ];
        for (days, broken) in cases {
            let scale = Scale::new(&dates(&days));
            assert_eq!(scale.break_at().is_some(), broken, "{days:?}");
            let xs: Vec<f64> = dates(&days).iter().map(|d| scale.x(d.0)).collect();
            assert!(xs.windows(2).all(|w| w[0] < w[1]), "in order: {xs:?}");
            assert!(xs.iter().all(|x| (MARGIN..=100.0 - MARGIN).contains(x)));
        }
    }

    #[test]
    fn overlapping_marks_go_to_other_lanes() {
        let got = lanes(&[
            (10.0, 10.0),
            (11.0, 11.0),
            (50.0, 60.0),
            (55.0, 55.0),
            (90.0, 90.0),
        ]);
        assert_eq!(got, [0, 1, 0, 1, 0]);
        let crowded: Vec<(f64, f64)> = (0..20).map(|_| (5.0, 5.0)).collect();
        assert!(lanes(&crowded).iter().all(|&l| l < MAX_LANES));
    }

    #[test]
    fn the_picture_names_itself_and_each_mark_and_escapes_text() {
        let mut s = strip(&[
            ("2026-03-02", Dating::Explicit),
            ("2026-03-05", Dating::Reported),
        ]);
        s.marks[0].texts[0] = "<script>alert(1)</script>".into();
        s.undated = 2;
        let svg = render(&s);
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"), "{svg}");
        assert!(svg.contains(r#"aria-labelledby="pic-title""#));
        assert!(svg.contains(
            "2 events from 2 Mar 2026 to 5 Mar 2026; 1 dated by the publication of their report (hollow marks); 2 without a fixed date, not drawn."
        ), "{svg}");
        assert!(!svg.contains("<script>") && svg.contains("&lt;script&gt;"));
        assert_eq!(svg.matches("<a href=").count(), 2);
        assert!(svg.contains(r##"href="#ev-1""##) && svg.contains("stroke-dasharray"));
        assert_eq!(render(&strip(&[("XXXX-WXX-3", Dating::Explicit)])), "");
    }

    #[test]
    fn a_huge_timeline_is_drawn_by_month() {
        let mut s = Strip::new("pic", "Timeline");
        let mut day = jiff::civil::date(2020, 1, 1);
        for i in 0..1000 {
            s.add(
                &day.to_string(),
                "",
                &format!("e{i}"),
                "#",
                Dating::Explicit,
            );
            day = day.tomorrow().unwrap();
        }
        let b = bounded(&s);
        assert!(
            b.marks.len() <= MAX_MARKS && b.marks.len() > 30,
            "{}",
            b.marks.len()
        );
        assert_eq!(b.event_count(), 1000);
    }
}
