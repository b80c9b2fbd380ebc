//! An article and its analysis in, a [`Briefing`] out: the structured front matter and
//! the readable Markdown body a newcomer to the story reads first.
//!
//! Text taken from the article is normalised (whitespace collapsed, markup already
//! blanked by ingest) and escaped for Markdown, so that a `*` or `<` in a news article
//! is shown as written instead of turning into emphasis or an HTML tag.

use std::fmt::Write as _;

use super::model::{ActorMeta, Briefing, BriefingMeta, EventMeta, Generated, SourceMeta};
use crate::analysis::{ActorKind, Analysis, timex::value};
use crate::ingest::{Article, BlockKind, Format};
use crate::language::dateline;
use crate::language::detect::ENGLISH;

/// How many people, organisations and groups the body's "Key actors" section lists
/// with their roles and quotes; the rest, places and the outlets only cited as sources
/// are named on one line each (all of them stay in the front matter for actor pages).
const KEY_ACTORS_IN_BODY: usize = 16;

/// What goes into a briefing besides the analysis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ComposeOptions {
    /// Append the article's full text under "Source" (off by default: a briefing site
    /// is often public, and the articles belong to their publishers).
    pub article_text: bool,
}

/// Builds the briefing for `article`. `key` is the cache key it was made with.
pub fn compose(
    article: &Article,
    analysis: &Analysis,
    key: &str,
    options: ComposeOptions,
) -> Briefing {
    // Things are listed apart: a reader takes the key actors for people and
    // organisations, and the site makes no actor pages of things.
    let (things, actors): (Vec<ActorMeta>, Vec<ActorMeta>) = actor_metas(analysis)
        .into_iter()
        .partition(|a| a.kind == ActorKind::Thing);
    let mut meta = BriefingMeta {
        title: collapse(&article.title),
        date: article.published,
        language: (article.language != ENGLISH).then(|| article.language.clone()),
        source: SourceMeta {
            path: Some(slash_path(&article.path)),
            hash: Some(article.hash.clone()),
            name: article.source.clone(),
            url: article.url.clone(),
            author: article.author.clone(),
        },
        lede: collapse(&analysis.summary.lede),
        summary: analysis
            .summary
            .sentences
            .iter()
            .filter_map(|&i| analysis.sentences.get(i))
            .map(|s| summary_line(s.text(&article.prose)))
            .collect(),
        actors,
        things,
        timeline: event_metas(analysis),
        tags: article.tags.clone(),
        draft: article.draft,
        generated: None,
    };
    let sections = generated_sections(&meta);
    let mut body = sections
        .iter()
        .map(|(_, md)| md.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    let source = source_section(&meta);
    body.push('\n');
    body.push_str(&source);
    // The "Source" section restates the front matter (the page shows it from there)
    // unless it carries the article's text.
    let source_fingerprint = (!options.article_text).then_some(("Source", source.as_str()));
    if options.article_text {
        body.push_str("\n### Article text\n\n");
        write_article_text(&mut body, article);
    }
    let fingerprinted = sections
        .iter()
        .map(|(h, md)| (*h, md.as_str()))
        .chain(source_fingerprint);
    meta.generated = Some(Generated {
        by: key.to_string(),
        hash: String::new(),
        sections: super::sections::fingerprints(fingerprinted),
    });
    Briefing {
        slug: article.slug.clone(),
        path: Default::default(),
        meta,
        body,
        body_line: 0,
    }
}

/// The actor list of a briefing of `analysis`, in the analysis's order, things
/// included (the briefing keeps them apart, in `things`).
pub fn actor_metas(analysis: &Analysis) -> Vec<ActorMeta> {
    analysis
        .actors
        .iter()
        .map(|a| ActorMeta {
            name: a.name.clone(),
            kind: a.kind,
            role: a.role.clone(),
            aliases: a.aliases.clone(),
            mentions: a.mentions,
            salience: (a.salience * 100.0).round() / 100.0,
            quotes: a
                .quotes
                .iter()
                .filter(|q| q.direct)
                .map(|q| collapse(&q.text))
                .collect(),
            source: a.source,
        })
        .collect()
}

fn event_metas(analysis: &Analysis) -> Vec<EventMeta> {
    analysis
        .timeline
        .iter()
        .map(|e| EventMeta {
            date: e.date.clone(),
            when: e.when.clone(),
            text: collapse(&e.text),
            actors: e
                .actors
                .iter()
                .filter_map(|&i| analysis.actors.get(i))
                .map(|a| a.name.clone())
                .collect(),
            reported: e.reported,
        })
        .collect()
}

/// The path with `/` separators, as stored in briefings on every platform.
fn slash_path(path: &std::path::Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Collapses runs of whitespace to one space and trims.
pub(crate) fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Escapes text for use inside a Markdown paragraph or list item: it renders exactly as written.
pub(crate) fn escape_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '|' | '~' | '#'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Escapes one line of plain text so that it stays a plain paragraph line.
fn escape_line(line: &str) -> String {
    let escaped = escape_inline(line.trim());
    if escaped.starts_with(['-', '+', '=', '!']) {
        return format!("\\{escaped}");
    }
    let digits = escaped.bytes().take_while(u8::is_ascii_digit).count();
    if (1..10).contains(&digits) && matches!(escaped.as_bytes().get(digits), Some(b'.' | b')')) {
        return format!("{}\\{}", &escaped[..digits], &escaped[digits..]);
    }
    escaped
}

/// A summary sentence as a bullet: one line, without the dateline a wire story opens
/// with ("ROME (Reuters) -", "April 17, 2015 --"), which says nothing the page's date
/// and source do not.
fn summary_line(sentence: &str) -> String {
    collapse(dateline::strip(sentence))
}

/// The body sections that restate the front matter, as `(heading, Markdown)` in body
/// order: "Summary", "Key actors", "Timeline". The site compares a briefing's body
/// sections with these to tell a section someone edited from one it can show in a
/// richer form.
pub fn generated_sections(meta: &BriefingMeta) -> [(&'static str, String); 3] {
    let mut summary = String::from("## Summary\n\n");
    if meta.summary.is_empty() {
        summary.push_str("_The article is too short to summarise._\n");
    }
    for s in &meta.summary {
        let _ = writeln!(summary, "- {}", escape_inline(s));
    }
    let mut actors = String::new();
    write_actors(&mut actors, &meta.actors);
    write_things(&mut actors, meta);
    let mut timeline = String::new();
    let key: Vec<&EventMeta> = meta.key_events().map(|(_, e)| e).collect();
    write_timeline(&mut timeline, &key);
    [
        ("Summary", summary),
        ("Key actors", actors),
        ("Timeline", timeline),
    ]
}

fn write_actors(md: &mut String, actors: &[ActorMeta]) {
    md.push_str("## Key actors\n\n");
    let (places, others): (Vec<&ActorMeta>, Vec<&ActorMeta>) =
        actors.iter().partition(|a| a.kind == ActorKind::Place);
    // Outlets only cited as the source of a report come last, on a line of their own.
    let (sources, others): (Vec<&ActorMeta>, Vec<&ActorMeta>) =
        others.into_iter().partition(|a| a.source);
    if others.is_empty() {
        md.push_str("_No named people or organisations were found._\n");
    }
    for a in others.iter().take(KEY_ACTORS_IN_BODY) {
        let _ = write!(md, "- **{}**", escape_inline(&a.name));
        if let Some(role) = &a.role {
            let _ = write!(md, ", {}", escape_inline(role));
        }
        let _ = write!(md, " ({})", a.kind.as_str());
        if !a.aliases.is_empty() {
            let aliases: Vec<String> = a.aliases.iter().map(|s| escape_inline(s)).collect();
            let _ = write!(md, ", also “{}”", aliases.join("”, “"));
        }
        md.push('\n');
        for q in &a.quotes {
            let _ = writeln!(md, "  > “{}”", escape_inline(q));
        }
    }
    let names = |list: &[&ActorMeta]| {
        list.iter()
            .map(|a| escape_inline(&a.name))
            .collect::<Vec<_>>()
            .join(", ")
    };
    if others.len() > KEY_ACTORS_IN_BODY {
        let _ = writeln!(
            md,
            "\nAlso mentioned: {}.",
            names(&others[KEY_ACTORS_IN_BODY..])
        );
    }
    if !places.is_empty() {
        let _ = writeln!(md, "\nPlaces: {}.", names(&places));
    }
    if !sources.is_empty() {
        let _ = writeln!(md, "\nSources cited: {}.", names(&sources));
    }
}

/// The things the briefing shows ([`BriefingMeta::things_shown`]) on a line of their
/// own after the actors; none, no line.
fn write_things(md: &mut String, meta: &BriefingMeta) {
    let shown: Vec<String> = meta
        .things_shown()
        .map(|t| escape_inline(&t.name))
        .collect();
    if !shown.is_empty() {
        let _ = writeln!(md, "\nThings named: {}.", shown.join(", "));
    }
}

fn write_timeline(md: &mut String, timeline: &[&EventMeta]) {
    md.push_str("## Timeline\n\n");
    if timeline.is_empty() {
        md.push_str("_No dated events were found._\n");
    }
    for e in timeline {
        let when = if e.when.is_empty() {
            value::label(&e.date)
        } else {
            e.when.clone()
        };
        let _ = write!(
            md,
            "- **{}**: {}",
            escape_inline(&when),
            escape_inline(&e.text)
        );
        if !e.actors.is_empty() {
            let names: Vec<String> = e.actors.iter().map(|s| escape_inline(s)).collect();
            let _ = write!(md, " ({})", names.join(", "));
        }
        md.push('\n');
    }
}

/// The "Source" section: the original article (linked when its URL is known), the
/// outlet, the author when it is not the outlet again, and the publication date. No
/// file path: the page is for readers (the path is in the front matter).
fn source_section(meta: &BriefingMeta) -> String {
    let mut md = String::from("## Source\n\n");
    let title = escape_inline(&meta.title);
    match meta
        .source
        .url
        .as_deref()
        .filter(|u| is_web_url(u))
        .map(link_destination)
    {
        Some(url) => {
            let _ = write!(md, "[{title}](<{url}>)");
        }
        None => {
            let _ = write!(md, "“{title}”");
        }
    }
    let name = meta
        .source
        .name
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty());
    let author = meta
        .source
        .author
        .as_deref()
        .map(str::trim)
        .filter(|a| !a.is_empty() && !name.is_some_and(|n| n.eq_ignore_ascii_case(a)));
    for part in [name, author].into_iter().flatten() {
        let _ = write!(md, ", {}", escape_inline(part));
    }
    match meta.date {
        Some(d) => {
            let _ = write!(
                md,
                ", published {} {} {}",
                d.day(),
                crate::language::calendar::month_name(d.month()),
                d.year()
            );
        }
        None => md.push_str(", publication date unknown"),
    }
    md.push_str(".\n");
    md
}

/// Whether `url` is an http(s) address, the only kind linked from a briefing body.
fn is_web_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

/// Makes a URL safe inside `<...>` link syntax.
fn link_destination(url: &str) -> String {
    url.trim()
        .replace(' ', "%20")
        .replace('<', "%3C")
        .replace('>', "%3E")
        .replace(['\n', '\r'], "")
}

fn write_article_text(md: &mut String, article: &Article) {
    for block in &article.blocks {
        let text = &article.prose[block.start..block.end];
        match block.kind {
            BlockKind::Title | BlockKind::Boilerplate => continue,
            BlockKind::Heading => {
                let _ = writeln!(md, "#### {}\n", escape_inline(&collapse(text)));
            }
            BlockKind::Paragraph if article.format == Format::Markdown => {
                let _ = writeln!(md, "{}\n", escape_inline(&collapse(text)));
            }
            BlockKind::Paragraph | BlockKind::Data => {
                let lines: Vec<String> = text
                    .lines()
                    .filter(|l| !l.trim().is_empty())
                    .map(escape_line)
                    .collect();
                let _ = writeln!(md, "{}\n", lines.join("\n"));
            }
        }
    }
    while md.ends_with("\n\n") {
        md.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_keeps_article_text_literal() {
        let cases = [
            ("a *b* c", "a \\*b\\* c"),
            ("<script>x</script>", "\\<script\\>x\\</script\\>"),
            ("[x](javascript:y)", "\\[x\\](javascript:y)"),
            ("AT&T", "AT\\&T"),
            ("plain text, “quoted”.", "plain text, “quoted”."),
        ];
        for (raw, want) in cases {
            assert_eq!(escape_inline(raw), want, "{raw}");
        }
    }

    #[test]
    fn summary_bullets_drop_the_wire_dateline_only() {
        let cases = [
            (
                "April 17, 2015 -- Doctors warn of\nsuperbugs.",
                "Doctors warn of superbugs.",
            ),
            (
                "PORT AUBEL (Wire) - The port reopened.",
                "The port reopened.",
            ),
            (
                "The port reopened on April 17, 2015.",
                "The port reopened on April 17, 2015.",
            ),
            (
                "Ministers met in Rome - briefly.",
                "Ministers met in Rome - briefly.",
            ),
        ];
        for (sentence, want) in cases {
            assert_eq!(summary_line(sentence), want, "{sentence}");
        }
    }

    #[test]
    fn line_starts_that_would_become_blocks_are_escaped() {
        let cases = [
            ("- not a list", "\\- not a list"),
            ("1. not a list", "1\\. not a list"),
            ("12) no", "12\\) no"),
            ("# no heading", "\\# no heading"),
            ("2022 was a year.", "2022 was a year."),
        ];
        for (raw, want) in cases {
            assert_eq!(escape_line(raw), want, "{raw}");
        }
    }

    #[test]
    fn only_web_urls_are_linked() {
        let cases = [
            ("https://x.org/a", true),
            ("HTTP://x.org", true),
            ("javascript:alert(1)", false),
            (" data:text/html,x", false),
            ("ftp://x", false),
        ];
        for (url, want) in cases {
            assert_eq!(is_web_url(url), want, "{url}");
        }
    }

    #[test]
    fn link_destinations_cannot_break_out_of_angle_brackets() {
        assert_eq!(
            link_destination("https://x.org/a b<c>"),
            "https://x.org/a%20b%3Cc%3E"
        );
    }

    #[test]
    fn the_source_names_the_article_for_readers_never_its_file() {
        let meta = |name: Option<&str>, author: Option<&str>, url: Option<&str>| BriefingMeta {
            title: "Talks stall".into(),
            date: Some(jiff::civil::date(2026, 3, 5)),
            language: None,
            source: SourceMeta {
                path: Some("content/articles/talks.txt".into()),
                name: name.map(str::to_string),
                author: author.map(str::to_string),
                url: url.map(str::to_string),
                ..SourceMeta::default()
            },
            ..BriefingMeta::default()
        };
        let cases = [
            (
                meta(Some("BBC News"), Some("BBC News"), None),
                "“Talks stall”, BBC News, published 5 March 2026.",
            ),
            (
                meta(Some("Wire"), Some("Jane Doe"), Some("https://x.org/a")),
                "[Talks stall](<https://x.org/a>), Wire, Jane Doe, published 5 March 2026.",
            ),
            (
                meta(None, None, None),
                "“Talks stall”, published 5 March 2026.",
            ),
        ];
        for (meta, want) in cases {
            let got = source_section(&meta);
            assert_eq!(got, format!("## Source\n\n{want}\n"));
            assert!(!got.contains("content/articles"), "{got}");
        }
    }

    #[test]
    fn outlets_only_cited_are_listed_last_as_sources() {
        let actor = |name: &str, kind: ActorKind, source: bool| ActorMeta {
            name: name.into(),
            kind,
            role: None,
            aliases: Vec::new(),
            mentions: 1,
            salience: 0.5,
            quotes: Vec::new(),
            source,
        };
        let cases: [(Vec<ActorMeta>, &str); 3] = [
            (
                vec![
                    actor("Ada Quint", ActorKind::Person, false),
                    actor("Lisk", ActorKind::Place, false),
                    actor("Kessel Wire", ActorKind::Organization, true),
                ],
                "## Key actors\n\n- **Ada Quint** (person)\n\nPlaces: Lisk.\n\nSources cited: Kessel Wire.\n",
            ),
            // An outlet the story is about is a key actor like any other.
            (
                vec![actor("Kessel Wire", ActorKind::Organization, false)],
                "## Key actors\n\n- **Kessel Wire** (organization)\n",
            ),
            (
                vec![actor("Kessel Wire", ActorKind::Organization, true)],
                "## Key actors\n\n_No named people or organisations were found._\n\nSources cited: Kessel Wire.\n",
            ),
        ];
        for (actors, want) in cases {
            let mut md = String::new();
            write_actors(&mut md, &actors);
            assert_eq!(md, want);
        }
    }

    #[test]
    fn things_named_twice_get_a_line_after_the_actors() {
        let thing = |name: &str, mentions: usize| ActorMeta {
            name: name.into(),
            kind: ActorKind::Thing,
            role: None,
            aliases: Vec::new(),
            mentions,
            salience: 0.1,
            quotes: Vec::new(),
            source: false,
        };
        let meta = BriefingMeta {
            actors: vec![ActorMeta {
                kind: ActorKind::Organization,
                ..thing("Kessel", 3)
            }],
            things: vec![
                thing("Lumo Pad", 3),
                thing("Orra Watch", 1),
                thing("Kessel_Index", 2),
            ],
            ..BriefingMeta::default()
        };
        let [_, (_, actors), _] = generated_sections(&meta);
        assert_eq!(
            actors,
            "## Key actors\n\n- **Kessel** (organization)\n\nThings named: Lumo Pad, Kessel\\_Index.\n"
        );
        // Things named once only: no line.
        let meta = BriefingMeta {
            things: vec![thing("Orra Watch", 1)],
            ..meta
        };
        let [_, (_, actors), _] = generated_sections(&meta);
        assert!(!actors.contains("Things named"), "{actors}");
    }
}
