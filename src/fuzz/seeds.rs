//! The seed corpus: the inputs that once stalled a build or broke its output, made to
//! any size here instead of stored as multi-megabyte files.
//!
//! Each seed is a name, an input kind and a generator; [`seeds`] makes them all at a
//! given size (2 MiB, the default article cap, reproduces the reports; tests use less).

use super::Kind;
use crate::ingest::Format;

/// One seed input.
#[derive(Debug, Clone)]
pub struct Seed {
    pub name: &'static str,
    /// The fuzz input: the kind's selector byte, then the file.
    pub input: Vec<u8>,
}

/// `unit` repeated to about `size` bytes, then `tail`.
fn repeat(unit: &str, size: usize, tail: &str) -> String {
    let n = size.saturating_sub(tail.len()) / unit.len().max(1);
    let mut s = unit.repeat(n.max(1));
    s.push_str(tail);
    s
}

/// Words numbered so they differ, space-separated, about `size` bytes, no punctuation.
fn run_on(size: usize) -> String {
    let mut s = String::with_capacity(size + 16);
    let mut i = 0usize;
    loop {
        let word = format!("{}{} ", ["and", "then", "the", "river"][i % 4], i % 997);
        if s.len() + word.len() > size {
            return s;
        }
        s.push_str(&word);
        i += 1;
    }
}

/// A TOML front matter of `keys` unknown keys of `key_len` characters each.
fn toml_keys(keys: usize, key_len: usize) -> String {
    let mut s = String::from("+++\ntitle = \"Keys\"\n");
    for k in 0..keys {
        let name = format!("k{k}");
        let pad = key_len.saturating_sub(name.len());
        s.push_str(&format!("{name}{} = {k}\n", "x".repeat(pad)));
    }
    s.push_str("+++\nThe council met on Tuesday.\n");
    s
}

/// A briefing file whose body has `n` links to pages that do not exist.
fn broken_links(n: usize) -> String {
    let mut s = String::from("---\ntitle: Links\ndate: 2026-03-10\n---\n\n## Notes\n\n");
    for i in 0..n {
        s.push_str(&format!("See [item {i}](missing-{i}.md).\n"));
    }
    s
}

/// Every seed at about `size` bytes (the small ones are small whatever `size`).
pub fn seeds(size: usize) -> Vec<Seed> {
    let text = Kind::Article(Format::Text, false);
    let md = Kind::Article(Format::Markdown, false);
    let html = Kind::Article(Format::Html, false);
    let md_text = Kind::Article(Format::Markdown, true);
    let controls = "Title\x01 with\0 controls\x1b\n\nThe council\u{FFFE} met on Tuesday\u{FFFF}.\x0c It voted.\n";
    let cases: Vec<(&'static str, Kind, String)> = vec![
        ("curly-quotes", text, repeat("\u{201C}", size, "a.")),
        ("closing-quotes", text, repeat("\u{201D}", size, "a.")),
        ("apostrophes", text, repeat("\u{2019}", size, "a.")),
        ("cdata-text", text, repeat("<![CDATA[", size, "")),
        ("cdata-markdown", md, repeat("a <![CDATA[", size, "")),
        ("backticks-text", text, repeat("`", size, "")),
        ("backticks-markdown", md, repeat("`", size, "")),
        ("two-word-sentences", text, repeat("Go on. ", size, "")),
        ("run-on-sentence", text, run_on(size)),
        (
            // read as Catalan: sentencex compiled a regex at each of its sentence ends
            "catalan-sentences",
            text,
            repeat("Els representants municipals aprovaren finalment aquella proposta. ", size, ""),
        ),
        ("long-toml-key", md, toml_keys(1, size / 2)),
        ("many-toml-keys", md, toml_keys(1_900, 8)),
        ("broken-links", Kind::Briefing, broken_links(size / 32)),
        ("controls-text", text, controls.to_string()),
        ("controls-markdown-text", md_text, controls.to_string()),
        (
            "nul-in-front-matter",
            md,
            "---\ntitle: \"A\\u0000B\"\nsource: \"X\\u001bY\"\ntags: [\"t\\u0001\"]\n---\nThe council met.\n".to_string(),
        ),
        (
            "old-mac-line-endings",
            md,
            "---\rtitle: Old Mac\rdate: 2026-03-05\r---\rThe council met on Tuesday.\r".to_string(),
        ),
        (
            "html-controls",
            html,
            "<html><head><title>T\x01itle</title></head><body><article><h1>Head\x02line</h1><p>The council met on Tuesday\u{FFFF}. It voted to close the dam.</p></article></body></html>".to_string(),
        ),
    ];
    cases
        .into_iter()
        .map(|(name, kind, file)| Seed {
            name,
            input: kind.input(file.as_bytes()),
        })
        .collect()
}
