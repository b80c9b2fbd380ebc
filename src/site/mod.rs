//! Stage 4: briefings in, the pages of the site out (HTML, feeds, sitemap, search index).
//!
//! [`render`] is a pure function of its arguments: no clock ("today" is in
//! [`RenderOptions`]), no disk (templates and static files come in [`ThemeFiles`]; the
//! built-in layer is compiled into the binary). It runs in four steps:
//! 1. build the shared lookups once ([`index::SiteIndex`]: site order, URL slugs
//!    (bounded and unique, [`slugs`]), merged actors, tags, who is in which event, and
//!    what every page of an actor shares) and render every body's Markdown;
//! 2. load the templates in layers (site › theme › built-in, see [`templates`]);
//! 3. list the pages ([`pages::Job`]) and render them in parallel with rayon, each
//!    building its own view structs ([`view`]);
//! 4. add the JSON files and static files, and check the bodies' internal links.
//!
//! Everything that comes from articles is untrusted: bodies are sanitised in
//! [`markdown`], every other value reaches templates as text and is escaped by Tera's
//! autoescape (`.html` and `.xml` templates), URLs are checked in [`urls`].

mod actors;
mod filters;
mod index;
mod links;
mod markdown;
mod pages;
mod related;
mod slugs;
mod spelling;
mod templates;
mod timeline;
mod urls;
mod view;

#[cfg(test)]
mod fixtures;
#[cfg(test)]
mod tests;

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use jiff::civil::Date;
use rayon::prelude::*;
use thiserror::Error;

use crate::briefing::Briefing;
use crate::config::Config;
use crate::diagnostics::{Location, Warning};
use crate::ingest::{StaticFile, ThemeFiles};

pub use templates::{BUILTIN_PREFIX, THEME_PREFIX, builtin_templates};

/// One file of the built site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// Path inside the output directory, `/`-separated, no leading slash
    /// (`index.html`, `briefings/talks-stall/index.html`, `atom.xml`).
    pub path: String,
    pub bytes: Vec<u8>,
}

/// Settings of one render that do not come from `briefing.toml`.
#[derive(Debug, Clone)]
pub struct RenderOptions {
    /// Include briefings marked `draft: true`.
    pub drafts: bool,
    /// The build date (for "today" in templates; never read from the clock here).
    pub today: Date,
}

/// The rendered site.
#[derive(Debug, Default)]
pub struct Rendered {
    /// Every file of the site, sorted by path: the rendered pages, `search/index.json`,
    /// `briefings.json`, and the static files of the default theme, the theme and the
    /// site (a static file replaces a generated page with the same path).
    pub pages: Vec<Page>,
    /// Broken internal links and other problems found while rendering.
    pub warnings: Vec<Warning>,
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

/// Renders every page of the site.
pub fn render(
    config: &Config,
    theme: &ThemeFiles,
    briefings: &[Briefing],
    options: &RenderOptions,
) -> Result<Rendered, SiteError> {
    let index = index::SiteIndex::build(config, briefings, options.drafts);
    let bodies: Vec<markdown::Body> = index
        .briefings
        .par_iter()
        .map(|b| markdown::render(&b.body, &|url| index.rewrite_link(url)))
        .collect();
    let statics = templates::static_files(theme);
    let mut templates = templates::load(config, theme, Arc::new(content_hashes(&statics)))?;
    let globals = templates.tera.global_context();
    globals.insert("config", &view::ConfigView::new(config));
    globals.insert("site", &view::SiteView::new(&index, options.today));
    let seen_with = related::seen_with(&index, view::actor::SEEN_WITH);
    let timeline = view::timeline::Timeline::build(&index);
    let actor_facts = view::actor::facts(&index);
    let shared = pages::Shared {
        index: &index,
        bodies: &bodies,
        seen_with: &seen_with,
        actor_facts: &actor_facts,
        timeline: &timeline,
        today: options.today,
    };
    let mut files = render_jobs(&templates, &shared)?;
    files.insert(
        "search/index.json".into(),
        json(&view::data::search_index(&index)),
    );
    files.insert(
        "briefings.json".into(),
        json(&view::data::site_data(&index)),
    );
    for file in statics {
        files.insert(file.output_path, file.bytes);
    }
    let site_paths = files
        .keys()
        .map(|p| p.strip_suffix("index.html").unwrap_or(p));
    let known = links::KnownPaths::new(config.base_path(), site_paths);
    let warnings = links::check(&index, &bodies, &known);
    let pages = files
        .into_iter()
        .map(|(path, bytes)| Page { path, bytes })
        .collect();
    Ok(Rendered { pages, warnings })
}

/// Renders every template page in parallel; the first error stops the render.
fn render_jobs(
    templates: &templates::Templates,
    shared: &pages::Shared,
) -> Result<BTreeMap<String, Vec<u8>>, SiteError> {
    pages::jobs(shared.index, shared.timeline)
        .par_iter()
        .map(|job| {
            let file = urls::output_file(&job.site_path(shared));
            match templates.tera.render(job.template(), &job.context(shared)) {
                Ok(text) => Ok((file, without_forbidden(text).into_bytes())),
                Err(e) => Err(templates.error(&e, Some(&file))),
            }
        })
        .collect()
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

/// JSON text for a data file, with `<`, `>` and `&` written as `\u003c`... so the
/// file stays inert if a page ever embeds it (the parsed values are the same).
fn json<T: serde::Serialize>(value: &T) -> Vec<u8> {
    let text = serde_json::to_string(value)
        .unwrap_or_else(|e| format!("{{\"error\":{:?}}}", e.to_string()));
    filters::script_safe(&text).into_bytes()
}
