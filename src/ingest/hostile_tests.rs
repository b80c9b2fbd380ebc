//! Tests of hostile and unlucky inputs through [`parse_article_bytes`]: control
//! characters, old Mac line endings, front matter bombs and articles too complex to
//! analyse in time. The pathological inputs are made here, at full size.

use std::path::Path;

use super::*;
use crate::fuzz::within;

const MAX: u64 = 2 * 1024 * 1024;
const TODAY: jiff::civil::Date = jiff::civil::date(2026, 3, 10);

fn parse(text: &str, name: &str) -> Result<(Article, Vec<Warning>), IngestError> {
    let format = format_of(Path::new(name)).unwrap();
    parse_article_bytes(text.as_bytes(), Path::new(name), format, MAX, TODAY)
}

#[test]
fn old_mac_line_endings_read_like_new_ones() {
    let endings = ["\n", "\r\n", "\r"];
    for eol in endings {
        let text = [
            "---",
            "title: Old Mac",
            "date: 2026-03-05",
            "---",
            "The council met on Tuesday.",
            "",
        ]
        .join(eol);
        let (a, warnings) = parse(&text, "mac.md").unwrap();
        assert_eq!(a.title, "Old Mac", "{eol:?}");
        assert_eq!(a.published, Some(jiff::civil::date(2026, 3, 5)), "{eol:?}");
        assert_eq!(a.text.trim_end(), "The council met on Tuesday.", "{eol:?}");
        assert!(warnings.is_empty(), "{eol:?}: {warnings:?}");
    }
}

#[test]
fn characters_xml_forbids_are_replaced_with_one_warning() {
    let cases = [
        (
            "controls.txt",
            "Dam\x01 talks\n\nThe council\0 met on Tuesday\x1b.\x0c\n",
        ),
        (
            "nonchar.md",
            "---\ntitle: \"Dam\\u0000 talks\"\ntags: [\"a\\u001bb\"]\n---\nThe council met\u{FFFF}.\n",
        ),
        (
            "page.html",
            "<html><head><title>Dam\x02 talks</title></head><body><article><p>The council met on Tuesday&#1;. It voted\u{FFFE}.</p></article></body></html>",
        ),
    ];
    for (name, text) in cases {
        let (a, warnings) = parse(text, name).unwrap();
        let all = [&a.title, &a.text, &a.prose]
            .into_iter()
            .chain(&a.tags)
            .flat_map(|s| s.chars())
            .collect::<String>();
        assert!(!all.chars().any(forbidden_in_xml), "{name}: {all:?}");
        assert_eq!(a.text.len(), a.prose.len(), "{name}");
        let about: Vec<_> = warnings
            .iter()
            .filter(|w| w.message.contains("control characters"))
            .collect();
        assert_eq!(about.len(), 1, "{name}: {warnings:?}");
        assert_eq!(about[0].location.path, Path::new(name));
    }
    let (_, clean) = parse("Dam talks\n\nThe council met.\n", "clean.txt").unwrap();
    assert!(clean.is_empty(), "{clean:?}");
}

#[test]
fn articles_denser_than_the_budget_are_refused_as_too_complex() {
    // a run of marks: one word or mark per byte, far over the budget for its length
    let dense = "`".repeat(200_000);
    let err = parse(&dense, "dense.txt").unwrap_err().to_string();
    assert!(
        err.starts_with("dense.txt: is too complex to analyse"),
        "{err}"
    );
    assert!(err.contains("over the limit of"), "{err}");
    // ordinary prose of the same length is read
    let prose = "The council met in Lisk on Tuesday and voted to close the dam. ".repeat(3_000);
    assert!(parse(&prose, "prose.txt").is_ok());
    // and a short dense text is within the base allowance
    assert!(parse(&"`".repeat(10_000), "short.txt").is_ok());
}

#[test]
fn front_matter_bombs_finish() {
    let long_key = format!(
        "+++\ntitle = \"Keys\"\n{} = 1\n+++\nBody.\n",
        "k".repeat(1_000_000)
    );
    let many: String = (0..1_900).map(|k| format!("key{k}xy = {k}\n")).collect();
    let many = format!("+++\ntitle = \"Keys\"\n{many}+++\nBody.\n");
    for (name, text) in [("long-key.md", long_key), ("many-keys.md", many)] {
        let got = within(crate::fuzz::HANG, move || {
            parse(&text, "keys.md").map(|(a, w)| (a.title, w.len()))
        });
        let (title, warnings) = got
            .unwrap_or_else(|| panic!("{name}: no answer before the hang deadline"))
            .unwrap();
        assert_eq!((title.as_str(), warnings), ("Keys", 0), "{name}");
    }
}

#[test]
fn a_lead_sentence_of_megabytes_makes_a_title_at_once() {
    // 2 MiB of curly quotes and one "a.", and a 2 MB run-on sentence: minutes before
    let quotes = format!("{}a.", "\u{201C}".repeat(699_000));
    let words: String = (0..180_000).map(|i| format!("w{} ", i % 997)).collect();
    for text in [quotes, words] {
        let title = within(crate::fuzz::HANG, move || headline_title_of(&text));
        let title = title.expect("a title before the hang deadline");
        assert!(title.chars().count() <= 81, "{title}");
    }
}

/// The title `parse` makes from the lead of a plain-text article (budget aside).
fn headline_title_of(text: &str) -> String {
    let parsed = parse::parse_article(text.as_bytes(), Path::new("lead.txt"), Format::Text, TODAY);
    parsed.map(|p| p.article.title).unwrap_or_default()
}
