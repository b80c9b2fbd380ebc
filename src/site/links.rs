//! Broken internal links: the links of every rendered briefing body and the set of
//! pages the site has in, warnings naming the briefing file and line out.
//!
//! A link is internal when it is relative, root-relative, or absolute under the site's
//! `base_url`. It is resolved against the briefing page's own URL, stripped of query and
//! fragment, and looked up in the set of page URLs (`/news/briefings/x/`, and the
//! `…/index.html` and slash-less forms of the same page). External links are not
//! checked (that would need the network).

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};

use crate::diagnostics::{LineColumns, Location, Warning};

use rayon::prelude::*;

use crate::corpus::BriefingId;

use super::index::SiteIndex;
use super::keys::{Key, KeyHasher};
use super::markdown::{self, Problem};
use super::urls;

/// Every URL path a link may point at: the site paths of all pages and files,
/// borrowed, with the forms of a URL that name the same page worked out at lookup
/// (`/news/briefings/x/`, `/news/briefings/x/index.html`, `/news/briefings/x`). Built
/// on every render: a set of 20,000 borrowed paths costs less than telling whether an
/// edit changed the list.
#[derive(Debug)]
pub struct KnownPaths<'a> {
    base_path: &'a str,
    paths: HashSet<&'a str>,
}

impl<'a> KnownPaths<'a> {
    /// `site_paths` are paths inside the site (`""`, `briefings/x/`, `style.css`).
    pub fn new(base_path: &'a str, site_paths: impl IntoIterator<Item = &'a str>) -> Self {
        KnownPaths {
            base_path,
            paths: site_paths.into_iter().collect(),
        }
    }

    fn contains(&self, url: &str) -> bool {
        let Some(rest) = url.strip_prefix(self.base_path) else {
            // the site's root without its slash (`/news` under `/news/`)
            return self.base_path.len() > 1
                && self.base_path.strip_suffix('/') == Some(url)
                && self.paths.contains("");
        };
        let is_dir = |p: &str| p.is_empty() || p.ends_with('/');
        self.paths.contains(rest)
            || rest
                .strip_suffix("index.html")
                .is_some_and(|dir| is_dir(dir) && self.paths.contains(dir))
            || (!rest.is_empty()
                && !rest.ends_with('/')
                && self.paths.contains(&*format!("{rest}/")))
    }
}

/// What one body gives the link check: each internal link's target with the warning it
/// gets when no page has that path, and the warnings about its content. A pure function
/// of the body and of the URLs links to other briefings resolve to, so [`LinkCache`]
/// keeps it while those stay the same.
#[derive(Debug)]
struct BodyLinks {
    internal: Vec<(String, Warning)>,
    problems: Vec<Warning>,
}

/// The [`BodyLinks`] of every briefing of the last render, with the key they were made
/// from: `watch` and `serve` keep it between builds, so that an edit renders again the
/// links of the bodies whose inputs changed only, not of every body of the site.
#[derive(Debug, Default)]
pub struct LinkCache {
    bodies: Mutex<HashMap<BriefingId, (Key, Arc<BodyLinks>)>>,
    /// The `env` of the last check.
    env: Mutex<Option<Key>>,
}

/// Warnings for the broken internal links and the sanitised content of every body.
/// `env` stands for what a body's links resolve against besides the body itself (the
/// site's address, the file and URL slugs of every briefing). `unchanged` says which
/// briefings are known not to have changed since the last check (see `reuse`): under
/// the same `env` their links are taken as they were, without hashing the briefing.
pub fn check(
    index: &SiteIndex,
    known: &KnownPaths<'_>,
    cache: &LinkCache,
    env: &Key,
    unchanged: impl Fn(BriefingId) -> bool + Sync,
) -> Vec<Warning> {
    let old = cache
        .bodies
        .lock()
        .map(|mut m| std::mem::take(&mut *m))
        .unwrap_or_default();
    let same_env = cache
        .env
        .lock()
        .is_ok_and(|mut e| e.replace(*env) == Some(*env));
    let found: Vec<(BriefingId, Key, Arc<BodyLinks>)> = index
        .order()
        .par_iter()
        .map(|&b| {
            if same_env
                && unchanged(b)
                && let Some((key, links)) = old.get(&b)
            {
                return (b, *key, links.clone());
            }
            let mut h = KeyHasher::new(env, "links");
            let key = h.briefing(index, b).finish();
            let links = match old.get(&b) {
                Some((k, links)) if *k == key => links.clone(),
                _ => Arc::new(body_links(index, b)),
            };
            (b, key, links)
        })
        .collect();
    let mut warnings = Vec::new();
    for (_, _, links) in &found {
        let broken = links.internal.iter().filter(|(t, _)| !known.contains(t));
        warnings.extend(broken.map(|(_, w)| w.clone()));
        warnings.extend(links.problems.iter().cloned());
    }
    if let Ok(mut map) = cache.bodies.lock() {
        *map = found.into_iter().map(|(b, k, l)| (b, (k, l))).collect();
    }
    warnings
}

/// The links and content warnings of one briefing's body.
fn body_links(index: &SiteIndex, b: BriefingId) -> BodyLinks {
    let base_url = &index.config.base_url;
    let mut internal = Vec::new();
    let briefing = index.briefing(b);
    let body = markdown::render(&briefing.body, &|u| index.rewrite_link(u));
    // links and problems come in document order: one pass over the body for each
    let mut lines = LineColumns::new(&briefing.body);
    let mut at = |offset: usize| {
        let (line, column) = lines.at(offset);
        Location::at(&briefing.path, line + briefing.body_line - 1, column)
    };
    let page = index.url(&index.briefing_path(b));
    for link in &body.links {
        let Some(target) = internal_path(&link.url, base_url, index.config.base_path(), &page)
        else {
            continue;
        };
        let warning = Warning::new(
            at(link.offset),
            format!(
                "broken link: `{}` does not match any page of the site",
                link.url
            ),
        )
        .with_hint(
            "link to another briefing as `its-file-name.md`, or to a page as `/actors/<slug>/`",
        );
        internal.push((target, warning));
    }
    let mut problems = Vec::new();
    let mut lines = LineColumns::new(&briefing.body);
    let mut at = |offset: usize| {
        let (line, column) = lines.at(offset);
        Location::at(&briefing.path, line + briefing.body_line - 1, column)
    };
    let mut raw_html_line = None;
    for problem in &body.problems {
        problems.push(match problem {
            Problem::RawHtml { offset } => {
                let location = at(*offset);
                if raw_html_line == location.line {
                    continue;
                }
                raw_html_line = location.line;
                Warning::new(
                    location,
                    "raw HTML is not allowed in a briefing; it is shown as text",
                )
                .with_hint("write it in Markdown, or remove it")
            }
            Problem::UnsafeUrl { offset, url } => {
                let shown: String = url.chars().take(40).collect();
                Warning::new(
                    at(*offset),
                    format!(
                        "link to `{shown}` removed: only http, https and mailto links are allowed"
                    ),
                )
            }
        });
    }
    BodyLinks { internal, problems }
}

/// The URL path a link points at inside the site, or `None` for an external link or a
/// link to a fragment of the same page.
fn internal_path(url: &str, base_url: &str, base_path: &str, page: &str) -> Option<String> {
    let path = &url[..url.find(['?', '#']).unwrap_or(url.len())];
    if path.is_empty() {
        return None;
    }
    if let Some(inside) = path.strip_prefix(base_url) {
        return Some(format!("{base_path}{inside}"));
    }
    if path.starts_with("//") || path.contains(':') {
        return None;
    }
    Some(urls::resolve(page, path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn internal_paths_resolve_against_the_page() {
        let page = "/news/briefings/a/";
        let base = "https://example.org/news/";
        let cases = [
            ("/news/briefings/b/", Some("/news/briefings/b/")),
            ("../b/#x", Some("/news/briefings/b/")),
            (
                "https://example.org/news/actors/x/?q=1",
                Some("/news/actors/x/"),
            ),
            ("https://other.example/news/", None),
            ("mailto:desk@example.org", None),
            ("//cdn.example/x.js", None),
            ("#timeline", None),
        ];
        for (url, want) in cases {
            assert_eq!(
                internal_path(url, base, "/news/", page).as_deref(),
                want,
                "{url}"
            );
        }
    }

    #[test]
    fn known_paths_accept_every_form_of_a_page() {
        let known = KnownPaths::new("/news/", ["", "briefings/a/", "atom.xml"]);
        let cases = [
            ("/news/", true),
            ("/news/index.html", true),
            ("/news/briefings/a/", true),
            ("/news/briefings/a", true),
            ("/news/briefings/a/index.html", true),
            ("/news/atom.xml", true),
            ("/news", true),
            ("/news/briefings/b/", false),
            ("/news/briefings/aindex.html", false),
            ("/news/atom.xml/", false),
            ("/briefings/a/", false),
        ];
        for (path, want) in cases {
            assert_eq!(known.contains(path), want, "{path}");
        }
    }
}
