//! Lines that are not part of the story: photo credits, "Advertisement", "Read more:",
//! share and subscribe prompts, bylines.
//!
//! A line of plain text (or the text of one Markdown/HTML block) in; whether it is
//! boilerplate out, plus the author's name for a byline. Patterns are anchored at the
//! start of the line, case-insensitive, and only apply to short lines, so prose that
//! merely *mentions* a photo or an advertisement is never dropped. These are regexes
//! over single lines of plain text, never over Markdown.

use std::sync::LazyLock;

use regex::Regex;

/// Longer lines are prose, whatever they start with.
const MAX_BOILERPLATE_CHARS: usize = 200;

/// Trailing or inline credits: "(Image: AP)", "Photo: Reuters", "(AP Photo/Evan Vucci)",
/// "Image source, Getty Images", "File photo".
static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)^
        (?:
            \(? \s* (?:file\s+)? (?:image|images|photo|photos|photograph|picture|pic|pics|video|graphic|illustration|credit|credits|courtesy)
                (?:\s+(?:credit|credits|source|courtesy))? \s* (?:[:/|,–—-]|\bby\b|$) .* 
          | \( \s* (?:ap|afp|reuters|getty(?:\s+images)?|pti|ani|ians|epa|bloomberg|xinhua|tass|dpa|upi|ep|efe)
                (?:\s+(?:photo|photos|images|file|via\s+\w+))? \s* (?:[/|:,][^)]*)? \) \.?
          | (?:ap|afp|reuters|getty\s+images|pti|ani|epa)\s+(?:photo|file\s+photo)\b .*
          | (?:getty\s+images|shutterstock|reuters|ap|afp)\s*(?:/\s*\w[\w\s]*)?
          | .{1,150}? \( \s* (?:
                (?:file\s+)? (?:image|photo|photograph|picture|pic)s? (?:\s+credit)? \s* [:/] [^)]{1,60}
              | (?:ap|afp|reuters|getty\s+images|epa) \s+ photo [^)]{0,60}
            ) \) \.?
        )$",
    )
    .expect("valid credit pattern")
});

/// Publishing furniture: ads, prompts, cross-links, copyright, agency credits.
static FURNITURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)^
        (?:
            advertisements? (?:\s*[-–—:]?\s*(?:scroll|continue|story)\b.*)?
          | sponsored (?:\s+content)? | promoted (?:\s+content)?
          | (?:story|article)\s+continues\s+(?:below|after).* | continue\s+reading.*
          | read\s+(?:more|also|next|the\s+full\s+(?:story|article)) \b.*
          | also\s+read\b.* | related(?:\s+(?:stories|articles|news|coverage|content|reading|links))? \s* (?:[:|].*)?
          | recommended(?:\s+(?:stories|articles|for\s+you))?\s*:?.* | more\s+(?:on|from)\s+this\s+story.* | you\s+may\s+also\s+like.*
          | (?:follow|like)\s+(?:us|@\w+)\s+on\b.* | follow\s+(?:us|@\w+)\s*$
          | share\s+(?:this|the)\s+(?:article|story|page|post)\b.* | share\s+(?:on|via)\s+\w+.*
          | click\s+here\b.* | tap\s+here\b.* | (?:subscribe|sign\s+up)\s+(?:to|for|now|today)\b.* | subscribe\s*$
          | download\s+(?:the|our)\s+.*\bapp\b.* | get\s+(?:the|our)\s+.*\b(?:app|newsletter)\b.*
          | listen\s+to\s+(?:this|the)\s+(?:article|story).* | watch\s*:.* | video\s*:.* | (?:also\s+)?see\s+also\s*:.*
          | copyright\s+(?:©\s*|\(c\)\s*)?\d{4}.* | (?:©|\(c\)\s+\d{4}).* | all\s+rights\s+reserved\.?
          | \(?\s*(?:reporting|additional\s+reporting|writing|editing)\s+by\b.* | edited\s+by\b.{0,60}
          | this\s+(?:article|story)\s+(?:was\s+)?(?:originally\s+)?(?:first\s+)?(?:published|appeared)\b.*
          | (?:updated|published|last\s+updated)\s*:?\s*\d.{0,60} | (?:updated|published)\s+on\s+.{0,60}
          | (?:image|photo)\s+caption\b.*
        )$",
    )
    .expect("valid furniture pattern")
});

/// "By Jane Doe", "By Jane Doe and John Roe", "By JANE DOE, Reuters", "Jane Doe | Reuters"
/// is not matched (too ambiguous). The name is captured.
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)^(?i:by)[:\s]\s*
        (?P<name>
            \p{Lu}[\p{L}'’.-]*(?:\s+(?:\p{Lu}[\p{L}'’.-]*|de|van|von|der|da|di|al|bin|la|le)){0,4}
            (?:(?:\s*,\s*|\s+and\s+|\s*&\s*)\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,4})*
        )
        (?:\s*[,|/–—-]\s*[\p{L}\p{N}\s.,&'|:/-]{1,80})?\s*$",
    )
    .expect("valid byline pattern")
});

/// Whether a single line (or a one-line block) is boilerplate.
pub(crate) fn is_boilerplate(line: &str) -> bool {
    let line = line.trim();
    if line.is_empty() || line.chars().count() > MAX_BOILERPLATE_CHARS {
        return false;
    }
    CREDIT.is_match(line) || FURNITURE.is_match(line)
}

/// The author named by a byline line ("By Jane Doe" -> "Jane Doe"), if the line is one.
pub(crate) fn byline(line: &str) -> Option<String> {
    let line = line.trim();
    if line.chars().count() > 120 {
        return None;
    }
    let caps = BYLINE.captures(line)?;
    let name = caps
        .name("name")?
        .as_str()
        .trim()
        .trim_end_matches(',')
        .trim();
    let words = name.split_whitespace().count();
    (words >= 2 || name.contains(',')).then(|| name.to_string())
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
            ("By JANE DOE", Some("JANE DOE")),
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
}
