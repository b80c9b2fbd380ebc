//! The [`Briefing`]: what a briefing file holds, as values.
//!
//! The front matter ([`BriefingMeta`]) is the structured data the site is built from
//! (actor pages, timelines, feeds); the body is the Markdown a reader sees. Both may be
//! edited by hand, so every field has a forgiving default and unknown keys are reported
//! with their position instead of silently dropped.

use std::collections::BTreeMap;
use std::path::PathBuf;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::analysis::ActorKind;

/// One briefing, parsed from or about to be written to `content/briefings/<slug>.md`.
#[derive(Debug, Clone, PartialEq)]
pub struct Briefing {
    /// The file name without `.md`; the page lives at `briefings/<slug>/`.
    pub slug: String,
    /// The briefing file, as shown to users.
    pub path: PathBuf,
    pub meta: BriefingMeta,
    /// The Markdown body after the front matter.
    pub body: String,
    /// 1-based line of the file on which the body starts.
    pub body_line: usize,
}

/// The front matter of a briefing file.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BriefingMeta {
    pub title: String,
    /// Publication date of the source article.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// The article's language when it is not English (an ISO 639 code, as in HTML
    /// `lang`); absent for English.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    #[serde(default)]
    pub source: SourceMeta,
    /// One sentence that says what happened.
    #[serde(default)]
    pub lede: String,
    #[serde(default)]
    pub summary: Vec<String>,
    #[serde(default)]
    pub actors: Vec<ActorMeta>,
    /// Names of things (products, indices, laws, events) the article names, most salient
    /// first: no key actors and no actor pages, but timeline events may list them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub things: Vec<ActorMeta>,
    #[serde(default)]
    pub timeline: Vec<EventMeta>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub draft: bool,
    /// Present when `briefing` wrote the file; absent for briefings written by hand.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub generated: Option<Generated>,
}

/// Where a briefing comes from.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceMeta {
    /// The article file, relative to the site root.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// Content hash of the article file when the briefing was generated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hash: Option<String>,
    /// Publication name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
}

/// A key actor of the briefing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActorMeta {
    pub name: String,
    #[serde(rename = "type")]
    pub kind: ActorKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub mentions: usize,
    /// 0.0 to 1.0, most salient actor first.
    #[serde(default)]
    pub salience: f64,
    /// What the actor is quoted as saying.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub quotes: Vec<String>,
    /// A news outlet the article only cites ("told ABC News"): listed as a source, after
    /// the story's actors.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub source: bool,
}

/// A dated event of the briefing's timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventMeta {
    /// TIMEX3 value ("2022-01-26", "2021-12", "XXXX-WXX-3"); see `analysis::timex::value`.
    pub date: String,
    /// The date for readers; derived from `date` when left empty.
    #[serde(default)]
    pub when: String,
    pub text: String,
    /// Names of the actors involved, as in `actors`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actors: Vec<String>,
    /// Told without a date of its own: placed at the publication date ("reported 28
    /// January 2022"), not dated by the article.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub reported: bool,
}

/// Reported events a briefing's own timeline shows; the front matter keeps all of them
/// (actor pages and the merged timeline show every one).
pub const KEY_REPORTED_EVENTS: usize = 3;

/// How often a thing is named before the briefing shows it.
pub const THING_MENTIONS: usize = 2;
/// How many things a briefing shows at most.
pub const THINGS_SHOWN: usize = 8;

impl BriefingMeta {
    /// The things the briefing shows (the body's "Things named" line, the page's row):
    /// those named at least [`THING_MENTIONS`] times (a thing named once in passing is
    /// no part of the story), at most [`THINGS_SHOWN`], most salient first.
    pub fn things_shown(&self) -> impl Iterator<Item = &ActorMeta> {
        self.things
            .iter()
            .filter(|t| t.mentions >= THING_MENTIONS)
            .take(THINGS_SHOWN)
    }

    /// The events the briefing itself shows: every dated event, and the first
    /// [`KEY_REPORTED_EVENTS`] reported ones (analysis lists an article's key news first).
    pub fn key_events(&self) -> impl Iterator<Item = (usize, &EventMeta)> {
        let mut reported = 0;
        self.timeline.iter().enumerate().filter(move |(_, e)| {
            reported += usize::from(e.reported);
            !e.reported || reported <= KEY_REPORTED_EVENTS
        })
    }
}

/// How and from what a briefing file was generated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Generated {
    /// The analysis cache key (tool version and options) it was generated with.
    pub by: String,
    /// Hash of the file as written; a file whose hash no longer matches was edited by hand.
    pub hash: String,
    /// Fingerprints of the body sections that restate the front matter ("Summary", "Key
    /// actors", "Timeline") as written; see `briefing::sections`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub sections: BTreeMap<String, String>,
}
