//! The list of template-rendered pages of a site ([`Job`]) and, for each, its URL,
//! template and context.
//!
//! Jobs are plain values listed up front (their URLs are known before anything is
//! rendered, which the link checker needs); each one builds its own views when it
//! runs, so jobs render independently and in parallel.

use tera::Context;

use crate::corpus::{ActorFacts, ActorId, BriefingId, TagId};

use super::index::SiteIndex;
use super::keys::Key;
use super::markdown;
use super::urls;
use super::view::actor::{ActorView, groups};
use super::view::briefing::BriefingView;
use super::view::data::{FeedView, sitemap};
use super::view::timeline::Timeline;
use super::view::{
    BriefingCard, PageView, Paginator, TagRef, cards, more_links, page_count, page_range,
};

/// One page rendered from a template.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Job {
    /// Index page n (1-based).
    Index(usize),
    Briefing(BriefingId),
    Actors,
    /// Actor, page n (1-based).
    Actor(ActorId, usize),
    Timeline,
    /// Page n (0-based) of a timeline too long for one page (see `Timeline::pages`).
    TimelinePage(usize),
    Tags,
    /// Tag, page n (1-based).
    Tag(TagId, usize),
    Search,
    NotFound,
    Atom,
    Sitemap,
    Robots,
}

/// What every job may read.
pub struct Shared<'a> {
    pub index: &'a SiteIndex<'a>,
    /// The key of what every page shares (see `keys::env_key`).
    pub env: Key,
    /// A fingerprint of the briefings whose URL slug is not their file slug (a link to
    /// `<file>.md` in a body names the URL slug).
    pub slug_exceptions: Key,
    /// What the sitemap lists besides the timeline's pages (`keys::sitemap_surface`).
    pub sitemap_surface: Key,
    /// The `site` view with the site's figures, for the pages that show them.
    pub site_figures: &'a super::view::SiteFigures,
    /// The header facts of every actor, by `ActorId::slot`.
    pub actor_facts: &'a [ActorFacts],
    pub timeline: &'a Timeline,
    pub first_seen: &'a std::collections::BTreeMap<String, jiff::civil::Date>,
    /// Cards and actor links hashed once for every page key (see `memo::Memo`).
    pub memo: super::memo::Memo,
}

/// The jobs before the timeline's pages ([`timeline_jobs`]), in a fixed order: the
/// index, the briefings, the actors, the timeline's first page. They depend on the
/// briefings' surfaces alone (see `corpus::delta`), and name briefings and actors by ids
/// that an update of contents keeps, so `site::Cache` keeps them.
pub fn surface_jobs(index: &SiteIndex) -> Vec<Job> {
    let pages = index_pages(index);
    let corpus = index.corpus;
    let mut jobs: Vec<Job> = (1..=pages).map(Job::Index).collect();
    jobs.extend(index.order().iter().map(|&b| Job::Briefing(b)));
    jobs.push(Job::Actors);
    for a in corpus
        .actors()
        .filter(|&a| index.actor_only_in(a).is_none())
    {
        let count = page_count(index, corpus.postings(a).len());
        jobs.extend((1..=count).map(|n| Job::Actor(a, n)));
    }
    jobs.push(Job::Timeline);
    jobs
}

/// The jobs after the timeline's pages: the tags, search, feeds. Listed on every
/// render (a few hundred): a tag's id may change when an update takes its last
/// briefing out and puts it back, so they are not kept.
pub fn closing_jobs(index: &SiteIndex) -> Vec<Job> {
    let corpus = index.corpus;
    let mut jobs = vec![Job::Tags];
    for &t in corpus.tags() {
        let count = page_count(index, corpus.tag(t).briefings.len());
        jobs.extend((1..=count).map(|n| Job::Tag(t, n)));
    }
    jobs.extend([
        Job::Search,
        Job::NotFound,
        Job::Atom,
        Job::Sitemap,
        Job::Robots,
    ]);
    jobs
}

/// The pages of a timeline split by period (none when it fits on one page).
pub fn timeline_jobs(timeline: &Timeline) -> impl Iterator<Item = Job> {
    let count = match timeline.one_page {
        true => 0,
        false => timeline.pages.len(),
    };
    (0..count).map(Job::TimelinePage)
}

fn index_pages(index: &SiteIndex) -> usize {
    page_count(index, index.len())
}

impl Job {
    /// The page's path inside the site (`""`, `briefings/x/`, `atom.xml`).
    pub fn site_path(self, shared: &Shared) -> String {
        let index = shared.index;
        match self {
            Job::Index(n) => urls::index_page(n),
            Job::Briefing(b) => index.briefing_path(b),
            Job::Actors => "actors/".into(),
            Job::Actor(a, n) => urls::actor_page(&index.corpus.actor(a).slug, n),
            Job::Timeline => "timeline/".into(),
            Job::TimelinePage(p) => format!("timeline/{}/", shared.timeline.pages[p].key),
            Job::Tags => "tags/".into(),
            Job::Tag(t, n) => urls::tag_page(&index.corpus.tag(t).slug, n),
            Job::Search => "search/".into(),
            Job::NotFound => "404.html".into(),
            Job::Atom => "atom.xml".into(),
            Job::Sitemap => "sitemap.xml".into(),
            Job::Robots => "robots.txt".into(),
        }
    }

    pub fn template(self) -> &'static str {
        match self {
            Job::Index(_) => "index.html",
            Job::Briefing(_) => "briefing.html",
            Job::Actors => "actors.html",
            Job::Actor(..) => "actor.html",
            Job::Timeline | Job::TimelinePage(_) => "timeline.html",
            Job::Tags => "tags.html",
            Job::Tag(..) => "tag.html",
            Job::Search => "search.html",
            Job::NotFound => "404.html",
            Job::Atom => "atom.xml",
            Job::Sitemap => "sitemap.xml",
            Job::Robots => "robots.txt",
        }
    }

    /// The template context: `page` and the job's own variables (globals are added
    /// to the Tera instance once).
    pub fn context(self, shared: &Shared) -> Context {
        let index = shared.index;
        let mut ctx = Context::new();
        let (kind, section, title, description) = self.fill(shared, &mut ctx);
        let path = self.site_path(shared);
        let page = PageView {
            kind,
            title,
            description,
            url: index.url(&path),
            permalink: index.permalink(&path),
            section,
        };
        ctx.insert("page", &page);
        ctx
    }

    /// Inserts the job's own variables and returns its `page` fields.
    fn fill(self, shared: &Shared, ctx: &mut Context) -> Head {
        let index = shared.index;
        let title = &index.config.title;
        match self {
            Job::Index(n) => {
                ctx.insert("site", shared.site_figures);
                index_context(index, n, ctx)
            }
            Job::Briefing(b) => {
                let body = markdown::render(&index.briefing(b).body, &|u| index.rewrite_link(u));
                let view = BriefingView::new(index, b, &body);
                let head = (view.card.title.clone(), view.card.lede.clone());
                ctx.insert("briefing", &view);
                ("briefing", "briefings", head.0, head.1)
            }
            Job::Actors => {
                ctx.insert("site", shared.site_figures);
                ctx.insert("actor_total", &index.corpus.actor_count());
                ctx.insert("groups", &groups(index, shared.actor_facts));
                let description = format!("Every person, organization, place and group in {title}");
                ("actors", "actors", "Actors".into(), description)
            }
            Job::Actor(a, n) => actor_context(shared, a, n, ctx),
            Job::Timeline => timeline_context(index, shared.timeline, None, ctx),
            Job::TimelinePage(p) => timeline_context(index, shared.timeline, Some(p), ctx),
            Job::Tags => {
                ctx.insert("site", shared.site_figures);
                let tags: Vec<TagRef> = index
                    .corpus
                    .tags()
                    .iter()
                    .map(|&t| TagRef::new(index, t))
                    .collect();
                ctx.insert("tags", &tags);
                ("tags", "tags", "Tags".into(), format!("Topics of {title}"))
            }
            Job::Tag(t, n) => tag_context(index, t, n, ctx),
            Job::Search => {
                ctx.insert("site", shared.site_figures);
                (
                    "search",
                    "search",
                    "Search".into(),
                    format!("Search {title}"),
                )
            }
            Job::NotFound => ("404", "", "Page not found".into(), String::new()),
            Job::Atom => {
                ctx.insert("feed", &FeedView::new(index, shared.first_seen));
                ("atom", "", title.clone(), index.config.description.clone())
            }
            Job::Sitemap => {
                ctx.insert("entries", &sitemap(index, shared.timeline));
                ("sitemap", "", "Sitemap".into(), String::new())
            }
            Job::Robots => ("robots", "", "robots.txt".into(), String::new()),
        }
    }
}

/// `page` fields of a job: kind, nav section, title, description.
type Head = (&'static str, &'static str, String, String);

fn index_context(index: &SiteIndex, n: usize, ctx: &mut Context) -> Head {
    let config = index.config;
    let order = index.order();
    let cards: Vec<BriefingCard> = order[page_range(index, order.len(), n)]
        .iter()
        .map(|&b| BriefingCard::new(index, b))
        .collect();
    ctx.insert("briefings", &cards);
    let paginator = Paginator::new(index, n, index_pages(index), index.len());
    ctx.insert("paginator", &paginator);
    let title = numbered(config.title.clone(), n);
    ("index", "briefings", title, config.description.clone())
}

/// A page title with its page number after the first page: "Ana Ruiz (page 2)".
fn numbered(title: String, n: usize) -> String {
    match n {
        0 | 1 => title,
        n => format!("{title} (page {n})"),
    }
}

fn actor_context(shared: &Shared, a: ActorId, n: usize, ctx: &mut Context) -> Head {
    let facts = &shared.actor_facts[a.slot()];
    let view = ActorView::new(shared.index, a, n, facts);
    let (name, kind, count) = (
        view.actor.name.clone(),
        view.actor.kind,
        view.briefing_count,
    );
    ctx.insert("actor", &view);
    let description = format!("{name} ({kind}) in {count} briefings");
    ("actor", "actors", numbered(name, n), description)
}

fn timeline_context(
    index: &SiteIndex,
    timeline: &Timeline,
    page: Option<usize>,
    ctx: &mut Context,
) -> Head {
    let view = timeline.view(page);
    ctx.insert("parts", view.parts);
    ctx.insert("overview", &view.overview);
    ctx.insert("event_count", &view.event_count);
    ctx.insert("one_page", &view.one_page);
    ctx.insert("current", &view.current);
    ctx.insert("latest", view.latest);
    ctx.insert("older", &view.older);
    ctx.insert("newer", &view.newer);
    let title = view
        .current
        .map_or("Timeline".to_string(), |p| format!("Timeline: {}", p.title));
    let description = format!("Every dated event in {}", index.config.title);
    ("timeline", "timeline", title, description)
}

fn tag_context(index: &SiteIndex, t: TagId, n: usize, ctx: &mut Context) -> Head {
    let tag = TagRef::new(index, t);
    let all = &index.corpus.tag(t).briefings;
    let list = &all[page_range(index, all.len(), n)];
    ctx.insert("briefings", &cards(index, list));
    ctx.insert("more_briefings", &more_links(index, list));
    let slug = &index.corpus.tag(t).slug;
    let paginator = Paginator::with_urls(
        index.config.paginate_by,
        n,
        page_count(index, all.len()),
        all.len(),
        |n| index.url(&urls::tag_page(slug, n)),
    );
    ctx.insert("paginator", &paginator);
    let head = (
        "tag",
        "tags",
        numbered(tag.name.clone(), n),
        format!("Briefings tagged {}", tag.name),
    );
    ctx.insert("tag", &tag);
    head
}
