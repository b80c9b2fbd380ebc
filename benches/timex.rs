//! Time-expression tagging and timeline building on a fixture article written for
//! the benchmark (dense in dates: most sentences hold one or more), repeated to about
//! 110 KB. Throughput is reported in bytes of article text per second.
//!
//! `cargo bench --bench timex`

use briefing::analysis::sentences::{self, Sentence};
use briefing::analysis::{timeline, timex};
use briefing::ingest::{Block, BlockKind};
use divan::counter::BytesCount;
use divan::{Bencher, black_box};
use jiff::civil::date;

const ARTICLE: &str = include_str!("fixtures/timex_article.txt");

fn main() {
    divan::main();
}

/// The fixture repeated `times` over, split into sentences (one paragraph per blank-line block).
fn fixture(times: usize) -> (String, Vec<Sentence>) {
    let text = ARTICLE.repeat(times);
    let mut blocks = Vec::new();
    let mut offset = 0;
    for part in text.split("\n\n") {
        blocks.push(Block {
            start: offset,
            end: offset + part.len(),
            kind: BlockKind::Paragraph,
        });
        offset += part.len() + 2;
    }
    let sentences = sentences::split(&text, &blocks);
    (text, sentences)
}

#[divan::bench]
fn tag(bencher: Bencher) {
    let (text, sentences) = fixture(64);
    bencher.counter(BytesCount::new(text.len())).bench(|| {
        timex::tag(
            black_box(&text),
            black_box(&sentences),
            Some(date(2022, 1, 28)),
        )
    });
}

#[divan::bench]
fn tag_and_timeline(bencher: Bencher) {
    let (text, sentences) = fixture(64);
    bencher.counter(BytesCount::new(text.len())).bench(|| {
        let timexes = timex::tag(black_box(&text), &sentences, Some(date(2022, 1, 28)));
        timeline::build(&text, &sentences, &timexes, &[])
    });
}
