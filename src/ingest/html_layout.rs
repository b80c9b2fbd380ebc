//! The blocks of an extracted page in; the same blocks with what is not story marked and
//! left out of the text.
//!
//! The DOM rules ([`super::html_prune`]) go by what the page calls its elements; these go
//! by what a block says and where it stands, for the many pages whose furniture has no
//! telling name:
//! - the plain-text classification ([`super::boilerplate::classify`]): the headline
//!   line, bylines, datelines and date lines (which fill a missing author or date),
//!   credits, prompts, widget headings, stamps; bold one-line paragraphs are subheadings;
//! - link lists: three or more blocks in a row that are each only a link ("related",
//!   "more" teasers), and the short line heading them ("You may also like...");
//! - link promos: a block that is only a link and written in capitals ("GET THE APP BY
//!   CLICKING HERE");
//! - captions: a short paragraph right before a photo credit;
//! - author bios: among the last blocks, a paragraph about the page's author ("Jane Doe
//!   covers ...", "Follow her on Twitter").
//!
//! Then the text is rebuilt from the story blocks only, so `text`, and everything the
//! analysis reads, is the story. Each rule was measured on the article-extraction
//! benchmark's dev pages (see `BENCHMARKS.md`).

use std::sync::LazyLock;

use regex::Regex;

use super::boilerplate::{Furniture, classify, is_credit};
use super::headline::is_heading;
use super::html::HtmlArticle;
use super::published::Claim;
use super::{Block, BlockKind};

/// A block this much inside links is a link, not prose.
const LINKED: f32 = 0.9;
/// Fewer link-only blocks in a row may be links the story makes.
const MIN_LINK_RUN: usize = 3;
/// A caption is at most this long.
const MAX_CAPTION_CHARS: usize = 300;
/// Author bios stand among this many last blocks of the story.
const BIO_BLOCKS: usize = 3;

/// Marks every block that is not story, then drops those blocks from the text.
pub(super) fn lay_out(out: &mut HtmlArticle) {
    mark_furniture(out);
    mark_link_lists(out);
    mark_captions(out);
    mark_bios(out);
    keep_story(out);
}

/// Title, byline, dateline, boilerplate and bold-paragraph subheadings, by the plain-text
/// rules. A byline or date line fills the author or date when the page gave none.
fn mark_furniture(out: &mut HtmlArticle) {
    let title = out.title.clone().unwrap_or_default();
    for i in 0..out.blocks.len() {
        let block = out.blocks[i];
        if block.kind == BlockKind::Data {
            continue;
        }
        let flat = flat(&out.text[block.start..block.end]);
        if i == 0 && !title.is_empty() && flat.eq_ignore_ascii_case(&title) {
            out.blocks[i].kind = BlockKind::Title;
            continue;
        }
        let kind = match classify(&flat, i < 4) {
            Some(Furniture::Byline(name)) => {
                out.author.get_or_insert(name);
                BlockKind::Boilerplate
            }
            Some(Furniture::Dateline(date) | Furniture::Published(date)) => {
                out.dates
                    .push(Claim::new(date, "the date line at the top of the text"));
                BlockKind::Boilerplate
            }
            Some(Furniture::Other) => BlockKind::Boilerplate,
            None if linked(out, i) && is_capitals_promo(&flat) => BlockKind::Boilerplate,
            None if block.kind == BlockKind::Paragraph
                && is_heading(&flat)
                && flat.split_whitespace().count() <= 12 =>
            {
                BlockKind::Heading
            }
            None => block.kind,
        };
        out.blocks[i].kind = kind;
    }
}

fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether block `i` is only a link.
fn linked(out: &HtmlArticle, i: usize) -> bool {
    out.link_shares.get(i).is_some_and(|s| *s >= LINKED) && out.blocks[i].kind != BlockKind::Data
}

/// Four or more words in capitals.
fn is_capitals_promo(line: &str) -> bool {
    let has_lower = line.chars().any(char::is_lowercase);
    !has_lower && line.split_whitespace().count() >= 4 && line.chars().any(char::is_uppercase)
}

/// Runs of link-only blocks and the line heading them (see the module docs).
fn mark_link_lists(out: &mut HtmlArticle) {
    let n = out.blocks.len();
    let flags: Vec<bool> = (0..n).map(|i| linked(out, i)).collect();
    let mut i = 0;
    while i < n {
        if !flags[i] {
            i += 1;
            continue;
        }
        let start = i;
        while i < n && flags[i] {
            i += 1;
        }
        if i - start < MIN_LINK_RUN {
            continue;
        }
        for b in &mut out.blocks[start..i] {
            b.kind = BlockKind::Boilerplate;
        }
        if start > 0 && heads_a_list(out, out.blocks[start - 1]) {
            out.blocks[start - 1].kind = BlockKind::Boilerplate;
        }
    }
}

/// A short line that labels what follows: a heading, a line ending in a colon or an
/// ellipsis, or a few words without digits (a tweet's "— name (@x) May 2, 2026" is not).
fn heads_a_list(out: &HtmlArticle, head: Block) -> bool {
    let text = out.text[head.start..head.end].trim();
    let labels = head.kind == BlockKind::Heading
        || text.ends_with([':', '…'])
        || text.ends_with("...")
        || !text.chars().any(|c| c.is_ascii_digit());
    labels && text.chars().count() <= 60 && !text.ends_with(['.', '!', '?', '"', '”'])
}

/// A short paragraph right before a credit line is the photo's caption.
fn mark_captions(out: &mut HtmlArticle) {
    for i in 1..out.blocks.len() {
        let block = out.blocks[i];
        let before = out.blocks[i - 1];
        let credit = block.kind == BlockKind::Boilerplate
            && is_credit(&flat(&out.text[block.start..block.end]));
        let caption_like = before.kind == BlockKind::Paragraph
            && out.text[before.start..before.end].chars().count() <= MAX_CAPTION_CHARS;
        if credit && caption_like {
            out.blocks[i - 1].kind = BlockKind::Boilerplate;
        }
    }
}

/// "Follow her on Twitter", "follow us on Facebook".
static FOLLOW: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\bfollow\s+(?:him|her|them|me|us)\s+on\s+(?:twitter|facebook|instagram|x|linkedin)\b",
    )
    .expect("valid follow pattern")
});

/// Among the last story blocks, a paragraph about the author: it opens with their name
/// (full, first or last) and "is", "was", "covers", "writes", "has", "joined", "lives"
/// or "'s", or asks the reader to follow them.
fn mark_bios(out: &mut HtmlArticle) {
    let names = author_names(out.author.as_deref().unwrap_or(""));
    let story: Vec<usize> = (0..out.blocks.len())
        .filter(|&i| out.blocks[i].kind == BlockKind::Paragraph)
        .collect();
    for &i in story.iter().rev().take(BIO_BLOCKS) {
        let block = out.blocks[i];
        let text = flat(&out.text[block.start..block.end]);
        if FOLLOW.is_match(&text) || names.iter().any(|name| opens_bio(&text, name)) {
            out.blocks[i].kind = BlockKind::Boilerplate;
        }
    }
}

/// "Jane Doe and John Roe" -> the full names and each one's first and last word.
fn author_names(author: &str) -> Vec<String> {
    let mut names = Vec::new();
    for name in author.split([',', '&']).flat_map(|n| n.split(" and ")) {
        let words: Vec<&str> = name.split_whitespace().collect();
        if words.len() < 2 || words.len() > 4 {
            continue;
        }
        names.push(words.join(" "));
        names.push(words[0].to_string());
        names.push(words[words.len() - 1].to_string());
    }
    names
}

fn opens_bio(text: &str, name: &str) -> bool {
    const VERBS: [&str; 9] = [
        " is ", " was ", " covers ", " writes ", " has ", " joined ", " lives ", "'s ", "’s ",
    ];
    text.strip_prefix(name)
        .is_some_and(|rest| VERBS.iter().any(|v| rest.starts_with(v)))
}

/// Drops the blocks that are not story (the headline line and boilerplate) from the
/// text, so `text` (and what analysis reads) is the story only; the layout pass has
/// already taken the author and date they give.
fn keep_story(out: &mut HtmlArticle) {
    let mut text = String::with_capacity(out.text.len());
    let mut blocks = Vec::with_capacity(out.blocks.len());
    for block in &out.blocks {
        if matches!(block.kind, BlockKind::Title | BlockKind::Boilerplate) {
            continue;
        }
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let start = text.len();
        text.push_str(&out.text[block.start..block.end]);
        blocks.push(Block {
            start,
            end: text.len(),
            kind: block.kind,
        });
    }
    out.text = text;
    out.blocks = blocks;
    out.link_shares.clear();
}

#[cfg(test)]
mod tests {
    use super::super::html::extract;

    const STORY: &str = "<p>The council approved the budget on Tuesday after a long debate about the river bridge and the cost of repairs to the old school.</p>\
        <p>The mayor said the vote was a relief for everyone involved in the negotiations, which had lasted for most of the winter.</p>\
        <p>Work on the bridge will start in May and should end before the floods of the autumn, the city engineer told the council.</p>";

    /// The text extracted from a page whose article is `STORY` with `before` and
    /// `after` around it; `head` goes in the page's `<head>`.
    fn text_of(head: &str, before: &str, after: &str) -> String {
        let page = format!(
            "<html><head><title>Council approves the budget</title>{head}</head><body><article>{before}{STORY}{after}</article></body></html>"
        );
        extract(&page).unwrap().text
    }

    #[test]
    fn each_rule_takes_out_its_furniture_and_keeps_the_story() {
        let cases = [
            (
                "",
                "<p>You may also like...</p><p><a href=\"/a\">Bridge closed</a></p><p><a href=\"/b\">School repairs</a></p><p><a href=\"/c\">Floods</a></p>",
                &[
                    "You may also like",
                    "Bridge closed",
                    "School repairs",
                    "Floods",
                ][..],
            ),
            (
                "",
                "<p><a href=\"/app\">GET THE CITY NEWS APP NOW</a></p>",
                &["APP"][..],
            ),
            (
                "",
                "<p>The old school on the river bank.</p><p>Photo: Jane Doe/City News</p>",
                &["old school on the river bank", "Jane Doe"][..],
            ),
            (
                "<meta name=\"author\" content=\"Jane Doe\">",
                "<p>Jane Doe covers the city council for City News.</p>",
                &["covers the city council"][..],
            ),
            (
                "",
                "<p>Our reporter has written about the city for ten years. Follow her on Twitter.</p>",
                &["Follow her"][..],
            ),
        ];
        for (head, after, gone) in cases {
            let text = text_of(head, "", after);
            for furniture in gone {
                assert!(!text.contains(furniture), "{furniture:?} in {text:?}");
            }
            assert!(
                text.contains("the city engineer told the council"),
                "{text:?}"
            );
        }
    }

    #[test]
    fn links_and_names_the_story_makes_stay() {
        let cases = [
            "<p><a href=\"/a\">The council's report</a></p><p><a href=\"/b\">The engineer's plan</a></p>",
            "<p><a href=\"/n\">NATO</a></p>",
            "<p>The mayor, who has led the council since 2019, thanked the residents of the old quarter, the engineers and the teachers of the old school for their patience during the long winter of talks, and promised that the repairs to the bridge and to the school would be done on time and within the budget the council had just approved.</p><p>Photo: Jane Doe/City News</p>",
        ];
        for after in cases {
            let text = text_of("<meta name=\"author\" content=\"Jane Doe\">", "", after);
            let kept = after
                .split(['<', '>'])
                .filter(|s| {
                    s.len() > 3
                        && !s.contains('=')
                        && !s.starts_with('/')
                        && !s.starts_with("Photo")
                })
                .collect::<Vec<_>>();
            for part in kept {
                assert!(text.contains(part), "{part:?} missing from {text:?}");
            }
        }
        let text = text_of(
            "<meta name=\"author\" content=\"Jane Doe\">",
            "<p>Jane Doe is the name the mayor gave the new bridge, after the engineer who first drew it in 1990.</p>",
            "<p>More work is planned for next year.</p><p>The council meets again in June.</p><p>It will vote on the school then.</p>",
        );
        assert!(text.contains("Jane Doe is the name"), "{text:?}");
    }
}
