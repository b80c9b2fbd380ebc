//! End-to-end tests of `render` on fixture sites: pages and URLs, snapshots, hostile
//! input in every output context, sub-path sites, feeds, template layers and errors.

mod hostile;
mod keys;
mod pages;
mod reuse;
mod templates;

use std::collections::BTreeMap;
use std::path::PathBuf;

use super::fixtures;
use super::*;
use crate::briefing::Briefing;

type Site = BTreeMap<String, String>;
/// Every page of a render: its key and bytes, by path.
pub(super) type Keyed = BTreeMap<String, (Key, Vec<u8>)>;

/// A sink that keeps every page, with its key.
#[derive(Default)]
pub(super) struct Collect {
    pub pages: std::sync::Mutex<Keyed>,
}

impl Sink for Collect {
    type Error = std::convert::Infallible;

    fn unchanged(&self, _: &str, _: &Key) -> bool {
        false
    }

    fn put(&self, path: &str, key: &Key, bytes: &[u8]) -> Result<(), Self::Error> {
        let mut pages = self.pages.lock().unwrap();
        assert!(
            pages
                .insert(path.to_string(), (*key, bytes.to_vec()))
                .is_none(),
            "{path} twice"
        );
        Ok(())
    }
}

/// Renders `corpus` and returns every page (bytes and key), and the render's report.
pub(super) fn render_all(
    config: &Config,
    templates: &mut Templates,
    corpus: &Corpus,
    options: &BuildOptions,
) -> Result<(Keyed, Rendered), SiteError> {
    render_all_seen(config, templates, corpus, options, &BTreeMap::new())
}

/// [`render_all`], with the first-seen dates of undated briefings.
fn render_all_seen(
    config: &Config,
    templates: &mut Templates,
    corpus: &Corpus,
    options: &BuildOptions,
    first_seen: &BTreeMap<String, jiff::civil::Date>,
) -> Result<(Keyed, Rendered), SiteError> {
    let sink = Collect::default();
    let rendered = render(
        config,
        templates,
        corpus,
        options,
        first_seen,
        &Cache::default(),
        &sink,
    )
    .map_err(|e| match e {
        RenderError::Site(e) => e,
        RenderError::Sink(never) => match never {},
    })?;
    Ok((sink.pages.into_inner().unwrap(), rendered))
}

fn render_with(
    config: &Config,
    theme: &ThemeFiles,
    briefings: &[Briefing],
    options: &BuildOptions,
) -> Result<(Site, Vec<Warning>), SiteError> {
    render_seen(config, theme, briefings, options, &BTreeMap::new())
}

/// [`render_with`], with the first-seen dates of undated briefings.
fn render_seen(
    config: &Config,
    theme: &ThemeFiles,
    briefings: &[Briefing],
    options: &BuildOptions,
    first_seen: &BTreeMap<String, jiff::civil::Date>,
) -> Result<(Site, Vec<Warning>), SiteError> {
    let mut templates = load_templates(config, theme)?;
    let corpus = Corpus::build(briefings.to_vec(), options.drafts);
    let (pages, rendered) = render_all_seen(config, &mut templates, &corpus, options, first_seen)?;
    let pages = pages
        .into_iter()
        .map(|(path, (_, bytes))| (path, String::from_utf8_lossy(&bytes).into_owned()))
        .collect();
    Ok((pages, rendered.warnings))
}

fn render_site(config: &Config, theme: &ThemeFiles, briefings: &[Briefing]) -> Site {
    let (pages, _) = render_with(config, theme, briefings, &fixtures::options())
        .unwrap_or_else(|e| panic!("{e}"));
    dump(&pages);
    pages
}

fn fixture_site() -> Site {
    render_site(
        &fixtures::config("https://example.org/", 10),
        &ThemeFiles::default(),
        &fixtures::site(),
    )
}

/// A data file as one JSON value: its list (`search/index.json` or `briefings.json`)
/// with the entries of all its parts, in order, under `field` (`docs` or `briefings`).
fn data_file(site: &Site, list: &str, field: &str) -> serde_json::Value {
    let mut value: serde_json::Value = serde_json::from_str(&site[list]).expect(list);
    let mut all = Vec::new();
    for part in value["parts"].as_array().expect("a list of parts") {
        let url = part.get("url").unwrap_or(part).as_str().expect("a URL");
        // the page whose path ends the URL (after the site's base path), the longest
        let path = site
            .keys()
            .filter(|p| {
                url.strip_suffix(p.as_str())
                    .is_some_and(|b| b.ends_with('/'))
            })
            .max_by_key(|p| p.len())
            .unwrap_or_else(|| panic!("{list}: no part {url}"));
        let text = &site[path];
        let part: serde_json::Value = serde_json::from_str(text).expect(path);
        all.extend(part[field].as_array().expect("entries").iter().cloned());
    }
    value[field] = serde_json::Value::Array(all);
    value
}

/// Writes the pages under `$BRIEFING_DUMP` (to look at them in a browser).
fn dump(pages: &Site) {
    if let Some(dir) = std::env::var_os("BRIEFING_DUMP") {
        for (path, text) in pages {
            let file = PathBuf::from(&dir).join(path);
            std::fs::create_dir_all(file.parent().unwrap()).unwrap();
            std::fs::write(file, text).unwrap();
        }
    }
}

/// The HTML pages of a site.
fn html_pages(site: &Site) -> impl Iterator<Item = (&String, &String)> {
    site.iter().filter(|(p, _)| p.ends_with(".html"))
}

/// Every value of `attr="..."` in `html`.
fn attribute_values<'a>(html: &'a str, attr: &str) -> Vec<&'a str> {
    let needle = format!(" {attr}=\"");
    html.match_indices(&needle)
        .map(|(at, _)| {
            let rest = &html[at + needle.len()..];
            &rest[..rest.find('"').unwrap_or(rest.len())]
        })
        .collect()
}
