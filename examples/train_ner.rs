//! Trains the named-entity model from CoNLL-2003 files and writes the model file.
//!
//! ```text
//! cargo run --release --example train_ner -- \
//!     --train ../shared/data/conll2003/conllpp_train.txt \
//!     --dev ../shared/data/conll2003/conllpp_dev.txt \
//!     --out src/analysis/entities/model/ner.bin
//! ```
//!
//! Deterministic for a given `--seed`. The dev file is only used to print the dev F1
//! after each epoch (for choosing `--epochs`); it never changes the weights.

use std::path::PathBuf;
use std::time::Instant;

use anyhow::{Context, Result};
use briefing::analysis::entities::{Model, conll, train};
use clap::Parser;

#[derive(Parser)]
struct Args {
    /// CoNLL-format training file.
    #[arg(long)]
    train: PathBuf,
    /// CoNLL-format development file (scored after each epoch).
    #[arg(long)]
    dev: Option<PathBuf>,
    /// Where to write the model.
    #[arg(long)]
    out: PathBuf,
    /// Feature table size is 2^bits rows.
    #[arg(long, default_value_t = 19)]
    bits: u32,
    #[arg(long, default_value_t = 10)]
    epochs: usize,
    #[arg(long, default_value_t = 2024)]
    seed: u64,
    /// Ignore features seen fewer times than this in training.
    #[arg(long, default_value_t = 2)]
    min_count: u32,
    /// 1: local features; 2: add the document-level second stage.
    #[arg(long, default_value_t = 2)]
    stages: usize,
    /// Jackknife folds for training the second stage.
    #[arg(long, default_value_t = 5)]
    folds: usize,
    /// Percentage of training documents cut into one-sentence documents.
    #[arg(long, default_value_t = 0)]
    isolate: u32,
    /// Percentage of training sentences written in capitals.
    #[arg(long, default_value_t = 10)]
    uncase: u32,
    /// Percentage of training documents with "U.S." written "US" (also UK, UN, EU).
    #[arg(long, default_value_t = 30)]
    modern: u32,
}

fn read(path: &PathBuf) -> Result<Vec<conll::Document>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    Ok(conll::parse(&text))
}

fn main() -> Result<()> {
    let args = Args::parse();
    anyhow::ensure!(
        (8..=24).contains(&args.bits),
        "--bits must be between 8 and 24"
    );
    let train_docs = read(&args.train)?;
    let dev_docs = match &args.dev {
        Some(p) => read(p)?,
        None => Vec::new(),
    };
    let opts = train::TrainOptions {
        bits: args.bits,
        epochs: args.epochs,
        seed: args.seed,
        min_count: args.min_count,
        stages: args.stages,
        folds: args.folds,
        isolate: args.isolate,
        uncase: args.uncase,
        modern: args.modern,
    };
    eprintln!("training on {} documents: {opts:?}", train_docs.len());
    let started = Instant::now();
    let model = train::train(&opts, &train_docs, &dev_docs, &mut |line| {
        eprintln!("[{:6.1}s] {line}", started.elapsed().as_secs_f64())
    });
    let bytes = model.encode();
    Model::decode(&bytes).context("the model just trained does not decode")?;
    std::fs::write(&args.out, &bytes)
        .with_context(|| format!("cannot write {}", args.out.display()))?;
    eprintln!("wrote {} ({} bytes)", args.out.display(), bytes.len());
    if !dev_docs.is_empty() {
        let tokens = dev_docs
            .iter()
            .flat_map(|d| &d.sentences)
            .map(|s| s.words.len())
            .sum();
        print!(
            "{}",
            train::evaluate(&model, &dev_docs, true).report(tokens)
        );
    }
    Ok(())
}
