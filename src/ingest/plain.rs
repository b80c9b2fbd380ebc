//! The layout of a plain-text body: its text in, [`Block`]s (headline, subheadings,
//! paragraphs, boilerplate) and what the layout says about the article (headline,
//! byline, a wire dateline's date) out.
//!
//! Paragraphs are runs of non-blank lines. Inside a run, each line is first checked on
//! its own (the headline on the very first line, then [`super::boilerplate::classify`]:
//! "(Image: AP)", "Advertisement", a leading byline, dateline or date line); the
//! remaining lines form paragraphs. A run
//! whose lines all fit a hard-wrap width is one paragraph; a run of long lines is text
//! with one paragraph (or sentence) per line, as scrapers write it, and each line is a
//! block. A line is a subheading when it is short, unpunctuated and stands out from its
//! neighbours (see [`super::headline`]).

use jiff::civil::Date;

use super::boilerplate::{Furniture, classify, dateline_date};
use super::headline::{all_caps, headline_title, is_heading, is_headline};
use super::{Block, BlockKind};

/// Lines longer than this are not hard-wrapped prose.
const WRAP_WIDTH: usize = 100;
/// Bylines are looked for among this many first lines.
const BYLINE_LINES: usize = 4;

/// What the layout of a plain-text body says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct PlainLayout {
    pub blocks: Vec<Block>,
    /// The headline written on the first line, if there is one.
    pub headline: Option<String>,
    /// The author named by a leading "By ..." line.
    pub byline: Option<String>,
    /// The date of a wire-style dateline ("LONDON 1996-08-30") or of a date line
    /// ("Published February 10, 2026") near the top.
    pub dateline: Option<Date>,
}

#[derive(Debug, Clone, Copy)]
struct Line<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

impl Line<'_> {
    fn chars(&self) -> usize {
        self.text.trim().chars().count()
    }
}

/// Lays out `text`. `known_title` (from front matter) marks a first line that repeats it.
pub(crate) fn layout(text: &str, known_title: Option<&str>) -> PlainLayout {
    let mut out = PlainLayout::default();
    let mut line_index = 0;
    for group in groups(text) {
        let mut run: Vec<Line> = Vec::new();
        for (i, line) in group.iter().enumerate() {
            let next = group.get(i + 1).map(|l| l.text);
            let first = line_index == 0;
            line_index += 1;
            if first && is_title_line(line, next, &group, known_title) {
                out.headline = Some(headline_title(line.text));
                out.blocks.push(block(line, BlockKind::Title));
                continue;
            }
            let near_top = line_index <= BYLINE_LINES;
            match furniture_kind(line.text, near_top, &mut out) {
                Some(kind) => {
                    flush(&mut run, &mut out.blocks);
                    out.blocks.push(block(line, kind));
                }
                None => run.push(*line),
            }
        }
        flush(&mut run, &mut out.blocks);
    }
    out
}

/// The kind of a line that is not prose, recording what it says (the first dateline or
/// date line, the first byline) in `out`. A wire dateline stays a heading: its place is
/// worth analysing.
fn furniture_kind(line: &str, near_top: bool, out: &mut PlainLayout) -> Option<BlockKind> {
    match classify(line, near_top)? {
        Furniture::Dateline(date) if out.dateline.is_none() => {
            out.dateline = Some(date);
            Some(BlockKind::Heading)
        }
        Furniture::Published(date) => {
            out.dateline.get_or_insert(date);
            Some(BlockKind::Boilerplate)
        }
        Furniture::Byline(name) if out.byline.is_none() => {
            out.byline = Some(name);
            Some(BlockKind::Boilerplate)
        }
        Furniture::Other if starts_uppercase(line) => Some(BlockKind::Boilerplate),
        _ => None,
    }
}

fn block(line: &Line, kind: BlockKind) -> Block {
    Block {
        start: line.start,
        end: line.end,
        kind,
    }
}

fn starts_uppercase(s: &str) -> bool {
    s.trim_start()
        .chars()
        .next()
        .is_some_and(|c| !c.is_lowercase())
}

/// The first line is the title line when it looks like a headline or repeats the known title.
fn is_title_line(
    line: &Line,
    next: Option<&str>,
    group: &[Line],
    known_title: Option<&str>,
) -> bool {
    let repeats = known_title.is_some_and(|t| normalise(t) == normalise(line.text));
    if repeats {
        return true;
    }
    let plausible = classify(line.text, true).is_none();
    // A wire headline keeps its final period; the dateline under it gives it away.
    if plausible && next.is_some_and(|n| dateline_date(n).is_some()) {
        return is_heading(line.text.trim_end_matches('.'));
    }
    let apart = match next {
        None => true,
        Some(next) => {
            let next_is_not_prose = classify(next, true).is_some();
            all_caps(line.text) || next_is_not_prose || stands_out(line, group)
        }
    };
    plausible && apart && is_headline(line.text, next)
}

fn normalise(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_end_matches('.')
        .to_lowercase()
}

/// Whether a line is clearly shorter than the other lines of its paragraph, so it is not
/// just the first line of a hard-wrapped paragraph.
fn stands_out(line: &Line, group: &[Line]) -> bool {
    let longest = group
        .iter()
        .filter(|l| l.start != line.start)
        .map(Line::chars)
        .max()
        .unwrap_or(0);
    line.chars() * 4 < longest * 3
}

/// Turns a run of prose lines into paragraph and heading blocks.
fn flush(run: &mut Vec<Line>, blocks: &mut Vec<Block>) {
    let lines = std::mem::take(run);
    match lines.as_slice() {
        [] => {}
        [only] => {
            let kind = if is_heading(only.text) {
                BlockKind::Heading
            } else {
                BlockKind::Paragraph
            };
            blocks.push(block(only, kind));
        }
        [first, rest @ ..] if lines.iter().all(|l| l.chars() <= WRAP_WIDTH) => {
            let heading = is_heading(first.text)
                && starts_uppercase(rest[0].text)
                && stands_out(first, &lines);
            if heading {
                blocks.push(block(first, BlockKind::Heading));
            }
            let from = if heading { rest[0].start } else { first.start };
            let last = rest.last().map_or(first.end, |l| l.end);
            blocks.push(Block {
                start: from,
                end: last,
                kind: BlockKind::Paragraph,
            });
        }
        _ => {
            for (i, line) in lines.iter().enumerate() {
                let next_starts = lines.get(i + 1).is_none_or(|n| starts_uppercase(n.text));
                let kind = if next_starts && is_heading(line.text) {
                    BlockKind::Heading
                } else {
                    BlockKind::Paragraph
                };
                blocks.push(block(line, kind));
            }
        }
    }
}

/// Runs of non-blank lines; each line's range excludes its line ending.
fn groups(text: &str) -> Vec<Vec<Line<'_>>> {
    let mut groups = Vec::new();
    let mut current: Vec<Line> = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let rest = &text[start..];
        let (raw, advance) = match rest.find('\n') {
            Some(i) => (&rest[..i], i + 1),
            None => (rest, rest.len()),
        };
        let content = raw.trim_end();
        let lead = content.len() - content.trim_start().len();
        if content.trim().is_empty() {
            if !current.is_empty() {
                groups.push(std::mem::take(&mut current));
            }
        } else {
            let s = start + lead;
            current.push(Line {
                start: s,
                end: start + content.len(),
                text: &content[lead..],
            });
        }
        start += advance;
    }
    if !current.is_empty() {
        groups.push(current);
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;
    use BlockKind::{Boilerplate as B, Heading as H, Paragraph as P, Title as T};

    fn blocks(text: &str) -> Vec<(BlockKind, &str)> {
        layout(text, None)
            .blocks
            .iter()
            .map(|b| (b.kind, &text[b.start..b.end]))
            .collect()
    }

    #[test]
    fn blocks_follow_the_layout_of_the_text() {
        let cases: [(&str, &[(BlockKind, &str)]); 12] = [
            (
                "Talks stall in Geneva\n\nMinisters met on Friday. They left.\n",
                &[
                    (T, "Talks stall in Geneva"),
                    (P, "Ministers met on Friday. They left."),
                ],
            ),
            (
                "Talks stall in Geneva\nMinisters met on Friday and talked for hours before leaving again.\n",
                &[
                    (T, "Talks stall in Geneva"),
                    (
                        P,
                        "Ministers met on Friday and talked for hours before leaving again.",
                    ),
                ],
            ),
            (
                "Ministers met on Friday in Geneva\nand talked for hours.\n",
                &[(
                    P,
                    "Ministers met on Friday in Geneva\nand talked for hours.",
                )],
            ),
            (
                "The ministers of both countries met\nin Geneva on Friday and talked for\nhours before they left the city.\n",
                &[(
                    P,
                    "The ministers of both countries met\nin Geneva on Friday and talked for\nhours before they left the city.",
                )],
            ),
            (
                "Ministers met on Friday.\n\nWhat comes next\n\nNobody knows.\n",
                &[
                    (P, "Ministers met on Friday."),
                    (H, "What comes next"),
                    (P, "Nobody knows."),
                ],
            ),
            (
                "Ministers met on Friday.\n\n(Image: AP)\n",
                &[(P, "Ministers met on Friday."), (B, "(Image: AP)")],
            ),
            (
                "Ministers met on Friday.\nPhoto: Reuters\n\nAdvertisement\n\nRead more: Talks stall\n",
                &[
                    (P, "Ministers met on Friday."),
                    (B, "Photo: Reuters"),
                    (B, "Advertisement"),
                    (B, "Read more: Talks stall"),
                ],
            ),
            (
                "Talks stall\n\nBy Jane Doe\n\nMinisters met on Friday.\n",
                &[
                    (T, "Talks stall"),
                    (B, "By Jane Doe"),
                    (P, "Ministers met on Friday."),
                ],
            ),
            (
                "  Indented line that is a sentence.  \r\n\r\n\tSecond one, also a sentence.\r\n",
                &[
                    (P, "Indented line that is a sentence."),
                    (P, "Second one, also a sentence."),
                ],
            ),
            (
                "CRICKET - LEICESTERSHIRE WIN BY AN INNINGS.\nLONDON 1996-08-30\nThe home side took the last four wickets in the first hour of play on the final morning of the match.\nIt was short.\n",
                &[
                    (T, "CRICKET - LEICESTERSHIRE WIN BY AN INNINGS."),
                    (H, "LONDON 1996-08-30"),
                    (
                        P,
                        "The home side took the last four wickets in the first hour of play on the final morning of the match.",
                    ),
                    (P, "It was short."),
                ],
            ),
            ("", &[]),
            ("\n\n  \n", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(blocks(text), want, "{text:?}");
        }
    }

    #[test]
    fn layout_reports_headline_byline_and_dateline() {
        let l = layout(
            "CRICKET - TALKS STALL.\nLONDON 1996-08-30\nBy Jane Doe\nPlay resumed.\n",
            None,
        );
        assert_eq!(l.headline.as_deref(), Some("CRICKET - TALKS STALL"));
        assert_eq!(l.byline.as_deref(), Some("Jane Doe"));
        assert_eq!(l.dateline, Some(jiff::civil::date(1996, 8, 30)));
        let l = layout(
            "Ministers met on Friday in Geneva for talks that lasted well into the night, officials said.\n",
            None,
        );
        assert_eq!((l.headline, l.byline, l.dateline), (None, None, None));
    }

    #[test]
    fn date_lines_under_the_headline_are_furniture_and_give_the_date() {
        let feb3 = Some(jiff::civil::date(2026, 2, 3));
        type Case<'a> = (&'a str, &'a [(BlockKind, &'a str)], Option<Date>);
        let cases: [Case; 3] = [
            (
                "Council budget approved\nFebruary 3, 2026\n\nThe council voted on Tuesday.\n",
                &[
                    (T, "Council budget approved"),
                    (B, "February 3, 2026"),
                    (P, "The council voted on Tuesday."),
                ],
                feb3,
            ),
            (
                "Council budget approved\n\nBy Tom Reyes · Published Feb. 3, 2026\n\nUpdated: Feb 4, 2026\n\nThe council voted.\n",
                &[
                    (T, "Council budget approved"),
                    (B, "By Tom Reyes · Published Feb. 3, 2026"),
                    (B, "Updated: Feb 4, 2026"),
                    (P, "The council voted."),
                ],
                None,
            ),
            (
                "The council voted.\n\nPublished: 3 February 2026\n",
                &[(P, "The council voted."), (B, "Published: 3 February 2026")],
                feb3,
            ),
        ];
        for (text, want, date) in cases {
            assert_eq!(blocks(text), want, "{text:?}");
            assert_eq!(layout(text, None).dateline, date, "{text:?}");
        }
    }

    #[test]
    fn a_first_line_repeating_the_known_title_is_the_title() {
        let text = "Talks stall in Geneva.\n\nMinisters met.";
        let got = layout(text, Some("Talks stall in Geneva"));
        assert_eq!(got.blocks[0].kind, T);
        assert_eq!(layout(text, None).blocks[0].kind, P);
    }
}
