//! The byline, dateline and time-stamp elements a saved page marks as such (`class`,
//! `itemprop` or `rel` naming a byline, author, dateline or timestamp): the author's
//! name is read from the whole page before extraction ([`marked_author`]), but the
//! lines are removed only from the extracted article ([`remove_marked_bylines`]),
//! never before: taking elements out of the page changes the scores Readability uses
//! to pick the article's block, and on real pages it then picked a comment thread.
//! Readability itself only takes out the first byline, and only when the page's
//! metadata names no author. A marked element inside a short line ("By <a
//! rel=author>..</a> · <time>..</time>") takes the whole line with it; one inside a long
//! paragraph is prose and stays.

use dom_query::{Document, NodeRef};

use super::boilerplate::byline;
use super::html::BLOCKS;

/// A byline or time-stamp line is shorter than this (in characters).
const MAX_BYLINE_CHARS: usize = 150;
/// Words a byline line may hold besides its marked element ("By ... · Feb. 10, 2026").
const MAX_LINE_REST_WORDS: usize = 8;

/// The author's name given by the first element the page marks as a byline or author
/// (see the module docs), if any. Reads only: the page is left as it is.
pub(crate) fn marked_author(doc: &Document) -> Option<String> {
    doc.select("[class], [itemprop], [rel]")
        .nodes()
        .iter()
        .find_map(|node| {
            let says_author = byline_mark(node)?;
            let line = flat_text(&removal_target(node)?);
            byline(&line).or_else(|| says_author.then(|| author_name(node)).flatten())
        })
}

/// Removes the elements marked as bylines, datelines or time stamps (see the module
/// docs) from an extracted article.
pub(crate) fn remove_marked_bylines(doc: &Document) {
    let marked = doc.select("[class], [itemprop], [rel]");
    for node in marked.nodes() {
        if byline_mark(node).is_some()
            && let Some(target) = removal_target(node)
        {
            target.remove_from_parent();
        }
    }
}

/// `Some(true)` for an element marked as the author, `Some(false)` for a byline,
/// dateline or time stamp, `None` for anything else.
fn byline_mark(node: &NodeRef) -> Option<bool> {
    let words = |attr: &str| -> Vec<String> {
        node.attr(attr)
            .map(|v| {
                v.split(|c: char| !c.is_ascii_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .map(str::to_ascii_lowercase)
                    .collect()
            })
            .unwrap_or_default()
    };
    let is_author = |w: &str| {
        w.ends_with("author")
            || w == "authors"
            || (w.starts_with("author") && !w.starts_with("authori"))
    };
    let is_line =
        |w: &str| w.contains("byline") || w.contains("dateline") || w.contains("timestamp");
    let class = words("class");
    let props: Vec<String> = [words("itemprop"), words("rel")].concat();
    if class.iter().chain(&props).any(|w| is_author(w)) {
        Some(true)
    } else if class.iter().any(|w| is_line(w)) {
        Some(false)
    } else {
        None
    }
}

/// What to remove for a marked element: itself when it is a block, else the line (the
/// block) it stands in when that holds no other blocks and little else ("By", a date),
/// else itself; nothing when the line says more or is longer than a byline, so prose is
/// never removed (a name in a sentence, a time stamp opening a live blog's update).
fn removal_target<'a>(node: &NodeRef<'a>) -> Option<NodeRef<'a>> {
    let is_block = |n: &NodeRef| {
        n.node_name()
            .is_some_and(|name| BLOCKS.contains(&name.to_ascii_lowercase().as_str()))
    };
    let target = if is_block(node) {
        *node
    } else {
        match node
            .ancestors(Some(MAX_BYLINE_CHARS))
            .into_iter()
            .find(|a| is_block(a))
        {
            Some(line) if !line.element_children().iter().any(is_block) => {
                if words(&line).saturating_sub(words(node)) > MAX_LINE_REST_WORDS {
                    return None;
                }
                line
            }
            _ => *node,
        }
    };
    let name = target
        .node_name()
        .map(|n| n.to_ascii_lowercase())
        .unwrap_or_default();
    let short = flat_text(&target).chars().count() <= MAX_BYLINE_CHARS;
    (short && !matches!(name.as_str(), "html" | "body" | "main" | "article")).then_some(target)
}

/// The name in an element marked as the author: its `itemprop=name` part or its text,
/// when that reads like a name (a few words, no digits).
fn author_name(node: &NodeRef) -> Option<String> {
    let named = dom_query::Selection::from(*node).select_single("[itemprop=name]");
    let text = match named.nodes().first() {
        Some(name) => flat_text(name),
        None => flat_text(node),
    };
    let text = text.strip_prefix("By ").unwrap_or(&text).trim();
    let words = text.split_whitespace().count();
    let name_like = (1..=6).contains(&words) && !text.chars().any(|c| c.is_ascii_digit());
    name_like.then(|| text.to_string())
}

fn words(node: &NodeRef) -> usize {
    node.text().split_whitespace().count()
}

fn flat_text(node: &NodeRef) -> String {
    node.text().split_whitespace().collect::<Vec<_>>().join(" ")
}
