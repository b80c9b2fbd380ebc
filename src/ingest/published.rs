//! Publication dates a reader would accept: every date an article gives for itself, in
//! order of trust, in; the first one that can be right out, with a warning for each one
//! before it that cannot.
//!
//! Pages carry broken dates (`0001-01-01T00:00:00Z` from a CMS default, a year-2099
//! placeholder, a typo of the century), and one bad date makes every relative date of
//! the article wrong ("on Wednesday" resolved against year 1). A date is impossible
//! when its year is before [`FIRST_YEAR`] or when it is more than a day after the build's
//! `today` (a day, so that a page dated in a time zone ahead of ours is still fine).
//! `today` is passed in, never read here. The sources, best first, are the front matter
//! (`date:`) or, for a web page, its metadata (`article:published_time`,
//! `article:publicationdate`, `datePublished` in JSON-LD, the other publication-date
//! metas, `itemprop`, `<time>`), then a date in the page's canonical URL, then a
//! dateline or date line at the top of the text, then a date the file name starts with.

use jiff::ToSpan;
use jiff::civil::Date;

use super::dates::parse_date;
use super::{Block, BlockKind};
use crate::language::{calendar, dateline};

/// Publication dates before this year are taken for placeholders.
const FIRST_YEAR: i16 = 1800;

/// A date an article gives for itself, and where it says so (for messages).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Claim {
    pub date: Date,
    /// "the front matter's `date`", "JSON-LD `datePublished`", ...: how a user finds it.
    pub source: &'static str,
}

impl Claim {
    pub(crate) fn new(date: Date, source: &'static str) -> Claim {
        Claim { date, source }
    }
}

/// A claim that was passed over, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Refused {
    pub claim: Claim,
    pub why: String,
}

/// The first possible claim of `claims` (in order of trust) and the impossible ones
/// before it. Equal claims from several sources are one claim.
pub(crate) fn choose(claims: &[Claim], today: Date) -> (Option<Claim>, Vec<Refused>) {
    let mut refused: Vec<Refused> = Vec::new();
    for claim in claims {
        match why_impossible(claim.date, today) {
            None => return (Some(*claim), refused),
            Some(why) if !refused.iter().any(|r| r.claim.date == claim.date) => {
                refused.push(Refused { claim: *claim, why });
            }
            Some(_) => {}
        }
    }
    (None, refused)
}

/// The build dates on which [`choose`] picks what it picked on `today` and refuses the
/// same claims for the same reasons, as `(first, last)`, either end open: a claim refused
/// for being after today makes the choice (and its warning, which names the day) hold on
/// `today` only; otherwise it holds from the day before the chosen date on (from then on
/// the chosen claim is possible, and the claims refused before it are refused for their
/// year, whatever the day). The parse cache keeps a read for these days.
pub(crate) fn same_choice(
    chosen: Option<Claim>,
    refused: &[Refused],
    today: Date,
) -> (Option<Date>, Option<Date>) {
    if refused.iter().any(|r| r.claim.date.year() >= FIRST_YEAR) {
        return (Some(today), Some(today));
    }
    let first = chosen.map(|c| c.date.checked_sub(1.day()).unwrap_or(c.date));
    (first, None)
}

/// Why a publication date cannot be right, if it cannot.
fn why_impossible(date: Date, today: Date) -> Option<String> {
    if date.year() < FIRST_YEAR {
        return Some(format!("the year {} is before {FIRST_YEAR}", date.year()));
    }
    let latest = today.checked_add(1.day()).unwrap_or(today);
    (date > latest).then(|| format!("it is after today ({today})"))
}

/// The date in a URL's path: `/2019/11/18/`, `/2019/nov/18/` or `/2019-11-18` (a
/// segment, or the start of one). A year and month alone are not a publication date.
pub(crate) fn date_in_url(url: &str) -> Option<Date> {
    let path = url.split(['?', '#']).next()?;
    let path = path.split_once("://").map_or(path, |(_, rest)| rest);
    let segments: Vec<&str> = path.split('/').skip(1).collect();
    for (i, segment) in segments.iter().enumerate() {
        if let Some(date) = iso_segment(segment) {
            return Some(date);
        }
        let year = match segment.parse::<i16>() {
            Ok(y) if segment.len() == 4 => y,
            _ => continue,
        };
        let (Some(month), Some(day)) = (segments.get(i + 1), segments.get(i + 2)) else {
            continue;
        };
        let month = month
            .parse::<i8>()
            .ok()
            .filter(|_| month.len() <= 2)
            .or_else(|| calendar::month(&month.to_ascii_lowercase()).map(|m| m as i8));
        let day = day.get(..2).unwrap_or(day);
        if let (Some(month), Ok(day)) = (month, day.parse::<i8>())
            && let Ok(date) = Date::new(year, month, day)
        {
            return Some(date);
        }
    }
    None
}

/// `2019-11-18` at the start of a path segment.
fn iso_segment(segment: &str) -> Option<Date> {
    let head = segment.get(..10)?;
    let shaped = head.as_bytes().iter().enumerate().all(|(i, b)| match i {
        4 | 7 => *b == b'-',
        _ => b.is_ascii_digit(),
    });
    let rest_ok = segment[10..].is_empty() || segment[10..].starts_with(['-', '_', '.']);
    (shaped && rest_ok).then(|| head.parse().ok()).flatten()
}

/// The date a lead opens with, when the text has no dateline ("April 17, 2015 --
/// Imagine ..." on a health site): the first paragraph's, read by
/// [`dateline::date`](crate::language::dateline::date).
pub(crate) fn lead_date(text: &str, blocks: &[Block]) -> Option<Claim> {
    let first = blocks.iter().find(|b| b.kind == BlockKind::Paragraph)?;
    let lead = text.get(first.start..first.end)?;
    let range = dateline::date(lead)?;
    let date = parse_date(&lead[range]).ok()?;
    Some(Claim::new(date, "the date the lead opens with"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn the_first_possible_date_wins_and_the_impossible_ones_are_reported() {
        let today = date(2026, 3, 10);
        let c = |d: Date, s: &'static str| Claim::new(d, s);
        let cases = [
            (
                vec![c(date(2026, 3, 5), "a")],
                Some(date(2026, 3, 5)),
                vec![],
            ),
            (
                vec![c(date(1, 1, 1), "a"), c(date(2026, 3, 5), "b")],
                Some(date(2026, 3, 5)),
                vec!["a"],
            ),
            (
                vec![
                    c(date(1, 1, 1), "a"),
                    c(date(1, 1, 1), "b"),
                    c(date(2099, 1, 1), "c"),
                ],
                None,
                vec!["a", "c"],
            ),
            (
                vec![c(date(2026, 3, 11), "a")],
                Some(date(2026, 3, 11)),
                vec![],
            ),
            (
                vec![
                    c(date(2026, 3, 12), "a"),
                    c(date(1799, 12, 31), "b"),
                    c(date(1800, 1, 1), "c"),
                ],
                Some(date(1800, 1, 1)),
                vec!["a", "b"],
            ),
            (vec![], None, vec![]),
        ];
        for (claims, want, refused) in cases {
            let (got, why) = choose(&claims, today);
            assert_eq!(got.map(|c| c.date), want, "{claims:?}");
            let sources: Vec<&str> = why.iter().map(|r| r.claim.source).collect();
            assert_eq!(sources, refused, "{claims:?}");
        }
        let (_, why) = choose(&[c(date(1, 1, 1), "a"), c(date(2099, 1, 1), "b")], today);
        assert_eq!(why[0].why, "the year 1 is before 1800");
        assert_eq!(why[1].why, "it is after today (2026-03-10)");
    }

    #[test]
    fn the_choice_holds_on_exactly_the_days_same_choice_gives() {
        let today = date(2026, 3, 10);
        let c = |d: Date| Claim::new(d, "s");
        let cases = [
            (vec![c(date(2026, 3, 5))], (Some(date(2026, 3, 4)), None)),
            (
                vec![c(date(1, 1, 1)), c(date(2026, 3, 11))],
                (Some(date(2026, 3, 10)), None),
            ),
            (
                vec![c(date(2026, 5, 1)), c(date(2026, 3, 5))],
                (Some(today), Some(today)),
            ),
            (vec![c(date(1, 1, 1))], (None, None)),
            (vec![], (None, None)),
        ];
        for (claims, want) in cases {
            let (chosen, refused) = choose(&claims, today);
            let days = same_choice(chosen, &refused, today);
            assert_eq!(days, want, "{claims:?}");
            for offset in -30..400 {
                let day = today.checked_add(offset.days()).unwrap();
                let holds = days.0.is_none_or(|f| day >= f) && days.1.is_none_or(|l| day <= l);
                let same = choose(&claims, day) == (chosen, refused.clone());
                assert!(!holds || same, "{claims:?} on {day}");
            }
        }
    }

    #[test]
    fn dates_in_urls() {
        let cases = [
            (
                "https://x.org/story/sports/2019/11/19/talks-stall/4244754002/",
                Some(date(2019, 11, 19)),
            ),
            (
                "https://x.org/commentisfree/2019/nov/18/the-view",
                Some(date(2019, 11, 18)),
            ),
            ("https://x.org/2015/03/30/jangan/", Some(date(2015, 3, 30))),
            (
                "https://x.org/news/2019-11-20-talks.html",
                Some(date(2019, 11, 20)),
            ),
            ("https://x.org/2019/11/talks", None),
            ("https://x.org/2019/13/40/talks", None),
            ("https://x.org/news/471033-talks", None),
            ("https://2019.x.org/11/19", None),
            (
                "https://x.org/a/2019/11/19?from=2020/01/01",
                Some(date(2019, 11, 19)),
            ),
            ("", None),
        ];
        for (url, want) in cases {
            assert_eq!(date_in_url(url), want, "{url}");
        }
    }
}
