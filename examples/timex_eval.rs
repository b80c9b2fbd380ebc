//! Times the time-expression passes over a folder of articles and prints one
//! `briefing.analysis/1` JSON record per article holding just sentences, timexes and
//! the timeline (for `score_timex.py` when only this part is of interest).
//!
//! ```sh
//! cargo run --release --example timex_eval -- ../shared/data/tempeval3/articles > pred.jsonl
//! ```
//! Timing of the time-expression pass (and of sentences + timexes + timeline) goes to stderr.

use std::time::{Duration, Instant};

use briefing::analysis::{self, Analysis};
use briefing::config::DEFAULT_MAX_ARTICLE_BYTES;
use briefing::ingest;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args()
        .nth(1)
        .ok_or("usage: timex_eval ARTICLES_DIR")?;
    let paths = ingest::article_files(std::path::Path::new(&dir))?;
    let (mut bytes, mut tag_time, mut all_time) = (0usize, Duration::ZERO, Duration::ZERO);
    for path in &paths {
        let article = ingest::read_article(
            path,
            path,
            DEFAULT_MAX_ARTICLE_BYTES,
            jiff::ZonedDateTime::now().date(),
        )?;
        bytes += article.text.len();
        let t0 = Instant::now();
        let sentences = analysis::sentences::split(&article.prose, &article.blocks);
        let t1 = Instant::now();
        let timexes = analysis::timex::tag(&article.prose, &sentences, article.published);
        let t2 = Instant::now();
        let timeline = analysis::timeline::build(&analysis::timeline::Input {
            prose: &article.prose,
            sentences: &sentences,
            timexes: &timexes,
            entities: &[],
            actors: &[],
            published: article.published,
            ranking: &[],
        });
        let t3 = Instant::now();
        tag_time += t2 - t1;
        all_time += t3 - t0;
        let result = Analysis {
            sentences,
            timexes,
            timeline,
            ..Analysis::default()
        };
        println!("{}", analysis::contract::to_json(&article, &result));
    }
    let mbs = |t: Duration| bytes as f64 / 1e6 / t.as_secs_f64().max(1e-9);
    eprintln!(
        "{} articles, {:.2} MB: timex::tag {:.1} ms ({:.1} MB/s); sentences+tag+timeline {:.1} ms ({:.1} MB/s)",
        paths.len(),
        bytes as f64 / 1e6,
        tag_time.as_secs_f64() * 1e3,
        mbs(tag_time),
        all_time.as_secs_f64() * 1e3,
        mbs(all_time)
    );
    Ok(())
}
