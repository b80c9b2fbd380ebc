//! View structs: what templates receive, built from the site index (never the domain
//! types themselves, so templates keep working when the briefing format changes, and
//! every value a template can print is listed in `docs/templates.md`).
//!
//! Views hold plain strings and numbers ready to print: URLs already carry the base
//! path, briefing dates are ISO strings (`2022-01-26`, format them with the `date`
//! filter), event dates come as words (`dates`), article text is raw text (templates
//! escape it; only the sanitised body HTML from `markdown` is meant for `| safe`).
//! This module holds the small views shared by several pages; `paging` splits lists
//! into pages; one submodule per page family builds the rest (`sections` cuts a
//! briefing body).

pub mod actor;
pub mod briefing;
mod briefing_actors;
pub mod data;
pub mod dates;
pub mod group_views;
mod paging;
mod periods;
pub mod repeats;
pub mod sections;
pub mod timeline;
mod timeline_pages;

pub use paging::{Paginator, page_count, page_range, pages_for, range_for};

use serde::Serialize;

use crate::analysis::ActorKind;
use crate::config::Config;
use crate::corpus::{ActorId, BriefingId, Participant, TagId};

use super::index::SiteIndex;
use super::urls;

/// `config`: the site settings from `briefing.toml`.
#[derive(Debug, Clone, Serialize)]
pub struct ConfigView {
    pub title: String,
    pub description: String,
    pub base_url: String,
    pub base_path: String,
    pub language: String,
    pub author: Option<String>,
    pub extra: serde_json::Value,
}

impl ConfigView {
    pub fn new(config: &Config) -> Self {
        ConfigView {
            title: config.title.clone(),
            description: config.description.clone(),
            base_url: config.base_url.clone(),
            base_path: config.base_path().to_string(),
            language: config.language.clone(),
            author: config.author.clone(),
            extra: config.extra.clone(),
        }
    }
}

/// An entry of the main navigation.
#[derive(Debug, Clone, Serialize)]
pub struct NavItem {
    /// Matches `page.section` on the pages of that section.
    pub key: &'static str,
    pub label: &'static str,
    pub url: String,
}

/// `site`: what every page may link to. The site-wide figures are in [`SiteFigures`],
/// given as `site` to the pages that show them, so that adding a briefing does not
/// change every page.
#[derive(Debug, Clone, Serialize)]
pub struct SiteView {
    pub url: String,
    pub permalink: String,
    /// The build date, ISO (`2022-01-26`).
    pub today: String,
    pub generator: String,
    pub nav: Vec<NavItem>,
    pub feed_url: String,
    pub feed_permalink: String,
    pub search_url: String,
    pub search_index_url: String,
    pub data_url: String,
    pub sitemap_permalink: String,
}

/// `site` on the index, actors, tags and search pages: [`SiteView`] and the site's
/// figures.
#[derive(Debug, Clone, Serialize)]
pub struct SiteFigures {
    #[serde(flatten)]
    pub site: SiteView,
    pub briefing_count: usize,
    pub actor_count: usize,
    pub tag_count: usize,
}

impl SiteFigures {
    pub fn new(index: &SiteIndex, site: SiteView) -> Self {
        SiteFigures {
            site,
            briefing_count: index.len(),
            actor_count: index.corpus.actor_count(),
            tag_count: index.corpus.tags().len(),
        }
    }
}

impl SiteView {
    pub fn new(index: &SiteIndex, today: jiff::civil::Date) -> Self {
        let nav = [
            ("briefings", "Briefings", ""),
            ("actors", "Actors", "actors/"),
            ("timeline", "Timeline", "timeline/"),
            ("tags", "Tags", "tags/"),
            ("search", "Search", "search/"),
        ];
        SiteView {
            url: index.url(""),
            permalink: index.permalink(""),
            today: today.to_string(),
            generator: format!("briefing {}", crate::VERSION),
            nav: nav
                .iter()
                .map(|&(key, label, path)| NavItem {
                    key,
                    label,
                    url: index.url(path),
                })
                .collect(),
            feed_url: index.url("atom.xml"),
            feed_permalink: index.permalink("atom.xml"),
            search_url: index.url("search/"),
            search_index_url: index.url("search/index.json"),
            data_url: index.url("briefings.json"),
            sitemap_permalink: index.permalink("sitemap.xml"),
        }
    }
}

/// `page`: the page being rendered.
#[derive(Debug, Clone, Serialize)]
pub struct PageView {
    /// `index`, `briefing`, `actors`, `actor`, `timeline`, `tags`, `tag`, `search`, `404`, ...
    pub kind: &'static str,
    /// The page's own title (the layout adds the site title).
    pub title: String,
    pub description: String,
    pub url: String,
    pub permalink: String,
    /// Which `site.nav` entry this page belongs to.
    pub section: &'static str,
}

/// A link to an actor: its page, or for an actor seen in one briefing (no page of its
/// own, see `SiteIndex::actor_only_in`) that briefing's "Who is involved" section.
#[derive(Debug, Clone, Serialize)]
pub struct ActorRef {
    pub name: String,
    pub slug: String,
    /// Empty on the page of the one briefing an actor without a page is seen in
    /// (templates then show the name without a link).
    pub url: String,
    /// Whether the actor has a page (`actors/<slug>/`): seen in two briefings or more.
    pub has_page: bool,
    /// `person`, `organization`, `place`, `group` or `thing`.
    pub kind: &'static str,
    pub kind_label: &'static str,
    /// The role in the briefing the reference comes from, if any.
    pub role: Option<String>,
}

impl ActorRef {
    /// A reference to site actor `id`, with the role it has in one briefing.
    pub fn new(index: &SiteIndex, id: ActorId, role: Option<&str>) -> Self {
        let a = index.corpus.actor(id);
        ActorRef {
            name: a.name.clone(),
            slug: a.slug.clone(),
            url: index.url(&index.actor_path(id)),
            has_page: index.actor_only_in(id).is_none(),
            kind: a.kind.as_str(),
            kind_label: a.kind.label(),
            role: role
                .map(str::trim)
                .filter(|r| !r.is_empty())
                .map(str::to_string),
        }
    }

    /// A thing an event involves (a product, a law, an event: see `ActorKind::Thing`):
    /// shown as its name, without a link, since things have no pages.
    pub fn thing(name: &str) -> Self {
        ActorRef {
            name: name.trim().to_string(),
            slug: String::new(),
            url: String::new(),
            has_page: false,
            kind: ActorKind::Thing.as_str(),
            kind_label: ActorKind::Thing.label(),
            role: None,
        }
    }

    /// A participant of an event of briefing `b` the briefing lists among its things:
    /// the site's organisation or place of that name, else the thing.
    pub fn participant(index: &SiteIndex, p: Participant, b: BriefingId) -> Self {
        match p {
            Participant::Actor(id) => ActorRef::on_briefing(index, id, None, b),
            Participant::Thing(name) => ActorRef::thing(name),
        }
    }

    /// A reference shown on the page of briefing `b`: an actor seen only there gets no
    /// link (it would lead back to the same page).
    pub fn on_briefing(index: &SiteIndex, id: ActorId, role: Option<&str>, b: BriefingId) -> Self {
        let mut r = ActorRef::new(index, id, role);
        if index.actor_only_in(id) == Some(b) {
            r.url.clear();
        }
        r
    }
}

/// A link to a tag page.
#[derive(Debug, Clone, Serialize)]
pub struct TagRef {
    pub name: String,
    pub slug: String,
    pub url: String,
    /// Briefings with the tag.
    pub count: usize,
}

impl TagRef {
    pub fn new(index: &SiteIndex, id: TagId) -> Self {
        let t = index.corpus.tag(id);
        TagRef {
            name: tag_name(index, id),
            slug: t.slug.clone(),
            url: index.url(&urls::tag(&t.slug)),
            count: t.briefings.len(),
        }
    }
}

/// The name of tag `id` for readers: its most used spelling as written when it has
/// capitals; a spelling all in lower case read as words with capitals (`sarn-river`
/// and `sarn river` are "Sarn River", `water` is "Water"), so tags look alike.
pub fn tag_name(index: &SiteIndex, id: TagId) -> String {
    display_tag(&index.corpus.tag(id).name)
}

fn display_tag(name: &str) -> String {
    let name = name.trim();
    if name.chars().any(char::is_uppercase) {
        return name.to_string();
    }
    let capital = |w: &str| {
        let mut chars = w.chars();
        chars.next().map_or(String::new(), |c| {
            c.to_uppercase().chain(chars).collect::<String>()
        })
    };
    let separators: &[char] = match name.contains(char::is_whitespace) {
        true => &[' ', '\t', '\n'],
        false => &['-', '_'],
    };
    name.split(separators)
        .filter(|w| !w.is_empty())
        .map(capital)
        .collect::<Vec<_>>()
        .join(" ")
}

/// A tag on a briefing card or page: its name and page.
#[derive(Debug, Clone, Serialize)]
pub struct TagLink {
    pub name: String,
    pub slug: String,
    pub url: String,
}

impl TagLink {
    pub fn new(index: &SiteIndex, id: TagId) -> Self {
        let t = index.corpus.tag(id);
        TagLink {
            name: tag_name(index, id),
            slug: t.slug.clone(),
            url: index.url(&urls::tag(&t.slug)),
        }
    }
}

/// A plain link to a briefing (sources, neighbours).
#[derive(Debug, Clone, Serialize)]
pub struct LinkView {
    pub title: String,
    pub url: String,
    pub date: Option<String>,
}

impl LinkView {
    pub fn briefing(index: &SiteIndex, b: BriefingId) -> Self {
        let meta = &index.briefing(b).meta;
        LinkView {
            title: meta.title.clone(),
            url: index.url(&index.briefing_path(b)),
            date: meta.date.map(|d| d.to_string()),
        }
    }
}

/// A briefing in a list (index, tag and actor pages, related briefings).
#[derive(Debug, Clone, Serialize)]
pub struct BriefingCard {
    pub slug: String,
    pub url: String,
    pub title: String,
    pub date: Option<String>,
    pub lede: String,
    pub source_name: Option<String>,
    /// The most salient actors, at most [`CARD_ACTORS`].
    pub actors: Vec<ActorRef>,
    pub tags: Vec<TagLink>,
    pub draft: bool,
}

/// Actors shown on a briefing card.
pub const CARD_ACTORS: usize = 4;

impl BriefingCard {
    pub fn new(index: &SiteIndex, b: BriefingId) -> Self {
        let meta = &index.briefing(b).meta;
        let mut seen = std::collections::HashSet::new();
        let actors = index
            .corpus
            .actors_of(b)
            .iter()
            .zip(&meta.actors)
            .filter(|(id, _)| seen.insert(**id))
            .take(CARD_ACTORS)
            .map(|(&id, a)| ActorRef::new(index, id, a.role.as_deref()))
            .collect();
        BriefingCard {
            slug: index.url_slug(b).to_string(),
            url: index.url(&index.briefing_path(b)),
            title: meta.title.clone(),
            date: meta.date.map(|d| d.to_string()),
            lede: meta.lede.clone(),
            source_name: meta.source.name.clone().filter(|n| !n.trim().is_empty()),
            actors,
            tags: index
                .corpus
                .tags_of(b)
                .iter()
                .map(|&t| TagLink::new(index, t))
                .collect(),
            draft: meta.draft,
        }
    }
}

/// Briefings listed as cards on actor and tag pages; the rest are plain links, so a
/// page about an actor in thousands of briefings stays small.
pub const LIST_CARDS: usize = 24;

/// Cards for the first [`LIST_CARDS`] of `briefings`.
pub fn cards(index: &SiteIndex, briefings: &[BriefingId]) -> Vec<BriefingCard> {
    briefings
        .iter()
        .take(LIST_CARDS)
        .map(|&b| BriefingCard::new(index, b))
        .collect()
}

/// Links for the briefings after the first [`LIST_CARDS`].
pub fn more_links(index: &SiteIndex, briefings: &[BriefingId]) -> Vec<LinkView> {
    briefings
        .iter()
        .skip(LIST_CARDS)
        .map(|&b| LinkView::briefing(index, b))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_written_as_slugs_read_as_words() {
        let cases = [
            ("sarn-river", "Sarn River"),
            ("water_rights", "Water Rights"),
            ("Diplomacy", "Diplomacy"),
            ("diplomacy", "Diplomacy"),
            ("Sarn-River", "Sarn-River"),
            ("covid-19 response", "Covid-19 Response"),
            ("Covid-19 response", "Covid-19 response"),
            (" --x- ", "X"),
        ];
        for (name, want) in cases {
            assert_eq!(display_tag(name), want, "{name}");
        }
    }
}
