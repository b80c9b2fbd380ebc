//! Cutting the merged timeline into pages: a year's date groups in, its parts (the
//! year, or its months, or numbered pages of a long month) and its entry in the
//! overview out; then the parts packed into pages so no page strands a few events
//! (sparse years share one page, "1987 – February 2026"). Kept apart from the views
//! of `timeline` so each file stays about one thing: what a group shows, and where
//! it goes.

use std::collections::HashMap;
use std::ops::Range;

use super::super::index::SiteIndex;
use super::LinkView;
use super::paging::orphans;
use super::timeline::{
    DateGroupView, LATEST_EVENTS, PAGE_EVENTS, PeriodLink, TimelinePage, TimelinePart, Year,
};
use super::{pages_for, range_for};
use crate::analysis::timex::value::Granularity;

/// A page of fewer events than this joins a neighbouring page (when that stays within
/// [`PAGE_EVENTS`] and its allowance for orphans), so no page shows just one or two.
const THIN: usize = 3;

pub(super) fn count(groups: &[DateGroupView]) -> usize {
    groups.iter().map(|g| g.events.len()).sum()
}

/// Adds a year's parts (the year, or its months when the year is too long for one page)
/// to `parts` and returns the year's entry of the overview. Its links name their target
/// part (and fragment); [`resolve`] turns them into URLs once the pages are known.
pub(super) fn year_parts(
    (year, groups): Year,
    one_page: bool,
    parts: &mut Vec<TimelinePart>,
) -> PeriodLink {
    let year_key = format!("{year:04}");
    let total: usize = groups.iter().map(|(_, _, v)| v.events.len()).sum();
    let by_month = !one_page && total > PAGE_EVENTS;
    let mut months: Vec<PeriodLink> = Vec::new();
    let mut month_groups: Vec<Vec<DateGroupView>> = Vec::new();
    for (start, granularity, view) in groups {
        let key = format!("{year:04}-{:02}", start.month());
        if months.last().is_none_or(|m| m.key != key) {
            let name = crate::language::calendar::month_name(start.month());
            let target = match by_month {
                true => (key.clone(), None),
                false => (year_key.clone(), Some(view.id.clone())),
            };
            months.push(PeriodLink::new(key, name.to_string(), target));
            month_groups.push(Vec::new());
        }
        if let (Some(m), Some(g)) = (months.last_mut(), month_groups.last_mut()) {
            if by_month || granularity < Granularity::Season {
                m.event_count += view.events.len();
            }
            g.push(view);
        }
    }
    let target = match by_month {
        true => months
            .first()
            .map_or((year_key.clone(), None), |m| m.target.clone()),
        false => (year_key.clone(), None),
    };
    let mut link = PeriodLink::new(year_key.clone(), year_key, target);
    link.event_count = total;
    link.months = months
        .iter()
        .filter(|m| m.event_count > 0)
        .cloned()
        .collect();
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
            let groups = slice(&part.groups, &flat[range_for(total, PAGE_EVENTS, n)]);
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

/// The events `(group, event)` of `groups` as date groups; a group whose first events
/// are left out is marked `continued`.
pub(super) fn slice(groups: &[DateGroupView], events: &[(usize, usize)]) -> Vec<DateGroupView> {
    let mut out: Vec<DateGroupView> = Vec::new();
    let mut last = usize::MAX;
    for &(g, e) in events {
        let source = &groups[g];
        if g != last {
            out.push(DateGroupView {
                events: Vec::new(),
                continued: e > 0 || source.continued,
                ..source.clone_head()
            });
            last = g;
        }
        if let Some(view) = out.last_mut() {
            view.events.push(source.events[e].clone());
        }
    }
    out
}

/// The parts packed into pages, as ranges of consecutive parts: parts of a page or less
/// share a page while it holds at most [`PAGE_EVENTS`] events (sparse years and months
/// together); a numbered page of a long period and the undated events stay on their
/// own; then a page of fewer than [`THIN`] events joins its smaller neighbour.
pub(super) fn pack(parts: &[TimelinePart]) -> Vec<Range<usize>> {
    let alone = |p: &TimelinePart| p.pages > 1 || p.key.starts_with("undated");
    let mut pages: Vec<(Range<usize>, usize)> = Vec::new();
    for (i, p) in parts.iter().enumerate() {
        match pages.last_mut() {
            Some((r, n))
                if !alone(p) && !alone(&parts[r.start]) && *n + p.event_count <= PAGE_EVENTS =>
            {
                r.end = i + 1;
                *n += p.event_count;
            }
            _ => pages.push((i..i + 1, p.event_count)),
        }
    }
    let undated = |r: &Range<usize>| parts[r.start].key.starts_with("undated");
    let mut i = 0;
    while i < pages.len() {
        let (range, n) = pages[i].clone();
        let neighbour = [i.checked_sub(1), Some(i + 1)]
            .into_iter()
            .flatten()
            .filter(|&j| j < pages.len() && !undated(&pages[j].0) && !undated(&range))
            .filter(|&j| pages[j].1 + n <= PAGE_EVENTS + orphans(PAGE_EVENTS))
            .min_by_key(|&j| pages[j].1);
        match neighbour {
            Some(j) if n < THIN => {
                let (lo, hi) = (i.min(j), i.max(j));
                pages[lo] = (
                    pages[lo].0.start..pages[hi].0.end,
                    pages[lo].1 + pages[hi].1,
                );
                pages.remove(hi);
                i = lo;
            }
            _ => i += 1,
        }
    }
    pages.into_iter().map(|(r, _)| r).collect()
}

/// The title of a page of `parts`: the part's title, or the first and last part's
/// labels ("1987 – February 2026", "January – February 2026").
pub(super) fn page_title(parts: &[TimelinePart]) -> String {
    match parts {
        [] => String::new(),
        [one] => one.title(),
        [first, .., last] => {
            let year = |p: &TimelinePart| p.key.get(..4).map(str::to_string);
            let month = |p: &TimelinePart| p.label.split_once(' ').map(|(m, _)| m.to_string());
            match (month(first), month(last)) {
                (Some(m1), Some(_)) if year(first) == year(last) => {
                    format!("{m1} – {}", last.label)
                }
                _ => format!("{} – {}", first.label, last.label),
            }
        }
    }
}

/// The years and months a page's parts show (`2026`, `2026-03`), to mark them in the
/// overview.
pub(super) fn periods(parts: &[TimelinePart]) -> Vec<String> {
    let mut keys: Vec<String> = Vec::new();
    for p in parts {
        let period = p.key.split('/').next().unwrap_or_default();
        for key in [period.get(..4).unwrap_or(period), period] {
            if !keys.iter().any(|k| k == key) {
                keys.push(key.to_string());
            }
        }
    }
    keys
}

/// Turns the overview's targets into URLs: the page of the target part, and the
/// fragment of its section (or of the date group named) unless it starts the page.
pub(super) fn resolve(links: &mut [PeriodLink], parts: &[TimelinePart]) {
    let urls: HashMap<&str, &str> = parts
        .iter()
        .map(|p| (p.key.as_str(), p.url.as_str()))
        .collect();
    resolve_with(links, &urls);
}

fn resolve_with(links: &mut [PeriodLink], urls: &HashMap<&str, &str>) {
    for link in links {
        let (key, fragment) = &link.target;
        if let Some(url) = urls.get(key.as_str()) {
            link.url = match fragment {
                None => url.to_string(),
                Some(id) => format!("{}#{id}", url.split('#').next().unwrap_or_default()),
            };
        }
        resolve_with(&mut link.months, urls);
    }
}

/// Packs the parts into pages and gives each part the URL of its page (with its
/// section's fragment unless it starts the page).
pub(super) fn pages_of(index: &SiteIndex, parts: &mut [TimelinePart]) -> Vec<TimelinePage> {
    let pages: Vec<TimelinePage> = pack(parts)
        .into_iter()
        .map(|range| {
            let shown = &parts[range.clone()];
            let key = shown[0].key.clone();
            TimelinePage {
                url: index.url(&format!("timeline/{key}/")),
                key,
                title: page_title(shown),
                event_count: shown.iter().map(|p| p.event_count).sum(),
                periods: periods(shown),
                parts: range,
            }
        })
        .collect();
    for page in &pages {
        for i in page.parts.clone() {
            parts[i].url = match i == page.parts.start {
                true => page.url.clone(),
                false => format!("{}#{}", page.url, parts[i].id),
            };
        }
    }
    pages
}

/// The latest [`LATEST_EVENTS`] dated events of a split timeline, oldest first, and a
/// link to the page holding the event before them.
pub(super) fn latest(
    parts: &[TimelinePart],
    pages: &[TimelinePage],
) -> (Vec<DateGroupView>, Option<LinkView>) {
    if pages.is_empty() {
        return (Vec::new(), None);
    }
    let dated = parts.iter().take_while(|p| !p.key.starts_with("undated"));
    let flat: Vec<(usize, usize, usize)> = dated
        .enumerate()
        .flat_map(|(p, part)| {
            part.groups
                .iter()
                .enumerate()
                .flat_map(move |(g, group)| (0..group.events.len()).map(move |e| (p, g, e)))
        })
        .collect();
    let start = flat.len().saturating_sub(LATEST_EVENTS);
    let mut groups: Vec<DateGroupView> = Vec::new();
    for chunk in flat[start..].chunk_by(|a, b| a.0 == b.0) {
        let p = chunk[0].0;
        let events: Vec<(usize, usize)> = chunk.iter().map(|&(_, g, e)| (g, e)).collect();
        for group in slice(&parts[p].groups, &events) {
            match groups.last_mut() {
                Some(last) if last.id == group.id => last.events.extend(group.events),
                _ => groups.push(group),
            }
        }
    }
    let before = start.checked_sub(1).map(|i| flat[i].0).and_then(|p| {
        pages
            .iter()
            .find(|page| page.parts.contains(&p))
            .map(|page| LinkView {
                title: page.title.clone(),
                url: page.url.clone(),
                date: None,
            })
    });
    (groups, before)
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A part: `key`, `label`, events, page `n` of `pages`.
    fn p(key: &str, label: &str, events: usize, (page, pages): (usize, usize)) -> TimelinePart {
        TimelinePart {
            key: key.into(),
            label: label.into(),
            id: format!("y-{key}"),
            url: String::new(),
            event_count: events,
            page,
            pages,
            groups: Vec::new(),
        }
    }

    #[test]
    fn parts_are_packed_into_pages_that_strand_nothing() {
        let demo = vec![
            p("1987", "1987", 1, (1, 1)),
            p("2025", "2025", 1, (1, 1)),
            p("2026-01", "January 2026", 2, (1, 1)),
            p("2026-02", "February 2026", 1, (1, 1)),
            p("2026-03", "March 2026", 50, (1, 2)),
            p("2026-03/2", "March 2026", 17, (2, 2)),
            p("2026-05", "May 2026", 2, (1, 1)),
            p("undated", "Without a fixed date", 5, (1, 1)),
        ];
        let even = vec![
            p("2001", "2001", 30, (1, 1)),
            p("2002", "2002", 30, (1, 1)),
            p("2003", "2003", 30, (1, 1)),
        ];
        let lone = vec![
            p("2020", "2020", 60, (1, 1)),
            p("undated", "Without a fixed date", 1, (1, 1)),
        ];
        let squeezed = vec![
            p("2020-03", "March 2020", 50, (1, 2)),
            p("2020-03/2", "March 2020", 45, (2, 2)),
            p("2020-04", "April 2020", 1, (1, 1)),
            p("2020-05", "May 2020", 50, (1, 2)),
            p("2020-05/2", "May 2020", 40, (2, 2)),
        ];
        type Case = (
            &'static str,
            Vec<TimelinePart>,
            Vec<Range<usize>>,
            Vec<&'static str>,
        );
        let cases: [Case; 4] = [
            (
                "sparse years together; a thin month joins a long month's last page",
                demo,
                vec![0..4, 4..5, 5..7, 7..8],
                vec![
                    "1987 – February 2026",
                    "March 2026 (1 of 2)",
                    "March – May 2026",
                    "Without a fixed date",
                ],
            ),
            (
                "parts that do not fit together stay apart",
                even,
                vec![0..1, 1..2, 2..3],
                vec!["2001", "2002", "2003"],
            ),
            (
                "the undated events never join a dated page",
                lone,
                vec![0..1, 1..2],
                vec!["2020", "Without a fixed date"],
            ),
            (
                "a lone event between long months joins the smaller neighbouring page",
                squeezed,
                vec![0..1, 1..3, 3..4, 4..5],
                vec![
                    "March 2020 (1 of 2)",
                    "March – April 2020",
                    "May 2020 (1 of 2)",
                    "May 2020 (2 of 2)",
                ],
            ),
        ];
        for (case, parts, ranges, titles) in cases {
            let packed = pack(&parts);
            assert_eq!(packed, ranges, "{case}");
            let shown: Vec<String> = packed
                .iter()
                .map(|r| page_title(&parts[r.clone()]))
                .collect();
            assert_eq!(shown, titles, "{case}");
        }
    }

    #[test]
    fn a_page_marks_its_years_and_months() {
        let parts = [
            p("2025", "2025", 1, (1, 1)),
            p("2026-01", "January 2026", 2, (1, 1)),
            p("2026-03/2", "March 2026", 17, (2, 2)),
        ];
        assert_eq!(periods(&parts), ["2025", "2026", "2026-01", "2026-03"]);
    }
}
