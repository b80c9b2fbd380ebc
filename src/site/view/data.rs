//! Views for machines: the Atom feed (`feed` in `atom.xml`), the sitemap (`entries`
//! in `sitemap.xml`), the search index (`search/index.json`) and `briefings.json`.
//!
//! The two JSON files are serialised here with serde_json, not through templates: they
//! are data formats other tools read, so their shape is fixed and versioned.

use std::collections::HashSet;

use serde::Serialize;

use crate::corpus::{ActorId, BriefingId};

use super::super::index::SiteIndex;
use super::super::markdown;
use super::super::urls;
use super::dates::{day_label, event_when, granularity};
use super::tag_name;
use super::timeline::Timeline;

/// An entry of the Atom feed.
#[derive(Debug, Clone, Serialize)]
pub struct FeedEntry {
    pub title: String,
    pub permalink: String,
    /// ISO date: the publication date, else the date the briefing was first built
    /// (`ingest::first_seen`), never the build date.
    pub updated: String,
    pub summary: String,
    /// The sanitised body; the template escapes it into `<content type="html">`.
    pub content_html: String,
    pub tags: Vec<String>,
    pub source_name: Option<String>,
}

/// `feed`.
#[derive(Debug, Clone, Serialize)]
pub struct FeedView {
    pub title: String,
    pub subtitle: String,
    /// The feed's id: the site's absolute URL.
    pub id: String,
    pub self_url: String,
    pub home: String,
    /// The newest entry date (ISO); for a feed without entries, 1 January 1970.
    pub updated: String,
    pub author: String,
    pub entries: Vec<FeedEntry>,
}

impl FeedView {
    /// The feed of the newest briefings; `first_seen` dates those without a date. One
    /// without either, which only `check` can meet, is left out: no entry gets a
    /// made-up date.
    pub fn new(
        index: &SiteIndex,
        first_seen: &std::collections::BTreeMap<String, jiff::civil::Date>,
    ) -> Self {
        let config = index.config;
        let entries: Vec<FeedEntry> = index
            .order()
            .iter()
            .filter_map(|&b| {
                let briefing = index.briefing(b);
                let date = briefing
                    .meta
                    .date
                    .or_else(|| first_seen.get(&briefing.slug).copied());
                date.map(|d| (b, d))
            })
            .take(config.feed_limit)
            .map(|(b, date)| {
                let briefing = index.briefing(b);
                let body = markdown::render(&briefing.body, &|u| index.rewrite_link(u));
                let meta = &briefing.meta;
                FeedEntry {
                    title: meta.title.clone(),
                    permalink: index.permalink(&index.briefing_path(b)),
                    updated: date.to_string(),
                    summary: meta.lede.clone(),
                    content_html: body.html.clone(),
                    tags: tag_names(index, b),
                    source_name: meta.source.name.clone().filter(|n| !n.trim().is_empty()),
                }
            })
            .collect();
        FeedView {
            title: config.title.clone(),
            subtitle: config.description.clone(),
            id: config.base_url.clone(),
            self_url: index.permalink("atom.xml"),
            home: config.base_url.clone(),
            updated: entries
                .iter()
                .map(|e| e.updated.clone())
                .max()
                .unwrap_or_else(|| "1970-01-01".to_string()),
            author: config
                .author
                .clone()
                .unwrap_or_else(|| config.title.clone()),
            entries,
        }
    }
}

/// An entry of `sitemap.xml`.
#[derive(Debug, Clone, Serialize)]
pub struct SitemapEntry {
    pub permalink: String,
    pub lastmod: Option<String>,
}

/// Every HTML page worth indexing: home, briefings, actors, tags, every timeline page.
pub fn sitemap(index: &SiteIndex, timeline: &Timeline) -> Vec<SitemapEntry> {
    let plain = |path: &str| SitemapEntry {
        permalink: index.permalink(path),
        lastmod: None,
    };
    let newest = index
        .order()
        .iter()
        .filter_map(|&b| index.briefing(b).meta.date)
        .max()
        .map(|d| d.to_string());
    let mut entries = vec![SitemapEntry {
        permalink: index.permalink(""),
        lastmod: newest,
    }];
    entries.extend(index.order().iter().map(|&b| SitemapEntry {
        permalink: index.permalink(&index.briefing_path(b)),
        lastmod: index.briefing(b).meta.date.map(|d| d.to_string()),
    }));
    entries.extend(["actors/", "timeline/", "tags/"].map(plain));
    entries.extend(
        timeline
            .pages
            .iter()
            .map(|p| plain(&format!("timeline/{}/", p.key))),
    );
    let corpus = index.corpus;
    entries.extend(
        corpus
            .actors()
            .filter(|&a| index.actor_only_in(a).is_none())
            .map(|a| plain(&urls::actor(&corpus.actor(a).slug))),
    );
    entries.extend(
        corpus
            .tags()
            .iter()
            .map(|&t| plain(&urls::tag(&corpus.tag(t).slug))),
    );
    entries
}

/// A document of the search index.
#[derive(Debug, Clone, Serialize)]
pub struct SearchDoc {
    pub title: String,
    pub url: String,
    pub date: Option<String>,
    /// The date as pages print it ("24 March 2026").
    pub date_label: Option<String>,
    /// The lede as the briefing page shows it (a key point that extends it replaces it).
    pub lede: String,
    /// The key points the page lists, without a wire dateline.
    pub summary: String,
    /// Site-wide names of the briefing's actors.
    pub actors: Vec<String>,
    /// Other names the briefing uses for them (as written, and aliases).
    pub aliases: Vec<String>,
    pub tags: Vec<String>,
}

/// The search documents of `briefings` (a part of the search index, see
/// `site::data_files`).
pub fn search_docs(index: &SiteIndex, briefings: &[BriefingId]) -> Vec<SearchDoc> {
    briefings.iter().map(|&b| search_doc(index, b)).collect()
}

fn search_doc(index: &SiteIndex, b: BriefingId) -> SearchDoc {
    let meta = &index.briefing(b).meta;
    let mut actors: Vec<String> = Vec::new();
    let mut aliases: Vec<String> = Vec::new();
    let mut seen: HashSet<&str> = HashSet::new();
    for &id in index.corpus.actors_of(b) {
        let name = &index.corpus.actor(id).name;
        if seen.insert(name) {
            actors.push(name.clone());
        }
    }
    for a in &meta.actors {
        for other in std::iter::once(&a.name).chain(&a.aliases) {
            if seen.insert(other) {
                aliases.push(other.clone());
            }
        }
    }
    // The lede and points as the briefing page shows them: no dateline, no
    // point that repeats the lede (a result shows a matching point under it).
    let lead = super::repeats::lead(&meta.lede, &meta.summary);
    SearchDoc {
        title: meta.title.clone(),
        url: index.url(&index.briefing_path(b)),
        date: meta.date.map(|d| d.to_string()),
        date_label: meta.date.map(|d| day_label(&d.to_string())),
        lede: lead.lede,
        summary: lead.points.join(" "),
        actors,
        aliases,
        tags: tag_names(index, b),
    }
}

/// An actor in `briefings.json`.
#[derive(Debug, Clone, Serialize)]
pub struct ActorData {
    pub name: String,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub role: Option<String>,
    pub aliases: Vec<String>,
    pub mentions: usize,
    pub salience: f64,
    pub quotes: Vec<String>,
    /// Where the site actor this entry was merged into is shown: its page, or the
    /// one briefing it is seen in.
    pub actor_url: String,
}

/// A timeline event in `briefings.json`.
#[derive(Debug, Clone, Serialize)]
pub struct EventData {
    pub date: String,
    pub when: String,
    pub granularity: &'static str,
    pub text: String,
    pub actors: Vec<String>,
    /// Placed at the publication date, not dated by the article.
    pub reported: bool,
}

/// Where a briefing comes from, in `briefings.json`.
#[derive(Debug, Clone, Serialize)]
pub struct SourceData {
    pub name: Option<String>,
    /// Only absolute `http(s)` URLs.
    pub url: Option<String>,
    pub author: Option<String>,
}

/// A briefing in `briefings.json`.
#[derive(Debug, Clone, Serialize)]
pub struct BriefingData {
    pub slug: String,
    /// The page's URL with the base path (`/briefings/x/`); the site's `base_url` in
    /// `briefings.json` makes it absolute.
    pub url: String,
    pub title: String,
    pub date: Option<String>,
    pub source: SourceData,
    pub lede: String,
    pub summary: Vec<String>,
    pub actors: Vec<ActorData>,
    pub timeline: Vec<EventData>,
    pub tags: Vec<String>,
    pub draft: bool,
}

/// The records of `briefings` (a part of `briefings.json`, see `site::data_files`).
pub fn briefing_records(index: &SiteIndex, briefings: &[BriefingId]) -> Vec<BriefingData> {
    briefings.iter().map(|&b| briefing_data(index, b)).collect()
}

/// The display names of a briefing's tags.
fn tag_names(index: &SiteIndex, b: BriefingId) -> Vec<String> {
    let corpus = index.corpus;
    corpus
        .tags_of(b)
        .iter()
        .map(|&t| tag_name(index, t))
        .collect()
}

fn briefing_data(index: &SiteIndex, b: BriefingId) -> BriefingData {
    let meta = &index.briefing(b).meta;
    let actors = meta
        .actors
        .iter()
        .zip(index.corpus.actors_of(b))
        .map(|(a, &id)| actor_data(index, a, id))
        .collect();
    let timeline = meta
        .timeline
        .iter()
        .map(|e| EventData {
            date: e.date.clone(),
            when: event_when(e),
            granularity: granularity(&e.date),
            text: e.text.clone(),
            actors: e.actors.clone(),
            reported: e.reported,
        })
        .collect();
    BriefingData {
        slug: index.url_slug(b).to_string(),
        url: index.url(&index.briefing_path(b)),
        title: meta.title.clone(),
        date: meta.date.map(|d| d.to_string()),
        source: SourceData {
            name: meta.source.name.clone(),
            url: urls::source_url(meta),
            author: meta.source.author.clone(),
        },
        lede: meta.lede.clone(),
        summary: meta.summary.clone(),
        actors,
        timeline,
        tags: tag_names(index, b),
        draft: meta.draft,
    }
}

fn actor_data(index: &SiteIndex, a: &crate::briefing::ActorMeta, id: ActorId) -> ActorData {
    let site = index.corpus.actor(id);
    ActorData {
        name: a.name.clone(),
        // One kind per entity across the site: the corpus's, not this briefing's guess.
        kind: site.kind.as_str(),
        role: a.role.clone(),
        aliases: a.aliases.clone(),
        mentions: a.mentions,
        salience: a.salience,
        quotes: a.quotes.clone(),
        actor_url: index.url(&index.actor_path(id)),
    }
}
