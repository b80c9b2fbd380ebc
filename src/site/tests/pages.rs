//! The pages of a fixture site: URL scheme, snapshots, feeds, sub-path, warnings.

use super::*;

/// The `<main>` element of a page, with content hashes and the version redacted.
fn main_of(html: &str) -> String {
    let start = html.find("<main").expect("a <main> element");
    let end = html.find("</main>").expect("a closing </main>") + "</main>".len();
    redact(&html[start..end])
}

fn redact(text: &str) -> String {
    let hashes = regex::Regex::new(r"\?v=[0-9a-f]{10}").unwrap();
    hashes
        .replace_all(text, "?v=[HASH]")
        .replace(crate::VERSION, "[VERSION]")
}

#[test]
fn renders_every_page_of_the_url_scheme() {
    let pages = fixture_site();
    let expected = [
        "index.html",
        "briefings/harbour-talks-stall/index.html",
        "briefings/ferry-strike-called/index.html",
        "briefings/estuary-budget/index.html",
        "actors/index.html",
        "actors/ilse-marrow/index.html",
        "actors/council-of-the-estuary/index.html",
        "timeline/index.html",
        "tags/index.html",
        "tags/labour/index.html",
        "search/index.html",
        "search/index.json",
        "404.html",
        "atom.xml",
        "sitemap.xml",
        "robots.txt",
        "briefings.json",
        "style.css",
        "search.js",
        "favicon.svg",
        "favicon.ico",
        "share.png",
    ];
    for path in expected {
        assert!(
            pages.contains_key(path),
            "missing {path}; have {:?}",
            pages.keys().collect::<Vec<_>>()
        );
    }
    assert!(
        !pages.keys().any(|p| p.contains("draft-note")),
        "drafts are left out by default"
    );
    assert!(
        !pages.contains_key("actors/marrow/index.html"),
        "Marrow is Ilse Marrow"
    );
    assert!(
        !pages.contains_key("actors/coe/index.html"),
        "CoE is the Council of the Estuary"
    );
}

#[test]
fn an_actor_seen_in_one_briefing_links_to_it_instead_of_a_page_of_its_own() {
    let pages = fixture_site();
    let text = |path: &str| pages[path].clone();
    // Brede, Anna Brede and Tomas Brede stay three actors, each in one briefing.
    let cases = [
        ("brede", "Brede", "estuary-budget"),
        ("anna-brede", "Anna Brede", "estuary-budget"),
        ("tomas-brede", "Tomas Brede", "ferry-strike-called"),
    ];
    let index = text("actors/index.html");
    let sitemap = text("sitemap.xml");
    for (slug, name, briefing) in cases {
        assert!(
            !pages
                .keys()
                .any(|p| p.starts_with(&format!("actors/{slug}/")))
        );
        assert!(!sitemap.contains(&format!("/actors/{slug}/")), "{slug}");
        let link = format!("<a href=\"/briefings/{briefing}/#actors\">{name}</a>");
        assert!(index.contains(&link), "{link} not in the actors index");
        // On its own briefing the name is not a link back to the same page.
        let page = text(&format!("briefings/{briefing}/index.html"));
        let head = format!("<span class=\"actor-name\">{name}</span>");
        let at = page
            .find(&head)
            .unwrap_or_else(|| panic!("{name} on {briefing}"));
        let before = &page[..at];
        let card = &before[before.rfind("<li").expect("its card")..];
        assert!(
            !card.contains("<a "),
            "{name} links on its own page: {card}"
        );
    }
    // An actor of two briefings keeps its page, linked from both.
    assert!(pages.contains_key("actors/council-of-the-estuary/index.html"));
    for briefing in ["harbour-talks-stall", "estuary-budget"] {
        let page = text(&format!("briefings/{briefing}/index.html"));
        assert!(
            page.contains("href=\"/actors/council-of-the-estuary/\""),
            "{briefing}"
        );
    }
}

/// The `<article class="card">` of `briefing` on `page`.
fn card_of<'a>(page: &'a str, briefing: &str) -> &'a str {
    let link = format!("class=\"card-title\"><a href=\"/briefings/{briefing}/\">");
    let at = page
        .find(&link)
        .unwrap_or_else(|| panic!("no card of {briefing}"));
    let start = page[..at].rfind("<article").expect("a card");
    let end = at + page[at..].find("</article>").expect("the card's end");
    &page[start..end]
}

#[test]
fn cards_on_an_actor_page_leave_the_companions_to_seen_with() {
    let pages = fixture_site();
    let actor = &pages["actors/ilse-marrow/index.html"];
    let tag = &pages["tags/labour/index.html"];
    // The same briefing: its card on a tag page has its actors, on an actor page none.
    let briefing = "ferry-strike-called";
    assert!(
        card_of(tag, briefing).contains("class=\"chip "),
        "tag page card"
    );
    assert!(
        !card_of(actor, briefing).contains("chip"),
        "actor page card"
    );
    // Every companion is still a link on the actor page, once, in "Seen with", with
    // its count explained once beside the list rather than on every count.
    let seen =
        &actor[actor.find("id=\"seen-with\"").unwrap()..actor.find("id=\"briefings\"").unwrap()];
    assert_eq!(seen.matches("<a class=\"chip chip-").count(), 4, "{seen}");
    for href in [
        "/actors/port-calder/",
        "/briefings/ferry-strike-called/#actors",
    ] {
        assert!(seen.contains(&format!("href=\"{href}\"")), "{href}");
    }
    assert!(seen.contains("aria-describedby=\"seen-with-note\""));
    assert!(seen.contains("id=\"seen-with-note\">Each with the number of briefings in common."));
}

#[test]
fn snapshots_of_the_main_pages() {
    let pages = fixture_site();
    let cases = [
        ("index", "index.html"),
        ("briefing", "briefings/harbour-talks-stall/index.html"),
        ("actors", "actors/index.html"),
        ("actor", "actors/ilse-marrow/index.html"),
        ("timeline", "timeline/index.html"),
        ("tag", "tags/labour/index.html"),
    ];
    for (name, path) in cases {
        insta::assert_snapshot!(format!("main_{name}"), main_of(&pages[path]));
    }
    insta::assert_snapshot!(
        "full_briefing_page",
        redact(&pages["briefings/harbour-talks-stall/index.html"])
    );
    insta::assert_snapshot!("atom", redact(&pages["atom.xml"]));
    insta::assert_snapshot!("sitemap", pages["sitemap.xml"].as_str());
    insta::assert_snapshot!("robots", pages["robots.txt"].as_str());
}

/// A timeline of 67 events: one in 2021, 65 in 2022 (63 in March, more than a page),
/// one without a fixed date.
fn long_timeline_briefing() -> Briefing {
    let mut b = fixtures::briefing(
        "dock-log",
        "Dock log",
        Some(jiff::civil::date(2022, 5, 1)),
        "",
    );
    let mut events = vec![fixtures::event(
        "2021-06-01",
        "The dock opened to ferries",
        &[],
    )];
    for i in 0..63 {
        events.push(fixtures::event(
            &format!("2022-03-{:02}", i % 28 + 1),
            &format!("Inspectors logged crates q{i}a, q{i}b and q{i}c"),
            &[],
        ));
    }
    events.push(fixtures::event(
        "2022-04-02",
        "Ferries resumed their crossings",
        &[],
    ));
    events.push(fixtures::event(
        "2022-04-09",
        "The harbour master retired",
        &[],
    ));
    events.push(fixtures::event(
        "XXXX-WXX-3",
        "A pilot boarded on a Wednesday",
        &[],
    ));
    b.meta.timeline = events;
    b
}

/// Page `file` (`timeline/2021/index.html`) of a site at `https://example.org/` is listed
/// in its sitemap.
fn assert_in_sitemap(pages: &Site, file: &str) {
    let url = format!(
        "https://example.org/{}",
        file.trim_end_matches("index.html")
    );
    assert!(
        pages["sitemap.xml"].contains(&url),
        "{url} is in the sitemap"
    );
}

#[test]
fn snapshots_of_a_timeline_cut_into_pages() {
    let pages = render_site(
        &fixtures::config("https://example.org/", 10),
        &ThemeFiles::default(),
        &[long_timeline_briefing()],
    );
    let mut names: Vec<&str> = pages
        .keys()
        .map(String::as_str)
        .filter(|p| p.starts_with("timeline/"))
        .collect();
    names.sort_unstable();
    // March is longer than a page: its days are cut into pages of whole days (1-21,
    // 22-28), named by their first day. 2021's one event joins the first, April's two
    // the second; the undated event keeps its own page.
    assert_eq!(
        names,
        [
            "timeline/2021/index.html",
            "timeline/2022-03-22/index.html",
            "timeline/index.html",
            "timeline/undated/index.html",
        ]
    );
    let first = &pages["timeline/2021/index.html"];
    assert!(first.contains("<h1>2021 – 21 March 2022</h1>"), "{first}");
    assert_eq!(first.matches("class=\"tl-event\"").count(), 50);
    let second = &pages["timeline/2022-03-22/index.html"];
    assert!(
        second.contains("<h1>22 March – April 2022</h1>"),
        "{second}"
    );
    for name in &names {
        assert_in_sitemap(&pages, name);
    }
    insta::assert_snapshot!("timeline_overview", main_of(&pages["timeline/index.html"]));
    insta::assert_snapshot!(
        "timeline_month_page_2",
        main_of(&pages["timeline/2022-03-22/index.html"])
    );
}

#[test]
fn rendering_is_deterministic() {
    assert_eq!(fixture_site(), fixture_site());
}

#[test]
fn the_same_event_from_two_briefings_is_shown_once_with_both_sources() {
    let pages = fixture_site();
    let timeline = &pages["timeline/index.html"];
    assert_eq!(
        timeline.matches("Union delegates walked out").count(),
        1,
        "{timeline}"
    );
    assert!(timeline.contains("2 reports"), "{timeline}");
}

#[test]
fn atom_feed_parses_with_absolute_urls() {
    let config = fixtures::config("https://example.org/news/", 10);
    let pages = render_site(&config, &ThemeFiles::default(), &fixtures::site());
    let feed = atom_syndication::Feed::read_from(pages["atom.xml"].as_bytes()).expect("valid Atom");
    assert_eq!(feed.title().as_str(), "Estuary Desk");
    assert_eq!(feed.id(), "https://example.org/news/");
    let titles: Vec<&str> = feed.entries().iter().map(|e| e.title().as_str()).collect();
    assert_eq!(
        titles,
        [
            "Ferry strike called for next week",
            "Harbour talks stall over pilotage fees",
            "Estuary council passes emergency budget"
        ]
    );
    for entry in feed.entries() {
        assert!(
            entry
                .id()
                .starts_with("https://example.org/news/briefings/"),
            "{}",
            entry.id()
        );
        assert!(
            entry
                .links()
                .iter()
                .all(|l| l.href().starts_with("https://example.org/news/"))
        );
        assert_eq!(entry.updated().to_rfc3339().len(), 25);
    }
    let first = &feed.entries()[1];
    assert_eq!(first.updated().to_rfc3339(), "2024-03-14T00:00:00+00:00");
    assert_eq!(
        first.summary().map(|s| s.as_str()),
        Some(
            "Negotiations between the Port Calder authority and harbour pilots broke down on Tuesday."
        )
    );
    let html = first.content().and_then(|c| c.value()).unwrap_or_default();
    assert!(
        html.contains("<a href=\"/news/briefings/estuary-budget/\">the budget</a>"),
        "{html}"
    );
}

#[test]
fn an_undated_briefing_gets_its_first_seen_date_in_the_feed_never_the_build_date() {
    let config = fixtures::config("https://example.org/", 10);
    let mut briefings = fixtures::site();
    briefings.push(fixtures::briefing("undated", "Undated note", None, "Body."));
    let feed_of = |entries: &[(&str, jiff::civil::Date)]| {
        let seen = entries.iter().map(|(s, d)| (s.to_string(), *d)).collect();
        let theme = ThemeFiles::default();
        let (pages, _) =
            super::render_seen(&config, &theme, &briefings, &fixtures::options(), &seen).unwrap();
        atom_syndication::Feed::read_from(pages["atom.xml"].as_bytes()).unwrap()
    };
    let today = fixtures::options().today.to_string();
    let feed = feed_of(&[("undated", jiff::civil::date(2024, 3, 1))]);
    let undated = feed
        .entries()
        .iter()
        .find(|e| e.title().as_str() == "Undated note");
    assert_eq!(
        undated.map(|e| e.updated().to_rfc3339()),
        Some("2024-03-01T00:00:00+00:00".to_string())
    );
    assert!(
        !feed.updated().to_rfc3339().starts_with(&today),
        "{}",
        feed.updated()
    );
    let feed = feed_of(&[]);
    assert!(
        feed.entries()
            .iter()
            .all(|e| e.title().as_str() != "Undated note"),
        "no made-up date"
    );
    assert!(
        !feed.updated().to_rfc3339().starts_with(&today),
        "{}",
        feed.updated()
    );
}

#[test]
fn feed_limit_caps_the_entries() {
    let mut config = fixtures::config("https://example.org/", 10);
    config.feed_limit = 2;
    let pages = render_site(&config, &ThemeFiles::default(), &fixtures::site());
    let feed = atom_syndication::Feed::read_from(pages["atom.xml"].as_bytes()).unwrap();
    assert_eq!(feed.entries().len(), 2);
}

#[test]
fn every_internal_url_carries_the_sub_path() {
    let config = fixtures::config("https://example.org/news/", 1);
    let pages = render_site(&config, &ThemeFiles::default(), &fixtures::site());
    let mut checked = 0;
    for (path, html) in html_pages(&pages) {
        for attr in ["href", "src", "action", "data-index"] {
            for value in attribute_values(html, attr) {
                let ok = value.starts_with("/news/")
                    || value.starts_with('#')
                    || value.starts_with("https://");
                assert!(ok, "{path}: {attr}=\"{value}\" is outside /news/");
                if value.starts_with("https://") {
                    assert!(
                        value.starts_with("https://example.org/news/")
                            || value.starts_with("https://courier.example/"),
                        "{path}: {value}"
                    );
                }
                checked += 1;
            }
        }
    }
    assert!(checked > 200, "only {checked} URLs checked");
    assert!(pages.contains_key("page/2/index.html") && pages.contains_key("page/3/index.html"));
    for loc in pages["sitemap.xml"].split("<loc>").skip(1) {
        assert!(loc.starts_with("https://example.org/news/"), "{loc}");
    }
    assert!(pages["robots.txt"].contains("Sitemap: https://example.org/news/sitemap.xml"));
    let search = super::data_file(&pages, "search/index.json", "docs");
    assert!(
        search["docs"]
            .as_array()
            .unwrap()
            .iter()
            .all(|d| d["url"].as_str().unwrap().starts_with("/news/briefings/"))
    );
}

#[test]
fn pagination_links_pages_in_order() {
    let config = fixtures::config("https://example.org/", 1);
    let pages = render_site(&config, &ThemeFiles::default(), &fixtures::site());
    let page2 = &pages["page/2/index.html"];
    assert!(page2.contains("rel=\"prev\" href=\"/\""), "{page2}");
    assert!(page2.contains("rel=\"next\" href=\"/page/3/\""), "{page2}");
    assert!(
        page2.contains("Harbour talks stall"),
        "page 2 holds the second newest briefing"
    );
    assert!(!pages.contains_key("page/4/index.html"));
}

#[test]
fn paginator_shows_a_window_of_pages_with_gaps() {
    let config = fixtures::config("https://example.org/", 1);
    let corpus = Corpus::build(fixtures::site(), false);
    let index = crate::site::index::SiteIndex::new(&config, &corpus);
    let cases = [
        (1, 1, vec![Some(1)]),
        (1, 9, vec![Some(1), Some(2), Some(3), None, Some(9)]),
        (
            5,
            9,
            vec![
                Some(1),
                None,
                Some(3),
                Some(4),
                Some(5),
                Some(6),
                Some(7),
                None,
                Some(9),
            ],
        ),
        (9, 9, vec![Some(1), None, Some(7), Some(8), Some(9)]),
        (3, 5, vec![Some(1), Some(2), Some(3), Some(4), Some(5)]),
    ];
    for (current, total, want) in cases {
        let p = crate::site::view::Paginator::new(&index, current, total, total);
        let got: Vec<Option<usize>> = p.pages.iter().map(|l| l.number).collect();
        assert_eq!(got, want, "page {current} of {total}");
        assert_eq!(p.pages.iter().filter(|l| l.current).count(), 1);
    }
}

#[test]
fn drafts_are_shown_only_when_asked() {
    let config = fixtures::config("https://example.org/", 10);
    let options = BuildOptions {
        drafts: true,
        ..fixtures::options()
    };
    let (pages, _) =
        render_with(&config, &ThemeFiles::default(), &fixtures::site(), &options).unwrap();
    let draft = &pages["briefings/draft-note/index.html"];
    assert!(draft.contains("badge-draft"), "{draft}");
}

#[test]
fn broken_internal_links_are_warnings_with_file_and_line() {
    let config = fixtures::config("https://example.org/news/", 10);
    let (_, warnings) = render_with(
        &config,
        &ThemeFiles::default(),
        &fixtures::site(),
        &fixtures::options(),
    )
    .unwrap();
    let got: Vec<String> = warnings
        .iter()
        .map(|w| format!("{}: {}", w.location, w.message))
        .collect();
    assert_eq!(
        got,
        [
            "content/briefings/harbour-talks-stall.md:18:68: broken link: `/news/briefings/no-such-briefing/` does not match any page of the site"
        ]
    );
}

/// The link warnings of one render of `corpus` that keeps `cache` for the next.
fn link_warnings(corpus: &Corpus, templates: &mut Templates, cache: &Cache) -> Vec<String> {
    let config = fixtures::config("https://example.org/news/", 10);
    let sink = Collect::default();
    let seen = BTreeMap::new();
    let rendered = render(
        &config,
        templates,
        corpus,
        &fixtures::options(),
        &seen,
        cache,
        &sink,
    )
    .unwrap_or_else(|_| panic!("renders"));
    rendered
        .warnings
        .iter()
        .map(|w| format!("{}: {}", w.location, w.message))
        .collect()
}

#[test]
fn link_warnings_kept_between_renders_follow_every_change() {
    let config = fixtures::config("https://example.org/news/", 10);
    let mut templates = load_templates(&config, &ThemeFiles::default()).unwrap();
    let cache = Cache::default();
    let mut corpus = Corpus::build(fixtures::site(), false);
    let first = link_warnings(&corpus, &mut templates, &cache);
    assert_eq!(first.len(), 1, "{first:?}");
    assert!(first[0].contains("no-such-briefing"), "{first:?}");
    assert_eq!(
        link_warnings(&corpus, &mut templates, &cache),
        first,
        "kept"
    );

    let target = fixtures::briefing("no-such-briefing", "Now there", None, "Text.");
    corpus.update([target], &[]);
    let added = link_warnings(&corpus, &mut templates, &cache);
    assert!(added.is_empty(), "the page now exists: {added:?}");
    corpus.update(Vec::<Briefing>::new(), &["no-such-briefing".to_string()]);
    assert_eq!(
        link_warnings(&corpus, &mut templates, &cache),
        first,
        "gone again"
    );

    let id = corpus.by_file_slug("harbour-talks-stall").unwrap();
    let mut fixed = corpus.briefing(id).clone();
    fixed.body = fixed.body.replace("/briefings/no-such-briefing/", "/tags/");
    corpus.update([fixed], &[]);
    let edited = link_warnings(&corpus, &mut templates, &cache);
    assert!(
        edited.is_empty(),
        "the edited body is checked again: {edited:?}"
    );
}

#[test]
fn an_empty_site_still_renders() {
    let pages = render_site(
        &fixtures::config("https://example.org/", 10),
        &ThemeFiles::default(),
        &[],
    );
    assert!(pages["index.html"].contains("No briefings yet"));
    assert!(atom_syndication::Feed::read_from(pages["atom.xml"].as_bytes()).is_ok());
}

#[test]
fn briefings_json_holds_the_structured_data() {
    let pages = fixture_site();
    let data = super::data_file(&pages, "briefings.json", "briefings");
    assert_eq!(data["version"], 2);
    assert_eq!(data["count"], 3);
    assert_eq!(data["base_url"], "https://example.org/");
    let briefings = data["briefings"].as_array().unwrap();
    assert_eq!(briefings.len(), 3);
    let strike = &briefings[0];
    assert_eq!(strike["slug"], "ferry-strike-called");
    assert_eq!(strike["url"], "/briefings/ferry-strike-called/");
    assert_eq!(strike["actors"][0]["name"], "Marrow");
    assert_eq!(strike["actors"][0]["actor_url"], "/actors/ilse-marrow/");
    assert_eq!(strike["timeline"][1]["granularity"], "week");
}

fn repeating_briefing(body: &str) -> Briefing {
    let mut b = fixtures::briefing(
        "repeats",
        "Repeats",
        Some(jiff::civil::date(2024, 3, 2)),
        body,
    );
    b.meta.lede = "The lede.".into();
    b.meta.summary = vec!["The  lede.".into(), "Point one.".into()];
    let kind = crate::analysis::ActorKind::Person;
    b.meta.actors = vec![fixtures::actor("Ana Ruiz", kind, Some("Minister"), &[])];
    b.meta.timeline = vec![fixtures::event("2024-03-01", "The dam opened.", &[])];
    b
}

/// A briefing as the tool writes it: the generated sections, their fingerprints, a source section.
fn generated_briefing() -> Briefing {
    let mut b = repeating_briefing("");
    let sections = crate::briefing::generated_sections(&b.meta);
    b.body = format!(
        "{}\n## Source\n\nThe article text.\n",
        sections
            .iter()
            .map(|(_, md)| md.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    );
    b.meta.generated = Some(crate::briefing::Generated {
        by: "test".into(),
        hash: String::new(),
        sections: crate::briefing::sections::fingerprints(
            sections.iter().map(|(h, md)| (*h, md.as_str())),
        ),
    });
    b
}

#[test]
fn no_sentence_is_told_twice_on_a_briefing_page() {
    let mut b = repeating_briefing("");
    b.meta.lede = "Kestria and Meranthe reached an agreement in principle on Friday.".into();
    b.meta.summary = vec![
        "LISK — Kestria and Meranthe reached an agreement in principle on Friday, easing a \
         standoff over the dam."
            .into(),
        "The union ended its long vigil at the Brenn gauge.".into(),
    ];
    b.meta.timeline = vec![
        fixtures::event(
            "2024-03-01",
            "Kestria and Meranthe reached an agreement in principle",
            &[],
        ),
        fixtures::event(
            "2024-03-03",
            "The union ended its vigil at the Brenn gauge",
            &[],
        ),
        fixtures::event("2024-03-05", "Farmers planted the delta", &[]),
        fixtures::event("2024-04-02", "The minimum flow buys us the spring", &[]),
    ];
    let mut negotiator = fixtures::actor(
        "Tomas Reyne",
        crate::analysis::ActorKind::Person,
        Some("chief negotiator"),
        &[],
    );
    negotiator.quotes = vec!["The minimum flow buys us the spring".into()];
    b.meta.actors.push(negotiator);
    let pages = render_site(
        &fixtures::config("https://example.org/", 10),
        &ThemeFiles::default(),
        &[b],
    );
    let page = &pages["briefings/repeats/index.html"];
    assert!(
        page.contains("<p class=\"lede\" id=\"lede\">Kestria and Meranthe reached an agreement in principle on Friday, easing a standoff over the dam.</p>"),
        "the point that repeats the lede gives the lede its detail: {page}"
    );
    let main = &page[page.find("<main").unwrap()..page.find("</main>").unwrap()];
    assert_eq!(main.matches("easing a standoff").count(), 1, "{main}");
    assert!(!page.contains("LISK"), "no dateline");
    let texts: Vec<&str> = page
        .split("<p class=\"tl-text\">")
        .skip(1)
        .map(|s| &s[..s.find("</p>").unwrap()])
        .collect();
    assert_eq!(
        texts,
        [
            "<a href=\"#lede\">Kestria and Meranthe reached an agreement…</a> <span class=\"tl-see\">(told above)</span>",
            "<a href=\"#kp-1\">The union ended its vigil at…</a> <span class=\"tl-see\">(told above)</span>",
            "Farmers planted the delta",
            "<a href=\"#q-2\">The minimum flow buys us the…</a> <span class=\"tl-see\">(told above)</span>",
        ]
    );
    assert!(
        page.contains("<li id=\"kp-1\">The union ended its long vigil at the Brenn gauge.</li>")
    );
    assert!(page.contains(
        "<blockquote class=\"actor-quote\" id=\"q-2\"><p>The minimum flow buys us the spring</p>"
    ));
    let search = super::data_file(&pages, "search/index.json", "docs");
    let doc = &search["docs"][0];
    assert_eq!(
        doc["lede"],
        "Kestria and Meranthe reached an agreement in principle on Friday, easing a standoff over the dam.",
        "search shows the lede the page shows"
    );
    assert_eq!(
        doc["summary"], "The union ended its long vigil at the Brenn gauge.",
        "and only the points the page lists"
    );
}

#[test]
fn body_sections_that_repeat_the_front_matter_are_not_shown_twice() {
    let config = fixtures::config("https://example.org/", 10);
    let generated = generated_briefing();
    let pages = render_site(
        &config,
        &ThemeFiles::default(),
        std::slice::from_ref(&generated),
    );
    let page = &pages["briefings/repeats/index.html"];
    let shown = &page[page.find("id=\"body\"").expect("body section")..];
    for heading in [">Summary</h2>", ">Key actors</h2>", ">Timeline</h2>"] {
        assert!(
            !shown.contains(heading),
            "{heading} is shown by the page's own blocks: {shown}"
        );
    }
    assert!(shown.contains(">Source</h2>"), "{shown}");
    let summary = &page[page.find("summary-box").unwrap()..page.find("id=\"actors\"").unwrap()];
    assert_eq!(
        summary.matches("<li id=\"kp-").count(),
        1,
        "the point that repeats the lede is left out"
    );

    let mut role_fixed = generated.clone();
    role_fixed.meta.actors[0].role = Some("Minister of Water".into());
    let pages = render_site(&config, &ThemeFiles::default(), &[role_fixed]);
    let page = &pages["briefings/repeats/index.html"];
    assert!(
        page.contains("Minister of Water"),
        "a front matter edit shows on the page"
    );
    assert!(
        !page[page.find("id=\"body\"").unwrap()..].contains(">Key actors</h2>"),
        "and the untouched body section stays hidden"
    );

    let timeline = &page[page.find("id=\"timeline\"").unwrap()..];
    assert!(timeline.contains("class=\"timeline\""), "{timeline}");
}

#[test]
fn an_edited_section_is_shown_where_its_block_would_be() {
    let config = fixtures::config("https://example.org/", 10);
    let generated = generated_briefing();
    // (what, text replaced, its replacement, the block the edit shows in, the block after it)
    let cases = [
        (
            "Summary",
            "- Point one.",
            "- Point one.\n- Editor's note: fares rise.",
            "id=\"summary\"",
            "id=\"actors\"",
        ),
        (
            "Key actors",
            "(person)",
            "(person), Editor's note: since resigned",
            "id=\"actors\"",
            "id=\"timeline\"",
        ),
        (
            "Timeline",
            "The dam opened.",
            "The dam opened. Editor's note: late.",
            "id=\"timeline\"",
            "id=\"body\"",
        ),
    ];
    for (what, from, to, block, next) in cases {
        let mut edited = generated.clone();
        edited.body = generated.body.replacen(from, to, 1);
        assert_ne!(edited.body, generated.body, "{what}");
        let pages = render_site(&config, &ThemeFiles::default(), &[edited]);
        let page = &pages["briefings/repeats/index.html"];
        let (start, end) = (page.find(block).unwrap(), page.find(next).unwrap());
        let note = page.find("Editor’s note").unwrap_or(0);
        assert!(
            start < note && note < end,
            "{what}: the edit shows in its block: {page}"
        );
        assert_eq!(page.matches("Editor’s note").count(), 1, "{what}");
        let heading = format!(">{what}</h2>");
        assert!(page[start..end].contains(&heading), "{what}: {page}");
        let body = &page[page.find("id=\"body\"").unwrap()..];
        assert!(
            !body.contains(&heading) && body.contains(">Source</h2>"),
            "{what}: {body}"
        );
        assert!(
            page.contains("class=\"actor-cards\""),
            "{what}: the actor cards stay (they lead to actor pages)"
        );
        let front_matter = [
            ("Summary", "Key points</h2>"),
            ("Timeline", "class=\"tl-text\""),
        ];
        for (edited, shown) in front_matter {
            assert_eq!(page.contains(shown), edited != what, "{what}: {shown}");
        }
    }
}

/// Scale check, run by hand: `cargo test --release --lib site::tests::pages::scale -- --ignored --nocapture`.
#[test]
#[ignore]
fn scale() {
    let config = fixtures::config("https://example.org/", 20);
    for n in std::env::var("SCALE")
        .ok()
        .and_then(|v| v.parse().ok())
        .map_or(vec![1000, 4000, 10000], |n| vec![n])
    {
        let briefings = fixtures::synthetic(n);
        let start = std::time::Instant::now();
        let mut templates = load_templates(&config, &ThemeFiles::default()).unwrap();
        let corpus = Corpus::build(briefings, false);
        let (pages, _) =
            super::render_all(&config, &mut templates, &corpus, &fixtures::options()).unwrap();
        let bytes: usize = pages.values().map(|p| p.1.len()).sum();
        let biggest = pages.iter().max_by_key(|p| p.1.1.len()).unwrap();
        println!(
            "{n} briefings: {} files, {} MB, {:.2?}; biggest {} ({} KB)",
            pages.len(),
            bytes / 1_000_000,
            start.elapsed(),
            biggest.0,
            biggest.1.1.len() / 1000
        );
        let mut by_kind: BTreeMap<String, (usize, usize, usize)> = BTreeMap::new();
        for (path, (_, bytes)) in &pages {
            let kind = match path.split('/').collect::<Vec<_>>().as_slice() {
                [dir, _, _] => format!("{dir}/*/"),
                _ => path.clone(),
            };
            let e = by_kind.entry(kind).or_default();
            (e.0, e.1, e.2) = (e.0 + 1, e.1 + bytes.len(), e.2.max(bytes.len()));
        }
        for (kind, (count, size, max)) in by_kind.iter().filter(|(_, e)| e.1 > 200_000) {
            println!(
                "  {kind}: {count} files, {} KB, largest {} KB",
                size / 1000,
                max / 1000
            );
        }
    }
}

#[test]
fn a_long_timeline_gets_one_page_per_year_or_month_and_long_lists_become_links() {
    let pages = render_site(
        &fixtures::config("https://example.org/", 20),
        &ThemeFiles::default(),
        &fixtures::synthetic(600),
    );
    let main = &pages["timeline/index.html"];
    assert_eq!(
        main.matches("class=\"tl-event\"").count(),
        super::super::view::timeline::LATEST_EVENTS,
        "the index of a long timeline shows the overview and the latest events"
    );
    let parts: Vec<(&String, &String)> = pages
        .iter()
        .filter(|(p, _)| p.starts_with("timeline/") && p.as_str() != "timeline/index.html")
        .collect();
    let names: Vec<&str> = parts.iter().map(|(p, _)| p.as_str()).collect();
    assert!(
        names.contains(&"timeline/2021-11/index.html"),
        "a long year is cut into months: {names:?}"
    );
    assert!(
        names.contains(&"timeline/2022-03-01/index.html")
            && names.contains(&"timeline/2022-03-07/index.html")
            && !names.contains(&"timeline/2022-03/index.html"),
        "a long month into pages of whole days, named by their first day: {names:?}"
    );
    let march = &pages["timeline/2022-03-07/index.html"];
    assert!(march.contains("<h1>7 – 12 March 2022</h1>"), "{march}");
    assert!(!names.contains(&"timeline/2022/index.html"), "{names:?}");
    let first_of_march = &pages["timeline/2022-03-01/index.html"];
    assert!(
        main.contains("href=\"/timeline/2022-03-01/\""),
        "timeline/ leads to the first page of a month cut into days"
    );
    for (path, page) in &parts {
        let dir = path.trim_end_matches("index.html");
        if dir.matches('/').count() != 2 {
            continue;
        }
        let link = format!("href=\"/{dir}\"");
        let day = path.len() > "timeline/2022-03-01".len() && path.as_bytes()[16] == b'-';
        match day {
            // a day's page is listed on every page of its month, itself marked
            true => {
                let month = &path[..16];
                let first = parts
                    .iter()
                    .find(|(p, _)| p.starts_with(month))
                    .map(|(_, t)| t.as_str());
                assert!(
                    first.is_some_and(|t| t.contains(&link)),
                    "{month}'s pages link {dir}"
                );
                assert!(
                    page.contains(&format!("{link} title=")) && page.contains("class=\"tl-days\""),
                    "{path} lists its month's days"
                );
            }
            false => assert!(main.contains(&link), "timeline/ links {dir}"),
        }
    }
    assert!(
        first_of_march.contains("aria-label=\"Days of this month\""),
        "{first_of_march}"
    );
    let counts: Vec<usize> = parts
        .iter()
        .map(|(_, t)| t.matches("class=\"tl-event\"").count())
        .collect();
    let total: usize = {
        let intro = &main[main.find("class=\"page-intro\">").unwrap() + 19..];
        intro[..intro.find(' ').unwrap()].parse().unwrap()
    };
    let shown: usize = counts.iter().sum();
    assert_eq!(shown, total, "every event is on exactly one part page");
    for (path, page) in &parts {
        assert!(
            page.contains("class=\"tl-overview\"") && page.contains("aria-current="),
            "{path} shows the overview, with itself marked"
        );
        assert_in_sitemap(&pages, path);
    }
    let per = super::super::view::timeline::PAGE_EVENTS;
    let largest = counts.iter().copied().max().unwrap_or(0);
    assert!(largest <= per + per / 5, "{largest}");
    let smallest = counts.iter().copied().min().unwrap_or(0);
    assert!(
        smallest >= 3,
        "no page strands one or two events: {counts:?}"
    );
    let numbered: Vec<&&str> = names
        .iter()
        .filter(|n| n.matches('/').count() > 2)
        .collect();
    for (path, page) in &parts {
        if numbered.iter().any(|n| **n == path.as_str()) {
            let n = page.matches("class=\"tl-event\"").count();
            assert!(n > 1, "{path}: a numbered page with {n} events");
            assert!(
                page.contains("rel=\"prev\""),
                "{path} links the page before"
            );
        }
    }
}

#[test]
fn actors_and_tags_in_many_briefings_get_pages_of_paginate_by() {
    let pages = render_site(
        &fixtures::config("https://example.org/", 20),
        &ThemeFiles::default(),
        &fixtures::synthetic(600),
    );
    // Central Council is in the 300 even-numbered briefings: 15 pages of 20.
    let council: Vec<&String> = (1..=15)
        .map(|n| match n {
            1 => &pages["actors/central-council/index.html"],
            n => &pages[&format!("actors/central-council/page/{n}/index.html")],
        })
        .collect();
    assert!(!pages.contains_key("actors/central-council/page/16/index.html"));
    assert!(!pages.contains_key("actors/central-council/page/1/index.html"));
    for (i, page) in council.iter().enumerate() {
        assert_eq!(
            page.matches("<article class=\"card").count(),
            20,
            "page {}",
            i + 1
        );
        assert!(!page.contains("more-briefings"), "page {}", i + 1);
        assert!(
            page.len() < 200_000,
            "page {} has {} bytes",
            i + 1,
            page.len()
        );
    }
    assert!(council[1].contains("href=\"/actors/central-council/page/3/\""));
    assert!(council[0].contains("id=\"roles\"") && !council[1].contains("id=\"roles\""));
    assert!(
        council[0].contains("and 295 more"),
        "role sources are capped"
    );
    let events: Vec<usize> = council
        .iter()
        .map(|p| p.matches("class=\"tl-event\"").count())
        .collect();
    let max = super::super::view::actor::MAX_EVENTS;
    assert!(
        (max - 5..=max).contains(&events[0]),
        "the first page has the latest events of all the actor's briefings: {}",
        events[0]
    );
    assert!(council[0].contains(&format!("The latest {} of 300 events", events[0])));
    assert!(events[1..].iter().all(|&n| n == 0), "{events:?}");
    assert!(council[0].contains("id=\"actor-timeline-picture\""));
    assert!(council[1].contains("href=\"/actors/central-council/#timeline\""));
    let tag = &pages["tags/even/index.html"];
    assert_eq!(tag.matches("<article class=\"card").count(), 20);
    assert!(pages.contains_key("tags/even/page/15/index.html"));
}

#[test]
fn events_on_the_same_date_show_the_date_once() {
    let mut b = fixtures::briefing(
        "same-day",
        "Same day",
        Some(jiff::civil::date(2024, 3, 2)),
        "",
    );
    b.meta.timeline = vec![
        fixtures::event("2024-03-01", "First.", &[]),
        fixtures::event("2024-03-01", "Second.", &[]),
        fixtures::event("2024-03-02", "Third.", &[]),
    ];
    let pages = render_site(
        &fixtures::config("https://example.org/", 10),
        &ThemeFiles::default(),
        &[b],
    );
    let page = &pages["briefings/same-day/index.html"];
    let classes: Vec<&str> = attribute_values(page, "class")
        .into_iter()
        .filter(|c| c.starts_with("tl-event"))
        .collect();
    assert_eq!(
        classes,
        [
            "tl-event tl-day",
            "tl-event tl-day tl-continues",
            "tl-event tl-day"
        ]
    );
    assert_eq!(
        page.matches("<p class=\"tl-date visually-hidden\">")
            .count(),
        1
    );
}

#[test]
fn raw_date_values_never_reach_a_reader() {
    let mut b = fixtures::briefing("undated", "Undated article", None, "Body.\n");
    b.meta.actors = vec![fixtures::actor(
        "Ana Ruiz",
        crate::analysis::ActorKind::Person,
        None,
        &[],
    )];
    b.meta.timeline = ["XXXX-WXX", "XXXX-Q1", "XXXX-SU", "FOO_REF", "XXXX-WXX-3"]
        .iter()
        .enumerate()
        .map(|(i, date)| fixtures::event(date, &format!("Ana Ruiz did thing {i}."), &[]))
        .collect();
    let mut with_when = b.clone();
    with_when.slug = "undated-2".into();
    with_when.meta.timeline[3].when = "one spring".into();
    with_when.meta.timeline[3].text = "Something else entirely happened.".into();
    let pages = render_site(
        &fixtures::config("https://example.org/", 10),
        &ThemeFiles::default(),
        &[b, with_when],
    );
    let mut checked = 0;
    for (path, text) in pages.iter().filter(|(p, _)| !p.ends_with(".json")) {
        for raw in ["XXXX", "FOO_REF", "-Q1", "-SU"] {
            assert!(!text.contains(raw), "{path} shows {raw}");
        }
        checked += 1;
    }
    assert!(checked > 8, "{checked}");
    let timeline = &pages["timeline/index.html"];
    assert!(timeline.contains(">one spring</h3>"), "{timeline}");
    assert!(
        timeline.contains(">Wednesday, week of publication</h3>"),
        "{timeline}"
    );
}

#[test]
fn search_results_print_dates_like_pages() {
    let pages = fixture_site();
    let search = super::data_file(&pages, "search/index.json", "docs");
    let labels: Vec<&str> = search["docs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["date_label"].as_str().unwrap_or("none"))
        .collect();
    assert_eq!(
        labels,
        ["18 March 2024", "14 March 2024", "2 February 2024"]
    );
    let card = &pages["index.html"];
    assert!(
        card.contains(">14 March 2024</time>"),
        "the same format on pages"
    );
    assert!(pages["search.js"].contains("d.date_label"));
}

/// A briefing with people, organisations and places of the given saliences.
fn crowded(slug: &str, day: u8, actors: &[(&str, crate::analysis::ActorKind, f64)]) -> Briefing {
    let mut b = fixtures::briefing(slug, slug, Some(jiff::civil::date(2024, 3, day as i8)), "");
    b.meta.actors = actors
        .iter()
        .map(|&(name, kind, salience)| crate::briefing::ActorMeta {
            salience,
            ..fixtures::actor(name, kind, None, &[])
        })
        .collect();
    b
}

#[test]
fn places_are_chips_after_the_cards_of_people_and_organisations() {
    use crate::analysis::ActorKind::*;
    let b = crowded(
        "crowded",
        1,
        &[
            ("Port Calder", Place, 0.9),
            ("Ilse Marrow", Person, 0.5),
            ("Calder Council", Organization, 0.8),
            ("Marrow", Person, 0.4),
            ("Brede Valley", Place, 0.2),
            ("Harbour Pilots", Group, 0.6),
            ("Norland", Place, 0.7),
        ],
    );
    let pages = render_site(
        &fixtures::config("https://example.org/", 10),
        &ThemeFiles::default(),
        &[b],
    );
    let page = &pages["briefings/crowded/index.html"];
    let cards = &page[page.find("class=\"actor-cards\"").unwrap()..];
    let cards = &cards[..cards.find("</ul>").unwrap()];
    let names: Vec<&str> = cards
        .split("<span class=\"actor-name\">")
        .skip(1)
        .map(|s| &s[..s.find('<').unwrap()])
        .collect();
    assert_eq!(
        names,
        ["Calder Council", "Harbour Pilots", "Ilse Marrow"],
        "by salience, each actor once, no places"
    );
    let places = &page[page.find("class=\"places\"").expect("a places line")..];
    let chips = chip_names(places);
    assert_eq!(chips, ["Port Calder", "Norland", "Brede Valley"]);
    let css = &pages["style.css"];
    let rule = &css[css.find(".actor-cards {").unwrap()..];
    assert!(
        rule[..rule.find('}').unwrap()].contains("grid-auto-rows: 1fr"),
        "cards of one height, so the grid has no holes"
    );
}

#[test]
fn an_actor_card_names_its_kind_once_and_draws_its_icon_from_the_stylesheet() {
    let pages = fixture_site();
    let (mut with_role, mut without) = (0, 0);
    for (path, page) in pages.iter().filter(|(p, _)| p.starts_with("briefings/")) {
        let Some(at) = page.find("<ul class=\"actor-cards\">") else {
            continue;
        };
        let list = &page[at..at + page[at..].find("</ul>").unwrap()];
        for card in list.split("<li class=\"actor-card actor-").skip(1) {
            let kind = &card[..card.find('"').unwrap()];
            let label = format!("{}{}", kind[..1].to_uppercase(), &kind[1..]);
            let hidden = card.contains(&format!("<span class=\"sr-only\">, {label}</span>"));
            let shown = card.contains(&format!("<span class=\"actor-role\">{label}, "));
            assert!(
                hidden != shown,
                "{path}: the kind once, hidden or shown: {card}"
            );
            assert!(!card.contains("<i "), "{path}: no icon element: {card}");
            match hidden {
                true => with_role += 1,
                false => without += 1,
            }
        }
    }
    assert!(with_role > 0 && without > 0, "{with_role} {without}");
    let css = &pages["style.css"];
    assert!(css.contains(".actor-card.actor-person > :first-child::before"));
}

/// The names on the actor chips in `html`, in order (a chip's name is its text before
/// the hidden kind).
fn chip_names(html: &str) -> Vec<String> {
    html.split("class=\"chip chip-")
        .skip(1)
        .map(|s| {
            let s = &s[s.find('>').unwrap() + 1..];
            s[..s.find('<').unwrap()].to_string()
        })
        .collect()
}

#[test]
fn outlets_only_cited_are_chips_after_the_places_never_cards() {
    use crate::analysis::ActorKind::*;
    let mut b = crowded(
        "cited",
        1,
        &[
            ("Kessel Wire", Organization, 0.95),
            ("Ilse Marrow", Person, 0.5),
            ("Norland", Place, 0.7),
            ("Calder Post", Organization, 0.4),
        ],
    );
    // Kessel Wire is only cited; Calder Post, an outlet the story is about, is not.
    b.meta.actors[0].source = true;
    let pages = render_site(
        &fixtures::config("https://example.org/", 10),
        &ThemeFiles::default(),
        &[b],
    );
    let page = &pages["briefings/cited/index.html"];
    let chips = |from: &str| -> Vec<String> {
        let part = &page[page.find(from).expect(from)..];
        let part = &part[..part.find("</ul>").unwrap()];
        match from.contains("actor-cards") {
            true => part
                .split("actor-name\">")
                .skip(1)
                .map(|s| s[..s.find('<').unwrap()].to_string())
                .collect(),
            false => chip_names(part),
        }
    };
    assert_eq!(
        chips("class=\"actor-cards\""),
        ["Ilse Marrow", "Calder Post"]
    );
    assert_eq!(chips("id=\"sources-heading\""), ["Kessel Wire"]);
    assert!(
        page.find("id=\"places-heading\"") < page.find("id=\"sources-heading\""),
        "sources after the places"
    );
}

#[test]
fn related_briefings_name_at_most_four_shared_actors() {
    use crate::analysis::ActorKind::*;
    let actors = [
        ("Norland", Place, 0.9),
        ("Calder", Place, 0.9),
        ("Harbour Pilots", Group, 0.8),
        ("Ana Ruiz", Person, 0.7),
        ("Tomas Brede", Person, 0.6),
        ("Calder Council", Organization, 0.5),
        ("Ilse Marrow", Person, 0.4),
        ("Lene Holt", Person, 0.3),
        ("Brede Valley", Place, 0.2),
    ];
    let briefings = [crowded("one", 1, &actors), crowded("two", 2, &actors)];
    let pages = render_site(
        &fixtures::config("https://example.org/", 10),
        &ThemeFiles::default(),
        &briefings,
    );
    let page = &pages["briefings/one/index.html"];
    assert!(
        page.contains(
            "<span class=\"shared\">Shares Ana Ruiz, Tomas Brede, Calder Council, Ilse Marrow and 5 more</span>"
        ),
        "{page}"
    );
}

#[test]
fn a_briefing_without_a_source_has_no_source_line() {
    let pages = fixture_site();
    let page = &pages["briefings/estuary-budget/index.html"];
    assert!(
        !page.contains("source-line") && !page.contains("not recorded"),
        "{page}"
    );
    let with_source = &pages["briefings/harbour-talks-stall/index.html"];
    assert!(with_source.contains("<p class=\"source-line\">Source: <a class=\"external\""));
}

#[test]
fn every_page_has_social_tags_with_the_site_name_and_a_share_image() {
    let pages = render_site(
        &fixtures::config("https://example.org/news/", 10),
        &ThemeFiles::default(),
        &fixtures::site(),
    );
    for (path, page) in pages.iter().filter(|(p, _)| p.ends_with(".html")) {
        for want in [
            "<meta property=\"og:site_name\" content=\"",
            "<meta property=\"og:image\" content=\"https://example.org/news/share.png\">",
            "<meta name=\"twitter:card\" content=\"summary_large_image\">",
            "<link rel=\"icon\" href=\"/news/favicon.ico\"",
        ] {
            assert!(page.contains(want), "{path}: no {want}");
        }
        assert_eq!(page.matches("property=\"og:type\"").count(), 1, "{path}");
    }
}

#[test]
fn things_named_twice_are_shown_as_plain_names_and_get_no_pages() {
    use crate::analysis::ActorKind;
    use crate::briefing::ActorMeta;
    let mut briefings = fixtures::site();
    let thing = |name: &str, mentions: usize| ActorMeta {
        kind: ActorKind::Thing,
        mentions,
        ..fixtures::actor(name, ActorKind::Thing, None, &[])
    };
    let b = &mut briefings[0];
    b.meta.things = vec![thing("Calder Tide Index", 3), thing("Harbour Pass", 1)];
    let slug = b.slug.clone();
    let pages = render_site(
        &fixtures::config("https://example.org/", 10),
        &ThemeFiles::default(),
        &briefings,
    );
    let page = &pages[&format!("briefings/{slug}/index.html")];
    assert!(page.contains("Things named</h3>"), "{slug}");
    assert!(page.contains("<span class=\"chip chip-thing\">Calder Tide Index</span>"));
    // Named once: not shown; and no thing has an actor page.
    assert!(!page.contains("Harbour Pass"));
    assert!(!pages.keys().any(|p| p.contains("calder-tide-index")));
    // A briefing without things shows no such row.
    let other = &pages[&format!("briefings/{}/index.html", briefings[1].slug)];
    assert!(!other.contains("Things named"));
}

#[test]
fn timelines_show_the_things_an_event_involves_with_the_kind_the_site_gives_them() {
    use crate::analysis::ActorKind::*;
    let day = Some(jiff::civil::date(2024, 3, 4));
    let mut opens = fixtures::briefing("dam-opens", "Dam opens", day, "Body.");
    opens.meta.actors = vec![
        fixtures::actor("Velmar Dam", Place, None, &[]),
        fixtures::actor("Ana Ruiz", Person, None, &[]),
    ];
    let mut closes = fixtures::briefing("dam-closes", "Dam closes", day, "Body.");
    closes.meta.actors = vec![fixtures::actor("Velmar Dam", Place, None, &[])];
    let mut flows = fixtures::briefing("dam-flows", "Dam flows", day, "Body.");
    flows.meta.actors = vec![fixtures::actor("Ana Ruiz", Person, None, &[])];
    // One briefing read the dam as a thing; the site knows it as a place.
    flows.meta.things = vec![
        fixtures::actor("Velmar Dam", Thing, None, &[]),
        fixtures::actor("Orrin Pass", Thing, None, &[]),
    ];
    let text = "Ana Ruiz opened the Velmar Dam to ships with an Orrin Pass.";
    flows.meta.timeline = vec![fixtures::event(
        "2024-03-04",
        text,
        &["Ana Ruiz", "Velmar Dam", "Orrin Pass", "Orrin Pass"],
    )];
    let pages = render_site(
        &fixtures::config("https://example.org/", 10),
        &ThemeFiles::default(),
        &[opens, closes, flows],
    );
    let page = &pages["briefings/dam-flows/index.html"];
    let row = |from: &str, html: &str| -> String {
        let part = &html[html.find(from).expect(from)..];
        part[..part.find("</ul>").unwrap()].to_string()
    };
    let event = row("class=\"tl-text\"", page);
    assert_eq!(chip_names(&event), ["Ana Ruiz", "Velmar Dam", "Orrin Pass"]);
    assert!(event.contains("chip chip-place\" href=\"/actors/velmar-dam/\""));
    assert!(event.contains("<span class=\"chip chip-thing\">Orrin Pass"));
    assert_eq!(
        chip_names(&row("id=\"places-heading\"", page)),
        ["Velmar Dam"]
    );
    assert_eq!(
        chip_names(&row("id=\"things-heading\"", page)),
        ["Orrin Pass"]
    );
    // The site's timeline shows the event with both; the place's page shows it too
    // (without the place's own chip, as for every event there).
    let cases: [(&str, &[&str]); 2] = [
        (
            "timeline/index.html",
            &["Ana Ruiz", "Velmar Dam", "Orrin Pass"],
        ),
        ("actors/velmar-dam/index.html", &["Ana Ruiz", "Orrin Pass"]),
    ];
    for (url, want) in cases {
        let html = &pages[url];
        let at = html.find("opened the Velmar Dam").expect(url);
        assert_eq!(
            chip_names(&row("class=\"chips", &html[at..])),
            want,
            "{url}"
        );
    }
}
