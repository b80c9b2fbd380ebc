//! The `briefing.analysis/1` JSON contract: an article and its analysis in, one JSON
//! object out, exactly the fields the contract names, in its order.
//!
//! Other tools (and our evaluation scorers) read this, so it is kept separate from the
//! internal types: those can grow fields, the contract changes only with its schema
//! version. Byte offsets refer to `text`.

use serde::Serialize;

use super::{Analysis, EntityType, TimexType};
use crate::ingest::Article;

/// The schema identifier written into every record.
pub const SCHEMA: &str = "briefing.analysis/1";

#[derive(Serialize)]
struct Record<'a> {
    schema: &'static str,
    source: String,
    title: &'a str,
    published: Option<String>,
    text: &'a str,
    sentences: Vec<[usize; 2]>,
    summary: Vec<usize>,
    entities: Vec<EntityRecord<'a>>,
    actors: Vec<ActorRecord<'a>>,
    timexes: Vec<TimexRecord<'a>>,
    timeline: Vec<TimelineRecord<'a>>,
}

#[derive(Serialize)]
struct EntityRecord<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    #[serde(rename = "type")]
    kind: EntityType,
    actor: Option<usize>,
}

#[derive(Serialize)]
struct ActorRecord<'a> {
    id: usize,
    name: &'a str,
    #[serde(rename = "type")]
    kind: super::ActorKind,
    role: Option<&'a str>,
    aliases: &'a [String],
    mentions: usize,
    salience: f64,
    /// Present (true) only on an outlet cited as a source and nothing else.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    source: bool,
}

#[derive(Serialize)]
struct TimexRecord<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    #[serde(rename = "type")]
    kind: TimexType,
    value: &'a str,
}

#[derive(Serialize)]
struct TimelineRecord<'a> {
    date: &'a str,
    sentence: usize,
    text: &'a str,
    actors: &'a [usize],
    /// Told without a date of its own and placed at the publication date.
    reported: bool,
}

/// The contract record for one article, as a JSON value.
pub fn to_json(article: &Article, analysis: &Analysis) -> serde_json::Value {
    let text = article.text.as_str();
    let slice = |start: usize, end: usize| text.get(start..end).unwrap_or("");
    let record = Record {
        schema: SCHEMA,
        source: article.path.display().to_string(),
        title: &article.title,
        published: article.published.map(|d| d.to_string()),
        text,
        sentences: analysis
            .sentences
            .iter()
            .map(|s| [s.start, s.end])
            .collect(),
        summary: analysis.summary.ranked_for_contract(),
        entities: analysis
            .entities
            .iter()
            .map(|e| EntityRecord {
                start: e.start,
                end: e.end,
                text: slice(e.start, e.end),
                kind: e.kind,
                actor: e.actor,
            })
            .collect(),
        actors: analysis.actors.iter().map(ActorRecord::from).collect(),
        timexes: analysis
            .timexes
            .iter()
            .map(|t| TimexRecord {
                start: t.start,
                end: t.end,
                text: slice(t.start, t.end),
                kind: t.kind,
                value: &t.value,
            })
            .collect(),
        timeline: analysis
            .timeline
            .iter()
            .map(|e| TimelineRecord {
                date: &e.date,
                sentence: e.sentence,
                text: &e.text,
                actors: &e.actors,
                reported: e.reported,
            })
            .collect(),
    };
    serde_json::to_value(record)
        .unwrap_or_else(|e| serde_json::json!({ "schema": SCHEMA, "error": e.to_string() }))
}

impl<'a> From<&'a super::Actor> for ActorRecord<'a> {
    fn from(a: &'a super::Actor) -> Self {
        ActorRecord {
            id: a.id,
            name: &a.name,
            kind: a.kind,
            role: a.role.as_deref(),
            aliases: &a.aliases,
            mentions: a.mentions,
            salience: (a.salience * 1000.0).round() / 1000.0,
            source: a.source,
        }
    }
}
