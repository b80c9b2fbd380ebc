//! Packing a timeline's parts into pages: the parts of `periods` in (years, months,
//! days, numbered pages of a long period), pages of consecutive parts out, each with
//! its title, URL, the periods it shows and, in a dense month, the list of its days;
//! then the overview's targets as URLs and the latest events `timeline/` leads with.
//! Kept apart from `periods`, which decides what a part holds, so each file stays
//! about one thing.

use std::collections::HashMap;
use std::ops::Range;

use super::super::index::SiteIndex;
use super::LinkView;
use super::group_views::GroupSlice;
use super::paging::orphans;
use serde::Serialize;

use super::timeline::{LATEST_EVENTS, PAGE_EVENTS, PeriodLink, TimelinePart};

/// A page of a timeline too long for one: consecutive parts (sparse years or months
/// share a page; see `timeline_pages::pack`).
#[derive(Debug, Clone, Serialize)]
pub struct TimelinePage {
    /// The page's path under `timeline/`: the key of its first part (`1987`, `2024-03/2`).
    pub key: String,
    /// `1987 – February 2026`, `March 2026 (2 of 3)`, `2025`.
    pub title: String,
    pub url: String,
    pub event_count: usize,
    /// The years and months it shows (`2026`, `2026-03`), to mark them in the overview.
    pub periods: Vec<String>,
    /// On a page of a dense month cut into days: every day of that month with events,
    /// to go to any of them (see `timeline_pages::month_days`); empty on other pages.
    pub days: Vec<DayLink>,
    /// Its parts, indices into [`Timeline::parts`].
    #[serde(skip)]
    pub parts: Range<usize>,
}

/// A day of a dense month in the days' list of its pages.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct DayLink {
    /// The day of the month (`16`).
    pub label: String,
    /// The date for readers (`16 March 1987`).
    pub title: String,
    pub url: String,
    /// The day is on the page shown.
    pub current: bool,
}

/// A page of fewer events than this joins a neighbouring page (when that stays within
/// [`PAGE_EVENTS`] and its allowance for orphans), so no page shows just one or two.
const THIN: usize = 3;

/// The parts packed into pages, as ranges of consecutive parts: parts of a page or less
/// share a page while it holds at most [`PAGE_EVENTS`] events (sparse years and months
/// together; the days of a dense month only with each other); a numbered page of a
/// long period and the undated events stay on their own; then a page of fewer than
/// [`THIN`] events joins its smaller neighbour.
pub(super) fn pack(parts: &[TimelinePart]) -> Vec<Range<usize>> {
    let alone = |p: &TimelinePart| p.pages > 1 || p.key.starts_with("undated");
    let mut pages: Vec<(Range<usize>, usize)> = Vec::new();
    for (i, p) in parts.iter().enumerate() {
        match pages.last_mut() {
            Some((r, n))
                if !alone(p)
                    && !alone(&parts[r.start])
                    && p.within == parts[r.start].within
                    && *n + p.event_count <= PAGE_EVENTS =>
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
/// labels without the words they end on alike ("1987 – February 2026", "January –
/// February 2026", "16 – 18 March 1987").
pub(super) fn page_title(parts: &[TimelinePart]) -> String {
    match parts {
        [] => String::new(),
        [one] => one.title(),
        [first, .., last] => {
            let words: Vec<&str> = first.label.split(' ').collect();
            let alike = words
                .iter()
                .rev()
                .zip(last.label.split(' ').rev())
                .take_while(|(a, b)| *a == b)
                .count();
            match alike < words.len() {
                true => format!(
                    "{} – {}",
                    words[..words.len() - alike].join(" "),
                    last.label
                ),
                false => format!("{} – {}", first.label, last.label),
            }
        }
    }
}

/// The years and months a page's parts show (`2026`, `2026-03`; a day's part shows its
/// month), to mark them in the overview.
pub(super) fn periods(parts: &[TimelinePart]) -> Vec<String> {
    let mut keys: Vec<String> = Vec::new();
    for p in parts {
        let period = p.key.split('/').next().unwrap_or_default();
        let shown = match period.as_bytes().first() {
            Some(b'0'..=b'9') => vec![period.get(..4), period.get(..7)],
            _ => vec![Some(period)],
        };
        for key in shown.into_iter().flatten() {
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
                days: Vec::new(),
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
    month_days(parts, pages)
}

/// Gives each page of a dense month cut into days the list of that month's days, so a
/// reader goes to any day in one click (the overview leads to the month's first page).
fn month_days(parts: &[TimelinePart], mut pages: Vec<TimelinePage>) -> Vec<TimelinePage> {
    let mut months: HashMap<&str, Vec<(usize, DayLink)>> = HashMap::new();
    for (i, p) in parts.iter().enumerate() {
        let day = p.key.get(8..10).filter(|_| p.page == 1);
        if let (Some(month), Some(day)) = (p.within.as_deref(), day) {
            let link = DayLink {
                label: day.trim_start_matches('0').to_string(),
                title: p.label.clone(),
                url: p.url.clone(),
                current: false,
            };
            months.entry(month).or_default().push((i, link));
        }
    }
    for page in &mut pages {
        let month = parts[page.parts.start].within.as_deref();
        if let Some(days) = month.and_then(|m| months.get(m)) {
            page.days = days
                .iter()
                .map(|(i, link)| DayLink {
                    current: page.parts.contains(i) || page_of_day(parts, *i, &page.parts),
                    ..link.clone()
                })
                .collect();
        }
    }
    pages
}

/// Whether the page of `parts` shows a later page of the day whose first page is part `i`.
fn page_of_day(parts: &[TimelinePart], i: usize, page: &Range<usize>) -> bool {
    parts[page.clone()]
        .iter()
        .any(|p| p.page > 1 && p.key.split('/').next() == Some(&parts[i].key))
}

/// The latest [`LATEST_EVENTS`] dated events of a split timeline, oldest first, and a
/// link to the page holding the event before them.
pub(super) fn latest(
    parts: &[TimelinePart],
    pages: &[TimelinePage],
) -> (Vec<GroupSlice>, Option<LinkView>) {
    if pages.is_empty() {
        return (Vec::new(), None);
    }
    let dated: Vec<(usize, &GroupSlice)> = parts
        .iter()
        .enumerate()
        .take_while(|(_, p)| !p.key.starts_with("undated"))
        .flat_map(|(i, p)| p.groups.iter().map(move |g| (i, g)))
        .collect();
    let start = dated
        .iter()
        .map(|(_, g)| g.len())
        .sum::<usize>()
        .saturating_sub(LATEST_EVENTS);
    let mut groups: Vec<GroupSlice> = Vec::new();
    let mut before = None;
    let mut at = 0;
    for (p, group) in dated {
        let n = group.len();
        if (at..at + n).contains(&start.wrapping_sub(1)) {
            before = Some(p);
        }
        if at + n > start {
            let shown = group.sub(start.saturating_sub(at)..n);
            if !groups.last_mut().is_some_and(|last| last.join(&shown)) {
                groups.push(shown);
            }
        }
        at += n;
    }
    let before = before.and_then(|p| {
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
            within: None,
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
        let days = [
            p("2026-03-16/2", "16 March 2026", 50, (2, 3)),
            p("undated", "Without a fixed date", 4, (1, 1)),
        ];
        assert_eq!(periods(&days), ["2026", "2026-03", "undated"]);
    }
}
