//! The patterns of [`super::is_boilerplate`]: one line of plain text in, whether it is
//! publishing furniture out.
//!
//! Each group is a case-insensitive regex that must match the *whole* line, so prose
//! that merely mentions a photo, a newsletter or a comment is never dropped; the caller
//! only asks about lines of at most 200 characters, except for captions that end in a
//! photo credit ([`is_credited_caption`]), which may be longer. Every pattern was
//! measured on the article-extraction benchmark's dev pages (see `BENCHMARKS.md`) and
//! kept only when it cost no recall there.

use std::sync::LazyLock;

use regex::Regex;

/// A caption ending in a credit may be this long; anything longer is prose.
pub(super) const MAX_CAPTION_CHARS: usize = 400;

/// Credits alone: "(Image: AP)", "Photo: Reuters", "(AP
/// Photo/Evan Vucci)", "Image source, Getty Images", "File photo", "Alex Wong | Getty
/// Images".
static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)^
        (?:
            \(? \s* (?:file\s+)? (?:image|images|photo|photos|photograph|picture|pic|pics|video|graphic|illustration|credit|credits|courtesy)
                (?: \s+(?:credit|credits|source|courtesy|copyright)\b | \s* (?:[:/|,–—-]|\bby\b|\bof\b|$) ) .*
          | \( \s* (?:ap|afp|reuters|getty(?:\s+images)?|pti|ani|ians|epa|bloomberg|xinhua|tass|dpa|upi|ep|efe)
                (?:\s+(?:photo|photos|images|file|via\s+\w+))? \s* (?:[/|:,][^)]*)? \) \.?
          | (?:ap|afp|reuters|getty\s+images|pti|ani|epa)\s+(?:photo|file\s+photo)\b .*
          | (?:getty\s+images|shutterstock|reuters|ap|afp)\s*(?:/\s*\w[\w\s]*)?
          | [\p{L}.'’\s-]{2,60} (?:\s*[|/]\s*[\p{L}.'’\s-]{2,40}){0,2} \s*[|/]\s* (?:getty\s+images|ap|afp|reuters|epa|bloomberg|shutterstock|alamy)
        )$",
    )
    .expect("valid credit pattern")
});

/// A caption that ends in its credit: "... during the debate. (Joshua Roberts/Reuters)",
/// "... sought treatment Credit: EPA", "... in New York. Photo: Jane Doe/AP", "Delegates
/// arrive for the talks (AP Photo/Jane Doe)".
static CREDITED_CAPTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)^ .{1,}? (?:
            \( \s* [\p{L}.'’\s-]{2,40} (?:\s*/\s*[\p{L}.'’\s-]{2,40}){1,2} \) \.?
          | \( \s* (?:file\s+)? (?:image|photo|photograph|picture|pic|credit)s? (?:\s+credit)? \s* [:/] [^)]{1,60} \) \.?
          | \( \s* (?:ap|afp|reuters|getty\s+images|epa) \s+ photo [^)]{0,60} \) \.?
          | (?:credit|photo|image|picture)s? (?:\s+credit)? \s* : \s* [^.:]{1,60}
        )$",
    )
    .expect("valid credited caption pattern")
});

/// Publishing furniture: ads, prompts, cross-links, copyright, agency credits, stamps.
static FURNITURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)^ (?:[|•·]\s*)?
        (?:
            advert(?:isements?)? (?:\s*[-–—:]?\s*(?:scroll|continue|story)\b.*)?
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
          | a\s+version\s+of\s+this\s+(?:article|story)\s+(?:appears|appeared|was\s+published)\b.*
          | (?:updated|published|last\s+updated)\s*:?\s*\d.{0,60} | (?:updated|published)\s+on\s+.{0,60}
          | (?:image|photo)\s+caption\b.*
        )$",
    )
    .expect("valid furniture pattern")
});

/// Gallery controls and other words of the page's interface standing alone: "Image 1
/// of 8", "1 of 6", "Caption", "Close", "Enlarge Image", "Loading content ...", a menu
/// of short items between pipes ("Order Reprints | Today's Paper | Subscribe").
static CONTROLS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)^
        (?:
            (?:(?:image|photo|picture|slide)\s+)? \d{1,3} \s+ of \s* /? \s* \d{1,3}
          | of\s+\d{1,3}
          | caption | close | expand | enlarge(?:\s+(?:image|photo|this\s+image))? | (?:hide|show|toggle)\s+caption
          | (?:view|open|launch)\s+(?:the\s+)?(?:gallery|slideshow|photos?)\b.{0,30}
          | this\s+slideshow\s+requires\s+javascript\.?
          | loading(?:\s+\w+)?\s*(?:\.\.\.|…)
          | sharing\s+is\s+caring!?
          | (?:[^|\n]{1,25}\|\s*){2,}[^|\n]{1,25}
        )$",
    )
    .expect("valid controls pattern")
});

/// The heading of a widget of links to other stories: "Most read", "Top stories in
/// Nation", "Don't miss", "Trending", "More:", "Related coverage from ...:".
static WIDGET_HEADINGS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)^
        (?:
            most\s+(?:read|popular|viewed|shared|watched|commented)(?:\s+(?:stories|articles|news|now))?
          | top\s+(?:stories|news|headlines)(?:\s+in\s+[\p{L}\s]{1,30})?
          | trending(?:\s+(?:now|stories|news|topics))? | latest(?:\s+(?:news|stories|videos|headlines))? | popular(?:\s+(?:now|stories))?
          | don'?t\s+miss\b.{0,200} | see\s+more\s*:.* | more\s+stories\b.{0,40} | more | more\s+from\s+[\p{L}\s'’.]{1,40}
          | editor'?s\s+picks? | in\s+case\s+you\s+missed\s+it\b.{0,200} | related\s+coverage\b.{0,100} | story\s+timeline
          | you\s+(?:may|might)\s+also\s+(?:like|enjoy|be\s+interested\s+in)\b.{0,40}
        ) \s* [:.…]* $",
    )
    .expect("valid widget heading pattern")
});

/// Promotions aimed at the reader: newsletters, tip lines, following the outlet,
/// apps, affiliate disclosures.
static PROMOS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)^
        (?:
            (?:have|got)\s+a\s+(?:news\s+)?tip\b.* | (?:send|email)\s+(?:us\s+)?(?:your\s+)?(?:news\s+)?tips?\b.*
          | follow\s+(?:us|@\w+|[\p{L}'’.]+(?:\s+[\p{L}'’.]+){0,3})\s+on\s+(?:twitter|facebook|instagram|youtube|linkedin|tiktok|x)\b.*
          | follow\s+.{1,60}?\s+at\s+https?://\S+\s*\.?
          | (?:get|receive|sign\s+up\s+for|subscribe\s+to)\b.{0,80}\bnewsletters?\b.*
          | .{0,80}\bnewsletters?\b.{0,80}\b(?:sign\s+up|subscribe|subscribing|inbox)\b.*
          | (?:get|have|receive|sign\s+up)\b.{0,80}\b(?:in|to)\s+your\s+inbox\b.*
          | (?:this\s+(?:post|article|page|story)\s+)?(?:may\s+)?contains?\s+affiliate\s+links?\b.*
          | we\s+(?:may\s+)?(?:earn|receive)\s+(?:a\s+)?(?:small\s+)?(?:commission|affiliate)\b.*
          | (?:download|get)\s+(?:the\s+)?[\p{L}\s]{1,30}\s+app\b.*
        )$",
    )
    .expect("valid promo pattern")
});

/// Comment threads' furniture and comment-policy lines.
static COMMENTS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)^
        (?:
            (?:\d+\s+)?comments?\s*(?:\(\d+\))?
          | (?:leave|post|add|write)\s+a\s+(?:comment|reply)\b.* | tell\s+us\s+what\s+you\s+think\b.*
          | join\s+the\s+(?:conversation|discussion|debate)\b.* | (?:view|show|read|see)\s+(?:all\s+)?(?:\d+\s+)?comments\b.*
          | comments?\s+(?:are|is|have\s+been|will\s+be)\s+(?:closed|disabled|moderated|reviewed|turned\s+off)\b.*
          | .{0,120}\b(?:our|the)\s+(?:comment(?:ing)?\s+policy|community\s+(?:guidelines|standards)|house\s+rules)\b.*
          | (?:please|we\s+reserve\s+the\s+right)\b.{0,100}\bcomments?\b.*
        )$",
    )
    .expect("valid comments pattern")
});

/// Stamps and legal lines: "Published 1 day ago", "Filed under: ...", "Posted on ...
/// by ...", copyright notices, citations.
static STAMPS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)^
        (?:
            (?:published|posted|updated)\s+\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago
          | (?:posted|published|updated|last\s+updated|modified)\s*:\s*\w{0,10}\.?\s*\d.{0,60}
          | updated\s+(?:at\s+)?\d{1,2}(?::\d{2})?\s*[ap]\.?m\.?.{0,40}
          | filed\s+under\s*:.* | posted\s+(?:on|in)\s+[^.]{1,50}\s+by\s+[^.]{1,40}
          | \d{1,2}\s+min(?:ute)?s?\s+read | reading\s+time\s*:.*
          | .{0,80}©\s*\d{4}\b.* | copyright\s*[@©]?\s*\d{4}.*
          | this\s+(?:document|material|article|content)\s+is\s+subject\s+to\s+copyright\b.*
          | citation\s*:.*\bretrieved\b.*
          | source\s*:\s*[^.]{1,60}
          | \d{1,2}[./-]\d{1,2}[./-]\d{2,4},?\s+\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[a-z]{2,4})?(?:\s+by\s+.{1,40})?
          | .{0,40}?\b(?:first\s+)?(?:published|updated|posted)\s*:?\s*(?:on\s+)?
                (?:\p{L}+\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+\p{L}+\.?\s+\d{4}|\d{4}-\d{2}-\d{2})[^.]{0,30}
        )$",
    )
    .expect("valid stamps pattern")
});

/// Whether a line of at most 200 characters is furniture.
pub(super) fn is_furniture(line: &str) -> bool {
    [
        &CREDIT,
        &FURNITURE,
        &CONTROLS,
        &WIDGET_HEADINGS,
        &PROMOS,
        &COMMENTS,
        &STAMPS,
    ]
    .iter()
    .any(|re| re.is_match(line))
}

/// Whether a line is a credit alone.
pub(super) fn is_credit(line: &str) -> bool {
    CREDIT.is_match(line)
}

/// Whether a line (at most [`MAX_CAPTION_CHARS`]) is a caption ending in its credit.
pub(super) fn is_credited_caption(line: &str) -> bool {
    may_end_in_credit(line) && CREDITED_CAPTION.is_match(line)
}

/// What every line [`CREDITED_CAPTION`] matches has, checked first: it ends in a
/// closing bracket (maybe with a full stop), or no full stop follows its last colon.
/// Nearly every paragraph of prose ends otherwise, and the pattern is slow on long
/// lines (its open start and its bounded runs of letters are too many states for the
/// lazy DFA, so the regex crate falls back to its NFA simulation, which walked every
/// paragraph of every article: 7% of a cold 10,000-article build).
fn may_end_in_credit(line: &str) -> bool {
    line.ends_with(')')
        || line.ends_with(").")
        || line
            .rsplit_once(':')
            .is_some_and(|(_, after)| !after.contains('.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_group_finds_its_furniture() {
        let cases: [(&LazyLock<Regex>, &[&str]); 6] = [
            (
                &CONTROLS,
                &[
                    "Image 1 of 8",
                    "Image 1 of / 23",
                    "1 of 6",
                    "of 6",
                    "Caption",
                    "Close",
                    "Enlarge Image",
                    "Hide caption",
                    "View the gallery",
                    "This slideshow requires JavaScript.",
                    "Loading content ...",
                    "Sharing is caring!",
                    "Order Reprints | Today's Paper | Subscribe",
                ],
            ),
            (
                &WIDGET_HEADINGS,
                &[
                    "Most read",
                    "Most popular stories",
                    "Top stories in Nation",
                    "Trending now",
                    "Latest",
                    "DON'T MISS",
                    "SEE MORE: Ministers meet again",
                    "More:",
                    "More from Example News",
                    "You may also like...",
                    "In case you missed it",
                    "Related coverage from Example News: Money:",
                    "Story Timeline",
                ],
            ),
            (
                &PROMOS,
                &[
                    "Have a tip? Jane Doe may be reached at jane@example.org.",
                    "Send us your news tips",
                    "Follow Example News on Instagram, Facebook and X.",
                    "Follow our full coverage of the talks at https://example.org/talks",
                    "Get the latest updates right in your inbox. Subscribe to our newsletters.",
                    "Sign up for the Morning Briefing newsletter",
                    "Our newsletter: sign up to get it every morning",
                    "This post may contain affiliate links.",
                    "We may earn a commission from links on this page.",
                    "Download the Example News app",
                ],
            ),
            (
                &COMMENTS,
                &[
                    "Comments",
                    "12 comments",
                    "Leave a comment",
                    "Tell us what YOU think...",
                    "Join the conversation",
                    "View all 31 comments",
                    "Comments are closed.",
                    "Comments will be moderated before they appear.",
                    "Please read our comment policy before posting.",
                    "Please keep comments civil and on topic.",
                ],
            ),
            (
                &STAMPS,
                &[
                    "Published 1 day ago",
                    "Posted: Fri 6:45 PM, Feb 16, 2018 |",
                    "Updated: Sat 8:31 PM, Feb 17, 2018",
                    "Updated at 1:23 p.m.",
                    "Filed under: Politics |",
                    "Posted on March 30, 2015 by Admin",
                    "5 min read",
                    "The contents of this site are ©2019 Example Media Corp.",
                    "Copyright @ 2019 Example Arab.",
                    "This document is subject to copyright.",
                    "Citation: Talks stall (2019, November 18) retrieved 20 November 2019 from https://example.org/talks",
                    "SOURCE: News agencies",
                    "19.11.2019, 08:57",
                    "2/26/2015 7:11 AM PST BY EXAMPLE STAFF",
                    "Example Money (New York) First published February 1, 2016: 1:28 AM ET",
                ],
            ),
            (
                &FURNITURE,
                &[
                    "Advert",
                    "A version of this article appears in print on Page A1 of the New York edition.",
                    "| UPDATED: 11:05, Tue, Nov 19, 2019",
                ],
            ),
        ];
        for (re, lines) in cases {
            for line in lines {
                assert!(re.is_match(line), "{line}");
                assert!(is_furniture(line), "{line}");
            }
        }
    }

    #[test]
    fn prose_mentioning_the_same_words_is_not_furniture() {
        let cases = [
            "The minister said the newsletter, which has 2,000 subscribers, would close.",
            "Comments made by the minister on Friday angered the delegation.",
            "Facebook said it would moderate comments more strictly from next year.",
            "Most read the report as a defeat for the government.",
            "Latest figures show that prices rose by 3 percent in March.",
            "More than a hundred residents gathered outside the council chamber.",
            "Follow-up talks are planned for next week, officials said.",
            "The report was published on February 1, 2016.",
            "Source: a senior official who asked not to be named said the talks had stalled.",
            "She joined the paper in 2015 and has covered the talks since.",
            "Trending topics on social media included the strike and the weather.",
            "We contacted the ministry for comment but did not hear back.",
            "Close to 400 people attended the meeting on Tuesday evening.",
        ];
        for line in cases {
            assert!(!is_furniture(line), "{line}");
            assert!(!is_credited_caption(line), "{line}");
        }
    }

    #[test]
    fn captions_ending_in_a_credit() {
        let cases = [
            (
                "Delegates arrive for the talks in Geneva. (Photo: Example Agency)",
                true,
            ),
            (
                "Delegates arrive for the talks in Geneva (AP Photo/Jane Doe)",
                true,
            ),
            (
                "The chair opens the session in Lisk, Thursday, Nov. 21, 2019. (Jane Doe/Reuters)",
                true,
            ),
            (
                "A cross-section of the hibernation module. Credit: Example Space Agency",
                true,
            ),
            (
                "Ministers shake hands after the talks. Photo: Jane Doe, AP",
                true,
            ),
            (
                "The rate rose to 5 percent (from 3 percent) in March.",
                false,
            ),
            (
                "Ministers met (photos of the meeting were not released) on Friday.",
                false,
            ),
            (
                "The photo was taken by a delegate, the ministry said.",
                false,
            ),
        ];
        for (line, want) in cases {
            assert_eq!(is_credited_caption(line), want, "{line}");
        }
    }

    #[test]
    fn the_quick_check_lets_every_credited_caption_through() {
        // (line, what the pattern says): the check may pass prose, never drop a caption
        let cases = [
            ("Crowds wait at the gate (Photo: Example Agency).", true),
            ("Crowds wait at the gate. Picture: J. Doe", false),
            (
                "Crowds wait at the gate. Pictures credit: Example Agency",
                true,
            ),
            ("Crowds wait at the gate (Jane Doe/Example)", true),
            ("Crowds wait at the gate (Jane Doe / Example / Pool).", true),
            ("The vote: 52 in favour, 40 against", false),
            ("The talks ended on Friday.", false),
            ("Officials said: \"We will return.\"", false),
            ("He left (briefly).", false),
        ];
        for (line, pattern) in cases {
            assert_eq!(CREDITED_CAPTION.is_match(line), pattern, "{line}");
            if pattern {
                assert!(may_end_in_credit(line), "{line}");
            }
            assert_eq!(is_credited_caption(line), pattern, "{line}");
        }
        let prose = [
            "The talks ended on Friday.",
            "Officials said: \"We will return.\"",
        ];
        for line in prose {
            assert!(!may_end_in_credit(line), "{line}");
        }
    }

    #[test]
    fn credits_alone() {
        let cases = [
            ("Alex Doe | Getty Images", true),
            ("Jane Doe | Example | Getty Images", true),
            ("(Image: © Example Collaboration)", true),
            ("Image copyright Getty Images", true),
            ("Courtesy of Jane Doe", true),
            ("Delegates arrive for the talks (AP Photo/Jane Doe)", false),
            ("Reuters reported that the talks had stalled.", false),
        ];
        for (line, want) in cases {
            assert_eq!(is_credit(line), want, "{line}");
        }
    }
}
