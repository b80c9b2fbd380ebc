//! Lines that are not part of the story: photo credits, "Advertisement", "Read more:",
//! share and subscribe prompts, bylines, datelines and "Published ..." stamps.
//!
//! A line of plain text (or the text of one Markdown/HTML block) in; what kind of
//! furniture it is out ([`classify`]), with the author's name for a byline and the date
//! for a dateline. This is the one classification: the plain-text, Markdown and HTML
//! layouts all call it. Patterns are anchored at the start of the line,
//! case-insensitive, and only apply to short lines, so prose that merely *mentions* a
//! photo or an advertisement is never dropped. These are regexes over single lines of
//! plain text, never over Markdown or HTML.

use std::sync::LazyLock;

use jiff::civil::Date;
use regex::Regex;

use super::dates::parse_date;
use crate::language::calendar;

mod patterns;

/// Longer lines are prose, whatever they start with.
const MAX_BOILERPLATE_CHARS: usize = 200;

/// "By Jane Doe", "By Jane Doe and John Roe", "By JANE DOE, Reuters", "By Jane Doe · May 2,
/// 2026", "By Jane Doe March 2, 2026 3:46 PM" (a time stamp of a few words after the
/// name, `dated`); "Jane Doe | Reuters" is not matched (too ambiguous). The name is captured.
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)^(?i:by)[:\s]\s*
        (?P<name>
            \p{Lu}[\p{L}'’.-]*(?:\s+(?:\p{Lu}[\p{L}'’.-]*|de|van|von|der|da|di|al|bin|la|le)){0,4}
            (?:(?:\s*,\s*|\s+and\s+|\s*&\s*)\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,4})*
        )
        (?:\s*[,|/–—·•-]\s*[\p{L}\p{N}\s.,&'|:/·•-]{1,80}|(?P<dated>\s*\d[\p{N}\s.,:]*(?:\p{L}{1,9}\.?[\p{N}\s.,:]*){0,3}))?\s*$",
    )
    .expect("valid byline pattern")
});

/// "Published: ...", "Updated ...", "Posted on ...": a time stamp's label. Group 1 is set
/// for a publication stamp, unset for an update.
static STAMP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)^(?:
            (?:first\s+)?(published|posted)
          | (?:last\s+)?(?:updated|modified|edited)
        )(?:\s+on)?\s*:?\s*",
    )
    .expect("valid stamp pattern")
});

/// What a line that is not story text is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Furniture {
    /// "By Jane Doe": the author's name.
    Byline(String),
    /// A wire dateline, "LONDON 1996-08-30": a place in capitals and the date.
    Dateline(Date),
    /// Near the top, a line that is only a date or a publication stamp
    /// ("Published February 10, 2026"): the publication date.
    Published(Date),
    /// Credits, captions, prompts, "Updated ..." stamps and other furniture.
    Other,
}

/// Classifies one line (or the flattened text of one block). `near_top` says the line is
/// among the first few of the article, where bylines, datelines and date lines stand.
/// `None` is story text (prose, a headline or a subheading).
pub(crate) fn classify(line: &str, near_top: bool) -> Option<Furniture> {
    let line = line.trim();
    if near_top {
        if let Some(date) = dateline_date(line) {
            return Some(Furniture::Dateline(date));
        }
        if let Some(name) = byline(line) {
            return Some(Furniture::Byline(name));
        }
    }
    match date_line(line) {
        Some((label, date)) if near_top && label != Label::Updated => {
            Some(Furniture::Published(date))
        }
        Some((label, _)) if near_top || label != Label::None => Some(Furniture::Other),
        _ => is_boilerplate(line).then_some(Furniture::Other),
    }
}

/// The label before a date on a line of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Label {
    None,
    Published,
    Updated,
}

/// A line that is only a date, maybe after a label ("Published:", "Updated on").
fn date_line(line: &str) -> Option<(Label, Date)> {
    if line.chars().count() > 80 || !line.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let (label, rest) = match STAMP.captures(line) {
        Some(caps) if caps.get(1).is_some() => (Label::Published, &line[caps.get(0)?.end()..]),
        Some(caps) => (Label::Updated, &line[caps.get(0)?.end()..]),
        None => (Label::None, line),
    };
    parse_date(rest).ok().map(|date| (label, date))
}

/// "LONDON 1996-08-30" or "NICE, France 1996-08-30" -> 1996-08-30: a place in
/// capitals, maybe a country or state after a comma, then an ISO date.
pub(crate) fn dateline_date(line: &str) -> Option<Date> {
    let (place, date) = line.trim().rsplit_once(char::is_whitespace)?;
    let (city, region) = place.trim().split_once(',').unwrap_or((place.trim(), ""));
    let letters = city.chars().filter(|c| c.is_alphabetic()).count();
    let caps = city.chars().all(|c| c.is_uppercase() || " .'-".contains(c));
    let region_ok = region.chars().count() <= 30
        && region
            .chars()
            .all(|c| c.is_alphabetic() || " .'-".contains(c));
    if letters < 2 || city.chars().count() > 40 || !caps || !region_ok || date.len() != 10 {
        return None;
    }
    date.parse().ok()
}

/// Whether a single line (or a one-line block) is boilerplate: see [`patterns`].
pub(crate) fn is_boilerplate(line: &str) -> bool {
    let line = line.trim();
    let chars = line.chars().count();
    if line.is_empty() || chars > patterns::MAX_CAPTION_CHARS {
        return false;
    }
    if chars <= MAX_BOILERPLATE_CHARS && patterns::is_furniture(line) {
        return true;
    }
    patterns::is_credited_caption(line)
}

/// Whether a line is a photo or video credit ("(Image: AP)", "Photo: Jane Doe/Reuters").
pub(crate) fn is_credit(line: &str) -> bool {
    let line = line.trim();
    line.chars().count() <= MAX_BOILERPLATE_CHARS && patterns::is_credit(line)
}

/// The author named by a byline line ("By Jane Doe" -> "Jane Doe"), if the line is one.
pub(crate) fn byline(line: &str) -> Option<String> {
    let line = line.trim();
    if line.chars().count() > 120 {
        return None;
    }
    let caps = BYLINE.captures(line)?;
    let mut name = caps
        .name("name")?
        .as_str()
        .trim()
        .trim_end_matches(',')
        .trim();
    // "By Jane Doe March 11, 2015" and "by Jane Doe22 Dec 2016" (a date run on by a
    // page's markup): the month before the day is the date's, not the name's.
    if caps.name("dated").is_some()
        && let Some((rest, last)) = name.rsplit_once(char::is_whitespace)
        && calendar::month(&last.trim_end_matches('.').to_lowercase()).is_some()
    {
        name = rest.trim_end();
    }
    let words = name.split_whitespace().count();
    (words >= 2 || name.contains(',')).then(|| as_written_in_prose(name))
}

/// A name set in capitals, as bylines often are ("JANE O'DOE-ROE"), as prose writes it
/// ("Jane O'Doe-Roe"); a name with any lower-case letter is kept as it is.
fn as_written_in_prose(name: &str) -> String {
    if !super::headline::all_caps(name) {
        return name.to_string();
    }
    let mut out = String::with_capacity(name.len());
    let mut start = true;
    for c in name.chars() {
        match start {
            true => out.push(c),
            false => out.extend(c.to_lowercase()),
        }
        start = !c.is_alphabetic();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credits_and_furniture_are_boilerplate() {
        let cases = [
            "(Image: AP)",
            "(Image : AP)",
            "Photo: Reuters",
            "PHOTO: Reuters/File",
            "(AP Photo/Evan Vucci)",
            "Delegates arrive for the talks in Geneva. (Photo: Example Agency)",
            "Delegates arrive for the talks in Geneva (AP Photo/Jane Doe)",
            "(Reuters)",
            "(Getty Images)",
            "Image source, Getty Images",
            "Image caption, Officials met on Friday",
            "Photo credit: Jane Doe",
            "File photo by Jane Doe",
            "Getty Images",
            "AFP photo",
            "Advertisement",
            "ADVERTISEMENT",
            "Advertisement - Scroll to continue",
            "Story continues below advertisement",
            "Read more: Talks stall in Geneva",
            "READ MORE",
            "Also read | Ministers meet again",
            "Related: Ministers meet again",
            "Related stories",
            "Follow us on Twitter",
            "Follow @example on Instagram for updates",
            "Share this article",
            "Share on Facebook",
            "Click here to subscribe",
            "Subscribe to our newsletter",
            "Sign up for our daily briefing.",
            "Download the Example News app",
            "Copyright 2022 Example News",
            "Copyright (c) 2022 Example News",
            "© 2022 Example Media. All rights reserved.",
            "(Reporting by Jane Doe; Editing by John Roe)",
            "This article was originally published by Example News.",
            "Updated: 28 Jan 2022 14:05",
        ];
        for line in cases {
            assert!(is_boilerplate(line), "{line}");
        }
    }

    #[test]
    fn prose_and_headings_are_not_boilerplate() {
        let long = "Photo: Reuters. ".repeat(20);
        let cases = [
            "The photo shows the minister arriving in Geneva.",
            "Photographers waited outside the building for hours.",
            "Read the room, the minister told her aides.",
            "Advertising revenue fell by a third last year.",
            "Related talks will resume on Monday, officials said.",
            "Reuters reported that the talks had stalled.",
            "Ministers met (photos of the meeting were not released) on Friday.",
            "Follow-up talks are planned for next week.",
            "Share prices fell sharply on Friday.",
            "Copyright disputes rose sharply last year.",
            "Subscribers to the service will see no change.",
            "Wendy Sherman, European allies reviewed the written response",
            long.as_str(),
            "",
        ];
        for line in cases {
            assert!(!is_boilerplate(line), "{line}");
        }
    }

    #[test]
    fn bylines_give_the_author() {
        let cases = [
            ("By Jane Doe", Some("Jane Doe")),
            ("BY Jane Doe", Some("Jane Doe")),
            ("By: Jane Doe", Some("Jane Doe")),
            ("By Jane Doe and John Roe", Some("Jane Doe and John Roe")),
            ("By Jane Doe, Reuters", Some("Jane Doe")),
            ("By Jane Doe, John Roe", Some("Jane Doe, John Roe")),
            ("By Jane Doe | Reuters | January 28, 2022", Some("Jane Doe")),
            ("By Jean-Luc van der Berg", Some("Jean-Luc van der Berg")),
            ("By JANE DOE", Some("Jane Doe")),
            ("BY JEAN-LUC O'BRIEN", Some("Jean-Luc O'Brien")),
            ("By Jane McDoe", Some("Jane McDoe")),
            ("by Jane Doe22 Dec 2016651", Some("Jane Doe")),
            ("By JANE DOE March 11, 2015 3:46 PM", Some("Jane Doe")),
            ("By Jane Doe 2 hours ago", Some("Jane Doe")),
            ("By Theresa May", Some("Theresa May")),
            ("By Theresa May, Reuters", Some("Theresa May")),
            ("By Christmas Day 2019 the shops had closed.", None),
            ("By the end of the week, talks had stalled.", None),
            ("By Friday", None),
            (
                "By then the delegates had left Geneva and returned home.",
                None,
            ),
            ("Jane Doe", None),
        ];
        for (line, want) in cases {
            assert_eq!(byline(line).as_deref(), want, "{line}");
        }
    }

    #[test]
    fn datelines_need_a_place_in_capitals_and_an_iso_date() {
        let cases = [
            ("LONDON 1996-08-30", Some(jiff::civil::date(1996, 8, 30))),
            (
                "RIO DE JANEIRO, 1996-08-30",
                Some(jiff::civil::date(1996, 8, 30)),
            ),
            ("London 1996-08-30", None),
            ("LONDON 1996-13-30", None),
            ("LONDON", None),
        ];
        for (line, want) in cases {
            assert_eq!(dateline_date(line), want, "{line}");
        }
    }

    #[test]
    fn classify_finds_bylines_datelines_and_date_lines() {
        use Furniture::{Byline, Dateline, Other, Published};
        let feb10 = jiff::civil::date(2026, 2, 10);
        let cases = [
            (
                "By Tom Reyes · February 10, 2026",
                true,
                Some(Byline("Tom Reyes".into())),
            ),
            (
                "By Tom Reyes • Feb 10, 2026",
                true,
                Some(Byline("Tom Reyes".into())),
            ),
            ("LONDON 2026-02-10", true, Some(Dateline(feb10))),
            ("February 10, 2026", true, Some(Published(feb10))),
            ("Published February 10, 2026", true, Some(Published(feb10))),
            (
                "Published: 10 February 2026, 15:05 GMT",
                true,
                Some(Published(feb10)),
            ),
            (
                "Posted on Feb. 10, 2026 at 3:05 p.m.",
                true,
                Some(Published(feb10)),
            ),
            ("Updated Feb. 11, 2026 at 3:05 p.m.", true, Some(Other)),
            ("Last updated: 2026-02-11", false, Some(Other)),
            ("Published February 10, 2026", false, Some(Other)),
            ("(Image: AP)", false, Some(Other)),
            ("By Tom Reyes", false, None),
            ("February 10, 2026", false, None),
            (
                "Published figures show that prices rose in 2026.",
                true,
                None,
            ),
            (
                "Updated guidance was issued on February 10, 2026.",
                true,
                None,
            ),
            ("The council met on February 10, 2026.", true, None),
            ("What happens next", true, None),
        ];
        for (line, near_top, want) in cases {
            assert_eq!(classify(line, near_top), want, "{line}");
        }
    }
}
