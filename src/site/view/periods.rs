//! Cutting the merged timeline into pages: a year's date groups in, its parts (the
//! year, or its months, or numbered pages of a long month) and its entry in the
//! overview out. Kept apart from the views of `timeline` so each file stays about one
//! thing: what a group shows, and where it goes.

use super::timeline::{DateGroupView, PAGE_EVENTS, PeriodLink, TimelinePart, Year};
use super::{pages_for, range_for};
use crate::analysis::timex::value::Granularity;

pub(super) fn count(groups: &[DateGroupView]) -> usize {
    groups.iter().map(|g| g.events.len()).sum()
}

/// Adds a year's parts (the year, or its months when the year is too long for one page)
/// to `parts` and returns the year's entry of the overview.
pub(super) fn year_parts(
    (year, groups): Year,
    one_page: bool,
    url: &impl Fn(&str, &str) -> String,
    parts: &mut Vec<TimelinePart>,
) -> PeriodLink {
    let year_key = format!("{year:04}");
    let total: usize = groups.iter().map(|(_, _, v)| v.events.len()).sum();
    let by_month = !one_page && total > PAGE_EVENTS;
    let year_id = format!("y-{year_key}");
    let mut months: Vec<PeriodLink> = Vec::new();
    let mut month_groups: Vec<Vec<DateGroupView>> = Vec::new();
    for (start, granularity, view) in groups {
        let key = format!("{year:04}-{:02}", start.month());
        if months.last().is_none_or(|m| m.key != key) {
            let name = crate::language::calendar::month_name(start.month());
            let link = match (by_month, one_page) {
                (true, _) => url(&key, ""),
                (false, true) => format!("#{}", view.id),
                (false, false) => format!("{}#{}", url(&year_key, ""), view.id),
            };
            months.push(PeriodLink {
                key,
                label: name.to_string(),
                url: link,
                event_count: 0,
                months: Vec::new(),
            });
            month_groups.push(Vec::new());
        }
        if let (Some(m), Some(g)) = (months.last_mut(), month_groups.last_mut()) {
            if by_month || granularity < Granularity::Season {
                m.event_count += view.events.len();
            }
            g.push(view);
        }
    }
    let link = PeriodLink {
        url: match by_month {
            true => months.first().map_or_else(String::new, |m| m.url.clone()),
            false => url(&year_key, &year_id),
        },
        key: year_key.clone(),
        label: year_key,
        event_count: total,
        months: months
            .iter()
            .filter(|m| m.event_count > 0)
            .cloned()
            .collect(),
    };
    if by_month {
        for (m, groups) in months.into_iter().zip(month_groups) {
            let label = format!("{} {year}", m.label);
            parts.extend(paged(part(m.key, label, groups), one_page));
        }
    } else {
        let groups = month_groups.into_iter().flatten().collect();
        parts.extend(paged(
            part(link.key.clone(), link.label.clone(), groups),
            one_page,
        ));
    }
    link
}

pub(super) fn part(key: String, label: String, groups: Vec<DateGroupView>) -> TimelinePart {
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
    let mut flat: Vec<(usize, usize)> = Vec::with_capacity(total);
    for (g, group) in part.groups.iter().enumerate() {
        flat.extend((0..group.events.len()).map(|e| (g, e)));
    }
    (1..=pages)
        .map(|n| {
            let mut groups: Vec<DateGroupView> = Vec::new();
            let mut last = usize::MAX;
            for &(g, e) in &flat[range_for(total, PAGE_EVENTS, n)] {
                let source = &part.groups[g];
                if g != last {
                    groups.push(DateGroupView {
                        events: Vec::new(),
                        continued: e > 0,
                        ..source.clone_head()
                    });
                    last = g;
                }
                if let Some(view) = groups.last_mut() {
                    view.events.push(source.events[e].clone());
                }
            }
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
            }
        })
        .collect()
}

impl DateGroupView {
    /// The group without its events.
    fn clone_head(&self) -> DateGroupView {
        DateGroupView {
            value: self.value.clone(),
            label: self.label.clone(),
            granularity: self.granularity,
            datetime: self.datetime.clone(),
            id: self.id.clone(),
            continued: self.continued,
            events: Vec::new(),
        }
    }
}
