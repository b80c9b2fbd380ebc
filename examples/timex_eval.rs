//! Runs the analysis passes that exist so far over a folder of evaluation articles and
//! prints one `briefing.analysis/1` JSON record per article, for the shared scorers
//! (`score_timex.py`), until `briefing analyze DIR --format json` exists.
//!
//! ```sh
//! cargo run --release --example timex_eval -- /work/shared/data/tempeval3/articles > pred.jsonl
//! ```
//! Articles are `.txt` files: optional YAML front matter (`title:`, `date:`), then the
//! body; paragraphs are separated by blank lines. Timing of the time-expression pass
//! (and of sentences + timexes + timeline) goes to stderr.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use briefing::analysis::{self, Analysis};
use briefing::ingest::{Article, Block, BlockKind, Format};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args()
        .nth(1)
        .ok_or("usage: timex_eval ARTICLES_DIR")?;
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let (mut bytes, mut tag_time, mut all_time) = (0usize, Duration::ZERO, Duration::ZERO);
    for path in &paths {
        let raw = std::fs::read_to_string(path)?;
        let article = article(path, &raw);
        bytes += article.text.len();
        let t0 = Instant::now();
        let sentences = analysis::sentences::split(&article.prose, &article.blocks);
        let t1 = Instant::now();
        let timexes = analysis::timex::tag(&article.prose, &sentences, article.published);
        let t2 = Instant::now();
        let timeline = analysis::timeline::build(&article.prose, &sentences, &timexes, &[]);
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

/// An [`Article`] from a `.txt` evaluation file: front matter, then paragraphs.
fn article(path: &Path, raw: &str) -> Article {
    let (meta, body) = match raw
        .strip_prefix("---\n")
        .and_then(|rest| rest.find("\n---\n").map(|end| (rest, end)))
    {
        Some((rest, end)) => (&rest[..end + 1], &rest[end + 5..]),
        None => ("", raw),
    };
    let field = |name: &str| {
        meta.lines()
            .find_map(|l| l.strip_prefix(name).and_then(|v| v.strip_prefix(':')))
            .map(|v| v.trim().trim_matches('"').to_string())
    };
    let published = field("date").and_then(|d| d.get(..10).and_then(|d| d.parse().ok()));
    Article {
        path: path.to_path_buf(),
        slug: path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default(),
        format: Format::Text,
        title: field("title").unwrap_or_default(),
        published,
        source: field("source"),
        url: None,
        author: None,
        tags: Vec::new(),
        draft: false,
        text: body.to_string(),
        prose: body.to_string(),
        blocks: paragraphs(body),
        body_line: 1,
        hash: String::new(),
    }
}

/// Paragraph blocks: text separated by blank lines.
fn paragraphs(body: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut start = None;
    let mut offset = 0;
    for line in body.split_inclusive('\n') {
        let blank = line.trim().is_empty();
        match (blank, start) {
            (false, None) => start = Some(offset),
            (true, Some(s)) => {
                blocks.push(Block {
                    start: s,
                    end: offset,
                    kind: BlockKind::Paragraph,
                });
                start = None;
            }
            _ => {}
        }
        offset += line.len();
    }
    if let Some(s) = start {
        blocks.push(Block {
            start: s,
            end: body.len(),
            kind: BlockKind::Paragraph,
        });
    }
    blocks
}
