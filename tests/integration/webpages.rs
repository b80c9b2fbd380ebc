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
