//! Front matter: the file's text in, the metadata and the byte offset and line where
//! the body starts out.
//!
//! A YAML block is fenced by `---` lines (closed by `---` or `...`), a TOML block by
//! `+++` lines. Splitting is done here by hand (a line scan); parsing is serde-saphyr's
//! (with `strict_booleans` and a tight budget, so `draft: no` is an error instead of a
//! silent `false` and an alias bomb fails in microseconds) or `toml`'s. Both parsers
//! report positions relative to the block; errors are mapped back to file lines and
//! shown with the offending line. Keys that scrapers use for the same thing
//! (`published`, `link`, `byline`, `keywords`, ...) are read as aliases, the canonical
//! key winning when both are present; other unknown keys are ignored, except that a key
//! that looks like a typo of a known one (`tgas`, `titel`) gives a warning (see
//! [`super::keys`]).

use std::path::Path;

use jiff::civil::Date;
use serde::Deserialize;

use super::IngestError;
use super::dates::{DATE_HINT, impossible_date};
use super::errors::{at_offset, invalid};
use super::fields::{DateValue, Names, Text};
use super::keys::{block_keys, field_names, typo_warnings};
use crate::diagnostics::{Location, Warning, line_column};

/// The metadata read from a front matter block, with aliases resolved.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct FrontMatter {
    pub title: Option<String>,
    pub published: Option<Date>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub author: Option<String>,
    pub tags: Vec<String>,
    /// The language the user says the article is in (`language`, `lang`), as written.
    pub language: Option<String>,
    pub draft: bool,
    pub slug: Option<String>,
}

/// The file split into front matter and body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Split {
    pub front: FrontMatter,
    /// Byte offset of the body in the text.
    pub body_start: usize,
    /// 1-based line of the body.
    pub body_line: usize,
    /// Keys that look like typos of known keys.
    pub warnings: Vec<Warning>,
    /// Where the `slug:` key is, when there is one.
    pub slug_at: Option<Location>,
}

/// The kind of front matter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fence {
    Yaml,
    Toml,
}

impl Fence {
    fn marker(self) -> &'static str {
        match self {
            Fence::Yaml => "---",
            Fence::Toml => "+++",
        }
    }
}

/// Splits `text` (BOM already removed) and parses its front matter, if any.
pub(crate) fn split(display: &Path, text: &str) -> Result<Split, IngestError> {
    let Some(block) = find(display, text)? else {
        return Ok(no_front_matter());
    };
    let front = parse_block(display, text, &block)?;
    let keys = block_keys(text, &block);
    let slug_at = keys.iter().find(|k| k.name == "slug").map(|k| {
        let (line, column) = line_column(text, k.offset);
        Location::at(display, line, column)
    });
    Ok(Split {
        front,
        body_start: block.body_start,
        body_line: block.body_line,
        warnings: typo_warnings(display, text, &keys, field_names::<RawFront>()),
        slug_at,
    })
}

/// A front matter block found at the top of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Block {
    /// `---` (YAML) or `+++` (TOML).
    pub fence: Fence,
    /// Byte range of the block's content (between the fences).
    pub start: usize,
    pub end: usize,
    /// Byte offset and 1-based line of the body after the closing fence.
    pub body_start: usize,
    pub body_line: usize,
}

/// Finds the front matter block at the top of `text`: `None` if the text has none, an
/// error naming line 1 if its fence is never closed.
pub fn find(display: &Path, text: &str) -> Result<Option<Block>, IngestError> {
    let mut lines = LineIter { text, pos: 0 };
    let Some((_, first)) = lines.next() else {
        return Ok(None);
    };
    let fence = match first.trim_end() {
        "---" => Fence::Yaml,
        "+++" => Fence::Toml,
        _ => return Ok(None),
    };
    let start = lines.pos;
    let mut line_no = 1;
    while let Some((end, line)) = lines.next() {
        line_no += 1;
        let closes = match fence {
            Fence::Yaml => matches!(line.trim_end(), "---" | "..."),
            Fence::Toml => line.trim_end() == "+++",
        };
        if closes {
            return Ok(Some(Block {
                fence,
                start,
                end,
                body_start: lines.pos,
                body_line: line_no + 1,
            }));
        }
    }
    let marker = fence.marker();
    Err(invalid(
        Location::at(display, 1, 1),
        format!("the front matter opened by `{marker}` on line 1 is never closed"),
        format!(
            "add a line with only `{marker}` after the front matter, or remove the first line if the file has none"
        ),
    ))
}

/// Parses a block found by [`find`] into `T`, with the same limits and error positions
/// as article front matter. `hint` says what to do when it fails.
pub fn parse_typed<T: serde::de::DeserializeOwned + Default>(
    display: &Path,
    text: &str,
    block: &Block,
    hint: &str,
) -> Result<T, IngestError> {
    let content = &text[block.start..block.end];
    let parsed = match block.fence {
        Fence::Yaml => parse_yaml::<T>(content),
        Fence::Toml => parse_toml::<T>(content),
    };
    parsed.map_err(|e| {
        at_offset(
            display,
            text,
            block.start + e.offset,
            format!("front matter: {}", e.message),
            hint,
        )
    })
}

fn no_front_matter() -> Split {
    Split {
        front: FrontMatter::default(),
        body_start: 0,
        body_line: 1,
        warnings: Vec::new(),
        slug_at: None,
    }
}

/// Lines with their start offsets; each line excludes its `\n` (and `\r`).
struct LineIter<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Iterator for LineIter<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<(usize, &'a str)> {
        if self.pos >= self.text.len() {
            return None;
        }
        let start = self.pos;
        let rest = &self.text[start..];
        let (line, advance) = match rest.find('\n') {
            Some(i) => (&rest[..i], i + 1),
            None => (rest, rest.len()),
        };
        self.pos += advance;
        Some((start, line.strip_suffix('\r').unwrap_or(line)))
    }
}

/// Every key we read. Aliases are separate fields so a file with both `date` and
/// `published` is not an error; the canonical key wins.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct RawFront {
    title: Option<Text>,
    date: Option<DateValue>,
    published: Option<DateValue>,
    pubdate: Option<DateValue>,
    date_published: Option<DateValue>,
    source: Option<Text>,
    publication: Option<Text>,
    site: Option<Text>,
    url: Option<Text>,
    link: Option<Text>,
    canonical: Option<Text>,
    author: Option<Names>,
    byline: Option<Names>,
    authors: Option<Names>,
    tags: Option<Names>,
    keywords: Option<Names>,
    categories: Option<Names>,
    language: Option<Text>,
    lang: Option<Text>,
    draft: Option<bool>,
    slug: Option<Text>,
}

impl RawFront {
    fn resolve(self) -> FrontMatter {
        let text = |v: Option<Text>| v.map(|t| t.0).filter(|s| !s.is_empty());
        let names = |v: Option<Names>| v.map(|n| n.0).filter(|n| !n.is_empty());
        let mut tags: Vec<String> = Vec::new();
        for list in [self.tags, self.keywords, self.categories]
            .into_iter()
            .flatten()
        {
            for tag in list.0 {
                if !tags.iter().any(|t| t.eq_ignore_ascii_case(&tag)) {
                    tags.push(tag);
                }
            }
        }
        FrontMatter {
            title: text(self.title),
            published: [self.date, self.published, self.pubdate, self.date_published]
                .into_iter()
                .find_map(|d| d.and_then(|d| d.0)),
            source: text(self.source)
                .or(text(self.publication))
                .or(text(self.site)),
            url: text(self.url).or(text(self.link)).or(text(self.canonical)),
            author: names(self.author)
                .or(names(self.byline))
                .or(names(self.authors))
                .map(|n| n.join(", ")),
            tags,
            language: text(self.language).or(text(self.lang)),
            draft: self.draft.unwrap_or(false),
            slug: text(self.slug),
        }
    }
}

/// A parse failure at a byte offset of the block.
struct BlockError {
    offset: usize,
    message: String,
}

fn parse_block(display: &Path, text: &str, block: &Block) -> Result<FrontMatter, IngestError> {
    let content = &text[block.start..block.end];
    let parsed = match block.fence {
        Fence::Yaml => parse_yaml::<RawFront>(content),
        Fence::Toml => parse_toml::<RawFront>(content),
    };
    parsed.map(RawFront::resolve).map_err(|mut e| {
        let what = if block.fence == Fence::Yaml {
            "YAML"
        } else {
            "TOML"
        };
        // `toml` reads bare dates itself and says "invalid date, expected month between
        // 01 and 12"; say it the way every other impossible date is said.
        if let Some(plain) = text.get(block.start + e.offset..).and_then(impossible_date) {
            e.message = plain;
        }
        let hint = if e.message.contains("not a date") || e.message.contains("invalid date") {
            DATE_HINT.to_string()
        } else {
            format!(
                "fix the {what} front matter between the `{}` lines",
                block.fence.marker()
            )
        };
        at_offset(
            display,
            text,
            block.start + e.offset,
            format!("front matter: {}", e.message),
            hint,
        )
    })
}

pub(super) fn yaml_options() -> serde_saphyr::Options {
    serde_saphyr::options! {
        strict_booleans: true,
        budget: serde_saphyr::budget! {
            max_events: 20_000,
            max_aliases: 100,
            max_anchors: 100,
            max_depth: 32,
            max_nodes: 10_000,
            max_total_scalar_bytes: 1024 * 1024,
            max_documents: 1,
        },
        alias_limits: serde_saphyr::alias_limits! {
            max_total_replayed_events: 10_000,
            max_replay_stack_depth: 16,
        },
    }
}

fn parse_yaml<T: serde::de::DeserializeOwned + Default>(block: &str) -> Result<T, BlockError> {
    let parsed: Result<Option<T>, _> = serde_saphyr::from_str_with_options(block, yaml_options());
    match parsed {
        Ok(front) => Ok(front.unwrap_or_default()),
        Err(e) => {
            let plain = serde_saphyr::render_options! { snippets: serde_saphyr::SnippetMode::Off };
            let mut message = e.render_with_options(plain);
            if let Some(i) = message.rfind(" at line ") {
                message.truncate(i);
            }
            if message.contains("expected mapping") {
                message = format!("{message}: front matter must be `key: value` lines");
            }
            let offset = e
                .location()
                .map_or(0, |l| offset_of(block, l.line(), l.column()));
            Err(BlockError { offset, message })
        }
    }
}

fn parse_toml<T: serde::de::DeserializeOwned>(block: &str) -> Result<T, BlockError> {
    toml::from_str(block).map_err(|e| BlockError {
        offset: e.span().map_or(0, |s| s.start),
        message: e.message().trim().to_string(),
    })
}

/// Byte offset of 1-based `line` and character `column` in `text`, clamped to the text.
pub(super) fn offset_of(text: &str, line: u64, column: u64) -> usize {
    let mut offset = 0;
    for _ in 1..line {
        match text[offset..].find('\n') {
            Some(i) => offset += i + 1,
            None => return text.len(),
        }
    }
    let line_end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
    let skip = usize::try_from(column.saturating_sub(1)).unwrap_or(usize::MAX);
    text[offset..line_end]
        .char_indices()
        .nth(skip)
        .map_or(line_end, |(i, _)| offset + i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn front(text: &str) -> FrontMatter {
        split(Path::new("a.md"), text)
            .unwrap_or_else(|e| panic!("{text:?}: {e}"))
            .front
    }

    fn error(text: &str) -> String {
        split(Path::new("a.md"), text)
            .map(|s| format!("{s:?}"))
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn body_starts_after_the_closing_fence() {
        let cases = [
            ("no front matter\n", 0, 1),
            ("---\ntitle: x\n---\nbody\n", 17, 4),
            ("---\r\ntitle: x\r\n---\r\nbody\r\n", 20, 4),
            ("---\ntitle: x\n...\nbody", 17, 4),
            ("+++\ntitle = 'x'\n+++\nbody", 20, 4),
            ("---  \n---\nbody", 10, 3),
            ("---\ntitle: x\n---", 16, 4),
            ("----\nnot a fence\n", 0, 1),
            ("", 0, 1),
        ];
        for (text, offset, line) in cases {
            let s = split(Path::new("a.md"), text).unwrap();
            assert_eq!((s.body_start, s.body_line), (offset, line), "{text:?}");
        }
    }

    #[test]
    fn canonical_keys_in_yaml_and_toml() {
        let want = FrontMatter {
            title: Some("Talks stall".into()),
            published: Some(date(2022, 1, 28)),
            source: Some("Example News".into()),
            url: Some("https://example.org/a".into()),
            author: Some("Jane Doe".into()),
            tags: vec!["russia".into(), "nato".into()],
            language: Some("fr".into()),
            draft: true,
            slug: Some("talks".into()),
        };
        let yaml = "---\ntitle: Talks stall\ndate: 2022-01-28\nsource: Example News\nurl: https://example.org/a\n\
                    author: Jane Doe\ntags: [russia, nato]\nlanguage: fr\ndraft: true\nslug: talks\n---\n";
        let toml = "+++\ntitle = 'Talks stall'\ndate = 2022-01-28\nsource = 'Example News'\n\
                    url = 'https://example.org/a'\nauthor = 'Jane Doe'\ntags = ['russia', 'nato']\nlang = 'fr'\ndraft = true\n\
                    slug = 'talks'\n+++\n";
        assert_eq!(front(yaml), want);
        assert_eq!(front(toml), want);
    }

    #[test]
    fn scraper_aliases_fill_the_canonical_fields() {
        type Getter = fn(&FrontMatter) -> String;
        let cases: [(&str, Getter, &str); 15] = [
            (
                "published: 2022-01-28",
                |f| format!("{:?}", f.published),
                "Some(2022-01-28)",
            ),
            (
                "pubdate: 'Jan 28, 2022'",
                |f| format!("{:?}", f.published),
                "Some(2022-01-28)",
            ),
            (
                "date_published: 2022-01-28T09:00:00Z",
                |f| format!("{:?}", f.published),
                "Some(2022-01-28)",
            ),
            (
                "date: ''\npublished: 2022-01-28",
                |f| format!("{:?}", f.published),
                "Some(2022-01-28)",
            ),
            (
                "date: 2022-01-28\npublished: 2021-01-01",
                |f| format!("{:?}", f.published),
                "Some(2022-01-28)",
            ),
            (
                "link: https://x.org/a",
                |f| format!("{:?}", f.url),
                "Some(\"https://x.org/a\")",
            ),
            (
                "canonical: https://x.org/b",
                |f| format!("{:?}", f.url),
                "Some(\"https://x.org/b\")",
            ),
            (
                "byline: Jane Doe",
                |f| format!("{:?}", f.author),
                "Some(\"Jane Doe\")",
            ),
            (
                "authors: [Jane Doe, John Roe]",
                |f| format!("{:?}", f.author),
                "Some(\"Jane Doe, John Roe\")",
            ),
            (
                "publication: Example News",
                |f| format!("{:?}", f.source),
                "Some(\"Example News\")",
            ),
            (
                "site: example.org",
                |f| format!("{:?}", f.source),
                "Some(\"example.org\")",
            ),
            (
                "keywords: russia, nato",
                |f| format!("{:?}", f.tags),
                "[\"russia\", \"nato\"]",
            ),
            (
                "categories: [World]\ntags: [world, nato]",
                |f| format!("{:?}", f.tags),
                "[\"world\", \"nato\"]",
            ),
            (
                "title: 1984\nextra: {nested: [1, 2]}\nimage: x.png",
                |f| format!("{:?}", f.title),
                "Some(\"1984\")",
            ),
            (
                "title: ''\ndraft: false",
                |f| format!("{:?}", (&f.title, f.draft)),
                "(None, false)",
            ),
        ];
        for (yaml, get, want) in cases {
            assert_eq!(
                get(&front(&format!("---\n{yaml}\n---\nbody"))),
                want,
                "{yaml}"
            );
        }
    }

    #[test]
    fn misspelt_keys_warn_with_their_line_and_a_suggestion() {
        let cases: [(&str, &[&str]); 7] = [
            (
                "---\ntitle: x\ntgas: [a]\n---\n",
                &["a.md:3:1: front matter: unknown key `tgas`: did you mean `tags`?"],
            ),
            (
                "---\ntitel: x\ndat: 2022-01-28\nautor: Jane\ndraf: true\n---\n",
                &[
                    "a.md:2:1: front matter: unknown key `titel`: did you mean `title`?",
                    "a.md:3:1: front matter: unknown key `dat`: did you mean `date`?",
                    "a.md:4:1: front matter: unknown key `autor`: did you mean `author`?",
                    "a.md:5:1: front matter: unknown key `draf`: did you mean `draft`?",
                ],
            ),
            (
                "---\nTitle: x\n'keywrods': a\n---\n",
                &[
                    "a.md:2:1: front matter: unknown key `Title`: did you mean `title`?",
                    "a.md:3:1: front matter: unknown key `keywrods`: did you mean `keywords`?",
                ],
            ),
            (
                "+++\ntitle = 'x'\n\ntgas = ['a']\n[extra]\ndat = 1\n+++\n",
                &["a.md:4:1: front matter: unknown key `tgas`: did you mean `tags`?"],
            ),
            (
                "---\ntitle: x\nimage: a.png\nsubtitle: y\nextra: {tgas: 1}\n---\n",
                &[],
            ),
            ("---\n1: x\n---\n", &[]),
            ("---\n---\n", &[]),
        ];
        for (text, want) in cases {
            let got: Vec<String> = split(Path::new("a.md"), text)
                .unwrap()
                .warnings
                .iter()
                .map(|w| w.to_string().lines().next().unwrap_or("").to_string())
                .collect();
            assert_eq!(got, want, "{text:?}");
        }
        let warning = &split(Path::new("a.md"), "---\ntgas: [a]\n---\n")
            .unwrap()
            .warnings[0];
        assert_eq!(
            warning.hint.as_deref(),
            Some(
                "rename it to `tags`; keys briefing does not know are ignored, so its value is not used"
            )
        );
    }

    #[test]
    fn every_documented_key_is_known() {
        let known = field_names::<RawFront>();
        for key in [
            "title",
            "date",
            "published",
            "pubdate",
            "date_published",
            "source",
            "publication",
            "site",
            "url",
            "link",
            "canonical",
            "author",
            "byline",
            "authors",
            "tags",
            "keywords",
            "categories",
            "language",
            "lang",
            "draft",
            "slug",
        ] {
            assert!(known.contains(&key), "{key} in {known:?}");
        }
    }

    #[test]
    fn empty_and_comment_only_front_matter_is_no_metadata() {
        for text in [
            "---\n---\nbody",
            "---\n# just a comment\n---\nbody",
            "+++\n+++\nbody",
        ] {
            assert_eq!(front(text), FrontMatter::default(), "{text:?}");
        }
    }

    #[test]
    fn errors_name_the_file_line_and_column_and_show_the_line() {
        let cases = [
            (
                "---\ntitle: x\ndate: 2022-13-45\n---\n",
                "a.md:3:7",
                "front matter: 2022-13-45 is not a date: there is no month 13\n",
                "date: 2022-01-28",
            ),
            (
                "---\ndate: 2026-02-30\n---\n",
                "a.md:2:7",
                "front matter: 2026-02-30 is not a date: February 2026 has 28 days\n",
                "date: 2022-01-28",
            ),
            (
                "+++\ndate = 2026-13-01\n+++\n",
                "a.md:2:8",
                "front matter: 2026-13-01 is not a date: there is no month 13\n",
                "date: 2022-01-28",
            ),
            (
                "+++\ndate = 2026-02-30T10:00:00Z\n+++\n",
                "a.md:2:8",
                "front matter: 2026-02-30 is not a date: February 2026 has 28 days\n",
                "date: 2022-01-28",
            ),
            (
                "---\ntitle: x\ndraft: \"yes\"\n---\n",
                "a.md:3:8",
                "true/false",
                "fix the YAML",
            ),
            (
                "---\ntitle: x\n  bad: indent\n---\n",
                "a.md:3:6",
                "not allowed",
                "fix the YAML",
            ),
            (
                "---\ntitle: [a, b]\n---\n",
                "a.md:2:8",
                "expected string",
                "fix the YAML",
            ),
            (
                "---\ntags: {a: 1}\n---\n",
                "a.md:2:7",
                "front matter",
                "fix the YAML",
            ),
            (
                "---\n- a\n- b\n---\n",
                "a.md:2:1",
                "key: value",
                "fix the YAML",
            ),
            (
                "+++\ntitle = 'x'\ndate = 'soon'\n+++\n",
                "a.md:3:8",
                "front matter: \"soon\" is not a date this tool can read",
                "date: 2022-01-28",
            ),
            (
                "+++\ntitle = \n+++\n",
                "a.md:2:9",
                "front matter",
                "fix the TOML",
            ),
            (
                "+++\ndraft = 'no'\n+++\n",
                "a.md:2:9",
                "expected a boolean",
                "fix the TOML",
            ),
            (
                "---\ntitle: x\nbody without a fence\n",
                "a.md:1:1",
                "never closed",
                "only `---`",
            ),
            (
                "+++\ntitle = 'x'\n",
                "a.md:1:1",
                "never closed",
                "only `+++`",
            ),
        ];
        for (text, location, message, hint) in cases {
            let err = split(Path::new("a.md"), text).unwrap_err();
            let shown = err.to_string();
            assert_eq!(err.location().to_string(), location, "{text:?}\n{shown}");
            assert!(shown.contains(message), "{text:?}: {shown}");
            assert!(shown.contains(hint), "{text:?}: {shown}");
        }
    }

    #[test]
    fn errors_show_the_offending_line_with_a_caret() {
        let err = error("---\ntitle: x\ndate: someday\n---\n");
        assert!(err.contains("3 | date: someday\n  |       ^"), "{err}");
    }

    #[test]
    fn alias_bombs_fail_fast() {
        let mut yaml = String::from("---\na: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..9 {
            let prev = (b'a' + i - 1) as char;
            let name = (b'a' + i) as char;
            yaml.push_str(&format!("{name}: &{name} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"));
        }
        yaml.push_str("title: *i\n---\nbody");
        let started = std::time::Instant::now();
        let err = error(&yaml);
        assert!(err.contains("a.md:"), "{err}");
        assert!(
            started.elapsed().as_secs() < 5,
            "took {:?}",
            started.elapsed()
        );
    }
}
