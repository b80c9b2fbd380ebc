//! Time-expression tagging and timeline building on a fixture article written for
//! the benchmark (dense in dates: most sentences hold one or more), repeated to about
//! 110 KB. Throughput is reported in bytes of article text per second.
//!
//! `analyze_long` runs the whole of `analysis::analyze` (every pass, the timeline
//! last) on synthetic articles of 5,000 and 20,000 sentences (0.5 and 1.9 MB) that
//! name thousands of distinct people, organisations, places and dates
//! (`common/synthetic.rs`): the 20,000-sentence time should be about four times the
//! 5,000-sentence one; a pass that compares everything with everything makes it
//! sixteen.
//!
//! `cargo bench --bench timex` (`-- analyze_long` for the long articles only)

#[path = "common/synthetic.rs"]
mod synthetic;

use briefing::analysis::sentences::{self, Sentence};
use briefing::analysis::{self, AnalysisOptions, timeline, timex};
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
        timeline::build(&timeline::Input {
            prose: &text,
            sentences: &sentences,
            timexes: &timexes,
            entities: &[],
            actors: &[],
            published: Some(date(2022, 1, 28)),
            ranking: &[],
        })
    });
}

/// Long articles of four-sentence paragraphs.
#[divan::bench(args = [5_000, 20_000], sample_count = 3, sample_size = 1)]
fn analyze_long(bencher: Bencher, sentences: usize) {
    analyze(bencher, synthetic::article(sentences));
}

/// The same articles as one paragraph (a text without line breaks): passes that look
/// back over the paragraph ("he said") must not walk it for every sentence.
#[divan::bench(args = [5_000, 20_000], sample_count = 3, sample_size = 1)]
fn analyze_long_one_paragraph(bencher: Bencher, sentences: usize) {
    analyze(bencher, synthetic::article_shaped(sentences, 0, usize::MAX));
}

fn analyze(bencher: Bencher, article: briefing::ingest::Article) {
    let options = AnalysisOptions::default();
    bencher
        .counter(BytesCount::new(article.text.len()))
        .bench(|| analysis::analyze(black_box(&article), &options));
}
