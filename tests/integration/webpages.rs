//! Real-web-page input: a saved news page with every kind of furniture a publisher puts
//! around and inside a story comes out as the story only, in the text, the summary, the
//! actors and the timeline.

use crate::harness::Site;

const FURNITURE_PAGE: &str = include_str!("../fixtures/ingest/furniture.html");

/// Strings that stand only in the page's furniture, never in its story.
const FURNITURE: [&str; 22] = [
    "Share on",
    "spillway",
    "Tomas Berg",
    "Image 1 of",
    "Morning Water Briefing",
    "Subscribe",
    "Continue reading",
    "SIGN UP",
    "tips@",
    "Farmers march",
    "More on the dam dispute",
    "walks out of Sarn",
    "You may also like",
    "Water rationing",
    "APP BY CLICKING",
    "covers water and energy",
    "Follow her",
    "former engineer",
    "comment policy",
    "RiverWatcher",
    "orchard",
    "Most read",
];

#[test]
fn a_news_page_gives_only_its_story_to_the_analysis() {
    let site = Site::new();
    site.write("page.html", FURNITURE_PAGE);
    let run = site
        .run(&["analyze", "page.html", "--format", "json"])
        .success();
    let r: serde_json::Value = serde_json::from_str(run.stdout.trim()).unwrap();
    let text = r["text"].as_str().unwrap();
    assert!(text.contains("Kestria offered on Wednesday"), "{text}");
    assert!(
        text.contains("“We have offered what the dam can spare,” he said."),
        "{text}"
    );
    let sentence = |i: &serde_json::Value| {
        let span = &r["sentences"][i.as_u64().unwrap() as usize];
        &text[span[0].as_u64().unwrap() as usize..span[1].as_u64().unwrap() as usize]
    };
    let mut shown: Vec<String> = r["summary"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| sentence(i).to_string())
        .collect();
    shown.extend(
        r["actors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["name"].as_str().unwrap().to_string()),
    );
    shown.extend(
        r["timeline"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["text"].as_str().unwrap().to_string()),
    );
    for furniture in FURNITURE {
        assert!(
            !text.contains(furniture),
            "{furniture:?} in the text: {text}"
        );
        for line in &shown {
            assert!(!line.contains(furniture), "{furniture:?} in {line:?}");
        }
    }
    assert_eq!(r["published"], "2026-03-18");
}

/// A page whose JSON-LD says it was published in year 1, as some CMSs write an unset
/// date; its canonical URL has the real date.
const YEAR_ONE_PAGE: &str = r#"<html><head><title>Kestria offers to share the dam's water</title>
<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "0001-01-01T00:00:00Z"}</script>
<link rel="canonical" href="https://wire.example.org/world/2019/11/20/sarn-dam-offer/"></head>
<body><article><h1>Kestria offers to share the dam's water</h1>
<p>Kestria offered on Wednesday to release a fixed share of the Sarn dam's water to Meranthe during the dry months.</p>
<p>Meranthe's water minister, Ana Varela, said her delegation would answer on Thursday.</p></article></body></html>"#;

#[test]
fn a_bogus_date_falls_back_to_the_next_source() {
    let site = Site::new();
    site.write("content/articles/offer.html", YEAR_ONE_PAGE);
    let run = site.run(&["build"]).success();
    assert!(
        run.stderr.contains("content/articles/offer.html: the publication date 0001-01-01 from JSON-LD datePublished cannot be right"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("used 2019-11-20 from the canonical URL"),
        "{}",
        run.stderr
    );
    let briefing = site.read("content/briefings/offer.md");
    assert!(briefing.contains("\ndate: 2019-11-20\n"), "{briefing}");
    assert!(
        briefing.contains("when: Wednesday 20 November 2019"),
        "Wednesday resolved against the date used: {briefing}"
    );
}

/// A page with the kind of keyword list publishers write for search engines: one comma
/// list, phrases, a year, the outlet's name, a word the story never uses.
const KEYWORDS_PAGE: &str = r#"<html><head><title>Kestria offers to share the dam's water</title>
<meta name="keywords" content="Sarn River,Kestria,Meranthe,drought, Drought ,2019,Example Wire,how to save water in a drought at home,water rationing tips,Sarn dam,irrigation,Ana Varela,farms">
<meta property="article:section" content="World">
<meta property="article:published_time" content="2019-11-20T08:00:00Z"></head>
<body><article><h1>Kestria offers to share the dam's water</h1>
<p>Kestria offered on Wednesday to release a fixed share of the Sarn dam's water to Meranthe during the drought.</p>
<p>Meranthe's water minister, Ana Varela, said her delegation would answer on Thursday, after talking to the farms along the Sarn River.</p></article></body></html>"#;

fn front_matter_tags(briefing: &str) -> Vec<String> {
    let front = briefing.split("\n---").next().unwrap();
    let mut lines = front.lines().skip_while(|l| *l != "tags:").skip(1);
    let mut tags = Vec::new();
    while let Some(tag) = lines.next().and_then(|l| l.strip_prefix("- ")) {
        tags.push(tag.trim_matches(['"', '\'']).to_string());
    }
    tags
}

#[test]
fn a_keyword_list_becomes_a_few_tags_and_front_matter_tags_stay() {
    let site = Site::new();
    site.write("content/articles/offer.html", KEYWORDS_PAGE);
    let own = [
        "long tag phrase someone wrote on purpose",
        "2019",
        "drought",
    ];
    site.write(
        "content/articles/mine.md",
        &format!(
            "---\ntitle: Mine\ndate: 2019-11-21\ntags: [{}]\n---\nMeranthe answered Kestria on Thursday.\n",
            own.map(|t| format!("{t:?}")).join(", ")
        ),
    );
    site.run(&["build"]).success();
    let tags = front_matter_tags(&site.read("content/briefings/offer.md"));
    assert_eq!(
        tags,
        ["Sarn River", "Kestria", "Meranthe", "drought", "Sarn dam"],
        "the first five keywords the story names, each once"
    );
    assert_eq!(
        front_matter_tags(&site.read("content/briefings/mine.md")),
        own
    );

    let off = Site::new();
    off.write("briefing.toml", "tags_from_keywords = false\n");
    off.write("content/articles/offer.html", KEYWORDS_PAGE);
    off.run(&["build"]).success();
    let briefing = off.read("content/briefings/offer.md");
    assert!(front_matter_tags(&briefing).is_empty(), "{briefing}");
}
