//! What a saved page says about itself, read before and beside article extraction:
//! the publication date wherever the page put it (JSON-LD anywhere in an `@graph`,
//! `itemprop`, `<time datetime>`, `<meta name=date>`), the canonical URL, the title
//! without the site name, its tags and section, and how deeply its elements nest
//! (the bylines it marks are read in `html_byline`).
//!
//! The nesting estimate is a linear scan of the tags, so a hostile page (tens of
//! thousands of nested `<div>`s, which the HTML parser and the readability scorer handle
//! in quadratic time) is refused before either of them runs.

use dom_query::{Document, NodeRef};

use super::dates::parse_date;
use super::published::Claim;

/// "Talks stall | Example News" -> "Talks stall" when the site is "Example News".
pub(crate) fn strip_site_name(title: &str, site: Option<&str>) -> String {
    let title = title.trim();
    for sep in [" | ", " - ", " – ", " — ", " · ", " :: "] {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            let is_site = site.is_some_and(|s| s.eq_ignore_ascii_case(tail.trim()));
            let short_tail =
                tail.split_whitespace().count() <= 3 && head.split_whitespace().count() >= 3;
            if is_site || (sep == " | " && short_tail) {
                return head.trim().to_string();
            }
        }
    }
    title.to_string()
}

pub(crate) fn canonical_url(doc: &Document) -> Option<String> {
    let candidates = [
        doc.select_single("link[rel=canonical]").attr("href"),
        doc.select_single("meta[property='og:url']").attr("content"),
    ];
    candidates
        .into_iter()
        .flatten()
        .map(|u| u.trim().to_string())
        .find(|u| u.starts_with("http"))
}

/// The page's keywords, as it gives them: `article:tag` metas, else JSON-LD
/// `keywords`, else `<meta name=keywords>` (see [`super::tags`] for which become tags).
pub(crate) fn page_tags(doc: &Document) -> Vec<String> {
    let mut tags: Vec<String> = doc
        .select("meta[property='article:tag']")
        .nodes()
        .iter()
        .filter_map(|n| n.attr("content").map(|c| c.trim().to_string()))
        .collect();
    if tags.is_empty() {
        let json_ld = doc.select("script[type='application/ld+json']");
        tags = json_ld
            .nodes()
            .iter()
            .find_map(|node| {
                let value: serde_json::Value = serde_json::from_str(&node.text()).ok()?;
                match find_value(&value, "keywords", 0)? {
                    serde_json::Value::String(s) => Some(split_commas(s)),
                    serde_json::Value::Array(items) => Some(
                        items
                            .iter()
                            .filter_map(|v| v.as_str().map(str::to_string))
                            .collect(),
                    ),
                    _ => None,
                }
            })
            .unwrap_or_default();
    }
    if tags.is_empty()
        && let Some(keywords) = doc.select_single("meta[name=keywords]").attr("content")
    {
        tags = split_commas(&keywords);
    }
    let mut unique: Vec<String> = Vec::new();
    for tag in tags
        .into_iter()
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty() && t.len() <= 100)
    {
        if !unique.iter().any(|u| u.eq_ignore_ascii_case(&tag)) {
            unique.push(tag);
        }
    }
    unique.truncate(50);
    unique
}

/// The page's section (`article:section`), when it names one.
pub(crate) fn page_section(doc: &Document) -> Option<String> {
    let section = doc
        .select_single("meta[property='article:section']")
        .attr("content")?;
    let section = section.trim();
    (!section.is_empty()).then(|| section.to_string())
}

/// How much an `itemprop=datePublished` says about the article, by the item it belongs
/// to (its nearest `itemscope`): 0 an article or post, 1 no item or another kind, 2 a
/// video, picture, sound or comment on the page, whose date is its own (a news page
/// embeds a video published the day after the story).
fn item_rank(node: &NodeRef) -> u8 {
    let item_type = node
        .ancestors(None)
        .into_iter()
        .find(|a| a.has_attr("itemscope"))
        .and_then(|scope| scope.attr("itemtype"))
        .map(|t| t.to_ascii_lowercase())
        .unwrap_or_default();
    let names = |kinds: &[&str]| kinds.iter().any(|k| item_type.contains(k));
    if names(&["article", "posting", "report"]) {
        0
    } else if names(&[
        "videoobject",
        "imageobject",
        "audioobject",
        "mediaobject",
        "comment",
    ]) {
        2
    } else {
        1
    }
}

fn split_commas(s: &str) -> Vec<String> {
    s.split(',').map(|t| t.trim().to_string()).collect()
}

/// The publication dates a page's metadata gives, in two groups around the one
/// Readability reads itself (JSON-LD or one of its metas): see [`super::published`] for
/// the order and why.
#[derive(Debug, Default)]
pub(crate) struct PageDates {
    /// `article:published_time`, `article:publicationdate`, JSON-LD `datePublished`.
    pub first: Vec<Claim>,
    /// `itemprop=datePublished`, the other publication-date metas, `<time>`.
    pub then: Vec<Claim>,
}

/// Metas whose content is a publication date, with how messages name them.
const DATE_METAS: [(&str, &str); 9] = [
    ("date", "<meta name=date>"),
    ("pubdate", "<meta name=pubdate>"),
    ("publish-date", "<meta name=publish-date>"),
    ("publication_date", "<meta name=publication_date>"),
    ("dc.date", "<meta name=dc.date>"),
    ("dc.date.issued", "<meta name=dc.date.issued>"),
    ("dcterms.issued", "<meta name=dcterms.issued>"),
    ("sailthru.date", "<meta name=sailthru.date>"),
    ("parsely-pub-date", "<meta name=parsely-pub-date>"),
];

pub(crate) fn page_dates(doc: &Document) -> PageDates {
    let metas: Vec<(String, String)> = doc
        .select("meta[content]")
        .nodes()
        .iter()
        .filter_map(|n| {
            let key = n.attr("property").or_else(|| n.attr("name"))?;
            Some((
                key.trim().to_ascii_lowercase(),
                n.attr("content")?.to_string(),
            ))
        })
        .collect();
    let meta = |key: &'static str, source: &'static str| -> Vec<Claim> {
        metas
            .iter()
            .filter(|(k, _)| k == key)
            .filter_map(|(_, v)| parse_date(v).ok())
            .map(|d| Claim::new(d, source))
            .collect()
    };
    let mut dates = PageDates::default();
    dates.first.extend(meta(
        "article:published_time",
        "<meta property=article:published_time>",
    ));
    dates.first.extend(meta(
        "article:publicationdate",
        "<meta name=article:publicationdate>",
    ));
    let json_ld = doc.select("script[type='application/ld+json']");
    dates
        .first
        .extend(json_ld.nodes().iter().filter_map(|node| {
            let value: serde_json::Value = serde_json::from_str(&node.text()).ok()?;
            let date = find_key(&value, "datePublished", 0).and_then(|d| parse_date(&d).ok())?;
            Some(Claim::new(date, "JSON-LD datePublished"))
        }));
    let attributes = [
        (
            "meta[itemprop=datePublished]",
            "content",
            "itemprop=datePublished",
        ),
        (
            "time[itemprop=datePublished]",
            "datetime",
            "itemprop=datePublished",
        ),
    ];
    for (selector, attr, source) in attributes {
        let mut found: Vec<(u8, Claim)> = doc
            .select(selector)
            .nodes()
            .iter()
            .filter_map(|n| {
                let claim = Claim::new(parse_date(&n.attr(attr)?).ok()?, source);
                Some((item_rank(n), claim))
            })
            .collect();
        found.sort_by_key(|(rank, _)| *rank);
        dates.then.extend(found.into_iter().map(|(_, claim)| claim));
    }
    for (key, source) in DATE_METAS {
        dates.then.extend(meta(key, source));
    }
    for selector in ["time[pubdate]", "article time[datetime]", "time[datetime]"] {
        let time = doc.select(selector).nodes().iter().find_map(|n| {
            Some(Claim::new(
                parse_date(&n.attr("datetime")?).ok()?,
                "<time datetime>",
            ))
        });
        if let Some(claim) = time {
            dates.then.push(claim);
            break;
        }
    }
    dates
}

fn find_key(value: &serde_json::Value, key: &str, depth: usize) -> Option<String> {
    find_value(value, key, depth).and_then(|v| v.as_str().map(String::from))
}

/// The first value under `key` anywhere in a JSON-LD document (e.g. inside `@graph`).
fn find_value<'v>(
    value: &'v serde_json::Value,
    key: &str,
    depth: usize,
) -> Option<&'v serde_json::Value> {
    if depth > 16 {
        return None;
    }
    match value {
        serde_json::Value::Object(map) => map
            .get(key)
            .or_else(|| map.values().find_map(|v| find_value(v, key, depth + 1))),
        serde_json::Value::Array(items) => items.iter().find_map(|v| find_value(v, key, depth + 1)),
        _ => None,
    }
}

/// Elements without content or whose end tag may be left out (`<p>`, `<li>`): they do
/// not stay open in the parser, so they do not count towards nesting.
const NOT_NESTING: [&str; 30] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "p", "li", "dt", "dd", "td", "th", "tr", "thead", "tbody", "tfoot", "option",
    "optgroup", "rb", "rt", "rp", "colgroup",
];

/// A cheap estimate of how deep the parser's stack of open elements gets, from a scan
/// of the tags (comments and the content of `<script>`/`<style>` are skipped).
pub(crate) fn nesting_depth(html: &str) -> usize {
    let bytes = html.as_bytes();
    let (mut depth, mut max, mut i) = (0usize, 0usize, 0usize);
    while let Some(lt) = memchr_lt(bytes, i) {
        i = lt + 1;
        let rest = &html[i..];
        if rest.starts_with("!--") {
            i += rest.find("-->").map_or(rest.len(), |e| e + 3);
            continue;
        }
        let closing = rest.starts_with('/');
        let name: String = rest
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .map(|c| c.to_ascii_lowercase())
            .collect();
        if name.is_empty() || NOT_NESTING.contains(&name.as_str()) {
            continue;
        }
        let tag_end = rest.find('>').map_or(rest.len(), |e| e + 1);
        if closing {
            depth = depth.saturating_sub(1);
        } else if !rest[..tag_end].ends_with("/>") {
            depth += 1;
            max = max.max(depth);
            if matches!(name.as_str(), "script" | "style" | "textarea" | "title") {
                let after = &html[i + tag_end..];
                i += tag_end + find_end_tag(after, &name);
                continue;
            }
        }
        i += tag_end;
    }
    max
}

/// Offset of `</name` in `text` (any case), or its length.
pub(crate) fn find_end_tag(text: &str, name: &str) -> usize {
    let mut from = 0;
    while let Some(p) = text[from..].find("</") {
        let at = from + p;
        let candidate = text.as_bytes().get(at + 2..at + 2 + name.len());
        if candidate.is_some_and(|c| c.eq_ignore_ascii_case(name.as_bytes())) {
            return at;
        }
        from = at + 2;
    }
    text.len()
}

fn memchr_lt(bytes: &[u8], from: usize) -> Option<usize> {
    bytes
        .get(from..)?
        .iter()
        .position(|&b| b == b'<')
        .map(|p| p + from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_come_from_article_tags_json_ld_or_keywords() {
        let cases: [(&str, &[&str]); 5] = [
            (
                "<meta property='article:tag' content='Sarn River'><meta property='article:tag' content='sarn river'>\
                 <meta property='article:tag' content='Talks'>",
                &["Sarn River", "Talks"],
            ),
            (
                "<script type='application/ld+json'>{\"keywords\": [\"a\", \"b\"]}</script>",
                &["a", "b"],
            ),
            (
                "<script type='application/ld+json'>{\"@graph\": [{\"keywords\": \"a, b\"}]}</script>",
                &["a", "b"],
            ),
            ("<meta name='keywords' content='a,, b '>", &["a", "b"]),
            ("", &[]),
        ];
        for (head, want) in cases {
            let doc = Document::from(format!("<html><head>{head}</head><body></body></html>"));
            assert_eq!(page_tags(&doc), want, "{head}");
        }
    }

    #[test]
    fn site_names_are_stripped_from_titles() {
        let cases = [
            (
                "Talks stall in Geneva | Example News",
                Some("Example News"),
                "Talks stall in Geneva",
            ),
            (
                "Talks stall in Geneva - Example News",
                Some("Example News"),
                "Talks stall in Geneva",
            ),
            (
                "Talks stall in Geneva | World",
                None,
                "Talks stall in Geneva",
            ),
            (
                "Talks - the view from Geneva",
                None,
                "Talks - the view from Geneva",
            ),
        ];
        for (title, site, want) in cases {
            assert_eq!(strip_site_name(title, site), want);
        }
    }

    #[test]
    fn an_embedded_video_s_date_is_not_the_article_s() {
        let video = "<div itemscope itemtype='https://schema.org/VideoObject'>\
                     <meta itemprop='datePublished' content='2026-03-13T09:00:00Z'></div>";
        let article = "<div itemscope itemtype='https://schema.org/NewsArticle'>\
                       <meta itemprop='datePublished' content='2026-03-12T18:00:00Z'><p>x</p></div>";
        let bare = "<meta itemprop='datePublished' content='2026-03-11'>";
        let cases = [
            (format!("{video}{article}"), "2026-03-12"),
            (format!("{article}{video}"), "2026-03-12"),
            (format!("{video}{bare}"), "2026-03-11"),
            (video.to_string(), "2026-03-13"),
        ];
        for (body, want) in cases {
            let doc = Document::from(format!("<html><body>{body}</body></html>"));
            let dates = page_dates(&doc);
            assert_eq!(dates.then[0].date.to_string(), want, "{body}");
        }
    }

    #[test]
    fn nesting_is_estimated_from_the_tags() {
        let cases = [
            ("<div><div><span>x</span></div></div>", 3),
            ("<p>a<p>b<p>c<br><img src=x>", 0),
            ("<div/><div/>", 0),
            ("<!-- <div><div> --><div></div>", 1),
            ("<script>if (a<b) { '<div><div>' }</script><b>x</b>", 1),
            ("<STYLE>x</style><DIV></DIV>", 1),
            ("<b><b><b>unclosed", 3),
            ("<", 0),
            ("<div", 1),
        ];
        for (page, want) in cases {
            assert_eq!(nesting_depth(page), want, "{page}");
        }
    }
}
