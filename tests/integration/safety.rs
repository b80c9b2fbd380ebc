//! Untrusted input and the user's data: hostile articles are escaped, bad files give
//! clear errors, and a failed build changes nothing on disk.

use crate::harness::Site;

#[test]
fn a_failed_build_leaves_the_previous_site_byte_identical() {
    let site = Site::fixture("formats");
    site.run(&["build"]).success();
    let before = site.snapshot_tree("public");
    let briefings_before = site.snapshot_tree("content/briefings");
    site.write(
        "content/articles/broken.md",
        "---\ntitle: \"Broken\ndate: 2025-11-30\n---\nText.\n",
    );
    site.write(
        "content/articles/new.md",
        "---\ntitle: New\n---\nA new article about Dunmore on Friday.\n",
    );
    let run = site.run(&["build"]).failure(1);
    assert!(
        run.stderr.contains("content/articles/broken.md:2:"),
        "{}",
        run.stderr
    );
    assert_eq!(site.snapshot_tree("public"), before, "public/ is unchanged");
    assert_eq!(
        site.snapshot_tree("content/briefings"),
        briefings_before,
        "no briefing was written"
    );

    let run = site.run(&["build", "--keep-going"]).success();
    assert!(run.stderr.contains("broken.md"), "{}", run.stderr);
    assert!(run.stdout.contains("1 file skipped"), "{}", run.stdout);
    assert!(site.exists("public/briefings/new/index.html"));
}

#[test]
fn a_broken_template_fails_the_build_and_keeps_the_old_site() {
    let site = Site::fixture("formats");
    site.run(&["build"]).success();
    let before = site.snapshot_tree("public");
    site.write(
        "templates/briefing.html",
        "{% extends \"base.html\" %}{% block content %}{{ nope.nope }}{% endblock %}",
    );
    let run = site.run(&["build"]).failure(1);
    assert!(run.stderr.contains("briefing.html"), "{}", run.stderr);
    assert_eq!(site.snapshot_tree("public"), before);
}

const HOSTILE: &str = r#"---
title: "Talks \"stall\" <script>alert('title')</script>"
date: 2025-11-10
url: "javascript:alert('url')"
author: "<img src=x onerror=alert('author')>"
tags: ["<b>tag</b>"]
---

Minister <script>alert('body')</script> Ana Varela met Tomas Reyne in Lisk on Monday.

<iframe src="https://evil.example"></iframe><img src=x onerror="alert('img')">

Read [the memo](javascript:alert('link')) and [this](JaVaScRiPt:alert('link2')) and ![x](data:text/html;base64,PHNjcmlwdD4=).

Template text {{ config }} and {% include "base.html" %} must print as written.
"#;

#[test]
fn hostile_article_text_never_reaches_the_output_as_markup() {
    let site = Site::new();
    site.write("content/articles/hostile.md", HOSTILE);
    site.run(&["build"]).success();
    for (path, bytes) in site.snapshot_tree("public") {
        let text = String::from_utf8_lossy(&bytes).to_lowercase();
        for needle in [
            "<script>alert",
            "<iframe",
            "javascript:alert",
            "data:text/html",
            "<img src=x",
            "<b>tag",
        ] {
            assert!(
                !text.contains(needle),
                "{} contains {needle}",
                path.display()
            );
        }
        for tag in tags(&text) {
            assert!(
                !tag.contains("onerror") && !tag.contains("javascript:"),
                "{}: {tag}",
                path.display()
            );
        }
    }
    let page = site.read("public/briefings/hostile/index.html");
    assert!(
        page.contains("{{ config }}")
            || page.contains("{{ config }}".replace('{', "&#123;").as_str())
            || page.contains("&#x7b;&#x7b; config &#x7d;&#x7d;"),
        "template syntax is printed literally"
    );
}

/// The markup tags of an HTML text (`<...>`), skipping escaped text.
fn tags(html: &str) -> Vec<&str> {
    html.split('<')
        .skip(1)
        .filter_map(|rest| rest.split_once('>').map(|(tag, _)| tag))
        .collect()
}

#[test]
fn bad_files_get_errors_naming_file_and_position() {
    let cases: [(&str, &[u8], &str); 4] = [
        (
            "content/articles/latin1.txt",
            b"Headline\n\ncaf\xe9 au lait\n",
            "content/articles/latin1.txt:3:4",
        ),
        (
            "content/articles/date.md",
            b"---\ntitle: x\ndate: 2025-13-40\n---\nBody.\n",
            "content/articles/date.md:3:",
        ),
        (
            "content/articles/toml.md",
            b"+++\ntitle = \"x\"\ndate = \n+++\nBody.\n",
            "content/articles/toml.md:3:",
        ),
        (
            "content/articles/fence.md",
            b"---\ntitle: x\nBody without a closing fence.\n",
            "content/articles/fence.md:1:",
        ),
    ];
    for (path, bytes, location) in cases {
        let site = Site::new();
        site.write_bytes(path, bytes);
        let run = site.run(&["build"]).failure(1);
        assert!(
            run.stderr.contains(location),
            "{path}: want {location}\n{}",
            run.stderr
        );
        assert!(
            run.stderr.contains("help:"),
            "{path}: says what to do\n{}",
            run.stderr
        );
    }
}

#[test]
fn an_article_over_the_size_cap_is_refused_with_the_limit() {
    let site = Site::new();
    site.write(
        "briefing.toml",
        "title = \"x\"\n[build]\nmax_article_bytes = 1000\n",
    );
    site.write(
        "content/articles/big.txt",
        &"A sentence about Lisk. ".repeat(100),
    );
    let run = site.run(&["build"]).failure(1);
    assert!(
        run.stderr.contains("big.txt") && run.stderr.contains("max_article_bytes"),
        "{}",
        run.stderr
    );
}

#[test]
fn hostile_characters_line_endings_and_dense_articles_cost_one_file_at_most() {
    let site = Site::new();
    // control characters in the text and in front matter; old-Mac line endings; a
    // megabyte of backticks, far over the budget of words and marks
    site.write_bytes(
        "content/articles/controls.txt",
        b"Dam\x01 talks stall\n\nThe council\0 met in Lisk on Tuesday\x1b. It voted\xef\xbf\xbf.\n",
    );
    site.write(
        "content/articles/escaped.md",
        "---\ntitle: \"Port\\u0000 strike\"\ndate: 2026-03-04\n---\nDockers in Lisk walked out on Monday.\n",
    );
    site.write(
        "content/articles/old-mac.md",
        "---\rtitle: Old Mac ferry\rdate: 2026-03-05\r---\rThe ferry to Lisk sailed on Tuesday.\r",
    );
    site.write("content/articles/dense.txt", &"`".repeat(1_000_000));
    let run = site.run(&["build", "--keep-going"]).success();
    assert!(
        run.stderr.contains("dense.txt") && run.stderr.contains("too complex"),
        "{}",
        run.stderr
    );
    for file in ["controls.txt", "escaped.md"] {
        let warnings = run
            .stderr
            .lines()
            .filter(|l| l.contains(file) && l.contains("control characters"))
            .count();
        assert_eq!(warnings, 1, "{file}: {}", run.stderr);
    }
    let feed: atom_syndication::Feed = site
        .read("public/atom.xml")
        .parse()
        .expect("atom.xml stays valid XML");
    let titles: Vec<&str> = feed.entries().iter().map(|e| e.title().as_str()).collect();
    for title in ["Dam talks stall", "Port strike", "Old Mac ferry"] {
        assert!(
            titles
                .iter()
                .any(|t| t.split_whitespace().collect::<Vec<_>>().join(" ") == title),
            "{title} in {titles:?}"
        );
    }
    let old_mac = site.read("content/briefings/old-mac.md");
    assert!(old_mac.contains("2026-03-05"), "{old_mac}");
    // every page and feed (pictures and the favicon are binary)
    let pages = site
        .snapshot_tree("public")
        .into_iter()
        .filter(|(path, _)| path.extension().is_some_and(|e| e == "html" || e == "xml"));
    for (path, bytes) in pages {
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !text.contains(['\0', '\x01', '\x1b', '\u{FFFF}']),
            "{}",
            path.display()
        );
    }
}

#[test]
fn the_output_folder_must_be_one_the_tool_made() {
    let site = Site::fixture("formats");
    site.write("elsewhere/keep.txt", "precious");
    let run = site.run(&["build", "--output", "elsewhere"]).failure(1);
    assert!(run.stderr.contains("elsewhere"), "{}", run.stderr);
    assert_eq!(site.read("elsewhere/keep.txt"), "precious");
    let run = site.run(&["build", "--output", "."]).failure(1);
    assert!(!run.stderr.is_empty());
    assert!(site.exists("briefing.toml") && site.exists("content/articles/rail-strike-yaml.md"));
}

#[test]
fn clean_removes_only_what_the_tool_made() {
    let site = Site::fixture("formats");
    site.run(&["build"]).success();
    site.run(&["clean"]).success();
    assert!(!site.exists("public"));
    assert!(
        site.exists("content/briefings/rail-strike-yaml.md"),
        "briefings are user data"
    );
    site.write("public/mine.txt", "not the tool's");
    site.run(&["clean"]).failure(1);
    assert!(site.exists("public/mine.txt"));
}

#[test]
fn a_refused_output_folder_stops_the_build_before_any_briefing_changes() {
    let site = Site::fixture("formats");
    site.run(&["build"]).success();
    let briefings = site.snapshot_tree("content/briefings");
    std::fs::remove_file(site.path().join("public/.briefing-output")).unwrap();
    site.write(
        "content/articles/rail-strike-yaml.md",
        &site
            .read("content/articles/rail-strike-yaml.md")
            .replace("Saturday", "Sunday"),
    );
    let run = site.run(&["build"]).failure(1);
    assert!(run.stderr.contains("public"), "{}", run.stderr);
    assert_eq!(
        site.snapshot_tree("content/briefings"),
        briefings,
        "no briefing was written"
    );
}
