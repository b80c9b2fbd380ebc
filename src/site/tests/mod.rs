//! End-to-end tests of `render` on fixture sites: pages and URLs, snapshots, hostile
//! input in every output context, sub-path sites, feeds, template layers and errors.

mod hostile;
mod pages;
mod templates;

use std::collections::BTreeMap;
use std::path::PathBuf;

use super::fixtures;
use super::*;
use crate::briefing::Briefing;

type Site = BTreeMap<String, String>;

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
    let rendered = render(config, &mut templates, &corpus, options, first_seen)?;
    let pages = rendered
        .pages
        .into_iter()
        .map(|p| (p.path, String::from_utf8_lossy(&p.bytes).into_owned()))
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
