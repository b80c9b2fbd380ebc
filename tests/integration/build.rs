//! `build` and `check` on fixture sites: every input format, the pages of the site, the
//! cache, sub-path hosting, exit codes.

use crate::harness::{Site, run_in};

const SLUGS: [&str; 4] = [
    "rail-strike-page",
    "rail-strike-plain",
    "rail-strike-toml",
    "rail-strike-yaml",
];

#[test]
fn each_input_format_becomes_a_briefing_and_a_page() {
    let site = Site::fixture("formats");
    let run = site.run(&["build"]).success();
    assert!(
        run.stdout
            .contains("Built 4 articles (4 analysed, 0 reused from cache)"),
        "{}",
        run.stdout
    );
    for slug in SLUGS {
        let briefing = site.read(&format!("content/briefings/{slug}.md"));
        assert!(briefing.starts_with("---\n"), "{slug}: {briefing}");
        for section in ["## Summary", "## Key actors", "## Timeline", "## Source"] {
            assert!(briefing.contains(section), "{slug} lacks {section}");
        }
        assert!(
            site.exists(&format!("public/briefings/{slug}/index.html")),
            "{slug} page"
        );
    }
    let titles = [
        (
            "rail-strike-plain",
            "title: Rail workers in Dunmore walk out over rosters",
        ),
        (
            "rail-strike-yaml",
            "title: Dunmore rail talks to resume after three-day strike",
        ),
        (
            "rail-strike-toml",
            "title: Commissioner Mwangi sets deadline for Dunmore rail deal",
        ),
        (
            "rail-strike-page",
            "title: Dunmore drivers accept new rosters\n",
        ),
    ];
    for (slug, title) in titles {
        assert!(
            site.read(&format!("content/briefings/{slug}.md"))
                .contains(title),
            "{slug}: want {title}"
        );
    }
    let html_briefing = site.read("content/briefings/rail-strike-page.md");
    assert!(
        html_briefing.contains("date: 2025-11-28"),
        "{html_briefing}"
    );
    assert!(html_briefing.contains("https://example.com/kbp/dunmore-drivers-accept-rosters"));
    assert!(
        !html_briefing.contains("Advertisement") && !html_briefing.contains("cookies"),
        "{html_briefing}"
    );
    let plain = site.read("content/briefings/rail-strike-plain.md");
    assert!(
        !plain.contains("Example Wire"),
        "the photo credit is not article text: {plain}"
    );
}

#[test]
fn an_article_without_a_date_builds_with_one_warning_naming_it() {
    let site = Site::fixture("formats");
    let run = site.run(&["build"]).success();
    let warnings: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.starts_with("warning:") && l.contains("rail-strike-plain.txt"))
        .collect();
    assert_eq!(warnings.len(), 1, "{}", run.stderr);
    assert!(warnings[0].contains("date"), "{}", warnings[0]);
    // Its feed date is the day it was first seen, kept in the state folder: a later
    // build (here, after the record is moved back a year) keeps it.
    let record = site.read(".briefing/first-seen.json");
    assert!(record.contains("\"rail-strike-plain\""), "{record}");
    let dates = regex::Regex::new(r"\d{4}-\d{2}-\d{2}").unwrap();
    let old = dates.replace_all(&record, "2001-02-03").into_owned();
    site.write(".briefing/first-seen.json", &old);
    site.run(&["build"]).success();
    let feed = site.read("public/atom.xml");
    let entry = &feed[feed
        .find("Rail workers in Dunmore walk out")
        .expect("the undated entry")..];
    assert!(
        entry.contains("<updated>2001-02-03T00:00:00Z</updated>")
            || entry.contains("<updated>2001-02-03T00:00:00+00:00</updated>"),
        "{entry}"
    );
    assert_eq!(
        site.read(".briefing/first-seen.json"),
        old,
        "dates are never moved"
    );
}

#[test]
fn the_site_has_every_page_kind() {
    let site = Site::fixture("formats");
    site.run(&["build"]).success();
    for page in [
        "public/index.html",
        "public/404.html",
        "public/atom.xml",
        "public/sitemap.xml",
        "public/robots.txt",
        "public/briefings.json",
        "public/actors/index.html",
        "public/timeline/index.html",
        "public/tags/index.html",
        "public/tags/transport/index.html",
        "public/search/index.html",
    ] {
        assert!(site.exists(page), "missing {page}");
    }
    let feed = site.read("public/atom.xml");
    let parsed: atom_syndication::Feed = feed.parse().expect("atom.xml is valid Atom");
    assert_eq!(parsed.entries().len(), 4);
    // briefings.json lists its parts; the records are in them, in site order
    let list: serde_json::Value =
        serde_json::from_str(&site.read("public/briefings.json")).expect("briefings.json is JSON");
    let mut titles = Vec::new();
    for part in list["parts"].as_array().expect("parts") {
        let url = part["url"].as_str().expect("a part URL");
        let part: serde_json::Value =
            serde_json::from_str(&site.read(&format!("public{url}"))).expect("a part is JSON");
        for record in part["briefings"].as_array().expect("records") {
            titles.push(record["title"].as_str().expect("a title").to_string());
        }
    }
    assert_eq!(list["count"], titles.len());
    assert!(
        titles
            .iter()
            .any(|t| t == "Dunmore drivers accept new rosters"),
        "{titles:?}"
    );
}

#[test]
fn an_actor_page_gathers_every_briefing_the_actor_appears_in() {
    let site = Site::fixture("formats");
    site.run(&["build"]).success();
    let page = site.read("public/actors/idris-mwangi/index.html");
    for title in [
        "Dunmore rail talks to resume after three-day strike",
        "Commissioner Mwangi sets deadline for Dunmore rail deal",
        "Dunmore drivers accept new rosters",
    ] {
        assert!(page.contains(title), "the actor page lacks {title}");
    }
    assert!(page.contains("Transport Commissioner"), "the role is shown");
}

#[test]
fn a_second_build_reuses_every_briefing() {
    let site = Site::fixture("formats");
    site.run(&["build"]).success();
    let before = site.snapshot_tree("content/briefings");
    let run = site.run(&["build"]).success();
    assert!(
        run.stdout
            .contains("(0 analysed, 4 reused from cache): 0 briefings written"),
        "{}",
        run.stdout
    );
    assert_eq!(site.snapshot_tree("content/briefings"), before);
    assert!(
        run.stdout.contains("(0 rendered, none changed)"),
        "a build where nothing changed renders nothing: {}",
        run.stdout
    );
}

#[test]
fn an_edit_renders_only_the_pages_that_show_it() {
    let site = Site::fixture("formats");
    site.run(&["build"]).success();
    let public = site.snapshot_tree("public");
    let path = "content/briefings/rail-strike-toml.md";
    let edited = site
        .read(path)
        .replace("## Summary", "## Summary\n\nAn editor's note.");
    site.write(path, &edited);
    let run = site.run(&["build"]).success();
    let rendered: usize = run
        .stdout
        .split(" rendered")
        .next()
        .and_then(|s| s.rsplit('(').next())
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("no count of rendered pages: {}", run.stdout));
    assert!(
        rendered > 0 && rendered * 2 < public.len(),
        "{rendered} of {} pages rendered",
        public.len()
    );
    let page = site.read("public/briefings/rail-strike-toml/index.html");
    assert!(page.contains("An editor"), "the edit shows");
}

#[test]
fn base_url_with_a_path_prefixes_every_internal_link() {
    let site = Site::fixture("formats");
    site.run(&["build", "--base-url", "https://example.org/news/"])
        .success();
    let mut checked = 0;
    for (path, bytes) in site.snapshot_tree("public") {
        if path.extension().is_some_and(|e| e == "html") {
            let html = String::from_utf8(bytes).unwrap();
            for attr in ["href=\"/", "src=\"/", "action=\"/"] {
                for (i, _) in html.match_indices(attr) {
                    let rest = &html[i + attr.len()..];
                    assert!(
                        rest.starts_with("news/"),
                        "{}: {}",
                        path.display(),
                        &html[i..(i + 60).min(html.len())]
                    );
                    checked += 1;
                }
            }
        }
    }
    assert!(checked > 20, "only {checked} links checked");
    let feed = site.read("public/atom.xml");
    assert!(
        feed.contains("https://example.org/news/briefings/"),
        "{feed}"
    );
    assert!(
        site.read("public/sitemap.xml")
            .contains("<loc>https://example.org/news/")
    );
}

#[test]
fn check_writes_nothing_and_reports_broken_links() {
    let site = Site::fixture("formats");
    site.write(
        "content/briefings/hand-written.md",
        "---\ntitle: A note\n---\n\nSee [the missing briefing](/briefings/no-such-briefing/).\n",
    );
    let run = site.run(&["check"]).success();
    assert!(
        run.stdout.starts_with("Checked 4 articles"),
        "{}",
        run.stdout
    );
    assert!(
        run.stderr.contains("hand-written.md") && run.stderr.contains("no-such-briefing"),
        "{}",
        run.stderr
    );
    assert!(!site.exists("public"));
    assert!(!site.exists("content/briefings/rail-strike-yaml.md"));
}

#[test]
fn usage_errors_exit_with_2_and_help_works_for_every_command() {
    let site = Site::new();
    site.run(&["build", "--no-such-flag"]).failure(2);
    site.run(&["no-such-command"]).failure(2);
    for command in [
        "init", "new", "analyze", "build", "check", "watch", "serve", "clean",
    ] {
        let run = site.run(&[command, "--help"]).success();
        assert!(
            run.stdout.contains("Usage: briefing"),
            "{command}: {}",
            run.stdout
        );
    }
}

#[test]
fn init_creates_a_site_that_builds() {
    let dir = tempfile::tempdir().unwrap();
    run_in(dir.path(), &["init", "my-site"]).success();
    let site = dir.path().join("my-site");
    for file in ["briefing.toml", ".gitignore"] {
        assert!(site.join(file).exists(), "{file}");
    }
    let run = run_in(&site, &["build"]).success();
    assert!(run.stdout.contains("Built 1 article"), "{}", run.stdout);
    assert!(site.join("public/index.html").exists());
    run_in(dir.path(), &["init", "my-site"]).failure(1);
}

#[test]
fn a_folder_without_a_site_gets_a_helpful_error() {
    let dir = tempfile::tempdir().unwrap();
    let run = run_in(dir.path(), &["build"]).failure(1);
    assert!(
        run.stderr.contains("no briefing.toml") && run.stderr.contains("briefing init"),
        "{}",
        run.stderr
    );
}
