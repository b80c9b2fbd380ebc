//! Hostile input: a briefing whose every field is `"'><script>alert(1)</script>` and
//! whose body holds raw HTML, script URLs and template syntax. Nothing may execute in
//! any output context: HTML text, attributes, `<title>`, JSON in a page, Atom,
//! sitemap, the JSON files.

use super::fixtures::HOSTILE;
use super::*;

const ESCAPED: &str = "&quot;&#39;&gt;&lt;script&gt;alert(1)&lt;/script&gt;";

fn hostile_site() -> Site {
    let mut briefings = fixtures::site();
    briefings.push(fixtures::hostile());
    let mut odd_slug = fixtures::briefing(
        "\"'><script>alert(9)<",
        "Odd file name",
        Some(jiff::civil::date(2024, 1, 5)),
        "Body.\n",
    );
    odd_slug.meta.tags = vec!["<b>".into()];
    // The hostile actor in a second briefing has a page of its own.
    odd_slug.meta.actors = fixtures::hostile().meta.actors;
    briefings.push(odd_slug);
    render_site(
        &fixtures::config("https://example.org/", 10),
        &ThemeFiles::default(),
        &briefings,
    )
}

#[test]
fn no_script_or_markup_from_articles_survives_in_html() {
    let site = hostile_site();
    for (path, html) in html_pages(&site) {
        for (at, _) in html.match_indices("<script") {
            let rest = &html[at + 7..];
            assert!(
                rest.starts_with(" type=\"application/ld+json\">")
                    || rest.starts_with(" src=\"/search.js?v="),
                "{path}: {}",
                &rest[..rest.len().min(60)]
            );
        }
        for bad in ["<img", "<iframe", "<style", "<svg><", "onerror=\"", "<b>"] {
            assert!(!html.contains(bad), "{path} contains {bad}");
        }
        let lower = html.to_ascii_lowercase();
        for attr in ["href", "src", "action"] {
            for value in attribute_values(&lower, attr) {
                assert!(
                    !value.contains("script:") && !value.starts_with("data:"),
                    "{path}: {attr}={value}"
                );
            }
        }
    }
}

#[test]
fn hostile_values_are_escaped_in_every_html_context() {
    let site = hostile_site();
    let page = &site["briefings/hostile/index.html"];
    let contexts = [
        (
            "<title>",
            format!("<title>{ESCAPED} · Estuary Desk</title>"),
        ),
        (
            "meta description",
            format!("<meta name=\"description\" content=\"{ESCAPED}\">"),
        ),
        (
            "og:title attribute",
            format!("<meta property=\"og:title\" content=\"{ESCAPED}\">"),
        ),
        ("h1", format!("<h1 id=\"briefing-title\">{ESCAPED}</h1>")),
        (
            "lede",
            format!("<p class=\"lede\" id=\"lede\">{ESCAPED}</p>"),
        ),
        (
            "summary",
            format!("<li id=\"kp-1\">Summary: {ESCAPED}</li>"),
        ),
        (
            "actor name",
            format!("<span class=\"actor-name\">{ESCAPED}</span>"),
        ),
        (
            "role",
            format!("<span class=\"actor-role\">{ESCAPED}</span>"),
        ),
        ("quote", format!("<p>{ESCAPED}</p>")),
        ("event text", format!("<p class=\"tl-text\">{ESCAPED}</p>")),
        ("event date", format!("{ESCAPED}</time>")),
        ("source name, not linked", format!("Source: {ESCAPED}")),
        ("tag", format!(">{ESCAPED}</a>")),
    ];
    for (what, want) in contexts {
        assert!(page.contains(&want), "{what}: {want} not in page");
    }
    let actor = &site["actors/script-alert-1-script/index.html"];
    assert!(actor.contains(&format!("<h1>{ESCAPED}</h1>")), "{actor}");
    for listing in [
        "index.html",
        "actors/index.html",
        "timeline/index.html",
        "search/index.html",
    ] {
        assert!(
            !site[listing].contains(HOSTILE),
            "{listing} prints the raw value"
        );
    }
}

#[test]
fn json_in_a_page_cannot_close_its_script() {
    let site = hostile_site();
    let page = &site["briefings/hostile/index.html"];
    let start = page.find("<script type=\"application/ld+json\">").unwrap() + 35;
    let json = &page[start..start + page[start..].find("</script>").unwrap()];
    assert!(!json.contains('<') && !json.contains('>'), "{json}");
    let value: serde_json::Value = serde_json::from_str(json).unwrap();
    assert_eq!(value["headline"], HOSTILE);
    assert_eq!(value["about"][0], HOSTILE);
    assert!(
        value.get("isBasedOn").is_none_or(|v| v.is_null()),
        "a javascript: source URL is dropped"
    );
}

#[test]
fn template_syntax_in_a_body_prints_literally() {
    let site = hostile_site();
    let page = &site["briefings/hostile/index.html"];
    assert!(
        page.contains("{{ config }} {% include “base.html” %} {{ site.generator }}"),
        "{page}"
    );
}

#[test]
fn feeds_and_data_files_keep_hostile_values_as_data() {
    let site = hostile_site();
    let feed = atom_syndication::Feed::read_from(site["atom.xml"].as_bytes())
        .expect("Atom stays well-formed");
    let entry = feed
        .entries()
        .iter()
        .find(|e| e.title().as_str() == HOSTILE)
        .expect("hostile entry");
    assert_eq!(entry.summary().map(|s| s.as_str()), Some(HOSTILE));
    assert!(entry.categories().iter().any(|c| c.term() == HOSTILE));
    let content = entry.content().and_then(|c| c.value()).unwrap_or_default();
    assert!(
        !content.contains("<script")
            && !content.contains("<img")
            && !content.contains("javascript:"),
        "{content}"
    );
    for loc in site["sitemap.xml"].split("<loc>").skip(1) {
        let loc = &loc[..loc.find("</loc>").unwrap()];
        assert!(!loc.contains(['<', '>', '"', '\'']), "{loc}");
    }
    assert!(site["sitemap.xml"].contains("https://example.org/briefings/script-alert-9/"));
    let json_files: Vec<&String> = site.keys().filter(|p| p.ends_with(".json")).collect();
    assert!(
        json_files.len() >= 4,
        "two lists and their parts: {json_files:?}"
    );
    for file in json_files {
        assert!(!site[file].contains(['<', '>']), "{file} has raw markup");
    }
    for (file, field) in [
        ("search/index.json", "docs"),
        ("briefings.json", "briefings"),
    ] {
        let value = super::data_file(&site, file, field);
        assert!(
            value.to_string().contains("alert(1)"),
            "{file} keeps the text as data"
        );
    }
    let search = super::data_file(&site, "search/index.json", "docs");
    let docs = search["docs"].as_array().unwrap();
    assert!(
        docs.iter().any(|d| d["title"] == HOSTILE),
        "the exact value survives a round trip"
    );
    let data = super::data_file(&site, "briefings.json", "briefings");
    let hostile = data["briefings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["slug"] == "hostile")
        .unwrap();
    assert!(
        hostile["source"]["url"].is_null(),
        "javascript: source URL dropped"
    );
}

#[test]
fn odd_file_names_get_safe_urls() {
    let site = hostile_site();
    assert!(site.contains_key("briefings/script-alert-9/index.html"));
    assert!(
        !site.keys().any(|p| p.contains(['"', '\'', '<', '>'])),
        "{:?}",
        site.keys().collect::<Vec<_>>()
    );
}

#[test]
fn hostile_bodies_are_reported() {
    let mut briefings = fixtures::site();
    briefings.push(fixtures::hostile());
    let config = fixtures::config("https://example.org/", 10);
    let (_, warnings) = render_with(
        &config,
        &ThemeFiles::default(),
        &briefings,
        &fixtures::options(),
    )
    .unwrap();
    let hostile: Vec<&Warning> = warnings
        .iter()
        .filter(|w| w.location.path.ends_with("hostile.md"))
        .collect();
    let raw = hostile
        .iter()
        .filter(|w| w.message.contains("raw HTML"))
        .count();
    let links = hostile
        .iter()
        .filter(|w| w.message.contains("removed"))
        .count();
    assert_eq!(
        (raw, links),
        (3, 4),
        "one raw HTML warning per line: {hostile:#?}"
    );
    assert!(
        hostile
            .iter()
            .all(|w| w.location.line.is_some_and(|l| l >= 12))
    );
}

#[test]
fn huge_names_give_paths_every_file_system_accepts() {
    let huge = "Name".repeat(12_500);
    let mut b = fixtures::briefing(
        &"Ж".repeat(400),
        "Huge names",
        Some(jiff::civil::date(2024, 1, 6)),
        "Body.\n",
    );
    b.meta.tags = vec![huge.clone(), format!("{huge} two")];
    b.meta.actors = vec![
        fixtures::actor(&huge, crate::analysis::ActorKind::Person, None, &[]),
        fixtures::actor(&huge, crate::analysis::ActorKind::Group, None, &[]),
    ];
    // In two briefings, so that both actors have pages.
    let mut again = fixtures::briefing(&"Ж".repeat(399), "Again", None, "Body.\n");
    again.meta.actors = b.meta.actors.clone();
    let site = render_site(
        &fixtures::config("https://example.org/", 10),
        &ThemeFiles::default(),
        &[b, again],
    );
    let mut dirs = 0;
    for path in site.keys() {
        for part in path.split('/') {
            assert!(part.len() <= 80, "{} bytes in {path:.120}", part.len());
        }
        dirs += usize::from(path.starts_with("actors/") || path.starts_with("tags/"));
    }
    assert_eq!(dirs, 2 + 2 + 2, "two actors, two tags and both index pages");
}

#[test]
fn edited_sections_shown_in_place_are_sanitised() {
    let mut b = fixtures::hostile();
    b.body = "## Summary\n\n- <script>alert(10)</script> [x](javascript:alert(11))\n\n## Key actors\n\n<img src=x onerror=alert(12)>\n\n## Timeline\n\n- <iframe src=\"https://evil.example\"></iframe>\n".into();
    let site = render_site(
        &fixtures::config("https://example.org/", 10),
        &ThemeFiles::default(),
        &[b],
    );
    let page = &site["briefings/hostile/index.html"];
    for placed in ["summary-edited", "actors-edited", "timeline-edited"] {
        assert!(page.contains(placed), "{placed} is shown: {page}");
    }
    for bad in ["<script>alert(1", "<img", "<iframe"] {
        assert!(!page.contains(bad), "{bad}");
    }
    let hrefs = attribute_values(page, "href");
    assert!(hrefs.iter().all(|h| !h.contains("script:")), "{hrefs:?}");
    assert!(
        page.contains("&lt;script&gt;alert(10)&lt;/script&gt;"),
        "{page}"
    );
}

/// Every character XML forbids, as a hand edit can bring them (ingest replaces them in
/// articles; a briefing file is read as the user left it).
const FORBIDDEN: &str = "N\u{0}U\u{1}L\u{1b}E\u{b}S\u{FFFE}T\u{FFFF}";

#[test]
fn characters_xml_forbids_reach_no_page_and_the_feed_stays_valid() {
    let mut b = fixtures::briefing(
        "controls",
        &format!("Title {FORBIDDEN}"),
        Some(jiff::civil::date(2024, 3, 2)),
        &format!("Body {FORBIDDEN}.\n\n[a link {FORBIDDEN}](https://example.org/{FORBIDDEN})\n"),
    );
    b.meta.lede = format!("Lede {FORBIDDEN}");
    b.meta.summary = vec![format!("Summary {FORBIDDEN}")];
    b.meta.source = crate::briefing::SourceMeta {
        name: Some(format!("Source {FORBIDDEN}")),
        author: Some(format!("Author {FORBIDDEN}")),
        ..Default::default()
    };
    let name = format!("Ana {FORBIDDEN} Varela");
    b.meta.actors = vec![fixtures::actor(
        &name,
        crate::analysis::ActorKind::Person,
        Some(&format!("Minister {FORBIDDEN}")),
        &[],
    )];
    b.meta.timeline = vec![fixtures::event(
        "2024-03-01",
        &format!("Event {FORBIDDEN}"),
        &[name.as_str()],
    )];
    b.meta.tags = vec![format!("tag {FORBIDDEN}")];
    let mut briefings = fixtures::site();
    briefings.push(b);
    let site = render_site(
        &fixtures::config("https://example.org/", 10),
        &ThemeFiles::default(),
        &briefings,
    );
    assert!(site.contains_key("briefings/controls/index.html"));
    // every page and feed (the JSON files escape control characters themselves; the
    // favicon and pictures are binary)
    for (path, text) in site
        .iter()
        .filter(|(p, _)| p.ends_with(".html") || p.ends_with(".xml"))
    {
        let at = text.find(crate::ingest::forbidden_in_xml);
        assert_eq!(
            at,
            None,
            "{path}: {:?}",
            at.map(|i| &text[i.saturating_sub(40)..i])
        );
    }
    // the data files stay readable JSON
    for (file, field) in [
        ("search/index.json", "docs"),
        ("briefings.json", "briefings"),
    ] {
        super::data_file(&site, file, field);
    }
    let feed = atom_syndication::Feed::read_from(site["atom.xml"].as_bytes())
        .expect("the feed stays well-formed");
    assert!(
        feed.entries()
            .iter()
            .any(|e| e.title().as_str() == "Title NULEST"),
        "{:?}",
        feed.entries()
            .iter()
            .map(|e| e.title().as_str())
            .collect::<Vec<_>>()
    );
    for loc in site["sitemap.xml"].split("<loc>").skip(1) {
        assert!(loc.contains("</loc>"), "{loc}");
    }
}

#[test]
fn tens_of_thousands_of_broken_links_are_located_in_one_pass() {
    // 40,000 broken reference links took 24 s when each link's line was counted from
    // the start of the body
    const LINKS: usize = 40_000;
    let mut body = String::new();
    for i in 0..LINKS {
        body.push_str(&format!(
            "See [item {i}][r{i}].\n\n[r{i}]: /missing/{i}/\n\n"
        ));
    }
    let briefing = fixtures::briefing("links", "Links", Some(jiff::civil::date(2024, 3, 2)), &body);
    let got = crate::fuzz::within(crate::fuzz::HANG, move || {
        let config = fixtures::config("https://example.org/", 10);
        let (_, warnings) = render_with(
            &config,
            &ThemeFiles::default(),
            &[briefing],
            &fixtures::options(),
        )
        .unwrap();
        warnings
            .iter()
            .filter(|w| w.message.starts_with("broken link"))
            .map(|w| w.location.line)
            .collect::<Vec<_>>()
    });
    let lines = got.expect("the links checked before the hang deadline");
    assert_eq!(lines.len(), LINKS);
    // each link sits on its own line: body line 1, 5, 9, ... of a body starting at line 12
    for (i, line) in lines.iter().enumerate().step_by(997) {
        assert_eq!(*line, Some(12 + 4 * i), "link {i}");
    }
}
