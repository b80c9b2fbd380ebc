//! A saved web page in; the article's plain text, its [`Block`]s and the page's metadata
//! (title, date, canonical URL, site name, byline) out.
//!
//! dom_smoothie (a port of Mozilla's Readability) finds the main article and drops
//! navigation, ads, related links and footers; it also reads JSON-LD and `<meta>` tags.
//! We then walk the extracted article's DOM ourselves (iteratively, so deep nesting
//! cannot overflow the stack) and write one block per paragraph, list item or heading,
//! separated by blank lines, so `text` is plain prose with exact block ranges, never
//! HTML. Lines Readability keeps but readers skip ("Advertisement", captions, a byline)
//! are marked boilerplate with the same rules as plain text. Dates and the canonical
//! URL also have fallbacks Readability lacks (`<time datetime>`, `itemprop`,
//! `<link rel=canonical>`, JSON-LD inside `@graph`).

use dom_query::{Document, NodeRef};
use dom_smoothie::{Config, Readability};
use jiff::civil::Date;

use super::boilerplate::{byline, is_boilerplate};
use super::dates::parse_date;
use super::headline::is_heading;
use super::{Block, BlockKind};

/// Pages with more elements than this are not worth a readability pass.
const MAX_ELEMENTS: usize = 200_000;

/// What a web page gave us.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct HtmlArticle {
    pub text: String,
    pub blocks: Vec<Block>,
    pub title: Option<String>,
    pub published: Option<Date>,
    pub url: Option<String>,
    pub source: Option<String>,
    pub author: Option<String>,
}

/// Extracts the article from a page. Never fails: a page Readability cannot handle
/// falls back to the text of its `<body>`.
pub(crate) fn extract(html: &str) -> HtmlArticle {
    let config = Config {
        max_elements_to_parse: MAX_ELEMENTS,
        ..Config::default()
    };
    let Ok(mut reader) = Readability::new(html, None, Some(config)) else {
        return HtmlArticle::default();
    };
    let url = canonical_url(&reader.doc);
    let fallback_date = page_date(&reader.doc);
    let mut out = match reader.parse() {
        Ok(article) => {
            let mut out = walk_html(&article.content);
            let source = clean(article.site_name);
            out.title = clean(Some(strip_site_name(&article.title, source.as_deref())));
            out.published = article
                .published_time
                .as_deref()
                .and_then(|d| parse_date(d).ok());
            out.url = url.or(clean(article.url));
            out.author = clean(article.byline);
            out.source = source;
            out
        }
        Err(_) => {
            let doc = Document::from(html);
            doc.select("script, style, noscript, template, nav, header, footer, aside, form")
                .remove();
            let mut out = walk(doc.select("body").nodes().first().copied());
            out.title = clean(Some(doc.select("title").text().to_string()));
            out.url = url;
            out
        }
    };
    out.published = out.published.or(fallback_date);
    mark_layout(&mut out);
    out
}

fn clean(value: Option<String>) -> Option<String> {
    value
        .map(|v| v.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|v| !v.is_empty())
}

/// "Talks stall | Example News" -> "Talks stall" when the site is "Example News".
fn strip_site_name(title: &str, site: Option<&str>) -> String {
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

fn canonical_url(doc: &Document) -> Option<String> {
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

/// Publication dates Readability does not look for.
fn page_date(doc: &Document) -> Option<Date> {
    let json_ld = doc.select("script[type='application/ld+json']");
    let from_json = json_ld.nodes().iter().find_map(|node| {
        let value: serde_json::Value = serde_json::from_str(&node.text()).ok()?;
        find_key(&value, "datePublished", 0).and_then(|d| parse_date(&d).ok())
    });
    let attributes = [
        ("meta[itemprop=datePublished]", "content"),
        ("time[itemprop=datePublished]", "datetime"),
        ("meta[name=date]", "content"),
        ("meta[name=pubdate]", "content"),
        ("meta[name=publish-date]", "content"),
        ("time[pubdate]", "datetime"),
        ("article time[datetime]", "datetime"),
        ("time[datetime]", "datetime"),
    ];
    from_json.or_else(|| {
        attributes.iter().find_map(|(selector, attr)| {
            doc.select(selector)
                .nodes()
                .iter()
                .find_map(|n| parse_date(&n.attr(attr)?).ok())
        })
    })
}

fn find_key(value: &serde_json::Value, key: &str, depth: usize) -> Option<String> {
    if depth > 16 {
        return None;
    }
    match value {
        serde_json::Value::Object(map) => map
            .get(key)
            .and_then(|v| v.as_str().map(String::from))
            .or_else(|| map.values().find_map(|v| find_key(v, key, depth + 1))),
        serde_json::Value::Array(items) => items.iter().find_map(|v| find_key(v, key, depth + 1)),
        _ => None,
    }
}

fn walk_html(html: &str) -> HtmlArticle {
    let doc = Document::fragment(html);
    let root = doc.root();
    walk(Some(root))
}

/// Elements whose content is never article text.
const SKIP: [&str; 16] = [
    "script", "style", "noscript", "template", "svg", "math", "iframe", "button", "select",
    "input", "textarea", "form", "nav", "aside", "footer", "head",
];

const BLOCKS: [&str; 29] = [
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "blockquote",
    "pre",
    "figure",
    "figcaption",
    "table",
    "tr",
    "td",
    "th",
    "dl",
    "dt",
    "dd",
    "hr",
    "address",
    "details",
];

enum Step<'a> {
    Enter(NodeRef<'a>),
    Leave,
}

/// Text and blocks from a DOM subtree.
fn walk(root: Option<NodeRef>) -> HtmlArticle {
    let mut writer = Writer::default();
    let mut stack: Vec<Step> = root.into_iter().map(Step::Enter).collect();
    while let Some(step) = stack.pop() {
        let node = match step {
            Step::Leave => {
                writer.flush();
                writer.open.pop();
                continue;
            }
            Step::Enter(node) => node,
        };
        if node.is_text() {
            writer.push_text(&node.text());
            continue;
        }
        let name = node
            .node_name()
            .map(|n| n.to_ascii_lowercase())
            .unwrap_or_default();
        if SKIP.contains(&name.as_str()) || node.is_comment() {
            continue;
        }
        if name == "br" {
            writer.line_break();
            continue;
        }
        if BLOCKS.contains(&name.as_str()) {
            writer.flush();
            writer.open.push(name);
            stack.push(Step::Leave);
        }
        stack.extend(node.children_it(true).map(Step::Enter));
    }
    writer.flush();
    HtmlArticle {
        text: writer.text,
        blocks: writer.blocks,
        ..HtmlArticle::default()
    }
}

#[derive(Default)]
struct Writer {
    text: String,
    blocks: Vec<Block>,
    /// Open block elements, innermost last.
    open: Vec<String>,
    current: String,
}

impl Writer {
    fn push_text(&mut self, s: &str) {
        for (i, word) in s.split(char::is_whitespace).enumerate() {
            let needs_space = i > 0 || s.starts_with(char::is_whitespace);
            if needs_space && !self.current.is_empty() && !self.current.ends_with([' ', '\n']) {
                self.current.push(' ');
            }
            self.current.push_str(word);
        }
    }

    fn line_break(&mut self) {
        let trimmed = self.current.trim_end().len();
        self.current.truncate(trimmed);
        if !self.current.is_empty() {
            self.current.push('\n');
        }
    }

    fn kind(&self) -> BlockKind {
        let boiler = ["figcaption", "pre", "table", "address"];
        if self.open.iter().any(|t| boiler.contains(&t.as_str())) {
            return BlockKind::Boilerplate;
        }
        match self.open.last().map(String::as_str) {
            Some("h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "dt") => BlockKind::Heading,
            _ => BlockKind::Paragraph,
        }
    }

    fn flush(&mut self) {
        let current = std::mem::take(&mut self.current);
        let block = current.trim();
        if block.is_empty() {
            return;
        }
        if !self.text.is_empty() {
            self.text.push_str("\n\n");
        }
        let start = self.text.len();
        self.text.push_str(block);
        self.blocks.push(Block {
            start,
            end: self.text.len(),
            kind: self.kind(),
        });
    }
}

/// Title, byline, boilerplate and bold-paragraph subheadings, by the plain-text rules.
fn mark_layout(out: &mut HtmlArticle) {
    let title = out.title.clone().unwrap_or_default();
    for i in 0..out.blocks.len() {
        let block = out.blocks[i];
        let text = &out.text[block.start..block.end];
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let kind = if i == 0 && !title.is_empty() && flat.eq_ignore_ascii_case(&title) {
            BlockKind::Title
        } else if i < 4 && byline(&flat).is_some() {
            out.author = out.author.take().or_else(|| byline(&flat));
            BlockKind::Boilerplate
        } else if is_boilerplate(&flat) {
            BlockKind::Boilerplate
        } else if block.kind == BlockKind::Paragraph
            && is_heading(&flat)
            && flat.split_whitespace().count() <= 12
        {
            BlockKind::Heading
        } else {
            block.kind
        };
        out.blocks[i].kind = kind;
    }
}
