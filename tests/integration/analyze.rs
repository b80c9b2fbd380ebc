//! `analyze`: the `briefing.analysis/1` JSON contract and the Markdown format.

use crate::harness::Site;

const ARTICLE: &str = "---\ntitle: \"Ministers meet in Lisk\"\ndate: 2026-03-06\n---\nForeign Minister Ana Varela met \
Tomas Reyne, the commission's chief negotiator, in Lisk on Wednesday. \"We are close,\" Varela said.\n\n\
The talks will resume next week, the Sarn Basin Water Commission said.\n";

fn analyze_json(site: &Site, args: &[&str]) -> Vec<serde_json::Value> {
    let mut all = vec!["analyze"];
    all.extend_from_slice(args);
    let run = site.run(&all).success();
    run.stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

#[test]
fn json_output_follows_the_contract_exactly() {
    let site = Site::new();
    site.write("a.md", ARTICLE);
    let records = analyze_json(&site, &["a.md", "--format", "json"]);
    assert_eq!(records.len(), 1);
    let r = &records[0];
    let keys: Vec<&str> = r.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        [
            "schema",
            "source",
            "title",
            "published",
            "text",
            "sentences",
            "summary",
            "entities",
            "actors",
            "timexes",
            "timeline"
        ]
    );
    assert_eq!(r["schema"], "briefing.analysis/1");
    assert_eq!(r["source"], "a.md");
    assert_eq!(r["title"], "Ministers meet in Lisk");
    assert_eq!(r["published"], "2026-03-06");
    let text = r["text"].as_str().unwrap();
    assert_eq!(
        text,
        &ARTICLE[ARTICLE.find("Foreign").unwrap()..],
        "text is the body after the front matter, verbatim"
    );
    let slice = |s: &serde_json::Value, e: &serde_json::Value| {
        &text[s.as_u64().unwrap() as usize..e.as_u64().unwrap() as usize]
    };
    let sentences = r["sentences"].as_array().unwrap();
    assert_eq!(sentences.len(), 3);
    assert!(
        slice(&sentences[0][0], &sentences[0][1]).starts_with("Foreign Minister Ana Varela met")
    );
    for index in r["summary"].as_array().unwrap() {
        assert!((index.as_u64().unwrap() as usize) < sentences.len());
    }
    for e in r["entities"].as_array().unwrap() {
        assert_eq!(slice(&e["start"], &e["end"]), e["text"].as_str().unwrap());
        assert!(["PER", "ORG", "LOC", "MISC"].contains(&e["type"].as_str().unwrap()));
    }
    for a in r["actors"].as_array().unwrap() {
        let keys: Vec<&str> = a.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(
            keys,
            [
                "id", "name", "type", "role", "aliases", "mentions", "salience"
            ]
        );
        assert!((0.0..=1.0).contains(&a["salience"].as_f64().unwrap()));
    }
    for t in r["timexes"].as_array().unwrap() {
        assert_eq!(slice(&t["start"], &t["end"]), t["text"].as_str().unwrap());
    }
    for e in r["timeline"].as_array().unwrap() {
        let keys: Vec<&str> = e.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(keys, ["date", "sentence", "text", "actors", "reported"]);
    }
    let varela = r["actors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["name"] == "Ana Varela")
        .expect("Ana Varela is an actor");
    assert_eq!(varela["type"], "person");
    assert_eq!(varela["role"], "Foreign Minister");
    assert!(
        r["timexes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t["text"] == "Wednesday" && t["value"] == "2026-03-04")
    );
}

#[test]
fn a_folder_gives_one_json_line_per_article_in_path_order() {
    let site = Site::new();
    site.write("in/b.md", ARTICLE);
    site.write("in/a.txt", "Lisk talks end\n\nThe talks ended on Friday.\n");
    site.write("in/notes.pdf", "not an article");
    let records = analyze_json(&site, &["in"]);
    let sources: Vec<&str> = records
        .iter()
        .map(|r| r["source"].as_str().unwrap())
        .collect();
    assert_eq!(sources, ["in/a.txt", "in/b.md"]);
}

#[test]
fn markdown_output_is_a_briefing() {
    let site = Site::new();
    site.write("a.md", ARTICLE);
    let run = site.run(&["analyze", "a.md", "--format", "md"]).success();
    assert!(
        run.stdout
            .starts_with("---\ntitle: Ministers meet in Lisk\n"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("## Key actors") && run.stdout.contains("**Ana Varela**"),
        "{}",
        run.stdout
    );
}

#[test]
fn unreadable_files_are_reported_and_the_rest_still_printed() {
    let site = Site::new();
    site.write("good.md", ARTICLE);
    site.write_bytes("bad.txt", b"caf\xe9 au lait\n");
    let run = site.run(&["analyze", "good.md", "bad.txt"]).failure(1);
    assert_eq!(run.stdout.lines().count(), 1);
    assert!(
        run.stderr.contains("bad.txt:1:4") && run.stderr.contains("UTF-8"),
        "{}",
        run.stderr
    );
}

/// The briefing Markdown of each input format of the fixture site, as `analyze` prints
/// it: a change in ingest, analysis or the briefing file shows up here for review.
#[test]
fn markdown_briefings_of_every_format_match_their_snapshots() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sites/formats");
    for name in [
        "rail-strike-plain.txt",
        "rail-strike-yaml.md",
        "rail-strike-toml.md",
        "rail-strike-page.html",
    ] {
        let path = format!("content/articles/{name}");
        let run = crate::harness::run_in(&dir, &["analyze", &path, "--format", "md"]).success();
        insta::assert_snapshot!(format!("briefing_md_{name}"), run.stdout);
    }
}

#[test]
fn an_outlet_only_cited_as_a_source_is_flagged_in_the_contract() {
    let site = Site::new();
    site.write(
        "a.md",
        "---\ntitle: Talks resume\ndate: 2026-03-06\n---\n\nForeign Minister Ana Varela said on \
         Thursday that the talks in Lisk would resume next week. Varela met the Kestrian envoy \
         Tomas Holm in Lisk, an aide told Reuters.\n",
    );
    let records = analyze_json(&site, &["a.md", "--format", "json"]);
    let actors = records[0]["actors"].as_array().unwrap();
    let flag = |name: &str| {
        let actor = actors.iter().find(|a| a["name"] == name);
        actor.map(|a| a.get("source").cloned())
    };
    assert_eq!(flag("Reuters"), Some(Some(serde_json::Value::Bool(true))));
    assert_eq!(flag("Ana Varela"), Some(None), "only sources carry the key");
}

#[test]
fn actors_of_several_files_are_named_as_their_site_would_name_them() {
    let site = Site::new();
    site.write(
        "in/a.md",
        "---\ntitle: Port closed\ndate: 2026-03-06\n---\n\nThe Harbour Safety Board (HSB) closed the \
         port of Lisk on Monday. The HSB said the HSB would review the ban. Ana Varela, the mayor, \
         objected.\n",
    );
    site.write(
        "in/b.md",
        "---\ntitle: Port reopens\ndate: 2026-03-09\n---\n\nThe Harbour Safety Board reopened the port \
         of Lisk on Thursday, and the Harbour Safety Board thanked the crews. Marta Varela, a captain, \
         welcomed it.\n",
    );
    let names = |records: &[serde_json::Value], i: usize| -> Vec<String> {
        records[i]["actors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["name"].as_str().unwrap().to_string())
            .collect()
    };
    let alone = analyze_json(&site, &["in/a.md"]);
    assert!(
        names(&alone, 0).contains(&"HSB".to_string()),
        "{:?}",
        names(&alone, 0)
    );
    let both = analyze_json(&site, &["in"]);
    let (a, b) = (names(&both, 0), names(&both, 1));
    assert!(a.contains(&"Harbour Safety Board".to_string()), "{a:?}");
    assert!(!a.contains(&"HSB".to_string()), "{a:?}");
    assert!(b.contains(&"Harbour Safety Board".to_string()), "{b:?}");
    let hsb = both[0]["actors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["name"] == "Harbour Safety Board")
        .unwrap();
    assert!(
        hsb["aliases"]
            .as_array()
            .unwrap()
            .iter()
            .any(|x| x == "HSB")
    );
    // Two people who share a surname stay apart.
    assert!(a.contains(&"Ana Varela".to_string()), "{a:?}");
    assert!(b.contains(&"Marta Varela".to_string()), "{b:?}");
}
