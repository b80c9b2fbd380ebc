//! A saved web page in; the article's plain text, its [`Block`]s and the page's metadata
//! (title, date, canonical URL, site name, byline) out.
//!
//! dom_smoothie (a port of Mozilla's Readability) finds the main article and drops
//! navigation, ads, related links and footers; it also reads JSON-LD and `<meta>` tags.
//! It runs on the page as saved: nothing is removed before it chooses the article's
//! block (the author is read from the byline elements, which stay). In the extracted
//! article, with its class names kept, we then remove the lines marked as bylines,
//! datelines or time stamps ([`super::html_byline`]) and the parts named as captions,
//! galleries, share bars, promos, related links, comments or bios
//! ([`super::html_prune`]), walk the DOM (iteratively, so deep nesting cannot overflow
//! the stack) and write one block per paragraph, list item or heading, separated by
//! blank lines, so `text` is plain prose with exact block ranges, never HTML. Last, the
//! blocks readers skip are marked and left out of the text ([`super::html_layout`]), so
//! `text` is the story. Dates and the canonical URL also have fallbacks Readability
//! lacks (`<time datetime>`, `itemprop`, `<link rel=canonical>`, JSON-LD inside
//! `@graph`).

use dom_query::{Document, NodeRef};
use dom_smoothie::{Config, Readability};

use super::boilerplate::byline;
use super::dates::parse_date;
use super::html_byline::{marked_author, remove_marked_bylines};
use super::html_layout;
use super::html_page::{
    canonical_url, nesting_depth, page_dates, page_section, page_tags, strip_site_name,
};
use super::html_prune::prune;
use super::published::{Claim, date_in_url};
use super::substance::PageSigns;
use super::tags::topics;
use super::{Block, BlockKind};

/// Pages with more elements than this are not worth a readability pass.
const MAX_ELEMENTS: usize = 200_000;
/// Deeper element nesting is refused: HTML parsing and readability scoring grow with
/// the square of the depth (20,000 nested `<div>`s take minutes), real pages stay
/// under about 100, and only a hostile or broken page goes past this.
pub(crate) const MAX_NESTING: usize = 512;

/// What a web page gave us.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct HtmlArticle {
    pub text: String,
    pub blocks: Vec<Block>,
    pub title: Option<String>,
    /// Every publication date the page gives, best first (see [`super::published`]).
    pub dates: Vec<Claim>,
    pub url: Option<String>,
    pub source: Option<String>,
    pub author: Option<String>,
    /// The page's keywords that read as topics (see [`super::tags`]).
    pub tags: Vec<String>,
    /// For each block, the share of its characters inside links.
    pub link_shares: Vec<f32>,
    /// What tells whether the page is an article at all (see [`super::substance`]).
    pub signs: PageSigns,
}

/// Extracts the article from a page. A page Readability cannot handle falls back to
/// the text of its `<body>`; the only failure is a page nested deeper than
/// [`MAX_NESTING`], reported with its depth.
pub(crate) fn extract(html: &str) -> Result<HtmlArticle, usize> {
    let depth = nesting_depth(html);
    if depth > MAX_NESTING {
        return Err(depth);
    }
    Ok(extract_page(html))
}

fn extract_page(html: &str) -> HtmlArticle {
    let config = Config {
        max_elements_to_parse: MAX_ELEMENTS,
        // The classes say which elements are bylines, captions or share bars.
        keep_classes: true,
        ..Config::default()
    };
    let Ok(mut reader) = Readability::new(html, None, Some(config)) else {
        return HtmlArticle::default();
    };
    let url = canonical_url(&reader.doc);
    let page_dates = page_dates(&reader.doc);
    let keywords = page_tags(&reader.doc);
    let section = page_section(&reader.doc);
    let marked_author = marked_author(&reader.doc);
    let password_field = !reader.doc.select("input[type=password]").is_empty();
    let mut out = match reader.parse() {
        Ok(article) => {
            let mut out = walk_html(&article.content);
            let source = clean(article.site_name);
            out.title = clean(Some(strip_site_name(&article.title, source.as_deref())));
            let readability = article.published_time.as_deref();
            let readability = readability.and_then(|d| parse_date(d).ok());
            out.dates = page_dates.first;
            out.dates
                .extend(readability.map(|d| Claim::new(d, "the page's metadata")));
            out.dates.extend(page_dates.then);
            out.url = url.or(clean(article.url));
            out.author = clean(article.byline)
                .map(|b| byline(&b).unwrap_or(b))
                .or(marked_author);
            out.source = source;
            out
        }
        Err(_) => {
            let doc = Document::from(html);
            doc.select("script, style, noscript, template, nav, header, footer, aside, form")
                .remove();
            remove_marked_bylines(&doc);
            let mut out = walk(doc.select("body").nodes().first().copied());
            out.author = marked_author;
            out.title = clean(Some(doc.select("title").text().to_string()));
            out.url = url;
            out.dates = [page_dates.first, page_dates.then].concat();
            out
        }
    };
    let in_url = out.url.as_deref().and_then(date_in_url);
    out.dates
        .extend(in_url.map(|d| Claim::new(d, "the canonical URL")));
    html_layout::lay_out(&mut out);
    out.tags = topics(&keywords, &out.text, section.as_deref());
    out.signs = PageSigns {
        password_field,
        link_share: paragraph_link_share(&out),
    };
    out
}

/// The share of the paragraphs' characters inside links.
fn paragraph_link_share(page: &HtmlArticle) -> f32 {
    let (mut linked, mut all) = (0.0, 0.0);
    for (block, share) in page.blocks.iter().zip(&page.link_shares) {
        if block.kind == BlockKind::Paragraph {
            let len = (block.end - block.start) as f32;
            linked += share * len;
            all += len;
        }
    }
    if all > 0.0 { linked / all } else { 0.0 }
}

fn clean(value: Option<String>) -> Option<String> {
    value
        .map(|v| v.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|v| !v.is_empty())
}

fn walk_html(html: &str) -> HtmlArticle {
    let doc = Document::fragment(html);
    remove_marked_bylines(&doc);
    let root = doc.root();
    prune(&root);
    walk(Some(root))
}

/// Elements whose content is never article text.
const SKIP: [&str; 16] = [
    "script", "style", "noscript", "template", "svg", "math", "iframe", "button", "select",
    "input", "textarea", "form", "nav", "aside", "footer", "head",
];

pub(crate) const BLOCKS: [&str; 29] = [
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
    LeaveLink,
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
            Step::LeaveLink => {
                writer.links -= 1;
                writer.link_closed_at = Some(writer.current.len());
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
        } else if name == "a" {
            writer.links += 1;
            stack.push(Step::LeaveLink);
        }
        stack.extend(node.children_it(true).map(Step::Enter));
    }
    writer.flush();
    HtmlArticle {
        text: writer.text,
        blocks: writer.blocks,
        link_shares: writer.link_shares,
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
    /// Open `<a>` elements.
    links: usize,
    /// Characters (not counting spaces) of `current` inside links.
    current_linked: usize,
    /// For each block, the share of its characters inside links.
    link_shares: Vec<f32>,
    /// Length of `current` where the last `</a>` closed, while nothing followed it.
    link_closed_at: Option<usize>,
}

impl Writer {
    fn push_text(&mut self, s: &str) {
        if self.link_closed_at.take() == Some(self.current.len())
            && glued_after_link(&self.current, s)
        {
            self.current.push(' ');
        }
        if self.links > 0 {
            self.current_linked += s.chars().filter(|c| !c.is_whitespace()).count();
        }
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
        let open = |names: &[&str]| self.open.iter().any(|t| names.contains(&t.as_str()));
        if open(&["figcaption", "address"]) {
            return BlockKind::Boilerplate;
        }
        if open(&["pre", "table"]) {
            return BlockKind::Data;
        }
        match self.open.last().map(String::as_str) {
            Some("h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "dt") => BlockKind::Heading,
            _ => BlockKind::Paragraph,
        }
    }

    fn flush(&mut self) {
        self.link_closed_at = None;
        let current = std::mem::take(&mut self.current);
        let linked = std::mem::take(&mut self.current_linked);
        let block = current.trim();
        if block.is_empty() {
            return;
        }
        let chars = block.chars().filter(|c| !c.is_whitespace()).count();
        self.link_shares.push(linked as f32 / chars.max(1) as f32);
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

/// Whether the text right after a link was glued to it by the page's markup
/// ("<a>Alexis Madrigal</a>reports", "<a>The Ubyssey</a>next"): the link ends in a name
/// (a capitalised word with lower-case letters) and the text goes on with a lower-case
/// word of three letters or more, or a function word. A plural or suffix written onto a
/// link ("<a>iPod</a>s", "<a>NGO</a>s") stays glued.
fn glued_after_link(before: &str, after: &str) -> bool {
    let last = before.rsplit([' ', '\n']).next().unwrap_or("");
    let name = last.chars().next().is_some_and(char::is_uppercase)
        && last.chars().last().is_some_and(char::is_lowercase);
    let word: String = after.chars().take_while(|c| c.is_alphabetic()).collect();
    let lower = word.chars().all(char::is_lowercase);
    name && lower
        && (word.chars().count() >= 3
            || (word.len() >= 2 && crate::language::words::is_stop_word(&word)))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = include_str!("../../tests/fixtures/ingest/page.html");

    #[test]
    fn the_article_is_extracted_without_page_furniture() {
        let a = extract(PAGE).unwrap();
        assert_eq!(
            a.title.as_deref(),
            Some("Ministers weigh a written reply as border talks stall")
        );
        assert_eq!(
            a.dates.first().map(|c| c.date),
            Some(jiff::civil::date(2022, 1, 28))
        );
        assert_eq!(
            a.url.as_deref(),
            Some("https://news.example.org/world/border-talks-stall")
        );
        assert_eq!(a.source.as_deref(), Some("Example News"));
        assert_eq!(a.author.as_deref(), Some("Jane Reporter"));
        assert!(a.tags.is_empty(), "{:?}", a.tags);
        for gone in [
            "Home",
            "cookies",
            "Related stories",
            "Border crossing closed",
            "Privacy",
            "All rights",
            "tracker",
            "<",
        ] {
            assert!(!a.text.contains(gone), "{gone:?} in {:?}", a.text);
        }
        let kinds: Vec<(BlockKind, &str)> = a
            .blocks
            .iter()
            .map(|b| (b.kind, &a.text[b.start..b.end]))
            .collect();
        let paragraphs: Vec<&str> = kinds
            .iter()
            .filter(|(k, _)| *k == BlockKind::Paragraph)
            .map(|(_, t)| *t)
            .collect();
        assert_eq!(paragraphs.len(), 4, "{kinds:#?}");
        assert!(paragraphs[0].starts_with("The foreign ministers of two neighbouring countries"));
        assert!(paragraphs[3].starts_with("“We will answer in writing"));
        assert!(
            kinds.contains(&(BlockKind::Heading, "What happens next")),
            "{kinds:#?}"
        );
        for furniture in ["Advertisement", "(Image:", "By Jane", "27 January"] {
            assert!(!a.text.contains(furniture), "{furniture:?} in {:?}", a.text);
        }
        assert!(
            !a.text.contains("Ministers weigh a written reply"),
            "the headline is not story text: {:?}",
            a.text
        );
        assert!(
            kinds.iter().all(|(k, _)| *k != BlockKind::Boilerplate),
            "{kinds:#?}"
        );
    }

    #[test]
    fn tables_and_code_stay_in_the_text_as_data() {
        let a = extract(
            "<html><body><article><p>The council published the results of the vote on the new budget for the river bridge, the school and the library.</p>\
             <table><tr><th>Ward</th><th>Votes</th></tr><tr><td>North</td><td>1,204</td></tr></table>\
             <pre>total = 1204</pre></article></body></html>",
        )
        .unwrap();
        let data: Vec<&str> = a
            .blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Data)
            .map(|b| &a.text[b.start..b.end])
            .collect();
        assert_eq!(data, ["Ward", "Votes", "North", "1,204", "total = 1204"]);
    }

    /// A page with `head` in its `<head>` and `top` between the headline and the story.
    fn page_with(head: &str, top: &str) -> String {
        format!(
            "<html><head><title>Council approves the budget</title>{head}</head><body><article>\
             <h1>Council approves the budget</h1>{top}\
             <p>The city council approved the budget on Tuesday after a long debate about the river bridge and the cost of repairs to the old school.</p>\
             <p>The mayor said the vote was a relief for everyone involved in the negotiations, which had lasted for most of the winter.</p>\
             </article></body></html>"
        )
    }

    #[test]
    fn bylines_datelines_and_stamps_are_never_article_text() {
        const META: &str = "<meta name=\"author\" content=\"Tom Reyes\">";
        const TIME: &str = "<time datetime=\"2026-02-10\">February 10, 2026</time>";
        let feb10 = Some(jiff::civil::date(2026, 2, 10));
        let cases = [
            (META, format!("<p class=\"byline\">By Tom Reyes · {TIME}</p>"), feb10),
            ("", format!("<p class=\"byline\">By Tom Reyes · {TIME}</p>"), feb10),
            (META, format!("<p>By <a rel=\"author\" href=\"/t\">Tom Reyes</a> · {TIME}</p>"), feb10),
            ("", "<div class=\"meta\"><span class=\"author-name\">Tom Reyes</span> <span class=\"post-timestamp\">Feb 10, 2026</span></div>".into(), None),
            ("", "<p><span itemprop=\"author\"><span itemprop=\"name\">Tom Reyes</span></span></p>".into(), None),
            (META, "<p>By Tom Reyes · February 10, 2026</p>".into(), None),
            (META, "<p>By Tom Reyes</p><p>Published February 10, 2026</p><p>Updated Feb. 11, 2026 at 3:05 p.m.</p>".into(), feb10),
            (META, "<p class=\"dateline\">CITY HALL, Feb. 10</p><p>February 10, 2026</p>".into(), feb10),
        ];
        for (head, top, published) in cases {
            let a = extract(&page_with(head, &top)).unwrap();
            assert_eq!(a.author.as_deref(), Some("Tom Reyes"), "{top}");
            assert_eq!(a.dates.first().map(|c| c.date), published, "{top}");
            for furniture in ["Tom Reyes", "Feb"] {
                assert!(!a.text.contains(furniture), "{top}: {:?}", a.text);
            }
            assert!(
                a.text.contains("The mayor said the vote"),
                "{top}: {:?}",
                a.text
            );
        }
    }

    /// A live blog whose short updates open with marked time stamps, above a longer
    /// comment thread: taking the marked lines out before extraction leaves the thread
    /// the best block.
    #[test]
    fn marked_lines_never_change_which_block_is_the_article() {
        let update =
            |t: &str, text: &str| format!("<p><span class=\"timestamp\">{t}</span> {text}</p>");
        let updates = [
            update(
                "09:05",
                "Delegates arrive at the river talks, with the water minister first, early.",
            ),
            update(
                "09:40",
                "The chair opens the session and asks both sides to table their offers.",
            ),
            update(
                "10:15",
                "Meranthe's delegation says the proposed quota is too low, by a wide margin.",
            ),
            update(
                "11:00",
                "A short recess is called while the mediators speak to each side alone.",
            ),
            update(
                "11:45",
                "Talks resume; the Kestrian side offers to phase the quota in over two years.",
            ),
            update(
                "12:30",
                "The water minister says the offer is a start, but not yet a basis for a deal.",
            ),
        ]
        .concat();
        let comment = "<div class=\"comment\"><p>I have followed these talks for years, and honestly, with all respect to the mediators, \
            nothing changes, nothing moves, and nobody, not the ministers, not the farmers, not the river, wins in the end.</p></div>";
        let page = format!(
            "<html><head><title>Live: river talks</title></head><body><article><h1>Live: river talks</h1>\
             <div class=\"live-updates\">{updates}</div></article>\
             <section class=\"comments\">{}</section></body></html>",
            comment.repeat(4)
        );
        let a = extract(&page).unwrap();
        assert!(
            a.text.contains("The chair opens the session"),
            "{:?}",
            a.text
        );
        assert!(
            !a.text.contains("I have followed these talks"),
            "{:?}",
            a.text
        );
    }

    #[test]
    fn marked_names_inside_prose_stay() {
        let top = "<p>Our reporter <a rel=\"author\" href=\"/t\">Tom Reyes</a> watched the debate from the public gallery of the council chamber, where more than a hundred residents had gathered on a cold evening to hear the vote on the repairs to the old school by the river.</p>";
        let a = extract(&page_with(
            "<meta name=\"author\" content=\"Tom Reyes\">",
            top,
        ))
        .unwrap();
        assert!(
            a.text.contains("Our reporter Tom Reyes watched"),
            "{:?}",
            a.text
        );
    }

    #[test]
    fn words_glued_to_a_link_are_parted_from_the_name() {
        let cases = [
            (
                "As <a href=\"/x\">Ada Quint</a>reports, the dam held.",
                "As Ada Quint reports, the dam held.",
            ),
            (
                "With <a href=\"/x\">The Harbour Post</a>next year, we meet.",
                "With The Harbour Post next year, we meet.",
            ),
            (
                "Talks with <a href=\"/x\">Kessel</a>in May.",
                "Talks with Kessel in May.",
            ),
            // A suffix or plural written onto a link, or punctuation, stays as written.
            (
                "She owns two <a href=\"/x\">iPod</a>s and <a href=\"/x\">NGO</a>s.",
                "She owns two iPods and NGOs.",
            ),
            (
                "The <a href=\"/x\">Quint</a>s met <a href=\"/x\">Kessel</a>'s envoy.",
                "The Quints met Kessel's envoy.",
            ),
            (
                "A <a href=\"/x\">Kessel</a>-based firm.",
                "A Kessel-based firm.",
            ),
        ];
        for (body, want) in cases {
            let a = extract(&format!(
                "<html><body><article><p>{body}</p></article></body></html>"
            ))
            .unwrap();
            assert_eq!(a.text, want, "{body}");
        }
    }

    #[test]
    fn paragraphs_are_separated_by_blank_lines() {
        let a = extract("<html><body><article><h2>Talks</h2><p>One <b>two</b>\n   three.</p><p>Four<br>five.</p></article></body></html>").unwrap();
        assert_eq!(a.text, "Talks\n\nOne two three.\n\nFour\nfive.");
        let kinds: Vec<BlockKind> = a.blocks.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            [
                BlockKind::Heading,
                BlockKind::Paragraph,
                BlockKind::Paragraph
            ]
        );
    }

    #[test]
    fn dates_and_urls_fall_back_to_other_page_markup() {
        let cases = [
            (
                "<time datetime=\"2022-01-28T10:00:00Z\">x</time>",
                Some(jiff::civil::date(2022, 1, 28)),
            ),
            (
                "<meta itemprop=\"datePublished\" content=\"2022-01-28\">",
                Some(jiff::civil::date(2022, 1, 28)),
            ),
            (
                "<meta property=\"article:published_time\" content=\"2022-01-28\">",
                Some(jiff::civil::date(2022, 1, 28)),
            ),
            ("<time datetime=\"someday\">x</time>", None),
            ("", None),
        ];
        for (markup, want) in cases {
            let page = format!(
                "<html><head>{markup}</head><body><p>Ministers met on Friday in Geneva.</p></body></html>"
            );
            let dates = extract(&page).unwrap().dates;
            assert_eq!(dates.first().map(|c| c.date), want, "{markup}");
        }
        let page = "<html><head><meta property=\"og:url\" content=\"https://x.org/a\"></head><body><p>Text.</p></body></html>";
        assert_eq!(
            extract(page).unwrap().url.as_deref(),
            Some("https://x.org/a")
        );
    }

    #[test]
    fn deeply_nested_pages_are_refused_quickly() {
        let deep = "<div>".repeat(20_000) + "deep text" + &"</div>".repeat(20_000);
        assert_eq!(extract(&deep), Err(20_000));
        let unclosed = "<b>".repeat(600);
        assert_eq!(extract(&unclosed), Err(600));
    }

    #[test]
    fn odd_pages_never_fail() {
        let nested = "<div>".repeat(100) + "<p>deep text.</p>" + &"</div>".repeat(100);
        let cases = [
            "",
            "not html at all",
            "<p>",
            "<html><body></body></html>",
            "<script>x</script>",
            nested.as_str(),
        ];
        for page in cases {
            let a = extract(page).unwrap();
            for b in &a.blocks {
                assert!(b.end <= a.text.len() && a.text.is_char_boundary(b.start));
            }
        }
    }
}
