//! Speed of sentence splitting and the summary on typical articles (3.3 to 5.5 KB,
//! the summariser's own fixtures): articles per second, one core.
//!
//! ```sh
//! cargo bench --bench summary
//! ```
//! `split_and_summarize` is the figure that matters (what `analyze` spends on these two
//! passes per article); `split` and `summarize` show where the time goes.

use briefing::analysis::sentences::{self, Sentence};
use briefing::analysis::summary;
use briefing::ingest::{Block, BlockKind};
use divan::Bencher;
use divan::counter::{BytesCount, ItemsCount};

const ARTICLES: [&str; 4] = [
    include_str!("../src/analysis/summary/fixtures/harbour-bridge.txt"),
    include_str!("../src/analysis/summary/fixtures/hill-fire.txt"),
    include_str!("../src/analysis/summary/fixtures/trade-talks.txt"),
    include_str!("../src/analysis/summary/fixtures/tunnel-inquiry.txt"),
];

fn main() {
    divan::main();
}

/// One paragraph block per blank-line-separated paragraph, as a plain-text reader makes them.
fn blocks(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut pos = 0;
    for para in text.split("\n\n") {
        let len = para.trim_end().len();
        if len > 0 {
            out.push(Block {
                start: pos,
                end: pos + len,
                kind: BlockKind::Paragraph,
            });
        }
        pos += para.len() + 2;
    }
    out
}

fn prepared() -> Vec<(&'static str, Vec<Block>, Vec<Sentence>)> {
    ARTICLES
        .iter()
        .map(|text| {
            let blocks = blocks(text);
            let sentences = sentences::split(text, &blocks);
            (*text, blocks, sentences)
        })
        .collect()
}

fn bytes() -> usize {
    ARTICLES.iter().map(|a| a.len()).sum()
}

#[divan::bench]
fn split_and_summarize(bencher: Bencher) {
    let articles = prepared();
    bencher
        .counter(ItemsCount::new(articles.len()))
        .counter(BytesCount::new(bytes()))
        .bench(|| {
            for (text, blocks, _) in &articles {
                let sentences = sentences::split(divan::black_box(text), blocks);
                divan::black_box(summary::summarize(text, "", &sentences, &[], 3));
            }
        });
}

#[divan::bench]
fn split(bencher: Bencher) {
    let articles = prepared();
    bencher.counter(ItemsCount::new(articles.len())).bench(|| {
        for (text, blocks, _) in &articles {
            divan::black_box(sentences::split(divan::black_box(text), blocks));
        }
    });
}

#[divan::bench]
fn summarize(bencher: Bencher) {
    let articles = prepared();
    bencher.counter(ItemsCount::new(articles.len())).bench(|| {
        for (text, _, sentences) in &articles {
            divan::black_box(summary::summarize(
                divan::black_box(text),
                "",
                sentences,
                &[],
                3,
            ));
        }
    });
}
