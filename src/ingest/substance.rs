//! Whether a file read as an article is one: its paragraphs in, the reason it is not
//! out.
//!
//! Users save what their browser shows, and not every page is a story: an empty file, a
//! sign-in wall, a section front of teasers. Published as briefings, they become pages
//! titled "Empty" or "Sign in" with a summary of "Forgot your password?". A file is
//! not an article when its paragraphs (what the summary reads; titles, headings and
//! boilerplate do not count) hold no words at all; a web page also when it asks for a
//! password and says little else ([`SIGN_IN_WORDS`]), when it has almost no text
//! ([`MIN_PAGE_WORDS`]), or when most of its text is links ([`MAX_LINK_SHARE`]). The
//! thresholds are low on purpose: a short news brief is still an article, and a page
//! that is skipped wrongly is worse than a poor briefing. The build skips such a file
//! with a warning naming it and why.

use super::{Block, BlockKind};

/// A page with a password field and fewer paragraph words than this is a sign-in page.
const SIGN_IN_WORDS: usize = 150;
/// A web page with fewer paragraph words than this has no story to brief.
const MIN_PAGE_WORDS: usize = 15;
/// A web page whose paragraph text is more than this share links is an index.
const MAX_LINK_SHARE: f32 = 0.6;

/// What a web page tells beyond its text.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct PageSigns {
    /// It has a password field.
    pub password_field: bool,
    /// The share of its paragraph characters inside links.
    pub link_share: f32,
}

/// Why the text with `blocks` is not an article, or `None` when it is one. `page` is
/// given for a web page.
pub(crate) fn not_an_article(
    text: &str,
    blocks: &[Block],
    page: Option<PageSigns>,
) -> Option<String> {
    let words: usize = blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Paragraph)
        .filter_map(|b| text.get(b.start..b.end))
        .map(|p| p.split_whitespace().count())
        .sum();
    if words == 0 {
        return Some("has no article text".to_string());
    }
    let page = page?;
    if page.password_field && words < SIGN_IN_WORDS {
        return Some(format!(
            "is a sign-in page, not an article ({words} words of text and a password field)"
        ));
    }
    if words < MIN_PAGE_WORDS {
        return Some(format!(
            "has too little text to be an article ({words} words)"
        ));
    }
    if page.link_share > MAX_LINK_SHARE {
        let percent = (page.link_share * 100.0).round();
        return Some(format!(
            "is mostly links ({percent}% of its text), a section or index page rather than an article"
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraphs(text: &str) -> Vec<Block> {
        let mut blocks = Vec::new();
        let mut start = 0;
        for part in text.split('\n') {
            let kind = if part.starts_with('#') {
                BlockKind::Heading
            } else {
                BlockKind::Paragraph
            };
            blocks.push(Block {
                start,
                end: start + part.len(),
                kind,
            });
            start += part.len() + 1;
        }
        blocks
    }

    #[test]
    fn only_what_holds_no_story_is_refused() {
        let story = "Kestria offered on Wednesday to release a fixed share of the Sarn dam's \
                     water to Meranthe during the dry months, officials said.";
        let brief = "Kestria offered more water to Meranthe on Wednesday.";
        let sign_in = "Sign in to your account\nEmail address\nPassword\nForgot your password? Create an account";
        let page = |password_field, link_share| {
            Some(PageSigns {
                password_field,
                link_share,
            })
        };
        let cases: [(&str, Option<PageSigns>, Option<&str>); 9] = [
            ("", None, Some("has no article text")),
            ("   \n  ", None, Some("has no article text")),
            ("# Only a heading", None, Some("has no article text")),
            (brief, None, None),
            (story, page(false, 0.1), None),
            (sign_in, page(true, 0.2), Some("is a sign-in page")),
            (story, page(true, 0.0), Some("is a sign-in page")),
            (brief, page(false, 0.0), Some("has too little text")),
            (story, page(false, 0.8), Some("is mostly links (80%")),
        ];
        for (text, signs, want) in cases {
            let got = not_an_article(text, &paragraphs(text), signs);
            match (got.as_deref(), want) {
                (None, None) => {}
                (Some(reason), Some(want)) => assert!(reason.starts_with(want), "{text}: {reason}"),
                (got, want) => panic!("{text}: got {got:?}, want {want:?}"),
            }
        }
    }

    #[test]
    fn a_long_story_with_a_password_field_is_an_article() {
        let story = "Kestria offered on Wednesday to release water to Meranthe. ".repeat(20);
        let signs = PageSigns {
            password_field: true,
            link_share: 0.0,
        };
        assert_eq!(
            not_an_article(&story, &paragraphs(&story), Some(signs)),
            None
        );
    }
}
