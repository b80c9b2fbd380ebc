//! Stand-in for `briefing analyze DIR --format json` until the CLI exists: reads every
//! article file of a directory (YAML front matter between `---` lines, then the body),
//! treats each non-empty line of the body as a paragraph, runs the analysis (sentences,
//! entities, and whatever the other passes do today) and prints one
//! `briefing.analysis/1` JSON object per article, for the evaluation scorers:
//!
//! ```text
//! cargo run --release --example ner_articles -- ../shared/data/conll2003/dev/articles > pred.jsonl
//! /tmp/evalenv/bin/python ../shared/eval/score_ner.py --gold ../shared/data/conll2003/dev --pred pred.jsonl
//! ```

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result};
use briefing::analysis::{self, AnalysisOptions, contract};
use briefing::ingest::{Article, Block, BlockKind, Format, content_hash};
use serde::Deserialize;

#[derive(Deserialize, Default)]
struct FrontMatter {
    title: Option<String>,
    date: Option<String>,
    source: Option<String>,
    url: Option<String>,
}

fn read_article(path: &Path) -> Result<Article> {
    let raw =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let (front, body) = match raw
        .strip_prefix("---\n")
        .and_then(|rest| rest.split_once("\n---\n"))
    {
        Some((yaml, body)) => (
            serde_saphyr::from_str::<FrontMatter>(yaml).unwrap_or_default(),
            body.to_string(),
        ),
        None => (FrontMatter::default(), raw.clone()),
    };
    let mut blocks = Vec::new();
    let mut at = 0;
    for line in body.split_inclusive('\n') {
        let text = line.trim_end_matches('\n');
        if !text.trim().is_empty() {
            blocks.push(Block {
                start: at,
                end: at + text.len(),
                kind: BlockKind::Paragraph,
            });
        }
        at += line.len();
    }
    let slug = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(Article {
        path: path.to_path_buf(),
        slug: slug.clone(),
        format: Format::Text,
        title: front.title.unwrap_or(slug),
        published: front.date.and_then(|d| d.parse().ok()),
        source: front.source,
        url: front.url,
        author: None,
        tags: Vec::new(),
        draft: false,
        prose: body.clone(),
        text: body,
        blocks,
        body_line: 1,
        hash: content_hash(raw.as_bytes()),
    })
}

fn main() -> Result<()> {
    let dir: PathBuf = std::env::args()
        .nth(1)
        .context("usage: ner_articles DIR")?
        .into();
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    paths.sort();
    let articles: Vec<Article> = paths
        .iter()
        .map(|p| read_article(p))
        .collect::<Result<_>>()?;
    let started = Instant::now();
    let options = AnalysisOptions::default();
    let results: Vec<_> = articles
        .iter()
        .map(|a| analysis::analyze(a, &options))
        .collect();
    let secs = started.elapsed().as_secs_f64();
    for (article, analysis) in articles.iter().zip(&results) {
        println!("{}", contract::to_json(article, analysis));
    }
    eprintln!("analysed {} articles in {secs:.2}s", articles.len());
    Ok(())
}
