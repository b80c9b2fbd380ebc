//! One article's raw bytes in, an [`Article`] out: the pure part of reading a file.
//!
//! Decoding (BOM, UTF-16, invalid UTF-8), front matter, then the format's layout
//! (`plain`, `markdown` or `html`), then the metadata precedence rules: front matter or
//! page metadata first, then what the layout found (headline line, byline, dateline),
//! then the lead sentence (for the title), then the file name: its words for the title
//! (without a leading date) and a leading `YYYY-MM-DD` for the publication date. No
//! I/O happens here, so every input can be fed through it in tests, including random
//! bytes.

use std::path::Path;

use jiff::civil::Date;

use super::characters;
use super::dates::date_in_file_name;
use super::errors::{invalid, utf8_error, utf16_error};
use super::front_matter::{FrontMatter, split};
use super::headline::{title_from_file_stem, title_from_sentence};
use super::published::{self, Claim, Refused};
use super::slugs::{checked_slug, file_slug};
use super::substance::{PageSigns, not_an_article};
use super::{
    Article, Block, BlockKind, Format, IngestError, TitleSource, content_hash, html, markdown,
    plain,
};
use crate::diagnostics::{Location, Warning};
use crate::language::detect::{self, ENGLISH};

/// An article and whether its slug was set in its front matter (else it is derived from
/// the file name, and `load_articles` replaces it by one derived from the whole path).
pub(crate) struct Parsed {
    pub article: Article,
    pub slug_from_front_matter: bool,
    /// What the user should fix but that did not stop the read (a misspelt key).
    pub warnings: Vec<Warning>,
    /// Why the file is not an article (an empty file, a sign-in page), when it is not:
    /// the build skips it (see [`super::substance`]).
    pub not_article: Option<String>,
    /// The build dates (first, last; either open) on which reading the same bytes gives
    /// this again: the read depends on `today` only through the publication date (see
    /// [`published::same_choice`]).
    pub days: (Option<Date>, Option<Date>),
}

/// The format of a file, from its extension (any case).
pub fn format_of(path: &Path) -> Option<Format> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "txt" => Some(Format::Text),
        "md" | "markdown" => Some(Format::Markdown),
        "html" | "htm" => Some(Format::Html),
        _ => None,
    }
}

/// What a layout pass produced, whatever the format.
struct Layout {
    text: String,
    prose: Option<String>,
    blocks: Vec<Block>,
    title: Option<String>,
    /// Where `title` comes from, when there is one.
    title_source: TitleSource,
    author: Option<String>,
    /// The dates the body gives for itself, best first.
    dates: Vec<Claim>,
    url: Option<String>,
    source: Option<String>,
    tags: Vec<String>,
    /// For a web page, what tells whether it is an article at all.
    page: Option<PageSigns>,
}

/// Parses the bytes of a file whose path (as shown to users) is `display`. `today` is
/// the build's date: a publication date after it cannot be right (see `published`).
pub(crate) fn parse_article(
    bytes: &[u8],
    display: &Path,
    format: Format,
    today: Date,
) -> Result<Parsed, IngestError> {
    let (text, mut forbidden) = characters::clean(decode(bytes, display)?);
    let text = text.as_ref();
    let split = match format {
        Format::Html => None,
        Format::Text | Format::Markdown => Some(split(display, text)?),
    };
    let (front, body_start, body_line, mut warnings, slug_at) = match split {
        None => (FrontMatter::default(), 0, 1, Vec::new(), None),
        Some(s) => (s.front, s.body_start, s.body_line, s.warnings, s.slug_at),
    };
    let body = &text[body_start..];
    let layout = lay_out(body, format, front.title.as_deref(), display)?;
    let slug_from_front_matter = front.slug.is_some();
    let slug = match &front.slug {
        Some(given) => {
            let (slug, warning) = checked_slug(given, display, slug_at)?;
            warnings.extend(warning);
            slug
        }
        None => file_slug(display),
    };
    let claims = date_claims(&front, &layout, display);
    let (published, refused) = published::choose(&claims, today);
    let days = published::same_choice(published, &refused, today);
    let given_language = front.language.clone();
    let not_article = not_an_article(&layout.text, &layout.blocks, layout.page);
    let mut article = assemble(front, layout, format, display, bytes, body_line, slug);
    article.published = published.map(|c| c.date);
    warnings.extend(refused.iter().map(|r| refused_date(display, r, published)));
    forbidden |= characters::clean_article(&mut article);
    if forbidden {
        warnings.push(forbidden_characters_warning(display));
    }
    let (language, warning) = language_of(given_language.as_deref(), &article.prose, display);
    article.language = language;
    warnings.extend(warning);
    Ok(Parsed {
        article,
        slug_from_front_matter,
        warnings,
        not_article,
        days,
    })
}

/// The one warning for an article that had characters no page or feed may carry.
fn forbidden_characters_warning(display: &Path) -> Warning {
    Warning::new(
        Location::file(display),
        "has control characters (such as NUL or ESC) or the non-characters U+FFFE/U+FFFF, which web pages and feeds cannot carry: they were replaced",
    )
    .with_hint("they usually come from copying text out of another program; save the file without them to silence this warning")
}

/// The format's layout pass over the body. `known_title` is the front matter's.
fn lay_out(
    body: &str,
    format: Format,
    known_title: Option<&str>,
    display: &Path,
) -> Result<Layout, IngestError> {
    Ok(match format {
        Format::Text => {
            let l = plain::layout(body, known_title);
            Layout::from_body(body, None, l.blocks, l.headline, l.byline, l.dateline)
        }
        Format::Markdown => {
            let l = markdown::layout(body, known_title);
            let prose = Some(l.prose);
            Layout::from_body(body, prose, l.blocks, l.headline, l.byline, l.dateline)
        }
        Format::Html => {
            let h = html::extract(body).map_err(|depth| too_deep(display, depth))?;
            let lead = published::lead_date(&h.text, &h.blocks);
            Layout {
                text: h.text,
                prose: None,
                blocks: h.blocks,
                title: h.title,
                title_source: TitleSource::Metadata,
                author: h.author,
                dates: h.dates.into_iter().chain(lead).collect(),
                url: h.url,
                source: h.source,
                tags: h.tags,
                page: Some(h.signs),
            }
        }
    })
}

impl Layout {
    fn from_body(
        body: &str,
        prose: Option<String>,
        blocks: Vec<Block>,
        title: Option<String>,
        author: Option<String>,
        dateline: Option<Date>,
    ) -> Layout {
        let dates = dateline
            .map(|d| Claim::new(d, "the dateline or date line at the top of the text"))
            .into_iter()
            .chain(published::lead_date(body, &blocks))
            .collect();
        Layout {
            text: body.to_string(),
            prose,
            blocks,
            title,
            title_source: TitleSource::Headline,
            author,
            dates,
            url: None,
            source: None,
            tags: Vec::new(),
            page: None,
        }
    }
}

/// Every date the file gives for itself, best first: the front matter's, the page's
/// or the body's, then the file name's.
fn date_claims(front: &FrontMatter, layout: &Layout, display: &Path) -> Vec<Claim> {
    let front_matter = front
        .published
        .map(|d| Claim::new(d, "the front matter's `date`"));
    let file_name = date_in_file_name(&file_stem(display)).map(|d| Claim::new(d, "the file name"));
    front_matter
        .into_iter()
        .chain(layout.dates.iter().copied())
        .chain(file_name)
        .collect()
}

/// The warning for a publication date that cannot be right, saying what was used instead.
fn refused_date(display: &Path, refused: &Refused, used: Option<Claim>) -> Warning {
    let Refused { claim, why } = refused;
    let instead = match used {
        Some(used) => format!("used {} from {} instead", used.date, used.source),
        None => "no other date was found".to_string(),
    };
    let message = format!(
        "the publication date {} from {} cannot be right ({why}): ignored, {instead}",
        claim.date, claim.source
    );
    let hint = "fix that date where the file gives it, or set the right one with `date: 2022-01-28` in front matter (start the file name with it for a web page)";
    Warning::new(Location::file(display), message).with_hint(hint)
}

/// The article's language: the front matter's `language` when it is a language code,
/// else the detected one; with the warning a non-English article gets (once), or the
/// one for a code that is none.
fn language_of(given: Option<&str>, prose: &str, display: &Path) -> (String, Option<Warning>) {
    let (code, name) = match given.map(|g| (g, language_code(g))) {
        Some((_, Some(code))) => {
            let primary = code.split('-').next().unwrap_or(&code);
            let name = detect::name_of(primary).to_string();
            (code, name)
        }
        Some((bad, None)) => {
            let message =
                format!("front matter: `language: {bad}` is not a language code: ignored");
            let hint = "write an ISO 639 code such as `en`, `fr` or `zh` (or `pt-BR`)";
            return (
                ENGLISH.to_string(),
                Some(Warning::new(Location::file(display), message).with_hint(hint)),
            );
        }
        None => match detect::detect_other_than_english(prose) {
            Some(l) => (l.code.to_string(), l.name.to_string()),
            None => (ENGLISH.to_string(), String::new()),
        },
    };
    if code == ENGLISH || code.starts_with("en-") {
        return (ENGLISH.to_string(), None);
    }
    let message = format!(
        "is in {name} ({code}): only its summary is made; people, organisations, roles and dates are found in English articles only"
    );
    let hint = "if it is in English, add `language: en` to its front matter (for a web page: save it as Markdown with front matter)";
    let warning = Warning::new(Location::file(display), message).with_hint(hint);
    (code, Some(warning))
}

/// `given` as a BCP 47 language tag ("fr", "pt-BR", "zh-Hant"): the language subtag
/// in lower case; `None` when it is not one.
fn language_code(given: &str) -> Option<String> {
    let mut parts = given.trim().split(['-', '_']);
    let primary = parts.next()?;
    let primary_ok =
        (2..=3).contains(&primary.len()) && primary.chars().all(|c| c.is_ascii_alphabetic());
    let rest: Vec<&str> = parts.collect();
    let rest_ok = rest
        .iter()
        .all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()));
    (primary_ok && rest_ok).then(|| {
        std::iter::once(primary.to_ascii_lowercase())
            .chain(rest.iter().map(|p| p.to_string()))
            .collect::<Vec<_>>()
            .join("-")
    })
}

fn assemble(
    front: FrontMatter,
    layout: Layout,
    format: Format,
    display: &Path,
    bytes: &[u8],
    body_line: usize,
    slug: String,
) -> Article {
    let prose = layout.prose.unwrap_or_else(|| layout.text.clone());
    let (title, title_source) = if let Some(t) = front.title {
        (t, TitleSource::Metadata)
    } else if let Some(t) = layout.title {
        (t, layout.title_source)
    } else if let Some(t) = lead_title(&prose, &layout.blocks) {
        (t, TitleSource::LeadSentence)
    } else {
        (
            title_from_file_stem(without_date(&file_stem(display))),
            TitleSource::FileName,
        )
    };
    Article {
        path: display.to_path_buf(),
        slug,
        format,
        title,
        title_source,
        published: None, // chosen from every claim by `parse_article`
        source: front.source.or(layout.source),
        url: front.url.or(layout.url),
        author: front.author.or(layout.author),
        tags: if front.tags.is_empty() {
            layout.tags
        } else {
            front.tags
        },
        language: ENGLISH.to_string(), // detected by `parse_article`
        draft: front.draft,
        text: layout.text,
        prose,
        blocks: layout.blocks,
        body_line,
        hash: content_hash(bytes),
    }
}

/// The shortened first sentence of the first paragraph.
fn lead_title(prose: &str, blocks: &[Block]) -> Option<String> {
    let block = blocks.iter().find(|b| b.kind == BlockKind::Paragraph)?;
    let paragraph = prose.get(block.start..block.end)?;
    let first = crate::segment::first_sentence(paragraph);
    let sentence = first
        .and_then(|(start, end)| paragraph.get(start..end))
        .unwrap_or(paragraph);
    let title = title_from_sentence(sentence);
    (!title.trim_end_matches('…').trim().is_empty()).then_some(title)
}

/// UTF-8 text without its byte-order mark, or an error saying how to re-save the file.
fn decode<'a>(bytes: &'a [u8], display: &Path) -> Result<&'a str, IngestError> {
    if bytes.starts_with(&[0xFF, 0xFE])
        || bytes.starts_with(&[0xFE, 0xFF])
        || looks_like_utf16(bytes)
    {
        return Err(utf16_error(display));
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|e| utf8_error(display, bytes, e))
}

/// UTF-16 without a byte-order mark: ASCII text with every other byte zero.
fn looks_like_utf16(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(512)];
    if sample.len() < 4 {
        return false;
    }
    let zeros_at = |parity: usize| {
        sample
            .iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let half = sample.len() / 2;
    let (even, odd) = (zeros_at(0), zeros_at(1));
    even.max(odd) * 10 >= half * 9 && even.min(odd) * 2 < half
}

fn file_stem(display: &Path) -> String {
    display
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// A file stem without the date it starts with: `2026-02-03-talks` -> `talks`.
fn without_date(stem: &str) -> &str {
    match date_in_file_name(stem) {
        Some(_) if stem.len() > 11 => &stem[11..],
        _ => stem,
    }
}

fn too_deep(display: &Path, depth: usize) -> IngestError {
    invalid(
        Location::file(display),
        format!(
            "the page nests elements {depth} levels deep (the limit is {})",
            html::MAX_NESTING
        ),
        "save the article's text as a .txt or .md file instead of the whole page",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_language_is_the_front_matter_s_else_the_detected_one() {
        let french = "Les ministres de l'eau des deux pays se sont retrouvés mercredi pour discuter \
                      de la part du fleuve que le nouveau barrage pourra retenir pendant l'été.";
        let english = "The ministers met again on Wednesday to discuss how much water the new dam \
                       may hold back during the dry months, officials said.";
        let cases = [
            (None, english, "en", None),
            (None, french, "fr", Some("is in French (fr)")),
            (Some("en"), french, "en", None),
            (Some("en-GB"), french, "en", None),
            (Some("FR"), english, "fr", Some("is in French (fr)")),
            (
                Some("pt-BR"),
                english,
                "pt-BR",
                Some("is in Portuguese (pt-BR)"),
            ),
            (
                Some("français"),
                english,
                "en",
                Some("`language: français` is not a language code"),
            ),
        ];
        for (given, text, want, warning) in cases {
            let (code, got) = language_of(given, text, Path::new("a.md"));
            assert_eq!(code, want, "{given:?}");
            match (got, warning) {
                (None, None) => {}
                (Some(w), Some(part)) => {
                    assert!(w.message.contains(part), "{given:?}: {}", w.message)
                }
                (got, want) => panic!("{given:?}: got {got:?}, want {want:?}"),
            }
        }
    }

    /// xorshift64*: a small deterministic generator, so failures are reproducible.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
        }

        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
    }

    const FRAGMENTS: [&str; 58] = [
        "---\n",
        "+++\n",
        "---",
        "...\n",
        "title: ",
        "date: ",
        "slug: ",
        "tags: [",
        "draft: ",
        "published: ",
        "2022-01-28",
        "Jan 28, 2022",
        "true",
        "no",
        "]",
        "&a ",
        "*a",
        "\"",
        "'",
        "\n",
        "\r\n",
        "\n\n",
        "# ",
        "## ",
        "*",
        "_",
        "[",
        "](",
        ")",
        "<b>",
        "</b>",
        "<div>",
        "</div>",
        "```",
        "> ",
        "- ",
        "1. ",
        "\u{FEFF}",
        "é",
        "東京",
        "\u{0}",
        "\t",
        "By Jane Doe",
        "(Image: AP)",
        "Advertisement",
        "= ",
        "{",
        "}",
        ": ",
        "|",
        "\\",
        "&amp;",
        "[^1]",
        "<!--",
        "<p>",
        "<script>",
        "LONDON 1996-08-30",
        "Ministers met on Friday. ",
    ];

    fn check(bytes: &[u8], format: Format) {
        let display = Path::new("fuzz/input.txt");
        match parse_article(bytes, display, format, jiff::civil::date(2026, 3, 10)) {
            Ok(Parsed { article: a, .. }) => {
                assert_eq!(a.prose.len(), a.text.len(), "{bytes:?}");
                assert!(
                    a.body_line >= 1 && !a.slug.is_empty() && !a.title.is_empty(),
                    "{bytes:?}"
                );
                let mut end = 0;
                for b in &a.blocks {
                    assert!(
                        end <= b.start && b.start <= b.end && b.end <= a.text.len(),
                        "{bytes:?}: {:?}",
                        a.blocks
                    );
                    assert!(
                        a.text.is_char_boundary(b.start) && a.text.is_char_boundary(b.end),
                        "{bytes:?}"
                    );
                    assert!(
                        a.prose.is_char_boundary(b.start) && a.prose.is_char_boundary(b.end),
                        "{bytes:?}"
                    );
                    end = b.end;
                }
            }
            Err(e) => assert_eq!(e.location().path, display, "{e}"),
        }
    }

    #[test]
    fn random_fragments_and_bytes_never_panic_and_keep_the_invariants() {
        let mut rng = Rng(0x5EED_1234_ABCD_0001);
        for round in 0..1_500 {
            let mut input = Vec::new();
            if round % 3 == 0 {
                for _ in 0..rng.below(200) {
                    input.push(rng.next() as u8);
                }
            } else {
                if round % 2 == 0 {
                    input.extend_from_slice(b"---\n");
                }
                for _ in 0..rng.below(40) {
                    input.extend_from_slice(FRAGMENTS[rng.below(FRAGMENTS.len())].as_bytes());
                }
            }
            for format in [Format::Text, Format::Markdown, Format::Html] {
                check(&input, format);
            }
        }
    }

    #[test]
    fn every_prefix_of_a_full_article_is_handled() {
        let article = "\u{FEFF}---\r\ntitle: \"Talks stall\"\r\ndate: 2022-01-28\r\ntags: [a, b]\r\n---\r\n# Talks stall\r\n\r\n\
                       By Jane Doe\r\n\r\nMinisters *met* in [Geneva](https://x.org) on Friday. 東京.\r\n\r\n(Image: AP)\r\n";
        let bytes = article.as_bytes();
        for end in 0..=bytes.len() {
            for format in [Format::Text, Format::Markdown] {
                check(&bytes[..end], format);
            }
        }
    }

    #[test]
    fn utf16_is_detected_with_and_without_a_bom() {
        let cases: [(&[u8], bool); 5] = [
            (b"\xFF\xFEa\0b\0", true),
            (b"\xFE\xFF\0a\0b", true),
            (b"a\0b\0c\0d\0e\0f\0", true),
            (b"\0a\0b\0c\0d\0e\0f", true),
            (b"\0\0\0\0\0\0\0\0", false),
        ];
        for (bytes, utf16) in cases {
            let got = decode(bytes, Path::new("a.txt"));
            let is_utf16 = got
                .as_ref()
                .is_err_and(|e| e.to_string().contains("UTF-16"));
            assert_eq!(is_utf16, utf16, "{bytes:?}: {got:?}");
        }
    }
}
