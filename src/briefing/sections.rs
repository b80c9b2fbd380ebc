//! The sections of a briefing body: the body's Markdown in, its `## ` sections out, and
//! which of them are still exactly as `briefing` wrote them.
//!
//! The "Summary", "Key actors" and "Timeline" sections restate the front matter. When
//! the tool writes a briefing it records a fingerprint of each of these sections in
//! `generated.sections`; a section whose text still has its fingerprint was not edited,
//! so the site may show the front matter's richer form in its place (and a later edit
//! to the front matter, such as a corrected role, shows there). A section someone
//! edited no longer matches and is shown as written.

use std::collections::BTreeMap;

use super::model::BriefingMeta;

/// One `## ` section of a body: its heading text and its Markdown, heading line included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BodySection<'a> {
    pub heading: &'a str,
    pub markdown: &'a str,
}

/// The body's `## ` sections, in order (text before the first one is not a section).
/// Lines inside fenced code blocks never start a section.
pub fn split(body: &str) -> Vec<BodySection<'_>> {
    let mut starts: Vec<(usize, &str)> = Vec::new();
    let mut offset = 0;
    let mut fence: Option<&str> = None;
    for line in body.split_inclusive('\n') {
        let trimmed = line.trim_end();
        match fence {
            Some(marker) if trimmed.trim_start().starts_with(marker) => fence = None,
            Some(_) => {}
            None if trimmed.trim_start().starts_with("```") => fence = Some("```"),
            None if trimmed.trim_start().starts_with("~~~") => fence = Some("~~~"),
            None => {
                if let Some(heading) = trimmed.strip_prefix("## ") {
                    starts.push((offset, heading.trim().trim_end_matches('#').trim_end()));
                }
            }
        }
        offset += line.len();
    }
    let ends = starts.iter().skip(1).map(|(s, _)| *s).chain([body.len()]);
    starts
        .iter()
        .zip(ends)
        .map(|(&(start, heading), end)| BodySection {
            heading,
            markdown: &body[start..end],
        })
        .collect()
}

/// A fingerprint of a section's Markdown, blind to trailing spaces and blank lines.
pub fn fingerprint(markdown: &str) -> String {
    let lines: Vec<&str> = markdown.lines().map(str::trim_end).collect();
    let normal = lines.join("\n");
    blake3::hash(normal.trim_matches('\n').as_bytes()).to_hex()[..16].to_string()
}

/// Fingerprints of the given sections, keyed by heading.
pub fn fingerprints<'a>(
    sections: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> BTreeMap<String, String> {
    sections
        .into_iter()
        .map(|(heading, markdown)| (heading.to_string(), fingerprint(markdown)))
        .collect()
}

/// The headings of the body sections that are still exactly as the tool wrote them.
pub fn untouched(meta: &BriefingMeta, body: &str) -> Vec<String> {
    let Some(generated) = &meta.generated else {
        return Vec::new();
    };
    split(body)
        .into_iter()
        .filter(|s| {
            generated
                .sections
                .get(s.heading)
                .is_some_and(|f| *f == fingerprint(s.markdown))
        })
        .map(|s| s.heading.to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::briefing::model::Generated;

    const BODY: &str = "Intro.\n\n## Summary\n\n- One.\n\n## Key actors\n\n- **A**\n\n```\n## not a heading\n```\n\n## Source ##\n\nText.\n";

    #[test]
    fn split_finds_sections_outside_code() {
        let got: Vec<&str> = split(BODY).iter().map(|s| s.heading).collect();
        assert_eq!(got, ["Summary", "Key actors", "Source"]);
        assert!(split(BODY)[1].markdown.contains("## not a heading"));
        assert_eq!(
            split(BODY).iter().map(|s| s.markdown).collect::<String>(),
            &BODY[8..]
        );
        assert!(split("no sections\n").is_empty());
    }

    #[test]
    fn fingerprints_ignore_trailing_space_only() {
        assert_eq!(
            fingerprint("## A\n\n- x\n"),
            fingerprint("## A  \n\n- x\n\n\n")
        );
        assert_ne!(fingerprint("## A\n\n- x\n"), fingerprint("## A\n\n- y\n"));
    }

    #[test]
    fn untouched_sections_keep_their_fingerprint() {
        let sections = split(BODY);
        let mut meta = BriefingMeta {
            generated: Some(Generated {
                by: "k".into(),
                hash: String::new(),
                sections: fingerprints(sections.iter().take(2).map(|s| (s.heading, s.markdown))),
            }),
            ..BriefingMeta::default()
        };
        assert_eq!(untouched(&meta, BODY), ["Summary", "Key actors"]);
        let edited = BODY.replace("- One.", "- One, corrected.");
        assert_eq!(untouched(&meta, &edited), ["Key actors"]);
        meta.generated = None;
        assert!(
            untouched(&meta, BODY).is_empty(),
            "hand-written briefings have no untouched sections"
        );
    }
}
