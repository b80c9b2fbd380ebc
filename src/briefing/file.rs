//! Briefing files: a [`Briefing`] in, the text of `content/briefings/<slug>.md` out, and
//! back; plus the fingerprint that tells a generated file from a hand-edited one.
//!
//! The file is YAML front matter (the structured data) and a Markdown body. When
//! `briefing` writes a file it records, in `generated.hash`, a hash of the exact text it
//! wrote (computed with the hash field empty). Any change a person makes afterwards,
//! even a comment or a reflowed line, changes the text and therefore the hash, and the
//! file counts as edited: it is never overwritten. The hash is over the text, not the
//! parsed values, precisely so that edits the parser would drop (comments, formatting)
//! still count.

use std::path::Path;

use thiserror::Error;

use super::model::{Briefing, BriefingMeta};
use crate::diagnostics::Location;
use crate::ingest::{IngestError, front_matter};

/// Why a briefing file could not be read: its position, and what to do.
#[derive(Debug, Error)]
#[error(transparent)]
pub struct BriefingError(#[from] IngestError);

impl BriefingError {
    /// The same error again (see `IngestError::duplicate`).
    pub fn duplicate(&self) -> BriefingError {
        BriefingError(self.0.duplicate())
    }

    /// The file and position the error is about.
    pub fn location(&self) -> &Location {
        self.0.location()
    }

    fn at_start(path: &Path, message: &str) -> BriefingError {
        BriefingError(IngestError::Invalid {
            location: Location::at(path, 1, 1),
            message: message.to_string(),
            hint: "restore the front matter, or delete the file and run `briefing build` to generate it again".into(),
        })
    }
}

const FENCE: &str = "---";
/// The last line of front matter written by `render`; filled in after hashing.
const HASH_LINE_EMPTY: &str = "  hash: \"\"";

/// The complete text of the briefing's file. If `briefing.meta.generated` is set, its
/// hash is computed and filled in.
pub fn render(briefing: &Briefing) -> Result<String, BriefingError> {
    let mut meta = briefing.meta.clone();
    let generated = meta.generated.take();
    let yaml = serde_saphyr::to_string(&meta).map_err(|e| {
        BriefingError::at_start(
            &briefing.path,
            &format!("cannot write the front matter: {e}"),
        )
    })?;
    let mut text = format!("{FENCE}\n{}", unquote_dates(&yaml));
    if let Some(g) = &generated {
        text.push_str(&format!(
            "generated:\n  by: \"{}\"\n",
            g.by.replace(['"', '\\'], "")
        ));
        if !g.sections.is_empty() {
            text.push_str("  sections:\n");
            for (heading, fingerprint) in &g.sections {
                let heading = heading.replace(|c: char| !(c.is_alphanumeric() || c == ' '), "");
                text.push_str(&format!("    {heading}: \"{fingerprint}\"\n"));
            }
        }
        text.push_str(HASH_LINE_EMPTY);
        text.push('\n');
    }
    text.push_str(FENCE);
    text.push_str("\n\n");
    text.push_str(briefing.body.trim_end());
    text.push('\n');
    if generated.is_some()
        && let Some(at) = text.rfind(HASH_LINE_EMPTY)
    {
        let hash = fingerprint(&text);
        text.replace_range(
            at..at + HASH_LINE_EMPTY.len(),
            &format!("  hash: \"{hash}\""),
        );
    }
    Ok(text)
}

/// Writes `date: "2026-03-05"` as `date: 2026-03-05`, the way people write dates in
/// front matter (the YAML serializer quotes strings that look like timestamps).
fn unquote_dates(yaml: &str) -> String {
    let mut out = String::with_capacity(yaml.len());
    for line in yaml.split_inclusive('\n') {
        let body = line.trim_end_matches('\n');
        let unquoted = body.split_once("date: \"").and_then(|(key, rest)| {
            let value = rest.strip_suffix('"')?;
            let is_key = key.trim_start_matches([' ', '-']).is_empty();
            let is_date = value.len() == 10
                && value.bytes().enumerate().all(|(i, b)| {
                    if i == 4 || i == 7 {
                        b == b'-'
                    } else {
                        b.is_ascii_digit()
                    }
                });
            (is_key && is_date).then(|| format!("{key}date: {value}"))
        });
        match unquoted {
            Some(u) => {
                out.push_str(&u);
                out.push_str(&line[body.len()..]);
            }
            None => out.push_str(line),
        }
    }
    out
}

/// The first 16 hex digits of the text's blake3 hash.
fn fingerprint(text: &str) -> String {
    blake3::hash(text.as_bytes()).to_hex()[..16].to_string()
}

/// True when `text` is exactly what `briefing` wrote (no hand edits since).
pub fn is_unedited(text: &str, meta: &BriefingMeta) -> bool {
    let Some(g) = &meta.generated else {
        return false;
    };
    let filled = format!("  hash: \"{}\"", g.hash);
    let Some(at) = text.rfind(&filled) else {
        return false;
    };
    let mut original = text.to_string();
    original.replace_range(at..at + filled.len(), HASH_LINE_EMPTY);
    fingerprint(&original) == g.hash
}

/// Parses a briefing file. `path` is shown in errors; the slug is the file stem.
pub fn parse(path: &Path, text: &str) -> Result<Briefing, BriefingError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let block = front_matter::find(path, text)?.ok_or_else(|| {
        BriefingError::at_start(path, "a briefing file must start with `---` front matter")
    })?;
    let meta: BriefingMeta = front_matter::parse_typed(path, text, &block, PARSE_HINT)?;
    if meta.title.trim().is_empty() {
        return Err(BriefingError::at_start(
            path,
            "the front matter has no `title`",
        ));
    }
    let body = &text[block.body_start..];
    let trimmed = body.trim_start_matches(['\n', '\r']);
    let body_line = block.body_line + body[..body.len() - trimmed.len()].matches('\n').count();
    Ok(Briefing {
        slug: slug_of(path),
        path: path.to_path_buf(),
        meta,
        body: trimmed.to_string(),
        body_line,
    })
}

/// The slug of a briefing file: its file stem.
pub(super) fn slug_of(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

const PARSE_HINT: &str = "fix the front matter at this position; the \"Briefing files\" section of the README lists every key";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::ActorKind;
    use crate::briefing::model::{ActorMeta, Generated, SourceMeta};

    fn sample() -> Briefing {
        Briefing {
            slug: "talks".into(),
            path: "content/briefings/talks.md".into(),
            meta: BriefingMeta {
                title: "Talks: \"stall\" — again #2".into(),
                date: Some(jiff::civil::date(2026, 3, 12)),
                language: None,
                source: SourceMeta {
                    path: Some("content/articles/talks.txt".into()),
                    hash: Some("blake3:ab".into()),
                    ..Default::default()
                },
                lede: "yes".into(),
                summary: vec!["- starts with a dash".into(), "null".into()],
                actors: vec![ActorMeta {
                    name: "Ana Varela".into(),
                    kind: ActorKind::Person,
                    role: Some("Foreign Minister".into()),
                    aliases: vec!["Varela".into()],
                    mentions: 3,
                    salience: 1.0,
                    quotes: vec![],
                    source: false,
                }],
                things: vec![ActorMeta {
                    name: "Lisk Composite Index".into(),
                    kind: ActorKind::Thing,
                    role: None,
                    aliases: vec!["the index".into()],
                    mentions: 2,
                    salience: 0.2,
                    quotes: vec![],
                    source: false,
                }],
                timeline: vec![],
                tags: vec!["water".into()],
                draft: false,
                generated: Some(Generated {
                    by: "0.1.0/s3".into(),
                    hash: String::new(),
                    sections: Default::default(),
                }),
            },
            body: "## Summary\n\n- one\n".into(),
            body_line: 0,
        }
    }

    #[test]
    fn render_then_parse_round_trips_and_counts_as_unedited() {
        let b = sample();
        let text = render(&b).unwrap();
        let parsed = parse(Path::new("content/briefings/talks.md"), &text).unwrap();
        assert_eq!(parsed.meta.title, b.meta.title);
        assert_eq!(parsed.meta.summary, b.meta.summary);
        assert_eq!(parsed.meta.actors, b.meta.actors);
        assert_eq!(parsed.meta.things, b.meta.things);
        assert!(text.contains("things:\n- name: Lisk Composite Index\n  type: thing"));
        assert_eq!(parsed.body, b.body);
        assert_eq!(parsed.slug, "talks");
        assert_eq!(parsed.meta.generated.as_ref().unwrap().hash.len(), 16);
        assert!(is_unedited(&text, &parsed.meta));
        assert_eq!(
            &text.lines().nth(parsed.body_line - 1).unwrap(),
            &"## Summary"
        );
    }

    #[test]
    fn dates_are_written_unquoted_and_read_back() {
        let yaml = "date: \"2026-03-12\"\ntimeline:\n- date: \"2026-03-10\"\n  text: \"date: \\\"x\\\"\"\n- date: \"2026-W11\"\n";
        let want = "date: 2026-03-12\ntimeline:\n- date: 2026-03-10\n  text: \"date: \\\"x\\\"\"\n- date: \"2026-W11\"\n";
        assert_eq!(unquote_dates(yaml), want);
        let text = render(&sample()).unwrap();
        assert!(text.contains("\ndate: 2026-03-12\n"), "{text}");
        assert_eq!(
            parse(Path::new("t.md"), &text).unwrap().meta.date,
            Some(jiff::civil::date(2026, 3, 12))
        );
    }

    #[test]
    fn any_change_to_the_text_counts_as_an_edit() {
        let text = render(&sample()).unwrap();
        let meta = parse(Path::new("x.md"), &text).unwrap().meta;
        let edits = [
            text.replace("- one", "- one, corrected"),
            text.replace("title:", "# a comment\ntitle:"),
            text.replace("Foreign Minister", "Foreign  Minister"),
            text.replace('\n', "\r\n"),
            format!("{text}\nA note.\n"),
        ];
        for edited in edits {
            assert_ne!(edited, text);
            assert!(!is_unedited(&edited, &meta), "{edited}");
        }
    }

    #[test]
    fn hand_written_files_without_a_fingerprint_count_as_edited() {
        let text = "---\ntitle: Mine\n---\n\nBody.\n";
        let b = parse(Path::new("mine.md"), text).unwrap();
        assert!(b.meta.generated.is_none());
        assert!(!is_unedited(text, &b.meta));
        assert_eq!(b.body, "Body.\n");
    }

    #[test]
    fn errors_name_the_line_in_the_file() {
        let cases = [
            ("title: x\n---\n", 1, "must start with"),
            ("---\ntitle: x\n", 1, "never closed"),
            ("---\ndate: 2026-01-01\n---\n", 2, "missing field `title`"),
            ("---\ntitle: \"\"\n---\n", 1, "no `title`"),
            ("---\ntitle: x\ndate: 2026-13-01\n---\n", 3, "front matter"),
            ("---\ntitle: x\ntitel: y\n---\n", 3, "titel"),
            ("---\ntitle: [x\n---\n", 2, "front matter"),
        ];
        for (text, line, needle) in cases {
            let err = parse(Path::new("b.md"), text).unwrap_err();
            assert_eq!(err.location().line, Some(line), "{text:?}: {err}");
            assert!(err.to_string().contains(needle), "{text:?}: {err}");
            assert!(err.to_string().starts_with("b.md:"), "{err}");
        }
    }
}
