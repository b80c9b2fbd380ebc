//! Stage 4: briefings in, the pages of the site out (HTML, feeds, sitemap, search index).
//!
//! [`render`] is a pure function of its arguments: no clock ("today" is in
//! [`BuildOptions`]), no disk (templates and static files are read by `ingest` and
//! loaded by [`load_templates`] before anything is analysed, so a template error stops
//! a build early; the built-in layer is compiled into the binary). It runs in three steps:
//! 1. read the facts across briefings from the [`Corpus`] (site order, URL slugs,
//!    merged actors and their header facts, tags, the merged timeline, related
//!    briefings), and render every body's Markdown;
//! 2. list the pages ([`pages::Job`]; the list, and the fingerprints several pages
//!    read from every briefing, are kept in the [`Cache`] while no briefing's surface
//!    changes) and render them in parallel with rayon, each
//!    building its own view structs ([`view`]), HTML pages without their template
//!    indentation ([`indent`]);
//! 3. add the JSON files and static files, and check the bodies' internal links.
//!
//! Everything that comes from articles is untrusted: bodies are sanitised in
//! [`markdown`], every other value reaches templates as text and is escaped by Tera's
//! autoescape (`.html` and `.xml` templates), URLs are checked in [`urls`].

mod cache;
mod data_files;
mod filters;
mod indent;
mod index;
pub mod keys;
mod links;
mod markdown;
mod memo;
mod pages;
mod reuse;
mod svg;
mod templates;
mod urls;
mod view;

#[cfg(test)]
mod fixtures;
#[cfg(test)]
mod tests;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;
use thiserror::Error;

use crate::config::{BuildOptions, Config};
use crate::corpus::Corpus;
use crate::diagnostics::{Location, Warning};
use crate::ingest::{StaticFile, ThemeFiles};

pub use cache::Cache;
pub use keys::Key;
pub use links::LinkCache;
pub use reuse::KeptKeys;

pub use templates::{BUILTIN_PREFIX, THEME_PREFIX, Templates, builtin_templates};

/// One file of the built site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// Path inside the output directory, `/`-separated, no leading slash
    /// (`index.html`, `briefings/talks-stall/index.html`, `atom.xml`).
    pub path: String,
    pub bytes: Vec<u8>,
}

/// Where pages go as they are rendered (from several threads at once), so that no
/// render holds the whole site: the output stage's publisher, or a collector in tests.
pub trait Sink: Sync {
    type Error: Send;
    /// Whether the page at `path` is in place already, made from the same input `key`:
    /// then it is not rendered at all.
    fn unchanged(&self, path: &str, key: &Key) -> bool;
    /// Takes a rendered page.
    fn put(&self, path: &str, key: &Key, bytes: &[u8]) -> Result<(), Self::Error>;
    /// A step of the render begins (for timings; see `pipeline::Progress::stage`).
    fn stage(&self, _name: &'static str) {}
    /// The render reused the last render's keys: the pages it neither put, declared
    /// unchanged nor removed are as the last render left them.
    fn keep_unlisted(&self) {}
    /// A page of the last render is not a page of this one (after `keep_unlisted`).
    fn remove(&self, _path: &str) -> Result<(), Self::Error> {
        Ok(())
    }
}

/// What a render did.
#[derive(Debug, Default)]
pub struct Rendered {
    /// Files of the site: the rendered pages, `search/index.json`, `briefings.json`,
    /// and the static files of the default theme, the theme and the site (a static
    /// file replaces a generated page with the same path).
    pub files: usize,
    /// Files rendered and given to the sink (the others were unchanged).
    pub rendered: usize,
    /// Broken internal links and other problems found while rendering.
    pub warnings: Vec<Warning>,
}

/// Why a render stopped.
#[derive(Debug)]
pub enum RenderError<E> {
    Site(SiteError),
    /// The sink refused a page.
    Sink(E),
}

impl<E> From<SiteError> for RenderError<E> {
    fn from(e: SiteError) -> Self {
        RenderError::Site(e)
    }
}

/// Why the site could not be rendered.
#[derive(Debug, Error)]
pub enum SiteError {
    /// A problem without a position in a file (e.g. a circular include).
    #[error("{0}")]
    Template(String),
    /// A template error at a known place: parse error, undefined variable, unknown
    /// filter, error raised while rendering a page.
    #[error("{0}")]
    TemplateAt(Box<TemplateError>),
}

/// A template error at a known place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateError {
    /// The template file (`templates/briefing.html`, `themes/x/templates/base.html`, or
    /// `<built-in>/templates/...`), line and column.
    pub location: Location,
    pub message: String,
    /// Tera's excerpt of the template with the position marked.
    pub detail: String,
    pub hint: String,
}

impl std::fmt::Display for TemplateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}: {}\n{}\n  help: {}",
            self.location, self.message, self.detail, self.hint
        )
    }
}

impl SiteError {
    /// The template position, when the error has one.
    pub fn location(&self) -> Option<&Location> {
        match self {
            SiteError::TemplateAt(e) => Some(&e.location),
            SiteError::Template(_) => None,
        }
    }
}

/// Loads the templates of the site, its theme and the built-in layer, with the static
/// files they refer to. Fails on any template error, naming the file, line and column.
pub fn load_templates(config: &Config, theme: &ThemeFiles) -> Result<Templates, SiteError> {
    let statics = templates::static_files(theme);
    templates::load(config, theme, Arc::new(content_hashes(&statics)), statics)
}

/// Renders every page of the site of `corpus` with `templates` (see [`load_templates`])
/// into `sink`, in parallel. A page the sink has from the same input key (see [`keys`])
/// is not rendered; every other page goes to the sink as soon as it is rendered.
/// `first_seen` dates the feed entries of briefings without a publication date (see
/// `ingest::first_seen`), by briefing slug.
pub fn render<S: Sink>(
    config: &Config,
    templates: &mut Templates,
    corpus: &Corpus,
    options: &BuildOptions,
    first_seen: &BTreeMap<String, jiff::civil::Date>,
    cache: &Cache,
    sink: &S,
) -> Result<Rendered, RenderError<S::Error>> {
    let index = index::SiteIndex::new(config, corpus);
    let site = view::SiteView::new(&index, options.today);
    let globals = templates.tera.global_context();
    globals.insert("config", &view::ConfigView::new(config));
    globals.insert("site", &site);
    let templates = &*templates;
    sink.stage("timeline view");
    let timeline = view::timeline::Timeline::build(&index, &cache.groups);
    let actor_facts = corpus.all_actor_facts();
    let surface = cache.surface_keys(corpus, &index);
    let shared = pages::Shared {
        index: &index,
        env: keys::env_key(templates, config, &site),
        slug_exceptions: surface.slug_exceptions,
        sitemap_surface: surface.sitemap,
        site_figures: &view::SiteFigures::new(&index, site),
        actor_facts,
        timeline: &timeline,
        first_seen,
        memo: memo::Memo::new(corpus),
    };
    let statics: HashSet<&str> = templates
        .statics
        .iter()
        .map(|f| f.output_path.as_str())
        .collect();
    let listed = cache.listed_jobs(&shared, &statics);
    let named: Vec<(pages::Job, String)> = pages::timeline_jobs(&timeline)
        .chain(pages::closing_jobs(&index))
        .map(|job| (job, urls::output_file(&job.site_path(&shared))))
        .filter(|(_, file)| !statics.contains(file.as_str()))
        .collect();
    let jobs: Vec<(pages::Job, &str)> = listed
        .before
        .iter()
        .chain(&named)
        .map(|(job, file)| (*job, file.as_str()))
        .collect();
    let rendered = AtomicUsize::new(0);
    let put = |path: &str, key: &Key, bytes: &[u8]| {
        rendered.fetch_add(1, Ordering::Relaxed);
        sink.put(path, key, bytes).map_err(RenderError::Sink)
    };
    sink.stage("list pages");
    let reuse = cache.pages.take(&shared.env, corpus);
    sink.stage("key and render pages");
    let fresh: Vec<Option<Key>> = jobs
        .par_iter()
        .map(
            |(job, file)| -> Result<Option<Key>, RenderError<S::Error>> {
                if let Some(reuse) = &reuse
                    && !reuse.dirty.touches(*job)
                    && reuse.keys.contains_key(*file)
                {
                    return Ok(None);
                }
                let key = job.key(&shared);
                if sink.unchanged(file, &key) {
                    return Ok(Some(key));
                }
                let text = templates
                    .tera
                    .render(job.template(), &job.context(&shared))
                    .map_err(|e| templates.error(&e, Some(file)))?;
                let text = without_forbidden(text);
                let text = match file.ends_with(".html") {
                    true => indent::without_indentation(&text),
                    false => text,
                };
                put(file, &key, text.as_bytes())?;
                Ok(Some(key))
            },
        )
        .collect::<Result<_, _>>()?;
    sink.stage("data files");
    let kept = |path: &str, part: &[crate::corpus::BriefingId]| -> Option<Key> {
        let reuse = reuse.as_ref()?;
        let changed = part
            .iter()
            .any(|&b| reuse.dirty.touches(pages::Job::Briefing(b)));
        (!changed).then(|| reuse.keys.get(path).copied()).flatten()
    };
    let data: Vec<data_files::DataFile> =
        data_files::files(&index, &shared.env, &surface.part_starts, kept)
            .into_iter()
            .filter(|f| !statics.contains(f.path.as_str()))
            .collect();
    // each part is built only when its briefings changed (see `data_files`)
    data.par_iter()
        .try_for_each(|file| match sink.unchanged(&file.path, &file.key) {
            true => Ok(()),
            false => put(&file.path, &file.key, &data_files::render(&index, file)),
        })?;
    let mut fresh = fresh;
    fresh.extend(data.iter().map(|f| Some(f.key)));
    let files: Vec<&str> = jobs
        .iter()
        .map(|(_, file)| *file)
        .chain(data.iter().map(|f| f.path.as_str()))
        .collect();
    let (reused_keys, dirty) = match reuse {
        Some(r) => (Some(r.keys), Some(r.dirty)),
        None => (None, None),
    };
    let reused = reused_keys.is_some();
    let (keys, left) = reuse::merge(reused_keys, &files, fresh);
    if reused {
        sink.keep_unlisted();
        for path in &left {
            sink.remove(path).map_err(RenderError::Sink)?;
        }
    }
    cache.pages.rendered(shared.env, keys);
    sink.stage("static files");
    templates.statics.par_iter().try_for_each(|file| {
        let key = blake3_key(&file.bytes);
        match sink.unchanged(&file.output_path, &key) {
            true => Ok(()),
            false => put(&file.output_path, &key, &file.bytes),
        }
    })?;
    let site_paths: Vec<&str> = files
        .into_iter()
        .chain(statics.iter().copied())
        .map(|p| p.strip_suffix("index.html").unwrap_or(p))
        .collect();
    sink.stage("link check");
    let warnings = check_links(&index, cache, &site_paths, dirty.as_ref(), &surface.slugs);
    Ok(Rendered {
        files: site_paths.len(),
        rendered: rendered.into_inner(),
        warnings,
    })
}

/// The link check of every body against the site's pages (`site_paths`, with
/// `index.html` cut off); a briefing that `dirty` says an update did not change keeps
/// the links found last time (see `reuse`).
fn check_links(
    index: &index::SiteIndex,
    cache: &Cache,
    site_paths: &[&str],
    dirty: Option<&reuse::Dirty>,
    slugs: &Key,
) -> Vec<Warning> {
    let known = links::KnownPaths::new(index.config.base_path(), site_paths.iter().copied());
    let links_env = links_env(index.config, slugs);
    let unchanged = |b| dirty.is_some_and(|d| !d.touches(pages::Job::Briefing(b)));
    links::check(index, &known, &cache.links, &links_env, unchanged)
}

/// A key from content itself (static files, digests of views and path lists).
fn blake3_key(bytes: &[u8]) -> Key {
    let mut key = [0u8; 16];
    key.copy_from_slice(&blake3::hash(bytes).as_bytes()[..16]);
    key
}

/// What the links of a body resolve against besides the body: the site's address and
/// the file and URL slug of every briefing (a link to `other.md` names its URL slug, or
/// a missing page), `slugs` (see [`briefing_slugs`]).
fn links_env(config: &Config, slugs: &Key) -> Key {
    let mut h = keys::KeyHasher::new(&[0; 16], "links");
    h.str(&config.base_url).str(config.base_path()).bytes(slugs);
    h.finish()
}

/// `text` without the characters XML forbids. Ingest replaces them in articles (with a
/// warning); a briefing edited by hand or a template may still bring one, and one such
/// character makes the whole feed unreadable.
fn without_forbidden(text: String) -> String {
    match text.chars().any(crate::ingest::forbidden_in_xml) {
        true => text
            .chars()
            .filter(|&c| !crate::ingest::forbidden_in_xml(c))
            .collect(),
        false => text,
    }
}

/// A short content hash per static file, for cache-busting asset URLs.
fn content_hashes(statics: &[StaticFile]) -> HashMap<String, String> {
    statics
        .iter()
        .map(|f| {
            (
                f.output_path.clone(),
                blake3::hash(&f.bytes).to_hex()[..10].to_string(),
            )
        })
        .collect()
}
