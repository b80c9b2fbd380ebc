//! Briefing bodies: untrusted Markdown in, safe HTML out (with heading ids, the links
//! it contains and the problems found, each with its byte offset for warnings).
//!
//! pulldown-cmark passes raw HTML through and does not check URL schemes, so the event
//! stream is filtered before it is turned into HTML:
//! - raw HTML never reaches the output: comments are dropped, `<br>` becomes a line
//!   break, any other block is shown as an escaped code block and any other inline tag
//!   as escaped text (readers see it, nothing runs; a warning names the line);
//! - link and image URLs go through [`urls::safe_href`]; a refused link keeps its text,
//!   a refused image keeps its alt text;
//! - heading attributes other than `{#id}` are dropped (`{onclick=...}` would become an
//!   HTML attribute), headings get ids (explicit ids kept, generated ones unique and
//!   never one of the page's own ids) and are shifted so the body starts at `<h2>`
//!   below the page title.
//!
//! The body is never given to Tera, so `{{ config }}` in an article prints as typed.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::urls;

/// Ids the built-in templates use on the briefing page; generated heading ids avoid them.
pub const RESERVED_IDS: [&str; 14] = [
    "top",
    "main",
    "content",
    "site-nav",
    "site-header",
    "site-footer",
    "summary",
    "actors",
    "timeline",
    "body",
    "related",
    "footnotes",
    "search",
    "results",
];

/// A heading of the body, for a table of contents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    /// 2 to 6 after shifting.
    pub level: u8,
    pub id: String,
    pub text: String,
}

/// A link or image URL of the body, after rewriting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub url: String,
    /// Byte offset of the link in the Markdown.
    pub offset: usize,
}

/// Something in the body the author should fix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// Raw HTML, shown as text.
    RawHtml { offset: usize },
    /// A link or image whose URL scheme is not allowed; the URL was removed.
    UnsafeUrl { offset: usize, url: String },
}

/// A rendered body.
#[derive(Debug, Clone, Default)]
pub struct Body {
    pub html: String,
    /// The same HTML cut before each top-level (`<h2>`) heading; concatenated they
    /// give `html`.
    pub sections: Vec<Section>,
    pub headings: Vec<Heading>,
    pub links: Vec<Link>,
    pub problems: Vec<Problem>,
}

/// A part of the body: what comes before the first top-level heading, or one
/// top-level heading and what follows it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Section {
    /// Index in `Body::headings`; `None` for the part before the first heading.
    pub heading: Option<usize>,
    pub html: String,
    /// The words of the section, heading included, as plain text.
    pub text: String,
}

/// Renders `markdown` to safe HTML. `rewrite` maps every allowed link and image URL to
/// the URL written to the page (used for base paths and links to other briefings).
pub fn render(markdown: &str, rewrite: &dyn Fn(&str) -> String) -> Body {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_SMART_PUNCTUATION;
    let events: Vec<(Event, Range<usize>)> = Parser::new_ext(markdown, options)
        .into_offset_iter()
        .collect();
    let mut filter = Filter {
        shift: heading_shift(&events),
        events: &events,
        out: Vec::with_capacity(events.len()),
        body: Body::default(),
        ids: Ids::new(),
        skip_ends: Vec::new(),
        section_starts: Vec::new(),
        rewrite,
    };
    let mut i = 0;
    while i < events.len() {
        i = filter.step(i) + 1;
    }
    let mut body = filter.body;
    let mut cuts = filter.section_starts;
    cuts.push((filter.out.len(), None));
    let mut events = filter.out.into_iter();
    let mut at = 0;
    let mut heading = None;
    for (start, next) in cuts {
        let chunk: Vec<Event> = events.by_ref().take(start - at).collect();
        let text = chunk.iter().filter_map(|e| match e {
            Event::Text(t) | Event::Code(t) => Some(t.as_ref()),
            Event::SoftBreak | Event::HardBreak | Event::End(_) => Some(" "),
            _ => None,
        });
        let text: String = text.collect();
        let mut html = String::new();
        pulldown_cmark::html::push_html(&mut html, chunk.into_iter());
        if !html.is_empty() || heading.is_some() {
            body.html.push_str(&html);
            body.sections.push(Section {
                heading,
                html,
                text,
            });
        }
        (at, heading) = (start, next);
    }
    body
}

/// The event filter: reads `events`, writes the safe stream to `out`.
struct Filter<'e, 'a> {
    events: &'e [(Event<'a>, Range<usize>)],
    out: Vec<Event<'a>>,
    body: Body,
    ids: Ids,
    shift: usize,
    /// For each open link or image: whether its end event must be dropped too.
    skip_ends: Vec<bool>,
    /// Where each top-level heading starts in `out`, and its index in `body.headings`.
    section_starts: Vec<(usize, Option<usize>)>,
    rewrite: &'e dyn Fn(&str) -> String,
}

impl<'a> Filter<'_, 'a> {
    /// Handles the event at `i`; returns the index of the last event it consumed.
    fn step(&mut self, i: usize) -> usize {
        let (event, range) = &self.events[i];
        match event {
            Event::Start(Tag::Heading { level, id, .. }) => self.heading(i, *level, id.as_deref()),
            Event::End(TagEnd::Heading(level)) => {
                let level = shifted(*level, self.shift);
                self.out.push(Event::End(TagEnd::Heading(level)));
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let url = self.checked_url(dest_url, range.start);
                self.open_link(url.map(|url| Tag::Link {
                    link_type: *link_type,
                    dest_url: url.into(),
                    title: title.clone(),
                    id: id.clone(),
                }));
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let url = self.checked_url(dest_url, range.start);
                self.open_link(url.map(|url| Tag::Image {
                    link_type: *link_type,
                    dest_url: url.into(),
                    title: title.clone(),
                    id: id.clone(),
                }));
            }
            Event::End(TagEnd::Link | TagEnd::Image) => {
                if !self.skip_ends.pop().unwrap_or(false) {
                    self.out.push(event.clone());
                }
            }
            Event::Start(Tag::HtmlBlock) => return self.html_block(i, range.start),
            Event::Html(raw) | Event::InlineHtml(raw) => {
                inline_html(raw, range.start, &mut self.out, &mut self.body)
            }
            other => self.out.push(other.clone()),
        }
        i
    }

    fn heading(&mut self, i: usize, level: HeadingLevel, explicit: Option<&str>) {
        let end = heading_end(self.events, i);
        let text = plain_text(&self.events[i + 1..end]);
        let id = self.ids.assign(explicit, &text);
        let level = shifted(level, self.shift);
        if level == HeadingLevel::H2 {
            self.section_starts
                .push((self.out.len(), Some(self.body.headings.len())));
        }
        self.body.headings.push(Heading {
            level: level as u8,
            id: id.clone(),
            text,
        });
        self.out.push(Event::Start(Tag::Heading {
            level,
            id: Some(id.into()),
            classes: Vec::new(),
            attrs: Vec::new(),
        }));
    }

    /// Opens a checked link or image; a refused one keeps only its content.
    fn open_link(&mut self, tag: Option<Tag<'a>>) {
        self.skip_ends.push(tag.is_none());
        if let Some(tag) = tag {
            self.out.push(Event::Start(tag));
        }
    }

    /// Shows a raw HTML block as an escaped code block (comments are dropped).
    fn html_block(&mut self, i: usize, offset: usize) -> usize {
        let end = html_block_end(self.events, i);
        let raw: String = self.events[i + 1..end]
            .iter()
            .filter_map(|(e, _)| html_text(e))
            .collect();
        if !is_comment(&raw) {
            self.body.problems.push(Problem::RawHtml { offset });
            self.out
                .push(Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(
                    "html".into(),
                ))));
            self.out.push(Event::Text(raw.into()));
            self.out.push(Event::End(TagEnd::CodeBlock));
        }
        end
    }

    fn checked_url(&mut self, url: &str, offset: usize) -> Option<String> {
        match urls::safe_href(url) {
            Some(safe) => {
                let url = (self.rewrite)(safe);
                self.body.links.push(Link {
                    url: url.clone(),
                    offset,
                });
                Some(url)
            }
            None => {
                self.body.problems.push(Problem::UnsafeUrl {
                    offset,
                    url: url.to_string(),
                });
                None
            }
        }
    }
}

fn inline_html<'a>(raw: &CowStr<'a>, offset: usize, out: &mut Vec<Event<'a>>, body: &mut Body) {
    let tag = raw.trim().to_ascii_lowercase();
    if is_comment(&tag) {
        return;
    }
    if matches!(tag.as_str(), "<br>" | "<br/>" | "<br />") {
        out.push(Event::HardBreak);
        return;
    }
    body.problems.push(Problem::RawHtml { offset });
    out.push(Event::Text(raw.clone()));
}

fn is_comment(raw: &str) -> bool {
    let raw = raw.trim();
    raw.starts_with("<!--")
        && raw.ends_with("-->")
        && !raw[4..raw.len().saturating_sub(3).max(4)].contains("-->")
}

fn html_text<'a>(event: &'a Event) -> Option<&'a str> {
    match event {
        Event::Html(t) | Event::InlineHtml(t) | Event::Text(t) => Some(t),
        _ => None,
    }
}

fn html_block_end(events: &[(Event, Range<usize>)], start: usize) -> usize {
    (start..events.len())
        .find(|&j| matches!(events[j].0, Event::End(TagEnd::HtmlBlock)))
        .unwrap_or(events.len() - 1)
}

fn heading_end(events: &[(Event, Range<usize>)], start: usize) -> usize {
    (start..events.len())
        .find(|&j| matches!(events[j].0, Event::End(TagEnd::Heading(_))))
        .unwrap_or(events.len())
}

fn plain_text(events: &[(Event, Range<usize>)]) -> String {
    events
        .iter()
        .filter_map(|(e, _)| match e {
            Event::Text(t) | Event::Code(t) => Some(t.as_ref()),
            _ => None,
        })
        .collect::<String>()
        .trim()
        .to_string()
}

/// How many levels to push headings down so the highest one becomes `<h2>`.
fn heading_shift(events: &[(Event, Range<usize>)]) -> usize {
    let top = events
        .iter()
        .filter_map(|(e, _)| match e {
            Event::Start(Tag::Heading { level, .. }) => Some(*level as usize),
            _ => None,
        })
        .min();
    top.map_or(0, |top| 2usize.saturating_sub(top))
}

fn shifted(level: HeadingLevel, shift: usize) -> HeadingLevel {
    HeadingLevel::try_from((level as usize + shift).min(6)).unwrap_or(HeadingLevel::H6)
}

/// Unique heading ids for one body.
struct Ids {
    used: HashSet<String>,
    /// The next number to try after each base id (a body of many equal headings stays linear).
    next: HashMap<String, usize>,
}

impl Ids {
    fn new() -> Self {
        Ids {
            used: RESERVED_IDS.iter().map(|s| s.to_string()).collect(),
            next: HashMap::new(),
        }
    }

    /// Keeps an explicit id as written; otherwise slugs the text and adds `-1`, `-2`...
    /// until the id is free.
    fn assign(&mut self, explicit: Option<&str>, text: &str) -> String {
        if let Some(id) = explicit.filter(|id| !id.trim().is_empty()) {
            self.used.insert(id.to_string());
            return id.to_string();
        }
        let base = match slug::slugify(text) {
            s if s.is_empty() => "section".to_string(),
            s => s,
        };
        let mut id = base.clone();
        let n = self.next.entry(base.clone()).or_insert(1);
        while self.used.contains(&id) {
            id = format!("{base}-{n}");
            *n += 1;
        }
        self.used.insert(id.clone());
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn html(markdown: &str) -> String {
        render(markdown, &|u| u.to_string()).html
    }

    #[test]
    fn headings_get_unique_ids_and_start_at_h2() {
        let body = render(
            "# Talks\n\n## Talks\n\n## Timeline\n\n### Next {#next-steps}\n\n## `x` & y\n",
            &|u| u.to_string(),
        );
        let got: Vec<(u8, &str)> = body
            .headings
            .iter()
            .map(|h| (h.level, h.id.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (2, "talks"),
                (3, "talks-1"),
                (3, "timeline-1"),
                (4, "next-steps"),
                (3, "x-y")
            ]
        );
        assert!(
            body.html.contains("<h2 id=\"talks\">Talks</h2>"),
            "{}",
            body.html
        );
        assert!(
            body.html.contains("<h4 id=\"next-steps\">Next</h4>"),
            "{}",
            body.html
        );
    }

    #[test]
    fn bodies_are_cut_into_top_level_sections() {
        let body = render(
            "Intro.\n\n## One\n\nA\n\n### Sub\n\nB\n\n## Two\n\nC\n",
            &|u| u.to_string(),
        );
        let got: Vec<(Option<&str>, &str)> = body
            .sections
            .iter()
            .map(|s| {
                (
                    s.heading.map(|h| body.headings[h].id.as_str()),
                    s.html.as_str(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (None, "<p>Intro.</p>\n"),
                (
                    Some("one"),
                    "<h2 id=\"one\">One</h2>\n<p>A</p>\n<h3 id=\"sub\">Sub</h3>\n<p>B</p>\n"
                ),
                (Some("two"), "<h2 id=\"two\">Two</h2>\n<p>C</p>\n"),
            ]
        );
        let joined: String = body.sections.iter().map(|s| s.html.as_str()).collect();
        assert_eq!(joined, body.html);
        assert_eq!(render("## Only\n", &|u| u.to_string()).sections.len(), 1);
        assert!(render("", &|u| u.to_string()).sections.is_empty());
    }

    #[test]
    fn bodies_starting_at_h2_keep_their_levels() {
        let body = render("## A\n\n#### B\n\n###### C\n", &|u| u.to_string());
        let levels: Vec<u8> = body.headings.iter().map(|h| h.level).collect();
        assert_eq!(levels, [2, 4, 6]);
    }

    #[test]
    fn heading_attributes_other_than_id_are_dropped() {
        let out = html("# Title {#t .evil onclick=alert(1) style=x}\n");
        assert_eq!(out.trim(), "<h2 id=\"t\">Title</h2>");
    }

    #[test]
    fn raw_html_never_reaches_the_output() {
        let hostile = [
            "<script>alert(1)</script>",
            "Text <script>alert(1)</script> more",
            "<img src=x onerror=alert(1)>",
            "a <img src=x onerror=alert(1)> b",
            "<iframe src=\"https://evil.example\"></iframe>",
            "<svg><style>*{x:expression(alert(1))}</style></svg>",
            "<div onclick=\"alert(1)\">\n\n*md*\n\n</div>",
            "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
            "[x](<javascript:alert(1)>) <a href=\"javascript:alert(1)\">y</a>",
        ];
        for md in hostile {
            let out = html(md);
            for bad in [
                "<script",
                "<img",
                "<iframe",
                "<svg",
                "<style",
                "<div",
                "<math",
                "onerror=\"",
                "<a href=\"javascript",
            ] {
                assert!(!out.contains(bad), "{md:?} gave {out:?}");
            }
        }
    }

    #[test]
    fn raw_html_is_reported_and_comments_dropped() {
        let body = render(
            "Hello <b>bold</b><!-- note --> x<br>y\n\n<!-- block comment -->\n\n<div>z</div>\n",
            &|u| u.to_string(),
        );
        assert!(
            body.html.contains("&lt;b&gt;bold&lt;/b&gt;"),
            "{}",
            body.html
        );
        assert!(!body.html.contains("note"), "{}", body.html);
        assert!(body.html.contains("x<br />\ny"), "{}", body.html);
        assert!(
            body.html
                .contains("<pre><code class=\"language-html\">&lt;div&gt;z&lt;/div&gt;"),
            "{}",
            body.html
        );
        let offsets: Vec<usize> = body
            .problems
            .iter()
            .map(|p| match p {
                Problem::RawHtml { offset } => *offset,
                Problem::UnsafeUrl { offset, .. } => *offset,
            })
            .collect();
        assert_eq!(offsets, [6, 13, 63]);
    }

    #[test]
    fn hostile_link_and_image_urls_are_removed_but_text_kept() {
        let cases = [
            ("[click](javascript:alert(1))", "click"),
            ("[click](JaVaScRiPt:alert(1))", "click"),
            ("[click](&#x6a;avascript:alert(1))", "click"),
            ("[click](&#106;avascript&#58;alert(1))", "click"),
            ("[click](<java\tscript:alert(1)>)", "click"),
            ("[click](vbscript:msgbox(1))", "click"),
            ("[click](data:text/html;base64,PHNjcmlwdD4=)", "click"),
            ("![chart](javascript:alert(1))", "chart"),
            (
                "![chart](data:image/svg+xml,<svg/onload=alert(1)>)",
                "chart",
            ),
            ("[click][r]\n\n[r]: javascript:alert(1)", "click"),
        ];
        for (md, text) in cases {
            let body = render(md, &|u| u.to_string());
            let lower = body.html.to_ascii_lowercase();
            assert!(
                !lower.contains("href") && !lower.contains("src"),
                "{md}: {}",
                body.html
            );
            assert!(
                !lower.contains("script:") && !lower.contains("data:"),
                "{md}: {}",
                body.html
            );
            assert!(body.html.contains(text), "{md}: {}", body.html);
            assert!(
                matches!(body.problems.as_slice(), [Problem::UnsafeUrl { .. }]),
                "{md}: {:?}",
                body.problems
            );
        }
    }

    #[test]
    fn safe_links_are_rewritten_and_collected() {
        let body = render(
            "See [a](other.md) and ![m](https://example.org/m.png \"t\").",
            &|u| format!("/news/{u}"),
        );
        assert!(
            body.html.contains("<a href=\"/news/other.md\">a</a>"),
            "{}",
            body.html
        );
        assert!(
            body.html
                .contains("<img src=\"/news/https://example.org/m.png\" alt=\"m\" title=\"t\" />"),
            "{}",
            body.html
        );
        let links: Vec<(&str, usize)> = body
            .links
            .iter()
            .map(|l| (l.url.as_str(), l.offset))
            .collect();
        assert_eq!(
            links,
            [
                ("/news/other.md", 4),
                ("/news/https://example.org/m.png", 22)
            ]
        );
    }

    #[test]
    fn template_syntax_in_a_body_prints_literally() {
        let out = html("{{ config }} {% include \"base.html\" %} {# x #}");
        assert!(
            out.contains("{{ config }} {% include “base.html” %} {# x #}"),
            "{out}"
        );
    }

    #[test]
    fn comment_detection() {
        let cases = [
            ("<!-- x -->", true),
            ("<!---->", true),
            ("<!-- a --> <b>", false),
            ("<b>", false),
            ("<!--", false),
        ];
        for (raw, want) in cases {
            assert_eq!(is_comment(raw), want, "{raw}");
        }
    }
}
