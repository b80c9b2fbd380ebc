//! Learns the summariser's weights from the shared summary sets, with k-fold
//! cross-validation, and writes them to the file the library embeds.
//!
//! ```sh
//! cargo run --release --example tune_summary -- \
//!     --data ../shared/data/summaries/summeval-cnndm --data ../shared/data/summaries/bbc \
//!     --folds 5 --rounds 100 --seed 7 --target 41.9 --target 77.7 \
//!     --params position,centrality_length_exponent,title \
//!     --cv-pred /tmp/summary-cv.jsonl --out src/analysis/summary/weights.json
//! /tmp/evalenv/bin/python ../shared/eval/score_summary.py \
//!     --gold ../shared/data/summaries/summeval-cnndm --pred /tmp/summary-cv.jsonl
//! /tmp/evalenv/bin/python ../shared/eval/score_summary.py \
//!     --gold ../shared/data/summaries/bbc --pred /tmp/summary-cv.jsonl
//! ```
//! Each dataset is shuffled (seeded) and cut into `--folds` folds. For every fold the
//! weights are climbed from `Weights::base` on the other folds and the held-out
//! fold is summarised with them: `--cv-pred` collects those held-out predictions (the
//! analysis contract), so the shared scorer reports cross-validated figures. Last, the
//! weights are climbed on all articles and written to `--out`. The objective is the mean
//! over datasets of the mean ROUGE-1 F1 at each dataset's budget (see `rouge.rs`), so
//! the small BBC set weighs as much as CNN/DM: one setting for both kinds of news.

mod rouge;
mod search;

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use briefing::analysis::sentences::{self, Sentence};
use briefing::analysis::summary::{self, Summary, Weights};
use briefing::analysis::{Analysis, contract, entities};
use briefing::config::DEFAULT_MAX_ARTICLE_BYTES;
use briefing::ingest::{self, Article};
use clap::Parser;
use rayon::prelude::*;
use rouge::{Counts, Tokenizer};

#[derive(Parser)]
struct Args {
    /// A dataset folder with `articles/<id>.txt` and `gold.jsonl` (repeatable).
    #[arg(long, required = true)]
    data: Vec<PathBuf>,
    #[arg(long, default_value_t = 5)]
    folds: usize,
    /// Proposals per climb.
    #[arg(long, default_value_t = 100)]
    rounds: usize,
    #[arg(long, default_value_t = 7)]
    seed: u64,
    /// Where to write the held-out predictions of the cross-validation.
    #[arg(long)]
    cv_pred: Option<PathBuf>,
    /// Where to write the weights learned on all articles.
    #[arg(long)]
    out: Option<PathBuf>,
    /// The ROUGE-1 each dataset must reach, in `--data` order (e.g. Lead-3 + 1.5 on
    /// CNN/DM, TextRank on BBC). With targets the objective is the smallest margin over
    /// its target (plus a tenth of the mean margin, to break ties); without, the mean R1.
    #[arg(long)]
    target: Vec<f64>,
    /// The parameters to tune (comma-separated serde names; default: all of
    /// `search::PARAMETERS`). Fewer parameters overfit the small sets less.
    #[arg(long, value_delimiter = ',')]
    params: Vec<String>,
    /// Weights to start from (JSON; omitted fields keep `Weights::base`).
    #[arg(long)]
    start: Option<String>,
}

/// One article, analysed once, with what scoring needs.
struct Item {
    dataset: usize,
    fold: usize,
    article: Article,
    title: String,
    sentences: Vec<Sentence>,
    entities: Vec<entities::Entity>,
    budget: usize,
    sentence_counts: Vec<Counts>,
    reference: Counts,
}

#[derive(serde::Deserialize)]
struct Gold {
    id: String,
    reference_sentences: Vec<String>,
    k: usize,
}

fn load(
    dir: &Path,
    dataset: usize,
    folds: usize,
    seed: u64,
    tok: &mut Tokenizer,
) -> Result<Vec<Item>> {
    let gold_path = dir.join("gold.jsonl");
    let gold =
        std::fs::read_to_string(&gold_path).with_context(|| gold_path.display().to_string())?;
    let mut golds: Vec<Gold> = gold
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(serde_json::from_str)
        .collect::<Result<_, _>>()?;
    golds.sort_by(|a, b| a.id.cmp(&b.id));
    fastrand::Rng::with_seed(seed).shuffle(&mut golds);
    let mut items = Vec::new();
    for (position, g) in golds.into_iter().enumerate() {
        let path = dir.join("articles").join(format!("{}.txt", g.id));
        let article = ingest::read_article(
            &path,
            &path,
            DEFAULT_MAX_ARTICLE_BYTES,
            jiff::ZonedDateTime::now().date(),
        )?;
        let title = if article.title_source.is_written() {
            article.title.clone()
        } else {
            String::new()
        };
        let sentences = sentences::split(&article.prose, &article.blocks);
        let entities = entities::recognize(&article.prose, &sentences);
        let sentence_counts = sentences
            .iter()
            .map(|s| tok.counts(article.prose.get(s.start..s.end).unwrap_or("")))
            .collect();
        let reference = tok.counts(&g.reference_sentences.join("\n"));
        items.push(Item {
            dataset,
            fold: position % folds,
            article,
            title,
            sentences,
            entities,
            budget: g.k,
            sentence_counts,
            reference,
        });
    }
    Ok(items)
}

fn summarise(item: &Item, w: &Weights) -> Summary {
    let s = summary::summarize_with(
        &item.article.prose,
        &item.title,
        &item.sentences,
        &item.entities,
        3,
        w,
    );
    Summary {
        sentences: s.ranked_for_contract(),
        ..s
    }
}

fn rouge1(item: &Item, w: &Weights) -> f64 {
    let ranked = summarise(item, w).sentences;
    let chosen = ranked
        .iter()
        .take(item.budget)
        .fold(Counts::new(), |acc, &i| {
            rouge::add(&acc, &item.sentence_counts[i])
        });
    rouge::f1(&chosen, &item.reference)
}

/// Mean ROUGE-1 per dataset.
fn per_dataset(items: &[&Item], w: &Weights, datasets: usize) -> Vec<f64> {
    let scores: Vec<(usize, f64)> = items
        .par_iter()
        .map(|i| (i.dataset, rouge1(i, w)))
        .collect();
    (0..datasets)
        .map(|d| {
            let v: Vec<f64> = scores
                .iter()
                .filter(|(x, _)| *x == d)
                .map(|(_, s)| *s)
                .collect();
            v.iter().sum::<f64>() / v.len().max(1) as f64
        })
        .collect()
}

fn objective(items: &[&Item], w: &Weights, datasets: usize, targets: &[f64]) -> f64 {
    let means = per_dataset(items, w, datasets);
    if targets.len() != means.len() {
        return means.iter().sum::<f64>() / means.len() as f64;
    }
    let margins: Vec<f64> = means.iter().zip(targets).map(|(m, t)| m - t).collect();
    let min = margins.iter().copied().fold(f64::INFINITY, f64::min);
    min + 0.1 * margins.iter().sum::<f64>() / margins.len() as f64
}

fn fmt(means: &[f64]) -> String {
    means
        .iter()
        .map(|m| format!("{m:5.2}"))
        .collect::<Vec<_>>()
        .join(" / ")
}

/// Refuses arguments that would make the run meaningless instead of quietly running it.
fn check(args: &Args) -> Result<()> {
    anyhow::ensure!(args.folds >= 2, "--folds must be at least 2");
    anyhow::ensure!(
        args.target.is_empty() || args.target.len() == args.data.len(),
        "give one --target per --data ({} datasets, {} targets)",
        args.data.len(),
        args.target.len()
    );
    let known: Vec<&str> = search::PARAMETERS.iter().map(|(n, _, _)| *n).collect();
    for p in &args.params {
        anyhow::ensure!(
            known.contains(&p.as_str()),
            "unknown --params entry {p:?}; tunable: {}",
            known.join(", ")
        );
    }
    Ok(())
}

/// Cross-validation: climbs on all folds but one, summarises the held-out fold, and
/// returns the held-out predictions as contract JSON lines.
fn cross_validate(args: &Args, items: &[Item], start: &Weights, datasets: usize) -> Vec<String> {
    println!("fold  train objective  held-out R1 (start)  held-out R1 (tuned)");
    let mut cv_lines = Vec::new();
    let mut held = vec![Vec::new(); datasets];
    for fold in 0..args.folds {
        let train: Vec<&Item> = items.iter().filter(|i| i.fold != fold).collect();
        let test: Vec<&Item> = items.iter().filter(|i| i.fold == fold).collect();
        let (w, train_value) = search::climb(
            start,
            &args.params,
            args.rounds,
            args.seed + fold as u64,
            &|w| objective(&train, w, datasets, &args.target),
        );
        let before = fmt(&per_dataset(&test, start, datasets));
        let after = fmt(&per_dataset(&test, &w, datasets));
        println!("{fold:>4}  {train_value:15.2}  {before:>22}  {after:>19}");
        for item in &test {
            held[item.dataset].push(rouge1(item, &w));
            let analysis = Analysis {
                sentences: item.sentences.clone(),
                summary: summarise(item, &w),
                ..Analysis::default()
            };
            cv_lines.push(contract::to_json(&item.article, &analysis).to_string());
        }
    }
    let cv: Vec<f64> = held
        .iter()
        .map(|v| v.iter().sum::<f64>() / v.len().max(1) as f64)
        .collect();
    println!("cross-validated R1 (this tool's ROUGE): {}", fmt(&cv));
    cv_lines
}

fn main() -> Result<()> {
    let args = Args::parse();
    check(&args)?;
    let mut tok = Tokenizer::new();
    let mut items = Vec::new();
    for (d, dir) in args.data.iter().enumerate() {
        items.extend(load(dir, d, args.folds, args.seed, &mut tok)?);
    }
    let datasets = args.data.len();
    let start: Weights = match &args.start {
        Some(json) => serde_json::from_str(json).context("--start")?,
        None => Weights::base(),
    };
    let names: Vec<String> = args.data.iter().map(|d| d.display().to_string()).collect();
    println!("datasets: {}", names.join(", "));
    let cv_lines = cross_validate(&args, &items, &start, datasets);
    if let Some(path) = &args.cv_pred {
        std::fs::write(path, cv_lines.join("\n") + "\n")?;
        println!("held-out predictions: {}", path.display());
    }
    let all: Vec<&Item> = items.iter().collect();
    let (w, value) = search::climb(&start, &args.params, args.rounds, args.seed, &|w| {
        objective(&all, w, datasets, &args.target)
    });
    println!(
        "all articles: objective {value:.2} (start {:.2}), R1 {}",
        objective(&all, &start, datasets, &args.target),
        fmt(&per_dataset(&all, &w, datasets))
    );
    let json = serde_json::to_string_pretty(&w)? + "\n";
    match &args.out {
        Some(path) => std::fs::write(path, json)?,
        None => std::io::stdout().write_all(json.as_bytes())?,
    }
    Ok(())
}
