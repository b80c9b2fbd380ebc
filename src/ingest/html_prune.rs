//! The extracted article's DOM in; the same DOM without the parts of a news page that
//! are not the story out: figures and their captions, photo credits and gallery
//! controls, share bars, "related" and "most read" widgets, newsletter and subscription
//! promos, comment threads and author bios.
//!
//! Readability (dom_smoothie) picks the block that holds the article and drops most of
//! the page around it, but it keeps whatever the publisher put *inside* that block. The
//! page says what those parts are in its own `class` and `id` names ("caption",
//! "gallery", "share-bar", "related-links", "newsletter-signup", "comments",
//! "author-bio"), so that is what we read, once the article is chosen and never before
//! (removing elements before extraction changes which block Readability picks).
//! Every rule was measured on the article-extraction benchmark's dev pages and kept
//! only when it did not cost recall (see `BENCHMARKS.md`).
//!
//! A named element that also names the story's container ("article", "body",
//! "content", ...) and holds half of the article's text or more stays, so a wrapper such
//! as `<div class="article-body share-enabled">` never takes the story with it; a comment
//! thread longer than the story still goes. The walk is iterative (deep pages cannot overflow the stack) and reads the text
//! of an element only when its name matched.

use dom_query::NodeRef;

/// Class or id words that name a part of the page that is not the story. A word of the
/// attribute (split at anything but letters and digits, and between a lower-case letter
/// and an upper-case one) must be one of these.
const WORDS: [&str; 34] = [
    "rail",
    "rollover",
    "popup",
    "popover",
    "tooltip",
    "hovercard",
    "caption",
    "captions",
    "credit",
    "credits",
    "gallery",
    "slideshow",
    "share",
    "sharing",
    "social",
    "related",
    "recommended",
    "trending",
    "popular",
    "newsletter",
    "subscribe",
    "subscription",
    "signup",
    "promo",
    "cta",
    "comment",
    "comments",
    "disqus",
    "bio",
    "outbrain",
    "taboola",
    "byline",
    "timestamp",
    "dateline",
];

/// Names run together with their neighbours ("resgallery", "sharebar", "mostread",
/// "authorbio"): found anywhere in the attribute once its separators are removed.
const JOINED: [&str; 14] = [
    "gallery",
    "slideshow",
    "sharebar",
    "socialshare",
    "sharetools",
    "mostread",
    "mostpopular",
    "readmore",
    "morestories",
    "newsletter",
    "authorbio",
    "abouttheauthor",
    "aboutauthor",
    "commentlist",
];

/// Elements that are never story text in an extracted article.
const TAGS: [&str; 1] = ["figcaption"];

/// Words that name the story's own container ("article-body", "story-content"), as
/// Readability's `okMaybeItsACandidate` does.
const CONTENT_WORDS: [&str; 8] = [
    "article", "body", "content", "main", "story", "entry", "text", "post",
];

/// A named element that also names the story's container stays when it holds at least
/// this share of the article's text (`<div class="article-body share-enabled">`).
const MAX_SHARE: f64 = 0.5;

/// Removes the non-story parts (see the module docs) under `root`.
pub(crate) fn prune(root: &NodeRef) {
    let total = text_chars(root).max(1) as f64;
    let mut stack: Vec<NodeRef> = root.element_children();
    while let Some(node) = stack.pop() {
        let names = Names::of(&node);
        let story_wrapper = names.content && text_chars(&node) as f64 >= MAX_SHARE * total;
        if names.furniture && !story_wrapper {
            node.remove_from_parent();
            continue;
        }
        stack.extend(node.element_children());
    }
}

/// What an element's tag, `class` and `id` say it is.
#[derive(Debug, Default, PartialEq, Eq)]
struct Names {
    /// Not the story (see [`WORDS`], [`JOINED`], [`TAGS`]).
    furniture: bool,
    /// The story's container (see [`CONTENT_WORDS`]).
    content: bool,
}

impl Names {
    fn of(node: &NodeRef) -> Names {
        let tag = node
            .node_name()
            .map(|n| n.to_ascii_lowercase())
            .unwrap_or_default();
        let mut names = Names {
            furniture: TAGS.contains(&tag.as_str()),
            content: false,
        };
        for attr in ["class", "id"] {
            if let Some(value) = node.attr(attr) {
                let found = Names::in_value(&value);
                names.furniture |= found.furniture;
                names.content |= found.content;
            }
        }
        names
    }

    /// The words of one `class` or `id` value: split at anything but letters and
    /// digits, and between a lower-case letter and an upper-case one.
    fn in_value(value: &str) -> Names {
        let mut names = Names::default();
        let mut word = String::new();
        let mut joined = String::new();
        let mut prev_lower = false;
        for c in value.chars().chain(std::iter::once(' ')) {
            let boundary = !c.is_ascii_alphanumeric() || (prev_lower && c.is_ascii_uppercase());
            if boundary && !word.is_empty() {
                names.furniture |= WORDS.contains(&word.as_str());
                names.content |= CONTENT_WORDS.contains(&word.as_str());
                word.clear();
            }
            if c.is_ascii_alphanumeric() {
                word.push(c.to_ascii_lowercase());
                joined.push(c.to_ascii_lowercase());
            }
            prev_lower = c.is_ascii_lowercase();
        }
        names.furniture |= JOINED.iter().any(|j| joined.contains(j));
        names
    }
}

fn text_chars(node: &NodeRef) -> usize {
    node.text().chars().filter(|c| !c.is_whitespace()).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn class_and_id_values_that_name_furniture() {
        let cases = [
            ("image-caption", true),
            ("resGallery", true),
            ("rrssb share-container", true),
            ("ShareBar", true),
            ("most-read-list", true),
            ("author-bio", true),
            ("newsletterSignup", true),
            ("comments", true),
            ("c-related-links", true),
            ("article-body", false),
            ("commentary", false),
            ("shared-content", false),
            ("biography", false),
            ("story-text", false),
            ("", false),
        ];
        for (value, want) in cases {
            assert_eq!(Names::in_value(value).furniture, want, "{value}");
        }
    }

    #[test]
    fn named_parts_go_and_a_named_wrapper_keeps_the_story() {
        let story = "<p>The council approved the budget on Tuesday after a long debate about the river bridge.</p>\
            <p>The mayor said the vote was a relief for everyone involved in the negotiations this winter.</p>";
        let furniture = [
            "<div class=\"share-bar\">Share this</div>",
            "<figure><img src=x><figcaption>The bridge at dawn</figcaption></figure>",
            "<div class=\"photo-credit\">Jane Doe</div>",
            "<div class=\"resGallery\">Slide one of the bridge</div>",
            "<aside class=\"related-links\">Related bridge story</aside>",
            "<div class=\"newsletterSignup\">Get our bridge newsletter</div>",
            "<section id=\"comments\">Great bridge, says a reader</section>",
            "<div class=\"author-bio\">Jane writes about bridges</div>",
            "<span class=\"rollover-people\">Mayor since 2019, former engineer</span>",
            "<div class=\"most-read\">Bridge closed again</div>",
        ];
        let page = format!(
            "<div class=\"article-body share-enabled\">{}{story}</div>",
            furniture.concat()
        );
        let doc = dom_query::Document::fragment(page);
        prune(&doc.root());
        let text = doc.root().text().to_string();
        assert!(text.contains("The council approved the budget"), "{text}");
        assert!(text.contains("relief for everyone"), "{text}");
        for gone in [
            "Share this",
            "bridge at dawn",
            "Jane Doe",
            "Slide one",
            "Related bridge",
            "newsletter",
            "says a reader",
            "writes about",
            "former engineer",
            "closed again",
        ] {
            assert!(!text.contains(gone), "{gone:?} in {text}");
        }
    }
}
