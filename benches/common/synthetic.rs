//! Synthetic long articles for measuring how analysis scales: a sentence count in, an
//! [`Article`] of about 100 bytes per sentence out (20,000 sentences is about 2 MB,
//! the default article size cap), published 10 March 2026.
//!
//! Almost every sentence names people, organisations and places no other sentence
//! names (names are spelled from the sentence number), holds a date, and many hold
//! numbers, quotes, relative clauses and acronyms, so that any pass that compares
//! every mention, actor, date or sentence with every other one shows up as a time
//! that grows faster than the article. The words are our own, not from any corpus.
//! Shared by `benches/timex.rs` and `examples/large_article.rs`.

#![allow(dead_code)] // each user takes only part of it

use std::path::PathBuf;

use briefing::analysis::timex::value;
use briefing::ingest::{Article, Block, BlockKind, Format, TitleSource};
use jiff::civil::date;

const CONSONANTS: &[u8] = b"bdfgklmnprstvz";
const VOWELS: &[u8] = b"aeiou";
const WEEKDAYS: [&str; 5] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];

/// A capitalised made-up word of `syllables` consonant-vowel pairs, unique per `n`
/// (below 70^syllables), plus an optional closing consonant.
fn word(mut n: usize, syllables: usize, close: bool) -> String {
    let mut out = String::new();
    for _ in 0..syllables {
        out.push(char::from(CONSONANTS[n % CONSONANTS.len()]));
        n /= CONSONANTS.len();
        out.push(char::from(VOWELS[n % VOWELS.len()]));
        n /= VOWELS.len();
    }
    if close {
        out.push(char::from(CONSONANTS[(n + 3) % CONSONANTS.len()]));
    }
    let mut chars = out.chars();
    chars.next().map_or(out.clone(), |c| {
        c.to_ascii_uppercase().to_string() + chars.as_str()
    })
}

/// A person's name, distinct for each `n` below about 300,000.
fn person(n: usize) -> String {
    format!(
        "{} {}",
        word(n % 4_900, 2, false),
        word(n / 7 + 11, 3, true)
    )
}

/// One sentence of the article, number `i`, naming people among the first `people`.
fn sentence(i: usize, people: usize) -> String {
    let (a, b) = (person((3 * i) % people), person((3 * i + 1) % people));
    let surname = a.rsplit(' ').next().unwrap_or("").to_string();
    let org = format!("{} {} Council", word(i, 2, true), word(i + 7, 2, false));
    let acronym: String = org.split(' ').filter_map(|w| w.chars().next()).collect();
    let place = format!("{}ia", word(i + 101, 2, true));
    let day = WEEKDAYS[i % WEEKDAYS.len()];
    let month = value::month_name((i % 12) as i8 + 1);
    let (d, year) = (i % 28 + 1, 1990 + i % 36);
    match i % 9 {
        0 => format!(
            "{a}, who represents about {},{:03} workers at the port of {place}, said on {day} the strike was over.",
            i % 7 + 1,
            i % 1000
        ),
        1 => format!("On {month} {d}, {year}, {a} met {b} in {place} to sign the {org} accord."),
        2 => format!(
            "{surname} told reporters on {day} that the {org} ({acronym}) would meet in {month}."
        ),
        3 => format!(
            "The {org}, set up in {year} to manage the river, said prices rose {}.{} percent in {month} {year}.",
            i % 7,
            i % 10
        ),
        4 => format!("\"We will not accept this,\" said {a}, the {org} spokeswoman, last week."),
        5 => format!("Minister {b} will travel to {place} next {day} to meet {a}."),
        6 => format!("\"The vote will be held in {place},\" he said on {day}, before {b} spoke."),
        7 => format!(
            "The {acronym} said {surname} had warned in {month} that a 2,000-strong force would arrive by {day}."
        ),
        _ => format!(
            "Talks between {place} and {} ended on {month} {d}, {year}, after {b} left.",
            word(i + 202, 2, true) + "a"
        ),
    }
}

/// A plain-text article of `sentences` sentences, four to a paragraph, each naming
/// people no other sentence names.
pub fn article(sentences: usize) -> Article {
    article_shaped(sentences, 4, usize::MAX)
}

/// A plain-text article of `sentences` sentences, `per_paragraph` to a paragraph (one
/// paragraph if 0), naming people among the first `people` (organisations and places
/// stay distinct).
pub fn article_shaped(sentences: usize, per_paragraph: usize, people: usize) -> Article {
    let per_paragraph = if per_paragraph == 0 {
        sentences.max(1)
    } else {
        per_paragraph
    };
    let people = people.max(1);
    let mut text = String::new();
    let mut blocks = Vec::new();
    for p in 0..sentences.div_ceil(per_paragraph) {
        let start = text.len();
        let range = per_paragraph * p..(per_paragraph * (p + 1)).min(sentences);
        let para: Vec<String> = range.map(|i| sentence(i, people)).collect();
        text.push_str(&para.join(" "));
        blocks.push(Block {
            start,
            end: text.len(),
            kind: BlockKind::Paragraph,
        });
        text.push_str("\n\n");
    }
    Article {
        path: PathBuf::from(format!("synthetic-{sentences}.txt")),
        slug: format!("synthetic-{sentences}"),
        format: Format::Text,
        title: "Port strike ends as council talks resume".to_string(),
        title_source: TitleSource::Metadata,
        published: Some(date(2026, 3, 10)),
        source: None,
        url: None,
        author: None,
        tags: Vec::new(),
        language: "en".into(),
        draft: false,
        prose: text.clone(),
        text,
        blocks,
        body_line: 1,
        hash: String::new(),
    }
}
