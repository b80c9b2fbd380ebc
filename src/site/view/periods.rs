//! Cutting the merged timeline into parts: a year's date groups in, its parts (the
//! year; or its months; or, for a month longer than a page, its days, each day longer
//! than a page in numbered pages) and its entry in the overview out. The parts share
//! the groups' views (`GroupSlice`), so cutting copies no event. Packing the parts into
//! pages is `timeline_pages`; what a group shows is `timeline`.

use std::ops::Range;

use super::group_views::GroupSlice;
use super::timeline::{PAGE_EVENTS, PeriodLink, TimelinePart, Year};
use super::{pages_for, range_for};
use crate::analysis::timex::value::Granularity;
use jiff::civil::Date;

pub(super) fn count(groups: &[GroupSlice]) -> usize {
    groups.iter().map(GroupSlice::len).sum()
}

/// Adds a year's parts (the year, or its months when the year is too long for one page)
/// to `parts` and returns the year's entry of the overview. Its links name their target
/// part (and fragment); `timeline_pages::resolve` turns them into URLs once the pages are known.
pub(super) fn year_parts(
    (year, groups): Year,
    one_page: bool,
    parts: &mut Vec<TimelinePart>,
) -> PeriodLink {
    let year_key = format!("{year:04}");
    let total: usize = groups.iter().map(|(_, _, v)| v.len()).sum();
    let by_month = !one_page && total > PAGE_EVENTS;
    let mut months: Vec<(PeriodLink, Vec<Dated>)> = Vec::new();
    for (start, granularity, view) in groups {
        let key = format!("{year:04}-{:02}", start.month());
        if months.last().is_none_or(|(m, _)| m.key != key) {
            let name = crate::language::calendar::month_name(start.month());
            let target = (year_key.clone(), Some(view.id().to_string()));
            months.push((PeriodLink::new(key, name.to_string(), target), Vec::new()));
        }
        if let Some((m, g)) = months.last_mut() {
            if by_month || granularity < Granularity::Season {
                m.event_count += view.len();
            }
            g.push((start, granularity, view));
        }
    }
    if by_month {
        for (m, groups) in &mut months {
            let first = parts.len();
            let label = format!("{} {year}", m.label);
            parts.extend(month_parts(&m.key, label, std::mem::take(groups)));
            if let Some(p) = parts.get(first) {
                m.target = (p.key.clone(), None);
            }
        }
    } else {
        let groups = months
            .iter_mut()
            .flat_map(|(_, g)| g.drain(..))
            .map(|(_, _, v)| v)
            .collect();
        parts.extend(paged(
            part(year_key.clone(), year_key.clone(), groups),
            one_page,
        ));
    }
    let target = match by_month {
        true => months
            .first()
            .map_or((year_key.clone(), None), |(m, _)| m.target.clone()),
        false => (year_key.clone(), None),
    };
    let mut link = PeriodLink::new(year_key.clone(), year_key, target);
    link.event_count = total;
    link.months = months
        .into_iter()
        .map(|(m, _)| m)
        .filter(|m| m.event_count > 0)
        .collect();
    link
}

/// A date group with the first day of its period.
type Dated = (Date, Granularity, GroupSlice);

/// A month's parts: the month while it fits one page; else a part for each of its days
/// (numbered pages for a day longer than a page), after a part for the groups of the
/// month longer than a day (its weeks, the month itself). An event added to a dense
/// month then changes the pages of its day only, not every page after it, and each day
/// keeps its URL (`timeline/1987-03-16/`).
fn month_parts(key: &str, label: String, groups: Vec<Dated>) -> Vec<TimelinePart> {
    let total: usize = groups.iter().map(|(_, _, v)| v.len()).sum();
    if pages_for(total, PAGE_EVENTS) == 1 {
        let groups = groups.into_iter().map(|(_, _, v)| v).collect();
        return vec![part(key.to_string(), label, groups)];
    }
    let (days, longer): (Vec<Dated>, Vec<Dated>) = groups
        .into_iter()
        .partition(|(_, granularity, _)| *granularity <= Granularity::Day);
    let within = |mut part: TimelinePart| {
        part.within = Some(key.to_string());
        paged(part, false)
    };
    let mut parts = Vec::new();
    if !longer.is_empty() {
        let groups = longer.into_iter().map(|(_, _, v)| v).collect();
        parts.extend(within(part(key.to_string(), label.clone(), groups)));
    }
    for day in days.chunk_by(|a, b| a.0 == b.0) {
        let date = day[0].0;
        let groups = day.iter().map(|(_, _, v)| v.clone()).collect();
        let day_part = part(
            format!("{key}-{:02}", date.day()),
            format!("{} {label}", date.day()),
            groups,
        );
        parts.extend(within(day_part));
    }
    parts
}

pub(super) fn part(key: String, label: String, groups: Vec<GroupSlice>) -> TimelinePart {
    let id = match key.as_str() {
        "undated" => "undated".to_string(),
        _ => format!("y-{key}"),
    };
    TimelinePart {
        key,
        label,
        id,
        url: String::new(),
        event_count: count(&groups),
        page: 1,
        pages: 1,
        groups,
        within: None,
    }
}

/// A part longer than [`PAGE_EVENTS`] cut into numbered pages (not on a one-page
/// timeline). A date group cut in two is headed by its date again on the next page,
/// marked `continued`.
pub(super) fn paged(part: TimelinePart, one_page: bool) -> Vec<TimelinePart> {
    let total = part.event_count;
    let pages = pages_for(total, PAGE_EVENTS);
    if one_page || pages == 1 {
        return vec![part];
    }
    (1..=pages)
        .map(|n| {
            let groups = slice(&part.groups, range_for(total, PAGE_EVENTS, n));
            let key = match n {
                1 => part.key.clone(),
                _ => format!("{}/{n}", part.key),
            };
            TimelinePart {
                id: format!("{}-{n}", part.id),
                key,
                label: part.label.clone(),
                url: String::new(),
                event_count: count(&groups),
                page: n,
                pages,
                groups,
                within: part.within.clone(),
            }
        })
        .collect()
}

/// Events `range` of `groups` (counted across them), as slices of those groups.
pub(super) fn slice(groups: &[GroupSlice], range: Range<usize>) -> Vec<GroupSlice> {
    let mut out = Vec::new();
    let mut at = 0;
    for group in groups {
        let n = group.len();
        let (from, to) = (range.start.max(at), range.end.min(at + n));
        if from < to {
            out.push(group.sub(from - at..to - at));
        }
        at += n;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::timeline_pages::{pack, page_title};
    use super::*;

    /// A day's date group of `n` events (`date`: `2022-03-16`).
    fn day(date: &str, n: usize) -> Dated {
        use super::super::group_views::BuiltGroup;
        use super::super::timeline::{DateGroupView, TimelineEvent};
        let event = |i: usize| TimelineEvent {
            text: format!("Event {i} of {date}"),
            when: String::new(),
            actors: Vec::new(),
            sources: Vec::new(),
            reported: false,
        };
        let view = DateGroupView {
            value: date.to_string(),
            label: date.to_string(),
            granularity: "day",
            datetime: Some(date.to_string()),
            id: format!("d-{date}"),
            continued: false,
            events: (0..n).map(event).collect(),
        };
        let start: Date = date.parse().unwrap();
        (
            start,
            Granularity::Day,
            GroupSlice::whole(BuiltGroup::new(view)),
        )
    }

    /// The pages of a year's parts: (key, title, events) each, and the overview's
    /// target of each month.
    fn pages(groups: Vec<Dated>) -> (Vec<(String, String, usize)>, Vec<String>) {
        let mut parts = Vec::new();
        let link = year_parts((2022, groups), false, &mut parts);
        let ranges = pack(&parts);
        let pages = ranges
            .iter()
            .map(|r| {
                let shown = &parts[r.clone()];
                (shown[0].key.clone(), page_title(shown), count_all(shown))
            })
            .collect();
        (
            pages,
            link.months.iter().map(|m| m.target.0.clone()).collect(),
        )
    }

    fn count_all(parts: &[TimelinePart]) -> usize {
        parts.iter().map(|p| count(&p.groups)).sum()
    }

    #[test]
    fn a_dense_month_is_cut_into_days_and_an_added_event_moves_only_its_day() {
        let month = |extra: usize| {
            let mut groups = vec![day("2022-02-10", 30)];
            groups.extend((1..=5).map(|d| day(&format!("2022-03-{d:02}"), 8)));
            groups.push(day("2022-03-06", 105 + extra));
            groups.extend((7..=9).map(|d| day(&format!("2022-03-{d:02}"), 8)));
            groups.push(day("2022-04-02", 2));
            groups
        };
        let (before, targets) = pages(month(0));
        let keys: Vec<&str> = before.iter().map(|(k, _, _)| k.as_str()).collect();
        assert_eq!(
            keys,
            [
                "2022-02",
                "2022-03-01",
                "2022-03-06",
                "2022-03-06/2",
                "2022-03-07"
            ],
            "{before:?}"
        );
        let titles: Vec<&str> = before.iter().map(|(_, t, _)| t.as_str()).collect();
        assert_eq!(
            titles,
            [
                "February 2022",
                "1 – 5 March 2022",
                "6 March 2022 (1 of 2)",
                "6 March 2022 (2 of 2)",
                "7 March – April 2022",
            ]
        );
        assert_eq!(targets, ["2022-02", "2022-03-01", "2022-04"]);
        // three more events on 6 March: only that day's pages change
        let (after, _) = pages(month(3));
        let changed: Vec<&str> = before
            .iter()
            .zip(&after)
            .filter(|(a, b)| a != b)
            .map(|(a, _)| a.0.as_str())
            .collect();
        assert_eq!(changed, ["2022-03-06/2"], "{after:?}");
        assert_eq!(after.len(), before.len());
    }

    #[test]
    fn a_month_that_fits_a_page_is_not_cut() {
        let groups = (1..=9)
            .map(|d| day(&format!("2022-03-{d:02}"), 5))
            .collect();
        let (pages, _) = pages([vec![day("2022-01-03", 60)], groups].concat());
        let keys: Vec<&str> = pages.iter().map(|(k, _, _)| k.as_str()).collect();
        assert_eq!(keys, ["2022-01", "2022-03"]);
    }
}
