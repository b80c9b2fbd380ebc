//! The one rule that protects hand edits: given an article and the briefing file that
//! already exists for it (if any), decide whether to reuse, regenerate, or keep it.
//!
//! A file `briefing` wrote and nobody touched since is ours to replace when its article
//! or the tool changed. Anything else (edited, or written by hand) is the user's and is
//! kept as is; if its article changed meanwhile the build warns and names the way out
//! (`briefing build --regenerate PATH`, which backs the file up first).

use super::file::is_unedited;
use super::model::BriefingMeta;

/// The briefing file that exists for an article: its text and parsed front matter, and
/// whether it is exactly what `briefing` wrote ([`Existing::new`] decides; a caller
/// that keeps parsed files between builds keeps the verdict with the parse, since
/// deciding hashes the whole file).
#[derive(Debug, Clone, Copy)]
pub struct Existing<'a> {
    pub text: &'a str,
    pub meta: &'a BriefingMeta,
    /// [`is_unedited`]`(text, meta)`.
    pub unedited: bool,
}

impl<'a> Existing<'a> {
    pub fn new(text: &'a str, meta: &'a BriefingMeta) -> Existing<'a> {
        Existing {
            text,
            meta,
            unedited: is_unedited(text, meta),
        }
    }
}

/// What to do with an article's briefing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Plan {
    /// No briefing file yet: analyse and write one.
    Create,
    /// Generated, untouched and current: use the file as is, no analysis needed.
    Reuse,
    /// Generated and untouched, but the article or the tool changed: analyse and replace.
    Refresh,
    /// Edited or written by hand, and the article has not changed since: keep it.
    KeepEdited,
    /// Edited or written by hand, and the article changed since: keep it, and warn.
    KeepEditedStale,
    /// Asked for with `--regenerate`: back the file up, analyse and replace.
    Regenerate,
}

impl Plan {
    /// Whether the article must be analysed.
    pub fn needs_analysis(self) -> bool {
        matches!(self, Plan::Create | Plan::Refresh | Plan::Regenerate)
    }
}

/// Decides what to do with the briefing of an article whose content hash is
/// `article_hash`, under analysis cache key `key`.
pub fn plan(
    article_hash: &str,
    key: &str,
    existing: Option<Existing<'_>>,
    regenerate: bool,
) -> Plan {
    let Some(existing) = existing else {
        return Plan::Create;
    };
    if regenerate {
        return Plan::Regenerate;
    }
    let source_hash = existing.meta.source.hash.as_deref();
    if !existing.unedited {
        return match source_hash {
            Some(h) if h != article_hash => Plan::KeepEditedStale,
            _ => Plan::KeepEdited,
        };
    }
    let current_key = existing
        .meta
        .generated
        .as_ref()
        .is_some_and(|g| g.by == key);
    if source_hash == Some(article_hash) && current_key {
        Plan::Reuse
    } else {
        Plan::Refresh
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::briefing::{Briefing, Generated, SourceMeta, parse, render};
    use std::path::Path;

    fn generated(article_hash: &str, key: &str) -> String {
        let meta = BriefingMeta {
            title: "T".into(),
            date: None,
            language: None,
            source: SourceMeta {
                hash: Some(article_hash.into()),
                ..Default::default()
            },
            lede: String::new(),
            summary: vec![],
            actors: vec![],
            things: vec![],
            timeline: vec![],
            tags: vec![],
            draft: false,
            generated: Some(Generated {
                by: key.into(),
                hash: String::new(),
                sections: Default::default(),
            }),
        };
        render(&Briefing {
            slug: "t".into(),
            path: "t.md".into(),
            meta,
            body: "Body.\n".into(),
            body_line: 0,
        })
        .unwrap()
    }

    fn decide(text: &str, article_hash: &str, key: &str, regenerate: bool) -> Plan {
        let meta = parse(Path::new("t.md"), text).unwrap().meta;
        plan(
            article_hash,
            key,
            Some(Existing::new(text, &meta)),
            regenerate,
        )
    }

    #[test]
    fn decisions() {
        let fresh = generated("h1", "k1");
        let edited = fresh.replace("Body.", "Body, edited by hand.");
        let hand_written = "---\ntitle: Mine\n---\nMine.\n";
        let hand_written_with_source = "---\ntitle: Mine\nsource:\n  hash: h0\n---\nMine.\n";
        let cases = [
            (fresh.as_str(), "h1", "k1", false, Plan::Reuse),
            (fresh.as_str(), "h2", "k1", false, Plan::Refresh),
            (fresh.as_str(), "h1", "k2", false, Plan::Refresh),
            (edited.as_str(), "h1", "k1", false, Plan::KeepEdited),
            (edited.as_str(), "h2", "k1", false, Plan::KeepEditedStale),
            (edited.as_str(), "h1", "k2", false, Plan::KeepEdited),
            (edited.as_str(), "h2", "k1", true, Plan::Regenerate),
            (hand_written, "h1", "k1", false, Plan::KeepEdited),
            (
                hand_written_with_source,
                "h1",
                "k1",
                false,
                Plan::KeepEditedStale,
            ),
        ];
        for (text, hash, key, regenerate, want) in cases {
            assert_eq!(
                decide(text, hash, key, regenerate),
                want,
                "{hash} {key} {regenerate}\n{text}"
            );
        }
        assert_eq!(plan("h", "k", None, true), Plan::Create);
    }

    #[test]
    fn only_creating_and_replacing_need_analysis() {
        let needs: Vec<bool> = [
            Plan::Create,
            Plan::Reuse,
            Plan::Refresh,
            Plan::KeepEdited,
            Plan::KeepEditedStale,
            Plan::Regenerate,
        ]
        .iter()
        .map(|p| p.needs_analysis())
        .collect();
        assert_eq!(needs, [true, false, true, false, false, true]);
    }
}
