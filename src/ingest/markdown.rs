//! The layout of a Markdown body: its text in; `prose` (the same bytes with all markup
//! blanked to spaces) and [`Block`]s out.
//!
//! Everything comes from pulldown-cmark's offset iterator, never from regexes over
//! Markdown: `prose` starts as all spaces (line breaks kept) and only the byte ranges
//! of text events are copied back, so emphasis markers, link targets and brackets,
//! image alt text, inline HTML, code fences, heading `#`s, list bullets and blockquote
//! `>` all stay blank while every offset still indexes `text`. Each block-level element
//! that directly holds text (paragraph, heading, list item, code block, HTML block,
//! table) becomes one block; when a nested block starts, the parent's text so far is
//! closed off, so blocks never overlap. Paragraphs whose readable text is boilerplate
//! ("Read more: [..](..)", a byline) are marked as such afterwards.
//!
//! Raw HTML elements whose content is never prose (`<script>`, `<style>`, `<noscript>`,
//! `<template>`, `<iframe>`, any case) blank everything up to their closing tag, even
//! across blank lines; one that is never closed blanks to the end of its block. The
//! closing tag is looked for once per element, and a search that failed is not
//! repeated, so the pass stays linear on hostile input.

use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::boilerplate::{Furniture, classify};
use super::html_page::find_end_tag;
use super::{Block, BlockKind};

/// What the layout of a Markdown body says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct MarkdownLayout {
    pub prose: String,
    pub blocks: Vec<Block>,
    /// The text of a leading `# Title`, when it was taken as the title.
    pub headline: Option<String>,
    /// The author named by a leading "By ..." paragraph.
    pub byline: Option<String>,
    /// The date of a leading dateline or date paragraph ("Published May 2, 2026").
    pub dateline: Option<jiff::civil::Date>,
}

/// A block-level element collecting the range of the text directly inside it.
struct Host {
    kind: BlockKind,
    level: u8,
    /// Tables, code and HTML blocks take in everything nested in them.
    absorbing: bool,
    nested: usize,
    run: Option<Range<usize>>,
}

/// HTML elements whose content is never prose.
const RAW_ELEMENTS: [&str; 5] = ["script", "style", "noscript", "template", "iframe"];

struct Builder<'t> {
    text: &'t str,
    prose: Vec<u8>,
    stack: Vec<Host>,
    /// (block, heading level or 0)
    blocks: Vec<(Block, u8)>,
    in_image: usize,
    /// Text before this offset is inside a raw element (see the module docs).
    raw_until: usize,
    /// The stack depth of the block holding a raw element that is never closed.
    raw_open_in: Option<usize>,
    /// Per raw element, an offset after which its closing tag is known to be missing.
    no_close_after: [usize; RAW_ELEMENTS.len()],
}

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// Lays out a Markdown body. `known_title` (front matter) decides whether a leading
/// `# Heading` is the title (equal, or no known title) or a subheading.
pub(crate) fn layout(text: &str, known_title: Option<&str>) -> MarkdownLayout {
    let mut b = Builder {
        text,
        prose: text
            .bytes()
            .map(|c| if c == b'\n' || c == b'\r' { c } else { b' ' })
            .collect(),
        stack: Vec::new(),
        blocks: Vec::new(),
        in_image: 0,
        raw_until: 0,
        raw_open_in: None,
        no_close_after: [usize::MAX; RAW_ELEMENTS.len()],
    };
    for (event, range) in Parser::new_ext(text, options()).into_offset_iter() {
        b.event(event, range);
    }
    while let Some(host) = b.stack.pop() {
        b.close(host);
    }
    let prose = String::from_utf8(b.prose).unwrap_or_else(|_| text.to_string());
    let mut blocks = b.blocks;
    blocks.sort_by_key(|(block, _)| block.start);
    finish(prose, blocks, known_title)
}

impl Builder<'_> {
    fn event(&mut self, event: Event, range: Range<usize>) {
        match event {
            Event::Start(tag) => self.start(&tag, range),
            Event::End(tag) => self.end(tag),
            Event::Text(shown)
            | Event::Code(shown)
            | Event::InlineMath(shown)
            | Event::DisplayMath(shown) => {
                if self.in_image == 0 && range.start >= self.raw_until {
                    self.copy(&shown, range.clone());
                }
                self.extend(range);
            }
            Event::Html(_) | Event::InlineHtml(_) => {
                self.open_raw_elements(range.clone());
                self.extend(range);
            }
            _ => {}
        }
    }

    fn start(&mut self, tag: &Tag, range: Range<usize>) {
        if let Some(top) = self.stack.last_mut()
            && top.absorbing
        {
            top.nested += 1;
            return;
        }
        let (kind, level, absorbing) = match tag {
            Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript
            | Tag::Link { .. } => {
                return self.extend(range);
            }
            Tag::Image { .. } => {
                self.in_image += 1;
                return self.extend(range);
            }
            Tag::Heading { level, .. } => (BlockKind::Heading, *level as u8, false),
            Tag::CodeBlock(_) | Tag::HtmlBlock | Tag::Table(_) | Tag::FootnoteDefinition(_) => {
                (BlockKind::Boilerplate, 0, true)
            }
            Tag::MetadataBlock(_) => (BlockKind::Boilerplate, 0, true),
            _ => (BlockKind::Paragraph, 0, false),
        };
        if let Some(parent) = self.stack.last_mut()
            && let Some(run) = parent.run.take()
        {
            let (kind, level) = (parent.kind, parent.level);
            self.blocks.push((
                Block {
                    start: run.start,
                    end: run.end,
                    kind,
                },
                level,
            ));
        }
        self.stack.push(Host {
            kind,
            level,
            absorbing,
            nested: 0,
            run: None,
        });
    }

    fn end(&mut self, tag: TagEnd) {
        if let Some(top) = self.stack.last_mut()
            && top.absorbing
            && top.nested > 0
        {
            top.nested -= 1;
            return;
        }
        match tag {
            TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript => {}
            TagEnd::Link => {}
            TagEnd::Image => self.in_image = self.in_image.saturating_sub(1),
            _ => {
                if let Some(host) = self.stack.pop() {
                    self.close(host);
                }
            }
        }
    }

    fn close(&mut self, host: Host) {
        if self
            .raw_open_in
            .is_some_and(|depth| self.stack.len() < depth)
        {
            self.raw_open_in = None;
            self.raw_until = 0;
        }
        if let Some(run) = host.run {
            self.blocks.push((
                Block {
                    start: run.start,
                    end: run.end,
                    kind: host.kind,
                },
                host.level,
            ));
        }
    }

    fn extend(&mut self, range: Range<usize>) {
        let Some(host) = self.stack.last_mut() else {
            return;
        };
        host.run = Some(match host.run.take() {
            Some(run) => run.start.min(range.start)..run.end.max(range.end),
            None => range,
        });
    }

    /// Finds raw elements opened in an HTML event and moves `raw_until` past their end.
    fn open_raw_elements(&mut self, range: Range<usize>) {
        let mut at = range.start.max(self.raw_until);
        while at < range.end {
            let Some((open, index)) = raw_open_tag(self.text, at, range.end) else {
                return;
            };
            let name = RAW_ELEMENTS[index];
            let after = open + 1 + name.len();
            let close = match after < self.no_close_after[index] {
                true => after + find_end_tag(&self.text[after..], name),
                false => self.text.len(),
            };
            if close >= self.text.len() {
                self.no_close_after[index] = self.no_close_after[index].min(after);
                self.raw_until = usize::MAX;
                self.raw_open_in = Some(self.stack.len());
                return;
            }
            let end = self.text[close..]
                .find('>')
                .map_or(self.text.len(), |i| close + i + 1);
            self.raw_until = end;
            at = end;
        }
    }

    /// Copies the readable text of an event into `prose`, at its place in the source.
    fn copy(&mut self, shown: &str, range: Range<usize>) {
        let Some(source) = self.text.get(range.clone()) else {
            return;
        };
        let at = match source.find(shown) {
            Some(i) => range.start + i,
            // An entity or escape decoded to something shorter: write it at the start.
            None if shown.len() <= source.len() => range.start,
            None => return,
        };
        self.prose[at..at + shown.len()].copy_from_slice(shown.as_bytes());
    }
}

/// The first opening tag of a raw element in `text[from..to]`: its offset and which one.
fn raw_open_tag(text: &str, from: usize, to: usize) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut at = from;
    while let Some(p) = bytes.get(at..to)?.iter().position(|&b| b == b'<') {
        let lt = at + p;
        let found = RAW_ELEMENTS.iter().position(|name| {
            let end = lt + 1 + name.len();
            let named = bytes
                .get(lt + 1..end)
                .is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()));
            let delimited = bytes
                .get(end)
                .is_none_or(|b| b.is_ascii_whitespace() || *b == b'>' || *b == b'/');
            named && delimited
        });
        if let Some(index) = found {
            return Some((lt, index));
        }
        at = lt + 1;
    }
    None
}

/// Trims blocks to their readable text, drops empty ones and marks title, byline and boilerplate.
fn finish(prose: String, raw: Vec<(Block, u8)>, known_title: Option<&str>) -> MarkdownLayout {
    let mut out = MarkdownLayout {
        prose,
        blocks: Vec::new(),
        headline: None,
        byline: None,
        dateline: None,
    };
    for (mut block, level) in raw {
        let Some(slice) = out.prose.get(block.start..block.end) else {
            continue;
        };
        let readable = slice.trim();
        if readable.is_empty() && block.kind != BlockKind::Boilerplate {
            continue;
        }
        if !readable.is_empty() {
            let lead = slice.len() - slice.trim_start().len();
            block.end = block.start + lead + readable.len();
            block.start += lead;
        }
        let first = out.blocks.is_empty();
        let flat = readable.split_whitespace().collect::<Vec<_>>().join(" ");
        if first && level == 1 && known_title.is_none_or(|t| t.trim().eq_ignore_ascii_case(&flat)) {
            block.kind = BlockKind::Title;
            out.headline = Some(flat);
        } else if block.kind == BlockKind::Paragraph {
            block.kind = paragraph_kind(&flat, out.blocks.len() < 4, &mut out);
        }
        out.blocks.push(block);
    }
    out
}

/// The kind of a paragraph by the plain-text rules, recording a leading byline or date.
fn paragraph_kind(flat: &str, near_top: bool, out: &mut MarkdownLayout) -> BlockKind {
    match classify(flat, near_top) {
        None => BlockKind::Paragraph,
        Some(Furniture::Byline(name)) if out.byline.is_none() => {
            out.byline = Some(name);
            BlockKind::Boilerplate
        }
        Some(Furniture::Byline(_)) => BlockKind::Paragraph,
        Some(Furniture::Dateline(date)) => {
            out.dateline.get_or_insert(date);
            BlockKind::Heading
        }
        Some(Furniture::Published(date)) => {
            out.dateline.get_or_insert(date);
            BlockKind::Boilerplate
        }
        Some(Furniture::Other) => BlockKind::Boilerplate,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use BlockKind::{Boilerplate as B, Heading as H, Paragraph as P, Title as T};

    fn prose(text: &str) -> String {
        layout(text, None).prose
    }

    #[test]
    fn markup_is_blanked_and_offsets_are_kept() {
        let cases = [
            ("Plain words.", "Plain words."),
            (
                "Some *emphasis* and **strong**.",
                "Some  emphasis  and   strong  .",
            ),
            (
                "A [link](https://x.org/a) here.",
                "A  link                   here.",
            ),
            (
                "An ![alt text](i.png) image.",
                "An                    image.",
            ),
            ("# Heading", "  Heading"),
            ("Setext\n======", "Setext\n      "),
            ("- one\n- two", "  one\n  two"),
            ("> quoted", "  quoted"),
            ("Inline <b>html</b> tag.", "Inline    html     tag."),
            ("Code `x + 1` span.", "Code  x + 1  span."),
            ("```\nlet x;\n```", "   \nlet x;\n   "),
            ("Tom \\& Jerry", "Tom  & Jerry"),
            ("Fish &amp; chips", "Fish &     chips"),
            ("Zoë *ß* 東京", "Zoë  ß  東京"),
            ("Line one\r\nline two", "Line one\r\nline two"),
            (
                "[ref]\n\n[ref]: https://x.org",
                " ref \n\n                    ",
            ),
        ];
        for (text, want) in cases {
            let got = prose(text);
            assert_eq!(got, want, "{text:?}");
            assert_eq!(got.len(), text.len());
        }
    }

    #[test]
    fn script_style_and_other_raw_elements_are_blanked_with_their_content() {
        let cases = [
            (
                "The council voted on Thursday. <script>alert('body')</script>",
                "The council voted on Thursday.",
            ),
            (
                "Text <SCRIPT type=\"x\">alert(1)</Script > more.",
                "Text more.",
            ),
            ("<style>p { color: red }</style>\n\nText.", "Text."),
            (
                "<noscript>\n\nEnable JavaScript.\n\n</noscript>\n\nText.",
                "Text.",
            ),
            (
                "Before <script>alert(1)\nstill code\n\nAfter.",
                "Before After.",
            ),
            ("<div>\n<script>\nx()\n\nAfter.", "After."),
            ("<template><p>Hidden</p></template> Shown.", "Shown."),
            (
                "Watch: <iframe src=\"x\">Fallback text</iframe> Shown.",
                "Watch: Shown.",
            ),
            ("<Noscript>a</noscript> b <noscript>c</noscript> d", "b d"),
            (
                "Code `<script>` stays and so does this.",
                "Code <script> stays and so does this.",
            ),
            ("<scripted>kept</scripted> words.", "kept words."),
        ];
        for (text, want) in cases {
            let got = prose(text);
            assert_eq!(got.len(), text.len(), "{text:?}");
            let words = got.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(words, want, "{text:?}");
        }
    }

    fn blocks(text: &str, title: Option<&str>) -> Vec<(BlockKind, String)> {
        let l = layout(text, title);
        l.blocks
            .iter()
            .map(|b| (b.kind, l.prose[b.start..b.end].to_string()))
            .collect()
    }

    #[test]
    fn blocks_are_paragraphs_headings_and_boilerplate() {
        let text = "# Talks stall\n\nBy Jane Doe\n\nMinisters *met*.\n\n## What next\n\n- First item\n- Second item\n  - Nested\n\n\
                    > Quoted words.\n\n```\ncode\n```\n\n<div>raw</div>\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n\
                    Read more: [Other story](https://x.org)\n";
        let want = [
            (T, "Talks stall"),
            (B, "By Jane Doe"),
            (P, "Ministers  met"),
            (H, "What next"),
            (P, "First item"),
            (P, "Second item"),
            (P, "Nested"),
            (P, "Quoted words."),
            (B, "code"),
            (B, ""),
            (B, "a   b"),
            (B, "Read more:  Other story"),
        ];
        let got = blocks(text, None);
        let got: Vec<(BlockKind, &str)> = got.iter().map(|(k, s)| (*k, s.trim())).collect();
        let want: Vec<(BlockKind, &str)> = want.to_vec();
        assert_eq!(got.len(), want.len(), "{got:#?}");
        for ((gk, gs), (wk, ws)) in got.iter().zip(&want) {
            assert_eq!(gk, wk, "{gs:?}");
            if !ws.is_empty() {
                assert!(gs.starts_with(ws), "{gs:?} vs {ws:?}");
            }
        }
    }

    #[test]
    fn leading_bylines_and_date_lines_are_furniture() {
        let text = "# Budget\n\nBy *Tom Reyes* · February 10, 2026\n\nPublished February 10, 2026\n\nThe council voted.";
        let got: Vec<BlockKind> = blocks(text, None).into_iter().map(|(k, _)| k).collect();
        assert_eq!(got, [T, B, B, P]);
        let l = layout(text, None);
        assert_eq!(l.byline.as_deref(), Some("Tom Reyes"));
        assert_eq!(l.dateline, Some(jiff::civil::date(2026, 2, 10)));
    }

    #[test]
    fn a_leading_h1_is_the_title_only_when_it_matches() {
        let text = "# Talks stall\n\nBody.";
        assert_eq!(blocks(text, None)[0].0, T);
        assert_eq!(blocks(text, Some("talks stall"))[0].0, T);
        assert_eq!(blocks(text, Some("Something else"))[0].0, H);
        assert_eq!(blocks("## Talks stall\n\nBody.", None)[0].0, H);
        assert_eq!(layout(text, None).headline.as_deref(), Some("Talks stall"));
    }

    #[test]
    fn blocks_are_ordered_disjoint_and_on_char_boundaries() {
        let text = "- a\n  1. b\n     > c *d*\n  2. e\n- f\n\n[^1]: note\n\nText[^1] é.";
        let l = layout(text, None);
        let mut end = 0;
        for b in &l.blocks {
            assert!(
                b.start >= end && b.start <= b.end && b.end <= text.len(),
                "{:?}",
                l.blocks
            );
            assert!(text.is_char_boundary(b.start) && text.is_char_boundary(b.end));
            end = b.end;
        }
    }
}
