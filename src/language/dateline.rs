//! Wire datelines: the place and agency (or the date) a news lead opens with ("LONDON
//! (Reuters) -", "(CNN)", "Rome (CNN) --", "THE HAGUE, Netherlands (AP)_", "PORT AUBEL
//! —", "April 17, 2015 --"). Text in, the text after the dateline out.
//!
//! Ingest drops the dateline from a headline made from the lead, the summary keeps it out
//! of key points and the site out of what a reader sees; one rule serves all three so they
//! never disagree about where a lead starts. The rule is conservative: a capitalised
//! phrase in brackets is a dateline only when the place before it is in capitals, empty,
//! or followed by a dash ("The Sarn Authority (SA) said" is a sentence, not a dateline).

use super::calendar;

/// Separators that end a dateline.
const DASHES: [&str; 4] = ["—", "--", "–", "-"];

/// `text` without a leading dateline; `text` itself (trimmed at the start) when it has
/// none or when nothing would be left.
pub fn strip(text: &str) -> &str {
    let t = text.trim_start();
    let rest = after_agency(t)
        .or_else(|| after_place_and_dash(t))
        .or_else(|| date(t).map(|d| trim_separator(&t[d.end..])));
    match rest {
        Some(rest) if !rest.is_empty() => rest,
        _ => t,
    }
}

/// The byte range in `text` of the place a dateline opens with ("LISK" in "LISK —
/// ...", "THE HAGUE" in "THE HAGUE, Netherlands (AP)_ ..."): the words before the first
/// comma, bracket or dash. `None` when `text` opens with no dateline or with an agency
/// alone ("(CNN) ...").
pub fn place(text: &str) -> Option<std::ops::Range<usize>> {
    let t = text.trim_start();
    if std::ptr::eq(strip(text), t) || date(text).is_some() {
        return None;
    }
    let offset = text.len() - t.len();
    let end = t
        .find(|c: char| c == ',' || c == '(' || "-–—_".contains(c))
        .unwrap_or(t.len());
    let words = t[..end].trim_end();
    (!words.is_empty()).then(|| offset..offset + words.len())
}

/// "LONDON (Reuters) - ...", "(CNN) ...", "Rome (CNN) -- ...".
fn after_agency(t: &str) -> Option<&str> {
    let open = t.find('(').filter(|&i| i <= 40)?;
    let len = t[open..].find(')').filter(|&l| (2..=20).contains(&l))?;
    let place = t[..open].trim();
    let agency = &t[open + 1..open + len];
    if !agency.starts_with(|c: char| c.is_uppercase()) || agency.split_whitespace().count() > 3 {
        return None;
    }
    let words: Vec<&str> = place.split_whitespace().collect();
    if words.len() > 4 || !words.iter().all(|w| capitalised(w)) {
        return None;
    }
    let after = &t[open + len + 1..];
    let dashed = after.trim_start().starts_with(['—', '–', '-', '_']);
    if words.is_empty() || in_capitals(words[0]) || dashed {
        Some(trim_separator(after))
    } else {
        None
    }
}

/// The byte range in `text` of the date a lead opens with before a dash, with no place
/// ("April 17, 2015 -- Imagine ...", "Tuesday, March 3, 2026 — The council ..."): a month
/// or weekday first, a year among at most five words. Ingest reads it as the article's
/// date when the page gives none.
pub fn date(text: &str) -> Option<std::ops::Range<usize>> {
    let t = text.trim_start();
    let words: Vec<&str> = t.split_whitespace().take(6).collect();
    let dash = words.iter().position(|w| DASHES.contains(w))?;
    let date = &words[..dash];
    let bare = |w: &str| {
        w.trim_matches(|c: char| ",.".contains(c))
            .to_ascii_lowercase()
    };
    let opens = date.first().is_some_and(|w| {
        let w = bare(w);
        calendar::month(&w).is_some() || calendar::weekday(&w).is_some()
    });
    let year = date
        .iter()
        .any(|w| bare(w).len() == 4 && bare(w).chars().all(|c| c.is_ascii_digit()));
    if !opens || !year {
        return None;
    }
    let offset = text.len() - t.len();
    let end = t.find(&format!(" {}", words[dash]))?;
    Some(offset..offset + end)
}

/// "WASHINGTON — ...", "PORT AUBEL — ...", "LONDON -- ...".
fn after_place_and_dash(t: &str) -> Option<&str> {
    let words: Vec<&str> = t.split_whitespace().take(6).collect();
    let dash = words.iter().position(|w| DASHES.contains(w))?;
    let place = &words[..dash];
    let is_place =
        !place.is_empty() && in_capitals(place[0]) && place.iter().all(|w| capitalised(w));
    if !is_place {
        return None;
    }
    let at = t.find(&format!(" {}", words[dash]))?;
    Some(trim_separator(&t[at..]))
}

/// A word of a place or date in a dateline: "Rome", "June", "3", "(Reuters)".
fn capitalised(word: &str) -> bool {
    word.trim_start_matches('(')
        .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
}

/// A word in capitals with at least two letters ("LONDON", "D.C.", "HAGUE,").
fn in_capitals(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !word.chars().any(char::is_lowercase)
}

fn trim_separator(s: &str) -> &str {
    s.trim_start_matches(|c: char| c.is_whitespace() || "-–—_:".contains(c))
}

#[cfg(test)]
mod tests {
    use super::{date, place, strip};

    #[test]
    fn a_lead_that_opens_with_a_date() {
        let cases = [
            ("April 17, 2015 -- Imagine a ward.", Some("April 17, 2015")),
            (
                "Tuesday, March 3, 2026 \u{2014} The council met.",
                Some("Tuesday, March 3, 2026"),
            ),
            ("  Jan. 5, 2026 - Talks resumed.", Some("Jan. 5, 2026")),
            // no year: a sentence that names a day
            ("Monday - the day of the vote - was calm.", None),
            ("April 17 -- Talks resumed.", None),
            ("LISK \u{2014} Talks opened.", None),
            ("In April 2015 -- when talks began -- few came.", None),
        ];
        for (text, want) in cases {
            assert_eq!(date(text).map(|r| &text[r]), want, "{text}");
            if let Some(want) = want {
                assert_eq!(place(text), None, "{text}");
                let rest = strip(text);
                assert!(!rest.contains(want), "{text}: {rest}");
                assert!(rest.starts_with(char::is_uppercase), "{text}: {rest}");
            }
        }
    }

    #[test]
    fn the_place_of_a_dateline() {
        let cases = [
            ("LISK \u{2014} Talks opened.", Some("LISK")),
            ("  PORT AUBEL \u{2014} The council met.", Some("PORT AUBEL")),
            ("WASHINGTON (Reuters) - Ministers met.", Some("WASHINGTON")),
            (
                "THE HAGUE, Netherlands (AP)_ The court ruled.",
                Some("THE HAGUE"),
            ),
            ("(CNN) Talks stalled.", None),
            ("Lisk agreed to talks.", None),
            ("Ana Varela - the minister - said no.", None),
        ];
        for (text, want) in cases {
            assert_eq!(place(text).map(|r| &text[r]), want, "{text}");
        }
    }

    #[test]
    fn datelines_are_dropped_and_sentences_kept() {
        let cases = [
            (
                "LONDON (Reuters) - Ministers met on Friday.",
                "Ministers met on Friday.",
            ),
            ("(CNN) Talks stalled on Friday.", "Talks stalled on Friday."),
            ("Rome (CNN) -- The pope spoke.", "The pope spoke."),
            (
                "THE HAGUE, Netherlands (AP)_ The court rejected the request.",
                "The court rejected the request.",
            ),
            ("PORT AUBEL — The council met.", "The council met."),
            ("WASHINGTON -- Talks resumed.", "Talks resumed."),
            ("NEW YORK, June 3 (Reuters) - Shares fell.", "Shares fell."),
            // not datelines
            (
                "The Sarn Authority (SA) said it would reopen.",
                "The Sarn Authority (SA) said it would reopen.",
            ),
            ("Kestria (pop. 3m) voted.", "Kestria (pop. 3m) voted."),
            (
                "Ana Varela - the minister - said no.",
                "Ana Varela - the minister - said no.",
            ),
            ("I - for one - agree.", "I - for one - agree."),
            ("A vote — at last.", "A vote — at last."),
            // nothing left: keep the text
            ("(Reuters)", "(Reuters)"),
            ("LONDON —", "LONDON —"),
        ];
        for (text, want) in cases {
            assert_eq!(strip(text), want, "{text}");
        }
    }
}
